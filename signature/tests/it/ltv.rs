//! Long-term validation: OCSP responses and CRLs in the /DSS or in the CMS,
//! PAdES levels, proof of existence by document time-stamps, extended key
//! usage and name constraints on the path.

use chrono::{DateTime, Duration, TimeZone, Utc};
use vanthu_signature::testpki::{
    KeyKind, OcspStatus, Profile, Subtree, add_revocation_values, generate_key, issue, issue_crl,
    ocsp_response, time_stamp_token,
};
use vanthu_signature::{
    Certificate, CheckId, Indication, LegalValue, Limits, Outcome, PadesLevel, SignOptions,
    SigningKey, SubFilter, SubIndication, TrustStore, ValidationData, add_document_time_stamp,
    add_validation_data, prepare, sign_pdf,
};

use crate::common::*;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// The signature time-stamp's time in [`signed_bt`].
fn gen_time() -> DateTime<Utc> {
    at(2025, 6, 2, 2, 0)
}

/// The person signs (ETSI.CAdES.detached) with a signature time-stamp at
/// [`gen_time`]; `extra` may add revocation values to the CMS.
fn signed_bt_with(extra: impl FnOnce(Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut opts = SignOptions::new(vn(2025, 6, 2, 9));
    opts.sub_filter = SubFilter::CadesDetached;
    // Build the CMS through the one-call path, then take it out of the file.
    let pdf = sign_bt(opts.sub_filter, opts.time, gen_time());
    let located = vanthu_signature::locate(&pdf, &Limits::default()).unwrap();
    let cms = located.signatures[0].contents.clone().unwrap();
    let cms = vanthu_signature::ber_to_der(&cms).unwrap().0;
    let changed = extra(cms.clone());
    if changed == cms {
        return pdf;
    }
    prepare(&base(), &opts)
        .unwrap()
        .insert_cms(&changed)
        .unwrap()
}

fn signed_bt() -> Vec<u8> {
    static DOC: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    DOC.get_or_init(|| signed_bt_with(|c| c)).clone()
}

/// OCSP responses (good) for the person (by the CA) and the CA (by the root),
/// fetched a minute after the time-stamp.
fn good_ocsps() -> Vec<Vec<u8>> {
    let p = pki();
    let t = gen_time() + Duration::minutes(1);
    vec![
        ocsp_response(
            &p.person,
            &p.ca,
            &p.ca,
            &p.ca_key,
            OcspStatus::Good,
            t,
            Some(t + Duration::days(7)),
        )
        .unwrap(),
        ocsp_response(
            &p.ca,
            &p.root,
            &p.root,
            &p.root_key,
            OcspStatus::Good,
            t,
            Some(t + Duration::days(7)),
        )
        .unwrap(),
    ]
}

fn with_dss(pdf: &[u8], certs: Vec<Vec<u8>>, crls: Vec<Vec<u8>>, ocsps: Vec<Vec<u8>>) -> Vec<u8> {
    let mut data = ValidationData::new();
    data.certs = certs;
    data.crls = crls;
    data.ocsps = ocsps;
    add_validation_data(pdf, &data, &Limits::default()).unwrap()
}

fn revocation(report: &vanthu_signature::SignatureReport) -> &vanthu_signature::Check {
    report
        .checks
        .iter()
        .find(|c| c.id == CheckId::Revocation)
        .unwrap_or_else(|| panic!("no REVOCATION check: {:#?}", report.checks))
}

fn doc_time_stamp(pdf: &[u8], when: DateTime<Utc>) -> Vec<u8> {
    let (tsa_key, tsa_cert) = tsa();
    add_document_time_stamp(
        pdf,
        when.with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).unwrap()),
        8192,
        &Limits::default(),
        |bytes| time_stamp_token(bytes, when, tsa_key, tsa_cert),
    )
    .unwrap()
}

#[test]
fn without_revocation_data_revocation_is_not_checked_but_the_verdict_stands() {
    let r = verify(&person_then_org());
    for sig in &r.signatures {
        let check = revocation(sig);
        assert_eq!(check.outcome, Outcome::Warning, "{check:#?}");
        assert!(check.message.contains("not checked"), "{}", check.message);
        assert!(check.message_vi.contains("chưa kiểm tra"));
        assert_eq!(sig.indication, Indication::TotalPassed);
        assert_eq!(sig.level, Some(PadesLevel::BB));
        assert_eq!(sig.proven_at, None);
    }
    assert_eq!(r.legal_value, LegalValue::Original);
}

