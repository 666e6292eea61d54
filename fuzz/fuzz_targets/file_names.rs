//! Fuzz target `file_names`: the property in `props/names.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/file_names/`.
//!
//! Run: `cargo +nightly fuzz run file_names fuzz/corpus/file_names`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/names.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
