//! Regulatory fidelity (#15): the number and symbol checked leniently
//! (Nghị định 30/2020/NĐ-CP Phụ lục I mục II khoản 3), XML signature blocks
//! told apart, UTF-16 packages read, manifest content types checked.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use vanthu_edxml::{
    DocumentPackage, Profile, ReadOptions, Report, Signature, SourceEncoding, ValidateOptions,
    check, read, read_with, write_document,
};
use vanthu_identifiers::Severity;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";

fn base() -> DocumentPackage {
    let mut doc = crate::validate::base();
    doc.add_attachment("a.pdf", "application/pdf");
    doc
}

fn bytes(doc: &DocumentPackage) -> Vec<u8> {
    let mut out = Vec::new();
    write_document(doc, &mut vec![PDF.to_vec()], &mut out).unwrap();
    out
}

fn run(doc: &DocumentPackage, profile: Profile) -> Report {
    check(
        &bytes(doc),
        &ReadOptions::default(),
        &ValidateOptions::new(profile),
    )
    .unwrap()
}

fn severity(report: &Report, rule: &str) -> Option<Severity> {
    report
        .findings
        .iter()
        .find(|f| f.rule == rule)
        .map(|f| f.severity)
}

fn set_code_number(doc: &mut DocumentPackage, number: &str) {
    doc.header.code.as_mut().unwrap().code_number = Some(number.to_owned());
}

#[test]
fn item11_nd30_irregular_code_number_is_a_warning_not_a_refusal() {
    let clean = run(&base(), Profile::Receiver);
    assert_eq!(severity(&clean, "EDXML-HDR-009"), None);
    assert_eq!(severity(&clean, "EDXML-HDR-006"), None);
    for irregular in ["78x16", "74fass22"] {
        let mut doc = base();
        set_code_number(&mut doc, irregular);
        // The DocumentId keeps its number: it says 78x16 as well.
        doc.header.document_id = Some(format!("000.00.00.G22,2025/03/14,{irregular}/VPCP-KSTT"));
        let report = run(&doc, Profile::Receiver);
        assert_eq!(
            severity(&report, "EDXML-HDR-009"),
            Some(Severity::Warning),
            "{irregular}: {:#?}",
            report.findings
        );
        assert!(report.conformant(), "{irregular}: {:#?}", report.findings);
        let finding = report
            .findings
            .iter()
            .find(|f| f.rule == "EDXML-HDR-009")
            .unwrap();
        assert!(finding.message.contains(irregular), "{}", finding.message);
        assert_eq!(severity(&report, "EDXML-HDR-006"), None, "{irregular}");
        // A sender must write a regular number.
        let strict = run(&doc, Profile::Sender);
        assert_eq!(severity(&strict, "EDXML-HDR-009"), Some(Severity::Error));
    }
    assert!(
        vanthu_edxml::rules::CODE_IRREGULAR
            .source
            .contains("Nghị định 30/2020/NĐ-CP")
    );
    assert!(
        vanthu_edxml::rules::CODE_IRREGULAR
            .source
            .contains("QCVN 102:2016/BTTTT")
    );
}

#[test]
fn item11_code_changed_without_the_document_id_is_a_mismatch() {
    let mut doc = base();
    set_code_number(&mut doc, "126");
    let report = run(&doc, Profile::Receiver);
    let mismatch = report
        .findings
        .iter()
        .find(|f| f.rule == "EDXML-HDR-006")
        .expect("HDR-006");
    assert!(
        mismatch
            .message
            .contains("125/VPCP-KSTT ≠ Code 126/VPCP-KSTT"),
        "{}",
        mismatch.message
    );
    // The same number and symbol written differently (a leading zero) agree.
    let mut doc = base();
    set_code_number(&mut doc, "07");
    doc.header.document_id = Some("000.00.00.G22,2025/03/14,7/VPCP-KSTT".to_owned());
    assert_eq!(
        severity(&run(&doc, Profile::Receiver), "EDXML-HDR-006"),
        None
    );
    // The symbol counts too.
    let mut doc = base();
    doc.header.code.as_mut().unwrap().code_notation = Some("VPCP-TTĐT".to_owned());
    assert_eq!(
        severity(&run(&doc, Profile::Receiver), "EDXML-HDR-006"),
        Some(Severity::Warning)
    );
}

