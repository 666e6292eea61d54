//! The example configurations of `docs/axis.md` parse, one per profile, and
//! so does the loop's.

use vanthu_axis::Axis;
use vanthu_axis::exchange::ExchangeConfig;

/// The JSON blocks that follow a `<!-- axis:config -->` marker.
fn examples() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/axis.md");
    let text = std::fs::read_to_string(path).unwrap();
    text.split("<!-- axis:config -->")
        .skip(1)
        .map(|rest| {
            let start = rest.find("```json\n").unwrap() + "```json\n".len();
            let end = rest[start..].find("```").unwrap() + start;
            rest[start..end].to_owned()
        })
        .collect()
}

#[test]
fn every_profile_has_a_documented_example_that_parses() {
    let mut profiles = Vec::new();
    let mut loops = 0;
    for example in examples() {
        if example.contains("\"profile\"") {
            let axis = Axis::from_json(&example).unwrap_or_else(|e| panic!("{e}\n{example}"));
            profiles.push(axis.profile());
        } else {
            let config: ExchangeConfig = serde_json::from_str(&example).unwrap();
            assert!(!config.agency.is_empty());
            assert!(config.rules.is_some());
            let again = serde_json::to_string(&config).unwrap();
            assert_eq!(
                serde_json::from_str::<ExchangeConfig>(&again).unwrap(),
                config
            );
            loops += 1;
        }
    }
    assert_eq!(profiles, ["national", "lang-son", "quang-nam"]);
    assert_eq!(loops, 1);
}

#[test]
fn an_unknown_rule_set_is_refused() {
    let bad = r#"{"agency": "000.01.15.H47", "rules": "ha-noi"}"#;
    assert!(serde_json::from_str::<ExchangeConfig>(bad).is_err());
    let typo = r#"{"agency": "000.01.15.H47", "poll_second": 5}"#;
    assert!(serde_json::from_str::<ExchangeConfig>(typo).is_err());
}

#[test]
fn the_arrival_reply_is_on_unless_turned_off() {
    let plain: ExchangeConfig = serde_json::from_str(r#"{"agency": "000.01.15.H47"}"#).unwrap();
    assert!(plain.arrival_reply);
    assert_eq!(plain, ExchangeConfig::new("000.01.15.H47"));
    // Written only when off, and read back the same.
    assert!(
        !serde_json::to_string(&plain)
            .unwrap()
            .contains("arrival_reply")
    );
    let off: ExchangeConfig =
        serde_json::from_str(r#"{"agency": "000.01.15.H47", "arrival_reply": false}"#).unwrap();
    assert!(!off.arrival_reply);
    let again = serde_json::to_string(&off).unwrap();
    assert_eq!(serde_json::from_str::<ExchangeConfig>(&again).unwrap(), off);
}
