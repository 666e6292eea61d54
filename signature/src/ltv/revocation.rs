//! Revocation status of a certificate path from CRLs (RFC 5280 §6.3) and OCSP
//! responses (RFC 6960), supplied by the caller or carried by the document.

use chrono::{DateTime, Duration, Utc};
use der::{Decode, Encode};
use x509_cert::crl::CertificateList;

use super::ocsp::{self, Ocsp, Rejection, Status};
use crate::certs::{Certificate, names_match, to_chrono};
use crate::crypto;
use crate::error::Error;
use crate::report::{Check, CheckId, SubIndication};

/// How long revocation data without `nextUpdate` counts as current after its
/// `thisUpdate` (`docs/signature-policy.md` §8).
const NO_NEXT_UPDATE_GRACE_HOURS: i64 = 24;

/// CRLs and OCSP responses, each marked with whether the document carried it
/// (`/DSS`, CMS attributes) or the caller supplied it.
#[derive(Debug, Clone, Default)]
pub(crate) struct RevocationData {
    crls: Vec<(CertificateList, bool)>,
    ocsps: Vec<(Ocsp, bool)>,
}

impl RevocationData {
    pub(crate) fn add_crl(&mut self, der: &[u8], from_document: bool) -> Result<(), Error> {
        self.crls
            .push((CertificateList::from_der(der)?, from_document));
        Ok(())
    }

    /// Adds an OCSPResponse or BasicOCSPResponse; `false` when it is neither
    /// (or not a successful response).
    pub(crate) fn add_ocsp(&mut self, der: &[u8], from_document: bool) -> bool {
        match ocsp::parse(der) {
            Some(o) => {
                self.ocsps.push((o, from_document));
                true
            }
            None => false,
        }
    }

    /// Certificates carried by the OCSP responses (delegated responders).
    fn responder_certificates(&self) -> impl Iterator<Item = &Certificate> {
        self.ocsps.iter().flat_map(|(o, _)| o.certificates())
    }
}

/// Revocation data issued at `this_update` and valid until `next_update`
/// covers the time `at` when it was issued at or after `at` (it then attests
/// the status after `at`), or when `at` falls before its `nextUpdate`; without
/// `nextUpdate`, within 24 hours of `thisUpdate` (ETSI EN 319 102-1 §5.2.5).
pub(crate) fn fresh(
    this_update: DateTime<Utc>,
    next_update: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
) -> bool {
    if this_update >= at {
        return true;
    }
    match next_update {
        Some(next) => at <= next,
        None => at - this_update <= Duration::hours(NO_NEXT_UPDATE_GRACE_HOURS),
    }
}

/// The result of the revocation check of a path.
#[derive(Debug, Clone)]
pub(crate) struct PathRevocation {
    /// The `REVOCATION` check.
    pub(crate) check: Check,
    /// Every certificate of the path below the anchor has its status from
    /// data the document carries (PAdES B-LT, ETSI EN 319 142-1 §6.3).
    pub(crate) from_document: bool,
}

enum Evidence {
    Good {
        from_document: bool,
    },
    Revoked {
        when: DateTime<Utc>,
        by: &'static str,
    },
    None {
        reasons: Vec<(&'static str, &'static str)>,
    },
}

fn crl_evidence(
    data: &RevocationData,
    cert: &Certificate,
    issuer: &Certificate,
    at: DateTime<Utc>,
    good: &mut Option<bool>,
    reasons: &mut Vec<(&'static str, &'static str)>,
) -> Option<DateTime<Utc>> {
    let serial = &cert.inner().tbs_certificate.serial_number;
    let issuer_tbs = &issuer.inner().tbs_certificate;
    for (crl, from_document) in &data.crls {
        let tbs = &crl.tbs_cert_list;
        if !names_match(&tbs.issuer, &issuer_tbs.subject) {
            continue;
        }
        let (Ok(signed), Some(sig)) = (tbs.to_der(), crl.signature.as_bytes()) else {
            continue;
        };
        // Only the CA's own CRLs count (indirect CRLs are not supported).
        if crypto::verify(
            &issuer_tbs.subject_public_key_info,
            &crl.signature_algorithm,
            None,
            &[&signed],
            sig,
            &crate::certs::permissive(),
        )
        .is_err()
        {
            continue;
        }
        if let Some(r) = tbs
            .revoked_certificates
            .iter()
            .flatten()
            .find(|r| &r.serial_number == serial && to_chrono(r.revocation_date) <= at)
        {
            return Some(to_chrono(r.revocation_date));
        }
        let this_update = to_chrono(tbs.this_update);
        if !fresh(this_update, tbs.next_update.map(to_chrono), at) {
            reasons.push(("a CRL is out of date", "CRL đã quá hạn"));
        } else if this_update > cert.not_after() {
            reasons.push(EXPIRED_BEFORE);
        } else {
            *good = Some(good.unwrap_or(false) || *from_document);
        }
    }
    None
}

const EXPIRED_BEFORE: (&str, &str) = (
    "revocation data issued after the certificate expired says nothing about it",
    "dữ liệu thu hồi phát hành sau khi chứng thư hết hạn không chứng minh được tình trạng của chứng thư",
);

