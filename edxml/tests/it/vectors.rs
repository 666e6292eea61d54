//! The committed sample package is exactly what the writer writes today.
//!
//! Regenerate it with `VANTHU_REGENERATE=1 cargo test -p vanthu-edxml --test it vectors`.

use chrono::TimeZone as _;
use vanthu_edxml::{
    DocumentPackage, Organization, Package, Profile, ReadOptions, SignerInfo, StaffInfo,
    ValidateOptions, check, read, vietnam_offset, write_document,
};

pub(crate) const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/sample.edxml");

/// A one-page PDF 1.4, written by hand (text "Cong van mau").
pub(crate) const PDF: &[u8] = b"%PDF-1.4\n\
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n\
4 0 obj << /Length 44 >> stream\n\
BT /F1 18 Tf 72 770 Td (Cong van mau) Tj ET\n\
endstream endobj\n\
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n\
trailer << /Root 1 0 R >>\n\
%%EOF\n";

/// The sample document package and its attachment.
pub(crate) fn sample_package() -> DocumentPackage {
    let at = vietnam_offset()
        .with_ymd_and_hms(2025, 3, 14, 9, 30, 0)
        .unwrap();
    let from = Organization::new("000.00.00.G22", "Văn phòng Chính phủ").contact(
        "Số 1 Hoàng Hoa Thám, Quận Ba Đình, Hà Nội",
        "vpcp@chinhphu.vn",
        "",
        "",
        "",
    );
    let to = Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An").contact(
        "Số 03 Trường Thi, Thành phố Vinh, Nghệ An",
        "",
        "",
        "",
        "",
    );
    let mut doc = DocumentPackage::new_document(
        from,
        vec![to],
        ("125", "VPCP-KSTT"),
        "2025/03/14",
        "V/v kết nối, liên thông phần mềm quản lý văn bản",
        &at,
    )
    .with_place("Hà Nội")
    .with_signer(SignerInfo::new(
        "KT. BỘ TRƯỞNG, CHỦ NHIỆM",
        "Phó Chủ nhiệm",
        "Nguyễn Văn A",
    ))
    .with_to_places(["Như trên", "Lưu: VT, KSTT"])
    .with_staff(StaffInfo::new(
        "Văn thư",
        "Trần Thị B",
        "vanthu@chinhphu.vn",
        "0912000001",
    ));
    doc.header.document_type = Some({
        let mut t = vanthu_edxml::DocumentType::new("1", "Công văn");
        t.type_detail = Some("0".to_owned());
        t
    });
    doc.add_attachment("125-VPCP-KSTT.pdf", "application/pdf");
    doc
}

pub(crate) fn sample_bytes() -> Vec<u8> {
    let mut out = Vec::new();
    write_document(&sample_package(), &mut vec![PDF], &mut out).unwrap();
    out
}

#[test]
fn sample_is_what_the_writer_writes() {
    let written = sample_bytes();
    if std::env::var_os("VANTHU_REGENERATE").is_some() {
        std::fs::write(SAMPLE, &written).unwrap();
    }
    let committed = std::fs::read(SAMPLE).unwrap();
    assert!(
        committed == written,
        "tests/vectors/sample.edxml is stale: regenerate it"
    );
}

#[test]
fn sample_reads_back_and_is_conformant_for_a_sender() {
    let bytes = std::fs::read(SAMPLE).unwrap();
    let out = read(&bytes).unwrap();
    let Package::Document(doc) = &out.package else {
        panic!("not a document")
    };
    assert_eq!(**doc, sample_package());
    let mut pdf = Vec::new();
    let digest = out.decode_attachment(&bytes, 0, &mut pdf).unwrap();
    assert_eq!(pdf, PDF);
    assert_eq!(digest.size, PDF.len() as u64);
    let report = check(
        &bytes,
        &ReadOptions::default(),
        &ValidateOptions::new(Profile::Sender),
    )
    .unwrap();
    assert!(report.conformant(), "{:#?}", report.findings);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}
