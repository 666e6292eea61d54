//! Records (*hồ sơ*) and the documents filed in them: the metadata of Decree
//! 30/2020/NĐ-CP Appendix VI (Tables I–III) and of the Circular 05/2025/TT-BNV
//! file- and document-level sets; opening, filing, closing and the
//! chronological XML export.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use chrono::NaiveDate;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde::{Deserialize, Serialize};
use vanthu_identifiers::{DocumentType, Finding, Location, RecordCode, Retention};

use crate::codes::{AccessMode, Condition, Direction, Language, Reliability};
use crate::error::ArchiveError;
use crate::list::RecordsList;
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

fn default_languages() -> Vec<Language> {
    vec![Language::Vietnamese]
}
const fn default_mode() -> AccessMode {
    AccessMode::Public
}
const fn default_reliability() -> Reliability {
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
    fn duplicate_key(&self) -> (String, String, String, NaiveDate, String) {
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

/// Caller-chosen key of a document in [`Records`], e.g. the system's UUID.
/// Records refer to documents by key: one document can be filed in several
/// records without being copied (Appendix VI Part I.III 4.e).
pub type DocumentKey = String;

/// File-level metadata: Appendix VI Table III and the TT05 `SIP_hoso` set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecordMetadata {
    /// Record code (`FileCode`).
    pub code: RecordCode,
    /// Title (`Title`, ≤500 in Decree 30, ≤1000 in TT05).
    pub title: String,
    /// Retention (`Maintenance`).
    pub retention: Retention,
    /// Access regime (`Rights`, TT05 `mode`).
    #[serde(default = "default_mode")]
    pub access: AccessMode,
    /// Person who builds the record (`Creator`).
    pub creator: String,
    /// Languages.
    #[serde(default = "default_languages")]
    pub languages: Vec<Language>,
    /// Start date (`StartDate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    /// End date (`EndDate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<NaiveDate>,
    /// Number of documents (`DocTotal`), set on closing.
    #[serde(default)]
    pub doc_total: u32,
    /// Number of pages (`PageTotal`), set on closing.
    #[serde(default)]
    pub page_total: u32,
    /// Number of sheets (TT05 `numberOfPaper`), for paper or mixed records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet_total: Option<u32>,
    /// Keywords (TT05 `keyword`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// Information code (TT05 `inforSign`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info_sign: Option<String>,
    /// Physical condition (TT05 `format`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// Reliability (TT05 `confidenceLevel`).
    #[serde(default = "default_reliability")]
    pub reliability: Reliability,
    /// Code of the original paper record (TT05 `paperFileCode`; required
    /// for digitised records).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper_file_code: Option<String>,
    /// A backup copy is kept (TT05 `riskRecovery`).
    #[serde(default)]
    pub risk_recovery: bool,
    /// The backup is done (TT05 `riskRecoveryStatus` 01) or not yet (02).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_recovery_done: Option<bool>,
    /// Note (`Description`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl RecordMetadata {
    /// Metadata with the required fields; the rest empty or defaulted.
    #[must_use]
    pub fn new(
        code: RecordCode,
        title: impl Into<String>,
        retention: Retention,
        creator: impl Into<String>,
    ) -> Self {
        Self {
            code,
            title: title.into(),
            retention,
            access: AccessMode::Public,
            creator: creator.into(),
            languages: default_languages(),
            start_date: None,
            end_date: None,
            doc_total: 0,
            page_total: 0,
            sheet_total: None,
            keyword: None,
            info_sign: None,
            condition: None,
            reliability: Reliability::BornDigital,
            paper_file_code: None,
            risk_recovery: false,
            risk_recovery_done: None,
            description: None,
        }
    }

    /// Checks the TT05 and Appendix VI Table III constraints.
    #[must_use]
    pub fn validate(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.title.trim().is_empty() {
            out.push(rules::REC_NO_TITLE.custom(
                "record has no title",
                "hồ sơ chưa có tiêu đề",
                Location::at_path("Title"),
            ));
        }
        let n = self.title.chars().count();
        if n > 1000 {
            out.push(rules::REC_TITLE_TOO_LONG.custom(
                format!("title has {n} characters, at most 1000 allowed"),
                format!("tiêu đề có {n} ký tự, tối đa 1000"),
                Location::at_path("Title"),
            ));
        }
        if let (Some(s), Some(e)) = (self.start_date, self.end_date)
            && s > e
        {
            out.push(rules::REC_DATES_REVERSED.custom(
                format!("start date {s} is after end date {e}"),
                format!("ngày bắt đầu {s} sau ngày kết thúc {e}"),
                Location::at_path("StartDate"),
            ));
        }
        if self.reliability == Reliability::Digitised && self.paper_file_code.is_none() {
            out.push(rules::REC_NO_PAPER_CODE.custom(
                "a digitised record needs the code of its paper original (paperFileCode)",
                "hồ sơ số hóa phải có mã hồ sơ giấy gốc (paperFileCode)",
                Location::at_path("paperFileCode"),
            ));
        }
        out
    }
}

/// Whether the record is still being built or closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
#[non_exhaustive]
pub enum RecordState {
    /// Documents are still being filed.
    Open,
    /// Closed (*kết thúc hồ sơ*) on this date.
    Closed {
        /// Date of closing.
        on: NaiveDate,
    },
}

/// A document filed in a record at a position (`DocOrdinal`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Filed {
    /// Key of the document in [`Records`].
    pub key: DocumentKey,
    /// Position in the record, from 1.
    pub ordinal: u32,
}

