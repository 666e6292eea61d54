//! Keep the incoming register: each accepted document gets the next arrival
//! number of the year (from 01 on 1 January, no gaps, no reuse), a document
//! registered twice raises a duplicate warning (Quyết định 182/QĐ-LĐTBXH (Sở
//! LĐTBXH Quảng Nam, 2019) Điều 9 khoản 3), and the register prints with the
//! columns of Nghị định 30/2020/NĐ-CP Phụ lục IV.
//!
//! `cargo run -p vanthu-examples --example register`

use std::error::Error;

use chrono::{DateTime, FixedOffset, NaiveDate};
use vanthu_identifiers::{AgencyId, DocumentId, DocumentNumber};
use vanthu_workflow::incoming::IncomingEvent;
use vanthu_workflow::{Actor, ActorId, CaseId, DocumentMeta, Effect, Event, Office, Role, views};

fn main() -> Result<(), Box<dyn Error>> {
    let at = |s: &str| DateTime::parse_from_rfc3339(s);
    // The office is a value; `step` applies one event in place (or refuses it
    // with an error naming the rule) and returns the effects to carry out.
    let mut office = Office::new(AgencyId::parse("000.00.15.H47")?);
    let clerk = ActorId::parse("vanthu")?;
    let actor = Actor::new(clerk.clone(), "Phạm Thị Dung", None, vec![Role::Clerk]);
    office.step(
        &Event::ActorAdded { actor },
        at("2025-03-03T07:00:00+07:00")?,
    )?;

    let sender = AgencyId::parse("000.00.18.H40")?;
    let number = DocumentNumber::parse("47/TTr-STTTT")?;
    let date = NaiveDate::from_ymd_opt(2025, 3, 1).ok_or("date")?;
    let mut meta = DocumentMeta::new("Tờ trình về việc triển khai phần mềm");
    meta.document_id = Some(DocumentId::new(&sender, date, &number));
    meta.number = Some(number);
    meta.issuer = "Sở Thông tin và Truyền thông".to_owned();
    meta.date = Some(date);

    // The same document arrives twice (e.g. through two channels).
    let mut arrive =
        |case: &str, when: DateTime<FixedOffset>| -> Result<Vec<Effect>, Box<dyn Error>> {
            let case = CaseId::parse(case)?;
            let arrived = IncomingEvent::Arrived {
                from: sender,
                meta: meta.clone(),
                paper: false,
            };
            office.step(
                &Event::Incoming {
                    case: case.clone(),
                    event: arrived,
                },
                when,
            )?;
            let registered = IncomingEvent::Registered { by: clerk.clone() };
            Ok(office.step(
                &Event::Incoming {
                    case,
                    event: registered,
                },
                when + chrono::Duration::minutes(5),
            )?)
        };
    let first = arrive("IN-0001", at("2025-03-03T08:15:00+07:00")?)?;
    let second = arrive("IN-0002", at("2025-03-03T09:30:00+07:00")?)?;
    for effect in first.iter().chain(&second) {
        match effect {
            Effect::WriteRegister(entry) => {
                println!("register: no. {} of {}", entry.number_text(), entry.year)
            }
            Effect::DuplicateWarning {
                case,
                duplicate_of,
                reason,
            } => {
                println!("warning: {case} looks like {duplicate_of} ({reason:?})");
            }
            _ => {}
        }
    }
    assert!(
        second
            .iter()
            .any(|e| matches!(e, Effect::DuplicateWarning { .. }))
    );

    // The printed register (Nghị định 30/2020/NĐ-CP Phụ lục IV columns), as CSV.
    let rows = views::incoming_register(&office, 2025);
    print!("{}", views::incoming_register_csv(&rows));
    assert_eq!(rows.len(), 2);
    Ok(())
}

#[test]
fn runs() -> Result<(), Box<dyn Error>> {
    main()
}
