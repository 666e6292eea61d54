//! Records list (Danh mục hồ sơ) validation.

use vanthu_archive::{Heading, HeadingLevel, ListEntry, Numbering, RecordsList, roman};
use vanthu_identifiers::{AgencyId, Retention};

fn list() -> RecordsList {
    let mut l = RecordsList::new(AgencyId::parse("000.00.18.H40").unwrap(), 2025);
    let mut th = Heading::new(HeadingLevel::Major, "I", "Tổng hợp", Some("TH"));
    th.entries.push(ListEntry::new(
        "01.TH",
        "Kế hoạch công tác năm",
        Retention::Permanent,
        "Văn phòng",
    ));
    th.entries.push(ListEntry::new(
        "02.TH",
        "Báo cáo quý",
        Retention::years(20).unwrap(),
        "Văn phòng",
    ));
    l.headings.push(th);
    let mut minor = Heading::new(HeadingLevel::Minor, "1", "Thi đua", None);
    minor.entries.push(ListEntry::new(
        "03.TH",
        "Hồ sơ thi đua",
        Retention::years(10).unwrap(),
        "Nguyễn Văn B",
    ));
    l.headings.push(minor);
    let mut tc = Heading::new(HeadingLevel::Major, "II", "Tổ chức cán bộ", Some("TCCB"));
    tc.entries.push(ListEntry::new(
        "04.TCCB",
        "Hồ sơ tuyển dụng",
        Retention::years(70).unwrap(),
        "Phòng TCCB",
    ));
    l.headings.push(tc);
    l
}

fn rules(l: &RecordsList) -> Vec<String> {
    l.validate().into_iter().map(|f| f.rule).collect()
}

#[test]
fn a_good_list_has_no_findings() {
    let l = list();
    assert!(l.validate().is_empty(), "{:?}", l.validate());
    let s = l.summary();
    assert_eq!((s.total, s.permanent, s.limited), (4, 1, 3));
    assert_eq!(
        l.record_code("04.TCCB").unwrap().as_str(),
        "000.00.18.H40.2025.04.TCCB"
    );
}

#[test]
fn duplicate_numbers_are_errors() {
    let mut l = list();
    l.headings[0].entries[1].notation = "01.TH".into();
    assert!(rules(&l).contains(&"ARCH-LIST-001".to_owned()));
}

#[test]
fn missing_retention_is_an_error() {
    let mut l = list();
    l.headings[0].entries[0].retention = None;
    assert_eq!(rules(&l), vec!["ARCH-LIST-002"]);
}

#[test]
fn symbol_must_match_the_major_heading() {
    let mut l = list();
    l.headings[2].entries[0].notation = "04.TH".into();
    assert_eq!(rules(&l), vec!["ARCH-LIST-003"]);
}

#[test]
fn heading_abbreviations_are_checked() {
    let mut l = list();
    l.headings[2].abbreviation = Some("TH".into());
    assert!(rules(&l).contains(&"ARCH-LIST-004".to_owned()));
    let mut l = list();
    l.headings[0].abbreviation = None;
    assert!(rules(&l).contains(&"ARCH-LIST-004".to_owned()));
}

#[test]
fn heading_numerals_follow_roman_and_arabic_sequences() {
    let mut l = list();
    l.headings[2].numeral = "III".into();
    l.headings[1].numeral = "2".into();
    assert_eq!(rules(&l), vec!["ARCH-LIST-005", "ARCH-LIST-005"]);
    assert_eq!(roman(1994).as_deref(), Some("MCMXCIV"));
    assert_eq!(roman(0), None);
}

#[test]
fn ordinals_run_from_01() {
    let mut l = list();
    l.headings[0].entries[1].notation = "05.TH".into();
    assert!(rules(&l).contains(&"ARCH-LIST-006".to_owned()));
    // Per-heading numbering restarts at 01.
    let mut l = list();
    l.numbering = Numbering::PerMajorHeading;
    assert_eq!(rules(&l), vec!["ARCH-LIST-006"]);
    l.headings[2].entries[0].notation = "01.TCCB".into();
    assert!(l.validate().is_empty());
}

#[test]
fn overlong_notations_cannot_form_a_record_code() {
    let mut l = list();
    l.headings[2].abbreviation = Some("TCCBXXXXXXXXXXXXXXXXX".into());
    l.headings[2].entries[0].notation = "04.TCCBXXXXXXXXXXXXXXXXX".into();
    assert!(rules(&l).contains(&"ARCH-LIST-008".to_owned()));
}

#[test]
fn list_json_round_trips() {
    let l = list();
    let json = serde_json::to_string(&l).unwrap();
    let back: RecordsList = serde_json::from_str(&json).unwrap();
    assert_eq!(back, l);
}
