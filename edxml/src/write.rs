//! The strict canonical writer: the serialisation of the VPCP/VNPT reference
//! library (EdXML102 over JDOM, pretty format), reproduced byte for byte.
//!
//! * `<?xml version="1.0" encoding="UTF-8"?>`, CRLF line ends, two-space indent;
//! * root `<edXML xmlns="…">` (default namespace, no prefix);
//! * `edXML:` prefix on the envelope (which declares it) and everything in it,
//!   except the opaque `Signature`, written as read;
//! * `AttachmentEncoded`/`Attachment` and their children unprefixed, except
//!   `<edXML:ContentTransferEncoded xmlns:edXML="…">`;
//! * reference element order, `Bussiness` spelling, `cid:` content ids,
//!   empty elements as `<x />`, Base64 on one line.
//!
//! Source: `docs/edxml.md` §2–§6 and `docs/status.md` §1, checked against the
//! package written by VNPT EdXML102 0.0.3 in the VPCP samples.

use std::io::{self, Read, Write};

use crate::b64::{Digest, encode_base64};
use crate::error::{EdxmlError, ErrorKind};
use crate::model::*;

const NL: &str = "\r\n";

/// Supplies the content of each attachment, as decoded bytes, when writing.
pub trait AttachmentBodies {
    /// The bytes of attachment `index` (described by `attachment`).
    ///
    /// # Errors
    /// Any error opening the content; it aborts the write.
    fn open(
        &mut self,
        index: usize,
        attachment: &Attachment,
    ) -> Result<Box<dyn Read + '_>, EdxmlError>;
}

/// Attachment contents held in memory, one per attachment.
impl<T: AsRef<[u8]>> AttachmentBodies for [T] {
    fn open(&mut self, index: usize, _: &Attachment) -> Result<Box<dyn Read + '_>, EdxmlError> {
        let body = self
            .get(index)
            .ok_or_else(|| EdxmlError::new(ErrorKind::NoSuchAttachment(index.to_string())))?;
        Ok(Box::new(body.as_ref()))
    }
}

impl<T: AsRef<[u8]>> AttachmentBodies for Vec<T> {
    fn open(&mut self, index: usize, a: &Attachment) -> Result<Box<dyn Read + '_>, EdxmlError> {
        self.as_mut_slice().open(index, a)
    }
}

/// Where names go: inside the envelope (prefixed) or in the attachment block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    Envelope,
    Attachments,
}

impl Zone {
    fn q(self, local: &str) -> String {
        match self {
            Self::Envelope => format!("edXML:{local}"),
            Self::Attachments => local.to_owned(),
        }
    }
}

struct W<'o> {
    out: &'o mut dyn Write,
}

fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            c => out.push(c),
        }
    }
}

/// Attribute text for `attrs`, declaring the prefixes of namespaced ones.
/// A name or prefix that is not an XML name is refused, never dropped.
fn attributes(attrs: &[XmlAttribute], declared: &[(String, String)]) -> io::Result<String> {
    let mut s = String::new();
    let mut decls: Vec<(String, String)> = Vec::new();
    // Namespace declarations are the writer's business, and an attribute
    // may occur once (an undeclared prefix dropped by the reader can make
    // two attributes the same).
    let mut seen: Vec<(Option<&str>, &str)> = Vec::new();
    let mut kept: Vec<&XmlAttribute> = Vec::with_capacity(attrs.len());
    for a in attrs {
        xml_name("attribute name", &a.name)?;
        if a.namespace.is_some()
            && let Some(p) = &a.prefix
        {
            xml_name("attribute prefix", p)?;
        }
        let key = (a.namespace.as_deref(), a.name.as_str());
        let declaration =
            (a.namespace.is_none() && a.name == "xmlns") || a.prefix.as_deref() == Some("xmlns");
        if !declaration && !seen.contains(&key) {
            kept.push(a);
        }
        seen.push(key);
    }
    for a in &kept {
        if let Some(ns) = &a.namespace {
            let prefix = a.prefix.clone().unwrap_or_else(|| "ns1".to_owned());
            let known = declared
                .iter()
                .chain(decls.iter())
                .any(|(p, u)| *p == prefix && u == ns);
            if !known && ns != "http://www.w3.org/XML/1998/namespace" {
                decls.push((prefix, ns.clone()));
            }
        }
    }
    for (p, u) in &decls {
        s.push_str(" xmlns:");
        s.push_str(p);
        s.push_str("=\"");
        escape_attr(u, &mut s);
        s.push('"');
    }
    for a in &kept {
        s.push(' ');
        if a.namespace.is_some() {
            s.push_str(a.prefix.as_deref().unwrap_or("ns1"));
            s.push(':');
        }
        s.push_str(&a.name);
        s.push_str("=\"");
        escape_attr(&a.value, &mut s);
        s.push('"');
    }
    Ok(s)
}

/// Refuses a name that is not an XML name without a colon (Namespaces in
/// XML 1.0 `NCName`): written, it would not be well-formed.
fn xml_name(what: &str, name: &str) -> io::Result<()> {
    if crate::tree::is_ncname(name) {
        Ok(())
    } else {
        Err(unwritable(format!(
            "{what} {name:?} is not an XML name without a colon (Namespaces in XML 1.0, NCName)"
        )))
    }
}

/// Why a part of the model has no well-formed XML form. It travels inside
/// an [`io::Error`] through the writing helpers and becomes
/// [`ErrorKind::Unwritable`] in [`write_error`].
#[derive(Debug)]
struct Unwritable(String);

impl std::fmt::Display for Unwritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unwritable {}

