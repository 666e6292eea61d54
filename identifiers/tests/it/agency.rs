//! Agency ids: the ids of the local regulations and the samples, the hierarchy, the errors.

use vanthu_identifiers::{
    AgencyCategory, AgencyId, AgencyId2020, AnyAgencyId, IdErrorKind, MAX_INPUT_LEN,
};

#[test]
fn quang_nam_department_and_its_units() {
    // Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 10 khoản 2 điểm a: the department and its ten level-3 units.
    let dept = AgencyId::parse("000.00.15.H47").unwrap();
    let levels = dept.levels();
    assert_eq!((levels.level4, levels.level3, levels.level2), (0, 0, 15));
    assert_eq!(levels.level1.letter(), 'H');
    assert_eq!(levels.level1.number(), 47);
    assert_eq!(dept.category(), AgencyCategory::ProvincialPeoplesCommittee);
    assert_eq!(dept.depth(), 2);
    for unit in 1..=10 {
        let text = format!("000.{unit:02}.15.H47");
        let id = AgencyId::parse(&text).unwrap();
        assert_eq!(id.as_str(), text);
        assert_eq!(id.levels().level3, unit);
        assert_eq!(id.depth(), 3);
        assert_eq!(id.parent(), Some(dept));
        assert!(id.is_within(&dept));
        assert!(!dept.is_within(&id));
    }
}

#[test]
fn nam_dinh_provincial_office() {
    let id = AgencyId::parse("000.00.18.H40").unwrap();
    assert_eq!(id.level1().to_string(), "H40");
    assert_eq!(id.parent().unwrap().as_str(), "000.00.00.H40");
}

#[test]
fn parent_chain_ends_at_level_1() {
    let unit = AgencyId::parse("000.05.15.H47").unwrap();
    let dept = unit.parent().unwrap();
    assert_eq!(dept.as_str(), "000.00.15.H47");
    let province = dept.parent().unwrap();
    assert_eq!(province.as_str(), "000.00.00.H47");
    assert_eq!(province.parent(), None);
    assert!(unit.is_within(&province));
    assert!(unit.is_within(&unit));
    let other = AgencyId::parse("000.00.00.H41").unwrap();
    assert!(!unit.is_within(&other));
    // A level-4 id under a zero level 3 keeps level 2 when it goes up.
    let district = AgencyId::parse("001.00.10.H47").unwrap();
    assert_eq!(district.parent().unwrap().as_str(), "000.00.10.H47");
}

#[test]
fn sample_ids_in_the_strict_form() {
    for (text, category) in [
        ("000.00.00.G22", AgencyCategory::Ministry),
        ("000.00.00.H41", AgencyCategory::ProvincialPeoplesCommittee),
        ("000.00.00.H14", AgencyCategory::ProvincialPeoplesCommittee),
        ("000.00.00.G17", AgencyCategory::Ministry),
        ("000.00.00.A80", AgencyCategory::Party),
        ("000.00.00.K41", AgencyCategory::ProvincialPeoplesCouncil),
        ("000.00.04.G14", AgencyCategory::Ministry),
        ("777.77.04.D77", AgencyCategory::Other('D')),
        ("777.77.03.D77", AgencyCategory::Other('D')),
    ] {
        let id = AgencyId::parse(text).unwrap();
        assert_eq!(id.category(), category, "{text}");
        assert_eq!(id.to_string(), text);
        let any = AnyAgencyId::parse(text).unwrap();
        assert!(any.findings().is_empty());
        assert_eq!(any.as_qcvn(), Some(&id));
    }
    assert_eq!(
        AgencyId::parse("777.77.04.D77")
            .unwrap()
            .parent()
            .unwrap()
            .as_str(),
        "000.77.04.D77"
    );
}

