//! What a signature permits to change after it, level by level, and the grade
//! of every change the later revisions made.
//!
//! The policy is a whitelist (`docs/signature-policy.md` §9): each object a
//! later revision defines, each cross-reference entry and each trailer change
//! must be explained by one of the rules below, and is graded with the least
//! [`ModificationLevel`] that permits it. A certification signature permits
//! the level of its DocMDP `P` (ISO 32000-1 §12.8.2.2, Table 254; ISO 32000-2
//! §12.8.2.2): `P=1` long-term validation data only (ETSI EN 319 142-1 §5.4),
//! `P=2` form filling and signing, `P=3` annotations as well. An approval
//! signature permits form filling and signing. Objects are always judged
//! against the signed revision, so that a later revision cannot launder an
//! earlier one's change.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use super::diff::{
    Modification, ModificationKind as K, ModificationLevel as L, catalog_id, page_order, refs,
};
use super::layout::{Layout, ObjectDef, XrefSection};
use super::locate::LocatedSignature;
use super::object::{Dict, Obj, ObjectId};

/// Keys of a form field or widget that filling the form may change (pyHanko's
/// set, after ISO 32000-1 §12.7.3 and §12.5.2): value, appearance, appearance
/// state, annotation and field flags, default appearance and quadding; and a
/// choice field's selected indices, part of its value (ISO 32000-1 §12.7.4.4,
/// Table 231).
const VALUE_KEYS: &[&[u8]] = &[b"V", b"I", b"AP", b"AS", b"F", b"DA", b"Q", b"Ff", b"Type"];
/// Keys a signature field may change without being filled.
const ALWAYS_KEYS: &[&[u8]] = &[b"Ff", b"Type"];
/// Catalog keys that a permitted update may change; each is checked on its own.
const CATALOG_KEYS: &[&[u8]] = &[
    b"AcroForm",
    b"DSS",
    b"Extensions",
    b"MarkInfo",
    b"Metadata",
    b"Version",
];
/// Interactive form keys a signature or form filling may change.
const ACROFORM_KEYS: &[&[u8]] = &[
    b"Fields",
    b"SigFlags",
    b"DR",
    b"DA",
    b"Q",
    b"NeedAppearances",
];
const ANNOT_SUBTYPES: &[&[u8]] = &[
    b"Text",
    b"Link",
    b"FreeText",
    b"Line",
    b"Square",
    b"Circle",
    b"Polygon",
    b"PolyLine",
    b"Highlight",
    b"Underline",
    b"Squiggly",
    b"StrikeOut",
    b"Stamp",
    b"Caret",
    b"Ink",
    b"Popup",
    b"FileAttachment",
    b"Sound",
    b"Movie",
    b"Widget",
    b"Screen",
    b"PrinterMark",
    b"TrapNet",
    b"Watermark",
    b"3D",
    b"Redact",
    b"RichMedia",
];

/// The most a signature permits: its DocMDP `P` (1, 2 or 3) or, for an
/// approval signature (`None`), form filling and signing.
#[must_use]
pub(crate) const fn permitted(docmdp: Option<u8>) -> L {
    match docmdp {
        Some(1) => L::LtaUpdates,
        Some(3) => L::Annotations,
        _ => L::FormFilling,
    }
}

/// The DocMDP permission of a signature: `/P` of its DocMDP transform
/// (ISO 32000-1 §12.8.2.2, 2 when absent), else `/P` of its field's lock
/// dictionary (a PDF 2.0 entry, ISO 32000-2 §12.7.5.5).
pub(crate) fn docmdp_of(layout: &Layout, sig: &LocatedSignature, signed: usize) -> Option<u8> {
    let clamp = |p: Option<&Obj>| match resolve(layout, p, signed) {
        Some(Obj::Int(p)) => u8::try_from((*p).clamp(1, 3)).ok(),
        _ => Some(2),
    };
    let dict = layout
        .resolve_at(sig.object, signed)
        .and_then(|d| d.value.dict());
    if let Some(Obj::Array(items)) = dict.and_then(|d| resolve(layout, d.get(b"Reference"), signed))
    {
        for item in items {
            let Some(Obj::Dict(r)) = resolve(layout, Some(item), signed) else {
                continue;
            };
            if r.name(b"TransformMethod") == Some(b"DocMDP") {
                return match resolve(layout, r.get(b"TransformParams"), signed) {
                    Some(Obj::Dict(tp)) => clamp(tp.get(b"P")),
                    _ => Some(2),
                };
            }
        }
    }
    let field = sig.widget.as_ref().map(|w| w.field)?;
    let lock = layout
        .resolve_at(field, signed)
        .and_then(|d| d.value.dict())
        .and_then(|f| resolve(layout, f.get(b"Lock"), signed));
    match lock {
        Some(Obj::Dict(l)) if l.get(b"P").is_some() => clamp(l.get(b"P")),
        _ => None,
    }
}

/// The form fields a signature locks: the `/Action` and `/Fields` of its
/// FieldMDP transform (ISO 32000-1 §12.8.2.4) or of its field's lock
/// dictionary (ISO 32000-1 §12.7.4.5, Table 233; ISO 32000-2 §12.7.5.5).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum FieldLock {
    /// No field is locked.
    #[default]
    Nothing,
    /// Every field.
    All,
    /// The fields named (fully qualified).
    Include(BTreeSet<String>),
    /// Every field but those named.
    Exclude(BTreeSet<String>),
}

impl FieldLock {
    fn locks(&self, name: &str) -> bool {
        match self {
            Self::Nothing => false,
            Self::All => true,
            Self::Include(names) => names.contains(name),
            Self::Exclude(names) => !names.contains(name),
        }
    }

    fn from_dict(layout: &Layout, d: &Dict, rev: usize) -> Self {
        let names = || -> BTreeSet<String> {
            match resolve(layout, d.get(b"Fields"), rev) {
                Some(Obj::Array(items)) => items
                    .iter()
                    .filter_map(|i| match resolve(layout, Some(i), rev) {
                        Some(Obj::Str { bytes, .. }) => {
                            Some(super::write::decode_text_string(bytes))
                        }
                        _ => None,
                    })
                    .collect(),
                _ => BTreeSet::new(),
            }
        };
        match d.name(b"Action") {
            Some(b"All") => Self::All,
            Some(b"Include") => Self::Include(names()),
            Some(b"Exclude") => Self::Exclude(names()),
            _ => Self::Nothing,
        }
    }
}

/// What signature `sig` locks.
pub(crate) fn field_lock(layout: &Layout, sig: &LocatedSignature, signed: usize) -> FieldLock {
    let dict = layout
        .resolve_at(sig.object, signed)
        .and_then(|d| d.value.dict());
    if let Some(Obj::Array(items)) = dict.and_then(|d| resolve(layout, d.get(b"Reference"), signed))
    {
        for item in items {
            if let Some(Obj::Dict(r)) = resolve(layout, Some(item), signed)
                && r.name(b"TransformMethod") == Some(b"FieldMDP")
                && let Some(Obj::Dict(tp)) = resolve(layout, r.get(b"TransformParams"), signed)
            {
                return FieldLock::from_dict(layout, tp, signed);
            }
        }
    }
    let lock = sig
        .widget
        .as_ref()
        .and_then(|w| dict_at(layout, w.field, signed))
        .and_then(|f| resolve(layout, f.get(b"Lock"), signed));
    match lock {
        Some(Obj::Dict(l)) => FieldLock::from_dict(layout, l, signed),
        _ => FieldLock::Nothing,
    }
}

/// The fully qualified name of a field or widget: the `/T` of it and its
/// ancestors, joined by periods (ISO 32000-1 §12.7.3.2).
fn full_name(layout: &Layout, d: &Dict, rev: usize) -> String {
    let mut parts = Vec::new();
    let mut current = Some(d);
    for _ in 0..32 {
        let Some(node) = current else { break };
        if let Some(t) = node.string(b"T") {
            parts.push(super::write::decode_text_string(t));
        }
        current = node
            .reference(b"Parent")
            .and_then(|p| dict_at(layout, p, rev));
    }
    parts.reverse();
    parts.join(".")
}

