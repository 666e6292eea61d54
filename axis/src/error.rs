//! The error of this crate, [`AxisError`], and the catalogue of the error
//! codes the axes are known to return, [`ErrorCode`].

use std::fmt;

use serde::{Deserialize, Serialize};

/// An error code returned by an axis in its JSON answer (`ErrorCode`,
/// `errorCode`). Codes no source documents are kept as
/// [`ErrorCode::Other`], so that they round-trip.
///
/// The numbered codes are those of the Lạng Sơn LGSP user guide (version
/// 2.2, §4); the national axis answers `0` for success and publishes no
/// catalogue of its others (`docs/axis.md` §6); vanthu answers with these
/// numbers when it acts as an axis ([`AxisError::code`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// `10`: the file sent is not valid.
    InvalidFile,
    /// `15`: the system id or its secret key is wrong (also a header
    /// signature that does not verify).
    WrongCredentials,
    /// `18`: a receiving agency does not exist.
    ReceiverUnknown,
    /// `19`: the sending agency is not registered on the axis.
    SenderNotRegistered,
    /// `20`: an internal error of the axis.
    AxisSystemError,
    /// `21`: the axis could not process the file.
    FileProcessing,
    /// `22`: the package does not conform to the edXML format.
    NotConforming,
    /// `23`: a receiving agency is locked.
    ReceiverLocked,
    /// Any other code, as returned.
    Other(String),
}

/// Where the numbered codes are documented.
const LANG_SON_GUIDE: &str = "Lạng Sơn LGSP user guide (HDSD) v2.2 §4, vanthu docs/axis.md §6";

impl ErrorCode {
    /// Every documented code.
    pub const ALL: [Self; 8] = [
        Self::InvalidFile,
        Self::WrongCredentials,
        Self::ReceiverUnknown,
        Self::SenderNotRegistered,
        Self::AxisSystemError,
        Self::FileProcessing,
        Self::NotConforming,
        Self::ReceiverLocked,
    ];

    /// The code for `code` as an axis writes it (surrounding spaces
    /// ignored); `None` for `0`, success.
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim();
        Some(match code {
            "" | "0" => return None,
            "10" => Self::InvalidFile,
            "15" => Self::WrongCredentials,
            "18" => Self::ReceiverUnknown,
            "19" => Self::SenderNotRegistered,
            "20" => Self::AxisSystemError,
            "21" => Self::FileProcessing,
            "22" => Self::NotConforming,
            "23" => Self::ReceiverLocked,
            other => Self::Other(other.to_owned()),
        })
    }

    /// The code as the axis writes it.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidFile => "10",
            Self::WrongCredentials => "15",
            Self::ReceiverUnknown => "18",
            Self::SenderNotRegistered => "19",
            Self::AxisSystemError => "20",
            Self::FileProcessing => "21",
            Self::NotConforming => "22",
            Self::ReceiverLocked => "23",
            Self::Other(code) => code,
        }
    }

    /// What it means, in English.
    #[must_use]
    pub fn message(&self) -> &'static str {
        match self {
            Self::InvalidFile => "the file sent is not valid",
            Self::WrongCredentials => "wrong system id or secret key",
            Self::ReceiverUnknown => "the receiving agency does not exist",
            Self::SenderNotRegistered => "the sending agency is not registered on the axis",
            Self::AxisSystemError => "internal error of the axis",
            Self::FileProcessing => "the axis could not process the file",
            Self::NotConforming => "the package does not conform to the edXML format",
            Self::ReceiverLocked => "the receiving agency is locked",
            Self::Other(_) => "an error code no published source documents",
        }
    }

    /// What it means, in Vietnamese.
    #[must_use]
    pub fn message_vi(&self) -> &'static str {
        match self {
            Self::InvalidFile => "tệp gửi lên không hợp lệ",
            Self::WrongCredentials => "sai mã hệ thống hoặc khóa bí mật",
            Self::ReceiverUnknown => "đơn vị nhận không tồn tại",
            Self::SenderNotRegistered => "đơn vị gửi chưa đăng ký trên trục",
            Self::AxisSystemError => "lỗi hệ thống của trục",
            Self::FileProcessing => "trục không xử lý được tệp",
            Self::NotConforming => "gói tin không đúng định dạng gói tin điện tử",
            Self::ReceiverLocked => "đơn vị nhận đang bị khóa",
            Self::Other(_) => "mã lỗi chưa được tài liệu nào công bố",
        }
    }

    /// Where the code is documented.
    #[must_use]
    pub fn source(&self) -> &'static str {
        match self {
            Self::Other(_) => "none",
            _ => LANG_SON_GUIDE,
        }
    }

    /// Whether sending the same request again later may succeed: the
    /// axis's own faults, not the request's.
    #[must_use]
    pub fn retriable(&self) -> bool {
        matches!(self, Self::AxisSystemError | Self::FileProcessing)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.as_str(), self.message())
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Ok(Self::parse(&code).unwrap_or(Self::Other(code)))
    }
}

