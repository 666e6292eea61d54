#![doc = include_str!("../README.md")]
// The native part of the `vanthu` npm package, loaded by `index.js`: each
// function of [`vanthu::api`] as a Node-API function of the same name in
// camelCase.
//
// Arguments arrive plain (`index.js` has already turned URLs into paths,
// `Date`s into RFC 3339 strings and dropped `undefined` options): strings,
// arrays of strings, `Uint8Array`s (a `Buffer` is one) and options objects,
// which become the facade's argument structs through serde, so an unknown
// option is an `invalid_argument` error as an unknown JSON field is in the
// C ABI. Every result is the facade's value serialised by serde straight to
// JS values (objects, arrays, strings, numbers, `null`), with the keys and
// key order the CLI prints with `--json`; no JSON text crosses the boundary.
// An error is thrown as a JS `Error` carrying the facade's error fields
// (`code`, `kind`, `message_vi`, `rule`, `location`), which `index.js` turns
// into a `VanthuError`.
//
// The calls that read files, verify signatures or replay logs take a last
// argument `run_async`: `true` returns a Promise and runs the call on
// libuv's thread pool, off the event loop (`index.js` names these
// `checkAsync`, `verifyPdfAsync`, ...).
//
// `unsafe_code` is denied, not forbidden as in the other crates: the code the
// `#[napi]` macros expand to allows `unsafe` for itself; this crate's own
// code has none.
#![deny(unsafe_code)]

use std::path::PathBuf;

use napi::bindgen_prelude::JsObjectValue as _;
use napi::bindgen_prelude::{AsyncTask, Either, Uint8Array};
use napi::{Env, JsValue as _, ScopedTask, Unknown};
use napi_derive::napi;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use vanthu::api::{self, ApiError, ApiErrorKind};

mod js_numbers;

use js_numbers::JsNumbers;

/// What a call gives back: its value now (sync), or a Promise of it.
type Returned<'env, T> = Either<Unknown<'env>, AsyncTask<Job<T>>>;

/// A facade call, run once: now, or on libuv's thread pool.
pub struct Job<T> {
    call: Option<Box<dyn FnOnce() -> Result<T, ApiError> + Send>>,
}

impl<'task, T: Serialize + Send + 'static> ScopedTask<'task> for Job<T> {
    type Output = Result<T, ApiError>;
    type JsValue = Unknown<'task>;

    /// On a thread of the pool: the facade's value or its error (a panic is
    /// `internal`, never an unwind into Node).
    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(match self.call.take() {
            Some(call) => api::catch_panic(call),
            None => Err(ApiError::new(
                ApiErrorKind::Internal,
                "internal error (a bug in vanthu, please report it): a task ran twice",
            )),
        })
    }

    /// On the event loop: the value as JS values, or the error thrown.
    fn resolve(&mut self, env: &'task Env, output: Self::Output) -> napi::Result<Unknown<'task>> {
        deliver(env, output)
    }
}

/// The value as JS values, or the error as the exception to throw.
fn deliver<'env, T: Serialize>(
    env: &Env,
    result: Result<T, ApiError>,
) -> napi::Result<Unknown<'env>> {
    match result {
        Ok(value) => env.to_js_value(&JsNumbers(&value)),
        Err(error) => Err(thrown(env, &error)),
    }
}

/// The exception for an error of the facade: a JS `Error` with its message
/// and its fields (`code`, `kind`, `message_vi`, `rule`, `location`), which
/// `index.js` makes a `VanthuError`.
fn thrown(env: &Env, error: &ApiError) -> napi::Error {
    let build = || -> napi::Result<napi::Error> {
        let mut object = env.create_error(napi::Error::new(
            napi::Status::GenericFailure,
            error.message.clone(),
        ))?;
        object.set_named_property("code", error.code)?;
        object.set_named_property("kind", error.kind.as_str())?;
        object.set_named_property("message_vi", error.message_vi.as_str())?;
        if let Some(rule) = &error.rule {
            object.set_named_property("rule", rule.as_str())?;
        }
        if let Some(location) = &error.location {
            object.set_named_property("location", env.to_js_value(&JsNumbers(&**location))?)?;
        }
        Ok(napi::Error::from(object.to_unknown()))
    };
    build().unwrap_or_else(|failed| failed)
}

/// Runs `call` now, or returns it as a task for the thread pool.
fn run<'env, T, F>(env: &Env, run_async: Option<bool>, call: F) -> napi::Result<Returned<'env, T>>
where
    T: Serialize + Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    if run_async.unwrap_or(false) {
        Ok(Either::B(AsyncTask::new(Job {
            call: Some(Box::new(call)),
        })))
    } else {
        deliver(env, api::catch_panic(call)).map(Either::A)
    }
}

