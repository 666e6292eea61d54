//! The property of the `dates` target: every date and time reader gives
//! back, from what its writer prints, the value it read: edXML dates and
//! timestamps (`yyyy/MM/dd[ HH:mm:ss]`, Vietnam time), the instants of the
//! command line and the options (`vanthu::parse_time`, read back from RFC
//! 3339), the dates of records (`dd/MM/yyyy`); PDF dates never panic.

use vanthu::archive::{date_dmy, parse_date as record_date};
use vanthu::edxml::{format_date, format_timestamp, parse_date, parse_timestamp};

pub(crate) fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(date) = parse_date(text) {
        assert_eq!(parse_date(&format_date(date)), Some(date), "{text:?}");
    }
    if let Some(at) = parse_timestamp(text) {
        let shown = format_timestamp(&at);
        assert_eq!(parse_timestamp(&shown), Some(at), "{shown:?}");
    }
    if let Ok(at) = vanthu::parse_time(text) {
        let shown = at.to_rfc3339();
        assert_eq!(vanthu::parse_time(&shown).ok(), Some(at), "{shown:?}");
    }
    if let Some(date) = record_date(text) {
        let shown = date_dmy(date);
        assert_eq!(record_date(&shown), Some(date), "{shown:?}");
    }
    let _ = vanthu::signature::parse_pdf_date(text);
}
