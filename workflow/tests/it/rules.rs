//! The rule catalogue: the ids already in use keep their meaning (the
//! catalogue as a whole is checked by the umbrella crate's tests).

use vanthu_workflow::rules;

#[test]
fn the_existing_ids_keep_their_meaning() {
    let ids: Vec<&str> = rules::ALL.iter().map(|r| r.id).collect();
    for id in [
        "WF-LOG-001",
        "WF-LOG-002",
        "WF-ACT-001",
        "WF-ACT-002",
        "WF-IN-001",
        "WF-IN-002",
        "WF-IN-003",
        "WF-IN-004",
        "WF-IN-005",
        "WF-IN-006",
        "WF-IN-007",
        "WF-IN-008",
        "WF-IN-009",
        "WF-OUT-001",
        "WF-OUT-002",
        "WF-OUT-003",
        "WF-OUT-004",
        "WF-OUT-005",
        "WF-OUT-006",
        "WF-OUT-007",
        "WF-OUT-008",
        "WF-REG-001",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    assert_eq!(rules::IN_RETURN.id, "WF-IN-002");
    assert_eq!(rules::REGISTER.id, "WF-REG-001");
}
