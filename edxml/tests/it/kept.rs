//! Content the model does not know survives read → write → read: unknown
//! content inside list elements, attributes and children of value elements,
//! comments and processing instructions (the project's "never silent data
//! loss" rule).

use vanthu_edxml::{
    DocumentPackage, ErrorKind, Extension, Package, StatusPackage, XmlAttribute, XmlContent,
    XmlNode, read, write, write_status,
};

const SAMPLE: &str = include_str!("../vectors/sample.edxml");

/// The sample with one edit: `from` replaced by `to` (which must be there).
fn edited(edits: &[(&str, &str)]) -> String {
    let mut s = SAMPLE.to_owned();
    // The sample has the reference writer's CRLF line ends.
    for (from, to) in edits {
        let (from, to) = (from.replace('\n', "\r\n"), to.replace('\n', "\r\n"));
        assert!(s.contains(&from), "{from} not in the sample");
        s = s.replacen(&from, &to, 1);
    }
    s
}

/// Reads, writes, reads again: the model is the same, a second write is
/// byte-identical, and the output is returned.
fn round_trip(xml: &str) -> (Package, String) {
    let first = read(xml.as_bytes()).unwrap();
    let mut once = Vec::new();
    write(&first.package, &mut first.bodies(xml.as_bytes()), &mut once).unwrap();
    let second = read(&once).unwrap();
    assert_eq!(
        second.package,
        first.package,
        "{}",
        String::from_utf8_lossy(&once)
    );
    let mut twice = Vec::new();
    write(&second.package, &mut second.bodies(&once), &mut twice).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&once),
        String::from_utf8_lossy(&twice)
    );
    (first.package, String::from_utf8(once).unwrap())
}

