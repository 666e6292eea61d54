//! Reports on sending and receiving for a period and per unit (Quyết định
//! 4556/QĐ-UBND (TP.HCM, 2017) Điều 12 khoản 3; Quyết định 3760/QĐ-UBND
//! (TP.HCM, 2021) Điều 15; Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019)
//! Điều 20 khoản 2: monthly, quarterly, half-yearly, yearly and on demand), as
//! serde data and CSV.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{CalendarError, DeadlineRules, WorkingCalendar, vietnam_time};
use crate::document::{Assignee, DeadlineRule};
use crate::incoming::{ChangeKind, IncomingDocument};
use crate::state::Office;

/// A reporting period, in Vietnam calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[non_exhaustive]
pub enum Period {
    /// A month (1–12).
    Month {
        /// Year.
        year: i32,
        /// Month, 1–12.
        month: u32,
    },
    /// A quarter (1–4).
    Quarter {
        /// Year.
        year: i32,
        /// Quarter, 1–4.
        quarter: u32,
    },
    /// A half year (1–2).
    HalfYear {
        /// Year.
        year: i32,
        /// Half, 1–2.
        half: u32,
    },
    /// A calendar year.
    Year {
        /// Year.
        year: i32,
    },
    /// Any range of days, both ends included ("on demand").
    Range {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
}

/// A period that does not exist (month 13, quarter 5, reversed range).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid reporting period: {0:?}")]
#[non_exhaustive]
pub struct InvalidPeriod(pub Period);

impl Period {
    /// The first and last day of the period.
    ///
    /// # Errors
    /// [`InvalidPeriod`] for a month, quarter or half out of range, or a reversed range.
    pub fn days(&self) -> Result<(NaiveDate, NaiveDate), InvalidPeriod> {
        let months = |year: i32, first: u32, count: u32| {
            let start = NaiveDate::from_ymd_opt(year, first, 1)?;
            let end = start
                .checked_add_months(chrono::Months::new(count))?
                .pred_opt()?;
            Some((start, end))
        };
        let days = match *self {
            Self::Month { year, month } if (1..=12).contains(&month) => months(year, month, 1),
            Self::Quarter { year, quarter } if (1..=4).contains(&quarter) => {
                months(year, (quarter - 1) * 3 + 1, 3)
            }
            Self::HalfYear { year, half } if (1..=2).contains(&half) => {
                months(year, (half - 1) * 6 + 1, 6)
            }
            Self::Year { year } => months(year, 1, 12),
            Self::Range { from, to } if from <= to => Some((from, to)),
            _ => None,
        };
        days.ok_or(InvalidPeriod(*self))
    }
}

/// The figures of one unit (or of the whole agency).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnitReport {
    /// The unit; `*` for the whole agency, `-` for documents not assigned to a unit.
    pub unit: String,
    /// Incoming documents registered in the period.
    pub received: u32,
    /// Outgoing documents first issued in the period.
    pub sent: u32,
    /// Of those, how many carry both valid signatures (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 1).
    pub sent_with_valid_signatures: u32,
    /// `sent_with_valid_signatures / sent`, absent when nothing was sent.
    pub valid_signature_share: Option<f64>,
    /// Incoming documents completed in the period by the lead's deadline.
    pub handled_on_time: u32,
    /// Incoming documents completed in the period after the lead's deadline.
    pub handled_late: u32,
    /// Outgoing documents sent in the period by the issue deadline (the signing
    /// day or the next working morning, Nghị định 30/2020/NĐ-CP Điều 18 khoản 1); only with a calendar
    /// ([`report_with_calendar`]), else 0.
    pub issued_on_time: u32,
    /// Outgoing documents sent in the period after the issue deadline.
    pub issued_late: u32,
    /// Mean time from registration to completion of those, in hours.
    pub average_handling_hours: Option<f64>,
    /// Incoming documents registered by the end of the period and still open then.
    pub open_backlog: u32,
}

impl UnitReport {
    fn new(unit: &str) -> Self {
        Self {
            unit: unit.to_owned(),
            received: 0,
            sent: 0,
            sent_with_valid_signatures: 0,
            valid_signature_share: None,
            handled_on_time: 0,
            handled_late: 0,
            issued_on_time: 0,
            issued_late: 0,
            average_handling_hours: None,
            open_backlog: 0,
        }
    }
}

/// A report for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// The period.
    pub period: Period,
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
    /// The whole agency.
    pub total: UnitReport,
    /// Per unit, by name.
    pub units: Vec<UnitReport>,
}

const CSV_HEADER: [&str; 11] = [
    "unit",
    "received",
    "sent",
    "sent_with_valid_signatures",
    "valid_signature_share",
    "handled_on_time",
    "handled_late",
    "issued_on_time",
    "issued_late",
    "average_handling_hours",
    "open_backlog",
];

impl Report {
    /// The report as CSV (RFC 4180): a header, one line per unit, the total
    /// last; a unit name that a spreadsheet would read as a formula is guarded
    /// ([`guard_formula`](crate::csv_text::guard_formula)).
    pub fn to_csv(&self) -> String {
        let float = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.2}"));
        let rows = self
            .units
            .iter()
            .chain(std::iter::once(&self.total))
            .map(|unit| {
                [
                    unit.unit.clone(),
                    unit.received.to_string(),
                    unit.sent.to_string(),
                    unit.sent_with_valid_signatures.to_string(),
                    float(unit.valid_signature_share),
                    unit.handled_on_time.to_string(),
                    unit.handled_late.to_string(),
                    unit.issued_on_time.to_string(),
                    unit.issued_late.to_string(),
                    float(unit.average_handling_hours),
                    unit.open_backlog.to_string(),
                ]
            });
        crate::csv_text::write(&CSV_HEADER, rows)
    }
}

