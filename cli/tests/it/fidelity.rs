//! Regulatory fidelity of edXML packages (#15) through the binary: the
//! number and symbol (Nghị định 30/2020/NĐ-CP Phụ lục I mục II khoản 3),
//! XML signature blocks, content types, UTF-16 packages, ZIP-wrapped
//! attachments in `inspect` and `extract --unzip`, and `inspect` counting
//! what `check` counts.

use std::path::{Path, PathBuf};

use vanthu_edxml::{DocumentPackage, Signature, write_document};

use crate::edxml::temp_dir;
use crate::{json, new_document, succeeds, vanthu};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";

/// `doc` written to `dir/name` with `bodies`.
pub(crate) fn written(
    dir: &Path,
    name: &str,
    doc: &DocumentPackage,
    bodies: Vec<Vec<u8>>,
) -> PathBuf {
    let path = dir.join(name);
    let mut out = Vec::new();
    write_document(doc, &mut bodies.clone(), &mut out).unwrap();
    std::fs::write(&path, out).unwrap();
    path
}

fn with_pdf(subject: &str) -> DocumentPackage {
    let mut doc = new_document(subject);
    doc.add_attachment("a.pdf", "application/pdf");
    doc
}

/// The findings of `vanthu check --json` on one file.
fn check_findings(path: &Path) -> Vec<serde_json::Value> {
    let out = vanthu(&["check", "--json", path.to_str().unwrap()], b"");
    let v = json(&out);
    v[0]["findings"].as_array().unwrap().clone()
}

/// The findings of `vanthu inspect --json`.
fn inspect_findings(path: &Path) -> Vec<serde_json::Value> {
    let v = json(&succeeds(&["inspect", "--json", path.to_str().unwrap()]));
    v["findings"].as_array().unwrap().clone()
}

fn find<'a>(findings: &'a [serde_json::Value], rule: &str) -> Option<&'a serde_json::Value> {
    findings.iter().find(|f| f["rule"] == rule)
}

#[test]
fn item11_nd30_irregular_code_number_is_reported_by_check_and_inspect() {
    let dir = temp_dir("item11");
    let mut doc = with_pdf("V/v số không đúng quy định");
    doc.header.code.as_mut().unwrap().code_number = Some("78x16".to_owned());
    let path = written(&dir, "78x16.edxml", &doc, vec![PDF.to_vec()]);
    let findings = check_findings(&path);
    let irregular = find(&findings, "EDXML-HDR-009").expect("HDR-009");
    assert_eq!(irregular["severity"], "warning");
    assert!(
        irregular["source"]
            .as_str()
            .unwrap()
            .contains("Nghị định 30/2020/NĐ-CP")
    );
    // The DocumentId still says 125: the mismatch rule compares with Code.
    let mismatch = find(&findings, "EDXML-HDR-006").expect("HDR-006");
    assert!(
        mismatch["message"]
            .as_str()
            .unwrap()
            .contains("≠ Code 78x16/VPCP-KSTT"),
        "{mismatch}"
    );
    assert!(find(&inspect_findings(&path), "EDXML-HDR-009").is_some());
    let text = String::from_utf8(succeeds(&["inspect", path.to_str().unwrap()]).stdout).unwrap();
    assert!(text.contains("EDXML-HDR-009"), "{text}");
    // A regular number: neither.
    let clean = written(
        &dir,
        "clean.edxml",
        &with_pdf("V/v số đúng"),
        vec![PDF.to_vec()],
    );
    let findings = check_findings(&clean);
    assert!(find(&findings, "EDXML-HDR-009").is_none());
    assert!(find(&findings, "EDXML-HDR-006").is_none());
}

