//! Values shared by both lifecycles: case ids, document metadata, history,
//! and the effects the embedding system carries out.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use vanthu_identifiers::{
    AgencyId, Confidentiality, DocumentId, DocumentNumber, DocumentType, Urgency,
};
use vanthu_identifiers::{BusinessType, StaffDetails, StatusCode};

use crate::actor::{Acting, ActorId, InvalidId, check_id};
use crate::calendar::{CalendarError, DeadlineRules, WorkingCalendar};
use crate::register::{DuplicateReason, RegisterEntry};

/// The caller's id for one document's case (incoming or outgoing): any
/// non-empty text of at most 128 bytes without control characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CaseId(String);

impl CaseId {
    /// Checks and wraps an id.
    ///
    /// # Errors
    /// [`InvalidId`] when the id is empty, too long or has control characters.
    pub fn parse(text: &str) -> Result<Self, InvalidId> {
        check_id(text).map(|()| Self(text.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CaseId {
    type Error = InvalidId;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        check_id(&value).map(|()| Self(value))
    }
}

impl From<CaseId> for String {
    fn from(value: CaseId) -> Self {
        value.0
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an incoming document says about itself (from its edXML header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentMeta {
    /// edXML `DocumentId`, when the package has one.
    #[serde(default)]
    pub document_id: Option<DocumentId>,
    /// Number and symbol (`182/QĐ-LĐTBXH`).
    #[serde(default)]
    pub number: Option<DocumentNumber>,
    /// Issuing agency, as named in the document.
    #[serde(default)]
    pub issuer: String,
    /// Date of the document.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Type of the document.
    #[serde(default)]
    pub document_type: Option<DocumentType>,
    /// Subject (trích yếu).
    #[serde(default)]
    pub subject: String,
    /// Urgency; absent means normal.
    #[serde(default)]
    pub urgency: Option<Urgency>,
    /// The confidentiality mark (dấu chỉ độ mật), when the document carries
    /// one: such a document stays out of the electronic system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality>,
}

impl DocumentMeta {
    /// Metadata with only a subject.
    pub fn new(subject: &str) -> Self {
        Self {
            document_id: None,
            number: None,
            issuer: String::new(),
            date: None,
            document_type: None,
            subject: subject.to_owned(),
            urgency: None,
            confidentiality: None,
        }
    }

    /// Whether the document is Khẩn, Thượng khẩn or Hỏa tốc (handled immediately,
    /// Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 5 khoản 2; Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 6 khoản 2).
    pub fn is_urgent(&self) -> bool {
        self.urgency.is_some_and(Urgency::is_urgent)
    }
}

/// One line of a document's history: who did what when. Disabled accounts
/// stay here (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 13 khoản 3 điểm a).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HistoryEntry {
    /// When.
    pub at: DateTime<FixedOffset>,
    /// The event, by name.
    pub event: String,
    /// Who, when a person acted (absent for packages arriving from outside).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Acting>,
    /// A note (reason, direction, status code, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A person named in a status package (`StaffInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Staff {
    /// The account.
    pub id: ActorId,
    /// Full name.
    pub name: String,
    /// Unit.
    #[serde(default)]
    pub unit: Option<String>,
}

impl Staff {
    /// The `StaffInfo` fields for this person (`vanthu-edxml` converts them
    /// into its `StaffInfo` element with `From`).
    pub fn staff_info(&self) -> StaffDetails {
        StaffDetails::new(self.name.clone(), self.id.to_string(), self.unit.clone())
    }
}

/// "Send status package N to agency X": exactly what the embedding system
/// passes to `vanthu_edxml::StatusPackage::reply` and its `with_description`
/// / `with_staff`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatusNotice {
    /// The document concerned.
    pub case: CaseId,
    /// The agency the status goes to.
    pub to: AgencyId,
    /// The status code.
    #[serde(with = "status_code_serde")]
    pub code: StatusCode,
    /// `Description` (the reason, for 02 and 16).
    pub description: String,
    /// `StaffInfo`.
    #[serde(default)]
    pub staff: Option<Staff>,
    /// `Timestamp`.
    pub at: DateTime<FixedOffset>,
}

pub(crate) mod status_code_serde {
    use serde::{Deserialize, Deserializer, Serializer};
    use vanthu_identifiers::StatusCode;

    pub(crate) fn serialize<S: Serializer>(code: &StatusCode, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(code.as_str())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<StatusCode, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(StatusCode::parse(&text))
    }
}

/// The business type of a document package (edXML `BussinessDocType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Business {
    /// 0: a new document.
    New,
    /// 1: revocation.
    Revoke,
    /// 2: update.
    Update,
    /// 3: replacement.
    Replace,
}

impl Business {
    /// The Vietnamese name (`Văn bản mới`, `Thu hồi`, `Cập nhật`, `Thay thế`).
    pub fn name_vi(self) -> &'static str {
        match self {
            Self::New => "Văn bản mới",
            Self::Revoke => "Thu hồi",
            Self::Update => "Cập nhật",
            Self::Replace => "Thay thế",
        }
    }

    /// The business type code (`BussinessDocType`) of `vanthu_identifiers`,
    /// which `vanthu-edxml` writes.
    pub fn edxml(self) -> BusinessType {
        match self {
            Self::New => BusinessType::New,
            Self::Revoke => BusinessType::Revoke,
            Self::Update => BusinessType::Update,
            Self::Replace => BusinessType::Replace,
        }
    }
}

/// Who a deadline or an assignment is for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
#[non_exhaustive]
pub enum Assignee {
    /// A unit (phòng, ban), by name.
    Unit(String),
    /// A person.
    Person(ActorId),
}

impl fmt::Display for Assignee {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unit(unit) => write!(f, "unit {unit}"),
            Self::Person(person) => write!(f, "person {person}"),
        }
    }
}

