//! The reader on inputs built to exhaust it (`vanthu docs/limits.md` §2):
//! each ends quickly, within `Limits`, with an error naming the limit or a
//! verdict that says what was not examined. The inputs come from
//! `testpki::hostile`; the CLI runs the same ones under a memory and time
//! limit (`cli/tests/it/adversarial_pdf.rs`).

use std::time::{Duration, Instant};

use vanthu_identifiers::Severity;
use vanthu_signature::testpki::hostile;
use vanthu_signature::{
    ErrorKind, LegalValue, Limits, SignOptions, VerifyOptions, locate, prepare, verify_pdf,
};

use crate::common::*;

fn verify_with(pdf: &[u8], limits: Limits) -> vanthu_signature::DocumentReport {
    let mut options = VerifyOptions::new(utc(2025, 6, 3));
    options.limits = limits;
    verify_pdf(pdf, &store(), &options).unwrap()
}

fn limit(kind: &ErrorKind) -> &'static str {
    match kind {
        ErrorKind::LimitExceeded(what) => what,
        other => panic!("not a limit: {other:?}"),
    }
}

/// The offset of `needle` in `pdf`.
fn offset_of(pdf: &[u8], needle: &[u8]) -> usize {
    pdf.windows(needle.len()).position(|w| w == needle).unwrap()
}

#[test]
fn an_object_stream_whose_entries_share_one_offset_is_not_expanded() {
    // 1,500 entries on one 60,000-element array: 4 KB that cost 1.8 GB when
    // each entry was parsed from its offset. The offsets must increase
    // (ISO 32000-1 §7.5.7): the stream is malformed, and nothing is built.
    let pdf = hostile::object_stream_one_array(1500, 60_000);
    assert!(pdf.len() < 8 * 1024, "{} bytes", pdf.len());
    let report = verify(&pdf);
    assert_eq!(report.legal_value, LegalValue::ReferenceOnly);
    assert!(report.signatures.is_empty());
    // The verdict says the stream was not read, and where it is.
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "SIG-PDF-UNPARSED")
        .expect("the undecodable stream is reported");
    assert!(
        finding
            .message
            .contains("1 object or cross-reference stream(s) cannot be decoded")
    );
    assert_eq!(
        finding.location.offset,
        u64::try_from(offset_of(&pdf, b"6 0 obj\n<</Type /ObjStm")).ok()
    );
}

#[test]
fn the_values_of_a_file_are_counted_across_its_object_streams() {
    // 5 × 1,000 values from a file of a few kilobytes.
    let pdf = hostile::object_stream_arrays(5, 1000);
    assert!(locate(&pdf, &Limits::default()).is_ok());
    let mut limits = Limits::default();
    limits.max_values = 4000;
    let err = locate(&pdf, &limits).unwrap_err();
    assert_eq!(limit(err.kind()), "values (max_values)");
    // Inside a compressed stream, the position is the stream's definition.
    assert_eq!(
        err.offset(),
        Some(offset_of(&pdf, b"6 0 obj\n<</Type /ObjStm"))
    );
    limits.max_values = 6000;
    assert!(locate(&pdf, &limits).is_ok());
}

#[test]
fn an_array_longer_than_the_limit_is_refused_at_its_start() {
    let pdf = hostile::big_array(2000);
    let mut limits = Limits::default();
    limits.max_array_len = 1999;
    let err = locate(&pdf, &limits).unwrap_err();
    assert_eq!(limit(err.kind()), "array length (max_array_len)");
    assert_eq!(err.offset(), Some(offset_of(&pdf, b"6 0 obj\n[") + 8));
    assert!(err.to_string().contains("max_array_len"), "{err}");
    limits.max_array_len = 2000;
    assert!(locate(&pdf, &limits).is_ok());
    // Signing reads the same way, with the same limits.
    let mut options = SignOptions::new(vn(2025, 6, 2, 9));
    options.limits.max_array_len = 1999;
    let err = prepare(&pdf, &options).unwrap_err();
    assert_eq!(limit(err.kind()), "array length (max_array_len)");
}

