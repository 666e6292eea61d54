//! #16 (first slice): outputs are written through temporary files with
//! random names, created exclusively: a symbolic link planted in the output
//! folder at the names earlier versions used (`.NAME.output.vanthu-partial`,
//! `.NAME.decoded.vanthu-partial`, `OUT.zip.part`) is never followed, and no
//! temporary file is left behind.

#![cfg(unix)]

use std::path::{Path, PathBuf};

use crate::edxml::sample;
use crate::vanthu;

fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanthu-temp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A file outside `out` and links to it at each of `names` inside `out`.
fn plant(dir: &Path, out: &Path, names: &[&str]) -> PathBuf {
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, b"keep me").unwrap();
    for name in names {
        std::os::unix::fs::symlink(&victim, out.join(name)).unwrap();
    }
    victim
}

/// The names in `out` that are neither `expected` nor a planted link.
fn leftovers(out: &Path, planted: &[&str], expected: &[&str]) -> Vec<String> {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !planted.contains(&n.as_str()) && !expected.contains(&n.as_str()))
        .collect()
}

#[test]
fn planted_links_are_never_followed_by_normalize_reply_and_extract() {
    let dir = workdir("edxml");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let planted = [
        ".n.edxml.output.vanthu-partial",
        ".r.edxml.output.vanthu-partial",
        ".125-VPCP-KSTT.pdf.decoded.vanthu-partial",
    ];
    let victim = plant(&dir, &out, &planted);
    let n = out.join("n.edxml");
    let o = vanthu(&["normalize", &sample(), "-o", n.to_str().unwrap()], b"");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let r = out.join("r.edxml");
    let o = vanthu(
        &[
            "reply",
            &sample(),
            "--status",
            "03",
            "--from",
            "000.00.00.H41",
            "--at",
            "2025-03-15T08:00",
            "-o",
            r.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = vanthu(&["extract", &sample(), "-o", out.to_str().unwrap()], b"");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
    assert!(std::fs::read(&n).unwrap().starts_with(b"<?xml"));
    assert!(
        std::fs::read_to_string(&r)
            .unwrap()
            .contains("<edXML:StatusCode>03")
    );
    assert_eq!(
        leftovers(&out, &planted, &["n.edxml", "r.edxml", "125-VPCP-KSTT.pdf"]),
        Vec::<String>::new()
    );
    // A failed run leaves nothing behind either.
    let o = vanthu(
        &[
            "normalize",
            "-",
            "-o",
            out.join("bad.edxml").to_str().unwrap(),
        ],
        b"<edXML:edXMLEnvelope",
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        leftovers(&out, &planted, &["n.edxml", "r.edxml", "125-VPCP-KSTT.pdf"]),
        Vec::<String>::new()
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_planted_link_is_never_followed_by_archive_pack() {
    let dir = workdir("pack");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let planted = ["sip.zip.part", ".sip.zip.vanthu-partial"];
    let victim = plant(&dir, &out, &planted);
    let spec = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../archive/tests/vectors/sip-hoso/spec.json"
    );
    let zip = out.join("sip.zip");
    let o = vanthu(&["archive", "pack", spec, "-o", zip.to_str().unwrap()], b"");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
    assert!(std::fs::read(&zip).unwrap().starts_with(b"PK"));
    assert_eq!(
        leftovers(&out, &planted, &["sip.zip"]),
        Vec::<String>::new()
    );
    let _ = std::fs::remove_dir_all(dir);
}
