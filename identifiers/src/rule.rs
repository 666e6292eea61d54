//! Rule catalogues: every rule id a crate of vanthu can report, with its
//! default severity, its title in English and Vietnamese, and the legal text
//! or standard it comes from.
//!
//! Each crate exports its catalogue as `rules::ALL`, built with the
//! [`catalogue!`](crate::catalogue) macro, and makes its findings only through
//! [`Rule::finding`] or [`Rule::custom`], so that no rule id is reported that
//! a user cannot look up (`vanthu rules` lists them all).

use std::fmt;

use crate::finding::{Finding, Location, Severity};

/// One rule of a catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct Rule {
    /// Stable id, e.g. `EDXML-HDR-001`. Ids never change meaning.
    pub id: &'static str,
    /// Default severity (a profile may change it).
    pub severity: Severity,
    /// What the rule checks, in English.
    pub title: &'static str,
    /// What the rule checks, in Vietnamese.
    pub title_vi: &'static str,
    /// Where the rule comes from: a legal text by its official number and
    /// article, or a standard by its name and clause (see `docs/` in the
    /// repository).
    pub source: &'static str,
}

impl Rule {
    /// A rule (used by [`catalogue!`](crate::catalogue)).
    #[must_use]
    pub const fn new(
        id: &'static str,
        severity: Severity,
        title: &'static str,
        title_vi: &'static str,
        source: &'static str,
    ) -> Self {
        Self {
            id,
            severity,
            title,
            title_vi,
            source,
        }
    }

    /// A finding of this rule at `location`, with `detail` appended to both
    /// titles (`title: detail`). The detail should be language-neutral (a
    /// value, a name, a number); use [`Rule::custom`] for sentences.
    #[must_use]
    pub fn finding(&self, detail: &str, location: Location) -> Finding {
        let (en, vi) = if detail.is_empty() {
            (self.title.to_owned(), self.title_vi.to_owned())
        } else {
            (
                format!("{}: {detail}", self.title),
                format!("{}: {detail}", self.title_vi),
            )
        };
        Finding::new(self.id, self.severity, en, vi, self.source).at(location)
    }

    /// A finding of this rule at `location` with messages of its own.
    #[must_use]
    pub fn custom(
        &self,
        message: impl Into<String>,
        message_vi: impl Into<String>,
        location: Location,
    ) -> Finding {
        Finding::new(self.id, self.severity, message, message_vi, self.source).at(location)
    }

    /// The same rule with another severity (profiles adjust severities).
    #[must_use]
    pub const fn with_severity(self, severity: Severity) -> Self {
        Self { severity, ..self }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {} [{}]",
            self.id, self.severity, self.title, self.source
        )
    }
}

/// Defines a crate's rule catalogue: one `pub const` [`Rule`] per rule and
/// `pub const ALL: &[Rule]` listing them in order.
///
/// ```
/// mod rules {
///     use vanthu_identifiers::Severity;
///     vanthu_identifiers::catalogue! {
///         /// The subject is empty.
///         NO_SUBJECT = ("EXAMPLE-001", Error, "no subject", "không có trích yếu",
///             "Nghị định 30/2020/NĐ-CP Phụ lục I");
///     }
/// }
/// assert_eq!(rules::ALL[0].id, "EXAMPLE-001");
/// assert_eq!(rules::NO_SUBJECT.finding("", Default::default()).rule, "EXAMPLE-001");
/// ```
#[macro_export]
macro_rules! catalogue {
    ($($(#[$doc:meta])* $name:ident = ($id:literal, $sev:ident, $en:expr, $vi:expr, $src:expr);)*) => {
        $( $(#[$doc])* pub const $name: $crate::Rule = $crate::Rule::new($id, $crate::Severity::$sev, $en, $vi, $src); )*
        /// Every rule of this catalogue, in order.
        pub const ALL: &[$crate::Rule] = &[$($name),*];
    };
}
