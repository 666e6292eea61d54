//! Verification of every signature in a PDF, and the Vietnamese legal-value verdict.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use vanthu_identifiers::{Finding, Location, Report, Severity};

use crate::certs::{Certificate, TrustStore};
use crate::cms::{parse_cms, tst_time};
use crate::crypto::AlgorithmPolicy;
use crate::error::Error;
use crate::limits::Limits;
use crate::ltv::PadesLevel;
use crate::pdf::diff::{Modification, ModificationLevel};
use crate::pdf::locate::{Coverage, LocatedSignature, SignatureKind, Widget, locate};
use crate::pdf::object::ObjectId;
use crate::report::{Check, CheckId, Indication, SubIndication, conclude};
use crate::role::{Role, RolePolicy};
use crate::rules;

/// Vietnam's offset from UTC: +07:00 all year (no daylight saving time).
pub(crate) const VIETNAM_OFFSET_SECS: i32 = 7 * 3600;

/// Options of [`verify_pdf`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct VerifyOptions {
    /// The time at which certificates must be valid (the library never reads a
    /// clock). A signature with a trusted time-stamp is validated at the
    /// time-stamp's time instead (its proof of existence).
    pub at: DateTime<Utc>,
    /// Acceptable algorithms and key sizes.
    pub policy: AlgorithmPolicy,
    /// Resource limits.
    pub limits: Limits,
    /// What the file is, which decides the signatures it needs: a document
    /// (the competent person, then the agency), an attachment in a separate
    /// file or a digitised copy of a paper document (the agency alone).
    pub form: SignedForm,
    /// How signer certificates are told apart: person or organisation.
    pub roles: RolePolicy,
}

impl VerifyOptions {
    /// Default policy and limits, certificates checked at `at`.
    #[must_use]
    pub fn new(at: DateTime<Utc>) -> Self {
        Self {
            at,
            policy: AlgorithmPolicy::default(),
            limits: Limits::default(),
            form: SignedForm::Document,
            roles: RolePolicy::default(),
        }
    }
}

/// What a signed PDF is, which decides the signatures it needs for legal value.
///
/// A PDF does not say which it is: the sender's package, or the caller, does.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignedForm {
    /// A document: signed by the competent person, then by the agency
    /// (Nghị định 30/2020/NĐ-CP Điều 5 khoản 1).
    #[default]
    Document,
    /// An attachment in a separate file: the agency's signature alone
    /// (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 5 điểm b; Quy chế
    /// văn bản điện tử (tỉnh Nam Định, 2021) Điều 16 khoản 2 điểm b).
    Attachment,
    /// A digitised copy of a paper document (bản sao y từ văn bản giấy): the
    /// agency's signature alone gives it the value of the main copy
    /// (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 2, Điều 11 khoản
    /// 3 điểm d; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 14 khoản 4).
    DigitisedCopy,
}

impl SignedForm {
    /// `document`, `attachment` or `digitised_copy`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Attachment => "attachment",
            Self::DigitisedCopy => "digitised_copy",
        }
    }

    /// True when the agency's signature alone gives legal value.
    #[must_use]
    pub const fn agency_alone(self) -> bool {
        !matches!(self, Self::Document)
    }
}

/// The signer, as shown to a clerk.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Signer {
    /// Subject DN (RFC 4514).
    pub subject: String,
    /// Common name.
    pub common_name: Option<String>,
    /// Organisation.
    pub organization: Option<String>,
    /// UID values, e.g. `CCCD:…`, `MST:…`.
    pub uids: Vec<String>,
    /// Issuer DN.
    pub issuer: String,
    /// Serial number (hex).
    pub serial: String,
}

impl Signer {
    fn from_cert(c: &Certificate) -> Self {
        Self {
            subject: c.subject(),
            common_name: c.common_name(),
            organization: c.organization(),
            uids: c.uids(),
            issuer: c.issuer(),
            serial: c.serial_hex(),
        }
    }
}

/// The verdict on one signature.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct SignatureReport {
    /// The signature dictionary's object.
    pub object: ObjectId,
    /// Byte offset of that object's definition in the file.
    #[serde(default)]
    pub offset: u64,
    /// Signature or document time-stamp.
    pub kind: SignatureKind,
    /// `/SubFilter`.
    pub sub_filter: Option<String>,
    /// ETSI main indication.
    pub indication: Indication,
    /// ETSI sub-indication, when not passed.
    pub sub_indication: Option<SubIndication>,
    /// Coverage of the file.
    pub coverage: Coverage,
    /// Index of the revision the signature closes.
    pub signed_revision: Option<usize>,
    /// The signer, when identified.
    pub signer: Option<Signer>,
    /// Person, organisation, time-stamp or unknown.
    pub role: Role,
    /// The signing time, presented in Vietnam time (+07:00): time-stamp time when
    /// there is one, else the claimed CMS signingTime, else `/M`.
    #[serde(serialize_with = "ser_time", deserialize_with = "de_time", default)]
    pub signing_time: Option<DateTime<FixedOffset>>,
    /// The named checks.
    pub checks: Vec<Check>,
    /// Changes made by later revisions (allowed and not).
    pub modifications: Vec<Modification>,
    /// How far later revisions changed the document (pyHanko's modification
    /// level): `none` when the signature covers the whole file; absent when the
    /// signature's format stopped the analysis.
    #[serde(default)]
    pub modification_level: Option<ModificationLevel>,
    /// The widget showing the signature.
    pub widget: Option<Widget>,
    /// The PAdES level the signature reaches (ETSI EN 319 142-1 §6); `None`
    /// for a document time-stamp and for a signature that failed.
    #[serde(default)]
    pub level: Option<PadesLevel>,
    /// The earliest time a valid time-stamp proves the signature existed, in
    /// Vietnam time (+07:00): its signature time-stamp, or a later document
    /// time-stamp over it (for a document time-stamp: its own time). The
    /// certificates are validated at this time (past signature validation,
    /// ETSI EN 319 102-1 §5.6.2.4).
    #[serde(serialize_with = "ser_time", deserialize_with = "de_time", default)]
    pub proven_at: Option<DateTime<FixedOffset>>,
}

