//! Integration tests of the `vanthu` binary: exit codes, human and JSON output.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod adversarial_cli;
mod adversarial_edxml;
mod adversarial_pdf;
mod adversarial_sigwork;
mod archive;
mod axis;
mod big;
mod bounds;
mod budget;
mod calendar;
mod demo;
mod edxml;
mod facade;
mod fidelity;
mod harness;
mod id;
mod replay;
mod signature;
mod temp_files;
mod text;
mod times;

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `vanthu` with `args` and `stdin` as standard input.
pub(crate) fn vanthu(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanthu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vanthu");
    if let Some(mut input) = child.stdin.take() {
        // A command may exit before it reads its input (a usage error):
        // the closed pipe is its answer, not a failure of the test.
        if let Err(e) = input.write_all(stdin) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
    }
    child.wait_with_output().expect("wait for vanthu")
}

/// Runs `vanthu` with `args` (empty standard input), which must exit 0.
pub(crate) fn succeeds(args: &[&str]) -> Output {
    let out = vanthu(args, b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "vanthu {}\n{}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A document package from the Government Office to Nghệ An, dated
/// 2025/03/14, without attachments: add them.
pub(crate) fn new_document(subject: &str) -> vanthu_edxml::DocumentPackage {
    use chrono::TimeZone as _;
    use vanthu_edxml::{DocumentPackage, DocumentType, Organization, vietnam_offset};
    let at = vietnam_offset()
        .with_ymd_and_hms(2025, 3, 14, 9, 30, 0)
        .unwrap();
    let mut doc = DocumentPackage::new_document(
        Organization::new("000.00.00.G22", "Văn phòng Chính phủ"),
        vec![Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An")],
        ("125", "VPCP-KSTT"),
        "2025/03/14",
        subject,
        &at,
    );
    doc.header.document_type = Some(DocumentType::new("1", "Công văn"));
    doc
}

/// Parses standard output as JSON.
pub(crate) fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// The `../shared` folder beside the checkout, when it is there.
pub(crate) fn shared() -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("VANTHU_INTEROP").as_deref() != Ok("1"),
        "VANTHU_INTEROP=1 but {} is missing: the real-data tests cannot be skipped in CI",
        dir.display()
    );
    eprintln!("note: ../shared is missing; real-data tests skipped");
    None
}

#[test]
fn no_arguments_is_a_usage_error() {
    let out = vanthu(&[], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    use std::io::Read;
    // Enough output to fill the pipe, so that writes hit the closed end.
    let lines = "000.00.15.H47\n".repeat(20_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanthu"))
        .args(["id", "--file", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn vanthu");
    let mut input = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(lines.as_bytes());
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
