//! Safe file names for attachments written to disk: what a package calls
//! an attachment (`AttachmentName`, or the entry name of a ZIP wrapper) is
//! untrusted text (`docs/edxml.md` §5).

use std::collections::BTreeSet;

use unicode_normalization::UnicodeNormalization as _;
use vanthu_identifiers::{Finding, Location};

use crate::rules;

/// Longest file name produced, in bytes (file systems allow 255).
pub const MAX_NAME_BYTES: usize = 200;

/// A file name that stays inside the output folder and means the same on
/// every system: the last path component, in Unicode NFC; no control
/// characters or characters Windows refuses (replaced by `_`); no
/// bidirectional controls or other invisible format characters (U+202E,
/// the right-to-left override, disguises `fdp.exe` as `exe.pdf`: removed);
/// no leading dots (never `.`, `..` or hidden), no trailing dots or spaces
/// (Windows drops them), also after the cut; not a Windows device name
/// (`CON`, `NUL`, `COM1`, `COM¹`, `LPT²`…: prefixed `_`); at most
/// [`MAX_NAME_BYTES`], the extension kept. An empty result becomes
/// `attachment-N` (`index` from 0).
///
/// ```
/// use vanthu_edxml::names::safe_file_name;
/// assert_eq!(safe_file_name("../../etc/passwd", 0), "passwd");
/// assert_eq!(safe_file_name("CON.pdf", 0), "_CON.pdf");
/// assert_eq!(safe_file_name("COM¹.pdf", 0), "_COM¹.pdf");
/// assert_eq!(safe_file_name("hoá đơn\u{202E}fdp.exe", 0), "hoá đơnfdp.exe");
/// assert_eq!(safe_file_name("..", 2), "attachment-3");
/// assert_eq!(safe_file_name(". x.pdf. ", 0), "x.pdf");
/// ```
#[must_use]
pub fn safe_file_name(name: &str, index: usize) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    // Removed before composing: a removed character between a letter and
    // its accent would otherwise leave them uncomposed.
    let cleaned: String = last
        .chars()
        .filter(|&c| !is_invisible_format(c))
        .nfc()
        .map(|c| {
            if c.is_control()
                || matches!(
                    c,
                    ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\u{2028}' | '\u{2029}'
                )
            {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = trimmed(&cleaned);
    let short = shorten(cleaned, MAX_NAME_BYTES);
    if short.is_empty() {
        return format!("attachment-{}", index + 1);
    }
    if is_device_name(&short) {
        // Cut one byte shorter, for the `_`.
        format!("_{}", shorten(cleaned, MAX_NAME_BYTES - 1))
    } else {
        short
    }
}

/// `name` without what systems do not keep alike at its ends: white space,
/// leading dots, trailing dots and spaces, removed as often as they
/// alternate (`". x"` is `"x"`, not `" x"`), so that the safe name is its
/// own safe name.
fn trimmed(name: &str) -> &str {
    let mut name = name;
    loop {
        let next = name
            .trim()
            .trim_start_matches('.')
            .trim_end_matches(dot_or_space);
        if next.len() == name.len() {
            return name;
        }
        name = next;
    }
}

/// What a name may not end with: a dot, or white space of any kind
/// (Windows drops trailing dots and spaces; U+3000 and the other Unicode
/// spaces are invisible there).
fn dot_or_space(c: char) -> bool {
    c == '.' || c.is_whitespace()
}

/// Bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069) and the other characters of general category Cf that
/// display as nothing: a name is read by people, and these change what they
/// see without changing what the system opens.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// A Windows device name, whatever follows the first dot: `CON`, `PRN`,
/// `AUX`, `NUL`, `CONIN$`, `CONOUT$`, `COM0`–`COM9` and `LPT0`–`LPT9`,
/// the digit also superscript (`COM¹`, `LPT³`), in any case.
fn is_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default().trim_end();
    let upper = stem.to_ascii_uppercase();
    if matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) {
        return true;
    }
    let mut chars = upper.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let digit = chars.next();
    (prefix == "COM" || prefix == "LPT")
        && chars.next().is_none()
        && digit.is_some_and(|d| d.is_ascii_digit() || matches!(d, '¹' | '²' | '³'))
}

/// `name` cut to at most `max` bytes at a character boundary, keeping a
/// short extension; trailing dots and spaces are trimmed from what is kept
/// before the extension, and from the whole.
fn shorten(name: &str, max: usize) -> String {
    let name = name.trim_end_matches(dot_or_space);
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
    let head = name
        .get(..cut)
        .unwrap_or_default()
        .trim_end_matches(dot_or_space);
    if head.is_empty() {
        return String::new();
    }
    format!("{head}{ext}")
}

/// Names for files written into one folder: each [`safe_file_name`], made
/// distinct without regard to case (as Windows and macOS compare names) and
/// Unicode form (`hoá.pdf` in NFC and in NFD are one name) by prefixing
/// `N-` with the smallest N ≥ 2 that no earlier name has.
///
/// ```
/// let mut names = vanthu_edxml::names::UniqueNames::default();
/// assert_eq!(names.next("a.pdf", 0), "a.pdf");
/// assert_eq!(names.next("A.PDF", 1), "2-A.PDF");
/// assert_eq!(names.next("ho\u{e1}.pdf", 2), "hoá.pdf");
/// assert_eq!(names.next("hoa\u{301}.pdf", 3), "2-hoá.pdf");
/// ```
#[derive(Debug, Clone, Default)]
pub struct UniqueNames {
    used: BTreeSet<String>,
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
        self.used.insert(candidate.to_lowercase());
        candidate
    }
}

/// `name` with every character that is not plainly visible written as
/// `\u{XXXX}` (controls, bidirectional and other format characters) and
/// each backslash as `\\`: how reports show a name as the package gives
/// it, so that a right-to-left override or a line break in it cannot
/// disguise what it says.
///
/// ```
/// use vanthu_edxml::names::escaped_name;
/// assert_eq!(escaped_name("a\u{202E}fdp.exe"), r"a\u{202e}fdp.exe");
/// assert_eq!(escaped_name("../x.pdf"), "../x.pdf");
/// ```
#[must_use]
pub fn escaped_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c == '\\' {
            out.push_str("\\\\");
        } else if c.is_control() || is_invisible_format(c) || matches!(c, '\u{2028}' | '\u{2029}') {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The finding ([`rules::NAME_CHANGED`], `EDXML-ATT-021`) that attachment
/// `index` (from 0), called `original` in the package, is written under
/// another name, `written`; `None` when the names are the same.
///
/// ```
/// use vanthu_edxml::names::{UniqueNames, name_change};
/// let mut names = UniqueNames::default();
/// let written = names.next("../CON.pdf", 0);
/// let finding = name_change(0, "../CON.pdf", &written).expect("renamed");
/// assert_eq!(finding.rule, "EDXML-ATT-021");
/// assert!(name_change(1, "a.pdf", "a.pdf").is_none());
/// ```
#[must_use]
pub fn name_change(index: usize, original: &str, written: &str) -> Option<Finding> {
    (original != written).then(|| {
        let original = escaped_name(original);
        rules::NAME_CHANGED.custom(
            format!(
                "{}: \"{original}\" written as \"{written}\"",
                rules::NAME_CHANGED.title
            ),
            format!(
                "{}: \"{original}\" được ghi thành \"{written}\"",
                rules::NAME_CHANGED.title_vi
            ),
            Location::at_path(format!(
                "AttachmentEncoded/Attachment[{}]/AttachmentName",
                index + 1
            )),
        )
    })
}
