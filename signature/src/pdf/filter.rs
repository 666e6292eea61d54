//! Stream decoding for the structures the validator must read itself:
//! cross-reference streams and object streams (ISO 32000-1 §7.5.7, §7.5.8).
//! Only `/FlateDecode` with optional PNG predictors is supported, with a cap on
//! the decompressed size (deflate bombs: RUB-NDS PDF101 test suite).

use super::object::{Dict, Obj};

fn int(d: Option<&Obj>) -> Option<i64> {
    match d {
        Some(Obj::Int(i)) => Some(*i),
        _ => None,
    }
}

/// Decodes a stream's data, or `None` when the filter is unsupported, the data is
/// corrupt, or the result would exceed `max` bytes.
pub(crate) fn decode(dict: &Dict, raw: &[u8], max: usize) -> Option<Vec<u8>> {
    let filter = match dict.get(b"Filter") {
        None => return Some(raw.to_vec()),
        Some(Obj::Name(n)) => n.as_slice(),
        Some(Obj::Array(a)) => match a.as_slice() {
            [] => return Some(raw.to_vec()),
            [Obj::Name(n)] => n.as_slice(),
            _ => return None,
        },
        _ => return None,
    };
    if filter != b"FlateDecode" {
        return None;
    }
    let data = inflate(raw, max)?;
    let parms = match dict.get(b"DecodeParms") {
        Some(Obj::Dict(p)) => Some(p),
        Some(Obj::Array(a)) => match a.first() {
            Some(Obj::Dict(p)) => Some(p),
            _ => None,
        },
        _ => None,
    };
    let predictor = parms.and_then(|p| int(p.get(b"Predictor"))).unwrap_or(1);
    if predictor < 10 {
        return (predictor == 1).then_some(data);
    }
    let colors = parms.and_then(|p| int(p.get(b"Colors"))).unwrap_or(1);
    let bpc = parms
        .and_then(|p| int(p.get(b"BitsPerComponent")))
        .unwrap_or(8);
    let columns = parms.and_then(|p| int(p.get(b"Columns"))).unwrap_or(1);
    if colors != 1 || bpc != 8 || !(1..=1 << 20).contains(&columns) {
        return None;
    }
    png_unpredict(&data, usize::try_from(columns).ok()?)
}

/// Reverses PNG row predictors (RFC 2083 §6) with one byte per pixel.
fn png_unpredict(data: &[u8], columns: usize) -> Option<Vec<u8>> {
    let row_len = columns + 1;
    if !data.len().is_multiple_of(row_len) {
        return None;
    }
    let mut out = Vec::with_capacity(data.len() / row_len * columns);
    let mut prev = vec![0u8; columns];
    for row in data.chunks(row_len) {
        let (&kind, bytes) = row.split_first()?;
        let mut cur = vec![0u8; columns];
        for i in 0..columns {
            let x = *bytes.get(i)?;
            let left = if i > 0 { *cur.get(i - 1)? } else { 0 };
            let up = *prev.get(i)?;
            let up_left = if i > 0 { *prev.get(i - 1)? } else { 0 };
            let value = match kind {
                0 => x,
                1 => x.wrapping_add(left),
                2 => x.wrapping_add(up),
                3 => x.wrapping_add(((u16::from(left) + u16::from(up)) / 2) as u8),
                4 => {
                    let p = i16::from(left) + i16::from(up) - i16::from(up_left);
                    let (pa, pb, pc) = (
                        (p - i16::from(left)).abs(),
                        (p - i16::from(up)).abs(),
                        (p - i16::from(up_left)).abs(),
                    );
                    let pred = if pa <= pb && pa <= pc {
                        left
                    } else if pb <= pc {
                        up
                    } else {
                        up_left
                    };
                    x.wrapping_add(pred)
                }
                _ => return None,
            };
            if let Some(slot) = cur.get_mut(i) {
                *slot = value;
            }
        }
        out.extend_from_slice(&cur);
        prev = cur;
    }
    Some(out)
}

/// Entries of a cross-reference stream: in use (number, generation, offset),
/// free numbers, and compressed (number, object stream number).
pub(crate) type XrefEntries = (Vec<(u32, u16, u64)>, Vec<u32>, Vec<(u32, u32)>);

/// Parses the decoded data of a cross-reference stream with dictionary `dict`:
/// `Ok(None)` when it is malformed, `Err(())` when it has more than
/// `max_entries` entries.
pub(crate) fn xref_stream_entries(
    dict: &Dict,
    data: &[u8],
    max_entries: usize,
) -> Result<Option<XrefEntries>, ()> {
    let mut over = false;
    let entries = entries_of(dict, data, max_entries, &mut over);
    if over { Err(()) } else { Ok(entries) }
}

/// The entries of a cross-reference stream; sets `over` when there are more
/// than `max_entries`.
fn entries_of(
    dict: &Dict,
    data: &[u8],
    max_entries: usize,
    over: &mut bool,
) -> Option<XrefEntries> {
    let Some(Obj::Array(w)) = dict.get(b"W") else {
        return None;
    };
    let widths: Vec<usize> = w
        .iter()
        .map(|o| int(Some(o)).and_then(|v| usize::try_from(v).ok()))
        .collect::<Option<_>>()?;
    let [w1, w2, w3] = widths.as_slice() else {
        return None;
    };
    let (w1, w2, w3) = (*w1, *w2, *w3);
    if w1 > 8 || w2 > 8 || w3 > 8 {
        return None;
    }
    let entry_len = w1 + w2 + w3;
    if entry_len == 0 {
        return None;
    }
    let size = int(dict.get(b"Size"))?;
    let index: Vec<i64> = match dict.get(b"Index") {
        Some(Obj::Array(a)) => a.iter().map(|o| int(Some(o))).collect::<Option<_>>()?,
        _ => vec![0, size],
    };
    let field = |bytes: &[u8], default: u64| -> u64 {
        if bytes.is_empty() {
            default
        } else {
            bytes.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b))
        }
    };
    let (mut used, mut free, mut compressed) = (Vec::new(), Vec::new(), Vec::new());
    let mut rows = data.chunks_exact(entry_len);
    for pair in index.chunks(2) {
        let [start, count] = pair else { return None };
        let (start, count) = (u32::try_from(*start).ok()?, u32::try_from(*count).ok()?);
        for k in 0..count {
            if used.len() + free.len() + compressed.len() >= max_entries {
                *over = true;
                return None;
            }
            let row = rows.next()?;
            let (a, rest) = row.split_at(w1);
            let (b, c) = rest.split_at(w2);
            let number = start.checked_add(k)?;
            match field(a, 1) {
                0 => free.push(number),
                1 => used.push((
                    number,
                    u16::try_from(field(c, 0)).unwrap_or(u16::MAX),
                    field(b, 0),
                )),
                2 => compressed.push((number, u32::try_from(field(b, 0)).ok()?)),
                _ => {}
            }
        }
    }
    Some((used, free, compressed))
}

/// The zlib data in `raw`, decompressed, or `None` when it is corrupt or
/// would decompress to more than `max` bytes (read no further than that).
fn inflate(raw: &[u8], max: usize) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(raw)
        .take(u64::try_from(max).ok()?.saturating_add(1))
        .read_to_end(&mut out)
        .ok()?;
    (out.len() <= max).then_some(out)
}

/// `data` compressed as a zlib stream (`/FlateDecode`), level 6.
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    // Writing to a Vec cannot fail.
    if encoder.write_all(data).is_err() {
        return Vec::new();
    }
    encoder.finish().unwrap_or_default()
}
