//! Modification analysis: what the revisions after a signature changed.
//!
//! Incremental Saving and Shadow attacks (Mladenov et al. CCS 2019; Mainka et
//! al. NDSS 2021) hide or replace signed content with a later update that a
//! validator checking only the signed bytes never sees. The policy here is a
//! whitelist in the spirit of pyHanko's `StandardDiffPolicy`: a later revision may
//! add a signature (dictionary, field, widget, appearance), register it in the
//! catalog's `/AcroForm` and the page's `/Annots`, add a `/DSS`, update `/Info`
//! and the XMP metadata. Anything else is a modification that prevents a pass.

use std::collections::{BTreeMap, BTreeSet};

use super::layout::{Layout, ObjectDef};
use super::locate::Widget;
use super::object::{Dict, Obj, ObjectId};

/// What one later revision did to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ModificationKind {
    /// A new signature or document time-stamp dictionary.
    SignatureAdded,
    /// A new signature field or widget, or an empty one filled.
    SignatureFieldAdded,
    /// A new object that is not an annotation or a page (fonts, appearance streams, images, DSS data).
    ResourceAdded,
    /// The catalog changed only in `/AcroForm`, `/DSS`, `/Extensions`, `/Metadata` or `/Version`.
    CatalogUpdated,
    /// The interactive form gained signature fields.
    AcroFormUpdated,
    /// A page gained signature widgets in `/Annots` and nothing else changed.
    AnnotationsExtended,
    /// The document information dictionary or XMP metadata changed.
    MetadataUpdated,
    /// A new cross-reference stream (its entries are checked like a table's).
    XrefStream,
    /// A page's content, resources or another attribute changed.
    PageChanged,
    /// An object of the signed revision was replaced by a different one.
    ObjectReplaced,
    /// A signature dictionary of the signed revision was replaced.
    SignatureChanged,
    /// A new annotation that is not a signature widget.
    AnnotationAdded,
    /// A new page or page-tree node.
    PageAdded,
    /// The catalog changed in a key a signature update must not touch, or was swapped.
    CatalogChanged,
    /// An object was marked free (deleted) by a cross-reference section.
    ObjectDeleted,
    /// A cross-reference entry points to a definition other than the update's own.
    XrefRedirected,
    /// Content that cannot be inspected (compressed object streams, unparsed bytes, trailing data).
    Uninspectable,
}

impl ModificationKind {
    /// True when a later signature may legitimately make this change.
    #[must_use]
    pub const fn is_allowed(self) -> bool {
        matches!(
            self,
            Self::SignatureAdded
                | Self::SignatureFieldAdded
                | Self::ResourceAdded
                | Self::CatalogUpdated
                | Self::AcroFormUpdated
                | Self::AnnotationsExtended
                | Self::MetadataUpdated
                | Self::XrefStream
        )
    }

    /// Stable snake-case name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::SignatureAdded => "signature_added",
            Self::SignatureFieldAdded => "signature_field_added",
            Self::ResourceAdded => "resource_added",
            Self::CatalogUpdated => "catalog_updated",
            Self::AcroFormUpdated => "acroform_updated",
            Self::AnnotationsExtended => "annotations_extended",
            Self::MetadataUpdated => "metadata_updated",
            Self::XrefStream => "xref_stream",
            Self::PageChanged => "page_changed",
            Self::ObjectReplaced => "object_replaced",
            Self::SignatureChanged => "signature_changed",
            Self::AnnotationAdded => "annotation_added",
            Self::PageAdded => "page_added",
            Self::CatalogChanged => "catalog_changed",
            Self::ObjectDeleted => "object_deleted",
            Self::XrefRedirected => "xref_redirected",
            Self::Uninspectable => "uninspectable",
        }
    }
}

/// One change found in a revision after a signature.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Modification {
    /// Index of the revision that made the change (`None`: after the last `%%EOF`).
    pub revision: Option<usize>,
    /// The object concerned, when there is one.
    pub object: Option<ObjectId>,
    /// Byte offset of the change.
    pub offset: usize,
    /// What changed.
    pub kind: ModificationKind,
}

/// Structural equality, ignoring where things are in the file.
fn same(a: &Obj, b: &Obj, data: &[u8]) -> bool {
    match (a, b) {
        (
            Obj::Str {
                bytes: x, kind: kx, ..
            },
            Obj::Str {
                bytes: y, kind: ky, ..
            },
        ) => x == y && kx == ky,
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
        _ => a == b,
    }
}

