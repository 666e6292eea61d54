//! What several properties share: every rule id is catalogued, a value
//! survives a JSON round trip, one fixed instant (the targets must be
//! deterministic). Each target uses a part of it.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, TimeZone as _};

/// Every finding cites a catalogued rule.
pub(crate) fn catalogued(findings: &[vanthu::Finding]) {
    for f in findings {
        assert!(
            vanthu::rules::find(&f.rule).is_some(),
            "{} is not catalogued",
            f.rule
        );
    }
}

/// `value` reads back from its JSON as itself.
pub(crate) fn json_round_trip<T>(value: &T)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).expect("serialise");
    let back: T = serde_json::from_str(&json).expect("read back");
    assert_eq!(&back, value, "{json}");
}

/// The validation time of every target: 2025-06-05 00:00 in Vietnam.
pub(crate) fn at() -> DateTime<FixedOffset> {
    vanthu::identifiers::VIETNAM
        .with_ymd_and_hms(2025, 6, 5, 0, 0, 0)
        .single()
        .expect("a valid instant")
}
