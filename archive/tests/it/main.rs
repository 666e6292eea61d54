//! Integration tests of vanthu-archive.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod disposal;
mod eark;
mod eark_requirements;
mod errors;
mod list;
mod package;
mod record;
mod retention;
