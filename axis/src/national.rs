//! The national axis (the Government Office's document exchange platform,
//! reached through its X-Road adapter): the `XroadVnpt-*` header signature
//! and its verifier, a request builder per operation, and the parsers of
//! its JSON answers (`docs/axis.md` §2–§5).
//!
//! ```
//! use vanthu_axis::national::{self, National};
//! use vanthu_axis::{MessageType, Response};
//! let axis = National::new("http://127.0.0.1:8080/XrdAdapter/adapter", "000.00.15.H47", "secret");
//! let at = chrono::NaiveDate::from_ymd_opt(2025, 6, 2).unwrap().and_hms_milli_opt(8, 0, 0, 42).unwrap();
//! let request = axis.get_received_edoc_list(at, MessageType::Edoc, None, None)?;
//! assert_eq!(request.header_value("XroadVnpt-timestamp"), Some("02062025T080000+0042"));
//! let answer = Response::json(200, r#"{"status":"OK","ErrorCode":"0","ErrorDesc":"","data":[]}"#);
//! assert!(national::parse_received_list(&answer)?.is_empty());
//! # Ok::<(), vanthu_axis::AxisError>(())
//! ```

use std::collections::BTreeMap;

use base64::Engine as _;
use chrono::NaiveDateTime;
use hmac::{Hmac, Mac as _};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::config::Secret;
use crate::error::{AxisError, ErrorCode, SignatureError};
use crate::http::{
    Method, Request, Response, boundary_of, data_items, find_header, hex, http_error, item_as,
    join, json_body, multipart, multipart_part, sha256_hex,
};
use crate::model::{Agency, MessageType, ReceivedItem, SentItem, TransportState};

/// The prefix of every parameter header.
pub const PREFIX: &str = "XroadVnpt-";
/// The header naming the signed headers, `;`-separated, unprefixed.
pub const SIGN_HEADER_KEY: &str = "XroadVnpt-sign-header-key";
/// The header holding the signed headers as a JSON object.
pub const SIGN_HEADER: &str = "XroadVnpt-sign-header";
/// The header holding the HMAC-SHA256 of [`SIGN_HEADER`], hex.
pub const HASH_HEADER: &str = "XroadVnpt-hash-header";
/// The protocol version header the VPCP SDK sends (not signed).
pub const VERSION_HEADER: &str = "XroadVnpt-version";
/// The protocol version the VPCP SDK sends.
pub const VERSION: &str = "3.0.201608";
/// The `User-Agent` vanthu sends.
pub const USER_AGENT: &str = concat!("vanthu-axis/", env!("CARGO_PKG_VERSION"));
/// The service type of every document exchange call.
pub const SERVICE_TYPE: &str = "eDoc";

/// The header `timestamp` for `at` (Vietnam time): `ddMMyyyy'T'HHmmss+SSSS`,
/// where the four digits after `+` are the milliseconds, not an offset.
#[must_use]
pub fn timestamp(at: NaiveDateTime) -> String {
    let millis = at.and_utc().timestamp_subsec_millis().min(999);
    format!("{}+{millis:04}", at.format("%d%m%YT%H%M%S"))
}

/// Reads a header `timestamp` back ([`timestamp`]'s form).
///
/// # Errors
/// [`SignatureError::Malformed`] when it is not in that form.
pub fn parse_timestamp(text: &str) -> Result<NaiveDateTime, SignatureError> {
    let malformed = || SignatureError::Malformed {
        header: format!("{PREFIX}timestamp"),
        reason: format!("{text:?} is not ddMMyyyyTHHmmss+SSSS"),
    };
    let (time, millis) = text.split_once('+').ok_or_else(malformed)?;
    let millis: u32 = millis.parse().map_err(|_| malformed())?;
    if millis > 999 || time.len() != 15 {
        return Err(malformed());
    }
    let at = NaiveDateTime::parse_from_str(time, "%d%m%YT%H%M%S").map_err(|_| malformed())?;
    at.checked_add_signed(chrono::Duration::milliseconds(i64::from(millis)))
        .ok_or_else(malformed)
}

/// The `XroadVnpt-sign-header` value for `fields` (unprefixed names and
/// their values, in order): a compact JSON object whose keys are the
/// prefixed names, in the same order.
#[must_use]
pub fn sign_header_json(fields: &[(&str, &str)]) -> String {
    let mut json = String::from("{");
    for (i, (name, value)) in fields.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        // serde_json writes a JSON string of any str without failing.
        json.push_str(&serde_json::Value::from(format!("{PREFIX}{name}")).to_string());
        json.push(':');
        json.push_str(&serde_json::Value::from(*value).to_string());
    }
    json.push('}');
    json
}

