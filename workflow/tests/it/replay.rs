//! The event-log vectors in `tests/vectors/replay/`: JSON schema, replay,
//! violations, deadlines, register views and reports on a realistic log.

use vanthu_workflow::calendar::{DeadlineRules, WorkingCalendar};
use vanthu_workflow::incoming::IncomingStatus;
use vanthu_workflow::monitor::{backlog, check_log};
use vanthu_workflow::outgoing::{DeliveryState, OutgoingStatus};
use vanthu_workflow::report::{Period, report, report_with_calendar};
use vanthu_workflow::views::{
    incoming_register, incoming_register_csv, outgoing_register, outgoing_register_csv,
};
use vanthu_workflow::{DeadlineKind, EventLog, Office, RegisterKind, replay, replay_lenient};

use vanthu_identifiers::{Severity, conformant};

use crate::support::{case, t};

fn vector(name: &str) -> EventLog {
    let path = format!("{}/tests/vectors/replay/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn calendar() -> WorkingCalendar {
    WorkingCalendar::vietnam(2024..=2026).unwrap()
}

#[test]
fn the_valid_log_replays_without_violations() {
    let log = vector("office.json");
    let (office, effects) = replay(&log).unwrap();
    let report = check_log(&log, &calendar(), &DeadlineRules::default(), None).unwrap();
    assert!(
        report.conformant && report.findings.is_empty(),
        "{:?} {:?}",
        report.findings,
        report.missed_deadlines
    );
    assert_eq!(report.state, office);
    let doc = office.incoming(&case("IN-0001")).unwrap();
    assert_eq!(doc.status, IncomingStatus::Completed);
    assert!(doc.paper_received_at.is_some());
    assert_eq!(
        office.incoming(&case("IN-0002")).unwrap().status,
        IncomingStatus::Returned
    );
    let out = office.outgoing(&case("OUT-0001")).unwrap();
    assert_eq!(out.status, OutgoingStatus::Issued);
    assert_eq!(out.revisions, 1);
    assert!(out.has_legal_value());
    assert_eq!(
        out.signer
            .as_ref()
            .unwrap()
            .on_behalf_of
            .as_ref()
            .unwrap()
            .as_str(),
        "director"
    );
    assert_eq!(out.deliveries[0].state, DeliveryState::Accepted);
    // Two pending deadlines: IN-0004 to register the same day, and
    // 000.00.00.G22, which sent only the automatic 01 for OUT-0001, to be
    // chased from 3 working days after sending (Quyết định 3760/QĐ-UBND Điều
    // 16 khoản 8: "chưa được tiếp nhận"): not yet at the last event.
    assert_eq!(report.pending_deadlines.len(), 2);
    assert_eq!(report.pending_deadlines[0].kind, DeadlineKind::Acknowledge);
    assert_eq!(
        report.pending_deadlines[0].due,
        t("2025-03-10T23:59:59+07:00")
    );
    let chase = &report.pending_deadlines[1];
    assert_eq!(chase.kind, DeadlineKind::NotReceived);
    assert_eq!(chase.recipient.unwrap().to_string(), "000.00.00.G22");
    assert_eq!(chase.from, Some(t("2025-03-10T17:00:00+07:00")));
    assert_eq!(chase.due, t("2025-03-11T17:00:00+07:00"));
    assert!(report.findings.iter().all(|f| f.rule != "WF-DUE-004"));
    // Judged the next morning, the chase is due and reported as a warning.
    let later = check_log(
        &vector("office.json"),
        &calendar(),
        &DeadlineRules::default(),
        Some(t("2025-03-11T08:00:00+07:00")),
    )
    .unwrap();
    let chase = later
        .findings
        .iter()
        .find(|f| f.rule == "WF-DUE-004")
        .expect("the chase is surfaced");
    assert_eq!(chase.severity, vanthu_identifiers::Severity::Warning);
    assert!(chase.message.contains("000.00.00.G22"), "{}", chase.message);
    assert!(
        chase
            .message_vi
            .contains("đôn đốc từ 2025-03-10T17:00:00+07:00")
    );
    // 6 status packages to senders (01 03 04 05 06 for IN-0001, 01 02 for IN-0002, 01 for IN-0004).
    let statuses = effects
        .iter()
        .filter(|e| matches!(e, vanthu_workflow::Effect::SendStatus(_)))
        .count();
    assert_eq!(statuses, 8);
}

#[test]
fn the_state_round_trips_through_json() {
    let (office, _) = replay(&vector("office.json")).unwrap();
    let json = serde_json::to_string(&office).unwrap();
    let back: Office = serde_json::from_str(&json).unwrap();
    assert_eq!(back, office);
    let (_, effects) = replay(&vector("office.json")).unwrap();
    let json = serde_json::to_string(&effects).unwrap();
    let back: Vec<vanthu_workflow::Effect> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, effects);
    assert!(json.contains(r#""effect":"send_status""#) && json.contains(r#""code":"03""#));
    let log = vector("office.json");
    let again: EventLog = serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
    assert_eq!(again, log);
}

#[test]
fn the_log_with_violations_names_each_rule() {
    let log = vector("violations.json");
    assert!(replay(&log).is_err());
    let report = check_log(&log, &calendar(), &DeadlineRules::default(), None).unwrap();
    let rules: Vec<&str> = report.findings.iter().map(|v| v.rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "WF-IN-002",
            "WF-OUT-005",
            "WF-IN-005",
            "WF-DUE-001",
            "WF-DUE-001",
            "WF-DUE-001",
            // A recipient that never accepted the issued document: chase it.
            "WF-DUE-004"
        ]
    );
    let first = &report.findings[0];
    assert_eq!(first.message_vi, "IN-0002: thiếu lý do (`reason`)");
    assert_eq!(first.severity, Severity::Error);
    assert_eq!(first.location.path.as_deref(), Some("events[12]"));
    assert!(
        first
            .source
            .starts_with("Nghị định 30/2020/NĐ-CP Điều 21 khoản 2 điểm b")
    );
    assert!(report.findings[1].message_vi.contains("không gửi trùng"));
    let missed = &report.findings[3];
    assert_eq!(missed.location.path.as_deref(), Some("incoming[IN-0002]"));
    assert!(
        missed
            .message
            .starts_with("IN-0002: receipt not acknowledged"),
        "{}",
        missed.message
    );
    let missed: Vec<(&str, DeadlineKind)> = report
        .missed_deadlines
        .iter()
        .map(|m| (m.case.as_str(), m.kind))
        .collect();
    assert_eq!(
        missed,
        [
            ("IN-0002", DeadlineKind::Acknowledge),
            ("IN-0003", DeadlineKind::Acknowledge),
            ("IN-0004", DeadlineKind::Acknowledge)
        ]
    );
    assert!(!report.conformant);
    assert_eq!(report.to_report().conformant, conformant(&report.findings));
    let (lenient, violations) = replay_lenient(&log);
    assert_eq!(lenient, report.state);
    assert_eq!(violations[..], report.findings[..3]);
}

#[test]
fn register_views_have_the_appendix_iv_columns() {
    let (office, _) = replay(&vector("office.json")).unwrap();
    let rows = incoming_register(&office, 2025);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].arrival_number, "01");
    assert_eq!(rows[0].receiver, "Phòng Việc làm");
    assert_eq!(rows[0].note, "Đã nhận bản giấy");
    let csv = incoming_register_csv(&rows);
    let mut lines = csv.lines();
    assert_eq!(lines.next().unwrap().split(',').count(), 10);
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("2025-03-03,01,UBND tỉnh Nam Định,123/UBND-VX")
    );
    let rows = outgoing_register(&office, &RegisterKind::Outgoing, 2025);
    assert_eq!(rows[0].number_and_symbol, "01/SLĐTBXH-VL");
    assert_eq!(rows[0].signer, "Lê Văn Phó");
    assert_eq!(rows[0].copies, 2);
    let csv = outgoing_register_csv(&rows);
    assert!(csv.contains("\"Đơn vị, người nhận bản lưu\""));
    assert!(outgoing_register(&office, &RegisterKind::Outgoing, 2024).is_empty());
}

