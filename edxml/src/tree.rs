//! Stage one of reading: a namespace-aware, position-tracking, limit-enforcing
//! pass over quick-xml events that builds a small owned element tree.
//!
//! Attachment content (`Attachment/ContentTransferEncoded`) never enters the
//! tree: it is streamed straight from the input, either skipped (only its byte
//! span is recorded) or decoded and hashed in bounded memory.

use std::io::{self, BufRead, Read, Write};

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use crate::b64::{Base64Decoder, Base64Problem, Digest, DigestWriter};
use crate::error::{EdxmlError, ErrorKind, Limit, Position};
use crate::options::{AttachmentMode, ReadOptions};
use crate::scan::{ContentScan, Scanner};

/// The XML namespace, bound to the `xml` prefix by definition.
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// A [`BufRead`] that counts offset, line and column of consumed bytes and
/// enforces the package size limit.
struct Tracked<R> {
    inner: R,
    offset: u64,
    /// Number of line feeds consumed.
    line: u32,
    /// Characters consumed since the last line feed.
    column: u32,
    max: u64,
    over: bool,
    /// The last byte consumed: quick-xml consumes the `<` of markup that
    /// follows text before it reports the markup.
    last: u8,
    /// While quick-xml reads one event (markup, or text outside attachment
    /// content), the offset where it started and how many bytes it may take:
    /// quick-xml buffers a whole event before the limits can be checked, so
    /// without this budget one huge text node would be held in memory whole.
    event: Option<(u64, u64)>,
    /// Set when the event budget was exceeded.
    event_over: bool,
    /// Set by the caller for one `consume`: the bytes are ASCII without line
    /// feeds (the Base64 decoder vouched for them), so counting them needs no
    /// scan. Attachment text is almost all of a package: this halves the
    /// passes over it.
    plain: bool,
}

impl<R: BufRead> Tracked<R> {
    fn new(inner: R, max: u64) -> Self {
        Self {
            inner,
            offset: 0,
            line: 0,
            column: 0,
            max,
            over: false,
            last: 0,
            event: None,
            event_over: false,
            plain: false,
        }
    }

    fn position(&self) -> Position {
        Position {
            offset: self.offset,
            line: self.line.saturating_add(1),
            column: self.column.saturating_add(1),
        }
    }

    /// Where the next event starts: before an already consumed `<`.
    fn event_start(&self) -> Position {
        let p = self.position();
        if self.last == b'<' {
            Position {
                offset: p.offset.saturating_sub(1),
                line: p.line,
                column: p.column.saturating_sub(1).max(1),
            }
        } else {
            p
        }
    }

    fn apply(&mut self, c: &Counted) {
        self.offset += c.len as u64;
        if c.has_newline {
            self.line = self
                .line
                .saturating_add(u32::try_from(c.lines).unwrap_or(u32::MAX));
            self.column = c.tail_chars;
        } else {
            self.column = self.column.saturating_add(c.tail_chars);
        }
    }
}

/// Counts of a consumed slice: length, line feeds, characters after the last one.
struct Counted {
    len: usize,
    lines: usize,
    tail_chars: u32,
    has_newline: bool,
}

impl Counted {
    fn of(bytes: &[u8]) -> Self {
        match memchr::memrchr(b'\n', bytes) {
            Some(last) => Self {
                len: bytes.len(),
                lines: memchr::memchr_iter(b'\n', bytes).count(),
                tail_chars: count_chars(bytes.get(last + 1..).unwrap_or_default()),
                has_newline: true,
            },
            None => Self {
                len: bytes.len(),
                lines: 0,
                tail_chars: count_chars(bytes),
                has_newline: false,
            },
        }
    }
}

