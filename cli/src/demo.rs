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

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone};
use sha2::{Digest as _, Sha256};
use vanthu_archive::package::{PackOptions, PackageDescription, PackageDocument, PackageWriter};
use vanthu_archive::{Closing, Document, Heading, HeadingLevel, ListEntry, Records, RecordsList};
use vanthu_edxml::{
    BusinessType, DocumentPackage, Organization, Profile as EdxmlProfile, ReadOptions, StatusCode,
    StatusPackage, ValidateOptions,
};
use vanthu_identifiers::{AgencyId, DocumentNumber, DocumentType, RecordCode, Retention};
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
    Actor, ActorId, Assignee, CaseId, DocumentMeta, Effect, Event, EventLog, LogEntry, Office,
    RegisterKind, Role, StatusNotice, views,
};

use crate::{CliError, Outcome};

/// The default start instant: Monday 2 June 2025, 08:00 in Vietnam.
pub(crate) const DEFAULT_START: &str = "2025-06-02T08:00:00+07:00";

const SENDER: &str = "000.00.15.H47";
const SENDER_NAME: &str = "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Nam";
const UNIT1: &str = "000.01.15.H47";
const UNIT1_NAME: &str = "Văn phòng Sở";
const UNIT2: &str = "000.02.15.H47";
const UNIT2_NAME: &str = "Thanh tra Sở";
/// The recipient of the year's earlier documents: the provincial People's Committee.
const PROVINCE: &str = "000.00.00.H47";
const SYMBOL: &str = "QĐ-LĐTBXH";
const SUBJECT: &str = "Về việc ban hành Quy chế tiếp nhận, xử lý văn bản điện tử";
/// The recalled document: a công văn (no type abbreviation in its symbol).
const SYMBOL2: &str = "LĐTBXH-VP";
const SUBJECT2: &str = "V/v tổ chức hội nghị tập huấn";

/// Arguments of `vanthu demo`.
#[derive(Debug, clap::Args)]
pub(crate) struct DemoArgs {
    /// The directory to write every artifact into (created if needed).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The start instant (RFC 3339); the whole run is a function of it.
    #[arg(long, value_name = "TIME", default_value = DEFAULT_START)]
    at: String,
}

type Res<T> = Result<T, CliError>;

trait Context<T> {
    fn ctx(self, what: &str) -> Res<T>;
}

impl<T, E: Display> Context<T> for Result<T, E> {
    fn ctx(self, what: &str) -> Res<T> {
        self.map_err(|e| CliError::new(format!("demo: {what}: {e}")))
    }
}

fn fail(what: impl Into<String>) -> CliError {
    CliError::new(format!("demo: {}", what.into()))
}

/// Runs the demo.
pub(crate) fn demo(args: &DemoArgs) -> Result<Outcome, CliError> {
    let start = DateTime::parse_from_rfc3339(&args.at)
        .map_err(|e| fail(format!("--at '{}': {e}", args.at)))?
        .with_timezone(&vietnam());
    let summary = run(&args.out, start)?;
    for line in summary {
        out!("{line}");
    }
    Ok(Outcome::Valid)
}

fn vietnam() -> FixedOffset {
    vanthu_edxml::vietnam_offset()
}

/// Writes artifacts under one root and remembers them for the summary.
struct Out {
    root: PathBuf,
    files: Vec<String>,
}

impl Out {
    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn write(&mut self, rel: &str, bytes: &[u8]) -> Res<()> {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).ctx(&format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, bytes).ctx(&format!("cannot write {}", path.display()))?;
        self.files.push(rel.to_owned());
        Ok(())
    }

    fn json(&mut self, rel: &str, value: &impl serde::Serialize) -> Res<()> {
        let mut text = serde_json::to_string_pretty(value).ctx(rel)?;
        text.push('\n');
        self.write(rel, text.as_bytes())
    }
}

/// One agency's office: its state and the event log it persists.
struct Desk {
    office: Office,
    log: Vec<LogEntry>,
    org: Organization,
}

impl Desk {
    fn new(id: &str, name: &str) -> Res<Self> {
        let agency = AgencyId::parse(id).ctx(id)?;
        Ok(Self {
            office: Office::new(agency),
            log: Vec::new(),
            org: Organization::new(id, name),
        })
    }

    fn agency(&self) -> AgencyId {
        *self.office.agency()
    }

    fn step(&mut self, at: DateTime<FixedOffset>, event: Event) -> Res<Vec<Effect>> {
        let effects = self.office.step(&event, at).ctx(&format!(
            "{} at {}",
            self.agency(),
            at.to_rfc3339()
        ))?;
        self.log.push(LogEntry::new(at, event));
        Ok(effects)
    }

    fn outgoing(
        &mut self,
        case: &CaseId,
        at: DateTime<FixedOffset>,
        event: OutgoingEvent,
    ) -> Res<Vec<Effect>> {
        let case = case.clone();
        self.step(at, Event::Outgoing { case, event })
    }

    fn incoming(
        &mut self,
        case: &CaseId,
        at: DateTime<FixedOffset>,
        event: IncomingEvent,
    ) -> Res<Vec<Effect>> {
        let case = case.clone();
        self.step(at, Event::Incoming { case, event })
    }

