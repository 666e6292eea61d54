//! A blocking client (feature `client`, off by default): it sends the
//! [`Request`] values the profiles build over HTTP(S) and turns what comes
//! back into [`Response`] values, then [`Outcome`]s. TLS is rustls on
//! *ring*; timeouts, a proxy (from the options or the environment) and a
//! `User-Agent` naming vanthu are set once per client. It reads no clock
//! and draws no random number: the time of each call and its nonce are in
//! the [`CallContext`] the caller passes, as everywhere in this crate.
//!
//! ```no_run
//! use vanthu_axis::client::{Client, ClientOptions};
//! use vanthu_axis::{Axis, CallContext, MessageType, Operation, Outcome};
//! let axis = Axis::from_json(r#"{"profile": "national", "endpoint": "http://127.0.0.1:8080",
//!     "system_id": "000.00.15.H47", "secret": "s3cret"}"#)?;
//! let mut client = Client::new(axis, &ClientOptions::default())?;
//! let now = chrono::DateTime::parse_from_rfc3339("2025-06-02T08:00:00+07:00").unwrap();
//! let list = Operation::ListReceived { message_type: MessageType::Edoc };
//! match client.call(&list, &CallContext::at_time(now, "f3a9c1")) {
//!     Outcome::Listed(items) => println!("{} waiting", items.len()),
//!     other => println!("{other:?}"),
//! }
//! # Ok::<(), vanthu_axis::AxisError>(())
//! ```

use std::time::Duration;

use serde::Deserialize;

use crate::config::{Axis, CallContext};
use crate::error::AxisError;
use crate::http::{Method, Request, Response};
use crate::langson::Token;
use crate::model::{Operation, Outcome};

/// The `User-Agent` the client sends: vanthu and its version.
pub const USER_AGENT: &str = crate::national::USER_AGENT;

/// How the client connects. Read from JSON (every field optional).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ClientOptions {
    /// The longest a whole call may take, in seconds (connecting, sending
    /// the package, reading the answer).
    pub timeout_seconds: u64,
    /// The longest connecting may take, in seconds.
    pub connect_timeout_seconds: u64,
    /// The proxy: absent to take it from the environment (`HTTPS_PROXY`,
    /// `HTTP_PROXY`, `ALL_PROXY`, with `NO_PROXY`), `"none"` to connect
    /// directly, or its URL (`http://host:3128`, `socks5://host:1080`).
    pub proxy: Option<String>,
    /// The largest answer read, in bytes (a `getEdoc` answer is the
    /// package in Base64).
    pub max_answer_bytes: u64,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            timeout_seconds: 300,
            connect_timeout_seconds: 30,
            proxy: None,
            max_answer_bytes: 1 << 30,
        }
    }
}

impl ClientOptions {
    /// These options with a direct connection, whatever the environment
    /// says (what a client of a local axis on loopback wants).
    #[must_use]
    pub fn direct(mut self) -> Self {
        self.proxy = Some("none".to_owned());
        self
    }

    /// These options with a timeout of `seconds` for a whole call.
    #[must_use]
    pub fn timeout(mut self, seconds: u64) -> Self {
        self.timeout_seconds = seconds;
        self
    }
}

/// A blocking client of one axis: the profile's requests, sent over a pool
/// of connections, and the profile's token kept between calls.
#[derive(Debug)]
pub struct Client {
    axis: Axis,
    agent: ureq::Agent,
    max_answer_bytes: u64,
    token: Option<Token>,
}

