//! The rules of the harness itself (prefix `CHECK-`), and [`all`]: every
//! rule of every vanthu crate, which is what `vanthu rules` lists.

use vanthu_identifiers::Rule;

/// The articles that give an electronic document the legal value of the
/// paper original: signed digitally by the competent person and by the agency.
const LEGAL_VALUE: &str = "Nghị định 30/2020/NĐ-CP Điều 5; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 1; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 3 khoản 1";
/// A document sent in several files: the attached files carry the agency's signature.
const ATTACHED_FILES: &str = "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 5 điểm b; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 16 khoản 2 điểm b";

vanthu_identifiers::catalogue! {
    /// The main document of an edXML package (its first PDF attachment) does
    /// not have the legal value of the original: it is not signed by the
    /// competent person and then by the agency, a signature does not verify,
    /// or no trust anchor was given to verify it with. The findings of the
    /// PDF, located under the attachment, say which.
    MAIN_DOCUMENT_NOT_ORIGINAL = ("CHECK-ATT-001", Error, "the main document (a PDF attachment) does not have the legal value of the original", "văn bản chính (tệp PDF đính kèm) không có giá trị pháp lý như bản gốc", LEGAL_VALUE);
    /// Another PDF attachment is not signed by the agency (or its signature
    /// does not verify). Attachments may be reference material, so this is
    /// a warning.
    ATTACHMENT_NOT_SIGNED = ("CHECK-ATT-002", Warning, "a PDF attachment other than the main document does not carry a valid signature of the agency", "tệp PDF đính kèm (không phải văn bản chính) không có chữ ký số hợp lệ của cơ quan, tổ chức", ATTACHED_FILES);
    /// A PDF attachment cannot be read as a PDF, or is too large to verify.
    ATTACHMENT_UNREADABLE = ("CHECK-ATT-003", Error, "a PDF attachment cannot be verified", "không kiểm tra được tệp PDF đính kèm", LEGAL_VALUE);
    /// No attachment is a PDF: the legal value of the document could not be
    /// established (signatures in other formats are not verified).
    NO_PDF = ("CHECK-ATT-004", Warning, "no attachment is a PDF: the legal value of the document was not verified", "không có tệp đính kèm định dạng PDF: chưa kiểm tra được giá trị pháp lý của văn bản", LEGAL_VALUE);
    /// A file in a trust folder is not a certificate (or not one vanthu can
    /// read); it was left out and verification went on with the others.
    TRUST_FILE_SKIPPED = ("CHECK-TRUST-001", Warning, "a file in a trust folder is not a readable certificate and was skipped", "một tệp trong thư mục chứng thư tin cậy không đọc được và đã bị bỏ qua", "vanthu docs/signature-policy.md §5");
    /// A signed PDF checked on its own does not have the legal value of the
    /// original.
    PDF_NOT_ORIGINAL = ("CHECK-PDF-001", Error, "the PDF does not have the legal value of the original", "tệp PDF không có giá trị pháp lý như bản gốc", LEGAL_VALUE);
}

/// The catalogues of the vanthu crates, this crate's first.
const CATALOGUES: [&[Rule]; 6] = [
    ALL,
    vanthu_identifiers::rules::ALL,
    vanthu_edxml::rules::ALL,
    vanthu_signature::rules::ALL,
    vanthu_workflow::rules::ALL,
    vanthu_archive::rules::ALL,
];

/// Every rule of every vanthu crate, grouped by crate, in catalogue order.
#[must_use]
pub fn all() -> Vec<Rule> {
    CATALOGUES
        .iter()
        .flat_map(|rules| rules.iter().copied())
        .collect()
}

/// The rule with this id, in any catalogue.
#[must_use]
pub fn find(id: &str) -> Option<Rule> {
    CATALOGUES
        .iter()
        .flat_map(|rules| rules.iter())
        .find(|r| r.id == id)
        .copied()
}
