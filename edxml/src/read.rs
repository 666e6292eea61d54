//! Stage two of reading: map the element tree onto the model, leniently,
//! reporting every deviation from the strict form as a finding.

use std::io::{BufRead, Cursor, Read, Seek, SeekFrom, Write};

use vanthu_identifiers::{Finding, Location};

use crate::b64::{Digest, decode_base64_indexed};
use crate::error::{Dialect, EdxmlError, ErrorKind};
use crate::markup::MarkupFilter;
use crate::model::*;
use crate::options::ReadOptions;
use crate::rules::{self, Rule};
use crate::scan::ContentScan;
use crate::time::{DateKind, normalize_date};
use crate::tree::{self, Child, Node};

const SOAP_2014_NS: &str = "http://www.e-doc.vn/Schema/";
const LANGSON_NS: &str = "http://www.go.vn/eDoc";

/// Where one attachment's Base64 text sits in the input, and what reading found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct AttachmentLayout {
    /// Byte offset of the first character of the Base64 text.
    pub start: u64,
    /// Byte offset just after the last character of the Base64 text.
    pub end: u64,
    /// False when comments, processing instructions, CDATA or elements
    /// interrupt the text (`EDXML-ATT-002`); decoding from the span then
    /// takes its character data, as the reader did.
    pub contiguous: bool,
    /// Decoded size and SHA-256, when read with
    /// [`AttachmentMode::Digest`](crate::AttachmentMode::Digest) or `Scan`.
    pub digest: Option<Digest>,
    /// Why the Base64 text is invalid, when read with `Digest` or `Scan`.
    pub base64_error: Option<String>,
    /// File type, size, SHA-256 and active content, when read with
    /// [`AttachmentMode::Scan`](crate::AttachmentMode::Scan).
    pub scan: Option<ContentScan>,
}

/// A package as read: the model, the findings, and where the attachments are.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ReadOutput {
    /// The package.
    pub package: Package,
    /// Deviations from the strict form, in document order.
    pub findings: Vec<Finding>,
    /// One entry per attachment of a document package, in the same order as
    /// [`DocumentPackage::attachments`].
    pub layout: Vec<AttachmentLayout>,
}

impl ReadOutput {
    /// Decodes attachment `index` from `input` (the bytes that were read)
    /// into `out`, in bounded memory; returns its size and SHA-256.
    ///
    /// # Errors
    /// As [`ReadOutput::decode_attachment_from`].
    pub fn decode_attachment(
        &self,
        input: &[u8],
        index: usize,
        out: impl Write,
    ) -> Result<Digest, EdxmlError> {
        self.decode_attachment_from(Cursor::new(input), index, out)
    }

    /// Decodes attachment `index` into `out`, seeking to its Base64 text in
    /// `input` (the source that was read, such as the package file): the
    /// package is never held in memory, and memory stays bounded whatever
    /// the size of the attachment. Returns its size and SHA-256.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use std::io::BufReader;
    /// use vanthu_edxml::{read_with, ReadOptions};
    /// # use vanthu_edxml::{write_document, DocumentPackage, Organization};
    /// # use chrono::TimeZone as _;
    /// # let at = vanthu_edxml::vietnam_offset().with_ymd_and_hms(2025, 3, 14, 9, 30, 0).unwrap();
    /// # let mut doc = DocumentPackage::new_document(
    /// #     Organization::new("000.00.00.G22", "Văn phòng Chính phủ"),
    /// #     vec![Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An")],
    /// #     ("125", "VPCP-KSTT"), "2025/03/14", "V/v kết nối", &at);
    /// # doc.add_attachment("125-VPCP-KSTT.pdf", "application/pdf");
    /// # let path = std::env::temp_dir().join(format!("vanthu-doc-{}.edxml", std::process::id()));
    /// # write_document(&doc, &mut vec![&b"%PDF-1.4\n%%EOF\n"[..]], std::fs::File::create(&path)?)?;
    /// // Read the header from the file, then decode one attachment by seeking.
    /// let mut file = BufReader::new(std::fs::File::open(&path)?);
    /// let read = read_with(&mut file, &ReadOptions::default())?;
    /// let mut pdf = Vec::new(); // or a `File`: anything `Write`
    /// let digest = read.decode_attachment_from(&mut file, 0, &mut pdf)?;
    /// assert_eq!(pdf, b"%PDF-1.4\n%%EOF\n");
    /// assert_eq!(digest.size, 15);
    /// # std::fs::remove_file(&path)?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::NoSuchAttachment`], [`ErrorKind::InvalidBase64`] or
    /// [`ErrorKind::Io`] (also when `input` ends before the attachment does:
    /// it is not the source that was read).
    pub fn decode_attachment_from<R: Read + Seek>(
        &self,
        mut input: R,
        index: usize,
        out: impl Write,
    ) -> Result<Digest, EdxmlError> {
        let mut text = span(&self.layout, &mut input, index)?;
        decode_base64_indexed(&mut text, out, index)
    }

    /// The attachment contents of this package, read from `input` (the bytes
    /// that were read) on demand.
    #[must_use]
    pub fn bodies<'a>(&'a self, input: &'a [u8]) -> SpanBodies<'a> {
        self.seek_bodies(Cursor::new(input))
    }

    /// The attachment contents of this package, decoded on demand from
    /// `input` (the source that was read, such as the package file) by
    /// seeking to their spans: pass it to [`write`](crate::write) to rewrite
    /// a package from a file without holding it, or its attachments, in memory.
    #[must_use]
    pub fn seek_bodies<R: Read + Seek>(&self, input: R) -> SeekBodies<'_, R> {
        SeekBodies {
            layout: &self.layout,
            input,
        }
    }
}

/// The Base64 text of attachment `index` in `input`, read from its span: as
/// it is when the text is contiguous, its character data when comments,
/// processing instructions, CDATA or elements interrupt it (what the reader
/// decoded while it read).
fn span<R: Read + Seek>(
    layout: &[AttachmentLayout],
    mut input: R,
    index: usize,
) -> Result<SpanText<R>, EdxmlError> {
    let layout = layout
        .get(index)
        .ok_or_else(|| EdxmlError::new(ErrorKind::NoSuchAttachment(index.to_string())))?;
    let io = |e: std::io::Error| EdxmlError::new(ErrorKind::Io(e.to_string()));
    let len = input.seek(SeekFrom::End(0)).map_err(io)?;
    if layout.end > len || layout.start > layout.end {
        return Err(EdxmlError::new(ErrorKind::Io(format!(
            "the input ({len} bytes) is shorter than the span of attachment {} (bytes {}..{})",
            index + 1,
            layout.start,
            layout.end
        ))));
    }
    input.seek(SeekFrom::Start(layout.start)).map_err(io)?;
    let text = input.take(layout.end - layout.start);
    Ok(if layout.contiguous {
        SpanText::Plain(text)
    } else {
        SpanText::Interrupted(MarkupFilter::new(text))
    })
}

