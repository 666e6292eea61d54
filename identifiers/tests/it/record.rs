//! Record codes.

use vanthu_identifiers::{AgencyId2020, AnyAgencyId, IdErrorKind, RecordCode};

#[test]
fn nam_dinh_example_and_the_tt05_example() {
    let code = RecordCode::parse("000.00.18.H40.2011.01.TH").unwrap();
    assert_eq!(code.agency().as_str(), "000.00.18.H40");
    assert_eq!(code.year(), 2011);
    assert_eq!(code.file_notation(), "01.TH");
    assert_eq!(code.to_string(), "000.00.18.H40.2011.01.TH");
    let code = RecordCode::parse("000.00.00.G09.2010.01.TH").unwrap();
    assert_eq!(code.agency().level1_text(), "G09");
    assert_eq!(code.agency().form_name(), "qcvn102");
    assert_eq!((code.ordinal(), code.heading()), ("01", Some("TH")));
    // Appendix V sample row: 01.TCCB.
    assert_eq!(
        RecordCode::parse("000.00.18.H40.2024.01.TCCB")
            .unwrap()
            .file_notation(),
        "01.TCCB"
    );
}

#[test]
fn errors() {
    let cases: &[crate::ErrorCase] = &[
        (
            "000.00.18.H40",
            |k| matches!(k, IdErrorKind::WrongGroupCount { .. }),
            0,
        ),
        (
            "000.00.18.H40.2011",
            |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }),
            18,
        ),
        (
            "000.00.18.H40.2011.01",
            |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }),
            21,
        ),
        (
            "000.00.18.H40.2011.01.TH.",
            |k| matches!(k, IdErrorKind::TrailingSeparator { .. }),
            24,
        ),
        (
            "000.00.18.H40.2011.",
            |k| matches!(k, IdErrorKind::EmptyPart { .. }),
            19,
        ),
        (
            "000.00.18.H40.11.01.TH",
            |k| matches!(k, IdErrorKind::WrongWidth { part: "year", .. }),
            14,
        ),
        (
            "000.00.18.H40.2011.A1.TH",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: 'A', .. }),
            19,
        ),
        (
            "000.00.18.H40.2011.01.T_H",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: '_', .. }),
            23,
        ),
        (
            "000.00.18.H40.2011.01.ABCDEFGHIJKLMNOPQRS",
            |k| {
                matches!(
                    k,
                    IdErrorKind::WrongWidth {
                        part: "file notation",
                        ..
                    }
                )
            },
            19,
        ),
        (
            "000.00.18.h40.2011.01.TH",
            |k| matches!(k, IdErrorKind::LowercaseLevelLetter { .. }),
            10,
        ),
        (
            "000.00.18.H40 .2011.01.TH",
            |k| matches!(k, IdErrorKind::Whitespace { .. }),
            13,
        ),
        (
            "00.00.18.H40.2011.01.TH",
            |k| {
                matches!(
                    k,
                    IdErrorKind::WrongWidth {
                        part: "level 4",
                        ..
                    }
                )
            },
            0,
        ),
    ];
    for (input, check, offset) in cases {
        let err = RecordCode::parse(input).unwrap_err();
        assert!(check(err.kind()), "{input:?}: {err}");
        assert_eq!(err.offset(), *offset, "{input:?}: {err}");
    }
}

