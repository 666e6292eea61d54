//! Retention: expiry counted from the year the work ended, the retention
//! schedule as versioned data supplied by the caller, and transfer due
//! dates (Decree 30/2020/NĐ-CP Art. 30; Circular 05/2025/TT-BNV for
//! electronic records; Archive Laws 2011 and 2024).

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use vanthu_identifiers::Retention;

use crate::disposal::Disposal;
use crate::error::ArchiveError;
use crate::record::RecordMetadata;
use crate::rules;

/// When a record's retention ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Expiry {
    /// Kept permanently: never expires.
    Never,
    /// The last day of retention; from the next day the record is a
    /// candidate for disposal review.
    On {
        /// Last day kept.
        date: NaiveDate,
    },
}

/// The end of retention: the term counts from the year the work ended (TT
/// 10/2022/TT-BNV, Archive Law 2024), so a record whose work ended in 2020
/// and kept 10 years is kept until 31/12/2030.
#[must_use]
pub fn expiry(retention: Retention, work_end_year: i32) -> Expiry {
    match retention {
        Retention::Permanent => Expiry::Never,
        Retention::Years(n) => {
            let year = work_end_year.saturating_add(i32::from(n.get()));
            NaiveDate::from_ymd_opt(year, 12, 31).map_or(Expiry::Never, |date| Expiry::On { date })
        }
    }
}

/// True when the retention has ended on `at`.
#[must_use]
pub fn is_expired(retention: Retention, work_end_year: i32, at: NaiveDate) -> bool {
    matches!(expiry(retention, work_end_year), Expiry::On { date } if at > date)
}

/// Which Archive Law governs a transfer to the historical archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ArchiveLaw {
    /// Luật Lưu trữ 01/2011/QH13, in force 01/07/2012 to 30/06/2025.
    #[serde(rename = "2011")]
    Law2011,
    /// Luật Lưu trữ 33/2024/QH15, in force from 01/07/2025.
    #[serde(rename = "2024")]
    Law2024,
}

impl ArchiveLaw {
    /// The law of `year`: 2011 or 2024; `None` for any other year.
    #[must_use]
    pub const fn from_year(year: i32) -> Option<Self> {
        match year {
            2011 => Some(Self::Law2011),
            2024 => Some(Self::Law2024),
            _ => None,
        }
    }

    /// The law in force on `date` (the 2024 law from 01/07/2025).
    #[must_use]
    pub fn in_force_on(date: NaiveDate) -> Self {
        if (date.year(), date.month()) >= (2025, 7) {
            Self::Law2024
        } else {
            Self::Law2011
        }
    }
}

/// Days before the agency-archive due date at which the system notifies
/// the record's owner (Decree 30/2020 Appendix VI Part I.III 5.b).
pub const TRANSFER_NOTICE_DAYS: u64 = 30;

/// Facts needed for the transfer due dates of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransferFacts {
    /// Retention of the record.
    pub retention: Retention,
    /// The date the work ended (the record's end date).
    pub work_ended: NaiveDate,
    /// For a construction project: the date its final accounts were approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_accounts: Option<NaiveDate>,
    /// The date the record reached the agency (current) archive, if it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transferred_to_agency: Option<NaiveDate>,
    /// An electronic record, handed over to the agency archive through the
    /// records system: Circular 05/2025/TT-BNV's 60 days apply instead of
    /// Decree 30/2020's year (see [`transfer_due`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub electronic: bool,
}

impl TransferFacts {
    /// Facts of an ordinary record (not a construction project, not yet
    /// transferred).
    #[must_use]
    pub fn new(retention: Retention, work_ended: NaiveDate) -> Self {
        Self {
            retention,
            work_ended,
            final_accounts: None,
            transferred_to_agency: None,
            electronic: false,
        }
    }
}

/// Circular 05/2025/TT-BNV is in force from this day: electronic records
/// whose work ended from then on are handed over within
/// [`ELECTRONIC_HANDOVER_DAYS`].
pub const TT05_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2025, 7, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Days within which an electronic record goes to the agency archive after
/// its work ended (Circular 05/2025/TT-BNV Chapter IV), against Decree
/// 30/2020's one year for records on paper.
pub const ELECTRONIC_HANDOVER_DAYS: u64 = 60;

/// Transfer due dates of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TransferDue {
    /// Whether the record must go to the agency archive at all (retention
    /// of 5 years or more, Decree 30/2020 Art. 30).
    pub required: bool,
    /// Latest date for the agency (current) archive.
    pub agency_archive: NaiveDate,
    /// When the owner is notified: 30 days before.
    pub notice: NaiveDate,
    /// Latest date a unit may keep the record back with the head's written
    /// consent: 2 years after the due date (Art. 31).
    pub keep_back_until: NaiveDate,
    /// Latest date for the historical archive, for permanent records.
    pub historical_archive: Option<NaiveDate>,
    /// The law the historical due date follows.
    pub law: Option<ArchiveLaw>,
    /// The agency-archive date follows Circular 05/2025/TT-BNV's 60 days
    /// for electronic records (not Decree 30/2020's year).
    #[serde(default)]
    pub electronic: bool,
}