#[test]
fn a_crl_for_the_leaf_only_does_not_pass_the_intermediate() {
    let p = pki();
    let crl = issue_crl(&p.ca, &p.ca_key, &[], utc(2025, 6, 2)).unwrap();
    let mut trust = store();
    trust.add_crl_der(&crl).unwrap();
    let r = verify_at(&person_then_org(), &trust, utc(2025, 6, 3));
    let check = revocation(&r.signatures[0]);
    assert_eq!(check.outcome, Outcome::Warning, "{check:#?}");
    assert!(
        check.message.contains("TEST CA phục vụ"),
        "the unchecked intermediate is named: {}",
        check.message
    );
    // With the root's CRL for the intermediate too: passed.
    let root_crl = issue_crl(&p.root, &p.root_key, &[], utc(2025, 6, 2)).unwrap();
    trust.add_crl_der(&root_crl).unwrap();
    let r = verify_at(&person_then_org(), &trust, utc(2025, 6, 3));
    assert_eq!(revocation(&r.signatures[0]).outcome, Outcome::Passed);
    // Caller-supplied data does not make B-LT: the document does not carry it.
    assert_eq!(r.signatures[0].level, Some(PadesLevel::BB));
}

#[test]
fn good_ocsp_in_the_dss_gives_b_lt_then_a_document_time_stamp_b_lta() {
    let p = pki();
    let bt = signed_bt();
    let r = verify(&bt);
    assert_eq!(
        r.signatures[0].level,
        Some(PadesLevel::BT),
        "{:#?}",
        r.signatures[0].checks
    );
    assert_eq!(
        r.signatures[0].proven_at.unwrap().to_rfc3339(),
        "2025-06-02T09:00:00+07:00"
    );
    let lt = with_dss(&bt, vec![p.ca.der().to_vec()], Vec::new(), good_ocsps());
    let r = verify(&lt);
    let sig = &r.signatures[0];
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert_eq!(
        revocation(sig).outcome,
        Outcome::Passed,
        "{:#?}",
        sig.checks
    );
    assert_eq!(sig.level, Some(PadesLevel::BLT));
    // The /DSS update is long-term validation data, the least a change can be.
    assert_eq!(
        sig.modification_level,
        Some(vanthu_signature::ModificationLevel::LtaUpdates),
        "{:#?}",
        sig.modifications
    );
    // The CA's certificate comes from the /DSS: it is not needed in the trust store.
    let lta = doc_time_stamp(&lt, at(2025, 6, 2, 4, 0));
    let r = verify(&lta);
    assert_eq!(r.signatures.len(), 2);
    let sig = &r.signatures[0];
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert_eq!(sig.level, Some(PadesLevel::BLTA));
    assert_eq!(r.signatures[1].level, None);
    assert_eq!(
        r.signatures[1].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[1].checks
    );
    assert_eq!(
        r.signatures[1].proven_at.unwrap().to_rfc3339(),
        "2025-06-02T11:00:00+07:00"
    );
    // Long after the person's certificate expired (2027), B-LTA still validates.
    let r = verify_at(&lta, &store(), utc(2029, 6, 1));
    assert_eq!(
        r.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[0].checks
    );
    assert_eq!(r.signatures[0].level, Some(PadesLevel::BLTA));
    // JSON carries the level and the proven time.
    let json = serde_json::to_value(&r.signatures[0]).unwrap();
    assert_eq!(json["level"], "B-LTA");
    assert_eq!(json["proven_at"], "2025-06-02T09:00:00+07:00");
}

