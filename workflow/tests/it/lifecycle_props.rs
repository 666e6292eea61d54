//! Properties of the lifecycles: no sequence of events reaches a state the
//! rules forbid; refused events leave the state unchanged; register numbers
//! stay gap-free; replaying the accepted log equals the state built step by
//! step, also after a JSON round trip.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, TimeDelta};
use proptest::prelude::*;
use vanthu_identifiers::StatusCode;
use vanthu_identifiers::{DocumentId, DocumentNumber};
use vanthu_workflow::incoming::{ChangeKind, Handler, IncomingEvent, IncomingStatus};
use vanthu_workflow::outgoing::{OutgoingEvent, OutgoingStatus};
use vanthu_workflow::{
    Assignee, Business, Delegation, Event, EventLog, LogEntry, Office, RegisterKind, Role, replay,
};

use crate::support::{AGENCY, OTHER, SENDER, agency, case, id, inc, meta, office, out, t};

const ACTORS: [&str; 6] = ["clerk", "director", "deputy", "head", "spec", "spec2"];
const RECIPIENTS: [&str; 3] = [SENDER, OTHER, "000.00.00.G01"];

fn actor() -> impl Strategy<Value = vanthu_workflow::ActorId> {
    (0..ACTORS.len()).prop_map(|i| id(ACTORS[i]))
}

/// Mostly the actor who holds the role, sometimes anyone: deep states are
/// reached and unauthorised attempts are still tried.
fn usually(name: &'static str) -> impl Strategy<Value = vanthu_workflow::ActorId> {
    prop_oneof![3 => Just(id(name)), 1 => actor()]
}

fn incoming_event(start: DateTime<FixedOffset>) -> impl Strategy<Value = IncomingEvent> {
    prop_oneof![
        (0..4u32, prop::bool::weighted(0.2)).prop_map(|(n, paper)| IncomingEvent::Arrived {
            paper,
            from: agency(SENDER),
            meta: meta(&format!("{}/UBND-VX", 10 + n), "Trích yếu"),
        }),
        (
            usually("clerk"),
            prop_oneof![Just(""), Just("Sai nơi nhận")]
        )
            .prop_map(|(by, r)| {
                IncomingEvent::Returned {
                    by,
                    reason: r.to_owned(),
                }
            }),
        usually("clerk").prop_map(|by| IncomingEvent::Registered { by }),
        usually("clerk").prop_map(|by| IncomingEvent::PaperCopyReceived { by }),
        (usually("director"), 0..2u8, 0i64..20).prop_map(move |(by, lead, days)| {
            let unit = |n: u8| Assignee::Unit(format!("Phòng {n}"));
            IncomingEvent::Assigned {
                by,
                lead: Handler::new(unit(lead), start + TimeDelta::days(days)),
                cooperating: vec![Handler::new(unit(1 - lead), start + TimeDelta::days(days))],
                direction: "Xử lý".to_owned(),
            }
        }),
        (usually("head"), actor()).prop_map(move |(by, person)| IncomingEvent::HandlerAssigned {
            by,
            person,
            due: start + TimeDelta::days(2),
        }),
        usually("spec").prop_map(|by| IncomingEvent::ProcessingStarted { by }),
        usually("spec").prop_map(|by| IncomingEvent::Completed { by, reply: None }),
        Just(IncomingEvent::RecallRequested {
            reason: "Thu hồi".to_owned()
        }),
        (0..2u8).prop_map(|k| IncomingEvent::ChangeReceived {
            kind: if k == 0 {
                ChangeKind::Update
            } else {
                ChangeKind::Replace
            },
            reason: "Thay đổi".to_owned(),
            replacement: Some(
                DocumentId::parse(&format!("{SENDER},2025/12/30,99/UBND-VX")).unwrap()
            ),
            meta: None,
        }),
        (usually("clerk"), any::<bool>(), any::<bool>()).prop_map(|(by, agree, reason)| {
            IncomingEvent::ChangeAnswered {
                by,
                agree,
                reason: reason.then(|| "Lý do".to_owned()),
            }
        }),
    ]
}

