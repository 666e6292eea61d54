//! Digest and signature algorithms, and the policy that says which are acceptable.
//!
//! Thông tư 15/2025/TT-BKHCN (its appendix) requires RSA ≥ 2048 bits (PKCS #1 v2.1),
//! ECDSA ≥ 256 bits and SHA-2; SHA-1 is accepted only under an explicit legacy
//! policy, for archives of old documents.

use der::asn1::ObjectIdentifier as Oid;
use der::{Decode, Sequence};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
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
    Unsupported(Why),
    /// The algorithm is supported but the policy refuses it.
    Refused(Why),
    /// The signature does not verify.
    Invalid,
}

/// Why an algorithm or key cannot be used, in English and in Vietnamese (the
/// reason is shown to the clerk in both).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Why {
    pub(crate) en: String,
    pub(crate) vi: String,
}

/// A reason in both languages.
pub(crate) fn why(en: impl Into<String>, vi: impl Into<String>) -> Why {
    Why {
        en: en.into(),
        vi: vi.into(),
    }
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
    let hint = || {
        digest_hint.ok_or_else(|| {
            CryptoError::Unsupported(why("no digest algorithm", "không có thuật toán băm"))
        })
    };
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
            let params = alg.parameters.as_ref().ok_or_else(|| {
                CryptoError::Unsupported(why(
                    "RSASSA-PSS without parameters",
                    "RSASSA-PSS không có tham số",
                ))
            })?;
            let p = PssParams::from_der(&der::Encode::to_der(params).map_err(|e| {
                CryptoError::Unsupported(why(e.to_string(), "tham số RSASSA-PSS không đọc được"))
            })?)
            .map_err(|e| {
                CryptoError::Unsupported(why(
                    format!("RSASSA-PSS parameters: {e}"),
                    "tham số RSASSA-PSS không đọc được",
                ))
            })?;
            let hash = match &p.hash {
                Some(h) => DigestAlgorithm::from_oid(&h.oid).ok_or_else(|| {
                    CryptoError::Unsupported(why(
                        format!("PSS hash {}", h.oid),
                        format!("hàm băm PSS {}", h.oid),
                    ))
                })?,
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
                    return Err(CryptoError::Unsupported(why(
                        "PSS mask generation other than MGF1 with the same hash",
                        "hàm sinh mặt nạ PSS khác MGF1 với cùng hàm băm",
                    )));
                }
            }
            if p.trailer.is_some_and(|t| t != 1) {
                return Err(CryptoError::Unsupported(why(
                    "PSS trailer field",
                    "trường kết thúc PSS không hợp lệ",
                )));
            }
            Scheme::Pss(hash, p.salt_len.map_or(20, |s| s as usize))
        }
        other => {
            return Err(CryptoError::Unsupported(why(
                format!("signature algorithm {other}"),
                format!("thuật toán chữ ký {other}"),
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
        return Err(CryptoError::Refused(why(
            "SHA-1 is accepted only under the legacy policy",
            "SHA-1 chỉ được chấp nhận theo chính sách cho văn bản cũ",
        )));
    }
    let key_bytes = spki.subject_public_key.raw_bytes();
    match scheme {
        Scheme::Pkcs1(_) | Scheme::Pss(..) => {
            if spki.algorithm.oid != oid::RSA && spki.algorithm.oid != oid::RSA_PSS {
                return Err(CryptoError::Unsupported(why(
                    "RSA signature with a non-RSA key",
                    "chữ ký RSA nhưng khóa không phải RSA",
                )));
            }
            let bits = rsa_modulus_bits(key_bytes)?;
            if bits < policy.min_rsa_bits {
                return Err(CryptoError::Refused(why(
                    format!("RSA key of {bits} bits"),
                    format!("khóa RSA {bits} bit"),
                )));
            }
            if !really {
                return Ok(());
            }
            if fast::rsa_parameters(&scheme, bits)
                .is_some_and(|params| fast::verify(params, key_bytes, message, signature))
            {
                return Ok(());
            }
            fallback::verify_rsa(&scheme, key_bytes, &digest.digest(message), signature)
        }
        Scheme::Ecdsa(_) => {
            if spki.algorithm.oid != oid::EC_PUBLIC_KEY {
                return Err(CryptoError::Unsupported(why(
                    "ECDSA signature with a non-EC key",
                    "chữ ký ECDSA nhưng khóa không phải khóa đường cong elliptic",
                )));
            }
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<Oid>().ok());
            let curve = match curve {
                Some(c @ (oid::P256 | oid::P384)) => c,
                _ => {
                    return Err(CryptoError::Unsupported(why(
                        "elliptic curve other than P-256/P-384",
                        "đường cong elliptic khác P-256/P-384",
                    )));
                }
            };
            if !really {
                // The key must at least be a point of the curve.
                return fallback::check_ec_key(curve, key_bytes);
            }
            if fast::ecdsa_parameters(curve, digest)
                .is_some_and(|params| fast::verify(params, key_bytes, message, signature))
            {
                return Ok(());
            }
            fallback::verify_ecdsa(curve, key_bytes, &digest.digest(message), signature)
        }
    }
}

/// The size in bits of the modulus of a PKCS #1 `RSAPublicKey`.
fn rsa_modulus_bits(key: &[u8]) -> Result<usize, CryptoError> {
    let key = rsa::pkcs1::RsaPublicKey::from_der(key).map_err(|e| {
        CryptoError::Unsupported(why(format!("RSA key: {e}"), "khóa RSA không đọc được"))
    })?;
    let n = key.modulus.as_bytes();
    let Some((&first, rest)) = n.split_first() else {
        return Err(CryptoError::Unsupported(why(
            "RSA key: empty modulus",
            "khóa RSA có modulus rỗng",
        )));
    };
    Ok(rest.len() * 8 + (8 - first.leading_zeros() as usize))
}

/// The fast path: `ring` (BoringSSL's assembly for big-integer and
/// elliptic-curve arithmetic), about 8× the RustCrypto `rsa` crate on RSA-2048
/// verification and 5× `p256` on P-256 (benches/README.md).
///
/// `ring` verifies a message, not a digest, and only the usual sizes and
/// digests: RSA moduli of 1024 to 8192 bits with an odd exponent of at most
/// 33 bits, PSS with a salt as long as the digest, ECDSA P-256/P-384 with
/// SHA-256/SHA-384. Everything else — and any value `ring` refuses — goes to
/// [`fallback`], so that the choice of backend can never turn a signature that
/// verifies into one that does not.
mod fast {
    use ring::signature::{self as ring_sig, VerificationAlgorithm};

    use super::{DigestAlgorithm, Scheme, oid};
    use der::asn1::ObjectIdentifier as Oid;

    /// Messages at most this long in several parts are joined and verified
    /// here; longer ones (a whole file signed without signed attributes) are
    /// hashed in a stream and verified by the fallback.
    const MAX_JOINED: usize = 1 << 20;

    pub(super) fn rsa_parameters(
        scheme: &Scheme,
        bits: usize,
    ) -> Option<&'static dyn VerificationAlgorithm> {
        if bits > 8192 {
            return None;
        }
        let big = bits >= 2048;
        let small = bits >= 1024;
        Some(match *scheme {
            Scheme::Pkcs1(DigestAlgorithm::Sha1) if big => {
                &ring_sig::RSA_PKCS1_2048_8192_SHA1_FOR_LEGACY_USE_ONLY
            }
            Scheme::Pkcs1(DigestAlgorithm::Sha1) if small => {
                &ring_sig::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY
            }
            Scheme::Pkcs1(DigestAlgorithm::Sha256) if big => &ring_sig::RSA_PKCS1_2048_8192_SHA256,
            Scheme::Pkcs1(DigestAlgorithm::Sha256) if small => {
                &ring_sig::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY
            }
            Scheme::Pkcs1(DigestAlgorithm::Sha384) if big => &ring_sig::RSA_PKCS1_2048_8192_SHA384,
            Scheme::Pkcs1(DigestAlgorithm::Sha512) if big => &ring_sig::RSA_PKCS1_2048_8192_SHA512,
            Scheme::Pkcs1(DigestAlgorithm::Sha512) if small => {
                &ring_sig::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY
            }
            Scheme::Pss(DigestAlgorithm::Sha256, 32) if big => &ring_sig::RSA_PSS_2048_8192_SHA256,
            Scheme::Pss(DigestAlgorithm::Sha384, 48) if big => &ring_sig::RSA_PSS_2048_8192_SHA384,
            Scheme::Pss(DigestAlgorithm::Sha512, 64) if big => &ring_sig::RSA_PSS_2048_8192_SHA512,
            _ => return None,
        })
    }

    pub(super) fn ecdsa_parameters(
        curve: Oid,
        digest: DigestAlgorithm,
    ) -> Option<&'static dyn VerificationAlgorithm> {
        Some(match (curve, digest) {
            (oid::P256, DigestAlgorithm::Sha256) => &ring_sig::ECDSA_P256_SHA256_ASN1,
            (oid::P256, DigestAlgorithm::Sha384) => &ring_sig::ECDSA_P256_SHA384_ASN1,
            (oid::P384, DigestAlgorithm::Sha256) => &ring_sig::ECDSA_P384_SHA256_ASN1,
            (oid::P384, DigestAlgorithm::Sha384) => &ring_sig::ECDSA_P384_SHA384_ASN1,
            _ => return None,
        })
    }

    /// True when `signature` verifies over `message`; false when it does not,
    /// or when `ring` cannot say (the caller then asks the fallback).
    pub(super) fn verify(
        params: &'static dyn VerificationAlgorithm,
        key: &[u8],
        message: &[&[u8]],
        signature: &[u8],
    ) -> bool {
        let key = ring_sig::UnparsedPublicKey::new(params, key);
        match message {
            [one] => key.verify(one, signature).is_ok(),
            parts if parts.iter().map(|p| p.len()).sum::<usize>() <= MAX_JOINED => {
                key.verify(&parts.concat(), signature).is_ok()
            }
            _ => false,
        }
    }
}