fn evidence(
    data: &RevocationData,
    cert: &Certificate,
    issuer: &Certificate,
    at: DateTime<Utc>,
    pool: &[&Certificate],
) -> Evidence {
    let mut good: Option<bool> = None;
    let mut reasons = Vec::new();
    if let Some(when) = crl_evidence(data, cert, issuer, at, &mut good, &mut reasons) {
        return Evidence::Revoked { when, by: "CRL" };
    }
    for (response, from_document) in &data.ocsps {
        match response.status(cert, issuer, at, pool) {
            None => {}
            Some(Ok(Status::Revoked(when))) => {
                return Evidence::Revoked { when, by: "OCSP" };
            }
            Some(Ok(Status::Good { this_update })) if this_update > cert.not_after() => {
                reasons.push(EXPIRED_BEFORE);
            }
            Some(Ok(Status::Good { .. })) => {
                good = Some(good.unwrap_or(false) || *from_document);
            }
            Some(Ok(Status::Unknown)) => reasons.push((
                "the OCSP responder does not know the certificate",
                "máy chủ OCSP không biết chứng thư này",
            )),
            Some(Err(Rejection::BadSignature)) => reasons.push((
                "the signature of an OCSP response does not verify",
                "chữ ký trên phản hồi OCSP không hợp lệ",
            )),
            Some(Err(Rejection::Unauthorised)) => reasons.push((
                "an OCSP response is signed by a responder the CA did not authorise (RFC 6960 §4.2.2.2)",
                "phản hồi OCSP do bên không được CA ủy quyền ký (RFC 6960 §4.2.2.2)",
            )),
            Some(Err(Rejection::Stale(_))) => reasons.push((
                "an OCSP response is out of date",
                "phản hồi OCSP đã quá hạn",
            )),
        }
    }
    match good {
        Some(from_document) => Evidence::Good { from_document },
        None => Evidence::None { reasons },
    }
}

/// Checks every certificate of `path` (leaf first, anchor last; the anchor
/// itself is trusted) against the CRLs and OCSP responses, at `at`.
///
/// A revocation at or before `at` fails the path (REVOKED). A certificate
/// with no usable revocation data is a warning: revocation was not checked,
/// and the signature is judged on the rest (`docs/signature-policy.md` §8).
pub(crate) fn check_path(
    data: &RevocationData,
    path: &[Certificate],
    extra: &[&Certificate],
    at: DateTime<Utc>,
) -> PathRevocation {
    let pool: Vec<&Certificate> = extra
        .iter()
        .copied()
        .chain(data.responder_certificates())
        .collect();
    let mut unchecked: Vec<(&Certificate, Vec<(&str, &str)>)> = Vec::new();
    let mut all_from_document = true;
    let mut checked = 0usize;
    for pair in path.windows(2) {
        let [cert, issuer] = pair else { continue };
        match evidence(data, cert, issuer, at, &pool) {
            Evidence::Revoked { when, by } => {
                let when = crate::report::vn_time(&when);
                return PathRevocation {
                    check: Check::failed(
                        CheckId::Revocation,
                        SubIndication::Revoked,
                        format!("'{}' was revoked on {when} (per {by})", cert.subject()),
                        format!(
                            "chứng thư '{}' đã bị thu hồi ngày {when} (theo {by})",
                            cert.subject()
                        ),
                    ),
                    from_document: false,
                };
            }
            Evidence::Good { from_document } => {
                checked += 1;
                all_from_document &= from_document;
            }
            Evidence::None { reasons } => {
                all_from_document = false;
                unchecked.push((cert, reasons));
            }
        }
    }
    if let Some((cert, reasons)) = unchecked.first() {
        // Names are formatted only here, for the message.
        let subject = cert.subject();
        let (why, why_vi) = if reasons.is_empty() {
            (
                "no CRL or OCSP response for it was supplied or found in the document".to_string(),
                "không có CRL hay phản hồi OCSP nào cho chứng thư này".to_string(),
            )
        } else {
            (
                reasons.iter().map(|r| r.0).collect::<Vec<_>>().join("; "),
                reasons.iter().map(|r| r.1).collect::<Vec<_>>().join("; "),
            )
        };
        let others = unchecked.len() - 1;
        return PathRevocation {
            check: Check::warning(
                CheckId::Revocation,
                format!(
                    "revocation was not checked for '{subject}' ({why}){}: the signature is judged without it",
                    if others > 0 {
                        format!(" nor for {others} other certificate(s) of the path")
                    } else {
                        String::new()
                    }
                ),
                format!(
                    "chưa kiểm tra được tình trạng thu hồi của chứng thư '{subject}' ({why_vi}){}: chữ ký được đánh giá mà không có thông tin này",
                    if others > 0 {
                        format!(" và {others} chứng thư khác trong đường dẫn")
                    } else {
                        String::new()
                    }
                ),
            ),
            from_document: false,
        };
    }
    PathRevocation {
        check: Check::passed(
            CheckId::Revocation,
            format!(
                "not revoked at {at}: {checked} certificate(s) of the path checked against CRLs or OCSP responses"
            ),
            format!(
                "không bị thu hồi tại {at}: đã kiểm tra {checked} chứng thư trong đường dẫn theo CRL hoặc phản hồi OCSP"
            ),
        ),
        from_document: all_from_document && checked > 0,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::fresh;

    #[test]
    fn freshness_at_the_validation_time() {
        let t = Utc.with_ymd_and_hms(2025, 6, 2, 3, 0, 0).unwrap();
        let h = Duration::hours;
        // Issued after the time: it attests the status after it.
        assert!(fresh(t + h(1), None, t));
        assert!(fresh(t, Some(t), t));
        // Issued before: until nextUpdate, or 24 hours without one.
        assert!(fresh(t - h(48), Some(t + h(1)), t));
        assert!(!fresh(t - h(48), Some(t - h(1)), t));
        assert!(fresh(t - h(24), None, t));
        assert!(!fresh(t - h(25), None, t));
    }
}
