//! The compliance-harness side of `vanthu check`: folders (recursive), mixed
//! inputs recognised by content (edXML, signed PDF, Circular 05/2025 SIP ZIP),
//! JSON, JUnit XML for CI systems, and a summary line with counts.
//!
//! Exit codes: **2** when any input cannot be read (it takes precedence: a
//! harness must not report "non-conformant" for a file it never saw), else
//! **1** when any file is not conformant, else **0**.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufReader, Read as _};
use std::path::{Path, PathBuf};

use chrono::Utc;
use serde_json::{Value, json};
use vanthu_archive::package::{CheckOptions, check_package};
use vanthu_edxml::{Profile, ReadOptions, ValidateOptions};
use vanthu_identifiers::{Finding, Severity};
use vanthu_signature::{LegalValue, TrustStore, VerifyOptions, verify_pdf};

use crate::output::print_json;
use crate::{CliError, Outcome};

/// The options `vanthu check` has for harnesses (flattened into its arguments).
#[derive(Debug, Default, clap::Args)]
pub(crate) struct HarnessArgs {
    /// Also write a JUnit XML report to FILE (one test case per checked file),
    /// for CI systems.
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    /// Trust anchors for signed PDFs: a certificate (PEM or DER) or a folder
    /// of them, as for `vanthu verify`. A PDF is conformant when its legal
    /// value is `original`.
    #[arg(long = "trust", value_name = "CERT_OR_DIR")]
    trust: Vec<PathBuf>,
    /// Validation time for PDF certificates (RFC 3339 or YYYY-MM-DD); default: now.
    #[arg(long = "at", value_name = "TIME")]
    at: Option<String>,
}

/// What a file holds, recognised by its first bytes, never by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// An edXML document or status package (XML).
    Edxml,
    /// A PDF (ISO 32000-1 §7.5.2: `%PDF-` within the first 1024 bytes).
    Pdf,
    /// A ZIP: a Circular 05/2025/TT-BNV archival package.
    Sip,
}

impl Format {
    fn as_str(self) -> &'static str {
        match self {
            Self::Edxml => "edxml",
            Self::Pdf => "pdf",
            Self::Sip => "sip",
        }
    }
}

/// Recognises `head` (the first bytes of a file).
pub(crate) fn detect(head: &[u8]) -> Option<Format> {
    if head.starts_with(b"PK\x03\x04") {
        return Some(Format::Sip);
    }
    let window = head.get(..head.len().min(1024)).unwrap_or(head);
    if window.windows(5).any(|w| w == b"%PDF-") {
        return Some(Format::Pdf);
    }
    // XML naming edXML (QCVN 102:2016) or the 2014 SOAP dialect (e-doc.vn)
    // near its start; other XML (record exports, METS) is not a package.
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    let names = |needle: &[u8]| window.windows(needle.len()).any(|w| w == needle);
    (first == Some(&b'<') && (names(b"edXML") || names(b"e-doc.vn"))).then_some(Format::Edxml)
}

/// The result for one file.
struct Checked {
    file: String,
    format: Option<Format>,
    kind: Option<String>,
    /// `None`: could not be read.
    conformant: Option<bool>,
    error: Option<String>,
    findings: Vec<Finding>,
    extra: Vec<(&'static str, Value)>,
}

impl Checked {
    fn unreadable(file: &Path, format: Option<Format>, error: impl Into<String>) -> Self {
        Self {
            file: file.display().to_string(),
            format,
            kind: None,
            conformant: None,
            error: Some(error.into()),
            findings: Vec::new(),
            extra: Vec::new(),
        }
    }

