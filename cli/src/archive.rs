//! `vanthu archive pack|check` and `vanthu retention`: records and
//! Circular 05/2025/TT-BNV archival packages.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, Subcommand};
use serde::{Deserialize, Serialize};
use vanthu_archive::package::{
    CheckOptions, PackOptions, PackageDescription, PackageReport, PackageWriter, check_package,
    derive_objid,
};
use vanthu_archive::{
    ArchiveLaw, Disposal, Expiry, RecordMetadata, Stage, TransferDue, TransferFacts, expiry,
    is_expired, transfer_due,
};
use vanthu_identifiers::{Finding, Severity};

use crate::output::{print_json, read_input};
use crate::{CliError, Outcome};

/// `vanthu archive …`.
#[derive(Debug, Args)]
pub(crate) struct ArchiveArgs {
    #[command(subcommand)]
    command: ArchiveCommand,
}

#[derive(Debug, Subcommand)]
enum ArchiveCommand {
    /// Write a TT05 package (SIP_hoso, SIP_tailieu, AIP_hoso) from a JSON
    /// specification and its files.
    Pack {
        /// The specification (schema: the vanthu-archive README).
        #[arg(value_name = "SPEC.json")]
        spec: PathBuf,
        /// The ZIP to write.
        #[arg(short, long, value_name = "OUT.zip")]
        output: PathBuf,
    },
    /// Check a received package: structure, checksums, metadata, identifiers.
    Check {
        /// The package ZIP.
        #[arg(value_name = "PACKAGE.zip")]
        package: PathBuf,
        /// Print JSON: `conformant`, `kind`, `objid`, `files_checked`,
        /// `bytes_checked`, `findings`.
        #[arg(long)]
        json: bool,
    },
}

/// `vanthu retention RECORD.json --at DATE`.
#[derive(Debug, Args)]
pub(crate) struct RetentionArgs {
    /// The record: `{"record": {…record metadata…}, "work_ended"?,
    /// "final_accounts"?, "transferred_to_agency"?, "disposal"?}` (`-` for
    /// standard input).
    #[arg(value_name = "RECORD.json")]
    record: PathBuf,
    /// The evaluation date, `YYYY-MM-DD`.
    #[arg(long, value_name = "DATE")]
    at: NaiveDate,
    /// The Archive Law for the historical archive: 2011 or 2024 (default:
    /// the law in force on --at).
    #[arg(long, value_name = "YEAR")]
    law: Option<u16>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: ArchiveArgs) -> Result<Outcome, CliError> {
    match args.command {
        ArchiveCommand::Pack { spec, output } => pack(&spec, &output),
        ArchiveCommand::Check { package, json } => check(&package, json),
    }
}

/// Reads the spec: a [`PackageDescription`] in JSON whose `objid` may be
/// left out, plus `source_dir`.
fn read_spec(path: &Path) -> Result<(PackageDescription, PathBuf), CliError> {
    let bytes = read_input(path)?;
    let mut value: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| CliError::new(format!("{}: {e}", path.display())))?;
    let obj = value
        .as_object_mut()
        .ok_or_else(|| CliError::new(format!("{}: expected a JSON object", path.display())))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let source = match obj.remove("source_dir") {
        Some(serde_json::Value::String(s)) => base.join(s),
        Some(_) => return Err(CliError::new("source_dir must be a string")),
        None => base,
    };
    if !obj.contains_key("objid") {
        let created: DateTime<FixedOffset> = obj
            .get("created")
            .and_then(|v| v.as_str())
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .ok_or_else(|| CliError::new("`created` (an RFC 3339 time) is required"))?;
        let code = obj
            .get("record")
            .and_then(|r| r.get("code"))
            .or_else(|| obj.get("loose").and_then(|l| l.get("file_code")))
            .and_then(|c| c.as_str())
            .ok_or_else(|| CliError::new("`record.code` or `loose.file_code` is required"))?;
        let objid = derive_objid(code, &created);
        obj.insert("objid".into(), objid.into());
    }
    let desc: PackageDescription = serde_json::from_value(value)
        .map_err(|e| CliError::new(format!("{}: {e}", path.display())))?;
    Ok((desc, source))
}

