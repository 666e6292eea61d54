"""The README's example runs as written."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil

from conftest import ROOT


def test_readme_example(fixtures, tmp_path):
    readme = (ROOT / "bindings" / "python" / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len([line for line in code.splitlines() if line.strip()]) == 5
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(fixtures / "vpcp-samples" / "status_acceptance_03.edxml", inbox)
    shutil.copy(fixtures / "vpcp-samples" / "edoc_new.edxml", inbox)
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("inbox/edoc_new.edxml ") for line in lines), lines
    assert any(line.startswith("  EDXML-") for line in lines), lines