#[test]
fn irregular_sample_ids_are_read_leniently_and_reported() {
    for (text, level1, offset) in [
        ("28.22.H17", "H17", 0),
        ("01.02.G22", "G22", 0),
        ("001.00.20.JB2", "JB2", 11),
        ("14.00.W00", "W00", 0),
        ("01.K36", "K36", 0),
    ] {
        assert!(AgencyId::parse(text).is_err(), "{text}");
        assert!(AnyAgencyId::parse(text).is_err(), "{text}");
        let (id, findings) = AnyAgencyId::parse_lenient(text).unwrap();
        assert!(matches!(id, AnyAgencyId::Irregular(_)));
        assert_eq!(id.as_str(), text);
        assert_eq!(id.to_string(), text);
        assert_eq!(id.level1_text(), level1);
        assert_eq!(id.parent(), None);
        assert!(!id.is_strict());
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].rule, "ID-AGENCY-IRREGULAR");
        assert_eq!(findings[0].location.offset, Some(offset), "{text}");
        assert!(findings[0].message.contains(text));
        assert!(!findings[0].message_vi.is_empty());
        // FromStr reads leniently, so the value round-trips.
        assert_eq!(text.parse::<AnyAgencyId>().unwrap(), id);
    }
    assert_eq!(
        AnyAgencyId::parse_lenient("28.22.H17")
            .unwrap()
            .0
            .category(),
        AgencyCategory::ProvincialPeoplesCommittee
    );
}

#[test]
fn decision_20_2020_form() {
    let id = AgencyId2020::parse("H37.DN.001").unwrap();
    assert_eq!(id.level1().to_string(), "H37");
    assert_eq!(id.category(), AgencyCategory::ProvincialPeoplesCommittee);
    assert_eq!(id.groups().collect::<Vec<_>>(), ["H37", "DN", "001"]);
    assert_eq!(id.depth(), 3);
    let parent = id.parent().unwrap();
    assert_eq!(parent.as_str(), "H37.DN");
    assert_eq!(parent.parent().unwrap().as_str(), "H37");
    assert_eq!(parent.parent().unwrap().parent(), None);
    assert!(id.is_within(&AgencyId2020::parse("H37").unwrap()));
    assert!(!id.is_within(&AgencyId2020::parse("H37.D").unwrap()));
    for text in ["G09.20", "H15.50.05.13", "H49.64.33", "H37.02.02"] {
        let any = AnyAgencyId::parse(text).unwrap();
        assert!(matches!(any, AnyAgencyId::Decision2020(_)), "{text}");
        assert!(any.findings().is_empty());
    }
    let err = AgencyId2020::parse("H37.dn.001").unwrap_err();
    assert_eq!(err.offset(), 4);
    let err = AgencyId2020::parse("h37.DN").unwrap_err();
    assert!(matches!(
        err.kind(),
        IdErrorKind::LowercaseLevelLetter { found: 'h' }
    ));
    let long = format!("H37{}", ".1".repeat(20));
    assert!(matches!(
        AgencyId2020::parse(&long).unwrap_err().kind(),
        IdErrorKind::WrongWidth { .. }
    ));
}