    fn add(
        &mut self,
        at: DateTime<FixedOffset>,
        id: &str,
        name: &str,
        unit: Option<&str>,
        role: Role,
    ) -> Res<ActorId> {
        let actor_id = id_of(id)?;
        let actor = Actor::new(actor_id.clone(), name, unit, vec![role]);
        self.step(at, Event::ActorAdded { actor })?;
        Ok(actor_id)
    }

    fn event_log(&self) -> EventLog {
        EventLog::new(self.agency(), self.log.clone())
    }
}

fn id_of(text: &str) -> Res<ActorId> {
    ActorId::parse(text).ctx(text)
}

fn case_of(text: &str) -> Res<CaseId> {
    CaseId::parse(text).ctx(text)
}

/// The status notices among `effects`.
fn notices(effects: &[Effect]) -> Vec<StatusNotice> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SendStatus(n) => Some(n.clone()),
            _ => None,
        })
        .collect()
}

/// **Test only.** The demo's throw-away PKI: a root and two signers, whose
/// keys are derived from fixed labels so that every run signs the same bytes.
/// Never use these keys, or this way of making keys, for anything real.
pub(crate) struct TestPki {
    root: Certificate,
    director_key: SigningKey,
    director: Certificate,
    agency_key: SigningKey,
    agency: Certificate,
}

/// A P-256 key from a label: SHA-256 of a fixed, public text. Test only.
fn seeded_key(label: &str) -> Res<SigningKey> {
    let seed = Sha256::digest(format!(
        "vanthu demo TEST ONLY key, never for real use: {label}"
    ));
    let key = p256::ecdsa::SigningKey::from_slice(&seed).ctx("test key")?;
    Ok(SigningKey::P256(key))
}

impl TestPki {
    fn new(year: i32) -> Res<Self> {
        let utc = |y: i32| {
            chrono::Utc
                .with_ymd_and_hms(y, 1, 1, 0, 0, 0)
                .single()
                .ok_or_else(|| fail("certificate validity"))
        };
        let s = |v: &str| v.to_owned();
        let root_key = seeded_key("root")?;
        let root = issue(
            &Profile::ca(
                vec![
                    ("C", s("VN")),
                    ("O", s("vanthu demo (TEST ONLY)")),
                    ("CN", s("vanthu demo TEST ROOT - not a real CA")),
                ],
                1,
                utc(year - 5)?,
                utc(year + 30)?,
                None,
            ),
            &root_key,
            None,
        )
        .ctx("test root")?;
        let director_key = seeded_key("director")?;
        let director = issue(
            &Profile::leaf(
                vec![
                    ("C", s("VN")),
                    ("O", s(SENDER_NAME)),
                    ("T", s("Giám đốc")),
                    ("CN", s("Nguyễn Văn An (TEST ONLY)")),
                    ("UID", s("CCCD:049075000001")),
                ],
                2,
                // Long enough for the demo's artifacts to verify for years.
                utc(year - 1)?,
                utc(year + 10)?,
            ),
            &director_key,
            Some((&root, &root_key)),
        )
        .ctx("test director certificate")?;
        let agency_key = seeded_key("agency")?;
        let agency = issue(
            &Profile::leaf(
                vec![
                    ("C", s("VN")),
                    ("CN", s(&format!("{SENDER_NAME} (TEST ONLY)"))),
                    ("UID", s("MST:4000000001")),
                ],
                3,
                // Long enough for the demo's artifacts to verify for years.
                utc(year - 1)?,
                utc(year + 10)?,
            ),
            &agency_key,
            Some((&root, &root_key)),
        )
        .ctx("test agency certificate")?;
        Ok(Self {
            root,
            director_key,
            director,
            agency_key,
            agency,
        })
    }

    fn trust(&self) -> TrustStore {
        let mut trust = TrustStore::new();
        trust.add_anchor(self.root.clone());
        trust
    }
}

/// A one-page PDF with the text of a document. Standard fonts cannot show
/// Vietnamese, so the page text is written without diacritics; the metadata
/// everywhere else (edXML, registers, records) keeps full Vietnamese.
pub(crate) fn text_pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 15 TL 60 780 Td\n");
    for line in lines {
        let escaped = line
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)");
        content.push_str(&format!("({escaped}) Tj T*\n"));
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
    ];
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Whether every signature in `report` passed.
fn all_passed(report: &DocumentReport) -> bool {
    !report.signatures.is_empty()
        && report
            .signatures
            .iter()
            .all(|s| s.indication == Indication::TotalPassed)
}

fn verify(pdf: &[u8], trust: &TrustStore, at: DateTime<FixedOffset>) -> Res<DocumentReport> {
    verify_pdf(pdf, trust, &VerifyOptions::new(at.to_utc())).ctx("verify")
}

/// What the sender issued: its number, signed PDF and edXML package.
struct Issued {
    case: CaseId,
    number: String,
    file_stem: String,
    pdf: Vec<u8>,
    package: DocumentPackage,
    package_bytes: Vec<u8>,
}

/// The sender's actors.
struct SenderStaff {
    drafter: ActorId,
    head: ActorId,
    director: ActorId,
    clerk: ActorId,
}

