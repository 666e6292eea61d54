//! Telling legacy text from Unicode: a Vietnamese syllable checker and the
//! scoring that compares how many words make sense under each reading.

use std::collections::HashMap;
use std::fmt;

use super::legacy::{self, LegacyEncoding, LegacyOptions};
use super::letters::{self, Letter, Tone};

/// The encoding a text is believed to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum TextEncoding {
    /// Unicode (UTF-8 when bytes were given): nothing legacy was seen.
    Unicode,
    /// A legacy encoding: raw bytes, or mojibake when a string was given.
    Legacy(LegacyEncoding),
    /// Bytes that are neither UTF-8 nor recognisably TCVN3 or VNI.
    Unknown,
}

impl TextEncoding {
    /// The name used in JSON: `utf-8`, `tcvn3`, `vni` or `unknown`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Unicode => "utf-8",
            TextEncoding::Legacy(e) => e.as_str(),
            TextEncoding::Unknown => "unknown",
        }
    }
}

/// Serialised as [`as_str`](TextEncoding::as_str): `"utf-8"`, `"tcvn3"`, `"vni"`, `"unknown"`.
impl serde::Serialize for TextEncoding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure the detector is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Confidence {
    /// A hint only: a few words fit, or the evidence is mixed. Do not convert
    /// without asking.
    Low,
    /// Most words with non-ASCII letters fit this reading and none fit better.
    Medium,
    /// At least three such words, and nearly all of them, fit this reading.
    High,
}

impl Confidence {
    /// The lower-case name: `low`, `medium` or `high`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What [`detect`] or [`detect_bytes`] believes, and on what evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Detection {
    encoding: TextEncoding,
    confidence: Confidence,
    candidates: usize,
    supporting: usize,
    first_offset: Option<usize>,
}

impl Detection {
    /// The encoding believed.
    #[must_use]
    pub const fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// How sure.
    #[must_use]
    pub const fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// Words with non-ASCII characters: the only ones that can tell encodings apart.
    #[must_use]
    pub const fn candidate_words(&self) -> usize {
        self.candidates
    }

    /// Of those, how many read as Vietnamese under the believed encoding (and,
    /// for a legacy verdict, not as Unicode).
    #[must_use]
    pub const fn supporting_words(&self) -> usize {
        self.supporting
    }

    /// Byte offset of the first supporting word of a legacy verdict.
    #[must_use]
    pub const fn first_offset(&self) -> Option<usize> {
        self.first_offset
    }