fn unwritable(why: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, Unwritable(why.into()))
}

/// The crate error for a failed write: [`ErrorKind::Unwritable`] when the
/// model was refused, [`ErrorKind::Io`] when the output failed.
fn write_error(e: io::Error) -> EdxmlError {
    match e.get_ref().and_then(|r| r.downcast_ref::<Unwritable>()) {
        Some(Unwritable(why)) => EdxmlError::new(ErrorKind::Unwritable(why.clone())),
        None => EdxmlError::new(ErrorKind::Io(e.to_string())),
    }
}

/// Refuses characters XML 1.0 §2.2 does not allow anywhere in a document
/// (control characters other than tab and line ends, U+FFFE, U+FFFF): no
/// escape can write them. Every piece of markup passes here ([`W::raw`]).
fn check_chars(text: &str) -> io::Result<()> {
    let suspect = text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0xEF);
    if !suspect {
        return Ok(());
    }
    match text
        .char_indices()
        .find(|&(_, c)| !crate::tree::is_xml_char(c))
    {
        Some((at, c)) => {
            let before: String = text
                .get(..at)
                .unwrap_or_default()
                .chars()
                .rev()
                .take(40)
                .collect();
            let before: String = before.chars().rev().collect();
            Err(unwritable(format!(
                "U+{:04X} is not an XML 1.0 character (§2.2); it follows {before:?}",
                u32::from(c)
            )))
        }
        None => Ok(()),
    }
}

/// A comment, refusing text XML 1.0 §2.5 forbids (`--`, a final `-`),
/// with the reader's check.
fn comment(text: &str) -> io::Result<String> {
    if let Some(problem) = crate::tree::comment_problem(text) {
        return Err(unwritable(problem));
    }
    Ok(format!("<!--{text}-->"))
}

/// A processing instruction, refusing what XML 1.0 §2.6 forbids (`?>`
/// inside, a target that is not a name, the reserved target `xml`), with
/// the reader's check.
fn pi(text: &str) -> io::Result<String> {
    if let Some(problem) = crate::tree::pi_problem(text) {
        return Err(unwritable(problem));
    }
    Ok(format!("<?{text}?>"))
}

/// Comments and processing instructions before or after the root element
/// (`side`), each on its own line. Nothing else may stand there (XML 1.0
/// §2.1 `document`, §2.8 `Misc`).
fn outside_root(w: &mut W<'_>, side: &str, items: &[XmlContent]) -> io::Result<()> {
    for item in items {
        let markup = match item {
            XmlContent::Comment(t) => comment(t)?,
            XmlContent::ProcessingInstruction(t) => pi(t)?,
            XmlContent::Element(_) | XmlContent::Text(_) => {
                return Err(unwritable(format!(
                    "only comments and processing instructions may stand {side} the root element (XML 1.0 §2.1)"
                )));
            }
        };
        w.raw(&markup)?;
        w.raw(NL)?;
    }
    Ok(())
}

/// The extras of an element that has none.
static NO_EXTRAS: Extras = Extras {
    attributes: Vec::new(),
    elements: Vec::new(),
    children: Vec::new(),
};

/// Writes a part of the document at a depth.
type WriteFn<'a> = Box<dyn Fn(&mut W<'_>, usize) -> io::Result<()> + 'a>;

