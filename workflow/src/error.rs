//! The one error type of the lifecycles: every refusal names the rule it
//! enforces (a stable rule id) and the article the rule comes from.

use std::fmt;

/// A transition the rules forbid, or an event that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{rule} ({source_article}): {kind}")]
pub struct WorkflowError {
    rule: &'static str,
    source_article: &'static str,
    kind: WorkflowErrorKind,
}

impl WorkflowError {
    pub(crate) fn new(rule: Rule, kind: WorkflowErrorKind) -> Self {
        Self {
            rule: rule.id,
            source_article: rule.source,
            kind,
        }
    }

    /// The stable rule id, e.g. `WF-IN-002`.
    pub fn rule_id(&self) -> &'static str {
        self.rule
    }

    /// Where the rule comes from (seed article, decree), e.g. `seed 003 Art. 9.2; ND30 Art. 21.2.b`.
    pub fn source_article(&self) -> &'static str {
        self.source_article
    }

    /// What went wrong.
    pub fn kind(&self) -> &WorkflowErrorKind {
        &self.kind
    }
}

/// What went wrong, in detail.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WorkflowErrorKind {
    /// The event is not allowed in the document's current state.
    IllegalTransition {
        /// The event, by name.
        event: &'static str,
        /// The state, by name.
        state: &'static str,
    },
    /// The actor is not known to the directory.
    UnknownActor {
        /// The actor id.
        actor: String,
    },
    /// The actor's account is disabled (it stays in the history but cannot act).
    DisabledActor {
        /// The actor id.
        actor: String,
    },
    /// The actor has neither the role nor a delegation valid at that instant.
    NotAuthorised {
        /// The actor id.
        actor: String,
        /// The role the event needs.
        role: &'static str,
    },
    /// A reason, direction or other required text is missing or empty.
    MissingField {
        /// The field.
        field: &'static str,
    },
    /// No document with this case id.
    UnknownCase {
        /// The case id.
        case: String,
    },
    /// A document with this case id exists already.
    DuplicateCase {
        /// The case id.
        case: String,
    },
    /// The document was already issued to this recipient.
    AlreadyIssuedTo {
        /// The recipient.
        recipient: String,
    },
    /// A status package came from an agency the document was not issued to.
    NotARecipient {
        /// The agency.
        agency: String,
    },
    /// The document was recalled: it is frozen.
    Frozen,
    /// An event is older than the last one applied (the log must be in time order).
    OutOfOrder,
    /// An account or delegation id is defined twice, or a delegation window is empty.
    InvalidDirectory {
        /// What is wrong.
        reason: &'static str,
    },
    /// Numbering ran past `u32::MAX` or a year out of range.
    Overflow,
    /// A register cannot be opened at a number for a year in which it has
    /// already given numbers (they are never renumbered or given back).
    AlreadyNumbered {
        /// The register, by label.
        register: String,
        /// The year.
        year: i32,
    },
}

impl fmt::Display for WorkflowErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::IllegalTransition { event, state } => {
                write!(f, "event `{event}` is not allowed in state `{state}`")
            }
            Self::UnknownActor { actor } => write!(f, "unknown actor `{actor}`"),
            Self::DisabledActor { actor } => {
                write!(f, "the account of `{actor}` is disabled and cannot act")
            }
            Self::NotAuthorised { actor, role } => write!(
                f,
                "`{actor}` has neither the role `{role}` nor a valid delegation for it"
            ),
            Self::MissingField { field } => write!(f, "`{field}` is required and empty"),
            Self::UnknownCase { case } => write!(f, "no document with case id `{case}`"),
            Self::DuplicateCase { case } => write!(f, "case id `{case}` is already used"),
            Self::AlreadyIssuedTo { recipient } => {
                write!(f, "the document was already issued to `{recipient}`")
            }
            Self::NotARecipient { agency } => {
                write!(f, "the document was not issued to `{agency}`")
            }
            Self::Frozen => f.write_str("the document was recalled and is frozen"),
            Self::OutOfOrder => f.write_str("the event is older than the previous event"),
            Self::InvalidDirectory { reason } => write!(f, "invalid directory event: {reason}"),
            Self::Overflow => f.write_str("register numbering overflow"),
            Self::AlreadyNumbered { register, year } => write!(
                f,
                "register `{register}` has already given numbers in {year} (or later): it cannot be opened again"
            ),
        }
    }
}