    /// The legacy encoding when the verdict is legacy with at least `min`
    /// confidence.
    #[must_use]
    pub fn legacy_at_least(&self, min: Confidence) -> Option<LegacyEncoding> {
        match self.encoding {
            TextEncoding::Legacy(e) if self.confidence >= min => Some(e),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------- syllables

/// How a run of letters reads as Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// A well-formed Vietnamese syllable.
    Syllable,
    /// An abbreviation such as `QĐ`, `TTg`, `HĐND`: no tone, and either no
    /// vowel or all capitals.
    Abbreviation,
    /// Not Vietnamese.
    Foreign,
}

const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Nuclei that may end a syllable or take a final consonant.
const NUCLEI_FREE: [&str; 14] = [
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy",
];
/// Nuclei that need a final consonant.
const NUCLEI_CLOSED: [&str; 10] = ["ă", "â", "iê", "yê", "uô", "ươ", "uyê", "oă", "uâ", "oo"];
/// Nuclei ending in a semivowel, which take no final consonant.
const NUCLEI_OPEN: [&str; 31] = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
    "ưi", "ưu", "iêu", "yêu", "oai", "oay", "uôi", "ươi", "ươu", "uya", "uyu", "oao", "oeo", "uây",
    "uơ",
];
const CODAS: [&str; 8] = ["ch", "nh", "ng", "c", "m", "n", "p", "t"];

/// Reads a run of letters (no digits, no punctuation) as Vietnamese.
pub(crate) fn read_run(run: &str) -> Reading {
    let mut parts: Vec<Letter> = Vec::with_capacity(run.len());
    for c in run.chars() {
        match letters::split(c) {
            Some(l) => parts.push(l),
            None => return Reading::Foreign,
        }
    }
    let toned: Vec<usize> = parts
        .iter()
        .enumerate()
        .filter(|(_, l)| l.tone != Tone::Level)
        .map(|(i, _)| i)
        .collect();
    let has_vowel = parts.iter().any(|l| letters::is_vowel_base(l.base));
    let all_upper = parts.iter().all(|l| l.upper);
    if toned.is_empty() && (!has_vowel || (all_upper && parts.len() >= 2)) && parts.len() <= 10 {
        return Reading::Abbreviation;
    }
    let tone_at = match toned.as_slice() {
        [] => None,
        [i] => Some(*i),
        _ => return Reading::Foreign,
    };
    let tone = tone_at
        .and_then(|i| parts.get(i))
        .map_or(Tone::Level, |l| l.tone);
    let bases: String = parts.iter().map(|l| l.base).collect();
    if is_syllable(&bases, tone, tone_at) {
        Reading::Syllable
    } else {
        Reading::Foreign
    }
}

fn is_syllable(bases: &str, tone: Tone, tone_at: Option<usize>) -> bool {
    ONSETS
        .iter()
        .copied()
        .chain(std::iter::once(""))
        .filter_map(|onset| Some((onset, bases.strip_prefix(onset)?)))
        .any(|(onset, rest)| {
            CODAS
                .iter()
                .copied()
                .chain(std::iter::once(""))
                .filter_map(|coda| Some((coda, rest.strip_suffix(coda)?)))
                .any(|(coda, nucleus)| {
                    let at = tone_at.map(|i| i.checked_sub(onset.chars().count()));
                    fits(onset, nucleus, coda, tone, at)
                })
        })
}

/// Where the tone goes in a nucleus (TCVN 6909 does not say; this is the
/// orthography taught in schools, accepting both the old and the new place
/// for a final `oa`, `oe`, `uy`).
fn tone_place_ok(nucleus: &str, coda: &str, at: usize) -> bool {
    let chars: Vec<char> = nucleus.chars().collect();
    let n = chars.len();
    if n <= 1 {
        return at == 0;
    }
    // A shaped vowel takes the tone; in ươ it is the ơ.
    if let Some(i) = chars
        .iter()
        .rposition(|c| matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ'))
    {
        return at == i;
    }
    if let Some(i) = chars.iter().position(|&c| c == 'ư') {
        return at == i;
    }
    if !coda.is_empty() {
        return at + 1 == n;
    }
    match nucleus {
        "oa" | "oe" | "uy" => at <= 1,
        _ if n == 3 => at == 1,
        _ => at == 0,
    }
}

fn fits(
    onset: &str,
    nucleus: &str,
    coda: &str,
    tone: Tone,
    tone_at: Option<Option<usize>>,
) -> bool {
    if nucleus.is_empty() {
        return false;
    }
    let ok = if coda.is_empty() {
        NUCLEI_FREE.contains(&nucleus) || NUCLEI_OPEN.contains(&nucleus)
    } else {
        NUCLEI_FREE.contains(&nucleus) || NUCLEI_CLOSED.contains(&nucleus)
    };
    if !ok {
        return false;
    }
    match tone_at {
        None => {}
        // The tone sits in the onset or past the nucleus.
        Some(None) => return false,
        Some(Some(at)) if !tone_place_ok(nucleus, coda, at) => return false,
        Some(Some(_)) => {}
    }
    // Stops take only the rising (sắc) or heavy (nặng) tone.
    if matches!(coda, "c" | "ch" | "p" | "t") && !matches!(tone, Tone::Acute | Tone::Dot) {
        return false;
    }
    if matches!(coda, "ch" | "nh") && !matches!(nucleus, "a" | "ê" | "i" | "y" | "oa" | "uê" | "uy")
    {
        return false;
    }
    let first = nucleus.chars().next().unwrap_or('a');
    let front = matches!(first, 'e' | 'ê' | 'i' | 'y');
    match onset {
        // Spelling rules: k/gh/ngh before front vowels, c/g/ng elsewhere.
        "k" | "gh" | "ngh" => front,
        "c" | "ng" => !front,
        "qu" => !nucleus.starts_with('u') && !nucleus.starts_with('o'),
        _ => true,
    }
}

// ---------------------------------------------------------------- scoring

/// A token: a maximal run of characters that are not ASCII separators.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut base = 0usize;
    std::iter::from_fn(move || {
        let start = rest.find(|c: char| !is_separator(c))?;
        let tail = rest.get(start..)?;
        let len = tail.find(is_separator).unwrap_or(tail.len());
        let token = tail.get(..len)?;
        let offset = base + start;
        base = offset + len;
        rest = tail.get(len..).unwrap_or("");
        Some((offset, token))
    })
}

fn is_separator(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_alphanumeric()) || c.is_whitespace()
}

