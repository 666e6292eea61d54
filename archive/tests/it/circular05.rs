//! Circular 05/2025/TT-BNV rules on transfers and packages: electronic
//! records handed over within 60 days; `SIP_hoso` for permanent records.

use std::io::Cursor;

use vanthu_archive::package::{CheckOptions, Profile, check_package};
use vanthu_archive::retention::evaluate;
use vanthu_archive::{ArchiveLaw, RetentionInput, TransferFacts, transfer_due};
use vanthu_identifiers::Retention;

use crate::common::{date, description, pack, record_md, rules};

#[test]
fn electronic_records_are_due_60_days_after_the_work_ended() {
    let mut facts = TransferFacts::new(Retention::Permanent, date(2025, 9, 1));
    let paper = transfer_due(&facts, ArchiveLaw::Law2024).unwrap();
    assert_eq!(paper.agency_archive, date(2026, 9, 1));
    assert!(!paper.electronic);
    facts.electronic = true;
    let due = transfer_due(&facts, ArchiveLaw::Law2024).unwrap();
    assert_eq!(due.agency_archive, date(2025, 10, 31));
    assert_eq!(due.notice, date(2025, 10, 1));
    assert!(due.electronic);
    // Work that ended before the circular came into force keeps Decree 30's year.
    let mut before = TransferFacts::new(Retention::Permanent, date(2025, 6, 30));
    before.electronic = true;
    let due = transfer_due(&before, ArchiveLaw::Law2024).unwrap();
    assert_eq!(due.agency_archive, date(2026, 6, 30));
    assert!(!due.electronic);
}

#[test]
fn a_late_electronic_handover_is_its_own_finding() {
    let mut record = record_md();
    record.end_date = Some(date(2025, 9, 1));
    let mut input = RetentionInput::new(record);
    input.electronic = true;
    let on_time = evaluate(&input, date(2025, 10, 31), None).unwrap();
    assert!(on_time.findings.is_empty());
    let late = evaluate(&input, date(2025, 11, 1), None).unwrap();
    assert!(!late.conformant);
    assert_eq!(
        late.findings
            .iter()
            .map(|f| f.rule.as_str())
            .collect::<Vec<_>>(),
        ["ARCH-XFER-004"]
    );
    assert!(late.findings[0].source.contains("05/2025/TT-BNV"));
    // The same record on paper is not late under Decree 30.
    input.electronic = false;
    assert!(
        evaluate(&input, date(2025, 11, 1), None)
            .unwrap()
            .findings
            .is_empty()
    );
}

#[test]
fn a_sip_hoso_of_a_record_with_a_limited_retention_is_a_finding() {
    let mut limited = description(false);
    limited.record.as_mut().unwrap().retention = Retention::years(20).unwrap();
    let bytes = pack(limited);
    let check = |profile| {
        check_package(
            Cursor::new(&bytes),
            &CheckOptions::default().with_profile(profile),
        )
        .unwrap()
    };
    let report = check(Profile::Tt05);
    assert!(!report.conformant());
    assert_eq!(rules(&report), ["ARCH-PKG-MD-007"]);
    assert!(report.findings[0].message.contains("20 years"));
    assert!(report.findings[0].message_vi.contains("20 năm"));
    // E-ARK alone has no such rule.
    assert!(check(Profile::Sip).conformant());
    // A permanent record's SIP_hoso, and an AIP of a limited record, pass.
    assert!(crate::common::check(&pack(description(false))).conformant());
    let mut aip = description(true);
    aip.record.as_mut().unwrap().retention = Retention::years(20).unwrap();
    assert!(crate::common::check(&pack(aip)).conformant());
}
