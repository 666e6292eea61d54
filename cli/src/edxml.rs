//! `vanthu inspect | check | normalize | extract | reply`: edXML packages.

use std::ffi::OsString;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read as _, Seek as _, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use clap::Args;
use vanthu_edxml::{EdxmlError, Package, ReadOptions, StatusCode, ZIP_MAGIC};
use vanthu_identifiers::AnyAgencyId;

use crate::output::{Input, TempPath, open_input, open_seekable, print_json};
use crate::{CliError, Outcome};

/// Arguments of `vanthu inspect`.
#[derive(Debug, Args)]
pub(crate) struct InspectArgs {
    /// The package, streamed: a 200 MB package is never held in memory (`-`:
    /// standard input).
    file: PathBuf,
    /// Print JSON instead of text.
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
}

/// Refuses, before reading, a file that is not XML, saying what it is and
/// which command reads it (a PDF: `vanthu verify`; an archival package:
/// `vanthu archive check`).
fn expect_edxml(path: &Path, input: &mut Input) -> Result<(), CliError> {
    use std::io::BufRead as _;
    let head = input
        .fill_buf()
        .map_err(|e| CliError::new(format!("cannot read {}: {e}", path.display())))?;
    let head = head.get(..head.len().min(vanthu::HEAD_LEN)).unwrap_or(head);
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let looks_like_xml = text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
    let described = vanthu::describe(head);
    let what = match vanthu::detect(head) {
        Some(vanthu::Format::Edxml) => return Ok(()),
        Some(vanthu::Format::Pdf) => "a PDF: `vanthu verify` reads it".to_owned(),
        Some(vanthu::Format::Sip) if described == "a ZIP archive" => {
            "a ZIP: `vanthu archive check` reads archival packages".to_owned()
        }
        _ if looks_like_xml => return Ok(()),
        _ => described.to_owned(),
    };
    Err(CliError::new(format!(
        "{} is not an edXML package: the file is {what}",
        path.display()
    )))
}

fn read_error(path: &Path, e: &EdxmlError) -> CliError {
    CliError::new(format!("{}: {e}", path.display()))
}

/// A file written under a temporary name beside its target and renamed over
/// it by [`PartialFile::commit`]; dropped uncommitted, it is removed. So an
/// error never leaves half an output behind, and an output may replace the
/// input it is written from (the input stays readable until the rename).
struct PartialFile {
    out: BufWriter<File>,
    temp: TempPath,
    target: PathBuf,
}

impl PartialFile {
    /// Creates the temporary file for `target`; `purpose` tells apart
    /// several temporary files for one target.
    fn create(target: &Path, purpose: &str) -> Result<Self, CliError> {
        let name = target
            .file_name()
            .ok_or_else(|| CliError::new(format!("{}: not a file name", target.display())))?;
        let mut temp_name = OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{purpose}.vanthu-partial"));
        let temp = target.with_file_name(temp_name);
        let (file, temp) = TempPath::create(temp.clone(), true)
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", temp.display())))?;
        Ok(Self {
            out: BufWriter::new(file),
            temp,
            target: target.to_owned(),
        })
    }

    fn error(&self, e: &std::io::Error) -> CliError {
        CliError::new(format!("cannot write {}: {e}", self.target.display()))
    }

    /// What was written so far, read back from the start.
    fn read_back(&mut self) -> Result<BufReader<File>, CliError> {
        self.out.flush().map_err(|e| self.error(&e))?;
        File::open(self.temp.path())
            .map(BufReader::new)
            .map_err(|e| self.error(&e))
    }

    /// Renames the file to its target; returns its size.
    fn commit(mut self) -> Result<u64, CliError> {
        self.out.flush().map_err(|e| self.error(&e))?;
        let size = self
            .out
            .get_ref()
            .metadata()
            .map_err(|e| self.error(&e))?
            .len();
        let error = |e: std::io::Error| {
            CliError::new(format!("cannot write {}: {e}", self.target.display()))
        };
        self.temp.keep_as(&self.target).map_err(error)?;
        Ok(size)
    }
}

