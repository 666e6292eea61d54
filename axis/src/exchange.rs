//! The exchange loop as a pure state machine (`docs/axis.md` §9): poll the
//! received lists, fetch each package, check it, hand it to the caller's
//! workflow, answer it with status packages (01 on arrival, then the
//! workflow's answer, 02 or 03), and mark the message `done` or `fail`;
//! send the caller's packages with retries and backoff. The caller performs
//! the actions and owns the clock; every fact worth keeping is a
//! [`Record`] the caller appends to a journal, one JSON line each, and
//! [`Exchange::resume`] rebuilds the machine from it after a crash.
//!
//! The guarantees, with the journal written before each action is
//! performed (write-ahead): nothing is lost (a message is marked `done` or
//! `fail` only once it has been delivered and answered; the axis keeps it
//! until then and it is fetched again after a restart), and nothing is
//! processed twice (a message whose delivery is journaled is not delivered
//! again; a second message carrying a package already taken, by its
//! `DocumentId`, is marked done without delivery). The one window left, a
//! crash after the workflow took a package and before [`Exchange::delivered`]
//! was journaled, is flagged: the package comes again with
//! [`Delivery::redelivery`] set and the same [`Delivery::key`], so that the
//! workflow ignores a key it holds. Status replies rebuilt after a crash are
//! byte-identical to the first ones (their time is journaled), so a
//! receiver can drop the copy.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};
use vanthu::edxml::{DocumentPackage, Package};
use vanthu::identifiers::{BusinessType, StatusCode};
use vanthu::workflow::{LocalRules, Policy};
use vanthu::{Checker, FileReport, ReplyRequest};

use crate::error::AxisError;
use crate::http::sha256_hex;
use crate::model::{MessageType, Operation, Outcome, TransportState};

/// How long to wait before trying a failed call again: `first_seconds`,
/// multiplied by `factor` after each failure, at most `max_seconds`; after
/// `max_attempts` failures a step is given up (polls never are).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Backoff {
    /// The first delay, in seconds.
    pub first_seconds: u64,
    /// The factor between two delays.
    pub factor: u32,
    /// The longest delay, in seconds.
    pub max_seconds: u64,
    /// How many failures a step may have before it is given up.
    pub max_attempts: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            first_seconds: 5,
            factor: 2,
            max_seconds: 600,
            max_attempts: 8,
        }
    }
}

impl Backoff {
    /// Delays from `first_seconds`, times `factor` after each failure, at
    /// most `max_seconds`; given up after `max_attempts` failures.
    #[must_use]
    pub const fn new(first_seconds: u64, factor: u32, max_seconds: u64, max_attempts: u32) -> Self {
        Self {
            first_seconds,
            factor,
            max_seconds,
            max_attempts,
        }
    }

    /// The delay after the `failures`-th failure (from 1).
    #[must_use]
    pub fn delay(&self, failures: u32) -> Duration {
        let mut seconds = self.first_seconds;
        for _ in 1..failures {
            seconds = seconds.saturating_mul(u64::from(self.factor));
            if seconds >= self.max_seconds {
                break;
            }
        }
        Duration::seconds(i64::try_from(seconds.min(self.max_seconds)).unwrap_or(i64::MAX))
    }
}

/// The loop's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ExchangeConfig {
    /// This system's agency identifier: the sender of its packages and of
    /// its status replies.
    pub agency: String,
    /// Its name, for status replies to packages that do not give it.
    #[serde(default)]
    pub agency_name: Option<String>,
    /// Seconds between two polls of a received list.
    #[serde(default = "default_poll")]
    pub poll_seconds: u64,
    /// Retries.
    #[serde(default)]
    pub backoff: Backoff,
    /// The rules the agency works under, which decide what status replies
    /// it may send (`national` when not given; `ho-chi-minh-city`,
    /// `phu-nhuan`, `nam-dinh`, `quang-nam`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "rules_name",
        deserialize_with = "rules_named"
    )]
    pub rules: Option<LocalRules>,
    /// Whether the loop answers each document package with status 01 as
    /// soon as it is fetched (the default). `false` for a workflow that
    /// registers the arrival itself and sends its own 01 with
    /// [`Exchange::send`]; the loop then sends only the workflow's answer.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub arrival_reply: bool,
}

const fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes `&bool`
const fn is_true(value: &bool) -> bool {
    *value
}

#[allow(clippy::ref_option)] // serde's `serialize_with` passes `&Option<_>`
fn rules_name<S: serde::Serializer>(rules: &Option<LocalRules>, s: S) -> Result<S::Ok, S::Error> {
    match rules {
        Some(r) => s.serialize_str(r.as_str()),
        None => s.serialize_none(),
    }
}

fn rules_named<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<LocalRules>, D::Error> {
    let name = String::deserialize(d)?;
    name.parse().map(Some).map_err(serde::de::Error::custom)
}

const fn default_poll() -> u64 {
    60
}

