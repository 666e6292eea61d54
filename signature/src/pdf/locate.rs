//! The signature locator: every signature dictionary, the revision it closes,
//! and whether its `/ByteRange` is sane.
//!
//! The rules are those that defeat the Universal Signature Forgery and Signature
//! Wrapping attacks (Mladenov et al., CCS 2019): the range must be exactly four
//! integers `[0 b c d]`, the gap `[b, c)` must be exactly this dictionary's own
//! `/Contents` hex string `<…>`, and `c + d` must be the end of a revision
//! (`%%EOF`). Anything else is reported, never repaired.

use super::layout::{Layout, Revision};
use super::object::{Dict, Obj, ObjectId, StrKind};
use crate::error::Error;
use crate::limits::Limits;

/// What kind of signature a dictionary holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignatureKind {
    /// `/Type /Sig` (or no type): an approval or certification signature.
    Signature,
    /// `/Type /DocTimeStamp`: an RFC 3161 document time-stamp (ETSI.RFC3161).
    DocTimeStamp,
}

/// How much of the file a signature covers (pyHanko's coverage levels, without `UNCLEAR`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Coverage {
    /// The range is malformed or does not end at a revision end.
    Partial,
    /// The whole of an earlier revision; later updates follow.
    EntireRevision,
    /// The whole file except the signature value itself.
    EntireFile,
}

impl Coverage {
    /// `entire_file`, `entire_revision` or `partial`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Partial => "partial",
            Self::EntireRevision => "entire_revision",
            Self::EntireFile => "entire_file",
        }
    }
}

/// A well-formed `/ByteRange [0 b c d]`: signed bytes are `[0, b)` and `[c, c + d)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct ByteRange {
    /// Length of the first range (it starts at 0).
    pub first_len: usize,
    /// Start of the second range (end of the gap).
    pub second_start: usize,
    /// Length of the second range.
    pub second_len: usize,
}

impl ByteRange {
    /// Offset just after the last signed byte.
    #[must_use]
    pub fn end(&self) -> usize {
        self.second_start.saturating_add(self.second_len)
    }

    /// The two signed slices of `data`, when in bounds.
    #[must_use]
    pub fn slices<'a>(&self, data: &'a [u8]) -> Option<(&'a [u8], &'a [u8])> {
        let first = data.get(..self.first_len)?;
        let second = data.get(self.second_start..self.end())?;
        Some((first, second))
    }
}

/// Why a `/ByteRange` or `/Contents` cannot be trusted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ByteRangeProblem {
    /// No `/ByteRange`, or not an array (USF).
    Missing,
    /// Not exactly four non-negative integers.
    Malformed,
    /// The key occurs more than once in the dictionary.
    Duplicated,
    /// The first range does not start at 0.
    NotFromStart,
    /// The ranges overlap, are out of order, or run past the end of the file.
    OutOfBounds,
    /// No `/Contents`, or not a string (USF).
    ContentsMissing,
    /// `/Contents` is a literal string, not a hex string.
    ContentsNotHex,
    /// `/Contents` is larger than the configured limit.
    ContentsTooLarge,
    /// The gap is not exactly this dictionary's `/Contents` hex string (SWA).
    GapNotContents {
        /// Gap start and end from the range.
        gap: (usize, usize),
        /// Span of the hex string `<…>` in the file.
        contents: (usize, usize),
    },
    /// The gap overlaps another signature's gap.
    Overlap,
    /// The dictionary is inside a compressed object stream: its bytes cannot be
    /// located in the file, so the gap cannot be checked.
    InObjectStream,
}

impl std::fmt::Display for ByteRangeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Missing => f.write_str("/ByteRange is missing or not an array"),
            Self::Malformed => f.write_str("/ByteRange is not four non-negative integers"),
            Self::Duplicated => f.write_str("/ByteRange or /Contents occurs twice"),
            Self::NotFromStart => f.write_str("/ByteRange does not start at byte 0"),
            Self::OutOfBounds => f.write_str("/ByteRange is out of order or out of the file"),
            Self::ContentsMissing => f.write_str("/Contents is missing or not a string"),
            Self::ContentsNotHex => f.write_str("/Contents is not a hex string"),
            Self::ContentsTooLarge => f.write_str("/Contents exceeds the size limit"),
            Self::GapNotContents { gap, contents } => write!(
                f,
                "the unsigned gap {}..{} is not the /Contents string at {}..{}",
                gap.0, gap.1, contents.0, contents.1
            ),
            Self::Overlap => f.write_str("the unsigned gap overlaps another signature's"),
            Self::InObjectStream => {
                f.write_str("the signature dictionary is inside a compressed object stream")
            }
        }
    }
}