fn rules(xml: &str) -> Vec<String> {
    read(xml.as_bytes())
        .unwrap()
        .findings
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn the_plain_sample_is_written_byte_identically() {
    let (_, out) = round_trip(SAMPLE);
    assert_eq!(out, SAMPLE);
}

#[test]
fn unknown_content_in_list_elements_is_kept_in_place() {
    let xml = edited(&[(
        "        <edXML:SteeringType>0</edXML:SteeringType>\n",
        "        <edXML:SteeringType>0</edXML:SteeringType>\n        <edXML:ToPlaces scope=\"all\">\
         <edXML:Place>Hà Nội</edXML:Place><edXML:Note n=\"1\">giữa</edXML:Note>\
         <edXML:Place>Vinh</edXML:Place><v:Tail xmlns:v=\"urn:v\"/></edXML:ToPlaces>\n",
    )]);
    let (pkg, out) = round_trip(&xml);
    let h = &pkg.as_document().unwrap().header;
    assert_eq!(h.to_places.as_ref().unwrap().len(), 2);
    let kept = h.extras.child("ToPlaces", 0).unwrap();
    assert_eq!(kept.attributes[0].value, "all");
    assert_eq!(kept.elements.len(), 2);
    assert_eq!(kept.elements[0].index, Some(0));
    assert_eq!(kept.elements[1].index, Some(1));
    // In place: the note stays between the two places.
    let note = out.find("<edXML:Note n=\"1\">giữa</edXML:Note>").unwrap();
    let hanoi = out.find("<edXML:Place>Hà Nội</edXML:Place>").unwrap();
    let vinh = out.find("<edXML:Place>Vinh</edXML:Place>").unwrap();
    assert!(hanoi < note && note < vinh, "{out}");
    assert!(out.contains("<v:Tail xmlns:v=\"urn:v\" />"), "{out}");
    let r = rules(&xml);
    assert_eq!(r.iter().filter(|r| *r == "EDXML-XML-007").count(), 3);
}

#[test]
fn unknown_content_in_structured_lists_is_kept() {
    let xml = edited(&[(
        "          <edXML:Paper>0</edXML:Paper>\n",
        "          <edXML:Paper>0</edXML:Paper>\n          <edXML:ReplacementInfoList x=\"1\">\
         <edXML:ReplacementInfo><edXML:DocumentId>a</edXML:DocumentId>\
         <edXML:OrganIdList><edXML:OrganId>b</edXML:OrganId><edXML:Extra/></edXML:OrganIdList>\
         </edXML:ReplacementInfo><edXML:Other>c</edXML:Other></edXML:ReplacementInfoList>\n",
    )]);
    let (pkg, out) = round_trip(&xml);
    let business = pkg
        .as_document()
        .unwrap()
        .trace
        .as_ref()
        .unwrap()
        .business
        .as_ref()
        .unwrap()
        .clone();
    let list = business.extras.child("ReplacementInfoList", 0).unwrap();
    assert_eq!(list.attributes[0].name, "x");
    assert_eq!(list.elements[0].after.as_deref(), Some("ReplacementInfo"));
    let info = &business.replacement_info_list.as_ref().unwrap()[0];
    assert!(info.extras.child("OrganIdList", 0).is_some());
    assert!(out.contains("<edXML:Other>c</edXML:Other>"), "{out}");
    assert!(out.contains("<edXML:Extra />"), "{out}");
}

#[test]
fn attributes_and_children_of_value_elements_are_kept() {
    let xml = edited(&[
        (
            "<edXML:Subject>V/v",
            "<edXML:Subject xml:lang=\"vi\" foo=\"1 &amp; 2\">V/v",
        ),
        (
            "<edXML:Priority>0</edXML:Priority>",
            "<edXML:Priority level=\"x\">0<edXML:Why>khẩn</edXML:Why></edXML:Priority>",
        ),
        (
            "<ContentType>application/pdf</ContentType>",
            "<ContentType charset=\"binary\">application/pdf</ContentType>",
        ),
        ("2016\">JVBER", "2016\" enc=\"b64\">JVBER"),
    ]);
    let (pkg, out) = round_trip(&xml);
    let doc = pkg.as_document().unwrap();
    let subject = doc.header.extras.child("Subject", 0).unwrap();
    assert_eq!(subject.attributes.len(), 2);
    assert_eq!(subject.attributes[1].value, "1 & 2");
    assert!(
        out.contains("<edXML:Subject xml:lang=\"vi\" foo=\"1 &amp; 2\">V/v kết nối"),
        "{out}"
    );
    assert_eq!(
        doc.header.other_info.as_ref().unwrap().priority.as_deref(),
        Some("0")
    );
    assert!(
        out.contains("<edXML:Priority level=\"x\">0<edXML:Why>khẩn</edXML:Why></edXML:Priority>"),
        "{out}"
    );
    assert!(
        out.contains("<ContentType charset=\"binary\">application/pdf</ContentType>"),
        "{out}"
    );
    let r = rules(&xml);
    assert!(out.contains("QCVN_102_2016\" enc=\"b64\">JVBER"), "{out}");
    assert_eq!(r.iter().filter(|r| *r == "EDXML-XML-005").count(), 4);
    assert_eq!(r.iter().filter(|r| *r == "EDXML-XML-006").count(), 1);
}

#[test]
fn comments_and_processing_instructions_are_kept_in_document_order() {
    let xml = edited(&[
        (
            "<edXML:edXMLEnvelope ",
            "<!-- đầu gói --><edXML:edXMLEnvelope ",
        ),
        (
            "      <edXML:MessageHeader>\n",
            "      <?app mode=\"x\"?>\n      <edXML:MessageHeader>\n",
        ),
        (
            "        </edXML:From>\n",
            "        <!-- sau From -->\n        </edXML:From>\n",
        ),
        (
            "<edXML:Subject>V/v",
            "<edXML:Subject>V/v<!-- trong trích yếu -->",
        ),
        (
            "          <edXML:Priority>0</edXML:Priority>\n",
            "          <!--before priority--><edXML:Priority>0</edXML:Priority>\n",
        ),
        ("    <Attachment>\n", "    <!-- tệp --><Attachment>\n"),
        (
            "<edXML:edXMLManifest version=\"1.0\">",
            "<edXML:edXMLManifest version=\"1.0\"><?pi?>",
        ),
    ]);
    let (pkg, out) = round_trip(&xml);
    let doc = pkg.as_document().unwrap();
    assert!(matches!(
        &doc.extras.root.elements[0].item,
        XmlContent::Comment(c) if c == " đầu gói "
    ));
    assert!(matches!(
        &doc.extras.header.elements[0].item,
        XmlContent::ProcessingInstruction(p) if p == "app mode=\"x\""
    ));
    let from = doc.header.from.as_ref().unwrap();
    assert_eq!(from.extras.elements[0].after.as_deref(), Some("Website"));
    for expected in [
        "<!-- đầu gói -->",
        "<?app mode=\"x\"?>",
        "<!-- sau From -->",
        "văn bản<!-- trong trích yếu --></edXML:Subject>",
        "<!--before priority-->\r\n          <edXML:Priority>",
        "<!-- tệp -->\r\n    <Attachment>",
        "<?pi?>",
    ] {
        assert!(out.contains(expected), "{expected} missing from\n{out}");
    }
    let r = rules(&xml);
    assert_eq!(r.iter().filter(|r| *r == "EDXML-XML-008").count(), 7);
    assert!(
        !r.iter()
            .any(|r| r == "EDXML-XML-002" || r == "EDXML-XML-004")
    );
}

/// The sample with comments and processing instructions before and after
/// the root element, in the reference writer's CRLF line ends.
fn with_prolog_and_epilog() -> String {
    let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n";
    let body = SAMPLE.strip_prefix(decl).unwrap();
    format!(
        "{decl}<!-- Gói tin của Văn phòng Chính phủ: bản thử -->\r\n\
         <?xml-stylesheet type=\"text/xsl\" href=\"edxml.xsl\"?>\r\n<?trống?>\
         {body}<!-- sau gốc: đã ký -->\n\n<?tail dữ liệu a=\"1\"?>\r\n"
    )
}

#[test]
fn comments_and_processing_instructions_outside_the_root_are_kept_in_order() {
    let xml = with_prolog_and_epilog();
    let (pkg, out) = round_trip(&xml);
    let extras = &pkg.as_document().unwrap().extras;
    assert_eq!(
        extras.prolog,
        [
            XmlContent::Comment(" Gói tin của Văn phòng Chính phủ: bản thử ".to_owned()),
            XmlContent::ProcessingInstruction(
                "xml-stylesheet type=\"text/xsl\" href=\"edxml.xsl\"".to_owned()
            ),
            XmlContent::ProcessingInstruction("trống".to_owned()),
        ]
    );
    assert_eq!(
        extras.epilog,
        [
            XmlContent::Comment(" sau gốc: đã ký ".to_owned()),
            XmlContent::ProcessingInstruction("tail dữ liệu a=\"1\"".to_owned()),
        ]
    );
    // Each on its own line, in the canonical style: after the declaration
    // and before the root, after the root's end tag.
    let body = SAMPLE
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n")
        .unwrap();
    let expected = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n\
         <!-- Gói tin của Văn phòng Chính phủ: bản thử -->\r\n\
         <?xml-stylesheet type=\"text/xsl\" href=\"edxml.xsl\"?>\r\n\
         <?trống?>\r\n\
         {body}<!-- sau gốc: đã ký -->\r\n<?tail dữ liệu a=\"1\"?>\r\n"
    );
    assert_eq!(out, expected);
    // Each kept item is a finding, at its place; nothing is reported dropped.
    let findings = read(xml.as_bytes()).unwrap().findings;
    let kept: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "EDXML-XML-008")
        .collect();
    assert_eq!(kept.len(), 5);
    assert_eq!(kept[0].location.line, Some(2));
    assert_eq!(kept[0].location.column, Some(1));
    assert_eq!(kept[2].location.line, Some(4));
    assert!(kept[0].message.contains("comment before the root element"));
    assert!(
        kept[4]
            .message
            .contains("processing instruction after the root element")
    );
    assert_eq!(
        kept[4].location.offset,
        Some(xml.find("<?tail").unwrap() as u64),
        "{:?}",
        kept[4]
    );
    assert!(
        !findings
            .iter()
            .any(|f| f.rule == "EDXML-XML-002" || f.rule == "EDXML-XML-004")
    );
}

