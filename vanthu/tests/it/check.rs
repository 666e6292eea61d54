//! `check_file` and `check_bytes` on packages whose PDFs are signed, damaged,
//! unsigned or absent, with and without trust anchors.

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, TimeZone as _, Utc};
use vanthu::edxml::{DocumentPackage, DocumentType, Organization, vietnam_offset, write_document};
use vanthu::signature::testpki::{KeyKind, Profile, generate_key, issue, sample_pdf};
use vanthu::signature::{Certificate, LegalValue, SignOptions, sign_pdf};
use vanthu::{CheckOptions, FileReport, Format, Severity};

struct Pki {
    root: Certificate,
    signed: Vec<u8>,
}

fn utc(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
}

fn vn(y: i32, m: u32, d: u32, h: u32) -> DateTime<FixedOffset> {
    vietnam_offset().with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

/// A root, a director and an agency; one PDF signed by the director, then
/// the agency (made once per run).
fn pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(|| {
        let name = |cn: &str| {
            vec![
                ("C", "VN".to_owned()),
                ("O", "Sở Lao động - Thương binh và Xã hội (TEST)".to_owned()),
                ("CN", cn.to_owned()),
            ]
        };
        let root_key = generate_key(KeyKind::P256).unwrap();
        let root = issue(
            &Profile::ca(name("TEST Root"), 1, utc(2020, 1, 1), utc(2040, 1, 1), None),
            &root_key,
            None,
        )
        .unwrap();
        let leaf = |subject: Vec<(&'static str, String)>, serial| {
            let key = generate_key(KeyKind::P256).unwrap();
            let cert = issue(
                &Profile::leaf(subject, serial, utc(2024, 1, 1), utc(2030, 1, 1)),
                &key,
                Some((&root, &root_key)),
            )
            .unwrap();
            (key, cert)
        };
        let mut person = name("Trần Văn Bình");
        person.insert(2, ("T", "Giám đốc".to_owned()));
        let (person_key, person) = leaf(person, 10);
        let mut agency = name("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI");
        agency.push(("UID", "MNS:1047665".to_owned()));
        let (agency_key, agency) = leaf(agency, 11);
        let pdf = sample_pdf(1, 0);
        let one = sign_pdf(
            &pdf,
            &SignOptions::new(vn(2025, 6, 2, 9)),
            &person_key,
            &person,
            &[],
        )
        .unwrap();
        let signed = sign_pdf(
            &one,
            &SignOptions::new(vn(2025, 6, 2, 10)),
            &agency_key,
            &agency,
            &[],
        )
        .unwrap();
        Pki { root, signed }
    })
}

/// A document package carrying `attachments` (name, content type, bytes).
fn package(attachments: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut doc = DocumentPackage::new_document(
        Organization::new(
            "000.00.15.H47",
            "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Nam",
        ),
        vec![Organization::new("000.01.15.H47", "Văn phòng Sở")],
        ("182", "QĐ-LĐTBXH"),
        "2025/06/02",
        "Quyết định về việc ban hành quy chế",
        &vn(2025, 6, 2, 10),
    );
    doc.header.document_type = Some(DocumentType::new("2", "Quyết định"));
    for (name, content_type, _) in attachments {
        doc.add_attachment(name, content_type);
    }
    let bodies: Vec<&[u8]> = attachments.iter().map(|a| a.2).collect();
    let mut out = Vec::new();
    write_document(&doc, &mut bodies.clone(), &mut out).unwrap();
    out
}

fn options(trusted: bool) -> CheckOptions {
    let mut options = CheckOptions::new(vn(2025, 6, 5, 0));
    if trusted {
        options.trust_pem.push(pem(pki().root.der()));
    }
    options
}

fn pem(der: &[u8]) -> String {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        lines.join("\n")
    )
}

