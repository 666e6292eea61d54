//! The agency's policy: where the national texts and the local rules differ,
//! the national reading is the default and the local one is chosen by name.

use vanthu_workflow::incoming::{Handler, IncomingEvent, IncomingStatus};
use vanthu_workflow::{
    Assignee, EventLog, LocalRules, LogEntry, Policy, RecallRefusal, WorkflowErrorKind,
    replay_lenient,
};

use crate::support::*;

fn routed_by_clerk(c: &str) -> vanthu_workflow::Event {
    inc(
        c,
        IncomingEvent::Assigned {
            by: id("clerk"),
            lead: Handler::new(
                Assignee::Unit("Phòng Việc làm".to_owned()),
                t("2025-03-10T17:00:00+07:00"),
            ),
            cooperating: Vec::new(),
            direction: String::new(),
        },
    )
}

fn registered_document(office: &mut vanthu_workflow::Office) {
    run(
        office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
        ],
    );
}

#[test]
fn hcm_4556_phu_luc_2_ii_1_the_clerk_routes_directly_when_the_working_rules_allow_it() {
    // National default: the leader assigns (Nghị định 30/2020/NĐ-CP Điều 23).
    let mut national = office();
    registered_document(&mut national);
    let error = refused(
        &mut national,
        "2025-03-03T09:20:00+07:00",
        &routed_by_clerk("IN-1"),
    );
    assert!(
        matches!(error.kind(), WorkflowErrorKind::NotAuthorised { .. }),
        "{error}"
    );
    // Hồ Chí Minh City's rules let the clerk route by content and working rules.
    let mut hcm = office_under(Policy::local(LocalRules::HoChiMinhCity));
    registered_document(&mut hcm);
    let effects = run(
        &mut hcm,
        &[("2025-03-03T09:20:00+07:00", routed_by_clerk("IN-1"))],
    );
    assert_eq!(
        status_codes(&effects),
        [("04".to_owned(), SENDER.to_owned())]
    );
    let doc = hcm.incoming(&case("IN-1")).unwrap();
    assert_eq!(doc.status, IncomingStatus::Assigned);
    // Any agency may opt in.
    let mut opted = office_under(Policy::national().clerk_routes(true));
    registered_document(&mut opted);
    run(
        &mut opted,
        &[("2025-03-03T09:20:00+07:00", routed_by_clerk("IN-1"))],
    );
    // A specialist still cannot assign.
    let mut other = office_under(Policy::national().clerk_routes(true));
    registered_document(&mut other);
    let by_specialist = inc(
        "IN-1",
        IncomingEvent::Assigned {
            by: id("spec"),
            lead: Handler::new(
                Assignee::Unit("Phòng Việc làm".to_owned()),
                t("2025-03-10T17:00:00+07:00"),
            ),
            cooperating: Vec::new(),
            direction: String::new(),
        },
    );
    refused(&mut other, "2025-03-03T09:20:00+07:00", &by_specialist);
}

fn recall_then_refuse() -> Vec<(&'static str, vanthu_workflow::Event)> {
    vec![
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
        (
            "2025-03-03T11:10:00+07:00",
            inc(
                "IN-1",
                IncomingEvent::ChangeAnswered {
                    by: id("clerk"),
                    agree: false,
                    reason: Some("Đã triển khai".to_owned()),
                },
            ),
        ),
    ]
}

#[test]
fn hcm_3760_dieu_10_1_d_nam_dinh_and_quang_nam_dieu_9_4_a_recall_cannot_be_refused_locally() {
    // Quyết định 28/2018/QĐ-TTg defines 16: the national default allows it.
    let mut national = office();
    let effects = run(&mut national, &recall_then_refuse());
    assert_eq!(status_codes(&effects).last().unwrap().0, "16");
    for rules in [
        LocalRules::HoChiMinhCity,
        LocalRules::NamDinh,
        LocalRules::QuangNam,
    ] {
        let policy = Policy::local(rules);
        assert_eq!(policy.recall_refusal, RecallRefusal::Forbidden, "{rules}");
        let mut office = office_under(policy);
        let events = recall_then_refuse();
        let (last, before) = events.split_last().unwrap();
        run(&mut office, before);
        let error = refused(&mut office, last.0, &last.1);
        assert_eq!(error.rule_id(), "WF-IN-010", "{rules}");
        assert!(error.source_article().contains("3760/QĐ-UBND"));
        assert!(error.source_article().contains("Nam Định"));
        assert!(error.source_article().contains("182/QĐ-LĐTBXH"));
        let finding = error.finding(Default::default());
        assert!(finding.message_vi.contains("không được từ chối thu hồi"));
    }
}

