//! The lifecycle of an outgoing document (`docs/workflow.md` §3): draft →
//! submitted → returned for revision | approved → signed by the competent
//! person → numbered and dated from the register → signed by the agency →
//! issued to each recipient, whose delivery state follows the status
//! packages that come back; recall (the original is frozen), update,
//! replacement and correction (đính chính) after issue.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use vanthu_identifiers::StatusCode;
use vanthu_identifiers::{
    AgencyId, Confidentiality, DocumentId, DocumentNumber, DocumentType, Urgency,
};

use crate::actor::{Acting, ActorId, Role};
use crate::document::{
    Business, CaseId, Deadline, DeadlineKind, DeadlineRule, Effect, HistoryEntry, StatusNotice,
    status_code_serde,
};
use crate::error::{Rule, WorkflowError, WorkflowErrorKind, rules};
use crate::policy::{PaperCopies, Policy};
use crate::register::{RegisterEntry, RegisterKind};
use crate::state::Context;

/// Where an outgoing document stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OutgoingStatus {
    /// Being drafted (or revised after a return).
    Draft,
    /// Submitted for review and approval.
    Submitted,
    /// Approved, waiting for the competent person's signature.
    Approved,
    /// Signed by the competent person.
    Signed,
    /// A paper document digitised by the clerk, to be issued as an
    /// electronic copy signed by the agency alone.
    Digitised,
    /// Given a number and date from the register.
    Numbered,
    /// Signed by the agency (clerk), ready to issue.
    AgencySigned,
    /// Issued to one or more recipients.
    Issued,
    /// Recalled after issue: frozen.
    Recalled,
}

impl OutgoingStatus {
    /// The state, by name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::Signed => "signed",
            Self::Digitised => "digitised",
            Self::Numbered => "numbered",
            Self::AgencySigned => "agency_signed",
            Self::Issued => "issued",
            Self::Recalled => "recalled",
        }
    }
}

/// A recipient's state, driven by the status packages it sends back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeliveryState {
    /// Sent, nothing back yet.
    Sent,
    /// 01.
    Arrived,
    /// 03.
    Accepted,
    /// 04.
    Assigned,
    /// 05.
    Processing,
    /// 06.
    Completed,
    /// 02: the recipient refused it (it may be issued to it again).
    Rejected,
}

impl DeliveryState {
    /// The state as written in JSON (`sent`, `arrived`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Arrived => "arrived",
            Self::Accepted => "accepted",
            Self::Assigned => "assigned",
            Self::Processing => "processing",
            Self::Completed => "completed",
            Self::Rejected => "rejected",
        }
    }

    fn from_code(code: &StatusCode) -> Option<Self> {
        match code {
            StatusCode::Arrived => Some(Self::Arrived),
            StatusCode::Rejected => Some(Self::Rejected),
            StatusCode::Accepted => Some(Self::Accepted),
            StatusCode::Assigned => Some(Self::Assigned),
            StatusCode::Processing => Some(Self::Processing),
            StatusCode::Completed => Some(Self::Completed),
            _ => None,
        }
    }

    /// Whether the recipient confirmed receipt (01 or later, not 02).
    pub fn is_received(self) -> bool {
        !matches!(self, Self::Sent | Self::Rejected)
    }

    /// Whether the recipient took the document in (03 or later, not 02). An
    /// automatic 01 only says the package reached its system: a document
    /// still waits to be chased until it is accepted (Quyết định
    /// 3760/QĐ-UBND (TP.HCM, 2021) Điều 16 khoản 8: "chưa được tiếp nhận").
    pub fn is_accepted(self) -> bool {
        !matches!(self, Self::Sent | Self::Arrived | Self::Rejected)
    }

    /// Whether the recipient is still to be chased: sent, or arrived and not
    /// yet accepted or refused.
    pub fn awaits_acceptance(self) -> bool {
        matches!(self, Self::Sent | Self::Arrived)
    }
}

/// One recipient of an issued document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Delivery {
    /// The recipient.
    pub to: AgencyId,
    /// When it was sent.
    pub sent_at: DateTime<FixedOffset>,
    /// Its state.
    pub state: DeliveryState,
    /// The last status code received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_code: Option<String>,
    /// When the last status arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_status_at: Option<DateTime<FixedOffset>>,
    /// The pending recall / update / replacement request sent to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Business>,
    /// The answers (15 agreed, 16 refused) to each request, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<(Business, bool)>,
}