/// The `XroadVnpt-hash-header` value: lowercase hex HMAC-SHA256 of
/// `sign_header` keyed with the UTF-8 bytes of `secret`.
#[must_use]
pub fn hash_header(secret: &str, sign_header: &str) -> String {
    mac(secret.as_bytes(), sign_header)
        .map(|m| hex(&m.finalize().into_bytes()))
        .unwrap_or_default()
}

/// The HMAC-SHA256 of `message` under `secret` (HMAC takes keys of any
/// length: `None` never happens).
fn mac(secret: &[u8], message: &str) -> Option<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).ok()?;
    mac.update(message.as_bytes());
    Some(mac)
}

/// The signed header set for one call: `systemid`, `timestamp`, then
/// `fields`, each as `XroadVnpt-<name>`, followed by the three signature
/// headers.
///
/// # Errors
/// [`AxisError::InvalidArgument`] for a name or value that cannot be a
/// header (a control character), or a name given twice.
pub fn sign(
    system_id: &str,
    secret: &str,
    timestamp: &str,
    fields: &[(&str, &str)],
) -> Result<Vec<(String, String)>, AxisError> {
    let mut all: Vec<(&str, &str)> = vec![("systemid", system_id), ("timestamp", timestamp)];
    for field in fields {
        if all.iter().any(|(n, _)| n.eq_ignore_ascii_case(field.0)) {
            return Err(AxisError::invalid(format!(
                "header {} given twice",
                field.0
            )));
        }
        all.push(*field);
    }
    let mut probe = Request::new(Method::Post, String::new());
    for (name, value) in &all {
        probe.header(format!("{PREFIX}{name}"), *value)?;
    }
    let json = sign_header_json(&all);
    let keys = all.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(";");
    probe.header(SIGN_HEADER_KEY, keys)?;
    probe.header(HASH_HEADER, hash_header(secret, &json))?;
    probe.header(SIGN_HEADER, json)?;
    Ok(probe.headers)
}

/// What a verified request says: the system, its timestamp, and every
/// signed parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified {
    /// The calling system's id.
    pub system_id: String,
    /// The `timestamp` header, as sent.
    pub timestamp: String,
    /// The signed parameters other than `systemid` and `timestamp`, by
    /// unprefixed name (lower case).
    pub fields: BTreeMap<String, String>,
}

impl Verified {
    /// The signed parameter `name` (case-insensitive, unprefixed).
    #[must_use]
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// Refuses a timestamp more than `window` away from `now` (both Vietnam
    /// time).
    ///
    /// # Errors
    /// [`SignatureError::Stale`], or [`SignatureError::Malformed`] for a
    /// timestamp not in its form.
    pub fn check_fresh(
        &self,
        now: NaiveDateTime,
        window: chrono::Duration,
    ) -> Result<(), SignatureError> {
        let at = parse_timestamp(&self.timestamp)?;
        if (now - at).abs() > window {
            return Err(SignatureError::Stale(self.timestamp.clone()));
        }
        Ok(())
    }
}

