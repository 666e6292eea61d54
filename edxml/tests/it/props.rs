//! Generated packages round-trip: write → read gives the model back, and
//! our output re-serialises byte-identically.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use vanthu_edxml::{
    Business, ChildExtras, Code, DocumentPackage, Extension, Extras, OtherInfo, PromulgationInfo,
    ReadOptions, ResponseFor, StaffInfo, StatusPackage, TraceHeader, TraceHeaderList, XmlAttribute,
    XmlContent, XmlNode, read, read_with, write_document, write_status,
};

/// Text with Vietnamese letters, XML specials and whitespace (XML 1.0 chars only).
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ&<>\"'\t\n\r/.,:;=-]{0,24}"
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    option::of(text())
}

fn date() -> impl Strategy<Value = Option<String>> {
    option::of(
        (2000u32..2030, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}/{m:02}/{d:02}")),
    )
}

fn timestamp() -> impl Strategy<Value = Option<String>> {
    option::of(
        (2000u32..2030, 1u32..13, 1u32..29, 0u32..24, 0u32..60)
            .prop_map(|(y, mo, d, h, mi)| format!("{y}/{mo:02}/{d:02} {h:02}:{mi:02}:07")),
    )
}

fn organization() -> impl Strategy<Value = vanthu_edxml::Organization> {
    (opt_text(), opt_text(), opt_text(), opt_text(), opt_text()).prop_map(
        |(id, name, add, email, phone)| {
            let mut o = vanthu_edxml::Organization::default();
            o.organ_id = id;
            o.organ_name = name;
            o.organ_add = add;
            o.email = email;
            o.telephone = phone;
            o
        },
    )
}

/// Comment text XML allows (no `--`, no final `-`).
fn comment() -> impl Strategy<Value = XmlContent> {
    "[a-zA-Z0-9 àáđĐ&<>\"'/.,:;=]{0,16}".prop_map(XmlContent::Comment)
}

/// A processing instruction: a target other than `xml`, optional data.
fn pi() -> impl Strategy<Value = XmlContent> {
    ("p[a-z0-9]{0,5}", option::of("[a-zA-Z0-9àđ=\"' ]{1,12}")).prop_map(|(t, d)| {
        XmlContent::ProcessingInstruction(match d {
            Some(d) => format!("{t} {d}"),
            None => t,
        })
    })
}

/// A comment or a processing instruction: what may stand before and after
/// the root element.
fn outside() -> impl Strategy<Value = XmlContent> {
    prop_oneof![comment(), pi()]
}

/// A comment, a processing instruction or an unknown edXML element.
fn markup() -> impl Strategy<Value = XmlContent> {
    prop_oneof![
        comment(),
        pi(),
        text().prop_map(|t| XmlContent::Element(XmlNode::edxml_text("Note", t))),
    ]
}

/// Attribute values without the characters attribute-value normalisation
/// turns into spaces (XML 1.0 §3.3.3).
fn attribute() -> impl Strategy<Value = XmlAttribute> {
    ("[a-z]{1,6}", "[a-zA-Z0-9 àđ&<>\"']{0,12}").prop_map(|(n, v)| XmlAttribute::new(n, v))
}

/// What a reader keeps about a value or list element: attributes, and
/// markup (placed by item index in a list of `items` items).
fn kept(items: usize) -> impl Strategy<Value = Extras> {
    (
        vec(attribute(), 0..2),
        vec((markup(), any::<prop::sample::Index>()), 0..3),
    )
        .prop_map(move |(attributes, markup)| {
            let mut e = Extras::default();
            // Distinct names: a repeated attribute is not well-formed.
            for (i, mut a) in attributes.into_iter().enumerate() {
                a.name = format!("{}{i}", a.name);
                e.attributes.push(a);
            }
            let mut markup: Vec<_> = markup
                .into_iter()
                .map(|(m, at)| {
                    (
                        if items == 0 {
                            None
                        } else {
                            Some(at.index(items))
                        },
                        m,
                    )
                })
                .collect();
            // Document order: by the item they follow.
            markup.sort_by_key(|(at, _)| at.map_or(0, |i| i + 1));
            for (at, m) in markup {
                e.elements.push(match at {
                    Some(i) => Extension::content(Some("Place"), m).at_index(i),
                    None => Extension::content(None, m),
                });
            }
            e
        })
}

