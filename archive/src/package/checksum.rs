//! The checksum algorithms of METS `CHECKSUMTYPE` (E-ARK CSIP 2.1.0
//! CSIP71–72: the value comes from the METS vocabulary), each computed as
//! declared, several at once over one read of a file.

use std::collections::BTreeSet;
use std::io::Read;

use sha2::digest::{Digest, DynDigest};

/// What a `CHECKSUMTYPE` value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum ChecksumType {
    /// An algorithm vanthu computes.
    Computed(Algorithm),
    /// A value of the METS vocabulary that vanthu does not compute.
    NotComputed(&'static str),
}

/// The algorithms vanthu computes (the METS `CHECKSUMTYPE` values with a
/// RustCrypto implementation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Algorithm {
    Md5,
    Sha1,
    Sha256,
    Sha384,
    Sha512,
    Tiger,
    Whirlpool,
}

impl Algorithm {
    /// The METS spelling.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::Md5 => "MD5",
            Self::Sha1 => "SHA-1",
            Self::Sha256 => "SHA-256",
            Self::Sha384 => "SHA-384",
            Self::Sha512 => "SHA-512",
            Self::Tiger => "TIGER",
            Self::Whirlpool => "WHIRLPOOL",
        }
    }

    fn hasher(self) -> Box<dyn DynDigest> {
        match self {
            Self::Md5 => Box::new(md5::Md5::new()),
            Self::Sha1 => Box::new(sha1::Sha1::new()),
            Self::Sha256 => Box::new(sha2::Sha256::new()),
            Self::Sha384 => Box::new(sha2::Sha384::new()),
            Self::Sha512 => Box::new(sha2::Sha512::new()),
            Self::Tiger => Box::new(tiger::Tiger::new()),
            Self::Whirlpool => Box::new(whirlpool::Whirlpool::new()),
        }
    }
}

const COMPUTED: [Algorithm; 7] = [
    Algorithm::Md5,
    Algorithm::Sha1,
    Algorithm::Sha256,
    Algorithm::Sha384,
    Algorithm::Sha512,
    Algorithm::Tiger,
    Algorithm::Whirlpool,
];

/// The METS vocabulary values without a RustCrypto implementation.
const NOT_COMPUTED: [&str; 4] = ["Adler-32", "CRC32", "HAVAL", "MNP"];

impl ChecksumType {
    /// Reads a `CHECKSUMTYPE` value: `None` when it is not in the METS
    /// vocabulary. The vocabulary is case-sensitive in the METS schema; a
    /// value that differs only in case (`sha-256`) is read leniently.
    pub(crate) fn parse(value: &str) -> Option<Self> {
        let v = value.trim();
        COMPUTED
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(v))
            .map(Self::Computed)
            .or_else(|| {
                NOT_COMPUTED
                    .into_iter()
                    .find(|n| n.eq_ignore_ascii_case(v))
                    .map(Self::NotComputed)
            })
    }
}

/// The result of reading one file through several algorithms.
pub(crate) struct Digests {
    /// Bytes read.
    pub(crate) size: u64,
    /// Upper-case hex digest of each algorithm asked for.
    pub(crate) hex: Vec<(Algorithm, String)>,
}

impl Digests {
    pub(crate) fn get(&self, algorithm: Algorithm) -> Option<&str> {
        self.hex
            .iter()
            .find(|(a, _)| *a == algorithm)
            .map(|(_, h)| h.as_str())
    }
}

/// Reads `input` to its end once, feeding every algorithm of `algorithms`.
pub(crate) fn digest_all(
    mut input: impl Read,
    algorithms: &BTreeSet<Algorithm>,
) -> std::io::Result<Digests> {
    let mut hashers: Vec<(Algorithm, Box<dyn DynDigest>)> =
        algorithms.iter().map(|a| (*a, a.hasher())).collect();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = buf.get(..n).unwrap_or_default();
        for (_, h) in &mut hashers {
            h.update(chunk);
        }
        size = size.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
    }
    let hex = hashers
        .into_iter()
        .map(|(a, h)| (a, super::write::hex_upper(&h.finalize())))
        .collect();
    Ok(Digests { size, hex })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digests_of_abc() {
        let all: BTreeSet<Algorithm> = COMPUTED.into_iter().collect();
        let d = digest_all(&b"abc"[..], &all).unwrap();
        assert_eq!(d.size, 3);
        assert_eq!(
            d.get(Algorithm::Md5),
            Some("900150983CD24FB0D6963F7D28E17F72")
        );
        assert_eq!(
            d.get(Algorithm::Sha1),
            Some("A9993E364706816ABA3E25717850C26C9CD0D89D")
        );
        assert!(
            d.get(Algorithm::Sha512)
                .is_some_and(|h| h.starts_with("DDAF35A193617ABA"))
        );
        assert!(
            d.get(Algorithm::Sha384)
                .is_some_and(|h| h.starts_with("CB00753F45A35E8B"))
        );
    }

    #[test]
    fn vocabulary() {
        assert_eq!(
            ChecksumType::parse("MD5"),
            Some(ChecksumType::Computed(Algorithm::Md5))
        );
        assert_eq!(
            ChecksumType::parse("CRC32"),
            Some(ChecksumType::NotComputed("CRC32"))
        );
        assert_eq!(ChecksumType::parse("SHA256"), None);
    }
}
