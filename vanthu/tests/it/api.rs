//! `vanthu::api`, the facade every binding wraps: every function through
//! its public signature, its error kinds and their stable codes.

use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone as _, Utc};
use vanthu::api::{self, ApiErrorKind};
use vanthu::signature::testpki::{KeyKind, Profile, generate_key, issue, sample_pdf};
use vanthu::signature::{Certificate, LegalValue, SigningKey};

fn utc(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn sample() -> PathBuf {
    repo().join("edxml/tests/vectors/sample.edxml")
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn version_rules_and_identifiers() {
    assert_eq!(api::version(), env!("CARGO_PKG_VERSION"));
    assert_eq!(api::rules(), vanthu::rules::all());
    let id = serde_json::to_value(api::identify("182/QĐ-LĐTBXH")).unwrap();
    assert_eq!(id["kind"], "document_number");
    assert_eq!(id["valid"], true);
}

#[test]
fn text_is_repaired_decoded_or_refused() {
    let tcvn3 = b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam";
    let fixed = api::text_fix(tcvn3, &api::TextFixArgs::default()).unwrap();
    assert_eq!(fixed.text, "Cộng hoà xã hội chủ nghĩa Việt Nam");
    assert_eq!(
        (fixed.encoding.as_str(), fixed.action.as_str()),
        ("tcvn3", "decoded")
    );
    let nfd = api::text_fix("Quye\u{302}\u{301}t".as_bytes(), &Default::default()).unwrap();
    assert_eq!(
        (nfd.text.as_str(), nfd.action.as_str()),
        ("Quyết", "unchanged")
    );
    let err = api::text_fix(&[0xff, 0xfe, 0x00, 0x41], &Default::default()).unwrap_err();
    assert_eq!((err.kind, err.code), (ApiErrorKind::UnknownEncoding, 8));
    assert!(!err.message_vi.is_empty());

    let dir = temp();
    let file = dir.path().join("t.txt");
    std::fs::write(&file, "Đ\u{0110}".as_bytes()).unwrap();
    let checked = serde_json::to_value(api::text_check(&file).unwrap()).unwrap();
    assert_eq!(checked["file"], file.display().to_string());
    assert_eq!(checked["encoding"], "utf-8");
    let missing = api::text_check(&dir.path().join("none")).unwrap_err();
    assert_eq!((missing.kind, missing.code), (ApiErrorKind::Io, 2));
}

#[test]
fn calendar_functions_and_their_errors() {
    let tet = api::lunar("29/1/2025").unwrap();
    assert_eq!(tet.solar, "2025-01-29");
    assert_eq!(tet.lunar.can_chi, "Ất Tỵ");
    let back = api::lunar_to_solar("1/1/2025", false).unwrap();
    assert_eq!(back, tet);
    let err = api::lunar_to_solar("1/2/2025", true).unwrap_err();
    assert_eq!((err.kind, err.code), (ApiErrorKind::NoSuchDate, 7));
    assert_eq!(api::lunar("2025-02-30").unwrap_err().code, 1);
    assert_eq!(api::calendar(1899).unwrap_err().code, 1);
    let year = api::calendar(2025).unwrap();
    assert!(year.working_days > 240 && year.working_days < 260);

    let mut args = api::DueArgs::default();
    args.rule = Some(api::DueRule::NotReceived);
    let due = api::due("2025-06-02T09:00", &args).unwrap();
    assert_eq!(due.rule, "not-received");
    assert!(due.chase_from.is_some());
    let err = api::due("2025-06-02", &api::DueArgs::default()).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::InvalidArgument);
    let err = api::due("tomorrow", &args).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::InvalidArgument);
    // Arguments read from JSON, as the C ABI passes them; unknown fields are refused.
    let args: api::DueArgs =
        serde_json::from_str(r#"{"working_days": 3, "next_day": "morning"}"#).unwrap();
    assert_eq!(args.working_days, Some(3));
    assert!(serde_json::from_str::<api::DueArgs>(r#"{"working_day": 3}"#).is_err());
}

#[test]
fn error_json_has_the_documented_shape() {
    let err = api::inspect(Path::new("/nonexistent/vanthu.edxml")).unwrap_err();
    let v = serde_json::to_value(&err).unwrap();
    assert_eq!(v["code"], 2);
    assert_eq!(v["kind"], "io");
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("/nonexistent/vanthu.edxml")
    );
    assert!(!v["message_vi"].as_str().unwrap().is_empty());
    assert!(v.get("location").is_none() && v.get("rule").is_none());
    let codes: Vec<u32> = ApiErrorKind::ALL.iter().map(|k| k.code()).collect();
    assert_eq!(codes, [1, 2, 3, 4, 5, 6, 7, 8, 9, 99]);
    for kind in ApiErrorKind::ALL {
        assert_eq!(
            serde_json::to_value(kind).unwrap(),
            serde_json::Value::from(kind.as_str())
        );
    }
}

#[test]
fn a_panic_at_the_boundary_is_an_internal_error() {
    let caught = api::catch_panic::<()>(|| panic!("the bug at hand"));
    let err = caught.unwrap_err();
    assert_eq!((err.code, err.kind), (99, ApiErrorKind::Internal));
    assert!(err.message.contains("the bug at hand"), "{}", err.message);
    let formatted = api::catch_panic::<()>(|| panic!("{} bugs", 2)).unwrap_err();
    assert!(formatted.message.contains("2 bugs"));
    // Values and errors pass through.
    assert_eq!(api::catch_panic(|| Ok(7)), Ok(7));
    let invalid = api::catch_panic::<()>(|| Err(api::ApiError::invalid("no"))).unwrap_err();
    assert_eq!(invalid.kind, ApiErrorKind::InvalidArgument);
}

#[test]
fn check_and_inspect_a_package() {
    let reports = api::check(&sample(), &api::CheckArgs::default()).unwrap();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].format, Some(vanthu::Format::Edxml));
    let bytes = std::fs::read(sample()).unwrap();
    let one = api::check_bytes("sample.edxml", &bytes, &api::CheckArgs::default()).unwrap();
    assert_eq!(one.findings, reports[0].findings);

    let summary = serde_json::to_value(api::inspect(&sample()).unwrap()).unwrap();
    assert_eq!(summary["kind"], "document");
    assert_eq!(
        summary["findings"],
        serde_json::to_value(&reports[0].findings).unwrap()
    );

    let dir = temp();
    let err = api::check(dir.path(), &api::CheckArgs::default()).unwrap_err();
    assert_eq!((err.kind, err.code), (ApiErrorKind::NothingToCheck, 6));
    let pdf = dir.path().join("a.pdf");
    std::fs::write(&pdf, sample_pdf(1, 0)).unwrap();
    let err = api::inspect(&pdf).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Unreadable);
    assert!(err.message.contains("a PDF"), "{}", err.message);
    let doctype = dir.path().join("d.edxml");
    std::fs::write(&doctype, b"<?xml version=\"1.0\"?><!DOCTYPE x []><x/>").unwrap();
    let err = api::inspect(&doctype).unwrap_err();
    assert_eq!(
        (err.kind, err.rule.as_deref()),
        (ApiErrorKind::Refused, Some("EDXML-XML-010"))
    );
    let mut args = api::CheckArgs::default();
    args.trust = vec![dir.path().join("none.crt")];
    let err = api::check(&sample(), &args).unwrap_err();
    assert_eq!((err.kind, err.code), (ApiErrorKind::Trust, 5));
    args.trust.clear();
    args.at = Some("yesterday".into());
    assert_eq!(api::check(&sample(), &args).unwrap_err().code, 1);
}