impl ExchangeConfig {
    /// The settings of the agency `agency`, with the default poll interval
    /// (60 s) and backoff.
    #[must_use]
    pub fn new(agency: impl Into<String>) -> Self {
        Self {
            agency: agency.into(),
            agency_name: None,
            poll_seconds: default_poll(),
            backoff: Backoff::default(),
            rules: None,
            arrival_reply: true,
        }
    }
}

/// The workflow's answer to a delivered document: the status code to reply
/// with, and its description (the reason of a 02).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Answer {
    /// The status code (`03`, `02`, `15`, `16`).
    pub code: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Answer {
    /// 03: accepted and registered.
    #[must_use]
    pub fn accept() -> Self {
        Self {
            code: "03".to_owned(),
            description: None,
        }
    }

    /// 02: refused, with the reason.
    #[must_use]
    pub fn reject(reason: impl Into<String>) -> Self {
        Self {
            code: "02".to_owned(),
            description: Some(reason.into()),
        }
    }

    /// Any status code, with an optional description.
    #[must_use]
    pub fn new(code: impl Into<String>, description: Option<String>) -> Self {
        Self {
            code: code.into(),
            description,
        }
    }

    /// What the check alone says: accept a conformant package, refuse any
    /// other with the rule ids of its errors as the reason.
    #[must_use]
    pub fn from_report(report: &FileReport) -> Self {
        if report.conformant {
            return Self::accept();
        }
        let rules = error_rules(report);
        Self::reject(format!(
            "Gói tin không hợp lệ ({})",
            if rules.is_empty() {
                "không đọc được".to_owned()
            } else {
                rules.join(", ")
            }
        ))
    }
}

fn error_rules(report: &FileReport) -> Vec<String> {
    let mut rules: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == vanthu::Severity::Error)
        .map(|f| f.rule.clone())
        .collect();
    if let Some(error) = &report.error {
        rules.push(error.code.clone());
    }
    rules.dedup();
    rules
}

/// One fact of the journal. The caller appends each record it is given, in
/// order, before performing the next action; [`Record::to_line`] and
/// [`Record::from_line`] are its one-line JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Record {
    /// A received message's package was fetched.
    Fetched {
        /// The axis's id of the message.
        doc_id: String,
        /// What it carries, by its content.
        message_type: MessageType,
        /// The SHA-256 of the package, hex.
        sha256: String,
        /// The package's identity: its `DocumentId` (a revocation, update or
        /// replacement: `<DocumentId>#<business type>#sha256:<hex>`; a
        /// status package: `status:<from>:<DocumentId it answers>:<code>:
        /// <Timestamp>`); none when it cannot be read.
        key: Option<String>,
        /// The sending agency, from the package.
        from: Option<String>,
        /// When it was fetched: the time of the 01 reply.
        at: DateTime<FixedOffset>,
    },
    /// The package was checked.
    Checked {
        /// The axis's id of the message.
        doc_id: String,
        /// Whether it could be read as an edXML package.
        readable: bool,
        /// Whether it is conformant.
        conformant: bool,
        /// The rule ids of its errors.
        errors: Vec<String>,
    },
    /// The package is one already taken under another message.
    Duplicate {
        /// The axis's id of this message.
        doc_id: String,
        /// The message that carried it first.
        of: String,
    },
    /// The package is being handed to the workflow (written before).
    Delivering {
        /// The axis's id of the message.
        doc_id: String,
    },
    /// The workflow took the package.
    Delivered {
        /// The axis's id of the message.
        doc_id: String,
        /// Its answer (none for a status package).
        answer: Option<Answer>,
        /// When: the time of the answer's status reply.
        at: DateTime<FixedOffset>,
    },
    /// A status reply was sent, or will not be.
    Replied {
        /// The axis's id of the message answered.
        doc_id: String,
        /// The status code.
        code: String,
        /// The axis's id of the reply when it was sent.
        sent: Option<String>,
        /// Why it was not sent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// The message's transport state was set.
    Acknowledged {
        /// The axis's id of the message.
        doc_id: String,
        /// `done` or `fail`.
        state: TransportState,
    },
    /// The caller queued a package to send.
    Queued {
        /// The caller's key for it.
        key: String,
        /// What it is.
        message_type: MessageType,
        /// The receiving agencies.
        to: Vec<String>,
        /// Its SHA-256, hex.
        sha256: String,
    },
    /// A queued package was sent.
    Sent {
        /// The caller's key.
        key: String,
        /// The axis's id of the message.
        doc_id: Option<String>,
    },
    /// A step failed for good; the message or package waits for an
    /// operator.
    GaveUp {
        /// The message's id or the package's key.
        subject: String,
        /// The operation.
        step: String,
        /// The last error.
        error: String,
    },
}

impl Record {
    /// The record as one line of JSON, without the line break.
    #[must_use]
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a line written by [`Self::to_line`].
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] for a line that is not a record.
    pub fn from_line(line: &str) -> Result<Self, AxisError> {
        serde_json::from_str(line).map_err(|e| AxisError::invalid(format!("journal line: {e}")))
    }
}