/// One child item of a known element, in canonical order.
enum Item<'a> {
    Leaf(&'a Option<String>),
    Leaves(&'a [String]),
    /// Writes itself; the flag says whether it writes anything.
    Node(bool, WriteFn<'a>),
}

impl Item<'_> {
    fn present(&self) -> bool {
        match self {
            Self::Leaf(v) => v.is_some(),
            Self::Leaves(v) => !v.is_empty(),
            Self::Node(p, _) => *p,
        }
    }
}

impl W<'_> {
    fn raw(&mut self, s: &str) -> io::Result<()> {
        check_chars(s)?;
        self.out.write_all(s.as_bytes())
    }

    fn indent(&mut self, depth: usize) -> io::Result<()> {
        for _ in 0..depth {
            self.out.write_all(b"  ")?;
        }
        Ok(())
    }

    fn leaf(&mut self, depth: usize, q: &str, value: &str) -> io::Result<()> {
        self.indent(depth)?;
        let mut s = String::with_capacity(q.len() * 2 + value.len() + 8);
        if value.is_empty() {
            s.push('<');
            s.push_str(q);
            s.push_str(" />");
        } else {
            s.push('<');
            s.push_str(q);
            s.push('>');
            escape_text(value, &mut s);
            s.push_str("</");
            s.push_str(q);
            s.push('>');
        }
        s.push_str(NL);
        self.raw(&s)
    }

    /// A known element with its children in canonical order and its extras.
    fn element(
        &mut self,
        depth: usize,
        zone: Zone,
        local: &str,
        head_attrs: &str,
        extras: &Extras,
        items: Vec<(&str, Item<'_>)>,
    ) -> io::Result<()> {
        let q = zone.q(local);
        let attrs = format!("{head_attrs}{}", attributes(&extras.attributes, &[])?);
        let empty = extras.elements.is_empty() && !items.iter().any(|(_, i)| i.present());
        self.indent(depth)?;
        if empty {
            return self.raw(&format!("<{q}{attrs} />{NL}"));
        }
        self.raw(&format!("<{q}{attrs}>{NL}"))?;
        self.extensions(depth + 1, zone, extras, None, None)?;
        // Occurrences of each name written so far: list extensions carry the
        // index of the item they follow.
        let occurrences = |i: &Item<'_>| match i {
            Item::Leaf(v) => usize::from(v.is_some()),
            Item::Leaves(v) => v.len(),
            Item::Node(p, _) => usize::from(*p),
        };
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for (pos, (name, item)) in items.iter().enumerate() {
            let before = seen.iter().find(|(n, _)| n == name).map_or(0, |(_, k)| *k);
            match item {
                Item::Leaf(Some(v)) => {
                    self.leaf_with(depth + 1, zone, name, v, extras.child(name, before))?;
                    self.extensions(depth + 1, zone, extras, Some(name), Some(before))?;
                }
                Item::Leaf(None) => {}
                Item::Leaves(values) => {
                    for (i, v) in values.iter().enumerate() {
                        let k = before + i;
                        self.leaf_with(depth + 1, zone, name, v, extras.child(name, k))?;
                        self.extensions(depth + 1, zone, extras, Some(name), Some(k))?;
                    }
                }
                Item::Node(present, f) => {
                    f(self, depth + 1)?;
                    if *present {
                        self.extensions(depth + 1, zone, extras, Some(name), Some(before))?;
                    }
                }
            }
            let now = before + occurrences(item);
            match seen.iter_mut().find(|(n, _)| n == name) {
                Some((_, k)) => *k = now,
                None => seen.push((name, now)),
            }
            let last = !items.iter().skip(pos + 1).any(|(n, _)| n == name);
            if last {
                // After the last one: extensions without an index, and those
                // whose index is past the items written.
                for e in &extras.elements {
                    if e.after.as_deref() == Some(*name) && e.index.is_none_or(|i| i >= now) {
                        self.item(depth + 1, zone, &e.item, &[])?;
                    }
                }
            }
        }
        // Extensions placed after a name this element does not know.
        for e in &extras.elements {
            if let Some(after) = e.after.as_deref()
                && !items.iter().any(|(n, _)| *n == after)
            {
                self.item(depth + 1, zone, &e.item, &[])?;
            }
        }
        self.indent(depth)?;
        self.raw(&format!("</{q}>{NL}"))
    }

    /// The extensions placed after the sibling named `after`: those with the
    /// given index when `index` is `Some`, else those without an index.
    fn extensions(
        &mut self,
        depth: usize,
        zone: Zone,
        extras: &Extras,
        after: Option<&str>,
        index: Option<usize>,
    ) -> io::Result<()> {
        for e in &extras.elements {
            if e.after.as_deref() == after && (index.is_none() || e.index == index) {
                self.item(depth, zone, &e.item, &[])?;
            }
        }
        Ok(())
    }

    /// A value element with the extras kept for it: attributes on the start
    /// tag, then the text, then unknown content inline.
    fn leaf_with(
        &mut self,
        depth: usize,
        zone: Zone,
        name: &str,
        value: &str,
        extras: Option<&Extras>,
    ) -> io::Result<()> {
        let q = zone.q(name);
        let Some(x) = extras.filter(|x| !x.is_empty()) else {
            return self.leaf(depth, &q, value);
        };
        let attrs = attributes(&x.attributes, &[])?;
        self.indent(depth)?;
        if value.is_empty() && x.elements.is_empty() {
            return self.raw(&format!("<{q}{attrs} />{NL}"));
        }
        let mut s = format!("<{q}{attrs}>");
        escape_text(value, &mut s);
        self.raw(&s)?;
        for e in &x.elements {
            self.inline_item(zone, &e.item, &[])?;
        }
        self.raw(&format!("</{q}>{NL}"))
    }

    /// A generic element. `declared` are prefixes declared by ancestors
    /// within generic content.
    fn node(
        &mut self,
        depth: usize,
        zone: Zone,
        n: &XmlNode,
        declared: &[(String, String)],
    ) -> io::Result<()> {
        xml_name("element name", &n.name)?;
        if let Some(p) = &n.prefix {
            xml_name("element prefix", p)?;
        }
        let mut decl = String::new();
        let mut scope: Vec<(String, String)> = declared.to_vec();
        let q = match n.namespace.as_deref() {
            Some(EDXML_NS) => zone.q(&n.name),
            Some(ns) => {
                let p = n.prefix.clone().unwrap_or_else(|| "ns1".to_owned());
                if !scope.iter().any(|(sp, su)| *sp == p && su == ns) {
                    decl = format!(" xmlns:{p}=\"");
                    escape_attr(ns, &mut decl);
                    decl.push('"');
                    scope.push((p.clone(), ns.to_owned()));
                }
                format!("{p}:{}", n.name)
            }
            None => {
                // Unqualified: undo the default (edXML) namespace, once.
                if !scope.iter().any(|(p, u)| p.is_empty() && u.is_empty()) {
                    decl = " xmlns=\"\"".to_owned();
                    scope.push((String::new(), String::new()));
                }
                n.name.clone()
            }
        };
        let attrs = format!("{decl}{}", attributes(&n.attributes, &scope)?);
        self.indent(depth)?;
        if n.children.is_empty() {
            return self.raw(&format!("<{q}{attrs} />{NL}"));
        }
        let only_text = n.children.iter().all(|c| matches!(c, XmlContent::Text(_)));
        let only_elements = n.children.iter().all(|c| !matches!(c, XmlContent::Text(_)));
        if only_text || !only_elements {
            // Text or mixed content: written inline so that text stays exact.
            let mut s = format!("<{q}{attrs}>");
            self.raw(&s)?;
            for c in &n.children {
                match c {
                    XmlContent::Text(t) => {
                        s.clear();
                        escape_text(t, &mut s);
                        self.raw(&s)?;
                    }
                    XmlContent::Element(child) => self.inline_node(zone, child, &scope)?,
                    XmlContent::Comment(t) => self.raw(&comment(t)?)?,
                    XmlContent::ProcessingInstruction(t) => self.raw(&pi(t)?)?,
                }
            }
            return self.raw(&format!("</{q}>{NL}"));
        }
        self.raw(&format!("<{q}{attrs}>{NL}"))?;
        for c in &n.children {
            self.item(depth + 1, zone, c, &scope)?;
        }
        self.indent(depth)?;
        self.raw(&format!("</{q}>{NL}"))
    }

    /// Generic content on its own line: an element, a comment or a
    /// processing instruction (text, which extensions never are, inline).
    fn item(
        &mut self,
        depth: usize,
        zone: Zone,
        c: &XmlContent,
        declared: &[(String, String)],
    ) -> io::Result<()> {
        match c {
            XmlContent::Element(n) => self.node(depth, zone, n, declared),
            XmlContent::Comment(t) => {
                self.indent(depth)?;
                self.raw(&format!("{}{NL}", comment(t)?))
            }
            XmlContent::ProcessingInstruction(t) => {
                self.indent(depth)?;
                self.raw(&format!("{}{NL}", pi(t)?))
            }
            XmlContent::Text(t) => {
                let mut s = String::new();
                escape_text(t, &mut s);
                self.raw(&s)
            }
        }
    }

    /// Generic content inside mixed content: no indentation at all.
    fn inline_item(
        &mut self,
        zone: Zone,
        c: &XmlContent,
        declared: &[(String, String)],
    ) -> io::Result<()> {
        match c {
            XmlContent::Element(n) => self.inline_node(zone, n, declared),
            XmlContent::Comment(t) => self.raw(&comment(t)?),
            XmlContent::ProcessingInstruction(t) => self.raw(&pi(t)?),
            XmlContent::Text(t) => {
                let mut s = String::new();
                escape_text(t, &mut s);
                self.raw(&s)
            }
        }
    }

    /// A generic element inside mixed content: no indentation at all.
    fn inline_node(
        &mut self,
        zone: Zone,
        n: &XmlNode,
        declared: &[(String, String)],
    ) -> io::Result<()> {
        let mut buf: Vec<u8> = Vec::new();
        {
            let mut inner = W { out: &mut buf };
            inner.node(0, zone, n, declared)?;
        }
        // Drop the line end the block writer adds.
        let text = String::from_utf8_lossy(&buf);
        self.raw(text.strip_suffix(NL).unwrap_or(&text))
    }
}

