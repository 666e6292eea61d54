//! Digest and signature algorithms, and the policy that says which are acceptable.
//!
//! Thông tư 15/2025/TT-BKHCN (its appendix) requires RSA ≥ 2048 bits (PKCS #1 v2.1),
//! ECDSA ≥ 256 bits and SHA-2; SHA-1 is accepted only under an explicit legacy
//! policy, for archives of old documents.

use der::asn1::ObjectIdentifier as Oid;
use der::{Decode, Sequence};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use signature::hazmat::PrehashVerifier;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

pub(crate) mod oid {
    use der::asn1::ObjectIdentifier as Oid;
    pub(crate) const SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
    pub(crate) const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
    pub(crate) const SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
    pub(crate) const SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");
    pub(crate) const RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
    pub(crate) const SHA1_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.5");
    pub(crate) const RSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
    pub(crate) const SHA256_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
    pub(crate) const SHA384_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.12");
    pub(crate) const SHA512_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.13");
    pub(crate) const MGF1: Oid = Oid::new_unwrap("1.2.840.113549.1.1.8");
    pub(crate) const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
    pub(crate) const ECDSA_SHA1: Oid = Oid::new_unwrap("1.2.840.10045.4.1");
    pub(crate) const ECDSA_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
    pub(crate) const ECDSA_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
    pub(crate) const ECDSA_SHA512: Oid = Oid::new_unwrap("1.2.840.10045.4.3.4");
    pub(crate) const P256: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
    pub(crate) const P384: Oid = Oid::new_unwrap("1.3.132.0.34");
}

/// A digest algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DigestAlgorithm {
    /// SHA-1 (legacy only).
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl DigestAlgorithm {
    pub(crate) fn from_oid(oid: &Oid) -> Option<Self> {
        match *oid {
            oid::SHA1 => Some(Self::Sha1),
            oid::SHA256 => Some(Self::Sha256),
            oid::SHA384 => Some(Self::Sha384),
            oid::SHA512 => Some(Self::Sha512),
            _ => None,
        }
    }

    pub(crate) fn oid(self) -> Oid {
        match self {
            Self::Sha1 => oid::SHA1,
            Self::Sha256 => oid::SHA256,
            Self::Sha384 => oid::SHA384,
            Self::Sha512 => oid::SHA512,
        }
    }

    /// `SHA-256` and so on.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Sha1 => "SHA-1",
            Self::Sha256 => "SHA-256",
            Self::Sha384 => "SHA-384",
            Self::Sha512 => "SHA-512",
        }
    }

    /// The digest of the concatenation of `parts`.
    #[must_use]
    pub fn digest(self, parts: &[&[u8]]) -> Vec<u8> {
        fn run<D: Digest>(parts: &[&[u8]]) -> Vec<u8> {
            let mut h = D::new();
            for p in parts {
                h.update(p);
            }
            h.finalize().to_vec()
        }
        match self {
            Self::Sha1 => run::<Sha1>(parts),
            Self::Sha256 => run::<Sha256>(parts),
            Self::Sha384 => run::<Sha384>(parts),
            Self::Sha512 => run::<Sha512>(parts),
        }
    }
}

/// Which algorithms and key sizes are acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct AlgorithmPolicy {
    /// Accept SHA-1 in signatures and certificates (legacy archives only).
    pub allow_sha1: bool,
    /// Smallest RSA modulus accepted, in bits (Thông tư 15/2025/TT-BKHCN: 2048).
    pub min_rsa_bits: usize,
}

impl Default for AlgorithmPolicy {
    fn default() -> Self {
        Self {
            allow_sha1: false,
            min_rsa_bits: 2048,
        }
    }
}

impl AlgorithmPolicy {
    /// The default policy with SHA-1 allowed, for documents signed before SHA-2 tokens.
    #[must_use]
    pub fn legacy() -> Self {
        Self {
            allow_sha1: true,
            ..Self::default()
        }
    }
}

/// Why a signature value did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CryptoError {
    /// The algorithm or key type is not supported.
    Unsupported(String),
    /// The algorithm is supported but the policy refuses it.
    Refused(String),
    /// The signature does not verify.
    Invalid,
}

#[derive(Sequence)]
struct PssParams {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    hash: Option<AlgorithmIdentifierOwned>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    mgf: Option<AlgorithmIdentifierOwned>,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", optional = "true")]
    salt_len: Option<u32>,
    #[asn1(context_specific = "3", tag_mode = "EXPLICIT", optional = "true")]
    trailer: Option<u32>,
}

