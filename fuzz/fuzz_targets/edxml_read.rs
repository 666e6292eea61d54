//! The edXML reader never panics; what it reads, the writer writes, and the
//! writer's output reads back to the same model.
//!
//! Run: `cargo +nightly fuzz run edxml_read fuzz/corpus/edxml_read`.
//! The committed corpus is replayed by `vanthu-edxml`'s normal tests.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanthu_edxml::{ReadOptions, read, read_with, write};

fuzz_target!(|data: &[u8]| {
    let Ok(out) = read_with(data, &ReadOptions::digest()) else {
        return;
    };
    let mut written = Vec::new();
    if write(&out.package, &mut out.bodies(data), &mut written).is_ok() {
        let again = read(&written).expect("the writer's output reads");
        let mut twice = Vec::new();
        write(&again.package, &mut again.bodies(&written), &mut twice).expect("rewrite");
        assert!(written == twice, "the canonical form is a fixed point");
    }
});
