//! Certificates, trust stores and RFC 5280 path validation to caller-supplied anchors.
//!
//! The Government CA (Ban Cơ yếu Chính phủ) G1/G2 roots and the Vietnam National
//! Root CA are public, but the caller passes them: this crate embeds no
//! certificate. Real VGCA signatures embed only the leaf, so intermediates may
//! come from the caller too.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use der::asn1::ObjectIdentifier as Oid;
use der::{Decode, Encode};
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages};
use x509_cert::name::Name;

use crate::crypto::{self, AlgorithmPolicy, CryptoError};
use crate::error::{Error, ErrorKind};
use crate::path::{PathLimit, PathWork};
use crate::report::{Check, CheckId, SubIndication};

/// `UID` (RFC 4519, 0.9.2342.19200300.100.1.1): carries `CCCD:`, `CMND:`, `MST:`, `MNS:` values.
const UID: Oid = Oid::new_unwrap("0.9.2342.19200300.100.1.1");
const CN: Oid = Oid::new_unwrap("2.5.4.3");
const O: Oid = Oid::new_unwrap("2.5.4.10");
const TITLE: Oid = Oid::new_unwrap("2.5.4.12");

/// Most certificates considered when building one path.
const MAX_POOL: usize = 512;

/// Extensions this validator understands, and so may be critical.
const KNOWN_EXTENSIONS: &[&str] = &[
    "2.5.29.19",            // basicConstraints
    "2.5.29.15",            // keyUsage
    "2.5.29.37",            // extKeyUsage
    "2.5.29.14",            // subjectKeyIdentifier
    "2.5.29.35",            // authorityKeyIdentifier
    "2.5.29.32",            // certificatePolicies (not enforced: no policy is required)
    "2.5.29.17",            // subjectAltName
    "2.5.29.18",            // issuerAltName
    "2.5.29.31",            // cRLDistributionPoints
    "1.3.6.1.5.5.7.1.1",    // authorityInfoAccess
    "1.3.6.1.5.5.7.1.3",    // qcStatements
    "2.5.29.30",            // nameConstraints (directoryName and rfc822Name enforced)
    "1.3.6.1.5.5.7.48.1.5", // id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1)
];

/// An X.509 certificate, parsed once and kept with its DER encoding.
///
/// The subject and issuer strings are formatted on first use and kept: a
/// report that never names the certificate never formats them.
#[derive(Debug, Clone)]
pub struct Certificate {
    inner: x509_cert::Certificate,
    der: Vec<u8>,
    subject: OnceLock<String>,
    issuer: OnceLock<String>,
    fingerprint: OnceLock<[u8; 32]>,
}

/// Two certificates are equal when their DER encodings are.
impl PartialEq for Certificate {
    fn eq(&self, other: &Self) -> bool {
        self.der == other.der
    }
}

impl Eq for Certificate {}