#[test]
fn reply_writes_a_status_package_or_says_which_rule_refuses() {
    let doc = serde_json::to_value(api::inspect(&sample()).unwrap()).unwrap();
    let recipient = doc["to"][0]["organ_id"].as_str().unwrap().to_owned();
    let sender = doc["from"]["organ_id"].as_str().unwrap().to_owned();
    let dir = temp();
    let out = dir.path().join("status.edxml");
    let mut args = api::ReplyArgs::default();
    args.at = Some("2025-06-03T09:00:00+07:00".into());
    let written = api::reply(&sample(), "03", &recipient, &out, &args).unwrap();
    assert_eq!(written.written.size, std::fs::metadata(&out).unwrap().len());
    let status = serde_json::to_value(&written.status).unwrap();
    assert_eq!(status["kind"], "status");
    assert_eq!(status["status_code"], "03");
    assert_eq!(
        serde_json::to_value(api::inspect(&out).unwrap()).unwrap()["status_code"],
        "03"
    );
    // 03 comes from a recipient, never from the sender (WF-OUT-006).
    let refused = dir.path().join("refused.edxml");
    let err = api::reply(&sample(), "03", &sender, &refused, &args).unwrap_err();
    assert_eq!((err.kind, err.code), (ApiErrorKind::Refused, 4));
    assert!(err.rule.is_some());
    assert!(!refused.exists());
    let err = api::reply(&sample(), "07", &recipient, &refused, &args).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::InvalidArgument);
}

