//! Retention, schedules and transfer due dates.

use vanthu_archive::{
    ArchiveLaw, Expiry, RetentionSchedule, ScheduledRetention, TransferFacts, expiry, is_expired,
    transfer_due,
};
use vanthu_identifiers::Retention;

use crate::common::date;

#[test]
fn expiry_counts_from_the_year_the_work_ended() {
    let ten = Retention::years(10).unwrap();
    assert_eq!(
        expiry(ten, 2020),
        Expiry::On {
            date: date(2030, 12, 31)
        }
    );
    assert!(!is_expired(ten, 2020, date(2030, 12, 31)));
    assert!(is_expired(ten, 2020, date(2031, 1, 1)));
    assert_eq!(expiry(Retention::Permanent, 2020), Expiry::Never);
    assert!(!is_expired(Retention::Permanent, 1900, date(2999, 1, 1)));
}

#[test]
fn agency_archive_within_one_year_and_notice_30_days_before() {
    let facts = TransferFacts::new(Retention::years(20).unwrap(), date(2025, 3, 15));
    let due = transfer_due(&facts, ArchiveLaw::Law2024).unwrap();
    assert!(due.required);
    assert_eq!(due.agency_archive, date(2026, 3, 15));
    assert_eq!(due.notice, date(2026, 2, 13));
    assert_eq!(due.keep_back_until, date(2028, 3, 15));
    assert_eq!(due.historical_archive, None);
}

#[test]
fn construction_projects_three_months_after_final_accounts() {
    let mut facts = TransferFacts::new(Retention::Permanent, date(2024, 6, 1));
    facts.final_accounts = Some(date(2024, 11, 30));
    let due = transfer_due(&facts, ArchiveLaw::Law2011).unwrap();
    assert_eq!(due.agency_archive, date(2025, 2, 28));
    // Law 2011 Art. 21: 10 years from the year the work ended.
    assert_eq!(due.historical_archive, Some(date(2034, 12, 31)));
    // Law 2024: 5 years from the year of transfer to the current archive.
    let due = transfer_due(&facts, ArchiveLaw::Law2024).unwrap();
    assert_eq!(due.historical_archive, Some(date(2030, 12, 31)));
    let mut f = facts;
    f.transferred_to_agency = Some(date(2024, 12, 20));
    assert_eq!(
        transfer_due(&f, ArchiveLaw::Law2024)
            .unwrap()
            .historical_archive,
        Some(date(2029, 12, 31))
    );
}

#[test]
fn short_retention_needs_no_transfer() {
    let facts = TransferFacts::new(Retention::years(2).unwrap(), date(2025, 1, 1));
    assert!(!transfer_due(&facts, ArchiveLaw::Law2024).unwrap().required);
}

#[test]
fn law_in_force() {
    assert_eq!(
        ArchiveLaw::in_force_on(date(2025, 6, 30)),
        ArchiveLaw::Law2011
    );
    assert_eq!(
        ArchiveLaw::in_force_on(date(2025, 7, 1)),
        ArchiveLaw::Law2024
    );
}

#[test]
fn the_sample_schedule_reads_and_maps_to_tt05_codes() {
    let s = RetentionSchedule::sample().unwrap();
    assert!(s.in_force_on(date(2020, 1, 1)));
    assert!(!s.in_force_on(date(2023, 2, 1)));
    assert_eq!(
        s.item("1.1").unwrap().retention,
        ScheduledRetention::Fixed(Retention::Permanent)
    );
    assert_eq!(s.item("3.2").unwrap().retention.tt05_code(), 2);
    assert_eq!(s.item("1.4").unwrap().retention.tt05_code(), 7);
    assert_eq!(s.item("1.5").unwrap().retention.tt05_code(), 7);
    let later = RetentionSchedule::from_json(
        r#"{"instrument":"10/2022/TT-BNV","version":"x","effective_from":"2023-02-01","items":[]}"#,
    )
    .unwrap();
    let all = [s.clone(), later.clone()];
    assert_eq!(
        RetentionSchedule::in_force(&all, date(2024, 1, 1)),
        Some(&later)
    );
    assert_eq!(
        RetentionSchedule::in_force(&all, date(2015, 1, 1)),
        Some(&s)
    );
    assert!(RetentionSchedule::from_json("{").is_err());
}

