//! The values every axis shares: what is sent and listed, the transport
//! states, agencies, and the [`Operation`]s the exchange loop asks for with
//! their [`Outcome`]s.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a message on the axis carries: a document package or a status
/// package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum MessageType {
    /// A document package (`messagetype` `edoc`).
    Edoc,
    /// A status package (`messagetype` `status`).
    Status,
}

impl MessageType {
    /// `edoc` or `status`, as the national axis writes it.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Edoc => "edoc",
            Self::Status => "status",
        }
    }
}

impl fmt::Display for MessageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The transport state of a message on the axis (not the business status
/// of the document: that travels in status packages).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportState {
    /// New, waiting to be pulled.
    Initial,
    /// Pulled, being handled.
    Processing,
    /// Handled by the receiver.
    Done,
    /// The receiver could not handle it.
    Fail,
    /// Any other state, as written.
    Other(String),
}

impl TransportState {
    /// The state for `text`, in any case (`done`, `DONE`).
    #[must_use]
    pub fn parse(text: &str) -> Self {
        match text.trim().to_ascii_lowercase().as_str() {
            "initial" => Self::Initial,
            "processing" => Self::Processing,
            "done" => Self::Done,
            "fail" => Self::Fail,
            _ => Self::Other(text.to_owned()),
        }
    }

    /// The state as the national axis writes it (lower case).
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Initial => "initial",
            Self::Processing => "processing",
            Self::Done => "done",
            Self::Fail => "fail",
            Self::Other(s) => s,
        }
    }

    /// Refuses `initial`: a receiver sets a message `processing`, `done`
    /// or `fail`.
    pub(crate) fn settable(&self) -> Result<(), crate::AxisError> {
        if *self == Self::Initial {
            return Err(crate::AxisError::InvalidArgument(
                "a receiver sets a message processing, done or fail, not initial".to_owned(),
            ));
        }
        Ok(())
    }

    /// Whether the receiver has finished with the message (`done` or
    /// `fail`).
    #[must_use]
    pub fn is_final(&self) -> bool {
        matches!(self, Self::Done | Self::Fail)
    }
}

impl fmt::Display for TransportState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for TransportState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for TransportState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::parse(&String::deserialize(d)?))
    }
}

/// A message waiting for this system, as the received list gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReceivedItem {
    /// The axis's id of the message (not the package's `DocumentId`).
    pub doc_id: String,
    /// What it carries.
    pub message_type: Option<MessageType>,
    /// The sending agency, as the axis gives it.
    pub from: Option<String>,
    /// The receiving agencies, as the axis gives them.
    pub to: Option<String>,
    /// Its transport state.
    pub status: Option<TransportState>,
    /// The axis's description of that state.
    pub status_desc: Option<String>,
    /// When the axis received it, as written.
    pub created: Option<String>,
    /// When its state last changed, as written.
    pub updated: Option<String>,
}

impl ReceivedItem {
    /// A message `doc_id` carrying `message_type`, the other fields empty.
    #[must_use]
    pub fn new(doc_id: impl Into<String>, message_type: MessageType) -> Self {
        Self {
            doc_id: doc_id.into(),
            message_type: Some(message_type),
            from: None,
            to: None,
            status: None,
            status_desc: None,
            created: None,
            updated: None,
        }
    }
}

/// A message this system sent, as the national sent list gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct SentItem {
    /// The id of the message on the sender's side.
    pub sender_doc_id: Option<String>,
    /// The id of the message on the receiver's side.
    pub receiver_doc_id: Option<String>,
    /// The sending agency.
    pub from_code: Option<String>,
    /// The receiving agency.
    pub to_code: Option<String>,
    /// The document's subject.
    pub title: Option<String>,
    /// The document's number and symbol.
    pub notation: Option<String>,
    /// When it was sent, as written.
    pub sent_time: Option<String>,
    /// When it was received, as written.
    pub received_time: Option<String>,
    /// Its state on the sending side.
    pub send_status: Option<String>,
    /// The description of that state.
    pub send_status_desc: Option<String>,
    /// Its state on the receiving side.
    pub receive_status: Option<String>,
    /// The description of that state.
    pub receive_status_desc: Option<String>,
    /// The service type (`eDoc`).
    pub service_type: Option<String>,
    /// What it carries (`edoc`, `status`).
    pub message_type: Option<String>,
}

/// An agency connected to an axis.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Agency {
    /// The axis's id of the entry.
    #[serde(deserialize_with = "lenient_string")]
    pub id: Option<String>,
    /// The axis's id of its parent entry.
    #[serde(
        deserialize_with = "lenient_string",
        alias = "parentId",
        alias = "pcode"
    )]
    pub pid: Option<String>,
    /// Its agency identifier (mã định danh).
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its e-mail address.
    #[serde(alias = "email")]
    pub mail: Option<String>,
}

impl Agency {
    /// The agency `code` named `name`, with its e-mail address.
    #[must_use]
    pub fn new(code: impl Into<String>, name: impl Into<String>, mail: impl Into<String>) -> Self {
        Self {
            id: None,
            pid: None,
            code: code.into(),
            name: name.into(),
            mail: Some(mail.into()),
        }
    }
}

