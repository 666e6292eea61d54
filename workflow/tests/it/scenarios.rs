//! Scenario tests, one per rule, each named after the text and article it
//! enforces (the texts are described in `docs/workflow.md`).

use vanthu_identifiers::{DocumentId, DocumentNumber, DocumentType};
use vanthu_workflow::calendar::{DeadlineRules, WorkingCalendar};
use vanthu_workflow::incoming::{ChangeKind, Handler, IncomingEvent, IncomingStatus};
use vanthu_workflow::monitor::{missed_deadlines, pending_deadlines};
use vanthu_workflow::outgoing::{DeliveryState, OutgoingEvent, OutgoingStatus};
use vanthu_workflow::{
    Assignee, Business, DeadlineKind, Delegation, DuplicateReason, Effect, Event, RegisterKind,
    Role, WorkflowErrorKind,
};

use crate::support::*;

fn calendar() -> WorkingCalendar {
    WorkingCalendar::vietnam(2024..=2027).unwrap()
}

#[test]
fn nam_dinh_2021_dieu_6_arrival_sends_01_and_sets_the_acknowledge_deadline() {
    let mut office = office();
    let effects = run(
        &mut office,
        &[("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX"))],
    );
    assert_eq!(
        status_codes(&effects),
        [("01".to_owned(), SENDER.to_owned())]
    );
    assert!(effects.iter().any(|e| matches!(e,
        Effect::SetDeadline(d) if d.kind == DeadlineKind::Acknowledge)));
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert_eq!(doc.status, IncomingStatus::Arrived);
    // The same case id cannot arrive twice.
    let error = refused(
        &mut office,
        "2025-03-03T09:05:00+07:00",
        &arrived("IN-1", "124/UBND-VX"),
    );
    assert_eq!(error.rule_id(), "WF-IN-001");
}

#[test]
fn nam_dinh_2021_dieu_9_2_invalid_document_is_returned_with_a_reason() {
    let mut office = office();
    run(
        &mut office,
        &[("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX"))],
    );
    let empty = inc(
        "IN-1",
        IncomingEvent::Returned {
            by: id("clerk"),
            reason: "  ".to_owned(),
        },
    );
    let error = refused(&mut office, "2025-03-03T09:10:00+07:00", &empty);
    assert_eq!(error.rule_id(), "WF-IN-002");
    assert!(
        error
            .source_article()
            .contains("Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 9 khoản 2")
    );
    assert!(matches!(
        error.kind(),
        WorkflowErrorKind::MissingField { field: "reason" }
    ));
    let effects = run(
        &mut office,
        &[(
            "2025-03-03T09:10:00+07:00",
            inc(
                "IN-1",
                IncomingEvent::Returned {
                    by: id("clerk"),
                    reason: "Gửi nhầm nơi nhận".to_owned(),
                },
            ),
        )],
    );
    let Some(Effect::SendStatus(notice)) = effects.first() else {
        panic!("{effects:?}")
    };
    assert_eq!(notice.code.as_str(), "02");
    assert_eq!(notice.description, "Gửi nhầm nơi nhận");
    assert_eq!(
        notice.staff.as_ref().unwrap().staff_info().staff.as_deref(),
        Some("Nguyễn Thị Văn Thư")
    );
    // Returned is terminal: no registration afterwards, and no number was used.
    let error = refused(
        &mut office,
        "2025-03-03T09:20:00+07:00",
        &registered("IN-1"),
    );
    assert!(matches!(
        error.kind(),
        WorkflowErrorKind::IllegalTransition {
            state: "returned",
            ..
        }
    ));
    assert!(office.registers().get(&RegisterKind::Incoming).is_none());
}

#[test]
fn hcm_2021_dieu_10_1_c_receipt_is_acknowledged_the_same_day() {
    let cal = calendar();
    let rules = DeadlineRules::default();
    let mut office = office();
    run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T16:00:00+07:00", arrived("IN-2", "124/UBND-VX")),
            ("2025-03-03T16:30:00+07:00", registered("IN-1")),
        ],
    );
    let pending = pending_deadlines(&office, &cal, &rules).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].due.to_rfc3339(), "2025-03-03T17:00:00+07:00");
    // IN-2 registered the next morning: the same-day rule was missed.
    run(
        &mut office,
        &[("2025-03-04T08:00:00+07:00", registered("IN-2"))],
    );
    let missed = missed_deadlines(&office, &cal, &rules, t("2025-03-04T09:00:00+07:00")).unwrap();
    assert_eq!(missed.len(), 1);
    assert_eq!(missed[0].case, case("IN-2"));
    assert_eq!(missed[0].kind, DeadlineKind::Acknowledge);
}

#[test]
fn nam_dinh_2021_dieu_5_2_urgent_incoming_is_handled_immediately() {
    let cal = calendar();
    let mut office = office();
    let event = inc(
        "IN-U",
        IncomingEvent::Arrived {
            paper: false,
            from: agency(SENDER),
            meta: urgent(meta("09/UBND-VX", "Hỏa tốc")),
        },
    );
    run(&mut office, &[("2025-03-03T09:00:00+07:00", event)]);
    let rules = DeadlineRules::default();
    let pending = pending_deadlines(&office, &cal, &rules).unwrap();
    // Immediately = the configurable urgent bound (2 h by default).
    assert_eq!(pending[0].due.to_rfc3339(), "2025-03-03T11:00:00+07:00");
    let rules = rules.urgent_bound(chrono::TimeDelta::minutes(30));
    let pending = pending_deadlines(&office, &cal, &rules).unwrap();
    assert_eq!(pending[0].due.to_rfc3339(), "2025-03-03T09:30:00+07:00");
}

