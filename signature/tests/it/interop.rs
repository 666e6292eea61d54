//! Interop with pyHanko, both ways. Runs only when `VANTHU_INTEROP=1` and
//! `VANTHU_PYTHON` names a Python with `pyHanko` installed (`.ci/run` sets both).
//! Where vanthu is stricter than pyHanko, the test says so.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use vanthu_signature::{Indication, LegalValue};

use crate::attacks::append_update;
use crate::common::*;

pub(crate) fn python() -> Option<String> {
    if std::env::var("VANTHU_INTEROP").ok().as_deref() != Some("1") {
        eprintln!("note: VANTHU_INTEROP is not 1; pyHanko interop skipped");
        return None;
    }
    // Under VANTHU_INTEROP=1 a missing pyHanko is a failure, not a skip:
    // CI must not pass without the independent check.
    let py = std::env::var("VANTHU_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let ok = Command::new(&py)
        .args(["-c", "import pyhanko"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "VANTHU_INTEROP=1 but {py} cannot import pyhanko");
    Some(py)
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/pyhanko_interop.py")
}

pub(crate) fn workdir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "vanthu-interop-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub(crate) struct Files {
    pub(crate) dir: PathBuf,
    pub(crate) root: PathBuf,
    pub(crate) ca: PathBuf,
    person: (PathBuf, PathBuf),
    org: (PathBuf, PathBuf),
}

pub(crate) fn files() -> Files {
    let p = pki();
    let dir = workdir();
    let w = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    Files {
        root: w("root.der", p.root.der()),
        ca: w("ca.der", p.ca.der()),
        person: (
            w("person.key", &p.person_key.to_pkcs8_der().unwrap()),
            w("person.der", p.person.der()),
        ),
        org: (
            w("org.key", &p.org_key.to_pkcs8_der().unwrap()),
            w("org.der", p.org.der()),
        ),
        dir: dir.clone(),
    }
}

pub(crate) fn pyhanko_validate(py: &str, f: &Files, pdf: &[u8]) -> serde_json::Value {
    let path = f.dir.join("validate.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(py)
        .arg(script())
        .args([
            "validate",
            path.to_str().unwrap(),
            "--trust",
            f.root.to_str().unwrap(),
            "--cert",
            f.ca.to_str().unwrap(),
        ])
        .args(["--at", "2025-06-03T10:00:00+00:00"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn pyhanko_sign(
    py: &str,
    f: &Files,
    pdf: &[u8],
    signer: &(PathBuf, PathBuf),
    field: &str,
) -> Vec<u8> {
    pyhanko_sign_with(py, f, pdf, signer, field, &[])
}

/// As [`pyhanko_sign`], with more options of the script's `sign`.
pub(crate) fn pyhanko_sign_with(
    py: &str,
    f: &Files,
    pdf: &[u8],
    signer: &(PathBuf, PathBuf),
    field: &str,
    extra: &[&str],
) -> Vec<u8> {
    let input = f.dir.join(format!("in-{field}.pdf"));
    let output = f.dir.join(format!("out-{field}.pdf"));
    std::fs::write(&input, pdf).unwrap();
    let out = Command::new(py)
        .arg(script())
        .args(["sign", input.to_str().unwrap(), output.to_str().unwrap()])
        .args([
            "--key",
            signer.0.to_str().unwrap(),
            "--cert",
            signer.1.to_str().unwrap(),
            "--chain",
            f.ca.to_str().unwrap(),
        ])
        .args(["--field", field])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(output).unwrap()
}

#[test]
fn vanthu_signed_documents_validate_in_pyhanko() {
    let Some(py) = python() else { return };
    let f = files();
    let pdf = person_then_org();
    let v = pyhanko_validate(&py, &f, &pdf);
    let sigs = v["signatures"].as_array().unwrap_or_else(|| panic!("{v}"));
    assert_eq!(sigs.len(), 2, "{v}");
    for s in sigs {
        assert_eq!(s["intact"], true, "{v}");
        assert_eq!(s["valid"], true, "{v}");
        assert_eq!(s["trusted"], true, "{v}");
        assert_eq!(s["bottom_line"], true, "{v}");
    }
    assert_eq!(sigs[0]["coverage"], "ENTIRE_REVISION");
    assert_eq!(sigs[1]["coverage"], "ENTIRE_FILE");
    // The agency's update is form filling in pyHanko's terms; vanthu agrees it is allowed.
    assert_eq!(sigs[0]["modification_level"], "FORM_FILLING", "{v}");
    let ours = verify(&pdf);
    assert!(
        ours.signatures
            .iter()
            .all(|s| s.indication == Indication::TotalPassed)
    );
}

#[test]
fn pyhanko_signed_documents_validate_in_vanthu() {
    let Some(py) = python() else { return };
    let f = files();
    // pyHanko signs for the person, vanthu for the agency; then both by pyHanko.
    let one = pyhanko_sign(&py, &f, &base(), &f.person, "Person");
    let p = pki();
    let mixed = sign(&one, &p.org_key, &p.org, 10);
    let r = verify(&mixed);
    assert!(
        r.signatures
            .iter()
            .all(|s| s.indication == Indication::TotalPassed),
        "{r:#?}"
    );
    assert_eq!(r.legal_value, LegalValue::Original, "{:#?}", r.findings);
    let v = pyhanko_validate(&py, &f, &mixed);
    assert!(
        v["signatures"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["bottom_line"] == true),
        "{v}"
    );

    let both = pyhanko_sign(&py, &f, &one, &f.org, "Agency");
    let r = verify(&both);
    assert!(
        r.signatures
            .iter()
            .all(|s| s.indication == Indication::TotalPassed),
        "{r:#?}"
    );
    assert_eq!(r.legal_value, LegalValue::Original);
}

#[test]
fn both_reject_an_incremental_saving_attack() {
    let Some(py) = python() else { return };
    let f = files();
    let pdf = person_then_org();
    let bad = append_update(
        &pdf,
        &[(
            5,
            "<</Length 20>>\nstream\nBT (FORGED) Tj ET  \nendstream".into(),
        )],
        1,
    );
    let v = pyhanko_validate(&py, &f, &bad);
    let sigs = v["signatures"].as_array().unwrap();
    assert!(sigs.iter().all(|s| s["bottom_line"] == false), "{v}");
    assert!(
        verify(&bad)
            .signatures
            .iter()
            .all(|s| s.indication == Indication::TotalFailed)
    );
}

#[test]
fn pyhanko_updates_of_a_compressed_pdf_validate_in_vanthu() {
    let Some(py) = python() else { return };
    let f = files();
    let base = vanthu_signature::testpki::sample_pdf_compressed();
    // pyHanko writes its update with a cross-reference stream, as the base has one.
    let one = pyhanko_sign(&py, &f, &base, &f.person, "Person");
    let both = pyhanko_sign(&py, &f, &one, &f.org, "Agency");
    let r = verify(&both);
    assert!(
        r.signatures
            .iter()
            .all(|s| s.indication == Indication::TotalPassed),
        "{r:#?}"
    );
    assert_eq!(r.legal_value, LegalValue::Original);
    // And pyHanko accepts vanthu's classic-table update on top of its xref streams.
    let p = pki();
    let mixed = sign(&one, &p.org_key, &p.org, 10);
    let v = pyhanko_validate(&py, &f, &mixed);
    assert!(
        v["signatures"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["bottom_line"] == true),
        "{v}"
    );
    assert_eq!(verify(&mixed).legal_value, LegalValue::Original);
}

#[test]
fn visible_signatures_with_images_validate_in_pyhanko() {
    let Some(py) = python() else { return };
    let f = files();
    let p = pki();
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9));
    opts.appearance = Some(vanthu_signature::Appearance::new(
        0,
        [300.0, 100.0, 450.0, 160.0],
        vec!["Nguyen Van An".into()],
    ));
    let one = vanthu_signature::sign_pdf(
        &base(),
        &opts,
        &p.person_key,
        &p.person,
        std::slice::from_ref(&p.ca),
    )
    .unwrap();
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 10));
    opts.appearance = Some(
        vanthu_signature::Appearance::new(0, [250.0, 90.0, 350.0, 170.0], vec![])
            .with_image(crate::roundtrip::seal_png()),
    );
    let two =
        vanthu_signature::sign_pdf(&one, &opts, &p.org_key, &p.org, std::slice::from_ref(&p.ca))
            .unwrap();
    let v = pyhanko_validate(&py, &f, &two);
    let sigs = v["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 2, "{v}");
    assert!(sigs.iter().all(|s| s["bottom_line"] == true), "{v}");
    assert_eq!(sigs[0]["modification_level"], "FORM_FILLING", "{v}");
}

#[test]
fn certification_permissions_agree_with_pyhanko() {
    let Some(py) = python() else { return };
    let f = files();
    let p = pki();
    for (permission, later_allowed) in [(1u8, false), (2, true)] {
        let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9));
        opts.certify = Some(permission);
        let one = vanthu_signature::sign_pdf(
            &base(),
            &opts,
            &p.person_key,
            &p.person,
            std::slice::from_ref(&p.ca),
        )
        .unwrap();
        let two = sign(&one, &p.org_key, &p.org, 10);
        let v = pyhanko_validate(&py, &f, &two);
        assert_eq!(
            v["signatures"][0]["bottom_line"], later_allowed,
            "P={permission}: {v}"
        );
        let ours = verify(&two).signatures[0].indication == Indication::TotalPassed;
        assert_eq!(ours, later_allowed, "P={permission}");
    }
}

