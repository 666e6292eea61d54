//! Resource limits: what an untrusted document may make the validator do.

/// Bounds on the work done for one input. Every field has a safe default;
/// `vanthu docs/limits.md` §2 says what each costs and what happens when a
/// file goes beyond it.
///
/// Most limits stop the reading with [`ErrorKind::LimitExceeded`](crate::ErrorKind::LimitExceeded),
/// whose text names the field. Two do not: a file with more signatures or
/// revisions than allowed is read up to the limit, and the verdict says what
/// was left out (`SIG-PDF-LIMIT`).
///
/// ```
/// use vanthu_signature::{ErrorKind, Limits, locate, testpki::sample_pdf};
///
/// let mut limits = Limits::default();
/// limits.max_values = 10;
/// let err = locate(&sample_pdf(1, 0), &limits).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::LimitExceeded("values (max_values)"));
/// assert!(locate(&sample_pdf(1, 0), &Limits::default()).is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest file accepted, in bytes (default 256 MiB).
    pub max_file_size: usize,
    /// Most object definitions, those in object streams included, and most
    /// cross-reference entries in all sections (default 1 000 000).
    pub max_objects: usize,
    /// Most revisions (incremental updates) read (default 4 096); the
    /// revisions after them are not examined, and verification says so.
    pub max_revisions: usize,
    /// Most signature dictionaries examined (default 256); those after them
    /// are not examined, and verification says so.
    pub max_signatures: usize,
    /// Largest `/Contents` value, in decoded bytes (default 1 MiB).
    pub max_contents: usize,
    /// Most certificates considered when building a path (default 256).
    pub max_certificates: usize,
    /// Longest certificate path (default 10 certificates).
    pub max_path_length: usize,
    /// Most bytes decompressed from cross-reference and object streams, in total (default 64 MiB).
    pub max_decompressed: usize,
    /// Most issuer candidates tried at one step of certificate path building,
    /// those whose key identifier matches first (default 16).
    pub max_path_candidates: usize,
    /// Most certificate signature verifications while building paths, for the
    /// whole document; each (issuer, certificate) pair is verified once
    /// (default 2 048).
    pub max_signature_verifications: usize,
    /// Most modifications listed in one signature's report (all are graded;
    /// default 1 000).
    pub max_listed_modifications: usize,
    /// Most elements in one array (default 1 048 576).
    pub max_array_len: usize,
    /// Most entries in one dictionary (default 65 536).
    pub max_dict_len: usize,
    /// Most values parsed from the whole file, object streams included:
    /// numbers, names, strings, references, arrays, dictionaries and
    /// dictionary keys (default 2 000 000). Each costs at most 48 bytes
    /// besides the bytes of its name or string, so this bounds the memory of
    /// the parsed file; each object is parsed once, however often it is
    /// referred to.
    pub max_values: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_size: 256 * 1024 * 1024,
            max_objects: 1_000_000,
            max_revisions: 4096,
            max_signatures: 256,
            max_contents: 1024 * 1024,
            max_certificates: 256,
            max_path_length: 10,
            max_decompressed: 64 * 1024 * 1024,
            max_path_candidates: 16,
            max_signature_verifications: 2048,
            max_listed_modifications: 1000,
            max_array_len: 1 << 20,
            max_dict_len: 1 << 16,
            max_values: 2_000_000,
        }
    }
}