#[test]
fn a_dictionary_larger_than_the_limit_is_refused_at_its_start() {
    let pdf = hostile::big_dictionary(300);
    let mut limits = Limits::default();
    limits.max_dict_len = 299;
    let err = locate(&pdf, &limits).unwrap_err();
    assert_eq!(limit(err.kind()), "dictionary entries (max_dict_len)");
    assert_eq!(err.offset(), Some(offset_of(&pdf, b"6 0 obj\n<<") + 8));
    limits.max_dict_len = 300;
    assert!(locate(&pdf, &limits).is_ok());
}

/// The shortest of three runs of `f`: the time it takes, without the noise
/// of a busy machine.
fn fastest(f: impl Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .unwrap()
}

/// Reading four times the input takes about four times as long: not
/// sixteen times, as when every line scanned to the end of the file again.
fn assert_linear(make: fn(usize) -> Vec<u8>, lines: usize) {
    let (small, large) = (make(lines), make(4 * lines));
    let read = |pdf: &[u8]| {
        let report = verify(pdf);
        assert!(report.signatures.is_empty());
    };
    let (t1, t4) = (fastest(|| read(&small)), fastest(|| read(&large)));
    assert!(
        t4 <= t1 * 8 + Duration::from_millis(500),
        "{lines} lines: {t1:?}; {} lines: {t4:?}",
        4 * lines
    );
}

#[test]
fn unterminated_strings_are_read_in_linear_time() {
    assert_linear(hostile::unterminated_strings, 10_000);
}

#[test]
fn streams_without_endstream_are_read_in_linear_time() {
    assert_linear(hostile::streams_without_endstream, 20_000);
}

#[test]
fn unterminated_strings_do_not_hide_the_signatures_after_them() {
    // Every later string is answered from what the first one taught the
    // lexer: those that close (the signatures' /M, /Name) still close, and
    // the walk finds and verifies both signatures.
    let p = pki();
    let damaged = hostile::unterminated_strings(3);
    let one = sign(&damaged, &p.person_key, &p.person, 9);
    let both = sign(&one, &p.org_key, &p.org, 10);
    let report = verify(&both);
    assert_eq!(report.signatures.len(), 2, "{:#?}", report.findings);
    assert_eq!(
        report.legal_value,
        LegalValue::Original,
        "{:#?}",
        report.findings
    );
    assert!(report.findings.iter().any(|f| f.rule == "SIG-PDF-UNPARSED"));
}

#[test]
fn more_signatures_than_the_limit_are_a_finding_not_an_error() {
    let mut limits = Limits::default();
    limits.max_signatures = 1;
    let located = locate(&person_then_org(), &limits).unwrap();
    assert_eq!(located.signatures.len(), 1);
    let skipped = located.skipped_signatures.unwrap();
    assert_eq!(skipped.count, 1);
    let report = verify_with(&person_then_org(), limits);
    // The one examined is valid, but what was left out may hold anything.
    assert_eq!(report.signatures.len(), 1);
    assert_eq!(report.legal_value, LegalValue::ReferenceOnly);
    let errors: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].rule, "SIG-PDF-LIMIT");
    assert!(
        errors[0].message.contains("max_signatures (1)"),
        "{}",
        errors[0].message
    );
    assert_eq!(errors[0].location.offset, Some(skipped.first_offset as u64));
    // Within the limit, the same file is the original.
    assert_eq!(verify(&person_then_org()).legal_value, LegalValue::Original);
}

#[test]
fn beside_an_invalid_signature_the_limit_is_a_warning() {
    let pdf = hostile::signature_dictionaries(300);
    let report = verify(&pdf);
    assert_eq!(report.signatures.len(), 256);
    assert_eq!(report.legal_value, LegalValue::Invalid);
    let limit = report
        .findings
        .iter()
        .find(|f| f.rule == "SIG-PDF-LIMIT")
        .unwrap();
    assert_eq!(limit.severity, Severity::Warning);
    assert!(
        limit.message.contains("the 44 after the first 256"),
        "{}",
        limit.message
    );
}

