//! The state of one agency's documents ([`Office`]), the events of its log
//! ([`Event`], [`LogEntry`], [`EventLog`]), the pure transition [`apply`] and
//! [`replay`].

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use vanthu_identifiers::{AgencyId, Finding, Location};

use crate::actor::{Acting, Actor, ActorId, Delegation, Directory, Role};
use crate::document::{CaseId, Effect, Staff};
use crate::error::{WorkflowError, WorkflowErrorKind};
use crate::incoming::{self, IncomingDocument, IncomingEvent};
use crate::outgoing::{self, OutgoingDocument, OutgoingEvent};
use crate::policy::Policy;
use crate::register::{RegisterKind, Registers};
use crate::rules;

/// One event of an agency's log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
#[non_exhaustive]
// Events are plain data read from and written to logs; boxing would only
// complicate their construction.
#[allow(clippy::large_enum_variant)]
pub enum Event {
    /// An account is created.
    ActorAdded {
        /// The account.
        actor: Actor,
    },
    /// An account is disabled; it stays in the history (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 13 khoản 3 điểm a).
    ActorDisabled {
        /// The account.
        actor: ActorId,
    },
    /// A delegation is granted (Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 17 khoản 4).
    Delegated {
        /// The delegation.
        delegation: Delegation,
    },
    /// A register takes over a series in the year of the event's instant
    /// after `last_number` numbers given outside it (on paper, or by the
    /// system it replaces): its next number that year is `last_number + 1`
    /// ([`Register::open`](crate::Register::open)).
    RegisterOpened {
        /// The series.
        register: RegisterKind,
        /// The last number already given that year (0: none).
        last_number: u32,
    },
    /// Something happens to an incoming document.
    Incoming {
        /// Its case id.
        case: CaseId,
        /// What.
        event: IncomingEvent,
    },
    /// Something happens to an outgoing document.
    Outgoing {
        /// Its case id.
        case: CaseId,
        /// What.
        event: OutgoingEvent,
    },
}

/// An event and its instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LogEntry {
    /// When (any offset; Vietnam time is used for calendar questions).
    pub at: DateTime<FixedOffset>,
    /// What.
    #[serde(flatten)]
    pub event: Event,
}

impl LogEntry {
    /// An event at an instant.
    pub fn new(at: DateTime<FixedOffset>, event: Event) -> Self {
        Self { at, event }
    }
}

/// An agency's event log, as a vendor persists it (schema in the crate README).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventLog {
    /// The agency whose log it is.
    pub agency: AgencyId,
    /// The rules the agency works under (absent: the national reading).
    #[serde(default, skip_serializing_if = "Policy::is_national")]
    pub policy: Policy,
    /// The events, in time order.
    pub events: Vec<LogEntry>,
}

impl EventLog {
    /// A log of these events.
    pub fn new(agency: AgencyId, events: Vec<LogEntry>) -> Self {
        Self {
            agency,
            policy: Policy::default(),
            events,
        }
    }

    /// This log, judged under `policy`.
    #[must_use]
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }
}

/// Everything one agency's log determines: accounts, registers, documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    agency: AgencyId,
    directory: Directory,
    registers: Registers,
    incoming: BTreeMap<CaseId, IncomingDocument>,
    outgoing: BTreeMap<CaseId, OutgoingDocument>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_at: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Policy::is_national")]
    policy: Policy,
}

/// What a transition may read and write besides the document itself.
pub(crate) struct Context<'a> {
    pub(crate) directory: &'a Directory,
    pub(crate) registers: &'a mut Registers,
    pub(crate) incoming: &'a BTreeMap<CaseId, IncomingDocument>,
    pub(crate) policy: &'a Policy,
}

