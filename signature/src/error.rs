//! The crate's one error type: what makes an input unreadable, and where.

use std::fmt;

/// Why an input could not be read or an operation could not be done.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ended in the middle of a token or object.
    UnexpectedEnd,
    /// A byte that cannot start or continue the expected token.
    UnexpectedToken,
    /// Arrays or dictionaries nested deeper than the parser allows.
    TooDeep,
    /// A name with a bad `#xx` escape.
    BadName,
    /// A hex string with a character that is not a hex digit.
    BadHexString,
    /// A number that does not fit or is malformed.
    BadNumber,
    /// The file does not start with a `%PDF-` header.
    NotPdf,
    /// The file has no `%%EOF` marker after a `startxref`: no complete revision.
    NoRevision,
    /// Objects follow the last `%%EOF` with no `startxref … %%EOF` after them:
    /// the file was cut off (or an update was never finished).
    Truncated,
    /// A configured limit was exceeded.
    LimitExceeded(&'static str),
    /// The structure needed for the operation is missing or malformed.
    Structure(String),
    /// DER/BER that could not be decoded.
    Asn1(String),
    /// A key or certificate that cannot be used.
    Key(String),
    /// The signing key does not match the certificate (another public key,
    /// or another key type): a signature made with it could never verify.
    KeyMismatch(String),
    /// The requested operation is not supported.
    Unsupported(String),
}

impl ErrorKind {
    /// A stable code for harnesses and bindings, e.g. `SIG-E-NOT-PDF`; it
    /// never changes meaning, whatever the message says.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::UnexpectedEnd => "SIG-E-END",
            Self::UnexpectedToken => "SIG-E-TOKEN",
            Self::TooDeep => "SIG-E-DEPTH",
            Self::BadName => "SIG-E-NAME",
            Self::BadHexString => "SIG-E-HEX",
            Self::BadNumber => "SIG-E-NUMBER",
            Self::NotPdf => "SIG-E-NOT-PDF",
            Self::NoRevision => "SIG-E-NO-REVISION",
            Self::Truncated => "SIG-E-TRUNCATED",
            Self::LimitExceeded(_) => "SIG-E-LIMIT",
            Self::Structure(_) => "SIG-E-STRUCTURE",
            Self::Asn1(_) => "SIG-E-ASN1",
            Self::Key(_) => "SIG-E-KEY",
            Self::KeyMismatch(_) => "SIG-E-KEY-MISMATCH",
            Self::Unsupported(_) => "SIG-E-UNSUPPORTED",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnexpectedEnd => f.write_str("unexpected end of input"),
            Self::UnexpectedToken => f.write_str("unexpected token"),
            Self::TooDeep => f.write_str("objects nested too deeply"),
            Self::BadName => f.write_str("malformed name"),
            Self::BadHexString => f.write_str("malformed hex string"),
            Self::BadNumber => f.write_str("malformed number"),
            Self::NotPdf => f.write_str("not a PDF file (no %PDF- header)"),
            Self::NoRevision => f.write_str("no complete revision (startxref … %%EOF)"),
            Self::Truncated => f.write_str(
                "the file is truncated or damaged: objects after the last %%EOF are not closed by startxref … %%EOF",
            ),
            Self::LimitExceeded(what) => write!(f, "limit exceeded: {what}"),
            Self::Structure(what) => write!(f, "malformed structure: {what}"),
            Self::Asn1(what) => write!(f, "malformed ASN.1: {what}"),
            Self::Key(what) => write!(f, "unusable key or certificate: {what}"),
            Self::KeyMismatch(what) => {
                write!(f, "the key does not match the certificate: {what}")
            }
            Self::Unsupported(what) => write!(f, "unsupported: {what}"),
        }
    }
}

/// An error with the byte offset where it was found, when known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    offset: Option<usize>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(offset) => write!(f, "{} at byte {offset}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

impl Error {
    /// The stable code of the error's kind: [`ErrorKind::code`].
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// An error at a byte offset.
    #[must_use]
    pub fn at(kind: ErrorKind, offset: usize) -> Self {
        Self {
            kind,
            offset: Some(offset),
        }
    }

    /// An error with no position.
    #[must_use]
    pub fn new(kind: ErrorKind) -> Self {
        Self { kind, offset: None }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The byte offset in the input, when known.
    #[must_use]
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }
}

impl From<der::Error> for Error {
    fn from(e: der::Error) -> Self {
        let offset = e
            .position()
            .and_then(|p| usize::try_from(u32::from(p)).ok());
        Self {
            kind: ErrorKind::Asn1(e.kind().to_string()),
            offset,
        }
    }
}
