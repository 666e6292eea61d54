//! CMS read leniently (what cannot change what was signed is a warning) and
//! strictly (what can is a failure), fractional-second time-stamps, and the
//! legacy sub-filters `adbe.pkcs7.sha1` and `adbe.x509.rsa_sha1`.

use std::sync::OnceLock;

use chrono::{TimeZone, Utc};
use vanthu_signature::testpki::{
    KeyKind, LegacySubFilter, Profile, generate_key, issue, legacy_signed_pdf,
    time_stamp_token_with_gen_time,
};
use vanthu_signature::{
    AlgorithmPolicy, Certificate, CheckId, DigestAlgorithm, DocumentReport, Indication, Outcome,
    SignOptions, SignatureReport, SigningKey, SubFilter, SubIndication, VerifyOptions, prepare,
    verify_pdf,
};

use crate::common::*;

// A minimal DER tree, to change a CMS the way other signers write it.
#[derive(Clone, Debug, PartialEq)]
struct Node {
    tag: u8,
    body: Vec<u8>,
    kids: Vec<Node>,
}

fn parse(data: &[u8]) -> (Node, usize) {
    let tag = data[0];
    let (len, hdr) = if data[1] < 0x80 {
        (usize::from(data[1]), 2)
    } else {
        let n = usize::from(data[1] & 0x7f);
        let len = data[2..2 + n]
            .iter()
            .fold(0usize, |a, b| a << 8 | usize::from(*b));
        (len, 2 + n)
    };
    let body = data[hdr..hdr + len].to_vec();
    let mut kids = Vec::new();
    if tag & 0x20 != 0 {
        let mut p = 0;
        while p < body.len() {
            let (k, used) = parse(&body[p..]);
            kids.push(k);
            p += used;
        }
    }
    (Node { tag, body, kids }, hdr + len)
}

