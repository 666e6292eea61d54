//! The disposal state machine.

use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;
use vanthu_archive::{
    CouncilDecision, Disposal, DisposalEffect, DisposalEvent, Stage, TransferList, apply,
};
use vanthu_identifiers::RecordCode;

fn at(h: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2031-01-05T{h:02}:00:00+07:00")).unwrap()
}

fn decision(destroy: bool) -> CouncilDecision {
    serde_json::from_value(serde_json::json!({
        "decision": "15/QĐ-UBND", "destroy": destroy, "members": ["A", "B", "C"]
    }))
    .unwrap()
}

fn code() -> RecordCode {
    RecordCode::parse("000.00.18.H40.2020.05.TH").unwrap()
}

#[test]
fn candidate_review_decide_destroy() {
    let s = Disposal::candidate(code());
    let (s, e) = apply(&s, DisposalEvent::StartReview, at(8)).unwrap();
    assert!(matches!(s.stage, Stage::UnderReview { .. }));
    assert!(e.contains(&DisposalEffect::MarkUnderReview));
    let (s, _) = apply(&s, DisposalEvent::Decide(decision(true)), at(9)).unwrap();
    let (s, e) = apply(
        &s,
        DisposalEvent::Destroy {
            method: "xóa vĩnh viễn".into(),
            witnesses: vec!["A".into()],
        },
        at(10),
    )
    .unwrap();
    let Stage::Destroyed { record } = &s.stage else {
        panic!()
    };
    assert_eq!(record.decision, "15/QĐ-UBND");
    assert_eq!(record.at, at(10));
    assert!(e.contains(&DisposalEffect::DeleteContent));
    assert!(
        e.iter()
            .any(|x| matches!(x, DisposalEffect::KeepDestructionRecord(_)))
    );
    assert!(apply(&s, DisposalEvent::StartReview, at(11)).is_err());
}

#[test]
fn holds_block_decisions_and_destruction() {
    let s = Disposal::candidate(code());
    let (s, _) = apply(&s, DisposalEvent::StartReview, at(8)).unwrap();
    let hold = DisposalEvent::PlaceHold {
        id: "TT-1".into(),
        reason: "thanh tra".into(),
    };
    let (s, _) = apply(&s, hold.clone(), at(9)).unwrap();
    assert!(apply(&s, hold, at(9)).is_err());
    assert!(apply(&s, DisposalEvent::Decide(decision(true)), at(10)).is_err());
    let (s, _) = apply(&s, DisposalEvent::ReleaseHold { id: "TT-1".into() }, at(11)).unwrap();
    let (s, _) = apply(&s, DisposalEvent::Decide(decision(true)), at(12)).unwrap();
    let (s, _) = apply(
        &s,
        DisposalEvent::PlaceHold {
            id: "KT".into(),
            reason: "kiểm toán".into(),
        },
        at(13),
    )
    .unwrap();
    let destroy = DisposalEvent::Destroy {
        method: "m".into(),
        witnesses: vec![],
    };
    assert!(apply(&s, destroy, at(14)).is_err());
    assert!(apply(&s, DisposalEvent::ReleaseHold { id: "nope".into() }, at(14)).is_err());
}

#[test]
fn keeping_is_final_and_destruction_needs_approval() {
    let s = Disposal::candidate(code());
    let destroy = DisposalEvent::Destroy {
        method: "m".into(),
        witnesses: vec![],
    };
    assert!(apply(&s, destroy.clone(), at(8)).is_err());
    assert!(apply(&s, DisposalEvent::Decide(decision(true)), at(8)).is_err());
    let (s, _) = apply(&s, DisposalEvent::StartReview, at(8)).unwrap();
    let (s, _) = apply(&s, DisposalEvent::Decide(decision(false)), at(9)).unwrap();
    assert!(matches!(s.stage, Stage::Kept { .. }));
    assert!(apply(&s, destroy, at(10)).is_err());
}

