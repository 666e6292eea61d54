//! `vanthu lunar`, `vanthu calendar`, `vanthu due`.

use crate::{json, vanthu};

#[test]
fn lunar_converts_the_vietnamese_new_years_that_differ_from_china() {
    for (solar, year) in [
        ("1968-01-29", 1968),
        ("1985-01-21", 1985),
        ("2007-02-17", 2007),
        ("2030-02-02", 2030),
    ] {
        let out = vanthu(&["lunar", solar, "--json"], b"");
        assert_eq!(out.status.code(), Some(0));
        let v = json(&out);
        assert_eq!(v["solar"], solar);
        assert_eq!(v["lunar"]["day"], 1);
        assert_eq!(v["lunar"]["month"], 1);
        assert_eq!(v["lunar"]["year"], year);
        assert_eq!(v["lunar"]["leap"], false);
    }
}

#[test]
fn lunar_to_solar_with_a_leap_month() {
    let out = vanthu(
        &["lunar", "--to-solar", "1/4/2020", "--leap", "--json"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["solar"], "2020-05-23");
    let out = vanthu(&["lunar", "--to-solar", "10/3/2026", "--json"], b"");
    assert_eq!(json(&out)["solar"], "2026-04-26");
    let out = vanthu(&["lunar", "--to-solar", "10/3/2026"], b"");
    assert!(String::from_utf8_lossy(&out.stdout).contains("2026-04-26"));
}

#[test]
fn a_leap_month_the_year_lacks_exits_1() {
    let out = vanthu(&["lunar", "--to-solar", "1/4/2024", "--leap"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
}

#[test]
fn bad_dates_exit_2_with_a_message() {
    for args in [
        &["lunar", "2025-02-30"][..],
        &["lunar", "yesterday"],
        &["lunar", "1899-12-31"],
        &["lunar", "--to-solar", "31/1/2025"],
        &["lunar", "--to-solar", "1/1/2101"],
        &["lunar"],
        &["calendar", "2101"],
        &["calendar", "twenty"],
        &["due", "--from", "2025-01-24T10:00:00+07:00"],
    ] {
        let out = vanthu(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn calendar_2025_lists_days_off_and_swaps() {
    let out = vanthu(&["calendar", "2025", "--json"], b"");
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let dates: Vec<&str> = v["holidays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            "2025-01-01",
            "2025-01-27",
            "2025-01-28",
            "2025-01-29",
            "2025-01-30",
            "2025-01-31",
            "2025-04-07",
            "2025-04-30",
            "2025-05-01",
            "2025-05-02",
            "2025-09-01",
            "2025-09-02"
        ]
    );
    assert_eq!(v["swapped_working_days"], serde_json::json!(["2025-04-26"]));
    assert_eq!(v["working_days"], 250);
    for h in v["holidays"].as_array().unwrap() {
        assert!(h["name"].is_string() && h["estimated"].is_boolean());
    }
}

#[test]
fn calendar_of_a_later_year_is_estimated_with_compensatory_days() {
    let out = vanthu(&["calendar", "2027", "--json"], b"");
    let v = json(&out);
    let holidays = v["holidays"].as_array().unwrap();
    assert!(holidays.iter().all(|h| h["estimated"] == true));
    // 1/5/2027 is a Saturday: compensatory Monday 3/5.
    assert!(
        holidays
            .iter()
            .any(|h| h["date"] == "2027-05-03" && h["kind"] == "compensatory")
    );
}

#[test]
fn due_issue_rule_skips_tet() {
    let out = vanthu(
        &[
            "due",
            "--from",
            "2025-01-24T16:00:00+07:00",
            "--rule",
            "issue",
            "--json",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["due"], "2025-02-03T17:00:00+07:00");
}

#[test]
fn due_acknowledge_and_urgent() {
    let out = vanthu(
        &[
            "due",
            "--from",
            "2025-03-04T18:30:00+07:00",
            "--rule",
            "acknowledge",
            "--json",
        ],
        b"",
    );
    assert_eq!(json(&out)["due"], "2025-03-05T23:59:59+07:00");
    let out = vanthu(
        &[
            "due",
            "--from",
            "2025-03-04T18:30:00+07:00",
            "--rule",
            "issue",
            "--urgent",
            "--json",
        ],
        b"",
    );
    assert_eq!(json(&out)["due"], "2025-03-04T20:30:00+07:00");
}

#[test]
fn due_working_days_converts_other_offsets() {
    // 2025-01-23T20:00Z is Friday 24/1 03:00 in Vietnam; 3 working days skip Tết.
    let out = vanthu(
        &[
            "due",
            "--from",
            "2025-01-23T20:00:00Z",
            "--working-days",
            "3",
            "--json",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["from"], "2025-01-24T03:00:00+07:00");
    assert_eq!(v["due"], "2025-02-05T17:00:00+07:00");
}

/// The agency's deadline policy: the issue rule's "next working day" ends at
/// the end of the day (Nghị định 30/2020/NĐ-CP Điều 18 khoản 1, the default)
/// or in the morning (the Nam Định and Quảng Nam rules); the acknowledge rule's "same day" at
/// midnight (the default) or at the end of office hours.
#[test]
fn due_takes_the_agency_policy() {
    let due = |args: &[&str]| {
        let mut argv = vec!["due", "--from", "2025-03-04T16:59", "--json"];
        argv.extend_from_slice(args);
        json(&vanthu(&argv, b""))["due"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(due(&["--rule", "issue"]), "2025-03-05T17:00:00+07:00");
    assert_eq!(
        due(&["--rule", "issue", "--next-day", "morning"]),
        "2025-03-05T11:30:00+07:00"
    );
    assert_eq!(due(&["--rule", "acknowledge"]), "2025-03-04T23:59:59+07:00");
    assert_eq!(
        due(&["--rule", "acknowledge", "--same-day", "office-hours"]),
        "2025-03-04T17:00:00+07:00"
    );
    let out = vanthu(
        &[
            "due",
            "--from",
            "2025-03-04",
            "--rule",
            "issue",
            "--next-day",
            "noon",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
}
