//! Stage two of reading: map the element tree onto the model, leniently,
//! reporting every deviation from the strict form as a finding.

use std::io::BufRead;

use vanthu_identifiers::{Finding, Location};

use crate::error::{Dialect, EdxmlError, ErrorKind};
use crate::model::*;
use crate::options::ReadOptions;
use crate::rules::{self, Rule};
use crate::time::{DateKind, normalize_date};
use crate::tree::{self, Child, Node};

mod elements;
mod output;

pub use output::{AttachmentLayout, ReadOutput, SeekBodies, SpanBodies};

const SOAP_2014_NS: &str = "http://www.e-doc.vn/Schema/";
const LANGSON_NS: &str = "http://www.go.vn/eDoc";

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
/// A package in UTF-16 with a byte order mark (XML 1.0 §4.3.3) is transcoded
/// to UTF-8 as it streams ([`Utf16ToUtf8`](crate::Utf16ToUtf8)), noted as
/// `EDXML-XML-009`; positions, limits and
/// [`AttachmentLayout`] offsets then count in the UTF-8 transcoding, so
/// decode its attachments from a transcoded copy.
pub fn read_with(mut input: impl BufRead, options: &ReadOptions) -> Result<ReadOutput, EdxmlError> {
    let head = input
        .fill_buf()
        .map_err(|e| EdxmlError::new(ErrorKind::Io(e.to_string())))?;
    let encoding = crate::SourceEncoding::sniff(head);
    let parsed = if encoding.is_utf16() {
        tree::parse(crate::Utf16ToUtf8::new(input), options, true)?
    } else {
        tree::parse(input, options, false)?
    };
    let mut mapper = Mapper::default();
    if encoding.is_utf16() {
        mapper.push(&rules::UTF16_TRANSCODED, "", Location::default());
    }
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
        source_encoding: encoding,
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
                "{:?}: <{}>",
                node.prefix.as_deref().unwrap_or(""),
                node.local
            );
            let loc = self.loc(node);
            self.push(&rules::UNDECLARED_PREFIX, &detail, loc);
        } else if node.ns.as_deref() != Some(EDXML_NS) {
            if self.wrong_ns == 0 {
                let detail = format!(
                    "<{}>: {}",
                    node.local,
                    node.ns.as_deref().map_or("∅".to_owned(), str::to_owned)
                );
                let loc = self.loc(node);
                self.push(&rules::WRONG_NAMESPACE, &detail, loc);
            }
            self.wrong_ns += 1;
        }
        for a in &node.attrs {
            if a.prefix.is_some() && a.ns.is_none() && a.prefix.as_deref() != Some("xml") {
                let detail = format!(
                    "{}:{} @ <{}>",
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
    /// other child is kept in `extras` after the known element it follows,
    /// a second element of a known name right after the first, with a
    /// finding.
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
                None => {
                    // A second copy of a known element is kept right after
                    // the first: the writer puts known elements in their
                    // order, and a copy anchored anywhere before the first
                    // would be read back as the first.
                    let twin = names.iter().copied().find(|name| *name == child.local);
                    self.unknown(child, twin.or(last_known), extras);
                }
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
                &format!("<{}> @", node.local),
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
                            &format!("<{}>/<{local}>", node.local),
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
                    // A second copy of a known element is kept right after
                    // the first: the writer puts known elements in their
                    // order, and a copy anchored before the first would be
                    // read back as the first.
                    let after = match seen {
                        Some(_) => Some(local),
                        None => last_known.as_deref(),
                    };
                    self.unknown(child, after, extras);
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
}
