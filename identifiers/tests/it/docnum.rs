//! Document numbers and symbols, and document types.

use vanthu_identifiers::{DocumentNumber, DocumentType, IdErrorKind, MAX_INPUT_LEN};

/// (input, number, year, type abbreviation, type, issuer, unit)
type Row = (
    &'static str,
    u32,
    Option<i32>,
    Option<&'static str>,
    Option<DocumentType>,
    &'static str,
    Option<&'static str>,
);

/// Every number and symbol in the local regulations on electronic documents (and
/// other examples), with its parts.
const REGULATION_NUMBERS: &[Row] = &[
    (
        "182/QĐ-LĐTBXH",
        182,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "LĐTBXH",
        None,
    ),
    (
        "3760/QĐ-UBND",
        3760,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "4556/QĐ-UBND",
        4556,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "71/QĐ-UBND",
        71,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "361/QĐ-LĐTBXH",
        361,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "LĐTBXH",
        None,
    ),
    (
        "1866/QĐ-UBND",
        1866,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "999/QĐ-UBND",
        999,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "99/QĐ-UBND",
        99,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "2675/QĐ-UBND",
        2675,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "2392/QĐ-UBND",
        2392,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "2021/QĐ-UBND",
        2021,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "47/TTr-STTTT",
        47,
        None,
        Some("TTr"),
        Some(DocumentType::Submission),
        "STTTT",
        None,
    ),
    (
        "16/TTr-VP",
        16,
        None,
        Some("TTr"),
        Some(DocumentType::Submission),
        "VP",
        None,
    ),
    (
        "12/UBND-VX",
        12,
        None,
        None,
        Some(DocumentType::OfficialLetter),
        "UBND",
        Some("VX"),
    ),
    (
        "949/UBND-HCTC",
        949,
        None,
        None,
        Some(DocumentType::OfficialLetter),
        "UBND",
        Some("HCTC"),
    ),
    (
        "775/VPCP-KSTT",
        775,
        None,
        None,
        Some(DocumentType::OfficialLetter),
        "VPCP",
        Some("KSTT"),
    ),
    (
        "2803/BTTTT-THH",
        2803,
        None,
        None,
        Some(DocumentType::OfficialLetter),
        "BTTTT",
        Some("THH"),
    ),
    // Quyết định 4556/QĐ-UBND and 71/QĐ-UBND misspell the ministry; the grammar does not know issuers.
    (
        "2803/BTTT-THH",
        2803,
        None,
        None,
        Some(DocumentType::OfficialLetter),
        "BTTT",
        Some("THH"),
    ),
    (
        "3240/BTTTT-ƯDCNTT",
        3240,
        None,
        None,
        Some(DocumentType::OfficialLetter),
        "BTTTT",
        Some("ƯDCNTT"),
    ),
    (
        "7816/VPCP-TTĐT",
        7816,
        None,
        None,
        Some(DocumentType::OfficialLetter),
        "VPCP",
        Some("TTĐT"),
    ),
    (
        "30/2020/NĐ-CP",
        30,
        Some(2020),
        Some("NĐ"),
        Some(DocumentType::Decree),
        "CP",
        None,
    ),
    (
        "34/2016/NĐ-CP",
        34,
        Some(2016),
        Some("NĐ"),
        Some(DocumentType::Decree),
        "CP",
        None,
    ),
    (
        "26/2007/NĐ-CP",
        26,
        Some(2007),
        Some("NĐ"),
        Some(DocumentType::Decree),
        "CP",
        None,
    ),
    (
        "106/2011/NĐ-CP",
        106,
        Some(2011),
        Some("NĐ"),
        Some(DocumentType::Decree),
        "CP",
        None,
    ),
    (
        "64/2007/NĐ-CP",
        64,
        Some(2007),
        Some("NĐ"),
        Some(DocumentType::Decree),
        "CP",
        None,
    ),
    (
        "170/2013/NĐ-CP",
        170,
        Some(2013),
        Some("NĐ"),
        Some(DocumentType::Decree),
        "CP",
        None,
    ),
    (
        "154/2020/NĐ-CP",
        154,
        Some(2020),
        Some("NĐ"),
        Some(DocumentType::Decree),
        "CP",
        None,
    ),
    (
        "130/2018/NĐ-CP",
        130,
        Some(2018),
        Some("NĐ"),
        Some(DocumentType::Decree),
        "CP",
        None,
    ),
    (
        "01/2013/NĐ-CP",
        1,
        Some(2013),
        Some("NĐ"),
        Some(DocumentType::Decree),
        "CP",
        None,
    ),
    (
        "28/2018/QĐ-TTg",
        28,
        Some(2018),
        Some("QĐ"),
        Some(DocumentType::Decision),
        "TTg",
        None,
    ),
    (
        "63/2016/QĐ-UBND",
        63,
        Some(2016),
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "16/2016/QĐ-UBND",
        16,
        Some(2016),
        Some("QĐ"),
        Some(DocumentType::Decision),
        "UBND",
        None,
    ),
    (
        "10/2016/TT-BTTTT",
        10,
        Some(2016),
        Some("TT"),
        Some(DocumentType::Circular),
        "BTTTT",
        None,
    ),
    (
        "39/2017/TT-BTTTT",
        39,
        Some(2017),
        Some("TT"),
        Some(DocumentType::Circular),
        "BTTTT",
        None,
    ),
    (
        "41/2017/TT-BTTTT",
        41,
        Some(2017),
        Some("TT"),
        Some(DocumentType::Circular),
        "BTTTT",
        None,
    ),
    (
        "27/2017/TT-BTTTT",
        27,
        Some(2017),
        Some("TT"),
        Some(DocumentType::Circular),
        "BTTTT",
        None,
    ),
    (
        "23/2011/TT-BTTTT",
        23,
        Some(2011),
        Some("TT"),
        Some(DocumentType::Circular),
        "BTTTT",
        None,
    ),
    (
        "01/2011/TT-BNV",
        1,
        Some(2011),
        Some("TT"),
        Some(DocumentType::Circular),
        "BNV",
        None,
    ),
    (
        "86/2015/QH13",
        86,
        Some(2015),
        None,
        Some(DocumentType::Law),
        "QH13",
        None,
    ),
    (
        "67/2006/QH11",
        67,
        Some(2006),
        None,
        Some(DocumentType::Law),
        "QH11",
        None,
    ),
    // Quyết định 4556/QĐ-UBND and 71/QĐ-UBND cite the circular as "10/2016/BTTTT-THH": a year and no type.
    (
        "10/2016/BTTTT-THH",
        10,
        Some(2016),
        None,
        None,
        "BTTTT",
        Some("THH"),
    ),
    // Decree 30/2020 Appendix I §V examples.
    (
        "15/QĐ-BNV",
        15,
        None,
        Some("QĐ"),
        Some(DocumentType::Decision),
        "BNV",
        None,
    ),
    (
        "05/BNV-VP",
        5,
        None,
        None,
        Some(DocumentType::OfficialLetter),
        "BNV",
        Some("VP"),
    ),
    (
        "09/2025/QĐ-TTg",
        9,
        Some(2025),
        Some("QĐ"),
        Some(DocumentType::Decision),
        "TTg",
        None,
    ),
    (
        "05/2015/L-CTN",
        5,
        Some(2015),
        Some("L"),
        Some(DocumentType::Order),
        "CTN",
        None,
    ),
    (
        "03/2010/TTLT-BTC-BNV",
        3,
        Some(2010),
        Some("TTLT"),
        Some(DocumentType::JointCircular),
        "BTC-BNV",
        None,
    ),
    (
        "123/QyĐ-UBND",
        123,
        None,
        Some("QyĐ"),
        Some(DocumentType::Regulation),
        "UBND",
        None,
    ),
    (
        "15/CTr-UBND",
        15,
        None,
        Some("CTr"),
        Some(DocumentType::Programme),
        "UBND",
        None,
    ),
    (
        "15/TrS-VP",
        15,
        None,
        Some("TrS"),
        Some(DocumentType::ExtractCopy),
        "VP",
        None,
    ),
    (
        "15/ĐA-UBND",
        15,
        None,
        Some("ĐA"),
        Some(DocumentType::Scheme),
        "UBND",
        None,
    ),
    (
        "15/DA-UBND",
        15,
        None,
        Some("DA"),
        Some(DocumentType::Project),
        "UBND",
        None,
    ),
    (
        "15/KH-UBND-VX",
        15,
        None,
        Some("KH"),
        Some(DocumentType::Plan),
        "UBND",
        Some("VX"),
    ),
];