#[test]
fn hcm_2021_dieu_10_2_registration_numbers_start_at_01_each_year() {
    let mut office = office();
    let effects = run(
        &mut office,
        &[
            ("2025-12-31T16:00:00+07:00", arrived("IN-1", "01/UBND-VX")),
            ("2025-12-31T16:10:00+07:00", registered("IN-1")),
            ("2025-12-31T16:20:00+07:00", arrived("IN-2", "02/UBND-VX")),
            ("2025-12-31T16:30:00+07:00", registered("IN-2")),
            // 17:30 UTC on 31 December is already 1 January in Vietnam.
            ("2025-12-31T17:30:00+00:00", arrived("IN-3", "03/UBND-VX")),
            ("2025-12-31T17:40:00+00:00", registered("IN-3")),
        ],
    );
    let numbers = register_numbers(&effects);
    assert_eq!(numbers, [(2025, 1), (2025, 2), (2026, 1)]);
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert_eq!(doc.registration.as_ref().unwrap().number_text(), "01");
    assert_eq!(
        status_codes(&effects)
            .iter()
            .filter(|(c, _)| c == "03")
            .count(),
        3
    );
}

/// The (year, number) of every register entry written, in order.
fn register_numbers(effects: &[Effect]) -> Vec<(i32, u32)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::WriteRegister(entry) => Some((entry.year, entry.number)),
            _ => None,
        })
        .collect()
}

/// The register is one series shared by paper and the electronic form
/// (Nghị định 30/2020/NĐ-CP Điều 15 khoản 1, Điều 22 khoản 2): a register that takes over mid-year continues after the
/// numbers already given, and the next year starts at 01 again.
#[test]
fn nghi_dinh_30_dieu_15_a_register_opened_mid_year_continues_the_series() {
    let mut office = office();
    let opened = |last_number| Event::RegisterOpened {
        register: RegisterKind::Incoming,
        last_number,
    };
    let mut effects = run(
        &mut office,
        &[
            // Taken over on 1 July after 120 numbers given on paper; corrected
            // to 125 before the first number is given.
            ("2025-07-01T07:30:00+07:00", opened(120)),
            ("2025-07-01T07:35:00+07:00", opened(125)),
            ("2025-07-01T08:00:00+07:00", arrived("IN-1", "01/UBND-VX")),
            ("2025-07-01T08:10:00+07:00", registered("IN-1")),
        ],
    );
    // Once a number is given that year, reopening would renumber: refused.
    let e = refused(&mut office, "2025-07-01T09:00:00+07:00", &opened(10));
    assert_eq!(e.rule_id(), "WF-REG-001");
    assert!(matches!(
        e.kind(),
        WorkflowErrorKind::AlreadyNumbered { year: 2025, .. }
    ));
    effects.extend(run(
        &mut office,
        &[
            ("2025-07-02T08:00:00+07:00", arrived("IN-2", "02/UBND-VX")),
            ("2025-07-02T08:10:00+07:00", registered("IN-2")),
            ("2026-01-02T08:00:00+07:00", arrived("IN-3", "03/UBND-VX")),
            ("2026-01-02T08:10:00+07:00", registered("IN-3")),
        ],
    ));
    let numbers = register_numbers(&effects);
    assert_eq!(numbers, [(2025, 126), (2025, 127), (2026, 1)]);
    let register = office.registers().get(&RegisterKind::Incoming).unwrap();
    assert_eq!(register.openings().len(), 1);
    assert_eq!(register.openings()[0].last_number, 125);
    // A past year cannot be opened once a later year has numbers.
    let e = refused(&mut office, "2026-01-03T08:00:00+07:00", &opened(0));
    assert!(matches!(
        e.kind(),
        WorkflowErrorKind::AlreadyNumbered { year: 2026, .. }
    ));
    // The opening survives serialisation of the state.
    let json = serde_json::to_string(&office).unwrap();
    let back: vanthu_workflow::Office = serde_json::from_str(&json).unwrap();
    assert_eq!(back, office);
}

#[test]
fn quang_nam_2019_dieu_9_3_duplicate_warning_for_the_same_document_id() {
    let mut office = office();
    let effects = run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-03T10:00:00+07:00", arrived("IN-2", "123/UBND-VX")),
            ("2025-03-03T10:10:00+07:00", registered("IN-2")),
        ],
    );
    let warning = effects.iter().find_map(|e| match e {
        Effect::DuplicateWarning {
            case,
            duplicate_of,
            reason,
        } => Some((case, duplicate_of, reason)),
        _ => None,
    });
    let (new, old, reason) = warning.unwrap();
    assert_eq!((new, old), (&case("IN-2"), &case("IN-1")));
    assert!(matches!(reason, DuplicateReason::DocumentId { .. }));
    assert_eq!(
        office.incoming(&case("IN-2")).unwrap().duplicate_of,
        [case("IN-1")]
    );
}

#[test]
fn quang_nam_2019_dieu_9_3_duplicate_warning_for_number_symbol_and_issuer_after_normalisation() {
    let mut office = office();
    let mut first = meta("45/SLĐTBXH-VL", "A");
    first.document_id = None;
    let mut second = first.clone();
    // Decomposed (NFD) text and another letter case: the same document.
    second.number = Some(DocumentNumber::parse("45/SLĐTBXH-VL").unwrap());
    second.issuer = "VĂN PHÒNG  UBND TỈNH NAM ĐỊNH".chars().collect::<String>();
    second.issuer = unicode_nfd(&second.issuer);
    run(
        &mut office,
        &[
            (
                "2025-03-03T09:00:00+07:00",
                inc(
                    "IN-1",
                    IncomingEvent::Arrived {
                        paper: false,
                        from: agency(SENDER),
                        meta: first,
                    },
                ),
            ),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            (
                "2025-03-03T10:00:00+07:00",
                inc(
                    "IN-2",
                    IncomingEvent::Arrived {
                        paper: false,
                        from: agency(SENDER),
                        meta: second,
                    },
                ),
            ),
        ],
    );
    let effects = run(
        &mut office,
        &[("2025-03-03T10:10:00+07:00", registered("IN-2"))],
    );
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::DuplicateWarning {
            reason: DuplicateReason::NumberAndIssuer { .. },
            ..
        }
    )));
    // A different number is no duplicate.
    let mut third = meta("46/SLĐTBXH-VL", "B");
    third.document_id = None;
    run(
        &mut office,
        &[(
            "2025-03-03T11:00:00+07:00",
            inc(
                "IN-3",
                IncomingEvent::Arrived {
                    paper: false,
                    from: agency(SENDER),
                    meta: third,
                },
            ),
        )],
    );
    let effects = run(
        &mut office,
        &[("2025-03-03T11:10:00+07:00", registered("IN-3"))],
    );
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::DuplicateWarning { .. }))
    );
}

