//! #16: the command-line tool's inputs under the adversarial cases of the
//! issue, each run inside the stated budget (`crate::budget::bounded`):
//! standard input, event logs and identifier lists, the files a pack
//! specification names, archival packages built to cost memory or time,
//! and out-of-range times.

#![cfg(unix)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::archive::{pack_vector, temp, vectors, write_zip, zip_entries};
use crate::budget::bounded;
use crate::edxml::sample;

/// The names left in `dir`.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ---- Standard input ---------------------------------------------------

/// `/dev/zero` on standard input used to be copied to a temporary file
/// without end: the copy stops at `--max-stdin` (default 1 GiB).
#[test]
fn endless_standard_input_stops_at_the_stdin_limit() {
    let dir = temp("adv-stdin");
    let out = dir.join("out");
    for args in [
        vec!["normalize", "-", "-o", "-", "--max-stdin", "1048576"],
        vec![
            "extract",
            "-",
            "-o",
            out.to_str().unwrap(),
            "--max-stdin",
            "1048576",
        ],
        vec!["inspect", "-", "--max-stdin", "1048576"],
    ] {
        let run = bounded(&args, Some(Path::new("/dev/zero")));
        run.ends(2, "limit exceeded: more than 1048576 bytes (--max-stdin");
    }
    // Within the limit, standard input is read as before.
    let run = bounded(
        &["normalize", "-", "-o", "-", "--max-stdin", "1048576"],
        Some(Path::new(&sample())),
    );
    assert_eq!(run.code(), 0, "{}", run.text());
    let _ = std::fs::remove_dir_all(dir);
}

/// The copy of standard input has no name: a run killed while copying
/// leaves nothing in the temporary folder.
#[test]
fn a_killed_copy_of_standard_input_leaves_nothing_behind() {
    let dir = temp("adv-spool");
    let tmp = dir.join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vanthu"))
        .args(["normalize", "-", "-o", "-"])
        .env("TMPDIR", &tmp)
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // While copying, the file exists but in no folder.
    for _ in 0..5 {
        std::thread::sleep(Duration::from_millis(100));
        assert!(names(&tmp).is_empty(), "{:?}", names(&tmp));
    }
    let _ = child.kill();
    child.wait().unwrap();
    assert!(names(&tmp).is_empty(), "{:?}", names(&tmp));
    let _ = std::fs::remove_dir_all(dir);
}

// ---- Event logs and identifier lists ------------------------------------

