#![doc = include_str!("../README.md")]
// The one crate of vanthu that needs `unsafe`: C passes raw pointers. Every
// unsafe block is documented (`clippy::undocumented_unsafe_blocks`), and all
// pointer handling is in `boundary`.

mod boundary;

use std::ffi::{CString, c_char};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use vanthu::api;

use boundary::{arg_bytes, arg_json, arg_opt_str, arg_options, arg_path, arg_str, call};

/// Frees a string that vanthu returned (through `out_json` or `out_error`).
/// Every such string must be freed exactly once, with this function and
/// nothing else. `NULL` is ignored.
///
/// # Safety
/// `s` is `NULL` or a string returned by vanthu and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_free(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: the caller guarantees `s` came from `CString::into_raw`
        // in this library and was not freed.
        drop(unsafe { CString::from_raw(s) });
    }
}

/// The version of vanthu, as a JSON string (`"0.1.0"`).
///
/// Every function returns 0 on success and sets `*out_json` to its result
/// as JSON, or returns the error's code (`docs/bindings.md` §2) and sets
/// `*out_error` to the error as JSON `{code, kind, message, message_vi,
/// location?, rule?}`; the other out-parameter is set to `NULL`. Strings
/// passed in are borrowed for the call; strings returned are owned by the
/// caller and freed with `vanthu_free`. With a `NULL` out-parameter
/// nothing is written and 1 is returned.
///
/// # Safety
/// `out_json` and `out_error` are writable pointers (or `NULL`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_version(
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe { call(out_json, out_error, || Ok(api::version())) }
}

/// Every rule id vanthu can report: a JSON array of `{id, severity, title,
/// title_vi, source}` (`vanthu rules --json`). Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_version`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_rules(
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe { call(out_json, out_error, || Ok(api::rules())) }
}

/// What `text` (UTF-8) is and its parts: one element of `vanthu id --json`.
/// Ownership as `vanthu_version`.
///
/// # Safety
/// `text` is a NUL-terminated string (or `NULL`: error 1); out-parameters
/// as `vanthu_version`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_identify(
    text: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            Ok(api::identify(arg_str(text, "text")?))
        })
    }
}

/// Checks a text file against TCVN 6909:2001 (`vanthu text check --json`).
/// Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_identify`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_text_check(
    path: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            api::text_check(&arg_path(path, "path")?)
        })
    }
}

/// Converts `len` bytes of text (UTF-8, or legacy TCVN3/VNI) to NFC
/// Unicode: `{text, encoding, action, confidence?, note}`. `options_json`:
/// `{"from": "auto"|"tcvn3"|"vni", "capitals": bool, "keep_case": bool}` or
/// `NULL`. Ownership as `vanthu_version`.
///
/// # Safety
/// `bytes` is valid for `len` bytes (or `NULL` with `len` 0);
/// `options_json` is `NULL` or a NUL-terminated string; out-parameters as
/// `vanthu_version`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_text_fix(
    bytes: *const u8,
    len: usize,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let args: api::TextFixArgs = arg_options(options_json, "options_json")?;
            api::text_fix(arg_bytes(bytes, len, "bytes")?, &args)
        })
    }
}

/// Checks a file or a folder: the array `vanthu check --json` prints.
/// `options_json`: the fields of `vanthu::api::CheckArgs` (`trust`, `crls`,
/// `ocsps`, `at`, `strict`, `profile`, `roles`, `legacy_sha1`, `jobs`) or
/// `NULL`. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_check(
    path: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let args: api::CheckArgs = arg_options(options_json, "options_json")?;
            api::check(&arg_path(path, "path")?, &args)
        })
    }
}

/// Checks one file given as `len` bytes, named `name` in the report: one
/// element of `vanthu check --json`. Options as `vanthu_check`. Ownership
/// as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_check_bytes(
    name: *const c_char,
    bytes: *const u8,
    len: usize,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let args: api::CheckArgs = arg_options(options_json, "options_json")?;
            api::check_bytes(
                arg_str(name, "name")?,
                arg_bytes(bytes, len, "bytes")?,
                &args,
            )
        })
    }
}

/// The header fields, attachments and findings of an edXML package,
/// streamed from its file (`vanthu inspect --json`). Ownership as
/// `vanthu_version`.
///
/// # Safety
/// As `vanthu_identify`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_inspect(
    path: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            api::inspect(&arg_path(path, "path")?)
        })
    }
}

