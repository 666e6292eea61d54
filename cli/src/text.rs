//! `vanthu text check|fix`: Vietnamese text per TCVN 6909:2001, and legacy
//! TCVN3/VNI text converted to it.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use vanthu::api::{self, TextCheck, TextFixArgs, TextFrom};

use crate::output::{print_json, read_input, write_stdout};
use crate::{CliError, Outcome};

/// `vanthu text …`
#[derive(Debug, Subcommand)]
pub(crate) enum TextCommand {
    /// Check that a text file is NFC Unicode (TCVN 6909:2001): reports
    /// legacy TCVN3/VNI text (raw or mojibake), non-NFC text, Đ look-alikes
    /// and control characters. Exit 0 when clean, 1 when something was found.
    Check {
        /// The file to check, or `-` for standard input.
        file: PathBuf,
        /// Print a JSON object: file, encoding, nfc, findings.
        #[arg(long)]
        json: bool,
    },
    /// Convert a text file to NFC Unicode: legacy bytes are decoded, mojibake
    /// is repaired, Unicode is normalised (look-alike letters that `check`
    /// reports are left for a person to judge). Exit 2 when `--from auto`
    /// cannot tell the encoding.
    Fix {
        /// The file to convert, or `-` for standard input.
        file: PathBuf,
        /// The encoding of the input.
        #[arg(long, value_enum, default_value_t = From::Auto)]
        from: From,
        /// The TCVN3 text was set in a capital font (.VnTimeH): decode every
        /// letter as a capital.
        #[arg(long)]
        capitals: bool,
        /// Keep the case of TCVN3 headings typed in capitals as decoded
        /// (`TOàN`) instead of upper-casing their toned letters (`TOÀN`).
        #[arg(long, conflicts_with = "capitals")]
        keep_case: bool,
        /// Where to write the result (standard output when absent).
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

/// The encoding given to `fix --from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum From {
    /// Detect it: UTF-8 (checked for mojibake), TCVN3 or VNI.
    Auto,
    /// TCVN3 (ABC, TCVN 5712:1993 VN3), raw bytes or mojibake.
    #[value(alias = "abc")]
    Tcvn3,
    /// VNI Windows, raw bytes or mojibake.
    Vni,
}

pub(crate) fn run(command: TextCommand) -> Result<Outcome, CliError> {
    match command {
        TextCommand::Check { file, json } => check(&file, json),
        TextCommand::Fix {
            file,
            from,
            capitals,
            keep_case,
            output,
        } => {
            let mut args = TextFixArgs::default();
            args.from = match from {
                From::Auto => TextFrom::Auto,
                From::Tcvn3 => TextFrom::Tcvn3,
                From::Vni => TextFrom::Vni,
            };
            args.capitals = capitals;
            args.keep_case = keep_case;
            fix(&file, &args, output.as_deref())
        }
    }
}

fn check(file: &Path, json: bool) -> Result<Outcome, CliError> {
    let bytes = read_input(file)?;
    let checked = TextCheck::new(file.display().to_string(), &bytes);
    let report = &checked.report;
    let name = &checked.file;
    let text = if json {
        print_json(&checked)?;
        return Ok(Outcome::from_valid(report.findings.is_empty()));
    } else if report.findings.is_empty() {
        format!("{name}: ok ({}, NFC)\n", report.encoding)
    } else {
        let nfc = if report.nfc { "NFC" } else { "not NFC" };
        let mut text = format!("{name}: {}, {nfc}\n", report.encoding);
        for finding in &report.findings {
            text.push_str(&format!("  {finding}\n"));
        }
        text
    };
    // Not println!: a closed pipe must be an error, not a panic.
    write_stdout(text.as_bytes())?;
    Ok(Outcome::from_valid(report.findings.is_empty()))
}

fn fix(file: &Path, args: &TextFixArgs, output: Option<&Path>) -> Result<Outcome, CliError> {
    let bytes = read_input(file)?;
    let name = file.display();
    let fixed = api::text_fix(&bytes, args)
        .map_err(|e| CliError::new(format!("{name}: {} (--from)", e.message)))?;
    match output {
        Some(path) => std::fs::write(path, fixed.text.as_bytes())
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", path.display())))?,
        None => write_stdout(fixed.text.as_bytes())?,
    }
    eprintln!("vanthu: {name}: {}", fixed.note);
    Ok(Outcome::Valid)
}
