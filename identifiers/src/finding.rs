//! Findings: what a lenient reader noticed about input it could still read.
//!
//! Every crate of vanthu reports deviations from the strict form with the same
//! [`Finding`] value, so that a compliance harness can key on [`Finding::rule`]
//! whatever produced it.

use std::fmt;

/// How serious a [`Finding`] is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
// Closed: three levels by design: a finding is an error, a warning or a note. Matching on it exhaustively is safe.
#[allow(clippy::exhaustive_enums)]
pub enum Severity {
    /// A note: the input is fine, but a reader may want to know. Read as
    /// `info` too (the name before 0.2).
    #[serde(alias = "info")]
    Note,
    /// The input deviates from the strict form; a lenient receiver accepts it.
    Warning,
    /// The input breaks a rule; a strict receiver rejects it.
    Error,
}

impl Severity {
    /// The lower-case name used in JSON output: `note`, `warning` or `error`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Note => "note",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl Severity {
    /// The name in Vietnamese, as printed for a clerk: `lỗi`, `cảnh báo` or
    /// `ghi chú`.
    #[must_use]
    pub const fn name_vi(self) -> &'static str {
        match self {
            Self::Note => "ghi chú",
            Self::Warning => "cảnh báo",
            Self::Error => "lỗi",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in the input a [`Finding`] applies.
///
/// Every part is optional: an identifier only knows a byte offset, a document
/// also knows the line, column and the element path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// Byte offset from the start of the input.
    pub offset: Option<u64>,
    /// 1-based line number.
    pub line: Option<u32>,
    /// 1-based column, counted in characters.
    pub column: Option<u32>,
    /// Path of the element or field, e.g. `edXMLHeader/MessageHeader/From/OrganId`.
    pub path: Option<String>,
}

impl Location {
    /// A location known only by its byte offset.
    #[must_use]
    pub fn at_offset(offset: usize) -> Self {
        Self {
            offset: u64::try_from(offset).ok(),
            ..Self::default()
        }
    }

    /// A location known by its element or field path.
    #[must_use]
    pub fn at_path(path: impl Into<String>) -> Self {
        Self {
            path: Some(path.into()),
            ..Self::default()
        }
    }

    /// This location with a line and column added.
    #[must_use]
    pub fn with_line_column(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// This location with a path added.
    #[must_use]
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// True when nothing is known about the location.
    #[must_use]
    pub fn is_unknown(&self) -> bool {
        self.offset.is_none() && self.line.is_none() && self.path.is_none()
    }
}

impl Location {
    /// The location in Vietnamese (`PATH, dòng L, cột C, byte B`), as
    /// [`Display`](fmt::Display) writes it in English.
    ///
    /// ```
    /// use vanthu_identifiers::Location;
    /// let at = Location::at_path("METS.xml").with_line_column(3, 7);
    /// assert_eq!(at.to_string(), "METS.xml, line 3, column 7");
    /// assert_eq!(at.to_string_vi(), "METS.xml, dòng 3, cột 7");
    /// ```
    #[must_use]
    pub fn to_string_vi(&self) -> String {
        self.render(["dòng", "cột", "không rõ vị trí"])
    }

    fn render(&self, [line_word, column_word, unknown]: [&str; 3]) -> String {
        let mut parts = Vec::new();
        if let Some(path) = &self.path {
            parts.push(path.clone());
        }
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                parts.push(format!("{line_word} {line}, {column_word} {column}"));
            }
            (Some(line), None) => parts.push(format!("{line_word} {line}")),
            _ => {}
        }
        if let Some(offset) = self.offset {
            parts.push(format!("byte {offset}"));
        }
        if parts.is_empty() {
            unknown.to_owned()
        } else {
            parts.join(", ")
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(["line", "column", "unknown location"]))
    }
}

/// A deviation from the strict form, found in input that could still be read.
///
/// `Err` means "cannot read this"; a readable but non-compliant input is `Ok`
/// with findings. Each finding has a stable [`rule`](Self::rule) id that
/// compliance harnesses key on, a message in English and Vietnamese, where it
/// applies, and the source of the rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// Stable rule id, e.g. `ID-AGENCY-IRREGULAR` or `EDXML-HDR-003`.
    pub rule: String,
    /// How serious it is.
    pub severity: Severity,
    /// What was found, in English.
    pub message: String,
    /// What was found, in Vietnamese.
    pub message_vi: String,
    /// Where it applies.
    pub location: Location,
    /// The rule's source: a regulation article, decree or standard.
    pub source: String,
    /// The requirement of an external specification this finding reports,
    /// by its id there (`CSIP2`, `SIP4`, `CSIPSTR4` of E-ARK), so that a
    /// harness can map results to the specification line by line. `None`
    /// (and absent from JSON) for vanthu's own rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<String>,
}

impl Finding {
    /// A finding with no location.
    #[must_use]
    pub fn new(
        rule: impl Into<String>,
        severity: Severity,
        message: impl Into<String>,
        message_vi: impl Into<String>,
        source: impl Into<String>,
    ) -> Self {
        Self {
            rule: rule.into(),
            severity,
            message: message.into(),
            message_vi: message_vi.into(),
            location: Location::default(),
            source: source.into(),
            requirement: None,
        }
    }

    /// This finding, reporting the requirement `id` of an external
    /// specification (see [`requirement`](Self::requirement)).
    ///
    /// ```
    /// use vanthu_identifiers::{Finding, Severity};
    /// let f = Finding::new("ARCH-X", Severity::Error, "m", "m", "E-ARK CSIP 2.1.0 CSIP2")
    ///     .with_requirement("CSIP2");
    /// assert_eq!(f.requirement.as_deref(), Some("CSIP2"));
    /// ```
    #[must_use]
    pub fn with_requirement(mut self, id: impl Into<String>) -> Self {
        self.requirement = Some(id.into());
        self
    }

    /// This finding, located at `location`.
    #[must_use]
    pub fn at(mut self, location: Location) -> Self {
        self.location = location;
        self
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] {}", self.severity, self.rule, self.message)?;
        if !self.location.is_unknown() {
            write!(f, " ({})", self.location)?;
        }
        Ok(())
    }
}
