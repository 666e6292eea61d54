//! Validation profiles: strict for senders, lenient for receivers.
//!
//! The reader already reports syntax deviations; validation checks content:
//! required elements, code lists, identifier shapes (through
//! `vanthu-identifiers`), real dates, recipients, attachments and their
//! content, confidentiality marks, Vietnamese text and field lengths.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::is_nfc;
use vanthu_identifiers::{
    AnyAgencyId, Confidentiality, DocumentId, DocumentNumber, Finding, Location, Severity,
};

use crate::codes::{BusinessType, StatusCode};
use crate::model::*;
use crate::read::ReadOutput;
use crate::rules::{self, Rule};
use crate::scan::{ContentScan, FileKind};
use crate::time::parse_date;

/// Who validates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Profile {
    /// A sender checking its own output: every deviation from the strict,
    /// reference form is an error (the VPCP side rejects such packages).
    Sender,
    /// A receiver: accept what the field sends, report deviations as warnings.
    #[default]
    Receiver,
}

/// How to validate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidateOptions {
    /// Strict (sender) or lenient (receiver).
    pub profile: Profile,
    /// Today in Vietnam, to check that dates are not in the future. No clock
    /// is read: without it, that check is skipped.
    pub today: Option<NaiveDate>,
}

impl ValidateOptions {
    /// Options for `profile`.
    #[must_use]
    pub fn new(profile: Profile) -> Self {
        Self {
            profile,
            today: None,
        }
    }
}

struct V<'a> {
    findings: Vec<Finding>,
    options: &'a ValidateOptions,
}