/// `o`, through one reference when it is one.
fn resolve<'a>(layout: &'a Layout, o: Option<&'a Obj>, rev: usize) -> Option<&'a Obj> {
    match o? {
        Obj::Ref(id) => layout.resolve_at(*id, rev).map(|d| &d.value),
        other => Some(other),
    }
}

fn dict_at(layout: &Layout, id: ObjectId, rev: usize) -> Option<&Dict> {
    layout.resolve_at(id, rev).and_then(|d| d.value.dict())
}

/// Structural equality, ignoring where things are in the file.
pub(crate) fn same(a: &Obj, b: &Obj, data: &[u8]) -> bool {
    match (a, b) {
        // Literal or hexadecimal, a string is its bytes (ISO 32000-1 §7.3.4).
        (Obj::Str { bytes: x, .. }, Obj::Str { bytes: y, .. }) => x == y,
        (Obj::Array(x), Obj::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q, data))
        }
        (Obj::Dict(x), Obj::Dict(y)) => same_dict(x, y, data, &[]),
        (
            Obj::Stream {
                dict: dx,
                data_start: sx,
                data_end: ex,
            },
            Obj::Stream {
                dict: dy,
                data_start: sy,
                data_end: ey,
            },
        ) => same_dict(dx, dy, data, &[b"Length"]) && data.get(*sx..*ex) == data.get(*sy..*ey),
        (Obj::Real(x), Obj::Real(y)) => x.to_bits() == y.to_bits(),
        // A number is its value: `612.0` and `612` are the same width
        // (ISO 32000-1 §7.3.3; writers in use rewrite one as the other).
        (Obj::Real(r), Obj::Int(i)) | (Obj::Int(i), Obj::Real(r)) => same_number(*r, *i),
        _ => a == b,
    }
}

/// True when the real `r` is exactly the integer `i`.
#[allow(
    clippy::cast_precision_loss,
    reason = "integers in PDF files are far below 2^53; a larger one compares unequal, which only refuses"
)]
fn same_number(r: f64, i: i64) -> bool {
    r.to_bits() == (i as f64).to_bits()
}

/// The keys whose values differ between `a` and `b` (added and removed included).
fn changed_keys<'a>(a: &'a Dict, b: &'a Dict, data: &[u8]) -> BTreeSet<&'a [u8]> {
    // Indexed, so that a dictionary with many keys costs n log n, not n².
    let index = |d: &'a Dict| {
        let mut m: BTreeMap<&'a [u8], (usize, &'a Obj)> = BTreeMap::new();
        for (k, v) in &d.entries {
            m.entry(k.as_slice()).or_insert((0, v)).0 += 1;
        }
        m
    };
    let (ia, ib) = (index(a), index(b));
    ia.keys()
        .chain(ib.keys())
        .copied()
        .filter(|k| match (ia.get(k), ib.get(k)) {
            (Some((ca, x)), Some((cb, y))) => ca != cb || !same(x, y, data),
            _ => true,
        })
        .collect()
}

/// Dictionaries equal except for the keys in `except`.
pub(crate) fn same_dict(a: &Dict, b: &Dict, data: &[u8], except: &[&[u8]]) -> bool {
    changed_keys(a, b, data).iter().all(|k| except.contains(k))
}

fn only(changed: &BTreeSet<&[u8]>, allowed: &[&[u8]]) -> bool {
    changed.iter().all(|k| allowed.contains(k))
}

fn is_annotation(d: &Dict) -> bool {
    d.name(b"Type") == Some(b"Annot")
        || d.name(b"Subtype")
            .is_some_and(|s| ANNOT_SUBTYPES.contains(&s))
}

fn is_widget(d: &Dict) -> bool {
    d.name(b"Subtype") == Some(b"Widget")
}

/// The field dictionary that gives `d` its type: `d` itself or the nearest
/// ancestor with `/FT` (the field type is inheritable, ISO 32000-1 §12.7.3.1).
fn typed_field<'a>(layout: &'a Layout, d: &'a Dict, rev: usize) -> Option<&'a Dict> {
    let mut current = d;
    for _ in 0..32 {
        if current.name(b"FT").is_some() {
            return Some(current);
        }
        current = dict_at(layout, current.reference(b"Parent")?, rev)?;
    }
    None
}

/// A form field or a widget. Markup annotations also have `/T` (their author)
/// and `/Parent` (a pop-up's), so an annotation other than a widget is not one.
fn is_form_node(layout: &Layout, d: &Dict, rev: usize) -> bool {
    is_widget(d)
        || (!is_annotation(d)
            && (d.get(b"FT").is_some()
                || d.get(b"T").is_some()
                || typed_field(layout, d, rev).is_some()))
}

/// `Some(signed)` when `d` is a signature field or one of its widgets.
fn signature_state(layout: &Layout, d: &Dict, rev: usize) -> Option<bool> {
    let field = typed_field(layout, d, rev)?;
    (field.name(b"FT") == Some(b"Sig")).then(|| field.get(b"V").is_some())
}

fn rect_area(d: &Dict) -> f64 {
    let Some(Obj::Array(items)) = d.get(b"Rect") else {
        return 0.0;
    };
    let v: Vec<f64> = items
        .iter()
        .filter_map(|o| match o {
            Obj::Int(i) => Some(*i as f64),
            Obj::Real(r) => Some(*r),
            _ => None,
        })
        .collect();
    match v.as_slice() {
        [x1, y1, x2, y2] => ((x2 - x1) * (y2 - y1)).abs(),
        _ => 0.0,
    }
}

/// A field or widget with an area on a page (itself or one of its kids).
fn visible(layout: &Layout, d: &Dict, rev: usize) -> bool {
    rect_area(d) > 0.0
        || refs(d.get(b"Kids"))
            .iter()
            .filter_map(|k| dict_at(layout, *k, rev))
            .any(|k| rect_area(k) > 0.0)
}

/// The references inside `o` (not followed), counted.
fn count_refs(o: &Obj, out: &mut BTreeMap<ObjectId, u32>) {
    match o {
        Obj::Ref(id) => *out.entry(*id).or_default() += 1,
        Obj::Array(items) => items.iter().for_each(|i| count_refs(i, out)),
        Obj::Dict(d) | Obj::Stream { dict: d, .. } => {
            d.entries.iter().for_each(|(_, v)| count_refs(v, out));
        }
        _ => {}
    }
}

/// The references of an appearance dictionary's `/N`, `/R`, `/D` (streams, or
/// state dictionaries of streams).
fn appearance_streams(layout: &Layout, ap: &Dict, rev: usize) -> Vec<ObjectId> {
    let mut out = Vec::new();
    for key in [&b"N"[..], b"R", b"D"] {
        match ap.get(key) {
            Some(Obj::Ref(id)) => {
                // A reference to a dictionary of states, or to a stream.
                match layout.resolve_at(*id, rev).map(|d| &d.value) {
                    Some(Obj::Dict(states)) => {
                        out.push(*id);
                        out.extend(states.entries.iter().filter_map(|(_, v)| match v {
                            Obj::Ref(s) => Some(*s),
                            _ => None,
                        }));
                    }
                    _ => out.push(*id),
                }
            }
            Some(Obj::Dict(states)) => {
                out.extend(states.entries.iter().filter_map(|(_, v)| match v {
                    Obj::Ref(s) => Some(*s),
                    _ => None,
                }));
            }
            _ => {}
        }
    }
    out
}

