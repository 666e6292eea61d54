//! The Quảng Nam gateway (`docs/axis.md` §7.2): an OAuth 2.0
//! client-credentials token from the API gateway, then REST resources under
//! `/truclienthong/v1.0.0`, each call carrying the unit's secret.
//!
//! ```
//! use vanthu_axis::quangnam::{self, QuangNam};
//! use vanthu_axis::{Response, langson::Token};
//! let axis = QuangNam::new("https://gw.example.vn", "ck", "cs", "000.00.15.H47", "unit-secret");
//! let token_request = axis.token()?;
//! assert_eq!(token_request.header_value("Authorization"), Some("Basic Y2s6Y3M="));
//! let token = quangnam::parse_token(&Response::json(200, r#"{"access_token":"t","token_type":"Bearer","expires_in":3600}"#))?;
//! assert_eq!(token.expires_in, Some(3600));
//! assert!(axis.list(&token)?.url.ends_with("/truclienthong/v1.0.0/vanbans"));
//! # Ok::<(), vanthu_axis::AxisError>(())
//! ```

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::Secret;
use crate::error::{AxisError, ErrorCode};
use crate::http::{
    Method, Request, Response, data_items, http_error, item_as, join, json_body, percent_encode,
    text_of,
};
use crate::langson::{Token, package_bytes};
use crate::model::{Agency, MessageType, ReceivedItem, TransportState};

/// The base path of the document exchange API on the gateway.
pub const BASE_PATH: &str = "/truclienthong/v1.0.0";

/// A unit connected to the Quảng Nam gateway. Its configuration too
/// (`docs/axis.md` §8).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct QuangNam {
    /// The gateway's base URL.
    pub gateway: String,
    /// The application's consumer key.
    pub consumer_key: String,
    /// Its consumer secret.
    pub consumer_secret: Secret,
    /// The unit's agency identifier.
    pub unit_code: String,
    /// The unit's secret, sent with every call.
    pub secret: Secret,
    /// The header that carries the unit's secret (`secret` unless told).
    #[serde(default = "default_secret_header")]
    pub secret_header: String,
}

fn default_secret_header() -> String {
    "secret".to_owned()
}

/// A unit to register on the gateway.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Unit {
    /// Its agency identifier.
    pub code: String,
    /// Its parent's identifier.
    pub pcode: Option<String>,
    /// Its name.
    pub name: String,
    /// Its e-mail address.
    pub email: Option<String>,
    /// Its fax number.
    pub fax: Option<String>,
    /// Its telephone number.
    pub mobile: Option<String>,
}

impl Unit {
    /// The unit `code` named `name`, the other fields empty.
    #[must_use]
    pub fn new(code: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            name: name.into(),
            ..Self::default()
        }
    }
}

impl QuangNam {
    /// The unit `unit_code` with `secret`, through the gateway at `gateway`
    /// with the application's consumer key and secret.
    #[must_use]
    pub fn new(
        gateway: impl Into<String>,
        consumer_key: impl Into<String>,
        consumer_secret: impl Into<String>,
        unit_code: impl Into<String>,
        secret: impl Into<String>,
    ) -> Self {
        Self {
            gateway: gateway.into(),
            consumer_key: consumer_key.into(),
            consumer_secret: Secret::new(consumer_secret),
            unit_code: unit_code.into(),
            secret: Secret::new(secret),
            secret_header: default_secret_header(),
        }
    }

    /// `POST /token` with `grant_type=client_credentials`, authenticated
    /// with HTTP Basic (consumer key and secret).
    ///
    /// # Errors
    /// Never in practice.
    pub fn token(&self) -> Result<Request, AxisError> {
        let mut request = Request::new(Method::Post, join(&self.gateway, "/token"));
        let basic = base64::engine::general_purpose::STANDARD.encode(format!(
            "{}:{}",
            self.consumer_key,
            self.consumer_secret.expose()
        ));
        request.header("Authorization", format!("Basic {basic}"))?;
        request.header("Content-Type", "application/x-www-form-urlencoded")?;
        request.header("User-Agent", crate::national::USER_AGENT)?;
        request.body = b"grant_type=client_credentials".to_vec();
        Ok(request)
    }

