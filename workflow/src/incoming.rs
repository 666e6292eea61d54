//! The lifecycle of an incoming document (`docs/workflow.md` §2):
//! arrived (01) → returned (02) | registered (03) → assigned (04) →
//! processing (05) → completed (06); recall (13 → 15/16), update and
//! replacement packages (answered 15/16); a paper copy of a document already
//! registered electronically.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use vanthu_identifiers::StatusCode;
use vanthu_identifiers::{AgencyId, DocumentId, DocumentNumber};

use crate::actor::{Acting, ActorId, Role};
use crate::document::{
    Assignee, CaseId, Deadline, DeadlineKind, DeadlineRule, DocumentMeta, Effect, HistoryEntry,
    Staff, StatusNotice,
};
use crate::error::{Rule, WorkflowError, WorkflowErrorKind, rules};
use crate::policy::RecallRefusal;
use crate::register::{DuplicateReason, RegisterEntry, RegisterKind, number_key};
use crate::state::Context;

/// Where an incoming document stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum IncomingStatus {
    /// 01: received by the software, not yet handled by the clerk.
    Arrived,
    /// 02: returned to the sender with a reason (terminal).
    Returned,
    /// 03: accepted and registered.
    Registered,
    /// 04: assigned by a leader.
    Assigned,
    /// 05: being handled.
    Processing,
    /// 06: handled.
    Completed,
    /// Recalled by the sender with the receiver's agreement (15): cancelled (terminal).
    Cancelled,
}

impl IncomingStatus {
    /// The state, by name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Arrived => "arrived",
            Self::Returned => "returned",
            Self::Registered => "registered",
            Self::Assigned => "assigned",
            Self::Processing => "processing",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
        }
    }

    /// Whether no further handling happens.
    pub fn is_terminal(self) -> bool {
        matches!(self, Self::Returned | Self::Cancelled)
    }
}

/// One unit or person with its own handling deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Handler {
    /// The unit or person.
    pub assignee: Assignee,
    /// Its deadline.
    pub due: DateTime<FixedOffset>,
}

impl Handler {
    /// A unit or person with a deadline.
    pub fn new(assignee: Assignee, due: DateTime<FixedOffset>) -> Self {
        Self { assignee, due }
    }
}

/// The leader's direction (Nghị định 30/2020/NĐ-CP Điều 23 khoản 2, Điều 23 khoản 4; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 11–12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Assignment {
    /// The unit or person in charge (chủ trì), with its deadline.
    pub lead: Handler,
    /// Co-operating units or people (phối hợp), each with its deadline.
    #[serde(default)]
    pub cooperating: Vec<Handler>,
    /// The direction text (ý kiến chỉ đạo).
    pub direction: String,
    /// When it was given.
    pub at: DateTime<FixedOffset>,
    /// Who gave it.
    pub by: Acting,
    /// The person the lead unit's leader gave it to, with a deadline (the
    /// second part of the handling slip, Nghị định 30/2020/NĐ-CP Phụ lục IV).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<Handler>,
}

impl Assignment {
    /// Every handler with its own deadline: lead, co-operating, then the person
    /// chosen inside the lead unit.
    pub fn handlers(&self) -> impl Iterator<Item = &Handler> {
        std::iter::once(&self.lead)
            .chain(&self.cooperating)
            .chain(&self.handler)
    }
}

/// What the sender asks after issuing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// 13 / business type 1: take the document back.
    Recall,
    /// Business type 2: update its metadata or recipients.
    Update,
    /// Business type 3: replace it by another document.
    Replace,
}

/// A recall, update or replacement request and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChangeRequest {
    /// What is asked.
    pub kind: ChangeKind,
    /// The sender's reason.
    pub reason: String,
    /// The replacing document, for a replacement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<DocumentId>,
    /// For an update: the new metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<DocumentMeta>,
    /// When it arrived.
    pub at: DateTime<FixedOffset>,
    /// The answer: `true` agreed (15), `false` refused (16); absent while pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed: Option<bool>,
    /// When it was answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<DateTime<FixedOffset>>,
}

