//! A document's metadata (Decree 30/2020/NĐ-CP Appendix VI Tables I–II and
//! the Circular 05/2025/TT-BNV `EAD_doc` set) and its checks.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use vanthu_identifiers::{DocumentType, Finding, Location};

use crate::codes::{AccessMode, Condition, Direction, Language, Reliability};
use crate::rules;

/// Signer of a document (Appendix VI `SignerInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signer {
    /// Title (`Position`, ≤100).
    pub position: String,
    /// Full name (`FullName`, ≤50).
    pub full_name: String,
}

/// A recipient of an outgoing document (Appendix VI Table I `To`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Recipient {
    /// Agency identifier (`OrganId`, 13), when the recipient has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organ_id: Option<String>,
    /// Agency name (`OrganName`, ≤200).
    pub organ_name: String,
}

/// Draft or final: drafts are removed when a record is closed (Decree
/// 30/2020/NĐ-CP Art. 29.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DocumentStatus {
    /// The issued or received document.
    #[default]
    Final,
    /// A draft (*bản thảo*).
    Draft,
}

/// Metadata of one document: Decree 30/2020/NĐ-CP Appendix VI Tables I
/// (outgoing) and II (incoming), with the Circular 05/2025 `EAD_doc` fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// TT05 `docId` (≤25), e.g. `H49.64.33.2001.160.1`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
    /// Outgoing or incoming.
    #[serde(default)]
    pub direction: Direction,
    /// Final or draft.
    #[serde(default)]
    pub status: DocumentStatus,
    /// Type (`TypeName`; TT05 code 01–32).
    pub doc_type: DocumentType,
    /// Number (`CodeNumber`, ≤11), e.g. `182`.
    pub code_number: String,
    /// Symbol (`CodeNotation`, ≤30), e.g. `QĐ-LĐTBXH`.
    pub code_notation: String,
    /// Date of the document (`IssuedDate`).
    pub issued_date: NaiveDate,
    /// Issuing agency name (`OrganName`, ≤200).
    pub organ_name: String,
    /// Subject (*trích yếu*, `Subject`, ≤500).
    pub subject: String,
    /// Languages (`Language`).
    #[serde(default = "default_languages")]
    pub languages: Vec<Language>,
    /// Page count (`PageAmount`).
    #[serde(default)]
    pub page_count: u32,
    /// Signer (`SignerInfo`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<Signer>,
    /// Access regime (TT05 `mode`).
    #[serde(default = "default_mode")]
    pub access: AccessMode,
    /// Reliability (TT05 `confidenceLevel`).
    #[serde(default = "default_reliability")]
    pub reliability: Reliability,
    /// Arrival number (`ArrivalNumber`, incoming only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrival_number: Option<u32>,
    /// Arrival date (`ArrivalDate`, incoming only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrival_date: Option<NaiveDate>,
    /// Recipients (`To`, outgoing only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Recipient>,
    /// Number of copies issued (`IssuedAmount`, outgoing only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_amount: Option<u32>,
    /// Urgency / confidentiality code (`Priority`, Number(1)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
    /// Unit or person receiving (`ToPlaces`, incoming only, ≤1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_places: Option<String>,
    /// Distribution, directions and processing status (`TraceHeaderList`,
    /// incoming only), as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<String>,
    /// Handling or reply deadline (`DueDate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
    /// Keywords (TT05 `keyword`, ≤100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// Handwritten annotations (TT05 `autograph`, ≤2000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autograph: Option<String>,
    /// Physical condition (TT05 `format`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// A processing-history file is attached (TT05 `process`).
    #[serde(default)]
    pub process: bool,
    /// Note (`Description`, ≤500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

pub(super) fn default_languages() -> Vec<Language> {
    vec![Language::Vietnamese]
}
pub(super) const fn default_mode() -> AccessMode {
    AccessMode::Public
}
pub(super) const fn default_reliability() -> Reliability {
    Reliability::BornDigital
}

