//! `vanthu inspect | check | normalize | extract | reply`: edXML packages.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone as _};
use clap::Args;
use serde_json::{Value, json};
use vanthu_edxml::{
    DocumentPackage, EdxmlError, Organization, Package, Profile, ReadOptions, ReadOutput,
    StatusCode, StatusPackage, ValidateOptions, ZIP_MAGIC,
};
use vanthu_identifiers::{AnyAgencyId, Finding, Severity};

use crate::output::{print_json, read_input};
use crate::{CliError, Outcome};

/// Arguments of `vanthu inspect`.
#[derive(Debug, Args)]
pub(crate) struct InspectArgs {
    /// The package (`-` for standard input).
    file: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Arguments of `vanthu check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// edXML packages, PDFs, SIP ZIPs or folders of them (recursive; recognised by
    /// content); `-` reads one edXML package from standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Sender profile: every deviation from the reference form is an error.
    #[arg(long)]
    strict: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Folders, PDFs, SIPs, JUnit (see `crate::harness`).
    #[command(flatten)]
    harness: crate::harness::HarnessArgs,
}

/// Arguments of `vanthu normalize`.
#[derive(Debug, Args)]
pub(crate) struct NormalizeArgs {
    /// The package (`-` for standard input).
    input: PathBuf,
    /// Where to write the canonical package (`-` for standard output).
    #[arg(short, long)]
    output: PathBuf,
}

/// Arguments of `vanthu extract`.
#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// The package (`-` for standard input).
    file: PathBuf,
    /// The directory to write the attachments into (created if needed).
    #[arg(short, long)]
    output: PathBuf,
    /// Unwrap single-entry ZIP wrappers (VNPT zips file types it does not
    /// know), restoring the name from `AttachmentName`.
    #[arg(long)]
    unzip: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Arguments of `vanthu reply`.
#[derive(Debug, Args)]
pub(crate) struct ReplyArgs {
    /// The document package to answer.
    file: PathBuf,
    /// The status code: 01–06, 13, 15 or 16.
    #[arg(long)]
    status: String,
    /// The agency id of the organisation that replies.
    #[arg(long)]
    from: String,
    /// Its name (default: the name the package gives it, if it is a recipient).
    #[arg(long)]
    from_name: Option<String>,
    /// The description (default: the usual text of the status code).
    #[arg(long)]
    description: Option<String>,
    /// The time of the status, Vietnam time `yyyy/MM/dd HH:mm:ss` or RFC 3339
    /// (default: now).
    #[arg(long)]
    at: Option<String>,
    /// Where to write the status package (`-` for standard output).
    #[arg(short, long)]
    output: PathBuf,
}

fn read_error(path: &Path, e: &EdxmlError) -> CliError {
    CliError::new(format!("{}: {e}", path.display()))
}

fn write_output(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    if path.as_os_str() == "-" {
        std::io::stdout()
            .write_all(bytes)
            .map_err(|e| CliError::new(format!("cannot write standard output: {e}")))
    } else {
        std::fs::write(path, bytes)
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", path.display())))
    }
}

fn org_json(o: Option<&Organization>) -> Value {
    match o {
        Some(o) => json!({ "organ_id": o.organ_id, "organ_name": o.organ_name }),
        None => Value::Null,
    }
}

fn inspect_json(read: &ReadOutput) -> Value {
    match &read.package {
        Package::Document(d) => {
            let h = &d.header;
            let attachments: Vec<Value> = d
                .attachments
                .iter()
                .zip(&read.layout)
                .map(|(a, l)| {
                    json!({
                        "content_id": a.content_id,
                        "name": a.attachment_name,
                        "content_type": a.content_type,
                        "size": l.digest.map(|d| d.size),
                        "sha256": l.digest.map(|d| d.sha256_hex()),
                        "base64_error": l.base64_error,
                    })
                })
                .collect();
            let business = d.trace.as_ref().and_then(|t| t.business.as_ref());
            json!({
                "kind": "document",
                "document_id": h.document_id,
                "from": org_json(h.from.as_ref()),
                "to": h.to.iter().map(|o| org_json(Some(o))).collect::<Vec<_>>(),
                "code": h.code.as_ref().map(|c| json!({ "number": c.code_number, "notation": c.code_notation })),
                "promulgation_date": h.promulgation_info.as_ref().and_then(|p| p.promulgation_date.clone()),
                "document_type": h.document_type.as_ref().and_then(|t| t.type_name.clone()),
                "subject": h.subject,
                "priority": h.other_info.as_ref().and_then(|o| o.priority.clone()),
                "steering_type": h.steering_type,
                "business_doc_type": business.and_then(|b| b.doc_type.clone()),
                "attachments": attachments,
                "findings": read.findings.len(),
            })
        }
        Package::Status(s) => json!({
            "kind": "status",
            "status_code": s.status_code,
            "description": s.description,
            "timestamp": s.timestamp,
            "from": org_json(s.from.as_ref()),
            "response_for": s.response_for.as_ref().map(|r| json!({
                "organ_id": r.organ_id,
                "code": r.code,
                "document_id": r.document_id,
                "promulgation_date": r.promulgation_date,
            })),
            "findings": read.findings.len(),
        }),
        _ => json!({ "kind": read.package.kind() }),
    }
}

fn text_or_dash(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

pub(crate) fn inspect(args: &InspectArgs) -> Result<Outcome, CliError> {
    let bytes = read_input(&args.file)?;
    let options = ReadOptions::digest();
    let read =
        vanthu_edxml::read_with(&bytes[..], &options).map_err(|e| read_error(&args.file, &e))?;
    if args.json {
        print_json(&inspect_json(&read))?;
        return Ok(Outcome::Valid);
    }
    match &read.package {
        Package::Document(d) => {
            let h = &d.header;
            out!("kind:        document");
            out!("document id: {}", text_or_dash(h.document_id.as_deref()));
            let from = h.from.as_ref();
            out!(
                "from:        {} {}",
                text_or_dash(from.and_then(|f| f.organ_id.as_deref())),
                text_or_dash(from.and_then(|f| f.organ_name.as_deref()))
            );
            for to in &h.to {
                out!(
                    "to:          {} {}",
                    text_or_dash(to.organ_id.as_deref()),
                    text_or_dash(to.organ_name.as_deref())
                );
            }
            if let Some(c) = &h.code {
                out!(
                    "code:        {}/{}",
                    text_or_dash(c.code_number.as_deref()),
                    text_or_dash(c.code_notation.as_deref())
                );
            }
            out!("subject:     {}", text_or_dash(h.subject.as_deref()));
            for (a, l) in d.attachments.iter().zip(&read.layout) {
                let (size, sha) = l.digest.map_or(("?".to_owned(), "?".to_owned()), |d| {
                    (d.size.to_string(), d.sha256_hex())
                });
                out!(
                    "attachment:  {} ({}, {size} bytes, sha256 {sha})",
                    text_or_dash(a.attachment_name.as_deref()),
                    text_or_dash(a.content_type.as_deref())
                );
            }
        }
        Package::Status(s) => {
            out!("kind:        status");
            out!("status code: {}", text_or_dash(s.status_code.as_deref()));
            out!("description: {}", text_or_dash(s.description.as_deref()));
            out!("timestamp:   {}", text_or_dash(s.timestamp.as_deref()));
            let r = s.response_for.as_ref();
            out!(
                "answers:     {}",
                text_or_dash(r.and_then(|r| r.document_id.as_deref()))
            );
        }
        _ => out!("kind:        {}", read.package.kind()),
    }
    Ok(Outcome::Valid)
}

pub(crate) fn check(args: &CheckArgs) -> Result<Outcome, CliError> {
    // Files and folders go through the harness; standard input stays here.
    if !args.files.iter().any(|f| f.as_os_str() == "-") {
        return crate::harness::check(&args.files, args.strict, args.json, &args.harness);
    }
    let options = ValidateOptions::new(if args.strict {
        Profile::Sender
    } else {
        Profile::Receiver
    });
    let mut results = Vec::new();
    let mut any_error = false;
    let mut unreadable = false;
    for file in &args.files {
        let bytes = match read_input(file) {
            Ok(b) => b,
            Err(e) => {
                unreadable = true;
                results.push(json!({ "file": file.display().to_string(), "conformant": false, "error": e.to_string(), "findings": [] }));
                if !args.json {
                    out!("{}: unreadable: {e}", file.display());
                }
                continue;
            }
        };
        match vanthu_edxml::check(&bytes, &ReadOptions::default(), &options) {
            Ok(report) => {
                let conformant = report.conformant();
                any_error |= !conformant;
                if args.json {
                    results.push(json!({
                        "file": file.display().to_string(),
                        "kind": report.read.package.kind(),
                        "conformant": conformant,
                        "findings": report.findings.iter().map(finding_json).collect::<Vec<_>>(),
                    }));
                } else {
                    print_findings(file, conformant, &report.findings);
                }
            }
            Err(e) => {
                unreadable = true;
                let position = e.position();
                if args.json {
                    results.push(json!({
                        "file": file.display().to_string(),
                        "conformant": false,
                        "error": e.to_string(),
                        "findings": [{
                            "rule": "EDXML-READ-000",
                            "severity": "error",
                            "message": e.kind().to_string(),
                            "message_vi": "không đọc được gói tin",
                            "location": position.map(|p| json!({ "line": p.line, "column": p.column, "offset": p.offset })),
                            "source": "W3C XML 1.0; QCVN 102:2016/BTTTT",
                        }],
                    }));
                } else {
                    out!("{}: unreadable: {e}", file.display());
                }
            }
        }
    }
    if args.json {
        print_json(&Value::Array(results))?;
    }
    if unreadable {
        return Err(CliError::new(
            "some input could not be read as an edXML package",
        ));
    }
    Ok(Outcome::from_valid(!any_error))
}

fn finding_json(f: &Finding) -> Value {
    json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "message": f.message,
        "message_vi": f.message_vi,
        "location": {
            "path": f.location.path,
            "line": f.location.line,
            "column": f.location.column,
            "offset": f.location.offset,
        },
        "source": f.source,
    })
}

fn print_findings(file: &Path, conformant: bool, findings: &[Finding]) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    out!(
        "{}: {} ({errors} error(s), {warnings} warning(s), {} note(s))",
        file.display(),
        if conformant {
            "conformant"
        } else {
            "NOT conformant"
        },
        findings.len() - errors - warnings
    );
    for f in findings {
        out!("  {f}");
    }
}

pub(crate) fn normalize(args: &NormalizeArgs) -> Result<Outcome, CliError> {
    let bytes = read_input(&args.input)?;
    let read = vanthu_edxml::read(&bytes).map_err(|e| read_error(&args.input, &e))?;
    let mut out = Vec::new();
    vanthu_edxml::write(&read.package, &mut read.bodies(&bytes), &mut out)
        .map_err(|e| CliError::new(format!("{}: {e}", args.input.display())))?;
    write_output(&args.output, &out)?;
    Ok(Outcome::Valid)
}

/// A file name that stays inside the output directory: the last path
/// component, without control characters, never `.` or `..`.
pub(crate) fn safe_file_name(name: &str, index: usize) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        format!("attachment-{}", index + 1)
    } else {
        cleaned
    }
}

pub(crate) fn extract(args: &ExtractArgs) -> Result<Outcome, CliError> {
    let bytes = read_input(&args.file)?;
    let read = vanthu_edxml::read(&bytes).map_err(|e| read_error(&args.file, &e))?;
    let Package::Document(doc) = &read.package else {
        return Err(CliError::new(format!(
            "{}: a status package has no attachments",
            args.file.display()
        )));
    };
    std::fs::create_dir_all(&args.output)
        .map_err(|e| CliError::new(format!("cannot create {}: {e}", args.output.display())))?;
    let mut used: Vec<String> = Vec::new();
    let mut listed = Vec::new();
    let mut all_ok = true;
    for (index, a) in doc.attachments.iter().enumerate() {
        let mut name = safe_file_name(a.attachment_name.as_deref().unwrap_or_default(), index);
        let base = name.clone();
        let mut n = 1;
        while used.contains(&name) {
            n += 1;
            name = format!("{n}-{base}");
        }
        used.push(name.clone());
        let target = args.output.join(&name);
        let mut decoded = Vec::new();
        let digest = match read.decode_attachment(&bytes, index, &mut decoded) {
            Ok(d) => d,
            Err(e) => {
                all_ok = false;
                eprintln!(
                    "vanthu: {}: attachment {}: {e}",
                    args.file.display(),
                    index + 1
                );
                continue;
            }
        };
        let mut unwrapped = None;
        let is_zip_name = name.to_ascii_lowercase().ends_with(".zip");
        if args.unzip && decoded.starts_with(ZIP_MAGIC) && !is_zip_name {
            let mut inner = Vec::new();
            match vanthu_edxml::unwrap_single_entry_zip(
                std::io::Cursor::new(&decoded),
                &mut inner,
                1 << 32,
            ) {
                Ok(entry) => {
                    unwrapped = Some(entry.entry_name);
                    decoded = inner;
                }
                Err(e) => eprintln!(
                    "vanthu: {}: attachment {}: not unwrapped: {e}",
                    args.file.display(),
                    index + 1
                ),
            }
        }
        std::fs::write(&target, &decoded)
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", target.display())))?;
        if !args.json {
            out!(
                "{} ({} bytes, sha256 {})",
                target.display(),
                digest.size,
                digest.sha256_hex()
            );
        }
        listed.push(json!({
            "content_id": a.content_id,
            "name": a.attachment_name,
            "file": target.display().to_string(),
            "size": digest.size,
            "sha256": digest.sha256_hex(),
            "unwrapped_entry": unwrapped,
            "written_size": decoded.len(),
        }));
    }
    if args.json {
        print_json(&Value::Array(listed))?;
    }
    Ok(Outcome::from_valid(all_ok))
}

/// Parses `--at`: Vietnam time `yyyy/MM/dd HH:mm:ss`, or RFC 3339.
fn parse_at(text: &str) -> Result<DateTime<FixedOffset>, CliError> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t);
    }
    vanthu_edxml::parse_timestamp(text)
        .or_else(|| {
            NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
                .ok()
                .and_then(|n| {
                    vanthu_edxml::vietnam_offset()
                        .from_local_datetime(&n)
                        .single()
                })
        })
        .ok_or_else(|| {
            CliError::new(format!(
                "--at {text:?}: expected yyyy/MM/dd HH:mm:ss (Vietnam time) or RFC 3339"
            ))
        })
}

fn now() -> Result<DateTime<FixedOffset>, CliError> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| CliError::new(format!("system clock before 1970: {e}")))?
        .as_secs();
    let secs = i64::try_from(secs).map_err(|_| CliError::new("system clock out of range"))?;
    DateTime::from_timestamp(secs, 0)
        .map(|t| t.with_timezone(&vanthu_edxml::vietnam_offset()))
        .ok_or_else(|| CliError::new("system clock out of range"))
}

pub(crate) fn reply(args: &ReplyArgs) -> Result<Outcome, CliError> {
    let code = StatusCode::parse(&args.status);
    if !code.is_known() {
        return Err(CliError::new(format!(
            "--status {:?}: expected one of 01, 02, 03, 04, 05, 06, 13, 15, 16",
            args.status
        )));
    }
    let from_id = args.from.trim();
    AnyAgencyId::parse_lenient(from_id)
        .map_err(|e| CliError::new(format!("--from {from_id:?}: {e}")))?;
    let at = match &args.at {
        Some(t) => parse_at(t)?,
        None => now()?,
    };
    let bytes = read_input(&args.file)?;
    let read = vanthu_edxml::read(&bytes).map_err(|e| read_error(&args.file, &e))?;
    let Package::Document(doc) = &read.package else {
        return Err(CliError::new(format!(
            "{}: a status package cannot be answered",
            args.file.display()
        )));
    };
    let from = organization_for(doc, from_id, args.from_name.as_deref());
    let mut status = StatusPackage::reply(doc, &code, from, &at);
    if code.sent_by_sender() {
        // 13 goes from the sender to a recipient: address the first one.
        if let Some(to) = doc.header.to.first().and_then(|t| t.organ_id.as_deref()) {
            status = status.addressed_to(to);
        }
    }
    if let Some(d) = &args.description {
        status = status.with_description(d);
    }
    let mut out = Vec::new();
    vanthu_edxml::write_status(&status, &mut out).map_err(|e| CliError::new(e.to_string()))?;
    write_output(&args.output, &out)?;
    Ok(Outcome::Valid)
}

/// The replying organisation: as the package describes it when it is a
/// recipient (or the sender), otherwise just its id and the given name.
fn organization_for(doc: &DocumentPackage, id: &str, name: Option<&str>) -> Organization {
    let known = doc
        .header
        .to
        .iter()
        .chain(doc.header.from.iter())
        .find(|o| o.organ_id.as_deref().map(str::trim) == Some(id))
        .cloned();
    let mut org = known.unwrap_or_else(|| Organization::new(id, name.unwrap_or(id)));
    if let Some(n) = name {
        org.organ_name = Some(n.to_owned());
    }
    org
}
