//! The property of the package fuzz targets (`package_read`, `mets_read`),
//! also replayed over their corpora by `vanthu-archive`'s tests: a report is
//! consistent (`conformant` is "no error"), cites only catalogued rules,
//! and survives a JSON round trip.

use std::io::Write as _;

use vanthu_archive::package::PackageReport;

/// A ZIP whose root `METS.xml` is `mets`, stored: every byte reaches the
/// METS reader.
pub(crate) fn mets_package(mets: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("pkg/METS.xml", stored).expect("entry");
    zip.write_all(mets).expect("write");
    zip.finish().expect("finish").into_inner()
}

pub(crate) fn consistent(report: &PackageReport) {
    assert_eq!(
        report.conformant,
        vanthu_identifiers::conformant(&report.findings)
    );
    for f in &report.findings {
        assert!(
            vanthu_archive::rules::ALL
                .iter()
                .chain(vanthu_identifiers::rules::ALL)
                .any(|r| r.id == f.rule),
            "{} is not catalogued",
            f.rule
        );
    }
    let json = serde_json::to_string(report).expect("serialise");
    let back: PackageReport = serde_json::from_str(&json).expect("read back");
    assert_eq!(&back, report);
}