/// Streams an output through `write`: to standard output when `path` is
/// `-`, otherwise to a [`PartialFile`] committed when `write` succeeds.
fn write_output(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), CliError>,
) -> Result<(), CliError> {
    if path.as_os_str() == "-" {
        let mut out = BufWriter::new(std::io::stdout().lock());
        write(&mut out)?;
        return out
            .flush()
            .map_err(|e| CliError::new(format!("cannot write standard output: {e}")));
    }
    let mut file = PartialFile::create(path, "output")?;
    write(&mut file.out)?;
    file.commit().map(drop)
}

fn text_or_dash(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

pub(crate) fn inspect(args: &InspectArgs) -> Result<Outcome, CliError> {
    let mut input = open_input(&args.file)?;
    expect_edxml(&args.file, &mut input)?;
    let read = vanthu_edxml::read_with(&mut input, &ReadOptions::digest())
        .map_err(|e| read_error(&args.file, &e))?;
    if args.json {
        print_json(&vanthu::inspect::summary(&read))?;
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
            let business = d
                .trace
                .as_ref()
                .and_then(|t| t.business.as_ref())
                .and_then(|b| b.doc_type.as_deref());
            out!(
                "business:    {}",
                match business {
                    None => vanthu::identifiers::BusinessType::New.name(),
                    Some(code) =>
                        vanthu::identifiers::BusinessType::parse(code).map_or(code, |b| b.name()),
                }
            );
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
            let from = s.from.as_ref();
            out!(
                "from:        {} {}",
                text_or_dash(from.and_then(|f| f.organ_id.as_deref())),
                text_or_dash(from.and_then(|f| f.organ_name.as_deref()))
            );
            let r = s.response_for.as_ref();
            out!(
                "answers:     {}",
                text_or_dash(r.and_then(|r| r.document_id.as_deref()))
            );
        }
        _ => out!("kind:        {}", read.package.kind()),
    }
    out!("findings:    {}", read.findings.len());
    for f in &read.findings {
        out!("  {f}");
    }
    Ok(Outcome::Valid)
}

pub(crate) fn check(args: &CheckArgs) -> Result<Outcome, CliError> {
    crate::harness::check(&args.files, args.strict, args.json, &args.harness)
}

pub(crate) fn normalize(args: &NormalizeArgs) -> Result<Outcome, CliError> {
    let mut input = open_seekable(&args.input)?;
    expect_edxml(&args.input, &mut input)?;
    let read = vanthu_edxml::read_with(&mut input, &ReadOptions::default())
        .map_err(|e| read_error(&args.input, &e))?;
    write_output(&args.output, |out| {
        vanthu_edxml::write(&read.package, &mut read.seek_bodies(&mut input), out)
            .map(drop)
            .map_err(|e| CliError::new(format!("{}: {e}", args.input.display())))
    })?;
    Ok(Outcome::Valid)
}

/// One file `extract` wrote (its `--json` output is an array of these).
#[derive(Debug, serde::Serialize)]
struct Extracted {
    /// The attachment's `ContentId`.
    content_id: Option<String>,
    /// The attachment's `AttachmentName`, as the package gives it.
    name: Option<String>,
    /// Where it was written (a safe name inside the output folder).
    file: String,
    /// Decoded size in bytes.
    size: u64,
    /// SHA-256 of the decoded bytes.
    sha256: String,
    /// With `--unzip`: the entry written instead of a single-entry ZIP.
    unwrapped_entry: Option<String>,
    /// Bytes written.
    written_size: u64,
}

