//! Urgency, confidentiality, retention.

use vanthu_identifiers::{Confidentiality, IdErrorKind, Retention, Urgency};

#[test]
fn urgency_and_edxml_priority() {
    let names = [
        "Thường",
        "Khẩn",
        "Thượng khẩn",
        "Hỏa tốc",
        "Hỏa tốc hẹn giờ",
    ];
    for (code, name) in names.iter().enumerate() {
        let code = u8::try_from(code).unwrap();
        let u = Urgency::from_edxml_priority(code).unwrap();
        assert_eq!(u.edxml_priority(), code);
        assert_eq!(u.name_vi(), *name);
        assert_eq!(Urgency::parse(name).unwrap(), u);
        assert_eq!(u.to_string().parse::<Urgency>().unwrap(), u);
    }
    assert_eq!(Urgency::from_edxml_priority(5), None);
    assert_eq!(Urgency::parse("HỎA TỐC").unwrap(), Urgency::Express);
    assert_eq!(Urgency::parse("Hoả tốc").unwrap(), Urgency::Express);
    assert!(!Urgency::Normal.is_urgent());
    assert!(Urgency::Urgent.is_urgent());
    assert!(matches!(
        Urgency::parse("Rất khẩn").unwrap_err().kind(),
        IdErrorKind::UnknownValue { .. }
    ));
    assert!(matches!(
        Urgency::parse("").unwrap_err().kind(),
        IdErrorKind::Empty
    ));
}

#[test]
fn confidentiality() {
    for (c, name, years) in [
        (Confidentiality::Secret, "Mật", 10),
        (Confidentiality::TopSecret, "Tối mật", 20),
        (Confidentiality::AbsolutelySecret, "Tuyệt mật", 30),
    ] {
        assert_eq!(c.name_vi(), name);
        assert_eq!(c.protection_years(), years);
        assert!(!c.may_enter_system());
        assert_eq!(Confidentiality::parse(name).unwrap(), c);
        assert_eq!(Confidentiality::parse(&name.to_uppercase()).unwrap(), c);
    }
    assert!(Confidentiality::parse("Bí mật").is_err());
}

#[test]
fn retention_and_tt05_codes() {
    assert_eq!(Retention::Permanent.tt05_code(), 1);
    assert_eq!(Retention::Permanent.to_string(), "Vĩnh viễn");
    for (code, years) in [(2, 70), (3, 50), (4, 30), (5, 20), (6, 10)] {
        let r = Retention::years(years).unwrap();
        assert_eq!(r.tt05_code(), code);
        assert_eq!(Retention::from_tt05_code(code), Some(r));
        assert_eq!(r.to_string(), format!("{years} năm"));
    }
    assert_eq!(Retention::from_tt05_code(1), Some(Retention::Permanent));
    assert_eq!(Retention::years(5).unwrap().tt05_code(), 7);
    assert_eq!(Retention::years(15).unwrap().tt05_code(), 7);
    assert_eq!(Retention::from_tt05_code(7), None);
    assert_eq!(Retention::from_tt05_code(8), None);
    assert_eq!(Retention::years(0), None);
    assert_eq!(
        Retention::parse("20 năm").unwrap(),
        Retention::years(20).unwrap()
    );
    assert_eq!(Retention::parse("vĩnh viễn").unwrap(), Retention::Permanent);
    assert!(Retention::years(5).unwrap().requires_transfer());
    assert!(!Retention::years(2).unwrap().requires_transfer());
    assert!(matches!(
        Retention::parse("0 năm").unwrap_err().kind(),
        IdErrorKind::OutOfRange { .. }
    ));
    assert!(matches!(
        Retention::parse("020 năm").unwrap_err().kind(),
        IdErrorKind::OutOfRange { .. }
    ));
    assert!(matches!(
        Retention::parse("20 years").unwrap_err().kind(),
        IdErrorKind::UnknownValue { .. }
    ));
}
