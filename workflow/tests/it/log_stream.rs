//! The event log read as a stream (`read_log`, `LenientReplay`): the same
//! verdict as the log read whole, within limits that name where they were
//! crossed.

use vanthu_workflow::calendar::{DeadlineRules, WorkingCalendar};
use vanthu_workflow::monitor::{check_log, judge};
use vanthu_workflow::{
    ActorId, EventLog, LenientReplay, LogLimits, LogReadError, ReplaySink, read_log, replay_lenient,
};

fn vector_text(name: &str) -> String {
    let path = format!("{}/tests/vectors/replay/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn streamed(
    text: &str,
    window: usize,
) -> (vanthu_workflow::Office, Vec<vanthu_identifiers::Finding>) {
    let mut sink = ReplaySink::new(None, None, window);
    read_log(text.as_bytes(), &LogLimits::default(), &mut sink).unwrap();
    sink.finish().unwrap()
}

#[test]
fn the_vectors_stream_to_the_same_report() {
    let calendar = WorkingCalendar::vietnam(2024..=2026).unwrap();
    let rules = DeadlineRules::default();
    for name in ["office.json", "violations.json"] {
        let text = vector_text(name);
        let log: EventLog = serde_json::from_str(&text).unwrap();
        let whole = check_log(&log, &calendar, &rules, None).unwrap();
        let (state, findings) = streamed(&text, 4);
        let stream = judge(state, findings, &calendar, &rules, None).unwrap();
        assert_eq!(stream, whole, "{name}");
    }
}

/// A log of `n` actors added at instants given by `minutes`.
fn actors(minutes: &[u32]) -> String {
    let events: Vec<String> = minutes
        .iter()
        .enumerate()
        .map(|(i, m)| {
            format!(
                r#"{{"at": "2025-03-03T08:{m:02}:00+07:00", "type": "actor_added", "actor": {{"id": "a{i}", "name": "Người {i}", "roles": ["clerk"]}}}}"#
            )
        })
        .collect();
    format!(
        r#"{{"agency": "000.00.15.H47", "events": [{}]}}"#,
        events.join(",")
    )
}

fn order_findings(findings: &[vanthu_identifiers::Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{} {}", f.rule, f.location.path.as_deref().unwrap_or("")))
        .collect()
}

#[test]
fn events_out_of_place_within_the_window_are_put_back_in_order() {
    let text = actors(&[1, 2, 5, 3, 4, 6]);
    let log: EventLog = serde_json::from_str(&text).unwrap();
    let whole = replay_lenient(&log);
    assert_eq!(streamed(&text, 8), whole);
    assert_eq!(streamed(&text, 3), whole);
    assert_eq!(
        order_findings(&whole.1),
        ["WF-LOG-001 events[3]", "WF-LOG-001 events[4]"]
    );
    // One event held: an event older than one already applied is reported
    // and not applied.
    let text = actors(&[1, 5, 6, 2]);
    let log: EventLog = serde_json::from_str(&text).unwrap();
    let whole = replay_lenient(&log);
    assert!(
        whole
            .0
            .directory()
            .actor(&ActorId::parse("a3").unwrap())
            .is_some()
    );
    let (office, findings) = streamed(&text, 1);
    assert_eq!(order_findings(&findings), ["WF-LOG-001 events[3]"]);
    assert_eq!(order_findings(&findings), order_findings(&whole.1));
    assert!(
        office
            .directory()
            .actor(&ActorId::parse("a3").unwrap())
            .is_none()
    );
    assert!(
        office
            .directory()
            .actor(&ActorId::parse("a2").unwrap())
            .is_some()
    );
}

#[test]
fn a_replay_pushed_by_hand_is_the_lenient_replay() {
    let text = actors(&[3, 1, 2]);
    let log: EventLog = serde_json::from_str(&text).unwrap();
    let mut replay = LenientReplay::new(log.agency, log.policy, None, usize::MAX);
    for (i, e) in log.events.iter().enumerate() {
        replay.push(i, e.clone());
    }
    assert_eq!(replay.finish(), replay_lenient(&log));
}

#[test]
fn events_before_the_agency_are_held_and_replayed() {
    let text = actors(&[1, 2, 3]);
    let log: EventLog = serde_json::from_str(&text).unwrap();
    let reordered = serde_json::json!({
        "events": serde_json::to_value(&log.events).unwrap(),
        "agency": "000.00.15.H47",
        "comment": ["ignored", 1]
    })
    .to_string();
    assert_eq!(streamed(&reordered, 2), replay_lenient(&log));
}

#[test]
fn limits_stop_the_reader_at_a_byte_offset() {
    let text = actors(&[1, 2, 3]);
    let mut sink = ReplaySink::new(None, None, 8);
    let limits = LogLimits::default().max_events(2);
    match read_log(text.as_bytes(), &limits, &mut sink) {
        Err(LogReadError::Limit { limit, max, offset }) => {
            assert_eq!((limit, max), ("events", 2));
            assert!((1..text.len() as u64).contains(&offset), "{offset}");
        }
        other => panic!("{other:?}"),
    }
    // One event of 2 MiB: refused after 1 MiB of it, never held whole.
    let big = format!(
        r#"{{"agency": "000.00.15.H47", "events": [{{"at": "2025-03-03T08:00:00+07:00", "type": "actor_added", "actor": {{"id": "a", "name": "{}", "roles": ["clerk"]}}}}]}}"#,
        "x".repeat(2 << 20)
    );
    let mut sink = ReplaySink::new(None, None, 8);
    match read_log(big.as_bytes(), &LogLimits::default(), &mut sink) {
        Err(LogReadError::Limit { limit, max, offset }) => {
            assert_eq!((limit, max), ("bytes of one event", 1 << 20));
            assert!(((1 << 20)..(1 << 20) + 100).contains(&offset), "{offset}");
        }
        other => panic!("{other:?}"),
    }
    // Within a raised limit, the same event is read.
    let limits = LogLimits::default().max_event_bytes(4 << 20);
    let mut sink = ReplaySink::new(None, None, 8);
    assert_eq!(read_log(big.as_bytes(), &limits, &mut sink).unwrap(), 1);
}

#[test]
fn a_replay_holds_at_most_max_documents() {
    let arrival = |n: u32| {
        format!(
            r#"{{"at": "2025-03-03T08:{n:02}:00+07:00", "type": "incoming", "case": "IN-{n}", "event": {{"type": "arrived", "from": "000.00.18.H40", "meta": {{"number": "{n}/UBND-VX"}}}}}}"#
        )
    };
    let events: Vec<String> = (1..=3).map(arrival).collect();
    let text = format!(
        r#"{{"agency": "000.00.15.H47", "events": [{}]}}"#,
        events.join(", ")
    );
    let mut sink = ReplaySink::new(None, None, 1).max_documents(2);
    match read_log(text.as_bytes(), &LogLimits::default(), &mut sink) {
        Err(LogReadError::Limit { limit, max, offset }) => {
            assert_eq!((limit, max), ("documents", 2));
            // Within the third document's event or at the end of the log.
            let third = text.find("IN-3").unwrap() as u64;
            assert!(
                offset >= third - 100 && offset <= text.len() as u64,
                "{offset} {third}"
            );
        }
        other => panic!("{other:?}"),
    }
    let mut sink = ReplaySink::new(None, None, 1).max_documents(3);
    assert_eq!(
        read_log(text.as_bytes(), &LogLimits::default(), &mut sink).unwrap(),
        3
    );
    assert_eq!(sink.finish().unwrap().0.document_count(), 3);
}

#[test]
fn malformed_logs_are_json_errors_with_their_offset() {
    for (text, at) in [
        (r#"{"agency": "000.00.15.H47", "events": [{"at": 1}]}"#, 50),
        (r#"{"events": []}"#, 14),
        (r#"{"agency": "000.00.15.H47"}"#, 27),
        (r#"{"agency": "000.00.15.H47", "events": []} trailing"#, 43),
    ] {
        let mut sink = ReplaySink::new(None, None, 8);
        match read_log(text.as_bytes(), &LogLimits::default(), &mut sink) {
            Err(LogReadError::Json { offset, .. }) => assert_eq!(offset, at, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}
