//! Fuzz target `dates`: the property in `props/dates.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/dates/`.
//!
//! Run: `cargo +nightly fuzz run dates fuzz/corpus/dates`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/dates.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
