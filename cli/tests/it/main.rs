//! Integration tests of the `vanthu` binary: exit codes, human and JSON output.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod archive;
mod calendar;
mod edxml;
mod id;
mod replay;
mod signature;
mod text;

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
        // A command that fails early may exit before reading its input: a
        // broken pipe is then expected, not a test failure.
        if let Err(e) = input.write_all(stdin) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
    }
    child.wait_with_output().expect("wait for vanthu")
}

/// Parses standard output as JSON.
pub(crate) fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

/// The `../shared` folder beside the checkout, when it is there.
pub(crate) fn shared() -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    dir.is_dir().then_some(dir)
}

#[test]
fn no_arguments_is_a_usage_error() {
    let out = vanthu(&[], b"");
    assert_eq!(out.status.code(), Some(2));
}
