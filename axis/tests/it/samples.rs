//! The exchange loop over the real sample packages the Government Office
//! publishes (read in place from the fixtures folder beside the
//! repository, `../shared/fixtures/vpcp-samples`; the test fails without
//! it): a new document, its revocation, update and replacement, a recall
//! request (13) and a malformed package reach a ministry (`000.00.00.H41`);
//! the Government Office (`000.00.00.G22`) receives the ministry's ten
//! sample status packages and its replies.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::Duration;
use vanthu::edxml::Package;
use vanthu::identifiers::BusinessType;
use vanthu_axis::exchange::{Answer, Exchange, ExchangeConfig, Next, Record, Task, read_journal};
use vanthu_axis::national::National;
use vanthu_axis::{Axis, CallContext};

use crate::fake::FakeAxis;
use crate::pki::{pki, start};

const OFFICE: &str = "000.00.00.G22";
const MINISTRY: &str = "000.00.00.H41";

fn sample(name: &str) -> Vec<u8> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures/vpcp-samples"
    ));
    std::fs::read(dir.join(name)).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: this test reads the real sample packages in the fixtures folder beside the repository",
            dir.join(name).display()
        )
    })
}

/// The workflow: a new document as its check says; a revocation, update
/// or replacement agreed to (15).
fn answer(package: &[u8], report: &vanthu::FileReport) -> Option<Answer> {
    let Ok(read) = vanthu::edxml::read(package) else {
        return None;
    };
    let Package::Document(doc) = read.package else {
        return None;
    };
    Some(match doc.business_type() {
        BusinessType::New => Answer::from_report(report),
        _ => Answer::new("15", None),
    })
}

#[test]
fn the_loop_over_the_government_office_samples() {
    let mut fake = FakeAxis::new(&[("SYS-VPCP", "s-vpcp", OFFICE), ("SYS-BO", "s-bo", MINISTRY)]);
    let documents = [
        "generated_vnpt_edxml102.edxml",
        "edoc_revocation.edxml",
        "edoc_update.edxml",
        "edoc_replacement.edxml",
        "status_cancellation_13.edxml",
    ];
    for name in documents {
        fake.inject("SYS-BO", OFFICE, sample(name));
    }
    let malformed = fake.inject("SYS-BO", "777.77.04.D77", sample("edoc.edxml"));
    let statuses = [
        "status.edxml",
        "status_inbox_01.edxml",
        "status_rejection_02.edxml",
        "status_acceptance_03.edxml",
        "status_assignment_04.edxml",
        "status_processing_05.edxml",
        "status_finish_06.edxml",
        "status_change-acceptance_15.edxml",
        "status_change-rejection_16.edxml",
    ];
    for name in statuses {
        fake.inject("SYS-VPCP", MINISTRY, sample(name));
    }

    let systems = [(OFFICE, "SYS-VPCP", "s-vpcp"), (MINISTRY, "SYS-BO", "s-bo")];
    let mut machines: Vec<Exchange> = systems
        .iter()
        .map(|(agency, ..)| Exchange::new(ExchangeConfig::new(*agency), pki().checker()))
        .collect();
    let mut journals = [String::new(), String::new()];
    let mut delivered: [BTreeMap<String, u32>; 2] = [BTreeMap::new(), BTreeMap::new()];
    let mut now = start();
    for _ in 0..2000 {
        let mut waits = Vec::new();
        for (i, (_, system, secret)) in systems.iter().enumerate() {
            let axis = Axis::National(National::new("http://axis.test/adapter", *system, *secret));
            let machine = &mut machines[i];
            let action = match machine.next_action(now) {
                Next::Act(action) => action,
                Next::Wait(t) => {
                    waits.push(t);
                    continue;
                }
                other => panic!("{other:?}"),
            };
            let mut records = action.journal.clone();
            records.extend(match &action.task {
                Task::Call(op) => {
                    let ctx = CallContext::at_time(now, format!("n{}", journals[i].len()));
                    let response = fake.handle(&axis.request(op, &ctx).unwrap());
                    machine
                        .complete(action.id, axis.read(op, &response), now)
                        .unwrap()
                }
                Task::Deliver(d) => {
                    *delivered[i].entry(d.key.clone()).or_default() += 1;
                    let reply = answer(&d.package, &d.report);
                    machine.delivered(action.id, reply, now).unwrap()
                }
                other => panic!("{other:?}"),
            });
            for r in records {
                journals[i].push_str(&r.to_line());
                journals[i].push('\n');
            }
        }
        let finished = fake
            .messages
            .iter()
            .all(|m| m.state == "done" || m.state == "fail");
        if finished && machines.iter().all(Exchange::is_settled) {
            break;
        }
        now = if waits.len() == 2 {
            waits.into_iter().min().unwrap()
        } else {
            now + Duration::seconds(1)
        };
    }

    // Every message finished: the malformed package failed, the rest done.
    for m in &fake.messages {
        let want = if m.doc_id == malformed {
            "fail"
        } else {
            "done"
        };
        assert_eq!(m.state, want, "{} ({})", m.doc_id, m.to_system);
    }
    // The ministry took its five packages once each: the revocation, update
    // and replacement share the document's DocumentId but are not
    // duplicates of it.
    assert_eq!(delivered[1].len(), 5, "{:?}", delivered[1]);
    assert!(delivered[1].values().all(|n| *n == 1));
    // Its replies: 01 to the new document then the check's answer; no 01
    // to a revocation, update or replacement (the workflow's rule), 15.
    let records = read_journal(&journals[1]).unwrap();
    let mut sent = Vec::new();
    let mut refused = Vec::new();
    for r in &records {
        if let Record::Replied {
            code,
            sent: s,
            reason,
            ..
        } = r
        {
            match s {
                Some(_) => sent.push(code.clone()),
                None => refused.push((code.clone(), reason.clone().unwrap_or_default())),
            }
        }
    }
    sent.sort();
    assert_eq!(sent.len(), 5, "{sent:?}");
    assert_eq!(sent.iter().filter(|c| *c == "15").count(), 3);
    assert!(sent.contains(&"01".to_owned()));
    assert_eq!(refused.len(), 3, "{refused:?}");
    assert!(
        refused
            .iter()
            .all(|(c, why)| c == "01" && why.contains("WF-IN-")),
        "{refused:?}"
    );
    // The replies reached the Government Office, which took them as status
    // packages answering the real DocumentId.
    let replies: Vec<_> = fake
        .messages
        .iter()
        .filter(|m| m.to_system == "SYS-VPCP" && m.from == MINISTRY && m.message_type == "status")
        .collect();
    assert_eq!(replies.len(), statuses.len() + 5);
    for m in replies.iter().skip(statuses.len()) {
        let Package::Status(status) = vanthu::edxml::read(&m.bytes).unwrap().package else {
            panic!("not a status package")
        };
        assert_eq!(
            status.response_for.unwrap().document_id.as_deref(),
            Some("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT")
        );
    }
    let office = read_journal(&journals[0]).unwrap();
    let taken = delivered[0].values().sum::<u32>() as usize;
    let duplicates = office
        .iter()
        .filter(|r| matches!(r, Record::Duplicate { .. }))
        .count();
    assert_eq!(taken + duplicates, replies.len());
    assert!(delivered[0].values().all(|n| *n == 1));
}