/// Reads a journal: one record per line, blank lines skipped. A record
/// counts once its line break is written: a last line without one, cut
/// short by a crash, is ignored (the action after it was never performed);
/// truncate the file to [`journal_len`] before appending to it again.
///
/// # Errors
/// [`AxisError::InvalidArgument`] for a complete line that is not a record.
pub fn read_journal(text: &str) -> Result<Vec<Record>, AxisError> {
    let complete = text.get(..journal_len(text)).unwrap_or_default();
    complete
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(Record::from_line)
        .collect()
}

/// The length of the complete lines of a journal: where to truncate it
/// after a crash, before appending.
#[must_use]
pub fn journal_len(text: &str) -> usize {
    text.rfind('\n').map_or(0, |i| i + 1)
}

/// The journal `records` with what no longer matters dropped, for a
/// journal that must not grow without end: of a message acknowledged, only
/// its `fetched` (its identity, to recognise a copy that comes later) and
/// its `acknowledged`; everything else is kept. [`Exchange::resume`] gives
/// the same machine from either. Keep the full journal elsewhere if it is
/// also the audit trail.
#[must_use]
pub fn compact(records: &[Record]) -> Vec<Record> {
    let finished: BTreeSet<&str> = records
        .iter()
        .filter_map(|r| match r {
            Record::Acknowledged { doc_id, .. } => Some(doc_id.as_str()),
            _ => None,
        })
        .collect();
    records
        .iter()
        .filter(|r| match r {
            Record::Checked { doc_id, .. }
            | Record::Duplicate { doc_id, .. }
            | Record::Delivering { doc_id }
            | Record::Delivered { doc_id, .. }
            | Record::Replied { doc_id, .. } => !finished.contains(doc_id.as_str()),
            _ => true,
        })
        .cloned()
        .collect()
}

/// The identity of an action the machine asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ActionId(u64);

/// A package handed to the caller's workflow.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct Delivery {
    /// The axis's id of the message.
    pub doc_id: String,
    /// The package's identity (its `DocumentId`): the workflow ignores a
    /// key it already holds.
    pub key: String,
    /// Document or status package.
    pub message_type: MessageType,
    /// The package.
    pub package: Vec<u8>,
    /// vanthu's check of it.
    pub report: FileReport,
    /// The package may have been handed over before a crash.
    pub redelivery: bool,
}

impl fmt::Debug for Delivery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Delivery")
            .field("doc_id", &self.doc_id)
            .field("key", &self.key)
            .field("message_type", &self.message_type)
            .field("package", &format_args!("{} bytes", self.package.len()))
            .field("conformant", &self.report.conformant)
            .field("redelivery", &self.redelivery)
            .finish_non_exhaustive()
    }
}

/// What to do.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Task {
    /// Perform this operation on the axis (see [`crate::Axis::request`]),
    /// then report its [`Outcome`] with [`Exchange::complete`].
    Call(Operation),
    /// Hand this package to the workflow, then report its answer with
    /// [`Exchange::delivered`].
    Deliver(Box<Delivery>),
}

/// An action: append `journal` first, then perform `task`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Action {
    /// Its identity, to report its result.
    pub id: ActionId,
    /// Records to append before performing it.
    pub journal: Vec<Record>,
    /// What to do.
    pub task: Task,
}

/// What [`Exchange::next_action`] says.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Next {
    /// Do this now.
    Act(Action),
    /// Nothing is due before this time.
    Wait(DateTime<FixedOffset>),
    /// Nothing to do until an action in flight completes.
    Busy,
}

/// Where a received message is, rebuilt from the journal (and, in memory,
/// its package).
#[derive(Debug, Clone, Default)]
struct Message {
    seq: u64,
    message_type: Option<MessageType>,
    fetched: Option<Fetched>,
    readable: Option<bool>,
    duplicate: bool,
    delivering: bool,
    delivered: Option<(Option<Answer>, DateTime<FixedOffset>)>,
    replied: BTreeSet<String>,
    acknowledged: bool,
    gave_up: bool,
    // In memory only: the package, its check and its model.
    loaded: Option<Loaded>,
    retry: Retry,
}

#[derive(Debug, Clone)]
struct Fetched {
    key: Option<String>,
    at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone)]
