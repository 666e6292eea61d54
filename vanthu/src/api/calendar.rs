//! The Vietnamese working calendar: [`lunar`], [`lunar_to_solar`],
//! [`calendar`] and [`due`], returning what `vanthu lunar|calendar|due
//! --json` print.

use std::ops::RangeInclusive;

use chrono::{Datelike as _, NaiveDate};
use serde::{Deserialize, Serialize};
use vanthu_workflow::calendar::{
    CalendarError, DayOffKind, DeadlineRules, LunarDate, NextDayBound, SameDayBound,
    WorkingCalendar, vietnam_time,
};

use super::error::{ApiError, ApiErrorKind};

/// The years the calendar knows.
const YEARS: RangeInclusive<i32> = 1900..=2100;

/// A solar date and the same day in the lunar calendar: what [`lunar`] and
/// [`lunar_to_solar`] return (`vanthu lunar --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LunarConversion {
    /// The solar date, `YYYY-MM-DD`.
    pub solar: String,
    /// The same day in the Vietnamese lunar calendar.
    pub lunar: LunarParts,
}

/// A lunar date's parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LunarParts {
    /// Day of the lunar month, 1–30.
    pub day: u8,
    /// Lunar month, 1–12.
    pub month: u8,
    /// Lunar year.
    pub year: i32,
    /// The month is a leap month (tháng nhuận).
    pub leap: bool,
    /// The year's name in the sexagenary cycle (`Ất Tỵ`).
    pub can_chi: String,
}

/// One year of the working calendar: what [`calendar`] returns (`vanthu
/// calendar --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CalendarYear {
    /// The year.
    pub year: i32,
    /// Some days off are estimated (not yet decided by the government).
    pub estimated: bool,
    /// Where the days off come from.
    pub source: String,
    /// The days off, in date order.
    pub holidays: Vec<DayOff>,
    /// Weekend days that are working days (swapped), `YYYY-MM-DD`.
    pub swapped_working_days: Vec<String>,
    /// How many working days the year has.
    pub working_days: u32,
}

/// One day off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DayOff {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Its name in Vietnamese.
    pub name: String,
    /// Its name in English.
    pub name_en: String,
    /// `holiday`, `compensatory`, `swapped` or `other`.
    pub kind: String,
    /// Not yet decided by the government.
    pub estimated: bool,
}

/// The deadline rules [`due`] can compute instead of a number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DueRule {
    /// Issue on the signing day, at the latest the next working day.
    Issue,
    /// Acknowledge receipt the same working day.
    Acknowledge,
    /// Chase a document not received after 3–4 working days.
    NotReceived,
}

/// Where "the next working day" of the issue rule ends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NextDay {
    /// The end of its morning (Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 5 khoản 2).
    Morning,
    /// The end of its working hours (Nghị định 30/2020/NĐ-CP Điều 18 khoản 1).
    #[default]
    Day,
}

/// Where "the same day" of the acknowledge rule ends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SameDay {
    /// Midnight ("trong ngày").
    #[default]
    Midnight,
    /// The end of office hours.
    OfficeHours,
}

/// The deadline rules of an agency's policy.
pub(super) fn deadline_rules(next_day: NextDay, same_day: SameDay) -> DeadlineRules {
    DeadlineRules::default()
        .next_day_bound(match next_day {
            NextDay::Morning => NextDayBound::EndOfMorning,
            NextDay::Day => NextDayBound::EndOfDay,
        })
        .same_day_bound(match same_day {
            SameDay::Midnight => SameDayBound::EndOfCalendarDay,
            SameDay::OfficeHours => SameDayBound::EndOfWorkingHours,
        })
}

/// The optional arguments of [`due`]: `working_days` or `rule` is required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct DueArgs {
    /// The deadline after N working days (end of working hours of the N-th).
    pub working_days: Option<u32>,
    /// A deadline rule instead of a number of days.
    pub rule: Option<DueRule>,
    /// The document is urgent (issue and acknowledge rules: within 2 hours).
    pub urgent: bool,
    /// Where "the next working day" of the issue rule ends.
    pub next_day: NextDay,
    /// Where "the same day" of the acknowledge rule ends.
    pub same_day: SameDay,
}

