//! TCVN3 (ABC) and VNI Windows: byte tables, decoding, encoding and repair of
//! mojibake.
//!
//! The tables were written from TCVN 5712:1993 (the VN3 subset used by the
//! `.Vn` fonts) and the VNI Windows font layout, then cross-checked against the
//! X11 `lcUniConv/tcvn.h` table (TCVN 5712 VN1) and the
//! `vietnamese-conversion` npm package (TCVN3 and VNI), see
//! `tests/vectors/text/README.md`.

use std::fmt;
use std::str::FromStr;

use unicode_normalization::UnicodeNormalization;

use super::letters::{self, Tone};

/// A legacy 8-bit Vietnamese encoding that vanthu can read and write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum LegacyEncoding {
    /// TCVN3 / ABC: the VN3 subset of TCVN 5712:1993 behind the `.VnTime`
    /// fonts; one byte per letter, lower-case toned letters only.
    Tcvn3,
    /// VNI Windows (the `VNI-Times` fonts): a base letter followed by a
    /// diacritic byte.
    Vni,
}

impl LegacyEncoding {
    /// Every encoding, in a stable order.
    pub const ALL: [LegacyEncoding; 2] = [LegacyEncoding::Tcvn3, LegacyEncoding::Vni];

    /// The lower-case name used by the CLI and in JSON: `tcvn3` or `vni`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            LegacyEncoding::Tcvn3 => "tcvn3",
            LegacyEncoding::Vni => "vni",
        }
    }
}

impl fmt::Display for LegacyEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name given to [`LegacyEncoding::from_str`] is not a known encoding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown legacy encoding {0:?} (expected tcvn3, abc or vni)")]
pub struct UnknownEncoding(String);

impl FromStr for LegacyEncoding {
    type Err = UnknownEncoding;

    /// Accepts `tcvn3`, `abc`, `vn3`, `tcvn` and `vni` in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "tcvn3" | "abc" | "vn3" | "tcvn" => Ok(LegacyEncoding::Tcvn3),
            "vni" => Ok(LegacyEncoding::Vni),
            _ => Err(UnknownEncoding(s.to_owned())),
        }
    }
}

/// Options for [`decode`], [`encode`] and [`repair`].
///
/// `#[non_exhaustive]`: build it with `LegacyOptions::default()` and the
/// `with_*` methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct LegacyOptions {
    /// The text was set in a TCVN3 capital font (`.VnTimeH`, `.VnArialH`, …),
    /// which draws the lower-case codes as capitals. TCVN3 has no codes for
    /// most toned capitals, so this is the only way headings were written.
    /// Decoding upper-cases every letter; encoding writes capitals with the
    /// lower-case codes and refuses lower-case letters. VNI has real capitals
    /// and ignores this option.
    pub capital_font: bool,
    /// Upper-case the toned letters of TCVN3 headings typed in capitals
    /// (on by default). A heading set in a normal `.VnTime` font with the
    /// caps lock on has capital ASCII letters but lower-case toned letters,
    /// which TCVN3 cannot write as capitals (`TOµN` for `TOÀN`). When this is
    /// on, the decoder upper-cases the toned letters of a word that has no
    /// lower-case ASCII letter and at least two capitals, or one capital when
    /// the word before or after it on the same line is such a word (`X·` in
    /// `HOµ X· HéI`). Ignored for VNI and with [`capital_font`](Self::capital_font).
    pub infer_capitals: bool,
}

impl Default for LegacyOptions {
    fn default() -> Self {
        Self {
            capital_font: false,
            infer_capitals: true,
        }
    }
}

impl LegacyOptions {
    /// These options with [`infer_capitals`](Self::infer_capitals) set to `yes`.
    #[must_use]
    pub const fn with_infer_capitals(mut self, yes: bool) -> Self {
        self.infer_capitals = yes;
        self
    }

    /// These options with [`capital_font`](Self::capital_font) set to `yes`.
    #[must_use]
    pub const fn with_capital_font(mut self, yes: bool) -> Self {
        self.capital_font = yes;
        self
    }
}

/// A character that the target legacy encoding cannot represent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{encoding} cannot represent {character:?} (U+{code:04X}) at byte {offset}{hint}",
    code = u32::from(*character))]
pub struct EncodeError {
    encoding: LegacyEncoding,
    character: char,
    offset: usize,
    hint: &'static str,
}

impl EncodeError {
    /// The encoding that was written.
    #[must_use]
    pub const fn encoding(&self) -> LegacyEncoding {
        self.encoding
    }

