//! Hostile edXML packages (`docs/limits.md` §3): each ends inside the
//! stated budget with exit 1 (a finding) or 2 (a limit hit while reading)
//! and says which rule or limit.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use vanthu_edxml::DocumentPackage;

use crate::budget::{Bounded, bounded};
use crate::edxml::temp_dir;
use crate::fidelity::written;
use crate::{json, new_document};

fn one_pdf(subject: &str) -> DocumentPackage {
    let mut doc = new_document(subject);
    doc.add_attachment("cong-van.pdf", "application/pdf");
    doc
}

const PDF: &[u8] = b"%PDF-1.4\n%%EOF\n";

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A document package with `count` unknown elements of 63 attributes each
/// in its header: kept for the lossless round trip, so they cost memory.
fn wide_unknown_elements(dir: &Path, count: usize) -> PathBuf {
    let plain = written(
        dir,
        "plain.edxml",
        &one_pdf("V/v phần tử lạ"),
        vec![PDF.to_vec()],
    );
    let text = std::fs::read_to_string(&plain).unwrap();
    let attributes: Vec<String> = (0..63).map(|i| format!("a{i}=\"{i}\"")).collect();
    let element = format!("<x:u xmlns:x=\"urn:x\" {}/>\n", attributes.join(" "));
    let at = text.find("<edXML:DocumentId>").unwrap();
    let path = dir.join("wide.edxml");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    out.write_all(&text.as_bytes()[..at]).unwrap();
    for _ in 0..count {
        out.write_all(element.as_bytes()).unwrap();
    }
    out.write_all(&text.as_bytes()[at..]).unwrap();
    out.flush().unwrap();
    path
}

