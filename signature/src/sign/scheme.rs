//! The signature schemes an external signer (USB token, HSM, remote-signing
//! service) may use, and their algorithm identifiers in the CMS.

use spki::AlgorithmIdentifierOwned;

use crate::certs::Certificate;
use crate::crypto::{DigestAlgorithm, oid};
use crate::error::{Error, ErrorKind};

/// How the signer's key signs the bytes of
/// [`SignedAttributes::to_be_signed`](super::SignedAttributes::to_be_signed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureScheme {
    /// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2).
    RsaPkcs1v15,
    /// RSASSA-PSS with MGF1 of the same digest and a salt as long as the
    /// digest (RFC 4055 §3.1; asked for by Thông tư 15/2025/TT-BKHCN).
    RsaPss,
    /// ECDSA, the value DER-encoded (`Ecdsa-Sig-Value`, RFC 5480 §2.2).
    Ecdsa,
}

impl SignatureScheme {
    /// The scheme of `cert`'s key: ECDSA for an EC key, RSASSA-PSS for an
    /// RSA key when `pss`, else RSASSA-PKCS1-v1_5.
    ///
    /// # Errors
    /// [`ErrorKind::Key`] when the key is neither RSA nor EC, or `pss` is
    /// asked of an EC key.
    pub fn for_certificate(cert: &Certificate, pss: bool) -> Result<Self, Error> {
        let algorithm = &cert
            .inner()
            .tbs_certificate
            .subject_public_key_info
            .algorithm
            .oid;
        match (*algorithm, pss) {
            (oid::RSA, false) => Ok(Self::RsaPkcs1v15),
            (oid::RSA, true) => Ok(Self::RsaPss),
            (oid::EC_PUBLIC_KEY, false) => Ok(Self::Ecdsa),
            (oid::EC_PUBLIC_KEY, true) => Err(Error::new(ErrorKind::Key(
                "RSASSA-PSS needs an RSA key; the certificate is for an EC key".into(),
            ))),
            (other, _) => Err(Error::new(ErrorKind::Key(format!(
                "the certificate's key ({other}) is neither RSA nor EC"
            )))),
        }
    }

    /// The digest an external signer hashes with by default for `cert`:
    /// SHA-384 for a P-384 key, SHA-256 otherwise (as [`SigningKey`](super::SigningKey)).
    #[must_use]
    pub fn default_digest(cert: &Certificate) -> DigestAlgorithm {
        let spki = &cert.inner().tbs_certificate.subject_public_key_info;
        let p384 = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<der::asn1::ObjectIdentifier>().ok())
            == Some(oid::P384);
        if p384 {
            DigestAlgorithm::Sha384
        } else {
            DigestAlgorithm::Sha256
        }
    }

    /// `rsa-pkcs1-v1_5`, `rsa-pss` or `ecdsa`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::RsaPkcs1v15 => "rsa-pkcs1-v1_5",
            Self::RsaPss => "rsa-pss",
            Self::Ecdsa => "ecdsa",
        }
    }

    /// The `signatureAlgorithm` of the CMS for this scheme with `digest`.
    ///
    /// # Errors
    /// When the PSS parameters cannot be encoded, or for SHA-1 with ECDSA
    /// or PSS (legacy PKCS #1 v1.5 only).
    pub fn algorithm(self, digest: DigestAlgorithm) -> Result<AlgorithmIdentifierOwned, Error> {
        let plain = |oid| AlgorithmIdentifierOwned {
            oid,
            parameters: None,
        };
        let null = |oid| AlgorithmIdentifierOwned {
            oid,
            parameters: Some(der::Any::null()),
        };
        Ok(match (self, digest) {
            (Self::RsaPkcs1v15, DigestAlgorithm::Sha1) => null(oid::SHA1_RSA),
            (Self::RsaPkcs1v15, DigestAlgorithm::Sha256) => null(oid::SHA256_RSA),
            (Self::RsaPkcs1v15, DigestAlgorithm::Sha384) => null(oid::SHA384_RSA),
            (Self::RsaPkcs1v15, DigestAlgorithm::Sha512) => null(oid::SHA512_RSA),
            (Self::Ecdsa, DigestAlgorithm::Sha256) => plain(oid::ECDSA_SHA256),
            (Self::Ecdsa, DigestAlgorithm::Sha384) => plain(oid::ECDSA_SHA384),
            (Self::Ecdsa, DigestAlgorithm::Sha512) => plain(oid::ECDSA_SHA512),
            (Self::RsaPss, d) if d != DigestAlgorithm::Sha1 => crate::crypto::pss_algorithm(d)?,
            (scheme, d) => {
                return Err(Error::new(ErrorKind::Key(format!(
                    "{} with {} is not used for new signatures",
                    scheme.as_str(),
                    d.name()
                ))));
            }
        })
    }
}
