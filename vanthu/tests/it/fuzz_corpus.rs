//! Replays the committed fuzz corpora of the edXML reader and the PDF
//! locator through the property of the `check_bytes` fuzz target: the
//! harness never panics, `conformant` is "readable and no error", every rule
//! id is catalogued, and the report survives a JSON round trip.

use vanthu::{CheckOptions, FileReport};

#[test]
fn corpora_replay_through_the_harness() {
    let options = CheckOptions::new(vanthu::parse_time("2025-06-05").unwrap());
    let mut count = 0;
    for corpus in ["edxml_read", "pdf_locator", "cms_parse"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fuzz/corpus")
            .join(corpus);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir()
                || path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            let data = std::fs::read(&path).unwrap();
            let report = vanthu::check_bytes("input", &data, &options).unwrap();
            assert_eq!(
                report.conformant,
                report.readable() && vanthu::conformant(&report.findings),
                "{}",
                path.display()
            );
            for f in &report.findings {
                assert!(
                    vanthu::rules::find(&f.rule).is_some(),
                    "{}: {}",
                    path.display(),
                    f.rule
                );
            }
            let json = serde_json::to_string(&report).unwrap();
            let back: FileReport = serde_json::from_str(&json).unwrap();
            assert_eq!(back, report, "{}", path.display());
            count += 1;
        }
    }
    assert!(count >= 15, "{count} inputs");
}
