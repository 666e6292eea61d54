//! Records (*hồ sơ*) and the documents filed in them: the metadata of Decree
//! 30/2020/NĐ-CP Appendix VI (Tables I–III) and of the Circular 05/2025/TT-BNV
//! file- and document-level sets; opening, filing, closing and the
//! chronological XML export.

//!
//! The module is split along its jobs: `document` (a document's metadata
//! and its checks), `metadata` (a record's metadata and its checks),
//! `records` (opening, filing and closing records) and `export` (the
//! chronological XML export).

mod document;
mod export;
mod metadata;
mod records;

use std::io::Write;

use chrono::NaiveDate;
use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use crate::codes::Language;

pub use document::{Document, DocumentKey, DocumentStatus, Recipient, Signer};
pub use metadata::RecordMetadata;
pub use records::{Approval, Closing, ClosingReport, Filed, Record, RecordState, Records};

/// `DD/MM/YYYY`, the date form of TT05 metadata.
#[must_use]
pub fn date_dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Reads `DD/MM/YYYY` (TT05) or `YYYY-MM-DD`.
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
        .ok()
}

pub(crate) fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date_dmy).unwrap_or_default()
}

pub(crate) fn join_codes(langs: &[Language]) -> String {
    langs.iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
}

pub(crate) fn start<W: Write>(w: &mut Writer<W>, name: &str) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))
}
pub(crate) fn end<W: Write>(w: &mut Writer<W>, name: &str) -> std::io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}
pub(crate) fn leaf<W: Write>(w: &mut Writer<W>, name: &str, text: &str) -> std::io::Result<()> {
    if text.is_empty() {
        return w.write_event(Event::Empty(BytesStart::new(name)));
    }
    start(w, name)?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    end(w, name)
}
