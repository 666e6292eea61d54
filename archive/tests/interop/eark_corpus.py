#!/usr/bin/env python3
"""Measures `vanthu archive check` against the E-ARK IP test corpus.

The corpus (github.com/DILCISBoard/eark-ip-test-corpus) has one folder per
requirement (`corpus/CSIP/CSIP1/`, `corpus/SIP/SIP4/`), each with a
`testCase.xml` listing its packages: invalid ones built to violate the
requirement alone, valid ones. This script zips each package folder (the
folder is the package's root folder, as a ZIP of it would unpack), checks it
with `vanthu archive check --profile csip` (CSIP cases) or `--profile sip`
(SIP cases) and counts:

- MUST-level invalid cases (rules whose error level is ERROR): how many are
  not conformant, and how many are reported with the tested requirement id
  (a finding whose `requirement` is the test case's id);
- valid packages: how many have no error naming an E-ARK requirement, and
  how many are conformant. Checksums are judged by another
  part of vanthu: findings about checksum values and sizes (ARCH-PKG-FILE-002,
  ARCH-PKG-FILE-003) are left out of this decision, and counted apart: a git
  checkout of the corpus converts the line endings of its text files, so
  their sizes and checksums no longer match METS.

Not run in CI (the corpus is not part of the repository). Usage:

    cargo build -p vanthu-cli
    python3 archive/tests/interop/eark_corpus.py CORPUS_FOLDER [--vanthu target/debug/vanthu] [--list]

CORPUS_FOLDER is the corpus checkout (or its `corpus/` folder). `--list`
prints every case missed.
"""
import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

CHECKSUM_RULES = {"ARCH-PKG-FILE-002", "ARCH-PKG-FILE-003"}


def zip_folder(folder):
    """The package folder as a ZIP whose one root folder is the package (a
    case folder holding only the package's own folder is that folder)."""
    inside = os.listdir(folder)
    if len(inside) == 1 and os.path.isdir(os.path.join(folder, inside[0])):
        folder = os.path.join(folder, inside[0])
    buf = io.BytesIO()
    root = os.path.basename(os.path.normpath(folder))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for dirpath, _, files in sorted(os.walk(folder)):
            for f in sorted(files):
                full = os.path.join(dirpath, f)
                rel = os.path.relpath(full, folder).replace(os.sep, "/")
                z.write(full, f"{root}/{rel}")
    return buf.getvalue()


def check(vanthu, folder, profile, tmp):
    path = os.path.join(tmp, "package.zip")
    with open(path, "wb") as f:
        f.write(zip_folder(folder))
    out = subprocess.run(
        [vanthu, "archive", "check", path, "--profile", profile, "--json"],
        capture_output=True,
        text=True,
    )
    if out.returncode == 2 or not out.stdout.strip():
        return None
    return json.loads(out.stdout)


def cases(corpus):
    """(spec, requirement, level, valid, package folder) of every case."""
    base = os.path.join(corpus, "corpus") if os.path.isdir(os.path.join(corpus, "corpus")) else corpus
    for spec in ("CSIP", "SIP"):
        top = os.path.join(base, spec)
        if not os.path.isdir(top):
            continue
        for req in sorted(os.listdir(top)):
            tc = os.path.join(top, req, "testCase.xml")
            if not os.path.exists(tc):
                continue
            root = ET.parse(tc).getroot()
            rid = root.find("id").get("requirementId")
            for rule in root.iter("rule"):
                err = rule.find("error")
                level = err.get("level") if err is not None else ""
                for p in rule.iter("package"):
                    if p.get("isImplemented") != "TRUE":
                        continue
                    folder = os.path.join(top, req, p.findtext("path").strip())
                    if os.path.isdir(folder):
                        yield spec, rid, level, p.get("isValid") == "TRUE", folder


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--vanthu", default="target/debug/vanthu")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    seen = set()
    valid_seen = set()
    must = {"cases": 0, "not_conformant": 0, "named": 0}
    valid = {"cases": 0, "conformant": 0, "checksum_only": 0, "no_requirement_error": 0}
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        for spec, rid, level, is_valid, folder in cases(args.corpus):
            key = (rid, folder)
            if key in seen:
                continue
            seen.add(key)
            profile = "sip" if spec == "SIP" else "csip"
            report = check(args.vanthu, folder, profile, tmp)
            findings = report["findings"] if report else []
            errors = [f for f in findings if f["severity"] == "error"]
            if is_valid:
                if folder in valid_seen:
                    continue
                valid_seen.add(folder)
                valid["cases"] += 1
                if report and not any(f.get("requirement") for f in errors):
                    valid["no_requirement_error"] += 1
                other = [f for f in errors if f["rule"] not in CHECKSUM_RULES]
                if report and not other:
                    valid["conformant"] += 1
                    if errors:
                        valid["checksum_only"] += 1
                else:
                    named = sorted({f["requirement"] for f in other if f.get("requirement")})
                    rules = sorted({f["rule"] for f in other if not f.get("requirement")})
                    missed.append(f"valid {rid} {folder}: requirements {named}, rules {rules}")
            elif level == "ERROR":
                must["cases"] += 1
                if report is None or errors:
                    must["not_conformant"] += 1
                if any(f.get("requirement") == rid for f in findings):
                    must["named"] += 1
                else:
                    named = sorted({f.get("requirement") for f in findings if f.get("requirement")})
                    missed.append(f"MUST {rid} {folder}: named {named}")
    print(json.dumps({"must_invalid": must, "valid": valid}, indent=2))
    if args.list:
        print("\n".join(missed))


if __name__ == "__main__":
    sys.exit(main())