/// Drafting to issue: the workflow, the two signatures, the number, the package.
#[allow(clippy::too_many_arguments)]
fn issue_document(
    desk: &mut Desk,
    staff: &SenderStaff,
    pki: &TestPki,
    out: &mut Out,
    case: &CaseId,
    (document_type, symbol, subject): (Option<DocumentType>, &str, &str),
    recipients: &[&Desk],
    t0: DateTime<FixedOffset>,
) -> Res<Issued> {
    let at = |minutes: i64| t0 + Duration::minutes(minutes);
    let type_name = document_type
        .as_ref()
        .map_or("Công văn", |t| t.name_vi())
        .to_owned();
    desk.outgoing(
        case,
        at(0),
        OutgoingEvent::Drafted {
            by: staff.drafter.clone(),
            subject: subject.to_owned(),
            document_type: document_type.clone(),
            symbol: symbol.to_owned(),
            urgency: None,
        },
    )?;
    desk.outgoing(
        case,
        at(30),
        OutgoingEvent::Submitted {
            by: staff.drafter.clone(),
        },
    )?;
    desk.outgoing(
        case,
        at(60),
        OutgoingEvent::Approved {
            by: staff.head.clone(),
        },
    )?;

    // The competent person signs first (seed 003 Art. 17.4.c); the number is
    // not known yet, so the page shows "Số: ...".
    let folded = fold;
    let draft = text_pdf(&[
        "UBND TINH QUANG NAM",
        &folded(SENDER_NAME).to_uppercase(),
        &format!("So: .../{}", folded(symbol)),
        "",
        &folded(&type_name).to_uppercase(),
        &folded(subject),
        "",
        "(Van ban mau cua vanthu demo - TEST ONLY, khong co gia tri phap ly)",
        "",
        "GIAM DOC",
        "Nguyen Van An",
    ]);
    let mut options = SignOptions::new(at(120));
    options.reason = Some("Ký ban hành".to_owned());
    let person_signed = sign_pdf(&draft, &options, &pki.director_key, &pki.director, &[])
        .ctx("director signature")?;
    let report = verify(&person_signed, &pki.trust(), at(121))?;
    desk.outgoing(
        case,
        at(121),
        OutgoingEvent::Signed {
            by: staff.director.clone(),
            valid: all_passed(&report),
        },
    )?;

    // The number comes from the outgoing register.
    let effects = desk.outgoing(
        case,
        at(130),
        OutgoingEvent::Numbered {
            by: staff.clerk.clone(),
            register: None,
        },
    )?;
    let entry = effects
        .iter()
        .find_map(|e| match e {
            Effect::WriteRegister(entry) => Some(entry.clone()),
            _ => None,
        })
        .ok_or_else(|| fail("numbering wrote no register entry"))?;
    let number = entry.number_text();
    let number_symbol = format!("{number}/{symbol}");

    // The agency signs with the number and the signing time in the text, top
    // right of page 1 (seed 001 Art. 11.5.b; seed 003 Art. 16.2.b).
    let mut options = SignOptions::new(at(135));
    options.reason = Some("Ký số của cơ quan".to_owned());
    options.appearance = Some(Appearance::new(
        0,
        [380.0, 790.0, 585.0, 832.0],
        vec![number_symbol.clone(), at(135).to_rfc3339()],
    ));
    let pdf = sign_pdf(&person_signed, &options, &pki.agency_key, &pki.agency, &[])
        .ctx("agency signature")?;
    let report = verify(&pdf, &pki.trust(), at(136))?;
    if report.legal_value != LegalValue::Original {
        return Err(fail(format!(
            "{number_symbol}: legal value {:?}",
            report.legal_value
        )));
    }
    desk.outgoing(
        case,
        at(136),
        OutgoingEvent::AgencySigned {
            by: staff.clerk.clone(),
            valid: all_passed(&report),
        },
    )?;
    let file_stem = format!("{number}-{}", folded(symbol));
    out.write(&format!("sender/{file_stem}.signed.pdf"), &pdf)?;

    // The edXML package, checked with the sender's strict profile before it leaves.
    let issued_at = at(150);
    let date = t0.date_naive();
    let to: Vec<Organization> = recipients.iter().map(|d| d.org.clone()).collect();
    let mut package = DocumentPackage::new_document(
        desk.org.clone(),
        to,
        (&number, symbol),
        &vanthu_edxml::format_date(date),
        subject,
        &issued_at,
    );
    package.header.document_type = Some(vanthu_edxml::DocumentType::new("1", &type_name));
    package.add_attachment(&format!("{file_stem}.pdf"), "application/pdf");
    let mut package_bytes = Vec::new();
    vanthu_edxml::write_document(&package, &mut vec![pdf.as_slice()], &mut package_bytes)
        .ctx("write package")?;
    let strict = vanthu_edxml::check(
        &package_bytes,
        &ReadOptions::default(),
        &ValidateOptions::new(EdxmlProfile::Sender),
    )
    .ctx("check package")?;
    if !strict.conformant() {
        return Err(fail(format!(
            "{number_symbol}: the package is not conformant: {:?}",
            strict.findings
        )));
    }
    out.write(&format!("sender/{file_stem}.edxml"), &package_bytes)?;
    desk.outgoing(
        case,
        issued_at,
        OutgoingEvent::Issued {
            by: staff.clerk.clone(),
            recipients: recipients.iter().map(|d| d.agency()).collect(),
        },
    )?;
    Ok(Issued {
        case: case.clone(),
        number,
        file_stem,
        pdf,
        package,
        package_bytes,
    })
}