/// Number of UTF-8 characters (bytes that are not continuation bytes).
fn count_chars(bytes: &[u8]) -> u32 {
    // Attachment text is ASCII: the word-at-a-time check is much faster.
    let n = if bytes.is_ascii() {
        bytes.len()
    } else {
        bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
    };
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<R: BufRead> Read for Tracked<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            if let (Some(dst), Some(src)) = (out.get_mut(..n), buf.get(..n)) {
                dst.copy_from_slice(src);
            }
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let mut remaining = self.max.saturating_sub(self.offset);
        let mut over_event = false;
        if let Some((start, budget)) = self.event {
            let left = budget.saturating_sub(self.offset.saturating_sub(start));
            if left <= remaining {
                remaining = left;
                over_event = true;
            }
        }
        let buf = self.inner.fill_buf()?;
        if remaining == 0 && !buf.is_empty() {
            if over_event {
                self.event_over = true;
                return Err(io::Error::other("markup or text item too large"));
            }
            self.over = true;
            return Err(io::Error::other("package size limit exceeded"));
        }
        let n = usize::try_from(remaining)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        Ok(buf.get(..n).unwrap_or(buf))
    }

    fn consume(&mut self, amt: usize) {
        if std::mem::take(&mut self.plain) {
            if let Some(&b) = self
                .inner
                .fill_buf()
                .ok()
                .and_then(|buf| buf.get(..amt)?.last())
            {
                self.last = b;
            }
            self.offset += amt as u64;
            self.column = self
                .column
                .saturating_add(u32::try_from(amt).unwrap_or(u32::MAX));
            self.inner.consume(amt);
            return;
        }
        // The bytes being consumed are still in the inner buffer: a second
        // `fill_buf` returns them without I/O.
        let counted = self.inner.fill_buf().ok().map(|buf| {
            let bytes = buf.get(..amt).unwrap_or(buf);
            (Counted::of(bytes), bytes.last().copied())
        });
        let counted = counted.map(|(c, last)| {
            if let Some(b) = last {
                self.last = b;
            }
            c
        });
        match counted {
            Some(c) => {
                self.apply(&c);
                self.offset += amt.saturating_sub(c.len) as u64;
            }
            None => self.offset += amt as u64,
        }
        self.inner.consume(amt);
    }
}

/// A namespace-resolved attribute.
#[derive(Debug, Clone)]
pub(crate) struct Attr {
    pub(crate) prefix: Option<String>,
    pub(crate) local: String,
    pub(crate) ns: Option<String>,
    pub(crate) value: String,
}

/// Content of an `Attachment/ContentTransferEncoded` element.
#[derive(Debug, Clone, Default)]
pub(crate) struct Encoded {
    /// Byte span of the content in the input.
    pub(crate) start: u64,
    pub(crate) end: u64,
    /// False when comments, CDATA or elements interrupt the text.
    pub(crate) contiguous: bool,
    pub(crate) digest: Option<Digest>,
    /// Type, size, SHA-256 and active content, when read with `AttachmentMode::Scan`.
    pub(crate) scan: Option<ContentScan>,
    pub(crate) problem: Option<Base64Problem>,
    pub(crate) saw_whitespace: bool,
}

/// A child of an element: an element, text (already unescaped), a comment
/// or a processing instruction (their text as read).
#[derive(Debug, Clone)]
pub(crate) enum Child {
    Element(Box<Node>),
    Text(String),
    Comment(String, Position),
    Pi(String, Position),
}

/// An element as read.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) prefix: Option<String>,
    pub(crate) local: String,
    /// Resolved namespace URI; `None` when unqualified or the prefix is undeclared.
    pub(crate) ns: Option<String>,
    pub(crate) undeclared_prefix: bool,
    /// Namespace declarations on this element: (prefix, URI).
    pub(crate) decls: Vec<(Option<String>, String)>,
    pub(crate) attrs: Vec<Attr>,
    pub(crate) children: Vec<Child>,
    pub(crate) pos: Position,
    /// The exact source text of this element (kept for `Signature`).
    pub(crate) raw: Option<String>,
    /// Namespace bindings in scope at this element (kept with `raw`).
    pub(crate) scope: Vec<(Option<String>, String)>,
    pub(crate) encoded: Option<Encoded>,
}

impl Node {
    /// Child elements in document order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Element(n) => Some(&**n),
            _ => None,
        })
    }

    /// Concatenated text children.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            if let Child::Text(t) = c {
                out.push_str(t);
            }
        }
        out
    }
}

/// Things noticed while parsing that are not errors.
#[derive(Debug, Clone)]
pub(crate) enum Note {
    /// A comment inside attachment content (the first one only).
    CommentsDropped(Position),
    /// A processing instruction inside attachment content.
    ProcessingInstructionDropped(Position),
    NoXmlDeclaration,
}

/// The result of stage one.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub(crate) root: Node,
    pub(crate) notes: Vec<Note>,
    /// Comments and processing instructions before the root element
    /// (`Child::Comment` and `Child::Pi` only), in document order.
    pub(crate) prolog: Vec<Child>,
    /// The same after the root element.
    pub(crate) epilog: Vec<Child>,
}

struct Active {
    decoder: Option<(Base64Decoder, Sink)>,
    encoded: Encoded,
}

