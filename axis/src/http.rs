//! The HTTP values the profiles build and read: a [`Request`] to send and a
//! [`Response`] received, with no socket behind them.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::error::AxisError;

/// An HTTP method the axes use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
}

impl Method {
    /// The method's name, upper case.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A request to send: method, absolute URL, headers in order, body.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The absolute URL, query string included.
    pub url: String,
    /// The headers, in the order they are sent (names as written).
    pub headers: Vec<(String, String)>,
    /// The body (empty for none).
    pub body: Vec<u8>,
}

impl fmt::Debug for Request {
    // The body is a package or credentials: its size, not its bytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &self.headers)
            .field("body", &format_args!("{} bytes", self.body.len()))
            .finish()
    }
}

impl Request {
    pub(crate) fn new(method: Method, url: String) -> Self {
        Self {
            method,
            url,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// A request as received (what a server builds from its HTTP library's
    /// request, to verify and read it).
    #[must_use]
    pub fn from_parts(
        method: Method,
        url: impl Into<String>,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    ) -> Self {
        Self {
            method,
            url: url.into(),
            headers,
            body,
        }
    }

    /// Adds a header, refusing a name or value that would split the header
    /// block (control characters, CR, LF).
    pub(crate) fn header(
        &mut self,
        name: impl Into<String>,
        value: impl Into<String>,
    ) -> Result<(), AxisError> {
        let (name, value) = (name.into(), value.into());
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_graphic() && b != b':' && b != b'"')
        {
            return Err(AxisError::invalid(format!("header name {name:?}")));
        }
        if value.chars().any(char::is_control) {
            return Err(AxisError::invalid(format!(
                "the value of header {name} holds a control character"
            )));
        }
        self.headers.push((name, value));
        Ok(())
    }

    /// The value of the first header named `name` (case-insensitive).
    #[must_use]
    pub fn header_value(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// A response received: status, headers, body.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Response {
    /// The HTTP status code.
    pub status: u16,
    /// The headers.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl fmt::Debug for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body", &format_args!("{} bytes", self.body.len()))
            .finish()
    }
}

impl Response {
    /// A response with `status`, a JSON content type and `body`.
    #[must_use]
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".to_owned(), "application/json".to_owned())],
            body: body.into(),
        }
    }

    /// A response with `status`, `headers` and `body`, as received.
    #[must_use]
    pub fn new(status: u16, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
        Self {
            status,
            headers,
            body,
        }
    }

    /// The value of the first header named `name` (case-insensitive).
    #[must_use]
    pub fn header_value(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// The value of the first header named `name` (case-insensitive) in
/// `headers`.
#[must_use]
pub fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The SHA-256 of `bytes`, lowercase hex (the `hash-file` of `sendEdoc`).
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// `text` percent-encoded for a URL query value or path segment (RFC 3986:
/// everything but the unreserved characters).
pub(crate) fn percent_encode(text: &str) -> String {
    use fmt::Write as _;
    let mut s = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            s.push(char::from(b));
        } else {
            let _ = write!(s, "%{b:02X}");
        }
    }
    s
}

/// `base` and `path` joined by exactly one slash.
pub(crate) fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// A `multipart/form-data` body (RFC 7578) with one file part and any text
/// fields, delimited by `boundary`, and its content type.
pub(crate) fn multipart(
    boundary: &str,
    fields: &[(&str, &str)],
    file_field: &str,
    file_name: &str,
    file_type: &str,
    file: &[u8],
) -> Result<(String, Vec<u8>), AxisError> {
    // RFC 2046 §5.1.1: 1–70 characters from a restricted set, and absent
    // from the content it delimits.
    let allowed = |c: char| c.is_ascii_alphanumeric() || "'()+_,-./:=?".contains(c);
    if boundary.is_empty() || boundary.len() > 70 || !boundary.chars().all(allowed) {
        return Err(AxisError::invalid(format!(
            "multipart boundary {boundary:?}: 1 to 70 letters, digits or '()+_,-./:=?"
        )));
    }
    let delimiter = format!("--{boundary}");
    if file
        .windows(delimiter.len())
        .any(|w| w == delimiter.as_bytes())
        || fields.iter().any(|(_, v)| v.contains(&delimiter))
    {
        return Err(AxisError::invalid(format!(
            "the multipart boundary {boundary:?} occurs in the content: choose another"
        )));
    }
    let quoted = |s: &str| s.replace(['"', '\r', '\n'], "_");
    let mut body = Vec::with_capacity(file.len() + 512);
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "{delimiter}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{value}\r\n",
                quoted(name)
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "{delimiter}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {file_type}\r\n\r\n",
            quoted(file_field),
            quoted(file_name)
        )
        .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n{delimiter}--\r\n").as_bytes());
    Ok((format!("multipart/form-data; boundary={boundary}"), body))
}