pub(crate) fn extract(args: &ExtractArgs) -> Result<Outcome, CliError> {
    let mut input = open_seekable(&args.file)?;
    expect_edxml(&args.file, &mut input)?;
    let read = vanthu_edxml::read_with(&mut input, &ReadOptions::default())
        .map_err(|e| read_error(&args.file, &e))?;
    let Package::Document(doc) = &read.package else {
        return Err(CliError::new(format!(
            "{}: a status package has no attachments",
            args.file.display()
        )));
    };
    std::fs::create_dir_all(&args.output)
        .map_err(|e| CliError::new(format!("cannot create {}: {e}", args.output.display())))?;
    let mut names = vanthu::names::UniqueNames::default();
    let mut listed = Vec::new();
    let mut all_ok = true;
    for (index, a) in doc.attachments.iter().enumerate() {
        let name = names.next(a.attachment_name.as_deref().unwrap_or_default(), index);
        let target = args.output.join(&name);
        // Decoded straight into the file: an attachment is never held in memory.
        let mut decoded = PartialFile::create(&target, "decoded")?;
        let digest = match read.decode_attachment_from(&mut input, index, &mut decoded.out) {
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
        let is_zip_name = name.to_ascii_lowercase().ends_with(".zip");
        let (unwrapped, written_size) = if args.unzip && !is_zip_name {
            unzip(&args.file, index, decoded, &target)?
        } else {
            (None, decoded.commit()?)
        };
        if !args.json {
            out!(
                "{} ({} bytes, sha256 {})",
                target.display(),
                digest.size,
                digest.sha256_hex()
            );
        }
        listed.push(Extracted {
            content_id: a.content_id.clone(),
            name: a.attachment_name.clone(),
            file: target.display().to_string(),
            size: digest.size,
            sha256: digest.sha256_hex(),
            unwrapped_entry: unwrapped,
            written_size,
        });
    }
    if args.json {
        print_json(&listed)?;
    }
    Ok(Outcome::from_valid(all_ok))
}

/// Writes to `target` the single entry of the ZIP in `decoded`, or, when it
/// is not a single-entry ZIP, `decoded` itself. Returns the entry's name
/// when unwrapped, and the size written.
fn unzip(
    package: &Path,
    index: usize,
    mut decoded: PartialFile,
    target: &Path,
) -> Result<(Option<String>, u64), CliError> {
    let mut zip = decoded.read_back()?;
    let mut magic = [0; 4];
    let is_zip = zip.read_exact(&mut magic).is_ok() && magic == *ZIP_MAGIC;
    if !is_zip {
        return Ok((None, decoded.commit()?));
    }
    zip.seek(SeekFrom::Start(0)).map_err(|e| {
        CliError::new(format!(
            "cannot read {}: {e}",
            decoded.temp.path().display()
        ))
    })?;
    let mut inner = PartialFile::create(target, "unzipped")?;
    match vanthu_edxml::unwrap_single_entry_zip(zip, &mut inner.out, 1 << 32) {
        Ok(entry) => Ok((Some(entry.entry_name), inner.commit()?)),
        Err(e) => {
            eprintln!(
                "vanthu: {}: attachment {}: not unwrapped: {e}",
                package.display(),
                index + 1
            );
            Ok((None, decoded.commit()?))
        }
    }
}

/// Parses `--at` in any form [`vanthu::parse_time`] reads.
fn parse_at(text: &str) -> Result<DateTime<FixedOffset>, CliError> {
    crate::signature::parse_time(text).map_err(|e| CliError::new(format!("--at: {e}")))
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
    let mut input = open_input(&args.file)?;
    expect_edxml(&args.file, &mut input)?;
    let read = vanthu_edxml::read_with(input, &ReadOptions::default())
        .map_err(|e| read_error(&args.file, &e))?;
    let Package::Document(doc) = &read.package else {
        return Err(CliError::new(format!(
            "{}: a status package cannot be answered",
            args.file.display()
        )));
    };
    let mut request = vanthu::ReplyRequest::new(code, from_id).policy(
        args.rules
            .map(vanthu::workflow::Policy::local)
            .unwrap_or_default(),
    );
    if let Some(name) = &args.from_name {
        request = request.from_name(name);
    }
    if let Some(d) = &args.description {
        request = request.description(d);
    }
    let status = match vanthu::reply(doc, &request, &at) {
        Ok(status) => status,
        Err(vanthu::ReplyError::Refused(finding)) => {
            eprintln!(
                "{}: not written: {finding} [{}]\n  không ghi gói trạng thái: {}",
                args.file.display(),
                finding.source,
                finding.message_vi
            );
            return Ok(Outcome::Invalid);
        }
        Err(e) => return Err(CliError::new(format!("{}: {e}", args.file.display()))),
    };
    write_output(&args.output, |out| {
        vanthu_edxml::write_status(&status, out).map_err(|e| CliError::new(e.to_string()))
    })?;
    Ok(Outcome::Valid)
}