impl Certificate {
    /// Parses one DER certificate.
    ///
    /// # Errors
    /// When `der` is not a certificate.
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        let inner = x509_cert::Certificate::from_der(der)?;
        Ok(Self {
            inner,
            der: der.to_vec(),
            subject: OnceLock::new(),
            issuer: OnceLock::new(),
            fingerprint: OnceLock::new(),
        })
    }

    pub(crate) fn from_inner(inner: x509_cert::Certificate) -> Result<Self, Error> {
        let der = inner.to_der()?;
        Ok(Self {
            inner,
            der,
            subject: OnceLock::new(),
            issuer: OnceLock::new(),
            fingerprint: OnceLock::new(),
        })
    }

    /// Parses every certificate in `bytes`: one DER certificate, or PEM with any
    /// number of `CERTIFICATE` blocks.
    ///
    /// # Errors
    /// When nothing in `bytes` is a certificate, or a PEM block is malformed.
    pub fn parse_all(bytes: &[u8]) -> Result<Vec<Self>, Error> {
        let text = std::str::from_utf8(bytes)
            .ok()
            .filter(|t| t.contains("-----BEGIN"));
        let Some(text) = text else {
            return Ok(vec![Self::from_der(bytes)?]);
        };
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
            let block = rest.get(start..).unwrap_or_default();
            let end_marker = "-----END CERTIFICATE-----";
            let end = block
                .find(end_marker)
                .ok_or_else(|| Error::new(ErrorKind::Asn1("PEM block without END".into())))?;
            let pem = block.get(..end + end_marker.len()).unwrap_or_default();
            // Lenient: any line length, CRLF, trailing spaces (real CA downloads vary).
            let body: String = pem
                .lines()
                .filter(|l| !l.starts_with("-----"))
                .flat_map(str::chars)
                .filter(|c| !c.is_whitespace())
                .collect();
            let der =
                base64::Engine::decode(&base64::engine::general_purpose::STANDARD, body.as_bytes())
                    .map_err(|e| Error::new(ErrorKind::Asn1(format!("PEM: {e}"))))?;
            out.push(Self::from_der(&der)?);
            rest = block.get(end + end_marker.len()..).unwrap_or_default();
        }
        if out.is_empty() {
            return Err(Error::new(ErrorKind::Asn1("no CERTIFICATE block".into())));
        }
        Ok(out)
    }

    /// The DER encoding.
    #[must_use]
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The `tbsCertificate` element as it is in the DER encoding.
    fn tbs_der(&self) -> Option<&[u8]> {
        use der::Reader as _;
        // Certificate ::= SEQUENCE { tbsCertificate, ... }: the first element
        // of the outer SEQUENCE, as encoded.
        let mut outer = der::SliceReader::new(&self.der).ok()?;
        let header = der::Header::decode(&mut outer).ok()?;
        let mut body = der::SliceReader::new(outer.read_slice(header.length).ok()?).ok()?;
        body.tlv_bytes().ok()
    }

    pub(crate) fn inner(&self) -> &x509_cert::Certificate {
        &self.inner
    }

    fn tbs(&self) -> &x509_cert::TbsCertificate {
        &self.inner.tbs_certificate
    }

    /// The subject as an RFC 4514 string (formatted once, then kept).
    #[must_use]
    pub fn subject(&self) -> String {
        self.subject_str().to_owned()
    }

    /// The issuer as an RFC 4514 string (formatted once, then kept).
    #[must_use]
    pub fn issuer(&self) -> String {
        self.issuer_str().to_owned()
    }

    /// The subject as an RFC 4514 string, borrowed.
    #[must_use]
    pub fn subject_str(&self) -> &str {
        self.subject
            .get_or_init(|| rfc4514(&self.inner.tbs_certificate.subject))
    }

    /// The issuer as an RFC 4514 string, borrowed.
    #[must_use]
    pub fn issuer_str(&self) -> &str {
        self.issuer
            .get_or_init(|| rfc4514(&self.inner.tbs_certificate.issuer))
    }

    /// The serial number in upper-case hex.
    #[must_use]
    pub fn serial_hex(&self) -> String {
        base16ct::upper::encode_string(self.tbs().serial_number.as_bytes())
    }

    /// Start of the validity period.
    #[must_use]
    pub fn not_before(&self) -> DateTime<Utc> {
        to_chrono(self.tbs().validity.not_before)
    }

    /// End of the validity period.
    #[must_use]
    pub fn not_after(&self) -> DateTime<Utc> {
        to_chrono(self.tbs().validity.not_after)
    }

    /// Values of one subject attribute, in order.
    fn subject_values(&self, oid: Oid) -> Vec<String> {
        name_values(&self.tbs().subject, oid)
    }

    /// The subject's `UID` values, e.g. `CCCD:025199009534`, `MST:0100686209-199`.
    #[must_use]
    pub fn uids(&self) -> Vec<String> {
        self.subject_values(UID)
    }

    /// The subject's common name.
    #[must_use]
    pub fn common_name(&self) -> Option<String> {
        self.subject_values(CN).into_iter().next()
    }

    /// The subject's organisation.
    #[must_use]
    pub fn organization(&self) -> Option<String> {
        self.subject_values(O).into_iter().next()
    }

    /// The subject's title (`T`).
    #[must_use]
    pub fn title(&self) -> Option<String> {
        self.subject_values(TITLE).into_iter().next()
    }

    /// The issuer's organisation (`O`).
    #[must_use]
    pub fn issuer_organization(&self) -> Option<String> {
        name_values(&self.tbs().issuer, O).into_iter().next()
    }

    /// The issuer's common name (`CN`).
    #[must_use]
    pub fn issuer_common_name(&self) -> Option<String> {
        name_values(&self.tbs().issuer, CN).into_iter().next()
    }

    /// The certificate policy OIDs (RFC 5280 §4.2.1.4), dotted.
    #[must_use]
    pub fn policy_oids(&self) -> Vec<String> {
        self.extension::<x509_cert::ext::pkix::CertificatePolicies>()
            .map(|(_, p)| {
                p.0.iter()
                    .map(|i| i.policy_identifier.to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn extension<'a, T: Decode<'a> + der::oid::AssociatedOid>(&'a self) -> Option<(bool, T)> {
        self.tbs().get::<T>().ok().flatten()
    }

    /// The SHA-256 digest of the DER encoding (computed once, then kept).
    pub(crate) fn fingerprint(&self) -> [u8; 32] {
        *self.fingerprint.get_or_init(|| {
            use sha2::Digest as _;
            sha2::Sha256::digest(&self.der).into()
        })
    }

    /// The key identifier of the authority key identifier extension.
    pub(crate) fn authority_key_id(&self) -> Option<Vec<u8>> {
        self.extension::<x509_cert::ext::pkix::AuthorityKeyIdentifier>()
            .and_then(|(_, a)| a.key_identifier)
            .map(|k| k.as_bytes().to_vec())
    }

    pub(crate) fn subject_key_id(&self) -> Option<Vec<u8>> {
        self.extension::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
            .map(|(_, s)| s.0.as_bytes().to_vec())
    }

    /// True when the certificate's extended key usage includes `id-kp-timeStamping`
    /// (RFC 3161 §2.3 requires it, critical, of a TSA certificate).
    #[must_use]
    pub fn is_time_stamping(&self) -> bool {
        const TIME_STAMPING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.8");
        self.extension::<x509_cert::ext::pkix::ExtendedKeyUsage>()
            .is_some_and(|(_, eku)| eku.0.contains(&TIME_STAMPING))
    }

    /// True when the extended key usage extension is present and lists `oid`.
    pub(crate) fn has_extended_key_usage(&self, oid: Oid) -> bool {
        self.extension::<x509_cert::ext::pkix::ExtendedKeyUsage>()
            .is_some_and(|(_, eku)| eku.0.contains(&oid))
    }

    /// The extended key usage OIDs, `None` without the extension.
    pub(crate) fn extended_key_usage(&self) -> Option<Vec<Oid>> {
        self.extension::<x509_cert::ext::pkix::ExtendedKeyUsage>()
            .map(|(_, eku)| eku.0)
    }

    /// The name constraints extension of a CA (RFC 5280 §4.2.1.10).
    pub(crate) fn name_constraints(&self) -> Option<x509_cert::ext::pkix::NameConstraints> {
        self.extension::<x509_cert::ext::pkix::NameConstraints>()
            .map(|(_, nc)| nc)
    }

    /// The subject alternative names, empty without the extension.
    pub(crate) fn subject_alt_names(&self) -> Vec<x509_cert::ext::pkix::name::GeneralName> {
        self.extension::<x509_cert::ext::pkix::SubjectAltName>()
            .map(|(_, san)| san.0)
            .unwrap_or_default()
    }

    pub(crate) fn is_self_issued(&self) -> bool {
        names_match(&self.tbs().subject, &self.tbs().issuer)
    }

    /// True when `self` issued `child`: names chain and the signature verifies.
    pub(crate) fn issued(&self, child: &Certificate) -> bool {
        names_match(&self.tbs().subject, &child.tbs().issuer) && self.signed(child)
    }

    /// True when `child`'s signature verifies with `self`'s key.
    pub(crate) fn signed(&self, child: &Certificate) -> bool {
        verify_cert_signature(child, self, &permissive()).is_ok()
    }
}

/// The policy for signatures that only link objects (certificates, CRLs, OCSP
/// responses): the algorithms of the path are judged separately.
pub(crate) fn permissive() -> AlgorithmPolicy {
    let mut p = AlgorithmPolicy::legacy();
    p.min_rsa_bits = 1024;
    p
}

pub(crate) fn to_chrono(t: x509_cert::time::Time) -> DateTime<Utc> {
    let secs = i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
    DateTime::from_timestamp(secs, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Attribute types of the names in Vietnamese and European certificates, whose
/// RFC 4514 short names are looked up once per process rather than once per
/// attribute (the lookup scans the whole OID name table).
const COMMON_ATTRIBUTES: [Oid; 18] = [
    CN,
    O,
    TITLE,
    UID,
    Oid::new_unwrap("2.5.4.4"),                    // surname
    Oid::new_unwrap("2.5.4.5"),                    // serialNumber
    Oid::new_unwrap("2.5.4.6"),                    // countryName
    Oid::new_unwrap("2.5.4.7"),                    // localityName
    Oid::new_unwrap("2.5.4.8"),                    // stateOrProvinceName
    Oid::new_unwrap("2.5.4.9"),                    // streetAddress
    Oid::new_unwrap("2.5.4.11"),                   // organizationalUnitName
    Oid::new_unwrap("2.5.4.13"),                   // description
    Oid::new_unwrap("2.5.4.17"),                   // postalCode
    Oid::new_unwrap("2.5.4.42"),                   // givenName
    Oid::new_unwrap("2.5.4.97"),                   // organizationIdentifier
    Oid::new_unwrap("1.2.840.113549.1.9.1"),       // emailAddress
    Oid::new_unwrap("0.9.2342.19200300.100.1.25"), // domainComponent
    Oid::new_unwrap("2.5.4.46"),                   // dnQualifier
];

/// The upper-case shortest registered name of `oid`, as x509-cert's RFC 4514
/// formatting writes it; `None` when `oid` is not among [`COMMON_ATTRIBUTES`].
fn common_short_name(oid: &Oid) -> Option<Option<&'static str>> {
    static NAMES: OnceLock<Vec<(Oid, Option<String>)>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        COMMON_ATTRIBUTES
            .iter()
            .map(|oid| {
                let shortest =
                    der::oid::db::DB
                        .find_names_for_oid(*oid)
                        .fold(None::<&str>, |best, name| match best {
                            Some(b) if b.len() <= name.len() => Some(b),
                            _ => Some(name),
                        });
                (*oid, shortest.map(str::to_ascii_uppercase))
            })
            .collect()
    });
    names
        .iter()
        .find(|(o, _)| o == oid)
        .map(|(_, name)| name.as_deref())
}

/// `name` as an RFC 4514 string, exactly as x509-cert's `Display` writes it
/// (RDNs last to first, `+` inside an RDN, string values escaped, other values
/// as `OID=#hex`), without its per-attribute scan of the OID name table for the
/// common attribute types.
fn rfc4514(name: &Name) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (i, rdn) in name.0.iter().rev().enumerate() {
        if i > 0 {
            out.push(',');
        }
        for (j, atv) in rdn.0.iter().enumerate() {
            if j > 0 {
                out.push('+');
            }
            match (common_short_name(&atv.oid), rfc4514_string(&atv.value)) {
                (Some(Some(key)), Some(value)) => {
                    out.push_str(key);
                    out.push('=');
                    escape_rfc4514(&mut out, value);
                }
                // Rare types and non-string values: x509-cert's own formatting.
                _ => {
                    let _ = write!(out, "{atv}");
                }
            }
        }
    }
    out
}

/// The string of a value of the four types x509-cert formats as text.
fn rfc4514_string(value: &der::Any) -> Option<&str> {
    use der::asn1::{Ia5StringRef, PrintableStringRef, TeletexStringRef, Utf8StringRef};
    use der::{Tag, Tagged};
    match value.tag() {
        Tag::PrintableString => PrintableStringRef::try_from(value).ok().map(|s| s.as_str()),
        Tag::Utf8String => Utf8StringRef::try_from(value).ok().map(|s| s.as_str()),
        Tag::Ia5String => Ia5StringRef::try_from(value).ok().map(|s| s.as_str()),
        Tag::TeletexString => TeletexStringRef::try_from(value).ok().map(|s| s.as_str()),
        _ => None,
    }
}

/// RFC 4514 §2.4 escaping, as x509-cert does it.
fn escape_rfc4514(out: &mut String, value: &str) {
    use std::fmt::Write as _;
    let mut chars = value.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || chars.peek().is_none() => out.push_str("\\ "),
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\x00'..='\x1f' | '\x7f' => {
                let _ = write!(out, "\\{:02x}", c as u8);
            }
            _ => out.push(c),
        }
    }
}