/// The facade's value now (for the calls with no async variant).
fn now<'env, T: Serialize>(
    env: &Env,
    call: impl FnOnce() -> Result<T, ApiError>,
) -> napi::Result<Unknown<'env>> {
    deliver(env, api::catch_panic(call))
}

/// An argument that cannot be used, thrown as the facade reports one.
fn invalid(env: &Env, message: String, message_vi: String) -> napi::Error {
    thrown(env, &ApiError::invalid(message).with_message_vi(message_vi))
}

/// The facade's optional arguments from an options object; the keys in
/// `lists` take one path or an array of them.
fn args<T: DeserializeOwned>(env: &Env, options: Option<Value>, lists: &[&str]) -> napi::Result<T> {
    let mut options = options.unwrap_or(Value::Object(serde_json::Map::new()));
    if let Value::Object(fields) = &mut options {
        for (key, value) in fields.iter_mut() {
            if lists.contains(&key.as_str()) && value.is_string() {
                *value = Value::Array(vec![value.take()]);
            }
        }
    }
    js_numbers::integers(&mut options);
    serde_json::from_value(options).map_err(|e| {
        invalid(
            env,
            format!("invalid options: {e}"),
            format!("tùy chọn không hợp lệ: {e}"),
        )
    })
}

/// The keys of [`api::CheckArgs`], [`api::VerifyArgs`] and [`api::SignArgs`]
/// that take one path or an array.
const PATH_LISTS: &[&str] = &["trust", "crls", "ocsps", "chain"];

/// The version of vanthu.
#[napi]
pub fn version() -> &'static str {
    api::version()
}

/// Every rule id vanthu can report (`vanthu rules --json`).
#[napi]
pub fn rules<'env>(env: &'env Env) -> napi::Result<Unknown<'env>> {
    now(env, || Ok(api::rules()))
}

/// What an identifier is and its parts (one element of `vanthu id --json`).
#[napi]
pub fn identify<'env>(env: &'env Env, text: String) -> napi::Result<Unknown<'env>> {
    now(env, || Ok(api::identify(&text)))
}

/// Checks the Vietnamese text of a file (`vanthu text check --json`).
#[napi]
pub fn text_check<'env>(
    env: &'env Env,
    path: String,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, api::TextCheck>> {
    run(env, run_async, move || api::text_check(path.as_ref()))
}

/// Converts text to NFC Unicode (`vanthu text fix --json`); options `from`,
/// `capitals`, `keep_case`.
#[napi]
pub fn text_fix<'env>(
    env: &'env Env,
    text: Either<String, Uint8Array>,
    options: Option<Value>,
) -> napi::Result<Unknown<'env>> {
    let args: api::TextFixArgs = args(env, options, &[])?;
    let input: &[u8] = match &text {
        Either::A(text) => text.as_bytes(),
        Either::B(bytes) => bytes,
    };
    now(env, || api::text_fix(input, &args))
}

/// Checks a file or a folder: the array `vanthu check --json` prints.
#[napi]
pub fn check<'env>(
    env: &'env Env,
    path: String,
    options: Option<Value>,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, Vec<vanthu::FileReport>>> {
    let args: api::CheckArgs = args(env, options, PATH_LISTS)?;
    run(env, run_async, move || api::check(path.as_ref(), &args))
}

/// Checks one file given as bytes, named `name` in the report.
#[napi]
pub fn check_bytes<'env>(
    env: &'env Env,
    name: String,
    bytes: Uint8Array,
    options: Option<Value>,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, vanthu::FileReport>> {
    let args: api::CheckArgs = args(env, options, PATH_LISTS)?;
    if run_async != Some(true) {
        // Read in place: JS waits for the call.
        return now(env, || api::check_bytes(&name, &bytes, &args)).map(Either::A);
    }
    // Copied: the pool's thread must not read memory JS may change meanwhile.
    let bytes = bytes.to_vec();
    run(env, run_async, move || {
        api::check_bytes(&name, &bytes, &args)
    })
}

/// The header fields and attachments of an edXML package (`vanthu inspect --json`).
#[napi]
pub fn inspect<'env>(
    env: &'env Env,
    path: String,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, vanthu::inspect::Summary>> {
    run(env, run_async, move || api::inspect(path.as_ref()))
}

/// Rewrites an edXML package in the strict canonical form into `output`
/// (`vanthu normalize --json`).
#[napi]
pub fn normalize<'env>(
    env: &'env Env,
    path: String,
    output: String,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, api::Written>> {
    run(env, run_async, move || {
        api::normalize(path.as_ref(), output.as_ref())
    })
}

