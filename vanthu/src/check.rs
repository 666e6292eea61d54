//! `check_file` and `check_bytes`: one verdict for an edXML package, a
//! signed PDF or an archival package, with the attachments of a package
//! checked too.

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek};
use std::path::Path;

use serde::{Deserialize, Serialize};
use vanthu_archive::package::{
    CheckOptions as SipOptions, check_package, check_package_dir, is_package,
};
use vanthu_edxml::{Profile, ReadOptions, ValidateOptions};
use vanthu_identifiers::{Finding, Location, Severity, conformant};
use vanthu_signature::{AlgorithmPolicy, LegalValue, TrustStore, VerifyOptions, verify_pdf};

use crate::attachments::{AttachmentReport, check_attachments};
use crate::error::{CheckError, ErrorKind};
use crate::format::{Format, HEAD_LEN, describe, detect};
use crate::options::CheckOptions;
use crate::trust::load_trust;

/// Why a file could not be read at all (it then has no verdict).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Unreadable {
    /// A stable code: the reading crate's error code (`EDXML-E-…`,
    /// `SIG-E-…`, `ARCH-E-…`) or the harness's (`VANTHU-E-IO`,
    /// `VANTHU-E-UNREADABLE` for content that is not recognised).
    pub code: String,
    /// In English.
    pub message: String,
    /// Where reading stopped, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

/// The verdict on one file.
///
/// `conformant` is [`vanthu_identifiers::conformant`] of `findings`: no
/// finding is an error. A file that could not be read has `error` set and
/// is not conformant; harnesses tell the two apart (the CLI exits 2 for an
/// unreadable input, 1 for a non-conformant one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FileReport {
    /// The file as named by the caller.
    pub file: String,
    /// What the file holds, when recognised.
    pub format: Option<Format>,
    /// What kind of edXML package (`document`, `status`), `pdf`, or the
    /// archival package type, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// No finding is an error, and the file could be read.
    pub conformant: bool,
    /// Why the file could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<Unreadable>,
    /// Every finding; those about an attachment of a package are located
    /// under `attachments[i]`.
    pub findings: Vec<Finding>,
    /// The attachments of an edXML package, each with its type and, for
    /// PDFs, its legal value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentReport>,
    /// The legal value of a PDF: `original`, `reference_only` or `invalid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_value: Option<LegalValue>,
    /// How many signatures a PDF has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signatures: Option<usize>,
    /// The METS `OBJID` of an archival package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objid: Option<String>,
    /// Files of an archival package whose content was checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub files_checked: Option<u64>,
    /// Bytes of an archival package that were hashed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_checked: Option<u64>,
}

impl FileReport {
    fn new(file: &str, format: Option<Format>) -> Self {
        Self {
            file: file.to_owned(),
            format,
            kind: None,
            conformant: false,
            error: None,
            findings: Vec::new(),
            attachments: Vec::new(),
            legal_value: None,
            signatures: None,
            objid: None,
            files_checked: None,
            bytes_checked: None,
        }
    }

    fn unreadable(
        file: &str,
        format: Option<Format>,
        code: &str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            error: Some(Unreadable {
                code: code.to_owned(),
                message: message.into(),
                location: None,
            }),
            ..Self::new(file, format)
        }
    }

    fn with_findings(mut self, findings: Vec<Finding>) -> Self {
        self.conformant = conformant(&findings);
        self.findings = findings;
        self
    }

    /// False when the file could not be read.
    #[must_use]
    pub fn readable(&self) -> bool {
        self.error.is_none()
    }

    /// How many findings have `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        vanthu_identifiers::count(&self.findings, severity)
    }
}

/// Checks files with one set of options, loaded once (trust anchors,
/// revocation lists). Owned and `Send`: a batch can share one across threads.
#[derive(Debug, Clone)]
pub struct Checker {
    strict: bool,
    pub(crate) jobs: usize,
    trust: TrustStore,
    trust_skipped: Vec<Finding>,
    verify: VerifyOptions,
    at: chrono::DateTime<chrono::FixedOffset>,
    archive: SipOptions,
}

impl Checker {
    /// Loads the trust anchors and revocation lists of `options`.
    ///
    /// # Errors
    /// [`ErrorKind::Trust`](crate::ErrorKind::Trust) when one cannot be read.
    pub fn new(options: &CheckOptions) -> Result<Self, CheckError> {
        let trust = load_trust(options)?;
        let mut verify = VerifyOptions::new(options.at.to_utc());
        verify.roles = options.roles.clone();
        if options.legacy_sha1 {
            verify.policy = AlgorithmPolicy::legacy();
        }
        Ok(Self {
            strict: options.strict,
            jobs: options.jobs,
            trust: trust.store,
            trust_skipped: trust.skipped,
            verify,
            at: options.at,
            archive: SipOptions::default()
                .with_profile(options.archive_profile)
                .at(options.at.naive_utc()),
        })
    }

