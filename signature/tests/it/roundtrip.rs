//! Documents signed by vanthu verify in vanthu, with the expected verdicts.

use chrono::FixedOffset;
use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue};
use vanthu_signature::{
    CheckId, Coverage, Indication, LegalValue, Outcome, Role, SubIndication, TrustStore,
    VerifyOptions, verify_pdf,
};

use crate::common::*;

#[test]
fn person_then_agency_is_original() {
    let pdf = person_then_org();
    let r = verify(&pdf);
    assert_eq!(r.signatures.len(), 2, "{r:#?}");
    for sig in &r.signatures {
        assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    }
    assert_eq!(r.signatures[0].role, Role::Person);
    assert_eq!(r.signatures[1].role, Role::Organization);
    assert_eq!(r.signatures[0].coverage, Coverage::EntireRevision);
    assert_eq!(r.signatures[1].coverage, Coverage::EntireFile);
    assert_eq!(r.legal_value, LegalValue::Original, "{:#?}", r.findings);
    let signer = r.signatures[0].signer.as_ref().unwrap();
    assert_eq!(signer.uids, vec!["CCCD:001099012345".to_string()]);
    assert_eq!(signer.common_name.as_deref(), Some("Nguyễn Văn An"));
    // Presented in Vietnam time, from /M.
    assert_eq!(
        r.signatures[0].signing_time.unwrap().to_rfc3339(),
        "2025-06-02T09:00:00+07:00"
    );
    // The agency's signature is form filling and signing for the person's.
    assert_eq!(
        r.signatures[0].modification_level,
        Some(vanthu_signature::ModificationLevel::FormFilling),
        "{:#?}",
        r.signatures[0].modifications
    );
    assert_eq!(
        r.signatures[1].modification_level,
        Some(vanthu_signature::ModificationLevel::None)
    );
}

#[test]
fn each_alone_is_reference_only() {
    let p = pki();
    let person = sign(&base(), &p.person_key, &p.person, 9);
    let r = verify(&person);
    assert_eq!(r.signatures[0].indication, Indication::TotalPassed);
    assert_eq!(r.legal_value, LegalValue::ReferenceOnly);
    assert!(r.findings.iter().any(|f| f.rule == "VN-LEGAL-NO-AGENCY"));

    let org = sign(&base(), &p.org_key, &p.org, 9);
    let r = verify(&org);
    assert_eq!(r.signatures[0].indication, Indication::TotalPassed);
    assert_eq!(r.legal_value, LegalValue::ReferenceOnly);
    assert!(r.findings.iter().any(|f| f.rule == "VN-LEGAL-NO-PERSON"));
}

#[test]
fn agency_alone_is_original_for_an_attachment() {
    let p = pki();
    let org = sign(&base(), &p.org_key, &p.org, 9);
    let mut opts = VerifyOptions::new(utc(2025, 6, 3));
    opts.form = vanthu_signature::SignedForm::Attachment;
    let r = verify_pdf(&org, &store(), &opts).unwrap();
    assert_eq!(r.legal_value, LegalValue::Original);
    // Invisible: not at the top right of page 1.
    assert!(
        r.findings.iter().any(|f| f.rule == "VN-ATTACH-POSITION"),
        "{:#?}",
        r.findings
    );
}