#[test]
fn a_document_time_stamp_proves_an_untimestamped_signature_existed() {
    // Signed at 02:00 UTC without a signature time-stamp; stamped at 04:00.
    let pdf = doc_time_stamp(&person_then_org(), at(2025, 6, 2, 4, 0));
    // The token carries only the TSA's certificate: the caller supplies the intermediate.
    let mut trust = store();
    trust.add_intermediate(pki().ca.clone());
    // In 2028 the signers' certificates (valid to 2027) have expired.
    let r = verify_at(&pdf, &trust, utc(2028, 6, 1));
    for sig in &r.signatures[..2] {
        assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
        assert_eq!(sig.level, Some(PadesLevel::BT));
        assert_eq!(
            sig.proven_at.unwrap().to_rfc3339(),
            "2025-06-02T11:00:00+07:00"
        );
    }
    assert_eq!(r.legal_value, LegalValue::Original, "{:#?}", r.findings);
    // Without the document time-stamp: no proof of existence.
    let r = verify_at(&person_then_org(), &trust, utc(2028, 6, 1));
    assert_eq!(
        r.signatures[0].sub_indication,
        Some(SubIndication::OutOfBoundsNoPoe)
    );
    // A document time-stamp that does not verify (an untrusted TSA) proves nothing.
    let r = verify_at(&pdf, &TrustStore::new(), utc(2028, 6, 1));
    assert_eq!(r.signatures[0].proven_at, None);
}

#[test]
fn revoked_ocsp_fails_the_signature() {
    let p = pki();
    let revoked = ocsp_response(
        &p.person,
        &p.ca,
        &p.ca,
        &p.ca_key,
        OcspStatus::Revoked(at(2025, 6, 1, 0, 0)),
        at(2025, 6, 1, 12, 0),
        Some(at(2025, 6, 8, 0, 0)),
    )
    .unwrap();
    // In the /DSS.
    let pdf = with_dss(
        &person_then_org(),
        Vec::new(),
        Vec::new(),
        vec![revoked.clone()],
    );
    let r = verify(&pdf);
    assert_eq!(r.signatures[0].indication, Indication::TotalFailed);
    assert_eq!(r.signatures[0].sub_indication, Some(SubIndication::Revoked));
    assert!(revocation(&r.signatures[0]).message.contains("OCSP"));
    assert_eq!(r.signatures[0].level, None);
    assert_eq!(r.legal_value, LegalValue::Invalid);
    // The agency's certificate is not the one revoked.
    assert_ne!(r.signatures[1].indication, Indication::TotalFailed);
    // Supplied by the caller.
    let mut trust = store();
    trust.add_ocsp_der(&revoked).unwrap();
    let r = verify_at(&person_then_org(), &trust, utc(2025, 6, 3));
    assert_eq!(r.signatures[0].sub_indication, Some(SubIndication::Revoked));
    // Revoked after the time the signature is proven to exist: not revoked then.
    let later = ocsp_response(
        &p.person,
        &p.ca,
        &p.ca,
        &p.ca_key,
        OcspStatus::Revoked(at(2025, 6, 2, 6, 0)),
        at(2025, 6, 2, 7, 0),
        Some(at(2025, 6, 9, 0, 0)),
    )
    .unwrap();
    let pdf = with_dss(&signed_bt(), Vec::new(), Vec::new(), vec![later]);
    let r = verify(&pdf);
    assert_eq!(
        r.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[0].checks
    );
    assert!(trust.add_ocsp_der(b"not an OCSP response").is_err());
}

#[test]
fn ocsp_from_an_unauthorised_responder_is_not_accepted() {
    let p = pki();
    let revoked_by = |responder: &Certificate, key: &SigningKey| {
        ocsp_response(
            &p.person,
            &p.ca,
            responder,
            key,
            OcspStatus::Revoked(at(2025, 6, 1, 0, 0)),
            at(2025, 6, 1, 12, 0),
            Some(at(2025, 6, 8, 0, 0)),
        )
        .unwrap()
    };
    // The agency's certificate is issued by the CA but not for OCSP signing.
    let pdf = with_dss(
        &person_then_org(),
        Vec::new(),
        Vec::new(),
        vec![revoked_by(&p.org, &p.org_key)],
    );
    let r = verify(&pdf);
    assert_eq!(
        r.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[0].checks
    );
    let check = revocation(&r.signatures[0]);
    assert_eq!(check.outcome, Outcome::Warning);
    assert!(
        check.message.contains("did not authorise"),
        "{}",
        check.message
    );
    // A delegated responder: id-kp-OCSPSigning, issued by the CA: accepted.
    let key = generate_key(KeyKind::P256).unwrap();
    let mut profile = Profile::leaf(
        vec![("CN", s("TEST OCSP"))],
        70,
        utc(2024, 1, 1),
        utc(2030, 1, 1),
    );
    profile.extended_key_usage = vec!["1.3.6.1.5.5.7.3.9".into()];
    let delegated = issue(&profile, &key, Some((&p.ca, &p.ca_key))).unwrap();
    let pdf = with_dss(
        &person_then_org(),
        Vec::new(),
        Vec::new(),
        vec![revoked_by(&delegated, &key)],
    );
    assert_eq!(
        verify(&pdf).signatures[0].sub_indication,
        Some(SubIndication::Revoked)
    );
    // The same responder certified by the root, not by the CA that issued the
    // person's certificate: not accepted.
    let by_root = issue(&profile, &key, Some((&p.root, &p.root_key))).unwrap();
    let pdf = with_dss(
        &person_then_org(),
        Vec::new(),
        Vec::new(),
        vec![revoked_by(&by_root, &key)],
    );
    let r = verify(&pdf);
    assert_eq!(r.signatures[0].indication, Indication::TotalPassed);
    assert_eq!(revocation(&r.signatures[0]).outcome, Outcome::Warning);
}

