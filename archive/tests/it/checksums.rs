//! Checksums computed with the algorithm each `CHECKSUMTYPE` names.

use std::io::Cursor;

use md5::Digest as _;
use vanthu_archive::package::{CheckOptions, Profile, check_package};

use crate::common::{content, description, edit_sealed, pack, rules};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

fn digest(algorithm: &str, data: &[u8]) -> String {
    match algorithm {
        "MD5" => hex(&md5::Md5::digest(data)),
        "SHA-1" => hex(&sha1::Sha1::digest(data)),
        "SHA-256" => hex(&sha2::Sha256::digest(data)),
        "SHA-384" => hex(&sha2::Sha384::digest(data)),
        "SHA-512" => hex(&sha2::Sha512::digest(data)),
        other => panic!("{other}"),
    }
}

/// The package of `description(false)` with the checksum of `qd-15.pdf`
/// declared as `checksum_type` = `value`.
fn declared(checksum_type: &str, value: &str) -> Vec<u8> {
    let bytes = pack(description(false));
    let sha = digest("SHA-256", &content("qd-15.pdf"));
    let from = format!("CHECKSUM=\"{sha}\" CHECKSUMTYPE=\"SHA-256\"");
    let to = format!("CHECKSUM=\"{value}\" CHECKSUMTYPE=\"{checksum_type}\"");
    edit_sealed(&bytes, "rep1/METS.xml", |text| {
        assert!(text.contains(&from), "{text}");
        text.replacen(&from, &to, 1)
    })
}

fn check(bytes: &[u8], profile: Profile) -> vanthu_archive::package::PackageReport {
    check_package(
        Cursor::new(bytes),
        &CheckOptions::default().with_profile(profile),
    )
    .unwrap()
}

const TYPES: [&str; 5] = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];

#[test]
fn each_type_verifies_when_right_under_csip() {
    for t in TYPES {
        let value = digest(t, &content("qd-15.pdf"));
        let report = check(&declared(t, &value), Profile::Csip);
        assert!(report.conformant(), "{t}: {:#?}", report.findings);
        assert!(report.findings.is_empty(), "{t}: {:#?}", report.findings);
        // Lower-case hex is the same value (a note, never a mismatch).
        let report = check(&declared(t, &value.to_lowercase()), Profile::Csip);
        assert!(report.conformant(), "{t}: {:#?}", report.findings);
    }
}

#[test]
fn a_wrong_value_of_each_type_fails_naming_file_and_algorithm() {
    for t in TYPES {
        let mut value = digest(t, &content("qd-15.pdf"));
        value.replace_range(0..1, if value.starts_with('0') { "1" } else { "0" });
        for profile in Profile::ALL {
            let report = check(&declared(t, &value), profile);
            assert!(!report.conformant(), "{t}");
            let f = report
                .findings
                .iter()
                .find(|f| f.rule == "ARCH-PKG-FILE-002")
                .unwrap_or_else(|| panic!("{t}: {:#?}", report.findings));
            assert!(f.message.starts_with(&format!("{t} of `")), "{}", f.message);
            assert!(f.message.contains("qd-15.pdf"), "{}", f.message);
            assert!(f.message_vi.contains(t), "{}", f.message_vi);
        }
    }
}

#[test]
fn a_sha256_value_labelled_md5_fails() {
    let sha = digest("SHA-256", &content("qd-15.pdf"));
    let report = check(&declared("MD5", &sha), Profile::Csip);
    assert!(!report.conformant());
    assert!(rules(&report).contains(&"ARCH-PKG-FILE-002".to_owned()));
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.message.starts_with("MD5 of"))
    );
}

#[test]
fn under_tt05_another_algorithm_is_a_warning_not_a_mismatch() {
    let md5 = digest("MD5", &content("qd-15.pdf"));
    let report = check(&declared("MD5", &md5), Profile::Tt05);
    assert!(report.conformant(), "{:#?}", report.findings);
    assert_eq!(rules(&report), ["ARCH-PKG-FILE-009"]);
    assert_eq!(
        report.findings[0].severity,
        vanthu_identifiers::Severity::Warning
    );
    assert!(report.findings[0].source.contains("05/2025"));
    // Under E-ARK alone, MD5 is a METS checksum type like any other.
    assert!(
        check(&declared("MD5", &md5), Profile::Sip)
            .findings
            .is_empty()
    );
}

