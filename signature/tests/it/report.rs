//! The rule catalogue, the report in the shared Finding shape, and its JSON.

use std::collections::BTreeSet;

use vanthu_identifiers::{Severity, conformant};
use vanthu_signature::{
    CheckId, DocumentReport, LegalValue, Outcome, TrustStore, VerifyOptions, rules, verify_pdf,
};

use crate::common::*;

#[test]
fn the_ids_already_in_use_keep_their_meaning() {
    let seen: BTreeSet<&str> = rules::ALL.iter().map(|r| r.id).collect();
    // The ids already in use keep their meaning.
    for id in [
        "VN-LEGAL-INVALID",
        "VN-LEGAL-UNSIGNED",
        "VN-LEGAL-NO-AGENCY",
        "VN-LEGAL-NO-PERSON",
        "VN-LEGAL-ORDER",
        "VN-ATTACH-PERSON",
        "VN-ATTACH-IMAGE",
        "VN-ATTACH-POSITION",
        "VN-SEAL-OVERLAP",
        "VN-SIG-TIME-PLUS7",
        "SIG-PDF-UNPARSED",
        "VN-LEGAL-NO-TRUST-ANCHOR",
    ] {
        assert!(seen.contains(id), "{id} missing from the catalogue");
    }
}

#[test]
fn every_check_has_its_rule() {
    let ids: BTreeSet<&str> = rules::ALL.iter().map(|r| r.id).collect();
    let mut names = BTreeSet::new();
    for check in CheckId::ALL {
        let rule = check.rule();
        assert!(
            ids.contains(rule.id),
            "{check}: {} not in rules::ALL",
            rule.id
        );
        assert_eq!(rule.id, format!("SIG-{}", check.as_str().replace('_', "-")));
        assert!(names.insert(check.as_str()));
        // The JSON name is the DSS-style one.
        assert_eq!(
            serde_json::to_value(check).unwrap(),
            serde_json::json!(check.as_str())
        );
    }
}

fn rule_ids(r: &DocumentReport) -> BTreeSet<String> {
    r.findings_all().into_iter().map(|f| f.rule).collect()
}

/// Every rule id a report carries is in the catalogue, with the catalogue's source.
fn assert_from_catalogue(r: &DocumentReport) {
    for f in r.findings_all() {
        let rule =
            rules::find(&f.rule).unwrap_or_else(|| panic!("{} is not in the catalogue", f.rule));
        assert_eq!(f.source, rule.source, "{}", f.rule);
        assert!(!f.message.is_empty() && !f.message_vi.is_empty(), "{f}");
    }
}

#[test]
fn an_original_document_converts_check_by_check() {
    let r = verify(&person_then_org());
    assert_eq!(r.legal_value, LegalValue::Original);
    assert!(r.conformant());
    assert!(r.report().conformant);
    assert!(conformant(&r.findings));
    assert_from_catalogue(&r);
    let all = r.findings_all();
    let checks: usize = r.signatures.iter().map(|s| s.checks.len()).sum();
    assert_eq!(all.len(), checks + r.findings.len());
    // Every check passed: notes located at their signature.
    for (i, sig) in r.signatures.iter().enumerate() {
        for (check, f) in sig.checks.iter().zip(sig.findings(i)) {
            assert_eq!(f.rule, check.id.rule().id);
            assert_eq!(f.message, check.message);
            assert_eq!(f.message_vi, check.message_vi);
            let expected = match check.outcome {
                Outcome::Failed => Severity::Error,
                Outcome::Warning => Severity::Warning,
                _ => Severity::Note,
            };
            assert_eq!(f.severity, expected);
            let path = f.location.path.as_deref().unwrap();
            assert!(path.starts_with(&format!("signatures[{i}]")), "{path}");
            assert_eq!(f.location.offset, Some(sig.offset));
        }
    }
    assert!(rule_ids(&r).contains("SIG-MESSAGE-DIGEST"));
}

