//! The local axis through real HTTP on loopback, driven by `vanthu-axis`'s
//! client: every operation, the refusals, routing, and a restart; and the
//! client itself against hand-written HTTP peers.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod client;
mod packages;
mod server;