fn opt_node<'a, T>(
    value: &'a Option<T>,
    f: impl Fn(&mut W<'_>, usize, &'a T) -> io::Result<()> + 'a,
) -> Item<'a> {
    Item::Node(
        value.is_some(),
        Box::new(move |w, d| match value {
            Some(v) => f(w, d, v),
            None => Ok(()),
        }),
    )
}

/// A child of the envelope that is an optional element whose own children
/// `items` lists: the common shape of the header's structured fields.
fn envelope_child<'a, T>(
    name: &'static str,
    value: &'a Option<T>,
    extras: fn(&T) -> &Extras,
    items: fn(&'a T) -> Vec<(&'static str, Item<'a>)>,
) -> (&'static str, Item<'a>) {
    (
        name,
        opt_node(value, move |w, d, v| {
            w.element(d, Zone::Envelope, name, "", extras(v), items(v))
        }),
    )
}

fn organization(
    w: &mut W<'_>,
    depth: usize,
    zone: Zone,
    name: &str,
    o: &Organization,
) -> io::Result<()> {
    w.element(
        depth,
        zone,
        name,
        "",
        &o.extras,
        vec![
            ("OrganId", Item::Leaf(&o.organ_id)),
            (
                "OrganizationInCharge",
                Item::Leaf(&o.organization_in_charge),
            ),
            ("OrganName", Item::Leaf(&o.organ_name)),
            ("OrganAdd", Item::Leaf(&o.organ_add)),
            ("Email", Item::Leaf(&o.email)),
            ("Telephone", Item::Leaf(&o.telephone)),
            ("Fax", Item::Leaf(&o.fax)),
            ("Website", Item::Leaf(&o.website)),
        ],
    )
}

fn response_for(w: &mut W<'_>, depth: usize, r: &ResponseFor) -> io::Result<()> {
    w.element(
        depth,
        Zone::Envelope,
        "ResponseFor",
        "",
        &r.extras,
        vec![
            ("OrganId", Item::Leaf(&r.organ_id)),
            ("Code", Item::Leaf(&r.code)),
            ("DocumentId", Item::Leaf(&r.document_id)),
            ("PromulgationDate", Item::Leaf(&r.promulgation_date)),
        ],
    )
}

fn staff_info(w: &mut W<'_>, depth: usize, s: &StaffInfo) -> io::Result<()> {
    w.element(
        depth,
        Zone::Envelope,
        "StaffInfo",
        "",
        &s.extras,
        vec![
            ("Department", Item::Leaf(&s.department)),
            ("Staff", Item::Leaf(&s.staff)),
            ("Email", Item::Leaf(&s.email)),
            ("Mobile", Item::Leaf(&s.mobile)),
            ("DepartmentId", Item::Leaf(&s.department_id)),
            ("StaffId", Item::Leaf(&s.staff_id)),
        ],
    )
}

