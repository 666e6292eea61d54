//! Public holidays and days off of one year, for civil servants (Saturday and
//! Sunday off: QĐ 188/1999/QĐ-TTg).
//!
//! Two sources, each marked:
//! * **Official decisions** for the years embedded in [`published_years`]
//!   (2024–2026); a day there is `estimated` only when its decision is not
//!   documented (`docs/workflow.md` §9).
//! * **The statutory rule** ([`YearCalendar::estimated`]) for any other year,
//!   every day marked `estimated`: Bộ luật Lao động 2019 (Luật 45/2019/QH14)
//!   Điều 112 khoản 1 (1/1; Tết Âm lịch 5 days; Giỗ Tổ Hùng Vương 10/3 lunar; 30/4;
//!   1/5; 2/9 plus one adjacent day) and Điều 111 khoản 3 (a holiday on the weekly
//!   rest day gives a compensatory day off on the next working day).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::CalendarError;
use super::lunar;

/// A public holiday (ngày lễ, Tết) of Bộ luật Lao động 2019 Điều 112 khoản 1.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum Holiday {
    /// Tết Dương lịch, 1 January.
    NewYear,
    /// Tết Âm lịch (Tết Nguyên đán): 5 days around lunar 1/1, fixed yearly by the Prime Minister.
    LunarNewYear,
    /// Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month (a paid holiday since 2007).
    HungKings,
    /// Ngày Chiến thắng, 30 April.
    ReunificationDay,
    /// Ngày Quốc tế Lao động, 1 May.
    LabourDay,
    /// Quốc khánh, 2 September and one adjacent day.
    NationalDay,
    /// Ngày Văn hóa Việt Nam, 24 November (from 2026; legal basis not verified by vanthu, always `estimated`).
    CultureDay,
}

impl Holiday {
    /// The Vietnamese name.
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::NewYear => "Tết Dương lịch",
            Self::LunarNewYear => "Tết Nguyên đán",
            Self::HungKings => "Giỗ Tổ Hùng Vương",
            Self::ReunificationDay => "Ngày Chiến thắng",
            Self::LabourDay => "Ngày Quốc tế Lao động",
            Self::NationalDay => "Quốc khánh",
            Self::CultureDay => "Ngày Văn hóa Việt Nam",
        }
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Self::NewYear => "New Year's Day",
            Self::LunarNewYear => "Lunar New Year",
            Self::HungKings => "Hung Kings' Commemoration Day",
            Self::ReunificationDay => "Reunification Day",
            Self::LabourDay => "International Labour Day",
            Self::NationalDay => "National Day",
            Self::CultureDay => "Vietnam Culture Day",
        }
    }
}

/// Why a day is off.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub enum DayOffKind {
    /// The holiday itself (for Tết and Quốc khánh, one of its days).
    Holiday(Holiday),
    /// Nghỉ bù: the holiday fell on a Saturday or Sunday (Bộ luật Lao động 2019 Điều 111 khoản 3).
    Compensatory(Holiday),
    /// Nghỉ hoán đổi: a bridge day off, traded for the working weekend day `worked_on`.
    Swapped {
        /// The Saturday or Sunday worked instead.
        worked_on: NaiveDate,
    },
    /// Any other day off a caller's decision grants.
    Other {
        /// Its name.
        name: String,
    },
}

/// One non-working day that is not a Saturday or Sunday.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct DayOff {
    date: NaiveDate,
    kind: DayOffKind,
    estimated: bool,
}

impl DayOff {
    /// A day off; `estimated` when no official decision confirms it.
    pub fn new(date: NaiveDate, kind: DayOffKind, estimated: bool) -> Self {
        Self {
            date,
            kind,
            estimated,
        }
    }

    /// The date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Why the day is off.
    pub fn kind(&self) -> &DayOffKind {
        &self.kind
    }

    /// Whether the day comes from the statutory rule rather than a known official decision.
    pub fn is_estimated(&self) -> bool {
        self.estimated
    }

    /// The Vietnamese name, e.g. "Nghỉ bù Giỗ Tổ Hùng Vương".
    pub fn name_vi(&self) -> String {
        match &self.kind {
            DayOffKind::Holiday(h) => h.name_vi().to_owned(),
            DayOffKind::Compensatory(h) => format!("Nghỉ bù {}", h.name_vi()),
            DayOffKind::Swapped { worked_on } => {
                format!(
                    "Nghỉ hoán đổi (làm bù ngày {})",
                    worked_on.format("%d/%m/%Y")
                )
            }
            DayOffKind::Other { name } => name.clone(),
        }
    }