/// A string, or a number read as its text, or null.
pub(crate) fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    })
}

/// What the exchange loop (or any caller) asks an axis to do, whatever the
/// axis: each profile turns it into its own request and reads its answer
/// into an [`Outcome`].
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "operation", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Operation {
    /// List the messages waiting for this system.
    ListReceived {
        /// Document or status packages.
        message_type: MessageType,
    },
    /// Fetch one message's package.
    GetEdoc {
        /// The axis's id of the message.
        doc_id: String,
    },
    /// Send a package.
    Send {
        /// Document or status package.
        message_type: MessageType,
        /// The sending agency.
        from: String,
        /// The receiving agencies.
        to: Vec<String>,
        /// The package, as written.
        package: Vec<u8>,
    },
    /// Set the transport state of a received message.
    UpdateStatus {
        /// The axis's id of the message.
        doc_id: String,
        /// `done` or `fail`.
        state: TransportState,
    },
}

impl fmt::Debug for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ListReceived { message_type } => write!(f, "ListReceived({message_type})"),
            Self::GetEdoc { doc_id } => write!(f, "GetEdoc({doc_id})"),
            Self::Send {
                message_type,
                from,
                to,
                package,
            } => write!(
                f,
                "Send({message_type}, {from} → {to:?}, {} bytes)",
                package.len()
            ),
            Self::UpdateStatus { doc_id, state } => write!(f, "UpdateStatus({doc_id}, {state})"),
        }
    }
}

impl Operation {
    /// The operation's name on the national axis.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            Self::ListReceived { .. } => "getReceivedEdocList",
            Self::GetEdoc { .. } => "getEdoc",
            Self::Send { .. } => "sendEdoc",
            Self::UpdateStatus { .. } => "updateStatus",
        }
    }
}

/// An axis's answer to an [`Operation`], read.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// The messages waiting.
    Listed(Vec<ReceivedItem>),
    /// The package fetched.
    Fetched(Vec<u8>),
    /// The package was accepted; the axis's id of the message, when given.
    Sent(Option<String>),
    /// The transport state was set.
    Updated,
    /// The request failed: the axis's error, or the transport's, given as
    /// an [`crate::AxisError::Http`] with status 0 when there was no answer.
    Failed(crate::AxisError),
}

impl fmt::Debug for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Listed(items) => f.debug_tuple("Listed").field(items).finish(),
            Self::Fetched(bytes) => write!(f, "Fetched({} bytes)", bytes.len()),
            Self::Sent(id) => f.debug_tuple("Sent").field(id).finish(),
            Self::Updated => f.write_str("Updated"),
            Self::Failed(e) => f.debug_tuple("Failed").field(e).finish(),
        }
    }
}

impl Outcome {
    /// A failure of the transport itself (no answer, a timeout): retriable.
    #[must_use]
    pub fn unreachable(reason: impl Into<String>) -> Self {
        Self::Failed(crate::AxisError::Http {
            status: 0,
            excerpt: reason.into(),
        })
    }
}

/// A received-list item in any axis's spelling (`created_time`,
/// `createdTime`, …).
#[derive(Deserialize)]
struct RawItem {
    #[serde(
        alias = "docid",
        alias = "doc_id",
        alias = "DocId",
        deserialize_with = "lenient_string",
        default
    )]
    #[serde(rename = "docId")]
    doc_id: Option<String>,
    #[serde(rename = "messageType", alias = "messagetype", alias = "type", default)]
    message_type: Option<String>,
    #[serde(default, deserialize_with = "lenient_string")]
    from: Option<String>,
    #[serde(default, deserialize_with = "lenient_value")]
    to: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(rename = "status_desc", alias = "statusDesc", default)]
    status_desc: Option<String>,
    #[serde(
        rename = "created_time",
        alias = "createdTime",
        default,
        deserialize_with = "lenient_string"
    )]
    created: Option<String>,
    #[serde(
        rename = "updated_time",
        alias = "updatedTime",
        default,
        deserialize_with = "lenient_string"
    )]
    updated: Option<String>,
}

/// A string as it is, any other JSON value as its compact text, null as
/// none.
fn lenient_value<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s),
        other => Some(other.to_string()),
    })
}

/// Reads one received-list item leniently.
pub(crate) fn received_item(value: serde_json::Value) -> Result<ReceivedItem, crate::AxisError> {
    let raw: RawItem = serde_json::from_value(value)
        .map_err(|e| crate::AxisError::Malformed(format!("received item: {e}")))?;
    let doc_id = raw
        .doc_id
        .filter(|id| !id.trim().is_empty())
        .ok_or_else(|| crate::AxisError::Malformed("a received item has no docId".to_owned()))?;
    let message_type =
        raw.message_type
            .as_deref()
            .and_then(|t| match t.trim().to_ascii_lowercase().as_str() {
                "edoc" => Some(MessageType::Edoc),
                "status" => Some(MessageType::Status),
                _ => None,
            });
    Ok(ReceivedItem {
        doc_id,
        message_type,
        from: raw.from,
        to: raw.to,
        status: raw.status.as_deref().map(TransportState::parse),
        status_desc: raw.status_desc,
        created: raw.created,
        updated: raw.updated,
    })
}