fn check(bytes: &[u8], trusted: bool) -> FileReport {
    let report = vanthu::check_bytes("package.edxml", bytes, &options(trusted)).unwrap();
    // Whatever a report says, its rule ids are in the catalogue, and its
    // verdict is the one definition of conformant.
    for f in &report.findings {
        assert!(
            vanthu::rules::find(&f.rule).is_some(),
            "{} is not catalogued",
            f.rule
        );
    }
    assert_eq!(
        report.conformant,
        report.readable() && vanthu::conformant(&report.findings)
    );
    report
}

fn rules(report: &FileReport) -> Vec<&str> {
    report.findings.iter().map(|f| f.rule.as_str()).collect()
}

fn damaged(pdf: &[u8]) -> Vec<u8> {
    let mut pdf = pdf.to_vec();
    let at = pdf.windows(6).position(|w| w == b"stream").unwrap() + 20;
    pdf[at] ^= 0x01;
    pdf
}

#[test]
fn a_package_whose_main_document_is_signed_twice_is_conformant() {
    let bytes = package(&[("182-QD-LDTBXH.pdf", "application/pdf", &pki().signed)]);
    let report = check(&bytes, true);
    assert!(report.conformant, "{report:#?}");
    assert_eq!(report.format, Some(Format::Edxml));
    assert_eq!(report.kind.as_deref(), Some("document"));
    let main = &report.attachments[0];
    assert!(main.main);
    assert_eq!(main.kind.as_deref(), Some("pdf"));
    assert_eq!(main.legal_value, Some(LegalValue::Original));
    assert_eq!(main.signatures, Some(2));
}

#[test]
fn a_damaged_main_document_makes_the_package_not_conformant() {
    let bytes = package(&[(
        "182-QD-LDTBXH.pdf",
        "application/pdf",
        &damaged(&pki().signed),
    )]);
    let report = check(&bytes, true);
    assert!(!report.conformant);
    assert!(report.readable());
    assert_eq!(report.attachments[0].legal_value, Some(LegalValue::Invalid));
    let verdict = report
        .findings
        .iter()
        .find(|f| f.rule == "CHECK-ATT-001")
        .unwrap_or_else(|| panic!("{:?}", rules(&report)));
    assert_eq!(verdict.severity, Severity::Error);
    assert_eq!(verdict.location.path.as_deref(), Some("attachments[0]"));
    // The PDF's own findings are located under the attachment too.
    assert!(
        report
            .findings
            .iter()
            .filter(|f| f.rule != "CHECK-ATT-001")
            .all(|f| f
                .location
                .path
                .as_deref()
                .is_some_and(|p| p.starts_with("attachments[0]"))),
        "{:?}",
        report.findings
    );
}

#[test]
fn without_trust_anchors_the_legal_value_is_not_established() {
    let bytes = package(&[("182-QD-LDTBXH.pdf", "application/pdf", &pki().signed)]);
    let report = check(&bytes, false);
    assert!(!report.conformant);
    assert!(
        rules(&report).contains(&"CHECK-ATT-001"),
        "{:?}",
        rules(&report)
    );
}

#[test]
fn an_unsigned_second_pdf_is_a_warning_and_other_types_are_reported_by_type() {
    let zip = b"PK\x03\x04\x14\x00\x00\x00\x00\x00 not really a SIP";
    let bytes = package(&[
        ("182-QD-LDTBXH.pdf", "application/pdf", &pki().signed),
        ("phu-luc.pdf", "application/pdf", &sample_pdf(1, 0)),
        ("du-lieu.zip", "application/zip", zip),
    ]);
    let report = check(&bytes, true);
    assert!(report.conformant, "{:?}", report.findings);
    // The unsigned attachment's own findings are warnings for the package.
    assert!(
        report
            .findings
            .iter()
            .filter(|f| f.location.path.as_deref() == Some("attachments[1]"))
            .all(|f| f.severity <= Severity::Warning)
    );
    let second = report
        .findings
        .iter()
        .find(|f| f.rule == "CHECK-ATT-002")
        .unwrap();
    assert_eq!(second.severity, Severity::Warning);
    assert_eq!(second.location.path.as_deref(), Some("attachments[1]"));
    assert!(!report.attachments[1].main);
    // A ZIP inside a package is a file of that type, not an archival package.
    assert_eq!(report.attachments[2].kind.as_deref(), Some("zip"));
    assert_eq!(report.attachments[2].legal_value, None);
}

