//! The work of certificate path building, bounded for the whole document
//! (RFC 4158 §3 on path building; `vanthu docs/limits.md` §2): each
//! (issuer, certificate) pair is verified once and remembered, issuer
//! candidates are tried best first (key identifier, then name) and only
//! [`Limits::max_path_candidates`] of them per step, and at most
//! [`Limits::max_signature_verifications`] signatures are verified in all.
//! A hostile set of cross-certified certificates therefore costs a bounded
//! number of verifications, and a path not found within the budget is
//! INDETERMINATE, never a hang.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::certs::{Certificate, names_match};
use crate::limits::Limits;

/// The limit that stopped path building.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PathLimit {
    /// More issuer candidates than [`Limits::max_path_candidates`] at one step.
    Candidates(usize),
    /// [`Limits::max_signature_verifications`] signature verifications done.
    Verifications(usize),
}

impl PathLimit {
    /// The limit's name and value, in English and Vietnamese.
    pub(crate) fn describe(self) -> (String, String) {
        match self {
            Self::Candidates(n) => (
                format!("more than max_path_candidates ({n}) issuer candidates at one step"),
                format!("quá max_path_candidates ({n}) chứng thư ứng viên cấp trên ở một bước"),
            ),
            Self::Verifications(n) => (
                format!("max_signature_verifications ({n}) certificate signatures verified"),
                format!("đã kiểm tra max_signature_verifications ({n}) chữ ký trên chứng thư"),
            ),
        }
    }
}

/// An (issuer, certificate) pair, by the SHA-256 digests of their encodings.
type Pair = ([u8; 32], [u8; 32]);

/// The path-building budget of one document, shared by all its signatures.
#[derive(Debug)]
pub(crate) struct PathWork {
    max_candidates: usize,
    max_verifications: usize,
    verified: Cell<usize>,
    /// (issuer fingerprint, certificate fingerprint) → the issuer signed it.
    memo: RefCell<HashMap<Pair, bool>>,
    hit: Cell<Option<PathLimit>>,
}

impl PathWork {
    pub(crate) fn new(limits: &Limits) -> Self {
        Self {
            max_candidates: limits.max_path_candidates.max(1),
            max_verifications: limits.max_signature_verifications,
            verified: Cell::new(0),
            memo: RefCell::new(HashMap::new()),
            hit: Cell::new(None),
        }
    }

    /// The first limit that stopped a path, if any.
    pub(crate) fn hit(&self) -> Option<PathLimit> {
        self.hit.get()
    }

    /// Signature verifications done so far.
    #[cfg(test)]
    pub(crate) fn verified(&self) -> usize {
        self.verified.get()
    }

    pub(crate) fn stop(&self, limit: PathLimit) -> PathLimit {
        if self.hit.get().is_none() {
            self.hit.set(Some(limit));
        }
        limit
    }

    /// True when `issuer` issued `child` (names chain and the signature
    /// verifies), remembered per pair; `Err` once the budget is spent.
    pub(crate) fn issued(
        &self,
        issuer: &Certificate,
        child: &Certificate,
    ) -> Result<bool, PathLimit> {
        if !names_match(
            &issuer.inner().tbs_certificate.subject,
            &child.inner().tbs_certificate.issuer,
        ) {
            return Ok(false);
        }
        let key = (issuer.fingerprint(), child.fingerprint());
        if let Some(&known) = self.memo.borrow().get(&key) {
            return Ok(known);
        }
        if self.verified.get() >= self.max_verifications {
            return Err(self.stop(PathLimit::Verifications(self.max_verifications)));
        }
        self.verified.set(self.verified.get() + 1);
        let ok = issuer.signed(child);
        self.memo.borrow_mut().insert(key, ok);
        Ok(ok)
    }

    /// The pool certificates that may have issued `current`, best first:
    /// those whose subject key identifier is `current`'s authority key
    /// identifier, then those without either, then the others; at most
    /// `max_path_candidates` of them, with `true` when some were left out.
    pub(crate) fn candidates(
        &self,
        current: &Certificate,
        pool: &[&Certificate],
        usable: impl Fn(usize, &Certificate) -> bool,
    ) -> (Vec<usize>, bool) {
        let aki = current.authority_key_id();
        let issuer = &current.inner().tbs_certificate.issuer;
        let mut ranked: Vec<(u8, usize)> = pool
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                usable(*i, c) && names_match(&c.inner().tbs_certificate.subject, issuer)
            })
            .map(|(i, c)| {
                let rank = match (aki.as_deref(), c.subject_key_id()) {
                    (Some(a), Some(s)) if a == s.as_slice() => 0,
                    (Some(_), Some(_)) => 2,
                    _ => 1,
                };
                (rank, i)
            })
            .collect();
        ranked.sort_unstable();
        let truncated = ranked.len() > self.max_candidates;
        ranked.truncate(self.max_candidates);
        (ranked.into_iter().map(|(_, i)| i).collect(), truncated)
    }
}

#[cfg(all(test, feature = "test-pki"))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use chrono::{TimeZone, Utc};

    use super::PathWork;
    use crate::certs::{Purpose, TrustStore};
    use crate::crypto::AlgorithmPolicy;
    use crate::limits::Limits;
    use crate::testpki::hostile::cross_certified_mesh;
    use crate::testpki::{KeyKind, Profile, generate_key, issue};

    #[test]
    fn a_mesh_costs_at_most_pool_times_candidates_and_each_pair_once() {
        let t = |y| Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
        let (mesh, leaf, _) = cross_certified_mesh(30, KeyKind::P256, t(2020), t(2040)).unwrap();
        let root_key = generate_key(KeyKind::P256).unwrap();
        let root = issue(
            &Profile::ca(vec![("CN", "Root".to_owned())], 1, t(2020), t(2040), None),
            &root_key,
            None,
        )
        .unwrap();
        let mut store = TrustStore::new();
        store.add_anchor(root);
        let limits = Limits {
            max_path_candidates: 30,
            max_signature_verifications: usize::MAX,
            ..Limits::default()
        };
        let work = PathWork::new(&limits);
        let validate = || {
            store.validate_for(
                &leaf,
                &mesh,
                t(2025),
                &AlgorithmPolicy::default(),
                10,
                Purpose::DocumentSigning,
                &work,
            )
        };
        let path = validate();
        assert!(path.path.is_empty());
        let first = work.verified();
        // Each of the 30 is expanded at most once and meets at most 30 candidates.
        assert!((30..=30 * 30).contains(&first), "{first}");
        assert_eq!(work.hit(), None);
        // Every (issuer, certificate) pair is remembered: nothing is verified again.
        validate();
        assert_eq!(work.verified(), first);
    }
}
