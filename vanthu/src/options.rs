//! The one options struct of the harness, shared by the CLI and the bindings.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use vanthu_signature::RolePolicy;

use crate::error::{CheckError, ErrorKind};

/// How to check: the validation time, trust anchors, revocation lists and
/// strictness. Read from JSON by the bindings (`{"at": "2025-06-05T00:00:00+07:00",
/// "trust": ["root.cer"]}`); only `at` is required, because vanthu never
/// reads a clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CheckOptions {
    /// The time at which certificates must be valid, and "today" for the
    /// checks that refuse dates in the future.
    pub at: DateTime<FixedOffset>,
    /// Trust anchors and intermediates: certificate files (PEM or DER,
    /// several per file allowed) or folders of them (`*.crt`, `*.cer`,
    /// `*.pem`, `*.der`). Self-signed certificates become anchors.
    #[serde(default)]
    pub trust: Vec<PathBuf>,
    /// Trust anchors and intermediates given as PEM text.
    #[serde(default)]
    pub trust_pem: Vec<String>,
    /// Certificate revocation lists (DER files).
    #[serde(default)]
    pub crls: Vec<PathBuf>,
    /// OCSP responses (DER `OCSPResponse` files, RFC 6960), used like CRLs
    /// once their signature, responder and freshness check out.
    #[serde(default)]
    pub ocsps: Vec<PathBuf>,
    /// Check edXML packages as a sender checks its own output (every
    /// deviation from the strict form is an error) instead of as a receiver.
    #[serde(default)]
    pub strict: bool,
    /// Accept SHA-1 in signatures (legacy documents only).
    #[serde(default)]
    pub legacy_sha1: bool,
    /// How signer certificates are classified as person or organisation
    /// (fields left out keep their defaults).
    #[serde(default)]
    pub roles: RolePolicy,
    /// How many files [`Checker::check_paths`](crate::Checker::check_paths)
    /// and [`Checker::check_each`](crate::Checker::check_each) check at once:
    /// 0 (the default) for one per core, 1 for one after the other. The
    /// reports come in the same order either way.
    #[serde(default)]
    pub jobs: usize,
    /// The requirements archival packages are checked against: `csip`
    /// (E-ARK CSIP 2.1.0), `sip` (and E-ARK SIP 2.1.0) or `tt05` (the
    /// default: and Circular 05/2025/TT-BNV).
    #[serde(default)]
    pub archive_profile: vanthu_archive::package::Profile,
}

impl CheckOptions {
    /// Default options, validating at `at`.
    #[must_use]
    pub fn new(at: DateTime<FixedOffset>) -> Self {
        Self {
            at,
            trust: Vec::new(),
            trust_pem: Vec::new(),
            crls: Vec::new(),
            ocsps: Vec::new(),
            strict: false,
            legacy_sha1: false,
            roles: RolePolicy::default(),
            jobs: 0,
            archive_profile: vanthu_archive::package::Profile::default(),
        }
    }

    /// Reads options from JSON (what the bindings pass).
    ///
    /// # Errors
    /// [`ErrorKind::Options`] with serde's message.
    pub fn from_json(json: &str) -> Result<Self, CheckError> {
        serde_json::from_str(json).map_err(|e| CheckError::new(ErrorKind::Options, e.to_string()))
    }
}

/// The forms [`parse_time`] reads, for messages.
pub const TIME_FORMS: &str = "RFC 3339 (2025-06-05T09:30:00+07:00), YYYY-MM-DD, YYYY-MM-DDTHH:MM(:SS), \
YYYY-MM-DD HH:MM(:SS) or edXML's yyyy/MM/dd HH:mm:ss (Vietnam time unless an offset is given)";

/// Reads an instant in every form a Vietnamese clerk or system writes it:
/// RFC 3339 with its offset (`2025-06-05T09:30:00+07:00`, `…Z`), a date
/// (`2025-06-05`, midnight), a local time with or without seconds
/// (`2025-06-05T09:30`, `2025-06-05 09:30:15`) or edXML's
/// `yyyy/MM/dd HH:mm:ss` (QCVN 102:2016). Times without an offset are
/// Vietnam time (UTC+7, no daylight saving). Years are 0000–9999, the
/// years RFC 3339 writes: every instant read prints as RFC 3339 and reads
/// back.
///
/// ```
/// let t = vanthu::parse_time("2025-06-05").unwrap();
/// assert_eq!(t.to_rfc3339(), "2025-06-05T00:00:00+07:00");
/// let t = vanthu::parse_time("2025/06/05 16:59:00").unwrap();
/// assert_eq!(t.to_rfc3339(), "2025-06-05T16:59:00+07:00");
/// assert!(vanthu::parse_time("05-06-2025").is_err());
/// assert!(vanthu::parse_time("-0256/07/05").is_err());
/// ```
///
/// Every field is checked against its range
/// ([`vanthu_identifiers::parse_instant`]): second 60, hour 24 or 31 April
/// are refused, naming the field and its byte offset.
///
/// ```
/// let err = vanthu::parse_time("2025-06-05T09:30:60").unwrap_err();
/// assert!(err.message.contains("second 60 at byte 17 is out of range"));
/// ```
///
/// # Errors
/// [`ErrorKind::Options`] naming the field, its byte offset and the accepted
/// forms ([`TIME_FORMS`]).
pub fn parse_time(text: &str) -> Result<DateTime<FixedOffset>, CheckError> {
    vanthu_identifiers::parse_instant(text.trim()).map_err(|e| {
        CheckError::new(
            ErrorKind::Options,
            format!("cannot read the time {text:?}: {e}; use {TIME_FORMS}"),
        )
    })
}