#[allow(clippy::ref_option)]
fn ser_time<S: serde::Serializer>(
    t: &Option<DateTime<FixedOffset>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&t.to_rfc3339()),
        None => s.serialize_none(),
    }
}

fn de_time<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(d)?;
    text.map(|t| DateTime::parse_from_rfc3339(&t).map_err(serde::de::Error::custom))
        .transpose()
}

/// Where a signature's findings apply: `signatures[i]`, followed by
/// `/<field name>` when the signature field has a name, at the byte offset of
/// its dictionary.
fn signature_location(index: usize, offset: u64, field_name: Option<&str>) -> Location {
    let path = match field_name {
        Some(name) => format!("signatures[{index}]/{name}"),
        None => format!("signatures[{index}]"),
    };
    let mut location = Location::at_path(path);
    location.offset = Some(offset);
    location
}

impl SignatureReport {
    /// How a clerk names this signature, in English and Vietnamese: its
    /// field name and page (`` `Signature1` (page 1) ``), or its object when
    /// the field is unknown.
    #[must_use]
    pub fn name(&self) -> (String, String) {
        let field = self.widget.as_ref().and_then(|w| w.field_name.as_deref());
        let page = self.widget.as_ref().and_then(|w| w.page_index);
        match (field, page) {
            (Some(f), Some(p)) => (
                format!("`{f}` (page {})", p + 1),
                format!("`{f}` (trang {})", p + 1),
            ),
            (Some(f), None) => (format!("`{f}`"), format!("`{f}`")),
            (None, _) => (
                format!("in object {}", self.object),
                format!("tại đối tượng {}", self.object),
            ),
        }
    }

    /// Where this signature is, as the `index`-th signature of its document:
    /// path `signatures[index]` (then `/` and the field name when known) and
    /// the byte offset of the signature dictionary.
    #[must_use]
    pub fn location(&self, index: usize) -> Location {
        signature_location(
            index,
            self.offset,
            self.widget.as_ref().and_then(|w| w.field_name.as_deref()),
        )
    }

    /// Every check of this signature as a [`Finding`] located at
    /// [`location(index)`](Self::location) (see [`Check::to_finding`]).
    #[must_use]
    pub fn findings(&self, index: usize) -> Vec<Finding> {
        let location = self.location(index);
        self.checks
            .iter()
            .map(|c| c.to_finding(location.clone()))
            .collect()
    }
}

/// The legal value of the document.
///
/// A document signed by the competent person and then by the agency has the
/// legal value of the paper original (Nghị định 30/2020/NĐ-CP Điều 5 khoản 1;
/// Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 1; Quy chế văn bản điện
/// tử (tỉnh Nam Định, 2021) Điều 3 khoản 1; Quyết định 182/QĐ-LĐTBXH (Sở
/// LĐTBXH Quảng Nam, 2019) Điều 4 khoản 1); any other document sent
/// electronically is for reference only (Quyết định 3760/QĐ-UBND (TP.HCM,
/// 2021) Điều 4 khoản 4; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 3
/// khoản 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
// Closed: the three verdicts on a document: original, for reference only, invalid. Matching on it exhaustively is safe.
#[allow(clippy::exhaustive_enums)]
pub enum LegalValue {
    /// Signed by the competent person and then by the agency: the value of the paper original.
    Original,
    /// Readable, but not validly signed as required: for reference only, paper must follow.
    ReferenceOnly,
    /// A signature is forged or the signed content was changed.
    Invalid,
}

impl LegalValue {
    /// `original`, `reference_only` or `invalid`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Original => "original",
            Self::ReferenceOnly => "reference_only",
            Self::Invalid => "invalid",
        }
    }
}

impl std::fmt::Display for LegalValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The verdict on a whole document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct DocumentReport {
    /// What the file was verified as.
    #[serde(default)]
    pub form: SignedForm,
    /// Original, reference only, or invalid.
    pub legal_value: LegalValue,
    /// Every signature, in file order.
    pub signatures: Vec<SignatureReport>,
    /// Why the verdict is what it is, and policy warnings. Exactly one of them
    /// is an error when the document is not [`LegalValue::Original`], none when
    /// it is.
    pub findings: Vec<Finding>,
}

