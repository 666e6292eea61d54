//! CMS SignedData (RFC 5652) as found in PDF `/Contents`: parsing (DER, BER,
//! zero padding) and verification of one SignerInfo against the signed bytes.

pub(crate) mod ber;

use chrono::{DateTime, Utc};
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use der::asn1::{ObjectIdentifier as Oid, OctetString};
use der::{Decode, Encode, Sequence};
use spki::AlgorithmIdentifierOwned;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;

use crate::certs::{Certificate, names_match};
use crate::crypto::{self, AlgorithmPolicy, CryptoError, DigestAlgorithm};
use crate::error::{Error, ErrorKind};
use crate::report::{Check, CheckId, SubIndication};

pub(crate) mod oid {
    use der::asn1::ObjectIdentifier as Oid;
    pub(crate) const DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
    pub(crate) const SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
    pub(crate) const CONTENT_TYPE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.3");
    pub(crate) const MESSAGE_DIGEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.4");
    pub(crate) const SIGNING_TIME: Oid = Oid::new_unwrap("1.2.840.113549.1.9.5");
    pub(crate) const SIGNING_CERTIFICATE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.12");
    pub(crate) const SIGNING_CERTIFICATE_V2: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.47");
    pub(crate) const SIGNATURE_TIME_STAMP: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.14");
    pub(crate) const TST_INFO: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.1.4");
}

/// A parsed CMS SignedData with one SignerInfo selected.
#[derive(Debug, Clone)]
pub struct ParsedCms {
    pub(crate) signed_data: SignedData,
    pub(crate) signer: SignerInfo,
    pub(crate) signer_count: usize,
    pub(crate) signed_attrs_raw: Option<Vec<u8>>,
    pub(crate) certificates: Vec<Certificate>,
    /// True when the input was BER (indefinite or non-minimal lengths).
    pub was_ber: bool,
    /// Number of zero bytes after the encoding (`/Contents` padding).
    pub padding: usize,
}

/// Parses the `/Contents` of a PDF signature: BER or DER, then zero padding only.
///
/// # Errors
/// When the bytes are not a CMS SignedData with at least one SignerInfo, or
/// non-zero bytes follow the encoding.
pub fn parse_cms(contents: &[u8]) -> Result<ParsedCms, Error> {
    let (der, end) = ber::ber_to_der(contents)?;
    let tail = contents.get(end..).unwrap_or_default();
    if let Some(pos) = tail.iter().position(|&b| b != 0) {
        return Err(Error::at(
            ErrorKind::Asn1("non-zero bytes after the CMS encoding".into()),
            end + pos,
        ));
    }
    let was_ber = contents.get(..end) != Some(der.as_slice());
    let ci = ContentInfo::from_der(&der)?;
    if ci.content_type != oid::SIGNED_DATA {
        return Err(Error::new(ErrorKind::Asn1(format!(
            "content type {} is not signedData",
            ci.content_type
        ))));
    }
    let signed_data: SignedData = ci.content.decode_as()?;
    let signer_count = signed_data.signer_infos.0.len();
    let signer = signed_data
        .signer_infos
        .0
        .iter()
        .next()
        .cloned()
        .ok_or_else(|| Error::new(ErrorKind::Asn1("no SignerInfo".into())))?;
    let mut certificates = Vec::new();
    for choice in signed_data.certificates.iter().flat_map(|s| s.0.iter()) {
        if let cms::cert::CertificateChoices::Certificate(c) = choice {
            certificates.push(Certificate::from_inner(c.clone())?);
        }
    }
    let signed_attrs_raw = ber::raw_signed_attrs(&der);
    if signer.signed_attrs.is_some() && signed_attrs_raw.is_none() {
        return Err(Error::new(ErrorKind::Asn1(
            "signed attributes not found".into(),
        )));
    }
    Ok(ParsedCms {
        signed_data,
        signer,
        signer_count,
        signed_attrs_raw,
        certificates,
        was_ber,
        padding: tail.len(),
    })
}

impl ParsedCms {
    /// Certificates carried in the SignedData.
    #[must_use]
    pub fn certificates(&self) -> &[Certificate] {
        &self.certificates
    }

    fn attr_values(&self, oid: Oid) -> Vec<&der::Any> {
        self.signer
            .signed_attrs
            .iter()
            .flat_map(|a| a.iter())
            .filter(|a| a.oid == oid)
            .flat_map(|a| a.values.iter())
            .collect()
    }

