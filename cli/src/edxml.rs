//! `vanthu inspect | check | normalize | extract | reply | write`: edXML packages.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use crate::output::{print_json, spool_stdin};
use crate::{CliError, Outcome};

/// Arguments of `vanthu inspect`.
#[derive(Debug, Args)]
pub(crate) struct InspectArgs {
    /// The package, streamed: a 200 MB package is never held in memory (`-`:
    /// standard input, first copied to a temporary file). Its findings are
    /// those of `vanthu check` (receiver profile, today, no trust anchor).
    file: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Print the package's whole model as JSON instead (everything but the
    /// attachments' content, which `extract` writes): what `vanthu write`
    /// takes back.
    #[arg(long, conflicts_with = "json")]
    model: bool,
}

/// Arguments of `vanthu write`.
#[derive(Debug, Args)]
pub(crate) struct WriteArgs {
    /// The package's model as JSON (what `vanthu inspect --model` prints;
    /// `-`: standard input).
    model: PathBuf,
    /// The files of the attachments, one per attachment of the model, in
    /// order, streamed.
    attachments: Vec<PathBuf>,
    /// Where to write the package.
    #[arg(short, long)]
    output: PathBuf,
    /// Print JSON: the file written (`file`, `size`, `sha256`), `kind`,
    /// `document_id` and each attachment's `size` and `sha256`.
    #[arg(long)]
    json: bool,
}

/// Arguments of `vanthu check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// edXML packages, PDFs, SIP ZIPs or folders of them (recursive; recognised by
    /// content); `-` reads one edXML package from standard input. Packages are
    /// streamed and checked in one pass, in memory that does not grow with them.
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
    /// The package, streamed from the file: a 200 MB package is never held in
    /// memory (`-`: standard input, first copied to a temporary file, as the
    /// attachments are read by seeking).
    input: PathBuf,
    /// Where to write the canonical package (`-` for standard output).
    #[arg(short, long)]
    output: PathBuf,
    /// Print JSON: the file written (`file`, `size`, `sha256`).
    #[arg(long)]
    json: bool,
}

