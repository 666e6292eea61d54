//! Documents: [`check`], [`check_bytes`], [`inspect`], [`verify_pdf`],
//! [`reply`].

use std::fs::File;
use std::io::{BufRead, BufReader, Seek as _, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use vanthu_edxml::{Package, ReadOptions, ReadOutput, StatusCode, StatusPackage};
use vanthu_identifiers::AnyAgencyId;
use vanthu_signature::{AlgorithmPolicy, DocumentReport, RolePolicy, SignedForm, VerifyOptions};

use super::error::{ApiError, ApiErrorKind};
use super::{Written, read_whole, time_or_now, write_atomically};
use crate::check::{Checker, FileReport};
use crate::options::CheckOptions;

/// The optional arguments of [`check`] and [`check_bytes`]: the options of
/// `vanthu check`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct CheckArgs {
    /// Trust anchors for signed PDFs: certificate files (PEM or DER) or
    /// folders of them. A PDF, or the main document of an edXML package,
    /// is conformant when its legal value is `original`.
    pub trust: Vec<PathBuf>,
    /// Certificate revocation lists (DER files).
    pub crls: Vec<PathBuf>,
    /// OCSP responses (DER files, RFC 6960).
    pub ocsps: Vec<PathBuf>,
    /// The validation time for certificates and "today" for dates in
    /// packages (any form [`crate::parse_time`] reads); default: now.
    pub at: Option<String>,
    /// Sender profile: every deviation from the reference form is an error.
    pub strict: bool,
    /// The requirements archival packages are checked against: `csip`,
    /// `sip` or `tt05` (the default).
    pub profile: Option<vanthu_archive::package::Profile>,
    /// How signers are told apart (person or organisation).
    pub roles: Option<RolePolicy>,
    /// Accept SHA-1 in signatures (legacy documents only).
    pub legacy_sha1: bool,
    /// How many files to check at once: 0 (the default) for one per core.
    pub jobs: usize,
}

impl CheckArgs {
    /// The harness's options for these arguments, reading the clock when
    /// `at` is not given.
    ///
    /// # Errors
    /// [`ApiErrorKind::InvalidArgument`] when `at` cannot be read.
    pub fn options(&self) -> Result<CheckOptions, ApiError> {
        let mut options = CheckOptions::new(time_or_now(self.at.as_deref())?);
        options.trust.clone_from(&self.trust);
        options.crls.clone_from(&self.crls);
        options.ocsps.clone_from(&self.ocsps);
        options.strict = self.strict;
        options.legacy_sha1 = self.legacy_sha1;
        options.jobs = self.jobs;
        if let Some(roles) = &self.roles {
            options.roles = roles.clone();
        }
        if let Some(profile) = self.profile {
            options.archive_profile = profile;
        }
        Ok(options)
    }
}

/// Checks a file or a folder (walked recursively; files recognised by
/// content, several at once): the list `vanthu check --json` prints for
/// that path, in the same order. A file that cannot be read is a report
/// with `error` set, not an error.
///
/// # Errors
/// [`ApiErrorKind::InvalidArgument`] for an unreadable `at`;
/// [`ApiErrorKind::Trust`] when a trust anchor cannot be read;
/// [`ApiErrorKind::Io`] when a folder cannot be listed;
/// [`ApiErrorKind::NothingToCheck`] when no file was found.
pub fn check(path: &Path, args: &CheckArgs) -> Result<Vec<FileReport>, ApiError> {
    let checker = Checker::new(&args.options()?)?;
    Ok(checker.check_paths(&[path.to_path_buf()])?.files)
}

/// Checks one file given as bytes (an edXML package, a PDF or a SIP ZIP),
/// named `name` in the report.
///
/// # Errors
/// As [`check`], but for the folder errors.
pub fn check_bytes(name: &str, bytes: &[u8], args: &CheckArgs) -> Result<FileReport, ApiError> {
    let checker = Checker::new(&args.options()?)?;
    Ok(checker.check_bytes(name, bytes))
}

/// Opens `path` as an edXML package: refused, saying what it is, when it is
/// not XML.
pub(super) fn open_edxml(path: &Path) -> Result<BufReader<File>, ApiError> {
    if path.is_dir() {
        return Err(ApiError::new(
            ApiErrorKind::Io,
            format!("{} is a folder: give a file", path.display()),
        ));
    }
    let file = File::open(path).map_err(|e| ApiError::io("read", path, &e))?;
    let mut input = BufReader::with_capacity(64 * 1024, file);
    let head = input
        .fill_buf()
        .map_err(|e| ApiError::io("read", path, &e))?;
    if let Some(what) = crate::not_edxml(head) {
        return Err(ApiError::unreadable(format!(
            "{} is not an edXML package: the file is {what}",
            path.display()
        ))
        .with_message_vi("tệp không phải là gói tin edXML"));
    }
    Ok(input)
}

