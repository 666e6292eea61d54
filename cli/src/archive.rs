//! `vanthu archive pack|check` and `vanthu retention`: records and
//! Circular 05/2025/TT-BNV archival packages.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use vanthu_archive::package::Profile;
use vanthu_archive::{ArchiveLaw, Expiry, RetentionInput};
use vanthu_identifiers::Finding;

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
    /// Write a TT05 package (SIP_hoso, SIP_tailieu, AIP_hoso, DIP) from a JSON
    /// specification and its files.
    Pack {
        /// The specification (schema: the vanthu-archive README).
        #[arg(value_name = "SPEC.json")]
        spec: PathBuf,
        /// The ZIP to write.
        #[arg(short, long, value_name = "OUT.zip")]
        output: PathBuf,
        /// Write the record's dissemination package (DIP: its access
        /// copies, `OAISPACKAGETYPE` DIP, E-ARK CSIP profile) instead.
        #[arg(long)]
        dip: bool,
        /// Pack the target of a data file that is a symbolic link (it must
        /// be a regular file). Without it, links are refused, as are
        /// folders, devices, named pipes and sockets.
        #[arg(long)]
        follow_links: bool,
        /// Print JSON: `file`, `size`, `sha256`, `objid`, `data_files`.
        #[arg(long)]
        json: bool,
    },
    /// Check a received package: structure, checksums, metadata, identifiers.
    Check {
        /// The package: its ZIP, or its unpacked folder (the folder holding
        /// `METS.xml`, or the folder it was unzipped into).
        #[arg(value_name = "PACKAGE.zip|DIR")]
        package: PathBuf,
        /// The requirements: `csip` (E-ARK CSIP 2.1.0), `sip` (and E-ARK
        /// SIP 2.1.0) or `tt05` (and Circular 05/2025/TT-BNV).
        #[arg(long, value_name = "PROFILE", default_value = "tt05")]
        profile: Profile,
        /// The time of the check (a `LASTMODDATE` after it is reported);
        /// default: now.
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
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
    law: Option<i32>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: ArchiveArgs) -> Result<Outcome, CliError> {
    match args.command {
        ArchiveCommand::Pack {
            spec,
            output,
            dip,
            follow_links,
            json,
        } => {
            let mut args = vanthu::api::PackArgs::default();
            args.dip = dip;
            args.follow_links = follow_links;
            let packed = vanthu::api::archive_pack(&spec, &output, &args)
                .map_err(|e| CliError::new(e.message))?;
            if json {
                print_json(&packed)?;
            } else {
                out!(
                    "{}: {}, {} data files",
                    output.display(),
                    packed.objid,
                    packed.data_files
                );
            }
            Ok(Outcome::Valid)
        }
        ArchiveCommand::Check {
            package,
            profile,
            at,
            json,
        } => {
            if let Some(t) = &at {
                crate::signature::parse_time(t).map_err(|e| CliError::new(format!("--at: {e}")))?;
            }
            let mut args = vanthu::api::ArchiveCheckArgs::default();
            args.profile = Some(profile);
            args.at = at;
            check(&package, &args, json)
        }
    }
}

fn check(
    package: &Path,
    args: &vanthu::api::ArchiveCheckArgs,
    json: bool,
) -> Result<Outcome, CliError> {
    let report = vanthu::api::archive_check(package, args).map_err(|e| CliError::new(e.message))?;
    let conformant = report.conformant;
    if json {
        print_json(&report)?;
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

pub(crate) fn retention(args: RetentionArgs) -> Result<Outcome, CliError> {
    let bytes = read_input(&args.record)?;
    let input: RetentionInput = serde_json::from_slice(&bytes)
        .map_err(|e| CliError::new(format!("{}: {e}", args.record.display())))?;
    let law = match args.law {
        None => None,
        Some(year) => Some(
            ArchiveLaw::from_year(year)
                .ok_or_else(|| CliError::new(format!("--law {year}: expected 2011 or 2024")))?,
        ),
    };
    let out = vanthu_archive::retention::evaluate(&input, args.at, law)
        .map_err(|e| CliError::new(format!("{}: {e}", args.record.display())))?;
    if args.json {
        print_json(&out)?;
    } else {
        out!("{} ({}, TT05 {})", out.code, out.retention, out.maintenance);
        match out.expiry {
            Expiry::On { date } => out!(
                "  kept until {date}{}",
                if out.expired { " (expired)" } else { "" }
            ),
            _ => out!("  kept permanently"),
        }
        let due = &out.transfer;
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
            if out.disposal.on_hold {
                " (on hold)"
            } else {
                ""
            }
        );
        print_findings(&out.findings);
    }
    Ok(Outcome::from_valid(out.conformant))
}
