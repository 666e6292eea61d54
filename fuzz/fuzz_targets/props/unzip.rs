//! The property of the `unzip` target: single-entry ZIP unwrapping never
//! panics and never writes more than its limit; what it unwraps has the
//! size and SHA-256 it reports.

use std::io::{Cursor, Write as _};

use vanthu::edxml::{DigestWriter, unwrap_single_entry_zip};

/// The largest entry unwrapped: 1 MiB.
const LIMIT: u64 = 1 << 20;

pub(crate) fn check(data: &[u8]) {
    let mut out = Vec::new();
    if let Ok(entry) = unwrap_single_entry_zip(Cursor::new(data), &mut out, LIMIT) {
        assert!(out.len() as u64 <= LIMIT);
        let mut digest = DigestWriter::new(std::io::sink());
        digest.write_all(&out).expect("a sink takes everything");
        assert_eq!(digest.finish().0, entry.digest);
    }
}