/// Reads a package: a refusal (a `DOCTYPE`) is [`ApiErrorKind::Refused`]
/// with its rule.
pub(super) fn read_edxml(
    path: &Path,
    input: impl BufRead,
    options: &ReadOptions,
) -> Result<ReadOutput, ApiError> {
    vanthu_edxml::read_with(input, options).map_err(|e| {
        if e.is_refusal() {
            ApiError::refused(&path.display().to_string(), &e.to_finding())
        } else {
            let mut error = ApiError::unreadable(format!("{}: {e}", path.display()));
            error.location = e.position().map(|p| Box::new(p.to_location(None)));
            error
        }
    })
}

/// The source the attachments of `read` are decoded from by seeking:
/// `input` itself or, for a UTF-16 package, its UTF-8 transcoding in an
/// anonymous temporary file (the attachments' offsets count in it).
pub(super) fn utf8_source(
    path: &Path,
    mut input: BufReader<File>,
    read: &ReadOutput,
) -> Result<BufReader<File>, ApiError> {
    if !read.source_encoding.is_utf16() {
        return Ok(input);
    }
    let failed = |e: &dyn std::fmt::Display| {
        ApiError::unreadable(format!(
            "{}: cannot transcode UTF-16 to UTF-8: {e}",
            path.display()
        ))
    };
    input.seek(SeekFrom::Start(0)).map_err(|e| failed(&e))?;
    let mut file = tempfile::tempfile().map_err(|e| failed(&e))?;
    let mut out = std::io::BufWriter::new(&mut file);
    let bound = ReadOptions::default().limits.max_package_bytes;
    vanthu_edxml::transcode_utf16(input, &mut out, bound).map_err(|e| failed(&e))?;
    out.flush().map_err(|e| failed(&e))?;
    drop(out);
    file.seek(SeekFrom::Start(0)).map_err(|e| failed(&e))?;
    Ok(BufReader::new(file))
}

/// The header fields and attachments of an edXML package, streamed (a
/// 200 MB package is never held in memory), with the findings `vanthu
/// check` reports for it (receiver profile, now, no trust anchor): what
/// `vanthu inspect --json` prints.
///
/// # Errors
/// [`ApiErrorKind::Io`] when it cannot be read; [`ApiErrorKind::Unreadable`]
/// when it is not an edXML package; [`ApiErrorKind::Refused`] for a
/// package a rule refuses (`EDXML-XML-010`, a `DOCTYPE`).
pub fn inspect(path: &Path) -> Result<crate::inspect::Summary, ApiError> {
    let mut input = open_edxml(path)?;
    let read = read_edxml(path, &mut input, &ReadOptions::scan())?;
    let checker = Checker::new(&CheckOptions::new(super::now()?))?;
    let findings = checker.check_file(path).findings;
    let mut summary = crate::inspect::summary(&read).with_findings(findings);
    let source = utf8_source(path, input, &read)?;
    crate::inspect::unwrap_attachments(&mut summary, &read, source);
    Ok(summary)
}

/// The optional arguments of [`verify_pdf`]: the options of `vanthu verify`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct VerifyArgs {
    /// The validation time (any form [`crate::parse_time`] reads); default: now.
    pub at: Option<String>,
    /// The PDF is an attachment in a separate file, signed by the agency
    /// alone (`form` `attachment`).
    pub attachment: bool,
    /// What the PDF is: `document` (the default: the competent person,
    /// then the agency), `attachment` or `digitised_copy`.
    pub form: Option<SignedForm>,
    /// Certificate revocation lists (DER files).
    pub crls: Vec<PathBuf>,
    /// OCSP responses (DER files).
    pub ocsps: Vec<PathBuf>,
    /// Accept SHA-1 (legacy documents only).
    pub legacy_sha1: bool,
    /// How signers are told apart (person or organisation).
    pub roles: Option<RolePolicy>,
}

