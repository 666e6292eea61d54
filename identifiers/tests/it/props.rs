//! Properties: no parser panics on any input; every value reads back from its text.

use proptest::prelude::*;
use vanthu_identifiers::{
    AgencyId, AgencyId2020, AnyAgencyId, Confidentiality, DocumentId, DocumentNumber, DocumentType,
    RecordCode, RegistryDocumentId, Retention, Urgency, identify,
};

/// Text close to the identifiers' alphabet, to reach deep into the parsers.
const NEAR: &str = "[0-9A-Za-zĐđÐðƯ./,:\\- \u{300}]{0,48}";

fn parse_all(s: &str) {
    let _ = AgencyId::parse(s);
    let _ = AgencyId2020::parse(s);
    let _ = AnyAgencyId::parse(s);
    let _ = AnyAgencyId::parse_lenient(s);
    let _ = DocumentNumber::parse(s);
    let _ = DocumentNumber::parse_lenient(s);
    let _ = DocumentNumber::from_code_parts(s, s);
    let _ = DocumentId::parse(s);
    let _ =
        DocumentId::parse_lenient(s).map(|(d, _)| (d.date(), d.number().cloned(), d.is_strict()));
    let _ = RegistryDocumentId::parse(s);
    let _ = RecordCode::parse(s);
    if let Ok((c, f)) = RecordCode::parse_lenient(s) {
        assert_eq!(c.to_string().parse::<RecordCode>().unwrap(), c.clone());
        assert_eq!(f.is_empty(), RecordCode::parse(s).is_ok());
    }
    let _ = DocumentType::parse(s);
    let _ = DocumentType::from_name_vi(s);
    let _ = Urgency::parse(s);
    let _ = Confidentiality::parse(s);
    let _ = Retention::parse(s);
    let id = identify(s);
    let _ = serde_json::to_string(&id.summary()).unwrap();
    if let Err(e) = AgencyId::parse(s) {
        let _ = e.to_string();
        assert!(e.offset() <= s.len().max(vanthu_identifiers::MAX_INPUT_LEN));
    }
}

fn agency_text() -> impl Strategy<Value = String> {
    (0u16..1000, 0u8..100, 0u8..100, "[A-Z]", 0u8..100)
        .prop_map(|(l4, l3, l2, letter, n)| format!("{l4:03}.{l3:02}.{l2:02}.{letter}{n:02}"))
}

fn number_text() -> impl Strategy<Value = String> {
    let abbr = prop::sample::select(vec![
        "", "QĐ-", "NĐ-", "TT-", "TTr-", "QyĐ-", "CTr-", "TrS-", "GN-", "QD-", "TTR-", "TTLT-",
        "L-",
    ]);
    (
        1u32..100_000,
        prop::option::of(1945i32..2100),
        abbr,
        "[A-ZĐƯ]{1,6}",
        prop::option::of("[A-ZĐ0-9]{1,5}"),
        any::<bool>(),
    )
        .prop_map(|(n, year, abbr, issuer, unit, pad)| {
            let n = if pad {
                format!("{n:02}")
            } else {
                n.to_string()
            };
            let year = year.map(|y| format!("{y}/")).unwrap_or_default();
            let unit = unit.map(|u| format!("-{u}")).unwrap_or_default();
            format!("{n}/{year}{abbr}{issuer}{unit}")
        })
}

