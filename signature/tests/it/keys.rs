//! Keys as people have them: PKCS #8, SEC1 and PKCS #1, PEM or DER; and a key
//! that does not match the certificate, refused before anything is written.

use pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rsa::pkcs1::EncodeRsaPrivateKey;
use vanthu_signature::{
    DigestAlgorithm, ErrorKind, Indication, SignOptions, SigningKey, prepare, sign_pdf,
};

use crate::common::{base, pki, verify, vn};
use crate::roundtrip::rsa_signer;

fn options() -> SignOptions {
    SignOptions::new(vn(2025, 6, 2, 9))
}

fn is_mismatch(e: &vanthu_signature::Error) -> bool {
    matches!(e.kind(), ErrorKind::KeyMismatch(_)) && e.code() == "SIG-E-KEY-MISMATCH"
}

/// Signs the base document with `key` as the person and verifies it.
fn signs_as_person(key: &SigningKey) -> Indication {
    let p = pki();
    let pdf = sign_pdf(
        &base(),
        &options(),
        key,
        &p.person,
        std::slice::from_ref(&p.ca),
    )
    .unwrap();
    verify(&pdf).signatures[0].indication
}

#[test]
fn a_key_of_another_certificate_is_refused_before_signing() {
    let p = pki();
    // The agency's key with the person's certificate: same curve, another key.
    let e = sign_pdf(
        &base(),
        &options(),
        &p.org_key,
        &p.person,
        std::slice::from_ref(&p.ca),
    )
    .unwrap_err();
    assert!(is_mismatch(&e), "{e:?}");
    assert!(
        e.to_string()
            .contains("the key does not match the certificate")
    );
    assert!(p.org_key.check_certificate(&p.person).is_err());
    // The right pairs are accepted.
    p.person_key.check_certificate(&p.person).unwrap();
    p.org_key.check_certificate(&p.org).unwrap();
}

#[test]
fn an_ec_key_with_an_rsa_certificate_and_the_reverse_are_refused() {
    let p = pki();
    let (rsa_key, rsa_cert) = rsa_signer();
    let e = sign_pdf(&base(), &options(), &p.person_key, rsa_cert, &[]).unwrap_err();
    assert!(is_mismatch(&e), "{e:?}");
    assert!(
        e.to_string().contains("EC key with the RSA certificate"),
        "{e}"
    );
    let e = sign_pdf(&base(), &options(), rsa_key, &p.person, &[]).unwrap_err();
    assert!(is_mismatch(&e), "{e:?}");
    rsa_key.check_certificate(rsa_cert).unwrap();
    // A P-384 key (the root's curve) with a P-256 certificate.
    let p384 =
        vanthu_signature::testpki::generate_key(vanthu_signature::testpki::KeyKind::P384).unwrap();
    assert!(is_mismatch(&p384.check_certificate(&p.person).unwrap_err()));
}

#[test]
fn the_two_step_api_refuses_a_signature_value_by_another_key() {
    let p = pki();
    let prepared = prepare(&base(), &options()).unwrap();
    let attrs = prepared
        .signed_attributes(&p.person, DigestAlgorithm::Sha256)
        .unwrap();
    // Signed by the agency's key, claimed for the person's certificate.
    let (alg, sig) = p.org_key.sign(attrs.to_be_signed()).unwrap();
    let e = prepared
        .clone()
        .finish(&p.person, &[], attrs.clone(), alg, &sig)
        .unwrap_err();
    assert!(is_mismatch(&e), "{e:?}");
    // The person's own signature goes through and verifies.
    let (alg, sig) = p.person_key.sign(attrs.to_be_signed()).unwrap();
    let pdf = prepared
        .finish(&p.person, std::slice::from_ref(&p.ca), attrs, alg, &sig)
        .unwrap();
    assert_eq!(
        verify(&pdf).signatures[0].indication,
        Indication::TotalPassed
    );
}

#[test]
fn sec1_keys_are_read_in_pem_and_der() {
    let p = pki();
    let pkcs8 = p.person_key.to_pkcs8_der().unwrap();
    let secret = p256::SecretKey::from_pkcs8_der(&pkcs8).unwrap();
    let der = secret.to_sec1_der().unwrap();
    let pem = secret.to_sec1_pem(LineEnding::LF).unwrap();
    assert!(pem.starts_with("-----BEGIN EC PRIVATE KEY-----"));
    // As `openssl ecparam -genkey` writes it: the curve's parameters first.
    let with_params = format!(
        "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n{}",
        &*pem
    );
    for bytes in [
        der.to_vec(),
        pem.as_bytes().to_vec(),
        with_params.into_bytes(),
    ] {
        let key = SigningKey::parse(&bytes).unwrap();
        assert!(matches!(key, SigningKey::P256(_)));
        assert_eq!(
            key.public_key_der().unwrap(),
            p.person_key.public_key_der().unwrap()
        );
        key.check_certificate(&p.person).unwrap();
    }
    // PKCS #8 only reads PKCS #8, and says where SEC1 is read.
    let e = SigningKey::from_pkcs8(&der).unwrap_err();
    assert!(e.to_string().contains("SigningKey::parse"), "{e}");
    assert_eq!(
        signs_as_person(&SigningKey::parse(pem.as_bytes()).unwrap()),
        Indication::TotalPassed
    );
    // A P-384 SEC1 key is read as P-384.
    let p384 =
        vanthu_signature::testpki::generate_key(vanthu_signature::testpki::KeyKind::P384).unwrap();
    let s384 = p384::SecretKey::from_pkcs8_der(&p384.to_pkcs8_der().unwrap()).unwrap();
    let key = SigningKey::parse(&s384.to_sec1_der().unwrap()).unwrap();
    assert!(matches!(key, SigningKey::P384(_)));
}

#[test]
fn pkcs1_rsa_keys_are_read_in_pem_and_der() {
    let (key, cert) = rsa_signer();
    let SigningKey::Rsa(rsa_key) = key else {
        panic!("not RSA");
    };
    let der = rsa_key.key().to_pkcs1_der().unwrap();
    let pem = rsa_key.key().to_pkcs1_pem(LineEnding::CRLF).unwrap();
    assert!(pem.starts_with("-----BEGIN RSA PRIVATE KEY-----"));
    for bytes in [der.as_bytes().to_vec(), pem.as_bytes().to_vec()] {
        let parsed = SigningKey::parse(&bytes).unwrap();
        assert!(matches!(parsed, SigningKey::Rsa(_)));
        parsed.check_certificate(cert).unwrap();
        // Same key, same (deterministic) PKCS #1 v1.5 signature.
        assert_eq!(parsed.sign(b"abc").unwrap(), key.sign(b"abc").unwrap());
    }
    // PKCS #8 PEM still reads.
    let p8 = rsa_key.key().to_pkcs8_pem(LineEnding::LF).unwrap();
    SigningKey::parse(p8.as_bytes())
        .unwrap()
        .check_certificate(cert)
        .unwrap();
}

#[test]
fn encrypted_and_foreign_keys_are_refused_with_a_reason() {
    let encrypted =
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n";
    let e = SigningKey::parse(encrypted.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("encrypted"), "{e}");
    let legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
    assert!(
        SigningKey::parse(legacy.as_bytes())
            .unwrap_err()
            .to_string()
            .contains("encrypted")
    );
    let cert_only = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    assert!(SigningKey::parse(cert_only.as_bytes()).is_err());
    assert!(SigningKey::parse(b"\x30\x03\x02\x01\x00").is_err());
    assert!(SigningKey::parse(b"").is_err());
}