fn name_values(name: &Name, oid: Oid) -> Vec<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|atv| atv.oid == oid)
        .filter_map(|atv| directory_string(&atv.value))
        .collect()
}

fn directory_string(value: &der::Any) -> Option<String> {
    use der::{Tag, Tagged};
    let bytes = value.value();
    match value.tag() {
        Tag::Utf8String
        | Tag::PrintableString
        | Tag::Ia5String
        | Tag::TeletexString
        | Tag::VisibleString => Some(String::from_utf8_lossy(bytes).into_owned()),
        Tag::BmpString => {
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|c| match c {
                    [a, b] => u16::from_be_bytes([*a, *b]),
                    _ => 0xfffd,
                })
                .collect();
            Some(String::from_utf16_lossy(&units))
        }
        _ => None,
    }
}

/// RFC 5280 §7.1 name matching: exact DER, or the same attribute values compared
/// case-insensitively after trimming (PrintableString vs UTF8String encodings).
pub(crate) fn names_match(a: &Name, b: &Name) -> bool {
    if a == b {
        return true;
    }
    let flat = |n: &Name| -> Vec<(Oid, String)> {
        n.0.iter()
            .flat_map(|rdn| rdn.0.iter())
            .map(|atv| {
                let v = directory_string(&atv.value)
                    .map(|s| {
                        s.split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                            .to_lowercase()
                    })
                    .unwrap_or_else(|| format!("{:?}", atv.value.value()));
                (atv.oid, v)
            })
            .collect()
    };
    flat(a) == flat(b)
}