/// Where the decoded bytes of an attachment go while the package is read.
enum Sink {
    /// `AttachmentMode::Digest`: size and SHA-256.
    Digest(DigestWriter<io::Sink>),
    /// `AttachmentMode::Scan`: also the file type and active content.
    Scan(Box<Scanner<io::Sink>>),
}

impl Sink {
    fn finish(self) -> (Digest, Option<ContentScan>) {
        match self {
            Self::Digest(d) => (d.finish().0, None),
            Self::Scan(s) => {
                let scan = s.finish().0;
                (scan.digest, Some(scan))
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Digest(d) => d.write(buf),
            Self::Scan(s) => s.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Self::Digest(d) => d.write_all(buf),
            Self::Scan(s) => s.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct Parser<R: BufRead> {
    reader: Reader<Tracked<R>>,
    opts: ReadOptions,
    /// The source was transcoded from UTF-16.
    utf16: bool,
    stack: Vec<Node>,
    /// Namespace bindings; each element pushes its declarations, `frames`
    /// remembers how many.
    bindings: Vec<(Option<String>, String)>,
    frames: Vec<usize>,
    elements: usize,
    /// Estimated memory of the tree so far ([`Limits::max_tree_bytes`](crate::Limits::max_tree_bytes)).
    tree_bytes: u64,
    attachments: usize,
    /// Raw capture: (depth of the captured element, text so far).
    capture: Option<(usize, String)>,
    active: Option<Active>,
    notes: Vec<Note>,
    comments: usize,
    /// Comments and processing instructions outside the root element.
    prolog: Vec<Child>,
    epilog: Vec<Child>,
}

/// Parses `source`; `utf16` says that it was transcoded from UTF-16, so
/// that the declaration may name that encoding.
pub(crate) fn parse<R: BufRead>(
    source: R,
    opts: &ReadOptions,
    utf16: bool,
) -> Result<Parsed, EdxmlError> {
    let mut reader = Reader::from_reader(Tracked::new(source, opts.limits.max_package_bytes));
    let config = reader.config_mut();
    config.check_end_names = true;
    config.check_comments = true;
    config.expand_empty_elements = false;
    config.trim_markup_names_in_closing_tags = false;
    config.trim_text(false);
    let mut parser = Parser {
        reader,
        opts: *opts,
        utf16,
        stack: Vec::new(),
        bindings: Vec::new(),
        frames: Vec::new(),
        elements: 0,
        tree_bytes: 0,
        attachments: 0,
        capture: None,
        active: None,
        notes: Vec::new(),
        comments: 0,
        prolog: Vec::new(),
        epilog: Vec::new(),
    };
    parser.run()
}

/// Estimated memory of one element in the tree, besides its text: the node
/// itself, its box and its place in the parent's children.
const ELEMENT_COST: usize = 512;
/// The same for one attribute or namespace declaration, besides its text.
const ATTRIBUTE_COST: usize = 128;
/// The same for one text node, comment or processing instruction.
const NODE_COST: usize = 64;

fn malformed(message: impl Into<String>, at: Position) -> EdxmlError {
    EdxmlError::at(ErrorKind::Malformed(message.into()), at)
}

fn limit(limit: Limit, max: u64, at: Position) -> EdxmlError {
    EdxmlError::at(ErrorKind::LimitExceeded { limit, max }, at)
}

fn utf8(bytes: &[u8], at: Position) -> Result<&str, EdxmlError> {
    std::str::from_utf8(bytes).map_err(|_| EdxmlError::at(ErrorKind::NotUtf8, at))
}

fn split_qname(q: &str) -> (Option<&str>, &str) {
    match q.split_once(':') {
        Some((p, l)) => (Some(p), l),
        None => (None, q),
    }
}

/// XML 1.0 §2.3 `NameStartChar`, without `:`.
fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// XML 1.0 §2.3 `NameChar`, without `:`.
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Namespaces in XML 1.0 `NCName`.
pub(crate) fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// Why `text` cannot be the text of a comment (`<!--text-->`), if it
/// cannot: XML 1.0 §2.5 forbids `--` inside and a final `-`. The one check
/// for comments, when reading and when writing.
pub(crate) fn comment_problem(text: &str) -> Option<&'static str> {
    (text.contains("--") || text.ends_with('-'))
        .then_some("comment text contains \"--\" or ends with \"-\" (XML 1.0 §2.5)")
}

/// Why `text` (target, then data) cannot be the text of a processing
/// instruction (`<?text?>`), if it cannot: `?>` inside, a target that is not
/// a name without a colon (XML 1.0 §2.6, Namespaces in XML 1.0 §7), or the
/// target `xml` in any case, reserved (§2.6) and only legal as the XML
/// declaration at the very start. The one check for processing
/// instructions, when reading and when writing.
pub(crate) fn pi_problem(text: &str) -> Option<String> {
    if text.contains("?>") {
        return Some("processing instruction contains \"?>\" (XML 1.0 §2.6)".to_owned());
    }
    let target = text
        .split([' ', '\t', '\r', '\n'])
        .next()
        .unwrap_or_default();
    if !is_ncname(target) || target.eq_ignore_ascii_case("xml") {
        return Some(format!(
            "processing instruction target {target:?} is missing, not a name without a colon, \
             or the reserved xml (XML 1.0 §2.6)"
        ));
    }
    None
}

/// XML 1.0 §2.2 `Char`: what text may contain at all.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

fn check_chars(text: &str, at: Position) -> Result<(), EdxmlError> {
    match text.chars().find(|&c| !is_xml_char(c)) {
        Some(c) => Err(malformed(
            format!("character U+{:04X} is not allowed in XML 1.0", u32::from(c)),
            at,
        )),
        None => Ok(()),
    }
}

/// A qualified name as Namespaces in XML 1.0 §4 allows: `NCName` or
/// `NCName:NCName`.
fn check_qname(q: &str, at: Position) -> Result<(), EdxmlError> {
    let ok = match q.split_once(':') {
        Some((p, l)) => is_ncname(p) && is_ncname(l),
        None => is_ncname(q),
    };
    if ok {
        Ok(())
    } else {
        Err(malformed(format!("{q:?} is not a qualified name"), at))
    }
}

/// Appends `text` to `out` with line ends normalised as XML 1.0 §2.11
/// requires (CRLF and lone CR become LF), without an intermediate string.
fn push_normalized_eol(out: &mut String, text: &str) {
    for (i, part) in text.split('\r').enumerate() {
        let part = if i == 0 {
            part
        } else {
            out.push('\n');
            part.strip_prefix('\n').unwrap_or(part)
        };
        out.push_str(part);
    }
}

impl<R: BufRead> Parser<R> {
    fn position(&self) -> Position {
        self.reader.get_ref().position()
    }

    /// The most bytes one event may span in the input: a text node of the
    /// longest allowed text (twice, for CRLF line ends), or a start tag with
    /// the most attributes of the longest allowed values, plus room for names.
    fn event_budget(&self) -> u64 {
        let l = &self.opts.limits;
        let text = u64::try_from(l.max_text_bytes).unwrap_or(u64::MAX);
        let attributes = u64::try_from(l.max_attributes).unwrap_or(u64::MAX);
        text.saturating_mul(attributes.max(2))
            .saturating_add(64 * 1024)
    }

    fn convert(&self, error: &quick_xml::Error, at: Position) -> EdxmlError {
        use quick_xml::Error as Q;
        match error {
            Q::Io(e) => {
                if self.reader.get_ref().event_over {
                    limit(Limit::TextBytes, self.opts.limits.max_text_bytes as u64, at)
                } else if self.reader.get_ref().over {
                    limit(Limit::PackageBytes, self.opts.limits.max_package_bytes, at)
                } else {
                    EdxmlError::at(crate::utf16::error_kind(e), at)
                }
            }
            Q::Encoding(_) => EdxmlError::at(ErrorKind::NotUtf8, at),
            other => malformed(other.to_string(), at),
        }
    }

    fn run(&mut self) -> Result<Parsed, EdxmlError> {
        let mut buf = Vec::new();
        let mut root: Option<Node> = None;
        let mut first = true;
        // Whether markup was read: white space before the XML declaration is
        // tolerated as before (lenient reading), markup is not.
        let mut markup_seen = false;
        loop {
            if self.active.is_some() {
                self.stream_encoded()?;
            }
            let at = self.reader.get_ref().event_start();
            buf.clear();
            let budget = self.event_budget();
            let tracked = self.reader.get_mut();
            tracked.event = Some((tracked.offset, budget));
            let event = self.reader.read_event_into(&mut buf);
            self.reader.get_mut().event = None;
            let event = match event {
                Ok(e) => e,
                Err(e) => return Err(self.convert(&e, at)),
            };
            let decl_allowed = !markup_seen;
            markup_seen |= !matches!(event, Event::Text(_));
            if first {
                first = false;
                if !matches!(event, Event::Decl(_)) {
                    self.notes.push(Note::NoXmlDeclaration);
                }
            }
            match event {
                // quick-xml reports `<?xml …?>` anywhere as a declaration:
                // anywhere but the start it is neither that nor a legal
                // processing instruction (XML 1.0 §2.8, §2.6).
                Event::Decl(_) if !decl_allowed => {
                    return Err(malformed(
                        "an XML declaration is only allowed at the start of the document",
                        at,
                    ));
                }
                Event::Decl(d) => {
                    if let Some(Ok(enc)) = d.encoding() {
                        let enc = String::from_utf8_lossy(&enc).into_owned();
                        let utf16_named = ["utf-16", "utf16", "utf-16le", "utf-16be"]
                            .iter()
                            .any(|n| enc.eq_ignore_ascii_case(n));
                        let utf8_named =
                            enc.eq_ignore_ascii_case("utf-8") || enc.eq_ignore_ascii_case("utf8");
                        // A transcoded UTF-16 source may name UTF-16 or
                        // nothing else; a UTF-8 source must name UTF-8.
                        if !(if self.utf16 { utf16_named } else { utf8_named }) {
                            return Err(EdxmlError::at(ErrorKind::UnsupportedEncoding(enc), at));
                        }
                    }
                }
                Event::DocType(_) => return Err(EdxmlError::at(ErrorKind::Doctype, at)),
                Event::Start(e) => {
                    if root.is_some() {
                        return Err(malformed("content after the root element", at));
                    }
                    self.capture_raw(|raw| {
                        raw.push('<');
                        raw.push_str(&String::from_utf8_lossy(&e));
                        raw.push('>');
                    });
                    self.open(&e, at, false)?;
                }
                Event::Empty(e) => {
                    if root.is_some() {
                        return Err(malformed("content after the root element", at));
                    }
                    self.capture_raw(|raw| {
                        raw.push('<');
                        raw.push_str(&String::from_utf8_lossy(&e));
                        raw.push_str("/>");
                    });
                    self.open(&e, at, true)?;
                    if let Some(done) = self.close(at)? {
                        root = Some(done);
                    }
                }
                Event::End(e) => {
                    self.capture_raw(|raw| {
                        raw.push_str("</");
                        raw.push_str(&String::from_utf8_lossy(&e));
                        raw.push('>');
                    });
                    if let Some(done) = self.close(at)? {
                        root = Some(done);
                    }
                }
                Event::Text(t) => {
                    let raw_text = utf8(&t, at)?;
                    self.capture_raw(|raw| raw.push_str(raw_text));
                    if self.stack.is_empty() {
                        if !raw_text.trim().is_empty() {
                            return Err(malformed("text outside the root element", at));
                        }
                        continue;
                    }
                    self.push_text(raw_text, true, at)?;
                }
                Event::GeneralRef(r) => {
                    let name = utf8(&r, at)?.to_owned();
                    self.capture_raw(|raw| {
                        raw.push('&');
                        raw.push_str(&name);
                        raw.push(';');
                    });
                    let ch = if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => c,
                            _ => {
                                return Err(malformed(
                                    format!("invalid character reference &{name};"),
                                    at,
                                ));
                            }
                        }
                    } else {
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => s.chars().next().unwrap_or('\u{FFFD}'),
                            None => {
                                return Err(EdxmlError::at(ErrorKind::UndefinedEntity(name), at));
                            }
                        }
                    };
                    if self.stack.is_empty() {
                        return Err(malformed("reference outside the root element", at));
                    }
                    // A character reference is not a line end: never normalised.
                    self.push_text(ch.encode_utf8(&mut [0; 4]), false, at)?;
                }
                Event::CData(c) => {
                    let text = utf8(&c, at)?.to_owned();
                    self.capture_raw(|raw| {
                        raw.push_str("<![CDATA[");
                        raw.push_str(&text);
                        raw.push_str("]]>");
                    });
                    if let Some(active) = self.active.as_mut() {
                        active.encoded.contiguous = false;
                        if let Some((decoder, sink)) = active.decoder.as_mut() {
                            decoder
                                .feed(text.as_bytes(), sink)
                                .map_err(|e| EdxmlError::at(ErrorKind::Io(e.to_string()), at))?;
                        }
                        continue;
                    }
                    if self.stack.is_empty() {
                        return Err(malformed("CDATA outside the root element", at));
                    }
                    self.push_text(&text, true, at)?;
                }
                Event::Comment(c) => {
                    let text = String::from_utf8_lossy(&c).into_owned();
                    self.capture_raw(|raw| {
                        raw.push_str("<!--");
                        raw.push_str(&text);
                        raw.push_str("-->");
                    });
                    if let Some(active) = self.active.as_mut() {
                        active.encoded.contiguous = false;
                    }
                    if self.capture.is_none() {
                        // Kept in the tree, before or after it, except
                        // inside attachment content.
                        if self.active.is_some() {
                            if self.comments == 0 {
                                self.notes.push(Note::CommentsDropped(at));
                            }
                            self.comments += 1;
                        } else {
                            self.keep(Child::Comment(text, at), at, root.is_some())?;
                        }
                    }
                }
                Event::PI(p) => {
                    let text = String::from_utf8_lossy(&p).into_owned();
                    self.capture_raw(|raw| {
                        raw.push_str("<?");
                        raw.push_str(&text);
                        raw.push_str("?>");
                    });
                    if let Some(active) = self.active.as_mut() {
                        active.encoded.contiguous = false;
                    }
                    if self.capture.is_none() {
                        if self.active.is_some() {
                            self.notes.push(Note::ProcessingInstructionDropped(at));
                        } else {
                            self.keep(Child::Pi(text, at), at, root.is_some())?;
                        }
                    }
                }
                Event::Eof => break,
            }
        }
        if let Some(open) = self.stack.last() {
            return Err(malformed(
                format!(
                    "unexpected end of input: element <{}> opened at {} is not closed",
                    qname(open.prefix.as_deref(), &open.local),
                    open.pos
                ),
                self.position(),
            ));
        }
        match root {
            Some(root) => Ok(Parsed {
                root,
                notes: std::mem::take(&mut self.notes),
                prolog: std::mem::take(&mut self.prolog),
                epilog: std::mem::take(&mut self.epilog),
            }),
            None => Err(malformed("no root element", self.position())),
        }
    }

