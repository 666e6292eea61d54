#![doc = include_str!("README.md")]
#![forbid(unsafe_code)]

/// The edXML sample package committed with `vanthu-edxml` (a VPCP document
/// with one PDF attachment), read by the examples that start from a package.
pub const SAMPLE_PACKAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../edxml/tests/vectors/sample.edxml"
);

use chrono::{DateTime, TimeZone as _, Utc};
use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue};
use vanthu_signature::{Certificate, SigningKey};

/// 1 January of `year`, 00:00 UTC.
///
/// # Errors
/// When the year is outside chrono's range.
pub fn new_year(year: i32) -> Result<DateTime<Utc>, &'static str> {
    Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0)
        .single()
        .ok_or("time out of range")
}

/// **TEST ONLY**: a throw-away certificate authority made at run time, so
/// that the signature examples run anywhere. In production the trust anchors
/// are the public VGCA / Vietnam National Root CA certificates, and keys live
/// in USB tokens, HSMs or remote-signing services.
pub struct TestCa {
    /// The self-signed root certificate: the trust anchor.
    pub root: Certificate,
    key: SigningKey,
    next_serial: u64,
}

impl TestCa {
    /// A new root, valid 2020–2040.
    ///
    /// # Errors
    /// When key generation or certificate building fails.
    pub fn new() -> Result<Self, Box<dyn std::error::Error>> {
        let key = generate_key(KeyKind::P256)?;
        let profile = Profile::ca(
            vec![("CN", "Test root".to_owned())],
            1,
            new_year(2020)?,
            new_year(2040)?,
            None,
        );
        let root = issue(&profile, &key, None)?;
        Ok(Self {
            root,
            key,
            next_serial: 2,
        })
    }

    /// A signer's certificate and key, valid 2024–2030. The `uid` decides the
    /// role: a personal identity number (`CCCD:…`) makes a person, a tax code
    /// (`MST:…`) an organisation.
    ///
    /// # Errors
    /// When key generation or certificate building fails.
    pub fn signer(
        &mut self,
        name: &str,
        uid: &str,
    ) -> Result<(Certificate, SigningKey), Box<dyn std::error::Error>> {
        let key = generate_key(KeyKind::P256)?;
        let profile = Profile::leaf(
            vec![("CN", name.to_owned()), ("UID", uid.to_owned())],
            self.next_serial,
            new_year(2024)?,
            new_year(2030)?,
        );
        self.next_serial += 1;
        let certificate = issue(&profile, &key, Some((&self.root, &self.key)))?;
        Ok((certificate, key))
    }
}
