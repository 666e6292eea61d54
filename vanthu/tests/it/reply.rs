//! `vanthu::reply`: status replies go through the workflow's rules
//! (#15 item 12), in both directions.

use vanthu::edxml::{BusinessType, DocumentPackage, Organization};
use vanthu::identifiers::StatusCode;
use vanthu::workflow::{LocalRules, Policy};
use vanthu::{ReplyError, ReplyRequest, reply};

fn document() -> DocumentPackage {
    let at = vanthu::parse_time("2025-06-02T09:00").unwrap();
    DocumentPackage::new_document(
        Organization::new("000.00.15.H47", "UBND tỉnh Quảng Nam"),
        vec![
            Organization::new("000.01.15.H47", "Sở Nội vụ"),
            Organization::new("000.02.15.H47", "Sở Tài chính"),
        ],
        ("12", "UBND-VX"),
        "2025/06/02",
        "Về việc tổ chức hội nghị",
        &at,
    )
}

fn refused(doc: &DocumentPackage, request: &ReplyRequest) -> String {
    let at = vanthu::parse_time("2025-06-02T10:00").unwrap();
    match reply(doc, request, &at) {
        Err(ReplyError::Refused(f)) => {
            assert!(!f.message_vi.is_empty() && !f.source.is_empty());
            f.rule
        }
        other => panic!("{request:?}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_recipient_answers_a_new_document_with_01_to_06() {
    let doc = document();
    let at = vanthu::parse_time("2025-06-02T10:00").unwrap();
    for code in ["01", "03", "04", "05", "06"] {
        let status = reply(
            &doc,
            &ReplyRequest::new(StatusCode::parse(code), "000.02.15.H47"),
            &at,
        )
        .unwrap();
        assert_eq!(status.status_code.as_deref(), Some(code));
        assert_eq!(
            status.from.as_ref().unwrap().organ_name.as_deref(),
            Some("Sở Tài chính")
        );
    }
    let returned = reply(
        &doc,
        &ReplyRequest::new(StatusCode::Rejected, "000.01.15.H47").description("Sai nơi nhận"),
        &at,
    )
    .unwrap();
    assert_eq!(returned.description.as_deref(), Some("Sai nơi nhận"));
    let take_back = reply(
        &doc,
        &ReplyRequest::new(StatusCode::TakeBackRequested, "000.00.15.H47"),
        &at,
    )
    .unwrap();
    assert_eq!(
        take_back.response_for.as_ref().unwrap().organ_id.as_deref(),
        Some("000.01.15.H47")
    );
}

#[test]
fn what_the_workflow_refuses_is_refused_with_its_rule() {
    let doc = document();
    let r = |code: StatusCode, from: &str| ReplyRequest::new(code, from);
    assert_eq!(
        refused(&doc, &r(StatusCode::Accepted, "000.09.15.H47")),
        "WF-OUT-006"
    );
    assert_eq!(
        refused(&doc, &r(StatusCode::TakeBackRequested, "000.01.15.H47")),
        "WF-OUT-006"
    );
    assert_eq!(
        refused(&doc, &r(StatusCode::Rejected, "000.01.15.H47")),
        "WF-IN-002"
    );
    assert_eq!(
        refused(&doc, &r(StatusCode::ChangeAccepted, "000.01.15.H47")),
        "WF-IN-007"
    );
    let at = vanthu::parse_time("2025-06-03T09:00").unwrap();
    let recall = doc.follow_up(BusinessType::Revoke, Some("Sai sót"), &at);
    assert_eq!(
        refused(&recall, &r(StatusCode::Accepted, "000.01.15.H47")),
        "WF-IN-006"
    );
    assert_eq!(
        refused(&recall, &r(StatusCode::ChangeRejected, "000.01.15.H47")),
        "WF-IN-006"
    );
    let refusal = r(StatusCode::ChangeRejected, "000.01.15.H47").description("Đã thực hiện");
    assert!(reply(&recall, &refusal, &at).is_ok());
    assert_eq!(
        refused(
            &recall,
            &refusal.clone().policy(Policy::local(LocalRules::QuangNam))
        ),
        "WF-IN-010"
    );
    let update = doc.follow_up(BusinessType::Update, None, &at);
    assert_eq!(
        refused(&update, &r(StatusCode::Completed, "000.01.15.H47")),
        "WF-IN-007"
    );
    assert!(
        reply(
            &update,
            &r(StatusCode::ChangeAccepted, "000.01.15.H47"),
            &at
        )
        .is_ok()
    );
}

#[test]
fn an_organisation_without_a_name_needs_one() {
    let mut doc = document();
    doc.header.to[0].organ_name = None;
    let at = vanthu::parse_time("2025-06-02T10:00").unwrap();
    let request = ReplyRequest::new(StatusCode::Accepted, "000.01.15.H47");
    assert!(matches!(
        reply(&doc, &request, &at),
        Err(ReplyError::NoName(_))
    ));
    let named = reply(&doc, &request.from_name("Sở Nội vụ tỉnh Quảng Nam"), &at).unwrap();
    assert_eq!(
        named.from.unwrap().organ_name.as_deref(),
        Some("Sở Nội vụ tỉnh Quảng Nam")
    );
}
