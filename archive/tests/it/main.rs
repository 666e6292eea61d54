//! Integration tests of vanthu-archive.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod checksums;
mod circular05;
mod common;
mod dip;
mod disposal;
mod eark;
mod eark_requirements;
mod errors;
mod folders;
mod fuzz_corpus;
mod limits;
mod list;
mod pack_inputs;
mod package;
mod record;
mod retention;
