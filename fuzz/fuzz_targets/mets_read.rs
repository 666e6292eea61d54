//! The METS reader on arbitrary bytes: the input is the root `METS.xml` of
//! a package (stored in a ZIP), so that every byte reaches the XML reader,
//! its limits and the METS checks. Never a panic; a readable ZIP always
//! gives a report, and it is consistent (`package_property.rs`).
//!
//! Run: `cargo +nightly fuzz run mets_read fuzz/corpus/mets_read`.
//! The committed corpus is replayed by `vanthu-archive`'s normal tests.
#![no_main]

mod package_property;

use libfuzzer_sys::fuzz_target;
use vanthu_archive::package::{CheckOptions, check_package};

fuzz_target!(|data: &[u8]| {
    let bytes = package_property::mets_package(data);
    let report = check_package(std::io::Cursor::new(bytes), &CheckOptions::default())
        .expect("a readable ZIP gives a report");
    package_property::consistent(&report);
});