/// Arguments of `vanthu extract`.
#[derive(Debug, Args)]
pub(crate) struct ExtractArgs {
    /// The package, streamed from the file: a 200 MB package is never held in
    /// memory (`-`: standard input, first copied to a temporary file, as the
    /// attachments are read by seeking).
    file: PathBuf,
    /// The directory to write the attachments into (created if needed).
    #[arg(short, long)]
    output: PathBuf,
    /// Unwrap single-entry ZIP wrappers (VNPT zips file types it does not
    /// know), restoring the name from `AttachmentName`.
    #[arg(long)]
    unzip: bool,
    /// The most bytes this extraction writes in total, attachments and
    /// unwrapped entries together (default 4 GiB,
    /// `vanthu_edxml::Limits::max_extracted_bytes`): beyond it the extraction
    /// stops with exit 2 and removes every file it wrote.
    #[arg(long, value_name = "BYTES")]
    max_bytes: Option<u64>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Arguments of `vanthu reply`.
#[derive(Debug, Args)]
pub(crate) struct ReplyArgs {
    /// The document package to answer (`-`: standard input).
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
    /// The rules the answering agency works under: national (default),
    /// ho-chi-minh-city, phu-nhuan, nam-dinh or quang-nam.
    #[arg(long = "rules", value_name = "NAME")]
    rules: Option<vanthu::workflow::LocalRules>,
    /// Print JSON: the file written (`file`, `size`, `sha256`) and the
    /// status package as `inspect` reads it back (`status`).
    #[arg(long)]
    json: bool,
}

fn text_or_dash(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

/// The package a facade call reads: the file as given, or standard input
/// (`-`) copied to a temporary file (the package is read by seeking),
/// removed when dropped.
struct PackageInput {
    given: PathBuf,
    spool: Option<crate::output::Spool>,
}

impl PackageInput {
    fn new(given: &Path) -> Result<Self, CliError> {
        let spool = if given.as_os_str() == "-" {
            Some(spool_stdin()?)
        } else {
            None
        };
        Ok(Self {
            given: given.to_owned(),
            spool,
        })
    }

    /// The path to read.
    fn path(&self) -> &Path {
        self.spool.as_deref().map_or(self.given.as_path(), |t| t)
    }

    /// A facade error as the CLI reports it, naming the file as the user
    /// named it: a refusal is printed in both languages (exit 1), any
    /// other error is exit 2.
    fn failed(&self, e: &vanthu::api::ApiError) -> Result<Outcome, CliError> {
        let message = e.message.replace(
            &self.path().display().to_string(),
            &self.given.display().to_string(),
        );
        if e.kind == vanthu::api::ApiErrorKind::Refused {
            eprintln!("{message}\n  {}", e.message_vi);
            return Ok(Outcome::Invalid);
        }
        Err(CliError::new(message))
    }

    /// Writes the facade's output: to standard output through `to_stdout`
    /// when `output` is `-`, otherwise to the file through `to_file`, whose
    /// value is printed with `--json`.
    fn write<T: serde::Serialize>(
        &self,
        output: &Path,
        json: bool,
        to_stdout: impl FnOnce(&Path, &mut dyn Write) -> Result<(), vanthu::api::ApiError>,
        to_file: impl FnOnce(&Path) -> Result<T, vanthu::api::ApiError>,
    ) -> Result<Outcome, CliError> {
        if output.as_os_str() == "-" {
            let mut out = BufWriter::new(std::io::stdout().lock());
            if let Err(e) = to_stdout(self.path(), &mut out) {
                return self.failed(&e);
            }
            out.flush()
                .map_err(|e| CliError::new(format!("cannot write standard output: {e}")))?;
            return Ok(Outcome::Valid);
        }
        match to_file(self.path()) {
            Ok(written) => {
                if json {
                    print_json(&written)?;
                }
                Ok(Outcome::Valid)
            }
            Err(e) => self.failed(&e),
        }
    }
}

pub(crate) fn inspect(args: &InspectArgs) -> Result<Outcome, CliError> {
    // Standard input is spooled: the package is read twice (summary, then
    // the check) and ZIP-wrapped attachments are decoded by seeking.
    let package = PackageInput::new(&args.file)?;
    if args.model {
        return match vanthu::api::model(package.path()) {
            Ok(model) => print_json(&model).map(|()| Outcome::Valid),
            Err(e) => package.failed(&e),
        };
    }
    let summary = match vanthu::api::inspect(package.path()) {
        Ok(summary) => summary,
        Err(e) => return package.failed(&e),
    };
    if args.json {
        print_json(&summary)?;
        return Ok(Outcome::Valid);
    }
    print_summary(&summary);
    Ok(Outcome::Valid)
}

/// The text form of `inspect`.
fn print_summary(summary: &vanthu::inspect::Summary) {
    use vanthu::inspect::Summary;
    let agency = |a: Option<&vanthu::inspect::Agency>| {
        format!(
            "{} {}",
            text_or_dash(a.and_then(|a| a.organ_id.as_deref())),
            text_or_dash(a.and_then(|a| a.organ_name.as_deref()))
        )
    };
    let findings = match summary {
        Summary::Document(d) => {
            out!("kind:        document");
            out!("document id: {}", text_or_dash(d.document_id.as_deref()));
            out!("from:        {}", agency(d.from.as_ref()));
            for to in &d.to {
                out!("to:          {}", agency(Some(to)));
            }
            if let Some(c) = &d.code {
                out!(
                    "code:        {}/{}",
                    text_or_dash(c.number.as_deref()),
                    text_or_dash(c.notation.as_deref())
                );
            }
            out!("subject:     {}", text_or_dash(d.subject.as_deref()));
            out!(
                "business:    {}",
                d.business
                    .as_deref()
                    .or(d.business_doc_type.as_deref())
                    .unwrap_or("-")
            );
            for a in &d.attachments {
                let size = a.size.map_or("?".to_owned(), |s| s.to_string());
                let sha = a.sha256.as_deref().unwrap_or("?");
                out!(
                    "attachment:  {} ({}, {size} bytes, sha256 {sha})",
                    text_or_dash(a.name.as_deref()),
                    text_or_dash(a.content_type.as_deref())
                );
                if let Some(u) = &a.unwrapped {
                    out!(
                        "  unwrapped: {} ({} bytes, sha256 {}) inside the transported ZIP",
                        u.name,
                        u.size,
                        u.sha256
                    );
                }
            }
            &d.findings
        }
        Summary::Status(s) => {
            out!("kind:        status");
            out!("status code: {}", text_or_dash(s.status_code.as_deref()));
            out!("description: {}", text_or_dash(s.description.as_deref()));
            out!("timestamp:   {}", text_or_dash(s.timestamp.as_deref()));
            out!("from:        {}", agency(s.from.as_ref()));
            let r = s.response_for.as_ref();
            out!(
                "answers:     {}",
                text_or_dash(r.and_then(|r| r.document_id.as_deref()))
            );
            &s.findings
        }
        _ => {
            out!("kind:        other");
            return;
        }
    };
    out!("findings:    {}", findings.len());
    for f in findings {
        out!("  {f}");
    }
}

pub(crate) fn check(args: &CheckArgs) -> Result<Outcome, CliError> {
    crate::harness::check(&args.files, args.strict, args.json, &args.harness)
}

pub(crate) fn normalize(args: &NormalizeArgs) -> Result<Outcome, CliError> {
    PackageInput::new(&args.input)?.write(
        &args.output,
        args.json,
        vanthu::api::normalize_to,
        |path| vanthu::api::normalize(path, &args.output),
    )
}

pub(crate) fn write(args: &WriteArgs) -> Result<Outcome, CliError> {
    let model = crate::output::read_input(&args.model)?;
    let model = String::from_utf8(model)
        .map_err(|_| CliError::new(format!("{}: the model is not UTF-8", args.model.display())))?;
    match vanthu::api::write(&model, &args.attachments, &args.output) {
        Ok(written) => {
            if args.json {
                print_json(&written)?;
            }
            Ok(Outcome::Valid)
        }
        Err(e) => Err(CliError::new(format!(
            "{}: {}",
            args.model.display(),
            e.message
        ))),
    }
}

pub(crate) fn extract(args: &ExtractArgs) -> Result<Outcome, CliError> {
    let package = PackageInput::new(&args.file)?;
    let mut extract = vanthu::api::ExtractArgs::default();
    extract.unzip = args.unzip;
    extract.max_bytes = args.max_bytes;
    let mut all_ok = true;
    let listed = vanthu::api::extract_each(package.path(), &args.output, &extract, |_, e| {
        all_ok = false;
        eprintln!(
            "vanthu: {}",
            e.message.replace(
                &package.path().display().to_string(),
                &args.file.display().to_string()
            )
        );
    });
    let listed = match listed {
        Ok(listed) => listed,
        Err(e) => return package.failed(&e),
    };
    if args.json {
        print_json(&listed)?;
        return Ok(Outcome::from_valid(all_ok));
    }
    for file in &listed {
        match &file.unwrapped_entry_original {
            Some(raw) => out!(
                "{} ({} bytes, sha256 {}): unwrapped entry {raw:?}, from a transported ZIP of {} bytes, sha256 {}",
                file.file,
                file.written_size,
                file.written_sha256,
                file.size,
                file.sha256
            ),
            None => out!(
                "{} ({} bytes, sha256 {})",
                file.file,
                file.size,
                file.sha256
            ),
        }
        for finding in &file.findings {
            out!("  {finding}");
        }
    }
    Ok(Outcome::from_valid(all_ok))
}

pub(crate) fn reply(args: &ReplyArgs) -> Result<Outcome, CliError> {
    let mut reply = vanthu::api::ReplyArgs::default();
    reply.from_name.clone_from(&args.from_name);
    reply.description.clone_from(&args.description);
    reply.at.clone_from(&args.at);
    reply.rules = args.rules.map(|r| r.to_string());
    PackageInput::new(&args.file)?.write(
        &args.output,
        args.json,
        |path, out| vanthu::api::reply_to(path, &args.status, &args.from, &reply, out),
        |path| vanthu::api::reply(path, &args.status, &args.from, &args.output, &reply),
    )
}