    /// The character that has no code.
    #[must_use]
    pub const fn character(&self) -> char {
        self.character
    }

    /// Byte offset of the character in the NFC form of the input.
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

/// Windows-1252 for 0x80–0x9F. The `.Vn` and `VNI-` fonts are Windows "ANSI"
/// fonts, so their quotes, dashes and ellipsis sit where Windows-1252 has them;
/// the five holes map to the C1 control of the same value, as in WHATWG's
/// Windows-1252 decoder.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// TCVN 5712:1993 for 0xA0–0xFF. VN3 (TCVN3/ABC) uses the lower-case toned
/// letters, the seven shaped base letters in both cases and the combining tone
/// marks at 0xB0–0xB4; the other positions (marked `false`) hold the toned
/// capitals of the full VN1 set, which the decoder accepts (read lenient) and
/// the encoder never writes (write strict).
const TCVN3_HIGH: [(char, bool); 96] = [
    // 0xA0
    ('\u{A0}', true),
    ('Ă', true),
    ('Â', true),
    ('Ê', true),
    ('Ô', true),
    ('Ơ', true),
    ('Ư', true),
    ('Đ', true),
    ('ă', true),
    ('â', true),
    ('ê', true),
    ('ô', true),
    ('ơ', true),
    ('ư', true),
    ('đ', true),
    ('Ằ', false),
    // 0xB0
    ('\u{300}', true),
    ('\u{309}', true),
    ('\u{303}', true),
    ('\u{301}', true),
    ('\u{323}', true),
    ('à', true),
    ('ả', true),
    ('ã', true),
    ('á', true),
    ('ạ', true),
    ('Ẳ', false),
    ('ằ', true),
    ('ẳ', true),
    ('ẵ', true),
    ('ắ', true),
    ('Ẵ', false),
    // 0xC0
    ('Ắ', false),
    ('Ầ', false),
    ('Ẩ', false),
    ('Ẫ', false),
    ('Ấ', false),
    ('Ề', false),
    ('ặ', true),
    ('ầ', true),
    ('ẩ', true),
    ('ẫ', true),
    ('ấ', true),
    ('ậ', true),
    ('è', true),
    ('Ể', false),
    ('ẻ', true),
    ('ẽ', true),
    // 0xD0
    ('é', true),
    ('ẹ', true),
    ('ề', true),
    ('ể', true),
    ('ễ', true),
    ('ế', true),
    ('ệ', true),
    ('ì', true),
    ('ỉ', true),
    ('Ễ', false),
    ('Ế', false),
    ('Ồ', false),
    ('ĩ', true),
    ('í', true),
    ('ị', true),
    ('ò', true),
    // 0xE0
    ('Ổ', false),
    ('ỏ', true),
    ('õ', true),
    ('ó', true),
    ('ọ', true),
    ('ồ', true),
    ('ổ', true),
    ('ỗ', true),
    ('ố', true),
    ('ộ', true),
    ('ờ', true),
    ('ở', true),
    ('ỡ', true),
    ('ớ', true),
    ('ợ', true),
    ('ù', true),
    // 0xF0
    ('Ỗ', false),
    ('ủ', true),
    ('ũ', true),
    ('ú', true),
    ('ụ', true),
    ('ừ', true),
    ('ử', true),
    ('ữ', true),
    ('ứ', true),
    ('ự', true),
    ('ỳ', true),
    ('ỷ', true),
    ('ỹ', true),
    ('ý', true),
    ('ỵ', true),
    ('Ố', false),
];

/// The byte a Windows-1252 (or Latin-1) reader turned into `c`: the inverse
/// of what produced the mojibake.
pub(crate) fn mojibake_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if code <= 0xFF {
        return u8::try_from(code).ok();
    }
    let pos = CP1252_HIGH.iter().position(|&x| x == c)?;
    u8::try_from(0x80 + pos).ok()
}

