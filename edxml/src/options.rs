//! Options bags for reading: limits and what to do with attachment content.

/// Hard limits that protect a receiver from hostile or broken input.
///
/// Every limit is an error when exceeded ([`ErrorKind::LimitExceeded`](crate::ErrorKind::LimitExceeded)).
/// The defaults accept every real package seen (a 200 MB package with
/// hundreds of attachments is normal) and refuse pathological ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Maximum size of the whole package in bytes (for a UTF-16 package, of
    /// its UTF-8 transcoding). Default 1 GiB.
    pub max_package_bytes: u64,
    /// Maximum element nesting depth. Default 64 (real packages nest 9 deep).
    pub max_depth: usize,
    /// Maximum number of elements outside attachment content. Default 100 000.
    pub max_elements: usize,
    /// Maximum number of attachments. Default 1 000.
    pub max_attachments: usize,
    /// Maximum length in bytes of one text node or attribute value (attachment
    /// content excluded: it is streamed). Default 1 MiB. Together with
    /// `max_attributes` it also bounds how much input one text node, comment
    /// or tag may span while it is being read (`max_text_bytes ×
    /// max(max_attributes, 2)` plus 64 KiB), so memory stays bounded even
    /// for an endless text node.
    pub max_text_bytes: usize,
    /// Maximum number of attributes on one element. Default 64.
    pub max_attributes: usize,
    /// Memory budget of the element tree, in bytes, estimated as it is
    /// built: every element, attribute, text node, comment and processing
    /// instruction costs its text plus a fixed overhead (64 bytes per
    /// element or other node, 48 per attribute). It bounds what the reader
    /// keeps of content it does not know for the lossless round trip
    /// (unknown elements with their attributes, kept in
    /// [`Extras`](crate::Extras)), and the header besides: attachment
    /// content is never in the tree. Default 64 MiB: a real header takes a
    /// few kilobytes; 100 000 unknown elements of 63 attributes each would
    /// need gigabytes.
    pub max_tree_bytes: u64,
    /// Maximum size in bytes of the one entry a ZIP-wrapped attachment is
    /// unwrapped into ([`unwrap_single_entry_zip`](crate::unwrap_single_entry_zip)
    /// callers pass it). Default 4 GiB.
    pub max_unzipped_bytes: u64,
    /// Maximum number of bytes one extraction writes in total, attachments
    /// and unwrapped entries together (`vanthu extract`). Default 4 GiB.
    pub max_extracted_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_package_bytes: 1 << 30,
            max_depth: 64,
            max_elements: 100_000,
            max_attachments: 1_000,
            max_text_bytes: 1 << 20,
            max_attributes: 64,
            max_tree_bytes: 64 << 20,
            max_unzipped_bytes: 4 << 30,
            max_extracted_bytes: 4 << 30,
        }
    }
}

/// What the reader does with the Base64 content of each attachment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttachmentMode {
    /// Skip it: only its byte span is recorded, nothing is decoded. A
    /// header-only read of a 200 MB package costs milliseconds.
    #[default]
    Skip,
    /// Decode it in bounded memory and record its decoded size and SHA-256.
    Digest,
    /// As `Digest`, and also sniff the file type and look for active content
    /// ([`ContentScan`](crate::ContentScan)), in the same single pass:
    /// [`check_from`](crate::check_from) reads this way.
    Scan,
}

/// How to read a package.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Safety limits.
    pub limits: Limits,
    /// What to do with attachment content.
    pub attachments: AttachmentMode,
}

impl ReadOptions {
    /// Default options that also decode and hash every attachment.
    #[must_use]
    pub fn digest() -> Self {
        Self {
            attachments: AttachmentMode::Digest,
            ..Self::default()
        }
    }

    /// Default options that also decode, hash and scan every attachment.
    #[must_use]
    pub fn scan() -> Self {
        Self {
            attachments: AttachmentMode::Scan,
            ..Self::default()
        }
    }
}