impl WorkflowErrorKind {
    /// The message in Vietnamese, for the clerk's screen.
    pub fn message_vi(&self) -> String {
        match self {
            Self::IllegalTransition { event, state } => {
                format!("không được thực hiện `{event}` khi văn bản ở trạng thái `{state}`")
            }
            Self::UnknownActor { actor } => format!("không có tài khoản `{actor}`"),
            Self::DisabledActor { actor } => {
                format!("tài khoản `{actor}` đã bị khóa, không được thao tác")
            }
            Self::NotAuthorised { actor, role } => {
                format!("`{actor}` không có vai trò `{role}` và không được ủy quyền hợp lệ")
            }
            Self::MissingField { field } => format!("thiếu `{field}`"),
            Self::UnknownCase { case } => format!("không có văn bản `{case}`"),
            Self::DuplicateCase { case } => format!("mã văn bản `{case}` đã được dùng"),
            Self::AlreadyIssuedTo { recipient } => {
                format!("văn bản đã được gửi cho `{recipient}`, không gửi trùng")
            }
            Self::NotARecipient { agency } => {
                format!("văn bản không được gửi cho `{agency}`")
            }
            Self::Frozen => "văn bản đã bị thu hồi, không được thay đổi".to_owned(),
            Self::OutOfOrder => "sự kiện có thời điểm sớm hơn sự kiện trước".to_owned(),
            Self::InvalidDirectory { reason } => {
                format!("tài khoản, ủy quyền không hợp lệ: {reason}")
            }
            Self::Overflow => "tràn số đăng ký".to_owned(),
            Self::AlreadyNumbered { register, year } => format!(
                "sổ `{register}` đã cấp số trong năm {year} (hoặc sau đó): không thể mở lại"
            ),
        }
    }
}

/// A rule: a stable id and the article it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rule {
    pub(crate) id: &'static str,
    pub(crate) source: &'static str,
}

/// The rules enforced by the lifecycles, with their sources.
pub(crate) mod rules {
    use super::Rule;

    macro_rules! rule {
        ($name:ident, $id:literal, $source:literal) => {
            pub(crate) const $name: Rule = Rule {
                id: $id,
                source: $source,
            };
        };
    }

    rule!(ORDER, "WF-LOG-001", "vanthu: an event log is in time order");
    rule!(CASE, "WF-LOG-002", "vanthu: one case id per document");
    rule!(
        ACCOUNT,
        "WF-ACT-001",
        "seed 001 Art. 13.3.a (one account per person, disabled never deleted)"
    );
    rule!(
        DELEGATION,
        "WF-ACT-002",
        "seed 004 Art. 17.4 (leaders may delegate assigning, issuing, signing)"
    );
    rule!(
        IN_ARRIVED,
        "WF-IN-001",
        "seed 003 Art. 6 (time of receipt); edXML status 01"
    );
    rule!(
        IN_RETURN,
        "WF-IN-002",
        "seed 001 Art. 10.1; seed 003 Art. 9.2; ND30 Art. 21.2.b (return with a reason)"
    );
    rule!(
        IN_REGISTER,
        "WF-IN-003",
        "seed 001 Art. 10.2; seed 003 Art. 10.1; ND30 Art. 22 (register incoming documents)"
    );
    rule!(
        IN_ASSIGN,
        "WF-IN-004",
        "seed 001 Art. 10.3; seed 003 Art. 11-12; ND30 Art. 23.2, 23.4 (lead unit, co-operating units, deadlines)"
    );
    rule!(
        IN_PROCESS,
        "WF-IN-005",
        "seed 004 Art. 14-15; ND30 Art. 24 (handling, status 05/06)"
    );
    rule!(
        IN_RECALL,
        "WF-IN-006",
        "seed 001 Art. 10.1.d; seed 003 Art. 9.4; ND30 Art. 18.4 (recall: cancel and notify the sender)"
    );
    rule!(
        IN_CHANGE,
        "WF-IN-007",
        "reference/edxml.md §4 (update 2 / replace 3 answered by 15 / 16)"
    );
    rule!(
        IN_PAPER,
        "WF-IN-008",
        "seed 004 Art. 9.3 (same document electronically and on paper: one registration)"
    );
    rule!(
        IN_HANDLER,
        "WF-IN-009",
        "ND30 Appendix IV handling slip part 2; seed 003 Art. 12 (the unit leader assigns a person and a deadline)"
    );
    rule!(
        OUT_DRAFT,
        "WF-OUT-001",
        "seed 001 Art. 11.1-11.2; seed 003 Art. 13 (drafting, review, approval)"
    );
    rule!(
        OUT_SIGN,
        "WF-OUT-002",
        "seed 001 Art. 4.1; seed 003 Art. 3.1 (signed by the competent person)"
    );
    rule!(
        OUT_NUMBER,
        "WF-OUT-003",
        "seed 001 Art. 11.2; seed 003 Art. 13.2; ND30 Art. 15 (number and date from the register)"
    );
    rule!(
        OUT_AGENCY_SIGN,
        "WF-OUT-004",
        "seed 003 Art. 17.4.c (the clerk signs for the agency after the competent person)"
    );
    rule!(
        OUT_ISSUE,
        "WF-OUT-005",
        "seeds 000/002 App. 2 III.2 (never send the same document twice to the same recipient)"
    );
    rule!(
        OUT_STATUS,
        "WF-OUT-006",
        "seed 002 App. 2 III.2; seed 004 Art. 14-15 (status feedback from recipients)"
    );
    rule!(
        OUT_RECALL,
        "WF-OUT-007",
        "seed 001 Art. 11.3.e; ND30 Art. 18.4; App. VI I.III.8.a (recall; the original is frozen)"
    );
    rule!(
        OUT_CHANGE,
        "WF-OUT-008",
        "seed 001 Art. 11.3.b; seed 003 Art. 14.2; ND30 Art. 18.3 (replacement, correction by công văn)"
    );
    rule!(
        REGISTER,
        "WF-REG-001",
        "reference/records.md §1.a, §3.4 (numbers from 01 each 1 January, no gaps, no reuse)"
    );
}
