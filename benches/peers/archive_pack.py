#!/usr/bin/env python3
"""Peer for benches/archive.rs: pack the same files with the standard library (zipfile, deflate level 6, and
hashlib SHA-256 computed while streaming), then read every entry back and hash it. Prints one JSON line with the
seconds of each phase and the peak resident memory (ru_maxrss) of this process.

Usage: archive_pack.py OUT.zip FILE...
"""
import hashlib, json, os, resource, sys, time, zipfile

CHUNK = 64 * 1024
out, files = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
digests = {}
with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for path in files:
        name = "pkg/representations/rep1/data/" + os.path.basename(path)
        h = hashlib.sha256()
        with open(path, "rb") as src, z.open(name, "w", force_zip64=True) as dst:
            while True:
                b = src.read(CHUNK)
                if not b:
                    break
                h.update(b)
                dst.write(b)
        digests[name] = h.hexdigest()
    z.writestr("pkg/manifest-sha256.txt", "".join(f"{d}  {n}\n" for n, d in digests.items()))
t1 = time.perf_counter()
ok = True
with zipfile.ZipFile(out) as z:
    for name, want in digests.items():
        h = hashlib.sha256()
        with z.open(name) as f:
            while True:
                b = f.read(CHUNK)
                if not b:
                    break
                h.update(b)
        ok &= h.hexdigest() == want
t2 = time.perf_counter()
print(json.dumps({
    "pack_seconds": t1 - t0,
    "check_seconds": t2 - t1,
    "ok": ok,
    "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "zip_bytes": os.path.getsize(out),
}))
