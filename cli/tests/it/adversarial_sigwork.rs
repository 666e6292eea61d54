//! The validation work of `vanthu verify` on hostile signed PDFs
//! (`docs/limits.md` §2, "Validation work"): a CMS carrying a mesh of
//! cross-certified CAs, and many signatures followed by many revisions. Each
//! input is generated here and run inside the budget of [`bounded`].

use std::path::{Path, PathBuf};

use chrono::{FixedOffset, TimeZone, Utc};
use vanthu_signature::testpki::adversarial::{append_revisions, cross_certified_mesh};
use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue, sample_pdf};
use vanthu_signature::{Certificate, SignOptions, SigningKey, sign_pdf};

use crate::budget::bounded;

/// A fresh folder for one test's files.
fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanthu-sigwork-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn when() -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(2025, 6, 2, 9, 0, 0)
        .unwrap()
}

/// A root (written as `root.der` in `dir`) and an agency signer under it.
fn agency(dir: &Path) -> (SigningKey, Certificate) {
    let t = |y| Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
    let root_key = generate_key(KeyKind::P256).unwrap();
    let root = issue(
        &Profile::ca(
            vec![("CN", "TEST Root".to_owned())],
            1,
            t(2020),
            t(2040),
            None,
        ),
        &root_key,
        None,
    )
    .unwrap();
    std::fs::write(dir.join("root.der"), root.der()).unwrap();
    let key = generate_key(KeyKind::P256).unwrap();
    let cert = issue(
        &Profile::leaf(
            vec![
                ("CN", "SỞ Y TẾ".to_owned()),
                ("UID", "MST:0400260612".to_owned()),
            ],
            2,
            t(2020),
            t(2040),
        ),
        &key,
        Some((&root, &root_key)),
    )
    .unwrap();
    (key, cert)
}

fn verify(dir: &Path, pdf: &Path) -> crate::budget::Bounded {
    bounded(
        &[
            "verify",
            pdf.to_str().unwrap(),
            "--trust",
            dir.join("root.der").to_str().unwrap(),
            "--at",
            "2025-06-03",
            "--as",
            "attachment",
        ],
        None,
    )
}

/// 400 cross-certified CAs in the CMS: every step of path building meets
/// 400 candidates, half of which fail to verify (about 400² / 4
/// verifications without a bound). At most 16 candidates are tried per step,
/// the signature is INDETERMINATE, and the finding names the limit.
#[test]
fn a_mesh_of_cross_certified_cas_ends_at_the_verification_budget() {
    let dir = workdir("mesh");
    agency(&dir);
    let t = |y| Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
    let (mesh, leaf, key) = cross_certified_mesh(400, KeyKind::P256, t(2020), t(2040)).unwrap();
    let mut opts = SignOptions::new(when());
    opts.reserve = 4096 + mesh.iter().map(|c| c.der().len() + 16).sum::<usize>();
    let pdf = sign_pdf(&sample_pdf(1, 0), &opts, &key, &leaf, &mesh).unwrap();
    let path = dir.join("mesh.pdf");
    std::fs::write(&path, pdf).unwrap();
    let run = verify(&dir, &path);
    run.ends(1, "SIG-PATH-LIMIT");
    assert!(
        run.text().contains("max_path_candidates (16)"),
        "{}",
        run.text()
    );
    assert!(run.text().contains("INDETERMINATE"), "{}", run.text());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// 24 signatures, then 3,000 revisions of 5 new objects each: every revision
/// is judged once for all the signatures, which all pass; a page changed at
/// the end fails every one of them.
#[test]
fn many_signatures_then_many_revisions_end_in_linear_work() {
    let dir = workdir("revisions");
    let (key, cert) = agency(&dir);
    let mut pdf = sample_pdf(1, 0);
    for i in 0..24 {
        let mut opts = SignOptions::new(when());
        opts.reserve = 2048;
        opts.field_name = format!("Sig{i}");
        pdf = sign_pdf(&pdf, &opts, &key, &cert, &[]).unwrap();
    }
    let long = append_revisions(&pdf, 3000, 5).unwrap();
    let path = dir.join("long.pdf");
    std::fs::write(&path, &long).unwrap();
    let run = verify(&dir, &path);
    run.ends(0, "TOTAL_PASSED");
    assert_eq!(
        run.text().matches("TOTAL_PASSED").count(),
        24,
        "{}",
        run.text()
    );
    // Page 1 (object 4) resized in one more revision.
    let mut changed = long;
    let at = changed.len();
    changed.extend_from_slice(
        b"4 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 600 842] /Contents 5 0 R>>\nendobj\n",
    );
    let startxref = String::from_utf8_lossy(&changed)
        .rsplit("startxref")
        .next()
        .and_then(|t| t.split_whitespace().next().map(str::to_owned))
        .unwrap();
    let xref = changed.len();
    changed.extend_from_slice(
        format!(
            "xref\n4 1\n{at:010} 00000 n \ntrailer\n<</Size 99999 /Root 1 0 R /Prev {startxref}>>\nstartxref\n{xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    let path = dir.join("changed.pdf");
    std::fs::write(&path, &changed).unwrap();
    let run = verify(&dir, &path);
    run.ends(1, "content changed after signing: page_changed");
    assert_eq!(
        run.text().matches("Failed COVERAGE").count(),
        24,
        "{}",
        run.text()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
