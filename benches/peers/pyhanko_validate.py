#!/usr/bin/env python3
"""Peer of benches/signature.rs: pyHanko validating every signature of the same PDF
(coverage, difference analysis, CMS, chain to the same root), offline.

Prints one JSON object: documents validated per second and each signature's bottom line.
Usage: python3 pyhanko_validate.py PDF ROOT_DER CA_DER ISO_MOMENT SECONDS
"""
import io
import json
import sys
import time
from datetime import datetime

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext


def validate_all(data, root, ca, moment):
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    results = []
    for sig in reader.embedded_signatures:
        vc = ValidationContext(trust_roots=[root], other_certs=[ca], moment=moment,
                               allow_fetching=False, revocation_mode="soft-fail")
        results.append(bool(validate_pdf_signature(sig, vc).bottom_line))
    return results


def main():
    path, root_path, ca_path, at, seconds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
    with open(path, "rb") as f:
        data = f.read()
    root, ca = load_cert_from_pemder(root_path), load_cert_from_pemder(ca_path)
    moment = datetime.fromisoformat(at)
    lines = validate_all(data, root, ca, moment)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or count == 0:
        validate_all(data, root, ca, moment)
        count += 1
    print(json.dumps({"peer": "pyHanko", "docs_per_sec": count / (time.perf_counter() - start), "bottom_lines": lines}))


if __name__ == "__main__":
    main()
