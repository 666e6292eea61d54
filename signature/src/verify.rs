//! Verification of every signature in a PDF, and the Vietnamese legal-value verdict.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use vanthu_identifiers::{Finding, Location, Severity};

use crate::certs::{Certificate, TrustStore};
use crate::cms::{parse_cms, tst_time};
use crate::crypto::AlgorithmPolicy;
use crate::error::Error;
use crate::limits::Limits;
use crate::pdf::diff::{Modification, analyse};
use crate::pdf::locate::{Coverage, LocatedSignature, SignatureKind, Widget, locate};
use crate::pdf::object::ObjectId;
use crate::report::{Check, Indication, SubIndication, conclude};

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
    /// The file is an attachment in a separate file: only the agency signature is
    /// required (seed 001 Art. 11.5.b; 003 Art. 16.2.b).
    pub attachment: bool,
}

impl VerifyOptions {
    /// Default policy and limits, certificates checked at `at`.
    #[must_use]
    pub fn new(at: DateTime<Utc>) -> Self {
        Self {
            at,
            policy: AlgorithmPolicy::default(),
            limits: Limits::default(),
            attachment: false,
        }
    }
}

/// Who a certificate belongs to, for the Vietnamese policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// A natural person (the competent signer): `CCCD:`, `CMND:` or `HC:` UID.
    Person,
    /// An agency or organisation (the seal): `MST:` or `MNS:` UID and no personal id.
    Organization,
    /// A document time-stamp authority.
    TimeStamp,
    /// The certificate says neither.
    Unknown,
}

impl Role {
    /// `person`, `organization`, `time_stamp` or `unknown`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::TimeStamp => "time_stamp",
            Self::Unknown => "unknown",
        }
    }
}

/// Classifies a signer certificate by its subject `UID` values (reference/signature.md §4.3):
/// a personal identity number makes a person, even with a tax code beside it.
#[must_use]
pub fn classify(cert: &Certificate) -> Role {
    let uids: Vec<String> = cert
        .uids()
        .iter()
        .map(|u| u.trim().to_ascii_uppercase())
        .collect();
    let has = |prefixes: &[&str]| {
        uids.iter()
            .any(|u| prefixes.iter().any(|p| u.starts_with(p)))
    };
    if has(&["CCCD:", "CMND:", "HC:", "CCCD-", "CMND-"]) {
        Role::Person
    } else if has(&["MST:", "MNS:", "MST-", "MNS-"]) {
        Role::Organization
    } else if cert.title().is_some() {
        Role::Person
    } else {
        Role::Unknown
    }
}