/// An incoming document's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IncomingDocument {
    /// The caller's case id.
    pub case: CaseId,
    /// The sending agency (status packages go back to it).
    pub from: AgencyId,
    /// The document's metadata (updated by an agreed update).
    pub meta: DocumentMeta,
    /// Where it stands.
    pub status: IncomingStatus,
    /// Time of receipt (Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 6).
    pub arrived_at: DateTime<FixedOffset>,
    /// The reason it was returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned_reason: Option<String>,
    /// Its incoming register entry (arrival number), shared by the paper copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<RegisterEntry>,
    /// When the paper copy arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper_received_at: Option<DateTime<FixedOffset>>,
    /// Received on paper only: no status package goes back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paper_only: bool,
    /// Number and symbol and issuer after normalisation, the key of duplicate
    /// warnings (Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 9 khoản 3), kept so that it is computed once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_key: Option<(String, String)>,
    /// Earlier cases this one looks like (Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 9 khoản 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicate_of: Vec<CaseId>,
    /// The leader's direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<Assignment>,
    /// When handling started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_at: Option<DateTime<FixedOffset>>,
    /// When handling finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<DateTime<FixedOffset>>,
    /// The reply, if one was issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<DocumentNumber>,
    /// Recall, update and replacement requests, kept after the answer
    /// (Nghị định 30/2020/NĐ-CP Phụ lục VI mục I.III.8: the recall metadata is kept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeRequest>,
    /// Version, raised by each agreed update.
    pub version: u32,
    /// The replacing document, after an agreed replacement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<DocumentId>,
    /// Who did what when.
    pub history: Vec<HistoryEntry>,
}

impl IncomingDocument {
    /// The pending recall, update or replacement request, if any.
    pub fn pending_change(&self) -> Option<&ChangeRequest> {
        self.changes.iter().find(|c| c.agreed.is_none())
    }

    /// Whether the lead's handling deadline has passed without completion at `at`.
    pub fn is_overdue(&self, at: DateTime<FixedOffset>) -> bool {
        matches!(
            self.status,
            IncomingStatus::Assigned | IncomingStatus::Processing
        ) && self.assignment.as_ref().is_some_and(|a| a.lead.due < at)
    }
}

/// What happens to an incoming document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
#[non_exhaustive]
// Events are plain data read from and written to logs; boxing would only
// complicate their construction.
#[allow(clippy::large_enum_variant)]
pub enum IncomingEvent {
    /// The package entered the system (01 goes back automatically), or a
    /// paper document arrived (`paper`: no status package is ever sent; it is
    /// numbered in the same register, Nghị định 30/2020/NĐ-CP Điều 22 khoản 2).
    Arrived {
        /// The sending agency.
        from: AgencyId,
        /// Its metadata.
        meta: DocumentMeta,
        /// Received on paper only.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        paper: bool,
    },
    /// The clerk returns it with a reason (02).
    Returned {
        /// The clerk.
        by: ActorId,
        /// Why (wrong recipient, failed integrity check, …).
        reason: String,
    },
    /// The clerk accepts and registers it (03).
    Registered {
        /// The clerk.
        by: ActorId,
    },
    /// The paper copy arrived: it keeps the electronic arrival number.
    PaperCopyReceived {
        /// The clerk.
        by: ActorId,
    },
    /// A leader assigns it (04).
    Assigned {
        /// The agency leader (or a unit leader, or a delegate).
        by: ActorId,
        /// Unit or person in charge and deadline.
        lead: Handler,
        /// Co-operating units or people with their deadlines.
        #[serde(default)]
        cooperating: Vec<Handler>,
        /// Direction text.
        direction: String,
    },
    /// The leader of the lead unit gives the document to a person in the unit,
    /// with a deadline (handling slip part 2, Nghị định 30/2020/NĐ-CP Phụ lục IV).
    HandlerAssigned {
        /// The unit leader (or an agency leader).
        by: ActorId,
        /// The person (an account) and the deadline.
        person: ActorId,
        /// The person's deadline.
        due: DateTime<FixedOffset>,
    },
    /// Handling starts (05).
    ProcessingStarted {
        /// The handler.
        by: ActorId,
    },
    /// Handling finished (06).
    Completed {
        /// The handler.
        by: ActorId,
        /// The reply issued, if any.
        #[serde(default)]
        reply: Option<DocumentNumber>,
    },
    /// The sender asks to take the document back (13).
    RecallRequested {
        /// The sender's reason.
        reason: String,
    },
    /// An update (business type 2) or replacement (3) package arrived.
    ChangeReceived {
        /// Update or replace.
        kind: ChangeKind,
        /// The sender's reason.
        reason: String,
        /// For a replacement: the replacing document.
        #[serde(default)]
        replacement: Option<DocumentId>,
        /// For an update: the new metadata.
        #[serde(default)]
        meta: Option<DocumentMeta>,
    },
    /// The clerk answers the pending request: agree (15) or refuse (16).
    ChangeAnswered {
        /// The clerk.
        by: ActorId,
        /// Agree or refuse.
        agree: bool,
        /// The reason, required when refusing.
        #[serde(default)]
        reason: Option<String>,
    },
}

