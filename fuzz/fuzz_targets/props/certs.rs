//! The property of the `certs` target: reading certificates (DER, or PEM
//! with any number of blocks), CRLs and OCSP responses never panics; every
//! certificate read reads back from its DER as itself, and its names,
//! serial, validity and policies can be asked for.

use vanthu::signature::{Certificate, TrustStore};

pub(crate) fn check(data: &[u8]) {
    if let Ok(certs) = Certificate::parse_all(data) {
        for cert in &certs {
            let again = Certificate::parse_all(cert.der()).expect("its DER reads back");
            assert_eq!(again.as_slice(), std::slice::from_ref(cert));
            let _ = (cert.subject(), cert.issuer(), cert.serial_hex());
            let _ = (cert.not_before(), cert.not_after(), cert.uids());
            let _ = (cert.common_name(), cert.organization(), cert.title());
            let _ = (cert.issuer_organization(), cert.issuer_common_name());
            let _ = (cert.policy_oids(), cert.is_time_stamping());
        }
    }
    let mut store = TrustStore::new();
    let _ = store.add_crl_der(data);
    let _ = store.add_ocsp_der(data);
}
