//! A package larger than the memory the command may use: `inspect`, `check`,
//! `extract` and `normalize` must stream it from the file, never hold it.
//!
//! The package (96 MiB of XML around a 72 MiB attachment) is generated on the
//! fly, never held in memory by the test either, and each command runs under
//! `ulimit -v` well below the package size.
#![cfg(target_os = "linux")]

use std::io::{self, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use sha2::{Digest as _, Sha256};
use vanthu_edxml::{Attachment, AttachmentBodies, EdxmlError};

use crate::edxml::temp_dir;

/// Size of the attachment: its Base64 makes a 96 MiB package.
const ATTACHMENT: u64 = 72 << 20;

/// Address space the commands get, in KiB: the debug binary starts in about
/// 24 MiB, so this leaves 40 MiB of working room and is a third below the
/// size of the package.
const LIMIT_KIB: u64 = 64 << 10;

/// Deterministic, incompressible-looking bytes that start like a TIFF scan,
/// hashed as they are produced. (Not a PDF: `check` verifies PDF attachments,
/// which needs the PDF in memory, up to the PDF size limit.)
struct Generated {
    left: u64,
    state: u64,
    started: bool,
    hasher: Sha256,
}

impl Generated {
    fn new(len: u64) -> Self {
        Self {
            left: len,
            state: 0x9E37_79B9_7F4A_7C15,
            started: false,
            hasher: Sha256::new(),
        }
    }
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let out = &mut buf[..n];
        for b in out.iter_mut() {
            // xorshift64
            self.state ^= self.state << 13;
            self.state ^= self.state >> 7;
            self.state ^= self.state << 17;
            *b = (self.state >> 24) as u8;
        }
        if !self.started && n >= 9 {
            out[..9].copy_from_slice(b"II*\x00\x08\x00\x00\x00\x00");
            self.started = true;
        }
        self.hasher.update(&out[..]);
        self.left -= n as u64;
        Ok(n)
    }
}

/// Hands the writer one generated attachment and keeps its SHA-256.
struct Body {
    generated: Option<Generated>,
}

impl AttachmentBodies for Body {
    fn open(&mut self, _: usize, _: &Attachment) -> Result<Box<dyn Read + '_>, EdxmlError> {
        let generated = self
            .generated
            .get_or_insert_with(|| Generated::new(ATTACHMENT));
        Ok(Box::new(generated))
    }
}

/// Writes the package to `path`; returns the attachment's SHA-256 (hex).
fn generate(path: &Path) -> String {
    let mut doc = crate::new_document("V/v gửi hồ sơ lớn");
    doc.add_attachment("ho-so.tif", "image/tiff");
    let mut body = Body { generated: None };
    let file = std::fs::File::create(path).unwrap();
    let mut out = io::BufWriter::new(file);
    vanthu_edxml::write_document(&doc, &mut body, &mut out).unwrap();
    out.flush().unwrap();
    let generated = body.generated.take().unwrap();
    assert_eq!(generated.left, 0, "the whole attachment was written");
    hex(&generated.hasher.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256_of_file(path: &Path) -> String {
    let mut file = BufReader::new(std::fs::File::open(path).unwrap());
    let mut hasher = Sha256::new();
    io::copy(&mut file, &mut hasher).unwrap();
    hex(&hasher.finalize())
}

/// Runs `vanthu` under `ulimit -v LIMIT_KIB`, with `stdin` as standard input.
fn limited_with(args: &[&str], stdin: Stdio) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {LIMIT_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_vanthu"))
        .args(args)
        .stdin(stdin)
        .output()
        .expect("run sh")
}

fn limited(args: &[&str]) -> Output {
    limited_with(args, Stdio::null())
}

fn assert_ok(what: &str, out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn large_packages_are_streamed_in_memory_smaller_than_they_are() {
    let dir = temp_dir("big");
    let package = dir.join("big.edxml");
    let sha256 = generate(&package);
    let size = std::fs::metadata(&package).unwrap().len();
    assert!(
        size > (LIMIT_KIB << 10) * 3 / 2,
        "the package is {size} bytes"
    );
    let package = package.to_str().unwrap();

    // The limit is real: a command that reads its whole input (`text check`
    // holds the text it checks) fails under it.
    let whole = limited(&["text", "check", package]);
    assert_eq!(whole.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&whole.stderr).contains("out of memory"),
        "the limit stops a package read whole: {}",
        String::from_utf8_lossy(&whole.stderr)
    );

    let out = limited(&["inspect", "--json", package]);
    assert_ok("inspect", &out);
    let v = crate::json(&out);
    assert_eq!(v["attachments"][0]["size"], ATTACHMENT);
    assert_eq!(v["attachments"][0]["sha256"], sha256);

    let out = limited(&["check", "--json", "--strict", package]);
    assert_ok("check", &out);
    let v = crate::json(&out);
    assert_eq!(v[0]["conformant"], true, "{v:#}");
    assert_eq!(v[0]["attachments"][0]["kind"], "tiff");
    // A scan is not a signed PDF: the legal value is not verified, and it says so.
    assert_eq!(v[0]["findings"][0]["rule"], "CHECK-ATT-004");

    let files = dir.join("files");
    let out = limited(&["extract", "--json", package, "-o", files.to_str().unwrap()]);
    assert_ok("extract", &out);
    let extracted = files.join("ho-so.tif");
    assert_eq!(std::fs::metadata(&extracted).unwrap().len(), ATTACHMENT);
    assert_eq!(sha256_of_file(&extracted), sha256);

    // Written back from its model and the extracted file, streamed: the
    // same bytes (the package is canonical).
    let out = limited(&["inspect", "--model", package]);
    assert_ok("inspect --model", &out);
    let model = dir.join("model.json");
    std::fs::write(&model, &out.stdout).unwrap();
    let rewritten = dir.join("rewritten.edxml");
    let out = limited(&[
        "write",
        model.to_str().unwrap(),
        extracted.to_str().unwrap(),
        "-o",
        rewritten.to_str().unwrap(),
        "--json",
    ]);
    assert_ok("write", &out);
    assert_eq!(crate::json(&out)["attachments"][0]["sha256"], sha256);
    assert_eq!(
        sha256_of_file(&rewritten),
        sha256_of_file(Path::new(package))
    );
    std::fs::remove_file(&rewritten).unwrap();
    std::fs::remove_file(&model).unwrap();

    // Standard input is streamed too, or copied to a temporary file by the
    // commands that seek; either way, never held in memory.
    let stdin = || std::fs::File::open(package).unwrap().into();
    let out = limited_with(&["inspect", "--json", "-"], stdin());
    assert_ok("inspect -", &out);
    assert_eq!(crate::json(&out)["attachments"][0]["sha256"], sha256);
    let out = limited_with(&["check", "--json", "-"], stdin());
    assert_ok("check -", &out);
    let copy = dir.join("copy.edxml");
    let out = limited_with(&["normalize", "-", "-o", copy.to_str().unwrap()], stdin());
    assert_ok("normalize -", &out);
    assert_eq!(sha256_of_file(&copy), sha256_of_file(Path::new(package)));
    std::fs::remove_file(&copy).unwrap();

    // Normalising the canonical package in place gives it back unchanged.
    let before = sha256_of_file(Path::new(package));
    let out = limited(&["normalize", package, "-o", package]);
    assert_ok("normalize", &out);
    assert_eq!(sha256_of_file(Path::new(package)), before);
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        2,
        "no partial file is left"
    );

    std::fs::remove_dir_all(&dir).unwrap();
}