impl IncomingEvent {
    /// The event, by name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Arrived { .. } => "arrived",
            Self::Returned { .. } => "returned",
            Self::Registered { .. } => "registered",
            Self::PaperCopyReceived { .. } => "paper_copy_received",
            Self::Assigned { .. } => "assigned",
            Self::HandlerAssigned { .. } => "handler_assigned",
            Self::ProcessingStarted { .. } => "processing_started",
            Self::Completed { .. } => "completed",
            Self::RecallRequested { .. } => "recall_requested",
            Self::ChangeReceived { .. } => "change_received",
            Self::ChangeAnswered { .. } => "change_answered",
        }
    }
}

fn illegal(rule: Rule, event: &IncomingEvent, status: Option<IncomingStatus>) -> WorkflowError {
    WorkflowError::new(
        rule,
        WorkflowErrorKind::IllegalTransition {
            event: event.name(),
            state: status.map_or("none", IncomingStatus::as_str),
        },
    )
}

fn required(rule: Rule, field: &'static str, text: &str) -> Result<(), WorkflowError> {
    if text.trim().is_empty() {
        Err(WorkflowError::new(
            rule,
            WorkflowErrorKind::MissingField { field },
        ))
    } else {
        Ok(())
    }
}

/// Applies `event` to the incoming document `doc` (absent before `Arrived`).
pub(crate) fn apply(
    ctx: &mut Context<'_>,
    case: &CaseId,
    doc: Option<&IncomingDocument>,
    event: &IncomingEvent,
    at: DateTime<FixedOffset>,
) -> Result<(IncomingDocument, Vec<Effect>), WorkflowError> {
    let status = doc.map(|d| d.status);
    let mut effects = Vec::new();
    let Some(doc) = doc else {
        let IncomingEvent::Arrived { from, meta, paper } = event else {
            return Err(WorkflowError::new(
                rules::CASE,
                WorkflowErrorKind::UnknownCase {
                    case: case.to_string(),
                },
            ));
        };
        // A secret document that arrives electronically must not be taken in.
        if let (false, Some(mark)) = (*paper, meta.confidentiality) {
            return Err(WorkflowError::new(
                rules::SECRET,
                WorkflowErrorKind::Secret {
                    mark: mark.name_vi(),
                },
            ));
        }
        let doc = IncomingDocument {
            case: case.clone(),
            from: *from,
            meta: meta.clone(),
            status: IncomingStatus::Arrived,
            arrived_at: at,
            returned_reason: None,
            registration: None,
            paper_received_at: paper.then_some(at),
            paper_only: *paper,
            duplicate_key: key_of(meta),
            duplicate_of: Vec::new(),
            assignment: None,
            processing_at: None,
            completed_at: None,
            reply: None,
            changes: Vec::new(),
            version: 1,
            replaced_by: None,
            history: vec![entry(at, event, None, None)],
        };
        if !paper {
            effects.push(status_to(&doc, StatusCode::Arrived, None, None, at));
        }
        effects.push(Effect::SetDeadline(Deadline {
            case: case.clone(),
            kind: DeadlineKind::Acknowledge,
            assignee: None,
            recipient: None,
            rule: DeadlineRule::Acknowledge {
                received_at: at,
                urgent: doc.meta.is_urgent(),
            },
        }));
        return Ok((doc, effects));
    };
    let mut next = doc.clone();
    match event {
        IncomingEvent::Arrived { .. } => {
            return Err(WorkflowError::new(
                rules::IN_ARRIVED,
                WorkflowErrorKind::DuplicateCase {
                    case: case.to_string(),
                },
            ));
        }
        IncomingEvent::Returned { by, reason } => {
            if doc.status != IncomingStatus::Arrived {
                return Err(illegal(rules::IN_RETURN, event, status));
            }
            let acting = ctx.directory.authorise(by, &[Role::Clerk], at)?;
            required(rules::IN_RETURN, "reason", reason)?;
            next.status = IncomingStatus::Returned;
            next.returned_reason = Some(reason.clone());
            effects.push(status_to(
                doc,
                StatusCode::Rejected,
                Some(reason),
                ctx.staff(&acting),
                at,
            ));
            effects.push(clear(case, DeadlineKind::Acknowledge));
            next.history
                .push(entry(at, event, Some(acting), Some(reason.clone())));
        }
        IncomingEvent::Registered { by } => {
            if doc.status != IncomingStatus::Arrived {
                return Err(illegal(rules::IN_REGISTER, event, status));
            }
            let acting = ctx.directory.authorise(by, &[Role::Clerk], at)?;
            let duplicates = duplicates(ctx, doc);
            let registration = ctx.registers.record(&RegisterKind::Incoming, case, at)?;
            for (other, reason) in duplicates {
                next.duplicate_of.push(other.clone());
                effects.push(Effect::DuplicateWarning {
                    case: case.clone(),
                    duplicate_of: other,
                    reason,
                });
            }
            next.status = IncomingStatus::Registered;
            next.registration = Some(registration.clone());
            effects.push(Effect::WriteRegister(registration));
            effects.push(status_to(
                doc,
                StatusCode::Accepted,
                None,
                ctx.staff(&acting),
                at,
            ));
            effects.push(clear(case, DeadlineKind::Acknowledge));
            next.history.push(entry(at, event, Some(acting), None));
        }
        IncomingEvent::PaperCopyReceived { by } => {
            // The paper copy of a registered document keeps its arrival number:
            // numbers are shared by the paper and electronic forms (Nghị định 30/2020/NĐ-CP Điều 22 khoản 2).
            if doc.registration.is_none() || doc.status == IncomingStatus::Cancelled {
                return Err(illegal(rules::IN_PAPER, event, status));
            }
            if doc.paper_received_at.is_some() {
                return Err(illegal(rules::IN_PAPER, event, status));
            }
            let acting = ctx.directory.authorise(by, &[Role::Clerk], at)?;
            next.paper_received_at = Some(at);
            next.history.push(entry(at, event, Some(acting), None));
        }
        IncomingEvent::Assigned {
            by,
            lead,
            cooperating,
            direction,
        } => {
            // Re-assignment by the leader is allowed while the document is
            // open (Nghị định 30/2020/NĐ-CP Điều 23 khoản 4: the leader may change the direction).
            if !matches!(
                doc.status,
                IncomingStatus::Registered | IncomingStatus::Assigned | IncomingStatus::Processing
            ) {
                return Err(illegal(rules::IN_ASSIGN, event, status));
            }
            // The clerk routes by the document's content and the working
            // rules where the agency allows it (Policy::clerk_routes); a
            // routing carries no leader's direction.
            let roles: &[Role] = if ctx.policy.clerk_routes {
                &[Role::AgencyLeader, Role::UnitLeader, Role::Clerk]
            } else {
                &[Role::AgencyLeader, Role::UnitLeader]
            };
            let acting = ctx.directory.authorise(by, roles, at)?;
            if acting.role != Role::Clerk {
                required(rules::IN_ASSIGN, "direction", direction)?;
            }
            if cooperating.iter().any(|c| c.assignee == lead.assignee) {
                return Err(WorkflowError::new(
                    rules::IN_ASSIGN,
                    WorkflowErrorKind::MissingField {
                        field: "cooperating (the lead cannot also co-operate)",
                    },
                ));
            }
            if doc.status != IncomingStatus::Registered {
                effects.push(clear(case, DeadlineKind::Handle));
            }
            for handler in std::iter::once(lead).chain(cooperating) {
                effects.push(Effect::SetDeadline(Deadline {
                    case: case.clone(),
                    kind: DeadlineKind::Handle,
                    assignee: Some(handler.assignee.clone()),
                    recipient: None,
                    rule: DeadlineRule::At { due: handler.due },
                }));
                effects.push(notify(case, &handler.assignee, direction));
            }
            if doc.status == IncomingStatus::Registered {
                next.status = IncomingStatus::Assigned;
                effects.push(status_to(
                    doc,
                    StatusCode::Assigned,
                    Some(direction),
                    ctx.staff(&acting),
                    at,
                ));
            }
            next.assignment = Some(Assignment {
                lead: lead.clone(),
                cooperating: cooperating.clone(),
                direction: direction.clone(),
                at,
                by: acting.clone(),
                handler: None,
            });
            next.history
                .push(entry(at, event, Some(acting), Some(direction.clone())));
        }
        IncomingEvent::HandlerAssigned { by, person, due } => {
            let Some(assignment) = next.assignment.as_mut().filter(|_| {
                matches!(
                    doc.status,
                    IncomingStatus::Assigned | IncomingStatus::Processing
                )
            }) else {
                return Err(illegal(rules::IN_HANDLER, event, status));
            };
            let acting =
                ctx.directory
                    .authorise(by, &[Role::UnitLeader, Role::AgencyLeader], at)?;
            // A unit leader acting in his own name hands out only his unit's documents.
            if let Assignee::Unit(unit) = &assignment.lead.assignee
                && acting.role == Role::UnitLeader
                && acting.on_behalf_of.is_none()
                && ctx.directory.actor(by).and_then(|a| a.unit.as_deref()) != Some(unit.as_str())
            {
                return Err(WorkflowError::new(
                    rules::IN_HANDLER,
                    WorkflowErrorKind::NotAuthorised {
                        actor: by.to_string(),
                        role: "leader of the lead unit",
                    },
                ));
            }
            // The person must be an account that can act now.
            ctx.directory.authorise(
                person,
                &[
                    Role::Specialist,
                    Role::UnitLeader,
                    Role::AgencyLeader,
                    Role::Clerk,
                ],
                at,
            )?;
            let handler = Handler::new(Assignee::Person(person.clone()), *due);
            if assignment.handler.replace(handler.clone()).is_some() {
                effects.push(Effect::ClearDeadline {
                    case: case.clone(),
                    kind: DeadlineKind::Handle,
                });
                // Re-announce the other deadlines, which the clear removed.
                for h in std::iter::once(&assignment.lead).chain(&assignment.cooperating) {
                    effects.push(set_handle(case, h));
                }
            }
            effects.push(set_handle(case, &handler));
            effects.push(notify(case, &handler.assignee, &assignment.direction));
            next.history
                .push(entry(at, event, Some(acting), Some(person.to_string())));
        }
        IncomingEvent::ProcessingStarted { by } => {
            if doc.status != IncomingStatus::Assigned {
                return Err(illegal(rules::IN_PROCESS, event, status));
            }
            let acting = ctx.directory.authorise(
                by,
                &[Role::Specialist, Role::UnitLeader, Role::AgencyLeader],
                at,
            )?;
            next.status = IncomingStatus::Processing;
            next.processing_at = Some(at);
            effects.push(status_to(
                doc,
                StatusCode::Processing,
                None,
                ctx.staff(&acting),
                at,
            ));
            next.history.push(entry(at, event, Some(acting), None));
        }
        IncomingEvent::Completed { by, reply } => {
            if !matches!(
                doc.status,
                IncomingStatus::Assigned | IncomingStatus::Processing
            ) {
                return Err(illegal(rules::IN_PROCESS, event, status));
            }
            let acting = ctx.directory.authorise(
                by,
                &[Role::Specialist, Role::UnitLeader, Role::AgencyLeader],
                at,
            )?;
            next.status = IncomingStatus::Completed;
            next.processing_at = next.processing_at.or(Some(at));
            next.completed_at = Some(at);
            next.reply = reply.clone();
            effects.push(status_to(
                doc,
                StatusCode::Completed,
                None,
                ctx.staff(&acting),
                at,
            ));
            effects.push(clear(case, DeadlineKind::Handle));
            next.history.push(entry(at, event, Some(acting), None));
        }
        IncomingEvent::RecallRequested { reason } => {
            receive_change(
                &mut next,
                event,
                status,
                (ChangeKind::Recall, reason, None, None),
                at,
            )?;
        }
        IncomingEvent::ChangeReceived {
            kind,
            reason,
            replacement,
            meta,
        } => {
            if *kind == ChangeKind::Recall {
                return Err(illegal(rules::IN_CHANGE, event, status));
            }
            if *kind == ChangeKind::Replace && replacement.is_none() {
                return Err(WorkflowError::new(
                    rules::IN_CHANGE,
                    WorkflowErrorKind::MissingField {
                        field: "replacement",
                    },
                ));
            }
            receive_change(
                &mut next,
                event,
                status,
                (*kind, reason, replacement.clone(), meta.clone()),
                at,
            )?;
        }
        IncomingEvent::ChangeAnswered { by, agree, reason } => {
            let Some(pending) = doc.pending_change() else {
                return Err(illegal(rules::IN_CHANGE, event, status));
            };
            let rule = if pending.kind == ChangeKind::Recall {
                rules::IN_RECALL
            } else {
                rules::IN_CHANGE
            };
            let acting = ctx.directory.authorise(by, &[Role::Clerk], at)?;
            let reason = reason.clone().unwrap_or_default();
            if !agree {
                if pending.kind == ChangeKind::Recall
                    && ctx.policy.recall_refusal == RecallRefusal::Forbidden
                {
                    return Err(WorkflowError::new(
                        rules::IN_RECALL_REFUSED,
                        WorkflowErrorKind::RecallKept,
                    ));
                }
                required(rule, "reason", &reason)?;
            }
            let kind = pending.kind;
            let replacement = pending.replacement.clone();
            let new_meta = pending.meta.clone();
            if let Some(change) = next.changes.iter_mut().find(|c| c.agreed.is_none()) {
                change.agreed = Some(*agree);
                change.answered_at = Some(at);
            }
            let code = if *agree {
                StatusCode::ChangeAccepted
            } else {
                StatusCode::ChangeRejected
            };
            let description = if reason.is_empty() {
                None
            } else {
                Some(reason.as_str())
            };
            effects.push(status_to(doc, code, description, ctx.staff(&acting), at));
            if *agree {
                match kind {
                    ChangeKind::Recall => {
                        // Cancel in the system, keep the recall metadata (Nghị định 30/2020/NĐ-CP Điều 18 khoản 4 điểm b).
                        next.status = IncomingStatus::Cancelled;
                        effects.push(clear(case, DeadlineKind::Acknowledge));
                        effects.push(clear(case, DeadlineKind::Handle));
                    }
                    ChangeKind::Update => {
                        next.version = next.version.saturating_add(1);
                        if let Some(meta) = new_meta {
                            next.duplicate_key = key_of(&meta);
                            next.meta = meta;
                        }
                    }
                    ChangeKind::Replace => next.replaced_by = replacement,
                }
            }
            next.history.push(entry(
                at,
                event,
                Some(acting),
                Some(format!(
                    "{} {}",
                    if *agree { "agreed" } else { "refused" },
                    match kind {
                        ChangeKind::Recall => "recall",
                        ChangeKind::Update => "update",
                        ChangeKind::Replace => "replacement",
                    }
                )),
            ));
        }
    }
    if next.paper_only {
        // Status packages answer electronic packages only.
        effects.retain(|e| !matches!(e, Effect::SendStatus(_)));
    }
    Ok((next, effects))
}

