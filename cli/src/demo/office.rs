//! The demo's offices: where artifacts are written, one agency's desk
//! (state, event log, registers), the status packages between them.

use super::*;

/// Writes artifacts under one root and remembers them for the summary.
pub(crate) struct Out {
    pub(crate) root: PathBuf,
    pub(crate) files: Vec<String>,
}

impl Out {
    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub(crate) fn write(&mut self, rel: &str, bytes: &[u8]) -> Res<()> {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).ctx(&format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, bytes).ctx(&format!("cannot write {}", path.display()))?;
        self.files.push(rel.to_owned());
        Ok(())
    }

    pub(crate) fn json(&mut self, rel: &str, value: &impl serde::Serialize) -> Res<()> {
        let mut text = serde_json::to_string_pretty(value).ctx(rel)?;
        text.push('\n');
        self.write(rel, text.as_bytes())
    }
}

/// One agency's office: its state and the event log it persists.
pub(crate) struct Desk {
    pub(crate) office: Office,
    pub(crate) log: Vec<LogEntry>,
    pub(crate) org: Organization,
}

impl Desk {
    pub(crate) fn new(id: &str, name: &str) -> Res<Self> {
        let agency = AgencyId::parse(id).ctx(id)?;
        Ok(Self {
            office: Office::new(agency),
            log: Vec::new(),
            org: Organization::new(id, name),
        })
    }

    /// This desk with its governing body and contact details, written in
    /// every package it sends (the reference writer writes them).
    pub(crate) fn described(mut self, in_charge: &str, address: &str, mailbox: &str) -> Self {
        self.org = self.org.in_charge(in_charge).contact(
            address,
            format!("{mailbox}@{MAIL_HOST}"),
            "",
            "",
            "",
        );
        self
    }

    pub(crate) fn agency(&self) -> AgencyId {
        *self.office.agency()
    }

    pub(crate) fn step(&mut self, at: DateTime<FixedOffset>, event: Event) -> Res<Vec<Effect>> {
        let effects = self.office.step(&event, at).ctx(&format!(
            "{} at {}",
            self.agency(),
            at.to_rfc3339()
        ))?;
        self.log.push(LogEntry::new(at, event));
        Ok(effects)
    }

    pub(crate) fn outgoing(
        &mut self,
        case: &CaseId,
        at: DateTime<FixedOffset>,
        event: OutgoingEvent,
    ) -> Res<Vec<Effect>> {
        let case = case.clone();
        self.step(at, Event::Outgoing { case, event })
    }

    pub(crate) fn incoming(
        &mut self,
        case: &CaseId,
        at: DateTime<FixedOffset>,
        event: IncomingEvent,
    ) -> Res<Vec<Effect>> {
        let case = case.clone();
        self.step(at, Event::Incoming { case, event })
    }

    pub(crate) fn add(
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

    pub(crate) fn event_log(&self) -> EventLog {
        EventLog::new(self.agency(), self.log.clone())
    }
}

pub(crate) fn id_of(text: &str) -> Res<ActorId> {
    ActorId::parse(text).ctx(text)
}

pub(crate) fn case_of(text: &str) -> Res<CaseId> {
    CaseId::parse(text).ctx(text)
}

/// The status notices among `effects`.
pub(crate) fn notices(effects: &[Effect]) -> Vec<StatusNotice> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SendStatus(n) => Some(n.clone()),
            _ => None,
        })
        .collect()
}

/// Writes the status packages a receiver's effects ask for; the sender reads
/// each back and applies it to its tracking.
#[allow(clippy::too_many_arguments)]
pub(crate) fn send_statuses(
    out: &mut Out,
    wire: &mut Wire,
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
        let name = format!("{folder}/status-{}-{code}.edxml", notice.case);
        out.write(&name, &bytes)?;
        let from_agency = from.agency().to_string();
        let to = sender.agency().to_string();
        wire.post(
            &from_agency,
            &name,
            MessageType::Status,
            &[to.as_str()],
            &bytes,
            notice.at,
        )?;
        // The sender's side: read the package, check it, apply it.
        let bytes = wire.take(&to, notice.at + Duration::minutes(1))?;
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

/// An earlier document of the year, issued to the provincial People's
/// Committee and accepted there: it advances the outgoing register (the API
/// has no way to open a register at a given number) and leaves no deadline.
pub(crate) fn desk_number(
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
            confidentiality: None,
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
            paper: None,
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
