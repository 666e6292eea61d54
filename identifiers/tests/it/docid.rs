//! edXML document ids and the registry id of Quyết định 182/QĐ-LĐTBXH.

use chrono::NaiveDate;
use vanthu_identifiers::{AgencyId, DocumentId, DocumentNumber, IdErrorKind, RegistryDocumentId};

#[test]
fn vpcp_sample_ids() {
    for (input, agency, date, number) in [
        (
            "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT",
            "000.00.00.G22",
            (2015, 9, 30),
            "7816/VPCP-TTĐT",
        ),
        (
            "000.00.00.G22,2014/01/30,7806/VPCP-TTĐT",
            "000.00.00.G22",
            (2014, 1, 30),
            "7806/VPCP-TTĐT",
        ),
        (
            "000.00.04.G14,2012/08/06,267/VPCP-TTĐT",
            "000.00.04.G14",
            (2012, 8, 6),
            "267/VPCP-TTĐT",
        ),
    ] {
        let id = DocumentId::parse(input).unwrap();
        assert_eq!(id.agency().unwrap().as_str(), agency);
        let (y, m, d) = date;
        assert_eq!(id.date(), NaiveDate::from_ymd_opt(y, m, d));
        assert_eq!(id.number().unwrap().as_str(), number);
        assert_eq!(id.raw_number(), Some(number));
        assert_eq!(id.number().unwrap().issuer(), "VPCP");
        assert_eq!(id.to_string(), input);
        assert!(id.findings().is_empty());
        assert!(id.is_strict());
    }
}

#[test]
fn impossible_date_is_kept_and_reported_never_invented() {
    let input = "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT";
    let err = DocumentId::parse(input).unwrap_err();
    assert!(matches!(err.kind(), IdErrorKind::BadDate { .. }));
    assert_eq!(err.offset(), 14);
    let (id, findings) = DocumentId::parse_lenient(input).unwrap();
    assert_eq!(id.raw_date(), Some("2014/02/30"));
    assert_eq!(id.date(), None);
    assert_eq!(id.number().unwrap().number(), 7806);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, "ID-DOCID-IMPOSSIBLE-DATE");
    assert_eq!(findings[0].location.offset, Some(14));
    assert_eq!(id.to_string(), input);
    assert_eq!(input.parse::<DocumentId>().unwrap(), id);
}

#[test]
fn uuid_form_is_opaque() {
    let input = "9fbfbad2-f1f8-4256-a2eb-50fb1061cddb";
    assert!(DocumentId::parse(input).is_err());
    let (id, findings) = DocumentId::parse_lenient(input).unwrap();
    assert!(id.is_uuid());
    assert_eq!(id.agency(), None);
    assert_eq!(id.date(), None);
    assert_eq!(id.raw_number(), None);
    assert_eq!(findings[0].rule, "ID-DOCID-UUID");
    assert_eq!(id.as_str(), input);
}

#[test]
fn other_deviations() {
    // Bkav writes dd/MM/yyyy.
    let (id, f) = DocumentId::parse_lenient("000.00.00.G22,30/10/2020,7816/VPCP-TTĐT").unwrap();
    assert_eq!(id.date(), NaiveDate::from_ymd_opt(2020, 10, 30));
    assert_eq!(f[0].rule, "ID-DOCID-DATE-ORDER");
    assert!(DocumentId::parse("000.00.00.G22,30/10/2020,7816/VPCP-TTĐT").is_err());
    // An irregular agency: its finding, located in the whole input.
    let (id, f) = DocumentId::parse_lenient("28.22.H17,2018/09/28,01/UBND-VP").unwrap();
    assert_eq!(id.agency().unwrap().as_str(), "28.22.H17");
    assert_eq!(f[0].rule, "ID-AGENCY-IRREGULAR");
    // An unreadable number: kept as text.
    let (id, f) = DocumentId::parse_lenient("000.00.00.G22,2018/09/28,74fass22/VPCP-TTĐT").unwrap();
    assert_eq!(id.number(), None);
    assert_eq!(id.raw_number(), Some("74fass22/VPCP-TTĐT"));
    assert_eq!(f[0].rule, "ID-DOCID-NUMBER-UNREADABLE");
    assert_eq!(f[0].location.offset, Some(27));
    let err = DocumentId::parse("000.00.00.G22,2018/09/28,74fass22/VPCP-TTĐT").unwrap_err();
    assert_eq!(err.offset(), 27);
    // A number's own finding, shifted.
    let (_, f) = DocumentId::parse_lenient("000.00.00.G22,2018/09/28,01/QD-UBND").unwrap();
    assert_eq!(f[0].rule, "ID-DOCNUM-ASCII-FOLDED");
    assert_eq!(f[0].location.offset, Some(28));
}

