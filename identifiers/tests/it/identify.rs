//! Detecting what an input is.

use vanthu_identifiers::{IdKind, Identified, identify};

#[test]
fn kinds() {
    // Valid = read and conformant: warnings (an ASCII-folded abbreviation, a
    // UUID document id, a record notation without heading) are allowed; an
    // irregular agency id or an impossible date is an error.
    for (input, kind, valid) in [
        ("000.00.15.H47", IdKind::AgencyId, true),
        ("H37.DN.001", IdKind::AgencyId, true),
        ("28.22.H17", IdKind::AgencyId, false),
        ("01.K36", IdKind::AgencyId, false),
        ("000.00.15.h47", IdKind::AgencyId, false),
        ("182/QĐ-LĐTBXH", IdKind::DocumentNumber, true),
        ("182/QD-LĐTBXH", IdKind::DocumentNumber, true),
        ("12/UBND-VX", IdKind::DocumentNumber, true),
        ("182 /QĐ-LĐTBXH", IdKind::DocumentNumber, false),
        (
            "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT",
            IdKind::DocumentId,
            true,
        ),
        (
            "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT",
            IdKind::DocumentId,
            false,
        ),
        (
            "9fbfbad2-f1f8-4256-a2eb-50fb1061cddb",
            IdKind::DocumentId,
            true,
        ),
        ("000.00.15.H47.2019.125", IdKind::DocumentId, true),
        ("000.00.18.H40.2011.01.TH", IdKind::RecordCode, true),
        ("000.00.18.H40.2011.TH", IdKind::RecordCode, false),
        (
            "000.00.18.H40.2011.01.ABCDEFGHIJKLMNOPQRSTU",
            IdKind::RecordCode,
            true,
        ),
        ("H49.64.33.2001.160", IdKind::RecordCode, true),
        ("H37.DN.001.2025.01.TH", IdKind::RecordCode, true),
        ("H49.64.33", IdKind::AgencyId, true),
        ("G09.20", IdKind::AgencyId, true),
        ("hello", IdKind::Unknown, false),
        ("12345", IdKind::Unknown, false),
        ("", IdKind::Unknown, false),
    ] {
        let id = identify(input);
        assert_eq!(id.kind(), kind, "{input:?}");
        assert_eq!(id.is_valid(), valid, "{input:?}: {:?}", id.error());
        assert_eq!(id.input(), input);
        assert_eq!(id.value().is_some(), id.error().is_none());
    }
}

#[test]
fn values_and_findings() {
    let id = identify("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT");
    assert!(matches!(id.value(), Some(Identified::DocumentId(_))));
    assert_eq!(id.findings()[0].rule, "ID-DOCID-IMPOSSIBLE-DATE");
    let id = identify("000.00.15.H47.2019.125");
    assert!(matches!(
        id.value(),
        Some(Identified::RegistryDocumentId(_))
    ));
    let id = identify("000.00.15.h47");
    assert_eq!(id.error().unwrap().offset(), 10);
    assert!(identify(&"9".repeat(10_000)).error().is_some());
}