/// A follow-up after issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FollowUp {
    /// Revoke, update or replace.
    pub business: Business,
    /// Why.
    pub reason: String,
    /// The replacing document, for a replacement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement: Option<DocumentId>,
    /// When.
    pub at: DateTime<FixedOffset>,
}

/// An outgoing document's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OutgoingDocument {
    /// The caller's case id.
    pub case: CaseId,
    /// Subject (trích yếu).
    pub subject: String,
    /// Type; legal-normative types get their own register series.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<DocumentType>,
    /// The symbol after the number (`QĐ-UBND`).
    pub symbol: String,
    /// Urgency; absent means normal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<Urgency>,
    /// The confidentiality mark: a marked document is never issued
    /// electronically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality>,
    /// The drafter.
    pub drafter: ActorId,
    /// The drafting unit (reports count outgoing documents per unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Where it stands.
    pub status: OutgoingStatus,
    /// How many times it was returned for revision.
    pub revisions: u32,
    /// The competent person who signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<Acting>,
    /// When it was signed by the competent person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<DateTime<FixedOffset>>,
    /// Whether the competent person's signature verified.
    pub signature_valid: bool,
    /// The register entry (number and date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<RegisterEntry>,
    /// When the agency signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_signed_at: Option<DateTime<FixedOffset>>,
    /// Whether the agency signature verified.
    pub agency_signature_valid: bool,
    /// When it was first issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<DateTime<FixedOffset>>,
    /// Its recipients.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deliveries: Vec<Delivery>,
    /// Recall, updates, replacements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    /// Corrections (đính chính) issued by công văn.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<DocumentNumber>,
    /// Whether a paper copy follows (the edXML `Paper` flag), as decided
    /// when it was first issued.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paper: bool,
    /// For a digitised copy of a paper document: the number and symbol of
    /// the paper original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<DocumentNumber>,
    /// Who did what when.
    pub history: Vec<HistoryEntry>,
}

impl OutgoingDocument {
    /// Number and symbol as issued (`05/QĐ-UBND`), once numbered.
    pub fn number_and_symbol(&self) -> Option<String> {
        self.registration
            .as_ref()
            .map(|r| format!("{}/{}", r.number_text(), self.symbol))
    }

    /// Whether it carries both valid signatures (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 1; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 3 khoản 1),
    /// or, for a digitised copy of a paper document, the agency's valid
    /// signature (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 2: the value of the main copy).
    pub fn has_legal_value(&self) -> bool {
        if self.is_digitised_copy() {
            self.agency_signature_valid
        } else {
            self.signature_valid && self.agency_signature_valid
        }
    }

    /// Whether a paper copy follows the electronic one (the edXML `Paper`
    /// flag), under `policy`: a document without legal value is for
    /// reference only and the paper follows; the agency's rules may send
    /// some types on paper too ([`PaperCopies`]). The clerk may override it
    /// when issuing ([`OutgoingEvent::Issued`]'s `paper`).
    pub fn paper_copy(&self, policy: &Policy) -> bool {
        if !self.has_legal_value() {
            return true;
        }
        match policy.paper_copies {
            PaperCopies::WithoutLegalValue => false,
            PaperCopies::SubmissionsAndDecisions => matches!(
                self.document_type,
                Some(DocumentType::Submission | DocumentType::Decision)
            ),
        }
    }

    /// Whether it is a digitised copy of a paper document.
    pub fn is_digitised_copy(&self) -> bool {
        self.copy_of.is_some()
    }

    /// Whether it is urgent.
    pub fn is_urgent(&self) -> bool {
        self.urgency.is_some_and(Urgency::is_urgent)
    }

    /// The recipient `to`, if it was issued to it.
    pub fn delivery(&self, to: &AgencyId) -> Option<&Delivery> {
        self.deliveries.iter().find(|d| d.to == *to)
    }
}