fn unicode_nfd(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().collect()
}

#[test]
fn quang_nam_2019_dieu_9_3_paper_copy_keeps_the_electronic_arrival_number() {
    let mut office = office();
    let paper = inc("IN-1", IncomingEvent::PaperCopyReceived { by: id("clerk") });
    run(
        &mut office,
        &[("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX"))],
    );
    let error = refused(&mut office, "2025-03-03T09:05:00+07:00", &paper);
    assert_eq!(error.rule_id(), "WF-IN-008");
    let effects = run(
        &mut office,
        &[
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-05T09:00:00+07:00", paper.clone()),
        ],
    );
    let writes = effects
        .iter()
        .filter(|e| matches!(e, Effect::WriteRegister(_)))
        .count();
    assert_eq!(writes, 1, "the paper copy takes no new number");
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert!(doc.paper_received_at.is_some());
    assert_eq!(doc.registration.as_ref().unwrap().number, 1);
    let error = refused(&mut office, "2025-03-05T09:10:00+07:00", &paper);
    assert_eq!(error.rule_id(), "WF-IN-008");
}

#[test]
fn hcm_2021_dieu_10_3_leader_assigns_lead_and_cooperating_units_each_with_a_deadline() {
    let mut office = office();
    run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
        ],
    );
    // The clerk may not assign.
    let by_clerk = inc(
        "IN-1",
        IncomingEvent::Assigned {
            by: id("clerk"),
            lead: Handler::new(
                Assignee::Unit("Phòng Việc làm".to_owned()),
                t("2025-03-10T17:00:00+07:00"),
            ),
            cooperating: vec![],
            direction: "Xử lý".to_owned(),
        },
    );
    let error = refused(&mut office, "2025-03-03T10:00:00+07:00", &by_clerk);
    assert!(matches!(
        error.kind(),
        WorkflowErrorKind::NotAuthorised { .. }
    ));
    // The lead cannot also be a co-operating unit.
    let twice = inc(
        "IN-1",
        IncomingEvent::Assigned {
            by: id("director"),
            lead: Handler::new(
                Assignee::Unit("A".to_owned()),
                t("2025-03-10T17:00:00+07:00"),
            ),
            cooperating: vec![Handler::new(
                Assignee::Unit("A".to_owned()),
                t("2025-03-10T17:00:00+07:00"),
            )],
            direction: "Xử lý".to_owned(),
        },
    );
    assert_eq!(
        refused(&mut office, "2025-03-03T10:00:00+07:00", &twice).rule_id(),
        "WF-IN-004"
    );
    let effects = run(
        &mut office,
        &[(
            "2025-03-03T10:00:00+07:00",
            assigned("IN-1", "2025-03-10T17:00:00+07:00"),
        )],
    );
    assert_eq!(
        status_codes(&effects),
        [("04".to_owned(), SENDER.to_owned())]
    );
    let deadlines: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::SetDeadline(d) => d.assignee.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(
        deadlines,
        [
            Assignee::Unit("Phòng Việc làm".to_owned()),
            Assignee::Unit("Phòng Lao động".to_owned())
        ]
    );
    assert_eq!(
        effects
            .iter()
            .filter(|e| matches!(e, Effect::NotifyUnit { .. }))
            .count(),
        2
    );
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert_eq!(doc.status, IncomingStatus::Assigned);
    assert_eq!(doc.assignment.as_ref().unwrap().cooperating.len(), 1);
}

#[test]
fn quang_nam_2019_dieu_14_handling_sends_05_then_06() {
    let mut office = office();
    run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
        ],
    );
    let done = inc(
        "IN-1",
        IncomingEvent::Completed {
            by: id("spec"),
            reply: None,
        },
    );
    assert_eq!(
        refused(&mut office, "2025-03-03T09:20:00+07:00", &done).rule_id(),
        "WF-IN-005"
    );
    let effects = run(
        &mut office,
        &[
            (
                "2025-03-03T10:00:00+07:00",
                assigned("IN-1", "2025-03-10T17:00:00+07:00"),
            ),
            (
                "2025-03-04T08:00:00+07:00",
                inc("IN-1", IncomingEvent::ProcessingStarted { by: id("spec") }),
            ),
            ("2025-03-05T15:00:00+07:00", done),
        ],
    );
    let codes: Vec<String> = status_codes(&effects).into_iter().map(|(c, _)| c).collect();
    assert_eq!(codes, ["04", "05", "06"]);
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert_eq!(doc.status, IncomingStatus::Completed);
    assert!(!doc.is_overdue(t("2025-04-01T00:00:00+07:00")));
}

#[test]
fn nam_dinh_2021_dieu_9_4_agreed_recall_cancels_the_document_and_keeps_the_recall_metadata() {
    let mut office = office();
    let effects = run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            (
                "2025-03-03T11:00:00+07:00",
                inc(
                    "IN-1",
                    IncomingEvent::RecallRequested {
                        reason: "Sai nội dung".to_owned(),
                    },
                ),
            ),
            (
                "2025-03-03T11:10:00+07:00",
                inc(
                    "IN-1",
                    IncomingEvent::ChangeAnswered {
                        by: id("clerk"),
                        agree: true,
                        reason: None,
                    },
                ),
            ),
        ],
    );
    assert_eq!(status_codes(&effects).last().unwrap().0, "15");
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert_eq!(doc.status, IncomingStatus::Cancelled);
    assert_eq!(doc.changes.len(), 1);
    assert_eq!(doc.changes[0].kind, ChangeKind::Recall);
    assert_eq!(doc.changes[0].reason, "Sai nội dung");
    assert_eq!(doc.changes[0].agreed, Some(true));
    // The number is kept (no reuse) and nothing more can happen.
    assert_eq!(doc.registration.as_ref().unwrap().number, 1);
    let error = refused(
        &mut office,
        "2025-03-03T12:00:00+07:00",
        &assigned("IN-1", "2025-03-10T17:00:00+07:00"),
    );
    assert!(matches!(
        error.kind(),
        WorkflowErrorKind::IllegalTransition {
            state: "cancelled",
            ..
        }
    ));
}