/// The RustCrypto implementations (`rsa`, `p256`, `p384`), over a digest:
/// what `ring` does not do (RSA keys under 1024 bits or with unusual
/// exponents, PSS salts of other lengths, ECDSA with SHA-1 or SHA-512, points
/// in compressed form, long messages in several parts).
mod fallback {
    use super::why;
    use sha1::Sha1;
    use sha2::{Sha256, Sha384, Sha512};
    use signature::hazmat::PrehashVerifier;

    use super::{CryptoError, DigestAlgorithm, Scheme, oid};
    use der::asn1::ObjectIdentifier as Oid;

    pub(super) fn verify_rsa(
        scheme: &Scheme,
        key: &[u8],
        hashed: &[u8],
        signature: &[u8],
    ) -> Result<(), CryptoError> {
        use rsa::pkcs1::DecodeRsaPublicKey;
        let key = rsa::RsaPublicKey::from_pkcs1_der(key).map_err(|e| {
            CryptoError::Unsupported(why(format!("RSA key: {e}"), "khóa RSA không đọc được"))
        })?;
        let ok = match *scheme {
            Scheme::Pkcs1(d) => {
                let padding = match d {
                    DigestAlgorithm::Sha1 => rsa::Pkcs1v15Sign::new::<Sha1>(),
                    DigestAlgorithm::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
                    DigestAlgorithm::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
                    DigestAlgorithm::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
                };
                key.verify(padding, hashed, signature)
            }
            Scheme::Pss(d, salt) => {
                let padding = match d {
                    DigestAlgorithm::Sha1 => rsa::Pss::new_with_salt::<Sha1>(salt),
                    DigestAlgorithm::Sha256 => rsa::Pss::new_with_salt::<Sha256>(salt),
                    DigestAlgorithm::Sha384 => rsa::Pss::new_with_salt::<Sha384>(salt),
                    DigestAlgorithm::Sha512 => rsa::Pss::new_with_salt::<Sha512>(salt),
                };
                key.verify(padding, hashed, signature)
            }
            Scheme::Ecdsa(_) => return Err(CryptoError::Invalid),
        };
        ok.map_err(|_| CryptoError::Invalid)
    }