/// #15 item 4: a digitised copy of a paper document signed by the agency
/// alone has the value of the main copy (Quyết định 3760/QĐ-UBND Điều 4
/// khoản 2); a person alone, or a changed file, still is not.
#[test]
fn hcm_3760_dieu_4_2_agency_alone_is_original_for_a_digitised_copy() {
    let p = pki();
    let mut opts = VerifyOptions::new(utc(2025, 6, 3));
    opts.form = vanthu_signature::SignedForm::DigitisedCopy;
    let org = sign(&base(), &p.org_key, &p.org, 9);
    let r = verify_pdf(&org, &store(), &opts).unwrap();
    assert_eq!(r.legal_value, LegalValue::Original);
    assert_eq!(r.form, vanthu_signature::SignedForm::DigitisedCopy);
    let note = r
        .findings
        .iter()
        .find(|f| f.rule == "VN-LEGAL-DIGITISED-COPY")
        .expect("the verdict says it was judged as a copy");
    assert_eq!(note.severity, vanthu_identifiers::Severity::Note);
    // No attachment appearance rules for a copy.
    assert!(r.findings.iter().all(|f| !f.rule.starts_with("VN-ATTACH-")));
    // The person alone is not enough for a copy.
    let person = sign(&base(), &p.person_key, &p.person, 9);
    let r = verify_pdf(&person, &store(), &opts).unwrap();
    assert_eq!(r.legal_value, LegalValue::ReferenceOnly);
    assert!(r.findings.iter().any(|f| f.rule == "VN-LEGAL-NO-AGENCY"));
    // A changed copy is invalid, and the finding names the signature by its field and page.
    let mut changed = org.clone();
    let at = changed
        .windows(8)
        .position(|w| w == b"MediaBox")
        .expect("the base PDF has a page");
    changed[at + 7] = b'y';
    let r = verify_pdf(&changed, &store(), &opts).unwrap();
    assert_eq!(r.legal_value, LegalValue::Invalid);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "VN-LEGAL-INVALID")
        .unwrap();
    let (name, name_vi) = r.signatures[0].name();
    assert!(f.message.contains(&name), "{} / {name}", f.message);
    assert!(f.message_vi.contains(&name_vi), "{}", f.message_vi);
}

#[test]
fn wrong_order_is_reference_only() {
    let p = pki();
    let one = sign(&base(), &p.org_key, &p.org, 9);
    let two = sign(&one, &p.person_key, &p.person, 10);
    let r = verify(&two);
    assert!(
        r.signatures
            .iter()
            .all(|s| s.indication == Indication::TotalPassed)
    );
    assert_eq!(r.legal_value, LegalValue::ReferenceOnly);
    assert!(r.findings.iter().any(|f| f.rule == "VN-LEGAL-ORDER"));
}

#[test]
fn expired_certificate_is_indeterminate() {
    let r = verify_at(&person_then_org(), &store(), utc(2028, 1, 1));
    for sig in &r.signatures {
        assert_eq!(sig.indication, Indication::Indeterminate);
        assert_eq!(sig.sub_indication, Some(SubIndication::OutOfBoundsNoPoe));
    }
    assert_eq!(r.legal_value, LegalValue::ReferenceOnly);
}

#[test]
fn not_yet_valid_certificate_is_indeterminate() {
    let r = verify_at(&person_then_org(), &store(), utc(2023, 1, 1));
    assert_eq!(
        r.signatures[0].sub_indication,
        Some(SubIndication::NotYetValid)
    );
}

#[test]
fn untrusted_is_indeterminate() {
    let r = verify_at(&person_then_org(), &TrustStore::new(), utc(2025, 6, 3));
    for sig in &r.signatures {
        assert_eq!(sig.indication, Indication::Indeterminate);
        assert_eq!(
            sig.sub_indication,
            Some(SubIndication::NoCertificateChainFound)
        );
        // Integrity and the signature value still pass.
        assert!(
            sig.checks
                .iter()
                .any(|c| c.id == CheckId::SignatureValue && c.outcome == Outcome::Passed)
        );
    }
    assert_eq!(r.legal_value, LegalValue::ReferenceOnly);
}

#[test]
fn leaf_without_signing_key_usage_fails_chain_constraints() {
    let p = pki();
    let key = generate_key(KeyKind::P256).unwrap();
    let mut profile = Profile::leaf(
        vec![("CN", s("Encipher")), ("UID", s("CCCD:1"))],
        20,
        utc(2024, 1, 1),
        utc(2027, 1, 1),
    );
    profile.usage = vanthu_signature::testpki::Usage::EnciphermentOnly;
    let cert = issue(&profile, &key, Some((&p.ca, &p.ca_key))).unwrap();
    let r = verify(&sign(&base(), &key, &cert, 9));
    assert_eq!(
        r.signatures[0].sub_indication,
        Some(SubIndication::ChainConstraintsFailure)
    );
}

#[test]
fn unknown_critical_extension_fails_chain_constraints() {
    let p = pki();
    let key = generate_key(KeyKind::P256).unwrap();
    let mut profile = Profile::leaf(
        vec![("CN", s("Critical")), ("UID", s("CCCD:1"))],
        21,
        utc(2024, 1, 1),
        utc(2027, 1, 1),
    );
    profile.unknown_critical = true;
    let cert = issue(&profile, &key, Some((&p.ca, &p.ca_key))).unwrap();
    let r = verify(&sign(&base(), &key, &cert, 9));
    assert_eq!(
        r.signatures[0].sub_indication,
        Some(SubIndication::ChainConstraintsFailure)
    );
}

