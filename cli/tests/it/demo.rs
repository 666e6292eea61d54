//! `vanthu demo`: runs the whole chain into a temporary folder and checks every
//! artifact through the public API and through the CLI's own `check`, `verify`,
//! `archive check` and `replay`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use vanthu_signature::{Certificate, LegalValue, Role, TrustStore, VerifyOptions, verify_pdf};
use vanthu_workflow::incoming::IncomingStatus;
use vanthu_workflow::outgoing::{DeliveryState, OutgoingStatus};
use vanthu_workflow::{Business, CaseId, EventLog, replay};

use crate::{json, succeeds, vanthu};

/// The time the tests judge certificates at: the demo's default week.
pub(crate) const AT: &str = "2025-06-05T12:00:00+07:00";

/// Runs `vanthu demo` into a fresh temporary folder and returns it and stdout.
pub(crate) fn run_demo(name: &str) -> (PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("vanthu-cli-demo-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let out = vanthu(&["demo", "--out", dir.to_str().unwrap()], b"");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, stdout)
}

fn trust(dir: &Path) -> TrustStore {
    let root = Certificate::from_der(&fs::read(dir.join("pki/root.cer")).unwrap()).unwrap();
    let mut trust = TrustStore::new();
    trust.add_anchor(root);
    trust
}

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 5, 5, 0, 0).unwrap()
}

/// Every file under `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn log(dir: &Path, who: &str) -> vanthu_workflow::Office {
    let log: EventLog =
        serde_json::from_slice(&fs::read(dir.join(who).join("events.json")).unwrap()).unwrap();
    replay(&log)
        .map_err(|(i, e)| format!("{who} event {i}: {e}"))
        .unwrap()
        .0
}

fn case(text: &str) -> CaseId {
    CaseId::parse(text).unwrap()
}

