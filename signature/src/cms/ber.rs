//! A small, bounded BER → DER length normaliser.
//!
//! Real signing tools write CMS with indefinite lengths and constructed OCTET
//! STRINGs (pdf_oxide issue #1383: 61 % of 39 real signatures), which the DER-only
//! RustCrypto decoders refuse. This converter rewrites every length in definite,
//! minimal form and flattens constructed OCTET STRINGs; it does not sort SETs,
//! so signed bytes keep their order and signatures still verify over them.

use crate::error::{Error, ErrorKind};

const MAX_DEPTH: usize = 64;

/// One parsed header: tag bytes, constructed flag, length (None = indefinite), header size.
struct Header {
    tag: Vec<u8>,
    constructed: bool,
    len: Option<usize>,
    size: usize,
}

fn read_header(data: &[u8], pos: usize) -> Result<Header, Error> {
    let err = |at: usize| Error::at(ErrorKind::Asn1("truncated or malformed header".into()), at);
    let first = *data.get(pos).ok_or_else(|| err(pos))?;
    let mut tag = vec![first];
    let mut p = pos + 1;
    if first & 0x1f == 0x1f {
        loop {
            let b = *data.get(p).ok_or_else(|| err(p))?;
            tag.push(b);
            p += 1;
            if b & 0x80 == 0 {
                break;
            }
            if tag.len() > 6 {
                return Err(err(p));
            }
        }
    }
    let l = *data.get(p).ok_or_else(|| err(p))?;
    p += 1;
    let len = if l < 0x80 {
        Some(usize::from(l))
    } else if l == 0x80 {
        if first & 0x20 == 0 {
            return Err(Error::at(
                ErrorKind::Asn1("indefinite length on a primitive value".into()),
                pos,
            ));
        }
        None
    } else {
        let n = usize::from(l & 0x7f);
        if n > 4 {
            return Err(Error::at(ErrorKind::Asn1("length too large".into()), p));
        }
        let mut v = 0usize;
        for _ in 0..n {
            v = v << 8 | usize::from(*data.get(p).ok_or_else(|| err(p))?);
            p += 1;
        }
        Some(v)
    };
    Ok(Header {
        tag,
        constructed: first & 0x20 != 0,
        len,
        size: p - pos,
    })
}

/// Writes a definite DER length (X.690 §8.1.3, shortest form).
pub(crate) fn push_len(out: &mut Vec<u8>, len: usize) -> Result<(), Error> {
    der::Encode::encode_to_vec(&der::Length::try_from(len)?, out)?;
    Ok(())
}

/// Converts one element at `pos`; returns the DER encoding and the input end.
fn convert(data: &[u8], pos: usize, depth: usize, out: &mut Vec<u8>) -> Result<usize, Error> {
    if depth > MAX_DEPTH {
        return Err(Error::at(ErrorKind::TooDeep, pos));
    }
    let h = read_header(data, pos)?;
    let body = pos + h.size;
    if !h.constructed {
        let len = h.len.unwrap_or(0);
        let end = body
            .checked_add(len)
            .filter(|&e| e <= data.len())
            .ok_or_else(|| Error::at(ErrorKind::Asn1("value runs past the end".into()), pos))?;
        out.extend_from_slice(&h.tag);
        push_len(out, len)?;
        out.extend_from_slice(data.get(body..end).unwrap_or_default());
        return Ok(end);
    }
    // Constructed: convert children, then write a definite header.
    let mut children = Vec::new();
    let mut p = body;
    let end = match h.len {
        Some(len) => {
            let end = body
                .checked_add(len)
                .filter(|&e| e <= data.len())
                .ok_or_else(|| Error::at(ErrorKind::Asn1("value runs past the end".into()), pos))?;
            while p < end {
                p = convert(data, p, depth + 1, &mut children)?;
            }
            if p != end {
                return Err(Error::at(
                    ErrorKind::Asn1("child runs past its parent".into()),
                    p,
                ));
            }
            end
        }
        None => loop {
            if data.get(p..p + 2) == Some(&[0, 0]) {
                break p + 2;
            }
            if p >= data.len() {
                return Err(Error::at(
                    ErrorKind::Asn1("missing end-of-contents".into()),
                    pos,
                ));
            }
            p = convert(data, p, depth + 1, &mut children)?;
        },
    };
    if h.tag == [0x24] {
        // Constructed OCTET STRING: concatenate the primitive segments.
        let mut flat = Vec::new();
        let mut q = 0;
        while q < children.len() {
            let c = read_header(&children, q)?;
            let start = q + c.size;
            let stop = start + c.len.unwrap_or(0);
            flat.extend_from_slice(children.get(start..stop).unwrap_or_default());
            q = stop;
        }
        out.push(0x04);
        push_len(out, flat.len())?;
        out.extend_from_slice(&flat);
    } else {
        out.extend_from_slice(&h.tag);
        push_len(out, children.len())?;
        out.extend_from_slice(&children);
    }
    Ok(end)
}