#[test]
fn stale_or_tampered_ocsp_is_not_accepted() {
    let p = pki();
    let old = |status| {
        ocsp_response(
            &p.person,
            &p.ca,
            &p.ca,
            &p.ca_key,
            status,
            at(2025, 5, 1, 0, 0),
            Some(at(2025, 5, 8, 0, 0)),
        )
        .unwrap()
    };
    let mut ocsps = good_ocsps();
    ocsps[0] = old(OcspStatus::Good);
    let pdf = with_dss(&signed_bt(), Vec::new(), Vec::new(), ocsps);
    let r = verify(&pdf);
    let check = revocation(&r.signatures[0]);
    assert_eq!(check.outcome, Outcome::Warning, "{check:#?}");
    assert!(check.message.contains("out of date"), "{}", check.message);
    assert_eq!(r.signatures[0].level, Some(PadesLevel::BT));
    // A stale response that reports a revocation before the validation time still counts.
    let pdf = with_dss(
        &signed_bt(),
        Vec::new(),
        Vec::new(),
        vec![old(OcspStatus::Revoked(at(2025, 4, 1, 0, 0)))],
    );
    assert_eq!(
        verify(&pdf).signatures[0].sub_indication,
        Some(SubIndication::Revoked)
    );
    // A response whose signature was altered: it does not verify.
    let mut ocsps = good_ocsps();
    if let Some(last) = ocsps[0].last_mut() {
        *last ^= 0x01;
    }
    let pdf = with_dss(&signed_bt(), Vec::new(), Vec::new(), ocsps);
    let check = revocation(&verify(&pdf).signatures[0]).clone();
    assert_eq!(check.outcome, Outcome::Warning, "{check:#?}");
    assert!(
        check.message.contains("does not verify"),
        "{}",
        check.message
    );
}

#[test]
fn revocation_values_in_the_cms_give_b_lt() {
    let p = pki();
    let ocsps = good_ocsps();
    let pdf = signed_bt_with(|cms| add_revocation_values(&cms, &[], &ocsps).unwrap());
    let r = verify(&pdf);
    let sig = &r.signatures[0];
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert_eq!(
        revocation(sig).outcome,
        Outcome::Passed,
        "{:#?}",
        sig.checks
    );
    assert_eq!(sig.level, Some(PadesLevel::BLT));
    // CRLs in the CMS: one revoking the person.
    let crl = issue_crl(
        &p.ca,
        &p.ca_key,
        &[(10, at(2025, 6, 1, 0, 0))],
        utc(2025, 6, 1),
    )
    .unwrap();
    let pdf = signed_bt_with(|cms| add_revocation_values(&cms, &[crl], &[]).unwrap());
    assert_eq!(
        verify(&pdf).signatures[0].sub_indication,
        Some(SubIndication::Revoked)
    );
}