/// Why a header signature was refused (what an axis checks of the
/// `XroadVnpt-*` headers, `docs/axis.md` §3).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// A header the signature needs is absent.
    #[error("header {0} is missing")]
    Missing(String),
    /// A header is not in its form.
    #[error("header {header} is malformed: {reason}")]
    Malformed {
        /// The header.
        header: String,
        /// What is wrong.
        reason: String,
    },
    /// The system id is not one the axis knows.
    #[error("system {0:?} is not registered")]
    UnknownSystem(String),
    /// The HMAC does not match: wrong secret, or the headers were changed.
    #[error("the hash-header does not match the signed headers")]
    Mismatch,
    /// A parameter header is sent but not signed.
    #[error("header {0} is not covered by the signature")]
    Unsigned(String),
    /// A signed header is sent with another value than the one signed.
    #[error("header {0} differs from its signed value")]
    Differs(String),
    /// The timestamp is outside the accepted window.
    #[error("timestamp {0:?} is outside the accepted window")]
    Stale(String),
}

impl SignatureError {
    /// The refusal in Vietnamese (the English is its `Display`).
    #[must_use]
    pub fn message_vi(&self) -> String {
        match self {
            Self::Missing(h) => format!("thiếu tiêu đề {h}"),
            Self::Malformed { header, .. } => format!("tiêu đề {header} sai dạng"),
            Self::UnknownSystem(id) => format!("hệ thống {id:?} chưa được đăng ký trên trục"),
            Self::Mismatch => {
                "mã băm của các tiêu đề không khớp: sai khóa bí mật hoặc tiêu đề đã bị sửa"
                    .to_owned()
            }
            Self::Unsigned(h) => format!("tiêu đề {h} không nằm trong phần được ký"),
            Self::Differs(h) => format!("tiêu đề {h} khác giá trị đã ký"),
            Self::Stale(t) => format!("dấu thời gian {t:?} nằm ngoài khoảng cho phép"),
        }
    }
}

/// Everything that can go wrong building a request or reading an answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AxisError {
    /// The axis answered with an error code.
    #[error("the axis refused: {code}{}", if description.is_empty() { String::new() } else { format!(": {description}") })]
    Rejected {
        /// The code.
        code: ErrorCode,
        /// The axis's own description (`ErrorDesc`), as sent.
        description: String,
    },
    /// The axis answered with an HTTP error and no answer of its own.
    #[error("HTTP {status}: {excerpt}")]
    Http {
        /// The status code.
        status: u16,
        /// The start of the body, for the log.
        excerpt: String,
    },
    /// The answer cannot be read as the operation's answer.
    #[error("unexpected answer: {0}")]
    Malformed(String),
    /// The request's headers do not verify.
    #[error("header signature: {0}")]
    Signature(SignatureError),
    /// A request cannot be built from these arguments.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// The operation does not exist on this axis.
    #[error("{operation} is not an operation of the {profile} axis")]
    Unsupported {
        /// The operation.
        operation: &'static str,
        /// The profile.
        profile: &'static str,
    },
}

impl AxisError {
    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::InvalidArgument(message.into())
    }

    pub(crate) fn malformed(message: impl Into<String>) -> Self {
        Self::Malformed(message.into())
    }

    /// Whether the same request may succeed later: no answer at all (status
    /// 0), an HTTP 5xx, 408 or 429, a 401 (the bearer token of a provincial
    /// axis expired: the caller logs in again before the retry), or an axis
    /// code that says the axis failed ([`ErrorCode::retriable`]).
    #[must_use]
    pub fn retriable(&self) -> bool {
        match self {
            Self::Rejected { code, .. } => code.retriable(),
            Self::Http { status, .. } => *status >= 500 || matches!(status, 0 | 401 | 408 | 429),
            _ => false,
        }
    }

    /// The error in Vietnamese (the English is its `Display`); details
    /// written by others (an axis's own description) are left out.
    #[must_use]
    pub fn message_vi(&self) -> String {
        match self {
            Self::Rejected { code, .. } => {
                format!(
                    "trục từ chối, mã lỗi {}: {}",
                    code.as_str(),
                    code.message_vi()
                )
            }
            Self::Http { status: 0, .. } => "không kết nối được tới trục".to_owned(),
            Self::Http { status, .. } => format!("trục trả về lỗi HTTP {status}"),
            Self::Malformed(_) => "câu trả lời của trục không đúng dạng mong đợi".to_owned(),
            Self::Signature(e) => e.message_vi(),
            Self::InvalidArgument(_) => "tham số không hợp lệ, không tạo được yêu cầu".to_owned(),
            Self::Unsupported { operation, profile } => {
                format!("{operation} không phải là thao tác của trục {profile}")
            }
        }
    }

    /// The axis code an axis would answer this error with.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Rejected { code, .. } => code.clone(),
            Self::Signature(_) => ErrorCode::WrongCredentials,
            Self::Http { .. } => ErrorCode::AxisSystemError,
            Self::Malformed(_) | Self::InvalidArgument(_) | Self::Unsupported { .. } => {
                ErrorCode::InvalidFile
            }
        }
    }
}

impl From<SignatureError> for AxisError {
    fn from(e: SignatureError) -> Self {
        Self::Signature(e)
    }
}