/// A list of values, with the extras its parent kept for it.
fn list<'a>(
    name: &'static str,
    item: &'static str,
    values: &'a Option<Vec<String>>,
    parent: &'a Extras,
) -> Item<'a> {
    let extras = parent.child(name, 0);
    opt_node(values, move |w, d, v| {
        w.element(
            d,
            Zone::Envelope,
            name,
            "",
            extras.unwrap_or(&NO_EXTRAS),
            vec![(item, Item::Leaves(v))],
        )
    })
}

fn message_header(w: &mut W<'_>, depth: usize, h: &MessageHeader) -> io::Result<()> {
    let to = &h.to;
    let rf = &h.response_for;
    w.element(
        depth,
        Zone::Envelope,
        "MessageHeader",
        "",
        &h.extras,
        vec![
            (
                "From",
                opt_node(&h.from, |w, d, o| {
                    organization(w, d, Zone::Envelope, "From", o)
                }),
            ),
            (
                "To",
                Item::Node(
                    !to.is_empty(),
                    Box::new(move |w, d| {
                        for o in to {
                            organization(w, d, Zone::Envelope, "To", o)?;
                        }
                        Ok(())
                    }),
                ),
            ),
            ("DocumentId", Item::Leaf(&h.document_id)),
            envelope_child(
                "Code",
                &h.code,
                |c| &c.extras,
                |c| {
                    vec![
                        ("CodeNumber", Item::Leaf(&c.code_number)),
                        ("CodeNotation", Item::Leaf(&c.code_notation)),
                    ]
                },
            ),
            envelope_child(
                "PromulgationInfo",
                &h.promulgation_info,
                |p| &p.extras,
                |p| {
                    vec![
                        ("Place", Item::Leaf(&p.place)),
                        ("PromulgationDate", Item::Leaf(&p.promulgation_date)),
                    ]
                },
            ),
            envelope_child(
                "DocumentType",
                &h.document_type,
                |t| &t.extras,
                |t| {
                    vec![
                        ("Type", Item::Leaf(&t.type_code)),
                        ("TypeDetail", Item::Leaf(&t.type_detail)),
                        ("TypeName", Item::Leaf(&t.type_name)),
                    ]
                },
            ),
            ("Subject", Item::Leaf(&h.subject)),
            ("Content", Item::Leaf(&h.content)),
            envelope_child(
                "SignerInfo",
                &h.signer_info,
                |s| &s.extras,
                |s| {
                    vec![
                        ("Competence", Item::Leaf(&s.competence)),
                        ("Position", Item::Leaf(&s.position)),
                        ("FullName", Item::Leaf(&s.full_name)),
                    ]
                },
            ),
            ("DueDate", Item::Leaf(&h.due_date)),
            ("OtherInfo", opt_node(&h.other_info, other_info)),
            (
                "ResponseFor",
                Item::Node(
                    !rf.is_empty(),
                    Box::new(move |w, d| {
                        for r in rf {
                            response_for(w, d, r)?;
                        }
                        Ok(())
                    }),
                ),
            ),
            ("SteeringType", Item::Leaf(&h.steering_type)),
            (
                "ResponseForTask",
                list(
                    "ResponseForTask",
                    "TaskCode",
                    &h.response_for_task,
                    &h.extras,
                ),
            ),
            ("ApplicationType", Item::Leaf(&h.application_type)),
            (
                "ToPlaces",
                list("ToPlaces", "Place", &h.to_places, &h.extras),
            ),
        ],
    )
}

fn other_info(w: &mut W<'_>, depth: usize, o: &OtherInfo) -> io::Result<()> {
    w.element(
        depth,
        Zone::Envelope,
        "OtherInfo",
        "",
        &o.extras,
        vec![
            ("Priority", Item::Leaf(&o.priority)),
            (
                "SphereOfPromulgation",
                Item::Leaf(&o.sphere_of_promulgation),
            ),
            ("TyperNotation", Item::Leaf(&o.typer_notation)),
            ("PromulgationAmount", Item::Leaf(&o.promulgation_amount)),
            ("PageAmount", Item::Leaf(&o.page_amount)),
            ("ReplyFors", Item::Leaf(&o.reply_fors)),
            ("Direction", Item::Leaf(&o.direction)),
            ("ReferenceCodes", Item::Leaf(&o.reference_codes)),
            (
                "Appendixes",
                list("Appendixes", "Appendix", &o.appendixes, &o.extras),
            ),
        ],
    )
}