/// A signature block: the sample's placeholder, or one with a 256-byte
/// value and a complete 900-byte DER certificate.
fn signature(real: bool) -> Signature {
    use base64_free::encode;
    let value = encode(&[0x5a; 256]);
    let certificate = if real {
        let mut der = vec![0x30, 0x82, 0x03, 0x84];
        der.resize(4 + 900, 0x02);
        encode(&der)
    } else {
        "MIIFqTCCBJG".to_owned()
    };
    Signature::from_raw(format!(
        "<Signature><SignatureValue>{value}</SignatureValue><KeyInfo><X509Data>\
         <X509Certificate>{certificate}</X509Certificate></X509Data></KeyInfo></Signature>"
    ))
}

/// Base64 without a dependency: enough for test data.
mod base64_free {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub(super) fn encode(bytes: &[u8]) -> String {
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }
}

#[test]
fn item15_signature_blocks_placeholder_note_and_real_looking_warning() {
    let dir = temp_dir("item15");
    let mut doc = with_pdf("V/v chữ ký giữ chỗ");
    doc.signature = Some(signature(false));
    let placeholder = written(&dir, "placeholder.edxml", &doc, vec![PDF.to_vec()]);
    let findings = check_findings(&placeholder);
    let note = find(&findings, "EDXML-SIG-001").expect("SIG-001");
    assert_eq!(note["severity"], "note");
    assert!(
        note["message"]
            .as_str()
            .unwrap()
            .contains("placeholder signature: not verifiable")
    );
    assert!(find(&findings, "EDXML-SIG-002").is_none());
    doc.signature = Some(signature(true));
    let real = written(&dir, "real.edxml", &doc, vec![PDF.to_vec()]);
    let findings = check_findings(&real);
    let warning = find(&findings, "EDXML-SIG-002").expect("SIG-002");
    assert_eq!(warning["severity"], "warning");
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("XML signature not verified")
    );
    assert!(find(&findings, "EDXML-SIG-001").is_none());
    assert!(find(&inspect_findings(&real), "EDXML-SIG-002").is_some());
}

