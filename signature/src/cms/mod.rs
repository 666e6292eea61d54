//! CMS SignedData (RFC 5652) as found in PDF `/Contents`: parsing (DER, BER,
//! zero padding) and verification of one SignerInfo against the signed bytes.

pub(crate) mod ber;
mod legacy;
mod lenient;

pub(crate) use legacy::parse_x509_rsa_sha1;

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

use lenient::Correction;

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

/// What the SignedData's encapsulated content is, by `/SubFilter`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    /// None: the signature covers the ByteRange bytes (`adbe.pkcs7.detached`,
    /// `ETSI.CAdES.detached`), or a TSTInfo for a time-stamp token.
    Detached,
    /// `adbe.pkcs7.sha1`: the SHA-1 digest of the ByteRange bytes, as `id-data`
    /// (ISO 32000-1 §12.8.3.3.1).
    Sha1Digest,
    /// `adbe.x509.rsa_sha1`: no CMS, a PKCS #1 signature value over the
    /// ByteRange bytes and the certificates of `/Cert` (ISO 32000-1 §12.8.3.2);
    /// read into the same structure.
    X509RsaSha1,
}

/// Most non-zero bytes accepted after the CMS inside `/Contents` (beyond
/// that, the value is refused as not a CMS).
pub const MAX_CMS_TAIL: usize = 64 * 1024;

/// A parsed CMS SignedData with one SignerInfo selected.
#[derive(Debug, Clone)]
pub struct ParsedCms {
    pub(crate) signed_data: SignedData,
    pub(crate) signer: SignerInfo,
    pub(crate) signer_count: usize,
    pub(crate) signed_attrs_raw: Option<Vec<u8>>,
    pub(crate) certificates: Vec<Certificate>,
    pub(crate) content: Content,
    /// What was corrected to read the encoding (see the `lenient` module).
    corrections: Vec<Correction>,
    /// Offset and length of the non-zero bytes after the encoding, when there are any.
    tail: Option<(usize, usize)>,
    /// True when the input was BER (indefinite or non-minimal lengths).
    pub was_ber: bool,
    /// Number of bytes after the encoding (`/Contents` padding, and any
    /// non-zero bytes, reported by a warning).
    pub padding: usize,
}

/// Parses the `/Contents` of a PDF signature: BER or DER, then zero padding.
///
/// Accepted with a warning ([`ParsedCms::format_checks`]): non-zero bytes
/// after the encoding (at most [`MAX_CMS_TAIL`]: they lie in the hole the
/// signature leaves for itself, so they change nothing that was signed),
/// attribute and other non-X.509 certificates in `certificates`, identical
/// elements repeated in a SET OF.
///
/// # Errors
/// When the bytes are not a CMS SignedData with at least one SignerInfo, or
/// more than [`MAX_CMS_TAIL`] non-zero bytes follow the encoding.
pub fn parse_cms(contents: &[u8]) -> Result<ParsedCms, Error> {
    let (der, end) = ber::ber_to_der(contents)?;
    let tail = trailing(contents, end)?;
    let was_ber = contents.get(..end) != Some(der.as_slice());
    // The signed attributes as signed: read before any correction.
    let signed_attrs_raw = ber::raw_signed_attrs(&der);
    let (clean, corrections) = match lenient::clean(&der) {
        Ok(Some(cleaned)) => cleaned,
        Ok(None) => (der.clone(), Vec::new()),
        Err(what) => {
            return Err(Error::new(ErrorKind::Asn1(format!(
                "the SET OF {what} has more than {} elements",
                lenient::MAX_SET_ELEMENTS
            ))));
        }
    };
    let ci = ContentInfo::from_der(&clean)?;
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
        content: Content::Detached,
        corrections,
        tail,
        was_ber,
        padding: contents.len().saturating_sub(end),
    })
}

