//! The seed inputs of the fuzz targets, generated (`fuzz_targets.rs`
//! replays them and writes them into `fuzz/corpus/` on request): a few
//! small inputs per target, each reaching past the parser's first refusal.

use std::io::{Cursor, Write as _};
use std::path::Path;

use chrono::{TimeZone as _, Utc};
use vanthu::identifiers::text::{self, LegacyEncoding, LegacyOptions};
use vanthu::signature::testpki::{self, KeyKind, OcspStatus, Profile};
use vanthu::signature::{SignOptions, prepare};

/// One seed file of one target.
pub(crate) struct Seed {
    pub(crate) target: &'static str,
    pub(crate) name: &'static str,
    pub(crate) bytes: Vec<u8>,
}

fn seed(target: &'static str, name: &'static str, bytes: impl Into<Vec<u8>>) -> Seed {
    Seed {
        target,
        name,
        bytes: bytes.into(),
    }
}

fn repository_file(path: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub(crate) fn seeds() -> Vec<Seed> {
    let mut out = Vec::new();
    out.extend(identifiers());
    out.extend(text_seeds());
    out.extend(dates());
    out.extend(names());
    out.extend(workflow());
    out.extend(archive());
    out.extend(unzip());
    out.extend(content());
    out.extend(certs());
    out.extend(pdfs());
    out
}

fn identifiers() -> Vec<Seed> {
    [
        ("agency.txt", "000.00.15.H47"),
        ("agency-2020.txt", "H37.DN.001"),
        ("agency-irregular.txt", "28.22.H17"),
        ("number.txt", "3760/QĐ-UBND"),
        ("number-year.txt", "12/2025/TT-BNV"),
        ("document-id.txt", "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"),
        (
            "document-id-impossible.txt",
            "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT",
        ),
        ("registry-id.txt", "000.00.15.H47.2019.125"),
        ("record-code.txt", "000.00.18.H40.2011.01.TH"),
    ]
    .into_iter()
    .map(|(name, text)| seed("identifiers", name, text))
    .collect()
}

fn text_seeds() -> Vec<Seed> {
    let literal = LegacyOptions::default();
    vec![
        seed(
            "text",
            "mojibake-tcvn3.txt",
            "Thñ t\u{b8}c phßng LuËt Q§TTg",
        ),
        seed("text", "mojibake-vni.txt", "Tieáng Vieät"),
        seed(
            "text",
            "raw-tcvn3.bin",
            text::encode("Cộng hoà xã hội chủ nghĩa", LegacyEncoding::Tcvn3, literal).unwrap(),
        ),
        seed(
            "text",
            "raw-vni.bin",
            text::encode("Độc lập - Tự do - Hạnh phúc", LegacyEncoding::Vni, literal).unwrap(),
        ),
        seed(
            "text",
            "nfd-lookalikes.txt",
            "Uy\u{309} ban \u{d0}\u{1a1}n vi\u{323} \u{1a3}u ti\u{ea}n\u{7}\u{fffd}",
        ),
        seed(
            "text",
            "bom-latin1.bin",
            b"\xEF\xBB\xBFb\xe1o c\xe1o".as_slice(),
        ),
    ]
}

fn dates() -> Vec<Seed> {
    [
        ("edxml-date.txt", "2025/06/05"),
        ("bkav-time.txt", "05/06/2025 16:59:00"),
        ("rfc3339.txt", "2025-06-05T09:30:00+07:00"),
        ("local-minutes.txt", "2025-06-05T09:30"),
        ("pdf-date.txt", "D:20250605093000+07'00'"),
    ]
    .into_iter()
    .map(|(name, text)| seed("dates", name, text))
    .collect()
}

fn names() -> Vec<Seed> {
    vec![
        seed(
            "file_names",
            "traversal.bin",
            b"\x00../../etc/passwd".as_slice(),
        ),
        seed(
            "file_names",
            "devices.bin",
            b"\x03CON.pdf\nA.PDF\na.pdf\nCOM1\n..".as_slice(),
        ),
        seed(
            "file_names",
            "long.bin",
            [
                b"\x07".as_slice(),
                "Tờ trình ".repeat(30).as_bytes(),
                b".docx",
            ]
            .concat(),
        ),
        seed("file_names", "dots.bin", b"\x01. x:y*?.pdf. ".as_slice()),
    ]
}

fn workflow() -> Vec<Seed> {
    vec![
        seed(
            "workflow",
            "office.json",
            repository_file("workflow/tests/vectors/replay/office.json"),
        ),
        seed(
            "workflow",
            "violations.json",
            repository_file("workflow/tests/vectors/replay/violations.json"),
        ),
        seed(
            "workflow",
            "empty.json",
            r#"{"agency": "000.00.15.H47", "events": []}"#,
        ),
    ]
}

fn archive() -> Vec<Seed> {
    let spec = repository_file("archive/tests/vectors/sip-hoso/spec.json");
    let value: serde_json::Value = serde_json::from_slice(&spec).unwrap();
    let mut aip = value.clone();
    aip["kind"] = "AIP_hoso".into();
    let mut loose = value.clone();
    loose["kind"] = "SIP_tailieu".into();
    let record = loose.as_object_mut().unwrap().remove("record").unwrap();
    loose["loose"] = serde_json::json!({
        "file_code": record["code"],
        "title": record["title"],
        "source": "incoming",
    });
    let json = |v: &serde_json::Value| serde_json::to_vec_pretty(v).unwrap();
    vec![
        seed("pack_spec", "sip-hoso.json", spec),
        seed("pack_spec", "aip-hoso.json", json(&aip)),
        seed("pack_spec", "sip-tailieu.json", json(&loose)),
        seed(
            "record_json",
            "record.json",
            repository_file("archive/tests/vectors/record.json"),
        ),
        seed(
            "record_json",
            "electronic-kept-back.json",
            r#"{"record": {"code": "000.00.18.H40.2015.02.TH", "title": "Hồ sơ", "retention": "5 năm", "creator": "A", "start_date": "2015-01-05", "end_date": "2015-12-28"}, "electronic": true, "kept_back_until": "2017-06-30", "work_ended": "2016-01-10"}"#,
        ),
    ]
}

/// A ZIP of `entries`, stored or deflated.
fn zip(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, body) in entries {
        if name.ends_with('/') {
            zip.add_directory(*name, options).unwrap();
        } else {
            zip.start_file(*name, options).unwrap();
            zip.write_all(body).unwrap();
        }
    }
    zip.finish().unwrap().into_inner()
}