fn event() -> impl Strategy<Value = DisposalEvent> {
    prop_oneof![
        Just(DisposalEvent::StartReview),
        any::<bool>().prop_map(|d| DisposalEvent::Decide(decision(d))),
        Just(DisposalEvent::Destroy {
            method: "m".into(),
            witnesses: vec![]
        }),
        (0u8..3).prop_map(|i| DisposalEvent::PlaceHold {
            id: i.to_string(),
            reason: "r".into()
        }),
        (0u8..3).prop_map(|i| DisposalEvent::ReleaseHold { id: i.to_string() }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    /// No sequence of events destroys a record that is on hold, or one that
    /// was not approved by a council decision after review.
    #[test]
    fn destruction_only_after_approval_and_without_holds(events in prop::collection::vec(event(), 0..20)) {
        let mut s = Disposal::candidate(code());
        for (i, e) in events.into_iter().enumerate() {
            let before = s.clone();
            if let Ok((next, _)) = apply(&s, e, at(u32::try_from(i % 24).unwrap())) {
                if matches!(next.stage, Stage::Destroyed { .. }) {
                    let approved = matches!(before.stage, Stage::ApprovedForDestruction { .. });
                    prop_assert!(approved);
                    prop_assert!(before.holds.is_empty());
                }
                s = next;
            } else {
                // A refused event leaves the state as it was.
                prop_assert_eq!(&s, &before);
            }
        }
    }
}

#[test]
fn transfer_list_skips_open_and_short_records() {
    use vanthu_archive::{Closing, Heading, HeadingLevel, ListEntry, Records, RecordsList};
    use vanthu_identifiers::{AgencyId, Retention};
    let mut l = RecordsList::new(AgencyId::parse("000.00.18.H40").unwrap(), 2025);
    let mut th = Heading::new(HeadingLevel::Major, "I", "Tổng hợp", Some("TH"));
    th.entries
        .push(ListEntry::new("01.TH", "A", Retention::Permanent, "X"));
    th.entries.push(ListEntry::new(
        "02.TH",
        "B",
        Retention::years(2).unwrap(),
        "X",
    ));
    th.entries.push(ListEntry::new(
        "03.TH",
        "C",
        Retention::years(10).unwrap(),
        "X",
    ));
    l.headings.push(th);
    let mut rs = Records::new();
    let d = crate::common::date(2025, 1, 1);
    for n in ["01.TH", "02.TH", "03.TH"] {
        rs.open_listed(&l, n, d).unwrap();
    }
    rs.add_document("x", crate::common::doc(1, 2)).unwrap();
    let c1 = l.record_code("01.TH").unwrap();
    let c2 = l.record_code("02.TH").unwrap();
    rs.file(&c1, "x").unwrap();
    rs.file(&c2, "x").unwrap();
    rs.close(&c1, Closing::default(), crate::common::date(2025, 12, 31))
        .unwrap();
    rs.close(&c2, Closing::default(), crate::common::date(2025, 12, 31))
        .unwrap();
    // 02.TH (2 years, ended 2025) is a disposal candidate from 2028; 01.TH is permanent.
    assert!(
        vanthu_archive::candidates(rs.records.values(), crate::common::date(2027, 12, 31))
            .is_empty()
    );
    let due = vanthu_archive::candidates(rs.records.values(), crate::common::date(2028, 1, 1));
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].record, c2);
    let (list, findings) = TransferList::from_records("Văn phòng", rs.records.values());
    assert_eq!(list.rows.len(), 1);
    assert_eq!(list.rows[0].notation, "01.TH");
    let rules: Vec<_> = findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, vec!["ARCH-XFER-002", "ARCH-XFER-001"]);
    let h = vanthu_archive::HandoverRecord::new(
        "Phông UBND tỉnh",
        "Lưu trữ cơ quan",
        crate::common::date(2026, 3, 1),
        4,
        list,
    );
    assert_eq!(h.records, 1);
    assert_eq!(h.span_start, Some(crate::common::date(2025, 1, 1)));
}
