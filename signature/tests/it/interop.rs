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

struct Files {
    dir: PathBuf,
    root: PathBuf,
    ca: PathBuf,
    person: (PathBuf, PathBuf),
    org: (PathBuf, PathBuf),
}

fn files() -> Files {
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

fn pyhanko_validate(py: &str, f: &Files, pdf: &[u8]) -> serde_json::Value {
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