prop_compose! {
    fn document()(
        from in option::of(organization()),
        to in vec(organization(), 0..3),
        document_id in opt_text(),
        code in option::of((opt_text(), opt_text())),
        promulgation in option::of((opt_text(), date())),
        subject in opt_text(),
        due in date(),
        priority in opt_text(),
        appendixes in option::of(vec(text(), 0..3)),
        response_for in vec((opt_text(), opt_text(), date()), 0..2),
        to_places in option::of(vec(text(), 0..3)),
        traces in vec((opt_text(), timestamp()), 0..3),
        business in option::of((opt_text(), opt_text(), option::of((opt_text(), opt_text())))),
        extension in opt_text(),
        header_markup in vec(markup(), 0..3),
        subject_kept in kept(0),
        places_kept in kept(3),
        attachments in vec(("[a-z0-9-]{1,10}", opt_text(), vec(any::<u8>(), 0..300)), 0..3),
        prolog in vec(outside(), 0..3),
        epilog in vec(outside(), 0..3),
    ) -> (DocumentPackage, Vec<Vec<u8>>) {
        let mut d = DocumentPackage::default();
        d.extras.prolog = prolog;
        d.extras.epilog = epilog;
        let h = &mut d.header;
        h.from = from;
        h.to = to;
        h.document_id = document_id;
        h.code = code.map(|(n, t)| { let mut c = Code::default(); c.code_number = n; c.code_notation = t; c });
        h.promulgation_info = promulgation.map(|(place, date)| {
            let mut p = PromulgationInfo::default(); p.place = place; p.promulgation_date = date; p
        });
        h.subject = subject;
        h.due_date = due;
        h.other_info = Some({ let mut o = OtherInfo::default(); o.priority = priority; o.appendixes = appendixes; o });
        h.response_for = response_for.into_iter().map(|(id, code, date)| {
            let mut r = ResponseFor::default(); r.organ_id = id; r.code = code; r.promulgation_date = date; r
        }).collect();
        h.to_places = to_places;
        if let Some(t) = extension {
            h.extras.elements.push(Extension::new(None, XmlNode::edxml_text("VendorExtension", t)));
        }
        // Comments, PIs and unknown elements first in the header; the
        // subject's attributes and inner markup; unknown content between
        // places (indexes only of places that exist).
        for m in header_markup {
            h.extras.elements.push(Extension::content(None, m));
        }
        if h.subject.is_some() && !subject_kept.is_empty() {
            h.extras.children.push(ChildExtras::new("Subject", 0, subject_kept));
        }
        if let Some(places) = &h.to_places {
            let mut kept = places_kept;
            for e in &mut kept.elements {
                match e.index {
                    Some(i) if i < places.len() => {}
                    _ => { e.after = None; e.index = None; }
                }
            }
            kept.elements.sort_by_key(|e| e.index.map_or(0, |i| i + 1));
            if !kept.is_empty() {
                h.extras.children.push(ChildExtras::new("ToPlaces", 0, kept));
            }
        }
        d.trace = Some({
            let mut t = TraceHeaderList::default();
            t.trace_headers = traces.into_iter().map(|(id, ts)| {
                let mut th = TraceHeader::default(); th.organ_id = id; th.timestamp = ts; th
            }).collect();
            t.business = business.map(|(ty, reason, staff)| {
                let mut b = Business::default();
                b.doc_type = ty;
                b.doc_reason = reason;
                b.staff_info = staff.map(|(dep, st)| { let mut s = StaffInfo::default(); s.department = dep; s.staff = st; s });
                b
            });
            t
        });
        let mut bodies = Vec::new();
        for (i, (id, name, body)) in attachments.into_iter().enumerate() {
            let index = d.add_attachment(&name.unwrap_or_default(), "application/pdf");
            d.attachments[index].content_id = Some(format!("{id}{i}"));
            d.manifest.as_mut().unwrap().references[index].content_id = Some(format!("{id}{i}"));
            bodies.push(body);
        }
        (d, bodies)
    }
}

