//! Records: opening, filing, closing, export.

use vanthu_archive::{
    Closing, DocumentStatus, Heading, HeadingLevel, ListEntry, RecordMetadata, RecordState,
    Records, RecordsList,
};
use vanthu_identifiers::{AgencyId, RecordCode, Retention};

use crate::common::{date, doc};

fn list() -> RecordsList {
    let mut l = RecordsList::new(AgencyId::parse("000.00.18.H40").unwrap(), 2025);
    let mut th = Heading::new(HeadingLevel::Major, "I", "Tổng hợp", Some("TH"));
    th.entries.push(ListEntry::new(
        "01.TH",
        "Kế hoạch công tác",
        Retention::Permanent,
        "Văn phòng",
    ));
    th.entries.push(ListEntry::new(
        "02.TH",
        "Báo cáo",
        Retention::years(10).unwrap(),
        "Văn phòng",
    ));
    l.headings.push(th);
    l
}

#[test]
fn one_document_in_several_records_is_stored_once() {
    let l = list();
    let mut rs = Records::new();
    let a = rs
        .open_listed(&l, "01.TH", date(2025, 1, 2))
        .unwrap()
        .metadata
        .code
        .clone();
    let b = rs
        .open_listed(&l, "02.TH", date(2025, 1, 2))
        .unwrap()
        .metadata
        .code
        .clone();
    rs.add_document("d1", doc(1, 3)).unwrap();
    assert_eq!(rs.file(&a, "d1").unwrap(), 1);
    assert_eq!(rs.file(&b, "d1").unwrap(), 1);
    assert_eq!(rs.documents.len(), 1);
    assert_eq!(rs.records_of("d1").count(), 2);
    assert!(rs.file(&a, "d1").is_err(), "same record twice");
    assert!(rs.add_document("d1", doc(1, 3)).is_err());
    assert!(rs.file(&a, "nope").is_err());
}

#[test]
fn unlisted_records_are_flagged() {
    let l = list();
    let mut rs = Records::new();
    let md = RecordMetadata::new(
        RecordCode::parse("000.00.18.H40.2025.09.TH").unwrap(),
        "Hồ sơ phát sinh",
        Retention::years(5).unwrap(),
        "Nguyễn Văn C",
    );
    let (r, f) = rs.open_unlisted(Some(&l), md).unwrap();
    assert!(!r.listed);
    assert_eq!(f.rule, "ARCH-REC-001");
    let code = r.metadata.code.clone();
    rs.add_document("d", doc(1, 3)).unwrap();
    rs.file(&code, "d").unwrap();
    let mut unapproved = rs.clone();
    let report = unapproved
        .close(&code, Closing::default(), date(2025, 12, 31))
        .unwrap();
    assert!(report.findings.iter().any(|f| f.rule == "ARCH-CLOSE-004"));
    rs.approve(&code, "Chánh Văn phòng", date(2025, 2, 1))
        .unwrap();
    let report = rs
        .close(&code, Closing::default(), date(2025, 12, 31))
        .unwrap();
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    let listed = l.record_code("01.TH").unwrap();
    rs.open_listed(&l, "01.TH", date(2025, 1, 1)).unwrap();
    assert!(rs.approve(&listed, "x", date(2025, 1, 1)).is_err());
    // A listed notation must be opened from the list.
    let md = RecordMetadata::new(
        RecordCode::parse("000.00.18.H40.2025.01.TH").unwrap(),
        "x",
        Retention::Permanent,
        "y",
    );
    assert!(rs.open_unlisted(Some(&l), md).is_err());
    assert!(rs.open_listed(&l, "77.TH", date(2025, 1, 1)).is_err());
}