    /// The English name, e.g. "Hung Kings' Commemoration Day (compensatory)".
    pub fn name_en(&self) -> String {
        match &self.kind {
            DayOffKind::Holiday(h) => h.name_en().to_owned(),
            DayOffKind::Compensatory(h) => format!("{} (compensatory)", h.name_en()),
            DayOffKind::Swapped { worked_on } => format!("Day off (swapped with {worked_on})"),
            DayOffKind::Other { name } => name.clone(),
        }
    }
}

/// The days off and the working weekend days of one year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct YearCalendar {
    year: i32,
    days_off: BTreeMap<NaiveDate, DayOff>,
    working_weekend_days: BTreeSet<NaiveDate>,
    source: String,
}

pub(crate) fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, CalendarError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(CalendarError::LunarYearOutOfRange { year })
}

fn shift(date: NaiveDate, days: i64) -> Result<NaiveDate, CalendarError> {
    let moved = if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.ok_or(CalendarError::Overflow)
}

impl YearCalendar {
    /// A year from an official decision: its non-weekend days off and its working
    /// weekend days (swapped Saturdays). Days off that fall on a weekend are dropped
    /// (they change nothing); a later entry for the same date replaces an earlier one.
    ///
    /// # Errors
    /// [`CalendarError::DateNotInYear`] when a date is not in `year`.
    pub fn from_decision(
        year: i32,
        days_off: impl IntoIterator<Item = DayOff>,
        working_weekend_days: impl IntoIterator<Item = NaiveDate>,
        source: impl Into<String>,
    ) -> Result<Self, CalendarError> {
        let mut calendar = Self {
            year,
            days_off: BTreeMap::new(),
            working_weekend_days: BTreeSet::new(),
            source: source.into(),
        };
        for day in days_off {
            if day.date.year() != year {
                return Err(CalendarError::DateNotInYear {
                    year,
                    date: day.date,
                });
            }
            if !is_weekend(day.date) {
                calendar.days_off.insert(day.date, day);
            }
        }
        for date in working_weekend_days {
            if date.year() != year {
                return Err(CalendarError::DateNotInYear { year, date });
            }
            if is_weekend(date) {
                calendar.working_weekend_days.insert(date);
            }
        }
        Ok(calendar)
    }

    /// The year estimated from the statutory rules, every day marked `estimated`.
    ///
    /// * Bộ luật Lao động 2019 Điều 112 khoản 1: 1/1, 30/4, 1/5, 2/9; Giỗ Tổ Hùng Vương
    ///   (from 2007); Tết: the last day of the lunar year and lunar 1/1–4/1 (5 days
    ///   from 2013; 4 days, to 3/1, before); the day adjacent to 2/9 (from 2021,
    ///   when the 2019 Code took effect) chosen as the Prime Minister has chosen
    ///   since: Monday→Tuesday, Tuesday→Monday, Wednesday→Tuesday,
    ///   Thursday→Friday, Friday→Thursday, Saturday→Friday, Sunday→Monday.
    /// * Tết days on a weekend move to a working day, as the yearly decisions have
    ///   done since 2014: Saturday to the previous, Sunday to the next free weekday.
    /// * Bộ luật Lao động 2019 Điều 111 khoản 3: any other holiday on a Saturday or Sunday gives the next free
    ///   weekday off (applied from 1995, when the rule entered the Bộ luật Lao động).
    /// * Ngày Văn hóa Việt Nam (24/11) from 2026, whose legal basis vanthu has not verified.
    ///
    /// These are the same rules as the `holidays` Python package (vacanza) uses for
    /// Vietnam; no swapped working Saturdays are estimated. Before 2021 the estimate
    /// follows only the changes listed above and otherwise today's list (30/4 and 1/5
    /// in every year, for instance): it is no historical record.
    ///
    /// # Errors
    /// [`CalendarError::LunarYearOutOfRange`] outside 1900–2100.
    pub fn estimated(year: i32) -> Result<Self, CalendarError> {
        let mut off: BTreeMap<NaiveDate, DayOff> = BTreeMap::new();
        let mark = |kind: DayOffKind| move |date: NaiveDate| DayOff::new(date, kind.clone(), true);

        // Tết block first: its weekend days move to the nearest free weekday.
        let new_year = lunar::lunar_new_year(year)?;
        let last_tet_offset = if year >= 2013 { 3 } else { 2 };
        let tet = mark(DayOffKind::Holiday(Holiday::LunarNewYear));
        let mut tet_days = Vec::new();
        for offset in -1..=last_tet_offset {
            tet_days.push(shift(new_year, offset)?);
        }
        let mut weekend_tet = Vec::new();
        for day in tet_days {
            if is_weekend(day) {
                weekend_tet.push(day);
            } else {
                off.insert(day, tet(day));
            }
        }
        if year >= 1995 {
            for day in weekend_tet {
                let backwards = year >= 2014 && day.weekday() == Weekday::Sat;
                let moved = next_free_weekday(day, &off, backwards)?;
                off.insert(moved, tet(moved));
            }
        }

        let mut holidays = vec![
            (ymd(year, 1, 1)?, Holiday::NewYear),
            (ymd(year, 4, 30)?, Holiday::ReunificationDay),
            (ymd(year, 5, 1)?, Holiday::LabourDay),
        ];
        if year >= 2007 {
            holidays.push((lunar::hung_kings_day(year)?, Holiday::HungKings));
        }
        let national_day = ymd(year, 9, 2)?;
        holidays.push((national_day, Holiday::NationalDay));
        if year >= 2021 {
            let offset = match national_day.weekday() {
                Weekday::Mon | Weekday::Thu | Weekday::Sun => 1,
                Weekday::Tue | Weekday::Wed | Weekday::Fri | Weekday::Sat => -1,
            };
            holidays.push((shift(national_day, offset)?, Holiday::NationalDay));
        }
        if year >= 2026 {
            holidays.push((ymd(year, 11, 24)?, Holiday::CultureDay));
        }
        holidays.sort();
        for &(date, holiday) in &holidays {
            if !is_weekend(date) {
                off.insert(date, DayOff::new(date, DayOffKind::Holiday(holiday), true));
            }
        }
        if year >= 1995 {
            for &(date, holiday) in &holidays {
                if is_weekend(date) {
                    let moved = next_free_weekday(date, &off, false)?;
                    off.insert(
                        moved,
                        DayOff::new(moved, DayOffKind::Compensatory(holiday), true),
                    );
                }
            }
        }
        // A compensatory day may spill into the next year (31/12 on a weekend is no holiday,
        // but 1/1 compensations cannot spill back): keep only this year's days.
        off.retain(|date, _| date.year() == year);
        Ok(Self {
            year,
            days_off: off,
            working_weekend_days: BTreeSet::new(),
            source: "estimated from Bộ luật Lao động 2019 Điều 111 khoản 3 and 112.1".to_owned(),
        })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The non-weekend days off, in date order.
    pub fn days_off(&self) -> impl Iterator<Item = &DayOff> {
        self.days_off.values()
    }

    /// The Saturdays and Sundays that are working days (swapped), in date order.
    pub fn working_weekend_days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.working_weekend_days.iter().copied()
    }

