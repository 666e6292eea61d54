//! The CMS: signed attributes (RFC 5652 §11, ESS signing-certificate-v2 of
//! RFC 5035) and the SignedData that carries the signature.

use chrono::{DateTime, Utc};
use cms::cert::CertificateChoices;
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{ObjectIdentifier as Oid, OctetString, SetOfVec};
use der::{Any, Encode};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;

use crate::certs::Certificate;
use crate::cms::oid as cms_oid;
use crate::crypto::DigestAlgorithm;
use crate::error::Error;

/// The DER `SignedAttributes` (a SET) that the signer's key must sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedAttributes {
    pub(super) attrs: SetOfVec<Attribute>,
    pub(super) der: Vec<u8>,
    pub(super) digest: DigestAlgorithm,
}

impl SignedAttributes {
    /// The bytes to sign (hash them with the same digest algorithm).
    #[must_use]
    pub fn to_be_signed(&self) -> &[u8] {
        &self.der
    }
}

pub(super) fn attribute(oid: Oid, value: Any) -> Result<Attribute, Error> {
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![value])?,
    })
}

/// Signed attributes for `content_type` content with digest `md`, bound to `signer`
/// by an ESS signing-certificate-v2 (RFC 5035).
pub(crate) fn signed_attributes_for(
    content_type: Oid,
    md: Vec<u8>,
    signer: &Certificate,
    digest: DigestAlgorithm,
    signing_time: Option<DateTime<Utc>>,
) -> Result<SignedAttributes, Error> {
    let mut attrs = vec![
        attribute(cms_oid::CONTENT_TYPE, Any::encode_from(&content_type)?)?,
        attribute(
            cms_oid::MESSAGE_DIGEST,
            Any::encode_from(&OctetString::new(md)?)?,
        )?,
    ];
    // SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { hashAlgorithm DEFAULT sha256, certHash } }
    let cert_hash = OctetString::new(digest.digest(&[signer.der()]))?;
    let alg = AlgorithmIdentifierOwned {
        oid: digest.oid(),
        parameters: None,
    };
    let mut id = Vec::new();
    if digest != DigestAlgorithm::Sha256 {
        id.extend(alg.to_der()?);
    }
    id.extend(cert_hash.to_der()?);
    let scv2 = der_seq(&der_seq(&der_seq(&id)?)?)?;
    attrs.push(attribute(
        cms_oid::SIGNING_CERTIFICATE_V2,
        <Any as der::Decode>::from_der(&scv2)?,
    )?);
    if let Some(t) = signing_time {
        let t = x509_cert::time::Time::try_from(std::time::SystemTime::from(t))?;
        attrs.push(attribute(cms_oid::SIGNING_TIME, Any::encode_from(&t)?)?);
    }
    let attrs = SetOfVec::try_from(attrs)?;
    let der = attrs.to_der()?;
    Ok(SignedAttributes { attrs, der, digest })
}

/// A DER ContentInfo holding a SignedData with one SignerInfo.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build_signed_data(
    signer: &Certificate,
    chain: &[Certificate],
    attrs: SignedAttributes,
    algorithm: AlgorithmIdentifierOwned,
    signature: &[u8],
    econtent_type: Oid,
    econtent: Option<Vec<u8>>,
    unsigned: Option<SetOfVec<Attribute>>,
) -> Result<Vec<u8>, Error> {
    let tbs = &signer.inner().tbs_certificate;
    let info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(cms::cert::IssuerAndSerialNumber {
            issuer: tbs.issuer.clone(),
            serial_number: tbs.serial_number.clone(),
        }),
        digest_alg: AlgorithmIdentifierOwned {
            oid: attrs.digest.oid(),
            parameters: None,
        },
        signed_attrs: Some(attrs.attrs),
        signature_algorithm: algorithm,
        signature: OctetString::new(signature)?,
        unsigned_attrs: unsigned,
    };
    let mut certs = vec![CertificateChoices::Certificate(signer.inner().clone())];
    for c in chain {
        certs.push(CertificateChoices::Certificate(c.inner().clone()));
    }
    let econtent = match econtent {
        Some(bytes) => Some(Any::encode_from(&OctetString::new(bytes)?)?),
        None => None,
    };
    let signed_data = SignedData {
        version: if econtent.is_some() {
            CmsVersion::V3
        } else {
            CmsVersion::V1
        },
        digest_algorithms: SetOfVec::try_from(vec![AlgorithmIdentifierOwned {
            oid: attrs.digest.oid(),
            parameters: None,
        }])?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type,
            econtent,
        },
        certificates: Some(CertificateSet(SetOfVec::try_from(certs)?)),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![info])?),
    };
    let ci = ContentInfo {
        content_type: cms_oid::SIGNED_DATA,
        content: Any::encode_from(&signed_data)?,
    };
    Ok(ci.to_der()?)
}

pub(super) fn der_seq(content: &[u8]) -> Result<Vec<u8>, Error> {
    let mut out = vec![0x30];
    crate::cms::ber::push_len(&mut out, content.len())?;
    out.extend_from_slice(content);
    Ok(out)
}
