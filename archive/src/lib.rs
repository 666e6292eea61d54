#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod codes;
mod disposal;
mod error;
mod list;
pub mod package;
mod record;
pub mod retention;
pub mod rules;
mod transfer;

pub use codes::{AccessMode, Condition, Direction, Language, Reliability};
pub use disposal::{
    CouncilDecision, DestructionRecord, Disposal, DisposalEffect, DisposalEvent, Hold, Stage,
    apply, candidates,
};
pub use error::ArchiveError;
pub use list::{Heading, HeadingLevel, ListEntry, ListSummary, Numbering, RecordsList, roman};
pub use record::{
    Approval, Closing, ClosingReport, Document, DocumentKey, DocumentStatus, Filed, Recipient,
    Record, RecordMetadata, RecordState, Records, Signer, date_dmy, parse_date,
};
pub use retention::{
    ArchiveLaw, DisposalStatus, ELECTRONIC_HANDOVER_DAYS, Expiry, RetentionEvaluation,
    RetentionInput, RetentionSchedule, SAMPLE_SCHEDULE_JSON, ScheduleItem, ScheduledRetention,
    TRANSFER_NOTICE_DAYS, TT05_IN_FORCE, TransferDue, TransferFacts, UntilSuperseded, expiry,
    is_expired, transfer_due,
};
pub use transfer::{HandoverRecord, TransferList, TransferRow};