#[test]
fn path_length_is_enforced() {
    // The sub-CA has pathlen 0: a CA below it must not issue signers.
    let p = pki();
    let sub_key = generate_key(KeyKind::P256).unwrap();
    let sub = issue(
        &Profile::ca(
            vec![("CN", s("Too deep CA"))],
            30,
            utc(2024, 1, 1),
            utc(2030, 1, 1),
            None,
        ),
        &sub_key,
        Some((&p.ca, &p.ca_key)),
    )
    .unwrap();
    let key = generate_key(KeyKind::P256).unwrap();
    let cert = issue(
        &Profile::leaf(
            vec![("CN", s("Deep")), ("UID", s("CCCD:2"))],
            31,
            utc(2024, 1, 1),
            utc(2027, 1, 1),
        ),
        &key,
        Some((&sub, &sub_key)),
    )
    .unwrap();
    let signed = vanthu_signature::sign_pdf(
        &base(),
        &vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9)),
        &key,
        &cert,
        &[sub, p.ca.clone()],
    )
    .unwrap();
    let r = verify(&signed);
    assert_eq!(
        r.signatures[0].sub_indication,
        Some(SubIndication::ChainConstraintsFailure),
        "{:#?}",
        r.signatures[0].checks
    );
}

#[test]
fn rsa_and_p384_keys_sign_and_verify() {
    let p = pki();
    for kind in [KeyKind::Rsa2048, KeyKind::P384] {
        let key = generate_key(kind).unwrap();
        let cert = issue(
            &Profile::leaf(
                vec![("CN", s("K")), ("UID", s("CCCD:3"))],
                40,
                utc(2024, 1, 1),
                utc(2027, 1, 1),
            ),
            &key,
            Some((&p.ca, &p.ca_key)),
        )
        .unwrap();
        let r = verify(&sign(&base(), &key, &cert, 9));
        assert_eq!(
            r.signatures[0].indication,
            Indication::TotalPassed,
            "{kind:?}: {:#?}",
            r.signatures[0].checks
        );
    }
}

#[test]
fn legacy_pkcs7_subfilter_verifies_with_signing_time() {
    let p = pki();
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9));
    opts.sub_filter = vanthu_signature::SubFilter::Pkcs7Detached;
    let signed = vanthu_signature::sign_pdf(
        &base(),
        &opts,
        &p.person_key,
        &p.person,
        std::slice::from_ref(&p.ca),
    )
    .unwrap();
    let r = verify(&signed);
    assert_eq!(
        r.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[0].checks
    );
    assert_eq!(
        r.signatures[0].sub_filter.as_deref(),
        Some("adbe.pkcs7.detached")
    );
    assert_eq!(
        r.signatures[0].signing_time.unwrap().to_rfc3339(),
        "2025-06-02T09:00:00+07:00"
    );
}

#[test]
fn visible_signatures_report_their_widget_and_seal_overlap() {
    let p = pki();
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9));
    opts.appearance = Some(vanthu_signature::Appearance::new(
        0,
        [300.0, 100.0, 450.0, 160.0],
        vec!["Nguyen Van An".into()],
    ));
    let one = vanthu_signature::sign_pdf(
        &base(),
        &opts,
        &p.person_key,
        &p.person,
        std::slice::from_ref(&p.ca),
    )
    .unwrap();
    // The seal far from the person's signature: a warning, not a change of verdict.
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 10));
    opts.appearance = Some(vanthu_signature::Appearance::new(
        0,
        [100.0, 100.0, 200.0, 160.0],
        vec!["SO Y TE".into()],
    ));
    let two =
        vanthu_signature::sign_pdf(&one, &opts, &p.org_key, &p.org, std::slice::from_ref(&p.ca))
            .unwrap();
    let r = verify(&two);
    assert_eq!(r.legal_value, LegalValue::Original, "{r:#?}");
    let w = r.signatures[0].widget.as_ref().unwrap();
    assert_eq!(w.page_index, Some(0));
    assert_eq!(w.rect, Some([300.0, 100.0, 450.0, 160.0]));
    assert!(w.has_appearance);
    assert!(r.findings.iter().any(|f| f.rule == "VN-SEAL-OVERLAP"));
}