/// How a decoded token reads: `true` when every letter run in it is a
/// syllable or an abbreviation, at least one is a syllable or contains a
/// non-ASCII letter, and no character is a stray non-ASCII symbol.
fn token_is_vietnamese(token: &str) -> bool {
    let mut any = false;
    for run in token.split(|c: char| !c.is_alphabetic()) {
        if run.is_empty() {
            continue;
        }
        match read_run(run) {
            Reading::Syllable => any = true,
            Reading::Abbreviation => any |= !run.is_ascii(),
            Reading::Foreign => return false,
        }
    }
    let stray = token.chars().any(|c| !c.is_ascii() && !c.is_alphabetic());
    any && !stray
}

/// A token that can tell readings apart: it has a non-ASCII letter, or a
/// Latin-1 symbol (which TCVN3 uses for letters).
fn is_candidate(token: &str) -> bool {
    token
        .chars()
        .any(|c| (!c.is_ascii() && c.is_alphabetic()) || ('\u{A0}'..='\u{FF}').contains(&c))
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    /// Words with a non-ASCII letter or Latin-1 symbol.
    candidates: usize,
    /// Words that read as Vietnamese both as they are and repaired: they
    /// cannot tell Unicode from legacy.
    ambiguous: usize,
    /// Words that read as Vietnamese only as they are.
    unicode: usize,
    /// Words that read as Vietnamese only after repair, and only in one of
    /// the encodings.
    legacy: [usize; 2],
    /// Words that read as Vietnamese only after repair, in both encodings.
    legacy_both: usize,
    first: [Option<usize>; 2],
    ascii_words: usize,
    ascii_vietnamese: usize,
}

/// Whether a token reads as Vietnamese as it is, and repaired as TCVN3 / VNI.
fn read_token(token: &str, unicode_possible: bool) -> (bool, [bool; 2]) {
    let as_unicode = unicode_possible && token_is_vietnamese(token);
    let mappable = token.chars().all(|c| legacy::mojibake_byte(c).is_some());
    let mut as_legacy = [false; 2];
    if mappable {
        for (slot, enc) in as_legacy.iter_mut().zip(LegacyEncoding::ALL) {
            let repaired = legacy::repair(token, enc, LegacyOptions::default());
            // A lone letter (a "«" read as "ô") is too weak to count.
            *slot = repaired.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && token_is_vietnamese(&repaired);
        }
    }
    (as_unicode, as_legacy)
}

fn tally_str(text: &str, unicode_possible: bool) -> Tally {
    let mut t = Tally::default();
    let mut seen: HashMap<&str, (bool, [bool; 2])> = HashMap::new();
    for (offset, token) in tokens(text) {
        if token.is_ascii() {
            for run in token.split(|c: char| !c.is_ascii_alphabetic()) {
                if !run.is_empty() {
                    t.ascii_words += 1;
                    if read_run(run) != Reading::Foreign {
                        t.ascii_vietnamese += 1;
                    }
                }
            }
            continue;
        }
        if !is_candidate(token) {
            continue;
        }
        t.candidates += 1;
        // Documents repeat their words: read each distinct token once.
        let (as_unicode, as_legacy) = *seen
            .entry(token)
            .or_insert_with(|| read_token(token, unicode_possible));
        match (as_unicode, as_legacy.iter().any(|&x| x)) {
            (true, true) => t.ambiguous += 1,
            (true, false) => t.unicode += 1,
            (false, true) if as_legacy.iter().all(|&x| x) => {
                t.legacy_both += 1;
                for f in t.first.iter_mut() {
                    f.get_or_insert(offset);
                }
            }
            (false, true) => {
                for (i, _) in as_legacy.iter().enumerate().filter(|(_, x)| **x) {
                    if let Some(n) = t.legacy.get_mut(i) {
                        *n += 1;
                    }
                    if let Some(f) = t.first.get_mut(i) {
                        f.get_or_insert(offset);
                    }
                }
            }
            (false, false) => {}
        }
    }
    t
}

