//! `archive_profile`: which requirements `check_bytes` applies to an
//! archival package.

use std::io::Cursor;
use std::path::Path;

use vanthu::CheckOptions;
use vanthu::archive::package::{PackOptions, PackSpec, PackageKind, PackageWriter, Profile};

/// The vector `SIP_hoso` written as an `AIP_hoso`.
fn aip() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../archive/tests/vectors/sip-hoso");
    let spec = PackSpec::from_json(&std::fs::read(dir.join("spec.json")).unwrap()).unwrap();
    let mut desc = spec.description;
    desc.kind = PackageKind::Aip;
    let mut w = PackageWriter::new(Cursor::new(Vec::new()), desc, PackOptions::default()).unwrap();
    while let Some(name) = w.remaining().first().cloned() {
        let mut file = std::fs::File::open(dir.join("files").join(&name)).unwrap();
        w.add_file(&name, &mut file).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn an_aip_is_no_sip_under_the_sip_profile() {
    let bytes = aip();
    let mut options = CheckOptions::new(vanthu::parse_time("2026-02-01").unwrap());
    let report = vanthu::check_bytes("aip.zip", &bytes, &options).unwrap();
    assert!(report.conformant, "{:#?}", report.findings);
    options.archive_profile = Profile::Sip;
    let report = vanthu::check_bytes("aip.zip", &bytes, &options).unwrap();
    assert!(!report.conformant);
    let named: Vec<&str> = report
        .findings
        .iter()
        .filter_map(|f| f.requirement.as_deref())
        .collect();
    assert_eq!(named, ["SIP2", "SIP4"], "{:#?}", report.findings);
    // From JSON, as the bindings pass it.
    let o =
        CheckOptions::from_json(r#"{"at": "2026-02-01T00:00:00+07:00", "archive_profile": "sip"}"#)
            .unwrap();
    assert_eq!(o.archive_profile, Profile::Sip);
}

#[test]
fn the_check_time_reaches_the_archive_checks() {
    let options = CheckOptions::new(vanthu::parse_time("2020-01-01").unwrap());
    let report = vanthu::check_bytes("aip.zip", &aip(), &options).unwrap();
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.requirement.as_deref() == Some("CSIP8")),
        "{:#?}",
        report.findings
    );
}
