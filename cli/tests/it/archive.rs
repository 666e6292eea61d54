//! `vanthu archive pack|check` and `vanthu retention`.

use std::path::{Path, PathBuf};

use crate::{json, succeeds, vanthu};

pub(crate) fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../archive/tests/vectors")
}

pub(crate) fn temp(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("vanthu-cli-archive-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `vanthu archive pack SPEC -o DIR/sip.zip`, which must succeed.
fn pack(spec: &Path, dir: &Path) -> PathBuf {
    pack_as(spec, &dir.join("sip.zip"), &[])
}

pub(crate) fn pack_vector(dir: &Path) -> PathBuf {
    pack(&vectors().join("sip-hoso/spec.json"), dir)
}

#[test]
fn pack_then_check_is_conformant() {
    let dir = temp("ok");
    let zip = pack_vector(&dir);
    let o = vanthu(&["archive", "check", zip.to_str().unwrap(), "--json"], b"");
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["conformant"], true);
    assert_eq!(v["kind"], "SIP_hoso");
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
    assert!(v["objid"].as_str().unwrap().starts_with("uuid-"));
    // Packing twice gives the same bytes.
    let first = std::fs::read(&zip).unwrap();
    let again = pack_vector(&dir);
    assert_eq!(std::fs::read(again).unwrap(), first);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_damaged_package_exits_1() {
    let dir = temp("bad");
    let zip = pack_vector(&dir);
    let mut bytes = std::fs::read(&zip).unwrap();
    // Flip a byte inside the first entry's compressed data: it starts after
    // the 30-byte local header, the name and the extra field (ZIP APPNOTE 4.3.7).
    let name_len = usize::from(u16::from_le_bytes([bytes[26], bytes[27]]));
    let extra_len = usize::from(u16::from_le_bytes([bytes[28], bytes[29]]));
    bytes[30 + name_len + extra_len + 10] ^= 0x01;
    let bad = dir.join("bad.zip");
    std::fs::write(&bad, &bytes).unwrap();
    let o = vanthu(&["archive", "check", bad.to_str().unwrap(), "--json"], b"");
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(json(&o)["conformant"], false);
    let o = vanthu(&["archive", "check", bad.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("NOT conformant"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn unreadable_inputs_exit_2() {
    let dir = temp("garbage");
    let g = dir.join("g.zip");
    std::fs::write(&g, b"not a zip").unwrap();
    assert_eq!(
        vanthu(&["archive", "check", g.to_str().unwrap()], b"")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        vanthu(&["archive", "check", "/nonexistent.zip"], b"")
            .status
            .code(),
        Some(2)
    );
    let spec = dir.join("spec.json");
    std::fs::write(&spec, b"{\"kind\": \"SIP_hoso\"}").unwrap();
    let out = dir.join("o.zip");
    let o = vanthu(
        &[
            "archive",
            "pack",
            spec.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn retention_reports_expiry_and_due_dates() {
    let rec = vectors().join("record.json");
    let o = succeeds(&[
        "retention",
        rec.to_str().unwrap(),
        "--at",
        "2021-06-01",
        "--json",
    ]);
    let v = json(&o);
    assert_eq!(v["maintenance"], "06");
    assert_eq!(v["expiry"]["date"], "2030-12-31");
    assert_eq!(v["expired"], false);
    assert_eq!(v["transfer"]["agency_archive"], "2021-12-28");
    assert_eq!(v["transfer"]["notice"], "2021-11-28");
    assert_eq!(v["disposal"]["stage"], "retained");

    // Overdue transfer: exit 1; after expiry: a disposal candidate.
    let o = vanthu(
        &[
            "retention",
            rec.to_str().unwrap(),
            "--at",
            "2031-01-01",
            "--json",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["expired"], true);
    assert_eq!(v["disposal"]["stage"], "candidate");
    let rules: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(rules, vec!["ARCH-XFER-003", "ARCH-DISP-001"]);
}

#[test]
fn retention_reads_stdin_and_rejects_bad_input() {
    let input = r#"{"record":{"code":"000.00.18.H40.2020.01.TH","title":"t","retention":"Vĩnh viễn","creator":"c"},
        "work_ended":"2020-05-01","transferred_to_agency":"2021-03-01"}"#
        .as_bytes();
    let o = vanthu(&["retention", "-", "--at", "2025-08-01", "--json"], input);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["expiry"]["kind"], "never");
    assert_eq!(v["transfer"]["law"], "2024");
    assert_eq!(v["transfer"]["historical_archive"], "2026-12-31");
    assert_eq!(
        vanthu(&["retention", "-", "--at", "2025-08-01"], b"{")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        vanthu(&["retention", "-", "--at", "nope"], input)
            .status
            .code(),
        Some(2)
    );
}

/// The committed `SIP_hoso` spec with its record code in the Circular
/// 05/2025 form (Decision 20/2020 agency id, ordinal-only notation) packs and
/// checks clean.
#[test]
fn a_tt05_form_record_code_packs_and_checks() {
    let dir = temp("tt05");
    let spec_dir = vectors().join("sip-hoso");
    let text = std::fs::read_to_string(spec_dir.join("spec.json")).unwrap();
    let mut spec: serde_json::Value =
        serde_json::from_str(&text.replace("000.00.18.H40.2025.01.TH", "H49.64.33.2025.160"))
            .unwrap();
    spec["source_dir"] = spec_dir.join("files").to_str().unwrap().into();
    let spec_path = dir.join("spec.json");
    std::fs::write(&spec_path, serde_json::to_vec(&spec).unwrap()).unwrap();
    let zip = pack(&spec_path, &dir);
    let o = vanthu(&["archive", "check", zip.to_str().unwrap(), "--json"], b"");
    let v = json(&o);
    assert_eq!(o.status.code(), Some(0), "{v}");
    assert_eq!(v["conformant"], true);
    assert_eq!(v["kind"], "SIP_hoso");
    assert_eq!(v["findings"].as_array().unwrap().len(), 0, "{v}");
    let _ = std::fs::remove_dir_all(dir);
}

/// The CLI holds no retention rule: its JSON is the library's evaluation,
/// serialised.
#[test]
fn retention_json_is_the_library_evaluation() {
    let rec = vectors().join("record.json");
    let input: vanthu_archive::RetentionInput =
        serde_json::from_slice(&std::fs::read(&rec).unwrap()).unwrap();
    for (at, law) in [("2021-06-01", None), ("2031-01-01", Some("2011"))] {
        let mut args = vec!["retention", rec.to_str().unwrap(), "--at", at, "--json"];
        if let Some(l) = law {
            args.extend(["--law", l]);
        }
        let o = vanthu(&args, b"");
        let date = chrono::NaiveDate::parse_from_str(at, "%Y-%m-%d").unwrap();
        let law = law.and_then(|l| vanthu_archive::ArchiveLaw::from_year(l.parse().unwrap()));
        let expected = vanthu_archive::retention::evaluate(&input, date, law).unwrap();
        assert_eq!(json(&o), serde_json::to_value(&expected).unwrap());
        assert_eq!(
            o.status.code(),
            Some(if expected.conformant { 0 } else { 1 })
        );
        for f in &expected.findings {
            assert!(
                vanthu_archive::rules::ALL.iter().any(|r| r.id == f.rule),
                "{} is not in the catalogue",
                f.rule
            );
        }
    }
}

/// `archive check --json` prints the library's report, serialised, and it
/// reads back.
#[test]
fn check_json_is_the_library_report() {
    let dir = temp("same");
    let zip = pack_vector(&dir);
    let o = vanthu(&["archive", "check", zip.to_str().unwrap(), "--json"], b"");
    let expected = vanthu_archive::package::check_package(
        std::fs::File::open(&zip).unwrap(),
        &vanthu_archive::package::CheckOptions::default(),
    )
    .unwrap();
    assert_eq!(json(&o), serde_json::to_value(&expected).unwrap());
    let back: vanthu_archive::package::PackageReport = serde_json::from_value(json(&o)).unwrap();
    assert_eq!(back, expected);
    let _ = std::fs::remove_dir_all(dir);
}

/// Copies the package at `zip` to `out` with its root METS edited.
fn with_root_mets(zip: &Path, out: &Path, edit: impl Fn(&str) -> String) {
    let mut entries = zip_entries(zip);
    for (name, data) in &mut entries {
        if name.matches('/').count() == 1 && name.ends_with("/METS.xml") {
            *data = edit(std::str::from_utf8(data).unwrap()).into_bytes();
        }
    }
    write_zip(out, &entries);
}

/// The entries of the ZIP at `path` (name, bytes), in order.
pub(crate) fn zip_entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut src = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..src.len())
        .map(|i| {
            let mut f = src.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().into_owned(), data)
        })
        .collect()
}

/// Writes these entries, in order, as a ZIP at `path`.
pub(crate) fn write_zip(path: &Path, entries: &[(String, Vec<u8>)]) {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, data) in entries {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap();
}

/// `vanthu archive check PACKAGE --profile PROFILE --json`, and its
/// exit code and report.
fn check_json(zip: &Path, profile: &str) -> (Option<i32>, serde_json::Value) {
    let o = vanthu(
        &[
            "archive",
            "check",
            zip.to_str().unwrap(),
            "--profile",
            profile,
            "--json",
        ],
        b"",
    );
    (o.status.code(), json(&o))
}

/// `--profile csip`: a package violating one E-ARK requirement (CSIP2, the
/// content category) exits 1 and its JSON finding names the requirement;
/// the valid package exits 0.
#[test]
fn the_csip_profile_names_the_violated_requirement() {
    let dir = temp("csip");
    let zip = pack_vector(&dir);
    let (code, v) = check_json(&zip, "csip");
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
    let bad = dir.join("type.zip");
    with_root_mets(&zip, &bad, |t| {
        t.replacen("TYPE=\"Text\"", "TYPE=\"Textual\"", 1)
    });
    let (code, v) = check_json(&bad, "csip");
    assert_eq!(code, Some(1), "{v}");
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{v}");
    assert_eq!(findings[0]["requirement"], "CSIP2");
    assert_eq!(findings[0]["rule"], "ARCH-EARK-ROOT-MUST");
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["source"], "E-ARK CSIP 2.1.0 CSIP2");
    // Text output names it too.
    let o = vanthu(
        &[
            "archive",
            "check",
            bad.to_str().unwrap(),
            "--profile",
            "csip",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("CSIP2"));
    let _ = std::fs::remove_dir_all(dir);
}

/// `--at` before the package's `LASTMODDATE` reports CSIP8 (a warning);
/// an unknown profile is a usage error.
#[test]
fn the_check_time_and_the_profile_are_options() {
    let dir = temp("at");
    let zip = pack_vector(&dir);
    let early = [
        "archive",
        "check",
        zip.to_str().unwrap(),
        "--profile",
        "sip",
        "--json",
        "--at",
        "2000-01-01",
    ];
    let o = vanthu(&early, b"");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v = json(&o);
    assert_eq!(v["findings"][0]["requirement"], "CSIP8", "{v}");
    assert_eq!(v["findings"][0]["severity"], "warning");
    let o = vanthu(
        &[
            "archive",
            "check",
            zip.to_str().unwrap(),
            "--profile",
            "dip",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(dir);
}

/// `vanthu archive pack SPEC -o OUT EXTRA…`, which must succeed.
fn pack_as(spec: &Path, out: &Path, extra: &[&str]) -> PathBuf {
    let mut args = vec![
        "archive",
        "pack",
        spec.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    succeeds(&args);
    out.to_path_buf()
}

/// Unpacks `zip` into `dir`; returns the package's root folder.
fn unzip(zip: &Path, dir: &Path) -> PathBuf {
    vanthu_archive::package::unpack(std::fs::File::open(zip).unwrap(), dir).unwrap()
}

/// `archive check DIR` and `check DIR` on an unpacked package: the same
/// report as its ZIP, conformant or not.
#[test]
fn a_package_folder_checks_like_its_zip() {
    let dir = temp("folder");
    let zip = pack_vector(&dir);
    let root = unzip(&zip, &dir.join("unpacked"));
    for target in [root.clone(), dir.join("unpacked")] {
        let (code, from_dir) = check_json(&target, "tt05");
        assert_eq!(code, Some(0));
        assert_eq!(from_dir, check_json(&zip, "tt05").1);
    }
    // The umbrella `check` takes the folder as one package, not as files.
    let o = vanthu(&["check", "--json", root.to_str().unwrap()], b"");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v = json(&o);
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v[0]["format"], "sip");
    assert_eq!(v[0]["conformant"], true);
    // A defect: one data file changed, in the folder and in a ZIP of it.
    let data = root.join("representations/rep1/data");
    let victim = std::fs::read_dir(&data)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut bytes = std::fs::read(&victim).unwrap();
    bytes[0] ^= 1;
    std::fs::write(&victim, &bytes).unwrap();
    let rezipped = dir.join("changed.zip");
    {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::fs::File::create(&rezipped).unwrap());
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
        let victim_name = victim.file_name().unwrap().to_str().unwrap().to_owned();
        for i in 0..archive.len() {
            let f = archive.by_index(i).unwrap();
            let name = f.name().unwrap().into_owned();
            if name.ends_with(&format!("data/{victim_name}")) {
                drop(f);
                w.start_file(name, zip::write::SimpleFileOptions::default())
                    .unwrap();
                w.write_all(&bytes).unwrap();
            } else {
                w.raw_copy_file(f).unwrap();
            }
        }
        w.finish().unwrap();
    }
    let (code, v) = check_json(&root, "tt05");
    assert_eq!(code, Some(1));
    assert_eq!(v, check_json(&rezipped, "tt05").1);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "ARCH-PKG-FILE-002"),
        "{v}"
    );
    let o = vanthu(&["check", root.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(dir);
}

/// Circular 05/2025: an electronic record is due at the agency archive 60
/// days after its work ended (`ARCH-XFER-004` when late), a record on
/// paper a year after (Decree 30/2020).
#[test]
fn retention_of_an_electronic_record_is_due_in_60_days() {
    let input = |electronic: bool| {
        format!(
            r#"{{"record":{{"code":"000.00.18.H40.2025.01.TH","title":"t","retention":"Vĩnh viễn","creator":"c"}},
            "work_ended":"2025-09-01","electronic":{electronic}}}"#
        )
    };
    let o = vanthu(
        &["retention", "-", "--at", "2025-11-01", "--json"],
        input(true).as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["transfer"]["agency_archive"], "2025-10-31");
    assert_eq!(v["transfer"]["electronic"], true);
    assert_eq!(v["findings"][0]["rule"], "ARCH-XFER-004");
    let o = vanthu(
        &["retention", "-", "--at", "2025-11-01", "--json"],
        input(false).as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["transfer"]["agency_archive"], "2026-09-01");
}

/// Circular 05/2025 Appendix III: a `SIP_hoso` carries permanent records
/// only; packing one for a 20-year record gives a package that `archive
/// check` rejects.
#[test]
fn a_sip_hoso_of_a_limited_record_is_not_conformant() {
    let dir = temp("limited");
    let spec = std::fs::read_to_string(vectors().join("sip-hoso/spec.json"))
        .unwrap()
        .replace("\"retention\": \"Vĩnh viễn\"", "\"retention\": \"20 năm\"")
        .replace(
            "\"source_dir\": \"files\"",
            &format!(
                "\"source_dir\": {:?}",
                vectors().join("sip-hoso/files").to_str().unwrap()
            ),
        );
    let path = dir.join("spec.json");
    std::fs::write(&path, spec).unwrap();
    let zip = pack(&path, &dir);
    let (code, v) = check_json(&zip, "tt05");
    assert_eq!(code, Some(1));
    assert_eq!(v["findings"][0]["rule"], "ARCH-PKG-MD-007", "{v}");
    let _ = std::fs::remove_dir_all(dir);
}

/// `archive pack --dip` writes the record's dissemination package, which
/// `archive check` reads as a DIP.
#[test]
fn pack_dip_writes_a_dissemination_package() {
    let dir = temp("dip");
    let spec = vectors().join("sip-hoso/spec.json");
    let out = pack_as(&spec, &dir.join("dip.zip"), &["--dip"]);
    let (code, v) = check_json(&out, "tt05");
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["kind"], "DIP");
    assert_eq!(v["conformant"], true);
    let sip = pack_vector(&dir);
    let s = check_json(&sip, "tt05").1;
    assert_eq!(s["kind"], "SIP_hoso");
    assert_ne!(s["objid"], v["objid"]);
    let _ = std::fs::remove_dir_all(dir);
}

/// #15 item 8: `vanthu retention` takes the declared keep-back.
#[test]
fn retention_takes_a_declared_keep_back() {
    let input = |kept: &str| {
        format!(
            r#"{{"record":{{"code":"000.00.18.H40.2025.01.TH","title":"t","retention":"Vĩnh viễn","creator":"c"}},
            "work_ended":"2024-03-01"{kept}}}"#
        )
    };
    let run = |kept: &str| {
        vanthu(
            &["retention", "-", "--at", "2025-06-01", "--json"],
            input(kept).as_bytes(),
        )
    };
    let o = run("");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["findings"][0]["rule"], "ARCH-XFER-003");
    let o = run(r#","kept_back_until":"2025-12-31""#);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = run(r#","kept_back_until":"2027-12-31""#);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["findings"][0]["rule"], "ARCH-XFER-005");
}

/// A package folder whose METS names a file with another letter case (made
/// on a case-insensitive system) is checked against that file, with a
/// warning.
#[test]
fn a_reference_in_another_letter_case_is_a_warning() {
    let dir = temp("case");
    let zip = pack_vector(&dir);
    let root = unzip(&zip, &dir.join("unpacked"));
    let data = std::fs::read_dir(root.join("representations/rep1/data"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let name = data.file_name().unwrap().to_str().unwrap().to_owned();
    std::fs::rename(&data, data.with_file_name(name.to_uppercase())).unwrap();
    let (code, v) = check_json(&root, "tt05");
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(v["findings"][0]["rule"], "ARCH-PKG-FILE-010", "{v:#}");
    let _ = std::fs::remove_dir_all(dir);
}

/// #16: `archive check` reports an unsafe entry name by its rule (not as a
/// missing root METS.xml) and an entry named twice in the ZIP.
#[test]
fn unsafe_and_duplicate_entries_are_reported() {
    let dir = temp("entries");
    let zip = pack_vector(&dir);
    let entries = zip_entries(&zip);
    let traversal = dir.join("traversal.zip");
    let mut with_evil = entries.clone();
    with_evil.push(("../../evil.txt".to_owned(), b"x".to_vec()));
    write_zip(&traversal, &with_evil);
    let (code, v) = check_json(&traversal, "tt05");
    assert_eq!(code, Some(1));
    assert_eq!(v["findings"][0]["rule"], "ARCH-PKG-NAME-001", "{v:#}");
    // The same name twice: a first copy written under a twin name of the
    // same length, then renamed in place in the ZIP's bytes.
    let (name, _) = entries.iter().find(|(n, _)| n.contains("/data/")).unwrap();
    let twin = format!("{}X", &name[..name.len() - 1]);
    let mut doubled_entries = vec![(twin.clone(), b"another first copy".to_vec())];
    doubled_entries.extend(entries.iter().cloned());
    let doubled = dir.join("doubled.zip");
    write_zip(&doubled, &doubled_entries);
    let mut bytes = std::fs::read(&doubled).unwrap();
    let places: Vec<usize> = bytes
        .windows(twin.len())
        .enumerate()
        .filter(|(_, w)| *w == twin.as_bytes())
        .map(|(at, _)| at)
        .collect();
    for at in places {
        bytes[at..at + twin.len()].copy_from_slice(name.as_bytes());
    }
    std::fs::write(&doubled, bytes).unwrap();
    let (code, v) = check_json(&doubled, "tt05");
    assert_eq!(code, Some(1));
    assert_eq!(v["findings"][0]["rule"], "ARCH-PKG-NAME-004", "{v:#}");
    let _ = std::fs::remove_dir_all(dir);
}
