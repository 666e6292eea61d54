//! The rule catalogue: unique ids with the crate prefix, titles in both
//! languages, and sources a user can look up.

use vanthu_workflow::rules;

#[test]
fn every_rule_id_is_unique_prefixed_and_documented() {
    let mut ids: Vec<&str> = rules::ALL.iter().map(|r| r.id).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate rule id");
    for r in rules::ALL {
        assert!(r.id.starts_with("WF-"), "{}", r.id);
        assert!(!r.title.is_empty(), "{}", r.id);
        assert!(!r.title_vi.is_empty(), "{}", r.id);
        assert!(!r.source.is_empty(), "{}", r.id);
    }
}

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

/// Every source is a list of citations separated by `; `, each naming a text
/// that `docs/regulations.md` or `docs/workflow.md` describes.
#[test]
fn every_source_names_a_known_text() {
    const KNOWN: &[&str] = &[
        "Nghị định 30/2020/NĐ-CP",
        "Quyết định 28/2018/QĐ-TTg",
        "Quyết định 4556/QĐ-UBND (TP.HCM, 2017)",
        "Quyết định 3760/QĐ-UBND (TP.HCM, 2021)",
        "Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018)",
        "Quy chế văn bản điện tử (tỉnh Nam Định, 2021)",
        "Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019)",
        "vanthu docs/workflow.md §",
    ];
    for r in rules::ALL {
        for citation in r.source.split("; ") {
            assert!(
                KNOWN.iter().any(|k| citation.starts_with(k)),
                "{}: {citation}",
                r.id
            );
        }
    }
}
