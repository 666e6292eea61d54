//! Replays the committed corpora of the fuzz targets whose properties live
//! in `fuzz/fuzz_targets/props/` through those very properties, together
//! with the seeds `fuzz_seeds.rs` generates. `VANTHU_WRITE_FUZZ_SEEDS=1
//! cargo test -p vanthu fuzz_targets` writes the seeds into the corpora.

use std::path::{Path, PathBuf};

use crate::fuzz_seeds::{Seed, seeds};

#[path = "../../../fuzz/fuzz_targets/props/common.rs"]
pub(crate) mod common;
#[path = "../../../fuzz/fuzz_targets/package_property.rs"]
#[allow(dead_code, reason = "`mets_package` serves the `mets_read` target")]
mod package_property;

#[path = "../../../fuzz/fuzz_targets/props/certs.rs"]
mod certs;
#[path = "../../../fuzz/fuzz_targets/props/content.rs"]
mod content;
#[path = "../../../fuzz/fuzz_targets/props/dates.rs"]
mod dates;
#[path = "../../../fuzz/fuzz_targets/props/identifiers.rs"]
mod identifiers;
#[path = "../../../fuzz/fuzz_targets/props/names.rs"]
mod names;
#[path = "../../../fuzz/fuzz_targets/props/pack.rs"]
mod pack;
#[path = "../../../fuzz/fuzz_targets/props/pdf_locator.rs"]
mod pdf_locator;
#[path = "../../../fuzz/fuzz_targets/props/record.rs"]
mod record;
#[path = "../../../fuzz/fuzz_targets/props/sign.rs"]
mod sign;
#[path = "../../../fuzz/fuzz_targets/props/text.rs"]
mod text;
#[path = "../../../fuzz/fuzz_targets/props/unzip.rs"]
mod unzip;
#[path = "../../../fuzz/fuzz_targets/props/workflow.rs"]
mod workflow;

/// A target's property: panics when the input breaks it.
type Property = fn(&[u8]);

/// Each target and its property.
const TARGETS: &[(&str, Property)] = &[
    ("certs", certs::check),
    ("content", content::check),
    ("dates", dates::check),
    ("file_names", names::check),
    ("identifiers", identifiers::check),
    ("pack_spec", pack::check),
    ("pdf_locator", pdf_locator::check),
    ("record_json", record::check),
    ("sign_prepare", sign::check),
    ("text", text::check),
    ("unzip", unzip::check),
    ("workflow", workflow::check),
];

fn corpus(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target)
}

/// The committed inputs of `target` (not its README).
fn committed(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(corpus(target))
        .unwrap_or_else(|e| panic!("fuzz/corpus/{target}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.is_file()
                && path
                    .file_name()
                    .is_some_and(|n| !n.to_string_lossy().starts_with('.') && n != "README.md")
        })
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn seeds_and_corpora_replay_through_their_properties() {
    let seeds = seeds();
    let write = std::env::var_os("VANTHU_WRITE_FUZZ_SEEDS").is_some();
    for (target, property) in TARGETS {
        let mine: Vec<&Seed> = seeds.iter().filter(|s| s.target == *target).collect();
        assert!(!mine.is_empty(), "{target} has no seeds");
        for seed in &mine {
            property(&seed.bytes);
            if write {
                std::fs::create_dir_all(corpus(target)).unwrap();
                std::fs::write(corpus(target).join(seed.name), &seed.bytes).unwrap();
            }
        }
        let files = committed(target);
        assert!(files.len() >= mine.len(), "{target}: {} files", files.len());
        for (path, bytes) in &files {
            eprintln!("{}", path.display());
            property(bytes);
        }
    }
}

/// The seeds reach past the first refusal of each parser: the properties
/// are not checked on nothing.
#[test]
fn seeds_are_accepted_where_they_should_be() {
    use vanthu::archive::package::PackSpec;
    use vanthu::signature::{SignOptions, prepare};
    for seed in seeds() {
        let accepted = match seed.target {
            "pack_spec" => PackSpec::from_json(&seed.bytes).is_ok(),
            "sign_prepare" => prepare(&seed.bytes, &SignOptions::new(common::at())).is_ok(),
            "workflow" => serde_json::from_slice::<vanthu::workflow::EventLog>(&seed.bytes).is_ok(),
            "record_json" => {
                serde_json::from_slice::<vanthu::archive::RetentionInput>(&seed.bytes).is_ok()
            }
            "certs" => {
                vanthu::signature::Certificate::parse_all(&seed.bytes).is_ok()
                    || vanthu::signature::TrustStore::new()
                        .add_crl_der(&seed.bytes)
                        .is_ok()
                    || vanthu::signature::TrustStore::new()
                        .add_ocsp_der(&seed.bytes)
                        .is_ok()
            }
            "unzip" => {
                let one = vanthu::edxml::unwrap_single_entry_zip(
                    std::io::Cursor::new(&seed.bytes),
                    std::io::sink(),
                    1 << 20,
                )
                .is_ok();
                one != seed.name.starts_with("two-")
            }
            _ => true,
        };
        assert!(accepted, "{}/{}", seed.target, seed.name);
    }
}
