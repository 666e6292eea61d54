//! The validation report vocabulary of ETSI EN 319 102-1: indications,
//! sub-indications and named checks, each explained in English and Vietnamese
//! (Thông tư 15/2025/TT-BKHCN requires results shown in Vietnamese).

use std::fmt;

use vanthu_identifiers::{Finding, Location, Rule, Severity};

use crate::rules;

/// The main indication of ETSI EN 319 102-1 §5.1.3.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
// Closed: the three main indications of ETSI EN 319 102-1 §5.1.3. Matching on it exhaustively is safe.
#[allow(clippy::exhaustive_enums)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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

impl Outcome {
    /// `passed`, `warning`, `failed` or `skipped`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Passed => "passed",
            Self::Warning => "warning",
            Self::Failed => "failed",
            Self::Skipped => "skipped",
        }
    }

    /// The severity of a finding with this outcome: a failure is an error, a
    /// reservation a warning, a check that passed or did not run a note.
    #[must_use]
    pub const fn severity(self) -> Severity {
        match self {
            Self::Failed => Severity::Error,
            Self::Warning => Severity::Warning,
            Self::Passed | Self::Skipped => Severity::Note,
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name of a check, DSS style (`MESSAGE_DIGEST`), and its rule in the
/// catalogue ([`CheckId::rule`], `SIG-MESSAGE-DIGEST`).
///
/// The JSON name is the DSS-style one, so that reports stay readable next to
/// other ETSI EN 319 102-1 validators; the rule id carries the crate prefix so
/// that it shares one namespace with every other rule of vanthu.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum CheckId {
    /// `/SubFilter` is supported.
    SubFilter,
    /// `/ByteRange` is sane and its gap is `/Contents`.
    ByteRange,
    /// The signed range ends at the end of the signature's revision.
    RevisionBoundary,
    /// `/Contents` is a CMS SignedData.
    CmsFormat,
    /// Exactly one SignerInfo.
    OneSignerInfo,
    /// The signer's certificate is found.
    SigningCertificateFound,
    /// The ESS signing-certificate attribute matches.
    SigningCertificateReference,
    /// Algorithms and key sizes of the signature.
    CryptoConstraints,
    /// The CMS is detached.
    DetachedContent,
    /// The content-type attribute.
    ContentType,
    /// The message-digest attribute matches the signed bytes.
    MessageDigest,
    /// A time-stamp's imprint matches what it stamps.
    MessageImprint,
    /// The signature value verifies.
    SignatureValue,
    /// The signature time-stamp (PAdES B-T).
    SignatureTimeStamp,
    /// The TSA certificate is for time-stamping.
    TsaKeyUsage,
    /// A path to a trust anchor.
    ChainToAnchor,
    /// Certificates valid at the validation time.
    CertificateValidity,
    /// Basic constraints, key usage, path length.
    ChainConstraints,
    /// Revocation.
    Revocation,
    /// Algorithms of the certificate signatures.
    CertificateAlgorithms,
    /// What later revisions changed.
    Coverage,
}

impl CheckId {
    /// Every check, in the order a verification runs them.
    pub const ALL: &'static [Self] = &[
        Self::SubFilter,
        Self::ByteRange,
        Self::RevisionBoundary,
        Self::CmsFormat,
        Self::OneSignerInfo,
        Self::SigningCertificateFound,
        Self::SigningCertificateReference,
        Self::CryptoConstraints,
        Self::DetachedContent,
        Self::ContentType,
        Self::MessageDigest,
        Self::MessageImprint,
        Self::SignatureValue,
        Self::SignatureTimeStamp,
        Self::TsaKeyUsage,
        Self::ChainToAnchor,
        Self::CertificateValidity,
        Self::ChainConstraints,
        Self::Revocation,
        Self::CertificateAlgorithms,
        Self::Coverage,
    ];

    /// The DSS-style name used in JSON, e.g. `MESSAGE_DIGEST`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::SubFilter => "SUB_FILTER",
            Self::ByteRange => "BYTE_RANGE",
            Self::RevisionBoundary => "REVISION_BOUNDARY",
            Self::CmsFormat => "CMS_FORMAT",
            Self::OneSignerInfo => "ONE_SIGNER_INFO",
            Self::SigningCertificateFound => "SIGNING_CERTIFICATE_FOUND",
            Self::SigningCertificateReference => "SIGNING_CERTIFICATE_REFERENCE",
            Self::CryptoConstraints => "CRYPTO_CONSTRAINTS",
            Self::DetachedContent => "DETACHED_CONTENT",
            Self::ContentType => "CONTENT_TYPE",
            Self::MessageDigest => "MESSAGE_DIGEST",
            Self::MessageImprint => "MESSAGE_IMPRINT",
            Self::SignatureValue => "SIGNATURE_VALUE",
            Self::SignatureTimeStamp => "SIGNATURE_TIME_STAMP",
            Self::TsaKeyUsage => "TSA_KEY_USAGE",
            Self::ChainToAnchor => "CHAIN_TO_ANCHOR",
            Self::CertificateValidity => "CERTIFICATE_VALIDITY",
            Self::ChainConstraints => "CHAIN_CONSTRAINTS",
            Self::Revocation => "REVOCATION",
            Self::CertificateAlgorithms => "CERTIFICATE_ALGORITHMS",
            Self::Coverage => "COVERAGE",
        }
    }

    /// The catalogue rule of this check, e.g. [`rules::MESSAGE_DIGEST`]
    /// (`SIG-MESSAGE-DIGEST`).
    #[must_use]
    pub const fn rule(self) -> Rule {
        match self {
            Self::SubFilter => rules::SUB_FILTER,
            Self::ByteRange => rules::BYTE_RANGE,
            Self::RevisionBoundary => rules::REVISION_BOUNDARY,
            Self::CmsFormat => rules::CMS_FORMAT,
            Self::OneSignerInfo => rules::ONE_SIGNER_INFO,
            Self::SigningCertificateFound => rules::SIGNING_CERTIFICATE_FOUND,
            Self::SigningCertificateReference => rules::SIGNING_CERTIFICATE_REFERENCE,
            Self::CryptoConstraints => rules::CRYPTO_CONSTRAINTS,
            Self::DetachedContent => rules::DETACHED_CONTENT,
            Self::ContentType => rules::CONTENT_TYPE,
            Self::MessageDigest => rules::MESSAGE_DIGEST,
            Self::MessageImprint => rules::MESSAGE_IMPRINT,
            Self::SignatureValue => rules::SIGNATURE_VALUE,
            Self::SignatureTimeStamp => rules::SIGNATURE_TIME_STAMP,
            Self::TsaKeyUsage => rules::TSA_KEY_USAGE,
            Self::ChainToAnchor => rules::CHAIN_TO_ANCHOR,
            Self::CertificateValidity => rules::CERTIFICATE_VALIDITY,
            Self::ChainConstraints => rules::CHAIN_CONSTRAINTS,
            Self::Revocation => rules::REVOCATION,
            Self::CertificateAlgorithms => rules::CERTIFICATE_ALGORITHMS,
            Self::Coverage => rules::COVERAGE,
        }
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One named check, DSS style, with its explanation in two languages.
///
/// In JSON a check also carries `rule`, its catalogue id (read back from `id`
/// when deserialised).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct Check {
    /// Which check, e.g. [`CheckId::MessageDigest`].
    pub id: CheckId,
    /// The outcome.
    pub outcome: Outcome,
    /// The sub-indication a failure implies.
    #[serde(default)]
    pub sub_indication: Option<SubIndication>,
    /// What was checked and found, in English.
    pub message: String,
    /// The same, in Vietnamese.
    pub message_vi: String,
}