#[test]
fn every_regulation_number_parses_strictly_with_its_parts() {
    for &(input, number, year, abbr, ref ty, issuer, unit) in REGULATION_NUMBERS {
        let n = DocumentNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(n.number(), number, "{input}");
        assert_eq!(n.year(), year, "{input}");
        assert_eq!(n.type_abbreviation(), abbr, "{input}");
        assert_eq!(n.document_type(), *ty, "{input}");
        assert_eq!(n.issuer(), issuer, "{input}");
        assert_eq!(n.unit(), unit, "{input}");
        assert_eq!(n.to_string(), input);
        assert!(n.findings().is_empty(), "{input}");
        assert!(n.is_strict());
    }
}

#[test]
fn symbol_and_number_text() {
    let n = DocumentNumber::parse("30/2020/NĐ-CP").unwrap();
    assert_eq!(n.symbol(), "NĐ-CP");
    assert_eq!(n.number_text(), "30");
    let n = DocumentNumber::from_code_parts("7816", "VPCP-TTĐT").unwrap();
    assert_eq!(n.as_str(), "7816/VPCP-TTĐT");
    assert_eq!(n.unit(), Some("TTĐT"));
}

#[test]
fn dialects_are_read_leniently_with_findings() {
    let cases = [
        (
            "01/GN-UBND",
            DocumentType::Memorandum,
            "ID-DOCNUM-LEGACY-ABBR",
            3,
        ),
        (
            "01/TTh-UBND",
            DocumentType::Agreement,
            "ID-DOCNUM-LEGACY-ABBR",
            3,
        ),
        (
            "01/UQ-UBND",
            DocumentType::PowerOfAttorney,
            "ID-DOCNUM-LEGACY-ABBR",
            3,
        ),
        (
            "01/GT-UBND",
            DocumentType::IntroductionLetter,
            "ID-DOCNUM-LEGACY-ABBR",
            3,
        ),
        (
            "01/NP-UBND",
            DocumentType::LeavePermit,
            "ID-DOCNUM-LEGACY-ABBR",
            3,
        ),
        (
            "182/QD-LĐTBXH",
            DocumentType::Decision,
            "ID-DOCNUM-ASCII-FOLDED",
            4,
        ),
        (
            "30/2020/ND-CP",
            DocumentType::Decree,
            "ID-DOCNUM-ASCII-FOLDED",
            8,
        ),
        (
            "12/QyD-UBND",
            DocumentType::Regulation,
            "ID-DOCNUM-ASCII-FOLDED",
            3,
        ),
        (
            "12/CD-TTg",
            DocumentType::Telegram,
            "ID-DOCNUM-ASCII-FOLDED",
            3,
        ),
        (
            "47/TTR-STTTT",
            DocumentType::Submission,
            "ID-DOCNUM-ABBR-CASE",
            3,
        ),
        (
            "47/Qđ-UBND",
            DocumentType::Decision,
            "ID-DOCNUM-ABBR-CASE",
            3,
        ),
    ];
    for (input, ty, rule, offset) in cases {
        let err = DocumentNumber::parse(input).unwrap_err();
        assert_eq!(err.offset(), offset, "{input}: {err}");
        assert!(
            matches!(
                err.kind(),
                IdErrorKind::LegacyAbbreviation { .. }
                    | IdErrorKind::NonCanonicalAbbreviation { .. }
            ),
            "{input}: {err}"
        );
        let (n, findings) = DocumentNumber::parse_lenient(input).unwrap();
        assert_eq!(n.document_type(), Some(ty.clone()), "{input}");
        assert_eq!(n.as_str(), input, "kept as read");
        assert_eq!(findings.len(), 1, "{input}");
        assert_eq!(findings[0].rule, rule, "{input}");
        assert_eq!(findings[0].location.offset, Some(offset as u64), "{input}");
        assert!(findings[0].message.contains(ty.abbreviation().unwrap()));
        assert_eq!(input.parse::<DocumentNumber>().unwrap(), n);
    }
    // The legacy finding names the current abbreviation.
    let (_, f) = DocumentNumber::parse_lenient("01/GN-UBND").unwrap();
    assert!(f[0].message.contains("\"BGN\""), "{}", f[0].message);
}

