//! The `vanthu` command-line tool: the compliance harness over all vanthu crates.
//!
//! Exit codes, for every command: **0** all good, **1** input read but not
//! valid or not compliant, **2** unreadable input or usage error.
#![forbid(unsafe_code)]

/// `println!` for the commands' output: a closed pipe (`vanthu … | head`)
/// ends the program quietly instead of panicking, as `println!` would.
macro_rules! out {
    () => {
        $crate::output::print_line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::output::print_line(format_args!($($arg)*))
    };
}

mod archive;
mod axis;
mod calendar;
mod demo;
mod edxml;
mod harness;
mod id;
mod output;
mod replay;
mod signature;
mod text;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub(crate) use output::{CliError, Outcome};

/// vanthu: Vietnamese electronic government documents, checked.
#[derive(Debug, Parser)]
#[command(name = "vanthu", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The most bytes read from standard input (`-`) by the commands that
    /// copy it to a temporary file to seek in it (inspect, check,
    /// normalize, extract); default 1 GiB (docs/limits.md §5).
    #[arg(long, global = true, value_name = "BYTES")]
    max_stdin: Option<u64>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Convert a solar date to the Vietnamese lunar calendar, or back with --to-solar.
    Lunar(calendar::LunarArgs),
    /// List a year's days off (holidays, compensatory, swapped) and its working days.
    Calendar(calendar::CalendarArgs),
    /// Compute a deadline in Vietnam time: N working days, or the issue/acknowledge rule.
    Due(calendar::DueArgs),
    /// Vietnamese text: TCVN 6909:2001 Unicode, legacy TCVN3/VNI conversion.
    #[command(subcommand)]
    Text(text::TextCommand),
    /// Validate a workflow event log: final state, violations, pending deadlines.
    Replay(replay::ReplayArgs),
    /// Show the header fields and attachments of an edXML package.
    Inspect(edxml::InspectArgs),
    /// Check edXML packages, signed PDFs and SIP ZIPs, files or folders: findings per file,
    /// a summary line, --json, --junit (exit 2 if any is unreadable, else 1 if any is not conformant).
    Check(edxml::CheckArgs),
    /// Rewrite an edXML package in the strict canonical (VNPT/VPCP) form, keeping unknown
    /// content, comments and processing instructions (also before and after the root).
    Normalize(edxml::NormalizeArgs),
    /// Write the attachments of an edXML package into a directory.
    Extract(edxml::ExtractArgs),
    /// Write the status package that answers an edXML document package.
    Reply(edxml::ReplyArgs),
    /// Write an edXML package in the strict canonical form from its model (JSON, as
    /// `inspect --model` prints it) and the files of its attachments.
    Write(edxml::WriteArgs),
    /// Write or check Circular 05/2025/TT-BNV archival packages (E-ARK CSIP).
    Archive(archive::ArchiveArgs),
    /// Retention, transfer due dates and disposal state of a record on a date.
    Retention(archive::RetentionArgs),
    /// Tells what each identifier is (agency id, document number, document
    /// id, record code) and prints its parts.
    Id {
        /// The identifiers, e.g. `000.00.15.H47` or `182/QĐ-LĐTBXH`.
        #[arg(required_unless_present = "file", value_name = "TEXT")]
        inputs: Vec<OsString>,
        /// Also read identifiers from this file, one per line (`-` for
        /// standard input).
        #[arg(long, value_name = "PATH")]
        file: Option<std::path::PathBuf>,
        /// Print a JSON array, one object per input.
        #[arg(long)]
        json: bool,
    },
    /// List every rule id vanthu can report: severity, titles in English and
    /// Vietnamese, and the legal text or standard it comes from.
    Rules {
        /// Print a JSON array of `{id, severity, title, title_vi, source}`.
        #[arg(long)]
        json: bool,
    },
    /// Run the life of one document across agencies, end to end, into a folder.
    Demo(demo::DemoArgs),
    /// Verify every signature of a PDF and give its legal value (exit 0 = original).
    Verify(signature::VerifyArgs),
    /// Sign a PDF (PAdES, incremental update) with a PKCS #8 key.
    Sign(signature::SignArgs),
    /// Exchange packages over a document exchange axis (send, pull, status), or run
    /// the local axis, a test double of the national axis (serve).
    Axis(axis::AxisArgs),
}

fn run(cli: Cli) -> Result<Outcome, CliError> {
    if let Some(max) = cli.max_stdin {
        output::set_max_spool(max);
    }
    match cli.command {
        Command::Lunar(args) => calendar::lunar(args),
        Command::Calendar(args) => calendar::calendar(args),
        Command::Due(args) => calendar::due(args),
        Command::Text(command) => text::run(command),
        Command::Replay(args) => replay::replay(args),
        Command::Inspect(args) => edxml::inspect(&args),
        Command::Check(args) => edxml::check(&args),
        Command::Normalize(args) => edxml::normalize(&args),
        Command::Extract(args) => edxml::extract(&args),
        Command::Reply(args) => edxml::reply(&args),
        Command::Write(args) => edxml::write(&args),
        Command::Id { inputs, file, json } => id::run(&inputs, file.as_deref(), json),
        Command::Rules { json } => rules(json),
        Command::Demo(args) => demo::demo(&args),
        Command::Verify(args) => signature::verify(args),
        Command::Sign(args) => signature::sign(args),
        Command::Archive(args) => archive::run(args),
        Command::Retention(args) => archive::retention(args),
        Command::Axis(args) => axis::run(args),
    }
}

/// `vanthu rules`: the umbrella crate's catalogue of every crate's rules.
fn rules(json: bool) -> Result<Outcome, CliError> {
    let rules = vanthu::api::rules();
    if json {
        output::print_json(&rules)?;
    } else {
        for rule in &rules {
            out!(
                "{}\t{}\t{}\t{}",
                rule.id,
                rule.severity,
                rule.title,
                rule.source
            );
        }
    }
    Ok(Outcome::Valid)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(error) => {
            eprintln!("vanthu: {error}");
            ExitCode::from(2)
        }
    }
}