    fn attr_count(&self, oid: Oid) -> usize {
        self.signer
            .signed_attrs
            .iter()
            .flat_map(|a| a.iter())
            .filter(|a| a.oid == oid)
            .count()
    }

    /// The CMS `signingTime` attribute.
    #[must_use]
    pub fn signing_time(&self) -> Option<DateTime<Utc>> {
        self.attr_values(oid::SIGNING_TIME)
            .first()
            .and_then(|v| v.to_der().ok())
            .and_then(|d| x509_cert::time::Time::from_der(&d).ok())
            .map(crate::certs::to_chrono)
    }

    /// True when an RFC 3161 signature time-stamp is attached (PAdES B-T).
    #[must_use]
    pub fn has_signature_time_stamp(&self) -> bool {
        self.signer
            .unsigned_attrs
            .iter()
            .flat_map(|a| a.iter())
            .any(|a| a.oid == oid::SIGNATURE_TIME_STAMP)
    }

    /// Finds the signer's certificate among the SignedData certificates and `extra`.
    pub(crate) fn signer_certificate(&self, extra: &[Certificate]) -> Option<Certificate> {
        let mut all = self.certificates.iter().chain(extra);
        match &self.signer.sid {
            SignerIdentifier::IssuerAndSerialNumber(ias) => all
                .find(|c| {
                    let t = &c.inner().tbs_certificate;
                    t.serial_number == ias.serial_number && names_match(&t.issuer, &ias.issuer)
                })
                .cloned(),
            SignerIdentifier::SubjectKeyIdentifier(ski) => all
                .find(|c| c.subject_key_id().as_deref() == Some(ski.0.as_bytes()))
                .cloned(),
        }
    }