fn verify_cert_signature(
    child: &Certificate,
    issuer: &Certificate,
    policy: &AlgorithmPolicy,
) -> Result<(), CryptoError> {
    // The signed bytes as they are in the certificate (re-encoded only when
    // they cannot be found, which a DER certificate never gives).
    let owned;
    let tbs = match child.tbs_der() {
        Some(tbs) => tbs,
        None => {
            owned = child.inner.tbs_certificate.to_der().map_err(|e| {
                CryptoError::Unsupported(crypto::why(
                    e.to_string(),
                    "không mã hóa lại được phần được ký của chứng thư",
                ))
            })?;
            &owned
        }
    };
    let sig = child.inner.signature.as_bytes().ok_or_else(|| {
        CryptoError::Unsupported(crypto::why(
            "signature with unused bits",
            "chữ ký có bit thừa",
        ))
    })?;
    crypto::verify(
        &issuer.inner.tbs_certificate.subject_public_key_info,
        &child.inner.signature_algorithm,
        None,
        &[tbs],
        sig,
        policy,
    )
}

/// What a validation may use: trust anchors, extra intermediates, and CRLs and
/// OCSP responses for revocation.
#[derive(Debug, Clone, Default)]
pub struct TrustStore {
    anchors: Vec<Certificate>,
    intermediates: Vec<Certificate>,
    revocation: crate::ltv::revocation::RevocationData,
}