#[test]
fn evaluate_reports_expiry_transfer_and_disposal() {
    use vanthu_archive::retention::{RetentionEvaluation, RetentionInput, evaluate};
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/record.json"
    ))
    .unwrap();
    let input: RetentionInput = serde_json::from_str(&text).unwrap();

    let e = evaluate(&input, date(2021, 6, 1), None).unwrap();
    assert_eq!(e.maintenance, "06");
    assert_eq!(e.law, ArchiveLaw::Law2011);
    assert_eq!(e.work_ended, date(2020, 12, 28));
    assert_eq!(
        e.expiry,
        Expiry::On {
            date: date(2030, 12, 31)
        }
    );
    assert!(!e.expired && !e.transfer_overdue);
    assert_eq!(e.transfer.agency_archive, date(2021, 12, 28));
    assert_eq!(e.disposal.stage, "retained");
    assert!(e.conformant && e.findings.is_empty());

    // After expiry, never transferred: overdue (error) and a candidate (warning).
    let e = evaluate(&input, date(2031, 1, 1), Some(ArchiveLaw::Law2024)).unwrap();
    assert_eq!(e.law, ArchiveLaw::Law2024);
    assert!(e.expired && e.transfer_overdue);
    assert_eq!(e.disposal.stage, "candidate");
    let rules: Vec<_> = e.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["ARCH-XFER-003", "ARCH-DISP-001"]);
    assert!(!e.conformant);
    assert_eq!(e.conformant, vanthu_identifiers::conformant(&e.findings));

    // Transferred in time: not overdue, only the disposal warning; conformant.
    let mut done = input.clone();
    done.transferred_to_agency = Some(date(2021, 10, 1));
    let e = evaluate(&done, date(2031, 1, 1), None).unwrap();
    assert!(!e.transfer_overdue && e.conformant);

    // The result goes through JSON unchanged.
    let json = serde_json::to_string(&e).unwrap();
    let back: RetentionEvaluation = serde_json::from_str(&json).unwrap();
    assert_eq!(back, e);

    // No end date anywhere: an error, not a guess.
    let mut none = input;
    none.record.end_date = None;
    assert!(evaluate(&none, date(2021, 6, 1), None).is_err());
}

#[test]
fn archive_laws_by_year() {
    assert_eq!(ArchiveLaw::from_year(2011), Some(ArchiveLaw::Law2011));
    assert_eq!(ArchiveLaw::from_year(2024), Some(ArchiveLaw::Law2024));
    assert_eq!(ArchiveLaw::from_year(2020), None);
}

/// #15 item 8: a unit may keep a record back, with the head's written
/// consent, up to two years after its due date (Nghị định 30/2020/NĐ-CP
/// Điều 30): the transfer is overdue only after the declared date, and a
/// keep-back beyond two years is itself an error.
#[test]
fn nd30_dieu_30_a_declared_keep_back_moves_the_transfer_deadline() {
    use vanthu_archive::retention::{RetentionInput, evaluate};
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/record.json"
    ))
    .unwrap();
    let input: RetentionInput = serde_json::from_str(&text).unwrap();
    // Due 2021-12-28; without a keep-back, overdue a year later.
    let rules = |input: &RetentionInput, at| {
        evaluate(input, at, None)
            .unwrap()
            .findings
            .iter()
            .map(|f| f.rule.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(rules(&input, date(2022, 6, 1)), ["ARCH-XFER-003"]);
    let mut kept = input.clone();
    kept.kept_back_until = Some(date(2023, 6, 30));
    assert!(rules(&kept, date(2022, 6, 1)).is_empty());
    assert!(rules(&kept, date(2023, 6, 30)).is_empty());
    let late = evaluate(&kept, date(2023, 7, 1), None).unwrap();
    assert_eq!(late.findings[0].rule, "ARCH-XFER-003");
    assert!(
        late.findings[0]
            .message
            .contains("kept back until 2023-06-30")
    );
    assert!(
        late.findings[0]
            .message_vi
            .contains("giữ lại đến 2023-06-30")
    );
    // Two years at most: a later date is an error, and the deadline stays at two years.
    kept.kept_back_until = Some(date(2025, 1, 1));
    assert_eq!(
        evaluate(&kept, date(2022, 6, 1), None)
            .unwrap()
            .transfer
            .keep_back_until,
        date(2023, 12, 28)
    );
    assert_eq!(rules(&kept, date(2022, 6, 1)), ["ARCH-XFER-005"]);
    assert_eq!(
        rules(&kept, date(2024, 1, 2)),
        ["ARCH-XFER-005", "ARCH-XFER-003"]
    );
    // The JSON field reads back.
    let json = serde_json::to_string(&kept).unwrap();
    assert!(json.contains(r#""kept_back_until":"2025-01-01""#));
}
