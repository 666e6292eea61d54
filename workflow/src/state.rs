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
    let mut office = Office::with_policy(log.agency, log.policy);
    let mut violations = Vec::new();
    let mut latest: Option<DateTime<FixedOffset>> = None;
    let mut order: Vec<usize> = Vec::with_capacity(log.events.len());
    for (index, entry) in log.events.iter().enumerate() {
        if until.is_some_and(|t| entry.at > t) {
            continue;
        }
        if latest.is_some_and(|l| entry.at < l) {
            let error = WorkflowError::new(rules::ORDER, WorkflowErrorKind::OutOfOrder);
            violations.push(violation(index, entry, &error));
        }
        latest = latest.max(Some(entry.at));
        order.push(index);
    }
    order.sort_by_key(|&i| log.events.get(i).map(|e| e.at));
    for index in order {
        let Some(entry) = log.events.get(index) else {
            continue;
        };
        if let Err(error) = office.step(&entry.event, entry.at) {
            violations.push(violation(index, entry, &error));
        }
    }
    violations.sort_by_key(|f| {
        f.location
            .path
            .as_deref()
            .and_then(|p| p.strip_prefix("events["))
            .and_then(|p| p.strip_suffix(']'))
            .and_then(|n| n.parse::<usize>().ok())
    });
    (office, violations)
}
