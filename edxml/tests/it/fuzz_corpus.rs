//! Replays the committed fuzz corpus (`fuzz/corpus/edxml_read/`) with the
//! property the fuzz target checks: no panic (reading, scanning every
//! attachment, validating); what reads, writes; the writer's output reads
//! back to the same model and is a fixed point.

use vanthu_edxml::{Profile, ReadOptions, ValidateOptions, check_from, read, write};

#[test]
fn corpus_replays() {
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fuzz/corpus/edxml_read"
    ));
    let mut count = 0;
    let mut readable = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        count += 1;
        let options = ValidateOptions::new(Profile::Receiver);
        let Ok(report) = check_from(&data[..], &ReadOptions::default(), &options) else {
            continue;
        };
        let out = report.read;
        // Decoding an attachment again from its span gives what the reader
        // decoded while it streamed past.
        for (index, layout) in out.layout.iter().enumerate() {
            if let Some(digest) = layout.digest {
                let again = out.decode_attachment(&data[..], index, std::io::sink());
                assert_eq!(again.ok(), Some(digest), "attachment {index}");
            }
        }
        readable += 1;
        let mut written = Vec::new();
        if write(&out.package, &mut out.bodies(&data), &mut written).is_ok() {
            let again = read(&written).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(again.package, read(&written).unwrap().package);
            let mut twice = Vec::new();
            write(&again.package, &mut again.bodies(&written), &mut twice).unwrap();
            assert!(written == twice, "{}", path.display());
        }
    }
    assert!(
        count >= 6 && readable >= 3,
        "{count} files, {readable} readable"
    );
}
