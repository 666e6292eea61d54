//! What every command returns: an outcome or an error, mapped to exit codes.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
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
    let too_large = |size: u64| {
        CliError::new(format!(
            "{}: too large ({size} bytes or more): the commands that read a whole file take at most {MAX_WHOLE_INPUT} bytes",
            path.display()
        ))
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin()
            .take(MAX_WHOLE_INPUT + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::new(format!("cannot read standard input: {e}")))?;
    } else {
        let file = File::open(path)
            .map_err(|e| CliError::new(format!("cannot read {}: {e}", path.display())))?;
        // Refused before a byte is read: a sparse 1.5 GB file costs nothing.
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        if size > MAX_WHOLE_INPUT {
            return Err(too_large(size));
        }
        file.take(MAX_WHOLE_INPUT + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::new(format!("cannot read {}: {e}", path.display())))?;
    }
    if bytes.len() as u64 > MAX_WHOLE_INPUT {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// An input opened for streaming, never held in memory: a file or standard
/// input read through a 64 KiB buffer. (The commands that seek in a package
/// read standard input from a [`Spool`].)
pub(crate) enum Input {
    /// A file (or the anonymous temporary file standard input was copied to).
    File(BufReader<File>),
    /// Standard input: it cannot seek.
    Stdin(BufReader<io::Stdin>),
}

/// A file of our own, removed when dropped unless persisted
/// ([`TempPath::persist`]).
#[cfg(not(target_os = "linux"))]
pub(crate) use tempfile::TempPath;

#[cfg(not(target_os = "linux"))]
/// Creates a new file in `dir` named `{prefix}RANDOM{suffix}`: created
/// exclusively (`O_EXCL`), so a file or a symbolic link planted at a guessed
/// name is never opened or followed, and removed when dropped.
pub(crate) fn new_temp(dir: &Path, prefix: &str, suffix: &str) -> io::Result<(File, TempPath)> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    tempfile::Builder::new()
        .prefix(prefix)
        .suffix(suffix)
        .tempfile_in(dir)
        .map(tempfile::NamedTempFile::into_parts)
}

/// The largest file a command reads whole (a PDF to verify or sign, a
/// JSON input): the signature crate's PDF size limit.
const MAX_WHOLE_INPUT: u64 = 256 * 1024 * 1024;

/// The read buffer of [`Input`]: larger buffers were slower in the
/// `edxml_read` bench.
const INPUT_BUFFER: usize = 64 * 1024;

/// Opens a file, or standard input when `path` is `-`, to read it once from
/// start to end.
pub(crate) fn open_input(path: &Path) -> Result<Input, CliError> {
    if path.as_os_str() == "-" {
        return Ok(Input::Stdin(BufReader::with_capacity(
            INPUT_BUFFER,
            io::stdin(),
        )));
    }
    if path.is_dir() {
        return Err(CliError::new(format!(
            "{} is a folder: give a file (`vanthu check` takes folders)",
            path.display()
        )));
    }
    File::open(path)
        .map(|f| Input::File(BufReader::with_capacity(INPUT_BUFFER, f)))
        .map_err(|e| CliError::new(format!("cannot read {}: {e}", path.display())))
}

/// The most standard input a command copies to a temporary file (the
/// commands that read `-` and seek in it), by default: the edXML reader's
/// package size limit (`vanthu_edxml::Limits::max_package_bytes`, 1 GiB),
/// past which the package would be refused anyway. `--max-stdin` changes
/// it ([`set_max_spool`]); `docs/limits.md` §5.
pub(crate) const MAX_SPOOL: u64 = 1 << 30;

/// The limit of [`spool_stdin`] in force: [`MAX_SPOOL`] unless set.
static SPOOL_LIMIT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(MAX_SPOOL);

/// Sets the most bytes [`spool_stdin`] copies (`--max-stdin`).
pub(crate) fn set_max_spool(max: u64) {
    SPOOL_LIMIT.store(max, std::sync::atomic::Ordering::Relaxed);
}

