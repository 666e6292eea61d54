//! The edXML reader, the attachment scanner and the validator never panic;
//! what reads, the writer writes, and the writer's output reads back to the
//! same model.
//!
//! Run: `cargo +nightly fuzz run edxml_read fuzz/corpus/edxml_read`.
//! The committed corpus is replayed by `vanthu-edxml`'s normal tests.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanthu_edxml::{Profile, ReadOptions, ValidateOptions, check_from, read, write};

fuzz_target!(|data: &[u8]| {
    let options = ValidateOptions::new(Profile::Receiver);
    let Ok(report) = check_from(data, &ReadOptions::default(), &options) else {
        return;
    };
    let out = report.read;
    // Decoding an attachment again from its span gives what the reader
    // decoded while it streamed past.
    for (index, layout) in out.layout.iter().enumerate() {
        if let Some(digest) = layout.digest {
            let again = out.decode_attachment(&data[..], index, std::io::sink());
            assert_eq!(again.ok(), Some(digest), "attachment {index}");
        }
    }
    let mut written = Vec::new();
    if write(&out.package, &mut out.bodies(data), &mut written).is_ok() {
        let again = read(&written).expect("the writer's output reads");
        let mut twice = Vec::new();
        write(&again.package, &mut again.bodies(&written), &mut twice).expect("rewrite");
        assert!(written == twice, "the canonical form is a fixed point");
    }
});
