//! Integration tests of `vanthu-workflow`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod csv;
mod deadlines;
mod holidays;
mod lifecycle_props;
mod log_stream;
mod lunar;
mod props;
mod replay;
mod rules;
mod scenarios;
mod support;