/// A record: its metadata, its documents (by key) and its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Record {
    /// Metadata.
    pub metadata: RecordMetadata,
    /// Documents in filing order.
    pub documents: Vec<Filed>,
    /// Open or closed.
    pub state: RecordState,
    /// False when opened outside the records list: it then needs the
    /// approval of Decree 30/2020 Art. 29.1 (003 Art. 19.1).
    pub listed: bool,
    /// For an unlisted record: who approved it and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Approval>,
}

/// The approval of a record opened outside the records list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Approval {
    /// Who approved (name or title).
    pub by: String,
    /// When.
    pub on: NaiveDate,
}

/// What closing a record did and found.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct ClosingReport {
    /// Drafts removed from the record (keys).
    pub removed_drafts: Vec<DocumentKey>,
    /// Duplicates removed from the record (keys), the first copy kept.
    pub removed_duplicates: Vec<DocumentKey>,
    /// Findings on completeness.
    pub findings: Vec<Finding>,
}

/// Corrections made when closing a record (Art. 29.3: fix the title, the
/// number and symbol, reassess retention).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Closing {
    /// A corrected title.
    pub title: Option<String>,
    /// A reassessed retention.
    pub retention: Option<Retention>,
}

impl Closing {
    /// With a corrected title.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// With a reassessed retention.
    #[must_use]
    pub fn retention(mut self, retention: Retention) -> Self {
        self.retention = Some(retention);
        self
    }
}

/// The records of an agency and the documents filed in them. Documents are
/// stored once and referred to by key.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Records {
    /// Documents by key.
    pub documents: BTreeMap<DocumentKey, Document>,
    /// Records by code.
    pub records: BTreeMap<RecordCode, Record>,
}

impl Records {
    /// An empty set.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers a document once under `key`; filing it into records does
    /// not copy it.
    ///
    /// # Errors
    /// [`ArchiveError::NotAllowed`] when the key is taken.
    pub fn add_document(
        &mut self,
        key: impl Into<String>,
        document: Document,
    ) -> Result<(), ArchiveError> {
        let key = key.into();
        if self.documents.contains_key(&key) {
            return Err(ArchiveError::NotAllowed(format!(
                "document key `{key}` already exists"
            )));
        }
        self.documents.insert(key, document);
        Ok(())
    }

