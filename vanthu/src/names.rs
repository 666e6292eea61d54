//! Safe file names for attachments written to disk: what a package calls
//! an attachment is untrusted text.

/// Longest file name produced, in bytes (file systems allow 255).
pub const MAX_NAME_BYTES: usize = 200;

/// A file name that stays inside the output folder and means the same on
/// every system: the last path component; no control characters or
/// characters Windows refuses; no leading dots (never `.`, `..` or hidden),
/// no trailing dots or spaces (Windows drops them), also where a long name
/// is cut; not a Windows device name (`CON`, `NUL`, `COM1`…); at most
/// [`MAX_NAME_BYTES`], the extension kept. The result is its own safe name.
/// An empty result becomes `attachment-N` (`index` from 0).
///
/// ```
/// use vanthu::names::safe_file_name;
/// assert_eq!(safe_file_name("../../etc/passwd", 0), "passwd");
/// assert_eq!(safe_file_name("CON.pdf", 0), "_CON.pdf");
/// assert_eq!(safe_file_name("..", 2), "attachment-3");
/// assert_eq!(safe_file_name(". x.pdf. ", 0), "x.pdf");
/// ```
#[must_use]
pub fn safe_file_name(name: &str, index: usize) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = trimmed(&cleaned);
    if cleaned.is_empty() {
        return format!("attachment-{}", index + 1);
    }
    let short = shorten(cleaned, MAX_NAME_BYTES);
    if is_device(&short) {
        format!("_{}", shorten(cleaned, MAX_NAME_BYTES - 1))
    } else {
        short
    }
}

/// `name` without what every system does not keep alike at its ends: white
/// space, leading dots, trailing dots and spaces, as often as they alternate
/// (`". x"` is `"x"`, not `" x"`).
fn trimmed(name: &str) -> &str {
    let mut name = name;
    loop {
        let next = name
            .trim()
            .trim_start_matches('.')
            .trim_end_matches(['.', ' ']);
        if next.len() == name.len() {
            return name;
        }
        name = next;
    }
}

/// Whether the stem of `name` is a Windows device name.
fn is_device(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default().trim_end();
    matches!(
        stem.to_ascii_uppercase().as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) || (stem.len() == 4
        && ["COM", "LPT"]
            .iter()
            .any(|p| stem.get(..3).is_some_and(|s| s.eq_ignore_ascii_case(p)))
        && stem.as_bytes().get(3).is_some_and(u8::is_ascii_digit))
}

/// `name` cut to at most `max` bytes at a character boundary, keeping a
/// short extension; the cut part loses the trailing dots and spaces that
/// the cut may have left.
fn shorten(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_owned();
    }
    let ext = name
        .rfind('.')
        .and_then(|i| name.get(i..))
        .filter(|e| e.len() <= 16)
        .unwrap_or_default();
    let mut cut = max.saturating_sub(ext.len());
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let stem = name.get(..cut).unwrap_or_default();
    format!("{}{ext}", stem.trim_end_matches(['.', ' ']))
}

/// Names for files written into one folder: each [`safe_file_name`], made
/// distinct without regard to case (as Windows and macOS compare names) by
/// prefixing `N-` with the smallest N ≥ 2 that no earlier name has.
///
/// ```
/// let mut names = vanthu::names::UniqueNames::default();
/// assert_eq!(names.next("a.pdf", 0), "a.pdf");
/// assert_eq!(names.next("A.PDF", 1), "2-A.PDF");
/// ```
#[derive(Debug, Clone, Default)]
pub struct UniqueNames {
    used: Vec<String>,
}

impl UniqueNames {
    /// The safe, distinct name for attachment `index` called `name`.
    pub fn next(&mut self, name: &str, index: usize) -> String {
        let name = safe_file_name(name, index);
        let mut candidate = name.clone();
        let mut n = 1;
        while self.used.contains(&candidate.to_lowercase()) {
            n += 1;
            candidate = shorten(&format!("{n}-{name}"), MAX_NAME_BYTES);
        }
        self.used.push(candidate.to_lowercase());
        candidate
    }
}

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
