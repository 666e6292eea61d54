#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

/// The Python that runs the peers: `VANTHU_PYTHON` (the venv `.ci/run` makes,
/// with lxml and pyHanko), else `python3` from the `PATH`.
pub fn python() -> String {
    std::env::var("VANTHU_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// Whether the independent tools must be there: `VANTHU_INTEROP=1`, as
/// `.ci/run` sets after installing them.
pub fn interop_required() -> bool {
    std::env::var("VANTHU_INTEROP").as_deref() == Ok("1")
}

/// A peer could not be run. Without `VANTHU_INTEROP=1` the bench prints a note
/// and goes on with absolute numbers; with it, the bench fails, so that a
/// missing tool cannot pass for a measured one.
///
/// # Panics
///
/// When `VANTHU_INTEROP=1`.
pub fn peer_unavailable(why: &str) {
    assert!(
        !interop_required(),
        "VANTHU_INTEROP=1 but the peer could not be run: {why}"
    );
    println!("note: {why}; the peer was not measured");
}

use chrono::{DateTime, TimeZone, Utc};
use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue};
use vanthu_signature::{Certificate, Error, SignOptions, SigningKey, sign_pdf};

/// The test PKI of the benches that verify signed PDFs: a root, a sub-CA
/// and two RSA-2048 signers under it, a person (`CCCD:`) and an agency
/// (`MST:`), valid 2024–2030.
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
        let at = chrono::FixedOffset::east_opt(7 * 3600)
            .and_then(|tz| tz.with_ymd_and_hms(2025, 6, 2, 9, 0, 0).single())
            .unwrap_or_default();
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
        self.sign_both(&vanthu_signature::testpki::sample_pdf(2, size / 2))
    }
}