    /// Opens the record `notation` of the records list (Art. 29.1).
    ///
    /// # Errors
    /// [`ArchiveError::Unknown`] when the list has no such record,
    /// [`ArchiveError::NotAllowed`] when it is already open, and an invalid
    /// code or missing retention.
    pub fn open_listed(
        &mut self,
        list: &RecordsList,
        notation: &str,
        start: NaiveDate,
    ) -> Result<&Record, ArchiveError> {
        let entry = list.entry(notation).ok_or_else(|| ArchiveError::Unknown {
            what: "record in the records list",
            name: notation.to_owned(),
        })?;
        let code = list
            .record_code(notation)
            .map_err(|e| ArchiveError::invalid("record code", e.to_string()))?;
        let retention = entry
            .retention
            .ok_or_else(|| ArchiveError::invalid("records list entry", "no retention period"))?;
        let mut metadata =
            RecordMetadata::new(code, entry.title.clone(), retention, entry.owner.clone());
        metadata.start_date = Some(start);
        self.insert_open(metadata, true)
    }

    /// Opens a record that is not in the records list: the person assigns
    /// title, number and symbol, retention, builder and start date
    /// (Art. 29.1). The record is flagged: it needs approval, reported as
    /// `ARCH-REC-001`.
    ///
    /// # Errors
    /// [`ArchiveError::NotAllowed`] when the code is taken or is in the list.
    pub fn open_unlisted(
        &mut self,
        list: Option<&RecordsList>,
        metadata: RecordMetadata,
    ) -> Result<(&Record, Finding), ArchiveError> {
        if let Some(list) = list
            && list.entry(metadata.code.file_notation()).is_some()
        {
            return Err(ArchiveError::NotAllowed(format!(
                "`{}` is in the records list: open it with open_listed",
                metadata.code.file_notation()
            )));
        }
        let f = rules::REC_NOT_LISTED.custom(
            format!(
                "record {} is not in the records list and needs approval",
                metadata.code
            ),
            format!(
                "hồ sơ {} không có trong danh mục hồ sơ, cần được phê duyệt",
                metadata.code
            ),
            Location::at_path(metadata.code.as_str()),
        );
        let r = self.insert_open(metadata, false)?;
        Ok((r, f))
    }

    fn insert_open(
        &mut self,
        metadata: RecordMetadata,
        listed: bool,
    ) -> Result<&Record, ArchiveError> {
        use std::collections::btree_map::Entry;
        match self.records.entry(metadata.code.clone()) {
            Entry::Occupied(_) => Err(ArchiveError::NotAllowed(format!(
                "record {} is already open",
                metadata.code
            ))),
            Entry::Vacant(v) => Ok(v.insert(Record {
                metadata,
                documents: Vec::new(),
                state: RecordState::Open,
                listed,
                approved: None,
            })),
        }
    }

    /// Records the approval of a record opened outside the list (Art. 29.1).
    ///
    /// # Errors
    /// Unknown record; a listed record (it needs no approval).
    pub fn approve(
        &mut self,
        code: &RecordCode,
        by: impl Into<String>,
        on: NaiveDate,
    ) -> Result<(), ArchiveError> {
        let record = self
            .records
            .get_mut(code)
            .ok_or_else(|| ArchiveError::Unknown {
                what: "record",
                name: code.to_string(),
            })?;
        if record.listed {
            return Err(ArchiveError::NotAllowed(format!(
                "record {code} is in the records list and needs no approval"
            )));
        }
        record.approved = Some(Approval { by: by.into(), on });
        Ok(())
    }

