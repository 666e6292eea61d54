//! The Lạng Sơn LGSP (`docs/axis.md` §7.1): log in for a bearer token, then
//! REST calls under `/v1/` carrying the token, the system id and its secret
//! key.
//!
//! ```
//! use vanthu_axis::langson::{self, LangSon};
//! use vanthu_axis::Response;
//! let axis = LangSon::new("https://lgsp.example.vn", "H37.DN.001", "key", "clerk", "pw", "QLVB");
//! let login = axis.login()?;
//! assert!(login.url.ends_with("/v1/auth/login?allow_anonymous=true"));
//! let token = langson::parse_login(&Response::json(200, r#"{"code":200,"data":{"token":"eyJ"}}"#))?;
//! let list = axis.sync_received_edoc_list(&token, vanthu_axis::MessageType::Edoc, None, None)?;
//! assert_eq!(list.header_value("Authorization"), Some("Bearer eyJ"));
//! # Ok::<(), vanthu_axis::AxisError>(())
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::Secret;
use crate::error::{AxisError, ErrorCode};
use crate::http::{
    Method, Request, Response, data_items, join, json_body, multipart, percent_encode, text_of,
};
use crate::model::{Agency, MessageType, ReceivedItem, TransportState, lenient_string};
use crate::national::decode_base64;

/// A system connected to the Lạng Sơn LGSP, with the account it logs in
/// with. Its configuration too (`docs/axis.md` §8).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LangSon {
    /// The axis's base URL (before `/v1/`).
    pub endpoint: String,
    /// The system id (`X-SystemId`), e.g. `H37.DN.001`.
    pub system_id: String,
    /// Its secret key (`X-SecretKey`).
    pub secret_key: Secret,
    /// The account's user name.
    pub username: String,
    /// The account's password.
    pub password: Secret,
    /// The application code the account logs in to.
    pub application_code: String,
}

/// A bearer token (valid about 30 minutes; the caller's clock decides when
/// to log in again).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Token {
    /// The token.
    pub token: Secret,
    /// Its lifetime in seconds, when the axis says.
    pub expires_in: Option<u64>,
}

impl Token {
    /// A token with no known lifetime.
    #[must_use]
    pub fn new(token: impl Into<String>) -> Self {
        Self {
            token: Secret::new(token),
            expires_in: None,
        }
    }
}

impl LangSon {
    /// The system `system_id` with `secret_key` at `endpoint`, logging in
    /// as `username` to `application_code`.
    #[must_use]
    pub fn new(
        endpoint: impl Into<String>,
        system_id: impl Into<String>,
        secret_key: impl Into<String>,
        username: impl Into<String>,
        password: impl Into<String>,
        application_code: impl Into<String>,
    ) -> Self {
        Self {
            endpoint: endpoint.into(),
            system_id: system_id.into(),
            secret_key: Secret::new(secret_key),
            username: username.into(),
            password: Secret::new(password),
            application_code: application_code.into(),
        }
    }

    /// `POST /v1/auth/login`: the account's credentials, for a token.
    ///
    /// # Errors
    /// Never in practice.
    pub fn login(&self) -> Result<Request, AxisError> {
        let mut request = Request::new(
            Method::Post,
            join(&self.endpoint, "/v1/auth/login?allow_anonymous=true"),
        );
        request.header("Content-Type", "application/json")?;
        request.header("User-Agent", crate::national::USER_AGENT)?;
        request.body = serde_json::to_vec(&serde_json::json!({
            "username": self.username,
            "password": self.password.expose(),
            "applicationCode": self.application_code,
            "otp": "",
            "twoFactorProvider": "",
            "typeObjs": [],
        }))
        .map_err(|e| AxisError::invalid(e.to_string()))?;
        Ok(request)
    }

    fn call(&self, method: Method, path: &str, token: &Token) -> Result<Request, AxisError> {
        let mut request = Request::new(method, join(&self.endpoint, path));
        request.header("Authorization", format!("Bearer {}", token.token.expose()))?;
        request.header("X-SystemId", &self.system_id)?;
        request.header("X-SecretKey", self.secret_key.expose())?;
        request.header("User-Agent", crate::national::USER_AGENT)?;
        Ok(request)
    }

    /// `POST /v1/sendEdoc`: the package as the multipart part `edocFile`
    /// (`application/xml`, named `file_name`), with `messageType`;
    /// `boundary` is the caller's nonce.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] for a boundary that is not valid or
    /// occurs in the package.
    pub fn send_edoc(
        &self,
        token: &Token,
        message_type: MessageType,
        package: &[u8],
        file_name: &str,
        boundary: &str,
    ) -> Result<Request, AxisError> {
        let (content_type, body) = multipart(
            boundary,
            &[("messageType", message_type.as_str())],
            "edocFile",
            file_name,
            "application/xml",
            package,
        )?;
        let mut request = self.call(Method::Post, "/v1/sendEdoc", token)?;
        request.header("Content-Type", content_type)?;
        request.body = body;
        Ok(request)
    }

