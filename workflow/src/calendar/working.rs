//! The working calendar a caller builds, and an agency's working hours.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate, NaiveTime};

use super::CalendarError;
use super::holidays::{YearCalendar, published_years};

/// Working days for a range of years: Saturdays and Sundays off (QĐ 188/1999/QĐ-TTg),
/// public holidays, compensatory and swapped days.
///
/// Built once by the caller and passed to the deadline functions; the years are
/// computed at construction, so queries are map look-ups.
///
/// ```
/// use chrono::NaiveDate;
/// use vanthu_workflow::calendar::WorkingCalendar;
///
/// let calendar = WorkingCalendar::vietnam(2024..=2030)?;
/// let tet = NaiveDate::from_ymd_opt(2025, 1, 29).unwrap();
/// assert!(!calendar.is_working_day(tet)?);
/// # Ok::<(), vanthu_workflow::calendar::CalendarError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingCalendar {
    years: BTreeMap<i32, YearCalendar>,
}

impl WorkingCalendar {
    /// Vietnam for `years`: the embedded official decisions ([`published_years`])
    /// where they exist, the statutory estimate ([`YearCalendar::estimated`]) elsewhere.
    ///
    /// # Errors
    /// [`CalendarError::LunarYearOutOfRange`] when `years` leaves 1900–2100.
    pub fn vietnam(years: RangeInclusive<i32>) -> Result<Self, CalendarError> {
        let mut calendar = Self::estimated(years.clone())?;
        for year in published_years() {
            if years.contains(&year.year()) {
                calendar = calendar.with_year(year);
            }
        }
        Ok(calendar)
    }

    /// Only the statutory estimate for `years`, no embedded decision.
    ///
    /// # Errors
    /// [`CalendarError::LunarYearOutOfRange`] when `years` leaves 1900–2100.
    pub fn estimated(years: RangeInclusive<i32>) -> Result<Self, CalendarError> {
        let mut map = BTreeMap::new();
        for year in years {
            map.insert(year, YearCalendar::estimated(year)?);
        }
        Ok(Self { years: map })
    }

    /// This calendar with `year` added or replaced: the caller's own decisions
    /// (e.g. a new year's Tết decision, or an agency's extra day off).
    #[must_use]
    pub fn with_year(mut self, year: YearCalendar) -> Self {
        self.years.insert(year.year(), year);
        self
    }

    /// The days of `year`.
    ///
    /// # Errors
    /// [`CalendarError::YearNotCovered`] when the calendar does not hold that year.
    pub fn year(&self, year: i32) -> Result<&YearCalendar, CalendarError> {
        self.years.get(&year).ok_or_else(|| self.not_covered(year))
    }

    /// The years covered, first and last.
    pub fn covered_years(&self) -> Option<(i32, i32)> {
        Some((*self.years.keys().next()?, *self.years.keys().next_back()?))
    }

    fn not_covered(&self, year: i32) -> CalendarError {
        let (first, last) = self.covered_years().unwrap_or((0, -1));
        CalendarError::YearNotCovered { year, first, last }
    }

    /// Whether `date` is a working day.
    ///
    /// # Errors
    /// [`CalendarError::YearNotCovered`] outside the calendar's years.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        Ok(self.year(date.year())?.is_working_day(date))
    }

    /// The first working day strictly after `date`.
    ///
    /// # Errors
    /// [`CalendarError::YearNotCovered`] when the search leaves the calendar's years.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(date, 1)
    }

    /// The `n`-th working day after `date`, not counting `date` itself; for `n = 0`,
    /// `date` when it is a working day, else the next working day.
    ///
    /// # Errors
    /// [`CalendarError::YearNotCovered`] when the count leaves the calendar's years.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        if n == 0 {
            return if self.is_working_day(date)? {
                Ok(date)
            } else {
                self.add_working_days(date, 1)
            };
        }
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = day
                .checked_add_days(Days::new(1))
                .ok_or(CalendarError::Overflow)?;
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// The number of working days from `from` (included) to `to` (excluded).
    ///
    /// # Errors
    /// [`CalendarError::YearNotCovered`] when the range leaves the calendar's years.
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<u32, CalendarError> {
        let mut count = 0;
        for day in from.iter_days().take_while(|d| *d < to) {
            if self.is_working_day(day)? {
                count += 1;
            }
        }
        Ok(count)
    }
}

/// An agency's daily working hours: a morning and an afternoon session.
///
/// Office hours are set locally (`docs/workflow.md` §8); the default is
/// 07:30–11:30 and 13:00–17:00, common in state agencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct WorkingHours {
    morning_start: NaiveTime,
    morning_end: NaiveTime,
    afternoon_start: NaiveTime,
    afternoon_end: NaiveTime,
}

impl WorkingHours {
    /// Two sessions; each must start before it ends, the morning before the afternoon.
    ///
    /// # Errors
    /// [`CalendarError::InvalidWorkingHours`] otherwise.
    pub fn new(
        morning_start: NaiveTime,
        morning_end: NaiveTime,
        afternoon_start: NaiveTime,
        afternoon_end: NaiveTime,
    ) -> Result<Self, CalendarError> {
        if morning_start >= morning_end {
            return Err(CalendarError::InvalidWorkingHours {
                reason: "the morning session must start before it ends",
            });
        }
        if afternoon_start >= afternoon_end {
            return Err(CalendarError::InvalidWorkingHours {
                reason: "the afternoon session must start before it ends",
            });
        }
        if morning_end > afternoon_start {
            return Err(CalendarError::InvalidWorkingHours {
                reason: "the morning session must end before the afternoon session starts",
            });
        }
        Ok(Self {
            morning_start,
            morning_end,
            afternoon_start,
            afternoon_end,
        })
    }

    /// Start of the working day.
    pub fn morning_start(&self) -> NaiveTime {
        self.morning_start
    }

    /// End of the morning session.
    pub fn morning_end(&self) -> NaiveTime {
        self.morning_end
    }

    /// Start of the afternoon session.
    pub fn afternoon_start(&self) -> NaiveTime {
        self.afternoon_start
    }

    /// End of the working day.
    pub fn afternoon_end(&self) -> NaiveTime {
        self.afternoon_end
    }
}

impl Default for WorkingHours {
    fn default() -> Self {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
        Self {
            morning_start: t(7, 30),
            morning_end: t(11, 30),
            afternoon_start: t(13, 0),
            afternoon_end: t(17, 0),
        }
    }
}