fn outgoing_event() -> impl Strategy<Value = OutgoingEvent> {
    let recipients = prop::collection::vec(0..RECIPIENTS.len(), 1..3).prop_map(|v| {
        v.into_iter()
            .map(|i| agency(RECIPIENTS[i]))
            .collect::<Vec<_>>()
    });
    let code = prop_oneof![
        Just(StatusCode::Arrived),
        Just(StatusCode::Rejected),
        Just(StatusCode::Accepted),
        Just(StatusCode::Processing),
        Just(StatusCode::Completed),
        Just(StatusCode::TakeBackRequested),
        Just(StatusCode::ChangeAccepted),
        Just(StatusCode::ChangeRejected),
    ];
    prop_oneof![
        usually("spec").prop_map(|by| OutgoingEvent::Drafted {
            by,
            subject: "Báo cáo".to_owned(),
            document_type: None,
            symbol: "LĐTBXH-VL".to_owned(),
            urgency: None,
            confidentiality: None,
        }),
        usually("spec").prop_map(|by| OutgoingEvent::Submitted { by }),
        usually("head").prop_map(|by| OutgoingEvent::ReturnedForRevision {
            by,
            comment: "Sửa".to_owned()
        }),
        usually("head").prop_map(|by| OutgoingEvent::Approved { by }),
        (usually("director"), any::<bool>())
            .prop_map(|(by, valid)| OutgoingEvent::Signed { by, valid }),
        usually("clerk").prop_map(|by| OutgoingEvent::Numbered { by, register: None }),
        (usually("clerk"), any::<bool>())
            .prop_map(|(by, valid)| OutgoingEvent::AgencySigned { by, valid }),
        (usually("clerk"), recipients).prop_map(|(by, recipients)| OutgoingEvent::Issued {
            by,
            recipients,
            paper: None
        }),
        (0..RECIPIENTS.len(), code).prop_map(|(i, code)| OutgoingEvent::StatusReceived {
            from: agency(RECIPIENTS[i]),
            code,
            description: None,
        }),
        usually("director").prop_map(|by| OutgoingEvent::Recalled {
            by,
            reason: "Thu hồi".to_owned()
        }),
        usually("clerk").prop_map(|by| OutgoingEvent::Updated {
            by,
            reason: "Cập nhật".to_owned()
        }),
        usually("clerk").prop_map(|by| OutgoingEvent::Corrected {
            by,
            correction: DocumentNumber::parse("07/LĐTBXH-VP").unwrap()
        }),
    ]
}

fn event(start: DateTime<FixedOffset>) -> impl Strategy<Value = Event> {
    prop_oneof![
        6 => (0..2usize, incoming_event(start)).prop_map(|(c, e)| inc(&format!("IN-{c}"), e)),
        6 => (0..2usize, outgoing_event()).prop_map(|(c, e)| out(&format!("OUT-{c}"), e)),
        1 => actor().prop_map(|a| Event::ActorDisabled { actor: a }),
        1 => (prop_oneof![Just(RegisterKind::Incoming), Just(RegisterKind::Outgoing)], 0u32..50)
            .prop_map(|(register, last_number)| Event::RegisterOpened { register, last_number }),
        1 => (actor(), actor(), 0i64..5).prop_map(move |(from, to, d)| Event::Delegated {
            delegation: Delegation::new(from, to, Role::AgencyLeader, start, start + TimeDelta::days(d)),
        }),
    ]
}

