//! Every finding of this crate made from its catalogue, every error kind with
//! its own stable code (the catalogue as a whole is checked by the umbrella
//! crate's tests).

use std::collections::BTreeSet;

use vanthu_identifiers::{
    AnyAgencyId, DocumentId, DocumentNumber, Finding, IdErrorKind, RecordCode, identify, rules,
    text,
};

/// Every finding comes from a rule of the catalogue, with its severity and
/// source.
fn assert_catalogued(findings: &[Finding]) {
    for f in findings {
        let rule = rules::ALL
            .iter()
            .find(|r| r.id == f.rule)
            .unwrap_or_else(|| panic!("{} is not in rules::ALL", f.rule));
        assert_eq!(f.severity, rule.severity, "{}", f.rule);
        assert_eq!(f.source, rule.source, "{}", f.rule);
    }
}

#[test]
fn every_finding_comes_from_the_catalogue() {
    let mut seen = BTreeSet::new();
    let mut check = |findings: Vec<Finding>| {
        assert_catalogued(&findings);
        seen.extend(findings.into_iter().map(|f| f.rule));
    };
    for input in [
        "28.22.H17",
        "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT",
        "000.00.00.G22,30/09/2015,7816/VPCP-TTĐT",
        "9fbfbad2-f1f8-4256-a2eb-50fb1061cddb",
        "000.00.00.G22,2015/09/30,ab cd",
        "000.00.18.H40.2011.01.ABCDEFGHIJKLMNOPQRSTU",
        "000.00.18.H40.2011.01",
        "5/QĐ-UBND",
        "182/QD-LĐTBXH",
        "182/GN-UBND",
        "182/TTR-UBND",
        "182/QĐ-BT\u{2c}",
    ] {
        check(identify(input).findings().to_vec());
    }
    check(AnyAgencyId::parse_lenient("01.K36").unwrap().1);
    check(
        DocumentNumber::parse_lenient("12/UBND-VU\u{31b}")
            .map(|(_, f)| f)
            .unwrap_or_default(),
    );
    check(
        DocumentId::parse_lenient("000.00.00.G22,2015/09/30,x")
            .map(|(_, f)| f)
            .unwrap_or_default(),
    );
    check(
        RecordCode::parse_lenient("000.00.18.H40.2011.01")
            .unwrap()
            .1,
    );
    check(text::check("Ðiều ƣ \u{1}\u{fffd} Ho\u{300}a"));
    check(text::check(
        "Tieáng Vieät laø ngoân ngöõ chính thöùc cuûa nöôùc Vieät Nam",
    ));
    check(text::check("Thñ t\u{b8}c phßng LuËt Q§TTg"));
    check(text::check_bytes(b"\xff\xfe\x00").findings);
    for rule in rules::ALL {
        assert!(seen.contains(rule.id), "{} never emitted here", rule.id);
    }
}

#[test]
fn every_error_kind_has_its_own_stable_code() {
    let kinds = [
        IdErrorKind::Empty,
        IdErrorKind::TooLong { len: 300, max: 256 },
        IdErrorKind::Whitespace { found: ' ' },
        IdErrorKind::UnexpectedChar {
            found: 'x',
            expected: "a digit",
        },
        IdErrorKind::UnexpectedEnd {
            expected: "a digit",
        },
        IdErrorKind::LookalikeD {
            found: 'Ð',
            code: 0xD0,
            intended: 'Đ',
        },
        IdErrorKind::LowercaseLevelLetter { found: 'h' },
        IdErrorKind::WrongGroupCount {
            found: 3,
            expected: "4",
        },
        IdErrorKind::WrongWidth {
            part: "level 4",
            found: 2,
            expected: "3",
        },
        IdErrorKind::EmptyPart { part: "level 4" },
        IdErrorKind::TrailingSeparator { found: '.' },
        IdErrorKind::OutOfRange {
            part: "number",
            value: "0".into(),
            range: "1–999999",
        },
        IdErrorKind::MissingLeadingZero { value: "5".into() },
        IdErrorKind::LegacyAbbreviation {
            found: "GN".into(),
            current: "GNL",
        },
        IdErrorKind::NonCanonicalAbbreviation {
            found: "QD".into(),
            official: "QĐ",
        },
        IdErrorKind::BadDate {
            value: "2014/02/30".into(),
            problem: "does not exist",
        },
        IdErrorKind::NotNfc,
        IdErrorKind::LenientOnly { what: "x" },
        IdErrorKind::UnknownValue {
            value: "x".into(),
            list: "y",
        },
    ];
    let mut codes = BTreeSet::new();
    for kind in &kinds {
        let code = kind.code();
        assert!(code.starts_with("ID-E-"), "{code}");
        assert!(
            code.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'),
            "{code}"
        );
        assert!(codes.insert(code), "{code} twice");
    }
    let err = vanthu_identifiers::AgencyId::parse("000.00.15.h47").unwrap_err();
    assert_eq!(err.code(), "ID-E-LOWERCASE-LEVEL");
}
