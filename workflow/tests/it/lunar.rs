//! The lunar calendar against the committed table (`tests/vectors/lunar`).

use chrono::NaiveDate;
use vanthu_workflow::calendar::{
    CalendarError, LunarDate, can_chi, hung_kings_day, leap_month, lunar_new_year,
};

const TABLE: &str = include_str!("../vectors/lunar/tet_hung_kings.csv");

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn table() -> Vec<(i32, NaiveDate, NaiveDate)> {
    TABLE
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            (f[0].parse().unwrap(), date(f[1]), date(f[2]))
        })
        .collect()
}

#[test]
fn table_covers_1900_to_2100() {
    let t = table();
    assert_eq!(t.len(), 201);
    assert_eq!(t.first().unwrap().0, 1900);
    assert_eq!(t.last().unwrap().0, 2100);
}

#[test]
fn every_tet_1900_to_2100_matches_the_table() {
    let mut wrong = Vec::new();
    for (year, tet, _) in table() {
        let ours = lunar_new_year(year).unwrap();
        if ours != tet {
            wrong.push((year, tet, ours));
        }
    }
    assert!(
        wrong.is_empty(),
        "Tết differs (year, table, ours): {wrong:?}"
    );
}

#[test]
fn every_hung_kings_day_1900_to_2100_matches_the_table() {
    let mut wrong = Vec::new();
    for (year, _, hung) in table() {
        let ours = hung_kings_day(year).unwrap();
        if ours != hung {
            wrong.push((year, hung, ours));
        }
    }
    assert!(
        wrong.is_empty(),
        "Hùng Kings' day differs (year, table, ours): {wrong:?}"
    );
}

#[test]
fn solar_to_lunar_on_every_table_date() {
    for (year, tet, hung) in table() {
        let l = LunarDate::from_solar(tet).unwrap();
        assert_eq!(
            (l.year(), l.month(), l.day(), l.is_leap()),
            (year, 1, 1, false),
            "{tet}"
        );
        let l = LunarDate::from_solar(hung).unwrap();
        assert_eq!(
            (l.year(), l.month(), l.day(), l.is_leap()),
            (year, 3, 10, false),
            "{hung}"
        );
    }
}

/// `docs/workflow.md` §9: the years where the Vietnamese (UTC+7) and Chinese (UTC+8) new years differ.
#[test]
fn vietnamese_new_year_where_it_differs_from_the_chinese_one() {
    for (year, vn, cn) in [
        (1968, "1968-01-29", "1968-01-30"),
        (1985, "1985-01-21", "1985-02-20"),
        (2007, "2007-02-17", "2007-02-18"),
        (2030, "2030-02-02", "2030-02-03"),
    ] {
        assert_eq!(lunar_new_year(year).unwrap(), date(vn), "Tết {year}");
        // The Chinese date is not lunar 1/1 in Vietnam.
        let l = LunarDate::from_solar(date(cn)).unwrap();
        assert_ne!((l.month(), l.day()), (1, 1), "{cn}");
    }
}

/// 1985: China has a leap 10th month in 1984, Vietnam a leap 2nd month in 1985, so
/// 20/2/1985 (Chinese new year) is 1/2 in Vietnam.
#[test]
fn the_1985_leap_month_divergence() {
    assert_eq!(leap_month(1984).unwrap(), None);
    assert_eq!(leap_month(1985).unwrap(), Some(2));
    let l = LunarDate::from_solar(date("1985-02-20")).unwrap();
    assert_eq!(
        (l.year(), l.month(), l.day(), l.is_leap()),
        (1985, 2, 1, false)
    );
}

#[test]
fn recent_years_and_hung_kings_days_from_records() {
    for (year, tet, hung) in [
        (2024, "2024-02-10", "2024-04-18"),
        (2025, "2025-01-29", "2025-04-07"),
        (2026, "2026-02-17", "2026-04-26"),
        (2027, "2027-02-06", "2027-04-16"),
        (2028, "2028-01-26", "2028-04-04"),
        (2029, "2029-02-13", "2029-04-23"),
        (2031, "2031-01-23", "2031-04-01"),
        (2032, "2032-02-11", "2032-04-19"),
    ] {
        assert_eq!(lunar_new_year(year).unwrap(), date(tet));
        assert_eq!(hung_kings_day(year).unwrap(), date(hung));
    }
    assert_eq!(hung_kings_day(2009).unwrap(), date("2009-04-04"));
}

#[test]
fn leap_months_of_known_years() {
    // 2020: leap 4th month (23/5/2020 is 1/4 nhuận); 2023: leap 2nd month; 2025: leap 6th month.
    assert_eq!(leap_month(2020).unwrap(), Some(4));
    assert_eq!(leap_month(2023).unwrap(), Some(2));
    assert_eq!(leap_month(2025).unwrap(), Some(6));
    assert_eq!(leap_month(2024).unwrap(), None);
    let l = LunarDate::from_solar(date("2020-05-23")).unwrap();
    assert_eq!(
        (l.year(), l.month(), l.day(), l.is_leap()),
        (2020, 4, 1, true)
    );
    assert_eq!(
        LunarDate::new(2020, 4, 1, true)
            .unwrap()
            .to_solar()
            .unwrap(),
        date("2020-05-23")
    );
}

#[test]
fn missing_leap_month_is_an_error() {
    assert!(matches!(
        LunarDate::new(2024, 4, 1, true),
        Err(CalendarError::InvalidLunarDate { leap: true, .. })
    ));
    assert!(LunarDate::new(2024, 13, 1, false).is_err());
    assert!(LunarDate::new(2024, 1, 0, false).is_err());
    assert!(LunarDate::new(2024, 1, 31, false).is_err());
}

#[test]
fn range_is_enforced_with_typed_errors() {
    assert!(matches!(
        LunarDate::from_solar(date("1899-12-31")),
        Err(CalendarError::OutOfRange { .. })
    ));
    assert!(matches!(
        LunarDate::from_solar(date("2101-01-01")),
        Err(CalendarError::OutOfRange { .. })
    ));
    assert!(matches!(
        lunar_new_year(2101),
        Err(CalendarError::LunarYearOutOfRange { year: 2101 })
    ));
    assert!(LunarDate::from_solar(date("1900-01-01")).is_ok());
    assert!(LunarDate::from_solar(date("2100-12-31")).is_ok());
}

#[test]
fn can_chi_of_years() {
    assert_eq!(can_chi(2026), "Bính Ngọ");
    assert_eq!(can_chi(1968), "Mậu Thân");
    assert_eq!(
        LunarDate::from_solar(date("2025-01-28"))
            .unwrap()
            .can_chi_year(),
        "Giáp Thìn"
    );
}

#[test]
fn serde_round_trip_checks_the_date() {
    let l = LunarDate::new(2020, 4, 1, true).unwrap();
    let text = serde_json::to_string(&l).unwrap();
    assert_eq!(text, r#"{"year":2020,"month":4,"day":1,"leap":true}"#);
    assert_eq!(serde_json::from_str::<LunarDate>(&text).unwrap(), l);
    assert!(
        serde_json::from_str::<LunarDate>(r#"{"year":2024,"month":4,"day":1,"leap":true}"#)
            .is_err()
    );
}