impl DocumentReport {
    /// True when the document has the legal value of the paper original
    /// ([`LegalValue::Original`]): signed by the competent person and then by
    /// the agency, both signatures valid and trusted (see [`LegalValue`] for
    /// the articles). A PDF without that value is not conformant.
    ///
    /// This agrees with [`vanthu_identifiers::conformant`] over
    /// [`findings`](Self::findings), since every verdict other than original
    /// comes with an error finding.
    #[must_use]
    pub fn conformant(&self) -> bool {
        self.legal_value == LegalValue::Original
    }

    /// The verdict as the shared [`Report`]: the [`findings`](Self::findings)
    /// that explain the legal value, with `conformant` equal to
    /// [`conformant()`](Self::conformant).
    #[must_use]
    pub fn report(&self) -> Report {
        Report::new(self.findings.clone())
    }

    /// Every check of every signature ([`SignatureReport::findings`], in file
    /// order, located at `signatures[i]`) followed by the document's findings:
    /// the whole report in the shared [`Finding`] shape.
    ///
    /// A failed check of a signature that the verdict does not need (an extra
    /// signature from an untrusted signer beside a valid person and agency) is
    /// an error here although the document may be original: use
    /// [`conformant()`](Self::conformant) or [`report()`](Self::report) for
    /// the verdict.
    #[must_use]
    pub fn findings_all(&self) -> Vec<Finding> {
        self.signatures
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.findings(i))
            .chain(self.findings.iter().cloned())
            .collect()
    }
}

/// Parses a PDF date `D:YYYYMMDDHHmmSSOHH'mm'` (ISO 32000-1 §7.9.4).
#[must_use]
pub fn parse_pdf_date(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.strip_prefix("D:").unwrap_or(s);
    let digits = |from: usize, len: usize, default: u32| -> Option<u32> {
        match s.get(from..from + len) {
            Some(t) if t.bytes().all(|b| b.is_ascii_digit()) => t.parse().ok(),
            Some(_) => None,
            None => Some(default),
        }
    };
    let year = i32::try_from(digits(0, 4, 0)?).ok()?;
    let (month, day, hour, minute, second) = (
        digits(4, 2, 1)?,
        digits(6, 2, 1)?,
        digits(8, 2, 0)?,
        digits(10, 2, 0)?,
        digits(12, 2, 0)?,
    );
    let naive = NaiveDate::from_ymd_opt(year, month, day)?.and_hms_opt(hour, minute, second)?;
    let offset = match s.get(14..15) {
        Some("+") | Some("-") => {
            let sign = if s.get(14..15) == Some("-") { -1 } else { 1 };
            let rest: String = s
                .get(15..)
                .unwrap_or_default()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            let h: i32 = rest.get(0..2).and_then(|t| t.parse().ok()).unwrap_or(0);
            let m: i32 = rest.get(2..4).and_then(|t| t.parse().ok()).unwrap_or(0);
            FixedOffset::east_opt(sign * (h * 3600 + m * 60))?
        }
        _ => FixedOffset::east_opt(0)?,
    };
    offset.from_local_datetime(&naive).single()
}

/// Verifies every signature in `pdf` and gives the legal-value verdict.
///
/// # Errors
/// Only when the file cannot be read as a PDF at all (no header, no complete
/// revision, a limit exceeded). A readable file with bad signatures is `Ok`.
pub fn verify_pdf(
    pdf: &[u8],
    trust: &TrustStore,
    options: &VerifyOptions,
) -> Result<DocumentReport, Error> {
    let located = locate(pdf, &options.limits)?;
    // PAdES B-LT: certificates, CRLs and OCSP responses the document carries in
    // its /DSS help build paths (real VGCA signatures embed only the leaf) and
    // check revocation.
    let dss = crate::ltv::dss::read(
        &located.layout,
        pdf,
        options.limits.max_certificates,
        options.limits.max_decompressed,
    );
    let mut trust = trust.clone();
    trust.add_document_revocation(&dss.crls, &dss.ocsps);
    for der in &dss.certs {
        if let Ok(cert) = Certificate::from_der(der) {
            trust.add_intermediate(cert);
        }
    }
    let trust = &trust;
    // One path-building budget for the whole document (docs/limits.md §2).
    let work = crate::path::PathWork::new(&options.limits);
    // One modification analysis for all signatures (docs/limits.md §2).
    let history = crate::pdf::history::History::new(
        &located.layout,
        pdf,
        options.limits.max_listed_modifications,
    );
    let vn =
        FixedOffset::east_opt(VIETNAM_OFFSET_SECS).unwrap_or_else(|| chrono::Offset::fix(&Utc));
    // Last first: a valid document time-stamp is a proof of existence for
    // everything it covers (ETSI EN 319 102-1 §5.6.2.4), so later ones are
    // validated before the signatures they cover.
    let mut ltv = Ltv {
        doc_stamps: Vec::new(),
        dss_first: dss.first_revision,
    };
    let mut slots = Vec::with_capacity(located.signatures.len());
    for (index, sig) in located.signatures.iter().enumerate().rev() {
        let mut sig_findings = Vec::new();
        let report = verify_one(
            pdf,
            sig,
            index,
            trust,
            options,
            vn,
            &mut sig_findings,
            &ltv,
            &work,
            &history,
        );
        if report.kind == SignatureKind::DocTimeStamp
            && report.indication == Indication::TotalPassed
            && let (Some(rev), Some(at)) = (report.signed_revision, report.proven_at)
        {
            ltv.doc_stamps.push((rev, at.with_timezone(&Utc)));
        }
        slots.push((report, sig_findings));
    }
    let mut findings = Vec::new();
    let mut reports = Vec::new();
    for (report, sig_findings) in slots.into_iter().rev() {
        reports.push(report);
        findings.extend(sig_findings);
    }
    if let Some(limit) = work.hit() {
        let (en, vi) = limit.describe();
        findings.push(rules::PATH_LIMIT.custom(
            format!("certificate path building stopped at a limit ({en}): the signatures left without a path are INDETERMINATE"),
            format!("việc xây dựng đường dẫn chứng thư dừng lại vì chạm giới hạn ({vi}): các chữ ký chưa có đường dẫn ở trạng thái INDETERMINATE"),
            Location::default(),
        ));
    }
    if !located.unparsed.is_empty() {
        let (start, _) = located.unparsed.first().copied().unwrap_or_default();
        findings.push(rules::PDF_UNPARSED.custom(
            format!(
                "{} region(s) of the file are not valid PDF syntax",
                located.unparsed.len()
            ),
            format!(
                "{} vùng của tệp không đúng cú pháp PDF",
                located.unparsed.len()
            ),
            Location::at_offset(start),
        ));
    }
    if let Some(&first) = located.undecodable.first() {
        findings.push(rules::PDF_UNPARSED.custom(
            format!(
                "{} object or cross-reference stream(s) cannot be decoded: the objects in them are not read",
                located.undecodable.len()
            ),
            format!(
                "{} luồng đối tượng hoặc luồng tham chiếu chéo không giải mã được: các đối tượng bên trong không được đọc",
                located.undecodable.len()
            ),
            Location::at_offset(first),
        ));
    }
    let no_anchor = trust.anchors().is_empty();
    let unexamined = unexamined(&located, &options.limits);
    let legal_value = legal_value(&reports, options.form, no_anchor, unexamined, &mut findings);
    policy_warnings(
        &reports,
        options.form == SignedForm::Attachment,
        &mut findings,
    );
    Ok(DocumentReport {
        form: options.form,
        legal_value,
        signatures: reports,
        findings,
    })
}