impl Context<'_> {
    pub(crate) fn staff(&self, acting: &Acting) -> Option<Staff> {
        self.directory.actor(&acting.actor).map(|a| Staff {
            id: a.id.clone(),
            name: a.name.clone(),
            unit: a.unit.clone(),
        })
    }

    /// An enabled leader of `unit`, to tell about a submitted draft.
    pub(crate) fn unit_leader(&self, unit: Option<&str>) -> Option<ActorId> {
        let unit = unit?;
        self.directory
            .actors()
            .find(|a| {
                a.disabled_at.is_none()
                    && a.unit.as_deref() == Some(unit)
                    && a.roles.contains(&Role::UnitLeader)
            })
            .map(|a| a.id.clone())
    }
}

impl Office {
    /// The empty state of `agency`.
    pub fn new(agency: AgencyId) -> Self {
        Self {
            agency,
            directory: Directory::new(),
            registers: Registers::new(),
            incoming: BTreeMap::new(),
            outgoing: BTreeMap::new(),
            last_at: None,
            policy: Policy::national(),
        }
    }

    /// The empty state of `agency`, working under `policy`.
    pub fn with_policy(agency: AgencyId, policy: Policy) -> Self {
        Self {
            policy,
            ..Self::new(agency)
        }
    }

    /// The rules the agency works under.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The agency.
    pub fn agency(&self) -> &AgencyId {
        &self.agency
    }

    /// Accounts and delegations.
    pub fn directory(&self) -> &Directory {
        &self.directory
    }

    /// The registers.
    pub fn registers(&self) -> &Registers {
        &self.registers
    }

    /// An incoming document.
    pub fn incoming(&self, case: &CaseId) -> Option<&IncomingDocument> {
        self.incoming.get(case)
    }

    /// How many documents, incoming and outgoing, the office holds.
    pub fn document_count(&self) -> usize {
        self.incoming.len().saturating_add(self.outgoing.len())
    }

    /// Every incoming document, by case id.
    pub fn incoming_documents(&self) -> impl Iterator<Item = &IncomingDocument> {
        self.incoming.values()
    }

    /// An outgoing document.
    pub fn outgoing(&self, case: &CaseId) -> Option<&OutgoingDocument> {
        self.outgoing.get(case)
    }

    /// Every outgoing document, by case id.
    pub fn outgoing_documents(&self) -> impl Iterator<Item = &OutgoingDocument> {
        self.outgoing.values()
    }

    /// The instant of the last event applied.
    pub fn last_at(&self) -> Option<DateTime<FixedOffset>> {
        self.last_at
    }

    /// Applies `event` at `at` in place. Transactional: on error the state is
    /// unchanged. [`apply`] is the same as a pure function.
    ///
    /// # Errors
    /// A [`WorkflowError`] naming the rule the event breaks.
    pub fn step(
        &mut self,
        event: &Event,
        at: DateTime<FixedOffset>,
    ) -> Result<Vec<Effect>, WorkflowError> {
        if self.last_at.is_some_and(|last| at < last) {
            return Err(WorkflowError::new(
                rules::ORDER,
                WorkflowErrorKind::OutOfOrder,
            ));
        }
        let effects = match event {
            Event::ActorAdded { actor } => {
                self.directory.add(actor.clone())?;
                Vec::new()
            }
            Event::ActorDisabled { actor } => {
                self.directory.disable(actor, at)?;
                Vec::new()
            }
            Event::Delegated { delegation } => {
                self.directory.delegate(delegation.clone())?;
                Vec::new()
            }
            Event::RegisterOpened {
                register,
                last_number,
            } => {
                self.registers.open(register, *last_number, at)?;
                Vec::new()
            }
            Event::Incoming { case, event } => {
                // Registers are only written by the last fallible step of a
                // transition, so an error leaves them unchanged.
                let mut ctx = Context {
                    directory: &self.directory,
                    registers: &mut self.registers,
                    incoming: &self.incoming,
                    policy: &self.policy,
                };
                let (doc, effects) =
                    incoming::apply(&mut ctx, case, self.incoming.get(case), event, at)?;
                self.incoming.insert(case.clone(), doc);
                effects
            }
            Event::Outgoing { case, event } => {
                let mut ctx = Context {
                    directory: &self.directory,
                    registers: &mut self.registers,
                    incoming: &self.incoming,
                    policy: &self.policy,
                };
                let (doc, effects) =
                    outgoing::apply(&mut ctx, case, self.outgoing.get(case), event, at)?;
                self.outgoing.insert(case.clone(), doc);
                effects
            }
        };
        self.last_at = Some(at);
        Ok(effects)
    }
}

