//! The packages the tests send: document packages with a PDF signed under a
//! test root (written to a file the server trusts), a copy damaged in
//! transit, and the status packages that answer them.

use std::path::Path;
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset};
use vanthu::edxml::{DocumentPackage, Organization};
use vanthu_signature::testpki::{TwoSigners, sample_pdf};

pub(crate) const SENDER: &str = "000.00.15.H47";
pub(crate) const UNIT1: &str = "000.01.15.H47";
pub(crate) const UNIT2: &str = "000.02.15.H47";

fn issued() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-06-02T08:00:00+07:00").unwrap()
}

/// The two signers of the documents, under one test root.
fn pki() -> &'static TwoSigners {
    static PKI: OnceLock<TwoSigners> = OnceLock::new();
    PKI.get_or_init(|| TwoSigners::new().unwrap())
}

/// Writes the test root where the server reads its trust anchors.
pub(crate) fn write_root(path: &Path) {
    std::fs::write(path, pki().root.der()).unwrap();
}

/// The document package `number` from the sender to `to`, its PDF signed;
/// `damaged` flips a byte of the PDF, as a transmission error would.
pub(crate) fn document(number: &str, to: &[&str], damaged: bool) -> Vec<u8> {
    let receivers = to
        .iter()
        .map(|code| Organization::new(*code, "Đơn vị nhận"))
        .collect();
    let mut doc = DocumentPackage::new_document(
        Organization::new(SENDER, "Sở Lao động – Thương binh và Xã hội"),
        receivers,
        (number, "QĐ-LĐTBXH"),
        "2025/06/02",
        "Về việc tổ chức hội nghị",
        &issued(),
    );
    doc.header.document_type = Some(vanthu::edxml::DocumentType::new("1", "Quyết định"));
    doc.add_attachment(&format!("{number}-QD-LDTBXH.pdf"), "application/pdf");
    // Signed by the competent person, then stamped by the agency.
    let at = issued() + chrono::Duration::minutes(30);
    let mut pdf = pki().sign_both_at(&sample_pdf(1, 1000), at).unwrap();
    if damaged {
        let at = pdf.len() / 3;
        pdf[at] ^= 0x20;
    }
    let mut out = Vec::new();
    vanthu::edxml::write_document(&doc, &mut vec![pdf], &mut out).unwrap();
    out
}

/// The status package `code` that `from` sends in answer to `document`.
pub(crate) fn status(document: &[u8], from: &str, code: &str) -> Vec<u8> {
    let vanthu::edxml::Package::Document(doc) = vanthu::edxml::read(document).unwrap().package
    else {
        panic!("not a document package")
    };
    let request = vanthu::ReplyRequest::new(vanthu::identifiers::StatusCode::parse(code), from);
    let reply = vanthu::reply(&doc, &request, &(issued() + chrono::Duration::hours(2))).unwrap();
    let mut out = Vec::new();
    vanthu::edxml::write_status(&reply, &mut out).unwrap();
    out
}