#[test]
fn nghi_dinh_30_dieu_18_4_refused_recall_sends_16_with_a_reason_and_keeps_the_document() {
    let mut office = office();
    run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            (
                "2025-03-03T11:00:00+07:00",
                inc(
                    "IN-1",
                    IncomingEvent::RecallRequested {
                        reason: "Sai".to_owned(),
                    },
                ),
            ),
        ],
    );
    let silent = inc(
        "IN-1",
        IncomingEvent::ChangeAnswered {
            by: id("clerk"),
            agree: false,
            reason: None,
        },
    );
    assert_eq!(
        refused(&mut office, "2025-03-03T11:10:00+07:00", &silent).rule_id(),
        "WF-IN-006"
    );
    let effects = run(
        &mut office,
        &[(
            "2025-03-03T11:10:00+07:00",
            inc(
                "IN-1",
                IncomingEvent::ChangeAnswered {
                    by: id("clerk"),
                    agree: false,
                    reason: Some("Đã xử lý xong".to_owned()),
                },
            ),
        )],
    );
    assert_eq!(
        status_codes(&effects),
        [("16".to_owned(), SENDER.to_owned())]
    );
    assert_eq!(
        office.incoming(&case("IN-1")).unwrap().status,
        IncomingStatus::Registered
    );
    // No pending request is left to answer.
    let again = inc(
        "IN-1",
        IncomingEvent::ChangeAnswered {
            by: id("clerk"),
            agree: true,
            reason: None,
        },
    );
    assert_eq!(
        refused(&mut office, "2025-03-03T11:20:00+07:00", &again).rule_id(),
        "WF-IN-007"
    );
}

#[test]
fn edxml_business_types_2_and_3_update_and_replacement_are_answered_15_or_16() {
    let mut office = office();
    run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
        ],
    );
    let no_id = inc(
        "IN-1",
        IncomingEvent::ChangeReceived {
            kind: ChangeKind::Replace,
            reason: "Thay".to_owned(),
            replacement: None,
            meta: None,
        },
    );
    assert_eq!(
        refused(&mut office, "2025-03-03T10:00:00+07:00", &no_id).rule_id(),
        "WF-IN-007"
    );
    let new_meta = meta("123/UBND-VX", "Trích yếu đã sửa");
    run(
        &mut office,
        &[
            (
                "2025-03-03T10:00:00+07:00",
                inc(
                    "IN-1",
                    IncomingEvent::ChangeReceived {
                        kind: ChangeKind::Update,
                        reason: "Sửa trích yếu".to_owned(),
                        replacement: None,
                        meta: Some(new_meta),
                    },
                ),
            ),
            (
                "2025-03-03T10:10:00+07:00",
                inc(
                    "IN-1",
                    IncomingEvent::ChangeAnswered {
                        by: id("clerk"),
                        agree: true,
                        reason: None,
                    },
                ),
            ),
        ],
    );
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert_eq!(
        (doc.version, doc.meta.subject.as_str()),
        (2, "Trích yếu đã sửa")
    );
    let replacement = DocumentId::parse(&format!("{SENDER},2025/03/04,130/UBND-VX")).unwrap();
    let effects = run(
        &mut office,
        &[
            (
                "2025-03-04T10:00:00+07:00",
                inc(
                    "IN-1",
                    IncomingEvent::ChangeReceived {
                        kind: ChangeKind::Replace,
                        reason: "Thay thế".to_owned(),
                        replacement: Some(replacement.clone()),
                        meta: None,
                    },
                ),
            ),
            (
                "2025-03-04T10:10:00+07:00",
                inc(
                    "IN-1",
                    IncomingEvent::ChangeAnswered {
                        by: id("clerk"),
                        agree: true,
                        reason: None,
                    },
                ),
            ),
        ],
    );
    assert_eq!(
        status_codes(&effects),
        [("15".to_owned(), SENDER.to_owned())]
    );
    assert_eq!(
        office.incoming(&case("IN-1")).unwrap().replaced_by,
        Some(replacement)
    );
}

#[test]
fn hcm_2021_dieu_13_3_a_disabled_account_cannot_act_but_stays_in_the_history() {
    let mut office = office();
    run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-03T09:20:00+07:00", arrived("IN-2", "124/UBND-VX")),
            (
                "2025-03-04T07:00:00+07:00",
                Event::ActorDisabled { actor: id("clerk") },
            ),
        ],
    );
    // From the very instant of the disabling on.
    for at in ["2025-03-04T07:00:00+07:00", "2025-03-04T08:00:00+07:00"] {
        let error = refused(&mut office, at, &registered("IN-2"));
        assert_eq!(error.rule_id(), "WF-ACT-001", "{at}");
    }
    let error = refused(
        &mut office,
        "2025-03-04T08:00:00+07:00",
        &registered("IN-2"),
    );
    assert_eq!(error.rule_id(), "WF-ACT-001");
    assert!(matches!(
        error.kind(),
        WorkflowErrorKind::DisabledActor { .. }
    ));
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert_eq!(doc.history[1].by.as_ref().unwrap().actor, id("clerk"));
    assert!(
        office
            .directory()
            .actor(&id("clerk"))
            .unwrap()
            .disabled_at
            .is_some()
    );
    // Accounts are never deleted nor reused.
    let again = Event::ActorAdded {
        actor: staff().remove(0),
    };
    assert_eq!(
        refused(&mut office, "2025-03-04T08:00:00+07:00", &again).rule_id(),
        "WF-ACT-001"
    );
}

