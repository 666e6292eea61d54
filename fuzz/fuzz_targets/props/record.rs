//! The property of the `record_json` target: a record (the JSON `vanthu
//! retention` reads) that reads survives a JSON round trip; checking its
//! metadata cites catalogued rules; evaluating its retention never panics,
//! and its verdict is consistent, catalogued and survives a JSON round trip.

use vanthu::archive::RetentionInput;
use vanthu::archive::retention::evaluate;

use super::common::{at, catalogued, json_round_trip};

pub(crate) fn check(data: &[u8]) {
    let Ok(input) = serde_json::from_slice::<RetentionInput>(data) else {
        return;
    };
    json_round_trip(&input);
    catalogued(&input.record.validate());
    if let Ok(evaluation) = evaluate(&input, at().date_naive(), None) {
        assert_eq!(
            evaluation.conformant,
            vanthu::conformant(&evaluation.findings)
        );
        catalogued(&evaluation.findings);
        json_round_trip(&evaluation);
    }
}
