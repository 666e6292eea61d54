//! [`write()`]: an edXML package from its model (JSON) and the files of its
//! attachments, written by the strict canonical writer; [`model`]: that
//! model read from a package.

use std::fs::File;
use std::io::{BufReader, Read, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use vanthu_edxml::{Attachment, AttachmentBodies, EdxmlError, ErrorKind, Package, ReadOptions};
use vanthu_identifiers::Location;

use super::documents::{open_edxml, read_edxml};
use super::{ApiError, ApiErrorKind, Written, write_atomically};

/// The model of the edXML package at `path`: the serde form of
/// [`vanthu_edxml::Package`] (tagged by `kind`, `document` or `status`),
/// everything the package holds but the attachments' content, which
/// [`super::extract`] writes to files. What [`write()`] takes back.
///
/// # Errors
/// As [`super::inspect`].
pub fn model(path: &Path) -> Result<Package, ApiError> {
    let input = open_edxml(path)?;
    Ok(read_edxml(path, input, &ReadOptions::default())?.package)
}

/// What [`write()`] wrote: the file, its size and SHA-256, the kind of
/// package and its document id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PackageWritten {
    /// The file written, its size and SHA-256.
    #[serde(flatten)]
    pub written: Written,
    /// `document` or `status`.
    pub kind: String,
    /// The `DocumentId` of a document package, or of the document a status
    /// package answers (`ResponseFor`), when the model has one.
    pub document_id: Option<String>,
    /// Each attachment written, in order: its size and SHA-256 (of the
    /// decoded content, the file it was read from).
    pub attachments: Vec<AttachmentWritten>,
}

/// One attachment [`write()`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AttachmentWritten {
    /// Its `ContentId`.
    pub content_id: Option<String>,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, hex.
    pub sha256: String,
}

/// The model of a package given as JSON (see [`write()`]).
///
/// # Errors
/// [`ApiErrorKind::InvalidArgument`], with the line and column, when
/// `package_json` is not JSON of the model's schema.
pub fn parse_model(package_json: &str) -> Result<Package, ApiError> {
    /// The tag alone, read first, so that the package itself is read by
    /// the streaming deserialiser, which knows the line and column of an
    /// error (a tagged enum is buffered, and its errors have none).
    #[derive(Deserialize)]
    struct Tag {
        kind: String,
    }
    let tag: Tag = serde_json::from_str(package_json).map_err(|e| not_model(&e))?;
    match tag.kind.as_str() {
        "document" => serde_json::from_str(package_json)
            .map(|d| Package::Document(Box::new(d)))
            .map_err(|e| not_model(&e)),
        "status" => serde_json::from_str(package_json)
            .map(|s| Package::Status(Box::new(s)))
            .map_err(|e| not_model(&e)),
        other => Err(ApiError::invalid(format!(
            "the package's kind is {other:?}: expected \"document\" or \"status\""
        ))
        .with_message_vi(format!(
            "loại gói tin {other:?} không hợp lệ: cần là \"document\" hoặc \"status\""
        ))),
    }
}

/// The error of JSON that is not a package's model, with its position.
fn not_model(e: &serde_json::Error) -> ApiError {
    let (line, column) = (e.line(), e.column());
    let mut error = ApiError::invalid(format!(
        "the package is not JSON of the edXML model's schema: {e}"
    ))
    .with_message_vi("gói tin không phải là JSON theo lược đồ mô hình edXML");
    if line > 0 {
        error = error.with_message_vi(format!(
            "gói tin không phải là JSON theo lược đồ mô hình edXML (dòng {line}, cột {column})"
        ));
        error.location = Some(Box::new(Location::default().with_line_column(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        )));
    }
    error
}

/// Writes the edXML package whose model is `package_json` (the JSON
/// [`model`] gives: the serde form of [`vanthu_edxml::Package`]) to
/// `output` in the strict canonical form, the content of attachment *i*
/// streamed from `attachments[i]` (never held whole in memory). The file is
/// written beside `output` and renamed over it: an error leaves nothing
/// behind.
///
/// # Errors
/// [`ApiErrorKind::InvalidArgument`] when `package_json` is not JSON of the
/// model (with its line and column), when the number of files is not the
/// number of attachments in the model, or when the model holds something
/// the writer refuses (markup with no well-formed form);
/// [`ApiErrorKind::Io`] when an attachment cannot be read or `output`
/// cannot be written.
pub fn write(
    package_json: &str,
    attachments: &[PathBuf],
    output: &Path,
) -> Result<PackageWritten, ApiError> {
    write_package(&parse_model(package_json)?, attachments, output)
}