struct Loaded {
    bytes: Vec<u8>,
    report: FileReport,
    document: Option<Box<DocumentPackage>>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Retry {
    failures: u32,
    not_before: Option<DateTime<FixedOffset>>,
    in_flight: bool,
}

impl Retry {
    fn ready(&self, now: DateTime<FixedOffset>) -> bool {
        !self.in_flight && self.not_before.is_none_or(|t| t <= now)
    }
}

/// A package the caller queued.
#[derive(Debug, Clone)]
struct Outgoing {
    seq: u64,
    message_type: MessageType,
    to: Vec<String>,
    sha256: String,
    bytes: Option<Vec<u8>>,
    sent: bool,
    gave_up: bool,
    retry: Retry,
}

/// What an action in flight is about.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Subject {
    Poll(MessageType),
    Message(String, Step),
    Outgoing(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Fetch,
    Reply(String),
    Deliver,
    Acknowledge(TransportState),
}

/// The exchange loop of one system. See the [module](self) documentation.
#[derive(Debug, Clone)]
pub struct Exchange {
    config: ExchangeConfig,
    checker: Checker,
    messages: BTreeMap<String, Message>,
    /// The first message to carry each package identity.
    keys: BTreeMap<String, String>,
    outgoing: BTreeMap<String, Outgoing>,
    polls: BTreeMap<MessageType, Retry>,
    in_flight: BTreeMap<ActionId, Subject>,
    next_id: u64,
    next_seq: u64,
}

impl Exchange {
    /// A new loop (an empty journal) with `config`, checking packages with
    /// `checker`.
    #[must_use]
    pub fn new(config: ExchangeConfig, checker: Checker) -> Self {
        let polls = [MessageType::Edoc, MessageType::Status]
            .into_iter()
            .map(|t| (t, Retry::default()))
            .collect();
        Self {
            config,
            checker,
            messages: BTreeMap::new(),
            keys: BTreeMap::new(),
            outgoing: BTreeMap::new(),
            polls,
            in_flight: BTreeMap::new(),
            next_id: 0,
            next_seq: 0,
        }
    }

    /// The loop as the journal `records` left it: every message not yet
    /// acknowledged is fetched again, every queued package not yet sent
    /// waits for the caller to queue it again ([`Self::pending_sends`]).
    #[must_use]
    pub fn resume(
        config: ExchangeConfig,
        checker: Checker,
        records: impl IntoIterator<Item = Record>,
    ) -> Self {
        let mut machine = Self::new(config, checker);
        for record in records {
            machine.apply(&record);
        }
        machine
    }

    /// The settings.
    #[must_use]
    pub fn config(&self) -> &ExchangeConfig {
        &self.config
    }

    /// Checks the packages fetched from now on with `checker`. A checker
    /// validates certificates at the time it was made with
    /// ([`vanthu::CheckOptions::at`]): a loop that runs for days replaces it,
    /// say once an hour, as it owns the clock.
    pub fn set_checker(&mut self, checker: Checker) {
        self.checker = checker;
    }

    fn message(&mut self, doc_id: &str) -> &mut Message {
        if !self.messages.contains_key(doc_id) {
            self.next_seq += 1;
            let message = Message {
                seq: self.next_seq,
                ..Message::default()
            };
            self.messages.insert(doc_id.to_owned(), message);
        }
        self.messages.entry(doc_id.to_owned()).or_default()
    }

    /// Applies a record to the state (replay, and each new record).
    fn apply(&mut self, record: &Record) {
        match record {
            Record::Fetched {
                doc_id,
                message_type,
                key,
                at,
                ..
            } => {
                if let Some(key) = key {
                    self.keys
                        .entry(key.clone())
                        .or_insert_with(|| doc_id.clone());
                }
                let m = self.message(doc_id);
                m.message_type = Some(*message_type);
                m.fetched = Some(Fetched {
                    key: key.clone(),
                    at: *at,
                });
            }
            Record::Checked {
                doc_id, readable, ..
            } => self.message(doc_id).readable = Some(*readable),
            Record::Duplicate { doc_id, .. } => self.message(doc_id).duplicate = true,
            Record::Delivering { doc_id } => self.message(doc_id).delivering = true,
            Record::Delivered { doc_id, answer, at } => {
                self.message(doc_id).delivered = Some((answer.clone(), *at));
            }
            Record::Replied { doc_id, code, .. } => {
                self.message(doc_id).replied.insert(code.clone());
            }
            Record::Acknowledged { doc_id, .. } => {
                let m = self.message(doc_id);
                m.acknowledged = true;
                m.loaded = None;
            }
            Record::Queued {
                key,
                message_type,
                to,
                sha256,
            } => {
                self.next_seq += 1;
                let seq = self.next_seq;
                self.outgoing
                    .entry(key.clone())
                    .or_insert_with(|| Outgoing {
                        seq,
                        message_type: *message_type,
                        to: to.clone(),
                        sha256: sha256.clone(),
                        bytes: None,
                        sent: false,
                        gave_up: false,
                        retry: Retry::default(),
                    });
            }
            Record::Sent { key, .. } => {
                if let Some(o) = self.outgoing.get_mut(key) {
                    o.sent = true;
                    o.bytes = None;
                }
            }
            Record::GaveUp { subject, .. } => {
                if let Some(m) = self.messages.get_mut(subject) {
                    m.gave_up = true;
                    m.loaded = None;
                } else if let Some(o) = self.outgoing.get_mut(subject) {
                    o.gave_up = true;
                    o.bytes = None;
                }
            }
        }
    }

    fn record(&mut self, records: &mut Vec<Record>, record: Record) {
        self.apply(&record);
        records.push(record);
    }

