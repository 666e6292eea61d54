//! Where a package's files come from: a ZIP container or an unpacked
//! folder. The reader lists entry names and opens entries through this one
//! interface, so that a folder and its ZIP give the same findings.
//!
//! A folder is listed as a ZIP would be: every name starts with the
//! folder's own name (the package's root folder, E-ARK CSIP 2.1.0
//! CSIPSTR1), `/`-separated. Symbolic links and special files are never
//! followed or opened: they are reported (a link could point outside the
//! package, a FIFO would block the reader). The walk is bounded by
//! [`MAX_DIR_ENTRIES`] and [`MAX_DIR_DEPTH`].

use std::fs::File;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use vanthu_identifiers::{Finding, Location};
use zip::ZipArchive;

use crate::error::ArchiveError;
use crate::rules;

/// Most entries (files and folders) listed in a package folder.
pub const MAX_DIR_ENTRIES: usize = 1_000_000;
/// Deepest folder nesting walked in a package folder.
pub const MAX_DIR_DEPTH: usize = 64;

/// The container of a package.
pub(crate) enum Source<R: Read + Seek> {
    Zip(ZipArchive<R>),
    Dir(PathBuf),
}

impl<R: Read + Seek> Source<R> {
    /// Every entry name (folders end with `/`), and what listing found.
    pub(crate) fn names(&self) -> Result<(Vec<String>, Vec<Finding>), ArchiveError> {
        match self {
            Self::Zip(zip) => {
                let names = zip
                    .file_names()
                    .map(|n| n.map(std::borrow::Cow::into_owned))
                    .collect::<Result<_, _>>()?;
                let mut findings = Vec::new();
                // Two central-directory entries with one name: readers
                // disagree on which copy is the file (the zip crate keeps the
                // last), so the content is ambiguous.
                if zip.has_duplicate_names() {
                    findings.push(rules::PKG_DUPLICATE_ENTRY.custom(
                        "the ZIP names an entry twice: readers disagree on which copy is the file",
                        "tệp ZIP có hai mục cùng tên: các phần mềm đọc có thể lấy bản khác nhau",
                        Location::default(),
                    ));
                }
                Ok((names, findings))
            }
            Self::Dir(root) => list_dir(root),
        }
    }

    /// Streams one entry, by the name [`names`](Self::names) gave.
    pub(crate) fn open(&mut self, name: &str) -> Result<Box<dyn Read + '_>, ArchiveError> {
        match self {
            Self::Zip(zip) => Ok(Box::new(zip.by_name(name)?)),
            Self::Dir(root) => {
                // Names are `<root folder>/<relative path>`, made by
                // `list_dir` from regular files only.
                let rel = name.split_once('/').map_or("", |(_, r)| r);
                let path = rel.split('/').fold(root.clone(), |p, part| p.join(part));
                let meta = std::fs::symlink_metadata(&path)?;
                if !meta.is_file() {
                    return Err(ArchiveError::Unknown {
                        what: "regular file in the package folder",
                        name: name.to_owned(),
                    });
                }
                Ok(Box::new(File::open(path)?))
            }
        }
    }
}

/// The package root of a folder: the folder itself when it holds
/// `METS.xml`, or its one subfolder when that is all it holds and the
/// subfolder has `METS.xml` (an unzipped package), else the folder.
pub(crate) fn package_root(dir: &Path) -> PathBuf {
    if dir.join("METS.xml").is_file() {
        return dir.to_path_buf();
    }
    let only = std::fs::read_dir(dir).ok().and_then(|entries| {
        let entries: Vec<_> = entries.take(2).filter_map(Result::ok).collect();
        match entries.as_slice() {
            [one] if one.file_type().is_ok_and(|t| t.is_dir()) => Some(one.path()),
            _ => None,
        }
    });
    match only {
        Some(sub) if sub.join("METS.xml").is_file() => sub,
        _ => dir.to_path_buf(),
    }
}

