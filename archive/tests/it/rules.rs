//! The rule catalogue: every id this crate reports is in `rules::ALL`.

use std::collections::BTreeSet;

use vanthu_archive::rules;

#[test]
fn every_rule_is_unique_prefixed_titled_and_sourced() {
    let mut ids = BTreeSet::new();
    for r in rules::ALL {
        assert!(ids.insert(r.id), "{} is listed twice", r.id);
        assert!(r.id.starts_with("ARCH-"), "{}", r.id);
        assert!(!r.title.trim().is_empty(), "{}", r.id);
        assert!(!r.title_vi.trim().is_empty(), "{}", r.id);
        assert!(!r.source.trim().is_empty(), "{}", r.id);
    }
    assert!(rules::ALL.len() >= 60, "{}", rules::ALL.len());
}

#[test]
fn every_rule_id_in_the_sources_is_in_the_catalogue() {
    // No rule id is minted outside the catalogue: any `"ARCH-…"` string
    // literal in the library's sources must be a catalogue id, and only
    // rules.rs may spell one.
    let known: BTreeSet<&str> = rules::ALL.iter().map(|r| r.id).collect();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let is_catalogue = path.file_name().is_some_and(|n| n == "rules.rs");
            for (i, _) in text.match_indices("\"ARCH-") {
                let id: String = text[i + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                assert!(known.contains(id.as_str()), "{}: {id}", path.display());
                assert!(
                    is_catalogue,
                    "{}: rule id {id} spelled outside rules.rs",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn vietnamese_titles_are_not_copies_of_the_english() {
    for r in rules::ALL {
        assert_ne!(r.title, r.title_vi, "{}", r.id);
    }
}

#[test]
fn profile_sections_cited_by_rules_exist() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/archive-profile.md"
    ))
    .unwrap();
    for r in rules::ALL {
        if let Some(section) = r.source.strip_prefix("vanthu docs/archive-profile.md §") {
            assert!(
                doc.lines()
                    .any(|l| l.starts_with(&format!("## {section}. "))),
                "{}: docs/archive-profile.md has no section {section}",
                r.id
            );
        }
    }
}
