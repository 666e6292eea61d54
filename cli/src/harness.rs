//! `vanthu check`: the umbrella crate's harness ([`vanthu::Checker`]) over
//! files and folders, printed as text, JSON (serde's serialisation of
//! [`vanthu::FileReport`]) or JUnit XML.
//!
//! Exit codes: **2** when any input cannot be read (it takes precedence: a
//! harness must not report "non-conformant" for a file it never saw), else
//! **1** when any file is not conformant, else **0**.

use std::path::PathBuf;

use vanthu::{CheckOptions, Checker, FileReport, Severity, Verdict};

use crate::output::{print_json, spool_stdin};
use crate::{CliError, Outcome};

/// The options `vanthu check` has for harnesses (flattened into its arguments).
#[derive(Debug, Default, clap::Args)]
pub(crate) struct HarnessArgs {
    /// Also write a JUnit XML report to FILE (one test case per checked file),
    /// for CI systems.
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    /// Trust anchors for signed PDFs: a certificate (PEM or DER) or a folder
    /// of them, as for `vanthu verify`. A PDF, or the main document of an
    /// edXML package, is conformant when its legal value is `original`.
    #[arg(long = "trust", value_name = "CERT_OR_DIR")]
    trust: Vec<PathBuf>,
    /// A CRL (DER) to check revocation against; repeat for more.
    #[arg(long = "crl", value_name = "CRL")]
    crl: Vec<PathBuf>,
    /// An OCSP response (DER, RFC 6960) to check revocation against; repeat for more.
    #[arg(long = "ocsp", value_name = "OCSP")]
    ocsp: Vec<PathBuf>,
    /// Validation time for PDF certificates, and "today" for dates in
    /// packages (RFC 3339, YYYY-MM-DD, YYYY-MM-DDTHH:MM(:SS) or yyyy/MM/dd HH:mm:ss,
    /// Vietnam time unless an offset is given); default: now.
    #[arg(long = "at", value_name = "TIME")]
    at: Option<String>,
    /// How signers are told apart (person or organisation): a JSON role
    /// policy, as for `vanthu verify --roles`.
    #[arg(long, value_name = "FILE")]
    roles: Option<PathBuf>,
    /// The language of the text output: both (English, then each message in
    /// Vietnamese), en or vi.
    #[arg(long, value_enum, default_value = "both")]
    lang: Lang,
}

/// The language of `vanthu check`'s text output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Lang {
    /// English, and each message again in Vietnamese.
    #[default]
    Both,
    /// English only.
    En,
    /// Vietnamese only.
    Vi,
}

impl HarnessArgs {
    /// The facade's options (`vanthu::api::check` takes the same).
    fn options(&self, strict: bool) -> Result<CheckOptions, CliError> {
        let mut args = vanthu::api::CheckArgs::default();
        args.at.clone_from(&self.at);
        args.trust.clone_from(&self.trust);
        args.crls.clone_from(&self.crl);
        args.ocsps.clone_from(&self.ocsp);
        args.strict = strict;
        args.roles = Some(crate::signature::role_policy(self.roles.as_deref())?);
        args.options().map_err(|e| CliError::new(e.message))
    }
}