/// [`write()`] of a model already deserialised.
///
/// # Errors
/// As [`write()`].
pub fn write_package(
    package: &Package,
    attachments: &[PathBuf],
    output: &Path,
) -> Result<PackageWritten, ApiError> {
    let expected = package.as_document().map_or(0, |d| d.attachments.len());
    if attachments.len() != expected {
        return Err(ApiError::invalid(format!(
            "the {} package has {expected} attachment(s) but {} file(s) were given",
            package.kind(),
            attachments.len()
        ))
        .with_message_vi(format!(
            "gói tin có {expected} tệp đính kèm nhưng có {} tệp được cung cấp",
            attachments.len()
        )));
    }
    // Opened before anything is written: a missing file is reported as
    // such, not as a failed write.
    for path in attachments {
        let meta = std::fs::metadata(path).map_err(|e| ApiError::io("read", path, &e))?;
        if meta.is_dir() {
            return Err(ApiError::new(
                ApiErrorKind::Io,
                format!("{} is a folder: give a file", path.display()),
            )
            .with_message_vi("tệp đính kèm là một thư mục, không phải một tệp"));
        }
    }
    let mut bodies = FileBodies {
        paths: attachments,
        failed: None,
    };
    let mut digests = Vec::new();
    let mut refused = None;
    let written = write_atomically(output, |out| {
        let mut out = std::io::BufWriter::new(out);
        match vanthu_edxml::write(package, &mut bodies, &mut out) {
            Ok(d) => digests = d,
            Err(e) => {
                let message = e.to_string();
                if matches!(e.kind(), ErrorKind::Unwritable(_)) {
                    refused = Some(e);
                }
                return Err(message);
            }
        }
        out.flush().map_err(|e| e.to_string())
    });
    let written = match (written, bodies.failed, refused) {
        (Ok(w), _, _) => w,
        (Err(_), Some(failed), _) => return Err(failed),
        (Err(_), None, Some(e)) => {
            return Err(ApiError::invalid(format!(
                "the package cannot be written: {e}"
            ))
            .with_message_vi(format!(
                "không ghi được gói tin: mô hình chứa nội dung không thể viết thành XML hợp lệ ({})",
                e.kind().code()
            )));
        }
        (Err(e), None, None) => return Err(e),
    };
    let described = package
        .as_document()
        .map_or(&[][..], |d| &d.attachments[..]);
    let attachments = digests
        .iter()
        .zip(described)
        .map(|(d, a)| AttachmentWritten {
            content_id: a.content_id.clone(),
            size: d.size,
            sha256: d.sha256_hex(),
        })
        .collect();
    let document_id = match package {
        Package::Document(d) => d.header.document_id.clone(),
        Package::Status(s) => s.response_for.as_ref().and_then(|r| r.document_id.clone()),
        _ => None,
    };
    Ok(PackageWritten {
        written,
        kind: package.kind().to_owned(),
        document_id,
        attachments,
    })
}

/// The attachments' content, streamed from files; the first error opening
/// one is kept to be reported as [`ApiErrorKind::Io`].
struct FileBodies<'a> {
    paths: &'a [PathBuf],
    failed: Option<ApiError>,
}

impl AttachmentBodies for FileBodies<'_> {
    fn open(&mut self, index: usize, _: &Attachment) -> Result<Box<dyn Read + '_>, EdxmlError> {
        let path = self
            .paths
            .get(index)
            .ok_or_else(|| EdxmlError::new(ErrorKind::NoSuchAttachment(index.to_string())))?;
        match File::open(path) {
            Ok(file) => Ok(Box::new(Reading {
                inner: BufReader::with_capacity(64 * 1024, file),
                path,
                failed: &mut self.failed,
            })),
            Err(e) => {
                let message = e.to_string();
                self.failed = Some(ApiError::io("read", path, &e));
                Err(EdxmlError::new(ErrorKind::Io(message)))
            }
        }
    }
}

/// An attachment file being read: a read error is kept for the report.
struct Reading<'a> {
    inner: BufReader<File>,
    path: &'a Path,
    failed: &'a mut Option<ApiError>,
}

impl Read for Reading<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf).inspect_err(|e| {
            *self.failed = Some(ApiError::io(
                "read",
                self.path,
                &std::io::Error::new(e.kind(), e.to_string()),
            ));
        })
    }
}
