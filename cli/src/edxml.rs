//! `vanthu inspect | check | normalize | extract | reply`: edXML packages.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read as _, Seek as _, SeekFrom, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use vanthu_edxml::{
    Digest, EdxmlError, ErrorKind, Limit, Package, ReadOptions, ReadOutput, ZIP_MAGIC,
};
use vanthu_identifiers::Finding;

use crate::output::{Input, TempPath, open_seekable, print_json, spool_stdin, utf8_source};
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

/// Refuses, before reading, a file that is not XML, saying what it is and
/// which command reads it (a PDF: `vanthu verify`; an archival package:
/// `vanthu archive check`).
fn expect_edxml(path: &Path, input: &mut Input) -> Result<(), CliError> {
    use std::io::BufRead as _;
    let head = input
        .fill_buf()
        .map_err(|e| CliError::new(format!("cannot read {}: {e}", path.display())))?;
    match vanthu::not_edxml(head) {
        None => Ok(()),
        Some(what) => Err(CliError::new(format!(
            "{} is not an edXML package: the file is {what}",
            path.display()
        ))),
    }
}

/// Prints on standard error a finding that makes `path` not acceptable,
/// in English and Vietnamese.
fn print_refusal(path: &Path, finding: &Finding) {
    eprintln!(
        "{}: {finding} [{}]\n  {}",
        path.display(),
        finding.source,
        finding.message_vi
    );
}

/// Reads a package for `normalize`, `extract`, `inspect` and `reply`. A package that
/// is read but refused by a rule (a `DOCTYPE`: `EDXML-XML-010`) is
/// `Ok(Err(Outcome::Invalid))`, its finding printed: exit 1, as `check`;
/// an unreadable one is an error (exit 2).
fn read_package<R: std::io::BufRead>(
    path: &Path,
    input: R,
    options: &ReadOptions,
) -> Result<Result<ReadOutput, Outcome>, CliError> {
    match vanthu_edxml::read_with(input, options) {
        Ok(read) => Ok(Ok(read)),
        Err(e) if e.is_refusal() => {
            print_refusal(path, &e.to_finding());
            Ok(Err(Outcome::Invalid))
        }
        Err(e) => Err(CliError::new(format!("{}: {e}", path.display()))),
    }
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
        let dir = target.parent().unwrap_or(Path::new("."));
        let prefix = format!(".{}.{purpose}.", name.to_string_lossy());
        let (file, temp) = crate::output::new_temp(dir, &prefix, ".vanthu-partial")
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", target.display())))?;
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
        File::open(&*self.temp)
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
        self.temp
            .persist(&self.target)
            .map_err(|e| error(e.error))?;
        Ok(size)
    }
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

/// One file `extract` wrote (its `--json` output is an array of these).
#[derive(Debug, serde::Serialize)]
struct Extracted {
    /// The attachment's `ContentId`.
    content_id: Option<String>,
    /// The name of the file written: a safe name inside the output folder
    /// (`vanthu_edxml::names::safe_file_name`), never a path.
    name: String,
    /// Where it was written: the output folder joined with `name`.
    file: String,
    /// The attachment's `AttachmentName` as the package gives it, with
    /// invisible and control characters escaped (`\u{202e}`): for
    /// reference only, never a path that was written.
    original_name: Option<String>,
    /// Decoded size in bytes.
    size: u64,
    /// SHA-256 of the decoded bytes.
    sha256: String,
    /// With `--unzip`: the entry written instead of a single-entry ZIP, as
    /// a safe name (the file itself is written as `name`).
    unwrapped_entry: Option<String>,
    /// The same entry's name as the ZIP gives it, escaped as `original_name`.
    unwrapped_entry_original: Option<String>,
    /// Bytes written (the unwrapped entry's size when unwrapped).
    written_size: u64,
    /// SHA-256 of the bytes written.
    written_sha256: String,
    /// Findings about this attachment's file (`EDXML-ATT-021`: written
    /// under another name than the package gives it).
    findings: Vec<Finding>,
}

/// What one extraction wrote so far, against its total cap
/// (`Limits::max_extracted_bytes`, `--max-bytes`).
struct Written {
    files: Vec<PathBuf>,
    bytes: u64,
    cap: u64,
}

impl Written {
    /// Bytes this extraction may still write.
    fn remaining(&self) -> u64 {
        self.cap.saturating_sub(self.bytes)
    }

    /// Commits `file` if its `size` fits in what remains.
    fn commit(&mut self, file: PartialFile, size: u64) -> Result<(), Exceeded> {
        if size > self.remaining() {
            return Err(Exceeded::Cap);
        }
        let target = file.target.clone();
        file.commit().map_err(Exceeded::Io)?;
        self.files.push(target);
        self.bytes += size;
        Ok(())
    }

    /// Removes every file this extraction wrote, and says why.
    fn undo(self, package: &Path, index: usize) -> CliError {
        for file in &self.files {
            let _ = std::fs::remove_file(file);
        }
        let e = EdxmlError::new(ErrorKind::LimitExceeded {
            limit: Limit::ExtractedBytes,
            max: self.cap,
        });
        CliError::new(format!(
            "{}: attachment {}: {e} ({}); the {} file(s) written were removed",
            package.display(),
            index + 1,
            e.code(),
            self.files.len()
        ))
    }
}

/// Why a file was not committed.
enum Exceeded {
    /// It does not fit in the extraction's total cap.
    Cap,
    /// Writing it failed.
    Io(CliError),
}