/// The DER form of the first element of `data`, and the offset where it ends.
///
/// # Errors
/// When the element is malformed, too deep, or runs past the end.
pub fn ber_to_der(data: &[u8]) -> Result<(Vec<u8>, usize), Error> {
    let mut out = Vec::with_capacity(data.len());
    let end = convert(data, 0, 0, &mut out)?;
    Ok((out, end))
}

/// The full TLV at `pos` of DER `data`: (start, content start, end).
pub(crate) fn tlv(data: &[u8], pos: usize) -> Option<(usize, usize, usize)> {
    let h = read_header(data, pos).ok()?;
    let content = pos + h.size;
    let end = content.checked_add(h.len?)?;
    (end <= data.len()).then_some((pos, content, end))
}

/// The raw DER bytes of the first SignerInfo's `signedAttrs` `[0]`, with the
/// tag changed to SET (RFC 5652 §5.4: the signature covers the SET OF encoding).
pub(crate) fn raw_signed_attrs(content_info: &[u8]) -> Option<Vec<u8>> {
    // ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT SignedData }
    let (_, ci, _) = tlv(content_info, 0)?;
    let (_, _, oid_end) = tlv(content_info, ci)?;
    let (_, explicit, _) = tlv(content_info, oid_end)?;
    let (_, sd, sd_end) = tlv(content_info, explicit)?;
    let mut p = sd;
    // version, digestAlgorithms, encapContentInfo
    for _ in 0..3 {
        p = tlv(content_info, p)?.2;
    }
    // optional [0] certificates, [1] crls
    while p < sd_end && matches!(content_info.get(p), Some(0xa0 | 0xa1)) {
        p = tlv(content_info, p)?.2;
    }
    let (_, infos, _) = tlv(content_info, p)?;
    let (_, si, _) = tlv(content_info, infos)?;
    let mut q = si;
    // version, sid, digestAlgorithm
    for _ in 0..3 {
        q = tlv(content_info, q)?.2;
    }
    if content_info.get(q) != Some(&0xa0) {
        return None;
    }
    let (start, _, end) = tlv(content_info, q)?;
    let mut raw = content_info.get(start..end)?.to_vec();
    if let Some(first) = raw.first_mut() {
        *first = 0x31;
    }
    Some(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indefinite_lengths_become_definite() {
        // SEQUENCE (indefinite) { INTEGER 5, OCTET STRING constructed { "ab", "c" } } 00 00
        let ber = [
            0x30, 0x80, 0x02, 0x01, 0x05, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c',
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];
        let (der, end) = ber_to_der(&ber).unwrap();
        assert_eq!(
            der,
            [0x30, 0x08, 0x02, 0x01, 0x05, 0x04, 0x03, b'a', b'b', b'c']
        );
        assert_eq!(end, 18);
    }

    #[test]
    fn truncated_input_is_an_error() {
        assert!(ber_to_der(&[0x30, 0x80, 0x02, 0x01]).is_err());
        assert!(ber_to_der(&[0x30, 0x05, 0x02]).is_err());
        assert!(ber_to_der(&[]).is_err());
    }
}
