#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

pub mod finding;
pub mod text;

pub use finding::{Finding, Location, Severity};