/// `vanthu check` over files and folders.
pub(crate) fn check(
    inputs: &[PathBuf],
    strict: bool,
    json: bool,
    args: &HarnessArgs,
) -> Result<Outcome, CliError> {
    let error = |e: vanthu::CheckError| CliError::new(e.to_string());
    let checker = Checker::new(&args.options(strict)?).map_err(error)?;
    crate::signature::warn_skipped(checker.trust_skipped());
    let (files, skipped) = vanthu::collect(inputs).map_err(error)?;
    let mut batch = vanthu::Batch::new(&skipped);
    let is_stdin = |path: &PathBuf| path.as_os_str() == "-";
    // Standard input is copied to a temporary file first: attachments are
    // decoded by seeking to them.
    let spool = if files.iter().any(is_stdin) {
        Some(spool_stdin()?)
    } else {
        None
    };
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|path| match (&spool, is_stdin(path)) {
            (Some(spool), true) => spool.to_path_buf(),
            _ => path.clone(),
        })
        .collect();
    // Several files at once; the reports come, and are printed, in order.
    let mut given = files.iter();
    checker.check_each(&paths, |mut report| {
        if given.next().is_some_and(is_stdin) {
            report.file = "-".to_owned();
        }
        if !json {
            print_human(&report, args.lang);
        }
        batch.push(report);
    });
    let counts = batch.counts;
    if json {
        print_json(&batch.files)?;
        // The summary goes to standard error so that standard output stays one JSON value.
        eprintln!("{}", counts.summary());
    } else {
        if args.lang != Lang::Vi {
            out!("{}", counts.summary());
        }
        if args.lang != Lang::En {
            out!("{}", counts.summary_vi());
        }
    }
    if let Some(path) = &args.junit {
        let xml = vanthu::junit::to_junit(&batch)
            .map_err(|e| CliError::new(format!("cannot write JUnit XML: {e}")))?;
        std::fs::write(path, xml)
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", path.display())))?;
    }
    if counts.checked == 0 {
        return Err(CliError::new(
            "nothing to check: no edXML package, PDF or SIP found",
        ));
    }
    match counts.verdict() {
        Verdict::Unreadable => Err(CliError::new(format!(
            "{} input(s) could not be read",
            counts.unreadable
        ))),
        verdict => Ok(Outcome::from_valid(verdict == Verdict::Conformant)),
    }
}

/// The words of the text output in one language.
struct Words {
    unreadable: &'static str,
    conformant: &'static str,
    not_conformant: &'static str,
    counts: [&'static str; 3],
    attachment: &'static str,
    undecodable: &'static str,
    main: &'static str,
    legal_value: fn(vanthu::signature::LegalValue) -> String,
}

const EN: Words = Words {
    unreadable: "unreadable",
    conformant: "conformant",
    not_conformant: "NOT conformant",
    counts: ["error(s)", "warning(s)", "note(s)"],
    attachment: "attachments",
    undecodable: "undecodable",
    main: "main document",
    legal_value: |v| format!("legal value {v}"),
};

const VI: Words = Words {
    unreadable: "không đọc được",
    conformant: "đạt",
    not_conformant: "KHÔNG ĐẠT",
    counts: ["lỗi", "cảnh báo", "ghi chú"],
    attachment: "tệp đính kèm ",
    undecodable: "không giải mã được",
    main: "văn bản chính",
    legal_value: |v| {
        use vanthu::signature::LegalValue;
        match v {
            LegalValue::Original => "có giá trị pháp lý như bản gốc",
            LegalValue::ReferenceOnly => "chỉ có giá trị tham khảo",
            LegalValue::Invalid => "không hợp lệ",
        }
        .to_owned()
    },
};

fn print_human(report: &FileReport, lang: Lang) {
    let w = if lang == Lang::Vi { &VI } else { &EN };
    if let Some(error) = &report.error {
        out!(
            "{}: {} [{}]: {}",
            report.file,
            w.unreadable,
            error.code,
            error.message
        );
        return;
    }
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    let [e, wa, n] = w.counts;
    out!(
        "{}: {}{} ({errors} {e}, {warnings} {wa}, {} {n})",
        report.file,
        if report.conformant {
            w.conformant
        } else {
            w.not_conformant
        },
        report
            .kind
            .as_deref()
            .map_or_else(String::new, |k| format!(" [{k}]")),
        report.findings.len() - errors - warnings
    );
    for a in &report.attachments {
        let legal = a
            .legal_value
            .map_or_else(String::new, |v| format!(", {}", (w.legal_value)(v)));
        out!(
            "  {}[{}]: {} ({}{}{legal})",
            w.attachment,
            a.index,
            a.name.as_deref().unwrap_or("-"),
            a.kind.as_deref().unwrap_or(w.undecodable),
            if a.main {
                format!(", {}", w.main)
            } else {
                String::new()
            },
        );
    }
    for f in &report.findings {
        if lang == Lang::Vi {
            let at = if f.location.is_unknown() {
                String::new()
            } else {
                format!(" ({})", f.location.to_string_vi())
            };
            out!(
                "  {} [{}] {}{at}",
                f.severity.name_vi(),
                f.rule,
                f.message_vi
            );
            continue;
        }
        out!("  {f}");
        if lang == Lang::Both {
            out!("    {}", f.message_vi);
        }
    }
}
