#!/usr/bin/env python3
"""The shared test harness of the bindings: the same calls through a binding and
through the CLI, the same values.

    python3 bindings/harness/run.py --name LANG [--cli PATH] [--fixtures DIR]
        [--empty-containers-equal] [--keep DIR] -- DRIVER [ARGS...]

It makes the inputs (a `vanthu demo` folder and the real packages of the fixtures
folder beside the repository), writes the cases file, runs `DRIVER [ARGS...] CASES
OUT`, runs the CLI with `--json` on the same inputs, and compares every value whole:
what the binding returned to its caller, written back to JSON by the driver, must
equal what the CLI prints. Files the calls write are compared byte for byte, and
error cases must fail with the stable code (docs/bindings.md §2) and the CLI's
message. Anything missing (the CLI, the fixtures, the driver) is a failure.

The cases file is UTF-8 text, one case per line, fields separated by a TAB: the
case name, the call, then its arguments; `@key=value` is an option (the names of
docs/bindings.md), anything else a positional argument. The driver writes
`OUT/<name>.json`: `{"ok": VALUE}` or `{"error": {"code", "kind", "message",
"message_vi", "rule"?, "location"?}}`. The calls and their positional arguments
are listed in bindings/harness/README.md.

Only the standard library: it runs wherever the bindings are tested.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[2]
# The instant the comparisons are made at: the demo's certificates are valid then.
AT = "2025-06-03T09:00:00+07:00"
KINDS = {1: "invalid_argument", 2: "io", 3: "unreadable", 4: "refused", 5: "trust",
         6: "nothing_to_check", 7: "no_such_date", 8: "unknown_encoding", 9: "signing",
         99: "internal"}


@dataclass
class Case:
    """One call, made through the binding and through the CLI."""

    name: str
    call: str
    args: List[str]
    options: Dict[str, str] = field(default_factory=dict)
    # The CLI's arguments (`--json` is added unless `raw`), or None for an error
    # case checked against the CLI's exit code and message only.
    cli: Optional[List[str]] = None
    raw: bool = False  # the CLI prints JSON without --json (inspect --model)
    pick: Optional[Any] = None  # a key or index of the CLI's value to compare with
    version: bool = False  # the CLI prints `vanthu VERSION`
    # (driver's output file, CLI's output file): the same bytes, and `file` is
    # dropped from both values.
    outputs: Optional[Tuple[Path, Path]] = None
    expect_error: Optional[int] = None

    def line(self) -> str:
        fields = [self.name, self.call, *self.args,
                  *(f"@{k}={v}" for k, v in self.options.items())]
        for f in fields:
            if "\t" in f or "\n" in f:
                raise ValueError(f"case {self.name}: a field holds a TAB or a newline: {f!r}")
        return "\t".join(fields)


def cases(cli: Path, fixtures: Path, demo: Path, mine: Path, theirs: Path) -> List[Case]:
    real = fixtures / "vpcp-samples" / "edoc_new.edxml"
    status = fixtures / "vpcp-samples" / "status_acceptance_03.edxml"
    pdf = demo / "sender" / "182-QD-LDTBXH.signed.pdf"
    trust = demo / "pki" / "root.cer"
    received = demo / "unit1" / "received" / "182-QD-LDTBXH.edxml"
    log = demo / "unit1" / "events.json"
    sips = sorted((demo / "unit1" / "archive").glob("*.zip"))
    if not sips:
        raise SystemExit(f"harness: `vanthu demo` wrote no SIP under {demo / 'unit1' / 'archive'}")
    spec = ROOT / "archive" / "tests" / "vectors" / "sip-hoso" / "spec.json"
    # The office: the agency of the log, then its events one by one.
    replayed = run_cli_json(cli, ["replay", str(log)])
    entries = json.loads(log.read_text(encoding="utf-8"))
    events = entries["events"] if isinstance(entries, dict) else entries
    s = str
    return [
        Case("version", "version", [], cli=["--version"], version=True),
        Case("rules", "rules", [], cli=["rules"]),
        Case("identify", "identify", ["182/QĐ-LĐTBXH"], cli=["id", "182/QĐ-LĐTBXH"], pick=0),
        Case("inspect", "inspect", [s(real)], cli=["inspect", s(real)]),
        Case("inspect_status", "inspect", [s(status)], cli=["inspect", s(status)]),
        Case("model", "model", [s(real)], cli=["inspect", "--model", s(real)], raw=True),
        Case("check", "check", [s(real)], {"at": AT}, cli=["check", s(real), "--at", AT]),
        Case("check_folder", "check", [s(demo / "sender")], {"trust": s(trust), "at": AT},
             cli=["check", s(demo / "sender"), "--trust", s(trust), "--at", AT]),
        Case("check_bytes", "check_bytes", [s(real), s(real)], {"at": AT},
             cli=["check", s(real), "--at", AT], pick=0),
        Case("verify_pdf", "verify_pdf", [s(pdf), s(trust)], {"at": AT},
             cli=["verify", s(pdf), "--trust", s(trust), "--at", AT]),
        Case("reply", "reply", [s(received), "03", "000.01.15.H47", s(mine / "status-03.edxml")],
             {"at": AT}, cli=["reply", s(received), "--status", "03", "--from", "000.01.15.H47",
                              "--output", s(theirs / "status-03.edxml"), "--at", AT],
             outputs=(mine / "status-03.edxml", theirs / "status-03.edxml")),
        Case("normalize", "normalize", [s(real), s(mine / "normalized.edxml")],
             cli=["normalize", s(real), "--output", s(theirs / "normalized.edxml")],
             outputs=(mine / "normalized.edxml", theirs / "normalized.edxml")),
        Case("replay", "replay", [s(log)], cli=["replay", s(log)]),
        Case("office", "office",
             [replayed["state"]["agency"],
              *(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in events)],
             cli=["replay", s(log)], pick="state"),
        Case("archive_check", "archive_check", [s(sips[0])], cli=["archive", "check", s(sips[0])]),
        Case("archive_pack", "archive_pack", [s(spec), s(mine / "sip.zip")],
             cli=["archive", "pack", s(spec), "--output", s(theirs / "sip.zip")],
             outputs=(mine / "sip.zip", theirs / "sip.zip")),
        Case("calendar", "calendar", ["2025"], cli=["calendar", "2025"]),
        Case("lunar", "lunar", ["2025-01-29"], cli=["lunar", "2025-01-29"]),
        Case("due", "due", ["2025-04-28T10:00:00+07:00"], {"working_days": "3"},
             cli=["due", "--from", "2025-04-28T10:00:00+07:00", "--working-days", "3"]),
        # Bad input: the stable code, and the message the CLI prints.
        Case("error_not_a_package", "inspect", [s(fixtures / "README.md")],
             cli=["inspect", s(fixtures / "README.md")], expect_error=3),
        Case("error_no_file", "inspect", [s(demo / "no-such-file.edxml")],
             cli=["inspect", s(demo / "no-such-file.edxml")], expect_error=2),
        Case("error_status", "reply", [s(received), "99", "000.01.15.H47", s(mine / "never.edxml")],
             {"at": AT}, cli=["reply", s(received), "--status", "99", "--from", "000.01.15.H47",
                              "--output", s(theirs / "never.edxml"), "--at", AT], expect_error=1),
        Case("error_lunar", "lunar", ["30/2/2025"], cli=["lunar", "30/2/2025"],
             expect_error=1),
    ]


def run_cli(cli: Path, args: Sequence[str]) -> Tuple[int, str, str]:
    done = subprocess.run([str(cli), *args], capture_output=True, text=True, timeout=600,
                          cwd=ROOT)
    return done.returncode, done.stdout, done.stderr


def run_cli_json(cli: Path, args: Sequence[str], raw: bool = False) -> Any:
    code, out, err = run_cli(cli, args if raw else [*args, "--json"])
    if code not in (0, 1):
        raise SystemExit(f"harness: vanthu {' '.join(args)} exited {code}: {err}")
    return json.loads(out)


def differs(a: Any, b: Any, empty_equal: bool, path: str = "$") -> Optional[str]:
    """Where `a` and `b` differ (a JSON path and the two values), or None."""
    if empty_equal and a in ({}, []) and b in ({}, []):
        return None
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: {'missing' if k not in a else 'extra'} in the binding's value"
            d = differs(a[k], b[k], empty_equal, f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items, the CLI {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = differs(x, y, empty_equal, f"{path}[{i}]")
            if d:
                return d
        return None
    # Booleans are not numbers here, whatever Python thinks.
    if isinstance(a, bool) != isinstance(b, bool) or a != b:
        return f"{path}: binding {json.dumps(a, ensure_ascii=False)[:200]}, CLI {json.dumps(b, ensure_ascii=False)[:200]}"
    return None


def drop_file(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "file"}
    return value


def compare(case: Case, got: Any, cli: Path, empty_equal: bool) -> Optional[str]:
    """None when the binding's value is the CLI's, otherwise why not."""
    if not isinstance(got, dict) or len(got) != 1 or not ({"ok", "error"} & set(got)):
        return f"the driver wrote {json.dumps(got)[:200]}, not {{ok}} or {{error}}"
    assert case.cli is not None
    if case.expect_error is not None:
        code, _, err = run_cli(cli, case.cli)
        if code != 2:
            return f"the CLI exited {code}, not 2, on this bad input"
        if "error" not in got:
            return f"expected error {case.expect_error}, the binding returned a value"
        e = got["error"]
        if e.get("code") != case.expect_error or e.get("kind") != KINDS[case.expect_error]:
            return f"expected error {case.expect_error} {KINDS[case.expect_error]}, got {e.get('code')} {e.get('kind')}"
        if not e.get("message_vi") or not isinstance(e.get("message_vi"), str):
            return "the error has no Vietnamese message"
        if f"vanthu: {e.get('message')}" != err.strip().splitlines()[0]:
            return f"message {e.get('message')!r}, the CLI printed {err.strip()!r}"
        return None
    if "error" in got:
        return f"the binding failed: {json.dumps(got['error'], ensure_ascii=False)[:300]}"
    value = got["ok"]
    if case.version:
        code, out, _ = run_cli(cli, case.cli)
        want: Any = out.split()[-1] if code == 0 else None
    else:
        want = run_cli_json(cli, case.cli, raw=case.raw)
    if case.pick is not None:
        want = want[case.pick]
    if case.outputs:
        mine, theirs = case.outputs
        if not mine.is_file():
            return f"the binding wrote no {mine.name}"
        if mine.read_bytes() != theirs.read_bytes():
            return f"{mine.name}: the binding wrote other bytes than the CLI"
        if not isinstance(value, dict) or value.get("file") != str(mine):
            return f"the value's `file` is not {mine}"
        value, want = drop_file(value), drop_file(want)
    return differs(value, want, empty_equal)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--name", required=True, help="the binding, for the report")
    parser.add_argument("--cli", type=Path, default=ROOT / "target" / "debug" / "vanthu")
    parser.add_argument("--fixtures", type=Path, default=ROOT.parent / "shared" / "fixtures")
    parser.add_argument("--empty-containers-equal", action="store_true",
                        help="{} equals [] (PHP's decoded arrays cannot tell them apart)")
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it")
    parser.add_argument("driver", nargs="+", help="the driver and its arguments")
    args = parser.parse_args(argv)
    cli, fixtures = args.cli.resolve(), args.fixtures.resolve()
    if not cli.is_file():
        print(f"harness: no CLI at {cli} (cargo build -p vanthu-cli)", file=sys.stderr)
        return 1
    if not (fixtures / "vpcp-samples" / "edoc_new.edxml").is_file():
        print(f"harness: no real packages under {fixtures}", file=sys.stderr)
        return 1
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="vanthu-harness-"))
    try:
        demo, mine, theirs, out = work / "demo", work / "binding", work / "cli", work / "out"
        for d in (mine, theirs, out):
            d.mkdir(parents=True, exist_ok=True)
        if not demo.is_dir():
            code, _, err = run_cli(cli, ["demo", "--out", str(demo)])
            if code != 0:
                print(f"harness: vanthu demo failed: {err}", file=sys.stderr)
                return 1
        all_cases = cases(cli, fixtures, demo, mine, theirs)
        cases_file = work / "cases.tsv"
        cases_file.write_text("".join(c.line() + "\n" for c in all_cases), encoding="utf-8")
        driver = subprocess.run([*args.driver, str(cases_file), str(out)], timeout=1800)
        if driver.returncode != 0:
            print(f"harness: the {args.name} driver exited {driver.returncode}", file=sys.stderr)
            return 1
        failed = 0
        for case in all_cases:
            result = out / f"{case.name}.json"
            if not result.is_file():
                why: Optional[str] = "the driver wrote no result"
            else:
                try:
                    why = compare(case, json.loads(result.read_text(encoding="utf-8")), cli,
                                  args.empty_containers_equal)
                except json.JSONDecodeError as e:
                    why = f"the driver's result is not JSON: {e}"
            failed += why is not None
            print(f"{args.name} {case.name}: {'ok' if why is None else 'DIFFERS: ' + why}")
        print(f"harness {args.name}: {len(all_cases) - failed} of {len(all_cases)} cases equal to the CLI")
        return 1 if failed else 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
