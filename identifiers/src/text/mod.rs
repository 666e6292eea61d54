//! Vietnamese text as the regulations want it: Unicode per TCVN 6909:2001.
//!
//! Decree 30/2020/NĐ-CP (Appendix I) and Quyết định 72/2002/QĐ-TTg require Unicode
//! per TCVN 6909:2001 for documents and exchanged data; old files and
//! databases still hold the 8-bit encodings that came before. This module
//! normalises, compares, checks and converts.
//!
//! # Normalisation and comparison
//!
//! * [`nfc`] returns NFC (precomposed, *dựng sẵn*) text, borrowing the input
//!   when it already is NFC; ASCII input is answered without looking at the
//!   Unicode tables. Normalise **metadata**, never signed payloads.
//! * [`comparison_key`] is for duplicate detection and search (Decree 30,
//!   Appendix VI §III.1.h): NFC, lower case, whitespace runs collapsed to one
//!   space and trimmed, the tone of a final `oa`, `oe`, `uy` moved to the first
//!   vowel (`hoà` ≡ `hòa`, `khoẻ` ≡ `khỏe`, `thuý` ≡ `thúy`, `Uỷ` ≡ `Ủy`;
//!   not after `q`, where `quý` is the only spelling), and the Đ look-alikes
//!   folded to `đ`: `Ð` (U+00D0), `Ɖ`/`ɖ` (U+0189/U+0256) always, `ð` (U+00F0)
//!   only at the start of a word, where Vietnamese has `đ` and Icelandic or
//!   Faroese never has `ð`; `ƣ`/`Ƣ` (U+01A3/U+01A2), which PDF text extraction
//!   produces for `ư`, fold to `ư`. The key is NFC and idempotent.
//! * [`folded_key`] is that key without diacritics (`đ` as `d`), for text
//!   typed without Vietnamese letters: for warnings, never for identity.
//! * [`check`] reports what a strict receiver would object to, as
//!   [`Finding`]s with stable rule ids (see [`rule`]) and byte offsets;
//!   [`check_bytes`] does the same for a file's bytes, which may not be UTF-8.
//!
//! # Legacy encodings
//!
//! Legacy text reaches us in two shapes:
//!
//! * **raw bytes** from old files or databases: [`decode`] them with a
//!   [`LegacyEncoding`], or let [`detect_bytes`] guess;
//! * **mojibake**: the bytes were once read as Windows-1252 or Latin-1 and
//!   stored as Unicode, like the 1999 decision whose text reads
//!   `"phßng … LuËt … Q§TTg"` (TCVN3 for `"phòng … Luật … QĐTTg"`) or VNI's
//!   `"Tieáng Vieät"` (`"Tiếng Việt"`): [`repair`] them, or let [`detect`]
//!   guess.
//!
//! [`encode`] writes a legacy encoding, for old systems and for round trips.
//!
//! **TCVN3** (ABC, the VN3 subset of TCVN 5712:1993, the `.VnTime` fonts)
//! encodes the lower-case toned letters and the seven shaped base letters
//! (`Ă Â Ê Ô Ơ Ư Đ` and their lower case) in 0xA0–0xFF, and the five tone marks
//! as combining characters in 0xB0–0xB4. It has **no codes for most toned
//! capitals**: headings were set in a capital font (`.VnTimeH`) that draws the
//! lower-case codes as capitals. The font name is not in the bytes, so the
//! caller says it with [`LegacyOptions::capital_font`]. Headings typed with
//! the caps lock on in a normal font (`TOµN` for `TOÀN`) are recognised by
//! their capital ASCII letters and upper-cased
//! ([`LegacyOptions::infer_capitals`], on by default). The decoder also
//! accepts the toned capitals that the full VN1 set places in the free
//! positions of the upper half; the encoder writes VN3 only.
//!
//! **VNI Windows** writes a base letter followed by a diacritic byte (`aù` =
//! `á`, `eá` = `ế`, `aë` = `ặ`), with single bytes for `đ ơ ư`, the toned `i`
//! and `ỵ`; capitals use the Windows-1252 capitals of the same bytes (`AÙ` =
//! `Á`).
//!
//! In both, bytes below 0x80 are ASCII and 0x80–0x9F follow Windows-1252 (the
//! fonts are Windows "ANSI" fonts, so curly quotes and dashes sit there).
//!
//! # Detection
//!
//! [`detect`] and [`detect_bytes`] read every word that has a non-ASCII
//! character as Unicode, as TCVN3 and as VNI, and check each reading against
//! Vietnamese syllable structure (onset, nucleus, final consonant, the rule
//! that stops take only the sắc or nặng tone, c/k and g/gh spelling). A legacy
//! verdict needs more words to make sense in that encoding than as they are,
//! and the plain ASCII words to look Vietnamese too; its [`Confidence`] grows
//! with the number and share of supporting words. Ordinary Vietnamese,
//! English and French text stays [`TextEncoding::Unicode`].
//!
//! # Example
//!
//! ```
//! use vanthu_identifiers::text::{self, LegacyEncoding, LegacyOptions, TextEncoding};
//!
//! let scan = "Thñ t\u{b8}c phßng LuËt Q§TTg";
//! let found = text::detect(scan);
//! assert_eq!(found.encoding(), TextEncoding::Legacy(LegacyEncoding::Tcvn3));
//! assert_eq!(
//!     text::repair(scan, LegacyEncoding::Tcvn3, LegacyOptions::default()),
//!     "Thủ tác phòng Luật QĐTTg"
//! );
//! assert_eq!(text::comparison_key("Uỷ  ban HOÀ"), text::comparison_key("ủy ban hòa"));
//! ```