    fn to_json(&self) -> Value {
        let mut v = json!({
            "file": self.file,
            "format": self.format.map(Format::as_str),
            "conformant": self.conformant == Some(true),
            "findings": self.findings.iter().map(finding_json).collect::<Vec<_>>(),
        });
        if let Value::Object(map) = &mut v {
            if let Some(kind) = &self.kind {
                map.insert("kind".into(), json!(kind));
            }
            if let Some(error) = &self.error {
                map.insert("error".into(), json!(error));
            }
            for (key, value) in &self.extra {
                map.insert((*key).into(), value.clone());
            }
        }
        v
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

fn finding_json(f: &Finding) -> Value {
    json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "message": f.message,
        "message_vi": f.message_vi,
        "location": {
            "path": f.location.path,
            "line": f.location.line,
            "column": f.location.column,
            "offset": f.location.offset,
        },
        "source": f.source,
    })
}

/// The inputs: files as given, folders walked recursively in name order
/// (symbolic links to folders are not followed, so a loop cannot hang the
/// harness). Files in folders whose content is not recognised are skipped
/// and counted; a file named explicitly is always checked.
fn collect(inputs: &[PathBuf]) -> Result<(Vec<(PathBuf, bool)>, usize), CliError> {
    let mut files = Vec::new();
    let mut skipped = 0;
    for input in inputs {
        if input.is_dir() {
            walk(input, &mut files)?;
        } else {
            files.push((input.clone(), true));
        }
    }
    files.retain(|(path, explicit)| {
        if *explicit {
            return true;
        }
        let keep = head(path).is_ok_and(|h| detect(&h).is_some());
        if !keep {
            skipped += 1;
        }
        keep
    });
    Ok((files, skipped))
}

fn walk(dir: &Path, files: &mut Vec<(PathBuf, bool)>) -> Result<(), CliError> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| CliError::new(format!("cannot read {}: {e}", dir.display())))?
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            files.push((path, true));
            continue;
        };
        if kind.is_dir() {
            walk(&path, files)?;
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            files.push((path, false));
        }
    }
    Ok(())
}

fn head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(1024);
    File::open(path)?.take(1024).read_to_end(&mut buf)?;
    Ok(buf)
}

/// Everything needed to check one file.
struct Checker {
    strict: bool,
    trust: TrustStore,
    verify: VerifyOptions,
}

impl Checker {
    fn check(&self, path: &Path) -> Checked {
        // Recognised by the first KiB; an edXML package is then streamed
        // from the file (never held in memory), a PDF read whole.
        if path.as_os_str() == "-" {
            // Standard input: one edXML package.
            return self.edxml(path);
        }
        let head = match head(path) {
            Ok(h) => h,
            Err(e) => return Checked::unreadable(path, None, format!("cannot read: {e}")),
        };
        match detect(&head) {
            Some(Format::Edxml) => self.edxml(path),
            Some(Format::Pdf) => match std::fs::read(path) {
                Ok(bytes) => self.pdf(path, &bytes),
                Err(e) => Checked::unreadable(path, Some(Format::Pdf), format!("cannot read: {e}")),
            },
            Some(Format::Sip) => sip(path),
            None => Checked::unreadable(
                path,
                None,
                "not an edXML package, a PDF or a ZIP archival package",
            ),
        }
    }

    fn edxml(&self, path: &Path) -> Checked {
        let profile = if self.strict {
            Profile::Sender
        } else {
            Profile::Receiver
        };
        let input = match crate::output::open_input(path) {
            Ok(input) => input,
            Err(e) => return Checked::unreadable(path, Some(Format::Edxml), e.to_string()),
        };
        match vanthu_edxml::check_from(
            input,
            &ReadOptions::default(),
            &ValidateOptions::new(profile),
        ) {
            Ok(report) => Checked {
                file: path.display().to_string(),
                format: Some(Format::Edxml),
                kind: Some(report.read.package.kind().to_owned()),
                conformant: Some(report.conformant()),
                error: None,
                findings: report.findings,
                extra: Vec::new(),
            },
            Err(e) => {
                let mut checked = Checked::unreadable(path, Some(Format::Edxml), e.to_string());
                // The same shape as the other findings, so that harnesses key on the rule id.
                let position = e.position();
                checked.extra.push((
                    "findings",
                    json!([{
                        "rule": "EDXML-READ-000",
                        "severity": "error",
                        "message": e.kind().to_string(),
                        "message_vi": "không đọc được gói tin",
                        "location": position.map(|p| json!({ "line": p.line, "column": p.column, "offset": p.offset })),
                        "source": "W3C XML 1.0; QCVN 102:2016/BTTTT",
                    }]),
                ));
                checked
            }
        }
    }

