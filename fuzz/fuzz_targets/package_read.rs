//! The package reader and checker on arbitrary bytes (a ZIP or anything
//! else): never a panic, bounded work, and a consistent report
//! (`package_property.rs`).
//!
//! Run: `cargo +nightly fuzz run package_read fuzz/corpus/package_read`.
//! The committed corpus is replayed by `vanthu-archive`'s normal tests.
#![no_main]

#[allow(dead_code, reason = "`mets_package` serves the `mets_read` target")]
mod package_property;

use libfuzzer_sys::fuzz_target;
use vanthu_archive::package::{CheckOptions, check_package};

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = check_package(std::io::Cursor::new(data), &CheckOptions::default()) {
        package_property::consistent(&report);
    }
});
