"""``python -m vanthu check PATH...``: ``vanthu check --json`` from Python.

Prints the same JSON list as ``vanthu check --json`` (one report per file, in the
same order) on standard output and the summary line on standard error, and exits
as the CLI does: 0 when every file is conformant, 1 when one is not, 2 when one
cannot be read or the arguments cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import List, Optional, Sequence

from . import Error, NothingToCheckError, check, summary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m vanthu",
        description="vanthu from Python: the CLI's `check --json`.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    c = commands.add_parser(
        "check",
        help="check edXML packages, signed PDFs and SIPs, files or folders",
        description="Prints the JSON list `vanthu check --json` prints; exit 0, 1 or 2 as the CLI.",
    )
    c.add_argument("files", nargs="+", metavar="PATH", help="files or folders (recursive)")
    c.add_argument("--strict", action="store_true", help="sender profile")
    c.add_argument("--json", action="store_true", help="accepted for the CLI's sake: the output is JSON")
    c.add_argument("--trust", action="append", default=[], metavar="CERT_OR_DIR",
                   help="trust anchors for signed PDFs (repeat for more)")
    c.add_argument("--at", metavar="TIME", help="validation time (RFC 3339 or YYYY-MM-DD); default now")
    c.add_argument("--profile", choices=["csip", "sip", "tt05"], help="archival package profile")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        # argparse exits 2 on a usage error, as the CLI does.
        return int(exit_.code or 0)
    reports: List[dict] = []
    try:
        for path in args.files:
            try:
                reports.extend(check(path, trust=args.trust or None, at=args.at,
                                     strict=args.strict, profile=args.profile))
            except NothingToCheckError:
                continue
    except Error as error:
        print(f"vanthu: {error}", file=sys.stderr)
        return 2
    counts = summary(reports)
    sys.stdout.write(json.dumps(reports, indent=2, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    print(counts["line"], file=sys.stderr)
    if counts["checked"] == 0:
        print("vanthu: nothing to check: no edXML package, PDF or SIP found", file=sys.stderr)
        return 2
    if counts["unreadable"]:
        print(f"vanthu: {counts['unreadable']} input(s) could not be read", file=sys.stderr)
        return 2
    return 1 if counts["not_conformant"] else 0


if __name__ == "__main__":
    sys.exit(main())