fn pack(spec: &Path, output: &Path) -> Result<Outcome, CliError> {
    let (desc, source) = read_spec(spec)?;
    let names: Vec<String> = desc
        .documents
        .iter()
        .flat_map(|d| d.files.clone())
        .collect();
    let objid = desc.objid.clone();
    // Write beside the target, then rename: a failed run leaves no half package.
    let tmp = output.with_extension("zip.part");
    let file = File::create(&tmp)
        .map_err(|e| CliError::new(format!("cannot create {}: {e}", tmp.display())))?;
    let result = (|| {
        let mut w = PackageWriter::new(BufWriter::new(file), desc, PackOptions::default())
            .map_err(|e| CliError::new(e.to_string()))?;
        for name in &names {
            let p = source.join(name);
            let f = File::open(&p)
                .map_err(|e| CliError::new(format!("cannot read {}: {e}", p.display())))?;
            w.add_file(name, &mut BufReader::new(f))
                .map_err(|e| CliError::new(format!("{}: {e}", p.display())))?;
        }
        let out = w.finish().map_err(|e| CliError::new(e.to_string()))?;
        out.into_inner()
            .map_err(|e| CliError::new(format!("cannot write {}: {}", tmp.display(), e.error())))?
            .sync_all()
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", tmp.display())))
    })();
    match result {
        Ok(_) => {
            std::fs::rename(&tmp, output)
                .map_err(|e| CliError::new(format!("cannot write {}: {e}", output.display())))?;
            out!("{}: {objid}, {} data files", output.display(), names.len());
            Ok(Outcome::Valid)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

#[derive(Serialize)]
struct CheckJson<'a> {
    conformant: bool,
    #[serde(flatten)]
    report: &'a PackageReport,
}

fn check(package: &Path, json: bool) -> Result<Outcome, CliError> {
    let file = File::open(package)
        .map_err(|e| CliError::new(format!("cannot read {}: {e}", package.display())))?;
    let report = check_package(BufReader::new(file), &CheckOptions::default())
        .map_err(|e| CliError::new(format!("{}: {e}", package.display())))?;
    let conformant = report.conformant();
    if json {
        print_json(&CheckJson {
            conformant,
            report: &report,
        })?;
    } else {
        out!(
            "{}: {} ({} files, {} bytes checked)",
            package.display(),
            if conformant {
                "conformant"
            } else {
                "NOT conformant"
            },
            report.files_checked,
            report.bytes_checked
        );
        print_findings(&report.findings);
    }
    Ok(Outcome::from_valid(conformant))
}

fn print_findings(findings: &[Finding]) {
    for f in findings {
        out!("  {f}");
        out!("    {} [{}]", f.message_vi, f.source);
    }
}

#[derive(Deserialize)]
struct RetentionInput {
    record: RecordMetadata,
    #[serde(default)]
    work_ended: Option<NaiveDate>,
    #[serde(default)]
    final_accounts: Option<NaiveDate>,
    #[serde(default)]
    transferred_to_agency: Option<NaiveDate>,
    #[serde(default)]
    disposal: Option<Disposal>,
}

#[derive(Serialize)]
struct RetentionJson {
    code: String,
    retention: String,
    maintenance: String,
    at: NaiveDate,
    work_ended: NaiveDate,
    expiry: Expiry,
    expired: bool,
    transfer: TransferDue,
    transfer_overdue: bool,
    disposal: DisposalJson,
    findings: Vec<Finding>,
}

#[derive(Serialize)]
struct DisposalJson {
    stage: String,
    on_hold: bool,
}

pub(crate) fn retention(args: RetentionArgs) -> Result<Outcome, CliError> {
    let bytes = read_input(&args.record)?;
    let input: RetentionInput = serde_json::from_slice(&bytes)
        .map_err(|e| CliError::new(format!("{}: {e}", args.record.display())))?;
    let md = &input.record;
    let work_ended = input.work_ended.or(md.end_date).ok_or_else(|| {
        CliError::new("the record has no end date: give `work_ended` or `record.end_date`")
    })?;
    let law = match args.law {
        None => ArchiveLaw::in_force_on(args.at),
        Some(2011) => ArchiveLaw::Law2011,
        Some(2024) => ArchiveLaw::Law2024,
        Some(other) => {
            return Err(CliError::new(format!(
                "--law {other}: expected 2011 or 2024"
            )));
        }
    };
    let mut facts = TransferFacts::new(md.retention, work_ended);
    facts.final_accounts = input.final_accounts;
    facts.transferred_to_agency = input.transferred_to_agency;
    let due = transfer_due(&facts, law).map_err(|e| CliError::new(e.to_string()))?;
    let year = chrono::Datelike::year(&work_ended);
    let exp = expiry(md.retention, year);
    let expired = is_expired(md.retention, year, args.at);
    let transfer_overdue =
        due.required && input.transferred_to_agency.is_none() && args.at > due.agency_archive;
    let (stage, on_hold) = match &input.disposal {
        Some(d) => (stage_name(&d.stage).to_owned(), d.on_hold()),
        None if expired => ("candidate".to_owned(), false),
        None => ("retained".to_owned(), false),
    };
    let mut findings = Vec::new();
    if transfer_overdue {
        findings.push(Finding::new(
            "ARCH-XFER-003",
            Severity::Error,
            format!(
                "transfer to the agency archive was due on {}",
                due.agency_archive
            ),
            format!(
                "đã quá hạn nộp lưu vào lưu trữ cơ quan ({})",
                due.agency_archive
            ),
            "Nghị định 30/2020/NĐ-CP, Điều 30",
        ));
    }
    if expired && input.disposal.is_none() {
        findings.push(Finding::new(
            "ARCH-DISP-001",
            Severity::Warning,
            "retention has ended: the record is a candidate for disposal review",
            "hết thời hạn bảo quản: hồ sơ cần được xem xét hủy",
            "Thông tư 05/2025/TT-BNV, Chương VII",
        ));
    }
    let out = RetentionJson {
        code: md.code.to_string(),
        retention: md.retention.label_vi(),
        maintenance: format!("{:02}", md.retention.tt05_code()),
        at: args.at,
        work_ended,
        expiry: exp,
        expired,
        transfer: due,
        transfer_overdue,
        disposal: DisposalJson { stage, on_hold },
        findings,
    };
    if args.json {
        print_json(&out)?;
    } else {
        out!("{} ({}, TT05 {})", out.code, out.retention, out.maintenance);
        match out.expiry {
            Expiry::On { date } => out!(
                "  kept until {date}{}",
                if expired { " (expired)" } else { "" }
            ),
            _ => out!("  kept permanently"),
        }
        out!(
            "  agency archive by {} (notice {}){}",
            due.agency_archive,
            due.notice,
            if due.required {
                ""
            } else {
                " — not required (< 5 years)"
            }
        );
        if let Some(h) = due.historical_archive {
            out!("  historical archive by {h}");
        }
        out!(
            "  disposal: {}{}",
            out.disposal.stage,
            if on_hold { " (on hold)" } else { "" }
        );
        print_findings(&out.findings);
    }
    Ok(Outcome::from_valid(!vanthu_archive::has_errors(
        &out.findings,
    )))
}

fn stage_name(stage: &Stage) -> &'static str {
    match stage {
        Stage::Candidate => "candidate",
        Stage::UnderReview { .. } => "under-review",
        Stage::ApprovedForDestruction { .. } => "approved-for-destruction",
        Stage::Destroyed { .. } => "destroyed",
        Stage::Kept { .. } => "kept",
        _ => "unknown",
    }
}