/// What long-term validation knows when a signature is verified.
struct Ltv {
    /// Valid document time-stamps already verified: (signed revision, time).
    doc_stamps: Vec<(usize, DateTime<Utc>)>,
    /// The first revision with a `/DSS`.
    dss_first: Option<usize>,
}

impl Ltv {
    /// The earliest valid document time-stamp over revision `signed`.
    fn proof_after(&self, signed: usize) -> Option<DateTime<Utc>> {
        self.doc_stamps
            .iter()
            .filter(|(rev, _)| *rev > signed)
            .map(|(_, at)| *at)
            .min()
    }

    /// A valid document time-stamp covers revision `signed` and the `/DSS`
    /// (ETSI EN 319 142-1 §6.3, B-LTA).
    fn archived(&self, signed: usize) -> bool {
        self.dss_first.is_some_and(|dss| {
            self.doc_stamps
                .iter()
                .any(|(rev, _)| *rev > signed && *rev >= dss)
        })
    }
}

#[allow(clippy::too_many_lines, clippy::too_many_arguments)]
fn verify_one(
    pdf: &[u8],
    sig: &LocatedSignature,
    index: usize,
    trust: &TrustStore,
    options: &VerifyOptions,
    vn: FixedOffset,
    findings: &mut Vec<Finding>,
    ltv: &Ltv,
    work: &crate::path::PathWork,
    history: &crate::pdf::history::History<'_>,
) -> SignatureReport {
    let mut checks = Vec::new();
    let mut signer = None;
    let mut role = if sig.kind == SignatureKind::DocTimeStamp {
        Role::TimeStamp
    } else {
        Role::Unknown
    };
    let mut signing_time: Option<DateTime<Utc>> = None;
    let modifications: Vec<Modification> = Vec::new();
    let claimed_m = sig.claimed_time.as_deref().and_then(parse_pdf_date);
    let sub_filter = sig.sub_filter.as_deref();
    let time_stamp = sig.kind == SignatureKind::DocTimeStamp || sub_filter == Some("ETSI.RFC3161");
    let finish =
        |checks: Vec<Check>, signer, role, signing_time: Option<DateTime<Utc>>, modifications| {
            let (indication, sub_indication) = conclude(&checks);
            SignatureReport {
                object: sig.object,
                offset: u64::try_from(sig.offset).unwrap_or(u64::MAX),
                kind: sig.kind,
                sub_filter: sig.sub_filter.clone(),
                indication,
                sub_indication,
                coverage: sig.coverage,
                signed_revision: sig.signed_revision,
                signer,
                role,
                signing_time: signing_time
                    .map(|t| t.with_timezone(&vn))
                    .or_else(|| claimed_m.map(|t| t.with_timezone(&vn))),
                checks,
                modifications,
                modification_level: None,
                widget: sig.widget.clone(),
                level: None,
                proven_at: None,
            }
        };
    // FC: the format of the dictionary.
    match sub_filter {
        Some("adbe.pkcs7.detached" | "ETSI.CAdES.detached" | "ETSI.RFC3161") => {
            checks.push(Check::passed(
                CheckId::SubFilter,
                format!("/SubFilter {} is supported", sub_filter.unwrap_or_default()),
                format!("/SubFilter {} được hỗ trợ", sub_filter.unwrap_or_default()),
            ))
        }
        // Legacy (ISO 32000-1 §12.8.3.2, §12.8.3.3.1): verified, but SHA-1
        // passes only under AlgorithmPolicy::legacy (CRYPTO_CONSTRAINTS).
        Some(legacy @ ("adbe.pkcs7.sha1" | "adbe.x509.rsa_sha1")) if !time_stamp => {
            checks.push(Check::passed(
                CheckId::SubFilter,
                format!("/SubFilter {legacy} is supported (legacy, SHA-1 based; ISO 32000-2 deprecates it)"),
                format!("/SubFilter {legacy} được hỗ trợ (định dạng cũ dựa trên SHA-1; ISO 32000-2 không khuyến nghị)"),
            ))
        }
        other => {
            checks.push(Check::failed(
                CheckId::SubFilter,
                SubIndication::FormatFailure,
                format!(
                    "/SubFilter {} is not supported",
                    other.unwrap_or("(missing)")
                ),
                format!(
                    "/SubFilter {} không được hỗ trợ",
                    other.unwrap_or("(thiếu)")
                ),
            ));
            return finish(checks, signer, role, signing_time, modifications);
        }
    }
    let byte_range = match &sig.byte_range {
        Ok(br) => {
            checks.push(Check::passed(
                CheckId::ByteRange,
                "/ByteRange starts at 0 and leaves out exactly the /Contents hex string",
                "/ByteRange bắt đầu từ 0 và chỉ chừa lại đúng chuỗi /Contents",
            ));
            *br
        }
        Err(problem) => {
            checks.push(Check::failed(
                CheckId::ByteRange,
                SubIndication::FormatFailure,
                format!("{problem} (signature at byte {})", sig.offset),
                format!(
                    "/ByteRange hoặc /Contents không hợp lệ: {problem} (chữ ký tại byte {})",
                    sig.offset
                ),
            ));
            return finish(checks, signer, role, signing_time, modifications);
        }
    };
    let Some(signed_revision) = sig.signed_revision else {
        checks.push(Check::failed(
            CheckId::RevisionBoundary,
            SubIndication::FormatFailure,
            format!(
                "the signed range ends at byte {}, which is not the end of a revision (%%EOF)",
                byte_range.end()
            ),
            format!(
                "phần được ký kết thúc tại byte {}, không phải cuối một phiên bản (%%EOF)",
                byte_range.end()
            ),
        ));
        return finish(checks, signer, role, signing_time, modifications);
    };
    if sig.defined_in != Some(signed_revision) {
        checks.push(Check::failed(
            CheckId::RevisionBoundary,
            SubIndication::FormatFailure,
            "the signature dictionary is not part of the revision it signs",
            "từ điển chữ ký không thuộc phiên bản mà nó ký",
        ));
        return finish(checks, signer, role, signing_time, modifications);
    }
    checks.push(Check::passed(
        CheckId::RevisionBoundary,
        format!(
            "the signature covers revision {} up to its %%EOF",
            signed_revision + 1
        ),
        format!(
            "chữ ký bao trùm phiên bản {} tới %%EOF",
            signed_revision + 1
        ),
    ));
    // CMS.
    let Some(contents) = sig.contents.as_deref() else {
        checks.push(Check::failed(
            CheckId::CmsFormat,
            SubIndication::FormatFailure,
            "/Contents is missing",
            "thiếu /Contents",
        ));
        return finish(checks, signer, role, signing_time, modifications);
    };
    let cms = match crate::cms::parse_for(sub_filter, contents, &sig.cert) {
        Ok(c) => c,
        Err(e) => {
            checks.push(Check::failed(
                CheckId::CmsFormat,
                SubIndication::FormatFailure,
                format!("/Contents is not a CMS SignedData: {e}"),
                format!("/Contents không phải CMS SignedData: {e}"),
            ));
            return finish(checks, signer, role, signing_time, modifications);
        }
    };
    checks.extend(cms.format_checks());
    let Some((first, second)) = byte_range.slices(pdf) else {
        checks.push(Check::failed(
            CheckId::ByteRange,
            SubIndication::FormatFailure,
            "range out of the file",
            "phạm vi nằm ngoài tệp",
        ));
        return finish(checks, signer, role, signing_time, modifications);
    };
    let extra: Vec<Certificate> = Vec::new();
    let cert = cms.signer_certificate(&extra);
    let require_ess = sub_filter == Some("ETSI.CAdES.detached");
    checks.extend(cms.verify(
        &[first, second],
        cert.as_ref(),
        &options.policy,
        time_stamp,
        require_ess,
    ));
    if let Some(cert) = cert
        .as_ref()
        .filter(|c| time_stamp && !c.is_time_stamping())
    {
        checks.push(Check::failed(
            CheckId::TsaKeyUsage,
            SubIndication::ChainConstraintsFailure,
            format!(
                "'{}' is not a time-stamping certificate (RFC 3161 §2.3)",
                cert.subject()
            ),
            format!(
                "chứng thư '{}' không dùng để cấp dấu thời gian (RFC 3161 §2.3)",
                cert.subject()
            ),
        ));
    }
    if let Some(cert) = &cert {
        signer = Some(Signer::from_cert(cert));
        if !time_stamp {
            role = options.roles.classify(cert);
        }
    }
    // Times: the time-stamp (TST genTime) is trusted more than the claimed signingTime.
    let claimed = cms.signing_time();
    // B-T: an RFC 3161 token over the signature value, from a TSA the caller trusts.
    let mut stamped: Option<DateTime<Utc>> = None;
    if !time_stamp && cms.has_signature_time_stamp() {
        let (check, time) = check_signature_time_stamp(&cms, trust, options, work);
        checks.push(check);
        stamped = time;
    }
    let token_time = if time_stamp {
        cms.signed_data
            .encap_content_info
            .econtent
            .as_ref()
            .and_then(|a| a.decode_as::<der::asn1::OctetString>().ok())
            .and_then(|o| tst_time(o.as_bytes()))
    } else {
        stamped
    };
    signing_time = token_time.or(claimed);
    if let (Some(claimed), Some(reference)) = (
        claimed,
        token_time.or(claimed_m.map(|m| m.with_timezone(&Utc))),
    ) {
        // Known quirk: local Vietnam time written into signingTime as if UTC (+7 h).
        let delta = (claimed - reference).num_seconds();
        if (delta - i64::from(VIETNAM_OFFSET_SECS)).abs() <= 3600 && delta != 0 {
            findings.push(rules::SIG_TIME_PLUS7.custom(
                format!("signingTime is {delta} s after the reference time: local time (+07:00) written as UTC"),
                format!("signingTime lệch {delta} giây so với thời điểm tham chiếu: giờ Việt Nam bị ghi như giờ UTC"),
                signature_location(
                    index,
                    u64::try_from(sig.offset).unwrap_or(u64::MAX),
                    sig.widget.as_ref().and_then(|w| w.field_name.as_deref()),
                ),
            ));
        }
    }
    // Trust: at the validation time, or, when a trusted time-stamp proves the
    // signature existed earlier, at that time (best-signature-time, ETSI EN 319
    // 102-1 §5.6.2.4), so that a time-stamped signature outlives its certificate.
    let later_proof = ltv.proof_after(signed_revision);
    let proven = match (stamped, later_proof) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let mut revocation_from_document = false;
    if let Some(cert) = &cert {
        // Validation data in the CMS itself (adbe-revocationInfoArchival,
        // id-aa-ets-revocationValues, id-aa-ets-certValues).
        let carried = crate::ltv::cms_validation_data(&cms, options.limits.max_certificates);
        let local;
        let trust = if carried.is_empty() {
            trust
        } else {
            let mut t = trust.clone();
            t.add_document_revocation(&carried.crls, &carried.ocsps);
            for der in &carried.certs {
                if let Ok(c) = Certificate::from_der(der) {
                    t.add_intermediate(c);
                }
            }
            local = t;
            &local
        };
        let purpose = if time_stamp {
            crate::certs::Purpose::TimeStamping
        } else {
            crate::certs::Purpose::DocumentSigning
        };
        let validation = trust.validate_for(
            cert,
            cms.certificates(),
            proven.map_or(options.at, |p| p.min(options.at)),
            &options.policy,
            options.limits.max_path_length,
            purpose,
            work,
        );
        revocation_from_document = validation.revocation_from_document;
        checks.extend(validation.checks);
    }
    // Coverage, and what the later revisions changed against what the
    // signature permits (docs/signature-policy.md §9).
    let (check, found, level) = history.coverage_check(sig, signed_revision);
    checks.push(check);
    let mut report = finish(checks, signer, role, signing_time, found);
    report.modification_level = level;
    if time_stamp {
        // A document time-stamp proves its own time once it is valid.
        report.proven_at = (report.indication == Indication::TotalPassed)
            .then_some(token_time)
            .flatten()
            .map(|t| t.with_timezone(&vn));
    } else {
        report.proven_at = proven.map(|t| t.with_timezone(&vn));
        report.level = (report.indication != Indication::TotalFailed).then(|| {
            if proven.is_none() {
                PadesLevel::BB
            } else if !revocation_from_document {
                PadesLevel::BT
            } else if ltv.archived(signed_revision) {
                PadesLevel::BLTA
            } else {
                PadesLevel::BLT
            }
        });
    }
    report
}