/// The signer, as shown to a clerk.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
#[derive(Debug, Clone, serde::Serialize)]
#[non_exhaustive]
pub struct SignatureReport {
    /// The signature dictionary's object.
    pub object: ObjectId,
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
    #[serde(serialize_with = "ser_time")]
    pub signing_time: Option<DateTime<FixedOffset>>,
    /// The named checks.
    pub checks: Vec<Check>,
    /// Changes made by later revisions (allowed and not).
    pub modifications: Vec<Modification>,
    /// The widget showing the signature.
    pub widget: Option<Widget>,
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

/// The legal value of the document (seed 001 Art. 4; 003 Art. 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
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

/// The verdict on a whole document.
#[derive(Debug, Clone, serde::Serialize)]
#[non_exhaustive]
pub struct DocumentReport {
    /// Original, reference only, or invalid.
    pub legal_value: LegalValue,
    /// Every signature, in file order.
    pub signatures: Vec<SignatureReport>,
    /// Why the verdict is what it is, and policy warnings.
    pub findings: Vec<Finding>,
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
    // PAdES B-LT: certificates and CRLs the document carries in its /DSS help
    // build paths (real VGCA signatures embed only the leaf) and check revocation.
    let (dss_certs, dss_crls) = crate::pdf::diff::dss_material(
        &located.layout,
        pdf,
        options.limits.max_certificates,
        options.limits.max_decompressed,
    );
    let mut trust = trust.clone();
    for crl in &dss_crls {
        // A CRL only counts when its issuer's signature verifies; malformed ones are skipped.
        let _ = trust.add_crl_der(crl);
    }
    for der in &dss_certs {
        if let Ok(cert) = Certificate::from_der(der) {
            trust.add_intermediate(cert);
        }
    }
    let trust = &trust;
    let vn =
        FixedOffset::east_opt(VIETNAM_OFFSET_SECS).unwrap_or_else(|| chrono::Offset::fix(&Utc));
    let mut findings = Vec::new();
    let mut reports = Vec::new();
    for sig in &located.signatures {
        let report = verify_one(pdf, &located, sig, trust, options, vn, &mut findings);
        reports.push(report);
    }
    if !located.unparsed.is_empty() {
        let (start, _) = located.unparsed.first().copied().unwrap_or_default();
        findings.push(
            Finding::new(
                "SIG-PDF-UNPARSED",
                Severity::Warning,
                format!(
                    "{} region(s) of the file are not valid PDF syntax",
                    located.unparsed.len()
                ),
                format!(
                    "{} vùng của tệp không đúng cú pháp PDF",
                    located.unparsed.len()
                ),
                "ISO 32000-1 §7.5",
            )
            .at(Location::at_offset(start)),
        );
    }
    let legal_value = legal_value(&reports, options.attachment, &mut findings);
    policy_warnings(&reports, options.attachment, &mut findings);
    Ok(DocumentReport {
        legal_value,
        signatures: reports,
        findings,
    })
}

#[allow(clippy::too_many_lines)]
fn verify_one(
    pdf: &[u8],
    located: &crate::pdf::locate::PdfSignatures,
    sig: &LocatedSignature,
    trust: &TrustStore,
    options: &VerifyOptions,
    vn: FixedOffset,
    findings: &mut Vec<Finding>,
) -> SignatureReport {
    let mut checks = Vec::new();
    let mut signer = None;
    let mut role = if sig.kind == SignatureKind::DocTimeStamp {
        Role::TimeStamp
    } else {
        Role::Unknown
    };
    let mut signing_time: Option<DateTime<Utc>> = None;
    let mut modifications = Vec::new();
    let claimed_m = sig.claimed_time.as_deref().and_then(parse_pdf_date);
    let sub_filter = sig.sub_filter.as_deref();
    let time_stamp = sig.kind == SignatureKind::DocTimeStamp || sub_filter == Some("ETSI.RFC3161");
    let finish =
        |checks: Vec<Check>, signer, role, signing_time: Option<DateTime<Utc>>, modifications| {
            let (indication, sub_indication) = conclude(&checks);
            SignatureReport {
                object: sig.object,
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
                widget: sig.widget.clone(),
            }
        };
    // FC: the format of the dictionary.
    match sub_filter {
        Some("adbe.pkcs7.detached" | "ETSI.CAdES.detached" | "ETSI.RFC3161") => {
            checks.push(Check::passed(
                "SUB_FILTER",
                format!("/SubFilter {} is supported", sub_filter.unwrap_or_default()),
                format!("/SubFilter {} được hỗ trợ", sub_filter.unwrap_or_default()),
            ))
        }
        other => {
            checks.push(Check::failed(
                "SUB_FILTER",
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
                "BYTE_RANGE",
                "/ByteRange starts at 0 and leaves out exactly the /Contents hex string",
                "/ByteRange bắt đầu từ 0 và chỉ chừa lại đúng chuỗi /Contents",
            ));
            *br
        }
        Err(problem) => {
            checks.push(Check::failed(
                "BYTE_RANGE",
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
            "REVISION_BOUNDARY",
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
            "REVISION_BOUNDARY",
            SubIndication::FormatFailure,
            "the signature dictionary is not part of the revision it signs",
            "từ điển chữ ký không thuộc phiên bản mà nó ký",
        ));
        return finish(checks, signer, role, signing_time, modifications);
    }
    checks.push(Check::passed(
        "REVISION_BOUNDARY",
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
            "CMS_FORMAT",
            SubIndication::FormatFailure,
            "/Contents is missing",
            "thiếu /Contents",
        ));
        return finish(checks, signer, role, signing_time, modifications);
    };
    let cms = match parse_cms(contents) {
        Ok(c) => c,
        Err(e) => {
            checks.push(Check::failed(
                "CMS_FORMAT",
                SubIndication::FormatFailure,
                format!("/Contents is not a CMS SignedData: {e}"),
                format!("/Contents không phải CMS SignedData: {e}"),
            ));
            return finish(checks, signer, role, signing_time, modifications);
        }
    };
    checks.push(if cms.was_ber {
        Check::warning(
            "CMS_FORMAT",
            "the CMS is BER-encoded (accepted)",
            "CMS được mã hóa BER (chấp nhận)",
        )
    } else {
        Check::passed(
            "CMS_FORMAT",
            "the CMS is a DER SignedData",
            "CMS là SignedData mã hóa DER",
        )
    });
    let Some((first, second)) = byte_range.slices(pdf) else {
        checks.push(Check::failed(
            "BYTE_RANGE",
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
            "TSA_KEY_USAGE",
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
            role = classify(cert);
        }
    }
    // Times: the time-stamp (TST genTime) is trusted more than the claimed signingTime.
    let claimed = cms.signing_time();
    // B-T: an RFC 3161 token over the signature value, from a TSA the caller trusts.
    let mut stamped: Option<DateTime<Utc>> = None;
    if !time_stamp && cms.has_signature_time_stamp() {
        let (check, time) = check_signature_time_stamp(&cms, trust, options);
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
            findings.push(
                Finding::new(
                    "VN-SIG-TIME-PLUS7",
                    Severity::Warning,
                    format!("signingTime is {delta} s after the reference time: local time (+07:00) written as UTC"),
                    format!("signingTime lệch {delta} giây so với thời điểm tham chiếu: giờ Việt Nam bị ghi như giờ UTC"),
                    "reference/signature.md §4.4; Circular 15/2025/TT-BKHCN",
                )
                .at(Location::at_offset(sig.offset)),
            );
        }
    }
    // Trust: at the validation time, or, when a trusted time-stamp proves the
    // signature existed earlier, at that time (best-signature-time, ETSI EN 319
    // 102-1 §5.6.2.4), so that a time-stamped signature outlives its certificate.
    if let Some(cert) = &cert {
        let (path_checks, _) = trust.validate(
            cert,
            cms.certificates(),
            stamped.unwrap_or(options.at),
            &options.policy,
            options.limits.max_path_length,
        );
        checks.extend(path_checks);
    }
    // Coverage and modifications after the signed revision.
    modifications = analyse(&located.layout, pdf, signed_revision);
    // A certification signature with P=1 permits no change but DSS and metadata
    // (ISO 32000-1 §12.8.2.2; PAdES B-LT additions as pyHanko's LTA_UPDATES).
    let no_changes = sig.docmdp == Some(1);
    let bad: Vec<&Modification> = modifications
        .iter()
        .filter(|m| {
            !m.kind.is_allowed()
                || (no_changes
                    && !matches!(
                        m.kind,
                        crate::pdf::diff::ModificationKind::ResourceAdded
                            | crate::pdf::diff::ModificationKind::MetadataUpdated
                            | crate::pdf::diff::ModificationKind::XrefStream
                            | crate::pdf::diff::ModificationKind::CatalogUpdated
                    ))
        })
        .collect();
    match (sig.coverage, bad.first()) {
        (Coverage::EntireFile, _) => checks.push(Check::passed("COVERAGE", "the signature covers the entire file", "chữ ký bao trùm toàn bộ tệp")),
        (_, None) => checks.push(Check::passed(
            "COVERAGE",
            format!("later revisions only add signatures and their data ({} change(s))", modifications.len()),
            format!("các phiên bản sau chỉ bổ sung chữ ký và dữ liệu của chữ ký ({} thay đổi)", modifications.len()),
        )),
        (_, Some(m)) => checks.push(Check::failed(
            "COVERAGE",
            SubIndication::FormatFailure,
            format!(
                "content changed after signing: {} ({} change(s) not allowed, first {} at byte {})",
                m.kind.as_str(),
                bad.len(),
                m.object.map(|o| o.to_string()).unwrap_or_default(),
                m.offset
            ),
            format!(
                "nội dung bị thay đổi sau khi ký: {} ({} thay đổi không được phép, đầu tiên tại byte {})",
                m.kind.as_str(),
                bad.len(),
                m.offset
            ),
        )),
    }
    finish(checks, signer, role, signing_time, modifications)
}

/// Verifies the signature time-stamp token (RFC 3161; ETSI EN 319 102-1 §5.4):
/// its imprint covers the signature value, its own signature verifies, and the
/// TSA chains to a trusted anchor. A token that fails is reported but does not
/// fail the signature: it only gives no proof of time.
fn check_signature_time_stamp(
    cms: &crate::cms::ParsedCms,
    trust: &TrustStore,
    options: &VerifyOptions,
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
                "SIGNATURE_TIME_STAMP",
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
                "TSA_KEY_USAGE",
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
                .validate(
                    tsa,
                    &pool,
                    at,
                    &options.policy,
                    options.limits.max_path_length,
                )
                .0,
        );
    }
    let (indication, sub) = conclude(&checks);
    let who = tsa.as_ref().map(Certificate::subject).unwrap_or_default();
    match (indication, gen_time) {
        (Indication::TotalPassed, Some(t)) => (
            Check::passed(
                "SIGNATURE_TIME_STAMP",
                format!("time-stamped by '{who}' at {t}"),
                format!("được gắn dấu thời gian bởi '{who}' lúc {t}"),
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
                    "SIGNATURE_TIME_STAMP",
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

fn finding(rule: &str, severity: Severity, en: String, vi: String, source: &str) -> Finding {
    Finding::new(rule, severity, en, vi, source)
}

fn legal_value(
    reports: &[SignatureReport],
    attachment: bool,
    findings: &mut Vec<Finding>,
) -> LegalValue {
    const SRC: &str = "seed 001 Art. 4; seed 003 Art. 3";
    if let Some(bad) = reports
        .iter()
        .find(|r| r.indication == Indication::TotalFailed)
    {
        findings.push(finding(
            "VN-LEGAL-INVALID",
            Severity::Error,
            format!(
                "signature {} failed ({}): the document must be returned",
                bad.object,
                bad.sub_indication.map_or("", |s| s.as_str())
            ),
            format!(
                "chữ ký {} không hợp lệ ({}): văn bản phải được trả lại",
                bad.object,
                bad.sub_indication.map_or("", |s| s.as_str())
            ),
            "seed 001 Art. 10.1; seed 003 Art. 9.2",
        ));
        return LegalValue::Invalid;
    }
    let passed = |role: Role| {
        reports
            .iter()
            .filter(move |r| r.role == role && r.indication == Indication::TotalPassed)
    };
    if reports.iter().all(|r| r.role == Role::TimeStamp) {
        findings.push(finding(
            "VN-LEGAL-UNSIGNED",
            Severity::Error,
            "the document has no signature: for reference only".into(),
            "văn bản không có chữ ký số: chỉ có giá trị tham khảo".into(),
            SRC,
        ));
        return LegalValue::ReferenceOnly;
    }
    let org = passed(Role::Organization)
        .filter_map(|r| r.signed_revision)
        .max();
    let Some(org_rev) = org else {
        findings.push(finding(
            "VN-LEGAL-NO-AGENCY",
            Severity::Error,
            "no valid signature of the agency: for reference only".into(),
            "không có chữ ký số hợp lệ của cơ quan, tổ chức: chỉ có giá trị tham khảo".into(),
            SRC,
        ));
        return LegalValue::ReferenceOnly;
    };
    if attachment {
        return LegalValue::Original;
    }
    let Some(person_rev) = passed(Role::Person).filter_map(|r| r.signed_revision).min() else {
        findings.push(finding(
            "VN-LEGAL-NO-PERSON",
            Severity::Error,
            "no valid signature of the competent person: for reference only".into(),
            "không có chữ ký số hợp lệ của người có thẩm quyền: chỉ có giá trị tham khảo".into(),
            SRC,
        ));
        return LegalValue::ReferenceOnly;
    };
    // The clerk signs for the agency only after the competent person (seed 003 Art. 17.4.c).
    if person_rev >= org_rev {
        findings.push(finding(
            "VN-LEGAL-ORDER",
            Severity::Error,
            "the agency signed before the competent person: for reference only".into(),
            "cơ quan ký trước người có thẩm quyền: chỉ có giá trị tham khảo".into(),
            "seed 003 Art. 17.4.c",
        ));
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
    if attachment {
        if reports.iter().any(|r| r.role == Role::Person) {
            findings.push(finding(
                "VN-ATTACH-PERSON",
                Severity::Warning,
                "an attachment in a separate file carries only the agency signature".into(),
                "phụ lục ở tệp riêng chỉ mang chữ ký số của cơ quan, tổ chức".into(),
                "seed 001 Art. 11.5.b; seed 003 Art. 16.2.b",
            ));
        }
        for r in reports.iter().filter(|r| r.role == Role::Organization) {
            let Some(w) = &r.widget else { continue };
            if w.has_image {
                findings.push(finding(
                    "VN-ATTACH-IMAGE",
                    Severity::Warning,
                    "the agency signature on an attachment must have no image".into(),
                    "chữ ký số của cơ quan trên phụ lục không sử dụng hình ảnh".into(),
                    "seed 001 Art. 11.5.b; seed 003 Art. 16.2.b",
                ));
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
                findings.push(finding(
                    "VN-ATTACH-POSITION",
                    Severity::Warning,
                    "the agency signature on an attachment belongs at the top right of page 1"
                        .into(),
                    "chữ ký số của cơ quan trên phụ lục đặt ở góc trên bên phải trang đầu".into(),
                    "seed 001 Art. 11.5.b; seed 003 Art. 16.2.b",
                ));
            }
        }
    }
    // The seal covers about a third of the person's signature, on its left (seed 001 Art. 11.5; 003 Art. 16).
    for person in reports.iter().filter(|r| r.role == Role::Person) {
        let Some(pw) = person.widget.as_ref().filter(|w| !w.is_invisible()) else {
            continue;
        };
        for org in reports.iter().filter(|r| r.role == Role::Organization) {
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
                findings.push(finding(
                    "VN-SEAL-OVERLAP",
                    Severity::Warning,
                    format!("the seal covers {:.0} % of the person's signature; about a third is expected", ratio * 100.0),
                    format!("hình con dấu trùm {:.0} % chữ ký của người có thẩm quyền; quy định khoảng 1/3", ratio * 100.0),
                    "seed 001 Art. 11.5; seed 003 Art. 16",
                ));
            }
        }
    }
}