/// Rewrites the edXML package at `path` in the strict canonical form into
/// `output` (which may be `path`), streamed: `{file, size, sha256}`
/// (`vanthu normalize --json`). An attachment that is not valid Base64 is
/// error 4 (`EDXML-ATT-001`) and nothing is written. Ownership as
/// `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_normalize(
    path: *const c_char,
    output: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            api::normalize(&arg_path(path, "path")?, &arg_path(output, "output")?)
        })
    }
}

/// Writes the attachments of the edXML package at `path` into the folder
/// `output` (created if needed), streamed, under safe unique names: the
/// JSON array `vanthu extract --json` prints. `options_json`: `{unzip,
/// max_bytes}` or `NULL`. An attachment that cannot be decoded, or the cap
/// `max_bytes` crossed, is an error (3) and every file written is removed.
/// Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_extract(
    path: *const c_char,
    output: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let args: api::ExtractArgs = arg_options(options_json, "options_json")?;
            api::extract(
                &arg_path(path, "path")?,
                &arg_path(output, "output")?,
                &args,
            )
        })
    }
}

/// The model of the edXML package at `path` as JSON: the serde form of
/// `vanthu_edxml::Package`, tagged by `kind` (`document` or `status`),
/// everything but the attachments' content (`vanthu_extract` writes that):
/// what `vanthu_write` takes back. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_model(
    path: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe { call(out_json, out_error, || api::model(&arg_path(path, "path")?)) }
}

/// Writes to `output` the edXML package whose model is `package_json` (the
/// JSON `vanthu_model` gives), in the strict canonical form, attachment *i*
/// streamed from the file `attachments_json[i]` (a JSON array of paths, as
/// many as the model has attachments; `NULL` for none): `{file, size,
/// sha256, kind, document_id, attachments}`. JSON that is not a model is
/// error 1 with its line and column; a wrong number of files or a model
/// the writer refuses is error 1; a file that cannot be read is error 2;
/// nothing is left written on error. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_write(
    package_json: *const c_char,
    attachments_json: *const c_char,
    output: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let attachments: Vec<PathBuf> = match arg_opt_str(attachments_json, "attachments_json")?
            {
                None => Vec::new(),
                Some(_) => arg_json(attachments_json, "attachments_json")?,
            };
            api::write(
                arg_str(package_json, "package_json")?,
                &attachments,
                &arg_path(output, "output")?,
            )
        })
    }
}

/// Trust anchors as C passes them: a JSON string (one path) or a JSON
/// array of paths; `NULL` for none.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Trust {
    One(PathBuf),
    Many(Vec<PathBuf>),
}

/// Verifies every signature of a PDF and gives its legal value (`vanthu
/// verify --json`). `trust_json`: a JSON string (a certificate file or a
/// folder) or a JSON array of them, or `NULL`; `options_json`: the fields
/// of `vanthu::api::VerifyArgs` (`at`, `attachment`, `form`, `crls`,
/// `ocsps`, `legacy_sha1`, `roles`) or `NULL`. Ownership as
/// `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_verify_pdf(
    path: *const c_char,
    trust_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let trust = match arg_opt_str(trust_json, "trust_json")? {
                None => Vec::new(),
                Some(_) => match arg_json::<Trust>(trust_json, "trust_json")? {
                    Trust::One(p) => vec![p],
                    Trust::Many(v) => v,
                },
            };
            let args: api::VerifyArgs = arg_options(options_json, "options_json")?;
            api::verify_pdf(&arg_path(path, "path")?, &trust, &args)
        })
    }
}

/// The first step of signing a PDF with an external signer: what to sign
/// (`to_be_signed`, Base64, and its `digest`, hex) and with which `scheme`,
/// as a JSON object to give back to `vanthu_sign_finish` unchanged.
/// `options_json`: `{at, reason, location, chain, pss, digest}` or `NULL`.
/// Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_sign_prepare(
    pdf: *const c_char,
    certificate: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let args: api::SignArgs = arg_options(options_json, "options_json")?;
            api::sign_prepare(
                &arg_path(pdf, "pdf")?,
                &arg_path(certificate, "certificate")?,
                &args,
            )
        })
    }
}

