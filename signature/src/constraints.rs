//! Constraints on a certificate path beyond basic constraints and key usage:
//! the signer's extended key usage (RFC 5280 §4.2.1.12) and the name
//! constraints of the CAs (RFC 5280 §4.2.1.10).

use der::asn1::ObjectIdentifier as Oid;
use x509_cert::ext::pkix::constraints::name::GeneralSubtrees;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::name::{Name, RdnSequence};

use crate::certs::{Certificate, names_match};

/// Extended key usages that allow signing documents: anyExtendedKeyUsage,
/// emailProtection, clientAuth (national PKIs issue signing certificates with
/// it), codeSigning, id-kp-documentSigning (RFC 9336), Adobe Authentic
/// Documents Trust, Microsoft Document Signing.
const DOCUMENT_SIGNING_EKUS: &[Oid] = &[
    Oid::new_unwrap("2.5.29.37.0"),
    Oid::new_unwrap("1.3.6.1.5.5.7.3.4"),
    Oid::new_unwrap("1.3.6.1.5.5.7.3.2"),
    Oid::new_unwrap("1.3.6.1.5.5.7.3.3"),
    Oid::new_unwrap("1.3.6.1.5.5.7.3.36"),
    Oid::new_unwrap("1.2.840.113583.1.1.5"),
    Oid::new_unwrap("1.3.6.1.4.1.311.10.3.12"),
];

/// `emailAddress` in a subject name (PKCS #9).
const EMAIL: Oid = Oid::new_unwrap("1.2.840.113549.1.9.1");

/// A reason for a `CHAIN_CONSTRAINTS` failure, in English and Vietnamese.
pub(crate) type Failure = (String, String);

/// The signer's extended key usage, when present, must allow signing
/// documents (an absent extension allows any use).
pub(crate) fn extended_key_usage(signer: &Certificate) -> Option<Failure> {
    let ekus = signer.extended_key_usage()?;
    if ekus.iter().any(|e| DOCUMENT_SIGNING_EKUS.contains(e)) {
        return None;
    }
    let list = ekus
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    Some((
        format!(
            "the signing certificate's extended key usage ({list}) does not allow signing documents ('{}', RFC 5280 §4.2.1.12)",
            signer.subject()
        ),
        format!(
            "mục đích sử dụng mở rộng của chứng thư ký ({list}) không cho phép ký văn bản ('{}', RFC 5280 §4.2.1.12)",
            signer.subject()
        ),
    ))
}

/// The name constraints of the CA at `path[ca]` hold for every certificate
/// below it (RFC 5280 §4.2.1.10, §6.1.3 (b), (c)): directoryName subtrees
/// against the subject, rfc822Name subtrees against the e-mail addresses in
/// the subject and subject alternative names. Self-issued intermediates are
/// exempt (§6.1.4 (b)); other name forms are not enforced.
pub(crate) fn name_constraints(path: &[Certificate], ca: usize) -> Option<Failure> {
    let issuer = path.get(ca)?;
    let nc = issuer.name_constraints()?;
    for (i, cert) in path.get(..ca)?.iter().enumerate() {
        if i > 0 && cert.is_self_issued() {
            continue;
        }
        let subject = &cert.inner().tbs_certificate.subject;
        let mut emails: Vec<String> = subject
            .0
            .iter()
            .flat_map(|rdn| rdn.0.iter())
            .filter(|atv| atv.oid == EMAIL)
            .map(|atv| String::from_utf8_lossy(atv.value.value()).into_owned())
            .collect();
        let sans = cert.subject_alt_names();
        emails.extend(sans.iter().filter_map(|g| match g {
            GeneralName::Rfc822Name(m) => Some(m.to_string()),
            _ => None,
        }));
        let mut names: Vec<&Name> = vec![subject];
        names.extend(sans.iter().filter_map(|g| match g {
            GeneralName::DirectoryName(n) => Some(n),
            _ => None,
        }));
        let names: Vec<&Name> = names.into_iter().filter(|n| !n.0.is_empty()).collect();
        let violation = names
            .iter()
            .find(|n| {
                !allowed(
                    nc.permitted_subtrees.as_ref(),
                    nc.excluded_subtrees.as_ref(),
                    |g| dn_within(g, n),
                )
            })
            .map(|n| n.to_string())
            .or_else(|| {
                emails
                    .iter()
                    .find(|m| {
                        !allowed(
                            nc.permitted_subtrees.as_ref(),
                            nc.excluded_subtrees.as_ref(),
                            |g| email_within(g, m),
                        )
                    })
                    .cloned()
            });
        if let Some(name) = violation {
            return Some((
                format!(
                    "'{name}' is outside the names '{}' may certify (name constraints, RFC 5280 §4.2.1.10)",
                    issuer.subject()
                ),
                format!(
                    "'{name}' nằm ngoài phạm vi tên mà '{}' được phép chứng thực (ràng buộc tên, RFC 5280 §4.2.1.10)",
                    issuer.subject()
                ),
            ));
        }
    }
    None
}

/// `within(base)` is `Some(true|false)` for a subtree base of the same name
/// form, `None` for another form. A name is allowed when no excluded subtree
/// of its form contains it and, if there are permitted subtrees of its form,
/// one of them does.
fn allowed(
    permitted: Option<&GeneralSubtrees>,
    excluded: Option<&GeneralSubtrees>,
    within: impl Fn(&GeneralName) -> Option<bool>,
) -> bool {
    if excluded
        .into_iter()
        .flatten()
        .any(|t| within(&t.base) == Some(true))
    {
        return false;
    }
    let mut any_of_form = false;
    for t in permitted.into_iter().flatten() {
        match within(&t.base) {
            Some(true) => return true,
            Some(false) => any_of_form = true,
            None => {}
        }
    }
    !any_of_form
}

/// A directoryName subtree contains `name` when its RDNs are a prefix of the name's.
fn dn_within(base: &GeneralName, name: &Name) -> Option<bool> {
    let GeneralName::DirectoryName(base) = base else {
        return None;
    };
    if base.0.len() > name.0.len() {
        return Some(false);
    }
    Some(
        base.0.iter().zip(name.0.iter()).all(|(a, b)| {
            names_match(&RdnSequence(vec![a.clone()]), &RdnSequence(vec![b.clone()]))
        }),
    )
}

/// An rfc822Name subtree: a mailbox (`a@b.vn`), a host (`b.vn`: mailboxes at
/// that host) or a domain (`.b.vn`: mailboxes at any host under it).
fn email_within(base: &GeneralName, mail: &str) -> Option<bool> {
    let GeneralName::Rfc822Name(base) = base else {
        return None;
    };
    let base = base.to_string().to_ascii_lowercase();
    let mail = mail.to_ascii_lowercase();
    let host = mail.rsplit_once('@').map_or("", |(_, h)| h);
    Some(if base.contains('@') {
        mail == base
    } else if base.starts_with('.') {
        host.ends_with(&base)
    } else {
        host == base
    })
}
