//! Dates and timestamps of edXML packages.
//!
//! The canonical forms are `yyyy/MM/dd` and `yyyy/MM/dd HH:mm:ss` (VNPT
//! `DateUtils`, `docs/edxml.md` §6). Bkav and the 2014 dialect write
//! `dd/MM/yyyy[ HH:mm:ss]`; some integrators write ISO 8601. Values carry no
//! zone: they are Vietnam time, UTC+07:00 (Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018)
//! Phụ lục 2 mục III.2: server clocks on GMT+7).

use chrono::{DateTime, Datelike as _, FixedOffset, NaiveDate, NaiveDateTime, TimeZone as _};

use crate::rules::{self, Rule};

/// Whether a value is a date or a date-time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateKind {
    Date,
    DateTime,
}

const DATE_FORMS: &[&str] = &["%Y/%m/%d", "%d/%m/%Y", "%Y-%m-%d"];
const DATETIME_FORMS: &[&str] = &[
    "%Y/%m/%d %H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
];

/// Whether `date` is a date of the calendar: years 1 to 9999. The parser
/// reads `0000/01/01` as year 0, which no calendar date has (the year
/// before 1 is 1 BC); month 13 or 30 February never parse at all.
fn is_calendar_date(date: NaiveDate) -> bool {
    (1..=9999).contains(&date.year())
}

fn parse_naive_date(t: &str, form: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(t, form)
        .ok()
        .filter(|d| is_calendar_date(*d))
}

fn parse_naive_datetime(t: &str, form: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(t, form)
        .ok()
        .filter(|d| is_calendar_date(d.date()))
}

/// Normalises a date or timestamp to the canonical form. Returns the value to
/// keep and the rule it deviated from, if any. Empty values stay empty.
pub(crate) fn normalize_date(text: &str, kind: DateKind) -> (String, Option<&'static Rule>) {
    let t = text.trim();
    if t.is_empty() {
        return (text.to_owned(), None);
    }
    match kind {
        DateKind::Date => {
            for (i, form) in DATE_FORMS.iter().enumerate() {
                if let Some(d) = parse_naive_date(t, form) {
                    let canonical = d.format("%Y/%m/%d").to_string();
                    let deviates = i != 0 || canonical != text;
                    return (canonical, deviates.then_some(&rules::DATE_ORDER));
                }
            }
            // A date-time where a date is expected: keep the date part.
            if let Some(dt) = parse_datetime(t) {
                return (dt.format("%Y/%m/%d").to_string(), Some(&rules::DATE_ORDER));
            }
        }
        DateKind::DateTime => {
            for (i, form) in DATETIME_FORMS.iter().enumerate() {
                if let Some(d) = parse_naive_datetime(t, form) {
                    let canonical = d.format("%Y/%m/%d %H:%M:%S").to_string();
                    let deviates = i != 0 || canonical != text;
                    return (canonical, deviates.then_some(&rules::DATE_ORDER));
                }
            }
            for form in DATE_FORMS {
                if let Some(d) = parse_naive_date(t, form) {
                    let canonical = format!("{} 00:00:00", d.format("%Y/%m/%d"));
                    return (canonical, Some(&rules::DATE_ORDER));
                }
            }
        }
    }
    (text.to_owned(), Some(&rules::DATE_INVALID))
}

fn parse_datetime(t: &str) -> Option<NaiveDateTime> {
    DATETIME_FORMS
        .iter()
        .find_map(|f| parse_naive_datetime(t, f))
}

/// Vietnam time, UTC+07:00, no daylight saving: [`vanthu_identifiers::VIETNAM`].
#[must_use]
pub fn vietnam_offset() -> FixedOffset {
    vanthu_identifiers::VIETNAM
}

/// Parses a canonical (or accepted) date `yyyy/MM/dd`.
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    DATE_FORMS.iter().find_map(|f| parse_naive_date(t, f))
}

/// Parses a timestamp as Vietnam time (UTC+07:00).
#[must_use]
pub fn parse_timestamp(text: &str) -> Option<DateTime<FixedOffset>> {
    let naive = parse_datetime(text.trim())?;
    vietnam_offset().from_local_datetime(&naive).single()
}

/// Formats a time as a canonical edXML timestamp in Vietnam time.
#[must_use]
pub fn format_timestamp<Tz: chrono::TimeZone>(at: &DateTime<Tz>) -> String {
    at.with_timezone(&vietnam_offset())
        .format("%Y/%m/%d %H:%M:%S")
        .to_string()
}

/// Formats a date in the canonical `yyyy/MM/dd` form.
#[must_use]
pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y/%m/%d").to_string()
}
