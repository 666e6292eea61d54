"""``vanthu.model`` and ``vanthu.write``: a real package read as its model, its
attachments extracted, and written back: the same package, byte for byte what
``normalize`` writes, read and checked as the original; the CLI agrees; errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import vanthu

from conftest import AT, cli_json, run_cli

PACKAGES = ["edoc_new.edxml", "edoc_replacement.edxml", "generated_vnpt_edxml102.edxml",
            "status_acceptance_03.edxml"]


def rules(reports):
    return sorted(f["rule"] for f in reports[0]["findings"])


def write_back(package: Path, tmp_path: Path, as_json: bool):
    model = vanthu.model(package)
    files = []
    if model["kind"] == "document":
        files = [Path(f["file"]) for f in vanthu.extract(package, tmp_path / "files")]
    output = tmp_path / "written.edxml"
    written = vanthu.write(json.dumps(model) if as_json else model, files, output)
    return model, files, output, written


@pytest.mark.parametrize("name", PACKAGES)
@pytest.mark.parametrize("as_json", [False, True], ids=["dict", "json"])
def test_round_trip_of_a_real_package(cli, fixtures, tmp_path, name, as_json):
    package = fixtures / "vpcp-samples" / name
    model, files, output, written = write_back(package, tmp_path, as_json)
    assert written["file"] == str(output)
    assert written["kind"] == model["kind"]
    assert written["size"] == output.stat().st_size
    assert len(written["attachments"]) == len(files)
    header = model["header"] if model["kind"] == "document" else model["response_for"]
    assert written["document_id"] == header["document_id"]
    # What normalize writes, byte for byte: the model and the files are the whole package.
    assert written["sha256"] == vanthu.normalize(package, tmp_path / "normalized.edxml")["sha256"]
    # Reads and checks as the original.
    assert vanthu.model(output) == model
    before, after = vanthu.inspect(package), vanthu.inspect(output)
    assert {k: v for k, v in after.items() if k != "findings"} == \
        {k: v for k, v in before.items() if k != "findings"}
    normalized = tmp_path / "normalized.edxml"
    # Checks as the package normalize writes, and adds no finding to the original's
    # (the canonical form repairs some: element order, for one).
    written_rules = rules(vanthu.check(output, at=AT))
    assert written_rules == rules(vanthu.check(normalized, at=AT))
    assert set(written_rules) <= set(rules(vanthu.check(package, at=AT)))
    # The CLI reads the same model and writes the same package.
    code, out, err = run_cli(cli, ["inspect", "--model", str(package)])
    assert code == 0, err
    assert json.loads(out) == model
    model_file = tmp_path / "model.json"
    model_file.write_text(out, encoding="utf-8")
    by_cli = cli_json(cli, ["write", str(model_file), *map(str, files), "-o", str(tmp_path / "cli.edxml")],
                      codes=(0,))
    assert by_cli["sha256"] == written["sha256"]


def test_a_minimal_model_with_a_pdf(demo, tmp_path):
    pdf = demo / "sender" / "182-QD-LDTBXH.signed.pdf"
    package = {
        "kind": "document",
        "header": {
            "from": {"organ_id": "000.00.15.H47", "organ_name": "Bộ Lao động - Thương binh và Xã hội"},
            "to": [{"organ_id": "000.00.00.A80", "organ_name": "Văn phòng Chính phủ"}],
            "document_id": "000.00.15.H47,2025/06/02,182/QĐ-LĐTBXH",
            "code": {"code_number": "182", "code_notation": "QĐ-LĐTBXH"},
            "subject": "Về việc ban hành kế hoạch",
            "response_for": [],
        },
        "attachments": [{"content_id": "1", "attachment_name": "182-QD-LDTBXH.pdf",
                         "content_type": "application/pdf"}],
        "attachment_encoded": True,
    }
    written = vanthu.write(package, pdf, tmp_path / "out.edxml")
    assert written["document_id"] == "000.00.15.H47,2025/06/02,182/QĐ-LĐTBXH"
    assert written["attachments"][0]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    summary = vanthu.inspect(tmp_path / "out.edxml")
    assert summary["subject"] == "Về việc ban hành kế hoạch"
    assert summary["attachments"][0]["sha256"] == written["attachments"][0]["sha256"]


def test_errors(fixtures, tmp_path):
    package = fixtures / "vpcp-samples" / "edoc_new.edxml"
    model = vanthu.model(package)
    files = [Path(f["file"]) for f in vanthu.extract(package, tmp_path / "files")]
    out = tmp_path / "out.edxml"
    with pytest.raises(vanthu.InvalidArgumentError) as e:
        vanthu.write('{"kind": "document",\n "header": 3}', [], out)
    assert e.value.code == 1 and e.value.location["line"] == 2 and e.value.message_vi
    with pytest.raises(vanthu.InvalidArgumentError):
        vanthu.write({"kind": "document", "header": 3}, [], out)
    with pytest.raises(vanthu.InvalidArgumentError, match="attachment"):
        vanthu.write(model, files[:-1], out)
    with pytest.raises(vanthu.IoError) as e:
        vanthu.write(model, [tmp_path / "missing.pdf"] * len(files), out)
    assert e.value.code == 2 and "missing.pdf" in e.value.message
    broken = dict(model, extras={"prolog": [{"Comment": "a -- b"}]})
    with pytest.raises(vanthu.InvalidArgumentError, match="well-formed"):
        vanthu.write(broken, files, out)
    with pytest.raises(TypeError):
        vanthu.write(42, files, out)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files"]