/// Where the non-zero bytes after the encoding ending at `end` lie, if any.
fn trailing(contents: &[u8], end: usize) -> Result<Option<(usize, usize)>, Error> {
    let rest = contents.get(end..).unwrap_or_default();
    let Some(first) = rest.iter().position(|&b| b != 0) else {
        return Ok(None);
    };
    let last = rest.iter().rposition(|&b| b != 0).unwrap_or(first);
    let len = last + 1 - first;
    if len > MAX_CMS_TAIL {
        return Err(Error::at(
            ErrorKind::Asn1(format!(
                "{len} non-zero bytes after the CMS encoding (at most {MAX_CMS_TAIL} accepted)"
            )),
            end + first,
        ));
    }
    Ok(Some((end + first, len)))
}

/// Parses `/Contents` for the signature's `/SubFilter`: `adbe.pkcs7.sha1`
/// marks the content as the embedded SHA-1 digest; `adbe.x509.rsa_sha1`
/// reads a PKCS #1 signature value and the `/Cert` certificates.
pub(crate) fn parse_for(
    sub_filter: Option<&str>,
    contents: &[u8],
    cert: &[Vec<u8>],
) -> Result<ParsedCms, Error> {
    match sub_filter {
        Some("adbe.x509.rsa_sha1") => parse_x509_rsa_sha1(contents, cert),
        Some("adbe.pkcs7.sha1") => {
            let mut cms = parse_cms(contents)?;
            cms.content = Content::Sha1Digest;
            Ok(cms)
        }
        _ => parse_cms(contents),
    }
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
        if self.content == Content::X509RsaSha1 {
            // One PKCS #1 value: nothing to count.
        } else if self.signer_count == 1 {
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
        checks.push(if self.content == Content::X509RsaSha1 {
            Check::passed(
                CheckId::SigningCertificateReference,
                "the signer's certificate is the first of /Cert (adbe.x509.rsa_sha1)",
                "chứng thư của người ký là chứng thư đầu tiên trong /Cert (adbe.x509.rsa_sha1)",
            )
        } else {
            self.check_signing_certificate_attr(cert, require_signing_certificate)
        });
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
        // SHA-1 is judged after integrity (ETSI EN 319 102-1 §5.2.8 runs on
        // an intact signature): a changed document stays TOTAL_FAILED, an
        // intact one under a policy refusing SHA-1 is INDETERMINATE.
        let verifying_policy = AlgorithmPolicy {
            allow_sha1: true,
            ..*policy
        };
        // adbe.x509.rsa_sha1: the digest is known once the value verifies (below).
        let mut sha1_used =
            digest_alg == DigestAlgorithm::Sha1 && self.content != Content::X509RsaSha1;
        // The content: the ByteRange bytes (detached), the TSTInfo of a
        // document time-stamp, or the SHA-1 digest of the ByteRange bytes.
        let econtent = self
            .signed_data
            .encap_content_info
            .econtent
            .as_ref()
            .and_then(|a| a.decode_as::<OctetString>().ok());
        let econtent_type = self.signed_data.encap_content_info.econtent_type;
        if time_stamp {
            match econtent.as_ref().filter(|_| econtent_type == oid::TST_INFO) {
                Some(tst) => checks.extend(check_tst_imprint(tst.as_bytes(), parts)),
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
        } else if self.content == Content::Sha1Digest {
            sha1_used = true;
            let embedded = econtent
                .as_ref()
                .filter(|_| econtent_type == oid::DATA)
                .map(OctetString::as_bytes);
            match embedded {
                Some(d) if d == DigestAlgorithm::Sha1.digest(parts).as_slice() => {
                    checks.push(Check::passed(
                        CheckId::MessageDigest,
                        "the SHA-1 digest embedded in the CMS matches the signed bytes (adbe.pkcs7.sha1)",
                        "giá trị băm SHA-1 nhúng trong CMS khớp với phần được ký (adbe.pkcs7.sha1)",
                    ));
                }
                Some(_) => {
                    checks.push(Check::failed(
                        CheckId::MessageDigest,
                        SubIndication::HashFailure,
                        "the signed bytes were changed: their SHA-1 digest does not match the one embedded in the CMS (adbe.pkcs7.sha1)",
                        "nội dung được ký đã bị thay đổi: giá trị băm SHA-1 không khớp với giá trị nhúng trong CMS (adbe.pkcs7.sha1)",
                    ));
                    return checks;
                }
                None => {
                    checks.push(Check::failed(
                        CheckId::DetachedContent,
                        SubIndication::FormatFailure,
                        "adbe.pkcs7.sha1: the CMS does not embed the SHA-1 digest of the signed bytes as id-data content (ISO 32000-1 §12.8.3.3.1)",
                        "adbe.pkcs7.sha1: CMS không nhúng giá trị băm SHA-1 của phần được ký dưới dạng nội dung id-data (ISO 32000-1 §12.8.3.3.1)",
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
        let content_parts: Vec<&[u8]> = if time_stamp || self.content == Content::Sha1Digest {
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
                            let (what, what_vi) = if self.content == Content::Sha1Digest {
                                ("the embedded SHA-1 digest", "giá trị băm SHA-1 được nhúng")
                            } else {
                                ("the signed bytes", "phần được ký")
                            };
                            checks.push(Check::passed(
                                CheckId::MessageDigest,
                                format!(
                                    "the {} digest of {what} matches messageDigest",
                                    digest_alg.name()
                                ),
                                format!(
                                    "giá trị băm {} của {what_vi} khớp với messageDigest",
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
        // adbe.x509.rsa_sha1 is named for SHA-1, but ISO 32000-1 §12.8.3.2
        // (Table 257) allows SHA-256, SHA-384 and SHA-512 too: the PKCS #1
        // value says which; try them in turn.
        let candidates: Vec<AlgorithmIdentifierOwned> = if self.content == Content::X509RsaSha1 {
            [
                crypto::oid::SHA1_RSA,
                crypto::oid::SHA256_RSA,
                crypto::oid::SHA384_RSA,
                crypto::oid::SHA512_RSA,
            ]
            .into_iter()
            .map(|oid| AlgorithmIdentifierOwned {
                oid,
                parameters: None,
            })
            .collect()
        } else {
            vec![self.signer.signature_algorithm.clone()]
        };
        let mut outcome = Err(CryptoError::Invalid);
        let mut used = &self.signer.signature_algorithm;
        for alg in &candidates {
            used = alg;
            outcome = crypto::verify(
                spki,
                alg,
                Some(digest_alg),
                &signed_message,
                signature,
                &verifying_policy,
            );
            if outcome != Err(CryptoError::Invalid) {
                break;
            }
        }
        match outcome {
            Ok(()) => {
                checks.push(if self.content == Content::X509RsaSha1 {
                    let name = match used.oid {
                        crypto::oid::SHA1_RSA => "SHA-1",
                        crypto::oid::SHA256_RSA => "SHA-256",
                        crypto::oid::SHA384_RSA => "SHA-384",
                        _ => "SHA-512",
                    };
                    Check::passed(
                        CheckId::SignatureValue,
                        format!("the PKCS #1 signature value ({name}) verifies with the signer's public key"),
                        format!("giá trị chữ ký PKCS #1 ({name}) hợp lệ với khóa công khai của người ký"),
                    )
                } else {
                    Check::passed(
                        CheckId::SignatureValue,
                        "the signature value verifies with the signer's public key",
                        "giá trị chữ ký hợp lệ với khóa công khai của người ký",
                    )
                });
                sha1_used |= matches!(
                    crypto::check_policy(spki, used, policy),
                    Err(CryptoError::Refused(_))
                );
                if sha1_used && !policy.allow_sha1 {
                    checks.push(self.sha1_refused());
                }
            }
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
                    format!("signature algorithm not accepted: {}", why.en),
                    format!("thuật toán chữ ký không được chấp nhận: {}", why.vi),
                ))
            }
        }
        checks
    }

    /// The CRYPTO_CONSTRAINTS failure of an intact signature that uses SHA-1
    /// under a policy that refuses it.
    fn sha1_refused(&self) -> Check {
        let (en, vi) = match self.content {
            Content::Detached => ("", ""),
            Content::Sha1Digest => ("adbe.pkcs7.sha1: ", "adbe.pkcs7.sha1: "),
            Content::X509RsaSha1 => ("adbe.x509.rsa_sha1: ", "adbe.x509.rsa_sha1: "),
        };
        Check::failed(
            CheckId::CryptoConstraints,
            SubIndication::CryptoConstraintsFailure,
            format!(
                "{en}the signature is intact, but it uses SHA-1, which is accepted only with the legacy policy (AlgorithmPolicy::legacy; vanthu: --legacy-sha1)"
            ),
            format!(
                "{vi}chữ ký còn nguyên vẹn nhưng dùng SHA-1, thuật toán chỉ được chấp nhận theo chính sách tương thích cũ (AlgorithmPolicy::legacy; vanthu: --legacy-sha1)"
            ),
        )
    }

    /// The checks of the encoding (CMS_FORMAT): DER, or BER accepted with a
    /// warning, and a warning for each thing read leniently.
    #[must_use]
    pub fn format_checks(&self) -> Vec<Check> {
        let mut checks = vec![match (self.content, self.was_ber) {
            (Content::X509RsaSha1, false) => Check::passed(
                CheckId::CmsFormat,
                "/Contents is a DER PKCS #1 signature value (adbe.x509.rsa_sha1)",
                "/Contents là một giá trị chữ ký PKCS #1 mã hóa DER (adbe.x509.rsa_sha1)",
            ),
            (_, true) => Check::warning(
                CheckId::CmsFormat,
                "the CMS is BER-encoded (accepted)",
                "CMS được mã hóa BER (chấp nhận)",
            ),
            (_, false) => Check::passed(
                CheckId::CmsFormat,
                "the CMS is a DER SignedData",
                "CMS là SignedData mã hóa DER",
            ),
        }];
        if let Some((at, len)) = self.tail {
            checks.push(Check::warning(
                CheckId::CmsFormat,
                format!(
                    "{len} non-zero byte(s) follow the CMS inside /Contents (at byte {at} of the value): ignored, since /Contents is outside what the signature covers"
                ),
                format!(
                    "có {len} byte khác 0 sau CMS trong /Contents (tại byte {at} của giá trị): bị bỏ qua vì /Contents nằm ngoài phần được ký"
                ),
            ));
        }
        let not_x509: Vec<u8> = self
            .corrections
            .iter()
            .filter_map(|c| match c {
                Correction::NotX509(tag) => Some(*tag),
                _ => None,
            })
            .collect();
        if !not_x509.is_empty() {
            let count = not_x509.len();
            let mut tags: Vec<String> =
                not_x509.iter().map(|t| format!("[{}]", t & 0x1f)).collect();
            tags.sort();
            tags.dedup();
            let list = tags.join(", ");
            checks.push(Check::warning(
                CheckId::CmsFormat,
                format!(
                    "SignedData.certificates holds {count} element(s) that are not X.509 certificates ({list}: attribute or other certificate formats, RFC 5652 §10.2.2): ignored"
                ),
                format!(
                    "SignedData.certificates chứa {count} phần tử không phải chứng thư X.509 ({list}: chứng thư thuộc tính hoặc định dạng khác, RFC 5652 §10.2.2): bị bỏ qua"
                ),
            ));
        }
        for c in &self.corrections {
            if let Correction::Duplicate(what) = c {
                checks.push(Check::warning(
                    CheckId::CmsFormat,
                    format!(
                        "an element is repeated in the SET OF {what} (DER requires distinct, sorted elements, X.690 §11.6): read once"
                    ),
                    format!(
                        "một phần tử bị lặp lại trong SET OF {what} (DER yêu cầu các phần tử khác nhau và được sắp xếp, X.690 §11.6): chỉ đọc một lần"
                    ),
                ));
            }
        }
        checks
    }

    /// ESS signing-certificate(-v2) (RFC 5035): binds the signature to one certificate.
    ///
    /// One attribute is expected (RFC 2634 §5.4; RFC 5035): repeated, it is a
    /// warning when every occurrence names the signer's certificate, and a
    /// failure, naming the odd one, when they disagree.
    fn check_signing_certificate_attr(&self, cert: &Certificate, required: bool) -> Check {
        let decode = |any: &der::Any, v2: bool| -> Option<EssCertId> {
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
        // Every occurrence, v2 first: (attribute name, its first ESSCertID).
        let refs: Vec<(&str, Option<EssCertId>)> = self
            .attr_values(oid::SIGNING_CERTIFICATE_V2)
            .into_iter()
            .map(|v| ("signing-certificate-v2", decode(v, true)))
            .chain(
                self.attr_values(oid::SIGNING_CERTIFICATE)
                    .into_iter()
                    .map(|v| ("signing-certificate", decode(v, false))),
            )
            .collect();
        if refs.is_empty() {
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
        }
        let mut ids = Vec::with_capacity(refs.len());
        for (name, id) in refs {
            let Some(id) = id else {
                return Check::failed(
                    CheckId::SigningCertificateReference,
                    SubIndication::FormatFailure,
                    format!("the {name} attribute is malformed"),
                    format!("thuộc tính {name} không đúng định dạng"),
                );
            };
            let ok = id.names(cert);
            ids.push((name, id.alg, ok));
        }
        let count = ids.len();
        let matching = ids.iter().filter(|i| i.2).count();
        let first_alg = ids.first().map_or("", |i| i.1.name());
        if matching == count && count == 1 {
            Check::passed(
                CheckId::SigningCertificateReference,
                format!(
                    "the signing-certificate attribute matches the signer's certificate ({first_alg})"
                ),
                format!(
                    "thuộc tính signing-certificate khớp với chứng thư của người ký ({first_alg})"
                ),
            )
        } else if matching == count {
            let names: Vec<&str> = ids.iter().map(|i| i.0).collect();
            let names = names.join(", ");
            Check::warning(
                CheckId::SigningCertificateReference,
                format!(
                    "the signing-certificate attribute occurs {count} times ({names}; one is expected); each refers to the signer's certificate"
                ),
                format!(
                    "thuộc tính signing-certificate xuất hiện {count} lần ({names}; chỉ cần một); mỗi lần đều tham chiếu đúng chứng thư của người ký"
                ),
            )
        } else if matching > 0 {
            let (position, odd) = ids
                .iter()
                .enumerate()
                .find(|(_, i)| !i.2)
                .map_or((0, ""), |(p, i)| (p + 1, i.0));
            Check::failed(
                CheckId::SigningCertificateReference,
                SubIndication::FormatFailure,
                format!(
                    "the {count} signing-certificate attributes disagree: occurrence {position} ({odd}) refers to another certificate than the signer's '{}'",
                    cert.subject()
                ),
                format!(
                    "{count} thuộc tính signing-certificate mâu thuẫn nhau: lần xuất hiện thứ {position} ({odd}) tham chiếu tới một chứng thư khác với chứng thư '{}' của người ký",
                    cert.subject()
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

impl EssCertId {
    /// True when this ESSCertID designates `cert`: its hash, and its issuer
    /// and serial when present (RFC 2634 §5.4.1; RFC 5035).
    fn names(&self, cert: &Certificate) -> bool {
        let hash_ok = self.alg.digest(&[cert.der()]) == self.hash;
        let serial_ok = self.issuer_serial.as_ref().is_none_or(|is| {
            let t = &cert.inner().tbs_certificate;
            is.serial == t.serial_number
                && is.issuer.iter().any(
                    |g| matches!(g, GeneralName::DirectoryName(n) if names_match(n, &t.issuer)),
                )
        });
        hash_ok && serial_ok
    }
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
    pub(crate) gen_time: GenTimeRaw,
}

/// The raw value of a `GeneralizedTime`, decoded leniently by [`parse_gen_time`]:
/// `der::asn1::GeneralizedTime` refuses the fractional seconds that RFC 3161
/// §2.4.2 allows (`YYYYMMDDhhmmss[.s...]Z`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GenTimeRaw(pub(crate) Vec<u8>);

impl der::FixedTag for GenTimeRaw {
    const TAG: der::Tag = der::Tag::GeneralizedTime;
}

impl<'a> der::DecodeValue<'a> for GenTimeRaw {
    fn decode_value<R: der::Reader<'a>>(reader: &mut R, header: der::Header) -> der::Result<Self> {
        if usize::try_from(header.length)? > MAX_GEN_TIME_LEN {
            return Err(der::Tag::GeneralizedTime.value_error());
        }
        Ok(Self(reader.read_vec(header.length)?))
    }
}

impl der::EncodeValue for GenTimeRaw {
    fn value_len(&self) -> der::Result<der::Length> {
        der::Length::try_from(self.0.len())
    }

    fn encode_value(&self, writer: &mut impl der::Writer) -> der::Result<()> {
        writer.write(&self.0)
    }
}

/// Longest `GeneralizedTime` value read: 14 digits, `.`, at most
/// [`MAX_FRACTION_DIGITS`] digits, `Z`.
const MAX_GEN_TIME_LEN: usize = 16 + MAX_FRACTION_DIGITS;
/// Most fraction digits read; digits beyond the ninth (nanoseconds) are dropped.
const MAX_FRACTION_DIGITS: usize = 18;

/// A time-stamp's genTime (RFC 3161 §2.4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GenTime {
    /// The time, to the nanosecond.
    pub(crate) time: DateTime<Utc>,
    /// The fraction ends with `0`, which RFC 3161 §2.4.2 (and DER, X.690
    /// §11.7.3) forbids; the value is unambiguous, so it is only a warning.
    pub(crate) trailing_zero: bool,
}

/// Reads `YYYYMMDDhhmmss[.s...]Z` (RFC 3161 §2.4.2; X.690 §11.7). Refused:
/// a missing `Z` or a time-zone offset, a comma as decimal mark, a `.` with no
/// digit after it, more than [`MAX_FRACTION_DIGITS`] fraction digits, and
/// anything that is not a calendar date and time. Accepted with
/// [`GenTime::trailing_zero`]: a fraction ending with `0`.
pub(crate) fn parse_gen_time(value: &[u8]) -> Option<GenTime> {
    use chrono::{NaiveDate, TimeZone, Timelike};
    let body = value.strip_suffix(b"Z")?;
    let (main, fraction) = match body.iter().position(|&b| b == b'.') {
        Some(dot) => (body.get(..dot)?, Some(body.get(dot + 1..)?)),
        None => (body, None),
    };
    if main.len() != 14 || !main.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let num = |from: usize, len: usize| -> Option<u32> {
        main.get(from..from + len)?.iter().try_fold(0u32, |acc, d| {
            Some(acc * 10 + u32::from(d.checked_sub(b'0')?))
        })
    };
    let year = i32::try_from(num(0, 4)?).ok()?;
    let naive = NaiveDate::from_ymd_opt(year, num(4, 2)?, num(6, 2)?)?.and_hms_opt(
        num(8, 2)?,
        num(10, 2)?,
        num(12, 2)?,
    )?;
    let mut nanos = 0u32;
    let mut trailing_zero = false;
    if let Some(f) = fraction {
        if f.is_empty() || f.len() > MAX_FRACTION_DIGITS || !f.iter().all(u8::is_ascii_digit) {
            return None;
        }
        trailing_zero = f.last() == Some(&b'0');
        for i in 0..9 {
            nanos = nanos * 10 + f.get(i).map_or(0, |d| u32::from(d - b'0'));
        }
    }
    let naive = naive.with_nanosecond(nanos)?;
    Some(GenTime {
        time: Utc.from_utc_datetime(&naive),
        trailing_zero,
    })
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

/// The generation time of a document or signature time-stamp token's TSTInfo,
/// with its fractional seconds (RFC 3161 §2.4.2).
pub(crate) fn tst_time(tst: &[u8]) -> Option<DateTime<Utc>> {
    parse_gen_time(&parse_tst(tst)?.gen_time.0).map(|g| g.time)
}

fn check_tst_imprint(tst: &[u8], parts: &[&[u8]]) -> Vec<Check> {
    let Some(info) = parse_tst(tst) else {
        return vec![Check::failed(
            CheckId::MessageImprint,
            SubIndication::FormatFailure,
            "the TSTInfo is malformed",
            "TSTInfo không đúng định dạng",
        )];
    };
    let _ = (info.version, &info.policy, &info.serial);
    let mut checks = Vec::new();
    match parse_gen_time(&info.gen_time.0) {
        None => {
            let shown = String::from_utf8_lossy(&info.gen_time.0).into_owned();
            return vec![Check::failed(
                CheckId::MessageImprint,
                SubIndication::FormatFailure,
                format!(
                    "the TSTInfo genTime '{shown}' is not YYYYMMDDhhmmss[.s...]Z (RFC 3161 §2.4.2)"
                ),
                format!(
                    "genTime '{shown}' của TSTInfo không có dạng YYYYMMDDhhmmss[.s...]Z (RFC 3161 §2.4.2)"
                ),
            )];
        }
        Some(g) if g.trailing_zero => checks.push(Check::warning(
            CheckId::MessageImprint,
            "the TSTInfo genTime has trailing zeros in its fraction of a second (RFC 3161 §2.4.2 forbids them); its value is unambiguous",
            "phần lẻ của giây trong genTime của TSTInfo có chữ số 0 ở cuối (RFC 3161 §2.4.2 không cho phép); giá trị thời gian vẫn rõ ràng",
        )),
        Some(_) => {}
    }
    let Some(alg) = DigestAlgorithm::from_oid(&info.message_imprint.hash_alg.oid) else {
        checks.push(Check::failed(
            CheckId::MessageImprint,
            SubIndication::CryptoConstraintsFailure,
            "the time-stamp imprint uses an unsupported digest",
            "dấu thời gian dùng thuật toán băm không được hỗ trợ",
        ));
        return checks;
    };
    checks.push(
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
        },
    );
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(v: &str) -> Option<(String, bool)> {
        parse_gen_time(v.as_bytes()).map(|g| {
            (
                g.time.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                g.trailing_zero,
            )
        })
    }

    #[test]
    fn gen_time_with_and_without_fractions() {
        assert_eq!(
            at("20250602020005Z"),
            Some(("2025-06-02T02:00:05Z".into(), false))
        );
        assert_eq!(
            at("20250602020005.5Z"),
            Some(("2025-06-02T02:00:05.500Z".into(), false))
        );
        assert_eq!(
            at("20250602020005.123456Z"),
            Some(("2025-06-02T02:00:05.123456Z".into(), false))
        );
        // Beyond nanoseconds: read, truncated.
        assert_eq!(
            at("20250602020005.1234567891Z"),
            Some(("2025-06-02T02:00:05.123456789Z".into(), false))
        );
        // Trailing zeros: forbidden by RFC 3161 §2.4.2, unambiguous: flagged.
        assert_eq!(
            at("20250602020005.50Z"),
            Some(("2025-06-02T02:00:05.500Z".into(), true))
        );
        assert_eq!(
            at("20250602020005.0Z"),
            Some(("2025-06-02T02:00:05Z".into(), true))
        );
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_gen_times_and_cms_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            let _ = parse_gen_time(&bytes);
            let _ = lenient::clean(&bytes);
            let _ = parse_cms(&bytes);
            let _ = parse_x509_rsa_sha1(&bytes, std::slice::from_ref(&bytes));
        }

        #[test]
        fn digits_with_a_fraction_read_back(secs in 0u32..60, frac in 1u32..1_000_000) {
            let digits = format!("{frac:06}");
            let digits = digits.trim_end_matches('0');
            let text = format!("202506020200{secs:02}.{digits}Z");
            let g = parse_gen_time(text.as_bytes()).unwrap_or_else(|| panic!("{text}"));
            proptest::prop_assert_eq!(chrono::Timelike::second(&g.time), secs);
            proptest::prop_assert_eq!(chrono::Timelike::nanosecond(&g.time), frac * 1000);
            proptest::prop_assert!(!g.trailing_zero);
        }
    }

    #[test]
    fn malformed_gen_times_are_refused() {
        for bad in [
            "20250602020005,5Z",                   // comma
            "20250602020005.Z",                    // empty fraction
            "20250602020005.5",                    // no Z
            "20250602020005",                      // no Z
            "20250602020005+0700",                 // offset
            "20250602020005.1234567890123456789Z", // 19 digits
            "202506020200Z",                       // no seconds
            "20250230020005Z",                     // 30 February
            "20250602020005.5aZ",
            "2025060202000.5Z",
            "",
        ] {
            assert_eq!(at(bad), None, "{bad}");
        }
    }
}