#[test]
fn two_step_api_with_an_external_signer() {
    let p = pki();
    let prepared = vanthu_signature::prepare(
        &base(),
        &vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9)),
    )
    .unwrap();
    let attrs = prepared
        .signed_attributes(&p.person, vanthu_signature::DigestAlgorithm::Sha256)
        .unwrap();
    // The "token" signs the attribute bytes.
    let (alg, sig) = p.person_key.sign(attrs.to_be_signed()).unwrap();
    let signed = prepared
        .finish(&p.person, std::slice::from_ref(&p.ca), attrs, alg, &sig)
        .unwrap();
    assert_eq!(
        verify(&signed).signatures[0].indication,
        Indication::TotalPassed
    );
}

#[test]
fn compressed_pdf_with_object_and_xref_streams() {
    let p = pki();
    let base = vanthu_signature::testpki::sample_pdf_compressed();
    let found = vanthu_signature::locate(&base, &vanthu_signature::Limits::default()).unwrap();
    assert!(found.unparsed.is_empty(), "{:?}", found.unparsed);
    let one = sign(&base, &p.person_key, &p.person, 9);
    let two = sign(&one, &p.org_key, &p.org, 10);
    let r = verify(&two);
    assert!(
        r.signatures
            .iter()
            .all(|s| s.indication == Indication::TotalPassed),
        "{r:#?}"
    );
    assert_eq!(r.legal_value, LegalValue::Original);
    // The page, compressed in the first revision, gained the widget: allowed.
    assert!(
        r.signatures[0]
            .modifications
            .iter()
            .any(|m| m.kind == vanthu_signature::ModificationKind::AnnotationsExtended)
    );
}

#[test]
fn signature_time_stamp_gives_the_signing_time() {
    let gen_time = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 6, 2, 2, 0, 5).unwrap();
    let pdf = sign_bt(
        vanthu_signature::SubFilter::CadesDetached,
        vn(2025, 6, 2, 9),
        gen_time,
    );
    let r = verify(&pdf);
    let sig = &r.signatures[0];
    assert_eq!(sig.indication, Indication::TotalPassed, "{:#?}", sig.checks);
    assert!(
        sig.checks
            .iter()
            .any(|c| c.id == CheckId::SignatureTimeStamp && c.outcome == Outcome::Passed),
        "{:#?}",
        sig.checks
    );
    assert_eq!(
        sig.signing_time.unwrap().to_rfc3339(),
        "2025-06-02T09:00:05+07:00"
    );
    // The time-stamp is a proof of existence: after the signer's certificate
    // expired (2027), the signature still validates at the time-stamp's time.
    let r = verify_at(&pdf, &store(), utc(2028, 6, 1));
    assert_eq!(
        r.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[0].checks
    );
    // Without a time-stamp it does not.
    assert_eq!(
        verify_at(&person_then_org(), &store(), utc(2028, 6, 1)).signatures[0].sub_indication,
        Some(SubIndication::OutOfBoundsNoPoe)
    );
    // An untrusted TSA: a warning, the time falls back to the claim.
    let r = verify_at(&pdf, &TrustStore::new(), utc(2025, 6, 3));
    assert!(
        r.signatures[0]
            .checks
            .iter()
            .any(|c| c.id == CheckId::SignatureTimeStamp && c.outcome == Outcome::Warning)
    );
}

#[test]
fn plus_seven_hours_signing_time_quirk_is_reported() {
    // The tool wrote Vietnam local time (09:00) into signingTime labelled UTC;
    // the TSA says 02:00 UTC.
    let local_as_utc =
        chrono::TimeZone::with_ymd_and_hms(&FixedOffset::east_opt(0).unwrap(), 2025, 6, 2, 9, 0, 0)
            .unwrap();
    let gen_time = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 6, 2, 2, 0, 0).unwrap();
    let pdf = sign_bt(
        vanthu_signature::SubFilter::Pkcs7Detached,
        local_as_utc,
        gen_time,
    );
    let r = verify(&pdf);
    assert_eq!(
        r.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[0].checks
    );
    assert!(
        r.findings.iter().any(|f| f.rule == "VN-SIG-TIME-PLUS7"),
        "{:#?}",
        r.findings
    );
    // Without the quirk: no warning.
    let fine = sign_bt(
        vanthu_signature::SubFilter::Pkcs7Detached,
        vn(2025, 6, 2, 9),
        gen_time,
    );
    assert!(
        !verify(&fine)
            .findings
            .iter()
            .any(|f| f.rule == "VN-SIG-TIME-PLUS7")
    );
}

