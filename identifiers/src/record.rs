//! Record codes (*mã hồ sơ*): agency id . year . record number and symbol.

use crate::agency::{AgencyId2020, AnyAgencyId};
use crate::docid::{read_year, split_agency_year};
use crate::error::{IdError, IdErrorKind, check_common};
use crate::finding::Finding;
use crate::rules;
use crate::util::{check_separators, expect_digits, finding, groups, string_impls};

/// A record (file, *hồ sơ*) code, e.g. `000.00.18.H40.2011.01.TH`: record 01
/// of heading TH (Tổng hợp), formed in 2011, by the Nam Định provincial
/// office (Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 19 khoản 2).
///
/// Two forms are in force, told apart by the first character:
///
/// * **Decree 30/2020/NĐ-CP** (Appendix VI): a QCVN 102:2016 agency id
///   (`OrganId`, 13 characters) . `FileCatalog` (year, 4) . `FileNotation`
///   (at most 20 characters), where the notation is an Arabic ordinal and the
///   abbreviation of the major heading (Appendix V.I.3), e.g. `01.TH`.
/// * **Thông tư 05/2025/TT-BNV**: a Quyết định 20/2020/QĐ-TTg agency id
///   (written left to right, variable depth) . year . notation, the whole
///   `fileCode` at most 100 characters; the TT05 sample packages carry an
///   ordinal alone (`H49.64.33.2001.160`), and an ordinal with a heading is
///   accepted too.
///
/// In the Decision 20/2020 form the agency id has no fixed width, so the year
/// is found as the 4-digit group after a valid agency id prefix that leaves a
/// valid notation. At most one such group exists: an ordinal is all digits
/// and a heading abbreviation must contain a letter, so a later 4-digit group
/// can be neither the ordinal following an earlier year (the next group would
/// then have to be both an ordinal and a heading) nor a heading of it.
///
/// [`parse`](Self::parse) reads the two regulated forms;
/// [`parse_lenient`](Self::parse_lenient) also reads a Decree 30 form code
/// whose notation lacks the heading (`ID-RECORD-NO-HEADING`) or is longer
/// than 20 characters (`ID-RECORD-NOTATION-LONG`, still within TT05's 100).
/// `FromStr`, `TryFrom` and serde read leniently, so every value reads back
/// from its text.
///
/// ```
/// use vanthu_identifiers::RecordCode;
/// let code = RecordCode::parse("000.00.18.H40.2011.01.TH")?;
/// assert_eq!(code.agency().as_str(), "000.00.18.H40");
/// assert_eq!(code.year(), 2011);
/// assert_eq!(code.file_notation(), "01.TH");
/// assert_eq!(code.heading(), Some("TH"));
///
/// let tt05 = RecordCode::parse("H49.64.33.2001.160")?;
/// assert_eq!(tt05.agency().as_str(), "H49.64.33");
/// assert_eq!(tt05.agency().form_name(), "decision20_2020");
/// assert_eq!((tt05.year(), tt05.ordinal(), tt05.heading()), (2001, "160", None));
///
/// let (old, findings) = RecordCode::parse_lenient("000.00.18.H40.2011.01")?;
/// assert_eq!(findings[0].rule, "ID-RECORD-NO-HEADING");
/// assert!(RecordCode::parse(old.as_str()).is_err());
/// # Ok::<(), vanthu_identifiers::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordCode {
    text: String,
    agency: AnyAgencyId,
    year: i32,
    notation_start: usize,
}

impl RecordCode {
    /// Longest file notation of the Decree 30 form, in characters
    /// (Appendix VI, `FileNotation` String(20)).
    pub const MAX_NOTATION_CHARS: usize = 20;

    /// Longest record code, in characters (Thông tư 05/2025/TT-BNV, `fileCode`
    /// String(100)).
    pub const MAX_CHARS: usize = 100;

    /// Reads a record code in either regulated form (see the type's docs).
    ///
    /// # Errors
    /// An [`IdError`]: a bad agency id or year, no 4-digit year after a
    /// Decision 20/2020 agency id, a missing, empty, overlong or malformed
    /// file notation (an ordinal, then heading groups with a letter each; in
    /// the Decree 30 form the heading is required and the notation is at most
    /// 20 characters), or a code longer than 100 characters.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let value = Self::read(input)?;
        match value.strict_error() {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }

