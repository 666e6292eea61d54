//! Fuzz target `pdf_locator`: the property in `props/pdf_locator.rs`, which
//! `vanthu`'s tests also replay over `fuzz/corpus/pdf_locator/` (seeds:
//! signed, unsigned, object-stream and multi-revision PDFs).
//!
//! Run: `cargo +nightly fuzz run pdf_locator fuzz/corpus/pdf_locator`.
#![no_main]

#[path = "props/common.rs"]
mod common;
#[path = "props/pdf_locator.rs"]
mod property;

libfuzzer_sys::fuzz_target!(|data: &[u8]| property::check(data));
