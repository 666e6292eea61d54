//! The validation work of `vanthu verify` on hostile signed PDFs
//! (`docs/limits.md` §2, "Validation work"): a CMS carrying a mesh of
//! cross-certified CAs, and many signatures followed by many revisions. Each
//! input is generated here and run inside the budget of [`bounded`].

use std::path::Path;

use chrono::{FixedOffset, TimeZone, Utc};
use vanthu_signature::testpki::hostile::{append_revisions, cross_certified_mesh};
use vanthu_signature::testpki::{KeyKind, sample_pdf};
use vanthu_signature::{Certificate, SignOptions, SigningKey, sign_pdf};

use crate::budget::{Bounded, bounded};
use crate::signature::{Files, pki};

/// The signing time of the generated signatures.
fn when() -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(2025, 6, 2, 9, 0, 0)
        .unwrap()
}

/// The agency's key and certificate, and its CA, from the CLI tests' PKI.
fn agency(f: &Files) -> (SigningKey, Certificate, Certificate) {
    let key = SigningKey::parse(&std::fs::read(&f.org.0).unwrap()).unwrap();
    let cert = Certificate::from_der(&std::fs::read(&f.org.1).unwrap()).unwrap();
    let ca = Certificate::from_der(&std::fs::read(&f.ca).unwrap()).unwrap();
    (key, cert, ca)
}

/// `vanthu verify` of `pdf` as an attachment (the agency alone), trusting the test root.
fn verify(f: &Files, pdf: &Path) -> Bounded {
    bounded(
        &[
            "verify",
            pdf.to_str().unwrap(),
            "--trust",
            f.root.to_str().unwrap(),
            "--at",
            "2025-06-03",
            "--as",
            "attachment",
        ],
        None,
    )
}

/// `run` printed `needle` exactly `count` times.
fn printed(run: &Bounded, needle: &str, count: usize) {
    assert_eq!(run.text().matches(needle).count(), count, "{}", run.text());
}

/// 400 cross-certified CAs in the CMS: every step of path building meets
/// 400 candidates, half of which fail to verify (about 400² / 4
/// verifications without a bound). At most 16 candidates are tried per step,
/// the signature is INDETERMINATE, and the finding names the limit.
#[test]
fn a_mesh_of_cross_certified_cas_ends_at_the_verification_budget() {
    let f = pki();
    let t = |y| Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
    let (mesh, leaf, key) = cross_certified_mesh(400, KeyKind::P256, t(2020), t(2040)).unwrap();
    let mut opts = SignOptions::new(when());
    opts.reserve = 4096 + mesh.iter().map(|c| c.der().len() + 16).sum::<usize>();
    let pdf = sign_pdf(&sample_pdf(1, 0), &opts, &key, &leaf, &mesh).unwrap();
    let path = f.dir.join("mesh.pdf");
    std::fs::write(&path, pdf).unwrap();
    let run = verify(&f, &path);
    run.ends(1, "SIG-PATH-LIMIT");
    assert!(
        run.text().contains("max_path_candidates (16)"),
        "{}",
        run.text()
    );
    assert!(
        run.text()
            .contains("INDETERMINATE NO_CERTIFICATE_CHAIN_FOUND"),
        "{}",
        run.text()
    );
    std::fs::remove_dir_all(&f.dir).unwrap();
}

/// 24 signatures, then 3,000 revisions of 5 new objects each: every revision
/// is judged once for all the signatures, which all pass; a page changed at
/// the end fails every one of them.
#[test]
fn many_signatures_then_many_revisions_end_in_linear_work() {
    let f = pki();
    let (key, cert, ca) = agency(&f);
    let mut pdf = sample_pdf(1, 0);
    for i in 0..24 {
        let mut opts = SignOptions::new(when());
        opts.reserve = 2048;
        opts.field_name = format!("Sig{i}");
        pdf = sign_pdf(&pdf, &opts, &key, &cert, std::slice::from_ref(&ca)).unwrap();
    }
    let long = append_revisions(&pdf, 3000, 5).unwrap();
    let path = f.dir.join("long.pdf");
    std::fs::write(&path, &long).unwrap();
    let run = verify(&f, &path);
    run.ends(0, "TOTAL_PASSED");
    printed(&run, "TOTAL_PASSED", 24);
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
    let path = f.dir.join("changed.pdf");
    std::fs::write(&path, &changed).unwrap();
    let run = verify(&f, &path);
    run.ends(1, "content changed after signing: page_changed");
    printed(&run, "Failed COVERAGE", 24);
    std::fs::remove_dir_all(&f.dir).unwrap();
}