#[test]
fn status_packages_keep_them_too() {
    let xml = with_prolog_and_epilog();
    let doc = read(xml.as_bytes()).unwrap();
    let Package::Document(doc) = doc.package else {
        panic!("not a document")
    };
    let mut status = StatusPackage::default();
    status.status_code = Some("03".to_owned());
    status.package_extras.prolog = doc.extras.prolog.clone();
    status.package_extras.epilog = doc.extras.epilog.clone();
    let mut once = Vec::new();
    write_status(&status, &mut once).unwrap();
    let back = read(&once).unwrap();
    assert_eq!(back.package.as_status(), Some(&status));
    let mut twice = Vec::new();
    write_status(back.package.as_status().unwrap(), &mut twice).unwrap();
    assert_eq!(once, twice);
    let text = String::from_utf8(once).unwrap();
    assert!(
        text.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- Gói tin của Văn phòng Chính phủ: bản thử -->\r\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("</edXML>\r\n<!-- sau gốc: đã ký -->\r\n<?tail dữ liệu a=\"1\"?>\r\n"),
        "{text}"
    );
}

#[test]
fn prolog_and_epilog_serialise_to_json_and_back() {
    let xml = with_prolog_and_epilog();
    let pkg = read(xml.as_bytes()).unwrap().package;
    let json = serde_json::to_value(&pkg).unwrap();
    assert_eq!(
        json["extras"]["prolog"][0]["Comment"],
        " Gói tin của Văn phòng Chính phủ: bản thử "
    );
    assert_eq!(
        json["extras"]["epilog"][1]["ProcessingInstruction"],
        "tail dữ liệu a=\"1\""
    );
    let back: Package = serde_json::from_value(json).unwrap();
    assert_eq!(back, pkg);
    // A package without them has no such keys.
    let plain = serde_json::to_value(read(SAMPLE.as_bytes()).unwrap().package).unwrap();
    assert!(plain.get("extras").is_none(), "{plain}");
}

