//! Every time option reads the same forms (`vanthu::parse_time`), in Vietnam
//! time unless an offset is given, and a wrong one names the forms accepted.

use crate::{json, succeeds, vanthu};

/// One instant, 2025-01-24 10:00 in Vietnam, in every accepted form.
const FORMS: [&str; 6] = [
    "2025-01-24T10:00:00+07:00",
    "2025-01-24T03:00:00Z",
    "2025-01-24T10:00",
    "2025-01-24 10:00:00",
    "2025/01/24 10:00:00",
    "2025-01-24T10:00:00",
];

#[test]
fn due_from_reads_every_form_alike() {
    for form in FORMS {
        let out = vanthu(
            &["due", "--from", form, "--working-days", "1", "--json"],
            b"",
        );
        assert_eq!(out.status.code(), Some(0), "{form}: {out:?}");
        assert_eq!(json(&out)["from"], "2025-01-24T10:00:00+07:00", "{form}");
    }
    // A date alone is midnight, Vietnam time.
    let out = vanthu(
        &[
            "due",
            "--from",
            "2025-01-24",
            "--working-days",
            "1",
            "--json",
        ],
        b"",
    );
    assert_eq!(json(&out)["from"], "2025-01-24T00:00:00+07:00");
}

#[test]
fn a_time_that_cannot_be_read_names_the_forms() {
    for args in [
        &["due", "--from", "24-01-2025", "--working-days", "1"][..],
        &["verify", "-", "--at", "premature"][..],
        &["check", "-", "--at", "2025-13-01"][..],
        &["demo", "--out", "unused", "--at", "tomorrow"][..],
    ] {
        let out = vanthu(args, b"%PDF-1.7\n");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("YYYY-MM-DDTHH:MM"), "{args:?}: {err}");
        assert!(err.contains("yyyy/MM/dd HH:mm:ss"), "{args:?}: {err}");
    }
}

#[test]
fn replay_as_of_reads_a_date() {
    let log = format!(
        "{}/../workflow/tests/vectors/replay/office.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let by_date = vanthu(&["replay", &log, "--as-of", "2030-01-01", "--json"], b"");
    let by_instant = vanthu(
        &[
            "replay",
            &log,
            "--as-of",
            "2030-01-01T00:00:00+07:00",
            "--json",
        ],
        b"",
    );
    assert_eq!(by_date.status.code(), by_instant.status.code());
    assert_eq!(json(&by_date), json(&by_instant));
}

/// #15 item 18: times are printed in Vietnam time, whatever offset they were
/// given with.
#[test]
fn printed_times_are_vietnam_time() {
    let out = succeeds(&["due", "--from", "2025-06-02T01:00:00Z", "--rule", "issue"]);
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("issue from 2025-06-02T08:00:00+07:00: due 2025-06-03T17:00:00+07:00"),
        "{out}"
    );
    let v = json(&succeeds(&[
        "due",
        "--from",
        "2025-06-02T01:00:00Z",
        "--rule",
        "not-received",
        "--json",
    ]));
    assert_eq!(v["from"], "2025-06-02T08:00:00+07:00");
    assert!(v["chase_from"].as_str().unwrap().ends_with("+07:00"));
}