#[test]
fn quang_nam_2019_dieu_17_4_delegation_is_valid_only_within_its_window() {
    let mut office = office();
    let mut events = ready_to_issue("OUT-1");
    events.truncate(3); // drafted, submitted, approved
    run(&mut office, &events);
    run(
        &mut office,
        &[(
            "2025-03-03T09:10:00+07:00",
            Event::Delegated {
                delegation: Delegation::new(
                    id("director"),
                    id("deputy"),
                    Role::AgencyLeader,
                    t("2025-03-03T12:00:00+07:00"),
                    t("2025-03-04T00:00:00+07:00"),
                ),
            },
        )],
    );
    let sign = out(
        "OUT-1",
        OutgoingEvent::Signed {
            by: id("deputy"),
            valid: true,
        },
    );
    let error = refused(&mut office, "2025-03-03T10:00:00+07:00", &sign);
    assert_eq!(error.rule_id(), "WF-ACT-002");
    run(&mut office, &[("2025-03-03T13:00:00+07:00", sign)]);
    let doc = office.outgoing(&case("OUT-1")).unwrap();
    let signer = doc.signer.as_ref().unwrap();
    assert_eq!(
        (
            signer.actor.as_str(),
            signer.on_behalf_of.as_ref().map(|a| a.as_str())
        ),
        ("deputy", Some("director"))
    );
    // A delegation only from someone who holds the role.
    let bogus = Event::Delegated {
        delegation: Delegation::new(
            id("spec"),
            id("spec2"),
            Role::AgencyLeader,
            t("2025-03-03T12:00:00+07:00"),
            t("2025-03-04T00:00:00+07:00"),
        ),
    };
    assert_eq!(
        refused(&mut office, "2025-03-03T14:00:00+07:00", &bogus).rule_id(),
        "WF-ACT-002"
    );
}

#[test]
fn hcm_2021_dieu_11_1_drafts_are_submitted_by_their_drafter_and_may_be_returned_for_revision() {
    let mut office = office();
    let events = ready_to_issue("OUT-1");
    run(&mut office, &events[..1]);
    let by_other = out("OUT-1", OutgoingEvent::Submitted { by: id("spec2") });
    assert_eq!(
        refused(&mut office, "2025-03-03T08:20:00+07:00", &by_other).rule_id(),
        "WF-OUT-001"
    );
    run(
        &mut office,
        &[
            (
                "2025-03-03T08:30:00+07:00",
                out("OUT-1", OutgoingEvent::Submitted { by: id("spec") }),
            ),
            (
                "2025-03-03T08:40:00+07:00",
                out(
                    "OUT-1",
                    OutgoingEvent::ReturnedForRevision {
                        by: id("head"),
                        comment: "Bổ sung số liệu".to_owned(),
                    },
                ),
            ),
        ],
    );
    let doc = office.outgoing(&case("OUT-1")).unwrap();
    assert_eq!((doc.status, doc.revisions), (OutgoingStatus::Draft, 1));
    // Signing a draft is not allowed.
    let sign = out(
        "OUT-1",
        OutgoingEvent::Signed {
            by: id("director"),
            valid: true,
        },
    );
    assert_eq!(
        refused(&mut office, "2025-03-03T09:00:00+07:00", &sign).rule_id(),
        "WF-OUT-002"
    );
}

#[test]
fn nam_dinh_2021_dieu_17_4_c_the_agency_signs_only_after_the_competent_person() {
    let mut office = office();
    let events = ready_to_issue("OUT-1");
    run(&mut office, &events[..3]);
    let agency_sign = out(
        "OUT-1",
        OutgoingEvent::AgencySigned {
            by: id("clerk"),
            valid: true,
        },
    );
    let error = refused(&mut office, "2025-03-03T09:30:00+07:00", &agency_sign);
    assert_eq!(error.rule_id(), "WF-OUT-004");
    assert!(error.source_article().contains("Điều 17 khoản 4 điểm c"));
    // The specialist cannot sign as the competent person.
    let sign = out(
        "OUT-1",
        OutgoingEvent::Signed {
            by: id("spec"),
            valid: true,
        },
    );
    assert!(matches!(
        refused(&mut office, "2025-03-03T09:40:00+07:00", &sign).kind(),
        WorkflowErrorKind::NotAuthorised { .. }
    ));
}

#[test]
fn nam_dinh_2021_dieu_13_2_number_and_date_come_from_the_register_with_separate_series() {
    let mut office = office();
    run(&mut office, &ready_to_issue("OUT-1"));
    run(&mut office, &on("2025-03-04", ready_to_issue("OUT-2")));
    let mut tt = on("2025-03-05", ready_to_issue("OUT-3"));
    if let (
        _,
        Event::Outgoing {
            event:
                OutgoingEvent::Drafted {
                    document_type,
                    symbol,
                    ..
                },
            ..
        },
    ) = &mut tt[0]
    {
        *document_type = Some(DocumentType::Circular);
        *symbol = "2025/TT-BLĐTBXH".to_owned();
    }
    run(&mut office, &tt);
    let number = |c: &str| {
        office
            .outgoing(&case(c))
            .unwrap()
            .registration
            .clone()
            .unwrap()
    };
    assert_eq!((number("OUT-1").number, number("OUT-2").number), (1, 2));
    assert_eq!(number("OUT-3").number, 1);
    assert_eq!(
        number("OUT-3").register,
        RegisterKind::LegalNormative("TT".to_owned())
    );
    assert_eq!(
        office
            .outgoing(&case("OUT-2"))
            .unwrap()
            .number_and_symbol()
            .unwrap(),
        "02/LĐTBXH-VL"
    );
    // A legal-normative document cannot take a number from the ordinary register.
    let mut wrong = on("2025-03-06", ready_to_issue("OUT-4"));
    if let (
        _,
        Event::Outgoing {
            event: OutgoingEvent::Drafted { document_type, .. },
            ..
        },
    ) = &mut wrong[0]
    {
        *document_type = Some(DocumentType::Circular);
    }
    run(&mut office, &wrong[..4]);
    let numbered = out(
        "OUT-4",
        OutgoingEvent::Numbered {
            by: id("clerk"),
            register: Some(RegisterKind::Outgoing),
        },
    );
    assert_eq!(
        refused(&mut office, "2025-03-06T10:15:00+07:00", &numbered).rule_id(),
        "WF-OUT-003"
    );
}