fn encode(n: &Node) -> Vec<u8> {
    let body: Vec<u8> = if n.tag & 0x20 != 0 {
        n.kids.iter().flat_map(encode).collect()
    } else {
        n.body.clone()
    };
    let mut out = vec![n.tag];
    if body.len() < 0x80 {
        out.push(body.len() as u8);
    } else {
        let bytes: Vec<u8> = body
            .len()
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend(body);
    out
}

fn node(tag: u8, kids: Vec<Node>) -> Node {
    Node {
        tag,
        body: Vec::new(),
        kids,
    }
}

fn prim(tag: u8, body: &[u8]) -> Node {
    Node {
        tag,
        body: body.to_vec(),
        kids: Vec::new(),
    }
}

/// The SignedData inside a ContentInfo.
fn signed_data(ci: &mut Node) -> &mut Node {
    &mut ci.kids[1].kids[0]
}

/// The first SignerInfo.
fn signer_info(ci: &mut Node) -> &mut Node {
    let sd = signed_data(ci);
    let last = sd.kids.len() - 1;
    &mut sd.kids[last].kids[0]
}

/// The certificates `[0]` of the SignedData.
fn certificates(ci: &mut Node) -> &mut Node {
    let sd = signed_data(ci);
    sd.kids.iter_mut().find(|k| k.tag == 0xa0).unwrap()
}

/// A signing-certificate (v1) attribute naming `cert` (RFC 2634 §5.4).
fn signing_certificate_v1(cert: &Certificate) -> Node {
    let oid = [
        0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x02, 0x0c,
    ];
    let hash = DigestAlgorithm::Sha1.digest(&[cert.der()]);
    node(
        0x30,
        vec![
            prim(0x06, &oid),
            node(
                0x31,
                vec![node(
                    0x30,
                    vec![node(0x30, vec![node(0x30, vec![prim(0x04, &hash)])])],
                )],
            ),
        ],
    )
}

/// The person signs the base document (adbe.pkcs7.detached, so that the
/// signed attributes hold a signing-time too); `resign` changes the signed
/// attributes before they are signed, `edit` the ContentInfo after; `tail`
/// follows the CMS inside /Contents.
fn signed_with(
    resign: Option<&dyn Fn(&mut Node)>,
    edit: &dyn Fn(&mut Node),
    tail: &[u8],
    reserve: usize,
) -> Vec<u8> {
    let p = pki();
    let mut opts = SignOptions::new(vn(2025, 6, 2, 9));
    opts.sub_filter = SubFilter::Pkcs7Detached;
    opts.reserve = reserve;
    let prepared = prepare(&base(), &opts).unwrap();
    let attrs = prepared
        .signed_attributes(&p.person, DigestAlgorithm::Sha256)
        .unwrap();
    let (alg, sig) = p.person_key.sign(attrs.to_be_signed()).unwrap();
    let pdf = prepared
        .clone()
        .finish(&p.person, std::slice::from_ref(&p.ca), attrs, alg, &sig)
        .unwrap();
    // The CMS: where the signed file departs from the placeholder.
    let start = pdf
        .iter()
        .zip(prepared.bytes())
        .position(|(a, b)| a != b)
        .unwrap();
    let end = start + pdf[start..].iter().position(|b| *b == b'>').unwrap();
    let hex = std::str::from_utf8(&pdf[start..end]).unwrap();
    let bytes: Vec<u8> = (0..hex.len() / 2)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    let (der, _) = vanthu_signature::ber_to_der(&bytes).unwrap();
    let (mut ci, _) = parse(&der);
    assert_eq!(encode(&ci), der, "the tree re-encodes losslessly");
    if let Some(resign) = resign {
        let si = signer_info(&mut ci);
        let mut set = si.kids[3].clone();
        set.tag = 0x31;
        resign(&mut set);
        let (_, sig) = p.person_key.sign(&encode(&set)).unwrap();
        set.tag = 0xa0;
        si.kids[3] = set;
        si.kids[5] = prim(0x04, &sig);
    }
    edit(&mut ci);
    let mut cms = encode(&ci);
    cms.extend_from_slice(tail);
    prepared.insert_cms(&cms).unwrap()
}

fn only(pdf: &[u8]) -> SignatureReport {
    let r = verify(pdf);
    assert_eq!(r.signatures.len(), 1);
    r.signatures[0].clone()
}

fn warned(sig: &SignatureReport, id: CheckId, text: &str) -> bool {
    sig.checks
        .iter()
        .any(|c| c.id == id && c.outcome == Outcome::Warning && c.message.contains(text))
}

#[test]
fn the_unmodified_cms_passes_without_warnings() {
    let sig = only(&signed_with(None, &|_| {}, &[], 16 * 1024));
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert!(
        !sig.checks
            .iter()
            .any(|c| c.id == CheckId::CmsFormat && c.outcome != Outcome::Passed),
        "{:#?}",
        sig.checks
    );
}

#[test]
fn attribute_and_other_certificates_are_skipped_with_a_warning() {
    let pdf = signed_with(
        None,
        &|ci| {
            let certs = certificates(ci);
            let x509 = certs.kids[0].clone();
            // v1 attribute certificate [1], v2 [2], other format [3].
            for tag in [0xa1, 0xa2, 0xa3] {
                let mut other = x509.clone();
                other.tag = tag;
                certs.kids.push(other);
            }
        },
        &[],
        16 * 1024,
    );
    let sig = only(&pdf);
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert!(
        warned(
            &sig,
            CheckId::CmsFormat,
            "3 element(s) that are not X.509 certificates ([1], [2], [3]"
        ),
        "{:#?}",
        sig.checks
    );
    // They never stand for the signer's certificate: with the X.509 ones
    // gone, the signer is not found.
    let pdf = signed_with(
        None,
        &|ci| {
            let certs = certificates(ci);
            for k in &mut certs.kids {
                k.tag = 0xa1;
            }
        },
        &[],
        16 * 1024,
    );
    let sig = only(&pdf);
    assert_eq!(
        sig.indication,
        Indication::Indeterminate,
        "{:#?}",
        sig.checks
    );
    assert_eq!(
        sig.sub_indication,
        Some(SubIndication::NoSigningCertificateFound)
    );
}

#[test]
fn bytes_after_the_cms_are_a_warning_within_a_bound() {
    let pdf = signed_with(None, &|_| {}, b"\x01garbage\x00\x00\xff", 16 * 1024);
    let sig = only(&pdf);
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert!(
        warned(
            &sig,
            CheckId::CmsFormat,
            "11 non-zero byte(s) follow the CMS"
        ),
        "{:#?}",
        sig.checks
    );
    // More than MAX_CMS_TAIL: refused.
    let long = vec![0x55; vanthu_signature::MAX_CMS_TAIL + 1];
    let sig = only(&signed_with(None, &|_| {}, &long, 80 * 1024));
    assert_eq!(sig.indication, Indication::TotalFailed, "{:#?}", sig.checks);
    assert_eq!(sig.sub_indication, Some(SubIndication::FormatFailure));
    // Exactly MAX_CMS_TAIL: accepted.
    let long = vec![0x55; vanthu_signature::MAX_CMS_TAIL];
    let sig = only(&signed_with(None, &|_| {}, &long, 80 * 1024));
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
}

#[test]
fn repeated_set_elements_are_read_once_with_a_warning() {
    // Unsigned SETs: the signer's certificate twice, SHA-256 twice in digestAlgorithms.
    let pdf = signed_with(
        None,
        &|ci| {
            let certs = certificates(ci);
            let again = certs.kids[0].clone();
            certs.kids.push(again);
            let algs = &mut signed_data(ci).kids[1];
            let again = algs.kids[0].clone();
            algs.kids.push(again);
        },
        &[],
        16 * 1024,
    );
    let sig = only(&pdf);
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert!(warned(&sig, CheckId::CmsFormat, "SET OF certificates"));
    assert!(warned(&sig, CheckId::CmsFormat, "SET OF digestAlgorithms"));
    // A signed attribute repeated before signing: the signature covers the
    // repeat, it verifies, and the attribute is read once.
    let repeat = |set: &mut Node| {
        let again = set.kids[2].clone();
        set.kids.push(again);
    };
    let sig = only(&signed_with(Some(&repeat), &|_| {}, &[], 16 * 1024));
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert!(
        warned(&sig, CheckId::CmsFormat, "SET OF signedAttrs"),
        "{:#?}",
        sig.checks
    );
    // The same repeat added after signing changes the signed bytes: the
    // signature is verified over the attributes as signed, and fails.
    let after = |ci: &mut Node| {
        let si = signer_info(ci);
        let again = si.kids[3].kids[2].clone();
        si.kids[3].kids.push(again);
    };
    let sig = only(&signed_with(None, &after, &[], 16 * 1024));
    assert_eq!(sig.indication, Indication::TotalFailed, "{:#?}", sig.checks);
    assert_eq!(sig.sub_indication, Some(SubIndication::SigCryptoFailure));
}

#[test]
fn signing_certificate_attribute_twice() {
    let p = pki();
    // v2 (from the signer) and v1, both naming the signer: a warning.
    let add_v1 = |set: &mut Node| set.kids.push(signing_certificate_v1(&p.person));
    let sig = only(&signed_with(Some(&add_v1), &|_| {}, &[], 16 * 1024));
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert!(
        warned(
            &sig,
            CheckId::SigningCertificateReference,
            "occurs 2 times (signing-certificate-v2, signing-certificate"
        ),
        "{:#?}",
        sig.checks
    );
    // The v1 names another certificate (the CA's): which certificate was
    // signed for is ambiguous, a failure that names the odd one.
    let add_other = |set: &mut Node| set.kids.push(signing_certificate_v1(&p.ca));
    let sig = only(&signed_with(Some(&add_other), &|_| {}, &[], 16 * 1024));
    assert_eq!(sig.indication, Indication::TotalFailed, "{:#?}", sig.checks);
    assert_eq!(sig.sub_indication, Some(SubIndication::FormatFailure));
    let check = sig
        .checks
        .iter()
        .find(|c| c.id == CheckId::SigningCertificateReference)
        .unwrap();
    assert_eq!(check.outcome, Outcome::Failed);
    assert!(
        check.message.contains("occurrence 2 (signing-certificate)"),
        "{}",
        check.message
    );
    assert!(check.message_vi.contains("lần xuất hiện thứ 2"));
}

// Fractional seconds in time-stamps (RFC 3161 §2.4.2).

#[test]
fn signature_time_stamp_with_fractional_seconds() {
    let gen_time = Utc.with_ymd_and_hms(2025, 6, 2, 2, 0, 5).unwrap()
        + chrono::Duration::microseconds(123_456);
    let options = SignOptions::new(vn(2025, 6, 2, 9));
    let pdf = sign_bt(options.sub_filter, options.time, gen_time);
    let sig = only(&pdf);
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert!(
        sig.checks
            .iter()
            .any(|c| c.id == CheckId::SignatureTimeStamp && c.outcome == Outcome::Passed),
        "{:#?}",
        sig.checks
    );
    // Sub-second precision is kept.
    assert_eq!(
        sig.signing_time.unwrap().to_rfc3339(),
        "2025-06-02T09:00:05.123456+07:00"
    );
}

/// The two signatures, then a document time-stamp whose genTime is written `gen_time`.
fn doc_time_stamped(gen_time: &str) -> DocumentReport {
    let (tsa_key, tsa_cert) = tsa();
    let mut opts = SignOptions::new(vn(2025, 6, 2, 11));
    opts.sub_filter = SubFilter::DocTimeStamp;
    let prepared = prepare(&person_then_org(), &opts).unwrap();
    let token =
        time_stamp_token_with_gen_time(&prepared.signed_bytes(), gen_time, tsa_key, tsa_cert)
            .unwrap();
    let mut trust = store();
    trust.add_intermediate(pki().ca.clone());
    verify_at(
        &prepared.insert_cms(&token).unwrap(),
        &trust,
        utc(2025, 6, 3),
    )
}

#[test]
fn document_time_stamp_with_fractional_seconds() {
    let r = doc_time_stamped("20250602040000.5Z");
    let ts = &r.signatures[2];
    assert_eq!(ts.indication, Indication::TotalPassed, "{:#?}", ts.checks);
    assert!(
        ts.checks
            .iter()
            .any(|c| c.id == CheckId::MessageImprint && c.outcome == Outcome::Passed)
    );
    assert!(
        !ts.checks
            .iter()
            .any(|c| c.outcome == Outcome::Warning && c.id == CheckId::MessageImprint)
    );
    assert_eq!(
        ts.signing_time.unwrap().to_rfc3339(),
        "2025-06-02T11:00:00.500+07:00"
    );
    // Trailing zero: forbidden, but the time is unambiguous: a warning.
    let r = doc_time_stamped("20250602040000.50Z");
    let ts = &r.signatures[2];
    assert_eq!(ts.indication, Indication::TotalPassed, "{:#?}", ts.checks);
    assert!(
        warned(ts, CheckId::MessageImprint, "trailing zeros"),
        "{:#?}",
        ts.checks
    );
    // Not the RFC 3161 form: refused, naming the value.
    for bad in ["20250602040000,5Z", "20250602040000.Z", "202506020400Z"] {
        let r = doc_time_stamped(bad);
        let ts = &r.signatures[2];
        assert_eq!(
            ts.indication,
            Indication::TotalFailed,
            "{bad}: {:#?}",
            ts.checks
        );
        assert_eq!(ts.sub_indication, Some(SubIndication::FormatFailure));
        assert!(
            ts.checks
                .iter()
                .any(|c| c.id == CheckId::MessageImprint && c.message.contains(bad)),
            "{:#?}",
            ts.checks
        );
    }
}

// Legacy sub-filters (ISO 32000-1 §12.8.3.2, §12.8.3.3.1).

fn rsa_signer() -> &'static (SigningKey, Certificate) {
    static RSA: OnceLock<(SigningKey, Certificate)> = OnceLock::new();
    RSA.get_or_init(|| {
        let p = pki();
        let key = generate_key(KeyKind::Rsa2048).unwrap();
        let cert = issue(
            &Profile::leaf(
                vec![
                    ("C", s("VN")),
                    ("CN", s("Trần Thị Bình")),
                    ("UID", s("CCCD:001099054321")),
                ],
                70,
                utc(2024, 1, 1),
                utc(2027, 1, 1),
            ),
            &key,
            Some((&p.ca, &p.ca_key)),
        )
        .unwrap();
        (key, cert)
    })
}