/// The AlgorithmIdentifier of RSASSA-PSS with `digest`, MGF1 with the same
/// digest and a salt as long as the digest (RFC 4055 §3.1; Thông tư 15/2025/TT-BKHCN
/// asks for PSS, PKCS #1 v2.1).
pub(crate) fn pss_algorithm(
    digest: DigestAlgorithm,
) -> Result<AlgorithmIdentifierOwned, der::Error> {
    let hash = AlgorithmIdentifierOwned {
        oid: digest.oid(),
        parameters: None,
    };
    let mgf = AlgorithmIdentifierOwned {
        oid: oid::MGF1,
        parameters: Some(der::Any::encode_from(&hash)?),
    };
    let salt = match digest {
        DigestAlgorithm::Sha1 => 20,
        DigestAlgorithm::Sha256 => 32,
        DigestAlgorithm::Sha384 => 48,
        DigestAlgorithm::Sha512 => 64,
    };
    let params = PssParams {
        hash: Some(hash),
        mgf: Some(mgf),
        salt_len: Some(salt),
        trailer: None,
    };
    Ok(AlgorithmIdentifierOwned {
        oid: oid::RSA_PSS,
        parameters: Some(der::Any::encode_from(&params)?),
    })
}

enum Scheme {
    Pkcs1(DigestAlgorithm),
    Pss(DigestAlgorithm, usize),
    Ecdsa(DigestAlgorithm),
}

/// The digest a signature algorithm uses; `digest_hint` is the SignerInfo's
/// digestAlgorithm, used when the signature algorithm is bare `rsaEncryption`.
fn scheme(
    alg: &AlgorithmIdentifierOwned,
    digest_hint: Option<DigestAlgorithm>,
) -> Result<Scheme, CryptoError> {
    let hint = || digest_hint.ok_or_else(|| CryptoError::Unsupported("no digest algorithm".into()));
    Ok(match alg.oid {
        oid::RSA => Scheme::Pkcs1(hint()?),
        oid::SHA1_RSA => Scheme::Pkcs1(DigestAlgorithm::Sha1),
        oid::SHA256_RSA => Scheme::Pkcs1(DigestAlgorithm::Sha256),
        oid::SHA384_RSA => Scheme::Pkcs1(DigestAlgorithm::Sha384),
        oid::SHA512_RSA => Scheme::Pkcs1(DigestAlgorithm::Sha512),
        oid::ECDSA_SHA1 => Scheme::Ecdsa(DigestAlgorithm::Sha1),
        oid::ECDSA_SHA256 => Scheme::Ecdsa(DigestAlgorithm::Sha256),
        oid::ECDSA_SHA384 => Scheme::Ecdsa(DigestAlgorithm::Sha384),
        oid::ECDSA_SHA512 => Scheme::Ecdsa(DigestAlgorithm::Sha512),
        // Some CMS writers put the key algorithm here.
        oid::EC_PUBLIC_KEY => Scheme::Ecdsa(hint()?),
        oid::RSA_PSS => {
            let params = alg
                .parameters
                .as_ref()
                .ok_or_else(|| CryptoError::Unsupported("RSASSA-PSS without parameters".into()))?;
            let p = PssParams::from_der(
                &der::Encode::to_der(params)
                    .map_err(|e| CryptoError::Unsupported(e.to_string()))?,
            )
            .map_err(|e| CryptoError::Unsupported(format!("RSASSA-PSS parameters: {e}")))?;
            let hash = match &p.hash {
                Some(h) => DigestAlgorithm::from_oid(&h.oid)
                    .ok_or_else(|| CryptoError::Unsupported(format!("PSS hash {}", h.oid)))?,
                None => DigestAlgorithm::Sha1,
            };
            if let Some(mgf) = &p.mgf {
                let inner = mgf
                    .parameters
                    .as_ref()
                    .and_then(|a| der::Encode::to_der(a).ok())
                    .and_then(|d| AlgorithmIdentifierOwned::from_der(&d).ok());
                let mgf_hash = inner.and_then(|i| DigestAlgorithm::from_oid(&i.oid));
                if mgf.oid != oid::MGF1 || mgf_hash != Some(hash) {
                    return Err(CryptoError::Unsupported(
                        "PSS mask generation other than MGF1 with the same hash".into(),
                    ));
                }
            }
            if p.trailer.is_some_and(|t| t != 1) {
                return Err(CryptoError::Unsupported("PSS trailer field".into()));
            }
            Scheme::Pss(hash, p.salt_len.map_or(20, |s| s as usize))
        }
        other => {
            return Err(CryptoError::Unsupported(format!(
                "signature algorithm {other}"
            )));
        }
    })
}

/// Verifies `signature` over the concatenation of `message` with the key in `spki`.
pub(crate) fn verify(
    spki: &SubjectPublicKeyInfoOwned,
    alg: &AlgorithmIdentifierOwned,
    digest_hint: Option<DigestAlgorithm>,
    message: &[&[u8]],
    signature: &[u8],
    policy: &AlgorithmPolicy,
) -> Result<(), CryptoError> {
    verify_inner(spki, alg, digest_hint, message, signature, policy, true)
}

