//! The lenient reader: every dialect seen in the field reads, and each
//! deviation is reported with its rule id; hostile input is refused.

use vanthu_edxml::{
    Dialect, ErrorKind, Limit, Limits, Package, ReadOptions, XmlContent, read, read_with, write,
};

const NS: &str = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

fn rules(xml: &str) -> Vec<String> {
    read(xml.as_bytes())
        .unwrap()
        .findings
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

/// A Bkav-style document: `Business` spelling, `cid:` only in the manifest,
/// dd/MM/yyyy dates, no prefixes, Reference children in Bkav order, an
/// unknown element and an unknown attribute.
fn bkav_document() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="{NS}">
  <edXMLEnvelope>
    <edXMLHeader>
      <MessageHeader>
        <From><OrganId>000.00.11.H53</OrganId><OrganName>Sở A</OrganName></From>
        <To><OrganId>000.00.01.A53</OrganId><OrganName>Văn phòng B</OrganName></To>
        <DocumentId>000.00.11.H53,2020/10/30,12/SA-VP</DocumentId>
        <Code><CodeNumber>12</CodeNumber><CodeNotation>SA-VP</CodeNotation></Code>
        <PromulgationInfo><Place>Tây Ninh</Place><PromulgationDate>30/10/2020</PromulgationDate></PromulgationInfo>
        <DocumentType><Type>1</Type><TypeName>Công văn</TypeName></DocumentType>
        <Subject>Thử &amp; kiểm tra</Subject>
        <SignerInfo/>
        <DueDate/>
        <VendorNote level="2">giữ nguyên</VendorNote>
      </MessageHeader>
      <TraceHeaderList id="t1">
        <TraceHeader><OrganId>000.00.11.H53</OrganId><Timestamp>30/10/2020 08:15:00</Timestamp></TraceHeader>
        <Business>
          <BusinessDocType>0</BusinessDocType>
          <BusinessDocReason>Văn bản điện tử mới</BusinessDocReason>
          <Paper>0</Paper>
        </Business>
      </TraceHeaderList>
    </edXMLHeader>
    <edXMLBody>
      <Manifest version="1.0">
        <Reference><ContentId>cid:abc</ContentId><ContentType>application/pdf</ContentType><AttachmentName>a.pdf</AttachmentName><Description>a</Description></Reference>
      </Manifest>
    </edXMLBody>
  </edXMLEnvelope>
  <AttachmentEncoded>
    <Attachment>
      <ContentId>abc</ContentId>
      <AttachmentName>a.pdf</AttachmentName>
      <ContentType>application/pdf</ContentType>
      <ContentTransferEncoded>JVBERi0x
LjQK</ContentTransferEncoded>
    </Attachment>
  </AttachmentEncoded>
</edXML>"#
    )
}

#[test]
fn bkav_dialect_reads_with_findings() {
    let xml = bkav_document();
    let out = read_with(xml.as_bytes(), &ReadOptions::digest()).unwrap();
    let d = out.package.as_document().unwrap();
    assert_eq!(
        d.header
            .promulgation_info
            .as_ref()
            .unwrap()
            .promulgation_date
            .as_deref(),
        Some("2020/10/30")
    );
    assert_eq!(
        d.trace.as_ref().unwrap().trace_headers[0]
            .timestamp
            .as_deref(),
        Some("2020/10/30 08:15:00")
    );
    assert_eq!(
        d.trace
            .as_ref()
            .unwrap()
            .business
            .as_ref()
            .unwrap()
            .doc_type
            .as_deref(),
        Some("0")
    );
    assert_eq!(d.header.subject.as_deref(), Some("Thử & kiểm tra"));
    assert_eq!(d.header.due_date.as_deref(), Some(""));
    assert!(d.header.signer_info.is_some());
    assert_eq!(
        d.manifest.as_ref().unwrap().references[0]
            .content_id
            .as_deref(),
        Some("abc")
    );
    assert_eq!(d.attachments[0].content_id.as_deref(), Some("abc"));
    assert_eq!(out.layout[0].digest.unwrap().size, 9); // "%PDF-1.4\n"
    let unknown = &d.header.extras.elements[0];
    assert_eq!(unknown.after.as_deref(), Some("DueDate"));
    let XmlContent::Element(node) = &unknown.item else {
        panic!("not an element: {unknown:?}");
    };
    assert_eq!(node.name, "VendorNote");
    assert_eq!(node.attributes[0].value, "2");
    assert_eq!(node.children, [XmlContent::Text("giữ nguyên".to_owned())]);
    assert_eq!(d.trace.as_ref().unwrap().extras.attributes[0].name, "id");
    let rules: Vec<&str> = out.findings.iter().map(|f| f.rule.as_str()).collect();
    for expected in [
        "EDXML-NS-002",
        "EDXML-DATE-001",
        "EDXML-DIALECT-001",
        "EDXML-DIALECT-003",
        "EDXML-CID-001",
        "EDXML-STRUCT-002",
        "EDXML-ORDER-001",
        "EDXML-ATT-003",
    ] {
        assert!(
            rules.contains(&expected),
            "{expected} missing from {rules:?}"
        );
    }
    let f = out
        .findings
        .iter()
        .find(|f| f.rule == "EDXML-DATE-001")
        .unwrap();
    assert_eq!(f.location.line, Some(10));
    assert!(
        f.location
            .path
            .as_deref()
            .unwrap()
            .ends_with("PromulgationInfo/PromulgationDate")
    );
    assert!(!f.message_vi.is_empty() && !f.source.is_empty());
}

