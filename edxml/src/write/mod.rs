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

use std::io::{Read, Write};

use crate::b64::{Digest, encode_base64};
use crate::error::{EdxmlError, ErrorKind};
use crate::model::*;

mod elements;
mod xml;

use elements::*;
use xml::*;

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
    open_envelope(&mut w, x)?;
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

/// The XML declaration, what stands before the root, the root element and
/// the opening of the envelope, with the unknown content kept at each level:
/// the same for document and status packages.
fn open_envelope(w: &mut W<'_>, x: &PackageExtras) -> Result<(), EdxmlError> {
    let io = write_error;
    w.raw(&format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{NL}"))
        .map_err(io)?;
    outside_root(w, "before", &x.prolog).map_err(io)?;
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
    Ok(())
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
    open_envelope(&mut w, x)?;
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
