//! Disposal (*hủy tài liệu hết giá trị*) as a pure state machine: candidate →
//! under review ("Xem xét hủy") → council decision → destroyed or kept, with
//! holds and a permanent destruction record (Archive Law 2024; Circular
//! 05/2025/TT-BNV Ch. VII: the system lists expired records, sets "Xem xét
//! hủy", the appraisal council works in the system, every step is logged).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use vanthu_identifiers::RecordCode;

use crate::error::ArchiveError;
use crate::record::{Record, RecordState};
use crate::retention::is_expired;

/// A hold (legal, audit, investigation) that stops disposal until released.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Hold {
    /// Caller's identifier of the hold.
    pub id: String,
    /// Why.
    pub reason: String,
    /// Since when.
    pub since: DateTime<FixedOffset>,
}

/// The appraisal council's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CouncilDecision {
    /// Number and symbol of the head's decision, e.g. `15/QĐ-UBND`.
    pub decision: String,
    /// Destroy (true) or keep (false).
    pub destroy: bool,
    /// When kept: the new retention end, if any (`None` keeps it for good).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_until: Option<NaiveDate>,
    /// Members of the council.
    #[serde(default)]
    pub members: Vec<String>,
}

/// The permanent record of a destruction (*biên bản hủy*), kept for good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DestructionRecord {
    /// The record destroyed.
    pub record: RecordCode,
    /// The decision that allowed it.
    pub decision: String,
    /// How (e.g. `xóa vĩnh viễn dữ liệu và bản sao dự phòng`).
    pub method: String,
    /// Witnesses.
    pub witnesses: Vec<String>,
    /// When.
    pub at: DateTime<FixedOffset>,
}

/// Where a record is in the disposal process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Stage {
    /// Listed as expired or duplicate, not yet reviewed.
    Candidate,
    /// "Xem xét hủy": under review by the appraisal council.
    UnderReview {
        /// Since.
        since: DateTime<FixedOffset>,
    },
    /// The council decided to destroy; waiting for execution.
    ApprovedForDestruction {
        /// The decision.
        decision: CouncilDecision,
    },
    /// Destroyed; final.
    Destroyed {
        /// The permanent destruction record.
        record: DestructionRecord,
    },
    /// The council decided to keep; final for this round.
    Kept {
        /// The decision.
        decision: CouncilDecision,
    },
}

impl Stage {
    /// The stage's name in JSON: `candidate`, `under-review`,
    /// `approved-for-destruction`, `destroyed` or `kept`.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            Self::Candidate => "candidate",
            Self::UnderReview { .. } => "under-review",
            Self::ApprovedForDestruction { .. } => "approved-for-destruction",
            Self::Destroyed { .. } => "destroyed",
            Self::Kept { .. } => "kept",
        }
    }
}

/// The disposal state of one record: its stage and its active holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Disposal {
    /// The record.
    pub record: RecordCode,
    /// Stage.
    pub stage: Stage,
    /// Active holds.
    pub holds: Vec<Hold>,
}

/// What can happen to a record in disposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DisposalEvent {
    /// Put the candidate under review ("Xem xét hủy").
    StartReview,
    /// The council's decision.
    Decide(CouncilDecision),
    /// Execute an approved destruction.
    Destroy {
        /// Method.
        method: String,
        /// Witnesses.
        witnesses: Vec<String>,
    },
    /// Place a hold.
    PlaceHold {
        /// Hold id.
        id: String,
        /// Reason.
        reason: String,
    },
    /// Release a hold.
    ReleaseHold {
        /// Hold id.
        id: String,
    },
}

/// What the caller must do after a transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "effect", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DisposalEffect {
    /// Append to the disposal log (TT05 Ch. VII: the whole process is logged).
    Log {
        /// What happened, in English.
        message: String,
        /// When.
        at: DateTime<FixedOffset>,
    },
    /// Set the record's system state to "Xem xét hủy".
    MarkUnderReview,
    /// Delete the record's content and its backups now.
    DeleteContent,
    /// Keep this destruction record permanently.
    KeepDestructionRecord(DestructionRecord),
}

impl Disposal {
    /// A new candidate with no holds.
    #[must_use]
    pub fn candidate(record: RecordCode) -> Self {
        Self {
            record,
            stage: Stage::Candidate,
            holds: Vec::new(),
        }
    }

