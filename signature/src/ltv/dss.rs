//! The Document Security Store (`/DSS`, ISO 32000-2 §12.8.4.3; ETSI EN 319
//! 142-1 §5.4.2): certificates, CRLs and OCSP responses the document carries,
//! in its `/Certs`, `/CRLs`, `/OCSPs` arrays and in the per-signature `/VRI`
//! dictionaries.

use crate::pdf::layout::Layout;
use crate::pdf::object::{Dict, Obj};

/// The validation data of a document's `/DSS`, as DER encodings.
#[derive(Debug, Clone, Default)]
pub(crate) struct Dss {
    pub(crate) certs: Vec<Vec<u8>>,
    pub(crate) crls: Vec<Vec<u8>>,
    pub(crate) ocsps: Vec<Vec<u8>>,
    /// Keys of `/VRI` (upper-case hex SHA-1 of a signature's `/Contents` value).
    pub(crate) vri: Vec<String>,
    /// The first revision whose catalog has a `/DSS`.
    pub(crate) first_revision: Option<usize>,
}

fn catalog(layout: &Layout, revision: usize) -> Option<&Dict> {
    let root = (0..=revision)
        .rev()
        .find_map(|r| layout.trailer_of(r).and_then(|t| t.reference(b"Root")))?;
    layout.resolve_at(root, revision)?.value.dict()
}

/// Reads the `/DSS` of the last revision. At most `max` items per array and
/// `budget` decompressed bytes in all; anything unreadable is left out.
pub(crate) fn read(layout: &Layout, data: &[u8], max: usize, budget: usize) -> Dss {
    let mut out = Dss::default();
    let Some(view) = layout.revisions.len().checked_sub(1) else {
        return out;
    };
    out.first_revision =
        (0..=view).find(|&r| catalog(layout, r).is_some_and(|c| c.get(b"DSS").is_some()));
    let resolve = |o: Option<&Obj>| -> Option<Obj> {
        match o? {
            Obj::Ref(id) => layout.resolve_at(*id, view).map(|d| d.value.clone()),
            other => Some(other.clone()),
        }
    };
    let Some(Obj::Dict(dss)) = catalog(layout, view).and_then(|c| resolve(c.get(b"DSS"))) else {
        return out;
    };
    let mut left = budget;
    let mut streams = |dict: &Dict, key: &[u8], into: &mut Vec<Vec<u8>>| {
        let Some(Obj::Array(items)) = resolve(dict.get(key)) else {
            return;
        };
        for item in items.iter().take(max) {
            if into.len() >= max {
                return;
            }
            if let Some(Obj::Stream {
                dict,
                data_start,
                data_end,
            }) = resolve(Some(item))
                && let Some(raw) = data.get(data_start..data_end)
                && let Some(decoded) = crate::pdf::filter::decode(&dict, raw, left)
            {
                left = left.saturating_sub(decoded.len());
                if !into.contains(&decoded) {
                    into.push(decoded);
                }
            }
        }
    };
    streams(&dss, b"Certs", &mut out.certs);
    streams(&dss, b"CRLs", &mut out.crls);
    streams(&dss, b"OCSPs", &mut out.ocsps);
    // Per-signature entries (ETSI EN 319 142-1 §5.4.2.3): usually repeats of
    // the arrays above, but a writer may put data only there.
    if let Some(Obj::Dict(vri)) = resolve(dss.get(b"VRI")) {
        for (key, entry) in vri.entries.iter().take(max) {
            out.vri
                .push(String::from_utf8_lossy(key).to_ascii_uppercase());
            if let Some(Obj::Dict(entry)) = resolve(Some(entry)) {
                streams(&entry, b"Cert", &mut out.certs);
                streams(&entry, b"CRL", &mut out.crls);
                streams(&entry, b"OCSP", &mut out.ocsps);
            }
        }
    }
    out
}
