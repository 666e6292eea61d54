//! Replaying an agency's event log: the working calendar it needs, the
//! default deadline rules, and the verdict.

use chrono::{DateTime, Datelike as _, FixedOffset};
use vanthu_workflow::EventLog;
use vanthu_workflow::calendar::{DeadlineRules, WorkingCalendar, vietnam_time};
use vanthu_workflow::monitor::{ReplayReport, check_log};

use crate::error::{CheckError, ErrorKind};

/// The calendar years a log needs: those of its events and of `as_of`, and
/// one more, since deadlines run a few working days past the last event;
/// clamped to the years the calendar knows (1900–2100).
fn years(log: &EventLog, as_of: Option<DateTime<FixedOffset>>) -> (i32, i32) {
    let (min, max) = log
        .events
        .iter()
        .map(|e| e.at)
        .chain(as_of)
        .map(|at| vietnam_time(&at).year())
        .fold(None, |acc: Option<(i32, i32)>, y| match acc {
            Some((a, b)) => Some((a.min(y), b.max(y))),
            None => Some((y, y)),
        })
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
