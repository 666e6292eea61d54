#![doc = include_str!("../../README.md")]
// The native part of the `vn.vanthu` Java package: the native methods of
// the Java class `vn.vanthu.Native`, each calling [`vanthu::api`] directly.
//
// Arguments come in as Java strings (paths, times, JSON of the options
// that the Java option classes write) and byte arrays. Every result is the
// facade's value converted to Java objects with no JSON parser on the Java
// side: a JSON object is a `java.util.LinkedHashMap` (keys in the order the
// CLI prints them), an array a `java.util.ArrayList`, a string a `String`, an
// integer a `Long`, another number a `Double`, `true`/`false` a `Boolean`,
// `null` is `null`. Every error is thrown as a `vn.vanthu.VanthuException`
// (the subclass of its kind) with the stable code of `docs/bindings.md`; a
// panic is caught and thrown as code 99, never unwound into the JVM.

mod convert;
pub mod office;

use std::path::{Path, PathBuf};

use jni::errors::{Error as JniError, ErrorPolicy};
use jni::objects::{JByteArray, JClass, JObject, JObjectArray, JString};
use jni::{Env, EnvUnowned};
use serde::Serialize;
use serde::de::DeserializeOwned;
use vanthu::api::{self, ApiError, ApiErrorKind};

use convert::{throw, to_java};

/// What a native method does on a failure of its own (a JNI call that
/// failed, a panic): a pending Java exception is left to propagate, anything
/// else is thrown as `VanthuException` code 99 (`internal`). Never unwinds.
#[derive(Debug, Default)]
struct ThrowInternal;

impl<T: Default> ErrorPolicy<T, JniError> for ThrowInternal {
    type Captures<'unowned_env_local: 'native_method, 'native_method> = ();

    fn on_error<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _cap: &mut Self::Captures<'unowned_env_local, 'native_method>,
        err: JniError,
    ) -> jni::errors::Result<T> {
        if !env.exception_check() {
            let error = ApiError::new(
                ApiErrorKind::Internal,
                format!("internal error (a bug in vanthu, please report it): JNI: {err}"),
            );
            // The exception is now pending: what `throw` returns says so.
            let _pending = throw(env, &error);
        }
        Ok(T::default())
    }

    fn on_panic<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _cap: &mut Self::Captures<'unowned_env_local, 'native_method>,
        payload: Box<dyn std::any::Any + Send + 'static>,
    ) -> jni::errors::Result<T> {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        // The payload is dropped here, after its text was read; a payload
        // whose drop panics is the policy's last resort (`on_internal_panic`).
        drop(payload);
        if env.exception_check() {
            env.exception_clear();
        }
        let error = ApiError::new(
            ApiErrorKind::Internal,
            format!("internal error (a bug in vanthu, please report it): {what}"),
        );
        let _pending = throw(env, &error);
        Ok(T::default())
    }
}

/// A Java string argument (`null` is refused as `invalid_argument`).
fn string(env: &Env<'_>, value: &JString<'_>, name: &str) -> Result<String, Failure> {
    if value.is_null() {
        return Err(Failure::Api(ApiError::invalid(format!("{name} is null"))));
    }
    Ok(value.try_to_string(env)?)
}

/// A Java string argument that may be `null`.
fn optional_string(env: &Env<'_>, value: &JString<'_>) -> Result<Option<String>, Failure> {
    if value.is_null() {
        return Ok(None);
    }
    Ok(Some(value.try_to_string(env)?))
}

/// Why a native method did not return a value: an error of the facade (to
/// throw as `VanthuException`) or of JNI (an exception may be pending).
#[derive(Debug)]
enum Failure {
    Api(ApiError),
    Jni(JniError),
}

impl From<JniError> for Failure {
    fn from(e: JniError) -> Self {
        Self::Jni(e)
    }
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Self {
        Self::Api(e)
    }
}

