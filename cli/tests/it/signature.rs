//! `vanthu verify` and `vanthu sign` on a corpus made at run time with the test PKI.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{TimeZone, Utc};
use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue, sample_pdf};

use crate::{json, shared, succeeds, vanthu};

/// A fresh folder under the system temporary directory.
fn workdir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "vanthu-sig-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(v: &str) -> String {
    v.to_string()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

pub(crate) struct Files {
    pub(crate) dir: PathBuf,
    pub(crate) root: PathBuf,
    pub(crate) ca: PathBuf,
    person: (PathBuf, PathBuf),
    /// The agency (`UID=MST:…`): key, certificate.
    pub(crate) org: (PathBuf, PathBuf),
    /// An agency certificate without a `UID`: the agency's name only.
    agency: (PathBuf, PathBuf),
}

/// Writes a test PKI (root, sub-CA, person and agency keys and certificates) as DER files.
pub(crate) fn pki() -> Files {
    let dir = workdir();
    let t = |y| Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
    let root_key = generate_key(KeyKind::P256).unwrap();
    let root = issue(
        &Profile::ca(
            vec![("C", s("VN")), ("CN", s("TEST Root"))],
            1,
            t(2020),
            t(2040),
            None,
        ),
        &root_key,
        None,
    )
    .unwrap();
    let ca_key = generate_key(KeyKind::P256).unwrap();
    let ca = issue(
        &Profile::ca(
            vec![("C", s("VN")), ("CN", s("TEST CA"))],
            2,
            t(2020),
            t(2040),
            Some(0),
        ),
        &ca_key,
        Some((&root, &root_key)),
    )
    .unwrap();
    let write_signer = |name: &str, uid: &str, serial| {
        let key = generate_key(KeyKind::P256).unwrap();
        let mut subject = vec![("C", s("VN")), ("CN", s(name))];
        if !uid.is_empty() {
            subject.push(("UID", s(uid)));
        }
        let cert = issue(
            &Profile::leaf(subject, serial, t(2024), t(2027)),
            &key,
            Some((&ca, &ca_key)),
        )
        .unwrap();
        let kp = dir.join(format!("{serial}.key"));
        let cp = dir.join(format!("{serial}.crt"));
        std::fs::write(&kp, key.to_pkcs8_der().unwrap()).unwrap();
        std::fs::write(&cp, cert.der()).unwrap();
        (kp, cp)
    };
    let person = write_signer("Nguyen Van An", "CCCD:001099012345", 10);
    let org = write_signer("SO Y TE", "MST:0400260612", 11);
    let agency = write_signer("SỞ Y TẾ", "", 12);
    std::fs::write(dir.join("root.crt"), root.der()).unwrap();
    std::fs::write(dir.join("ca.crt"), ca.der()).unwrap();
    std::fs::write(dir.join("base.pdf"), sample_pdf(1, 0)).unwrap();
    Files {
        root: dir.join("root.crt"),
        ca: dir.join("ca.crt"),
        person,
        org,
        agency,
        dir,
    }
}

fn sign(
    f: &Files,
    input: &Path,
    signer: &(PathBuf, PathBuf),
    role: &str,
    out: &Path,
) -> std::process::Output {
    vanthu(
        &[
            "sign",
            p(input),
            "--key",
            p(&signer.0),
            "--cert",
            p(&signer.1),
            "--chain",
            p(&f.ca),
            "--role",
            role,
            "--at",
            "2025-06-02T09:00:00+07:00",
            "-o",
            p(out),
        ],
        b"",
    )
}

/// `base.pdf` signed by the person through the CLI, as `one.pdf`.
fn signed_by_person(f: &Files) -> PathBuf {
    let one = f.dir.join("one.pdf");
    let out = sign(f, &f.dir.join("base.pdf"), &f.person, "person", &one);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    one
}

