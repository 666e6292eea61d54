//! The property of the `sign_prepare` target: the incremental signing
//! writer, on any bytes, never panics; when it prepares a PDF, the update
//! keeps every byte of the input, the placeholder takes a CMS, and the
//! signature it adds is found again, covering the whole file.

use vanthu::signature::{Coverage, Limits, SignOptions, locate, prepare};

use super::common::at;

/// A CMS stand-in: an empty DER SEQUENCE (the writer does not look inside).
const CMS: &[u8] = &[0x30, 0x00];

pub(crate) fn check(data: &[u8]) {
    let Ok(prepared) = prepare(data, &SignOptions::new(at())) else {
        return;
    };
    let bytes = prepared.bytes();
    assert!(
        bytes.starts_with(data),
        "an incremental update keeps the input"
    );
    assert!(prepared.signed_bytes().len() < bytes.len());
    let out = prepared
        .insert_cms(CMS)
        .expect("the placeholder takes a CMS");
    let found = locate(&out, &Limits::default()).expect("the writer's output is located");
    assert!(
        found
            .signatures
            .iter()
            .any(|s| s.coverage == Coverage::EntireFile
                && s.contents.as_deref().is_some_and(|c| c.starts_with(CMS))),
        "the new signature covers the whole file"
    );
}
