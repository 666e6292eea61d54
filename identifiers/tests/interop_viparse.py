#!/usr/bin/env python3
"""Compare `vanthu text fix` with an independent converter: the `viparse` PyPI package.

viparse (MIT, pure-stdlib core) ships its own TCVN3 and VNI tables, validated on
Vietnamese government documents of 1998-2009. This script feeds the same
mojibake to both converters and to the expected Unicode in the committed
vectors, and fails on any difference.

Usage (CI installs the package first; the Rust test suite never needs Python):

    pip install viparse
    python3 identifiers/tests/interop_viparse.py target/debug/vanthu

Checked: every row of tests/vectors/text/regulation-sentences.tsv and mojibake.tsv
(viparse cannot recover capitals set in a .VnTimeH font, so those rows are
checked against vanthu only), and every Vietnamese letter in both encodings.
"""

import pathlib
import subprocess
import sys
import unicodedata

try:
    from viparse.normalize.encodings import get_charmap
    from viparse.normalize.tables import convert
except ImportError:
    sys.exit("interop_viparse: `pip install viparse` first")

HERE = pathlib.Path(__file__).resolve().parent
VECTORS = HERE / "vectors" / "text"


def cp1252(data: bytes) -> str:
    """Legacy bytes as a Windows-1252 reader stored them (holes as C1)."""
    return "".join(
        bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        else chr(b)
        for b in data
    )


def vanthu(binary: str, args: list[str], data: bytes) -> str:
    run = subprocess.run([binary, "text", "fix", *args, "-"], input=data, capture_output=True, check=False)
    if run.returncode != 0:
        return f"<exit {run.returncode}: {run.stderr.decode(errors='replace').strip()}>"
    return run.stdout.decode("utf-8")


def letters() -> list[str]:
    vowels = "aăâeêioôơuưy"
    out = []
    for v in vowels:
        for mark in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
            c = unicodedata.normalize("NFC", v + mark)
            if not c.isascii():
                out.append(c)
    out.append("đ")
    return out + [c.upper() for c in out]


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    rows = []
    for line in (VECTORS / "regulation-sentences.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        _, enc, hexbytes, expected = line.split("\t")
        rows.append((enc, bytes.fromhex(hexbytes), expected))
    for line in (VECTORS / "mojibake.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        enc, moji, expected = line.split("\t")
        rows.append((enc, moji.encode("cp1252"), expected))
    lower = [c for c in letters() if c.islower()]
    rows.append(("tcvn3", None, " ".join(lower)))
    rows.append(("vni", None, " ".join(letters())))

    failures = 0
    for enc, data, expected in rows:
        capitals = enc == "tcvn3-capitals"
        base = "tcvn3" if capitals else enc
        args = ["--from", base] + (["--capitals"] if capitals else [])
        if data is None:
            # Letter rows: the mojibake comes from viparse's reverse table.
            charmap = get_charmap(base)
            reverse = {unicode: legacy for legacy, unicode in charmap.pairs}
            moji = "".join(reverse.get(c, c) for c in expected)
            assert moji != expected, "viparse has no table for these letters"
        else:
            moji = cp1252(data)
        ours = vanthu(binary, args, moji.encode("utf-8"))
        if data is not None:
            ours_raw = vanthu(binary, args, data)
            if ours_raw != expected:
                failures += 1
                print(f"FAIL vanthu bytes {enc}: {ours_raw!r} != {expected!r}")
        if ours != expected:
            failures += 1
            print(f"FAIL vanthu mojibake {enc}: {ours!r} != {expected!r}")
        if not capitals:
            theirs = convert(moji, get_charmap(base))
            if theirs != expected:
                failures += 1
                print(f"FAIL viparse {enc}: {theirs!r} != {expected!r}")
    print(f"interop_viparse: {len(rows)} rows, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
