//! Single-entry ZIP unwrapping.
//!
//! The VNPT library embeds `pdf`, `doc`, `docx`, `xls(x)` and `zip` files as
//! they are, and wraps any other file in a ZIP whose single entry has a
//! random name; the original name survives only in `AttachmentName`
//! (`docs/edxml.md` §5). This undoes that wrapping.

use std::io::{self, Read, Seek, Write};

use crate::b64::{Digest, DigestWriter};
use crate::error::{EdxmlError, ErrorKind, Limit};

/// The ZIP local file header signature, `PK\x03\x04`.
pub const ZIP_MAGIC: &[u8; 4] = b"PK\x03\x04";

/// What was inside a single-entry ZIP.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnwrappedEntry {
    /// The entry's name inside the archive (often a random UUID).
    pub entry_name: String,
    /// Size and SHA-256 of the unwrapped bytes.
    pub digest: Digest,
}

fn zip_error(e: impl std::fmt::Display) -> EdxmlError {
    EdxmlError::new(ErrorKind::Zip(e.to_string()))
}

/// Unwraps a ZIP archive with exactly one file entry into `out`, writing at
/// most `max_size` bytes (a guard against ZIP bombs).
///
/// # Errors
/// [`ErrorKind::Zip`] when the archive is unreadable, has not exactly one
/// file entry or uses an unsupported method;
/// [`ErrorKind::LimitExceeded`] ([`Limit::UnzippedBytes`]) when the entry
/// exceeds `max_size` (what was written of it is then incomplete: write
/// to a temporary file). Callers pass
/// [`Limits::max_unzipped_bytes`](crate::Limits::max_unzipped_bytes), or
/// less.
pub fn unwrap_single_entry_zip(
    archive: impl Read + Seek,
    out: impl Write,
    max_size: u64,
) -> Result<UnwrappedEntry, EdxmlError> {
    let mut zip = zip::ZipArchive::new(archive).map_err(zip_error)?;
    let files: Vec<usize> = (0..zip.len())
        .filter(|&i| zip.by_index_raw(i).map(|f| !f.is_dir()).unwrap_or(false))
        .collect();
    let [index] = files.as_slice() else {
        return Err(zip_error(format!(
            "expected exactly one file entry, found {}",
            files.len()
        )));
    };
    let mut entry = zip.by_index(*index).map_err(zip_error)?;
    let entry_name = entry.name().map_err(zip_error)?.into_owned();
    let mut writer = DigestWriter::new(out);
    let mut limited = (&mut entry).take(max_size.saturating_add(1));
    let copied = io::copy(&mut limited, &mut writer).map_err(zip_error)?;
    if copied > max_size {
        return Err(EdxmlError::new(ErrorKind::LimitExceeded {
            limit: Limit::UnzippedBytes,
            max: max_size,
        }));
    }
    Ok(UnwrappedEntry {
        entry_name,
        digest: writer.finish().0,
    })
}