fn incoming_path(c: String, variant: u8, start: DateTime<FixedOffset>) -> Vec<Event> {
    let e = |event| inc(&c, event);
    let arrived = e(IncomingEvent::Arrived {
        paper: false,
        from: agency(SENDER),
        meta: meta("12/UBND-VX", "Trích yếu"),
    });
    let registered = e(IncomingEvent::Registered { by: id("clerk") });
    let assigned = e(IncomingEvent::Assigned {
        by: id("director"),
        lead: Handler::new(
            Assignee::Unit("Phòng Việc làm".to_owned()),
            start + TimeDelta::days(5),
        ),
        cooperating: vec![],
        direction: "Xử lý".to_owned(),
    });
    let answer = |agree| {
        e(IncomingEvent::ChangeAnswered {
            by: id("clerk"),
            agree,
            reason: Some("Lý do".to_owned()),
        })
    };
    match variant % 4 {
        0 => vec![
            arrived,
            registered,
            assigned,
            e(IncomingEvent::HandlerAssigned {
                by: id("head"),
                person: id("spec"),
                due: start + TimeDelta::days(3),
            }),
            e(IncomingEvent::ProcessingStarted { by: id("spec") }),
            e(IncomingEvent::PaperCopyReceived { by: id("clerk") }),
            e(IncomingEvent::Completed {
                by: id("spec"),
                reply: None,
            }),
        ],
        1 => vec![
            arrived,
            e(IncomingEvent::Returned {
                by: id("clerk"),
                reason: "Sai nơi nhận".to_owned(),
            }),
        ],
        2 => vec![
            arrived,
            registered,
            e(IncomingEvent::RecallRequested {
                reason: "Thu hồi".to_owned(),
            }),
            answer(variant >= 4),
        ],
        _ => vec![
            arrived,
            registered,
            assigned,
            e(IncomingEvent::ChangeReceived {
                kind: ChangeKind::Update,
                reason: "Cập nhật".to_owned(),
                replacement: None,
                meta: Some(meta("12/UBND-VX", "Trích yếu mới")),
            }),
            answer(variant >= 4),
        ],
    }
}

fn outgoing_path(c: String, variant: u8) -> Vec<Event> {
    let e = |event| out(&c, event);
    let mut path = vec![
        e(OutgoingEvent::Drafted {
            by: id("spec"),
            subject: "Báo cáo".to_owned(),
            document_type: None,
            symbol: "LĐTBXH-VL".to_owned(),
            urgency: None,
            confidentiality: None,
        }),
        e(OutgoingEvent::Submitted { by: id("spec") }),
        e(OutgoingEvent::ReturnedForRevision {
            by: id("head"),
            comment: "Sửa".to_owned(),
        }),
        e(OutgoingEvent::Submitted { by: id("spec") }),
        e(OutgoingEvent::Approved { by: id("head") }),
        e(OutgoingEvent::Signed {
            by: id("director"),
            valid: true,
        }),
        e(OutgoingEvent::Numbered {
            by: id("clerk"),
            register: None,
        }),
        e(OutgoingEvent::AgencySigned {
            by: id("clerk"),
            valid: true,
        }),
        e(OutgoingEvent::Issued {
            by: id("clerk"),
            recipients: vec![agency(SENDER), agency(OTHER)],
            paper: None,
        }),
        e(OutgoingEvent::StatusReceived {
            from: agency(SENDER),
            code: StatusCode::Arrived,
            description: None,
        }),
    ];
    let answer = |code| {
        e(OutgoingEvent::StatusReceived {
            from: agency(OTHER),
            code,
            description: None,
        })
    };
    path.extend(match variant % 4 {
        0 => vec![
            e(OutgoingEvent::Recalled {
                by: id("director"),
                reason: "Thu hồi".to_owned(),
            }),
            answer(StatusCode::ChangeAccepted),
        ],
        1 => vec![
            e(OutgoingEvent::Updated {
                by: id("clerk"),
                reason: "Cập nhật".to_owned(),
            }),
            answer(StatusCode::ChangeRejected),
        ],
        2 => vec![
            answer(StatusCode::Rejected),
            e(OutgoingEvent::Issued {
                by: id("clerk"),
                recipients: vec![agency(OTHER)],
                paper: None,
            }),
        ],
        _ => vec![e(OutgoingEvent::Corrected {
            by: id("clerk"),
            correction: DocumentNumber::parse("07/LĐTBXH-VP").unwrap(),
        })],
    });
    path
}

