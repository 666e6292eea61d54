//! `vanthu replay`: exit codes and output on the event-log vectors of
//! `workflow/tests/vectors/replay/`.

use crate::{json, succeeds, vanthu};

fn vector(name: &str) -> String {
    format!(
        "{}/../workflow/tests/vectors/replay/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn a_valid_log_exits_0_with_the_final_state_and_pending_deadlines() {
    let out = succeeds(&["replay", &vector("office.json"), "--json"]);
    let v = json(&out);
    assert_eq!(v["conformant"], true);
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
    assert_eq!(v["state"]["incoming"]["IN-0001"]["status"], "completed");
    assert_eq!(v["state"]["outgoing"]["OUT-0001"]["status"], "issued");
    let pending = v["pending_deadlines"].as_array().unwrap();
    assert_eq!(pending.len(), 2);
    assert_eq!(pending[0]["kind"], "acknowledge");
    assert_eq!(pending[0]["due"], "2025-03-10T23:59:59+07:00");
    // 000.00.00.G22 sent only the automatic 01: still to be chased.
    assert_eq!(pending[1]["kind"], "not_received");
    assert_eq!(pending[1]["from"], "2025-03-10T17:00:00+07:00");
}

#[test]
fn human_output_lists_documents_and_deadlines() {
    let out = vanthu(&["replay", &vector("office.json")], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("incoming IN-0001 completed no. 01/2025"),
        "{text}"
    );
    assert!(
        text.contains("outgoing OUT-0001 issued 01/SLĐTBXH-VL"),
        "{text}"
    );
    assert!(
        text.contains("IN-0004 acknowledge due 2025-03-10T23:59:59+07:00"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("\nconformant"), "{text}");
}

#[test]
fn violations_exit_1_and_name_the_rules() {
    let out = vanthu(&["replay", &vector("violations.json"), "--json"], b"");
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["conformant"], false);
    assert_eq!(v["missed_deadlines"].as_array().unwrap().len(), 3);
    let rules = violation_rules(&v);
    assert_eq!(
        rules[..3],
        ["WF-IN-002", "WF-OUT-005", "WF-IN-005"],
        "refused events first, in log order"
    );
    assert!(
        rules[3..].iter().all(|r| r.starts_with("WF-DUE-")),
        "{rules:?}"
    );
    assert_eq!(
        rules.len(),
        7,
        "3 refused events, 3 missed deadlines, 1 chase"
    );
    // Each finding has the shared Finding shape and reads back as one.
    for f in v["findings"].as_array().unwrap() {
        let finding: vanthu_identifiers::Finding = serde_json::from_value(f.clone()).unwrap();
        assert!(!finding.message_vi.is_empty());
        assert!(!finding.source.is_empty());
        let rule = vanthu_workflow::rules::ALL
            .iter()
            .find(|r| r.id == finding.rule)
            .expect("rule in the catalogue");
        assert_eq!(rule.source, finding.source);
        assert_eq!(rule.severity, finding.severity);
        let path = finding.location.path.unwrap();
        assert!(
            path.starts_with("events[")
                || path.starts_with("incoming[")
                || path.starts_with("outgoing["),
            "{path}"
        );
    }
    let first = &v["findings"][0];
    assert_eq!(first["severity"], "error");
    assert!(
        first["location"]["path"]
            .as_str()
            .unwrap()
            .starts_with("events[")
    );
    let replay: serde_json::Value = v.clone();
    let report: vanthu_identifiers::Report = serde_json::from_value(replay).unwrap();
    assert_eq!(
        report.conformant,
        vanthu_identifiers::conformant(&report.findings)
    );
}

#[test]
fn deadlines_are_judged_at_as_of() {
    // A week later, IN-0004 has missed its same-day registration.
    let out = vanthu(
        &[
            "replay",
            &vector("office.json"),
            "--as-of",
            "2025-03-17T09:00:00+07:00",
            "--json",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["missed_deadlines"][0]["case"], "IN-0004");
}

#[test]
fn stdin_and_unreadable_logs() {
    let log = std::fs::read(vector("office.json")).unwrap();
    let out = vanthu(&["replay", "-"], &log);
    assert_eq!(out.status.code(), Some(0));
    for bad in [&b"not json"[..], b"{\"agency\": \"x\", \"events\": []}", b"{\"agency\": \"000.00.15.H47\", \"events\": [{\"at\": \"2025-01-01T00:00:00+07:00\", \"type\": \"teleported\"}]}"] {
        let out = vanthu(&["replay", "-"], bad);
        assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(bad));
    }
    let out = vanthu(&["replay", "does-not-exist.json"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = vanthu(
        &["replay", &vector("office.json"), "--as-of", "yesterday"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    // An empty log is valid.
    let out = vanthu(
        &["replay", "-"],
        b"{\"agency\": \"000.00.15.H47\", \"events\": []}",
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_register_opened_mid_year_continues_after_the_paper_numbers() {
    let log = r#"{"agency": "000.00.15.H47", "events": [
      {"at": "2025-03-03T07:00:00+07:00", "type": "actor_added", "actor": {"id": "clerk", "name": "Nguyễn Thị Văn Thư", "roles": ["clerk"]}},
      {"at": "2025-07-01T07:30:00+07:00", "type": "register_opened", "register": {"kind": "incoming"}, "last_number": 41},
      {"at": "2025-07-01T08:15:00+07:00", "type": "incoming", "case": "IN-1", "event": {"type": "arrived", "from": "000.00.18.H40", "meta": {"number": "123/UBND-VX"}}},
      {"at": "2025-07-01T08:40:00+07:00", "type": "incoming", "case": "IN-1", "event": {"type": "registered", "by": "clerk"}},
      {"at": "2025-07-01T09:00:00+07:00", "type": "register_opened", "register": {"kind": "incoming"}, "last_number": 7}
    ]}"#;
    let out = vanthu(&["replay", "-", "--json"], log.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["state"]["incoming"]["IN-1"]["registration"]["number"], 42);
    let rules = violation_rules(&v);
    assert_eq!(rules, ["WF-REG-001"]);
}

/// The rule ids of the findings in `replay --json` output, in order.
fn violation_rules(v: &serde_json::Value) -> Vec<&str> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["rule"].as_str().unwrap())
        .collect()
}

/// `--as-of T` replays the log up to T; a line out of time order is one
/// ordering finding, not a cascade.
#[test]
fn as_of_stops_at_that_instant_and_order_is_one_finding() {
    let out = vanthu(
        &[
            "replay",
            &vector("office.json"),
            "--as-of",
            "2025-03-04 23:59",
            "--json",
        ],
        b"",
    );
    let v = json(&out);
    assert_eq!(v["as_of"], "2025-03-04T23:59:00+07:00");
    assert!(
        v["state"]["outgoing"].as_object().unwrap().is_empty(),
        "{v:#}"
    );
    let mut log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(vector("office.json")).unwrap()).unwrap();
    let events = log["events"].as_array_mut().unwrap();
    let moved = events.remove(6);
    events.insert(8, moved);
    let out = vanthu(&["replay", "-", "--json"], log.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let order: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["location"]["path"]
                .as_str()
                .is_some_and(|p| p.starts_with("events["))
        })
        .collect();
    assert_eq!(order.len(), 1, "{v:#}");
    assert_eq!(order[0]["rule"], "WF-LOG-001");
    assert_eq!(order[0]["location"]["path"], "events[8]");
}

/// The same number typed without Vietnamese letters is a duplicate warning,
/// shown in the text output as well as in the JSON.
#[test]
fn duplicates_typed_without_diacritics_are_shown() {
    let mut extra = Vec::new();
    for (case, number, issuer, minute) in [
        (
            "IN-0101",
            "182/QĐ-LĐTBXH",
            "Sở Lao động - Thương binh và Xã hội",
            "00",
        ),
        (
            "IN-0102",
            "182/QD-LDTBXH",
            "So Lao dong - Thuong binh va Xa hoi",
            "20",
        ),
    ] {
        extra.push((
            format!("2025-03-11T09:{minute}:00+07:00"),
            case,
            serde_json::json!({"type": "arrived", "from": "000.00.18.H40",
                "meta": {"number": number, "issuer": issuer, "date": "2025-03-10", "subject": "Về việc tuyển dụng"}}),
        ));
        extra.push((
            format!("2025-03-11T09:{minute}:30+07:00"),
            case,
            serde_json::json!({"type": "registered", "by": "clerk"}),
        ));
    }
    let extra: Vec<(&str, &str, serde_json::Value)> = extra
        .iter()
        .map(|(at, case, e)| (at.as_str(), *case, e.clone()))
        .collect();
    let text = office_with(&extra);
    let out = vanthu(&["replay", "-", "--json"], text.as_bytes());
    let v = json(&out);
    assert_eq!(
        v["state"]["incoming"]["IN-0102"]["duplicate_of"][0], "IN-0101",
        "{v:#}"
    );
    let out = vanthu(&["replay", "-"], text.as_bytes());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("incoming IN-0102"))
        .unwrap();
    assert!(
        line.contains("may duplicate / có thể trùng IN-0101"),
        "{line}"
    );
}

