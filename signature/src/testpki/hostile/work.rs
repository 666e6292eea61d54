//! Generators of the hostile inputs that the validation work
//! limits (`Limits::max_path_candidates`, `Limits::max_signature_verifications`,
//! `Limits::max_revisions`) are made for: small generator code, so that no
//! big file is committed.

use chrono::{DateTime, Utc};

use crate::certs::Certificate;
use crate::error::{Error, ErrorKind};
use crate::limits::Limits;
use crate::pdf::layout::Layout;
use crate::pdf::object::{Dict, Obj};
use crate::sign::SigningKey;
use crate::testpki::{KeyKind, Profile, generate_key, issue};

/// A cross-certification mesh: `count` CA certificates that all bear the
/// subject and issuer `CN=TEST Cross`, half of them with key A signed by key
/// B, half with key B signed by key A, none reaching an anchor; and a signer
/// certificate (with its key) issued by key A under that name. Every
/// certificate names every other as a possible issuer, and at each step of
/// path building half of them fail to verify: the search that tries them
/// all costs about `count`² signature verifications.
///
/// # Errors
/// When a key cannot be generated or a certificate cannot be encoded.
pub fn cross_certified_mesh(
    count: usize,
    kind: KeyKind,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
) -> Result<(Vec<Certificate>, Certificate, SigningKey), Error> {
    let name = || vec![("CN", "TEST Cross".to_owned())];
    let key_a = generate_key(kind)?;
    let key_b = generate_key(kind)?;
    // Only its name is used: the issuer name of every certificate below.
    let named = issue(
        &Profile::ca(name(), 0, not_before, not_after, None),
        &key_a,
        None,
    )?;
    let mut mesh = Vec::with_capacity(count);
    for i in 0..count {
        let serial = u64::try_from(i + 1).unwrap_or(u64::MAX);
        let (subject_key, issuer_key) = if i < count / 2 {
            (&key_a, &key_b)
        } else {
            (&key_b, &key_a)
        };
        mesh.push(issue(
            &Profile::ca(name(), serial, not_before, not_after, None),
            subject_key,
            Some((&named, issuer_key)),
        )?);
    }
    let leaf_key = generate_key(KeyKind::P256)?;
    let leaf = issue(
        &Profile::leaf(
            vec![("CN", "TEST Signer under the mesh".to_owned())],
            u64::MAX,
            not_before,
            not_after,
        ),
        &leaf_key,
        Some((&named, &key_a)),
    )?;
    Ok((mesh, leaf, leaf_key))
}

/// Appends `revisions` incremental updates to `pdf`, each defining `objects`
/// new objects that nothing refers to (a change every signature permits), with
/// a classic cross-reference section and a trailer chained by `/Prev`.
///
/// # Errors
/// When `pdf` cannot be read or has no catalog.
pub fn append_revisions(pdf: &[u8], revisions: usize, objects: usize) -> Result<Vec<u8>, Error> {
    let layout = Layout::parse(pdf, &Limits::default())?;
    let last = layout
        .revisions
        .len()
        .checked_sub(1)
        .ok_or_else(|| Error::new(ErrorKind::Structure("no revision".into())))?;
    let root = crate::pdf::diff::catalog_id(&layout, last)
        .ok_or_else(|| Error::new(ErrorKind::Structure("no catalog".into())))?;
    let mut next = layout
        .objects
        .iter()
        .map(|d| d.id.number)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    let mut prev = layout.startxrefs.last().map_or(0, |&(_, at)| at);
    let mut out = pdf.to_vec();
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    for _ in 0..revisions {
        let mut offsets = Vec::with_capacity(objects);
        for _ in 0..objects {
            offsets.push((next, 0, out.len()));
            out.extend_from_slice(
                format!(
                    "{next} 0 obj\n<</Type /Font /Subtype /Type1 /BaseFont /Courier>>\nendobj\n"
                )
                .as_bytes(),
            );
            next = next.saturating_add(1);
        }
        let mut trailer = Dict::default();
        trailer
            .entries
            .push((b"Size".to_vec(), Obj::Int(i64::from(next))));
        trailer.entries.push((b"Root".to_vec(), Obj::Ref(root)));
        trailer
            .entries
            .push((b"Prev".to_vec(), Obj::Int(i64::try_from(prev).unwrap_or(0))));
        prev = u64::try_from(out.len()).unwrap_or(0);
        crate::sign::write_xref(&mut out, offsets, &trailer);
    }
    Ok(out)
}