#[test]
fn crls_in_the_dss_are_used() {
    let p = pki();
    let crls = vec![
        issue_crl(&p.ca, &p.ca_key, &[], gen_time() + Duration::minutes(1)).unwrap(),
        issue_crl(&p.root, &p.root_key, &[], gen_time() + Duration::minutes(1)).unwrap(),
    ];
    let pdf = with_dss(&signed_bt(), Vec::new(), crls, Vec::new());
    let r = verify(&pdf);
    assert_eq!(
        revocation(&r.signatures[0]).outcome,
        Outcome::Passed,
        "{:#?}",
        r.signatures[0].checks
    );
    assert_eq!(r.signatures[0].level, Some(PadesLevel::BLT));
}

fn sign_with_profile(
    profile: Profile,
    issuer: (&Certificate, &SigningKey),
    chain: &[Certificate],
) -> Vec<u8> {
    let key = generate_key(KeyKind::P256).unwrap();
    let cert = issue(&profile, &key, Some(issuer)).unwrap();
    sign_pdf(
        &base(),
        &SignOptions::new(vn(2025, 6, 2, 9)),
        &key,
        &cert,
        chain,
    )
    .unwrap()
}

fn leaf_with_eku(serial: u64, ekus: &[&str]) -> Profile {
    let mut profile = Profile::leaf(
        vec![("CN", s("EKU")), ("UID", s("CCCD:3"))],
        serial,
        utc(2024, 1, 1),
        utc(2027, 1, 1),
    );
    profile.extended_key_usage = ekus.iter().map(|e| e.to_string()).collect();
    profile
}

#[test]
fn extended_key_usage_must_allow_signing_documents() {
    let p = pki();
    let chain = [p.ca.clone()];
    let server_only = sign_with_profile(
        leaf_with_eku(80, &["1.3.6.1.5.5.7.3.1"]),
        (&p.ca, &p.ca_key),
        &chain,
    );
    let r = verify(&server_only);
    assert_eq!(
        r.signatures[0].sub_indication,
        Some(SubIndication::ChainConstraintsFailure),
        "{:#?}",
        r.signatures[0].checks
    );
    for (serial, ekus) in [
        (81, &["1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.2"][..]),
        (82, &["2.5.29.37.0"][..]),
        (83, &["1.3.6.1.5.5.7.3.36"][..]),
        (84, &["1.2.840.113583.1.1.5"][..]),
    ] {
        let pdf = sign_with_profile(leaf_with_eku(serial, ekus), (&p.ca, &p.ca_key), &chain);
        let r = verify(&pdf);
        assert_eq!(
            r.signatures[0].indication,
            Indication::TotalPassed,
            "{ekus:?}: {:#?}",
            r.signatures[0].checks
        );
    }
}

#[test]
fn name_constraints_bound_what_a_ca_certifies() {
    let p = pki();
    let key = generate_key(KeyKind::P256).unwrap();
    let mut ca_profile = Profile::ca(
        vec![("C", s("VN")), ("CN", s("TEST CA có ràng buộc tên"))],
        90,
        utc(2020, 1, 1),
        utc(2040, 1, 1),
        Some(0),
    );
    ca_profile.permitted_subtrees = vec![
        Subtree::Directory(vec![("C", s("VN")), ("O", s("Sở Y tế"))]),
        Subtree::Email(s(".gov.vn")),
    ];
    ca_profile.excluded_subtrees = vec![Subtree::Directory(vec![
        ("C", s("VN")),
        ("O", s("Sở Y tế")),
        ("OU", s("Phòng cấm")),
    ])];
    let ca = issue(&ca_profile, &key, Some((&p.root, &p.root_key))).unwrap();
    let chain = [ca.clone()];
    let leaf = |serial: u64, subject: Vec<(&'static str, String)>| {
        let pdf = sign_with_profile(
            Profile::leaf(subject, serial, utc(2024, 1, 1), utc(2027, 1, 1)),
            (&ca, &key),
            &chain,
        );
        verify(&pdf).signatures.remove(0)
    };
    let inside = leaf(
        91,
        vec![
            ("C", s("VN")),
            ("O", s("Sở Y tế")),
            ("CN", s("Trần Thị Bình")),
            ("E", s("binh@soyte.hanoi.gov.vn")),
        ],
    );
    assert_eq!(
        inside.indication,
        Indication::TotalPassed,
        "{:#?}",
        inside.checks
    );
    for (serial, subject) in [
        (
            92,
            vec![("C", s("VN")), ("O", s("Công ty khác")), ("CN", s("X"))],
        ),
        (
            93,
            vec![
                ("C", s("VN")),
                ("O", s("Sở Y tế")),
                ("OU", s("Phòng cấm")),
                ("CN", s("Y")),
            ],
        ),
        (
            94,
            vec![
                ("C", s("VN")),
                ("O", s("Sở Y tế")),
                ("CN", s("Z")),
                ("E", s("z@gmail.com")),
            ],
        ),
    ] {
        let outside = leaf(serial, subject);
        assert_eq!(
            outside.sub_indication,
            Some(SubIndication::ChainConstraintsFailure),
            "{:#?}",
            outside.checks
        );
    }
}