/// Verifies the signature time-stamp token (RFC 3161; ETSI EN 319 102-1 §5.4):
/// its imprint covers the signature value, its own signature verifies, and the
/// TSA chains to a trusted anchor. A token that fails is reported but does not
/// fail the signature: it only gives no proof of time.
fn check_signature_time_stamp(
    cms: &crate::cms::ParsedCms,
    trust: &TrustStore,
    options: &VerifyOptions,
    work: &crate::path::PathWork,
) -> (Check, Option<DateTime<Utc>>) {
    let token = cms
        .signer
        .unsigned_attrs
        .iter()
        .flat_map(|a| a.iter())
        .find(|a| a.oid == crate::cms::oid::SIGNATURE_TIME_STAMP)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| der::Encode::to_der(v).ok());
    let Some(tst) = token.as_deref().and_then(|t| parse_cms(t).ok()) else {
        return (
            Check::warning(
                CheckId::SignatureTimeStamp,
                "the signature time-stamp is malformed",
                "dấu thời gian của chữ ký không đúng định dạng",
            ),
            None,
        );
    };
    let gen_time = tst
        .signed_data
        .encap_content_info
        .econtent
        .as_ref()
        .and_then(|a| a.decode_as::<der::asn1::OctetString>().ok())
        .and_then(|o| tst_time(o.as_bytes()));
    let tsa = tst.signer_certificate(&[]);
    let mut checks = tst.verify(
        &[cms.signer.signature.as_bytes()],
        tsa.as_ref(),
        &options.policy,
        true,
        false,
    );
    if let Some(tsa) = &tsa {
        if !tsa.is_time_stamping() {
            checks.push(Check::failed(
                CheckId::TsaKeyUsage,
                SubIndication::ChainConstraintsFailure,
                format!(
                    "'{}' is not a time-stamping certificate (RFC 3161 §2.3)",
                    tsa.subject()
                ),
                format!(
                    "chứng thư '{}' không dùng để cấp dấu thời gian (RFC 3161 §2.3)",
                    tsa.subject()
                ),
            ));
        }
        let at = gen_time.unwrap_or(options.at);
        // The TSA's intermediates may travel in the token or beside the signer's.
        let pool: Vec<Certificate> = tst
            .certificates()
            .iter()
            .chain(cms.certificates())
            .cloned()
            .collect();
        checks.extend(
            trust
                .validate_for(
                    tsa,
                    &pool,
                    at,
                    &options.policy,
                    options.limits.max_path_length,
                    crate::certs::Purpose::TimeStamping,
                    work,
                )
                .checks,
        );
    }
    let (indication, sub) = conclude(&checks);
    let who = tsa.as_ref().map(Certificate::subject).unwrap_or_default();
    match (indication, gen_time) {
        (Indication::TotalPassed, Some(t)) => (
            Check::passed(
                CheckId::SignatureTimeStamp,
                format!("time-stamped by '{who}' at {}", crate::report::vn_time(&t)),
                format!(
                    "được gắn dấu thời gian bởi '{who}' lúc {}",
                    crate::report::vn_time(&t)
                ),
            ),
            Some(t),
        ),
        _ => {
            let failed = checks
                .iter()
                .find(|c| c.outcome == crate::report::Outcome::Failed);
            let why = failed.map(|c| c.message.clone()).unwrap_or_default();
            let why_vi = failed.map(|c| c.message_vi.clone()).unwrap_or_default();
            (
                Check::warning(
                    CheckId::SignatureTimeStamp,
                    format!(
                        "the signature time-stamp gives no proof of time ({}): {why}",
                        sub.map_or("", |s| s.as_str())
                    ),
                    format!(
                        "dấu thời gian của chữ ký không chứng minh được thời điểm ký ({}): {why_vi}",
                        sub.map_or("", |s| s.as_str())
                    ),
                ),
                None,
            )
        }
    }
}

