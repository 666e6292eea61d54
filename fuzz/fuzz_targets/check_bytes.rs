//! The umbrella crate's harness never panics on any input (an edXML package
//! with its PDF attachments, a PDF, a ZIP, anything else), and its verdict is
//! consistent: `conformant` is "readable and no error", every rule id it
//! reports is catalogued, and the report survives a JSON round trip.
//!
//! Run: `cargo +nightly fuzz run check_bytes fuzz/corpus/edxml_read fuzz/corpus/pdf_locator`.
//! Both corpora are replayed through this property by `vanthu`'s normal tests.
#![no_main]

use chrono::TimeZone as _;
use libfuzzer_sys::fuzz_target;
use vanthu::{CheckOptions, FileReport, check_bytes, conformant, rules};

fuzz_target!(|data: &[u8]| {
    let at = vanthu::identifiers::VIETNAM
        .with_ymd_and_hms(2025, 6, 5, 0, 0, 0)
        .single()
        .expect("a valid instant");
    let report = check_bytes("input", data, &CheckOptions::new(at)).expect("no trust to load");
    assert_eq!(
        report.conformant,
        report.readable() && conformant(&report.findings)
    );
    for f in &report.findings {
        assert!(
            rules::find(&f.rule).is_some(),
            "{} is not catalogued",
            f.rule
        );
    }
    let json = serde_json::to_string(&report).expect("serialise");
    let back: FileReport = serde_json::from_str(&json).expect("read back");
    assert_eq!(back, report);
});
