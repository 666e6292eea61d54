//! What every command returns: an outcome or an error, mapped to exit codes.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;
use std::process::ExitCode;

/// The result of a command that could read its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Everything read was valid and compliant: exit code 0.
    Valid,
    /// Something read was not valid or not compliant: exit code 1.
    Invalid,
}

impl Outcome {
    /// `Valid` when `ok`, `Invalid` otherwise.
    pub(crate) fn from_valid(ok: bool) -> Self {
        if ok { Self::Valid } else { Self::Invalid }
    }

    pub(crate) fn exit_code(self) -> ExitCode {
        match self {
            Self::Valid => ExitCode::SUCCESS,
            Self::Invalid => ExitCode::from(1),
        }
    }
}

/// Unreadable input or a usage error: exit code 2.
#[derive(Debug)]
pub(crate) struct CliError(String);

impl CliError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads a whole file, or standard input when `path` is `-`.
pub(crate) fn read_input(path: &Path) -> Result<Vec<u8>, CliError> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::new(format!("cannot read standard input: {e}")))?;
        Ok(bytes)
    } else {
        std::fs::read(path)
            .map_err(|e| CliError::new(format!("cannot read {}: {e}", path.display())))
    }
}

/// Prints a value as pretty JSON on standard output.
pub(crate) fn print_json(value: &impl serde::Serialize) -> Result<(), CliError> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::new(format!("cannot serialise JSON output: {e}")))?;
    text.push('\n');
    write_stdout(text.as_bytes())
}

/// Writes bytes to standard output. Not `println!`, which panics when the
/// reader has closed the pipe (`vanthu … | head`): that is an error here.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| CliError::new(format!("cannot write standard output: {e}")))
}

/// Writes one line to standard output (the `out!` macro). When the reader
/// has gone away (a closed pipe), the program ends at once with exit code 0,
/// as command-line tools do on `SIGPIPE`; any other write error ends it with
/// exit code 2.
pub(crate) fn print_line(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("vanthu: cannot write standard output: {e}");
        std::process::exit(2);
    }
}