fn high_cp1252(byte: u8) -> char {
    CP1252_HIGH
        .get(usize::from(byte.wrapping_sub(0x80)))
        .copied()
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

// ---------------------------------------------------------------- TCVN3

fn tcvn3_decode_byte(byte: u8) -> char {
    match byte {
        0x00..=0x7F => char::from(byte),
        0x80..=0x9F => high_cp1252(byte),
        _ => TCVN3_HIGH
            .get(usize::from(byte - 0xA0))
            .map_or(char::REPLACEMENT_CHARACTER, |&(c, _)| c),
    }
}

fn tcvn3_encode_char(c: char) -> Option<u8> {
    if c.is_ascii() {
        return u8::try_from(u32::from(c)).ok();
    }
    if let Some(pos) = CP1252_HIGH.iter().position(|&x| x == c) {
        // The holes (C1 controls) round-trip as themselves.
        return u8::try_from(0x80 + pos).ok();
    }
    let pos = TCVN3_HIGH
        .iter()
        .position(|&(x, in_vn3)| in_vn3 && x == c)?;
    u8::try_from(0xA0 + pos).ok()
}

// ---------------------------------------------------------------- VNI

/// What a VNI byte above 0x7F means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VniByte {
    /// A whole letter.
    Letter(char),
    /// A diacritic that follows its base letter: an optional shape mark
    /// (circumflex U+0302 or breve U+0306) and a tone.
    Mark(Option<char>, Tone),
    /// A byte VNI leaves to Windows-1252.
    Other(char),
}

const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';

/// The VNI Windows layout of the upper half. Lower-case diacritic bytes go
/// with lower-case base letters and their Windows-1252 capitals with capital
/// base letters; the decoder accepts either case after either base.
fn vni_byte(byte: u8) -> VniByte {
    use VniByte::{Letter, Mark, Other};
    let lower = byte | 0x20;
    if byte >= 0xC0 && byte != 0xD7 && byte != 0xF7 {
        let upper = byte < 0xE0;
        let letter = |c: char| {
            if upper {
                Letter(letters::to_upper(c).unwrap_or(c))
            } else {
                Letter(c)
            }
        };
        match lower {
            0xE0 => return Mark(Some(CIRCUMFLEX), Tone::Grave),
            0xE1 => return Mark(Some(CIRCUMFLEX), Tone::Acute),
            0xE2 => return Mark(Some(CIRCUMFLEX), Tone::Level),
            0xE3 => return Mark(Some(CIRCUMFLEX), Tone::Tilde),
            0xE4 => return Mark(Some(CIRCUMFLEX), Tone::Dot),
            0xE5 => return Mark(Some(CIRCUMFLEX), Tone::Hook),
            0xE6 => return letter('ỉ'),
            0xE8 => return Mark(Some(BREVE), Tone::Grave),
            0xE9 => return Mark(Some(BREVE), Tone::Acute),
            0xEA => return Mark(Some(BREVE), Tone::Level),
            0xEB => return Mark(Some(BREVE), Tone::Dot),
            0xEC => return letter('ì'),
            0xED => return letter('í'),
            0xEE => return letter('ỵ'),
            0xEF => return Mark(None, Tone::Dot),
            0xF1 => return letter('đ'),
            0xF2 => return letter('ị'),
            0xF3 => return letter('ĩ'),
            0xF4 => return letter('ơ'),
            0xF5 => return Mark(None, Tone::Tilde),
            0xF6 => return letter('ư'),
            0xF8 => return Mark(None, Tone::Grave),
            0xF9 => return Mark(None, Tone::Acute),
            0xFA => return Mark(Some(BREVE), Tone::Hook),
            0xFB => return Mark(None, Tone::Hook),
            0xFC => return Mark(Some(BREVE), Tone::Tilde),
            _ => {}
        }
    }
    Other(high_or_latin1(byte))
}

/// Which VNI diacritic byte (lower case) writes `shape` + `tone`.
fn vni_mark_byte(shape: Option<char>, tone: Tone) -> Option<u8> {
    (0xE0u8..=0xFC).find(|&b| vni_byte(b) == VniByte::Mark(shape, tone))
}

/// The bytes VNI uses for one character, appended to `out`.
fn vni_encode_char(c: char, out: &mut Vec<u8>) -> Option<()> {
    if c.is_ascii() {
        out.push(u8::try_from(u32::from(c)).ok()?);
        return Some(());
    }
    if let Some(letter) = letters::split(c) {
        let case = |b: u8| if letter.upper { b & !0x20 } else { b };
        // Whole-letter bytes first: đ, ơ, ư and the toned i and ỵ.
        let whole = (0xE0u8..=0xFF).find(|&b| {
            vni_byte(b)
                == VniByte::Letter(letters::join(letter.base, letter.tone, false).unwrap_or('\0'))
        });
        if let Some(b) = whole {
            out.push(case(b));
            return Some(());
        }
        let (ascii, shape) = match letter.base {
            'â' => ('a', Some(CIRCUMFLEX)),
            'ê' => ('e', Some(CIRCUMFLEX)),
            'ô' => ('o', Some(CIRCUMFLEX)),
            'ă' => ('a', Some(BREVE)),
            'ơ' | 'ư' => {
                let base = if letter.base == 'ơ' { 0xF4 } else { 0xF6 };
                out.push(case(base));
                if letter.tone != Tone::Level {
                    out.push(case(vni_mark_byte(None, letter.tone)?));
                }
                return Some(());
            }
            b if b.is_ascii() => (b, None),
            _ => return None,
        };
        let ascii = if letter.upper {
            ascii.to_ascii_uppercase()
        } else {
            ascii
        };
        out.push(u8::try_from(u32::from(ascii)).ok()?);
        if shape.is_some() || letter.tone != Tone::Level {
            out.push(case(vni_mark_byte(shape, letter.tone)?));
        }
        return Some(());
    }
    let b = mojibake_byte(c)?;
    // Only bytes that VNI leaves to Windows-1252 can carry other characters.
    if b >= 0x80 && vni_byte(b) == VniByte::Other(c) {
        out.push(b);
        Some(())
    } else {
        None
    }
}

