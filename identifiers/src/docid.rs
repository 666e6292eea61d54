//! Document identifiers: the edXML `DocumentId`
//! (`000.00.00.G22,2015/09/30,7816/VPCP-TTĐT`) and the registry identifier of
//! Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 10 khoản 2 điểm b (agency id, year, ordinal in
//! the year).

use chrono::{Datelike, NaiveDate};

use crate::agency::{AgencyId, AnyAgencyId};
use crate::docnum::DocumentNumber;
use crate::error::{IdError, IdErrorKind, check_common};
use crate::finding::Finding;
use crate::rules;
use crate::util::{digits_value, expect_digits, finding, shift_findings, string_impls};

/// How the date of a `DocumentId` was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum DateOrder {
    /// `yyyy/MM/dd`, the edXML form.
    YearFirst,
    /// `dd/MM/yyyy`, the Bkav writer's form.
    DayFirst,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[allow(
    clippy::large_enum_variant,
    reason = "the UUID form is rare; boxing the common form costs an allocation per read"
)]
enum Form {
    Edxml {
        agency: AnyAgencyId,
        date_span: (usize, usize),
        date: Option<NaiveDate>,
        order: DateOrder,
        number_start: usize,
        number: Result<DocumentNumber, IdError>,
    },
    Uuid,
}

/// The edXML document identifier (`MessageHeader/DocumentId`).
///
/// The form written by VPCP and VNPT: `<OrganId>,<yyyy/MM/dd>,<number/symbol>`,
/// e.g. `000.00.00.G22,2015/09/30,7816/VPCP-TTĐT`. Nobody validates it in
/// practice: real samples carry an impossible date (`2014/02/30`), irregular
/// agency ids and UUIDs. [`parse_lenient`](Self::parse_lenient) reads all of
/// these, keeps the raw text and reports each deviation; an impossible date is
/// kept as text ([`raw_date`](Self::raw_date)) and [`date`](Self::date) is
/// `None`: no date is ever invented. `FromStr`, `TryFrom` and serde read
/// leniently.
///
/// ```
/// use vanthu_identifiers::DocumentId;
/// let (id, findings) = DocumentId::parse_lenient("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT")?;
/// assert_eq!(id.raw_date(), Some("2014/02/30"));
/// assert_eq!(id.date(), None);
/// assert_eq!(findings[0].rule, "ID-DOCID-IMPOSSIBLE-DATE");
/// assert!(DocumentId::parse("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT").is_err());
/// # Ok::<(), vanthu_identifiers::IdError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DocumentId {
    text: String,
    form: Form,
}

impl DocumentId {
    /// Writes the strict edXML form from its parts.
    #[must_use]
    pub fn new(agency: &AgencyId, date: NaiveDate, number: &DocumentNumber) -> Self {
        let date_text = format!("{:04}/{:02}/{:02}", date.year(), date.month(), date.day());
        let text = format!("{agency},{date_text},{number}");
        let date_start = agency.as_str().len().saturating_add(1);
        let number_start = date_start.saturating_add(date_text.len()).saturating_add(1);
        Self {
            text,
            form: Form::Edxml {
                agency: AnyAgencyId::Qcvn(*agency),
                date_span: (date_start, date_start.saturating_add(date_text.len())),
                date: Some(date),
                order: DateOrder::YearFirst,
                number_start,
                number: Ok(number.clone()),
            },
        }
    }