#[test]
fn hcm_2017_phu_nhuan_2018_phu_luc_2_iii_2_never_issue_twice_to_the_same_recipient() {
    let mut office = office();
    run(&mut office, &ready_to_issue("OUT-1"));
    let issue = |to: &[&str]| {
        out(
            "OUT-1",
            OutgoingEvent::Issued {
                by: id("clerk"),
                recipients: to.iter().map(|a| agency(a)).collect(),
            },
        )
    };
    let repeated = issue(&[SENDER, SENDER]);
    assert_eq!(
        refused(&mut office, "2025-03-03T10:30:00+07:00", &repeated).rule_id(),
        "WF-OUT-005"
    );
    let effects = run(
        &mut office,
        &[("2025-03-03T10:30:00+07:00", issue(&[SENDER]))],
    );
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::SendDocument {
            business: Business::New,
            ..
        }
    )));
    let error = refused(
        &mut office,
        "2025-03-03T10:40:00+07:00",
        &issue(&[OTHER, SENDER]),
    );
    assert!(matches!(
        error.kind(),
        WorkflowErrorKind::AlreadyIssuedTo { .. }
    ));
    // A new recipient may be added later; one that refused (02) may be sent to again.
    run(
        &mut office,
        &[
            ("2025-03-03T10:50:00+07:00", issue(&[OTHER])),
            (
                "2025-03-03T11:00:00+07:00",
                out(
                    "OUT-1",
                    OutgoingEvent::StatusReceived {
                        from: agency(OTHER),
                        code: vanthu_identifiers::StatusCode::Rejected,
                        description: Some("Sai".to_owned()),
                    },
                ),
            ),
            ("2025-03-03T11:10:00+07:00", issue(&[OTHER])),
        ],
    );
    assert_eq!(office.outgoing(&case("OUT-1")).unwrap().deliveries.len(), 2);
}

#[test]
fn quang_nam_2019_dieu_14_delivery_state_follows_the_status_packages() {
    use vanthu_identifiers::StatusCode;
    let mut office = office();
    run(&mut office, &ready_to_issue("OUT-1"));
    let status = |from: &str, code: StatusCode| {
        out(
            "OUT-1",
            OutgoingEvent::StatusReceived {
                from: agency(from),
                code,
                description: None,
            },
        )
    };
    assert_eq!(
        refused(
            &mut office,
            "2025-03-03T10:25:00+07:00",
            &status(SENDER, StatusCode::Arrived)
        )
        .rule_id(),
        "WF-OUT-006"
    );
    run(
        &mut office,
        &[
            (
                "2025-03-03T10:30:00+07:00",
                out(
                    "OUT-1",
                    OutgoingEvent::Issued {
                        by: id("clerk"),
                        recipients: vec![agency(SENDER)],
                    },
                ),
            ),
            (
                "2025-03-03T10:31:00+07:00",
                status(SENDER, StatusCode::Arrived),
            ),
            (
                "2025-03-03T14:00:00+07:00",
                status(SENDER, StatusCode::Processing),
            ),
            // A 03 that crossed the 05 on the network does not move the state back.
            (
                "2025-03-03T14:01:00+07:00",
                status(SENDER, StatusCode::Accepted),
            ),
        ],
    );
    let delivery = office
        .outgoing(&case("OUT-1"))
        .unwrap()
        .delivery(&agency(SENDER))
        .unwrap()
        .clone();
    assert_eq!(delivery.state, DeliveryState::Processing);
    assert_eq!(delivery.last_code.as_deref(), Some("03"));
    assert!(matches!(
        refused(
            &mut office,
            "2025-03-03T15:00:00+07:00",
            &status(OTHER, StatusCode::Arrived)
        )
        .kind(),
        WorkflowErrorKind::NotARecipient { .. }
    ));
    assert_eq!(
        refused(
            &mut office,
            "2025-03-03T15:00:00+07:00",
            &status(SENDER, StatusCode::TakeBackRequested)
        )
        .rule_id(),
        "WF-OUT-006"
    );
    // 15 without a pending request is refused.
    assert_eq!(
        refused(
            &mut office,
            "2025-03-03T15:00:00+07:00",
            &status(SENDER, StatusCode::ChangeAccepted)
        )
        .rule_id(),
        "WF-OUT-006"
    );
}

