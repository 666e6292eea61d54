//! The real Vietnamese trust anchors load and chain (read in place from the
//! shared fixtures folder beside the repository when it exists).

use vanthu_signature::{AlgorithmPolicy, Certificate, CheckId, Outcome, TrustStore};

use crate::common::utc;

fn load(name: &str) -> Option<Certificate> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fixtures/trust-anchors")
        .join(name);
    let Ok(bytes) = std::fs::read(&path) else {
        assert!(
            std::env::var("VANTHU_INTEROP").as_deref() != Ok("1"),
            "VANTHU_INTEROP=1 but {} is missing",
            path.display()
        );
        eprintln!("note: {} not found; skipped", path.display());
        return None;
    };
    Some(Certificate::parse_all(&bytes).unwrap().remove(0))
}

#[test]
fn vgca_g2_and_national_root_chain() {
    let (Some(root), Some(cp), Some(nrca), Some(vnpt)) = (
        load("rootcag2.crt"),
        load("cpcag2.crt"),
        load("vnrca256.crt"),
        load("vnpt-ca-sha2.crt"),
    ) else {
        return;
    };
    assert!(
        root.subject().contains("Ban Cơ yếu Chính phủ"),
        "{}",
        root.subject()
    );
    assert!(cp.subject().contains("CA phục vụ các cơ quan Nhà nước G2"));
    assert!(nrca.subject().contains("Vietnam National Root CA"));
    let mut store = TrustStore::new();
    store.add_anchor(root.clone());
    store.add_anchor(nrca.clone());
    for (leaf, anchor) in [(&cp, &root), (&vnpt, &nrca)] {
        let (checks, path) =
            store.validate(leaf, &[], utc(2026, 1, 1), &AlgorithmPolicy::default(), 10);
        assert_eq!(path.len(), 2, "{checks:#?}");
        assert_eq!(path[1].der(), anchor.der());
        for id in [
            CheckId::ChainToAnchor,
            CheckId::CertificateValidity,
            CheckId::CertificateAlgorithms,
        ] {
            assert!(
                checks
                    .iter()
                    .any(|c| c.id == id && c.outcome == Outcome::Passed),
                "{id}: {checks:#?}"
            );
        }
    }
    // The hierarchies do not cross.
    let mut only_nrca = TrustStore::new();
    only_nrca.add_anchor(nrca);
    let (_, path) = only_nrca.validate(&cp, &[], utc(2026, 1, 1), &AlgorithmPolicy::default(), 10);
    assert!(path.is_empty());
    // VNPT-CA SHA2 expires in 2029.
    let (checks, _) = store.validate(&vnpt, &[], utc(2030, 1, 1), &AlgorithmPolicy::default(), 10);
    assert!(
        checks
            .iter()
            .any(|c| c.id == CheckId::CertificateValidity && c.outcome == Outcome::Failed)
    );
}