#[test]
fn replay_a_log_and_drive_an_office() {
    let log = repo().join("workflow/tests/vectors/replay/office.json");
    let report = api::replay(&log, &api::ReplayArgs::default()).unwrap();
    let streamed =
        api::replay_stream(std::fs::File::open(&log).unwrap(), &Default::default()).unwrap();
    assert_eq!(report, streamed.report);

    // The same log, event by event, through the office handle.
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&log).unwrap()).unwrap();
    let mut office = api::Office::new(json["agency"].as_str().unwrap(), None).unwrap();
    for event in json["events"].as_array().unwrap() {
        office.apply(&event.to_string()).unwrap();
    }
    assert_eq!(
        serde_json::to_value(office.snapshot()).unwrap(),
        serde_json::to_value(&report.state).unwrap()
    );
    let err = office.apply("{\"type\": \"nothing\"}").unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::InvalidArgument);
    let err = office
        .apply(
            r#"{"at": "2025-03-03T07:00:00+07:00", "type": "actor_disabled", "actor": "nobody"}"#,
        )
        .unwrap_err();
    assert_eq!((err.kind, err.code), (ApiErrorKind::Refused, 4));
    assert!(err.rule.as_deref().unwrap().starts_with("WF-"));
    assert_eq!(api::Office::new("not an id", None).unwrap_err().code, 1);
    assert_eq!(
        api::Office::new("000.00.15.H47", Some("mars"))
            .unwrap_err()
            .code,
        1
    );
}

#[test]
fn archive_pack_check_and_retention() {
    let vectors = repo().join("archive/tests/vectors");
    let dir = temp();
    let zip = dir.path().join("sip.zip");
    let packed = api::archive_pack(
        &vectors.join("sip-hoso/spec.json"),
        &zip,
        &api::PackArgs::default(),
    )
    .unwrap();
    assert!(packed.objid.starts_with("uuid-"));
    assert!(packed.data_files > 0);
    let report = api::archive_check(&zip, &api::ArchiveCheckArgs::default()).unwrap();
    assert!(report.conformant, "{:?}", report.findings);
    let bad = dir.path().join("spec.json");
    std::fs::write(&bad, b"{\"kind\": \"SIP_hoso\"}").unwrap();
    let err = api::archive_pack(&bad, &dir.path().join("o.zip"), &Default::default()).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::InvalidArgument);
    assert!(!dir.path().join("o.zip").exists());
    let out = api::retention(&vectors.join("record.json"), "2030-01-01", None).unwrap();
    assert!(!out.code.is_empty());
    assert_eq!(
        api::retention(&vectors.join("record.json"), "2030-01-01", Some(1999))
            .unwrap_err()
            .code,
        1
    );
}

/// A root, and a leaf of `kind` it issued, written as DER files in `dir`.
fn signer(
    dir: &Path,
    root: &(Certificate, SigningKey),
    name: &str,
    cn: &str,
    kind: KeyKind,
    serial: u64,
) -> (PathBuf, SigningKey) {
    let mut subject = vec![
        ("C", "VN".to_owned()),
        ("O", "Sở Lao động - Thương binh và Xã hội (TEST)".to_owned()),
        ("CN", cn.to_owned()),
    ];
    if name == "person" {
        subject.insert(2, ("T", "Giám đốc".to_owned()));
    } else {
        subject.push(("UID", "MNS:1047665".to_owned()));
    }
    let key = generate_key(kind).unwrap();
    let cert = issue(
        &Profile::leaf(subject, serial, utc(2024, 1, 1), utc(2030, 1, 1)),
        &key,
        Some((&root.0, &root.1)),
    )
    .unwrap();
    let path = dir.join(format!("{name}.cer"));
    std::fs::write(&path, cert.der()).unwrap();
    (path, key)
}