impl Client {
    /// A client of `axis` with `options`.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] for a proxy URL that cannot be read.
    pub fn new(axis: Axis, options: &ClientOptions) -> Result<Self, AxisError> {
        let proxy = match options.proxy.as_deref().map(str::trim) {
            None => ureq::Proxy::try_from_env(),
            Some(p) if p.is_empty() || p.eq_ignore_ascii_case("none") => None,
            Some(url) => Some(
                ureq::Proxy::new(url)
                    .map_err(|e| AxisError::InvalidArgument(format!("proxy {url:?}: {e}")))?,
            ),
        };
        let seconds = |s: u64| Some(Duration::from_secs(s.max(1)));
        let config = ureq::Agent::config_builder()
            .timeout_global(seconds(options.timeout_seconds))
            .timeout_connect(seconds(options.connect_timeout_seconds))
            .proxy(proxy)
            .user_agent(USER_AGENT)
            // The axes answer errors with a JSON body: the parsers read it.
            .http_status_as_error(false)
            .build();
        Ok(Self {
            axis,
            agent: ureq::Agent::new_with_config(config),
            max_answer_bytes: options.max_answer_bytes,
            token: None,
        })
    }

    /// The axis this client talks to.
    #[must_use]
    pub fn axis(&self) -> &Axis {
        &self.axis
    }

    /// Sends `request` and reads the answer, whatever its status.
    ///
    /// # Errors
    /// [`AxisError::Http`] with status 0 when no answer came (connection
    /// refused, timeout, TLS failure): a retriable failure.
    pub fn execute(&self, request: &Request) -> Result<Response, AxisError> {
        let unreachable = |e: &dyn std::fmt::Display| AxisError::Http {
            status: 0,
            excerpt: format!("{} {}: {e}", request.method, request.url),
        };
        let method = match request.method {
            Method::Get => ureq::http::Method::GET,
            Method::Put => ureq::http::Method::PUT,
            _ => ureq::http::Method::POST,
        };
        let mut builder = ureq::http::Request::builder()
            .method(method)
            .uri(request.url.as_str());
        for (name, value) in &request.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let http_request = builder
            .body(request.body.clone())
            .map_err(|e| AxisError::InvalidArgument(format!("request {}: {e}", request.url)))?;
        let mut answer = self.agent.run(http_request).map_err(|e| unreachable(&e))?;
        let status = answer.status().as_u16();
        let headers = answer
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = answer
            .body_mut()
            .with_config()
            .limit(self.max_answer_bytes)
            .read_to_vec()
            .map_err(|e| unreachable(&e))?;
        Ok(Response::new(status, headers, body))
    }

    /// Logs in when the profile needs a token and none is held (the
    /// provincial axes); nothing for the national axis.
    ///
    /// # Errors
    /// The axis's refusal, or the transport's failure.
    pub fn login(&mut self) -> Result<(), AxisError> {
        if self.token.is_some() {
            return Ok(());
        }
        let Some(request) = self.axis.login() else {
            return Ok(());
        };
        let response = self.execute(&request?)?;
        self.token = Some(self.axis.parse_login(&response)?);
        Ok(())
    }

    /// Performs `operation` with `ctx` (its time and nonce): logs in first
    /// when needed, and once more when the axis refuses the token (HTTP
    /// 401). A failure, of the axis or of the transport, is
    /// [`Outcome::Failed`].
    pub fn call(&mut self, operation: &Operation, ctx: &CallContext) -> Outcome {
        let mut outcome = self.attempt(operation, ctx);
        if matches!(
            &outcome,
            Outcome::Failed(AxisError::Http { status: 401, .. })
        ) && self.token.is_some()
        {
            self.token = None;
            outcome = self.attempt(operation, ctx);
        }
        outcome
    }

    fn attempt(&mut self, operation: &Operation, ctx: &CallContext) -> Outcome {
        if let Err(e) = self.login() {
            return Outcome::Failed(e);
        }
        let mut ctx = ctx.clone();
        if let Some(token) = &self.token {
            ctx = ctx.with_token(token.clone());
        }
        let request = match self.axis.request(operation, &ctx) {
            Ok(r) => r,
            Err(e) => return Outcome::Failed(e),
        };
        match self.execute(&request) {
            Ok(response) => self.axis.read(operation, &response),
            Err(e) => Outcome::Failed(e),
        }
    }
}