fn receive_change(
    next: &mut IncomingDocument,
    event: &IncomingEvent,
    status: Option<IncomingStatus>,
    (kind, reason, replacement, meta): (ChangeKind, &str, Option<DocumentId>, Option<DocumentMeta>),
    at: DateTime<FixedOffset>,
) -> Result<(), WorkflowError> {
    let rule = if kind == ChangeKind::Recall {
        rules::IN_RECALL
    } else {
        rules::IN_CHANGE
    };
    if next.status.is_terminal() || next.pending_change().is_some() {
        return Err(illegal(rule, event, status));
    }
    required(rule, "reason", reason)?;
    next.changes.push(ChangeRequest {
        kind,
        reason: reason.to_owned(),
        replacement,
        meta,
        at,
        agreed: None,
        answered_at: None,
    });
    next.history
        .push(entry(at, event, None, Some(reason.to_owned())));
    Ok(())
}

fn key_of(meta: &DocumentMeta) -> Option<(String, String)> {
    meta.number.as_ref().map(|n| number_key(n, &meta.issuer))
}

fn duplicates(ctx: &Context<'_>, doc: &IncomingDocument) -> Vec<(CaseId, DuplicateReason)> {
    ctx.incoming
        .values()
        .filter(|other| other.case != doc.case && other.registration.is_some())
        .filter_map(|other| {
            if let (Some(a), Some(b)) = (&doc.meta.document_id, &other.meta.document_id)
                && a == b
            {
                return Some((
                    other.case.clone(),
                    DuplicateReason::DocumentId {
                        document_id: a.clone(),
                    },
                ));
            }
            match (&doc.duplicate_key, &other.duplicate_key) {
                (Some(k), Some(o)) if k == o => Some((
                    other.case.clone(),
                    DuplicateReason::NumberAndIssuer {
                        number: o.0.clone(),
                        issuer: o.1.clone(),
                    },
                )),
                _ => None,
            }
        })
        .collect()
}

