//! The receiving clerk's check of a package, by the umbrella crate.

use super::*;

/// What the receiving clerk finds when checking a package: the umbrella
/// crate's verdict (the edXML findings and the legal value of every PDF,
/// verified with the demo's root as trust anchor), the package and its main
/// document.
pub(crate) struct Receipt {
    pub(crate) package: DocumentPackage,
    pub(crate) pdf: Vec<u8>,
    pub(crate) report: vanthu::FileReport,
}

impl Receipt {
    /// The legal value of the main document.
    pub(crate) fn legal_value(&self) -> Option<LegalValue> {
        self.report
            .attachments
            .iter()
            .find(|a| a.main)
            .and_then(|a| a.legal_value)
    }

    /// Why the package is returned: the Vietnamese messages of its errors.
    pub(crate) fn reason_vi(&self) -> String {
        self.report
            .findings
            .iter()
            .filter(|f| f.severity == vanthu::Severity::Error)
            .map(|f| f.message_vi.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

pub(crate) fn receive(bytes: &[u8], root: &Path, at: DateTime<FixedOffset>) -> Res<Receipt> {
    let mut options = vanthu::CheckOptions::new(at);
    options.trust.push(root.to_path_buf());
    let report =
        vanthu::check_bytes("package.edxml", bytes, &options).ctx("check received package")?;
    let read = vanthu_edxml::read(bytes).ctx("read received package")?;
    let package = read
        .package
        .as_document()
        .ok_or_else(|| fail("a status package where a document was expected"))?
        .clone();
    let mut pdf = Vec::new();
    read.decode_attachment(bytes, 0, &mut pdf)
        .ctx("decode attachment")?;
    Ok(Receipt {
        package,
        pdf,
        report,
    })
}
