//! Two signers under one test root: the person and the agency of a document.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};

use super::{KeyKind, Profile, generate_key, issue, sample_pdf};
use crate::{Certificate, Error, SignOptions, SigningKey, sign_pdf};

/// A root, a sub-CA and two RSA-2048 signers under it, a person (`CCCD:`)
/// and an agency (`MST:`), valid 2024–2030: the two signatures a document
/// carries, for the benches and the tests that need signed PDFs.
#[non_exhaustive]
pub struct TwoSigners {
    /// The trust anchor.
    pub root: Certificate,
    /// The sub-CA that issued both signers, embedded in each signature.
    pub ca: Certificate,
    /// The competent person.
    pub person: (SigningKey, Certificate),
    /// The agency.
    pub agency: (SigningKey, Certificate),
}

fn year(y: i32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default()
}

impl TwoSigners {
    /// Generates the keys and certificates (RSA key generation: a few
    /// hundred milliseconds).
    ///
    /// # Errors
    /// When a key or certificate cannot be made.
    pub fn new() -> Result<Self, Error> {
        let s = |v: &str| v.to_owned();
        let root_key = generate_key(KeyKind::Rsa2048)?;
        let root = issue(
            &Profile::ca(
                vec![("CN", s("Bench root"))],
                1,
                year(2020),
                year(2040),
                None,
            ),
            &root_key,
            None,
        )?;
        let ca_key = generate_key(KeyKind::Rsa2048)?;
        let ca = issue(
            &Profile::ca(
                vec![("CN", s("Bench CA"))],
                2,
                year(2020),
                year(2040),
                Some(0),
            ),
            &ca_key,
            Some((&root, &root_key)),
        )?;
        let signer = |cn: &str, uid: &str, serial| -> Result<_, Error> {
            let key = generate_key(KeyKind::Rsa2048)?;
            let profile = Profile::leaf(
                vec![("CN", s(cn)), ("UID", s(uid))],
                serial,
                year(2024),
                year(2030),
            );
            let cert = issue(&profile, &key, Some((&ca, &ca_key)))?;
            Ok((key, cert))
        };
        Ok(Self {
            person: signer("Nguyen Van An", "CCCD:001099012345", 10)?,
            agency: signer("SO Y TE", "MST:0400260612", 11)?,
            root,
            ca,
        })
    }

    /// `pdf` signed by the person, then by the agency, on 2 June 2025 at
    /// 09:00 Vietnam time.
    ///
    /// # Errors
    /// When signing fails.
    pub fn sign_both(&self, pdf: &[u8]) -> Result<Vec<u8>, Error> {
        let at = FixedOffset::east_opt(7 * 3600)
            .and_then(|tz| tz.with_ymd_and_hms(2025, 6, 2, 9, 0, 0).single())
            .unwrap_or_default();
        self.sign_both_at(pdf, at)
    }

    /// `pdf` signed by the person, then by the agency, at `at`.
    ///
    /// # Errors
    /// When signing fails (`at` outside 2024–2030, the signers' validity).
    pub fn sign_both_at(&self, pdf: &[u8], at: DateTime<FixedOffset>) -> Result<Vec<u8>, Error> {
        let mut options = SignOptions::new(at);
        options.reserve = 4096;
        let chain = std::slice::from_ref(&self.ca);
        let one = sign_pdf(pdf, &options, &self.person.0, &self.person.1, chain)?;
        sign_pdf(&one, &options, &self.agency.0, &self.agency.1, chain)
    }

    /// A two-page sample PDF of about `size` bytes, signed by both
    /// ([`Self::sign_both`]): the input of the benches that check a document.
    ///
    /// # Errors
    /// When signing fails.
    pub fn signed_sample(&self, size: usize) -> Result<Vec<u8>, Error> {
        self.sign_both(&sample_pdf(2, size / 2))
    }
}
