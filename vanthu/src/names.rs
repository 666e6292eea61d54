//! Safe file names for attachments written to disk: what a package calls
//! an attachment is untrusted text. The sanitising is
//! [`vanthu_edxml::names`]'s, re-exported here.

pub use vanthu_edxml::names::{
    MAX_NAME_BYTES, UniqueNames, escaped_name, name_change, safe_file_name,
};

/// A path as reports name it, losslessly: the path itself when it is UTF-8;
/// otherwise (a name from another system, in Latin-1 or TCVN3 bytes) each
/// byte that is not part of valid UTF-8 written `\xNN` and each backslash
/// `\\`, so that two different paths never print the same.
///
/// ```
/// use std::path::Path;
/// assert_eq!(vanthu::names::display_path(Path::new("hồ sơ/a.pdf")), "hồ sơ/a.pdf");
/// # #[cfg(unix)] {
/// use std::os::unix::ffi::OsStrExt;
/// let latin1 = std::ffi::OsStr::from_bytes(b"b\xe1o c\xe1o.pdf");
/// assert_eq!(vanthu::names::display_path(Path::new(latin1)), r"b\xe1o c\xe1o.pdf");
/// # }
/// ```
#[must_use]
pub fn display_path(path: &std::path::Path) -> String {
    if let Some(text) = path.to_str() {
        return text.to_owned();
    }
    escaped(path.as_os_str().as_encoded_bytes())
}

fn escaped(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}