fn entry(
    at: DateTime<FixedOffset>,
    event: &IncomingEvent,
    by: Option<Acting>,
    note: Option<String>,
) -> HistoryEntry {
    HistoryEntry {
        at,
        event: event.name().to_owned(),
        by,
        note,
    }
}

fn status_to(
    doc: &IncomingDocument,
    code: StatusCode,
    description: Option<&str>,
    staff: Option<Staff>,
    at: DateTime<FixedOffset>,
) -> Effect {
    let description = description.map_or_else(|| code.description_vi().to_owned(), str::to_owned);
    Effect::SendStatus(StatusNotice {
        case: doc.case.clone(),
        to: doc.from,
        code,
        description,
        staff,
        at,
    })
}

fn set_handle(case: &CaseId, handler: &Handler) -> Effect {
    Effect::SetDeadline(Deadline {
        case: case.clone(),
        kind: DeadlineKind::Handle,
        assignee: Some(handler.assignee.clone()),
        recipient: None,
        rule: DeadlineRule::At { due: handler.due },
    })
}

fn clear(case: &CaseId, kind: DeadlineKind) -> Effect {
    Effect::ClearDeadline {
        case: case.clone(),
        kind,
    }
}

fn notify(case: &CaseId, assignee: &Assignee, direction: &str) -> Effect {
    match assignee {
        Assignee::Person(person) => Effect::Notify {
            case: case.clone(),
            person: person.clone(),
            message: direction.to_owned(),
        },
        Assignee::Unit(unit) => Effect::NotifyUnit {
            case: case.clone(),
            unit: unit.clone(),
            message: direction.to_owned(),
        },
    }
}