#[test]
fn errors() {
    let cases: &[crate::ErrorCase] = &[
        ("", |k| matches!(k, IdErrorKind::Empty), 0),
        (
            "000.00.00.G22",
            |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }),
            13,
        ),
        (
            "000.00.00.G22,2015/09/30",
            |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }),
            24,
        ),
        (
            ",2015/09/30,7816/VPCP-TTĐT",
            |k| matches!(k, IdErrorKind::EmptyPart { .. }),
            0,
        ),
        (
            "000.00.00.G22,,7816/VPCP-TTĐT",
            |k| matches!(k, IdErrorKind::EmptyPart { .. }),
            14,
        ),
        (
            "000.00.00.G22,2015/09/30,",
            |k| matches!(k, IdErrorKind::EmptyPart { .. }),
            25,
        ),
        (
            "000.00.00.G22,2015-09-30,7816/VPCP-TTĐT",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: '-', .. }),
            18,
        ),
        (
            "000.00.00.G22,15/9/30,7816/VPCP-TTĐT",
            |k| matches!(k, IdErrorKind::BadDate { .. }),
            14,
        ),
        (
            "000.00.00.g22,2015/09/30,7816/VPCP-TTĐT",
            |k| matches!(k, IdErrorKind::LowercaseLevelLetter { .. }),
            10,
        ),
        (
            "000.00.00.G22, 2015/09/30,7816/VPCP-TTĐT",
            |k| matches!(k, IdErrorKind::Whitespace { .. }),
            14,
        ),
    ];
    for (input, check, offset) in cases {
        let err = DocumentId::parse_lenient(input).unwrap_err();
        assert!(check(err.kind()), "{input:?}: {err}");
        assert_eq!(err.offset(), *offset, "{input:?}: {err}");
    }
}

#[test]
fn written_from_parts() {
    let id = DocumentId::new(
        &AgencyId::parse("000.00.00.G22").unwrap(),
        NaiveDate::from_ymd_opt(2015, 9, 30).unwrap(),
        &DocumentNumber::parse("7816/VPCP-TTĐT").unwrap(),
    );
    assert_eq!(id.as_str(), "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT");
    assert_eq!(DocumentId::parse(id.as_str()).unwrap(), id);
}

#[test]
fn registry_document_id_of_quang_nam() {
    let id = RegistryDocumentId::parse("000.00.15.H47.2019.125").unwrap();
    assert_eq!(id.agency().as_str(), "000.00.15.H47");
    assert_eq!(id.year(), 2019);
    assert_eq!(id.ordinal(), 125);
    assert_eq!(id.to_string(), "000.00.15.H47.2019.125");
    for (input, offset) in [
        ("000.00.15.H47.2019.0", 19),
        ("000.00.15.H47.2019.", 19),
        ("000.00.15.H47.19.125", 14),
        ("000.00.15.H47.2019.12a", 21),
        ("000.00.15.H47.2019", 18),
        ("000.00.15.h47.2019.125", 10),
    ] {
        let err = RegistryDocumentId::parse(input).unwrap_err();
        assert_eq!(err.offset(), offset, "{input}: {err}");
    }
}
