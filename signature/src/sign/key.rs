//! Software signing keys (PKCS #8 RSA, P-256, P-384).

use der::Any;
use spki::AlgorithmIdentifierOwned;

use crate::crypto::{DigestAlgorithm, oid};
use crate::error::{Error, ErrorKind};

/// A private key held in software: RSA (PKCS #1 v1.5 with SHA-256) or ECDSA P-256/P-384.
#[derive(Clone)]
#[non_exhaustive]
pub enum SigningKey {
    /// RSA.
    Rsa(Box<rsa::RsaPrivateKey>),
    /// ECDSA on P-256.
    P256(p256::ecdsa::SigningKey),
    /// ECDSA on P-384.
    P384(p384::ecdsa::SigningKey),
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Rsa(_) => "SigningKey::Rsa(..)",
            Self::P256(_) => "SigningKey::P256(..)",
            Self::P384(_) => "SigningKey::P384(..)",
        })
    }
}

impl SigningKey {
    /// Reads a PKCS #8 private key, PEM or DER.
    ///
    /// # Errors
    /// When the key is not PKCS #8 RSA, P-256 or P-384.
    pub fn from_pkcs8(bytes: &[u8]) -> Result<Self, Error> {
        use pkcs8::DecodePrivateKey;
        let der = match std::str::from_utf8(bytes)
            .ok()
            .filter(|t| t.contains("-----BEGIN"))
        {
            Some(text) => {
                let (_, doc) = pkcs8::SecretDocument::from_pem(text)
                    .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
                doc.as_bytes().to_vec()
            }
            None => bytes.to_vec(),
        };
        if let Ok(k) = rsa::RsaPrivateKey::from_pkcs8_der(&der) {
            return Ok(Self::Rsa(Box::new(k)));
        }
        if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_der(&der) {
            return Ok(Self::P256(k));
        }
        if let Ok(k) = p384::ecdsa::SigningKey::from_pkcs8_der(&der) {
            return Ok(Self::P384(k));
        }
        Err(Error::new(ErrorKind::Key(
            "not a PKCS #8 RSA, P-256 or P-384 private key".into(),
        )))
    }

    /// The PKCS #8 DER encoding of the key.
    ///
    /// # Errors
    /// When the key cannot be encoded.
    pub fn to_pkcs8_der(&self) -> Result<Vec<u8>, Error> {
        use pkcs8::EncodePrivateKey;
        let doc = match self {
            Self::Rsa(k) => k.to_pkcs8_der(),
            Self::P256(k) => k.to_pkcs8_der(),
            Self::P384(k) => k.to_pkcs8_der(),
        }
        .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
        Ok(doc.as_bytes().to_vec())
    }

    /// The public key as SubjectPublicKeyInfo DER.
    ///
    /// # Errors
    /// When the key cannot be encoded.
    pub fn public_key_der(&self) -> Result<Vec<u8>, Error> {
        use spki::EncodePublicKey;
        let doc = match self {
            Self::Rsa(k) => k.to_public_key().to_public_key_der(),
            Self::P256(k) => k.verifying_key().to_public_key_der(),
            Self::P384(k) => k.verifying_key().to_public_key_der(),
        }
        .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
        Ok(doc.as_bytes().to_vec())
    }

    /// The digest this key signs with: SHA-384 for P-384, SHA-256 otherwise.
    #[must_use]
    pub fn digest(&self) -> DigestAlgorithm {
        match self {
            Self::P384(_) => DigestAlgorithm::Sha384,
            _ => DigestAlgorithm::Sha256,
        }
    }

    /// Signs `message` (hashing it with [`Self::digest`]); returns the algorithm identifier and the value.
    ///
    /// # Errors
    /// When the private-key operation fails.
    pub fn sign(&self, message: &[u8]) -> Result<(AlgorithmIdentifierOwned, Vec<u8>), Error> {
        use signature::hazmat::PrehashSigner;
        let hashed = self.digest().digest(&[message]);
        match self {
            Self::Rsa(k) => {
                let sig = k
                    .sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &hashed)
                    .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
                Ok((
                    AlgorithmIdentifierOwned {
                        oid: oid::SHA256_RSA,
                        parameters: Some(Any::null()),
                    },
                    sig,
                ))
            }
            Self::P256(k) => {
                let sig: p256::ecdsa::Signature = k
                    .sign_prehash(&hashed)
                    .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
                Ok((
                    AlgorithmIdentifierOwned {
                        oid: oid::ECDSA_SHA256,
                        parameters: None,
                    },
                    sig.to_der().as_bytes().to_vec(),
                ))
            }
            Self::P384(k) => {
                let sig: p384::ecdsa::Signature = k
                    .sign_prehash(&hashed)
                    .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
                Ok((
                    AlgorithmIdentifierOwned {
                        oid: oid::ECDSA_SHA384,
                        parameters: None,
                    },
                    sig.to_der().as_bytes().to_vec(),
                ))
            }
        }
    }
}

impl SigningKey {
    /// Signs `message` with RSASSA-PSS (SHA-256, MGF1-SHA-256, 32-byte salt from
    /// `rng`), the RSA scheme Thông tư 15/2025/TT-BKHCN asks signing software to use.
    ///
    /// # Errors
    /// When the key is not RSA or the private-key operation fails.
    pub fn sign_pss<R: rsa::rand_core::CryptoRngCore>(
        &self,
        message: &[u8],
        rng: &mut R,
    ) -> Result<(AlgorithmIdentifierOwned, Vec<u8>), Error> {
        let Self::Rsa(k) = self else {
            return Err(Error::new(ErrorKind::Key(
                "RSASSA-PSS needs an RSA key".into(),
            )));
        };
        let hashed = DigestAlgorithm::Sha256.digest(&[message]);
        let sig = k
            .sign_with_rng(rng, rsa::Pss::new_with_salt::<sha2::Sha256>(32), &hashed)
            .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
        Ok((crate::crypto::pss_algorithm(DigestAlgorithm::Sha256)?, sig))
    }
}