fn legacy(kind: LegacySubFilter) -> Vec<u8> {
    let (key, cert) = rsa_signer();
    legacy_signed_pdf(
        &base(),
        vn(2025, 6, 2, 9),
        kind,
        key,
        cert,
        std::slice::from_ref(&pki().ca),
    )
    .unwrap()
}

fn verify_legacy(pdf: &[u8], policy: AlgorithmPolicy) -> SignatureReport {
    let mut trust = store();
    trust.add_intermediate(pki().ca.clone());
    let mut options = VerifyOptions::new(utc(2025, 6, 3));
    options.policy = policy;
    let r = verify_pdf(pdf, &trust, &options).unwrap();
    assert_eq!(r.signatures.len(), 1);
    r.signatures[0].clone()
}

#[test]
fn legacy_sub_filters_are_verified() {
    for (kind, name, tampered_sub) in [
        (
            LegacySubFilter::Pkcs7Sha1 {
                signed_attributes: true,
            },
            "adbe.pkcs7.sha1",
            SubIndication::HashFailure,
        ),
        (
            LegacySubFilter::Pkcs7Sha1 {
                signed_attributes: false,
            },
            "adbe.pkcs7.sha1",
            SubIndication::HashFailure,
        ),
        (
            LegacySubFilter::X509RsaSha1 {
                cert_array: false,
                digest: DigestAlgorithm::Sha1,
            },
            "adbe.x509.rsa_sha1",
            SubIndication::SigCryptoFailure,
        ),
        (
            LegacySubFilter::X509RsaSha1 {
                cert_array: true,
                digest: DigestAlgorithm::Sha1,
            },
            "adbe.x509.rsa_sha1",
            SubIndication::SigCryptoFailure,
        ),
    ] {
        let pdf = legacy(kind);
        // Default policy: intact, but SHA-1 is not acceptable: INDETERMINATE.
        let sig = verify_legacy(&pdf, AlgorithmPolicy::default());
        assert_eq!(sig.sub_filter.as_deref(), Some(name));
        assert_eq!(
            sig.indication,
            Indication::Indeterminate,
            "{kind:?}: {:#?}",
            sig.checks
        );
        assert_eq!(
            sig.sub_indication,
            Some(SubIndication::CryptoConstraintsFailure)
        );
        let refusal = sig
            .checks
            .iter()
            .find(|c| c.id == CheckId::CryptoConstraints)
            .unwrap();
        assert!(
            refusal.message.contains(name)
                && refusal.message.contains("SHA-1")
                && refusal.message.contains("legacy policy"),
            "{}",
            refusal.message
        );
        assert!(
            sig.checks
                .iter()
                .any(|c| c.id == CheckId::SignatureValue && c.outcome == Outcome::Passed)
        );
        // The legacy policy accepts it.
        let sig = verify_legacy(&pdf, AlgorithmPolicy::legacy());
        assert_eq!(
            sig.indication,
            Indication::TotalPassed,
            "{kind:?}: {:#?}",
            sig.checks
        );
        assert_eq!(
            sig.signer.as_ref().unwrap().common_name.as_deref(),
            Some("Trần Thị Bình")
        );
        // A changed byte in the signed range fails under both policies.
        let mut bad = pdf.clone();
        let at = bad.windows(7).position(|w| w == b"trang 1").unwrap();
        bad[at + 6] = b'9';
        for policy in [AlgorithmPolicy::default(), AlgorithmPolicy::legacy()] {
            let sig = verify_legacy(&bad, policy);
            assert_eq!(
                sig.indication,
                Indication::TotalFailed,
                "{kind:?}: {:#?}",
                sig.checks
            );
            assert_eq!(
                sig.sub_indication,
                Some(tampered_sub),
                "{kind:?}: {:#?}",
                sig.checks
            );
        }
    }
}

