//! Fuzz target `record_json`: the property in `props/record.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/record_json/`.
//!
//! Run: `cargo +nightly fuzz run record_json fuzz/corpus/record_json`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/record.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
