//! The owned, serde-serialisable model of edXML document and status packages.
//!
//! Element names follow QCVN 102:2016/BTTTT as implemented by the VPCP/VNPT
//! reference library (`docs/edxml.md` §2–§8, `docs/status.md` §1). The model holds *content*,
//! not syntax: prefixes, the `Business`/`Bussiness` spelling, the status
//! wrapper and the date order are normalised by the reader (and reported as
//! findings), so that reading, writing and reading again gives the same model.
//!
//! Leaf values are `Option<String>`: `None` is an absent element, `Some("")`
//! an empty one. Identifier-valued fields hold the text as read; validation
//! checks their shape. Elements, attributes, comments and processing
//! instructions the model does not know are kept in [`Extras`] on the nearest
//! known parent, in document order; those inside a known child that the model
//! holds as a value or a list (`Subject`, `ToPlaces`) in [`Extras::children`].
//! Comments and processing instructions before and after the root element
//! are kept in [`PackageExtras::prolog`] and [`PackageExtras::epilog`].

use serde::{Deserialize, Serialize};

/// The edXML namespace of QCVN 102:2016/BTTTT.
pub const EDXML_NS: &str = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

/// An edXML package: a document or a status (feedback) package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Package {
    /// A document package (`MessageHeader` with `To`, trace list, attachments).
    Document(Box<DocumentPackage>),
    /// A status package (`StatusCode`, `ResponseFor`, …).
    Status(Box<StatusPackage>),
}

impl Package {
    /// `"document"` or `"status"`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Document(_) => "document",
            Self::Status(_) => "status",
        }
    }

    /// The document package, if this is one.
    #[must_use]
    pub fn as_document(&self) -> Option<&DocumentPackage> {
        match self {
            Self::Document(d) => Some(d),
            Self::Status(_) => None,
        }
    }

    /// The status package, if this is one.
    #[must_use]
    pub fn as_status(&self) -> Option<&StatusPackage> {
        match self {
            Self::Status(s) => Some(s),
            Self::Document(_) => None,
        }
    }
}

/// An attribute of an element the model keeps generically.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct XmlAttribute {
    /// Namespace URI, `None` for an unqualified attribute.
    pub namespace: Option<String>,
    /// Prefix as read (kept for namespaces other than edXML).
    pub prefix: Option<String>,
    /// Local name.
    pub name: String,
    /// Value, unescaped.
    pub value: String,
}

impl XmlAttribute {
    /// An unqualified attribute.
    #[must_use]
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            namespace: None,
            prefix: None,
            name: name.into(),
            value: value.into(),
        }
    }
}

/// Content of a generic element: an element, text, a comment or a
/// processing instruction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum XmlContent {
    /// A child element.
    Element(XmlNode),
    /// Text, unescaped. Whitespace-only text between child elements is not kept.
    Text(String),
    /// A comment: the text between `<!--` and `-->`, as read. The writer
    /// refuses text that XML 1.0 §2.5 forbids there (`--`, a final `-`).
    Comment(String),
    /// A processing instruction: the text between `<?` and `?>` (target,
    /// then data), as read. The writer refuses `?>` in it and the reserved
    /// target `xml` (XML 1.0 §2.6).
    ProcessingInstruction(String),
}

/// An element the model does not know, kept generically so that nothing is
/// lost on rewrite.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct XmlNode {
    /// Namespace URI; the edXML namespace for unknown edXML elements.
    pub namespace: Option<String>,
    /// Prefix as read, kept for namespaces other than edXML (`None` for edXML).
    pub prefix: Option<String>,
    /// Local name.
    pub name: String,
    /// Attributes in document order (namespace declarations excluded).
    pub attributes: Vec<XmlAttribute>,
    /// Children in document order.
    pub children: Vec<XmlContent>,
}

impl XmlNode {
    /// An element in the edXML namespace with text content (no child at
    /// all for empty text: the reader never produces empty text children).
    #[must_use]
    pub fn edxml_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            namespace: Some(EDXML_NS.to_owned()),
            prefix: None,
            name: name.into(),
            attributes: Vec::new(),
            children: if text.is_empty() {
                Vec::new()
            } else {
                vec![XmlContent::Text(text)]
            },
        }
    }
}

/// Content the model does not know (an unknown element, a comment, a
/// processing instruction) and where it was: after the known sibling element
/// named `after`, or first when `None`. `index` says after which one of
/// the siblings of that name (0-based) in list elements (`ToPlaces`,
/// `Appendixes`, …); `None` means after the last one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extension {
    /// Local name of the preceding known sibling, if any.
    pub after: Option<String>,
    /// Which sibling named `after` precedes, 0-based; `None` for the last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// The content: an element, a comment or a processing instruction
    /// (text is never an extension).
    pub item: XmlContent,
}

