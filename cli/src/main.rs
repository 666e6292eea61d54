//! The `vanthu` command-line tool: the compliance harness over all vanthu crates.
//!
//! Exit codes, for every command: **0** all good, **1** input read but not
//! valid or not compliant, **2** unreadable input or usage error.
#![forbid(unsafe_code)]

mod calendar;
mod output;
mod signature;
mod text;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub(crate) use output::{CliError, Outcome};

/// vanthu: Vietnamese electronic government documents, checked.
#[derive(Debug, Parser)]
#[command(name = "vanthu", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    /// Verify every signature of a PDF and give its legal value (exit 0 = original).
    Verify(signature::VerifyArgs),
    /// Sign a PDF (PAdES, incremental update) with a PKCS #8 key.
    Sign(signature::SignArgs),
}

fn run(cli: Cli) -> Result<Outcome, CliError> {
    match cli.command {
        Command::Lunar(args) => calendar::lunar(args),
        Command::Calendar(args) => calendar::calendar(args),
        Command::Due(args) => calendar::due(args),
        Command::Text(command) => text::run(command),
        Command::Verify(args) => signature::verify(args),
        Command::Sign(args) => signature::sign(args),
    }
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