/// A test root CA, and its certificate written as DER in `dir`.
fn test_root(dir: &Path) -> ((Certificate, SigningKey), PathBuf) {
    let key = generate_key(KeyKind::P256).unwrap();
    let name = vec![("C", "VN".to_owned()), ("CN", "TEST Root".to_owned())];
    let root = issue(
        &Profile::ca(name, 1, utc(2020, 1, 1), utc(2040, 1, 1), None),
        &key,
        None,
    )
    .unwrap();
    let path = dir.join("root.cer");
    std::fs::write(&path, root.der()).unwrap();
    ((root, key), path)
}

#[test]
fn two_step_signing_with_an_external_signer() {
    let dir = temp();
    let (root, root_path) = test_root(dir.path());
    let (person, person_key) = signer(
        dir.path(),
        &root,
        "person",
        "Trần Văn Bình",
        KeyKind::P256,
        10,
    );
    let (agency, agency_key) = signer(
        dir.path(),
        &root,
        "agency",
        "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        KeyKind::P384,
        11,
    );
    let pdf = dir.path().join("doc.pdf");
    std::fs::write(&pdf, sample_pdf(1, 0)).unwrap();

    let sign = |input: &Path, cert: &Path, key: &SigningKey, at: &str, output: &Path| {
        let mut args = api::SignArgs::default();
        args.at = Some(at.to_owned());
        args.reason = Some("Ký duyệt".to_owned());
        let prepared = api::sign_prepare(input, cert, &args).unwrap();
        // What a binding passes between the steps: JSON, and back.
        let prepared: api::SignPrepared =
            serde_json::from_str(&serde_json::to_string(&prepared).unwrap()).unwrap();
        use base64::Engine as _;
        let tbs = base64::engine::general_purpose::STANDARD
            .decode(&prepared.to_be_signed)
            .unwrap();
        let (_, value) = key.sign(&tbs).unwrap();
        (
            prepared.clone(),
            api::sign_finish(&prepared, &value, output),
        )
    };
    let one = dir.path().join("one.pdf");
    let (prepared, written) = sign(
        &pdf,
        &person,
        &person_key,
        "2025-06-02T09:00:00+07:00",
        &one,
    );
    assert_eq!(
        (prepared.scheme.as_str(), prepared.digest_algorithm.as_str()),
        ("ecdsa", "sha256")
    );
    assert_eq!(prepared.digest.len(), 64);
    written.unwrap();
    let two = dir.path().join("two.pdf");
    let (prepared, written) = sign(
        &one,
        &agency,
        &agency_key,
        "2025-06-02T10:00:00+07:00",
        &two,
    );
    assert_eq!(prepared.digest_algorithm, "sha384");
    let written = written.unwrap();
    assert_eq!(written.size, std::fs::metadata(&two).unwrap().len());

    let mut args = api::VerifyArgs::default();
    args.at = Some("2025-06-05".into());
    let report = api::verify_pdf(&two, std::slice::from_ref(&root_path), &args).unwrap();
    assert_eq!(report.legal_value, LegalValue::Original);
    assert_eq!(report.signatures.len(), 2);
    let report = api::verify_pdf(&two, &[], &args).unwrap();
    assert_ne!(report.legal_value, LegalValue::Original);

    // A signature by another key is refused, and nothing is written.
    let other = dir.path().join("other.pdf");
    let (_, written) = sign(
        &pdf,
        &person,
        &agency_key,
        "2025-06-02T09:00:00+07:00",
        &other,
    );
    let err = written.unwrap_err();
    assert_eq!((err.kind, err.code), (ApiErrorKind::Signing, 9));
    assert!(!other.exists());
    // A PDF changed between the steps is refused.
    let mut args = api::SignArgs::default();
    args.at = Some("2025-06-02T09:00:00+07:00".into());
    let prepared = api::sign_prepare(&pdf, &person, &args).unwrap();
    std::fs::write(&pdf, sample_pdf(2, 0)).unwrap();
    let err = api::sign_finish(&prepared, b"\x30\x00", &other).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::InvalidArgument);
    // A certificate not valid at the signing time.
    args.at = Some("2035-01-01".into());
    let err = api::sign_prepare(&pdf, &person, &args).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Signing);
    let err = api::verify_pdf(&dir.path().join("none.pdf"), &[], &Default::default()).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Io);
    let err = api::verify_pdf(&root_path, &[], &Default::default()).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Unreadable);
}

