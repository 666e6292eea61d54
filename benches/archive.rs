//! Packing and checking a large record as a Thông tư 05/2025/TT-BNV `SIP_hoso`:
//! throughput and peak memory, with Python `zipfile` + `hashlib` packing and
//! re-hashing the same files in the same run (`peers/archive_pack.py`).
//!
//! The record size is `VANTHU_BENCH_ARCHIVE_MB` (default 256; 1024 for the
//! 1 GB run). Files are generated in a temporary folder (32 MiB each,
//! text-like content that deflates to about two thirds) and removed afterwards. Peak
//! memory is the process's VmHWM, reset before each phase (Linux); it must
//! stay bounded whatever the record size.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::DateTime;
use vanthu_archive::package::{
    CheckOptions, PackOptions, PackageDescription, PackageDocument, PackageWriter, check_package,
};
use vanthu_archive::{Document, RecordMetadata};
use vanthu_identifiers::{DocumentType, RecordCode, Retention};

const FILE_MIB: u64 = 32;

fn mib() -> u64 {
    std::env::var("VANTHU_BENCH_ARCHIVE_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

/// Text-like bytes (a 64-letter alphabet drawn by xorshift): deflates to about 64%.
fn generate(path: &Path, bytes: u64, seed: u64) {
    let mut w = BufWriter::new(File::create(path).unwrap());
    let mut x = seed | 1;
    let alphabet = b"aaaaeeeeiioouuhhnnttccggmmddllrrss  ..,,\n0123456789AEIOUYabcdefgh";
    let mut buf = vec![0u8; 1 << 16];
    let mut left = bytes;
    while left > 0 {
        for b in &mut buf {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = alphabet[(x % 64) as usize];
        }
        let n = left.min(buf.len() as u64) as usize;
        w.write_all(&buf[..n]).unwrap();
        left -= n as u64;
    }
    w.flush().unwrap();
}

/// Peak resident memory (VmHWM) in KiB, Linux only.
fn peak_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0), so each phase is measured alone.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn description(files: &[PathBuf]) -> PackageDescription {
    let created = DateTime::parse_from_rfc3339("2026-01-05T09:30:00+07:00").unwrap();
    let code = RecordCode::parse("000.00.18.H40.2025.01.TH").unwrap();
    let mut record = RecordMetadata::new(
        code.clone(),
        "Hồ sơ lớn (bench)",
        Retention::Permanent,
        "bench",
    );
    record.page_total = files.len() as u32;
    let mut d = PackageDescription::for_record(record, false, "bench", created);
    for (i, f) in files.iter().enumerate() {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let doc = Document::new(
            DocumentType::Report,
            (i + 1).to_string(),
            "BC-VP",
            day,
            "Văn phòng",
            "Báo cáo",
        );
        d.documents.push(PackageDocument::new(
            format!("{code}.{:07}", i + 1),
            doc,
            vec![f.file_name().unwrap().to_str().unwrap().to_owned()],
        ));
    }
    d
}

fn main() {
    let total = mib() << 20;
    let dir = std::env::temp_dir().join(format!("vanthu-bench-archive-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    let mut left = total;
    let mut i = 0u64;
    while left > 0 {
        let size = left.min(FILE_MIB << 20);
        let p = dir.join(format!("tai-lieu-{i:03}.txt"));
        generate(&p, size, 0x9E37_79B9_7F4A_7C15 ^ i);
        files.push(p);
        left -= size;
        i += 1;
    }
    let mb = total as f64 / 1e6;
    println!(
        "archive: record of {} MiB in {} files",
        total >> 20,
        files.len()
    );

    // vanthu: pack.
    let out = dir.join("vanthu.zip");
    reset_peak();
    let base = peak_kib();
    let t = Instant::now();
    let mut w = PackageWriter::new(
        BufWriter::new(File::create(&out).unwrap()),
        description(&files),
        PackOptions::default(),
    )
    .unwrap();
    for f in &files {
        let name = f.file_name().unwrap().to_str().unwrap();
        w.add_file(name, &mut BufReader::new(File::open(f).unwrap()))
            .unwrap();
    }
    w.finish()
        .unwrap()
        .into_inner()
        .unwrap()
        .sync_all()
        .unwrap();
    let pack_s = t.elapsed().as_secs_f64();
    let pack_peak = peak_kib();

    // vanthu: check (every checksum).
    reset_peak();
    let t = Instant::now();
    let report = check_package(
        BufReader::new(File::open(&out).unwrap()),
        &CheckOptions::default(),
    )
    .unwrap();
    let check_s = t.elapsed().as_secs_f64();
    let check_peak = peak_kib();
    assert!(report.conformant(), "{:?}", report.findings);
    let zip_mb = std::fs::metadata(&out).unwrap().len() as f64 / 1e6;
    println!(
        "  vanthu  pack  {pack_s:7.2} s  {:7.1} MB/s   peak RSS {} KiB (baseline {} KiB), zip {zip_mb:.1} MB",
        mb / pack_s,
        pack_peak.map_or("?".into(), |k| k.to_string()),
        base.map_or("?".into(), |k| k.to_string()),
    );
    println!(
        "  vanthu  check {check_s:7.2} s  {:7.1} MB/s   peak RSS {} KiB, {} files / {} bytes hashed",
        mb / check_s,
        check_peak.map_or("?".into(), |k| k.to_string()),
        report.files_checked,
        report.bytes_checked
    );

    // Peer: Python zipfile + hashlib on the same files.
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/peers/archive_pack.py");
    let peer_out = dir.join("peer.zip");
    let output = Command::new(vanthu_benches::python())
        .arg(script)
        .arg(&peer_out)
        .args(&files)
        .output();
    match output {
        Ok(o) if o.status.success() => {
            let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
            let ps = v["pack_seconds"].as_f64().unwrap();
            let cs = v["check_seconds"].as_f64().unwrap();
            println!(
                "  python  pack  {ps:7.2} s  {:7.1} MB/s   check {cs:7.2} s  {:7.1} MB/s   peak RSS {} KiB, ok {}",
                mb / ps,
                mb / cs,
                v["peak_rss_kib"],
                v["ok"]
            );
            println!(
                "  ratio (python time / vanthu time): pack {:.2}x, check {:.2}x",
                ps / pack_s,
                cs / check_s
            );
        }
        Ok(o) => vanthu_benches::peer_unavailable(&format!(
            "the Python peer failed: {}",
            String::from_utf8_lossy(&o.stderr)
        )),
        Err(e) => vanthu_benches::peer_unavailable(&format!("the Python peer did not run: {e}")),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
