//! The validation work a document can cost (`docs/limits.md` §2): path
//! building within a budget of signature verifications and candidates, and
//! modification analysis shared by all signatures, judged once per revision.

use vanthu_signature::testpki::KeyKind;
use vanthu_signature::testpki::hostile::{append_revisions, cross_certified_mesh};
use vanthu_signature::{
    CheckId, Indication, Limits, ModificationKind, ModificationLevel, Outcome, SignOptions,
    SubIndication, VerifyOptions, sign_pdf, verify_pdf,
};

use crate::attacks::append_update;
use crate::common::*;

/// A PDF signed under a mesh of `count` cross-certified CAs, all carried in the CMS.
fn signed_under_mesh(count: usize) -> Vec<u8> {
    let (mesh, leaf, key) =
        cross_certified_mesh(count, KeyKind::P256, utc(2020, 1, 1), utc(2040, 1, 1)).unwrap();
    let mut opts = SignOptions::new(vn(2025, 6, 2, 9));
    opts.reserve = 4096 + mesh.iter().map(|c| c.der().len() + 16).sum::<usize>();
    sign_pdf(&base(), &opts, &key, &leaf, &mesh).unwrap()
}

fn options(limits: Limits) -> VerifyOptions {
    let mut o = VerifyOptions::new(utc(2025, 6, 3));
    o.limits = limits;
    o
}

fn chain_check(r: &vanthu_signature::SignatureReport) -> &vanthu_signature::Check {
    r.checks
        .iter()
        .find(|c| c.id == CheckId::ChainToAnchor)
        .unwrap()
}

#[test]
fn a_cross_certified_mesh_ends_at_the_verification_budget() {
    let pdf = signed_under_mesh(40);
    let mut limits = Limits::default();
    limits.max_path_candidates = 1000;
    limits.max_signature_verifications = 100;
    let started = std::time::Instant::now();
    let r = verify_pdf(&pdf, &store(), &options(limits)).unwrap();
    let s = &r.signatures[0];
    assert_eq!(s.indication, Indication::Indeterminate, "{:#?}", s.checks);
    assert_eq!(
        s.sub_indication,
        Some(SubIndication::NoCertificateChainFound)
    );
    assert!(
        chain_check(s)
            .message
            .contains("max_signature_verifications (100)"),
        "{:#?}",
        s.checks
    );
    let finding = r
        .findings
        .iter()
        .find(|f| f.rule == "SIG-PATH-LIMIT")
        .unwrap();
    assert!(finding.message.contains("max_signature_verifications"));
    // About 40² / 4 verifications without the budget; 100 with it.
    assert!(started.elapsed().as_secs() < 30);
}

#[test]
fn a_mesh_wider_than_the_candidates_per_step_is_indeterminate() {
    let pdf = signed_under_mesh(24);
    let mut limits = Limits::default();
    limits.max_path_candidates = 8;
    let r = verify_pdf(&pdf, &store(), &options(limits)).unwrap();
    let s = &r.signatures[0];
    assert_eq!(s.indication, Indication::Indeterminate);
    assert!(
        chain_check(s).message.contains("max_path_candidates (8)"),
        "{}",
        chain_check(s).message
    );
    assert!(r.findings.iter().any(|f| f.rule == "SIG-PATH-LIMIT"));
    // Within the limits there is simply no path: no limit finding.
    let mut limits = Limits::default();
    limits.max_path_candidates = 24;
    let r = verify_pdf(&pdf, &store(), &options(limits)).unwrap();
    assert_eq!(r.signatures[0].indication, Indication::Indeterminate);
    assert!(!r.findings.iter().any(|f| f.rule == "SIG-PATH-LIMIT"));
    assert!(!chain_check(&r.signatures[0]).message.contains("limit"));
}