/// What happens to an outgoing document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
#[non_exhaustive]
pub enum OutgoingEvent {
    /// A specialist starts a draft.
    Drafted {
        /// The drafter.
        by: ActorId,
        /// Subject.
        subject: String,
        /// Type.
        #[serde(default)]
        document_type: Option<DocumentType>,
        /// Symbol (`QĐ-UBND`, `UBND-VX`).
        symbol: String,
        /// Urgency.
        #[serde(default)]
        urgency: Option<Urgency>,
        /// The confidentiality mark, when the document is secret: it can then
        /// be drafted and signed, but is issued on paper only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        confidentiality: Option<Confidentiality>,
    },
    /// The clerk digitises a paper document to issue it electronically: a
    /// copy (bản sao y) signed by the agency alone, with the value of the
    /// main copy (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 2,
    /// Điều 11 khoản 3 điểm d; Quy chế văn bản điện tử (tỉnh Nam Định, 2021)
    /// Điều 14 khoản 4). It is numbered in the copies register, signed by the
    /// agency and issued, with no competent person's signing step.
    Digitised {
        /// The clerk.
        by: ActorId,
        /// Subject of the paper document.
        subject: String,
        /// Type of the paper document.
        #[serde(default)]
        document_type: Option<DocumentType>,
        /// The symbol of the copy (`SY-UBND`).
        symbol: String,
        /// Number and symbol of the paper original.
        original: DocumentNumber,
        /// Urgency.
        #[serde(default)]
        urgency: Option<Urgency>,
        /// A marked document is not issued electronically.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        confidentiality: Option<Confidentiality>,
    },
    /// The drafter submits it for review.
    Submitted {
        /// The drafter.
        by: ActorId,
    },
    /// A leader returns it for revision.
    ReturnedForRevision {
        /// The leader.
        by: ActorId,
        /// What to revise.
        comment: String,
    },
    /// A leader approves it.
    Approved {
        /// The leader.
        by: ActorId,
    },
    /// The competent person signs it.
    Signed {
        /// The competent person (agency leader or delegate).
        by: ActorId,
        /// Whether the signature verified (from `vanthu-signature`).
        valid: bool,
    },
    /// The clerk gives it the next number and today's date.
    Numbered {
        /// The clerk.
        by: ActorId,
        /// The series; by default the type's legal-normative series or the outgoing register.
        #[serde(default)]
        register: Option<RegisterKind>,
    },
    /// The clerk signs for the agency.
    AgencySigned {
        /// The clerk.
        by: ActorId,
        /// Whether the signature verified.
        valid: bool,
    },
    /// The clerk issues it to these recipients.
    Issued {
        /// The clerk.
        by: ActorId,
        /// The recipients.
        recipients: Vec<AgencyId>,
        /// Whether a paper copy follows (the edXML `Paper` flag); absent:
        /// as the rules say ([`OutgoingDocument::paper_copy`]).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        paper: Option<bool>,
    },
    /// A status package came back from a recipient.
    StatusReceived {
        /// The recipient.
        from: AgencyId,
        /// Its code.
        #[serde(with = "status_code_serde")]
        code: StatusCode,
        /// Its description.
        #[serde(default)]
        description: Option<String>,
    },
    /// The agency recalls it: every recipient is asked (13) and the original is frozen.
    Recalled {
        /// Leader or clerk.
        by: ActorId,
        /// Why.
        reason: String,
    },
    /// An update package (business type 2) goes to every recipient.
    Updated {
        /// Leader or clerk.
        by: ActorId,
        /// Why.
        reason: String,
    },
    /// A replacement package (business type 3) goes to every recipient
    /// (content error: replaced by a document of the same form).
    Replaced {
        /// Leader or clerk.
        by: ActorId,
        /// Why.
        reason: String,
        /// The replacing document.
        replacement: DocumentId,
    },
    /// A correction (đính chính) by công văn (format or procedure error).
    Corrected {
        /// Leader or clerk.
        by: ActorId,
        /// The công văn's number and symbol.
        correction: DocumentNumber,
    },
}

impl OutgoingEvent {
    /// The event, by name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Drafted { .. } => "drafted",
            Self::Digitised { .. } => "digitised",
            Self::Submitted { .. } => "submitted",
            Self::ReturnedForRevision { .. } => "returned_for_revision",
            Self::Approved { .. } => "approved",
            Self::Signed { .. } => "signed",
            Self::Numbered { .. } => "numbered",
            Self::AgencySigned { .. } => "agency_signed",
            Self::Issued { .. } => "issued",
            Self::StatusReceived { .. } => "status_received",
            Self::Recalled { .. } => "recalled",
            Self::Updated { .. } => "updated",
            Self::Replaced { .. } => "replaced",
            Self::Corrected { .. } => "corrected",
        }
    }
}

