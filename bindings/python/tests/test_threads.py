"""Long calls release the GIL: other Python threads run while vanthu works, and
several threads check at once."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import vanthu

from conftest import AT


def _tree(fixtures, folder, copies):
    package = fixtures / "vpcp-samples" / "edoc_new.edxml"
    folder.mkdir()
    for i in range(copies):
        os.symlink(package, folder / f"{i:04}.edxml")
    return folder


def test_other_threads_run_during_a_call(fixtures, tmp_path):
    folder = _tree(fixtures, tmp_path / "tree", 300)
    started = time.perf_counter()
    vanthu.check(folder, at=AT, jobs=1)
    alone = time.perf_counter() - started
    ticks = []
    done = threading.Event()

    def work():
        vanthu.check(folder, at=AT, jobs=1)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    # With the GIL held, this thread would stop for the whole call.
    assert len(ticks) > 10, (alone, len(ticks))
    assert max(gaps) < alone / 2, (alone, max(gaps))


def test_threads_check_at_once(fixtures, tmp_path):
    folder = _tree(fixtures, tmp_path / "tree", 40)
    files = sorted(folder.iterdir())
    serial = [vanthu.check(f, at=AT)[0] for f in files]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda f: vanthu.check(f, at=AT)[0], files))
    assert threaded == serial