    /// The checks of EN 319 102-1 FC/ISC/CV on this SignerInfo, over the signed
    /// bytes `parts`. `time_stamp` selects RFC 3161 document time-stamp rules.
    pub(crate) fn verify(
        &self,
        parts: &[&[u8]],
        signer_cert: Option<&Certificate>,
        policy: &AlgorithmPolicy,
        time_stamp: bool,
        require_signing_certificate: bool,
    ) -> Vec<Check> {
        let mut checks = Vec::new();
        if self.signer_count == 1 {
            checks.push(Check::passed(
                CheckId::OneSignerInfo,
                "the CMS has exactly one SignerInfo",
                "CMS có đúng một SignerInfo",
            ));
        } else {
            checks.push(Check::failed(
                CheckId::OneSignerInfo,
                SubIndication::FormatFailure,
                format!(
                    "the CMS has {} SignerInfos; PAdES allows one",
                    self.signer_count
                ),
                format!(
                    "CMS có {} SignerInfo; PAdES chỉ cho phép một",
                    self.signer_count
                ),
            ));
        }
        let Some(cert) = signer_cert else {
            checks.push(Check::failed(
                CheckId::SigningCertificateFound,
                SubIndication::NoSigningCertificateFound,
                "the signer's certificate is not in the CMS nor among the certificates supplied",
                "không tìm thấy chứng thư của người ký trong CMS hoặc trong các chứng thư được cung cấp",
            ));
            return checks;
        };
        checks.push(Check::passed(
            CheckId::SigningCertificateFound,
            format!("signer identified: {}", cert.subject()),
            format!("đã xác định người ký: {}", cert.subject()),
        ));
        checks.push(self.check_signing_certificate_attr(cert, require_signing_certificate));
        let Some(digest_alg) = DigestAlgorithm::from_oid(&self.signer.digest_alg.oid) else {
            checks.push(Check::failed(
                CheckId::CryptoConstraints,
                SubIndication::CryptoConstraintsFailure,
                format!(
                    "unsupported digest algorithm {}",
                    self.signer.digest_alg.oid
                ),
                format!(
                    "thuật toán băm không được hỗ trợ {}",
                    self.signer.digest_alg.oid
                ),
            ));
            return checks;
        };
        if digest_alg == DigestAlgorithm::Sha1 && !policy.allow_sha1 {
            checks.push(Check::failed(
                CheckId::CryptoConstraints,
                SubIndication::CryptoConstraintsFailure,
                "SHA-1 is accepted only under the legacy policy",
                "SHA-1 chỉ được chấp nhận theo chính sách tương thích cũ",
            ));
            return checks;
        }
        // The content: the ByteRange bytes (detached), or the TSTInfo of a document time-stamp.
        let econtent = self
            .signed_data
            .encap_content_info
            .econtent
            .as_ref()
            .and_then(|a| a.decode_as::<OctetString>().ok());
        let econtent_type = self.signed_data.encap_content_info.econtent_type;
        if time_stamp {
            match econtent.as_ref().filter(|_| econtent_type == oid::TST_INFO) {
                Some(tst) => checks.push(check_tst_imprint(tst.as_bytes(), parts)),
                None => {
                    checks.push(Check::failed(
                        CheckId::MessageImprint,
                        SubIndication::FormatFailure,
                        "the document time-stamp carries no TSTInfo",
                        "dấu thời gian của tài liệu không chứa TSTInfo",
                    ));
                    return checks;
                }
            }
        } else if econtent.is_some() {
            checks.push(Check::failed(
                CheckId::DetachedContent,
                SubIndication::FormatFailure,
                "the CMS embeds content; a PDF signature must be detached",
                "CMS chứa nội dung nhúng; chữ ký PDF phải ở dạng tách rời",
            ));
            return checks;
        }
        let tst_bytes = econtent
            .as_ref()
            .map(|o| o.as_bytes().to_vec())
            .unwrap_or_default();
        let content_parts: Vec<&[u8]> = if time_stamp {
            vec![tst_bytes.as_slice()]
        } else {
            parts.to_vec()
        };
        let content_digest = digest_alg.digest(&content_parts);
        let spki = &cert.inner().tbs_certificate.subject_public_key_info;
        let signature = self.signer.signature.as_bytes();
        let message: Vec<u8>;
        let signed_message: Vec<&[u8]> = match &self.signed_attrs_raw {
            Some(raw) => {
                // content-type: exactly one, equal to the encapsulated type (RFC 5652 §11.1).
                let ct = self.attr_values(oid::CONTENT_TYPE);
                let ct_ok = self.attr_count(oid::CONTENT_TYPE) == 1
                    && ct.len() == 1
                    && ct.first().and_then(|v| v.decode_as::<Oid>().ok()) == Some(econtent_type);
                if !ct_ok {
                    checks.push(Check::failed(
                        CheckId::ContentType,
                        SubIndication::FormatFailure,
                        "the content-type attribute is missing, repeated or wrong",
                        "thuộc tính content-type bị thiếu, lặp lại hoặc sai",
                    ));
                    return checks;
                }
                let md = self.attr_values(oid::MESSAGE_DIGEST);
                let value = md.first().and_then(|v| v.decode_as::<OctetString>().ok());
                match value {
                    Some(v) if md.len() == 1 && self.attr_count(oid::MESSAGE_DIGEST) == 1 => {
                        if v.as_bytes() == content_digest.as_slice() {
                            checks.push(Check::passed(
                                CheckId::MessageDigest,
                                format!(
                                    "the {} digest of the signed bytes matches messageDigest",
                                    digest_alg.name()
                                ),
                                format!(
                                    "giá trị băm {} của phần được ký khớp với messageDigest",
                                    digest_alg.name()
                                ),
                            ));
                        } else {
                            checks.push(Check::failed(
                                CheckId::MessageDigest,
                                SubIndication::HashFailure,
                                "the signed bytes were changed: their digest does not match messageDigest",
                                "nội dung được ký đã bị thay đổi: giá trị băm không khớp với messageDigest",
                            ));
                            return checks;
                        }
                    }
                    _ => {
                        checks.push(Check::failed(
                            CheckId::MessageDigest,
                            SubIndication::FormatFailure,
                            "the message-digest attribute is missing or repeated",
                            "thuộc tính message-digest bị thiếu hoặc lặp lại",
                        ));
                        return checks;
                    }
                }
                message = raw.clone();
                vec![message.as_slice()]
            }
            // adbe.pkcs7.detached without signed attributes: the signature covers the bytes.
            None => content_parts.clone(),
        };
        match crypto::verify(
            spki,
            &self.signer.signature_algorithm,
            Some(digest_alg),
            &signed_message,
            signature,
            policy,
        ) {
            Ok(()) => checks.push(Check::passed(
                CheckId::SignatureValue,
                "the signature value verifies with the signer's public key",
                "giá trị chữ ký hợp lệ với khóa công khai của người ký",
            )),
            Err(CryptoError::Invalid) => checks.push(Check::failed(
                CheckId::SignatureValue,
                SubIndication::SigCryptoFailure,
                "the signature value does not verify with the signer's public key",
                "giá trị chữ ký không hợp lệ với khóa công khai của người ký",
            )),
            Err(CryptoError::Refused(why)) | Err(CryptoError::Unsupported(why)) => {
                checks.push(Check::failed(
                    CheckId::CryptoConstraints,
                    SubIndication::CryptoConstraintsFailure,
                    format!("signature algorithm not accepted: {why}"),
                    format!("thuật toán chữ ký không được chấp nhận: {why}"),
                ))
            }
        }
        checks
    }

