//! `parse_time` reads only the instants it can print: the input the
//! `dates` fuzz target found (a negative year, read but not printable as
//! RFC 3339) and the bounds.

#[test]
fn every_instant_read_prints_as_rfc3339_and_reads_back() {
    for text in ["0001-01-01", "9999-12-31 23:59", "2025/06/05 16:59:00"] {
        let at = vanthu::parse_time(text).unwrap();
        assert_eq!(vanthu::parse_time(&at.to_rfc3339()).unwrap(), at, "{text}");
    }
}

#[test]
fn years_outside_rfc3339_are_refused_naming_the_forms() {
    for text in [
        "-0256/07/05",
        "-0001-01-01T00:00",
        "0000-01-01",
        "10000-01-01",
    ] {
        let error = vanthu::parse_time(text).unwrap_err();
        assert!(error.to_string().contains("RFC 3339"), "{text}: {error}");
    }
}