mod detect;
mod legacy;
mod letters;

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

pub use detect::{Confidence, Detection, TextEncoding, detect, detect_bytes};
pub use legacy::{
    EncodeError, LegacyEncoding, LegacyOptions, UnknownEncoding, decode, encode, repair,
};

use crate::rules;
use crate::{Finding, Location};

/// The stable rule ids of the findings [`check`] reports (the rules
/// themselves, with severity and source, are in [`crate::rules`]).
pub mod rule {
    use crate::rules;

    /// The text is not in Unicode Normalization Form C.
    pub const NOT_NFC: &str = rules::TEXT_NOT_NFC.id;
    /// A character that looks like `Đ`/`đ` but is not U+0110/U+0111.
    pub const LOOKALIKE_D: &str = rules::TEXT_LOOKALIKE_D.id;
    /// `ƣ`/`Ƣ` (U+01A3/U+01A2, "oi") standing for `ư`/`Ư`, as PDF text
    /// extraction produces from some fonts.
    pub const LOOKALIKE_U_HORN: &str = rules::TEXT_LOOKALIKE_U_HORN.id;
    /// The text looks like TCVN3 (ABC) read as Windows-1252.
    pub const LEGACY_TCVN3: &str = rules::TEXT_LEGACY_TCVN3.id;
    /// The text looks like VNI Windows read as Windows-1252.
    pub const LEGACY_VNI: &str = rules::TEXT_LEGACY_VNI.id;
    /// A control character other than tab, line feed and carriage return.
    pub const CONTROL_CHAR: &str = rules::TEXT_CONTROL_CHAR.id;
    /// U+FFFD: something was lost in an earlier conversion.
    pub const REPLACEMENT_CHAR: &str = rules::TEXT_REPLACEMENT_CHAR.id;
    /// Bytes that are not UTF-8 (reported by callers that read bytes).
    pub const NOT_UTF8: &str = rules::TEXT_NOT_UTF8.id;
}

/// The 134 letters with diacritics that Vietnamese adds to ASCII, as TCVN
/// 6909:2001 encodes them (precomposed): the 12 vowels `a ă â e ê i o ô ơ u ư
/// y` in their 6 tones, less the 6 plain ASCII vowels, plus `đ`; lower case
/// first, then the capitals in the same order.
pub fn accented_letters() -> impl Iterator<Item = char> {
    letters::accented_lowercase().chain(letters::accented_lowercase().filter_map(letters::to_upper))
}

