//! Safe attachment names: the inputs the `file_names` fuzz target found.

use vanthu::names::{MAX_NAME_BYTES, UniqueNames, safe_file_name};

#[test]
fn dots_and_spaces_are_trimmed_as_often_as_they_alternate() {
    assert_eq!(safe_file_name(". x:y*?.pdf. ", 0), "x_y__.pdf");
    assert_eq!(safe_file_name(" . .. x . ", 0), "x");
    // Trimming is done once and for all: the safe name is its own safe name.
    let name = safe_file_name(". x.pdf", 0);
    assert_eq!(safe_file_name(&name, 0), name);
    // A name that is a name stays as it is.
    assert_eq!(safe_file_name("Tờ trình 12.pdf", 0), "Tờ trình 12.pdf");
}

#[test]
fn a_cut_never_leaves_a_trailing_space_or_a_device_name() {
    let long = format!("{}{}", "a".repeat(MAX_NAME_BYTES - 1), " b".repeat(40));
    let name = safe_file_name(&long, 0);
    assert_eq!(name, "a".repeat(MAX_NAME_BYTES - 1));
    let device = format!("CON{}x", " ".repeat(300));
    assert_eq!(safe_file_name(&device, 0), "_CON");
    let kept = format!("{}.pdf", "b".repeat(300));
    assert_eq!(safe_file_name(&kept, 0).len(), MAX_NAME_BYTES);
}

#[test]
fn unique_names_are_safe_too() {
    let mut names = UniqueNames::default();
    assert_eq!(names.next(". a.pdf", 0), "a.pdf");
    assert_eq!(names.next("A.PDF ", 1), "2-A.PDF");
}

#[test]
fn a_cut_never_leaves_unicode_white_space_at_the_end() {
    // The file_names campaign: a cut that ended on U+3000, trimmed only by
    // the next pass.
    let long = format!("{}\u{3000}x", "d".repeat(MAX_NAME_BYTES - 2));
    let name = safe_file_name(&long, 0);
    assert_eq!(name, "d".repeat(MAX_NAME_BYTES - 2));
    assert_eq!(safe_file_name(&name, 0), name);
    assert_eq!(safe_file_name("a.pdf\u{3000}.", 0), "a.pdf");
}
