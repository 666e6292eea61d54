//! The PDF signature locator and the whole verification on arbitrary bytes:
//! never a panic, bounded work. Seeds: `fuzz/corpus/pdf_locator/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanthu_signature::{Limits, TrustStore, VerifyOptions, locate, verify_pdf};

fuzz_target!(|data: &[u8]| {
    let _ = locate(data, &Limits::default());
    // A fixed validation time: the target must be deterministic.
    if let Some(at) = chrono::DateTime::from_timestamp(1_750_000_000, 0) {
        let _ = verify_pdf(data, &TrustStore::new(), &VerifyOptions::new(at));
    }
});