/// Writes the status packages a receiver's effects ask for; the sender reads
/// each back and applies it to its tracking.
fn send_statuses(
    out: &mut Out,
    from: &Desk,
    folder: &str,
    original: &DocumentPackage,
    effects: &[Effect],
    sender: &mut Desk,
    sender_case: &CaseId,
) -> Res<Vec<String>> {
    let mut codes = Vec::new();
    for notice in notices(effects) {
        let mut status = StatusPackage::reply(original, &notice.code, from.org.clone(), &notice.at)
            .with_description(&notice.description);
        if let Some(staff) = &notice.staff {
            status = status.with_staff(staff.staff_info().into());
        }
        let mut bytes = Vec::new();
        vanthu_edxml::write_status(&status, &mut bytes).ctx("write status")?;
        let code = notice.code.as_str().to_owned();
        out.write(
            &format!("{folder}/status-{}-{code}.edxml", notice.case),
            &bytes,
        )?;
        // The sender's side: read the package, check it, apply it.
        let read = vanthu_edxml::read(&bytes).ctx("read status")?;
        let back = read
            .package
            .as_status()
            .ok_or_else(|| fail("not a status package"))?;
        let code_back = StatusCode::parse(back.status_code.as_deref().unwrap_or_default());
        let from_back = back
            .from
            .as_ref()
            .and_then(|o| o.organ_id.as_deref())
            .ok_or_else(|| fail("status package without From"))?;
        let at = notice.at + Duration::minutes(1);
        sender.outgoing(
            sender_case,
            at,
            OutgoingEvent::StatusReceived {
                from: AgencyId::parse(from_back).ctx(from_back)?,
                code: code_back,
                description: back.description.clone(),
            },
        )?;
        codes.push(code);
    }
    Ok(codes)
}

/// What the receiving clerk finds when checking a package: the edXML
/// findings and the legal value of its PDF.
struct Receipt {
    package: DocumentPackage,
    pdf: Vec<u8>,
    conformant: bool,
    legal_value: LegalValue,
}

fn receive(bytes: &[u8], trust: &TrustStore, at: DateTime<FixedOffset>) -> Res<Receipt> {
    let report = vanthu_edxml::check(
        bytes,
        &ReadOptions::default(),
        &ValidateOptions::new(EdxmlProfile::Receiver),
    )
    .ctx("check received package")?;
    let package = report
        .read
        .package
        .as_document()
        .ok_or_else(|| fail("a status package where a document was expected"))?
        .clone();
    let mut pdf = Vec::new();
    report
        .read
        .decode_attachment(bytes, 0, &mut pdf)
        .ctx("decode attachment")?;
    let legal_value = verify(&pdf, trust, at)?.legal_value;
    Ok(Receipt {
        package,
        pdf,
        conformant: report.conformant(),
        legal_value,
    })
}

fn meta_of(
    package: &DocumentPackage,
    issued: &Issued,
    date: NaiveDate,
    document_type: Option<DocumentType>,
) -> Res<DocumentMeta> {
    let h = &package.header;
    let mut meta = DocumentMeta::new(h.subject.as_deref().unwrap_or_default());
    meta.issuer = h
        .from
        .as_ref()
        .and_then(|f| f.organ_name.clone())
        .unwrap_or_default();
    let number = format!(
        "{}/{}",
        issued.number,
        h.code
            .as_ref()
            .and_then(|c| c.code_notation.as_deref())
            .unwrap_or_default()
    );
    let number = DocumentNumber::parse(&number).ctx(&number)?;
    meta.document_id = Some(vanthu_identifiers::DocumentId::new(
        &AgencyId::parse(SENDER).ctx(SENDER)?,
        date,
        &number,
    ));
    meta.number = Some(number);
    meta.date = Some(date);
    meta.document_type = document_type;
    Ok(meta)
}

