//! Integration tests of the umbrella crate.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod api;
mod archive_profile;
mod catalogue;
mod check;
mod citations;
mod fuzz_corpus;
mod fuzz_seeds;
mod fuzz_targets;
mod names;
mod parse_time;
mod regulation_table;
mod reply;
mod sources;