    /// Reads what [`parse`](Self::parse) reads, and also a Decree 30 form code
    /// whose notation is an ordinal alone or longer than 20 characters, with
    /// `ID-RECORD-NO-HEADING` and `ID-RECORD-NOTATION-LONG` findings.
    ///
    /// # Errors
    /// An [`IdError`] for anything else [`parse`](Self::parse) refuses.
    pub fn parse_lenient(input: &str) -> Result<(Self, Vec<Finding>), IdError> {
        let value = Self::read(input)?;
        let findings = value.findings();
        Ok((value, findings))
    }

    fn read(input: &str) -> Result<Self, IdError> {
        check_common(input)?;
        if let Some((at, _)) = input.char_indices().nth(Self::MAX_CHARS) {
            return Err(IdError::new(
                IdErrorKind::WrongWidth {
                    part: "record code",
                    found: input.chars().count(),
                    expected: "at most 100 (Thông tư 05/2025/TT-BNV fileCode)",
                },
                at,
            ));
        }
        if input.starts_with(|c: char| c.is_ascii_digit()) {
            let (agency, year, notation, at) = split_agency_year(input)?;
            read_notation(notation, at)?;
            return Ok(Self {
                text: input.to_owned(),
                agency: AnyAgencyId::Qcvn(agency),
                year,
                notation_start: at,
            });
        }
        Self::read_2020(input)
    }

