//! `docs/regulation-table.md` stays true: every rule id it names is in the
//! catalogue, every test it names exists, every status is one of the four,
//! every `enforced` row names a rule and a test, and every source resolves in
//! `docs/` the way the catalogue's sources do.

use std::collections::BTreeSet;
use std::path::Path;

use crate::citations::{docs, resolves};

/// The statuses a row may have.
const STATUSES: [&str; 4] = ["enforced", "policy", "partly", "out of scope"];

/// One row of the table.
struct Row {
    line: usize,
    sources: Vec<String>,
    status: String,
    /// The status cell after the status word (the option, what is missing, why).
    note: String,
    ids: Vec<String>,
    tests: Vec<String>,
}

/// The text between backticks in a cell.
fn code_spans(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The rows of every table of `text` whose header starts with `| rule |`.
fn rows(text: &str) -> Result<Vec<Row>, Vec<String>> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut in_table = false;
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim();
        if !line.starts_with('|') {
            in_table = false;
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells.first() == Some(&"rule") {
            in_table = true;
            continue;
        }
        if !in_table
            || cells
                .iter()
                .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
        {
            continue;
        }
        let [rule, source, status, ids, tests] = cells[..] else {
            errors.push(format!("line {line_no}: {} cells, not 5", cells.len()));
            continue;
        };
        if rule.is_empty() {
            errors.push(format!("line {line_no}: the rule is not described"));
        }
        let (word, note) = status.split_once(':').unwrap_or((status, ""));
        rows.push(Row {
            line: line_no,
            sources: code_spans(source),
            status: word.trim().trim_matches('*').to_owned(),
            note: note.trim().to_owned(),
            ids: code_spans(ids),
            tests: code_spans(tests),
        });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Whether `root/<file>` exists and defines `fn name`.
fn test_exists(root: &Path, test: &str) -> bool {
    let Some((file, name)) = test.rsplit_once("::") else {
        return false;
    };
    if file.contains("..") || !file.ends_with(".rs") || name.is_empty() {
        return false;
    }
    let Ok(text) = std::fs::read_to_string(root.join(file)) else {
        return false;
    };
    [format!("fn {name}("), format!("fn {name}<")]
        .iter()
        .any(|f| text.contains(f.as_str()))
}

/// Everything wrong with the table `text`; `root` is the repository.
fn problems(text: &str, regulations: &str, root: &Path) -> Vec<String> {
    let rows = match rows(text) {
        Ok(rows) => rows,
        Err(errors) => return errors,
    };
    let known: BTreeSet<&str> = vanthu::rules::all().iter().map(|r| r.id).collect();
    let mut problems = Vec::new();
    for row in &rows {
        let at = format!("line {}", row.line);
        if !STATUSES.contains(&row.status.as_str()) {
            problems.push(format!(
                "{at}: status {:?} is not one of {STATUSES:?}",
                row.status
            ));
        }
        match row.status.as_str() {
            "enforced" if row.ids.is_empty() || row.tests.is_empty() => {
                problems.push(format!("{at}: an enforced rule names a rule id and a test"));
            }
            "policy" if code_spans(&row.note).is_empty() => {
                problems.push(format!("{at}: a policy row names its option in backticks"));
            }
            "partly" | "out of scope" if row.note.is_empty() => {
                problems.push(format!(
                    "{at}: say what is missing, or why it is out of scope"
                ));
            }
            _ => {}
        }
        if row.sources.is_empty() {
            problems.push(format!("{at}: no source"));
        }
        for source in &row.sources {
            if !resolves(source, regulations) {
                problems.push(format!("{at}: source {source:?} does not resolve in docs/"));
            }
        }
        for id in &row.ids {
            if !known.contains(id.as_str()) {
                problems.push(format!("{at}: {id} is not in the rule catalogue"));
            }
        }
        for test in &row.tests {
            if !test_exists(root, test) {
                problems.push(format!("{at}: test {test} does not exist"));
            }
        }
    }
    problems
}

fn repository() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

#[test]
fn the_regulation_table_is_true() {
    let table = docs("regulation-table.md");
    let problems = problems(&table, &docs("regulations.md"), repository());
    assert!(
        problems.is_empty(),
        "docs/regulation-table.md:\n{}",
        problems.join("\n")
    );
    let rows = rows(&table).unwrap_or_default();
    // The audit behind the table counted 66 rules.
    assert!(rows.len() >= 66, "{} rows", rows.len());
    for status in STATUSES {
        assert!(rows.iter().any(|r| r.status == status), "no {status} row");
    }
    // Every text that places obligations on the software has its rows.
    for text in [
        "Nghị định 30/2020/NĐ-CP",
        "Quyết định 28/2018/QĐ-TTg",
        "Thông tư 05/2025/TT-BNV",
        "QCVN 102:2016/BTTTT",
        "Quyết định 4556/QĐ-UBND (TP.HCM, 2017)",
        "Quyết định 3760/QĐ-UBND (TP.HCM, 2021)",
        "Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018)",
        "Quy chế văn bản điện tử (tỉnh Nam Định, 2021)",
        "Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019)",
    ] {
        assert!(
            rows.iter()
                .any(|r| r.sources.iter().any(|s| s.starts_with(text))),
            "no row cites {text}"
        );
    }
}

#[test]
fn the_regulation_table_is_linked() {
    assert!(docs("README.md").contains("(regulation-table.md)"));
    assert!(docs("regulations.md").contains("(regulation-table.md)"));
}

#[test]
fn broken_rows_are_found() {
    let regulations = docs("regulations.md");
    let good = "| rule | source | status | rule ids | tests |\n|---|---|---|---|---|\n\
        | return invalid documents | `Nghị định 30/2020/NĐ-CP Điều 21 khoản 2 điểm b` | enforced | `WF-IN-002` \
        | `workflow/tests/it/scenarios/incoming.rs::nam_dinh_2021_dieu_9_2_invalid_document_is_returned_with_a_reason` |\n";
    assert_eq!(
        problems(good, &regulations, repository()),
        Vec::<String>::new()
    );
    for (row, problem) in [
        (
            "| x | `Nghị định 30/2020/NĐ-CP Điều 5` | enforced | `WF-IN-999` | `vanthu/tests/it/regulation_table.rs::broken_rows_are_found` |",
            "not in the rule catalogue",
        ),
        (
            "| x | `Nghị định 30/2020/NĐ-CP Điều 5` | enforced | `WF-IN-002` | `vanthu/tests/it/regulation_table.rs::no_such_test` |",
            "does not exist",
        ),
        (
            "| x | `Nghị định 30/2020/NĐ-CP Điều 5` | enforced | `WF-IN-002` | `vanthu/tests/it/nowhere.rs::broken_rows_are_found` |",
            "does not exist",
        ),
        (
            "| x | `Nghị định 30/2020/NĐ-CP Điều 5` | done | | |",
            "is not one of",
        ),
        (
            "| x | `Nghị định 30/2020/NĐ-CP Điều 5` | enforced | | `vanthu/tests/it/regulation_table.rs::broken_rows_are_found` |",
            "names a rule id and a test",
        ),
        (
            "| x | `Nghị định 30/2020/NĐ-CP Điều 5` | enforced | `WF-IN-002` | |",
            "names a rule id and a test",
        ),
        (
            "| x | `Nghị định 99/2020/NĐ-CP Điều 5` | partly: no test | | |",
            "does not resolve",
        ),
        (
            "| x | `vanthu docs/workflow.md §99` | out of scope: TLS | | |",
            "does not resolve",
        ),
        ("| x | | out of scope: TLS | | |", "no source"),
        (
            "| x | `Nghị định 30/2020/NĐ-CP Điều 5` | policy: the agency decides | | |",
            "names its option",
        ),
        (
            "| x | `Nghị định 30/2020/NĐ-CP Điều 5` | partly | | |",
            "say what is missing",
        ),
        (
            "| x | `Nghị định 30/2020/NĐ-CP Điều 5` | enforced |",
            "cells, not 5",
        ),
    ] {
        let table = format!("{good}{row}\n");
        let found = problems(&table, &regulations, repository());
        assert!(
            found.len() == 1 && found[0].contains(problem),
            "{row}: expected {problem:?}, found {found:?}"
        );
    }
}