impl Extension {
    /// An unknown element placed after the known sibling `after`.
    #[must_use]
    pub fn new(after: Option<&str>, node: XmlNode) -> Self {
        Self::content(after, XmlContent::Element(node))
    }

    /// Any content placed after the known sibling `after`.
    #[must_use]
    pub fn content(after: Option<&str>, item: XmlContent) -> Self {
        Self {
            after: after.map(str::to_owned),
            index: None,
            item,
        }
    }

    /// The same extension placed after the `index`-th (0-based) sibling
    /// named `after`.
    #[must_use]
    pub fn at_index(mut self, index: usize) -> Self {
        self.index = Some(index);
        self
    }
}

/// What the model does not know about a known child element that it holds
/// as a plain value or a list of values (`Subject`, `ToPlaces`,
/// `ReceiverList`, …): its attributes, and the unknown elements, comments and
/// processing instructions inside it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChildExtras {
    /// Local name of the child element.
    pub name: String,
    /// Which child of that name, 0-based (`To` and list items repeat).
    #[serde(default)]
    pub index: usize,
    /// Its unknown content. Inside a value element, extensions follow the
    /// value's text.
    pub extras: Extras,
}

impl ChildExtras {
    /// The extras of the `index`-th child element named `name`.
    #[must_use]
    pub fn new(name: impl Into<String>, index: usize, extras: Extras) -> Self {
        Self {
            name: name.into(),
            index,
            extras,
        }
    }
}

/// Unknown attributes and elements of a known element.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extras {
    /// Unknown attributes, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<XmlAttribute>,
    /// Unknown child elements, comments and processing instructions, in
    /// document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<Extension>,
    /// Extras of known children held as plain values or lists, in document
    /// order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<ChildExtras>,
}

impl Extras {
    /// True when nothing unknown was kept.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.attributes.is_empty() && self.elements.is_empty() && self.children.is_empty()
    }

    /// The extras of the `index`-th known child named `name`, if any.
    #[must_use]
    pub fn child(&self, name: &str, index: usize) -> Option<&Extras> {
        self.children
            .iter()
            .find(|c| c.name == name && c.index == index)
            .map(|c| &c.extras)
    }
}

/// An organisation: `From`, `To` (QCVN 102:2016 "Organization").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Organization {
    /// `OrganId`: agency identifier (mã định danh), e.g. `000.00.00.G22`.
    pub organ_id: Option<String>,
    /// `OrganizationInCharge`: the governing body (cơ quan chủ quản).
    pub organization_in_charge: Option<String>,
    /// `OrganName`.
    pub organ_name: Option<String>,
    /// `OrganAdd`: address.
    pub organ_add: Option<String>,
    /// `Email`.
    pub email: Option<String>,
    /// `Telephone`.
    pub telephone: Option<String>,
    /// `Fax`.
    pub fax: Option<String>,
    /// `Website`.
    pub website: Option<String>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

impl Organization {
    /// An organisation with an id and a name.
    #[must_use]
    pub fn new(organ_id: impl Into<String>, organ_name: impl Into<String>) -> Self {
        Self {
            organ_id: Some(organ_id.into()),
            organ_name: Some(organ_name.into()),
            ..Self::default()
        }
    }
}

