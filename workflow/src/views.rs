//! Register views with the minimum columns of Nghị định 30/2020/NĐ-CP Phụ lục IV
//! (`docs/workflow.md` §5), ready to print, sign and bind
//! (Nghị định 30/2020/NĐ-CP Điều 16 khoản 2 điểm b, Điều 22 khoản 3 điểm b).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::vietnam_time;
use crate::csv_text;
use crate::document::Assignee;
use crate::incoming::{ChangeKind, IncomingStatus};
use crate::register::RegisterKind;
use crate::state::Office;

/// One line of the incoming register (Appendix IV, 10 columns).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IncomingRegisterRow {
    /// (1) Arrival date.
    pub arrival_date: NaiveDate,
    /// (2) Arrival number (`01`, `02`, …).
    pub arrival_number: String,
    /// (3) Author (issuing agency).
    pub author: String,
    /// (4) Number and symbol.
    pub number_and_symbol: String,
    /// (5) Date of the document.
    pub document_date: Option<NaiveDate>,
    /// (6) Type and subject.
    pub type_and_subject: String,
    /// (7) Unit or person receiving.
    pub receiver: String,
    /// (8) Date passed on.
    pub passed_on: Option<NaiveDate>,
    /// (9) Receipt signature (left empty, signed on paper).
    pub receipt_signature: String,
    /// (10) Note.
    pub note: String,
}

/// One line of an outgoing register (Appendix IV, 10 columns).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OutgoingRegisterRow {
    /// (1) Number and symbol.
    pub number_and_symbol: String,
    /// (2) Date of the document.
    pub date: NaiveDate,
    /// (3) Type and subject.
    pub type_and_subject: String,
    /// (4) Signer.
    pub signer: String,
    /// (5) Recipients.
    pub recipients: String,
    /// (6) Unit or person holding the kept copy.
    pub kept_copy_holder: String,
    /// (7) Number of copies.
    pub copies: u32,
    /// (8) Date sent.
    pub date_sent: Option<NaiveDate>,
    /// (9) Receipt signature (left empty).
    pub receipt_signature: String,
    /// (10) Note.
    pub note: String,
}

fn day(at: DateTime<FixedOffset>) -> NaiveDate {
    vietnam_time(&at).date_naive()
}

fn type_and_subject(kind: Option<&str>, subject: &str) -> String {
    match kind {
        Some(kind) => format!("{kind}: {subject}"),
        None => subject.to_owned(),
    }
}

/// The incoming register of `year`, in number order.
pub fn incoming_register(office: &Office, year: i32) -> Vec<IncomingRegisterRow> {
    let Some(register) = office.registers().get(&RegisterKind::Incoming) else {
        return Vec::new();
    };
    register
        .year(year)
        .filter_map(|entry| {
            let doc = office.incoming(&entry.case)?;
            let receiver = doc.assignment.as_ref().map(|a| match &a.lead.assignee {
                Assignee::Unit(unit) => unit.clone(),
                Assignee::Person(person) => office
                    .directory()
                    .actor(person)
                    .map_or_else(|| person.to_string(), |p| p.name.clone()),
            });
            let mut notes = Vec::new();
            if doc.paper_received_at.is_some() {
                notes.push("Đã nhận bản giấy".to_owned());
            }
            for other in &doc.duplicate_of {
                notes.push(format!("Trùng với {other}"));
            }
            if doc.status == IncomingStatus::Cancelled {
                notes.push("Đã thu hồi".to_owned());
            }
            if doc
                .changes
                .iter()
                .any(|c| c.kind == ChangeKind::Replace && c.agreed == Some(true))
            {
                notes.push("Đã được thay thế".to_owned());
            }
            Some(IncomingRegisterRow {
                arrival_date: day(entry.at),
                arrival_number: entry.number_text(),
                author: doc.meta.issuer.clone(),
                number_and_symbol: doc
                    .meta
                    .number
                    .as_ref()
                    .map(|n| n.as_str().to_owned())
                    .unwrap_or_default(),
                document_date: doc.meta.date,
                type_and_subject: type_and_subject(
                    doc.meta.document_type.as_ref().map(|t| t.name_vi()),
                    &doc.meta.subject,
                ),
                receiver: receiver.unwrap_or_default(),
                passed_on: doc.assignment.as_ref().map(|a| day(a.at)),
                receipt_signature: String::new(),
                note: notes.join("; "),
            })
        })
        .collect()
}