/// Signature fields and their widgets, found from the form's `/Fields` down
/// through `/Kids` (the field type is inherited, and a widget need not name its
/// parent, ISO 32000-1 §12.7.3.1).
fn signature_nodes(layout: &Layout, catalog: Option<&Dict>, rev: usize) -> BTreeSet<ObjectId> {
    let mut out = BTreeSet::new();
    let form = catalog.and_then(|c| resolve(layout, c.get(b"AcroForm"), rev));
    let Some(Obj::Dict(form)) = form else {
        return out;
    };
    let mut stack: Vec<(ObjectId, bool, usize)> = refs(resolve(layout, form.get(b"Fields"), rev))
        .into_iter()
        .map(|id| (id, false, 0))
        .collect();
    let mut seen = BTreeSet::new();
    while let Some((id, inherited, depth)) = stack.pop() {
        if depth > 32 || seen.len() > 100_000 || !seen.insert(id) {
            continue;
        }
        let Some(d) = dict_at(layout, id, rev) else {
            continue;
        };
        let sig = match d.name(b"FT") {
            Some(ft) => ft == b"Sig",
            None => inherited,
        };
        if sig {
            out.insert(id);
        }
        for kid in refs(resolve(layout, d.get(b"Kids"), rev)) {
            stack.push((kid, sig, depth + 1));
        }
    }
    out
}

/// The level of signing a signature field: an invisible document time-stamp
/// is long-term validation data (ETSI EN 319 142-1 §5.4), any other value or a
/// visible field is signing.
fn signing_level(layout: &Layout, field: &Dict, rev: usize) -> L {
    let value = typed_field(layout, field, rev)
        .unwrap_or(field)
        .reference(b"V")
        .and_then(|v| dict_at(layout, v, rev));
    let time_stamp = value.is_some_and(|v| v.name(b"Type") == Some(b"DocTimeStamp"));
    if visible(layout, field, rev) || (value.is_some() && !time_stamp) {
        L::FormFilling
    } else {
        L::LtaUpdates
    }
}

/// Which part of the document security store an object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DssPart {
    Dss,
    Vri,
    VriEntry,
    Array,
}

/// The indirect objects that make up the `/DSS` structure (not its streams).
fn dss_parts(layout: &Layout, catalog: Option<&Dict>, rev: usize) -> BTreeMap<ObjectId, DssPart> {
    let mut out = BTreeMap::new();
    let follow = |o: Option<&Obj>, part: DssPart, out: &mut BTreeMap<ObjectId, DssPart>| {
        if let Some(Obj::Ref(id)) = o {
            out.entry(*id).or_insert(part);
        }
    };
    let Some(cat) = catalog else { return out };
    follow(cat.get(b"DSS"), DssPart::Dss, &mut out);
    let Some(Obj::Dict(dss)) = resolve(layout, cat.get(b"DSS"), rev) else {
        return out;
    };
    for key in [&b"Certs"[..], b"CRLs", b"OCSPs"] {
        follow(dss.get(key), DssPart::Array, &mut out);
    }
    follow(dss.get(b"VRI"), DssPart::Vri, &mut out);
    let Some(Obj::Dict(vri)) = resolve(layout, dss.get(b"VRI"), rev) else {
        return out;
    };
    for (_, entry) in vri.entries.iter().take(100_000) {
        follow(Some(entry), DssPart::VriEntry, &mut out);
        if let Some(Obj::Dict(e)) = resolve(layout, Some(entry), rev) {
            for key in [&b"Cert"[..], b"CRL", b"OCSP"] {
                follow(e.get(key), DssPart::Array, &mut out);
            }
        }
    }
    out
}

const DSS_KEYS: &[&[u8]] = &[b"Type", b"VRI", b"Certs", b"CRLs", b"OCSPs"];
const VRI_ENTRY_KEYS: &[&[u8]] = &[b"Type", b"TU", b"TS", b"Cert", b"CRL", b"OCSP"];

/// A `/DSS` or `/VRI` dictionary as ETSI EN 319 142-1 §5.4.2 defines it, that
/// keeps every validation-related entry it had (only new ones may be added).
fn dss_ok(part: DssPart, old: Option<&Obj>, new: &Obj, data: &[u8]) -> bool {
    match part {
        DssPart::Dss => new.dict().is_some_and(|d| {
            d.entries
                .iter()
                .all(|(k, _)| DSS_KEYS.contains(&k.as_slice()))
        }),
        DssPart::Vri => {
            let Some(n) = new.dict() else { return false };
            // A VRI key is the upper-case hexadecimal hash of a signature
            // value: SHA-1 in ETSI EN 319 142-1 §5.4.2.2, SHA-256 to SHA-512
            // from signers in use.
            let keys_ok = n.entries.iter().all(|(k, _)| {
                matches!(k.len(), 40 | 64 | 96 | 128)
                    && k.iter()
                        .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(b))
            });
            // Every entry of the old VRI is still there, unchanged.
            let kept = old
                .and_then(Obj::dict)
                .is_none_or(|o| changed_keys(o, n, data).iter().all(|k| o.get(k).is_none()));
            keys_ok && kept
        }
        DssPart::VriEntry => new.dict().is_some_and(|d| {
            d.entries
                .iter()
                .all(|(k, _)| VRI_ENTRY_KEYS.contains(&k.as_slice()))
        }),
        DssPart::Array => match new {
            Obj::Array(items) => items.iter().all(|i| matches!(i, Obj::Ref(_))),
            _ => false,
        },
    }
}

/// What the signed revision looked like, computed once per signature.
struct Signed<'a> {
    layout: &'a Layout,
    data: &'a [u8],
    rev: usize,
    catalog: Option<ObjectId>,
    catalog_dict: Option<&'a Dict>,
    info: Option<ObjectId>,
    /// How many times the objects of the signed revision reference each object.
    refs: BTreeMap<ObjectId, u32>,
    /// The uses of `refs` that are in private trailer keys (e.g. LibreOffice's
    /// `/AdditionalStreams`), which no reader follows to show the document.
    from_trailer: BTreeMap<ObjectId, u32>,
    /// Appearance streams and indirect appearance dictionaries, by the
    /// annotation or field that shows them.
    appearance_owner: BTreeMap<ObjectId, ObjectId>,
    /// Indirect `/Annots` arrays, by their page.
    annots_owner: BTreeMap<ObjectId, ObjectId>,
    pages: BTreeSet<ObjectId>,
    dss: BTreeMap<ObjectId, DssPart>,
    /// References from objects outside the security store (a store object
    /// also used elsewhere may not be rewritten as store data).
    outside_dss: BTreeMap<ObjectId, u32>,
    /// The fully qualified name of the field the last judged change filled
    /// or signed: each signature's field lock is applied to it afterwards,
    /// so that one analysis serves every signature over this revision.
    touched: RefCell<Option<String>>,
}

impl<'a> Signed<'a> {
    fn new(layout: &'a Layout, data: &'a [u8], rev: usize, index: &RevisionIndex<'_>) -> Self {
        let catalog = catalog_id(layout, rev);
        let catalog_dict = catalog.and_then(|c| dict_at(layout, c, rev));
        let dss = dss_parts(layout, catalog_dict, rev);
        let mut refs = BTreeMap::new();
        let mut outside_dss = BTreeMap::new();
        let mut appearance_owner = BTreeMap::new();
        // The objects defined up to the signed revision (not every later one).
        let defined: BTreeSet<ObjectId> = index
            .objects
            .get(..=rev)
            .unwrap_or(&index.objects)
            .iter()
            .flatten()
            .map(|d| d.id)
            .collect();
        for id in &defined {
            let Some(def) = layout.resolve_at(*id, rev) else {
                continue;
            };
            count_refs(&def.value, &mut refs);
            if !dss.contains_key(id) {
                match (Some(*id) == catalog, &def.value) {
                    // The catalog's own /DSS entry is the store's, not a use from outside.
                    (true, Obj::Dict(c)) => c
                        .entries
                        .iter()
                        .filter(|(k, _)| k.as_slice() != b"DSS")
                        .for_each(|(_, v)| count_refs(v, &mut outside_dss)),
                    _ => count_refs(&def.value, &mut outside_dss),
                }
            }
            let Some(d) = def.value.dict() else { continue };
            match d.get(b"AP") {
                Some(Obj::Ref(ap)) => {
                    appearance_owner.insert(*ap, *id);
                    if let Some(apd) = dict_at(layout, *ap, rev) {
                        for s in appearance_streams(layout, apd, rev) {
                            appearance_owner.insert(s, *id);
                        }
                    }
                }
                Some(Obj::Dict(apd)) => {
                    for s in appearance_streams(layout, apd, rev) {
                        appearance_owner.insert(s, *id);
                    }
                }
                _ => {}
            }
        }
        // The trailer uses objects too (beyond /Root and /Info, anything a writer put there).
        let mut from_trailer = BTreeMap::new();
        if let Some(trailer) = layout.trailer_of(rev) {
            for (key, value) in &trailer.entries {
                if !matches!(key.as_slice(), b"Root" | b"Info" | b"Prev" | b"Size") {
                    count_refs(value, &mut refs);
                    count_refs(value, &mut outside_dss);
                    count_refs(value, &mut from_trailer);
                }
            }
        }
        let page_list = page_order(layout, rev);
        let mut annots_owner = BTreeMap::new();
        for page in &page_list {
            if let Some(a) = dict_at(layout, *page, rev).and_then(|p| p.reference(b"Annots")) {
                annots_owner.insert(a, *page);
            }
        }
        Self {
            layout,
            data,
            rev,
            catalog,
            catalog_dict,
            info: info_id(layout, rev),
            refs,
            from_trailer,
            appearance_owner,
            annots_owner,
            pages: page_list.into_iter().collect(),
            dss,
            outside_dss,
            touched: RefCell::new(None),
        }
    }

