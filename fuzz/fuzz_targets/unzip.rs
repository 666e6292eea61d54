//! Fuzz target `unzip`: the property in `props/unzip.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/unzip/`.
//!
//! Run: `cargo +nightly fuzz run unzip fuzz/corpus/unzip`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/unzip.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
