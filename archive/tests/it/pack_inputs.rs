//! The files a package is packed from: regular files only
//! (`open_data_file`), so that a specification naming a device, a pipe or a
//! symbolic link never makes the writer hang or pack a file from elsewhere.

#![cfg(unix)]

use std::path::{Path, PathBuf};

use vanthu_archive::ArchiveError;
use vanthu_archive::package::open_data_file;

fn workdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn kind(path: &Path, follow: bool) -> &'static str {
    match open_data_file(path, follow) {
        Err(ArchiveError::NotRegularFile { kind, path: named }) => {
            assert_eq!(named, path.display().to_string());
            kind
        }
        other => panic!("{}: {other:?}", path.display()),
    }
}

fn regular(dir: &Path) -> PathBuf {
    let path = dir.join("qd-15.pdf");
    std::fs::write(&path, b"%PDF-1.7 content").unwrap();
    path
}

#[test]
fn a_regular_file_opens_and_reads() {
    let dir = workdir();
    let path = regular(dir.path());
    let mut text = String::new();
    std::io::Read::read_to_string(&mut open_data_file(&path, false).unwrap(), &mut text).unwrap();
    assert_eq!(text, "%PDF-1.7 content");
}

#[test]
fn devices_folders_and_pipes_are_refused_before_reading() {
    let dir = workdir();
    assert_eq!(kind(Path::new("/dev/zero"), false), "character device");
    assert_eq!(kind(Path::new("/dev/zero"), true), "character device");
    assert_eq!(kind(dir.path(), false), "folder");
    // A FIFO with no writer: opening it for reading would block forever.
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let started = std::time::Instant::now();
    assert_eq!(kind(&fifo, false), "named pipe (FIFO)");
    assert_eq!(kind(&fifo, true), "named pipe (FIFO)");
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn symbolic_links_are_refused_unless_followed_to_a_regular_file() {
    let dir = workdir();
    let target = regular(dir.path());
    let link = dir.path().join("link.pdf");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert_eq!(kind(&link, false), "symbolic link");
    assert!(open_data_file(&link, true).is_ok());
    // Followed, a link must still lead to a regular file.
    let to_device = dir.path().join("zero.pdf");
    std::os::unix::fs::symlink("/dev/zero", &to_device).unwrap();
    assert_eq!(kind(&to_device, false), "symbolic link");
    assert_eq!(kind(&to_device, true), "character device");
    let e = open_data_file(&to_device, true).unwrap_err();
    assert_eq!(e.code(), "ARCH-E-NOT-REGULAR");
    assert!(e.to_string().contains("zero.pdf"), "{e}");
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let dir = workdir();
    let e = open_data_file(&dir.path().join("absent.pdf"), false).unwrap_err();
    assert_eq!(e.code(), "ARCH-E-IO");
    assert!(e.to_string().contains("absent.pdf"), "{e}");
}