#[test]
fn a_log_carries_its_policy_and_replays_under_it() {
    let staff_events = staff().into_iter().map(|actor| {
        LogEntry::new(
            t("2025-03-03T07:00:00+07:00"),
            vanthu_workflow::Event::ActorAdded { actor },
        )
    });
    let events: Vec<LogEntry> = staff_events
        .chain(
            recall_then_refuse()
                .into_iter()
                .map(|(at, e)| LogEntry::new(t(at), e)),
        )
        .collect();
    let log = EventLog::new(agency(AGENCY), events);
    let (_, findings) = replay_lenient(&log);
    assert!(findings.is_empty(), "{findings:?}");
    // The national policy is left out of the JSON; a local one is written.
    let json = serde_json::to_string(&log).unwrap();
    assert!(!json.contains("policy"));
    let local = log.with_policy("nam-dinh".parse().unwrap());
    let json = serde_json::to_string(&local).unwrap();
    assert!(json.contains(r#""policy":{"clerk_routes":false,"recall_refusal":"forbidden","paper_copies":"without_legal_value"}"#));
    let back: EventLog = serde_json::from_str(&json).unwrap();
    let (_, findings) = replay_lenient(&back);
    assert_eq!(
        findings.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        ["WF-IN-010"]
    );
    assert!("hanoi".parse::<Policy>().is_err());
}

fn issue_under(
    policy: Policy,
    document_type: Option<vanthu_identifiers::DocumentType>,
    valid: bool,
    paper: Option<bool>,
) -> (bool, Vec<vanthu_workflow::Effect>) {
    use vanthu_workflow::outgoing::OutgoingEvent;
    let mut office = office_under(policy);
    let mut events = ready_to_issue("OUT-1");
    if let (
        _,
        vanthu_workflow::Event::Outgoing {
            event: OutgoingEvent::Drafted {
                document_type: t, ..
            },
            ..
        },
    ) = &mut events[0]
    {
        *t = document_type;
    }
    if let (
        _,
        vanthu_workflow::Event::Outgoing {
            event: OutgoingEvent::Signed { valid: v, .. },
            ..
        },
    ) = &mut events[3]
    {
        *v = valid;
    }
    run(&mut office, &events);
    let effects = run(
        &mut office,
        &[(
            "2025-03-03T10:30:00+07:00",
            out(
                "OUT-1",
                OutgoingEvent::Issued {
                    by: id("clerk"),
                    recipients: vec![agency(SENDER)],
                    paper,
                },
            ),
        )],
    );
    (office.outgoing(&case("OUT-1")).unwrap().paper, effects)
}

fn sent_paper(effects: &[vanthu_workflow::Effect]) -> Vec<bool> {
    effects
        .iter()
        .filter_map(|e| match e {
            vanthu_workflow::Effect::SendDocument { paper, .. } => Some(*paper),
            _ => None,
        })
        .collect()
}

/// #15 item 14: the `Paper` flag follows the rule that applies, and the
/// clerk can override it.
#[test]
fn hcm_3760_dieu_4_4_and_phu_nhuan_71_phu_luc_1_the_paper_flag_follows_the_rules() {
    use vanthu_identifiers::DocumentType;
    // Both signatures valid: electronic only.
    let (paper, effects) = issue_under(Policy::default(), None, true, None);
    assert!(!paper);
    assert_eq!(sent_paper(&effects), [false]);
    // The competent person's signature did not verify: reference only, paper follows.
    let (paper, effects) = issue_under(Policy::default(), None, false, None);
    assert!(paper);
    assert_eq!(sent_paper(&effects), [true]);
    // Phú Nhuận sends decisions and submissions on paper too.
    let phu_nhuan: Policy = "phu-nhuan".parse().unwrap();
    assert!(issue_under(phu_nhuan, Some(DocumentType::Decision), true, None).0);
    assert!(issue_under(phu_nhuan, Some(DocumentType::Submission), true, None).0);
    assert!(!issue_under(phu_nhuan, Some(DocumentType::Plan), true, None).0);
    assert!(!issue_under(Policy::default(), Some(DocumentType::Decision), true, None).0);
    // The clerk's word wins.
    let (paper, effects) = issue_under(phu_nhuan, Some(DocumentType::Decision), true, Some(false));
    assert!(!paper);
    assert_eq!(sent_paper(&effects), [false]);
}
