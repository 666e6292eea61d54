//! `vanthu text check|fix`: Vietnamese text per TCVN 6909:2001, and legacy
//! TCVN3/VNI text converted to it.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use serde::Serialize;
use vanthu_identifiers::text::{self, Confidence, LegacyEncoding, LegacyOptions, TextEncoding};

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
            let options = LegacyOptions::default()
                .with_capital_font(capitals)
                .with_infer_capitals(!keep_case);
            fix(&file, from, options, output.as_deref())
        }
    }
}

/// The file name, then the library's report as serde writes it.
#[derive(Serialize)]
struct CheckJson<'a> {
    file: String,
    #[serde(flatten)]
    report: &'a text::BytesReport,
}

fn check(file: &Path, json: bool) -> Result<Outcome, CliError> {
    let bytes = read_input(file)?;
    let report = text::check_bytes(&bytes);
    let name = file.display().to_string();
    let text = if json {
        print_json(&CheckJson {
            file: name,
            report: &report,
        })?;
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

fn fix(
    file: &Path,
    from: From,
    options: LegacyOptions,
    output: Option<&Path>,
) -> Result<Outcome, CliError> {
    let bytes = read_input(file)?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let utf8 = std::str::from_utf8(body).ok();
    let name = file.display();
    let (converted, note) = match from {
        From::Auto => match utf8 {
            Some(t) => {
                let found = text::detect(t);
                match found.encoding() {
                    TextEncoding::Legacy(enc) if found.confidence() >= Confidence::Medium => (
                        text::repair(t, enc, options),
                        format!(
                            "repaired {enc} mojibake ({} confidence)",
                            found.confidence()
                        ),
                    ),
                    TextEncoding::Legacy(enc) => {
                        return Err(CliError::new(format!(
                            "{name}: cannot tell whether this is Unicode or {enc} mojibake (low confidence); say which with --from {enc} or convert nothing"
                        )));
                    }
                    _ => (text::nfc(t).into_owned(), "already Unicode".to_owned()),
                }
            }
            None => {
                let found = text::detect_bytes(body);
                match found.legacy_at_least(Confidence::Medium) {
                    Some(enc) => (
                        text::decode(body, enc, options),
                        format!("decoded {enc} ({} confidence)", found.confidence()),
                    ),
                    None => {
                        return Err(CliError::new(format!(
                            "{name}: cannot tell the encoding: not UTF-8, and it does not read as TCVN3 or VNI with enough confidence; say which with --from tcvn3 or --from vni"
                        )));
                    }
                }
            }
        },
        From::Tcvn3 | From::Vni => {
            let enc = if from == From::Tcvn3 {
                LegacyEncoding::Tcvn3
            } else {
                LegacyEncoding::Vni
            };
            match utf8 {
                Some(t) => (
                    text::repair(t, enc, options),
                    format!("repaired {enc} mojibake"),
                ),
                None => (text::decode(body, enc, options), format!("decoded {enc}")),
            }
        }
    };
    match output {
        Some(path) => std::fs::write(path, converted.as_bytes())
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", path.display())))?,
        None => write_stdout(converted.as_bytes())?,
    }
    eprintln!("vanthu: {name}: {note}");
    Ok(Outcome::Valid)
}