/// Standard input copied to an anonymous temporary file (`tempfile::tempfile`:
/// unlinked as it is created, so nothing is left behind, even when the
/// process is killed), at most [`MAX_SPOOL`] bytes. It is reopened through
/// its path ([`Spool::path`], `/proc/self/fd/N` on Linux) by the commands
/// that take a path.
pub(crate) struct Spool {
    file: File,
    #[cfg(target_os = "linux")]
    path: std::path::PathBuf,
    /// Elsewhere the file has a random name, removed when dropped.
    #[cfg(not(target_os = "linux"))]
    path: TempPath,
}

impl std::ops::Deref for Spool {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.path
    }
}

/// Copies standard input to a temporary file, removed when dropped.
pub(crate) fn spool_stdin() -> Result<Spool, CliError> {
    let max = SPOOL_LIMIT.load(std::sync::atomic::Ordering::Relaxed);
    spool_from(&mut io::stdin().lock(), max)
}

/// Copies `input` to a new [`Spool`], refusing input longer than `max`
/// bytes (without reading more than one byte past it).
fn spool_from(input: &mut impl Read, max: u64) -> Result<Spool, CliError> {
    let failed = |e: io::Error| CliError::new(format!("cannot copy standard input: {e}"));
    let spool = new_spool().map_err(failed)?;
    let mut file = &spool.file;
    let copied = io::copy(&mut input.take(max.saturating_add(1)), &mut file).map_err(failed)?;
    if copied > max {
        return Err(CliError::new(format!(
            "standard input: limit exceeded: more than {max} bytes (--max-stdin, the most a command copies from standard input; docs/limits.md §5)"
        )));
    }
    file.seek(SeekFrom::Start(0)).map_err(failed)?;
    Ok(spool)
}

#[cfg(target_os = "linux")]
fn new_spool() -> io::Result<Spool> {
    use std::os::fd::AsRawFd;
    let file = tempfile::tempfile()?;
    let path = Path::new("/proc/self/fd").join(file.as_raw_fd().to_string());
    Ok(Spool { file, path })
}

#[cfg(not(target_os = "linux"))]
fn new_spool() -> io::Result<Spool> {
    let (file, path) = new_temp(&std::env::temp_dir(), "vanthu-stdin-", ".tmp")?;
    Ok(Spool { file, path })
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Self::File(f) => f.read(buf),
            Self::Stdin(s) => s.read(buf),
        }
    }
}

impl BufRead for Input {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            Self::File(f) => f.fill_buf(),
            Self::Stdin(s) => s.fill_buf(),
        }
    }

    fn consume(&mut self, amount: usize) {
        match self {
            Self::File(f) => f.consume(amount),
            Self::Stdin(s) => s.consume(amount),
        }
    }
}

impl Seek for Input {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        match self {
            Self::File(f) => f.seek(to),
            Self::Stdin(_) => Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "standard input cannot seek",
            )),
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

/// Set once the reader of standard output has gone away (`vanthu … | head`).
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Writes bytes to standard output. Not `println!`, which panics when the
/// reader has closed the pipe. A closed pipe is not an error: the command
/// goes on without printing, so that its exit code (0, 1 or 2) still says
/// what it found; any other write error is.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    use std::io::Write;
    use std::sync::atomic::Ordering;
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => other.map_err(|e| CliError::new(format!("cannot write standard output: {e}"))),
    }
}

/// Writes one line to standard output (the `out!` macro), as
/// [`write_stdout`] does: a closed pipe is ignored; any other write error
/// ends the program with exit code 2.
pub(crate) fn print_line(args: std::fmt::Arguments<'_>) {
    let mut line = args.to_string();
    line.push('\n');
    if let Err(e) = write_stdout(line.as_bytes()) {
        eprintln!("vanthu: {e}");
        std::process::exit(2);
    }
}