/// Checks only that the algorithm, curve and key size are acceptable (the
/// signature itself was verified before, with a permissive policy).
pub(crate) fn check_policy(
    spki: &SubjectPublicKeyInfoOwned,
    alg: &AlgorithmIdentifierOwned,
    policy: &AlgorithmPolicy,
) -> Result<(), CryptoError> {
    verify_inner(spki, alg, None, &[], &[], policy, false)
}

#[allow(clippy::too_many_arguments)]
fn verify_inner(
    spki: &SubjectPublicKeyInfoOwned,
    alg: &AlgorithmIdentifierOwned,
    digest_hint: Option<DigestAlgorithm>,
    message: &[&[u8]],
    signature: &[u8],
    policy: &AlgorithmPolicy,
    really: bool,
) -> Result<(), CryptoError> {
    let scheme = scheme(alg, digest_hint)?;
    let digest = match &scheme {
        Scheme::Pkcs1(d) | Scheme::Pss(d, _) | Scheme::Ecdsa(d) => *d,
    };
    if digest == DigestAlgorithm::Sha1 && !policy.allow_sha1 {
        return Err(CryptoError::Refused(
            "SHA-1 is accepted only under the legacy policy".into(),
        ));
    }
    let hashed = if really {
        digest.digest(message)
    } else {
        Vec::new()
    };
    let key_bytes = spki.subject_public_key.raw_bytes();
    match scheme {
        Scheme::Pkcs1(_) | Scheme::Pss(..) => {
            if spki.algorithm.oid != oid::RSA && spki.algorithm.oid != oid::RSA_PSS {
                return Err(CryptoError::Unsupported(
                    "RSA signature with a non-RSA key".into(),
                ));
            }
            use rsa::pkcs1::DecodeRsaPublicKey;
            use rsa::traits::PublicKeyParts;
            let key = rsa::RsaPublicKey::from_pkcs1_der(key_bytes)
                .map_err(|e| CryptoError::Unsupported(format!("RSA key: {e}")))?;
            let bits = key.n().bits();
            if bits < policy.min_rsa_bits {
                return Err(CryptoError::Refused(format!("RSA key of {bits} bits")));
            }
            if !really {
                return Ok(());
            }
            let ok = match scheme {
                Scheme::Pkcs1(d) => {
                    let padding = match d {
                        DigestAlgorithm::Sha1 => rsa::Pkcs1v15Sign::new::<Sha1>(),
                        DigestAlgorithm::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
                        DigestAlgorithm::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
                        DigestAlgorithm::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
                    };
                    key.verify(padding, &hashed, signature)
                }
                Scheme::Pss(d, salt) => {
                    let padding = match d {
                        DigestAlgorithm::Sha1 => rsa::Pss::new_with_salt::<Sha1>(salt),
                        DigestAlgorithm::Sha256 => rsa::Pss::new_with_salt::<Sha256>(salt),
                        DigestAlgorithm::Sha384 => rsa::Pss::new_with_salt::<Sha384>(salt),
                        DigestAlgorithm::Sha512 => rsa::Pss::new_with_salt::<Sha512>(salt),
                    };
                    key.verify(padding, &hashed, signature)
                }
                Scheme::Ecdsa(_) => return Err(CryptoError::Invalid),
            };
            ok.map_err(|_| CryptoError::Invalid)
        }
        Scheme::Ecdsa(_) => {
            if spki.algorithm.oid != oid::EC_PUBLIC_KEY {
                return Err(CryptoError::Unsupported(
                    "ECDSA signature with a non-EC key".into(),
                ));
            }
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<Oid>().ok());
            match curve {
                Some(oid::P256) => {
                    let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes)
                        .map_err(|_| CryptoError::Unsupported("P-256 key".into()))?;
                    if !really {
                        return Ok(());
                    }
                    let sig = p256::ecdsa::Signature::from_der(signature)
                        .map_err(|_| CryptoError::Invalid)?;
                    key.verify_prehash(&hashed, &sig)
                        .map_err(|_| CryptoError::Invalid)
                }
                Some(oid::P384) => {
                    let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes)
                        .map_err(|_| CryptoError::Unsupported("P-384 key".into()))?;
                    if !really {
                        return Ok(());
                    }
                    let sig = p384::ecdsa::Signature::from_der(signature)
                        .map_err(|_| CryptoError::Invalid)?;
                    key.verify_prehash(&hashed, &sig)
                        .map_err(|_| CryptoError::Invalid)
                }
                _ => Err(CryptoError::Unsupported(
                    "elliptic curve other than P-256/P-384".into(),
                )),
            }
        }
    }
}
