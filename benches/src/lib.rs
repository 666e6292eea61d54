//! Benchmarks of vanthu live in this package's `[[bench]]` targets; the
//! library is empty.
#![forbid(unsafe_code)]
