//! `vanthu archive pack|check` and `vanthu retention`: records and
//! Circular 05/2025/TT-BNV archival packages.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use vanthu_archive::package::{
    CheckOptions, PackOptions, PackSpec, PackageDescription, PackageWriter, Profile, check_package,
    check_package_dir, open_data_file,
};
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
        } => pack(&spec, &output, dip, follow_links),
        ArchiveCommand::Check {
            package,
            profile,
            at,
            json,
        } => {
            let at = match at {
                Some(t) => crate::signature::parse_time(&t)
                    .map_err(|e| CliError::new(format!("--at: {e}")))?,
                None => crate::signature::now(),
            };
            let options = CheckOptions::default()
                .with_profile(profile)
                .at(at.naive_utc());
            check(&package, &options, json)
        }
    }
}

/// Reads the spec ([`PackSpec`]): the description and the folder of its
/// data files.
fn read_spec(path: &Path) -> Result<(PackageDescription, PathBuf), CliError> {
    let bytes = read_input(path)?;
    let spec = PackSpec::from_json(&bytes)
        .map_err(|e| CliError::new(format!("{}: {e}", path.display())))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let source = match spec.source_dir {
        Some(dir) => base.join(dir),
        None => base,
    };
    Ok((spec.description, source))
}

fn pack(spec: &Path, output: &Path, dip: bool, follow_links: bool) -> Result<Outcome, CliError> {
    let (mut desc, source) = read_spec(spec)?;
    if dip {
        let created = desc.created;
        desc = desc.into_dip(created);
    }
    let names: Vec<String> = desc
        .documents
        .iter()
        .flat_map(|d| d.files.clone())
        .collect();
    let objid = desc.objid.clone();
    // Write beside the target, then rename: a failed run leaves no half package.
    let name = output
        .file_name()
        .ok_or_else(|| CliError::new(format!("{}: not a file name", output.display())))?;
    let (file, tmp) = crate::output::new_temp(
        output.parent().unwrap_or(Path::new(".")),
        &format!(".{}.", name.to_string_lossy()),
        ".vanthu-partial",
    )
    .map_err(|e| CliError::new(format!("cannot create {}: {e}", output.display())))?;
    let result = (|| {
        let mut w = PackageWriter::new(BufWriter::new(file), desc, PackOptions::default())
            .map_err(|e| CliError::new(e.to_string()))?;
        for name in &names {
            let p = source.join(name);
            // Regular files only, checked before a byte is read.
            let f = open_data_file(&p, follow_links).map_err(|e| CliError::new(e.to_string()))?;
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
            tmp.persist(output).map_err(|e| {
                CliError::new(format!("cannot write {}: {}", output.display(), e.error))
            })?;
            out!("{}: {objid}, {} data files", output.display(), names.len());
            Ok(Outcome::Valid)
        }
        // Dropped, the temporary file is removed.
        Err(e) => Err(e),
    }
}

fn check(package: &Path, options: &CheckOptions, json: bool) -> Result<Outcome, CliError> {
    let report = if package.is_dir() {
        check_package_dir(package, options)
    } else {
        let file = File::open(package)
            .map_err(|e| CliError::new(format!("cannot read {}: {e}", package.display())))?;
        check_package(BufReader::new(file), options)
    }
    .map_err(|e| CliError::new(format!("{}: {e}", package.display())))?;
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
