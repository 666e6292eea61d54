//! PAdES B-LT and B-LTA (ETSI EN 319 142-1 §5.4, §6.3): validation data added
//! to the `/DSS` in an incremental update, and a document time-stamp over it.
//! The caller fetches the CRLs, OCSP responses and time-stamp tokens: this
//! crate never opens a network connection.

use chrono::{DateTime, FixedOffset};

use crate::error::Error;
use crate::limits::Limits;
use crate::pdf::layout::Layout;
use crate::pdf::object::{Dict, Obj, ObjectId};
use crate::pdf::write::write_obj;

use super::options::{SignOptions, SubFilter};
use super::prepare::{Latest, name, prepare};

/// Validation data for the signatures of a document (ETSI EN 319 142-1
/// §5.4.2): DER certificates, CRLs and OCSP responses (`OCSPResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidationData {
    /// Certificates of the signers' and time-stamp authorities' paths.
    pub certs: Vec<Vec<u8>>,
    /// CRLs (RFC 5280 §5).
    pub crls: Vec<Vec<u8>>,
    /// OCSP responses (RFC 6960 §4.2.1).
    pub ocsps: Vec<Vec<u8>>,
}

impl ValidationData {
    /// No data.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
}

/// Appends an incremental update that adds `data` to the document security
/// store (`/DSS` with `/Certs`, `/CRLs`, `/OCSPs`; created when absent,
/// existing entries kept), so that the signatures reach PAdES B-LT. Adding
/// the `/DSS` is a change every signature permits (ETSI EN 319 142-1 §5.4).
///
/// # Errors
/// When `pdf` cannot be read or has no catalog.
pub fn add_validation_data(
    pdf: &[u8],
    data: &ValidationData,
    limits: &Limits,
) -> Result<Vec<u8>, Error> {
    let layout = Layout::parse(pdf, limits)?;
    layout.require_whole()?;
    let Latest {
        last,
        trailer,
        root,
        catalog,
        next_number,
    } = Latest::of(&layout)?;
    let resolve = |o: Option<&Obj>| -> Option<Obj> {
        match o? {
            Obj::Ref(id) => layout.resolve_at(*id, last).map(|d| d.value.clone()),
            other => Some(other.clone()),
        }
    };
    let mut next = next_number;
    let mut alloc = || {
        let id = ObjectId {
            number: next,
            generation: 0,
        };
        next = next.saturating_add(1);
        id
    };
    let dss_ref = catalog.reference(b"DSS");
    let mut dss = match resolve(catalog.get(b"DSS")) {
        Some(Obj::Dict(d)) => d,
        _ => Dict::default(),
    };
    let mut streams: Vec<(ObjectId, &[u8])> = Vec::new();
    for (key, items) in [
        (&b"Certs"[..], &data.certs),
        (&b"CRLs"[..], &data.crls),
        (&b"OCSPs"[..], &data.ocsps),
    ] {
        if items.is_empty() {
            continue;
        }
        let mut array = match resolve(dss.get(key)) {
            Some(Obj::Array(a)) => a,
            _ => Vec::new(),
        };
        for item in items {
            let id = alloc();
            streams.push((id, item.as_slice()));
            array.push(Obj::Ref(id));
        }
        dss.entries.retain(|(k, _)| k.as_slice() != key);
        dss.entries.push((key.to_vec(), Obj::Array(array)));
    }
    if dss.get(b"Type").is_none() {
        dss.entries.push((b"Type".to_vec(), name("DSS")));
    }
    let dss_id = dss_ref.unwrap_or_else(&mut alloc);
    let mut objects: Vec<(ObjectId, Obj)> = vec![(dss_id, Obj::Dict(dss))];
    if dss_ref.is_none() {
        let mut cat = catalog.clone();
        cat.entries.retain(|(k, _)| k.as_slice() != b"DSS");
        cat.entries.push((b"DSS".to_vec(), Obj::Ref(dss_id)));
        objects.push((root, Obj::Dict(cat)));
    }

    let mut out = pdf.to_vec();
    if !out.ends_with(b"\n") && !out.ends_with(b"\r") {
        out.push(b'\n');
    }
    let mut offsets: Vec<(u32, u16, usize)> = Vec::new();
    for (id, body) in &streams {
        offsets.push((id.number, id.generation, out.len()));
        out.extend_from_slice(
            format!(
                "{} {} obj\n<</Length {}>>\nstream\n",
                id.number,
                id.generation,
                body.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    for (id, obj) in &objects {
        offsets.push((id.number, id.generation, out.len()));
        out.extend_from_slice(format!("{} {} obj\n", id.number, id.generation).as_bytes());
        write_obj(&mut out, obj, pdf);
        out.extend_from_slice(b"\nendobj\n");
    }
    let mut new_trailer = Dict::default();
    new_trailer
        .entries
        .push((b"Size".to_vec(), Obj::Int(i64::from(next))));
    new_trailer.entries.push((b"Root".to_vec(), Obj::Ref(root)));
    for key in [&b"Info"[..], &b"ID"[..]] {
        if let Some(v) = trailer.get(key) {
            new_trailer.entries.push((key.to_vec(), v.clone()));
        }
    }
    if let Some(&(_, prev)) = layout.startxrefs.last() {
        new_trailer
            .entries
            .push((b"Prev".to_vec(), Obj::Int(i64::try_from(prev).unwrap_or(0))));
    }
    write_xref(&mut out, offsets, &new_trailer);
    Ok(out)
}

/// Appends a classic cross-reference section for `offsets` and the trailer.
pub(crate) fn write_xref(out: &mut Vec<u8>, mut offsets: Vec<(u32, u16, usize)>, trailer: &Dict) {
    let xref_at = out.len();
    offsets.sort_by_key(|o| o.0);
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    let mut i = 0;
    while let Some(&(first, _, _)) = offsets.get(i) {
        let mut j = i;
        while offsets
            .get(j + 1)
            .zip(u32::try_from(j + 1 - i).ok())
            .is_some_and(|(o, step)| o.0 == first.saturating_add(step))
        {
            j += 1;
        }
        out.extend_from_slice(format!("{} {}\n", first, j + 1 - i).as_bytes());
        for &(_, generation, offset) in offsets.get(i..=j).unwrap_or_default() {
            out.extend_from_slice(format!("{offset:010} {generation:05} n \n").as_bytes());
        }
        i = j + 1;
    }
    out.extend_from_slice(b"trailer\n");
    write_obj(out, &Obj::Dict(trailer.clone()), &[]);
    out.extend_from_slice(format!("\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
}

/// Appends a document time-stamp (`/Type /DocTimeStamp`, `/SubFilter
/// /ETSI.RFC3161`, ETSI EN 319 142-1 §5.4.3) over the whole file, so that
/// signatures with their validation data reach PAdES B-LTA. `tsa` receives
/// the bytes the time-stamp covers and returns an RFC 3161 time-stamp token
/// over their digest (RFC 3161 §2.4.2), from a TSA the caller contacts; `time`
/// goes into `/M`, `reserve` bytes are kept for the token.
///
/// # Errors
/// As [`prepare`], what `tsa` returns, or when the token does not fit.
pub fn add_document_time_stamp<F>(
    pdf: &[u8],
    time: DateTime<FixedOffset>,
    reserve: usize,
    limits: &Limits,
    tsa: F,
) -> Result<Vec<u8>, Error>
where
    F: FnOnce(&[u8]) -> Result<Vec<u8>, Error>,
{
    let mut options = SignOptions::new(time);
    options.sub_filter = SubFilter::DocTimeStamp;
    options.reserve = reserve;
    options.limits = *limits;
    let prepared = prepare(pdf, &options)?;
    let token = tsa(&prepared.signed_bytes())?;
    prepared.insert_cms(&token)
}
