//! [`extract`]: the attachments of an edXML package written into a folder,
//! streamed, within a cap on what is written.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use vanthu_edxml::{Digest, EdxmlError, ErrorKind, Limit, Limits, Package, ReadOptions, ZIP_MAGIC};
use vanthu_identifiers::Finding;

use super::documents::{open_edxml, read_edxml, utf8_source};
use super::error::ApiError;

/// The optional arguments of [`extract`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ExtractArgs {
    /// Unwrap single-entry ZIP wrappers (VNPT zips file types it does not
    /// know), restoring the name from `AttachmentName`.
    pub unzip: bool,
    /// The most bytes written in total, attachments and unwrapped entries
    /// together (default 4 GiB, `Limits::max_extracted_bytes`): beyond it
    /// the extraction stops and removes every file it wrote.
    pub max_bytes: Option<u64>,
}

/// One file [`extract`] wrote (`vanthu extract --json` prints an array of
/// these).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extracted {
    /// The attachment's `ContentId`.
    pub content_id: Option<String>,
    /// The name of the file written: a safe name inside the output folder
    /// ([`crate::names::safe_file_name`]), never a path.
    pub name: String,
    /// Where it was written: the output folder joined with `name`.
    pub file: String,
    /// The attachment's `AttachmentName` as the package gives it, with
    /// invisible and control characters escaped (`\u{202e}`): for
    /// reference only, never a path that was written.
    pub original_name: Option<String>,
    /// Decoded size in bytes.
    pub size: u64,
    /// SHA-256 of the decoded bytes.
    pub sha256: String,
    /// With `unzip`: the entry written instead of a single-entry ZIP, as
    /// a safe name (the file itself is written as `name`).
    pub unwrapped_entry: Option<String>,
    /// The same entry's name as the ZIP gives it, escaped as `original_name`.
    pub unwrapped_entry_original: Option<String>,
    /// Bytes written (the unwrapped entry's size when unwrapped).
    pub written_size: u64,
    /// SHA-256 of the bytes written.
    pub written_sha256: String,
    /// Findings about this attachment's file (`EDXML-ATT-021`: written
    /// under another name than the package gives it).
    pub findings: Vec<Finding>,
}

/// A file written under a temporary name beside its target and renamed over
/// it by [`Partial::commit`]; dropped uncommitted, it is removed.
struct Partial {
    out: BufWriter<File>,
    temp: tempfile::TempPath,
    target: PathBuf,
}

impl Partial {
    fn create(target: &Path, purpose: &str) -> Result<Self, ApiError> {
        let name = target.file_name().unwrap_or_default().to_string_lossy();
        let dir = target.parent().unwrap_or(Path::new("."));
        let (file, temp) = tempfile::Builder::new()
            .prefix(&format!(".{name}.{purpose}."))
            .suffix(".vanthu-partial")
            .tempfile_in(dir)
            .map(tempfile::NamedTempFile::into_parts)
            .map_err(|e| ApiError::io("write", target, &e))?;
        Ok(Self {
            out: BufWriter::new(file),
            temp,
            target: target.to_owned(),
        })
    }

    fn read_back(&mut self) -> Result<BufReader<File>, ApiError> {
        self.out
            .flush()
            .map_err(|e| ApiError::io("write", &self.target, &e))?;
        File::open(&*self.temp)
            .map(BufReader::new)
            .map_err(|e| ApiError::io("write", &self.target, &e))
    }

    fn commit(mut self) -> Result<(), ApiError> {
        self.out
            .flush()
            .map_err(|e| ApiError::io("write", &self.target, &e))?;
        self.temp
            .persist(&self.target)
            .map_err(|e| ApiError::io("write", &self.target, &e.error))
    }
}

/// What one extraction wrote so far, against its total cap.
struct Cap {
    files: Vec<PathBuf>,
    bytes: u64,
    cap: u64,
}

/// Why a file was not committed.
enum Exceeded {
    /// It does not fit in the extraction's total cap.
    Cap,
    /// Writing it failed.
    Io(ApiError),
}

impl Cap {
    fn remaining(&self) -> u64 {
        self.cap.saturating_sub(self.bytes)
    }