fn unit_of(office: &Office, doc: &IncomingDocument) -> String {
    match doc.assignment.as_ref().map(|a| &a.lead.assignee) {
        Some(Assignee::Unit(unit)) => unit.clone(),
        Some(Assignee::Person(person)) => office
            .directory()
            .actor(person)
            .and_then(|a| a.unit.clone())
            .unwrap_or_else(|| "-".to_owned()),
        None => "-".to_owned(),
    }
}

fn day(at: DateTime<FixedOffset>) -> NaiveDate {
    vietnam_time(&at).date_naive()
}

/// The report of `office` for `period`.
///
/// # Errors
/// [`InvalidPeriod`] when the period does not exist.
pub fn report(office: &Office, period: Period) -> Result<Report, InvalidPeriod> {
    // Without a calendar no deadline is resolved, so only the period can fail.
    build(office, period, None).map_err(|e| match e {
        ReportError::Period(invalid) => invalid,
        ReportError::Calendar(_) => InvalidPeriod(period),
    })
}

/// Why a report with a calendar could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The period does not exist.
    #[error(transparent)]
    Period(#[from] InvalidPeriod),
    /// The calendar does not cover a year involved.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

/// The report of `office` for `period`, with the issue deadlines judged on
/// `calendar` and `rules` (`issued_on_time`, `issued_late`).
///
/// # Errors
/// [`ReportError`] when the period does not exist or the calendar does not
/// cover a signing date.
pub fn report_with_calendar(
    office: &Office,
    period: Period,
    calendar: &WorkingCalendar,
    rules: &DeadlineRules,
) -> Result<Report, ReportError> {
    build(office, period, Some((calendar, rules)))
}

fn build(
    office: &Office,
    period: Period,
    deadlines: Option<(&WorkingCalendar, &DeadlineRules)>,
) -> Result<Report, ReportError> {
    let (from, to) = period.days()?;
    let within = |at: DateTime<FixedOffset>| (from..=to).contains(&day(at));
    let mut units: BTreeMap<String, (UnitReport, f64, u32)> = BTreeMap::new();
    let mut total = (UnitReport::new("*"), 0.0_f64, 0_u32);
    for doc in office.incoming_documents() {
        let Some(registration) = &doc.registration else {
            continue;
        };
        let unit = unit_of(office, doc);
        let slot = units
            .entry(unit.clone())
            .or_insert_with(|| (UnitReport::new(&unit), 0.0, 0));
        for (report, hours, count) in [&mut *slot, &mut total] {
            if within(registration.at) {
                report.received += 1;
            }
            if let (Some(done), Some(a)) = (doc.completed_at, &doc.assignment)
                && within(done)
            {
                if done <= a.lead.due {
                    report.handled_on_time += 1;
                } else {
                    report.handled_late += 1;
                }
                #[allow(clippy::cast_precision_loss)]
                let h = (done - registration.at).num_seconds() as f64 / 3600.0;
                *hours += h;
                *count += 1;
            }
            let cancelled_by_end = doc.changes.iter().any(|c| {
                c.kind == ChangeKind::Recall
                    && c.agreed == Some(true)
                    && c.answered_at.is_some_and(|t| day(t) <= to)
            });
            let open_at_end = day(registration.at) <= to
                && doc.completed_at.is_none_or(|t| day(t) > to)
                && !cancelled_by_end;
            if open_at_end {
                report.open_backlog += 1;
            }
        }
    }
    for doc in office.outgoing_documents() {
        if !doc.issued_at.is_some_and(within) {
            continue;
        }
        let unit = doc.unit.clone().unwrap_or_else(|| "-".to_owned());
        let slot = units
            .entry(unit.clone())
            .or_insert_with(|| (UnitReport::new(&unit), 0.0, 0));
        let on_time = match (deadlines, doc.signed_at, doc.issued_at) {
            (Some((calendar, rules)), Some(signed_at), Some(issued_at)) => Some(
                issued_at
                    <= DeadlineRule::Issue {
                        signed_at,
                        urgent: doc.is_urgent(),
                    }
                    .resolve(calendar, rules)?,
            ),
            _ => None,
        };
        for (report, _, _) in [&mut *slot, &mut total] {
            report.sent += 1;
            match on_time {
                Some(true) => report.issued_on_time += 1,
                Some(false) => report.issued_late += 1,
                None => {}
            }
            if doc.has_legal_value() {
                report.sent_with_valid_signatures += 1;
            }
        }
    }
    let finish = |(mut r, hours, count): (UnitReport, f64, u32)| {
        if r.sent > 0 {
            r.valid_signature_share =
                Some(f64::from(r.sent_with_valid_signatures) / f64::from(r.sent));
        }
        if count > 0 {
            r.average_handling_hours = Some(hours / f64::from(count));
        }
        r
    };
    Ok(Report {
        period,
        from,
        to,
        total: finish(total),
        units: units.into_values().map(finish).collect(),
    })
}