/// How a deadline is computed; resolved against the caller's working calendar
/// with [`resolve`](Self::resolve), so that the state never holds a calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
#[non_exhaustive]
pub enum DeadlineRule {
    /// Register or return, and tell the sender, the same working day (Nghị định 30/2020/NĐ-CP Điều 21 khoản 2 điểm c;
    /// Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 1 điểm c); urgent documents immediately.
    Acknowledge {
        /// Time of receipt.
        received_at: DateTime<FixedOffset>,
        /// Urgent document.
        urgent: bool,
    },
    /// Issue on the signing day, at the latest the next working morning
    /// (Nghị định 30/2020/NĐ-CP Điều 18 khoản 1; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 5 khoản 2); urgent documents immediately.
    Issue {
        /// Time of signing.
        signed_at: DateTime<FixedOffset>,
        /// Urgent document.
        urgent: bool,
    },
    /// Chase a recipient that has not confirmed receipt after 3–4 working days
    /// (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 16 khoản 8, Điều 17 khoản 5); the deadline is the end of the window.
    NotReceived {
        /// Time of sending.
        sent_at: DateTime<FixedOffset>,
    },
    /// A fixed instant set by a leader (Nghị định 30/2020/NĐ-CP Điều 23 khoản 2).
    At {
        /// The instant.
        due: DateTime<FixedOffset>,
    },
}

impl DeadlineRule {
    /// The deadline as an instant in Vietnam time.
    ///
    /// # Errors
    /// [`CalendarError`] when the calendar does not cover the years involved.
    pub fn resolve(
        &self,
        calendar: &WorkingCalendar,
        rules: &DeadlineRules,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        match self {
            Self::Acknowledge {
                received_at,
                urgent,
            } => rules.acknowledge_due(calendar, received_at, *urgent),
            Self::Issue { signed_at, urgent } => rules.issue_due(calendar, signed_at, *urgent),
            Self::NotReceived { sent_at } => Ok(rules.not_received(calendar, sent_at)?.chase_by),
            Self::At { due } => Ok(*due),
        }
    }
}

/// What a deadline is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeadlineKind {
    /// Register or return an arrived document.
    Acknowledge,
    /// Handle an assigned document (lead or co-operating).
    Handle,
    /// Issue a signed document.
    Issue,
    /// A recipient has not confirmed receipt.
    NotReceived,
}

impl DeadlineKind {
    /// The kind as written in JSON (`acknowledge`, `handle`, `issue`, `not_received`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Acknowledge => "acknowledge",
            Self::Handle => "handle",
            Self::Issue => "issue",
            Self::NotReceived => "not_received",
        }
    }
}

/// "Set this deadline".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Deadline {
    /// The document.
    pub case: CaseId,
    /// What it is about.
    pub kind: DeadlineKind,
    /// Who must act (a unit, a person); absent for the clerk's office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<Assignee>,
    /// The recipient agency, for [`DeadlineKind::NotReceived`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<AgencyId>,
    /// How it is computed.
    pub rule: DeadlineRule,
}

/// What the embedding system must do after a transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "effect")]
#[non_exhaustive]
pub enum Effect {
    /// Send a status package (build it with `vanthu_edxml::StatusPackage::reply`).
    SendStatus(StatusNotice),
    /// Send the document package (new, revoke, update, replace) to one recipient
    /// (build it with `vanthu_edxml::DocumentPackage::new_document` / `follow_up`).
    SendDocument {
        /// The document.
        case: CaseId,
        /// The recipient.
        to: AgencyId,
        /// New, revoke, update or replace.
        business: Business,
        /// `BussinessDocReason`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// The edXML `Paper` flag: a paper copy follows
        /// ([`OutgoingDocument::paper_copy`](crate::outgoing::OutgoingDocument::paper_copy)).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        paper: bool,
    },
    /// Write this register entry (and print it in the bound register).
    WriteRegister(RegisterEntry),
    /// Tell this person.
    Notify {
        /// The document.
        case: CaseId,
        /// Who.
        person: ActorId,
        /// What.
        message: String,
    },
    /// Notify this unit's leader.
    NotifyUnit {
        /// The document.
        case: CaseId,
        /// The unit.
        unit: String,
        /// What.
        message: String,
    },
    /// Set this deadline.
    SetDeadline(Deadline),
    /// Clear the deadlines of this kind on this document (the duty was done).
    ClearDeadline {
        /// The document.
        case: CaseId,
        /// The kind.
        kind: DeadlineKind,
    },
    /// Show the clerk a duplicate warning (Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 9 khoản 3); the document is
    /// registered all the same, the clerk decides.
    DuplicateWarning {
        /// The new document.
        case: CaseId,
        /// The document it looks like.
        duplicate_of: CaseId,
        /// Why.
        reason: DuplicateReason,
    },
}