/// `SIG-PDF-LIMIT` when the locator left signatures or revisions out
/// because of `limits`: what was not examined, from where.
fn unexamined(located: &crate::pdf::locate::PdfSignatures, limits: &Limits) -> Option<Finding> {
    let mut en = Vec::new();
    let mut vi = Vec::new();
    let mut at = None;
    if let Some(skipped) = located.skipped_signatures {
        let max = limits.max_signatures;
        en.push(format!(
            "the file has {} signature dictionaries, more than max_signatures ({max}): the {} after \
             the first {max} (from byte {}) were not examined",
            max + skipped.count,
            skipped.count,
            skipped.first_offset
        ));
        vi.push(format!(
            "tệp có {} từ điển chữ ký, nhiều hơn giới hạn max_signatures ({max}): {} chữ ký sau \
             {max} chữ ký đầu (từ byte {}) không được kiểm tra",
            max + skipped.count,
            skipped.count,
            skipped.first_offset
        ));
        at = Some(skipped.first_offset);
    }
    if let Some(from) = located.unexamined_from {
        let max = limits.max_revisions;
        en.push(format!(
            "the file has more than {max} revisions (max_revisions): nothing from byte {from} on \
             was examined"
        ));
        vi.push(format!(
            "tệp có hơn {max} phiên bản (giới hạn max_revisions): phần từ byte {from} trở đi \
             không được kiểm tra"
        ));
        at = Some(at.map_or(from, |a: usize| a.min(from)));
    }
    let at = at?;
    Some(rules::PDF_LIMIT.custom(
        format!("{}: the legal value cannot be established", en.join("; ")),
        format!("{}: không xác định được giá trị pháp lý", vi.join("; ")),
        Location::at_offset(at),
    ))
}

