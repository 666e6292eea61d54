//! The property of the `workflow` target: an event log that reads as JSON
//! survives a JSON round trip, and its replay (Vietnam's working calendar,
//! the default deadline rules) never panics: `conformant` is "no error",
//! every finding cites a catalogued rule, and the report serialises.

use vanthu::workflow::EventLog;

use super::common::{catalogued, json_round_trip};

pub(crate) fn check(data: &[u8]) {
    let Ok(log) = serde_json::from_slice::<EventLog>(data) else {
        return;
    };
    json_round_trip(&log);
    if let Ok(report) = vanthu::replay(&log, None) {
        assert_eq!(report.conformant, vanthu::conformant(&report.findings));
        catalogued(&report.findings);
        serde_json::to_string(&report).expect("serialise");
    }
}