    /// True when the signed revision refers to `id` at most once: an object
    /// used in one place only may be rewritten for that place.
    fn used_once(&self, id: ObjectId) -> bool {
        self.refs.get(&id).copied().unwrap_or(0) <= 1
    }

    /// `verdict` on a change to a field beyond its flags; the field's name is
    /// kept so that a signature that locks it refuses the change ([`locked`]).
    fn unless_locked(&self, field: &Dict, rev: usize, verdict: (K, L)) -> (K, L) {
        if verdict.1 != L::Other {
            *self.touched.borrow_mut() = Some(full_name(self.layout, field, rev));
        }
        verdict
    }
}

/// One later revision's view.
struct View<'a> {
    rev: usize,
    catalog: Option<ObjectId>,
    catalog_dict: Option<&'a Dict>,
    info: Option<ObjectId>,
    dss: BTreeMap<ObjectId, DssPart>,
    /// Signature fields and widgets of the form.
    signature_nodes: BTreeSet<ObjectId>,
}

impl<'a> View<'a> {
    /// True when `d` (object `id`) is a signature field or one of its widgets.
    fn is_signature_node(&self, layout: &Layout, id: ObjectId, d: &Dict) -> bool {
        self.signature_nodes.contains(&id) || signature_state(layout, d, self.rev).is_some()
    }

    fn new(layout: &'a Layout, rev: usize, trailers: &Trailers) -> Self {
        let catalog = trailers.root.get(rev).copied().flatten();
        let catalog_dict = catalog.and_then(|c| dict_at(layout, c, rev));
        Self {
            rev,
            catalog,
            catalog_dict,
            info: trailers.info.get(rev).copied().flatten(),
            dss: dss_parts(layout, catalog_dict, rev),
            signature_nodes: signature_nodes(layout, catalog_dict, rev),
        }
    }
}

/// The objects and cross-reference sections of each revision, in file order
/// (at index `revisions.len()`: those after the last `%%EOF`), and what the
/// trailers say, found once per document: judging a revision never scans
/// the whole file.
pub(crate) struct RevisionIndex<'a> {
    objects: Vec<Vec<&'a ObjectDef>>,
    xrefs: Vec<Vec<&'a XrefSection>>,
    trailers: Trailers,
}

impl<'a> RevisionIndex<'a> {
    pub(crate) fn new(layout: &'a Layout) -> Self {
        let last = layout.revisions.len();
        let mut objects = vec![Vec::new(); last + 1];
        for def in &layout.objects {
            if let Some(slot) = objects.get_mut(def.revision.unwrap_or(last)) {
                slot.push(def);
            }
        }
        let mut xrefs = vec![Vec::new(); last + 1];
        for x in &layout.xrefs {
            if let Some(slot) = xrefs.get_mut(x.revision.unwrap_or(last)) {
                slot.push(x);
            }
        }
        Self {
            objects,
            xrefs,
            trailers: Trailers::new(layout),
        }
    }
}

/// What the trailers say at each revision, found in one pass over the
/// cross-reference sections rather than one per revision: the catalog and
/// the information dictionary in force ([`catalog_id`], [`info_id`]), and
/// whether the revision's trailer names an encryption dictionary.
struct Trailers {
    root: Vec<Option<ObjectId>>,
    info: Vec<Option<ObjectId>>,
    encrypt: Vec<bool>,
}

impl Trailers {
    fn new(layout: &Layout) -> Self {
        let count = layout.revisions.len();
        // The trailer that governs each revision: the last one in it.
        let mut governing: Vec<Option<&Dict>> = vec![None; count];
        for x in &layout.xrefs {
            if let (Some(r), Some(t)) = (x.revision, x.trailer.as_ref())
                && let Some(slot) = governing.get_mut(r)
            {
                *slot = Some(t);
            }
        }
        let (mut root, mut info) = (None, None);
        let mut out = Self {
            root: Vec::with_capacity(count),
            info: Vec::with_capacity(count),
            encrypt: Vec::with_capacity(count),
        };
        for t in governing {
            root = t.and_then(|t| t.reference(b"Root")).or(root);
            info = t.and_then(|t| t.reference(b"Info")).or(info);
            out.root.push(root);
            out.info.push(info);
            out.encrypt
                .push(t.is_some_and(|t| t.get(b"Encrypt").is_some()));
        }
        out
    }
}

fn info_id(layout: &Layout, revision: usize) -> Option<ObjectId> {
    (0..=revision)
        .rev()
        .find_map(|r| layout.trailer_of(r).and_then(|t| t.reference(b"Info")))
}

/// One change a later revision made, and the form field it filled or signed
/// (the field locks of the signatures are applied to it, [`locked`]).
#[derive(Debug, Clone)]
pub(crate) struct Change {
    pub(crate) modification: Modification,
    pub(crate) field: Option<String>,
}

/// `change` as a signature with field lock `lock` sees it: filling or signing
/// a field the signature locks is refused (ISO 32000-1 §12.8.2.4).
pub(crate) fn locked(change: &Change, lock: &FieldLock) -> Modification {
    let mut m = change.modification.clone();
    if m.level != L::Other
        && *lock != FieldLock::Nothing
        && change.field.as_deref().is_some_and(|f| lock.locks(f))
    {
        m.kind = K::LockedFieldChanged;
        m.level = L::Other;
    }
    m
}

/// The modifications made after revision `signed` (the signature's revision).
#[cfg(test)]
pub(crate) fn analyse(
    layout: &Layout,
    data: &[u8],
    signed: usize,
    lock: &FieldLock,
) -> Vec<Modification> {
    segment(layout, data, &RevisionIndex::new(layout), signed, None)
        .iter()
        .map(|c| locked(c, lock))
        .collect()
}

/// The changes of the revisions after `signed` up to and including `upto`
/// (to the end of the file, trailing bytes included, when `None`), each judged
/// against revision `signed`.
pub(crate) fn segment(
    layout: &Layout,
    data: &[u8],
    index: &RevisionIndex<'_>,
    signed: usize,
    upto: Option<usize>,
) -> Vec<Change> {
    let mut out = Vec::new();
    let last = layout.revisions.len();
    let upper = upto.map_or(last, |u| u.min(last));
    // A signature over the whole file (the usual last one) needs no look at the signed revision.
    let anything_later = match upto {
        Some(u) => u > signed,
        None => {
            signed + 1 < last
                || index.objects.get(last).is_some_and(|o| !o.is_empty())
                || index.xrefs.get(last).is_some_and(|x| !x.is_empty())
        }
    };
    if anything_later {
        later_revisions(layout, data, index, signed, upper, &mut out);
    }
    let signed_end = layout.revisions.get(signed).map_or(0, |r| r.end);
    let upper_end = match upto {
        Some(u) => layout.revisions.get(u).map_or(usize::MAX, |r| r.end),
        None => usize::MAX,
    };
    let uninspectable = |offset| Change {
        modification: Modification {
            revision: None,
            object: None,
            offset,
            kind: K::Uninspectable,
            level: L::Other,
        },
        field: None,
    };
    for &(start, _) in layout
        .unparsed
        .iter()
        .filter(|(s, _)| *s >= signed_end && *s < upper_end)
    {
        out.push(uninspectable(start));
    }
    if upto.is_none()
        && let Some(offset) = layout.trailing_data
    {
        out.push(uninspectable(offset));
    }
    out
}

