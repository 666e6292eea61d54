//! What every command returns: an outcome or an error, mapped to exit codes.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read, Seek, SeekFrom};
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

/// A package opened for streaming: a file read through a 64 KiB buffer, so
/// that a 200 MB package is never held in memory, or standard input, which
/// cannot seek and is therefore read whole.
pub(crate) enum Input {
    File(BufReader<File>),
    Memory(Cursor<Vec<u8>>),
}

/// The read buffer of [`Input::File`]: larger buffers were slower in the
/// `edxml_read` bench.
const INPUT_BUFFER: usize = 64 * 1024;

/// Opens a file, or standard input when `path` is `-`.
pub(crate) fn open_input(path: &Path) -> Result<Input, CliError> {
    if path.as_os_str() == "-" {
        return read_input(path).map(|bytes| Input::Memory(Cursor::new(bytes)));
    }
    File::open(path)
        .map(|f| Input::File(BufReader::with_capacity(INPUT_BUFFER, f)))
        .map_err(|e| CliError::new(format!("cannot read {}: {e}", path.display())))
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::File(f) => f.read(buf),
            Self::Memory(m) => m.read(buf),
        }
    }
}

impl BufRead for Input {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Self::File(f) => f.fill_buf(),
            Self::Memory(m) => m.fill_buf(),
        }
    }

    fn consume(&mut self, amount: usize) {
        match self {
            Self::File(f) => f.consume(amount),
            Self::Memory(m) => m.consume(amount),
        }
    }
}

impl Seek for Input {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        match self {
            Self::File(f) => f.seek(to),
            Self::Memory(m) => m.seek(to),
        }
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