/// The text of an attachment's span ([`span`]).
enum SpanText<R> {
    Plain(std::io::Take<R>),
    Interrupted(MarkupFilter<std::io::Take<R>>),
}

impl<R: Read> Read for SpanText<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Self::Plain(t) => t.read(buf),
            Self::Interrupted(m) => m.read(buf),
        }
    }
}

/// Reads a package held in memory with default options (attachments skipped).
///
/// # Errors
/// [`EdxmlError`] with a position when the input is not well-formed XML, is
/// not an edXML package, or exceeds a limit.
pub fn read(input: &[u8]) -> Result<ReadOutput, EdxmlError> {
    read_with(input, &ReadOptions::default())
}

/// Reads a package from any buffered source with `options`, streaming: the
/// memory used does not depend on the size of the attachments.
///
/// # Errors
/// As [`read`].
pub fn read_with(input: impl BufRead, options: &ReadOptions) -> Result<ReadOutput, EdxmlError> {
    let parsed = tree::parse(input, options)?;
    let mut mapper = Mapper::default();
    for note in &parsed.notes {
        match note {
            tree::Note::NoXmlDeclaration => {
                mapper.push(&rules::NO_XML_DECLARATION, "", Location::default());
            }
            tree::Note::CommentsDropped(p) => {
                mapper.push(&rules::COMMENTS_DROPPED, "", p.to_location(None));
            }
            tree::Note::ProcessingInstructionDropped(p) => {
                mapper.push(&rules::PI_DROPPED, "", p.to_location(None));
            }
        }
    }
    let mut package = mapper.package(&parsed.root)?;
    let prolog = mapper.outside_root(&parsed.prolog, "before");
    let epilog = mapper.outside_root(&parsed.epilog, "after");
    let extras = match &mut package {
        Package::Document(d) => &mut d.extras,
        Package::Status(s) => &mut s.package_extras,
    };
    extras.prolog = prolog;
    extras.epilog = epilog;
    // Document order; findings about the whole package first.
    mapper
        .findings
        .sort_by_key(|f| f.location.offset.unwrap_or(0));
    Ok(ReadOutput {
        package,
        findings: mapper.findings,
        layout: mapper.layout,
    })
}

/// Children extras collected while visiting a known element's children.
#[derive(Default)]
struct Frame {
    /// Index of the current child among the consumed siblings of its name.
    index: usize,
    pending: Vec<ChildExtras>,
}

#[derive(Default)]
struct Mapper {
    findings: Vec<Finding>,
    layout: Vec<AttachmentLayout>,
    path: Vec<String>,
    wrong_ns: usize,
    prefix_deviation: bool,
    /// One frame per known element whose children are being visited.
    frames: Vec<Frame>,
    /// `cid:` forms seen: references with, without; attachments with, without.
    cid_forms: [usize; 4],
}

/// Where the canonical writer puts prefixes (`docs/edxml.md` §2).
#[derive(Clone, Copy, PartialEq, Eq)]
enum PrefixZone {
    /// Unprefixed: root, `AttachmentEncoded`, `Attachment` and its children.
    Unprefixed,
    /// Prefixed `edXML:`: inside the envelope, and `ContentTransferEncoded`.
    Prefixed,
}

fn find_dialect(node: &Node) -> Option<Dialect> {
    match node.ns.as_deref() {
        Some(SOAP_2014_NS) => return Some(Dialect::Soap2014),
        Some(LANGSON_NS) => return Some(Dialect::LangSonGoVn),
        _ => {}
    }
    for (_, uri) in &node.decls {
        match uri.as_str() {
            SOAP_2014_NS => return Some(Dialect::Soap2014),
            LANGSON_NS => return Some(Dialect::LangSonGoVn),
            _ => {}
        }
    }
    node.elements().find_map(find_dialect)
}

/// The canonical local name of a known element (spelling variants folded).
fn canonical_local(local: &str) -> &str {
    match local {
        "Business" => "Bussiness",
        "BusinessDocType" => "BussinessDocType",
        "BusinessDocReason" => "BussinessDocReason",
        "BusinessDocumentInfo" => "BussinessDocumentInfo",
        other => other,
    }
}

fn strip_cid(id: &str) -> (String, bool) {
    let trimmed = id.trim();
    match trimmed
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("cid:"))
        .and_then(|_| trimmed.get(4..))
    {
        Some(rest) => (rest.to_owned(), true),
        None => (trimmed.to_owned(), false),
    }
}

/// Turns a node into a generic [`XmlNode`], dropping pretty-print whitespace.
fn to_xml_node(node: &Node) -> XmlNode {
    // Whitespace between markup is pretty-printing: the writer indents.
    let has_markup = node.children.iter().any(|c| !matches!(c, Child::Text(_)));
    let children = node
        .children
        .iter()
        .filter_map(|c| match c {
            Child::Text(t) if has_markup && t.trim().is_empty() => None,
            Child::Text(t) => Some(XmlContent::Text(t.clone())),
            other => markup_content(other),
        })
        .collect();
    // Prefixes are kept only for namespaces other than edXML; an undeclared
    // prefix (already reported) is dropped with its non-namespace.
    let keep_prefix = node.ns.is_some() && node.ns.as_deref() != Some(EDXML_NS);
    XmlNode {
        namespace: node.ns.clone(),
        prefix: if keep_prefix {
            node.prefix.clone()
        } else {
            None
        },
        name: node.local.clone(),
        attributes: node.attrs.iter().map(to_xml_attribute).collect(),
        children,
    }
}

/// A child that is not text as generic content: element, comment or
/// processing instruction.
fn markup_content(child: &Child) -> Option<XmlContent> {
    match child {
        Child::Element(n) => Some(XmlContent::Element(to_xml_node(n))),
        Child::Comment(t, _) => Some(XmlContent::Comment(t.clone())),
        Child::Pi(t, _) => Some(XmlContent::ProcessingInstruction(t.clone())),
        Child::Text(_) => None,
    }
}

