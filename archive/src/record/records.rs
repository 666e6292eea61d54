//! Opening records from the records list or outside it, filing documents
//! and closing records (Decree 30/2020/NĐ-CP Art. 29).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use vanthu_identifiers::{Finding, Location, RecordCode, Retention};

use crate::error::ArchiveError;
use crate::list::RecordsList;
use crate::rules;

use super::{Document, DocumentKey, DocumentStatus, RecordMetadata};

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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClosingReport {
    /// Drafts removed from the record (keys).
    pub removed_drafts: Vec<DocumentKey>,
    /// Duplicates removed from the record (keys), the first copy kept.
    pub removed_duplicates: Vec<DocumentKey>,
    /// Findings on completeness.
    pub findings: Vec<Finding>,
}

impl ClosingReport {
    /// True when no finding is an error ([`vanthu_identifiers::conformant`]).
    #[must_use]
    pub fn conformant(&self) -> bool {
        vanthu_identifiers::conformant(&self.findings)
    }
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
}