/// Runs the whole chain into `dir`; returns the summary lines.
#[allow(clippy::too_many_lines)]
pub(crate) fn run(dir: &Path, start: DateTime<FixedOffset>) -> Res<Vec<String>> {
    let mut out = Out {
        root: dir.to_path_buf(),
        files: Vec::new(),
    };
    let year = start.year();
    let calendar = WorkingCalendar::vietnam(year - 1..=year + 1).ctx("working calendar")?;
    let rules = DeadlineRules::default();
    let pki = TestPki::new(year)?;
    let trust = pki.trust();
    out.write("pki/root.cer", pki.root.der())?;
    out.write("pki/director.cer", pki.director.der())?;
    out.write("pki/agency.cer", pki.agency.der())?;
    let check_day = (start + Duration::days(3)).format("%Y-%m-%d");
    out.write(
        "pki/README.txt",
        format!(
            "TEST ONLY. These certificates were generated by `vanthu demo` from fixed,\n\
             public seeds. They are not issued by any real CA and carry no legal value.\n\
             Use root.cer as the trust anchor to verify the demo's PDFs:\n\
             \x20 vanthu verify --trust pki/root.cer --at {check_day} sender/182-QD-LDTBXH.signed.pdf\n\
             \x20 vanthu check --trust pki/root.cer --at {check_day} .\n"
        )
        .as_bytes(),
    )?;

    // The offices and their people.
    let mut sender = Desk::new(SENDER, SENDER_NAME)?;
    let mut unit1 = Desk::new(UNIT1, UNIT1_NAME)?;
    let mut unit2 = Desk::new(UNIT2, UNIT2_NAME)?;
    let jan1 = vietnam()
        .with_ymd_and_hms(year, 1, 1, 7, 0, 0)
        .single()
        .ok_or_else(|| fail("start of year"))?;
    if start <= jan1 + Duration::hours(2) {
        return Err(fail(
            "--at must be after 1 January 09:00 of its year (the register's earlier numbers are placed before it)",
        ));
    }
    let unit = Some("Phòng Lao động - Việc làm");
    let staff = SenderStaff {
        drafter: sender.add(jan1, "chuyenvien", "Trần Thị Bình", unit, Role::Specialist)?,
        head: sender.add(jan1, "truongphong", "Lê Văn Cường", unit, Role::UnitLeader)?,
        director: sender.add(jan1, "giamdoc", "Nguyễn Văn An", None, Role::AgencyLeader)?,
        clerk: sender.add(jan1, "vanthu", "Phạm Thị Dung", None, Role::Clerk)?,
    };
    let u1_clerk = unit1.add(jan1, "vanthu-vp", "Hoàng Thị Em", None, Role::Clerk)?;
    let u1_head = unit1.add(
        jan1,
        "chanhvanphong",
        "Võ Văn Phúc",
        None,
        Role::AgencyLeader,
    )?;
    let u1_lead = unit1.add(
        jan1,
        "chuyenvien-vp1",
        "Đặng Văn Giang",
        Some("Tổ Hành chính"),
        Role::Specialist,
    )?;
    let u1_coop = unit1.add(
        jan1,
        "chuyenvien-vp2",
        "Bùi Thị Hoa",
        Some("Tổ Tổng hợp"),
        Role::Specialist,
    )?;
    let u2_clerk = unit2.add(jan1, "vanthu-tt", "Ngô Văn Khánh", None, Role::Clerk)?;

    // The register already holds the year's first 181 numbers: earlier
    // documents, issued between 1 January and the start.
    let earlier = 181_i64;
    let step = (start - jan1 - Duration::hours(1)).num_seconds() / (earlier + 1);
    for i in 1..=earlier {
        let at = jan1 + Duration::hours(1) + Duration::seconds(step * i);
        let case = case_of(&format!("DI-{year}-{i:04}"))?;
        let subject = format!("Văn bản đi số {i:02} (đã ban hành trước)");
        desk_number(
            &mut sender,
            &staff,
            &case,
            &subject,
            (at, at + Duration::seconds(step / 2)),
        )?;
    }

    // 1. The decision: drafted, approved, signed, numbered 182, agency-signed, issued.
    let decision_case = case_of("QD-182")?;
    let decision = issue_document(
        &mut sender,
        &staff,
        &pki,
        &mut out,
        &decision_case,
        (Some(DocumentType::Decision), SYMBOL, SUBJECT),
        &[&unit1, &unit2],
        start,
    )?;
    let sent_at = start + Duration::minutes(150);
    let date = start.date_naive();

    // 2. Unit 2: the copy it gets was damaged in transit (one byte of the PDF),
    // so the agency signature fails and the clerk returns it (02) with the reason.
    let mut damaged_pdf = decision.pdf.clone();
    let flip = damaged_pdf
        .windows(8)
        .position(|w| w == b"GIAM DOC")
        .ok_or_else(|| fail("page text"))?;
    if let Some(byte) = damaged_pdf.get_mut(flip) {
        *byte ^= 0x20;
    }
    let mut damaged = Vec::new();
    vanthu_edxml::write_document(
        &decision.package,
        &mut vec![damaged_pdf.as_slice()],
        &mut damaged,
    )
    .ctx("write package")?;
    out.write(
        &format!("unit2/received/{}.edxml", decision.file_stem),
        &damaged,
    )?;
    let t2 = sent_at + Duration::minutes(10);
    let receipt2 = receive(&damaged, &trust, t2)?;
    if receipt2.legal_value == LegalValue::Original {
        return Err(fail("unit 2: a damaged copy passed the signature check"));
    }
    let u2_case = case_of("DEN-QD-182")?;
    let meta = meta_of(
        &receipt2.package,
        &decision,
        date,
        Some(DocumentType::Decision),
    )?;
    let mut u2_codes = Vec::new();
    for (at, event) in [
        (
            t2,
            IncomingEvent::Arrived {
                from: sender.agency(),
                meta,
                paper: false,
            },
        ),
        (
            t2 + Duration::minutes(5),
            IncomingEvent::Returned {
                by: u2_clerk.clone(),
                reason: format!(
                    "Chữ ký số không hợp lệ (giá trị pháp lý: {}): tệp đính kèm đã bị thay đổi sau khi ký",
                    legal_value_name(receipt2.legal_value)
                ),
            },
        ),
    ] {
        let effects = unit2.incoming(&u2_case, at, event)?;
        u2_codes.extend(send_statuses(
            &mut out,
            &unit2,
            "unit2",
            &receipt2.package,
            &effects,
            &mut sender,
            &decision_case,
        )?);
    }

    // 3. Unit 1: checks the package and both signatures, then 01, 03, 04, 05, 06.
    let t1 = sent_at + Duration::minutes(20);
    out.write(
        &format!("unit1/received/{}.edxml", decision.file_stem),
        &decision.package_bytes,
    )?;
    let receipt = receive(&decision.package_bytes, &trust, t1)?;
    if !receipt.conformant
        || receipt.legal_value != LegalValue::Original
        || receipt.pdf != decision.pdf
    {
        return Err(fail("unit 1: the decision does not pass its checks"));
    }
    let u1_case = case_of("DEN-QD-182")?;
    let meta = meta_of(
        &receipt.package,
        &decision,
        date,
        Some(DocumentType::Decision),
    )?;
    let mut codes = Vec::new();
    let mut go = |desk: &mut Desk, sender: &mut Desk, out: &mut Out, at, event| -> Res<()> {
        let effects = desk.incoming(&u1_case, at, event)?;
        codes.extend(send_statuses(
            out,
            desk,
            "unit1",
            &receipt.package,
            &effects,
            sender,
            &decision_case,
        )?);
        Ok(())
    };
    let from = sender.agency();
    go(
        &mut unit1,
        &mut sender,
        &mut out,
        t1,
        IncomingEvent::Arrived {
            from,
            meta,
            paper: false,
        },
    )?;
    go(
        &mut unit1,
        &mut sender,
        &mut out,
        t1 + Duration::minutes(10),
        IncomingEvent::Registered {
            by: u1_clerk.clone(),
        },
    )?;
    let t_assign = t1 + Duration::minutes(40);
    let lead_due = rules
        .working_days_due(&calendar, &t_assign, 5)
        .ctx("deadline")?;
    let coop_due = rules
        .working_days_due(&calendar, &t_assign, 3)
        .ctx("deadline")?;
    go(
        &mut unit1,
        &mut sender,
        &mut out,
        t_assign,
        IncomingEvent::Assigned {
            by: u1_head.clone(),
            lead: Handler::new(Assignee::Person(u1_lead.clone()), lead_due),
            cooperating: vec![Handler::new(Assignee::Person(u1_coop.clone()), coop_due)],
            direction: "Tổ Hành chính chủ trì triển khai quy chế; Tổ Tổng hợp phối hợp.".to_owned(),
        },
    )?;
    let t_work = t_assign + Duration::hours(20);
    go(
        &mut unit1,
        &mut sender,
        &mut out,
        t_work,
        IncomingEvent::ProcessingStarted {
            by: u1_lead.clone(),
        },
    )?;
    let t_done = rules
        .working_days_due(&calendar, &t_assign, 2)
        .ctx("deadline")?;
    go(
        &mut unit1,
        &mut sender,
        &mut out,
        t_done,
        IncomingEvent::Completed {
            by: u1_lead.clone(),
            reply: None,
        },
    )?;
    let u1_codes = codes;

    // 4. A second document to unit 1, recalled (13) and agreed (15).
    let t3 = t_done + Duration::hours(1);
    let notice_case = case_of("CV-183")?;
    let notice = issue_document(
        &mut sender,
        &staff,
        &pki,
        &mut out,
        &notice_case,
        (None, SYMBOL2, SUBJECT2),
        &[&unit1],
        t3,
    )?;
    let t4 = t3 + Duration::minutes(170);
    out.write(
        &format!("unit1/received/{}.edxml", notice.file_stem),
        &notice.package_bytes,
    )?;
    let receipt3 = receive(&notice.package_bytes, &trust, t4)?;
    let u1_case2 = case_of("DEN-CV-183")?;
    let meta = meta_of(&receipt3.package, &notice, t3.date_naive(), None)?;
    for (at, event) in [
        (
            t4,
            IncomingEvent::Arrived {
                from: sender.agency(),
                meta,
                paper: false,
            },
        ),
        (
            t4 + Duration::minutes(10),
            IncomingEvent::Registered {
                by: u1_clerk.clone(),
            },
        ),
    ] {
        let effects = unit1.incoming(&u1_case2, at, event)?;
        send_statuses(
            &mut out,
            &unit1,
            "unit1",
            &receipt3.package,
            &effects,
            &mut sender,
            &notice_case,
        )?;
    }
    let t5 = t4 + Duration::minutes(60);
    let reason = "Văn bản ban hành chưa đúng thẩm quyền, đề nghị thu hồi";
    let effects = sender.outgoing(
        &notice_case,
        t5,
        OutgoingEvent::Recalled {
            by: staff.clerk.clone(),
            reason: reason.to_owned(),
        },
    )?;
    let mut recall_sent = false;
    for n in notices(&effects) {
        let status = StatusPackage::reply(&notice.package, &n.code, sender.org.clone(), &n.at)
            .with_description(&n.description)
            .addressed_to(n.to.as_str());
        let mut bytes = Vec::new();
        vanthu_edxml::write_status(&status, &mut bytes).ctx("write status")?;
        out.write(
            &format!(
                "sender/status-{}-{}-{}.edxml",
                n.case,
                n.to,
                n.code.as_str()
            ),
            &bytes,
        )?;
        // Unit 1 reads the request (13), cancels the document and agrees (15).
        let read = vanthu_edxml::read(&bytes).ctx("read status")?;
        let request = read
            .package
            .as_status()
            .ok_or_else(|| fail("not a status package"))?;
        if request.status_code.as_deref() != Some("13") {
            return Err(fail("the recall request is not 13"));
        }
        let reason = request.description.clone().unwrap_or_default();
        unit1.incoming(
            &u1_case2,
            n.at + Duration::minutes(5),
            IncomingEvent::RecallRequested { reason },
        )?;
        let effects = unit1.incoming(
            &u1_case2,
            n.at + Duration::minutes(20),
            IncomingEvent::ChangeAnswered {
                by: u1_clerk.clone(),
                agree: true,
                reason: None,
            },
        )?;
        send_statuses(
            &mut out,
            &unit1,
            "unit1",
            &receipt3.package,
            &effects,
            &mut sender,
            &notice_case,
        )?;
        recall_sent = true;
    }
    if !recall_sent {
        return Err(fail("the recall sent no 13"));
    }
    // The revoke package (business type 1) names the document; `follow_up`
    // copies no attachment but every package needs one (VPCP sample, EDXML-ATT-010):
    // it carries the recalled document again.
    let mut revoke = notice
        .package
        .follow_up(BusinessType::Revoke, Some(reason), &t5);
    revoke.add_attachment(&format!("{}.pdf", notice.file_stem), "application/pdf");
    let mut revoke_bytes = Vec::new();
    vanthu_edxml::write_document(&revoke, &mut vec![notice.pdf.as_slice()], &mut revoke_bytes)
        .ctx("write revoke")?;
    out.write(
        &format!("sender/{}.revoke.edxml", notice.file_stem),
        &revoke_bytes,
    )?;

    // 5. Unit 1 files the decision into its record and packs it (Circular 05/2025 SIP).
    let mut list = RecordsList::new(unit1.agency(), u16::try_from(year).ctx("year")?);
    let mut heading = Heading::new(HeadingLevel::Major, "I", "Tổng hợp", Some("TH"));
    heading.entries.push(ListEntry::new(
        "01.TH",
        "Hồ sơ triển khai quy chế tiếp nhận, xử lý văn bản điện tử",
        Retention::Permanent,
        UNIT1_NAME,
    ));
    list.headings.push(heading);
    let mut records = Records::new();
    let code: RecordCode = records
        .open_listed(&list, "01.TH", date)
        .ctx("open record")?
        .metadata
        .code
        .clone();
    let mut document = Document::new(
        DocumentType::Decision,
        &decision.number,
        SYMBOL,
        date,
        SENDER_NAME,
        SUBJECT,
    );
    document.page_count = 1;
    records
        .add_document("qd-182", document.clone())
        .ctx("file")?;
    records.file(&code, "qd-182").ctx("file")?;
    let closing = records
        .close(&code, Closing::default(), t_done.date_naive())
        .ctx("close record")?;
    if !closing.findings.is_empty() {
        return Err(fail(format!("closing the record: {:?}", closing.findings)));
    }
    let record = records.record(&code).ctx("record")?.metadata.clone();
    let doc_total = record.doc_total;
    let mut description =
        PackageDescription::for_record(record, false, UNIT1_NAME, t_done + Duration::hours(2));
    let data_name = format!("{}.pdf", decision.file_stem);
    description.documents.push(PackageDocument::new(
        format!("{code}.0000001"),
        document,
        vec![data_name.clone()],
    ));
    let sip_rel = format!("unit1/archive/{code}.zip");
    let sip_path = out.path(&sip_rel);
    if let Some(parent) = sip_path.parent() {
        std::fs::create_dir_all(parent).ctx("archive folder")?;
    }
    let file = File::create(&sip_path).ctx(&sip_rel)?;
    let mut writer =
        PackageWriter::new(BufWriter::new(file), description, PackOptions::default()).ctx("SIP")?;
    writer
        .add_file(&data_name, &mut decision.pdf.as_slice())
        .ctx("SIP")?;
    let mut zip = writer.finish().ctx("SIP")?;
    std::io::Write::flush(&mut zip).ctx("SIP")?;
    out.files.push(sip_rel.clone());
    let mut xml = Vec::new();
    records.export_xml(&code, &mut xml).ctx("record XML")?;
    out.write(&format!("unit1/archive/{code}.xml"), &xml)?;

    // 6. Registers, event logs, the monthly report.
    let register = views::outgoing_register(&sender.office, &RegisterKind::Outgoing, year);
    out.write(
        "sender/outgoing-register.csv",
        views::outgoing_register_csv(&register).as_bytes(),
    )?;
    let incoming = views::incoming_register(&unit1.office, year);
    out.write(
        "unit1/incoming-register.csv",
        views::incoming_register_csv(&incoming).as_bytes(),
    )?;
    let incoming2 = views::incoming_register(&unit2.office, year);
    out.write(
        "unit2/incoming-register.csv",
        views::incoming_register_csv(&incoming2).as_bytes(),
    )?;
    out.json("sender/events.json", &sender.event_log())?;
    out.json("unit1/events.json", &unit1.event_log())?;
    out.json("unit2/events.json", &unit2.event_log())?;
    let period = Period::Month {
        year,
        month: start.month(),
    };
    let monthly = report(&sender.office, period).ctx("report")?;
    out.json(
        &format!("sender/report-{year}-{:02}.json", start.month()),
        &monthly,
    )?;
    out.write(
        &format!("sender/report-{year}-{:02}.csv", start.month()),
        monthly.to_csv().as_bytes(),
    )?;

    // The sender's tracking must have ended in the right states.
    let tracked = sender
        .office
        .outgoing(&decision.case)
        .ok_or_else(|| fail("decision"))?;
    let state = |to: &Desk| {
        tracked
            .deliveries
            .iter()
            .find(|d| d.to == to.agency())
            .map_or("missing", |d| d.state.as_str())
    };
    let (s1, s2) = (state(&unit1), state(&unit2));
    if (s1, s2) != ("completed", "rejected") {
        return Err(fail(format!("sender tracking ended at {s1}/{s2}")));
    }
    let recalled = sender
        .office
        .outgoing(&notice.case)
        .ok_or_else(|| fail("notice"))?;
    let agreed = recalled.deliveries.iter().any(|d| {
        d.answers
            .iter()
            .any(|(b, yes)| *yes && *b == vanthu_workflow::Business::Revoke)
    });
    if !agreed {
        return Err(fail("the recall was not agreed"));
    }

    let u1_doc = unit1
        .office
        .incoming(&u1_case)
        .ok_or_else(|| fail("unit 1 case"))?;
    let arrival = u1_doc
        .registration
        .as_ref()
        .map_or_else(String::new, |r| r.number_text());
    let number_symbol = format!("{}/{SYMBOL}", decision.number);
    let mut lines = vec![
        format!(
            "vanthu demo: the life of Decision {number_symbol} (start {}, Vietnam time)",
            start.to_rfc3339()
        ),
        format!(
            "  {SENDER} drafted, approved, signed (director, then agency), numbered {} from the outgoing register, issued {}",
            decision.number,
            sent_at.format("%Y-%m-%d %H:%M")
        ),
        format!(
            "  {UNIT1}: package conformant, legal value {}; arrival no. {arrival}; status {}",
            legal_value_name(receipt.legal_value),
            u1_codes.join(" → ")
        ),
        format!(
            "  {UNIT1}: assigned to {u1_lead} (due {}) with {u1_coop} (due {}), completed {}",
            lead_due.format("%Y-%m-%d %H:%M"),
            coop_due.format("%Y-%m-%d %H:%M"),
            t_done.format("%Y-%m-%d %H:%M")
        ),
        format!(
            "  {UNIT2}: damaged copy, legal value {}; status {} (returned with a reason)",
            legal_value_name(receipt2.legal_value),
            u2_codes.join(" → ")
        ),
        format!(
            "  {}/{SYMBOL2} to {UNIT1}: recalled (13), agreed (15), cancelled at the unit",
            notice.number
        ),
        format!(
            "  sender tracking: {UNIT1} {s1}, {UNIT2} {s2}; {}/{SYMBOL2} {}",
            notice.number,
            recalled.status.as_str()
        ),
        format!(
            "  record {code} closed ({} document(s)), packed as a Circular 05/2025 SIP",
            doc_total
        ),
        format!(
            "  report {year}-{:02}: {} sent, {} received",
            start.month(),
            monthly.total.sent,
            monthly.total.received
        ),
        format!("Artifacts in {} (test-only PKI in pki/):", dir.display()),
    ];
    let mut files = out.files.clone();
    files.sort();
    let mut folders: std::collections::BTreeMap<String, Vec<String>> =
        std::collections::BTreeMap::new();
    for file in files {
        let (folder, name) = file.rsplit_once('/').unwrap_or(("", file.as_str()));
        folders
            .entry(folder.to_owned())
            .or_default()
            .push(name.to_owned());
    }
    lines.extend(
        folders
            .iter()
            .map(|(folder, names)| format!("  {folder}/: {}", names.join(", "))),
    );
    Ok(lines)
}

