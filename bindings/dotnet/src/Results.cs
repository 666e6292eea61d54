// The results: classes over the JSON of docs/bindings.md (the CLI's --json), deserialised with System.Text.Json
// attributes. Each names the fields a caller usually reads; whatever else the JSON holds is kept in Extra
// ([JsonExtensionData]), so serialising a result gives back its whole JSON value. A field vanthu leaves out when it
// has no value is marked JsonIgnore(WhenWritingNull); a field it writes as null is written as null.
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json.Serialization;

namespace Vanthu
{
    /// <summary>A JSON object of a result: the fields its class names, and the others in <see cref="Extra"/>.</summary>
    public abstract class JsonRecord
    {
        /// <summary>The fields this class does not name, as they were read (System.Text.Json:
        /// <c>JsonElement</c> values; Mono: dictionaries, lists, strings, numbers, booleans, null).</summary>
        [JsonExtensionData]
        public Dictionary<string, object> Extra { get; set; }
    }

    /// <summary>What a call returned, with the JSON it was read from.</summary>
    public abstract class VanthuResult : JsonRecord
    {
        /// <summary>The result as the C ABI returned it: the JSON of the matching CLI command with <c>--json</c>.</summary>
        [JsonIgnore]
        public string Json { get; internal set; }
    }

    /// <summary>A list a call returned (<see cref="Vanthu.Check"/>, <see cref="Vanthu.Rules"/> …), with its JSON; each
    /// element has its own <see cref="VanthuResult.Json"/>.</summary>
    public sealed class ResultList<T> : ReadOnlyCollection<T>
    {
        internal ResultList(IList<T> items, string json) : base(items)
        {
            Json = json;
        }

        /// <summary>The whole array as the C ABI returned it.</summary>
        public string Json { get; private set; }
    }

    /// <summary>Where in an input (a finding's location, an error's): each part when known.</summary>
    public sealed class Location : JsonRecord
    {
        /// <summary>Byte offset from the start of the input.</summary>
        [JsonPropertyName("offset")]
        public long? Offset { get; set; }

        /// <summary>1-based line.</summary>
        [JsonPropertyName("line")]
        public long? Line { get; set; }

        /// <summary>1-based column, in characters.</summary>
        [JsonPropertyName("column")]
        public long? Column { get; set; }

        /// <summary>Path of the element or field, e.g. <c>edXMLHeader/MessageHeader/From/OrganId</c>.</summary>
        [JsonPropertyName("path")]
        public string Path { get; set; }
    }

    /// <summary>A finding: a stable rule id, a severity (<c>error</c>, <c>warning</c>, <c>note</c>), messages in
    /// English and Vietnamese, where, and the source of the rule.</summary>
    public sealed class Finding : JsonRecord
    {
        [JsonPropertyName("rule")] public string Rule { get; set; }
        [JsonPropertyName("severity")] public string Severity { get; set; }
        [JsonPropertyName("message")] public string Message { get; set; }
        [JsonPropertyName("message_vi")] public string MessageVi { get; set; }
        [JsonPropertyName("location")] public Location Location { get; set; }
        [JsonPropertyName("source")] public string Source { get; set; }

        [JsonPropertyName("requirement")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Requirement { get; set; }
    }

