//! The facade every binding wraps: one function per task, named the same in
//! every language (snake_case in C and Python, camelCase in Java, C#, PHP
//! and Node), with plain arguments (paths, strings, RFC 3339 times,
//! `Option`s, a `#[non_exhaustive]` options struct with `Default` where
//! there are many optional ones, deserialisable from JSON) and results that
//! are exactly what the matching CLI command prints with `--json`: the CLI
//! prints these values, so CLI and bindings agree by construction.
//!
//! | function | returns (`--json` of) |
//! |---|---|
//! | [`version`] | `vanthu --version` |
//! | [`rules`] | `vanthu rules` |
//! | [`identify`] | one element of `vanthu id` |
//! | [`text_check`], [`text_fix`] | `vanthu text check`, `vanthu text fix` |
//! | [`check`], [`check_bytes`] | `vanthu check` (one element for bytes) |
//! | [`inspect`] | `vanthu inspect` |
//! | [`normalize`] | `vanthu normalize` |
//! | [`extract`], [`extract_each`] | `vanthu extract` |
//! | [`model`], [`write()`] | the package's model; `vanthu write` |
//! | [`verify_pdf`] | `vanthu verify` |
//! | [`sign_prepare`], [`sign_finish`] | `vanthu sign`, in two steps |
//! | [`reply`] | `vanthu reply` |
//! | [`replay`] | `vanthu replay` |
//! | [`Office`] (new, apply, snapshot) | the workflow, event by event |
//! | [`archive_check`], [`archive_pack`], [`retention`] | `vanthu archive check`, `archive pack`, `retention` |
//! | [`due`], [`lunar`], [`lunar_to_solar`], [`calendar`] | `vanthu due`, `lunar`, `calendar` |
//!
//! Every function returns `Result<T, ApiError>`: an [`ApiError`] has a
//! stable numeric `code` (the status code of the C ABI; the table is in
//! `docs/bindings.md`), a `kind`, messages in English and Vietnamese, and
//! the location and rule when known.
//!
//! Time is an argument: every `at` is optional, and when it is left out
//! this module, the edge where applications call vanthu, reads the
//! system clock (Vietnam time). The crates below it never do.
//!
//! ```
//! use vanthu::api;
//! let due = api::due("2025-04-28T10:00:00+07:00", &{
//!     let mut args = api::DueArgs::default();
//!     args.working_days = Some(3);
//!     args
//! })?;
//! assert_eq!(due.due, "2025-05-06T17:00:00+07:00");
//! let err = api::lunar("2025-13-01").unwrap_err();
//! assert_eq!((err.code, err.kind), (1, api::ApiErrorKind::InvalidArgument));
//! # Ok::<(), api::ApiError>(())
//! ```

mod archive;
mod calendar;
mod documents;
mod error;
mod extract;
mod sign;
mod text;
mod workflow;
mod write;

use std::fs::File;
use std::io::{Read as _, Write as _};
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

pub use archive::{ArchiveCheckArgs, PackArgs, Packed, archive_check, archive_pack, retention};
pub use calendar::{
    CalendarYear, DayOff, Due, DueArgs, DueRule, LunarConversion, LunarParts, NextDay, SameDay,
    calendar, due, lunar, lunar_to_solar,
};
pub use documents::{
    CheckArgs, ReplyArgs, ReplyWritten, VerifyArgs, check, check_bytes, inspect, normalize,
    normalize_to, reply, reply_to, status_reply, verify_pdf,
};
pub use error::{ApiError, ApiErrorKind, catch_panic};
pub use extract::{ExtractArgs, Extracted, extract, extract_each};
pub use sign::{SignArgs, SignPrepared, SignedPdf, sign_finish, sign_prepare};
pub use text::{TextCheck, TextFix, TextFixArgs, TextFrom, identify, text_check, text_fix};
pub use workflow::{Office, ReplayArgs, replay, replay_stream};
pub use write::{AttachmentWritten, PackageWritten, model, parse_model, write, write_package};

/// The version of vanthu (`0.1.0`).
#[must_use]
pub const fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Every rule id vanthu can report, with its severity, titles in English
/// and Vietnamese and source (`vanthu rules --json`).
#[must_use]
pub fn rules() -> Vec<vanthu_identifiers::Rule> {
    crate::rules::all()
}

