//! The Vietnamese lunisolar calendar (âm lịch), computed astronomically at UTC+7.
//!
//! The rules (`docs/workflow.md` §9): a month starts on the civil day
//! (UTC+7) of the new moon; month 11 contains the December solstice; a cycle
//! of 13 months between two month-11 starts has a leap month, the first month
//! after month 11 that contains no major solar term (trung khí). The
//! astronomy is in `astro.rs`, written from Meeus, *Astronomical Algorithms*.
//! No published lunar-calendar code or table was used.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::CalendarError;
use super::astro;

/// The first solar date this crate converts (1 January 1900).
pub const MIN_SOLAR: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The last solar date this crate converts (31 December 2100).
pub const MAX_SOLAR: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Julian day number of 0001-01-01 (proleptic Gregorian) minus one.
const CE_TO_JDN: i64 = 1_721_425;

pub(crate) fn jdn_of(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + CE_TO_JDN
}

fn date_of_jdn(jdn: i64) -> Option<NaiveDate> {
    let days = i32::try_from(jdn - CE_TO_JDN).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// A date of the Vietnamese lunar calendar.
///
/// A value that exists names a day that exists: build it with
/// [`LunarDate::new`] (which checks the month against the computed calendar)
/// or [`LunarDate::from_solar`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "LunarDateFields")]
pub struct LunarDate {
    year: i32,
    month: u8,
    day: u8,
    leap: bool,
}

impl LunarDate {
    /// The lunar date `day`/`month` (leap month when `leap`) of lunar `year`.
    ///
    /// # Errors
    /// [`CalendarError::InvalidLunarDate`] when the month is not 1–12, the day
    /// is beyond the month's length (29 or 30), or `leap` is set and that
    /// year has no such leap month; [`CalendarError::OutOfRange`] outside
    /// 1900–2100.
    pub fn new(year: i32, month: u8, day: u8, leap: bool) -> Result<Self, CalendarError> {
        let candidate = Self {
            year,
            month,
            day,
            leap,
        };
        candidate.to_solar()?;
        Ok(candidate)
    }

    /// The lunar year (the year in which its month 1 starts).
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, 1–30.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// Whether the month is a leap month (tháng nhuận).
    pub fn is_leap(&self) -> bool {
        self.leap
    }

    /// The lunar date of a solar (Gregorian) date.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] outside [`MIN_SOLAR`]..=[`MAX_SOLAR`].
    pub fn from_solar(date: NaiveDate) -> Result<Self, CalendarError> {
        if !(MIN_SOLAR..=MAX_SOLAR).contains(&date) {
            return Err(CalendarError::OutOfRange { date });
        }
        let day = jdn_of(date);
        let mut cycle_year = date.year();
        if day >= month_eleven(cycle_year).1 {
            cycle_year += 1;
        }
        let cycle = Cycle::compute(cycle_year);
        let month = cycle
            .months()
            .filter(|m| m.start <= day)
            .last()
            .ok_or(CalendarError::OutOfRange { date })?;
        let day_of_month =
            u8::try_from(day - month.start + 1).map_err(|_| CalendarError::OutOfRange { date })?;
        Ok(Self {
            year: month.lunar_year,
            month: month.number,
            day: day_of_month,
            leap: month.leap,
        })
    }

    /// The solar (Gregorian) date of this lunar date.
    ///
    /// # Errors
    /// As for [`LunarDate::new`]; never for a value built by this crate.
    pub fn to_solar(&self) -> Result<NaiveDate, CalendarError> {
        let invalid = || CalendarError::InvalidLunarDate {
            year: self.year,
            month: self.month,
            day: self.day,
            leap: self.leap,
        };
        if !(1..=12).contains(&self.month) || !(1..=30).contains(&self.day) {
            return Err(invalid());
        }
        if !(1899..=2100).contains(&self.year) {
            return Err(CalendarError::LunarYearOutOfRange { year: self.year });
        }
        // Months 11 and 12 of lunar year Y lie in the cycle that ends at month 11 of Y+1.
        let cycle_year = if self.month >= 11 {
            self.year + 1
        } else {
            self.year
        };
        let cycle = Cycle::compute(cycle_year);
        let month = cycle
            .months()
            .find(|m| m.lunar_year == self.year && m.number == self.month && m.leap == self.leap)
            .ok_or_else(invalid)?;
        if i64::from(self.day) > month.length {
            return Err(invalid());
        }
        let jdn = month.start + i64::from(self.day) - 1;
        let date =
            date_of_jdn(jdn).ok_or(CalendarError::LunarYearOutOfRange { year: self.year })?;
        if !(MIN_SOLAR..=MAX_SOLAR).contains(&date) {
            return Err(CalendarError::OutOfRange { date });
        }
        Ok(date)
    }

    /// The year's name in the sexagenary cycle (Can Chi), e.g. "Giáp Thìn" for 2024.
    pub fn can_chi_year(&self) -> String {
        can_chi(self.year)
    }
}

/// The serialised fields of a [`LunarDate`], checked on deserialisation.
#[derive(serde::Deserialize)]
struct LunarDateFields {
    year: i32,
    month: u8,
    day: u8,
    leap: bool,
}

impl TryFrom<LunarDateFields> for LunarDate {
    type Error = CalendarError;

    fn try_from(f: LunarDateFields) -> Result<Self, Self::Error> {
        Self::new(f.year, f.month, f.day, f.leap)
    }
}

impl fmt::Display for LunarDate {
    /// `D/M/YYYY`, with ` (nhuận)` after a leap month.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.day, self.month, self.year)?;
        if self.leap {
            f.write_str(" (nhuận)")?;
        }
        Ok(())
    }
}

