"""Errors are exceptions of the kind's class, with the facade's fields."""

from __future__ import annotations

import pickle

import pytest

import vanthu

from conftest import AT


def test_missing_file_is_io_error(tmp_path):
    missing = tmp_path / "missing.edxml"
    with pytest.raises(vanthu.IoError) as caught:
        vanthu.inspect(missing)
    error = caught.value
    assert isinstance(error, vanthu.Error) and isinstance(error, OSError)
    assert (error.code, error.kind, error.rule) == (2, "io", None)
    assert str(missing) in error.message and str(error) == error.message
    assert error.message_vi and error.message_vi != error.message


def test_not_a_package_is_unreadable(demo):
    with pytest.raises(vanthu.UnreadableError) as caught:
        vanthu.inspect(demo / "sender" / "182-QD-LDTBXH.signed.pdf")
    assert (caught.value.code, caught.value.kind) == (3, "unreadable")
    assert "PDF" in caught.value.message


def test_bad_arguments_are_invalid_argument():
    for call in (
        lambda: vanthu.lunar("2025-13-01"),
        lambda: vanthu.calendar(1800),
        lambda: vanthu.due("yesterday", working_days=3),
        lambda: vanthu.due("2025-04-28T10:00:00+07:00", rule="whenever"),
        lambda: vanthu.Office("not an agency id"),
    ):
        with pytest.raises(vanthu.InvalidArgumentError) as caught:
            call()
        assert isinstance(caught.value, ValueError)
        assert (caught.value.code, caught.value.kind) == (1, "invalid_argument")
        assert caught.value.message_vi


def test_unknown_keyword_is_invalid_argument(fixtures):
    package = fixtures / "vpcp-samples" / "status.edxml"
    with pytest.raises(vanthu.InvalidArgumentError) as caught:
        vanthu.check(package, at=AT, colour="blue")
    assert "colour" in caught.value.message
    with pytest.raises(vanthu.InvalidArgumentError):
        vanthu.check(package, at="not a time")


def test_reply_errors(demo, tmp_path):
    package = demo / "unit1" / "received" / "182-QD-LDTBXH.edxml"
    with pytest.raises(vanthu.InvalidArgumentError):
        vanthu.reply(package, "99", "000.01.15.H47", tmp_path / "out.edxml", at=AT)
    with pytest.raises(vanthu.InvalidArgumentError):
        vanthu.reply(package, "03", "no such agency", tmp_path / "out.edxml", at=AT)
    assert not (tmp_path / "out.edxml").exists()


def test_refused_event_names_its_rule():
    office = vanthu.Office("000.00.15.H47")
    with pytest.raises(vanthu.RefusedError) as caught:
        # Nobody can register a document before any actor exists.
        office.apply({"at": "2025-03-03T07:00:00+07:00", "type": "actor_disabled", "actor": "nobody"})
    assert caught.value.code == 4 and caught.value.rule
    assert caught.value.rule in caught.value.message_vi
    assert office.snapshot() == vanthu.Office("000.00.15.H47").snapshot()
    with pytest.raises(vanthu.InvalidArgumentError):
        office.apply("{not json")


def test_trust_error(demo, tmp_path):
    bad = tmp_path / "bad.cer"
    bad.write_bytes(b"not a certificate")
    with pytest.raises(vanthu.TrustError) as caught:
        vanthu.verify_pdf(demo / "sender" / "182-QD-LDTBXH.signed.pdf", bad, at=AT)
    assert (caught.value.code, caught.value.kind) == (5, "trust")


def test_nothing_to_check(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing here")
    with pytest.raises(vanthu.NothingToCheckError) as caught:
        vanthu.check(tmp_path, at=AT)
    assert caught.value.code == 6


def test_unreadable_file_is_a_report_not_an_error(tmp_path):
    junk = tmp_path / "junk.edxml"
    junk.write_bytes(b"<?xml version='1.0'?><edXMLEnvelope")
    (report,) = vanthu.check(junk, at=AT)
    assert report["conformant"] is False and report["error"]["code"].startswith("EDXML-E-")


def test_errors_pickle():
    with pytest.raises(vanthu.Error) as caught:
        vanthu.lunar("2025-13-01")
    again = pickle.loads(pickle.dumps(caught.value))
    assert type(again) is vanthu.InvalidArgumentError
    assert again.to_dict() == caught.value.to_dict()


def test_wrong_types_are_type_errors(fixtures):
    with pytest.raises(TypeError):
        vanthu.inspect(42)
    with pytest.raises(TypeError):
        vanthu.check_bytes("a.edxml", "text is not bytes")
    with pytest.raises(TypeError):
        vanthu.check_bytes("a.edxml", 3.5)
