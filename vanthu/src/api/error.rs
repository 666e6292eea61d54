//! [`ApiError`]: the one error of the facade, with stable numeric codes that
//! the C ABI returns as status codes and every binding exposes.

use std::fmt;

use serde::{Deserialize, Serialize};
use vanthu_identifiers::{Finding, Location};

use crate::error::{CheckError, ErrorKind};

/// What kind of error: each has a stable number ([`Self::code`]), the status
/// code of the C ABI (0 is success there). The table is in `docs/bindings.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// An argument cannot be used: a time, a status code, an agency id,
    /// options that are not JSON of the schema, a year outside 1900–2100.
    InvalidArgument,
    /// A file or folder cannot be read or written.
    Io,
    /// The input cannot be read as the format it must be (not an edXML
    /// package, not a PDF, a damaged package, a limit exceeded).
    Unreadable,
    /// The input was read, but a rule refuses it or refuses the action:
    /// `rule` names it (a `DOCTYPE` in a package, a reply the workflow
    /// would not send, an event the office cannot apply).
    Refused,
    /// A trust anchor, revocation list or OCSP response cannot be read.
    Trust,
    /// No file to check was found.
    NothingToCheck,
    /// A well-formed lunar date that does not exist in its year.
    NoSuchDate,
    /// The encoding of a text cannot be told with enough confidence.
    UnknownEncoding,
    /// A PDF cannot be signed (certificate not valid at the signing time,
    /// a signature value that does not verify with it, no room for the CMS).
    Signing,
    /// A bug in vanthu: a panic caught at the boundary of a binding.
    Internal,
}

impl ApiErrorKind {
    /// The stable number of this kind (never reused, never renumbered).
    #[must_use]
    pub const fn code(self) -> u32 {
        match self {
            Self::InvalidArgument => 1,
            Self::Io => 2,
            Self::Unreadable => 3,
            Self::Refused => 4,
            Self::Trust => 5,
            Self::NothingToCheck => 6,
            Self::NoSuchDate => 7,
            Self::UnknownEncoding => 8,
            Self::Signing => 9,
            Self::Internal => 99,
        }
    }

    /// Every kind, in the order of their codes.
    pub const ALL: [Self; 10] = [
        Self::InvalidArgument,
        Self::Io,
        Self::Unreadable,
        Self::Refused,
        Self::Trust,
        Self::NothingToCheck,
        Self::NoSuchDate,
        Self::UnknownEncoding,
        Self::Signing,
        Self::Internal,
    ];

    /// The name of the kind as it appears in JSON (`invalid_argument`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidArgument => "invalid_argument",
            Self::Io => "io",
            Self::Unreadable => "unreadable",
            Self::Refused => "refused",
            Self::Trust => "trust",
            Self::NothingToCheck => "nothing_to_check",
            Self::NoSuchDate => "no_such_date",
            Self::UnknownEncoding => "unknown_encoding",
            Self::Signing => "signing",
            Self::Internal => "internal",
        }
    }

    /// What the kind means, in Vietnamese: the start of every `message_vi`.
    #[must_use]
    pub const fn message_vi(self) -> &'static str {
        match self {
            Self::InvalidArgument => "tham số không hợp lệ",
            Self::Io => "không đọc hoặc ghi được tệp, thư mục",
            Self::Unreadable => "không đọc được dữ liệu đầu vào theo định dạng yêu cầu",
            Self::Refused => "dữ liệu bị từ chối theo quy định",
            Self::Trust => "không đọc được chứng thư tin cậy, danh sách thu hồi hoặc phản hồi OCSP",
            Self::NothingToCheck => "không tìm thấy tệp nào để kiểm tra",
            Self::NoSuchDate => "ngày âm lịch này không có trong năm đó",
            Self::UnknownEncoding => "không xác định được bảng mã của văn bản",
            Self::Signing => "không ký được tệp PDF",
            Self::Internal => "lỗi nội bộ của vanthu",
        }
    }
}

