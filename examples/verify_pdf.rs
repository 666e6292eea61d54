//! Verify a signed PDF and get its legal value: `original` only when the
//! competent person signed and then the agency signed, with certificates that
//! chain to a trusted root (Nghị định 30/2020/NĐ-CP Điều 5; Quyết định
//! 3760/QĐ-UBND (TP.HCM, 2021) Điều 4; Quy chế văn bản điện tử (tỉnh Nam Định,
//! 2021) Điều 3 and Điều 17 khoản 4 điểm c).
//!
//! `cargo run -p vanthu-examples --example verify_pdf`

use std::error::Error;

use chrono::TimeZone as _;
use vanthu_examples::{TestCa, new_year};
use vanthu_signature::testpki::sample_pdf;
use vanthu_signature::{LegalValue, SignOptions, TrustStore, VerifyOptions, sign_pdf, verify_pdf};

fn main() -> Result<(), Box<dyn Error>> {
    // TEST ONLY: a throw-away PKI, so that the example runs anywhere. In
    // production the anchors are the public VGCA / National Root CA
    // certificates, and the PDF comes from the sender.
    let mut ca = TestCa::new()?;
    // A personal identity number (CCCD) in the UID makes the signer a person…
    let (person, person_key) = ca.signer("Nguyen Van An", "CCCD:001099012345")?;
    // …and a tax code (MST) an organisation.
    let (agency, agency_key) = ca.signer("SO Y TE", "MST:0400260612")?;
    let vietnam = vanthu_identifiers::VIETNAM;
    let at = vietnam
        .with_ymd_and_hms(2025, 6, 2, 9, 0, 0)
        .single()
        .ok_or("time")?;
    let person_only = sign_pdf(
        &sample_pdf(1, 0),
        &SignOptions::new(at),
        &person_key,
        &person,
        &[],
    )?;
    let both = sign_pdf(
        &person_only,
        &SignOptions::new(at),
        &agency_key,
        &agency,
        &[],
    )?;

    // The verifier: trust anchors and the validation time are parameters.
    let mut trust = TrustStore::new();
    trust.add_anchor(ca.root);
    let options = VerifyOptions::new(new_year(2026)?);
    for (name, pdf) in [("person only", &person_only), ("person + agency", &both)] {
        let report = verify_pdf(pdf, &trust, &options)?;
        println!("{name}: legal value {:?}", report.legal_value);
        for signature in &report.signatures {
            // Each signature has an ETSI EN 319 102-1 indication and named checks.
            println!(
                "  {} {} [{}]",
                signature.indication,
                signature.role.as_str(),
                signature.coverage.as_str()
            );
        }
        for finding in &report.findings {
            println!("  {finding}");
        }
    }
    assert_eq!(
        verify_pdf(&person_only, &trust, &options)?.legal_value,
        LegalValue::ReferenceOnly
    );
    assert_eq!(
        verify_pdf(&both, &trust, &options)?.legal_value,
        LegalValue::Original
    );
    Ok(())
}

#[test]
fn runs() -> Result<(), Box<dyn Error>> {
    main()
}