/// Record codes of Thông tư 05/2025/TT-BNV and agency ids in the Quyết định
/// 20/2020/QĐ-TTg form.
#[test]
fn tt05_codes_and_the_quoted_agency_ids() {
    let code = RecordCode::parse("H49.64.33.2001.160").unwrap();
    assert_eq!(code.agency().as_str(), "H49.64.33");
    assert!(matches!(code.agency(), AnyAgencyId::Decision2020(_)));
    assert_eq!(code.year(), 2001);
    assert_eq!(code.file_notation(), "160");
    assert_eq!((code.ordinal(), code.heading()), ("160", None));
    assert!(code.is_strict() && code.findings().is_empty());
    for agency in [
        "G09.20",
        "H15.50.05.13",
        "H49.64.33",
        "H37.DN.001",
        "H37.02.02",
    ] {
        for notation in ["160", "01.TH", "04.TCCB"] {
            let text = format!("{agency}.2025.{notation}");
            let code = RecordCode::parse(&text).unwrap();
            assert_eq!(
                code.agency(),
                &AnyAgencyId::Decision2020(AgencyId2020::parse(agency).unwrap()),
                "{text}"
            );
            assert_eq!((code.year(), code.file_notation()), (2025, notation));
            assert_eq!(code.to_string(), text);
        }
    }
    for agency in [
        "000.00.15.H47",
        "000.00.18.H40",
        "000.00.00.G12",
        "000.00.18.G12",
        "000.00.00.G09",
        "000.00.00.G22",
        "000.00.00.G17",
        "000.00.00.H41",
    ] {
        let code = RecordCode::parse(&format!("{agency}.2025.01.TH")).unwrap();
        assert_eq!(code.agency().as_qcvn().unwrap().as_str(), agency);
    }
    // The TT05 document id (file name) `H49.64.33.2001.160.1` is a record code
    // plus the ordinal of the document: not a record code, since `1` cannot
    // be a heading.
    let err = RecordCode::parse("H49.64.33.2001.160.1").unwrap_err();
    assert!(
        matches!(err.kind(), IdErrorKind::UnexpectedChar { found: '1', .. }),
        "{err}"
    );
    assert_eq!(err.offset(), 19);
}

/// The year is the 4-digit group that leaves a valid agency id before it and
/// a valid notation after it; agency groups of 4 digits are fine.
#[test]
fn four_digit_agency_groups() {
    for (text, agency, year, notation) in [
        ("H37.DN.2001.2024.01", "H37.DN.2001", 2024, "01"),
        ("H49.2001.2002.05.TH", "H49.2001", 2002, "05.TH"),
        ("H49.2001.2002.TH", "H49", 2001, "2002.TH"),
        ("H49.1900.2002.7", "H49.1900", 2002, "7"),
        ("H49.2001.2002.2003.9", "H49.2001.2002", 2003, "9"),
    ] {
        let code = RecordCode::parse(text).unwrap();
        assert_eq!(
            (code.agency().as_str(), code.year(), code.file_notation()),
            (agency, year, notation),
            "{text}"
        );
    }
}