#[test]
fn markup_inside_attachment_base64_is_still_reported_as_dropped() {
    let xml = edited(&[("2016\">JVBER", "2016\">JVB<!-- giữa -->ER<?pi x?>")]);
    let r = rules(&xml);
    assert_eq!(r.iter().filter(|r| *r == "EDXML-XML-002").count(), 1);
    assert_eq!(r.iter().filter(|r| *r == "EDXML-XML-004").count(), 1);
    assert!(!r.iter().any(|r| r == "EDXML-XML-008"));
}

#[test]
fn the_reader_refuses_what_the_writer_would_refuse() {
    let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n";
    let body = SAMPLE.strip_prefix(decl).unwrap();
    for (prolog, epilog) in [
        ("<?XML x?>", ""),
        ("<?Xml?>", ""),
        ("", "<?xml version=\"1.0\"?>"),
        ("<?a:b c?>", ""),
        ("<!-- a--->", ""),
    ] {
        let xml = format!("{decl}{prolog}{body}{epilog}");
        let err = read(xml.as_bytes()).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Malformed(_)),
            "{prolog}{epilog}: {err}"
        );
        assert!(err.position().is_some());
    }
    // White space before the declaration is tolerated, as before.
    let xml = format!("\r\n{SAMPLE}");
    assert!(read(xml.as_bytes()).is_ok());
    // A target that merely starts with xml is a processing instruction.
    let xml = format!("{decl}<?xml-model href=\"a\"?>{body}");
    assert!(read(xml.as_bytes()).is_ok());
}

