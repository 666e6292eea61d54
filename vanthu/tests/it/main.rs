//! Integration tests of the umbrella crate.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod archive_profile;
mod catalogue;
mod check;
mod fuzz_corpus;
mod reply;
mod sources;
