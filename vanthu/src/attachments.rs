//! What is inside an edXML package: each attachment recognised by its
//! content, each PDF verified, and the legal value of the main document.
//!
//! The main document is the first attachment whose content is a PDF: it must
//! be signed by the competent person and then by the agency (Nghị định
//! 30/2020/NĐ-CP Điều 5). Other PDF attachments are files attached to the
//! document, for which the agency's signature suffices; one without it is a
//! warning, since a package may carry reference material. Other formats
//! (a Word file, a ZIP, an image) are reported by their type and not
//! verified: a ZIP inside a package is never taken for an archival package.

use std::io::{Read, Seek};

use serde::{Deserialize, Serialize};
use vanthu_edxml::{FileKind, Package};
use vanthu_identifiers::{Finding, Location};
use vanthu_signature::LegalValue;

use crate::check::Checker;
use crate::rules;

/// One attachment of an edXML package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AttachmentReport {
    /// Position in the package, from 0; findings about it are located at
    /// `attachments[index]`.
    pub index: usize,
    /// `AttachmentName`, as the package gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The type found by content (`pdf`, `docx`, `zip`, …), or `None` when
    /// the attachment could not be decoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Decoded size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// This PDF is the main document of the package.
    pub main: bool,
    /// For a PDF that could be verified: `original`, `reference_only` or `invalid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_value: Option<LegalValue>,
    /// For a PDF that could be verified: how many signatures it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signatures: Option<usize>,
}

/// The legal value in words, English and Vietnamese.
pub(crate) fn legal_value_words(value: LegalValue) -> (&'static str, &'static str) {
    match value {
        LegalValue::Original => ("original", "như bản gốc"),
        LegalValue::ReferenceOnly => ("for reference only", "chỉ có giá trị tham khảo"),
        LegalValue::Invalid => ("invalid", "không hợp lệ"),
    }
}

/// The location of attachment `index`, or of `inner` inside it.
fn under(index: usize, inner: &Location) -> Location {
    let mut location = inner.clone();
    location.path = Some(match &inner.path {
        Some(path) => format!("attachments[{index}]/{path}"),
        None => format!("attachments[{index}]"),
    });
    location
}

/// Checks the attachments of a package read from `input`, adding findings.
pub(crate) fn check_attachments<R: Read + Seek>(
    checker: &Checker,
    report: &vanthu_edxml::Report,
    input: &mut R,
    findings: &mut Vec<Finding>,
) -> Vec<AttachmentReport> {
    let Package::Document(document) = &report.read.package else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(document.attachments.len());
    let mut main_seen = false;
    for (index, attachment) in document.attachments.iter().enumerate() {
        let scan = report.scans.get(index).and_then(Option::as_ref);
        let kind = scan.map(|s| s.kind);
        let mut entry = AttachmentReport {
            index,
            name: attachment.attachment_name.clone(),
            kind: kind.map(|k| k.as_str().to_owned()),
            size: scan.map(|s| s.digest.size),
            main: false,
            legal_value: None,
            signatures: None,
        };
        if kind == Some(FileKind::Pdf) {
            entry.main = !main_seen;
            main_seen = true;
            verify_attachment(checker, report, input, &mut entry, findings);
        }
        out.push(entry);
    }
    if !out.is_empty() && !main_seen {
        let kinds: Vec<&str> = out.iter().filter_map(|a| a.kind.as_deref()).collect();
        findings.push(rules::NO_PDF.finding(&kinds.join(", "), Location::at_path("attachments")));
    }
    out
}

fn verify_attachment<R: Read + Seek>(
    checker: &Checker,
    report: &vanthu_edxml::Report,
    input: &mut R,
    entry: &mut AttachmentReport,
    findings: &mut Vec<Finding>,
) {
    let here = under(entry.index, &Location::default());
    // The reason is English text from the parser; the Vietnamese message
    // stays Vietnamese.
    let unreadable = |detail: String| {
        let rule = rules::ATTACHMENT_UNREADABLE;
        rule.custom(
            format!("{}: {detail}", rule.title),
            rule.title_vi,
            here.clone(),
        )
    };
    if let Some(size) = entry.size.filter(|&s| s > checker.max_pdf_size()) {
        findings.push(unreadable(format!(
            "{size} bytes > {}",
            checker.max_pdf_size()
        )));
        return;
    }
    let mut pdf = Vec::new();
    if let Err(e) = report
        .read
        .decode_attachment_from(&mut *input, entry.index, &mut pdf)
    {
        findings.push(unreadable(e.to_string()));
        return;
    }
    let verified = match checker.verify_pdf(&pdf, !entry.main) {
        Ok(v) => v,
        Err(e) => {
            findings.push(unreadable(e.to_string()));
            return;
        }
    };
    entry.legal_value = Some(verified.legal_value);
    entry.signatures = Some(verified.signatures.len());
    let verdict = if entry.main {
        rules::MAIN_DOCUMENT_NOT_ORIGINAL
    } else {
        rules::ATTACHMENT_NOT_SIGNED
    };
    // The PDF's findings, located under the attachment, are never more
    // severe for the package than the verdict on that attachment: an
    // unsigned appendix is a warning, not an error.
    findings.extend(verified.findings.into_iter().map(|mut f| {
        f.location = under(entry.index, &f.location);
        f.severity = f.severity.min(verdict.severity);
        f
    }));
    if verified.legal_value != LegalValue::Original {
        let (en, vi) = legal_value_words(verified.legal_value);
        findings.push(verdict.custom(
            format!("{}: {en}", verdict.title),
            format!("{}: {vi}", verdict.title_vi),
            here,
        ));
    }
}