/// True when `dir` is a folder that holds a package: a `METS.xml` at its
/// root (E-ARK CSIP 2.1.0 CSIPSTR4), or in its one subfolder.
#[must_use]
pub fn is_package_dir(dir: &Path) -> bool {
    dir.is_dir() && package_root(dir).join("METS.xml").is_file()
}

fn list_dir(root: &Path) -> Result<(Vec<String>, Vec<Finding>), ArchiveError> {
    let top = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "package".to_owned());
    let mut names = Vec::new();
    let mut findings = Vec::new();
    let mut stack = vec![(root.to_path_buf(), format!("{top}/"), 0usize)];
    while let Some((dir, prefix, depth)) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            if names.len() >= MAX_DIR_ENTRIES {
                return Err(ArchiveError::invalid(
                    "package folder",
                    format!("more than {MAX_DIR_ENTRIES} entries"),
                ));
            }
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            // `file_type` does not follow symbolic links.
            let kind = entry.file_type()?;
            if kind.is_dir() {
                if depth >= MAX_DIR_DEPTH {
                    return Err(ArchiveError::invalid(
                        "package folder",
                        format!("folders nested deeper than {MAX_DIR_DEPTH} at `{name}`"),
                    ));
                }
                names.push(format!("{name}/"));
                stack.push((entry.path(), format!("{name}/"), depth.saturating_add(1)));
            } else if kind.is_file() {
                names.push(name);
            } else {
                let what = if kind.is_symlink() {
                    ("a symbolic link", "liên kết tượng trưng")
                } else {
                    ("a special file", "tệp đặc biệt")
                };
                findings.push(rules::PKG_NOT_REGULAR.custom(
                    format!("`{name}` is {} and was not followed", what.0),
                    format!("`{name}` là {} và không được đọc theo", what.1),
                    Location::at_path(&name),
                ));
            }
        }
    }
    names.sort();
    Ok((names, findings))
}

/// Unpacks a package ZIP into `dir` (created if needed), as an archive's
/// ingest disk holds packages, and returns the package's folder: `dir`'s
/// one root folder when the ZIP has one (E-ARK CSIP 2.1.0 CSIPSTR1), else
/// `dir`. [`check_package_dir`](super::check_package_dir) on that folder
/// gives the findings [`check_package`](super::check_package) gives on the
/// ZIP.
///
/// Entries are streamed to disk; no entry is written outside `dir`.
///
/// ```
/// # use std::io::Cursor;
/// # fn f(zip: Vec<u8>) -> Result<(), vanthu_archive::ArchiveError> {
/// use vanthu_archive::package::{CheckOptions, check_package_dir, unpack};
/// let tmp = std::env::temp_dir().join("vanthu-unpack-example");
/// let folder = unpack(Cursor::new(zip), &tmp)?;
/// let report = check_package_dir(&folder, &CheckOptions::default())?;
/// # Ok(()) }
/// ```
///
/// # Errors
/// An unreadable ZIP; an entry whose name could leave `dir` (`..`, an
/// absolute path), which stops the unpacking ([`ArchiveError::Invalid`]);
/// I/O errors.
pub fn unpack<R: Read + Seek>(reader: R, dir: &Path) -> Result<PathBuf, ArchiveError> {
    let mut zip = ZipArchive::new(reader)?;
    let mut roots = std::collections::BTreeSet::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i)?;
        let rel = entry.enclosed_name().ok_or_else(|| {
            ArchiveError::invalid(
                "package entry",
                format!(
                    "`{}` would leave the folder",
                    entry.name().unwrap_or_default()
                ),
            )
        })?;
        if let Some(std::path::Component::Normal(first)) = rel.components().next() {
            roots.insert(first.to_owned());
        }
        let path = dir.join(&rel);
        if entry.is_dir() {
            std::fs::create_dir_all(&path)?;
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::io::copy(&mut entry, &mut File::create(&path)?)?;
    }
    let mut roots = roots.into_iter();
    Ok(match (roots.next(), roots.next()) {
        (Some(root), None) if dir.join(&root).is_dir() => dir.join(root),
        _ => dir.to_path_buf(),
    })
}