/// A document marked secret that arrives electronically is refused
/// (`WF-SEC-001`); a subject that only speaks of secrets is not.
#[test]
fn a_secret_document_is_refused_only_when_marked() {
    let mut log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(vector("office.json")).unwrap()).unwrap();
    let events = log["events"].as_array_mut().unwrap();
    for (case, subject, mark) in [
        ("IN-0201", "Về việc triển khai nhiệm vụ", Some("Tối mật")),
        ("IN-0202", "Quy chế bảo vệ bí mật nhà nước", None),
    ] {
        let mut meta = serde_json::json!({"number": "15/UBND-VX", "issuer": "UBND tỉnh Nam Định",
            "date": "2025-03-10", "subject": subject});
        if let Some(m) = mark {
            meta["confidentiality"] = serde_json::json!(m);
            meta["number"] = serde_json::json!("16/UBND-VX");
        }
        events.push(
            serde_json::json!({"at": "2025-03-11T09:00:00+07:00", "type": "incoming", "case": case,
            "event": {"type": "arrived", "from": "000.00.18.H40", "meta": meta}}),
        );
    }
    let out = vanthu(&["replay", "-", "--json"], log.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let secret: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "WF-SEC-001")
        .collect();
    assert_eq!(secret.len(), 1, "{v:#}");
    assert!(
        secret[0]["message_vi"]
            .as_str()
            .unwrap()
            .contains("Tối mật")
    );
    assert!(v["state"]["incoming"]["IN-0202"].is_object());
    assert!(v["state"]["incoming"]["IN-0201"].is_null());
}