/// `text` in Unicode Normalization Form C, borrowed when it already is.
#[must_use]
pub fn nfc(text: &str) -> Cow<'_, str> {
    if is_nfc(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// True when `text` is in Unicode Normalization Form C.
#[must_use]
pub fn is_nfc(text: &str) -> bool {
    text.is_ascii() || unicode_normalization::is_nfc(text)
}

/// The key under which two spellings of the same Vietnamese text compare
/// equal: see the [module docs](self) for what it folds.
#[must_use]
pub fn comparison_key(text: &str) -> String {
    let text = nfc(text);
    let mut lowered = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut prev_alpha = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !lowered.is_empty();
            prev_alpha = false;
            continue;
        }
        if pending_space {
            lowered.push(' ');
            pending_space = false;
        }
        let c = match c {
            'Ð' | 'Ɖ' | 'ɖ' => 'đ',
            'ð' if !prev_alpha => 'đ',
            'ƣ' | 'Ƣ' => 'ư',
            _ => c,
        };
        prev_alpha = c.is_alphabetic();
        lowered.extend(c.to_lowercase());
    }
    let lowered: String = lowered.nfc().collect();
    let mut out = String::with_capacity(lowered.len());
    let mut word: Vec<char> = Vec::new();
    for c in lowered.chars() {
        // A combining mark left after composing (`ỵ` + hook above has no
        // precomposed form) belongs to its word: splitting there would move
        // a tone off a letter the mark then composes with.
        if c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c) {
            word.push(c);
        } else {
            fold_tone_placement(&mut word);
            out.extend(word.drain(..));
            out.push(c);
        }
    }
    fold_tone_placement(&mut word);
    out.extend(word.drain(..));
    out
}

/// [`comparison_key`] without diacritics: every tone and vowel mark dropped
/// and `đ` folded to `d`, so that text typed without Vietnamese letters
/// (`182/QD-LDTBXH`, `So Y te`) has the key of the text it stands for
/// (`182/QĐ-LĐTBXH`, `Sở Y tế`). Coarser than [`comparison_key`]: for
/// warnings such as "this document may already be registered", never to
/// decide that two texts are the same.
///
/// ```
/// use vanthu_identifiers::text::folded_key;
/// assert_eq!(folded_key("182/QĐ-LĐTBXH"), folded_key("182/QD-LDTBXH"));
/// assert_eq!(folded_key("Sở Y tế"), "so y te");
/// assert_eq!(folded_key("v \u{323} ƣu"), "v uu");
/// ```
#[must_use]
pub fn folded_key(text: &str) -> String {
    let folded: String = comparison_key(text)
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect();
    // A mark that stood alone between spaces leaves two: collapse them
    // again, so that the key is its own key.
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Moves the tone of a word-final `oa`, `oe` or `uy` to its first vowel.
fn fold_tone_placement(word: &mut [char]) {
    let n = word.len();
    let (Some(i), Some(j)) = (n.checked_sub(2), n.checked_sub(1)) else {
        return;
    };
    let (Some(&a), Some(&b)) = (word.get(i), word.get(j)) else {
        return;
    };
    let (Some(la), Some(lb)) = (letters::split(a), letters::split(b)) else {
        return;
    };
    if !matches!((la.base, lb.base), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return;
    }
    if let Some(before) = i.checked_sub(1).and_then(|k| word.get(k)) {
        let vowel_or_q = letters::split(*before)
            .is_some_and(|l| letters::is_vowel_base(l.base) || l.base == 'q');
        if vowel_or_q {
            return;
        }
    }
    let tone = match (la.tone, lb.tone) {
        (letters::Tone::Level, t) => t,
        (t, letters::Tone::Level) => t,
        _ => return,
    };
    let others_toned = word
        .get(..i)
        .unwrap_or(&[])
        .iter()
        .any(|&c| letters::split(c).is_some_and(|l| l.tone != letters::Tone::Level));
    if others_toned {
        return;
    }
    if let (Some(na), Some(nb)) = (
        letters::join(la.base, tone, la.upper),
        letters::join(lb.base, letters::Tone::Level, lb.upper),
    ) {
        if let Some(slot) = word.get_mut(i) {
            *slot = na;
        }
        if let Some(slot) = word.get_mut(j) {
            *slot = nb;
        }
    }
}

/// Byte offset of the first character sequence that NFC would change.
fn first_non_nfc_offset(text: &str) -> usize {
    let mut start = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if i > start && canonical_combining_class(c) == 0 {
            start = i;
        }
        let end = iter
            .peek()
            .filter(|(_, n)| canonical_combining_class(*n) == 0)
            .map(|(k, _)| *k);
        if let Some(end) = end.or_else(|| iter.peek().is_none().then_some(text.len())) {
            if let Some(seg) = text.get(start..end)
                && !seg.is_ascii()
                && !seg.chars().eq(seg.nfc())
            {
                return start;
            }
            start = end;
        }
    }
    0
}

