//! The package reader and checker on arbitrary bytes (a ZIP or anything
//! else): never a panic, bounded work, and a consistent report:
//! `conformant` is "no error", every rule id is catalogued, and the report
//! survives a JSON round trip.
//!
//! Run: `cargo +nightly fuzz run package_read fuzz/corpus/package_read`.
//! The committed corpus is replayed by `vanthu-archive`'s normal tests.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanthu_archive::package::{CheckOptions, PackageReport, check_package};

fuzz_target!(|data: &[u8]| {
    let Ok(report) = check_package(std::io::Cursor::new(data), &CheckOptions::default()) else {
        return;
    };
    assert_eq!(
        report.conformant,
        vanthu_identifiers::conformant(&report.findings)
    );
    for f in &report.findings {
        assert!(
            vanthu_archive::rules::ALL
                .iter()
                .chain(vanthu_identifiers::rules::ALL)
                .any(|r| r.id == f.rule),
            "{} is not catalogued",
            f.rule
        );
    }
    let json = serde_json::to_string(&report).expect("serialise");
    let back: PackageReport = serde_json::from_str(&json).expect("read back");
    assert_eq!(back, report);
});