    /// <summary>One rule of <see cref="Vanthu.Rules"/>.</summary>
    public sealed class RuleInfo : VanthuResult
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("severity")] public string Severity { get; set; }
        [JsonPropertyName("title")] public string Title { get; set; }
        [JsonPropertyName("title_vi")] public string TitleVi { get; set; }
        [JsonPropertyName("source")] public string Source { get; set; }
    }

    /// <summary>What <see cref="Vanthu.Identify"/> tells of a text; the parts of each kind are in
    /// <see cref="JsonRecord.Extra"/>.</summary>
    public sealed class Identification : VanthuResult
    {
        [JsonPropertyName("input")] public string Input { get; set; }
        [JsonPropertyName("kind")] public string Kind { get; set; }
        [JsonPropertyName("valid")] public bool Valid { get; set; }
        [JsonPropertyName("findings")] public List<Finding> Findings { get; set; }
        /// <summary>Why the text is not valid, or null.</summary>
        [JsonPropertyName("error")] public IdentifyError Error { get; set; }
    }

    /// <summary>Why a text is not a valid identifier: a message and the byte offset.</summary>
    public sealed class IdentifyError : JsonRecord
    {
        [JsonPropertyName("message")] public string Message { get; set; }
        [JsonPropertyName("offset")] public long? Offset { get; set; }
    }

    /// <summary><see cref="Vanthu.TextCheck"/>: a text file against TCVN 6909:2001.</summary>
    public sealed class TextCheckReport : VanthuResult
    {
        [JsonPropertyName("file")] public string File { get; set; }
        [JsonPropertyName("encoding")] public string Encoding { get; set; }
        [JsonPropertyName("nfc")] public bool Nfc { get; set; }
        [JsonPropertyName("findings")] public List<Finding> Findings { get; set; }
    }

    /// <summary><see cref="Vanthu.TextFix"/>: the text in NFC Unicode and what was done.</summary>
    public sealed class TextFixResult : VanthuResult
    {
        [JsonPropertyName("text")] public string Text { get; set; }
        [JsonPropertyName("encoding")] public string Encoding { get; set; }
        [JsonPropertyName("action")] public string Action { get; set; }

        [JsonPropertyName("confidence")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Confidence { get; set; }

        [JsonPropertyName("note")] public string Note { get; set; }
    }

    /// <summary>Why a file could not be read (<see cref="FileReport.Error"/>).</summary>
    public sealed class ReadError : JsonRecord
    {
        [JsonPropertyName("code")] public string Code { get; set; }
        [JsonPropertyName("message")] public string Message { get; set; }

        [JsonPropertyName("location")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Location Location { get; set; }
    }

    /// <summary>An attachment of a checked package.</summary>
    public sealed class AttachmentReport : JsonRecord
    {
        [JsonPropertyName("index")] public int Index { get; set; }

        [JsonPropertyName("name")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Name { get; set; }

        [JsonPropertyName("kind")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Kind { get; set; }

        [JsonPropertyName("size")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public long? Size { get; set; }

        [JsonPropertyName("main")] public bool Main { get; set; }

        [JsonPropertyName("legal_value")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string LegalValue { get; set; }

        [JsonPropertyName("signatures")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? Signatures { get; set; }
    }

    /// <summary>The report of one checked file (<see cref="Vanthu.Check"/>, <see cref="Vanthu.CheckBytes"/>).</summary>
    public sealed class FileReport : VanthuResult
    {
        [JsonPropertyName("file")] public string File { get; set; }

        /// <summary><c>edxml</c>, <c>pdf</c>, <c>sip</c> …</summary>
        [JsonPropertyName("format")] public string Format { get; set; }

        [JsonPropertyName("kind")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Kind { get; set; }

        [JsonPropertyName("conformant")] public bool Conformant { get; set; }
        [JsonPropertyName("findings")] public List<Finding> Findings { get; set; }

        /// <summary>Why the file could not be read (then it is not conformant), or null.</summary>
        [JsonPropertyName("error")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public ReadError Error { get; set; }

        [JsonPropertyName("attachments")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<AttachmentReport> Attachments { get; set; }

        [JsonPropertyName("legal_value")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string LegalValue { get; set; }

        [JsonPropertyName("signatures")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? Signatures { get; set; }

        [JsonPropertyName("objid")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Objid { get; set; }

        [JsonPropertyName("files_checked")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public long? FilesChecked { get; set; }

        [JsonPropertyName("bytes_checked")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public long? BytesChecked { get; set; }
    }

    /// <summary>An organisation of a package header.</summary>
    public sealed class Agency : JsonRecord
    {
        [JsonPropertyName("organ_id")] public string OrganId { get; set; }
        [JsonPropertyName("organ_name")] public string OrganName { get; set; }
    }

    /// <summary>The number and notation of a document (<c>182</c>, <c>QĐ-LĐTBXH</c>).</summary>
    public sealed class DocumentCode : JsonRecord
    {
        [JsonPropertyName("number")] public string Number { get; set; }
        [JsonPropertyName("notation")] public string Notation { get; set; }
    }

    /// <summary>An attachment of an inspected package.</summary>
    public sealed class AttachmentSummary : JsonRecord
    {
        [JsonPropertyName("content_id")] public string ContentId { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("content_type")] public string ContentType { get; set; }
        [JsonPropertyName("size")] public long? Size { get; set; }
        [JsonPropertyName("sha256")] public string Sha256 { get; set; }
        [JsonPropertyName("base64_error")] public string Base64Error { get; set; }
    }

    /// <summary>What <see cref="Vanthu.Inspect"/> read: a <see cref="DocumentSummary"/> or a
    /// <see cref="StatusSummary"/>, told by <see cref="Kind"/>.</summary>
    public abstract class Inspection : VanthuResult
    {
        /// <summary><c>document</c> or <c>status</c>.</summary>
        [JsonPropertyName("kind")] public string Kind { get; set; }

        [JsonPropertyName("findings")] public List<Finding> Findings { get; set; }
    }

    /// <summary>A document package's header fields and attachments.</summary>
    public sealed class DocumentSummary : Inspection
    {
        [JsonPropertyName("document_id")] public string DocumentId { get; set; }
        [JsonPropertyName("from")] public Agency From { get; set; }
        [JsonPropertyName("to")] public List<Agency> To { get; set; }
        [JsonPropertyName("code")] public DocumentCode Code { get; set; }
        [JsonPropertyName("promulgation_date")] public string PromulgationDate { get; set; }
        [JsonPropertyName("document_type")] public string DocumentType { get; set; }
        [JsonPropertyName("subject")] public string Subject { get; set; }
        [JsonPropertyName("priority")] public string Priority { get; set; }
        [JsonPropertyName("steering_type")] public string SteeringType { get; set; }
        [JsonPropertyName("business_doc_type")] public string BusinessDocType { get; set; }
        [JsonPropertyName("business")] public string Business { get; set; }
        [JsonPropertyName("attachments")] public List<AttachmentSummary> Attachments { get; set; }
    }

    /// <summary>The document a status package answers.</summary>
    public sealed class Answered : JsonRecord
    {
        [JsonPropertyName("organ_id")] public string OrganId { get; set; }
        [JsonPropertyName("code")] public string Code { get; set; }
        [JsonPropertyName("document_id")] public string DocumentId { get; set; }
        [JsonPropertyName("promulgation_date")] public string PromulgationDate { get; set; }
    }

    /// <summary>A status package (the answer to a document: 01–06, 13, 15, 16).</summary>
    public sealed class StatusSummary : Inspection
    {
        [JsonPropertyName("status_code")] public string StatusCode { get; set; }
        [JsonPropertyName("description")] public string Description { get; set; }
        [JsonPropertyName("timestamp")] public string Timestamp { get; set; }
        [JsonPropertyName("from")] public Agency From { get; set; }
        [JsonPropertyName("response_for")] public Answered ResponseFor { get; set; }
    }

    /// <summary>Used to read the <c>kind</c> of a tagged value before its class is chosen.</summary>
    internal sealed class KindTag
    {
        [JsonPropertyName("kind")] public string Kind { get; set; }
    }

    /// <summary>A file vanthu wrote (<see cref="Vanthu.Normalize"/>, <see cref="Vanthu.SignFinish"/>).</summary>
    public class WrittenFile : VanthuResult
    {
        [JsonPropertyName("file")] public string File { get; set; }
        [JsonPropertyName("size")] public long Size { get; set; }
        [JsonPropertyName("sha256")] public string Sha256 { get; set; }
    }

    /// <summary><see cref="Vanthu.Reply"/>: the status package written, as <see cref="Vanthu.Inspect"/> reads it back.</summary>
    public sealed class ReplyResult : WrittenFile
    {
        [JsonPropertyName("status")] public StatusSummary Status { get; set; }
    }

    /// <summary>An attachment <see cref="Vanthu.Extract"/> wrote.</summary>
    public sealed class ExtractedAttachment : VanthuResult
    {
        [JsonPropertyName("content_id")] public string ContentId { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("file")] public string File { get; set; }
        [JsonPropertyName("original_name")] public string OriginalName { get; set; }
        [JsonPropertyName("size")] public long Size { get; set; }
        [JsonPropertyName("sha256")] public string Sha256 { get; set; }
        [JsonPropertyName("findings")] public List<Finding> Findings { get; set; }
    }

    /// <summary>The model of a package (docs/bindings.md §4), what <see cref="Vanthu.Write(PackageModel,
    /// IEnumerable{string}, string)"/> takes back; its fields are in <see cref="JsonRecord.Extra"/>.</summary>
    public sealed class PackageModel : VanthuResult
    {
        /// <summary><c>document</c> or <c>status</c>.</summary>
        [JsonPropertyName("kind")] public string Kind { get; set; }
    }

    /// <summary>An attachment <see cref="Vanthu.Write(string, IEnumerable{string}, string)"/> wrote.</summary>
    public sealed class WrittenAttachment : JsonRecord
    {
        [JsonPropertyName("content_id")] public string ContentId { get; set; }
        [JsonPropertyName("size")] public long Size { get; set; }
        [JsonPropertyName("sha256")] public string Sha256 { get; set; }
    }

    /// <summary>The package <see cref="Vanthu.Write(string, IEnumerable{string}, string)"/> wrote.</summary>
    public sealed class WriteResult : WrittenFile
    {
        [JsonPropertyName("kind")] public string Kind { get; set; }
        [JsonPropertyName("document_id")] public string DocumentId { get; set; }
        [JsonPropertyName("attachments")] public List<WrittenAttachment> Attachments { get; set; }
    }

    /// <summary>Who signed.</summary>
    public sealed class Signer : JsonRecord
    {
        [JsonPropertyName("subject")] public string Subject { get; set; }
        [JsonPropertyName("common_name")] public string CommonName { get; set; }
        [JsonPropertyName("organization")] public string Organization { get; set; }
        [JsonPropertyName("uids")] public List<string> Uids { get; set; }
        [JsonPropertyName("issuer")] public string Issuer { get; set; }
        [JsonPropertyName("serial")] public string Serial { get; set; }
    }

    /// <summary>One named check of a signature (ETSI EN 319 102-1 style).</summary>
    public sealed class SignatureCheck : JsonRecord
    {
        [JsonPropertyName("id")] public string Id { get; set; }
        [JsonPropertyName("rule")] public string Rule { get; set; }
        [JsonPropertyName("outcome")] public string Outcome { get; set; }
        [JsonPropertyName("message")] public string Message { get; set; }
        [JsonPropertyName("message_vi")] public string MessageVi { get; set; }
    }

    /// <summary>One signature of a verified PDF.</summary>
    public sealed class SignatureReport : JsonRecord
    {
        [JsonPropertyName("object")] public string Object { get; set; }
        [JsonPropertyName("offset")] public long Offset { get; set; }
        [JsonPropertyName("kind")] public string Kind { get; set; }
        [JsonPropertyName("sub_filter")] public string SubFilter { get; set; }

        /// <summary><c>TOTAL_PASSED</c>, <c>TOTAL_FAILED</c> or <c>INDETERMINATE</c>.</summary>
        [JsonPropertyName("indication")] public string Indication { get; set; }

        [JsonPropertyName("sub_indication")] public string SubIndication { get; set; }
        [JsonPropertyName("coverage")] public string Coverage { get; set; }
        [JsonPropertyName("signed_revision")] public int? SignedRevision { get; set; }
        [JsonPropertyName("signer")] public Signer Signer { get; set; }
        [JsonPropertyName("role")] public string Role { get; set; }
        [JsonPropertyName("signing_time")] public string SigningTime { get; set; }
        [JsonPropertyName("checks")] public List<SignatureCheck> Checks { get; set; }
    }

    /// <summary><see cref="Vanthu.VerifyPdf(string, string, VerifyOptions)"/>: every signature and the legal value.</summary>
    public sealed class VerifyReport : VanthuResult
    {
        [JsonPropertyName("form")] public string Form { get; set; }

        /// <summary><c>original</c>, <c>reference_only</c> or <c>invalid</c>.</summary>
        [JsonPropertyName("legal_value")] public string LegalValue { get; set; }

        [JsonPropertyName("signatures")] public List<SignatureReport> Signatures { get; set; }
        [JsonPropertyName("findings")] public List<Finding> Findings { get; set; }
    }

    /// <summary><see cref="Vanthu.SignPrepare"/>: what to sign; give it back to <see cref="Vanthu.SignFinish"/>
    /// unchanged (its <see cref="VanthuResult.Json"/> is what is passed).</summary>
    public sealed class SignPrepared : VanthuResult
    {
        /// <summary>How to sign <see cref="ToBeSigned"/>.</summary>
        [JsonPropertyName("scheme")] public string Scheme { get; set; }
        [JsonPropertyName("digest_algorithm")] public string DigestAlgorithm { get; set; }

        /// <summary>The DER signed attributes to sign, Base64.</summary>
        [JsonPropertyName("to_be_signed")] public string ToBeSigned { get; set; }

        /// <summary>Their digest, hex.</summary>
        [JsonPropertyName("digest")] public string Digest { get; set; }
    }

    /// <summary>The state of an office (<see cref="Office.Snapshot"/>, <see cref="ReplayReport.State"/>); the
    /// registers, documents and directory are in <see cref="JsonRecord.Extra"/>.</summary>
    public sealed class OfficeState : VanthuResult
    {
        [JsonPropertyName("agency")] public string Agency { get; set; }
        [JsonPropertyName("last_at")] public string LastAt { get; set; }
    }

    /// <summary>What an applied event makes the system do next (<see cref="Office.Apply"/>); its fields are in
    /// <see cref="JsonRecord.Extra"/>.</summary>
    public sealed class Effect : VanthuResult
    {
    }

    /// <summary><see cref="Vanthu.Replay"/>: a workflow event log replayed.</summary>
    public sealed class ReplayReport : VanthuResult
    {
        [JsonPropertyName("conformant")] public bool Conformant { get; set; }
        [JsonPropertyName("findings")] public List<Finding> Findings { get; set; }
        [JsonPropertyName("as_of")] public string AsOf { get; set; }
        [JsonPropertyName("state")] public OfficeState State { get; set; }
    }

    /// <summary><see cref="Vanthu.ArchiveCheck"/>: an archival package checked.</summary>
    public sealed class ArchiveReport : VanthuResult
    {
        [JsonPropertyName("conformant")] public bool Conformant { get; set; }
        [JsonPropertyName("kind")] public string Kind { get; set; }
        [JsonPropertyName("objid")] public string Objid { get; set; }
        [JsonPropertyName("files_checked")] public long FilesChecked { get; set; }
        [JsonPropertyName("bytes_checked")] public long BytesChecked { get; set; }
        [JsonPropertyName("findings")] public List<Finding> Findings { get; set; }
    }

    /// <summary><see cref="Vanthu.ArchivePack"/>: the archival package written.</summary>
    public sealed class PackResult : WrittenFile
    {
        [JsonPropertyName("objid")] public string Objid { get; set; }
        [JsonPropertyName("data_files")] public long DataFiles { get; set; }
    }

    /// <summary><see cref="Vanthu.Retention"/>: retention, transfer due dates and disposal state of a record; its
    /// fields are in <see cref="JsonRecord.Extra"/>.</summary>
    public sealed class RetentionReport : VanthuResult
    {
    }

    /// <summary><see cref="Vanthu.Due"/>: a deadline.</summary>
    public sealed class DueResult : VanthuResult
    {
        [JsonPropertyName("from")] public string From { get; set; }
        [JsonPropertyName("rule")] public string Rule { get; set; }
        [JsonPropertyName("urgent")] public bool Urgent { get; set; }
        [JsonPropertyName("due")] public string Due { get; set; }

        /// <summary>The not-received rule only: from when to chase the sender.</summary>
        [JsonPropertyName("chase_from")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string ChaseFrom { get; set; }
    }

    /// <summary>A date of the Vietnamese lunar calendar.</summary>
    public sealed class LunarDay : JsonRecord
    {
        [JsonPropertyName("day")] public int Day { get; set; }
        [JsonPropertyName("month")] public int Month { get; set; }
        [JsonPropertyName("year")] public int Year { get; set; }
        [JsonPropertyName("leap")] public bool Leap { get; set; }
        [JsonPropertyName("can_chi")] public string CanChi { get; set; }
    }

    /// <summary><see cref="Vanthu.Lunar"/>, <see cref="Vanthu.LunarToSolar"/>: a solar date and its lunar date.</summary>
    public sealed class LunarDate : VanthuResult
    {
        [JsonPropertyName("solar")] public string Solar { get; set; }
        [JsonPropertyName("lunar")] public LunarDay Lunar { get; set; }
    }

    /// <summary>A day off of <see cref="Vanthu.Calendar"/>.</summary>
    public sealed class Holiday : JsonRecord
    {
        [JsonPropertyName("date")] public string Date { get; set; }
        [JsonPropertyName("name")] public string Name { get; set; }
        [JsonPropertyName("name_en")] public string NameEn { get; set; }
        [JsonPropertyName("kind")] public string Kind { get; set; }
        [JsonPropertyName("estimated")] public bool Estimated { get; set; }
    }

    /// <summary><see cref="Vanthu.Calendar"/>: a year's days off and working days.</summary>
    public sealed class YearCalendar : VanthuResult
    {
        [JsonPropertyName("year")] public int Year { get; set; }
        [JsonPropertyName("estimated")] public bool Estimated { get; set; }
        [JsonPropertyName("source")] public string Source { get; set; }
        [JsonPropertyName("holidays")] public List<Holiday> Holidays { get; set; }
    }
}
