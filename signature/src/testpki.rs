//! **Test only.** A throw-away PKI and sample PDFs, so that test suites,
//! benches and fuzz corpora can build their own signed corpus at run time.
//!
//! Behind the `test-pki` feature. Keys come from the operating system's random
//! generator and certificates carry no revocation information: never use them
//! for anything but tests.

use std::time::SystemTime;

use chrono::{DateTime, Utc};
use der::asn1::{Any, BitString, OctetString, SetOfVec};
use der::{Decode, Encode, Tag};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages, SubjectKeyIdentifier};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use x509_cert::{TbsCertificate, Version};

use crate::certs::Certificate;
use crate::crypto::oid;
use crate::error::{Error, ErrorKind};
use crate::sign::SigningKey;

pub mod hostile;
mod two_signers;

pub use two_signers::TwoSigners;

/// Which key to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyKind {
    /// ECDSA P-256 (fast: the default for tests).
    P256,
    /// ECDSA P-384.
    P384,
    /// RSA 2048.
    Rsa2048,
}

/// Generates a fresh key.
///
/// # Errors
/// When RSA key generation fails.
pub fn generate_key(kind: KeyKind) -> Result<SigningKey, Error> {
    let mut rng = rand_core::OsRng;
    Ok(match kind {
        KeyKind::P256 => SigningKey::P256(p256::ecdsa::SigningKey::random(&mut rng)),
        KeyKind::P384 => SigningKey::P384(p384::ecdsa::SigningKey::random(&mut rng)),
        KeyKind::Rsa2048 => rsa::RsaPrivateKey::new(&mut rng, 2048)
            .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?
            .into(),
    })
}

/// The key usage to put in a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Usage {
    /// digitalSignature + nonRepudiation (a signer).
    Signing,
    /// keyCertSign + cRLSign (a CA).
    Ca,
    /// keyEncipherment only (not for signing).
    EnciphermentOnly,
    /// No key usage extension.
    Absent,
}

/// What to put in a test certificate.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Profile {
    /// Subject attributes in order: `("C", "VN")`, `("CN", "…")`, `("UID", "CCCD:…")`; keys
    /// C, ST, L, O, OU, CN, T, UID, E.
    pub subject: Vec<(&'static str, String)>,
    /// Serial number.
    pub serial: u64,
    /// Start of validity.
    pub not_before: DateTime<Utc>,
    /// End of validity.
    pub not_after: DateTime<Utc>,
    /// `Some(path_len)` for a CA, `None` for an end entity.
    pub ca: Option<Option<u8>>,
    /// Key usage.
    pub usage: Usage,
    /// Add an unknown critical extension (must be refused by validators).
    pub unknown_critical: bool,
    /// Extended key usage OIDs (dotted), written critical; empty: no extension.
    pub extended_key_usage: Vec<String>,
    /// Name constraints of a CA: permitted subtrees (RFC 5280 §4.2.1.10).
    pub permitted_subtrees: Vec<Subtree>,
    /// Name constraints of a CA: excluded subtrees.
    pub excluded_subtrees: Vec<Subtree>,
    /// Certificate policy OIDs (dotted); empty: no extension.
    pub policies: Vec<String>,
}

