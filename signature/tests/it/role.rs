//! Person or organisation: the role policy, its defaults and its configuration.

use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue};
use vanthu_signature::{Certificate, LegalValue, Role, RolePolicy, VerifyOptions};

use crate::common::*;

/// A CA named like the Government CA's sub-CA for state bodies, and its key.
fn government_ca() -> (Certificate, vanthu_signature::SigningKey) {
    let key = generate_key(KeyKind::P256).unwrap();
    let cert = issue(
        &Profile::ca(
            vec![
                ("C", s("VN")),
                ("O", s("Ban Cơ yếu Chính phủ")),
                ("CN", s("CA phục vụ các cơ quan Nhà nước G2")),
            ],
            40,
            utc(2020, 1, 1),
            utc(2040, 1, 1),
            Some(0),
        ),
        &key,
        None,
    )
    .unwrap();
    (cert, key)
}

fn leaf(
    subject: Vec<(&'static str, String)>,
    policies: &[&str],
    ca: &(Certificate, vanthu_signature::SigningKey),
) -> (Certificate, vanthu_signature::SigningKey) {
    let key = generate_key(KeyKind::P256).unwrap();
    let mut profile = Profile::leaf(subject, 41, utc(2024, 1, 1), utc(2027, 1, 1));
    profile.policies = policies.iter().map(|p| (*p).to_owned()).collect();
    let cert = issue(&profile, &key, Some((&ca.0, &ca.1))).unwrap();
    (cert, key)
}

#[test]
fn government_agency_certificates_without_uid_are_organisations() {
    let ca = government_ca();
    let policy = RolePolicy::default();
    // The shape of a Government CA agency certificate: the agency's name, no UID.
    let (agency, _) = leaf(
        vec![
            ("C", s("VN")),
            ("L", s("Hà Nội")),
            ("O", s("BỘ TÀI CHÍNH")),
            ("CN", s("CỤC THUẾ")),
        ],
        &[],
        &ca,
    );
    assert_eq!(policy.classify(&agency), Role::Organization);
    // Decomposed letters (NFD) and lower case name the same agency.
    let nfd: String = unicode_nfd("Sở Y tế");
    let (agency, _) = leaf(vec![("C", s("VN")), ("CN", nfd)], &[], &ca);
    assert_eq!(policy.classify(&agency), Role::Organization);
    // A person's name is not an agency's, even from the same CA; "VŨ" is a
    // family name, "VỤ" a department.
    for name in ["Nguyễn Văn An", "VŨ VĂN AN", "Bồ Thị Lan"] {
        let (person, _) = leaf(vec![("C", s("VN")), ("CN", s(name))], &[], &ca);
        assert_eq!(policy.classify(&person), Role::Unknown, "{name}");
    }
    // An agency name from a CA that is not the Government's: unknown.
    let p = pki();
    let (other, _) = leaf(
        vec![("C", s("VN")), ("CN", s("SỞ Y TẾ"))],
        &[],
        &(p.ca.clone(), p.ca_key.clone()),
    );
    assert_eq!(policy.classify(&other), Role::Unknown);
    // ... unless the deployment names that CA.
    let mut local = RolePolicy::default();
    local
        .agency_issuers
        .push("TEST CA phục vụ các cơ quan Nhà nước".to_owned());
    assert_eq!(local.classify(&other), Role::Organization);
}

#[test]
fn uids_titles_and_policy_oids_decide_first() {
    let ca = government_ca();
    let policy = RolePolicy::default();
    // A personal identity number wins over a tax code and an agency name.
    let (both, _) = leaf(
        vec![
            ("CN", s("SỞ Y TẾ")),
            ("UID", s("MST:0400260612")),
            ("UID", s("CCCD:001099012345")),
        ],
        &[],
        &ca,
    );
    assert_eq!(policy.classify(&both), Role::Person);
    let (titled, _) = leaf(
        vec![("CN", s("Lê Thị Hoa")), ("T", s("Chánh Văn phòng"))],
        &[],
        &ca,
    );
    assert_eq!(policy.classify(&titled), Role::Person);
    let mut untitled = RolePolicy::default();
    untitled.title_means_person = false;
    assert_eq!(untitled.classify(&titled), Role::Unknown);
    // Policy OIDs: unknown by default, decided once configured.
    let (marked, _) = leaf(vec![("CN", s("Trần Văn Bình"))], &["2.16.704.1.99.1"], &ca);
    assert_eq!(policy.classify(&marked), Role::Unknown);
    let mut oids = RolePolicy::default();
    oids.person_policies.push("2.16.704.1.99.1".to_owned());
    assert_eq!(oids.classify(&marked), Role::Person);
    let mut oids = RolePolicy::default();
    oids.organization_policies
        .push("2.16.704.1.99.1".to_owned());
    assert_eq!(oids.classify(&marked), Role::Organization);
}

#[test]
fn a_policy_reads_from_json_and_keeps_defaults_for_missing_fields() {
    let policy: RolePolicy =
        serde_json::from_str(r#"{"organization_policies": ["2.16.704.1.99.2"]}"#).unwrap();
    assert_eq!(policy.organization_policies, ["2.16.704.1.99.2"]);
    assert_eq!(policy.person_uids, RolePolicy::default().person_uids);
    let back: RolePolicy = serde_json::from_str(&serde_json::to_string(&policy).unwrap()).unwrap();
    assert_eq!(back, policy);
    assert!(serde_json::from_str::<RolePolicy>(r#"{"person_uids": 3}"#).is_err());
}

#[test]
fn a_document_sealed_with_a_government_agency_certificate_is_original() {
    let ca = government_ca();
    let (agency, agency_key) = leaf(
        vec![
            ("C", s("VN")),
            ("O", s("BỘ TÀI CHÍNH")),
            ("CN", s("CỤC THUẾ")),
        ],
        &[],
        &ca,
    );
    let mut trust = store();
    trust.add_anchor(ca.0.clone());
    let p = pki();
    let one = sign(&base(), &p.person_key, &p.person, 9);
    let two = sign(&one, &agency_key, &agency, 10);
    let report = verify_at(&two, &trust, utc(2025, 6, 3));
    assert_eq!(report.signatures[1].role, Role::Organization);
    assert_eq!(
        report.legal_value,
        LegalValue::Original,
        "{:#?}",
        report.findings
    );
    // With a policy that does not know the Government CA, the seal is not recognised.
    let mut options = VerifyOptions::new(utc(2025, 6, 3));
    options.roles.agency_issuers.clear();
    let report = vanthu_signature::verify_pdf(&two, &trust, &options).unwrap();
    assert_eq!(report.signatures[1].role, Role::Unknown);
    assert_eq!(report.legal_value, LegalValue::ReferenceOnly);
}

fn unicode_nfd(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}