/// An XML signature block with a value of `value_len` bytes and a DER
/// certificate of `cert_len` bytes (`None`: the sample's truncated one).
pub(crate) fn signature_xml(value_len: usize, cert_len: Option<usize>) -> String {
    let value = STANDARD.encode(vec![0x5a; value_len]);
    let certificate = match cert_len {
        Some(n) => {
            let mut der = vec![0x30, 0x82, (n >> 8) as u8, n as u8];
            der.resize(4 + n, 0x02);
            STANDARD.encode(der)
        }
        None => "MIIFqTCCBJG".to_owned(),
    };
    format!(
        "<Signature><SignedInfo><SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#rsa-sha1\"/></SignedInfo>\
         <SignatureValue>{value}</SignatureValue><KeyInfo><X509Data><X509SubjectName>CN=user05</X509SubjectName>\
         <X509Certificate>{certificate}</X509Certificate></X509Data></KeyInfo></Signature>"
    )
}

#[test]
fn item15_placeholder_signature_is_a_note() {
    let mut doc = base();
    doc.signature = Some(Signature::from_raw(signature_xml(256, None)));
    let report = run(&doc, Profile::Sender);
    assert_eq!(severity(&report, "EDXML-SIG-001"), Some(Severity::Note));
    assert_eq!(severity(&report, "EDXML-SIG-002"), None);
    assert!(report.conformant(), "{:#?}", report.findings);
    // No signature: no finding.
    let unsigned = run(&base(), Profile::Sender);
    assert_eq!(severity(&unsigned, "EDXML-SIG-001"), None);
    // A value too short for any signature, an empty block, broken XML: placeholders.
    for raw in [
        signature_xml(16, Some(600)),
        "<Signature/>".to_owned(),
        "<Signature><SignatureValue>@@</SignatureValue></Signature>".to_owned(),
    ] {
        assert!(Signature::from_raw(raw.clone()).is_placeholder(), "{raw}");
    }
}

#[test]
fn item15_real_looking_signature_is_reported_not_verified() {
    let mut doc = base();
    doc.signature = Some(Signature::from_raw(signature_xml(256, Some(900))));
    let report = run(&doc, Profile::Receiver);
    assert_eq!(severity(&report, "EDXML-SIG-002"), Some(Severity::Warning));
    assert_eq!(severity(&report, "EDXML-SIG-001"), None);
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "EDXML-SIG-002")
        .unwrap();
    assert!(
        f.message.contains("XML signature not verified"),
        "{}",
        f.message
    );
    // A certificate whose DER length does not match its bytes is truncated.
    let truncated =
        signature_xml(256, Some(900)).replace("</X509Certificate>", "AAAA</X509Certificate>");
    assert!(Signature::from_raw(truncated).is_placeholder());
}

#[test]
fn item15_the_sample_packages_carry_placeholders() {
    let Some(bytes) = crate::sample("edoc_new.edxml") else {
        return;
    };
    let report = check(&bytes, &ReadOptions::default(), &ValidateOptions::default()).unwrap();
    assert_eq!(severity(&report, "EDXML-SIG-001"), Some(Severity::Note));
    assert_eq!(severity(&report, "EDXML-SIG-002"), None);
}

