//! `vanthu inspect | check | normalize | extract | reply` on the committed
//! sample and on the real VPCP packages (when `../shared` is present).

use std::path::PathBuf;

use crate::{json, shared, succeeds, vanthu};

pub(crate) fn sample() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../edxml/tests/vectors/sample.edxml"
    )
    .to_owned()
}

fn real(name: &str) -> Option<String> {
    let path = shared()?.join("fixtures/vpcp-samples").join(name);
    Some(path.display().to_string())
}

pub(crate) fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanthu-cli-edxml-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn check_on_the_shipped_sample_finds_only_its_placeholder_pdf() {
    // The sample is a format vector: its edXML is clean even for a sender,
    // but its attachment is a placeholder, not a signed PDF, so the package
    // has no legal value and is not conformant.
    for strict in [true, false] {
        let mut args = vec!["check", "--json"];
        if strict {
            args.push("--strict");
        }
        let sample = sample();
        args.push(&sample);
        let out = vanthu(&args, b"");
        assert_eq!(out.status.code(), Some(1));
        let v = json(&out);
        assert_eq!(v[0]["conformant"], false);
        let findings = v[0]["findings"].as_array().unwrap();
        let rules: Vec<&str> = findings
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert_eq!(rules, ["CHECK-ATT-003"], "{v:#}");
        assert_eq!(findings[0]["location"]["path"], "attachments[0]");
        assert_eq!(v[0]["attachments"][0]["main"], true);
    }
}

/// A subject naming foreign people is Unicode, not legacy TCVN3/VNI text
/// (`EDXML-TEXT-003` needs words that read as Vietnamese once repaired).
#[test]
fn check_does_not_take_foreign_names_for_legacy_text() {
    let text = std::fs::read_to_string(sample()).unwrap();
    let subject = "V/v kết nối, liên thông phần mềm quản lý văn bản";
    for (replacement, legacy) in [
        (
            "Tiếp đoàn của ông Jürgen Müller và bà Françoise Ménard",
            false,
        ),
        ("TiÕp ®oµn c«ng t¸c cña «ng Jürgen Müller", true),
    ] {
        let package = text.replace(subject, replacement);
        assert_ne!(package, text);
        let out = vanthu(&["check", "--json", "-"], package.as_bytes());
        let v = json(&out);
        let found = v[0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "EDXML-TEXT-003");
        assert_eq!(found, legacy, "{replacement}: {v:#}");
    }
}

/// A subject that speaks of state secrets is a note (`EDXML-SEC-002`), not
/// the refusal of a secret document (`EDXML-SEC-001`).
#[test]
fn check_does_not_take_a_subject_about_secrets_for_a_secret_document() {
    let text = std::fs::read_to_string(sample()).unwrap();
    let package = text.replace(
        "V/v kết nối, liên thông phần mềm quản lý văn bản",
        "QUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC",
    );
    let out = vanthu(&["check", "--json", "-"], package.as_bytes());
    let v = json(&out);
    let rules: Vec<&str> = v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"EDXML-SEC-002"), "{rules:?}");
    assert!(!rules.contains(&"EDXML-SEC-001"), "{rules:?}");
}

/// Through `vanthu check`: a view action is no finding, embedded files a
/// note (`EDXML-ATT-019`), a launch action active content (`EDXML-ATT-016`).
#[test]
fn check_reports_active_content_not_ordinary_pdf_features() {
    let rules_of = |pdf: &[u8]| {
        let mut doc = crate::new_document("V/v nội dung chủ động");
        doc.add_attachment("vb.pdf", "application/pdf");
        let mut bytes = Vec::new();
        vanthu_edxml::write_document(&doc, &mut vec![pdf.to_vec()], &mut bytes).unwrap();
        let v = json(&vanthu(&["check", "--json", "-"], &bytes));
        v[0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_owned())
            .filter(|r| r.starts_with("EDXML-ATT-01"))
            .collect::<Vec<_>>()
    };
    assert!(rules_of(b"%PDF-1.7\n1 0 obj << /OpenAction [3 0 R /Fit] >> endobj\n").is_empty());
    assert_eq!(
        rules_of(b"%PDF-1.7\n1 0 obj << /Type /EmbeddedFile /Length 0 >> endobj\n"),
        ["EDXML-ATT-019"]
    );
    assert_eq!(
        rules_of(b"%PDF-1.7\n1 0 obj << /S /Launch /F (cmd.exe) >> endobj\n"),
        ["EDXML-ATT-016"]
    );
}