/// Runs the body of a native method: its value, or its failure turned into
/// a pending Java exception ([`settle`], then [`ThrowInternal`] for a JNI
/// error or a panic), so that nothing unwinds into the JVM.
fn native<'local, T: Default>(
    unowned: &mut EnvUnowned<'local>,
    body: impl FnOnce(&mut Env<'local>) -> Result<T, Failure>,
) -> T {
    unowned
        .with_env(|env| {
            let result = body(env);
            settle(env, result)
        })
        .resolve::<ThrowInternal>()
}

/// Turns a failure into what the JVM sees: a `VanthuException` thrown for
/// an error of the facade, the JNI error for [`ThrowInternal`] otherwise.
fn settle<T: Default>(env: &mut Env<'_>, result: Result<T, Failure>) -> jni::errors::Result<T> {
    match result {
        Ok(value) => Ok(value),
        Err(Failure::Api(error)) => throw(env, &error).map(|()| T::default()),
        Err(Failure::Jni(error)) => Err(error),
    }
}

/// The arguments of one call of [`vanthu::api`], as the Java side passes
/// them to `Native.call`.
struct Call<'a> {
    /// The positional arguments, in the order of `docs/bindings.md`.
    args: &'a [String],
    /// The bytes argument (`check_bytes`, `text_fix`, `sign_finish`).
    bytes: Option<&'a [u8]>,
    /// The options as JSON (the fields of `docs/bindings.md`), or none.
    options: Option<&'a str>,
}

impl Call<'_> {
    /// Positional argument `i`, named `name` in the error when missing.
    fn arg(&self, i: usize, name: &str) -> Result<&str, ApiError> {
        self.args
            .get(i)
            .map(String::as_str)
            .ok_or_else(|| ApiError::invalid(format!("missing argument {name}")))
    }

    fn path(&self, i: usize, name: &str) -> Result<PathBuf, ApiError> {
        self.arg(i, name).map(PathBuf::from)
    }

    /// The positional arguments from `i` on, as paths.
    fn paths_from(&self, i: usize) -> Vec<PathBuf> {
        self.args.iter().skip(i).map(PathBuf::from).collect()
    }

    fn bytes(&self) -> Result<&[u8], ApiError> {
        self.bytes
            .ok_or_else(|| ApiError::invalid("missing argument bytes"))
    }

    /// The options, as the facade's argument struct: an unknown field is
    /// refused, as in the C ABI.
    fn options<T: DeserializeOwned + Default>(&self) -> Result<T, ApiError> {
        match self.options {
            None => Ok(T::default()),
            Some(json) => serde_json::from_str(json).map_err(|e| {
                ApiError::invalid(format!("invalid options: {e}"))
                    .with_message_vi(format!("tùy chọn không hợp lệ: {e}"))
            }),
        }
    }
}

/// The facade's value as JSON text, which [`to_java`] reads in order.
fn json<T: Serialize>(value: Result<T, ApiError>) -> Result<String, ApiError> {
    let value = value?;
    serde_json::to_string(&value).map_err(|e| {
        ApiError::new(
            ApiErrorKind::Internal,
            format!("internal error (a bug in vanthu, please report it): {e}"),
        )
    })
}

