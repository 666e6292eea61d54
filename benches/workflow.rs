//! Workflow benchmarks: lifecycle transitions per second (in place with
//! `Office::step`, and as the pure `apply` that clones the state), replay of an
//! event log, and deadline resolution (working-day arithmetic) for the pending
//! deadlines of an office.
//!
//! No peer: no other implementation of these rules (Nghị định 30/2020/NĐ-CP,
//! the status feedback of Quyết định 28/2018/QĐ-TTg) exists to measure in the same run — a re-implementation written
//! for the bench would not be an honest peer — so the numbers are absolute.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeDelta};
use criterion::{Criterion, Throughput};
use vanthu_identifiers::AgencyId;
use vanthu_workflow::calendar::{DeadlineRules, WorkingCalendar};
use vanthu_workflow::incoming::{Handler, IncomingEvent};
use vanthu_workflow::monitor::pending_deadlines;
use vanthu_workflow::outgoing::OutgoingEvent;
use vanthu_workflow::{
    Actor, ActorId, Assignee, CaseId, DocumentMeta, Event, EventLog, LogEntry, Role, apply, replay,
};

/// Documents per log: half incoming, half outgoing.
const DOCUMENTS: usize = 1_000;

fn id(s: &str) -> ActorId {
    ActorId::parse(s).unwrap()
}

fn agency(s: &str) -> AgencyId {
    AgencyId::parse(s).unwrap()
}

/// A log of `DOCUMENTS` lifecycles: half incoming (5 events each), half outgoing (7 events each).
fn log() -> EventLog {
    let mut at: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2025-01-02T07:00:00+07:00").unwrap();
    let mut events = Vec::new();
    let mut push = |event: Event, at: &mut DateTime<FixedOffset>| {
        *at += TimeDelta::seconds(20);
        events.push(LogEntry::new(*at, event));
    };
    for (name, role) in [
        ("clerk", Role::Clerk),
        ("director", Role::AgencyLeader),
        ("head", Role::UnitLeader),
        ("spec", Role::Specialist),
    ] {
        let actor = Actor::new(id(name), name, Some("Phòng Việc làm"), vec![role]);
        push(Event::ActorAdded { actor }, &mut at);
    }
    for i in 0..DOCUMENTS / 2 {
        let case = CaseId::parse(&format!("IN-{i}")).unwrap();
        let e = |event| Event::Incoming {
            case: case.clone(),
            event,
        };
        let due = at + TimeDelta::days(10);
        for event in [
            IncomingEvent::Arrived {
                paper: false,
                from: agency("000.00.18.H40"),
                meta: DocumentMeta::new("Về việc triển khai"),
            },
            IncomingEvent::Registered { by: id("clerk") },
            IncomingEvent::Assigned {
                by: id("director"),
                lead: Handler::new(Assignee::Unit("Phòng Việc làm".to_owned()), due),
                cooperating: vec![],
                direction: "Xử lý".to_owned(),
            },
            IncomingEvent::ProcessingStarted { by: id("spec") },
            IncomingEvent::Completed {
                by: id("spec"),
                reply: None,
            },
        ] {
            push(e(event), &mut at);
        }
        let case = CaseId::parse(&format!("OUT-{i}")).unwrap();
        let e = |event| Event::Outgoing {
            case: case.clone(),
            event,
        };
        for event in [
            OutgoingEvent::Drafted {
                by: id("spec"),
                subject: "Báo cáo".to_owned(),
                document_type: None,
                symbol: "LĐTBXH-VL".to_owned(),
                urgency: None,
                confidentiality: None,
            },
            OutgoingEvent::Submitted { by: id("spec") },
            OutgoingEvent::Approved { by: id("head") },
            OutgoingEvent::Signed {
                by: id("director"),
                valid: true,
            },
            OutgoingEvent::Numbered {
                by: id("clerk"),
                register: None,
            },
            OutgoingEvent::AgencySigned {
                by: id("clerk"),
                valid: true,
            },
            OutgoingEvent::Issued {
                by: id("clerk"),
                recipients: vec![agency("000.00.18.H40"), agency("000.00.00.G22")],
                paper: None,
            },
        ] {
            push(e(event), &mut at);
        }
    }
    EventLog::new(agency("000.00.15.H47"), events)
}

fn rate(seconds: f64, mut op: impl FnMut() -> u64) -> f64 {
    let start = Instant::now();
    let mut count = 0_u64;
    while start.elapsed().as_secs_f64() < seconds {
        count += op();
    }
    count as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let log = log();
    let transitions = log.events.len() as u64;
    let (office, _) = replay(&log).unwrap();
    let calendar = WorkingCalendar::vietnam(2025..=2026).unwrap();
    let rules = DeadlineRules::default();
    // A small office (the first 20 events) for the pure `apply`, whose cost grows with the state.
    let small = EventLog::new(log.agency, log.events[..20].to_vec());
    let (small_office, _) = replay(&small).unwrap();
    let next = &log.events[20];
    // An office with every document open (arrived only) for deadline resolution.
    let open = EventLog::new(
        log.agency,
        log.events
            .iter()
            .filter(|e| {
                matches!(
                    &e.event,
                    Event::ActorAdded { .. }
                        | Event::Incoming {
                            event: IncomingEvent::Arrived { .. },
                            ..
                        }
                )
            })
            .cloned()
            .collect(),
    );
    let (open_office, _) = replay(&open).unwrap();
    let open_count = pending_deadlines(&open_office, &calendar, &rules)
        .unwrap()
        .len() as u64;
    let json = serde_json::to_vec(&log).unwrap();

    let mut criterion = Criterion::default()
        .configure_from_args()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    let mut group = criterion.benchmark_group("workflow");
    group.throughput(Throughput::Elements(transitions));
    group.bench_function("replay_1000_documents", |b| {
        b.iter(|| replay(black_box(&log)).unwrap())
    });
    group.throughput(Throughput::Elements(1));
    group.bench_function("apply_pure_small_office", |b| {
        b.iter(|| apply(black_box(&small_office), &next.event, next.at).unwrap())
    });
    group.throughput(Throughput::Elements(open_count));
    group.bench_function("pending_deadlines_resolution", |b| {
        b.iter(|| pending_deadlines(black_box(&open_office), &calendar, &rules).unwrap())
    });
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("parse_and_replay_json_log", |b| {
        b.iter(|| {
            let log: EventLog = serde_json::from_slice(black_box(&json)).unwrap();
            replay(&log).unwrap()
        })
    });
    group.finish();

    let steps = rate(2.0, || {
        replay(&log).unwrap();
        transitions
    });
    let deadlines = rate(2.0, || {
        pending_deadlines(&open_office, &calendar, &rules).unwrap();
        open_count
    });
    println!(
        "vanthu: {steps:.0} transitions/s (replay of {DOCUMENTS} lifecycles, {transitions} events), \
{deadlines:.0} deadline resolutions/s (same-day rule over the working calendar); {} documents in the final state",
        office.incoming_documents().count() + office.outgoing_documents().count()
    );
    println!(
        "peer: none (no independent implementation of these rules exists); absolute numbers only"
    );
}