impl V<'_> {
    fn push(&mut self, rule: &Rule, detail: &str, path: &str) {
        self.findings
            .push(rule.finding(detail, Location::at_path(path)));
    }

    /// A finding with a detail in each language (`title: detail`), for
    /// details that are sentences rather than values.
    fn push_said(&mut self, rule: &Rule, en: &str, vi: &str, path: &str) {
        self.findings.push(rule.custom(
            format!("{}: {en}", rule.title),
            format!("{}: {vi}", rule.title_vi),
            Location::at_path(path),
        ));
    }

    /// An identifier that cannot be read: the English message of the error,
    /// and its stable code in the Vietnamese one.
    fn push_id_error(
        &mut self,
        rule: &Rule,
        value: &str,
        e: &vanthu_identifiers::IdError,
        path: &str,
    ) {
        self.push_said(
            rule,
            &format!("{value:?}: {e}"),
            &format!("{value:?}: lỗi {} tại byte {}", e.code(), e.offset()),
            path,
        );
    }

    fn required(&mut self, value: Option<&str>, path: &str) {
        if value.is_none_or(|v| v.trim().is_empty()) {
            self.push(&rules::REQUIRED, path, path);
        }
    }

    fn one_of(&mut self, value: Option<&str>, allowed: &[&str], path: &str) {
        if let Some(v) = value {
            let t = v.trim();
            if !t.is_empty() && !allowed.contains(&t) {
                self.push_said(
                    &rules::ENUMERATION,
                    &format!("{t:?} (allowed: {})", allowed.join(", ")),
                    &format!("{t:?} (giá trị cho phép: {})", allowed.join(", ")),
                    path,
                );
            }
        }
    }

    fn agency(&mut self, value: Option<&str>, path: &str) {
        let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return;
        };
        match AnyAgencyId::parse_lenient(v) {
            Ok((_, findings)) => {
                for f in findings {
                    self.findings.push(f.at(Location::at_path(path)));
                }
            }
            Err(e) => self.push_id_error(&rules::AGENCY_ID, v, &e, path),
        }
    }

    /// A `DocumentId` elsewhere than the header: its shape and real date.
    fn docid(&mut self, value: Option<&str>, path: &str) {
        let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return;
        };
        match DocumentId::parse_lenient(v) {
            Ok((_, findings)) => {
                for f in findings {
                    self.findings.push(f.at(Location::at_path(path)));
                }
            }
            Err(e) => self.push_id_error(&rules::DOCUMENT_ID, v, &e, path),
        }
    }

    fn text(&mut self, value: Option<&str>, path: &str, max_chars: Option<usize>) {
        let Some(v) = value else { return };
        if !is_nfc(v) {
            let nfc: String = v.nfc().collect();
            let n = v.chars().count().abs_diff(nfc.chars().count());
            self.push_said(
                &rules::NOT_NFC,
                &format!("{n} characters differ from NFC"),
                &format!("{n} ký tự khác với dạng NFC"),
                path,
            );
        }
        // One detector for the whole project: legacy text needs words that
        // read as Vietnamese only once repaired as TCVN3 or VNI, so foreign
        // names with Latin-1 letters ("Jürgen Müller") are not legacy.
        if let Some(encoding) = vanthu_identifiers::text::detect(v)
            .legacy_at_least(vanthu_identifiers::text::Confidence::Medium)
        {
            self.push_said(
                &rules::LEGACY_TEXT,
                &format!("{v:?} reads as Vietnamese only as {encoding}"),
                &format!("{v:?} chỉ đọc được thành tiếng Việt khi hiểu là mã {encoding}"),
                path,
            );
        }
        if let Some(max) = max_chars {
            let n = v.chars().count();
            if n > max {
                self.push_said(
                    &rules::LENGTH,
                    &format!("{n} characters, at most {max}"),
                    &format!("{n} ký tự, tối đa {max}"),
                    path,
                );
            }
        }
    }

    /// A declared content type against the sniffed file type.
    fn content_type(&mut self, declared: Option<&str>, scan: &ContentScan, path: &str) {
        let declared = declared.unwrap_or_default();
        if !declared.trim().is_empty() && !scan.kind.accepts(declared) {
            self.push_said(
                &rules::CONTENT_TYPE,
                &format!("declared {declared:?}, content is {:?}", scan.kind),
                &format!("khai báo {declared:?}, nội dung là {:?}", scan.kind),
                path,
            );
        }
    }

    /// A content type that is not a registered media type.
    fn media_type(&mut self, declared: Option<&str>, path: &str) {
        let Some(declared) = declared.map(str::trim).filter(|d| !d.is_empty()) else {
            return;
        };
        if !crate::scan::is_registered_media_type(declared) {
            self.push(&rules::NONSTANDARD_MIME, &format!("{declared:?}"), path);
        }
    }

    fn date(&mut self, value: Option<&str>, path: &str) {
        if let (Some(today), Some(d)) = (self.options.today, value.and_then(parse_date))
            && d > today
        {
            self.push(&rules::FUTURE_DATE, &format!("{d} > {today}"), path);
        }
    }

    fn organization(&mut self, o: &Organization, path: &str) {
        self.required(o.organ_id.as_deref(), &format!("{path}/OrganId"));
        self.agency(o.organ_id.as_deref(), &format!("{path}/OrganId"));
        self.required(o.organ_name.as_deref(), &format!("{path}/OrganName"));
        self.text(
            o.organ_name.as_deref(),
            &format!("{path}/OrganName"),
            Some(200),
        );
        self.text(
            o.organization_in_charge.as_deref(),
            &format!("{path}/OrganizationInCharge"),
            Some(500),
        );
        self.text(
            o.organ_add.as_deref(),
            &format!("{path}/OrganAdd"),
            Some(500),
        );
    }

    fn staff(&mut self, s: &StaffInfo, path: &str) {
        self.text(s.department.as_deref(), &format!("{path}/Department"), None);
        self.text(s.staff.as_deref(), &format!("{path}/Staff"), None);
    }

    fn secret(&mut self, value: Option<&str>, path: &str) {
        let Some(v) = value else { return };
        // A secret document is one that carries a confidentiality mark (dấu
        // chỉ độ mật): a field that is exactly Mật, Tối mật or Tuyệt mật. A
        // subject that speaks of secrets ("Quy chế bảo vệ bí mật nhà nước")
        // is not marked: at most a note to look at the original.
        if let Ok(mark) = Confidentiality::parse(v.trim()) {
            self.push_said(
                &rules::SECRET,
                &format!("{v:?} is the mark {mark}"),
                &format!("{v:?} là dấu chỉ độ mật {mark}"),
                path,
            );
            return;
        }
        let lower = v.nfc().collect::<String>().to_lowercase();
        if lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "mật")
        {
            self.push_said(
                &rules::SECRET_MENTIONED,
                &format!("{v:?} speaks of secrets but is no confidentiality mark"),
                &format!("{v:?} có nhắc đến bí mật nhưng không phải dấu chỉ độ mật"),
                path,
            );
        }
    }
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Allowed file formats (Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Điều 6 khoản 2:
/// editable and read-only formats; Phụ lục 2 mục III.1: exchange formats).
const ALLOWED: &[&str] = &[
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "pdf", "txt", "csv", "tif",
    "tiff", "jpg", "jpeg", "png",
];

/// Validates a package as read, with the scans of its attachments (same
/// order as the attachments; `None` when not scanned), and returns the
/// reader's findings (severities adjusted to the profile) followed by the
/// validation findings.
#[must_use]
pub fn validate(
    read: &ReadOutput,
    scans: &[Option<ContentScan>],
    options: &ValidateOptions,
) -> Vec<Finding> {
    let mut v = V {
        findings: Vec::new(),
        options,
    };
    match &read.package {
        Package::Document(d) => document(&mut v, d, scans),
        Package::Status(s) => status(&mut v, s),
    }
    let mut all: Vec<Finding> = read
        .findings
        .iter()
        .map(|f| adjust(f.clone(), options.profile))
        .collect();
    all.extend(v.findings.into_iter().map(|f| adjust(f, options.profile)));
    all
}

/// Severity by profile: a sender must produce the reference form, so reader
/// deviations from it are errors; a receiver only needs to understand it.
fn adjust(mut f: Finding, profile: Profile) -> Finding {
    const DEVIATIONS: &[&Rule] = &[
        &rules::WRONG_NAMESPACE,
        &rules::PREFIX_DEVIATION,
        &rules::BUSINESS_SPELLING,
        &rules::STATUS_WRAPPER,
        &rules::MANIFEST_NAME,
        &rules::DATE_ORDER,
        &rules::CID_MISMATCH,
        &rules::WRAPPED_BASE64,
        &rules::NO_XML_DECLARATION,
        &rules::DOCUMENT_ID,
        &rules::NOT_NFC,
        &rules::NO_BUSINESS,
        &rules::CODE_IRREGULAR,
    ];
    match profile {
        Profile::Sender => {
            if DEVIATIONS.iter().any(|r| r.id == f.rule) || is_identifier_rule(&f.rule) {
                f.severity = Severity::Error;
            }
        }
        Profile::Receiver => {
            if is_identifier_rule(&f.rule) && f.severity == Severity::Error {
                f.severity = Severity::Warning;
            }
        }
    }
    f
}

/// A rule of the identifier catalogue (`vanthu_identifiers::rules`).
fn is_identifier_rule(id: &str) -> bool {
    vanthu_identifiers::rules::ALL.iter().any(|r| r.id == id)
}

fn document(v: &mut V<'_>, d: &DocumentPackage, scans: &[Option<ContentScan>]) {
    const MH: &str = "edXMLHeader/MessageHeader";
    let h = &d.header;
    match &h.from {
        Some(from) => v.organization(from, &format!("{MH}/From")),
        None => v.push(&rules::REQUIRED, "From", &format!("{MH}/From")),
    }
    if h.to.is_empty() {
        v.push(&rules::REQUIRED, "To", &format!("{MH}/To"));
    }
    let mut seen = BTreeSet::new();
    for (i, to) in h.to.iter().enumerate() {
        let path = format!("{MH}/To[{}]", i + 1);
        v.organization(to, &path);
        if let Some(id) = to
            .organ_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            && !seen.insert(id.to_owned())
        {
            v.push(&rules::DUPLICATE_RECIPIENT, id, &format!("{path}/OrganId"));
        }
    }
    v.required(h.document_id.as_deref(), &format!("{MH}/DocumentId"));
    if let Some(id) = h.document_id.as_deref().filter(|s| !s.trim().is_empty()) {
        document_id(v, h, id);
    }
    match &h.code {
        Some(c) => {
            v.required(c.code_number.as_deref(), &format!("{MH}/Code/CodeNumber"));
            v.required(
                c.code_notation.as_deref(),
                &format!("{MH}/Code/CodeNotation"),
            );
            v.text(
                c.code_number.as_deref(),
                &format!("{MH}/Code/CodeNumber"),
                Some(11),
            );
            v.text(
                c.code_notation.as_deref(),
                &format!("{MH}/Code/CodeNotation"),
                Some(30),
            );
            code(v, h, c, &format!("{MH}/Code"));
        }
        None => v.push(&rules::REQUIRED, "Code", &format!("{MH}/Code")),
    }
    match &h.promulgation_info {
        Some(p) => {
            let path = format!("{MH}/PromulgationInfo/PromulgationDate");
            v.required(p.promulgation_date.as_deref(), &path);
            v.date(p.promulgation_date.as_deref(), &path);
            v.text(
                p.place.as_deref(),
                &format!("{MH}/PromulgationInfo/Place"),
                Some(50),
            );
        }
        None => v.push(
            &rules::REQUIRED,
            "PromulgationInfo",
            &format!("{MH}/PromulgationInfo"),
        ),
    }
    match &h.document_type {
        Some(t) => {
            v.required(t.type_code.as_deref(), &format!("{MH}/DocumentType/Type"));
            if let Some(code) = t.type_code.as_deref()
                && !code.trim().is_empty()
                && code.trim().parse::<u32>().is_err()
            {
                v.push_said(
                    &rules::ENUMERATION,
                    &format!("{code:?} is not a number"),
                    &format!("{code:?} không phải là số"),
                    &format!("{MH}/DocumentType/Type"),
                );
            }
            v.required(
                t.type_name.as_deref(),
                &format!("{MH}/DocumentType/TypeName"),
            );
            v.text(
                t.type_name.as_deref(),
                &format!("{MH}/DocumentType/TypeName"),
                Some(100),
            );
            v.secret(
                t.type_name.as_deref(),
                &format!("{MH}/DocumentType/TypeName"),
            );
        }
        None => v.push(
            &rules::REQUIRED,
            "DocumentType",
            &format!("{MH}/DocumentType"),
        ),
    }
    v.required(h.subject.as_deref(), &format!("{MH}/Subject"));
    v.text(h.subject.as_deref(), &format!("{MH}/Subject"), Some(500));
    v.secret(h.subject.as_deref(), &format!("{MH}/Subject"));
    v.text(h.content.as_deref(), &format!("{MH}/Content"), Some(500));
    if let Some(s) = &h.signer_info {
        v.text(
            s.position.as_deref(),
            &format!("{MH}/SignerInfo/Position"),
            Some(100),
        );
        v.text(
            s.full_name.as_deref(),
            &format!("{MH}/SignerInfo/FullName"),
            Some(50),
        );
        v.text(
            s.competence.as_deref(),
            &format!("{MH}/SignerInfo/Competence"),
            None,
        );
    }
    if let Some(o) = &h.other_info {
        let p = format!("{MH}/OtherInfo");
        v.one_of(
            o.priority.as_deref(),
            &["0", "1", "2", "3", "4"],
            &format!("{p}/Priority"),
        );
        v.one_of(
            o.direction.as_deref(),
            &["true", "false"],
            &format!("{p}/Direction"),
        );
        v.secret(
            o.sphere_of_promulgation.as_deref(),
            &format!("{p}/SphereOfPromulgation"),
        );
        v.text(
            o.sphere_of_promulgation.as_deref(),
            &format!("{p}/SphereOfPromulgation"),
            Some(100),
        );
        for (name, value) in [
            ("PromulgationAmount", &o.promulgation_amount),
            ("PageAmount", &o.page_amount),
        ] {
            if let Some(x) = value.as_deref().map(str::trim).filter(|x| !x.is_empty())
                && (x.len() > 3 || x.parse::<u16>().is_err())
            {
                v.push_said(
                    &rules::LENGTH,
                    &format!("{x:?} is not a number of at most 3 digits"),
                    &format!("{x:?} không phải là số có tối đa 3 chữ số"),
                    &format!("{p}/{name}"),
                );
            }
        }
    }
    v.one_of(
        h.steering_type.as_deref(),
        &["0", "1", "2"],
        &format!("{MH}/SteeringType"),
    );
    for (i, r) in h.response_for.iter().enumerate() {
        v.agency(
            r.organ_id.as_deref(),
            &format!("{MH}/ResponseFor[{}]/OrganId", i + 1),
        );
        v.docid(
            r.document_id.as_deref(),
            &format!("{MH}/ResponseFor[{}]/DocumentId", i + 1),
        );
    }
    // Trace list and business block.
    const TL: &str = "edXMLHeader/TraceHeaderList";
    match &d.trace {
        Some(t) => {
            if t.trace_headers.is_empty() {
                v.push(&rules::NO_TRACE, "", TL);
            }
            for (i, th) in t.trace_headers.iter().enumerate() {
                v.agency(
                    th.organ_id.as_deref(),
                    &format!("{TL}/TraceHeader[{}]/OrganId", i + 1),
                );
                v.required(
                    th.timestamp.as_deref(),
                    &format!("{TL}/TraceHeader[{}]/Timestamp", i + 1),
                );
            }
            match &t.business {
                Some(b) => business(v, b, h),
                None => v.push(&rules::NO_BUSINESS, "", TL),
            }
        }
        None => v.push(&rules::NO_TRACE, "TraceHeaderList", TL),
    }
    if let Some(signature) = &d.signature {
        let rule = if signature.is_placeholder() {
            &rules::SIGNATURE_PLACEHOLDER
        } else {
            &rules::SIGNATURE_NOT_VERIFIED
        };
        v.push(rule, "", "edXMLHeader/Signature");
    }
    attachments(v, d, scans);
}

/// The number and symbol of `Code`, read leniently with the identifiers
/// parser: an irregular real-world number (`74fass22`) is a finding
/// (`EDXML-HDR-009`), never a refusal. The identifier findings of a
/// readable one are reported here unless the `DocumentId` carries the same
/// text (they are reported there already).
fn code(v: &mut V<'_>, h: &MessageHeader, c: &Code, path: &str) {
    let (Some(number), Some(notation)) = (
        c.code_number
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty()),
        c.code_notation
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty()),
    ) else {
        return;
    };
    match DocumentNumber::from_code_parts(number, notation) {
        Ok(parsed) => {
            let in_document_id = h
                .document_id
                .as_deref()
                .and_then(|id| DocumentId::parse_lenient(id.trim()).ok())
                .and_then(|(id, _)| id.raw_number().map(|n| n.trim().to_owned()));
            if in_document_id.as_deref() == Some(parsed.as_str()) {
                return;
            }
            for f in parsed.findings() {
                v.findings.push(f.at(Location::at_path(path)));
            }
        }
        Err(e) => v.push_id_error(
            &rules::CODE_IRREGULAR,
            &format!("{number}/{notation}"),
            &e,
            path,
        ),
    }
}

