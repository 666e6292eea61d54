//! `vanthu check` of a folder on one core and on two: the same 200 signed
//! PDFs (about 1 MB each, signed by a person and by the agency, RSA-2048,
//! root → sub-CA → signers) checked by `vanthu::api::check` with `jobs` 1
//! and with `jobs` 2, interleaved for several rounds; the median of each is
//! compared. The reports must be equal, in the same order.
//!
//! Run: `cargo bench -p vanthu-benches --bench check_folder` on a machine
//! with at least two idle cores. Target: two cores at least 1.6× as fast as
//! one. Under `cargo test` it checks, on 8 small files, that both agree.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::time::Instant;

use vanthu::api::{self, CheckArgs};

const AT: &str = "2025-06-03T09:00:00+07:00";

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (files, pdf_size, rounds) = if measuring {
        (200, 1_000_000, 9)
    } else {
        (8, 20_000, 1)
    };
    let dir = std::env::temp_dir().join(format!("vanthu-bench-folder-{}", std::process::id()));
    let pdfs = dir.join("pdfs");
    std::fs::create_dir_all(&pdfs).unwrap();
    let pki = vanthu_benches::TwoSigners::new().unwrap();
    let pdf = pki.signed_sample(pdf_size).unwrap();
    let trust = dir.join("root.der");
    std::fs::write(&trust, pki.root.der()).unwrap();
    for i in 0..files {
        std::fs::write(pdfs.join(format!("{i:03}.pdf")), &pdf).unwrap();
    }
    let run = |jobs: usize| {
        let mut args = CheckArgs::default();
        args.trust = vec![trust.clone()];
        args.at = Some(AT.to_owned());
        args.jobs = jobs;
        let start = Instant::now();
        let reports = api::check(&pdfs, &args).unwrap();
        (start.elapsed().as_secs_f64(), reports)
    };
    let (mut one, mut two) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let (t1, r1) = run(1);
        let (t2, r2) = run(2);
        assert_eq!(
            serde_json::to_value(&r1).unwrap(),
            serde_json::to_value(&r2).unwrap(),
            "one and two threads give the same reports, in the same order"
        );
        assert_eq!(r1.len(), files);
        one.push(t1);
        two.push(t2);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (m1, m2) = (median(&mut one), median(&mut two));
    println!(
        "vanthu::api::check of {files} signed PDFs of {} bytes: jobs 1 {:.1} ms, jobs 2 {:.1} ms (medians of {rounds}): {:.2}× on two cores",
        pdf.len(),
        m1 * 1e3,
        m2 * 1e3,
        m1 / m2
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