#[test]
fn normalize_writes_the_canonical_form_once_and_for_all() {
    let dir = temp();
    let (a, b) = (dir.path().join("a.edxml"), dir.path().join("b.edxml"));
    let first = api::normalize(&sample(), &a).unwrap();
    let second = api::normalize(&a, &b).unwrap();
    assert_eq!((first.size, &first.sha256), (second.size, &second.sha256));
    // In place.
    let again = api::normalize(&b, &b).unwrap();
    assert_eq!(again.sha256, first.sha256);
    let mut out = Vec::new();
    api::normalize_to(&sample(), &mut out).unwrap();
    assert_eq!(out, std::fs::read(&a).unwrap());
    // Invalid Base64 is refused, and nothing is written.
    let text = std::fs::read_to_string(sample()).unwrap();
    let start = text.find("JVBERi0xLjQK").unwrap();
    let broken = format!("{}!!!!{}", &text[..start], &text[start + 4..]);
    let bad = dir.path().join("bad.edxml");
    std::fs::write(&bad, broken).unwrap();
    let out = dir.path().join("out.edxml");
    let err = api::normalize(&bad, &out).unwrap_err();
    assert_eq!(
        (err.kind, err.rule.as_deref()),
        (ApiErrorKind::Refused, Some("EDXML-ATT-001"))
    );
    assert!(!out.exists());
}

#[test]
fn two_step_signing_with_rsa_pss_and_pkcs1() {
    let dir = temp();
    let (root, root_path) = test_root(dir.path());
    let (cert, key) = signer(
        dir.path(),
        &root,
        "person",
        "Trần Văn Bình",
        KeyKind::Rsa2048,
        10,
    );
    let pdf = dir.path().join("doc.pdf");
    std::fs::write(&pdf, sample_pdf(1, 0)).unwrap();
    for pss in [true, false] {
        let mut args = api::SignArgs::default();
        args.at = Some("2025-06-02T09:00:00+07:00".into());
        args.pss = pss;
        let prepared = api::sign_prepare(&pdf, &cert, &args).unwrap();
        assert_eq!(
            prepared.scheme,
            if pss { "rsa-pss" } else { "rsa-pkcs1-v1_5" }
        );
        use base64::Engine as _;
        let tbs = base64::engine::general_purpose::STANDARD
            .decode(&prepared.to_be_signed)
            .unwrap();
        let value = if pss {
            key.sign_pss(&tbs, &mut rand_core::OsRng).unwrap().1
        } else {
            key.sign(&tbs).unwrap().1
        };
        let out = dir.path().join(format!("signed-{pss}.pdf"));
        api::sign_finish(&prepared, &value, &out).unwrap();
        let mut verify = api::VerifyArgs::default();
        verify.at = Some("2025-06-05".into());
        let report = api::verify_pdf(&out, std::slice::from_ref(&root_path), &verify).unwrap();
        let sig = &report.signatures[0];
        assert_eq!(
            serde_json::to_value(sig.indication).unwrap(),
            "TOTAL_PASSED",
            "pss {pss}: {sig:?}"
        );
    }
    // PSS asked of an EC key is refused before anything is signed.
    let (ec, _) = signer(dir.path(), &root, "agency", "SỞ", KeyKind::P256, 11);
    let mut args = api::SignArgs::default();
    args.pss = true;
    args.at = Some("2025-06-02".into());
    let err = api::sign_prepare(&pdf, &ec, &args).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Signing);
}

#[test]
fn extract_writes_every_attachment_or_nothing() {
    let dir = temp();
    let out = dir.path().join("out");
    let listed = api::extract(&sample(), &out, &api::ExtractArgs::default()).unwrap();
    assert_eq!(listed.len(), 1);
    let file = std::fs::read(&listed[0].file).unwrap();
    assert_eq!(file.len() as u64, listed[0].size);
    assert!(file.starts_with(b"%PDF-"));
    // Beyond the cap: an error, and every file written is removed.
    let capped = dir.path().join("capped");
    let mut args = api::ExtractArgs::default();
    args.max_bytes = Some(10);
    let err = api::extract(&sample(), &capped, &args).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::Unreadable);
    assert_eq!(std::fs::read_dir(&capped).unwrap().count(), 0);
    // An attachment that is not Base64: left out by extract_each, which
    // says so; an error of extract, which leaves nothing.
    let text = std::fs::read_to_string(sample()).unwrap();
    let start = text.find("JVBERi0xLjQK").unwrap();
    let bad = dir.path().join("bad.edxml");
    std::fs::write(
        &bad,
        format!("{}!!!!{}", &text[..start], &text[start + 4..]),
    )
    .unwrap();
    let mut failed = Vec::new();
    let each = api::extract_each(
        &bad,
        &dir.path().join("each"),
        &Default::default(),
        |i, e| {
            failed.push((i, e.kind));
        },
    )
    .unwrap();
    assert!(each.is_empty());
    assert_eq!(failed, [(0, ApiErrorKind::Unreadable)]);
    let none = dir.path().join("none");
    assert!(api::extract(&bad, &none, &Default::default()).is_err());
    assert_eq!(std::fs::read_dir(&none).unwrap().count(), 0);
}

