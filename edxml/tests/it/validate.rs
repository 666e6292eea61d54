//! Validation rules, one package per rule, built with the builders.

use chrono::TimeZone as _;
use vanthu_edxml::{
    DocumentPackage, DocumentType, Organization, Profile, ReadOptions, Report, StatusCode,
    StatusPackage, ValidateOptions, check, vietnam_offset, write_document, write_status,
};
use vanthu_identifiers::Severity;

/// A new letter from the Government Office to Nghệ An, without attachments.
pub(crate) fn base() -> DocumentPackage {
    let at = vietnam_offset()
        .with_ymd_and_hms(2025, 3, 14, 9, 30, 0)
        .unwrap();
    let mut doc = DocumentPackage::new_document(
        Organization::new("000.00.00.G22", "Văn phòng Chính phủ"),
        vec![Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An")],
        ("125", "VPCP-KSTT"),
        "2025/03/14",
        "V/v kết nối",
        &at,
    );
    doc.header.document_type = Some(DocumentType::new("1", "Công văn"));
    doc
}

fn run(doc: &DocumentPackage, bodies: Vec<Vec<u8>>, profile: Profile) -> Report {
    let mut bytes = Vec::new();
    write_document(doc, &mut bodies.clone(), &mut bytes).unwrap();
    check(
        &bytes,
        &ReadOptions::default(),
        &ValidateOptions::new(profile),
    )
    .unwrap()
}

fn rules(report: &Report) -> Vec<(&str, Severity)> {
    report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect()
}

fn has(report: &Report, rule: &str) -> bool {
    report.findings.iter().any(|f| f.rule == rule)
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";

#[test]
fn a_clean_package_has_no_findings() {
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/pdf");
    let report = run(&doc, vec![PDF.to_vec()], Profile::Sender);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}

#[test]
fn at_least_one_attachment() {
    let report = run(&base(), vec![], Profile::Receiver);
    assert_eq!(rules(&report), [("EDXML-ATT-010", Severity::Error)]);
}

#[test]
fn required_elements_and_code_lists() {
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/pdf");
    doc.header.subject = Some("  ".to_owned());
    doc.header.other_info.as_mut().unwrap().priority = Some("7".to_owned());
    doc.header.steering_type = Some("3".to_owned());
    doc.trace.as_mut().unwrap().business.as_mut().unwrap().paper = Some("2".to_owned());
    let report = run(&doc, vec![PDF.to_vec()], Profile::Receiver);
    assert!(has(&report, "EDXML-HDR-001"));
    assert_eq!(
        report
            .findings
            .iter()
            .filter(|f| f.rule == "EDXML-HDR-002")
            .count(),
        3
    );
    assert!(!report.conformant());
}

#[test]
fn duplicate_recipients() {
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/pdf");
    doc.header
        .to
        .push(Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An"));
    let report = run(&doc, vec![PDF.to_vec()], Profile::Receiver);
    assert_eq!(rules(&report), [("EDXML-HDR-003", Severity::Error)]);
}

#[test]
fn manifest_and_attachments_must_match() {
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/pdf");
    doc.add_attachment("b.pdf", "application/pdf");
    doc.manifest.as_mut().unwrap().references.remove(1);
    doc.attachments[0].content_id = Some("x".to_owned());
    let report = run(&doc, vec![PDF.to_vec(), PDF.to_vec()], Profile::Receiver);
    assert!(has(&report, "EDXML-ATT-011"));
    assert_eq!(
        report
            .findings
            .iter()
            .filter(|f| f.rule == "EDXML-ATT-012")
            .count(),
        2
    );
}

#[test]
fn content_type_format_and_active_content() {
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/msword");
    doc.add_attachment("run.exe", "application/octet-stream");
    let js = b"%PDF-1.7\n1 0 obj << /OpenAction 2 0 R >> endobj 2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n";
    let report = run(
        &doc,
        vec![js.to_vec(), b"MZ\x90\x00".to_vec()],
        Profile::Receiver,
    );
    assert!(has(&report, "EDXML-ATT-014"), "{:#?}", report.findings);
    assert!(has(&report, "EDXML-ATT-015"));
    let active: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == "EDXML-ATT-016")
        .map(|f| f.message.as_str())
        .collect();
    // The JavaScript action is active content; the /OpenAction that runs it
    // is only how it starts.
    assert_eq!(active.len(), 1, "{active:?}");
    assert!(active.iter().any(|m| m.contains("/JavaScript")));
}

/// A view action (open at page 1, fit) and files embedded as PDF/A-3 allows
/// are ordinary PDF features: no error. Actions that launch programs, send or
/// import form data, and rich media are active content.
#[test]
fn view_actions_are_not_active_content_and_embedded_files_are_a_note() {
    let verdict = |pdf: &[u8]| {
        let mut doc = base();
        doc.add_attachment("a.pdf", "application/pdf");
        rules(&run(&doc, vec![pdf.to_vec()], Profile::Receiver))
            .into_iter()
            .map(|(r, s)| (r.to_owned(), s))
            .collect::<Vec<_>>()
    };
    let view = b"%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction [3 0 R /Fit] >> endobj\n";
    assert_eq!(verdict(view), []);
    let note = |r: &str, s| vec![(r.to_owned(), s)];
    let pdfa3 = b"%PDF-1.7\n1 0 obj << /Type /Filespec /F (data.xml) /EF << /F 2 0 R >> >> endobj 2 0 obj << /Type /EmbeddedFile /Length 0 >> stream\nendstream endobj\n";
    assert_eq!(verdict(pdfa3), note("EDXML-ATT-019", Severity::Note));
    for action in ["/Launch", "/SubmitForm", "/ImportData", "/RichMedia"] {
        let pdf = format!("%PDF-1.7\n1 0 obj << /S {action} >> endobj\n");
        assert_eq!(
            verdict(pdf.as_bytes()),
            note("EDXML-ATT-016", Severity::Error),
            "{action}"
        );
    }
}

#[test]
fn office_macros_are_found() {
    let mut doc = base();
    doc.add_attachment(
        "a.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    // The part names of an OOXML archive are stored uncompressed.
    let mut docx = b"PK\x03\x04".to_vec();
    docx.extend_from_slice(&[0; 26]);
    docx.extend_from_slice(b"word/document.xml....PK\x03\x04");
    docx.extend_from_slice(&[0; 26]);
    docx.extend_from_slice(b"word/vbaProject.bin");
    let report = run(&doc, vec![docx], Profile::Receiver);
    assert_eq!(rules(&report), [("EDXML-ATT-016", Severity::Error)]);
}

#[test]
fn secret_documents_must_not_be_sent() {
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/pdf");
    doc.header
        .other_info
        .as_mut()
        .unwrap()
        .sphere_of_promulgation = Some("Tối mật".to_owned());
    let report = run(&doc, vec![PDF.to_vec()], Profile::Receiver);
    assert_eq!(rules(&report), [("EDXML-SEC-001", Severity::Error)]);
}

/// A subject that speaks of state secrets is not a secret document: only a
/// confidentiality mark makes one (a note, not an error).
#[test]
fn a_subject_about_secrets_is_not_a_secret_document() {
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/pdf");
    doc.header.subject = Some("QUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC".to_owned());
    let report = run(&doc, vec![PDF.to_vec()], Profile::Receiver);
    assert_eq!(rules(&report), [("EDXML-SEC-002", Severity::Note)]);
    // A field that is exactly a mark still is one.
    for mark in ["Mật", "TỐI MẬT", "Tuyệt mật"] {
        let mut doc = base();
        doc.add_attachment("a.pdf", "application/pdf");
        doc.header
            .other_info
            .as_mut()
            .unwrap()
            .sphere_of_promulgation = Some(mark.to_owned());
        let report = run(&doc, vec![PDF.to_vec()], Profile::Receiver);
        assert_eq!(
            rules(&report),
            [("EDXML-SEC-001", Severity::Error)],
            "{mark}"
        );
    }
}

#[test]
fn vietnamese_text_must_be_nfc_unicode() {
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/pdf");
    // Decomposed (NFD) "Việt", and TCVN3 bytes read as Latin-1 ("ViÖt Nam").
    doc.header.subject = Some("Vie\u{0323}\u{0302}t".to_owned());
    doc.header.content = Some("C«ng v¨n vÒ viÖc".to_owned());
    let report = run(&doc, vec![PDF.to_vec()], Profile::Receiver);
    assert!(has(&report, "EDXML-TEXT-001"));
    assert!(has(&report, "EDXML-TEXT-003"));
}

/// Foreign names use Latin-1 letters that TCVN3 and VNI mojibake use too;
/// they are not legacy text (only words that read as Vietnamese once
/// repaired are evidence).
#[test]
fn foreign_names_are_not_legacy_text() {
    for subject in [
        "Tiếp đoàn công tác của ông Jürgen Müller (CHLB Đức)",
        "Thư mời hội thảo với bà Françoise Ménard và ông José Peña",
        "Ký kết với Søren Ågård, Zoë Brontë và Ïñigo Ñúñez",
        "Về việc cử cán bộ dự hội nghị tại São Paulo và Zürich",
    ] {
        let mut doc = base();
        doc.add_attachment("a.pdf", "application/pdf");
        doc.header.subject = Some(subject.to_owned());
        let report = run(&doc, vec![PDF.to_vec()], Profile::Receiver);
        assert!(!has(&report, "EDXML-TEXT-003"), "{subject}: {report:?}");
    }
    // The same subject in TCVN3 read as Latin-1 is.
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/pdf");
    doc.header.subject = Some("TiÕp ®oµn c«ng t¸c cña «ng Jürgen Müller".to_owned());
    let report = run(&doc, vec![PDF.to_vec()], Profile::Receiver);
    assert!(has(&report, "EDXML-TEXT-003"));
}

#[test]
fn field_lengths_are_warnings() {
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/pdf");
    doc.header.subject = Some("x".repeat(501));
    let report = run(&doc, vec![PDF.to_vec()], Profile::Receiver);
    assert_eq!(rules(&report), [("EDXML-HDR-007", Severity::Warning)]);
}

#[test]
fn business_blocks_match_their_type() {
    let at = vietnam_offset()
        .with_ymd_and_hms(2025, 3, 20, 9, 0, 0)
        .unwrap();
    let original = base();
    for (kind, breaks) in [
        (vanthu_edxml::BusinessType::Revoke, false),
        (vanthu_edxml::BusinessType::Update, false),
        (vanthu_edxml::BusinessType::Replace, false),
    ] {
        let mut doc = original.follow_up(kind, None, &at);
        doc.add_attachment("a.pdf", "application/pdf");
        let report = run(&doc, vec![PDF.to_vec()], Profile::Sender);
        assert_eq!(
            has(&report, "EDXML-BIZ-001"),
            breaks,
            "{kind:?}: {:#?}",
            report.findings
        );
        assert!(report.conformant(), "{kind:?}: {:#?}", report.findings);
    }
    let mut doc = original.follow_up(vanthu_edxml::BusinessType::Update, None, &at);
    doc.trace
        .as_mut()
        .unwrap()
        .business
        .as_mut()
        .unwrap()
        .document_info = None;
    doc.add_attachment("a.pdf", "application/pdf");
    assert!(has(
        &run(&doc, vec![PDF.to_vec()], Profile::Receiver),
        "EDXML-BIZ-001"
    ));
}

#[test]
fn future_dates_need_today() {
    let mut doc = base();
    doc.add_attachment("a.pdf", "application/pdf");
    let mut bytes = Vec::new();
    write_document(&doc, &mut vec![PDF.to_vec()], &mut bytes).unwrap();
    let mut options = ValidateOptions::new(Profile::Receiver);
    options.today = chrono::NaiveDate::from_ymd_opt(2025, 3, 1);
    let report = check(&bytes, &ReadOptions::default(), &options).unwrap();
    assert_eq!(rules(&report), [("EDXML-HDR-008", Severity::Warning)]);
}

#[test]
fn status_rules() {
    let at = vietnam_offset()
        .with_ymd_and_hms(2025, 3, 15, 8, 0, 0)
        .unwrap();
    let doc = base();
    let from = Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An");
    let check_status = |s: &StatusPackage| {
        let mut bytes = Vec::new();
        write_status(s, &mut bytes).unwrap();
        check(
            &bytes,
            &ReadOptions::default(),
            &ValidateOptions::new(Profile::Sender),
        )
        .unwrap()
    };
    let ok = StatusPackage::reply(&doc, &StatusCode::Accepted, from.clone(), &at);
    assert!(check_status(&ok).findings.is_empty());
    let unknown = StatusPackage::reply(&doc, &StatusCode::parse("07"), from.clone(), &at);
    assert!(has(&check_status(&unknown), "EDXML-STA-001"));
    let no_reason =
        StatusPackage::reply(&doc, &StatusCode::Rejected, from, &at).with_description("");
    assert!(has(&check_status(&no_reason), "EDXML-STA-002"));
}

#[test]
fn every_rule_id_is_unique_and_documented() {
    let mut ids: Vec<&str> = vanthu_edxml::rules::ALL.iter().map(|r| r.id).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
    for r in vanthu_edxml::rules::ALL {
        assert!(
            r.id.starts_with("EDXML-")
                && !r.title.is_empty()
                && !r.title_vi.is_empty()
                && !r.source.is_empty()
        );
    }
}