/// The transfer due dates of a record, under `law` for the historical
/// archive (pass [`ArchiveLaw::in_force_on`] of the evaluation date unless a
/// transitional rule says otherwise).
///
/// - Agency archive: within 1 year of the work ending; within 3 months of
///   the final accounts of a construction project (Decree 30/2020 Art. 30.1).
///   An electronic record whose work ended on or after [`TT05_IN_FORCE`]:
///   within 60 days of the work ending, or of the final accounts (Circular
///   05/2025/TT-BNV Chapter IV); one whose work ended before keeps Decree
///   30's date, so that the circular does not make a record late
///   retroactively.
///
/// ```
/// use chrono::NaiveDate;
/// use vanthu_archive::{ArchiveLaw, TransferFacts, transfer_due};
/// use vanthu_identifiers::Retention;
/// let ended = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
/// let mut facts = TransferFacts::new(Retention::Permanent, ended);
/// let paper = transfer_due(&facts, ArchiveLaw::Law2024)?;
/// assert_eq!(paper.agency_archive, NaiveDate::from_ymd_opt(2026, 9, 1).unwrap());
/// facts.electronic = true;
/// let electronic = transfer_due(&facts, ArchiveLaw::Law2024)?;
/// assert_eq!(electronic.agency_archive, NaiveDate::from_ymd_opt(2025, 10, 31).unwrap());
/// # Ok::<(), vanthu_archive::ArchiveError>(())
/// ```
/// - Historical archive, permanent records only: Law 2011 Art. 21, within 10
///   years from the year the work ended; Law 2024, within 5 years from the
///   year of transfer to the current archive (the agency due date when the
///   transfer has not happened yet).
///
/// # Errors
/// [`ArchiveError::Invalid`] when a date falls outside the calendar.
pub fn transfer_due(facts: &TransferFacts, law: ArchiveLaw) -> Result<TransferDue, ArchiveError> {
    let out_of_range = || ArchiveError::invalid("date", "out of the supported calendar range");
    let electronic = facts.electronic && facts.work_ended >= TT05_IN_FORCE;
    let agency_archive = match (electronic, facts.final_accounts) {
        (true, d) => d
            .unwrap_or(facts.work_ended)
            .checked_add_days(chrono::Days::new(ELECTRONIC_HANDOVER_DAYS)),
        (false, Some(d)) => d.checked_add_months(Months::new(3)),
        (false, None) => facts.work_ended.checked_add_months(Months::new(12)),
    }
    .ok_or_else(out_of_range)?;
    let notice = agency_archive
        .checked_sub_days(chrono::Days::new(TRANSFER_NOTICE_DAYS))
        .ok_or_else(out_of_range)?;
    let keep_back_until = agency_archive
        .checked_add_months(Months::new(24))
        .ok_or_else(out_of_range)?;
    let (historical_archive, law) = if facts.retention == Retention::Permanent {
        let year = match law {
            ArchiveLaw::Law2011 => facts.work_ended.year().saturating_add(10),
            ArchiveLaw::Law2024 => facts
                .transferred_to_agency
                .unwrap_or(agency_archive)
                .year()
                .saturating_add(5),
        };
        (
            Some(NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(out_of_range)?),
            Some(law),
        )
    } else {
        (None, None)
    };
    Ok(TransferDue {
        required: facts.retention.requires_transfer(),
        agency_archive,
        notice,
        keep_back_until,
        historical_archive,
        law,
        electronic,
    })
}

/// Retention set by a schedule item: a term, or "until superseded".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ScheduledRetention {
    /// A retention class: `Vĩnh viễn` or `N năm`.
    Fixed(Retention),
    /// "Until the documents are superseded" (*đến khi văn bản hết hiệu lực*),
    /// written `superseded`; TT05 code 07.
    UntilSuperseded(UntilSuperseded),
}

/// Marker for [`ScheduledRetention::UntilSuperseded`], written `superseded`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum UntilSuperseded {
    /// The only value.
    Superseded,
}

impl ScheduledRetention {
    /// The TT05 `maintenance` code 01–07.
    #[must_use]
    pub fn tt05_code(self) -> u8 {
        match self {
            Self::Fixed(r) => r.tt05_code(),
            Self::UntilSuperseded(_) => 7,
        }
    }
}

