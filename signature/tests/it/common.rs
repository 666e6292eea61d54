//! The test PKI (root → sub-CA → person and agency signers) and helpers.

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue, sample_pdf};
use vanthu_signature::{
    Certificate, DocumentReport, SignOptions, SigningKey, TrustStore, VerifyOptions, sign_pdf,
    verify_pdf,
};

pub(crate) struct Pki {
    pub(crate) root: Certificate,
    pub(crate) root_key: SigningKey,
    pub(crate) ca: Certificate,
    pub(crate) ca_key: SigningKey,
    pub(crate) person: Certificate,
    pub(crate) person_key: SigningKey,
    pub(crate) org: Certificate,
    pub(crate) org_key: SigningKey,
}

pub(crate) fn utc(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 3, 0, 0).unwrap()
}

pub(crate) fn vn(y: i32, m: u32, d: u32, h: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, 0, 0)
        .unwrap()
}

pub(crate) fn s(v: &str) -> String {
    v.to_string()
}

/// Mirrors the VGCA G2 hierarchy: root → "CA phục vụ các cơ quan Nhà nước" (pathlen 0) → signers.
pub(crate) fn pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(|| {
        let root_key = generate_key(KeyKind::P384).unwrap();
        let root = issue(
            &Profile::ca(
                vec![
                    ("C", s("VN")),
                    ("O", s("Ban Cơ yếu Chính phủ (TEST)")),
                    ("CN", s("TEST RootCA chuyên dùng Chính phủ")),
                ],
                1,
                utc(2020, 1, 1),
                utc(2045, 1, 1),
                None,
            ),
            &root_key,
            None,
        )
        .unwrap();
        let ca_key = generate_key(KeyKind::P256).unwrap();
        let ca = issue(
            &Profile::ca(
                vec![
                    ("C", s("VN")),
                    ("O", s("Ban Cơ yếu Chính phủ (TEST)")),
                    ("CN", s("TEST CA phục vụ các cơ quan Nhà nước")),
                ],
                2,
                utc(2020, 1, 1),
                utc(2040, 1, 1),
                Some(0),
            ),
            &ca_key,
            Some((&root, &root_key)),
        )
        .unwrap();
        let person_key = generate_key(KeyKind::P256).unwrap();
        let person = issue(
            &Profile::leaf(
                vec![
                    ("C", s("VN")),
                    ("ST", s("Hà Nội")),
                    ("O", s("Sở Y tế")),
                    ("T", s("Giám đốc")),
                    ("CN", s("Nguyễn Văn An")),
                    ("UID", s("CCCD:001099012345")),
                ],
                10,
                utc(2024, 1, 1),
                utc(2027, 1, 1),
            ),
            &person_key,
            Some((&ca, &ca_key)),
        )
        .unwrap();
        let org_key = generate_key(KeyKind::P256).unwrap();
        let org = issue(
            &Profile::leaf(
                vec![
                    ("C", s("VN")),
                    ("L", s("Đà Nẵng")),
                    ("O", s("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG")),
                    ("CN", s("SỞ Y TẾ")),
                    ("UID", s("MST:0400260612")),
                    ("UID", s("MNS:1047665")),
                ],
                11,
                utc(2024, 1, 1),
                utc(2027, 1, 1),
            ),
            &org_key,
            Some((&ca, &ca_key)),
        )
        .unwrap();
        Pki {
            root,
            root_key,
            ca,
            ca_key,
            person,
            person_key,
            org,
            org_key,
        }
    })
}

pub(crate) fn store() -> TrustStore {
    let mut t = TrustStore::new();
    t.add_anchor(pki().root.clone());
    t
}

pub(crate) fn base() -> Vec<u8> {
    sample_pdf(2, 0)
}

pub(crate) fn sign(pdf: &[u8], key: &SigningKey, cert: &Certificate, hour: u32) -> Vec<u8> {
    let opts = SignOptions::new(vn(2025, 6, 2, hour));
    sign_pdf(pdf, &opts, key, cert, &[pki().ca.clone()]).unwrap()
}

/// Person then agency on the two-page base; made once per test run.
pub(crate) fn person_then_org() -> Vec<u8> {
    static DOC: OnceLock<Vec<u8>> = OnceLock::new();
    DOC.get_or_init(|| {
        let p = pki();
        let one = sign(&base(), &p.person_key, &p.person, 9);
        sign(&one, &p.org_key, &p.org, 10)
    })
    .clone()
}

pub(crate) fn verify_at(pdf: &[u8], store: &TrustStore, at: DateTime<Utc>) -> DocumentReport {
    verify_pdf(pdf, store, &VerifyOptions::new(at)).unwrap()
}

pub(crate) fn verify(pdf: &[u8]) -> DocumentReport {
    verify_at(pdf, &store(), utc(2025, 6, 3))
}

/// A time-stamping authority under the test CA (`id-kp-timeStamping`,
/// critical), shared by the tests that time-stamp.
pub(crate) fn tsa() -> &'static (SigningKey, Certificate) {
    static TSA: OnceLock<(SigningKey, Certificate)> = OnceLock::new();
    TSA.get_or_init(|| {
        let p = pki();
        let key = generate_key(KeyKind::P256).unwrap();
        let mut profile = Profile::leaf(
            vec![("CN", s("TEST TSA"))],
            50,
            utc(2024, 1, 1),
            utc(2030, 1, 1),
        );
        profile.extended_key_usage = vec!["1.3.6.1.5.5.7.3.8".into()];
        let cert = issue(&profile, &key, Some((&p.ca, &p.ca_key))).unwrap();
        (key, cert)
    })
}

/// Signs with a signature time-stamp (PAdES B-T) dated `gen_time`.
pub(crate) fn sign_bt(
    sub: vanthu_signature::SubFilter,
    time: chrono::DateTime<chrono::FixedOffset>,
    gen_time: chrono::DateTime<chrono::Utc>,
) -> Vec<u8> {
    let p = pki();
    let (tsa_key, tsa_cert) = tsa();
    let mut opts = vanthu_signature::SignOptions::new(time);
    opts.sub_filter = sub;
    let prepared = vanthu_signature::prepare(&base(), &opts).unwrap();
    let attrs = prepared
        .signed_attributes(&p.person, vanthu_signature::DigestAlgorithm::Sha256)
        .unwrap();
    let (alg, sig) = p.person_key.sign(attrs.to_be_signed()).unwrap();
    let token =
        vanthu_signature::testpki::time_stamp_token(&sig, gen_time, tsa_key, tsa_cert).unwrap();
    prepared
        .finish_with_time_stamp(
            &p.person,
            std::slice::from_ref(&p.ca),
            attrs,
            alg,
            &sig,
            &token,
        )
        .unwrap()
}