/// Checks the `XroadVnpt-*` headers of a request as the axis does: the
/// signed JSON is an object of strings naming exactly the headers listed in
/// `sign-header-key`, each sent with its signed value; no parameter header
/// is sent unsigned; the system is known (`secret_of` gives its secret);
/// and the HMAC of the JSON as sent, under that secret, equals
/// `hash-header` (compared in constant time).
///
/// # Errors
/// The [`SignatureError`] that refuses it.
pub fn verify(
    headers: &[(String, String)],
    secret_of: impl Fn(&str) -> Option<Secret>,
) -> Result<Verified, SignatureError> {
    let required = |name: &str| {
        find_header(headers, name).ok_or_else(|| SignatureError::Missing(name.to_owned()))
    };
    let json = required(SIGN_HEADER)?;
    let keys = required(SIGN_HEADER_KEY)?;
    let hash = required(HASH_HEADER)?;
    let malformed = |header: &str, reason: &str| SignatureError::Malformed {
        header: header.to_owned(),
        reason: reason.to_owned(),
    };
    let signed: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(json).map_err(|e| malformed(SIGN_HEADER, &e.to_string()))?;
    let mut values = BTreeMap::new();
    for (key, value) in &signed {
        let name = key
            .get(..PREFIX.len())
            .filter(|p| p.eq_ignore_ascii_case(PREFIX))
            .and_then(|_| key.get(PREFIX.len()..))
            .ok_or_else(|| malformed(SIGN_HEADER, &format!("key {key:?} lacks {PREFIX}")))?;
        let value = value
            .as_str()
            .ok_or_else(|| malformed(SIGN_HEADER, &format!("{key} is not a string")))?;
        if values
            .insert(name.to_ascii_lowercase(), value.to_owned())
            .is_some()
        {
            return Err(malformed(SIGN_HEADER, &format!("{key} given twice")));
        }
    }
    let listed: Vec<String> = keys
        .split(';')
        .map(|k| k.trim().to_ascii_lowercase())
        .collect();
    if listed.len() != values.len() || listed.iter().any(|k| !values.contains_key(k)) {
        return Err(malformed(
            SIGN_HEADER_KEY,
            "does not list exactly the keys of the signed JSON",
        ));
    }
    let system_id = values
        .get("systemid")
        .cloned()
        .ok_or_else(|| SignatureError::Missing(format!("{PREFIX}systemid")))?;
    let timestamp = values
        .get("timestamp")
        .cloned()
        .ok_or_else(|| SignatureError::Missing(format!("{PREFIX}timestamp")))?;
    let secret = secret_of(&system_id).ok_or(SignatureError::UnknownSystem(system_id.clone()))?;
    let expected = decode_hex(hash).ok_or_else(|| malformed(HASH_HEADER, "not hex"))?;
    mac(secret.expose().as_bytes(), json)
        .ok_or(SignatureError::Mismatch)?
        .verify_slice(&expected)
        .map_err(|_| SignatureError::Mismatch)?;
    // Only now, with the signature known good: every parameter header sent
    // is signed, with its signed value.
    for (key, value) in &signed {
        // The header as the signed JSON spells it (names compare without
        // case).
        let header = key.clone();
        let value = value.as_str().unwrap_or_default();
        match find_header(headers, &header) {
            None => return Err(SignatureError::Missing(header)),
            Some(sent) if sent != value => return Err(SignatureError::Differs(header)),
            Some(_) => {}
        }
    }
    for (name, _) in headers {
        let Some(rest) = name
            .get(..PREFIX.len())
            .filter(|p| p.eq_ignore_ascii_case(PREFIX))
            .and_then(|_| name.get(PREFIX.len()..))
        else {
            continue;
        };
        // A header sent twice could be read one way here and another way
        // behind a proxy.
        if headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .count()
            > 1
        {
            return Err(malformed(name, "sent more than once"));
        }
        let rest = rest.to_ascii_lowercase();
        let meta = ["sign-header", "sign-header-key", "hash-header", "version"];
        if !meta.contains(&rest.as_str()) && !values.contains_key(&rest) {
            return Err(SignatureError::Unsigned(name.clone()));
        }
    }
    values.remove("systemid");
    values.remove("timestamp");
    Ok(Verified {
        system_id,
        timestamp,
        fields: values,
    })
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A connected system of the national axis: the adapter's base URL, the
/// system id and its secret. Its configuration too (`docs/axis.md` §8).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct National {
    /// The adapter's base URL, e.g. `http://host:8080/XrdAdapter/adapter`.
    pub endpoint: String,
    /// The system id the axis registered.
    pub system_id: String,
    /// Its secret.
    pub secret: Secret,
}

impl National {
    /// The system `system_id` with `secret`, at `endpoint`.
    #[must_use]
    pub fn new(
        endpoint: impl Into<String>,
        system_id: impl Into<String>,
        secret: impl Into<String>,
    ) -> Self {
        Self {
            endpoint: endpoint.into(),
            system_id: system_id.into(),
            secret: Secret::new(secret),
        }
    }

    fn call(
        &self,
        operation: &str,
        at: NaiveDateTime,
        content_type: &str,
        fields: &[(&str, &str)],
    ) -> Result<Request, AxisError> {
        let mut request = Request::new(Method::Post, join(&self.endpoint, operation));
        request.header("Content-Type", content_type)?;
        request.header("User-Agent", USER_AGENT)?;
        request.header(VERSION_HEADER, VERSION)?;
        let stamp = timestamp(at);
        request
            .headers
            .extend(sign(&self.system_id, self.secret.expose(), &stamp, fields)?);
        Ok(request)
    }

