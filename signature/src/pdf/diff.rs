//! Modification analysis: what the revisions after a signature changed.
//!
//! Incremental Saving and Shadow attacks (Mladenov et al. CCS 2019; Mainka et
//! al. NDSS 2021) hide or replace signed content with a later update that a
//! validator checking only the signed bytes never sees. Every change a later
//! revision makes is classified here ([`ModificationKind`]) and graded
//! ([`ModificationLevel`]); `mdp` grades them and decides, per DocMDP level,
//! which grades a signature permits.

use std::collections::{BTreeMap, BTreeSet};

use super::layout::{Layout, ObjectDef};
use super::locate::Widget;
use super::object::{Obj, ObjectId};

/// How far a document was changed after a signature, from the least to the
/// most: the grades of pyHanko's `ModificationLevel`, which follow the DocMDP
/// permissions of ISO 32000-1 §12.8.2.2 (Table 254) and ISO 32000-2 §12.8.2.2.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ModificationLevel {
    /// Nothing after the signature: it covers the whole file.
    None,
    /// Only long-term validation data: `/DSS` (ETSI EN 319 142-1 §5.4.2),
    /// document time-stamps, invisible signature fields, metadata.
    LtaUpdates,
    /// Also form filling and signing (DocMDP `P=2`): field values and their
    /// appearances, signatures in new or empty signature fields.
    FormFilling,
    /// Also annotations created, modified or deleted (DocMDP `P=3`).
    Annotations,
    /// A change no DocMDP level permits (page content, fields deleted, objects
    /// overwritten, redirected cross-references, uninspectable content).
    #[default]
    Other,
}

impl ModificationLevel {
    /// `none`, `lta_updates`, `form_filling`, `annotations` or `other`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::LtaUpdates => "lta_updates",
            Self::FormFilling => "form_filling",
            Self::Annotations => "annotations",
            Self::Other => "other",
        }
    }

    /// The grade in Vietnamese, for messages.
    #[must_use]
    pub const fn as_vietnamese(self) -> &'static str {
        match self {
            Self::None => "không thay đổi",
            Self::LtaUpdates => "bổ sung dữ liệu kiểm tra dài hạn",
            Self::FormFilling => "điền biểu mẫu và ký",
            Self::Annotations => "thêm, sửa, xóa chú thích",
            Self::Other => "thay đổi khác",
        }
    }

    /// The grade in English, for messages.
    #[must_use]
    pub const fn as_english(self) -> &'static str {
        match self {
            Self::None => "no change",
            Self::LtaUpdates => "long-term validation data",
            Self::FormFilling => "form filling and signing",
            Self::Annotations => "annotations",
            Self::Other => "other changes",
        }
    }
}

impl std::fmt::Display for ModificationLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What one later revision did to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ModificationKind {
    /// A new signature or document time-stamp dictionary.
    SignatureAdded,
    /// A new signature field or widget, or an empty one signed.
    SignatureFieldAdded,
    /// A new object that is not an annotation or a page (fonts, appearance streams, images, DSS data).
    ResourceAdded,
    /// The catalog changed only in `/AcroForm`, `/DSS`, `/Extensions`, `/MarkInfo`,
    /// `/Metadata` or `/Version`, or was moved to a new object with nothing else changed.
    CatalogUpdated,
    /// The interactive form gained signature fields.
    AcroFormUpdated,
    /// A page gained signature widgets in `/Annots` and nothing else changed.
    AnnotationsExtended,
    /// The document information dictionary or XMP metadata changed.
    MetadataUpdated,
    /// A new cross-reference stream (its entries are checked like a table's).
    XrefStream,
    /// The document security store (`/DSS`, its arrays or `/VRI`) was updated in place.
    DssUpdated,
    /// An object was written again unchanged.
    Unchanged,
    /// A form field's value, flags or appearance changed (form filling).
    FieldFilled,
    /// An annotation other than a widget was modified.
    AnnotationChanged,
    /// An annotation other than a widget was removed from a page.
    AnnotationDeleted,
    /// A page's content, resources or another attribute changed.
    PageChanged,
    /// An object of the signed revision was replaced by a different one.
    ObjectReplaced,
    /// A signature dictionary of the signed revision was replaced.
    SignatureChanged,
    /// A new annotation that is not a signature widget.
    AnnotationAdded,
    /// A new form field that is not a signature field, or a widget of one.
    FormFieldAdded,
    /// The appearance of a signature field's widget changed without the field
    /// being signed in the same revision.
    AppearanceChanged,
    /// A form field that the signature locks (FieldMDP, ISO 32000-1 §12.8.2.4) was changed.
    LockedFieldChanged,
    /// A new object was given a number that the signed revision referenced while
    /// it was undefined: content the signature covered changes meaning.
    UndefinedReferenceDefined,
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
            Self::DssUpdated => "dss_updated",
            Self::Unchanged => "unchanged",
            Self::FieldFilled => "field_filled",
            Self::AnnotationChanged => "annotation_changed",
            Self::AnnotationDeleted => "annotation_deleted",
            Self::PageChanged => "page_changed",
            Self::ObjectReplaced => "object_replaced",
            Self::SignatureChanged => "signature_changed",
            Self::AnnotationAdded => "annotation_added",
            Self::FormFieldAdded => "form_field_added",
            Self::AppearanceChanged => "appearance_changed",
            Self::LockedFieldChanged => "locked_field_changed",
            Self::UndefinedReferenceDefined => "undefined_reference_defined",
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
    /// The least modification level that permits this change.
    #[serde(default)]
    pub level: ModificationLevel,
}

pub(crate) fn refs(o: Option<&Obj>) -> Vec<ObjectId> {
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

pub(crate) fn catalog_id(layout: &Layout, revision: usize) -> Option<ObjectId> {
    (0..=revision)
        .rev()
        .find_map(|r| layout.trailer_of(r).and_then(|t| t.reference(b"Root")))
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
