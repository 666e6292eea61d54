//! The reader's limits on metadata documents.

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use vanthu_archive::ArchiveError;
use vanthu_archive::package::{CheckOptions, PackageReader, ReadLimits, check_package};
use zip::write::SimpleFileOptions;

use crate::common::{check, description, pack, rezip, rules};

/// A ZIP holding `pkg/METS.xml` = `mets`, written from chunks.
fn zip_with_mets(chunks: impl Iterator<Item = Vec<u8>>) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    out.start_file("pkg/METS.xml", SimpleFileOptions::default())
        .unwrap();
    for c in chunks {
        out.write_all(&c).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_64_mib_mets_is_refused_at_the_byte_limit_quickly() {
    // `<mets>` and 64 MiB of `<a/>`: deflated to a small ZIP.
    let limits = ReadLimits::default();
    let chunk = b"<a/>".repeat(256 * 1024);
    let chunks = std::iter::once(b"<mets>".to_vec()).chain(std::iter::repeat_n(chunk, 64));
    let bytes = zip_with_mets(chunks);
    let started = Instant::now();
    let report = check(&bytes);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(!report.conformant());
    assert_eq!(rules(&report), ["ARCH-PKG-STRUCT-005"]);
    let f = &report.findings[0];
    assert_eq!(f.location.path.as_deref(), Some("METS.xml"));
    assert_eq!(f.location.offset, Some(limits.max_bytes));
    // The reader says the same as a typed error with the position.
    match PackageReader::open(Cursor::new(&bytes)) {
        Err(ArchiveError::Limit {
            limit, offset, max, ..
        }) => {
            assert_eq!(
                (limit, offset, max),
                ("bytes", limits.max_bytes, limits.max_bytes)
            );
        }
        other => panic!("{other:?}"),
    }
}

/// The root METS of a valid package with `n` extra empty elements in its
/// header.
fn padded(n: usize) -> Vec<u8> {
    let bytes = pack(description(false));
    let pad = "<a/>".repeat(n);
    rezip(&bytes, |name, data| {
        if !name.ends_with("/METS.xml") || name.contains("representations") {
            return Some(data);
        }
        let text = String::from_utf8(data).unwrap();
        Some(
            text.replacen("</mets:metsHdr>", &format!("{pad}</mets:metsHdr>"), 1)
                .into_bytes(),
        )
    })
}

#[test]
fn a_254_kb_mets_of_many_elements_is_not_conformant() {
    let bytes = padded(63_500);
    let report = check(&bytes);
    assert!(!report.conformant());
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "ARCH-PKG-STRUCT-005")
        .unwrap();
    assert!(f.message.contains("50000 elements"), "{}", f.message);
    assert!(f.location.offset.unwrap() < 254_000);
    // Within the limit, the same padding is read.
    let report = check(&padded(1_000));
    assert!(!rules(&report).contains(&"ARCH-PKG-STRUCT-005".to_owned()));
    // A caller can raise the limit.
    let mut options = CheckOptions::default();
    options.limits.max_elements = 100_000;
    let report = check_package(Cursor::new(&bytes), &options).unwrap();
    assert!(!rules(&report).contains(&"ARCH-PKG-STRUCT-005".to_owned()));
}

#[test]
fn attributes_text_and_depth_are_capped() {
    let cases: [(&str, String); 3] = [
        (
            "attributes of an element",
            format!(
                "<mets {}/>",
                (0..65).map(|i| format!("a{i}=\"x\" ")).collect::<String>()
            ),
        ),
        (
            "text of an element",
            format!("<mets>{}</mets>", "x".repeat(1024 * 1024 + 1)),
        ),
        (
            "depth",
            format!("{}{}", "<a>".repeat(300), "</a>".repeat(300)),
        ),
    ];
    for (limit, mets) in cases {
        let bytes = zip_with_mets(std::iter::once(mets.into_bytes()));
        match PackageReader::open(Cursor::new(&bytes)) {
            Err(ArchiveError::Limit { limit: l, path, .. }) => {
                assert_eq!((l, path.as_str()), (limit, "METS.xml"));
            }
            other => panic!("{limit}: {other:?}"),
        }
        assert_eq!(rules(&check(&bytes)), ["ARCH-PKG-STRUCT-005"], "{limit}");
    }
}

#[test]
fn an_empty_mets_is_a_finding_and_an_unreadable_zip_an_error() {
    let report = check(&zip_with_mets(std::iter::empty()));
    assert_eq!(rules(&report), ["ARCH-PKG-STRUCT-001"]);
    let e = check_package(Cursor::new(b"PK\x03\x04 broken"), &CheckOptions::default()).unwrap_err();
    assert_eq!(e.code(), "ARCH-E-ZIP");
}

#[test]
fn a_mets_of_unknown_elements_is_not_conformant() {
    // One root of unknown elements, within every limit: not a METS.
    let mets = format!("<a>{}</a>", "<b x=\"1\"/>".repeat(20_000));
    let report = check(&zip_with_mets(std::iter::once(mets.into_bytes())));
    assert!(!report.conformant());
    assert!(
        rules(&report).contains(&"ARCH-PKG-METS-001".to_owned()),
        "{:?}",
        rules(&report)
    );
    // `<a/>` repeated: every element after the first is a second root,
    // which XML does not allow; the document is not read at all.
    let bytes = zip_with_mets(std::iter::once(b"<a/>".repeat(60_000)));
    match PackageReader::open(Cursor::new(&bytes)) {
        Err(ArchiveError::Xml {
            offset, message, ..
        }) => {
            assert_eq!(
                (offset, message.as_str()),
                (4, "content after the root element")
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(rules(&check(&bytes)), ["ARCH-PKG-STRUCT-001"]);
    // What may follow the root still may: comments, white space.
    let mets = b"<mets/>\n<!-- end -->\n".to_vec();
    let report = check(&zip_with_mets(std::iter::once(mets)));
    assert!(!rules(&report).contains(&"ARCH-PKG-STRUCT-001".to_owned()));
}
