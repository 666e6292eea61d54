//! The document workflow: [`replay`] an agency's event log, or drive an
//! [`Office`] event by event.

use std::path::Path;

use serde::{Deserialize, Serialize};
use vanthu_workflow::monitor::ReplayReport;
use vanthu_workflow::{Effect, LocalRules, LogEntry, LogLimits, Policy, WorkflowError};

use super::calendar::{NextDay, SameDay, deadline_rules};
use super::error::{ApiError, ApiErrorKind};

/// The optional arguments of [`replay`]: the options of `vanthu replay`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ReplayArgs {
    /// Judge deadlines at this instant (any form [`crate::parse_time`]
    /// reads) instead of the last event's.
    pub as_of: Option<String>,
    /// Judge the log under these rules instead of the policy it carries:
    /// `national`, `ho-chi-minh-city`, `nam-dinh` or `quang-nam`.
    pub rules: Option<String>,
    /// Where "the next working day" of the issue rule ends.
    pub next_day: NextDay,
    /// Where "the same day" of the acknowledge rule ends.
    pub same_day: SameDay,
    /// The most documents the replay holds (default 100,000).
    pub max_documents: Option<u64>,
}

fn local_rules(name: &str) -> Result<LocalRules, ApiError> {
    name.parse::<LocalRules>().map_err(|e| {
        ApiError::invalid(e.to_string()).with_message_vi(format!(
            "bộ quy tắc {name:?} không có: cần là national, ho-chi-minh-city, phu-nhuan, nam-dinh hoặc quang-nam"
        ))
    })
}

/// Replays the event log at `log_path` (the JSON schema of
/// `vanthu_workflow::EventLog`), read as a stream: the final state, every
/// refused event and missed deadline as findings, the pending deadlines
/// (what `vanthu replay --json` prints).
///
/// # Errors
/// [`ApiErrorKind::Io`] when the file cannot be read;
/// [`ApiErrorKind::Unreadable`] when it is not an event log, crosses a
/// limit or lies outside 1900–2100; [`ApiErrorKind::InvalidArgument`] for
/// an unknown rule set or an unreadable `as_of`.
pub fn replay(log_path: &Path, args: &ReplayArgs) -> Result<ReplayReport, ApiError> {
    let file = std::fs::File::open(log_path).map_err(|e| ApiError::io("read", log_path, &e))?;
    let input = std::io::BufReader::with_capacity(64 * 1024, file);
    let out = replay_stream(input, args).map_err(|mut e| {
        e.message = format!("{}: {}", log_path.display(), e.message);
        e
    })?;
    Ok(out.report)
}

/// [`replay`] of a log read from `input` (standard input, a socket): the
/// report and the number of events read.
///
/// # Errors
/// As [`replay`].
pub fn replay_stream(
    input: impl std::io::Read,
    args: &ReplayArgs,
) -> Result<crate::StreamedReplay, ApiError> {
    let as_of = args.as_of.as_deref().map(super::time).transpose()?;
    let policy = args
        .rules
        .as_deref()
        .map(local_rules)
        .transpose()?
        .map(Policy::local);
    let limits = args.max_documents.map_or_else(LogLimits::default, |max| {
        LogLimits::default().max_documents(max)
    });
    Ok(crate::replay_read(
        input,
        as_of,
        policy,
        &deadline_rules(args.next_day, args.same_day),
        &limits,
    )?)
}

/// One agency's office, driven event by event: the state a vendor's
/// system holds, with every event checked against the workflow's rules
/// before it is applied. [`Office::snapshot`] is the state as
/// `vanthu replay --json` prints it (`state`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    state: vanthu_workflow::Office,
}

impl Office {
    /// The empty office of the agency `agency` (its agency id), working
    /// under the rules `rules` (`national` when `None`).
    ///
    /// ```
    /// let mut office = vanthu::api::Office::new("000.00.15.H47", None)?;
    /// let effects = office.apply(r#"{"at": "2025-03-03T07:00:00+07:00", "type": "actor_added",
    ///   "actor": {"id": "clerk", "name": "Văn Thư", "roles": ["clerk"]}}"#)?;
    /// assert!(effects.is_empty());
    /// assert_eq!(office.snapshot().directory().actors().count(), 1);
    /// # Ok::<(), vanthu::api::ApiError>(())
    /// ```
    ///
    /// # Errors
    /// [`ApiErrorKind::InvalidArgument`] for an invalid agency id or
    /// unknown rules.
    pub fn new(agency: &str, rules: Option<&str>) -> Result<Self, ApiError> {
        let id = agency
            .trim()
            .parse::<vanthu_identifiers::AgencyId>()
            .map_err(|e| {
                ApiError::invalid(format!("agency id {agency:?}: {e}"))
                    .with_message_vi(format!("mã định danh cơ quan {agency:?} không hợp lệ"))
            })?;
        let policy = match rules {
            Some(name) => Policy::local(local_rules(name)?),
            None => Policy::national(),
        };
        Ok(Self {
            state: vanthu_workflow::Office::with_policy(id, policy),
        })
    }

    /// Applies one event of the log's schema, given as JSON (`{"at": …,
    /// "type": …, …}`): what the embedding system must do next.
    ///
    /// # Errors
    /// [`ApiErrorKind::InvalidArgument`] when it is not an event of the
    /// schema; [`ApiErrorKind::Refused`] when the rules forbid it (`rule`
    /// names which); the office is then unchanged.
    pub fn apply(&mut self, event: &str) -> Result<Vec<Effect>, ApiError> {
        let entry: LogEntry = serde_json::from_str(event).map_err(|e| {
            ApiError::invalid(format!("not an event of the log's schema: {e}"))
                .with_message_vi("không phải là một sự kiện theo lược đồ của nhật ký")
        })?;
        self.apply_entry(&entry)
    }

    /// [`Self::apply`] of an event already read.
    ///
    /// # Errors
    /// As [`Self::apply`].
    pub fn apply_entry(&mut self, entry: &LogEntry) -> Result<Vec<Effect>, ApiError> {
        let (next, effects) =
            vanthu_workflow::apply(&self.state, &entry.event, entry.at).map_err(|e| refused(&e))?;
        self.state = next;
        Ok(effects)
    }

    /// The office's state: accounts, registers, documents.
    #[must_use]
    pub fn snapshot(&self) -> &vanthu_workflow::Office {
        &self.state
    }
}

fn refused(e: &WorkflowError) -> ApiError {
    let rule = e.rule();
    let mut error = ApiError::new(ApiErrorKind::Refused, e.to_string())
        .with_message_vi(format!("{} ({})", rule.title_vi, rule.id));
    error.rule = Some(rule.id.to_owned());
    error
}
