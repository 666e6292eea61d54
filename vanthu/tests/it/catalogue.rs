//! Every crate's rule catalogue, checked once for all: ids unique and with
//! their crate's prefix, titles in both languages (the Vietnamese one without
//! English fragments), a source; and no rule id spelled anywhere in the
//! libraries or the CLI but in a catalogue.

use std::path::Path;

use vanthu::Rule;

/// Each catalogue, the crate whose `src/` holds it, and the prefixes of its ids.
fn catalogues() -> [(&'static str, &'static [&'static str], &'static [Rule]); 6] {
    [
        ("vanthu", &["CHECK-"], vanthu::rules::ALL),
        (
            "identifiers",
            &["ID-", "TEXT-"],
            vanthu::identifiers::rules::ALL,
        ),
        ("edxml", &["EDXML-"], vanthu::edxml::rules::ALL),
        ("signature", &["SIG-", "VN-"], vanthu::signature::rules::ALL),
        ("workflow", &["WF-"], vanthu::workflow::rules::ALL),
        ("archive", &["ARCH-"], vanthu::archive::rules::ALL),
    ]
}

#[test]
fn every_rule_is_prefixed_titled_in_both_languages_and_sourced() {
    for (crate_name, prefixes, rules) in catalogues() {
        assert!(!rules.is_empty(), "{crate_name}");
        for rule in rules {
            assert!(
                prefixes.iter().any(|p| rule.id.starts_with(p)),
                "{crate_name}: {} lacks the crate's prefix",
                rule.id
            );
            for (what, text) in [
                ("title", rule.title),
                ("title_vi", rule.title_vi),
                ("source", rule.source),
            ] {
                assert!(!text.trim().is_empty(), "{}: empty {what}", rule.id);
            }
            assert_ne!(rule.title, rule.title_vi, "{}: not translated", rule.id);
            for english in [" agency", " date", " the ", " is ", " not "] {
                assert!(
                    !rule.title_vi.contains(english),
                    "{}: English {english:?} in the Vietnamese title {:?}",
                    rule.id,
                    rule.title_vi
                );
            }
        }
    }
}

/// The rule ids spelled as string literals in `text`: `"PREFIX-…"`, error
/// codes (`ID-E-…`, `EDXML-E-…`) excepted.
fn spelled_ids(text: &str, prefixes: &[&str]) -> Vec<String> {
    let mut ids = Vec::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for (at, _) in line.match_indices('"') {
            let rest = &line[at + 1..];
            if !prefixes.iter().any(|p| rest.starts_with(p)) {
                continue;
            }
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            if rest[id.len()..].starts_with('"') && !id.contains("-E-") && !id.ends_with('-') {
                ids.push(id);
            }
        }
    }
    ids
}

#[test]
fn no_rule_id_is_spelled_outside_a_catalogue() {
    let prefixes: Vec<&str> = catalogues()
        .iter()
        .flat_map(|(_, p, _)| p.iter().copied())
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = 0;
    for krate in [
        "vanthu",
        "identifiers",
        "edxml",
        "signature",
        "workflow",
        "archive",
        "cli",
    ] {
        let mut dirs = vec![root.join(krate).join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && path.file_name().is_some_and(|n| n != "rules.rs")
                {
                    files += 1;
                    let text = std::fs::read_to_string(&path).unwrap();
                    let spelled = spelled_ids(&text, &prefixes);
                    assert!(
                        spelled.is_empty(),
                        "{}: {spelled:?}: make findings from the catalogue's constants",
                        path.display()
                    );
                }
            }
        }
    }
    assert!(files > 50, "{files}");
}

#[test]
fn spelled_ids_are_found_and_error_codes_are_not() {
    let code =
        "let a = \"EDXML-HDR-001\"; let b = \"EDXML-E-LIMIT\";\n  // \"ARCH-X-1\"\n\"SHA-256\"";
    assert_eq!(spelled_ids(code, &["EDXML-", "ARCH-"]), ["EDXML-HDR-001"]);
}
