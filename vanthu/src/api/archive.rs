//! Archival packages and records: [`archive_check`], [`archive_pack`],
//! [`retention`].

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use vanthu_archive::package::{
    CheckOptions, PackOptions, PackSpec, PackageReport, PackageWriter, Profile, check_package,
    check_package_dir, open_data_file,
};
use vanthu_archive::{ArchiveLaw, RetentionEvaluation, RetentionInput};

use super::error::{ApiError, ApiErrorKind};
use super::{Written, read_whole, time_or_now, write_atomically};

/// The optional arguments of [`archive_check`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ArchiveCheckArgs {
    /// The requirements: `csip`, `sip` or `tt05` (the default).
    pub profile: Option<Profile>,
    /// The time of the check (a `LASTMODDATE` after it is reported);
    /// default: now.
    pub at: Option<String>,
}

/// Checks a received archival package, its ZIP or its unpacked folder:
/// structure, checksums, metadata, identifiers (what `vanthu archive check
/// --json` prints).
///
/// # Errors
/// [`ApiErrorKind::Io`] when it cannot be opened;
/// [`ApiErrorKind::Unreadable`] when it is not a package vanthu can read.
pub fn archive_check(path: &Path, args: &ArchiveCheckArgs) -> Result<PackageReport, ApiError> {
    let at = time_or_now(args.at.as_deref())?;
    let options = CheckOptions::default()
        .with_profile(args.profile.unwrap_or_default())
        .at(at.naive_utc());
    if path.is_dir() {
        check_package_dir(path, &options)
    } else {
        let file = File::open(path).map_err(|e| ApiError::io("read", path, &e))?;
        check_package(BufReader::new(file), &options)
    }
    .map_err(|e| ApiError::unreadable(format!("{}: {e}", path.display())))
}

/// The optional arguments of [`archive_pack`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct PackArgs {
    /// Write the record's dissemination package (DIP) instead.
    pub dip: bool,
    /// Pack the target of a data file that is a symbolic link (it must be
    /// a regular file); without it, links are refused.
    pub follow_links: bool,
}

/// What [`archive_pack`] wrote (what `vanthu archive pack --json` prints).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Packed {
    /// The ZIP written, its size and SHA-256.
    #[serde(flatten)]
    pub written: Written,
    /// The package's METS `OBJID`.
    pub objid: String,
    /// How many data files it holds.
    pub data_files: usize,
}

/// Writes the TT05 package (SIP_hoso, SIP_tailieu, AIP_hoso, DIP) that the
/// JSON specification at `spec_path` describes (schema: the vanthu-archive
/// README) to `output`, streaming its data files. The ZIP is written
/// beside `output` and renamed over it: an error leaves nothing behind.
///
/// # Errors
/// [`ApiErrorKind::Io`] when a file cannot be read or written;
/// [`ApiErrorKind::InvalidArgument`] when the specification is not JSON of
/// the schema or a data file is not a regular file.
pub fn archive_pack(spec_path: &Path, output: &Path, args: &PackArgs) -> Result<Packed, ApiError> {
    let bytes = read_whole(spec_path)?;
    let spec = PackSpec::from_json(&bytes).map_err(|e| {
        ApiError::invalid(format!("{}: {e}", spec_path.display()))
            .with_message_vi("tệp đặc tả gói không đúng lược đồ")
    })?;
    let base = spec_path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let source = match spec.source_dir {
        Some(dir) => base.join(dir),
        None => base,
    };
    let mut desc = spec.description;
    if args.dip {
        let created = desc.created;
        desc = desc.into_dip(created);
    }
    let names: Vec<String> = desc
        .documents
        .iter()
        .flat_map(|d| d.files.clone())
        .collect();
    let objid = desc.objid.clone();
    let written = write_atomically(output, |out| {
        let mut w = PackageWriter::new(BufWriter::new(&mut *out), desc, PackOptions::default())
            .map_err(|e| e.to_string())?;
        for name in &names {
            let p: PathBuf = source.join(name);
            // Regular files only, checked before a byte is read.
            let f = open_data_file(&p, args.follow_links).map_err(|e| e.to_string())?;
            w.add_file(name, &mut BufReader::new(f))
                .map_err(|e| format!("{}: {e}", p.display()))?;
        }
        let mut out = w.finish().map_err(|e| e.to_string())?;
        std::io::Write::flush(&mut out).map_err(|e| e.to_string())
    })?;
    Ok(Packed {
        written,
        objid,
        data_files: names.len(),
    })
}

/// The retention, transfer due dates and disposal state of a record on the
/// date `at` (`YYYY-MM-DD`), from the JSON at `record_path` (`{"record":
/// {…}, "work_ended"?, …}`), under the Archive Law `law` (2011 or 2024;
/// default: the law in force on `at`): what `vanthu retention --json` prints.
///
/// # Errors
/// [`ApiErrorKind::InvalidArgument`] for a bad date, law or record.
pub fn retention(
    record_path: &Path,
    at: &str,
    law: Option<i32>,
) -> Result<RetentionEvaluation, ApiError> {
    let date = chrono::NaiveDate::parse_from_str(at.trim(), "%Y-%m-%d").map_err(|e| {
        ApiError::invalid(format!("date {at:?}: {e}; expected YYYY-MM-DD")).with_message_vi(
            format!("ngày {at:?} không hợp lệ; cần viết theo dạng YYYY-MM-DD"),
        )
    })?;
    let law = law
        .map(|year| {
            ArchiveLaw::from_year(year).ok_or_else(|| {
                ApiError::invalid(format!("law {year}: expected 2011 or 2024")).with_message_vi(
                    format!("Luật Lưu trữ năm {year} không có: cần là 2011 hoặc 2024"),
                )
            })
        })
        .transpose()?;
    let bytes = read_whole(record_path)?;
    let input: RetentionInput = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::invalid(format!("{}: {e}", record_path.display()))
            .with_message_vi("tệp hồ sơ không đúng lược đồ")
    })?;
    vanthu_archive::retention::evaluate(&input, date, law).map_err(|e| {
        ApiError::new(
            ApiErrorKind::InvalidArgument,
            format!("{}: {e}", record_path.display()),
        )
    })
}