    fn call(&self, method: Method, path: &str, token: &Token) -> Result<Request, AxisError> {
        let url = join(&join(&self.gateway, BASE_PATH), path);
        let mut request = Request::new(method, url);
        request.header("Authorization", format!("Bearer {}", token.token.expose()))?;
        request.header(self.secret_header.clone(), self.secret.expose())?;
        request.header("User-Agent", crate::national::USER_AGENT)?;
        Ok(request)
    }

    fn json(
        &self,
        method: Method,
        path: &str,
        token: &Token,
        body: &Value,
    ) -> Result<Request, AxisError> {
        let mut request = self.call(method, path, token)?;
        request.header("Content-Type", "application/json")?;
        request.body = serde_json::to_vec(body).map_err(|e| AxisError::invalid(e.to_string()))?;
        Ok(request)
    }

    /// `vanbansGet`: the messages waiting for the unit.
    ///
    /// # Errors
    /// Never in practice.
    pub fn list(&self, token: &Token) -> Result<Request, AxisError> {
        self.call(Method::Get, "/vanbans", token)
    }

    /// `vanbansDocIdGet`: the message `doc_id`.
    ///
    /// # Errors
    /// Never in practice.
    pub fn get(&self, token: &Token, doc_id: &str) -> Result<Request, AxisError> {
        self.call(
            Method::Get,
            &format!("/vanbans/{}", percent_encode(doc_id)),
            token,
        )
    }

    /// `vanbansPost`: sends a package, as Base64, with its type.
    ///
    /// # Errors
    /// Never in practice.
    pub fn send(
        &self,
        token: &Token,
        message_type: MessageType,
        package: &[u8],
    ) -> Result<Request, AxisError> {
        let content = base64::engine::general_purpose::STANDARD.encode(package);
        self.json(
            Method::Post,
            "/vanbans",
            token,
            &serde_json::json!({ "type": message_type.as_str(), "content": content }),
        )
    }

    /// `vanbansDocIdPut`: sets the transport state of `doc_id`
    /// (`PROCESSING`, `DONE`, `FAIL`).
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
        self.json(
            Method::Put,
            &format!("/vanbans/{}", percent_encode(doc_id)),
            token,
            &serde_json::json!({ "status": state.as_str().to_ascii_uppercase() }),
        )
    }

    /// `donvilienthongsGet`: the agencies of the national axis.
    ///
    /// # Errors
    /// Never in practice.
    pub fn national_units(&self, token: &Token) -> Result<Request, AxisError> {
        self.call(Method::Get, "/donvilienthongs", token)
    }

    /// `donvilienthongsQnGet`: the agencies of the province.
    ///
    /// # Errors
    /// Never in practice.
    pub fn province_units(&self, token: &Token) -> Result<Request, AxisError> {
        self.call(Method::Get, "/donvilienthongs/qn", token)
    }

    /// `donvilienthongsPost`: registers `unit`.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] without a code or a name.
    pub fn register_unit(&self, token: &Token, unit: &Unit) -> Result<Request, AxisError> {
        if unit.code.trim().is_empty() || unit.name.trim().is_empty() {
            return Err(AxisError::invalid("a unit needs a code and a name"));
        }
        let body = serde_json::to_value(unit).map_err(|e| AxisError::invalid(e.to_string()))?;
        self.json(Method::Post, "/donvilienthongs", token, &body)
    }

    /// `donvilienthongsPut`: unregisters the unit `code`.
    ///
    /// # Errors
    /// Never in practice.
    pub fn unregister_unit(&self, token: &Token, code: &str) -> Result<Request, AxisError> {
        self.json(
            Method::Put,
            "/donvilienthongs",
            token,
            &serde_json::json!({ "code": code }),
        )
    }
}