    fn commit(&mut self, file: Partial, size: u64) -> Result<(), Exceeded> {
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
    fn undo(self, package: &Path, index: usize) -> ApiError {
        for file in &self.files {
            let _ = std::fs::remove_file(file);
        }
        let e = EdxmlError::new(ErrorKind::LimitExceeded {
            limit: Limit::ExtractedBytes,
            max: self.cap,
        });
        ApiError::unreadable(format!(
            "{}: attachment {}: {e} ({}); the {} file(s) written were removed",
            package.display(),
            index + 1,
            e.code(),
            self.files.len()
        ))
        .with_message_vi("vượt quá giới hạn dung lượng được ghi: các tệp đã ghi đã bị xóa")
    }
}

/// Writes the attachments of the edXML package at `path` into the folder
/// `output` (created if needed), each decoded straight into its file under
/// a safe, unique name: an attachment is never held in memory. An
/// attachment that cannot be decoded is left out and reported to
/// `failed` (its index from 0, and why); the others are written.
///
/// # Errors
/// As [`super::inspect`]; [`ApiErrorKind::Unreadable`](super::ApiErrorKind::Unreadable) for a status
/// package or when the cap is crossed (every file written is then
/// removed); [`ApiErrorKind::Io`](super::ApiErrorKind::Io) when a file cannot be written.
pub fn extract_each(
    path: &Path,
    output: &Path,
    args: &ExtractArgs,
    mut failed: impl FnMut(usize, ApiError),
) -> Result<Vec<Extracted>, ApiError> {
    let mut input = open_edxml(path)?;
    let limits = ReadOptions::default().limits;
    let read = read_edxml(path, &mut input, &ReadOptions::default())?;
    let mut input = utf8_source(path, input, &read)?;
    let Package::Document(doc) = &read.package else {
        return Err(ApiError::unreadable(format!(
            "{}: a status package has no attachments",
            path.display()
        ))
        .with_message_vi("gói tin trạng thái không có tệp đính kèm"));
    };
    std::fs::create_dir_all(output).map_err(|e| ApiError::io("create", output, &e))?;
    let mut names = crate::names::UniqueNames::default();
    let mut cap = Cap {
        files: Vec::new(),
        bytes: 0,
        cap: args.max_bytes.unwrap_or(limits.max_extracted_bytes),
    };
    let mut listed = Vec::new();
    for (index, a) in doc.attachments.iter().enumerate() {
        let original = a.attachment_name.as_deref().unwrap_or_default();
        let name = names.next(original, index);
        let findings: Vec<Finding> = crate::names::name_change(index, original, &name)
            .into_iter()
            .collect();
        let target = output.join(&name);
        let mut decoded = Partial::create(&target, "decoded")?;
        let digest = match read.decode_attachment_from(&mut input, index, &mut decoded.out) {
            Ok(d) => d,
            Err(e) => {
                failed(
                    index,
                    ApiError::unreadable(format!(
                        "{}: attachment {}: {e}",
                        path.display(),
                        index + 1
                    ))
                    .with_message_vi("không giải mã được tệp đính kèm"),
                );
                continue;
            }
        };
        let is_zip_name = name.to_ascii_lowercase().ends_with(".zip");
        let unwrapped = if args.unzip && !is_zip_name {
            unzip(decoded, &target, digest, &limits, &mut cap)
        } else {
            cap.commit(decoded, digest.size).map(|()| None)
        };
        let unwrapped = match unwrapped {
            Ok(u) => u,
            Err(Exceeded::Cap) => return Err(cap.undo(path, index)),
            Err(Exceeded::Io(e)) => return Err(e),
        };
        let written = unwrapped.as_ref().map_or(digest, |entry| entry.digest);
        listed.push(Extracted {
            content_id: a.content_id.clone(),
            file: target.display().to_string(),
            name,
            original_name: a.attachment_name.as_deref().map(crate::names::escaped_name),
            size: digest.size,
            sha256: digest.sha256_hex(),
            unwrapped_entry: unwrapped
                .as_ref()
                .map(|entry| crate::names::safe_file_name(&entry.entry_name, index)),
            unwrapped_entry_original: unwrapped
                .as_ref()
                .map(|entry| crate::names::escaped_name(&entry.entry_name)),
            written_size: written.size,
            written_sha256: written.sha256_hex(),
            findings,
        });
    }
    Ok(listed)
}

/// [`extract_each`] where an attachment that cannot be decoded is an
/// error: every file written is then removed, so that an error never
/// leaves part of a package behind. What `vanthu extract --json` prints.
///
/// # Errors
/// As [`extract_each`], and [`ApiErrorKind::Unreadable`](super::ApiErrorKind::Unreadable) for the first
/// attachment that cannot be decoded.
pub fn extract(path: &Path, output: &Path, args: &ExtractArgs) -> Result<Vec<Extracted>, ApiError> {
    let mut first = None;
    let listed = extract_each(path, output, args, |_, e| {
        first.get_or_insert(e);
    })?;
    match first {
        None => Ok(listed),
        Some(e) => {
            for file in &listed {
                let _ = std::fs::remove_file(&file.file);
            }
            Err(e)
        }
    }
}

/// Writes to `target` the single entry of the ZIP in `decoded`, or, when it
/// is not a single-entry ZIP, `decoded` itself (whose digest is `digest`).
/// Returns the entry when unwrapped, within `Limits::max_unzipped_bytes`
/// and what the extraction may still write.
fn unzip(
    mut decoded: Partial,
    target: &Path,
    digest: Digest,
    limits: &Limits,
    cap: &mut Cap,
) -> Result<Option<vanthu_edxml::UnwrappedEntry>, Exceeded> {
    let mut zip = decoded.read_back().map_err(Exceeded::Io)?;
    let mut magic = [0; 4];
    let is_zip = zip.read_exact(&mut magic).is_ok() && magic == *ZIP_MAGIC;
    if !is_zip {
        return cap.commit(decoded, digest.size).map(|()| None);
    }
    zip.seek(SeekFrom::Start(0))
        .map_err(|e| Exceeded::Io(ApiError::io("read", &decoded.temp, &e)))?;
    let mut inner = Partial::create(target, "unzipped").map_err(Exceeded::Io)?;
    let remaining = cap.remaining();
    let max = limits.max_unzipped_bytes.min(remaining);
    match vanthu_edxml::unwrap_single_entry_zip(zip, &mut inner.out, max) {
        Ok(entry) => {
            cap.commit(inner, entry.digest.size)?;
            Ok(Some(entry))
        }
        Err(e) => {
            let total_cap_hit = remaining < limits.max_unzipped_bytes;
            if matches!(e.kind(), ErrorKind::LimitExceeded { .. }) && total_cap_hit {
                return Err(Exceeded::Cap);
            }
            // Not a wrapper this version unwraps: the ZIP itself is written
            // (its `unwrapped_entry` is empty).
            cap.commit(decoded, digest.size).map(|()| None)
        }
    }
}