proptest! {
    #[test]
    fn documents_round_trip((doc, bodies) in document()) {
        let mut first = Vec::new();
        let digests = write_document(&doc, &mut bodies.clone(), &mut first).unwrap();
        let out = read_with(&first[..], &ReadOptions::digest()).unwrap();
        let read_back = out.package.as_document().unwrap();
        prop_assert_eq!(read_back, &doc);
        for (i, body) in bodies.iter().enumerate() {
            let mut decoded = Vec::new();
            let digest = out.decode_attachment(&first, i, &mut decoded).unwrap();
            prop_assert_eq!(&decoded, body);
            prop_assert_eq!(Some(digest), out.layout[i].digest);
            prop_assert_eq!(digest, digests[i]);
        }
        let mut second = Vec::new();
        write_document(read_back, &mut out.bodies(&first), &mut second).unwrap();
        prop_assert!(first == second);
    }

    #[test]
    fn statuses_round_trip(from in option::of(organization()), code in opt_text(), description in opt_text(),
                           ts in timestamp(), rf in option::of((opt_text(), opt_text(), date())),
                           prolog in vec(outside(), 0..3), epilog in vec(outside(), 0..3)) {
        let mut s = StatusPackage::default();
        s.package_extras.prolog = prolog;
        s.package_extras.epilog = epilog;
        s.from = from;
        s.status_code = code.or_else(|| Some("03".to_owned()));
        s.description = description;
        s.timestamp = ts;
        s.response_for = rf.map(|(id, doc, date)| {
            let mut r = ResponseFor::default(); r.organ_id = id; r.document_id = doc; r.promulgation_date = date; r
        });
        let mut first = Vec::new();
        write_status(&s, &mut first).unwrap();
        let out = read(&first).unwrap();
        prop_assert_eq!(out.package.as_status().unwrap(), &s);
        let mut second = Vec::new();
        write_status(out.package.as_status().unwrap(), &mut second).unwrap();
        prop_assert!(first == second);
    }

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in vec(any::<u8>(), 0..512)) {
        let _ = read_with(&bytes[..], &ReadOptions::digest());
    }

    /// Behind a UTF-16 byte order mark, arbitrary bytes (odd lengths,
    /// unpaired surrogates) are an error or a package, never a panic; and
    /// UTF-16 text reads as its UTF-8 form does.
    #[test]
    fn utf16_input_never_panics(big_endian: bool, bytes in vec(any::<u8>(), 0..512), text in ".{0,64}") {
        let bom: &[u8] = if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" };
        let input = [bom, &bytes[..]].concat();
        let _ = read_with(&input[..], &ReadOptions::scan());
        let xml = format!("<edXML><x>{}</x></edXML>", text.replace(['<', '&'], ""));
        let utf16 = crate::fidelity::utf16(xml.as_bytes(), big_endian);
        prop_assert_eq!(
            read(&utf16).map(|o| o.package).map_err(|e| e.code()),
            read(xml.as_bytes()).map(|o| o.package).map_err(|e| e.code())
        );
    }
}

/// The fuzz target's property, on mutations of real-shaped input.
fn fuzz_property(data: &[u8]) {
    let Ok(out) = read_with(data, &ReadOptions::digest()) else {
        return;
    };
    let mut written = Vec::new();
    if vanthu_edxml::write(&out.package, &mut out.bodies(data), &mut written).is_ok() {
        let again = read(&written).unwrap();
        let mut twice = Vec::new();
        vanthu_edxml::write(&again.package, &mut again.bodies(&written), &mut twice).unwrap();
        assert!(written == twice);
    }
}

proptest! {
    #[test]
    fn mutated_packages_never_panic_and_rewrite_to_a_fixed_point(
        edits in vec((any::<prop::sample::Index>(), 0u8..3, any::<u8>()), 1..6),
    ) {
        let mut data = crate::vectors::sample_bytes();
        for (at, kind, byte) in edits {
            let i = at.index(data.len());
            match kind {
                0 => data[i] = byte,
                1 => data.insert(i, byte),
                _ => { data.remove(i); }
            }
        }
        fuzz_property(&data);
    }
}

/// Attachment text as real writers produce it: Base64 runs, line breaks,
/// spaces, character references, padding, and (invalid, but well-formed
/// XML) non-ASCII letters.
fn attachment_text() -> impl Strategy<Value = String> {
    vec(
        prop_oneof![
            4 => "[A-Za-z0-9+/]{1,300}",
            1 => Just("\n".to_owned()),
            1 => Just("\r\n".to_owned()),
            1 => Just(" \t".to_owned()),
            1 => Just("&#10;".to_owned()),
            1 => Just("=".to_owned()),
            1 => "[ạđữ€]{1,3}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// Line and column (1-based, in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or(before).chars().count() + 1;
    (u32::try_from(line).unwrap(), u32::try_from(column).unwrap())
}

proptest! {
    /// Decoding attachments counts the text it streams without scanning it
    /// again: the position of an error after the attachment must not depend
    /// on whether attachments are decoded, nor on the buffer size.
    #[test]
    fn positions_after_attachment_text_do_not_depend_on_decoding(
        text in attachment_text(),
        capacity in 1usize..200,
    ) {
        let package = format!(
            "<?xml version=\"1.0\"?>\n<edXML><AttachmentEncoded><Attachment>\
             <ContentTransferEncoded>{text}</ContentTransferEncoded>\
             </Attachment></AttachmentEncoded>\n  <x></y></edXML>"
        );
        let expected_offset = package.find("</y>").unwrap();
        let expected = line_column(&package, expected_offset);
        for mode in [ReadOptions::default(), ReadOptions::digest()] {
            let input = std::io::BufReader::with_capacity(capacity, package.as_bytes());
            let error = read_with(input, &mode).unwrap_err();
            let at = error.position().unwrap();
            prop_assert_eq!((at.line, at.column), expected, "{:?}", mode.attachments);
            prop_assert_eq!(at.offset, expected_offset as u64);
        }
    }
}