impl fmt::Display for ApiErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of every facade function: what the C ABI returns as JSON
/// (`{"code": 2, "kind": "io", "message": …, "message_vi": …, "location": …}`)
/// and the bindings raise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
#[non_exhaustive]
pub struct ApiError {
    /// The stable number of `kind` ([`ApiErrorKind::code`]).
    pub code: u32,
    /// What kind of error.
    pub kind: ApiErrorKind,
    /// In English, naming the file or value concerned.
    pub message: String,
    /// In Vietnamese.
    pub message_vi: String,
    /// Where in the input, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Box<Location>>,
    /// The rule that refuses the input ([`ApiErrorKind::Refused`]), e.g.
    /// `EDXML-XML-010`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl ApiError {
    /// An error of `kind`; its Vietnamese message is the kind's
    /// ([`ApiErrorKind::message_vi`]).
    #[must_use]
    pub fn new(kind: ApiErrorKind, message: impl Into<String>) -> Self {
        Self {
            code: kind.code(),
            kind,
            message: message.into(),
            message_vi: kind.message_vi().to_owned(),
            location: None,
            rule: None,
        }
    }

    /// This error with a more precise Vietnamese message.
    #[must_use]
    pub fn with_message_vi(mut self, message_vi: impl Into<String>) -> Self {
        self.message_vi = message_vi.into();
        self
    }

    /// A [`ApiErrorKind::Refused`] error from the finding of the rule that
    /// refuses; `context` (a file name) starts the English message.
    #[must_use]
    pub fn refused(context: &str, finding: &Finding) -> Self {
        let message = if context.is_empty() {
            format!("{finding} [{}]", finding.source)
        } else {
            format!("{context}: {finding} [{}]", finding.source)
        };
        Self {
            location: (!finding.location.is_unknown()).then(|| Box::new(finding.location.clone())),
            rule: Some(finding.rule.clone()),
            message_vi: finding.message_vi.clone(),
            ..Self::new(ApiErrorKind::Refused, message)
        }
    }

    /// An [`ApiErrorKind::InvalidArgument`] error.
    #[must_use]
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ApiErrorKind::InvalidArgument, message)
    }

    /// An [`ApiErrorKind::Io`] error about `path`.
    #[must_use]
    pub fn io(what: &str, path: &std::path::Path, e: &std::io::Error) -> Self {
        Self::new(
            ApiErrorKind::Io,
            format!("cannot {what} {}: {e}", path.display()),
        )
    }

    /// An [`ApiErrorKind::Unreadable`] error.
    #[must_use]
    pub fn unreadable(message: impl Into<String>) -> Self {
        Self::new(ApiErrorKind::Unreadable, message)
    }

    /// The [`ApiErrorKind::Internal`] error for a panic caught at a
    /// binding's boundary, with the panic's message.
    #[must_use]
    pub fn from_panic(payload: &(dyn std::any::Any + Send)) -> Self {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Self::new(
            ApiErrorKind::Internal,
            format!("internal error (a bug in vanthu, please report it): {what}"),
        )
    }
}

/// Runs `call`, a panic in it being an [`ApiErrorKind::Internal`] error
/// ([`ApiError::from_panic`]) rather than an unwind: what every binding does
/// at its boundary, where a panic must never unwind into the host runtime.
///
/// # Errors
/// `call`'s error, or the panic as an `internal` error.
pub fn catch_panic<T>(call: impl FnOnce() -> Result<T, ApiError>) -> Result<T, ApiError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call))
        .unwrap_or_else(|payload| Err(ApiError::from_panic(&*payload)))
}

impl From<CheckError> for ApiError {
    fn from(e: CheckError) -> Self {
        let kind = match e.kind {
            ErrorKind::Options => ApiErrorKind::InvalidArgument,
            ErrorKind::Trust => ApiErrorKind::Trust,
            ErrorKind::Io => ApiErrorKind::Io,
            ErrorKind::NothingToCheck => ApiErrorKind::NothingToCheck,
            _ => ApiErrorKind::Unreadable,
        };
        Self::new(kind, e.message)
    }
}