/// The changes of every revision in `(signed, upper]`, and of objects after
/// the last `%%EOF` when `upper` is the number of revisions.
fn later_revisions(
    layout: &Layout,
    data: &[u8],
    index: &RevisionIndex<'_>,
    signed: usize,
    upper: usize,
    out: &mut Vec<Change>,
) {
    let last = layout.revisions.len();
    let s = Signed::new(layout, data, signed, index);
    let trailers = &index.trailers;
    for rev in (signed + 1)..=upper {
        let in_rev = |r: Option<usize>| r.map_or(last, |r| r) == rev;
        let defs: &[&ObjectDef] = index.objects.get(rev).map_or(&[], Vec::as_slice);
        let v = View::new(layout, rev.min(last.saturating_sub(1)), trailers);
        let start = layout.revisions.get(rev).map_or(0, |r| r.start);
        let mut push = |revision, object, offset, (kind, level): (K, L), field| {
            out.push(Change {
                modification: Modification {
                    revision,
                    object,
                    offset,
                    kind,
                    level,
                },
                field,
            });
        };
        if rev < last {
            // A swapped /Root is the hide-and-replace shadow attack, unless the
            // new catalog says what the old one said.
            let defined_here = defs.iter().any(|d| Some(d.id) == v.catalog);
            if v.catalog != s.catalog && !defined_here {
                let verdict = match (v.catalog_dict, v.catalog) {
                    (Some(nd), Some(_)) => catalog_change(&s, &v, nd),
                    _ => (K::CatalogChanged, L::Other),
                };
                s.touched.borrow_mut().take();
                if verdict.1 == L::Other {
                    push(Some(rev), v.catalog, start, verdict, None);
                }
            }
            if trailers.encrypt.get(rev).copied().unwrap_or(false) {
                push(Some(rev), None, start, (K::CatalogChanged, L::Other), None);
            }
        }
        for def in defs {
            let verdict = classify(&s, &v, def);
            let field = s.touched.borrow_mut().take();
            push(def.revision, Some(def.id), def.offset, verdict, field);
        }
        // Cross-reference sections: each in-use entry must point at the update's
        // own definition of that object, or at the one already in force; free
        // entries must not delete signed objects.
        for x in index
            .xrefs
            .get(rev)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|x| x.decoded)
        {
            let previous = rev.saturating_sub(1);
            for &(number, container) in &x.compressed {
                let ok = layout.with_number(number).any(|d| {
                    d.container.is_some_and(|c| c.number == container)
                        && (in_rev(d.revision)
                            || layout.resolve_index(d.id, previous).is_some_and(|i| {
                                layout.objects.get(i).is_some_and(|p| p.offset == d.offset)
                            }))
                });
                if !ok {
                    push(
                        x.revision,
                        Some(ObjectId {
                            number,
                            generation: 0,
                        }),
                        x.offset,
                        (K::XrefRedirected, L::Other),
                        None,
                    );
                }
            }
            for &(number, generation, offset) in &x.entries {
                let target = layout.definition_at(data, offset);
                let ok = target.is_some_and(|i| {
                    layout.objects.get(i).is_some_and(|d| {
                        d.id.number == number
                            && d.id.generation == generation
                            && (in_rev(d.revision) || xref_keeps(layout, data, d.id, i, previous))
                    })
                });
                if !ok {
                    push(
                        x.revision,
                        Some(ObjectId { number, generation }),
                        x.offset,
                        (K::XrefRedirected, L::Other),
                        None,
                    );
                }
            }
            for &number in &x.free {
                let existed = number != 0
                    && layout
                        .with_number(number)
                        .any(|d| d.revision.is_some_and(|r| r <= signed));
                if existed {
                    push(
                        x.revision,
                        Some(ObjectId {
                            number,
                            generation: 0,
                        }),
                        x.offset,
                        (K::ObjectDeleted, L::Other),
                        None,
                    );
                }
            }
        }
    }
}

/// A cross-reference entry of a later revision that points at an older
/// definition changes nothing when that definition is the one in force before
/// the revision, or says the same.
fn xref_keeps(layout: &Layout, data: &[u8], id: ObjectId, target: usize, previous: usize) -> bool {
    match layout.resolve_index(id, previous) {
        Some(i) if i == target => true,
        Some(i) => match (layout.objects.get(i), layout.objects.get(target)) {
            (Some(a), Some(b)) => same(&a.value, &b.value, data),
            _ => false,
        },
        None => false,
    }
}

fn classify(s: &Signed<'_>, v: &View<'_>, def: &ObjectDef) -> (K, L) {
    let layout = s.layout;
    if let Obj::Stream { dict, .. } = &def.value {
        match dict.name(b"Type") {
            Some(b"XRef") => {
                let decoded = layout
                    .xrefs
                    .iter()
                    .any(|x| x.offset == def.offset && x.decoded);
                return if decoded {
                    (K::XrefStream, L::LtaUpdates)
                } else {
                    (K::Uninspectable, L::Other)
                };
            }
            // Its objects are classified one by one; one that cannot be decoded hides them.
            Some(b"ObjStm") => {
                return if layout.undecodable.contains(&def.offset) {
                    (K::Uninspectable, L::Other)
                } else if layout.resolve_at(def.id, s.rev).is_some() {
                    (K::ObjectReplaced, L::Other)
                } else {
                    (K::ResourceAdded, L::LtaUpdates)
                };
            }
            _ => {}
        }
    }
    let old = layout.resolve_at(def.id, s.rev);
    if Some(def.id) == v.catalog {
        if old.is_some() && Some(def.id) != s.catalog {
            // The catalog moved onto an object the signed revision used for something else.
            return (K::CatalogChanged, L::Other);
        }
        return match def.value.dict() {
            Some(nd) if matches!(def.value, Obj::Dict(_)) => catalog_change(s, v, nd),
            _ => (K::CatalogChanged, L::Other),
        };
    }
    let Some(old) = old else {
        return new_object(s, v, def);
    };
    if same(&old.value, &def.value, s.data) {
        // Re-written unchanged (some writers copy objects): harmless.
        return (K::Unchanged, L::LtaUpdates);
    }
    if Some(def.id) == s.catalog {
        // The signed catalog rewritten while another object is the catalog now.
        return (K::CatalogChanged, L::Other);
    }
    if v.info.is_some() && Some(def.id) == v.info && v.info == s.info {
        return (K::MetadataUpdated, L::LtaUpdates);
    }
    let key_ref =
        |c: Option<&Dict>, key: &[u8]| -> Option<ObjectId> { c.and_then(|c| c.reference(key)) };
    if matches!(def.value, Obj::Stream { .. })
        && key_ref(v.catalog_dict, b"Metadata") == Some(def.id)
        && key_ref(s.catalog_dict, b"Metadata") == Some(def.id)
    {
        return (K::MetadataUpdated, L::LtaUpdates);
    }
    if let (Some(&part), Some(&new_part)) = (s.dss.get(&def.id), v.dss.get(&def.id))
        && part == new_part
        && !matches!(def.value, Obj::Stream { .. })
        && !s.outside_dss.contains_key(&def.id)
    {
        return if dss_ok(part, Some(&old.value), &def.value, s.data) {
            (K::DssUpdated, L::LtaUpdates)
        } else {
            (K::ObjectReplaced, L::Other)
        };
    }
    for key in [&b"Extensions"[..], b"MarkInfo"] {
        if key_ref(v.catalog_dict, key) == Some(def.id)
            && key_ref(s.catalog_dict, key) == Some(def.id)
            && matches!(def.value, Obj::Dict(_))
            && s.used_once(def.id)
        {
            return (K::CatalogUpdated, L::LtaUpdates);
        }
    }
    // The catalog's /AcroForm /Fields, when indirect.
    let fields_ref = |c: Option<&Dict>, rev| {
        c.and_then(|c| match resolve(layout, c.get(b"AcroForm"), rev) {
            Some(Obj::Dict(a)) => a.reference(b"Fields"),
            _ => None,
        })
    };
    if fields_ref(s.catalog_dict, s.rev) == Some(def.id)
        && fields_ref(v.catalog_dict, v.rev) == Some(def.id)
        && s.used_once(def.id)
    {
        return fields_change(s, v, Some(&old.value), Some(&def.value));
    }
    if let Some(&page) = s.annots_owner.get(&def.id) {
        // An indirect /Annots array changed in place.
        let still = dict_at(layout, page, v.rev).and_then(|p| p.reference(b"Annots"));
        if still == Some(def.id) && s.used_once(def.id) {
            return annots_change(s, v, Some(&old.value), Some(&def.value));
        }
    }
    let (Some(od), Some(nd)) = (old.value.dict(), def.value.dict()) else {
        return (K::ObjectReplaced, L::Other);
    };
    if matches!(od.name(b"Type"), Some(b"Sig" | b"DocTimeStamp")) {
        return (K::SignatureChanged, L::Other);
    }
    if od.get(b"Fields").is_some() || nd.get(b"Fields").is_some() {
        return acroform_change(s, v, od, nd);
    }
    if od.name(b"Type") == Some(b"Page") || s.pages.contains(&def.id) {
        if !same_dict(od, nd, s.data, &[b"Annots"]) {
            return (K::PageChanged, L::Other);
        }
        return annots_change(
            s,
            v,
            resolve(layout, od.get(b"Annots"), s.rev),
            resolve(layout, nd.get(b"Annots"), v.rev),
        );
    }
    if let Some(&owner) = s.appearance_owner.get(&def.id) {
        return appearance_in_place(s, v, def.id, owner);
    }
    if is_form_node(layout, od, s.rev) {
        return field_change(s, v, od, nd);
    }
    if is_annotation(od) && is_annotation(nd) && od.name(b"Subtype") == nd.name(b"Subtype") {
        return (K::AnnotationChanged, L::Annotations);
    }
    (K::ObjectReplaced, L::Other)
}