/// Received at 16:59, registered at 17:01 the same day: acknowledged "the
/// same day", not late.
#[test]
fn a_document_received_at_1659_and_registered_at_1701_is_on_time() {
    let mut log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(vector("office.json")).unwrap()).unwrap();
    let events = log["events"].as_array_mut().unwrap();
    let meta = serde_json::json!({"number": "21/UBND-VX", "issuer": "UBND tỉnh Nam Định",
        "date": "2025-03-11", "subject": "Về việc lịch công tác"});
    events.push(
        serde_json::json!({"at": "2025-03-11T16:59:00+07:00", "type": "incoming",
        "case": "IN-0301", "event": {"type": "arrived", "from": "000.00.18.H40", "meta": meta}}),
    );
    events.push(
        serde_json::json!({"at": "2025-03-11T17:01:00+07:00", "type": "incoming",
        "case": "IN-0301", "event": {"type": "registered", "by": "clerk"}}),
    );
    let out = vanthu(
        &["replay", "-", "--as-of", "2025-03-12T09:00", "--json"],
        log.to_string().as_bytes(),
    );
    let v = json(&out);
    let late: Vec<&serde_json::Value> = v["missed_deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["case"] == "IN-0301")
        .collect();
    assert!(late.is_empty(), "{late:#?}");
    // An agency whose day ends with its office hours: late.
    let out = vanthu(
        &[
            "replay",
            "-",
            "--as-of",
            "2025-03-12T09:00",
            "--same-day",
            "office-hours",
            "--json",
        ],
        log.to_string().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert!(
        v["missed_deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["case"] == "IN-0301" && m["kind"] == "acknowledge"),
        "{v:#}"
    );
}

/// The log of `office.json` with more incoming events appended.
fn office_with(extra: &[(&str, &str, serde_json::Value)]) -> String {
    let mut log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(vector("office.json")).unwrap()).unwrap();
    let events = log["events"].as_array_mut().unwrap();
    for (at, case, event) in extra {
        events
            .push(serde_json::json!({"at": at, "type": "incoming", "case": case, "event": event}));
    }
    log.to_string()
}

/// #15 item 13: the chase of a recipient that sent only the automatic 01 is
/// surfaced once its window opens (Quyết định 3760/QĐ-UBND Điều 16 khoản 8).
#[test]
fn a_recipient_that_sent_only_01_is_chased_from_3_working_days() {
    let log = office_with(&[]);
    let out = vanthu(
        &["replay", "-", "--as-of", "2025-03-10T18:00"],
        log.as_bytes(),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("OUT-0001 not_received recipient 000.00.00.G22 from 2025-03-10T17:00:00+07:00 due 2025-03-11T17:00:00+07:00"),
        "{text}"
    );
    assert!(text.contains("[WF-DUE-004]"), "{text}");
    assert!(text.contains("has not accepted the document"), "{text}");
}

/// #15 item 7: the clerk routes a registered document directly only where
/// the agency's rules allow it.
#[test]
fn the_clerk_routes_directly_under_the_rules_that_allow_it() {
    let log = office_with(&[
        (
            "2025-03-10T08:05:00+07:00",
            "IN-0004",
            serde_json::json!({"type": "registered", "by": "clerk"}),
        ),
        (
            "2025-03-10T08:10:00+07:00",
            "IN-0004",
            serde_json::json!({"type": "assigned", "by": "clerk",
                "lead": {"assignee": {"kind": "unit", "id": "Phòng Việc làm"}, "due": "2025-03-14T17:00:00+07:00"},
                "direction": ""}),
        ),
    ]);
    let national = vanthu(&["replay", "-", "--json"], log.as_bytes());
    assert_eq!(national.status.code(), Some(1));
    let v = json(&national);
    assert_eq!(violation_rules(&v), ["WF-ACT-002"], "{v:#}");
    let hcm = vanthu(
        &["replay", "-", "--json", "--rules", "ho-chi-minh-city"],
        log.as_bytes(),
    );
    let v = json(&hcm);
    assert_eq!(hcm.status.code(), Some(0), "{v:#}");
    assert_eq!(v["state"]["incoming"]["IN-0004"]["status"], "assigned");
    let text = vanthu(
        &["replay", "-", "--rules", "ho-chi-minh-city"],
        log.as_bytes(),
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("policy: clerk routes directly: yes"),
        "{text}"
    );
    let bad = vanthu(&["replay", "-", "--rules", "hanoi"], log.as_bytes());
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("ho-chi-minh-city"));
}

