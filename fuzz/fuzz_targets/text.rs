//! Fuzz target `text`: the property in `props/text.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/text/`.
//!
//! Run: `cargo +nightly fuzz run text fuzz/corpus/text`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/text.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
