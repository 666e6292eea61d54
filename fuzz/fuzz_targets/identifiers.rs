//! Fuzz target `identifiers`: the property in `props/identifiers.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/identifiers/`.
//!
//! Run: `cargo +nightly fuzz run identifiers fuzz/corpus/identifiers`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/identifiers.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