/// The answer of the token endpoint.
///
/// # Errors
/// [`AxisError::Http`] for an HTTP error; [`AxisError::Malformed`] without
/// `access_token`.
pub fn parse_token(response: &Response) -> Result<Token, AxisError> {
    if !(200..300).contains(&response.status) {
        return Err(http_error(response));
    }
    let value: Value = serde_json::from_slice(&response.body)
        .map_err(|e| AxisError::malformed(format!("token answer: {e}")))?;
    let token = value
        .get("access_token")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| AxisError::malformed("the token answer has no access_token"))?;
    let mut out = Token::new(token);
    out.expires_in = value.get("expires_in").and_then(Value::as_u64);
    Ok(out)
}

/// Reads an answer, refusing an error (`errorCode` other than 0, `status`
/// other than `OK`/`SUCCESS`, an HTTP error). Returns the whole JSON.
///
/// # Errors
/// [`AxisError::Rejected`], [`AxisError::Http`], [`AxisError::Malformed`].
pub fn parse_answer(response: &Response) -> Result<Value, AxisError> {
    let value: Value = json_body(response)?;
    let text = |name: &str| text_of(value.get(name));
    let description = text("errorDesc").unwrap_or_default();
    if let Some(code) = text("errorCode").as_deref().and_then(ErrorCode::parse) {
        return Err(AxisError::Rejected { code, description });
    }
    if let Some(status) = text("status") {
        let ok = ["OK", "SUCCESS", "200"]
            .iter()
            .any(|s| status.trim().eq_ignore_ascii_case(s));
        if !ok {
            return Err(AxisError::Rejected {
                code: ErrorCode::Other(status),
                description,
            });
        }
    }
    if !(200..300).contains(&response.status) {
        return Err(http_error(response));
    }
    Ok(value)
}

/// The answer of `vanbansGet`.
///
/// # Errors
/// As [`parse_answer`]; [`AxisError::Malformed`] for an item without a
/// `docId`.
pub fn parse_list(response: &Response) -> Result<Vec<ReceivedItem>, AxisError> {
    let mut value = parse_answer(response)?;
    data_items(
        value.get_mut("data").map(Value::take),
        crate::model::received_item,
    )
}

/// The answer of `vanbansDocIdGet`: the package, from `data` as Base64 (or
/// XML text), or from `data.content`.
///
/// # Errors
/// As [`parse_answer`]; [`AxisError::Malformed`] without the package.
pub fn parse_get(response: &Response) -> Result<Vec<u8>, AxisError> {
    let value = parse_answer(response)?;
    let text = match value.get("data") {
        Some(Value::String(s)) => Some(s.as_str()),
        Some(data) => data
            .get("content")
            .or_else(|| data.get("data"))
            .and_then(Value::as_str),
        None => None,
    };
    package_bytes(text.ok_or_else(|| AxisError::malformed("the answer carries no package"))?)
}

/// The answer of `vanbansPost`: the id of the message.
///
/// # Errors
/// As [`parse_answer`]; [`AxisError::Malformed`] without `docId`.
pub fn parse_send(response: &Response) -> Result<String, AxisError> {
    let value = parse_answer(response)?;
    let id = value
        .get("docId")
        .or_else(|| value.get("data").and_then(|d| d.get("docId")))
        .or_else(|| value.get("data").filter(|d| d.is_string()));
    match id {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        _ => Err(AxisError::malformed("vanbansPost answered without a docId")),
    }
}

/// The answer of the unit lists.
///
/// # Errors
/// As [`parse_answer`].
pub fn parse_units(response: &Response) -> Result<Vec<Agency>, AxisError> {
    let mut value = parse_answer(response)?;
    data_items(value.get_mut("data").map(Value::take), item_as("unit"))
}

/// The answer of `vanbansDocIdPut` and of the unit registrations.
///
/// # Errors
/// As [`parse_answer`].
pub fn parse_status(response: &Response) -> Result<(), AxisError> {
    parse_answer(response).map(drop)
}