#[test]
fn document_time_stamp_after_both_signatures() {
    let (tsa_key, tsa_cert) = tsa();
    let pdf = person_then_org();
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 11));
    opts.sub_filter = vanthu_signature::SubFilter::DocTimeStamp;
    let prepared = vanthu_signature::prepare(&pdf, &opts).unwrap();
    let gen_time = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 6, 2, 4, 0, 0).unwrap();
    let token = vanthu_signature::testpki::time_stamp_token(
        &prepared.signed_bytes(),
        gen_time,
        tsa_key,
        tsa_cert,
    )
    .unwrap();
    let stamped = prepared.insert_cms(&token).unwrap();
    // The token carries only the TSA's certificate: the caller supplies the intermediate.
    let mut trust = store();
    trust.add_intermediate(pki().ca.clone());
    let r = verify_at(&stamped, &trust, utc(2025, 6, 3));
    assert_eq!(r.signatures.len(), 3);
    let ts = &r.signatures[2];
    assert_eq!(ts.kind, vanthu_signature::SignatureKind::DocTimeStamp);
    assert_eq!(ts.role, Role::TimeStamp);
    assert_eq!(ts.indication, Indication::TotalPassed, "{:#?}", ts.checks);
    assert!(
        ts.checks
            .iter()
            .any(|c| c.id == CheckId::MessageImprint && c.outcome == Outcome::Passed)
    );
    assert_eq!(
        ts.signing_time.unwrap().to_rfc3339(),
        "2025-06-02T11:00:00+07:00"
    );
    // The time-stamp's update is allowed after the agency signature; still original.
    assert!(
        r.signatures[..2]
            .iter()
            .all(|s| s.indication == Indication::TotalPassed)
    );
    assert_eq!(r.legal_value, LegalValue::Original);
    // A token over other bytes: the imprint does not match.
    let prepared = vanthu_signature::prepare(&pdf, &opts).unwrap();
    let wrong =
        vanthu_signature::testpki::time_stamp_token(b"other bytes", gen_time, tsa_key, tsa_cert)
            .unwrap();
    let r = verify(&prepared.insert_cms(&wrong).unwrap());
    assert_eq!(
        r.signatures[2].sub_indication,
        Some(SubIndication::HashFailure)
    );
    assert_eq!(r.legal_value, LegalValue::Invalid);
}

#[test]
fn revocation_by_a_supplied_crl() {
    let p = pki();
    let pdf = person_then_org();
    // The person's certificate (serial 10) revoked on 2025-06-01, before the validation time.
    let crl = vanthu_signature::testpki::issue_crl(
        &p.ca,
        &p.ca_key,
        &[(10, utc(2025, 6, 1))],
        utc(2025, 6, 1),
    )
    .unwrap();
    let mut trust = store();
    trust.add_crl_der(&crl).unwrap();
    // The root's CRL, for the intermediate CA: every certificate below the anchor is checked.
    let root_crl =
        vanthu_signature::testpki::issue_crl(&p.root, &p.root_key, &[], utc(2025, 6, 1)).unwrap();
    trust.add_crl_der(&root_crl).unwrap();
    let r = verify_at(&pdf, &trust, utc(2025, 6, 3));
    assert_eq!(r.signatures[0].indication, Indication::TotalFailed);
    assert_eq!(r.signatures[0].sub_indication, Some(SubIndication::Revoked));
    assert!(
        r.signatures[1]
            .checks
            .iter()
            .any(|c| c.id == CheckId::Revocation && c.outcome == Outcome::Passed)
    );
    assert_eq!(r.legal_value, LegalValue::Invalid);
    // Validated at a time before the revocation: not revoked then.
    let r = verify_at(
        &pdf,
        &trust,
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 5, 30, 0, 0, 0).unwrap(),
    );
    assert_eq!(
        r.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[0].checks
    );
    // A CRL signed by someone else is ignored.
    let forged = vanthu_signature::testpki::issue_crl(
        &p.ca,
        &p.person_key,
        &[(10, utc(2025, 6, 1))],
        utc(2025, 6, 1),
    )
    .unwrap();
    let mut trust = store();
    trust.add_crl_der(&forged).unwrap();
    let r = verify_at(&pdf, &trust, utc(2025, 6, 3));
    assert_eq!(r.signatures[0].indication, Indication::TotalPassed);
}