/// A signature dictionary found in the file.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LocatedSignature {
    /// The object holding the dictionary.
    pub object: ObjectId,
    /// Offset of that object's definition.
    pub offset: usize,
    /// Index of the revision the definition belongs to (`None`: after the last `%%EOF`).
    pub defined_in: Option<usize>,
    /// `Signature` or `DocTimeStamp`.
    pub kind: SignatureKind,
    /// `/Filter`, e.g. `Adobe.PPKLite`.
    pub filter: Option<String>,
    /// `/SubFilter`, e.g. `ETSI.CAdES.detached`.
    pub sub_filter: Option<String>,
    /// The range, or why it cannot be trusted.
    pub byte_range: Result<ByteRange, ByteRangeProblem>,
    /// Decoded `/Contents` bytes (zero padding included), when it is a string.
    pub contents: Option<Vec<u8>>,
    /// Index of the revision whose end the range reaches, when it does.
    pub signed_revision: Option<usize>,
    /// How much of the file is covered.
    pub coverage: Coverage,
    /// `/M`, the claimed signing time, as written.
    pub claimed_time: Option<String>,
    /// `/Name`.
    pub name: Option<String>,
    /// `/Reason`.
    pub reason: Option<String>,
    /// `/Location`.
    pub location: Option<String>,
    /// `/ContactInfo`.
    pub contact_info: Option<String>,
    /// The widget annotation that shows this signature, when one refers to it.
    pub widget: Option<Widget>,
    /// The DocMDP permission `P` of a certification signature (ISO 32000-1 §12.8.2.2).
    pub docmdp: Option<u8>,
    /// `/Cert`: the certificates (DER) of an `adbe.x509.rsa_sha1` signature,
    /// signer first (ISO 32000-1 §12.8.1, Table 252); direct strings only.
    pub cert: Vec<Vec<u8>>,
}

/// Where a signature field's widget sits.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Widget {
    /// The field (or merged field/widget) object.
    pub field: ObjectId,
    /// `/T`, the field name.
    pub field_name: Option<String>,
    /// `/Rect [x1 y1 x2 y2]`, normalised so that x1 ≤ x2 and y1 ≤ y2.
    pub rect: Option<[f64; 4]>,
    /// 0-based index of the page in `/P`, when it can be resolved.
    pub page_index: Option<usize>,
    /// The page's `/MediaBox`, when it can be resolved.
    pub page_box: Option<[f64; 4]>,
    /// True when the widget has an `/AP` appearance with a normal entry.
    pub has_appearance: bool,
    /// True when the normal appearance draws an image (`Do` of an image XObject).
    pub has_image: bool,
}

impl Widget {
    /// True when the widget has no area (an invisible signature).
    #[must_use]
    pub fn is_invisible(&self) -> bool {
        self.rect.is_none_or(|[x1, y1, x2, y2]| {
            (x2 - x1).abs() < f64::EPSILON || (y2 - y1).abs() < f64::EPSILON
        })
    }
}

/// Signature dictionaries left out because the file has more than
/// [`Limits::max_signatures`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Skipped {
    /// How many were left out.
    pub count: usize,
    /// Byte offset of the first one left out (of its object's definition).
    pub first_offset: usize,
}

/// Everything the locator found in one file.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PdfSignatures {
    /// The revisions, oldest first.
    pub revisions: Vec<Revision>,
    /// The signatures, in file order of their dictionaries.
    pub signatures: Vec<LocatedSignature>,
    /// The file length.
    pub file_len: usize,
    /// Regions the strict walk could not recognise (start, end).
    pub unparsed: Vec<(usize, usize)>,
    /// Offsets of the object and cross-reference streams that cannot be
    /// decoded (a broken filter, or an object stream whose offsets do not
    /// increase, ISO 32000-1 §7.5.7): the objects in them are not read.
    pub undecodable: Vec<usize>,
    /// Offset of non-whitespace bytes after the last `%%EOF`, if any.
    pub trailing_data: Option<usize>,
    /// Signature dictionaries found beyond [`Limits::max_signatures`]: not
    /// examined, and not in [`signatures`](Self::signatures).
    pub skipped_signatures: Option<Skipped>,
    /// Where the file has more revisions than [`Limits::max_revisions`]: the
    /// offset of the first revision not read. Nothing from there on was
    /// examined (signatures included).
    pub unexamined_from: Option<usize>,
    pub(crate) layout: Layout,
}

fn text(bytes: Option<&[u8]>) -> Option<String> {
    bytes.map(crate::pdf::write::decode_text_string)
}