#[test]
fn more_revisions_than_the_limit_are_a_finding_and_signing_refuses() {
    // Base, person, agency: three revisions. Reading two leaves the agency's
    // signature out, and the verdict cannot be the original's.
    let pdf = person_then_org();
    let mut limits = Limits::default();
    limits.max_revisions = 2;
    let located = locate(&pdf, &limits).unwrap();
    assert_eq!(located.revisions.len(), 2);
    let from = located.unexamined_from.unwrap();
    assert_eq!(from, located.revisions[1].end);
    let report = verify_with(&pdf, limits);
    assert_eq!(report.signatures.len(), 1);
    assert_eq!(report.legal_value, LegalValue::ReferenceOnly);
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule == "SIG-PDF-LIMIT")
        .unwrap();
    assert_eq!(finding.severity, Severity::Error);
    assert!(
        finding
            .message
            .contains("more than 2 revisions (max_revisions)")
    );
    assert_eq!(finding.location.offset, Some(from as u64));
    limits.max_revisions = 3;
    assert_eq!(verify_with(&pdf, limits).legal_value, LegalValue::Original);

    // An update written on a file read in part would undo the rest.
    let many = hostile::revisions(20);
    let mut options = SignOptions::new(vn(2025, 6, 2, 9));
    options.limits.max_revisions = 10;
    let err = prepare(&many, &options).unwrap_err();
    assert_eq!(limit(err.kind()), "revisions (max_revisions)");
    options.limits.max_revisions = 21;
    assert!(prepare(&many, &options).is_ok());
}

#[test]
fn hostile_inputs_are_signed_or_refused_in_bounded_time() {
    let options = SignOptions::new(vn(2025, 6, 2, 9));
    for pdf in [
        hostile::object_stream_one_array(1500, 60_000),
        hostile::unterminated_strings(20_000),
        hostile::streams_without_endstream(20_000),
    ] {
        let started = Instant::now();
        assert!(prepare(&pdf, &options).is_ok());
        assert!(started.elapsed() < Duration::from_secs(20));
    }
}

#[test]
fn a_broken_cross_reference_table_does_not_swallow_the_next_update() {
    // The sign_prepare campaign: a file whose last update ends in `xref`, a
    // number and `%%EOF`. The table read on through `%%EOF` (a comment to the lexer)
    // into the update the signer appended, whose signature was then lost.
    let mut pdf = vanthu_signature::testpki::sample_pdf(1, 0);
    pdf.extend_from_slice(b"startxref\n9\nxref\n681\n%%EOF\n");
    let prepared = prepare(&pdf, &SignOptions::new(vn(2025, 6, 2, 9))).unwrap();
    let signed = prepared.insert_cms(&[0x30, 0x00]).unwrap();
    let found = locate(&signed, &Limits::default()).unwrap();
    assert_eq!(found.signatures.len(), 1);
    assert_eq!(
        found.signatures[0].coverage,
        vanthu_signature::Coverage::EntireFile
    );
}

#[test]
fn signing_refuses_a_file_whose_damage_would_hide_the_signature() {
    // The sign_prepare campaign: a literal string that the file never ends
    // is ended by a parenthesis of the update, and swallows the update. The
    // signer reads its result back and refuses rather than sign a file in
    // which its signature cannot be found.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fuzz/corpus/sign_prepare/crash-string-ended-by-the-update"
    );
    let pdf = std::fs::read(path).unwrap();
    let err = prepare(&pdf, &SignOptions::new(vn(2025, 6, 2, 9))).unwrap_err();
    assert!(
        err.to_string().contains("could not be found again"),
        "{err}"
    );
    // The file is still read, its damage reported.
    assert!(
        !locate(&pdf, &Limits::default())
            .unwrap()
            .unparsed
            .is_empty()
    );
}