    /// Keeps a comment or processing instruction in the current element, or
    /// before or after the root element (`after_root`) when none is open; it
    /// counts against the element and text limits like an element.
    fn keep(&mut self, child: Child, at: Position, after_root: bool) -> Result<(), EdxmlError> {
        let limits = self.opts.limits;
        self.elements += 1;
        if self.elements > limits.max_elements {
            return Err(limit(Limit::Elements, limits.max_elements as u64, at));
        }
        let problem = match &child {
            Child::Comment(t, _) => comment_problem(t).map(str::to_owned),
            Child::Pi(t, _) => pi_problem(t),
            Child::Element(_) | Child::Text(_) => None,
        };
        if let Some(problem) = problem {
            return Err(malformed(problem, at));
        }
        if let Child::Comment(t, _) | Child::Pi(t, _) = &child {
            check_chars(t, at)?;
            if t.len() > limits.max_text_bytes {
                return Err(limit(Limit::TextBytes, limits.max_text_bytes as u64, at));
            }
            self.charge(NODE_COST + t.len(), at)?;
        }
        match self.stack.last_mut() {
            Some(node) => node.children.push(child),
            None if after_root => self.epilog.push(child),
            None => self.prolog.push(child),
        }
        Ok(())
    }

    fn capture_raw(&mut self, f: impl FnOnce(&mut String)) {
        if let Some((_, raw)) = self.capture.as_mut() {
            let before = raw.len();
            f(raw);
            let grown = raw.len().saturating_sub(before) as u64;
            // Checked at the next `charge`: the raw text is kept beside the
            // tree it duplicates.
            self.tree_bytes = self.tree_bytes.saturating_add(grown);
        }
    }