/// What a certificate path is validated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// Signing documents: the signer's extended key usage must allow it.
    DocumentSigning,
    /// Time-stamping (RFC 3161 §2.3 is checked beside the path).
    TimeStamping,
}

/// A validated path and what its revocation check found.
#[derive(Debug, Clone)]
pub(crate) struct PathValidation {
    /// The named checks.
    pub(crate) checks: Vec<Check>,
    /// The path, leaf first, anchor last; empty when none was built.
    pub(crate) path: Vec<Certificate>,
    /// Every certificate below the anchor has its revocation status from data
    /// the document carries.
    pub(crate) revocation_from_document: bool,
}

impl TrustStore {
    /// An empty store: nothing is trusted.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Trusts `cert` as an anchor.
    pub fn add_anchor(&mut self, cert: Certificate) {
        self.anchors.push(cert);
    }

    /// Offers `cert` as an intermediate (not trusted by itself).
    pub fn add_intermediate(&mut self, cert: Certificate) {
        self.intermediates.push(cert);
    }

    /// Adds a DER-encoded CRL; revocation is checked against the CRLs and
    /// OCSP responses given and those the document carries.
    ///
    /// # Errors
    /// When `der` is not a CRL.
    pub fn add_crl_der(&mut self, der: &[u8]) -> Result<(), Error> {
        self.revocation.add_crl(der, false)
    }

    /// Adds a DER-encoded OCSP response (an `OCSPResponse`, RFC 6960 §4.2.1,
    /// or a bare `BasicOCSPResponse`). It counts only when its signature, its
    /// responder and its freshness check out at validation time.
    ///
    /// # Errors
    /// When `der` is not a successful OCSP response.
    pub fn add_ocsp_der(&mut self, der: &[u8]) -> Result<(), Error> {
        if self.revocation.add_ocsp(der, false) {
            Ok(())
        } else {
            Err(Error::new(ErrorKind::Asn1(
                "not a successful OCSP response".into(),
            )))
        }
    }

    /// Adds a CRL or OCSP response found in the document (`/DSS`, CMS
    /// attributes); unreadable ones are skipped.
    pub(crate) fn add_document_revocation(&mut self, crls: &[Vec<u8>], ocsps: &[Vec<u8>]) {
        for crl in crls {
            let _ = self.revocation.add_crl(crl, true);
        }
        for ocsp in ocsps {
            let _ = self.revocation.add_ocsp(ocsp, true);
        }
    }

    /// The trust anchors.
    #[must_use]
    pub fn anchors(&self) -> &[Certificate] {
        &self.anchors
    }

    /// Validates the path from `leaf` to an anchor at time `at`.
    ///
    /// `extra` are certificates found next to the signature (the CMS set).
    /// Returns the named checks and the path (leaf first, anchor last) when one was built.
    /// The signer's extended key usage must allow signing documents (see
    /// `docs/signature-policy.md` §8 in the repository).
    #[must_use]
    pub fn validate(
        &self,
        leaf: &Certificate,
        extra: &[Certificate],
        at: DateTime<Utc>,
        policy: &AlgorithmPolicy,
        max_path: usize,
    ) -> (Vec<Check>, Vec<Certificate>) {
        let work = PathWork::new(&crate::limits::Limits::default());
        let v = self.validate_for(
            leaf,
            extra,
            at,
            policy,
            max_path,
            Purpose::DocumentSigning,
            &work,
        );
        (v.checks, v.path)
    }

