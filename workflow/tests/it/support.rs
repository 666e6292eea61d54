//! Builders shared by the lifecycle tests: an agency with a clerk, a director,
//! a unit leader and two specialists.

use chrono::{DateTime, FixedOffset};
use vanthu_identifiers::{AgencyId, DocumentId, DocumentNumber, Urgency};
use vanthu_workflow::incoming::{Handler, IncomingEvent};
use vanthu_workflow::outgoing::OutgoingEvent;
use vanthu_workflow::{
    Actor, ActorId, Assignee, CaseId, DocumentMeta, Effect, Event, Office, Role, WorkflowError,
};

pub(crate) const AGENCY: &str = "000.00.15.H47";
pub(crate) const SENDER: &str = "000.00.18.H40";
pub(crate) const OTHER: &str = "000.00.00.G22";

pub(crate) fn t(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

pub(crate) fn agency(text: &str) -> AgencyId {
    AgencyId::parse(text).unwrap()
}

pub(crate) fn id(text: &str) -> ActorId {
    ActorId::parse(text).unwrap()
}

pub(crate) fn case(text: &str) -> CaseId {
    CaseId::parse(text).unwrap()
}

pub(crate) fn staff() -> Vec<Actor> {
    vec![
        Actor::new(
            id("clerk"),
            "Nguyễn Thị Văn Thư",
            Some("Văn phòng"),
            vec![Role::Clerk],
        ),
        Actor::new(
            id("director"),
            "Trần Văn Giám Đốc",
            None,
            vec![Role::AgencyLeader],
        ),
        Actor::new(id("deputy"), "Lê Văn Phó", None, vec![Role::UnitLeader]),
        Actor::new(
            id("head"),
            "Phạm Trưởng Phòng",
            Some("Phòng Việc làm"),
            vec![Role::UnitLeader],
        ),
        Actor::new(
            id("spec"),
            "Hoàng Chuyên Viên",
            Some("Phòng Việc làm"),
            vec![Role::Specialist],
        ),
        Actor::new(
            id("spec2"),
            "Đỗ Chuyên Viên",
            Some("Phòng Lao động"),
            vec![Role::Specialist],
        ),
    ]
}

/// An office with the staff, at 2025-03-03 (a Monday).
pub(crate) fn office() -> Office {
    office_under(vanthu_workflow::Policy::default())
}

/// [`office`] working under `policy`.
pub(crate) fn office_under(policy: vanthu_workflow::Policy) -> Office {
    let mut office = Office::with_policy(agency(AGENCY), policy);
    for actor in staff() {
        office
            .step(&Event::ActorAdded { actor }, t("2025-03-03T07:00:00+07:00"))
            .unwrap();
    }
    office
}

pub(crate) fn meta(number: &str, subject: &str) -> DocumentMeta {
    let mut meta = DocumentMeta::new(subject);
    meta.number = Some(DocumentNumber::parse(number).unwrap());
    meta.issuer = "Văn phòng UBND tỉnh Nam Định".to_owned();
    meta.document_id = Some(DocumentId::parse(&format!("{SENDER},2025/03/03,{number}")).unwrap());
    meta
}

pub(crate) fn urgent(mut meta: DocumentMeta) -> DocumentMeta {
    meta.urgency = Some(Urgency::Express);
    meta
}

pub(crate) fn inc(c: &str, event: IncomingEvent) -> Event {
    Event::Incoming {
        case: case(c),
        event,
    }
}

pub(crate) fn out(c: &str, event: OutgoingEvent) -> Event {
    Event::Outgoing {
        case: case(c),
        event,
    }
}

pub(crate) fn arrived(c: &str, number: &str) -> Event {
    inc(
        c,
        IncomingEvent::Arrived {
            paper: false,
            from: agency(SENDER),
            meta: meta(number, "Về việc triển khai văn bản điện tử"),
        },
    )
}

pub(crate) fn registered(c: &str) -> Event {
    inc(c, IncomingEvent::Registered { by: id("clerk") })
}

pub(crate) fn assigned(c: &str, due: &str) -> Event {
    inc(
        c,
        IncomingEvent::Assigned {
            by: id("director"),
            lead: Handler::new(Assignee::Unit("Phòng Việc làm".to_owned()), t(due)),
            cooperating: vec![Handler::new(
                Assignee::Unit("Phòng Lao động".to_owned()),
                t(due),
            )],
            direction: "Phòng Việc làm chủ trì tham mưu".to_owned(),
        },
    )
}

/// Applies events in order, each at its instant; panics on the first error.
pub(crate) fn run<S: AsRef<str>>(office: &mut Office, events: &[(S, Event)]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for (at, event) in events {
        let at = at.as_ref();
        effects.extend(
            office
                .step(event, t(at))
                .unwrap_or_else(|e| panic!("{at}: {e}")),
        );
    }
    effects
}

/// Applies one event and returns the error it must cause.
pub(crate) fn refused(office: &mut Office, at: &str, event: &Event) -> WorkflowError {
    let before = office.clone();
    let error = office.step(event, t(at)).unwrap_err();
    assert_eq!(
        *office, before,
        "a refused event must leave the state unchanged"
    );
    error
}

/// An outgoing draft taken to `AgencySigned`.
pub(crate) fn ready_to_issue(c: &str) -> Vec<(&'static str, Event)> {
    vec![
        (
            "2025-03-03T08:00:00+07:00",
            out(
                c,
                OutgoingEvent::Drafted {
                    by: id("spec"),
                    subject: "Về việc báo cáo tình hình lao động".to_owned(),
                    document_type: None,
                    symbol: "LĐTBXH-VL".to_owned(),
                    urgency: None,
                    confidentiality: None,
                },
            ),
        ),
        (
            "2025-03-03T08:30:00+07:00",
            out(c, OutgoingEvent::Submitted { by: id("spec") }),
        ),
        (
            "2025-03-03T09:00:00+07:00",
            out(c, OutgoingEvent::Approved { by: id("head") }),
        ),
        (
            "2025-03-03T10:00:00+07:00",
            out(
                c,
                OutgoingEvent::Signed {
                    by: id("director"),
                    valid: true,
                },
            ),
        ),
        (
            "2025-03-03T10:10:00+07:00",
            out(
                c,
                OutgoingEvent::Numbered {
                    by: id("clerk"),
                    register: None,
                },
            ),
        ),
        (
            "2025-03-03T10:20:00+07:00",
            out(
                c,
                OutgoingEvent::AgencySigned {
                    by: id("clerk"),
                    valid: true,
                },
            ),
        ),
    ]
}

pub(crate) fn status_codes(effects: &[Effect]) -> Vec<(String, String)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SendStatus(n) => Some((n.code.as_str().to_owned(), n.to.to_string())),
            _ => None,
        })
        .collect()
}

/// The same events on another day (`YYYY-MM-DD`), same times.
pub(crate) fn on(day: &str, events: Vec<(&str, Event)>) -> Vec<(String, Event)> {
    events
        .into_iter()
        .map(|(at, e)| (format!("{day}{}", &at[10..]), e))
        .collect()
}
