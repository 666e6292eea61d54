//! Reading from a file instead of memory: the header is read through a
//! `BufReader<File>`, attachments are decoded and packages rewritten by
//! seeking in the file, and `check_from` scans every attachment in the one
//! pass that reads the package. Each path must give exactly what the
//! in-memory path gives.

use std::fs::File;
use std::io::{BufReader, Cursor};
use std::path::PathBuf;

use vanthu_edxml::{
    ErrorKind, Profile, ReadOptions, ValidateOptions, check, check_from, read, read_with,
    scan_attachment, write,
};

use crate::samples;

const SHIPPED: &[u8] = include_bytes!("../vectors/sample.edxml");

/// The shipped sample and every real package, by name.
fn packages() -> Vec<(String, Vec<u8>)> {
    let mut all = vec![("sample.edxml".to_owned(), SHIPPED.to_vec())];
    if let Some(dir) = samples() {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for path in names {
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            all.push((name, bytes));
        }
    }
    all
}

/// `bytes` in a temporary file of the test `test`, opened for reading (tests
/// run in parallel threads of one process: each needs its own files).
fn on_disk(test: &str, name: &str, bytes: &[u8]) -> (PathBuf, BufReader<File>) {
    let path = std::env::temp_dir().join(format!(
        "vanthu-edxml-stream-{}-{test}-{name}",
        std::process::id()
    ));
    std::fs::write(&path, bytes).unwrap();
    let file = BufReader::new(File::open(&path).unwrap());
    (path, file)
}

#[test]
fn files_read_decode_and_rewrite_as_memory_does() {
    let mut documents = 0;
    for (name, bytes) in packages() {
        let Ok(in_memory) = read(&bytes) else {
            // The malformed sample fails the same way from a file.
            let (path, mut file) = on_disk("rewrite", &name, &bytes);
            let from_memory = read(&bytes).unwrap_err();
            let from_file = read_with(&mut file, &ReadOptions::default()).unwrap_err();
            assert_eq!(from_file.position(), from_memory.position(), "{name}");
            std::fs::remove_file(path).unwrap();
            continue;
        };
        let (path, mut file) = on_disk("rewrite", &name, &bytes);
        let from_file = read_with(&mut file, &ReadOptions::default()).unwrap();
        assert_eq!(from_file.package, in_memory.package, "{name}");
        assert_eq!(from_file.findings, in_memory.findings, "{name}");
        assert_eq!(from_file.layout, in_memory.layout, "{name}");

        for index in 0..in_memory.layout.len() {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let da = in_memory.decode_attachment(&bytes, index, &mut a);
            let db = from_file.decode_attachment_from(&mut file, index, &mut b);
            match (da, db) {
                (Ok(da), Ok(db)) => {
                    assert_eq!(da, db, "{name} #{index}");
                    assert_eq!(a, b, "{name} #{index}");
                    assert_eq!(da.size, a.len() as u64);
                }
                (Err(ea), Err(eb)) => assert_eq!(ea.kind(), eb.kind(), "{name} #{index}"),
                (a, b) => panic!("{name} #{index}: {a:?} from memory, {b:?} from the file"),
            }
        }

        let mut from_slices = Vec::new();
        let mut from_seeks = Vec::new();
        let a = write(
            &in_memory.package,
            &mut in_memory.bodies(&bytes),
            &mut from_slices,
        );
        let b = write(
            &from_file.package,
            &mut from_file.seek_bodies(&mut file),
            &mut from_seeks,
        );
        assert_eq!(a.is_ok(), b.is_ok(), "{name}");
        assert!(from_slices == from_seeks, "{name}: the rewrites differ");
        documents += usize::from(in_memory.package.as_document().is_some());
        std::fs::remove_file(path).unwrap();
    }
    assert!(documents >= 1);
}

#[test]
fn check_from_scans_in_one_pass_what_decoding_each_attachment_finds() {
    for (name, bytes) in packages() {
        for profile in [Profile::Receiver, Profile::Sender] {
            let options = ValidateOptions::new(profile);
            let Ok(in_memory) = check(&bytes, &ReadOptions::default(), &options) else {
                assert!(check_from(&bytes[..], &ReadOptions::default(), &options).is_err());
                continue;
            };
            let (path, file) = on_disk("check", &name, &bytes);
            let streamed = check_from(file, &ReadOptions::default(), &options).unwrap();
            assert_eq!(streamed.findings, in_memory.findings, "{name}");
            assert_eq!(streamed.scans, in_memory.scans, "{name}");
            // The single pass finds what decoding each attachment again finds.
            for (index, scan) in streamed.scans.iter().enumerate() {
                let again = scan_attachment(&streamed.read, &bytes, index).ok();
                assert_eq!(scan, &again, "{name} #{index}");
                assert_eq!(
                    streamed.read.layout[index].digest,
                    scan.as_ref().map(|s| s.digest)
                );
            }
            std::fs::remove_file(path).unwrap();
        }
    }
}

