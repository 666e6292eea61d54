//! A test PKI (a root and two signers under it, a person and an agency) and
//! the signed documents of the exchange test: the receiving unit's check
//! verifies them against the root, so that its 02/03 answers come from the
//! check itself.

use std::sync::OnceLock;

use base64::Engine as _;
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use vanthu::edxml::{DocumentPackage, Organization};
use vanthu::{CheckOptions, Checker};
use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue, sample_pdf};
use vanthu_signature::{Certificate, SignOptions, SigningKey, sign_pdf};

pub(crate) const SENDER: &str = "000.00.15.H47";
pub(crate) const UNIT: &str = "000.01.15.H47";

pub(crate) struct Pki {
    root: Certificate,
    person: (SigningKey, Certificate),
    agency: (SigningKey, Certificate),
}

fn year(y: i32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap()
}

pub(crate) fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-06-02T08:00:00+07:00").unwrap()
}

pub(crate) fn pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(|| {
        let s = |v: &str| v.to_owned();
        let root_key = generate_key(KeyKind::Rsa2048).unwrap();
        let root = issue(
            &Profile::ca(
                vec![("CN", s("Axis test root"))],
                1,
                year(2020),
                year(2040),
                None,
            ),
            &root_key,
            None,
        )
        .unwrap();
        let signer = |cn: &str, uid: &str, serial| {
            let key = generate_key(KeyKind::Rsa2048).unwrap();
            let profile = Profile::leaf(
                vec![("CN", s(cn)), ("UID", s(uid))],
                serial,
                year(2024),
                year(2030),
            );
            let cert = issue(&profile, &key, Some((&root, &root_key))).unwrap();
            (key, cert)
        };
        Pki {
            person: signer("Nguyen Van An", "CCCD:001099012345", 10),
            agency: signer("SO LAO DONG THUONG BINH VA XA HOI", "MST:4000123456", 11),
            root,
        }
    })
}

impl Pki {
    /// A checker that trusts the root, at the time of the exchange.
    pub(crate) fn checker(&self) -> Checker {
        let b64 = base64::engine::general_purpose::STANDARD.encode(self.root.der());
        let mut options = CheckOptions::new(start());
        options.trust_pem = vec![format!(
            "-----BEGIN CERTIFICATE-----\n{b64}\n-----END CERTIFICATE-----\n"
        )];
        Checker::new(&options).unwrap()
    }

    /// A PDF signed by the person, then by the agency.
    fn signed_pdf(&self) -> Vec<u8> {
        let at = start() + chrono::Duration::minutes(30);
        let mut options = SignOptions::new(at);
        options.reserve = 4096;
        let pdf = sample_pdf(1, 1000);
        let one = sign_pdf(&pdf, &options, &self.person.0, &self.person.1, &[]).unwrap();
        sign_pdf(&one, &options, &self.agency.0, &self.agency.1, &[]).unwrap()
    }
}

/// The document package `number`, its signed PDF attached; `damaged`
/// flips a byte of the PDF, as a transmission error would.
pub(crate) fn package(number: &str, damaged: bool) -> Vec<u8> {
    let mut doc = DocumentPackage::new_document(
        Organization::new(SENDER, "Sở Lao động – Thương binh và Xã hội"),
        vec![Organization::new(UNIT, "Trung tâm Dịch vụ việc làm")],
        (number, "QĐ-LĐTBXH"),
        "2025/06/02",
        "Về việc tổ chức hội nghị",
        &start(),
    );
    doc.header.document_type = Some(vanthu::edxml::DocumentType::new("1", "Quyết định"));
    doc.add_attachment(&format!("{number}-QD-LDTBXH.pdf"), "application/pdf");
    let mut pdf = pki().signed_pdf();
    if damaged {
        let at = pdf.len() / 3;
        pdf[at] ^= 0x20;
    }
    let mut out = Vec::new();
    vanthu::edxml::write_document(&doc, &mut vec![pdf], &mut out).unwrap();
    out
}

#[test]
fn the_check_tells_the_damaged_copy() {
    let checker = pki().checker();
    let good = checker.check_bytes("182.edxml", &package("182", false));
    let bad = checker.check_bytes("183.edxml", &package("183", true));
    let rules = |r: &vanthu::FileReport| {
        r.findings
            .iter()
            .map(|f| format!("{} {:?} {}", f.rule, f.severity, f.message))
            .collect::<Vec<_>>()
    };
    assert!(good.conformant, "{:?}", rules(&good));
    assert!(!bad.conformant);
}