/// Writes the attachments of an edXML package into the folder `output`
/// (`vanthu extract --json`); options `unzip`, `max_bytes`.
#[napi]
pub fn extract<'env>(
    env: &'env Env,
    path: String,
    output: String,
    options: Option<Value>,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, Vec<api::Extracted>>> {
    let args: api::ExtractArgs = args(env, options, &[])?;
    run(env, run_async, move || {
        api::extract(path.as_ref(), output.as_ref(), &args)
    })
}

/// The whole model of an edXML package (`vanthu inspect --model`).
#[napi]
pub fn model<'env>(
    env: &'env Env,
    path: String,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, vanthu::edxml::Package>> {
    run(env, run_async, move || api::model(path.as_ref()))
}

/// Writes an edXML package from its model (an object, or its JSON text) and
/// the files of its attachments, in order, streamed (`vanthu write --json`).
#[napi]
pub fn write<'env>(
    env: &'env Env,
    package: Value,
    attachments: Vec<String>,
    output: String,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, api::PackageWritten>> {
    let package = match package {
        Value::String(json) => api::parse_model(&json).map_err(|e| thrown(env, &e))?,
        mut object => {
            js_numbers::integers(&mut object);
            serde_json::from_value::<vanthu::edxml::Package>(object).map_err(|e| {
                invalid(
                    env,
                    format!("the package is not an object of the edXML model's schema: {e}"),
                    format!("gói tin không phải là đối tượng theo lược đồ mô hình edXML: {e}"),
                )
            })?
        }
    };
    let attachments: Vec<PathBuf> = attachments.into_iter().map(PathBuf::from).collect();
    run(env, run_async, move || {
        api::write_package(&package, &attachments, output.as_ref())
    })
}

/// Verifies every signature of a PDF (`vanthu verify --json`).
#[napi]
pub fn verify_pdf<'env>(
    env: &'env Env,
    path: String,
    trust: Vec<String>,
    options: Option<Value>,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, vanthu::signature::DocumentReport>> {
    let args: api::VerifyArgs = args(env, options, PATH_LISTS)?;
    let trust: Vec<PathBuf> = trust.into_iter().map(PathBuf::from).collect();
    run(env, run_async, move || {
        api::verify_pdf(path.as_ref(), &trust, &args)
    })
}

/// Signing, first step: what an external signer (a USB token, an HSM) must sign.
#[napi]
pub fn sign_prepare<'env>(
    env: &'env Env,
    pdf: String,
    certificate: String,
    options: Option<Value>,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, api::SignPrepared>> {
    let args: api::SignArgs = args(env, options, PATH_LISTS)?;
    run(env, run_async, move || {
        api::sign_prepare(pdf.as_ref(), certificate.as_ref(), &args)
    })
}

/// Signing, second step: writes the signed PDF with the signer's signature value.
#[napi]
pub fn sign_finish<'env>(
    env: &'env Env,
    prepared: Value,
    signature: Uint8Array,
    output: String,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, api::SignedPdf>> {
    let mut prepared = prepared;
    js_numbers::integers(&mut prepared);
    let prepared: api::SignPrepared = serde_json::from_value(prepared).map_err(|e| {
        invalid(
            env,
            format!("not what signPrepare returned: {e}"),
            format!("không phải kết quả của signPrepare: {e}"),
        )
    })?;
    let signature = signature.to_vec();
    run(env, run_async, move || {
        api::sign_finish(&prepared, &signature, output.as_ref())
    })
}

/// Writes the status package that answers a document package (`vanthu reply --json`).
#[napi]
pub fn reply<'env>(
    env: &'env Env,
    path: String,
    status: String,
    from_agency: String,
    output: String,
    options: Option<Value>,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, api::ReplyWritten>> {
    let args: api::ReplyArgs = args(env, options, &[])?;
    run(env, run_async, move || {
        api::reply(path.as_ref(), &status, &from_agency, output.as_ref(), &args)
    })
}

/// Replays a workflow event log (`vanthu replay --json`).
#[napi]
pub fn replay<'env>(
    env: &'env Env,
    log_path: String,
    options: Option<Value>,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, vanthu::workflow::monitor::ReplayReport>> {
    let args: api::ReplayArgs = args(env, options, &[])?;
    run(env, run_async, move || {
        api::replay(log_path.as_ref(), &args)
    })
}

/// Checks an archival package, ZIP or folder (`vanthu archive check --json`).
#[napi]
pub fn archive_check<'env>(
    env: &'env Env,
    path: String,
    options: Option<Value>,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, vanthu::archive::package::PackageReport>> {
    let args: api::ArchiveCheckArgs = args(env, options, &[])?;
    run(env, run_async, move || {
        api::archive_check(path.as_ref(), &args)
    })
}