#[test]
fn wide_unknown_content_hits_the_tree_budget_in_inspect_check_and_normalize() {
    let dir = temp_dir("adv-wide");
    // 9 000 elements × 63 attributes: 5 MB, over 64 MiB as a tree.
    let wide = wide_unknown_elements(&dir, 9_000);
    let out = dir.join("out.edxml");
    // The three runs at once: each parses up to the budget.
    let commands = [
        vec!["inspect", s(&wide)],
        vec!["check", s(&wide)],
        vec!["normalize", s(&wide), "-o", s(&out)],
    ];
    let runs: Vec<Bounded> = std::thread::scope(|scope| {
        let handles: Vec<_> = commands
            .iter()
            .map(|args| scope.spawn(move || bounded(args, None)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for run in runs {
        run.ends(2, "max_tree_bytes");
        assert!(run.text().contains("EDXML-E-LIMIT") || run.text().contains("limit of"));
    }
    assert!(!out.exists());
    // A few hundred are kept and written back.
    let fine = wide_unknown_elements(&dir, 300);
    let run = bounded(&["normalize", s(&fine), "-o", s(&out)], None);
    assert_eq!(run.code(), 0, "{}", run.text());
    let normalized = std::fs::read_to_string(&out).unwrap();
    assert_eq!(normalized.matches("a62=\"62\"").count(), 300);
}

/// A deflated ZIP whose one entry is `size` zero bytes, called `name`.
fn zip_of_zeros(name: &str, size: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(&vec![0u8; size]).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn extract_unzip_stops_at_its_total_cap_and_removes_what_it_wrote() {
    let dir = temp_dir("adv-total");
    let mut doc = one_pdf("V/v hai tệp nén");
    doc.add_attachment("phu-luc-1.rtf", "application/zip");
    doc.add_attachment("phu-luc-2.rtf", "application/zip");
    let three_mb = 3 << 20;
    let path = written(
        &dir,
        "two.edxml",
        &doc,
        vec![
            PDF.to_vec(),
            zip_of_zeros("a.rtf", three_mb),
            zip_of_zeros("b.rtf", three_mb),
        ],
    );
    let extract = |out: &Path, cap: usize| -> Bounded {
        let cap = cap.to_string();
        let args = [
            "extract",
            s(&path),
            "-o",
            s(out),
            "--unzip",
            "--max-bytes",
            &cap,
        ];
        bounded(&args, None)
    };
    let out = dir.join("capped");
    let run = extract(&out, 5 << 20);
    run.ends(2, "max_extracted_bytes");
    assert!(run.text().contains("attachment 3"), "{}", run.text());
    let left: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
    // Within the cap, both are unwrapped.
    let out = dir.join("fits");
    let run = extract(&out, 7 << 20);
    assert_eq!(run.code(), 0, "{}", run.text());
    assert_eq!(
        std::fs::metadata(out.join("phu-luc-2.rtf")).unwrap().len(),
        three_mb as u64
    );
}

#[test]
fn invalid_base64_is_a_finding_for_normalize_as_for_check() {
    let dir = temp_dir("adv-b64");
    let path = written(&dir, "ok.edxml", &one_pdf("V/v Base64"), vec![PDF.to_vec()]);
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.windows(8).position(|w| w == b"JVBERi0x").unwrap();
    bytes[at + 3] = 0xFF;
    let bad = dir.join("bad.edxml");
    std::fs::write(&bad, &bytes).unwrap();
    let out = dir.join("out.edxml");
    let run = bounded(&["normalize", s(&bad), "-o", s(&out)], None);
    run.ends(1, "EDXML-ATT-001");
    assert!(run.text().contains("line "), "a position: {}", run.text());
    assert!(!run.text().contains("I/O"), "{}", run.text());
    assert!(!out.exists());
    bounded(&["check", s(&bad)], None).ends(1, "EDXML-ATT-001");
    // The package as written normalises.
    assert_eq!(
        bounded(&["normalize", s(&path), "-o", s(&out)], None).code(),
        0
    );
}

#[test]
fn a_doctype_is_a_finding_not_an_unreadable_package() {
    let dir = temp_dir("adv-doctype");
    let path = written(
        &dir,
        "ok.edxml",
        &one_pdf("V/v DOCTYPE"),
        vec![PDF.to_vec()],
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let end = text.find("?>").unwrap() + 2;
    let with = format!(
        "{}\n<!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{}",
        &text[..end],
        &text[end..]
    );
    let bad = dir.join("doctype.edxml");
    std::fs::write(&bad, with).unwrap();
    let out = dir.join("x");
    for args in [
        vec!["check", s(&bad)],
        vec!["inspect", s(&bad)],
        vec!["normalize", s(&bad), "-o", s(&out)],
        vec!["extract", s(&bad), "-o", s(&out)],
        vec![
            "reply",
            s(&bad),
            "--status",
            "01",
            "--from",
            "000.00.00.H41",
            "-o",
            s(&out),
        ],
    ] {
        let run = bounded(&args, None);
        run.ends(1, "EDXML-XML-010");
        assert!(
            !run.text().contains("root:"),
            "nothing expanded: {}",
            run.text()
        );
    }
    assert!(!out.exists());
    let run = bounded(&["check", "--json", s(&bad)], None);
    let v: serde_json::Value = serde_json::from_slice(&run.output.stdout).unwrap();
    assert!(v[0].get("error").is_none(), "{v}");
}

#[test]
fn a_status_package_dated_year_zero_is_a_finding() {
    use chrono::TimeZone as _;
    let dir = temp_dir("adv-year0");
    let at = vanthu_edxml::vietnam_offset()
        .with_ymd_and_hms(2025, 3, 15, 8, 0, 0)
        .unwrap();
    let status = vanthu_edxml::StatusPackage::reply(
        &one_pdf("V/v ngày"),
        &vanthu_edxml::StatusCode::Arrived,
        vanthu_edxml::Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An"),
        &at,
    );
    let mut bytes = Vec::new();
    vanthu_edxml::write_status(&status, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let good = dir.join("good.edxml");
    std::fs::write(&good, &text).unwrap();
    assert!(
        !bounded(&["check", s(&good)], None)
            .text()
            .contains("EDXML-DATE-002")
    );
    for date in [
        "0000/01/01 00:00:00",
        "2025/02/30 08:00:00",
        "2025/13/01 08:00:00",
    ] {
        let bad = dir.join("bad.edxml");
        std::fs::write(&bad, text.replace("2025/03/15 08:00:00", date)).unwrap();
        bounded(&["check", s(&bad)], None).ends(1, "EDXML-DATE-002");
    }
}

#[test]
fn extracted_names_are_safe_and_say_they_were_changed() {
    let dir = temp_dir("adv-names");
    let mut doc = new_document("V/v tên tệp");
    let long = format!("{}.....", "d".repeat(230));
    let names = [
        "COM¹.pdf".to_owned(),
        "bao-cao\u{202E}fdp.exe".to_owned(),
        "Quyết định.pdf".to_owned(),
        "Quye\u{302}\u{301}t đi\u{323}nh.pdf".to_owned(),
        long,
        "Công văn.pdf".to_owned(),
    ];
    for name in &names {
        doc.add_attachment(name, "application/pdf");
    }
    let path = written(&dir, "names.edxml", &doc, vec![PDF.to_vec(); names.len()]);
    let out = dir.join("out");
    let run = bounded(&["extract", s(&path), "-o", s(&out), "--json"], None);
    assert_eq!(run.code(), 0, "{}", run.text());
    let v = json(&run.output);
    let written: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(written[0], "_COM¹.pdf");
    assert_eq!(written[1], "bao-caofdp.exe");
    assert_eq!(written[2], "Quyết định.pdf");
    assert_eq!(written[3], "2-Quyết định.pdf");
    assert_eq!(written[4], "d".repeat(200));
    assert_eq!(written[5], "Công văn.pdf");
    for (i, a) in v.as_array().unwrap().iter().enumerate() {
        let rules: Vec<&str> = a["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        let changed = i != 2 && i != 5;
        assert_eq!(rules == ["EDXML-ATT-021"], changed, "{i}: {a}");
        assert!(out.join(written[i]).is_file());
    }
    assert_eq!(v[1]["original_name"], "bao-cao\\u{202e}fdp.exe");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), names.len());
}

#[test]
fn extract_json_names_the_written_entry_never_a_raw_path() {
    let dir = temp_dir("adv-entry");
    let mut doc = one_pdf("V/v tên mục nén");
    doc.add_attachment("phu-luc.rtf", "application/zip");
    let path = written(
        &dir,
        "entry.edxml",
        &doc,
        vec![PDF.to_vec(), zip_of_zeros("../../evil.txt", 10)],
    );
    let out = dir.join("out");
    let run = bounded(
        &["extract", s(&path), "-o", s(&out), "--unzip", "--json"],
        None,
    );
    assert_eq!(run.code(), 0, "{}", run.text());
    let v = json(&run.output);
    assert_eq!(v[1]["name"], "phu-luc.rtf");
    assert_eq!(v[1]["unwrapped_entry"], "evil.txt");
    assert_eq!(v[1]["unwrapped_entry_original"], "../../evil.txt");
    assert!(v[1]["file"].as_str().unwrap().ends_with("phu-luc.rtf"));
    assert!(!dir.join("evil.txt").exists() && !out.join("evil.txt").exists());
    let text = bounded(&["extract", s(&path), "-o", s(&out), "--unzip"], None).text();
    assert!(
        text.contains("unwrapped entry \"../../evil.txt\""),
        "{text}"
    );
}
