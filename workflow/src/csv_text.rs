//! CSV output of registers and reports (RFC 4180, CRLF line ends), written
//! with the `csv` crate.
//!
//! Subjects, names, numbers and unit names come from other agencies'
//! documents or from accounts: untrusted text. A spreadsheet evaluates a cell
//! that starts with `=`, `+`, `-` or `@` (and, in some programs, a tab or a
//! carriage return) as a formula, which can run commands or leak data when a
//! clerk opens the register. Such a cell is written with a leading single
//! quote (`'=HYPERLINK(…)`), which spreadsheets show as text; the quote is
//! visible in plain-text readers, which is the accepted price of the guard.

/// `text` as a spreadsheet will show it: prefixed with `'` when it starts with
/// a character that would make it a formula. The bare `-` that marks an empty
/// value is left alone.
#[must_use]
pub fn guard_formula(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text != "-";
    if risky {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A CSV document: the header as is, then each row with every field passed
/// through [`guard_formula`].
pub(crate) fn write<I, R>(header: &[&str], rows: I) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = String>,
{
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let written = (|| -> Result<Vec<u8>, csv::Error> {
        writer.write_record(header)?;
        for row in rows {
            let fields: Vec<String> = row
                .into_iter()
                .map(|f| guard_formula(&f).into_owned())
                .collect();
            writer.write_record(&fields)?;
        }
        writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))
    })();
    // Writing to a vector cannot fail, and every field is UTF-8.
    written
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}
