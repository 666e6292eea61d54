//! The attack corpus: no variant may be reported `original` or `TOTAL_PASSED`.
//! Families: USF, ISA, SWA (Mladenov et al., CCS 2019), shadow hide/replace
//! (Mainka et al., NDSS 2021), byte flips, truncated /Contents.

use vanthu_signature::{DocumentReport, Indication, LegalValue, ModificationKind, SubIndication};

use crate::common::*;

fn find(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).position(|w| w == needle).unwrap()
}

fn rfind(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len())
        .rposition(|w| w == needle)
        .unwrap()
}

fn assert_rejected(name: &str, r: &DocumentReport) {
    assert_ne!(r.legal_value, LegalValue::Original, "{name}: {r:#?}");
    for s in &r.signatures {
        assert_ne!(
            s.indication,
            Indication::TotalPassed,
            "{name}: {:#?}",
            s.checks
        );
    }
}

fn startxref(pdf: &[u8]) -> usize {
    let at = rfind(pdf, b"startxref") + 9;
    let text: String = pdf[at..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| b as char)
        .collect();
    text.parse().unwrap()
}

/// Appends an incremental update with `objects` (number, body) and a classic xref.
pub(crate) fn append_update(pdf: &[u8], objects: &[(u32, String)], root: u32) -> Vec<u8> {
    let mut out = pdf.to_vec();
    let prev = startxref(pdf);
    let mut entries = Vec::new();
    for (n, body) in objects {
        entries.push((*n, out.len()));
        out.extend_from_slice(format!("{n} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    for (n, off) in &entries {
        out.extend_from_slice(format!("{n} 1\n{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<</Size 100 /Root {root} 0 R /Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    out
}

fn stream(text: &str) -> String {
    format!("<</Length {}>>\nstream\n{text}\nendstream", text.len())
}

#[test]
fn byte_flip_inside_the_signed_range() {
    let pdf = person_then_org();
    // In the page text of the first revision, and just before the org's /Contents.
    for at in [find(&pdf, b"CONG HOA"), find(&pdf, b"/Type /Sig") + 1] {
        let mut bad = pdf.clone();
        bad[at] ^= 0x01;
        let r = verify(&bad);
        assert_rejected("flip", &r);
        assert_eq!(r.legal_value, LegalValue::Invalid);
    }
    let mut bad = pdf.clone();
    let at = find(&pdf, b"CONG HOA");
    bad[at] = b'K';
    let r = verify(&bad);
    assert_eq!(
        r.signatures[0].sub_indication,
        Some(SubIndication::HashFailure)
    );
}

#[test]
fn byte_flip_inside_the_cms() {
    let p = pki();
    let pdf = sign(&base(), &p.person_key, &p.person, 9);
    let start = find(&pdf, b"/Contents <") + 11;
    // A flip in the signature value (near the end of the DER, before the padding).
    let end = start + pdf[start..].iter().position(|&b| b == b'>').unwrap();
    let last_nonzero = start + pdf[start..end].iter().rposition(|&b| b != b'0').unwrap();
    let mut bad = pdf.clone();
    bad[last_nonzero - 4] = if bad[last_nonzero - 4] == b'1' {
        b'2'
    } else {
        b'1'
    };
    let r = verify(&bad);
    assert_rejected("cms flip", &r);
    assert_eq!(r.legal_value, LegalValue::Invalid);
}

#[test]
fn truncated_contents() {
    let p = pki();
    let pdf = sign(&base(), &p.person_key, &p.person, 9);
    let start = find(&pdf, b"/Contents <") + 11;
    // Zero the second half of the CMS: same length, truncated DER.
    let mut bad = pdf.clone();
    for b in &mut bad[start + 200..start + 2000] {
        *b = b'0';
    }
    let r = verify(&bad);
    assert_rejected("truncated", &r);
    assert_eq!(
        r.signatures[0].sub_indication,
        Some(SubIndication::FormatFailure)
    );
    // Shorten the hex string: the gap no longer matches /Contents.
    let mut cut = pdf[..start + 100].to_vec();
    cut.extend_from_slice(&pdf[start + 200..]);
    let r = verify(&cut);
    assert_rejected("cut", &r);
}

#[test]
fn usf_missing_or_empty_byte_range_and_contents() {
    let p = pki();
    let pdf = sign(&base(), &p.person_key, &p.person, 9);
    let br = find(&pdf, b"/ByteRange");
    let br_end = br + find(&pdf[br..], b"]") + 1;
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("no ByteRange", {
            let mut v = pdf.clone();
            v[br..br_end].fill(b' ');
            v
        }),
        ("null ByteRange", {
            let mut v = pdf.clone();
            let s = b"/ByteRange null";
            v[br..br_end].fill(b' ');
            v[br..br + s.len()].copy_from_slice(s);
            v
        }),
        ("empty ByteRange", {
            let mut v = pdf.clone();
            let s = b"/ByteRange []";
            v[br..br_end].fill(b' ');
            v[br..br + s.len()].copy_from_slice(s);
            v
        }),
        ("Contents renamed", {
            let mut v = pdf.clone();
            let c = find(&v, b"/Contents <");
            v[c + 1] = b'X';
            v
        }),
        ("Contents empty", {
            let mut v = pdf.clone();
            let c = find(&v, b"/Contents <") + 10;
            let e = c + find(&v[c..], b">") + 1;
            v[c..e].fill(b' ');
            v[c..c + 2].copy_from_slice(b"<>");
            v
        }),
    ];
    for (name, v) in variants {
        let r = verify(&v);
        assert_eq!(
            r.signatures.len(),
            1,
            "{name}: the signature must still be found"
        );
        assert_rejected(name, &r);
        assert_eq!(
            r.signatures[0].indication,
            Indication::TotalFailed,
            "{name}"
        );
    }
}

#[test]
fn swa_moved_byte_range() {
    let p = pki();
    let pdf = sign(&base(), &p.person_key, &p.person, 9);
    let br = find(&pdf, b"/ByteRange [") + 12;
    let br_end = br + find(&pdf[br..], b"]");
    let nums: Vec<usize> = std::str::from_utf8(&pdf[br..br_end])
        .unwrap()
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    let (b, c, d) = (nums[1], nums[2], nums[3]);
    for (name, range) in [
        ("gap shifted", format!("0 {} {} {}", b - 10, c - 10, d + 10)),
        ("gap widened", format!("0 {} {} {}", b - 50, c, d)),
        ("short tail", format!("0 {b} {c} {}", d - 30)),
        ("overlap", format!("0 {} {} {}", c, b, d)),
        ("five numbers", format!("0 {b} {c} {d} 0")),
    ] {
        let mut v = pdf.clone();
        let mut field = range.into_bytes();
        field.resize(br_end - br, b' ');
        v[br..br_end].copy_from_slice(&field);
        let r = verify(&v);
        assert_rejected(name, &r);
    }
}

#[test]
fn isa_appended_revision_changes_page_content() {
    let pdf = person_then_org();
    let bad = append_update(
        &pdf,
        &[(5, stream("BT /F1 14 Tf 72 770 Td (NOI DUNG GIA MAO) Tj ET"))],
        1,
    );
    let r = verify(&bad);
    assert_rejected("isa content", &r);
    assert_eq!(r.legal_value, LegalValue::Invalid);
    assert!(
        r.signatures[1]
            .modifications
            .iter()
            .any(|m| m.kind == ModificationKind::ObjectReplaced)
    );
}

#[test]
fn isa_new_page_and_new_annotation() {
    let pdf = person_then_org();
    let annot = append_update(
        &pdf,
        &[
            (90, "<</Type /Annot /Subtype /FreeText /Rect [72 700 500 760] /Contents (Da duyet) /DA (/Helv 12 Tf 0 g)>>".into()),
            (4, "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 3 0 R>>>> /Contents 5 0 R /Annots [90 0 R]>>".into()),
        ],
        1,
    );
    let r = verify(&annot);
    assert_rejected("annotation", &r);
    assert!(
        r.signatures[1]
            .modifications
            .iter()
            .any(|m| m.kind == ModificationKind::AnnotationAdded)
    );

    let page = append_update(
        &pdf,
        &[
            (
                91,
                "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R>>".into(),
            ),
            (
                2,
                "<</Type /Pages /Kids [4 0 R 6 0 R 91 0 R] /Count 3>>".into(),
            ),
        ],
        1,
    );
    assert_rejected("page", &verify(&page));
}

#[test]
fn shadow_hide_by_xref_redirect() {
    // The update's xref points object 5 (page content) at the signed object 7
    // (the second page's content): no new definition, only a redirected entry.
    let pdf = person_then_org();
    let target = find(&pdf, b"\n7 0 obj") + 1;
    let prev = startxref(&pdf);
    let mut bad = pdf.clone();
    let xref = bad.len();
    bad.extend_from_slice(format!("xref\n0 1\n0000000000 65535 f \n5 1\n{target:010} 00000 n \ntrailer\n<</Size 100 /Root 1 0 R /Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    let r = verify(&bad);
    assert_rejected("xref redirect", &r);
    assert!(
        r.signatures[1]
            .modifications
            .iter()
            .any(|m| m.kind == ModificationKind::XrefRedirected)
    );
}

#[test]
fn shadow_hide_by_deleting_an_object() {
    let pdf = person_then_org();
    let prev = startxref(&pdf);
    let mut bad = pdf.clone();
    let xref = bad.len();
    bad.extend_from_slice(format!("xref\n0 1\n0000000000 65535 f \n5 1\n0000000000 00001 f \ntrailer\n<</Size 100 /Root 1 0 R /Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    let r = verify(&bad);
    assert_rejected("delete", &r);
    assert!(
        r.signatures[1]
            .modifications
            .iter()
            .any(|m| m.kind == ModificationKind::ObjectDeleted)
    );
}

#[test]
fn shadow_replace_by_swapping_the_catalog() {
    let pdf = person_then_org();
    let bad = append_update(
        &pdf,
        &[
            (95, "<</Type /Catalog /Pages 96 0 R>>".into()),
            (96, "<</Type /Pages /Kids [6 0 R] /Count 1>>".into()),
        ],
        95,
    );
    let r = verify(&bad);
    assert_rejected("catalog swap", &r);
    assert!(
        r.signatures[1]
            .modifications
            .iter()
            .any(|m| m.kind == ModificationKind::CatalogChanged)
    );
}

#[test]
fn replaced_signature_dictionary_and_font() {
    let pdf = person_then_org();
    let sig_obj = {
        let at = find(&pdf, b" 0 obj\n<</Type /Sig");
        let start = pdf[..at].iter().rposition(|b| !b.is_ascii_digit()).unwrap() + 1;
        std::str::from_utf8(&pdf[start..at])
            .unwrap()
            .parse::<u32>()
            .unwrap()
    };
    let bad = append_update(&pdf, &[(sig_obj, "<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /Reason (forged)>>".into())], 1);
    let r = verify(&bad);
    assert_rejected("sig replaced", &r);
    let font = append_update(
        &pdf,
        &[(
            3,
            "<</Type /Font /Subtype /Type1 /BaseFont /Courier>>".into(),
        )],
        1,
    );
    assert_rejected("font replaced", &verify(&font));
}

#[test]
fn trailing_garbage_and_unterminated_update() {
    let pdf = person_then_org();
    let mut bad = pdf.clone();
    bad.extend_from_slice(b"5 0 obj\n<</Length 3>>\nstream\nxyz\nendstream\nendobj\n");
    // An update never closed by startxref … %%EOF: the file is damaged, and
    // says where the unterminated part starts.
    let e = vanthu_signature::verify_pdf(
        &bad,
        &store(),
        &vanthu_signature::VerifyOptions::new(utc(2025, 6, 3)),
    )
    .expect_err("an unterminated update is damage");
    assert_eq!(e.kind(), &vanthu_signature::ErrorKind::Truncated);
    assert_eq!(e.offset(), Some(pdf.len()));
    let mut junk = pdf.clone();
    junk.extend_from_slice(b"garbage that no reader understands\n");
    assert_rejected("junk", &verify(&junk));
}

#[test]
fn compressed_object_stream_update_is_not_trusted() {
    let pdf = person_then_org();
    let bad = append_update(
        &pdf,
        &[(
            97,
            "<</Type /ObjStm /N 1 /First 4 /Length 10>>\nstream\n5 0 (x) \nendstream".into(),
        )],
        1,
    );
    assert_rejected("objstm", &verify(&bad));
}

#[test]
fn compressed_update_replacing_the_page_is_caught() {
    // The attacker's update is itself an object stream + xref stream.
    let p = pki();
    let base = vanthu_signature::testpki::sample_pdf_compressed();
    let one = sign(&base, &p.person_key, &p.person, 9);
    // Re-use the compressed base's layout: a new object stream redefining page 4
    // without /Annots, pointing at a new content stream.
    let mut bad = one.clone();
    let prev = startxref(&one);
    let content = b"BT /F1 14 Tf 72 770 Td (GIA MAO) Tj ET";
    let c_at = bad.len();
    bad.extend_from_slice(format!("40 0 obj\n<</Length {}>>\nstream\n", content.len()).as_bytes());
    bad.extend_from_slice(content);
    bad.extend_from_slice(b"\nendstream\nendobj\n");
    let page = b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 40 0 R>>";
    let header = "4 0 ";
    let mut plain = header.as_bytes().to_vec();
    plain.extend_from_slice(page);
    let stm_at = bad.len();
    bad.extend_from_slice(
        format!(
            "41 0 obj\n<</Type /ObjStm /N 1 /First {} /Length {}>>\nstream\n",
            header.len(),
            plain.len()
        )
        .as_bytes(),
    );
    bad.extend_from_slice(&plain);
    bad.extend_from_slice(b"\nendstream\nendobj\n");
    let xref_at = bad.len();
    let mut rows = Vec::new();
    rows.extend_from_slice(&[2, 0, 0, 0, 41, 0, 0]); // object 4 in stream 41
    rows.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0]);
    rows[7 + 1..7 + 5].copy_from_slice(&(c_at as u32).to_be_bytes());
    rows.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0]);
    rows[14 + 1..14 + 5].copy_from_slice(&(stm_at as u32).to_be_bytes());
    rows.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0]);
    rows[21 + 1..21 + 5].copy_from_slice(&(xref_at as u32).to_be_bytes());
    bad.extend_from_slice(format!("42 0 obj\n<</Type /XRef /Size 43 /W [1 4 2] /Index [4 1 40 3] /Root 1 0 R /Prev {prev} /Length {}>>\nstream\n", rows.len()).as_bytes());
    bad.extend_from_slice(&rows);
    bad.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    let r = verify(&bad);
    assert_rejected("compressed page replacement", &r);
    assert!(
        r.signatures[0]
            .modifications
            .iter()
            .any(|m| m.kind == ModificationKind::PageChanged),
        "{:#?}",
        r.signatures[0].modifications
    );
}

/// Appends an update whose objects are raw bytes (for binary streams).
pub(crate) fn append_raw(pdf: &[u8], objects: &[(u32, Vec<u8>)], root: u32) -> Vec<u8> {
    let mut out = pdf.to_vec();
    let prev = startxref(pdf);
    let mut entries = Vec::new();
    for (n, body) in objects {
        entries.push((*n, out.len()));
        out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    for (n, off) in &entries {
        out.extend_from_slice(format!("{n} 1\n{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<</Size 200 /Root {root} 0 R /Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    out
}

/// The latest catalog's dictionary text with `extra` added before its end.
pub(crate) fn catalog_with(pdf: &[u8], extra: &str) -> Vec<u8> {
    let at = rfind(pdf, b"\n1 0 obj\n") + 9;
    let end = at + find(&pdf[at..], b"\nendobj");
    let body = std::str::from_utf8(&pdf[at..end]).unwrap();
    let trimmed = body.trim_end().strip_suffix(">>").unwrap();
    format!("{trimmed} {extra}>>").into_bytes()
}

fn stream_bytes(data: &[u8]) -> Vec<u8> {
    let mut v = format!("<</Length {}>>\nstream\n", data.len()).into_bytes();
    v.extend_from_slice(data);
    v.extend_from_slice(b"\nendstream");
    v
}

#[test]
fn dss_certificates_complete_the_path_and_dss_crls_revoke() {
    let p = pki();
    // Signed without the intermediate in the CMS, as real VGCA signatures are.
    let opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9));
    let one = vanthu_signature::sign_pdf(&base(), &opts, &p.person_key, &p.person, &[]).unwrap();
    let r = verify(&one);
    assert_eq!(
        r.signatures[0].sub_indication,
        Some(SubIndication::NoCertificateChainFound)
    );
    // A B-LT update adds the intermediate to /DSS: allowed, and the path now builds.
    let lt = append_raw(
        &one,
        &[
            (150, stream_bytes(p.ca.der())),
            (151, b"<</Certs [150 0 R]>>".to_vec()),
            (1, catalog_with(&one, "/DSS 151 0 R")),
        ],
        1,
    );
    let r = verify(&lt);
    assert_eq!(
        r.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[0]
    );
    // A CRL in the DSS revoking the signer (serial 10).
    let crl = vanthu_signature::testpki::issue_crl(
        &p.ca,
        &p.ca_key,
        &[(10, utc(2025, 6, 1))],
        utc(2025, 6, 1),
    )
    .unwrap();
    let revoked = append_raw(
        &one,
        &[
            (150, stream_bytes(p.ca.der())),
            (152, stream_bytes(&crl)),
            (151, b"<</Certs [150 0 R] /CRLs [152 0 R]>>".to_vec()),
            (1, catalog_with(&one, "/DSS 151 0 R")),
        ],
        1,
    );
    assert_eq!(
        verify(&revoked).signatures[0].sub_indication,
        Some(SubIndication::Revoked)
    );
}