    /// Reads the strict form: an official agency id, a real `yyyy/MM/dd`
    /// date and a strict number and symbol.
    ///
    /// # Errors
    /// The first [`IdError`] of any part (offsets count in the whole input),
    /// or an error naming the deviation a lenient reader would report.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let value = Self::read(input)?;
        match &value.form {
            Form::Uuid => Err(IdError::new(
                IdErrorKind::LenientOnly {
                    what: "a UUID document id",
                },
                0,
            )),
            Form::Edxml {
                agency,
                date_span,
                date,
                order,
                number_start,
                number,
            } => {
                if !agency.is_strict() {
                    AnyAgencyId::parse(agency.as_str())?;
                }
                let raw_date = value.text.get(date_span.0..date_span.1).unwrap_or_default();
                if date.is_none() {
                    return Err(IdError::new(
                        IdErrorKind::BadDate {
                            value: raw_date.to_owned(),
                            problem: "does not exist in the calendar",
                        },
                        date_span.0,
                    ));
                }
                if *order == DateOrder::DayFirst {
                    return Err(IdError::new(
                        IdErrorKind::BadDate {
                            value: raw_date.to_owned(),
                            problem: "is written dd/MM/yyyy; edXML dates are yyyy/MM/dd",
                        },
                        date_span.0,
                    ));
                }
                let number = number.as_ref().map_err(Clone::clone)?;
                if let Some(e) = number.strict_error() {
                    return Err(e.shifted(*number_start));
                }
                Ok(value)
            }
        }
    }

    /// Reads every form seen in real packages and reports each deviation:
    /// `ID-DOCID-IMPOSSIBLE-DATE`, `ID-DOCID-DATE-ORDER`, `ID-DOCID-UUID`,
    /// `ID-DOCID-NUMBER-UNREADABLE`, and the agency id's and number's own
    /// findings.
    ///
    /// # Errors
    /// An [`IdError`] when the input has not the comma-separated shape, the
    /// agency id is unreadable even leniently, or the date is not date-shaped.
    pub fn parse_lenient(input: &str) -> Result<(Self, Vec<Finding>), IdError> {
        let value = Self::read(input)?;
        let findings = value.findings();
        Ok((value, findings))
    }

    fn read(input: &str) -> Result<Self, IdError> {
        check_common(input)?;
        if is_uuid(input) {
            return Ok(Self {
                text: input.to_owned(),
                form: Form::Uuid,
            });
        }
        // Split on the first two commas.
        let comma = |from: usize| {
            input
                .as_bytes()
                .get(from..)
                .and_then(|rest| rest.iter().position(|b| *b == b','))
                .map(|i| from.saturating_add(i))
        };
        let Some(first_comma) = comma(0) else {
            return Err(IdError::new(
                IdErrorKind::UnexpectedEnd {
                    expected: "`,` and the date (OrganId,yyyy/MM/dd,number/symbol) or a UUID",
                },
                input.len(),
            ));
        };
        let date_start = first_comma.saturating_add(1);
        let Some(second_comma) = comma(date_start) else {
            return Err(IdError::new(
                IdErrorKind::UnexpectedEnd {
                    expected: "`,` and the number and symbol",
                },
                input.len(),
            ));
        };
        let number_start = second_comma.saturating_add(1);
        let agency_text = input.get(..first_comma).unwrap_or_default();
        let date_text = input.get(date_start..second_comma).unwrap_or_default();
        let number_text = input.get(number_start..).unwrap_or_default();
        if agency_text.is_empty() {
            return Err(IdError::new(
                IdErrorKind::EmptyPart { part: "agency id" },
                0,
            ));
        }
        let agency = AnyAgencyId::read(agency_text)?;
        let (date, order) = read_date(date_text).map_err(|e| e.shifted(date_start))?;
        if number_text.is_empty() {
            return Err(IdError::new(
                IdErrorKind::EmptyPart {
                    part: "number and symbol",
                },
                number_start,
            ));
        }
        let number = DocumentNumber::read_checked(number_text).map_err(|e| e.shifted(number_start));
        Ok(Self {
            text: input.to_owned(),
            form: Form::Edxml {
                agency,
                date_span: (date_start, date_start.saturating_add(date_text.len())),
                date,
                order,
                number_start,
                number,
            },
        })
    }

    /// The text exactly as read.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// True for the opaque UUID form.
    #[must_use]
    pub fn is_uuid(&self) -> bool {
        matches!(self.form, Form::Uuid)
    }

    /// The sending agency; `None` for a UUID.
    #[must_use]
    pub fn agency(&self) -> Option<&AnyAgencyId> {
        match &self.form {
            Form::Edxml { agency, .. } => Some(agency),
            Form::Uuid => None,
        }
    }

    /// The date as written, e.g. `2014/02/30`; `None` for a UUID.
    #[must_use]
    pub fn raw_date(&self) -> Option<&str> {
        match &self.form {
            Form::Edxml { date_span, .. } => self.text.get(date_span.0..date_span.1),
            Form::Uuid => None,
        }
    }

    /// The date, when it exists in the calendar; never invented.
    #[must_use]
    pub fn date(&self) -> Option<NaiveDate> {
        match &self.form {
            Form::Edxml { date, .. } => *date,
            Form::Uuid => None,
        }
    }

    /// The number and symbol, when readable.
    #[must_use]
    pub fn number(&self) -> Option<&DocumentNumber> {
        match &self.form {
            Form::Edxml { number, .. } => number.as_ref().ok(),
            Form::Uuid => None,
        }
    }

    /// The number and symbol as written, readable or not; `None` for a UUID.
    #[must_use]
    pub fn raw_number(&self) -> Option<&str> {
        match &self.form {
            Form::Edxml { number_start, .. } => self.text.get(*number_start..),
            Form::Uuid => None,
        }
    }

    /// True when the text is in the strict form.
    #[must_use]
    pub fn is_strict(&self) -> bool {
        Self::parse(&self.text).is_ok()
    }

    /// What deviates from the strict form (see
    /// [`parse_lenient`](Self::parse_lenient) for the rule ids).
    #[must_use]
    pub fn findings(&self) -> Vec<Finding> {
        let Form::Edxml {
            agency,
            date_span,
            date,
            order,
            number_start,
            number,
        } = &self.form
        else {
            return vec![finding(
                &rules::DOCID_UUID,
                format!(
                    "document id {:?} is a UUID, not OrganId,yyyy/MM/dd,number/symbol; it is kept as an opaque value",
                    self.text
                ),
                format!(
                    "mã văn bản {:?} là UUID, không theo cấu trúc mã định danh,yyyy/MM/dd,số/ký hiệu",
                    self.text
                ),
                0,
            )];
        };
        let mut out = agency.findings();
        let raw_date = self.raw_date().unwrap_or_default();
        if date.is_none() {
            out.push(finding(
                &rules::DOCID_IMPOSSIBLE_DATE,
                format!("date {raw_date:?} does not exist in the calendar; it is kept as text and no date is assumed"),
                format!("ngày {raw_date:?} không có thật; giữ nguyên văn bản, không suy ra ngày"),
                date_span.0,
            ));
        }
        if *order == DateOrder::DayFirst {
            out.push(finding(
                &rules::DOCID_DATE_ORDER,
                format!("date {raw_date:?} is written dd/MM/yyyy; edXML dates are yyyy/MM/dd"),
                format!("ngày {raw_date:?} viết theo dd/MM/yyyy; edXML dùng yyyy/MM/dd"),
                date_span.0,
            ));
        }
        match number {
            Ok(n) => out.extend(shift_findings(n.findings(), *number_start)),
            Err(e) => out.push(finding(
                &rules::DOCID_NUMBER_UNREADABLE,
                format!(
                    "number and symbol {:?} is not readable ({e}); it is kept as text",
                    self.raw_number().unwrap_or_default()
                ),
                format!(
                    "số và ký hiệu {:?} không đọc được; giữ nguyên văn bản",
                    self.raw_number().unwrap_or_default()
                ),
                e.offset(),
            )),
        }
        out
    }
}

