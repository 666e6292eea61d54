//! What a package says, in a few fields: the summary `vanthu inspect`
//! prints, for people and for programs.

use std::io::{Cursor, Read, Seek};

use serde::{Deserialize, Serialize};
use vanthu_edxml::{FileKind, Organization, Package, ReadOutput, ZIP_MAGIC};
use vanthu_identifiers::{BusinessType, Finding};

/// An agency as a package names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Agency {
    /// `OrganId`.
    pub organ_id: Option<String>,
    /// `OrganName`.
    pub organ_name: Option<String>,
}

impl From<&Organization> for Agency {
    fn from(o: &Organization) -> Self {
        Self {
            organ_id: o.organ_id.clone(),
            organ_name: o.organ_name.clone(),
        }
    }
}

/// Number and symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Code {
    /// `CodeNumber`.
    pub number: Option<String>,
    /// `CodeNotation`.
    pub notation: Option<String>,
}

/// One attachment: as declared, and its decoded size and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AttachmentSummary {
    /// `ContentId`.
    pub content_id: Option<String>,
    /// `AttachmentName`.
    pub name: Option<String>,
    /// `ContentType`.
    pub content_type: Option<String>,
    /// Decoded size in bytes, when the package was read with digests.
    pub size: Option<u64>,
    /// SHA-256 of the decoded bytes (lower-case hex).
    pub sha256: Option<String>,
    /// Why the Base64 text could not be decoded.
    pub base64_error: Option<String>,
    /// For an attachment wrapped in a single-entry ZIP (the VNPT library
    /// wraps file types it does not know): the document inside, beside the
    /// transported ZIP that `size` and `sha256` describe. Filled by
    /// [`unwrap_attachments`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unwrapped: Option<Unwrapped>,
}

/// The document inside a ZIP-wrapped attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Unwrapped {
    /// The entry's name inside the ZIP (often a random UUID).
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// SHA-256 of its bytes (lower-case hex).
    pub sha256: String,
}

/// The largest ZIP-wrapped attachment [`unwrap_attachments`] opens (it is
/// decoded into memory to be read as a ZIP), and the largest entry it
/// unwraps: 64 MiB.
pub const MAX_UNWRAP_BYTES: u64 = 64 << 20;

/// A document package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentSummary {
    /// `DocumentId`.
    pub document_id: Option<String>,
    /// `From`.
    pub from: Option<Agency>,
    /// `To`, one per recipient.
    pub to: Vec<Agency>,
    /// `Code`.
    pub code: Option<Code>,
    /// `PromulgationInfo/PromulgationDate`.
    pub promulgation_date: Option<String>,
    /// `DocumentType/TypeName`.
    pub document_type: Option<String>,
    /// `Subject`.
    pub subject: Option<String>,
    /// `OtherInfo/Priority`.
    pub priority: Option<String>,
    /// `SteeringType`.
    pub steering_type: Option<String>,
    /// `Business/BusinessDocType`.
    pub business_doc_type: Option<String>,
    /// What the package does, from `BusinessDocType`: `new` (also when the
    /// element is absent), `revocation`, `update` or `replacement`; none for
    /// a code outside 0–3.
    pub business: Option<String>,
    /// The attachments, in order.
    pub attachments: Vec<AttachmentSummary>,
    /// What reading found.
    pub findings: Vec<Finding>,
}

/// What a status package answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Answered {
    /// `ResponseFor/OrganId`.
    pub organ_id: Option<String>,
    /// `ResponseFor/Code`.
    pub code: Option<String>,
    /// `ResponseFor/DocumentId`.
    pub document_id: Option<String>,
    /// `ResponseFor/PromulgationDate`.
    pub promulgation_date: Option<String>,
}

/// A status package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatusSummary {
    /// `StatusCode`.
    pub status_code: Option<String>,
    /// `Description`.
    pub description: Option<String>,
    /// `Timestamp`.
    pub timestamp: Option<String>,
    /// `From`.
    pub from: Option<Agency>,
    /// `ResponseFor`.
    pub response_for: Option<Answered>,
    /// What reading found.
    pub findings: Vec<Finding>,
}

/// The summary of a package, tagged by its `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Summary {
    /// A document package.
    Document(DocumentSummary),
    /// A status package.
    Status(StatusSummary),
    /// A kind of package this version does not summarise.
    Other,
}

