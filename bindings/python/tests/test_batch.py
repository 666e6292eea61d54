"""The Dask recipe (examples/dask_check.py) on a local cluster of 2 workers gives
the same results as a serial run, and as `vanthu check` on the same tree.

The tree is generated here: a few hundred edXML packages and PDFs (status replies
written by vanthu, variants of the real packages, damaged and truncated copies),
in nested folders, with files that are not packages (skipped)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import vanthu

from conftest import AT, ROOT, run_cli

RECIPE = ROOT / "bindings" / "python" / "examples" / "dask_check.py"


def generate(root: Path, fixtures: Path, demo: Path) -> int:
    """Writes the tree; returns how many packages and PDFs it holds."""
    samples = sorted((fixtures / "vpcp-samples").glob("status*.edxml"))
    samples.append(fixtures / "vpcp-samples" / "generated_vnpt_edxml102.edxml")
    samples.append(fixtures / "vpcp-samples" / "edoc.edxml")
    pdfs = sorted((demo / "sender").glob("*.signed.pdf"))
    document = demo / "unit1" / "received" / "182-QD-LDTBXH.edxml"
    count = 0
    for i in range(300):
        folder = root / f"don-vi-{i % 7}" / f"thang-{i % 12 + 1:02}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = i % 6
        if kind == 0:
            # A status reply written by vanthu, at a different minute each time.
            status = ("01", "03")[i % 2]
            minute = f"{i % 60:02}"
            vanthu.reply(document, status, "000.01.15.H47", folder / f"reply-{i}.edxml",
                         at=f"2025-06-02T{8 + i % 9:02}:{minute}:00+07:00")
        elif kind in (1, 2):
            # A real package, made distinct by a comment after its root.
            data = samples[i % len(samples)].read_bytes()
            (folder / f"goi-{i}.edxml").write_bytes(data + f"\n<!-- {i} -->\n".encode())
        elif kind == 3:
            # A package with its agency ids damaged, or cut short (unreadable).
            data = samples[i % len(samples)].read_bytes()
            if i % 4 == 1:
                data = data[: len(data) // 2]
            else:
                # Agency ids that are no agency ids: EDXML-HDR-004 errors.
                data = re.sub(rb"000\.0\d\.\d\d\.[A-Z]\d\d", b"ABC", data)
            (folder / f"hong-{i}.edxml").write_bytes(data)
        elif kind == 4:
            # A signed PDF, or one changed after signing (its signature breaks).
            data = bytearray(pdfs[i % len(pdfs)].read_bytes())
            if i % 4 == 0:
                data[300] ^= 0x01  # inside both signatures' byte ranges
            (folder / f"van-ban-{i}.pdf").write_bytes(bytes(data))
        else:
            (folder / f"ghi-chu-{i}.txt").write_text(f"ghi chú {i}\n", encoding="utf-8")
            continue
        count += 1
    return count


def test_dask_recipe_equals_serial_run(cli, fixtures, demo, tmp_path):
    root = tmp_path / "kho"
    packages = generate(root, fixtures, demo)
    assert packages >= 240
    trust = str(demo / "pki" / "root.cer")
    common = [str(root), "--at", AT, "--trust", trust]

    def recipe(*args):
        done = subprocess.run([sys.executable, str(RECIPE), *common, *args],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode in (1, 2), done.stderr
        return done.returncode

    code = recipe("--out", str(tmp_path / "dask.jsonl"), "--summary", str(tmp_path / "dask.json"),
                  "--workers", "2", "--chunk", "8")
    serial_code = recipe("--serial", "--out", str(tmp_path / "serial.jsonl"),
                         "--summary", str(tmp_path / "serial.json"))
    assert code == serial_code == 2  # the truncated packages cannot be read

    distributed = (tmp_path / "dask.jsonl").read_text(encoding="utf-8")
    assert distributed == (tmp_path / "serial.jsonl").read_text(encoding="utf-8")
    reports = [json.loads(line) for line in distributed.splitlines()]
    summary = json.loads((tmp_path / "dask.json").read_text(encoding="utf-8"))
    serial = json.loads((tmp_path / "serial.json").read_text(encoding="utf-8"))
    assert summary["workers"] == 2 and serial["workers"] == 0
    for key in ("seconds", "workers"):
        del summary[key], serial[key]
    assert summary == serial

    # The same reports as the facade's own folder check, and as the CLI's.
    assert reports == vanthu.check(root, at=AT, trust=trust, jobs=1)
    status, out, err = run_cli(cli, ["check", "--json", *common])
    assert status == code and json.loads(out) == reports
    counts = re.search(r"checked (\d+) file\(s\): (\d+) conformant, (\d+) not conformant, "
                       r"(\d+) unreadable \((\d+) edXML, (\d+) PDF, (\d+) SIP; (\d+) skipped\)", err)
    assert counts, err
    keys = ("checked", "conformant", "not_conformant", "unreadable", "edxml", "pdf", "sip", "skipped")
    assert {k: summary[k] for k in keys} == dict(zip(keys, map(int, counts.groups())))
    assert summary["checked"] == packages and summary["skipped"] == 50
    assert summary["conformant"] and summary["not_conformant"] and summary["unreadable"]
    shutil.rmtree(root)
