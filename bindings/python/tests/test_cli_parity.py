"""The binding gives exactly what the CLI prints with ``--json``: a real package
read, its PDF verified, a 03 status reply built, a workflow log replayed, folders
checked, the calendar. Equality of the whole values, not spot checks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import vanthu

from conftest import AT, ROOT, cli_json, run_cli


def test_check_real_packages(cli, fixtures):
    samples = fixtures / "vpcp-samples"
    for package in sorted(samples.glob("*.edxml")):
        ours = vanthu.check(package, at=AT)
        assert ours == cli_json(cli, ["check", str(package), "--at", AT], codes=(0, 1, 2)), package


def test_check_folder_with_trust(cli, demo):
    trust = demo / "pki" / "root.cer"
    ours = vanthu.check(demo, trust=trust, at=AT)
    theirs = cli_json(cli, ["check", str(demo), "--trust", str(trust), "--at", AT])
    assert ours == theirs
    assert len(ours) == 20 and any(r["format"] == "pdf" for r in ours)


def test_check_strict_and_profile(cli, demo, fixtures):
    package = fixtures / "vpcp-samples" / "edoc_new.edxml"
    assert vanthu.check(package, at=AT, strict=True) == cli_json(
        cli, ["check", str(package), "--at", AT, "--strict"])
    sip = next((demo / "unit1" / "archive").glob("*.zip"))
    assert vanthu.check(sip, at=AT, profile="tt05") == cli_json(cli, ["check", str(sip), "--at", AT])


def test_inspect_real_package(cli, fixtures):
    for name in ("edoc_new.edxml", "edoc_revocation.edxml", "status_acceptance_03.edxml"):
        package = fixtures / "vpcp-samples" / name
        assert vanthu.inspect(package) == cli_json(cli, ["inspect", str(package)]), name


def test_normalize(cli, fixtures, tmp_path):
    for name in ("generated_vnpt_edxml102.edxml", "edoc_update.edxml"):
        package = fixtures / "vpcp-samples" / name
        ours_out, theirs_out = tmp_path / f"ours-{name}", tmp_path / f"theirs-{name}"
        ours = vanthu.normalize(package, ours_out)
        theirs = cli_json(cli, ["normalize", str(package), "--output", str(theirs_out)])
        assert ours_out.read_bytes() == theirs_out.read_bytes()
        assert {**ours, "file": theirs["file"]} == theirs and ours["file"] == str(ours_out)


def test_extract(cli, fixtures, demo, tmp_path):
    cases = [(fixtures / "vpcp-samples" / "edoc_new.edxml", ["--unzip"], {"unzip": True}),
             (demo / "unit1" / "received" / "182-QD-LDTBXH.edxml", [], {})]
    for i, (package, flags, options) in enumerate(cases):
        ours_dir, theirs_dir = tmp_path / f"ours{i}", tmp_path / f"theirs{i}"
        ours = vanthu.extract(package, ours_dir, **options)
        theirs = cli_json(cli, ["extract", str(package), "--output", str(theirs_dir), *flags])
        assert ours and len(ours) == len(theirs)
        for a, b in zip(ours, theirs):
            assert Path(a["file"]).read_bytes() == Path(b["file"]).read_bytes()
            assert {**a, "file": b["file"]} == b
    # Past the limit nothing is left written, and the error says why.
    with pytest.raises(vanthu.UnreadableError) as caught:
        vanthu.extract(fixtures / "vpcp-samples" / "edoc_new.edxml", tmp_path / "small", max_bytes=1000)
    assert "EDXML-E-LIMIT" in caught.value.message and caught.value.code == 3
    assert not any((tmp_path / "small").glob("*"))


def test_verify_pdf(cli, demo):
    trust = demo / "pki" / "root.cer"
    for pdf in sorted((demo / "sender").glob("*.signed.pdf")):
        ours = vanthu.verify_pdf(pdf, trust, at=AT)
        assert ours == cli_json(cli, ["verify", str(pdf), "--trust", str(trust), "--at", AT])
        assert ours["legal_value"] == "original"
    pdf = demo / "sender" / "182-QD-LDTBXH.signed.pdf"
    ours = vanthu.verify_pdf(pdf, [trust], at=AT, attachment=True)
    assert ours == cli_json(cli, ["verify", str(pdf), "--trust", str(trust), "--at", AT, "--attachment"])


def test_reply_03(cli, demo, tmp_path):
    package = demo / "unit1" / "received" / "182-QD-LDTBXH.edxml"
    ours_out, theirs_out = tmp_path / "ours.edxml", tmp_path / "theirs.edxml"
    ours = vanthu.reply(package, "03", "000.01.15.H47", ours_out, at=AT)
    theirs = cli_json(cli, ["reply", str(package), "--status", "03", "--from", "000.01.15.H47",
                            "--output", str(theirs_out), "--at", AT])
    assert ours_out.read_bytes() == theirs_out.read_bytes()
    assert ours["file"] == str(ours_out) and theirs["file"] == str(theirs_out)
    ours["file"] = theirs["file"]
    assert ours == theirs
    # The same reply with a description and an integer status code.
    again = vanthu.reply(package, 3, "000.01.15.H47", tmp_path / "again.edxml", at=AT,
                         description="Đã tiếp nhận")
    theirs = cli_json(cli, ["reply", str(package), "--status", "03", "--from", "000.01.15.H47",
                            "--output", str(tmp_path / "again2.edxml"), "--at", AT,
                            "--description", "Đã tiếp nhận"])
    assert (tmp_path / "again.edxml").read_bytes() == (tmp_path / "again2.edxml").read_bytes()
    assert again["sha256"] == theirs["sha256"]


def test_replay(cli, demo):
    for log in sorted(demo.glob("*/events.json")):
        assert vanthu.replay(log) == cli_json(cli, ["replay", str(log)]), log
        as_of = "2025-07-01T08:00:00+07:00"
        assert vanthu.replay(log, as_of=as_of) == cli_json(cli, ["replay", str(log), "--as-of", as_of])


def test_office_replays_a_log_event_by_event(demo):
    log = json.loads((demo / "unit1" / "events.json").read_text(encoding="utf-8"))
    replayed = vanthu.replay(demo / "unit1" / "events.json")
    office = vanthu.Office(replayed["state"]["agency"])
    for entry in log["events"] if isinstance(log, dict) else log:
        office.apply(entry)
    assert office.snapshot() == replayed["state"]


def test_calendar_and_deadlines(cli):
    assert vanthu.calendar(2025) == cli_json(cli, ["calendar", "2025"])
    assert vanthu.lunar("2025-01-29") == cli_json(cli, ["lunar", "2025-01-29"])
    assert vanthu.lunar_to_solar("1/1/2025") == cli_json(cli, ["lunar", "--to-solar", "1/1/2025"])
    start = "2025-04-28T10:00:00+07:00"
    assert vanthu.due(start, working_days=3) == cli_json(cli, ["due", "--from", start, "--working-days", "3"])
    assert vanthu.due(start, rule="issue") == cli_json(cli, ["due", "--from", start, "--rule", "issue"])


def test_rules_and_version(cli):
    assert vanthu.rules() == cli_json(cli, ["rules"])
    code, out, _ = run_cli(cli, ["--version"])
    assert code == 0 and out.split()[-1] == vanthu.version() == vanthu.__version__


def test_text_and_identifiers(cli, tmp_path):
    assert vanthu.identify("000.00.15.H47")["kind"] == cli_json(cli, ["id", "000.00.15.H47"])[0]["kind"]
    assert vanthu.identify("182/QĐ-LĐTBXH") == cli_json(cli, ["id", "182/QĐ-LĐTBXH"])[0]
    sample = tmp_path / "text.txt"
    sample.write_bytes("Ho\u0300a Bi\u0300nh".encode())
    assert vanthu.text_check(sample) == cli_json(cli, ["text", "check", str(sample)])
    # `vanthu text fix` prints the text itself, and its note on standard error.
    legacy = tmp_path / "tcvn3.txt"
    legacy.write_bytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("cp1252"))
    code, out, err = run_cli(cli, ["text", "fix", str(legacy)])
    fixed = vanthu.text_fix(legacy.read_bytes())
    assert code == 0 and fixed["text"] == out and fixed["note"] in err
    assert fixed["encoding"] == "tcvn3" and fixed["text"] == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert vanthu.text_fix(legacy.read_bytes(), encoding="tcvn3")["text"] == out


def test_module_check_is_the_cli(cli, demo, fixtures, tmp_path):
    """``python -m vanthu check`` prints the same JSON and exits with the same code."""
    trust = str(demo / "pki" / "root.cer")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00not a package")
    cases = [
        [str(demo / "sender"), "--trust", trust, "--at", AT],  # 0: all conformant
        [str(fixtures / "vpcp-samples" / "edoc_new.edxml"), "--at", AT],
        [str(demo), "--at", AT],  # PDFs without trust: not conformant (1)
        [str(junk), "--at", AT],  # unreadable (2)
        [str(fixtures / "vpcp-samples" / "edoc.edxml"), "--at", AT, "--strict"],
    ]
    seen = set()
    for args in cases:
        code, out, _ = run_cli(cli, ["check", "--json", *args])
        ours = subprocess.run([sys.executable, "-m", "vanthu", "check", *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert (ours.returncode, ours.stdout) == (code, out), args
        seen.add(code)
    assert seen == {0, 1, 2}
    usage = subprocess.run([sys.executable, "-m", "vanthu", "check"], capture_output=True, cwd=ROOT)
    assert usage.returncode == 2
