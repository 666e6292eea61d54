"""Types of the vanthu package: each result is a dict with the keys the CLI prints
with ``--json`` (docs/bindings.md). Nested values that are large documents of their
own (a package's business block, a workflow state, a signature's checks) are typed
``Dict[str, Any]``; their keys are those of the CLI's JSON too."""

import os
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, TypedDict, Union

StrPath = Union[str, "os.PathLike[str]"]
"""A path: ``str`` or ``os.PathLike``."""
Paths = Union[StrPath, Iterable[StrPath]]
"""One path or several (trust anchors, revocation lists)."""
Bytes = Union[bytes, bytearray, memoryview]
Time = Union[str, Any]
"""An RFC 3339 string (or ``YYYY-MM-DD``, ``yyyy/MM/dd HH:mm:ss``, Vietnam time unless
an offset is given) or a ``datetime``/``date`` (anything with ``isoformat()``)."""
Severity = Literal["error", "warning", "note"]

__version__: str

# Errors ---------------------------------------------------------------------

class Error(Exception):
    code: int
    kind: str
    message: str
    message_vi: str
    location: Optional[Dict[str, Any]]
    rule: Optional[str]
    def to_dict(self) -> Dict[str, Any]: ...

class InvalidArgumentError(Error, ValueError): ...
class IoError(Error, OSError): ...
class UnreadableError(Error): ...
class RefusedError(Error): ...
class TrustError(Error): ...
class NothingToCheckError(Error): ...
class NoSuchDateError(Error, ValueError): ...
class UnknownEncodingError(Error): ...
class SigningError(Error): ...
class InternalError(Error): ...

# Findings and reports ---------------------------------------------------------

class Location(TypedDict, total=False):
    offset: int
    line: int
    column: int
    path: str
    attachment: int

class _FindingKeys(TypedDict):
    rule: str
    severity: Severity
    message: str
    message_vi: str
    location: Location
    source: str

class Finding(_FindingKeys, total=False):
    requirement: str
    """The requirement of an external specification the finding reports (``CSIP2``, ``SIP4`` of E-ARK)."""

class Rule(TypedDict):
    id: str
    severity: Severity
    title: str
    title_vi: str
    source: str

class Unreadable(TypedDict, total=False):
    code: str
    message: str
    location: Location

class AttachmentReport(TypedDict, total=False):
    index: int
    name: Optional[str]
    kind: Optional[str]
    size: Optional[int]
    main: bool
    legal_value: Literal["original", "reference_only", "invalid"]
    signatures: int

class _FileReportKeys(TypedDict):
    file: str
    format: Optional[Literal["edxml", "pdf", "sip"]]
    conformant: bool
    findings: List[Finding]

class FileReport(_FileReportKeys, total=False):
    """One element of ``vanthu check --json``."""
    kind: str
    error: Unreadable
    attachments: List[AttachmentReport]
    legal_value: Literal["original", "reference_only", "invalid"]
    signatures: int
    objid: str
    files_checked: int
    bytes_checked: int

class PackageSummary(TypedDict, total=False):
    """``vanthu inspect --json``: the header fields and attachments of a document
    package (``kind`` ``document``), or the fields of a status package (``status``)."""
    kind: str
    document_id: Optional[str]
    status_code: str
    description: Optional[str]
    timestamp: Optional[str]
    response_for: Optional[Dict[str, Any]]
    # `from` is a keyword in Python: read it as summary["from"].
    to: List[Dict[str, Any]]
    code: Optional[str]
    promulgation_date: Optional[str]
    document_type: Optional[Any]
    subject: Optional[str]
    priority: Optional[Any]
    steering_type: Optional[Any]
    business_doc_type: Optional[Any]
    business: Optional[Dict[str, Any]]
    attachments: List[Dict[str, Any]]
    findings: List[Finding]

class Signer(TypedDict, total=False):
    subject: str
    common_name: Optional[str]
    organization: Optional[str]
    uids: List[str]
    issuer: str
    serial: str

class SignatureReport(TypedDict, total=False):
    object: str
    offset: int
    kind: str
    sub_filter: str
    indication: str
    sub_indication: Optional[str]
    coverage: str
    signed_revision: int
    signer: Optional[Signer]
    role: Optional[str]
    signing_time: Optional[str]
    checks: List[Dict[str, Any]]
    modifications: List[Dict[str, Any]]
    modification_level: Optional[str]
    widget: Optional[Dict[str, Any]]
    level: Optional[str]
    proven_at: Optional[str]

class DocumentReport(TypedDict):
    """``vanthu verify --json``."""
    form: str
    legal_value: Literal["original", "reference_only", "invalid"]
    signatures: List[SignatureReport]
    findings: List[Finding]

class Written(TypedDict):
    file: str
    size: int
    sha256: str

class AttachmentWritten(TypedDict):
    content_id: Optional[str]
    size: int
    sha256: str

class PackageWritten(Written):
    """``vanthu write --json``: the file written, the kind of package, its document id
    and each attachment written."""
    kind: Literal["document", "status"]
    document_id: Optional[str]
    attachments: List[AttachmentWritten]

