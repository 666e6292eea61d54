//! The byte layout of a PDF file: every object definition, cross-reference
//! section, `startxref` and `%%EOF`, in file order, and the revisions they form.
//!
//! The walk is sequential and strict about positions: each incremental update
//! (ISO 32000-1 §7.5.6) ends with `startxref N %%EOF`, and that marker is where
//! a signature's `/ByteRange` must end. Anything that is not a recognisable
//! top-level element is recorded as an unparsed region rather than skipped in
//! silence, so that later stages can refuse to trust it.

use super::object::{Dict, Lexer, Obj, ObjectId};
use crate::error::{Error, ErrorKind};
use crate::limits::Limits;

/// One revision: the bytes from the start of the file to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Revision {
    /// Offset where the bytes added by this revision start (0 for the first).
    pub start: usize,
    /// Offset just after this revision's `%%EOF` and its end-of-line.
    pub end: usize,
    /// Offset just after `%%EOF`, before any end-of-line.
    pub marker_end: usize,
}

impl Revision {
    /// True when a signed range ending at `offset` ends at this revision's end.
    #[must_use]
    pub fn ends_at(&self, offset: usize) -> bool {
        offset == self.end || offset == self.marker_end
    }
}

/// One object definition `N G obj … endobj`.
#[derive(Debug, Clone)]
pub(crate) struct ObjectDef {
    pub(crate) id: ObjectId,
    pub(crate) offset: usize,
    pub(crate) value: Obj,
    /// Index of the revision that contains it; `None` after the last `%%EOF`.
    pub(crate) revision: Option<usize>,
    /// The object stream that holds it, when compressed (its offset is the stream's).
    pub(crate) container: Option<ObjectId>,
}

/// One cross-reference section: a classic table with its trailer, or a stream.
#[derive(Debug, Clone)]
pub(crate) struct XrefSection {
    pub(crate) offset: usize,
    /// In-use entries of a classic table: (object number, generation, offset).
    pub(crate) entries: Vec<(u32, u16, u64)>,
    /// Free entries of a classic table (object numbers).
    pub(crate) free: Vec<u32>,
    pub(crate) trailer: Option<Dict>,
    /// Compressed entries of a stream: (object number, object stream number).
    pub(crate) compressed: Vec<(u32, u32)>,
    /// False when a stream's entries could not be decoded.
    pub(crate) decoded: bool,
    pub(crate) revision: Option<usize>,
}

/// What the walk found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    pub(crate) objects: Vec<ObjectDef>,
    pub(crate) xrefs: Vec<XrefSection>,
    pub(crate) revisions: Vec<Revision>,
    /// `startxref` values with the offset of the keyword.
    pub(crate) startxrefs: Vec<(usize, u64)>,
    /// Regions that are not recognisable top-level elements.
    pub(crate) unparsed: Vec<(usize, usize)>,
    /// Objects without `endobj`.
    pub(crate) missing_endobj: Vec<usize>,
    /// Bytes after the last `%%EOF` that are not whitespace.
    pub(crate) trailing_data: Option<usize>,
    /// Offsets of object streams that could not be decoded.
    pub(crate) undecodable: Vec<usize>,
    /// Indexes into `objects` by object id, in file order (no quadratic lookups
    /// on hostile files with millions of objects).
    pub(crate) by_id: std::collections::BTreeMap<ObjectId, Vec<usize>>,
    /// Index of the first object defined at each offset.
    pub(crate) by_offset: std::collections::BTreeMap<usize, usize>,
    /// Indexes by object number, for cross-reference entries that give no generation.
    pub(crate) by_number: std::collections::BTreeMap<u32, Vec<usize>>,
}