    /// Files document `key` into record `code` and returns its ordinal. The
    /// same document may be filed in several records (Appendix VI 4.e).
    ///
    /// # Errors
    /// Unknown record or document; a closed record; the document already in
    /// this record.
    pub fn file(&mut self, code: &RecordCode, key: &str) -> Result<u32, ArchiveError> {
        if !self.documents.contains_key(key) {
            return Err(ArchiveError::Unknown {
                what: "document",
                name: key.to_owned(),
            });
        }
        let record = self
            .records
            .get_mut(code)
            .ok_or_else(|| ArchiveError::Unknown {
                what: "record",
                name: code.to_string(),
            })?;
        if record.state != RecordState::Open {
            return Err(ArchiveError::NotAllowed(format!("record {code} is closed")));
        }
        if record.documents.iter().any(|f| f.key == key) {
            return Err(ArchiveError::NotAllowed(format!(
                "document `{key}` is already in record {code}"
            )));
        }
        let ordinal = u32::try_from(record.documents.len())
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        record.documents.push(Filed {
            key: key.to_owned(),
            ordinal,
        });
        Ok(ordinal)
    }

    /// Codes of the records a document is filed in.
    pub fn records_of<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a RecordCode> + 'a {
        self.records
            .values()
            .filter(move |r| r.documents.iter().any(|f| f.key == key))
            .map(|r| &r.metadata.code)
    }

    /// The documents of a record in chronological order (issue date, then
    /// filing order), with their keys.
    ///
    /// # Errors
    /// Unknown record.
    pub fn chronological(
        &self,
        code: &RecordCode,
    ) -> Result<Vec<(&Filed, &Document)>, ArchiveError> {
        let record = self.record(code)?;
        let mut docs: Vec<(&Filed, &Document)> = record
            .documents
            .iter()
            .filter_map(|f| self.documents.get(&f.key).map(|d| (f, d)))
            .collect();
        docs.sort_by_key(|(f, d)| (d.issued_date, f.ordinal));
        Ok(docs)
    }

    /// The record with this code.
    ///
    /// # Errors
    /// Unknown record.
    pub fn record(&self, code: &RecordCode) -> Result<&Record, ArchiveError> {
        self.records.get(code).ok_or_else(|| ArchiveError::Unknown {
            what: "record",
            name: code.to_string(),
        })
    }

    /// Closes a record (Decree 30/2020/NĐ-CP Art. 29.3): removes drafts and
    /// duplicates, applies the corrections, renumbers the documents in
    /// chronological order, sets the dates from the documents and the totals
    /// of documents and pages, and reports completeness findings.
    ///
    /// Rules: `ARCH-CLOSE-001` empty record, `-002` documents without a page
    /// count, `-003` a document dated after the closing date, `-004` record
    /// not in the list and still unapproved (warning), `-005` a draft or
    /// duplicate was removed (info), and the metadata rules `ARCH-REC-*`.
    ///
    /// # Errors
    /// Unknown record; a record already closed.
    pub fn close(
        &mut self,
        code: &RecordCode,
        closing: Closing,
        on: NaiveDate,
    ) -> Result<ClosingReport, ArchiveError> {
        let documents = &self.documents;
        let record = self
            .records
            .get_mut(code)
            .ok_or_else(|| ArchiveError::Unknown {
                what: "record",
                name: code.to_string(),
            })?;
        if record.state != RecordState::Open {
            return Err(ArchiveError::NotAllowed(format!(
                "record {code} is already closed"
            )));
        }
        let mut report = ClosingReport::default();
        let mut seen = BTreeSet::new();
        let mut kept: Vec<(&Document, Filed)> = Vec::new();
        for filed in record.documents.drain(..) {
            let Some(doc) = documents.get(&filed.key) else {
                continue;
            };
            if doc.status == DocumentStatus::Draft {
                report.removed_drafts.push(filed.key);
            } else if !seen.insert(doc.duplicate_key()) {
                report.removed_duplicates.push(filed.key);
            } else {
                kept.push((doc, filed));
            }
        }
        kept.sort_by_key(|(d, f)| (d.issued_date, f.ordinal));
        let path = code.as_str();
        for key in report
            .removed_drafts
            .iter()
            .chain(&report.removed_duplicates)
        {
            report.findings.push(rules::CLOSE_REMOVED.custom(
                format!("document `{key}` removed (draft or duplicate)"),
                format!("đã loại văn bản `{key}` (bản thảo hoặc bản trùng)"),
                Location::at_path(path),
            ));
        }
        if kept.is_empty() {
            report.findings.push(rules::CLOSE_EMPTY.custom(
                "the record has no documents",
                "hồ sơ không có văn bản nào",
                Location::at_path(path),
            ));
        }
        let mut pages = 0u32;
        for (d, f) in &kept {
            pages = pages.saturating_add(d.page_count);
            if d.page_count == 0 {
                report.findings.push(rules::CLOSE_NO_PAGE_COUNT.custom(
                    format!("document `{}` has no page count", f.key),
                    format!("văn bản `{}` chưa có số trang", f.key),
                    Location::at_path(format!("{path}/{}", f.key)),
                ));
            }
            if d.issued_date > on {
                report.findings.push(rules::CLOSE_DOCUMENT_AFTER_END.custom(
                    format!(
                        "document `{}` is dated {} after the closing date {on}",
                        f.key, d.issued_date
                    ),
                    format!(
                        "văn bản `{}` có ngày {} sau ngày kết thúc hồ sơ {on}",
                        f.key, d.issued_date
                    ),
                    Location::at_path(format!("{path}/{}", f.key)),
                ));
            }
        }
        if !record.listed && record.approved.is_none() {
            report.findings.push(rules::CLOSE_NOT_APPROVED.custom(
                "the record was opened outside the records list: check its approval",
                "hồ sơ lập ngoài danh mục: kiểm tra việc phê duyệt",
                Location::at_path(path),
            ));
        }
        let md = &mut record.metadata;
        if let Some(t) = closing.title {
            md.title = t;
        }
        if let Some(r) = closing.retention {
            md.retention = r;
        }
        if let (Some((first, _)), Some((last, _))) = (kept.first(), kept.last()) {
            md.start_date = Some(
                md.start_date
                    .map_or(first.issued_date, |s| s.min(first.issued_date)),
            );
            md.end_date = Some(last.issued_date);
        } else if md.end_date.is_none() {
            md.end_date = Some(on);
        }
        md.doc_total = u32::try_from(kept.len()).unwrap_or(u32::MAX);
        md.page_total = pages;
        report
            .findings
            .extend(md.validate().into_iter().map(|mut f| {
                f.location.path = Some(format!("{path}/{}", f.location.path.unwrap_or_default()));
                f
            }));
        record.documents = kept
            .into_iter()
            .zip(1u32..)
            .map(|((_, f), ordinal)| Filed {
                key: f.key,
                ordinal,
            })
            .collect();
        record.state = RecordState::Closed { on };
        Ok(report)
    }

    /// Writes a record and its documents as XML in chronological order
    /// (Appendix VI Part I.III 4.g), with the element names of Appendix VI
    /// Tables I–III.
    ///
    /// # Errors
    /// Unknown record; a write error.
    pub fn export_xml<W: Write>(&self, code: &RecordCode, out: W) -> Result<(), ArchiveError> {
        let record = self.record(code)?;
        let docs = self.chronological(code)?;
        let mut w = Writer::new_with_indent(out, b' ', 2);
        let md = &record.metadata;
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        start(&mut w, "File")?;
        start(&mut w, "FileCode")?;
        leaf(&mut w, "OrganId", md.code.agency().as_str())?;
        leaf(&mut w, "FileCatalog", &md.code.year().to_string())?;
        leaf(&mut w, "FileNotation", md.code.file_notation())?;
        end(&mut w, "FileCode")?;
        leaf(&mut w, "Title", &md.title)?;
        leaf(&mut w, "Maintenance", &md.retention.label_vi())?;
        leaf(&mut w, "Rights", md.access.label_vi())?;
        leaf(&mut w, "Creator", &md.creator)?;
        leaf(&mut w, "Language", &join_codes(&md.languages))?;
        leaf(&mut w, "StartDate", &opt_date(md.start_date))?;
        leaf(&mut w, "EndDate", &opt_date(md.end_date))?;
        leaf(&mut w, "DocTotal", &docs.len().to_string())?;
        let pages: u32 = docs
            .iter()
            .map(|(_, d)| d.page_count)
            .fold(0, u32::saturating_add);
        leaf(&mut w, "PageTotal", &pages.to_string())?;
        leaf(
            &mut w,
            "Description",
            md.description.as_deref().unwrap_or(""),
        )?;
        start(&mut w, "Documents")?;
        for (i, (_, d)) in docs.iter().enumerate() {
            start(&mut w, "Document")?;
            start(&mut w, "FileCode")?;
            leaf(&mut w, "OrganId", md.code.agency().as_str())?;
            leaf(&mut w, "FileCatalog", &md.code.year().to_string())?;
            leaf(&mut w, "FileNotation", md.code.file_notation())?;
            end(&mut w, "FileCode")?;
            leaf(&mut w, "DocOrdinal", &i.saturating_add(1).to_string())?;
            leaf(&mut w, "TypeName", d.doc_type.name_vi())?;
            leaf(&mut w, "CodeNumber", &d.code_number)?;
            leaf(&mut w, "CodeNotation", &d.code_notation)?;
            leaf(&mut w, "IssuedDate", &date_dmy(d.issued_date))?;
            leaf(&mut w, "OrganName", &d.organ_name)?;
            leaf(&mut w, "Subject", &d.subject)?;
            leaf(&mut w, "Language", &join_codes(&d.languages))?;
            leaf(&mut w, "PageAmount", &d.page_count.to_string())?;
            leaf(
                &mut w,
                "Description",
                d.description.as_deref().unwrap_or(""),
            )?;
            if let Some(s) = &d.signer {
                start(&mut w, "SignerInfo")?;
                leaf(&mut w, "Position", &s.position)?;
                leaf(&mut w, "FullName", &s.full_name)?;
                end(&mut w, "SignerInfo")?;
            }
            for r in &d.recipients {
                start(&mut w, "To")?;
                leaf(&mut w, "OrganId", r.organ_id.as_deref().unwrap_or(""))?;
                leaf(&mut w, "OrganName", &r.organ_name)?;
                end(&mut w, "To")?;
            }
            if let Some(p) = d.priority {
                leaf(&mut w, "Priority", &p.to_string())?;
            }
            if let Some(n) = d.issued_amount {
                leaf(&mut w, "IssuedAmount", &n.to_string())?;
            }
            if let Some(t) = &d.to_places {
                leaf(&mut w, "ToPlaces", t)?;
            }
            if let Some(t) = &d.trace {
                leaf(&mut w, "TraceHeaderList", t)?;
            }
            if let Some(n) = d.arrival_number {
                leaf(&mut w, "ArrivalNumber", &n.to_string())?;
            }
            if let Some(a) = d.arrival_date {
                leaf(&mut w, "ArrivalDate", &date_dmy(a))?;
            }
            if let Some(due) = d.due_date {
                leaf(&mut w, "DueDate", &date_dmy(due))?;
            }
            end(&mut w, "Document")?;
        }
        end(&mut w, "Documents")?;
        end(&mut w, "File")?;
        Ok(())
    }
}

/// `DD/MM/YYYY`, the date form of TT05 metadata.
#[must_use]
pub fn date_dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Reads `DD/MM/YYYY` (TT05) or `YYYY-MM-DD`.
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
        .ok()
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date_dmy).unwrap_or_default()
}

pub(crate) fn join_codes(langs: &[Language]) -> String {
    langs.iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
}

pub(crate) fn start<W: Write>(w: &mut Writer<W>, name: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))
}
pub(crate) fn end<W: Write>(w: &mut Writer<W>, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}
pub(crate) fn leaf<W: Write>(w: &mut Writer<W>, name: &str, text: &str) -> std::io::Result<()> {
    if text.is_empty() {
        return w.write_event(Event::Empty(BytesStart::new(name)));
    }
    start(w, name)?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    end(w, name)
}
