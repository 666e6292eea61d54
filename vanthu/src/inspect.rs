//! What a package says, in a few fields: the summary `vanthu inspect`
//! prints, for people and for programs.

use serde::{Deserialize, Serialize};
use vanthu_edxml::{Organization, Package, ReadOutput};
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
}

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