    /// `sendEdoc`: the package as the multipart part `file_doc`, delimited
    /// by `boundary` (a nonce the caller chooses), its SHA-256 in
    /// `hash-file`; `to` (the receiving agencies) as a JSON array when
    /// given.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] for a boundary that is not valid or
    /// occurs in the package, or a value that cannot be a header.
    pub fn send_edoc(
        &self,
        at: NaiveDateTime,
        message_type: MessageType,
        from: &str,
        to: &[String],
        package: &[u8],
        boundary: &str,
    ) -> Result<Request, AxisError> {
        let (content_type, body) = multipart(
            boundary,
            &[],
            "file_doc",
            "edoc.edxml",
            "application/octet-stream",
            package,
        )?;
        let hash = sha256_hex(package);
        let to_json = serde_json::Value::from(to.to_vec()).to_string();
        let mut fields = vec![
            ("from", from),
            ("servicetype", SERVICE_TYPE),
            ("messagetype", message_type.as_str()),
        ];
        if !to.is_empty() {
            fields.push(("to", &to_json));
        }
        fields.push(("hash-file", &hash));
        let mut request = self.call("sendEdoc", at, &content_type, &fields)?;
        request.body = body;
        Ok(request)
    }

    /// `getReceivedEdocList`: the messages of `message_type` waiting,
    /// optionally between two dates (`yyyy/MM/dd`).
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] for a value that cannot be a header.
    pub fn get_received_edoc_list(
        &self,
        at: NaiveDateTime,
        message_type: MessageType,
        from_date: Option<&str>,
        to_date: Option<&str>,
    ) -> Result<Request, AxisError> {
        self.list("getReceivedEdocList", at, message_type, from_date, to_date)
    }

    /// `getSentEdocList`: the messages this system sent.
    ///
    /// # Errors
    /// As [`Self::get_received_edoc_list`].
    pub fn get_sent_edoc_list(
        &self,
        at: NaiveDateTime,
        message_type: MessageType,
        from_date: Option<&str>,
        to_date: Option<&str>,
    ) -> Result<Request, AxisError> {
        self.list("getSentEdocList", at, message_type, from_date, to_date)
    }

    fn list(
        &self,
        operation: &str,
        at: NaiveDateTime,
        message_type: MessageType,
        from_date: Option<&str>,
        to_date: Option<&str>,
    ) -> Result<Request, AxisError> {
        let mut fields = vec![
            ("servicetype", SERVICE_TYPE),
            ("messagetype", message_type.as_str()),
        ];
        if let Some(date) = from_date {
            fields.push(("fromDate", date));
        }
        if let Some(date) = to_date {
            fields.push(("toDate", date));
        }
        self.call(operation, at, "application/json", &fields)
    }

    /// `getEdoc`: the package of the message `doc_id`.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] for an id that cannot be a header.
    pub fn get_edoc(&self, at: NaiveDateTime, doc_id: &str) -> Result<Request, AxisError> {
        self.call("getEdoc", at, "application/json", &[("docId", doc_id)])
    }

    /// `updateStatus`: sets the transport state of the received message
    /// `doc_id` (`done` or `fail`; `processing` too).
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] for `initial`, or an id that cannot
    /// be a header.
    pub fn update_status(
        &self,
        at: NaiveDateTime,
        doc_id: &str,
        state: &TransportState,
    ) -> Result<Request, AxisError> {
        state.settable()?;
        self.call(
            "updateStatus",
            at,
            "application/json",
            &[("docid", doc_id), ("status", state.as_str())],
        )
    }

    /// `getAgenciesList`: the agencies connected to the axis.
    ///
    /// # Errors
    /// Never in practice; as the other builders.
    pub fn get_agencies_list(&self, at: NaiveDateTime) -> Result<Request, AxisError> {
        self.call("getAgenciesList", at, "application/json", &[])
    }

    /// `registerAgency`: registers `agency` (code, name and e-mail address
    /// required) as served by this system; the body is its JSON.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] when the code, the name or the
    /// e-mail address is missing, or the address is not one.
    pub fn register_agency(
        &self,
        at: NaiveDateTime,
        agency: &Agency,
    ) -> Result<Request, AxisError> {
        validate_agency(agency)?;
        let mut request = self.call("registerAgency", at, "application/json", &[])?;
        request.body = serde_json::to_vec(agency).map_err(|e| AxisError::invalid(e.to_string()))?;
        Ok(request)
    }

    /// `deleteAgency`: removes the agency `code` from this system.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] for a code that cannot be a header.
    pub fn delete_agency(&self, at: NaiveDateTime, code: &str) -> Result<Request, AxisError> {
        self.call("deleteAgency", at, "application/json", &[("code", code)])
    }
}