/// A notation is valid when it is an ordinal and then heading groups, each
/// with a letter: the oracle of the exhaustive test, written independently.
fn oracle_notation(groups: &[&str]) -> bool {
    let Some((ordinal, headings)) = groups.split_first() else {
        return false;
    };
    !ordinal.is_empty()
        && ordinal.bytes().all(|b| b.is_ascii_digit())
        && headings.iter().all(|h| {
            h.chars().any(char::is_alphabetic) && h.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// Every sequence of up to 6 groups over an alphabet that contains years,
/// 4-digit non-years, ordinals and headings: at most one split into agency .
/// year . notation is valid, and the parser finds exactly that one.
#[test]
fn no_decision_2020_code_is_ambiguous() {
    const ALPHABET: [&str; 7] = ["2001", "2002", "1900", "05", "7", "TH", "DN"];
    let mut checked = 0usize;
    let mut valid = 0usize;
    let mut stack: Vec<Vec<&str>> = vec![vec!["H49"]];
    while let Some(groups) = stack.pop() {
        if groups.len() < 6 {
            for g in ALPHABET {
                let mut next = groups.clone();
                next.push(g);
                stack.push(next);
            }
        }
        let text = groups.join(".");
        let splits: Vec<usize> = (1..groups.len())
            .filter(|&k| {
                let year = groups[k];
                year.len() == 4
                    && year.bytes().all(|b| b.is_ascii_digit())
                    && year.parse::<u16>().unwrap() >= 1945
                    && AgencyId2020::parse(&groups[..k].join(".")).is_ok()
                    && oracle_notation(&groups[k + 1..])
            })
            .collect();
        assert!(splits.len() <= 1, "{text}: ambiguous at {splits:?}");
        match (splits.first(), RecordCode::parse(&text)) {
            (Some(&k), Ok(code)) => {
                assert_eq!(code.agency().as_str(), groups[..k].join("."), "{text}");
                assert_eq!(code.file_notation(), groups[k + 1..].join("."), "{text}");
                valid += 1;
            }
            (None, Err(_)) => {}
            (split, parsed) => panic!("{text}: oracle {split:?}, parser {parsed:?}"),
        }
        checked += 1;
    }
    assert_eq!(checked, (0..6).map(|n| 7usize.pow(n)).sum::<usize>());
    assert!(valid > 1000, "{valid}");
}

#[test]
fn lenient_decree_30_codes() {
    let (code, findings) = RecordCode::parse_lenient("000.00.18.H40.2011.01").unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, "ID-RECORD-NO-HEADING");
    assert_eq!(findings[0].location.offset, Some(21));
    assert!(!code.is_strict());
    assert_eq!(code.heading(), None);
    // FromStr and serde read leniently: every value reads back.
    assert_eq!(code.to_string().parse::<RecordCode>().unwrap(), code);
    let json = serde_json::to_string(&code).unwrap();
    assert_eq!(serde_json::from_str::<RecordCode>(&json).unwrap(), code);

    let long = format!("000.00.18.H40.2011.01.{}", "T".repeat(30));
    assert!(RecordCode::parse(&long).is_err());
    let (code, findings) = RecordCode::parse_lenient(&long).unwrap();
    assert_eq!(findings[0].rule, "ID-RECORD-NOTATION-LONG");
    assert_eq!(findings[0].location.offset, Some(19));
    assert_eq!(code.file_notation().len(), 33);

    // TT05 codes have no 20-character notation limit, only the 100 of fileCode.
    let tt05 = format!("H37.DN.001.2025.01.{}", "T".repeat(81));
    assert_eq!(tt05.len(), 100);
    assert!(RecordCode::parse(&tt05).is_ok());
    let over = format!("{tt05}T");
    let err = RecordCode::parse(&over).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            IdErrorKind::WrongWidth {
                part: "record code",
                found: 101,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(err.offset(), 100);
    assert!(
        RecordCode::parse_lenient(&format!("000.00.18.H40.2011.01.{}", "T".repeat(79))).is_err()
    );
}

#[test]
fn decision_2020_errors() {
    let cases: &[crate::ErrorCase] = &[
        (
            "H49.64.33.01.TH",
            |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }),
            15,
        ),
        (
            "H49.64.33.2001",
            |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }),
            14,
        ),
        (
            "h49.64.33.2001.160",
            |k| matches!(k, IdErrorKind::LowercaseLevelLetter { found: 'h' }),
            0,
        ),
        (
            "H49.64.33.1900.160",
            |k| matches!(k, IdErrorKind::OutOfRange { part: "year", .. }),
            10,
        ),
        (
            "H49.64.33.2001.16A",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: 'A', .. }),
            17,
        ),
        (
            "H49.64.33.2001.160.T_H",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: '_', .. }),
            20,
        ),
        (
            "H49.6x.33.2001.160",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: 'x', .. }),
            5,
        ),
        (
            "H49..33.2001.160",
            |k| matches!(k, IdErrorKind::EmptyPart { .. }),
            4,
        ),
        (
            "H49.64.33.2001.160.",
            |k| matches!(k, IdErrorKind::TrailingSeparator { .. }),
            18,
        ),
        (
            "H4.64.33.2001.160",
            |k| {
                matches!(
                    k,
                    IdErrorKind::WrongWidth {
                        part: "level 1",
                        ..
                    }
                )
            },
            0,
        ),
        (
            "H49.AAAAAAAAAA.BBBBBBBBBB.CCCCCCCCCC.2001.160",
            |k| matches!(k, IdErrorKind::WrongWidth { .. }),
            35,
        ),
    ];
    for (input, check, offset) in cases {
        let err = RecordCode::parse(input).unwrap_err();
        assert!(check(err.kind()), "{input:?}: {err}");
        assert_eq!(err.offset(), *offset, "{input:?}: {err}");
        assert_eq!(
            RecordCode::parse_lenient(input).unwrap_err(),
            err,
            "{input:?}"
        );
    }
}

#[test]
fn messages_name_the_rule() {
    let err = RecordCode::parse("000.00.18.H40.2011.01.ABCDEFGHIJKLMNOPQRS").unwrap_err();
    assert!(err.to_string().contains("FileNotation"), "{err}");
    let err = RecordCode::parse(&format!("H37.DN.001.2025.01.{}", "T".repeat(82))).unwrap_err();
    assert!(err.to_string().contains("fileCode"), "{err}");
}
