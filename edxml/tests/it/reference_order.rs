//! Every package kind vanthu writes has every element the reference writer
//! (the VNPT EdXML102 library) writes, in its order (`docs/edxml.md` §4):
//! checked against the package that library generated, and for the header
//! of status packages against the VPCP status sample.

use std::collections::BTreeMap;

use chrono::TimeZone as _;
use quick_xml::events::Event;
use vanthu_edxml::{
    BusinessType, DocumentPackage, Organization, StatusCode, StatusPackage, vietnam_offset,
    write_document, write_status,
};

use crate::sample;

/// The children of the first element of each local name: local names in
/// document order, repeats collapsed (`To`, `To` is one `To`). The
/// `Signature` subtree is opaque and left out.
fn children(xml: &[u8]) -> BTreeMap<String, Vec<String>> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    // Each open element, and whether it is the first of its name.
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut buf = Vec::new();
    let mut skip = 0usize;
    loop {
        let event = reader.read_event_into(&mut buf).unwrap();
        let (name, empty) = match &event {
            Event::Start(e) => (
                String::from_utf8(e.local_name().as_ref().to_vec()).unwrap(),
                false,
            ),
            Event::Empty(e) => (
                String::from_utf8(e.local_name().as_ref().to_vec()).unwrap(),
                true,
            ),
            Event::End(_) => {
                skip = skip.saturating_sub(1);
                stack.pop();
                buf.clear();
                continue;
            }
            Event::Eof => return map,
            _ => {
                buf.clear();
                continue;
            }
        };
        if skip == 0 && name == "Signature" {
            skip = 1;
        } else if skip > 0 {
            skip += 1;
        }
        let mut first = false;
        if skip == 0 {
            if let Some((parent, true)) = stack.last() {
                let list = map.entry(parent.clone()).or_default();
                if list.last() != Some(&name) {
                    list.push(name.clone());
                }
            }
            first = !map.contains_key(&name);
            map.entry(name.clone()).or_default();
        }
        if empty {
            skip = skip.saturating_sub(1);
        } else {
            stack.push((name, first));
        }
        buf.clear();
    }
}

/// `written` has, under each element the reference has, every child the
/// reference writes there (list items excepted when the list is empty),
/// in the reference's order.
fn assert_reference_order(
    kind: &str,
    written: &BTreeMap<String, Vec<String>>,
    reference: &BTreeMap<String, Vec<String>>,
) {
    for (parent, expected) in reference.iter().filter(|(_, c)| !c.is_empty()) {
        let Some(got) = written.get(parent) else {
            panic!("{kind}: no <{parent}> (the reference writer writes it)");
        };
        if got.is_empty() && matches!(parent.as_str(), "Appendixes" | "ToPlaces") {
            continue;
        }
        let common: Vec<&String> = got.iter().filter(|c| expected.contains(c)).collect();
        let expected: Vec<&String> = expected.iter().collect();
        assert_eq!(common, expected, "{kind}: children of <{parent}>: {got:?}");
    }
}

/// The validation tests' letter with a second recipient, added by hand:
/// `with_reference_elements` fills its contact details as well.
fn document() -> DocumentPackage {
    let mut doc = crate::validate::base();
    doc.header
        .to
        .push(Organization::new("000.00.00.H14", "UBND tỉnh Cao Bằng"));
    doc.with_reference_elements()
}

fn written_document(doc: &DocumentPackage) -> Vec<u8> {
    let mut doc = doc.clone();
    if doc.attachments.is_empty() {
        doc.add_attachment("a.pdf", "application/pdf");
    }
    let mut out = Vec::new();
    write_document(&doc, &mut vec![b"%PDF-1.4\n%%EOF\n".to_vec()], &mut out).unwrap();
    out
}

#[test]
fn item16_every_package_kind_has_the_reference_elements_in_the_reference_order() {
    let (Some(generated), Some(status_sample)) = (
        sample("generated_vnpt_edxml102.edxml"),
        sample("status_inbox_01.edxml"),
    ) else {
        return;
    };
    let reference = children(&generated);
    // Status packages: the header's children as in the VPCP status sample;
    // inside `From` and `StaffInfo`, as the reference writer orders them.
    let mut status_reference = BTreeMap::new();
    for name in ["edXMLEnvelope", "edXMLHeader", "From", "StaffInfo"] {
        status_reference.insert(name.to_owned(), reference[name].clone());
    }
    status_reference.insert("edXMLHeader".to_owned(), vec!["MessageHeader".to_owned()]);
    status_reference.insert("edXMLEnvelope".to_owned(), vec!["edXMLHeader".to_owned()]);
    status_reference.insert(
        "MessageHeader".to_owned(),
        children(&status_sample)["MessageHeader"].clone(),
    );
    assert_eq!(
        status_reference["MessageHeader"],
        [
            "From",
            "ResponseFor",
            "StaffInfo",
            "StatusCode",
            "Description",
            "Timestamp"
        ]
    );

    let new = document();
    assert_reference_order(
        "new document",
        &children(&written_document(&new)),
        &reference,
    );
    let at = vietnam_offset()
        .with_ymd_and_hms(2025, 3, 15, 8, 0, 0)
        .unwrap();
    for kind in [
        BusinessType::Revoke,
        BusinessType::Update,
        BusinessType::Replace,
    ] {
        let follow_up = new.follow_up(kind, None, &at);
        assert_reference_order(
            &format!("{kind:?}"),
            &children(&written_document(&follow_up)),
            &reference,
        );
    }
    for code in ["01", "02", "03", "04", "05", "06", "13", "15", "16"] {
        let reply = StatusPackage::reply(
            &new,
            &StatusCode::parse(code),
            Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An"),
            &at,
        );
        let mut out = Vec::new();
        write_status(&reply, &mut out).unwrap();
        assert_reference_order(
            &format!("status {code}"),
            &children(&out),
            &status_reference,
        );
    }
}

#[test]
fn item16_a_package_read_from_elsewhere_is_rewritten_as_read() {
    // The builders add the reference elements; the writer never does: a
    // package without them keeps its shape (lossless round trip).
    let mut bare = document();
    bare.header.content = None;
    bare.header.signer_info = None;
    bare.header.to_places = None;
    let bytes = written_document(&bare);
    let map = children(&bytes);
    assert!(!map.contains_key("SignerInfo"));
    assert!(!map.contains_key("ToPlaces"));
    let read = vanthu_edxml::read(&bytes).unwrap();
    let mut again = Vec::new();
    vanthu_edxml::write(&read.package, &mut read.bodies(&bytes), &mut again).unwrap();
    assert_eq!(again, bytes);
    // And the filled package reads back to the same model.
    let full = written_document(&document());
    let read = vanthu_edxml::read(&full).unwrap();
    let doc = read.package.as_document().unwrap();
    assert_eq!(doc.header.content.as_deref(), Some(""));
    assert_eq!(doc.header.to_places, Some(vec![]));
    let signer = doc.header.signer_info.as_ref().unwrap();
    assert_eq!(signer.competence.as_deref(), Some(""));
    assert_eq!(doc.header.to[1].email.as_deref(), Some(""));
    let mut again = Vec::new();
    vanthu_edxml::write(&read.package, &mut read.bodies(&full), &mut again).unwrap();
    assert_eq!(again, full);
}