#[test]
fn number_below_ten_without_leading_zero() {
    let err = DocumentNumber::parse("7/TTr-STTTT").unwrap_err();
    assert!(matches!(err.kind(), IdErrorKind::MissingLeadingZero { .. }));
    assert!(err.to_string().contains("leading 0"));
    let (n, f) = DocumentNumber::parse_lenient("7/TTr-STTTT").unwrap();
    assert_eq!(n.number(), 7);
    assert_eq!(f[0].rule, "ID-DOCNUM-NO-LEADING-ZERO");
}

#[test]
fn each_bad_input_has_its_own_error_and_offset() {
    let cases: &[crate::ErrorCase] = &[
        ("", |k| matches!(k, IdErrorKind::Empty), 0),
        // Quyết định 182/QĐ-LĐTBXH prints "Số: 182  /QĐ-LĐTBXH": spaces around the separator.
        (
            "182  /QĐ-LĐTBXH",
            |k| matches!(k, IdErrorKind::Whitespace { .. }),
            3,
        ),
        (
            "182/ QĐ-LĐTBXH",
            |k| matches!(k, IdErrorKind::Whitespace { .. }),
            4,
        ),
        (
            "182/QĐ - LĐTBXH",
            |k| matches!(k, IdErrorKind::Whitespace { .. }),
            7,
        ),
        (
            "182/QÐ-LĐTBXH",
            |k| matches!(k, IdErrorKind::LookalikeD { found: 'Ð', .. }),
            5,
        ),
        (
            "182/QĐ-LÐTBXH",
            |k| matches!(k, IdErrorKind::LookalikeD { .. }),
            9,
        ),
        (
            "QĐ-UBND",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: 'Q', .. }),
            0,
        ),
        ("182", |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }), 3),
        (
            "182-QĐ-UBND",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: '-', .. }),
            3,
        ),
        (
            "182/",
            |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }),
            4,
        ),
        (
            "10/2016/TT-",
            |k| matches!(k, IdErrorKind::TrailingSeparator { found: '-' }),
            10,
        ),
        (
            "10/2016/TT--BTTTT",
            |k| matches!(k, IdErrorKind::EmptyPart { .. }),
            11,
        ),
        ("10/-TT", |k| matches!(k, IdErrorKind::EmptyPart { .. }), 3),
        (
            "0/QĐ-UBND",
            |k| matches!(k, IdErrorKind::OutOfRange { .. }),
            0,
        ),
        (
            "00/QĐ-UBND",
            |k| matches!(k, IdErrorKind::OutOfRange { .. }),
            0,
        ),
        (
            "007/QĐ-UBND",
            |k| matches!(k, IdErrorKind::OutOfRange { .. }),
            0,
        ),
        (
            "1234567890/QĐ-UBND",
            |k| matches!(k, IdErrorKind::OutOfRange { .. }),
            0,
        ),
        (
            "30/20/NĐ-CP",
            |k| matches!(k, IdErrorKind::WrongWidth { part: "year", .. }),
            3,
        ),
        (
            "30/1900/NĐ-CP",
            |k| matches!(k, IdErrorKind::OutOfRange { part: "year", .. }),
            3,
        ),
        (
            "30/2020/NĐ/CP",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: '/', .. }),
            11,
        ),
        (
            "30/NĐ_CP",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: '_', .. }),
            6,
        ),
        (
            "30/2020/",
            |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }),
            8,
        ),
        (
            "12/2020",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: '2', .. }),
            3,
        ),
        (
            "12/2020/13-CP",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: '1', .. }),
            8,
        ),
    ];
    for (input, check, offset) in cases {
        for result in [
            DocumentNumber::parse(input).map(|_| ()),
            DocumentNumber::parse_lenient(input).map(|_| ()),
        ] {
            let err = result.unwrap_err();
            assert!(check(err.kind()), "{input:?}: {err}");
            assert_eq!(err.offset(), *offset, "{input:?}: {err}");
        }
    }
    let long = format!("1/{}", "A".repeat(MAX_INPUT_LEN));
    assert!(matches!(
        DocumentNumber::parse(&long).unwrap_err().kind(),
        IdErrorKind::TooLong { .. }
    ));
}

