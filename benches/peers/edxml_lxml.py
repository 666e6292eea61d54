#!/usr/bin/env python3
"""Peer of benches/edxml_read.rs: what an lxml-based receiver does with an
edXML package. Parses the file (namespace-aware, huge_tree for large
Base64 text nodes), reads the header, decodes every attachment and hashes
it with SHA-256. Prints one JSON line: seconds, peak RSS in KiB (ru_maxrss),
attachment count and total decoded bytes."""
import base64
import hashlib
import json
import resource
import sys
import time

from lxml import etree

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
E = {"e": NS}


def main(path):
    start = time.perf_counter()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.parse(path, parser).getroot()
    header = root.find("e:edXMLEnvelope/e:edXMLHeader/e:MessageHeader", E)
    document_id = header.findtext("e:DocumentId", namespaces=E)
    total = 0
    count = 0
    for att in root.iterfind("e:AttachmentEncoded/e:Attachment", E):
        data = base64.b64decode(att.findtext("e:ContentTransferEncoded", namespaces=E) or "")
        hashlib.sha256(data).hexdigest()
        total += len(data)
        count += 1
    elapsed = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_kib": peak_kib, "attachments": count,
                      "decoded_bytes": total, "document_id": document_id}))


if __name__ == "__main__":
    main(sys.argv[1])
