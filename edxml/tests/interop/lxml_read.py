#!/usr/bin/env python3
"""Independent reader for the interop test: parses edXML packages with lxml
(namespace-aware, no entity resolution, no network) and prints their values
as JSON, one object per file, so that the Rust test can compare them with
vanthu-edxml's model. Attachments are Base64-decoded and hashed here."""
import base64
import hashlib
import json
import sys

from lxml import etree

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
E = {"e": NS}


def text(node, path):
    found = node.find(path, E)
    if found is None:
        return None
    return found.text or ""


def organization(node):
    if node is None:
        return None
    return {"organ_id": text(node, "e:OrganId"), "organ_name": text(node, "e:OrganName")}


def markup(node):
    """A comment or processing instruction outside the root element."""
    if isinstance(node, etree._Comment):
        return {"comment": node.text or ""}
    return {"pi": node.target, "data": node.text or ""}


def read(path):
    """The package's values, with what stands before and after the root."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                             remove_comments=False, remove_pis=False)
    root = etree.parse(path, parser).getroot()
    values = read_root(root)
    values["prolog"] = [markup(n) for n in reversed(list(root.itersiblings(preceding=True)))]
    values["epilog"] = [markup(n) for n in root.itersiblings()]
    return values


def read_root(root):
    assert root.tag == "{%s}edXML" % NS, root.tag
    header = root.find("e:edXMLEnvelope/e:edXMLHeader/e:MessageHeader", E)
    if header.find("e:StatusCode", E) is not None:
        rf = header.find("e:ResponseFor", E)
        return {
            "kind": "status",
            "from": organization(header.find("e:From", E)),
            "status_code": text(header, "e:StatusCode"),
            "description": text(header, "e:Description"),
            "timestamp": text(header, "e:Timestamp"),
            "response_for": None if rf is None else {
                "organ_id": text(rf, "e:OrganId"),
                "code": text(rf, "e:Code"),
                "document_id": text(rf, "e:DocumentId"),
                "promulgation_date": text(rf, "e:PromulgationDate"),
            },
        }
    attachments = []
    for att in root.findall("e:AttachmentEncoded/e:Attachment", E):
        data = base64.b64decode(att.find("e:ContentTransferEncoded", E).text or "", validate=True)
        attachments.append({
            "content_id": text(att, "e:ContentId"),
            "name": text(att, "e:AttachmentName"),
            "content_type": text(att, "e:ContentType"),
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        })
    business = header.getparent().find("e:TraceHeaderList/e:Bussiness", E)
    return {
        "kind": "document",
        "document_id": text(header, "e:DocumentId"),
        "from": organization(header.find("e:From", E)),
        "to": [organization(t) for t in header.findall("e:To", E)],
        "code_number": text(header, "e:Code/e:CodeNumber"),
        "code_notation": text(header, "e:Code/e:CodeNotation"),
        "subject": text(header, "e:Subject"),
        "promulgation_date": text(header, "e:PromulgationInfo/e:PromulgationDate"),
        "business_doc_type": None if business is None else text(business, "e:BussinessDocType"),
        "references": [text(r, "e:ContentId") for r in
                       root.findall("e:edXMLEnvelope/e:edXMLBody/e:edXMLManifest/e:Reference", E)],
        "attachments": attachments,
    }


if __name__ == "__main__":
    print(json.dumps([read(p) for p in sys.argv[1:]], ensure_ascii=False))
