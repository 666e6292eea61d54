//! Long-term validation: the validation data a document carries (`/DSS`, CMS
//! revocation attributes), OCSP responses, the revocation status of a path,
//! and the PAdES level of each signature (ETSI EN 319 142-1 §6; ETSI EN 319
//! 102-1 §5.6).

pub(crate) mod dss;
pub(crate) mod ocsp;
pub(crate) mod revocation;

use der::asn1::{Any, ObjectIdentifier as Oid};
use der::{Decode, Encode, Sequence};

use crate::cms::ParsedCms;

/// `adbe-revocationInfoArchival`, a signed attribute (ISO 32000-1 §12.8.3.3.2).
const ADBE_REVOCATION_INFO_ARCHIVAL: Oid = Oid::new_unwrap("1.2.840.113583.1.1.8");
/// `id-aa-ets-revocationValues`, an unsigned attribute (ETSI EN 319 122-1 §5.5.2).
const ETS_REVOCATION_VALUES: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.24");
/// `id-aa-ets-certValues`, an unsigned attribute (ETSI EN 319 122-1 §5.5.1).
const ETS_CERT_VALUES: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.23");

/// The PAdES baseline level a signature reaches (ETSI EN 319 142-1 §6).
///
/// Reported for `adbe.pkcs7.detached` signatures too, by the same evidence
/// (other validators call those `PKCS7-B`…`PKCS7-LTA`); see
/// `docs/signature-policy.md` §8 in the repository.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum PadesLevel {
    /// B-B: a CMS signature with the signed attributes PAdES requires.
    #[serde(rename = "B-B")]
    BB,
    /// B-T: a valid time-stamp proves the signature existed at a time: a
    /// signature time-stamp, or a document time-stamp over it.
    #[serde(rename = "B-T")]
    BT,
    /// B-LT: B-T, and the document carries the revocation data (`/DSS` or
    /// CMS attributes) that shows the signer's certificates were not revoked.
    #[serde(rename = "B-LT")]
    BLT,
    /// B-LTA: B-LT, and a valid document time-stamp covers the `/DSS`.
    #[serde(rename = "B-LTA")]
    BLTA,
}

impl PadesLevel {
    /// `B-B`, `B-T`, `B-LT` or `B-LTA`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::BB => "B-B",
            Self::BT => "B-T",
            Self::BLT => "B-LT",
            Self::BLTA => "B-LTA",
        }
    }
}

impl std::fmt::Display for PadesLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `RevocationInfoArchival` (ISO 32000-1 §12.8.3.3.2) and `RevocationValues`
/// (ETSI EN 319 122-1 §5.5.2) share this shape: `[0]` CRLs, `[1]` OCSP
/// responses (full OCSPResponse in the first, BasicOCSPResponse in the
/// second), `[2]` other.
#[derive(Sequence)]
struct RevocationValues {
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    crls: Option<Vec<Any>>,
    #[asn1(context_specific = "1", optional = "true", tag_mode = "EXPLICIT")]
    ocsps: Option<Vec<Any>>,
    #[asn1(context_specific = "2", optional = "true", tag_mode = "EXPLICIT")]
    other: Option<Any>,
}

/// Validation data carried in a CMS signature's attributes.
#[derive(Debug, Clone, Default)]
pub(crate) struct CmsValidationData {
    pub(crate) certs: Vec<Vec<u8>>,
    pub(crate) crls: Vec<Vec<u8>>,
    pub(crate) ocsps: Vec<Vec<u8>>,
}

impl CmsValidationData {
    pub(crate) fn is_empty(&self) -> bool {
        self.certs.is_empty() && self.crls.is_empty() && self.ocsps.is_empty()
    }
}

/// Reads `adbe-revocationInfoArchival` (signed) and `id-aa-ets-revocationValues`
/// and `id-aa-ets-certValues` (unsigned) from the SignerInfo. At most `max`
/// items in all; malformed values are skipped.
pub(crate) fn cms_validation_data(cms: &ParsedCms, max: usize) -> CmsValidationData {
    let mut out = CmsValidationData::default();
    let signed = cms.signer.signed_attrs.iter().flat_map(|a| a.iter());
    let unsigned = cms.signer.unsigned_attrs.iter().flat_map(|a| a.iter());
    for attr in signed.chain(unsigned) {
        let revocation =
            attr.oid == ADBE_REVOCATION_INFO_ARCHIVAL || attr.oid == ETS_REVOCATION_VALUES;
        if !revocation && attr.oid != ETS_CERT_VALUES {
            continue;
        }
        for value in attr.values.iter() {
            let Ok(der) = value.to_der() else { continue };
            if attr.oid == ETS_CERT_VALUES {
                if let Ok(certs) = Vec::<Any>::from_der(&der) {
                    out.certs
                        .extend(certs.iter().filter_map(|c| c.to_der().ok()).take(max));
                }
                continue;
            }
            let Ok(values) = RevocationValues::from_der(&der) else {
                continue;
            };
            let _ = values.other;
            let encode = |items: Option<Vec<Any>>| -> Vec<Vec<u8>> {
                items
                    .unwrap_or_default()
                    .iter()
                    .take(max)
                    .filter_map(|i| i.to_der().ok())
                    .collect()
            };
            out.crls.extend(encode(values.crls));
            out.ocsps.extend(encode(values.ocsps));
        }
    }
    out.certs.truncate(max);
    out.crls.truncate(max);
    out.ocsps.truncate(max);
    out
}
