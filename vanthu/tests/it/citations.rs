//! How a citation resolves inside the repository: a legal text or standard
//! described in `docs/regulations.md`, or a section of a project document
//! (`vanthu docs/<file>.md §N`). Shared by the checks of the rule catalogue's
//! sources and of the regulation table.

use std::path::Path;

/// The text of a file of `docs/`.
pub(crate) fn docs(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text a citation names, without its article, clause or requirement.
pub(crate) fn text_name(citation: &str) -> &str {
    let cut = [" Điều ", " Phụ lục", " Chương ", " §", " khoản "]
        .iter()
        .filter_map(|m| citation.find(m))
        .min()
        .unwrap_or(citation.len());
    let name = &citation[..cut];
    // E-ARK requirement ids follow the version: `E-ARK CSIP 2.1.0 CSIP2`.
    match name.strip_prefix("E-ARK ") {
        Some(rest) => {
            let end = rest.split(' ').take(2).map(str::len).sum::<usize>() + 1 + "E-ARK ".len();
            &name[..end.min(name.len())]
        }
        None => name,
    }
}

/// Whether one citation resolves: a project document's section exists, or the
/// text it names is described in `regulations` (the text of
/// `docs/regulations.md`).
pub(crate) fn resolves(citation: &str, regulations: &str) -> bool {
    if let Some(rest) = citation.strip_prefix("vanthu docs/") {
        let (file, section) = rest.split_once(" §").unwrap_or((rest, ""));
        if section.is_empty() || file.contains('/') || !file.ends_with(".md") {
            return false;
        }
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../docs")
            .join(file);
        let Ok(text) = std::fs::read_to_string(path) else {
            return false;
        };
        let heading = format!("## {}.", section.trim());
        return text.lines().any(|l| l.starts_with(&heading));
    }
    let name = text_name(citation);
    !name.trim().is_empty() && regulations.contains(name)
}
