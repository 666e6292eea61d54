//! Accounts and delegations.

use vanthu_workflow::outgoing::OutgoingEvent;
use vanthu_workflow::{Delegation, Event, Role, WorkflowErrorKind};

use crate::support::*;

#[test]
fn hcm_2021_dieu_13_3_a_disabled_account_cannot_act_but_stays_in_the_history() {
    let mut office = office();
    run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-03T09:20:00+07:00", arrived("IN-2", "124/UBND-VX")),
            (
                "2025-03-04T07:00:00+07:00",
                Event::ActorDisabled { actor: id("clerk") },
            ),
        ],
    );
    // From the very instant of the disabling on.
    for at in ["2025-03-04T07:00:00+07:00", "2025-03-04T08:00:00+07:00"] {
        let error = refused(&mut office, at, &registered("IN-2"));
        assert_eq!(error.rule_id(), "WF-ACT-001", "{at}");
    }
    let error = refused(
        &mut office,
        "2025-03-04T08:00:00+07:00",
        &registered("IN-2"),
    );
    assert_eq!(error.rule_id(), "WF-ACT-001");
    assert!(matches!(
        error.kind(),
        WorkflowErrorKind::DisabledActor { .. }
    ));
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert_eq!(doc.history[1].by.as_ref().unwrap().actor, id("clerk"));
    assert!(
        office
            .directory()
            .actor(&id("clerk"))
            .unwrap()
            .disabled_at
            .is_some()
    );
    // Accounts are never deleted nor reused.
    let again = Event::ActorAdded {
        actor: staff().remove(0),
    };
    assert_eq!(
        refused(&mut office, "2025-03-04T08:00:00+07:00", &again).rule_id(),
        "WF-ACT-001"
    );
}

#[test]
fn quang_nam_2019_dieu_17_4_delegation_is_valid_only_within_its_window() {
    let mut office = office();
    let mut events = ready_to_issue("OUT-1");
    events.truncate(3); // drafted, submitted, approved
    run(&mut office, &events);
    run(
        &mut office,
        &[(
            "2025-03-03T09:10:00+07:00",
            Event::Delegated {
                delegation: Delegation::new(
                    id("director"),
                    id("deputy"),
                    Role::AgencyLeader,
                    t("2025-03-03T12:00:00+07:00"),
                    t("2025-03-04T00:00:00+07:00"),
                ),
            },
        )],
    );
    let sign = out(
        "OUT-1",
        OutgoingEvent::Signed {
            by: id("deputy"),
            valid: true,
        },
    );
    let error = refused(&mut office, "2025-03-03T10:00:00+07:00", &sign);
    assert_eq!(error.rule_id(), "WF-ACT-002");
    run(&mut office, &[("2025-03-03T13:00:00+07:00", sign)]);
    let doc = office.outgoing(&case("OUT-1")).unwrap();
    let signer = doc.signer.as_ref().unwrap();
    assert_eq!(
        (
            signer.actor.as_str(),
            signer.on_behalf_of.as_ref().map(|a| a.as_str())
        ),
        ("deputy", Some("director"))
    );
    // A delegation only from someone who holds the role.
    let bogus = Event::Delegated {
        delegation: Delegation::new(
            id("spec"),
            id("spec2"),
            Role::AgencyLeader,
            t("2025-03-03T12:00:00+07:00"),
            t("2025-03-04T00:00:00+07:00"),
        ),
    };
    assert_eq!(
        refused(&mut office, "2025-03-03T14:00:00+07:00", &bogus).rule_id(),
        "WF-ACT-002"
    );
}