fn new_object(s: &Signed<'_>, v: &View<'_>, def: &ObjectDef) -> (K, L) {
    let layout = s.layout;
    let uses = s.refs.get(&def.id).copied().unwrap_or(0);
    let trailer_uses = s.from_trailer.get(&def.id).copied().unwrap_or(0);
    if uses > trailer_uses {
        // The signed revision pointed at this number while it was undefined
        // (a reader showed null): defining it now changes signed content.
        // A private trailer key is no such use: nothing shows it.
        return (K::UndefinedReferenceDefined, L::Other);
    }
    if let Some(&part) = v.dss.get(&def.id) {
        return if dss_ok(part, None, &def.value, s.data) {
            (K::DssUpdated, L::LtaUpdates)
        } else {
            (K::ObjectReplaced, L::Other)
        };
    }
    let Some(d) = def.value.dict() else {
        return (K::ResourceAdded, L::LtaUpdates);
    };
    if matches!(&def.value, Obj::Dict(_)) {
        match d.name(b"Type") {
            Some(b"DocTimeStamp") => return (K::SignatureAdded, L::LtaUpdates),
            Some(b"Sig") => return (K::SignatureAdded, L::FormFilling),
            _ => {}
        }
    }
    if v.is_signature_node(layout, def.id, d) {
        return (K::SignatureFieldAdded, signing_level(layout, d, v.rev));
    }
    if is_widget(d) || d.get(b"FT").is_some() {
        return (K::FormFieldAdded, L::Other);
    }
    if is_annotation(d) {
        return (K::AnnotationAdded, L::Annotations);
    }
    if matches!(d.name(b"Type"), Some(b"Page" | b"Pages")) {
        return (K::PageAdded, L::Other);
    }
    (K::ResourceAdded, L::LtaUpdates)
}

/// A catalog (new or rewritten) against the signed catalog: only the
/// keys of [`CATALOG_KEYS`] may differ, and each of those only as its rule says.
fn catalog_change(s: &Signed<'_>, v: &View<'_>, nd: &Dict) -> (K, L) {
    let layout = s.layout;
    let Some(od) = s.catalog_dict else {
        return (K::CatalogChanged, L::Other);
    };
    if !same_dict(od, nd, s.data, CATALOG_KEYS) {
        return (K::CatalogChanged, L::Other);
    }
    let existed = |r: ObjectId| layout.resolve_at(r, s.rev).is_some();
    // Indirect entries may keep their object or point at a new one, never at
    // another object of the signed revision.
    for key in CATALOG_KEYS {
        let (o, n) = (od.get(key), nd.get(key));
        if let Some(Obj::Ref(r)) = n
            && o != n
            && existed(*r)
        {
            return (K::CatalogChanged, L::Other);
        }
    }
    // The interactive form, when it is direct or moved to a new object.
    let old_form = resolve(layout, od.get(b"AcroForm"), s.rev);
    let new_form = resolve(layout, nd.get(b"AcroForm"), v.rev);
    let moved = !matches!(
        (od.get(b"AcroForm"), nd.get(b"AcroForm")),
        (Some(Obj::Ref(a)), Some(Obj::Ref(b))) if a == b
    );
    if moved {
        match (old_form.and_then(Obj::dict), new_form.and_then(Obj::dict)) {
            (_, None) if new_form.is_some() => return (K::CatalogChanged, L::Other),
            (Some(_), None) => return (K::CatalogChanged, L::Other),
            (o, Some(n)) => {
                let empty = Dict::default();
                let verdict = acroform_change(s, v, o.unwrap_or(&empty), n);
                if verdict.1 == L::Other {
                    return (K::CatalogChanged, L::Other);
                }
            }
            (None, None) => {}
        }
    }
    // The security store, when direct or moved to a new object.
    let dss_moved = !matches!(
        (od.get(b"DSS"), nd.get(b"DSS")),
        (Some(Obj::Ref(a)), Some(Obj::Ref(b))) if a == b
    );
    if dss_moved && let Some(new_dss) = resolve(layout, nd.get(b"DSS"), v.rev) {
        let old_dss = resolve(layout, od.get(b"DSS"), s.rev);
        if !dss_ok(DssPart::Dss, old_dss, new_dss, s.data) {
            return (K::CatalogChanged, L::Other);
        }
        if let (Some(Obj::Dict(o)), Some(Obj::Dict(n))) = (old_dss, Some(new_dss)) {
            let old_vri = resolve(layout, o.get(b"VRI"), s.rev);
            let new_vri = resolve(layout, n.get(b"VRI"), v.rev);
            if let Some(nv) = new_vri
                && !dss_ok(DssPart::Vri, old_vri, nv, s.data)
            {
                return (K::CatalogChanged, L::Other);
            }
        }
    }
    (K::CatalogUpdated, L::LtaUpdates)
}

fn acroform_change(s: &Signed<'_>, v: &View<'_>, od: &Dict, nd: &Dict) -> (K, L) {
    if !same_dict(od, nd, s.data, ACROFORM_KEYS) {
        return (K::ObjectReplaced, L::Other);
    }
    let layout = s.layout;
    let (kind, level) = fields_change(
        s,
        v,
        resolve(layout, od.get(b"Fields"), s.rev),
        resolve(layout, nd.get(b"Fields"), v.rev),
    );
    if level == L::Other {
        (kind, level)
    } else {
        (K::AcroFormUpdated, level)
    }
}