/// The pure transition: the state after `event` at `at`, and what the
/// embedding system must do. No clock, no I/O.
///
/// # Errors
/// A [`WorkflowError`] naming the rule the event breaks; `state` is untouched.
pub fn apply(
    state: &Office,
    event: &Event,
    at: DateTime<FixedOffset>,
) -> Result<(Office, Vec<Effect>), WorkflowError> {
    let mut next = state.clone();
    let effects = next.step(event, at)?;
    Ok((next, effects))
}

impl Event {
    /// The document the event is about, if any.
    pub fn case(&self) -> Option<&CaseId> {
        match self {
            Self::Incoming { case, .. } | Self::Outgoing { case, .. } => Some(case),
            _ => None,
        }
    }
}

/// The finding for an event of a log that could not be applied: the rule it
/// breaks, located at `events[index]` (the index in the log, from 0); the
/// messages name the case when the event is about a document.
pub fn violation(index: usize, entry: &LogEntry, error: &WorkflowError) -> Finding {
    let mut finding = error.finding(Location::at_path(format!("events[{index}]")));
    if let Some(case) = entry.event.case() {
        finding.message = format!("{case}: {}", finding.message);
        finding.message_vi = format!("{case}: {}", finding.message_vi);
    }
    finding
}

/// Rebuilds the state from a log, strictly: the first event that breaks a
/// rule stops the replay.
///
/// # Errors
/// The index of the first failing event and its error.
pub fn replay(log: &EventLog) -> Result<(Office, Vec<Effect>), (usize, WorkflowError)> {
    let mut office = Office::with_policy(log.agency, log.policy);
    let mut effects = Vec::new();
    for (index, entry) in log.events.iter().enumerate() {
        effects.extend(
            office
                .step(&entry.event, entry.at)
                .map_err(|e| (index, e))?,
        );
    }
    Ok((office, effects))
}

/// Rebuilds the state from a log, skipping the events that break a rule and
/// reporting each as a finding of that rule ([`violation`]).
///
/// Real logs are not always written in time order. An event older than one
/// before it in the log is reported as breaking [`rules::ORDER`], then
/// applied at its place in time (a stable sort), so that one misplaced line
/// costs one finding, not a cascade of "no document with this case id".
pub fn replay_lenient(log: &EventLog) -> (Office, Vec<Finding>) {
    replay_lenient_until(log, None)
}

/// [`replay_lenient`] of the events at or before `until` only (all of them
/// when `None`): the state of the office as it was at that instant.
pub fn replay_lenient_until(
    log: &EventLog,
    until: Option<DateTime<FixedOffset>>,
) -> (Office, Vec<Finding>) {
    let mut replay = LenientReplay::new(log.agency, log.policy, until, usize::MAX);
    for (index, entry) in log.events.iter().enumerate() {
        replay.push(index, entry.clone());
    }
    replay.finish()
}