/// Dictionaries equal except for the keys in `except`.
fn same_dict(a: &Dict, b: &Dict, data: &[u8], except: &[&[u8]]) -> bool {
    let keys: BTreeSet<&[u8]> = a
        .entries
        .iter()
        .chain(&b.entries)
        .map(|(k, _)| k.as_slice())
        .filter(|k| !except.contains(k))
        .collect();
    keys.into_iter().all(|k| {
        a.count(k) == b.count(k)
            && match (a.get(k), b.get(k)) {
                (Some(x), Some(y)) => same(x, y, data),
                (None, None) => true,
                _ => false,
            }
    })
}

fn refs(o: Option<&Obj>) -> Vec<ObjectId> {
    match o {
        Some(Obj::Array(items)) => items
            .iter()
            .filter_map(|i| match i {
                Obj::Ref(id) => Some(*id),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// True when `d` is a signature field, a widget of one, or both merged.
fn is_sig_field_or_widget(layout: &Layout, d: &Dict, revision: usize) -> bool {
    if d.name(b"FT") == Some(b"Sig") {
        return true;
    }
    if d.name(b"Subtype") == Some(b"Widget")
        && let Some(parent) = d.reference(b"Parent")
    {
        return layout
            .resolve_at(parent, revision)
            .and_then(|p| p.value.dict())
            .is_some_and(|p| p.name(b"FT") == Some(b"Sig"));
    }
    false
}

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

fn is_annotation(d: &Dict) -> bool {
    d.name(b"Type") == Some(b"Annot")
        || d.name(b"Subtype")
            .is_some_and(|s| ANNOT_SUBTYPES.contains(&s))
}

pub(crate) fn catalog_id(layout: &Layout, revision: usize) -> Option<ObjectId> {
    (0..=revision)
        .rev()
        .find_map(|r| layout.trailer_of(r).and_then(|t| t.reference(b"Root")))
}

fn info_id(layout: &Layout, revision: usize) -> Option<ObjectId> {
    (0..=revision)
        .rev()
        .find_map(|r| layout.trailer_of(r).and_then(|t| t.reference(b"Info")))
}

/// The modifications made after revision `signed` (the last signed revision).
pub(crate) fn analyse(layout: &Layout, data: &[u8], signed: usize) -> Vec<Modification> {
    let mut out = Vec::new();
    let later = |r: Option<usize>| r.is_none_or(|r| r > signed);
    let old_catalog = catalog_id(layout, signed);
    let old_info = info_id(layout, signed);
    // Revisions after the signed one, and objects after the last %%EOF (index = revisions.len()).
    let last = layout.revisions.len();
    for rev in (signed + 1)..=last {
        let in_rev = |r: Option<usize>| r.map_or(last, |r| r) == rev;
        let view = rev.min(last.saturating_sub(1));
        // A swapped /Root is the hide-and-replace shadow attack.
        if rev < last {
            let new_catalog = layout.trailer_of(rev).and_then(|t| t.reference(b"Root"));
            if new_catalog.is_some() && new_catalog != old_catalog {
                let offset = layout.revisions.get(rev).map_or(0, |r| r.start);
                out.push(Modification {
                    revision: Some(rev),
                    object: new_catalog,
                    offset,
                    kind: ModificationKind::CatalogChanged,
                });
            }
            if layout
                .trailer_of(rev)
                .is_some_and(|t| t.get(b"Encrypt").is_some())
            {
                let offset = layout.revisions.get(rev).map_or(0, |r| r.start);
                out.push(Modification {
                    revision: Some(rev),
                    object: None,
                    offset,
                    kind: ModificationKind::CatalogChanged,
                });
            }
        }
        for def in layout.objects.iter().filter(|d| in_rev(d.revision)) {
            let kind = classify(layout, data, def, signed, view, old_catalog, old_info);
            out.push(Modification {
                revision: def.revision,
                object: Some(def.id),
                offset: def.offset,
                kind,
            });
        }
        // Cross-reference tables: each in-use entry must point at the update's own
        // definition of that object; free entries must not delete signed objects.
        for x in layout
            .xrefs
            .iter()
            .filter(|x| in_rev(x.revision) && x.decoded)
        {
            for &(number, container) in &x.compressed {
                let ok = layout.with_number(number).any(|d| {
                    d.container.is_some_and(|c| c.number == container) && in_rev(d.revision)
                });
                if !ok {
                    out.push(Modification {
                        revision: x.revision,
                        object: Some(ObjectId {
                            number,
                            generation: 0,
                        }),
                        offset: x.offset,
                        kind: ModificationKind::XrefRedirected,
                    });
                }
            }
            for &(number, generation, offset) in &x.entries {
                let target = usize::try_from(offset).ok().and_then(|o| {
                    layout
                        .by_offset
                        .get(&o)
                        .and_then(|&i| layout.objects.get(i))
                });
                let ok = target.is_some_and(|d| {
                    d.id.number == number && d.id.generation == generation && in_rev(d.revision)
                });
                if !ok {
                    out.push(Modification {
                        revision: x.revision,
                        object: Some(ObjectId { number, generation }),
                        offset: x.offset,
                        kind: ModificationKind::XrefRedirected,
                    });
                }
            }
            for &number in &x.free {
                let existed = number != 0 && layout.with_number(number).any(|d| !later(d.revision));
                if existed {
                    out.push(Modification {
                        revision: x.revision,
                        object: Some(ObjectId {
                            number,
                            generation: 0,
                        }),
                        offset: x.offset,
                        kind: ModificationKind::ObjectDeleted,
                    });
                }
            }
        }
    }
    let signed_end = layout.revisions.get(signed).map_or(0, |r| r.end);
    for &(start, _) in layout.unparsed.iter().filter(|(s, _)| *s >= signed_end) {
        out.push(Modification {
            revision: None,
            object: None,
            offset: start,
            kind: ModificationKind::Uninspectable,
        });
    }
    if let Some(offset) = layout.trailing_data {
        out.push(Modification {
            revision: None,
            object: None,
            offset,
            kind: ModificationKind::Uninspectable,
        });
    }
    out
}

fn classify(
    layout: &Layout,
    data: &[u8],
    def: &ObjectDef,
    signed: usize,
    view: usize,
    catalog: Option<ObjectId>,
    info: Option<ObjectId>,
) -> ModificationKind {
    use ModificationKind as K;
    let old = layout.resolve_at(def.id, signed);
    let new_dict = def.value.dict();
    if let Obj::Stream { dict, .. } = &def.value {
        match dict.name(b"Type") {
            Some(b"XRef") => {
                let decoded = layout
                    .xrefs
                    .iter()
                    .any(|x| x.offset == def.offset && x.decoded);
                return if decoded {
                    K::XrefStream
                } else {
                    K::Uninspectable
                };
            }
            // Its objects are classified one by one; one that cannot be decoded hides them.
            Some(b"ObjStm") => {
                return if layout.undecodable.contains(&def.offset) {
                    K::Uninspectable
                } else {
                    K::ResourceAdded
                };
            }
            _ => {}
        }
    }
    let Some(old) = old else {
        // A new object.
        let Some(d) = new_dict else {
            return K::ResourceAdded;
        };
        if matches!(&def.value, Obj::Dict(_))
            && matches!(d.name(b"Type"), Some(b"Sig" | b"DocTimeStamp"))
        {
            return K::SignatureAdded;
        }
        if is_sig_field_or_widget(layout, d, view) {
            return K::SignatureFieldAdded;
        }
        if is_annotation(d) {
            return K::AnnotationAdded;
        }
        if matches!(d.name(b"Type"), Some(b"Page" | b"Pages" | b"Catalog")) {
            return K::PageAdded;
        }
        return K::ResourceAdded;
    };
    if same(&old.value, &def.value, data) {
        // Re-written unchanged (some writers copy objects): harmless.
        return K::ResourceAdded;
    }
    let (Some(od), Some(nd)) = (old.value.dict(), new_dict) else {
        return K::ObjectReplaced;
    };
    if Some(def.id) == catalog {
        let allowed: &[&[u8]] = &[b"AcroForm", b"DSS", b"Extensions", b"Metadata", b"Version"];
        if !same_dict(od, nd, data, allowed) {
            return K::CatalogChanged;
        }
        // A direct /AcroForm must change only as an AcroForm object may.
        if let (Some(Obj::Dict(oa)), Some(Obj::Dict(na))) =
            (od.get(b"AcroForm"), nd.get(b"AcroForm"))
            && acroform_kind(layout, data, oa, na, view) != K::AcroFormUpdated
        {
            return K::CatalogChanged;
        }
        return K::CatalogUpdated;
    }
    if Some(def.id) == info {
        return K::MetadataUpdated;
    }
    if matches!(&def.value, Obj::Stream { .. }) && nd.name(b"Type") == Some(b"Metadata") {
        return K::MetadataUpdated;
    }
    if matches!(od.name(b"Type"), Some(b"Sig" | b"DocTimeStamp")) {
        return K::SignatureChanged;
    }
    if od.get(b"Fields").is_some() || nd.get(b"Fields").is_some() {
        return acroform_kind(layout, data, od, nd, view);
    }
    if od.name(b"Type") == Some(b"Page") {
        if !same_dict(od, nd, data, &[b"Annots"]) {
            return K::PageChanged;
        }
        return annots_kind(
            layout,
            refs(od.get(b"Annots")),
            refs(nd.get(b"Annots")),
            nd.get(b"Annots"),
            view,
        );
    }
    // An empty signature field being filled: only /V, /AP, /AS and flags may change.
    if od.name(b"FT") == Some(b"Sig") && od.get(b"V").is_none() {
        if same_dict(od, nd, data, &[b"V", b"AP", b"AS", b"F"]) {
            return K::SignatureFieldAdded;
        }
        return K::ObjectReplaced;
    }
    K::ObjectReplaced
}

fn acroform_kind(
    layout: &Layout,
    data: &[u8],
    od: &Dict,
    nd: &Dict,
    view: usize,
) -> ModificationKind {
    if !same_dict(od, nd, data, &[b"Fields", b"SigFlags", b"DR", b"DA"]) {
        return ModificationKind::ObjectReplaced;
    }
    let old: BTreeSet<ObjectId> = refs(od.get(b"Fields")).into_iter().collect();
    let new = refs(nd.get(b"Fields"));
    let added_ok = new.iter().filter(|id| !old.contains(id)).all(|id| {
        layout
            .resolve_at(*id, view)
            .and_then(|d| d.value.dict())
            .is_some_and(|d| is_sig_field_or_widget(layout, d, view))
    });
    if old.iter().all(|id| new.contains(id)) && added_ok {
        ModificationKind::AcroFormUpdated
    } else {
        ModificationKind::ObjectReplaced
    }
}

fn annots_kind(
    layout: &Layout,
    old: Vec<ObjectId>,
    new: Vec<ObjectId>,
    raw: Option<&Obj>,
    view: usize,
) -> ModificationKind {
    // An indirect /Annots array is judged where that array object is redefined.
    if matches!(raw, Some(Obj::Ref(_))) {
        return ModificationKind::AnnotationsExtended;
    }
    let old_set: BTreeSet<ObjectId> = old.iter().copied().collect();
    let kept = old.iter().all(|id| new.contains(id));
    let added_ok = new.iter().filter(|id| !old_set.contains(id)).all(|id| {
        layout
            .resolve_at(*id, view)
            .and_then(|d| d.value.dict())
            .is_some_and(|d| is_sig_field_or_widget(layout, d, view))
    });
    if kept && added_ok {
        ModificationKind::AnnotationsExtended
    } else {
        ModificationKind::AnnotationAdded
    }
}

/// The 0-based order of pages at revision `revision`.
pub(crate) fn page_order(layout: &Layout, revision: usize) -> Vec<ObjectId> {
    let mut pages = Vec::new();
    let Some(root) = catalog_id(layout, revision)
        .and_then(|c| layout.resolve_at(c, revision))
        .and_then(|d| d.value.dict())
        .and_then(|d| d.reference(b"Pages"))
    else {
        return pages;
    };
    let mut stack = vec![(root, 0usize)];
    let mut visited = BTreeSet::new();
    while let Some((id, depth)) = stack.pop() {
        if depth > 64 || !visited.insert(id) || visited.len() > 100_000 {
            continue;
        }
        let Some(d) = layout.resolve_at(id, revision).and_then(|d| d.value.dict()) else {
            continue;
        };
        match d.name(b"Type") {
            Some(b"Pages") => {
                for kid in refs(d.get(b"Kids")).into_iter().rev() {
                    stack.push((kid, depth + 1));
                }
            }
            _ => pages.push(id),
        }
    }
    pages
}

fn number(o: &Obj) -> Option<f64> {
    match o {
        Obj::Int(i) => Some(*i as f64),
        Obj::Real(r) => Some(*r),
        _ => None,
    }
}

fn rect(o: Option<&Obj>) -> Option<[f64; 4]> {
    let Some(Obj::Array(items)) = o else {
        return None;
    };
    let v: Vec<f64> = items.iter().filter_map(number).collect();
    match v.as_slice() {
        [x1, y1, x2, y2] => Some([x1.min(*x2), y1.min(*y2), x1.max(*x2), y1.max(*y2)]),
        _ => None,
    }
}

/// What widget lookups need, computed once per file: the latest definition of
/// every object, signature fields by the signature they hold, and the page order.
pub(crate) struct WidgetIndex<'a> {
    latest: BTreeMap<ObjectId, &'a ObjectDef>,
    fields: BTreeMap<ObjectId, ObjectId>,
    pages: Vec<ObjectId>,
}

impl<'a> WidgetIndex<'a> {
    pub(crate) fn new(layout: &'a Layout) -> Self {
        let mut latest: BTreeMap<ObjectId, &ObjectDef> = BTreeMap::new();
        for def in layout.objects.iter().filter(|d| d.revision.is_some()) {
            latest.insert(def.id, def);
        }
        let mut fields = BTreeMap::new();
        for (id, def) in &latest {
            if let Some(d) = def.value.dict()
                && d.name(b"FT") == Some(b"Sig")
                && let Some(v) = d.reference(b"V")
            {
                fields.entry(v).or_insert(*id);
            }
        }
        let pages = layout
            .revisions
            .len()
            .checked_sub(1)
            .map(|view| page_order(layout, view))
            .unwrap_or_default();
        Self {
            latest,
            fields,
            pages,
        }
    }
}

/// The page's `/MediaBox`, inherited from the page tree when absent (ISO 32000-1 Table 30).
fn media_box(latest: &BTreeMap<ObjectId, &ObjectDef>, page: ObjectId) -> Option<[f64; 4]> {
    let mut current = Some(page);
    for _ in 0..64 {
        let d = latest.get(&current?)?.value.dict()?;
        if let Some(r) = rect(d.get(b"MediaBox")) {
            return Some(r);
        }
        current = d.reference(b"Parent");
    }
    None
}

/// The widget that shows signature `sig`, looked up at the last revision.
pub(crate) fn widget_for(index: &WidgetIndex<'_>, sig: ObjectId) -> Option<Widget> {
    let latest = &index.latest;
    let field_id = *index.fields.get(&sig)?;
    let field = latest.get(&field_id)?.value.dict()?;
    // The widget is the field itself (merged) or its first kid.
    let widget = if field.get(b"Rect").is_some() {
        field
    } else {
        refs(field.get(b"Kids"))
            .first()
            .and_then(|k| latest.get(k))
            .and_then(|d| d.value.dict())
            .unwrap_or(field)
    };
    let page = widget.reference(b"P");
    let page_index = page.and_then(|p| index.pages.iter().position(|q| *q == p));
    let page_box = page.and_then(|p| media_box(latest, p));
    let normal = match widget.get(b"AP") {
        Some(Obj::Dict(ap)) => ap.reference(b"N"),
        Some(Obj::Ref(id)) => latest
            .get(id)
            .and_then(|d| d.value.dict())
            .and_then(|ap| ap.reference(b"N")),
        _ => None,
    };
    let has_image = normal.is_some_and(|n| draws_image(latest, n, 0));
    Some(Widget {
        field: field_id,
        field_name: field.string(b"T").map(super::write::decode_text_string),
        rect: rect(widget.get(b"Rect")),
        page_index,
        page_box,
        has_appearance: normal.is_some(),
        has_image,
    })
}

fn draws_image(latest: &BTreeMap<ObjectId, &ObjectDef>, form: ObjectId, depth: usize) -> bool {
    if depth > 4 {
        return false;
    }
    let Some(d) = latest.get(&form).and_then(|d| d.value.dict()) else {
        return false;
    };
    if d.name(b"Subtype") == Some(b"Image") {
        return true;
    }
    let resources = match d.get(b"Resources") {
        Some(Obj::Dict(r)) => Some(r),
        Some(Obj::Ref(id)) => latest.get(id).and_then(|d| d.value.dict()),
        _ => None,
    };
    let xobjects = resources.and_then(|r| match r.get(b"XObject") {
        Some(Obj::Dict(x)) => Some(x),
        Some(Obj::Ref(id)) => latest.get(id).and_then(|d| d.value.dict()),
        _ => None,
    });
    xobjects.is_some_and(|x| {
        x.entries.iter().any(|(_, v)| match v {
            Obj::Ref(id) => draws_image(latest, *id, depth + 1),
            _ => false,
        })
    })
}