/// The outgoing register `kind` of `year`, in number order.
pub fn outgoing_register(
    office: &Office,
    kind: &RegisterKind,
    year: i32,
) -> Vec<OutgoingRegisterRow> {
    let Some(register) = office.registers().get(kind) else {
        return Vec::new();
    };
    register
        .year(year)
        .filter_map(|entry| {
            let doc = office.outgoing(&entry.case)?;
            let signer = doc
                .signer
                .as_ref()
                .and_then(|s| office.directory().actor(&s.actor))
                .map(|a| a.name.clone())
                .unwrap_or_default();
            let recipients: Vec<&str> = doc.deliveries.iter().map(|d| d.to.as_str()).collect();
            let mut notes: Vec<String> = doc
                .follow_ups
                .iter()
                .map(|f| format!("{}: {}", f.business.name_vi(), f.reason))
                .collect();
            notes.extend(doc.corrections.iter().map(|c| format!("Đính chính: {c}")));
            Some(OutgoingRegisterRow {
                number_and_symbol: format!("{}/{}", entry.number_text(), doc.symbol),
                date: day(entry.at),
                type_and_subject: type_and_subject(
                    doc.document_type.as_ref().map(|t| t.name_vi()),
                    &doc.subject,
                ),
                signer,
                recipients: recipients.join("; "),
                kept_copy_holder: doc.unit.clone().unwrap_or_default(),
                copies: u32::try_from(recipients.len()).unwrap_or(u32::MAX),
                date_sent: doc.issued_at.map(day),
                receipt_signature: String::new(),
                note: notes.join("; "),
            })
        })
        .collect()
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The incoming register as CSV, with the Phụ lục IV column names in Vietnamese;
/// text that a spreadsheet would read as a formula is guarded
/// ([`guard_formula`](crate::csv_text::guard_formula)).
pub fn incoming_register_csv(rows: &[IncomingRegisterRow]) -> String {
    let header = [
        "Ngày đến",
        "Số đến",
        "Tác giả",
        "Số và ký hiệu",
        "Ngày tháng",
        "Tên loại và trích yếu nội dung",
        "Đơn vị hoặc người nhận",
        "Ngày chuyển",
        "Ký nhận",
        "Ghi chú",
    ];
    csv_text::write(
        &header,
        rows.iter().map(|r| {
            [
                r.arrival_date.to_string(),
                r.arrival_number.clone(),
                r.author.clone(),
                r.number_and_symbol.clone(),
                opt_date(r.document_date),
                r.type_and_subject.clone(),
                r.receiver.clone(),
                opt_date(r.passed_on),
                r.receipt_signature.clone(),
                r.note.clone(),
            ]
        }),
    )
}

/// An outgoing register as CSV, with the Phụ lục IV column names in Vietnamese;
/// text that a spreadsheet would read as a formula is guarded
/// ([`guard_formula`](crate::csv_text::guard_formula)).
pub fn outgoing_register_csv(rows: &[OutgoingRegisterRow]) -> String {
    let header = [
        "Số và ký hiệu",
        "Ngày tháng",
        "Tên loại và trích yếu nội dung",
        "Người ký",
        "Nơi nhận",
        "Đơn vị, người nhận bản lưu",
        "Số lượng bản",
        "Ngày chuyển",
        "Ký nhận",
        "Ghi chú",
    ];
    csv_text::write(
        &header,
        rows.iter().map(|r| {
            [
                r.number_and_symbol.clone(),
                r.date.to_string(),
                r.type_and_subject.clone(),
                r.signer.clone(),
                r.recipients.clone(),
                r.kept_copy_holder.clone(),
                r.copies.to_string(),
                opt_date(r.date_sent),
                r.receipt_signature.clone(),
                r.note.clone(),
            ]
        }),
    )
}
