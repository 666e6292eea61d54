//! Integration tests of vanthu-identifiers.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs,
    unreachable_pub
)]

mod agency;
mod docid;
mod docnum;
mod fixtures;
mod identify;
mod marks;
mod props;
mod record;
mod rules;
mod text;
mod time;

/// The folder of real data beside the checkout, when it is there (under
/// `VANTHU_INTEROP=1`, as in CI, it must be).
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

/// An input, a check of the error kind it must produce, and the byte offset.
pub(crate) type ErrorCase = (
    &'static str,
    fn(&vanthu_identifiers::IdErrorKind) -> bool,
    usize,
);