#[test]
fn closing_drops_drafts_and_duplicates_and_sets_totals() {
    let l = list();
    let mut rs = Records::new();
    let code = rs
        .open_listed(&l, "01.TH", date(2025, 1, 2))
        .unwrap()
        .metadata
        .code
        .clone();
    let mut draft = doc(3, 1);
    draft.status = DocumentStatus::Draft;
    rs.add_document("late", doc(9, 28)).unwrap();
    rs.add_document("early", doc(5, 4)).unwrap();
    rs.add_document("copy", doc(5, 4)).unwrap();
    rs.add_document("draft", draft).unwrap();
    for k in ["late", "early", "copy", "draft"] {
        rs.file(&code, k).unwrap();
    }
    let report = rs
        .close(
            &code,
            Closing::default().title("Kế hoạch công tác năm 2025"),
            date(2025, 12, 31),
        )
        .unwrap();
    assert_eq!(report.removed_drafts, vec!["draft"]);
    assert_eq!(report.removed_duplicates, vec!["copy"]);
    let r = rs.record(&code).unwrap();
    assert_eq!(
        r.state,
        RecordState::Closed {
            on: date(2025, 12, 31)
        }
    );
    assert_eq!(r.metadata.title, "Kế hoạch công tác năm 2025");
    assert_eq!((r.metadata.doc_total, r.metadata.page_total), (2, 4));
    assert_eq!(r.metadata.start_date, Some(date(2025, 1, 2)));
    assert_eq!(r.metadata.end_date, Some(date(2025, 3, 28)));
    // Renumbered chronologically.
    let keys: Vec<_> = r
        .documents
        .iter()
        .map(|f| (f.key.as_str(), f.ordinal))
        .collect();
    assert_eq!(keys, vec![("early", 1), ("late", 2)]);
    assert!(report.findings.iter().all(|f| f.rule == "ARCH-CLOSE-005"));
    // Closed records take no more documents and cannot be closed again.
    rs.add_document("more", doc(11, 10)).unwrap();
    assert!(rs.file(&code, "more").is_err());
    assert!(
        rs.close(&code, Closing::default(), date(2026, 1, 1))
            .is_err()
    );
}

#[test]
fn closing_reports_incompleteness() {
    let l = list();
    let mut rs = Records::new();
    let code = rs
        .open_listed(&l, "02.TH", date(2025, 1, 2))
        .unwrap()
        .metadata
        .code
        .clone();
    let report = rs
        .close(&code, Closing::default(), date(2025, 6, 30))
        .unwrap();
    assert!(report.findings.iter().any(|f| f.rule == "ARCH-CLOSE-001"));

    let code = rs
        .open_listed(&l, "01.TH", date(2025, 1, 2))
        .unwrap()
        .metadata
        .code
        .clone();
    let mut d = doc(2, 20);
    d.page_count = 0;
    rs.add_document("d", d).unwrap();
    rs.file(&code, "d").unwrap();
    let report = rs
        .close(&code, Closing::default(), date(2025, 3, 1))
        .unwrap();
    let rules: Vec<_> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"ARCH-CLOSE-002"), "{rules:?}");
    assert!(rules.contains(&"ARCH-CLOSE-003"), "{rules:?}");
}

