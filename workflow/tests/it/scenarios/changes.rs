//! Recall, update, replacement and correction, on both sides.

use vanthu_identifiers::{DocumentId, DocumentNumber};
use vanthu_workflow::incoming::{ChangeKind, IncomingEvent, IncomingStatus};
use vanthu_workflow::outgoing::{OutgoingEvent, OutgoingStatus};
use vanthu_workflow::{Business, Effect, WorkflowErrorKind};

use crate::support::*;

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
                        paper: None,
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
                paper: None,
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
                        paper: None,
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