/// `CodeNumber/CodeNotation` as the `DocumentId` writes it, NFC.
fn code_text(h: &MessageHeader) -> Option<String> {
    let c = h.code.as_ref()?;
    let number = c.code_number.as_deref().map(str::trim).unwrap_or_default();
    let notation = c
        .code_notation
        .as_deref()
        .map(str::trim)
        .unwrap_or_default();
    if number.is_empty() && notation.is_empty() {
        return None;
    }
    Some(format!("{number}/{notation}").nfc().collect())
}

/// The same number (`07` and `7` are one), year and symbol (in NFC).
fn same_number(a: &DocumentNumber, b: &DocumentNumber) -> bool {
    let symbol = |n: &DocumentNumber| n.symbol().nfc().collect::<String>();
    a.number() == b.number() && a.year() == b.year() && symbol(a) == symbol(b)
}

fn document_id(v: &mut V<'_>, h: &MessageHeader, id: &str) {
    let path = "edXMLHeader/MessageHeader/DocumentId";
    match DocumentId::parse_lenient(id) {
        Ok((parsed, findings)) => {
            for f in findings {
                v.findings.push(f.at(Location::at_path(path)));
            }
            let from = h
                .from
                .as_ref()
                .and_then(|f| f.organ_id.as_deref())
                .map(str::trim);
            let agency = parsed.agency().map(|a| a.as_str().to_owned());
            let date = h
                .promulgation_info
                .as_ref()
                .and_then(|p| p.promulgation_date.as_deref())
                .and_then(parse_date);
            let mut differences = Vec::new();
            if let (Some(from), Some(agency)) = (from, agency.as_deref())
                && from != agency
            {
                differences.push(format!("{agency} ≠ From {from}"));
            }
            if let (Some(a), Some(b)) = (parsed.date(), date)
                && a != b
            {
                differences.push(format!("{a} ≠ PromulgationDate {b}"));
            }
            // Compared as parsed when both parts read (the same number and
            // symbol however it is normalised), as text otherwise.
            if let (Some(in_id), Some(code)) = (parsed.raw_number(), code_text(h)) {
                let in_id: String = in_id.trim().nfc().collect();
                let same = match (parsed.number(), DocumentNumber::parse_lenient(&code)) {
                    (Some(a), Ok((b, _))) => same_number(a, &b),
                    _ => in_id == code,
                };
                if !same {
                    differences.push(format!("{in_id} ≠ Code {code}"));
                }
            }
            if !differences.is_empty() {
                v.push(&rules::DOCUMENT_ID_MISMATCH, &differences.join("; "), path);
            }
        }
        Err(e) => v.push_id_error(&rules::DOCUMENT_ID, id, &e, path),
    }
}