/// The second step: writes to `output` the PDF prepared by
/// `vanthu_sign_prepare` (`prepared_json`, as it returned it) signed with
/// the `signature_len` bytes of `signature` (ECDSA: DER). Returns `{file,
/// size, sha256}`. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_sign_finish(
    prepared_json: *const c_char,
    signature: *const u8,
    signature_len: usize,
    output: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let prepared: api::SignPrepared = arg_json(prepared_json, "prepared_json")?;
            api::sign_finish(
                &prepared,
                arg_bytes(signature, signature_len, "signature")?,
                &arg_path(output, "output")?,
            )
        })
    }
}

/// Writes to `output` the status package (code `status`, from the agency
/// `from_agency`) answering the document package at `path`, unless the
/// workflow's rules refuse it (error 4, `rule` says why): `vanthu reply
/// --json`. `options_json`: `{from_name, description, at, rules}` or
/// `NULL`. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_reply(
    path: *const c_char,
    status: *const c_char,
    from_agency: *const c_char,
    output: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let args: api::ReplyArgs = arg_options(options_json, "options_json")?;
            api::reply(
                &arg_path(path, "path")?,
                arg_str(status, "status")?,
                arg_str(from_agency, "from_agency")?,
                &arg_path(output, "output")?,
                &args,
            )
        })
    }
}

/// Replays a workflow event log, streamed from its file (`vanthu replay
/// --json`). `options_json`: `{as_of, rules, next_day, same_day,
/// max_documents}` or `NULL`. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_replay(
    log_path: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let args: api::ReplayArgs = arg_options(options_json, "options_json")?;
            api::replay(&arg_path(log_path, "log_path")?, &args)
        })
    }
}

/// Checks an archival package, its ZIP or unpacked folder (`vanthu archive
/// check --json`). `options_json`: `{profile, at}` or `NULL`. Ownership as
/// `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_archive_check(
    path: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let args: api::ArchiveCheckArgs = arg_options(options_json, "options_json")?;
            api::archive_check(&arg_path(path, "path")?, &args)
        })
    }
}

/// Writes the archival package the JSON specification at `spec_path`
/// describes to `output` (`vanthu archive pack --json`). `options_json`:
/// `{dip, follow_links}` or `NULL`. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_archive_pack(
    spec_path: *const c_char,
    output: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let args: api::PackArgs = arg_options(options_json, "options_json")?;
            api::archive_pack(
                &arg_path(spec_path, "spec_path")?,
                &arg_path(output, "output")?,
                &args,
            )
        })
    }
}

/// The retention, transfer due dates and disposal state of the record in
/// the JSON file `record_path` on the date `at` (`YYYY-MM-DD`), under the
/// Archive Law of `law` (2011 or 2024; 0: the law in force on `at`):
/// `vanthu retention --json`. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_retention(
    record_path: *const c_char,
    at: *const c_char,
    law: i32,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            api::retention(
                &arg_path(record_path, "record_path")?,
                arg_str(at, "at")?,
                (law != 0).then_some(law),
            )
        })
    }
}

/// A deadline from `start` (`vanthu due --json`). `options_json`:
/// `{working_days, rule, urgent, next_day, same_day}` (`working_days` or
/// `rule` required). Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_text_fix` for the strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_due(
    start: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let args: api::DueArgs = arg_options(options_json, "options_json")?;
            api::due(arg_str(start, "start")?, &args)
        })
    }
}

/// The lunar date of a solar `date` (`YYYY-MM-DD` or `D/M/YYYY`): `vanthu
/// lunar --json`. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_identify`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_lunar(
    date: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe { call(out_json, out_error, || api::lunar(arg_str(date, "date")?)) }
}

/// The solar date of the lunar date `lunar` (`D/M/YYYY`; `leap`: in the
/// leap month): `vanthu lunar --to-solar --json`. Error 7 when that year
/// has no such day. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_identify`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_lunar_to_solar(
    lunar: *const c_char,
    leap: bool,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            api::lunar_to_solar(arg_str(lunar, "lunar")?, leap)
        })
    }
}

/// A year's days off and working days, 1900–2100 (`vanthu calendar
/// --json`). Ownership as `vanthu_version`.
///
/// # Safety
/// Out-parameters as `vanthu_version`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_calendar(
    year: i32,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe { call(out_json, out_error, || api::calendar(year)) }
}

/// One agency's office, driven event by event. Opaque: made by
/// `vanthu_office_new`, freed by `vanthu_office_free`. A handle may be
/// used from several threads: its calls take turns.
pub struct VanthuOffice {
    office: Mutex<api::Office>,
}