/// A file written by the facade: where, its size and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Written {
    /// The path written, as given.
    pub file: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, hex.
    pub sha256: String,
}

/// Now, in Vietnam time: the one place vanthu reads the clock, and only
/// with the `clock` feature, which the edges enable (the CLI, the C ABI, the
/// language bindings); the library itself takes its time as an argument.
#[cfg(feature = "clock")]
pub(crate) fn now() -> Result<DateTime<FixedOffset>, ApiError> {
    Ok(chrono::Utc::now().with_timezone(&vanthu_edxml::vietnam_offset()))
}

/// Without the `clock` feature, a call that needs the time must be given it.
#[cfg(not(feature = "clock"))]
pub(crate) fn now() -> Result<DateTime<FixedOffset>, ApiError> {
    Err(ApiError::invalid(
        "no time given: pass `at` (this build of vanthu reads no clock: the `clock` feature is off)",
    )
    .with_message_vi(
        "chưa có thời điểm: hãy truyền `at` (bản vanthu này không đọc đồng hồ hệ thống vì tính năng `clock` bị tắt)",
    ))
}

/// An instant in any form [`crate::parse_time`] reads.
pub(crate) fn time(text: &str) -> Result<DateTime<FixedOffset>, ApiError> {
    crate::parse_time(text).map_err(|e| {
        ApiError::from(e).with_message_vi(format!(
            "không đọc được thời điểm {text:?}: cần viết theo RFC 3339 (2025-06-05T09:30:00+07:00) hoặc YYYY-MM-DD"
        ))
    })
}

/// [`time`], or now when `text` is `None`.
pub(crate) fn time_or_now(text: Option<&str>) -> Result<DateTime<FixedOffset>, ApiError> {
    text.map_or_else(now, time)
}

/// The largest file read whole (a PDF, a certificate, a JSON input): the
/// signature crate's PDF size limit.
const MAX_WHOLE_INPUT: u64 = 256 * 1024 * 1024;

/// Reads a whole file of at most [`MAX_WHOLE_INPUT`] bytes.
pub(crate) fn read_whole(path: &Path) -> Result<Vec<u8>, ApiError> {
    let file = File::open(path).map_err(|e| ApiError::io("read", path, &e))?;
    // Refused before a byte is read: a sparse 1.5 GB file costs nothing.
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let too_large = |size: u64| {
        ApiError::new(
            ApiErrorKind::Io,
            format!(
                "{}: too large ({size} bytes or more): at most {MAX_WHOLE_INPUT} bytes are read whole",
                path.display()
            ),
        )
        .with_message_vi("tệp quá lớn")
    };
    if size > MAX_WHOLE_INPUT {
        return Err(too_large(size));
    }
    let mut bytes = Vec::new();
    file.take(MAX_WHOLE_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ApiError::io("read", path, &e))?;
    if bytes.len() as u64 > MAX_WHOLE_INPUT {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Writes `target` through `write` into a new file beside it, renamed over
/// it when `write` succeeds (removed otherwise): an error never leaves half
/// a file, and the target may be the input it is written from.
pub(crate) fn write_atomically(
    target: &Path,
    write: impl FnOnce(&mut File) -> Result<(), String>,
) -> Result<Written, ApiError> {
    let failed = |e: &dyn std::fmt::Display| {
        ApiError::new(
            ApiErrorKind::Io,
            format!("cannot write {}: {e}", target.display()),
        )
    };
    let name = target
        .file_name()
        .ok_or_else(|| failed(&"not a file name"))?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".vanthu-partial")
        .tempfile_in(dir)
        .map_err(|e| failed(&e))?;
    write(temp.as_file_mut()).map_err(|e| failed(&e))?;
    temp.as_file_mut().flush().map_err(|e| failed(&e))?;
    temp.as_file().sync_all().map_err(|e| failed(&e))?;
    temp.persist(target).map_err(|e| failed(&e.error))?;
    // Hashed as read back: what is on disk.
    let mut file = File::open(target).map_err(|e| failed(&e))?;
    let mut digest = vanthu_edxml::DigestWriter::new(std::io::sink());
    std::io::copy(&mut file, &mut digest).map_err(|e| failed(&e))?;
    let (digest, _) = digest.finish();
    Ok(Written {
        file: target.display().to_string(),
        size: digest.size,
        sha256: digest.sha256_hex(),
    })
}