fn business(v: &mut V<'_>, b: &Business, h: &MessageHeader) {
    const B: &str = "edXMLHeader/TraceHeaderList/Bussiness";
    v.required(b.doc_type.as_deref(), &format!("{B}/BussinessDocType"));
    v.one_of(
        b.doc_type.as_deref(),
        &["0", "1", "2", "3"],
        &format!("{B}/BussinessDocType"),
    );
    v.one_of(b.paper.as_deref(), &["0", "1"], &format!("{B}/Paper"));
    v.docid(b.document_id.as_deref(), &format!("{B}/DocumentId"));
    if let Some(s) = &b.staff_info {
        v.staff(s, &format!("{B}/StaffInfo"));
    }
    if let Some(info) = &b.document_info {
        let p = format!("{B}/BussinessDocumentInfo");
        v.one_of(
            info.document_info.as_deref(),
            &["0", "1"],
            &format!("{p}/DocumentInfo"),
        );
        v.one_of(
            info.document_receiver.as_deref(),
            &["0", "1"],
            &format!("{p}/DocumentReceiver"),
        );
        for (i, r) in info.receiver_list.iter().flatten().enumerate() {
            let rp = format!("{p}/ReceiverList/Receiver[{}]", i + 1);
            v.agency(r.organ_id.as_deref(), &format!("{rp}/OrganId"));
            v.one_of(
                r.receiver_type.as_deref(),
                &["0", "1"],
                &format!("{rp}/ReceiverType"),
            );
        }
    }
    for (i, r) in b.replacement_info_list.iter().flatten().enumerate() {
        let rp = format!("{B}/ReplacementInfoList/ReplacementInfo[{}]", i + 1);
        v.required(r.document_id.as_deref(), &format!("{rp}/DocumentId"));
        v.docid(r.document_id.as_deref(), &format!("{rp}/DocumentId"));
        for id in r.organ_id_list.iter().flatten() {
            v.agency(Some(id), &format!("{rp}/OrganIdList/OrganId"));
        }
    }
    match b.doc_type.as_deref().and_then(BusinessType::parse) {
        Some(BusinessType::Revoke) => {
            if b.document_id.is_none() && h.response_for.is_empty() {
                v.push_said(
                    &rules::BUSINESS,
                    "a revocation must name the revoked document (Bussiness/DocumentId or ResponseFor)",
                    "gói thu hồi phải nêu văn bản bị thu hồi (Bussiness/DocumentId hoặc ResponseFor)",
                    B,
                );
            }
        }
        Some(BusinessType::Update) => {
            if b.document_info.is_none() {
                v.push_said(
                    &rules::BUSINESS,
                    "an update (type 2) needs BussinessDocumentInfo",
                    "gói cập nhật (loại 2) cần BussinessDocumentInfo",
                    B,
                );
            }
            if b.document_id.is_none() {
                v.push_said(
                    &rules::BUSINESS,
                    "an update (type 2) needs Bussiness/DocumentId",
                    "gói cập nhật (loại 2) cần Bussiness/DocumentId",
                    B,
                );
            }
        }
        Some(BusinessType::Replace) => {
            if b.replacement_info_list.as_ref().is_none_or(Vec::is_empty) {
                v.push_said(
                    &rules::BUSINESS,
                    "a replacement (type 3) needs ReplacementInfoList",
                    "gói thay thế (loại 3) cần ReplacementInfoList",
                    B,
                );
            }
        }
        Some(BusinessType::New) | None => {}
    }
}

