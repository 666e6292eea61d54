"""Shared fixtures of the vanthu Python tests.

They compare the binding with the ``vanthu`` CLI (``target/debug/vanthu``, built by
``.ci/run``; ``VANTHU_CLI`` names another) and read the real packages of
``../shared/fixtures`` beside the repository. Either missing is a failure, not a
skip: a test that cannot compare must not pass.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, List, Sequence, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[3]
# The instant the comparisons are made at: the demo's documents are valid then.
AT = "2025-06-03T09:00:00+07:00"


@pytest.fixture(scope="session")
def cli() -> Path:
    path = Path(os.environ.get("VANTHU_CLI", ROOT / "target" / "debug" / "vanthu"))
    if not path.is_file():
        pytest.fail(f"the vanthu CLI is not built at {path}: run `cargo build -p vanthu-cli` first")
    return path


@pytest.fixture(scope="session")
def fixtures() -> Path:
    path = ROOT.parent / "shared" / "fixtures"
    if not (path / "vpcp-samples").is_dir():
        pytest.fail(f"the real packages are not at {path} (../shared/fixtures beside the repository)")
    return path


def run_cli(cli: Path, args: Sequence[str], cwd: Path = ROOT) -> Tuple[int, str, str]:
    """Runs the CLI: exit code, standard output, standard error."""
    done = subprocess.run([str(cli), *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


def cli_json(cli: Path, args: Sequence[str], cwd: Path = ROOT, codes=(0, 1)) -> Any:
    """The JSON the CLI prints for ``args`` (``--json`` is added)."""
    code, out, err = run_cli(cli, [*args, "--json"], cwd)
    assert code in codes, f"vanthu {' '.join(args)} exited {code}: {err}"
    return json.loads(out)


@pytest.fixture(scope="session")
def demo(cli: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output of `vanthu demo`: packages, signed PDFs, the test PKI, event logs."""
    out = tmp_path_factory.mktemp("demo") / "demo"
    code, _, err = run_cli(cli, ["demo", "--out", str(out)])
    assert code == 0, err
    return out


def files(folder: Path, pattern: str) -> List[Path]:
    return sorted(folder.glob(pattern))
