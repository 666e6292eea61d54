#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod actor;
pub mod calendar;
pub mod csv_text;
mod document;
mod error;
pub mod incoming;
mod log_reader;
pub mod monitor;
pub mod outgoing;
mod policy;
mod register;
pub mod report;
pub mod rules;
mod state;
pub mod views;

pub use actor::{Acting, Actor, ActorId, Delegation, Directory, InvalidId, MAX_ID_LEN, Role};
pub use document::{
    Assignee, Business, CaseId, Deadline, DeadlineKind, DeadlineRule, DocumentMeta, Effect,
    HistoryEntry, Staff, StatusNotice,
};
pub use error::{WorkflowError, WorkflowErrorKind};
pub use log_reader::{LogLimits, LogReadError, LogSink, ReplaySink, SinkFull, read_log};
pub use policy::{LocalRules, PaperCopies, Policy, RecallRefusal, UnknownPolicy};
pub use register::{
    DuplicateReason, Register, RegisterEntry, RegisterKind, RegisterOpening, Registers,
};
pub use state::{
    Event, EventLog, LenientReplay, LogEntry, Office, apply, replay, replay_lenient,
    replay_lenient_until, violation,
};
