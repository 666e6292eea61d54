//! Content the model does not know survives read → write → read: unknown
//! content inside list elements, attributes and children of value elements,
//! comments and processing instructions (the project's "never silent data
//! loss" rule).

use vanthu_edxml::{Package, XmlContent, read, write};

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
    assert_eq!(from.extras.elements[0].after.as_deref(), Some("Email"));
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

#[test]
fn comments_outside_the_root_are_still_reported_as_dropped() {
    let xml = format!("{SAMPLE}<!-- sau gốc -->\n<?tail?>\n");
    let r = rules(&xml);
    assert!(r.iter().any(|r| r == "EDXML-XML-002"));
    assert!(r.iter().any(|r| r == "EDXML-XML-004"));
}

#[test]
fn the_writer_refuses_comments_and_pis_that_xml_forbids() {
    let xml = edited(&[("<edXML:edXMLEnvelope ", "<!--x--><edXML:edXMLEnvelope ")]);
    let first = read(xml.as_bytes()).unwrap();
    for bad in [
        XmlContent::Comment("a--b".to_owned()),
        XmlContent::Comment("a-".to_owned()),
        XmlContent::ProcessingInstruction("xml version=\"1.0\"".to_owned()),
        XmlContent::ProcessingInstruction("p ?> x".to_owned()),
        XmlContent::ProcessingInstruction(String::new()),
    ] {
        let mut pkg = first.package.clone();
        let Package::Document(d) = &mut pkg else {
            panic!("not a document")
        };
        d.extras.root.elements[0].item = bad.clone();
        let mut out = Vec::new();
        assert!(
            write(&pkg, &mut first.bodies(xml.as_bytes()), &mut out).is_err(),
            "{bad:?} accepted"
        );
    }
}