#[test]
fn the_summary_is_short_and_ends_with_the_artifacts() {
    let (dir, stdout) = run_demo("summary");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.len() <= 25, "{stdout}");
    assert!(lines[0].contains("182/QĐ-LĐTBXH"));
    let artifacts = lines
        .iter()
        .position(|l| l.starts_with("Artifacts in"))
        .unwrap();
    // Every file written is named in the list, and every name exists.
    let files = tree(&dir);
    let listed: String = lines[artifacts + 1..].join("\n");
    for rel in files.keys() {
        let name = rel.rsplit('/').next().unwrap();
        assert!(listed.contains(name), "{rel} is not listed");
    }
    assert!(listed.contains("000.01.15.H47.2025.01.TH.zip"));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_same_bytes_on_every_run() {
    let (a, _) = run_demo("det-a");
    let (b, _) = run_demo("det-b");
    let (ta, tb) = (tree(&a), tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (name, bytes) in &ta {
        assert!(tb[name] == *bytes, "{name} differs between runs");
    }
    // Another start instant gives other bytes (time is a parameter).
    let c = std::env::temp_dir().join(format!("vanthu-cli-demo-{}-det-c", std::process::id()));
    let _ = fs::remove_dir_all(&c);
    succeeds(&[
        "demo",
        "--out",
        c.to_str().unwrap(),
        "--at",
        "2025-09-15T08:00:00+07:00",
    ]);
    assert!(tree(&c)["sender/182-QD-LDTBXH.edxml"] != ta["sender/182-QD-LDTBXH.edxml"]);
    assert!(tree(&c).contains_key("sender/report-2025-09.json"));
    // A start before the register's earlier numbers fit is refused, not mangled.
    let out = vanthu(
        &[
            "demo",
            "--out",
            c.to_str().unwrap(),
            "--at",
            "2025-01-01T08:00:00+07:00",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    for dir in [a, b, c] {
        fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn every_artifact_through_the_public_api() {
    let (dir, _) = run_demo("api");
    let trust = trust(&dir);
    let options = VerifyOptions::new(at());

    // The signed decision: director then agency, legal value original.
    let pdf = fs::read(dir.join("sender/182-QD-LDTBXH.signed.pdf")).unwrap();
    let report = verify_pdf(&pdf, &trust, &options).unwrap();
    assert_eq!(report.legal_value, LegalValue::Original);
    let roles: Vec<Role> = report.signatures.iter().map(|s| s.role).collect();
    assert_eq!(roles, [Role::Person, Role::Organization]);

    // The package: number 182 from the register, two recipients, the PDF inside.
    let bytes = fs::read(dir.join("sender/182-QD-LDTBXH.edxml")).unwrap();
    let read = vanthu_edxml::read(&bytes).unwrap();
    let doc = read.package.as_document().unwrap();
    let code = doc.header.code.as_ref().unwrap();
    assert_eq!(code.code_number.as_deref(), Some("182"));
    assert_eq!(code.code_notation.as_deref(), Some("QĐ-LĐTBXH"));
    let to: Vec<_> = doc
        .header
        .to
        .iter()
        .filter_map(|o| o.organ_id.as_deref())
        .collect();
    assert_eq!(to, ["000.01.15.H47", "000.02.15.H47"]);
    let mut inside = Vec::new();
    read.decode_attachment(&bytes, 0, &mut inside).unwrap();
    assert_eq!(inside, pdf);
    let strict = vanthu_edxml::ValidateOptions::new(vanthu_edxml::Profile::Sender);
    let report =
        vanthu_edxml::check(&bytes, &vanthu_edxml::ReadOptions::default(), &strict).unwrap();
    assert!(report.conformant(), "{:?}", report.findings);

    // Unit 2's copy was damaged: the package reads, its signature does not hold.
    let damaged = fs::read(dir.join("unit2/received/182-QD-LDTBXH.edxml")).unwrap();
    let read = vanthu_edxml::read(&damaged).unwrap();
    let mut inside = Vec::new();
    read.decode_attachment(&damaged, 0, &mut inside).unwrap();
    assert_eq!(
        verify_pdf(&inside, &trust, &options).unwrap().legal_value,
        LegalValue::Invalid
    );

    // Status packages: each one answers the decision, from the right unit.
    let status = |path: &str| {
        let bytes = fs::read(dir.join(path)).unwrap();
        let read = vanthu_edxml::read(&bytes).unwrap();
        read.package.as_status().unwrap().clone()
    };
    for code in ["01", "03", "04", "05", "06"] {
        let s = status(&format!("unit1/status-DEN-QD-182-{code}.edxml"));
        assert_eq!(s.status_code.as_deref(), Some(code));
        assert_eq!(
            s.from.as_ref().unwrap().organ_id.as_deref(),
            Some("000.01.15.H47")
        );
        let answered = s.response_for.as_ref().unwrap();
        assert_eq!(answered.code.as_deref(), Some("182/QĐ-LĐTBXH"));
    }
    let rejected = status("unit2/status-DEN-QD-182-02.edxml");
    assert_eq!(rejected.status_code.as_deref(), Some("02"));
    assert!(
        rejected
            .description
            .as_deref()
            .unwrap()
            .contains("không có giá trị pháp lý như bản gốc")
    );
    let recall = status("sender/status-CV-183-000.01.15.H47-13.edxml");
    assert_eq!(recall.status_code.as_deref(), Some("13"));
    assert_eq!(
        recall.response_for.as_ref().unwrap().organ_id.as_deref(),
        Some("000.01.15.H47")
    );
    assert_eq!(
        status("unit1/status-DEN-CV-183-15.edxml")
            .status_code
            .as_deref(),
        Some("15")
    );
    let revoke =
        vanthu_edxml::read(&fs::read(dir.join("sender/183-LDTBXH-VP.revoke.edxml")).unwrap())
            .unwrap();
    let business = revoke
        .package
        .as_document()
        .unwrap()
        .trace
        .as_ref()
        .unwrap()
        .business
        .as_ref()
        .unwrap();
    assert_eq!(business.doc_type.as_deref(), Some("1"));

    // The event logs replay strictly, and end in the right states.
    let sender = log(&dir, "sender");
    let decision = sender.outgoing(&case("QD-182")).unwrap();
    assert_eq!(
        decision.number_and_symbol().as_deref(),
        Some("182/QĐ-LĐTBXH")
    );
    assert!(decision.has_legal_value());
    let state = |to: &str| {
        decision
            .deliveries
            .iter()
            .find(|d| d.to.as_str() == to)
            .unwrap()
            .state
    };
    assert_eq!(state("000.01.15.H47"), DeliveryState::Completed);
    assert_eq!(state("000.02.15.H47"), DeliveryState::Rejected);
    let notice = sender.outgoing(&case("CV-183")).unwrap();
    assert_eq!(notice.status, OutgoingStatus::Recalled);
    assert_eq!(notice.deliveries[0].answers, [(Business::Revoke, true)]);
    let unit1 = log(&dir, "unit1");
    let received = unit1.incoming(&case("DEN-QD-182")).unwrap();
    assert_eq!(received.status, IncomingStatus::Completed);
    let assignment = received.assignment.as_ref().unwrap();
    assert_eq!(assignment.cooperating.len(), 1);
    assert!(assignment.cooperating[0].due < assignment.lead.due);
    assert_eq!(
        unit1.incoming(&case("DEN-CV-183")).unwrap().status,
        IncomingStatus::Cancelled
    );
    let unit2 = log(&dir, "unit2");
    assert_eq!(
        unit2.incoming(&case("DEN-QD-182")).unwrap().status,
        IncomingStatus::Returned
    );

    // The register, the record package, the report.
    let register = fs::read_to_string(dir.join("sender/outgoing-register.csv")).unwrap();
    assert!(register.contains("182"), "{register}");
    let zip = fs::File::open(dir.join("unit1/archive/000.01.15.H47.2025.01.TH.zip")).unwrap();
    let report = vanthu_archive::package::check_package(
        std::io::BufReader::new(zip),
        &vanthu_archive::package::CheckOptions::default(),
    )
    .unwrap();
    assert!(report.conformant(), "{:?}", report.findings);
    assert_eq!(report.kind.map(|k| k.name()), Some("SIP_hoso"));
    let monthly: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("sender/report-2025-06.json")).unwrap()).unwrap();
    assert!(monthly["total"]["sent"].as_u64().unwrap() >= 2, "{monthly}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn every_artifact_through_the_cli() {
    let (dir, _) = run_demo("cli");
    let d = |rel: &str| dir.join(rel).to_str().unwrap().to_owned();
    let root = d("pki/root.cer");

    let out = vanthu(
        &[
            "verify",
            "--json",
            "--trust",
            &root,
            "--at",
            AT,
            &d("sender/182-QD-LDTBXH.signed.pdf"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["legal_value"], "original");

    let out = vanthu(
        &[
            "archive",
            "check",
            "--json",
            &d("unit1/archive/000.01.15.H47.2025.01.TH.zip"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["conformant"], true);

    for who in ["sender", "unit1", "unit2"] {
        let out = vanthu(&["replay", &d(&format!("{who}/events.json"))], b"");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{who}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }

    // The whole folder through the harness: everything conformant but the
    // copy damaged in transit, which the second unit returned (02).
    let out = vanthu(
        &[
            "check",
            "--json",
            "--strict",
            "--trust",
            &root,
            "--at",
            AT,
            dir.to_str().unwrap(),
        ],
        b"",
    );
    let v = json(&out);
    assert_eq!(out.status.code(), Some(1), "{v:#}");
    let files = v.as_array().unwrap();
    let count = |format: &str| files.iter().filter(|f| f["format"] == format).count();
    assert_eq!((count("edxml"), count("pdf"), count("sip")), (17, 2, 1));
    let failed: Vec<&serde_json::Value> =
        files.iter().filter(|f| f["conformant"] != true).collect();
    assert_eq!(failed.len(), 1, "{v:#}");
    let damaged = failed[0];
    assert!(
        damaged["file"]
            .as_str()
            .unwrap()
            .ends_with("unit2/received/182-QD-LDTBXH.edxml")
    );
    assert_eq!(damaged["attachments"][0]["legal_value"], "invalid");
    let verdict = damaged["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "CHECK-ATT-001")
        .expect("the main document's verdict");
    assert_eq!(verdict["severity"], "error");
    assert_eq!(verdict["location"]["path"], "attachments[0]");
    // Alone, as a new user checks it: exit 1.
    let out = vanthu(
        &[
            "check",
            "--trust",
            &root,
            "--at",
            AT,
            &d("unit2/received/182-QD-LDTBXH.edxml"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    fs::remove_dir_all(dir).unwrap();
}

/// #15 item 25: the demo's `pki/` holds its test-only private keys, marked
/// in their names and README, so that `vanthu sign` can be tried on its
/// output; `README.txt` says what each folder holds.
#[test]
fn item25_sign_a_demo_pdf_with_the_demo_test_key_then_verify() {
    let (dir, _) = run_demo("item25");
    let d = |rel: &str| dir.join(rel).to_str().unwrap().to_owned();
    let pki_readme = fs::read_to_string(dir.join("pki/README.txt")).unwrap();
    assert!(pki_readme.starts_with("TEST ONLY."), "{pki_readme}");
    assert!(pki_readme.contains("agency.TEST-ONLY-private-key.der"));
    let readme = fs::read_to_string(dir.join("README.txt")).unwrap();
    for folder in [
        "pki/",
        "sender/",
        "unit1/",
        "unit1/received/",
        "unit1/archive/",
        "unit2/",
        "unit2/received/",
    ] {
        assert!(
            readme.contains(&format!("\n{folder} ")),
            "{folder} missing from\n{readme}"
        );
        assert!(dir.join(folder).is_dir(), "{folder}");
    }
    // Through the API: each key is the key of its certificate, and signs.
    for who in ["agency", "director"] {
        let key = vanthu_signature::SigningKey::parse(
            &fs::read(dir.join(format!("pki/{who}.TEST-ONLY-private-key.der"))).unwrap(),
        )
        .unwrap();
        let cert =
            Certificate::from_der(&fs::read(dir.join(format!("pki/{who}.cer"))).unwrap()).unwrap();
        key.check_certificate(&cert).unwrap();
        let pdf = fs::read(dir.join("sender/182-QD-LDTBXH.signed.pdf")).unwrap();
        let options = vanthu_signature::SignOptions::new(at().fixed_offset());
        let signed = vanthu_signature::sign_pdf(&pdf, &options, &key, &cert, &[]).unwrap();
        let report = verify_pdf(&signed, &trust(&dir), &VerifyOptions::new(at())).unwrap();
        assert_eq!(report.signatures.len(), 3);
        assert!(
            report
                .signatures
                .iter()
                .all(|s| s.indication == vanthu_signature::Indication::TotalPassed)
        );
    }
    let again = d("again.pdf");
    for (who, role) in [("agency", "organization"), ("director", "person")] {
        succeeds(&[
            "sign",
            "--key",
            &d(&format!("pki/{who}.TEST-ONLY-private-key.der")),
            "--cert",
            &d(&format!("pki/{who}.cer")),
            "--at",
            AT,
            "-o",
            &again,
            &d("sender/183-LDTBXH-VP.signed.pdf"),
        ]);
        let out = vanthu(
            &[
                "verify",
                "--json",
                "--trust",
                &d("pki/root.cer"),
                "--at",
                AT,
                &again,
            ],
            b"",
        );
        let v = json(&out);
        let signatures = v["signatures"].as_array().unwrap();
        assert_eq!(signatures.len(), 3, "{v:#}");
        assert_eq!(signatures[2]["indication"], "TOTAL_PASSED", "{v:#}");
        assert_eq!(signatures[2]["role"], role, "{v:#}");
    }
    // The key of one signer does not sign as the other.
    let out = vanthu(
        &[
            "sign",
            "--key",
            &d("pki/director.TEST-ONLY-private-key.der"),
            "--cert",
            &d("pki/agency.cer"),
            "-o",
            &d("refused.pdf"),
            &d("sender/183-LDTBXH-VP.signed.pdf"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.join("refused.pdf").exists());
    fs::remove_dir_all(dir).unwrap();
}

/// #15 item 16: the demo's packages carry every element the reference
/// writer writes, filled where the demo knows them.
#[test]
fn item16_the_demo_fills_signer_place_recipients_contacts_and_clerk() {
    let (dir, _) = run_demo("item16");
    let doc =
        vanthu_edxml::read(&fs::read(dir.join("sender/182-QD-LDTBXH.edxml")).unwrap()).unwrap();
    let doc = doc.package.as_document().unwrap();
    let h = &doc.header;
    let signer = h.signer_info.as_ref().unwrap();
    assert_eq!(signer.full_name.as_deref(), Some("Nguyễn Văn An"));
    assert_eq!(signer.position.as_deref(), Some("Giám đốc"));
    assert_eq!(signer.competence.as_deref(), Some(""));
    assert_eq!(
        h.promulgation_info.as_ref().unwrap().place.as_deref(),
        Some("Quảng Nam")
    );
    assert_eq!(h.content, h.subject);
    assert_eq!(h.to_places.as_deref().unwrap(), ["Như trên", "Lưu: VT"]);
    let from = h.from.as_ref().unwrap();
    assert_eq!(
        from.organization_in_charge.as_deref(),
        Some("UBND tỉnh Quảng Nam")
    );
    assert!(from.email.as_deref().unwrap().ends_with("@demo.invalid"));
    assert_eq!(h.to[0].fax.as_deref(), Some(""));
    let business = doc.trace.as_ref().unwrap().business.as_ref().unwrap();
    assert_eq!(
        business.staff_info.as_ref().unwrap().staff.as_deref(),
        Some("Phạm Thị Dung")
    );
    // Every status package has its StaffInfo, with the four reference children.
    for rel in [
        "unit1/status-DEN-QD-182-01.edxml",
        "sender/status-CV-183-000.01.15.H47-13.edxml",
    ] {
        let status = vanthu_edxml::read(&fs::read(dir.join(rel)).unwrap()).unwrap();
        let staff = status
            .package
            .as_status()
            .unwrap()
            .staff_info
            .clone()
            .expect(rel);
        for value in [&staff.department, &staff.staff, &staff.email, &staff.mobile] {
            assert!(value.is_some(), "{rel}: {staff:?}");
        }
    }
    fs::remove_dir_all(dir).unwrap();
}

/// `vanthu demo --via-axis`: the same story with every package and status
/// package carried by a local axis over HTTP on loopback, each office a
/// system with its own secret, pulling through the exchange loop with its
/// journal. Every artifact is the same bytes as the in-process demo's (the
/// packages written and received, the status packages, the event logs, the
/// registers, the report, the archival package), so each office's replayed
/// state is the same; the axis leaves nothing unfinished, and a call signed
/// with a wrong secret is refused.
#[test]
fn via_the_local_axis_the_final_states_equal_the_in_process_demos() {
    let (plain, plain_out) = run_demo("plain");
    let dir = std::env::temp_dir().join(format!("vanthu-cli-demo-{}-axis", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let out = succeeds(&["demo", "--via-axis", "--out", dir.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();

    // The same artifacts, byte for byte; the axis's data and the journals besides.
    let (a, b) = (tree(&plain), tree(&dir));
    let (axis, shared): (BTreeMap<_, _>, BTreeMap<_, _>) =
        b.into_iter().partition(|(rel, _)| rel.starts_with("axis/"));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        shared.keys().collect::<Vec<_>>()
    );
    for (rel, bytes) in &a {
        assert!(shared[rel] == *bytes, "{rel} differs across the axis");
    }
    assert!(
        axis.contains_key("axis/data/axis.sqlite3"),
        "{:?}",
        axis.keys()
    );
    // Each office's replayed state, its registers and its statuses.
    for who in ["sender", "unit1", "unit2"] {
        assert_eq!(log(&plain, who), log(&dir, who), "{who}");
    }
    // The summary says the same, then what went over the axis.
    let story = |text: &str| -> Vec<String> {
        text.lines()
            .take_while(|l| {
                !l.starts_with("Artifacts in") && !l.starts_with("  via the local axis")
            })
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(story(&plain_out), story(&stdout));
    for line in [
        "000.00.15.H47: 3 package(s) sent, 10 received",
        "000.01.15.H47: 8 package(s) sent, 3 received",
        "000.02.15.H47: 2 package(s) sent, 1 received",
        "a call signed with a wrong secret: refused, code 15",
    ] {
        assert!(stdout.contains(line), "{line}\n{stdout}");
    }
    // Every message fetched was delivered once and acknowledged once.
    for agency in ["000.00.15.H47", "000.01.15.H47", "000.02.15.H47"] {
        let journal =
            String::from_utf8(axis[&format!("axis/{agency}/journal.jsonl")].clone()).unwrap();
        let count = |record: &str| {
            journal
                .matches(&format!("{{\"record\":\"{record}\""))
                .count()
        };
        assert!(count("fetched") > 0, "{agency}");
        assert_eq!(count("fetched"), count("delivered"), "{agency}");
        assert_eq!(count("fetched"), count("acknowledged"), "{agency}");
        assert_eq!(count("queued"), count("sent"), "{agency}");
        assert_eq!(count("gave_up") + count("duplicate"), 0, "{agency}");
    }
    // A run again into the same folder starts the axis afresh: the same result.
    let again = succeeds(&["demo", "--via-axis", "--out", dir.to_str().unwrap()]);
    assert!(
        String::from_utf8(again.stdout)
            .unwrap()
            .contains("000.01.15.H47: 8 package(s) sent, 3 received")
    );
    for dir in [plain, dir] {
        fs::remove_dir_all(dir).unwrap();
    }
}