/// Applies a VNI diacritic to the letter just decoded, when it can go there.
fn vni_apply(prev: char, shape: Option<char>, tone: Tone) -> Option<char> {
    let letter = letters::split(prev)?;
    if letter.tone != Tone::Level {
        return None;
    }
    let base = match (letter.base, shape) {
        ('a' | 'e' | 'o', Some(CIRCUMFLEX)) | ('a', Some(BREVE)) => {
            unicode_normalization::char::compose(letter.base, shape?)?
        }
        ('a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ơ' | 'ư', None) => letter.base,
        _ => return None,
    };
    letters::join(base, tone, letter.upper)
}

// ---------------------------------------------------------------- API

/// Decodes legacy bytes to NFC Unicode. Every byte sequence decodes: bytes
/// below 0x80 are ASCII, 0x80–0x9F follow Windows-1252, and a VNI diacritic
/// byte that follows no letter it can go on is kept as its Windows-1252
/// character.
#[must_use]
pub fn decode(bytes: &[u8], encoding: LegacyEncoding, options: LegacyOptions) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    decode_into(bytes, encoding, options, &mut out);
    finish(infer_capitals(out, encoding, options))
}

/// Upper-cases the toned letters of TCVN3 headings typed with capital ASCII
/// letters: see [`LegacyOptions::infer_capitals`].
fn infer_capitals(text: String, encoding: LegacyEncoding, options: LegacyOptions) -> String {
    if encoding != LegacyEncoding::Tcvn3 || options.capital_font || !options.infer_capitals {
        return text;
    }
    // Every word: where it is, its capitals, whether it has lower-case
    // ASCII letters, whether it has lower-case toned letters.
    struct Word {
        start: usize,
        end: usize,
        capitals: usize,
        lower_ascii: bool,
        lower_toned: bool,
    }
    let mut words: Vec<Word> = Vec::new();
    let mut line_breaks: Vec<usize> = Vec::new();
    let mut current: Option<Word> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            let w = current.get_or_insert(Word {
                start: i,
                end: i,
                capitals: 0,
                lower_ascii: false,
                lower_toned: false,
            });
            w.end = i + c.len_utf8();
            if c.is_uppercase() {
                w.capitals += 1;
            } else if c.is_ascii_lowercase() {
                w.lower_ascii = true;
            } else if c.is_lowercase() {
                w.lower_toned = true;
            }
        } else {
            words.extend(current.take());
            if c == '\n' {
                line_breaks.push(i);
            }
        }
    }
    words.extend(current.take());
    let heading = |w: &Word, min: usize| w.lower_toned && !w.lower_ascii && w.capitals >= min;
    let same_line = |a: &Word, b: &Word| {
        let (from, to) = (a.start.min(b.start), a.start.max(b.start));
        !line_breaks.iter().any(|&n| from < n && n < to)
    };
    let upper: Vec<bool> = words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            let strong_neighbour = |j: Option<usize>| {
                j.and_then(|j| words.get(j))
                    .is_some_and(|n| heading(n, 2) && same_line(n, w))
            };
            heading(w, 2)
                || (heading(w, 1)
                    && (strong_neighbour(k.checked_sub(1)) || strong_neighbour(k.checked_add(1))))
        })
        .collect();
    if !upper.iter().any(|&u| u) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0usize;
    for (w, _) in words.iter().zip(upper.iter()).filter(|(_, u)| **u) {
        out.push_str(text.get(last..w.start).unwrap_or(""));
        out.extend(
            text.get(w.start..w.end)
                .unwrap_or("")
                .chars()
                .flat_map(char::to_uppercase),
        );
        last = w.end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    out
}