fn business(w: &mut W<'_>, depth: usize, b: &Business) -> io::Result<()> {
    let replacements = &b.replacement_info_list;
    w.element(
        depth,
        Zone::Envelope,
        "Bussiness",
        "",
        &b.extras,
        vec![
            ("DocumentId", Item::Leaf(&b.document_id)),
            ("BussinessDocType", Item::Leaf(&b.doc_type)),
            ("BussinessDocReason", Item::Leaf(&b.doc_reason)),
            ("Paper", Item::Leaf(&b.paper)),
            (
                "BussinessDocumentInfo",
                opt_node(&b.document_info, |w, d, info| {
                    let receivers = &info.receiver_list;
                    w.element(
                        d,
                        Zone::Envelope,
                        "BussinessDocumentInfo",
                        "",
                        &info.extras,
                        vec![
                            ("DocumentInfo", Item::Leaf(&info.document_info)),
                            ("DocumentReceiver", Item::Leaf(&info.document_receiver)),
                            (
                                "ReceiverList",
                                opt_node(receivers, |w, d, list| {
                                    let items = list
                                        .iter()
                                        .map(|r| {
                                            (
                                                "Receiver",
                                                Item::Node(
                                                    true,
                                                    Box::new(move |w: &mut W<'_>, d| {
                                                        w.element(
                                                            d,
                                                            Zone::Envelope,
                                                            "Receiver",
                                                            "",
                                                            &r.extras,
                                                            vec![
                                                                (
                                                                    "OrganId",
                                                                    Item::Leaf(&r.organ_id),
                                                                ),
                                                                (
                                                                    "ReceiverType",
                                                                    Item::Leaf(&r.receiver_type),
                                                                ),
                                                            ],
                                                        )
                                                    }),
                                                ),
                                            )
                                        })
                                        .collect();
                                    w.element(
                                        d,
                                        Zone::Envelope,
                                        "ReceiverList",
                                        "",
                                        info.extras.child("ReceiverList", 0).unwrap_or(&NO_EXTRAS),
                                        items,
                                    )
                                }),
                            ),
                        ],
                    )
                }),
            ),
            (
                "ReplacementInfoList",
                opt_node(replacements, |w, d, list| {
                    let items = list
                        .iter()
                        .map(|r| {
                            (
                                "ReplacementInfo",
                                Item::Node(
                                    true,
                                    Box::new(move |w: &mut W<'_>, d| {
                                        w.element(
                                            d,
                                            Zone::Envelope,
                                            "ReplacementInfo",
                                            "",
                                            &r.extras,
                                            vec![
                                                ("DocumentId", Item::Leaf(&r.document_id)),
                                                (
                                                    "OrganIdList",
                                                    self::list(
                                                        "OrganIdList",
                                                        "OrganId",
                                                        &r.organ_id_list,
                                                        &r.extras,
                                                    ),
                                                ),
                                            ],
                                        )
                                    }),
                                ),
                            )
                        })
                        .collect();
                    w.element(
                        d,
                        Zone::Envelope,
                        "ReplacementInfoList",
                        "",
                        b.extras
                            .child("ReplacementInfoList", 0)
                            .unwrap_or(&NO_EXTRAS),
                        items,
                    )
                }),
            ),
            ("StaffInfo", opt_node(&b.staff_info, staff_info)),
        ],
    )
}

fn trace_list(w: &mut W<'_>, depth: usize, t: &TraceHeaderList) -> io::Result<()> {
    let traces = &t.trace_headers;
    w.element(
        depth,
        Zone::Envelope,
        "TraceHeaderList",
        "",
        &t.extras,
        vec![
            ("Bussiness", opt_node(&t.business, business)),
            (
                "TraceHeader",
                Item::Node(
                    !traces.is_empty(),
                    Box::new(move |w, d| {
                        for th in traces {
                            w.element(
                                d,
                                Zone::Envelope,
                                "TraceHeader",
                                "",
                                &th.extras,
                                vec![
                                    ("OrganId", Item::Leaf(&th.organ_id)),
                                    ("Timestamp", Item::Leaf(&th.timestamp)),
                                ],
                            )?;
                        }
                        Ok(())
                    }),
                ),
            ),
        ],
    )
}

/// The raw signature, with declarations added for prefixes that were bound
/// where it was read but are not bound where it is written.
fn signature_text(sig: &Signature) -> String {
    let raw = sig.raw.trim();
    let name_end = raw
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_whitespace() || *c == '>' || *c == '/')
        .map_or(raw.len(), |(i, _)| i);
    let (head, tail) = raw.split_at(name_end);
    let mut inject = String::new();
    let mut seen: Vec<Option<&str>> = Vec::new();
    for b in sig.scope.iter().rev() {
        let prefix = b.prefix.as_deref();
        if seen.contains(&prefix) {
            continue;
        }
        seen.push(prefix);
        let canonical = match prefix {
            None | Some("edXML") => Some(EDXML_NS),
            Some(_) => None,
        };
        if canonical == Some(b.uri.as_str()) {
            continue;
        }
        // Only when the prefix is used and not declared by the element itself.
        let (decl, used) = match prefix {
            None => ("xmlns=".to_owned(), true),
            Some(p) => (format!("xmlns:{p}="), raw.contains(&format!("{p}:"))),
        };
        let own_tag_end = raw.find('>').unwrap_or(raw.len());
        if !used || raw.get(..own_tag_end).is_some_and(|t| t.contains(&decl)) {
            continue;
        }
        inject.push(' ');
        inject.push_str(&decl);
        inject.push('"');
        escape_attr(&b.uri, &mut inject);
        inject.push('"');
    }
    format!("{head}{inject}{tail}")
}

