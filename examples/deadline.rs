//! Compute deadlines in working days, in Vietnam time, across Tết: the
//! handling deadline of an assignment, the issue deadline after signing, the
//! "not received" window after sending.
//!
//! `cargo run -p vanthu-examples --example deadline`

use std::error::Error;

use chrono::DateTime;
use vanthu_workflow::calendar::{DeadlineRules, WorkingCalendar};

fn main() -> Result<(), Box<dyn Error>> {
    // The caller builds the calendar once: the official decisions embedded for
    // the years that have them, the Labour Code rule (marked estimated) elsewhere.
    let calendar = WorkingCalendar::vietnam(2024..=2026)?;
    let rules = DeadlineRules::default();

    // Signed on Friday 24 January 2025 in the afternoon, just before Tết Ất Tỵ.
    let signed = DateTime::parse_from_rfc3339("2025-01-24T16:00:00+07:00")?;

    // Issue the same day, at the latest the next working day (Nghị định
    // 30/2020/NĐ-CP Điều 18 khoản 1); the Nam Định and Quảng Nam rules end it
    // in the morning (`NextDayBound::EndOfMorning`).
    let issue = rules.issue_due(&calendar, &signed, false)?;
    println!("issue by        {}", issue.to_rfc3339());

    // A leader gives 5 working days to handle it: Tết (25/1–2/2) does not count.
    let handle = rules.working_days_due(&calendar, &signed, 5)?;
    println!("handle by       {}", handle.to_rfc3339());

    // Sent that afternoon: chase the recipient after 3–4 working days without
    // a receipt (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 16 khoản 8,
    // Điều 17 khoản 5).
    let window = rules.not_received(&calendar, &signed)?;
    println!("chase by        {}", window.chase_by.to_rfc3339());

    assert_eq!(issue.to_rfc3339(), "2025-02-03T17:00:00+07:00");
    assert_eq!(handle.to_rfc3339(), "2025-02-07T17:00:00+07:00");
    Ok(())
}

#[test]
fn runs() -> Result<(), Box<dyn Error>> {
    main()
}