#[test]
fn reports_per_period_and_unit() {
    let (office, _) = replay(&vector("office.json")).unwrap();
    let march = report(
        &office,
        Period::Month {
            year: 2025,
            month: 3,
        },
    )
    .unwrap();
    assert_eq!(march.total.received, 1);
    assert_eq!(march.total.sent, 1);
    assert_eq!(march.total.valid_signature_share, Some(1.0));
    assert_eq!(
        (march.total.handled_on_time, march.total.handled_late),
        (1, 0)
    );
    // 3 Mar 08:40 → 7 Mar 15:00.
    let hours = march.total.average_handling_hours.unwrap();
    assert!((hours - 102.333).abs() < 0.01, "{hours}");
    assert_eq!(march.units.len(), 1);
    assert_eq!(march.units[0].unit, "Phòng Việc làm");
    let q2 = report(
        &office,
        Period::Quarter {
            year: 2025,
            quarter: 2,
        },
    )
    .unwrap();
    assert_eq!(
        (q2.total.received, q2.total.sent, q2.total.open_backlog),
        (0, 0, 0)
    );
    let feb = report(
        &office,
        Period::Month {
            year: 2025,
            month: 2,
        },
    )
    .unwrap();
    assert_eq!(
        feb.to,
        chrono::NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()
    );
    assert!(
        report(
            &office,
            Period::Quarter {
                year: 2025,
                quarter: 5
            }
        )
        .is_err()
    );
    let csv = march.to_csv();
    assert_eq!(csv.lines().count(), 3);
    assert!(
        csv.lines()
            .last()
            .unwrap()
            .starts_with("*,1,1,1,1.00,1,0,0,0,102.33,0")
    );
    let judged = report_with_calendar(
        &office,
        Period::Year { year: 2025 },
        &calendar(),
        &DeadlineRules::default(),
    )
    .unwrap();
    assert_eq!(
        (judged.total.issued_on_time, judged.total.issued_late),
        (1, 0)
    );
    assert_eq!(judged.total.received, march.total.received);
    let half = report(
        &office,
        Period::HalfYear {
            year: 2025,
            half: 1,
        },
    )
    .unwrap();
    assert_eq!(
        half.from,
        chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
    );
}

