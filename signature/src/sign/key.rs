//! Software signing keys (RSA, P-256, P-384) in the files people have: PKCS #8,
//! SEC1 (`EC PRIVATE KEY`) or PKCS #1 (`RSA PRIVATE KEY`), PEM or DER.
//!
//! RSA signs through `ring` (about 2.5× the RustCrypto `rsa` crate on
//! RSA-2048; PKCS #1 v1.5 signatures are deterministic either way). ECDSA
//! signs with the RustCrypto `p256`/`p384` crates, whose RFC 6979 nonces make
//! the same key and bytes give the same signature (`ring` draws a random
//! nonce): signed files are reproducible, and signing is not where the time goes.

use std::sync::Arc;

use der::Any;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use crate::certs::Certificate;
use crate::crypto::{DigestAlgorithm, oid};
use crate::error::{Error, ErrorKind};

/// A private key held in software: RSA (PKCS #1 v1.5 with SHA-256, or
/// RSASSA-PSS) or ECDSA P-256/P-384.
#[derive(Clone)]
#[non_exhaustive]
pub enum SigningKey {
    /// RSA.
    Rsa(Box<RsaSigningKey>),
    /// ECDSA on P-256.
    P256(p256::ecdsa::SigningKey),
    /// ECDSA on P-384.
    P384(p384::ecdsa::SigningKey),
}

/// An RSA private key, kept both as the RustCrypto key (for encoding, and for
/// the sizes `ring` does not sign with: under 2048 or over 4096 bits, or a
/// public exponent other than 65537) and as a `ring` key pair.
#[derive(Clone)]
pub struct RsaSigningKey {
    key: rsa::RsaPrivateKey,
    fast: Option<Arc<ring::signature::RsaKeyPair>>,
}

impl RsaSigningKey {
    /// Wraps a RustCrypto RSA key.
    #[must_use]
    pub fn new(key: rsa::RsaPrivateKey) -> Self {
        use rsa::pkcs1::EncodeRsaPrivateKey;
        let fast = key
            .to_pkcs1_der()
            .ok()
            .and_then(|der| ring::signature::RsaKeyPair::from_der(der.as_bytes()).ok())
            .map(Arc::new);
        Self { key, fast }
    }

    /// The RustCrypto key.
    #[must_use]
    pub fn key(&self) -> &rsa::RsaPrivateKey {
        &self.key
    }

    fn sign_fast(
        &self,
        padding: &'static dyn ring::signature::RsaEncoding,
        message: &[u8],
    ) -> Option<Result<Vec<u8>, Error>> {
        let pair = self.fast.as_ref()?;
        let mut out = vec![0; pair.public().modulus_len()];
        let rng = ring::rand::SystemRandom::new();
        Some(
            pair.sign(padding, &rng, message, &mut out)
                .map(|()| out)
                .map_err(|_| {
                    Error::new(ErrorKind::Key(
                        "the RSA private-key operation failed".into(),
                    ))
                }),
        )
    }
}

impl From<rsa::RsaPrivateKey> for SigningKey {
    fn from(key: rsa::RsaPrivateKey) -> Self {
        Self::Rsa(Box::new(RsaSigningKey::new(key)))
    }
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

impl std::fmt::Debug for RsaSigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RsaSigningKey(..)")
    }
}

fn key_error(what: impl Into<String>) -> Error {
    Error::new(ErrorKind::Key(what.into()))
}

/// The DER of the first private-key block of a PEM text, and its label.
fn pem_private_key(text: &str) -> Result<(String, Vec<u8>), Error> {
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let block = rest.get(start + 11..).unwrap_or_default();
        let Some(label_end) = block.find("-----") else {
            break;
        };
        let label = block.get(..label_end).unwrap_or_default().trim().to_owned();
        let body_start = label_end + 5;
        let end_marker = format!("-----END {label}-----");
        let Some(end) = block.find(&end_marker) else {
            return Err(key_error(format!(
                "PEM block '{label}' without its END line"
            )));
        };
        let body = block.get(body_start..end).unwrap_or_default();
        rest = block.get(end + end_marker.len()..).unwrap_or_default();
        if !label.ends_with("PRIVATE KEY") {
            // `EC PARAMETERS` before an `EC PRIVATE KEY` (openssl ecparam -genkey), certificates...
            continue;
        }
        if label.starts_with("ENCRYPTED") || body.contains("Proc-Type:") {
            return Err(key_error(
                "the private key is encrypted: decrypt it first (openssl pkey -in KEY -out PLAIN)",
            ));
        }
        let b64: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        let der = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, b64)
            .map_err(|e| key_error(format!("PEM '{label}': {e}")))?;
        return Ok((label, der));
    }
    Err(key_error("no PRIVATE KEY block in the PEM text"))
}