fn illegal(rule: Rule, event: &OutgoingEvent, status: OutgoingStatus) -> WorkflowError {
    WorkflowError::new(
        rule,
        WorkflowErrorKind::IllegalTransition {
            event: event.name(),
            state: status.as_str(),
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

fn expect(
    rule: Rule,
    event: &OutgoingEvent,
    doc: &OutgoingDocument,
    state: OutgoingStatus,
) -> Result<(), WorkflowError> {
    if doc.status == OutgoingStatus::Recalled {
        return Err(WorkflowError::new(rule, WorkflowErrorKind::Frozen));
    }
    if doc.status == state {
        Ok(())
    } else {
        Err(illegal(rule, event, doc.status))
    }
}

const LEADERS: &[Role] = &[Role::UnitLeader, Role::AgencyLeader];
const AFTER_ISSUE: &[Role] = &[Role::AgencyLeader, Role::Clerk];

/// The default series of a document type: its own series for legal-normative
/// types (Nghị định 30/2020/NĐ-CP Điều 15 khoản 1 điểm b), the copies register for copies (bản sao y, trích
/// sao, sao lục), else the outgoing register.
pub fn default_register(document_type: Option<&DocumentType>) -> RegisterKind {
    match document_type {
        Some(
            DocumentType::ExactCopy | DocumentType::ExtractCopy | DocumentType::TranscribedCopy,
        ) => RegisterKind::Copies,
        Some(t) if t.is_legal_normative() => RegisterKind::LegalNormative(
            t.abbreviation()
                .map_or_else(|| t.name_vi().to_owned(), str::to_owned),
        ),
        _ => RegisterKind::Outgoing,
    }
}

/// Applies `event` to the outgoing document `doc` (absent before `Drafted`).
pub(crate) fn apply(
    ctx: &mut Context<'_>,
    case: &CaseId,
    doc: Option<&OutgoingDocument>,
    event: &OutgoingEvent,
    at: DateTime<FixedOffset>,
) -> Result<(OutgoingDocument, Vec<Effect>), WorkflowError> {
    let mut effects = Vec::new();
    let Some(doc) = doc else {
        return create(ctx, case, event, at).map(|doc| (doc, effects));
    };
    let mut next = doc.clone();
    let acting = match event {
        OutgoingEvent::Drafted { .. } | OutgoingEvent::Digitised { .. } => {
            return Err(WorkflowError::new(
                rules::CASE,
                WorkflowErrorKind::DuplicateCase {
                    case: case.to_string(),
                },
            ));
        }
        OutgoingEvent::Submitted { by } => {
            expect(rules::OUT_DRAFT, event, doc, OutgoingStatus::Draft)?;
            let acting = ctx
                .directory
                .authorise(by, &[Role::Specialist, Role::UnitLeader], at)?;
            if *by != doc.drafter {
                return Err(WorkflowError::new(
                    rules::OUT_DRAFT,
                    WorkflowErrorKind::NotAuthorised {
                        actor: by.to_string(),
                        role: "drafter",
                    },
                ));
            }
            next.status = OutgoingStatus::Submitted;
            if let Some(leader) = ctx.unit_leader(doc.unit.as_deref()) {
                effects.push(Effect::Notify {
                    case: case.clone(),
                    person: leader,
                    message: "Dự thảo chờ duyệt".to_owned(),
                });
            }
            Some(acting)
        }
        OutgoingEvent::ReturnedForRevision { by, comment } => {
            expect(rules::OUT_DRAFT, event, doc, OutgoingStatus::Submitted)?;
            let acting = ctx.directory.authorise(by, LEADERS, at)?;
            required(rules::OUT_DRAFT, "comment", comment)?;
            next.status = OutgoingStatus::Draft;
            next.revisions = next.revisions.saturating_add(1);
            effects.push(Effect::Notify {
                case: case.clone(),
                person: doc.drafter.clone(),
                message: comment.clone(),
            });
            Some(acting)
        }
        OutgoingEvent::Approved { by } => {
            expect(rules::OUT_DRAFT, event, doc, OutgoingStatus::Submitted)?;
            let acting = ctx.directory.authorise(by, LEADERS, at)?;
            next.status = OutgoingStatus::Approved;
            Some(acting)
        }
        OutgoingEvent::Signed { by, valid } => {
            expect(rules::OUT_SIGN, event, doc, OutgoingStatus::Approved)?;
            // The competent person is the agency leader or a delegate (Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 17 khoản 4).
            let acting = ctx.directory.authorise(by, &[Role::AgencyLeader], at)?;
            next.status = OutgoingStatus::Signed;
            next.signer = Some(acting.clone());
            next.signed_at = Some(at);
            next.signature_valid = *valid;
            effects.push(Effect::SetDeadline(Deadline {
                case: case.clone(),
                kind: DeadlineKind::Issue,
                assignee: None,
                recipient: None,
                rule: DeadlineRule::Issue {
                    signed_at: at,
                    urgent: doc.is_urgent(),
                },
            }));
            Some(acting)
        }
        OutgoingEvent::Numbered { by, register } => {
            // A digitised copy is numbered as a copy, with no signing step
            // before it; any other document after the competent person signs.
            let before = if doc.is_digitised_copy() {
                OutgoingStatus::Digitised
            } else {
                OutgoingStatus::Signed
            };
            expect(rules::OUT_NUMBER, event, doc, before)?;
            let acting = ctx.directory.authorise(by, &[Role::Clerk], at)?;
            let series = if doc.is_digitised_copy() {
                RegisterKind::Copies
            } else {
                default_register(doc.document_type.as_ref())
            };
            let kind = register.clone().unwrap_or_else(|| series.clone());
            // A legal-normative document or a copy is numbered in its own series.
            if matches!(
                series,
                RegisterKind::LegalNormative(_) | RegisterKind::Copies
            ) && kind != series
            {
                return Err(illegal(rules::OUT_NUMBER, event, doc.status));
            }
            let registration = ctx.registers.record(&kind, case, at)?;
            next.status = OutgoingStatus::Numbered;
            next.registration = Some(registration.clone());
            effects.push(Effect::WriteRegister(registration));
            Some(acting)
        }
        OutgoingEvent::AgencySigned { by, valid } => {
            // The clerk signs for the agency only after the competent person
            // (Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 17 khoản 4 điểm c): Numbered comes after Signed.
            expect(rules::OUT_AGENCY_SIGN, event, doc, OutgoingStatus::Numbered)?;
            let acting = ctx.directory.authorise(by, &[Role::Clerk], at)?;
            next.status = OutgoingStatus::AgencySigned;
            next.agency_signed_at = Some(at);
            next.agency_signature_valid = *valid;
            Some(acting)
        }
        OutgoingEvent::Issued {
            by,
            recipients,
            paper,
        } => {
            if doc.status == OutgoingStatus::Recalled {
                return Err(WorkflowError::new(
                    rules::OUT_ISSUE,
                    WorkflowErrorKind::Frozen,
                ));
            }
            if !matches!(
                doc.status,
                OutgoingStatus::AgencySigned | OutgoingStatus::Issued
            ) {
                return Err(illegal(rules::OUT_ISSUE, event, doc.status));
            }
            let acting = ctx.directory.authorise(by, &[Role::Clerk], at)?;
            if let Some(mark) = doc.confidentiality {
                return Err(WorkflowError::new(
                    rules::SECRET,
                    WorkflowErrorKind::Secret {
                        mark: mark.name_vi(),
                    },
                ));
            }
            if recipients.is_empty() {
                return Err(WorkflowError::new(
                    rules::OUT_ISSUE,
                    WorkflowErrorKind::MissingField {
                        field: "recipients",
                    },
                ));
            }
            for (i, to) in recipients.iter().enumerate() {
                // Never twice to the same recipient (Quyết định 4556/QĐ-UBND (TP.HCM, 2017) and Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Phụ lục 2 mục III.2),
                // unless it refused the earlier sending (02).
                let earlier = doc
                    .delivery(to)
                    .is_some_and(|d| d.state != DeliveryState::Rejected);
                let repeated = recipients.iter().take(i).any(|r| r == to);
                if earlier || repeated {
                    return Err(WorkflowError::new(
                        rules::OUT_ISSUE,
                        WorkflowErrorKind::AlreadyIssuedTo {
                            recipient: to.to_string(),
                        },
                    ));
                }
            }
            if doc.status == OutgoingStatus::AgencySigned {
                effects.push(Effect::ClearDeadline {
                    case: case.clone(),
                    kind: DeadlineKind::Issue,
                });
                next.issued_at = Some(at);
                next.paper = paper.unwrap_or_else(|| doc.paper_copy(ctx.policy));
            }
            let paper = paper.unwrap_or(next.paper);
            next.status = OutgoingStatus::Issued;
            for to in recipients {
                next.deliveries.retain(|d| d.to != *to);
                next.deliveries.push(Delivery {
                    to: *to,
                    sent_at: at,
                    state: DeliveryState::Sent,
                    last_code: None,
                    last_status_at: None,
                    pending: None,
                    answers: Vec::new(),
                });
                effects.push(Effect::SendDocument {
                    case: case.clone(),
                    to: *to,
                    business: Business::New,
                    reason: None,
                    paper,
                });
                effects.push(Effect::SetDeadline(Deadline {
                    case: case.clone(),
                    kind: DeadlineKind::NotReceived,
                    assignee: None,
                    recipient: Some(*to),
                    rule: DeadlineRule::NotReceived { sent_at: at },
                }));
            }
            Some(acting)
        }
        OutgoingEvent::StatusReceived {
            from,
            code,
            description: _,
        } => {
            if !matches!(
                doc.status,
                OutgoingStatus::Issued | OutgoingStatus::Recalled
            ) {
                return Err(illegal(rules::OUT_STATUS, event, doc.status));
            }
            let delivery = next
                .deliveries
                .iter_mut()
                .find(|d| d.to == *from)
                .ok_or_else(|| {
                    WorkflowError::new(
                        rules::OUT_STATUS,
                        WorkflowErrorKind::NotARecipient {
                            agency: from.to_string(),
                        },
                    )
                })?;
            match code {
                StatusCode::ChangeAccepted | StatusCode::ChangeRejected => {
                    let Some(pending) = delivery.pending.take() else {
                        return Err(illegal(rules::OUT_STATUS, event, doc.status));
                    };
                    delivery
                        .answers
                        .push((pending, *code == StatusCode::ChangeAccepted));
                }
                StatusCode::TakeBackRequested => {
                    // 13 is sent by the original sender, never by a recipient.
                    return Err(illegal(rules::OUT_STATUS, event, doc.status));
                }
                other => {
                    if let Some(state) = DeliveryState::from_code(other) {
                        // Packages may cross on the network: progress never goes back,
                        // but a refusal (02) always counts.
                        if state == DeliveryState::Rejected || state > delivery.state {
                            delivery.state = state;
                        }
                        if !delivery.state.awaits_acceptance() {
                            effects.push(Effect::ClearDeadline {
                                case: case.clone(),
                                kind: DeadlineKind::NotReceived,
                            });
                        }
                    }
                }
            }
            delivery.last_code = Some(code.as_str().to_owned());
            delivery.last_status_at = Some(at);
            next.history.push(HistoryEntry {
                at,
                event: event.name().to_owned(),
                by: None,
                note: Some(format!("{} {}", from, code.as_str())),
            });
            return Ok((next, effects));
        }
        OutgoingEvent::Recalled { by, reason } => {
            expect(rules::OUT_RECALL, event, doc, OutgoingStatus::Issued)?;
            let acting = ctx.directory.authorise(by, AFTER_ISSUE, at)?;
            required(rules::OUT_RECALL, "reason", reason)?;
            // The original is frozen from now on (Nghị định 30/2020/NĐ-CP Phụ lục VI mục I.III.8.a).
            next.status = OutgoingStatus::Recalled;
            follow_up(&mut next, &mut effects, Business::Revoke, reason, None, at);
            Some(acting)
        }
        OutgoingEvent::Updated { by, reason } => {
            expect(rules::OUT_CHANGE, event, doc, OutgoingStatus::Issued)?;
            let acting = ctx.directory.authorise(by, AFTER_ISSUE, at)?;
            required(rules::OUT_CHANGE, "reason", reason)?;
            follow_up(&mut next, &mut effects, Business::Update, reason, None, at);
            Some(acting)
        }
        OutgoingEvent::Replaced {
            by,
            reason,
            replacement,
        } => {
            expect(rules::OUT_CHANGE, event, doc, OutgoingStatus::Issued)?;
            let acting = ctx.directory.authorise(by, AFTER_ISSUE, at)?;
            required(rules::OUT_CHANGE, "reason", reason)?;
            follow_up(
                &mut next,
                &mut effects,
                Business::Replace,
                reason,
                Some(replacement.clone()),
                at,
            );
            Some(acting)
        }
        OutgoingEvent::Corrected { by, correction } => {
            expect(rules::OUT_CHANGE, event, doc, OutgoingStatus::Issued)?;
            let acting = ctx.directory.authorise(by, AFTER_ISSUE, at)?;
            next.corrections.push(correction.clone());
            Some(acting)
        }
    };
    next.history.push(entry(at, event, acting, None));
    Ok((next, effects))
}

fn follow_up(
    next: &mut OutgoingDocument,
    effects: &mut Vec<Effect>,
    business: Business,
    reason: &str,
    replacement: Option<DocumentId>,
    at: DateTime<FixedOffset>,
) {
    for delivery in next
        .deliveries
        .iter_mut()
        .filter(|d| d.state != DeliveryState::Rejected)
    {
        delivery.pending = Some(business);
        if business == Business::Revoke {
            // The sender asks each recipient to take the document back (13).
            effects.push(Effect::SendStatus(StatusNotice {
                case: next.case.clone(),
                to: delivery.to,
                code: StatusCode::TakeBackRequested,
                description: reason.to_owned(),
                staff: None,
                at,
            }));
        }
        effects.push(Effect::SendDocument {
            case: next.case.clone(),
            to: delivery.to,
            business,
            reason: Some(reason.to_owned()),
            paper: false,
        });
    }
    next.follow_ups.push(FollowUp {
        business,
        reason: reason.to_owned(),
        replacement,
        at,
    });
}

/// The document a first event creates: a draft, or a digitised copy.
fn create(
    ctx: &Context<'_>,
    case: &CaseId,
    event: &OutgoingEvent,
    at: DateTime<FixedOffset>,
) -> Result<OutgoingDocument, WorkflowError> {
    let (by, subject, document_type, symbol, urgency, confidentiality, copy_of) = match event {
        OutgoingEvent::Drafted {
            by,
            subject,
            document_type,
            symbol,
            urgency,
            confidentiality,
        } => (
            by,
            subject,
            document_type,
            symbol,
            urgency,
            confidentiality,
            None,
        ),
        OutgoingEvent::Digitised {
            by,
            subject,
            document_type,
            symbol,
            original,
            urgency,
            confidentiality,
        } => (
            by,
            subject,
            document_type,
            symbol,
            urgency,
            confidentiality,
            Some(original.clone()),
        ),
        _ => {
            return Err(WorkflowError::new(
                rules::CASE,
                WorkflowErrorKind::UnknownCase {
                    case: case.to_string(),
                },
            ));
        }
    };
    let (rule, roles, status): (Rule, &[Role], OutgoingStatus) = if copy_of.is_some() {
        (
            rules::OUT_DIGITISE,
            &[Role::Clerk],
            OutgoingStatus::Digitised,
        )
    } else {
        (
            rules::OUT_DRAFT,
            &[Role::Specialist, Role::UnitLeader],
            OutgoingStatus::Draft,
        )
    };
    let acting = ctx.directory.authorise(by, roles, at)?;
    required(rule, "subject", subject)?;
    required(rule, "symbol", symbol)?;
    let unit = ctx.directory.actor(by).and_then(|a| a.unit.clone());
    Ok(OutgoingDocument {
        case: case.clone(),
        subject: subject.clone(),
        document_type: document_type.clone(),
        symbol: symbol.clone(),
        urgency: *urgency,
        confidentiality: *confidentiality,
        drafter: by.clone(),
        unit,
        status,
        revisions: 0,
        signer: None,
        signed_at: None,
        signature_valid: false,
        registration: None,
        agency_signed_at: None,
        agency_signature_valid: false,
        issued_at: None,
        deliveries: Vec::new(),
        follow_ups: Vec::new(),
        corrections: Vec::new(),
        paper: false,
        copy_of,
        history: vec![entry(at, event, Some(acting), None)],
    })
}

fn entry(
    at: DateTime<FixedOffset>,
    event: &OutgoingEvent,
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
