//! The national operations, answered from the database: what each call
//! does once its headers are verified (`docs/axis.md` §2, §11).

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};

use base64::Engine as _;
use chrono::{DateTime, FixedOffset, Utc};
use rand_core::{OsRng, RngCore as _};
use vanthu::edxml::Package;
use vanthu_axis::national::{self, Envelope, Verified};
use vanthu_axis::{
    Agency, AxisError, ErrorCode, MessageType, Request, Response, SignatureError, TransportState,
};

use crate::store::{Message, NewMessage, Side, Store};
use crate::{Config, Database, ServerError};

/// An opened local axis.
pub(crate) struct Axis {
    config: Config,
    store: Database,
}

/// A refusal, answered with its code and description.
struct Refusal {
    code: ErrorCode,
    description: String,
}

impl Refusal {
    fn new(code: ErrorCode, description: impl Into<String>) -> Self {
        Self {
            code,
            description: description.into(),
        }
    }

    fn invalid(description: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidFile, description)
    }
}

impl From<ServerError> for Refusal {
    fn from(e: ServerError) -> Self {
        Self::new(ErrorCode::AxisSystemError, e.to_string())
    }
}

impl From<SignatureError> for Refusal {
    fn from(e: SignatureError) -> Self {
        Self::new(ErrorCode::WrongCredentials, e.to_string())
    }
}

impl From<AxisError> for Refusal {
    fn from(e: AxisError) -> Self {
        let description = match &e {
            AxisError::Rejected { description, .. } => description.clone(),
            other => other.to_string(),
        };
        Self::new(e.code(), description)
    }
}

fn answer(envelope: &Envelope) -> Response {
    Response::json(200, envelope.to_json())
}

/// The answer to an internal failure: code 20, HTTP 500.
pub(crate) fn internal(why: &str) -> Response {
    Response::json(
        500,
        Envelope::error(&ErrorCode::AxisSystemError, Some(why)).to_json(),
    )
}

/// The answer to a path that names no operation.
pub(crate) fn unknown_operation(path: &str) -> Response {
    Response::json(
        404,
        Envelope::error(
            &ErrorCode::InvalidFile,
            Some(&format!("{path} is not an operation of the axis")),
        )
        .to_json(),
    )
}

/// The server's clock, in Vietnam time: the time of every message and of
/// every check. (The one place that reads it: this is the binary's edge.)
fn now() -> DateTime<FixedOffset> {
    Utc::now().with_timezone(&vanthu::edxml::vietnam_offset())
}

/// A time as the lists give it, `yyyy/MM/dd HH:mm:ss` (Vietnam time).
fn written(at: DateTime<FixedOffset>) -> String {
    at.format("%Y/%m/%d %H:%M:%S").to_string()
}

/// A new message id: a UUID (version 4), as the national axis gives.
fn new_id() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

fn state_description(state: &TransportState) -> &'static str {
    match state {
        TransportState::Initial => "Chờ nhận / waiting to be received",
        TransportState::Processing => "Đang xử lý / being processed",
        TransportState::Done => "Đã xử lý / done",
        TransportState::Fail => "Xử lý lỗi / failed",
        _ => "",
    }
}

fn message_type(verified: &Verified) -> Result<MessageType, Refusal> {
    match verified.field("messagetype") {
        Some(t) if t.eq_ignore_ascii_case("edoc") => Ok(MessageType::Edoc),
        Some(t) if t.eq_ignore_ascii_case("status") => Ok(MessageType::Status),
        other => Err(Refusal::invalid(format!(
            "messagetype {other:?}: expected edoc or status"
        ))),
    }
}

/// Whether `created` (`yyyy/MM/dd …`) is within the optional dates.
fn within(created: &str, from: Option<&str>, to: Option<&str>) -> bool {
    let day = created.get(..10).unwrap_or(created);
    from.is_none_or(|f| day >= f.trim()) && to.is_none_or(|t| day <= t.trim())
}