#[test]
fn dialects_normalise_to_the_canonical_form_and_keep_unknown_content() {
    let xml = bkav_document();
    let first = read(xml.as_bytes()).unwrap();
    let mut canonical = Vec::new();
    write(
        &first.package,
        &mut first.bodies(xml.as_bytes()),
        &mut canonical,
    )
    .unwrap();
    let text = String::from_utf8(canonical.clone()).unwrap();
    assert!(
        text.contains("<edXML:Bussiness>") && text.contains("<edXML:PromulgationDate>2020/10/30<")
    );
    assert!(text.contains("<edXML:VendorNote level=\"2\">giữ nguyên</edXML:VendorNote>"));
    assert!(text.contains("<edXML:TraceHeaderList id=\"t1\">"));
    assert!(text.contains("<edXML:Subject>Thử &amp; kiểm tra</edXML:Subject>"));
    assert!(text.contains("<ContentId>cid:abc</ContentId>"));
    let second = read(&canonical).unwrap();
    assert_eq!(first.package, second.package);
    // The canonical form only keeps findings about content.
    let rules: Vec<&str> = second.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["EDXML-STRUCT-002"]);
}

#[test]
fn bkav_status_wrapper() {
    let xml = format!(
        r#"<edXML:edXML xmlns:edXML="{NS}"><edXML:edXMLEnvelope><edXML:edXMLHeader><edXML:Status>
        <edXML:From><edXML:OrganId>000.00.00.H41</edXML:OrganId><edXML:OrganName>X</edXML:OrganName></edXML:From>
        <edXML:ResponseFor><edXML:OrganId>000.00.00.G22</edXML:OrganId><edXML:Code>1/A</edXML:Code>
        <edXML:PromulgationDate>2015/09/30</edXML:PromulgationDate><edXML:DocumentId>000.00.00.G22,2015/09/30,1/A</edXML:DocumentId></edXML:ResponseFor>
        <edXML:StatusCode>03</edXML:StatusCode><edXML:Timestamp>20/09/2015 11:08:36</edXML:Timestamp>
        </edXML:Status></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML:edXML>"#
    );
    let out = read(xml.as_bytes()).unwrap();
    let Package::Status(s) = &out.package else {
        panic!("status expected")
    };
    assert_eq!(s.status_code.as_deref(), Some("03"));
    assert_eq!(s.timestamp.as_deref(), Some("2015/09/20 11:08:36"));
    let rules: Vec<&str> = out.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(
        rules.contains(&"EDXML-DIALECT-002") && rules.contains(&"EDXML-XML-001"),
        "{rules:?}"
    );
    assert!(rules.contains(&"EDXML-NS-002"), "root prefixed: {rules:?}");
}