/// Person then agency under one CA: leaf → CA twice, CA → root once (the
/// pair is remembered), so three verifications validate both signatures.
#[test]
fn each_issuer_pair_is_verified_once_per_document() {
    let pdf = person_then_org();
    let mut limits = Limits::default();
    limits.max_signature_verifications = 3;
    let r = verify_pdf(&pdf, &store(), &options(limits)).unwrap();
    for s in &r.signatures {
        assert_eq!(s.indication, Indication::TotalPassed, "{:#?}", s.checks);
    }
    assert!(!r.findings.iter().any(|f| f.rule == "SIG-PATH-LIMIT"));
    limits.max_signature_verifications = 2;
    let r = verify_pdf(&pdf, &store(), &options(limits)).unwrap();
    let indications: Vec<Indication> = r.signatures.iter().map(|s| s.indication).collect();
    assert!(
        indications.contains(&Indication::Indeterminate),
        "{indications:?}"
    );
    assert!(r.findings.iter().any(|f| f.rule == "SIG-PATH-LIMIT"));
}

/// `n` signatures by the agency, one revision each.
fn signed_many(n: usize) -> Vec<u8> {
    let p = pki();
    let mut pdf = base();
    for i in 0..n {
        let mut opts = SignOptions::new(vn(2025, 6, 2, 9));
        opts.reserve = 4096;
        opts.field_name = format!("Sig{i}");
        pdf = sign_pdf(&pdf, &opts, &p.org_key, &p.org, std::slice::from_ref(&p.ca)).unwrap();
    }
    pdf
}

fn coverage(s: &vanthu_signature::SignatureReport) -> &vanthu_signature::Check {
    s.checks.iter().find(|c| c.id == CheckId::Coverage).unwrap()
}

#[test]
fn many_signatures_then_many_revisions_are_judged_once() {
    let pdf = append_revisions(&signed_many(12), 1500, 4).unwrap();
    let mut limits = Limits::default();
    limits.max_listed_modifications = 50;
    let started = std::time::Instant::now();
    let r = verify_pdf(&pdf, &store(), &options(limits)).unwrap();
    assert_eq!(r.signatures.len(), 12);
    for (i, s) in r.signatures.iter().enumerate() {
        assert_eq!(
            coverage(s).outcome,
            Outcome::Passed,
            "{i}: {:?}",
            coverage(s)
        );
        // The later signatures are signing; the new objects long-term data.
        let level = if i == 11 {
            ModificationLevel::LtaUpdates
        } else {
            ModificationLevel::FormFilling
        };
        assert_eq!(s.modification_level, Some(level), "{i}");
        // Every change is graded; at most 50 are listed.
        assert_eq!(s.modifications.len(), 50);
        assert!(coverage(s).message.contains(" change(s)"));
    }
    // The first signature sees the later signatures and the 6,000 new objects.
    let first = coverage(&r.signatures[0]);
    let count: usize = first.message["later revisions made ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(count > 1500 * 4, "{}", first.message);
    assert!(started.elapsed().as_secs() < 30);
}

#[test]
fn a_change_after_the_last_signature_fails_every_signature_before_it() {
    let pdf = signed_many(4);
    let pdf = append_revisions(&pdf, 3, 2).unwrap();
    // Page 1 (object 4) gets another size.
    let page = "<</Type /Page /Parent 2 0 R /MediaBox [0 0 600 842] /Contents 5 0 R>>";
    let changed = append_update(&pdf, &[(4, page.to_owned())], 1);
    let changed = append_revisions(&changed, 2, 2).unwrap();
    let r = verify(&changed);
    for (i, s) in r.signatures.iter().enumerate() {
        assert_eq!(coverage(s).outcome, Outcome::Failed, "{i}");
        assert_eq!(s.modification_level, Some(ModificationLevel::Other));
        assert!(
            s.modifications
                .iter()
                .any(|m| m.kind == ModificationKind::PageChanged),
            "{i}: {:#?}",
            s.modifications
        );
    }
    // Without the page change every signature passes.
    let r = verify(&append_revisions(&pdf, 2, 2).unwrap());
    for s in &r.signatures {
        assert_eq!(coverage(s).outcome, Outcome::Passed, "{:?}", coverage(s));
    }
}