/// Writes a document package in the canonical form, streaming each
/// attachment from `bodies` as single-line Base64. Returns the size and
/// SHA-256 of each attachment written.
///
/// # Errors
/// [`ErrorKind::Io`] when writing fails, [`ErrorKind::Unwritable`] when the
/// model holds markup with no well-formed form (a comment with `--`, a
/// processing instruction with the target `xml` or `?>` in it, an element
/// before or after the root), or any error from `bodies`.
pub fn write_document(
    pkg: &DocumentPackage,
    bodies: &mut dyn AttachmentBodies,
    mut out: impl Write,
) -> Result<Vec<Digest>, EdxmlError> {
    let io = write_error;
    let mut w = W { out: &mut out };
    let x = &pkg.extras;
    w.raw(&format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{NL}"))
        .map_err(io)?;
    outside_root(&mut w, "before", &x.prolog).map_err(io)?;
    w.raw(&format!(
        "<edXML xmlns=\"{EDXML_NS}\"{}>{NL}",
        attributes(&x.root.attributes, &[]).map_err(io)?
    ))
    .map_err(io)?;
    w.extensions(1, Zone::Attachments, &x.root, None, None)
        .map_err(io)?;
    // Envelope.
    w.raw(&format!(
        "  <edXML:edXMLEnvelope xmlns:edXML=\"{EDXML_NS}\"{}>{NL}",
        attributes(&x.envelope.attributes, &[]).map_err(io)?
    ))
    .map_err(io)?;
    w.extensions(2, Zone::Envelope, &x.envelope, None, None)
        .map_err(io)?;
    let header = &pkg.header;
    let trace = &pkg.trace;
    let signature = &pkg.signature;
    w.element(
        2,
        Zone::Envelope,
        "edXMLHeader",
        "",
        &x.header,
        vec![
            (
                "MessageHeader",
                Item::Node(true, Box::new(move |w, d| message_header(w, d, header))),
            ),
            ("TraceHeaderList", opt_node(trace, trace_list)),
            (
                "Signature",
                opt_node(signature, |w, d, s| {
                    w.indent(d)?;
                    w.raw(&signature_text(s))?;
                    w.raw(NL)
                }),
            ),
        ],
    )
    .map_err(io)?;
    w.extensions(2, Zone::Envelope, &x.envelope, Some("edXMLHeader"), None)
        .map_err(io)?;
    let manifest = &pkg.manifest;
    w.element(
        2,
        Zone::Envelope,
        "edXMLBody",
        "",
        &x.body,
        vec![(
            "edXMLManifest",
            opt_node(manifest, |w, d, m| {
                let version = m
                    .version
                    .as_ref()
                    .map(|v| {
                        let mut s = String::from(" version=\"");
                        escape_attr(v, &mut s);
                        s.push('"');
                        s
                    })
                    .unwrap_or_default();
                let items = m
                    .references
                    .iter()
                    .map(|r| {
                        let cid = r.content_id.as_ref().map(|c| format!("cid:{c}"));
                        (
                            "Reference",
                            Item::Node(
                                true,
                                Box::new(move |w: &mut W<'_>, d| {
                                    w.element(
                                        d,
                                        Zone::Envelope,
                                        "Reference",
                                        "",
                                        &r.extras,
                                        vec![
                                            ("ContentId", Item::Leaf(&cid)),
                                            ("ContentType", Item::Leaf(&r.content_type)),
                                            ("Description", Item::Leaf(&r.description)),
                                            ("AttachmentName", Item::Leaf(&r.attachment_name)),
                                        ],
                                    )
                                }),
                            ),
                        )
                    })
                    .collect();
                w.element(
                    d,
                    Zone::Envelope,
                    "edXMLManifest",
                    &version,
                    &m.extras,
                    items,
                )
            }),
        )],
    )
    .map_err(io)?;
    w.extensions(2, Zone::Envelope, &x.envelope, Some("edXMLBody"), None)
        .map_err(io)?;
    for e in &x.envelope.elements {
        if !matches!(
            e.after.as_deref(),
            None | Some("edXMLHeader") | Some("edXMLBody")
        ) {
            w.item(2, Zone::Envelope, &e.item, &[]).map_err(io)?;
        }
    }
    w.raw(&format!("  </edXML:edXMLEnvelope>{NL}"))
        .map_err(io)?;
    w.extensions(1, Zone::Attachments, &x.root, Some("edXMLEnvelope"), None)
        .map_err(io)?;
    // Attachments, streamed one by one.
    let mut digests = Vec::with_capacity(pkg.attachments.len());
    if pkg.attachment_encoded || !pkg.attachments.is_empty() {
        let ae = &x.attachment_encoded;
        let attrs = attributes(&ae.attributes, &[]).map_err(io)?;
        if pkg.attachments.is_empty() && ae.elements.is_empty() {
            w.raw(&format!("  <AttachmentEncoded{attrs} />{NL}"))
                .map_err(io)?;
        } else {
            w.raw(&format!("  <AttachmentEncoded{attrs}>{NL}"))
                .map_err(io)?;
            w.extensions(2, Zone::Attachments, ae, None, None)
                .map_err(io)?;
            for (index, a) in pkg.attachments.iter().enumerate() {
                let digest = write_attachment(&mut w, index, a, bodies)?;
                digests.push(digest);
                w.extensions(2, Zone::Attachments, ae, Some("Attachment"), None)
                    .map_err(io)?;
            }
            for e in &ae.elements {
                if !matches!(e.after.as_deref(), None | Some("Attachment")) {
                    w.item(2, Zone::Attachments, &e.item, &[]).map_err(io)?;
                }
            }
            w.raw(&format!("  </AttachmentEncoded>{NL}")).map_err(io)?;
        }
    }
    w.extensions(
        1,
        Zone::Attachments,
        &x.root,
        Some("AttachmentEncoded"),
        None,
    )
    .map_err(io)?;
    for e in &x.root.elements {
        if !matches!(
            e.after.as_deref(),
            None | Some("edXMLEnvelope") | Some("AttachmentEncoded")
        ) {
            w.item(1, Zone::Attachments, &e.item, &[]).map_err(io)?;
        }
    }
    w.raw(&format!("</edXML>{NL}")).map_err(io)?;
    outside_root(&mut w, "after", &x.epilog).map_err(io)?;
    Ok(digests)
}

