//! CSV output: RFC 4180 through the `csv` crate, and the guard against
//! spreadsheet formula injection in untrusted text.

use vanthu_workflow::csv_text::guard_formula;
use vanthu_workflow::views::{incoming_register, incoming_register_csv};
use vanthu_workflow::{EventLog, replay};

#[test]
fn formula_cells_are_written_as_text() {
    for risky in [
        "=1+1",
        "+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "=HYPERLINK(\"x\")",
    ] {
        assert_eq!(guard_formula(risky), format!("'{risky}"), "{risky:?}");
    }
    for safe in ["", "-", "01", "123/UBND-VX", "Phòng Việc làm", "a=b", "'=1"] {
        assert_eq!(guard_formula(safe), safe, "{safe:?}");
    }
}

#[test]
fn a_register_with_hostile_text_reads_back_guarded_and_quoted() {
    let path = format!(
        "{}/tests/vectors/replay/office.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let log: EventLog = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (office, _) = replay(&log).unwrap();
    let mut rows = incoming_register(&office, 2025);
    rows[0].type_and_subject = "=cmd|'/C calc'!A0".to_owned();
    rows[0].author = "@SUM(1,2)".to_owned();
    rows[0].note = "line one\r\nline \"two\", with a comma".to_owned();
    let text = incoming_register_csv(&rows);
    assert!(text.ends_with("\r\n"));
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().len(), 10);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 1);
    let row = &records[0];
    assert_eq!(&row[2], "'@SUM(1,2)");
    assert_eq!(&row[5], "'=cmd|'/C calc'!A0");
    assert_eq!(&row[9], "line one\r\nline \"two\", with a comma");
    assert_eq!(&row[1], "01");
}
