"""Differential campaign: `vanthu verify` against pyHanko on folders of signed PDFs.

  python campaign.py VANTHU_BINARY DIR... [--at ISO] [--json OUT]

Run outside CI, on corpora nobody on this project wrote (see README.md beside
this file).

For every signature: pyHanko's intact / valid / coverage / modification level
(no trust: crypto and structure only) against vanthu's indication. Prints the
disagreements that matter:
  FALSE_FAIL  vanthu TOTAL_FAILED, pyHanko intact+valid with allowed changes
  MISSED      vanthu not TOTAL_FAILED, pyHanko says not intact/valid or changes not allowed
"""
import argparse, glob, json, logging, os, subprocess
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext

def pyhanko(path):
    out = []
    try:
        with open(path, "rb") as f:
            r = PdfFileReader(f, strict=False)
            sigs = list(r.embedded_signatures)
            for s in sigs:
                try:
                    vc = ValidationContext(allow_fetching=False, revocation_mode="soft-fail")
                    if s.sig_object_type == "/DocTimeStamp":
                        st = validate_pdf_timestamp(s, validation_context=vc)
                    else:
                        st = validate_pdf_signature(s, vc, key_usage_settings=KeyUsageConstraints())
                    out.append(dict(field=s.field_name, intact=bool(st.intact), valid=bool(st.valid),
                        coverage=st.coverage.name if st.coverage else None,
                        level=st.modification_level.name if st.modification_level else None,
                        docmdp_ok=st.docmdp_ok))
                except Exception as e:
                    out.append(dict(field=s.field_name, error=type(e).__name__ + ": " + str(e)[:200]))
    except Exception as e:
        return {"error": type(e).__name__ + ": " + str(e)[:200]}
    return {"signatures": out}

def vanthu(binary, path, at):
    p = subprocess.run([binary, "verify", path, "--json", "--at", at], capture_output=True, timeout=120)
    if p.returncode == 2:
        return {"error": p.stderr.decode(errors="replace").strip()[:300]}
    try:
        return json.loads(p.stdout)
    except Exception:
        return {"error": "no json: " + p.stderr.decode(errors="replace")[:200]}

def main():
    logging.disable(logging.CRITICAL)  # pyHanko logs every path it cannot build
    ap = argparse.ArgumentParser()
    ap.add_argument("binary"); ap.add_argument("dirs", nargs="+")
    ap.add_argument("--at", default="2024-01-01"); ap.add_argument("--json")
    a = ap.parse_args()
    files = sorted(f for d in a.dirs for f in glob.glob(os.path.join(d, "*.pdf")))
    rows, counts = [], {"signatures": 0, "agree": 0, "FALSE_FAIL": 0, "MISSED": 0, "other": 0}
    for f in files:
        ph, vt = pyhanko(f), vanthu(a.binary, f, a.at)
        phs = ph.get("signatures", [])
        vts = vt.get("signatures", [])
        if not phs and not vts:
            continue
        if "error" in vt and phs:
            rows.append((f, "-", "VANTHU_ERROR", vt["error"][:160], "")); counts["other"] += 1; continue
        byname = {}
        for v in vts:
            name = (v.get("widget") or {}).get("field_name")
            byname.setdefault(name, v)
        for i, p in enumerate(phs):
            counts["signatures"] += 1
            v = byname.get(p["field"]) or (vts[i] if i < len(vts) else None)
            if v is None:
                rows.append((f, p["field"], "VANTHU_MISSING", json.dumps(p), "")); counts["other"] += 1; continue
            if "error" in p:
                kind = "PYHANKO_ERROR"; counts["other"] += 1
                rows.append((f, p["field"], kind, p["error"][:120], v["indication"] + "/" + str(v.get("sub_indication")))); continue
            ok = p["intact"] and p["valid"] and p["docmdp_ok"] is not False and p["level"] != "OTHER"
            failed = v["indication"] == "TOTAL_FAILED"
            fatal = ("FORMAT_FAILURE", "HASH_FAILURE", "SIG_CRYPTO_FAILURE", "REVOKED")
            why = next((c["id"] + ": " + c["message"] for c in v["checks"] if c["outcome"] == "failed" and c.get("sub_indication") in fatal), "") or next((c["id"] + ": " + c["message"] for c in v["checks"] if c["outcome"] == "failed"), "")
            if ok and failed:
                kind = "FALSE_FAIL"
            elif not ok and not failed and v.get("sub_indication") not in ("SIG_CONSTRAINTS_FAILURE", "CRYPTO_CONSTRAINTS_FAILURE", "FORMAT_FAILURE"):
                kind = "MISSED"
            else:
                kind = "agree"
            counts[kind] = counts.get(kind, 0) + 1
            if kind != "agree":
                rows.append((f, p["field"], kind, json.dumps({k: p[k] for k in ("intact", "valid", "coverage", "level", "docmdp_ok")}), v["indication"] + "/" + str(v.get("sub_indication")) + " " + why[:200]))
    for r in rows:
        print(" | ".join(str(x) for x in r))
    print(json.dumps(counts))
    if a.json:
        json.dump({"rows": rows, "counts": counts}, open(a.json, "w"), indent=1)

if __name__ == "__main__":
    main()
