#!/usr/bin/env python3
"""Peer of benches/python.rs: the same check through the Python package.

Checks PACKAGE with TRUST at AT (one thread) for SECONDS, and prints one JSON line:
the best time per check, the number of checks and the last report (to compare with
the Rust API's)."""
import json
import sys
import time

import vanthu


def main(package, trust, at, seconds):
    seconds = float(seconds)
    best = float("inf")
    count = 0
    start = time.perf_counter()
    report = None
    while time.perf_counter() - start < seconds or count == 0:
        one = time.perf_counter()
        report = vanthu.check(package, trust=trust, at=at, jobs=1)
        best = min(best, time.perf_counter() - one)
        count += 1
    print(json.dumps({"best_seconds": best, "checks": count, "version": vanthu.__version__,
                      "report": report}, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:5])
