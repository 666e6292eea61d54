#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

#[cfg(feature = "client")]
pub mod client;
mod config;
mod error;
pub mod exchange;
mod http;
pub mod langson;
mod model;
pub mod national;
pub mod quangnam;

pub use config::{Axis, CallContext, Secret};
pub use error::{AxisError, ErrorCode, SignatureError};
pub use http::{Method, Request, Response, find_header, sha256_hex};
pub use model::{Agency, MessageType, Operation, Outcome, ReceivedItem, SentItem, TransportState};

/// The start of `text`, for error messages.
pub(crate) fn excerpt(text: &str) -> String {
    text.chars().take(200).collect()
}