#[test]
fn inspect_json_fields() {
    let out = vanthu(&["inspect", "--json", &sample()], b"");
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["kind"], "document");
    assert_eq!(v["document_id"], "000.00.00.G22,2025/03/14,125/VPCP-KSTT");
    assert_eq!(v["from"]["organ_id"], "000.00.00.G22");
    assert_eq!(v["to"][0]["organ_id"], "000.00.00.H41");
    assert_eq!(v["code"]["number"], "125");
    assert_eq!(v["code"]["notation"], "VPCP-KSTT");
    assert_eq!(v["priority"], "0");
    assert_eq!(v["business_doc_type"], "0");
    let a = &v["attachments"][0];
    assert_eq!(a["content_id"], "1");
    assert_eq!(a["name"], "125-VPCP-KSTT.pdf");
    assert_eq!(a["content_type"], "application/pdf");
    assert!(a["size"].as_u64().unwrap() > 100);
    assert_eq!(a["sha256"].as_str().unwrap().len(), 64);
}

/// `inspect` names the business of a document package and the sender of a
/// status package, and lists the findings of reading (not a count), in the
/// text and in the JSON.
#[test]
fn inspect_shows_business_sender_and_findings() {
    let v = json(&vanthu(&["inspect", "--json", &sample()], b""));
    assert_eq!(v["business"], "new");
    // What `check` finds: the sample's PDF is a placeholder.
    assert_eq!(v["findings"][0]["rule"], "CHECK-ATT-003");
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    let Some(revocation) = real("edoc_revocation.edxml") else {
        return;
    };
    let v = json(&vanthu(&["inspect", "--json", &revocation], b""));
    assert_eq!(v["business"], "revocation");
    let text = String::from_utf8(vanthu(&["inspect", &revocation], b"").stdout).unwrap();
    assert!(text.contains("business:    revocation"), "{text}");
    let Some(status) = real("status_inbox_01.edxml") else {
        return;
    };
    let v = json(&vanthu(&["inspect", "--json", &status], b""));
    let findings = v["findings"].as_array().unwrap();
    assert!(!findings.is_empty(), "{v:#}");
    assert!(findings.iter().all(|f| f["rule"].is_string()));
    let text = String::from_utf8(vanthu(&["inspect", &status], b"").stdout).unwrap();
    assert!(text.contains("from:        000.00.00.H41"), "{text}");
    assert!(
        text.contains(&format!("findings:    {}", findings.len())),
        "{text}"
    );
}

