//! Fuzz target `certs`: the property in `props/certs.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/certs/`.
//!
//! Run: `cargo +nightly fuzz run certs fuzz/corpus/certs`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/certs.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