/// #15 item 9: refusing a recall (16) is allowed nationally and refused
/// under the city and provincial rules, with their articles.
#[test]
fn a_recall_refused_with_16_is_flagged_under_local_rules() {
    let log = office_with(&[
        (
            "2025-03-10T08:05:00+07:00",
            "IN-0004",
            serde_json::json!({"type": "registered", "by": "clerk"}),
        ),
        (
            "2025-03-10T09:00:00+07:00",
            "IN-0004",
            serde_json::json!({"type": "recall_requested", "reason": "Sai sót"}),
        ),
        (
            "2025-03-10T09:10:00+07:00",
            "IN-0004",
            serde_json::json!({"type": "change_answered", "by": "clerk", "agree": false, "reason": "Đã triển khai"}),
        ),
    ]);
    let national = vanthu(&["replay", "-", "--json"], log.as_bytes());
    assert_eq!(
        national.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&national.stdout)
    );
    for rules in ["ho-chi-minh-city", "nam-dinh", "quang-nam"] {
        let out = vanthu(&["replay", "-", "--json", "--rules", rules], log.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{rules}");
        let v = json(&out);
        assert_eq!(violation_rules(&v), ["WF-IN-010"], "{rules}");
        let source = v["findings"][0]["source"].as_str().unwrap();
        assert!(
            source.contains("Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 1 điểm d"),
            "{source}"
        );
    }
}

/// #15 item 14: the `Paper` flag is decided at issue and shown in the state.
#[test]
fn the_paper_flag_follows_the_rules_in_replay() {
    let mut log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(vector("office.json")).unwrap()).unwrap();
    // The competent person's signature of OUT-0001 did not verify.
    for e in log["events"].as_array_mut().unwrap() {
        if e["case"] == "OUT-0001" && e["event"]["type"] == "signed" {
            e["event"]["valid"] = serde_json::json!(false);
        }
    }
    let text = log.to_string();
    let v = json(&vanthu(&["replay", "-", "--json"], text.as_bytes()));
    assert_eq!(v["state"]["outgoing"]["OUT-0001"]["paper"], true, "{v:#}");
    let v = json(&vanthu(&["replay", &vector("office.json"), "--json"], b""));
    assert!(v["state"]["outgoing"]["OUT-0001"].get("paper").is_none());
}