#[test]
fn sample_code_numbers_that_are_not_numbers() {
    // The VPCP samples carry test values in Code/CodeNumber.
    let err = DocumentNumber::from_code_parts("74fass22", "VPCP-TTĐT").unwrap_err();
    assert!(matches!(
        err.kind(),
        IdErrorKind::UnexpectedChar { found: 'f', .. }
    ));
    assert_eq!(err.offset(), 2);
    let err = DocumentNumber::from_code_parts("3232sss", "PRO-TEST-CASE1").unwrap_err();
    assert_eq!(err.offset(), 4);
    let err = DocumentNumber::parse("10.101.10.10").unwrap_err();
    assert!(matches!(
        err.kind(),
        IdErrorKind::UnexpectedChar { found: '.', .. }
    ));
}

#[test]
fn document_types_table() {
    // 29 administrative types (Decree 30/2020 Art. 7): 27 abbreviated + Công văn + Thư công.
    let admin: Vec<_> = DocumentType::all()
        .filter(|t| t.tt05_code().is_some_and(|c| c <= 29))
        .collect();
    assert_eq!(admin.len(), 29);
    for code in 1..=32 {
        let ty = DocumentType::from_tt05_code(code).unwrap();
        assert_eq!(ty.tt05_code(), Some(code));
    }
    assert_eq!(DocumentType::from_tt05_code(33), None);
    assert_eq!(DocumentType::from_tt05_code(0), None);
    assert_eq!(
        DocumentType::from_tt05_code(15),
        Some(DocumentType::Submission)
    );
    assert_eq!(
        DocumentType::from_tt05_code(22),
        Some(DocumentType::OfficialLetter)
    );
    for (abbr, ty) in [
        ("QĐ", DocumentType::Decision),
        ("QyĐ", DocumentType::Regulation),
        ("CT", DocumentType::Directive),
        ("CTr", DocumentType::Programme),
        ("ĐA", DocumentType::Scheme),
        ("DA", DocumentType::Project),
        ("TTr", DocumentType::Submission),
        ("TrS", DocumentType::ExtractCopy),
        ("SY", DocumentType::ExactCopy),
        ("SL", DocumentType::TranscribedCopy),
        ("HĐ", DocumentType::Contract),
        ("GUQ", DocumentType::PowerOfAttorney),
        ("NĐ", DocumentType::Decree),
        ("TT", DocumentType::Circular),
        ("NQ", DocumentType::Resolution),
    ] {
        assert_eq!(DocumentType::from_abbreviation(abbr), Some(ty.clone()));
        assert_eq!(ty.abbreviation(), Some(abbr));
    }
    // The match agrees with the table, for every type.
    for ty in DocumentType::all() {
        if let Some(abbr) = ty.abbreviation() {
            assert_eq!(
                DocumentType::from_abbreviation(abbr),
                Some(ty.clone()),
                "{abbr}"
            );
        }
    }
    assert_eq!(DocumentType::from_abbreviation("QD"), None);
    assert_eq!(DocumentType::from_abbreviation("qđ"), None);
    assert_eq!(DocumentType::OfficialLetter.abbreviation(), None);
    assert_eq!(DocumentType::Decision.name_vi(), "Quyết định");
    assert_eq!(DocumentType::Decision.tt05_code(), Some(2));
    assert_eq!(DocumentType::Decree.tt05_code(), None);
    // edXML TypeName values of the samples.
    assert_eq!(
        DocumentType::from_name_vi("Công văn"),
        DocumentType::OfficialLetter
    );
    assert_eq!(
        DocumentType::from_name_vi("Thông tư"),
        DocumentType::Circular
    );
    assert_eq!(
        DocumentType::from_name_vi("CÔNG VĂN"),
        DocumentType::OfficialLetter
    );
    assert_eq!(
        DocumentType::from_name_vi("Bản thoả thuận"),
        DocumentType::Agreement
    );
    assert_eq!(
        DocumentType::from_name_vi("Giấy uỷ quyền"),
        DocumentType::PowerOfAttorney
    );
    // NFD input.
    assert_eq!(
        DocumentType::from_name_vi("Co\u{302}ng va\u{306}n"),
        DocumentType::OfficialLetter
    );
    let unknown = DocumentType::from_name_vi("Sắc lệnh");
    assert_eq!(unknown, DocumentType::Unknown("Sắc lệnh".to_owned()));
    assert_eq!(unknown.name_vi(), "Sắc lệnh");
    assert_eq!(unknown.tt05_code(), None);
    assert_eq!("Sắc lệnh".parse::<DocumentType>().unwrap(), unknown);
    assert_eq!(
        "QĐ".parse::<DocumentType>().unwrap(),
        DocumentType::Decision
    );
    assert!("".parse::<DocumentType>().is_err());
}

