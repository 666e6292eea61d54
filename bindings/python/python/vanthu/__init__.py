"""vanthu: Vietnamese electronic government documents, checked.

The functions of the vanthu Rust SDK's facade (``vanthu::api``), named as in every
binding (docs/bindings.md). Each returns what the matching ``vanthu`` CLI command
prints with ``--json``, as dicts and lists (their keys are documented by the
``TypedDict`` classes of the stub, ``__init__.pyi``); each error is a
:class:`vanthu.Error`. Paths are ``str`` or ``os.PathLike``; bytes are ``bytes``,
``bytearray`` or ``memoryview``; times are RFC 3339 strings or ``datetime``
objects. The calls that read files release the GIL: threads check in parallel.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable

from ._errors import (
    Error,
    InternalError,
    InvalidArgumentError,
    IoError,
    NoSuchDateError,
    NothingToCheckError,
    RefusedError,
    SigningError,
    TrustError,
    UnknownEncodingError,
    UnreadableError,
)
from ._native import (
    Office,
    archive_check,
    archive_pack,
    calendar,
    check,
    check_bytes,
    due,
    extract,
    identify,
    inspect,
    lunar,
    lunar_to_solar,
    model,
    normalize,
    replay,
    reply,
    retention,
    rules,
    sign_finish,
    sign_prepare,
    text_check,
    text_fix,
    verify_pdf,
    version,
    write,
)

__version__: str = version()


def summary(reports: Iterable[Dict[str, Any]]) -> Dict[str, Any]:
    """The counts of ``vanthu check``'s summary line over reports of :func:`check`.

    ``checked``, ``conformant``, ``not_conformant``, ``unreadable``, ``edxml``,
    ``pdf``, ``sip`` and ``line``, the summary line in English as the CLI prints it
    (with no file skipped: files left out of a folder are not in the reports).
    """
    counts = dict(checked=0, conformant=0, not_conformant=0, unreadable=0, skipped=0,
                  edxml=0, pdf=0, sip=0)
    for report in reports:
        counts["checked"] += 1
        if report.get("error") is not None:
            counts["unreadable"] += 1
        elif report["conformant"]:
            counts["conformant"] += 1
        else:
            counts["not_conformant"] += 1
        fmt = report.get("format")
        if fmt in ("edxml", "pdf", "sip"):
            counts[fmt] += 1
    line = (
        f"checked {counts['checked']} file(s): {counts['conformant']} conformant, "
        f"{counts['not_conformant']} not conformant, {counts['unreadable']} unreadable "
        f"({counts['edxml']} edXML, {counts['pdf']} PDF, {counts['sip']} SIP; "
        f"{counts['skipped']} skipped)"
    )
    return {**counts, "line": line}


__all__ = [
    "Error",
    "InternalError",
    "InvalidArgumentError",
    "IoError",
    "NoSuchDateError",
    "NothingToCheckError",
    "Office",
    "RefusedError",
    "SigningError",
    "TrustError",
    "UnknownEncodingError",
    "UnreadableError",
    "archive_check",
    "archive_pack",
    "calendar",
    "check",
    "check_bytes",
    "due",
    "extract",
    "identify",
    "inspect",
    "lunar",
    "lunar_to_solar",
    "model",
    "normalize",
    "replay",
    "reply",
    "retention",
    "rules",
    "sign_finish",
    "sign_prepare",
    "summary",
    "text_check",
    "text_fix",
    "verify_pdf",
    "version",
    "write",
]