    /// Adds `bytes` to the estimated memory of the tree and refuses the
    /// package when it exceeds [`Limits::max_tree_bytes`](crate::Limits::max_tree_bytes).
    fn charge(&mut self, bytes: usize, at: Position) -> Result<(), EdxmlError> {
        self.tree_bytes = self.tree_bytes.saturating_add(bytes as u64);
        let max = self.opts.limits.max_tree_bytes;
        if self.tree_bytes > max {
            return Err(limit(Limit::TreeBytes, max, at));
        }
        Ok(())
    }

    /// Appends text to the current element, normalising its line ends when
    /// it is literal text (not a character reference).
    fn push_text(&mut self, text: &str, literal: bool, at: Position) -> Result<(), EdxmlError> {
        check_chars(text, at)?;
        if self.stack.is_empty() {
            return Ok(());
        }
        let new_node = !matches!(
            self.stack.last().and_then(|n| n.children.last()),
            Some(Child::Text(_))
        );
        self.charge(usize::from(new_node) * NODE_COST + text.len(), at)?;
        let max = self.opts.limits.max_text_bytes;
        let Some(node) = self.stack.last_mut() else {
            return Ok(());
        };
        let last = match node.children.last_mut() {
            Some(Child::Text(last)) => last,
            _ => {
                node.children.push(Child::Text(String::new()));
                match node.children.last_mut() {
                    Some(Child::Text(last)) => last,
                    _ => return Ok(()),
                }
            }
        };
        if literal {
            push_normalized_eol(last, text);
        } else {
            last.push_str(text);
        }
        if last.len() > max {
            return Err(limit(Limit::TextBytes, max as u64, at));
        }
        Ok(())
    }

