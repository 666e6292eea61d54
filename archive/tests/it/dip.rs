//! Dissemination packages (DIP): a record's access copies.

use std::io::{Cursor, Read};

use vanthu_archive::package::{CheckOptions, PackageKind, PackageReader, Profile, check_package};
use vanthu_identifiers::Retention;

use crate::common::{created, description, pack};

#[test]
fn a_dip_is_written_and_checked_under_csip() {
    let mut sip = description(false);
    // Access copies of a record of any retention.
    sip.record.as_mut().unwrap().retention = Retention::years(10).unwrap();
    let sip_objid = sip.objid.clone();
    let dip = sip.into_dip(created());
    assert_ne!(dip.objid, sip_objid);
    let bytes = pack(dip.clone());
    let report = check_package(
        Cursor::new(&bytes),
        &CheckOptions::default().with_profile(Profile::Csip),
    )
    .unwrap();
    assert!(report.conformant(), "{:#?}", report.findings);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    // It is not a SIP: its kind, its package type and its profile say so.
    assert_eq!(report.kind, Some(PackageKind::Dip));
    let mut reader = PackageReader::open(Cursor::new(&bytes)).unwrap();
    assert_eq!(reader.description().unwrap().kind, PackageKind::Dip);
    let record = reader.description().unwrap().record.clone().unwrap();
    assert_eq!(record.code, dip.record.as_ref().unwrap().code);
    assert_eq!(record.retention, Retention::years(10).unwrap());
    let mut mets = String::new();
    reader
        .open_data("METS.xml")
        .unwrap()
        .read_to_string(&mut mets)
        .unwrap();
    assert!(mets.contains("csip:OAISPACKAGETYPE=\"DIP\""), "{mets}");
    assert!(mets.contains("PROFILE=\"https://earkdip.dilcis.eu/profile/E-ARK-DIP.xml\""));
    assert!(!mets.contains("E-ARK-SIP.xml"));
    // A SIP_hoso's rule (permanent records only) is not a DIP's.
    let tt05 = check_package(Cursor::new(&bytes), &CheckOptions::default()).unwrap();
    assert!(
        !tt05.findings.iter().any(|f| f.rule == "ARCH-PKG-MD-007"),
        "{:#?}",
        tt05.findings
    );
}

#[test]
fn a_dip_needs_a_record() {
    let loose = crate::common::loose_description().into_dip(created());
    assert!(loose.check_writable().is_err());
}
