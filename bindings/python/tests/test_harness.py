"""The shared harness of the bindings (bindings/harness/run.py), with this package
as its driver: every case equal to the CLI. And the harness itself must see a
difference: a driver that changes one value, or fails one call, fails it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

HARNESS = ROOT / "bindings" / "harness" / "run.py"
DRIVER = Path(__file__).with_name("harness_driver.py")


def harness(cli: Path, *driver: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(HARNESS), "--name", "python", "--cli", str(cli),
                           "--", *driver], capture_output=True, text=True, timeout=900)


def test_every_case_equals_the_cli(cli):
    done = harness(cli, sys.executable, str(DRIVER))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "harness python: 23 of 23 cases equal to the CLI" in done.stdout


def test_the_harness_sees_a_changed_value(cli, tmp_path):
    # The real driver, then one finding's severity changed and one error's code.
    tamper = tmp_path / "tamper.py"
    tamper.write_text(
        "import json, pathlib, runpy, sys\n"
        f"sys.argv = [{str(DRIVER)!r}, *sys.argv[1:]]\n"
        "try:\n"
        f"    runpy.run_path({str(DRIVER)!r}, run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "out = pathlib.Path(sys.argv[2])\n"
        "v = json.loads((out / 'verify_pdf.json').read_text())\n"
        "v['ok']['legal_value'] = 'copy'\n"
        "(out / 'verify_pdf.json').write_text(json.dumps(v))\n"
        "e = json.loads((out / 'error_status.json').read_text())\n"
        "e['error']['code'] = 3\n"
        "(out / 'error_status.json').write_text(json.dumps(e))\n"
        "(out / 'replay.json').unlink()\n", encoding="utf-8")
    done = harness(cli, sys.executable, str(tamper))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "python verify_pdf: DIFFERS: $.legal_value" in done.stdout
    assert "python error_status: DIFFERS: expected error 1" in done.stdout
    assert "python replay: DIFFERS: the driver wrote no result" in done.stdout
    assert "harness python: 20 of 23 cases equal to the CLI" in done.stdout