#[test]
fn a_forged_document_has_errors_located_at_the_signature() {
    let mut pdf = person_then_org();
    let at = pdf.windows(5).position(|w| w == b"trang").unwrap();
    pdf[at] ^= 1;
    let r = verify(&pdf);
    assert_eq!(r.legal_value, LegalValue::Invalid);
    assert!(!r.conformant());
    assert!(!r.report().conformant);
    assert_from_catalogue(&r);
    let digest = r
        .findings_all()
        .into_iter()
        .find(|f| f.rule == "SIG-MESSAGE-DIGEST" && f.severity == Severity::Error)
        .unwrap();
    assert!(digest.location.path.unwrap().starts_with("signatures[0]"));
    let invalid = r
        .findings
        .iter()
        .find(|f| f.rule == "VN-LEGAL-INVALID")
        .unwrap();
    assert!(
        invalid
            .location
            .path
            .as_deref()
            .unwrap()
            .starts_with("signatures[0]")
    );
}

#[test]
fn without_a_trust_anchor_the_finding_says_so() {
    let r = verify_at(&person_then_org(), &TrustStore::new(), utc(2025, 6, 3));
    assert_eq!(r.legal_value, LegalValue::ReferenceOnly);
    assert!(!r.conformant());
    assert_from_catalogue(&r);
    let errors: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let f = errors[0];
    assert_eq!(f.rule, "VN-LEGAL-NO-TRUST-ANCHOR");
    assert!(
        f.message.contains("no trust anchor was given"),
        "{}",
        f.message
    );
    assert!(f.message.contains("--trust"), "{}", f.message);
    assert!(f.message_vi.contains("--trust"), "{}", f.message_vi);
    assert!(!r.findings.iter().any(|f| f.rule == "VN-LEGAL-NO-AGENCY"));
    // The path check says the same.
    let chain = &r.signatures[0]
        .checks
        .iter()
        .find(|c| c.id == CheckId::ChainToAnchor)
        .unwrap();
    assert_eq!(chain.outcome, Outcome::Failed);
    assert!(chain.message.contains("no trust anchor was given"));
}

#[test]
fn with_an_anchor_that_does_not_match_the_agency_is_missing() {
    // An anchor was given, but not the signers' root: the verdict blames the signatures.
    let p = pki();
    let mut other = TrustStore::new();
    other.add_anchor(p.person.clone());
    let r = verify_at(&person_then_org(), &other, utc(2025, 6, 3));
    assert_eq!(r.legal_value, LegalValue::ReferenceOnly);
    assert!(r.findings.iter().any(|f| f.rule == "VN-LEGAL-NO-AGENCY"));
    assert!(
        !r.findings
            .iter()
            .any(|f| f.rule == "VN-LEGAL-NO-TRUST-ANCHOR")
    );
}

#[test]
fn verdict_findings_agree_with_the_legal_value() {
    for r in [
        verify(&person_then_org()),
        verify(&sign(&base(), &pki().person_key, &pki().person, 9)),
        verify(&sign(&base(), &pki().org_key, &pki().org, 9)),
        verify(&base()),
        verify_at(&person_then_org(), &TrustStore::new(), utc(2025, 6, 3)),
    ] {
        assert_eq!(r.conformant(), conformant(&r.findings), "{:#?}", r.findings);
        assert_eq!(r.conformant(), r.legal_value == LegalValue::Original);
        assert_from_catalogue(&r);
    }
}

