//! The locator and CMS parser on edge cases: BER, zero padding, robustness.

use proptest::prelude::*;
use vanthu_signature::{
    CheckId, Coverage, Indication, Limits, Outcome, ber_to_der, locate, parse_cms,
};

use crate::common::*;

fn contents_span(pdf: &[u8]) -> (usize, usize) {
    let start = pdf.windows(11).position(|w| w == b"/Contents <").unwrap() + 11;
    let end = start + pdf[start..].iter().position(|&b| b == b'>').unwrap();
    (start, end)
}

fn hex(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .flat_map(|b| format!("{b:02x}").into_bytes())
        .collect()
}

fn unhex(h: &[u8]) -> Vec<u8> {
    h.chunks(2)
        .map(|c| u8::from_str_radix(std::str::from_utf8(c).unwrap(), 16).unwrap())
        .collect()
}

#[test]
fn locates_both_signatures_with_revisions() {
    let pdf = person_then_org();
    let found = locate(&pdf, &Limits::default()).unwrap();
    assert_eq!(found.revisions.len(), 3);
    assert_eq!(found.signatures.len(), 2);
    assert_eq!(found.signatures[0].signed_revision, Some(1));
    assert_eq!(found.signatures[1].signed_revision, Some(2));
    assert_eq!(found.signatures[1].coverage, Coverage::EntireFile);
    assert_eq!(
        found.signatures[0].sub_filter.as_deref(),
        Some("ETSI.CAdES.detached")
    );
    assert!(
        found.signatures[0]
            .claimed_time
            .as_deref()
            .unwrap()
            .starts_with("D:20250602090000+07'00'")
    );
}

/// Rewrites DER lengths of the outer ContentInfo and its [0] as indefinite (BER).
fn to_ber(der: &[u8]) -> Vec<u8> {
    fn header_len(d: &[u8]) -> usize {
        if d[1] < 0x80 {
            2
        } else {
            2 + (d[1] & 0x7f) as usize
        }
    }
    let outer = header_len(der);
    let inner_start = outer + ber_len_of_oid(&der[outer..]);
    let inner = header_len(&der[inner_start..]);
    let mut out = vec![0x30, 0x80];
    out.extend_from_slice(&der[outer..inner_start]);
    out.extend_from_slice(&[0xa0, 0x80]);
    out.extend_from_slice(&der[inner_start + inner..]);
    out.extend_from_slice(&[0, 0, 0, 0]);
    out
}

fn ber_len_of_oid(d: &[u8]) -> usize {
    2 + d[1] as usize
}

#[test]
fn ber_encoded_cms_with_zero_padding_verifies() {
    let p = pki();
    let pdf = sign(&base(), &p.person_key, &p.person, 9);
    let (start, end) = contents_span(&pdf);
    let raw = unhex(&pdf[start..end]);
    let parsed = parse_cms(&raw).unwrap();
    assert!(!parsed.was_ber);
    assert!(parsed.padding > 1000, "the placeholder is zero padded");
    let der_len = raw.len() - parsed.padding;
    let ber = to_ber(&raw[..der_len]);
    assert_eq!(ber_to_der(&ber).unwrap().0, raw[..der_len]);
    let mut bad = pdf.clone();
    let mut field = hex(&ber);
    field.resize(end - start, b'0');
    bad[start..end].copy_from_slice(&field);
    let r = verify(&bad);
    assert_eq!(
        r.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[0].checks
    );
    assert!(
        r.signatures[0]
            .checks
            .iter()
            .any(|c| c.id == CheckId::CmsFormat && c.outcome == Outcome::Warning)
    );
}

#[test]
fn non_zero_bytes_after_the_cms_are_a_warning() {
    // They lie in the hole the signature leaves for itself: nothing signed
    // changes (bounds and the refusal beyond them: tests/it/cms.rs).
    let p = pki();
    let pdf = sign(&base(), &p.person_key, &p.person, 9);
    let (_, end) = contents_span(&pdf);
    let mut bad = pdf.clone();
    bad[end - 2] = b'4';
    let r = verify(&bad);
    let sig = &r.signatures[0];
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert!(sig.checks.iter().any(|c| c.id == CheckId::CmsFormat
        && c.outcome == Outcome::Warning
        && c.message.contains("1 non-zero byte(s) follow the CMS")));
}