/// Checks Unicode text against TCVN 6909:2001 practice and reports what is
/// off, each with a stable [`rule`] id and a byte offset:
///
/// * [`rule::NOT_NFC`] (warning): not NFC; the offset of the first change;
/// * [`rule::LOOKALIKE_D`] (warning): each `Ð`, `Ɖ`, and word-initial `ð`/`ɖ`;
/// * [`rule::LOOKALIKE_U_HORN`] (warning): the first `ƣ`/`Ƣ` standing for
///   `ư`/`Ư`, with the count;
/// * [`rule::LEGACY_TCVN3`], [`rule::LEGACY_VNI`] (error): mojibake that
///   [`detect`] finds with at least [`Confidence::Medium`], at the first
///   supporting word (a low-confidence hint is not reported);
/// * [`rule::CONTROL_CHAR`] (error): C0/C1 controls other than tab, LF, CR;
///   the first one, with the count;
/// * [`rule::REPLACEMENT_CHAR`] (warning): U+FFFD; the first one, with the count.
#[must_use]
pub fn check(text: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !is_nfc(text) {
        findings.push(rules::TEXT_NOT_NFC.custom(
            "text is not in Unicode Normalization Form C (precomposed letters)",
            "văn bản chưa ở dạng chuẩn hoá Unicode NFC (chữ dựng sẵn)",
            Location::at_offset(first_non_nfc_offset(text)),
        ));
    }
    let mut prev_alpha = false;
    let mut controls: Option<(usize, usize)> = None;
    let mut replacements: Option<(usize, usize)> = None;
    let mut oi: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        if matches!(c, 'ƣ' | 'Ƣ') {
            let e = oi.get_or_insert((i, 0));
            e.1 += 1;
        }
        let lookalike = match c {
            'Ð' | 'Ɖ' => true,
            'ð' | 'ɖ' => !prev_alpha,
            _ => false,
        };
        if lookalike {
            findings.push(rules::TEXT_LOOKALIKE_D.custom(
                format!(
                    "{c:?} (U+{:04X}) looks like Đ/đ but is not U+0110/U+0111",
                    u32::from(c)
                ),
                format!(
                    "ký tự {c:?} (U+{:04X}) trông giống Đ/đ nhưng không phải U+0110/U+0111",
                    u32::from(c)
                ),
                Location::at_offset(i),
            ));
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            let e = controls.get_or_insert((i, 0));
            e.1 += 1;
        }
        if c == char::REPLACEMENT_CHARACTER {
            let e = replacements.get_or_insert((i, 0));
            e.1 += 1;
        }
        prev_alpha = c.is_alphabetic();
    }
    let detection = detect(text);
    if let Some(enc) = detection.legacy_at_least(Confidence::Medium) {
        let (id, name) = match enc {
            LegacyEncoding::Tcvn3 => (&rules::TEXT_LEGACY_TCVN3, "TCVN3 (ABC)"),
            LegacyEncoding::Vni => (&rules::TEXT_LEGACY_VNI, "VNI Windows"),
        };
        findings.push(
            id.custom(
                format!(
                    "text looks like {name} read as Windows-1252 ({} confidence, {} of {} words with non-ASCII letters); convert it with `vanthu text fix --from {enc}`",
                    detection.confidence(),
                    detection.supporting_words(),
                    detection.candidate_words()
                ),
                format!(
                    "văn bản có vẻ là mã {name} bị đọc nhầm thành Windows-1252; cần chuyển sang Unicode TCVN 6909:2001"
                ),
                Location::at_offset(detection.first_offset().unwrap_or(0)),
            ),
        );
    }
    if let Some((at, count)) = oi {
        findings.push(
            rules::TEXT_LOOKALIKE_U_HORN.custom(
                format!("{count} ƣ/Ƣ (U+01A3/U+01A2) standing for ư/Ư (U+01B0/U+01AF), the first here"),
                format!("có {count} ký tự ƣ/Ƣ (U+01A3/U+01A2) thay cho ư/Ư (U+01B0/U+01AF), ký tự đầu tiên ở đây"),
                Location::at_offset(at),
            ),
        );
    }
    if let Some((at, count)) = controls {
        findings.push(rules::TEXT_CONTROL_CHAR.custom(
            format!("{count} control character(s), the first here"),
            format!("có {count} ký tự điều khiển, ký tự đầu tiên ở đây"),
            Location::at_offset(at),
        ));
    }
    if let Some((at, count)) = replacements {
        findings.push(rules::TEXT_REPLACEMENT_CHAR.custom(
            format!(
                "{count} replacement character(s) U+FFFD: an earlier conversion lost characters"
            ),
            format!("có {count} ký tự thay thế U+FFFD: một lần chuyển mã trước đã làm mất chữ"),
            Location::at_offset(at),
        ));
    }
    findings.sort_by_key(|f| f.location.offset);
    findings
}

