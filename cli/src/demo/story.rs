//! The storyline: every step of the demo, in order.

use super::*;

/// Runs the whole chain into `dir`; returns the summary lines.
#[allow(clippy::too_many_lines)]
pub(crate) fn run(dir: &Path, start: DateTime<FixedOffset>, via_axis: bool) -> Res<Vec<String>> {
    let mut out = Out {
        root: dir.to_path_buf(),
        files: Vec::new(),
    };
    let year = start.year();
    let calendar = WorkingCalendar::vietnam(year - 1..=year + 1).ctx("working calendar")?;
    let rules = DeadlineRules::default();
    let pki = TestPki::new(year)?;
    out.write("pki/root.cer", pki.root.der())?;
    let root = out.root.join("pki/root.cer");
    out.write("pki/director.cer", pki.director.der())?;
    out.write("pki/agency.cer", pki.agency.der())?;
    // The test keys, published on purpose so that `vanthu sign` can be
    // tried on the demo's output; the names say what they are.
    out.write(
        DIRECTOR_KEY,
        &pki.director_key.to_pkcs8_der().ctx("test key")?,
    )?;
    out.write(AGENCY_KEY, &pki.agency_key.to_pkcs8_der().ctx("test key")?)?;
    let check_day = (start + Duration::days(3)).format("%Y-%m-%d");
    // The carrier of every package between the offices.
    let mut wire = if via_axis {
        let offices = [
            (SENDER, SENDER_NAME),
            (UNIT1, UNIT1_NAME),
            (UNIT2, UNIT2_NAME),
        ];
        Wire::Axis(Box::new(AxisLink::start(dir, &root, &offices, start)?))
    } else {
        Wire::in_process()
    };
    out.write(
        "pki/README.txt",
        pki_readme(&check_day.to_string()).as_bytes(),
    )?;

    // The offices and their people.
    let mut sender =
        Desk::new(SENDER, SENDER_NAME)?.described(PROVINCE_NAME, "Tam Kỳ, Quảng Nam", "sldtbxh");
    let mut unit1 =
        Desk::new(UNIT1, UNIT1_NAME)?.described(SENDER_NAME, "Tam Kỳ, Quảng Nam", "vanphong");
    let mut unit2 =
        Desk::new(UNIT2, UNIT2_NAME)?.described(SENDER_NAME, "Tam Kỳ, Quảng Nam", "thanhtra");
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
        director: sender.add(jan1, "giamdoc", DIRECTOR_NAME, None, Role::AgencyLeader)?,
        clerk: sender.add(jan1, "vanthu", CLERK_NAME, None, Role::Clerk)?,
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
    wire.post(
        SENDER,
        &format!("sender/{}.edxml", decision.file_stem),
        MessageType::Edoc,
        &[UNIT1, UNIT2],
        &decision.package_bytes,
        sent_at,
    )?;

    // 2. Unit 2: the copy it gets was damaged in transit (one byte of the PDF),
    // so the agency signature fails and the clerk returns it (02) with the reason.
    // (Through an axis, which refuses a package whose signatures fail, the
    // damage happens on the unit's side, after the copy was fetched.)
    let t2 = sent_at + Duration::minutes(10);
    let copy = receive(&wire.take(UNIT2, t2)?, &root, t2)?;
    let mut damaged_pdf = copy.pdf.clone();
    let flip = damaged_pdf
        .windows(8)
        .position(|w| w == b"GIAM DOC")
        .ok_or_else(|| fail("page text"))?;
    if let Some(byte) = damaged_pdf.get_mut(flip) {
        *byte ^= 0x20;
    }
    let mut damaged = Vec::new();
    vanthu_edxml::write_document(
        &copy.package,
        &mut vec![damaged_pdf.as_slice()],
        &mut damaged,
    )
    .ctx("write package")?;
    out.write(
        &format!("unit2/received/{}.edxml", decision.file_stem),
        &damaged,
    )?;
    let receipt2 = receive(&damaged, &root, t2)?;
    if receipt2.report.conformant || receipt2.legal_value() == Some(LegalValue::Original) {
        return Err(fail("unit 2: a damaged copy passed the signature check"));
    }
    let u2_case = case_of("DEN-QD-182")?;
    let meta = vanthu::document_meta(&receipt2.package);
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
                reason: receipt2.reason_vi(),
            },
        ),
    ] {
        let effects = unit2.incoming(&u2_case, at, event)?;
        u2_codes.extend(send_statuses(
            &mut out,
            &mut wire,
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
    let copy1 = wire.take(UNIT1, t1)?;
    out.write(
        &format!("unit1/received/{}.edxml", decision.file_stem),
        &copy1,
    )?;
    let receipt = receive(&copy1, &root, t1)?;
    if !receipt.report.conformant
        || receipt.legal_value() != Some(LegalValue::Original)
        || receipt.pdf != decision.pdf
    {
        return Err(fail("unit 1: the decision does not pass its checks"));
    }
    let u1_case = case_of("DEN-QD-182")?;
    let meta = vanthu::document_meta(&receipt.package);
    let mut codes = Vec::new();
    let mut go = |desk: &mut Desk, sender: &mut Desk, out: &mut Out, at, event| -> Res<()> {
        let effects = desk.incoming(&u1_case, at, event)?;
        codes.extend(send_statuses(
            out,
            &mut wire,
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
    wire.post(
        SENDER,
        &format!("sender/{}.edxml", notice.file_stem),
        MessageType::Edoc,
        &[UNIT1],
        &notice.package_bytes,
        t3,
    )?;
    let t4 = t3 + Duration::minutes(170);
    let copy3 = wire.take(UNIT1, t4)?;
    out.write(
        &format!("unit1/received/{}.edxml", notice.file_stem),
        &copy3,
    )?;
    let receipt3 = receive(&copy3, &root, t4)?;
    let u1_case2 = case_of("DEN-CV-183")?;
    let meta = vanthu::document_meta(&receipt3.package);
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
            &mut wire,
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
            .with_staff(sender_clerk())
            .addressed_to(n.to.as_str());
        let mut bytes = Vec::new();
        vanthu_edxml::write_status(&status, &mut bytes).ctx("write status")?;
        let name = format!(
            "sender/status-{}-{}-{}.edxml",
            n.case,
            n.to,
            n.code.as_str()
        );
        out.write(&name, &bytes)?;
        wire.post(
            SENDER,
            &name,
            MessageType::Status,
            &[n.to.as_str()],
            &bytes,
            n.at,
        )?;
        // Unit 1 reads the request (13), cancels the document and agrees (15).
        let bytes = wire.take(UNIT1, n.at + Duration::minutes(5))?;
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
            &mut wire,
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
    let mut list = RecordsList::new(unit1.agency(), year);
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
            receipt.legal_value().map_or("-", LegalValue::as_str),
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
            receipt2.legal_value().map_or("-", LegalValue::as_str),
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
    ];
    lines.extend(wire.summary());
    wire.finish()?;
    lines.push(format!(
        "Artifacts in {} (test-only PKI in pki/):",
        dir.display()
    ));
    out.write("README.txt", readme(&check_day.to_string()).as_bytes())?;
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
    lines.extend(folders.iter().map(|(folder, names)| {
        let folder = if folder.is_empty() { "." } else { folder };
        format!("  {folder}/: {}", names.join(", "))
    }));
    Ok(lines)
}

/// The test-only private keys of the demo's signers (PKCS #8, DER).
pub(crate) const DIRECTOR_KEY: &str = "pki/director.TEST-ONLY-private-key.der";
pub(crate) const AGENCY_KEY: &str = "pki/agency.TEST-ONLY-private-key.der";

/// `pki/README.txt`: what the test PKI is and how to use it.
fn pki_readme(check_day: &str) -> String {
    format!(
        "TEST ONLY. These certificates and private keys were generated by `vanthu demo`\n\
         from fixed, public texts: anyone can make them again. They are not issued by any\n\
         real CA, carry no legal value, and must never sign anything real.\n\
         \n\
         root.cer                            the test root: the trust anchor of the demo's PDFs\n\
         director.cer, {director}\n\
         \x20                                   the director (a person) and his TEST-ONLY key\n\
         agency.cer, {agency}\n\
         \x20                                   the agency's seal and its TEST-ONLY key\n\
         \n\
         Verify the demo's PDFs (from the demo's output folder):\n\
         \x20 vanthu verify --trust pki/root.cer --at {check_day} sender/182-QD-LDTBXH.signed.pdf\n\
         \x20 vanthu check --trust pki/root.cer --at {check_day} .\n\
         Sign one again with a test key, then verify it:\n\
         \x20 vanthu sign --key pki/{agency} --cert pki/agency.cer --at {check_day} -o again.pdf sender/182-QD-LDTBXH.signed.pdf\n\
         \x20 vanthu verify --trust pki/root.cer --at {check_day} again.pdf\n",
        director = DIRECTOR_KEY.trim_start_matches("pki/"),
        agency = AGENCY_KEY.trim_start_matches("pki/"),
    )
}

/// `README.txt` at the top of the demo's output: what each folder holds.
fn readme(check_day: &str) -> String {
    format!(
        "What `vanthu demo` wrote. Everything here is made up and TEST ONLY: no\n\
         document, person, address, key or certificate in it is real.\n\
         \n\
         pki/             the demo's throw-away PKI: root.cer (the trust anchor), director.cer\n\
         \x20                and agency.cer, and their TEST-ONLY private keys (*.TEST-ONLY-private-key.der),\n\
         \x20                so that `vanthu sign` can be tried; pki/README.txt says how\n\
         sender/          the issuing agency {SENDER}: the signed PDFs (*.signed.pdf), the edXML\n\
         \x20                packages it sent (*.edxml; *.revoke.edxml recalls one), the status package 13\n\
         \x20                it sent (status-*-13.edxml), its event log (events.json), outgoing register\n\
         \x20                (outgoing-register.csv) and monthly report (report-*.csv, report-*.json)\n\
         unit1/           the first recipient {UNIT1}: the status packages it sent (status-*.edxml),\n\
         \x20                its event log and incoming register (incoming-register.csv)\n\
         unit1/received/  the packages unit 1 received\n\
         unit1/archive/   the record unit 1 filed: its record list (XML) and its archival package\n\
         \x20                (ZIP, Thông tư 05/2025/TT-BNV)\n\
         unit2/           the second recipient {UNIT2}: the status packages it sent (02 returns a\n\
         \x20                copy damaged in transit), its event log and incoming register\n\
         unit2/received/  the damaged copy unit 2 received\n\
         \n\
         Try, from this folder:\n\
         \x20 vanthu check --trust pki/root.cer --at {check_day} .\n\
         \x20 vanthu inspect sender/182-QD-LDTBXH.edxml\n\
         \x20 vanthu replay unit1/events.json\n\
         \x20 vanthu archive check unit1/archive/*.zip\n"
    )
}
