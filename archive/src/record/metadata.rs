//! A record's metadata (Decree 30/2020/NĐ-CP Appendix VI Table III and the
//! Circular 05/2025/TT-BNV `SIP_hoso` set) and its checks.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use vanthu_identifiers::{Finding, Location, RecordCode, Retention};

use crate::codes::{AccessMode, Condition, Language, Reliability};
use crate::rules;

use super::document::{default_languages, default_mode, default_reliability};

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