/// A log of `cases` documents arriving, written to `path`.
fn write_log(path: &Path, cases: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(br#"{"agency": "000.00.15.H47", "events": ["#)
        .unwrap();
    f.write_all(r#"{"at": "2025-03-03T07:00:00+07:00", "type": "actor_added", "actor": {"id": "clerk", "name": "Văn Thư", "roles": ["clerk"]}}"#.as_bytes()).unwrap();
    for n in 0..cases {
        write!(
            f,
            r#",{{"at": "2025-03-03T08:15:00+07:00", "type": "incoming", "case": "IN-{n:07}", "event": {{"type": "arrived", "from": "000.00.18.H40", "meta": {{"number": "{}/UBND-VX", "issuer": "UBND tỉnh Nam Định", "date": "2025-03-01", "subject": "Về việc triển khai"}}}}}}"#,
            n + 1
        )
        .unwrap();
    }
    f.write_all(b"]}").unwrap();
}

/// `replay` reads its log as a stream: one event larger than the limit of
/// one event is refused at its byte offset, without the log being held.
#[test]
fn replay_streams_its_log_and_refuses_an_oversized_event() {
    let dir = temp("adv-replay");
    let log = dir.join("log.json");
    write_log(&log, 2_000);
    let run = bounded(&["replay", log.to_str().unwrap()], None);
    assert_eq!(run.code(), 0, "{}", run.text());
    assert!(
        run.text().contains("2001 events, 2000 incoming"),
        "{}",
        run.text()
    );
    // The same log on standard input.
    let run = bounded(&["replay", "-", "--json"], Some(&log));
    assert_eq!(run.code(), 0, "{}", run.text());
    // Fewer documents allowed than the log names.
    let run = bounded(
        &["replay", log.to_str().unwrap(), "--max-documents", "100"],
        None,
    );
    run.ends(2, "limit exceeded: documents (at most 100) at byte");
    // One event of 2 MiB.
    let big = dir.join("big.json");
    std::fs::write(
        &big,
        format!(
            r#"{{"agency": "000.00.15.H47", "events": [{{"at": "2025-03-03T08:00:00+07:00", "type": "actor_added", "actor": {{"id": "a", "name": "{}", "roles": ["clerk"]}}}}]}}"#,
            "x".repeat(2 << 20)
        ),
    )
    .unwrap();
    let run = bounded(&["replay", big.to_str().unwrap()], None);
    run.ends(
        2,
        "limit exceeded: bytes of one event (at most 1048576) at byte 10",
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// `id --file` reads one line at a time; a line longer than any identifier
/// list has is refused with its number and offset.
#[test]
fn id_file_streams_its_lines_and_refuses_an_endless_line() {
    let dir = temp("adv-id");
    let ids = dir.join("ids.txt");
    let mut text = String::from("\u{FEFF}000.00.15.H47\r\n\n");
    for i in 0..5_000 {
        text.push_str(&format!("000.00.{:02}.H47\n", i % 100));
    }
    std::fs::write(&ids, &text).unwrap();
    let run = bounded(&["id", "--file", ids.to_str().unwrap(), "--json"], None);
    assert_eq!(run.code(), 0, "{}", run.text());
    let v: serde_json::Value = serde_json::from_slice(&run.output.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 5_001);
    let long = dir.join("long.txt");
    std::fs::write(&long, format!("000.00.15.H47\n{}\n", "1".repeat(100_000))).unwrap();
    let run = bounded(&["id", "--file", long.to_str().unwrap()], None);
    run.ends(
        2,
        "line 2 (byte 14) is longer than 4096 bytes: limit exceeded",
    );
    let _ = std::fs::remove_dir_all(dir);
}

// ---- archive pack -------------------------------------------------------

/// The sip-hoso vector's specification and files, copied to `dir`.
fn spec_in(dir: &Path) -> PathBuf {
    let files = dir.join("files");
    std::fs::create_dir_all(&files).unwrap();
    for e in std::fs::read_dir(vectors().join("sip-hoso/files")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), files.join(e.file_name())).unwrap();
    }
    let spec = dir.join("spec.json");
    std::fs::copy(vectors().join("sip-hoso/spec.json"), &spec).unwrap();
    spec
}

/// `archive pack` with `bao-cao-45.pdf` replaced by what `plant` makes.
fn pack_with(
    name: &str,
    plant: impl Fn(&Path),
    extra: &[&str],
) -> (crate::budget::Bounded, PathBuf) {
    let dir = temp(name);
    let spec = spec_in(&dir);
    let file = dir.join("files/bao-cao-45.pdf");
    std::fs::remove_file(&file).unwrap();
    plant(&file);
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let zip = out.join("sip.zip");
    let mut args = vec![
        "archive",
        "pack",
        spec.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    (bounded(&args, None), out)
}

/// What a case puts where `bao-cao-45.pdf` was.
type Plant<'a> = Box<dyn Fn(&Path) + 'a>;

#[test]
fn archive_pack_refuses_devices_pipes_and_links_and_leaves_no_output() {
    let victim = temp("adv-pack-victim").join("passwd");
    std::fs::write(&victim, b"root:x:0:0").unwrap();
    let cases: [(&str, Plant<'_>, &[&str], &str); 5] = [
        (
            "adv-pack-zero",
            Box::new(|p: &Path| std::os::unix::fs::symlink("/dev/zero", p).unwrap()),
            &["--follow-links"],
            "not a regular file but a character device",
        ),
        (
            "adv-pack-zero-link",
            Box::new(|p: &Path| std::os::unix::fs::symlink("/dev/zero", p).unwrap()),
            &[],
            "not a regular file but a symbolic link",
        ),
        (
            "adv-pack-fifo",
            Box::new(|p: &Path| {
                assert!(
                    std::process::Command::new("mkfifo")
                        .arg(p)
                        .status()
                        .unwrap()
                        .success()
                );
            }),
            &[],
            "not a regular file but a named pipe (FIFO)",
        ),
        (
            "adv-pack-link",
            Box::new(|p: &Path| std::os::unix::fs::symlink(&victim, p).unwrap()),
            &[],
            "not a regular file but a symbolic link",
        ),
        (
            "adv-pack-dir",
            Box::new(|p: &Path| std::fs::create_dir(p).unwrap()),
            &["--follow-links"],
            "not a regular file but a folder",
        ),
    ];
    for (name, plant, extra, message) in cases {
        let (run, out) = pack_with(name, plant, extra);
        run.ends(2, message);
        assert!(run.text().contains("bao-cao-45.pdf"), "{}", run.text());
        assert!(
            run.elapsed < Duration::from_secs(20),
            "{name}: {:?}",
            run.elapsed
        );
        assert!(names(&out).is_empty(), "{name}: {:?}", names(&out));
    }
    // Followed on request, a link to a regular file is packed.
    let (run, out) = pack_with(
        "adv-pack-follow",
        |p: &Path| std::os::unix::fs::symlink(&victim, p).unwrap(),
        &["--follow-links"],
    );
    assert_eq!(run.code(), 0, "{}", run.text());
    assert_eq!(names(&out), ["sip.zip"]);
    // A specification naming `/dev/zero` itself.
    let dir = temp("adv-pack-dev");
    let spec = spec_in(&dir);
    let text = std::fs::read_to_string(&spec)
        .unwrap()
        .replace("\"source_dir\": \"files\"", "\"source_dir\": \"/dev\"")
        .replace("Kế hoạch 12-KH-VP.pdf", "zero");
    std::fs::write(&spec, text).unwrap();
    let zip = dir.join("sip.zip");
    let run = bounded(
        &[
            "archive",
            "pack",
            spec.to_str().unwrap(),
            "-o",
            zip.to_str().unwrap(),
        ],
        None,
    );
    run.ends(2, "/dev/zero: not a regular file but a character device");
    assert!(!zip.exists());
}

// ---- archive check ------------------------------------------------------

/// The vector package with its root METS replaced by `mets`.
fn package_with_mets(name: &str, mets: &[u8]) -> PathBuf {
    let dir = temp(name);
    let zip = pack_vector(&dir);
    let mut entries = zip_entries(&zip);
    for (n, data) in &mut entries {
        if n.matches('/').count() == 1 && n.ends_with("/METS.xml") {
            *data = mets.to_vec();
        }
    }
    let out = dir.join("bad.zip");
    write_zip(&out, &entries);
    out
}

#[test]
fn archive_check_bounds_mets_of_many_elements_and_calls_none_conformant() {
    // 17 MiB of `<a/>` (the issue's had 60 MiB): refused at the byte limit.
    let zip = package_with_mets("adv-mets-big", &b"<a/>".repeat(17 << 18));
    let run = bounded(&["archive", "check", zip.to_str().unwrap()], None);
    run.ends(1, "ARCH-PKG-STRUCT-005");
    assert!(
        run.text().contains("16777216 bytes at byte 16777216"),
        "{}",
        run.text()
    );
    // The 254 KB variant: `<mets>` of 63,500 `<a/>`, at the element limit.
    let mut mets = b"<mets>".to_vec();
    mets.extend(b"<a/>".repeat(63_500));
    mets.extend(b"</mets>");
    let zip = package_with_mets("adv-mets-elements", &mets);
    let run = bounded(&["archive", "check", zip.to_str().unwrap()], None);
    run.ends(1, "50000 elements");
    assert!(run.text().contains("NOT conformant"), "{}", run.text());
    // Unknown elements within every limit: not a METS.
    let mets = format!("<a>{}</a>", "<b x=\"1\"/>".repeat(20_000));
    let zip = package_with_mets("adv-mets-unknown", mets.as_bytes());
    let run = bounded(&["archive", "check", zip.to_str().unwrap()], None);
    run.ends(1, "ARCH-PKG-METS-001");
    // `<a/>` repeated: a second root element.
    let zip = package_with_mets("adv-mets-roots", &b"<a/>".repeat(60_000));
    let run = bounded(&["archive", "check", zip.to_str().unwrap()], None);
    run.ends(1, "content after the root element");
}

/// One 1 MiB data file referenced 1,000 times more by the representation
/// METS is hashed once: the check ends in seconds, not in 1,000 hashings.
#[test]
fn archive_check_hashes_a_file_referenced_a_thousand_times_once() {
    let dir = temp("adv-refs");
    let zip = pack_vector(&dir);
    let mut entries = zip_entries(&zip);
    let data = entries
        .iter()
        .position(|(n, _)| n.ends_with("/data/phu-luc-45.csv"))
        .unwrap();
    entries[data].1 = vec![b'x'; 1 << 20];
    for (n, text) in &mut entries {
        if !n.ends_with("representations/rep1/METS.xml") {
            continue;
        }
        let s = String::from_utf8(text.clone()).unwrap();
        let start = s.find("<mets:file ").unwrap();
        let at = start + s[start..].find("phu-luc-45.csv").unwrap();
        let begin = s[..at].rfind("<mets:file ").unwrap();
        let end = at + s[at..].find("</mets:file>").unwrap() + "</mets:file>".len();
        let element = &s[begin..end];
        let copies: String = (0..1_000)
            .map(|i| element.replacen("ID=\"", &format!("ID=\"copy{i}-"), 1))
            .collect();
        *text = format!("{}{copies}{}", &s[..end], &s[end..]).into_bytes();
    }
    let out = dir.join("refs.zip");
    write_zip(&out, &entries);
    let run = bounded(&["archive", "check", out.to_str().unwrap(), "--json"], None);
    assert_eq!(run.code(), 1, "{}", run.text());
    let v: serde_json::Value = serde_json::from_slice(&run.output.stdout).unwrap();
    // Every file once, the big one included: about 1 MiB hashed, not 1 GiB.
    assert!(v["bytes_checked"].as_u64().unwrap() < 2 << 20, "{v}");
    assert!(run.elapsed < Duration::from_secs(20), "{:?}", run.elapsed);
    let _ = std::fs::remove_dir_all(dir);
}

// ---- Times --------------------------------------------------------------

#[test]
fn due_refuses_second_60_and_other_out_of_range_fields_with_their_offset() {
    for (from, message) in [
        (
            "2025-06-05T09:30:60",
            "second 60 at byte 17 is out of range (0–59)",
        ),
        (
            "2025-06-05 24:00",
            "hour 24 at byte 11 is out of range (0–23)",
        ),
        ("2025-04-31", "day 31 at byte 8 is out of range"),
        ("2025-13-01", "month 13 at byte 5 is out of range (1–12)"),
        ("2025-06-05T09:30:59+07:60", "offset 60 at byte 23"),
        ("2025/06/05 09:3x", "unexpected text at byte 15"),
    ] {
        let run = bounded(&["due", "--from", from, "--working-days", "1"], None);
        run.ends(2, message);
    }
    let run = bounded(
        &[
            "due",
            "--from",
            "2025-06-05T09:30:59",
            "--working-days",
            "1",
        ],
        None,
    );
    assert_eq!(run.code(), 0, "{}", run.text());
}