    /// ESS signing-certificate(-v2) (RFC 5035): binds the signature to one certificate.
    fn check_signing_certificate_attr(&self, cert: &Certificate, required: bool) -> Check {
        let v2 = self.attr_values(oid::SIGNING_CERTIFICATE_V2);
        let v1 = self.attr_values(oid::SIGNING_CERTIFICATE);
        let first = |values: &[&der::Any], v2: bool| -> Option<EssCertId> {
            let any = values.first()?;
            let der = any.to_der().ok()?;
            if v2 {
                let sc = SigningCertificateV2::from_der(&der).ok()?;
                let id = sc.certs.into_iter().next()?;
                let alg = match id.hash_alg {
                    Some(a) => DigestAlgorithm::from_oid(&a.oid)?,
                    None => DigestAlgorithm::Sha256,
                };
                Some(EssCertId {
                    alg,
                    hash: id.cert_hash.as_bytes().to_vec(),
                    issuer_serial: id.issuer_serial,
                })
            } else {
                let sc = SigningCertificateV1::from_der(&der).ok()?;
                let id = sc.certs.into_iter().next()?;
                Some(EssCertId {
                    alg: DigestAlgorithm::Sha1,
                    hash: id.cert_hash.as_bytes().to_vec(),
                    issuer_serial: id.issuer_serial,
                })
            }
        };
        let count = self.attr_count(oid::SIGNING_CERTIFICATE_V2)
            + self.attr_count(oid::SIGNING_CERTIFICATE);
        let id = if v2.is_empty() {
            first(&v1, false)
        } else {
            first(&v2, true)
        };
        let Some(id) = id else {
            if count > 0 {
                return Check::failed(
                    CheckId::SigningCertificateReference,
                    SubIndication::FormatFailure,
                    "the signing-certificate attribute is malformed",
                    "thuộc tính signing-certificate không đúng định dạng",
                );
            }
            return if required {
                Check::failed(
                    CheckId::SigningCertificateReference,
                    SubIndication::NoSigningCertificateFound,
                    "no signing-certificate-v2 attribute (required by PAdES B-B, ETSI EN 319 142-1 §5.3)",
                    "thiếu thuộc tính signing-certificate-v2 (bắt buộc theo PAdES B-B, ETSI EN 319 142-1 §5.3)",
                )
            } else {
                Check::warning(
                    CheckId::SigningCertificateReference,
                    "no signing-certificate attribute: the certificate is identified by issuer and serial only",
                    "không có thuộc tính signing-certificate: chứng thư chỉ được xác định qua tổ chức cấp và số hiệu",
                )
            };
        };
        if count > 1 {
            return Check::failed(
                CheckId::SigningCertificateReference,
                SubIndication::FormatFailure,
                "the signing-certificate attribute occurs more than once",
                "thuộc tính signing-certificate xuất hiện nhiều lần",
            );
        }
        let hash_ok = id.alg.digest(&[cert.der()]) == id.hash;
        let serial_ok = id.issuer_serial.as_ref().is_none_or(|is| {
            let t = &cert.inner().tbs_certificate;
            is.serial == t.serial_number
                && is.issuer.iter().any(
                    |g| matches!(g, GeneralName::DirectoryName(n) if names_match(n, &t.issuer)),
                )
        });
        if hash_ok && serial_ok {
            Check::passed(
                CheckId::SigningCertificateReference,
                format!(
                    "the signing-certificate attribute matches the signer's certificate ({})",
                    id.alg.name()
                ),
                format!(
                    "thuộc tính signing-certificate khớp với chứng thư của người ký ({})",
                    id.alg.name()
                ),
            )
        } else {
            Check::failed(
                CheckId::SigningCertificateReference,
                SubIndication::NoSigningCertificateFound,
                "the signing-certificate attribute refers to another certificate",
                "thuộc tính signing-certificate tham chiếu tới một chứng thư khác",
            )
        }
    }
}