/// Makes the empty office of the agency `agency` (its agency id) working
/// under the rules `rules` (`NULL`: national; `ho-chi-minh-city`,
/// `phu-nhuan`, `nam-dinh`, `quang-nam`). On success returns 0 and sets
/// `*out_office` to a handle the caller owns and frees with
/// `vanthu_office_free`; on failure returns the error's code, sets
/// `*out_office` to `NULL` and `*out_error` to the error as JSON (free it
/// with `vanthu_free`).
///
/// # Safety
/// `agency` is a NUL-terminated string, `rules` one or `NULL`;
/// `out_office` and `out_error` are writable (or `NULL`: nothing written,
/// 1 returned).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_office_new(
    agency: *const c_char,
    rules: *const c_char,
    out_office: *mut *mut VanthuOffice,
    out_error: *mut *mut c_char,
) -> i32 {
    if out_office.is_null() || out_error.is_null() {
        return api::ApiErrorKind::InvalidArgument.code() as i32;
    }
    // SAFETY: checked non-null; the caller guarantees it is writable.
    unsafe { *out_office = std::ptr::null_mut() };
    let made = std::panic::catch_unwind(|| {
        // SAFETY: as the caller guarantees.
        let agency = unsafe { arg_str(agency, "agency") }?;
        // SAFETY: as the caller guarantees.
        let rules = unsafe { arg_opt_str(rules, "rules") }?;
        api::Office::new(agency, rules)
    })
    .unwrap_or_else(|_| Err(boundary::panicked()));
    let mut unused = std::ptr::null_mut();
    match made {
        Ok(office) => {
            let handle = Box::new(VanthuOffice {
                office: Mutex::new(office),
            });
            // SAFETY: checked non-null and writable, as above.
            unsafe {
                *out_office = Box::into_raw(handle);
                *out_error = std::ptr::null_mut();
            }
            0
        }
        // SAFETY: `unused` is a local; `out_error` is writable.
        Err(error) => unsafe { boundary::deliver(Err(error), &mut unused, out_error) },
    }
}

/// The office of a handle, or error 1 for `NULL`.
///
/// # Safety
/// `office` is `NULL` or a live handle from `vanthu_office_new`.
unsafe fn arg_office<'a>(office: *const VanthuOffice) -> Result<&'a VanthuOffice, api::ApiError> {
    if office.is_null() {
        return Err(
            api::ApiError::invalid("office: NULL where a handle is required")
                .with_message_vi("tham số office không hợp lệ"),
        );
    }
    // SAFETY: non-null; the caller guarantees a live handle.
    Ok(unsafe { &*office })
}

/// Applies one event (JSON of the log's schema: `{"at": …, "type": …}`) to
/// the office: the JSON array of effects (what the system must do next).
/// A refused event is error 4 (`rule` says why) and leaves the office
/// unchanged. The handle is borrowed. Ownership as `vanthu_version`.
///
/// # Safety
/// `office` is `NULL` or a live handle; `event_json` a NUL-terminated
/// string; out-parameters as `vanthu_version`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_office_apply(
    office: *const VanthuOffice,
    event_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let handle = arg_office(office)?;
            let event = arg_str(event_json, "event_json")?;
            let mut office = handle.office.lock().unwrap_or_else(PoisonError::into_inner);
            office.apply(event)
        })
    }
}

/// The office's state as JSON (the `state` of `vanthu replay --json`). The
/// handle is borrowed. Ownership as `vanthu_version`.
///
/// # Safety
/// As `vanthu_office_apply`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_office_snapshot(
    office: *const VanthuOffice,
    out_json: *mut *mut c_char,
    out_error: *mut *mut c_char,
) -> i32 {
    // SAFETY: as the caller guarantees.
    unsafe {
        call(out_json, out_error, || {
            let handle = arg_office(office)?;
            let office = handle.office.lock().unwrap_or_else(PoisonError::into_inner);
            Ok(office.snapshot().clone())
        })
    }
}

/// Frees an office handle. `NULL` is ignored.
///
/// # Safety
/// `office` is `NULL` or a handle from `vanthu_office_new` not yet freed,
/// and no other call is using it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vanthu_office_free(office: *mut VanthuOffice) {
    if !office.is_null() {
        // SAFETY: the caller guarantees it came from `Box::into_raw` here
        // and was not freed.
        drop(unsafe { Box::from_raw(office) });
    }
}