#[test]
fn inspect_real_status_and_document() {
    let Some(status) = real("status_acceptance_03.edxml") else {
        return;
    };
    let v = json(&vanthu(&["inspect", "--json", &status], b""));
    assert_eq!(v["kind"], "status");
    assert_eq!(v["status_code"], "03");
    assert_eq!(v["timestamp"], "2015/09/20 11:08:36");
    assert_eq!(
        v["response_for"]["document_id"],
        "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    );
    let Some(doc) = real("edoc_new.edxml") else {
        return;
    };
    let v = json(&vanthu(&["inspect", "--json", &doc], b""));
    assert_eq!(
        v["subject"],
        "V/v kết nối, liên thông phần mềm quản lý văn bản"
    );
    assert_eq!(v["attachments"][0]["size"], 270_823);
    assert_eq!(
        v["attachments"][0]["sha256"],
        "7ab7c43a02a3cf2cedd14ebf2545a37e7a1307e0091b4ba94c2ef1e842a763aa"
    );
}

#[test]
fn check_exit_codes_on_real_packages() {
    let Some(new) = real("edoc_new.edxml") else {
        return;
    };
    // Lenient: readable and acceptable.
    assert_eq!(vanthu(&["check", &new], b"").status.code(), Some(0));
    // Strict: the irregular agency id and impossible date are errors.
    let out = vanthu(&["check", "--strict", "--json", &new], b"");
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v[0]["conformant"], false);
    let findings = v[0]["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "ID-AGENCY-IRREGULAR" && f["severity"] == "error")
    );
    assert!(
        findings
            .iter()
            .all(|f| f["message"].is_string() && f["location"].is_object())
    );
    // The malformed package: unreadable, with a position.
    let Some(bad) = real("edoc.edxml") else {
        return;
    };
    let out = vanthu(&["check", "--json", &bad], b"");
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert_eq!(v[0]["error"]["location"]["line"], 74, "{v:#}");
}

#[test]
fn normalize_is_idempotent_and_keeps_the_model() {
    let Some(input) = real("status_finish_06.edxml") else {
        return;
    };
    let dir = temp_dir("normalize");
    let once = dir.join("once.edxml");
    let twice = dir.join("twice.edxml");
    assert_eq!(
        vanthu(&["normalize", &input, "-o", once.to_str().unwrap()], b"")
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        vanthu(
            &[
                "normalize",
                once.to_str().unwrap(),
                "-o",
                twice.to_str().unwrap()
            ],
            b""
        )
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        std::fs::read(&once).unwrap(),
        std::fs::read(&twice).unwrap()
    );
    let a = json(&vanthu(&["inspect", "--json", &input], b""));
    let b = json(&vanthu(&["inspect", "--json", once.to_str().unwrap()], b""));
    assert_eq!(a["status_code"], b["status_code"]);
    assert_eq!(a["response_for"], b["response_for"]);
    // Reordered children no longer produce findings.
    assert_eq!(b["findings"], serde_json::json!([]));
}