fn to_xml_attribute(a: &tree::Attr) -> XmlAttribute {
    XmlAttribute {
        namespace: a.ns.clone(),
        prefix: if a.ns.is_some() {
            a.prefix.clone()
        } else {
            None
        },
        name: a.local.clone(),
        value: a.value.clone(),
    }
}

impl Mapper {
    fn push(&mut self, rule: &Rule, detail: &str, location: Location) {
        self.findings.push(rule.finding(detail, location));
    }

    fn path_with(&self, local: &str) -> String {
        let mut p = self.path.join("/");
        if !p.is_empty() {
            p.push('/');
        }
        p.push_str(local);
        p
    }

    fn loc(&self, node: &Node) -> Location {
        node.pos.to_location(Some(&self.path_with(&node.local)))
    }

    fn check_node(&mut self, node: &Node, zone: PrefixZone) {
        if node.undeclared_prefix {
            let detail = format!(
                "prefix {:?} on <{}>",
                node.prefix.as_deref().unwrap_or(""),
                node.local
            );
            let loc = self.loc(node);
            self.push(&rules::UNDECLARED_PREFIX, &detail, loc);
        } else if node.ns.as_deref() != Some(EDXML_NS) {
            if self.wrong_ns == 0 {
                let detail = format!(
                    "<{}> is in {}",
                    node.local,
                    node.ns
                        .as_deref()
                        .map_or("no namespace".to_owned(), |n| format!("namespace {n}"))
                );
                let loc = self.loc(node);
                self.push(&rules::WRONG_NAMESPACE, &detail, loc);
            }
            self.wrong_ns += 1;
        }
        for a in &node.attrs {
            if a.prefix.is_some() && a.ns.is_none() && a.prefix.as_deref() != Some("xml") {
                let detail = format!(
                    "attribute {}:{} on <{}>",
                    a.prefix.as_deref().unwrap_or(""),
                    a.local,
                    node.local
                );
                let loc = self.loc(node);
                self.push(&rules::UNDECLARED_PREFIX, &detail, loc);
            }
        }
        let prefixed = node.prefix.is_some();
        let expected = zone == PrefixZone::Prefixed;
        if prefixed != expected && !self.prefix_deviation {
            self.prefix_deviation = true;
            let detail = format!(
                "<{}> is {}",
                tree::qname(node.prefix.as_deref(), &node.local),
                if expected {
                    "expected with the edXML: prefix"
                } else {
                    "expected without a prefix"
                }
            );
            let loc = self.loc(node);
            self.push(&rules::PREFIX_DEVIATION, &detail, loc);
        }
    }

    fn package(&mut self, root: &Node) -> Result<Package, EdxmlError> {
        if let Some(dialect) = find_dialect(root) {
            return Err(EdxmlError::at(
                ErrorKind::UnsupportedDialect(dialect),
                root.pos,
            ));
        }
        if root.local != "edXML" {
            return Err(EdxmlError::at(
                ErrorKind::NotEdxml(format!("the root element is <{}>, not <edXML>", root.local)),
                root.pos,
            ));
        }
        self.check_node(root, PrefixZone::Unprefixed);
        self.path.push(root.local.clone());
        let mut extras = PackageExtras::default();
        extras.root.attributes = root.attrs.iter().map(to_xml_attribute).collect();
        let [envelope, attachment_encoded] = self.known_children(
            root,
            ["edXMLEnvelope", "AttachmentEncoded"],
            &mut extras.root,
        );
        let Some(envelope) = envelope else {
            return Err(EdxmlError::at(
                ErrorKind::NotEdxml("no edXMLEnvelope under the root".to_owned()),
                root.pos,
            ));
        };
        self.check_node(envelope, PrefixZone::Prefixed);
        self.path.push(envelope.local.clone());
        extras.envelope.attributes = envelope.attrs.iter().map(to_xml_attribute).collect();
        let [header, body] =
            self.known_children(envelope, ["edXMLHeader", "edXMLBody"], &mut extras.envelope);
        let Some(header) = header else {
            return Err(EdxmlError::at(
                ErrorKind::NotEdxml("no edXMLHeader in the envelope".to_owned()),
                envelope.pos,
            ));
        };
        self.check_node(header, PrefixZone::Prefixed);
        self.path.push(header.local.clone());
        extras.header.attributes = header.attrs.iter().map(to_xml_attribute).collect();
        // A status package has a status header (MessageHeader with StatusCode,
        // or Bkav's Status) and no trace list.
        let status_header = header.elements().find(|n| {
            n.local == "Status"
                || (n.local == "MessageHeader" && n.elements().any(|c| c.local == "StatusCode"))
        });
        if let Some(status) = status_header {
            let mut pkg = StatusPackage::default();
            let mut last_known: Option<&str> = None;
            for c in &header.children {
                let Some(child) = self.element_or_keep(c, last_known, &mut extras.header) else {
                    continue;
                };
                if std::ptr::eq(child, status) {
                    last_known = Some("MessageHeader");
                    continue;
                }
                self.unknown(child, last_known, &mut extras.header);
            }
            if status.local == "Status" {
                let loc = self.loc(status);
                self.push(&rules::STATUS_WRAPPER, "", loc);
            }
            self.status(status, &mut pkg);
            self.path.pop();
            if let Some(body) = body {
                self.unknown(body, Some("edXMLHeader"), &mut extras.envelope);
            }
            self.path.pop();
            if let Some(att) = attachment_encoded {
                self.unknown(att, Some("edXMLEnvelope"), &mut extras.root);
            }
            pkg.package_extras = extras;
            return Ok(Package::Status(Box::new(pkg)));
        }
        let mut pkg = DocumentPackage::default();
        let mut message_header: Option<&Node> = None;
        let mut last_known: Option<&str> = None;
        for c in &header.children {
            let Some(child) = self.element_or_keep(c, last_known, &mut extras.header) else {
                continue;
            };
            match child.local.as_str() {
                "MessageHeader" if message_header.is_none() => {
                    message_header = Some(child);
                    last_known = Some("MessageHeader");
                }
                "TraceHeaderList" if pkg.trace.is_none() => {
                    self.check_node(child, PrefixZone::Prefixed);
                    pkg.trace = Some(self.trace_list(child));
                    last_known = Some("TraceHeaderList");
                }
                "Signature" if pkg.signature.is_none() => {
                    pkg.signature = Some(Signature {
                        raw: child.raw.clone().unwrap_or_default(),
                        scope: child
                            .scope
                            .iter()
                            .map(|(p, u)| NamespaceBinding {
                                prefix: p.clone(),
                                uri: u.clone(),
                            })
                            .collect(),
                    });
                    last_known = Some("Signature");
                }
                _ => self.unknown(child, last_known, &mut extras.header),
            }
        }
        match message_header {
            Some(mh) => {
                self.check_node(mh, PrefixZone::Prefixed);
                pkg.header = self.message_header(mh);
            }
            None => {
                let loc = self.loc(header);
                self.push(&rules::MISSING_BLOCK, "MessageHeader", loc);
            }
        }
        if pkg.trace.is_none() {
            let loc = self.loc(header);
            self.push(&rules::MISSING_BLOCK, "TraceHeaderList", loc);
        }
        self.path.pop();
        if let Some(body) = body {
            self.check_node(body, PrefixZone::Prefixed);
            self.path.push(body.local.clone());
            extras.body.attributes = body.attrs.iter().map(to_xml_attribute).collect();
            let mut last_known: Option<&str> = None;
            for c in &body.children {
                let Some(child) = self.element_or_keep(c, last_known, &mut extras.body) else {
                    continue;
                };
                match child.local.as_str() {
                    "edXMLManifest" | "Manifest" if pkg.manifest.is_none() => {
                        if child.local == "Manifest" {
                            let loc = self.loc(child);
                            self.push(&rules::MANIFEST_NAME, "", loc);
                        }
                        self.check_node(child, PrefixZone::Prefixed);
                        pkg.manifest = Some(self.manifest(child));
                        last_known = Some("edXMLManifest");
                    }
                    _ => self.unknown(child, last_known, &mut extras.body),
                }
            }
            self.path.pop();
        }
        self.path.pop();
        if let Some(att) = attachment_encoded {
            pkg.attachment_encoded = true;
            self.check_node(att, PrefixZone::Unprefixed);
            self.path.push(att.local.clone());
            extras.attachment_encoded.attributes = att.attrs.iter().map(to_xml_attribute).collect();
            let mut last_known: Option<&str> = None;
            for c in &att.children {
                let Some(child) =
                    self.element_or_keep(c, last_known, &mut extras.attachment_encoded)
                else {
                    continue;
                };
                if child.local == "Attachment" {
                    self.check_node(child, PrefixZone::Unprefixed);
                    let attachment = self.attachment(child);
                    pkg.attachments.push(attachment);
                    last_known = Some("Attachment");
                } else {
                    self.unknown(child, last_known, &mut extras.attachment_encoded);
                }
            }
            self.path.pop();
        }
        self.cid_check();
        pkg.extras = extras;
        Ok(Package::Document(Box::new(pkg)))
    }