    fn resolve(&self, prefix: Option<&str>) -> Option<String> {
        if prefix == Some("xml") {
            return Some(XML_NS.to_owned());
        }
        self.bindings
            .iter()
            .rev()
            .find(|(p, _)| p.as_deref() == prefix)
            .map(|(_, uri)| uri.clone())
            .filter(|uri| !uri.is_empty())
    }

    fn open(&mut self, e: &BytesStart<'_>, at: Position, empty: bool) -> Result<(), EdxmlError> {
        let limits = self.opts.limits;
        if self.stack.len() >= limits.max_depth {
            return Err(limit(Limit::Depth, limits.max_depth as u64, at));
        }
        self.elements += 1;
        if self.elements > limits.max_elements {
            return Err(limit(Limit::Elements, limits.max_elements as u64, at));
        }
        let name = utf8(e.name().into_inner(), at)?.to_owned();
        check_qname(&name, at)?;
        self.charge(ELEMENT_COST + name.len(), at)?;
        let (prefix, local) = split_qname(&name);
        let mut decls = Vec::new();
        let mut raw_attrs = Vec::new();
        for (count, attr) in e.attributes().enumerate() {
            if count >= limits.max_attributes {
                return Err(limit(Limit::Attributes, limits.max_attributes as u64, at));
            }
            let attr = attr.map_err(|err| malformed(err.to_string(), at))?;
            let key = utf8(attr.key.into_inner(), at)?.to_owned();
            check_qname(&key, at)?;
            let value = match attr.unescape_value() {
                Ok(v) => v.into_owned(),
                Err(quick_xml::Error::Escape(err)) => {
                    return Err(malformed(format!("attribute {key}: {err}"), at));
                }
                Err(quick_xml::Error::Encoding(_)) => {
                    return Err(EdxmlError::at(ErrorKind::NotUtf8, at));
                }
                Err(err) => return Err(malformed(err.to_string(), at)),
            };
            check_chars(&value, at)?;
            if value.len() > limits.max_text_bytes {
                return Err(limit(Limit::TextBytes, limits.max_text_bytes as u64, at));
            }
            self.charge(ATTRIBUTE_COST + key.len() + value.len(), at)?;
            // Attribute-value normalisation (XML 1.0 §3.3.3).
            let value = value.replace(['\t', '\n', '\r'], " ");
            if key == "xmlns" {
                decls.push((None, value));
            } else if let Some(p) = key.strip_prefix("xmlns:") {
                decls.push((Some(p.to_owned()), value));
            } else {
                raw_attrs.push((key, value));
            }
        }
        self.frames.push(decls.len());
        self.bindings.extend(decls.iter().cloned());
        let ns = self.resolve(prefix);
        let undeclared_prefix = prefix.is_some_and(|p| p != "xml") && ns.is_none();
        let mut attrs = Vec::with_capacity(raw_attrs.len());
        for (key, value) in raw_attrs {
            let (p, l) = split_qname(&key);
            let ns = p.and_then(|p| self.resolve(Some(p)));
            attrs.push(Attr {
                prefix: p.map(str::to_owned),
                local: l.to_owned(),
                ns,
                value,
            });
        }
        let parent_local = self.stack.last().map(|n| n.local.as_str());
        let is_signature = local == "Signature" && self.capture.is_none();
        let is_encoded = local == "ContentTransferEncoded"
            && parent_local == Some("Attachment")
            && self.active.is_none();
        let node = Node {
            prefix: prefix.map(str::to_owned),
            local: local.to_owned(),
            ns,
            undeclared_prefix,
            decls,
            attrs,
            children: Vec::new(),
            pos: at,
            raw: None,
            scope: if is_signature {
                // The bindings inherited from ancestors (not the element's own).
                let own = self.frames.last().copied().unwrap_or(0);
                let inherited = self.bindings.len().saturating_sub(own);
                self.bindings.get(..inherited).unwrap_or_default().to_vec()
            } else {
                Vec::new()
            },
            encoded: None,
        };
        if is_signature {
            // Capture was off when the start tag was read: add it here.
            let close = if empty { "/>" } else { ">" };
            let start = format!("<{}{close}", String::from_utf8_lossy(e));
            self.capture = Some((self.stack.len(), start));
        }
        if is_encoded {
            self.attachments += 1;
            if self.attachments > limits.max_attachments {
                return Err(limit(Limit::Attachments, limits.max_attachments as u64, at));
            }
            let decoder = match self.opts.attachments {
                AttachmentMode::Skip => None,
                AttachmentMode::Digest => Some((
                    Base64Decoder::new(),
                    Sink::Digest(DigestWriter::new(io::sink())),
                )),
                AttachmentMode::Scan => Some((
                    Base64Decoder::new(),
                    Sink::Scan(Box::new(Scanner::new(io::sink()))),
                )),
            };
            let start = self.position().offset;
            self.active = Some(Active {
                decoder,
                encoded: Encoded {
                    start,
                    end: start,
                    contiguous: true,
                    ..Encoded::default()
                },
            });
        } else if let Some(active) = self.active.as_mut() {
            // An element inside attachment content.
            active.encoded.contiguous = false;
        }
        self.stack.push(node);
        Ok(())
    }

