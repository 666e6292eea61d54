//! A test PKI (a root and two signers under it, a person and an agency) and
//! the signed documents of the exchange test: the receiving unit's check
//! verifies them against the root, so that its 02/03 answers come from the
//! check itself.

use std::sync::OnceLock;

use base64::Engine as _;
use chrono::{DateTime, FixedOffset};
use vanthu::edxml::{DocumentPackage, Organization};
use vanthu::{CheckOptions, Checker};
use vanthu_signature::testpki::{TwoSigners, sample_pdf};

pub(crate) const SENDER: &str = "000.00.15.H47";
pub(crate) const UNIT: &str = "000.01.15.H47";

pub(crate) fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-06-02T08:00:00+07:00").unwrap()
}

/// The two signers of the documents, under one test root.
pub(crate) struct Pki(TwoSigners);

pub(crate) fn pki() -> &'static Pki {
    static PKI: OnceLock<Pki> = OnceLock::new();
    PKI.get_or_init(|| Pki(TwoSigners::new().unwrap()))
}

impl Pki {
    /// A checker that trusts the root, at the time of the exchange.
    pub(crate) fn checker(&self) -> Checker {
        let b64 = base64::engine::general_purpose::STANDARD.encode(self.0.root.der());
        let mut options = CheckOptions::new(start());
        options.trust_pem = vec![format!(
            "-----BEGIN CERTIFICATE-----\n{b64}\n-----END CERTIFICATE-----\n"
        )];
        Checker::new(&options).unwrap()
    }

    /// A PDF signed by the person, then by the agency.
    fn signed_pdf(&self) -> Vec<u8> {
        let at = start() + chrono::Duration::minutes(30);
        self.0.sign_both_at(&sample_pdf(1, 1000), at).unwrap()
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
