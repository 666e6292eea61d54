//! Days off of the published years (2024–2026) against the official announcements,
//! and the statutory estimate for other years.

use chrono::{Datelike, NaiveDate, Weekday};
use vanthu_workflow::calendar::{
    DayOff, DayOffKind, Holiday, WorkingCalendar, YearCalendar, published_years,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn days_off(calendar: &WorkingCalendar, year: i32) -> Vec<NaiveDate> {
    calendar
        .year(year)
        .unwrap()
        .days_off()
        .map(DayOff::date)
        .collect()
}

fn swapped(calendar: &WorkingCalendar, year: i32) -> Vec<NaiveDate> {
    calendar
        .year(year)
        .unwrap()
        .working_weekend_days()
        .collect()
}

/// 2024: 1/1; Tết Giáp Thìn 8–14/2 (Thu–Wed); Giỗ Tổ 18/4; 29/4 off for Saturday 4/5
/// (dispatch 2450/VPCP-KGVX); 30/4, 1/5; 2/9 and 3/9.
#[test]
fn year_2024_matches_the_announcements() {
    let cal = WorkingCalendar::vietnam(2024..=2024).unwrap();
    assert_eq!(
        days_off(&cal, 2024),
        vec![
            d(2024, 1, 1),
            d(2024, 2, 8),
            d(2024, 2, 9),
            d(2024, 2, 12),
            d(2024, 2, 13),
            d(2024, 2, 14),
            d(2024, 4, 18),
            d(2024, 4, 29),
            d(2024, 4, 30),
            d(2024, 5, 1),
            d(2024, 9, 2),
            d(2024, 9, 3),
        ]
    );
    assert_eq!(swapped(&cal, 2024), vec![d(2024, 5, 4)]);
    assert!(cal.is_working_day(d(2024, 5, 4)).unwrap());
    assert!(!cal.is_working_day(d(2024, 4, 29)).unwrap());
}

/// 2025: Tết Ất Tỵ 27–31/1 (nine days with the weekends, dispatch 8726/VPCP-KGVX);
/// Giỗ Tổ 7/4; 30/4, 1/5 and 2/5 off for Saturday 26/4; 1/9 and 2/9.
#[test]
fn year_2025_matches_the_announcements() {
    let cal = WorkingCalendar::vietnam(2025..=2025).unwrap();
    assert_eq!(
        days_off(&cal, 2025),
        vec![
            d(2025, 1, 1),
            d(2025, 1, 27),
            d(2025, 1, 28),
            d(2025, 1, 29),
            d(2025, 1, 30),
            d(2025, 1, 31),
            d(2025, 4, 7),
            d(2025, 4, 30),
            d(2025, 5, 1),
            d(2025, 5, 2),
            d(2025, 9, 1),
            d(2025, 9, 2),
        ]
    );
    assert_eq!(swapped(&cal, 2025), vec![d(2025, 4, 26)]);
    // Nine consecutive days without work: Saturday 25/1 to Sunday 2/2.
    for day in d(2025, 1, 25).iter_days().take(9) {
        assert!(!cal.is_working_day(day).unwrap(), "{day}");
    }
    assert!(cal.is_working_day(d(2025, 2, 3)).unwrap());
}

/// 2026: Tết Bính Ngọ 16–20/2; Giỗ Tổ 26/4 is a Sunday → Monday 27/4; 30/4, 1/5;
/// 29/8–2/9 with 31/8 off for Saturday 22/8; Ngày Văn hóa Việt Nam 24/11 (estimated).
#[test]
fn year_2026_matches_the_announcements() {
    let cal = WorkingCalendar::vietnam(2026..=2026).unwrap();
    assert_eq!(
        days_off(&cal, 2026),
        vec![
            d(2026, 1, 1),
            d(2026, 2, 16),
            d(2026, 2, 17),
            d(2026, 2, 18),
            d(2026, 2, 19),
            d(2026, 2, 20),
            d(2026, 4, 27),
            d(2026, 4, 30),
            d(2026, 5, 1),
            d(2026, 8, 31),
            d(2026, 9, 1),
            d(2026, 9, 2),
            d(2026, 11, 24),
        ]
    );
    assert_eq!(swapped(&cal, 2026), vec![d(2026, 8, 22)]);
    let year = cal.year(2026).unwrap();
    let hung = year
        .days_off()
        .find(|o| o.date() == d(2026, 4, 27))
        .unwrap();
    assert_eq!(hung.kind(), &DayOffKind::Compensatory(Holiday::HungKings));
    assert!(!hung.is_estimated());
    let culture = year
        .days_off()
        .find(|o| o.date() == d(2026, 11, 24))
        .unwrap();
    assert!(culture.is_estimated());
}

#[test]
fn working_day_counts_of_the_published_years() {
    let cal = WorkingCalendar::vietnam(2024..=2026).unwrap();
    // 2024: 262 weekdays − 12 days off + 1 working Saturday.
    assert_eq!(cal.year(2024).unwrap().working_days(), 251);
    // 2025: 261 weekdays − 12 + 1.
    assert_eq!(cal.year(2025).unwrap().working_days(), 250);
    // 2026: 261 weekdays − 13 + 1.
    assert_eq!(cal.year(2026).unwrap().working_days(), 249);
}

/// The statutory estimate gives the same days as the decisions where the decisions
/// follow the rule (everything but the swaps).
#[test]
fn the_estimate_agrees_with_the_published_years_except_swaps() {
    for published in published_years() {
        let estimate = YearCalendar::estimated(published.year()).unwrap();
        let swaps: Vec<NaiveDate> = published
            .days_off()
            .filter(|o| matches!(o.kind(), DayOffKind::Swapped { .. }))
            .map(DayOff::date)
            .collect();
        let expected: Vec<NaiveDate> = published
            .days_off()
            .map(DayOff::date)
            .filter(|day| !swaps.contains(day))
            .collect();
        let estimated: Vec<NaiveDate> = estimate.days_off().map(DayOff::date).collect();
        assert_eq!(estimated, expected, "{}", published.year());
        assert!(estimate.days_off().all(DayOff::is_estimated));
    }
}

/// Bộ luật Lao động 2019 Điều 111 khoản 3: 2023 had Giỗ Tổ on Saturday 29/4 and 30/4 on a Sunday:
/// Tuesday 2/5 and Wednesday 3/5 off (1/5 is itself a holiday); 2/9 on a Saturday → 1/9 and Monday 4/9.
#[test]
fn compensatory_days_in_2023() {
    let cal = WorkingCalendar::vietnam(2023..=2023).unwrap();
    let off = days_off(&cal, 2023);
    for day in [
        d(2023, 1, 2),
        d(2023, 5, 2),
        d(2023, 5, 3),
        d(2023, 9, 1),
        d(2023, 9, 4),
    ] {
        assert!(off.contains(&day), "{day} in {off:?}");
    }
    // Tết Quý Mão 2023: 20–26/1 off (the yearly decision, see `docs/workflow.md` §9).
    for day in d(2023, 1, 20).iter_days().take(7) {
        assert!(!cal.is_working_day(day).unwrap(), "{day}");
    }
    assert!(cal.year(2023).unwrap().is_estimated());
}

#[test]
fn estimated_years_mark_every_day_and_never_list_weekends() {
    let cal = WorkingCalendar::vietnam(2027..=2040).unwrap();
    for year in 2027..=2040 {
        let y = cal.year(year).unwrap();
        assert!(y.days_off().all(|o| o.is_estimated()));
        assert!(
            y.days_off()
                .all(|o| !matches!(o.date().weekday(), Weekday::Sat | Weekday::Sun))
        );
        // 11 statutory days (+ Ngày Văn hóa Việt Nam) all land on weekdays.
        assert_eq!(y.days_off().count(), 12, "{year}");
    }
}

#[test]
fn a_caller_decision_replaces_the_estimate() {
    let extra = DayOff::new(
        d(2027, 2, 11),
        DayOffKind::Other {
            name: "Nghỉ thêm".into(),
        },
        false,
    );
    let mut days: Vec<DayOff> = YearCalendar::estimated(2027)
        .unwrap()
        .days_off()
        .cloned()
        .collect();
    days.push(extra);
    let decided =
        YearCalendar::from_decision(2027, days, [d(2027, 2, 20)], "test decision").unwrap();
    let cal = WorkingCalendar::vietnam(2027..=2027)
        .unwrap()
        .with_year(decided);
    assert!(!cal.is_working_day(d(2027, 2, 11)).unwrap());
    assert!(cal.is_working_day(d(2027, 2, 20)).unwrap());
    assert_eq!(cal.year(2027).unwrap().source(), "test decision");
    assert!(YearCalendar::from_decision(2027, [], [d(2028, 1, 1)], "x").is_err());
}

#[test]
fn years_outside_the_calendar_are_typed_errors() {
    let cal = WorkingCalendar::vietnam(2025..=2026).unwrap();
    assert!(cal.is_working_day(d(2027, 1, 4)).is_err());
    assert!(cal.add_working_days(d(2026, 12, 30), 5).is_err());
    assert!(WorkingCalendar::vietnam(2100..=2101).is_err());
}

/// The statutory estimate exists for every supported year, with Tết and (from 2007)
/// Giỗ Tổ on the lunar dates, and never lists a weekend day.
#[test]
fn every_year_1900_to_2100_has_an_estimate() {
    use vanthu_workflow::calendar::{hung_kings_day, lunar_new_year};
    for year in 1900..=2100 {
        let y = YearCalendar::estimated(year).unwrap();
        assert!(
            y.days_off()
                .all(|o| !matches!(o.date().weekday(), Weekday::Sat | Weekday::Sun))
        );
        let tet = lunar_new_year(year).unwrap();
        if !matches!(tet.weekday(), Weekday::Sat | Weekday::Sun) {
            assert!(y.days_off().any(|o| o.date() == tet), "Tết {year}");
        }
        let hung = hung_kings_day(year).unwrap();
        let listed = y.days_off().any(|o| o.date() == hung);
        if year >= 2007 && !matches!(hung.weekday(), Weekday::Sat | Weekday::Sun) {
            assert!(listed, "Giỗ Tổ {year}");
        }
    }
}