fn strip(id: Option<&str>) -> Option<String> {
    id.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

fn attachments(v: &mut V<'_>, d: &DocumentPackage, scans: &[Option<ContentScan>]) {
    const AE: &str = "AttachmentEncoded";
    if d.attachments.is_empty() {
        v.push(&rules::NO_ATTACHMENT, "", AE);
    }
    let refs: Vec<Option<String>> = d
        .manifest
        .iter()
        .flat_map(|m| m.references.iter())
        .map(|r| strip(r.content_id.as_deref()))
        .collect();
    let atts: Vec<Option<String>> = d
        .attachments
        .iter()
        .map(|a| strip(a.content_id.as_deref()))
        .collect();
    let references: Vec<&Reference> = d.manifest.iter().flat_map(|m| &m.references).collect();
    for (i, r) in refs.iter().enumerate() {
        let path = format!("edXMLBody/edXMLManifest/Reference[{}]", i + 1);
        let declared = references.get(i).and_then(|r| r.content_type.as_deref());
        v.media_type(declared, &format!("{path}/ContentType"));
        // The manifest's type against what the attachment with its id is.
        let scan = r
            .as_ref()
            .and_then(|id| atts.iter().position(|a| a.as_ref() == Some(id)))
            .and_then(|j| scans.get(j))
            .and_then(Option::as_ref);
        if let Some(scan) = scan {
            v.content_type(declared, scan, &format!("{path}/ContentType"));
        }
        match r {
            Some(id) if atts.contains(&Some(id.clone())) => {}
            Some(id) => v.push(&rules::REFERENCE_WITHOUT_ATTACHMENT, id, &path),
            None => v.push(&rules::REQUIRED, "ContentId", &format!("{path}/ContentId")),
        }
    }
    let mut seen = BTreeSet::new();
    for (i, a) in d.attachments.iter().enumerate() {
        let path = format!("{AE}/Attachment[{}]", i + 1);
        match atts.get(i).cloned().flatten() {
            Some(id) => {
                if !refs.contains(&Some(id.clone())) {
                    v.push(&rules::ATTACHMENT_WITHOUT_REFERENCE, &id, &path);
                }
                if !seen.insert(id.clone()) {
                    v.push(&rules::DUPLICATE_CONTENT_ID, &id, &path);
                }
            }
            None => v.push(&rules::REQUIRED, "ContentId", &format!("{path}/ContentId")),
        }
        let name = a.attachment_name.as_deref().unwrap_or_default();
        if name.trim().is_empty() {
            v.push(&rules::ATTACHMENT_NAME, "", &path);
        } else {
            v.text(Some(name), &format!("{path}/AttachmentName"), None);
            let ext = extension(name);
            if !ALLOWED.contains(&ext.as_str()) {
                v.push(
                    &rules::FORMAT,
                    &format!("{name:?}"),
                    &format!("{path}/AttachmentName"),
                );
            }
        }
        v.media_type(a.content_type.as_deref(), &format!("{path}/ContentType"));
        if let Some(Some(scan)) = scans.get(i) {
            v.content_type(
                a.content_type.as_deref(),
                scan,
                &format!("{path}/ContentType"),
            );
            let ext = extension(name);
            if scan.kind == FileKind::Zip && !matches!(ext.as_str(), "zip") {
                v.push(&rules::ZIP_WRAPPED, &format!("{name:?}"), &path);
            }
            for active in &scan.active {
                let rule = if active.is_active() {
                    &rules::ACTIVE_CONTENT
                } else {
                    &rules::EMBEDDED_FILES
                };
                v.push(rule, active.marker(), &path);
            }
        }
    }
}

fn status(v: &mut V<'_>, s: &StatusPackage) {
    const MH: &str = "edXMLHeader/MessageHeader";
    match &s.from {
        Some(from) => v.organization(from, &format!("{MH}/From")),
        None => v.push(&rules::REQUIRED, "From", &format!("{MH}/From")),
    }
    match &s.response_for {
        Some(r) => {
            let p = format!("{MH}/ResponseFor");
            v.required(r.organ_id.as_deref(), &format!("{p}/OrganId"));
            v.agency(r.organ_id.as_deref(), &format!("{p}/OrganId"));
            v.required(r.document_id.as_deref(), &format!("{p}/DocumentId"));
            v.docid(r.document_id.as_deref(), &format!("{p}/DocumentId"));
            v.required(r.code.as_deref(), &format!("{p}/Code"));
        }
        None => v.push(
            &rules::REQUIRED,
            "ResponseFor",
            &format!("{MH}/ResponseFor"),
        ),
    }
    if let Some(staff) = &s.staff_info {
        v.staff(staff, &format!("{MH}/StaffInfo"));
    }
    v.required(s.status_code.as_deref(), &format!("{MH}/StatusCode"));
    if let Some(code) = s.status_code.as_deref().filter(|c| !c.trim().is_empty()) {
        let parsed = StatusCode::parse(code);
        if !parsed.is_known() || code.trim().len() != 2 {
            v.push(
                &rules::STATUS_CODE,
                &format!("{code:?}"),
                &format!("{MH}/StatusCode"),
            );
        }
        if matches!(parsed, StatusCode::Rejected | StatusCode::TakeBackRequested)
            && s.description.as_deref().is_none_or(|d| d.trim().is_empty())
        {
            v.push(&rules::STATUS_REASON, "", &format!("{MH}/Description"));
        }
    }
    v.text(s.description.as_deref(), &format!("{MH}/Description"), None);
    v.required(s.timestamp.as_deref(), &format!("{MH}/Timestamp"));
}

/// The result of [`check`]: the package as read and every finding.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Report {
    /// The package as read.
    pub read: ReadOutput,
    /// The scans of the attachments (`None` when one could not be decoded).
    pub scans: Vec<Option<ContentScan>>,
    /// Reader and validation findings.
    pub findings: Vec<Finding>,
}

