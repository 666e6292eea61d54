//! Close a record (hồ sơ) and pack it for the archive: the records list of the
//! year, a record opened from it, documents filed, the record closed
//! (Nghị định 30/2020/NĐ-CP Điều 29), then a Thông tư 05/2025/TT-BNV
//! `SIP_hoso` written and checked back.
//!
//! `cargo run -p vanthu-examples --example pack_record [OUT.zip]`

use std::error::Error;
use std::io::Cursor;

use chrono::{DateTime, NaiveDate};
use vanthu_archive::package::{
    CheckOptions, PackOptions, PackageDescription, PackageDocument, PackageReader, PackageWriter,
};
use vanthu_archive::{Closing, Document, Heading, HeadingLevel, ListEntry, Records, RecordsList};
use vanthu_identifiers::{AgencyId, AgencyId2020, DocumentType, Retention};

fn main() -> Result<(), Box<dyn Error>> {
    run(std::env::args().nth(1).as_deref())
}

/// Packs the record; writes the SIP to `out` when given.
fn run(out: Option<&str>) -> Result<(), Box<dyn Error>> {
    // The records list (Danh mục hồ sơ) of unit 000.01.15.H47 for 2025.
    let mut list = RecordsList::new(AgencyId::parse("000.01.15.H47")?, 2025);
    let mut heading = Heading::new(HeadingLevel::Major, "I", "Tổng hợp", Some("TH"));
    heading.entries.push(ListEntry::new(
        "01.TH",
        "Hồ sơ triển khai quy chế văn bản điện tử",
        Retention::Permanent,
        "Văn phòng Sở",
    ));
    list.headings.push(heading);
    assert!(list.validate().is_empty());

    // Open the record from the list: its code is agency.year.number.symbol.
    let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).ok_or("date");
    let mut records = Records::new();
    let code = records
        .open_listed(&list, "01.TH", day(6, 2)?)?
        .metadata
        .code
        .clone();
    println!("record {code}");

    // An agency with a Quyết định 20/2020/QĐ-TTg id (as in the Thông tư
    // 05/2025/TT-BNV samples) numbers its records by ordinal alone: `H49.64.33.2001.160`.
    let tt05 = RecordsList::new(AgencyId2020::parse("H49.64.33")?, 2001).record_code("160")?;
    println!(
        "TT05 form: {tt05} (agency {}, {})",
        tt05.agency(),
        tt05.agency().form_name()
    );

    // File the decision; a document can be filed in several records without copying it.
    let mut decision = Document::new(
        DocumentType::Decision,
        "182",
        "QĐ-LĐTBXH",
        day(6, 2)?,
        "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Nam",
        "Về việc ban hành Quy chế tiếp nhận, xử lý văn bản điện tử",
    );
    decision.page_count = 1;
    records.add_document("qd-182", decision.clone())?;
    records.file(&code, "qd-182")?;

    // Close it: drafts and duplicates dropped, dates and totals set, completeness checked.
    let closing = records.close(&code, Closing::default(), day(6, 30)?)?;
    assert!(closing.findings.is_empty(), "{:?}", closing.findings);

    // Pack it. Any `Write + Seek` works (a file, memory); nothing reads a clock.
    let created = DateTime::parse_from_rfc3339("2025-07-01T09:00:00+07:00")?;
    let record = records.record(&code)?.metadata.clone();
    let mut description = PackageDescription::for_record(record, false, "Văn phòng Sở", created);
    description.documents.push(PackageDocument::new(
        format!("{code}.0000001"),
        decision,
        vec!["182-QD-LDTBXH.pdf".into()],
    ));
    let mut writer =
        PackageWriter::new(Cursor::new(Vec::new()), description, PackOptions::default())?;
    writer.add_file(
        "182-QD-LDTBXH.pdf",
        &mut &b"%PDF-1.7 (the signed decision)"[..],
    )?;
    let zip = writer.finish()?.into_inner();

    // Check it back as the archive would: structure, checksums, metadata.
    let mut reader = PackageReader::open(Cursor::new(zip.as_slice()))?;
    let report = reader.verify(&CheckOptions::default())?;
    println!(
        "SIP: {} bytes, conformant {}, {} file(s) checked",
        zip.len(),
        report.conformant(),
        report.files_checked
    );
    assert!(report.conformant(), "{:?}", report.findings);
    if let Some(out) = out {
        std::fs::write(out, &zip)?;
    }
    Ok(())
}

// The test harness passes its own arguments (`--exact`, filters): the test
// must not take them for a file name.
#[test]
fn runs() -> Result<(), Box<dyn Error>> {
    run(None)
}
