//! Helpers to build the shared [`Finding`] values with this crate's rule ids.

use vanthu_identifiers::{Finding, Location, Severity};

/// Decree 30/2020/NĐ-CP, Appendix V (records list).
pub(crate) const ND30_APPX_V: &str = "Nghị định 30/2020/NĐ-CP, Phụ lục V";
/// Decree 30/2020/NĐ-CP, Art. 28 (records list issued at the start of the year).
pub(crate) const ND30_ART28: &str = "Nghị định 30/2020/NĐ-CP, Điều 28";
/// Decree 30/2020/NĐ-CP, Art. 29 (opening and closing records).
pub(crate) const ND30_ART29: &str = "Nghị định 30/2020/NĐ-CP, Điều 29";
/// Decree 30/2020/NĐ-CP, Appendix VI (metadata tables).
pub(crate) const ND30_APPX_VI: &str = "Nghị định 30/2020/NĐ-CP, Phụ lục VI";
/// Decree 30/2020/NĐ-CP, Art. 30–31 (transfer to the agency archive).
pub(crate) const ND30_ART30: &str = "Nghị định 30/2020/NĐ-CP, Điều 30-31";
/// Circular 05/2025/TT-BNV (packages, metadata).
pub(crate) const TT05: &str = "Thông tư 05/2025/TT-BNV";
/// E-ARK Common Specification for Information Packages v2.0.4.
pub(crate) const CSIP: &str = "E-ARK CSIP v2.0.4";

pub(crate) fn finding(
    rule: &str,
    severity: Severity,
    en: impl Into<String>,
    vi: impl Into<String>,
    source: &str,
    path: impl Into<String>,
) -> Finding {
    Finding::new(rule, severity, en, vi, source).at(Location::at_path(path))
}

/// True when any finding is an error.
#[must_use]
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