    /// Queues `package` for `to` under the caller's `key` (unique per
    /// package): the journal records it, and it is sent with retries. A
    /// key already sent is not sent again; a key queued before a restart is
    /// taken back with its bytes.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] when `key` was queued with another
    /// package (its SHA-256 differs).
    pub fn send(
        &mut self,
        key: &str,
        message_type: MessageType,
        to: Vec<String>,
        package: Vec<u8>,
    ) -> Result<Vec<Record>, AxisError> {
        let sha256 = sha256_hex(&package);
        if let Some(o) = self.outgoing.get_mut(key) {
            if o.sha256 != sha256 {
                return Err(AxisError::invalid(format!(
                    "{key} was queued with another package (SHA-256 {})",
                    o.sha256
                )));
            }
            if !o.sent && !o.gave_up {
                o.bytes = Some(package);
            }
            return Ok(Vec::new());
        }
        let mut records = Vec::new();
        self.record(
            &mut records,
            Record::Queued {
                key: key.to_owned(),
                message_type,
                to,
                sha256,
            },
        );
        if let Some(o) = self.outgoing.get_mut(key) {
            o.bytes = Some(package);
        }
        Ok(records)
    }

    /// The keys queued and not yet sent whose package this machine does
    /// not hold (after a restart): queue them again with [`Self::send`].
    #[must_use]
    pub fn pending_sends(&self) -> Vec<String> {
        self.outgoing
            .iter()
            .filter(|(_, o)| !o.sent && !o.gave_up && o.bytes.is_none())
            .map(|(k, _)| k.clone())
            .collect()
    }

    /// The messages and packages given up, waiting for an operator.
    #[must_use]
    pub fn given_up(&self) -> Vec<String> {
        let messages = self.messages.iter().filter(|(_, m)| m.gave_up);
        let outgoing = self.outgoing.iter().filter(|(_, o)| o.gave_up);
        messages
            .map(|(k, _)| k.clone())
            .chain(outgoing.map(|(k, _)| k.clone()))
            .collect()
    }

    /// Whether every message seen is acknowledged (or given up) and every
    /// queued package sent (or given up): nothing is left but polling.
    #[must_use]
    pub fn is_settled(&self) -> bool {
        self.messages.values().all(|m| m.acknowledged || m.gave_up)
            && self.outgoing.values().all(|o| o.sent || o.gave_up)
    }

    /// The next action due at `now`, or when to ask again.
    #[must_use]
    pub fn next_action(&mut self, now: DateTime<FixedOffset>) -> Next {
        let mut wake: Option<DateTime<FixedOffset>> = None;
        let mut consider = |retry: &Retry| {
            if let (false, Some(t)) = (retry.in_flight, retry.not_before)
                && t > now
            {
                wake = Some(wake.map_or(t, |w| w.min(t)));
            }
        };
        // Messages first (oldest first), then packages to send, then polls.
        let mut best: Option<(u64, Subject)> = None;
        for (doc_id, m) in &self.messages {
            let Some(step) = self.step(m) else { continue };
            consider(&m.retry);
            if !m.retry.ready(now) || best.as_ref().is_some_and(|(s, _)| *s < m.seq) {
                continue;
            }
            best = Some((m.seq, Subject::Message(doc_id.clone(), step)));
        }
        if best.is_none() {
            for (key, o) in &self.outgoing {
                if o.sent || o.gave_up || o.bytes.is_none() {
                    continue;
                }
                consider(&o.retry);
                if o.retry.ready(now) && best.as_ref().is_none_or(|(s, _)| o.seq < *s) {
                    best = Some((o.seq, Subject::Outgoing(key.clone())));
                }
            }
        }
        if best.is_none() {
            for (t, retry) in &self.polls {
                consider(retry);
                if retry.ready(now) {
                    best = Some((0, Subject::Poll(*t)));
                    break;
                }
            }
        }
        let Some((_, subject)) = best else {
            return match wake {
                Some(t) => Next::Wait(t),
                None => Next::Busy,
            };
        };
        let Some((journal, task)) = self.task(&subject) else {
            return Next::Busy;
        };
        self.next_id += 1;
        let id = ActionId(self.next_id);
        self.set_in_flight(&subject, true);
        self.in_flight.insert(id, subject);
        Next::Act(Action { id, journal, task })
    }

    /// The next step of a message, from what is journaled.
    fn step(&self, m: &Message) -> Option<Step> {
        if m.acknowledged || m.gave_up {
            return None;
        }
        let Some(loaded) = &m.loaded else {
            return Some(Step::Fetch);
        };
        if m.readable == Some(false) {
            return Some(Step::Acknowledge(TransportState::Fail));
        }
        if m.duplicate {
            return Some(Step::Acknowledge(TransportState::Done));
        }
        let is_document = loaded.document.is_some();
        if is_document && self.config.arrival_reply && !m.replied.contains("01") {
            return Some(Step::Reply("01".to_owned()));
        }
        let Some((answer, _)) = &m.delivered else {
            return Some(Step::Deliver);
        };
        if let (true, Some(answer)) = (is_document, answer)
            && !m.replied.contains(&answer.code)
        {
            return Some(Step::Reply(answer.code.clone()));
        }
        Some(Step::Acknowledge(TransportState::Done))
    }

