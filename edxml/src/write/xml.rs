//! The XML layer of the writer: escaping, names, attributes, markup that has
//! no well-formed form, and the pretty-printing element writer `W`.

use std::io::{self, Write};

use crate::error::{EdxmlError, ErrorKind};
use crate::model::*;

use super::NL;

/// Where names go: inside the envelope (prefixed) or in the attachment block.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Zone {
    Envelope,
    Attachments,
}

impl Zone {
    pub(super) fn q(self, local: &str) -> String {
        match self {
            Self::Envelope => format!("edXML:{local}"),
            Self::Attachments => local.to_owned(),
        }
    }
}

pub(super) struct W<'o> {
    pub(super) out: &'o mut dyn Write,
}

pub(super) fn escape_text(s: &str, out: &mut String) {
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

pub(super) fn escape_attr(s: &str, out: &mut String) {
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
pub(super) fn attributes(
    attrs: &[XmlAttribute],
    declared: &[(String, String)],
) -> io::Result<String> {
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
pub(super) fn xml_name(what: &str, name: &str) -> io::Result<()> {
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
pub(super) struct Unwritable(String);

impl std::fmt::Display for Unwritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unwritable {}

pub(super) fn unwritable(why: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, Unwritable(why.into()))
}

/// The crate error for a failed write: [`ErrorKind::Unwritable`] when the
/// model was refused, [`ErrorKind::Io`] when the output failed.
pub(super) fn write_error(e: io::Error) -> EdxmlError {
    match e.get_ref().and_then(|r| r.downcast_ref::<Unwritable>()) {
        Some(Unwritable(why)) => EdxmlError::new(ErrorKind::Unwritable(why.clone())),
        None => EdxmlError::new(ErrorKind::Io(e.to_string())),
    }
}

/// Refuses characters XML 1.0 §2.2 does not allow anywhere in a document
/// (control characters other than tab and line ends, U+FFFE, U+FFFF): no
/// escape can write them. Every piece of markup passes here ([`W::raw`]).
pub(super) fn check_chars(text: &str) -> io::Result<()> {
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
pub(super) fn comment(text: &str) -> io::Result<String> {
    if let Some(problem) = crate::tree::comment_problem(text) {
        return Err(unwritable(problem));
    }
    Ok(format!("<!--{text}-->"))
}

/// A processing instruction, refusing what XML 1.0 §2.6 forbids (`?>`
/// inside, a target that is not a name, the reserved target `xml`), with
/// the reader's check.
pub(super) fn pi(text: &str) -> io::Result<String> {
    if let Some(problem) = crate::tree::pi_problem(text) {
        return Err(unwritable(problem));
    }
    Ok(format!("<?{text}?>"))
}

/// Comments and processing instructions before or after the root element
/// (`side`), each on its own line. Nothing else may stand there (XML 1.0
/// §2.1 `document`, §2.8 `Misc`).
pub(super) fn outside_root(w: &mut W<'_>, side: &str, items: &[XmlContent]) -> io::Result<()> {
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
pub(super) static NO_EXTRAS: Extras = Extras {
    attributes: Vec::new(),
    elements: Vec::new(),
    children: Vec::new(),
};

/// Writes a part of the document at a depth.
pub(super) type WriteFn<'a> = Box<dyn Fn(&mut W<'_>, usize) -> io::Result<()> + 'a>;

/// One child item of a known element, in canonical order.
pub(super) enum Item<'a> {
    Leaf(&'a Option<String>),
    Leaves(&'a [String]),
    /// Writes itself; the flag says whether it writes anything.
    Node(bool, WriteFn<'a>),
}

impl Item<'_> {
    pub(super) fn present(&self) -> bool {
        match self {
            Self::Leaf(v) => v.is_some(),
            Self::Leaves(v) => !v.is_empty(),
            Self::Node(p, _) => *p,
        }
    }
}

impl W<'_> {
    pub(super) fn raw(&mut self, s: &str) -> io::Result<()> {
        check_chars(s)?;
        self.out.write_all(s.as_bytes())
    }

    pub(super) fn indent(&mut self, depth: usize) -> io::Result<()> {
        for _ in 0..depth {
            self.out.write_all(b"  ")?;
        }
        Ok(())
    }

    pub(super) fn leaf(&mut self, depth: usize, q: &str, value: &str) -> io::Result<()> {
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
    pub(super) fn element(
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
    pub(super) fn extensions(
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
    pub(super) fn leaf_with(
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
    pub(super) fn node(
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
    pub(super) fn item(
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
    pub(super) fn inline_item(
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
    pub(super) fn inline_node(
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
