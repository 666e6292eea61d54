//! Shared builders for the tests.

use std::io::{Cursor, Read, Write};

use chrono::{DateTime, FixedOffset, NaiveDate};
use vanthu_archive::package::{
    CheckOptions, LooseDocuments, PackOptions, PackageDescription, PackageDocument, PackageWriter,
    check_package,
};
use vanthu_archive::{Direction, Document, RecordMetadata};
use vanthu_identifiers::{DocumentType, RecordCode, Retention};
use zip::ZipArchive;

pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(crate) fn created() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-01-05T09:30:00+07:00").unwrap()
}

pub(crate) fn doc(n: u32, day: u32) -> Document {
    let mut d = Document::new(
        DocumentType::Decision,
        n.to_string(),
        "QĐ-UBND",
        date(2025, 3, day),
        "Ủy ban nhân dân tỉnh Nam Định",
        format!("Quyết định số {n} về việc phê duyệt kế hoạch"),
    );
    d.page_count = 2;
    d
}

pub(crate) fn record_md() -> RecordMetadata {
    let mut r = RecordMetadata::new(
        RecordCode::parse("000.00.18.H40.2025.01.TH").unwrap(),
        "Hồ sơ kế hoạch công tác năm 2025",
        Retention::years(20).unwrap(),
        "Nguyễn Văn A",
    );
    r.start_date = Some(date(2025, 1, 2));
    r.end_date = Some(date(2025, 12, 30));
    r.page_total = 6;
    r.doc_total = 2;
    r.description = Some("Người lập: Nguyễn Văn A".into());
    r
}

/// A description with two documents and three files (one Vietnamese name).
/// A record package; the record is kept permanently, as a `SIP_hoso`
/// requires (Circular 05/2025 Appendix III).
pub(crate) fn description(aip: bool) -> PackageDescription {
    let mut record = record_md();
    record.retention = Retention::Permanent;
    let mut d =
        PackageDescription::for_record(record, aip, "Văn phòng UBND tỉnh Nam Định", created());
    d.documents.push(PackageDocument::new(
        "000.00.18.H40.2025.01.TH.0000001",
        doc(12, 5),
        vec!["Quyết định 12.pdf".into(), "phụ lục.xlsx".into()],
    ));
    d.documents.push(PackageDocument::new(
        "000.00.18.H40.2025.01.TH.0000002",
        doc(15, 20),
        vec!["qd-15.pdf".into()],
    ));
    d
}

pub(crate) fn loose_description() -> PackageDescription {
    let mut d = PackageDescription::for_loose(
        LooseDocuments::new(
            "000.00.18.H40.2025.01.0000001",
            "Văn bản đi năm 2025",
            Direction::Outgoing,
        ),
        "Văn phòng UBND tỉnh Nam Định",
        created(),
    );
    d.documents.push(PackageDocument::new(
        "000.00.18.H40.2025.01.0000001.0000001",
        doc(7, 1),
        vec!["qd-7.pdf".into()],
    ));
    d
}

pub(crate) fn content(name: &str) -> Vec<u8> {
    format!("%PDF-1.7\n% content of {name}\n")
        .repeat(50)
        .into_bytes()
}

pub(crate) fn pack(desc: PackageDescription) -> Vec<u8> {
    let names: Vec<String> = desc
        .documents
        .iter()
        .flat_map(|d| d.files.clone())
        .collect();
    let mut w = PackageWriter::new(Cursor::new(Vec::new()), desc, PackOptions::default()).unwrap();
    for n in names {
        w.add_file(&n, &mut content(&n).as_slice()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The entries of a ZIP (name, bytes), in order.
pub(crate) fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut src = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..src.len())
        .map(|i| {
            let mut f = src.by_index(i).unwrap();
            let name = f.name().unwrap().into_owned();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (name, data)
        })
        .collect()
}

/// A ZIP of these entries, in order.
pub(crate) fn zip_entries(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

pub(crate) fn rules(report: &vanthu_archive::package::PackageReport) -> Vec<String> {
    report.findings.iter().map(|f| f.rule.clone()).collect()
}

pub(crate) fn check(bytes: &[u8]) -> vanthu_archive::package::PackageReport {
    check_package(Cursor::new(bytes), &CheckOptions::default()).unwrap()
}

/// Copies a ZIP, letting `edit` drop (None) or replace each entry's bytes.
pub(crate) fn rezip(bytes: &[u8], edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>) -> Vec<u8> {
    rewrite(bytes, |name, data| {
        edit(name, data).map(|d| (name.to_owned(), d))
    })
}

/// Copies a ZIP, letting `edit` drop (None) or rename and replace each entry.
pub(crate) fn rewrite(
    bytes: &[u8],
    edit: impl Fn(&str, Vec<u8>) -> Option<(String, Vec<u8>)>,
) -> Vec<u8> {
    let kept: Vec<(String, Vec<u8>)> = entries(bytes)
        .into_iter()
        .filter_map(|(name, data)| edit(&name, data))
        .collect();
    zip_entries(&kept)
}

/// Edits the text of the package file whose name ends with `suffix` (a
/// representation METS) and updates its SIZE and SHA-256 in the root METS,
/// so that only the edit is a defect.
pub(crate) fn edit_sealed(bytes: &[u8], suffix: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    use sha2::Digest;
    let hex = |d: &[u8]| -> String {
        sha2::Sha256::digest(d)
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect()
    };
    let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
    let name = zip
        .file_names()
        .find(|n| n.as_ref().unwrap().ends_with(suffix))
        .unwrap()
        .unwrap()
        .into_owned();
    let mut old = String::new();
    zip.by_name(&name)
        .unwrap()
        .read_to_string(&mut old)
        .unwrap();
    let new = edit(old.clone());
    let (old_sum, new_sum) = (hex(old.as_bytes()), hex(new.as_bytes()));
    rezip(bytes, |n, data| {
        if n == name {
            return Some(new.clone().into_bytes());
        }
        if !n.ends_with("/METS.xml") || n.contains("representations/") {
            return Some(data);
        }
        let root = String::from_utf8(data).unwrap();
        let at = root.find(&old_sum).unwrap();
        let start = root[..at].rfind('<').unwrap();
        let tag = &root[start..at];
        let fixed = tag.replace(
            &format!("SIZE=\"{}\"", old.len()),
            &format!("SIZE=\"{}\"", new.len()),
        );
        Some(
            format!(
                "{}{fixed}{new_sum}{}",
                &root[..start],
                &root[at + old_sum.len()..]
            )
            .into_bytes(),
        )
    })
}