    fn pdf(&self, path: &Path, bytes: &[u8]) -> Checked {
        match verify_pdf(bytes, &self.trust, &self.verify) {
            Ok(report) => Checked {
                file: path.display().to_string(),
                format: Some(Format::Pdf),
                kind: Some("pdf".to_owned()),
                // The legal-value rule: signed by the competent person and
                // then by the agency (seed 001 Art. 4.1; seed 003 Art. 3.1).
                conformant: Some(report.legal_value == LegalValue::Original),
                error: None,
                extra: vec![
                    ("legal_value", json!(legal_value(report.legal_value))),
                    ("signatures", json!(report.signatures.len())),
                ],
                findings: report.findings,
            },
            Err(e) => Checked::unreadable(path, Some(Format::Pdf), e.to_string()),
        }
    }
}

fn legal_value(value: LegalValue) -> &'static str {
    match value {
        LegalValue::Original => "original",
        LegalValue::ReferenceOnly => "reference_only",
        LegalValue::Invalid => "invalid",
    }
}

fn sip(path: &Path) -> Checked {
    let report = File::open(path).map_err(|e| e.to_string()).and_then(|f| {
        check_package(BufReader::new(f), &CheckOptions::default()).map_err(|e| e.to_string())
    });
    match report {
        Ok(report) => Checked {
            file: path.display().to_string(),
            format: Some(Format::Sip),
            kind: report.kind.map(|k| k.name().to_owned()),
            conformant: Some(report.conformant()),
            error: None,
            extra: vec![
                ("objid", json!(report.objid)),
                ("files_checked", json!(report.files_checked)),
                ("bytes_checked", json!(report.bytes_checked)),
            ],
            findings: report.findings,
        },
        Err(e) => Checked::unreadable(path, Some(Format::Sip), e),
    }
}

/// The counts of the summary line.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    checked: usize,
    conformant: usize,
    not_conformant: usize,
    unreadable: usize,
    skipped: usize,
    edxml: usize,
    pdf: usize,
    sip: usize,
}

