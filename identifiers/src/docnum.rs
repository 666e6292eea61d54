//! Document number and symbol (*số và ký hiệu văn bản*): `182/QĐ-LĐTBXH`,
//! `12/UBND-VX`, `30/2020/NĐ-CP`.

use crate::doctype::{DocumentType, FOLDED, LEGACY};
use crate::error::{IdError, IdErrorKind, check_common};
use crate::finding::Finding;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::is_nfc;

use crate::rules;
use crate::util::{digits_value, finding, string_impls};

/// How the type abbreviation deviates from the official one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum AbbrQuirk {
    /// Official.
    None,
    /// Superseded in 2020 (`GN`, `TTh`, `UQ`, `GT`, `NP`).
    Legacy,
    /// Đ written as D (`QD`).
    Folded,
    /// Wrong letter case (`TTR`).
    Case,
}

/// A document number and symbol (*số, ký hiệu*), e.g. `182/QĐ-LĐTBXH`.
///
/// The grammar (Nghị định 30/2020/NĐ-CP Phụ lục I §II.3): the number (the
/// ordinal in the year, at least two digits), for legal normative documents
/// the year, then the symbol: the type abbreviation (none for a công văn), the
/// issuer's abbreviation and optionally the drafting unit's or field's, joined
/// by `-`; `/` between number, year and symbol; no spaces.
///
/// [`parse`](Self::parse) is strict. [`parse_lenient`](Self::parse_lenient)
/// also reads pre-2020 abbreviations (`GN`, `TTh`, `UQ`, `GT`, `NP`),
/// ASCII-folded ones (`QD`), wrong letter case (`TTR`) and numbers below 10
/// without their leading zero, and decomposed (NFD) Unicode, each with a
/// finding; the value keeps the text
/// exactly as read. `FromStr`, `TryFrom` and serde read leniently so that
/// every value reads back from its text; [`findings`](Self::findings)
/// recomputes what is irregular.
///
/// ```
/// use vanthu_identifiers::{DocumentNumber, DocumentType};
/// let n = DocumentNumber::parse("30/2020/NĐ-CP")?;
/// assert_eq!((n.number(), n.year()), (30, Some(2020)));
/// assert_eq!(n.document_type(), Some(DocumentType::Decree));
/// assert_eq!(n.issuer(), "CP");
/// let letter = DocumentNumber::parse("12/UBND-VX")?;
/// assert_eq!((letter.type_abbreviation(), letter.issuer(), letter.unit()), (None, "UBND", Some("VX")));
/// # Ok::<(), vanthu_identifiers::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DocumentNumber {
    text: String,
    number: u32,
    number_len: usize,
    year: Option<i32>,
    symbol_start: usize,
    abbreviation: Option<(usize, usize)>,
    document_type: Option<DocumentType>,
    issuer: (usize, usize),
    unit: Option<(usize, usize)>,
    quirk: AbbrQuirk,
    nfd: bool,
}