    /// The files of trust folders that were skipped because they are not
    /// certificates, as warnings (see [`load_trust`]).
    #[must_use]
    pub fn trust_skipped(&self) -> &[Finding] {
        &self.trust_skipped
    }

    /// Checks the file at `path`, recognised by its content. An edXML
    /// package is streamed from the file (only PDF attachments are decoded
    /// into memory, one at a time, within the PDF size limit).
    ///
    /// A folder whose root holds `METS.xml` is checked as an unpacked
    /// archival package, with the same findings as its ZIP.
    #[must_use]
    pub fn check_file(&self, path: &Path) -> FileReport {
        let name = crate::names::display_path(path);
        if crate::batch::is_package_folder(path) {
            return sip_report(&name, check_package_dir(path, &self.archive));
        }
        let mut file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                return FileReport::unreadable(
                    &name,
                    None,
                    ErrorKind::Io.code(),
                    format!("cannot read: {e}"),
                );
            }
        };
        let mut head = Vec::with_capacity(HEAD_LEN);
        if let Err(e) = (&mut file).take(HEAD_LEN as u64).read_to_end(&mut head) {
            return FileReport::unreadable(
                &name,
                None,
                ErrorKind::Io.code(),
                format!("cannot read: {e}"),
            );
        }
        let format =
            detect(&head).filter(|f| *f != Format::Sip || is_package(&mut file) != Some(false));
        if let Err(e) = file.rewind() {
            return FileReport::unreadable(
                &name,
                format,
                ErrorKind::Io.code(),
                format!("cannot read: {e}"),
            );
        }
        match format {
            Some(Format::Edxml) => self.edxml(&name, file),
            Some(Format::Pdf) => {
                let len = file.metadata().map_or(0, |m| m.len());
                if len > self.verify.limits.max_file_size as u64 {
                    return FileReport::unreadable(
                        &name,
                        format,
                        vanthu_signature::ErrorKind::LimitExceeded("file size").code(),
                        format!(
                            "limit exceeded: the file has {len} bytes, more than the {} a PDF may have",
                            self.verify.limits.max_file_size
                        ),
                    );
                }
                let mut bytes = Vec::new();
                match file.read_to_end(&mut bytes) {
                    Ok(_) => self.pdf(&name, &bytes),
                    Err(e) => FileReport::unreadable(
                        &name,
                        format,
                        ErrorKind::Io.code(),
                        format!("cannot read: {e}"),
                    ),
                }
            }
            Some(Format::Sip) => sip(&name, BufReader::new(file), &self.archive),
            None => not_recognised(&name, &head),
        }
    }

    /// Checks `bytes`, named `name` in the report, recognised by content.
    #[must_use]
    pub fn check_bytes(&self, name: &str, bytes: &[u8]) -> FileReport {
        let head = bytes.get(..HEAD_LEN).unwrap_or(bytes);
        let format = detect(head)
            .filter(|f| *f != Format::Sip || is_package(Cursor::new(bytes)) != Some(false));
        match format {
            Some(Format::Edxml) => self.edxml(name, Cursor::new(bytes)),
            Some(Format::Pdf) => self.pdf(name, bytes),
            Some(Format::Sip) => sip(name, Cursor::new(bytes), &self.archive),
            None => not_recognised(name, head),
        }
    }

    /// Checks an edXML package read from `input` (a file or a cursor): read
    /// and validated in one pass, then each PDF attachment decoded by
    /// seeking to it and verified.
    pub(crate) fn edxml<R: Read + Seek>(&self, name: &str, mut input: R) -> FileReport {
        let profile = if self.strict {
            Profile::Sender
        } else {
            Profile::Receiver
        };
        let mut validate = ValidateOptions::new(profile);
        validate.today = Some(self.at.date_naive());
        let mut report = match vanthu_edxml::check_from(
            BufReader::new(&mut input),
            &ReadOptions::default(),
            &validate,
        ) {
            Ok(r) => r,
            // Read far enough to be judged, and refused by a rule (a
            // DOCTYPE): not conformant, but not unreadable.
            Err(e) if e.is_refusal() => {
                return FileReport::new(name, Some(Format::Edxml))
                    .with_findings(vec![e.to_finding()]);
            }
            Err(e) => {
                let mut unreadable =
                    FileReport::unreadable(name, Some(Format::Edxml), e.code(), e.to_string());
                // The same error as a finding, so that harnesses key on its rule id.
                let finding = e.to_finding();
                if let Some(error) = &mut unreadable.error {
                    error.location = Some(finding.location.clone());
                }
                unreadable.findings.push(finding);
                return unreadable;
            }
        };
        let mut findings = std::mem::take(&mut report.findings);
        let attachments = if report.read.source_encoding.is_utf16() {
            // The attachments' offsets count in the UTF-8 transcoding of a
            // UTF-16 package: decode them from it, transcoded within a bound.
            let mut utf8 = Vec::new();
            let transcoded = input.rewind().map_err(|e| {
                vanthu_edxml::EdxmlError::new(vanthu_edxml::ErrorKind::Io(e.to_string()))
            });
            match transcoded.and_then(|()| {
                vanthu_edxml::transcode_utf16(
                    &mut input,
                    &mut utf8,
                    vanthu_edxml::MAX_TRANSCODED_BYTES,
                )
            }) {
                Ok(_) => check_attachments(self, &report, &mut Cursor::new(utf8), &mut findings),
                Err(e) => {
                    findings.push(e.to_finding());
                    Vec::new()
                }
            }
        } else {
            check_attachments(self, &report, &mut input, &mut findings)
        };
        FileReport {
            kind: Some(report.read.package.kind().to_owned()),
            attachments,
            ..FileReport::new(name, Some(Format::Edxml)).with_findings(findings)
        }
    }

    /// Verifies a PDF with this checker's trust anchors and time.
    /// `attached`: the PDF is a file attached to a document, for which only
    /// the agency's signature is required.
    pub(crate) fn verify_pdf(
        &self,
        pdf: &[u8],
        attached: bool,
    ) -> Result<vanthu_signature::DocumentReport, vanthu_signature::Error> {
        let mut options = self.verify.clone();
        if attached {
            options.form = vanthu_signature::SignedForm::Attachment;
        }
        verify_pdf(pdf, &self.trust, &options)
    }

    /// Largest PDF verified, in bytes.
    pub(crate) fn max_pdf_size(&self) -> u64 {
        self.verify.limits.max_file_size as u64
    }

    fn pdf(&self, name: &str, bytes: &[u8]) -> FileReport {
        match self.verify_pdf(bytes, false) {
            Ok(report) => {
                let mut findings = report.findings;
                if report.legal_value != LegalValue::Original {
                    let rule = crate::rules::PDF_NOT_ORIGINAL;
                    let (en, vi) = crate::attachments::legal_value_words(report.legal_value);
                    findings.push(rule.custom(
                        format!("{}: {en}", rule.title),
                        format!("{}: {vi}", rule.title_vi),
                        Location::default(),
                    ));
                }
                FileReport {
                    kind: Some("pdf".to_owned()),
                    legal_value: Some(report.legal_value),
                    signatures: Some(report.signatures.len()),
                    ..FileReport::new(name, Some(Format::Pdf)).with_findings(findings)
                }
            }
            Err(e) => FileReport::unreadable(name, Some(Format::Pdf), e.code(), e.to_string()),
        }
    }
}

