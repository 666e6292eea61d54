"""Nothing leaks or crashes over many calls: `VANTHU_LOOP_CALLS` calls (1000 by
default; the bench, benches/bindings.sh, runs 10,000) alternating a package read
and checked, a bad input caught as its exception, and an office opened, used and
dropped. Resident memory may grow by at most 16 MiB after the first tenth."""

from __future__ import annotations

import gc
import os
import time

import pytest

import vanthu

from conftest import AT


def rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc/self/status")


def test_loop(fixtures):
    calls = int(os.environ.get("VANTHU_LOOP_CALLS", "1000"))
    package = fixtures / "vpcp-samples" / "status_acceptance_03.edxml"
    not_a_package = fixtures / "README.md"
    start = time.perf_counter()
    warm = 0
    for i in range(calls):
        if i == calls // 10:
            gc.collect()
            warm = rss_kib()
        step = i % 3
        if step == 0:
            assert vanthu.inspect(package)["kind"] == "status"
            assert vanthu.check(package, at=AT)[0]["conformant"] in (True, False)
        elif step == 1:
            with pytest.raises(vanthu.UnreadableError) as caught:
                vanthu.inspect(not_a_package)
            assert caught.value.code == 3
        else:
            office = vanthu.Office("000.00.15.H47")
            assert office.snapshot()["agency"] == "000.00.15.H47"
            del office
    gc.collect()
    end = rss_kib()
    print(f"loop python: {calls} calls in {time.perf_counter() - start:.2f} s, rss {warm} KiB -> {end} KiB")
    assert end - warm <= 16 * 1024, f"resident memory grew from {warm} KiB to {end} KiB"