    /// [`validate`](Self::validate) for a purpose, with the revocation
    /// sources, within the document's path-building budget `work`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn validate_for(
        &self,
        leaf: &Certificate,
        extra: &[Certificate],
        at: DateTime<Utc>,
        policy: &AlgorithmPolicy,
        max_path: usize,
        purpose: Purpose,
        work: &PathWork,
    ) -> PathValidation {
        let fail = |checks: Vec<Check>| PathValidation {
            checks,
            path: Vec::new(),
            revocation_from_document: false,
        };
        let pool: Vec<&Certificate> = extra
            .iter()
            .chain(&self.intermediates)
            .take(MAX_POOL)
            .collect();
        if self.anchors.is_empty() {
            return fail(vec![Check::failed(
                CheckId::ChainToAnchor,
                SubIndication::NoCertificateChainFound,
                format!(
                    "no trust anchor was given: the path from '{}' cannot be validated",
                    leaf.subject()
                ),
                format!(
                    "không có chứng thư gốc tin cậy nào được cung cấp: không thể xác thực đường dẫn từ '{}'",
                    leaf.subject()
                ),
            )]);
        }
        let path = match self.build(leaf, &pool, max_path, work) {
            Ok(path) => path,
            Err(limit) => {
                let (en, vi) = limit.describe();
                return fail(vec![Check::failed(
                    CheckId::ChainToAnchor,
                    SubIndication::NoCertificateChainFound,
                    format!(
                        "path building from '{}' stopped at a limit: {en}",
                        leaf.subject()
                    ),
                    format!(
                        "việc xây dựng đường dẫn từ '{}' dừng lại vì chạm giới hạn: {vi}",
                        leaf.subject()
                    ),
                )]);
            }
        };
        let Some(path) = path else {
            return fail(vec![Check::failed(
                CheckId::ChainToAnchor,
                SubIndication::NoCertificateChainFound,
                format!("no path from '{}' to a trusted anchor", leaf.subject()),
                format!(
                    "không xây dựng được đường dẫn tin cậy từ '{}' tới chứng thư gốc tin cậy",
                    leaf.subject()
                ),
            )]);
        };
        let anchor_subject = path.last().map(Certificate::subject).unwrap_or_default();
        let mut checks = vec![Check::passed(
            CheckId::ChainToAnchor,
            format!(
                "path of {} certificates to the anchor '{anchor_subject}'",
                path.len()
            ),
            format!(
                "đường dẫn {} chứng thư tới chứng thư gốc '{anchor_subject}'",
                path.len()
            ),
        )];
        checks.push(check_validity(&path, at));
        checks.push(check_constraints(&path, purpose));
        checks.push(check_algorithms(&path, policy));
        let revocation = crate::ltv::revocation::check_path(&self.revocation, &path, &pool, at);
        checks.push(revocation.check);
        PathValidation {
            checks,
            path,
            revocation_from_document: revocation.from_document,
        }
    }

    /// Depth-first path building, bounded by `max_path`, by the pool size and
    /// by the budget `work`; `Err` when a limit stopped it before a path was found.
    fn build(
        &self,
        leaf: &Certificate,
        pool: &[&Certificate],
        max_path: usize,
        work: &PathWork,
    ) -> Result<Option<Vec<Certificate>>, PathLimit> {
        if self.anchors.iter().any(|a| a.der == leaf.der) {
            return Ok(Some(vec![leaf.clone()]));
        }
        let mut path = vec![leaf.clone()];
        let mut expanded = vec![false; pool.len()];
        let mut truncated = None;
        if self.extend(
            &mut path,
            pool,
            max_path,
            &mut expanded,
            work,
            &mut truncated,
        )? {
            Ok(Some(path))
        } else if let Some(limit) = truncated {
            Err(work.stop(limit))
        } else {
            Ok(None)
        }
    }

    /// Depth-first search where each pool certificate is expanded at most
    /// once, and at most `max_path_candidates` issuers are tried per step, so
    /// that hostile sets of cross-signed certificates cost at most
    /// pool × candidates signature checks (and never more than the budget).
    fn extend(
        &self,
        path: &mut Vec<Certificate>,
        pool: &[&Certificate],
        max_path: usize,
        expanded: &mut [bool],
        work: &PathWork,
        truncated: &mut Option<PathLimit>,
    ) -> Result<bool, PathLimit> {
        let Some(current) = path.last().cloned() else {
            return Ok(false);
        };
        for anchor in &self.anchors {
            if work.issued(anchor, &current)? {
                path.push(anchor.clone());
                return Ok(true);
            }
        }
        if path.len() >= max_path {
            return Ok(false);
        }
        let (candidates, cut) = work.candidates(&current, pool, |i, c| {
            !expanded.get(i).copied().unwrap_or(true) && !path.iter().any(|p| p.der == c.der)
        });
        if cut && truncated.is_none() {
            *truncated = Some(PathLimit::Candidates(candidates.len()));
        }
        for i in candidates {
            let Some(candidate) = pool.get(i) else {
                continue;
            };
            // Expanded by a deeper step of this search meanwhile.
            if expanded.get(i).copied().unwrap_or(true) || !work.issued(candidate, &current)? {
                continue;
            }
            if let Some(flag) = expanded.get_mut(i) {
                *flag = true;
            }
            path.push((*candidate).clone());
            if self.extend(path, pool, max_path, expanded, work, truncated)? {
                return Ok(true);
            }
            path.pop();
        }
        Ok(false)
    }
}

fn check_validity(path: &[Certificate], at: DateTime<Utc>) -> Check {
    let shown = crate::report::vn_time(&at);
    for cert in path {
        if at < cert.not_before() {
            return Check::failed(
                CheckId::CertificateValidity,
                SubIndication::NotYetValid,
                format!(
                    "'{}' is not valid before {} (validation time {shown})",
                    cert.subject(),
                    crate::report::vn_time(&cert.not_before())
                ),
                format!(
                    "chứng thư '{}' chưa có hiệu lực trước {} (thời điểm kiểm tra {shown})",
                    cert.subject(),
                    crate::report::vn_time(&cert.not_before())
                ),
            );
        }
        if at > cert.not_after() {
            return Check::failed(
                CheckId::CertificateValidity,
                SubIndication::OutOfBoundsNoPoe,
                format!(
                    "'{}' expired on {} (validation time {shown})",
                    cert.subject(),
                    crate::report::vn_time(&cert.not_after())
                ),
                format!(
                    "chứng thư '{}' đã hết hạn ngày {} (thời điểm kiểm tra {shown})",
                    cert.subject(),
                    crate::report::vn_time(&cert.not_after())
                ),
            );
        }
    }
    Check::passed(
        CheckId::CertificateValidity,
        format!("every certificate is valid at {shown}"),
        format!("mọi chứng thư đều còn hiệu lực tại {shown}"),
    )
}