/// Reads `yyyy/MM/dd` or `dd/MM/yyyy`; the calendar date when it exists.
fn read_date(text: &str) -> Result<(Option<NaiveDate>, DateOrder), IdError> {
    // Fast path: `yyyy/MM/dd`, byte by byte.
    if let Ok(b) = <[u8; 10]>::try_from(text.as_bytes()) {
        let shape = b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'/',
            _ => c.is_ascii_digit(),
        });
        if shape {
            let n = |r: std::ops::Range<usize>| digits_value(text.get(r).unwrap_or_default());
            let date = i32::try_from(n(0..4))
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, n(5..7), n(8..10)));
            return Ok((date, DateOrder::YearFirst));
        }
    }
    if text.is_empty() {
        return Err(IdError::new(IdErrorKind::EmptyPart { part: "date" }, 0));
    }
    for (at, c) in text.char_indices() {
        if !(c.is_ascii_digit() || c == '/') {
            return Err(IdError::new(
                IdErrorKind::UnexpectedChar {
                    found: c,
                    expected: "a digit or `/` in the date",
                },
                at,
            ));
        }
    }
    let mut parts = text.split('/');
    let (a, b, c) = (parts.next(), parts.next(), parts.next());
    let (y, m, d, order) = match (a, b, c, parts.next()) {
        (Some(y), Some(m), Some(d), None) if (y.len(), m.len(), d.len()) == (4, 2, 2) => {
            (y, m, d, DateOrder::YearFirst)
        }
        (Some(d), Some(m), Some(y), None) if (d.len(), m.len(), y.len()) == (2, 2, 4) => {
            (y, m, d, DateOrder::DayFirst)
        }
        _ => {
            return Err(IdError::new(
                IdErrorKind::BadDate {
                    value: text.to_owned(),
                    problem: "is not a date in the form yyyy/MM/dd",
                },
                0,
            ));
        }
    };
    let date = i32::try_from(digits_value(y))
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, digits_value(m), digits_value(d)));
    Ok((date, order))
}

