//! Every error has a stable code.

use std::collections::BTreeSet;

use vanthu_archive::ArchiveError;

#[test]
fn every_error_has_its_own_stable_code() {
    let errors = [
        ArchiveError::Io(std::io::Error::other("x")),
        ArchiveError::Zip(String::new()),
        ArchiveError::Xml {
            path: String::new(),
            offset: 0,
            message: String::new(),
        },
        ArchiveError::Missing(String::new()),
        ArchiveError::Invalid {
            what: "x",
            message: String::new(),
        },
        ArchiveError::NotAllowed(String::new()),
        ArchiveError::Unknown {
            what: "x",
            name: String::new(),
        },
    ];
    let codes: BTreeSet<&str> = errors.iter().map(ArchiveError::code).collect();
    assert_eq!(codes.len(), errors.len());
    assert!(codes.iter().all(|c| c.starts_with("ARCH-E-")));
    let e = vanthu_archive::package::check_package(
        std::io::Cursor::new(b"not a zip".to_vec()),
        &vanthu_archive::package::CheckOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "ARCH-E-ZIP");
}
