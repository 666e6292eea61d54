#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

pub mod api;
mod attachments;
mod batch;
mod check;
mod error;
mod format;
pub mod inspect;
mod intake;
pub mod junit;
pub mod names;
mod options;
mod parallel;
mod replay;
mod reply;
pub mod rules;
mod trust;

pub use vanthu_archive as archive;
pub use vanthu_edxml as edxml;
pub use vanthu_identifiers as identifiers;
pub use vanthu_signature as signature;
pub use vanthu_workflow as workflow;

pub use vanthu_identifiers::{Finding, Location, Report, Rule, Severity, conformant};

pub use attachments::AttachmentReport;
pub use batch::{Batch, Counts, Verdict, collect};
pub use check::{Checker, FileReport, Unreadable, check_bytes, check_file};
pub use error::{CheckError, ErrorKind};
pub use format::{Format, HEAD_LEN, describe, detect, not_edxml};
pub use intake::document_meta;
pub use options::{CheckOptions, TIME_FORMS, parse_time};
pub use replay::{StreamedReplay, replay, replay_read, replay_with};
pub use reply::{ReplyError, ReplyRequest, reply};
pub use trust::{LoadedTrust, load_trust};