#[test]
fn a_package_without_any_pdf_says_its_legal_value_was_not_verified() {
    let bytes = package(&[(
        "quyet-dinh.tif",
        "image/tiff",
        b"II*\x00\x08\x00\x00\x00rest",
    )]);
    let report = check(&bytes, true);
    assert!(report.conformant, "a warning only: {:?}", report.findings);
    assert_eq!(rules(&report), ["CHECK-ATT-004"]);
}

#[test]
fn check_file_and_check_bytes_agree() {
    let bytes = package(&[(
        "182-QD-LDTBXH.pdf",
        "application/pdf",
        &damaged(&pki().signed),
    )]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("package.edxml");
    std::fs::write(&path, &bytes).unwrap();
    let mut from_file = vanthu::check_file(&path, &options(true)).unwrap();
    from_file.file = "package.edxml".to_owned();
    assert_eq!(from_file, check(&bytes, true));
}

#[test]
fn a_signed_pdf_alone() {
    let report = vanthu::check_bytes("d.pdf", &pki().signed, &options(true)).unwrap();
    assert!(report.conformant, "{:?}", report.findings);
    assert_eq!(report.legal_value, Some(LegalValue::Original));
    let report = vanthu::check_bytes("d.pdf", &damaged(&pki().signed), &options(true)).unwrap();
    assert!(!report.conformant);
    assert!(rules(&report).contains(&"CHECK-PDF-001"));
}

#[test]
fn unreadable_and_unrecognised_inputs_have_no_verdict() {
    let report = check(b"<edXML><edXMLEnvelope>", true);
    assert!(!report.readable());
    assert!(!report.conformant);
    assert_eq!(report.format, Some(Format::Edxml));
    let error = report.error.as_ref().unwrap();
    assert!(error.code.starts_with("EDXML-E-"), "{}", error.code);
    assert_eq!(report.findings[0].rule, "EDXML-READ-001");
    let report = check(b"hello", true);
    assert!(!report.readable());
    assert_eq!(report.format, None);
    assert_eq!(report.error.unwrap().code, "VANTHU-E-UNREADABLE");
    let report = check(b"%PDF-1.4 and nothing else", true);
    assert_eq!(report.error.unwrap().code, "SIG-E-NO-REVISION");
    let report = check(b"PK\x03\x04 not a zip", true);
    assert_eq!(report.error.unwrap().code, "ARCH-E-ZIP");
}

#[test]
fn reports_round_trip_through_json() {
    let bytes = package(&[("182-QD-LDTBXH.pdf", "application/pdf", &pki().signed)]);
    let report = check(&bytes, false);
    let json = serde_json::to_string(&report).unwrap();
    let back: FileReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn options_come_from_json_and_need_a_time() {
    let options =
        CheckOptions::from_json(r#"{"at": "2025-06-05T00:00:00+07:00", "strict": true}"#).unwrap();
    assert!(options.strict);
    assert_eq!(options.at, vn(2025, 6, 5, 0));
    let e = CheckOptions::from_json(r#"{"strict": true}"#).unwrap_err();
    assert_eq!(e.kind.code(), "VANTHU-E-OPTIONS");
    assert!(e.message.contains("at"), "{e}");
    let mut options = options;
    options.trust.push("/nonexistent/root.cer".into());
    let e = vanthu::check_bytes("x", b"", &options).unwrap_err();
    assert_eq!(e.kind, vanthu::ErrorKind::Trust);
}

#[test]
fn detection_is_by_content() {
    use vanthu::detect;
    assert_eq!(detect(b"PK\x03\x04rest"), Some(Format::Sip));
    assert_eq!(detect(b"%PDF-1.7\n"), Some(Format::Pdf));
    assert_eq!(
        detect(b"\xEF\xBB\xBF  \n<?xml version=\"1.0\"?><edXML>"),
        Some(Format::Edxml)
    );
    assert_eq!(detect(b"<?xml version=\"1.0\"?><File>"), None);
    assert_eq!(detect(b"garbage %PDF-1.4"), Some(Format::Pdf));
    assert_eq!(detect(b"{\"json\": 1}"), None);
    assert_eq!(detect(b""), None);
}

#[test]
fn junit_escapes_and_counts() {
    let bytes = package(&[(
        "182-QD-LDTBXH.pdf",
        "application/pdf",
        &damaged(&pki().signed),
    )]);
    let mut report = check(&bytes, true);
    report.file = "a<b>&\"'\u{1}.edxml".to_owned();
    let mut batch = vanthu::Batch::new(&[]);
    batch.push(report);
    let xml = vanthu::junit::to_junit(&batch).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(
        xml.contains(r#"tests="1" failures="1" errors="0""#),
        "{xml}"
    );
    assert!(
        xml.contains("a&lt;b&gt;&amp;&quot;&apos;\u{FFFD}.edxml"),
        "{xml}"
    );
    assert_eq!(xml.matches("<failure type=").count(), 1, "{xml}");
    assert!(xml.contains("CHECK-ATT-001"), "{xml}");
}

#[test]
fn check_paths_walks_folders_recognises_by_content_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    std::fs::create_dir_all(&nested).unwrap();
    let good = package(&[("182-QD-LDTBXH.pdf", "application/pdf", &pki().signed)]);
    let bad = package(&[(
        "182-QD-LDTBXH.pdf",
        "application/pdf",
        &damaged(&pki().signed),
    )]);
    std::fs::write(dir.path().join("good.bin"), &good).unwrap();
    std::fs::write(nested.join("bad.edxml"), &bad).unwrap();
    std::fs::write(nested.join("notes.txt"), "not a package").unwrap();
    let checker = vanthu::Checker::new(&options(true)).unwrap();
    let batch = checker.check_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(batch.files.len(), 2);
    assert_eq!(
        (
            batch.counts.checked,
            batch.counts.conformant,
            batch.counts.not_conformant
        ),
        (2, 1, 1)
    );
    assert_eq!((batch.counts.edxml, batch.counts.skipped), (2, 1));
    assert_eq!(batch.counts.verdict(), vanthu::Verdict::NotConformant);
    // A file named explicitly is always checked: unrecognised, it is unreadable.
    let batch = checker.check_paths(&[nested.join("notes.txt")]).unwrap();
    assert_eq!(batch.counts.verdict(), vanthu::Verdict::Unreadable);
    // An empty folder: nothing to check.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let e = checker.check_paths(&[empty]).unwrap_err();
    assert_eq!(e.kind, vanthu::ErrorKind::NothingToCheck);
}

/// A `Checker` is shared across threads by batch jobs: it must stay `Send`
/// and `Sync` (this does not compile otherwise).
#[test]
fn a_checker_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync>(_: &T) {}
    let checker = vanthu::Checker::new(&options(true)).unwrap();
    shareable(&checker);
    let bytes = package(&[("182-QD-LDTBXH.pdf", "application/pdf", &pki().signed)]);
    let reports: Vec<FileReport> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| checker.check_bytes("package.edxml", &bytes)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(reports.iter().all(|r| r.conformant));
    assert_eq!(reports[0], reports[1]);
}

/// A folder of many files checked on several threads gives the batch a plain
/// loop gives: same reports, same order, same counts.
#[test]
fn a_parallel_check_equals_the_sequential_one() {
    let dir = tempfile::tempdir().unwrap();
    let signed = &pki().signed;
    let damaged_pdf = damaged(signed);
    let good = package(&[("182-QD-LDTBXH.pdf", "application/pdf", signed)]);
    let bad = package(&[("182-QD-LDTBXH.pdf", "application/pdf", &damaged_pdf)]);
    for i in 0..24 {
        let (name, bytes): (String, &[u8]) = match i % 6 {
            0 => (format!("{i:02}-signed.pdf"), signed),
            1 => (format!("{i:02}-damaged.pdf"), &damaged_pdf),
            2 => (format!("{i:02}-good.edxml"), &good),
            3 => (format!("{i:02}-bad.edxml"), &bad),
            4 => (format!("{i:02}-truncated.pdf"), &signed[..signed.len() / 3]),
            _ => (format!("{i:02}-unsigned.pdf"), &signed[..0]),
        };
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let batch = |jobs: usize| {
        let mut options = options(true);
        options.jobs = jobs;
        vanthu::Checker::new(&options)
            .unwrap()
            .check_paths(&[dir.path().to_path_buf()])
            .unwrap()
    };
    let sequential = batch(1);
    assert!(sequential.files.len() >= 20, "{}", sequential.files.len());
    let names: Vec<&str> = sequential.files.iter().map(|f| f.file.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "the walk is in name order");
    assert!(sequential.counts.conformant > 0 && sequential.counts.not_conformant > 0);
    for jobs in [2, 4, 0] {
        assert_eq!(batch(jobs), sequential, "{jobs} jobs");
    }
    // check_each hands the reports over in the order of the files given.
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.reverse();
    let mut options = options(true);
    options.jobs = 3;
    let mut seen = Vec::new();
    vanthu::Checker::new(&options)
        .unwrap()
        .check_each(&files, |r| seen.push(r.file));
    let expected: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    assert_eq!(seen, expected);
}

/// `bytes` (UTF-8 edXML, declared UTF-8) in UTF-16 big-endian after its
/// byte order mark, declared UTF-16.
fn utf16(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let mut out = vec![0xFE, 0xFF];
    for unit in text.replacen("UTF-8", "UTF-16", 1).encode_utf16() {
        out.extend_from_slice(&unit.to_be_bytes());
    }
    out
}

/// #15 item 20: a UTF-16 package is recognised and checked; its PDF is
/// decoded from the UTF-8 transcoding and verified.
#[test]
fn item20_a_utf16_package_is_checked_like_its_utf8_form() {
    let utf8 = package(&[("182-QD-LDTBXH.pdf", "application/pdf", &pki().signed)]);
    let bytes = utf16(&utf8);
    assert_eq!(vanthu::detect(&bytes[..1024]), Some(Format::Edxml));
    let report = check(&bytes, true);
    assert!(report.conformant, "{:#?}", report.findings);
    assert_eq!(
        report.attachments[0].legal_value,
        Some(LegalValue::Original)
    );
    assert_eq!(rules(&report), ["EDXML-XML-009"]);
    let plain = check(&utf8, true);
    assert_eq!(plain.attachments, report.attachments);
    // From a file too.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utf16.edxml");
    std::fs::write(&path, &bytes).unwrap();
    let from_file = vanthu::check_file(&path, &options(true)).unwrap();
    assert_eq!(from_file.findings, report.findings);
}

/// A ZIP with one deflated entry, as the VNPT library wraps file types it
/// does not know.
fn wrapped(name: &str, data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(data).unwrap();
    zip.finish().unwrap().into_inner()
}

/// #15 item 16: the summary of `inspect` shows, for a ZIP-wrapped
/// attachment, the document inside beside the transported ZIP; other
/// attachments and ZIPs that are no wrapper are left alone.
#[test]
fn item16_inspect_summary_shows_the_unwrapped_document() {
    use vanthu::edxml::{ReadOptions, read_with};
    use vanthu::inspect::{Summary, summary, unwrap_attachments};
    let rtf = b"{\\rtf1 phu luc kem theo}".repeat(40);
    let two = {
        use std::io::Write as _;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for n in ["a.txt", "b.txt"] {
            zip.start_file(n, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"x").unwrap();
        }
        zip.finish().unwrap().into_inner()
    };
    let bytes = package(&[
        ("182-QD-LDTBXH.pdf", "application/pdf", &pki().signed),
        ("phu-luc.rtf", "application/zip", &wrapped("4c1f.rtf", &rtf)),
        ("hai-tep.doc", "application/zip", &two),
        ("ho-so.zip", "application/zip", &wrapped("x.pdf", b"%PDF-")),
    ]);
    let read = read_with(&bytes[..], &ReadOptions::scan()).unwrap();
    let mut s = summary(&read);
    unwrap_attachments(&mut s, &read, std::io::Cursor::new(&bytes));
    let Summary::Document(d) = s else {
        panic!("a document")
    };
    let inner = d.attachments[1].unwrapped.as_ref().expect("unwrapped");
    assert_eq!(inner.name, "4c1f.rtf");
    assert_eq!(inner.size, rtf.len() as u64);
    assert_eq!(inner.sha256.len(), 64);
    assert!(
        d.attachments[1].size.unwrap() < rtf.len() as u64,
        "the transported ZIP is deflated"
    );
    for i in [0, 2, 3] {
        assert_eq!(d.attachments[i].unwrapped, None, "attachment {i}");
    }
    // Without sizes (no digest), nothing is decoded.
    let plain = vanthu::edxml::read(&bytes).unwrap();
    let mut s = summary(&plain);
    unwrap_attachments(&mut s, &plain, std::io::Cursor::new(&bytes));
    let Summary::Document(d) = s else {
        panic!("a document")
    };
    assert!(d.attachments.iter().all(|a| a.unwrapped.is_none()));
}

/// A folder whose root holds `METS.xml` is one archival package: checked
/// as its ZIP is, and never walked as a batch of files.
#[test]
fn an_unpacked_package_folder_is_one_package() {
    use std::io::Cursor;
    use vanthu::archive::package::{
        PackOptions, PackageDescription, PackageDocument, PackageWriter,
    };
    let created = vn(2026, 1, 5, 9);
    let code = vanthu::identifiers::RecordCode::parse("000.00.18.H40.2025.01.TH").unwrap();
    let record = vanthu::archive::RecordMetadata::new(
        code.clone(),
        "Hồ sơ kế hoạch",
        vanthu::identifiers::Retention::Permanent,
        "Nguyễn Văn A",
    );
    let mut desc = PackageDescription::for_record(record, false, "Văn phòng", created);
    let doc = vanthu::archive::Document::new(
        vanthu::identifiers::DocumentType::Plan,
        "12",
        "KH-VP",
        created.date_naive(),
        "Văn phòng",
        "Kế hoạch",
    );
    desc.documents.push(PackageDocument::new(
        format!("{code}.0000001"),
        doc,
        vec!["ke-hoach.pdf".into()],
    ));
    let mut w = PackageWriter::new(Cursor::new(Vec::new()), desc, PackOptions::default()).unwrap();
    w.add_file("ke-hoach.pdf", &mut &b"%PDF-1.7 plan"[..])
        .unwrap();
    let zip_bytes = w.finish().unwrap().into_inner();
    let tmp = tempfile::tempdir().unwrap();
    let root = vanthu::archive::package::unpack(Cursor::new(&zip_bytes), tmp.path()).unwrap();
    let options = CheckOptions::new(vn(2026, 1, 6, 0));
    let from_dir = vanthu::check_file(&root, &options).unwrap();
    let from_zip = vanthu::check_bytes("p.zip", &zip_bytes, &options).unwrap();
    assert_eq!(from_dir.format, Some(Format::Sip));
    assert!(from_dir.conformant, "{:#?}", from_dir.findings);
    assert_eq!(from_dir.findings, from_zip.findings);
    assert_eq!(from_dir.objid, from_zip.objid);
    // In a batch, the folder is one input, not its nine files.
    let (files, skipped) = vanthu::collect(&[tmp.path().to_path_buf()]).unwrap();
    let skipped = skipped.len();
    assert_eq!((files, skipped), (vec![root.clone()], 0));
    // A damaged data file in the folder makes it not conformant.
    std::fs::write(
        root.join("representations/rep1/data/ke-hoach.pdf"),
        b"%PDF-1.7 plaN",
    )
    .unwrap();
    let damaged = vanthu::check_file(&root, &options).unwrap();
    assert!(!damaged.conformant);
    assert!(
        damaged
            .findings
            .iter()
            .any(|f| f.rule == "ARCH-PKG-FILE-002")
    );
}
