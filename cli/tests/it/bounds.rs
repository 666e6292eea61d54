//! #16 (first slice): a whole-file input over the limit is refused before it
//! is read.

use crate::budget::bounded;

/// A sparse 1.5 GB file starting `%PDF` used to be read in full before
/// "limit exceeded" (3 GB ran out of memory): it is refused from its size.
#[test]
fn a_huge_sparse_pdf_is_refused_before_it_is_read() {
    let dir = std::env::temp_dir().join(format!("vanthu-bounds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.pdf");
    {
        use std::io::Write as _;
        let mut f = std::fs::File::create(&path).unwrap();
        f.write_all(b"%PDF-1.7\n").unwrap();
        f.set_len(1_500_000_000).unwrap();
    }
    let run = bounded(&["verify", path.to_str().unwrap()], None);
    run.ends(2, "too large");
    assert!(run.elapsed.as_secs() < 10, "{:?}", run.elapsed);
    let _ = std::fs::remove_dir_all(dir);
}