/// A small RGBA PNG: a red disc on a transparent square (a seal stand-in).
pub(crate) fn seal_png() -> Vec<u8> {
    let (w, h) = (16u32, 16u32);
    let mut data = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let inside = (x as i32 - 8).pow(2) + (y as i32 - 8).pow(2) < 49;
            data.extend_from_slice(&[220, 0, 0, if inside { 255 } else { 0 }]);
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header().unwrap().write_image_data(&data).unwrap();
    out
}

#[test]
fn visible_signature_with_seal_image_over_a_third_of_the_person() {
    let p = pki();
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9));
    opts.appearance = Some(vanthu_signature::Appearance::new(
        0,
        [300.0, 100.0, 450.0, 160.0],
        vec!["Giám đốc Nguyễn Văn An".into()],
    ));
    let one = vanthu_signature::sign_pdf(
        &base(),
        &opts,
        &p.person_key,
        &p.person,
        std::slice::from_ref(&p.ca),
    )
    .unwrap();
    assert!(
        one.windows(22).any(|w| w == b"(Giam doc Nguyen Van A"),
        "diacritics are dropped for the standard font"
    );
    // The seal covers the left third of the person's box.
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 10));
    opts.appearance = Some(
        vanthu_signature::Appearance::new(0, [250.0, 90.0, 350.0, 170.0], vec![])
            .with_image(seal_png()),
    );
    let two =
        vanthu_signature::sign_pdf(&one, &opts, &p.org_key, &p.org, std::slice::from_ref(&p.ca))
            .unwrap();
    let r = verify(&two);
    assert_eq!(r.legal_value, LegalValue::Original, "{r:#?}");
    let w = r.signatures[1].widget.as_ref().unwrap();
    assert!(w.has_image);
    assert!(!r.signatures[0].widget.as_ref().unwrap().has_image);
    assert!(
        !r.findings.iter().any(|f| f.rule == "VN-SEAL-OVERLAP"),
        "{:#?}",
        r.findings
    );
    // On an attachment, the agency's image is against the rules (a warning).
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 10));
    opts.appearance = Some(
        vanthu_signature::Appearance::new(0, [400.0, 760.0, 580.0, 820.0], vec![])
            .with_image(seal_png()),
    );
    let attachment = vanthu_signature::sign_pdf(
        &base(),
        &opts,
        &p.org_key,
        &p.org,
        std::slice::from_ref(&p.ca),
    )
    .unwrap();
    let mut vo = VerifyOptions::new(utc(2025, 6, 3));
    vo.form = vanthu_signature::SignedForm::Attachment;
    let r = verify_pdf(&attachment, &store(), &vo).unwrap();
    assert_eq!(r.legal_value, LegalValue::Original);
    assert!(r.findings.iter().any(|f| f.rule == "VN-ATTACH-IMAGE"));
    assert!(
        !r.findings.iter().any(|f| f.rule == "VN-ATTACH-POSITION"),
        "top right of page 1: {:#?}",
        r.findings
    );
    // A broken PNG is an error, not a panic.
    let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 10));
    opts.appearance = Some(
        vanthu_signature::Appearance::new(0, [0.0, 0.0, 10.0, 10.0], vec![])
            .with_image(b"\x89PNG broken".to_vec()),
    );
    assert!(vanthu_signature::sign_pdf(&base(), &opts, &p.org_key, &p.org, &[]).is_err());
}

#[test]
fn time_stamp_from_a_non_tsa_certificate_is_not_a_proof_of_time() {
    let p = pki();
    let gen_time = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 6, 2, 2, 0, 5).unwrap();
    let prepared = vanthu_signature::prepare(
        &base(),
        &vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9)),
    )
    .unwrap();
    let attrs = prepared
        .signed_attributes(&p.person, vanthu_signature::DigestAlgorithm::Sha256)
        .unwrap();
    let (alg, sig) = p.person_key.sign(attrs.to_be_signed()).unwrap();
    // The agency's signing certificate pretends to be a TSA.
    let token =
        vanthu_signature::testpki::time_stamp_token(&sig, gen_time, &p.org_key, &p.org).unwrap();
    let pdf = prepared
        .finish_with_time_stamp(
            &p.person,
            std::slice::from_ref(&p.ca),
            attrs,
            alg,
            &sig,
            &token,
        )
        .unwrap();
    let r = verify(&pdf);
    assert_eq!(r.signatures[0].indication, Indication::TotalPassed);
    assert!(
        r.signatures[0]
            .checks
            .iter()
            .any(|c| c.id == CheckId::SignatureTimeStamp && c.outcome == Outcome::Warning)
    );
    assert_eq!(
        r.signatures[0].signing_time.unwrap().to_rfc3339(),
        "2025-06-02T09:00:00+07:00"
    );
}