/// Events with increasing instants from 29 December 2025 (so that numbering
/// crosses a new year in Vietnam time): plausible lifecycles of two incoming
/// and two outgoing cases, cut at random points, interleaved with random
/// events (wrong actors, wrong order, missing reasons, disabled accounts).
fn timeline() -> impl Strategy<Value = Vec<(i64, Event)>> {
    let start = t("2025-12-29T08:00:00+07:00");
    let noise = prop::collection::vec(event(start), 0..40);
    let variants = prop::collection::vec((0u8..8, 0usize..20), 4);
    let selectors = prop::collection::vec((0usize..5, 0i64..900), 1..100);
    (noise, variants, selectors).prop_map(move |(noise, variants, selectors)| {
        let mut sources: Vec<std::collections::VecDeque<Event>> = variants
            .iter()
            .enumerate()
            .map(|(i, (variant, cut))| {
                let mut path = if i < 2 {
                    incoming_path(format!("IN-{i}"), *variant, start)
                } else {
                    outgoing_path(format!("OUT-{}", i - 2), *variant)
                };
                path.truncate(*cut);
                path.into()
            })
            .collect();
        sources.push(noise.into());
        selectors
            .into_iter()
            .filter_map(|(source, minutes)| {
                let event = sources.get_mut(source)?.pop_front()?;
                Some((minutes, event))
            })
            .collect()
    })
}