#[test]
fn the_report_round_trips_through_json() {
    let r = verify_pdf(
        &person_then_org(),
        &store(),
        &VerifyOptions::new(utc(2025, 6, 3)),
    )
    .unwrap();
    let json = serde_json::to_value(&r).unwrap();
    // The JSON keeps its shape: legal value, per-signature checks with the
    // DSS-style id and the catalogue rule.
    assert_eq!(json["legal_value"], "original");
    let check = &json["signatures"][0]["checks"][0];
    assert_eq!(check["id"], "SUB_FILTER");
    assert_eq!(check["rule"], "SIG-SUB-FILTER");
    assert_eq!(check["outcome"], "passed");
    assert!(
        json["signatures"][0]["signing_time"]
            .as_str()
            .unwrap()
            .ends_with("+07:00")
    );
    let back: DocumentReport = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, r);
    assert_eq!(serde_json::to_value(&back).unwrap(), json);
}

#[test]
fn legal_value_names() {
    for (v, name) in [
        (LegalValue::Original, "original"),
        (LegalValue::ReferenceOnly, "reference_only"),
        (LegalValue::Invalid, "invalid"),
    ] {
        assert_eq!(v.as_str(), name);
        assert_eq!(v.to_string(), name);
        assert_eq!(serde_json::to_value(v).unwrap(), serde_json::json!(name));
        assert_eq!(
            serde_json::from_value::<LegalValue>(serde_json::json!(name)).unwrap(),
            v
        );
    }
}

#[test]
fn every_error_kind_has_its_own_stable_code() {
    use vanthu_signature::ErrorKind;
    let kinds = [
        ErrorKind::UnexpectedEnd,
        ErrorKind::UnexpectedToken,
        ErrorKind::TooDeep,
        ErrorKind::BadName,
        ErrorKind::BadHexString,
        ErrorKind::BadNumber,
        ErrorKind::NotPdf,
        ErrorKind::NoRevision,
        ErrorKind::Truncated,
        ErrorKind::LimitExceeded("file size"),
        ErrorKind::Structure(String::new()),
        ErrorKind::Asn1(String::new()),
        ErrorKind::Key(String::new()),
        ErrorKind::Unsupported(String::new()),
    ];
    let codes: BTreeSet<&str> = kinds.iter().map(ErrorKind::code).collect();
    assert_eq!(codes.len(), kinds.len());
    assert!(codes.iter().all(|c| c.starts_with("SIG-E-")));
    let e = vanthu_signature::verify_pdf(
        b"not a pdf",
        &vanthu_signature::TrustStore::new(),
        &vanthu_signature::VerifyOptions::new(crate::common::utc(2025, 6, 3)),
    )
    .unwrap_err();
    assert_eq!(e.code(), "SIG-E-NOT-PDF");
}

/// The reasons the cryptography gives reach the clerk in Vietnamese too, with
/// no English left in them (an RSA key below the policy's size).
#[test]
fn crypto_reasons_are_vietnamese_in_message_vi() {
    use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue};
    let p = pki();
    let key = generate_key(KeyKind::Rsa2048).unwrap();
    let cert = issue(
        &Profile::leaf(
            vec![("CN", s("Pham Van Cuong")), ("UID", s("CCCD:001088012345"))],
            77,
            utc(2024, 1, 1),
            utc(2027, 1, 1),
        ),
        &key,
        Some((&p.ca, &p.ca_key)),
    )
    .unwrap();
    let pdf = sign(&base(), &key, &cert, 9);
    let mut options = vanthu_signature::VerifyOptions::new(utc(2025, 6, 3));
    options.policy.min_rsa_bits = 3072;
    let r = vanthu_signature::verify_pdf(&pdf, &store(), &options).unwrap();
    let refused = r.signatures[0]
        .checks
        .iter()
        .find(|c| c.outcome == vanthu_signature::Outcome::Failed)
        .unwrap();
    assert!(
        refused.message.contains("RSA key of 2048 bits"),
        "{refused:?}"
    );
    assert!(
        refused.message_vi.contains("khóa RSA 2048 bit"),
        "{refused:?}"
    );
    for english in ["key", "bits", "accepted", "signature", "with", "only"] {
        assert!(
            !refused
                .message_vi
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == english),
            "English {english:?} in {:?}",
            refused.message_vi
        );
    }
}