#[test]
fn vanthu_b_lta_validates_in_pyhanko() {
    let Some(py) = crate::interop::python() else {
        return;
    };
    let p = pki();
    let lt = with_dss(
        &signed_bt(),
        vec![p.ca.der().to_vec()],
        Vec::new(),
        good_ocsps(),
    );
    let lta = doc_time_stamp(&lt, at(2025, 6, 2, 4, 0));
    let v = crate::interop::pyhanko_validate(&py, &crate::interop::files(), &lta);
    let sig = &v["signatures"][0];
    assert_eq!(sig["intact"], true, "{v}");
    assert_eq!(sig["valid"], true, "{v}");
    assert_eq!(sig["trusted"], true, "{v}");
    // The /DSS and the document time-stamp are what PAdES lets be added.
    assert_eq!(sig["modification_level"], "LTA_UPDATES", "{v}");
    assert_eq!(verify(&lta).signatures[0].level, Some(PadesLevel::BLTA));
}

/// Appends an update that replaces the /DSS (object `dss`) by one whose only
/// revocation data is under `/VRI` (ETSI EN 319 142-1 §5.4.2.3).
fn with_vri_only(pdf: &[u8], ocsps: &[Vec<u8>]) -> Vec<u8> {
    let text = String::from_utf8_lossy(pdf).into_owned();
    let number_after = |key: &str| -> u32 {
        let at = text.rfind(key).unwrap() + key.len();
        text[at..]
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    // The catalog, written last by add_validation_data, names the /DSS.
    let dss = number_after("/DSS ");
    let root = number_after("/Root");
    let prev = number_after("startxref");
    let located = vanthu_signature::locate(pdf, &Limits::default()).unwrap();
    let key = vanthu_signature::DigestAlgorithm::Sha1
        .digest(&[located.signatures[0].contents.as_deref().unwrap()])
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<String>();
    let mut out = pdf.to_vec();
    let mut entries = Vec::new();
    let mut refs = Vec::new();
    for (i, o) in ocsps.iter().enumerate() {
        let n = 900 + u32::try_from(i).unwrap();
        entries.push((n, out.len()));
        out.extend_from_slice(format!("{n} 0 obj\n<</Length {}>>\nstream\n", o.len()).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendstream\nendobj\n");
        refs.push(format!("{n} 0 R"));
    }
    entries.push((dss, out.len()));
    out.extend_from_slice(
        format!(
            "{dss} 0 obj\n<</Type /DSS /VRI <</{key} <</OCSP [{}]>>>>>>\nendobj\n",
            refs.join(" ")
        )
        .as_bytes(),
    );
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    entries.sort();
    for (n, off) in &entries {
        out.extend_from_slice(format!("{n} 1\n{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<</Size 1000 /Root {root} 0 R /Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    out
}

#[test]
fn ocsp_responses_under_vri_are_used() {
    let p = pki();
    // A /DSS with the CA certificate, then replaced by one with only a /VRI entry.
    let lt = with_dss(
        &signed_bt(),
        vec![p.ca.der().to_vec()],
        Vec::new(),
        Vec::new(),
    );
    let pdf = with_vri_only(&lt, &good_ocsps());
    let r = verify(&pdf);
    let sig = &r.signatures[0];
    assert_eq!(
        revocation(sig).outcome,
        Outcome::Passed,
        "{:#?}",
        sig.checks
    );
    assert_eq!(sig.level, Some(PadesLevel::BLT));
    // The same update without the responses: revocation not checked.
    let pdf = with_vri_only(&lt, &[]);
    assert_eq!(
        revocation(&verify(&pdf).signatures[0]).outcome,
        Outcome::Warning
    );
}