/// The top-level fields: every signed one kept, new ones signature fields only
/// (ISO 32000-1 §12.8.2.2: signing is permitted, creating other fields is not).
fn fields_change(s: &Signed<'_>, v: &View<'_>, old: Option<&Obj>, new: Option<&Obj>) -> (K, L) {
    let old_ids: BTreeSet<ObjectId> = refs(old).into_iter().collect();
    let new_ids: BTreeSet<ObjectId> = refs(new).into_iter().collect();
    if !old_ids.iter().all(|id| new_ids.contains(id)) {
        return (K::ObjectReplaced, L::Other);
    }
    let layout = s.layout;
    let added_ok = new_ids.iter().filter(|id| !old_ids.contains(id)).all(|id| {
        dict_at(layout, *id, v.rev).is_some_and(|d| signature_state(layout, d, v.rev).is_some())
    });
    if added_ok {
        (K::AcroFormUpdated, L::LtaUpdates)
    } else {
        (K::FormFieldAdded, L::Other)
    }
}

/// A page's annotations before and after: signature widgets may be added
/// (signing); other annotations added or removed make the level
/// [`L::Annotations`]; form widgets removed, anything else added, is [`L::Other`].
fn annots_change(s: &Signed<'_>, v: &View<'_>, old: Option<&Obj>, new: Option<&Obj>) -> (K, L) {
    let layout = s.layout;
    let direct = |o: Option<&Obj>| -> Vec<Obj> {
        match o {
            Some(Obj::Array(items)) => items
                .iter()
                .filter(|i| !matches!(i, Obj::Ref(_)))
                .cloned()
                .collect(),
            _ => Vec::new(),
        }
    };
    let (od, nd) = (direct(old), direct(new));
    if od.len() != nd.len() || od.iter().zip(&nd).any(|(a, b)| !same(a, b, s.data)) {
        return (K::AnnotationAdded, L::Other);
    }
    if new.is_some_and(|n| !matches!(n, Obj::Array(_))) {
        return (K::ObjectReplaced, L::Other);
    }
    let old_ids: BTreeSet<ObjectId> = refs(old).into_iter().collect();
    let new_ids: BTreeSet<ObjectId> = refs(new).into_iter().collect();
    let mut verdict = (K::AnnotationsExtended, L::LtaUpdates);
    let mut raise = |k: K, l: L| {
        if l > verdict.1 {
            verdict = (k, l);
        }
    };
    for gone in old_ids.difference(&new_ids) {
        match dict_at(layout, *gone, s.rev) {
            Some(d) if is_widget(d) || is_form_node(layout, d, s.rev) => {
                raise(K::AnnotationDeleted, L::Other);
            }
            Some(d) if is_annotation(d) => raise(K::AnnotationDeleted, L::Annotations),
            _ => raise(K::AnnotationDeleted, L::Other),
        }
    }
    for added in new_ids.difference(&old_ids) {
        match dict_at(layout, *added, v.rev) {
            Some(d) if v.is_signature_node(layout, *added, d) => {}
            Some(d) if is_widget(d) || d.get(b"FT").is_some() => {
                raise(K::FormFieldAdded, L::Other);
            }
            Some(d) if is_annotation(d) => raise(K::AnnotationAdded, L::Annotations),
            _ => raise(K::AnnotationAdded, L::Other),
        }
    }
    verdict
}

/// A form field or widget of the signed revision, changed.
fn field_change(s: &Signed<'_>, v: &View<'_>, od: &Dict, nd: &Dict) -> (K, L) {
    let layout = s.layout;
    let changed = changed_keys(od, nd, s.data);
    // /Type may only be added, as /Annot.
    if changed.contains(&&b"Type"[..])
        && (od.get(b"Type").is_some() || nd.name(b"Type") != Some(b"Annot"))
    {
        return (K::ObjectReplaced, L::Other);
    }
    if changed.contains(&&b"Kids"[..]) {
        // New kids: signature fields or their widgets only, every old kid kept.
        let old_kids: BTreeSet<ObjectId> = refs(od.get(b"Kids")).into_iter().collect();
        let new_kids: BTreeSet<ObjectId> = refs(nd.get(b"Kids")).into_iter().collect();
        let kept = old_kids.iter().all(|k| new_kids.contains(k));
        let mut level = L::LtaUpdates;
        for kid in new_kids.iter().filter(|k| !old_kids.contains(k)) {
            match dict_at(layout, *kid, v.rev) {
                Some(d)
                    if layout.resolve_at(*kid, s.rev).is_none()
                        && (v.is_signature_node(layout, *kid, d)
                            || signature_state(layout, nd, v.rev).is_some()) =>
                {
                    if visible(layout, d, v.rev) {
                        level = level.max(L::FormFilling);
                    }
                }
                _ => return (K::FormFieldAdded, L::Other),
            }
        }
        if !kept || !matches!(nd.get(b"Kids"), Some(Obj::Array(_))) {
            return (K::ObjectReplaced, L::Other);
        }
        let rest: BTreeSet<&[u8]> = changed.iter().copied().filter(|k| *k != b"Kids").collect();
        if rest.is_empty() {
            return (K::SignatureFieldAdded, level);
        }
        let (k, l) = field_change_keys(s, v, od, nd, &rest);
        return (k, l.max(level));
    }
    field_change_keys(s, v, od, nd, &changed)
}

fn field_change_keys(
    s: &Signed<'_>,
    v: &View<'_>,
    od: &Dict,
    nd: &Dict,
    changed: &BTreeSet<&[u8]>,
) -> (K, L) {
    let layout = s.layout;
    if only(changed, ALWAYS_KEYS) {
        return (K::FieldFilled, L::LtaUpdates);
    }
    // An appearance dictionary that something else also uses stays with it:
    // re-pointing the field away from it is refused, as pyHanko does.
    if changed.contains(&&b"AP"[..])
        && let Some(Obj::Ref(ap)) = od.get(b"AP")
        && !s.used_once(*ap)
    {
        return (K::AppearanceChanged, L::Other);
    }
    match (
        signature_state(layout, od, s.rev),
        signature_state(layout, nd, v.rev),
    ) {
        (Some(false), Some(true)) => {
            // An empty signature field signed now: its value must be a new
            // signature dictionary; the appearance may change with it.
            let field = typed_field(layout, nd, v.rev);
            let value_ok = field.and_then(|f| f.reference(b"V")).is_some_and(|sig| {
                layout.resolve_at(sig, s.rev).is_none() && dict_at(layout, sig, v.rev).is_some()
            });
            if !value_ok || !only(changed, VALUE_KEYS) {
                return (K::ObjectReplaced, L::Other);
            }
            let level = if changed.contains(&&b"AP"[..]) || changed.contains(&&b"AS"[..]) {
                L::FormFilling
            } else {
                signing_level(layout, nd, v.rev)
            };
            s.unless_locked(nd, v.rev, (K::SignatureFieldAdded, level))
        }
        (Some(_), _) | (_, Some(_)) => {
            if changed.contains(&&b"AP"[..]) || changed.contains(&&b"AS"[..]) {
                (K::AppearanceChanged, L::Other)
            } else {
                (K::ObjectReplaced, L::Other)
            }
        }
        (None, None) => {
            if only(changed, VALUE_KEYS) {
                s.unless_locked(nd, v.rev, (K::FieldFilled, L::FormFilling))
            } else {
                (K::ObjectReplaced, L::Other)
            }
        }
    }
}