    /// The Decision 20/2020 form: tries each 4-digit group after level 1 as
    /// the year, first to last; the type's docs say why at most one succeeds.
    fn read_2020(input: &str) -> Result<Self, IdError> {
        check_separators(input, '.', "group")?;
        let mut first_error = None;
        for (year_at, g) in groups(input, '.').skip(1) {
            if g.len() != 4 || !g.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let attempt = (|| {
                let agency_text = input.get(..year_at.saturating_sub(1)).unwrap_or_default();
                let agency = AgencyId2020::parse(agency_text)?;
                let year = read_year(g, year_at)?;
                let notation_start = year_at.saturating_add(5);
                let Some(notation) = input.get(notation_start..) else {
                    return Err(IdError::new(
                        IdErrorKind::UnexpectedEnd {
                            expected: "`.` and the file notation after the year",
                        },
                        input.len(),
                    ));
                };
                read_notation(notation, notation_start)?;
                Ok(Self {
                    text: input.to_owned(),
                    agency: AnyAgencyId::Decision2020(agency),
                    year,
                    notation_start,
                })
            })();
            match attempt {
                Ok(value) => return Ok(value),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        Err(first_error.unwrap_or_else(|| {
            // No year at all: say what is wrong with the agency id, if
            // anything, before saying the year is missing.
            match AgencyId2020::parse(input) {
                Err(e) => e,
                Ok(_) => IdError::new(
                    IdErrorKind::UnexpectedEnd {
                        expected: "`.` and a 4-digit year after the agency id",
                    },
                    input.len(),
                ),
            }
        }))
    }

    /// Why the strict reader refuses this value, if it does.
    fn strict_error(&self) -> Option<IdError> {
        if !matches!(self.agency, AnyAgencyId::Qcvn(_)) {
            return None;
        }
        let chars = self.file_notation().chars().count();
        if chars > Self::MAX_NOTATION_CHARS {
            return Some(IdError::new(
                IdErrorKind::WrongWidth {
                    part: "file notation",
                    found: chars,
                    expected: "at most 20",
                },
                self.notation_start,
            ));
        }
        if self.heading().is_none() {
            return Some(IdError::new(
                IdErrorKind::UnexpectedEnd {
                    expected: "`.` and the heading abbreviation (e.g. 01.TH)",
                },
                self.text.len(),
            ));
        }
        None
    }

    /// What deviates from the regulated forms: `ID-RECORD-NOTATION-LONG` and
    /// `ID-RECORD-NO-HEADING` for a Decree 30 form code; none otherwise.
    #[must_use]
    pub fn findings(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if !matches!(self.agency, AnyAgencyId::Qcvn(_)) {
            return out;
        }
        let notation = self.file_notation();
        let chars = notation.chars().count();
        if chars > Self::MAX_NOTATION_CHARS {
            out.push(finding(
                &rules::RECORD_NOTATION_LONG,
                format!(
                    "file notation {notation:?} has {chars} characters; Decree 30/2020 allows at most 20 (Circular 05/2025 allows a 100-character fileCode)"
                ),
                format!(
                    "số và ký hiệu hồ sơ {notation:?} dài {chars} ký tự; Nghị định 30/2020 cho phép tối đa 20"
                ),
                self.notation_start,
            ));
        }
        if self.heading().is_none() {
            out.push(finding(
                &rules::RECORD_NO_HEADING,
                format!(
                    "file notation {notation:?} is an ordinal without the heading abbreviation (e.g. 01.TH)"
                ),
                format!(
                    "số và ký hiệu hồ sơ {notation:?} thiếu ký hiệu đề mục (ví dụ 01.TH)"
                ),
                self.text.len(),
            ));
        }
        out
    }

    /// True when [`parse`](Self::parse) accepts the text.
    #[must_use]
    pub fn is_strict(&self) -> bool {
        self.strict_error().is_none()
    }

    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The agency that built the records list (*Danh mục hồ sơ*): a QCVN
    /// 102:2016 id ([`AnyAgencyId::Qcvn`]) or a Decision 20/2020 one
    /// ([`AnyAgencyId::Decision2020`]), never an irregular one.
    #[must_use]
    pub const fn agency(&self) -> &AnyAgencyId {
        &self.agency
    }

    /// The year the record was formed (`FileCatalog`).
    #[must_use]
    pub const fn year(&self) -> i32 {
        self.year
    }

    /// The record number and symbol (`FileNotation`), e.g. `01.TH` or `160`.
    #[must_use]
    pub fn file_notation(&self) -> &str {
        self.text.get(self.notation_start..).unwrap_or_default()
    }

    /// The ordinal of the record, as written, e.g. `01`.
    #[must_use]
    pub fn ordinal(&self) -> &str {
        let notation = self.file_notation();
        notation.split_once('.').map_or(notation, |(o, _)| o)
    }

    /// The heading abbreviation after the ordinal, e.g. `TH`; `None` when the
    /// notation is an ordinal alone.
    #[must_use]
    pub fn heading(&self) -> Option<&str> {
        self.file_notation().split_once('.').map(|(_, h)| h)
    }
}

/// Checks a file notation at byte `at`: an ordinal (digits), then any number
/// of heading groups, each of letters, digits and `-` with at least one
/// letter (an abbreviation of a heading name, Appendix V.I.3). The letter
/// rule is what keeps Decision 20/2020 form codes unambiguous.
fn read_notation(notation: &str, at: usize) -> Result<(), IdError> {
    if notation.is_empty() {
        return Err(IdError::new(
            IdErrorKind::EmptyPart {
                part: "file notation",
            },
            at,
        ));
    }
    check_separators(notation, '.', "file notation group").map_err(|e| e.shifted(at))?;
    let mut groups = groups(notation, '.');
    if let Some((i, ordinal)) = groups.next() {
        expect_digits(ordinal, at.saturating_add(i))?;
    }
    for (i, g) in groups {
        let base = at.saturating_add(i);
        for (j, c) in g.char_indices() {
            if !(c.is_alphanumeric() || c == '-') {
                return Err(IdError::new(
                    IdErrorKind::UnexpectedChar {
                        found: c,
                        expected: "a letter or digit in the heading abbreviation",
                    },
                    base.saturating_add(j),
                ));
            }
        }
        if !g.chars().any(char::is_alphabetic) {
            return Err(IdError::new(
                IdErrorKind::UnexpectedChar {
                    found: g.chars().next().unwrap_or('.'),
                    expected: "a heading abbreviation with a letter (a group of digits and `-` is not a heading)",
                },
                base,
            ));
        }
    }
    Ok(())
}

fn read_any(input: &str) -> Result<RecordCode, IdError> {
    RecordCode::read(input)
}

string_impls!(RecordCode, read_any);
