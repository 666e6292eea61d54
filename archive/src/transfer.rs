//! Transfers to the agency (current) archive: the transfer list (*Mục lục hồ
//! sơ, tài liệu nộp lưu*) and the handover record (*Biên bản giao nhận*) as
//! data (Decree 30/2020/NĐ-CP Art. 30–31, Appendix V).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use vanthu_identifiers::{Finding, Location, Retention};

use crate::record::{Record, RecordState};
use crate::rules;

/// One row of the transfer list: No., record number and symbol, title, time
/// span, retention, sheets/pages, note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransferRow {
    /// Row number from 1.
    pub no: u32,
    /// Record code.
    pub code: String,
    /// Record number and symbol, e.g. `01.TH`.
    pub notation: String,
    /// Title.
    pub title: String,
    /// Start of the time span.
    pub start: Option<NaiveDate>,
    /// End of the time span.
    pub end: Option<NaiveDate>,
    /// Retention.
    pub retention: Retention,
    /// Documents.
    pub documents: u32,
    /// Pages.
    pub pages: u32,
    /// Note.
    pub note: String,
}

/// The transfer list of one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransferList {
    /// Transferring unit.
    pub unit: String,
    /// Rows.
    pub rows: Vec<TransferRow>,
}

impl TransferList {
    /// Builds the list from records, in record-code order, and reports the
    /// records that cannot or need not be transferred: `ARCH-XFER-001` an
    /// open record (error; it is left out), `ARCH-XFER-002` retention under
    /// 5 years (note; transfer not required, it is left out).
    #[must_use]
    pub fn from_records<'a>(
        unit: impl Into<String>,
        records: impl IntoIterator<Item = &'a Record>,
    ) -> (Self, Vec<Finding>) {
        let mut rows = Vec::new();
        let mut findings = Vec::new();
        let mut recs: Vec<&Record> = records.into_iter().collect();
        recs.sort_by(|a, b| a.metadata.code.cmp(&b.metadata.code));
        for r in recs {
            let md = &r.metadata;
            if r.state == RecordState::Open {
                findings.push(rules::XFER_OPEN.custom(
                    format!("record {} is still open and cannot be transferred", md.code),
                    format!("hồ sơ {} chưa kết thúc, không thể nộp lưu", md.code),
                    Location::at_path(md.code.as_str()),
                ));
                continue;
            }
            if !md.retention.requires_transfer() {
                findings.push(rules::XFER_NOT_REQUIRED.custom(
                    format!(
                        "record {} is kept under 5 years: transfer not required",
                        md.code
                    ),
                    format!("hồ sơ {} bảo quản dưới 5 năm: không phải nộp lưu", md.code),
                    Location::at_path(md.code.as_str()),
                ));
                continue;
            }
            let no = u32::try_from(rows.len())
                .unwrap_or(u32::MAX)
                .saturating_add(1);
            rows.push(TransferRow {
                no,
                code: md.code.to_string(),
                notation: md.code.file_notation().to_owned(),
                title: md.title.clone(),
                start: md.start_date,
                end: md.end_date,
                retention: md.retention,
                documents: md.doc_total,
                pages: md.page_total,
                note: md.description.clone().unwrap_or_default(),
            });
        }
        (
            Self {
                unit: unit.into(),
                rows,
            },
            findings,
        )
    }
}

/// The handover record (*Biên bản giao nhận*) of an electronic transfer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HandoverRecord {
    /// Name of the body of records (*phông*) transferred.
    pub fonds: String,
    /// Handing-over unit.
    pub from: String,
    /// Receiving archive.
    pub to: String,
    /// Date of the handover.
    pub date: NaiveDate,
    /// Earliest start date of the records.
    pub span_start: Option<NaiveDate>,
    /// Latest end date of the records.
    pub span_end: Option<NaiveDate>,
    /// Number of records.
    pub records: u32,
    /// Number of computer files (for electronic records).
    pub computer_files: u64,
    /// Condition.
    pub condition: String,
    /// The attached transfer list.
    pub list: TransferList,
}

impl HandoverRecord {
    /// The handover record for a transfer list; `computer_files` is the
    /// number of data files in the packages.
    #[must_use]
    pub fn new(
        fonds: impl Into<String>,
        to: impl Into<String>,
        date: NaiveDate,
        computer_files: u64,
        list: TransferList,
    ) -> Self {
        Self {
            fonds: fonds.into(),
            from: list.unit.clone(),
            to: to.into(),
            date,
            span_start: list.rows.iter().filter_map(|r| r.start).min(),
            span_end: list.rows.iter().filter_map(|r| r.end).max(),
            records: u32::try_from(list.rows.len()).unwrap_or(u32::MAX),
            computer_files,
            condition: String::new(),
            list,
        }
    }
}