proptest! {
    #[test]
    fn no_parser_panics_on_arbitrary_strings(s in any::<String>()) {
        parse_all(&s);
    }

    #[test]
    fn no_parser_panics_on_near_identifiers(s in NEAR) {
        parse_all(&s);
    }

    #[test]
    fn no_parser_panics_on_near_compound_ids(a in agency_text(), b in NEAR, c in number_text()) {
        parse_all(&format!("{a},{b},{c}"));
        parse_all(&format!("{a}.{b}"));
        parse_all(&format!("{a},2014/02/{b}"));
    }

    #[test]
    fn agency_id_round_trips(text in agency_text()) {
        let id = AgencyId::parse(&text).unwrap();
        prop_assert_eq!(id.to_string(), text.clone());
        prop_assert_eq!(AgencyId::parse(&id.to_string()).unwrap(), id);
        prop_assert_eq!(serde_json::from_str::<AgencyId>(&serde_json::to_string(&id).unwrap()).unwrap(), id);
        // Going up ends at level 1 within at most three steps, always inside.
        let mut steps = 0;
        let mut current = id;
        while let Some(parent) = current.parent() {
            prop_assert!(current.is_within(&parent));
            prop_assert!(id.is_within(&parent));
            prop_assert!(parent.depth() < current.depth());
            current = parent;
            steps += 1;
        }
        prop_assert!(steps <= 3);
        prop_assert_eq!(current.depth(), 1);
        prop_assert_eq!(current.level1(), id.level1());
    }

    #[test]
    fn agency_id_2020_round_trips(first in "[A-Z][0-9]{2}", rest in prop::collection::vec("[0-9A-Z]{1,4}", 0..5)) {
        let mut text = first;
        for g in rest {
            text.push('.');
            text.push_str(&g);
        }
        let id = AgencyId2020::parse(&text).unwrap();
        prop_assert_eq!(AgencyId2020::parse(&id.to_string()).unwrap(), id.clone());
        if let Some(parent) = id.parent() {
            prop_assert!(id.is_within(&parent));
        }
    }

    #[test]
    fn any_agency_id_round_trips(s in "[0-9A-Z]{1,3}(\\.[0-9A-Z]{1,3}){0,3}") {
        if let Ok((id, findings)) = AnyAgencyId::parse_lenient(&s) {
            prop_assert_eq!(id.to_string(), s.clone());
            prop_assert_eq!(id.to_string().parse::<AnyAgencyId>().unwrap(), id.clone());
            prop_assert_eq!(findings.is_empty(), id.is_strict());
            prop_assert_eq!(serde_json::from_str::<AnyAgencyId>(&serde_json::to_string(&id).unwrap()).unwrap(), id.clone());
            if id.is_strict() {
                prop_assert_eq!(AnyAgencyId::parse(&id.to_string()).unwrap(), id);
            }
        }
    }

    #[test]
    fn document_number_round_trips(text in number_text()) {
        let (n, findings) = DocumentNumber::parse_lenient(&text).unwrap();
        prop_assert_eq!(n.to_string(), text.clone());
        prop_assert_eq!(n.to_string().parse::<DocumentNumber>().unwrap(), n.clone());
        prop_assert_eq!(serde_json::from_str::<DocumentNumber>(&serde_json::to_string(&n).unwrap()).unwrap(), n.clone());
        prop_assert_eq!(findings.is_empty(), DocumentNumber::parse(&text).is_ok());
        if findings.is_empty() {
            prop_assert_eq!(DocumentNumber::parse(&n.to_string()).unwrap(), n);
        }
    }

    #[test]
    fn document_id_round_trips(agency in agency_text(), y in 1945i32..2100, m in 1u8..13, d in 1u8..32, number in number_text(), day_first in any::<bool>()) {
        let date = if day_first { format!("{d:02}/{m:02}/{y}") } else { format!("{y}/{m:02}/{d:02}") };
        let text = format!("{agency},{date},{number}");
        let (id, findings) = DocumentId::parse_lenient(&text).unwrap();
        prop_assert_eq!(id.to_string(), text.clone());
        prop_assert_eq!(id.raw_date(), Some(date.as_str()));
        prop_assert_eq!(id.to_string().parse::<DocumentId>().unwrap(), id.clone());
        prop_assert_eq!(serde_json::from_str::<DocumentId>(&serde_json::to_string(&id).unwrap()).unwrap(), id.clone());
        prop_assert_eq!(findings.is_empty(), DocumentId::parse(&text).is_ok());
        let real = chrono::NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d));
        prop_assert_eq!(id.date(), real);
    }

    #[test]
    fn record_code_and_registry_id_round_trip(agency in agency_text(), y in 1945i32..2100, n in 1u32..1000, heading in "[A-ZĐ]{1,8}") {
        let code = RecordCode::parse(&format!("{agency}.{y}.{n:02}.{heading}")).unwrap();
        prop_assert_eq!(RecordCode::parse(&code.to_string()).unwrap(), code.clone());
        prop_assert_eq!(code.year(), y);
        let reg = RegistryDocumentId::parse(&format!("{agency}.{y}.{n}")).unwrap();
        prop_assert_eq!(RegistryDocumentId::parse(&reg.to_string()).unwrap(), reg.clone());
        prop_assert_eq!(reg.ordinal(), n);
    }

    /// Decision 20/2020 agencies, 4-digit groups included, with every TT05
    /// notation shape: the parser always finds the parts they were built from.
    #[test]
    fn decision_2020_record_code_round_trip(
        level1 in "[A-Z][0-9]{2}",
        lower in prop::collection::vec(prop_oneof!["[A-Z0-9]{1,4}", "(19|20)[0-9]{2}"], 0..5),
        y in 1945i32..2100,
        n in 1u32..100_000,
        heading in prop::option::of("[A-ZĐ][A-ZĐ0-9-]{0,7}"),
    ) {
        let mut agency = level1;
        for g in &lower {
            agency.push('.');
            agency.push_str(g);
        }
        prop_assume!(agency.len() <= 35);
        let notation = match &heading {
            Some(h) => format!("{n:02}.{h}"),
            None => n.to_string(),
        };
        let text = format!("{agency}.{y}.{notation}");
        let code = RecordCode::parse(&text).unwrap();
        prop_assert_eq!(code.agency().as_str(), agency.as_str());
        prop_assert_eq!(code.year(), y);
        prop_assert_eq!(code.file_notation(), notation.as_str());
        prop_assert_eq!(code.heading(), heading.as_deref());
        prop_assert_eq!(RecordCode::parse(&code.to_string()).unwrap(), code.clone());
        prop_assert_eq!(serde_json::from_str::<RecordCode>(&serde_json::to_string(&code).unwrap()).unwrap(), code.clone());
        prop_assert_eq!(vanthu_identifiers::identify(&text).kind(), vanthu_identifiers::IdKind::RecordCode);
    }

    #[test]
    fn marks_round_trip(p in 0u8..5, years in 1u16.., c in 0usize..3) {
        let u = Urgency::from_edxml_priority(p).unwrap();
        prop_assert_eq!(Urgency::parse(&u.to_string()).unwrap(), u);
        let r = Retention::years(years).unwrap();
        prop_assert_eq!(Retention::parse(&r.to_string()).unwrap(), r);
        if let Some(back) = Retention::from_tt05_code(r.tt05_code()) {
            prop_assert_eq!(back, r);
        }
        let conf = [Confidentiality::Secret, Confidentiality::TopSecret, Confidentiality::AbsolutelySecret][c];
        prop_assert_eq!(Confidentiality::parse(&conf.to_string()).unwrap(), conf);
    }

    #[test]
    fn document_type_round_trips(s in any::<String>(), code in 1u8..33) {
        if let Ok(ty) = DocumentType::parse(&s) {
            prop_assert_eq!(DocumentType::parse(&ty.to_string()).unwrap(), ty);
        }
        let ty = DocumentType::from_tt05_code(code).unwrap();
        prop_assert_eq!(DocumentType::parse(&ty.to_string()).unwrap(), ty);
    }
}