impl Layout {
    /// Walks `data` from the header to the end.
    pub(crate) fn parse(data: &[u8], limits: &Limits) -> Result<Self, Error> {
        if data.len() > limits.max_file_size {
            return Err(Error::new(ErrorKind::LimitExceeded("file size")));
        }
        // The header may be preceded by a little junk (ISO 32000-1 §7.5.2, readers accept
        // up to 1024 bytes), but signed PDFs written by real tools start with it.
        let header = data
            .windows(5)
            .take(1024)
            .position(|w| w == b"%PDF-")
            .ok_or_else(|| Error::at(ErrorKind::NotPdf, 0))?;
        let mut layout = Layout::default();
        if header > 0 {
            layout.unparsed.push((0, header));
        }
        let mut lx = Lexer::new(data, header);
        lx.skip_line();
        let mut revision_start = 0usize;
        let mut seen_startxref = false;
        while !lx.at_end() {
            lx.skip_spaces();
            let Some(b) = lx.peek() else { break };
            let here = lx.pos;
            if b == b'%' {
                if lx.starts_with(b"%%EOF") {
                    lx.pos += 5;
                    let marker_end = lx.pos;
                    if lx.starts_with(b"\r\n") {
                        lx.pos += 2;
                    } else if matches!(lx.peek(), Some(b'\n' | b'\r')) {
                        lx.pos += 1;
                    }
                    if seen_startxref {
                        if layout.revisions.len() >= limits.max_revisions {
                            return Err(Error::at(ErrorKind::LimitExceeded("revisions"), here));
                        }
                        layout.revisions.push(Revision {
                            start: revision_start,
                            end: lx.pos,
                            marker_end,
                        });
                        revision_start = lx.pos;
                        seen_startxref = false;
                    }
                } else {
                    lx.skip_line();
                }
            } else if lx.at_keyword(b"xref") {
                lx.pos += 4;
                match parse_xref_table(&mut lx, limits) {
                    Ok((entries, free, trailer)) => layout.xrefs.push(XrefSection {
                        offset: here,
                        entries,
                        free,
                        trailer,
                        compressed: Vec::new(),
                        decoded: true,
                        revision: None,
                    }),
                    Err(e) => resync(&mut lx, &mut layout, here, e.offset()),
                }
            } else if lx.at_keyword(b"startxref") {
                lx.pos += 9;
                lx.skip_ws();
                match lx.read_uint() {
                    Some(v) => {
                        layout.startxrefs.push((here, v));
                        seen_startxref = true;
                    }
                    None => resync(&mut lx, &mut layout, here, None),
                }
            } else if lx.at_keyword(b"trailer") {
                // A trailer without a table before it: keep it for its /Root.
                lx.pos += 7;
                match lx.parse_object(0) {
                    Ok(Obj::Dict(d)) => layout.xrefs.push(XrefSection {
                        offset: here,
                        entries: Vec::new(),
                        free: Vec::new(),
                        trailer: Some(d),
                        compressed: Vec::new(),
                        decoded: true,
                        revision: None,
                    }),
                    Ok(_) => resync(&mut lx, &mut layout, here, None),
                    Err(e) => resync(&mut lx, &mut layout, here, e.offset()),
                }
            } else if b.is_ascii_digit() {
                match parse_indirect(&mut lx, limits) {
                    Ok(Some((def, has_endobj))) => {
                        if layout.objects.len() >= limits.max_objects {
                            return Err(Error::at(ErrorKind::LimitExceeded("objects"), here));
                        }
                        if !has_endobj {
                            layout.missing_endobj.push(here);
                        }
                        if let Obj::Stream { dict, .. } = &def.value
                            && dict.name(b"Type") == Some(b"XRef")
                        {
                            layout.xrefs.push(XrefSection {
                                offset: here,
                                entries: Vec::new(),
                                free: Vec::new(),
                                trailer: Some(dict.clone()),
                                compressed: Vec::new(),
                                decoded: false,
                                revision: None,
                            });
                        }
                        layout.objects.push(def);
                    }
                    Ok(None) => resync(&mut lx, &mut layout, here, None),
                    Err(e) => resync(&mut lx, &mut layout, here, e.offset()),
                }
            } else {
                resync(&mut lx, &mut layout, here, None);
            }
        }
        if layout.revisions.is_empty() {
            return Err(Error::at(ErrorKind::NoRevision, data.len()));
        }
        let last_end = layout.revisions.last().map_or(0, |r| r.end);
        // Objects or cross-reference data after the last %%EOF with no
        // `startxref … %%EOF` of their own: the file was cut off, or an update
        // was never finished. Either way it is damaged, not a new revision.
        if let Some(first) = layout
            .objects
            .iter()
            .map(|d| d.offset)
            .chain(layout.xrefs.iter().map(|x| x.offset))
            .chain(
                layout
                    .unparsed
                    .iter()
                    .map(|&(start, _)| start)
                    .filter(|&start| opens_object(data, start)),
            )
            .filter(|&o| o >= last_end)
            .min()
        {
            return Err(Error::at(ErrorKind::Truncated, first));
        }
        if data
            .get(last_end..)
            .is_some_and(|rest| rest.iter().any(|&b| !super::object::is_whitespace(b)))
        {
            layout.trailing_data = Some(last_end);
        }
        layout.expand_streams(data, limits);
        let revisions = layout.revisions.clone();
        let revision_of = |offset: usize| revisions.iter().position(|r| offset < r.end);
        for def in &mut layout.objects {
            def.revision = revision_of(def.offset);
        }
        for x in &mut layout.xrefs {
            x.revision = revision_of(x.offset);
        }
        for (i, def) in layout.objects.iter().enumerate() {
            layout.by_id.entry(def.id).or_default().push(i);
            layout.by_number.entry(def.id.number).or_default().push(i);
            layout.by_offset.entry(def.offset).or_insert(i);
        }
        Ok(layout)
    }

