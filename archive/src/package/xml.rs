//! A small element tree for the package's metadata documents (METS, EAD,
//! PREMIS). They are small (proportional to the number of files, never to
//! their size), so a tree is simpler than streaming and bounded by a limit.

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::error::ArchiveError;

/// Largest metadata document read into memory.
pub(crate) const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

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

/// Parses a whole document into its root element.
pub(crate) fn parse(bytes: &[u8], path: &str) -> Result<Element, ArchiveError> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().expand_empty_elements = true;
    let err = |offset: u64, message: String| ArchiveError::Xml {
        path: path.to_owned(),
        offset,
        message,
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let offset = reader.buffer_position();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| err(offset, e.to_string()))?;
        match event {
            Event::Start(s) => {
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
                if stack.len() > 256 {
                    return Err(err(offset, "elements nested too deeply".into()));
                }
                stack.push(el);
            }
            Event::End(_) => {
                let done = stack
                    .pop()
                    .ok_or_else(|| err(offset, "unbalanced end tag".into()))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Ok(done),
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
            Event::Eof => return Err(err(offset, "no root element or unclosed element".into())),
            _ => {}
        }
        buf.clear();
    }
}