#[test]
fn decomposed_unicode_is_read_leniently() {
    // "ƯDCNTT" with U+01AF written as U + combining horn (U+031B).
    let nfd = "3240/BTTTT-U\u{31B}DCNTT";
    let err = DocumentNumber::parse(nfd).unwrap_err();
    assert!(matches!(err.kind(), IdErrorKind::NotNfc));
    assert_eq!(err.offset(), 11);
    let (n, f) = DocumentNumber::parse_lenient(nfd).unwrap();
    assert_eq!(n.unit(), Some("U\u{31B}DCNTT"));
    assert_eq!(f[0].rule, "ID-DOCNUM-NOT-NFC");
    assert_eq!(f[0].location.offset, Some(11));
    // Two marks on one letter ("Ệ" as E + circumflex + dot below).
    let (n, _) = DocumentNumber::parse_lenient("12/UBND-VIE\u{302}\u{323}T").unwrap();
    assert_eq!(n.unit(), Some("VIE\u{302}\u{323}T"));
    // A combining mark with no base letter is an error.
    let err = DocumentNumber::parse_lenient("12/\u{31B}UBND").unwrap_err();
    assert!(matches!(err.kind(), IdErrorKind::UnexpectedChar { .. }));
    assert_eq!(err.offset(), 3);
}
