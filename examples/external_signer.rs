//! Sign a PDF with a key that never leaves its device (USB token, HSM, remote
//! signing service): prepare the PDF, hand the bytes to be signed to the
//! signer, then finish with the signature value it returns.
//!
//! `cargo run -p vanthu-examples --example external_signer`

use std::error::Error;

use chrono::TimeZone as _;
use vanthu_examples::{TestCa, new_year};
use vanthu_signature::testpki::sample_pdf;
use vanthu_signature::{LegalValue, SignOptions, TrustStore, VerifyOptions, prepare, verify_pdf};

fn main() -> Result<(), Box<dyn Error>> {
    // TEST ONLY: the "device" is a software key from a throw-away PKI.
    let mut ca = TestCa::new()?;
    let (certificate, token_key) = ca.signer("Tran Thi Binh", "CCCD:001099054321")?;

    // Step 1, on the server: append the signature field and an empty
    // /Contents placeholder, then build the CMS signed attributes.
    let vietnam = vanthu_identifiers::VIETNAM;
    let mut options = SignOptions::new(
        vietnam
            .with_ymd_and_hms(2025, 6, 2, 9, 0, 0)
            .single()
            .ok_or("time")?,
    );
    options.reason = Some("Ký duyệt".to_owned());
    let prepared = prepare(&sample_pdf(1, 0), &options)?;
    let attributes = prepared.signed_attributes(&certificate, token_key.digest())?;

    // Step 2, on the device: sign these bytes (a remote signer that signs a
    // hash gets `attributes.digest(..)` instead). Here the software key
    // stands in for the token; it returns the algorithm and the value.
    let to_be_signed: &[u8] = attributes.to_be_signed();
    let (algorithm, signature) = token_key.sign(to_be_signed)?;

    // Step 3, back on the server: put the CMS into the placeholder.
    let signed = prepared.finish(&certificate, &[], attributes, algorithm, &signature)?;

    let mut trust = TrustStore::new();
    trust.add_anchor(ca.root);
    let report = verify_pdf(&signed, &trust, &VerifyOptions::new(new_year(2026)?))?;
    let first = report.signatures.first().ok_or("no signature")?;
    println!(
        "signature: {} [{}], legal value {:?}",
        first.indication,
        first.role.as_str(),
        report.legal_value
    );
    // One person's signature alone is for reference only: the agency must sign too.
    assert_eq!(report.legal_value, LegalValue::ReferenceOnly);
    Ok(())
}

#[test]
fn runs() -> Result<(), Box<dyn Error>> {
    main()
}
