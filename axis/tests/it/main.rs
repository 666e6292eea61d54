//! Integration tests of vanthu-axis, through its public API.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod docs;
mod exchange;
mod fake;
mod national;
mod pki;
mod props;
mod provinces;
mod samples;
mod vectors;
