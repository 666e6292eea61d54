//! The one verdict every crate of vanthu gives: a list of findings and
//! whether they allow calling the input conformant.

use crate::finding::{Finding, Severity};

/// True when no finding is an [`Severity::Error`]: the one definition of
/// *conformant* in vanthu. Warnings and notes are allowed: a warning is a
/// deviation that a lenient receiver accepts.
#[must_use]
pub fn conformant(findings: &[Finding]) -> bool {
    !findings.iter().any(|f| f.severity == Severity::Error)
}

/// How many of `findings` have `severity`.
#[must_use]
pub fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}

/// Findings and the verdict they imply.
///
/// `conformant` is always [`conformant(&findings)`](conformant): the value is
/// kept in the struct so that it appears in the JSON a harness reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// No finding is an error.
    pub conformant: bool,
    /// Every finding, in the order found.
    pub findings: Vec<Finding>,
}

impl Report {
    /// The report of these findings.
    #[must_use]
    pub fn new(findings: Vec<Finding>) -> Self {
        Self {
            conformant: conformant(&findings),
            findings,
        }
    }

    /// Adds findings and updates the verdict.
    pub fn extend(&mut self, findings: impl IntoIterator<Item = Finding>) {
        self.findings.extend(findings);
        self.conformant = conformant(&self.findings);
    }

    /// How many findings have `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        count(&self.findings, severity)
    }
}

impl From<Vec<Finding>> for Report {
    fn from(findings: Vec<Finding>) -> Self {
        Self::new(findings)
    }
}