class Organization(TypedDict, total=False):
    organ_id: Optional[str]
    organization_in_charge: Optional[str]
    organ_name: Optional[str]
    organ_add: Optional[str]
    email: Optional[str]
    telephone: Optional[str]
    fax: Optional[str]
    website: Optional[str]

MessageHeader = TypedDict("MessageHeader", {
    "from": Optional[Organization],
    "to": List[Organization],
    "document_id": Optional[str],
    "code": Optional[Dict[str, Any]],
    "promulgation_info": Optional[Dict[str, Any]],
    "document_type": Optional[Dict[str, Any]],
    "subject": Optional[str],
    "content": Optional[str],
    "signer_info": Optional[Dict[str, Any]],
    "due_date": Optional[str],
    "other_info": Optional[Dict[str, Any]],
    "response_for": List[Dict[str, Any]],
    "steering_type": Optional[str],
    "response_for_task": Optional[List[str]],
    "application_type": Optional[str],
    "to_places": Optional[List[str]],
    "extras": Dict[str, Any],
}, total=False)
"""``MessageHeader`` of a document package (the functional form: ``from`` is a keyword).
``to`` and ``response_for`` are required (lists, possibly empty); the other keys may be
left out (absent)."""

class AttachmentModel(TypedDict, total=False):
    content_id: Optional[str]
    attachment_name: Optional[str]
    description: Optional[str]
    field_name: Optional[str]
    mime_type: Optional[str]
    format: Optional[str]
    content_type: Optional[str]

class PackageModel(TypedDict, total=False):
    """The whole model of a package (``vanthu inspect --model``), tagged by ``kind``:
    a document has ``header``, ``attachments`` and ``attachment_encoded`` (required),
    ``trace``, ``signature``, ``manifest``, ``extras``; a status package has the keys of
    ``vanthu_edxml::StatusPackage`` (``from``, ``response_for``, ``status_code``,
    ``description``, ``timestamp``, ``staff_info``, …). docs/bindings.md has an example."""
    kind: Literal["document", "status"]
    header: MessageHeader
    trace: Optional[Dict[str, Any]]
    signature: Optional[Dict[str, Any]]
    manifest: Optional[Dict[str, Any]]
    attachments: List[AttachmentModel]
    attachment_encoded: bool
    extras: Dict[str, Any]

class ReplyWritten(Written):
    """``vanthu reply --json``: the file written and the status package read back."""
    status: PackageSummary

class ReplayReport(TypedDict):
    """``vanthu replay --json``."""
    conformant: bool
    findings: List[Finding]
    as_of: Optional[str]
    state: Dict[str, Any]
    missed_deadlines: List[Dict[str, Any]]
    pending_deadlines: List[Dict[str, Any]]

class ArchiveReport(TypedDict, total=False):
    """``vanthu archive check --json``."""
    conformant: bool
    kind: Optional[str]
    objid: Optional[str]
    files_checked: int
    bytes_checked: int
    findings: List[Finding]

class Packed(TypedDict, total=False):
    """``vanthu archive pack --json``."""
    file: str
    size: int
    sha256: str
    objid: str
    data_files: int

class IdentificationError(TypedDict):
    """Why the input is not an identifier of its kind: the message and the byte offset."""
    message: str
    offset: int

class Identification(TypedDict, total=False):
    """One element of ``vanthu id --json``: the common keys, then the parts of the
    kind of identifier found (agency id, document number, document id, record code)."""
    input: str
    kind: Optional[str]
    valid: bool
    findings: List[Finding]
    error: Optional[IdentificationError]
    form: str
    level1: str
    category: str
    parent: Optional[str]
    number: str
    year: Optional[int]
    type_abbreviation: Optional[str]
    document_type: Optional[str]
    tt05_type_code: Optional[str]
    issuer: str
    unit: Optional[str]

class TextCheck(TypedDict, total=False):
    file: str
    encoding: str
    nfc: bool
    findings: List[Finding]

class TextFix(TypedDict, total=False):
    text: str
    encoding: Literal["unicode", "tcvn3", "vni"]
    action: Literal["repaired", "decoded", "unchanged"]
    confidence: str
    note: str

class DayOff(TypedDict):
    date: str
    name: str
    name_en: str
    kind: str
    estimated: bool

class CalendarYear(TypedDict):
    year: int
    estimated: bool
    source: str
    holidays: List[DayOff]
    swapped_working_days: List[str]
    working_days: int

class LunarParts(TypedDict):
    day: int
    month: int
    year: int
    leap: bool
    can_chi: str

class LunarConversion(TypedDict):
    solar: str
    lunar: LunarParts

class _DueKeys(TypedDict):
    rule: str
    urgent: bool
    due: str

class Due(_DueKeys, total=False):
    """``vanthu due --json`` (and ``from``, the start)."""
    chase_from: str