impl DocumentNumber {
    /// Reads the strict form.
    ///
    /// # Errors
    /// An [`IdError`] saying what is wrong and at which byte: empty or overlong
    /// input, spaces, a missing number, `/` or symbol, a zero or badly padded
    /// number, a bad year, an empty or trailing group, a character not allowed
    /// in a symbol, a look-alike of Đ, and the forms only
    /// [`parse_lenient`](Self::parse_lenient) reads.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let value = Self::read(input)?;
        match value.strict_error() {
            None => Ok(value),
            Some(e) => Err(e),
        }
    }

    /// Why this value is not in the strict form, if it is not.
    pub(crate) fn strict_error(&self) -> Option<IdError> {
        if self.nfd {
            return Some(IdError::new(IdErrorKind::NotNfc, first_not_nfc(&self.text)));
        }
        if self.number < 10 && self.number_len == 1 {
            return Some(IdError::new(
                IdErrorKind::MissingLeadingZero {
                    value: self.number_text().to_owned(),
                },
                0,
            ));
        }
        if self.quirk == AbbrQuirk::None {
            return None;
        }
        let (found, at) = self.abbreviation.map_or((String::new(), 0), |(a, b)| {
            (self.slice((a, b)).to_owned(), a)
        });
        let official = self
            .document_type
            .as_ref()
            .and_then(DocumentType::abbreviation)
            .unwrap_or_default();
        let kind = match self.quirk {
            AbbrQuirk::Legacy => IdErrorKind::LegacyAbbreviation {
                found,
                current: official,
            },
            AbbrQuirk::None | AbbrQuirk::Folded | AbbrQuirk::Case => {
                IdErrorKind::NonCanonicalAbbreviation { found, official }
            }
        };
        Some(IdError::new(kind, at))
    }

    /// Reads the strict form and the dialects listed on the type, reporting
    /// each dialect as a finding.
    ///
    /// # Errors
    /// As [`parse`](Self::parse), except for the dialects.
    pub fn parse_lenient(input: &str) -> Result<(Self, Vec<Finding>), IdError> {
        let value = Self::read(input)?;
        let findings = value.findings();
        Ok((value, findings))
    }

    /// Reads from the edXML pair `Code/CodeNumber` and `Code/CodeNotation`
    /// (joined by `/`, as the VNPT `Code` class does), leniently.
    ///
    /// # Errors
    /// As [`parse_lenient`](Self::parse_lenient); offsets count in the joined
    /// text `number/notation`.
    pub fn from_code_parts(code_number: &str, code_notation: &str) -> Result<Self, IdError> {
        Self::read(&format!("{code_number}/{code_notation}"))
    }

    /// [`parse_lenient`](Self::parse_lenient) without the findings.
    pub(crate) fn read(input: &str) -> Result<Self, IdError> {
        check_common(input)?;
        Self::read_checked(input)
    }

    /// [`read`](Self::read) of text that already passed `check_common` (as
    /// part of a larger identifier).
    pub(crate) fn read_checked(input: &str) -> Result<Self, IdError> {
        let bytes = input.as_bytes();
        let number_len = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let number_text = input.get(..number_len).unwrap_or_default();
        match input.get(number_len..).and_then(|r| r.chars().next()) {
            _ if number_len == 0 => {
                let found = input.chars().next().unwrap_or('?');
                return Err(IdError::new(
                    IdErrorKind::UnexpectedChar {
                        found,
                        expected: "a digit (the document number)",
                    },
                    0,
                ));
            }
            None => {
                return Err(IdError::new(
                    IdErrorKind::UnexpectedEnd {
                        expected: "`/` and the symbol",
                    },
                    number_len,
                ));
            }
            Some('/') => {}
            Some(found) => {
                return Err(IdError::new(
                    IdErrorKind::UnexpectedChar {
                        found,
                        expected: "a digit or `/`",
                    },
                    number_len,
                ));
            }
        }
        let number = digits_value(number_text);
        let overpadded = number_len > 2 && number_text.starts_with('0');
        if number == 0 || number_len > 9 || overpadded {
            return Err(IdError::new(
                IdErrorKind::OutOfRange {
                    part: "document number",
                    value: number_text.to_owned(),
                    range: "01 to 999999999, two digits below 10 and no other leading zero",
                },
                0,
            ));
        }
        let mut at = number_len.saturating_add(1);
        let mut year = None;
        let rest = input.get(at..).unwrap_or_default();
        let year_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        if year_len > 0 && rest.as_bytes().get(year_len) == Some(&b'/') {
            let year_text = rest.get(..year_len).unwrap_or_default();
            if year_len != 4 {
                return Err(IdError::new(
                    IdErrorKind::WrongWidth {
                        part: "year",
                        found: year_len,
                        expected: "4 digits",
                    },
                    at,
                ));
            }
            let value = digits_value(year_text);
            if value < 1945 {
                return Err(IdError::new(
                    IdErrorKind::OutOfRange {
                        part: "year",
                        value: year_text.to_owned(),
                        range: "1945 or later",
                    },
                    at,
                ));
            }
            year = i32::try_from(value).ok();
            at = at.saturating_add(5);
        }
        let symbol_start = at;
        let symbol = input.get(at..).unwrap_or_default();
        if symbol.is_empty() {
            return Err(IdError::new(
                IdErrorKind::UnexpectedEnd {
                    expected: "the symbol (ký hiệu)",
                },
                at,
            ));
        }
        // The symbol starts with an abbreviation: a letter, not a digit
        // (`12/2020` is a number and a year with no symbol).
        if let Some(c) = symbol.chars().next().filter(|c| c.is_ascii_digit()) {
            return Err(IdError::new(
                IdErrorKind::UnexpectedChar {
                    found: c,
                    expected: "a letter (the symbol starts with an abbreviation)",
                },
                at,
            ));
        }
        // One pass over the symbol: allowed characters, empty groups, and
        // whether NFC could change it (a combining mark, or a character
        // outside the Latin blocks, whose precomposed letters are all NFC).
        let mut previous = '-';
        let mut maybe_not_nfc = false;
        for (i, c) in symbol.char_indices() {
            if c == '-' {
                if previous == '-' {
                    return Err(IdError::new(
                        IdErrorKind::EmptyPart {
                            part: "symbol group",
                        },
                        at.saturating_add(i),
                    ));
                }
                previous = c;
                continue;
            }
            if c.is_ascii_alphanumeric() || is_latin_letter(c) {
                previous = c;
                continue;
            }
            maybe_not_nfc = true;
            if c.is_alphabetic() {
                previous = c;
                continue;
            }
            // Combining marks are allowed only on a letter (NFD text).
            if !(previous.is_alphabetic() && is_combining_mark(c)) {
                return Err(IdError::new(
                    IdErrorKind::UnexpectedChar {
                        found: c,
                        expected: "a letter, a digit or `-` in the symbol",
                    },
                    at.saturating_add(i),
                ));
            }
        }
        if previous == '-' {
            return Err(IdError::new(
                IdErrorKind::TrailingSeparator { found: '-' },
                input.len().saturating_sub(1),
            ));
        }

        // The first two groups of the symbol, as byte spans of the input.
        let end = input.len();
        let group_end = |from: usize| {
            input
                .get(from..)
                .and_then(|rest| rest.find('-'))
                .map_or(end, |i| from.saturating_add(i))
        };
        let first = (at, group_end(at));
        let second = (
            first.1.saturating_add(1),
            group_end(first.1.saturating_add(1)),
        );
        let groups = if first.1 == end {
            1
        } else if second.1 == end {
            2
        } else {
            3
        };
        let first_text = input.get(first.0..first.1).unwrap_or_default();
        let typed = if groups >= 2 {
            classify_abbreviation(first_text)
        } else {
            None
        };
        let (abbreviation, document_type, quirk, issuer, unit) = match typed {
            Some((ty, quirk)) => {
                let (issuer, unit) = if ty.is_joint() {
                    ((second.0, end), None)
                } else if groups > 2 {
                    (
                        (second.0, second.1),
                        Some((second.1.saturating_add(1), end)),
                    )
                } else {
                    ((second.0, second.1), None)
                };
                (Some(first), Some(ty), quirk, issuer, unit)
            }
            None => {
                let unit = (groups > 1).then(|| (first.1.saturating_add(1), end));
                let ty = if year.is_none() {
                    // A công văn carries no type abbreviation (ND30 App. III, note).
                    Some(DocumentType::OfficialLetter)
                } else if is_legislature(first_text) && groups == 1 {
                    Some(DocumentType::Law)
                } else {
                    None
                };
                (None, ty, AbbrQuirk::None, first, unit)
            }
        };
        Ok(Self {
            text: input.to_owned(),
            number,
            number_len,
            year,
            symbol_start,
            abbreviation,
            document_type,
            issuer,
            unit,
            quirk,
            nfd: maybe_not_nfc && !is_nfc(input),
        })
    }

    fn slice(&self, (a, b): (usize, usize)) -> &str {
        self.text.get(a..b).unwrap_or_default()
    }

    /// The text exactly as read.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The number: the ordinal of the document in its year.
    #[must_use]
    pub const fn number(&self) -> u32 {
        self.number
    }

    /// The number as written, e.g. `05`.
    #[must_use]
    pub fn number_text(&self) -> &str {
        self.slice((0, self.number_len))
    }

    /// The year, carried by legal normative documents (`30/2020/NĐ-CP`).
    #[must_use]
    pub const fn year(&self) -> Option<i32> {
        self.year
    }

    /// The symbol (*ký hiệu*), e.g. `QĐ-LĐTBXH` (as edXML `CodeNotation`).
    #[must_use]
    pub fn symbol(&self) -> &str {
        self.slice((self.symbol_start, self.text.len()))
    }

    /// The type abbreviation as written (`QĐ`; `QD` when read leniently);
    /// `None` for a công văn.
    #[must_use]
    pub fn type_abbreviation(&self) -> Option<&str> {
        self.abbreviation.map(|span| self.slice(span))
    }

    /// The document type: from the abbreviation (canonical even when the
    /// abbreviation was legacy or folded); [`DocumentType::OfficialLetter`]
    /// when there is no abbreviation and no year; [`DocumentType::Law`] for a
    /// legislature symbol such as `QH13`; otherwise `None`.
    ///
    /// A symbol alone cannot always tell: `CT` is both the abbreviation of
    /// Chỉ thị and of some issuers (Cục Thuế); this reads it as the type.
    #[must_use]
    pub fn document_type(&self) -> Option<DocumentType> {
        self.document_type.clone()
    }

    /// The issuer's abbreviation, e.g. `LĐTBXH`; for joint documents
    /// (`TTLT-BTC-BNV`) every issuer, joined by `-`.
    #[must_use]
    pub fn issuer(&self) -> &str {
        self.slice(self.issuer)
    }

    /// The drafting unit's or field's abbreviation, e.g. `VX` in `12/UBND-VX`.
    #[must_use]
    pub fn unit(&self) -> Option<&str> {
        self.unit.map(|span| self.slice(span))
    }

    /// True when the text is in the strict form.
    #[must_use]
    pub fn is_strict(&self) -> bool {
        self.findings().is_empty()
    }

    /// What deviates from the strict form, with rule ids
    /// `ID-DOCNUM-NOT-NFC`, `ID-DOCNUM-LEGACY-ABBR`, `ID-DOCNUM-ASCII-FOLDED`,
    /// `ID-DOCNUM-ABBR-CASE` and `ID-DOCNUM-NO-LEADING-ZERO`.
    #[must_use]
    pub fn findings(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.nfd {
            out.push(finding(
                &rules::DOCNUM_NOT_NFC,
                "the symbol is in decomposed (NFD) Unicode; identifiers are compared in NFC"
                    .to_owned(),
                "ký hiệu dùng Unicode tổ hợp (NFD); cần dùng Unicode dựng sẵn (NFC)".to_owned(),
                first_not_nfc(&self.text),
            ));
        }
        if self.number < 10 && self.number_len == 1 {
            out.push(finding(
                &rules::DOCNUM_NO_LEADING_ZERO,
                format!(
                    "number {} below 10 is written without its leading zero",
                    self.number
                ),
                format!("số {} nhỏ hơn 10 thiếu số 0 phía trước", self.number),
                0,
            ));
        }
        if self.quirk == AbbrQuirk::None {
            return out;
        }
        let written = self.type_abbreviation().unwrap_or_default();
        let at = self.abbreviation.map_or(0, |s| s.0);
        let official = self
            .document_type
            .as_ref()
            .and_then(DocumentType::abbreviation)
            .unwrap_or_default();
        let name = self
            .document_type
            .as_ref()
            .map_or("", DocumentType::name_vi);
        match self.quirk {
            AbbrQuirk::None => {}
            AbbrQuirk::Legacy => out.push(finding(
                &rules::DOCNUM_LEGACY_ABBR,
                format!("type abbreviation {written:?} dates from before 2020; {name} is now {official:?}"),
                format!("ký hiệu loại văn bản {written:?} theo quy định trước năm 2020; {name} nay viết tắt là {official:?}"),
                at,
            )),
            AbbrQuirk::Folded => out.push(finding(
                &rules::DOCNUM_ASCII_FOLDED,
                format!("type abbreviation {written:?} is written without Đ; the official form is {official:?}"),
                format!("ký hiệu loại văn bản {written:?} viết thiếu chữ Đ; đúng là {official:?}"),
                at,
            )),
            AbbrQuirk::Case => out.push(finding(
                &rules::DOCNUM_ABBR_CASE,
                format!("type abbreviation {written:?} is not in the official letter case {official:?}"),
                format!("ký hiệu loại văn bản {written:?} viết sai chữ hoa, chữ thường; đúng là {official:?}"),
                at,
            )),
        }
        out
    }
}