#[test]
fn each_bad_input_has_its_own_error_and_offset() {
    let cases: &[crate::ErrorCase] = &[
        ("", |k| matches!(k, IdErrorKind::Empty), 0),
        (
            " 000.00.15.H47",
            |k| matches!(k, IdErrorKind::Whitespace { found: ' ' }),
            0,
        ),
        (
            "000 .00.15.H47",
            |k| matches!(k, IdErrorKind::Whitespace { .. }),
            3,
        ),
        (
            "000. 00.15.H47",
            |k| matches!(k, IdErrorKind::Whitespace { .. }),
            4,
        ),
        (
            "000.00.15.H47\n",
            |k| matches!(k, IdErrorKind::Whitespace { found: '\n' }),
            13,
        ),
        (
            "00.00.15.H47",
            |k| {
                matches!(
                    k,
                    IdErrorKind::WrongWidth {
                        part: "level 4",
                        found: 2,
                        ..
                    }
                )
            },
            0,
        ),
        (
            "000.000.15.H47",
            |k| {
                matches!(
                    k,
                    IdErrorKind::WrongWidth {
                        part: "level 3",
                        ..
                    }
                )
            },
            4,
        ),
        (
            "000.00.15.H4",
            |k| {
                matches!(
                    k,
                    IdErrorKind::WrongWidth {
                        part: "level 1",
                        ..
                    }
                )
            },
            10,
        ),
        (
            "000.00.15.H470",
            |k| {
                matches!(
                    k,
                    IdErrorKind::WrongWidth {
                        part: "level 1",
                        ..
                    }
                )
            },
            10,
        ),
        (
            "000.00.15.h47",
            |k| matches!(k, IdErrorKind::LowercaseLevelLetter { found: 'h' }),
            10,
        ),
        (
            "000.00.15.H47.",
            |k| matches!(k, IdErrorKind::TrailingSeparator { found: '.' }),
            13,
        ),
        (
            ".000.00.15.H47",
            |k| matches!(k, IdErrorKind::EmptyPart { .. }),
            0,
        ),
        (
            "000..15.H47",
            |k| matches!(k, IdErrorKind::EmptyPart { .. }),
            4,
        ),
        (
            "000.0a.15.H47",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: 'a', .. }),
            5,
        ),
        (
            "000.00.15.147",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: '1', .. }),
            10,
        ),
        (
            "000.00.15.Ð47",
            |k| matches!(k, IdErrorKind::LookalikeD { intended: 'Đ', .. }),
            10,
        ),
        (
            "28.22.H17",
            |k| matches!(k, IdErrorKind::WrongGroupCount { found: 3, .. }),
            0,
        ),
        (
            "000.00.15.H47.01",
            |k| matches!(k, IdErrorKind::WrongGroupCount { found: 5, .. }),
            0,
        ),
    ];
    for (input, check, offset) in cases {
        let err = AgencyId::parse(input).unwrap_err();
        assert!(check(err.kind()), "{input:?}: {err}");
        assert_eq!(err.offset(), *offset, "{input:?}: {err}");
    }
    let long = "0".repeat(MAX_INPUT_LEN + 1);
    assert!(matches!(
        AgencyId::parse(&long).unwrap_err().kind(),
        IdErrorKind::TooLong { .. }
    ));
}

#[test]
fn lenient_reading_does_not_fix_what_is_broken() {
    for input in [
        "000.00.15.h47",
        "000.00.15.H47.",
        " 000.00.15.H47",
        "000.00.15.Ð47",
        "10.101.10.10",
        "",
    ] {
        assert!(AnyAgencyId::parse_lenient(input).is_err(), "{input:?}");
    }
    // The strict error is reported, not the irregular reader's.
    let err = AnyAgencyId::parse_lenient("000.00.15.h47").unwrap_err();
    assert!(matches!(
        err.kind(),
        IdErrorKind::LowercaseLevelLetter { .. }
    ));
}

#[test]
fn error_messages_say_what_and_where() {
    let err = AgencyId::parse("000.00.15.h47").unwrap_err();
    assert_eq!(
        err.to_string(),
        "lower-case level-1 letter 'h' at byte 10; agency ids use capitals (QCVN 102:2016)"
    );
    let err = AgencyId::parse("00.00.15.H47").unwrap_err();
    assert!(
        err.to_string()
            .contains("level 4 has 2 characters where 3 digits were expected at byte 0")
    );
}

#[test]
fn conversions() {
    let id: AgencyId = "000.00.00.G22".parse().unwrap();
    assert_eq!(AgencyId::try_from("000.00.00.G22").unwrap(), id);
    assert_eq!(String::from(id), "000.00.00.G22");
    assert!(AgencyId::try_from("000.00.00.g22").is_err());
}