    /// Streams attachment text up to the next `<` into the active decoder.
    fn stream_encoded(&mut self) -> Result<(), EdxmlError> {
        let Some(active) = self.active.as_mut() else {
            return Ok(());
        };
        let mut stream = self.reader.stream();
        loop {
            let chunk = match stream.fill_buf() {
                Ok(c) => c,
                Err(e) => {
                    let over = stream.get_ref().over;
                    let at = stream.get_ref().position();
                    return Err(if over {
                        limit(Limit::PackageBytes, self.opts.limits.max_package_bytes, at)
                    } else {
                        EdxmlError::at(crate::utf16::error_kind(&e), at)
                    });
                }
            };
            if chunk.is_empty() {
                return Ok(());
            }
            let (take, found) = match memchr::memchr(b'<', chunk) {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            if let Some((decoder, sink)) = active.decoder.as_mut() {
                let plain = decoder
                    .feed(chunk.get(..take).unwrap_or_default(), sink)
                    .map_err(|e| EdxmlError::new(ErrorKind::Io(e.to_string())))?;
                stream.get_mut().plain = plain;
            }
            stream.consume(take);
            if found {
                return Ok(());
            }
        }
    }

    /// Closes the current element; returns it when it is the root.
    fn close(&mut self, at: Position) -> Result<Option<Node>, EdxmlError> {
        let Some(mut node) = self.stack.pop() else {
            return Err(malformed("end tag without start tag", at));
        };
        if let Some(frame) = self.frames.pop() {
            let keep = self.bindings.len().saturating_sub(frame);
            self.bindings.truncate(keep);
        }
        if node.local == "ContentTransferEncoded"
            && let Some(mut active) = self.active.take()
        {
            active.encoded.end = at.offset.max(active.encoded.start);
            if let Some((decoder, mut sink)) = active.decoder.take() {
                active.encoded.saw_whitespace = decoder.saw_whitespace;
                let result = decoder
                    .finish(&mut sink)
                    .map_err(|e| EdxmlError::at(ErrorKind::Io(e.to_string()), at))?;
                match result {
                    Ok(()) => {
                        let (digest, scan) = sink.finish();
                        active.encoded.digest = Some(digest);
                        active.encoded.scan = scan;
                    }
                    Err(problem) => active.encoded.problem = Some(problem),
                }
            }
            node.encoded = Some(active.encoded);
        }
        if let Some((depth, _)) = &self.capture
            && *depth == self.stack.len()
            && let Some((_, raw)) = self.capture.take()
        {
            node.raw = Some(raw);
        }
        match self.stack.last_mut() {
            Some(parent) => {
                parent.children.push(Child::Element(Box::new(node)));
                Ok(None)
            }
            None => Ok(Some(node)),
        }
    }
}

pub(crate) fn qname(prefix: Option<&str>, local: &str) -> String {
    match prefix {
        Some(p) => format!("{p}:{local}"),
        None => local.to_owned(),
    }
}
