//! Properties: lunar → solar → lunar identity; working-day arithmetic is monotonic
//! and lands on working days.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use vanthu_workflow::calendar::{LunarDate, WorkingCalendar};

fn solar(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1)
        .unwrap()
        .checked_add_days(Days::new(u64::from(offset)))
        .unwrap()
}

/// Days from 1900-01-01 to 2100-12-31.
const SPAN: u32 = 73_413;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn solar_lunar_solar_is_identity(offset in 0..=SPAN) {
        let date = solar(offset);
        let lunar = LunarDate::from_solar(date).unwrap();
        prop_assert_eq!(lunar.to_solar().unwrap(), date);
        let rebuilt = LunarDate::new(lunar.year(), lunar.month(), lunar.day(), lunar.is_leap()).unwrap();
        prop_assert_eq!(rebuilt, lunar);
        // The next day is the next lunar day, or day 1 of the next month.
        if offset < SPAN {
            let next = LunarDate::from_solar(solar(offset + 1)).unwrap();
            prop_assert!(next.day() == lunar.day() + 1 || next.day() == 1);
            prop_assert!(lunar.day() <= 30);
        }
    }

    #[test]
    fn lunar_solar_lunar_is_identity(year in 1900..=2099_i32, month in 1..=12_u8, day in 1..=30_u8, leap in any::<bool>()) {
        if let Ok(date) = LunarDate::new(year, month, day, leap) {
            let back = LunarDate::from_solar(date.to_solar().unwrap()).unwrap();
            prop_assert_eq!(back, date);
        } else {
            // Only day 30 of a short month or a leap month the year lacks may fail.
            prop_assert!(day == 30 || leap);
        }
    }

    #[test]
    fn adding_working_days_is_monotonic_and_lands_on_working_days(offset in 0..3000_u32, n in 0..60_u32) {
        let calendar = WorkingCalendar::vietnam(2024..=2033).unwrap();
        let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap().checked_add_days(Days::new(u64::from(offset))).unwrap();
        let a = calendar.add_working_days(start, n).unwrap();
        let b = calendar.add_working_days(start, n + 1).unwrap();
        prop_assert!(a >= start);
        if n == 0 && !calendar.is_working_day(start).unwrap() {
            // From a day off, "0 working days" is already the next working day.
            prop_assert_eq!(a, b);
        } else {
            prop_assert!(b > a);
        }
        prop_assert!(calendar.is_working_day(a).unwrap());
        prop_assert!(calendar.is_working_day(b).unwrap());
        if n > 0 {
            let next = start.checked_add_days(Days::new(1)).unwrap();
            let b_next = b.checked_add_days(Days::new(1)).unwrap();
            prop_assert_eq!(calendar.working_days_between(next, b_next).unwrap(), n + 1);
        }
    }
}