#[test]
fn write_from_the_model_and_extracted_files_gives_the_normalized_package() {
    let dir = temp();
    for input in [
        sample(),
        repo().join("../shared/fixtures/vpcp-samples/edoc_new.edxml"),
        repo().join("../shared/fixtures/vpcp-samples/status_acceptance_03.edxml"),
    ] {
        let model = api::model(&input).unwrap();
        let json = serde_json::to_string(&model).unwrap();
        let files_dir = dir.path().join("files");
        let _ = std::fs::remove_dir_all(&files_dir);
        let files: Vec<PathBuf> = match &model {
            vanthu::edxml::Package::Document(_) => {
                api::extract(&input, &files_dir, &Default::default())
                    .unwrap()
                    .into_iter()
                    .map(|e| PathBuf::from(e.file))
                    .collect()
            }
            _ => Vec::new(),
        };
        let (written, normalized) = (dir.path().join("w.edxml"), dir.path().join("n.edxml"));
        let result = api::write(&json, &files, &written).unwrap();
        let expected = api::normalize(&input, &normalized).unwrap();
        // Byte for byte what `normalize` writes: the model and the files
        // are the whole package.
        assert_eq!(result.written.size, expected.size, "{}", input.display());
        assert_eq!(
            result.written.sha256,
            expected.sha256,
            "{}",
            input.display()
        );
        assert_eq!(result.kind, model.kind());
        assert_eq!(result.attachments.len(), files.len());
        assert_eq!(api::model(&written).unwrap(), model);
        let document_id = match &model {
            vanthu::edxml::Package::Document(d) => d.header.document_id.clone(),
            vanthu::edxml::Package::Status(s) => {
                s.response_for.as_ref().and_then(|r| r.document_id.clone())
            }
            _ => None,
        };
        assert_eq!(result.document_id, document_id);
        assert!(result.document_id.is_some());
        // The JSON of the result: flat, as the other writers'.
        let value = serde_json::to_value(&result).unwrap();
        assert_eq!(value["sha256"], expected.sha256);
    }
}

#[test]
fn write_refuses_bad_json_wrong_counts_missing_files_and_unwritable_models() {
    let dir = temp();
    let out = dir.path().join("out.edxml");
    let err = api::write("{\"kind\": \"document\",\n \"header\": 3}", &[], &out).unwrap_err();
    assert_eq!((err.code, err.kind), (1, ApiErrorKind::InvalidArgument));
    let location = err.location.unwrap();
    assert_eq!(location.line, Some(2));
    assert!(location.column.is_some());
    let err = api::write("{\"kind\": \"fax\"}", &[], &out).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::InvalidArgument);
    let err = api::write("[1, 2", &[], &out).unwrap_err();
    assert_eq!(err.location.unwrap().line, Some(1));
    assert!(!err.message_vi.is_empty());

    let model = api::model(&sample()).unwrap();
    let json = serde_json::to_string(&model).unwrap();
    let err = api::write(&json, &[], &out).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::InvalidArgument);
    assert!(err.message.contains("attachment"), "{}", err.message);

    let count = model.as_document().unwrap().attachments.len();
    let missing = vec![dir.path().join("missing.pdf"); count];
    let err = api::write(&json, &missing, &out).unwrap_err();
    assert_eq!((err.code, err.kind), (2, ApiErrorKind::Io));
    assert!(err.message.contains("missing.pdf"), "{}", err.message);

    // A comment with `--` has no well-formed form: the writer refuses it.
    let mut value = serde_json::to_value(&model).unwrap();
    value["extras"] = serde_json::json!({"prolog": [{"Comment": "a -- b"}]});
    let files = vec![sample(); count];
    let err = api::write(&value.to_string(), &files, &out).unwrap_err();
    assert_eq!(err.kind, ApiErrorKind::InvalidArgument, "{err:?}");
    assert!(err.message.contains("well-formed"), "{}", err.message);
    assert!(!out.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
