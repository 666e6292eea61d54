//! `vanthu check` as a compliance harness: folders, mixed inputs detected by
//! content, `--json`, `--junit`, the summary line and the exit-code precedence.

use std::fs;

use crate::demo::{AT, run_demo};
use crate::{json, vanthu};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_folder_of_mixed_inputs_with_counts_json_and_junit() {
    let (dir, _) = run_demo("harness");
    let root = dir.join("pki/root.cer");
    let root = root.to_str().unwrap();
    let folder = dir.to_str().unwrap();

    // Text: one line per file, then the summary with counts. The copy that
    // the second unit received damaged is the one file not conformant.
    let out = vanthu(&["check", "--trust", root, "--at", AT, folder], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    let summary = text.lines().find(|l| l.starts_with("checked ")).unwrap();
    assert!(
        summary.starts_with("checked 20 file(s): 19 conformant, 1 not conformant, 0 unreadable (17 edXML, 2 PDF, 1 SIP;"),
        "{summary}"
    );
    assert!(text.contains("unit2/received/182-QD-LDTBXH.edxml: NOT conformant [document]"));
    assert!(text.contains("182-QD-LDTBXH.signed.pdf: conformant [pdf]"));
    assert!(text.contains(".zip: conformant [SIP_hoso]"));

    // Renamed files are still recognised by their content.
    let odd = dir.join("odd");
    fs::create_dir_all(odd.join("deeper")).unwrap();
    fs::copy(
        dir.join("sender/182-QD-LDTBXH.signed.pdf"),
        odd.join("deeper/decision.bin"),
    )
    .unwrap();
    fs::copy(
        dir.join("unit1/status-DEN-QD-182-03.edxml"),
        odd.join("status.txt"),
    )
    .unwrap();
    // A tampered PDF: readable, not conformant (its legal value is invalid).
    let mut pdf = fs::read(dir.join("sender/183-LDTBXH-VP.signed.pdf")).unwrap();
    let at = pdf.windows(7).position(|w| w == b"tap huan").unwrap_or(400);
    pdf[at] ^= 0x20;
    fs::write(odd.join("tampered.pdf"), &pdf).unwrap();
    fs::write(odd.join("notes.md"), "not a package").unwrap();

    let junit = dir.join("junit.xml");
    let out = vanthu(
        &[
            "check",
            "--json",
            "--junit",
            junit.to_str().unwrap(),
            "--trust",
            root,
            "--at",
            AT,
            odd.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let v = json(&out);
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 3, "{v:#}");
    let by = |suffix: &str| {
        files
            .iter()
            .find(|f| f["file"].as_str().unwrap().ends_with(suffix))
            .unwrap()
    };
    assert_eq!(by("decision.bin")["format"], "pdf");
    assert_eq!(by("decision.bin")["legal_value"], "original");
    assert_eq!(by("status.txt")["format"], "edxml");
    assert_eq!(by("status.txt")["kind"], "status");
    assert_eq!(by("tampered.pdf")["conformant"], false);
    assert_eq!(by("tampered.pdf")["legal_value"], "invalid");
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains("checked 3 file(s): 2 conformant, 1 not conformant, 0 unreadable"),
        "{summary}"
    );
    assert!(summary.contains("1 skipped"), "{summary}");

    let report = fs::read_to_string(&junit).unwrap();
    assert!(report.starts_with("<?xml"));
    assert!(
        report.contains(r#"<testsuites name="vanthu check" tests="4" failures="1" errors="0">"#),
        "{report}"
    );
    // #15 item 23: the skipped file is a skipped test case, as the summary counts it.
    assert!(report.contains(r#"skipped="1""#), "{report}");
    assert_eq!(report.matches("<testcase ").count(), 4);
    assert_eq!(report.matches("<skipped ").count(), 1);
    assert_eq!(report.matches("<failure ").count(), 1);
    assert!(report.contains(r#"classname="vanthu.pdf""#));

    // An unreadable input wins over a non-conformant one: exit 2, an <error>.
    fs::write(odd.join("broken.edxml"), "<edXML><edXMLEnvelope>").unwrap();
    let out = vanthu(
        &[
            "check",
            "--junit",
            junit.to_str().unwrap(),
            "--trust",
            root,
            "--at",
            AT,
            odd.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stdout(&out)
            .lines()
            .find(|l| l.starts_with("checked "))
            .unwrap()
            .contains("1 not conformant, 1 unreadable")
    );
    let report = fs::read_to_string(&junit).unwrap();
    assert_eq!(report.matches("<error ").count(), 1, "{report}");

    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn without_trust_anchors_a_signed_pdf_is_for_reference_only() {
    let (dir, _) = run_demo("notrust");
    let pdf = dir.join("sender/182-QD-LDTBXH.signed.pdf");
    let out = vanthu(&["check", "--json", "--at", AT, pdf.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)[0]["legal_value"], "reference_only");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn nothing_to_check_and_unknown_files_are_errors() {
    let dir = std::env::temp_dir().join(format!("vanthu-cli-harness-{}-empty", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("readme.txt"), "hello").unwrap();
    // A folder with nothing recognisable: exit 2, never a silent pass.
    let out = vanthu(&["check", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("checked 0 file(s)"));
    // A file named explicitly is checked whatever it holds.
    let out = vanthu(&["check", dir.join("readme.txt").to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("unreadable"));
    fs::remove_dir_all(dir).unwrap();
}

/// The CLI holds no rule of its own: what `vanthu check --json` prints is the
/// umbrella crate's report, serialised by serde.
#[test]
fn check_json_is_the_umbrella_crates_report() {
    let (dir, _) = run_demo("harness-equal");
    let root = dir.join("pki/root.cer");
    let files = [
        "sender/182-QD-LDTBXH.edxml",
        "sender/182-QD-LDTBXH.signed.pdf",
        "unit2/received/182-QD-LDTBXH.edxml",
        "unit1/status-DEN-QD-182-03.edxml",
        "unit1/archive/000.01.15.H47.2025.01.TH.zip",
    ];
    let mut options = vanthu::CheckOptions::new(vanthu::parse_time(AT).unwrap());
    options.trust.push(root.clone());
    for file in files {
        let path = dir.join(file);
        let out = vanthu(
            &[
                "check",
                "--json",
                "--trust",
                root.to_str().unwrap(),
                "--at",
                AT,
                path.to_str().unwrap(),
            ],
            b"",
        );
        let printed = json(&out);
        let library = serde_json::to_value(vanthu::check_file(&path, &options).unwrap()).unwrap();
        assert_eq!(printed[0], library, "{file}");
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn rules_lists_the_umbrella_catalogue() {
    let out = vanthu(&["rules", "--json"], b"");
    assert_eq!(out.status.code(), Some(0));
    let printed = json(&out);
    assert_eq!(printed, serde_json::to_value(vanthu::rules::all()).unwrap());
    let rules = printed.as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "CHECK-ATT-001"));
    for rule in rules {
        for key in ["id", "severity", "title", "title_vi", "source"] {
            assert!(rule[key].as_str().is_some_and(|v| !v.is_empty()), "{rule}");
        }
    }
    let text = vanthu(&["rules"], b"");
    assert_eq!(
        String::from_utf8_lossy(&text.stdout).lines().count(),
        rules.len()
    );
}

/// Every `"rule"` anywhere in a JSON value.
fn rule_ids(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("rule", serde_json::Value::String(id)) => out.push(id.clone()),
                    _ => rule_ids(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| rule_ids(v, out)),
        _ => {}
    }
}

/// No command reports a rule id that `vanthu rules` does not list.
#[test]
fn every_rule_id_printed_is_in_the_catalogue() {
    let (dir, _) = run_demo("harness-rules");
    let catalogue: Vec<String> = json(&vanthu(&["rules", "--json"], b""))
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let root = dir.join("pki/root.cer");
    let root = root.to_str().unwrap();
    let d = |p: &str| dir.join(p).to_str().unwrap().to_owned();
    // A tampered PDF and a package whose attachment is unsigned add failures.
    let mut pdf = fs::read(dir.join("sender/183-LDTBXH-VP.signed.pdf")).unwrap();
    pdf[400] ^= 0x20;
    fs::write(dir.join("tampered.pdf"), &pdf).unwrap();
    let runs: Vec<Vec<String>> = vec![
        vec![
            "check".into(),
            "--json".into(),
            "--trust".into(),
            root.into(),
            "--at".into(),
            AT.into(),
            d("."),
        ],
        vec![
            "check".into(),
            "--json".into(),
            "--strict".into(),
            "--at".into(),
            AT.into(),
            d("."),
        ],
        vec![
            "verify".into(),
            "--json".into(),
            "--trust".into(),
            root.into(),
            "--at".into(),
            AT.into(),
            d("tampered.pdf"),
        ],
        vec![
            "verify".into(),
            "--json".into(),
            "--at".into(),
            AT.into(),
            d("sender/182-QD-LDTBXH.signed.pdf"),
        ],
        vec![
            "archive".into(),
            "check".into(),
            "--json".into(),
            d("unit1/archive/000.01.15.H47.2025.01.TH.zip"),
        ],
        vec!["check".into(), "--json".into(), crate::edxml::sample()],
        vec!["replay".into(), "--json".into(), d("unit2/events.json")],
        vec![
            "replay".into(),
            "--json".into(),
            "--as-of".into(),
            "2026-01-05T09:00:00+07:00".into(),
            d("sender/events.json"),
        ],
        vec![
            "id".into(),
            "--json".into(),
            "28.22.H17".into(),
            "182/QD-LĐTBXH".into(),
            "000.00.18.H40.2011.01.ABCDEFGHIJKLMNOPQRSTU".into(),
        ],
    ];
    let mut seen = Vec::new();
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = vanthu(&args, b"");
        rule_ids(&json(&out), &mut seen);
    }
    assert!(seen.len() > 10, "{seen:?}");
    for id in &seen {
        assert!(catalogue.contains(id), "{id} is printed but not catalogued");
    }
    fs::remove_dir_all(dir).unwrap();
}

/// `verify --json` and `replay --json` print the library's results, serialised
/// by serde: nothing is decided in the CLI.
#[test]
fn verify_and_replay_json_are_the_librarys() {
    let (dir, _) = run_demo("harness-verify-replay");
    let root = dir.join("pki/root.cer");
    let pdf = dir.join("sender/182-QD-LDTBXH.signed.pdf");
    let out = vanthu(
        &[
            "verify",
            "--json",
            "--trust",
            root.to_str().unwrap(),
            "--at",
            AT,
            pdf.to_str().unwrap(),
        ],
        b"",
    );
    let mut options = vanthu::CheckOptions::new(vanthu::parse_time(AT).unwrap());
    options.trust.push(root.clone());
    let trust = vanthu::load_trust(&options).unwrap().store;
    let library = vanthu::signature::verify_pdf(
        &fs::read(&pdf).unwrap(),
        &trust,
        &vanthu::signature::VerifyOptions::new(options.at.to_utc()),
    )
    .unwrap();
    assert_eq!(json(&out), serde_json::to_value(&library).unwrap());

    for who in ["sender", "unit1", "unit2"] {
        let log = dir.join(format!("{who}/events.json"));
        let out = vanthu(&["replay", "--json", log.to_str().unwrap()], b"");
        let events: vanthu::workflow::EventLog =
            serde_json::from_slice(&fs::read(&log).unwrap()).unwrap();
        let library = vanthu::replay(&events, None).unwrap();
        assert_eq!(json(&out), serde_json::to_value(&library).unwrap(), "{who}");
    }
    fs::remove_dir_all(dir).unwrap();
}

/// `vanthu check DIR | head -1`: the reader goes away, the exit code still
/// says what was found (2: an input could not be read).
#[test]
fn a_closed_output_pipe_keeps_the_exit_code() {
    let (dir, _) = run_demo("pipe");
    fs::write(dir.join("broken.edxml"), "<edXML><edXMLEnvelope>").unwrap();
    let root = dir.join("pki/root.cer");
    for json in [false, true] {
        let mut args = vec!["check", "--trust", root.to_str().unwrap(), "--at", AT];
        if json {
            args.push("--json");
        }
        args.push(dir.to_str().unwrap());
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vanthu"))
            .args(&args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Close the reading end before vanthu writes anything.
        drop(child.stdout.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(2), "json: {json}");
    }
}

/// A ZIP is an archival package only with a root `METS.xml`: an office
/// document in a folder is skipped, and named on its own it is reported as
/// what it is.
#[test]
fn office_documents_are_not_taken_for_archival_packages() {
    let (dir, _) = run_demo("office-docs");
    let report = dir.join("bao-cao.docx");
    fs::write(
        &report,
        empty_zip(&["[Content_Types].xml", "word/document.xml"]),
    )
    .unwrap();
    let root = dir.join("pki/root.cer");
    let out = vanthu(
        &[
            "check",
            "--trust",
            root.to_str().unwrap(),
            "--at",
            AT,
            dir.to_str().unwrap(),
        ],
        b"",
    );
    let text = stdout(&out);
    assert!(!text.contains("bao-cao.docx"), "{text}");
    let summary = text.lines().find(|l| l.starts_with("checked ")).unwrap();
    // The demo's 20 files are checked; its 16 other files (registers, logs, keys,
    // READMEs) and the document are skipped.
    assert!(
        summary.starts_with("checked 20 file(s)") && summary.contains("0 unreadable"),
        "{summary}"
    );
    assert!(summary.contains("; 17 skipped)"), "{summary}");
    let out = vanthu(&["check", "--json", report.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    let message = v[0]["error"]["message"].as_str().unwrap();
    assert!(message.contains("office document"), "{message}");
}

/// A ZIP of empty stored files (empty files need no CRC nor compression).
fn empty_zip(names: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for name in names {
        let offset = u32::try_from(out.len()).unwrap();
        let n = u16::try_from(name.len()).unwrap();
        out.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0");
        out.extend_from_slice(&[0; 12]); // CRC, sizes
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        central.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0");
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&n.to_le_bytes());
        central.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let at = u32::try_from(out.len()).unwrap();
    let size = u32::try_from(central.len()).unwrap();
    let count = u16::try_from(names.len()).unwrap();
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

/// #15 item 21: `check`'s text output is bilingual by default, or in one
/// language with `--lang`; the Vietnamese has no English words besides ids.
#[test]
fn check_text_is_bilingual_or_in_the_chosen_language() {
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../edxml/tests/vectors/sample.edxml"
    );
    let text = |args: &[&str]| {
        let mut all = vec!["check", sample];
        all.extend_from_slice(args);
        let out = vanthu(&all, b"");
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout).unwrap()
    };
    let both = text(&[]);
    assert!(
        both.contains("NOT conformant") && both.contains("error [CHECK-ATT-003]"),
        "{both}"
    );
    let lines: Vec<&str> = both.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("error [CHECK-ATT-003]"))
        .unwrap();
    let vi_line = lines[at + 1];
    assert!(
        vi_line.starts_with("    ") && !vi_line.is_ascii(),
        "the Vietnamese follows each finding: {both}"
    );
    assert!(
        both.contains("checked 1 file(s)") && both.contains("đã kiểm tra 1 tệp"),
        "{both}"
    );
    let en = text(&["--lang", "en"]);
    assert!(
        en.contains("checked 1 file(s)") && !en.contains("đã kiểm tra"),
        "{en}"
    );
    let vi = text(&["--lang", "vi"]);
    assert!(
        vi.contains("KHÔNG ĐẠT [document] (1 lỗi, 0 cảnh báo, 0 ghi chú)"),
        "{vi}"
    );
    assert!(vi.contains("lỗi [CHECK-ATT-003]"), "{vi}");
    assert!(vi.contains("tệp đính kèm [0]"), "{vi}");
    assert!(vi.contains("đã kiểm tra 1 tệp: 0 đạt, 1 không đạt"), "{vi}");
    for english in [
        "error",
        "conformant",
        "checked",
        "attachments[0]:",
        "main document",
        "line",
        "column",
    ] {
        let outside_ids = vi.replace("(attachments[0])", "");
        assert!(!outside_ids.contains(english), "{english:?} in {vi}");
    }
}

/// #15 item 23: a file name that is not UTF-8 is reported losslessly
/// (`\xNN` for each byte that is not UTF-8), in text, JSON and JUnit.
#[cfg(unix)]
#[test]
fn non_utf8_file_names_are_reported_losslessly() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("vanthu-names-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"b\xe1o-c\xe1o.pdf");
    fs::write(dir.join(name), b"%PDF-1.7\nnot really").unwrap();
    let skipped = std::ffi::OsStr::from_bytes(b"ghi-ch\xfa.txt");
    fs::write(dir.join(skipped), b"notes").unwrap();
    let junit = dir.join("junit.xml");
    let out = vanthu(
        &[
            "check",
            "--json",
            "--junit",
            junit.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
        b"",
    );
    let v = json(&out);
    let file = v[0]["file"].as_str().unwrap();
    assert!(file.ends_with(r"b\xe1o-c\xe1o.pdf"), "{file}");
    let report = fs::read_to_string(&junit).unwrap();
    assert!(report.contains(r"b\xe1o-c\xe1o.pdf"), "{report}");
    assert!(report.contains(r"ghi-ch\xfa.txt"), "{report}");
    let _ = fs::remove_dir_all(&dir);
}