impl serde::Serialize for Check {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Check", 6)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("rule", self.id.rule().id)?;
        st.serialize_field("outcome", &self.outcome)?;
        if let Some(sub) = &self.sub_indication {
            st.serialize_field("sub_indication", sub)?;
        } else {
            st.skip_field("sub_indication")?;
        }
        st.serialize_field("message", &self.message)?;
        st.serialize_field("message_vi", &self.message_vi)?;
        st.end()
    }
}

impl Check {
    pub(crate) fn passed(id: CheckId, en: impl Into<String>, vi: impl Into<String>) -> Self {
        Self {
            id,
            outcome: Outcome::Passed,
            sub_indication: None,
            message: en.into(),
            message_vi: vi.into(),
        }
    }

    pub(crate) fn warning(id: CheckId, en: impl Into<String>, vi: impl Into<String>) -> Self {
        Self {
            id,
            outcome: Outcome::Warning,
            sub_indication: None,
            message: en.into(),
            message_vi: vi.into(),
        }
    }

    pub(crate) fn failed(
        id: CheckId,
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

    /// The catalogue rule of this check.
    #[must_use]
    pub const fn rule(&self) -> Rule {
        self.id.rule()
    }

    /// This check as a [`Finding`] at `location`: the rule id and source come
    /// from the catalogue ([`CheckId::rule`]), the severity from the outcome
    /// ([`Outcome::severity`]: failed → error, warning → warning, passed or
    /// skipped → note) and the messages are the check's own. The
    /// sub-indication of a failure stays on the signature's report
    /// ([`SignatureReport::sub_indication`](crate::SignatureReport::sub_indication)).
    #[must_use]
    pub fn to_finding(&self, location: Location) -> Finding {
        self.rule().with_severity(self.outcome.severity()).custom(
            self.message.clone(),
            self.message_vi.clone(),
            location,
        )
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

/// An instant as shown in messages: RFC 3339 in Vietnam time (+07:00), the
/// time a clerk reads on the document, whatever zone it was computed in.
pub(crate) fn vn_time<Tz: chrono::TimeZone>(t: &chrono::DateTime<Tz>) -> String {
    let vietnam = chrono::FixedOffset::east_opt(crate::verify::VIETNAM_OFFSET_SECS)
        .unwrap_or_else(|| chrono::Offset::fix(&chrono::Utc));
    t.with_timezone(&vietnam).to_rfc3339()
}
