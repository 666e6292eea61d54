//! Every identifier in the local regulations' texts and the VPCP sample
//! packages (read in place from the fixtures beside the checkout; skipped with a
//! note when they are missing).

use std::collections::BTreeSet;

use vanthu_identifiers::{AgencyId, AnyAgencyId, DocumentId, DocumentNumber, RecordCode};

/// The text of the elements named `name` (edXML prefix) in `xml`.
fn elements<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<edXML:{name}>");
    let close = format!("</edXML:{name}>");
    xml.match_indices(&open)
        .filter_map(|(at, _)| {
            let start = at + open.len();
            xml[start..]
                .find(&close)
                .map(|end| &xml[start..start + end])
        })
        .collect()
}

fn samples() -> Vec<(String, String)> {
    let Some(shared) = crate::shared() else {
        return Vec::new();
    };
    let dir = shared.join("fixtures/vpcp-samples");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        out.push((
            path.file_name().unwrap().to_string_lossy().into_owned(),
            text,
        ));
    }
    out
}

#[test]
fn every_organ_id_in_the_samples_reads() {
    let samples = samples();
    let mut seen = BTreeSet::new();
    for (file, xml) in &samples {
        for id in elements(xml, "OrganId") {
            if id.is_empty() {
                // edoc.edxml is malformed on purpose: an empty OrganId is an error.
                assert!(AnyAgencyId::parse_lenient(id).is_err());
                continue;
            }
            let (any, findings) =
                AnyAgencyId::parse_lenient(id).unwrap_or_else(|e| panic!("{file}: {id}: {e}"));
            assert_eq!(any.as_str(), id);
            assert_eq!(
                findings.is_empty(),
                AgencyId::parse(id).is_ok(),
                "{file}: {id}"
            );
            seen.insert(id.to_owned());
        }
    }
    if !samples.is_empty() {
        for expected in [
            "000.00.00.G22",
            "000.00.00.H41",
            "28.22.H17",
            "001.00.20.JB2",
            "01.02.G22",
        ] {
            assert!(
                seen.contains(expected),
                "{expected} not found in the samples"
            );
        }
    }
}

#[test]
fn every_document_id_and_code_in_the_samples_reads() {
    let samples = samples();
    let mut impossible = 0;
    for (file, xml) in &samples {
        for id in elements(xml, "DocumentId") {
            if id.is_empty() {
                assert!(DocumentId::parse_lenient(id).is_err());
                continue;
            }
            let (doc, findings) =
                DocumentId::parse_lenient(id).unwrap_or_else(|e| panic!("{file}: {id}: {e}"));
            assert_eq!(doc.as_str(), id);
            if findings
                .iter()
                .any(|f| f.rule == "ID-DOCID-IMPOSSIBLE-DATE")
            {
                impossible += 1;
                assert_eq!(doc.raw_date(), Some("2014/02/30"));
                assert_eq!(doc.date(), None);
            }
        }
        for code in elements(xml, "Code") {
            if code.contains('<') {
                continue; // a Code element that wraps CodeNumber and CodeNotation
            }
            match code {
                // edoc.edxml: placeholders, not numbers.
                "" | "10.101.10.10" => assert!(DocumentNumber::parse_lenient(code).is_err()),
                _ => {
                    let n = DocumentNumber::parse(code)
                        .unwrap_or_else(|e| panic!("{file}: {code}: {e}"));
                    assert_eq!(n.issuer(), "VPCP");
                    assert_eq!(n.unit(), Some("TTĐT"));
                }
            }
        }
        let numbers = elements(xml, "CodeNumber");
        let notations = elements(xml, "CodeNotation");
        for (number, notation) in numbers.iter().zip(&notations) {
            let joined = DocumentNumber::from_code_parts(number, notation);
            if number.bytes().all(|b| b.is_ascii_digit()) {
                assert_eq!(joined.unwrap().number().to_string(), *number);
            } else {
                // Test values in the samples ("74fass22", "3232sss").
                assert!(joined.is_err(), "{file}: {number}");
            }
        }
    }
    if !samples.is_empty() {
        assert_eq!(impossible, 3, "the three 2014/02/30 ids of the samples");
    }
}

/// Every identifier quoted in the local regulations: the department of
/// Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 10 khoản 2 and
/// its ten units, the agency and the record code of Quy chế văn bản điện tử
/// (tỉnh Nam Định, 2021) Điều 19 khoản 2.
#[test]
fn every_identifier_in_the_regulation_texts_reads() {
    let mut agency_ids: Vec<String> = (0..=10).map(|n| format!("000.{n:02}.15.H47")).collect();
    agency_ids.push("000.00.18.H40".to_owned());
    for id in &agency_ids {
        AgencyId::parse(id).unwrap_or_else(|e| panic!("{id}: {e}"));
    }
    RecordCode::parse("000.00.18.H40.2011.01.TH").unwrap();
}

/// The record codes quoted in the regulations vanthu implements (Nghị định
/// 30/2020/NĐ-CP and Thông tư 05/2025/TT-BNV forms) are valid record codes.
#[test]
fn the_quoted_record_codes_read() {
    for code in [
        "000.00.00.G09.2010.01.TH",
        "000.00.18.H40.2011.01.TH",
        "H49.64.33.2001.160",
    ] {
        let id = vanthu_identifiers::identify(code);
        assert_eq!(id.kind(), vanthu_identifiers::IdKind::RecordCode, "{code}");
        assert!(
            id.is_valid(),
            "{code}: {:?} {:?}",
            id.error(),
            id.findings()
        );
    }
}