#[test]
fn soap_2014_dialect_is_named() {
    let xml = r#"<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:edXML="http://www.e-doc.vn/Schema/">
      <SOAP-ENV:Header><edXML:MessageHeader><edXML:From/></edXML:MessageHeader></SOAP-ENV:Header><SOAP-ENV:Body/></SOAP-ENV:Envelope>"#;
    let e = read(xml.as_bytes()).unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::UnsupportedDialect(Dialect::Soap2014));
    assert!(e.to_string().contains("2014"));
}

#[test]
fn not_edxml_and_wrong_namespace() {
    assert!(matches!(
        read(b"<html/>").unwrap_err().kind(),
        ErrorKind::NotEdxml(_)
    ));
    assert!(matches!(
        read(b"<edXML/>").unwrap_err().kind(),
        ErrorKind::NotEdxml(_)
    ));
    let r = rules(
        "<edXML><edXMLEnvelope><edXMLHeader><MessageHeader/></edXMLHeader></edXMLEnvelope></edXML>",
    );
    assert!(r.contains(&"EDXML-NS-001".to_owned()), "{r:?}");
}

#[test]
fn undeclared_prefixes_are_findings() {
    let xml = format!(
        r#"<edXML xmlns="{NS}"><edXML:edXMLEnvelope xmlns:edXML="{NS}"><edXML:edXMLHeader><edXML:MessageHeader/></edXML:edXMLHeader>
        <edXML:edXMLBody><edXML:edXMLManifest><edXML:Reference xlink:href=""/></edXML:edXMLManifest></edXML:edXMLBody></edXML:edXMLEnvelope>
        <edXML:AttachmentEncoded/></edXML>"#
    );
    let r = rules(&xml);
    assert_eq!(
        r.iter().filter(|r| *r == "EDXML-XML-003").count(),
        2,
        "{r:?}"
    );
}

#[test]
fn hostile_input_is_refused() {
    let doctype = br#"<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x "y">]><edXML>&x;</edXML>"#;
    assert_eq!(read(doctype).unwrap_err().kind(), &ErrorKind::Doctype);
    let entity = b"<edXML>&x;</edXML>";
    assert_eq!(
        read(entity).unwrap_err().kind(),
        &ErrorKind::UndefinedEntity("x".to_owned())
    );
    let latin = br#"<?xml version="1.0" encoding="ISO-8859-1"?><edXML/>"#;
    assert!(matches!(
        read(latin).unwrap_err().kind(),
        ErrorKind::UnsupportedEncoding(_)
    ));
    assert_eq!(
        read(b"<edXML>\xff</edXML>").unwrap_err().kind(),
        &ErrorKind::NotUtf8
    );
    let deep = format!("{}{}", "<a>".repeat(100), "</a>".repeat(100));
    let e = read(deep.as_bytes()).unwrap_err();
    assert!(
        matches!(
            e.kind(),
            ErrorKind::LimitExceeded {
                limit: Limit::Depth,
                ..
            }
        ),
        "{e}"
    );
    let mut limits = Limits::default();
    limits.max_package_bytes = 10;
    let mut options = ReadOptions::default();
    options.limits = limits;
    let e = read_with(&b"<edXML>0123456789</edXML>"[..], &options).unwrap_err();
    assert!(
        matches!(
            e.kind(),
            ErrorKind::LimitExceeded {
                limit: Limit::PackageBytes,
                ..
            }
        ),
        "{e}"
    );
    let e = read(b"<edXML><a></b></edXML>").unwrap_err();
    assert_eq!(
        (e.position().unwrap().line, e.position().unwrap().column),
        (1, 11)
    );
    assert!(read(b"").is_err());
    // Names and characters that XML 1.0 does not allow.
    for bad in [
        &b"<edXML><a/b/></edXML>"[..],
        b"<edXML><a:b:c/></edXML>",
        b"<edXML>\x01</edXML>",
        b"<edXML a=\"&#0;\"/>",
    ] {
        assert!(
            matches!(read(bad).unwrap_err().kind(), ErrorKind::Malformed(_)),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
    assert!(read(b"<edXML></edXML><edXML/>").is_err());
}

#[test]
fn invalid_base64_is_a_finding_in_digest_mode() {
    let xml = bkav_document().replace("JVBERi0x\nLjQK", "${__StringFromFile(test.txt,,,)}");
    let out = read_with(xml.as_bytes(), &ReadOptions::digest()).unwrap();
    assert!(out.findings.iter().any(|f| f.rule == "EDXML-ATT-001"));
    assert!(out.layout[0].base64_error.is_some());
    let e = out
        .decode_attachment(xml.as_bytes(), 0, std::io::sink())
        .unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::InvalidBase64 { index: 0, .. }),
        "{e}"
    );
}

