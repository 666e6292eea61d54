//! The crate's error type: "cannot do this" (unreadable input, an illegal
//! operation). Readable but non-compliant input gives findings instead.

use std::io;

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArchiveError {
    /// Reading or writing through the caller's stream failed.
    #[error("I/O error: {0}")]
    Io(#[from] io::Error),
    /// The ZIP container is unreadable.
    #[error("ZIP container: {0}")]
    Zip(String),
    /// An XML document in a package is not well-formed.
    #[error("XML in {path} at byte {offset}: {message}")]
    Xml {
        /// Path of the document inside the package.
        path: String,
        /// Byte offset in that document.
        offset: u64,
        /// What the XML reader said.
        message: String,
    },
    /// A metadata document of a package exceeds a limit of the reader
    /// ([`ReadLimits`](crate::package::ReadLimits)).
    #[error("{path} exceeds the limit of {max} {limit} at byte {offset}")]
    Limit {
        /// Path of the document inside the package.
        path: String,
        /// Byte offset in that document where the limit was crossed.
        offset: u64,
        /// Which limit: `bytes`, `elements`, `attributes of an element`,
        /// `text of an element`, `depth`.
        limit: &'static str,
        /// The limit.
        max: u64,
    },
    /// A required part of a package is missing (e.g. the root `METS.xml`).
    #[error("missing {0}")]
    Missing(String),
    /// A value is not acceptable for this operation.
    #[error("invalid {what}: {message}")]
    Invalid {
        /// Which value.
        what: &'static str,
        /// Why.
        message: String,
    },
    /// A file named to be packed is not a regular file: a folder, a device
    /// (`/dev/zero`), a named pipe, a socket, or a symbolic link not to be
    /// followed ([`open_data_file`](crate::package::open_data_file)).
    #[error("{path}: not a regular file but a {kind}: only regular files are packed")]
    NotRegularFile {
        /// The file as named.
        path: String,
        /// What it is: `folder`, `symbolic link`, `named pipe (FIFO)`,
        /// `character device`, `block device`, `socket`, `special file`.
        kind: &'static str,
    },
    /// An operation is not allowed in the current state.
    #[error("not allowed: {0}")]
    NotAllowed(String),
    /// A name was referenced that does not exist.
    #[error("unknown {what}: {name}")]
    Unknown {
        /// What kind of thing.
        what: &'static str,
        /// The name used.
        name: String,
    },
}

impl ArchiveError {
    /// A stable code for harnesses and bindings, e.g. `ARCH-E-ZIP`; it never
    /// changes meaning, whatever the message says.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Io(_) => "ARCH-E-IO",
            Self::Zip(_) => "ARCH-E-ZIP",
            Self::Xml { .. } => "ARCH-E-XML",
            Self::Limit { .. } => "ARCH-E-LIMIT",
            Self::Missing(_) => "ARCH-E-MISSING",
            Self::Invalid { .. } => "ARCH-E-INVALID",
            Self::NotRegularFile { .. } => "ARCH-E-NOT-REGULAR",
            Self::NotAllowed(_) => "ARCH-E-NOT-ALLOWED",
            Self::Unknown { .. } => "ARCH-E-UNKNOWN",
        }
    }

    pub(crate) fn invalid(what: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid {
            what,
            message: message.into(),
        }
    }
}

impl From<zip::result::ZipError> for ArchiveError {
    fn from(value: zip::result::ZipError) -> Self {
        match value {
            zip::result::ZipError::Io(e) => Self::Io(e),
            other => Self::Zip(other.to_string()),
        }
    }
}
