//! The harness's error: what stops a check before any file is looked at.
//! A file that cannot be read is not an error but a [`FileReport`](crate::FileReport)
//! with [`FileReport::error`](crate::FileReport::error) set.

use std::fmt;

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The options cannot be used (bad JSON, a time that cannot be read).
    Options,
    /// A trust anchor or revocation list cannot be read.
    Trust,
    /// A file or folder cannot be read.
    Io,
    /// The input could not be read as the format it claims to be.
    Unreadable,
    /// Nothing was found to check.
    NothingToCheck,
}

impl ErrorKind {
    /// A stable code for harnesses and bindings, e.g. `VANTHU-E-TRUST`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Options => "VANTHU-E-OPTIONS",
            Self::Trust => "VANTHU-E-TRUST",
            Self::Io => "VANTHU-E-IO",
            Self::Unreadable => "VANTHU-E-UNREADABLE",
            Self::NothingToCheck => "VANTHU-E-NOTHING",
        }
    }
}

/// An error of the harness: a kind with a stable [`code`](ErrorKind::code)
/// and a message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct CheckError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// In English, naming the file or value concerned.
    pub message: String,
}

impl CheckError {
    /// An error of `kind`.
    #[must_use]
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
