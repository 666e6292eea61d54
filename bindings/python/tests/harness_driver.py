"""The Python driver of the shared harness (bindings/harness/README.md): runs each
case of CASES through the `vanthu` package and writes what it returned to
OUT/<name>.json.

    python harness_driver.py CASES OUT
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List

import vanthu


def office(agency: str, *events: str) -> Any:
    o = vanthu.Office(agency)
    for event in events:
        o.apply(json.loads(event))
    return o.snapshot()


CALLS: Dict[str, Callable[..., Any]] = {
    "version": vanthu.version,
    "rules": vanthu.rules,
    "identify": vanthu.identify,
    "inspect": vanthu.inspect,
    "model": vanthu.model,
    "check": vanthu.check,
    "check_bytes": lambda name, file, **o: vanthu.check_bytes(name, Path(file).read_bytes(), **o),
    "verify_pdf": vanthu.verify_pdf,
    "reply": vanthu.reply,
    "replay": vanthu.replay,
    "archive_check": vanthu.archive_check,
    "archive_pack": vanthu.archive_pack,
    "normalize": vanthu.normalize,
    "calendar": lambda year: vanthu.calendar(int(year)),
    "lunar": vanthu.lunar,
    "due": vanthu.due,
    "office": office,
}


def option(value: str) -> Any:
    if value in ("true", "false"):
        return value == "true"
    return int(value) if value.isdigit() else value


def main(cases: Path, out: Path) -> int:
    for line in cases.read_text(encoding="utf-8").splitlines():
        name, call, *rest = line.split("\t")
        args: List[str] = [a for a in rest if not a.startswith("@")]
        options = {k: option(v) for k, _, v in (a[1:].partition("=") for a in rest if a.startswith("@"))}
        try:
            result: Dict[str, Any] = {"ok": CALLS[call](*args, **options)}
        except vanthu.Error as e:
            result = {"error": e.to_dict()}
        (out / f"{name}.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
