//! `parse_instant`: the forms it reads, and every field checked against its
//! range with its byte offset.

use proptest::prelude::*;
use vanthu_identifiers::{TimeField, parse_instant};

#[test]
fn every_form_reads_in_vietnam_time_unless_an_offset_is_given() {
    for (text, rfc) in [
        ("2025-06-05", "2025-06-05T00:00:00+07:00"),
        ("2025/06/05", "2025-06-05T00:00:00+07:00"),
        ("2025-06-05T09:30", "2025-06-05T09:30:00+07:00"),
        ("2025-06-05 09:30:15", "2025-06-05T09:30:15+07:00"),
        ("2025/06/05 16:59:00", "2025-06-05T16:59:00+07:00"),
        ("2025-06-05T09:30:15Z", "2025-06-05T09:30:15+00:00"),
        (
            "2025-06-05T09:30:15.250+07:00",
            "2025-06-05T09:30:15.250+07:00",
        ),
        ("2025-06-05T09:30:15-05:30", "2025-06-05T09:30:15-05:30"),
        ("2024-02-29T23:59:59", "2024-02-29T23:59:59+07:00"),
        ("2025-6-5 9:05", "2025-06-05T09:05:00+07:00"),
    ] {
        assert_eq!(parse_instant(text).unwrap().to_rfc3339(), rfc, "{text}");
    }
}

#[test]
fn out_of_range_fields_are_refused_with_field_offset_and_value() {
    for (text, field, offset, value) in [
        ("2025-06-05T09:30:60", TimeField::Second, 17, Some(60)),
        ("2025-06-05T09:30:60Z", TimeField::Second, 17, Some(60)),
        ("2025-06-05T24:00", TimeField::Hour, 11, Some(24)),
        ("2025-06-05T23:60", TimeField::Minute, 14, Some(60)),
        ("2025-13-05", TimeField::Month, 5, Some(13)),
        ("2025-00-05", TimeField::Month, 5, Some(0)),
        ("2025-04-31", TimeField::Day, 8, Some(31)),
        ("2025-02-29", TimeField::Day, 8, Some(29)),
        ("2025-06-00", TimeField::Day, 8, Some(0)),
        ("0000-06-05", TimeField::Year, 0, Some(0)),
        ("2025-06-05T09:30:00+24:00", TimeField::Offset, 20, Some(24)),
        ("2025-06-05T09:30:00+07:60", TimeField::Offset, 23, Some(60)),
        (
            "2025-06-05T09:30:00.1234567891",
            TimeField::Fraction,
            20,
            None,
        ),
        ("25-06-05", TimeField::Year, 0, None),
        ("2025.06.05", TimeField::Month, 4, None),
        ("2025-06/05", TimeField::Day, 7, None),
        ("2025-06-05T", TimeField::Hour, 11, None),
        ("2025-06-05T09", TimeField::Minute, 13, None),
        ("2025-06-05T09:30:00 extra", TimeField::End, 19, None),
        ("", TimeField::Year, 0, None),
    ] {
        let e = parse_instant(text).unwrap_err();
        assert_eq!(
            (e.field, e.offset, e.value),
            (field, offset, value),
            "{text}: {e}"
        );
    }
    assert_eq!(
        parse_instant("2025-06-05 24:00").unwrap_err().to_string(),
        "hour 24 at byte 11 is out of range (0–23)"
    );
    assert_eq!(
        parse_instant("2025-06-05T").unwrap_err().to_string(),
        "expected the hour at byte 11"
    );
}

proptest! {
    /// Whatever the text, the parser ends with a value or an error whose
    /// offset lies within the text (never a panic).
    #[test]
    fn any_text_ends_in_a_value_or_a_located_error(text in "\\PC{0,40}") {
        if let Err(e) = parse_instant(&text) {
            prop_assert!(e.offset <= text.len());
        }
    }

    /// Every valid instant reads back as itself.
    #[test]
    fn valid_instants_round_trip(
        y in 1900i32..2100, mo in 1u32..13, d in 1u32..29, h in 0u32..24, mi in 0u32..60, s in 0u32..60,
    ) {
        let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}+07:00");
        prop_assert_eq!(parse_instant(&text).unwrap().to_rfc3339(), text);
    }
}
