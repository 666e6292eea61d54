//! Integration tests of vanthu-signature: a test PKI and corpus generated at run
//! time, the attack corpus, and the real Vietnamese trust anchors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod attacks;
mod cms;
mod common;
mod differential;
mod hostile;
mod interop;
mod keys;
mod locate;
mod ltv;
mod modifications;
mod report;
mod role;
mod roundtrip;
mod trust;
mod work;
