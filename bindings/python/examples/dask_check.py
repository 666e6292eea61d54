#!/usr/bin/env python3
"""Check a folder tree of edXML packages, signed PDFs and archival packages on a
Dask cluster: one JSON Lines result per file, then a summary.

    python dask_check.py ROOT --out results.jsonl --summary summary.json \
        [--workers 2] [--scheduler tcp://HOST:8786] [--trust CERT] [--at TIME] [--strict]

Without ``--scheduler`` it starts a ``LocalCluster`` of ``--workers`` processes with
one thread each (vanthu releases the GIL, but one thread per process keeps each
worker's memory at one package at a time); with it, the same code runs on any
Dask cluster whose workers have ``vanthu`` installed and see ROOT at the same path.

The tree is listed as ``vanthu check`` lists a folder: recursively, in name order,
symbolic links to folders not followed, a folder holding ``METS.xml`` taken as one
unpacked archival package, and files whose content is not a package, a PDF or a
SIP counted as skipped. The files are split into chunks of ``--chunk`` files; each
task checks a chunk with ``vanthu.check`` and returns the reports (dicts, exactly
the elements of ``vanthu check --json``). The results are written in the order of
the listing, whatever order the tasks finish in, so the file is the same for any
number of workers: ``results.jsonl`` holds one report per line, and the summary
the counts of ``vanthu check``'s summary line, the skipped files, the number of
workers and the time taken. ``--serial`` runs the same in this process, without
Dask, for comparison.

Exit code as the CLI: 0 when every file is conformant, 1 when one is not, 2 when
one cannot be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

import vanthu

# A file found in a folder whose content is not recognised: left out, as by
# `vanthu check` on a folder.
NOT_RECOGNISED = "VANTHU-E-UNREADABLE"


def list_inputs(root: str) -> List[str]:
    """The inputs under ``root``, in the order ``vanthu check ROOT`` checks them."""
    if not os.path.isdir(root) or os.path.isfile(os.path.join(root, "METS.xml")):
        return [root]
    found: List[str] = []

    def walk(folder: str) -> None:
        with os.scandir(folder) as entries:
            # Byte order of the names, as the Rust walk sorts them.
            ordered = sorted(entries, key=lambda e: os.fsencode(e.name))
        for entry in ordered:
            if entry.is_dir(follow_symlinks=False):
                if os.path.isfile(os.path.join(entry.path, "METS.xml")):
                    found.append(entry.path)
                else:
                    walk(entry.path)
            elif entry.is_file(follow_symlinks=True):
                found.append(entry.path)

    walk(root)
    return found


def check_chunk(paths: Sequence[str], options: Dict[str, Any],
                walked: bool = True) -> List[Tuple[str, Optional[dict]]]:
    """Runs on a worker: each path with its report, or None when it is skipped
    (found by walking a folder, and not recognised; a file named is always kept)."""
    out: List[Tuple[str, Optional[dict]]] = []
    for path in paths:
        (report,) = vanthu.check(path, jobs=1, **options)
        error = report.get("error")
        if walked and report.get("format") is None and error and error["code"] == NOT_RECOGNISED:
            out.append((path, None))
        else:
            out.append((path, report))
    return out


def chunks(items: Sequence[str], size: int) -> Iterator[List[str]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def _write(results: Iterator[List[Tuple[str, Optional[dict]]]], out, started: float,
           workers: int) -> Dict[str, Any]:
    reports: List[dict] = []
    skipped: List[str] = []
    for chunk in results:
        for path, report in chunk:
            if report is None:
                skipped.append(path)
                continue
            out.write(json.dumps(report, ensure_ascii=False) + "\n")
            reports.append({"error": report.get("error"), "conformant": report["conformant"],
                            "format": report.get("format")})
    counts = vanthu.summary(reports)
    counts["skipped"] = len(skipped)
    del counts["line"]
    return {**counts, "skipped_files": skipped, "workers": workers,
            "seconds": round(time.perf_counter() - started, 3)}


def run(root: str, out_path: str, client=None, chunk: int = 16, **options: Any) -> Dict[str, Any]:
    """Checks the tree under ``root`` on ``client`` (a ``distributed.Client``), or in
    this process when it is None; writes ``out_path`` and returns the summary."""
    started = time.perf_counter()
    inputs = list_inputs(root)
    parts = list(chunks(inputs, chunk))
    walked = inputs != [root]
    if client is None:
        results: Iterator = (check_chunk(p, options, walked) for p in parts)
        workers = 0
    else:
        futures = client.map(check_chunk, parts, options=options, walked=walked, pure=False)

        def in_order():
            # The futures in submission order: each result is written, then let go.
            for i, future in enumerate(futures):
                yield future.result()
                futures[i] = None
                future.release()

        results = in_order()
        workers = len(client.scheduler_info()["workers"])
    with open(out_path, "w", encoding="utf-8") as out:
        return _write(results, out, started, workers)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", help="the folder tree (or one file)")
    parser.add_argument("--out", required=True, help="the JSON Lines results, one report per file")
    parser.add_argument("--summary", help="where to write the summary JSON (default: standard output)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    parser.add_argument("--scheduler", help="the address of an existing Dask scheduler")
    parser.add_argument("--chunk", type=int, default=16, help="files per task")
    parser.add_argument("--serial", action="store_true", help="no Dask: check in this process")
    parser.add_argument("--trust", action="append", default=[], help="trust anchors (repeat)")
    parser.add_argument("--at", help="validation time, RFC 3339 or YYYY-MM-DD (default: now)")
    parser.add_argument("--strict", action="store_true", help="sender profile")
    args = parser.parse_args(argv)
    options: Dict[str, Any] = {"trust": args.trust or None, "at": args.at, "strict": args.strict}
    if args.serial:
        summary = run(args.root, args.out, None, args.chunk, **options)
    else:
        from distributed import Client, LocalCluster

        if args.scheduler:
            with Client(args.scheduler) as client:
                summary = run(args.root, args.out, client, args.chunk, **options)
        else:
            with LocalCluster(n_workers=args.workers, threads_per_worker=1,
                              processes=True, dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                summary = run(args.root, args.out, client, args.chunk, **options)
    text = json.dumps(summary, ensure_ascii=False, indent=2)
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text)
    if summary["unreadable"]:
        return 2
    return 1 if summary["not_conformant"] else 0


if __name__ == "__main__":
    sys.exit(main())
