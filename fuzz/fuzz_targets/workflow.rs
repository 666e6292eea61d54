//! Fuzz target `workflow`: the property in `props/workflow.rs`, which `vanthu`'s
//! tests also replay over `fuzz/corpus/workflow/`.
//!
//! Run: `cargo +nightly fuzz run workflow fuzz/corpus/workflow`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/workflow.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