pub(crate) fn extract(args: &ExtractArgs) -> Result<Outcome, CliError> {
    let mut input = open_seekable(&args.file)?;
    expect_edxml(&args.file, &mut input)?;
    let limits = ReadOptions::default().limits;
    let read = match read_package(&args.file, &mut input, &ReadOptions::default())? {
        Ok(read) => read,
        Err(outcome) => return Ok(outcome),
    };
    let mut input = utf8_source(&args.file, input, &read)?;
    let Package::Document(doc) = &read.package else {
        return Err(CliError::new(format!(
            "{}: a status package has no attachments",
            args.file.display()
        )));
    };
    std::fs::create_dir_all(&args.output)
        .map_err(|e| CliError::new(format!("cannot create {}: {e}", args.output.display())))?;
    let mut names = vanthu::names::UniqueNames::default();
    let mut written = Written {
        files: Vec::new(),
        bytes: 0,
        cap: args.max_bytes.unwrap_or(limits.max_extracted_bytes),
    };
    let mut listed = Vec::new();
    let mut all_ok = true;
    for (index, a) in doc.attachments.iter().enumerate() {
        let original = a.attachment_name.as_deref().unwrap_or_default();
        let name = names.next(original, index);
        let findings: Vec<Finding> = vanthu::names::name_change(index, original, &name)
            .into_iter()
            .collect();
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
        let unwrapped = if args.unzip && !is_zip_name {
            unzip(
                &args.file,
                index,
                decoded,
                &target,
                digest,
                &limits,
                &mut written,
            )
        } else {
            written.commit(decoded, digest.size).map(|()| None)
        };
        let unwrapped = match unwrapped {
            Ok(u) => u,
            Err(Exceeded::Cap) => return Err(written.undo(&args.file, index)),
            Err(Exceeded::Io(e)) => return Err(e),
        };
        let entry = unwrapped.as_ref().map(|entry| {
            (
                vanthu::names::safe_file_name(&entry.entry_name, index),
                vanthu::names::escaped_name(&entry.entry_name),
            )
        });
        let written_digest = unwrapped.as_ref().map_or(digest, |entry| entry.digest);
        if !args.json {
            match &entry {
                Some((_, raw)) => out!(
                    "{} ({} bytes, sha256 {}): unwrapped entry {raw:?}, from a transported ZIP of {} bytes, sha256 {}",
                    target.display(),
                    written_digest.size,
                    written_digest.sha256_hex(),
                    digest.size,
                    digest.sha256_hex()
                ),
                None => out!(
                    "{} ({} bytes, sha256 {})",
                    target.display(),
                    digest.size,
                    digest.sha256_hex()
                ),
            }
            for finding in &findings {
                out!("  {finding}");
            }
        }
        listed.push(Extracted {
            content_id: a.content_id.clone(),
            file: target.display().to_string(),
            name,
            original_name: a
                .attachment_name
                .as_deref()
                .map(vanthu::names::escaped_name),
            size: digest.size,
            sha256: digest.sha256_hex(),
            unwrapped_entry: entry.as_ref().map(|(safe, _)| safe.clone()),
            unwrapped_entry_original: entry.map(|(_, raw)| raw),
            written_size: written_digest.size,
            written_sha256: written_digest.sha256_hex(),
            findings,
        });
    }
    if args.json {
        print_json(&listed)?;
    }
    Ok(Outcome::from_valid(all_ok))
}

/// Writes to `target` the single entry of the ZIP in `decoded`, or, when it
/// is not a single-entry ZIP, `decoded` itself (whose digest is `digest`).
/// Returns the entry when unwrapped. The entry is unwrapped within
/// `Limits::max_unzipped_bytes` and what the extraction may still write.
fn unzip(
    package: &Path,
    index: usize,
    mut decoded: PartialFile,
    target: &Path,
    digest: Digest,
    limits: &vanthu_edxml::Limits,
    written: &mut Written,
) -> Result<Option<vanthu_edxml::UnwrappedEntry>, Exceeded> {
    let mut zip = decoded.read_back().map_err(Exceeded::Io)?;
    let mut magic = [0; 4];
    let is_zip = zip.read_exact(&mut magic).is_ok() && magic == *ZIP_MAGIC;
    if !is_zip {
        return written.commit(decoded, digest.size).map(|()| None);
    }
    zip.seek(SeekFrom::Start(0)).map_err(|e| {
        Exceeded::Io(CliError::new(format!(
            "cannot read {}: {e}",
            decoded.temp.display()
        )))
    })?;
    let mut inner = PartialFile::create(target, "unzipped").map_err(Exceeded::Io)?;
    let remaining = written.remaining();
    let max = limits.max_unzipped_bytes.min(remaining);
    match vanthu_edxml::unwrap_single_entry_zip(zip, &mut inner.out, max) {
        Ok(entry) => {
            written.commit(inner, entry.digest.size)?;
            Ok(Some(entry))
        }
        Err(e) => {
            let total_cap_hit = remaining < limits.max_unzipped_bytes;
            if matches!(e.kind(), ErrorKind::LimitExceeded { .. }) && total_cap_hit {
                return Err(Exceeded::Cap);
            }
            eprintln!(
                "vanthu: {}: attachment {}: not unwrapped: {e}",
                package.display(),
                index + 1
            );
            written.commit(decoded, digest.size).map(|()| None)
        }
    }
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
