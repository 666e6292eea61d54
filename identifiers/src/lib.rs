#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod agency;
mod codes;
mod docid;
mod docnum;
mod doctype;
mod error;
pub mod finding;
mod identify;
mod marks;
mod record;
mod report;
mod rule;
pub mod rules;
pub mod text;
mod time;
mod util;

pub use agency::{
    AgencyCategory, AgencyId, AgencyId2020, AgencyLevels, AnyAgencyId, IrregularAgencyId, Level1,
};
pub use codes::{BusinessType, StaffDetails, StatusCode};
pub use docid::{DocumentId, RegistryDocumentId};
pub use docnum::DocumentNumber;
pub use doctype::DocumentType;
pub use error::{IdError, IdErrorKind, MAX_INPUT_LEN};
pub use finding::{Finding, Location, Severity};
pub use identify::IdentificationSummary;
pub use identify::{IdKind, Identification, Identified, identify};
pub use marks::{Confidentiality, Retention, Urgency};
pub use record::RecordCode;
pub use report::{Report, conformant, count};
pub use rule::Rule;
pub use time::{TimeError, TimeField, VIETNAM, parse_instant};
