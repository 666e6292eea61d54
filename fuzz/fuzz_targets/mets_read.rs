//! The METS reader on arbitrary bytes: the input is the root `METS.xml` of
//! a package (stored in a ZIP), so that every byte reaches the XML reader,
//! its limits and the METS checks. Never a panic; a report only of
//! catalogued rules, or a finding when the METS cannot be read.
//!
//! Run: `cargo +nightly fuzz run mets_read fuzz/corpus/mets_read`.
//! The committed corpus is replayed by `vanthu-archive`'s normal tests.
#![no_main]

use std::io::Write as _;

use libfuzzer_sys::fuzz_target;
use vanthu_archive::package::{CheckOptions, check_package};

fuzz_target!(|data: &[u8]| {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    zip.start_file("pkg/METS.xml", stored).expect("entry");
    zip.write_all(data).expect("write");
    let bytes = zip.finish().expect("finish").into_inner();
    // A METS read from a well-formed ZIP is always a report, never an error.
    let report = check_package(std::io::Cursor::new(bytes), &CheckOptions::default())
        .expect("a readable ZIP gives a report");
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
});
