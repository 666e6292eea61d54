//! Unpacked package folders: the same findings as their ZIP.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use vanthu_archive::package::{
    CheckOptions, PackageReport, check_package, check_package_dir, is_package_dir, unpack,
};

use crate::common::{description, loose_description, pack, rules};

/// Unpacks `bytes` into `dir`; returns the package's root folder.
fn unzip(bytes: &[u8], dir: &Path) -> PathBuf {
    unpack(Cursor::new(bytes), dir).unwrap()
}

fn zip_report(bytes: &[u8]) -> PackageReport {
    check_package(Cursor::new(bytes), &CheckOptions::default()).unwrap()
}

fn dir_report(dir: &Path) -> PackageReport {
    check_package_dir(dir, &CheckOptions::default()).unwrap()
}

#[test]
fn a_folder_and_its_zip_give_the_same_report() {
    for desc in [description(false), description(true), loose_description()] {
        let bytes = pack(desc);
        let tmp = tempfile::tempdir().unwrap();
        let root = unzip(&bytes, tmp.path());
        assert!(is_package_dir(&root));
        assert!(is_package_dir(tmp.path()), "an unzipped package's folder");
        let expected = zip_report(&bytes);
        assert!(expected.conformant(), "{:#?}", expected.findings);
        assert_eq!(dir_report(&root), expected);
        assert_eq!(dir_report(tmp.path()), expected);
    }
}

#[test]
fn a_defect_gives_the_same_finding_in_the_folder_and_the_zip() {
    let bytes = pack(description(false));
    // The same defects in both forms: a data file removed, a byte changed.
    let defective = crate::common::rezip(&bytes, |name, mut data| {
        if name.ends_with("phụ lục.xlsx") {
            return None;
        }
        if name.ends_with("qd-15.pdf") {
            data[3] ^= 1;
        }
        Some(data)
    });
    let tmp = tempfile::tempdir().unwrap();
    let root = unzip(&bytes, tmp.path());
    let data = root.join("representations/rep1/data");
    std::fs::remove_file(data.join("phụ lục.xlsx")).unwrap();
    let mut pdf = std::fs::read(data.join("qd-15.pdf")).unwrap();
    pdf[3] ^= 1;
    std::fs::write(data.join("qd-15.pdf"), pdf).unwrap();
    let expected = zip_report(&defective);
    let got = dir_report(&root);
    assert!(!got.conformant());
    assert!(rules(&got).contains(&"ARCH-PKG-FILE-001".to_owned()));
    assert!(rules(&got).contains(&"ARCH-PKG-FILE-002".to_owned()));
    assert_eq!(got, expected);
}

#[test]
fn a_folder_without_mets_is_reported_like_a_zip_without_it() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "x").unwrap();
    assert!(!is_package_dir(tmp.path()));
    let report = dir_report(tmp.path());
    assert!(!report.conformant());
    assert_eq!(rules(&report), ["ARCH-EARK-FOLDERS-MUST"]);
    assert_eq!(report.findings[0].requirement.as_deref(), Some("CSIPSTR4"));
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_reported_and_never_followed() {
    let bytes = pack(description(false));
    let tmp = tempfile::tempdir().unwrap();
    let root = unzip(&bytes, tmp.path());
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "outside the package").unwrap();
    // A link to a file outside, one to a folder outside, and a data file
    // replaced by a link to a copy of itself outside.
    let data = root.join("representations/rep1/data");
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), data.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("documentation/outside")).unwrap();
    std::fs::copy(data.join("qd-15.pdf"), outside.path().join("qd-15.pdf")).unwrap();
    std::fs::remove_file(data.join("qd-15.pdf")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("qd-15.pdf"), data.join("qd-15.pdf")).unwrap();
    let report = dir_report(&root);
    assert!(!report.conformant());
    let links: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "ARCH-PKG-STRUCT-004")
        .map(|f| f.location.path.clone().unwrap())
        .collect();
    assert_eq!(links.len(), 3, "{:#?}", report.findings);
    assert!(links.iter().all(|p| !p.contains("secret")));
    // The linked data file is missing, not read through the link.
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == "ARCH-PKG-FILE-001" && f.message.contains("qd-15.pdf"))
    );
    assert!(!report.findings.iter().any(|f| f.message.contains("secret")));
}

#[test]
fn unpacking_never_writes_outside_the_folder() {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    out.start_file("pkg/METS.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    out.write_all(b"<mets/>").unwrap();
    out.start_file("../escaped.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    out.write_all(b"x").unwrap();
    let bytes = out.finish().unwrap().into_inner();
    let tmp = tempfile::tempdir().unwrap();
    let inner = tmp.path().join("inner");
    let e = unpack(Cursor::new(&bytes), &inner).unwrap_err();
    assert_eq!(e.code(), "ARCH-E-INVALID");
    assert!(!tmp.path().join("escaped.txt").exists());
}
