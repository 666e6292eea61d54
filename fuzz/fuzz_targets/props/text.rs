//! The property of the `text` target: checking, detecting, normalising and
//! repairing Vietnamese text never panics on any bytes; findings cite
//! catalogued rules, at sorted offsets inside the input; NFC and the
//! comparison keys are idempotent; repaired text is NFC; and what a legacy
//! decoder produces, its encoder writes back to text that decodes the same.

use vanthu::identifiers::text::{self, LegacyEncoding, LegacyOptions};

use super::common::catalogued;

pub(crate) fn check(data: &[u8]) {
    let report = text::check_bytes(data);
    catalogued(&report.findings);
    serde_json::to_string(&report).expect("serialise");
    let _ = text::detect_bytes(data);
    let literal = LegacyOptions::default().with_infer_capitals(false);
    for encoding in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni] {
        for options in [
            literal,
            LegacyOptions::default(),
            LegacyOptions::default().with_capital_font(true),
        ] {
            let decoded = text::decode(data, encoding, options);
            assert!(text::is_nfc(&decoded), "{encoding}: {decoded:?}");
            if options == literal
                && let Ok(bytes) = text::encode(&decoded, encoding, options)
            {
                assert_eq!(
                    text::decode(&bytes, encoding, options),
                    decoded,
                    "{encoding}: {bytes:x?}"
                );
            }
        }
    }
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let findings = text::check(input);
    catalogued(&findings);
    let offsets: Vec<u64> = findings.iter().filter_map(|f| f.location.offset).collect();
    assert!(offsets.is_sorted(), "{offsets:?}");
    assert!(
        offsets.iter().all(|&o| o <= input.len() as u64),
        "{offsets:?}"
    );
    let nfc = text::nfc(input);
    assert!(text::is_nfc(&nfc));
    assert_eq!(text::nfc(&nfc), nfc);
    assert_eq!(text::is_nfc(input), nfc == input);
    let key = text::comparison_key(input);
    assert_eq!(text::comparison_key(&key), key, "{input:?}");
    let folded = text::folded_key(input);
    assert_eq!(text::folded_key(&folded), folded, "{input:?}");
    for encoding in [LegacyEncoding::Tcvn3, LegacyEncoding::Vni] {
        let repaired = text::repair(input, encoding, LegacyOptions::default());
        assert!(text::is_nfc(&repaired), "{encoding}: {repaired:?}");
    }
    let _ = text::detect(input);
}
