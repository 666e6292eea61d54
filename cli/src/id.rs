//! `vanthu id TEXT... [--json]`: what each input is, and its parts.

use std::ffi::OsString;
use std::io::{BufRead, BufWriter, Read, Write};
use std::path::Path;

use vanthu_identifiers::{Identification, Identified, identify};

use crate::output::{Input, open_input, write_stdout};
use crate::{CliError, Outcome};

/// The longest line `--file` reads, in bytes: far above any identifier
/// (`vanthu_identifiers::MAX_INPUT_LEN`, 256 bytes); a longer line is not a
/// list of identifiers (docs/limits.md §5).
pub(crate) const MAX_LINE: usize = 4096;

/// Identifies each input (the arguments, then the lines of `file`, read one
/// at a time: memory does not grow with the file); `Invalid` when any is
/// not valid.
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
    let mut lines = match file {
        Some(path) => Some(Lines::new(path, open_input(path)?)),
        None => None,
    };
    let mut out = Printer::new(json)?;
    for text in &texts {
        out.print(&identify(text))?;
    }
    if let Some(lines) = &mut lines {
        while let Some(line) = lines.next_line()? {
            out.print(&identify(line))?;
        }
    }
    out.finish()
}

/// The identifications printed so far: as they come (text), or as the
/// elements of one JSON array written element by element.
struct Printer {
    json: Option<BufWriter<Stdout>>,
    started: bool,
    all_valid: bool,
}

impl Printer {
    fn new(json: bool) -> Result<Self, CliError> {
        Ok(Self {
            json: json.then(|| BufWriter::new(Stdout)),
            started: false,
            all_valid: true,
        })
    }

    fn print(&mut self, id: &Identification) -> Result<(), CliError> {
        self.all_valid &= id.is_valid();
        let Some(out) = &mut self.json else {
            print_human(id);
            return Ok(());
        };
        // The array's punctuation as `serde_json::to_string_pretty` writes it.
        let lead: &[u8] = if self.started { b",\n  " } else { b"[\n  " };
        self.started = true;
        out.write_all(lead).map_err(write_error)?;
        serde_json::to_writer_pretty(Indented(out), &id.summary())
            .map_err(|e| CliError::new(format!("cannot write JSON output: {e}")))
    }

    fn finish(mut self) -> Result<Outcome, CliError> {
        if let Some(out) = &mut self.json {
            let tail: &[u8] = if self.started { b"\n]\n" } else { b"[]\n" };
            out.write_all(tail).map_err(write_error)?;
            out.flush().map_err(write_error)?;
        }
        Ok(Outcome::from_valid(self.all_valid))
    }
}

fn write_error(e: std::io::Error) -> CliError {
    CliError::new(format!("cannot write standard output: {e}"))
}

/// A writer that indents every line after the first by two spaces: an
/// element of the top-level array.
struct Indented<'a, W: Write>(&'a mut W);

impl<W: Write> Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for part in buf.split_inclusive(|b| *b == b'\n') {
            self.0.write_all(part)?;
            if part.ends_with(b"\n") {
                self.0.write_all(b"  ")?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// The lines of `--file`, one at a time: blank lines are skipped, a CR
/// before the LF is not part of a line, nor is a byte-order mark at the
/// start (Windows editors write one).
struct Lines<'a> {
    path: &'a Path,
    input: Input,
    line: Vec<u8>,
    text: String,
    /// Byte offset of the next line in the file.
    offset: u64,
    number: u64,
}

impl<'a> Lines<'a> {
    fn new(path: &'a Path, input: Input) -> Self {
        Self {
            path,
            input,
            line: Vec::new(),
            text: String::new(),
            offset: 0,
            number: 0,
        }
    }

    /// The next non-blank line, or `None` at the end of the file.
    fn next_line(&mut self) -> Result<Option<&str>, CliError> {
        loop {
            self.line.clear();
            let read = (&mut self.input)
                .take(MAX_LINE as u64 + 2)
                .read_until(b'\n', &mut self.line)
                .map_err(|e| CliError::new(format!("cannot read {}: {e}", self.path.display())))?;
            if read == 0 {
                return Ok(None);
            }
            let start = self.offset;
            self.offset = self.offset.saturating_add(read as u64);
            self.number = self.number.saturating_add(1);
            let mut line = self.line.as_slice();
            line = line.strip_suffix(b"\n").unwrap_or(line);
            line = line.strip_suffix(b"\r").unwrap_or(line);
            let mut skip = 0;
            if start == 0 && line.starts_with("\u{FEFF}".as_bytes()) {
                skip = 3;
                line = line.get(3..).unwrap_or_default();
            }
            if line.len() > MAX_LINE {
                return Err(CliError::new(format!(
                    "{}: line {} (byte {start}) is longer than {MAX_LINE} bytes: limit exceeded (the longest line --file reads)",
                    self.path.display(),
                    self.number
                )));
            }
            if line.is_empty() {
                continue;
            }
            let text = std::str::from_utf8(line).map_err(|e| {
                CliError::new(format!(
                    "{} is not valid UTF-8 (byte {}); identifiers are Unicode text",
                    self.path.display(),
                    start
                        .saturating_add(skip)
                        .saturating_add(e.valid_up_to() as u64)
                ))
            })?;
            self.text.clear();
            self.text.push_str(text);
            return Ok(Some(&self.text));
        }
    }
}

/// Standard output through [`write_stdout`] (a closed pipe is not an error).
struct Stdout;

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        write_stdout(buf).map_err(|e| std::io::Error::other(e.to_string()))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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