impl VerifyArgs {
    /// The verification options for these arguments, reading the clock
    /// when `at` is not given.
    ///
    /// # Errors
    /// [`ApiErrorKind::InvalidArgument`] when `at` cannot be read.
    pub fn options(&self) -> Result<VerifyOptions, ApiError> {
        let mut options = VerifyOptions::new(time_or_now(self.at.as_deref())?.to_utc());
        options.form = match (self.attachment, self.form) {
            (true, _) => SignedForm::Attachment,
            (false, Some(form)) => form,
            (false, None) => SignedForm::Document,
        };
        if let Some(roles) = &self.roles {
            options.roles = roles.clone();
        }
        if self.legacy_sha1 {
            options.policy = AlgorithmPolicy::legacy();
        }
        Ok(options)
    }
}

/// Verifies every signature of a PDF against the trust anchors `trust`
/// (certificate files or folders) and gives its legal value: what `vanthu
/// verify --json` prints.
///
/// # Errors
/// [`ApiErrorKind::Io`] when a file cannot be read; [`ApiErrorKind::Trust`]
/// when a trust anchor cannot; [`ApiErrorKind::Unreadable`] when the file
/// is not a PDF vanthu can read.
pub fn verify_pdf(
    path: &Path,
    trust: &[PathBuf],
    args: &VerifyArgs,
) -> Result<DocumentReport, ApiError> {
    let options = args.options()?;
    let mut check = CheckOptions::new(time_or_now(args.at.as_deref())?);
    check.trust = trust.to_vec();
    check.crls.clone_from(&args.crls);
    check.ocsps.clone_from(&args.ocsps);
    let store = crate::load_trust(&check)?.store;
    let pdf = read_whole(path)?;
    vanthu_signature::verify_pdf(&pdf, &store, &options)
        .map_err(|e| ApiError::unreadable(format!("{}: {e}", path.display())))
}

/// The optional arguments of [`reply`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ReplyArgs {
    /// The answering organisation's name (default: the name the package
    /// gives it, if it is a recipient).
    pub from_name: Option<String>,
    /// The description (default: the usual text of the status code).
    pub description: Option<String>,
    /// The time of the status (any form [`crate::parse_time`] reads);
    /// default: now.
    pub at: Option<String>,
    /// The rules the answering agency works under: `national` (default),
    /// `ho-chi-minh-city`, `phu-nhuan`, `nam-dinh` or `quang-nam`.
    pub rules: Option<String>,
}

/// What [`reply`] wrote: the file and the status package as `vanthu inspect`
/// reads it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReplyWritten {
    /// The file written, its size and SHA-256.
    #[serde(flatten)]
    pub written: Written,
    /// The status package written.
    pub status: crate::inspect::Summary,
}

/// The status package that answers the document package at `path`, or why
/// it is not sent (see [`reply_to`]).
///
/// # Errors
/// As [`reply`].
pub fn status_reply(
    path: &Path,
    status: &str,
    from_agency: &str,
    args: &ReplyArgs,
) -> Result<StatusPackage, ApiError> {
    let code = StatusCode::parse(status);
    if !code.is_known() {
        return Err(ApiError::invalid(format!(
            "status {status:?}: expected one of 01, 02, 03, 04, 05, 06, 13, 15, 16"
        ))
        .with_message_vi(format!(
            "mã trạng thái {status:?} không hợp lệ: cần là 01, 02, 03, 04, 05, 06, 13, 15 hoặc 16"
        )));
    }
    let from = from_agency.trim();
    AnyAgencyId::parse_lenient(from).map_err(|e| {
        ApiError::invalid(format!("agency id {from:?}: {e}"))
            .with_message_vi(format!("mã định danh cơ quan {from:?} không hợp lệ"))
    })?;
    let policy = match &args.rules {
        Some(name) => vanthu_workflow::Policy::local(
            name.parse::<vanthu_workflow::LocalRules>()
                .map_err(|e| ApiError::invalid(e.to_string()))?,
        ),
        None => vanthu_workflow::Policy::default(),
    };
    let at = time_or_now(args.at.as_deref())?;
    let input = open_edxml(path)?;
    let read = read_edxml(path, input, &ReadOptions::default())?;
    let Package::Document(doc) = &read.package else {
        return Err(ApiError::unreadable(format!(
            "{}: a status package cannot be answered",
            path.display()
        ))
        .with_message_vi("gói tin trạng thái không thể được trả lời"));
    };
    let mut request = crate::ReplyRequest::new(code, from).policy(policy);
    if let Some(name) = &args.from_name {
        request = request.from_name(name);
    }
    if let Some(d) = &args.description {
        request = request.description(d);
    }
    crate::reply(doc, &request, &at).map_err(|e| match e {
        crate::ReplyError::Refused(finding) => {
            let error = ApiError::refused(&format!("{}: not written", path.display()), &finding);
            let message_vi = format!("không ghi gói trạng thái: {}", error.message_vi);
            error.with_message_vi(message_vi)
        }
        e => ApiError::invalid(format!("{}: {e}", path.display())).with_message_vi(
            "gói tin không cho biết tên cơ quan trả lời: cần cung cấp tên cơ quan",
        ),
    })
}