fn check_constraints(path: &[Certificate], purpose: Purpose) -> Check {
    let fail = |en: String, vi: String| {
        Check::failed(
            CheckId::ChainConstraints,
            SubIndication::ChainConstraintsFailure,
            en,
            vi,
        )
    };
    for (i, cert) in path.iter().enumerate() {
        if let Some(ext) = cert
            .tbs()
            .extensions
            .iter()
            .flatten()
            .find(|e| e.critical && !KNOWN_EXTENSIONS.contains(&e.extn_id.to_string().as_str()))
        {
            return fail(
                format!(
                    "'{}' has an unsupported critical extension {}",
                    cert.subject(),
                    ext.extn_id
                ),
                format!(
                    "chứng thư '{}' có phần mở rộng bắt buộc không hỗ trợ {}",
                    cert.subject(),
                    ext.extn_id
                ),
            );
        }
        let ku = cert.extension::<KeyUsage>().map(|(_, k)| k);
        if i == 0 {
            if ku.is_some_and(|k| {
                !k.0.contains(KeyUsages::DigitalSignature)
                    && !k.0.contains(KeyUsages::NonRepudiation)
            }) {
                return fail(
                    format!(
                        "the signing certificate's key usage allows neither digitalSignature nor nonRepudiation ('{}')",
                        cert.subject()
                    ),
                    format!(
                        "mục đích sử dụng khóa của chứng thư ký không cho phép ký số ('{}')",
                        cert.subject()
                    ),
                );
            }
            if purpose == Purpose::DocumentSigning
                && let Some((en, vi)) = crate::constraints::extended_key_usage(cert)
            {
                return fail(en, vi);
            }
            continue;
        }
        if let Some((en, vi)) = crate::constraints::name_constraints(path, i) {
            return fail(en, vi);
        }
        // A CA certificate: cA must be asserted (RFC 5280 §6.1.4 (k)); v1 anchors are accepted as is.
        let bc = cert.extension::<BasicConstraints>().map(|(_, b)| b);
        let is_v1_anchor = i + 1 == path.len() && cert.tbs().version == x509_cert::Version::V1;
        if !is_v1_anchor && !bc.as_ref().is_some_and(|b| b.ca) {
            return fail(
                format!(
                    "'{}' issues certificates but is not a CA (basicConstraints)",
                    cert.subject()
                ),
                format!(
                    "chứng thư '{}' cấp chứng thư khác nhưng không phải CA (basicConstraints)",
                    cert.subject()
                ),
            );
        }
        if ku.is_some_and(|k| !k.0.contains(KeyUsages::KeyCertSign)) {
            return fail(
                format!("'{}' key usage does not allow keyCertSign", cert.subject()),
                format!(
                    "mục đích sử dụng khóa của '{}' không cho phép ký chứng thư",
                    cert.subject()
                ),
            );
        }
        // Path length: intermediates below this one that are not self-issued (§6.1.4 (l), (m)).
        let below = path
            .get(1..i)
            .map_or(0, |s| s.iter().filter(|c| !c.is_self_issued()).count());
        if let Some(limit) = bc.and_then(|b| b.path_len_constraint)
            && below > usize::from(limit)
        {
            return fail(
                format!(
                    "'{}' allows {limit} intermediate CAs below it, the path has {below}",
                    cert.subject()
                ),
                format!(
                    "'{}' chỉ cho phép {limit} CA trung gian, đường dẫn có {below}",
                    cert.subject()
                ),
            );
        }
    }
    Check::passed(
        CheckId::ChainConstraints,
        "basic constraints, key usage, extended key usage, name constraints and path length are respected",
        "các ràng buộc cơ bản, mục đích sử dụng khóa, mục đích sử dụng mở rộng, ràng buộc tên và độ dài đường dẫn đều được tuân thủ",
    )
}

