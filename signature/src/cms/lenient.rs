//! Lenient reading of a DER SignedData: what the strict RustCrypto decoders
//! refuse although it cannot change what was signed.
//!
//! - Certificates in `SignedData.certificates` that are not X.509 (the
//!   obsolete attribute certificates `[1]` and `[2]`, other formats `[3]`,
//!   RFC 5652 §10.2.2) are left out: a PDF signature is validated with X.509
//!   certificates only.
//! - Identical elements repeated in a SET OF (DER, X.690 §11.6, requires them
//!   sorted and `der` refuses duplicates) are kept once: the SETs of
//!   digestAlgorithms, certificates, crls, signerInfos, and of each
//!   SignerInfo's signed and unsigned attributes and their values.
//!
//! Each correction is reported, so that the caller can warn. Certificates and
//! CRLs are copied untouched (their signatures cover their bytes), and the
//! signed attributes that the signature covers are read from the bytes before
//! this pass (see [`super::ber::raw_signed_attrs`]).

use std::collections::HashSet;

use super::ber::{push_len, tlv};

/// Most elements read in one of the SETs above (the strict decoder sorts
/// them, in time quadratic in their number); more and the CMS is refused.
pub(crate) const MAX_SET_ELEMENTS: usize = 4096;

/// One correction made to read the SignedData.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Correction {
    /// A `certificates` element with this tag was not an X.509 certificate.
    NotX509(u8),
    /// An identical element occurred more than once in this SET OF.
    Duplicate(&'static str),
    /// This SET OF has more than [`MAX_SET_ELEMENTS`] elements: not read.
    TooMany(&'static str),
}

/// A corrected ContentInfo and what was corrected.
pub(crate) type Cleaned = (Vec<u8>, Vec<Correction>);

/// A TLV `(start, content start, end)`.
type Span = (usize, usize, usize);

/// Re-encodes one element, noting corrections.
type Rewrite = dyn Fn(&[u8], Span, &mut Vec<Correction>) -> Option<Vec<u8>>;

/// Element (start, content start, end) triples of the content `[from, to)`.
fn children(data: &[u8], from: usize, to: usize) -> Option<Vec<(usize, usize, usize)>> {
    let mut out = Vec::new();
    let mut p = from;
    while p < to {
        let t = tlv(data, p)?;
        if t.2 > to {
            return None;
        }
        p = t.2;
        out.push(t);
    }
    Some(out)
}

/// A TLV with the one-byte `tag` and a definite length around `body`.
fn wrap(tag: u8, body: &[u8]) -> Option<Vec<u8>> {
    let mut out = vec![tag];
    push_len(&mut out, body.len()).ok()?;
    out.extend_from_slice(body);
    Some(out)
}

/// The elements of a SET OF, identical repeats dropped.
fn dedup<'a>(
    data: &'a [u8],
    elements: &[(usize, usize, usize)],
    what: &'static str,
    notes: &mut Vec<Correction>,
) -> Vec<&'a [u8]> {
    let mut kept: Vec<&[u8]> = Vec::with_capacity(elements.len());
    let mut seen: HashSet<&[u8]> = HashSet::with_capacity(elements.len());
    for &(s, _, e) in elements {
        let bytes = data.get(s..e).unwrap_or_default();
        if seen.insert(bytes) {
            kept.push(bytes);
        } else if !notes.contains(&Correction::Duplicate(what)) {
            notes.push(Correction::Duplicate(what));
        }
    }
    kept
}

/// A SET OF (any tag) with identical repeats dropped, re-encoded.
fn set(
    data: &[u8],
    node: (usize, usize, usize),
    what: &'static str,
    notes: &mut Vec<Correction>,
    each: Option<&Rewrite>,
) -> Option<Vec<u8>> {
    let (s, c, e) = node;
    let kids = children(data, c, e)?;
    if kids.len() > MAX_SET_ELEMENTS {
        notes.push(Correction::TooMany(what));
        return None;
    }
    let mut body = Vec::new();
    let mut seen: HashSet<Vec<u8>> = HashSet::with_capacity(kids.len());
    for &(ks, kc, ke) in &kids {
        let element = match each {
            Some(f) => f(data, (ks, kc, ke), notes)?,
            None => data.get(ks..ke)?.to_vec(),
        };
        if seen.contains(&element) {
            if !notes.contains(&Correction::Duplicate(what)) {
                notes.push(Correction::Duplicate(what));
            }
            continue;
        }
        body.extend_from_slice(&element);
        seen.insert(element);
    }
    wrap(*data.get(s)?, &body)
}

/// An Attribute `SEQUENCE { type, SET OF value }` with repeated values dropped.
fn attribute(
    data: &[u8],
    node: (usize, usize, usize),
    notes: &mut Vec<Correction>,
) -> Option<Vec<u8>> {
    let (s, c, e) = node;
    let kids = children(data, c, e)?;
    let mut body = Vec::new();
    for (i, &k) in kids.iter().enumerate() {
        if i == 1 && data.get(k.0) == Some(&0x31) {
            body.extend(set(data, k, "attrValues", notes, None)?);
        } else {
            body.extend_from_slice(data.get(k.0..k.2)?);
        }
    }
    wrap(*data.get(s)?, &body)
}

/// A SignerInfo with its attribute SETs cleaned.
fn signer_info(
    data: &[u8],
    node: (usize, usize, usize),
    notes: &mut Vec<Correction>,
) -> Option<Vec<u8>> {
    let (s, c, e) = node;
    let kids = children(data, c, e)?;
    let mut body = Vec::new();
    for (i, &k) in kids.iter().enumerate() {
        match data.get(k.0) {
            // signedAttrs [0] after version, sid, digestAlgorithm
            Some(0xa0) if i == 3 => {
                body.extend(set(data, k, "signedAttrs", notes, Some(&attribute))?);
            }
            Some(0xa1) if i >= 5 => {
                body.extend(set(data, k, "unsignedAttrs", notes, Some(&attribute))?);
            }
            _ => body.extend_from_slice(data.get(k.0..k.2)?),
        }
    }
    wrap(*data.get(s)?, &body)
}