/// What [`check_bytes`] found in a file's bytes. Its JSON (what
/// `vanthu text check --json` prints beside the file name) is
/// `{"encoding": "utf-8"|"tcvn3"|"vni"|"unknown", "nfc": bool, "findings": […]}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct BytesReport {
    /// The encoding the text is believed to be in: `Unicode` for clean UTF-8,
    /// `Legacy` for raw legacy bytes *and* for UTF-8 mojibake, `Unknown` for
    /// bytes that are neither.
    pub encoding: TextEncoding,
    /// Whether the text is UTF-8 in NFC (false for anything not UTF-8).
    pub nfc: bool,
    /// What [`check`] reports for UTF-8; for other bytes, one
    /// [`rule::LEGACY_TCVN3`]/[`rule::LEGACY_VNI`] or [`rule::NOT_UTF8`] finding.
    pub findings: Vec<Finding>,
}

/// Checks a file's bytes: UTF-8 (a leading byte-order mark is skipped) is
/// checked with [`check`]; other bytes are reported as legacy when
/// [`detect_bytes`] recognises them with at least [`Confidence::Medium`], or
/// as not UTF-8 at the first invalid byte.
#[must_use]
pub fn check_bytes(bytes: &[u8]) -> BytesReport {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let body = bytes.get(bom..).unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => {
            let findings = check(text)
                .into_iter()
                .map(|mut f| {
                    f.location.offset = f.location.offset.map(|o| o + bom as u64);
                    f
                })
                .collect();
            let encoding = detect(text)
                .legacy_at_least(Confidence::Medium)
                .map_or(TextEncoding::Unicode, TextEncoding::Legacy);
            BytesReport {
                encoding,
                nfc: is_nfc(text),
                findings,
            }
        }
        Err(error) => {
            let detection = detect_bytes(body);
            let finding = match detection.legacy_at_least(Confidence::Medium) {
                Some(enc) => {
                    let (id, name) = match enc {
                        LegacyEncoding::Tcvn3 => (&rules::TEXT_LEGACY_TCVN3, "TCVN3 (ABC)"),
                        LegacyEncoding::Vni => (&rules::TEXT_LEGACY_VNI, "VNI Windows"),
                    };
                    id.custom(
                        format!(
                            "the bytes are {name}, not UTF-8 ({} confidence); convert them with `vanthu text fix --from {enc}`",
                            detection.confidence()
                        ),
                        format!("dữ liệu là mã {name}, không phải Unicode UTF-8 theo TCVN 6909:2001"),
                        Location::at_offset(bom + detection.first_offset().unwrap_or(0)),
                    )
                }
                None => {
                    rules::TEXT_NOT_UTF8.finding("", Location::at_offset(bom + error.valid_up_to()))
                }
            };
            BytesReport {
                encoding: detection
                    .legacy_at_least(Confidence::Medium)
                    .map_or(TextEncoding::Unknown, TextEncoding::Legacy),
                nfc: false,
                findings: vec![finding],
            }
        }
    }
}