fn legal_value(
    reports: &[SignatureReport],
    form: SignedForm,
    no_anchor: bool,
    unexamined: Option<Finding>,
    findings: &mut Vec<Finding>,
) -> LegalValue {
    if let Some((i, bad)) = reports
        .iter()
        .enumerate()
        .find(|(_, r)| r.indication == Indication::TotalFailed)
    {
        let sub = bad.sub_indication.map_or("", |s| s.as_str());
        let (name, name_vi) = bad.name();
        findings.push(rules::LEGAL_INVALID.custom(
            format!("signature {name} failed ({sub}): the document must be returned"),
            format!("chữ ký {name_vi} không hợp lệ ({sub}): văn bản phải được trả lại"),
            bad.location(i),
        ));
        // The verdict has its one error already: what was left out is said
        // beside it, as a warning.
        if let Some(mut limit) = unexamined {
            limit.severity = Severity::Warning;
            findings.push(limit);
        }
        return LegalValue::Invalid;
    }
    // Signatures or revisions left out may hold anything: no verdict on the
    // document can rest on the part that was read.
    if let Some(limit) = unexamined {
        findings.push(limit);
        return LegalValue::ReferenceOnly;
    }
    let passed = |role: Role| {
        reports
            .iter()
            .filter(move |r| r.role == role && r.indication == Indication::TotalPassed)
    };
    if reports.iter().all(|r| r.role == Role::TimeStamp) {
        findings.push(rules::LEGAL_UNSIGNED.finding("", Location::default()));
        return LegalValue::ReferenceOnly;
    }
    // Without an anchor no path can be validated: say so, rather than blame
    // the signatures, so that the caller passes the roots it trusts.
    if no_anchor {
        findings.push(rules::LEGAL_NO_TRUST_ANCHOR.custom(
            "no trust anchor was given, so no signature could be validated and the legal value \
             cannot be established: pass the root certificates you trust (vanthu: --trust CERT_OR_DIR)",
            "không có chứng thư gốc tin cậy nào được cung cấp nên không xác thực được chữ ký nào và \
             chưa xác định được giá trị pháp lý: hãy cung cấp chứng thư gốc tin cậy (vanthu: --trust CERT_OR_DIR)",
            Location::default(),
        ));
        return LegalValue::ReferenceOnly;
    }
    let org = passed(Role::Organization)
        .filter_map(|r| r.signed_revision)
        .max();
    let Some(org_rev) = org else {
        findings.push(rules::LEGAL_NO_AGENCY.finding("", Location::default()));
        return LegalValue::ReferenceOnly;
    };
    if form.agency_alone() {
        if form == SignedForm::DigitisedCopy {
            findings.push(rules::LEGAL_DIGITISED_COPY.finding("", Location::default()));
        }
        return LegalValue::Original;
    }
    let Some(person_rev) = passed(Role::Person).filter_map(|r| r.signed_revision).min() else {
        findings.push(rules::LEGAL_NO_PERSON.finding("", Location::default()));
        return LegalValue::ReferenceOnly;
    };
    // The clerk signs for the agency only after the competent person (Quy chế
    // văn bản điện tử (tỉnh Nam Định, 2021) Điều 17 khoản 4 điểm c).
    if person_rev >= org_rev {
        let at = reports
            .iter()
            .position(|r| r.role == Role::Organization && r.signed_revision == Some(org_rev))
            .and_then(|i| reports.get(i).map(|r| r.location(i)))
            .unwrap_or_default();
        findings.push(rules::LEGAL_ORDER.finding("", at));
        return LegalValue::ReferenceOnly;
    }
    LegalValue::Original
}

