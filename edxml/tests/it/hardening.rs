//! Hostile input: the memory budget of the element tree, DOCTYPE refusals,
//! dates that no calendar has, attachment names, the unzip cap.

use chrono::TimeZone as _;
use vanthu_edxml::names::{UniqueNames, escaped_name, name_change, safe_file_name};
use vanthu_edxml::{
    ErrorKind, Limit, Limits, Organization, Profile, ReadOptions, StatusCode, StatusPackage,
    ValidateOptions, check, read, read_with, unwrap_single_entry_zip, vietnam_offset,
    write_document, write_status,
};

/// The sample package as written.
fn sample_text() -> String {
    let mut bytes = Vec::new();
    write_document(
        &crate::vectors::sample_package(),
        &mut vec![crate::vectors::PDF.to_vec()],
        &mut bytes,
    )
    .unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The sample package with `count` unknown elements of 63 attributes each
/// before its `DocumentId`: content the reader keeps for the lossless round
/// trip.
fn with_unknown_elements(count: usize) -> Vec<u8> {
    let text = sample_text();
    let attributes: Vec<String> = (0..63).map(|i| format!("a{i}=\"v{i:08}\"")).collect();
    let element = format!("<x:u xmlns:x=\"urn:x\" {}/>\n", attributes.join(" "));
    let at = text.find("<edXML:DocumentId>").unwrap();
    let mut out = text[..at].to_owned();
    out.push_str(&element.repeat(count));
    out.push_str(&text[at..]);
    out.into_bytes()
}

fn tree_limit(bytes: &[u8], max_tree_bytes: u64) -> Result<usize, vanthu_edxml::EdxmlError> {
    let mut limits = Limits::default();
    limits.max_tree_bytes = max_tree_bytes;
    let mut options = ReadOptions::default();
    options.limits = limits;
    read_with(bytes, &options).map(|r| {
        r.package
            .as_document()
            .unwrap()
            .header
            .extras
            .elements
            .len()
    })
}

#[test]
fn unknown_content_is_kept_within_the_tree_budget_and_refused_beyond_it() {
    let bytes = with_unknown_elements(200);
    // 200 × 63 attributes: about 2 MB of tree, kept under a 4 MiB budget.
    assert_eq!(tree_limit(&bytes, 4 << 20).unwrap(), 200);
    // Refused under 1 MiB, at the element that crossed it, with the limit named.
    let e = tree_limit(&bytes, 1 << 20).unwrap_err();
    assert_eq!(
        e.kind(),
        &ErrorKind::LimitExceeded {
            limit: Limit::TreeBytes,
            max: 1 << 20
        }
    );
    let at = e.position().unwrap();
    assert!(
        at.offset > 1000 && (at.offset as usize) < bytes.len(),
        "{e}"
    );
    assert!(e.to_string().contains("max_tree_bytes"), "{e}");
}

#[test]
fn the_default_tree_budget_refuses_thousands_of_wide_unknown_elements() {
    assert_eq!(Limits::default().max_tree_bytes, 64 << 20);
    // 8 000 elements × 63 attributes: 6 MB of input, over 64 MiB as a tree.
    let e = read(&with_unknown_elements(8_000)).unwrap_err();
    assert!(
        matches!(
            e.kind(),
            ErrorKind::LimitExceeded {
                limit: Limit::TreeBytes,
                ..
            }
        ),
        "{e}"
    );
    // A hundred of them read as before.
    assert!(read(&with_unknown_elements(100)).is_ok());
}

#[test]
fn a_doctype_is_a_refusal_with_its_rule_and_position_and_nothing_is_expanded() {
    let bomb = br#"<?xml version="1.0"?>
<!DOCTYPE edXML [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<edXML>&b;</edXML>"#;
    let e = read(bomb).unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Doctype);
    assert!(e.is_refusal());
    let finding = e.to_finding();
    assert_eq!(finding.rule, "EDXML-XML-010");
    assert_eq!(finding.location.line, Some(2), "{finding}");
    // Any other error is not a refusal: it is an unreadable package.
    let malformed = read(b"<edXML><a></b></edXML>").unwrap_err();
    assert!(!malformed.is_refusal());
    assert_eq!(malformed.to_finding().rule, "EDXML-READ-001");
}

fn status_dated(timestamp: &str) -> Vec<String> {
    let at = vietnam_offset()
        .with_ymd_and_hms(2025, 3, 15, 8, 0, 0)
        .unwrap();
    let reply = StatusPackage::reply(
        &crate::vectors::sample_package(),
        &StatusCode::Arrived,
        Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An"),
        &at,
    );
    let mut bytes = Vec::new();
    write_status(&reply, &mut bytes).unwrap();
    let text = String::from_utf8(bytes)
        .unwrap()
        .replace("2025/03/15 08:00:00", timestamp);
    let report = check(
        text.as_bytes(),
        &ReadOptions::default(),
        &ValidateOptions::new(Profile::Receiver),
    )
    .unwrap();
    report.findings.into_iter().map(|f| f.rule).collect()
}

#[test]
fn a_status_package_with_a_date_no_calendar_has_is_a_finding() {
    assert!(!status_dated("2025/03/15 08:00:00").contains(&"EDXML-DATE-002".to_owned()));
    for bad in [
        "0000/01/01 00:00:00",
        "2025/13/01 08:00:00",
        "2025/02/30 08:00:00",
        "0000/01/01",
    ] {
        let rules = status_dated(bad);
        assert!(
            rules.contains(&"EDXML-DATE-002".to_owned()),
            "{bad}: {rules:?}"
        );
    }
}

#[test]
fn a_document_with_a_date_no_calendar_has_is_a_finding() {
    let text = sample_text();
    let rules = |date: &str| -> Vec<String> {
        let changed = text.replace(
            "<edXML:PromulgationDate>2025/03/14</edXML:PromulgationDate>",
            &format!("<edXML:PromulgationDate>{date}</edXML:PromulgationDate>"),
        );
        assert!(changed.contains(&format!(">{date}<")));
        check(
            changed.as_bytes(),
            &ReadOptions::default(),
            &ValidateOptions::new(Profile::Receiver),
        )
        .unwrap()
        .findings
        .into_iter()
        .map(|f| f.rule)
        .collect()
    };
    assert!(!rules("2025/03/14").contains(&"EDXML-DATE-002".to_owned()));
    for bad in ["0000/01/01", "2025/13/01", "2025/02/30", "30/02/2025"] {
        assert!(rules(bad).contains(&"EDXML-DATE-002".to_owned()), "{bad}");
    }
    assert_eq!(vanthu_edxml::parse_date("0000/01/01"), None);
    assert!(vanthu_edxml::parse_date("0001/01/01").is_some());
}

#[test]
fn attachment_names_lose_what_disguises_them() {
    // Trailing dots and spaces after the 200-byte cut.
    let long = format!("{}. . .pdf", "a".repeat(197));
    let cut = safe_file_name(&long, 0);
    assert!(cut.len() <= 200 && cut.ends_with(".pdf"), "{cut}");
    assert!(!cut.trim_end_matches(".pdf").ends_with(['.', ' ']), "{cut}");
    let no_ext = format!("{}.....", "b".repeat(199));
    assert!(!safe_file_name(&no_ext, 0).ends_with('.'));
    // Device names, with superscript digits too, in any case.
    for device in [
        "COM¹.pdf",
        "lpt².txt",
        "COM³",
        "nul",
        "Aux.doc",
        "COM0.x",
        "CONOUT$",
    ] {
        assert!(safe_file_name(device, 0).starts_with('_'), "{device}");
    }
    for plain in ["COM10.pdf", "COMa.pdf", "console.pdf", "LPT.pdf"] {
        assert_eq!(safe_file_name(plain, 0), plain);
    }
    // Bidirectional controls and invisible format characters are removed.
    assert_eq!(
        safe_file_name("bao-cao\u{202E}fdp.exe", 0),
        "bao-caofdp.exe"
    );
    for c in [
        '\u{202A}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{61C}', '\u{FEFF}',
        '\u{200B}',
    ] {
        assert_eq!(
            safe_file_name(&format!("a{c}b.pdf"), 0),
            "ab.pdf",
            "U+{:04X}",
            u32::from(c)
        );
    }
    assert_eq!(safe_file_name("a\u{7}b\u{2028}.pdf", 0), "a_b_.pdf");
    // NFC first: the NFD form of a name is the same file.
    assert_eq!(safe_file_name("ho\u{61}\u{301}.pdf", 0), "ho\u{e1}.pdf");
    let mut names = UniqueNames::default();
    assert_eq!(names.next("Quyết định.pdf", 0), "Quyết định.pdf");
    let nfd: String = "Quyết định.pdf".chars().flat_map(decompose).collect();
    assert_ne!(nfd, "Quyết định.pdf");
    assert_eq!(names.next(&nfd, 1), "2-Quyết định.pdf");
    // Plain names are kept as they are, and say so.
    assert_eq!(safe_file_name("Công văn 125.pdf", 0), "Công văn 125.pdf");
    assert!(name_change(0, "Công văn 125.pdf", "Công văn 125.pdf").is_none());
    let finding = name_change(2, "x\u{202E}fdp.exe", "xfdp.exe").unwrap();
    assert_eq!(finding.rule, "EDXML-ATT-021");
    assert!(finding.message.contains(r"x\u{202e}fdp.exe"), "{finding}");
    assert_eq!(
        finding.location.path.as_deref(),
        Some("AttachmentEncoded/Attachment[3]/AttachmentName")
    );
    assert_eq!(escaped_name("a\\b\nc"), r"a\\b\u{a}c");
}

/// The canonical decomposition of the Vietnamese letters of the test names.
fn decompose(c: char) -> Vec<char> {
    match c {
        'ế' => vec!['e', '\u{302}', '\u{301}'],
        'ị' => vec!['i', '\u{323}'],
        'đ' => vec!['đ'],
        other => vec![other],
    }
}

#[test]
fn an_entry_over_the_unzip_cap_is_a_typed_limit() {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("a.bin", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(&[0u8; 10_000]).unwrap();
    let archive = zip.finish().unwrap().into_inner();
    let mut out = Vec::new();
    let e = unwrap_single_entry_zip(std::io::Cursor::new(&archive), &mut out, 4096).unwrap_err();
    assert_eq!(
        e.kind(),
        &ErrorKind::LimitExceeded {
            limit: Limit::UnzippedBytes,
            max: 4096
        }
    );
    out.clear();
    let entry = unwrap_single_entry_zip(std::io::Cursor::new(&archive), &mut out, 10_000).unwrap();
    assert_eq!(entry.digest.size, 10_000);
    assert_eq!(Limits::default().max_unzipped_bytes, 1 << 32);
    assert_eq!(Limits::default().max_extracted_bytes, 1 << 32);
}

/// A control character or one of the bidirectional controls.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{61C}')
}

proptest::proptest! {
    /// Whatever a package calls an attachment, the name written is one
    /// plain file name: no separator, control, bidirectional or invisible
    /// character, no leading dot, no trailing dot or space, at most 200
    /// bytes, in NFC, and sanitising it again changes nothing.
    #[test]
    fn safe_names_are_plain_file_names(name in "(\\PC|[\\u{202A}-\\u{202E}\\u{2066}-\\u{2069}\\u{200E}\\u{200F}\\u{61C}/\\\\. \\t\\r])*") {
        use unicode_normalization::UnicodeNormalization as _;
        let safe = safe_file_name(&name, 0);
        proptest::prop_assert!(!safe.is_empty() && safe.len() <= vanthu_edxml::names::MAX_NAME_BYTES);
        proptest::prop_assert!(!safe.contains(['/', '\\']) && !safe.starts_with('.'));
        proptest::prop_assert!(!safe.ends_with(['.', ' ']), "{:?}", safe);
        proptest::prop_assert!(!safe.chars().any(hidden), "{:?}", safe);
        proptest::prop_assert_eq!(safe.nfc().collect::<String>(), safe.clone());
        proptest::prop_assert_eq!(safe_file_name(&safe, 0), safe);
    }
}
