//! Signature validation benchmarks: a small (~20 KB) two-signature document (a
//! person, then the agency, RSA-2048 under a root and a sub-CA, as real
//! documents are) and a ~5 MB one, each verified completely (locator,
//! modification analysis, CMS, path to the root), with pyHanko validating the
//! same files in the same run (`peers/pyhanko_validate.py`, Python from
//! `VANTHU_PYTHON` or `python3`); prints documents per second, MB/s, the ratio,
//! and whether the verdicts agree. For the small document it also prints the
//! floor: the cost of its six RSA-2048 verifications (per signature: the CMS
//! signature, the signer's certificate, the sub-CA's certificate) through the
//! same backend plus SHA-256 over both byte ranges, measured alone, and
//! vanthu's time as a multiple of it.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use criterion::{Criterion, Throughput};
use vanthu_signature::testpki::sample_pdf;
use vanthu_signature::{
    Certificate, DigestAlgorithm, Indication, SigningKey, TrustStore, VerifyOptions, verify_pdf,
};

const PEER_SECONDS: f64 = 3.0;

fn utc(y: i32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap()
}

struct Corpus {
    /// The person's key: the floor's RSA-2048 verifications use its public key.
    key: SigningKey,
    root: Certificate,
    ca: Certificate,
    small: Vec<u8>,
    large: Vec<u8>,
}

/// RSA-2048 signers under a root and a sub-CA, as in the research baseline.
fn corpus() -> Corpus {
    let pki = vanthu_benches::TwoSigners::new().unwrap();
    let small = pki.sign_both(&sample_pdf(1, 2000)).unwrap();
    let large = pki.sign_both(&sample_pdf(10, 500_000)).unwrap();
    Corpus {
        small,
        large,
        key: pki.person.0,
        root: pki.root,
        ca: pki.ca,
    }
}

fn floor(c: &Corpus) -> (f64, f64, f64) {
    let message = vec![0x31_u8; 1024];
    let (_, sig) = c.key.sign(&message).unwrap();
    let spki_der = c.key.public_key_der().unwrap();
    let spki = spki::SubjectPublicKeyInfoRef::try_from(spki_der.as_slice()).unwrap();
    let key = ring::signature::UnparsedPublicKey::new(
        &ring::signature::RSA_PKCS1_2048_8192_SHA256,
        spki.subject_public_key.raw_bytes(),
    );
    let rsa = 1.0
        / rate(1.0, || {
            key.verify(black_box(&message), black_box(&sig)).unwrap();
        });
    let hash = 1.0
        / rate(1.0, || {
            black_box(DigestAlgorithm::Sha256.digest(&[black_box(&c.small)]));
        });
    (6.0 * rsa + 2.0 * hash, rsa, hash)
}

fn verify_once(pdf: &[u8], trust: &TrustStore) -> usize {
    let report = verify_pdf(black_box(pdf), trust, &VerifyOptions::new(utc(2026))).unwrap();
    report
        .signatures
        .iter()
        .filter(|s| s.indication == Indication::TotalPassed)
        .count()
}

fn rate(seconds: f64, mut op: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut count = 0_u64;
    while start.elapsed().as_secs_f64() < seconds || count == 0 {
        op();
        count += 1;
    }
    count as f64 / start.elapsed().as_secs_f64()
}

fn peer(pdf: &Path, root: &Path, ca: &Path) -> Option<serde_json::Value> {
    let python = vanthu_benches::python();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/peers/pyhanko_validate.py");
    let output = Command::new(python)
        .args([
            script,
            pdf.to_str()?,
            root.to_str()?,
            ca.to_str()?,
            "2026-01-01T00:00:00+00:00",
            &PEER_SECONDS.to_string(),
        ])
        .output()
        .ok()?;
    if !output.status.success() {
        eprintln!("peer failed: {}", String::from_utf8_lossy(&output.stderr));
        return None;
    }
    serde_json::from_slice(&output.stdout).ok()
}

fn main() {
    let c = corpus();
    let mut trust = TrustStore::new();
    trust.add_anchor(c.root.clone());
    assert_eq!(verify_once(&c.small, &trust), 2);
    assert_eq!(verify_once(&c.large, &trust), 2);

    let mut criterion = Criterion::default()
        .configure_from_args()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    let mut group = criterion.benchmark_group("signature");
    for (name, pdf) in [
        ("verify_small_2sig", &c.small),
        ("verify_5mb_2sig", &c.large),
    ] {
        group.throughput(Throughput::Bytes(pdf.len() as u64));
        group.bench_function(name, |b| b.iter(|| verify_once(pdf, &trust)));
    }
    group.finish();

    // The floor for the large document: hashing its bytes twice (one digest per signature).
    let hash_rate = rate(PEER_SECONDS, || {
        black_box(DigestAlgorithm::Sha256.digest(&[&c.large]));
        black_box(DigestAlgorithm::Sha256.digest(&[&c.large]));
    });
    let dir = std::env::temp_dir().join(format!("vanthu-bench-sig-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let (root, ca) = (write("root.der", c.root.der()), write("ca.der", c.ca.der()));
    for (name, pdf) in [("small", &c.small), ("5 MB", &c.large)] {
        let ours = rate(PEER_SECONDS, || {
            verify_once(pdf, &trust);
        });
        let mb = pdf.len() as f64 / 1e6;
        println!(
            "vanthu {name} ({} bytes): {ours:.1} documents/s, {:.1} MB/s",
            pdf.len(),
            ours * mb
        );
        if name == "small" {
            let (floor, rsa, hash) = floor(&c);
            println!(
                "  floor: 6 RSA-2048 verifications ({:.1} µs each, ring) + 2 SHA-256 passes ({:.1} µs each) = {:.0} µs; vanthu {:.0} µs, {:.2}× the floor",
                rsa * 1e6,
                hash * 1e6,
                floor * 1e6,
                1e6 / ours,
                (1.0 / ours) / floor
            );
        }
        if name == "5 MB" {
            println!(
                "  floor (two SHA-256 passes over the file): {hash_rate:.1}/s; vanthu reaches {:.0} % of it",
                100.0 * ours / hash_rate
            );
        }
        let path = write(&format!("{}.pdf", name.replace(' ', "")), pdf);
        match peer(&path, &root, &ca) {
            Some(p) => {
                let theirs = p["docs_per_sec"].as_f64().unwrap_or(f64::NAN);
                println!(
                    "  peer pyHanko: {theirs:.1} documents/s; ratio vanthu/pyHanko x{:.1}",
                    ours / theirs
                );
                println!(
                    "  pyHanko bottom lines {}; vanthu TOTAL_PASSED 2 of 2",
                    p["bottom_lines"]
                );
            }
            None => vanthu_benches::peer_unavailable(
                "no Python with pyHanko (pip install pyHanko==0.38.0); no ratio",
            ),
        }
    }
}
