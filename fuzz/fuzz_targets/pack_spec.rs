//! Fuzz target `pack_spec`: the property in `props/pack.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/pack_spec/`.
//!
//! Run: `cargo +nightly fuzz run pack_spec fuzz/corpus/pack_spec`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[allow(dead_code, reason = "`mets_package` serves the `mets_read` target")]
mod package_property;
#[path = "props/pack.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