    fn set_in_flight(&mut self, subject: &Subject, on: bool) {
        let retry = match subject {
            Subject::Poll(t) => self.polls.get_mut(t),
            Subject::Message(id, _) => self.messages.get_mut(id).map(|m| &mut m.retry),
            Subject::Outgoing(key) => self.outgoing.get_mut(key).map(|o| &mut o.retry),
        };
        if let Some(r) = retry {
            r.in_flight = on;
        }
    }

    fn task(&mut self, subject: &Subject) -> Option<(Vec<Record>, Task)> {
        let agency = self.config.agency.clone();
        match subject {
            Subject::Poll(t) => Some((
                Vec::new(),
                Task::Call(Operation::ListReceived { message_type: *t }),
            )),
            Subject::Outgoing(key) => {
                let o = self.outgoing.get(key)?;
                Some((
                    Vec::new(),
                    Task::Call(Operation::Send {
                        message_type: o.message_type,
                        from: agency,
                        to: o.to.clone(),
                        package: o.bytes.clone()?,
                    }),
                ))
            }
            Subject::Message(doc_id, step) => {
                let doc_id = doc_id.clone();
                match step {
                    Step::Fetch => Some((Vec::new(), Task::Call(Operation::GetEdoc { doc_id }))),
                    Step::Acknowledge(state) => Some((
                        Vec::new(),
                        Task::Call(Operation::UpdateStatus {
                            doc_id,
                            state: state.clone(),
                        }),
                    )),
                    Step::Reply(code) => {
                        // A reply that cannot be built was journaled as not
                        // sent when the step was chosen: see `reply_package`.
                        let (to, package) = self.reply_package(&doc_id, code).ok()?;
                        Some((
                            Vec::new(),
                            Task::Call(Operation::Send {
                                message_type: MessageType::Status,
                                from: agency,
                                to: vec![to],
                                package,
                            }),
                        ))
                    }
                    Step::Deliver => {
                        let m = self.messages.get_mut(&doc_id)?;
                        let redelivery = m.delivering;
                        let loaded = m.loaded.as_ref()?;
                        let key = m
                            .fetched
                            .as_ref()
                            .and_then(|f| f.key.clone())
                            .unwrap_or_default();
                        let delivery = Delivery {
                            doc_id: doc_id.clone(),
                            key,
                            message_type: m.message_type.unwrap_or(MessageType::Edoc),
                            package: loaded.bytes.clone(),
                            report: loaded.report.clone(),
                            redelivery,
                        };
                        let mut journal = Vec::new();
                        if !redelivery {
                            self.record(&mut journal, Record::Delivering { doc_id });
                        }
                        Some((journal, Task::Deliver(Box::new(delivery))))
                    }
                }
            }
        }
    }

    /// The status package answering message `doc_id` with `code`, and its
    /// receiver; built at the journaled time, so that it is the same bytes
    /// every time.
    fn reply_package(&self, doc_id: &str, code: &str) -> Result<(String, Vec<u8>), String> {
        let m = self.messages.get(doc_id).ok_or("unknown message")?;
        let document = m
            .loaded
            .as_ref()
            .and_then(|l| l.document.as_ref())
            .ok_or("not a document package")?;
        let at = if code == "01" {
            m.fetched.as_ref().map(|f| f.at)
        } else {
            m.delivered.as_ref().map(|(_, at)| *at)
        }
        .ok_or("no time journaled")?;
        let description = m
            .delivered
            .as_ref()
            .and_then(|(a, _)| a.as_ref())
            .filter(|a| a.code == code)
            .and_then(|a| a.description.clone());
        let to = document
            .header
            .from
            .as_ref()
            .and_then(|o| o.organ_id.clone())
            .ok_or("the package names no sender")?;
        let policy = self.config.rules.map(Policy::local).unwrap_or_default();
        let mut request =
            ReplyRequest::new(StatusCode::parse(code), self.config.agency.clone()).policy(policy);
        if let Some(name) = &self.config.agency_name {
            request = request.from_name(name);
        }
        if let Some(d) = description {
            request = request.description(d);
        }
        let status = vanthu::reply(document, &request, &at).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        vanthu::edxml::write_status(&status, &mut out).map_err(|e| e.to_string())?;
        Ok((to.trim().to_owned(), out))
    }

    /// A step succeeded: its failures are forgotten.
    fn succeeded(&mut self, subject: &Subject) {
        let retry = match subject {
            Subject::Poll(_) => None,
            Subject::Message(id, _) => self.messages.get_mut(id).map(|m| &mut m.retry),
            Subject::Outgoing(key) => self.outgoing.get_mut(key).map(|o| &mut o.retry),
        };
        if let Some(r) = retry {
            r.failures = 0;
            r.not_before = None;
        }
    }

    fn take(&mut self, id: ActionId) -> Result<Subject, AxisError> {
        let subject = self
            .in_flight
            .remove(&id)
            .ok_or_else(|| AxisError::invalid(format!("no action {id:?} in flight")))?;
        self.set_in_flight(&subject, false);
        Ok(subject)
    }