    /// Where the data comes from (a decision's number, or the statutory estimate).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether any day of the year is estimated.
    pub fn is_estimated(&self) -> bool {
        self.days_off.values().any(DayOff::is_estimated)
    }

    /// Whether `date` (of this year) is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.working_weekend_days.contains(&date) {
            return true;
        }
        !is_weekend(date) && !self.days_off.contains_key(&date)
    }

    /// The number of working days in the year.
    pub fn working_days(&self) -> u32 {
        let Some(first) = NaiveDate::from_ymd_opt(self.year, 1, 1) else {
            return 0;
        };
        first
            .iter_days()
            .take_while(|d| d.year() == self.year)
            .filter(|d| self.is_working_day(*d))
            .fold(0, |n, _| n + 1)
    }
}

/// The first weekday after (or, when `backwards`, before) `date` that is not already off.
fn next_free_weekday(
    date: NaiveDate,
    off: &BTreeMap<NaiveDate, DayOff>,
    backwards: bool,
) -> Result<NaiveDate, CalendarError> {
    let step = if backwards { -1 } else { 1 };
    let mut day = shift(date, step)?;
    for _ in 0..40 {
        if !is_weekend(day) && !off.contains_key(&day) {
            return Ok(day);
        }
        day = shift(day, step)?;
    }
    Err(CalendarError::Overflow)
}

/// The years whose official decisions vanthu embeds: 2024, 2025 and 2026.
///
/// Sources (`docs/workflow.md` §9 and the `holidays` package's
/// `VietnamStaticHolidays`, which cites each dispatch):
/// * 2024: swap of 29/4 for Saturday 4/5, dispatch 2450/VPCP-KGVX (2024). The Tết
///   days (8–14/2) and the day adjacent to 2/9 (3/9) are not documented there:
///   they follow the statutory rule and stay `estimated`.
/// * 2025: Tết 27–31/1 (nine days off with the weekends, 25/1–2/2), dispatch
///   8726/VPCP-KGVX (26/11/2024) and announcement 6150/TB-BLĐTBXH (2024); swap of
///   2/5 for Saturday 26/4. The day adjacent to 2/9 (1/9) stays `estimated`.
/// * 2026: swap of 31/8 for Saturday 22/8 with 1/9 as the day adjacent to 2/9
///   (holiday 29/8–2/9). The Tết days (16–20/2) and Ngày Văn hóa Việt Nam (24/11)
///   are not documented there and stay `estimated`.
///
/// Fixed-date holidays and their compensatory days follow from the law alone and
/// are not estimated in these years.
pub fn published_years() -> Vec<YearCalendar> {
    [year_2024(), year_2025(), year_2026()]
        .into_iter()
        .flatten()
        .collect()
}

