//! The property of the `content` target: content detection never panics,
//! the attachment scanner's verdict (type, the set of active content, size
//! and digest) does not depend on how the bytes are cut into writes, and the
//! harness's format detection looks only at the first `HEAD_LEN` bytes.
//! (The scanner lists active content in the order it finds it, and a marker
//! cut by a write is found after those of the next write: the order is not
//! part of the verdict.)

use std::io::Write as _;

use vanthu::edxml::{ContentScan, Scanner, is_registered_media_type};

fn scan<'a>(chunks: impl Iterator<Item = &'a [u8]>) -> ContentScan {
    let mut scanner = Scanner::new(std::io::sink());
    for chunk in chunks {
        scanner.write_all(chunk).expect("a sink takes everything");
    }
    let mut scan = scanner.finish().0;
    scan.active.sort_by_key(|a| a.marker());
    scan
}

pub(crate) fn check(data: &[u8]) {
    let whole = scan(std::iter::once(data));
    // Writes of 1 to 64 bytes, the size from the first byte.
    let size = data.first().map_or(1, |b| usize::from(b % 64) + 1);
    assert_eq!(scan(data.chunks(size)), whole, "writes of {size} bytes");
    let head = data.get(..vanthu::HEAD_LEN).unwrap_or(data);
    assert_eq!(vanthu::detect(data), vanthu::detect(head));
    assert_eq!(vanthu::describe(data), vanthu::describe(head));
    let _ = is_registered_media_type(&String::from_utf8_lossy(head));
}
