//! The property of the `file_names` target: the first byte is an
//! attachment's index, the rest its names, one a line. Each safe name is
//! one path component that every system reads the same (no separator,
//! control or reserved character, no leading dot, no trailing dot or space,
//! at most `MAX_NAME_BYTES`), and making it safe again changes nothing; the
//! names given to one folder are distinct whatever the letter case.

use vanthu::names::{MAX_NAME_BYTES, UniqueNames, safe_file_name};

fn safe(name: &str) {
    assert!(!name.is_empty() && name.len() <= MAX_NAME_BYTES, "{name:?}");
    assert!(
        !name
            .chars()
            .any(|c| c.is_control() || "/\\:*?\"<>|".contains(c)),
        "{name:?}"
    );
    assert!(!name.starts_with(['.', ' ']), "{name:?}");
    assert!(!name.ends_with(['.', ' ']), "{name:?}");
}

pub(crate) fn check(data: &[u8]) {
    let Some((&index, rest)) = data.split_first() else {
        return;
    };
    let index = usize::from(index);
    let text = String::from_utf8_lossy(rest);
    let name = safe_file_name(&text, index);
    safe(&name);
    assert_eq!(safe_file_name(&name, index), name, "{text:?}");
    let mut unique = UniqueNames::default();
    let mut given: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let name = unique.next(line, i);
        safe(&name);
        let lower = name.to_lowercase();
        assert!(!given.contains(&lower), "{name:?} twice");
        given.push(lower);
    }
}