fn is_signature_dict(d: &Dict) -> Option<SignatureKind> {
    match d.name(b"Type") {
        Some(b"Sig") => Some(SignatureKind::Signature),
        Some(b"DocTimeStamp") => Some(SignatureKind::DocTimeStamp),
        Some(_) => None,
        // /Type is optional in a signature dictionary (ISO 32000-1 Table 252).
        None => (d.get(b"Filter").is_some()
            && (d.get(b"ByteRange").is_some() || d.get(b"Contents").is_some()))
        .then_some(SignatureKind::Signature),
    }
}

/// Finds every signature dictionary in `pdf` and checks its `/ByteRange`.
///
/// More signatures than `limits.max_signatures`, or more revisions than
/// `limits.max_revisions`, are not an error: those beyond the limit are left
/// out and counted ([`PdfSignatures::skipped_signatures`],
/// [`PdfSignatures::unexamined_from`]), so that the caller can say what it
/// did not examine.
///
/// # Errors
/// When the file is not a PDF, has no complete revision, or exceeds another
/// of `limits` (`SIG-E-LIMIT`, naming the limit).
pub fn locate(pdf: &[u8], limits: &Limits) -> Result<PdfSignatures, Error> {
    let layout = Layout::parse(pdf, limits)?;
    // Borrowed: a file may hold many signature dictionaries, and only the
    // first `max_signatures` are examined (and copied).
    let mut candidates: Vec<(usize, ObjectId, Option<usize>, &Dict, SignatureKind)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (i, def) in layout.objects.iter().enumerate() {
        if let Obj::Dict(d) = &def.value
            && let Some(kind) = is_signature_dict(d)
        {
            candidates.push((i, def.id, def.revision, d, kind));
            seen.insert(i);
        }
    }
    // A signature field whose value is a dictionary that does not look like a
    // signature (USF: /Type, /ByteRange and /Contents removed) is still a signature.
    for (def_index, def) in layout.objects.iter().enumerate() {
        let Some(d) = def.value.dict() else { continue };
        if d.name(b"FT") != Some(b"Sig") {
            continue;
        }
        match d.get(b"V") {
            Some(Obj::Ref(id)) => {
                let rev = def.revision.unwrap_or(usize::MAX);
                if let Some((i, target)) = layout
                    .resolve_index(*id, rev)
                    .and_then(|i| layout.objects.get(i).map(|t| (i, t)))
                    && !seen.contains(&i)
                    && let Obj::Dict(vd) = &target.value
                {
                    candidates.push((i, target.id, target.revision, vd, SignatureKind::Signature));
                    seen.insert(i);
                }
            }
            Some(Obj::Dict(vd)) => {
                candidates.push((
                    def_index,
                    def.id,
                    def.revision,
                    vd,
                    SignatureKind::Signature,
                ));
            }
            _ => {}
        }
    }
    candidates.sort_by_key(|c| c.0);
    // Those beyond the limit are counted, not examined: the verdict says so.
    let skipped_signatures = candidates.get(limits.max_signatures).map(|first| Skipped {
        count: candidates.len() - limits.max_signatures,
        first_offset: layout.objects.get(first.0).map_or(0, |d| d.offset),
    });
    candidates.truncate(limits.max_signatures);
    let widgets = super::diff::WidgetIndex::new(&layout);
    let mut signatures = Vec::with_capacity(candidates.len());
    for (index, id, revision, dict, kind) in candidates {
        let offset = layout.objects.get(index).map_or(0, |d| d.offset);
        let (mut byte_range, contents) = check_byte_range(dict, pdf.len(), limits);
        if layout
            .objects
            .get(index)
            .is_some_and(|d| d.container.is_some())
        {
            byte_range = Err(ByteRangeProblem::InObjectStream);
        }
        let signed_revision = byte_range
            .as_ref()
            .ok()
            .and_then(|br| layout.revisions.iter().position(|r| r.ends_at(br.end())));
        let coverage = match (&byte_range, signed_revision) {
            (Ok(br), Some(_)) if br.end() == pdf.len() => Coverage::EntireFile,
            (Ok(_), Some(_)) => Coverage::EntireRevision,
            _ => Coverage::Partial,
        };
        let widget = super::diff::widget_for(&widgets, id);
        signatures.push(LocatedSignature {
            object: id,
            offset,
            defined_in: revision,
            kind,
            filter: dict
                .name(b"Filter")
                .map(|n| String::from_utf8_lossy(n).into_owned()),
            sub_filter: dict
                .name(b"SubFilter")
                .map(|n| String::from_utf8_lossy(n).into_owned()),
            byte_range,
            contents,
            signed_revision,
            coverage,
            claimed_time: text(dict.string(b"M")),
            name: text(dict.string(b"Name")),
            reason: text(dict.string(b"Reason")),
            location: text(dict.string(b"Location")),
            contact_info: text(dict.string(b"ContactInfo")),
            widget,
            docmdp: docmdp(dict),
            cert: match dict.get(b"Cert") {
                Some(Obj::Str { bytes, .. }) => vec![bytes.clone()],
                Some(Obj::Array(items)) => items
                    .iter()
                    .take(limits.max_certificates)
                    .filter_map(|o| match o {
                        Obj::Str { bytes, .. } => Some(bytes.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            },
        });
    }
    // Gaps of distinct signatures must not overlap (DSS BBB_FC_DBTOOST).
    let gaps: Vec<Option<(usize, usize)>> = signatures
        .iter()
        .map(|s| {
            s.byte_range
                .as_ref()
                .ok()
                .map(|b| (b.first_len, b.second_start))
        })
        .collect();
    for (i, sig) in signatures.iter_mut().enumerate() {
        let Some(Some((s, e))) = gaps.get(i).copied() else {
            continue;
        };
        let overlaps = gaps.iter().enumerate().any(|(j, g)| {
            j != i && g.is_some_and(|(s2, e2)| s < e2 && s2 < e && (s, e) != (s2, e2))
        });
        if overlaps {
            sig.byte_range = Err(ByteRangeProblem::Overlap);
            sig.coverage = Coverage::Partial;
            sig.signed_revision = None;
        }
    }
    Ok(PdfSignatures {
        revisions: layout.revisions.clone(),
        signatures,
        file_len: pdf.len(),
        unparsed: layout.unparsed.clone(),
        undecodable: layout.undecodable.clone(),
        trailing_data: layout.trailing_data,
        skipped_signatures,
        unexamined_from: layout.unexamined_from,
        layout,
    })
}

/// The permission of a `/Reference` DocMDP transform, 2 when `/P` is absent.
fn docmdp(dict: &Dict) -> Option<u8> {
    let Some(Obj::Array(refs)) = dict.get(b"Reference") else {
        return None;
    };
    refs.iter().find_map(|r| {
        let Obj::Dict(d) = r else { return None };
        if d.name(b"TransformMethod") != Some(b"DocMDP") {
            return None;
        }
        let p = match d.get(b"TransformParams") {
            Some(Obj::Dict(tp)) => match tp.get(b"P") {
                Some(Obj::Int(p)) => *p,
                _ => 2,
            },
            _ => 2,
        };
        Some(u8::try_from(p.clamp(1, 3)).unwrap_or(2))
    })
}

fn check_byte_range(
    dict: &Dict,
    file_len: usize,
    limits: &Limits,
) -> (Result<ByteRange, ByteRangeProblem>, Option<Vec<u8>>) {
    let contents = match dict.get(b"Contents") {
        Some(Obj::Str {
            bytes,
            kind,
            start,
            end,
        }) => Some((bytes, *kind, *start, *end)),
        _ => None,
    };
    let contents_bytes = contents
        .as_ref()
        .filter(|c| c.0.len() <= limits.max_contents)
        .map(|c| c.0.clone());
    let result = (|| {
        if dict.count(b"ByteRange") > 1 || dict.count(b"Contents") > 1 {
            return Err(ByteRangeProblem::Duplicated);
        }
        let Some(Obj::Array(items)) = dict.get(b"ByteRange") else {
            return Err(ByteRangeProblem::Missing);
        };
        let Some((bytes, kind, c_start, c_end)) = contents else {
            return Err(ByteRangeProblem::ContentsMissing);
        };
        if kind != StrKind::Hex {
            return Err(ByteRangeProblem::ContentsNotHex);
        }
        if bytes.len() > limits.max_contents {
            return Err(ByteRangeProblem::ContentsTooLarge);
        }
        let mut values = [0usize; 4];
        if items.len() != 4 {
            return Err(ByteRangeProblem::Malformed);
        }
        for (slot, item) in values.iter_mut().zip(items) {
            match item {
                Obj::Int(n) => {
                    *slot = usize::try_from(*n).map_err(|_| ByteRangeProblem::Malformed)?
                }
                _ => return Err(ByteRangeProblem::Malformed),
            }
        }
        let [a, b, c, d] = values;
        if a != 0 {
            return Err(ByteRangeProblem::NotFromStart);
        }
        let end = c.checked_add(d).ok_or(ByteRangeProblem::OutOfBounds)?;
        if b == 0 || c <= b || end > file_len {
            return Err(ByteRangeProblem::OutOfBounds);
        }
        if (b, c) != (c_start, c_end) {
            return Err(ByteRangeProblem::GapNotContents {
                gap: (b, c),
                contents: (c_start, c_end),
            });
        }
        Ok(ByteRange {
            first_len: b,
            second_start: c,
            second_len: d,
        })
    })();
    (result, contents_bytes)
}