impl SigningKey {
    /// Reads a private key in any of the usual files: PKCS #8 (`PRIVATE KEY`),
    /// SEC1 (`EC PRIVATE KEY`, P-256 or P-384) or PKCS #1 (`RSA PRIVATE KEY`),
    /// PEM or DER.
    ///
    /// # Errors
    /// When the key is none of these, or is encrypted.
    pub fn parse(bytes: &[u8]) -> Result<Self, Error> {
        let pem = std::str::from_utf8(bytes)
            .ok()
            .filter(|t| t.contains("-----BEGIN"));
        let (label, der) = match pem {
            Some(text) => {
                let (label, der) = pem_private_key(text)?;
                (Some(label), der)
            }
            None => (None, bytes.to_vec()),
        };
        let tried = match label.as_deref() {
            Some("PRIVATE KEY") => Self::pkcs8_der(&der),
            Some("EC PRIVATE KEY") => Self::sec1_der(&der),
            Some("RSA PRIVATE KEY") => Self::pkcs1_der(&der),
            _ => Self::pkcs8_der(&der)
                .or_else(|| Self::sec1_der(&der))
                .or_else(|| Self::pkcs1_der(&der)),
        };
        tried.ok_or_else(|| {
            key_error(
                "not an RSA, P-256 or P-384 private key in PKCS #8, SEC1 or PKCS #1 form (PEM or DER)",
            )
        })
    }

    /// Reads a PKCS #8 private key, PEM or DER ([`Self::parse`] also reads
    /// SEC1 and PKCS #1 keys).
    ///
    /// # Errors
    /// When the key is not PKCS #8 RSA, P-256 or P-384.
    pub fn from_pkcs8(bytes: &[u8]) -> Result<Self, Error> {
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
        Self::pkcs8_der(&der).ok_or_else(|| {
            key_error("not a PKCS #8 RSA, P-256 or P-384 private key (SigningKey::parse also reads SEC1 and PKCS #1 keys)")
        })
    }

    fn pkcs8_der(der: &[u8]) -> Option<Self> {
        use pkcs8::DecodePrivateKey;
        if let Ok(k) = rsa::RsaPrivateKey::from_pkcs8_der(der) {
            return Some(k.into());
        }
        if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_der(der) {
            return Some(Self::P256(k));
        }
        p384::ecdsa::SigningKey::from_pkcs8_der(der)
            .ok()
            .map(Self::P384)
    }

    fn sec1_der(der: &[u8]) -> Option<Self> {
        if let Ok(k) = p256::SecretKey::from_sec1_der(der) {
            return Some(Self::P256(k.into()));
        }
        p384::SecretKey::from_sec1_der(der)
            .ok()
            .map(|k| Self::P384(k.into()))
    }

    fn pkcs1_der(der: &[u8]) -> Option<Self> {
        use rsa::pkcs1::DecodeRsaPrivateKey;
        rsa::RsaPrivateKey::from_pkcs1_der(der).ok().map(Self::from)
    }

    /// The PKCS #8 DER encoding of the key.
    ///
    /// # Errors
    /// When the key cannot be encoded.
    pub fn to_pkcs8_der(&self) -> Result<Vec<u8>, Error> {
        use pkcs8::EncodePrivateKey;
        let doc = match self {
            Self::Rsa(k) => k.key.to_pkcs8_der(),
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
            Self::Rsa(k) => k.key.to_public_key().to_public_key_der(),
            Self::P256(k) => k.verifying_key().to_public_key_der(),
            Self::P384(k) => k.verifying_key().to_public_key_der(),
        }
        .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
        Ok(doc.as_bytes().to_vec())
    }

