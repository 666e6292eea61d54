//! Replays the committed fuzz corpora of the package reader
//! (`fuzz/corpus/package_read/`) and of the METS reader
//! (`fuzz/corpus/mets_read/`) with the properties their fuzz targets check,
//! together with the packages these tests generate (the seeds of both
//! corpora: `VANTHU_WRITE_FUZZ_SEEDS=1 cargo test -p vanthu-archive
//! fuzz_corpus` writes them again).

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use vanthu_archive::package::{CheckOptions, PackageReport, check_package};

use crate::common::{description, loose_description, pack};

/// The fuzz targets' own property, shared with them.
#[path = "../../../fuzz/fuzz_targets/package_property.rs"]
mod package_property;

fn corpus(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target)
}

/// The property of the `package_read` target.
fn package_property(data: &[u8]) -> Option<PackageReport> {
    let report = check_package(Cursor::new(data), &CheckOptions::default()).ok()?;
    package_property::consistent(&report);
    Some(report)
}

/// The property of the `mets_read` target: `data` as the root METS.
fn mets_property(data: &[u8]) -> PackageReport {
    package_property(&package_property::mets_package(data)).expect("a readable ZIP gives a report")
}

/// Named seed files.
type Seeds = Vec<(&'static str, Vec<u8>)>;

/// The seeds: packages of each kind, and their METS files.
fn seeds() -> (Seeds, Seeds) {
    let sip = pack(description(false));
    let packages = vec![
        ("sip-hoso.zip", sip.clone()),
        ("aip-hoso.zip", pack(description(true))),
        ("sip-tailieu.zip", pack(loose_description())),
    ];
    let mut zip = zip::ZipArchive::new(Cursor::new(&sip)).unwrap();
    let mut mets = Vec::new();
    for (seed, suffix) in [
        ("root-mets.xml", "/METS.xml"),
        ("rep-mets.xml", "rep1/METS.xml"),
    ] {
        let name = (0..zip.len())
            .map(|i| zip.name_for_index(i).unwrap().unwrap().into_owned())
            .filter(|n| n.ends_with(suffix))
            .min_by_key(String::len)
            .unwrap();
        let mut text = Vec::new();
        zip.by_name(&name).unwrap().read_to_end(&mut text).unwrap();
        mets.push((seed, text));
    }
    (packages, mets)
}

#[test]
fn seeds_and_corpora_replay() {
    let (packages, mets) = seeds();
    if std::env::var_os("VANTHU_WRITE_FUZZ_SEEDS").is_some() {
        for (target, files) in [("package_read", &packages), ("mets_read", &mets)] {
            for (name, bytes) in files {
                std::fs::write(corpus(target).join(name), bytes).unwrap();
            }
        }
    }
    for (name, bytes) in &packages {
        let report = package_property(bytes).unwrap();
        assert!(report.conformant, "{name}: {:#?}", report.findings);
    }
    for (name, bytes) in &mets {
        assert!(!mets_property(bytes).findings.is_empty(), "{name}");
    }
    let mut replayed = 0;
    for (target, property) in [
        ("package_read", (|d| drop(package_property(d))) as fn(&[u8])),
        ("mets_read", |d| drop(mets_property(d))),
    ] {
        for entry in std::fs::read_dir(corpus(target)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            property(&std::fs::read(&path).unwrap());
            replayed += 1;
        }
    }
    assert!(replayed >= 5, "{replayed} corpus files");
}
