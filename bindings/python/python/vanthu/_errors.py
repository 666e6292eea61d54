"""The exceptions of vanthu: one class per kind of error of the Rust facade.

Every error raised by a vanthu function is a :class:`Error`, with the fields of
the facade's error as attributes: ``code`` (the stable number, the status code
of the C ABI: docs/bindings.md), ``kind``, ``message`` (English, also
``str(error)``), ``message_vi`` (Vietnamese), ``location`` (a dict, or None)
and ``rule`` (the rule id that refuses the input, or None).
"""

from __future__ import annotations

from typing import Any, Dict, Optional


class Error(Exception):
    """An error of vanthu: the input or an argument cannot be used."""

    code: int
    kind: str
    message: str
    message_vi: str
    location: Optional[Dict[str, Any]]
    rule: Optional[str]

    def __init__(self, message: str = "", *, fields: Optional[Dict[str, Any]] = None) -> None:
        fields = dict(fields or {})
        self.message = fields.get("message", message)
        super().__init__(self.message)
        self.code = int(fields.get("code", _CODES.get(type(self), 0)))
        self.kind = fields.get("kind", _KINDS.get(type(self), "error"))
        self.message_vi = fields.get("message_vi", "")
        self.location = fields.get("location")
        self.rule = fields.get("rule")

    def __reduce__(self):  # type: ignore[override]
        # Exceptions cross process boundaries (Dask, multiprocessing) pickled.
        return (_rebuild, (type(self), self.to_dict()))

    def to_dict(self) -> Dict[str, Any]:
        """The error as the facade gives it (the C ABI's error JSON)."""
        out: Dict[str, Any] = {
            "code": self.code,
            "kind": self.kind,
            "message": self.message,
            "message_vi": self.message_vi,
        }
        if self.location is not None:
            out["location"] = self.location
        if self.rule is not None:
            out["rule"] = self.rule
        return out


def _rebuild(cls: type, fields: Dict[str, Any]) -> "Error":
    return cls(fields=fields)


class InvalidArgumentError(Error, ValueError):
    """An argument cannot be used: a time, a status code, an agency id, a year."""


class IoError(Error, OSError):
    """A file or folder cannot be read or written."""


class UnreadableError(Error):
    """The input cannot be read as the format it must be."""


class RefusedError(Error):
    """The input was read, but a rule (``.rule``) refuses it or the action."""


class TrustError(Error):
    """A trust anchor, revocation list or OCSP response cannot be read."""


class NothingToCheckError(Error):
    """No file to check was found."""


class NoSuchDateError(Error, ValueError):
    """A well-formed lunar date that does not exist in its year."""


class UnknownEncodingError(Error):
    """The encoding of a text cannot be told with enough confidence."""


class SigningError(Error):
    """A PDF cannot be signed."""


class InternalError(Error):
    """A bug in vanthu, caught at the boundary."""


_BY_KIND = {
    "invalid_argument": (InvalidArgumentError, 1),
    "io": (IoError, 2),
    "unreadable": (UnreadableError, 3),
    "refused": (RefusedError, 4),
    "trust": (TrustError, 5),
    "nothing_to_check": (NothingToCheckError, 6),
    "no_such_date": (NoSuchDateError, 7),
    "unknown_encoding": (UnknownEncodingError, 8),
    "signing": (SigningError, 9),
    "internal": (InternalError, 99),
}
_CODES = {cls: code for cls, code in _BY_KIND.values()}
_KINDS = {cls: kind for kind, (cls, _) in _BY_KIND.items()}


def _class_for(fields: Dict[str, Any]) -> type:
    """The class of an error of the facade, by its kind (Error for a kind added later)."""
    return _BY_KIND.get(fields.get("kind", ""), (Error, 0))[0]