#[test]
fn certification_signatures_follow_their_docmdp_permission() {
    let p = pki();
    for (permission, later_allowed) in [(1u8, false), (2, true)] {
        let mut opts = vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9));
        opts.certify = Some(permission);
        let one = vanthu_signature::sign_pdf(
            &base(),
            &opts,
            &p.person_key,
            &p.person,
            std::slice::from_ref(&p.ca),
        )
        .unwrap();
        let r = verify(&one);
        assert_eq!(
            r.signatures[0].indication,
            Indication::TotalPassed,
            "P={permission}: {:#?}",
            r.signatures[0].checks
        );
        let found = vanthu_signature::locate(&one, &vanthu_signature::Limits::default()).unwrap();
        assert_eq!(found.signatures[0].docmdp, Some(permission));
        let two = sign(&one, &p.org_key, &p.org, 10);
        let r = verify(&two);
        assert_eq!(r.signatures[1].indication, Indication::TotalPassed);
        if later_allowed {
            assert_eq!(
                r.signatures[0].indication,
                Indication::TotalPassed,
                "{:#?}",
                r.signatures[0].checks
            );
            assert_eq!(r.legal_value, LegalValue::Original);
        } else {
            assert_eq!(
                r.signatures[0].indication,
                Indication::TotalFailed,
                "P=1 permits no later signature"
            );
            assert_eq!(r.legal_value, LegalValue::Invalid);
        }
    }
}

#[test]
fn signing_with_an_expired_certificate_is_refused() {
    let p = pki();
    let opts = vanthu_signature::SignOptions::new(vn(2028, 1, 2, 9));
    let err =
        vanthu_signature::sign_pdf(&base(), &opts, &p.person_key, &p.person, &[]).unwrap_err();
    assert!(
        err.to_string().contains("not valid at the signing time"),
        "{err}"
    );
}

/// An RSA signer under the test CA, made once.
pub(crate) fn rsa_signer() -> &'static (vanthu_signature::SigningKey, vanthu_signature::Certificate)
{
    static RSA: std::sync::OnceLock<(vanthu_signature::SigningKey, vanthu_signature::Certificate)> =
        std::sync::OnceLock::new();
    RSA.get_or_init(|| {
        let p = pki();
        let key = generate_key(KeyKind::Rsa2048).unwrap();
        let cert = issue(
            &Profile::leaf(
                vec![("CN", s("RSA PSS")), ("UID", s("CCCD:4"))],
                60,
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

/// Signs `pdf` with RSASSA-PSS.
pub(crate) fn sign_pss(pdf: &[u8]) -> Vec<u8> {
    let p = pki();
    let (key, cert) = rsa_signer();
    let prepared =
        vanthu_signature::prepare(pdf, &vanthu_signature::SignOptions::new(vn(2025, 6, 2, 9)))
            .unwrap();
    let attrs = prepared
        .signed_attributes(cert, vanthu_signature::DigestAlgorithm::Sha256)
        .unwrap();
    let (alg, sig) = key
        .sign_pss(attrs.to_be_signed(), &mut rand_core::OsRng)
        .unwrap();
    prepared
        .finish(cert, std::slice::from_ref(&p.ca), attrs, alg, &sig)
        .unwrap()
}

#[test]
fn rsassa_pss_signatures_verify() {
    let pdf = sign_pss(&base());
    let r = verify(&pdf);
    assert_eq!(
        r.signatures[0].indication,
        Indication::TotalPassed,
        "{:#?}",
        r.signatures[0].checks
    );
    // PSS with an EC key is refused.
    assert!(
        pki()
            .person_key
            .sign_pss(b"x", &mut rand_core::OsRng)
            .is_err()
    );
}