impl Counts {
    fn line(&self) -> String {
        format!(
            "checked {} file(s): {} conformant, {} not conformant, {} unreadable ({} edXML, {} PDF, {} SIP; {} skipped)",
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
}

/// `vanthu check` over files and folders.
pub(crate) fn check(
    inputs: &[PathBuf],
    strict: bool,
    json: bool,
    args: &HarnessArgs,
) -> Result<Outcome, CliError> {
    let at = match &args.at {
        Some(t) => crate::signature::parse_time(t)?.with_timezone(&Utc),
        None => Utc::now(),
    };
    let checker = Checker {
        strict,
        trust: crate::signature::load_trust(&args.trust)?,
        verify: VerifyOptions::new(at),
    };
    let (files, skipped) = collect(inputs)?;
    let mut counts = Counts {
        skipped,
        ..Counts::default()
    };
    let mut results = Vec::with_capacity(files.len());
    for (path, _) in &files {
        let checked = checker.check(path);
        counts.checked += 1;
        match checked.conformant {
            Some(true) => counts.conformant += 1,
            Some(false) => counts.not_conformant += 1,
            None => counts.unreadable += 1,
        }
        match checked.format {
            Some(Format::Edxml) => counts.edxml += 1,
            Some(Format::Pdf) => counts.pdf += 1,
            Some(Format::Sip) => counts.sip += 1,
            None => {}
        }
        if !json {
            print_human(&checked);
        }
        results.push(checked);
    }
    if json {
        print_json(&Value::Array(
            results.iter().map(Checked::to_json).collect(),
        ))?;
        // The summary goes to standard error so that standard output stays one JSON value.
        eprintln!("{}", counts.line());
    } else {
        out!("{}", counts.line());
    }
    if let Some(path) = &args.junit {
        std::fs::write(path, junit(&results, &counts))
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", path.display())))?;
    }
    if counts.checked == 0 {
        return Err(CliError::new(
            "nothing to check: no edXML package, PDF or SIP found",
        ));
    }
    if counts.unreadable > 0 {
        return Err(CliError::new(format!(
            "{} input(s) could not be read",
            counts.unreadable
        )));
    }
    Ok(Outcome::from_valid(counts.not_conformant == 0))
}

fn print_human(c: &Checked) {
    match (c.conformant, &c.error) {
        (None, error) => out!(
            "{}: unreadable: {}",
            c.file,
            error.as_deref().unwrap_or_default()
        ),
        (Some(ok), _) => {
            let errors = c.count(Severity::Error);
            let warnings = c.count(Severity::Warning);
            out!(
                "{}: {}{} ({errors} error(s), {warnings} warning(s), {} note(s))",
                c.file,
                if ok { "conformant" } else { "NOT conformant" },
                c.kind
                    .as_deref()
                    .map_or_else(String::new, |k| format!(" [{k}]")),
                c.findings.len() - errors - warnings
            );
            for f in &c.findings {
                out!("  {f}");
            }
        }
    }
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 cannot carry most control characters, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The JUnit XML report (the schema Jenkins, GitLab and GitHub reporters
/// read): one test case per file; a non-conformant file is a `failure`, an
/// unreadable one an `error`; every finding is listed in the body.
fn junit(results: &[Checked], counts: &Counts) -> String {
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        x,
        "<testsuites name=\"vanthu check\" tests=\"{}\" failures=\"{}\" errors=\"{}\">",
        counts.checked, counts.not_conformant, counts.unreadable
    );
    let _ = writeln!(
        x,
        "  <testsuite name=\"vanthu check\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">",
        counts.checked, counts.not_conformant, counts.unreadable
    );
    for c in results {
        let class = c.format.map_or("unknown", Format::as_str);
        let _ = write!(
            x,
            "    <testcase classname=\"vanthu.{class}\" name=\"{}\"",
            xml_escape(&c.file)
        );
        let body: String = c
            .findings
            .iter()
            .map(|f| format!("{f}\n  {}\n", f.message_vi))
            .collect();
        match (c.conformant, &c.error) {
            (Some(true), _) if body.is_empty() => x.push_str("/>\n"),
            (Some(true), _) => {
                let _ = writeln!(
                    x,
                    ">\n      <system-out>{}</system-out>\n    </testcase>",
                    xml_escape(&body)
                );
            }
            (Some(false), _) => {
                let first = c
                    .findings
                    .iter()
                    .find(|f| f.severity == Severity::Error)
                    .map_or("", |f| f.rule.as_str());
                let _ = writeln!(
                    x,
                    ">\n      <failure type=\"{}\" message=\"{} error finding(s)\">{}</failure>\n    </testcase>",
                    xml_escape(first),
                    c.count(Severity::Error),
                    xml_escape(&body)
                );
            }
            (None, error) => {
                let _ = writeln!(
                    x,
                    ">\n      <error type=\"unreadable\" message=\"{}\"/>\n    </testcase>",
                    xml_escape(error.as_deref().unwrap_or_default())
                );
            }
        }
    }
    x.push_str("  </testsuite>\n</testsuites>\n");
    x
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )]
    use super::*;

    #[test]
    fn detects_by_content() {
        assert_eq!(detect(b"PK\x03\x04rest"), Some(Format::Sip));
        assert_eq!(detect(b"%PDF-1.7\n"), Some(Format::Pdf));
        assert_eq!(
            detect(b"\xEF\xBB\xBF  \n<?xml version=\"1.0\"?><edXML>"),
            Some(Format::Edxml)
        );
        assert_eq!(detect(b"<?xml version=\"1.0\"?><File>"), None);
        assert_eq!(detect(b"<edXML"), Some(Format::Edxml));
        assert_eq!(detect(b"garbage %PDF-1.4"), Some(Format::Pdf));
        assert_eq!(detect(b"{\"json\": 1}"), None);
        assert_eq!(detect(b""), None);
    }

    #[test]
    fn escapes_xml() {
        assert_eq!(
            xml_escape("a<b>&\"'\u{1}"),
            "a&lt;b&gt;&amp;&quot;&apos;\u{FFFD}"
        );
    }
}
