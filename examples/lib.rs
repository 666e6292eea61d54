#![doc = include_str!("README.md")]
#![forbid(unsafe_code)]

/// The edXML sample package committed with `vanthu-edxml` (a VPCP document
/// with one PDF attachment), read by the examples that start from a package.
pub const SAMPLE_PACKAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../edxml/tests/vectors/sample.edxml"
);