    /// The object defined at `offset`, as a cross-reference entry gives it.
    /// Writers in use point some entries at the end-of-line before the
    /// definition (one byte early); white space cannot hide another object,
    /// so it is skipped, as PDF readers do.
    pub(crate) fn definition_at(&self, data: &[u8], offset: u64) -> Option<usize> {
        let mut at = usize::try_from(offset).ok()?;
        if let Some(&i) = self.by_offset.get(&at) {
            return Some(i);
        }
        while data
            .get(at)
            .copied()
            .is_some_and(super::object::is_whitespace)
        {
            at += 1;
        }
        self.by_offset.get(&at).copied()
    }

    /// Decodes cross-reference streams and object streams, inserting the objects
    /// of each object stream right after it (so that file order is kept).
    fn expand_streams(&mut self, data: &[u8], limits: &Limits) {
        let mut budget = limits.max_decompressed;
        let mut take = |dict: &Dict, start: usize, end: usize| -> Option<Vec<u8>> {
            let raw = data.get(start..end)?;
            let out = super::filter::decode(dict, raw, budget)?;
            budget = budget.saturating_sub(out.len());
            Some(out)
        };
        let objects = std::mem::take(&mut self.objects);
        let mut expanded = Vec::with_capacity(objects.len());
        for def in objects {
            let mut children = Vec::new();
            if let Obj::Stream {
                dict,
                data_start,
                data_end,
            } = &def.value
            {
                match dict.name(b"Type") {
                    Some(b"XRef") => {
                        let entries = take(dict, *data_start, *data_end).and_then(|d| {
                            super::filter::xref_stream_entries(dict, &d, limits.max_objects)
                        });
                        if let (Some((used, free, compressed)), Some(x)) = (
                            entries,
                            self.xrefs.iter_mut().find(|x| x.offset == def.offset),
                        ) {
                            x.entries = used;
                            x.free = free;
                            x.compressed = compressed;
                            x.decoded = true;
                        }
                    }
                    Some(b"ObjStm") => {
                        match take(dict, *data_start, *data_end)
                            .and_then(|d| object_stream(&d, dict, def.id, def.offset, limits))
                        {
                            Some(c) => children = c,
                            None => self.undecodable.push(def.offset),
                        }
                    }
                    _ => {}
                }
            }
            expanded.push(def);
            expanded.extend(children);
        }
        self.objects = expanded;
    }

    /// The definition of `id` visible at the end of revision `revision`
    /// (the last one defined before that revision's end).
    pub(crate) fn resolve_at(&self, id: ObjectId, revision: usize) -> Option<&ObjectDef> {
        self.by_id
            .get(&id)?
            .iter()
            .rev()
            .filter_map(|&i| self.objects.get(i))
            .find(|d| d.revision.is_some_and(|r| r <= revision))
    }