/// #15 item 4: `verify --as digitised-copy` accepts the agency's signature
/// alone; the same file as a document is reference only.
#[test]
fn verify_as_a_digitised_copy() {
    let f = pki();
    let copy = f.dir.join("copy.pdf");
    let out = sign(&f, &f.dir.join("base.pdf"), &f.org, "organization", &copy);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let args = |form: &str| {
        vec![
            "verify".to_owned(),
            p(&copy).to_owned(),
            "--trust".to_owned(),
            p(&f.root).to_owned(),
            "--at".to_owned(),
            "2025-06-03".to_owned(),
            "--as".to_owned(),
            form.to_owned(),
        ]
    };
    let run = |extra: &[&str], form: &str| {
        let mut a = args(form);
        a.extend(extra.iter().map(|s| (*s).to_owned()));
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        vanthu(&a, b"")
    };
    let out = run(&["--json"], "digitised-copy");
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["legal_value"], "original");
    assert_eq!(v["form"], "digitised_copy");
    let out = run(&[], "digitised-copy");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("bản số hóa từ văn bản giấy"), "{text}");
    assert!(text.contains("[VN-LEGAL-DIGITISED-COPY]"), "{text}");
    let out = run(&["--json"], "document");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["legal_value"], "reference_only");
    let out = run(&[], "scan");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn sign_twice_then_verify_is_original() {
    let f = pki();
    let one = signed_by_person(&f);
    let two = f.dir.join("two.pdf");
    assert_eq!(
        sign(&f, &one, &f.org, "organization", &two).status.code(),
        Some(0)
    );
    let out = succeeds(&[
        "verify",
        p(&two),
        "--trust",
        p(&f.root),
        "--at",
        "2025-06-03",
        "--json",
    ]);
    let v = json(&out);
    assert_eq!(v["legal_value"], "original");
    let sigs = v["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 2);
    assert_eq!(sigs[0]["role"], "person");
    assert_eq!(sigs[1]["role"], "organization");
    assert_eq!(sigs[0]["indication"], "TOTAL_PASSED");
    assert_eq!(sigs[0]["coverage"], "entire_revision");
    assert_eq!(sigs[1]["coverage"], "entire_file");
    assert_eq!(sigs[0]["signing_time"], "2025-06-02T09:00:00+07:00");
    // No time-stamp: a basic PAdES signature, nothing proves when it existed.
    assert_eq!(sigs[0]["level"], "B-B");
    assert_eq!(sigs[0]["proven_at"], serde_json::Value::Null);
    assert!(
        sigs[0]["signer"]["subject"]
            .as_str()
            .unwrap()
            .contains("Nguyen Van An")
    );
    assert!(
        sigs[0]["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "MESSAGE_DIGEST" && c["outcome"] == "passed")
    );
    assert!(v["findings"].is_array());
    // A folder of trust certificates works too; human output names the verdict.
    let out = vanthu(
        &[
            "verify",
            p(&two),
            "--trust",
            p(&f.dir),
            "--at",
            "2025-06-03",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("legal value: original"), "{text}");
    assert!(text.contains("PAdES level / mức PAdES: B-B"), "{text}");
    // Times in messages are Vietnam time, as given.
    assert!(
        text.contains("every certificate is valid at 2025-06-03T00:00:00+07:00"),
        "{text}"
    );
    assert!(
        text.contains("không có dấu thời gian chứng minh thời điểm ký"),
        "{text}"
    );
    // One file of the folder that is not a certificate is skipped, named in a
    // warning; the others still verify the document.
    let folder = f.dir.join("anchors");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(&f.root, folder.join("root.crt")).unwrap();
    std::fs::write(
        folder.join("broken.pem"),
        "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    for command in [&["verify", p(&two)][..], &["check", p(&two)][..]] {
        let mut argv = command.to_vec();
        argv.extend(["--trust", p(&folder), "--at", "2025-06-03"]);
        let out = vanthu(&argv, b"");
        assert_eq!(out.status.code(), Some(0), "{argv:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("CHECK-TRUST-001") && err.contains("broken.pem"),
            "{err}"
        );
    }
    // The same file named directly is an error: the caller asked for it.
    let out = vanthu(
        &["verify", p(&two), "--trust", p(&folder.join("broken.pem"))],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn role_policy_from_a_file() {
    let f = pki();
    let one = signed_by_person(&f);
    let two = f.dir.join("two.pdf");
    // An agency certificate without a UID, from a CA the default policy does
    // not know: refused as an organisation...
    let out = sign(&f, &one, &f.agency, "organization", &two);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown"));
    // ... until the deployment names its CA as an issuer of agency certificates.
    let policy = f.dir.join("roles.json");
    std::fs::write(&policy, r#"{"agency_issuers": ["TEST CA"]}"#).unwrap();
    let argv: Vec<String> = [
        "sign",
        p(&one),
        "--key",
        p(&f.agency.0),
        "--cert",
        p(&f.agency.1),
        "--chain",
        p(&f.ca),
        "--role",
        "organization",
        "--roles",
        p(&policy),
        "--at",
        "2025-06-02T10:00:00+07:00",
        "-o",
        p(&two),
    ]
    .map(str::to_owned)
    .to_vec();
    assert_eq!(
        vanthu(&argv.iter().map(String::as_str).collect::<Vec<_>>(), b"")
            .status
            .code(),
        Some(0)
    );
    let verify = |roles: Option<&Path>| {
        let mut argv: Vec<String> = [
            "verify",
            p(&two),
            "--trust",
            p(&f.root),
            "--at",
            "2025-06-03",
            "--json",
        ]
        .map(str::to_owned)
        .to_vec();
        if let Some(r) = roles {
            argv.extend(["--roles".to_owned(), p(r).to_owned()]);
        }
        vanthu(&argv.iter().map(String::as_str).collect::<Vec<_>>(), b"")
    };
    let out = verify(Some(&policy));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["signatures"][1]["role"], "organization");
    let out = verify(None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["signatures"][1]["role"], "unknown");
    // A policy that is not valid JSON is a usage error.
    std::fs::write(&policy, "{").unwrap();
    assert_eq!(verify(Some(&policy)).status.code(), Some(2));
}

#[test]
fn not_original_exits_1_and_unreadable_exits_2() {
    let f = pki();
    let one = signed_by_person(&f);
    // Person only: reference only.
    let out = vanthu(
        &[
            "verify",
            p(&one),
            "--trust",
            p(&f.root),
            "--at",
            "2025-06-03",
            "--json",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["legal_value"], "reference_only");
    // Untrusted.
    let out = vanthu(&["verify", p(&one), "--at", "2025-06-03", "--json"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        json(&out)["signatures"][0]["sub_indication"],
        "NO_CERTIFICATE_CHAIN_FOUND"
    );
    // Tampered: invalid.
    let mut bytes = std::fs::read(&one).unwrap();
    let at = bytes.windows(8).position(|w| w == b"CONG HOA").unwrap();
    bytes[at] = b'K';
    let out = vanthu(
        &[
            "verify",
            "-",
            "--trust",
            p(&f.root),
            "--at",
            "2025-06-03",
            "--json",
        ],
        &bytes,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["legal_value"], "invalid");
    // Not a PDF.
    assert_eq!(vanthu(&["verify", "-"], b"hello").status.code(), Some(2));
    // Cut off in the middle of the signing update: damaged, not "unsigned".
    let signed = std::fs::read(&one).unwrap();
    let base_len = std::fs::metadata(f.dir.join("base.pdf")).unwrap().len();
    let cut = usize::try_from(base_len).unwrap()
        + (signed.len() - usize::try_from(base_len).unwrap()) / 3;
    let out = vanthu(&["verify", "-", "--trust", p(&f.root)], &signed[..cut]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("truncated or damaged"), "{err}");
}

#[test]
fn sign_refuses_the_wrong_role_and_a_bad_key() {
    let f = pki();
    let out = sign(
        &f,
        &f.dir.join("base.pdf"),
        &f.person,
        "organization",
        &f.dir.join("x.pdf"),
    );
    assert_eq!(out.status.code(), Some(2));
    let bad = (f.person.1.clone(), f.person.1.clone());
    assert_eq!(
        sign(
            &f,
            &f.dir.join("base.pdf"),
            &bad,
            "person",
            &f.dir.join("y.pdf")
        )
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn real_trust_anchors_load() {
    let Some(shared) = shared() else {
        eprintln!("note: ../shared not found; skipping");
        return;
    };
    let f = pki();
    let one = signed_by_person(&f);
    let out = vanthu(
        &[
            "verify",
            p(&one),
            "--trust",
            p(&shared.join("fixtures/trust-anchors")),
            "--at",
            "2025-06-03",
            "--json",
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        json(&out)["signatures"][0]["sub_indication"],
        "NO_CERTIFICATE_CHAIN_FOUND"
    );
}

#[test]
fn visible_signature_from_the_command_line() {
    let f = pki();
    let one = f.dir.join("visible.pdf");
    succeeds(&[
        "sign",
        p(&f.dir.join("base.pdf")),
        "--key",
        p(&f.org.0),
        "--cert",
        p(&f.org.1),
        "--chain",
        p(&f.ca),
        "--at",
        "2025-06-02T09:00:00+07:00",
        "--rect",
        "400,760,580,820",
        "--text",
        "Số: 12/UBND-VX",
        "--text",
        "2025-06-02T09:00:00+07:00",
        "-o",
        p(&one),
    ]);
    let out = succeeds(&[
        "verify",
        p(&one),
        "--trust",
        p(&f.root),
        "--at",
        "2025-06-03",
        "--attachment",
        "--json",
    ]);
    let v = json(&out);
    assert_eq!(v["legal_value"], "original");
    assert_eq!(v["signatures"][0]["widget"]["page_index"], 0);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "VN-ATTACH-POSITION")
    );
    // --text without --rect is a usage error.
    let out = vanthu(
        &[
            "sign",
            p(&f.dir.join("base.pdf")),
            "--key",
            p(&f.org.0),
            "--cert",
            p(&f.org.1),
            "--text",
            "x",
            "-o",
            p(&f.dir.join("z.pdf")),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn verify_takes_crls() {
    let f = pki();
    let one = signed_by_person(&f);
    // Not a CRL: unreadable input.
    let out = vanthu(
        &[
            "verify",
            p(&one),
            "--trust",
            p(&f.root),
            "--crl",
            p(&f.root),
            "--at",
            "2025-06-03",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn pss_needs_an_rsa_key() {
    let f = pki();
    let out = vanthu(
        &[
            "sign",
            p(&f.dir.join("base.pdf")),
            "--key",
            p(&f.person.0),
            "--cert",
            p(&f.person.1),
            "--pss",
            "--at",
            "2025-06-02T09:00:00+07:00",
            "-o",
            p(&f.dir.join("pss.pdf")),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RSASSA-PSS needs an RSA key"));
}

#[test]
fn pss_signature_from_the_command_line() {
    let dir = workdir();
    let t = |y| Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
    let key = generate_key(KeyKind::Rsa2048).unwrap();
    // A self-signed signer trusted directly.
    let cert = issue(
        &Profile::leaf(
            vec![("CN", s("RSA signer")), ("UID", s("CCCD:5"))],
            7,
            t(2024),
            t(2027),
        ),
        &key,
        None,
    )
    .unwrap();
    std::fs::write(dir.join("k.der"), key.to_pkcs8_der().unwrap()).unwrap();
    std::fs::write(dir.join("c.der"), cert.der()).unwrap();
    std::fs::write(dir.join("base.pdf"), sample_pdf(1, 0)).unwrap();
    succeeds(&[
        "sign",
        p(&dir.join("base.pdf")),
        "--key",
        p(&dir.join("k.der")),
        "--cert",
        p(&dir.join("c.der")),
        "--pss",
        "--at",
        "2025-06-02T09:00:00+07:00",
        "-o",
        p(&dir.join("pss.pdf")),
    ]);
    let out = vanthu(
        &[
            "verify",
            p(&dir.join("pss.pdf")),
            "--trust",
            p(&dir.join("c.der")),
            "--at",
            "2025-06-03",
            "--json",
        ],
        b"",
    );
    assert_eq!(
        json(&out)["signatures"][0]["indication"],
        "TOTAL_PASSED",
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// The private key inside a PKCS #8 `PrivateKeyInfo` (its last element, an
/// OCTET STRING): a SEC1 `ECPrivateKey` or a PKCS #1 `RSAPrivateKey`.
fn pkcs8_inner(der: &[u8]) -> Vec<u8> {
    // (tag, header length, content length) of the element at `at`.
    fn element(der: &[u8], at: usize) -> (u8, usize, usize) {
        let first = der[at + 1];
        if first < 0x80 {
            return (der[at], 2, first as usize);
        }
        let n = (first & 0x7f) as usize;
        let len = der[at + 2..at + 2 + n]
            .iter()
            .fold(0, |acc, b| (acc << 8) | *b as usize);
        (der[at], 2 + n, len)
    }
    let (_, header, _) = element(der, 0);
    let mut at = header;
    loop {
        let (tag, h, len) = element(der, at);
        if tag == 0x04 {
            return der[at + h..at + h + len].to_vec();
        }
        at += h + len;
    }
}

#[test]
fn a_key_that_does_not_match_the_certificate_is_refused_and_nothing_is_written() {
    let f = pki();
    let out_path = f.dir.join("never.pdf");
    // The agency's key with the person's certificate.
    let mismatched = (f.org.0.clone(), f.person.1.clone());
    let out = sign(
        &f,
        &f.dir.join("base.pdf"),
        &mismatched,
        "person",
        &out_path,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(out.status.code().is_some());
    assert!(
        stderr.contains("the key does not match the certificate"),
        "{stderr}"
    );
    assert!(
        stderr.contains("khóa bí mật không khớp với chứng thư số"),
        "{stderr}"
    );
    assert!(!out_path.exists());
    // An RSA key with the person's (EC) certificate.
    let rsa = generate_key(KeyKind::Rsa2048).unwrap();
    let rsa_path = f.dir.join("rsa.key");
    std::fs::write(&rsa_path, rsa.to_pkcs8_der().unwrap()).unwrap();
    let out = sign(
        &f,
        &f.dir.join("base.pdf"),
        &(rsa_path, f.person.1.clone()),
        "person",
        &out_path,
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RSA key with the EC certificate"));
    assert!(!out_path.exists());
    // The matching pair signs.
    let out = sign(&f, &f.dir.join("base.pdf"), &f.person, "person", &out_path);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_path.exists());
}

#[test]
fn sec1_and_pkcs1_keys_sign() {
    let f = pki();
    // The person's key as SEC1 DER (`openssl ec -outform DER`).
    let pkcs8 = std::fs::read(&f.person.0).unwrap();
    let sec1 = f.dir.join("person.sec1.der");
    std::fs::write(&sec1, pkcs8_inner(&pkcs8)).unwrap();
    let one = f.dir.join("sec1.pdf");
    let out = sign(
        &f,
        &f.dir.join("base.pdf"),
        &(sec1, f.person.1.clone()),
        "person",
        &one,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = vanthu(
        &[
            "verify",
            p(&one),
            "--trust",
            p(&f.root),
            "--at",
            "2025-06-03T00:00:00+07:00",
            "--json",
        ],
        b"",
    );
    assert_eq!(json(&out)["signatures"][0]["indication"], "TOTAL_PASSED");
    // An RSA key as PKCS #1 DER (`openssl rsa -traditional -outform DER`),
    // with a certificate of its own.
    let t = |y| Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
    let key = generate_key(KeyKind::Rsa2048).unwrap();
    let cert = issue(
        &Profile::leaf(vec![("CN", s("RSA signer"))], 70, t(2024), t(2027)),
        &key,
        None,
    )
    .unwrap();
    let key_path = f.dir.join("rsa.pkcs1.der");
    let cert_path = f.dir.join("rsa.crt");
    std::fs::write(&key_path, pkcs8_inner(&key.to_pkcs8_der().unwrap())).unwrap();
    std::fs::write(&cert_path, cert.der()).unwrap();
    let two = f.dir.join("pkcs1.pdf");
    let out = vanthu(
        &[
            "sign",
            p(&f.dir.join("base.pdf")),
            "--key",
            p(&key_path),
            "--cert",
            p(&cert_path),
            "--at",
            "2025-06-02T09:00:00+07:00",
            "-o",
            p(&two),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let signed = std::fs::read(&two).unwrap();
    let report = vanthu_signature::verify_pdf(
        &signed,
        &{
            let mut t = vanthu_signature::TrustStore::new();
            t.add_anchor(cert.clone());
            t
        },
        &vanthu_signature::VerifyOptions::new(Utc.with_ymd_and_hms(2025, 6, 3, 0, 0, 0).unwrap()),
    )
    .unwrap();
    assert_eq!(report.signatures.len(), 1);
    assert_ne!(
        report.signatures[0].indication,
        vanthu_signature::Indication::TotalFailed,
        "{:#?}",
        report.signatures[0].checks
    );
    // A file that is no key at all is refused.
    let out = sign(
        &f,
        &f.dir.join("base.pdf"),
        &(f.ca.clone(), f.person.1.clone()),
        "person",
        &two,
    );
    assert_ne!(out.status.code(), Some(0));
}

/// `--ocsp` gives OCSP responses (RFC 6960) for revocation, as `--crl` gives
/// CRLs: a response saying the signer's certificate was revoked before the
/// signing fails the signature; a file that is no OCSP response is refused.
#[test]
fn verify_takes_ocsp_responses() {
    use vanthu_signature::testpki::{OcspStatus, ocsp_response};
    let dir = workdir();
    let t = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap();
    let root_key = generate_key(KeyKind::P256).unwrap();
    let root = issue(
        &Profile::ca(
            vec![("C", s("VN")), ("CN", s("TEST OCSP Root"))],
            1,
            t(2020, 1, 1),
            t(2040, 1, 1),
            None,
        ),
        &root_key,
        None,
    )
    .unwrap();
    let key = generate_key(KeyKind::P256).unwrap();
    let cert = issue(
        &Profile::leaf(
            vec![
                ("C", s("VN")),
                ("CN", s("Tran Thi Binh")),
                ("UID", s("CCCD:001199012345")),
            ],
            7,
            t(2024, 1, 1),
            t(2027, 1, 1),
        ),
        &key,
        Some((&root, &root_key)),
    )
    .unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let root_path = write("root.crt", root.der());
    let key_path = write("signer.key", &key.to_pkcs8_der().unwrap());
    let cert_path = write("signer.crt", cert.der());
    let base = write("base.pdf", &sample_pdf(1, 0));
    let signed = dir.join("signed.pdf");
    let out = vanthu(
        &[
            "sign",
            p(&base),
            "--key",
            p(&key_path),
            "--cert",
            p(&cert_path),
            "--at",
            "2025-06-02T09:00:00+07:00",
            "-o",
            p(&signed),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let revoked = ocsp_response(
        &cert,
        &root,
        &root,
        &root_key,
        OcspStatus::Revoked(t(2025, 5, 1)),
        t(2025, 6, 2),
        Some(t(2025, 6, 9)),
    )
    .unwrap();
    let ocsp = write("revoked.ocsp", &revoked);
    let verify = |extra: &[&str]| {
        let mut argv = vec![
            "verify",
            p(&signed),
            "--trust",
            p(&root_path),
            "--at",
            "2025-06-03",
            "--json",
        ];
        argv.extend_from_slice(extra);
        vanthu(&argv, b"")
    };
    let out = verify(&["--ocsp", p(&ocsp)]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["signatures"][0]["sub_indication"], "REVOKED", "{v:#}");
    // Without it, revocation was not checked: a warning, not a failure.
    let v = json(&verify(&[]));
    assert_eq!(v["signatures"][0]["indication"], "TOTAL_PASSED", "{v:#}");
    let revocation = v["signatures"][0]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "REVOCATION")
        .unwrap()
        .clone();
    assert_eq!(revocation["outcome"], "warning", "{revocation:#}");
    let junk = write("junk.ocsp", b"not an OCSP response");
    assert_eq!(verify(&["--ocsp", p(&junk)]).status.code(), Some(2));
}
