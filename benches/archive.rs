//! Packing and checking a large record as a Thông tư 05/2025/TT-BNV `SIP_hoso`:
//! throughput and peak memory, with Python `zipfile` + `hashlib` packing and
//! re-hashing the same files in the same run (`peers/archive_pack.py`).
//! Then checking a set of ordinary packages with `check_package` and with
//! eark-validator 1.1.3 (run with `VANTHU_EARK_PYTHON`, through the same
//! offline wrapper as the interop tests) in the same run: the time per
//! package of each, eark-validator's start-up (importing it, with no
//! package) measured apart and taken off.
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
    description_of(files, "000.00.18.H40.2025.01.TH")
}

fn description_of(files: &[PathBuf], code: &str) -> PackageDescription {
    let created = DateTime::parse_from_rfc3339("2026-01-05T09:30:00+07:00").unwrap();
    let code = RecordCode::parse(code).unwrap();
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

/// Writes the package of `files` to `out`.
fn pack_files(out: &Path, description: PackageDescription, files: &[PathBuf]) {
    let mut w = PackageWriter::new(
        BufWriter::new(File::create(out).unwrap()),
        description,
        PackOptions::default(),
    )
    .unwrap();
    for f in files {
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
}

/// Packages checked by vanthu and by eark-validator, per size.
const EARK_PACKAGES: usize = 10;
/// Files per package.
const EARK_FILES: usize = 4;
/// Sizes of the files: 4 KiB, as in the packages of the E-ARK test corpus,
/// and 256 KiB, where hashing the data (which eark-validator does not do)
/// takes a larger share.
const EARK_FILE_KIB: [u64; 2] = [4, 256];

/// `archive check` against eark-validator on the same ordinary packages.
fn against_eark_validator(dir: &Path) {
    for kib in EARK_FILE_KIB {
        against_eark_validator_at(dir, kib);
    }
}

fn against_eark_validator_at(dir: &Path, file_kib: u64) {
    let mut packages = Vec::new();
    for p in 0..EARK_PACKAGES {
        let files: Vec<PathBuf> = (0..EARK_FILES)
            .map(|i| {
                let f = dir.join(format!("p{p:02}-{file_kib}k-van-ban-{i}.txt"));
                generate(&f, file_kib << 10, (p * 31 + i) as u64 + 7);
                f
            })
            .collect();
        let out = dir.join(format!("package-{file_kib}k-{p:02}.zip"));
        let code = format!("000.00.18.H40.2025.{:02}.TH", p + 1);
        pack_files(&out, description_of(&files, &code), &files);
        packages.push(out);
    }
    let n = packages.len() as f64;
    // vanthu: every package checked (every checksum), best of 3 rounds.
    let mut vanthu_s = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for p in &packages {
            let report = check_package(
                BufReader::new(File::open(p).unwrap()),
                &CheckOptions::default(),
            )
            .unwrap();
            assert!(report.conformant(), "{:?}", report.findings);
        }
        vanthu_s = vanthu_s.min(t.elapsed().as_secs_f64());
    }
    println!(
        "archive check vs eark-validator: {EARK_PACKAGES} packages of {EARK_FILES} x {file_kib} KiB"
    );
    println!("  vanthu          {:9.2} ms/package", vanthu_s / n * 1e3);
    let Ok(python) = std::env::var("VANTHU_EARK_PYTHON") else {
        vanthu_benches::peer_unavailable("VANTHU_EARK_PYTHON is not set (eark-validator)");
        return;
    };
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/tools/eark-validate");
    let run = |args: &[&Path]| -> Option<f64> {
        let t = Instant::now();
        let o = Command::new(&python)
            .arg(&tool)
            .arg("-c")
            .args(args)
            .output()
            .ok()?;
        let elapsed = t.elapsed().as_secs_f64();
        o.status.success().then_some(elapsed)
    };
    let (Some(startup), Some(all)) = (
        run(&[]),
        run(&packages.iter().map(PathBuf::as_path).collect::<Vec<_>>()),
    ) else {
        vanthu_benches::peer_unavailable("eark-validator did not run");
        return;
    };
    let eark_s = (all - startup).max(f64::MIN_POSITIVE);
    println!(
        "  eark-validator  {:9.2} ms/package (start-up {:.2} s taken off)",
        eark_s / n * 1e3,
        startup
    );
    println!(
        "  ratio (eark-validator time / vanthu time): {:.0}x",
        eark_s / vanthu_s
    );
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
    pack_files(&out, description(&files), &files);
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
    for f in files.iter().chain([&out, &peer_out]) {
        let _ = std::fs::remove_file(f);
    }
    against_eark_validator(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}