/// The ContentInfo `der` with the corrections above, and what was corrected;
/// `Ok(None)` when it is not shaped as a ContentInfo holding a SignedData (the
/// strict decoder then reports the error).
///
/// # Errors
/// The name of a SET OF with more than [`MAX_SET_ELEMENTS`] elements.
pub(crate) fn clean(der: &[u8]) -> Result<Option<Cleaned>, &'static str> {
    let mut notes = Vec::new();
    let cleaned = clean_into(der, &mut notes);
    if let Some(what) = notes.iter().find_map(|n| match n {
        Correction::TooMany(what) => Some(*what),
        _ => None,
    }) {
        return Err(what);
    }
    Ok(cleaned.map(|c| (c, notes)))
}

fn clean_into(der: &[u8], notes: &mut Vec<Correction>) -> Option<Vec<u8>> {
    let (ci_s, ci_c, ci_e) = tlv(der, 0)?;
    let ci = children(der, ci_c, ci_e)?;
    let (&oid, &explicit) = (ci.first()?, ci.get(1)?);
    let (_, ex_c, ex_e) = explicit;
    let sd = *children(der, ex_c, ex_e)?.first()?;
    let fields = children(der, sd.1, sd.2)?;
    let mut body = Vec::new();
    for (i, &f) in fields.iter().enumerate() {
        let tag = *der.get(f.0)?;
        match tag {
            0x31 if i == 1 => body.extend(set(der, f, "digestAlgorithms", notes, None)?),
            0xa0 if i >= 3 => {
                // certificates: X.509 only, each once.
                let all = children(der, f.1, f.2)?;
                if all.len() > MAX_SET_ELEMENTS {
                    notes.push(Correction::TooMany("certificates"));
                    return None;
                }
                let mut kept = Vec::new();
                for k in all {
                    let t = *der.get(k.0)?;
                    if t == 0x30 {
                        kept.push(k);
                    } else {
                        notes.push(Correction::NotX509(t));
                    }
                }
                let certs: Vec<u8> = dedup(der, &kept, "certificates", notes).concat();
                body.extend(wrap(0xa0, &certs)?);
            }
            0xa1 if i >= 3 => body.extend(set(der, f, "crls", notes, None)?),
            0x31 if i + 1 == fields.len() && i >= 3 => {
                body.extend(set(der, f, "signerInfos", notes, Some(&signer_info))?);
            }
            _ => body.extend_from_slice(der.get(f.0..f.2)?),
        }
    }
    let sd = wrap(*der.get(sd.0)?, &body)?;
    let explicit = wrap(*der.get(explicit.0)?, &sd)?;
    let mut content = der.get(oid.0..oid.2)?.to_vec();
    content.extend(explicit);
    wrap(*der.get(ci_s)?, &content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_element_is_kept_once() {
        // SET { INTEGER 1, INTEGER 1, INTEGER 2 }
        let data = [
            0x31, 0x09, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02,
        ];
        let mut notes = Vec::new();
        let out = set(&data, (0, 2, data.len()), "test", &mut notes, None).unwrap();
        assert_eq!(out, [0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02]);
        assert_eq!(notes, [Correction::Duplicate("test")]);
        let mut notes = Vec::new();
        let once = set(&out, (0, 2, out.len()), "test", &mut notes, None).unwrap();
        assert_eq!(once, out);
        assert!(notes.is_empty());
    }

    #[test]
    fn a_set_over_the_bound_is_refused() {
        // ContentInfo { OID, [0] { SignedData { version, SET { 100 000 × NULL } } } }
        let nulls = [0x05, 0x00].repeat(100_000);
        let mut set_of = vec![0x31];
        push_len(&mut set_of, nulls.len()).unwrap();
        set_of.extend(nulls);
        let mut sd_body = vec![0x02, 0x01, 0x01];
        sd_body.extend(set_of);
        let sd = wrap(0x30, &sd_body).unwrap();
        let explicit = wrap(0xa0, &sd).unwrap();
        let mut ci_body = vec![0x06, 0x01, 0x2a];
        ci_body.extend(explicit);
        let ci = wrap(0x30, &ci_body).unwrap();
        assert_eq!(clean(&ci), Err("digestAlgorithms"));
        // At the bound, identical elements: read once, quickly.
        let nulls = [0x05, 0x00].repeat(MAX_SET_ELEMENTS);
        let mut set_of = vec![0x31];
        push_len(&mut set_of, nulls.len()).unwrap();
        set_of.extend(nulls);
        let mut sd_body = vec![0x02, 0x01, 0x01];
        sd_body.extend(set_of);
        let sd = wrap(0x30, &sd_body).unwrap();
        let explicit = wrap(0xa0, &sd).unwrap();
        let mut ci_body = vec![0x06, 0x01, 0x2a];
        ci_body.extend(explicit);
        let ci = wrap(0x30, &ci_body).unwrap();
        let (out, notes) = clean(&ci).unwrap().unwrap();
        assert_eq!(notes, [Correction::Duplicate("digestAlgorithms")]);
        assert!(out.len() < 32);
    }

    #[test]
    fn malformed_input_is_none() {
        assert_eq!(clean(&[0x30, 0x03, 0x06, 0x01]), Ok(None));
        assert_eq!(clean(&[]), Ok(None));
    }
}