/// A UUID in its hyphenated 8-4-4-4-12 hexadecimal form (RFC 9562 §4), the
/// only form seen in `DocumentId`: the length rules out the simple, braced
/// and URN forms that [`uuid::Uuid::try_parse`] also accepts.
pub(crate) fn is_uuid(text: &str) -> bool {
    text.len() == 36 && uuid::Uuid::try_parse(text).is_ok()
}

fn read_any(input: &str) -> Result<DocumentId, IdError> {
    DocumentId::read(input)
}

string_impls!(DocumentId, read_any);

/// The document identifier of Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019)
/// Điều 10 khoản 2 điểm b: the agency id, the year
/// of issue and the ordinal of the document in that year, e.g.
/// `000.00.15.H47.2019.125`.
///
/// That text names the parts but not the separator; the dot is inferred from
/// the record code of Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 19 khoản 2, whose
/// parts are "separated by dots".
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RegistryDocumentId {
    text: String,
    agency: AgencyId,
    year: i32,
    ordinal: u32,
}

impl RegistryDocumentId {
    /// Reads `<agency id>.<yyyy>.<ordinal>`.
    ///
    /// # Errors
    /// An [`IdError`]: a bad agency id, year or ordinal, or missing parts.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        check_common(input)?;
        let (agency, year, rest, rest_at) = split_agency_year(input)?;
        if rest.is_empty() {
            return Err(IdError::new(
                IdErrorKind::EmptyPart { part: "ordinal" },
                rest_at,
            ));
        }
        expect_digits(rest, rest_at)?;
        let ordinal = digits_value(rest);
        if ordinal == 0 || rest.len() > 9 {
            return Err(IdError::new(
                IdErrorKind::OutOfRange {
                    part: "ordinal",
                    value: rest.to_owned(),
                    range: "1 to 999999999",
                },
                rest_at,
            ));
        }
        Ok(Self {
            text: input.to_owned(),
            agency,
            year,
            ordinal,
        })
    }

    /// The text as read.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The issuing agency.
    #[must_use]
    pub const fn agency(&self) -> &AgencyId {
        &self.agency
    }

    /// The year of issue.
    #[must_use]
    pub const fn year(&self) -> i32 {
        self.year
    }

    /// The ordinal of the document in its year.
    #[must_use]
    pub const fn ordinal(&self) -> u32 {
        self.ordinal
    }
}

string_impls!(RegistryDocumentId, RegistryDocumentId::parse);

/// Splits `<QCVN agency id>.<yyyy>.<rest>`: the agency, the year, the rest and
/// its offset. Shared with the record code.
pub(crate) fn split_agency_year(input: &str) -> Result<(AgencyId, i32, &str, usize), IdError> {
    // The agency id is the first four dot-separated groups.
    let mut dots = input.match_indices('.').map(|(i, _)| i);
    let agency_end = dots.nth(3).ok_or_else(|| {
        IdError::new(
            IdErrorKind::WrongGroupCount {
                found: input.split('.').count(),
                expected: "at least 6 (agency id . year . …)",
            },
            0,
        )
    })?;
    let agency = AgencyId::parse(input.get(..agency_end).unwrap_or_default())?;
    let year_at = agency_end.saturating_add(1);
    let after = input.get(year_at..).unwrap_or_default();
    let Some((year_text, rest)) = after.split_once('.') else {
        return Err(IdError::new(
            IdErrorKind::UnexpectedEnd {
                expected: "`.` after the year",
            },
            input.len(),
        ));
    };
    let year = read_year(year_text, year_at)?;
    let rest_at = year_at.saturating_add(5);
    Ok((agency, year, rest, rest_at))
}

/// Reads the 4-digit year group (`FileCatalog`, Decree 30/2020/NĐ-CP
/// Appendix VI: Number(4)) at byte `at`; years before 1945, the founding of
/// the state whose records these are, are refused.
pub(crate) fn read_year(text: &str, at: usize) -> Result<i32, IdError> {
    expect_digits(text, at)?;
    if text.len() != 4 {
        return Err(IdError::new(
            IdErrorKind::WrongWidth {
                part: "year",
                found: text.len(),
                expected: "4 digits",
            },
            at,
        ));
    }
    let year = digits_value(text);
    if year < 1945 {
        return Err(IdError::new(
            IdErrorKind::OutOfRange {
                part: "year",
                value: text.to_owned(),
                range: "1945 or later",
            },
            at,
        ));
    }
    Ok(i32::try_from(year).unwrap_or(i32::MAX))
}