/// `Code`: the document's number and notation (số, ký hiệu).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Code {
    /// `CodeNumber`, e.g. `7816`.
    pub code_number: Option<String>,
    /// `CodeNotation`, e.g. `VPCP-TTĐT`.
    pub code_notation: Option<String>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `PromulgationInfo`: place and date of issue.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PromulgationInfo {
    /// `Place`.
    pub place: Option<String>,
    /// `PromulgationDate`, canonical `yyyy/MM/dd` when it could be read as a date.
    pub promulgation_date: Option<String>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `DocumentType`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentType {
    /// `Type` (integer code, meaning not public; samples use `1`).
    pub type_code: Option<String>,
    /// `TypeDetail`.
    pub type_detail: Option<String>,
    /// `TypeName`, e.g. `Công văn`.
    pub type_name: Option<String>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

impl DocumentType {
    /// A document type with its code and name, e.g. `("1", "Công văn")`,
    /// and an empty `TypeDetail` (the reference writer always writes it).
    #[must_use]
    pub fn new(type_code: impl Into<String>, type_name: impl Into<String>) -> Self {
        Self {
            type_code: Some(type_code.into()),
            type_detail: Some(String::new()),
            type_name: Some(type_name.into()),
            ..Self::default()
        }
    }
}

/// `SignerInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SignerInfo {
    /// `Competence`: signing authority (`TL.`, `KT.`, `Q.`).
    pub competence: Option<String>,
    /// `Position`.
    pub position: Option<String>,
    /// `FullName`.
    pub full_name: Option<String>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `OtherInfo`, including the VNPT extensions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OtherInfo {
    /// `Priority` 0–4 (độ khẩn).
    pub priority: Option<String>,
    /// `SphereOfPromulgation`.
    pub sphere_of_promulgation: Option<String>,
    /// `TyperNotation`.
    pub typer_notation: Option<String>,
    /// `PromulgationAmount`.
    pub promulgation_amount: Option<String>,
    /// `PageAmount`.
    pub page_amount: Option<String>,
    /// `ReplyFors` (VNPT extension).
    pub reply_fors: Option<String>,
    /// `Direction` (VNPT extension, `true`/`false`).
    pub direction: Option<String>,
    /// `ReferenceCodes` (VNPT extension).
    pub reference_codes: Option<String>,
    /// `Appendixes/Appendix`; `Some(vec![])` for an empty `Appendixes`.
    pub appendixes: Option<Vec<String>>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `ResponseFor`: the document this package answers or concerns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ResponseFor {
    /// `OrganId`.
    pub organ_id: Option<String>,
    /// `Code`: combined `CodeNumber/CodeNotation`.
    pub code: Option<String>,
    /// `DocumentId`.
    pub document_id: Option<String>,
    /// `PromulgationDate`, canonical `yyyy/MM/dd` when readable.
    pub promulgation_date: Option<String>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `MessageHeader` of a document package (`docs/edxml.md` §2, §4).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MessageHeader {
    /// `From`.
    pub from: Option<Organization>,
    /// `To`, one per recipient.
    pub to: Vec<Organization>,
    /// `DocumentId`: `OrganId,yyyy/MM/dd,Number/Notation`.
    pub document_id: Option<String>,
    /// `Code`.
    pub code: Option<Code>,
    /// `PromulgationInfo`.
    pub promulgation_info: Option<PromulgationInfo>,
    /// `DocumentType`.
    pub document_type: Option<DocumentType>,
    /// `Subject` (trích yếu).
    pub subject: Option<String>,
    /// `Content`.
    pub content: Option<String>,
    /// `SignerInfo`.
    pub signer_info: Option<SignerInfo>,
    /// `DueDate`, canonical `yyyy/MM/dd` when readable.
    pub due_date: Option<String>,
    /// `OtherInfo`.
    pub other_info: Option<OtherInfo>,
    /// `ResponseFor`, zero or more.
    pub response_for: Vec<ResponseFor>,
    /// `SteeringType` 0–2.
    pub steering_type: Option<String>,
    /// `ResponseForTask/TaskCode` (VNPT extension).
    pub response_for_task: Option<Vec<String>>,
    /// `ApplicationType` (VNPT extension).
    pub application_type: Option<String>,
    /// `ToPlaces/Place`.
    pub to_places: Option<Vec<String>>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `TraceHeader`: one hop.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TraceHeader {
    /// `OrganId`.
    pub organ_id: Option<String>,
    /// `Timestamp`, canonical `yyyy/MM/dd HH:mm:ss` when readable (Vietnam time).
    pub timestamp: Option<String>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `StaffInfo`: the clerk who handled the package.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StaffInfo {
    /// `Department`.
    pub department: Option<String>,
    /// `Staff`.
    pub staff: Option<String>,
    /// `Email`.
    pub email: Option<String>,
    /// `Mobile`.
    pub mobile: Option<String>,
    /// `DepartmentId` (VNPT extension).
    pub department_id: Option<String>,
    /// `StaffId` (VNPT extension).
    pub staff_id: Option<String>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `Receiver` of an update (`ReceiverType` 0 removed, 1 added).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Receiver {
    /// `OrganId`.
    pub organ_id: Option<String>,
    /// `ReceiverType`.
    pub receiver_type: Option<String>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `BussinessDocumentInfo` (business type 2, update).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BusinessDocumentInfo {
    /// `DocumentInfo` 0/1: the metadata changes.
    pub document_info: Option<String>,
    /// `DocumentReceiver` 0/1: the receiver list changes.
    pub document_receiver: Option<String>,
    /// `ReceiverList/Receiver`.
    pub receiver_list: Option<Vec<Receiver>>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `ReplacementInfo` (business type 3, replace).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReplacementInfo {
    /// `DocumentId` of the replaced document.
    pub document_id: Option<String>,
    /// `OrganIdList/OrganId`: who received the replaced document.
    pub organ_id_list: Option<Vec<String>>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `Bussiness` (sic): the business block of the trace list, types 0–3.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Business {
    /// `DocumentId` of the earlier document concerned.
    pub document_id: Option<String>,
    /// `BussinessDocType`: 0 new, 1 revoke, 2 update, 3 replace.
    pub doc_type: Option<String>,
    /// `BussinessDocReason`.
    pub doc_reason: Option<String>,
    /// `Paper`: 0/1, a paper copy is also sent.
    pub paper: Option<String>,
    /// `BussinessDocumentInfo`.
    pub document_info: Option<BusinessDocumentInfo>,
    /// `ReplacementInfoList/ReplacementInfo`.
    pub replacement_info_list: Option<Vec<ReplacementInfo>>,
    /// `StaffInfo`.
    pub staff_info: Option<StaffInfo>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `TraceHeaderList`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TraceHeaderList {
    /// `TraceHeader`s in document order.
    pub trace_headers: Vec<TraceHeader>,
    /// `Bussiness` / `Business`.
    pub business: Option<Business>,
    /// Unknown content, including attributes such as `id` and `version`.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// A namespace binding (`xmlns[:prefix]="uri"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NamespaceBinding {
    /// The prefix; `None` for the default namespace.
    pub prefix: Option<String>,
    /// The URI.
    pub uri: String,
}

/// `Signature`, kept opaque and byte-faithful.
///
/// The signatures in circulation are not verifiable XML-DSig (they are in
/// the edXML namespace and carry placeholder values, `docs/edxml.md`
/// §2), so the subtree is kept as its exact source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signature {
    /// The exact XML text of the element, from `<` to the end tag.
    pub raw: String,
    /// Namespace bindings in scope where it was read, so that prefixes used
    /// inside stay bound when it is written elsewhere.
    pub scope: Vec<NamespaceBinding>,
}

impl Signature {
    /// A signature from its XML text, written in the default (edXML) scope.
    #[must_use]
    pub fn from_raw(raw: impl Into<String>) -> Self {
        Self {
            raw: raw.into(),
            scope: Vec::new(),
        }
    }
}

/// `Reference` of the manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reference {
    /// `ContentId` without any `cid:` prefix.
    pub content_id: Option<String>,
    /// `ContentType`.
    pub content_type: Option<String>,
    /// `Description`.
    pub description: Option<String>,
    /// `AttachmentName`.
    pub attachment_name: Option<String>,
    /// Unknown content (e.g. `xlink:href` attributes).
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// `edXMLManifest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Manifest {
    /// The `version` attribute (`1.0`).
    pub version: Option<String>,
    /// `Reference`s.
    pub references: Vec<Reference>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// The children of `Attachment`, in the order of the reference writer.
pub(crate) const ATTACHMENT_CHILDREN: [&str; 8] = [
    "ContentId",
    "AttachmentName",
    "Description",
    "FieldName",
    "MimeType",
    "Format",
    "ContentType",
    "ContentTransferEncoded",
];

/// `AttachmentEncoded/Attachment`: the metadata of one attachment. Its
/// content is not part of the model: see [`Layout`](crate::AttachmentLayout).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// `ContentId` without any `cid:` prefix.
    pub content_id: Option<String>,
    /// `AttachmentName`: the file name.
    pub attachment_name: Option<String>,
    /// `Description`.
    pub description: Option<String>,
    /// `FieldName` (VNPT).
    pub field_name: Option<String>,
    /// `MimeType` (VNPT).
    pub mime_type: Option<String>,
    /// `Format` (recognised by the VNPT reader).
    pub format: Option<String>,
    /// `ContentType`.
    pub content_type: Option<String>,
    /// Unknown content.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
}

/// Unknown content outside the known blocks of a package (document or
/// status), including what stands outside the root element.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PackageExtras {
    /// Comments and processing instructions between the XML declaration
    /// and the root element, in document order. Only
    /// [`XmlContent::Comment`] and [`XmlContent::ProcessingInstruction`]
    /// may stand there (XML 1.0 §2.8 `Misc`): the writer refuses anything
    /// else. The XML declaration itself is not one of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prolog: Vec<XmlContent>,
    /// Comments and processing instructions after the root element's end
    /// tag, in document order; the same rules as [`prolog`](Self::prolog).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub epilog: Vec<XmlContent>,
    /// On the root `edXML`.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub root: Extras,
    /// On `edXMLEnvelope`.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub envelope: Extras,
    /// On `edXMLHeader`.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub header: Extras,
    /// On `edXMLBody`.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub body: Extras,
    /// On `AttachmentEncoded`.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub attachment_encoded: Extras,
}

impl PackageExtras {
    /// True when nothing unknown was kept.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.prolog.is_empty()
            && self.epilog.is_empty()
            && self.root.is_empty()
            && self.envelope.is_empty()
            && self.header.is_empty()
            && self.body.is_empty()
            && self.attachment_encoded.is_empty()
    }
}

/// A document package.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentPackage {
    /// `MessageHeader`.
    pub header: MessageHeader,
    /// `TraceHeaderList`.
    pub trace: Option<TraceHeaderList>,
    /// `Signature`, opaque.
    pub signature: Option<Signature>,
    /// `edXMLBody/edXMLManifest`.
    pub manifest: Option<Manifest>,
    /// `AttachmentEncoded/Attachment` metadata, in document order.
    pub attachments: Vec<Attachment>,
    /// Whether `AttachmentEncoded` was present (it may be empty).
    pub attachment_encoded: bool,
    /// Unknown content outside the known blocks.
    #[serde(default, skip_serializing_if = "PackageExtras::is_empty")]
    pub extras: PackageExtras,
}

/// A status package (`docs/status.md` §1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatusPackage {
    /// `From`: who reports the status.
    pub from: Option<Organization>,
    /// `ResponseFor`: the document concerned and the organ addressed.
    pub response_for: Option<ResponseFor>,
    /// `StaffInfo`.
    pub staff_info: Option<StaffInfo>,
    /// `StatusCode`: two digits (01–06, 13, 15, 16).
    pub status_code: Option<String>,
    /// `Description`.
    pub description: Option<String>,
    /// `Timestamp`, canonical `yyyy/MM/dd HH:mm:ss` when readable (Vietnam time).
    pub timestamp: Option<String>,
    /// Unknown content of the status header.
    #[serde(default, skip_serializing_if = "Extras::is_empty")]
    pub extras: Extras,
    /// Unknown content outside the status header.
    #[serde(default, skip_serializing_if = "PackageExtras::is_empty")]
    pub package_extras: PackageExtras,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment_after(after: &str, index: usize) -> Extension {
        Extension::content(Some(after), XmlContent::Comment(" c ".to_owned())).at_index(index)
    }

    #[test]
    fn child_extras_are_found_by_name_and_index() {
        let mut extras = Extras::default();
        assert!(extras.is_empty());
        let mut place = Extras::default();
        place.attributes.push(XmlAttribute::new("lang", "vi"));
        extras
            .children
            .push(ChildExtras::new("Place", 1, place.clone()));
        assert!(!extras.is_empty());
        assert_eq!(extras.child("Place", 1), Some(&place));
        assert_eq!(extras.child("Place", 0), None);
        assert_eq!(extras.child("Subject", 1), None);
    }

    #[test]
    fn extensions_hold_any_markup_and_an_optional_index() {
        let e = Extension::new(None, XmlNode::edxml_text("Note", "x"));
        assert_eq!(e.index, None);
        assert!(matches!(e.item, XmlContent::Element(ref n) if n.name == "Note"));
        let e = comment_after("Place", 2);
        assert_eq!(e.after.as_deref(), Some("Place"));
        assert_eq!(e.index, Some(2));
    }

    #[test]
    fn serde_keeps_new_fields_and_reads_old_json() {
        let mut extras = Extras::default();
        extras.elements.push(comment_after("Place", 0));
        extras.elements.push(Extension::content(
            None,
            XmlContent::ProcessingInstruction("app x".to_owned()),
        ));
        let mut subject = Extras::default();
        subject.attributes.push(XmlAttribute::new("foo", "1"));
        extras
            .children
            .push(ChildExtras::new("Subject", 0, subject));
        let json = serde_json::to_string(&extras).unwrap();
        let back: Extras = serde_json::from_str(&json).unwrap();
        assert_eq!(back, extras);
        // Without the optional `index` and `children`.
        let old = r#"{"elements":[{"after":"Subject","item":{"Element":{"namespace":null,"prefix":null,"name":"X","attributes":[],"children":[]}}}]}"#;
        let old: Extras = serde_json::from_str(old).unwrap();
        assert_eq!(old.elements[0].index, None);
        assert!(old.children.is_empty());
        // Empty extras serialise to nothing.
        assert_eq!(serde_json::to_string(&Extras::default()).unwrap(), "{}");
    }
}