/// A name-constraints subtree.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Subtree {
    /// A directoryName: the names under these RDNs (same keys as [`Profile::subject`]).
    Directory(Vec<(&'static str, String)>),
    /// An rfc822Name: a mailbox, a host, or `.domain`.
    Email(String),
}

impl Profile {
    /// An end-entity signing certificate valid over `[not_before, not_after]`.
    #[must_use]
    pub fn leaf(
        subject: Vec<(&'static str, String)>,
        serial: u64,
        not_before: DateTime<Utc>,
        not_after: DateTime<Utc>,
    ) -> Self {
        Self {
            subject,
            serial,
            not_before,
            not_after,
            ca: None,
            usage: Usage::Signing,
            unknown_critical: false,
            extended_key_usage: Vec::new(),
            permitted_subtrees: Vec::new(),
            excluded_subtrees: Vec::new(),
            policies: Vec::new(),
        }
    }

    /// A CA certificate with an optional path length.
    #[must_use]
    pub fn ca(
        subject: Vec<(&'static str, String)>,
        serial: u64,
        not_before: DateTime<Utc>,
        not_after: DateTime<Utc>,
        path_len: Option<u8>,
    ) -> Self {
        Self {
            subject,
            serial,
            not_before,
            not_after,
            ca: Some(path_len),
            usage: Usage::Ca,
            unknown_critical: false,
            extended_key_usage: Vec::new(),
            permitted_subtrees: Vec::new(),
            excluded_subtrees: Vec::new(),
            policies: Vec::new(),
        }
    }
}

fn attr_oid(key: &str) -> Result<der::asn1::ObjectIdentifier, Error> {
    let dotted = match key {
        "C" => "2.5.4.6",
        "ST" => "2.5.4.8",
        "L" => "2.5.4.7",
        "O" => "2.5.4.10",
        "OU" => "2.5.4.11",
        "CN" => "2.5.4.3",
        "T" => "2.5.4.12",
        "UID" => "0.9.2342.19200300.100.1.1",
        "E" => "1.2.840.113549.1.9.1",
        other => {
            return Err(Error::new(ErrorKind::Unsupported(format!(
                "attribute {other}"
            ))));
        }
    };
    der::asn1::ObjectIdentifier::new(dotted).map_err(|e| Error::new(ErrorKind::Asn1(e.to_string())))
}

fn build_name(parts: &[(&'static str, String)]) -> Result<Name, Error> {
    let mut rdns = Vec::new();
    for (key, value) in parts {
        let tag = match *key {
            "C" => Tag::PrintableString,
            "E" => Tag::Ia5String,
            _ => Tag::Utf8String,
        };
        let atv = AttributeTypeAndValue {
            oid: attr_oid(key)?,
            value: Any::new(tag, value.as_bytes())?,
        };
        rdns.push(RelativeDistinguishedName(SetOfVec::try_from(vec![atv])?));
    }
    Ok(RdnSequence(rdns))
}

fn time(t: DateTime<Utc>) -> Result<Time, Error> {
    Ok(Time::try_from(SystemTime::from(t))?)
}

fn extension(oid_str: &str, critical: bool, value: &impl Encode) -> Result<Extension, Error> {
    Ok(Extension {
        extn_id: der::asn1::ObjectIdentifier::new(oid_str)
            .map_err(|e| Error::new(ErrorKind::Asn1(e.to_string())))?,
        critical,
        extn_value: OctetString::new(value.to_der()?)?,
    })
}

fn algorithm(key: &SigningKey) -> AlgorithmIdentifierOwned {
    match key {
        SigningKey::Rsa(_) => AlgorithmIdentifierOwned {
            oid: oid::SHA256_RSA,
            parameters: Some(Any::null()),
        },
        SigningKey::P256(_) => AlgorithmIdentifierOwned {
            oid: oid::ECDSA_SHA256,
            parameters: None,
        },
        SigningKey::P384(_) => AlgorithmIdentifierOwned {
            oid: oid::ECDSA_SHA384,
            parameters: None,
        },
    }
}

/// Issues a certificate for `subject_key`, signed by `issuer` (or self-signed).
///
/// # Errors
/// When encoding or signing fails.
pub fn issue(
    profile: &Profile,
    subject_key: &SigningKey,
    issuer: Option<(&Certificate, &SigningKey)>,
) -> Result<Certificate, Error> {
    let subject = build_name(&profile.subject)?;
    let spki = SubjectPublicKeyInfoOwned::from_der(&subject_key.public_key_der()?)?;
    let issuer_name = match issuer {
        Some((cert, _)) => cert.inner().tbs_certificate.subject.clone(),
        None => subject.clone(),
    };
    let signer = issuer.map_or(subject_key, |(_, k)| k);
    let mut exts = Vec::new();
    if let Some(path_len) = profile.ca {
        exts.push(extension(
            "2.5.29.19",
            true,
            &BasicConstraints {
                ca: true,
                path_len_constraint: path_len,
            },
        )?);
    }
    let usage = match profile.usage {
        Usage::Signing => Some(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation),
        Usage::Ca => Some(KeyUsages::KeyCertSign | KeyUsages::CRLSign),
        Usage::EnciphermentOnly => Some(KeyUsages::KeyEncipherment.into()),
        Usage::Absent => None,
    };
    if let Some(u) = usage {
        exts.push(extension("2.5.29.15", true, &KeyUsage(u))?);
    }
    let key_id =
        crate::crypto::DigestAlgorithm::Sha1.digest(&[spki.subject_public_key.raw_bytes()]);
    exts.push(extension(
        "2.5.29.14",
        false,
        &SubjectKeyIdentifier(OctetString::new(key_id)?),
    )?);
    if !profile.extended_key_usage.is_empty() {
        let oids = profile
            .extended_key_usage
            .iter()
            .map(|o| {
                der::asn1::ObjectIdentifier::new(o)
                    .map_err(|e| Error::new(ErrorKind::Asn1(e.to_string())))
            })
            .collect::<Result<Vec<_>, _>>()?;
        exts.push(extension(
            "2.5.29.37",
            true,
            &x509_cert::ext::pkix::ExtendedKeyUsage(oids),
        )?);
    }
    if !profile.permitted_subtrees.is_empty() || !profile.excluded_subtrees.is_empty() {
        use x509_cert::ext::pkix::constraints::name::{GeneralSubtree, NameConstraints};
        use x509_cert::ext::pkix::name::GeneralName;
        let trees = |list: &[Subtree]| -> Result<Option<Vec<GeneralSubtree>>, Error> {
            if list.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::new();
            for t in list {
                let base = match t {
                    Subtree::Directory(parts) => GeneralName::DirectoryName(build_name(parts)?),
                    Subtree::Email(m) => GeneralName::Rfc822Name(der::asn1::Ia5String::new(m)?),
                };
                out.push(GeneralSubtree {
                    base,
                    minimum: 0,
                    maximum: None,
                });
            }
            Ok(Some(out))
        };
        exts.push(extension(
            "2.5.29.30",
            true,
            &NameConstraints {
                permitted_subtrees: trees(&profile.permitted_subtrees)?,
                excluded_subtrees: trees(&profile.excluded_subtrees)?,
            },
        )?);
    }
    if !profile.policies.is_empty() {
        let policies = profile
            .policies
            .iter()
            .map(|o| {
                der::asn1::ObjectIdentifier::new(o)
                    .map(
                        |policy_identifier| x509_cert::ext::pkix::certpolicy::PolicyInformation {
                            policy_identifier,
                            policy_qualifiers: None,
                        },
                    )
                    .map_err(|e| Error::new(ErrorKind::Asn1(e.to_string())))
            })
            .collect::<Result<Vec<_>, _>>()?;
        exts.push(extension(
            "2.5.29.32",
            false,
            &x509_cert::ext::pkix::CertificatePolicies(policies),
        )?);
    }
    if profile.unknown_critical {
        exts.push(extension("1.3.6.1.4.1.99999.1", true, &der::asn1::Null)?);
    }
    let tbs = TbsCertificate {
        version: Version::V3,
        serial_number: SerialNumber::new(&profile.serial.to_be_bytes())?,
        signature: algorithm(signer),
        issuer: issuer_name,
        validity: Validity {
            not_before: time(profile.not_before)?,
            not_after: time(profile.not_after)?,
        },
        subject,
        subject_public_key_info: spki,
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: Some(exts),
    };
    let (alg, sig) = signer.sign(&tbs.to_der()?)?;
    Certificate::from_inner(x509_cert::Certificate {
        tbs_certificate: tbs,
        signature_algorithm: alg,
        signature: BitString::from_bytes(&sig)?,
    })
}

/// A small unsigned PDF: `pages` pages of text, each padded with `filler` bytes
/// of content (to make large test files), classic cross-reference table.
#[must_use]
pub fn sample_pdf(pages: usize, filler: usize) -> Vec<u8> {
    let pages = pages.max(1);
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    let obj = |out: &mut Vec<u8>, offsets: &mut Vec<usize>, body: &[u8]| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    // 1 catalog, 2 pages, 3 font, then per page: page, content.
    obj(&mut out, &mut offsets, b"<</Type /Catalog /Pages 2 0 R>>");
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    obj(
        &mut out,
        &mut offsets,
        format!("<</Type /Pages /Kids [{}] /Count {pages}>>", kids.join(" ")).as_bytes(),
    );
    obj(
        &mut out,
        &mut offsets,
        b"<</Type /Font /Subtype /Type1 /BaseFont /Times-Roman>>",
    );
    for i in 0..pages {
        obj(
            &mut out,
            &mut offsets,
            format!(
                "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 3 0 R>>>> /Contents {} 0 R>>",
                5 + 2 * i
            )
            .as_bytes(),
        );
        let mut content = format!(
            "BT /F1 14 Tf 72 770 Td (CONG HOA XA HOI CHU NGHIA VIET NAM - trang {}) Tj ET\n",
            i + 1
        )
        .into_bytes();
        // Filler: a comment-free sequence of no-op operators, as real scans carry image data.
        while content.len() < filler {
            content.extend_from_slice(b"q Q\n");
        }
        let mut body = format!("<</Length {}>>\nstream\n", content.len()).into_bytes();
        body.extend_from_slice(&content);
        body.extend_from_slice(b"\nendstream");
        obj(&mut out, &mut offsets, &body);
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for o in &offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<</Size {} /Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Like [`sample_pdf`] with one page, but as modern writers save it: the catalog,
/// page tree, page and font in a compressed object stream, and a compressed
/// cross-reference stream with a PNG predictor (ISO 32000-1 §7.5.7–7.5.8).
#[must_use]
pub fn sample_pdf_compressed() -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let content = b"BT /F1 14 Tf 72 770 Td (CONG HOA XA HOI CHU NGHIA VIET NAM - trang 1) Tj ET\n";
    let content_at = out.len();
    out.extend_from_slice(format!("5 0 obj\n<</Length {}>>\nstream\n", content.len()).as_bytes());
    out.extend_from_slice(content);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    let objects: [&[u8]; 4] = [
        b"<</Type /Catalog /Pages 2 0 R>>",
        b"<</Type /Pages /Kids [4 0 R] /Count 1>>",
        b"<</Type /Font /Subtype /Type1 /BaseFont /Times-Roman>>",
        b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 3 0 R>>>> /Contents 5 0 R>>",
    ];
    let mut header = String::new();
    let mut body = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        header.push_str(&format!("{} {} ", i + 1, body.len()));
        body.extend_from_slice(o);
        body.push(b'\n');
    }
    let mut plain = header.clone().into_bytes();
    plain.extend_from_slice(&body);
    let packed = crate::pdf::filter::deflate(&plain);
    let stm_at = out.len();
    out.extend_from_slice(
        format!(
            "6 0 obj\n<</Type /ObjStm /N 4 /First {} /Filter /FlateDecode /Length {}>>\nstream\n",
            header.len(),
            packed.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&packed);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    // Cross-reference stream: W [1 4 2], rows for objects 0..=7, PNG Up predictor.
    let xref_at = out.len();
    let mut rows: Vec<[u8; 7]> = Vec::new();
    let row = |t: u8, a: u32, b: u16| {
        let [a0, a1, a2, a3] = a.to_be_bytes();
        let [b0, b1] = b.to_be_bytes();
        [t, a0, a1, a2, a3, b0, b1]
    };
    rows.push(row(0, 0, 65535));
    for i in 0..4u16 {
        rows.push(row(2, 6, i));
    }
    rows.push(row(1, u32::try_from(content_at).unwrap_or(0), 0));
    rows.push(row(1, u32::try_from(stm_at).unwrap_or(0), 0));
    rows.push(row(1, u32::try_from(xref_at).unwrap_or(0), 0));
    let mut predicted = Vec::new();
    let mut prev = [0u8; 7];
    for r in &rows {
        predicted.push(2u8);
        for (x, p) in r.iter().zip(prev.iter()) {
            predicted.push(x.wrapping_sub(*p));
        }
        prev = *r;
    }
    let packed = crate::pdf::filter::deflate(&predicted);
    out.extend_from_slice(
        format!(
            "7 0 obj\n<</Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns 7>> /Length {}>>\nstream\n",
            packed.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&packed);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    out
}

/// An RFC 3161 time-stamp token (a CMS SignedData over a TSTInfo) for `data`,
/// signed by `tsa`, dated `gen_time`: what a TSA returns, for B-T tests.
///
/// The genTime carries the fraction of a second of `gen_time`, if any, in
/// the form of RFC 3161 §2.4.2 (`YYYYMMDDhhmmss[.s...]Z`, no trailing zero).
///
/// # Errors
/// When encoding or signing fails.
pub fn time_stamp_token(
    data: &[u8],
    gen_time: DateTime<Utc>,
    tsa_key: &SigningKey,
    tsa: &Certificate,
) -> Result<Vec<u8>, Error> {
    let mut text = gen_time.format("%Y%m%d%H%M%S").to_string();
    let nanos = format!(
        "{:09}",
        chrono::Timelike::nanosecond(&gen_time) % 1_000_000_000
    );
    let fraction = nanos.trim_end_matches('0');
    if !fraction.is_empty() {
        text.push('.');
        text.push_str(fraction);
    }
    text.push('Z');
    time_stamp_token_with_gen_time(data, &text, tsa_key, tsa)
}

/// As [`time_stamp_token`], with the genTime written exactly as `gen_time`
/// (e.g. `20250602020005.5Z`, or a malformed value to test a validator).
///
/// # Errors
/// When encoding or signing fails.
pub fn time_stamp_token_with_gen_time(
    data: &[u8],
    gen_time: &str,
    tsa_key: &SigningKey,
    tsa: &Certificate,
) -> Result<Vec<u8>, Error> {
    use crate::cms::{MessageImprint, TstInfo};
    use crate::crypto::DigestAlgorithm;
    let info = TstInfo {
        version: 1,
        policy: der::asn1::ObjectIdentifier::new("1.3.6.1.4.1.99999.2")
            .map_err(|e| Error::new(ErrorKind::Asn1(e.to_string())))?,
        message_imprint: MessageImprint {
            hash_alg: AlgorithmIdentifierOwned {
                oid: oid::SHA256,
                parameters: None,
            },
            hashed: OctetString::new(DigestAlgorithm::Sha256.digest(&[data]))?,
        },
        serial: der::asn1::Int::new(&[1])?,
        gen_time: crate::cms::GenTimeRaw(gen_time.as_bytes().to_vec()),
    };
    let tst = info.to_der()?;
    let attrs = crate::sign::signed_attributes_for(
        crate::cms::oid::TST_INFO,
        tsa_key.digest().digest(&[&tst]),
        tsa,
        tsa_key.digest(),
        None,
    )?;
    let (alg, sig) = tsa_key.sign(attrs.to_be_signed())?;
    crate::sign::build_signed_data(
        tsa,
        &[],
        attrs,
        alg,
        &sig,
        crate::cms::oid::TST_INFO,
        Some(tst),
        None,
    )
}

/// A CRL (RFC 5280 §5) issued by `issuer` listing `revoked` (serial,
/// revocation time), with a next update 30 days after `this_update`.
///
/// # Errors
/// When encoding or signing fails.
pub fn issue_crl(
    issuer: &Certificate,
    issuer_key: &SigningKey,
    revoked: &[(u64, DateTime<Utc>)],
    this_update: DateTime<Utc>,
) -> Result<Vec<u8>, Error> {
    use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
    let mut list = Vec::new();
    for (serial, at) in revoked {
        list.push(RevokedCert {
            serial_number: SerialNumber::new(&serial.to_be_bytes())?,
            revocation_date: time(*at)?,
            crl_entry_extensions: None,
        });
    }
    let tbs = TbsCertList {
        version: Version::V2,
        signature: algorithm(issuer_key),
        issuer: issuer.inner().tbs_certificate.subject.clone(),
        this_update: time(this_update)?,
        next_update: Some(time(this_update + chrono::Duration::days(30))?),
        revoked_certificates: (!list.is_empty()).then_some(list),
        crl_extensions: None,
    };
    let (alg, sig) = issuer_key.sign(&tbs.to_der()?)?;
    Ok(CertificateList {
        tbs_cert_list: tbs,
        signature_algorithm: alg,
        signature: BitString::from_bytes(&sig)?,
    }
    .to_der()?)
}

/// The status an OCSP response gives a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OcspStatus {
    /// Not revoked.
    Good,
    /// Revoked at that time.
    Revoked(DateTime<Utc>),
    /// The responder does not know the certificate.
    Unknown,
}

/// An OCSP response (RFC 6960 §4.2.1, DER `OCSPResponse`) saying `status` of
/// `cert`, issued by `issuer`, signed by `responder` with `responder_key`
/// (the CA itself, or a delegated responder whose certificate is embedded),
/// produced at `this_update`, valid until `next_update`.
///
/// # Errors
/// When encoding or signing fails.
#[allow(clippy::too_many_arguments)]
pub fn ocsp_response(
    cert: &Certificate,
    issuer: &Certificate,
    responder: &Certificate,
    responder_key: &SigningKey,
    status: OcspStatus,
    this_update: DateTime<Utc>,
    next_update: Option<DateTime<Utc>>,
) -> Result<Vec<u8>, Error> {
    use crate::crypto::DigestAlgorithm;
    use x509_ocsp::{
        BasicOcspResponse, CertId, CertStatus, OcspGeneralizedTime, OcspResponse,
        OcspResponseStatus, ResponderId, ResponseBytes, ResponseData, RevokedInfo, SingleResponse,
    };
    let gt = |t: DateTime<Utc>| -> Result<OcspGeneralizedTime, Error> {
        Ok(OcspGeneralizedTime::try_from(SystemTime::from(t))?)
    };
    let itbs = &issuer.inner().tbs_certificate;
    let key_of = |c: &Certificate| {
        DigestAlgorithm::Sha1.digest(&[c
            .inner()
            .tbs_certificate
            .subject_public_key_info
            .subject_public_key
            .raw_bytes()])
    };
    let cert_status = match status {
        OcspStatus::Good => CertStatus::Good(der::asn1::Null),
        OcspStatus::Revoked(at) => CertStatus::Revoked(RevokedInfo {
            revocation_time: gt(at)?,
            revocation_reason: None,
        }),
        OcspStatus::Unknown => CertStatus::Unknown(der::asn1::Null),
    };
    let data = ResponseData {
        version: x509_ocsp::Version::V1,
        responder_id: ResponderId::ByKey(OctetString::new(key_of(responder))?),
        produced_at: gt(this_update)?,
        responses: vec![SingleResponse {
            cert_id: CertId {
                hash_algorithm: AlgorithmIdentifierOwned {
                    oid: oid::SHA1,
                    parameters: Some(Any::null()),
                },
                issuer_name_hash: OctetString::new(
                    DigestAlgorithm::Sha1.digest(&[&itbs.subject.to_der()?]),
                )?,
                issuer_key_hash: OctetString::new(key_of(issuer))?,
                serial_number: cert.inner().tbs_certificate.serial_number.clone(),
            },
            cert_status,
            this_update: gt(this_update)?,
            next_update: next_update.map(gt).transpose()?,
            single_extensions: None,
        }],
        response_extensions: None,
    };
    let (alg, sig) = responder_key.sign(&data.to_der()?)?;
    let basic = BasicOcspResponse {
        tbs_response_data: data,
        signature_algorithm: alg,
        signature: BitString::from_bytes(&sig)?,
        certs: (responder.der() != issuer.der()).then(|| vec![responder.inner().clone()]),
    };
    Ok(OcspResponse {
        response_status: OcspResponseStatus::Successful,
        response_bytes: Some(ResponseBytes {
            response_type: der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.1"),
            response: OctetString::new(basic.to_der()?)?,
        }),
    }
    .to_der()?)
}

/// Adds the `id-aa-ets-revocationValues` unsigned attribute (ETSI EN 319
/// 122-1 §5.5.2) with `crls` and the BasicOCSPResponses of `ocsps`
/// (`OCSPResponse` DER, as [`ocsp_response`] makes) to the SignerInfo of the
/// CMS `cms`: validation data carried in the signature itself.
///
/// # Errors
/// When `cms` is not a SignedData or an item is malformed.
pub fn add_revocation_values(
    cms: &[u8],
    crls: &[Vec<u8>],
    ocsps: &[Vec<u8>],
) -> Result<Vec<u8>, Error> {
    use cms::content_info::ContentInfo;
    use cms::signed_data::{SignedData, SignerInfos};
    #[derive(der::Sequence)]
    struct RevocationValues {
        #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
        crls: Option<Vec<Any>>,
        #[asn1(context_specific = "1", optional = "true", tag_mode = "EXPLICIT")]
        ocsps: Option<Vec<Any>>,
    }
    let mut basics = Vec::new();
    for o in ocsps {
        let response = x509_ocsp::OcspResponse::from_der(o)?;
        let bytes = response
            .response_bytes
            .ok_or_else(|| Error::new(ErrorKind::Asn1("OCSP response without bytes".into())))?;
        basics.push(Any::from_der(bytes.response.as_bytes())?);
    }
    let crls = crls
        .iter()
        .map(|c| Any::from_der(c))
        .collect::<Result<Vec<_>, _>>()?;
    let values = RevocationValues {
        crls: (!crls.is_empty()).then_some(crls),
        ocsps: (!basics.is_empty()).then_some(basics),
    };
    let attribute = x509_cert::attr::Attribute {
        oid: der::asn1::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.24"),
        values: SetOfVec::try_from(vec![Any::encode_from(&values)?])?,
    };
    let mut ci = ContentInfo::from_der(cms)?;
    let mut sd: SignedData = ci.content.decode_as()?;
    let mut infos: Vec<_> = sd.signer_infos.0.into_vec();
    let info = infos
        .first_mut()
        .ok_or_else(|| Error::new(ErrorKind::Asn1("no SignerInfo".into())))?;
    let mut unsigned: Vec<_> = info
        .unsigned_attrs
        .take()
        .map(SetOfVec::into_vec)
        .unwrap_or_default();
    unsigned.push(attribute);
    info.unsigned_attrs = Some(SetOfVec::try_from(unsigned)?);
    sd.signer_infos = SignerInfos(SetOfVec::try_from(infos)?);
    ci.content = Any::encode_from(&sd)?;
    Ok(ci.to_der()?)
}

/// A legacy `/SubFilter` to sign with ([`legacy_signed_pdf`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LegacySubFilter {
    /// `adbe.pkcs7.sha1` (ISO 32000-1 §12.8.3.3.1): a CMS whose encapsulated
    /// `id-data` content is the SHA-1 digest of the ByteRange bytes, signed
    /// with `sha1WithRSAEncryption`, with or without signed attributes.
    Pkcs7Sha1 {
        /// Add content-type, message-digest, signing-certificate-v2, signing-time.
        signed_attributes: bool,
    },
    /// `adbe.x509.rsa_sha1` (ISO 32000-1 §12.8.3.2): `/Contents` is the DER
    /// OCTET STRING of a PKCS #1 v1.5 signature over the SHA-1 digest of the
    /// ByteRange bytes; the certificates are in `/Cert`.
    X509RsaSha1 {
        /// `/Cert` as an array (signer, then chain) rather than one string.
        cert_array: bool,
        /// The digest: SHA-1, or a SHA-2 that ISO 32000-1 Table 257 also
        /// allows under this name.
        digest: crate::crypto::DigestAlgorithm,
    },
}

/// PKCS #1 v1.5 RSA signature over the `digest` of `message`.
fn rsa_pkcs1(
    key: &SigningKey,
    digest: crate::crypto::DigestAlgorithm,
    message: &[&[u8]],
) -> Result<Vec<u8>, Error> {
    use crate::crypto::DigestAlgorithm;
    let SigningKey::Rsa(rsa_key) = key else {
        return Err(Error::new(ErrorKind::Key(
            "legacy sub-filters sign with RSA".into(),
        )));
    };
    let padding = match digest {
        DigestAlgorithm::Sha1 => rsa::Pkcs1v15Sign::new::<sha1::Sha1>(),
        DigestAlgorithm::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
        DigestAlgorithm::Sha384 => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
        DigestAlgorithm::Sha512 => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
    };
    rsa_key
        .key()
        .sign(padding, &digest.digest(message))
        .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))
}

/// Signs `pdf` with a legacy, SHA-1 based `/SubFilter`, as archives from
/// before PAdES hold them; `key` must be RSA. The update is the one of
/// [`crate::sign::prepare`] with the signature dictionary rewritten in place.
///
/// # Errors
/// When `key` is not RSA, or preparing, encoding or signing fails.
#[allow(clippy::too_many_lines)]
pub fn legacy_signed_pdf(
    pdf: &[u8],
    time: DateTime<chrono::FixedOffset>,
    kind: LegacySubFilter,
    key: &SigningKey,
    cert: &Certificate,
    chain: &[Certificate],
) -> Result<Vec<u8>, Error> {
    use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
    use cms::content_info::{CmsVersion, ContentInfo};
    use cms::signed_data::{
        CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo,
        SignerInfos,
    };

    use crate::crypto::DigestAlgorithm;
    let structure = |what: &str| Error::new(ErrorKind::Structure(what.into()));
    let mut options = crate::sign::SignOptions::new(time);
    options.sub_filter = crate::sign::SubFilter::Pkcs7Detached;
    options.reserve = 8192;
    let mut bytes = crate::sign::prepare(pdf, &options)?.bytes().to_vec();
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)
            .and_then(|h| h.windows(needle.len()).position(|w| w == needle))
            .map(|p| p + from)
    };
    let seg_start = find(&bytes, b"/SubFilter /adbe.pkcs7.detached", pdf.len())
        .ok_or_else(|| structure("signature dictionary"))?;
    let lt = find(&bytes, b"/Contents <", seg_start).ok_or_else(|| structure("/Contents"))?;
    let seg_end = find(&bytes, b">", lt).ok_or_else(|| structure("/Contents end"))? + 1;
    // The rewritten segment has the same length, so the offsets of the update stay right.
    let hex_cert = |c: &Certificate| format!("<{}>", base16ct::lower::encode_string(c.der()));
    let mut head = match kind {
        LegacySubFilter::Pkcs7Sha1 { .. } => "/SubFilter /adbe.pkcs7.sha1".to_owned(),
        LegacySubFilter::X509RsaSha1 {
            cert_array: false, ..
        } => {
            format!("/SubFilter /adbe.x509.rsa_sha1 /Cert {}", hex_cert(cert))
        }
        LegacySubFilter::X509RsaSha1 {
            cert_array: true, ..
        } => {
            let all: Vec<String> = std::iter::once(cert).chain(chain).map(hex_cert).collect();
            format!("/SubFilter /adbe.x509.rsa_sha1 /Cert [{}]", all.join(" "))
        }
    };
    let fixed = " /ByteRange [0 0000000000 0000000000 0000000000] /Contents <>".len();
    let old_len = seg_end - seg_start;
    let room = |head: &str| {
        old_len
            .checked_sub(fixed + head.len())
            .ok_or_else(|| structure("no room for /Cert"))
    };
    if room(&head)? % 2 == 1 {
        head.push(' ');
    }
    let hex_len = room(&head)?;
    let a = seg_start
        + head.len()
        + " /ByteRange [0 0000000000 0000000000 0000000000] /Contents ".len();
    let b = a + 2 + hex_len;
    let c = bytes.len() - b;
    let segment = format!(
        "{head} /ByteRange [0 {a:>10} {b:>10} {c:>10}] /Contents <{}>",
        "0".repeat(hex_len)
    );
    bytes
        .get_mut(seg_start..seg_end)
        .ok_or_else(|| structure("segment"))?
        .copy_from_slice(segment.as_bytes());
    let first = bytes.get(..a).unwrap_or_default();
    let second = bytes.get(b..).unwrap_or_default();
    let sha1_rsa = AlgorithmIdentifierOwned {
        oid: oid::SHA1_RSA,
        parameters: Some(Any::null()),
    };
    let value = match kind {
        LegacySubFilter::X509RsaSha1 { digest, .. } => {
            OctetString::new(rsa_pkcs1(key, digest, &[first, second])?)?.to_der()?
        }
        LegacySubFilter::Pkcs7Sha1 { signed_attributes } => {
            let content = DigestAlgorithm::Sha1.digest(&[first, second]);
            let (attrs, sig) = if signed_attributes {
                let attrs = crate::sign::signed_attributes_for(
                    crate::cms::oid::DATA,
                    DigestAlgorithm::Sha1.digest(&[&content]),
                    cert,
                    DigestAlgorithm::Sha1,
                    Some(time.with_timezone(&Utc)),
                )?;
                let sig = rsa_pkcs1(key, DigestAlgorithm::Sha1, &[attrs.to_be_signed()])?;
                (
                    Some(SetOfVec::<x509_cert::attr::Attribute>::from_der(
                        attrs.to_be_signed(),
                    )?),
                    sig,
                )
            } else {
                (None, rsa_pkcs1(key, DigestAlgorithm::Sha1, &[&content])?)
            };
            let tbs = &cert.inner().tbs_certificate;
            let sha1 = AlgorithmIdentifierOwned {
                oid: oid::SHA1,
                parameters: None,
            };
            let info = SignerInfo {
                version: CmsVersion::V1,
                sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
                    issuer: tbs.issuer.clone(),
                    serial_number: tbs.serial_number.clone(),
                }),
                digest_alg: sha1.clone(),
                signed_attrs: attrs,
                signature_algorithm: sha1_rsa,
                signature: OctetString::new(sig)?,
                unsigned_attrs: None,
            };
            let certs = std::iter::once(cert)
                .chain(chain)
                .map(|c| CertificateChoices::Certificate(c.inner().clone()))
                .collect::<Vec<_>>();
            let signed_data = SignedData {
                version: CmsVersion::V1,
                digest_algorithms: SetOfVec::try_from(vec![sha1])?,
                encap_content_info: EncapsulatedContentInfo {
                    econtent_type: crate::cms::oid::DATA,
                    econtent: Some(Any::encode_from(&OctetString::new(content)?)?),
                },
                certificates: Some(CertificateSet(SetOfVec::try_from(certs)?)),
                crls: None,
                signer_infos: SignerInfos(SetOfVec::try_from(vec![info])?),
            };
            ContentInfo {
                content_type: crate::cms::oid::SIGNED_DATA,
                content: Any::encode_from(&signed_data)?,
            }
            .to_der()?
        }
    };
    let hex = base16ct::lower::encode_string(&value);
    if hex.len() > hex_len {
        return Err(Error::new(ErrorKind::LimitExceeded(
            "signature larger than the reserved /Contents",
        )));
    }
    bytes
        .get_mut(a + 1..a + 1 + hex.len())
        .ok_or_else(|| structure("placeholder"))?
        .copy_from_slice(hex.as_bytes());
    Ok(bytes)
}
