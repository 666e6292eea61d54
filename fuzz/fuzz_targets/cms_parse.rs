//! The CMS parser (BER → DER normaliser, SignedData decoding, zero padding) on
//! arbitrary bytes: never a panic. Seeds: `fuzz/corpus/cms_parse/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vanthu_signature::{ber_to_der, parse_cms};

fuzz_target!(|data: &[u8]| {
    if let Ok((der, end)) = ber_to_der(data) {
        // The DER form is never longer than needed and re-converts to itself.
        assert!(end <= data.len());
        if let Ok((again, _)) = ber_to_der(&der) {
            assert_eq!(again, der);
        }
    }
    if let Ok(cms) = parse_cms(data) {
        let _ = cms.signing_time();
        let _ = cms.certificates().len();
        let _ = cms.format_checks();
    }
});
