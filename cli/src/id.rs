//! `vanthu id TEXT... [--json]`: what each input is, and its parts.

use std::ffi::OsString;
use std::path::Path;

use vanthu_identifiers::{Identification, Identified, identify};

use crate::output::{print_json, read_input};
use crate::{CliError, Outcome};

/// Identifies each input (the arguments, then the lines of `file`);
/// `Invalid` when any is not valid.
pub(crate) fn run(
    inputs: &[OsString],
    file: Option<&Path>,
    json: bool,
) -> Result<Outcome, CliError> {
    let mut texts = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        let text = input.to_str().ok_or_else(|| {
            CliError::new(format!(
                "argument {} ({}) is not valid UTF-8; identifiers are Unicode text",
                i.saturating_add(1),
                input.to_string_lossy()
            ))
        })?;
        texts.push(text.to_owned());
    }
    if let Some(path) = file {
        let bytes = read_input(path)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            CliError::new(format!(
                "{} is not valid UTF-8 (byte {}); identifiers are Unicode text",
                path.display(),
                e.utf8_error().valid_up_to()
            ))
        })?;
        // One identifier per line; blank lines are skipped, a CR before the LF
        // is not part of it, nor is a byte-order mark (Windows editors write one).
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        texts.extend(
            text.lines()
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .filter(|l| !l.is_empty())
                .map(str::to_owned),
        );
    }
    let found: Vec<Identification> = texts.iter().map(|t| identify(t)).collect();
    if json {
        let summaries: Vec<_> = found.iter().map(Identification::summary).collect();
        print_json(&summaries)?;
    } else {
        for id in &found {
            print_human(id);
        }
    }
    Ok(Outcome::from_valid(
        found.iter().all(Identification::is_valid),
    ))
}

fn print_human(id: &Identification) {
    let verdict = if id.is_valid() { "valid" } else { "invalid" };
    out!("{}: {} ({verdict})", id.input(), id.kind().as_str());
    match id.value() {
        Some(Identified::AgencyId(a)) => {
            out!("  form: {}", a.form_name());
            out!("  level 1: {} ({})", a.level1_text(), a.category().as_str());
            match a.parent() {
                Some(p) => out!("  parent: {p}"),
                None => out!("  parent: none"),
            }
        }
        Some(Identified::DocumentNumber(n)) => {
            out!("  number: {}", n.number());
            if let Some(year) = n.year() {
                out!("  year: {year}");
            }
            match (n.type_abbreviation(), n.document_type()) {
                (Some(abbr), Some(ty)) => out!("  type: {abbr} ({})", ty.name_vi()),
                (None, Some(ty)) => out!("  type: {} (no abbreviation)", ty.name_vi()),
                _ => out!("  type: none"),
            }
            out!("  issuer: {}", n.issuer());
            if let Some(unit) = n.unit() {
                out!("  unit: {unit}");
            }
        }
        Some(Identified::DocumentId(d)) => {
            if d.is_uuid() {
                out!("  form: uuid (opaque)");
            }
            if let Some(agency) = d.agency() {
                out!("  agency: {agency}");
            }
            match (d.date(), d.raw_date()) {
                (Some(date), _) => out!("  date: {}", date.format("%Y-%m-%d")),
                (None, Some(raw)) => out!("  date: none (written {raw:?})"),
                (None, None) => {}
            }
            if let Some(number) = d.raw_number() {
                out!("  number: {number}");
            }
        }
        Some(Identified::RegistryDocumentId(r)) => {
            out!("  agency: {}", r.agency());
            out!("  year: {}", r.year());
            out!("  ordinal: {}", r.ordinal());
        }
        Some(Identified::RecordCode(c)) => {
            out!("  agency: {} ({})", c.agency(), c.agency().form_name());
            out!("  year: {}", c.year());
            out!("  file notation: {}", c.file_notation());
        }
        Some(_) => {}
        None => {}
    }
    if let Some(error) = id.error() {
        out!("  error: {error}");
    }
    for finding in id.findings() {
        out!("  {finding}");
    }
}