    /// `GET /v1/syncReceivedEdocList`: the messages waiting, optionally
    /// between two dates (`yyyy/MM/dd`).
    ///
    /// # Errors
    /// Never in practice.
    pub fn sync_received_edoc_list(
        &self,
        token: &Token,
        message_type: MessageType,
        from_date: Option<&str>,
        to_date: Option<&str>,
    ) -> Result<Request, AxisError> {
        let mut path = format!("/v1/syncReceivedEdocList?messageType={message_type}");
        for (key, value) in [("fromDate", from_date), ("toDate", to_date)] {
            if let Some(value) = value {
                path.push_str(&format!("&{key}={}", percent_encode(value)));
            }
        }
        self.call(Method::Get, &path, token)
    }

    /// `GET /v1/getEdoc`: the message `doc_id`.
    ///
    /// # Errors
    /// Never in practice.
    pub fn get_edoc(&self, token: &Token, doc_id: &str) -> Result<Request, AxisError> {
        self.call(
            Method::Get,
            &format!("/v1/getEdoc?docId={}", percent_encode(doc_id)),
            token,
        )
    }

    /// `POST /v1/updateStatus`: sets the transport state of `doc_id`.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] for `initial`.
    pub fn update_status(
        &self,
        token: &Token,
        doc_id: &str,
        state: &TransportState,
    ) -> Result<Request, AxisError> {
        state.settable()?;
        let mut request = self.call(Method::Post, "/v1/updateStatus", token)?;
        request.header("Content-Type", "application/json")?;
        request.body = serde_json::to_vec(&serde_json::json!({
            "docId": doc_id,
            "status": state.as_str(),
        }))
        .map_err(|e| AxisError::invalid(e.to_string()))?;
        Ok(request)
    }

    /// `GET /v1/getAgenciesList`: one page (from 1) of `size` agencies.
    ///
    /// # Errors
    /// Never in practice.
    pub fn get_agencies_list(
        &self,
        token: &Token,
        page: u32,
        size: u32,
    ) -> Result<Request, AxisError> {
        self.call(
            Method::Get,
            &format!("/v1/getAgenciesList?page={page}&size={size}"),
            token,
        )
    }
}

/// Reads an answer, refusing an error: an `errorCode` other than 0 in
/// `data`, a `code` other than 200 (with its `errorDetail`), or `success`
/// false. Returns the whole JSON.
///
/// # Errors
/// [`AxisError::Rejected`], [`AxisError::Http`], [`AxisError::Malformed`].
pub fn parse_answer(response: &Response) -> Result<Value, AxisError> {
    let value: Value = json_body(response)?;
    let data = value.get("data");
    let error_code =
        text_of(data.and_then(|d| d.get("errorCode"))).or_else(|| text_of(value.get("errorCode")));
    let description = text_of(data.and_then(|d| d.get("errorDesc")))
        .or_else(|| details(&value))
        .or_else(|| text_of(value.get("message")))
        .unwrap_or_default();
    if let Some(code) = error_code.as_deref().and_then(ErrorCode::parse) {
        return Err(AxisError::Rejected { code, description });
    }
    let code = value.get("code").and_then(Value::as_u64);
    let failed = value.get("success").and_then(Value::as_bool) == Some(false);
    if code.is_some_and(|c| c != 200) || failed || !(200..300).contains(&response.status) {
        let status = code
            .and_then(|c| u16::try_from(c).ok())
            .filter(|c| *c != 200)
            .unwrap_or(response.status);
        return Err(AxisError::Http {
            status,
            excerpt: description,
        });
    }
    Ok(value)
}