fn day(
    year: i32,
    month: u32,
    d: u32,
    kind: DayOffKind,
    estimated: bool,
) -> Result<DayOff, CalendarError> {
    Ok(DayOff::new(ymd(year, month, d)?, kind, estimated))
}

fn h(holiday: Holiday) -> DayOffKind {
    DayOffKind::Holiday(holiday)
}

fn year_2024() -> Result<YearCalendar, CalendarError> {
    use Holiday::*;
    let y = 2024;
    let days = vec![
        day(y, 1, 1, h(NewYear), false)?,
        day(y, 2, 8, h(LunarNewYear), true)?,
        day(y, 2, 9, h(LunarNewYear), true)?,
        day(y, 2, 12, h(LunarNewYear), true)?,
        day(y, 2, 13, h(LunarNewYear), true)?,
        day(y, 2, 14, h(LunarNewYear), true)?,
        day(y, 4, 18, h(HungKings), false)?,
        day(
            y,
            4,
            29,
            DayOffKind::Swapped {
                worked_on: ymd(y, 5, 4)?,
            },
            false,
        )?,
        day(y, 4, 30, h(ReunificationDay), false)?,
        day(y, 5, 1, h(LabourDay), false)?,
        day(y, 9, 2, h(NationalDay), false)?,
        day(y, 9, 3, h(NationalDay), true)?,
    ];
    YearCalendar::from_decision(
        y,
        days,
        [ymd(y, 5, 4)?],
        "2450/VPCP-KGVX (2024) for the 29/4 ↔ 4/5 swap; Tết and 3/9 estimated",
    )
}

fn year_2025() -> Result<YearCalendar, CalendarError> {
    use Holiday::*;
    let y = 2025;
    let days = vec![
        day(y, 1, 1, h(NewYear), false)?,
        day(y, 1, 27, h(LunarNewYear), false)?,
        day(y, 1, 28, h(LunarNewYear), false)?,
        day(y, 1, 29, h(LunarNewYear), false)?,
        day(y, 1, 30, h(LunarNewYear), false)?,
        day(y, 1, 31, h(LunarNewYear), false)?,
        day(y, 4, 7, h(HungKings), false)?,
        day(y, 4, 30, h(ReunificationDay), false)?,
        day(y, 5, 1, h(LabourDay), false)?,
        day(
            y,
            5,
            2,
            DayOffKind::Swapped {
                worked_on: ymd(y, 4, 26)?,
            },
            false,
        )?,
        day(y, 9, 1, h(NationalDay), true)?,
        day(y, 9, 2, h(NationalDay), false)?,
    ];
    YearCalendar::from_decision(
        y,
        days,
        [ymd(y, 4, 26)?],
        "8726/VPCP-KGVX (26/11/2024) and 6150/TB-BLĐTBXH (2024) for Tết; 2/5 ↔ 26/4 swap; 1/9 estimated",
    )
}

fn year_2026() -> Result<YearCalendar, CalendarError> {
    use Holiday::*;
    let y = 2026;
    let days = vec![
        day(y, 1, 1, h(NewYear), false)?,
        day(y, 2, 16, h(LunarNewYear), true)?,
        day(y, 2, 17, h(LunarNewYear), true)?,
        day(y, 2, 18, h(LunarNewYear), true)?,
        day(y, 2, 19, h(LunarNewYear), true)?,
        day(y, 2, 20, h(LunarNewYear), true)?,
        // 26/4/2026 (10/3 lunar) is a Sunday: compensatory Monday (Bộ luật Lao động 2019 Điều 111 khoản 3).
        day(y, 4, 27, DayOffKind::Compensatory(HungKings), false)?,
        day(y, 4, 30, h(ReunificationDay), false)?,
        day(y, 5, 1, h(LabourDay), false)?,
        day(
            y,
            8,
            31,
            DayOffKind::Swapped {
                worked_on: ymd(y, 8, 22)?,
            },
            false,
        )?,
        day(y, 9, 1, h(NationalDay), false)?,
        day(y, 9, 2, h(NationalDay), false)?,
        day(y, 11, 24, h(CultureDay), true)?,
    ];
    YearCalendar::from_decision(
        y,
        days,
        [ymd(y, 8, 22)?],
        "29/8–2/9 holiday with the 31/8 ↔ 22/8 swap; Tết and 24/11 estimated",
    )
}