#[test]
fn summary_json() {
    let v = serde_json::to_value(identify("000.05.15.H47").summary()).unwrap();
    assert_eq!(v["kind"], "agency_id");
    assert_eq!(v["valid"], true);
    assert_eq!(v["parent"], "000.00.15.H47");
    assert_eq!(v["level1"], "H47");
    assert!(v["findings"].as_array().unwrap().is_empty());
    assert!(v["error"].is_null());
    let v = serde_json::to_value(identify("H49.64.33.2001.160").summary()).unwrap();
    assert_eq!(v["kind"], "record_code");
    assert_eq!(v["agency"], "H49.64.33");
    assert_eq!(v["agency_form"], "decision20_2020");
    assert_eq!(v["year"], 2001);
    assert_eq!(v["file_notation"], "160");
    assert_eq!(v["ordinal"], "160");
    assert!(v["heading"].is_null());
    let v = serde_json::to_value(identify("000.00.18.H40.2011.01.ABCDEFGHIJKLMNOPQRSTU").summary())
        .unwrap();
    assert_eq!(v["kind"], "record_code");
    assert_eq!(v["valid"], true, "a warning does not make it invalid");
    assert_eq!(v["findings"][0]["rule"], "ID-RECORD-NOTATION-LONG");
    assert_eq!(v["findings"][0]["severity"], "warning");
    assert_eq!(v["agency_form"], "qcvn102");
    assert_eq!(v["heading"], "ABCDEFGHIJKLMNOPQRSTU");
    let v = serde_json::to_value(identify("000.00.00.H47").summary()).unwrap();
    assert!(v["parent"].is_null());
    let v = serde_json::to_value(identify("30/2020/NĐ-CP").summary()).unwrap();
    assert_eq!(v["number"], 30);
    assert_eq!(v["year"], 2020);
    assert_eq!(v["type_abbreviation"], "NĐ");
    assert_eq!(v["issuer"], "CP");
    assert!(v["unit"].is_null());
    let v = serde_json::to_value(identify("000.00.18.H40.2011.01.TH").summary()).unwrap();
    assert_eq!(v["agency"], "000.00.18.H40");
    assert_eq!(v["year"], 2011);
    assert_eq!(v["file_notation"], "01.TH");
    let v = serde_json::to_value(identify("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT").summary())
        .unwrap();
    assert_eq!(v["agency"], "000.00.00.G22");
    assert!(v["date"].is_null());
    assert_eq!(v["raw_date"], "2014/02/30");
    assert_eq!(v["number"], "7806/VPCP-TTĐT");
    assert_eq!(v["valid"], false);
    assert_eq!(v["findings"][0]["rule"], "ID-DOCID-IMPOSSIBLE-DATE");
    let v = serde_json::to_value(identify("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT").summary())
        .unwrap();
    assert_eq!(v["date"], "2015-09-30");
    let v = serde_json::to_value(identify("nope nope").summary()).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["error"]["offset"], 4);
}

#[test]
fn an_irregular_agency_id_is_read_but_not_valid() {
    let id = identify("28.22.H17");
    assert!(matches!(id.value(), Some(Identified::AgencyId(_))));
    assert!(!id.is_valid());
    assert_eq!(
        id.findings()[0].severity,
        vanthu_identifiers::Severity::Error
    );
    assert_eq!(
        id.is_valid(),
        id.error().is_none() && vanthu_identifiers::conformant(id.findings())
    );
}

/// A word that is no identifier is `unknown`, not a broken agency id; a
/// level-1 code in the wrong case is still an agency id (to say so).
#[test]
fn words_that_are_no_identifier_are_unknown() {
    for input in ["garbage", "Công_văn", "hello", "?"] {
        let id = identify(input);
        assert_eq!(id.kind(), IdKind::Unknown, "{input}");
        assert!(!id.is_valid(), "{input}");
    }
    assert_eq!(identify("H47").kind(), IdKind::AgencyId);
    assert_eq!(identify("g47").kind(), IdKind::AgencyId);
    let e = identify("garbage").summary();
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["kind"], "unknown");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not a known kind of identifier")
    );
}

/// A space inside an agency id is explained for agency ids as well as for
/// document numbers.
#[test]
fn a_space_in_an_agency_id_is_explained() {
    let id = identify("000.00.15 H47");
    assert_eq!(id.kind(), IdKind::AgencyId);
    let message = id.error().unwrap().to_string();
    assert!(message.contains("an agency id joins its groups with `.`"), "{message}");
}

/// Identifiers print as they are written in `Debug` too.
#[test]
fn debug_shows_the_text() {
    use vanthu_identifiers::{AgencyId, DocumentId, DocumentNumber, RecordCode};
    assert_eq!(
        format!("{:?}", AgencyId::parse("000.00.15.H47").unwrap()),
        r#"AgencyId("000.00.15.H47")"#
    );
    assert_eq!(
        format!("{:?}", DocumentNumber::parse("182/QĐ-LĐTBXH").unwrap()),
        r#"DocumentNumber("182/QĐ-LĐTBXH")"#
    );
    assert_eq!(
        format!(
            "{:?}",
            DocumentId::parse("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT").unwrap()
        ),
        r#"DocumentId("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT")"#
    );
    assert_eq!(
        format!("{:?}", RecordCode::parse("000.00.18.H40.2011.01.TH").unwrap()),
        r#"RecordCode("000.00.18.H40.2011.01.TH")"#
    );
}
