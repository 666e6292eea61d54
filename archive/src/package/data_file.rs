//! Opening the data files of a package to pack: regular files only.
//!
//! A pack specification names its files by path. A name that leads to a
//! device (`/dev/zero`), a named pipe or a socket would make the writer read
//! forever or block; a symbolic link would pack a file from elsewhere
//! (`/etc/passwd`). [`open_data_file`] refuses them all before a byte is
//! read (`vanthu docs/limits.md §4`).

use std::fs::{File, FileType, OpenOptions};
use std::path::Path;

use crate::error::ArchiveError;

/// Opens `path` to pack it, refusing anything but a regular file with
/// [`ArchiveError::NotRegularFile`] naming the file and what it is.
///
/// A symbolic link is refused unless `follow_links`; followed, its target
/// must itself be a regular file. The type is checked twice: from the
/// path's metadata before opening, and on the opened handle (the file is
/// opened without blocking and, when links are not followed, with
/// `O_NOFOLLOW`), so a file swapped for a pipe or a link between the two
/// steps is refused too.
///
/// ```
/// use vanthu_archive::ArchiveError;
/// use vanthu_archive::package::open_data_file;
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("QĐ-182.pdf");
/// std::fs::write(&path, b"%PDF-1.7")?;
/// assert!(open_data_file(&path, false).is_ok());
/// # #[cfg(unix)] {
/// let err = open_data_file(std::path::Path::new("/dev/null"), false).unwrap_err();
/// assert!(matches!(err, ArchiveError::NotRegularFile { kind: "character device", .. }));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`ArchiveError::NotRegularFile`] for a folder, device, pipe, socket or
/// (without `follow_links`) symbolic link; [`ArchiveError::Io`] when the file
/// cannot be opened.
pub fn open_data_file(path: &Path, follow_links: bool) -> Result<File, ArchiveError> {
    let refuse = |kind: &'static str| ArchiveError::NotRegularFile {
        path: path.display().to_string(),
        kind,
    };
    let meta = if follow_links {
        std::fs::metadata(path)
    } else {
        std::fs::symlink_metadata(path)
    }
    .map_err(|e| io_error(path, e))?;
    if let Some(kind) = not_regular(meta.file_type()) {
        return Err(refuse(kind));
    }
    let file = open_options(follow_links)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            // O_NOFOLLOW on a link swapped in after the first check.
            #[cfg(unix)]
            Some(libc::ELOOP) => refuse("symbolic link"),
            _ => io_error(path, e),
        })?;
    let meta = file.metadata().map_err(|e| io_error(path, e))?;
    match not_regular(meta.file_type()) {
        Some(kind) => Err(refuse(kind)),
        None => Ok(file),
    }
}

fn io_error(path: &Path, e: std::io::Error) -> ArchiveError {
    ArchiveError::Io(std::io::Error::new(
        e.kind(),
        format!("{}: {e}", path.display()),
    ))
}

#[cfg(unix)]
fn open_options(follow_links: bool) -> OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = OpenOptions::new();
    let nofollow = if follow_links { 0 } else { libc::O_NOFOLLOW };
    // Non-blocking: opening a pipe with no writer returns at once.
    options.read(true).custom_flags(libc::O_NONBLOCK | nofollow);
    options
}

#[cfg(not(unix))]
fn open_options(_follow_links: bool) -> OpenOptions {
    let mut options = OpenOptions::new();
    options.read(true);
    options
}

/// What a file that is not a regular file is, in words; `None` for a
/// regular file.
fn not_regular(t: FileType) -> Option<&'static str> {
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("folder");
    }
    if t.is_symlink() {
        return Some("symbolic link");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("named pipe (FIFO)");
        }
        if t.is_char_device() {
            return Some("character device");
        }
        if t.is_block_device() {
            return Some("block device");
        }
        if t.is_socket() {
            return Some("socket");
        }
    }
    Some("special file")
}
