//! The boundary: C strings and buffers in, JSON out, every call inside
//! `catch_unwind`. The only place that reads or writes raw pointers.

use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use serde::Serialize;
use serde::de::DeserializeOwned;
use vanthu::api::{ApiError, ApiErrorKind};

/// Runs `f` and hands its result to C: `0` and `*out_json` on success, the
/// error's code and `*out_error` on failure, `99` (`internal`) when `f`
/// panics. Both out-parameters are set (one to `NULL`) before anything else.
///
/// # Safety
/// `out_json` and `out_error` are null or valid for one write of a pointer.
pub(crate) unsafe fn call<T: Serialize>(
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
    f: impl FnOnce() -> Result<T, ApiError>,
) -> i32 {
    let outcome = catch_unwind(AssertUnwindSafe(|| f().and_then(|v| to_json(&v))));
    let result = outcome.unwrap_or_else(|_| Err(panicked()));
    // SAFETY: the caller guarantees both are null or writable.
    unsafe { deliver(result, out_json, out_error) }
}

/// Writes `result` to the out-parameters; returns the status code.
///
/// # Safety
/// As [`call`].
pub(crate) unsafe fn deliver(
    result: Result<CString, ApiError>,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    if out_json.is_null() || out_error.is_null() {
        return ApiErrorKind::InvalidArgument.code() as i32;
    }
    // SAFETY: both checked non-null; the caller guarantees they are writable.
    unsafe {
        *out_json = std::ptr::null_mut();
        *out_error = std::ptr::null_mut();
    }
    match result {
        Ok(json) => {
            // SAFETY: as above.
            unsafe { *out_json = json.into_raw() };
            0
        }
        Err(error) => {
            let code = error.code as i32;
            // SAFETY: as above.
            unsafe { *out_error = error_json(&error).into_raw() };
            code
        }
    }
}

/// The error of a call that panicked.
pub(crate) fn panicked() -> ApiError {
    ApiError::new(
        ApiErrorKind::Internal,
        "internal error: vanthu panicked; please report it with the input that caused it",
    )
}

/// `value` as a JSON C string. serde_json escapes U+0000, so there is no
/// NUL inside.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<CString, ApiError> {
    let text = serde_json::to_string(value).map_err(|e| {
        ApiError::new(
            ApiErrorKind::Internal,
            format!("cannot serialise the result: {e}"),
        )
    })?;
    CString::new(text)
        .map_err(|e| ApiError::new(ApiErrorKind::Internal, format!("NUL in JSON: {e}")))
}

/// The error as JSON; an error that cannot be serialised (it always can)
/// falls back to a fixed text.
pub(crate) fn error_json(error: &ApiError) -> CString {
    to_json(error).unwrap_or_else(|_| {
        CString::from(
            c"{\"code\":99,\"kind\":\"internal\",\"message\":\"cannot serialise an error\",\"message_vi\":\"lỗi nội bộ của vanthu\"}",
        )
    })
}

fn invalid(name: &str, problem: &str) -> ApiError {
    ApiError::invalid(format!("{name}: {problem}"))
        .with_message_vi(format!("tham số {name} không hợp lệ"))
}

/// A required string argument.
///
/// # Safety
/// `p` is null or a NUL-terminated string valid for the call.
pub(crate) unsafe fn arg_str<'a>(p: *const c_char, name: &str) -> Result<&'a str, ApiError> {
    if p.is_null() {
        return Err(invalid(name, "NULL where a string is required"));
    }
    // SAFETY: non-null, and the caller guarantees a NUL-terminated string.
    let c = unsafe { CStr::from_ptr(p) };
    c.to_str()
        .map_err(|e| invalid(name, &format!("not UTF-8 ({e})")))
}

/// An optional string argument: `NULL` is `None`.
///
/// # Safety
/// As [`text`].
pub(crate) unsafe fn arg_opt_str<'a>(
    p: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, ApiError> {
    if p.is_null() {
        return Ok(None);
    }
    // SAFETY: as the caller guarantees.
    unsafe { arg_str(p, name) }.map(Some)
}

/// A path argument.
///
/// # Safety
/// As [`text`].
pub(crate) unsafe fn arg_path(p: *const c_char, name: &str) -> Result<PathBuf, ApiError> {
    // SAFETY: as the caller guarantees.
    unsafe { arg_str(p, name) }.map(PathBuf::from)
}

/// A byte buffer: `NULL` is allowed only with length 0.
///
/// # Safety
/// `p` is null or valid for reads of `len` bytes for the call.
pub(crate) unsafe fn arg_bytes<'a>(
    p: *const u8,
    len: usize,
    name: &str,
) -> Result<&'a [u8], ApiError> {
    if p.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(invalid(name, "NULL with a non-zero length"))
        };
    }
    if len > isize::MAX as usize {
        return Err(invalid(name, "length too large"));
    }
    // SAFETY: non-null, the caller guarantees `len` readable bytes, and the
    // length fits an allocation.
    Ok(unsafe { std::slice::from_raw_parts(p, len) })
}

/// Options given as a JSON object, or their defaults for `NULL`.
///
/// # Safety
/// As [`text`].
pub(crate) unsafe fn arg_options<T: DeserializeOwned + Default>(
    p: *const c_char,
    name: &str,
) -> Result<T, ApiError> {
    // SAFETY: as the caller guarantees.
    match unsafe { arg_opt_str(p, name) }? {
        None => Ok(T::default()),
        Some(json) => serde_json::from_str(json)
            .map_err(|e| invalid(name, &format!("not JSON of the options' schema: {e}"))),
    }
}

/// A JSON value of type `T` (required).
///
/// # Safety
/// As [`text`].
pub(crate) unsafe fn arg_json<T: DeserializeOwned>(
    p: *const c_char,
    name: &str,
) -> Result<T, ApiError> {
    // SAFETY: as the caller guarantees.
    let json = unsafe { arg_str(p, name) }?;
    serde_json::from_str(json).map_err(|e| invalid(name, &format!("not JSON of its schema: {e}")))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;

    #[test]
    fn a_panic_is_error_99_not_an_unwind_into_c() {
        let (mut json, mut error) = (std::ptr::null_mut(), std::ptr::null_mut());
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        // SAFETY: two local out-parameters.
        let status = unsafe { call::<()>(&mut json, &mut error, || panic!("a bug")) };
        std::panic::set_hook(hook);
        assert_eq!(status, 99);
        assert!(json.is_null());
        // SAFETY: vanthu set it to a string it owns; freed once.
        let text = unsafe { CString::from_raw(error) }.into_string().unwrap();
        assert!(
            text.starts_with("{\"code\":99,\"kind\":\"internal\""),
            "{text}"
        );
    }
}