fn verdict(t: &Tally, unicode_possible: bool) -> Detection {
    let decisive = t.candidates.saturating_sub(t.ambiguous);
    let unicode = Detection {
        encoding: if unicode_possible {
            TextEncoding::Unicode
        } else {
            TextEncoding::Unknown
        },
        confidence: if decisive == 0 || t.unicode * 2 >= decisive {
            Confidence::High
        } else {
            Confidence::Medium
        },
        candidates: t.candidates,
        supporting: t.unicode,
        first_offset: None,
    };
    // Legacy Vietnamese text is Vietnamese: its plain ASCII words are mostly
    // toneless syllables. English or French prose is not.
    let looks_vietnamese = t.ascii_words < 4 || t.ascii_vietnamese * 2 >= t.ascii_words;
    let best = LegacyEncoding::ALL
        .iter()
        .zip(t.legacy.iter().zip(t.first.iter()))
        .max_by_key(|(_, (n, _))| **n);
    let Some((&enc, (&exclusive, &first))) = best else {
        return unicode;
    };
    let support = exclusive + t.legacy_both;
    if support == 0 || support <= t.unicode || !looks_vietnamese {
        return unicode;
    }
    // The other encoding's exclusive words count against this one.
    let other = t
        .legacy
        .iter()
        .copied()
        .filter(|&n| n != exclusive)
        .max()
        .unwrap_or(0);
    let tie = t.legacy.iter().filter(|&&n| n == exclusive).count() > 1;
    let share = support * 10;
    let confidence = if tie {
        Confidence::Low
    } else if support >= 3 && share >= decisive * 7 && other * 4 <= exclusive {
        Confidence::High
    } else if support >= 2 && share >= decisive * 5 && other < exclusive {
        Confidence::Medium
    } else if share >= decisive * 3 {
        Confidence::Low
    } else {
        return unicode;
    };
    Detection {
        encoding: TextEncoding::Legacy(enc),
        confidence,
        candidates: t.candidates,
        supporting: support,
        first_offset: first,
    }
}

/// Detects TCVN3 or VNI mojibake in Unicode text: legacy bytes that were read
/// as Windows-1252 or Latin-1 (`"phßng"`, `"Tieáng Vieät"`).
///
/// Every word with a non-ASCII character is read three ways (as it is, and
/// repaired as TCVN3 and as VNI) and checked against Vietnamese syllable
/// structure (onset, vowel nucleus, final consonant, tone rules). A legacy
/// verdict needs more such words to read as Vietnamese under that encoding
/// than as they are, and the plain ASCII words to look Vietnamese too, so
/// ordinary Vietnamese, English and French text is reported as
/// [`TextEncoding::Unicode`].
#[must_use]
pub fn detect(text: &str) -> Detection {
    verdict(&tally_str(text, true), true)
}

/// Detects the encoding of raw bytes: valid UTF-8 is read as text and checked
/// for mojibake with [`detect`]; other bytes are decoded as TCVN3 and as VNI
/// and the reading with more Vietnamese words wins, or
/// [`TextEncoding::Unknown`] when neither does.
///
/// A leading UTF-8 byte-order mark is ignored.
#[must_use]
pub fn detect_bytes(bytes: &[u8]) -> Detection {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return detect(text);
    }
    // Latin-1 is the identity on bytes, so the string tally sees the same
    // words and offsets; it just cannot be Unicode.
    let latin1: String = bytes.iter().map(|&b| char::from(b)).collect();
    let mut t = tally_str(&latin1, false);
    // Offsets were counted in the Latin-1 string; map them back to bytes.
    for f in t.first.iter_mut() {
        *f = f.and_then(|o| latin1.get(..o).map(|p| p.chars().count()));
    }
    verdict(&t, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables() {
        for s in [
            "phòng", "luật", "nghị", "định", "quyết", "tiếng", "việt", "khuỷu", "người", "hoà",
            "hòa", "thuý", "thúy", "gì", "giữ", "quốc", "uỷ", "ban", "nhân", "dân", "xoong",
            "chuyển", "oanh", "huỳnh", "khuya", "của", "và", "được", "những",
        ] {
            assert_eq!(read_run(s), Reading::Syllable, "{s}");
        }
        for s in [
            "cĩ", "phßng", "tieáng", "oự", "ộtộ", "ket", "kan", "café", "été", "and",
        ] {
            assert_ne!(read_run(s), Reading::Syllable, "{s}");
        }
        assert_eq!(read_run("QĐ"), Reading::Abbreviation);
        assert_eq!(read_run("TTg"), Reading::Abbreviation);
        assert_eq!(read_run("HĐND"), Reading::Abbreviation);
    }

    #[test]
    fn tokens_and_offsets() {
        let t: Vec<_> = tokens("  ab,  cđ-e ").collect();
        assert_eq!(t, vec![(2, "ab"), (7, "cđ"), (11, "e")]);
    }
}
