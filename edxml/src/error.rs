//! The one error type of this crate: input that cannot be read (or written) at all.
//!
//! A readable but non-compliant package is not an error: it is `Ok` with
//! [`Finding`](vanthu_identifiers::Finding)s.

use std::fmt;

use vanthu_identifiers::{Finding, Location};

/// Where in the input an error happened: byte offset, 1-based line and column
/// (in characters), and the element path when known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct Position {
    /// Byte offset from the start of the input.
    pub offset: u64,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl Position {
    /// This position as a shared [`Location`], with an optional element path.
    #[must_use]
    pub fn to_location(self, path: Option<&str>) -> Location {
        let mut location = Location::at_offset(usize::try_from(self.offset).unwrap_or(usize::MAX))
            .with_line_column(self.line, self.column);
        if let Some(path) = path {
            location = location.with_path(path);
        }
        location
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {} (byte {})",
            self.line, self.column, self.offset
        )
    }
}

/// Older or regional edXML dialects that this crate recognises but does not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub enum Dialect {
    /// The 2014 SOAP dialect (Công văn 2803/BTTTT-THH), namespace
    /// `http://www.e-doc.vn/Schema/`, usually inside a `SOAP-ENV:Envelope`.
    Soap2014,
    /// The Lạng Sơn "HDSD v2.2" flat dialect, namespace `http://www.go.vn/eDoc`.
    LangSonGoVn,
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Soap2014 => {
                "the 2014 SOAP edXML dialect (http://www.e-doc.vn/Schema/, Công văn 2803/BTTTT-THH)"
            }
            Self::LangSonGoVn => "the Lạng Sơn HDSD v2.2 dialect (http://www.go.vn/eDoc)",
        })
    }
}

/// Which configurable limit was exceeded (see [`Limits`](crate::Limits)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_package_bytes`](crate::Limits::max_package_bytes).
    PackageBytes,
    /// [`Limits::max_depth`](crate::Limits::max_depth).
    Depth,
    /// [`Limits::max_elements`](crate::Limits::max_elements).
    Elements,
    /// [`Limits::max_attachments`](crate::Limits::max_attachments).
    Attachments,
    /// [`Limits::max_text_bytes`](crate::Limits::max_text_bytes).
    TextBytes,
    /// [`Limits::max_attributes`](crate::Limits::max_attributes).
    Attributes,
    /// [`Limits::max_tree_bytes`](crate::Limits::max_tree_bytes).
    TreeBytes,
    /// [`Limits::max_unzipped_bytes`](crate::Limits::max_unzipped_bytes).
    UnzippedBytes,
    /// [`Limits::max_extracted_bytes`](crate::Limits::max_extracted_bytes).
    ExtractedBytes,
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::PackageBytes => "package size",
            Self::Depth => "element depth",
            Self::Elements => "element count",
            Self::Attachments => "attachment count",
            Self::TextBytes => "text length",
            Self::Attributes => "attributes per element",
            Self::TreeBytes => "element tree memory (max_tree_bytes)",
            Self::UnzippedBytes => "unzipped attachment size (max_unzipped_bytes)",
            Self::ExtractedBytes => "total extracted size (max_extracted_bytes)",
        })
    }
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not well-formed XML.
    #[error("malformed XML: {0}")]
    Malformed(String),
    /// The input is not UTF-8 (edXML packages are UTF-8, TCVN 6909:2001; UTF-16
    /// with a byte order mark is transcoded, see [`Utf16ToUtf8`](crate::Utf16ToUtf8)).
    #[error("the input is not valid UTF-8")]
    NotUtf8,
    /// The XML declaration names an encoding other than UTF-8.
    #[error("unsupported encoding {0:?}: edXML packages are UTF-8")]
    UnsupportedEncoding(String),
    /// A `<!DOCTYPE>` was found; it is refused to rule out XXE and entity expansion.
    #[error("a DOCTYPE declaration is not allowed in an edXML package")]
    Doctype,
    /// An entity reference other than the five predefined ones or a character reference.
    #[error("undefined entity reference &{0};")]
    UndefinedEntity(String),
    /// A configured limit was exceeded.
    #[error("{limit} limit of {max} exceeded")]
    LimitExceeded {
        /// Which limit.
        limit: Limit,
        /// The configured maximum.
        max: u64,
    },
    /// The root element is not `edXML`, or it has no envelope.
    #[error("not an edXML package: {0}")]
    NotEdxml(String),
    /// A recognised dialect that this crate does not read.
    #[error("this is {0}, not a QCVN 102:2016 package; convert it first")]
    UnsupportedDialect(Dialect),
    /// An attachment's Base64 content is invalid.
    #[error("attachment {index}: invalid Base64: {reason}")]
    InvalidBase64 {
        /// Index of the attachment in document order.
        index: usize,
        /// What is wrong.
        reason: String,
    },
    /// No attachment with this index or content id.
    #[error("no such attachment: {0}")]
    NoSuchAttachment(String),
    /// A ZIP wrapper could not be opened.
    #[error("ZIP: {0}")]
    Zip(String),
    /// Reading the input or writing the output failed.
    #[error("I/O: {0}")]
    Io(String),
    /// The model holds something that has no well-formed XML form (a
    /// comment containing `--`, a processing instruction with the target
    /// `xml`, an element where only comments may stand, …): the writer
    /// refuses it rather than write a package no parser accepts.
    #[error("cannot be written as well-formed XML: {0}")]
    Unwritable(String),
}

