//! The rule catalogue: every rule well formed and citable, no rule id minted
//! outside it, unreadable packages reported as findings, stable error codes.

use std::collections::BTreeSet;

use vanthu_edxml::{
    Dialect, EdxmlError, ErrorKind, Limit, Position, ReadOptions, ValidateOptions, check, read,
    rules,
};
use vanthu_identifiers::Severity;

/// What no citation in the repository may name: the project's working notes.

#[test]
fn every_rule_is_unique_prefixed_titled_and_citable() {
    let mut ids = BTreeSet::new();
    for rule in rules::ALL {
        assert!(ids.insert(rule.id), "{} twice", rule.id);
        assert!(rule.id.starts_with("EDXML-"), "{}", rule.id);
        assert!(!rule.id.starts_with("EDXML-E-"), "{}", rule.id);
        for (what, text) in [
            ("title", rule.title),
            ("title_vi", rule.title_vi),
            ("source", rule.source),
        ] {
            assert!(!text.trim().is_empty(), "{}: empty {what}", rule.id);
        }
        for english in [" agency", " date", " in ", " the ", " is ", " not ", " of "] {
            assert!(
                !rule.title_vi.contains(english),
                "{}: English {english:?} in the Vietnamese title {:?}",
                rule.id,
                rule.title_vi
            );
        }
        // A practice-based source names a section of the project's docs.
        if rule.source.contains("vanthu docs/") {
            assert!(
                rule.source.contains(".md §"),
                "{}: {}",
                rule.id,
                rule.source
            );
        }
    }
}

/// Every `vanthu docs/X.md §N` a source cites has a heading `## N.` in that
/// file of the repository.
#[test]
fn every_cited_docs_section_exists() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let sources = rules::ALL
        .iter()
        .chain(vanthu_identifiers::rules::ALL)
        .map(|r| r.source);
    for source in sources {
        for part in source.split("; ") {
            let Some(rest) = part.strip_prefix("vanthu docs/") else {
                continue;
            };
            let (file, section) = rest.split_once(" §").unwrap();
            let text = std::fs::read_to_string(root.join("docs").join(file))
                .unwrap_or_else(|e| panic!("docs/{file}: {e}"));
            assert!(
                text.lines()
                    .any(|l| l.starts_with(&format!("## {section}. "))),
                "docs/{file} has no section {section} (cited by {source:?})"
            );
        }
    }
}

#[test]
fn no_rule_id_is_minted_outside_the_catalogue() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    for path in files {
        if path.file_name().unwrap() == "rules.rs" {
            continue;
        }
        let code = std::fs::read_to_string(&path).unwrap();
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            for prefix in ["\"EDXML-", "\"ID-", "\"TEXT-"] {
                let minted = line
                    .match_indices(prefix)
                    .any(|(at, _)| !line[at + 1..].starts_with("EDXML-E-"));
                assert!(!minted, "{}:{}: {line}", path.display(), n + 1);
            }
        }
    }
}

#[test]
fn every_finding_of_a_check_is_catalogued() {
    let bytes = include_bytes!("../vectors/sample.edxml");
    let report = check(
        bytes,
        &ReadOptions::default(),
        &ValidateOptions::new(vanthu_edxml::Profile::Sender),
    )
    .unwrap();
    for f in &report.findings {
        let known = rules::ALL
            .iter()
            .chain(vanthu_identifiers::rules::ALL)
            .any(|r| r.id == f.rule && r.source == f.source);
        assert!(known, "{} is not catalogued", f.rule);
    }
    let shared = report.to_report();
    assert_eq!(shared.conformant, report.conformant());
    assert_eq!(shared.findings, report.findings);
    assert_eq!(
        vanthu_identifiers::Report::from(report.clone()),
        shared,
        "From and to_report agree"
    );
}

#[test]
fn an_unreadable_package_is_a_finding_with_its_position() {
    let error = read(b"<?xml version=\"1.0\"?>\n<edXML>\n  <a></b>\n</edXML>").unwrap_err();
    let finding = error.to_finding();
    assert_eq!(finding.rule, rules::READ_ERROR.id);
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(finding.source, rules::READ_ERROR.source);
    assert!(
        finding.message.contains(error.code()),
        "{}",
        finding.message
    );
    assert!(finding.message_vi.contains(error.code()));
    let position = error.position().unwrap();
    assert_eq!(finding.location.offset, Some(position.offset));
    assert_eq!(finding.location.line, Some(position.line));
    assert_eq!(finding.location.column, Some(position.column));
    assert_eq!(finding.location.line, Some(3));
    // The shared report of an unreadable package is not conformant.
    assert!(!vanthu_identifiers::Report::new(vec![finding]).conformant);
    // Without a position, the location is unknown.
    let bare = EdxmlError::new(ErrorKind::NotUtf8).to_finding();
    assert!(bare.location.is_unknown());
    let json = serde_json::to_value(&bare).unwrap();
    assert_eq!(json["rule"], "EDXML-READ-001");
    assert_eq!(json["severity"], "error");
}

#[test]
fn every_error_kind_has_its_own_stable_code() {
    let kinds = [
        ErrorKind::Malformed(String::new()),
        ErrorKind::NotUtf8,
        ErrorKind::UnsupportedEncoding("latin1".into()),
        ErrorKind::Doctype,
        ErrorKind::UndefinedEntity("x".into()),
        ErrorKind::LimitExceeded {
            limit: Limit::Depth,
            max: 1,
        },
        ErrorKind::NotEdxml(String::new()),
        ErrorKind::UnsupportedDialect(Dialect::Soap2014),
        ErrorKind::InvalidBase64 {
            index: 0,
            reason: String::new(),
        },
        ErrorKind::NoSuchAttachment(String::new()),
        ErrorKind::Zip(String::new()),
        ErrorKind::Io(String::new()),
        ErrorKind::Unwritable(String::new()),
    ];
    let mut codes = BTreeSet::new();
    for kind in &kinds {
        let code = kind.code();
        assert!(code.starts_with("EDXML-E-"), "{code}");
        assert!(
            code.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'),
            "{code}"
        );
        assert!(codes.insert(code), "{code} twice");
        let finding = EdxmlError::at(kind.clone(), Position::default()).to_finding();
        assert!(finding.message.contains(code));
    }
    assert_eq!(
        read(b"<!DOCTYPE x><x/>").unwrap_err().code(),
        "EDXML-E-DOCTYPE"
    );
}
