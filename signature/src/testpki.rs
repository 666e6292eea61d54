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
/// # Errors
/// When encoding or signing fails.
pub fn time_stamp_token(
    data: &[u8],
    gen_time: DateTime<Utc>,
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
        gen_time: der::asn1::GeneralizedTime::from_system_time(SystemTime::from(gen_time))?,
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

/// A CRL (RFC 5280 §5) issued by `issuer` listing `revoked` (serial, revocation time).
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
        next_update: None,
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