fn overlap(a: [f64; 4], b: [f64; 4]) -> f64 {
    let w = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
    let h = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
    w * h
}

fn policy_warnings(reports: &[SignatureReport], attachment: bool, findings: &mut Vec<Finding>) {
    let located = || reports.iter().enumerate().map(|(i, r)| (r.location(i), r));
    if attachment {
        for (at, _) in located().filter(|(_, r)| r.role == Role::Person) {
            findings.push(rules::ATTACH_PERSON.finding("", at));
        }
        for (at, r) in located().filter(|(_, r)| r.role == Role::Organization) {
            let Some(w) = &r.widget else { continue };
            if w.has_image {
                findings.push(rules::ATTACH_IMAGE.finding("", at.clone()));
            }
            let top_right = match (w.rect, w.page_box) {
                (Some(rect), Some(page)) => {
                    let mid_x = (page[0] + page[2]) / 2.0;
                    let mid_y = (page[1] + page[3]) / 2.0;
                    rect[0] >= mid_x && rect[1] >= mid_y
                }
                _ => false,
            };
            if w.is_invisible() || w.page_index != Some(0) || !top_right {
                findings.push(rules::ATTACH_POSITION.finding("", at));
            }
        }
    }
    // The seal covers about a third of the person's signature, on its left
    // (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 5 điểm b; Quy chế
    // văn bản điện tử (tỉnh Nam Định, 2021) Điều 16 khoản 2 điểm a).
    for person in reports.iter().filter(|r| r.role == Role::Person) {
        let Some(pw) = person.widget.as_ref().filter(|w| !w.is_invisible()) else {
            continue;
        };
        for (at, org) in located().filter(|(_, r)| r.role == Role::Organization) {
            let Some(ow) = org
                .widget
                .as_ref()
                .filter(|w| !w.is_invisible() && w.page_index == pw.page_index)
            else {
                continue;
            };
            let (Some(p), Some(o)) = (pw.rect, ow.rect) else {
                continue;
            };
            let area = (p[2] - p[0]) * (p[3] - p[1]);
            let ratio = if area > 0.0 {
                overlap(p, o) / area
            } else {
                0.0
            };
            if !(0.15..=0.6).contains(&ratio) {
                findings.push(rules::SEAL_OVERLAP.custom(
                    format!("the seal covers {:.0} % of the person's signature; about a third is expected", ratio * 100.0),
                    format!("hình con dấu trùm {:.0} % chữ ký của người có thẩm quyền; quy định khoảng 1/3", ratio * 100.0),
                    at,
                ));
            }
        }
    }
}