    /// Checks that `cert` certifies this key's public key: same key type, same
    /// curve, same public key. A signature made with another key could never
    /// verify against the certificate.
    ///
    /// # Errors
    /// [`ErrorKind::KeyMismatch`] when it does not; [`ErrorKind::Key`] when a
    /// key cannot be read.
    pub fn check_certificate(&self, cert: &Certificate) -> Result<(), Error> {
        let ours = <SubjectPublicKeyInfoOwned as der::Decode>::from_der(&self.public_key_der()?)?;
        let theirs = &cert.inner().tbs_certificate.subject_public_key_info;
        let mismatch = |what: String| Err(Error::new(ErrorKind::KeyMismatch(what)));
        let kind = |spki: &SubjectPublicKeyInfoOwned| match spki.algorithm.oid {
            oid::RSA | oid::RSA_PSS => "RSA",
            oid::EC_PUBLIC_KEY => "EC",
            _ => "other",
        };
        let subject = cert.subject_str();
        if kind(&ours) != kind(theirs) {
            return mismatch(format!(
                "an {} key with the {} certificate '{subject}'",
                kind(&ours),
                kind(theirs)
            ));
        }
        let same = match self {
            Self::Rsa(_) => {
                let parse = |s: &SubjectPublicKeyInfoOwned| {
                    <rsa::pkcs1::RsaPublicKey<'_> as der::Decode>::from_der(
                        s.subject_public_key.raw_bytes(),
                    )
                    .ok()
                    .map(|k| {
                        (
                            k.modulus.as_bytes().to_vec(),
                            k.public_exponent.as_bytes().to_vec(),
                        )
                    })
                };
                parse(&ours).is_some() && parse(&ours) == parse(theirs)
            }
            Self::P256(k) => {
                theirs.algorithm.parameters == ours.algorithm.parameters
                    && p256::ecdsa::VerifyingKey::from_sec1_bytes(
                        theirs.subject_public_key.raw_bytes(),
                    )
                    .is_ok_and(|v| v == *k.verifying_key())
            }
            Self::P384(k) => {
                theirs.algorithm.parameters == ours.algorithm.parameters
                    && p384::ecdsa::VerifyingKey::from_sec1_bytes(
                        theirs.subject_public_key.raw_bytes(),
                    )
                    .is_ok_and(|v| v == *k.verifying_key())
            }
        };
        if same {
            Ok(())
        } else {
            mismatch(format!(
                "the certificate '{subject}' is for another public key"
            ))
        }
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
        match self {
            Self::Rsa(k) => {
                let sig = match k.sign_fast(&ring::signature::RSA_PKCS1_SHA256, message) {
                    Some(sig) => sig?,
                    None => k
                        .key
                        .sign(
                            rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                            &DigestAlgorithm::Sha256.digest(&[message]),
                        )
                        .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?,
                };
                Ok((
                    AlgorithmIdentifierOwned {
                        oid: oid::SHA256_RSA,
                        parameters: Some(Any::null()),
                    },
                    sig,
                ))
            }
            Self::P256(k) => {
                let hashed = DigestAlgorithm::Sha256.digest(&[message]);
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
                let hashed = DigestAlgorithm::Sha384.digest(&[message]);
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
    /// Signs `message` with RSASSA-PSS (SHA-256, MGF1-SHA-256, 32-byte salt),
    /// the RSA scheme Thông tư 15/2025/TT-BKHCN asks signing software to use.
    ///
    /// The salt comes from the operating system's generator when `ring` signs
    /// (keys of 2048 to 4096 bits with exponent 65537), from `rng` otherwise.
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
        let sig = match k.sign_fast(&ring::signature::RSA_PSS_SHA256, message) {
            Some(sig) => sig?,
            None => {
                let hashed = DigestAlgorithm::Sha256.digest(&[message]);
                k.key
                    .sign_with_rng(rng, rsa::Pss::new_with_salt::<sha2::Sha256>(32), &hashed)
                    .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?
            }
        };
        Ok((crate::crypto::pss_algorithm(DigestAlgorithm::Sha256)?, sig))
    }
}