fn write_attachment(
    w: &mut W<'_>,
    index: usize,
    a: &Attachment,
    bodies: &mut dyn AttachmentBodies,
) -> Result<Digest, EdxmlError> {
    let io = write_error;
    let zone = Zone::Attachments;
    let attrs = attributes(&a.extras.attributes, &[]).map_err(io)?;
    w.raw(&format!("    <Attachment{attrs}>{NL}")).map_err(io)?;
    w.extensions(3, zone, &a.extras, None, None).map_err(io)?;
    let cid = a.content_id.as_ref().map(|c| format!("cid:{c}"));
    let leaves: [(&str, &Option<String>); 7] = [
        ("ContentId", &cid),
        ("AttachmentName", &a.attachment_name),
        ("Description", &a.description),
        ("FieldName", &a.field_name),
        ("MimeType", &a.mime_type),
        ("Format", &a.format),
        ("ContentType", &a.content_type),
    ];
    for (name, value) in leaves {
        if let Some(v) = value {
            w.leaf_with(3, zone, name, v, a.extras.child(name, 0))
                .map_err(io)?;
        }
        w.extensions(3, zone, &a.extras, Some(name), None)
            .map_err(io)?;
    }
    let encoded_attrs = a
        .extras
        .child("ContentTransferEncoded", 0)
        .map(|x| attributes(&x.attributes, &[]))
        .transpose()
        .map_err(io)?
        .unwrap_or_default();
    w.raw(&format!(
        "      <edXML:ContentTransferEncoded xmlns:edXML=\"{EDXML_NS}\"{encoded_attrs}>"
    ))
    .map_err(io)?;
    let digest = {
        let mut body = bodies.open(index, a)?;
        encode_base64(&mut body, w.out).map_err(io)?
    };
    w.raw(&format!("</edXML:ContentTransferEncoded>{NL}"))
        .map_err(io)?;
    w.extensions(3, zone, &a.extras, Some("ContentTransferEncoded"), None)
        .map_err(io)?;
    for e in &a.extras.elements {
        let known = ATTACHMENT_CHILDREN;
        if let Some(after) = e.after.as_deref()
            && !known.contains(&after)
        {
            w.item(3, zone, &e.item, &[]).map_err(io)?;
        }
    }
    w.raw(&format!("    </Attachment>{NL}")).map_err(io)?;
    Ok(digest)
}

/// Writes a status package in the canonical form. `StatusCode` is always
/// written, empty when the model has none.
///
/// # Errors
/// [`ErrorKind::Io`] when writing fails, [`ErrorKind::Unwritable`] as for
/// [`write_document`].
pub fn write_status(pkg: &StatusPackage, mut out: impl Write) -> Result<(), EdxmlError> {
    // `StatusCode` is what makes a status package: it is always written
    // (empty when absent) so that the package reads back as a status.
    let status_code = Some(pkg.status_code.clone().unwrap_or_default());
    let io = write_error;
    let mut w = W { out: &mut out };
    let x = &pkg.package_extras;
    w.raw(&format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{NL}"))
        .map_err(io)?;
    outside_root(&mut w, "before", &x.prolog).map_err(io)?;
    w.raw(&format!(
        "<edXML xmlns=\"{EDXML_NS}\"{}>{NL}",
        attributes(&x.root.attributes, &[]).map_err(io)?
    ))
    .map_err(io)?;
    w.extensions(1, Zone::Attachments, &x.root, None, None)
        .map_err(io)?;
    w.raw(&format!(
        "  <edXML:edXMLEnvelope xmlns:edXML=\"{EDXML_NS}\"{}>{NL}",
        attributes(&x.envelope.attributes, &[]).map_err(io)?
    ))
    .map_err(io)?;
    w.extensions(2, Zone::Envelope, &x.envelope, None, None)
        .map_err(io)?;
    w.element(
        2,
        Zone::Envelope,
        "edXMLHeader",
        "",
        &x.header,
        vec![(
            "MessageHeader",
            Item::Node(
                true,
                Box::new(move |w, d| {
                    w.element(
                        d,
                        Zone::Envelope,
                        "MessageHeader",
                        "",
                        &pkg.extras,
                        vec![
                            (
                                "From",
                                opt_node(&pkg.from, |w, d, o| {
                                    organization(w, d, Zone::Envelope, "From", o)
                                }),
                            ),
                            ("ResponseFor", opt_node(&pkg.response_for, response_for)),
                            ("StaffInfo", opt_node(&pkg.staff_info, staff_info)),
                            ("StatusCode", Item::Leaf(&status_code)),
                            ("Description", Item::Leaf(&pkg.description)),
                            ("Timestamp", Item::Leaf(&pkg.timestamp)),
                        ],
                    )
                }),
            ),
        )],
    )
    .map_err(io)?;
    for e in &x.envelope.elements {
        if e.after.is_some() {
            w.item(2, Zone::Envelope, &e.item, &[]).map_err(io)?;
        }
    }
    w.raw(&format!("  </edXML:edXMLEnvelope>{NL}"))
        .map_err(io)?;
    for e in &x.root.elements {
        if e.after.is_some() {
            w.item(1, Zone::Attachments, &e.item, &[]).map_err(io)?;
        }
    }
    w.raw(&format!("</edXML>{NL}")).map_err(io)?;
    outside_root(&mut w, "after", &x.epilog).map_err(io)?;
    Ok(())
}

/// Writes either kind of package (attachments from `bodies`).
///
/// # Errors
/// As [`write_document`] and [`write_status`].
pub fn write(
    pkg: &Package,
    bodies: &mut dyn AttachmentBodies,
    out: impl Write,
) -> Result<Vec<Digest>, EdxmlError> {
    match pkg {
        Package::Document(d) => write_document(d, bodies, out),
        Package::Status(s) => write_status(s, out).map(|()| Vec::new()),
    }
}