/// One item of a retention schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScheduleItem {
    /// Item number in the instrument, e.g. `3.1`.
    pub item: String,
    /// Group (the schedule's chapter), e.g. `Tổ chức, cán bộ`.
    #[serde(default)]
    pub group: String,
    /// Kind of records.
    pub title: String,
    /// Retention.
    pub retention: ScheduledRetention,
}

/// A retention schedule (*bảng thời hạn bảo quản*) as versioned data: the
/// caller supplies the instrument in force (TT 09/2011 → TT 10/2022 → sector
/// circulars); nothing is hard-coded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RetentionSchedule {
    /// Identifier of the instrument, e.g. `10/2022/TT-BNV`.
    pub instrument: String,
    /// Version of this data set.
    pub version: String,
    /// In force from.
    pub effective_from: NaiveDate,
    /// Replaced on (exclusive), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_until: Option<NaiveDate>,
    /// Items.
    pub items: Vec<ScheduleItem>,
}

/// The small documented sample shipped with the crate (`data/sample-schedule.json`):
/// a few items of TT 09/2011/TT-BNV as quoted by public sources; not a
/// complete or authoritative schedule.
pub const SAMPLE_SCHEDULE_JSON: &str = include_str!("../data/sample-schedule.json");

impl RetentionSchedule {
    /// Reads a schedule from JSON.
    ///
    /// # Errors
    /// [`ArchiveError::Invalid`] with serde's message and position.
    pub fn from_json(text: &str) -> Result<Self, ArchiveError> {
        serde_json::from_str(text)
            .map_err(|e| ArchiveError::invalid("retention schedule", e.to_string()))
    }

    /// The shipped sample ([`SAMPLE_SCHEDULE_JSON`]).
    ///
    /// # Errors
    /// Never in practice: the sample is tested.
    pub fn sample() -> Result<Self, ArchiveError> {
        Self::from_json(SAMPLE_SCHEDULE_JSON)
    }

    /// True when this schedule is in force on `date`.
    #[must_use]
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        date >= self.effective_from && self.effective_until.is_none_or(|u| date < u)
    }

    /// The item with this number.
    #[must_use]
    pub fn item(&self, item: &str) -> Option<&ScheduleItem> {
        self.items.iter().find(|i| i.item == item)
    }

    /// The schedule among `schedules` in force on `date`.
    #[must_use]
    pub fn in_force(schedules: &[Self], date: NaiveDate) -> Option<&Self> {
        schedules
            .iter()
            .filter(|s| s.in_force_on(date))
            .max_by_key(|s| s.effective_from)
    }
}

/// A record and what is known of its life, to evaluate its retention with
/// [`evaluate`]. This is the JSON that `vanthu retention` reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RetentionInput {
    /// The record's metadata (its code, retention and end date).
    pub record: RecordMetadata,
    /// The date the work ended, when it is not the record's end date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_ended: Option<NaiveDate>,
    /// Construction projects: the date of the final accounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_accounts: Option<NaiveDate>,
    /// The date the record was transferred to the agency archive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transferred_to_agency: Option<NaiveDate>,
    /// An electronic record (Circular 05/2025/TT-BNV's 60 days apply).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub electronic: bool,
    /// The unit keeps the record back, with the written consent of the head
    /// of the agency, until this date (Nghị định 30/2020/NĐ-CP Điều 30: at
    /// most two years after the due date, [`TransferDue::keep_back_until`]).
    /// The transfer is overdue only after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_back_until: Option<NaiveDate>,
    /// The record's disposal process, once it has started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposal: Option<Disposal>,
}

impl RetentionInput {
    /// The input of a record with nothing else known.
    #[must_use]
    pub fn new(record: RecordMetadata) -> Self {
        Self {
            record,
            work_ended: None,
            final_accounts: None,
            transferred_to_agency: None,
            electronic: false,
            kept_back_until: None,
            disposal: None,
        }
    }
}

/// Where a record stands in the disposal process, as reported by
/// [`evaluate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DisposalStatus {
    /// `retained` (retention not ended), `candidate`, `under-review`,
    /// `approved-for-destruction`, `destroyed` or `kept`.
    pub stage: String,
    /// A hold stops the process.
    pub on_hold: bool,
}

/// The retention of one record on one date: when it expires, when it is
/// due at the archives, where it is in disposal, and the findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RetentionEvaluation {
    /// The record code.
    pub code: String,
    /// The retention in Vietnamese (`10 năm`, `Vĩnh viễn`).
    pub retention: String,
    /// The Circular 05/2025 `maintenance` code, two digits.
    pub maintenance: String,
    /// The evaluation date.
    pub at: NaiveDate,
    /// The Archive Law applied to the historical-archive deadline.
    pub law: ArchiveLaw,
    /// The date the work ended.
    pub work_ended: NaiveDate,
    /// When retention ends.
    pub expiry: Expiry,
    /// Retention has ended on `at`.
    pub expired: bool,
    /// Transfer due dates.
    pub transfer: TransferDue,
    /// The transfer to the agency archive is required, not done, and late
    /// on `at`.
    pub transfer_overdue: bool,
    /// Disposal.
    pub disposal: DisposalStatus,
    /// No finding is an error ([`vanthu_identifiers::conformant`]).
    pub conformant: bool,
    /// `ARCH-XFER-003` (transfer overdue), `ARCH-XFER-004` (an electronic
    /// record not handed over within 60 days), `ARCH-DISP-001` (retention
    /// ended, no disposal process yet).
    pub findings: Vec<vanthu_identifiers::Finding>,
}