#[test]
fn backlog_lists_open_incoming_documents() {
    let (office, _) = replay(&vector("office.json")).unwrap();
    let items = backlog(&office, t("2025-03-10T09:00:00+07:00"));
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].case, case("IN-0004"));
    assert_eq!(items[0].status, IncomingStatus::Arrived);
    assert!(!items[0].overdue);
    // Documents that arrive after the instant are not listed.
    assert!(backlog(&office, t("2025-03-10T07:00:00+07:00")).is_empty());
}

/// `as_of` is a point in the log's time: events after it are not applied.
#[test]
fn as_of_stops_the_replay_at_that_instant() {
    use chrono::DateTime;
    let log = vector("office.json");
    let (full, _) = replay_lenient(&log);
    let midway = DateTime::parse_from_rfc3339("2025-03-04T23:59:00+07:00").unwrap();
    let (until, findings) = vanthu_workflow::replay_lenient_until(&log, Some(midway));
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(
        until.last_at().unwrap().to_rfc3339(),
        "2025-03-04T14:20:00+07:00"
    );
    assert_eq!(
        until.outgoing_documents().count(),
        0,
        "outgoing documents start on 03-05"
    );
    assert!(full.outgoing_documents().count() > 0);
    let report = check_log(&log, &calendar(), &DeadlineRules::default(), Some(midway)).unwrap();
    assert_eq!(report.state, until);
    assert_eq!(report.as_of, Some(midway));
}

/// A log line written out of time order is one ordering finding at that
/// line; the event still counts at its time, so the documents it concerns
/// do not cascade into "no document with this case id".
#[test]
fn an_event_out_of_time_order_is_one_finding() {
    let mut log = vector("office.json");
    let (in_order, _) = replay_lenient(&log);
    // Move the first incoming document (08:15) after the third (10:00).
    let moved = log.events.remove(6);
    log.events.insert(8, moved);
    let (state, findings) = replay_lenient(&log);
    let rules: Vec<(&str, Option<&str>)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.location.path.as_deref()))
        .collect();
    assert_eq!(rules, [("WF-LOG-001", Some("events[8]"))], "{findings:?}");
    assert_eq!(state, in_order);
    // The strict replay refuses the log: it applies events in the order written.
    assert!(replay(&log).is_err());
}
