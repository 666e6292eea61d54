//! `vanthu demo --out DIR [--at TIME]`: the whole life of one decision across
//! three agencies, with no network and no setup, written into `DIR`.
//!
//! The sender (`000.00.15.H47`) drafts, approves, signs, numbers (182 from its
//! outgoing register), agency-signs and issues Decision `182/QĐ-LĐTBXH` to two
//! units. Unit 1 checks the package and both signatures, then accepts (03),
//! assigns (04), processes (05) and completes (06) it, files it into a record
//! and packs that record as a Circular 05/2025/TT-BNV SIP. Unit 2 gets a copy
//! damaged in transit and returns it (02) with the reason. A second document
//! is recalled (13) and unit 1 agrees (15). Every status package is written,
//! read back by the sender and applied to its tracking. Everything is a pure
//! function of `--at`: the same bytes on every run (ECDSA signatures are
//! RFC 6979 deterministic, the test keys come from a fixed seed).

use std::fmt::Display;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, FixedOffset, TimeZone};
use sha2::{Digest as _, Sha256};
use vanthu_archive::package::{PackOptions, PackageDescription, PackageDocument, PackageWriter};
use vanthu_archive::{Closing, Document, Heading, HeadingLevel, ListEntry, Records, RecordsList};
use vanthu_axis::MessageType;
use vanthu_edxml::{
    BusinessType, DocumentPackage, Organization, Profile as EdxmlProfile, ReadOptions, SignerInfo,
    StaffInfo, StatusCode, StatusPackage, ValidateOptions,
};
use vanthu_identifiers::{AgencyId, DocumentType, RecordCode, Retention};
use vanthu_signature::testpki::{Profile, issue};
use vanthu_signature::{
    Appearance, Certificate, DocumentReport, Indication, LegalValue, SignOptions, SigningKey,
    TrustStore, VerifyOptions, sign_pdf, verify_pdf,
};
use vanthu_workflow::calendar::{DeadlineRules, WorkingCalendar};
use vanthu_workflow::incoming::{Handler, IncomingEvent};
use vanthu_workflow::outgoing::OutgoingEvent;
use vanthu_workflow::report::{Period, report};
use vanthu_workflow::{
    Actor, ActorId, Assignee, CaseId, Effect, Event, EventLog, LogEntry, Office, RegisterKind,
    Role, StatusNotice, views,
};

use crate::{CliError, Outcome};

mod issue;
mod office;
mod pki;
mod receive;
mod story;
mod wire;

use issue::*;
use office::*;
use pki::*;
use receive::*;
use story::*;
use wire::*;

/// The default start instant: Monday 2 June 2025, 08:00 in Vietnam.
pub(crate) const DEFAULT_START: &str = "2025-06-02T08:00:00+07:00";

pub(crate) const SENDER: &str = "000.00.15.H47";
pub(crate) const SENDER_NAME: &str = "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Nam";
pub(crate) const UNIT1: &str = "000.01.15.H47";
pub(crate) const UNIT1_NAME: &str = "Văn phòng Sở";
pub(crate) const UNIT2: &str = "000.02.15.H47";
pub(crate) const UNIT2_NAME: &str = "Thanh tra Sở";
/// The recipient of the year's earlier documents: the provincial People's Committee.
pub(crate) const PROVINCE: &str = "000.00.00.H47";
/// The governing body of the sender, and of the units the sender's.
pub(crate) const PROVINCE_NAME: &str = "UBND tỉnh Quảng Nam";
/// Where the sender issues its documents (`PromulgationInfo/Place`).
pub(crate) const PLACE: &str = "Quảng Nam";
/// The director, who signs, and the sender's clerk, who sends.
pub(crate) const DIRECTOR_NAME: &str = "Nguyễn Văn An";
pub(crate) const CLERK_NAME: &str = "Phạm Thị Dung";
/// The host of the demo's e-mail addresses: `.invalid` is reserved (RFC 2606), never real.
pub(crate) const MAIL_HOST: &str = "demo.invalid";
pub(crate) const SYMBOL: &str = "QĐ-LĐTBXH";
pub(crate) const SUBJECT: &str = "Về việc ban hành Quy chế tiếp nhận, xử lý văn bản điện tử";
/// The recalled document: a công văn (no type abbreviation in its symbol).
pub(crate) const SYMBOL2: &str = "LĐTBXH-VP";
pub(crate) const SUBJECT2: &str = "V/v tổ chức hội nghị tập huấn";

/// Arguments of `vanthu demo`.
#[derive(Debug, clap::Args)]
pub(crate) struct DemoArgs {
    /// The directory to write every artifact into (created if needed).
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// The start instant (RFC 3339, YYYY-MM-DD, YYYY-MM-DDTHH:MM(:SS) or yyyy/MM/dd
    /// HH:mm:ss, Vietnam time unless an offset is given); the whole run is a function of it.
    #[arg(long, value_name = "TIME", default_value = DEFAULT_START)]
    pub(crate) at: String,
    /// Carry every package between the offices through a local axis on
    /// loopback (its data and the offices' journals in DIR/axis), each office
    /// a system of its own with its secret; the artifacts are the same.
    #[arg(long)]
    pub(crate) via_axis: bool,
}

pub(crate) type Res<T> = Result<T, CliError>;

pub(crate) trait Context<T> {
    fn ctx(self, what: &str) -> Res<T>;
}

impl<T, E: Display> Context<T> for Result<T, E> {
    fn ctx(self, what: &str) -> Res<T> {
        self.map_err(|e| CliError::new(format!("demo: {what}: {e}")))
    }
}

pub(crate) fn fail(what: impl Into<String>) -> CliError {
    CliError::new(format!("demo: {}", what.into()))
}

/// Runs the demo.
pub(crate) fn demo(args: &DemoArgs) -> Result<Outcome, CliError> {
    let start = crate::signature::parse_time(&args.at)
        .map_err(|e| fail(format!("--at: {e}")))?
        .with_timezone(&vietnam());
    let summary = run(&args.out, start, args.via_axis)?;
    for line in summary {
        out!("{line}");
    }
    Ok(Outcome::Valid)
}

pub(crate) fn vietnam() -> FixedOffset {
    vanthu::identifiers::VIETNAM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_for_standard_fonts() {
        assert_eq!(fold("Quyết định ĐỊNH đường"), "Quyet dinh DINH duong");
        assert_eq!(fold("QĐ-LĐTBXH"), "QD-LDTBXH");
    }

    #[test]
    fn the_page_is_a_pdf_the_signer_accepts() {
        let pdf = text_pdf(&["a (b) \\ c"]);
        assert!(pdf.starts_with(b"%PDF-1.7"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        assert!(
            vanthu_signature::prepare(
                &pdf,
                &SignOptions::new(DateTime::parse_from_rfc3339(DEFAULT_START).unwrap())
            )
            .is_ok()
        );
    }

    #[test]
    fn test_keys_are_fixed_by_their_label() {
        let a = seeded_key("x").unwrap().to_pkcs8_der().unwrap();
        let b = seeded_key("x").unwrap().to_pkcs8_der().unwrap();
        let c = seeded_key("y").unwrap().to_pkcs8_der().unwrap();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
