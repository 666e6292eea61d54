//! `vanthu verify`, `check` and `sign` on PDFs built to exhaust the reader
//! (`docs/limits.md` §2), each run inside the budget of [`bounded`]: exit 1
//! with a finding, or exit 2 with the limit named, never an abort or a hang.

use std::path::{Path, PathBuf};

use vanthu_signature::testpki::{KeyKind, Profile, generate_key, hostile, issue};

use crate::budget::{Bounded, bounded};

/// A folder of its own for each test, under the system temporary directory.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanthu-adv-pdf-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `pdf` as `name` in `dir`.
fn write(dir: &Path, name: &str, pdf: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, pdf).unwrap();
    path
}

/// A self-issued signer in `dir`: (key, certificate).
fn signer(dir: &Path) -> (PathBuf, PathBuf) {
    use chrono::TimeZone as _;
    let t = |y| chrono::Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
    let key = generate_key(KeyKind::P256).unwrap();
    let profile = Profile::leaf(vec![("CN", "TEST".to_string())], 7, t(2024), t(2030));
    let cert = issue(&profile, &key, None).unwrap();
    let paths = (dir.join("signer.key"), dir.join("signer.crt"));
    std::fs::write(&paths.0, key.to_pkcs8_der().unwrap()).unwrap();
    std::fs::write(&paths.1, cert.der()).unwrap();
    paths
}

fn verify(pdf: &Path) -> Bounded {
    bounded(&["verify", pdf.to_str().unwrap()], None)
}

fn check(pdf: &Path) -> Bounded {
    bounded(&["check", pdf.to_str().unwrap()], None)
}

fn sign(pdf: &Path) -> Bounded {
    let dir = pdf.parent().unwrap();
    let (key, cert) = signer(dir);
    let out = dir.join("signed.pdf");
    bounded(
        &[
            "sign",
            pdf.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
            "--cert",
            cert.to_str().unwrap(),
            "--at",
            "2025-06-02T09:00:00+07:00",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    )
}

#[test]
fn an_object_stream_of_entries_on_one_array_costs_nothing() {
    // 4 KB whose 1,500 entries point at one 60,000-element array: 1.8 GB
    // and an abort when each entry was parsed from its offset.
    let dir = folder("objstm");
    let pdf = write(
        &dir,
        "objstm.pdf",
        &hostile::object_stream_one_array(1500, 60_000),
    );
    // The stream's offsets do not increase: it is not expanded, and the
    // verdict says so.
    verify(&pdf).ends(1, "1 object or cross-reference stream(s) cannot be decoded");
    check(&pdf).ends(1, "SIG-PDF-UNPARSED");
    sign(&pdf).ends(0, "");
}

#[test]
fn more_values_than_the_limit_are_refused() {
    // 2.25 million values from a file of 10 KB.
    let dir = folder("values");
    let pdf = write(
        &dir,
        "values.pdf",
        &hostile::object_stream_arrays(5, 450_000),
    );
    verify(&pdf).ends(2, "limit exceeded: values (max_values)");
    check(&pdf).ends(2, "max_values");
    sign(&pdf).ends(2, "limit exceeded: values (max_values)");
}

#[test]
fn an_array_longer_than_the_limit_is_refused() {
    // 1,100,000 elements in 2.2 MB: the 100 MB variant tried to allocate 3 GB.
    let dir = folder("array");
    let pdf = write(&dir, "array.pdf", &hostile::big_array(1_100_000));
    verify(&pdf).ends(2, "limit exceeded: array length (max_array_len) at byte");
    check(&pdf).ends(2, "max_array_len");
    sign(&pdf).ends(2, "limit exceeded: array length (max_array_len)");
}

#[test]
fn unterminated_strings_are_read_in_one_pass() {
    // 60,000 lines of `1 0 obj (` (600 KB): 37 s when each line scanned to
    // the end of the file again.
    let dir = folder("strings");
    let pdf = write(&dir, "strings.pdf", &hostile::unterminated_strings(60_000));
    verify(&pdf).ends(1, "SIG-PDF-UNPARSED");
    check(&pdf).ends(1, "VN-LEGAL");
    sign(&pdf).ends(0, "");
}

#[test]
fn streams_without_endstream_are_read_in_one_pass() {
    // 60,000 lines of `1 0 obj<<>>stream` and no `endstream` (1 MB).
    let dir = folder("streams");
    let pdf = write(
        &dir,
        "streams.pdf",
        &hostile::streams_without_endstream(60_000),
    );
    verify(&pdf).ends(1, "SIG-PDF-UNPARSED");
    check(&pdf).ends(1, "VN-LEGAL");
    sign(&pdf).ends(0, "");
}

#[test]
fn more_signatures_than_the_limit_are_a_finding() {
    let dir = folder("signatures");
    let pdf = write(
        &dir,
        "signatures.pdf",
        &hostile::signature_dictionaries(300),
    );
    verify(&pdf).ends(1, "SIG-PDF-LIMIT");
    let run = verify(&pdf);
    assert!(
        run.text().contains("max_signatures (256)"),
        "{}",
        run.text()
    );
    check(&pdf).ends(1, "SIG-PDF-LIMIT");
}

#[test]
fn more_revisions_than_the_limit_are_a_finding_and_are_not_signed() {
    let dir = folder("revisions");
    let pdf = write(&dir, "revisions.pdf", &hostile::revisions(4200));
    verify(&pdf).ends(1, "more than 4096 revisions (max_revisions)");
    check(&pdf).ends(1, "SIG-PDF-LIMIT");
    sign(&pdf).ends(2, "limit exceeded: revisions (max_revisions)");
}
