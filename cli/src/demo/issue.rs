//! The sender: drafting to issue, with both signatures and the number.

use super::*;

/// What the sender issued: its number, signed PDF and edXML package.
pub(crate) struct Issued {
    pub(crate) case: CaseId,
    pub(crate) number: String,
    pub(crate) file_stem: String,
    pub(crate) pdf: Vec<u8>,
    pub(crate) package: DocumentPackage,
    pub(crate) package_bytes: Vec<u8>,
}

/// The sender's actors.
pub(crate) struct SenderStaff {
    pub(crate) drafter: ActorId,
    pub(crate) head: ActorId,
    pub(crate) director: ActorId,
    pub(crate) clerk: ActorId,
}

/// The sender's clerk, who sends its packages (`StaffInfo`).
pub(crate) fn sender_clerk() -> StaffInfo {
    StaffInfo::new("Văn thư", CLERK_NAME, format!("vanthu@{MAIL_HOST}"), "")
}

/// Drafting to issue: the workflow, the two signatures, the number, the package.
#[allow(clippy::too_many_arguments)]
pub(crate) fn issue_document(
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
            confidentiality: None,
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

    // The competent person signs first (Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 17 khoản 4 điểm c); the number is
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
        &folded(DIRECTOR_NAME),
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
    // right of page 1 (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 5 điểm b; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 16 khoản 2 điểm b).
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
    // Every element the reference writer writes, filled where the demo
    // knows the value (the director signs in his own right: no competence).
    let mut package = DocumentPackage::new_document(
        desk.org.clone(),
        to,
        (&number, symbol),
        &vanthu_edxml::format_date(date),
        subject,
        &issued_at,
    )
    .with_place(PLACE)
    .with_content(subject)
    .with_signer(SignerInfo::new("", "Giám đốc", DIRECTOR_NAME))
    .with_to_places(["Như trên", "Lưu: VT"])
    .with_staff(sender_clerk())
    // A paper copy follows when the rules say so (a document without legal
    // value, or a type the agency also sends on paper).
    .with_paper(
        desk.office
            .outgoing(case)
            .is_some_and(|d| d.paper_copy(desk.office.policy())),
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
            paper: None,
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
