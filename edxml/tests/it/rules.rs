//! The rule catalogue of this crate: unreadable packages reported as
//! findings, every finding catalogued, stable error codes (the catalogue as a
//! whole is checked by the umbrella crate's tests).

use std::collections::BTreeSet;

use vanthu_edxml::{
    Dialect, EdxmlError, ErrorKind, Limit, Position, ReadOptions, ValidateOptions, check, read,
    rules,
};
use vanthu_identifiers::Severity;

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
        let error = EdxmlError::at(kind.clone(), Position::default());
        let finding = error.to_finding();
        if error.is_refusal() {
            // Reported as the rule that refuses the package.
            assert_ne!(finding.rule, "EDXML-READ-001", "{code}");
        } else {
            assert!(finding.message.contains(code));
        }
    }
    assert_eq!(
        read(b"<!DOCTYPE x><x/>").unwrap_err().code(),
        "EDXML-E-DOCTYPE"
    );
}