/// Vietnamese without diacritics (for the standard PDF fonts): NFD, drop the
/// combining marks, đ → d.
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}

fn legal_value_name(value: LegalValue) -> &'static str {
    match value {
        LegalValue::Original => "original",
        LegalValue::ReferenceOnly => "reference only",
        LegalValue::Invalid => "invalid",
    }
}

/// An earlier document of the year, issued to the provincial People's
/// Committee and accepted there: it advances the outgoing register (the API
/// has no way to open a register at a given number) and leaves no deadline.
fn desk_number(
    desk: &mut Desk,
    staff: &SenderStaff,
    case: &CaseId,
    subject: &str,
    (at, later): (DateTime<FixedOffset>, DateTime<FixedOffset>),
) -> Res<()> {
    desk.outgoing(
        case,
        at,
        OutgoingEvent::Drafted {
            by: staff.drafter.clone(),
            subject: subject.to_owned(),
            document_type: None,
            symbol: SYMBOL2.to_owned(),
            urgency: None,
        },
    )?;
    desk.outgoing(
        case,
        at,
        OutgoingEvent::Submitted {
            by: staff.drafter.clone(),
        },
    )?;
    desk.outgoing(
        case,
        at,
        OutgoingEvent::Approved {
            by: staff.head.clone(),
        },
    )?;
    desk.outgoing(
        case,
        at,
        OutgoingEvent::Signed {
            by: staff.director.clone(),
            valid: true,
        },
    )?;
    desk.outgoing(
        case,
        at,
        OutgoingEvent::Numbered {
            by: staff.clerk.clone(),
            register: None,
        },
    )?;
    desk.outgoing(
        case,
        at,
        OutgoingEvent::AgencySigned {
            by: staff.clerk.clone(),
            valid: true,
        },
    )?;
    let province = AgencyId::parse(PROVINCE).ctx(PROVINCE)?;
    desk.outgoing(
        case,
        at,
        OutgoingEvent::Issued {
            by: staff.clerk.clone(),
            recipients: vec![province],
        },
    )?;
    desk.outgoing(
        case,
        later,
        OutgoingEvent::StatusReceived {
            from: province,
            code: StatusCode::Accepted,
            description: None,
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )]
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