/// [`replay_lenient_until`] one event at a time, for logs read as a stream
/// ([`read_log`](crate::read_log)): memory holds the office and at most
/// `window` events waiting for their place in time, never the whole log.
///
/// Events are applied in time order (a stable sort, as
/// [`replay_lenient`] does) as long as no event is more than `window`
/// events out of place; an event older than one already applied is
/// reported as breaking [`rules::ORDER`] and not applied.
///
/// ```
/// use vanthu_workflow::{EventLog, LenientReplay, replay_lenient};
/// let log: EventLog = serde_json::from_str(r#"{"agency": "000.00.15.H47", "events": [
///   {"at": "2025-03-03T07:00:00+07:00", "type": "actor_added", "actor": {"id": "clerk", "name": "Văn Thư", "roles": ["clerk"]}}
/// ]}"#)?;
/// let mut replay = LenientReplay::new(log.agency, log.policy, None, 1024);
/// for (i, e) in log.events.iter().enumerate() {
///     replay.push(i, e.clone());
/// }
/// assert_eq!(replay.finish(), replay_lenient(&log));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug)]
pub struct LenientReplay {
    office: Office,
    violations: Vec<Finding>,
    until: Option<DateTime<FixedOffset>>,
    /// The latest instant seen among the events kept.
    latest: Option<DateTime<FixedOffset>>,
    /// The instant of the last event taken from `waiting`.
    applied: Option<DateTime<FixedOffset>>,
    waiting: std::collections::BinaryHeap<std::cmp::Reverse<Waiting>>,
    window: usize,
}

/// An event waiting for its place in time: ordered by instant, then by
/// its index in the log (the stable sort).
#[derive(Debug)]
struct Waiting {
    at: DateTime<FixedOffset>,
    index: usize,
    entry: LogEntry,
}

impl PartialEq for Waiting {
    fn eq(&self, other: &Self) -> bool {
        (self.at, self.index) == (other.at, other.index)
    }
}

impl Eq for Waiting {}

impl PartialOrd for Waiting {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Waiting {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.at, self.index).cmp(&(other.at, other.index))
    }
}

impl LenientReplay {
    /// A replay of `agency`'s log under `policy`, of the events at or before
    /// `until` (all when `None`), holding at most `window` events (at least
    /// one) to put back in time order.
    pub fn new(
        agency: AgencyId,
        policy: Policy,
        until: Option<DateTime<FixedOffset>>,
        window: usize,
    ) -> Self {
        Self {
            office: Office::with_policy(agency, policy),
            violations: Vec::new(),
            until,
            latest: None,
            applied: None,
            waiting: std::collections::BinaryHeap::new(),
            window: window.max(1),
        }
    }

    /// Takes the event at `index` of the log (indexes come in order).
    pub fn push(&mut self, index: usize, entry: LogEntry) {
        if self.until.is_some_and(|t| entry.at > t) {
            return;
        }
        if self.latest.is_some_and(|l| entry.at < l) {
            let error = WorkflowError::new(rules::ORDER, WorkflowErrorKind::OutOfOrder);
            self.violations.push(violation(index, &entry, &error));
            if self.applied.is_some_and(|a| entry.at < a) {
                // Too far out of place to be put back: reported, not applied.
                return;
            }
        }
        self.latest = self.latest.max(Some(entry.at));
        self.waiting.push(std::cmp::Reverse(Waiting {
            at: entry.at,
            index,
            entry,
        }));
        if self.waiting.len() > self.window {
            self.apply_next();
        }
    }

    /// The office as it is now (the events still waiting are not applied).
    pub fn office(&self) -> &Office {
        &self.office
    }

    /// Applies every event still waiting (the log has ended).
    pub fn flush(&mut self) {
        while !self.waiting.is_empty() {
            self.apply_next();
        }
    }

    fn apply_next(&mut self) {
        let Some(std::cmp::Reverse(next)) = self.waiting.pop() else {
            return;
        };
        self.applied = Some(next.at);
        if let Err(error) = self.office.step(&next.entry.event, next.at) {
            self.violations
                .push(violation(next.index, &next.entry, &error));
        }
    }

    /// The office after every event, and the findings of the events it
    /// refused, in log order.
    pub fn finish(mut self) -> (Office, Vec<Finding>) {
        self.flush();
        self.violations.sort_by_key(|f| {
            f.location
                .path
                .as_deref()
                .and_then(|p| p.strip_prefix("events["))
                .and_then(|p| p.strip_suffix(']'))
                .and_then(|n| n.parse::<usize>().ok())
        });
        (self.office, self.violations)
    }
}
