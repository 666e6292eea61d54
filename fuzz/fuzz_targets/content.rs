//! Fuzz target `content`: the property in `props/content.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/content/`.
//!
//! Run: `cargo +nightly fuzz run content fuzz/corpus/content`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/content.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