#[test]
fn the_writer_refuses_comments_and_pis_that_xml_forbids() {
    let xml = edited(&[("<edXML:edXMLEnvelope ", "<!--x--><edXML:edXMLEnvelope ")]);
    let first = read(xml.as_bytes()).unwrap();
    let bad_markup = [
        XmlContent::Comment("a--b".to_owned()),
        XmlContent::Comment("a-".to_owned()),
        XmlContent::Comment("nul \u{0}".to_owned()),
        XmlContent::ProcessingInstruction("xml version=\"1.0\"".to_owned()),
        XmlContent::ProcessingInstruction("XmL".to_owned()),
        XmlContent::ProcessingInstruction("p ?> x".to_owned()),
        XmlContent::ProcessingInstruction("p dữ liệu ?>".to_owned()),
        XmlContent::ProcessingInstruction("1p".to_owned()),
        XmlContent::ProcessingInstruction("a:b".to_owned()),
        XmlContent::ProcessingInstruction(" p".to_owned()),
        XmlContent::ProcessingInstruction(String::new()),
    ];
    // Inside the root (one place stands for all: the check is shared),
    // before it and after it.
    type Place = fn(&mut DocumentPackage, XmlContent);
    let places: [(&str, Place); 3] = [
        ("inside", |d, m| d.extras.root.elements[0].item = m),
        ("prolog", |d, m| d.extras.prolog.push(m)),
        ("epilog", |d, m| d.extras.epilog.push(m)),
    ];
    for (place, put) in places {
        for bad in &bad_markup {
            let mut pkg = first.package.clone();
            let Package::Document(d) = &mut pkg else {
                panic!("not a document")
            };
            put(d, bad.clone());
            let mut out = Vec::new();
            let err = write(&pkg, &mut first.bodies(xml.as_bytes()), &mut out).unwrap_err();
            assert!(
                matches!(err.kind(), ErrorKind::Unwritable(_)),
                "{place} {bad:?}: {err}"
            );
        }
    }
    // Only comments and processing instructions may stand outside the root.
    for outside in [
        XmlContent::Element(XmlNode::edxml_text("Note", "x")),
        XmlContent::Text("văn bản".to_owned()),
        XmlContent::Text(String::new()),
    ] {
        let mut status = StatusPackage::default();
        status.package_extras.epilog.push(outside.clone());
        let err = write_status(&status, &mut Vec::new()).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Unwritable(_)),
            "{outside:?}: {err}"
        );
        assert!(err.to_string().contains("after the root element"), "{err}");
    }
}

#[test]
fn the_writer_refuses_text_and_names_xml_cannot_hold() {
    let first = read(SAMPLE.as_bytes()).unwrap();
    let write_edited = |edit: &dyn Fn(&mut DocumentPackage)| {
        let mut pkg = first.package.clone();
        let Package::Document(d) = &mut pkg else {
            panic!("not a document")
        };
        edit(d);
        let mut out = Vec::new();
        write(&pkg, &mut first.bodies(SAMPLE.as_bytes()), &mut out).map(|_| out)
    };
    // Control characters and U+FFFE/U+FFFF have no XML 1.0 form, escaped or not.
    for bad in ["\u{1}", "a\u{0}b", "\u{1B}[0m", "x\u{FFFE}", "\u{FFFF}"] {
        let err = write_edited(&|d| d.header.subject = Some(format!("Về việc {bad}"))).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Unwritable(_)),
            "{bad:?}: {err}"
        );
        assert!(
            err.to_string().contains("Về việc"),
            "the error says where: {err}"
        );
        let err = write_edited(&|d| {
            d.extras
                .root
                .attributes
                .push(XmlAttribute::new("note", bad))
        })
        .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Unwritable(_)),
            "{bad:?}: {err}"
        );
    }
    // Names that are not XML names are refused, not dropped.
    for name in ["", "a b", "1x", "a:b", "<x>"] {
        let err = write_edited(&|d| d.extras.root.attributes.push(XmlAttribute::new(name, "1")))
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Unwritable(_)),
            "{name:?}: {err}"
        );
        let err = write_edited(&|d| {
            let node = XmlNode::edxml_text(name, "x");
            d.extras.root.elements.push(Extension::new(None, node));
        })
        .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::Unwritable(_)),
            "{name:?}: {err}"
        );
    }
    // What XML can hold is written and read back: tab, line ends, any
    // Vietnamese text, characters just inside the allowed ranges.
    let text = "Về việc\tkết nối\nliên thông \u{D7FF}\u{E000}\u{FFFD}\u{10FFFF}";
    let out = write_edited(&|d| d.header.subject = Some(text.to_owned())).unwrap();
    let again = read(&out).unwrap();
    let subject = again.package.as_document().unwrap().header.subject.clone();
    assert_eq!(subject.as_deref(), Some(text));
}
