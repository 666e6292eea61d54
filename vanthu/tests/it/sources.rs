//! Every `source` of every rule resolves inside the repository: a legal text
//! or standard described in `docs/regulations.md`, or a section of a project
//! document (`vanthu docs/<file>.md §N`).

use crate::citations::{docs, resolves, text_name};

#[test]
fn every_source_resolves_in_docs() {
    let regulations = docs("regulations.md");
    let mut unresolved = Vec::new();
    for rule in vanthu::rules::all() {
        for citation in rule.source.split("; ") {
            if !resolves(citation, &regulations) {
                unresolved.push(format!("{}: {citation} ({})", rule.id, text_name(citation)));
            }
        }
    }
    assert!(
        unresolved.is_empty(),
        "sources not described in docs/:\n{}",
        unresolved.join("\n")
    );
}

#[test]
fn citation_names_are_cut_before_the_article() {
    assert_eq!(
        text_name("Nghị định 30/2020/NĐ-CP Điều 5 khoản 1"),
        "Nghị định 30/2020/NĐ-CP"
    );
    assert_eq!(text_name("E-ARK CSIP 2.1.0 CSIP2"), "E-ARK CSIP 2.1.0");
    assert_eq!(text_name("ETSI EN 319 102-1 §5.2.7"), "ETSI EN 319 102-1");
    assert_eq!(
        text_name("Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 1"),
        "Quyết định 3760/QĐ-UBND (TP.HCM, 2021)"
    );
}

#[test]
fn rule_ids_are_unique_across_crates() {
    let mut seen = std::collections::BTreeSet::new();
    for rule in vanthu::rules::all() {
        assert!(seen.insert(rule.id), "{} is in two catalogues", rule.id);
    }
    assert!(seen.len() > 150, "{}", seen.len());
}