#[test]
fn hcm_2021_dieu_11_3_e_recall_notifies_every_recipient_and_freezes_the_original() {
    use vanthu_identifiers::StatusCode;
    let mut office = office();
    run(&mut office, &ready_to_issue("OUT-1"));
    let effects = run(
        &mut office,
        &[
            (
                "2025-03-03T10:30:00+07:00",
                out(
                    "OUT-1",
                    OutgoingEvent::Issued {
                        by: id("clerk"),
                        recipients: vec![agency(SENDER), agency(OTHER)],
                    },
                ),
            ),
            (
                "2025-03-04T09:00:00+07:00",
                out(
                    "OUT-1",
                    OutgoingEvent::Recalled {
                        by: id("director"),
                        reason: "Sai thẩm quyền".to_owned(),
                    },
                ),
            ),
            (
                "2025-03-04T10:00:00+07:00",
                out(
                    "OUT-1",
                    OutgoingEvent::StatusReceived {
                        from: agency(SENDER),
                        code: StatusCode::ChangeAccepted,
                        description: None,
                    },
                ),
            ),
        ],
    );
    let thirteens: Vec<_> = status_codes(&effects)
        .into_iter()
        .filter(|(c, _)| c == "13")
        .map(|(_, to)| to)
        .collect();
    assert_eq!(thirteens, [SENDER, OTHER]);
    assert_eq!(
        effects
            .iter()
            .filter(|e| matches!(
                e,
                Effect::SendDocument {
                    business: Business::Revoke,
                    ..
                }
            ))
            .count(),
        2
    );
    let doc = office.outgoing(&case("OUT-1")).unwrap();
    assert_eq!(doc.status, OutgoingStatus::Recalled);
    assert_eq!(
        doc.delivery(&agency(SENDER)).unwrap().answers,
        [(Business::Revoke, true)]
    );
    for frozen in [
        out(
            "OUT-1",
            OutgoingEvent::Updated {
                by: id("clerk"),
                reason: "x".to_owned(),
            },
        ),
        out(
            "OUT-1",
            OutgoingEvent::Issued {
                by: id("clerk"),
                recipients: vec![agency("000.00.00.G01")],
            },
        ),
        out(
            "OUT-1",
            OutgoingEvent::Corrected {
                by: id("clerk"),
                correction: DocumentNumber::parse("07/LĐTBXH-VP").unwrap(),
            },
        ),
    ] {
        let error = refused(&mut office, "2025-03-04T11:00:00+07:00", &frozen);
        assert_eq!(error.kind(), &WorkflowErrorKind::Frozen);
    }
}

#[test]
fn nam_dinh_2021_dieu_14_2_content_errors_are_replaced_format_errors_corrected_by_cong_van() {
    let mut office = office();
    run(&mut office, &ready_to_issue("OUT-1"));
    let replacement = DocumentId::parse(&format!("{AGENCY},2025/03/05,02/LĐTBXH-VL")).unwrap();
    let effects = run(
        &mut office,
        &[
            (
                "2025-03-03T10:30:00+07:00",
                out(
                    "OUT-1",
                    OutgoingEvent::Issued {
                        by: id("clerk"),
                        recipients: vec![agency(SENDER)],
                    },
                ),
            ),
            (
                "2025-03-05T09:00:00+07:00",
                out(
                    "OUT-1",
                    OutgoingEvent::Replaced {
                        by: id("clerk"),
                        reason: "Sai nội dung".to_owned(),
                        replacement,
                    },
                ),
            ),
            (
                "2025-03-05T10:00:00+07:00",
                out(
                    "OUT-1",
                    OutgoingEvent::Corrected {
                        by: id("clerk"),
                        correction: DocumentNumber::parse("07/LĐTBXH-VP").unwrap(),
                    },
                ),
            ),
        ],
    );
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::SendDocument {
            business: Business::Replace,
            ..
        }
    )));
    let doc = office.outgoing(&case("OUT-1")).unwrap();
    assert_eq!(doc.follow_ups.len(), 1);
    assert_eq!(doc.corrections.len(), 1);
    assert_eq!(doc.status, OutgoingStatus::Issued);
    // The specialist cannot issue follow-ups.
    let by_spec = out(
        "OUT-1",
        OutgoingEvent::Updated {
            by: id("spec"),
            reason: "x".to_owned(),
        },
    );
    assert!(matches!(
        refused(&mut office, "2025-03-05T11:00:00+07:00", &by_spec).kind(),
        WorkflowErrorKind::NotAuthorised { .. }
    ));
}

#[test]
fn nam_dinh_2021_dieu_5_2_issue_the_signing_day_or_at_the_latest_the_next_working_morning() {
    let cal = calendar();
    let rules = DeadlineRules::default();
    let mut office = office();
    // Signed on Friday 7 March 2025 at 10:00 (see `ready_to_issue`, shifted by four days).
    run(&mut office, &on("2025-03-07", ready_to_issue("OUT-1")));
    let pending = pending_deadlines(&office, &cal, &rules).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].kind, DeadlineKind::Issue);
    assert_eq!(pending[0].due.to_rfc3339(), "2025-03-10T11:30:00+07:00");
    // Issued on Monday afternoon: late.
    run(
        &mut office,
        &[(
            "2025-03-10T14:00:00+07:00",
            out(
                "OUT-1",
                OutgoingEvent::Issued {
                    by: id("clerk"),
                    recipients: vec![agency(SENDER)],
                },
            ),
        )],
    );
    let missed = missed_deadlines(&office, &cal, &rules, t("2025-03-10T15:00:00+07:00")).unwrap();
    assert_eq!(missed.len(), 1);
    assert_eq!(missed[0].done_at, Some(t("2025-03-10T14:00:00+07:00")));
}

#[test]
fn hcm_2021_dieu_16_8_documents_not_received_are_chased_after_3_to_4_working_days() {
    let cal = calendar();
    let rules = DeadlineRules::default();
    let mut office = office();
    run(&mut office, &ready_to_issue("OUT-1"));
    run(
        &mut office,
        &[(
            "2025-03-03T10:30:00+07:00",
            out(
                "OUT-1",
                OutgoingEvent::Issued {
                    by: id("clerk"),
                    recipients: vec![agency(SENDER), agency(OTHER)],
                },
            ),
        )],
    );
    run(
        &mut office,
        &[(
            "2025-03-03T11:00:00+07:00",
            out(
                "OUT-1",
                OutgoingEvent::StatusReceived {
                    from: agency(OTHER),
                    code: vanthu_identifiers::StatusCode::Arrived,
                    description: None,
                },
            ),
        )],
    );
    let pending = pending_deadlines(&office, &cal, &rules).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].recipient, Some(agency(SENDER)));
    // Monday + 4 working days = Friday 17:00.
    assert_eq!(pending[0].due.to_rfc3339(), "2025-03-07T17:00:00+07:00");
}