/// An appearance stream (or indirect appearance dictionary) of the signed
/// revision rewritten in place: permitted as form filling when it belongs to a
/// field being filled and nothing else in the signed revision uses it.
fn appearance_in_place(s: &Signed<'_>, v: &View<'_>, id: ObjectId, owner: ObjectId) -> (K, L) {
    let layout = s.layout;
    let (Some(old_owner), Some(new_owner)) =
        (dict_at(layout, owner, s.rev), dict_at(layout, owner, v.rev))
    else {
        return (K::AppearanceChanged, L::Other);
    };
    // Used only by its owner's appearance dictionary, itself used only by the owner.
    let mut mine = BTreeMap::new();
    let ap = old_owner.get(b"AP");
    if let Some(Obj::Ref(apd)) = ap
        && !s.used_once(*apd)
    {
        return (K::AppearanceChanged, L::Other);
    }
    if let Some(Obj::Dict(apd)) = resolve(layout, ap, s.rev) {
        if let Some(Obj::Ref(apd_id)) = ap {
            count_refs(&Obj::Ref(*apd_id), &mut mine);
        }
        for (_, val) in &apd.entries {
            count_refs(val, &mut mine);
            // A state dictionary through a reference: its streams count too.
            if let Obj::Ref(states_id) = val
                && let Some(states) = dict_at(layout, *states_id, s.rev)
            {
                if !s.used_once(*states_id) {
                    return (K::AppearanceChanged, L::Other);
                }
                states
                    .entries
                    .iter()
                    .for_each(|(_, x)| count_refs(x, &mut mine));
            }
        }
    }
    let total = s.refs.get(&id).copied().unwrap_or(0);
    if total > mine.get(&id).copied().unwrap_or(0) {
        return (K::AppearanceChanged, L::Other);
    }
    match (
        signature_state(layout, old_owner, s.rev),
        signature_state(layout, new_owner, v.rev),
    ) {
        (Some(false), Some(true)) => {
            s.unless_locked(new_owner, v.rev, (K::SignatureFieldAdded, L::FormFilling))
        }
        (Some(_), _) | (_, Some(_)) => (K::AppearanceChanged, L::Other),
        (None, None) if is_form_node(layout, old_owner, s.rev) => {
            // A stateful field (check box, radio) switches /AS, never redraws.
            if old_owner.get(b"AS").is_some() {
                (K::AppearanceChanged, L::Other)
            } else {
                s.unless_locked(old_owner, s.rev, (K::FieldFilled, L::FormFilling))
            }
        }
        (None, None) if is_annotation(old_owner) => (K::AnnotationChanged, L::Annotations),
        (None, None) => (K::AppearanceChanged, L::Other),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::limits::Limits;

    /// A one-field form, then an update that fills the field "Name" (a kid of "Form").
    fn filled() -> Vec<u8> {
        let objects = [
            "<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [4 0 R]>>>>",
            "<</Type /Pages /Kids [3 0 R] /Count 1>>",
            "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [5 0 R]>>",
            "<</T (Form) /Kids [5 0 R]>>",
            "<</FT /Tx /T (Name) /Parent 4 0 R /V (A) /Subtype /Widget /Rect [0 0 100 20] /P 3 0 R>>",
        ];
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(b"xref\n0 6\n0000000000 65535 f \n");
        for o in &offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!("trailer\n<</Size 6 /Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
        );
        let at = out.len();
        out.extend_from_slice(b"5 0 obj\n<</FT /Tx /T (Name) /Parent 4 0 R /V (B) /Subtype /Widget /Rect [0 0 100 20] /P 3 0 R>>\nendobj\n");
        let xref2 = out.len();
        out.extend_from_slice(format!("xref\n0 1\n0000000000 65535 f \n5 1\n{at:010} 00000 n \ntrailer\n<</Size 6 /Root 1 0 R /Prev {xref}>>\nstartxref\n{xref2}\n%%EOF\n").as_bytes());
        out
    }

    fn verdict(lock: &FieldLock) -> (K, L) {
        let pdf = filled();
        let layout = Layout::parse(&pdf, &Limits::default()).unwrap();
        let found = analyse(&layout, &pdf, 0, lock);
        let m = found
            .iter()
            .find(|m| m.object.is_some_and(|o| o.number == 5))
            .unwrap();
        (m.kind, m.level)
    }

    #[test]
    fn a_field_lock_refuses_changes_to_the_fields_it_names() {
        let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<BTreeSet<_>>();
        let filled = (K::FieldFilled, L::FormFilling);
        let locked = (K::LockedFieldChanged, L::Other);
        assert_eq!(verdict(&FieldLock::Nothing), filled);
        assert_eq!(verdict(&FieldLock::All), locked);
        // Names are fully qualified: "Form.Name", not "Name".
        assert_eq!(verdict(&FieldLock::Include(names(&["Form.Name"]))), locked);
        assert_eq!(
            verdict(&FieldLock::Include(names(&["Name", "Other"]))),
            filled
        );
        assert_eq!(verdict(&FieldLock::Exclude(names(&["Form.Name"]))), filled);
        assert_eq!(verdict(&FieldLock::Exclude(names(&["Other"]))), locked);
    }

    /// A two-revision file: `first` objects (numbered from 1) with `trailer`
    /// entries, then an update with `update` objects (number, body).
    fn two_revisions(first: &[&str], trailer: &str, update: &[(u32, &str)]) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in first.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        let size = first.len() + 1;
        out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
        for o in &offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!("trailer\n<</Size {size} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n")
                .as_bytes(),
        );
        let mut entries = Vec::new();
        for (n, body) in update {
            entries.push((*n, out.len()));
            out.extend_from_slice(format!("{n} 0 obj\n{body}\nendobj\n").as_bytes());
        }
        let xref2 = out.len();
        out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
        for (n, o) in entries {
            out.extend_from_slice(format!("{n} 1\n{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!("trailer\n<</Size 99 /Root 1 0 R /Prev {xref}>>\nstartxref\n{xref2}\n%%EOF\n")
                .as_bytes(),
        );
        out
    }

    fn highest(pdf: &[u8]) -> L {
        let layout = Layout::parse(pdf, &Limits::default()).unwrap();
        analyse(&layout, pdf, 0, &FieldLock::Nothing)
            .iter()
            .map(|m| m.level)
            .max()
            .unwrap_or(L::None)
    }

    const CATALOG: &str = "<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields []>>>>";
    const PAGES: &str = "<</Type /Pages /Kids [3 0 R] /Count 1>>";

    /// `612.0` rewritten as `612` (or the reverse) is no change (the EU DSS
    /// test file DSS-3226); `612.5` is.
    #[test]
    fn a_number_is_its_value() {
        let page = "<</Type /Page /Parent 2 0 R /MediaBox [0 0 612.0 792]>>";
        let same = two_revisions(
            &[CATALOG, PAGES, page],
            "",
            &[(3, "<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]>>")],
        );
        assert!(highest(&same) <= L::LtaUpdates, "{:?}", highest(&same));
        let wider = two_revisions(
            &[CATALOG, PAGES, page],
            "",
            &[(3, "<</Type /Page /Parent 2 0 R /MediaBox [0 0 612.5 792]>>")],
        );
        assert_eq!(highest(&wider), L::Other);
    }

    /// A private trailer key (LibreOffice's `/AdditionalStreams`) naming an
    /// object the revision does not define is no use of it: a later revision
    /// may define that number for a signature (the EU DSS test file
    /// pades-lt-extended-abde). A use from the document itself is.
    #[test]
    fn a_private_trailer_key_does_not_reserve_an_object_number() {
        let page = "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>";
        let widget =
            "<</FT /Sig /T (Sig) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R /F 132>>";
        let private = two_revisions(
            &[CATALOG, PAGES, page],
            "/AdditionalStreams [/application#2Fvnd.oasis.opendocument.text 9 0 R]",
            &[
                (9, widget),
                (
                    1,
                    "<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [9 0 R]>>>>",
                ),
            ],
        );
        assert!(
            highest(&private) <= L::LtaUpdates,
            "{:?}",
            highest(&private)
        );
        let used = two_revisions(
            &[
                CATALOG,
                PAGES,
                "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Thumb 9 0 R>>",
            ],
            "",
            &[
                (9, widget),
                (
                    1,
                    "<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [9 0 R]>>>>",
                ),
            ],
        );
        assert_eq!(highest(&used), L::Other);
    }

    #[test]
    fn permissions_follow_the_docmdp_levels() {
        assert_eq!(permitted(Some(1)), L::LtaUpdates);
        assert_eq!(permitted(Some(2)), L::FormFilling);
        assert_eq!(permitted(Some(3)), L::Annotations);
        assert_eq!(permitted(None), L::FormFilling);
        assert!(L::None < L::LtaUpdates && L::Annotations < L::Other);
    }
}
