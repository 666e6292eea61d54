//! `adbe.x509.rsa_sha1` (ISO 32000-1 §12.8.3.2): `/Contents` is a DER OCTET
//! STRING holding a PKCS #1 v1.5 RSA signature over the SHA-1 digest of the
//! ByteRange bytes, and the certificates are in the signature dictionary's
//! `/Cert`, signer first.
//!
//! It is read into the structure of a CMS SignedData with one SignerInfo that
//! has no signed attributes, so that it is verified by the same code: the
//! signature covers the ByteRange bytes directly with `sha1WithRSAEncryption`.

use cms::cert::IssuerAndSerialNumber;
use cms::content_info::CmsVersion;
use cms::signed_data::{
    EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::Decode;
use der::asn1::{OctetString, SetOfVec};
use spki::AlgorithmIdentifierOwned;

use super::{Content, ParsedCms, ber, oid, trailing};
use crate::certs::Certificate;
use crate::crypto::oid as alg;
use crate::error::{Error, ErrorKind};

/// Reads an `adbe.x509.rsa_sha1` signature value and its `/Cert` certificates.
///
/// # Errors
/// When `/Contents` is not an OCTET STRING (followed by zeros, or by at most
/// [`super::MAX_CMS_TAIL`] other bytes), `/Cert` is missing, or a certificate
/// cannot be read.
pub(crate) fn parse_x509_rsa_sha1(contents: &[u8], cert: &[Vec<u8>]) -> Result<ParsedCms, Error> {
    let (der, end) = ber::ber_to_der(contents)?;
    let tail = trailing(contents, end)?;
    let was_ber = contents.get(..end) != Some(der.as_slice());
    let value = OctetString::from_der(&der).map_err(|_| {
        Error::new(ErrorKind::Asn1(
            "adbe.x509.rsa_sha1: /Contents is not a DER OCTET STRING (ISO 32000-1 §12.8.3.2)"
                .into(),
        ))
    })?;
    if cert.is_empty() {
        return Err(Error::new(ErrorKind::Asn1(
            "adbe.x509.rsa_sha1 without /Cert: the signer's certificate is required (ISO 32000-1 §12.8.1)"
                .into(),
        )));
    }
    let certificates = cert
        .iter()
        .map(|c| Certificate::from_der(c))
        .collect::<Result<Vec<_>, _>>()?;
    let signer_cert = certificates
        .first()
        .ok_or_else(|| Error::new(ErrorKind::Asn1("no certificate in /Cert".into())))?;
    let tbs = &signer_cert.inner().tbs_certificate;
    let sha1 = AlgorithmIdentifierOwned {
        oid: alg::SHA1,
        parameters: None,
    };
    let signer = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: tbs.issuer.clone(),
            serial_number: tbs.serial_number.clone(),
        }),
        digest_alg: sha1.clone(),
        signed_attrs: None,
        signature_algorithm: AlgorithmIdentifierOwned {
            oid: alg::SHA1_RSA,
            parameters: None,
        },
        signature: value,
        unsigned_attrs: None,
    };
    let signed_data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![sha1])?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: oid::DATA,
            econtent: None,
        },
        certificates: None,
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![signer.clone()])?),
    };
    Ok(ParsedCms {
        signed_data,
        signer,
        signer_count: 1,
        signed_attrs_raw: None,
        certificates,
        content: Content::X509RsaSha1,
        corrections: Vec::new(),
        tail,
        was_ber,
        padding: contents.len().saturating_sub(end),
    })
}
