#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

pub mod finding;

pub use finding::{Finding, Location, Severity};
