//! The byte layout of a PDF file: every object definition, cross-reference
//! section, `startxref` and `%%EOF`, in file order, and the revisions they form.
//!
//! The walk is sequential and strict about positions: each incremental update
//! (ISO 32000-1 §7.5.6) ends with `startxref N %%EOF`, and that marker is where
//! a signature's `/ByteRange` must end. Anything that is not a recognisable
//! top-level element is recorded as an unparsed region rather than skipped in
//! silence, so that later stages can refuse to trust it.

use super::object::{Bounds, Dict, Lexer, Obj, ObjectId};
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
    /// Where the walk stopped because the file has more revisions than
    /// `Limits::max_revisions`: the start of the first revision left unread.
    pub(crate) unexamined_from: Option<usize>,
    /// Indexes into `objects` by object id, in file order (no quadratic lookups
    /// on hostile files with millions of objects).
    pub(crate) by_id: ObjectIndex,
    /// Indexes by object number, in file order, for cross-reference entries
    /// that give no generation.
    by_number: Vec<(u32, usize)>,
}

/// The definitions of each object id: pairs of an id and an index into
/// [`Layout::objects`], sorted by id and then by file order (16 bytes a
/// definition, where a map of vectors costs several times that).
#[derive(Debug, Clone, Default)]
pub(crate) struct ObjectIndex(Vec<(ObjectId, usize)>);

impl ObjectIndex {
    fn new(objects: &[ObjectDef]) -> Self {
        let mut pairs: Vec<(ObjectId, usize)> =
            objects.iter().enumerate().map(|(i, d)| (d.id, i)).collect();
        pairs.sort_unstable();
        Self(pairs)
    }

    /// The indexes of the definitions of `id`, in file order.
    pub(crate) fn get(&self, id: &ObjectId) -> Option<&[(ObjectId, usize)]> {
        let start = self.0.partition_point(|(k, _)| k < id);
        let end = start + self.0.get(start..)?.partition_point(|(k, _)| k == id);
        self.0.get(start..end).filter(|s| !s.is_empty())
    }
}

