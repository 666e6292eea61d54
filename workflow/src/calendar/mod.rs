//! The Vietnamese working calendar: lunar calendar, public holidays, working
//! days and deadlines, all in Vietnam time (UTC+7).
//!
//! * [`LunarDate`]: the Vietnamese lunar calendar, computed astronomically at UTC+7.
//! * [`YearCalendar`], [`DayOff`], [`Holiday`]: the days off of one year, either
//!   from an official decision (embedded for 2024–2026, see [`published_years`])
//!   or estimated from the statutory rules (Bộ luật Lao động 2019 Điều 111–112).
//! * [`WorkingCalendar`]: the calendar a caller builds and passes around.
//! * [`WorkingHours`] and the deadline rules of [`DeadlineRules`], in Vietnam time.

mod astro;
mod deadline;
mod holidays;
mod lunar;
mod working;

use chrono::NaiveDate;

pub use deadline::{DeadlineRules, NextDayBound, NotReceivedWindow, SameDayBound, vietnam_time};
pub use holidays::{DayOff, DayOffKind, Holiday, YearCalendar, published_years};
pub use lunar::{
    LunarDate, MAX_SOLAR, MIN_SOLAR, can_chi, hung_kings_day, leap_month, lunar_new_year,
};
pub use working::{WorkingCalendar, WorkingHours};

/// Why a calendar computation could not be done.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A solar date outside the supported range 1900-01-01..=2100-12-31.
    #[error("date {date} is outside the supported range 1900-01-01..=2100-12-31")]
    OutOfRange {
        /// The date asked for.
        date: NaiveDate,
    },
    /// A lunar year outside the supported range 1900–2100.
    #[error("lunar year {year} is outside the supported range 1900..=2100")]
    LunarYearOutOfRange {
        /// The year asked for.
        year: i32,
    },
    /// A lunar date that does not exist (bad month or day, or no such leap month that year).
    #[error("lunar date {day}/{month}/{year}{} does not exist", if *leap { " (leap month)" } else { "" })]
    InvalidLunarDate {
        /// Lunar year.
        year: i32,
        /// Month as given.
        month: u8,
        /// Day as given.
        day: u8,
        /// Whether a leap month was asked for.
        leap: bool,
    },
    /// A year the working calendar does not cover.
    #[error("year {year} is not covered by this working calendar ({first}..={last})")]
    YearNotCovered {
        /// The year asked for.
        year: i32,
        /// First year covered.
        first: i32,
        /// Last year covered.
        last: i32,
    },
    /// A day listed in a year's decision lies in another year.
    #[error("date {date} listed in the decision for {year} is not in that year")]
    DateNotInYear {
        /// The year of the decision.
        year: i32,
        /// The stray date.
        date: NaiveDate,
    },
    /// Working hours that are not two ordered, non-empty, non-overlapping sessions.
    #[error("invalid working hours: {reason}")]
    InvalidWorkingHours {
        /// What is wrong.
        reason: &'static str,
    },
    /// A deadline past the covered range or an arithmetic overflow.
    #[error("deadline computation ran past the calendar's range")]
    Overflow,
}