#[test]
fn signature_keeps_prefixes_bound_outside_it() {
    // `ds` is declared on the root: written elsewhere, the signature
    // carries the declaration itself, and its text is otherwise unchanged.
    let xml = format!(
        r#"<edXML xmlns="{NS}" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><edXML:edXMLEnvelope xmlns:edXML="{NS}"><edXML:edXMLHeader>
        <edXML:MessageHeader/><ds:Signature Id="s"><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>
        </edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>"#
    );
    let first = read(xml.as_bytes()).unwrap();
    let sig = first
        .package
        .as_document()
        .unwrap()
        .signature
        .clone()
        .unwrap();
    assert_eq!(
        sig.raw,
        r#"<ds:Signature Id="s"><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>"#
    );
    let mut out = Vec::new();
    write(&first.package, &mut Vec::<Vec<u8>>::new(), &mut out).unwrap();
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(
        text.contains(r#"<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="s"><ds:SignatureValue>"#),
        "{text}"
    );
    let second = read(&out).unwrap();
    assert_eq!(
        second
            .package
            .as_document()
            .unwrap()
            .signature
            .as_ref()
            .unwrap()
            .raw,
        r#"<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="s"><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>"#
    );
}

#[test]
fn unknown_content_in_lists_is_kept_and_reported() {
    let xml = format!(
        r#"<edXML xmlns="{NS}"><edXMLEnvelope><edXMLHeader><MessageHeader>
        <ToPlaces kind="x"><Place>A</Place><Other>B</Other></ToPlaces></MessageHeader></edXMLHeader></edXMLEnvelope></edXML>"#
    );
    let out = read(xml.as_bytes()).unwrap();
    let dropped = out
        .findings
        .iter()
        .filter(|f| f.rule == "EDXML-XML-007")
        .count();
    assert_eq!(dropped, 2);
    let header = &out.package.as_document().unwrap().header;
    assert_eq!(header.to_places.as_deref(), Some(&["A".to_owned()][..]));
    let kept = header.extras.child("ToPlaces", 0).unwrap();
    assert_eq!(kept.attributes[0].name, "kind");
    assert_eq!(kept.elements[0].after.as_deref(), Some("Place"));
    assert_eq!(kept.elements[0].index, Some(0));
    // And a rewrite keeps both.
    let mut again = Vec::new();
    write(&out.package, &mut Vec::<&[u8]>::new(), &mut again).unwrap();
    let text = String::from_utf8(again.clone()).unwrap();
    assert!(text.contains("<edXML:ToPlaces kind=\"x\">"), "{text}");
    assert_eq!(read(&again).unwrap().package, out.package);
}

/// quick-xml buffers a whole text node, comment or tag before the reader
/// sees it: the text limit must also stop that buffering, or one endless
/// `<Subject>` would be held in memory up to the package size limit.
#[test]
fn one_huge_item_is_refused_without_buffering_it() {
    use std::io::Read as _;
    let mut limits = Limits::default();
    limits.max_text_bytes = 1000;
    limits.max_attributes = 4;
    limits.max_package_bytes = 256 << 20;
    let mut options = ReadOptions::default();
    options.limits = limits;
    for (prefix, offset) in [
        ("<edXML><Subject>", 16),
        ("<edXML><!--", 7),
        ("<edXML><Subject a=\"", 7),
        ("<edXML><![CDATA[", 7),
    ] {
        // Endless input: only the item's budget can end the read early.
        let input = std::io::BufReader::new(prefix.as_bytes().chain(std::io::repeat(b'a')));
        let e = read_with(input, &options).unwrap_err();
        assert!(
            matches!(
                e.kind(),
                ErrorKind::LimitExceeded {
                    limit: Limit::TextBytes,
                    ..
                }
            ),
            "{prefix}: {e}"
        );
        assert_eq!(e.position().unwrap().offset, offset, "{prefix}");
    }
}
