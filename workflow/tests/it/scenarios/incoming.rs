//! Incoming documents: arrival, return, acknowledgement, urgency, assignment, handling.

use vanthu_workflow::calendar::DeadlineRules;
use vanthu_workflow::incoming::{Handler, IncomingEvent, IncomingStatus};
use vanthu_workflow::monitor::{missed_deadlines, pending_deadlines};
use vanthu_workflow::{Assignee, DeadlineKind, Effect, RegisterKind, WorkflowErrorKind};

use crate::support::*;

use super::calendar;

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
    assert_eq!(pending[0].due.to_rfc3339(), "2025-03-03T23:59:59+07:00");
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

/// A document with a confidentiality mark that arrives electronically is not
/// taken into the system; the same document on paper is registered as usual.
#[test]
fn hcm_2017_dieu_7_a_secret_document_arriving_electronically_is_refused() {
    let mut office = office();
    let mut secret = meta("77/UBND-VX", "Về việc triển khai nhiệm vụ");
    secret.confidentiality = Some(vanthu_identifiers::Confidentiality::Secret);
    let electronic = inc(
        "IN-SECRET",
        IncomingEvent::Arrived {
            from: agency(SENDER),
            meta: secret.clone(),
            paper: false,
        },
    );
    let e = refused(&mut office, "2025-03-03T09:00:00+07:00", &electronic);
    assert_eq!(e.rule().id, "WF-SEC-001");
    assert!(matches!(
        e.kind(),
        WorkflowErrorKind::Secret { mark: "Mật" }
    ));
    run(
        &mut office,
        &[(
            "2025-03-03T09:00:00+07:00",
            inc(
                "IN-SECRET",
                IncomingEvent::Arrived {
                    from: agency(SENDER),
                    meta: secret,
                    paper: true,
                },
            ),
        )],
    );
}
