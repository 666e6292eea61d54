//! The property of the `identifiers` target: the strict parsers of agency
//! ids (both forms), document numbers, document ids, registry ids and
//! record codes print what they read, and read back what they print; the
//! lenient parsers and `identify` cite only catalogued rules, and a lenient
//! value reads back to itself with the same findings.

use std::fmt::{Debug, Display};
use std::str::FromStr;

use vanthu::identifiers::{
    AgencyId, AgencyId2020, AnyAgencyId, DocumentId, DocumentNumber, Finding, IdError, RecordCode,
    RegistryDocumentId, identify,
};

use super::common::catalogued;

/// A strict parser.
type Strict<T> = fn(&str) -> Result<T, IdError>;
/// A lenient parser: the value and what is irregular about it.
type Lenient<T> = fn(&str) -> Result<(T, Vec<Finding>), IdError>;

/// `parse(display(parse(text))) == parse(text)` for a strict parser.
fn display_round_trip<T>(text: &str, parse: Strict<T>)
where
    T: Display + PartialEq + Debug,
{
    if let Ok(value) = parse(text) {
        let shown = value.to_string();
        assert_eq!(parse(&shown).ok().as_ref(), Some(&value), "{shown:?}");
    }
}

/// A lenient parse cites catalogued rules, and what it keeps reads back to
/// the same value with the same findings (`FromStr` is the lenient reading).
fn lenient<T>(text: &str, parse: Lenient<T>)
where
    T: Display + FromStr + PartialEq + Debug,
{
    if let Ok((value, findings)) = parse(text) {
        catalogued(&findings);
        let shown = value.to_string();
        let (again, again_findings) = parse(&shown).expect("a kept value reads back");
        assert_eq!(again, value, "{shown:?}");
        assert_eq!(
            again_findings.iter().map(|f| &f.rule).collect::<Vec<_>>(),
            findings.iter().map(|f| &f.rule).collect::<Vec<_>>(),
            "{shown:?}"
        );
        assert_eq!(shown.parse::<T>().ok().as_ref(), Some(&value), "{shown:?}");
    }
}

pub(crate) fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    display_round_trip(text, AgencyId::parse);
    display_round_trip(text, AgencyId2020::parse);
    display_round_trip(text, AnyAgencyId::parse);
    display_round_trip(text, DocumentNumber::parse);
    display_round_trip(text, DocumentId::parse);
    display_round_trip(text, RegistryDocumentId::parse);
    display_round_trip(text, RecordCode::parse);
    lenient(text, AnyAgencyId::parse_lenient);
    lenient(text, DocumentNumber::parse_lenient);
    lenient(text, DocumentId::parse_lenient);
    lenient(text, RecordCode::parse_lenient);
    let found = identify(text);
    catalogued(found.findings());
    assert_eq!(found.input(), text);
    serde_json::to_string(&found.summary()).expect("serialise");
}