#[test]
fn legacy_x509_without_cert_is_a_format_failure() {
    let pdf = legacy(LegacySubFilter::X509RsaSha1 {
        cert_array: false,
        digest: DigestAlgorithm::Sha1,
    });
    // Same length: /Cert renamed to an unknown key.
    let at = pdf.windows(6).position(|w| w == b"/Cert ").unwrap();
    let mut pdf = pdf;
    pdf[at..at + 5].copy_from_slice(b"/Cerx");
    let sig = verify_legacy(&pdf, AlgorithmPolicy::legacy());
    assert_eq!(sig.indication, Indication::TotalFailed);
    assert_eq!(sig.sub_indication, Some(SubIndication::FormatFailure));
    assert!(
        sig.checks
            .iter()
            .any(|c| c.id == CheckId::CmsFormat && c.message.contains("/Cert")),
        "{:#?}",
        sig.checks
    );
}

#[test]
fn legacy_x509_with_sha256_passes_the_default_policy() {
    // ISO 32000-1 Table 257 allows SHA-256 under adbe.x509.rsa_sha1.
    for digest in [DigestAlgorithm::Sha256, DigestAlgorithm::Sha512] {
        let pdf = legacy(LegacySubFilter::X509RsaSha1 {
            cert_array: true,
            digest,
        });
        let sig = verify_legacy(&pdf, AlgorithmPolicy::default());
        assert_eq!(
            sig.indication,
            Indication::TotalPassed,
            "{digest:?}: {:#?}",
            sig.checks
        );
        assert!(
            sig.checks
                .iter()
                .any(|c| c.id == CheckId::SignatureValue && c.message.contains(digest.name())),
            "{:#?}",
            sig.checks
        );
        // Changed: fails.
        let mut bad = pdf.clone();
        let at = bad.windows(7).position(|w| w == b"trang 1").unwrap();
        bad[at + 6] = b'9';
        let sig = verify_legacy(&bad, AlgorithmPolicy::default());
        assert_eq!(sig.indication, Indication::TotalFailed);
        assert_eq!(sig.sub_indication, Some(SubIndication::SigCryptoFailure));
    }
}