impl Report {
    /// True when no finding is an error: [`vanthu_identifiers::conformant`],
    /// the one definition of conformant in vanthu.
    #[must_use]
    pub fn conformant(&self) -> bool {
        vanthu_identifiers::conformant(&self.findings)
    }

    /// The shared report of these findings (the verdict and the findings,
    /// without the package and the scans), as every crate of vanthu gives it.
    #[must_use]
    pub fn to_report(&self) -> vanthu_identifiers::Report {
        vanthu_identifiers::Report::new(self.findings.clone())
    }
}

impl From<Report> for vanthu_identifiers::Report {
    fn from(report: Report) -> Self {
        Self::new(report.findings)
    }
}

/// Reads, scans every attachment (decoding each once, in bounded memory)
/// and validates a package held in memory: [`check_from`] over a slice.
///
/// # Errors
/// When the package cannot be read at all (see [`read_with`](crate::read_with)).
pub fn check(
    input: &[u8],
    read_options: &crate::ReadOptions,
    options: &ValidateOptions,
) -> Result<Report, crate::EdxmlError> {
    check_from(input, read_options, options)
}

/// Reads a package from any buffered source (a file, a socket, standard
/// input), scanning every attachment while it streams past, then validates
/// it: one pass, no seeking, memory bounded whatever the size of the package.
///
/// `read_options` gives the limits; its attachment mode is ignored: every
/// attachment is decoded, hashed and scanned ([`AttachmentMode::Scan`](crate::AttachmentMode::Scan)).
/// An attachment whose Base64 is invalid is an `EDXML-ATT-001` finding at its
/// position and has no scan.
///
/// # Errors
/// When the package cannot be read at all (see [`read_with`](crate::read_with)).
pub fn check_from(
    input: impl std::io::BufRead,
    read_options: &crate::ReadOptions,
    options: &ValidateOptions,
) -> Result<Report, crate::EdxmlError> {
    let read_options = crate::ReadOptions {
        attachments: crate::AttachmentMode::Scan,
        ..*read_options
    };
    let read = crate::read_with(input, &read_options)?;
    let scans: Vec<Option<ContentScan>> = read.layout.iter().map(|l| l.scan.clone()).collect();
    let findings = validate(&read, &scans, options);
    Ok(Report {
        read,
        scans,
        findings,
    })
}