fn decode_into(bytes: &[u8], encoding: LegacyEncoding, options: LegacyOptions, out: &mut String) {
    match encoding {
        LegacyEncoding::Tcvn3 => {
            for &b in bytes {
                let c = tcvn3_decode_byte(b);
                if options.capital_font {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
            }
        }
        LegacyEncoding::Vni => {
            let mut last: Option<char> = None;
            for &b in bytes {
                let c = match vni_byte(b) {
                    VniByte::Letter(c) | VniByte::Other(c) => c,
                    VniByte::Mark(shape, tone) => {
                        if let Some(joined) = last.and_then(|p| vni_apply(p, shape, tone)) {
                            out.pop();
                            out.push(joined);
                            last = None;
                            continue;
                        }
                        high_or_latin1(b)
                    }
                };
                out.push(c);
                last = Some(c);
            }
        }
    }
}

fn high_or_latin1(b: u8) -> char {
    if (0x80..0xA0).contains(&b) {
        high_cp1252(b)
    } else {
        char::from(b)
    }
}

fn finish(out: String) -> String {
    if unicode_normalization::is_nfc_quick(out.chars()) == unicode_normalization::IsNormalized::Yes
    {
        out
    } else {
        out.nfc().collect()
    }
}

/// Encodes `text` (normalised to NFC first) in a legacy encoding.
///
/// # Errors
///
/// [`EncodeError`] at the first character the encoding cannot represent:
/// toned capitals in TCVN3 without [`LegacyOptions::capital_font`], lower-case
/// letters with it, and characters outside the encoding's repertoire.
pub fn encode(
    text: &str,
    encoding: LegacyEncoding,
    options: LegacyOptions,
) -> Result<Vec<u8>, EncodeError> {
    let text = super::nfc(text);
    let mut out = Vec::with_capacity(text.len() + 8);
    for (offset, c) in text.char_indices() {
        let error = || EncodeError {
            encoding,
            character: c,
            offset,
            hint: encode_hint(encoding, options, c),
        };
        match encoding {
            LegacyEncoding::Tcvn3 => {
                let c = if options.capital_font {
                    if c.is_lowercase() {
                        return Err(error());
                    }
                    letters::to_lower(c).unwrap_or(c)
                } else {
                    c
                };
                out.push(tcvn3_encode_char(c).ok_or_else(error)?);
            }
            LegacyEncoding::Vni => vni_encode_char(c, &mut out).ok_or_else(error)?,
        }
    }
    Ok(out)
}

/// Why a Vietnamese letter has no code, for the error message.
fn encode_hint(encoding: LegacyEncoding, options: LegacyOptions, c: char) -> &'static str {
    if encoding != LegacyEncoding::Tcvn3 || letters::split(c).is_none() {
        ""
    } else if options.capital_font {
        " (a TCVN3 capital font draws every letter as a capital: lower-case letters have no code)"
    } else if c.is_uppercase() {
        " (TCVN3 has no code for this capital: use the capital-font option)"
    } else {
        ""
    }
}

/// Repairs mojibake: text whose legacy bytes were read as Windows-1252 or
/// Latin-1 and stored as Unicode (`"LuËt"` → `"Luật"` for TCVN3).
///
/// Each run of characters that Windows-1252/Latin-1 can turn back into bytes
/// is decoded with [`decode`]; any other character (say, a letter that was
/// already proper Unicode in a half-converted database) is kept as it is. The
/// result is NFC. This converts every Latin-1 letter, so run it only on text
/// that [`detect`](super::detect) or the caller says is legacy.
#[must_use]
pub fn repair(text: &str, encoding: LegacyEncoding, options: LegacyOptions) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut run = Vec::new();
    for c in text.chars() {
        if let Some(b) = mojibake_byte(c) {
            run.push(b);
        } else {
            decode_into(&run, encoding, options, &mut out);
            run.clear();
            out.push(c);
        }
    }
    decode_into(&run, encoding, options, &mut out);
    finish(infer_capitals(out, encoding, options))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_vn3_entries_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (c, _) in TCVN3_HIGH {
            assert!(seen.insert(c), "duplicate {c}");
        }
    }

    #[test]
    fn vni_marks_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for b in 0xE0u8..=0xFF {
            if let VniByte::Mark(s, t) = vni_byte(b) {
                assert!(seen.insert((s, t as u8)), "duplicate mark at {b:#x}");
            }
        }
        // 5 tones + circumflex×6 + breve×6
        assert_eq!(seen.len(), 17);
    }
}
