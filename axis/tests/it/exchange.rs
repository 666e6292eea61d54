//! The exchange loop: two systems, a sender and a receiving unit, exchange
//! documents and their status replies through the in-memory axis; the loop
//! is killed after each action it emits, before and after the action is
//! performed, restarted from its journal, and nothing is lost or processed
//! twice.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, FixedOffset};
use vanthu_axis::exchange::{
    Answer, Backoff, Delivery, Exchange, ExchangeConfig, Next, Record, Task, compact, journal_len,
    read_journal,
};
use vanthu_axis::national::National;
use vanthu_axis::{Axis, CallContext, MessageType, Operation};

use crate::fake::FakeAxis;
use crate::pki::{SENDER, UNIT, package, pki, start};

fn document_id(number: &str) -> String {
    format!("{SENDER},2025/06/02,{number}/QĐ-LĐTBXH")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Crash {
    /// The action was emitted; nothing journaled, nothing performed.
    Before,
    /// Journaled and performed; its result never reported.
    After,
    /// Performed, its records written but the last one cut short.
    Torn,
}

struct System {
    agency: &'static str,
    system_id: &'static str,
    secret: &'static str,
    journal: String,
    machine: Option<Exchange>,
    /// The application's own store of what it sends, by key.
    outbox: BTreeMap<String, (MessageType, Vec<String>, Vec<u8>)>,
    /// The workflow: package key → its answer; and every delivery seen.
    taken: BTreeMap<String, Option<Answer>>,
    processed: BTreeMap<String, u32>,
    redeliveries: u32,
    nonce: u64,
}

impl System {
    fn new(agency: &'static str, system_id: &'static str, secret: &'static str) -> Self {
        let mut system = Self {
            agency,
            system_id,
            secret,
            journal: String::new(),
            machine: None,
            outbox: BTreeMap::new(),
            taken: BTreeMap::new(),
            processed: BTreeMap::new(),
            redeliveries: 0,
            nonce: 0,
        };
        system.restart();
        system
    }

    fn config(&self) -> ExchangeConfig {
        let mut config = ExchangeConfig::new(self.agency);
        config.poll_seconds = 10;
        config.backoff = Backoff::new(2, 2, 30, 8);
        config
    }

    fn axis(&self) -> Axis {
        Axis::National(National::new(
            "http://axis.test/XrdAdapter/adapter",
            self.system_id,
            self.secret,
        ))
    }

    fn append(&mut self, records: &[Record]) {
        for record in records {
            self.journal.push_str(&record.to_line());
            self.journal.push('\n');
        }
    }

    /// Starts (again) from the journal; the application queues again what
    /// the journal says is not sent yet.
    fn restart(&mut self) {
        self.journal.truncate(journal_len(&self.journal));
        let checker = pki().checker();
        let records = read_journal(&self.journal).unwrap();
        let mut machine = Exchange::resume(self.config(), checker, records);
        for key in machine.pending_sends() {
            let (kind, to, bytes) = self.outbox[&key].clone();
            assert!(machine.send(&key, kind, to, bytes).unwrap().is_empty());
        }
        self.machine = Some(machine);
    }

    fn queue(&mut self, key: &str, to: &str, bytes: Vec<u8>) {
        self.outbox.insert(
            key.to_owned(),
            (MessageType::Edoc, vec![to.to_owned()], bytes.clone()),
        );
        let records = self
            .machine
            .as_mut()
            .unwrap()
            .send(key, MessageType::Edoc, vec![to.to_owned()], bytes)
            .unwrap();
        self.append(&records);
    }

    /// The workflow takes a package: a key it holds is not processed again;
    /// a document is accepted or refused as its check says.
    fn take(&mut self, delivery: &Delivery) -> Option<Answer> {
        let key = &delivery.key;
        if let Some(answer) = self.taken.get(key) {
            assert!(
                delivery.redelivery,
                "{key} delivered twice without the redelivery flag"
            );
            self.redeliveries += 1;
            return answer.clone();
        }
        *self.processed.entry(key.to_owned()).or_default() += 1;
        let answer = match delivery.message_type {
            MessageType::Status => None,
            _ => Some(Answer::from_report(&delivery.report)),
        };
        self.taken.insert(key.to_owned(), answer.clone());
        answer
    }

    /// One step at `now`: `Some(t)` when the machine waits until `t`;
    /// `crash` kills it at this action.
    fn step(
        &mut self,
        fake: &mut FakeAxis,
        now: DateTime<FixedOffset>,
        crash: Option<Crash>,
    ) -> (bool, Option<DateTime<FixedOffset>>) {
        let next = self.machine.as_mut().unwrap().next_action(now);
        let action = match next {
            Next::Act(action) => action,
            Next::Wait(t) => return (false, Some(t)),
            Next::Busy => panic!("busy with nothing in flight"),
            other => panic!("{other:?}"),
        };
        if crash == Some(Crash::Before) {
            self.restart();
            return (true, None);
        }
        self.append(&action.journal);
        enum Done {
            Call(vanthu_axis::Outcome),
            Delivered(Option<Answer>),
        }
        let done = match &action.task {
            Task::Call(operation) => {
                self.nonce += 1;
                let ctx =
                    CallContext::at_time(now, format!("vanthu-{}-{}", self.system_id, self.nonce));
                let request = self.axis().request(operation, &ctx).unwrap();
                let response = fake.handle(&request);
                Done::Call(self.axis().read(operation, &response))
            }
            Task::Deliver(delivery) => {
                assert_eq!(delivery.report.file, format!("{}.edxml", delivery.doc_id));
                Done::Delivered(self.take(delivery))
            }
            other => panic!("{other:?}"),
        };
        if crash == Some(Crash::After) {
            self.restart();
            return (true, None);
        }
        let machine = self.machine.as_mut().unwrap();
        let records = match done {
            Done::Call(outcome) => machine.complete(action.id, outcome, now).unwrap(),
            Done::Delivered(answer) => machine.delivered(action.id, answer, now).unwrap(),
        };
        self.append(&records);
        if crash == Some(Crash::Torn) && !records.is_empty() {
            // The last line loses its second half and its line break.
            let end = journal_len(&self.journal[..self.journal.len() - 1]);
            let last = self.journal.len() - end;
            let mut cut = end + last / 2;
            while !self.journal.is_char_boundary(cut) {
                cut -= 1;
            }
            self.journal.truncate(cut);
        }
        if crash == Some(Crash::Torn) {
            self.restart();
        }
        (true, None)
    }
}

struct Run {
    sender: System,
    unit: System,
    fake: FakeAxis,
    garbage: String,
    actions: usize,
}

/// Runs the exchange to the end, killing the loop at action `crash_at`.
fn run(crash_at: Option<(usize, Crash)>, fail_first: u32) -> Run {
    run_crashing(crash_at.as_slice(), fail_first)
}

/// Runs the exchange to the end, killing the loop at each of `crashes`.
fn run_crashing(crashes: &[(usize, Crash)], fail_first: u32) -> Run {
    let crash_at = crashes.first().copied();
    let mut fake = FakeAxis::new(&[("SYS-S", "secret-s", SENDER), ("SYS-U", "secret-u", UNIT)]);
    fake.fail_next = fail_first;
    let garbage = fake.inject("SYS-U", "000.00.00.G22", b"%PDF-1.7 not a package".to_vec());
    let mut sender = System::new(SENDER, "SYS-S", "secret-s");
    let mut unit = System::new(UNIT, "SYS-U", "secret-u");
    sender.queue("qd-182", UNIT, package("182", false));
    // Damaged on the way: its signatures no longer verify, and the unit's
    // check refuses it.
    sender.queue("qd-183", UNIT, package("183", true));
    // The sender's application sends the first one again, under another key.
    sender.queue("qd-182-again", UNIT, package("182", false));
    let mut now = start();
    let mut actions = 0;
    for _ in 0..5000 {
        let mut waits = Vec::new();
        for who in 0..2 {
            let system = if who == 0 { &mut sender } else { &mut unit };
            let crash = crashes
                .iter()
                .find_map(|(k, mode)| (*k == actions).then_some(*mode));
            let (acted, wait) = system.step(&mut fake, now, crash);
            if acted {
                actions += 1;
            }
            waits.extend(wait);
        }
        let settled = [&sender, &unit]
            .iter()
            .all(|s| s.machine.as_ref().unwrap().is_settled());
        let axis_done = fake
            .messages
            .iter()
            .all(|m| m.state == "done" || m.state == "fail");
        if settled && axis_done && fake.messages.len() > 4 {
            return Run {
                sender,
                unit,
                fake,
                garbage,
                actions,
            };
        }
        now = if waits.len() == 2 {
            waits.into_iter().min().unwrap()
        } else {
            now + Duration::seconds(1)
        };
    }
    panic!(
        "the exchange did not settle (crash at {crash_at:?})\nsender:\n{}\nunit:\n{}\naxis: {:?}",
        sender.journal,
        unit.journal,
        fake.messages
            .iter()
            .map(|m| (&m.doc_id, &m.state))
            .collect::<Vec<_>>()
    );
}

/// Nothing lost, nothing processed twice.
fn check(run: &Run, label: &str) {
    let unit = &run.unit;
    let expected: BTreeSet<String> = [document_id("182"), document_id("183")].into();
    assert_eq!(
        unit.processed.keys().cloned().collect::<BTreeSet<_>>(),
        expected,
        "{label}"
    );
    assert!(
        unit.processed.values().all(|n| *n == 1),
        "{label}: {:?}",
        unit.processed
    );
    // Every message for the unit is finished: the garbage failed, the rest done.
    for m in run.fake.messages.iter().filter(|m| m.to_system == "SYS-U") {
        let want = if m.doc_id == run.garbage {
            "fail"
        } else {
            "done"
        };
        assert_eq!(m.state, want, "{label}: {}", m.doc_id);
    }
    // The status replies: 01 and 03 for 182, 01 and 02 for 183, each one
    // package (copies after a crash are the same bytes).
    let mut replies: BTreeMap<(String, String), BTreeSet<Vec<u8>>> = BTreeMap::new();
    for m in run
        .fake
        .messages
        .iter()
        .filter(|m| m.message_type == "status")
    {
        let read = vanthu::edxml::read(&m.bytes).unwrap();
        let vanthu::edxml::Package::Status(status) = read.package else {
            panic!("{label}: not a status package")
        };
        let about = status.response_for.unwrap().document_id.unwrap();
        let code = status.status_code.unwrap();
        if code == "02" {
            // The reason is the check's: the damaged signatures.
            let reason = status.description.unwrap();
            assert!(reason.contains("CHECK-ATT-001"), "{label}: {reason}");
        }
        replies
            .entry((about, code))
            .or_default()
            .insert(m.bytes.clone());
    }
    let codes: BTreeSet<(String, String)> = replies.keys().cloned().collect();
    let want: BTreeSet<(String, String)> = [
        (document_id("182"), "01".to_owned()),
        (document_id("182"), "03".to_owned()),
        (document_id("183"), "01".to_owned()),
        (document_id("183"), "02".to_owned()),
    ]
    .into();
    assert_eq!(codes, want, "{label}");
    assert!(
        replies.values().all(|copies| copies.len() == 1),
        "{label}: replies differ"
    );
    // The sender's workflow took each status once.
    assert_eq!(
        run.sender.processed.len(),
        4,
        "{label}: {:?}",
        run.sender.processed
    );
    assert!(run.sender.processed.values().all(|n| *n == 1), "{label}");
    // Every package queued was sent: the journal says so.
    let records = read_journal(&run.sender.journal).unwrap();
    let sent: BTreeSet<&str> = records
        .iter()
        .filter_map(|r| match r {
            Record::Sent { key, .. } => Some(key.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(sent, ["qd-182", "qd-182-again", "qd-183"].into(), "{label}");
    // The copy sent again is recognised by its DocumentId, not delivered.
    let unit_records = read_journal(&unit.journal).unwrap();
    assert!(
        unit_records
            .iter()
            .any(|r| matches!(r, Record::Duplicate { .. })),
        "{label}"
    );
    assert!(
        unit_records.iter().any(|r| matches!(
            r,
            Record::Checked {
                readable: false,
                ..
            }
        )),
        "{label}"
    );
}

#[test]
fn the_exchange_runs_to_the_end() {
    let run = run(None, 0);
    check(&run, "clean run");
    assert_eq!(run.unit.redeliveries, 0);
    // The journal is one JSON record per line.
    for line in run.unit.journal.lines() {
        assert!(line.starts_with("{\"record\":"), "{line}");
    }
}

#[test]
fn killed_at_every_action_nothing_is_lost_or_processed_twice() {
    let actions = run(None, 0).actions;
    assert!(actions > 20, "{actions}");
    let mut redelivered = 0;
    for k in 0..actions {
        for mode in [Crash::Before, Crash::After, Crash::Torn] {
            let run = run(Some((k, mode)), 0);
            check(&run, &format!("crash {mode:?} action {k}"));
            redelivered += run.unit.redeliveries + run.sender.redeliveries;
        }
    }
    // Killed after the workflow took a package, it came again, flagged.
    assert!(redelivered > 0);
    eprintln!("{actions} actions, each killed 3 ways: {redelivered} flagged redeliveries");
}

#[test]
fn killed_again_and_again() {
    // Three crashes in one run, of every kind, at spread-out actions.
    let actions = run(None, 0).actions;
    let modes = [Crash::Before, Crash::After, Crash::Torn];
    for start in 0..actions {
        let crashes: Vec<(usize, Crash)> = (0..3)
            .map(|i| (start + i * 7, modes[(start + i) % 3]))
            .collect();
        let run = run_crashing(&crashes, 0);
        check(&run, &format!("crashes {crashes:?}"));
    }
}

#[test]
fn failures_are_retried_with_backoff() {
    // The axis is down for its first 7 calls: the loop waits 2, 4, 8… s
    // between tries and still ends with nothing lost.
    let run = run(None, 7);
    check(&run, "axis down at first");
    assert!(run.fake.calls.len() > 7);
}

#[test]
fn backoff_delays() {
    let b = Backoff::default();
    let delays: Vec<i64> = (1..=10).map(|n| b.delay(n).num_seconds()).collect();
    assert_eq!(delays, [5, 10, 20, 40, 80, 160, 320, 600, 600, 600]);
}

#[test]
fn a_permanent_refusal_is_given_up_not_retried() {
    let mut fake = FakeAxis::new(&[("SYS-S", "secret-s", SENDER)]);
    let mut sender = System::new(SENDER, "SYS-S", "secret-s");
    sender.queue("to-nobody", "000.09.99.H47", package("190", false));
    let mut now = start();
    for _ in 0..10 {
        let (_, wait) = sender.step(&mut fake, now, None);
        now = wait.unwrap_or(now + Duration::seconds(1));
    }
    let records = read_journal(&sender.journal).unwrap();
    let gave_up = records.iter().find_map(|r| match r {
        Record::GaveUp {
            subject,
            step,
            error,
        } => Some((subject.clone(), step.clone(), error.clone())),
        _ => None,
    });
    let (subject, step, error) = gave_up.expect("given up");
    assert_eq!((subject.as_str(), step.as_str()), ("to-nobody", "sendEdoc"));
    assert!(error.contains("18"), "{error}");
    let machine = sender.machine.as_ref().unwrap();
    assert_eq!(machine.given_up(), ["to-nobody"]);
    assert!(machine.is_settled());
}

#[test]
fn a_torn_last_line_is_dropped() {
    let record = Record::Acknowledged {
        doc_id: "m1".to_owned(),
        state: vanthu_axis::TransportState::Done,
    };
    let line = record.to_line();
    let torn = format!("{line}\n{}", &line[..10]);
    assert_eq!(read_journal(&torn).unwrap(), std::slice::from_ref(&record));
    assert_eq!(journal_len(&torn), line.len() + 1);
    // Complete but without its line break: not yet a record.
    assert!(read_journal(&line).unwrap().is_empty());
    let broken = format!("{}\n{line}\n", &line[..10]);
    assert!(read_journal(&broken).is_err());
    assert_eq!(Record::from_line(&line).unwrap(), record);
}

#[test]
fn queueing_is_idempotent_by_key() {
    let checker = pki().checker();
    let mut machine = Exchange::new(ExchangeConfig::new(SENDER), checker);
    let first = machine
        .send(
            "k",
            MessageType::Edoc,
            vec![UNIT.to_owned()],
            package("182", false),
        )
        .unwrap();
    assert_eq!(first.len(), 1);
    assert!(
        machine
            .send(
                "k",
                MessageType::Edoc,
                vec![UNIT.to_owned()],
                package("182", false)
            )
            .unwrap()
            .is_empty()
    );
    assert!(
        machine
            .send(
                "k",
                MessageType::Edoc,
                vec![UNIT.to_owned()],
                package("183", true)
            )
            .is_err()
    );
    // The first action is the send, not a poll.
    let Next::Act(action) = machine.next_action(start()) else {
        panic!()
    };
    assert!(matches!(action.task, Task::Call(Operation::Send { .. })));
}

#[test]
fn the_answer_from_a_report() {
    let checker = pki().checker();
    let good = checker.check_bytes("182.edxml", &package("182", false));
    assert_eq!(Answer::from_report(&good), Answer::accept());
    let damaged = checker.check_bytes("183.edxml", &package("183", true));
    let answer = Answer::from_report(&damaged);
    assert_eq!(answer.code, "02");
    let reason = answer.description.unwrap();
    assert!(reason.starts_with("Gói tin không hợp lệ ("), "{reason}");
    assert!(reason.contains("CHECK-ATT-001"), "{reason}");
    let garbage = checker.check_bytes("y", b"not a package");
    assert_eq!(Answer::from_report(&garbage).code, "02");
}

#[test]
fn a_send_is_retried_at_the_backoff_times() {
    // The axis is unreachable: the send is tried at 0, 2, 6, 14, 30, 60,
    // 90 and 120 s (waits of 2, 4, 8, 16, then 30 s at most), and given up
    // at its eighth failure.
    let checker = pki().checker();
    let mut config = ExchangeConfig::new(SENDER);
    config.poll_seconds = 3600;
    config.backoff = Backoff::new(2, 2, 30, 8);
    let mut machine = Exchange::new(config, checker);
    machine
        .send(
            "k",
            MessageType::Edoc,
            vec![UNIT.to_owned()],
            package("182", false),
        )
        .unwrap();
    let mut now = start();
    let mut tries = Vec::new();
    let mut gave_up = false;
    for _ in 0..100 {
        match machine.next_action(now) {
            Next::Act(action) => {
                if let Task::Call(Operation::Send { .. }) = action.task {
                    tries.push((now - start()).num_seconds());
                }
                let down = vanthu_axis::Outcome::unreachable("503");
                let records = machine.complete(action.id, down, now).unwrap();
                gave_up |= records.iter().any(|r| matches!(r, Record::GaveUp { .. }));
            }
            Next::Wait(t) => now = t,
            other => panic!("{other:?}"),
        }
        if gave_up {
            break;
        }
    }
    assert!(gave_up);
    assert_eq!(tries, [0, 2, 6, 14, 30, 60, 90, 120]);
}

#[test]
fn a_compacted_journal_resumes_the_same_machine() {
    let run = run(None, 0);
    let records = read_journal(&run.unit.journal).unwrap();
    let small = compact(&records);
    assert!(
        small.len() * 2 < records.len(),
        "{} of {}",
        small.len(),
        records.len()
    );
    let mut fake = run.fake;
    for journal in [records, small] {
        let mut unit = Exchange::resume(run.unit.config(), pki().checker(), journal);
        assert!(unit.is_settled());
        assert!(unit.given_up().is_empty());
        // A copy of 182 that comes later is still recognised.
        let late = fake.inject("SYS-U", SENDER, package("182", false));
        let mut now = start() + Duration::hours(1);
        let mut duplicate = false;
        for _ in 0..20 {
            match unit.next_action(now) {
                Next::Act(action) => {
                    let axis = run.unit.axis();
                    let Task::Call(op) = &action.task else {
                        panic!("the late copy was delivered")
                    };
                    let ctx = CallContext::at_time(now, "n");
                    let response = fake.handle(&axis.request(op, &ctx).unwrap());
                    let records = unit
                        .complete(action.id, axis.read(op, &response), now)
                        .unwrap();
                    duplicate |= records
                        .iter()
                        .any(|r| matches!(r, Record::Duplicate { .. }));
                }
                Next::Wait(t) => now = t,
                other => panic!("{other:?}"),
            }
        }
        assert!(duplicate);
        assert_eq!(
            fake.messages
                .iter()
                .find(|m| m.doc_id == late)
                .unwrap()
                .state,
            "done"
        );
    }
}

/// What a unit's loop does with one document, answered 03: the status codes
/// it sends and its other steps, in order.
fn steps_of_one_document(arrival_reply: bool) -> Vec<String> {
    let mut config = ExchangeConfig::new(UNIT);
    config.arrival_reply = arrival_reply;
    let mut machine = Exchange::new(config, pki().checker());
    let now = start() + Duration::hours(3);
    let mut listed = false;
    let mut steps = Vec::new();
    while let Next::Act(action) = machine.next_action(now) {
        let records = match action.task {
            Task::Call(operation) => {
                let outcome = match operation {
                    Operation::ListReceived { message_type } => {
                        let items = if message_type == MessageType::Edoc && !listed {
                            listed = true;
                            vec![vanthu_axis::ReceivedItem::new("m-1", MessageType::Edoc)]
                        } else {
                            Vec::new()
                        };
                        vanthu_axis::Outcome::Listed(items)
                    }
                    Operation::GetEdoc { .. } => {
                        vanthu_axis::Outcome::Fetched(package("182", false))
                    }
                    Operation::Send { package, .. } => {
                        let read = vanthu::edxml::read(&package).unwrap();
                        let status = read.package.as_status().unwrap();
                        steps.push(format!("send {}", status.status_code.clone().unwrap()));
                        vanthu_axis::Outcome::Sent(Some(format!("s-{}", steps.len())))
                    }
                    Operation::UpdateStatus { state, .. } => {
                        steps.push(format!("{state}"));
                        vanthu_axis::Outcome::Updated
                    }
                    other => panic!("{other:?}"),
                };
                machine.complete(action.id, outcome, now).unwrap()
            }
            Task::Deliver(_) => {
                steps.push("deliver".to_owned());
                machine
                    .delivered(action.id, Some(Answer::accept()), now)
                    .unwrap()
            }
            other => panic!("{other:?}"),
        };
        assert!(records.iter().all(|r| !matches!(r, Record::GaveUp { .. })));
    }
    steps
}

#[test]
fn without_the_arrival_reply_only_the_workflows_answer_is_sent() {
    assert_eq!(
        steps_of_one_document(true),
        ["send 01", "deliver", "send 03", "done"]
    );
    assert_eq!(steps_of_one_document(false), ["deliver", "send 03", "done"]);
}