/// The summary of a package as read (with
/// [`ReadOptions::digest`](vanthu_edxml::ReadOptions::digest) to get the
/// attachments' sizes and SHA-256).
#[must_use]
pub fn summary(read: &ReadOutput) -> Summary {
    match &read.package {
        Package::Document(d) => {
            let h = &d.header;
            let attachments = d
                .attachments
                .iter()
                .zip(&read.layout)
                .map(|(a, l)| AttachmentSummary {
                    content_id: a.content_id.clone(),
                    name: a.attachment_name.clone(),
                    content_type: a.content_type.clone(),
                    size: l.digest.map(|d| d.size),
                    sha256: l.digest.map(|d| d.sha256_hex()),
                    base64_error: l.base64_error.clone(),
                    unwrapped: None,
                })
                .collect();
            let business = d.trace.as_ref().and_then(|t| t.business.as_ref());
            Summary::Document(DocumentSummary {
                document_id: h.document_id.clone(),
                from: h.from.as_ref().map(Agency::from),
                to: h.to.iter().map(Agency::from).collect(),
                code: h.code.as_ref().map(|c| Code {
                    number: c.code_number.clone(),
                    notation: c.code_notation.clone(),
                }),
                promulgation_date: h
                    .promulgation_info
                    .as_ref()
                    .and_then(|p| p.promulgation_date.clone()),
                document_type: h.document_type.as_ref().and_then(|t| t.type_name.clone()),
                subject: h.subject.clone(),
                priority: h.other_info.as_ref().and_then(|o| o.priority.clone()),
                steering_type: h.steering_type.clone(),
                business_doc_type: business.and_then(|b| b.doc_type.clone()),
                business: match business.and_then(|b| b.doc_type.as_deref()) {
                    None => Some(BusinessType::New.name().to_owned()),
                    Some(code) => BusinessType::parse(code).map(|b| b.name().to_owned()),
                },
                attachments,
                findings: read.findings.clone(),
            })
        }
        Package::Status(s) => Summary::Status(StatusSummary {
            status_code: s.status_code.clone(),
            description: s.description.clone(),
            timestamp: s.timestamp.clone(),
            from: s.from.as_ref().map(Agency::from),
            response_for: s.response_for.as_ref().map(|r| Answered {
                organ_id: r.organ_id.clone(),
                code: r.code.clone(),
                document_id: r.document_id.clone(),
                promulgation_date: r.promulgation_date.clone(),
            }),
            findings: read.findings.clone(),
        }),
        _ => Summary::Other,
    }
}

impl Summary {
    /// This summary with other findings: `vanthu inspect` shows the findings
    /// of the whole check ([`crate::Checker`]), so that it counts what
    /// `vanthu check` counts.
    #[must_use]
    pub fn with_findings(mut self, findings: Vec<Finding>) -> Self {
        match &mut self {
            Self::Document(d) => d.findings = findings,
            Self::Status(s) => s.findings = findings,
            Self::Other => {}
        }
        self
    }
}

/// Fills [`AttachmentSummary::unwrapped`] for every attachment that is a ZIP
/// (by content: `read` made with
/// [`AttachmentMode::Scan`](vanthu_edxml::AttachmentMode::Scan), or its
/// bytes start with `PK\x03\x04`) whose name does not end in `.zip` and
/// that holds exactly one file, decoding it from `input` (the UTF-8 source
/// that was read) by seeking. Attachments without a decoded size (`read`
/// made without digests) or larger than [`MAX_UNWRAP_BYTES`], and ZIPs that
/// are no single-entry wrapper, are left as they are.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use std::io::Cursor;
/// use vanthu::edxml::{ReadOptions, read_with};
/// use vanthu::inspect::{Summary, summary, unwrap_attachments};
/// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../edxml/tests/vectors/sample.edxml"))?;
/// let read = read_with(&bytes[..], &ReadOptions::digest())?;
/// let mut s = summary(&read);
/// unwrap_attachments(&mut s, &read, Cursor::new(&bytes));
/// let Summary::Document(d) = s else { panic!() };
/// assert_eq!(d.attachments[0].unwrapped, None); // a PDF, not a ZIP
/// # Ok(())
/// # }
/// ```
pub fn unwrap_attachments<R: Read + Seek>(summary: &mut Summary, read: &ReadOutput, mut input: R) {
    let Summary::Document(d) = summary else {
        return;
    };
    for (index, attachment) in d.attachments.iter_mut().enumerate() {
        let named_zip = attachment
            .name
            .as_deref()
            .is_some_and(|n| n.to_ascii_lowercase().ends_with(".zip"));
        let layout = read.layout.get(index);
        let kind = layout.and_then(|l| l.scan.as_ref()).map(|s| s.kind);
        // The size bounds the memory: without a digest, nothing is decoded.
        let too_big = attachment.size.is_none_or(|s| s > MAX_UNWRAP_BYTES);
        if named_zip || too_big || kind.is_some_and(|k| k != FileKind::Zip) {
            continue;
        }
        let mut zip = Vec::new();
        let decoded = read.decode_attachment_from(&mut input, index, &mut zip);
        if decoded.is_err() || !zip.starts_with(ZIP_MAGIC) {
            continue;
        }
        if let Ok(entry) = vanthu_edxml::unwrap_single_entry_zip(
            Cursor::new(&zip),
            std::io::sink(),
            MAX_UNWRAP_BYTES,
        ) {
            attachment.unwrapped = Some(Unwrapped {
                name: entry.entry_name,
                size: entry.digest.size,
                sha256: entry.digest.sha256_hex(),
            });
        }
    }
}