/// `text` (UTF-8 edXML) in UTF-16 with its byte order mark, declared so.
pub(crate) fn utf16(text: &[u8], big_endian: bool) -> Vec<u8> {
    let text =
        std::str::from_utf8(text)
            .unwrap()
            .replacen("encoding=\"UTF-8\"", "encoding=\"UTF-16\"", 1);
    [0xFEFF_u16]
        .into_iter()
        .chain(text.encode_utf16())
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn item20_utf16_packages_are_read() {
    let doc = base();
    let utf8 = bytes(&doc);
    let expected = read(&utf8).unwrap().package;
    for big_endian in [false, true] {
        let input = utf16(&utf8, big_endian);
        let out = read(&input).unwrap();
        assert_eq!(out.package, expected);
        assert!(out.source_encoding.is_utf16());
        assert!(out.findings.iter().any(|f| f.rule == "EDXML-XML-009"));
        let report = check(&input, &ReadOptions::default(), &ValidateOptions::default()).unwrap();
        assert!(report.conformant(), "{:#?}", report.findings);
        // The attachment was decoded and scanned from the transcoding.
        assert_eq!(
            report.scans[0].as_ref().unwrap().digest.size,
            PDF.len() as u64
        );
    }
    assert_eq!(read(&utf8).unwrap().source_encoding, SourceEncoding::Utf8);
    // A UTF-8 package that declares UTF-16 is still refused, and broken
    // UTF-16 is an error, not a panic.
    let lying = String::from_utf8(utf8.clone()).unwrap().replacen(
        "encoding=\"UTF-8\"",
        "encoding=\"UTF-16\"",
        1,
    );
    assert!(read(lying.as_bytes()).is_err());
    let mut broken = utf16(&utf8, false);
    broken.truncate(broken.len() - 1);
    let error = read(&broken).unwrap_err();
    assert_eq!(error.code(), "EDXML-E-MALFORMED", "{error}");
    assert!(error.to_string().contains("not valid UTF-16"), "{error}");
    // An unpaired surrogate inside attachment text, read while it streams.
    let mut lone = utf16(&utf8, false);
    let at = lone.len() / 2 / 2 * 2;
    lone.splice(at..at + 2, 0xDC00_u16.to_le_bytes());
    let error = read_with(&lone[..], &ReadOptions::scan()).unwrap_err();
    assert_eq!(error.code(), "EDXML-E-MALFORMED", "{error}");
}

#[test]
fn item16_manifest_content_type_disagreeing_with_the_bytes() {
    let mut doc = base();
    doc.manifest.as_mut().unwrap().references[0].content_type = Some("application/zip".to_owned());
    let report = run(&doc, Profile::Receiver);
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "EDXML-ATT-014")
        .expect("ATT-014");
    assert_eq!(
        f.location.path.as_deref(),
        Some("edXMLBody/edXMLManifest/Reference[1]/ContentType")
    );
    assert_eq!(
        severity(&run(&base(), Profile::Receiver), "EDXML-ATT-014"),
        None
    );
}

#[test]
fn item16_nonstandard_mime_types_are_reported() {
    let mut doc = base();
    doc.attachments[0].content_type = Some("application/doc".to_owned());
    doc.attachments[0].attachment_name = Some("a.doc".to_owned());
    doc.manifest.as_mut().unwrap().references[0].content_type = Some("application/doc".to_owned());
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".repeat(64);
    let mut out = Vec::new();
    write_document(&doc, &mut vec![ole], &mut out).unwrap();
    let report = check(&out, &ReadOptions::default(), &ValidateOptions::default()).unwrap();
    let paths: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "EDXML-ATT-020")
        .map(|f| f.location.path.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        paths,
        [
            "edXMLBody/edXMLManifest/Reference[1]/ContentType",
            "AttachmentEncoded/Attachment[1]/ContentType"
        ]
    );
    // The bytes are a .doc: the type agrees, only its name is irregular.
    assert_eq!(severity(&report, "EDXML-ATT-014"), None);
    assert_eq!(
        severity(&run(&base(), Profile::Receiver), "EDXML-ATT-020"),
        None
    );
    assert!(
        vanthu_edxml::rules::NONSTANDARD_MIME
            .source
            .contains("RFC 6838")
    );
}

#[test]
fn item11_a_readable_code_reports_its_number_findings_once() {
    // `QD` for `QĐ`: an identifier finding, reported once at the DocumentId
    // when it carries the same text, at Code when only Code has it.
    let mut doc = base();
    doc.header.code.as_mut().unwrap().code_notation = Some("QD-UBND".to_owned());
    doc.header.document_id = Some("000.00.00.G22,2025/03/14,125/QD-UBND".to_owned());
    let count = |report: &Report| {
        report
            .findings
            .iter()
            .filter(|f| f.rule == "ID-DOCNUM-ASCII-FOLDED")
            .map(|f| f.location.path.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        count(&run(&doc, Profile::Receiver)),
        ["edXMLHeader/MessageHeader/DocumentId"]
    );
    doc.header.document_id = Some("000.00.00.G22,2025/03/14,125/QĐ-UBND".to_owned());
    let report = run(&doc, Profile::Receiver);
    assert_eq!(count(&report), ["edXMLHeader/MessageHeader/Code"]);
    // The two symbols are written differently (QĐ, QD): a mismatch.
    assert_eq!(severity(&report, "EDXML-HDR-006"), Some(Severity::Warning));
}
