//! Resource limits: what an untrusted document may make the validator do.

/// Bounds on the work done for one input. Every field has a safe default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest file accepted, in bytes (default 256 MiB).
    pub max_file_size: usize,
    /// Most object definitions walked (default 2 000 000).
    pub max_objects: usize,
    /// Most revisions (incremental updates) (default 4 096).
    pub max_revisions: usize,
    /// Most signature dictionaries examined (default 256).
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
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_size: 256 * 1024 * 1024,
            max_objects: 2_000_000,
            max_revisions: 4096,
            max_signatures: 256,
            max_contents: 1024 * 1024,
            max_certificates: 256,
            max_path_length: 10,
            max_decompressed: 64 * 1024 * 1024,
            max_path_candidates: 16,
            max_signature_verifications: 2048,
            max_listed_modifications: 1000,
        }
    }
}
