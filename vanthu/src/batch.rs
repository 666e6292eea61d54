//! Many files at once: folders walked recursively, every file recognised by
//! content, one report per file and the counts of the summary line.

use std::fs::File;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::check::{Checker, FileReport};
use crate::error::{CheckError, ErrorKind};
use crate::format::{Format, HEAD_LEN, detect};

/// How many files were found in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Counts {
    /// Files checked.
    pub checked: usize,
    /// Files read and conformant.
    pub conformant: usize,
    /// Files read and not conformant.
    pub not_conformant: usize,
    /// Files that could not be read.
    pub unreadable: usize,
    /// Files in folders that were not recognised and so not checked.
    pub skipped: usize,
    /// edXML packages checked.
    pub edxml: usize,
    /// PDFs checked.
    pub pdf: usize,
    /// Archival packages checked.
    pub sip: usize,
}

impl Counts {
    /// Counts `report` in.
    pub fn add(&mut self, report: &FileReport) {
        self.checked += 1;
        match (report.readable(), report.conformant) {
            (false, _) => self.unreadable += 1,
            (true, true) => self.conformant += 1,
            (true, false) => self.not_conformant += 1,
        }
        match report.format {
            Some(Format::Edxml) => self.edxml += 1,
            Some(Format::Pdf) => self.pdf += 1,
            Some(Format::Sip) => self.sip += 1,
            None => {}
        }
    }

    /// The summary line: `checked N file(s): C conformant, …`.
    #[must_use]
    pub fn summary(&self) -> String {
        self.summary_in([
            "checked",
            "file(s)",
            "conformant",
            "not conformant",
            "unreadable",
            "skipped",
        ])
    }

    /// The summary line in Vietnamese.
    #[must_use]
    pub fn summary_vi(&self) -> String {
        self.summary_in([
            "đã kiểm tra",
            "tệp",
            "đạt",
            "không đạt",
            "không đọc được",
            "bỏ qua",
        ])
    }

    fn summary_in(&self, [checked, files, ok, not_ok, unreadable, skipped]: [&str; 6]) -> String {
        format!(
            "{checked} {} {files}: {} {ok}, {} {not_ok}, {} {unreadable} ({} edXML, {} PDF, {} SIP; {} {skipped})",
            self.checked,
            self.conformant,
            self.not_conformant,
            self.unreadable,
            self.edxml,
            self.pdf,
            self.sip,
            self.skipped
        )
    }

    /// The verdict on the whole batch: any unreadable file wins (a harness
    /// must not report "not conformant" about a file it never saw), then
    /// any non-conformant one.
    #[must_use]
    pub const fn verdict(&self) -> Verdict {
        if self.unreadable > 0 {
            Verdict::Unreadable
        } else if self.not_conformant > 0 {
            Verdict::NotConformant
        } else {
            Verdict::Conformant
        }
    }
}

/// The verdict on a batch (the CLI's exit codes 0, 1, 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// Every file was read and is conformant.
    Conformant,
    /// Every file was read; at least one is not conformant.
    NotConformant,
    /// At least one file could not be read.
    Unreadable,
}

/// The files to check: files as given, folders walked recursively in name
/// order (symbolic links to folders are not followed, so a loop cannot hang
/// the walk). A folder whose root holds `METS.xml` is an unpacked archival
/// package: it is one input, not walked. A file found in a folder is kept only when its content is
/// recognised (the others are counted as skipped); a file named explicitly
/// is always kept.
///
/// # Errors
/// [`ErrorKind::Io`] when a folder cannot be listed.
pub fn collect(inputs: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<PathBuf>), CheckError> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() && !is_package_folder(input) {
            walk(input, &mut files)?;
        } else {
            files.push((input.clone(), true));
        }
    }
    let (kept, skipped) = files
        .into_iter()
        .partition::<Vec<_>, _>(|(path, explicit)| *explicit || checkable(path));
    let paths = |v: Vec<(PathBuf, bool)>| v.into_iter().map(|(p, _)| p).collect();
    Ok((paths(kept), paths(skipped)))
}

fn walk(dir: &Path, files: &mut Vec<(PathBuf, bool)>) -> Result<(), CheckError> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| CheckError::new(ErrorKind::Io, format!("cannot read {}: {e}", dir.display())))?
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            files.push((path, true));
            continue;
        };
        if kind.is_dir() && is_package_folder(&path) {
            files.push((path, true));
        } else if kind.is_dir() {
            walk(&path, files)?;
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            files.push((path, false));
        }
    }
    Ok(())
}

/// A folder holding `METS.xml` at its root: an unpacked package (E-ARK
/// CSIP 2.1.0 CSIPSTR4).
pub(crate) fn is_package_folder(path: &Path) -> bool {
    path.join("METS.xml").is_file()
}

/// True when a file found in a folder is one the harness checks: an edXML
/// package, a PDF, or a ZIP with a root `METS.xml` (other ZIPs, office
/// documents among them, are skipped).
fn checkable(path: &Path) -> bool {
    match head(path).ok().as_deref().and_then(detect) {
        // A damaged ZIP is still checked (and reported as damaged).
        Some(Format::Sip) => {
            File::open(path).is_ok_and(|f| vanthu_archive::package::is_package(f) != Some(false))
        }
        Some(_) => true,
        None => false,
    }
}

fn head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(HEAD_LEN);
    File::open(path)?
        .take(HEAD_LEN as u64)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

/// The reports on a batch of files and their counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Batch {
    /// One report per file, in the order checked.
    pub files: Vec<FileReport>,
    /// The counts of the summary line.
    pub counts: Counts,
    /// The files found in folders and left out (not an edXML package, a PDF
    /// or an archival package), named as [`crate::names::display_path`] does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
}

impl Batch {
    /// An empty batch that lists and counts the `skipped` files left out by
    /// [`collect`].
    #[must_use]
    pub fn new(skipped: &[PathBuf]) -> Self {
        Self {
            counts: Counts {
                skipped: skipped.len(),
                ..Counts::default()
            },
            skipped: skipped
                .iter()
                .map(|p| crate::names::display_path(p))
                .collect(),
            ..Self::default()
        }
    }

    /// Adds a report and counts it.
    pub fn push(&mut self, report: FileReport) {
        self.counts.add(&report);
        self.files.push(report);
    }
}

impl Checker {
    /// Checks `files` ([`Self::check_file`]) on as many threads as
    /// [`CheckOptions::jobs`](crate::CheckOptions::jobs) says, and calls
    /// `each` with every report on the calling thread, in the order of
    /// `files`: the output is the same as a plain loop's. At most twice as
    /// many files as threads are read or held at once.
    pub fn check_each(&self, files: &[PathBuf], each: impl FnMut(FileReport)) {
        let threads = crate::parallel::threads(self.jobs, files.len());
        crate::parallel::map_in_order(files, threads, |path| self.check_file(path), each);
    }

    /// Checks files and folders (see [`collect`]), several at once (see
    /// [`Self::check_each`]).
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when a folder cannot be listed;
    /// [`ErrorKind::NothingToCheck`] when no file was found.
    pub fn check_paths(&self, inputs: &[PathBuf]) -> Result<Batch, CheckError> {
        let (files, skipped) = collect(inputs)?;
        let mut batch = Batch::new(&skipped);
        self.check_each(&files, |report| batch.push(report));
        if batch.counts.checked == 0 {
            return Err(CheckError::new(
                ErrorKind::NothingToCheck,
                "nothing to check: no edXML package, PDF or archival package found",
            ));
        }
        Ok(batch)
    }
}
