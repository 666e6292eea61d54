//! The first step: append an update with a signature dictionary whose
//! `/Contents` is a zero placeholder, and fix its `/ByteRange`.

use chrono::{DateTime, FixedOffset};

use crate::error::{Error, ErrorKind};
use crate::pdf::diff::page_order;
use crate::pdf::layout::Layout;
use crate::pdf::object::{Dict, Obj, ObjectId, StrKind};
use crate::pdf::write::{encode_text_string, write_obj};

use super::appearance::{appearance_text, decode_png, image_dict, with_length};
use super::options::{SignOptions, SubFilter};

/// A PDF with an appended, not yet signed, signature update.
#[derive(Debug, Clone)]
pub struct PreparedPdf {
    pub(super) bytes: Vec<u8>,
    pub(super) contents_start: usize,
    pub(super) contents_end: usize,
    pub(super) sub_filter: SubFilter,
    pub(super) time: DateTime<FixedOffset>,
}

pub(super) fn pdf_date(t: &DateTime<FixedOffset>) -> String {
    let secs = t.offset().local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.abs();
    format!(
        "D:{}{sign}{:02}'{:02}'",
        t.format("%Y%m%d%H%M%S"),
        abs / 3600,
        abs % 3600 / 60
    )
}

pub(super) fn name(n: &str) -> Obj {
    Obj::Name(n.as_bytes().to_vec())
}

pub(super) fn num(v: f64) -> Obj {
    Obj::Real(v)
}

/// What an incremental update starts from: the last revision, the latest
/// trailer that names the catalog, the catalog's id and its dictionary.
pub(super) struct Latest<'a> {
    pub(super) last: usize,
    pub(super) trailer: &'a Dict,
    pub(super) root: ObjectId,
    pub(super) catalog: Dict,
    /// The first object number no revision uses (nor the trailer's `/Size` covers).
    pub(super) next_number: u32,
}

impl<'a> Latest<'a> {
    pub(super) fn of(layout: &'a Layout) -> Result<Self, Error> {
        let last = layout
            .revisions
            .len()
            .checked_sub(1)
            .ok_or_else(|| structure("no revision"))?;
        let trailer = (0..=last)
            .rev()
            .find_map(|r| layout.trailer_of(r).filter(|t| t.get(b"Root").is_some()))
            .ok_or_else(|| structure("no trailer with /Root"))?;
        let root = trailer
            .reference(b"Root")
            .ok_or_else(|| structure("/Root is not a reference"))?;
        let catalog = layout
            .resolve_at(root, last)
            .and_then(|d| d.value.dict())
            .cloned()
            .ok_or_else(|| structure("catalog not found"))?;
        let max_number = layout
            .objects
            .iter()
            .map(|d| d.id.number)
            .max()
            .unwrap_or(0);
        let size = match trailer.get(b"Size") {
            Some(Obj::Int(n)) => u32::try_from(*n).unwrap_or(0),
            _ => 0,
        };
        Ok(Self {
            last,
            trailer,
            root,
            catalog,
            next_number: size.max(max_number.saturating_add(1)),
        })
    }
}

pub(super) fn structure(what: &str) -> Error {
    Error::new(ErrorKind::Structure(what.into()))
}

