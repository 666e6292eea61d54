//! Outgoing documents: drafting, signatures, numbering, issue, delivery, deadlines.

use vanthu_identifiers::DocumentType;
use vanthu_workflow::calendar::DeadlineRules;
use vanthu_workflow::monitor::{missed_deadlines, pending_deadlines};
use vanthu_workflow::outgoing::{DeliveryState, OutgoingEvent, OutgoingStatus};
use vanthu_workflow::{Business, DeadlineKind, Effect, Event, RegisterKind, WorkflowErrorKind};

use crate::support::*;

use super::calendar;

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
                paper: None,
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
                        paper: None,
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
fn nam_dinh_2021_dieu_5_2_issue_the_signing_day_or_at_the_latest_the_next_working_morning() {
    let cal = calendar();
    let rules = DeadlineRules::default()
        .next_day_bound(vanthu_workflow::calendar::NextDayBound::EndOfMorning);
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
                    paper: None,
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
                    paper: None,
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
    // The automatic 01 does not stop the chase: both recipients still wait
    // to be chased, from Thursday 17:00 (3 working days) to Friday 17:00 (4).
    let pending = pending_deadlines(&office, &cal, &rules).unwrap();
    assert_eq!(pending.len(), 2);
    for p in &pending {
        assert_eq!(p.due.to_rfc3339(), "2025-03-07T17:00:00+07:00");
        assert_eq!(
            p.from.map(|f| f.to_rfc3339()).as_deref(),
            Some("2025-03-06T17:00:00+07:00")
        );
    }
    assert!(
        pending[0]
            .chase_finding(t("2025-03-06T16:59:00+07:00"))
            .is_none()
    );
    let finding = pending[0]
        .chase_finding(t("2025-03-06T17:00:00+07:00"))
        .unwrap();
    assert_eq!(finding.rule, "WF-DUE-004");
    // Accepting (03) stops it.
    run(
        &mut office,
        &[(
            "2025-03-04T09:00:00+07:00",
            out(
                "OUT-1",
                OutgoingEvent::StatusReceived {
                    from: agency(OTHER),
                    code: vanthu_identifiers::StatusCode::Accepted,
                    description: None,
                },
            ),
        )],
    );
    let pending = pending_deadlines(&office, &cal, &rules).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].recipient, Some(agency(SENDER)));
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

/// A document with a confidentiality mark may be drafted, approved, signed
/// and numbered, but it is issued on paper: the electronic issue is refused.
#[test]
fn hcm_2017_dieu_7_a_secret_document_is_not_issued_electronically() {
    let mut office = office();
    let mut events = ready_to_issue("OUT-SECRET");
    if let Event::Outgoing {
        event: OutgoingEvent::Drafted {
            confidentiality, ..
        },
        ..
    } = &mut events[0].1
    {
        *confidentiality = Some(vanthu_identifiers::Confidentiality::TopSecret);
    }
    run(&mut office, &events);
    let issue = out(
        "OUT-SECRET",
        OutgoingEvent::Issued {
            by: id("clerk"),
            recipients: vec![agency(SENDER)],
            paper: None,
        },
    );
    let e = refused(&mut office, "2025-03-03T11:00:00+07:00", &issue);
    assert_eq!(e.rule().id, "WF-SEC-001");
    assert!(matches!(
        e.kind(),
        WorkflowErrorKind::Secret {
            mark: "Tối mật"
        }
    ));
    assert!(e.kind().message_vi().contains("Tối mật"));
    // The same document unmarked is issued.
    let mut office = crate::support::office();
    run(&mut office, &ready_to_issue("OUT-PLAIN"));
    run(
        &mut office,
        &[(
            "2025-03-03T11:00:00+07:00",
            out(
                "OUT-PLAIN",
                OutgoingEvent::Issued {
                    by: id("clerk"),
                    recipients: vec![agency(SENDER)],
                    paper: None,
                },
            ),
        )],
    );
}

fn digitised(by: &str) -> Event {
    out(
        "COPY-1",
        OutgoingEvent::Digitised {
            by: id(by),
            subject: "Quyết định phê duyệt kế hoạch (bản giấy)".to_owned(),
            document_type: Some(DocumentType::Decision),
            symbol: "SY-LĐTBXH".to_owned(),
            original: "12/QĐ-LĐTBXH".parse().unwrap(),
            urgency: None,
            confidentiality: None,
        },
    )
}

#[test]
fn hcm_3760_dieu_4_2_and_11_3_d_a_digitised_copy_is_signed_by_the_agency_alone_and_has_legal_value()
{
    let mut office = office();
    // Only the clerk digitises.
    refused(&mut office, "2025-03-03T08:00:00+07:00", &digitised("spec"));
    run(
        &mut office,
        &[
            ("2025-03-03T08:00:00+07:00", digitised("clerk")),
            (
                "2025-03-03T08:10:00+07:00",
                out(
                    "COPY-1",
                    OutgoingEvent::Numbered {
                        by: id("clerk"),
                        register: None,
                    },
                ),
            ),
        ],
    );
    let doc = office.outgoing(&case("COPY-1")).unwrap();
    assert!(doc.is_digitised_copy());
    assert_eq!(doc.copy_of.as_ref().unwrap().to_string(), "12/QĐ-LĐTBXH");
    // Numbered in the copies register, not in the decisions' series.
    assert_eq!(
        doc.registration.as_ref().unwrap().register,
        RegisterKind::Copies
    );
    assert!(!doc.has_legal_value());
    // No competent person's signing step: signing it is refused.
    let sign = out(
        "COPY-1",
        OutgoingEvent::Signed {
            by: id("director"),
            valid: true,
        },
    );
    refused(&mut office, "2025-03-03T08:15:00+07:00", &sign);
    let effects = run(
        &mut office,
        &[
            (
                "2025-03-03T08:20:00+07:00",
                out(
                    "COPY-1",
                    OutgoingEvent::AgencySigned {
                        by: id("clerk"),
                        valid: true,
                    },
                ),
            ),
            (
                "2025-03-03T08:30:00+07:00",
                out(
                    "COPY-1",
                    OutgoingEvent::Issued {
                        by: id("clerk"),
                        recipients: vec![agency(SENDER)],
                        paper: None,
                    },
                ),
            ),
        ],
    );
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::SendDocument { .. }))
    );
    let doc = office.outgoing(&case("COPY-1")).unwrap();
    assert_eq!(doc.status, OutgoingStatus::Issued);
    assert!(
        doc.has_legal_value(),
        "the agency's signature alone suffices"
    );
}

#[test]
fn a_digitised_copy_cannot_skip_the_agency_signature() {
    let mut office = office();
    run(
        &mut office,
        &[("2025-03-03T08:00:00+07:00", digitised("clerk"))],
    );
    let issue = out(
        "COPY-1",
        OutgoingEvent::Issued {
            by: id("clerk"),
            recipients: vec![agency(SENDER)],
            paper: None,
        },
    );
    let error = refused(&mut office, "2025-03-03T08:10:00+07:00", &issue);
    assert_eq!(error.rule_id(), "WF-OUT-005");
    // A drafted document still needs its competent person's signature before numbering.
    run(&mut office, &ready_to_issue("OUT-1")[..3]);
    let number = out(
        "OUT-1",
        OutgoingEvent::Numbered {
            by: id("clerk"),
            register: None,
        },
    );
    assert_eq!(
        refused(&mut office, "2025-03-03T09:30:00+07:00", &number).rule_id(),
        "WF-OUT-003"
    );
}
