//! Fuzz target `sign_prepare`: the property in `props/sign.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/sign_prepare/`.
//!
//! Run: `cargo +nightly fuzz run sign_prepare fuzz/corpus/sign_prepare`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/sign.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
