//! The Python binding's overhead: the same check of the same 1 MB edXML
//! package through `vanthu::api::check` (Rust) and through `vanthu.check`
//! (the Python package, `peers/vanthu_python.py`), same run, same options.
//!
//! The package is a document package whose main attachment is a PDF signed by
//! a person and by the agency (RSA-2048, root → sub-CA → signers), about
//! 1 MB in all: a check streams the package, validates the header, decodes the
//! attachment and verifies both signatures to the trust anchor. Both sides
//! run single-threaded (`jobs` 1), interleaved for three rounds; the best time
//! per check of each is compared, and the Python side's report must equal the
//! Rust side's JSON.
//!
//! Run: `pip install ./bindings/python` into a venv, then
//! `VANTHU_PYTHON=venv/bin/python cargo bench -p vanthu-benches --bench python`.
//! Target: the binding's overhead under 10%. Under `cargo test` it checks, in
//! a short run, that both sides work.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use vanthu::api::{self, CheckArgs};
use vanthu_edxml::{DocumentPackage, Organization, write_document};

const AT: &str = "2025-06-03T09:00:00+07:00";

/// A PDF of about `size` bytes signed by a person, then by the agency; the root certificate (DER).
fn signed_pdf(size: usize) -> (Vec<u8>, Vec<u8>) {
    let pki = vanthu_benches::TwoSigners::new().unwrap();
    let pdf = pki.signed_sample(size).unwrap();
    (pdf, pki.root.der().to_vec())
}

struct Bodies<'a>(&'a [u8]);

impl vanthu_edxml::AttachmentBodies for Bodies<'_> {
    fn open(
        &mut self,
        _: usize,
        _: &vanthu_edxml::Attachment,
    ) -> Result<Box<dyn Read + '_>, vanthu_edxml::EdxmlError> {
        Ok(Box::new(Cursor::new(self.0)))
    }
}

/// Writes the package and the trust anchor into `dir`.
fn corpus(dir: &Path, pdf_size: usize) -> (std::path::PathBuf, std::path::PathBuf) {
    let (pdf, root) = signed_pdf(pdf_size);
    let at = chrono::DateTime::from_timestamp(1_748_829_600, 0).unwrap();
    let mut doc = DocumentPackage::new_document(
        Organization::new(
            "000.00.15.H47",
            "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Nam",
        ),
        vec![Organization::new("000.01.15.H47", "Văn phòng Sở")],
        ("182", "QĐ-LĐTBXH"),
        "2025/06/02",
        "Về việc ban hành Quy chế tiếp nhận, xử lý văn bản điện tử",
        &at,
    );
    doc.add_attachment("182-QD-LDTBXH.pdf", "application/pdf");
    let package = dir.join("182-QD-LDTBXH.edxml");
    let out = std::io::BufWriter::new(std::fs::File::create(&package).unwrap());
    write_document(&doc, &mut Bodies(&pdf), out).unwrap();
    let trust = dir.join("root.der");
    std::fs::write(&trust, root).unwrap();
    (package, trust)
}

/// Best seconds per check over `seconds` of checks.
fn ours(package: &Path, args: &CheckArgs, seconds: f64) -> (f64, Vec<vanthu::FileReport>) {
    let start = Instant::now();
    let mut best = f64::INFINITY;
    let mut last = Vec::new();
    while start.elapsed().as_secs_f64() < seconds || best.is_infinite() {
        let one = Instant::now();
        last = api::check(package, args).unwrap();
        best = best.min(one.elapsed().as_secs_f64());
    }
    (best, last)
}

fn theirs(package: &Path, trust: &Path, seconds: f64) -> Option<serde_json::Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/peers/vanthu_python.py");
    let out = Command::new(vanthu_benches::python())
        .arg(script)
        .arg(package)
        .arg(trust)
        .arg(AT)
        .arg(seconds.to_string())
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        return None;
    }
    serde_json::from_slice(&out.stdout).ok()
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (pdf_size, seconds, rounds) = if measuring {
        (700_000, 3.0, 3)
    } else {
        (20_000, 0.2, 1)
    };
    let dir = std::env::temp_dir().join(format!("vanthu-bench-python-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (package, trust) = corpus(&dir, pdf_size);
    let size = std::fs::metadata(&package).unwrap().len();
    let mut args = CheckArgs::default();
    args.trust = vec![trust.clone()];
    args.at = Some(AT.to_owned());
    args.jobs = 1;
    let (mut rust, mut python) = (f64::INFINITY, f64::INFINITY);
    let mut measured = true;
    for _ in 0..rounds {
        let (best, report) = ours(&package, &args, seconds);
        rust = rust.min(best);
        match theirs(&package, &trust, seconds) {
            Some(peer) => {
                python = python.min(peer["best_seconds"].as_f64().unwrap());
                assert_eq!(
                    peer["report"],
                    serde_json::to_value(&report).unwrap(),
                    "the Python binding's report differs from the Rust API's"
                );
            }
            None => {
                measured = false;
                vanthu_benches::peer_unavailable(
                    "no Python with the vanthu package (pip install ./bindings/python); no ratio",
                );
                break;
            }
        }
    }
    println!(
        "vanthu::api::check, {size} bytes (edXML, a PDF with 2 signatures): {:.3} ms per check, {:.1} MB/s",
        rust * 1e3,
        size as f64 / rust / 1e6
    );
    if measured {
        println!(
            "vanthu.check from Python: {:.3} ms per check; Python/Rust {:.3}, overhead {:+.1} %",
            python * 1e3,
            python / rust,
            (python / rust - 1.0) * 100.0
        );
        if measuring {
            assert!(
                python / rust < 1.10,
                "the binding's overhead is 10 % or more"
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