    pub(super) fn check_ec_key(curve: Oid, key: &[u8]) -> Result<(), CryptoError> {
        let ok = match curve {
            oid::P256 => p256::ecdsa::VerifyingKey::from_sec1_bytes(key).is_ok(),
            oid::P384 => p384::ecdsa::VerifyingKey::from_sec1_bytes(key).is_ok(),
            _ => false,
        };
        if ok {
            Ok(())
        } else {
            Err(CryptoError::Unsupported(why(
                "elliptic-curve key",
                "khóa đường cong elliptic không hợp lệ",
            )))
        }
    }

    pub(super) fn verify_ecdsa(
        curve: Oid,
        key: &[u8],
        hashed: &[u8],
        signature: &[u8],
    ) -> Result<(), CryptoError> {
        match curve {
            oid::P256 => {
                let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(key).map_err(|_| {
                    CryptoError::Unsupported(why("P-256 key", "khóa P-256 không hợp lệ"))
                })?;
                let sig = p256::ecdsa::Signature::from_der(signature)
                    .map_err(|_| CryptoError::Invalid)?;
                key.verify_prehash(hashed, &sig)
                    .map_err(|_| CryptoError::Invalid)
            }
            oid::P384 => {
                let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(key).map_err(|_| {
                    CryptoError::Unsupported(why("P-384 key", "khóa P-384 không hợp lệ"))
                })?;
                let sig = p384::ecdsa::Signature::from_der(signature)
                    .map_err(|_| CryptoError::Invalid)?;
                key.verify_prehash(hashed, &sig)
                    .map_err(|_| CryptoError::Invalid)
            }
            _ => Err(CryptoError::Unsupported(why(
                "elliptic curve other than P-256/P-384",
                "đường cong elliptic khác P-256/P-384",
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use der::{Decode, Encode};
    use rsa::traits::PublicKeyParts;
    use sha2::{Digest, Sha256, Sha512};
    use signature::hazmat::PrehashSigner;
    use spki::{AlgorithmIdentifierOwned, EncodePublicKey, SubjectPublicKeyInfoOwned};

    use super::{AlgorithmPolicy, CryptoError, DigestAlgorithm, oid, verify};

    fn alg(oid: der::asn1::ObjectIdentifier) -> AlgorithmIdentifierOwned {
        AlgorithmIdentifierOwned {
            oid,
            parameters: None,
        }
    }

    fn spki_of(der: &[u8]) -> SubjectPublicKeyInfoOwned {
        SubjectPublicKeyInfoOwned::from_der(der).unwrap()
    }

    fn rsa_key(bits: usize) -> (rsa::RsaPrivateKey, SubjectPublicKeyInfoOwned) {
        let key = rsa::RsaPrivateKey::new(&mut rand_core::OsRng, bits).unwrap();
        let spki = spki_of(key.to_public_key().to_public_key_der().unwrap().as_bytes());
        (key, spki)
    }

    fn any_size() -> AlgorithmPolicy {
        let mut p = AlgorithmPolicy::legacy();
        p.min_rsa_bits = 512;
        p
    }

    /// Both directions: the value verifies, and the same value over other bytes does not.
    fn both_ways(
        spki: &SubjectPublicKeyInfoOwned,
        a: &AlgorithmIdentifierOwned,
        message: &[&[u8]],
        sig: &[u8],
    ) {
        let policy = any_size();
        assert_eq!(verify(spki, a, None, message, sig, &policy), Ok(()));
        let mut other: Vec<Vec<u8>> = message.iter().map(|p| p.to_vec()).collect();
        if let Some(b) = other.last_mut().and_then(|p| p.last_mut()) {
            *b ^= 1;
        }
        let other: Vec<&[u8]> = other.iter().map(Vec::as_slice).collect();
        assert_eq!(
            verify(spki, a, None, &other, sig, &policy),
            Err(CryptoError::Invalid)
        );
    }

    #[test]
    fn rsa_pkcs1_through_ring_in_one_part_and_in_several() {
        let (key, spki) = rsa_key(2048);
        let msg = b"signed attributes".repeat(10);
        let sig = key
            .sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(&msg))
            .unwrap();
        both_ways(&spki, &alg(oid::SHA256_RSA), &[&msg], &sig);
        let (a, b) = msg.split_at(7);
        both_ways(&spki, &alg(oid::SHA256_RSA), &[a, b], &sig);
        // ring itself verifies it (the fallback is not what passed it).
        let params =
            super::fast::rsa_parameters(&super::Scheme::Pkcs1(DigestAlgorithm::Sha256), 2048);
        let raw = spki.subject_public_key.raw_bytes();
        assert!(params.is_some_and(|p| super::fast::verify(p, raw, &[a, b], &sig)));
        assert!(!params.is_some_and(|p| super::fast::verify(p, raw, &[b, a], &sig)));
        // Bare rsaEncryption takes the digest from the SignerInfo.
        assert_eq!(
            verify(
                &spki,
                &alg(oid::RSA),
                Some(DigestAlgorithm::Sha256),
                &[&msg],
                &sig,
                &any_size()
            ),
            Ok(())
        );
        // SHA-1 under the legacy policy (ring's legacy PKCS #1 verifier).
        let sha1 = key
            .sign(
                rsa::Pkcs1v15Sign::new::<sha1::Sha1>(),
                &sha1::Sha1::digest(&msg),
            )
            .unwrap();
        both_ways(&spki, &alg(oid::SHA1_RSA), &[&msg], &sha1);
        // The default policy refuses SHA-1 before any arithmetic.
        assert!(matches!(
            verify(
                &spki,
                &alg(oid::SHA1_RSA),
                None,
                &[&msg],
                &sig,
                &AlgorithmPolicy::default()
            ),
            Err(CryptoError::Refused(_))
        ));
    }

    #[test]
    fn what_ring_does_not_do_goes_to_the_fallback() {
        // A long message in two parts (a whole file signed without signed attributes).
        let (key, spki) = rsa_key(2048);
        let big = vec![0x42_u8; (1 << 20) + 10];
        let (a, b) = big.split_at(1000);
        let sig = key
            .sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(&big))
            .unwrap();
        both_ways(&spki, &alg(oid::SHA256_RSA), &[a, b], &sig);
        // PSS with a 20-byte salt under SHA-256 (ring only takes salt = digest length).
        let hashed = Sha256::digest(b"pss");
        let sig = key
            .sign_with_rng(
                &mut rand_core::OsRng,
                rsa::Pss::new_with_salt::<Sha256>(20),
                &hashed,
            )
            .unwrap();
        let mut pss = super::pss_algorithm(DigestAlgorithm::Sha256).unwrap();
        // Rewrite the salt length 32 (0x20) as 20 (0x14) in the parameters.
        let mut params = pss.parameters.take().unwrap().to_der().unwrap();
        let at = params.len() - 1;
        assert_eq!(params[at], 32);
        params[at] = 20;
        pss.parameters = Some(der::Any::from_der(&params).unwrap());
        both_ways(&spki, &pss, &[b"pss"], &sig);
        // A 1024-bit key with SHA-384 (ring's SHA-384 needs 2048 bits).
        let (small, small_spki) = rsa_key(1024);
        assert_eq!(small.n().bits(), 1024);
        let sig = small
            .sign(
                rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
                &sha2::Sha384::digest(b"m"),
            )
            .unwrap();
        both_ways(&small_spki, &alg(oid::SHA384_RSA), &[b"m"], &sig);
        assert!(matches!(
            verify(
                &small_spki,
                &alg(oid::SHA384_RSA),
                None,
                &[b"m"],
                &sig,
                &AlgorithmPolicy::default()
            ),
            Err(CryptoError::Refused(_))
        ));
    }

    #[test]
    fn ecdsa_through_ring_and_the_fallback() {
        let key = p256::ecdsa::SigningKey::random(&mut rand_core::OsRng);
        let spki = spki_of(key.verifying_key().to_public_key_der().unwrap().as_bytes());
        // SHA-256: ring.
        let sig: p256::ecdsa::Signature = key.sign_prehash(&Sha256::digest(b"m")).unwrap();
        both_ways(
            &spki,
            &alg(oid::ECDSA_SHA256),
            &[b"m"],
            sig.to_der().as_bytes(),
        );
        let params = super::fast::ecdsa_parameters(oid::P256, DigestAlgorithm::Sha256);
        let raw = spki.subject_public_key.raw_bytes();
        let der_sig = sig.to_der();
        assert!(params.is_some_and(|p| super::fast::verify(p, raw, &[b"m"], der_sig.as_bytes())));
        assert!(super::fast::ecdsa_parameters(oid::P256, DigestAlgorithm::Sha512).is_none());
        // SHA-1 with P-256 (legacy policy): the fallback.
        let sig: p256::ecdsa::Signature = key.sign_prehash(&sha1::Sha1::digest(b"m")).unwrap();
        both_ways(
            &spki,
            &alg(oid::ECDSA_SHA1),
            &[b"m"],
            sig.to_der().as_bytes(),
        );
        // SHA-512 with P-256: the fallback.
        let sig: p256::ecdsa::Signature = key.sign_prehash(&Sha512::digest(b"m")).unwrap();
        both_ways(
            &spki,
            &alg(oid::ECDSA_SHA512),
            &[b"m"],
            sig.to_der().as_bytes(),
        );
        // The same key as a compressed point: the fallback.
        let mut compressed = spki.clone();
        let point = key.verifying_key().to_encoded_point(true);
        compressed.subject_public_key = der::asn1::BitString::from_bytes(point.as_bytes()).unwrap();
        both_ways(
            &compressed,
            &alg(oid::ECDSA_SHA512),
            &[b"m"],
            sig.to_der().as_bytes(),
        );
        // An RSA algorithm with an EC key is not a signature at all.
        assert!(matches!(
            verify(
                &spki,
                &alg(oid::SHA256_RSA),
                None,
                &[b"m"],
                &[0; 64],
                &any_size()
            ),
            Err(CryptoError::Unsupported(_))
        ));
    }
}