/// The boundary named by a `multipart/form-data` content type (quoted or
/// not).
pub(crate) fn boundary_of(content_type: &str) -> Option<&str> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (name, value) = p.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"'))
            .filter(|b| !b.is_empty())
    })
}

/// The content of the part named `name` of a `multipart/form-data` body
/// delimited by `boundary` (RFC 7578): what a server reads.
pub(crate) fn multipart_part<'a>(body: &'a [u8], boundary: &str, name: &str) -> Option<&'a [u8]> {
    let delimiter = format!("\r\n--{boundary}");
    // The first delimiter may open the body without a line break before it.
    let opening = format!("--{boundary}");
    let mut rest = body.strip_prefix(opening.as_bytes()).or_else(|| {
        let at = find(body, delimiter.as_bytes())?;
        body.get(at + delimiter.len()..)
    })?;
    loop {
        if rest.starts_with(b"--") {
            return None;
        }
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(rest.get(..head_end)?);
        let content = rest.get(head_end + 4..)?;
        let end = find(content, delimiter.as_bytes())?;
        let wanted = head.lines().any(|line| {
            let line = line.trim();
            line.len() > 20
                && line
                    .get(..20)
                    .is_some_and(|p| p.eq_ignore_ascii_case("content-disposition:"))
                && line.split(';').skip(1).any(|p| {
                    p.split_once('=').is_some_and(|(k, v)| {
                        k.trim().eq_ignore_ascii_case("name") && v.trim().trim_matches('"') == name
                    })
                })
        });
        if wanted {
            return content.get(..end);
        }
        rest = content.get(end + delimiter.len()..)?;
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The JSON body of an answer: one that is not JSON is
/// [`AxisError::Malformed`] under a 2xx status, else the HTTP error.
pub(crate) fn json_body<T: serde::de::DeserializeOwned>(
    response: &Response,
) -> Result<T, AxisError> {
    serde_json::from_slice(&response.body).map_err(|e| {
        if (200..300).contains(&response.status) {
            AxisError::malformed(format!("not the axis's JSON answer: {e}"))
        } else {
            http_error(response)
        }
    })
}

/// An HTTP error with the start of the body as its text.
pub(crate) fn http_error(response: &Response) -> AxisError {
    let text = String::from_utf8_lossy(&response.body);
    AxisError::Http {
        status: response.status,
        excerpt: text.chars().take(200).collect(),
    }
}

/// A JSON string as it is, a number as its text; anything else is none.
pub(crate) fn text_of(value: Option<&serde_json::Value>) -> Option<String> {
    match value {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// The items of an answer's `data` list, each read by `item`: none when
/// `data` is absent or null, [`AxisError::Malformed`] when it is not a
/// list or an item cannot be read.
pub(crate) fn data_items<T>(
    data: Option<serde_json::Value>,
    item: impl FnMut(serde_json::Value) -> Result<T, AxisError>,
) -> Result<Vec<T>, AxisError> {
    match data {
        None | Some(serde_json::Value::Null) => Ok(Vec::new()),
        Some(serde_json::Value::Array(items)) => items.into_iter().map(item).collect(),
        Some(other) => Err(AxisError::malformed(format!(
            "data is not a list: {}",
            crate::excerpt(&other.to_string())
        ))),
    }
}

/// An item read as `T`, or [`AxisError::Malformed`] naming `what`.
pub(crate) fn item_as<T: serde::de::DeserializeOwned>(
    what: &'static str,
) -> impl FnMut(serde_json::Value) -> Result<T, AxisError> {
    move |v| serde_json::from_value(v).map_err(|e| AxisError::malformed(format!("{what}: {e}")))
}