/// Runs the facade's function `function` on `call`: its value as JSON.
fn dispatch(function: &str, call: &Call<'_>) -> Result<String, ApiError> {
    let c = call;
    match function {
        "version" => json(Ok(api::version())),
        "rules" => json(Ok(api::rules())),
        "identify" => json(Ok(api::identify(c.arg(0, "text")?))),
        "text_check" => json(api::text_check(&c.path(0, "path")?)),
        "text_fix" => json(api::text_fix(c.bytes()?, &c.options()?)),
        "check" => json(api::check(&c.path(0, "path")?, &c.options()?)),
        "check_bytes" => json(api::check_bytes(
            c.arg(0, "name")?,
            c.bytes()?,
            &c.options()?,
        )),
        "inspect" => json(api::inspect(&c.path(0, "path")?)),
        "normalize" => json(api::normalize(&c.path(0, "path")?, &c.path(1, "output")?)),
        "extract" => json(api::extract(
            &c.path(0, "path")?,
            &c.path(1, "output")?,
            &c.options()?,
        )),
        "model" => json(api::model(&c.path(0, "path")?)),
        "write" => json(api::write(
            c.arg(0, "package")?,
            &c.paths_from(2),
            Path::new(c.arg(1, "output")?),
        )),
        "verify_pdf" => json(api::verify_pdf(
            &c.path(0, "path")?,
            &c.paths_from(1),
            &c.options()?,
        )),
        "sign_prepare" => json(api::sign_prepare(
            &c.path(0, "pdf")?,
            &c.path(1, "certificate")?,
            &c.options()?,
        )),
        "sign_finish" => {
            let prepared: api::SignPrepared =
                serde_json::from_str(c.arg(0, "prepared")?).map_err(|e| {
                    ApiError::invalid(format!("not what sign_prepare returned: {e}"))
                        .with_message_vi(format!("không phải kết quả của sign_prepare: {e}"))
                })?;
            json(api::sign_finish(
                &prepared,
                c.bytes()?,
                &c.path(1, "output")?,
            ))
        }
        "reply" => json(api::reply(
            &c.path(0, "path")?,
            c.arg(1, "status")?,
            c.arg(2, "from_agency")?,
            &c.path(3, "output")?,
            &c.options()?,
        )),
        "replay" => json(api::replay(&c.path(0, "log_path")?, &c.options()?)),
        "archive_check" => json(api::archive_check(&c.path(0, "path")?, &c.options()?)),
        "archive_pack" => json(api::archive_pack(
            &c.path(0, "spec_path")?,
            &c.path(1, "output")?,
            &c.options()?,
        )),
        "retention" => {
            let law = match c.args.get(2) {
                None => None,
                Some(law) => Some(law.parse::<i32>().map_err(|_| {
                    ApiError::invalid(format!("law {law:?}: expected 2011 or 2024"))
                })?),
            };
            json(api::retention(
                &c.path(0, "record_path")?,
                c.arg(1, "at")?,
                law,
            ))
        }
        "due" => json(api::due(c.arg(0, "start")?, &c.options()?)),
        "lunar" => json(api::lunar(c.arg(0, "date")?)),
        "lunar_to_solar" => json(api::lunar_to_solar(
            c.arg(0, "lunar")?,
            c.arg(1, "leap")? == "true",
        )),
        "calendar" => {
            let year = c.arg(0, "year")?;
            let year = year
                .parse::<i32>()
                .map_err(|_| ApiError::invalid(format!("year {year:?} is not a number")))?;
            json(api::calendar(year))
        }
        other => Err(ApiError::invalid(format!("no function {other:?}"))),
    }
}

/// `static native Object call(String function, String[] args, byte[] bytes,
/// String options)`: runs one function of the facade and returns its value
/// as Java objects, or throws `VanthuException`.
#[allow(unsafe_code)] // the JVM finds the method by this exported name
#[unsafe(no_mangle)]
pub extern "system" fn Java_vn_vanthu_Native_call<'caller>(
    mut unowned: EnvUnowned<'caller>,
    _class: JClass<'caller>,
    function: JString<'caller>,
    args: JObjectArray<'caller, JString<'caller>>,
    bytes: JByteArray<'caller>,
    options: JString<'caller>,
) -> JObject<'caller> {
    native(&mut unowned, |env| {
        let function = string(env, &function, "function")?;
        let mut strings = Vec::new();
        if !args.is_null() {
            for i in 0..args.len(env)? {
                let item = args.get_element(env, i)?;
                strings.push(string(env, &item, "argument")?);
                env.delete_local_ref(item);
            }
        }
        let bytes = if bytes.is_null() {
            None
        } else {
            Some(env.convert_byte_array(&bytes)?)
        };
        let options = optional_string(env, &options)?;
        let call = Call {
            args: &strings,
            bytes: bytes.as_deref(),
            options: options.as_deref(),
        };
        let value = dispatch(&function, &call)?;
        Ok(to_java(env, &value)?)
    })
}
