#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

/// The Python that runs the peers: `VANTHU_PYTHON` (the venv `.ci/run` makes,
/// with lxml and pyHanko), else `python3` from the `PATH`.
pub fn python() -> String {
    std::env::var("VANTHU_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// Whether the independent tools must be there: `VANTHU_INTEROP=1`, as
/// `.ci/run` sets after installing them.
pub fn interop_required() -> bool {
    std::env::var("VANTHU_INTEROP").as_deref() == Ok("1")
}

/// A peer could not be run. Without `VANTHU_INTEROP=1` the bench prints a note
/// and goes on with absolute numbers; with it, the bench fails, so that a
/// missing tool cannot pass for a measured one.
///
/// # Panics
///
/// When `VANTHU_INTEROP=1`.
pub fn peer_unavailable(why: &str) {
    assert!(
        !interop_required(),
        "VANTHU_INTEROP=1 but the peer could not be run: {why}"
    );
    println!("note: {why}; the peer was not measured");
}

/// The test PKI of the benches: a root, a sub-CA and two signers, a person and an agency
/// (it lives with the test PKI of `vanthu-signature`, which the axis tests share).
pub use vanthu_signature::testpki::TwoSigners;