impl Axis {
    pub(crate) fn open(config: Config) -> Result<Self, ServerError> {
        if config.systems.is_empty() {
            return Err(ServerError::Config(
                "no system is connected: give at least one system and its secret".to_owned(),
            ));
        }
        // Read the trust anchors now, so that a wrong path stops the start.
        Self::checker(&config.trust, now())?;
        let store = Store::open(&config.data)?;
        Ok(Self {
            config,
            store: Mutex::new(store),
        })
    }

    fn checker(
        trust: &[std::path::PathBuf],
        at: DateTime<FixedOffset>,
    ) -> Result<vanthu::Checker, ServerError> {
        let mut options = vanthu::CheckOptions::new(at);
        options.trust = trust.to_vec();
        options.jobs = 1;
        vanthu::Checker::new(&options).map_err(|e| ServerError::Config(e.to_string()))
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        // A panic while holding the lock leaves no half-written state: each
        // write is one SQLite transaction.
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The answer to `operation` called with `request`.
    pub(crate) fn answer(&self, operation: &str, request: &Request) -> Response {
        const OPERATIONS: [&str; 8] = [
            "sendEdoc",
            "getReceivedEdocList",
            "getSentEdocList",
            "getEdoc",
            "updateStatus",
            "getAgenciesList",
            "registerAgency",
            "deleteAgency",
        ];
        if !OPERATIONS.contains(&operation) {
            return unknown_operation(operation);
        }
        let at = now();
        let result = self
            .verify(request, at)
            .and_then(|verified| match operation {
                "sendEdoc" => self.send(request, &verified, at),
                "getReceivedEdocList" => self.received(&verified),
                "getSentEdocList" => self.sent(&verified),
                "getEdoc" => self.get(&verified, at),
                "updateStatus" => self.update(&verified, at),
                "getAgenciesList" => self.agencies(),
                "registerAgency" => self.register(request, &verified),
                _ => self.delete(&verified),
            });
        match result {
            Ok(envelope) => answer(&envelope),
            Err(refusal) => answer(&Envelope::error(&refusal.code, Some(&refusal.description))),
        }
    }

    fn verify(&self, request: &Request, at: DateTime<FixedOffset>) -> Result<Verified, Refusal> {
        let verified =
            national::verify(&request.headers, |id| self.config.systems.get(id).cloned())?;
        if let Some(window) = self.config.window {
            verified.check_fresh(at.naive_local(), window)?;
        }
        Ok(verified)
    }

    /// `sendEdoc`: checks the package with vanthu, then routes it to the
    /// systems that registered its receivers, one message per system.
    fn send(
        &self,
        request: &Request,
        verified: &Verified,
        at: DateTime<FixedOffset>,
    ) -> Result<Envelope, Refusal> {
        let upload = national::read_upload(request, verified)?;
        let system = verified.system_id.as_str();
        match self.store().agency_system(upload.from.trim())? {
            Some(owner) if owner == system => {}
            Some(owner) => {
                return Err(Refusal::new(
                    ErrorCode::SenderNotRegistered,
                    format!(
                        "agency {} is registered by system {owner}, not {system}",
                        upload.from
                    ),
                ));
            }
            None => {
                return Err(Refusal::new(
                    ErrorCode::SenderNotRegistered,
                    format!(
                        "agency {:?} is not registered (registerAgency)",
                        upload.from
                    ),
                ));
            }
        }
        let checker = Self::checker(&self.config.trust, at)?;
        let report = checker.check_bytes("file_doc.edxml", &upload.package);
        if !report.conformant {
            let mut rules: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.severity == vanthu::Severity::Error)
                .map(|f| format!("{} ({})", f.rule, f.message))
                .collect();
            if let Some(error) = &report.error {
                rules.push(format!("{} ({})", error.code, error.message));
            }
            return Err(Refusal::new(ErrorCode::NotConforming, rules.join("; ")));
        }
        let package = vanthu::edxml::read(&upload.package)
            .map_err(|e| Refusal::new(ErrorCode::NotConforming, e.to_string()))?
            .package;
        let (kind, mut receivers, title, notation) = match &package {
            Package::Document(doc) => (
                MessageType::Edoc,
                doc.header
                    .to
                    .iter()
                    .filter_map(|o| o.organ_id.clone())
                    .collect::<Vec<_>>(),
                doc.header.subject.clone(),
                doc.header.code.as_ref().map(|c| {
                    [c.code_number.as_deref(), c.code_notation.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join("/")
                }),
            ),
            Package::Status(status) => (
                MessageType::Status,
                // A status package names no receiver: it answers the
                // document whose DocumentId starts with its sender's id.
                status
                    .response_for
                    .as_ref()
                    .and_then(|r| r.document_id.as_deref())
                    .and_then(|id| id.split(',').next())
                    .map(|organ| vec![organ.trim().to_owned()])
                    .unwrap_or_default(),
                None,
                None,
            ),
            _ => (upload.message_type, Vec::new(), None, None),
        };
        if kind != upload.message_type {
            return Err(Refusal::new(
                ErrorCode::NotConforming,
                format!(
                    "messagetype is {} but the package is a {} package",
                    upload.message_type, kind
                ),
            ));
        }
        if !upload.to.is_empty() {
            receivers.clone_from(&upload.to);
        }
        receivers.iter_mut().for_each(|r| *r = r.trim().to_owned());
        receivers.sort();
        receivers.dedup();
        if receivers.is_empty() {
            return Err(Refusal::new(
                ErrorCode::ReceiverUnknown,
                "the package names no receiving agency and to is empty",
            ));
        }
        let mut store = self.store();
        let mut by_system: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for code in &receivers {
            let system = store.agency_system(code)?.ok_or_else(|| {
                Refusal::new(
                    ErrorCode::ReceiverUnknown,
                    format!("agency {code} is not registered on this axis"),
                )
            })?;
            by_system.entry(system).or_default().push(code.clone());
        }
        let sender_doc_id = new_id();
        let sha256 = vanthu_axis::sha256_hex(&upload.package);
        let when = written(at);
        let new = NewMessage {
            sender_doc_id: &sender_doc_id,
            sender_system: system,
            from_code: upload.from.trim(),
            message_type: kind,
            title: title.as_deref(),
            notation: notation.as_deref().filter(|n| !n.is_empty()),
            sha256: &sha256,
            package: &upload.package,
            at: &when,
            receivers: by_system
                .into_iter()
                .map(|(system, codes)| (new_id(), system, codes))
                .collect(),
        };
        store.insert(&new)?;
        Ok(Envelope::sent(sender_doc_id))
    }

    /// The messages a list asks for (its `messagetype`, its dates), each
    /// written as `item` writes it.
    fn list(
        &self,
        verified: &Verified,
        side: Side,
        item: fn(&Message) -> serde_json::Value,
    ) -> Result<Envelope, Refusal> {
        let kind = message_type(verified)?;
        let messages = self.store().messages(side, &verified.system_id, kind)?;
        let (from, to) = (verified.field("fromDate"), verified.field("toDate"));
        let items = messages
            .iter()
            .filter(|m| within(&m.created, from, to))
            .map(item)
            .collect();
        Ok(Envelope::ok(Some(serde_json::Value::Array(items))))
    }

    fn received(&self, verified: &Verified) -> Result<Envelope, Refusal> {
        self.list(verified, Side::Received, |m| {
            serde_json::json!({
                "docId": m.doc_id,
                "serviceType": national::SERVICE_TYPE,
                "messageType": m.message_type,
                "created_time": m.created,
                "updated_time": m.updated,
                "from": m.from_code,
                "to": m.to_codes,
                "status": m.status.as_str(),
                "status_desc": state_description(&m.status),
            })
        })
    }

    fn sent(&self, verified: &Verified) -> Result<Envelope, Refusal> {
        self.list(verified, Side::Sent, |m| {
            serde_json::json!({
                "senderDocId": m.sender_doc_id,
                "receiverDocId": m.doc_id,
                "fromCode": m.from_code,
                "toCode": m.to_codes,
                "title": m.title,
                "notation": m.notation,
                "sentTime": m.created,
                "receivedTime": m.received,
                "sendStatus": "done",
                "sendStatusDesc": state_description(&TransportState::Done),
                "receiveStatus": m.status.as_str(),
                "receiveStatusDesc": state_description(&m.status),
                "serviceType": national::SERVICE_TYPE,
                "messageType": m.message_type,
            })
        })
    }

    /// The message `docid` of the calling system, or a refusal.
    fn own_message(&self, verified: &Verified, doc_id: Option<&str>) -> Result<Message, Refusal> {
        let doc_id = doc_id
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .ok_or_else(|| Refusal::invalid("no docId given"))?;
        self.store()
            .message(&verified.system_id, doc_id)?
            .ok_or_else(|| {
                Refusal::invalid(format!(
                    "no message {doc_id} for system {}",
                    verified.system_id
                ))
            })
    }

    fn get(&self, verified: &Verified, at: DateTime<FixedOffset>) -> Result<Envelope, Refusal> {
        let message = self.own_message(verified, verified.field("docId"))?;
        let bytes = self.store().fetch(&message.doc_id, &written(at))?;
        Ok(Envelope::ok(Some(serde_json::Value::String(
            base64::engine::general_purpose::STANDARD.encode(bytes),
        ))))
    }

    fn update(&self, verified: &Verified, at: DateTime<FixedOffset>) -> Result<Envelope, Refusal> {
        let message = self.own_message(verified, verified.field("docid"))?;
        let state = TransportState::parse(verified.field("status").unwrap_or_default());
        if !matches!(
            state,
            TransportState::Processing | TransportState::Done | TransportState::Fail
        ) {
            return Err(Refusal::invalid(format!(
                "status {:?}: expected processing, done or fail",
                state.as_str()
            )));
        }
        if message.status.is_final() && message.status != state {
            return Err(Refusal::invalid(format!(
                "message {} is already {}",
                message.doc_id, message.status
            )));
        }
        if !message.status.is_final() {
            self.store()
                .set_state(&message.doc_id, &state, &written(at))?;
        }
        Ok(Envelope::ok(None))
    }

    fn agencies(&self) -> Result<Envelope, Refusal> {
        let agencies = self.store().agencies()?;
        let data = serde_json::to_value(agencies).map_err(|e| Refusal::invalid(e.to_string()))?;
        Ok(Envelope::ok(Some(data)))
    }

    fn register(&self, request: &Request, verified: &Verified) -> Result<Envelope, Refusal> {
        let agency: Agency = serde_json::from_slice(&request.body)
            .map_err(|e| Refusal::invalid(format!("the body is not an agency: {e}")))?;
        national::validate_agency(&agency)?;
        let store = self.store();
        if let Some(owner) = store.agency_system(agency.code.trim())?
            && owner != verified.system_id
        {
            return Err(Refusal::invalid(format!(
                "agency {} is registered by system {owner}",
                agency.code
            )));
        }
        store.register(&agency, &verified.system_id)?;
        Ok(Envelope::ok(None))
    }

    fn delete(&self, verified: &Verified) -> Result<Envelope, Refusal> {
        let code = verified.field("code").unwrap_or_default().trim();
        let store = self.store();
        match store.agency_system(code)? {
            Some(owner) if owner == verified.system_id => {
                store.delete_agency(code)?;
                Ok(Envelope::ok(None))
            }
            Some(owner) => Err(Refusal::invalid(format!(
                "agency {code} is registered by system {owner}"
            ))),
            None => Err(Refusal::new(
                ErrorCode::ReceiverUnknown,
                format!("agency {code:?} is not registered"),
            )),
        }
    }
}