struct EssCertId {
    alg: DigestAlgorithm,
    hash: Vec<u8>,
    issuer_serial: Option<IssuerSerial>,
}

#[derive(Sequence)]
struct IssuerSerial {
    issuer: Vec<GeneralName>,
    serial: SerialNumber,
}

#[derive(Sequence)]
struct EssCertIdV2Der {
    #[asn1(optional = "true")]
    hash_alg: Option<AlgorithmIdentifierOwned>,
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<IssuerSerial>,
}

#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2Der>,
    #[asn1(optional = "true")]
    policies: Option<der::Any>,
}

#[derive(Sequence)]
struct EssCertIdV1Der {
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<IssuerSerial>,
}

#[derive(Sequence)]
struct SigningCertificateV1 {
    certs: Vec<EssCertIdV1Der>,
    #[asn1(optional = "true")]
    policies: Option<der::Any>,
}

/// TSTInfo (RFC 3161 §2.4.2), the fields needed here.
#[derive(Sequence)]
pub(crate) struct TstInfo {
    pub(crate) version: u8,
    pub(crate) policy: Oid,
    pub(crate) message_imprint: MessageImprint,
    pub(crate) serial: der::asn1::Int,
    pub(crate) gen_time: der::asn1::GeneralizedTime,
}

#[derive(Sequence)]
pub(crate) struct MessageImprint {
    pub(crate) hash_alg: AlgorithmIdentifierOwned,
    pub(crate) hashed: OctetString,
}

/// Parses the leading fields of a TSTInfo; trailing optional fields are ignored.
fn parse_tst(tst: &[u8]) -> Option<TstInfo> {
    // Decode only the first five fields: re-wrap them in a SEQUENCE.
    let (_, content, end) = ber::tlv(tst, 0)?;
    let mut p = content;
    for _ in 0..5 {
        p = ber::tlv(tst, p)?.2;
    }
    if p > end {
        return None;
    }
    let body = tst.get(content..p)?;
    let mut der = vec![0x30];
    ber::push_len(&mut der, body.len()).ok()?;
    der.extend_from_slice(body);
    TstInfo::from_der(&der).ok()
}

/// The generation time of a document or signature time-stamp token's TSTInfo.
pub(crate) fn tst_time(tst: &[u8]) -> Option<DateTime<Utc>> {
    let info = parse_tst(tst)?;
    let secs = i64::try_from(info.gen_time.to_unix_duration().as_secs()).ok()?;
    DateTime::from_timestamp(secs, 0)
}

fn check_tst_imprint(tst: &[u8], parts: &[&[u8]]) -> Check {
    let Some(info) = parse_tst(tst) else {
        return Check::failed(
            CheckId::MessageImprint,
            SubIndication::FormatFailure,
            "the TSTInfo is malformed",
            "TSTInfo không đúng định dạng",
        );
    };
    let _ = (info.version, &info.policy, &info.serial);
    let Some(alg) = DigestAlgorithm::from_oid(&info.message_imprint.hash_alg.oid) else {
        return Check::failed(
            CheckId::MessageImprint,
            SubIndication::CryptoConstraintsFailure,
            "the time-stamp imprint uses an unsupported digest",
            "dấu thời gian dùng thuật toán băm không được hỗ trợ",
        );
    };
    if alg.digest(parts) == info.message_imprint.hashed.as_bytes() {
        Check::passed(
            CheckId::MessageImprint,
            "the time-stamp imprint matches the signed bytes",
            "dấu thời gian khớp với phần được ký",
        )
    } else {
        Check::failed(
            CheckId::MessageImprint,
            SubIndication::HashFailure,
            "the signed bytes were changed: the time-stamp imprint does not match",
            "nội dung được ký đã bị thay đổi: dấu thời gian không khớp",
        )
    }
}
