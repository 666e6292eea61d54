//! Replaying an agency's event log: the working calendar it needs, the
//! default deadline rules, and the verdict.

use chrono::{DateTime, Datelike as _, FixedOffset};
use vanthu_workflow::calendar::{DeadlineRules, WorkingCalendar, vietnam_time};
use vanthu_workflow::monitor::{ReplayReport, check_log, judge};
use vanthu_workflow::{EventLog, LogLimits, ReplaySink, read_log};

use crate::error::{CheckError, ErrorKind};

/// The calendar years a log needs: those of its events and of `as_of`, and
/// one more, since deadlines run a few working days past the last event;
/// clamped to the years the calendar knows (1900–2100).
fn years(log: &EventLog, as_of: Option<DateTime<FixedOffset>>) -> (i32, i32) {
    span(
        min_max(log.events.iter().map(|e| vietnam_time(&e.at).year())),
        as_of,
    )
}

/// The smallest and largest of `years`.
fn min_max(years: impl Iterator<Item = i32>) -> Option<(i32, i32)> {
    years.fold(None, |acc, y| match acc {
        Some((a, b)) => Some((y.min(a), y.max(b))),
        None => Some((y, y)),
    })
}

/// The years of [`years`] from the first and last years of the events.
fn span(events: Option<(i32, i32)>, as_of: Option<DateTime<FixedOffset>>) -> (i32, i32) {
    let (min, max) = min_max(
        as_of
            .map(|at| vietnam_time(&at).year())
            .into_iter()
            .chain(events.into_iter().flat_map(|(a, b)| [a, b])),
    )
    .unwrap_or((1900, 1900));
    let first = min.clamp(1900, 2100);
    (first, max.saturating_add(1).clamp(first, 2100))
}

/// Replays `log` with Vietnam's working calendar and the default deadline
/// rules (Nghị định 30/2020/NĐ-CP), judging deadlines at `as_of` or, without
/// it, at the last event: every refused event and missed deadline is a
/// finding, and `conformant` is [`crate::conformant`] of them.
///
/// # Errors
/// [`ErrorKind::Unreadable`] when the log lies outside the years the working
/// calendar knows.
pub fn replay(
    log: &EventLog,
    as_of: Option<DateTime<FixedOffset>>,
) -> Result<ReplayReport, CheckError> {
    replay_with(log, as_of, &DeadlineRules::default())
}

/// [`replay`] with the agency's own deadline policy (working hours, where
/// "the next working day" and "the same day" end).
///
/// # Errors
/// As [`replay`].
pub fn replay_with(
    log: &EventLog,
    as_of: Option<DateTime<FixedOffset>>,
    rules: &DeadlineRules,
) -> Result<ReplayReport, CheckError> {
    let outside = |e: vanthu_workflow::calendar::CalendarError| {
        CheckError::new(
            ErrorKind::Unreadable,
            format!("event log outside the calendar: {e}"),
        )
    };
    let (first, last) = years(log, as_of);
    let calendar = WorkingCalendar::vietnam(first..=last).map_err(outside)?;
    check_log(log, &calendar, rules, as_of).map_err(outside)
}

/// A log replayed from a stream ([`replay_read`]): the report and the number
/// of events read.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct StreamedReplay {
    /// The verdict, as [`replay_with`] gives it.
    pub report: ReplayReport,
    /// Events in the log.
    pub events: u64,
}

/// [`replay_with`] of a log read as a stream
/// ([`vanthu_workflow::read_log`]): memory holds the office and at most
/// [`LogLimits::reorder_window`] events, never the whole log. `policy`, when
/// given, replaces the log's own.
///
/// ```
/// use vanthu_workflow::LogLimits;
/// let json = r#"{"agency": "000.00.15.H47", "events": [
///   {"at": "2025-03-03T07:00:00+07:00", "type": "actor_added", "actor": {"id": "clerk", "name": "Văn Thư", "roles": ["clerk"]}}
/// ]}"#;
/// let out = vanthu::replay_read(json.as_bytes(), None, None, &Default::default(), &LogLimits::default())?;
/// assert_eq!(out.events, 1);
/// assert!(out.report.conformant);
/// # Ok::<(), vanthu::CheckError>(())
/// ```
///
/// # Errors
/// [`ErrorKind::Unreadable`] when the log is not JSON of the schema, crosses
/// a limit of [`LogLimits`] (the message names it and its byte offset) or
/// lies outside the years the working calendar knows.
pub fn replay_read(
    input: impl std::io::Read,
    as_of: Option<DateTime<FixedOffset>>,
    policy: Option<vanthu_workflow::Policy>,
    rules: &DeadlineRules,
    limits: &LogLimits,
) -> Result<StreamedReplay, CheckError> {
    let unreadable = |message: String| CheckError::new(ErrorKind::Unreadable, message);
    let mut sink =
        ReplaySink::new(policy, as_of, limits.reorder_window).max_documents(limits.max_documents);
    let events = read_log(input, limits, &mut sink).map_err(|e| unreadable(e.to_string()))?;
    let years = sink.years();
    let (state, findings) = sink
        .finish()
        .ok_or_else(|| unreadable("not an event log: missing field `agency`".to_owned()))?;
    let (first, last) = span(years, as_of);
    let calendar = WorkingCalendar::vietnam(first..=last)
        .map_err(|e| unreadable(format!("event log outside the calendar: {e}")))?;
    let report = judge(state, findings, &calendar, rules, as_of)
        .map_err(|e| unreadable(format!("event log outside the calendar: {e}")))?;
    Ok(StreamedReplay { report, events })
}
