//! The stated budget (`docs/limits.md`): every command, on any input, ends
//! within a time limit inside a fixed address space, with exit 1 or 2 and a
//! message naming the limit that was hit. The adversarial inputs of the
//! tests run through [`bounded`].

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The address space every adversarial run gets (`ulimit -v`): 1 GiB. The
/// binary, its thread stacks and its allocator arenas take part of it; the
/// contract of `docs/limits.md` is well inside it.
pub(crate) const ADDRESS_SPACE: u64 = 1024 * 1024 * 1024;

/// The time every adversarial run gets, in a debug build of the tests. The
/// release binary ends each input in a few seconds; the debug one is slower
/// by a constant factor, not by the size of the input.
pub(crate) const TIME_LIMIT: Duration = Duration::from_secs(60);

/// What a bounded run did.
pub(crate) struct Bounded {
    pub(crate) output: Output,
    pub(crate) elapsed: Duration,
}

impl Bounded {
    /// The exit code; a run killed by a signal (an abort, the time limit)
    /// fails the test here, with what it printed.
    pub(crate) fn code(&self) -> i32 {
        match self.output.status.code() {
            Some(code) => code,
            None => panic!(
                "killed after {:?} ({:?})\n{}",
                self.elapsed,
                self.output.status,
                String::from_utf8_lossy(&self.output.stderr)
            ),
        }
    }

    /// Standard output and standard error, as text.
    pub(crate) fn text(&self) -> String {
        format!(
            "{}{}",
            String::from_utf8_lossy(&self.output.stdout),
            String::from_utf8_lossy(&self.output.stderr)
        )
    }

    /// Asserts the run ended with `code` and that its output mentions
    /// `needle` (the limit or rule that was hit).
    pub(crate) fn ends(&self, code: i32, needle: &str) {
        assert_eq!(self.code(), code, "{}", self.text());
        assert!(
            self.text().contains(needle),
            "expected {needle:?} in:\n{}",
            self.text()
        );
    }
}

/// Runs `vanthu args` inside [`ADDRESS_SPACE`] and [`TIME_LIMIT`], with
/// standard input read from `stdin` (or empty). The run is killed at the
/// time limit, which the caller sees as a panic from [`Bounded::code`].
pub(crate) fn bounded(args: &[&str], stdin: Option<&Path>) -> Bounded {
    let input = match stdin {
        Some(path) => Stdio::from(std::fs::File::open(path).expect("open stdin file")),
        None => Stdio::null(),
    };
    let started = Instant::now();
    let mut child = Command::new("prlimit")
        .arg(format!("--as={ADDRESS_SPACE}"))
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_vanthu"))
        .args(args)
        .stdin(input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn prlimit (util-linux) with vanthu");
    // Read the pipes while waiting, so a chatty run cannot block on them.
    let stdout = child.stdout.take().map(drain);
    let stderr = child.stderr.take().map(drain);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for vanthu") {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            break child.wait().expect("wait for killed vanthu");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    let join = |h: Option<std::thread::JoinHandle<Vec<u8>>>| {
        h.map(|h| h.join().unwrap_or_default()).unwrap_or_default()
    };
    Bounded {
        output: Output {
            status,
            stdout: join(stdout),
            stderr: join(stderr),
        },
        elapsed,
    }
}

fn drain(mut pipe: impl std::io::Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}