/// A `sendEdoc` request as the axis reads it, once its headers are
/// [verified](verify).
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Upload {
    /// The sending agency (`from`).
    pub from: String,
    /// The receiving agencies (`to`), empty when not given.
    pub to: Vec<String>,
    /// Document or status package (`messagetype`).
    pub message_type: MessageType,
    /// The package, from the part `file_doc`, its SHA-256 checked.
    pub package: Vec<u8>,
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("from", &self.from)
            .field("to", &self.to)
            .field("message_type", &self.message_type)
            .field("package", &format_args!("{} bytes", self.package.len()))
            .finish()
    }
}

/// Reads the package and the parameters of a `sendEdoc` request whose
/// headers `verified` vouches for: the part `file_doc` of the multipart
/// body, checked against the signed `hash-file`.
///
/// # Errors
/// [`AxisError::Rejected`] with [`ErrorCode::InvalidFile`] when the body
/// has no `file_doc` part, the hash does not match, `to` is not a JSON
/// array of strings, or `messagetype` is neither `edoc` nor `status`.
pub fn read_upload(request: &Request, verified: &Verified) -> Result<Upload, AxisError> {
    let invalid = |why: &str| AxisError::Rejected {
        code: ErrorCode::InvalidFile,
        description: why.to_owned(),
    };
    let boundary = request
        .header_value("Content-Type")
        .and_then(boundary_of)
        .ok_or_else(|| invalid("the body is not multipart/form-data"))?;
    let package = multipart_part(&request.body, boundary, "file_doc")
        .ok_or_else(|| invalid("the body has no file_doc part"))?;
    if verified.field("hash-file") != Some(sha256_hex(package).as_str()) {
        return Err(invalid("hash-file is not the SHA-256 of file_doc"));
    }
    let to = match verified.field("to") {
        None | Some("") => Vec::new(),
        Some(json) => serde_json::from_str(json)
            .map_err(|_| invalid("to is not a JSON array of agency identifiers"))?,
    };
    let message_type = match verified.field("messagetype") {
        Some(t) if t.eq_ignore_ascii_case("edoc") => MessageType::Edoc,
        Some(t) if t.eq_ignore_ascii_case("status") => MessageType::Status,
        _ => return Err(invalid("messagetype is neither edoc nor status")),
    };
    Ok(Upload {
        from: verified.field("from").unwrap_or_default().to_owned(),
        to,
        message_type,
        package: package.to_vec(),
    })
}

/// Refuses an agency the axis would refuse: code, name and e-mail address
/// required, the address in `local@domain` form.
///
/// # Errors
/// [`AxisError::InvalidArgument`] saying which.
pub fn validate_agency(agency: &Agency) -> Result<(), AxisError> {
    if agency.code.trim().is_empty() || agency.name.trim().is_empty() {
        return Err(AxisError::invalid("an agency needs a code and a name"));
    }
    let mail = agency.mail.as_deref().unwrap_or("").trim();
    let valid = mail.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !mail.chars().any(|c| c.is_whitespace() || c == ',')
            && !domain.contains('@')
    });
    if !valid {
        return Err(AxisError::invalid(format!(
            "agency {}: e-mail address {mail:?} is not valid",
            agency.code
        )));
    }
    Ok(())
}

/// The JSON answer of every national operation: `status` (`OK` or `FAIL`),
/// `ErrorCode` (`"0"` for success), `ErrorDesc`, and per operation `DocId`
/// or `data`. What a server writes too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Envelope {
    /// `OK` or `FAIL`.
    #[serde(default)]
    pub status: String,
    /// `"0"` or the error code.
    #[serde(
        rename = "ErrorCode",
        default,
        deserialize_with = "crate::model::lenient_string"
    )]
    pub error_code: Option<String>,
    /// The error's description.
    #[serde(rename = "ErrorDesc", default, skip_serializing_if = "Option::is_none")]
    pub error_desc: Option<String>,
    /// The id of the message sent (`sendEdoc`).
    #[serde(rename = "DocId", default, skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
    /// The operation's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Value>,
}

impl Envelope {
    /// A success, with `data` when given.
    #[must_use]
    pub fn ok(data: Option<serde_json::Value>) -> Self {
        Self {
            status: "OK".to_owned(),
            error_code: Some("0".to_owned()),
            error_desc: Some(String::new()),
            doc_id: None,
            data,
        }
    }