fn unzip() -> Vec<Seed> {
    use zip::CompressionMethod::{Deflated, Stored};
    let body = b"%PDF-1.7\n% a wrapped attachment\n".repeat(8);
    vec![
        seed("unzip", "stored.zip", zip(&[("a.pdf", &body)], Stored)),
        seed(
            "unzip",
            "deflated-in-folder.zip",
            zip(&[("d/", b""), ("d/x.docx", &body)], Deflated),
        ),
        seed(
            "unzip",
            "two-entries.zip",
            zip(&[("a", b"1"), ("b", b"2")], Stored),
        ),
    ]
}

fn content() -> Vec<Seed> {
    use zip::CompressionMethod::Stored;
    vec![
        seed(
            "content",
            "pdf-active.bin",
            b"%PDF-1.7\n1 0 obj <</S /JavaScript /JS (app.alert(1))>> /Launch /EmbeddedFile"
                .as_slice(),
        ),
        seed(
            "content",
            "docm.zip",
            zip(
                &[
                    ("[Content_Types].xml", b"<Types/>"),
                    ("word/vbaProject.bin", b"macro"),
                ],
                Stored,
            ),
        ),
        seed(
            "content",
            "ole.bin",
            [
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".as_slice(),
                b"_VBA_PROJECT",
            ]
            .concat(),
        ),
        seed(
            "content",
            "png.bin",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice(),
        ),
        seed(
            "content",
            "edxml-utf16.bin",
            [0xFF, 0xFE]
                .into_iter()
                .chain(
                    "<edXML:edXMLEnvelope>"
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes),
                )
                .collect::<Vec<u8>>(),
        ),
    ]
}

fn certs() -> Vec<Seed> {
    let t = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap();
    let name = |cn: &str| vec![("C", "VN".to_owned()), ("CN", cn.to_owned())];
    let ca_key = testpki::generate_key(KeyKind::P256).unwrap();
    let ca = testpki::issue(
        &Profile::ca(
            name("TEST fuzz root"),
            1,
            t(2024, 1, 1),
            t(2030, 1, 1),
            None,
        ),
        &ca_key,
        None,
    )
    .unwrap();
    let key = testpki::generate_key(KeyKind::P256).unwrap();
    let mut leaf = Profile::leaf(name("Nguyễn Văn A"), 2, t(2025, 1, 1), t(2027, 1, 1));
    leaf.subject.push(("UID", "CCCD:001085000001".to_owned()));
    let leaf = testpki::issue(&leaf, &key, Some((&ca, &ca_key))).unwrap();
    let crl = testpki::issue_crl(&ca, &ca_key, &[(7, t(2025, 3, 1))], t(2025, 6, 1)).unwrap();
    let ocsp = testpki::ocsp_response(
        &leaf,
        &ca,
        &ca,
        &ca_key,
        OcspStatus::Good,
        t(2025, 6, 1),
        Some(t(2025, 6, 8)),
    )
    .unwrap();
    let pem = |der: &[u8]| {
        use base64::Engine as _;
        let body = base64::engine::general_purpose::STANDARD.encode(der);
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(64)
            .map(|l| std::str::from_utf8(l).unwrap())
            .collect();
        format!(
            "-----BEGIN CERTIFICATE-----\r\n{}\r\n-----END CERTIFICATE-----\r\n",
            lines.join("\r\n")
        )
    };
    vec![
        seed("certs", "leaf.der", leaf.der()),
        seed("certs", "chain.pem", pem(leaf.der()) + &pem(ca.der())),
        seed("certs", "root.crl", crl),
        seed("certs", "good.ocsp", ocsp),
    ]
}

/// `pdf` with `n` more revisions, each a signature update with a dummy CMS.
fn revised(pdf: Vec<u8>, n: usize) -> Vec<u8> {
    let mut options = SignOptions::new(crate::fuzz_targets::common::at());
    options.reserve = 64;
    (0..n).fold(pdf, |pdf, _| {
        prepare(&pdf, &options)
            .unwrap()
            .insert_cms(&[0x30, 0x00])
            .unwrap()
    })
}

fn pdfs() -> Vec<Seed> {
    let plain = testpki::sample_pdf(2, 0);
    let compressed = testpki::sample_pdf_compressed();
    vec![
        seed("sign_prepare", "two-pages.pdf", plain.clone()),
        seed("sign_prepare", "object-streams.pdf", compressed.clone()),
        seed(
            "sign_prepare",
            "three-revisions.pdf",
            revised(plain.clone(), 2),
        ),
        seed(
            "sign_prepare",
            "object-streams-two-revisions.pdf",
            revised(compressed.clone(), 1),
        ),
        seed("pdf_locator", "object-streams.pdf", compressed.clone()),
        seed("pdf_locator", "three-revisions.pdf", revised(plain, 2)),
        seed(
            "pdf_locator",
            "object-streams-two-revisions.pdf",
            revised(compressed, 1),
        ),
    ]
}
