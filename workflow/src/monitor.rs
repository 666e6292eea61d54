//! Monitoring at an instant the caller passes: pending deadlines, overdue
//! documents, the backlog (Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 17 khoản 1–3, Điều 18 khoản 4: leaders check the
//! system and chase overdue and backlog documents), and deadlines that were
//! missed.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use vanthu_identifiers::{AgencyId, Finding, Location, Report, Rule, conformant};

use crate::calendar::{CalendarError, DeadlineRules, WorkingCalendar, vietnam_time};
use crate::document::{Assignee, CaseId, DeadlineKind, DeadlineRule};
use crate::incoming::{IncomingDocument, IncomingStatus};
use crate::outgoing::{OutgoingDocument, OutgoingStatus};
use crate::rules;
use crate::state::Office;

/// Incoming or outgoing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
// Closed: a document is incoming or outgoing. Matching on it exhaustively is safe.
#[allow(clippy::exhaustive_enums)]
pub enum Direction {
    /// An incoming document.
    Incoming,
    /// An outgoing document.
    Outgoing,
}

/// A deadline still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PendingDeadline {
    /// Incoming or outgoing.
    pub direction: Direction,
    /// The document.
    pub case: CaseId,
    /// What must be done.
    pub kind: DeadlineKind,
    /// Who must do it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<Assignee>,
    /// The recipient, for a delivery not confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<AgencyId>,
    /// The deadline, in Vietnam time.
    pub due: DateTime<FixedOffset>,
    /// When the duty starts, where it is a window: a recipient that has not
    /// accepted a document may be chased from 3 working days after sending
    /// (`due` is the end of the window, 4 working days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DateTime<FixedOffset>>,
}

/// A duty done after its deadline (or still open past it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MissedDeadline {
    /// Incoming or outgoing.
    pub direction: Direction,
    /// The document.
    pub case: CaseId,
    /// What was due.
    pub kind: DeadlineKind,
    /// Who was to do it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<Assignee>,
    /// The deadline.
    pub due: DateTime<FixedOffset>,
    /// When it was done; absent while still open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<DateTime<FixedOffset>>,
}

/// Every deadline still open in `office`, earliest first.
///
/// # Errors
/// [`CalendarError`] when `calendar` does not cover a year involved.
pub fn pending_deadlines(
    office: &Office,
    calendar: &WorkingCalendar,
    rules: &DeadlineRules,
) -> Result<Vec<PendingDeadline>, CalendarError> {
    let mut out = Vec::new();
    for doc in office.incoming_documents() {
        incoming_pending(doc, calendar, rules, &mut out)?;
    }
    for doc in office.outgoing_documents() {
        outgoing_pending(doc, calendar, rules, &mut out)?;
    }
    out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.case.cmp(&b.case)));
    Ok(out)
}

/// The open deadlines that have passed at `at`.
///
/// # Errors
/// As [`pending_deadlines`].
pub fn overdue(
    office: &Office,
    calendar: &WorkingCalendar,
    rules: &DeadlineRules,
    at: DateTime<FixedOffset>,
) -> Result<Vec<PendingDeadline>, CalendarError> {
    let mut pending = pending_deadlines(office, calendar, rules)?;
    pending.retain(|p| p.due < at);
    Ok(pending)
}