    /// A success of `sendEdoc`, giving the message's id.
    #[must_use]
    pub fn sent(doc_id: impl Into<String>) -> Self {
        let mut envelope = Self::ok(None);
        envelope.doc_id = Some(doc_id.into());
        envelope
    }

    /// A refusal with `code`, described in English and Vietnamese when no
    /// `description` is given.
    #[must_use]
    pub fn error(code: &ErrorCode, description: Option<&str>) -> Self {
        Self {
            status: "FAIL".to_owned(),
            error_code: Some(code.as_str().to_owned()),
            error_desc: Some(description.map_or_else(
                || format!("{} / {}", code.message(), code.message_vi()),
                str::to_owned,
            )),
            doc_id: None,
            data: None,
        }
    }

    /// This envelope as a response body.
    #[must_use]
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }
}

/// Reads the envelope of an answer and refuses an error: an HTTP error with
/// no envelope, a `status` other than `OK`, or a non-zero `ErrorCode`.
///
/// # Errors
/// [`AxisError::Rejected`], [`AxisError::Http`], [`AxisError::Malformed`].
pub fn parse_envelope(response: &Response) -> Result<Envelope, AxisError> {
    let envelope: Envelope = json_body(response)?;
    let code = envelope.error_code.as_deref().map(ErrorCode::parse);
    let ok = envelope.status.trim().eq_ignore_ascii_case("OK");
    match code {
        Some(Some(code)) => Err(AxisError::Rejected {
            code,
            description: envelope.error_desc.clone().unwrap_or_default(),
        }),
        _ if !ok => Err(AxisError::Rejected {
            code: ErrorCode::Other(envelope.status.clone()),
            description: envelope.error_desc.clone().unwrap_or_default(),
        }),
        _ if !(200..300).contains(&response.status) => Err(http_error(response)),
        _ => Ok(envelope),
    }
}

/// The answer of `sendEdoc`: the id of the message on the axis.
///
/// # Errors
/// As [`parse_envelope`]; [`AxisError::Malformed`] when no `DocId` is given.
pub fn parse_send(response: &Response) -> Result<String, AxisError> {
    let envelope = parse_envelope(response)?;
    envelope
        .doc_id
        .filter(|id| !id.trim().is_empty())
        .ok_or_else(|| AxisError::malformed("sendEdoc answered without a DocId"))
}

/// The answer of `updateStatus`, `registerAgency` and `deleteAgency`.
///
/// # Errors
/// As [`parse_envelope`].
pub fn parse_status(response: &Response) -> Result<(), AxisError> {
    parse_envelope(response).map(drop)
}

/// The answer of `getReceivedEdocList`.
///
/// # Errors
/// As [`parse_envelope`]; [`AxisError::Malformed`] for an item without a
/// `docId`.
pub fn parse_received_list(response: &Response) -> Result<Vec<ReceivedItem>, AxisError> {
    data_items(parse_envelope(response)?.data, crate::model::received_item)
}

/// The answer of `getSentEdocList`.
///
/// # Errors
/// As [`parse_envelope`].
pub fn parse_sent_list(response: &Response) -> Result<Vec<SentItem>, AxisError> {
    data_items(parse_envelope(response)?.data, item_as("sent item"))
}

/// The answer of `getAgenciesList`.
///
/// # Errors
/// As [`parse_envelope`].
pub fn parse_agencies(response: &Response) -> Result<Vec<Agency>, AxisError> {
    data_items(parse_envelope(response)?.data, item_as("agency"))
}

/// The answer of `getEdoc`: the package, decoded from the Base64 of `data`.
///
/// # Errors
/// As [`parse_envelope`]; [`AxisError::Malformed`] when `data` is not a
/// Base64 string.
pub fn parse_edoc(response: &Response) -> Result<Vec<u8>, AxisError> {
    match parse_envelope(response)?.data {
        Some(serde_json::Value::String(b64)) => decode_base64(&b64),
        _ => Err(AxisError::malformed(
            "getEdoc answered without the package in data",
        )),
    }
}

/// Decodes standard Base64, ignoring the line breaks and spaces some
/// writers put in it.
pub(crate) fn decode_base64(text: &str) -> Result<Vec<u8>, AxisError> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact)
        .map_err(|e| AxisError::malformed(format!("the package is not valid Base64: {e}")))
}
