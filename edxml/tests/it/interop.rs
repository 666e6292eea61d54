//! Interop with an independent parser: lxml parses packages we write and
//! finds the same values (`tests/interop/lxml_read.py`).
//!
//! Runs when `VANTHU_INTEROP=1`, with the Python named by `VANTHU_PYTHON`
//! (default `python3`), which must then have lxml (`.ci/run` installs it): a
//! missing lxml fails the test rather than skipping it. Without
//! `VANTHU_INTEROP=1` it prints a note and passes.

use std::process::Command;

use chrono::TimeZone as _;
use serde_json::{Value, json};
use vanthu_edxml::{
    Organization, Package, ReadOptions, ReadOutput, StatusCode, StatusPackage, XmlContent, read,
    read_with, vietnam_offset, write, write_document, write_status,
};

/// The Python to run the lxml script with.
fn python() -> String {
    std::env::var("VANTHU_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

fn lxml_available() -> bool {
    if std::env::var("VANTHU_INTEROP").as_deref() != Ok("1") {
        eprintln!("note: interop with lxml skipped (set VANTHU_INTEROP=1)");
        return false;
    }
    let py = python();
    let ok = Command::new(&py)
        .args(["-c", "import lxml"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "VANTHU_INTEROP=1 but {py} cannot import lxml");
    true
}

fn org(o: Option<&Organization>) -> Value {
    o.map_or(
        Value::Null,
        |o| json!({ "organ_id": o.organ_id, "organ_name": o.organ_name }),
    )
}

/// Comments and processing instructions outside the root, in the shape
/// the Python script prints (a processing instruction split into target and
/// data at the first white space, as XML 1.0 §2.6 does).
fn outside(items: &[XmlContent]) -> Value {
    items
        .iter()
        .map(|item| match item {
            XmlContent::Comment(c) => json!({ "comment": c }),
            XmlContent::ProcessingInstruction(p) => {
                let (target, data) = p
                    .split_once([' ', '\t', '\r', '\n'])
                    .unwrap_or((p.as_str(), ""));
                json!({ "pi": target, "data": data.trim_start() })
            }
            other => panic!("{other:?} outside the root"),
        })
        .collect()
}

/// Our values, in the shape the Python script prints.
fn ours(bytes: &[u8]) -> Value {
    let out = read_with(bytes, &ReadOptions::digest()).unwrap();
    let mut values = values(&out);
    let extras = match &out.package {
        Package::Status(s) => &s.package_extras,
        Package::Document(d) => &d.extras,
        _ => unreachable!("a new package kind"),
    };
    values["prolog"] = outside(&extras.prolog);
    values["epilog"] = outside(&extras.epilog);
    values
}

fn values(out: &ReadOutput) -> Value {
    match &out.package {
        Package::Status(s) => json!({
            "kind": "status",
            "from": org(s.from.as_ref()),
            "status_code": s.status_code,
            "description": s.description,
            "timestamp": s.timestamp,
            "response_for": s.response_for.as_ref().map(|r| json!({
                "organ_id": r.organ_id, "code": r.code, "document_id": r.document_id,
                "promulgation_date": r.promulgation_date,
            })),
        }),
        Package::Document(d) => {
            let h = &d.header;
            json!({
                "kind": "document",
                "document_id": h.document_id,
                "from": org(h.from.as_ref()),
                "to": h.to.iter().map(|t| org(Some(t))).collect::<Vec<_>>(),
                "code_number": h.code.as_ref().and_then(|c| c.code_number.clone()),
                "code_notation": h.code.as_ref().and_then(|c| c.code_notation.clone()),
                "subject": h.subject,
                "promulgation_date": h.promulgation_info.as_ref().and_then(|p| p.promulgation_date.clone()),
                "business_doc_type": d.trace.as_ref().and_then(|t| t.business.as_ref()).map(|b| b.doc_type.clone()),
                "references": d.manifest.iter().flat_map(|m| &m.references)
                    .map(|r| r.content_id.as_ref().map(|c| format!("cid:{c}"))).collect::<Vec<_>>(),
                "attachments": d.attachments.iter().zip(&out.layout).map(|(a, l)| json!({
                    "content_id": a.content_id.as_ref().map(|c| format!("cid:{c}")),
                    "name": a.attachment_name,
                    "content_type": a.content_type,
                    "size": l.digest.unwrap().size,
                    "sha256": l.digest.unwrap().sha256_hex(),
                })).collect::<Vec<_>>(),
            })
        }
        _ => Value::Null,
    }
}

/// Packages we write: the sample, one with hostile text, a status reply and,
/// when `../shared` is present, every real sample rewritten canonically.
fn packages() -> Vec<Vec<u8>> {
    let mut out = vec![crate::vectors::sample_bytes()];
    let mut doc = crate::vectors::sample_package();
    doc.header.subject = Some("A & B <c> \"d\" 'e'\r\nđĐ Tiếng Việt ]]> &amp;".to_owned());
    doc.header
        .to
        .push(Organization::new("000.00.00.H14", "UBND tỉnh Cao Bằng"));
    let i = doc.add_attachment(
        "bảng kê.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    assert_eq!(i, 1);
    let big: Vec<u8> = (0..200_000u32).map(|n| (n * 7 % 251) as u8).collect();
    let mut bytes = Vec::new();
    write_document(
        &doc,
        &mut vec![crate::vectors::PDF.to_vec(), big],
        &mut bytes,
    )
    .unwrap();
    out.push(bytes.clone());
    let at = vietnam_offset()
        .with_ymd_and_hms(2025, 3, 15, 8, 0, 0)
        .unwrap();
    let reply = StatusPackage::reply(
        &doc,
        &StatusCode::Rejected,
        Organization::new("000.00.00.H41", "UBND"),
        &at,
    )
    .with_description("Sai thể thức <văn bản> & thiếu chữ ký");
    let mut status = Vec::new();
    write_status(&reply, &mut status).unwrap();
    out.push(status);
    // Comments and processing instructions before and after the root,
    // Vietnamese text and data included, on both package kinds.
    let prolog = vec![
        XmlContent::Comment(" Gói tin thử: Văn phòng Chính phủ ".to_owned()),
        XmlContent::ProcessingInstruction(
            "xml-stylesheet href=\"a.xsl\" type=\"text/xsl\"".to_owned(),
        ),
        XmlContent::ProcessingInstruction("trống".to_owned()),
    ];
    let epilog = vec![
        XmlContent::ProcessingInstruction("tail  dữ liệu a=\"1\"".to_owned()),
        XmlContent::Comment("cuối".to_owned()),
    ];
    let mut marked = crate::vectors::sample_package();
    marked.extras.prolog.clone_from(&prolog);
    marked.extras.epilog.clone_from(&epilog);
    let mut bytes = Vec::new();
    write_document(&marked, &mut vec![crate::vectors::PDF.to_vec()], &mut bytes).unwrap();
    out.push(bytes);
    let mut reply = reply;
    reply.package_extras.prolog = prolog;
    reply.package_extras.epilog = epilog;
    let mut status = Vec::new();
    write_status(&reply, &mut status).unwrap();
    out.push(status);
    if let Some(dir) = crate::samples() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let input = std::fs::read(&path).unwrap();
            let Ok(r) = read(&input) else { continue };
            let mut written = Vec::new();
            write(&r.package, &mut r.bodies(&input), &mut written).unwrap();
            out.push(written);
        }
    }
    out
}

#[test]
fn lxml_reads_what_we_write() {
    if !lxml_available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("vanthu-interop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let packages = packages();
    let mut paths = Vec::new();
    for (i, bytes) in packages.iter().enumerate() {
        let path = dir.join(format!("{i}.edxml"));
        std::fs::write(&path, bytes).unwrap();
        paths.push(path);
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/interop/lxml_read.py");
    let output = Command::new(python())
        .arg(script)
        .args(&paths)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let theirs: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(theirs.len(), packages.len());
    for (i, (bytes, theirs)) in packages.iter().zip(&theirs).enumerate() {
        assert_eq!(&ours(bytes), theirs, "package {i}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