#[test]
fn export_is_chronological_xml() {
    let l = list();
    let mut rs = Records::new();
    let code = rs
        .open_listed(&l, "01.TH", date(2025, 1, 2))
        .unwrap()
        .metadata
        .code
        .clone();
    let mut b = doc(20, 25);
    b.recipients.push(
        serde_json::from_str(r#"{"organ_id":"000.00.00.G09","organ_name":"Bộ Nội vụ"}"#).unwrap(),
    );
    b.issued_amount = Some(3);
    rs.add_document("b", b).unwrap();
    rs.add_document("a", doc(10, 2)).unwrap();
    rs.file(&code, "b").unwrap();
    rs.file(&code, "a").unwrap();
    let mut out = Vec::new();
    rs.export_xml(&code, &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    let first = xml.find("<CodeNumber>10</CodeNumber>").unwrap();
    let second = xml.find("<CodeNumber>20</CodeNumber>").unwrap();
    assert!(first < second, "{xml}");
    assert!(xml.contains("<OrganId>000.00.18.H40</OrganId>"));
    assert!(xml.contains("<FileNotation>01.TH</FileNotation>"));
    assert!(xml.contains("<IssuedDate>02/03/2025</IssuedDate>"));
    assert!(xml.contains("<DocTotal>2</DocTotal>"));
    assert!(xml.contains("<TypeName>Quyết định</TypeName>"));
    assert!(xml.contains("<OrganId>000.00.00.G09</OrganId>"));
    assert!(xml.contains("<IssuedAmount>3</IssuedAmount>"));
}

#[test]
fn document_validation_checks_lengths() {
    let mut d = doc(1, 1);
    d.code_number = "123456789012".into();
    d.subject = String::new();
    let rules: Vec<_> = d.validate("d").into_iter().map(|f| f.rule).collect();
    assert_eq!(rules, vec!["ARCH-DOC-001", "ARCH-DOC-002"]);
}

#[test]
fn tt05_code_tables() {
    use vanthu_archive::{AccessMode, Language, Reliability};
    assert_eq!(AccessMode::from_code("03"), Some(AccessMode::Secret));
    assert_eq!(AccessMode::from_code("3"), Some(AccessMode::Secret));
    assert_eq!(AccessMode::from_code("04"), None);
    assert_eq!(
        Language::from_code("09").map(Language::label_vi),
        Some("Hán Nôm")
    );
    assert_eq!(Language::ALL.len(), 11);
    assert_eq!(Reliability::Mixed.code(), "03");
    let v: Vec<Language> = serde_json::from_str(r#"["01","06"]"#).unwrap();
    assert_eq!(v, vec![Language::Vietnamese, Language::VietnameseEnglish]);
    assert!(serde_json::from_str::<Language>(r#""12""#).is_err());
    assert_eq!(
        serde_json::to_string(&AccessMode::Conditional).unwrap(),
        r#""02""#
    );
}

#[test]
fn records_json_round_trips() {
    let l = list();
    let mut rs = Records::new();
    let code = rs
        .open_listed(&l, "01.TH", date(2025, 1, 2))
        .unwrap()
        .metadata
        .code
        .clone();
    rs.add_document("d", doc(1, 3)).unwrap();
    rs.file(&code, "d").unwrap();
    rs.close(&code, Closing::default(), date(2025, 12, 31))
        .unwrap();
    let json = serde_json::to_string(&rs).unwrap();
    let back: Records = serde_json::from_str(&json).unwrap();
    assert_eq!(back, rs);
}

#[test]
fn unnumbered_documents_of_one_day_are_not_duplicates() {
    let l = list();
    let mut rs = Records::new();
    let code = rs
        .open_listed(&l, "01.TH", date(2025, 1, 2))
        .unwrap()
        .metadata
        .code
        .clone();
    let mut a = doc(1, 3);
    a.code_number = String::new();
    let mut b = a.clone();
    b.subject = "Một văn bản khác".into();
    rs.add_document("a", a.clone()).unwrap();
    rs.add_document("b", b).unwrap();
    rs.add_document("a2", a).unwrap();
    for k in ["a", "b", "a2"] {
        rs.file(&code, k).unwrap();
    }
    let report = rs
        .close(&code, Closing::default(), date(2025, 12, 31))
        .unwrap();
    assert_eq!(report.removed_duplicates, vec!["a2"]);
}

#[test]
fn a_closed_record_becomes_a_package() {
    use std::io::Cursor;
    use vanthu_archive::package::{
        CheckOptions, PackOptions, PackageDescription, PackageWriter, check_package,
    };
    let l = list();
    let mut rs = Records::new();
    let code = rs
        .open_listed(&l, "01.TH", date(2025, 1, 2))
        .unwrap()
        .metadata
        .code
        .clone();
    rs.add_document("late", doc(9, 28)).unwrap();
    rs.add_document("early", doc(5, 4)).unwrap();
    rs.file(&code, "late").unwrap();
    rs.file(&code, "early").unwrap();
    let files = |k: &str| vec![format!("{k}.pdf")];
    assert!(
        PackageDescription::from_record(&rs, &code, false, "VP", crate::common::created(), files)
            .is_err()
    );
    rs.close(&code, Closing::default(), date(2025, 12, 31))
        .unwrap();
    let d =
        PackageDescription::from_record(&rs, &code, false, "VP", crate::common::created(), files)
            .unwrap();
    assert_eq!(d.documents[0].doc_code, "000.00.18.H40.2025.01.TH.0000001");
    assert_eq!(d.documents[0].files, vec!["early.pdf"]);
    let mut w = PackageWriter::new(Cursor::new(Vec::new()), d, PackOptions::default()).unwrap();
    w.add_file("early.pdf", &mut &b"a"[..]).unwrap();
    w.add_file("late.pdf", &mut &b"b"[..]).unwrap();
    let bytes = w.finish().unwrap().into_inner();
    assert!(
        check_package(Cursor::new(bytes), &CheckOptions::default())
            .unwrap()
            .conformant()
    );
}
