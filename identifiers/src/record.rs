//! Record codes (*mã hồ sơ*): agency id . year . record number and symbol.

use crate::agency::AgencyId;
use crate::docid::split_agency_year;
use crate::error::{IdError, IdErrorKind, check_common};
use crate::util::{check_separators, expect_digits, string_impls};

/// A record (file, *hồ sơ*) code, e.g. `000.00.18.H40.2011.01.TH`: record 01
/// of heading TH (Tổng hợp), formed in 2011, by the Nam Định provincial
/// office (seed 003 Art. 19.2).
///
/// Decree 30/2020/NĐ-CP Appendix VI: `OrganId` (13) . `FileCatalog` (year,
/// 4) . `FileNotation` (at most 20); Appendix V: the notation is an Arabic
/// ordinal and the abbreviation of the heading.
///
/// ```
/// use vanthu_identifiers::RecordCode;
/// let code = RecordCode::parse("000.00.18.H40.2011.01.TH")?;
/// assert_eq!(code.agency().as_str(), "000.00.18.H40");
/// assert_eq!(code.year(), 2011);
/// assert_eq!(code.file_notation(), "01.TH");
/// # Ok::<(), vanthu_identifiers::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordCode {
    text: String,
    agency: AgencyId,
    year: u16,
    notation_start: usize,
}

impl RecordCode {
    /// Longest file notation, in characters (Appendix VI, `FileNotation`).
    pub const MAX_NOTATION_CHARS: usize = 20;

    /// Reads a record code.
    ///
    /// # Errors
    /// An [`IdError`]: a bad agency id or year, a missing, empty, overlong or
    /// malformed file notation (it must be an ordinal, a dot and a heading
    /// abbreviation).
    pub fn parse(input: &str) -> Result<Self, IdError> {
        check_common(input)?;
        let (agency, year, notation, at) = split_agency_year(input)?;
        if notation.is_empty() {
            return Err(IdError::new(
                IdErrorKind::EmptyPart {
                    part: "file notation",
                },
                at,
            ));
        }
        check_separators(notation, '.', "file notation group").map_err(|e| e.shifted(at))?;
        let chars = notation.chars().count();
        if chars > Self::MAX_NOTATION_CHARS {
            return Err(IdError::new(
                IdErrorKind::WrongWidth {
                    part: "file notation",
                    found: chars,
                    expected: "at most 20",
                },
                at,
            ));
        }
        let mut groups = crate::util::groups(notation, '.');
        if let Some((i, ordinal)) = groups.next() {
            expect_digits(ordinal, at.saturating_add(i))?;
        }
        let mut headings = 0usize;
        for (i, g) in groups {
            headings = headings.saturating_add(1);
            for (j, c) in g.char_indices() {
                if !(c.is_alphanumeric() || c == '-') {
                    return Err(IdError::new(
                        IdErrorKind::UnexpectedChar {
                            found: c,
                            expected: "a letter or digit in the heading abbreviation",
                        },
                        at.saturating_add(i).saturating_add(j),
                    ));
                }
            }
        }
        if headings == 0 {
            return Err(IdError::new(
                IdErrorKind::UnexpectedEnd {
                    expected: "`.` and the heading abbreviation (e.g. 01.TH)",
                },
                input.len(),
            ));
        }
        Ok(Self {
            text: input.to_owned(),
            agency,
            year,
            notation_start: at,
        })
    }

    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The agency that built the records list (*Danh mục hồ sơ*).
    #[must_use]
    pub const fn agency(&self) -> &AgencyId {
        &self.agency
    }

    /// The year the record was formed (`FileCatalog`).
    #[must_use]
    pub const fn year(&self) -> u16 {
        self.year
    }

    /// The record number and symbol (`FileNotation`), e.g. `01.TH`.
    #[must_use]
    pub fn file_notation(&self) -> &str {
        self.text.get(self.notation_start..).unwrap_or_default()
    }
}

string_impls!(RecordCode, RecordCode::parse);