/// The Can Chi (sexagenary) name of a lunar year, e.g. "Ất Tỵ" for 2025.
pub fn can_chi(year: i32) -> String {
    const CAN: [&str; 10] = [
        "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
    ];
    const CHI: [&str; 12] = [
        "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
    ];
    // 4 CE was a Giáp Tý year: stem (year + 6) mod 10, branch (year + 8) mod 12.
    let stem = usize::try_from((i64::from(year) + 6).rem_euclid(10)).unwrap_or(0);
    let branch = usize::try_from((i64::from(year) + 8).rem_euclid(12)).unwrap_or(0);
    format!(
        "{} {}",
        CAN.get(stem).copied().unwrap_or_default(),
        CHI.get(branch).copied().unwrap_or_default()
    )
}

/// The solar date of Tết Nguyên đán (1/1 of lunar `year`).
///
/// # Errors
/// [`CalendarError::LunarYearOutOfRange`] outside 1900–2100.
pub fn lunar_new_year(year: i32) -> Result<NaiveDate, CalendarError> {
    check_year(year)?;
    LunarDate {
        year,
        month: 1,
        day: 1,
        leap: false,
    }
    .to_solar()
}

/// The solar date of Giỗ Tổ Hùng Vương (10/3 of lunar `year`, never the leap month).
///
/// # Errors
/// [`CalendarError::LunarYearOutOfRange`] outside 1900–2100.
pub fn hung_kings_day(year: i32) -> Result<NaiveDate, CalendarError> {
    check_year(year)?;
    LunarDate {
        year,
        month: 3,
        day: 10,
        leap: false,
    }
    .to_solar()
}

/// The leap month of lunar `year`, if it has one (e.g. `Some(4)` for 2020).
///
/// # Errors
/// [`CalendarError::LunarYearOutOfRange`] outside 1900–2100.
pub fn leap_month(year: i32) -> Result<Option<u8>, CalendarError> {
    check_year(year)?;
    // The leap month can fall after month 11 of the previous cycle: look at both cycles.
    let found = [year, year + 1]
        .into_iter()
        .flat_map(|cy| {
            let cycle = Cycle::compute(cy);
            cycle
                .months()
                .filter(|m| m.leap && m.lunar_year == year)
                .map(|m| m.number)
                .collect::<Vec<_>>()
        })
        .next();
    Ok(found)
}

fn check_year(year: i32) -> Result<(), CalendarError> {
    if (1900..=2100).contains(&year) {
        Ok(())
    } else {
        Err(CalendarError::LunarYearOutOfRange { year })
    }
}

/// (lunation number, local start day) of the month 11 that contains the December solstice of `year`.
fn month_eleven(year: i32) -> (i64, i64) {
    let solstice = astro::winter_solstice_day(year);
    let mut k = astro::lunation_near(solstice as f64);
    while astro::new_moon_day(k + 1) <= solstice {
        k += 1;
    }
    while astro::new_moon_day(k) > solstice {
        k -= 1;
    }
    (k, astro::new_moon_day(k))
}

#[derive(Debug, Clone, Copy, Default)]
struct Month {
    start: i64,
    length: i64,
    number: u8,
    leap: bool,
    lunar_year: i32,
}

/// The months from month 11 of (solar) year `year - 1` up to, not including, month 11 of `year`.
struct Cycle {
    months: [Month; 13],
    count: usize,
}

impl Cycle {
    fn compute(year: i32) -> Self {
        let (k_start, _) = month_eleven(year - 1);
        let (k_end, end_day) = month_eleven(year);
        let count = usize::try_from((k_end - k_start).clamp(0, 13)).unwrap_or(0);
        let mut starts = [0_i64; 14];
        for (i, slot) in starts.iter_mut().enumerate().take(count + 1) {
            *slot = if i == count {
                end_day
            } else {
                astro::new_moon_day(k_start + i as i64)
            };
        }
        // A 13-month cycle has a leap month: the first after month 11 without a major term.
        let leap_index = if count == 13 {
            (1..13).find(|&i| {
                let (Some(&s), Some(&e)) = (starts.get(i), starts.get(i + 1)) else {
                    return false;
                };
                astro::sun_sector_at_day_start(s) == astro::sun_sector_at_day_start(e)
            })
        } else {
            None
        };
        let mut months = [Month::default(); 13];
        let mut number: u8 = 10;
        let mut seen_first_month = false;
        for (i, slot) in months.iter_mut().enumerate().take(count) {
            let leap = leap_index == Some(i);
            if !leap {
                number = number % 12 + 1;
            }
            if number == 1 && !leap {
                seen_first_month = true;
            }
            let start = starts.get(i).copied().unwrap_or_default();
            let next = starts.get(i + 1).copied().unwrap_or_default();
            *slot = Month {
                start,
                length: next - start,
                number,
                leap,
                lunar_year: if seen_first_month { year } else { year - 1 },
            };
        }
        Self { months, count }
    }

    fn months(&self) -> impl Iterator<Item = &Month> {
        self.months.iter().take(self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_chi_names() {
        assert_eq!(can_chi(2024), "Giáp Thìn");
        assert_eq!(can_chi(2025), "Ất Tỵ");
        assert_eq!(can_chi(1984), "Giáp Tý");
    }
}
