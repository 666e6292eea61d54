//! OCSP responses (RFC 6960): parsing, and what a response says about one
//! certificate once its signature, its responder and its freshness are checked.

use chrono::{DateTime, Utc};
use der::asn1::{Any, BitString, ObjectIdentifier as Oid};
use der::{Decode, Encode, Sequence};
use spki::AlgorithmIdentifierOwned;
use x509_ocsp::{CertStatus, OcspResponse, OcspResponseStatus, ResponderId, ResponseData};

use crate::certs::{Certificate, names_match};
use crate::crypto::{self, DigestAlgorithm};

/// `id-pkix-ocsp-basic` (RFC 6960 §4.2.1).
const OCSP_BASIC: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.48.1.1");
/// `id-kp-OCSPSigning` (RFC 6960 §4.2.2.2).
pub(crate) const OCSP_SIGNING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.9");

/// BasicOCSPResponse with `tbsResponseData` kept as received, so that the
/// signature is checked over the exact signed bytes (RFC 6960 §4.2.1).
#[derive(Sequence)]
struct RawBasic {
    tbs: Any,
    signature_algorithm: AlgorithmIdentifierOwned,
    signature: BitString,
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    certs: Option<Vec<x509_cert::Certificate>>,
}

/// A parsed BasicOCSPResponse.
#[derive(Debug, Clone)]
pub(crate) struct Ocsp {
    tbs_der: Vec<u8>,
    data: ResponseData,
    signature_algorithm: AlgorithmIdentifierOwned,
    signature: Vec<u8>,
    certs: Vec<Certificate>,
}

/// What a response says about a certificate at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// Not revoked; `this_update` is when the responder said so.
    Good { this_update: DateTime<Utc> },
    /// Revoked at that time.
    Revoked(DateTime<Utc>),
    /// The responder does not know the certificate.
    Unknown,
}

/// Why a response about the certificate is not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Rejection {
    /// The signature does not verify with the responder's key.
    BadSignature,
    /// The signer is neither the CA nor a responder the CA delegated (RFC 6960 §4.2.2.2).
    Unauthorised,
    /// The response does not cover the validation time (its nextUpdate passed).
    Stale(DateTime<Utc>),
}