impl ErrorKind {
    /// A stable code for this kind of error, e.g. `EDXML-E-MALFORMED`: it
    /// never changes meaning, whatever the wording of the message. Every
    /// code starts with `EDXML-E-`; `docs/edxml.md` §10 lists them.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Malformed(_) => "EDXML-E-MALFORMED",
            Self::NotUtf8 => "EDXML-E-NOT-UTF8",
            Self::UnsupportedEncoding(_) => "EDXML-E-ENCODING",
            Self::Doctype => "EDXML-E-DOCTYPE",
            Self::UndefinedEntity(_) => "EDXML-E-ENTITY",
            Self::LimitExceeded { .. } => "EDXML-E-LIMIT",
            Self::NotEdxml(_) => "EDXML-E-NOT-EDXML",
            Self::UnsupportedDialect(_) => "EDXML-E-DIALECT",
            Self::InvalidBase64 { .. } => "EDXML-E-BASE64",
            Self::NoSuchAttachment(_) => "EDXML-E-NO-ATTACHMENT",
            Self::Zip(_) => "EDXML-E-ZIP",
            Self::Io(_) => "EDXML-E-IO",
            Self::Unwritable(_) => "EDXML-E-UNWRITABLE",
        }
    }

    /// What went wrong, in Vietnamese (without the English details).
    fn message_vi(&self) -> String {
        match self {
            Self::Malformed(_) => "XML không đúng cú pháp".to_owned(),
            Self::NotUtf8 => "dữ liệu không phải UTF-8".to_owned(),
            Self::UnsupportedEncoding(e) => {
                format!("bảng mã {e:?} không được hỗ trợ: gói tin edXML dùng UTF-8")
            }
            Self::Doctype => "gói tin edXML không được có khai báo DOCTYPE".to_owned(),
            Self::UndefinedEntity(e) => format!("thực thể &{e}; chưa được định nghĩa"),
            Self::LimitExceeded { max, .. } => format!("vượt giới hạn {max}"),
            Self::NotEdxml(_) => "không phải gói tin edXML".to_owned(),
            Self::UnsupportedDialect(_) => {
                "phương ngữ edXML cũ, không theo QCVN 102:2016; cần chuyển đổi trước".to_owned()
            }
            Self::InvalidBase64 { index, .. } => {
                format!("tệp đính kèm {index}: Base64 không hợp lệ")
            }
            Self::NoSuchAttachment(a) => format!("không có tệp đính kèm {a}"),
            Self::Zip(_) => "không mở được tệp nén ZIP".to_owned(),
            Self::Io(_) => "lỗi đọc hoặc ghi dữ liệu".to_owned(),
            Self::Unwritable(_) => "không ghi được thành XML hợp lệ".to_owned(),
        }
    }
}

/// The error of this crate: what went wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdxmlError {
    kind: ErrorKind,
    position: Option<Position>,
}

impl EdxmlError {
    /// An error with no position.
    #[must_use]
    pub fn new(kind: ErrorKind) -> Self {
        Self {
            kind,
            position: None,
        }
    }

    /// An error at `position`.
    #[must_use]
    pub fn at(kind: ErrorKind, position: Position) -> Self {
        Self {
            kind,
            position: Some(position),
        }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where, when it is known.
    #[must_use]
    pub fn position(&self) -> Option<Position> {
        self.position
    }

    /// The stable code of this error's kind ([`ErrorKind::code`]).
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Whether the input was read far enough to be judged and is refused
    /// by a rule: a `DOCTYPE` ([`ErrorKind::Doctype`], `EDXML-XML-010`) or
    /// invalid attachment Base64 ([`ErrorKind::InvalidBase64`],
    /// `EDXML-ATT-001`). A caller reports [`to_finding`](Self::to_finding)
    /// as a finding of a package that is not acceptable (the CLI exits 1),
    /// not as an unreadable input (exit 2).
    ///
    /// ```
    /// let err = vanthu_edxml::read(b"<!DOCTYPE x [<!ENTITY a 'b'>]><edXML/>").unwrap_err();
    /// assert!(err.is_refusal());
    /// assert_eq!(err.to_finding().rule, "EDXML-XML-010");
    /// ```
    #[must_use]
    pub const fn is_refusal(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Doctype | ErrorKind::InvalidBase64 { .. }
        )
    }

    /// This error as a finding at the error's byte offset, line and column,
    /// so that a harness reports it in the shared [`Finding`] shape: a
    /// [refusal](Self::is_refusal) as the finding of its rule, any other
    /// error as [`rules::READ_ERROR`](crate::rules::READ_ERROR)
    /// (`EDXML-READ-001`), its message starting with the stable
    /// [`code`](Self::code).
    #[must_use]
    pub fn to_finding(&self) -> Finding {
        let location = self
            .position
            .map(|p| p.to_location(None))
            .unwrap_or_default();
        match &self.kind {
            ErrorKind::Doctype => return crate::rules::DOCTYPE.finding("", location),
            ErrorKind::InvalidBase64 { index, reason } => {
                let rule = &crate::rules::INVALID_BASE64;
                return rule.custom(
                    format!("{}: {reason}", rule.title),
                    rule.title_vi,
                    location.with_path(format!(
                        "AttachmentEncoded/Attachment[{}]/ContentTransferEncoded",
                        index + 1
                    )),
                );
            }
            _ => {}
        }
        crate::rules::READ_ERROR.custom(
            format!("the package cannot be read: {} ({self})", self.code()),
            format!(
                "không đọc được gói tin: {} ({})",
                self.code(),
                self.kind.message_vi()
            ),
            location,
        )
    }

    pub(crate) fn io(error: &std::io::Error) -> Self {
        Self::new(ErrorKind::Io(error.to_string()))
    }
}

impl fmt::Display for EdxmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(position) => write!(f, "{} at {position}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for EdxmlError {}
