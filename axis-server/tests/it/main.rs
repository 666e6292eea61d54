//! The local axis through real HTTP on loopback, driven by `vanthu-axis`'s
//! client: every operation, the refusals, routing, and a restart.

mod packages;
mod server;