/// Writes to `out` the status package [`status_reply`] makes.
///
/// # Errors
/// As [`reply`].
pub fn reply_to(
    path: &Path,
    status: &str,
    from_agency: &str,
    args: &ReplyArgs,
    out: &mut dyn Write,
) -> Result<(), ApiError> {
    let package = status_reply(path, status, from_agency, args)?;
    vanthu_edxml::write_status(&package, out).map_err(|e| {
        ApiError::new(
            ApiErrorKind::Io,
            format!("cannot write the status package: {e}"),
        )
    })
}

/// Writes to `output` the status package (code `status`, from the agency
/// `from_agency`) that answers the document package at `path`, refusing,
/// with the workflow's rule, what a receiving office could never send:
/// what `vanthu reply --json` prints. The file is written beside `output`
/// and renamed over it: an error leaves nothing behind.
///
/// # Errors
/// [`ApiErrorKind::InvalidArgument`] for an unknown status code, agency id,
/// rule set or time, or a package that does not name the answering
/// organisation; [`ApiErrorKind::Io`], [`ApiErrorKind::Unreadable`] as
/// [`inspect`]; [`ApiErrorKind::Refused`] when the workflow would not send
/// it (`rule` names why).
pub fn reply(
    path: &Path,
    status: &str,
    from_agency: &str,
    output: &Path,
    args: &ReplyArgs,
) -> Result<ReplyWritten, ApiError> {
    let package = status_reply(path, status, from_agency, args)?;
    let written = write_atomically(output, |out| {
        vanthu_edxml::write_status(&package, out).map_err(|e| e.to_string())
    })?;
    let input = BufReader::new(File::open(output).map_err(|e| ApiError::io("read", output, &e))?);
    let read = read_edxml(output, input, &ReadOptions::scan())?;
    Ok(ReplyWritten {
        written,
        status: crate::inspect::summary(&read),
    })
}

/// Reads the package at `path` for [`normalize`]: attachments are decoded
/// once while reading, so that invalid Base64 is refused (the finding
/// `check` reports, `EDXML-ATT-001`) before anything is written.
fn read_for_normalize(path: &Path) -> Result<(ReadOutput, BufReader<File>), ApiError> {
    let mut input = open_edxml(path)?;
    let read = read_edxml(path, &mut input, &ReadOptions::digest())?;
    if let Some(finding) = read
        .findings
        .iter()
        .find(|f| f.rule == vanthu_edxml::rules::INVALID_BASE64.id)
    {
        let error = ApiError::refused(&format!("{}: not normalised", path.display()), finding);
        let message_vi = format!("không chuẩn hóa gói tin: {}", error.message_vi);
        return Err(error.with_message_vi(message_vi));
    }
    let input = utf8_source(path, input, &read)?;
    Ok((read, input))
}

/// Writes to `out` the package at `path` in the strict canonical form (see
/// [`normalize`]).
///
/// # Errors
/// As [`normalize`].
pub fn normalize_to(path: &Path, out: &mut dyn Write) -> Result<(), ApiError> {
    let (read, mut input) = read_for_normalize(path)?;
    vanthu_edxml::write(&read.package, &mut read.seek_bodies(&mut input), out)
        .map(drop)
        .map_err(|e| ApiError::new(ApiErrorKind::Io, format!("{}: {e}", path.display())))
}

/// Rewrites the edXML package at `path` in the strict canonical (VNPT/VPCP)
/// form into `output`, keeping unknown content, comments and processing
/// instructions; streamed, attachments copied by seeking (a 200 MB package
/// is never held in memory). The file is written beside `output` and
/// renamed over it, so `output` may be `path` itself. Returns what was
/// written (`vanthu normalize --json`).
///
/// # Errors
/// As [`inspect`]; [`ApiErrorKind::Refused`] for an attachment that is not
/// valid Base64 (`EDXML-ATT-001`): nothing is written.
pub fn normalize(path: &Path, output: &Path) -> Result<Written, ApiError> {
    let (read, mut input) = read_for_normalize(path)?;
    write_atomically(output, |out| {
        let mut out = std::io::BufWriter::new(out);
        vanthu_edxml::write(&read.package, &mut read.seek_bodies(&mut input), &mut out)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        out.flush().map_err(|e| e.to_string())
    })
}