fn check_algorithms(path: &[Certificate], policy: &AlgorithmPolicy) -> Check {
    for pair in path.windows(2) {
        let [child, issuer] = pair else { continue };
        // The signature was verified while building the path; only the policy remains.
        match crypto::check_policy(
            &issuer.tbs().subject_public_key_info,
            &child.inner.signature_algorithm,
            policy,
        ) {
            Ok(()) => {}
            Err(CryptoError::Refused(why)) | Err(CryptoError::Unsupported(why)) => {
                return Check::failed(
                    CheckId::CertificateAlgorithms,
                    SubIndication::CryptoConstraintsFailure,
                    format!(
                        "the signature on '{}' uses an algorithm not accepted: {}",
                        child.subject(),
                        why.en
                    ),
                    format!(
                        "chữ ký trên chứng thư '{}' dùng thuật toán không được chấp nhận: {}",
                        child.subject(),
                        why.vi
                    ),
                );
            }
            Err(CryptoError::Invalid) => {
                return Check::failed(
                    CheckId::CertificateAlgorithms,
                    SubIndication::CertificateChainGeneralFailure,
                    format!("the signature on '{}' does not verify", child.subject()),
                    format!("chữ ký trên chứng thư '{}' không hợp lệ", child.subject()),
                );
            }
        }
    }
    Check::passed(
        CheckId::CertificateAlgorithms,
        "certificate signatures use accepted algorithms and key sizes",
        "chữ ký trên các chứng thư dùng thuật toán và độ dài khóa được chấp nhận",
    )
}

#[cfg(test)]
mod name_tests {
    #![allow(clippy::unwrap_used)]
    use der::asn1::{Ia5StringRef, ObjectIdentifier as Oid, PrintableStringRef, SetOfVec};
    use der::{Any, Tag};
    use x509_cert::attr::AttributeTypeAndValue;
    use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};

    fn atv(oid: &str, tag: Tag, value: &str) -> AttributeTypeAndValue {
        let value = match tag {
            Tag::PrintableString => Any::from(PrintableStringRef::new(value).unwrap()),
            Tag::Ia5String => Any::from(Ia5StringRef::new(value).unwrap()),
            Tag::BmpString => {
                let units: Vec<u8> = value.encode_utf16().flat_map(u16::to_be_bytes).collect();
                Any::new(Tag::BmpString, units).unwrap()
            }
            _ => Any::new(tag, value.as_bytes()).unwrap(),
        };
        AttributeTypeAndValue {
            oid: Oid::new_unwrap(oid),
            value,
        }
    }

    fn name(rdns: Vec<Vec<AttributeTypeAndValue>>) -> Name {
        RdnSequence(
            rdns.into_iter()
                .map(|atvs| RelativeDistinguishedName(SetOfVec::try_from(atvs).unwrap()))
                .collect(),
        )
    }

    #[test]
    fn names_format_as_x509_cert_formats_them() {
        let u = Tag::Utf8String;
        let every_common: Vec<Vec<AttributeTypeAndValue>> = super::COMMON_ATTRIBUTES
            .iter()
            .map(|oid| vec![atv(&oid.to_string(), u, "Giá trị")])
            .collect();
        let names = [
            name(vec![
                vec![atv("2.5.4.6", Tag::PrintableString, "VN")],
                vec![atv("2.5.4.10", u, "Sở Y tế")],
                vec![
                    atv("2.5.4.3", u, "SO Y TE"),
                    atv("0.9.2342.19200300.100.1.1", u, "MST:0400260612"),
                ],
            ]),
            name(vec![
                vec![atv("2.5.4.3", u, "#hash, comma+plus ;semi<>\"q\\")],
                vec![atv("2.5.4.10", u, " lead and trail ")],
                vec![atv("2.5.4.11", u, "ctl\u{1}\u{7f}")],
                vec![atv("1.2.840.113549.1.9.1", Tag::Ia5String, "a@b.vn")],
                vec![atv("2.5.4.12", Tag::TeletexString, "Giam doc")],
            ]),
            // Not a string type, and a type outside the common list.
            name(vec![
                vec![atv("2.5.4.3", Tag::BmpString, "Nguyễn")],
                vec![atv("1.2.3.4", u, "x")],
                vec![atv("2.5.4.65", u, "pseudonym")],
            ]),
            name(every_common),
            name(vec![]),
        ];
        for n in &names {
            assert_eq!(super::rfc4514(n), n.to_string());
        }
        assert_eq!(
            super::rfc4514(&names[0]),
            "CN=SO Y TE+UID=MST:0400260612,O=Sở Y tế,C=VN"
        );
    }
}

#[cfg(all(test, feature = "test-pki"))]
mod tbs_tests {
    #![allow(clippy::unwrap_used)]
    use chrono::{TimeZone, Utc};
    use der::Encode;

    use crate::testpki::{KeyKind, Profile, generate_key, issue};

    #[test]
    fn the_signed_part_is_taken_from_the_encoding_as_it_is() {
        let key = generate_key(KeyKind::P256).unwrap();
        let t = |y| Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
        let cert = issue(
            &Profile::ca(vec![("CN", "Root".to_owned())], 1, t(2020), t(2040), None),
            &key,
            None,
        )
        .unwrap();
        let tbs = cert.inner.tbs_certificate.to_der().unwrap();
        assert_eq!(cert.tbs_der(), Some(tbs.as_slice()));
        assert!(super::verify_cert_signature(&cert, &cert, &super::permissive()).is_ok());
    }
}