/// The report on a file that is none of the formats checked, saying what it is.
fn not_recognised(name: &str, head: &[u8]) -> FileReport {
    FileReport::unreadable(
        name,
        None,
        ErrorKind::Unreadable.code(),
        format!(
            "not an edXML package, a PDF or an archival package (SIP): the file is {}{}",
            describe(head),
            if detect(head) == Some(Format::Sip) {
                " with no root METS.xml"
            } else {
                ""
            }
        ),
    )
}

fn sip<R: Read + Seek>(name: &str, input: R, options: &SipOptions) -> FileReport {
    sip_report(name, check_package(input, options))
}

fn sip_report(
    name: &str,
    checked: Result<vanthu_archive::package::PackageReport, vanthu_archive::ArchiveError>,
) -> FileReport {
    match checked {
        Ok(report) => FileReport {
            kind: report.kind.map(|k| k.name().to_owned()),
            objid: report.objid,
            files_checked: Some(report.files_checked),
            bytes_checked: Some(report.bytes_checked),
            ..FileReport::new(name, Some(Format::Sip)).with_findings(report.findings)
        },
        Err(e) => FileReport::unreadable(name, Some(Format::Sip), e.code(), e.to_string()),
    }
}

/// Checks the file at `path` with `options`: see [`Checker::check_file`].
///
/// ```no_run
/// let options = vanthu::CheckOptions::new(vanthu::parse_time("2025-06-05")?);
/// let report = vanthu::check_file("182-QD-LDTBXH.edxml".as_ref(), &options)?;
/// println!("{}", serde_json::to_string_pretty(&report)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// When the trust anchors or revocation lists of `options` cannot be read.
/// A file that cannot be read is a report with [`FileReport::error`] set.
pub fn check_file(path: &Path, options: &CheckOptions) -> Result<FileReport, CheckError> {
    Ok(Checker::new(options)?.check_file(path))
}

/// Checks `bytes`, named `name` in the report: see [`Checker::check_bytes`].
///
/// # Errors
/// As [`check_file`].
pub fn check_bytes(
    name: &str,
    bytes: &[u8],
    options: &CheckOptions,
) -> Result<FileReport, CheckError> {
    Ok(Checker::new(options)?.check_bytes(name, bytes))
}