#[test]
fn an_unknown_or_missing_type_is_its_own_finding() {
    let sha = digest("SHA-256", &content("qd-15.pdf"));
    // A type outside the vocabulary is E-ARK CSIP72, reported once, not a mismatch.
    let report = check(&declared("SHA256", &sha), Profile::Csip);
    assert_eq!(rules(&report), ["ARCH-EARK-FILE-MUST"]);
    assert_eq!(report.findings[0].requirement.as_deref(), Some("CSIP72"));
    assert!(!report.conformant());
    // A METS type that vanthu does not compute is not verified, and says so.
    let report = check(&declared("CRC32", "0"), Profile::Csip);
    assert_eq!(rules(&report), ["ARCH-PKG-FILE-008"]);
    assert!(report.conformant());
    // No CHECKSUMTYPE at all.
    let bytes = pack(description(false));
    let sha_attr = format!("CHECKSUM=\"{sha}\" CHECKSUMTYPE=\"SHA-256\"");
    let stripped = edit_sealed(&bytes, "rep1/METS.xml", |text| {
        text.replacen(&sha_attr, &format!("CHECKSUM=\"{sha}\""), 1)
    });
    let report = check(&stripped, Profile::Csip);
    assert_eq!(rules(&report), ["ARCH-EARK-FILE-MUST"]);
    assert_eq!(report.findings[0].requirement.as_deref(), Some("CSIP72"));
    // No CHECKSUM: CSIP71, once.
    let stripped = edit_sealed(&bytes, "rep1/METS.xml", |text| {
        text.replacen(&sha_attr, "CHECKSUMTYPE=\"SHA-256\"", 1)
    });
    let report = check(&stripped, Profile::Csip);
    let requirements: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.requirement.as_deref()))
        .collect();
    assert_eq!(
        requirements,
        [("ARCH-EARK-FILE-MUST", Some("CSIP71"))],
        "{:#?}",
        report.findings
    );
}

#[test]
fn a_file_referenced_many_times_is_hashed_once() {
    // The representation METS references `qd-15.pdf` 1,000 times more,
    // with five algorithms: the file is still read once.
    let data = content("qd-15.pdf");
    let bytes = pack(description(false));
    let report_before = check(&bytes, Profile::Csip);
    let extra: String = (0..1000)
        .map(|i| {
            let t = TYPES[i % TYPES.len()];
            format!(
                "<mets:file ID=\"extra-{i}\" SIZE=\"{}\" CHECKSUM=\"{}\" CHECKSUMTYPE=\"{t}\">\
                 <mets:FLocat LOCTYPE=\"URL\" xlink:type=\"simple\" xlink:href=\"data/qd-15.pdf\"/></mets:file>",
                data.len(),
                digest(t, &data)
            )
        })
        .collect();
    let rebuilt = edit_sealed(&bytes, "rep1/METS.xml", |text| {
        text.replacen("</mets:fileGrp>", &format!("{extra}</mets:fileGrp>"), 1)
    });
    let report = check(&rebuilt, Profile::Csip);
    assert!(
        !rules(&report)
            .iter()
            .any(|r| r.starts_with("ARCH-PKG-FILE")),
        "{:#?}",
        report.findings
    );
    assert_eq!(report.files_checked, report_before.files_checked);
    // Only the representation METS grew; the PDF was read once.
    let grown = (rep_mets_len(&rebuilt) - rep_mets_len(&bytes)) as u64;
    assert_eq!(report.bytes_checked, report_before.bytes_checked + grown);
}

fn rep_mets_len(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let name = zip
        .file_names()
        .find(|n| n.as_ref().unwrap().ends_with("rep1/METS.xml"))
        .unwrap()
        .unwrap()
        .into_owned();
    zip.by_name(&name).unwrap().size() as usize
}