#[test]
fn unsigned_pdf_is_reference_only_and_not_a_pdf_is_an_error() {
    let r = verify(&base());
    assert!(r.signatures.is_empty());
    assert_eq!(r.legal_value, vanthu_signature::LegalValue::ReferenceOnly);
    assert!(locate(b"hello", &Limits::default()).is_err());
    assert!(locate(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", &Limits::default()).is_err());
}

#[test]
fn limits_are_enforced() {
    let pdf = person_then_org();
    let mut limits = Limits::default();
    limits.max_file_size = 100;
    assert!(locate(&pdf, &limits).is_err());
}

/// The committed fuzz corpora replay without a panic.
#[test]
fn fuzz_corpora_replay() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let mut n = 0;
    for dir in ["pdf_locator", "cms_parse"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries {
            let data = std::fs::read(e.unwrap().path()).unwrap();
            let _ = locate(&data, &Limits::default());
            let _ = parse_cms(&data);
            // The same invariant as the cms_parse target: DER re-converts to itself.
            if let Ok((der, end)) = ber_to_der(&data) {
                assert!(end <= data.len());
                assert_eq!(ber_to_der(&der).unwrap().0, der);
            }
            n += 1;
        }
    }
    assert!(n > 0, "the corpora under fuzz/corpus are missing");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn mutated_documents_never_panic_and_never_pass(pos in 0usize..100_000, byte in any::<u8>(), cut in 0usize..100_000) {
        let pdf = person_then_org();
        let mut m = pdf.clone();
        let at = pos % m.len();
        let changed = m[at] != byte;
        m[at] = byte;
        let r = vanthu_signature::verify_pdf(&m, &store(), &vanthu_signature::VerifyOptions::new(utc(2025, 6, 3)));
        if let Ok(r) = r
            && changed {
                // Every byte outside the /Contents gaps is signed: a change there must
                // cost the document its legal value, and some signature its pass.
                let all_passed = !r.signatures.is_empty() && r.signatures.iter().all(|s| s.indication == Indication::TotalPassed);
                prop_assert!(
                    is_padding(&pdf, at) || (r.legal_value != vanthu_signature::LegalValue::Original && !all_passed),
                    "byte {at} changed yet the document stayed original"
                );
            }
        let truncated = &pdf[..cut % pdf.len()];
        let _ = vanthu_signature::verify_pdf(truncated, &store(), &vanthu_signature::VerifyOptions::new(utc(2025, 6, 3)));
    }
}

/// True when `at` is inside a `/Contents` hex string: the unsigned gap, where a
/// change that leaves the decoded CMS intact (whitespace in the padding) is no change.
fn is_padding(pdf: &[u8], at: usize) -> bool {
    let mut from = 0;
    while let Some(rel) = pdf[from..].windows(11).position(|w| w == b"/Contents <") {
        let start = from + rel + 10;
        let end = start + pdf[start..].iter().position(|&b| b == b'>').unwrap();
        if (start..=end).contains(&at) {
            return true;
        }
        from = end;
    }
    false
}

/// Writes the fuzz corpora (run once by hand: `cargo test -p vanthu-signature -- --ignored write_fuzz_corpora`).
#[test]
#[ignore = "writes files; run by hand to refresh the committed corpora"]
fn write_fuzz_corpora() {
    let p = pki();
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9));
    opts.reserve = 1200;
    let one = vanthu_signature::sign_pdf(
        &vanthu_signature::testpki::sample_pdf(1, 0),
        &opts,
        &p.person_key,
        &p.person,
        &[],
    )
    .unwrap();
    let two = vanthu_signature::sign_pdf(&one, &opts, &p.org_key, &p.org, &[]).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    std::fs::create_dir_all(root.join("pdf_locator")).unwrap();
    std::fs::create_dir_all(root.join("cms_parse")).unwrap();
    std::fs::write(
        root.join("pdf_locator/unsigned.pdf"),
        vanthu_signature::testpki::sample_pdf(1, 0),
    )
    .unwrap();
    std::fs::write(root.join("pdf_locator/one-signature.pdf"), &one).unwrap();
    std::fs::write(root.join("pdf_locator/two-signatures.pdf"), &two).unwrap();
    let (start, end) = contents_span(&one);
    let cms = unhex(&one[start..end]);
    let parsed = parse_cms(&cms).unwrap();
    let der = &cms[..cms.len() - parsed.padding];
    std::fs::write(root.join("cms_parse/der.bin"), der).unwrap();
    std::fs::write(root.join("cms_parse/der-padded.bin"), &cms).unwrap();
    std::fs::write(root.join("cms_parse/ber.bin"), to_ber(der)).unwrap();
}

/// A file cut off anywhere inside its last update is damaged: an error that
/// says so, never a verdict on the revisions that remain.
#[test]
fn cut_inside_an_update_is_truncation() {
    let pdf = person_then_org();
    let options = vanthu_signature::VerifyOptions::new(utc(2025, 6, 3));
    let last_eof = pdf[..pdf.len() - 7]
        .windows(5)
        .rposition(|w| w == b"%%EOF")
        .unwrap();
    let update_start = last_eof + 6; // after "%%EOF\n"
    let mut cuts = 0;
    for cut in (update_start + 1..pdf.len() - 6).step_by(7) {
        let e = vanthu_signature::verify_pdf(&pdf[..cut], &store(), &options)
            .expect_err("a cut update is damage");
        assert_eq!(
            e.kind(),
            &vanthu_signature::ErrorKind::Truncated,
            "cut at {cut}: {e}"
        );
        assert!(
            e.offset().is_some_and(|o| o >= update_start),
            "cut at {cut}: {e}"
        );
        cuts += 1;
    }
    assert!(cuts > 100);
    // Whitespace after the last %%EOF is not damage.
    let mut padded = pdf.clone();
    padded.extend_from_slice(b"\n\n  \r\n");
    assert!(vanthu_signature::verify_pdf(&padded, &store(), &options).is_ok());
}