#[test]
fn rsassa_pss_signatures_validate_in_pyhanko() {
    let Some(py) = python() else { return };
    let f = files();
    let pdf = crate::roundtrip::sign_pss(&base());
    let v = pyhanko_validate(&py, &f, &pdf);
    let s = &v["signatures"][0];
    assert_eq!(s["intact"], true, "{v}");
    assert_eq!(s["valid"], true, "{v}");
    assert_eq!(s["bottom_line"], true, "{v}");
}

/// pyHanko signs PAdES B-LT and B-LTA offline (a local TSA, CRLs written here
/// embedded in the /DSS): vanthu finds the level, the proven time and the
/// revocation status in the document.
#[test]
fn pyhanko_b_lt_and_b_lta_are_recognised() {
    use vanthu_signature::{CheckId, Outcome, PadesLevel};
    let Some(py) = python() else { return };
    let f = files();
    let p = pki();
    // pyHanko's local TSA signs with RSA only.
    let tsa_key =
        vanthu_signature::testpki::generate_key(vanthu_signature::testpki::KeyKind::Rsa2048)
            .unwrap();
    let mut profile = vanthu_signature::testpki::Profile::leaf(
        vec![("CN", s("TEST TSA RSA"))],
        61,
        utc(2024, 1, 1),
        utc(2030, 1, 1),
    );
    profile.extended_key_usage = vec!["1.3.6.1.5.5.7.3.8".into()];
    let tsa_cert =
        vanthu_signature::testpki::issue(&profile, &tsa_key, Some((&p.ca, &p.ca_key))).unwrap();
    let w = |name: &str, bytes: &[u8]| {
        let path = f.dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let moment = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 6, 2, 3, 0, 0).unwrap();
    let issued = moment - chrono::Duration::hours(1);
    let ca_crl = vanthu_signature::testpki::issue_crl(&p.ca, &p.ca_key, &[], issued).unwrap();
    let root_crl = vanthu_signature::testpki::issue_crl(&p.root, &p.root_key, &[], issued).unwrap();
    let tsa_key_path = w("tsa.key", &tsa_key.to_pkcs8_der().unwrap());
    let tsa_cert_path = w("tsa.der", tsa_cert.der());
    let ca_crl_path = w("ca.crl", &ca_crl);
    let root_crl_path = w("root.crl", &root_crl);
    let input = w("lt-in.pdf", &base());
    // (B-LTA, adbe.pkcs7.detached with adbe-revocationInfoArchival)
    for (lta, pkcs7) in [(false, false), (true, false), (false, true)] {
        let output = f.dir.join(format!("lt-out-{lta}-{pkcs7}.pdf"));
        let mut cmd = Command::new(&py);
        cmd.arg(script())
            .args(["sign-lt", input.to_str().unwrap(), output.to_str().unwrap()])
            .args(["--key", f.person.0.to_str().unwrap()])
            .args(["--cert", f.person.1.to_str().unwrap()])
            .args(["--chain", f.ca.to_str().unwrap()])
            .args(["--trust", f.root.to_str().unwrap()])
            .args(["--crl", ca_crl_path.to_str().unwrap()])
            .args(["--crl", root_crl_path.to_str().unwrap()])
            .args(["--tsa-key", tsa_key_path.to_str().unwrap()])
            .args(["--tsa-cert", tsa_cert_path.to_str().unwrap()])
            .args(["--at", "2025-06-02T03:00:00+00:00"]);
        if lta {
            cmd.arg("--lta");
        }
        if pkcs7 {
            cmd.arg("--pkcs7");
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // With --lta pyHanko adds the time-stamp's own validation data in one
        // more update after the document time-stamp, rewriting /DSS arrays in
        // place: long-term validation data, which every signature permits.
        let pdf = std::fs::read(&output).unwrap();
        let located = vanthu_signature::locate(&pdf, &vanthu_signature::Limits::default()).unwrap();
        let r = verify(&pdf);
        let sig = &r.signatures[0];
        assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
        assert!(
            sig.checks
                .iter()
                .any(|c| c.id == CheckId::Revocation && c.outcome == Outcome::Passed),
            "{:#?}",
            sig.checks
        );
        assert_eq!(
            sig.level,
            Some(if lta {
                PadesLevel::BLTA
            } else {
                PadesLevel::BLT
            }),
            "{:#?}",
            r.signatures
        );
        assert_eq!(
            sig.proven_at.unwrap().to_rfc3339(),
            "2025-06-02T10:00:00+07:00"
        );
        if lta {
            assert_eq!(r.signatures.len(), 2);
            assert_eq!(
                r.signatures[1].indication,
                Indication::TotalPassed,
                "{:#?}",
                r.signatures[1].checks
            );
        }
        if pkcs7 {
            // The CRLs travel in the signed attributes: no /DSS is needed.
            assert_eq!(sig.sub_filter.as_deref(), Some("adbe.pkcs7.detached"));
            assert!(!pdf.windows(4).any(|w| w == b"/DSS"));
            continue;
        }
        // Without the /DSS (the signed revision alone) it is only B-T.
        let end = located.revisions[located.signatures[0].signed_revision.unwrap()].end;
        let r = verify(&pdf[..end]);
        assert_eq!(
            r.signatures[0].level,
            Some(PadesLevel::BT),
            "{:#?}",
            r.signatures[0].checks
        );
    }
}

fn pem(label: &str, der: &[u8]) -> String {
    let b64 = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// An RSA TSA (pyHanko's DummyTimeStamper signs with RSA only) under the
/// test CA, written as PEM into the work folder: (certificate, key) paths.
fn pyhanko_tsa(f: &Files) -> (PathBuf, PathBuf) {
    use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue};
    let p = pki();
    let tsa_key = generate_key(KeyKind::Rsa2048).unwrap();
    let mut profile = Profile::leaf(
        vec![("CN", s("TEST TSA pyHanko"))],
        80,
        utc(2024, 1, 1),
        utc(2030, 1, 1),
    );
    profile.extended_key_usage = vec!["1.3.6.1.5.5.7.3.8".into()];
    let tsa = issue(&profile, &tsa_key, Some((&p.ca, &p.ca_key))).unwrap();
    let cert_path = f.dir.join("tsa.pem");
    let key_path = f.dir.join("tsa-key.pem");
    std::fs::write(&cert_path, pem("CERTIFICATE", tsa.der())).unwrap();
    std::fs::write(
        &key_path,
        pem("PRIVATE KEY", &tsa_key.to_pkcs8_der().unwrap()),
    )
    .unwrap();
    (cert_path, key_path)
}

/// The hex of `text` (as it appears in a `/Contents` hex string), lower case.
fn hex_of(text: &[u8]) -> String {
    text.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn pyhanko_time_stamps_with_microseconds_verify_in_vanthu() {
    use vanthu_signature::{CheckId, Outcome};
    let Some(py) = python() else { return };
    let f = files();
    let (cert_path, key_path) = pyhanko_tsa(&f);
    let signed = pyhanko_sign_with(
        &py,
        &f,
        &base(),
        &f.person,
        "Person",
        &[
            "--timestamp",
            cert_path.to_str().unwrap(),
            key_path.to_str().unwrap(),
            "--timestamp-time",
            "2025-06-02T02:00:05.123456+00:00",
        ],
    );
    // The token's genTime has microseconds.
    let text = String::from_utf8_lossy(&signed).to_ascii_lowercase();
    assert!(
        text.contains(&hex_of(b"20250602020005.123456Z")),
        "no fractional genTime in the token"
    );
    let r = verify(&signed);
    let sig = &r.signatures[0];
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert!(
        sig.checks
            .iter()
            .any(|c| c.id == CheckId::SignatureTimeStamp && c.outcome == Outcome::Passed),
        "{:#?}",
        sig.checks
    );
    assert_eq!(
        sig.signing_time.unwrap().to_rfc3339(),
        "2025-06-02T09:00:05.123456+07:00"
    );
    // pyHanko agrees.
    let v = pyhanko_validate(&py, &f, &signed);
    assert_eq!(v["signatures"][0]["intact"], true, "{v}");
    assert_eq!(v["signatures"][0]["valid"], true, "{v}");
}

#[test]
fn pyhanko_document_time_stamps_with_microseconds_verify_in_vanthu() {
    use vanthu_signature::{CheckId, Outcome, SignatureKind};
    let Some(py) = python() else { return };
    let f = files();
    let (cert_path, key_path) = pyhanko_tsa(&f);
    let input = f.dir.join("to-stamp.pdf");
    let output = f.dir.join("stamped.pdf");
    std::fs::write(&input, person_then_org()).unwrap();
    let out = Command::new(&py)
        .arg(script())
        .args([
            "timestamp",
            input.to_str().unwrap(),
            output.to_str().unwrap(),
        ])
        .args([
            "--timestamp",
            cert_path.to_str().unwrap(),
            key_path.to_str().unwrap(),
            "--timestamp-time",
            "2025-06-02T04:00:00.5+00:00",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stamped = std::fs::read(&output).unwrap();
    let text = String::from_utf8_lossy(&stamped).to_ascii_lowercase();
    assert!(
        text.contains(&hex_of(b"20250602040000.5Z")),
        "no fractional genTime"
    );
    // The token carries only the TSA's certificate: the caller supplies the intermediate.
    let mut trust = store();
    trust.add_intermediate(pki().ca.clone());
    let r = verify_at(&stamped, &trust, utc(2025, 6, 3));
    assert_eq!(r.signatures.len(), 3);
    let ts = &r.signatures[2];
    assert_eq!(ts.kind, SignatureKind::DocTimeStamp);
    assert_eq!(ts.indication, Indication::TotalPassed, "{:#?}", ts.checks);
    assert!(
        ts.checks
            .iter()
            .any(|c| c.id == CheckId::MessageImprint && c.outcome == Outcome::Passed)
    );
    assert_eq!(
        ts.signing_time.unwrap().to_rfc3339(),
        "2025-06-02T11:00:00.500+07:00"
    );
    // pyHanko's time-stamp update is allowed after both signatures.
    for sig in &r.signatures[..2] {
        assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    }
}
