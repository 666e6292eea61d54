//! The validation report vocabulary of ETSI EN 319 102-1: indications,
//! sub-indications and named checks, each explained in English and Vietnamese
//! (Circular 15/2025/TT-BKHCN requires results shown in Vietnamese).

use std::fmt;

/// The main indication of ETSI EN 319 102-1 §5.1.3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum Indication {
    /// Every check passed.
    #[serde(rename = "TOTAL_PASSED")]
    TotalPassed,
    /// The checks could not conclude (missing trust, expired certificate…).
    #[serde(rename = "INDETERMINATE")]
    Indeterminate,
    /// A check proved the signature invalid (hash, cryptography, format).
    #[serde(rename = "TOTAL_FAILED")]
    TotalFailed,
}

impl Indication {
    /// `TOTAL_PASSED`, `INDETERMINATE` or `TOTAL_FAILED`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::TotalPassed => "TOTAL_PASSED",
            Self::Indeterminate => "INDETERMINATE",
            Self::TotalFailed => "TOTAL_FAILED",
        }
    }
}

impl fmt::Display for Indication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Sub-indications of ETSI EN 319 102-1 Table 5 (the subset this crate emits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum SubIndication {
    /// The signature is not in the expected format (ByteRange, CMS structure).
    FormatFailure,
    /// The digest of the signed bytes does not match.
    HashFailure,
    /// The signature value does not verify with the signer's key.
    SigCryptoFailure,
    /// The signing certificate is revoked.
    Revoked,
    /// A signature constraint is not met (e.g. forbidden modifications).
    SigConstraintsFailure,
    /// A certificate in the path breaks a constraint (CA flag, key usage, path length).
    ChainConstraintsFailure,
    /// The path could not be validated for another reason.
    CertificateChainGeneralFailure,
    /// An algorithm or key size is not acceptable.
    CryptoConstraintsFailure,
    /// A certificate was not yet valid at the validation time.
    NotYetValid,
    /// The signing certificate could not be identified.
    NoSigningCertificateFound,
    /// No path to a trust anchor could be built.
    NoCertificateChainFound,
    /// A certificate was outside its validity at the validation time, with no proof of existence.
    OutOfBoundsNoPoe,
}

impl SubIndication {
    /// The ETSI name, e.g. `HASH_FAILURE`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::FormatFailure => "FORMAT_FAILURE",
            Self::HashFailure => "HASH_FAILURE",
            Self::SigCryptoFailure => "SIG_CRYPTO_FAILURE",
            Self::Revoked => "REVOKED",
            Self::SigConstraintsFailure => "SIG_CONSTRAINTS_FAILURE",
            Self::ChainConstraintsFailure => "CHAIN_CONSTRAINTS_FAILURE",
            Self::CertificateChainGeneralFailure => "CERTIFICATE_CHAIN_GENERAL_FAILURE",
            Self::CryptoConstraintsFailure => "CRYPTO_CONSTRAINTS_FAILURE",
            Self::NotYetValid => "NOT_YET_VALID",
            Self::NoSigningCertificateFound => "NO_SIGNING_CERTIFICATE_FOUND",
            Self::NoCertificateChainFound => "NO_CERTIFICATE_CHAIN_FOUND",
            Self::OutOfBoundsNoPoe => "OUT_OF_BOUNDS_NO_POE",
        }
    }

    /// The indication this sub-indication belongs to (EN 319 102-1 Table 5).
    #[must_use]
    pub const fn indication(self) -> Indication {
        match self {
            Self::FormatFailure | Self::HashFailure | Self::SigCryptoFailure | Self::Revoked => {
                Indication::TotalFailed
            }
            _ => Indication::Indeterminate,
        }
    }
}

impl fmt::Display for SubIndication {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The outcome of one named check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The check passed.
    Passed,
    /// The check passed with a reservation a reader should see.
    Warning,
    /// The check failed.
    Failed,
    /// The check could not run because an earlier one failed.
    Skipped,
}

/// One named check, DSS style, with its explanation in two languages.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Check {
    /// Stable id, e.g. `MESSAGE_DIGEST`.
    pub id: &'static str,
    /// The outcome.
    pub outcome: Outcome,
    /// The sub-indication a failure implies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub_indication: Option<SubIndication>,
    /// What was checked and found, in English.
    pub message: String,
    /// The same, in Vietnamese.
    pub message_vi: String,
}

impl Check {
    pub(crate) fn passed(id: &'static str, en: impl Into<String>, vi: impl Into<String>) -> Self {
        Self {
            id,
            outcome: Outcome::Passed,
            sub_indication: None,
            message: en.into(),
            message_vi: vi.into(),
        }
    }

    pub(crate) fn warning(id: &'static str, en: impl Into<String>, vi: impl Into<String>) -> Self {
        Self {
            id,
            outcome: Outcome::Warning,
            sub_indication: None,
            message: en.into(),
            message_vi: vi.into(),
        }
    }

    pub(crate) fn failed(
        id: &'static str,
        sub: SubIndication,
        en: impl Into<String>,
        vi: impl Into<String>,
    ) -> Self {
        Self {
            id,
            outcome: Outcome::Failed,
            sub_indication: Some(sub),
            message: en.into(),
            message_vi: vi.into(),
        }
    }
}

/// The indication and sub-indication implied by a list of checks: the first
/// TOTAL_FAILED failure wins, then the first INDETERMINATE one.
#[must_use]
pub fn conclude(checks: &[Check]) -> (Indication, Option<SubIndication>) {
    let failures = || checks.iter().filter(|c| c.outcome == Outcome::Failed);
    if let Some(sub) = failures()
        .filter_map(|c| c.sub_indication)
        .find(|s| s.indication() == Indication::TotalFailed)
    {
        return (Indication::TotalFailed, Some(sub));
    }
    if let Some(c) = failures().next() {
        return (Indication::Indeterminate, c.sub_indication);
    }
    (Indication::TotalPassed, None)
}