    /// The index in `objects` of the last definition of `id` visible at `revision`.
    pub(crate) fn resolve_index(&self, id: ObjectId, revision: usize) -> Option<usize> {
        self.by_id.get(&id)?.iter().rev().copied().find(|&i| {
            self.objects
                .get(i)
                .is_some_and(|d| d.revision.is_some_and(|r| r <= revision))
        })
    }

    /// Definitions with object number `number`, in file order.
    pub(crate) fn with_number(&self, number: u32) -> impl Iterator<Item = &ObjectDef> {
        self.by_number
            .get(&number)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.objects.get(i))
    }

    /// The trailer that governs revision `revision`: the last one in it.
    pub(crate) fn trailer_of(&self, revision: usize) -> Option<&Dict> {
        self.xrefs
            .iter()
            .rev()
            .filter(|x| x.revision == Some(revision))
            .find_map(|x| x.trailer.as_ref())
    }
}

/// The objects of an object stream (ISO 32000-1 §7.5.7): `/N` pairs of
/// object number and offset, then the objects from `/First`.
fn object_stream(
    data: &[u8],
    dict: &Dict,
    container: ObjectId,
    offset: usize,
    limits: &Limits,
) -> Option<Vec<ObjectDef>> {
    let count = match dict.get(b"N") {
        Some(Obj::Int(n)) => usize::try_from(*n).ok()?,
        _ => return None,
    };
    let first = match dict.get(b"First") {
        Some(Obj::Int(n)) => usize::try_from(*n).ok()?,
        _ => return None,
    };
    if count > limits.max_objects {
        return None;
    }
    let mut lx = Lexer::new(data, 0);
    let mut pairs = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        lx.skip_ws();
        let number = u32::try_from(lx.read_uint()?).ok()?;
        lx.skip_ws();
        let rel = usize::try_from(lx.read_uint()?).ok()?;
        pairs.push((number, rel));
    }
    let mut out = Vec::with_capacity(pairs.len());
    for (number, rel) in pairs {
        let mut at = Lexer::new(data, first.checked_add(rel)?);
        let value = at.parse_object(0).ok()?;
        out.push(ObjectDef {
            id: ObjectId {
                number,
                generation: 0,
            },
            offset,
            value,
            revision: None,
            container: Some(container),
        });
    }
    Some(out)
}

/// True when `data` at `at` starts like a part of a revision: an object
/// definition `N G obj`, a cross-reference table, a trailer or `startxref`,
/// or the beginning of one cut off by the end of the file.
fn opens_object(data: &[u8], at: usize) -> bool {
    let rest = data.get(at..).unwrap_or_default();
    let keyword = |k: &[u8]| rest.starts_with(k) || (rest.len() < k.len() && k.starts_with(rest));
    if [&b"xref"[..], b"trailer", b"startxref"]
        .into_iter()
        .any(keyword)
    {
        return true;
    }
    // `N G obj`, where the file may end anywhere.
    let mut i = 0;
    for _ in 0..2 {
        let start = i;
        while rest.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
        let digits_end = i;
        while rest
            .get(i)
            .copied()
            .is_some_and(super::object::is_whitespace)
        {
            i += 1;
        }
        if i == rest.len() {
            return true;
        }
        if i == digits_end {
            return false;
        }
    }
    let tail = rest.get(i..).unwrap_or_default();
    tail.starts_with(b"obj") || (tail.len() < 3 && b"obj".starts_with(tail))
}

/// Records an unparsed region from `start` and moves to the next line.
fn resync(lx: &mut Lexer<'_>, layout: &mut Layout, start: usize, error_at: Option<usize>) {
    lx.pos = error_at.unwrap_or(start).max(start + 1);
    lx.skip_line();
    layout.unparsed.push((start, lx.pos));
}

type XrefTable = (Vec<(u32, u16, u64)>, Vec<u32>, Option<Dict>);