#[test]
fn item16_content_types_are_checked_against_the_bytes_and_the_registry() {
    let dir = temp_dir("item16-types");
    let mut doc = with_pdf("V/v kiểu nội dung");
    doc.manifest.as_mut().unwrap().references[0].content_type = Some("application/zip".to_owned());
    doc.attachments[0].content_type = Some("application/doc".to_owned());
    let path = written(&dir, "types.edxml", &doc, vec![PDF.to_vec()]);
    let findings = check_findings(&path);
    let paths = |rule: &str| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f["rule"] == rule)
            .map(|f| {
                f["location"]["path"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    };
    assert_eq!(
        paths("EDXML-ATT-014"),
        [
            "edXMLBody/edXMLManifest/Reference[1]/ContentType",
            "AttachmentEncoded/Attachment[1]/ContentType"
        ]
    );
    assert_eq!(
        paths("EDXML-ATT-020"),
        ["AttachmentEncoded/Attachment[1]/ContentType"]
    );
    let clean = written(
        &dir,
        "clean.edxml",
        &with_pdf("V/v kiểu đúng"),
        vec![PDF.to_vec()],
    );
    let findings = check_findings(&clean);
    assert!(find(&findings, "EDXML-ATT-014").is_none());
    assert!(find(&findings, "EDXML-ATT-020").is_none());
}

/// CRC-32 (IEEE), for the ZIP below.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP with one stored entry, as the VNPT library wraps unknown types.
pub(crate) fn single_entry_zip(name: &str, data: &[u8]) -> Vec<u8> {
    let crc = crc32(data).to_le_bytes();
    let size = u32::try_from(data.len()).unwrap().to_le_bytes();
    let name_len = u16::try_from(name.len()).unwrap().to_le_bytes();
    let mut zip = Vec::new();
    zip.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0");
    zip.extend_from_slice(&crc);
    zip.extend_from_slice(&size);
    zip.extend_from_slice(&size);
    zip.extend_from_slice(&name_len);
    zip.extend_from_slice(&[0, 0]);
    zip.extend_from_slice(name.as_bytes());
    zip.extend_from_slice(data);
    let central = zip.len();
    zip.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0");
    zip.extend_from_slice(&crc);
    zip.extend_from_slice(&size);
    zip.extend_from_slice(&size);
    zip.extend_from_slice(&name_len);
    zip.extend_from_slice(&[0; 12]);
    zip.extend_from_slice(&[0; 4]); // local header offset 0
    zip.extend_from_slice(name.as_bytes());
    let central_len = u32::try_from(zip.len() - central).unwrap().to_le_bytes();
    zip.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    zip.extend_from_slice(&central_len);
    zip.extend_from_slice(&u32::try_from(central).unwrap().to_le_bytes());
    zip.extend_from_slice(&[0, 0]);
    zip
}

/// A package whose second attachment is a `.rtf` wrapped in a ZIP.
fn zip_wrapped(dir: &Path) -> PathBuf {
    let mut doc = with_pdf("V/v tệp nén");
    doc.add_attachment("phu-luc.rtf", "application/zip");
    let zip = single_entry_zip("32da2890.rtf", b"{\\rtf1 phu luc}");
    written(dir, "wrapped.edxml", &doc, vec![PDF.to_vec(), zip])
}

#[test]
fn item16_inspect_shows_the_unwrapped_document_beside_the_transported_zip() {
    let dir = temp_dir("item16-unwrap");
    let path = zip_wrapped(&dir);
    let v = json(&succeeds(&["inspect", "--json", path.to_str().unwrap()]));
    let a = &v["attachments"][1];
    assert_eq!(a["name"], "phu-luc.rtf");
    assert!(a["size"].as_u64().unwrap() > 100);
    assert_eq!(a["unwrapped"]["name"], "32da2890.rtf");
    assert_eq!(a["unwrapped"]["size"], 15);
    assert!(v["attachments"][0].get("unwrapped").is_none());
    let text = String::from_utf8(succeeds(&["inspect", path.to_str().unwrap()]).stdout).unwrap();
    assert!(text.contains("unwrapped: 32da2890.rtf (15 bytes"), "{text}");
}

#[test]
fn item16_inspect_and_check_count_the_same_findings() {
    let dir = temp_dir("item16-count");
    let mut irregular = with_pdf("V/v đếm");
    irregular.header.code.as_mut().unwrap().code_number = Some("74fass22".to_owned());
    irregular.signature = Some(signature(false));
    let paths = [
        written(&dir, "irregular.edxml", &irregular, vec![PDF.to_vec()]),
        zip_wrapped(&dir),
        PathBuf::from(crate::edxml::sample()),
    ];
    for path in paths {
        let rules = |f: Vec<serde_json::Value>| -> Vec<String> {
            f.iter()
                .map(|f| f["rule"].as_str().unwrap().to_owned())
                .collect()
        };
        let checked = rules(check_findings(&path));
        assert!(!checked.is_empty(), "{}", path.display());
        assert_eq!(
            rules(inspect_findings(&path)),
            checked,
            "{}",
            path.display()
        );
        let text =
            String::from_utf8(succeeds(&["inspect", path.to_str().unwrap()]).stdout).unwrap();
        assert!(
            text.contains(&format!("findings:    {}", checked.len())),
            "{text}"
        );
    }
}

/// `bytes` (UTF-8 edXML) in UTF-16 little-endian with its byte order mark.
fn utf16(bytes: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(bytes).unwrap().replacen(
        "encoding=\"UTF-8\"",
        "encoding=\"UTF-16\"",
        1,
    );
    [0xFEFF_u16]
        .into_iter()
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect()
}

#[test]
fn item20_utf16_package_is_inspected_checked_extracted_and_normalized() {
    let dir = temp_dir("item20");
    let utf8 = std::fs::read(crate::edxml::sample()).unwrap();
    let path = dir.join("utf16.edxml");
    std::fs::write(&path, utf16(&utf8)).unwrap();
    let p = path.to_str().unwrap();
    let v = json(&succeeds(&["inspect", "--json", p]));
    assert_eq!(v["document_id"], "000.00.00.G22,2025/03/14,125/VPCP-KSTT");
    let findings = v["findings"].as_array().unwrap();
    assert!(find(findings, "EDXML-XML-009").is_some(), "{v:#}");
    // check reads it and verifies its PDF (decoded from the transcoding):
    // the same one finding as the UTF-8 sample, plus the note.
    let checked = check_findings(&path);
    let rules: Vec<&str> = checked
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["EDXML-XML-009", "CHECK-ATT-003"]);
    let out = dir.join("out");
    succeeds(&["extract", p, "-o", out.to_str().unwrap()]);
    let pdf = std::fs::read(out.join("125-VPCP-KSTT.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let normalized = succeeds(&["normalize", p, "-o", "-"]).stdout;
    assert!(normalized.starts_with(b"<?xml"), "normalize writes UTF-8");
    let read = vanthu_edxml::read(&normalized).unwrap();
    assert_eq!(read.package, vanthu_edxml::read(&utf8).unwrap().package);
    // Broken UTF-16 is unreadable: exit 2 with a message, no panic.
    let mut broken = utf16(&utf8);
    broken.push(0);
    std::fs::write(&path, broken).unwrap();
    let out = vanthu(&["inspect", p], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-16"));
}

#[test]
fn item23_extract_unzip_reports_what_it_wrote() {
    let dir = temp_dir("item23");
    let path = zip_wrapped(&dir);
    let out = dir.join("out");
    let v = json(&succeeds(&[
        "extract",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--unzip",
        "--json",
    ]));
    let rtf = &v[1];
    assert_eq!(rtf["unwrapped_entry"], "32da2890.rtf");
    assert_eq!(rtf["written_size"], 15);
    assert_eq!(rtf["written_sha256"].as_str().unwrap().len(), 64);
    assert!(rtf["size"].as_u64().unwrap() > 15, "the transported ZIP");
    assert!(rtf["file"].as_str().unwrap().ends_with("phu-luc.rtf"));
    assert_eq!(
        std::fs::read(out.join("phu-luc.rtf")).unwrap(),
        b"{\\rtf1 phu luc}"
    );
    assert_eq!(v[0]["written_size"], PDF.len());
    let out2 = dir.join("text");
    let text = String::from_utf8(
        succeeds(&[
            "extract",
            path.to_str().unwrap(),
            "-o",
            out2.to_str().unwrap(),
            "--unzip",
        ])
        .stdout,
    )
    .unwrap();
    let line = text.lines().find(|l| l.contains("phu-luc.rtf")).unwrap();
    assert!(line.contains("(15 bytes, sha256 "), "{line}");
    assert!(line.contains("unwrapped entry \"32da2890.rtf\""), "{line}");
}

/// #15 item 16: the status packages `vanthu reply` writes carry `StaffInfo`
/// with the four children the reference writer writes (01 from a recipient,
/// 13 from the sender), empty when the clerk is not known.
#[test]
fn item16_reply_writes_staff_info_in_status_packages() {
    for (status, from) in [("01", "000.00.00.H41"), ("13", "000.00.00.G22")] {
        let out = succeeds(&[
            "reply",
            &crate::edxml::sample(),
            "--status",
            status,
            "--from",
            from,
            "--at",
            "2025-03-15T08:00:00+07:00",
            "--description",
            "Văn thư đã nhận",
            "-o",
            "-",
        ]);
        let text = String::from_utf8(out.stdout).unwrap();
        let staff = text
            .split("<edXML:StaffInfo>")
            .nth(1)
            .and_then(|rest| rest.split("</edXML:StaffInfo>").next())
            .unwrap_or_else(|| panic!("{status}: no StaffInfo in\n{text}"));
        for child in ["Department", "Staff", "Email", "Mobile"] {
            assert!(
                staff.contains(&format!("<edXML:{child}")),
                "{status}: {child} in {staff}"
            );
        }
        let read = vanthu_edxml::read(text.as_bytes()).unwrap();
        assert!(read.package.as_status().unwrap().staff_info.is_some());
    }
}