/// Evaluates the retention of `input` on `at`, under `law` (default: the
/// Archive Law in force on `at`).
///
/// # Errors
/// [`ArchiveError::Missing`] when neither `work_ended` nor the record's end
/// date is known; the errors of [`transfer_due`].
pub fn evaluate(
    input: &RetentionInput,
    at: NaiveDate,
    law: Option<ArchiveLaw>,
) -> Result<RetentionEvaluation, ArchiveError> {
    let md = &input.record;
    let work_ended = input.work_ended.or(md.end_date).ok_or_else(|| {
        ArchiveError::Missing(
            "the date the work ended: give `work_ended` or `record.end_date`".into(),
        )
    })?;
    let law = law.unwrap_or_else(|| ArchiveLaw::in_force_on(at));
    let mut facts = TransferFacts::new(md.retention, work_ended);
    facts.final_accounts = input.final_accounts;
    facts.transferred_to_agency = input.transferred_to_agency;
    facts.electronic = input.electronic;
    let due = transfer_due(&facts, law)?;
    let year = work_ended.year();
    let expired = is_expired(md.retention, year, at);
    // A declared keep-back moves the deadline, never beyond the permitted two years.
    let kept_back = input
        .kept_back_until
        .filter(|_| input.transferred_to_agency.is_none());
    let deadline = kept_back.map_or(due.agency_archive, |d| {
        d.max(due.agency_archive).min(due.keep_back_until)
    });
    let transfer_overdue = due.required && input.transferred_to_agency.is_none() && at > deadline;
    let disposal = match &input.disposal {
        Some(d) => DisposalStatus {
            stage: d.stage.name().to_owned(),
            on_hold: d.on_hold(),
        },
        None => DisposalStatus {
            stage: if expired { "candidate" } else { "retained" }.to_owned(),
            on_hold: false,
        },
    };
    let location = vanthu_identifiers::Location::at_path(md.code.as_str());
    let mut findings = Vec::new();
    if let Some(until) = kept_back.filter(|d| *d > due.keep_back_until) {
        findings.push(rules::XFER_KEEP_BACK_TOO_LONG.custom(
            format!(
                "the record is kept back until {until}, beyond the two years allowed ({})",
                due.keep_back_until
            ),
            format!(
                "hồ sơ được giữ lại đến {until}, quá thời hạn tối đa 02 năm ({})",
                due.keep_back_until
            ),
            location.clone(),
        ));
    }
    // The overdue message names the keep-back, when there is one.
    let (kept, kept_vi) = kept_back.map_or_else(Default::default, |until| {
        let until = until.min(due.keep_back_until);
        (
            format!(", kept back until {until}"),
            format!(", giữ lại đến {until}"),
        )
    });
    if transfer_overdue && due.electronic {
        findings.push(rules::XFER_OVERDUE_ELECTRONIC.custom(
            format!(
                "the electronic record was due at the agency archive on {} (60 days after the work ended)",
                due.agency_archive
            ),
            format!(
                "đã quá hạn giao hồ sơ điện tử vào lưu trữ cơ quan (hạn {}, 60 ngày sau khi công việc kết thúc)",
                due.agency_archive
            ),
            location.clone(),
        ));
    } else if transfer_overdue {
        findings.push(rules::XFER_OVERDUE.custom(
            format!(
                "transfer to the agency archive was due on {}{kept}",
                due.agency_archive
            ),
            format!(
                "đã quá hạn nộp lưu vào lưu trữ cơ quan (hạn {}{kept_vi})",
                due.agency_archive
            ),
            location.clone(),
        ));
    }
    if expired && input.disposal.is_none() {
        findings.push(rules::DISP_CANDIDATE.finding("", location));
    }
    Ok(RetentionEvaluation {
        code: md.code.to_string(),
        retention: md.retention.label_vi(),
        maintenance: format!("{:02}", md.retention.tt05_code()),
        at,
        law,
        work_ended,
        expiry: expiry(md.retention, year),
        expired,
        transfer: due,
        transfer_overdue,
        disposal,
        conformant: vanthu_identifiers::conformant(&findings),
        findings,
    })
}