    /// True when the record is on hold.
    #[must_use]
    pub fn on_hold(&self) -> bool {
        !self.holds.is_empty()
    }
}

/// Applies `event` at `at` to `state` and returns the new state and the
/// effects. The state is never changed in place.
///
/// # Errors
/// [`ArchiveError::NotAllowed`] for a transition the process forbids: a
/// decision or destruction while on hold, a decision before review, a
/// destruction without approval, anything after destruction, an unknown or
/// duplicate hold.
pub fn apply(
    state: &Disposal,
    event: DisposalEvent,
    at: DateTime<FixedOffset>,
) -> Result<(Disposal, Vec<DisposalEffect>), ArchiveError> {
    let mut next = state.clone();
    let mut effects = Vec::new();
    let log = |m: String| DisposalEffect::Log { message: m, at };
    if matches!(state.stage, Stage::Destroyed { .. }) {
        return Err(ArchiveError::NotAllowed(format!(
            "record {} is destroyed; nothing can follow",
            state.record
        )));
    }
    match event {
        DisposalEvent::PlaceHold { id, reason } => {
            if state.holds.iter().any(|h| h.id == id) {
                return Err(ArchiveError::NotAllowed(format!(
                    "hold `{id}` is already placed"
                )));
            }
            effects.push(log(format!("hold `{id}` placed: {reason}")));
            next.holds.push(Hold {
                id,
                reason,
                since: at,
            });
        }
        DisposalEvent::ReleaseHold { id } => {
            let before = next.holds.len();
            next.holds.retain(|h| h.id != id);
            if next.holds.len() == before {
                return Err(ArchiveError::Unknown {
                    what: "hold",
                    name: id,
                });
            }
            effects.push(log(format!("hold `{id}` released")));
        }
        DisposalEvent::StartReview => {
            if state.stage != Stage::Candidate {
                return Err(ArchiveError::NotAllowed(
                    "only a candidate can be put under review".into(),
                ));
            }
            next.stage = Stage::UnderReview { since: at };
            effects.push(DisposalEffect::MarkUnderReview);
            effects.push(log("under review (Xem xét hủy)".into()));
        }
        DisposalEvent::Decide(decision) => {
            if !matches!(state.stage, Stage::UnderReview { .. }) {
                return Err(ArchiveError::NotAllowed(
                    "the council decides only on a record under review".into(),
                ));
            }
            if state.on_hold() {
                return Err(ArchiveError::NotAllowed("the record is on hold".into()));
            }
            if decision.decision.trim().is_empty() {
                return Err(ArchiveError::invalid(
                    "decision",
                    "the decision number is required",
                ));
            }
            effects.push(log(format!(
                "council decision {}: {}",
                decision.decision,
                if decision.destroy { "destroy" } else { "keep" }
            )));
            next.stage = if decision.destroy {
                Stage::ApprovedForDestruction { decision }
            } else {
                Stage::Kept { decision }
            };
        }
        DisposalEvent::Destroy { method, witnesses } => {
            let Stage::ApprovedForDestruction { decision } = &state.stage else {
                return Err(ArchiveError::NotAllowed(
                    "destruction needs an approving decision".into(),
                ));
            };
            if state.on_hold() {
                return Err(ArchiveError::NotAllowed("the record is on hold".into()));
            }
            let record = DestructionRecord {
                record: state.record.clone(),
                decision: decision.decision.clone(),
                method,
                witnesses,
                at,
            };
            effects.push(DisposalEffect::DeleteContent);
            effects.push(DisposalEffect::KeepDestructionRecord(record.clone()));
            effects.push(log(format!(
                "destroyed under decision {}",
                decision.decision
            )));
            next.stage = Stage::Destroyed { record };
        }
    }
    Ok((next, effects))
}

/// The disposal candidates among `records` on `at` (TT05 Ch. VII: the system
/// lists the records whose retention has ended): closed records with a term
/// of years that ended before `at`, counted from the year of their end date.
/// Records already in a disposal process are the caller's to skip.
pub fn candidates<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    at: NaiveDate,
) -> Vec<Disposal> {
    records
        .into_iter()
        .filter(|r| matches!(r.state, RecordState::Closed { .. }))
        .filter_map(|r| {
            let end = r.metadata.end_date?;
            is_expired(r.metadata.retention, chrono::Datelike::year(&end), at)
                .then(|| Disposal::candidate(r.metadata.code.clone()))
        })
        .collect()
}
