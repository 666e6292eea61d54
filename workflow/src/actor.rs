//! People who act on documents: accounts with roles, delegations with a
//! validity window, disabled accounts that stay in the history
//! (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 13 khoản 3 điểm a; Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 17 khoản 4).

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::error::{WorkflowError, WorkflowErrorKind, rules};

/// The longest actor id accepted.
pub const MAX_ID_LEN: usize = 128;

/// An account id: non-empty, at most [`MAX_ID_LEN`] bytes, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ActorId(String);

/// An id (actor id or case id) that is empty, too long or has control characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid id {0:?}: must be 1..=128 bytes without control characters")]
#[non_exhaustive]
pub struct InvalidId(pub String);

pub(crate) fn check_id(text: &str) -> Result<(), InvalidId> {
    if text.is_empty() || text.len() > MAX_ID_LEN || text.chars().any(char::is_control) {
        Err(InvalidId(text.chars().take(MAX_ID_LEN).collect()))
    } else {
        Ok(())
    }
}

impl ActorId {
    /// Checks and wraps an id.
    ///
    /// # Errors
    /// [`InvalidId`] when the id is empty, longer than [`MAX_ID_LEN`] or has control characters.
    pub fn parse(text: &str) -> Result<Self, InvalidId> {
        check_id(text).map(|()| Self(text.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ActorId {
    type Error = InvalidId;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        check_id(&value).map(|()| Self(value))
    }
}

impl From<ActorId> for String {
    fn from(value: ActorId) -> Self {
        value.0
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an account may do (Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 9–13; Nghị định 30/2020/NĐ-CP Điều 21–24).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Văn thư: receives, registers, returns, numbers, signs for the agency, issues.
    Clerk,
    /// Lãnh đạo cơ quan: assigns incoming documents, approves and signs outgoing ones.
    AgencyLeader,
    /// Lãnh đạo đơn vị: assigns within the unit, reviews drafts.
    UnitLeader,
    /// Chuyên viên: handles documents, drafts.
    Specialist,
}

impl Role {
    /// The role as written in events.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Clerk => "clerk",
            Self::AgencyLeader => "agency_leader",
            Self::UnitLeader => "unit_leader",
            Self::Specialist => "specialist",
        }
    }
}

/// An account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Actor {
    /// The account id.
    pub id: ActorId,
    /// Full name, as shown in status packages (`StaffInfo/Staff`).
    pub name: String,
    /// The unit (phòng, ban) the person belongs to, used by reports.
    #[serde(default)]
    pub unit: Option<String>,
    /// The roles the account holds.
    pub roles: Vec<Role>,
    /// When the account was disabled; it cannot act from then on.
    #[serde(default)]
    pub disabled_at: Option<DateTime<FixedOffset>>,
}

impl Actor {
    /// An enabled account.
    pub fn new(id: ActorId, name: &str, unit: Option<&str>, roles: Vec<Role>) -> Self {
        Self {
            id,
            name: name.to_owned(),
            unit: unit.map(str::to_owned),
            roles,
            disabled_at: None,
        }
    }

    fn enabled_at(&self, at: DateTime<FixedOffset>) -> bool {
        self.disabled_at.is_none_or(|d| at < d)
    }
}

/// Ủy quyền: `from` lets `to` act in `role` from `valid_from` (included) to
/// `valid_until` (excluded) (Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 17 khoản 4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Delegation {
    /// Who delegates; must hold the role.
    pub from: ActorId,
    /// Who receives the delegation.
    pub to: ActorId,
    /// The delegated role.
    pub role: Role,
    /// Start of validity (included).
    pub valid_from: DateTime<FixedOffset>,
    /// End of validity (excluded).
    pub valid_until: DateTime<FixedOffset>,
}

impl Delegation {
    /// A delegation of `role` from `from` to `to` over `[valid_from, valid_until)`.
    pub fn new(
        from: ActorId,
        to: ActorId,
        role: Role,
        valid_from: DateTime<FixedOffset>,
        valid_until: DateTime<FixedOffset>,
    ) -> Self {
        Self {
            from,
            to,
            role,
            valid_from,
            valid_until,
        }
    }
}

/// Who acted, recorded in the history: the account and, when acting under a
/// delegation, the delegating account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Acting {
    /// The account that acted.
    pub actor: ActorId,
    /// The role used.
    pub role: Role,
    /// The account whose role was delegated, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<ActorId>,
}

/// The accounts and delegations of an agency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    actors: BTreeMap<ActorId, Actor>,
    delegations: Vec<Delegation>,
}

impl Directory {
    /// An empty directory.
    pub fn new() -> Self {
        Self::default()
    }

