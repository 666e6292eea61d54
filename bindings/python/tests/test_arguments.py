"""Paths are str or os.PathLike, bytes are bytes, bytearray or memoryview, times
are strings or datetime objects: each form gives the same result."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import vanthu

from conftest import AT


class MyPath:
    """An os.PathLike that is not a pathlib.Path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return str(self.path)


def test_paths(fixtures, demo):
    package = fixtures / "vpcp-samples" / "edoc_new.edxml"
    expected = vanthu.check(str(package), at=AT)
    assert vanthu.check(package, at=AT) == expected
    assert vanthu.check(MyPath(package), at=AT) == expected
    assert vanthu.inspect(MyPath(package)) == vanthu.inspect(str(package))
    trust = demo / "pki" / "root.cer"
    pdf = demo / "sender" / "182-QD-LDTBXH.signed.pdf"
    one = vanthu.verify_pdf(pdf, trust, at=AT)
    assert vanthu.verify_pdf(str(pdf), [str(trust)], at=AT) == one
    assert vanthu.verify_pdf(MyPath(pdf), (MyPath(trust),), at=AT) == one
    assert vanthu.check(pdf, trust=MyPath(trust), at=AT) == vanthu.check(pdf, trust=[trust], at=AT)


def test_bytes(demo, fixtures):
    package = fixtures / "vpcp-samples" / "edoc_new.edxml"
    data = package.read_bytes()
    expected = vanthu.check_bytes("edoc_new.edxml", data, at=AT)
    assert expected["format"] == "edxml" and expected["file"] == "edoc_new.edxml"
    assert vanthu.check_bytes("edoc_new.edxml", bytearray(data), at=AT) == expected
    assert vanthu.check_bytes("edoc_new.edxml", memoryview(data), at=AT) == expected
    # The same verdict as the file, named as given.
    (from_file,) = vanthu.check(package, at=AT)
    assert {**from_file, "file": "edoc_new.edxml"} == expected
    pdf = (demo / "sender" / "182-QD-LDTBXH.signed.pdf").read_bytes()
    trust = demo / "pki" / "root.cer"
    assert vanthu.check_bytes("182.pdf", memoryview(pdf)[0:], trust=trust, at=AT)["legal_value"] == "original"
    assert vanthu.text_fix("Ho\u0300a".encode()) == vanthu.text_fix(bytearray("Ho\u0300a".encode()))


def test_times(demo):
    log = demo / "unit1" / "events.json"
    when = dt.datetime(2025, 7, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert vanthu.replay(log, as_of=when) == vanthu.replay(log, as_of="2025-07-01T08:00:00+07:00")
    start = dt.datetime(2025, 4, 28, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert vanthu.due(start, working_days=3) == vanthu.due("2025-04-28T10:00:00+07:00", working_days=3)
    assert vanthu.lunar(dt.date(2025, 1, 29)) == vanthu.lunar("2025-01-29")
    pdf = demo / "sender" / "182-QD-LDTBXH.signed.pdf"
    trust = demo / "pki" / "root.cer"
    assert vanthu.verify_pdf(pdf, trust, at=dt.datetime.fromisoformat(AT)) == vanthu.verify_pdf(pdf, trust, at=AT)