impl Document {
    /// A final outgoing document in Vietnamese, public, born digital.
    #[must_use]
    pub fn new(
        doc_type: DocumentType,
        code_number: impl Into<String>,
        code_notation: impl Into<String>,
        issued_date: NaiveDate,
        organ_name: impl Into<String>,
        subject: impl Into<String>,
    ) -> Self {
        Self {
            doc_id: None,
            direction: Direction::Outgoing,
            status: DocumentStatus::Final,
            doc_type,
            code_number: code_number.into(),
            code_notation: code_notation.into(),
            issued_date,
            organ_name: organ_name.into(),
            subject: subject.into(),
            languages: default_languages(),
            page_count: 0,
            signer: None,
            access: AccessMode::Public,
            reliability: Reliability::BornDigital,
            arrival_number: None,
            arrival_date: None,
            recipients: Vec::new(),
            issued_amount: None,
            priority: None,
            to_places: None,
            trace: None,
            due_date: None,
            keyword: None,
            autograph: None,
            condition: None,
            process: false,
            description: None,
        }
    }

    /// The duplicate key of Appendix VI Part I.III 1.h: number, symbol and
    /// issuing agency name (with the date, since numbers restart yearly).
    /// Without a number (some incoming documents), the subject is compared
    /// too, so that two unnumbered documents of one day are not taken for
    /// copies of each other.
    pub(super) fn duplicate_key(&self) -> (String, String, String, NaiveDate, String) {
        let number = self.code_number.trim().to_owned();
        let subject = if number.is_empty() {
            self.subject.trim().to_lowercase()
        } else {
            String::new()
        };
        (
            number,
            self.code_notation.trim().to_owned(),
            self.organ_name.trim().to_lowercase(),
            self.issued_date,
            subject,
        )
    }

    /// Checks field lengths and required fields of Appendix VI Tables I–II.
    #[must_use]
    pub fn validate(&self, path: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let limits: [(&str, &str, usize, bool); 7] = [
            ("CodeNumber", &self.code_number, 11, false),
            ("CodeNotation", &self.code_notation, 30, false),
            ("OrganName", &self.organ_name, 200, true),
            ("Subject", &self.subject, 500, true),
            (
                "Description",
                self.description.as_deref().unwrap_or(""),
                500,
                false,
            ),
            ("docId", self.doc_id.as_deref().unwrap_or(""), 25, false),
            (
                "ToPlaces",
                self.to_places.as_deref().unwrap_or(""),
                1000,
                false,
            ),
        ];
        for (name, value, max, required) in limits {
            let n = value.chars().count();
            if n > max {
                out.push(rules::DOC_TOO_LONG.custom(
                    format!("{name} has {n} characters, at most {max} allowed"),
                    format!("{name} có {n} ký tự, tối đa {max}"),
                    Location::at_path(format!("{path}/{name}")),
                ));
            }
            if required && value.trim().is_empty() {
                out.push(rules::DOC_REQUIRED.custom(
                    format!("{name} is required"),
                    format!("thiếu {name}"),
                    Location::at_path(format!("{path}/{name}")),
                ));
            }
        }
        if self.direction == Direction::Incoming && self.arrival_number.is_none() {
            out.push(rules::DOC_NO_ARRIVAL_NUMBER.custom(
                "incoming document has no arrival number",
                "văn bản đến chưa có số đến",
                Location::at_path(format!("{path}/ArrivalNumber")),
            ));
        }
        if self.languages.is_empty() {
            out.push(rules::DOC_REQUIRED.custom(
                "Language is required",
                "thiếu Language",
                Location::at_path(format!("{path}/Language")),
            ));
        }
        out
    }
}

/// Caller-chosen key of a document in [`Records`](super::Records), e.g. the system's UUID.
/// Records refer to documents by key: one document can be filed in several
/// records without being copied (Appendix VI Part I.III 4.e).
pub type DocumentKey = String;
