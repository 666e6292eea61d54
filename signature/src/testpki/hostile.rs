//! **Test only.** PDFs built to make a reader spend as much time or memory
//! as it lets them: each is a one-page [`sample_pdf`](super::sample_pdf)
//! with an incremental update that carries the hostile part, so that the
//! rest of the file stays valid and the reader has to go through it.
//!
//! They are the regression inputs of `vanthu docs/limits.md` §2, small in
//! bytes and large in what a naive reader would build from them; the
//! inputs that exhaust path building and modification analysis instead are
//! [`cross_certified_mesh`] and [`append_revisions`].

mod work;

pub use work::{append_revisions, cross_certified_mesh};

use crate::pdf::filter::deflate;

/// The first object number free in the one-page sample.
const FIRST_FREE: usize = 6;

/// Appends an incremental update to `pdf`: `objects` (number and body),
/// then `junk` (bytes that no cross-reference entry points at), then the
/// cross-reference section, the trailer and `%%EOF`.
fn update(pdf: &mut Vec<u8>, objects: &[(usize, Vec<u8>)], junk: &[u8]) {
    let prev = last_startxref(pdf);
    let mut offsets = Vec::with_capacity(objects.len());
    for (number, body) in objects {
        offsets.push((*number, pdf.len()));
        pdf.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    pdf.extend_from_slice(junk);
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    for (number, offset) in &offsets {
        pdf.extend_from_slice(format!("{number} 1\n{offset:010} 00000 n \n").as_bytes());
    }
    let size = offsets
        .iter()
        .map(|(n, _)| n + 1)
        .max()
        .unwrap_or(0)
        .max(FIRST_FREE);
    pdf.extend_from_slice(
        format!("trailer\n<</Size {size} /Root 1 0 R /Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
}

/// The offset the last `startxref` of `pdf` gives.
fn last_startxref(pdf: &[u8]) -> usize {
    let Some(at) = pdf.windows(9).rposition(|w| w == b"startxref") else {
        return 0;
    };
    pdf.get(at + 9..)
        .unwrap_or_default()
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .fold(0, |n, &d| n * 10 + usize::from(d - b'0'))
}

/// The sample with one update holding `objects` and `junk`.
fn with_update(objects: &[(usize, Vec<u8>)], junk: &[u8]) -> Vec<u8> {
    let mut pdf = super::sample_pdf(1, 0);
    update(&mut pdf, objects, junk);
    pdf
}

/// An array of `elements` zeros: two bytes an element.
fn zeros(elements: usize) -> Vec<u8> {
    let mut array = Vec::with_capacity(elements * 2 + 2);
    array.push(b'[');
    for _ in 0..elements {
        array.extend_from_slice(b"0 ");
    }
    array.push(b']');
    array
}

/// A compressed object stream (ISO 32000-1 §7.5.7) of `entries` (object
/// number, offset relative to `/First`) over `body`.
fn object_stream(entries: &[(usize, usize)], body: &[u8]) -> Vec<u8> {
    let header = entries
        .iter()
        .map(|(n, at)| format!("{n} {at}"))
        .collect::<Vec<_>>()
        .join(" ")
        + "\n";
    let mut data = header.clone().into_bytes();
    data.extend_from_slice(body);
    let packed = deflate(&data);
    let mut out = format!(
        "<</Type /ObjStm /N {} /First {} /Filter /FlateDecode /Length {}>>\nstream\n",
        entries.len(),
        header.len(),
        packed.len()
    )
    .into_bytes();
    out.extend_from_slice(&packed);
    out.extend_from_slice(b"\nendstream");
    out
}

/// One object stream whose `count` entries all point at one array of
/// `elements` integers (a few kilobytes; a reader that parses each entry
/// from its offset builds `count × elements` values).
#[must_use]
pub fn object_stream_one_array(count: usize, elements: usize) -> Vec<u8> {
    let entries: Vec<(usize, usize)> = (0..count).map(|i| (FIRST_FREE + 1 + i, 0)).collect();
    with_update(
        &[(FIRST_FREE, object_stream(&entries, &zeros(elements)))],
        b"",
    )
}

/// One object stream of `count` arrays of `elements` integers each, at
/// increasing offsets as the standard wants: `count × elements` values from
/// a file of a few kilobytes.
#[must_use]
pub fn object_stream_arrays(count: usize, elements: usize) -> Vec<u8> {
    let array = zeros(elements);
    let mut body = Vec::with_capacity(count * (array.len() + 1));
    let mut entries = Vec::with_capacity(count);
    for i in 0..count {
        entries.push((FIRST_FREE + 1 + i, body.len()));
        body.extend_from_slice(&array);
        body.push(b'\n');
    }
    with_update(&[(FIRST_FREE, object_stream(&entries, &body))], b"")
}

/// One object holding an array of `elements` integers (two bytes each).
#[must_use]
pub fn big_array(elements: usize) -> Vec<u8> {
    with_update(&[(FIRST_FREE, zeros(elements))], b"")
}

/// One object holding a dictionary of `entries` keys (`/k0 0 /k1 0 …`).
#[must_use]
pub fn big_dictionary(entries: usize) -> Vec<u8> {
    let mut dict = b"<<".to_vec();
    for i in 0..entries {
        dict.extend_from_slice(format!("/k{i} 0 ").as_bytes());
    }
    dict.extend_from_slice(b">>");
    with_update(&[(FIRST_FREE, dict)], b"")
}

/// `lines` lines of `1 0 obj (`: each opens a literal string that nothing
/// closes, so each runs to the end of the file.
#[must_use]
pub fn unterminated_strings(lines: usize) -> Vec<u8> {
    with_update(&[], &b"1 0 obj (\n".repeat(lines))
}

/// `lines` lines of `1 0 obj<<>>stream` and no `endstream` after any.
#[must_use]
pub fn streams_without_endstream(lines: usize) -> Vec<u8> {
    with_update(&[], &b"1 0 obj<<>>stream\n".repeat(lines))
}

/// `count` signature dictionaries in one update. Their ranges cover nothing
/// (`/ByteRange [0 1 2 3]`): every one fails its checks.
#[must_use]
pub fn signature_dictionaries(count: usize) -> Vec<u8> {
    let objects: Vec<(usize, Vec<u8>)> = (0..count)
        .map(|i| {
            (
                FIRST_FREE + i,
                b"<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached \
                  /ByteRange [0 1 2 3] /Contents <00>>>"
                    .to_vec(),
            )
        })
        .collect();
    with_update(&objects, b"")
}

/// The sample followed by `count` updates, each rewriting the page.
#[must_use]
pub fn revisions(count: usize) -> Vec<u8> {
    let mut pdf = super::sample_pdf(1, 0);
    let page = b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R>>".to_vec();
    for _ in 0..count {
        update(&mut pdf, &[(4, page.clone())], b"");
    }
    pdf
}