    /// Reports the outcome of a [`Task::Call`] at `now`: the records to
    /// append.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] when `id` is not an action in flight
    /// or was a delivery.
    pub fn complete(
        &mut self,
        id: ActionId,
        outcome: Outcome,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<Record>, AxisError> {
        let subject = self.take(id)?;
        let mut records = Vec::new();
        if let Outcome::Failed(error) = &outcome {
            self.failed(&subject, error, now, &mut records);
            return Ok(records);
        }
        self.succeeded(&subject);
        match (subject, outcome) {
            (Subject::Poll(t), Outcome::Listed(items)) => {
                if let Some(r) = self.polls.get_mut(&t) {
                    r.failures = 0;
                    let seconds = i64::try_from(self.config.poll_seconds).unwrap_or(i64::MAX);
                    r.not_before = Some(now + Duration::seconds(seconds));
                }
                for item in items {
                    let state = item.status.clone();
                    let known = self.messages.get(&item.doc_id).map(|m| m.acknowledged);
                    match (known, state) {
                        // Acknowledged on the axis, not yet in the journal: the
                        // process stopped between the two.
                        (Some(false), Some(s)) if s.is_final() => self.record(
                            &mut records,
                            Record::Acknowledged {
                                doc_id: item.doc_id,
                                state: s,
                            },
                        ),
                        (Some(_), _) => {}
                        // Someone else finished it: not ours to take.
                        (None, Some(s)) if s.is_final() => {}
                        (None, _) => {
                            let m = self.message(&item.doc_id);
                            m.message_type = item.message_type.or(Some(t));
                        }
                    }
                }
            }
            (Subject::Message(doc_id, Step::Fetch), Outcome::Fetched(bytes)) => {
                self.fetched(&doc_id, bytes, now, &mut records);
            }
            (Subject::Message(doc_id, Step::Reply(code)), Outcome::Sent(sent)) => {
                self.record(
                    &mut records,
                    Record::Replied {
                        doc_id,
                        code,
                        sent: Some(sent.unwrap_or_default()),
                        reason: None,
                    },
                );
            }
            (Subject::Message(doc_id, Step::Acknowledge(state)), Outcome::Updated) => {
                self.record(&mut records, Record::Acknowledged { doc_id, state });
            }
            (Subject::Outgoing(key), Outcome::Sent(doc_id)) => {
                self.record(&mut records, Record::Sent { key, doc_id });
            }
            (subject, outcome) => {
                let error = AxisError::malformed(format!(
                    "{outcome:?} does not answer the operation in flight"
                ));
                self.failed(&subject, &error, now, &mut records);
            }
        }
        self.settle_replies(&mut records);
        Ok(records)
    }

    /// Journals as not sent every reply due that cannot be built (the
    /// workflow's rules refuse it), so that the loop moves on.
    fn settle_replies(&mut self, records: &mut Vec<Record>) {
        loop {
            let refused = self.messages.iter().find_map(|(doc_id, m)| {
                let Some(Step::Reply(code)) = self.step(m) else {
                    return None;
                };
                self.reply_package(doc_id, &code)
                    .err()
                    .map(|reason| (doc_id.clone(), code, reason))
            });
            let Some((doc_id, code, reason)) = refused else {
                return;
            };
            self.record(
                records,
                Record::Replied {
                    doc_id,
                    code,
                    sent: None,
                    reason: Some(reason),
                },
            );
        }
    }

    fn fetched(
        &mut self,
        doc_id: &str,
        bytes: Vec<u8>,
        now: DateTime<FixedOffset>,
        records: &mut Vec<Record>,
    ) {
        let sha256 = sha256_hex(&bytes);
        let report = self.checker.check_bytes(&format!("{doc_id}.edxml"), &bytes);
        let read = vanthu::edxml::read(&bytes).ok().map(|r| r.package);
        let (message_type, key, from, document) = match read {
            Some(Package::Document(doc)) => {
                let from = doc.header.from.as_ref().and_then(|o| o.organ_id.clone());
                let document_id = doc
                    .header
                    .document_id
                    .as_deref()
                    .map(str::trim)
                    .filter(|k| !k.is_empty());
                let business = doc.business_type();
                // A revocation, an update or a replacement carries the
                // DocumentId of the document it changes, and may come more
                // than once: its bytes tell them apart.
                let key = match (document_id, business) {
                    (Some(id), BusinessType::New) => id.to_owned(),
                    (Some(id), b) => format!("{id}#{}#sha256:{sha256}", b.as_str()),
                    (None, _) => format!("sha256:{sha256}"),
                };
                (MessageType::Edoc, Some(key), from, Some(doc))
            }
            Some(Package::Status(status)) => {
                let from = status.from.as_ref().and_then(|o| o.organ_id.clone());
                let answered = status
                    .response_for
                    .as_ref()
                    .and_then(|r| r.document_id.clone())
                    .unwrap_or_default();
                // A receiver may send the same code twice (two assignments):
                // its time tells them apart.
                let key = format!(
                    "status:{}:{}:{}:{}",
                    from.as_deref().unwrap_or_default().trim(),
                    answered.trim(),
                    status.status_code.as_deref().unwrap_or_default().trim(),
                    status.timestamp.as_deref().unwrap_or_default().trim()
                );
                (MessageType::Status, Some(key), from, None)
            }
            _ => (MessageType::Edoc, None, None, None),
        };
        let readable = key.is_some();
        // Each record is written once, whichever of them a crash (or a line
        // torn in the journal) lost: the package is fetched again and the
        // missing ones follow.
        let (fetched, checked, duplicate) = self
            .messages
            .get(doc_id)
            .map_or((false, false, false), |m| {
                (m.fetched.is_some(), m.readable.is_some(), m.duplicate)
            });
        if !fetched {
            self.record(
                records,
                Record::Fetched {
                    doc_id: doc_id.to_owned(),
                    message_type,
                    sha256,
                    key: key.clone(),
                    from,
                    at: now,
                },
            );
        }
        if !checked {
            self.record(
                records,
                Record::Checked {
                    doc_id: doc_id.to_owned(),
                    readable,
                    conformant: report.conformant,
                    errors: error_rules(&report),
                },
            );
        }
        // The identity journaled first stands.
        let key = self
            .messages
            .get(doc_id)
            .and_then(|m| m.fetched.as_ref())
            .and_then(|f| f.key.clone());
        if !duplicate
            && let Some(first) = key.as_ref().and_then(|k| self.keys.get(k))
            && first != doc_id
        {
            let of = first.clone();
            self.record(
                records,
                Record::Duplicate {
                    doc_id: doc_id.to_owned(),
                    of,
                },
            );
        }
        let m = self.message(doc_id);
        m.retry = Retry::default();
        m.loaded = Some(Loaded {
            bytes,
            report,
            document,
        });
    }

    fn failed(
        &mut self,
        subject: &Subject,
        error: &AxisError,
        now: DateTime<FixedOffset>,
        records: &mut Vec<Record>,
    ) {
        let backoff = self.config.backoff;
        let (retry, name, step) = match subject {
            Subject::Poll(t) => {
                if let Some(r) = self.polls.get_mut(t) {
                    r.failures = r.failures.saturating_add(1);
                    r.not_before = Some(now + backoff.delay(r.failures));
                }
                return;
            }
            Subject::Message(id, step) => (
                self.messages.get_mut(id).map(|m| &mut m.retry),
                id.clone(),
                Some(step.clone()),
            ),
            Subject::Outgoing(key) => (
                self.outgoing.get_mut(key).map(|o| &mut o.retry),
                key.clone(),
                None,
            ),
        };
        let Some(retry) = retry else { return };
        retry.failures = retry.failures.saturating_add(1);
        if error.retriable() && retry.failures < backoff.max_attempts {
            retry.not_before = Some(now + backoff.delay(retry.failures));
            return;
        }
        // A reply refused for good does not hold the message back: it is
        // journaled as not sent, and the loop moves on.
        if let Some(Step::Reply(code)) = &step {
            retry.failures = 0;
            retry.not_before = None;
            self.record(
                records,
                Record::Replied {
                    doc_id: name,
                    code: code.clone(),
                    sent: None,
                    reason: Some(error.to_string()),
                },
            );
            return;
        }
        let step_name = match &step {
            Some(Step::Fetch) => "getEdoc".to_owned(),
            Some(Step::Acknowledge(_)) => "updateStatus".to_owned(),
            Some(Step::Deliver) => "deliver".to_owned(),
            Some(Step::Reply(_)) | None => "sendEdoc".to_owned(),
        };
        self.record(
            records,
            Record::GaveUp {
                subject: name,
                step: step_name,
                error: error.to_string(),
            },
        );
    }

    /// Reports that the workflow took the package of a [`Task::Deliver`],
    /// with its answer (`None` for a status package, or to send no
    /// reply), at `now`: the records to append.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] when `id` is not a delivery in flight,
    /// or the answer's code is not a status code.
    pub fn delivered(
        &mut self,
        id: ActionId,
        answer: Option<Answer>,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<Record>, AxisError> {
        let doc_id = match self.in_flight.get(&id) {
            Some(Subject::Message(doc_id, Step::Deliver)) => doc_id.clone(),
            _ => return Err(AxisError::invalid(format!("no delivery {id:?} in flight"))),
        };
        if let Some(a) = &answer
            && !StatusCode::parse(&a.code).is_known()
        {
            return Err(AxisError::invalid(format!(
                "status {:?}: expected one of 01, 02, 03, 04, 05, 06, 13, 15, 16",
                a.code
            )));
        }
        self.take(id)?;
        let mut records = Vec::new();
        self.record(
            &mut records,
            Record::Delivered {
                doc_id,
                answer,
                at: now,
            },
        );
        self.settle_replies(&mut records);
        Ok(records)
    }
}