fn to_utc(t: x509_ocsp::OcspGeneralizedTime) -> DateTime<Utc> {
    let secs = i64::try_from(t.0.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
    DateTime::from_timestamp(secs, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Parses an `OCSPResponse` (as in `/DSS /OCSPs` and in
/// `adbe-revocationInfoArchival`) or a bare `BasicOCSPResponse` (as in
/// `id-aa-ets-revocationValues`). `None` when it is neither, or not successful.
pub(crate) fn parse(der: &[u8]) -> Option<Ocsp> {
    let basic = match OcspResponse::from_der(der) {
        Ok(response) => {
            if response.response_status != OcspResponseStatus::Successful {
                return None;
            }
            let bytes = response.response_bytes?;
            if bytes.response_type != OCSP_BASIC {
                return None;
            }
            RawBasic::from_der(bytes.response.as_bytes()).ok()?
        }
        Err(_) => RawBasic::from_der(der).ok()?,
    };
    let tbs_der = basic.tbs.to_der().ok()?;
    let data = ResponseData::from_der(&tbs_der).ok()?;
    let certs = basic
        .certs
        .unwrap_or_default()
        .into_iter()
        .filter_map(|c| Certificate::from_inner(c).ok())
        .collect();
    Some(Ocsp {
        tbs_der,
        data,
        signature_algorithm: basic.signature_algorithm,
        signature: basic.signature.as_bytes()?.to_vec(),
        certs,
    })
}

impl Ocsp {
    /// Certificates carried in the response (a delegated responder's).
    pub(crate) fn certificates(&self) -> &[Certificate] {
        &self.certs
    }

    /// What this response says about `cert`, issued by `issuer`, at `at`:
    /// `None` when it is not about `cert` (no matching CertID, RFC 6960
    /// §4.1.1), else the status, or why the response cannot be used.
    /// `pool` holds certificates that may be a delegated responder's.
    pub(crate) fn status(
        &self,
        cert: &Certificate,
        issuer: &Certificate,
        at: DateTime<Utc>,
        pool: &[&Certificate],
    ) -> Option<Result<Status, Rejection>> {
        let single = self
            .data
            .responses
            .iter()
            .find(|s| cert_id_matches(&s.cert_id, cert, issuer))?;
        if let Err(e) = self.check_responder(issuer, pool) {
            return Some(Err(e));
        }
        let this_update = to_utc(single.this_update);
        let next_update = single.next_update.map(to_utc);
        if let CertStatus::Revoked(info) = &single.cert_status {
            let when = to_utc(info.revocation_time);
            // A revocation before the validation time is conclusive, whatever the age of the response.
            if when <= at {
                return Some(Ok(Status::Revoked(when)));
            }
        }
        if !super::revocation::fresh(this_update, next_update, at) {
            return Some(Err(Rejection::Stale(this_update)));
        }
        Some(Ok(match single.cert_status {
            CertStatus::Good(_) | CertStatus::Revoked(_) => Status::Good { this_update },
            CertStatus::Unknown(_) => Status::Unknown,
        }))
    }

    /// The response is signed by the CA that issued the certificate, or by a
    /// responder that CA certified for OCSP signing (RFC 6960 §4.2.2.2), and
    /// the signature verifies.
    fn check_responder(
        &self,
        issuer: &Certificate,
        pool: &[&Certificate],
    ) -> Result<(), Rejection> {
        let produced_at = to_utc(self.data.produced_at);
        let named = |c: &Certificate| responder_matches(&self.data.responder_id, c);
        let signer = if named(issuer) {
            issuer.clone()
        } else {
            self.certs
                .iter()
                .chain(pool.iter().copied())
                .find(|c| {
                    named(c)
                        && c.has_extended_key_usage(OCSP_SIGNING)
                        && c.not_before() <= produced_at
                        && produced_at <= c.not_after()
                        && issuer.issued(c)
                })
                .cloned()
                .ok_or(Rejection::Unauthorised)?
        };
        crypto::verify(
            &signer.inner().tbs_certificate.subject_public_key_info,
            &self.signature_algorithm,
            None,
            &[&self.tbs_der],
            &self.signature,
            &crate::certs::permissive(),
        )
        .map_err(|_| Rejection::BadSignature)
    }
}

/// The CertID names `cert`: the hash of its issuer's name and key, and its
/// serial number (RFC 6960 §4.1.1).
fn cert_id_matches(id: &x509_ocsp::CertId, cert: &Certificate, issuer: &Certificate) -> bool {
    let tbs = &cert.inner().tbs_certificate;
    if id.serial_number != tbs.serial_number {
        return false;
    }
    let Some(alg) = DigestAlgorithm::from_oid(&id.hash_algorithm.oid) else {
        return false;
    };
    let itbs = &issuer.inner().tbs_certificate;
    let Ok(name) = itbs.subject.to_der() else {
        return false;
    };
    names_match(&tbs.issuer, &itbs.subject)
        && alg.digest(&[&name]) == id.issuer_name_hash.as_bytes()
        && alg.digest(&[itbs.subject_public_key_info.subject_public_key.raw_bytes()])
            == id.issuer_key_hash.as_bytes()
}

/// `ResponderID` names `cert`: by name, or by the SHA-1 of its key (RFC 6960 §4.2.1).
fn responder_matches(id: &ResponderId, cert: &Certificate) -> bool {
    let tbs = &cert.inner().tbs_certificate;
    match id {
        ResponderId::ByName(name) => names_match(name, &tbs.subject),
        ResponderId::ByKey(hash) => {
            DigestAlgorithm::Sha1
                .digest(&[tbs.subject_public_key_info.subject_public_key.raw_bytes()])
                == hash.as_bytes()
        }
    }
}
