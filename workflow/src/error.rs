//! The one error type of the lifecycles: every refusal names the rule it
//! enforces (a stable rule id) and the article the rule comes from.

use std::fmt;

use vanthu_identifiers::{Finding, Location};

pub(crate) use crate::rules;
pub(crate) use vanthu_identifiers::Rule;

/// A transition the rules forbid, or an event that cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} ({}): {kind}", rule.id, rule.source)]
pub struct WorkflowError {
    rule: Rule,
    kind: WorkflowErrorKind,
}

impl WorkflowError {
    pub(crate) fn new(rule: Rule, kind: WorkflowErrorKind) -> Self {
        Self { rule, kind }
    }

    /// The rule the event breaks, from [`rules::ALL`](crate::rules::ALL).
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// The stable rule id, e.g. `WF-IN-002`.
    pub fn rule_id(&self) -> &'static str {
        self.rule.id
    }

    /// Where the rule comes from, e.g. `Nghị định 30/2020/NĐ-CP Điều 21 khoản 2 điểm b`.
    pub fn source_article(&self) -> &'static str {
        self.rule.source
    }

    /// This refusal as a [`Finding`] of its rule at `location`, with the
    /// messages of [`WorkflowErrorKind`] in English and Vietnamese.
    #[must_use]
    pub fn finding(&self, location: Location) -> Finding {
        self.rule
            .custom(self.kind.to_string(), self.kind.message_vi(), location)
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
    /// The document carries a confidentiality mark: it stays out of the
    /// electronic system.
    Secret {
        /// The mark (`Mật`, `Tối mật`, `Tuyệt mật`).
        mark: &'static str,
    },
    /// The receiver refused a recall where the agency's rules say a recalled
    /// document is cancelled.
    RecallKept,
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
            Self::Secret { mark } => write!(
                f,
                "the document is marked `{mark}`: a secret document is received and issued on paper, never through the electronic system"
            ),
            Self::RecallKept => f.write_str(
                "a recall cannot be refused under the agency's rules: cancel the recalled document and tell the sender",
            ),
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
                format!(
                    "`{actor}` không có vai trò {} (`{role}`) và không được ủy quyền hợp lệ",
                    term_vi(role)
                )
            }
            Self::MissingField { field } => format!("thiếu {} (`{field}`)", term_vi(field)),
            Self::UnknownCase { case } => format!("không có văn bản `{case}`"),
            Self::DuplicateCase { case } => format!("mã văn bản `{case}` đã được dùng"),
            Self::AlreadyIssuedTo { recipient } => {
                format!("văn bản đã được gửi cho `{recipient}`, không gửi trùng")
            }
            Self::NotARecipient { agency } => {
                format!("văn bản không được gửi cho `{agency}`")
            }
            Self::Frozen => "văn bản đã bị thu hồi, không được thay đổi".to_owned(),
            Self::Secret { mark } => format!(
                "văn bản có dấu chỉ độ mật `{mark}`: văn bản mật được tiếp nhận và phát hành bằng bản giấy, không qua hệ thống điện tử"
            ),
            Self::RecallKept => "theo quy chế của cơ quan không được từ chối thu hồi: hủy bỏ văn bản bị thu hồi và thông báo cho nơi gửi".to_owned(),
            Self::OutOfOrder => "sự kiện có thời điểm sớm hơn sự kiện trước".to_owned(),
            Self::InvalidDirectory { reason } => {
                format!("tài khoản, ủy quyền không hợp lệ: {}", term_vi(reason))
            }
            Self::Overflow => "tràn số đăng ký".to_owned(),
            Self::AlreadyNumbered { register, year } => format!(
                "sổ `{register}` đã cấp số trong năm {year} (hoặc sau đó): không thể mở lại"
            ),
        }
    }
}

/// The Vietnamese for a field, role or reason named in a refusal; a term not
/// listed is returned as written (a schema name).
fn term_vi(term: &str) -> &str {
    match term {
        "reason" => "lý do",
        "direction" => "ý kiến chỉ đạo",
        "comment" => "ý kiến",
        "subject" => "trích yếu",
        "symbol" => "ký hiệu",
        "recipients" => "nơi nhận",
        "replacement" => "văn bản thay thế",
        "clerk" => "văn thư",
        "agency_leader" => "lãnh đạo cơ quan",
        "unit_leader" => "lãnh đạo đơn vị",
        "specialist" => "chuyên viên",
        "drafter" => "người soạn thảo",
        "an account cannot delegate to itself" => "tài khoản không thể ủy quyền cho chính mình",
        "an account with this id exists (accounts are never deleted or reused)" => {
            "đã có tài khoản mang mã này (tài khoản không bao giờ bị xóa hay dùng lại)"
        }
        "the afternoon session must start before it ends" => {
            "giờ bắt đầu buổi chiều phải trước giờ kết thúc"
        }
        "the morning session must end before the afternoon session starts" => {
            "buổi sáng phải kết thúc trước khi buổi chiều bắt đầu"
        }
        "the morning session must start before it ends" => {
            "giờ bắt đầu buổi sáng phải trước giờ kết thúc"
        }
        "the validity window of the delegation is empty" => "thời hạn ủy quyền không có ngày nào",
        other => other,
    }
}
