//! Deadline rules, one scenario per rule, each naming the article it enforces.

use chrono::{DateTime, FixedOffset, NaiveTime, TimeDelta};
use vanthu_workflow::calendar::{DeadlineRules, NextDayBound, WorkingCalendar, WorkingHours};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn cal() -> WorkingCalendar {
    WorkingCalendar::vietnam(2024..=2027).unwrap()
}

/// Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 5 khoản 2 / Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 6 khoản 2: issued the day it is signed, at the latest
/// the morning of the next working day.
#[test]
fn issue_rule_next_working_morning() {
    // The local rules' reading; the default is the national next working day.
    let rules = DeadlineRules::default()
        .next_day_bound(vanthu_workflow::calendar::NextDayBound::EndOfMorning);
    // Signed Tuesday 10:00 → Wednesday 11:30.
    let due = rules
        .issue_due(&cal(), &t("2025-03-04T10:00:00+07:00"), false)
        .unwrap();
    assert_eq!(due, t("2025-03-05T11:30:00+07:00"));
    // Signed Friday → Monday morning.
    let due = rules
        .issue_due(&cal(), &t("2025-03-07T16:30:00+07:00"), false)
        .unwrap();
    assert_eq!(due, t("2025-03-10T11:30:00+07:00"));
    // Signed on 29/4/2025: 30/4, 1/5, 2/5 (swapped) and the weekend are off → Monday 5/5.
    let due = rules
        .issue_due(&cal(), &t("2025-04-29T09:00:00+07:00"), false)
        .unwrap();
    assert_eq!(due, t("2025-05-05T11:30:00+07:00"));
}

/// Nghị định 30/2020/NĐ-CP Điều 18 khoản 1 reading: the whole next working day.
#[test]
fn issue_rule_end_of_next_working_day_option() {
    let rules = DeadlineRules::default().next_day_bound(NextDayBound::EndOfDay);
    let due = rules
        .issue_due(&cal(), &t("2025-03-04T10:00:00+07:00"), false)
        .unwrap();
    assert_eq!(due, t("2025-03-05T17:00:00+07:00"));
}

/// Nghị định 30/2020/NĐ-CP Điều 18 khoản 1: urgent documents are issued immediately after signing (bound configurable).
#[test]
fn urgent_issue_is_bounded_in_wall_clock_time() {
    let rules = DeadlineRules::default();
    let due = rules
        .issue_due(&cal(), &t("2025-01-25T21:00:00+07:00"), true)
        .unwrap();
    assert_eq!(due, t("2025-01-25T23:00:00+07:00"));
    let rules = rules.urgent_bound(TimeDelta::minutes(30));
    let due = rules
        .issue_due(&cal(), &t("2025-01-25T21:00:00+07:00"), true)
        .unwrap();
    assert_eq!(due, t("2025-01-25T21:30:00+07:00"));
}

/// Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 1 điểm c, Nghị định 30/2020/NĐ-CP Điều 21 khoản 2 điểm c: receipt is acknowledged the same day ("trong ngày").
#[test]
fn acknowledge_rule_same_working_day() {
    let rules = DeadlineRules::default();
    let due = rules
        .acknowledge_due(&cal(), &t("2025-03-04T08:00:00+07:00"), false)
        .unwrap();
    assert_eq!(due, t("2025-03-04T23:59:59+07:00"));
    // Received at 16:59 and acknowledged at 17:01 the same day: on time.
    let due = rules
        .acknowledge_due(&cal(), &t("2025-03-04T16:59:00+07:00"), false)
        .unwrap();
    assert!(t("2025-03-04T17:01:00+07:00") <= due);
    // Received after hours → the next working day.
    let due = rules
        .acknowledge_due(&cal(), &t("2025-03-04T18:00:00+07:00"), false)
        .unwrap();
    assert_eq!(due, t("2025-03-05T23:59:59+07:00"));
    // Received on Tết (Wednesday 29/1/2025) → Monday 3/2.
    let due = rules
        .acknowledge_due(&cal(), &t("2025-01-29T10:00:00+07:00"), false)
        .unwrap();
    assert_eq!(due, t("2025-02-03T23:59:59+07:00"));
    // An agency that closes "the same day" with its office hours.
    let strict = rules.same_day_bound(vanthu_workflow::calendar::SameDayBound::EndOfWorkingHours);
    let due = strict
        .acknowledge_due(&cal(), &t("2025-03-04T16:59:00+07:00"), false)
        .unwrap();
    assert_eq!(due, t("2025-03-04T17:00:00+07:00"));
}

/// Inputs with other offsets are converted to Vietnam time first (UTC+7).
#[test]
fn other_offsets_are_converted_to_vietnam_time() {
    let rules = DeadlineRules::default();
    // 2025-03-04T20:00Z is Wednesday 5/3 03:00 in Vietnam.
    let due = rules
        .acknowledge_due(&cal(), &t("2025-03-04T20:00:00Z"), false)
        .unwrap();
    assert_eq!(due, t("2025-03-05T23:59:59+07:00"));
    assert_eq!(due.offset().local_minus_utc(), 7 * 3600);
}

/// Nghị định 30/2020/NĐ-CP Điều 24 khoản 2: handling deadlines in working days; the first day is not counted.
#[test]
fn n_working_days_skip_weekends_and_tet() {
    let rules = DeadlineRules::default();
    // From Thursday 23/1/2025, 5 working days: 24/1, then Tết to 2/2, then 3, 4, 5, 6/2.
    let due = rules
        .working_days_due(&cal(), &t("2025-01-23T09:00:00+07:00"), 5)
        .unwrap();
    assert_eq!(due, t("2025-02-06T17:00:00+07:00"));
    // The swapped Saturday 26/4/2025 counts as a working day.
    let due = rules
        .working_days_due(&cal(), &t("2025-04-25T09:00:00+07:00"), 1)
        .unwrap();
    assert_eq!(due, t("2025-04-26T17:00:00+07:00"));
}

/// Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 16 khoản 8: documents not received within 3–4 working days are chased.
#[test]
fn not_received_window_is_three_to_four_working_days() {
    let rules = DeadlineRules::default();
    let window = rules
        .not_received(&cal(), &t("2025-03-06T10:00:00+07:00"))
        .unwrap();
    assert_eq!(window.chase_from, t("2025-03-11T17:00:00+07:00"));
    assert_eq!(window.chase_by, t("2025-03-12T17:00:00+07:00"));
}

#[test]
fn agency_working_hours_are_a_parameter() {
    let h = |hh, mm| NaiveTime::from_hms_opt(hh, mm, 0).unwrap();
    let hours = WorkingHours::new(h(8, 0), h(12, 0), h(13, 30), h(17, 30)).unwrap();
    let rules = DeadlineRules::with_hours(hours);
    let due = rules
        .issue_due(&cal(), &t("2025-03-04T10:00:00+07:00"), false)
        .unwrap();
    assert_eq!(due, t("2025-03-05T17:30:00+07:00"));
    let morning = rules.next_day_bound(vanthu_workflow::calendar::NextDayBound::EndOfMorning);
    let due = morning
        .issue_due(&cal(), &t("2025-03-04T10:00:00+07:00"), false)
        .unwrap();
    assert_eq!(due, t("2025-03-05T12:00:00+07:00"));
    assert!(WorkingHours::new(h(12, 0), h(8, 0), h(13, 30), h(17, 30)).is_err());
    assert!(WorkingHours::new(h(8, 0), h(14, 0), h(13, 30), h(17, 30)).is_err());
}