#[test]
fn event_log_must_be_in_time_order() {
    let mut office = office();
    run(
        &mut office,
        &[("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX"))],
    );
    let error = refused(
        &mut office,
        "2025-03-03T08:00:00+07:00",
        &registered("IN-1"),
    );
    assert_eq!(error.rule_id(), "WF-LOG-001");
    let error = refused(
        &mut office,
        "2025-03-03T10:00:00+07:00",
        &registered("NOPE"),
    );
    assert!(matches!(
        error.kind(),
        WorkflowErrorKind::UnknownCase { .. }
    ));
}

#[test]
fn records_md_3_4_copies_are_numbered_in_their_own_register() {
    let mut office = office();
    run(&mut office, &ready_to_issue("OUT-1"));
    let mut copy = on("2025-03-04", ready_to_issue("OUT-2"));
    if let (
        _,
        Event::Outgoing {
            event: OutgoingEvent::Drafted { document_type, .. },
            ..
        },
    ) = &mut copy[0]
    {
        *document_type = Some(DocumentType::ExactCopy);
    }
    run(&mut office, &copy);
    let entry = office
        .outgoing(&case("OUT-2"))
        .unwrap()
        .registration
        .clone()
        .unwrap();
    assert_eq!((entry.register, entry.number), (RegisterKind::Copies, 1));
    assert_eq!(
        office
            .registers()
            .get(&RegisterKind::Outgoing)
            .unwrap()
            .entries()
            .len(),
        1
    );
}

#[test]
fn records_md_3_4_a_paper_document_shares_the_register_and_gets_no_status_package() {
    let mut office = office();
    let paper = inc(
        "IN-P",
        IncomingEvent::Arrived {
            paper: true,
            from: agency(SENDER),
            meta: meta("77/UBND-VX", "Bản giấy"),
        },
    );
    let effects = run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-03T09:20:00+07:00", paper),
            ("2025-03-03T09:30:00+07:00", registered("IN-P")),
            (
                "2025-03-03T10:00:00+07:00",
                assigned("IN-P", "2025-03-10T17:00:00+07:00"),
            ),
        ],
    );
    assert_eq!(status_codes(&effects).len(), 2, "01 and 03 for IN-1 only");
    let doc = office.incoming(&case("IN-P")).unwrap();
    assert!(doc.paper_only && doc.paper_received_at.is_some());
    assert_eq!(doc.registration.as_ref().unwrap().number, 2);
    let again = inc("IN-P", IncomingEvent::PaperCopyReceived { by: id("clerk") });
    assert_eq!(
        refused(&mut office, "2025-03-03T11:00:00+07:00", &again).rule_id(),
        "WF-IN-008"
    );
}

#[test]
fn nam_dinh_2021_dieu_12_1_the_lead_units_head_gives_the_document_to_a_person_with_a_deadline() {
    let cal = calendar();
    let mut office = office();
    run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            (
                "2025-03-03T10:00:00+07:00",
                assigned("IN-1", "2025-03-10T17:00:00+07:00"),
            ),
        ],
    );
    let give = |by: &str, person: &str| {
        inc(
            "IN-1",
            IncomingEvent::HandlerAssigned {
                by: id(by),
                person: id(person),
                due: t("2025-03-07T17:00:00+07:00"),
            },
        )
    };
    // `deputy` leads no unit; the head of another unit may not hand it out.
    let error = refused(
        &mut office,
        "2025-03-03T11:00:00+07:00",
        &give("deputy", "spec"),
    );
    assert_eq!(error.rule_id(), "WF-IN-009");
    let error = refused(
        &mut office,
        "2025-03-03T11:00:00+07:00",
        &give("head", "nobody"),
    );
    assert!(matches!(
        error.kind(),
        WorkflowErrorKind::UnknownActor { .. }
    ));
    let effects = run(
        &mut office,
        &[("2025-03-03T11:00:00+07:00", give("head", "spec"))],
    );
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Notify { person, .. } if *person == id("spec")))
    );
    let doc = office.incoming(&case("IN-1")).unwrap();
    let handler = doc.assignment.as_ref().unwrap().handler.clone().unwrap();
    assert_eq!(handler.assignee, Assignee::Person(id("spec")));
    let pending = pending_deadlines(&office, &cal, &DeadlineRules::default()).unwrap();
    assert_eq!(pending.len(), 3, "lead, co-operating unit and the person");
    assert_eq!(pending[0].assignee, Some(Assignee::Person(id("spec"))));
    // Completed after the person's deadline but before the unit's: the person was late.
    run(
        &mut office,
        &[(
            "2025-03-10T09:00:00+07:00",
            inc(
                "IN-1",
                IncomingEvent::Completed {
                    by: id("spec"),
                    reply: None,
                },
            ),
        )],
    );
    let missed = missed_deadlines(
        &office,
        &cal,
        &DeadlineRules::default(),
        t("2025-03-10T10:00:00+07:00"),
    )
    .unwrap();
    assert_eq!(missed.len(), 1);
    assert_eq!(missed[0].assignee, Some(Assignee::Person(id("spec"))));
}

#[test]
fn quang_nam_2019_dieu_9_3_duplicate_warning_folds_old_and_new_tone_placement() {
    let mut office = office();
    let mut first = meta("12/UBND-VX", "A");
    first.document_id = None;
    first.issuer = "UBND tỉnh Khánh Hòa".to_owned();
    let mut second = first.clone();
    // Old-style tone placement (hoà) and capitals: still the same issuer.
    second.issuer = "UBND TỈNH KHÁNH HOÀ".to_owned();
    let arrived = |id: &'static str, meta: vanthu_workflow::DocumentMeta| {
        inc(
            id,
            IncomingEvent::Arrived {
                paper: false,
                from: agency(SENDER),
                meta,
            },
        )
    };
    run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", first)),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-03T10:00:00+07:00", arrived("IN-2", second)),
        ],
    );
    let effects = run(
        &mut office,
        &[("2025-03-03T10:10:00+07:00", registered("IN-2"))],
    );
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::DuplicateWarning {
            reason: DuplicateReason::NumberAndIssuer { .. },
            ..
        }
    )));
}