/// Most white space skipped between where a cross-reference entry or a
/// stream's `/Length` points and the keyword that should be there: an end
/// of line and a little more. Searching further, from every entry, would
/// make a file of white space quadratic to read.
const MAX_GAP: usize = 64;

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
        let mut lx = Lexer::bounded(data, header, Bounds::of(limits));
        lx.skip_line();
        let mut revision_start = 0usize;
        let mut seen_startxref = false;
        // Cross-reference entries the file may still declare, in all sections.
        let mut entries_left = limits.max_objects;
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
                            // Read no further: what is read stays usable, and the
                            // caller says that the rest was not examined.
                            layout.forget_from(revision_start);
                            break;
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
                match parse_xref_table(&mut lx, &mut entries_left) {
                    Ok((entries, free, trailer)) => layout.xrefs.push(XrefSection {
                        offset: here,
                        entries,
                        free,
                        trailer,
                        compressed: Vec::new(),
                        decoded: true,
                        revision: None,
                    }),
                    Err(e) if is_limit(&e) => return Err(e),
                    // Walk on from the line after `xref`, not from where the
                    // table failed: the table may have read into the next
                    // update (`%%EOF` is a comment to the lexer), and each of
                    // its lines is walked once more at most.
                    Err(_) => resync(&mut lx, &mut layout, here, None),
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
                    Err(e) if is_limit(&e) => return Err(e),
                    Err(e) => resync(&mut lx, &mut layout, here, e.offset()),
                }
            } else if b.is_ascii_digit() {
                match parse_indirect(&mut lx) {
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
                    Err(e) if is_limit(&e) => return Err(e),
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
        if layout.unexamined_from.is_none()
            && data
                .get(last_end..)
                .is_some_and(|rest| rest.iter().any(|&b| !super::object::is_whitespace(b)))
        {
            layout.trailing_data = Some(last_end);
        }
        let mut bounds = lx.bounds();
        layout.expand_streams(data, limits, &mut bounds, &mut entries_left)?;
        let revisions = &layout.revisions;
        let revision_of = |offset: usize| {
            let i = revisions.partition_point(|r| r.end <= offset);
            (i < revisions.len()).then_some(i)
        };
        for def in &mut layout.objects {
            def.revision = revision_of(def.offset);
        }
        for x in &mut layout.xrefs {
            x.revision = revision_of(x.offset);
        }
        layout.objects.shrink_to_fit();
        layout.by_id = ObjectIndex::new(&layout.objects);
        layout.by_number = layout
            .objects
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.number, i))
            .collect();
        layout.by_number.sort_unstable();
        Ok(layout)
    }

    /// Drops everything found from `offset` on: the walk stops there, and the
    /// layout says so ([`unexamined_from`](Self::unexamined_from)).
    fn forget_from(&mut self, offset: usize) {
        self.objects.retain(|d| d.offset < offset);
        self.xrefs.retain(|x| x.offset < offset);
        self.startxrefs.retain(|&(at, _)| at < offset);
        self.unparsed.retain(|&(start, _)| start < offset);
        self.missing_endobj.retain(|&at| at < offset);
        self.unexamined_from = Some(offset);
    }

    /// Refuses a layout whose walk stopped before the end of the file: an
    /// update written on it would be based on an old revision.
    ///
    /// # Errors
    /// `LimitExceeded` when the file has more revisions than `max_revisions`.
    pub(crate) fn require_whole(&self) -> Result<(), Error> {
        match self.unexamined_from {
            Some(at) => Err(Error::at(
                ErrorKind::LimitExceeded("revisions (max_revisions)"),
                at,
            )),
            None => Ok(()),
        }
    }

    /// The object defined at `offset`, as a cross-reference entry gives it.
    /// Writers in use point some entries at the end-of-line before the
    /// definition (one byte early); white space cannot hide another object,
    /// so it is skipped, as PDF readers do.
    pub(crate) fn definition_at(&self, data: &[u8], offset: u64) -> Option<usize> {
        let at = usize::try_from(offset).ok()?;
        if let Some(i) = self.first_at(at) {
            return Some(i);
        }
        let gap = data.get(at..).map_or(0, |rest| {
            rest.iter()
                .take(MAX_GAP)
                .take_while(|&&b| super::object::is_whitespace(b))
                .count()
        });
        self.first_at(at + gap)
    }

    /// The index of the first object defined at `offset` (objects are in
    /// file order, so this is a binary search).
    fn first_at(&self, offset: usize) -> Option<usize> {
        let i = self.objects.partition_point(|d| d.offset < offset);
        self.objects
            .get(i)
            .is_some_and(|d| d.offset == offset)
            .then_some(i)
    }

    /// Decodes cross-reference streams and object streams, inserting the objects
    /// of each object stream right after it (so that file order is kept).
    ///
    /// Each object stream is decoded once and each object in it parsed once,
    /// from its own bytes only; the values parsed count against the budget
    /// `bounds` shares with the walk, the entries of cross-reference streams
    /// against `entries_left`, and all objects against `Limits::max_objects`.
    fn expand_streams(
        &mut self,
        data: &[u8],
        limits: &Limits,
        bounds: &mut Bounds,
        entries_left: &mut usize,
    ) -> Result<(), Error> {
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
                        let entries = match take(dict, *data_start, *data_end) {
                            Some(d) => super::filter::xref_stream_entries(dict, &d, *entries_left)
                                .map_err(|()| {
                                    Error::at(
                                        ErrorKind::LimitExceeded("xref entries (max_objects)"),
                                        def.offset,
                                    )
                                })?,
                            None => None,
                        };
                        // The sections are in file order: the one at this offset is found
                        // by a binary search.
                        let at = self.xrefs.partition_point(|x| x.offset < def.offset);
                        if let (Some((used, free, compressed)), Some(x)) = (
                            entries,
                            self.xrefs.get_mut(at).filter(|x| x.offset == def.offset),
                        ) {
                            *entries_left = entries_left
                                .saturating_sub(used.len() + free.len() + compressed.len());
                            x.entries = used;
                            x.free = free;
                            x.compressed = compressed;
                            x.decoded = true;
                        }
                    }
                    Some(b"ObjStm") => {
                        let decoded = take(dict, *data_start, *data_end);
                        match decoded {
                            Some(d) => match object_stream(&d, dict, &def, limits, bounds)? {
                                Some(c) => children = c,
                                None => self.undecodable.push(def.offset),
                            },
                            None => self.undecodable.push(def.offset),
                        }
                    }
                    _ => {}
                }
            }
            expanded.push(def);
            expanded.extend(children);
            if expanded.len() > limits.max_objects {
                return Err(Error::at(
                    ErrorKind::LimitExceeded("objects (max_objects)"),
                    expanded.last().map_or(0, |d| d.offset),
                ));
            }
        }
        self.objects = expanded;
        Ok(())
    }

    /// The definition of `id` visible at the end of revision `revision`
    /// (the last one defined before that revision's end).
    pub(crate) fn resolve_at(&self, id: ObjectId, revision: usize) -> Option<&ObjectDef> {
        self.resolve_index(id, revision)
            .and_then(|i| self.objects.get(i))
    }

    /// The index in `objects` of the last definition of `id` visible at `revision`.
    pub(crate) fn resolve_index(&self, id: ObjectId, revision: usize) -> Option<usize> {
        let defs = self.by_id.get(&id)?;
        // In file order, so revisions never decrease: a binary search, however
        // many times the object is redefined.
        let visible = defs.partition_point(|&(_, i)| {
            self.objects
                .get(i)
                .is_some_and(|d| d.revision.is_some_and(|r| r <= revision))
        });
        defs.get(visible.checked_sub(1)?).map(|&(_, i)| i)
    }

    /// Definitions with object number `number`, in file order.
    pub(crate) fn with_number(&self, number: u32) -> impl Iterator<Item = &ObjectDef> {
        let start = self.by_number.partition_point(|&(n, _)| n < number);
        self.by_number
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&(n, _)| n == number)
            .filter_map(|&(_, i)| self.objects.get(i))
    }

    /// The trailer that governs revision `revision`: the last one in it.
    pub(crate) fn trailer_of(&self, revision: usize) -> Option<&Dict> {
        // Sections are in file order, so their revisions never decrease.
        let end = self
            .xrefs
            .partition_point(|x| x.revision.is_some_and(|r| r <= revision));
        self.xrefs
            .get(..end)?
            .iter()
            .rev()
            .take_while(|x| x.revision == Some(revision))
            .find_map(|x| x.trailer.as_ref())
    }
}