/// Appends a signature update to `pdf` with an empty `/Contents` placeholder.
///
/// # Errors
/// When `pdf` cannot be read, has no catalog or pages, or the page asked for does not exist.
#[allow(clippy::too_many_lines)]
pub fn prepare(pdf: &[u8], options: &SignOptions) -> Result<PreparedPdf, Error> {
    let layout = Layout::parse(pdf, &options.limits)?;
    layout.require_whole()?;
    let Latest {
        last,
        trailer,
        root,
        catalog,
        next_number,
    } = Latest::of(&layout)?;
    let pages = page_order(&layout, last);
    let page_index = options.appearance.as_ref().map_or(0, |a| a.page);
    let page_id = *pages
        .get(page_index)
        .ok_or_else(|| structure("page not found"))?;
    let mut page = layout
        .resolve_at(page_id, last)
        .and_then(|d| d.value.dict())
        .cloned()
        .ok_or_else(|| structure("page not found"))?;
    let mut next = next_number;
    let mut alloc = || {
        let id = ObjectId {
            number: next,
            generation: 0,
        };
        next = next.saturating_add(1);
        id
    };
    let sig_id = alloc();
    let field_id = alloc();
    // Objects to write, in order: (id, object) — the signature dictionary is written by hand.
    let mut objects: Vec<(ObjectId, Obj)> = Vec::new();
    // Bodies of the new streams, written after their dictionaries.
    let mut stream_bodies: Vec<(ObjectId, Vec<u8>)> = Vec::new();

    // Count existing signature fields for a default name.
    let existing = layout
        .objects
        .iter()
        .filter(|d| {
            d.value
                .dict()
                .is_some_and(|d| d.name(b"FT") == Some(b"Sig"))
        })
        .count();
    let field_name = if options.field_name.is_empty() {
        format!("Signature{}", existing + 1)
    } else {
        options.field_name.clone()
    };
    let rect = options.appearance.as_ref().map_or([0.0; 4], |a| a.rect);
    let mut widget = Dict::default();
    widget.entries.push((b"Type".to_vec(), name("Annot")));
    widget.entries.push((b"Subtype".to_vec(), name("Widget")));
    widget.entries.push((b"FT".to_vec(), name("Sig")));
    widget
        .entries
        .push((b"T".to_vec(), encode_text_string(&field_name)));
    widget.entries.push((b"V".to_vec(), Obj::Ref(sig_id)));
    widget.entries.push((b"F".to_vec(), Obj::Int(132)));
    widget.entries.push((
        b"Rect".to_vec(),
        Obj::Array(rect.iter().map(|v| num(*v)).collect()),
    ));
    widget.entries.push((b"P".to_vec(), Obj::Ref(page_id)));
    if let Some(app) = &options.appearance {
        let ap_id = alloc();
        let w = (app.rect[2] - app.rect[0]).abs();
        let h = (app.rect[3] - app.rect[1]).abs();
        let mut content = String::from("q 0 0 0 rg BT /F1 10 Tf 12 TL ");
        content.push_str(&format!("2 {:.2} Td ", (h - 11.0).max(0.0)));
        for (i, line) in app.lines.iter().enumerate() {
            let escaped = appearance_text(line);
            if i > 0 {
                content.push_str("T* ");
            }
            content.push_str(&format!("({escaped}) Tj "));
        }
        content.push_str("ET Q");
        let mut font = Dict::default();
        font.entries.push((b"Type".to_vec(), name("Font")));
        font.entries.push((b"Subtype".to_vec(), name("Type1")));
        font.entries
            .push((b"BaseFont".to_vec(), name("Times-Roman")));
        font.entries
            .push((b"Encoding".to_vec(), name("WinAnsiEncoding")));
        let mut fonts = Dict::default();
        fonts.entries.push((b"F1".to_vec(), Obj::Dict(font)));
        let mut resources = Dict::default();
        resources.entries.push((b"Font".to_vec(), Obj::Dict(fonts)));
        if let Some(png) = &app.image {
            let image = decode_png(png)?;
            let image_id = alloc();
            let mut dict = image_dict(&image, image.components);
            if let Some(alpha) = &image.alpha {
                let mask_id = alloc();
                let packed = crate::pdf::filter::deflate(alpha);
                let mask = image_dict(&image, 1);
                objects.push((mask_id, Obj::Dict(with_length(mask, packed.len()))));
                stream_bodies.push((mask_id, packed));
                dict.entries.push((b"SMask".to_vec(), Obj::Ref(mask_id)));
            }
            let packed = crate::pdf::filter::deflate(&image.rgb);
            objects.push((image_id, Obj::Dict(with_length(dict, packed.len()))));
            stream_bodies.push((image_id, packed));
            let mut xobjects = Dict::default();
            xobjects.entries.push((b"Im1".to_vec(), Obj::Ref(image_id)));
            resources
                .entries
                .push((b"XObject".to_vec(), Obj::Dict(xobjects)));
            // The image first, scaled to the box; the text over it.
            content = format!("q {w:.2} 0 0 {h:.2} 0 0 cm /Im1 Do Q {content}");
        }
        let mut form = Dict::default();
        form.entries.push((b"Type".to_vec(), name("XObject")));
        form.entries.push((b"Subtype".to_vec(), name("Form")));
        form.entries.push((
            b"BBox".to_vec(),
            Obj::Array(vec![num(0.0), num(0.0), num(w), num(h)]),
        ));
        form.entries
            .push((b"Resources".to_vec(), Obj::Dict(resources)));
        form.entries.push((
            b"Length".to_vec(),
            Obj::Int(i64::try_from(content.len()).unwrap_or(0)),
        ));
        objects.push((ap_id, Obj::Dict(form)));
        let mut ap = Dict::default();
        ap.entries.push((b"N".to_vec(), Obj::Ref(ap_id)));
        widget.entries.push((b"AP".to_vec(), Obj::Dict(ap)));
        stream_bodies.push((ap_id, content.into_bytes()));
    }
    objects.push((field_id, Obj::Dict(widget)));

    // The page gains the widget in /Annots.
    match page.get(b"Annots").cloned() {
        Some(Obj::Ref(annots_id)) => {
            let mut arr = match layout.resolve_at(annots_id, last).map(|d| &d.value) {
                Some(Obj::Array(a)) => a.clone(),
                _ => Vec::new(),
            };
            arr.push(Obj::Ref(field_id));
            objects.push((annots_id, Obj::Array(arr)));
        }
        other => {
            let mut arr = match other {
                Some(Obj::Array(a)) => a,
                _ => Vec::new(),
            };
            arr.push(Obj::Ref(field_id));
            page.entries.retain(|(k, _)| k.as_slice() != b"Annots");
            page.entries.push((b"Annots".to_vec(), Obj::Array(arr)));
            objects.push((page_id, Obj::Dict(page)));
        }
    }
    // The form gains the field; SigFlags 3 = SignaturesExist | AppendOnly (ISO 32000-1 Table 219).
    let add_field = |form: &mut Dict| {
        let mut fields = match form.get(b"Fields") {
            Some(Obj::Array(a)) => a.clone(),
            _ => Vec::new(),
        };
        fields.push(Obj::Ref(field_id));
        form.entries
            .retain(|(k, _)| k.as_slice() != b"Fields" && k.as_slice() != b"SigFlags");
        form.entries.push((b"Fields".to_vec(), Obj::Array(fields)));
        form.entries.push((b"SigFlags".to_vec(), Obj::Int(3)));
    };
    match catalog.get(b"AcroForm").cloned() {
        Some(Obj::Ref(form_id)) => {
            let mut form = layout
                .resolve_at(form_id, last)
                .and_then(|d| d.value.dict())
                .cloned()
                .unwrap_or_default();
            add_field(&mut form);
            objects.push((form_id, Obj::Dict(form)));
        }
        Some(Obj::Dict(mut form)) => {
            add_field(&mut form);
            let mut cat = catalog.clone();
            cat.entries.retain(|(k, _)| k.as_slice() != b"AcroForm");
            cat.entries.push((b"AcroForm".to_vec(), Obj::Dict(form)));
            objects.push((root, Obj::Dict(cat)));
        }
        _ => {
            let form_id = alloc();
            let mut form = Dict::default();
            add_field(&mut form);
            objects.push((form_id, Obj::Dict(form)));
            let mut cat = catalog.clone();
            cat.entries.retain(|(k, _)| k.as_slice() != b"AcroForm");
            cat.entries.push((b"AcroForm".to_vec(), Obj::Ref(form_id)));
            objects.push((root, Obj::Dict(cat)));
        }
    }

    // A certification signature is named in the catalog's /Perms.
    if options.certify.is_some() {
        let position = objects.iter().position(|(id, _)| *id == root);
        let mut cat = match position.and_then(|i| objects.get(i)) {
            Some((_, Obj::Dict(d))) => d.clone(),
            _ => catalog.clone(),
        };
        let mut perms = Dict::default();
        perms.entries.push((b"DocMDP".to_vec(), Obj::Ref(sig_id)));
        cat.entries.retain(|(k, _)| k.as_slice() != b"Perms");
        cat.entries.push((b"Perms".to_vec(), Obj::Dict(perms)));
        match position.and_then(|i| objects.get_mut(i)) {
            Some(slot) => slot.1 = Obj::Dict(cat),
            None => objects.push((root, Obj::Dict(cat))),
        }
    }

    // Serialise the update.
    let mut out = pdf.to_vec();
    if !out.ends_with(b"\n") && !out.ends_with(b"\r") {
        out.push(b'\n');
    }
    let mut offsets: Vec<(u32, u16, usize)> = Vec::new();
    // The signature dictionary, with fixed-width placeholders.
    offsets.push((sig_id.number, 0, out.len()));
    let (kind, sub_filter): (&str, &str) = match options.sub_filter {
        SubFilter::CadesDetached => ("Sig", "ETSI.CAdES.detached"),
        SubFilter::Pkcs7Detached => ("Sig", "adbe.pkcs7.detached"),
        SubFilter::DocTimeStamp => ("DocTimeStamp", "ETSI.RFC3161"),
    };
    out.extend_from_slice(
        format!(
            "{} 0 obj\n<</Type /{kind} /Filter /Adobe.PPKLite /SubFilter /{sub_filter}",
            sig_id.number
        )
        .as_bytes(),
    );
    if let Some(p) = options.certify {
        out.extend_from_slice(
            format!(
                " /Reference [<</Type /SigRef /TransformMethod /DocMDP /TransformParams <</Type /TransformParams /P {} /V /1.2>>>>]",
                p.clamp(1, 3)
            )
            .as_bytes(),
        );
    }
    out.extend_from_slice(b" /ByteRange [0 ");
    let range_at = out.len();
    out.extend_from_slice(&[b' '; 32]);
    out.extend_from_slice(b"] /Contents ");
    let contents_start = out.len();
    out.push(b'<');
    out.resize(out.len() + options.reserve.saturating_mul(2), b'0');
    out.push(b'>');
    let contents_end = out.len();
    out.extend_from_slice(b" /M ");
    write_obj(
        &mut out,
        &Obj::Str {
            bytes: pdf_date(&options.time).into_bytes(),
            kind: StrKind::Literal,
            start: 0,
            end: 0,
        },
        &[],
    );
    if let Some(reason) = &options.reason {
        out.extend_from_slice(b" /Reason ");
        write_obj(&mut out, &encode_text_string(reason), &[]);
    }
    if let Some(location) = &options.location {
        out.extend_from_slice(b" /Location ");
        write_obj(&mut out, &encode_text_string(location), &[]);
    }
    out.extend_from_slice(b">>\nendobj\n");
    for (id, obj) in &objects {
        offsets.push((id.number, id.generation, out.len()));
        out.extend_from_slice(format!("{} {} obj\n", id.number, id.generation).as_bytes());
        write_obj(&mut out, obj, pdf);
        if let Some((_, body)) = stream_bodies.iter().find(|(sid, _)| sid == id) {
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendstream");
        }
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref_at = out.len();
    offsets.sort_by_key(|o| o.0);
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    let mut i = 0;
    while let Some(&(first, _, _)) = offsets.get(i) {
        let mut j = i;
        while offsets
            .get(j + 1)
            .is_some_and(|o| o.0 == first + (j + 1 - i) as u32)
        {
            j += 1;
        }
        out.extend_from_slice(format!("{} {}\n", first, j + 1 - i).as_bytes());
        for &(_, generation, offset) in offsets.get(i..=j).unwrap_or_default() {
            out.extend_from_slice(format!("{offset:010} {generation:05} n \n").as_bytes());
        }
        i = j + 1;
    }
    let mut new_trailer = Dict::default();
    new_trailer
        .entries
        .push((b"Size".to_vec(), Obj::Int(i64::from(next))));
    new_trailer.entries.push((b"Root".to_vec(), Obj::Ref(root)));
    if let Some(info) = trailer.get(b"Info") {
        new_trailer.entries.push((b"Info".to_vec(), info.clone()));
    }
    if let Some(id) = trailer.get(b"ID") {
        new_trailer.entries.push((b"ID".to_vec(), id.clone()));
    }
    if let Some(&(_, prev)) = layout.startxrefs.last() {
        new_trailer
            .entries
            .push((b"Prev".to_vec(), Obj::Int(i64::try_from(prev).unwrap_or(0))));
    }
    out.extend_from_slice(b"trailer\n");
    write_obj(&mut out, &Obj::Dict(new_trailer), &[]);
    out.extend_from_slice(format!("\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    // Fill in the range: [0, contents_start) and [contents_end, EOF).
    let range = format!(
        "{} {} {}",
        contents_start,
        contents_end,
        out.len() - contents_end
    );
    if range.len() > 32 {
        return Err(Error::new(ErrorKind::LimitExceeded(
            "file too large for the /ByteRange placeholder",
        )));
    }
    if let Some(slot) = out.get_mut(range_at..range_at + range.len()) {
        slot.copy_from_slice(range.as_bytes());
    }
    reads_back(&out, contents_end, &options.limits)?;
    Ok(PreparedPdf {
        bytes: out,
        contents_start,
        contents_end,
        sub_filter: options.sub_filter,
        time: options.time,
    })
}

/// Checks that a reader finds, in the prepared file, the signature this
/// update adds, covering the whole file. Damage in the input can make it
/// otherwise: a literal string or a stream that the input never ends is
/// ended by the update's bytes and swallows them, and the signature would be
/// made over a file in which it cannot be found. Such an input is refused:
/// one reading of the result, linear like the first.
fn reads_back(out: &[u8], contents_end: usize, limits: &crate::Limits) -> Result<(), Error> {
    // The input was read within `limits`; the update adds one revision, one
    // signature and a few objects and values, which must not be what makes
    // the result exceed them.
    let mut limits = *limits;
    limits.max_revisions = limits.max_revisions.saturating_add(1);
    limits.max_signatures = limits.max_signatures.saturating_add(1);
    limits.max_objects = limits.max_objects.saturating_add(64);
    limits.max_values = limits.max_values.saturating_add(1 << 16);
    let found = crate::pdf::locate::locate(out, &limits)?;
    let ours = found.signatures.iter().any(|s| {
        s.coverage == crate::pdf::locate::Coverage::EntireFile
            && s.byte_range
                .as_ref()
                .is_ok_and(|r| r.second_start == contents_end)
    });
    if ours {
        Ok(())
    } else {
        Err(structure(
            "the file is damaged: a string or stream in it would run into the signature's update, \
             and the signature could not be found again; repair the file (save it again) before signing",
        ))
    }
}