/// The type an abbreviation stands for, and how it deviates.
fn classify_abbreviation(text: &str) -> Option<(DocumentType, AbbrQuirk)> {
    if let Some(ty) = DocumentType::from_abbreviation(text) {
        return Some((ty, AbbrQuirk::None));
    }
    if let Some((_, ty)) = LEGACY.iter().find(|(a, _)| *a == text) {
        return Some((ty.clone(), AbbrQuirk::Legacy));
    }
    if let Some((_, ty)) = FOLDED.iter().find(|(a, _)| *a == text) {
        return Some((ty.clone(), AbbrQuirk::Folded));
    }
    DocumentType::from_abbreviation_ignoring_case(text).map(|ty| (ty, AbbrQuirk::Case))
}

/// A letter of Latin-1 Supplement, Latin Extended-A/B or Latin Extended
/// Additional (where the precomposed Vietnamese letters are): alphabetic, and
/// unchanged by NFC. A fast path before the Unicode tables.
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c != '×' && c != '÷'
}

/// Byte offset of the first character that NFC would change: the base letter
/// before the first combining mark.
fn first_not_nfc(text: &str) -> usize {
    let mut base = 0;
    for (at, c) in text.char_indices() {
        if is_combining_mark(c) {
            return base;
        }
        base = at;
    }
    0
}

/// `QH` and a legislature number, the symbol of a law (`86/2015/QH13`).
fn is_legislature(text: &str) -> bool {
    text.strip_prefix("QH")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn read_lenient(input: &str) -> Result<DocumentNumber, IdError> {
    DocumentNumber::read(input)
}

string_impls!(DocumentNumber, read_lenient);

#[cfg(test)]
mod tests {
    use super::is_latin_letter;
    use unicode_normalization::UnicodeNormalization;

    /// The fast path agrees with the Unicode tables it stands for.
    #[test]
    fn latin_letters_are_alphabetic_and_nfc() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if is_latin_letter(c) {
                assert!(c.is_alphabetic(), "{c:?}");
                let s = c.to_string();
                assert_eq!(s.nfc().collect::<String>(), s, "{c:?}");
            }
        }
    }
}