/// A deadline: what [`due`] returns (`vanthu due --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Due {
    /// The start, RFC 3339 in Vietnam time.
    pub from: String,
    /// `N working days`, `issue`, `acknowledge` or `not-received`.
    pub rule: String,
    /// The document is urgent.
    pub urgent: bool,
    /// The deadline, RFC 3339 in Vietnam time.
    pub due: String,
    /// Only for the not-received rule: from when to chase the sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chase_from: Option<String>,
}

fn calendar_error(e: &CalendarError) -> ApiError {
    ApiError::invalid(e.to_string()).with_message_vi(format!(
        "{}: ngoài phạm vi lịch (năm 1900–2100)",
        ApiErrorKind::InvalidArgument.message_vi()
    ))
}

fn lunar_parts(solar: NaiveDate, lunar: &LunarDate) -> LunarConversion {
    LunarConversion {
        solar: solar.format("%Y-%m-%d").to_string(),
        lunar: LunarParts {
            day: lunar.day(),
            month: lunar.month(),
            year: lunar.year(),
            leap: lunar.is_leap(),
            can_chi: lunar.can_chi_year(),
        },
    }
}

/// The lunar date of a solar `date`, `YYYY-MM-DD` or `D/M/YYYY`.
///
/// ```
/// let tet = vanthu::api::lunar("2025-01-29")?;
/// assert_eq!((tet.lunar.day, tet.lunar.month, tet.lunar.year), (1, 1, 2025));
/// # Ok::<(), vanthu::api::ApiError>(())
/// ```
///
/// # Errors
/// [`ApiErrorKind::InvalidArgument`] for a malformed date or one outside
/// 1900–2100.
pub fn lunar(date: &str) -> Result<LunarConversion, ApiError> {
    let parsed = if date.contains('/') {
        NaiveDate::parse_from_str(date, "%d/%m/%Y")
    } else {
        NaiveDate::parse_from_str(date, "%Y-%m-%d")
    };
    let solar = parsed.map_err(|e| {
        ApiError::invalid(format!(
            "invalid date {date:?} ({e}); expected YYYY-MM-DD or D/M/YYYY"
        ))
        .with_message_vi(format!(
            "ngày {date:?} không hợp lệ; cần viết theo dạng YYYY-MM-DD hoặc D/M/YYYY"
        ))
    })?;
    let lunar = LunarDate::from_solar(solar).map_err(|e| calendar_error(&e))?;
    Ok(lunar_parts(solar, &lunar))
}

/// The solar date of a lunar date `D/M/YYYY` (`leap`: in the leap month).
///
/// # Errors
/// [`ApiErrorKind::InvalidArgument`] for a malformed date or a year outside
/// 1900–2100; [`ApiErrorKind::NoSuchDate`] for a well-formed date the year
/// lacks (a leap month it does not have, day 30 of a 29-day month).
pub fn lunar_to_solar(lunar: &str, leap: bool) -> Result<LunarConversion, ApiError> {
    let bad = || {
        ApiError::invalid(format!(
            "invalid lunar date {lunar:?}; expected D/M/YYYY, day 1–30, month 1–12"
        ))
        .with_message_vi(format!(
            "ngày âm lịch {lunar:?} không hợp lệ; cần viết theo dạng D/M/YYYY, ngày 1–30, tháng 1–12"
        ))
    };
    let mut parts = lunar.split('/');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let day: u8 = d.trim().parse().map_err(|_| bad())?;
    let month: u8 = m.trim().parse().map_err(|_| bad())?;
    let year: i32 = y.trim().parse().map_err(|_| bad())?;
    if !(1..=30).contains(&day) || !(1..=12).contains(&month) {
        return Err(bad());
    }
    if !YEARS.contains(&year) {
        return Err(calendar_error(&CalendarError::LunarYearOutOfRange { year }));
    }
    let date = LunarDate::new(year, month, day, leap).map_err(|e| match e {
        CalendarError::InvalidLunarDate { .. } => {
            ApiError::new(ApiErrorKind::NoSuchDate, e.to_string())
        }
        e => calendar_error(&e),
    })?;
    let solar = date.to_solar().map_err(|e| calendar_error(&e))?;
    Ok(lunar_parts(solar, &date))
}

fn kind_name(kind: &DayOffKind) -> &'static str {
    match kind {
        DayOffKind::Holiday(_) => "holiday",
        DayOffKind::Compensatory(_) => "compensatory",
        DayOffKind::Swapped { .. } => "swapped",
        _ => "other",
    }
}

