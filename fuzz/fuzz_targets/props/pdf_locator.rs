//! The property of the `pdf_locator` target: locating the signatures of
//! any bytes, and verifying them at a fixed time, never panics, with
//! bounded work; whatever is located lies inside the file.

use vanthu::signature::{Limits, TrustStore, VerifyOptions, locate, verify_pdf};

use super::common::at;

pub(crate) fn check(data: &[u8]) {
    if let Ok(found) = locate(data, &Limits::default()) {
        assert_eq!(found.file_len, data.len());
        for s in &found.signatures {
            assert!(s.offset < data.len(), "{}", s.offset);
        }
    }
    let _ = verify_pdf(data, &TrustStore::new(), &VerifyOptions::new(at().into()));
}