fn check_invariants(office: &Office) -> Result<(), TestCaseError> {
    // Registers: per series and year, numbers in order without gaps from 1,
    // or from after the numbers given before the register was opened; each
    // case once.
    for register in office.registers().iter() {
        let mut last: BTreeMap<i32, u32> = BTreeMap::new();
        for opening in register.openings() {
            last.insert(opening.year, opening.last_number);
        }
        let mut cases = std::collections::BTreeSet::new();
        for entry in register.entries() {
            let expected = last.get(&entry.year).map_or(1, |n| n + 1);
            prop_assert_eq!(
                entry.number,
                expected,
                "gap or reuse in {:?}",
                register.kind()
            );
            last.insert(entry.year, entry.number);
            prop_assert!(cases.insert(entry.case.clone()), "a case numbered twice");
        }
    }
    for doc in office.incoming_documents() {
        use IncomingStatus::*;
        let registered = doc.registration.is_some();
        match doc.status {
            Arrived => prop_assert!(!registered && doc.assignment.is_none()),
            Returned => {
                prop_assert!(!registered);
                prop_assert!(
                    doc.returned_reason
                        .as_deref()
                        .is_some_and(|r| !r.trim().is_empty())
                );
            }
            Registered => prop_assert!(registered && doc.assignment.is_none()),
            Assigned | Processing | Completed => {
                prop_assert!(registered && doc.assignment.is_some());
            }
            Cancelled => prop_assert!(
                doc.changes
                    .iter()
                    .any(|c| c.kind == ChangeKind::Recall && c.agreed == Some(true))
            ),
            _ => {}
        }
        if doc.paper_received_at.is_some() && !doc.paper_only {
            prop_assert!(registered);
        }
        prop_assert!(doc.changes.iter().filter(|c| c.agreed.is_none()).count() <= 1);
        if let Some(entry) = &doc.registration {
            prop_assert_eq!(&entry.register, &RegisterKind::Incoming);
        }
    }
    for doc in office.outgoing_documents() {
        use OutgoingStatus::*;
        let numbered = doc.registration.is_some();
        match doc.status {
            Draft | Submitted | Approved => prop_assert!(doc.signer.is_none() && !numbered),
            Signed => prop_assert!(doc.signer.is_some() && !numbered),
            Numbered => prop_assert!(numbered && doc.agency_signed_at.is_none()),
            AgencySigned | Issued | Recalled => {
                prop_assert!(numbered && doc.signer.is_some());
                // The agency signs after the competent person (Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 17 khoản 4 điểm c).
                prop_assert!(doc.agency_signed_at >= doc.signed_at);
            }
            _ => {}
        }
        if matches!(doc.status, Issued | Recalled) {
            prop_assert!(!doc.deliveries.is_empty());
        }
        if doc.status == Recalled {
            prop_assert!(
                doc.follow_ups
                    .iter()
                    .any(|f| f.business == Business::Revoke)
            );
            // Nothing follows a recall.
            prop_assert_eq!(
                doc.follow_ups.last().map(|f| f.business),
                Some(Business::Revoke)
            );
        }
        let mut seen = std::collections::BTreeSet::new();
        for d in &doc.deliveries {
            prop_assert!(seen.insert(d.to), "issued twice to {}", d.to);
        }
    }
    // Nobody acted while disabled, and every actor in a history exists.
    let histories = office
        .incoming_documents()
        .flat_map(|d| d.history.iter())
        .chain(office.outgoing_documents().flat_map(|d| d.history.iter()));
    for entry in histories {
        if let Some(by) = &entry.by {
            let actor = office.directory().actor(&by.actor);
            prop_assert!(actor.is_some());
            // An action at the very instant of the disabling came before it
            // in the log: the library refuses any at or after it.
            let disabled = actor.and_then(|a| a.disabled_at);
            prop_assert!(disabled.is_none_or(|d| entry.at <= d));
            if by.on_behalf_of.is_none() {
                prop_assert!(actor.is_some_and(|a| a.roles.contains(&by.role)));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_event_sequence_reaches_a_forbidden_state(events in timeline()) {
        let mut state = office();
        let mut accepted = state_log(&state);
        let mut at = t("2025-12-29T08:00:00+07:00");
        for (minutes, event) in events {
            at += TimeDelta::minutes(minutes);
            let before = state.clone();
            match state.step(&event, at) {
                Ok(effects) => {
                    // No status package ever answers a paper-only document.
                    for effect in &effects {
                        if let vanthu_workflow::Effect::SendStatus(n) = effect {
                            prop_assert!(!state.incoming(&n.case).is_some_and(|d| d.paper_only));
                        }
                    }
                    accepted.push(LogEntry::new(at, event));
                }
                Err(_) => prop_assert_eq!(&state, &before, "a refused event changed the state"),
            }
            check_invariants(&state)?;
        }
        // Replaying the accepted events equals the state built step by step,
        // also after the log goes through JSON.
        let log = EventLog::new(agency(AGENCY), accepted);
        let (replayed, _) = replay(&log).map_err(|(i, e)| TestCaseError::fail(format!("{i}: {e}")))?;
        prop_assert_eq!(&replayed, &state);
        let json = serde_json::to_string(&log).unwrap();
        let back: EventLog = serde_json::from_str(&json).unwrap();
        let (from_json, _) = replay(&back).map_err(|(i, e)| TestCaseError::fail(format!("{i}: {e}")))?;
        prop_assert_eq!(&from_json, &state);
        // And the pure `apply` agrees with `step` on the last state.
        let probe = inc("IN-0", IncomingEvent::Registered { by: id("clerk") });
        let mut stepped = state.clone();
        match (vanthu_workflow::apply(&state, &probe, at), stepped.step(&probe, at)) {
            (Ok((next, fx)), Ok(fx2)) => { prop_assert_eq!(next, stepped); prop_assert_eq!(fx, fx2); }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            _ => prop_assert!(false, "apply and step disagree"),
        }
    }

    #[test]
    fn register_numbers_are_gap_free_per_year(gaps in prop::collection::vec(0i64..20_000, 1..200)) {
        let mut registers = vanthu_workflow::Registers::new();
        let mut at = t("2024-12-20T08:00:00+07:00");
        let mut last: Option<(i32, u32)> = None;
        for (i, minutes) in gaps.into_iter().enumerate() {
            at += TimeDelta::minutes(minutes);
            let entry = registers.record(&RegisterKind::Outgoing, &case(&format!("C{i}")), at).unwrap();
            let expected = match last {
                Some((year, n)) if year == entry.year => n + 1,
                _ => 1,
            };
            prop_assert_eq!(entry.number, expected);
            last = Some((entry.year, entry.number));
        }
    }
}

/// The accepted log of the office built by `support::office()` (its accounts).
fn state_log(state: &Office) -> Vec<LogEntry> {
    state
        .directory()
        .actors()
        .map(|a| {
            LogEntry::new(
                t("2025-03-03T07:00:00+07:00"),
                Event::ActorAdded { actor: a.clone() },
            )
        })
        .collect()
}