/// True for an error that stops the reading: a limit, not a syntax error
/// that the walk steps over.
fn is_limit(e: &Error) -> bool {
    matches!(e.kind(), ErrorKind::LimitExceeded(_))
}

/// The objects of object stream `stream` (ISO 32000-1 §7.5.7): `/N` pairs
/// of object number and offset, then the objects from `/First`, decoded in
/// `data`. `None` when it is malformed; an error when a limit is hit.
///
/// The offsets must increase (ISO 32000-1 §7.5.7), and each object is parsed
/// from its own bytes only, up to the next object's offset: no byte is parsed
/// twice, so many entries pointing at one large object cost nothing more.
fn object_stream(
    data: &[u8],
    dict: &Dict,
    stream: &ObjectDef,
    limits: &Limits,
    bounds: &mut Bounds,
) -> Result<Option<Vec<ObjectDef>>, Error> {
    let (Some(Obj::Int(count)), Some(Obj::Int(first))) = (dict.get(b"N"), dict.get(b"First"))
    else {
        return Ok(None);
    };
    let (Ok(count), Ok(first)) = (usize::try_from(*count), usize::try_from(*first)) else {
        return Ok(None);
    };
    // Each pair takes at least three bytes (`1 0`): a larger count is a lie.
    if count > limits.max_objects || count > data.len() / 3 + 1 {
        return Ok(None);
    }
    let mut lx = Lexer::new(data, 0);
    let mut pairs: Vec<(u32, usize)> = Vec::with_capacity(count);
    for _ in 0..count {
        lx.skip_ws();
        let number = lx.read_uint().and_then(|n| u32::try_from(n).ok());
        lx.skip_ws();
        let rel = lx.read_uint().and_then(|r| usize::try_from(r).ok());
        let (Some(number), Some(rel)) = (number, rel) else {
            return Ok(None);
        };
        if pairs.last().is_some_and(|&(_, before)| rel <= before) {
            return Ok(None);
        }
        pairs.push((number, rel));
    }
    let mut out = Vec::with_capacity(pairs.len());
    for (k, &(number, rel)) in pairs.iter().enumerate() {
        let Some(start) = first.checked_add(rel) else {
            return Ok(None);
        };
        let end = pairs
            .get(k + 1)
            .and_then(|&(_, next)| first.checked_add(next))
            .map_or(data.len(), |e| e.min(data.len()));
        let Some(own) = data.get(..end) else {
            return Ok(None);
        };
        let mut at = Lexer::bounded(own, start, *bounds);
        let value = match at.parse_object(0) {
            Ok(value) => value,
            Err(e) if is_limit(&e) => {
                // The offset in the decoded stream means nothing in the file:
                // say which stream it is.
                return Err(Error::at(e.kind().clone(), stream.offset));
            }
            Err(_) => return Ok(None),
        };
        *bounds = at.bounds();
        out.push(ObjectDef {
            id: ObjectId {
                number,
                generation: 0,
            },
            offset: stream.offset,
            value,
            revision: None,
            container: Some(stream.id),
        });
    }
    Ok(Some(out))
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

/// Parses a classic cross-reference table and its trailer; its entries count
/// against `entries_left`, shared by every section of the file.
fn parse_xref_table(lx: &mut Lexer<'_>, entries_left: &mut usize) -> Result<XrefTable, Error> {
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
            *entries_left = entries_left.checked_sub(1).ok_or_else(|| {
                Error::at(
                    ErrorKind::LimitExceeded("xref entries (max_objects)"),
                    entry_at,
                )
            })?;
        }
    }
}

/// Parses `N G obj <object> [stream … endstream] endobj`.
/// `Ok(None)` when no object header is here.
fn parse_indirect(lx: &mut Lexer<'_>) -> Result<Option<(ObjectDef, bool)>, Error> {
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
        // A /Length past the end of the file is wrong, like any other that
        // does not end at `endstream`: the keyword is searched for instead.
        let by_length = declared.and_then(|n| {
            let end = data_start.checked_add(n)?;
            let gap = lx.data.get(end..)?.iter().take(MAX_GAP);
            let at = end
                + gap
                    .take_while(|&&b| super::object::is_whitespace(b))
                    .count();
            Lexer::new(lx.data, at)
                .at_keyword(b"endstream")
                .then_some((end, at))
        });
        let (data_end, endstream_at) = match by_length {
            Some(found) => found,
            None => {
                // /Length is indirect or wrong: find the keyword instead.
                let at = lx
                    .find_endstream(data_start)
                    .ok_or_else(|| Error::at(ErrorKind::UnexpectedEnd, data_start))?;
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