    /// The account with this id (disabled accounts included).
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.get(id)
    }

    /// Every account, disabled ones included, by id.
    pub fn actors(&self) -> impl Iterator<Item = &Actor> {
        self.actors.values()
    }

    /// Every delegation.
    pub fn delegations(&self) -> &[Delegation] {
        &self.delegations
    }

    pub(crate) fn add(&mut self, actor: Actor) -> Result<(), WorkflowError> {
        if self.actors.contains_key(&actor.id) {
            return Err(WorkflowError::new(
                rules::ACCOUNT,
                WorkflowErrorKind::InvalidDirectory {
                    reason: "an account with this id exists (accounts are never deleted or reused)",
                },
            ));
        }
        self.actors.insert(actor.id.clone(), actor);
        Ok(())
    }

    pub(crate) fn disable(
        &mut self,
        id: &ActorId,
        at: DateTime<FixedOffset>,
    ) -> Result<(), WorkflowError> {
        let actor = self.actors.get_mut(id).ok_or_else(|| unknown(id))?;
        if actor.disabled_at.is_some() {
            return Err(WorkflowError::new(
                rules::ACCOUNT,
                WorkflowErrorKind::DisabledActor {
                    actor: id.to_string(),
                },
            ));
        }
        actor.disabled_at = Some(at);
        Ok(())
    }

    pub(crate) fn delegate(&mut self, delegation: Delegation) -> Result<(), WorkflowError> {
        if delegation.valid_until <= delegation.valid_from {
            return Err(WorkflowError::new(
                rules::DELEGATION,
                WorkflowErrorKind::InvalidDirectory {
                    reason: "the validity window of the delegation is empty",
                },
            ));
        }
        if delegation.from == delegation.to {
            return Err(WorkflowError::new(
                rules::DELEGATION,
                WorkflowErrorKind::InvalidDirectory {
                    reason: "an account cannot delegate to itself",
                },
            ));
        }
        let from = self
            .actors
            .get(&delegation.from)
            .ok_or_else(|| unknown(&delegation.from))?;
        if !from.roles.contains(&delegation.role) {
            return Err(WorkflowError::new(
                rules::DELEGATION,
                WorkflowErrorKind::NotAuthorised {
                    actor: from.id.to_string(),
                    role: delegation.role.as_str(),
                },
            ));
        }
        if !self.actors.contains_key(&delegation.to) {
            return Err(unknown(&delegation.to));
        }
        self.delegations.push(delegation);
        Ok(())
    }

    /// Whether `id` may act in one of `roles` at `at`: an enabled account that
    /// holds the role, or holds a delegation for it valid at `at` from an
    /// account that is itself enabled at `at`.
    ///
    /// # Errors
    /// [`WorkflowErrorKind::UnknownActor`], [`WorkflowErrorKind::DisabledActor`]
    /// (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 13 khoản 3 điểm a) or [`WorkflowErrorKind::NotAuthorised`] (Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 17 khoản 4).
    pub fn authorise(
        &self,
        id: &ActorId,
        roles: &[Role],
        at: DateTime<FixedOffset>,
    ) -> Result<Acting, WorkflowError> {
        let actor = self.actors.get(id).ok_or_else(|| unknown(id))?;
        if !actor.enabled_at(at) {
            return Err(WorkflowError::new(
                rules::ACCOUNT,
                WorkflowErrorKind::DisabledActor {
                    actor: id.to_string(),
                },
            ));
        }
        if let Some(role) = roles.iter().find(|r| actor.roles.contains(r)) {
            return Ok(Acting {
                actor: id.clone(),
                role: *role,
                on_behalf_of: None,
            });
        }
        let delegated = self.delegations.iter().find(|d| {
            d.to == *id
                && roles.contains(&d.role)
                && d.valid_from <= at
                && at < d.valid_until
                && self
                    .actors
                    .get(&d.from)
                    .is_some_and(|from| from.enabled_at(at) && from.roles.contains(&d.role))
        });
        match delegated {
            Some(d) => Ok(Acting {
                actor: id.clone(),
                role: d.role,
                on_behalf_of: Some(d.from.clone()),
            }),
            None => Err(WorkflowError::new(
                rules::DELEGATION,
                WorkflowErrorKind::NotAuthorised {
                    actor: id.to_string(),
                    role: roles.first().map_or("none", |r| r.as_str()),
                },
            )),
        }
    }
}

fn unknown(id: &ActorId) -> WorkflowError {
    WorkflowError::new(
        rules::ACCOUNT,
        WorkflowErrorKind::UnknownActor {
            actor: id.to_string(),
        },
    )
}