fn parse_xref_table(lx: &mut Lexer<'_>, limits: &Limits) -> Result<XrefTable, Error> {
    let mut entries = Vec::new();
    let mut free = Vec::new();
    loop {
        lx.skip_ws();
        if lx.at_keyword(b"trailer") {
            lx.pos += 7;
            return match lx.parse_object(0)? {
                Obj::Dict(d) => Ok((entries, free, Some(d))),
                _ => Err(Error::at(
                    ErrorKind::Structure("trailer is not a dictionary".into()),
                    lx.pos,
                )),
            };
        }
        let at = lx.pos;
        let first = lx
            .read_uint()
            .ok_or_else(|| Error::at(ErrorKind::Structure("bad xref subsection".into()), at))?;
        lx.skip_ws();
        let count = lx
            .read_uint()
            .ok_or_else(|| Error::at(ErrorKind::Structure("bad xref subsection".into()), at))?;
        if count > limits.max_objects as u64 {
            return Err(Error::at(ErrorKind::LimitExceeded("xref entries"), at));
        }
        for i in 0..count {
            lx.skip_ws();
            let entry_at = lx.pos;
            let bad = || Error::at(ErrorKind::Structure("bad xref entry".into()), entry_at);
            let offset = lx.read_uint().ok_or_else(bad)?;
            lx.skip_ws();
            let generation = lx
                .read_uint()
                .and_then(|g| u16::try_from(g).ok())
                .ok_or_else(bad)?;
            lx.skip_ws();
            let number = first
                .checked_add(i)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(bad)?;
            match lx.peek() {
                Some(b'n') => entries.push((number, generation, offset)),
                Some(b'f') => free.push(number),
                _ => return Err(bad()),
            }
            lx.pos += 1;
            if entries.len() + free.len() > limits.max_objects {
                return Err(Error::at(
                    ErrorKind::LimitExceeded("xref entries"),
                    entry_at,
                ));
            }
        }
    }
}

/// Parses `N G obj <object> [stream … endstream] endobj`.
/// `Ok(None)` when no object header is here.
fn parse_indirect(lx: &mut Lexer<'_>, limits: &Limits) -> Result<Option<(ObjectDef, bool)>, Error> {
    let offset = lx.pos;
    let Some(id) = lx.read_object_header() else {
        return Ok(None);
    };
    let mut value = lx.parse_object(0)?;
    lx.skip_ws();
    if lx.at_keyword(b"stream") {
        let Obj::Dict(dict) = value else {
            return Err(Error::at(
                ErrorKind::Structure("stream without a dictionary".into()),
                lx.pos,
            ));
        };
        lx.pos += 6;
        if lx.starts_with(b"\r\n") {
            lx.pos += 2;
        } else if matches!(lx.peek(), Some(b'\n' | b'\r')) {
            lx.pos += 1;
        }
        let data_start = lx.pos;
        let declared = match dict.get(b"Length") {
            Some(Obj::Int(n)) => usize::try_from(*n).ok(),
            _ => None,
        };
        if declared.is_some_and(|n| n > limits.max_file_size) {
            return Err(Error::at(
                ErrorKind::LimitExceeded("stream length"),
                data_start,
            ));
        }
        let by_length = declared.and_then(|n| {
            let end = data_start.checked_add(n)?;
            let mut probe = Lexer::new(lx.data, end);
            probe.skip_spaces();
            probe.at_keyword(b"endstream").then_some((end, probe.pos))
        });
        let (data_end, endstream_at) = match by_length {
            Some(found) => found,
            None => {
                // /Length is indirect or wrong: find the keyword instead.
                let rel = lx
                    .data
                    .get(data_start..)
                    .and_then(|rest| rest.windows(9).position(|w| w == b"endstream"))
                    .ok_or_else(|| Error::at(ErrorKind::UnexpectedEnd, data_start))?;
                let at = data_start + rel;
                let mut end = at;
                if end > data_start && lx.data.get(end - 1) == Some(&b'\n') {
                    end -= 1;
                }
                if end > data_start && lx.data.get(end - 1) == Some(&b'\r') {
                    end -= 1;
                }
                (end, at)
            }
        };
        lx.pos = endstream_at + 9;
        lx.skip_ws();
        value = Obj::Stream {
            dict,
            data_start,
            data_end,
        };
    }
    let has_endobj = lx.at_keyword(b"endobj");
    if has_endobj {
        lx.pos += 6;
    }
    Ok(Some((
        ObjectDef {
            id,
            offset,
            value,
            revision: None,
            container: None,
        },
        has_endobj,
    )))
}