class SignPrepared(TypedDict, total=False):
    """What ``sign_prepare`` returns: give it back to ``sign_finish`` as it is."""
    pdf: str
    pdf_sha256: str
    certificate: str
    chain: List[str]
    at: str
    reason: str
    location: str
    scheme: Literal["rsa-pkcs1-v1_5", "rsa-pss", "ecdsa"]
    digest_algorithm: Literal["sha256", "sha384", "sha512"]
    to_be_signed: str
    digest: str

class Summary(TypedDict):
    checked: int
    conformant: int
    not_conformant: int
    unreadable: int
    skipped: int
    edxml: int
    pdf: int
    sip: int
    line: str

# Functions ------------------------------------------------------------------

def version() -> str: ...
def rules() -> List[Rule]: ...
def identify(text: str) -> Identification: ...
def text_check(path: StrPath) -> TextCheck: ...
def text_fix(text: Union[str, Bytes], encoding: Optional[Literal["auto", "tcvn3", "abc", "vni"]] = None,
             capitals: Optional[bool] = None, keep_case: Optional[bool] = None) -> TextFix: ...
def check(path: StrPath, trust: Optional[Paths] = None, at: Optional[Time] = None,
          strict: Optional[bool] = None, profile: Optional[Literal["csip", "sip", "tt05"]] = None, *,
          crls: Optional[Paths] = None, ocsps: Optional[Paths] = None,
          roles: Optional[Mapping[str, Any]] = None, legacy_sha1: Optional[bool] = None,
          jobs: Optional[int] = None) -> List[FileReport]: ...
def check_bytes(name: str, data: Bytes, trust: Optional[Paths] = None, at: Optional[Time] = None,
                strict: Optional[bool] = None, profile: Optional[Literal["csip", "sip", "tt05"]] = None, *,
                crls: Optional[Paths] = None, ocsps: Optional[Paths] = None,
                roles: Optional[Mapping[str, Any]] = None, legacy_sha1: Optional[bool] = None) -> FileReport: ...
def inspect(path: StrPath) -> PackageSummary: ...
def normalize(path: StrPath, output: StrPath) -> Written: ...
def extract(path: StrPath, output: StrPath, *, unzip: Optional[bool] = None,
            max_bytes: Optional[int] = None) -> List[Dict[str, Any]]: ...
def model(path: StrPath) -> PackageModel: ...
def write(package: Union[PackageModel, Mapping[str, Any], str], attachments: Optional[Paths],
          output: StrPath) -> PackageWritten: ...
def verify_pdf(path: StrPath, trust: Paths, at: Optional[Time] = None, attachment: Optional[bool] = None, *,
               form: Optional[Literal["document", "attachment", "digitised_copy"]] = None,
               crls: Optional[Paths] = None, ocsps: Optional[Paths] = None,
               legacy_sha1: Optional[bool] = None, roles: Optional[Mapping[str, Any]] = None) -> DocumentReport: ...
def reply(path: StrPath, status: Union[str, int], from_agency: str, output: StrPath,
          description: Optional[str] = None, at: Optional[Time] = None, *,
          from_name: Optional[str] = None, rules: Optional[str] = None) -> ReplyWritten: ...
def replay(log_path: StrPath, as_of: Optional[Time] = None, *, rules: Optional[str] = None,
           next_day: Optional[Literal["morning", "day"]] = None,
           same_day: Optional[Literal["midnight", "office-hours"]] = None,
           max_documents: Optional[int] = None) -> ReplayReport: ...
def archive_check(path: StrPath, profile: Optional[Literal["csip", "sip", "tt05"]] = None,
                  at: Optional[Time] = None) -> ArchiveReport: ...
def archive_pack(spec_path: StrPath, output: StrPath, *, dip: Optional[bool] = None,
                 follow_links: Optional[bool] = None) -> Packed: ...
def retention(record_path: StrPath, at: Time, law: Optional[int] = None) -> Dict[str, Any]: ...
def due(start: Time, working_days: Optional[int] = None,
        rule: Optional[Literal["issue", "acknowledge", "not-received"]] = None, *,
        urgent: Optional[bool] = None, next_day: Optional[Literal["morning", "day"]] = None,
        same_day: Optional[Literal["midnight", "office-hours"]] = None) -> Due: ...
def lunar(date: Time) -> LunarConversion: ...
def lunar_to_solar(lunar: str, leap: bool = False) -> LunarConversion: ...
def calendar(year: int) -> CalendarYear: ...
def sign_prepare(pdf: StrPath, certificate: StrPath, *, at: Optional[Time] = None,
                 reason: Optional[str] = None, location: Optional[str] = None,
                 chain: Optional[Paths] = None, pss: Optional[bool] = None,
                 digest: Optional[Literal["sha256", "sha384", "sha512"]] = None) -> SignPrepared: ...
def sign_finish(prepared: SignPrepared, signature: Bytes, output: StrPath) -> Written: ...
def summary(reports: Iterable[Mapping[str, Any]]) -> Summary: ...

class Office:
    """One agency's office, driven event by event."""
    def __init__(self, agency: str, rules: Optional[str] = None) -> None: ...
    def apply(self, event: Union[str, Mapping[str, Any]]) -> List[Dict[str, Any]]: ...
    def snapshot(self) -> Dict[str, Any]: ...