/// A year's days off and working days (1900–2100).
///
/// ```
/// let year = vanthu::api::calendar(2025)?;
/// assert!(year.holidays.iter().any(|d| d.date == "2025-09-02"));
/// # Ok::<(), vanthu::api::ApiError>(())
/// ```
///
/// # Errors
/// [`ApiErrorKind::InvalidArgument`] for a year outside 1900–2100.
pub fn calendar(year: i32) -> Result<CalendarYear, ApiError> {
    if !YEARS.contains(&year) {
        return Err(calendar_error(&CalendarError::LunarYearOutOfRange { year }));
    }
    let calendar = WorkingCalendar::vietnam(year..=year).map_err(|e| calendar_error(&e))?;
    let days = calendar.year(year).map_err(|e| calendar_error(&e))?;
    Ok(CalendarYear {
        year,
        estimated: days.is_estimated(),
        source: days.source().to_owned(),
        holidays: days
            .days_off()
            .map(|d| DayOff {
                date: d.date().format("%Y-%m-%d").to_string(),
                name: d.name_vi(),
                name_en: d.name_en(),
                kind: kind_name(d.kind()).to_owned(),
                estimated: d.is_estimated(),
            })
            .collect(),
        swapped_working_days: days
            .working_weekend_days()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect(),
        working_days: days.working_days(),
    })
}

/// The years a deadline computation may need: from the start to a margin after it.
fn years_for(from: NaiveDate, working_days: u32) -> Result<RangeInclusive<i32>, ApiError> {
    let start = from.year();
    if !YEARS.contains(&start) {
        return Err(calendar_error(&CalendarError::OutOfRange { date: from }));
    }
    let span = i32::try_from(working_days / 200)
        .unwrap_or(i32::MAX)
        .saturating_add(1);
    Ok(start..=start.saturating_add(span).min(2100))
}

/// The deadline from `start` (any form [`crate::parse_time`] reads):
/// `working_days` working days, or a deadline rule.
///
/// ```
/// use vanthu::api::{DueArgs, due};
/// let mut args = DueArgs::default();
/// args.working_days = Some(3);
/// let d = due("2025-04-28T10:00:00+07:00", &args)?;
/// // 30 April to 4 May are days off (2 May swapped for a Saturday).
/// assert_eq!(d.due, "2025-05-06T17:00:00+07:00");
/// # Ok::<(), vanthu::api::ApiError>(())
/// ```
///
/// # Errors
/// [`ApiErrorKind::InvalidArgument`] for a time that cannot be read, one
/// outside 1900–2100, or neither `working_days` nor `rule`.
pub fn due(start: &str, args: &DueArgs) -> Result<Due, ApiError> {
    // Printed in Vietnam time, whatever offset it was given with.
    let from = vietnam_time(&super::time(start)?);
    let rules = deadline_rules(args.next_day, args.same_day);
    let n = args.working_days.unwrap_or(4);
    let calendar = WorkingCalendar::vietnam(years_for(from.date_naive(), n)?)
        .map_err(|e| calendar_error(&e))?;
    let mut chase_from = None;
    let (label, due) = match (args.working_days, args.rule) {
        (Some(n), _) => (
            format!("{n} working days"),
            rules.working_days_due(&calendar, &from, n),
        ),
        (None, Some(DueRule::Issue)) => (
            "issue".to_owned(),
            rules.issue_due(&calendar, &from, args.urgent),
        ),
        (None, Some(DueRule::Acknowledge)) => (
            "acknowledge".to_owned(),
            rules.acknowledge_due(&calendar, &from, args.urgent),
        ),
        (None, Some(DueRule::NotReceived)) => {
            let window = rules
                .not_received(&calendar, &from)
                .map_err(|e| calendar_error(&e))?;
            chase_from = Some(window.chase_from.to_rfc3339());
            ("not-received".to_owned(), Ok(window.chase_by))
        }
        (None, None) => {
            return Err(
                ApiError::invalid("give a number of working days or a deadline rule")
                    .with_message_vi("cần cho số ngày làm việc hoặc quy tắc tính thời hạn"),
            );
        }
    };
    let due = due.map_err(|e| calendar_error(&e))?;
    Ok(Due {
        from: from.to_rfc3339(),
        rule: label,
        urgent: args.urgent,
        due: due.to_rfc3339(),
        chase_from,
    })
}