/// Packs a record as an archival package (`vanthu archive pack --json`).
#[napi]
pub fn archive_pack<'env>(
    env: &'env Env,
    spec_path: String,
    output: String,
    options: Option<Value>,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, api::Packed>> {
    let args: api::PackArgs = args(env, options, &[])?;
    run(env, run_async, move || {
        api::archive_pack(spec_path.as_ref(), output.as_ref(), &args)
    })
}

/// The options of [`retention`].
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RetentionOptions {
    /// The archives law: 2011 or 2024 (the facade's default when left out).
    law: Option<i32>,
}

/// Retention and disposal of a record on a date (`vanthu retention --json`);
/// option `law`.
#[napi]
pub fn retention<'env>(
    env: &'env Env,
    record_path: String,
    at: String,
    options: Option<Value>,
    run_async: Option<bool>,
) -> napi::Result<Returned<'env, vanthu::archive::RetentionEvaluation>> {
    let RetentionOptions { law } = args(env, options, &[])?;
    run(env, run_async, move || {
        api::retention(record_path.as_ref(), &at, law)
    })
}

/// A deadline in working days or by rule (`vanthu due --json`).
#[napi]
pub fn due<'env>(
    env: &'env Env,
    start: String,
    options: Option<Value>,
) -> napi::Result<Unknown<'env>> {
    let args: api::DueArgs = args(env, options, &[])?;
    now(env, || api::due(&start, &args))
}

/// The lunar date of a solar date (`vanthu lunar --json`).
#[napi]
pub fn lunar<'env>(env: &'env Env, date: String) -> napi::Result<Unknown<'env>> {
    now(env, || api::lunar(&date))
}

/// The solar date of a lunar date (`vanthu lunar --to-solar --json`).
#[napi]
pub fn lunar_to_solar<'env>(
    env: &'env Env,
    lunar: String,
    leap: Option<bool>,
) -> napi::Result<Unknown<'env>> {
    now(env, || api::lunar_to_solar(&lunar, leap.unwrap_or(false)))
}

/// A year's days off and working days (`vanthu calendar --json`).
#[napi]
pub fn calendar<'env>(env: &'env Env, year: i32) -> napi::Result<Unknown<'env>> {
    now(env, || api::calendar(year))
}

/// The options of [`NativeOffice::new`].
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct OfficeOptions {
    /// The rule set: `national` (the default), `ho-chi-minh-city`, `nam-dinh`, `quang-nam`.
    rules: Option<String>,
}

/// One agency's office, driven event by event; `index.js` wraps it as
/// `Office`. Its state is freed by `close()`, or by the garbage collector's
/// finalizer when it was never closed (closing twice is harmless).
#[napi]
pub struct NativeOffice {
    inner: Option<api::Office>,
}

#[napi]
impl NativeOffice {
    /// The empty office of the agency `agency`; option `rules`, the rule
    /// set (`national` when left out).
    #[napi(constructor)]
    pub fn new(env: &Env, agency: String, options: Option<Value>) -> napi::Result<Self> {
        let OfficeOptions { rules } = args(env, options, &[])?;
        api::Office::new(&agency, rules.as_deref())
            .map(|inner| Self { inner: Some(inner) })
            .map_err(|e| thrown(env, &e))
    }

    /// Applies one event (an object or its JSON text): the effects, what the
    /// embedding system must do next. A refused event leaves the office unchanged.
    #[napi]
    pub fn apply<'env>(&mut self, env: &'env Env, event: Value) -> napi::Result<Unknown<'env>> {
        let json = match event {
            Value::String(json) => json,
            mut event => {
                js_numbers::integers(&mut event);
                event.to_string()
            }
        };
        let office = self.open(env)?;
        now(env, || office.apply(&json))
    }

    /// The office's state, as `vanthu replay --json` prints it (`state`).
    #[napi]
    pub fn snapshot<'env>(&mut self, env: &'env Env) -> napi::Result<Unknown<'env>> {
        let office = self.open(env)?;
        now(env, || Ok(office.snapshot()))
    }

    /// Frees the office's state now; later calls throw `invalid_argument`.
    #[napi]
    pub fn close(&mut self) {
        self.inner = None;
    }

    /// Whether `close()` was called.
    #[napi(getter)]
    pub fn closed(&self) -> bool {
        self.inner.is_none()
    }

    fn open(&mut self, env: &Env) -> napi::Result<&mut api::Office> {
        match self.inner.as_mut() {
            Some(office) => Ok(office),
            None => Err(invalid(
                env,
                "the office is closed".to_owned(),
                "văn phòng đã đóng".to_owned(),
            )),
        }
    }
}