#[test]
fn decoding_from_the_wrong_source_is_a_typed_error() {
    let out = read(SHIPPED).unwrap();
    let mut sink = Vec::new();
    // A source shorter than the one read.
    let short = Cursor::new(&SHIPPED[..SHIPPED.len() / 2]);
    let e = out.decode_attachment_from(short, 0, &mut sink).unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::Io(m) if m.contains("shorter")),
        "{e}"
    );
    // An attachment that is not there.
    let e = out
        .decode_attachment_from(Cursor::new(SHIPPED), 7, &mut sink)
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::NoSuchAttachment(_)), "{e}");
}

#[test]
fn interrupted_attachment_text_is_scanned_decoded_and_rewritten() {
    let text = String::from_utf8(SHIPPED.to_vec()).unwrap();
    let open = text.find("JVBERi0x").unwrap();
    let close = open + text[open..].find('<').unwrap();
    let base64 = &text[open..close];
    let clean = read_with(SHIPPED, &ReadOptions::digest()).unwrap();
    let clean_digest = clean.layout[0].digest.unwrap();
    let options = ValidateOptions::new(Profile::Receiver);
    let clean_scans = check(SHIPPED, &ReadOptions::default(), &options)
        .unwrap()
        .scans;
    // Each kind of markup XML allows in content, at many places in the text;
    // `{}` marks where the Base64 characters it wraps go.
    let kinds = [
        ("<!-- a - comment -->{}", true),
        ("<?app data ? >?>{}", true),
        ("<![CDATA[{}]]>", true),
        ("{}<!---->", true),
        ("<x a=\">'\" b='\"'/>{}", false),
        ("<x>{}</x>", false),
    ];
    for (kind, rewrites_to_the_sample) in kinds {
        for cut in (4..base64.len() - 8).step_by(97) {
            let (head, tail) = base64.split_at(cut);
            let (wrapped, rest) = tail.split_at(5);
            let interrupted = format!(
                "{}{head}{}{rest}{}",
                &text[..open],
                kind.replace("{}", wrapped),
                &text[close..]
            );
            let bytes = interrupted.as_bytes();
            let what = format!("{kind} at {cut}");
            let report = check(bytes, &ReadOptions::default(), &options).unwrap();
            assert_eq!(report.scans, clean_scans, "{what}");
            let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
            assert!(rules.contains(&"EDXML-ATT-002"), "{what}: {rules:?}");
            assert!(!rules.contains(&"EDXML-ATT-001"), "{what}: {rules:?}");
            // Decoding from the span takes its character data, as the reader did.
            let read = read_with(bytes, &ReadOptions::digest()).unwrap();
            assert!(!read.layout[0].contiguous);
            assert_eq!(read.layout[0].digest, Some(clean_digest), "{what}");
            let mut decoded = Vec::new();
            let digest = read
                .decode_attachment_from(Cursor::new(bytes), 0, &mut decoded)
                .unwrap();
            assert_eq!(digest, clean_digest, "{what}");
            // And rewriting gives the package without the interruption.
            let mut written = Vec::new();
            write(&read.package, &mut read.bodies(bytes), &mut written).unwrap();
            if rewrites_to_the_sample {
                assert!(
                    written == SHIPPED,
                    "{what}: the rewrite differs from the sample"
                );
            }
            let again = read_with(&written[..], &ReadOptions::digest()).unwrap();
            assert!(again.layout[0].contiguous, "{what}");
            assert_eq!(again.layout[0].digest, Some(clean_digest), "{what}");
        }
    }
}

/// The `content` fuzz campaign: an OpenDocument archive whose 29-byte
/// `mimetypeapplication/vnd.oasis` marker was cut by a write lost its type.
/// Every marker is found whole however the bytes are cut.
#[test]
fn the_scanner_finds_a_marker_cut_by_any_write() {
    use std::io::Write as _;
    let mut odf = b"PK\x03\x04\x0a\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec();
    odf.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
    odf.extend_from_slice(&[0; 64]);
    for size in 1..=odf.len() {
        let mut scanner = vanthu_edxml::Scanner::new(std::io::sink());
        for chunk in odf.chunks(size) {
            scanner.write_all(chunk).unwrap();
        }
        let (scan, _) = scanner.finish();
        assert_eq!(
            scan.kind,
            vanthu_edxml::FileKind::OpenDocument,
            "writes of {size}"
        );
    }
}