    /// Reports `cid:` prefixes that disagree between manifest and attachments
    /// (Bkav writes `cid:` only in the manifest, `docs/edxml.md` §5).
    fn cid_check(&mut self) {
        let [ref_with, ref_without, att_with, att_without] = self.cid_forms;
        if (ref_with > 0 && att_without > 0) || (ref_without > 0 && att_with > 0) {
            let detail = format!(
                "{ref_with} Reference(s) with cid:, {ref_without} without; {att_with} Attachment(s) with cid:, {att_without} without"
            );
            self.push(&rules::CID_MISMATCH, &detail, Location::at_path("edXML"));
        }
    }

    fn count_cid(&mut self, base: usize, had_prefix: bool) {
        let i = if had_prefix { base } else { base + 1 };
        if let Some(n) = self.cid_forms.get_mut(i) {
            *n += 1;
        }
    }

    /// The first child element of each name in `names`, in that order; every
    /// other child (a second element of a known name included) is kept in
    /// `extras` after the known element it follows, with a finding.
    fn known_children<'n, const N: usize>(
        &mut self,
        parent: &'n Node,
        names: [&'static str; N],
        extras: &mut Extras,
    ) -> [Option<&'n Node>; N] {
        let mut found: [Option<&'n Node>; N] = [None; N];
        let mut last_known: Option<&str> = None;
        for c in &parent.children {
            let Some(child) = self.element_or_keep(c, last_known, extras) else {
                continue;
            };
            let slot = names
                .iter()
                .zip(found.iter_mut())
                .find(|(name, slot)| **name == child.local && slot.is_none());
            match slot {
                Some((name, slot)) => {
                    *slot = Some(child);
                    last_known = Some(name);
                }
                None => self.unknown(child, last_known, extras),
            }
        }
        found
    }

    fn unknown(&mut self, node: &Node, after: Option<&str>, extras: &mut Extras) {
        let loc = self.loc(node);
        self.push(&rules::UNKNOWN_ELEMENT, &format!("<{}>", node.local), loc);
        extras
            .elements
            .push(Extension::new(after, to_xml_node(node)));
    }

    /// Keeps a comment or processing instruction child as an extension.
    fn keep_markup(
        &mut self,
        child: &Child,
        extension: impl FnOnce(XmlContent) -> Extension,
        extras: &mut Extras,
    ) {
        let at = match child {
            Child::Comment(_, at) | Child::Pi(_, at) => *at,
            Child::Element(_) | Child::Text(_) => return,
        };
        if let Some(item) = markup_content(child) {
            let kind = match item {
                XmlContent::Comment(_) => "comment",
                _ => "processing instruction",
            };
            let loc = at.to_location(Some(&self.path.join("/")));
            self.push(&rules::MARKUP_KEPT, kind, loc);
            extras.elements.push(extension(item));
        }
    }

    /// Keeps the comments and processing instructions before or after
    /// (`side`) the root element, reporting each as kept.
    fn outside_root(&mut self, items: &[Child], side: &str) -> Vec<XmlContent> {
        let mut kept = Vec::with_capacity(items.len());
        for child in items {
            let (item, at, kind) = match child {
                Child::Comment(t, at) => (XmlContent::Comment(t.clone()), at, "comment"),
                Child::Pi(t, at) => (
                    XmlContent::ProcessingInstruction(t.clone()),
                    at,
                    "processing instruction",
                ),
                Child::Element(_) | Child::Text(_) => continue,
            };
            let detail = format!("{kind} {side} the root element");
            self.push(&rules::MARKUP_KEPT, &detail, at.to_location(None));
            kept.push(item);
        }
        kept
    }

    /// A child of an element visited by hand: the element, or `None` after
    /// keeping a comment or processing instruction (text is pretty-printing).
    fn element_or_keep<'n>(
        &mut self,
        child: &'n Child,
        after: Option<&str>,
        extras: &mut Extras,
    ) -> Option<&'n Node> {
        match child {
            Child::Element(n) => Some(n),
            Child::Text(_) => None,
            Child::Comment(..) | Child::Pi(..) => {
                self.keep_markup(child, |item| Extension::content(after, item), extras);
                None
            }
        }
    }

    /// Visits the children of a known element: `f` returns true when it
    /// consumed a child; other children become extensions. Reports order
    /// deviations from `order`.
    fn children(
        &mut self,
        node: &Node,
        order: &[&str],
        extras: &mut Extras,
        f: impl FnMut(&mut Self, &Node, &str) -> bool,
    ) {
        self.children_of(node, order, extras, false, f);
    }

    /// A list element: the model holds its items; its attributes and unknown
    /// content are kept in the parent's [`Extras::children`], unknown
    /// content placed by item index.
    fn list_children(&mut self, node: &Node, f: impl FnMut(&mut Self, &Node, &str) -> bool) {
        let mut extras = Extras::default();
        self.children_of(node, &[], &mut extras, true, f);
        self.keep_child_extras(node, extras);
    }

    /// Files the extras of a known child held as a value or a list with the
    /// element whose children are being visited.
    fn keep_child_extras(&mut self, node: &Node, extras: Extras) {
        if extras.is_empty() {
            return;
        }
        if let Some(frame) = self.frames.last_mut() {
            let name = canonical_local(&node.local);
            frame
                .pending
                .push(ChildExtras::new(name, frame.index, extras));
        }
    }

    fn children_of(
        &mut self,
        node: &Node,
        order: &[&str],
        extras: &mut Extras,
        is_list: bool,
        mut f: impl FnMut(&mut Self, &Node, &str) -> bool,
    ) {
        extras.attributes = node.attrs.iter().map(to_xml_attribute).collect();
        if is_list && !node.attrs.is_empty() {
            let loc = self.loc(node);
            self.push(
                &rules::LIST_CONTENT_KEPT,
                &format!("attributes of <{}>", node.local),
                loc,
            );
        }
        self.path.push(node.local.clone());
        self.frames.push(Frame::default());
        let mut last_known: Option<String> = None;
        let mut last_rank = 0usize;
        let mut order_reported = false;
        // Consumed children per name: where list extensions go.
        let mut counts: Vec<(String, usize)> = Vec::new();
        for c in &node.children {
            let child = match c {
                Child::Element(n) => &**n,
                Child::Text(_) => continue,
                Child::Comment(..) | Child::Pi(..) => {
                    let after = last_known.clone();
                    let index = after
                        .as_deref()
                        .and_then(|a| counts.iter().find(|(n, _)| n == a))
                        .map(|(_, k)| k.saturating_sub(1));
                    self.keep_markup(
                        c,
                        |item| {
                            let e = Extension::content(after.as_deref(), item);
                            match index {
                                Some(i) if is_list => e.at_index(i),
                                _ => e,
                            }
                        },
                        extras,
                    );
                    continue;
                }
            };
            let local = canonical_local(&child.local);
            if local != child.local {
                let loc = self.loc(child);
                self.push(
                    &rules::BUSINESS_SPELLING,
                    &format!("<{}>", child.local),
                    loc,
                );
            }
            let seen = counts.iter().position(|(n, _)| n == local);
            let index = seen.and_then(|i| counts.get(i)).map_or(0, |(_, k)| *k);
            let pending = match self.frames.last_mut() {
                Some(frame) => {
                    frame.index = index;
                    frame.pending.len()
                }
                None => 0,
            };
            if f(self, child, local) {
                match seen.and_then(|i| counts.get_mut(i)) {
                    Some((_, k)) => *k += 1,
                    None => counts.push((local.to_owned(), 1)),
                }
                self.check_node(child, PrefixZone::Prefixed);
                if let Some(rank) = order.iter().position(|o| *o == local) {
                    if rank < last_rank && !order_reported {
                        order_reported = true;
                        let loc = self.loc(child);
                        self.push(
                            &rules::CHILD_ORDER,
                            &format!("<{local}> in <{}>", node.local),
                            loc,
                        );
                    }
                    last_rank = last_rank.max(rank);
                }
                last_known = Some(local.to_owned());
            } else {
                // Not consumed: whatever it filed is not its own.
                if let Some(frame) = self.frames.last_mut() {
                    frame.pending.truncate(pending);
                }
                if is_list {
                    let loc = self.loc(child);
                    self.push(
                        &rules::LIST_CONTENT_KEPT,
                        &format!("<{}>", child.local),
                        loc,
                    );
                    let e = Extension::new(last_known.as_deref(), to_xml_node(child));
                    let e = match last_known
                        .as_deref()
                        .and_then(|a| counts.iter().find(|(n, _)| n == a))
                    {
                        Some((_, k)) => e.at_index(k.saturating_sub(1)),
                        None => e,
                    };
                    extras.elements.push(e);
                } else {
                    self.unknown(child, last_known.as_deref(), extras);
                }
            }
        }
        if let Some(frame) = self.frames.pop() {
            extras.children.extend(frame.pending);
        }
        self.path.pop();
    }

    /// The text of a value element; its attributes, child elements, comments
    /// and processing instructions are kept in the parent's
    /// [`Extras::children`].
    fn leaf(&mut self, node: &Node) -> String {
        let mut extras = Extras::default();
        if !node.attrs.is_empty() {
            let loc = self.loc(node);
            self.push(
                &rules::LEAF_ATTRIBUTE_KEPT,
                &format!("<{}>", node.local),
                loc,
            );
            extras.attributes = node.attrs.iter().map(to_xml_attribute).collect();
        }
        self.path.push(node.local.clone());
        for c in &node.children {
            match c {
                Child::Text(_) => {}
                Child::Element(child) => {
                    let loc = self.loc(child);
                    self.push(
                        &rules::LEAF_CHILDREN_KEPT,
                        &format!("<{}>", child.local),
                        loc,
                    );
                    extras
                        .elements
                        .push(Extension::new(None, to_xml_node(child)));
                }
                Child::Comment(..) | Child::Pi(..) => {
                    self.keep_markup(c, |item| Extension::content(None, item), &mut extras);
                }
            }
        }
        self.path.pop();
        self.keep_child_extras(node, extras);
        node.text()
    }

    /// Sets a singular value, reporting duplicates (the first wins).
    fn set(&mut self, slot: &mut Option<String>, node: &Node) -> bool {
        if slot.is_some() {
            let loc = self.loc(node);
            self.push(&rules::DUPLICATE_ELEMENT, &format!("<{}>", node.local), loc);
            return false;
        }
        *slot = Some(self.leaf(node));
        true
    }

    fn set_date(&mut self, slot: &mut Option<String>, node: &Node, kind: DateKind) -> bool {
        if slot.is_some() {
            let loc = self.loc(node);
            self.push(&rules::DUPLICATE_ELEMENT, &format!("<{}>", node.local), loc);
            return false;
        }
        let text = self.leaf(node);
        let (value, deviation) = normalize_date(&text, kind);
        if let Some(rule) = deviation {
            let loc = self.loc(node);
            self.push(rule, &format!("{:?}", text), loc);
        }
        *slot = Some(value);
        true
    }

    fn list(&mut self, node: &Node, item: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.list_children(node, |m, c, local| {
            if local == item {
                out.push(m.leaf(c));
                true
            } else {
                false
            }
        });
        out
    }

    fn organization(&mut self, node: &Node) -> Organization {
        let mut o = Organization::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "OrganId",
            "OrganizationInCharge",
            "OrganName",
            "OrganAdd",
            "Email",
            "Telephone",
            "Fax",
            "Website",
        ];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "OrganId" => m.set(&mut o.organ_id, c),
            "OrganizationInCharge" => m.set(&mut o.organization_in_charge, c),
            "OrganName" => m.set(&mut o.organ_name, c),
            "OrganAdd" => m.set(&mut o.organ_add, c),
            "Email" => m.set(&mut o.email, c),
            "Telephone" => m.set(&mut o.telephone, c),
            "Fax" => m.set(&mut o.fax, c),
            "Website" => m.set(&mut o.website, c),
            _ => false,
        });
        o.extras = extras;
        o
    }

    fn response_for(&mut self, node: &Node) -> ResponseFor {
        let mut r = ResponseFor::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &["OrganId", "Code", "DocumentId", "PromulgationDate"];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "OrganId" => m.set(&mut r.organ_id, c),
            "Code" => m.set(&mut r.code, c),
            "DocumentId" => m.set(&mut r.document_id, c),
            "PromulgationDate" => m.set_date(&mut r.promulgation_date, c, DateKind::Date),
            _ => false,
        });
        r.extras = extras;
        r
    }

    fn staff_info(&mut self, node: &Node) -> StaffInfo {
        let mut s = StaffInfo::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "Department",
            "Staff",
            "Email",
            "Mobile",
            "DepartmentId",
            "StaffId",
        ];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "Department" => m.set(&mut s.department, c),
            "Staff" => m.set(&mut s.staff, c),
            "Email" => m.set(&mut s.email, c),
            "Mobile" => m.set(&mut s.mobile, c),
            "DepartmentId" => m.set(&mut s.department_id, c),
            "StaffId" => m.set(&mut s.staff_id, c),
            _ => false,
        });
        s.extras = extras;
        s
    }

    fn message_header(&mut self, node: &Node) -> MessageHeader {
        let mut h = MessageHeader::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "From",
            "To",
            "DocumentId",
            "Code",
            "PromulgationInfo",
            "DocumentType",
            "Subject",
            "Content",
            "SignerInfo",
            "DueDate",
            "OtherInfo",
            "ResponseFor",
            "SteeringType",
            "ResponseForTask",
            "ApplicationType",
            "ToPlaces",
        ];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "From" if h.from.is_none() => {
                h.from = Some(m.organization(c));
                true
            }
            "To" => {
                h.to.push(m.organization(c));
                true
            }
            "DocumentId" => m.set(&mut h.document_id, c),
            "Code" if h.code.is_none() => {
                let mut code = Code::default();
                let mut extras = Extras::default();
                m.children(
                    c,
                    &["CodeNumber", "CodeNotation"],
                    &mut extras,
                    |m, c, local| match local {
                        "CodeNumber" => m.set(&mut code.code_number, c),
                        "CodeNotation" => m.set(&mut code.code_notation, c),
                        _ => false,
                    },
                );
                code.extras = extras;
                h.code = Some(code);
                true
            }
            "PromulgationInfo" if h.promulgation_info.is_none() => {
                let mut p = PromulgationInfo::default();
                let mut extras = Extras::default();
                m.children(
                    c,
                    &["Place", "PromulgationDate"],
                    &mut extras,
                    |m, c, local| match local {
                        "Place" => m.set(&mut p.place, c),
                        "PromulgationDate" => {
                            m.set_date(&mut p.promulgation_date, c, DateKind::Date)
                        }
                        _ => false,
                    },
                );
                p.extras = extras;
                h.promulgation_info = Some(p);
                true
            }
            "DocumentType" if h.document_type.is_none() => {
                let mut d = DocumentType::default();
                let mut extras = Extras::default();
                m.children(
                    c,
                    &["Type", "TypeDetail", "TypeName"],
                    &mut extras,
                    |m, c, local| match local {
                        "Type" => m.set(&mut d.type_code, c),
                        "TypeDetail" => m.set(&mut d.type_detail, c),
                        "TypeName" => m.set(&mut d.type_name, c),
                        _ => false,
                    },
                );
                d.extras = extras;
                h.document_type = Some(d);
                true
            }
            "Subject" => m.set(&mut h.subject, c),
            "Content" => m.set(&mut h.content, c),
            "SignerInfo" if h.signer_info.is_none() => {
                let mut s = SignerInfo::default();
                let mut extras = Extras::default();
                m.children(
                    c,
                    &["Competence", "Position", "FullName"],
                    &mut extras,
                    |m, c, local| match local {
                        "Competence" => m.set(&mut s.competence, c),
                        "Position" => m.set(&mut s.position, c),
                        "FullName" => m.set(&mut s.full_name, c),
                        _ => false,
                    },
                );
                s.extras = extras;
                h.signer_info = Some(s);
                true
            }
            "DueDate" => m.set_date(&mut h.due_date, c, DateKind::Date),
            "OtherInfo" if h.other_info.is_none() => {
                h.other_info = Some(m.other_info(c));
                true
            }
            "ResponseFor" => {
                let r = m.response_for(c);
                h.response_for.push(r);
                true
            }
            "SteeringType" => m.set(&mut h.steering_type, c),
            "ResponseForTask" if h.response_for_task.is_none() => {
                h.response_for_task = Some(m.list(c, "TaskCode"));
                true
            }
            "ApplicationType" => m.set(&mut h.application_type, c),
            "ToPlaces" if h.to_places.is_none() => {
                h.to_places = Some(m.list(c, "Place"));
                true
            }
            _ => false,
        });
        h.extras = extras;
        h
    }

    fn other_info(&mut self, node: &Node) -> OtherInfo {
        let mut o = OtherInfo::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "Priority",
            "SphereOfPromulgation",
            "TyperNotation",
            "PromulgationAmount",
            "PageAmount",
            "ReplyFors",
            "Direction",
            "ReferenceCodes",
            "Appendixes",
        ];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "Priority" => m.set(&mut o.priority, c),
            "SphereOfPromulgation" => m.set(&mut o.sphere_of_promulgation, c),
            "TyperNotation" => m.set(&mut o.typer_notation, c),
            "PromulgationAmount" => m.set(&mut o.promulgation_amount, c),
            "PageAmount" => m.set(&mut o.page_amount, c),
            "ReplyFors" => m.set(&mut o.reply_fors, c),
            "Direction" => m.set(&mut o.direction, c),
            "ReferenceCodes" => m.set(&mut o.reference_codes, c),
            "Appendixes" if o.appendixes.is_none() => {
                o.appendixes = Some(m.list(c, "Appendix"));
                true
            }
            _ => false,
        });
        o.extras = extras;
        o
    }

    fn trace_list(&mut self, node: &Node) -> TraceHeaderList {
        let mut t = TraceHeaderList::default();
        let mut extras = Extras::default();
        self.children(
            node,
            &["Bussiness", "TraceHeader"],
            &mut extras,
            |m, c, local| match local {
                "TraceHeader" => {
                    let mut th = TraceHeader::default();
                    let mut extras = Extras::default();
                    m.children(
                        c,
                        &["OrganId", "Timestamp"],
                        &mut extras,
                        |m, c, local| match local {
                            "OrganId" => m.set(&mut th.organ_id, c),
                            "Timestamp" => m.set_date(&mut th.timestamp, c, DateKind::DateTime),
                            _ => false,
                        },
                    );
                    th.extras = extras;
                    t.trace_headers.push(th);
                    true
                }
                "Bussiness" if t.business.is_none() => {
                    t.business = Some(m.business(c));
                    true
                }
                _ => false,
            },
        );
        t.extras = extras;
        t
    }

    fn business(&mut self, node: &Node) -> Business {
        let mut b = Business::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "DocumentId",
            "BussinessDocType",
            "BussinessDocReason",
            "Paper",
            "BussinessDocumentInfo",
            "ReplacementInfoList",
            "StaffInfo",
        ];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "DocumentId" => m.set(&mut b.document_id, c),
            "BussinessDocType" => m.set(&mut b.doc_type, c),
            "BussinessDocReason" => m.set(&mut b.doc_reason, c),
            "Paper" => m.set(&mut b.paper, c),
            "BussinessDocumentInfo" if b.document_info.is_none() => {
                let mut d = BusinessDocumentInfo::default();
                let mut extras = Extras::default();
                m.children(
                    c,
                    &["DocumentInfo", "DocumentReceiver", "ReceiverList"],
                    &mut extras,
                    |m, c, local| match local {
                        "DocumentInfo" => m.set(&mut d.document_info, c),
                        "DocumentReceiver" => m.set(&mut d.document_receiver, c),
                        "ReceiverList" if d.receiver_list.is_none() => {
                            let mut list = Vec::new();
                            m.list_children(c, |m, c, local| {
                                if local != "Receiver" {
                                    return false;
                                }
                                let mut r = Receiver::default();
                                let mut extras = Extras::default();
                                m.children(
                                    c,
                                    &["OrganId", "ReceiverType"],
                                    &mut extras,
                                    |m, c, local| match local {
                                        "OrganId" => m.set(&mut r.organ_id, c),
                                        "ReceiverType" => m.set(&mut r.receiver_type, c),
                                        _ => false,
                                    },
                                );
                                r.extras = extras;
                                list.push(r);
                                true
                            });
                            d.receiver_list = Some(list);
                            true
                        }
                        _ => false,
                    },
                );
                d.extras = extras;
                b.document_info = Some(d);
                true
            }
            "ReplacementInfoList" if b.replacement_info_list.is_none() => {
                let mut list = Vec::new();
                m.list_children(c, |m, c, local| {
                    if local != "ReplacementInfo" {
                        return false;
                    }
                    let mut r = ReplacementInfo::default();
                    let mut extras = Extras::default();
                    m.children(
                        c,
                        &["DocumentId", "OrganIdList"],
                        &mut extras,
                        |m, c, local| match local {
                            "DocumentId" => m.set(&mut r.document_id, c),
                            "OrganIdList" if r.organ_id_list.is_none() => {
                                r.organ_id_list = Some(m.list(c, "OrganId"));
                                true
                            }
                            _ => false,
                        },
                    );
                    r.extras = extras;
                    list.push(r);
                    true
                });
                b.replacement_info_list = Some(list);
                true
            }
            "StaffInfo" if b.staff_info.is_none() => {
                b.staff_info = Some(m.staff_info(c));
                true
            }
            _ => false,
        });
        b.extras = extras;
        b
    }

    fn manifest(&mut self, node: &Node) -> Manifest {
        let mut man = Manifest::default();
        let mut extras = Extras::default();
        self.children(node, &[], &mut extras, |m, c, local| {
            if local != "Reference" {
                return false;
            }
            let mut r = Reference::default();
            let mut extras = Extras::default();
            const ORDER: &[&str] = &["ContentId", "ContentType", "Description", "AttachmentName"];
            m.children(c, ORDER, &mut extras, |m, c, local| match local {
                "ContentId" => {
                    let ok = m.set(&mut r.content_id, c);
                    if ok {
                        let (id, had) = strip_cid(r.content_id.as_deref().unwrap_or_default());
                        m.count_cid(0, had);
                        r.content_id = Some(id);
                    }
                    ok
                }
                "ContentType" => m.set(&mut r.content_type, c),
                "Description" => m.set(&mut r.description, c),
                "AttachmentName" => m.set(&mut r.attachment_name, c),
                _ => false,
            });
            r.extras = extras;
            man.references.push(r);
            true
        });
        // The `version` attribute is known; others are extras.
        if let Some(pos) = extras
            .attributes
            .iter()
            .position(|a| a.name == "version" && a.namespace.is_none())
        {
            man.version = Some(extras.attributes.remove(pos).value);
        }
        man.extras = extras;
        man
    }

    fn attachment(&mut self, node: &Node) -> Attachment {
        let mut a = Attachment::default();
        let mut extras = Extras::default();
        let mut layout: Option<AttachmentLayout> = None;
        let mut zone_fix = Vec::new();
        const ORDER: &[&str] = &ATTACHMENT_CHILDREN;
        // Attachment children are unprefixed in the reference form, except
        // ContentTransferEncoded; `children` checks for the prefixed zone,
        // so prefix deviations here are checked separately below.
        let prefix_reported = self.prefix_deviation;
        self.prefix_deviation = true;
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "ContentId" => {
                let ok = m.set(&mut a.content_id, c);
                if ok {
                    let (id, had) = strip_cid(a.content_id.as_deref().unwrap_or_default());
                    m.count_cid(2, had);
                    a.content_id = Some(id);
                }
                zone_fix.push((c.pos, c.prefix.is_some(), false, c.local.clone()));
                ok
            }
            "AttachmentName" | "Description" | "FieldName" | "MimeType" | "Format"
            | "ContentType" => {
                zone_fix.push((c.pos, c.prefix.is_some(), false, c.local.clone()));
                let slot = match local {
                    "AttachmentName" => &mut a.attachment_name,
                    "Description" => &mut a.description,
                    "FieldName" => &mut a.field_name,
                    "MimeType" => &mut a.mime_type,
                    "Format" => &mut a.format,
                    _ => &mut a.content_type,
                };
                m.set(slot, c)
            }
            "ContentTransferEncoded" if layout.is_none() => {
                zone_fix.push((c.pos, c.prefix.is_some(), true, c.local.clone()));
                if !c.attrs.is_empty() {
                    let loc = m.loc(c);
                    m.push(&rules::LEAF_ATTRIBUTE_KEPT, &format!("<{}>", c.local), loc);
                    let kept = Extras {
                        attributes: c.attrs.iter().map(to_xml_attribute).collect(),
                        ..Extras::default()
                    };
                    m.keep_child_extras(c, kept);
                }
                let enc = c.encoded.clone().unwrap_or_default();
                let loc = m.loc(c);
                if let Some(problem) = &enc.problem {
                    m.push(
                        &rules::INVALID_BASE64,
                        &format!("{} at character {}", problem.reason, problem.offset),
                        loc.clone(),
                    );
                }
                if !enc.contiguous {
                    m.push(&rules::NON_CONTIGUOUS, "", loc.clone());
                }
                if enc.saw_whitespace {
                    m.push(&rules::WRAPPED_BASE64, "", loc);
                }
                layout = Some(AttachmentLayout {
                    start: enc.start,
                    end: enc.end,
                    contiguous: enc.contiguous,
                    digest: enc.digest,
                    base64_error: enc
                        .problem
                        .map(|p| format!("{} at character {}", p.reason, p.offset)),
                    scan: enc.scan,
                });
                true
            }
            _ => false,
        });
        self.prefix_deviation = prefix_reported;
        if !self.prefix_deviation
            && let Some((pos, prefixed, expected, local)) = zone_fix
                .into_iter()
                .find(|(_, prefixed, expected, _)| prefixed != expected)
        {
            self.prefix_deviation = true;
            let detail = format!(
                "<{local}> is {}",
                if expected {
                    "expected with the edXML: prefix"
                } else {
                    "expected without a prefix"
                }
            );
            let loc = pos.to_location(Some(&self.path_with("Attachment")));
            let _ = prefixed;
            self.push(&rules::PREFIX_DEVIATION, &detail, loc);
        }
        self.layout.push(layout.unwrap_or(AttachmentLayout {
            start: 0,
            end: 0,
            contiguous: true,
            digest: None,
            base64_error: None,
            scan: None,
        }));
        a.extras = extras;
        a
    }

    fn status(&mut self, node: &Node, pkg: &mut StatusPackage) {
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "From",
            "ResponseFor",
            "StaffInfo",
            "StatusCode",
            "Description",
            "Timestamp",
        ];
        self.check_node(node, PrefixZone::Prefixed);
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "From" if pkg.from.is_none() => {
                pkg.from = Some(m.organization(c));
                true
            }
            "ResponseFor" if pkg.response_for.is_none() => {
                pkg.response_for = Some(m.response_for(c));
                true
            }
            "StaffInfo" if pkg.staff_info.is_none() => {
                pkg.staff_info = Some(m.staff_info(c));
                true
            }
            "StatusCode" => m.set(&mut pkg.status_code, c),
            "Description" => m.set(&mut pkg.description, c),
            "Timestamp" => m.set_date(&mut pkg.timestamp, c, DateKind::DateTime),
            _ => false,
        });
        pkg.extras = extras;
    }
}

/// The attachments of a package, decoded on demand from the source that was
/// read ([`ReadOutput::seek_bodies`]): pass it to [`write`](crate::write) or
/// [`write_document`](crate::write_document) to rewrite a package without
/// holding its attachments decoded.
#[derive(Debug)]
pub struct SeekBodies<'a, R> {
    layout: &'a [AttachmentLayout],
    input: R,
}

/// The attachments of a package read from memory ([`ReadOutput::bodies`]).
pub type SpanBodies<'a> = SeekBodies<'a, Cursor<&'a [u8]>>;

impl<R: Read + Seek> crate::write::AttachmentBodies for SeekBodies<'_, R> {
    fn open(
        &mut self,
        index: usize,
        _: &Attachment,
    ) -> Result<Box<dyn std::io::Read + '_>, EdxmlError> {
        let text = span(self.layout, &mut self.input, index)?;
        Ok(Box::new(crate::b64::Base64Reader::new(text)))
    }
}