/// The `errorDetail` list of a failed answer, joined.
fn details(value: &Value) -> Option<String> {
    let list = value.get("errorDetail")?.as_array()?;
    let parts: Vec<String> = list
        .iter()
        .map(|d| match d {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The answer of `login`: `data.token`.
///
/// # Errors
/// As [`parse_answer`]; [`AxisError::Malformed`] without a token.
pub fn parse_login(response: &Response) -> Result<Token, AxisError> {
    let value = parse_answer(response)?;
    let data = value.get("data");
    let token = data
        .and_then(|d| d.get("token"))
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| AxisError::malformed("login answered without data.token"))?;
    Ok(Token {
        token: Secret::new(token),
        expires_in: data
            .and_then(|d| d.get("expiresIn").or_else(|| d.get("expires_in")))
            .and_then(Value::as_u64),
    })
}

/// The answer of `sendEdoc`: the id of the message on the axis.
///
/// # Errors
/// As [`parse_answer`]; [`AxisError::Malformed`] without `data.docId`.
pub fn parse_send(response: &Response) -> Result<String, AxisError> {
    let value = parse_answer(response)?;
    value
        .get("data")
        .and_then(|d| d.get("docId"))
        .and_then(|d| match d {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .ok_or_else(|| AxisError::malformed("sendEdoc answered without data.docId"))
}

/// The answer of `syncReceivedEdocList`.
///
/// # Errors
/// As [`parse_answer`]; [`AxisError::Malformed`] for an item without a
/// `docId`.
pub fn parse_received_list(response: &Response) -> Result<Vec<ReceivedItem>, AxisError> {
    let mut value = parse_answer(response)?;
    data_items(
        value.get_mut("data").map(Value::take),
        crate::model::received_item,
    )
}

/// A message fetched with `getEdoc`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Edoc {
    /// The axis's id of the message.
    pub doc_id: Option<String>,
    /// The sending agency.
    pub from: Option<String>,
    /// Its name.
    pub from_name: Option<String>,
    /// The document's number and symbol.
    pub edoc_code: Option<String>,
    /// Its subject.
    pub edoc_abstract: Option<String>,
    /// The package.
    pub package: Vec<u8>,
    /// The names of the attachments the axis lists beside it.
    pub attachments: Vec<String>,
}

impl std::fmt::Debug for Edoc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Edoc")
            .field("doc_id", &self.doc_id)
            .field("from", &self.from)
            .field("edoc_code", &self.edoc_code)
            .field("package", &format_args!("{} bytes", self.package.len()))
            .field("attachments", &self.attachments)
            .finish_non_exhaustive()
    }
}

/// The answer of `getEdoc`: `data.edxml` is the package, as XML text or as
/// its Base64 (both are read).
///
/// # Errors
/// As [`parse_answer`]; [`AxisError::Malformed`] without `data.edxml`.
pub fn parse_edoc(response: &Response) -> Result<Edoc, AxisError> {
    let value = parse_answer(response)?;
    let data = value
        .get("data")
        .ok_or_else(|| AxisError::malformed("getEdoc answered without data"))?;
    let edxml = data
        .get("edxml")
        .and_then(Value::as_str)
        .ok_or_else(|| AxisError::malformed("getEdoc answered without data.edxml"))?;
    let package = package_bytes(edxml)?;
    let field = |name: &str| text_of(data.get(name));
    let attachments = data
        .get("attachments")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|a| a.get("fileName").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Ok(Edoc {
        doc_id: field("docId"),
        from: field("from"),
        from_name: field("fromName"),
        edoc_code: field("edocCode"),
        edoc_abstract: field("edocAbstract"),
        package,
        attachments,
    })
}

/// A package given as XML text or as Base64.
pub(crate) fn package_bytes(text: &str) -> Result<Vec<u8>, AxisError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        Ok(text.as_bytes().to_vec())
    } else {
        decode_base64(text)
    }
}

/// One page of a paginated list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Page<T> {
    /// This page's number.
    pub current_page: Option<u64>,
    /// How many pages there are.
    pub total_pages: Option<u64>,
    /// How many records there are in all.
    pub total_records: Option<u64>,
    /// The records of this page.
    pub content: Vec<T>,
}

/// An agency of the Lạng Sơn list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct LangSonAgency {
    /// The axis's id of the entry.
    #[serde(deserialize_with = "lenient_string")]
    pub id: Option<String>,
    /// Its agency identifier.
    pub code: String,
    /// Its former identifier.
    pub old_code: Option<String>,
    /// Its name.
    pub name: String,
    /// The code of the centre it belongs to.
    pub center_code: Option<String>,
    /// The axis's id of its parent entry.
    #[serde(deserialize_with = "lenient_string")]
    pub parent_id: Option<String>,
    /// Its level.
    #[serde(deserialize_with = "lenient_string")]
    pub level: Option<String>,
    /// `NATIONAL` or `INTERNAL`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// The kind of an internal agency.
    #[serde(deserialize_with = "lenient_string")]
    pub type_internal: Option<String>,
}

impl From<LangSonAgency> for Agency {
    fn from(a: LangSonAgency) -> Self {
        Self {
            id: a.id,
            pid: a.parent_id,
            code: a.code,
            name: a.name,
            mail: None,
        }
    }
}

/// The answer of `getAgenciesList`: one page.
///
/// # Errors
/// As [`parse_answer`]; [`AxisError::Malformed`] when `data` is not a page.
pub fn parse_agencies(response: &Response) -> Result<Page<LangSonAgency>, AxisError> {
    let value = parse_answer(response)?;
    let data = value
        .get("data")
        .ok_or_else(|| AxisError::malformed("getAgenciesList answered without data"))?;
    let number = |name: &str| data.get(name).and_then(Value::as_u64);
    let content = match data.get("content") {
        Some(Value::Array(items)) => items
            .iter()
            .cloned()
            .map(serde_json::from_value)
            .collect::<Result<Vec<LangSonAgency>, _>>()
            .map_err(|e| AxisError::malformed(format!("agency: {e}")))?,
        _ => return Err(AxisError::malformed("data.content is not a list")),
    };
    Ok(Page {
        current_page: number("currentPage"),
        total_pages: number("totalPages"),
        total_records: number("totalRecords").or_else(|| number("numberOfRecords")),
        content,
    })
}

/// The answer of `updateStatus`.
///
/// # Errors
/// As [`parse_answer`].
pub fn parse_status(response: &Response) -> Result<(), AxisError> {
    parse_answer(response).map(drop)
}
