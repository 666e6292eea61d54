//! A small element tree for the package's metadata documents (METS, EAD,
//! PREMIS). They are small (proportional to the number of files, never to
//! their size), so a tree is simpler than streaming, and bounded by
//! [`ReadLimits`]: memory stays within a small multiple of
//! [`ReadLimits::max_bytes`] whatever the document holds.

use quick_xml::Reader;
use quick_xml::events::Event;
use serde::{Deserialize, Serialize};

use crate::error::ArchiveError;

/// The limits of reading one metadata document of a package (a METS, EAD
/// or PREMIS file). A document over one of them is not read: the reader
/// returns [`ArchiveError::Limit`] with the position where the limit was
/// crossed, and [`check_package`](super::check_package) reports it as the
/// finding `ARCH-PKG-STRUCT-005`.
///
/// The defaults fit a Circular 05/2025 record with some ten thousand files
/// in one representation: a METS file reference takes four elements
/// (`file`, `FLocat`, `fptr`, a `div` share).
///
/// ```
/// use vanthu_archive::package::ReadLimits;
/// let limits = ReadLimits::default();
/// assert_eq!(limits.max_bytes, 16 * 1024 * 1024);
/// assert_eq!(limits.max_elements, 50_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReadLimits {
    /// Bytes of one document (default 16 MiB).
    pub max_bytes: u64,
    /// Elements of one document (default 50,000).
    pub max_elements: u64,
    /// Attributes of one element (default 64).
    pub max_attributes: u64,
    /// Bytes of text in one element (default 1 MiB).
    pub max_text: u64,
    /// Nesting depth (default 256).
    pub max_depth: u64,
}

impl Default for ReadLimits {
    fn default() -> Self {
        Self {
            max_bytes: 16 * 1024 * 1024,
            max_elements: 50_000,
            max_attributes: 64,
            max_text: 1024 * 1024,
            max_depth: 256,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Element {
    /// Local name (prefix removed).
    pub(crate) name: String,
    /// Attributes as (qualified name, value), in document order.
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Element>,
    pub(crate) text: String,
}

impl Element {
    /// Value of the attribute with this local name (any prefix).
    pub(crate) fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.rsplit(':').next() == Some(local))
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    pub(crate) fn children_named<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Every descendant (depth first, document order) with this name.
    pub(crate) fn descendants<'a>(&'a self, name: &'a str, out: &mut Vec<&'a Element>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            c.descendants(name, out);
        }
    }
}

fn local(qname: &[u8]) -> String {
    let s = String::from_utf8_lossy(qname);
    s.rsplit(':').next().unwrap_or_default().to_owned()
}

/// Parses a whole document into its root element, within `limits`
/// (`bytes` is at most `limits.max_bytes` long: see `read_limited`).
pub(crate) fn parse(
    bytes: &[u8],
    path: &str,
    limits: &ReadLimits,
) -> Result<Element, ArchiveError> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().expand_empty_elements = true;
    let err = |offset: u64, message: String| ArchiveError::Xml {
        path: path.to_owned(),
        offset,
        message,
    };
    let over = |offset: u64, limit: &'static str, max: u64| ArchiveError::Limit {
        path: path.to_owned(),
        offset,
        limit,
        max,
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut buf = Vec::new();
    let mut elements = 0u64;
    // The root element, once closed: only comments, processing
    // instructions and white space may follow it (XML 1.0 §2.1).
    let mut root: Option<Element> = None;
    loop {
        let offset = reader.buffer_position();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| err(offset, e.to_string()))?;
        let after_root = root.is_some()
            && match &event {
                Event::Start(_) | Event::End(_) | Event::CData(_) | Event::GeneralRef(_) => true,
                Event::Text(t) => !t.iter().all(u8::is_ascii_whitespace),
                _ => false,
            };
        if after_root {
            return Err(err(offset, "content after the root element".into()));
        }
        match event {
            Event::Start(s) => {
                elements = elements.saturating_add(1);
                if elements > limits.max_elements {
                    return Err(over(offset, "elements", limits.max_elements));
                }
                if stack.len() as u64 >= limits.max_depth {
                    return Err(over(offset, "depth", limits.max_depth));
                }
                if s.attributes().count() as u64 > limits.max_attributes {
                    return Err(over(
                        offset,
                        "attributes of an element",
                        limits.max_attributes,
                    ));
                }
                let mut el = Element {
                    name: local(s.name().as_ref()),
                    ..Element::default()
                };
                for a in s.attributes() {
                    let a = a.map_err(|e| err(offset, e.to_string()))?;
                    let v = a.unescape_value().map_err(|e| err(offset, e.to_string()))?;
                    el.attrs.push((
                        String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                        v.into_owned(),
                    ));
                }
                stack.push(el);
            }
            Event::End(_) => {
                let done = stack
                    .pop()
                    .ok_or_else(|| err(offset, "unbalanced end tag".into()))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    let d = t.decode().map_err(|e| err(offset, e.to_string()))?;
                    top.text.push_str(&d);
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(top) = stack.last_mut() {
                    if let Some(c) = r
                        .resolve_char_ref()
                        .map_err(|e| err(offset, e.to_string()))?
                    {
                        top.text.push(c);
                    } else {
                        let name = r.decode().map_err(|e| err(offset, e.to_string()))?;
                        let c = quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| err(offset, format!("unknown entity &{name};")))?;
                        top.text.push_str(c);
                    }
                }
            }
            Event::Eof => {
                return root
                    .ok_or_else(|| err(offset, "no root element or unclosed element".into()));
            }
            _ => {}
        }
        if stack
            .last()
            .is_some_and(|top| top.text.len() as u64 > limits.max_text)
        {
            return Err(over(offset, "text of an element", limits.max_text));
        }
        buf.clear();
    }
}

/// Reads a whole metadata document from `input`, refusing one longer than
/// `limits.max_bytes` (without reading more than one byte past it).
pub(crate) fn read_limited(
    input: impl std::io::Read,
    path: &str,
    limits: &ReadLimits,
) -> Result<Vec<u8>, ArchiveError> {
    use std::io::Read as _;
    let mut buf = Vec::new();
    input
        .take(limits.max_bytes.saturating_add(1))
        .read_to_end(&mut buf)?;
    if buf.len() as u64 > limits.max_bytes {
        return Err(ArchiveError::Limit {
            path: path.to_owned(),
            offset: limits.max_bytes,
            limit: "bytes",
            max: limits.max_bytes,
        });
    }
    Ok(buf)
}
