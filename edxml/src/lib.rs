#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod b64;
mod build;
mod chunks;
mod codes;
mod dsig;
mod error;
mod fill;
mod markup;
mod model;
pub mod names;
mod options;
mod read;
pub mod rules;
mod scan;
mod time;
mod tree;
mod typed;
mod unzip;
mod utf16;
pub mod validate;
mod write;

pub use b64::{Digest, DigestWriter, decode_base64};
pub use build::compose_document_id;
pub use codes::{BusinessType, StatusCode};
pub use dsig::{MIN_CERTIFICATE_BYTES, MIN_SIGNATURE_VALUE_BYTES};
pub use error::{Dialect, EdxmlError, ErrorKind, Limit, Position};
pub use model::*;
pub use options::{AttachmentMode, Limits, ReadOptions};
pub use read::{AttachmentLayout, ReadOutput, SeekBodies, SpanBodies, read, read_with};
pub use scan::{
    ActiveContent, ContentScan, FileKind, Scanner, is_registered_media_type, scan_attachment,
};
pub use time::{format_date, format_timestamp, parse_date, parse_timestamp, vietnam_offset};
pub use typed::Lenient;
pub use unzip::{UnwrappedEntry, ZIP_MAGIC, unwrap_single_entry_zip};
pub use utf16::{MAX_TRANSCODED_BYTES, SourceEncoding, Utf16ToUtf8, transcode_utf16};
pub use validate::{Profile, Report, ValidateOptions, check, check_from, validate};
pub use write::{AttachmentBodies, write, write_document, write_status};