#[test]
fn extract_writes_safe_names_and_unzips() {
    let dir = temp_dir("extract");
    let out = vanthu(
        &["extract", &sample(), "-o", dir.to_str().unwrap(), "--json"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let pdf = std::fs::read(dir.join("125-VPCP-KSTT.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-1.4"));
    let Some(generated) = real("generated_vnpt_edxml102.edxml") else {
        return;
    };
    let dir = temp_dir("unzip");
    let out = vanthu(
        &[
            "extract",
            &generated,
            "-o",
            dir.to_str().unwrap(),
            "--unzip",
            "--json",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert!(
        v[0]["unwrapped_entry"]
            .as_str()
            .unwrap()
            .ends_with(".edxml")
    );
    // The name comes from AttachmentName; the content is the unwrapped entry.
    let inner = std::fs::read(dir.join("1896_QD-TTg_m_294779.doc")).unwrap();
    assert!(inner.starts_with(b"<?xml"));
}

#[test]
fn extract_keeps_every_attachment_inside_the_directory_under_a_distinct_name() {
    let mut doc = crate::new_document("V/v tên tệp");
    let long = format!("{}.pdf", "dài".repeat(120));
    let names = [
        "../../escape.pdf",
        "C:\\Windows\\CON.pdf",
        "A.pdf",
        "a.pdf",
        "..",
        "",
        "nul",
        "com1.txt",
        "báo cáo. ",
        ".hidden",
        &long,
    ];
    for name in names {
        doc.add_attachment(name, "application/pdf");
    }
    let bodies: Vec<Vec<u8>> = (0..names.len())
        .map(|i| format!("%PDF-1.4 {i}").into_bytes())
        .collect();
    let dir = temp_dir("names");
    let package = dir.join("names.edxml");
    let mut bytes = Vec::new();
    vanthu_edxml::write_document(&doc, &mut bodies.clone(), &mut bytes).unwrap();
    std::fs::write(&package, bytes).unwrap();
    let files = dir.join("files");
    let out = succeeds(&[
        "extract",
        package.to_str().unwrap(),
        "-o",
        files.to_str().unwrap(),
        "--json",
    ]);
    let v = json(&out);
    let written: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let path = PathBuf::from(a["file"].as_str().unwrap());
            assert_eq!(path.parent(), Some(files.as_path()), "{path:?} is outside");
            path.file_name().unwrap().to_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        &written[..10],
        [
            "escape.pdf",
            "_CON.pdf",
            "A.pdf",
            "2-a.pdf",
            "attachment-5",
            "attachment-6",
            "_nul",
            "_com1.txt",
            "báo cáo",
            "hidden",
        ]
    );
    assert!(
        written[10].len() <= 200 && written[10].ends_with(".pdf"),
        "{}",
        written[10]
    );
    // Every attachment is there, with its own content: nothing overwritten.
    assert_eq!(std::fs::read_dir(&files).unwrap().count(), names.len());
    for (name, body) in written.iter().zip(&bodies) {
        assert_eq!(&std::fs::read(files.join(name)).unwrap(), body, "{name}");
    }
}

#[test]
fn reply_writes_a_status_that_answers_the_document() {
    let dir = temp_dir("reply");
    let reply = dir.join("reply.edxml");
    succeeds(&[
        "reply",
        &sample(),
        "--status",
        "03",
        "--from",
        "000.00.00.H41",
        "--at",
        "2025/03/15 08:00:00",
        "-o",
        reply.to_str().unwrap(),
    ]);
    let v = json(&vanthu(
        &["inspect", "--json", reply.to_str().unwrap()],
        b"",
    ));
    assert_eq!(v["kind"], "status");
    assert_eq!(v["status_code"], "03");
    assert_eq!(v["timestamp"], "2025/03/15 08:00:00");
    assert_eq!(v["from"]["organ_id"], "000.00.00.H41");
    assert_eq!(v["from"]["organ_name"], "UBND tỉnh Nghệ An");
    assert_eq!(
        v["response_for"]["document_id"],
        "000.00.00.G22,2025/03/14,125/VPCP-KSTT"
    );
    assert_eq!(v["response_for"]["organ_id"], "000.00.00.G22");
    assert_eq!(
        vanthu(&["check", "--strict", reply.to_str().unwrap()], b"")
            .status
            .code(),
        Some(0)
    );
    // RFC 3339 times are written in Vietnam time.
    let out = vanthu(
        &[
            "reply",
            &sample(),
            "--status",
            "1",
            "--from",
            "000.00.00.H41",
            "--at",
            "2025-03-15T01:00:00Z",
            "-o",
            "-",
        ],
        b"",
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("<edXML:Timestamp>2025/03/15 08:00:00</edXML:Timestamp>")
    );
    // Usage errors.
    let bad = vanthu(
        &[
            "reply",
            &sample(),
            "--status",
            "07",
            "--from",
            "000.00.00.H41",
            "-o",
            "-",
        ],
        b"",
    );
    assert_eq!(bad.status.code(), Some(2));
    let bad = vanthu(
        &[
            "reply",
            &sample(),
            "--status",
            "03",
            "--from",
            "nonsense id",
            "-o",
            "-",
        ],
        b"",
    );
    assert_eq!(bad.status.code(), Some(2));
}

/// #15 item 12: `reply` goes through the workflow's rules: it writes nothing
/// the receiving office could never send, and names the rule.
#[test]
fn reply_refuses_what_the_workflow_would_refuse() {
    let sample = std::fs::read_to_string(sample()).unwrap();
    let revocation = sample.replace(
        "<edXML:BussinessDocType>0</edXML:BussinessDocType>",
        "<edXML:BussinessDocType>1</edXML:BussinessDocType>",
    );
    assert_ne!(revocation, sample);
    let reply = |input: &str, args: &[&str]| {
        let mut all = vec!["reply", "-", "--at", "2025/03/15 08:00:00", "-o", "-"];
        all.extend_from_slice(args);
        vanthu(&all, input.as_bytes())
    };
    for (input, args, rule) in [
        // Not a recipient (and no name to write but its id).
        (
            &sample,
            &["--status", "03", "--from", "000.00.00.H40"][..],
            "WF-OUT-006",
        ),
        // 02 without a reason.
        (
            &sample,
            &["--status", "02", "--from", "000.00.00.H41"],
            "WF-IN-002",
        ),
        // A recipient sending 13.
        (
            &sample,
            &["--status", "13", "--from", "000.00.00.H41"],
            "WF-OUT-006",
        ),
        // 15 answers a request, not a new document.
        (
            &sample,
            &["--status", "15", "--from", "000.00.00.H41"],
            "WF-IN-007",
        ),
        // 03 answering a revocation.
        (
            &revocation,
            &["--status", "03", "--from", "000.00.00.H41"],
            "WF-IN-006",
        ),
        // 16 without a reason.
        (
            &revocation,
            &["--status", "16", "--from", "000.00.00.H41"],
            "WF-IN-006",
        ),
        // Refusing a recall under the city's rules.
        (
            &revocation,
            &[
                "--status",
                "16",
                "--from",
                "000.00.00.H41",
                "--description",
                "Đã triển khai",
                "--rules",
                "ho-chi-minh-city",
            ],
            "WF-IN-010",
        ),
    ] {
        let out = reply(input, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing is written");
        assert!(stderr.contains(rule), "{args:?}: {stderr}");
        assert!(stderr.contains("không ghi gói trạng thái"), "{stderr}");
    }
    // What the rules allow is written.
    for (input, args) in [
        (
            &sample,
            &[
                "--status",
                "02",
                "--from",
                "000.00.00.H41",
                "--description",
                "Sai nơi nhận",
            ][..],
        ),
        (&sample, &["--status", "13", "--from", "000.00.00.G22"]),
        (&revocation, &["--status", "15", "--from", "000.00.00.H41"]),
        (
            &revocation,
            &[
                "--status",
                "16",
                "--from",
                "000.00.00.H41",
                "--description",
                "Đã triển khai",
            ],
        ),
    ] {
        let out = reply(input, args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("<edXML:StatusCode>"));
    }
}

#[test]
fn unreadable_input_exits_2() {
    assert_eq!(
        vanthu(&["inspect", "-"], b"<not xml").status.code(),
        Some(2)
    );
    assert_eq!(
        vanthu(&["check", "/nonexistent/file.edxml"], b"")
            .status
            .code(),
        Some(2)
    );
}

/// A file that is not edXML is named for what it is, with the command that
/// reads it; a folder is refused as a folder.
#[test]
fn wrong_input_says_what_it_is() {
    for (bytes, says) in [
        (&b"%PDF-1.7\n"[..], "a PDF: `vanthu verify` reads it"),
        (&b"\x89PNG\r\n\x1a\n"[..], "a PNG image"),
        (&b"PK\x03\x04\x14\x00"[..], "`vanthu archive check`"),
        (&b"PK\x03\x04 [Content_Types].xml"[..], "an office document"),
    ] {
        for command in ["inspect", "extract", "normalize"] {
            let mut args = vec![command, "-"];
            if command != "inspect" {
                args.extend(["-o", "unused-output"]);
            }
            let out = vanthu(&args, bytes);
            assert_eq!(out.status.code(), Some(2), "{command} {says}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("is not an edXML package"), "{command}: {err}");
            assert!(err.contains(says), "{command}: {err}");
        }
    }
    let dir = temp_dir("a-folder");
    let out = vanthu(&["inspect", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a folder"));
}

/// #15 item 20: a file given to `--trust` that is not a certificate is named
/// for what it is, not with a DER parser's message alone.
#[test]
fn a_non_certificate_after_trust_says_what_it_is() {
    for command in [&["check", "-"][..], &["verify", "-"]] {
        let mut args = command.to_vec();
        args.extend(["--trust", sample_path()]);
        let out = vanthu(&args, b"%PDF-1.7\n");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("not a certificate (X.509, PEM or DER): it is an edXML package"),
            "{args:?}: {err}"
        );
    }
}

fn sample_path() -> &'static str {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../edxml/tests/vectors/sample.edxml"
    )
}

#[test]
fn normalize_keeps_comments_attributes_and_list_content() {
    let sample = std::fs::read_to_string(sample()).unwrap();
    let edits = [
        (
            "<edXML:edXMLEnvelope ",
            "<!-- giữ lại --><edXML:edXMLEnvelope ",
        ),
        ("<edXML:Subject>", "<edXML:Subject foo=\"1\">"),
        (
            "<edXML:SteeringType>0</edXML:SteeringType>",
            "<edXML:SteeringType>0</edXML:SteeringType><edXML:ToPlaces>\
             <edXML:Place>A</edXML:Place><?app keep?><edXML:Other>B</edXML:Other>\
             <edXML:Place>C</edXML:Place></edXML:ToPlaces>",
        ),
    ];
    let mut input = sample.clone();
    for (from, to) in edits {
        assert!(input.contains(from), "{from}");
        input = input.replacen(from, to, 1);
    }
    // Before and after the root element too.
    let input = input
        .replacen("?>\r\n<edXML ", "?>\r\n<!-- trước gốc --><edXML ", 1)
        .replacen("</edXML>\r\n", "</edXML><?sau gốc?>", 1);
    let out = vanthu(&["normalize", "-", "-o", "-"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- trước gốc -->\r\n<edXML "
        ),
        "{text}"
    );
    assert!(text.ends_with("</edXML>\r\n<?sau gốc?>\r\n"), "{text}");
    for kept in [
        "<!-- giữ lại -->",
        "<edXML:Subject foo=\"1\">",
        "<edXML:Place>A</edXML:Place>\r\n          <?app keep?>\r\n          <edXML:Other>B</edXML:Other>\r\n          <edXML:Place>C</edXML:Place>",
    ] {
        assert!(text.contains(kept), "{kept} missing from\n{text}");
    }
    // A fixed point: normalising the output again changes nothing.
    let again = vanthu(&["normalize", "-", "-o", "-"], &out.stdout);
    assert_eq!(again.stdout, out.stdout);
    // Inspect reports the kept items, not losses.
    let v = json(&vanthu(&["check", "--json", "-"], input.as_bytes()));
    let rules: Vec<&str> = v[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for rule in ["EDXML-XML-005", "EDXML-XML-007", "EDXML-XML-008"] {
        assert!(rules.contains(&rule), "{rule} not in {rules:?}");
    }
    // The sample itself is written byte for byte.
    let plain = vanthu(&["normalize", "-", "-o", "-"], sample.as_bytes());
    assert_eq!(plain.stdout, sample.as_bytes());
}

/// `inspect --json` prints the umbrella crate's summary, serialised by
/// serde, with the findings of the umbrella crate's check.
#[test]
fn inspect_json_is_the_umbrella_crates_summary() {
    let path = sample();
    let out = vanthu(&["inspect", "--json", &path], b"");
    let bytes = std::fs::read(&path).unwrap();
    let read = vanthu::edxml::read_with(&bytes[..], &vanthu::edxml::ReadOptions::scan()).unwrap();
    let options = vanthu::CheckOptions::new(chrono::Utc::now().fixed_offset());
    let findings = vanthu::Checker::new(&options)
        .unwrap()
        .check_file(std::path::Path::new(&path))
        .findings;
    assert_eq!(
        json(&out),
        serde_json::to_value(vanthu::inspect::summary(&read).with_findings(findings)).unwrap()
    );
}