fn incoming_pending(
    doc: &IncomingDocument,
    calendar: &WorkingCalendar,
    rules: &DeadlineRules,
    out: &mut Vec<PendingDeadline>,
) -> Result<(), CalendarError> {
    let base = |kind, assignee, due| PendingDeadline {
        direction: Direction::Incoming,
        case: doc.case.clone(),
        kind,
        assignee,
        recipient: None,
        due,
        from: None,
    };
    match doc.status {
        IncomingStatus::Arrived => {
            let due = DeadlineRule::Acknowledge {
                received_at: doc.arrived_at,
                urgent: doc.meta.is_urgent(),
            }
            .resolve(calendar, rules)?;
            out.push(base(DeadlineKind::Acknowledge, None, due));
        }
        IncomingStatus::Assigned | IncomingStatus::Processing => {
            if let Some(a) = &doc.assignment {
                for h in a.handlers() {
                    out.push(base(DeadlineKind::Handle, Some(h.assignee.clone()), h.due));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn outgoing_pending(
    doc: &OutgoingDocument,
    calendar: &WorkingCalendar,
    rules: &DeadlineRules,
    out: &mut Vec<PendingDeadline>,
) -> Result<(), CalendarError> {
    match doc.status {
        OutgoingStatus::Signed | OutgoingStatus::Numbered | OutgoingStatus::AgencySigned => {
            if let Some(signed_at) = doc.signed_at {
                let due = DeadlineRule::Issue {
                    signed_at,
                    urgent: doc.is_urgent(),
                }
                .resolve(calendar, rules)?;
                out.push(PendingDeadline {
                    direction: Direction::Outgoing,
                    case: doc.case.clone(),
                    kind: DeadlineKind::Issue,
                    assignee: None,
                    recipient: None,
                    due,
                    from: None,
                });
            }
        }
        OutgoingStatus::Issued => {
            for d in doc
                .deliveries
                .iter()
                .filter(|d| d.state.awaits_acceptance())
            {
                let window = rules.not_received(calendar, &d.sent_at)?;
                out.push(PendingDeadline {
                    direction: Direction::Outgoing,
                    case: doc.case.clone(),
                    kind: DeadlineKind::NotReceived,
                    assignee: None,
                    recipient: Some(d.to),
                    due: window.chase_by,
                    from: Some(window.chase_from),
                });
            }
        }
        _ => {}
    }
    Ok(())
}

/// Duties done late, and duties still open past their deadline at `at`:
/// acknowledging (register or return) the same day (Nghị định 30/2020/NĐ-CP Điều 21 khoản 2 điểm c),
/// handling by the leader's deadline (Nghị định 30/2020/NĐ-CP Điều 24 khoản 2), issuing the signing day
/// or the next working morning (Nghị định 30/2020/NĐ-CP Điều 18 khoản 1). Delivery chases are not
/// listed: they are the recipient's delay, not this agency's ([`PendingDeadline::chase_finding`]
/// reports them).
///
/// # Errors
/// As [`pending_deadlines`].
pub fn missed_deadlines(
    office: &Office,
    calendar: &WorkingCalendar,
    rules: &DeadlineRules,
    at: DateTime<FixedOffset>,
) -> Result<Vec<MissedDeadline>, CalendarError> {
    let mut out = Vec::new();
    for doc in office.incoming_documents() {
        let done = doc.registration.as_ref().map(|r| r.at).or(doc
            .history
            .iter()
            .find(|h| h.event == "returned")
            .map(|h| h.at));
        let cancelled = doc.status == IncomingStatus::Cancelled;
        let due = DeadlineRule::Acknowledge {
            received_at: doc.arrived_at,
            urgent: doc.meta.is_urgent(),
        }
        .resolve(calendar, rules)?;
        push_missed(
            &mut out,
            Direction::Incoming,
            doc,
            DeadlineKind::Acknowledge,
            None,
            due,
            done,
            cancelled,
            at,
        );
        if let Some(a) = &doc.assignment {
            // Every handler, lead or co-operating, is measured against its own
            // deadline and the document's completion.
            for h in a.handlers() {
                push_missed(
                    &mut out,
                    Direction::Incoming,
                    doc,
                    DeadlineKind::Handle,
                    Some(h.assignee.clone()),
                    h.due,
                    doc.completed_at,
                    cancelled,
                    at,
                );
            }
        }
    }
    for doc in office.outgoing_documents() {
        if let Some(signed_at) = doc.signed_at {
            let due = DeadlineRule::Issue {
                signed_at,
                urgent: doc.is_urgent(),
            }
            .resolve(calendar, rules)?;
            let cancelled = doc.status == OutgoingStatus::Recalled && doc.issued_at.is_none();
            if let Some(done) = doc.issued_at {
                if done > due {
                    out.push(missed(
                        Direction::Outgoing,
                        &doc.case,
                        DeadlineKind::Issue,
                        None,
                        due,
                        Some(done),
                    ));
                }
            } else if !cancelled && due < at {
                out.push(missed(
                    Direction::Outgoing,
                    &doc.case,
                    DeadlineKind::Issue,
                    None,
                    due,
                    None,
                ));
            }
        }
    }
    out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.case.cmp(&b.case)));
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn push_missed(
    out: &mut Vec<MissedDeadline>,
    direction: Direction,
    doc: &IncomingDocument,
    kind: DeadlineKind,
    assignee: Option<Assignee>,
    due: DateTime<FixedOffset>,
    done: Option<DateTime<FixedOffset>>,
    cancelled: bool,
    at: DateTime<FixedOffset>,
) {
    match done {
        Some(done) if done > due => out.push(missed(
            direction,
            &doc.case,
            kind,
            assignee,
            due,
            Some(done),
        )),
        None if !cancelled && !doc.status.is_terminal() && due < at => {
            out.push(missed(direction, &doc.case, kind, assignee, due, None));
        }
        _ => {}
    }
}

fn missed(
    direction: Direction,
    case: &CaseId,
    kind: DeadlineKind,
    assignee: Option<Assignee>,
    due: DateTime<FixedOffset>,
    done_at: Option<DateTime<FixedOffset>>,
) -> MissedDeadline {
    MissedDeadline {
        direction,
        case: case.clone(),
        kind,
        assignee,
        due,
        done_at,
    }
}

/// An open incoming document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BacklogItem {
    /// The document.
    pub case: CaseId,
    /// Where it stands.
    pub status: IncomingStatus,
    /// Its arrival number, once registered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrival_number: Option<u32>,
    /// Subject.
    pub subject: String,
    /// The lead unit or person, once assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<Assignee>,
    /// The lead's deadline, once assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<FixedOffset>>,
    /// Whether that deadline has passed at the instant asked about.
    pub overdue: bool,
}

/// The incoming documents of `office` (its present state) arrived by `at`
/// and not yet handled (arrived, registered, assigned, processing), by case
/// id; `at` is the present instant, against which deadlines are judged.
pub fn backlog(office: &Office, at: DateTime<FixedOffset>) -> Vec<BacklogItem> {
    office
        .incoming_documents()
        .filter(|d| d.arrived_at <= at)
        .filter(|d| {
            matches!(
                d.status,
                IncomingStatus::Arrived
                    | IncomingStatus::Registered
                    | IncomingStatus::Assigned
                    | IncomingStatus::Processing
            )
        })
        .map(|d| BacklogItem {
            case: d.case.clone(),
            status: d.status,
            arrival_number: d.registration.as_ref().map(|r| r.number),
            subject: d.meta.subject.clone(),
            lead: d.assignment.as_ref().map(|a| a.lead.assignee.clone()),
            due: d.assignment.as_ref().map(|a| a.lead.due),
            overdue: d.is_overdue(at),
        })
        .collect()
}

impl MissedDeadline {
    /// The rule this missed deadline breaks ([`rules::DUE_ACKNOWLEDGE`],
    /// [`rules::DUE_HANDLE`], [`rules::DUE_ISSUE`] or
    /// [`rules::DUE_NOT_RECEIVED`]).
    pub fn rule(&self) -> Rule {
        match self.kind {
            DeadlineKind::Acknowledge => rules::DUE_ACKNOWLEDGE,
            DeadlineKind::Handle => rules::DUE_HANDLE,
            DeadlineKind::Issue => rules::DUE_ISSUE,
            DeadlineKind::NotReceived => rules::DUE_NOT_RECEIVED,
        }
    }

    /// This missed deadline as a finding of its [`rule`](Self::rule), located
    /// at the document (`incoming[CASE]` or `outgoing[CASE]`, as in the JSON of
    /// [`Office`]).
    pub fn finding(&self) -> Finding {
        let direction = match self.direction {
            Direction::Incoming => "incoming",
            Direction::Outgoing => "outgoing",
        };
        let due = vietnam_time(&self.due).to_rfc3339();
        let (done, done_vi) = match self.done_at {
            Some(at) => {
                let at = vietnam_time(&at).to_rfc3339();
                (format!("done {at}"), format!("thực hiện lúc {at}"))
            }
            None => ("not done".to_owned(), "chưa thực hiện".to_owned()),
        };
        let rule = self.rule();
        rule.custom(
            format!("{}: {}: due {due}, {done}", self.case, rule.title),
            format!("{}: {}: hạn {due}, {done_vi}", self.case, rule.title_vi),
            Location::at_path(format!("{direction}[{}]", self.case)),
        )
    }
}

impl PendingDeadline {
    /// For a recipient that has not accepted the document (nothing back, or
    /// only the automatic 01) once its chase window has opened at `at`: a
    /// finding of [`rules::DUE_NOT_RECEIVED`] naming the recipient and the
    /// window, located at the document. `None` for other deadlines, or
    /// before the window opens.
    pub fn chase_finding(&self, at: DateTime<FixedOffset>) -> Option<Finding> {
        let from = self.from.filter(|from| *from <= at)?;
        let to = self
            .recipient
            .filter(|_| self.kind == DeadlineKind::NotReceived)?;
        let from = vietnam_time(&from).to_rfc3339();
        let by = vietnam_time(&self.due).to_rfc3339();
        let rule = rules::DUE_NOT_RECEIVED;
        Some(rule.custom(
            format!(
                "{}: {to} has not accepted the document (no 03): chase it from {from}, at the latest by {by}",
                self.case
            ),
            format!(
                "{}: {to} chưa tiếp nhận văn bản (chưa có mã 03): đôn đốc từ {from}, chậm nhất {by}",
                self.case
            ),
            Location::at_path(format!("outgoing[{}]", self.case)),
        ))
    }
}

/// What `vanthu replay` prints: the verdict, the findings (events that broke a
/// rule, then deadlines missed), the final state, the deadlines missed and the
/// deadlines still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ReplayReport {
    /// No finding is an error ([`vanthu_identifiers::conformant`]).
    pub conformant: bool,
    /// Every event skipped because it breaks a rule (located at
    /// `events[INDEX]`, see [`violation`](crate::violation)), then every
    /// missed deadline ([`MissedDeadline::finding`]).
    pub findings: Vec<Finding>,
    /// The instant the deadlines are judged at.
    pub as_of: Option<DateTime<FixedOffset>>,
    /// The state after every valid event.
    pub state: Office,
    /// Duties done late or still open past their deadline at `as_of`.
    pub missed_deadlines: Vec<MissedDeadline>,
    /// Deadlines still open at `as_of`.
    pub pending_deadlines: Vec<PendingDeadline>,
}

impl ReplayReport {
    /// The findings and the verdict as the shared [`Report`].
    pub fn to_report(&self) -> Report {
        Report::new(self.findings.clone())
    }
}

/// Replays `log` leniently up to `as_of` (events after it are not applied)
/// and judges its deadlines at `as_of`; by default, the whole log at the
/// instant of its last event.
///
/// # Errors
/// [`CalendarError`] when `calendar` does not cover a year involved.
pub fn check_log(
    log: &crate::state::EventLog,
    calendar: &WorkingCalendar,
    rules: &DeadlineRules,
    as_of: Option<DateTime<FixedOffset>>,
) -> Result<ReplayReport, CalendarError> {
    // The office as it was at `as_of`: later events are not applied.
    let (state, findings) = crate::state::replay_lenient_until(log, as_of);
    judge(state, findings, calendar, rules, as_of)
}

/// [`check_log`] of a log already replayed (by
/// [`LenientReplay`](crate::LenientReplay), as a stream): judges the
/// deadlines of `state` at `as_of` (by default the instant of its last
/// event) after the `findings` of the refused events.
///
/// # Errors
/// [`CalendarError`] when `calendar` does not cover a year involved.
pub fn judge(
    state: Office,
    mut findings: Vec<Finding>,
    calendar: &WorkingCalendar,
    rules: &DeadlineRules,
    as_of: Option<DateTime<FixedOffset>>,
) -> Result<ReplayReport, CalendarError> {
    let as_of = as_of.or(state.last_at());
    let (missed_deadlines, pending_deadlines) = match as_of {
        Some(at) => (
            missed_deadlines(&state, calendar, rules, at)?,
            pending_deadlines(&state, calendar, rules)?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    findings.extend(missed_deadlines.iter().map(MissedDeadline::finding));
    if let Some(at) = as_of {
        findings.extend(pending_deadlines.iter().filter_map(|p| p.chase_finding(at)));
    }
    Ok(ReplayReport {
        conformant: conformant(&findings),
        findings,
        as_of,
        state,
        missed_deadlines,
        pending_deadlines,
    })
}
