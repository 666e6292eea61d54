//! How the demo's packages travel between its offices: handed over in
//! memory, or (`--via-axis`) through a local axis over HTTP, each office a
//! system of its own with its secret, sending and pulling through the
//! exchange loop of `vanthu_axis::exchange` with its journal.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use vanthu_axis::client::{Client, ClientOptions};
use vanthu_axis::exchange::{Exchange, ExchangeConfig, Next, Task};
use vanthu_axis::national::{self, National};
use vanthu_axis::{Agency, Axis, AxisError, CallContext, MessageType, Operation, Outcome};
use vanthu_axis_server::{Config, Server};

use super::*;
use crate::axis::Journal;

/// The folder of the axis's data and of the offices' journals, in the
/// demo's output.
pub(crate) const AXIS_DIR: &str = "axis";

/// The test-only secret of the system of `agency` (each office is a
/// system of its own, under its agency id).
pub(crate) fn secret_of(agency: &str) -> String {
    format!("TEST-ONLY-secret-of-{agency}")
}

/// The carrier of the demo's packages.
pub(crate) enum Wire {
    /// Handed over in memory: each receiver's packages, in order.
    InProcess(BTreeMap<String, VecDeque<Vec<u8>>>),
    /// Through a local axis.
    Axis(Box<AxisLink>),
}

impl Wire {
    /// Packages handed over in memory.
    pub(crate) fn in_process() -> Self {
        Self::InProcess(BTreeMap::new())
    }

    /// Sends `bytes` (a package of kind `kind`, under the sender's `key`)
    /// from `from` to `to` at `at`.
    pub(crate) fn post(
        &mut self,
        from: &str,
        key: &str,
        kind: MessageType,
        to: &[&str],
        bytes: &[u8],
        at: DateTime<FixedOffset>,
    ) -> Res<()> {
        match self {
            Self::InProcess(queues) => {
                for receiver in to {
                    queues
                        .entry((*receiver).to_owned())
                        .or_default()
                        .push_back(bytes.to_vec());
                }
                Ok(())
            }
            Self::Axis(link) => link.post(from, key, kind, to, bytes, at),
        }
    }

    /// The next package that `who` receives, pulled at `at`.
    pub(crate) fn take(&mut self, who: &str, at: DateTime<FixedOffset>) -> Res<Vec<u8>> {
        let next = match self {
            Self::InProcess(queues) => queues.get_mut(who).and_then(VecDeque::pop_front),
            Self::Axis(link) => link.take(who, at)?,
        };
        next.ok_or_else(|| fail(format!("{who}: nothing received")))
    }

    /// What the summary says of the carrier (nothing in memory).
    pub(crate) fn summary(&self) -> Vec<String> {
        match self {
            Self::InProcess(_) => Vec::new(),
            Self::Axis(link) => link.summary(),
        }
    }

    /// Stops the local axis, if any.
    pub(crate) fn finish(self) -> Res<()> {
        match self {
            Self::InProcess(_) => Ok(()),
            Self::Axis(link) => link.finish(),
        }
    }
}

/// One office as a system connected to the axis.
struct Node {
    client: Client,
    exchange: Exchange,
    journal: Journal,
    trust: PathBuf,
    /// The loop's clock: the story's time, never going back.
    clock: DateTime<FixedOffset>,
    /// Packages delivered by the loop, not yet taken by the story.
    inbox: VecDeque<Vec<u8>>,
    calls: u64,
    sent: u64,
    received: u64,
}

impl Node {
    fn context(&mut self, at: DateTime<FixedOffset>) -> CallContext {
        self.calls += 1;
        // The multipart boundary: unique per call of this system.
        let nonce = format!(
            "vanthu-demo-{}-{:06}",
            self.exchange.config().agency,
            self.calls
        );
        CallContext::at_time(at, nonce)
    }

    /// Runs the exchange loop at `at` until everything queued is sent and
    /// everything waiting is fetched, delivered and acknowledged (having
    /// polled both lists when `poll` is set).
    fn drive(&mut self, at: DateTime<FixedOffset>, poll: bool) -> Res<()> {
        let agency = self.exchange.config().agency.clone();
        let mut options = vanthu::CheckOptions::new(at);
        options.trust.push(self.trust.clone());
        options.jobs = 1;
        self.exchange
            .set_checker(vanthu::Checker::new(&options).ctx("checker")?);
        let mut now = at.max(self.clock);
        let mut polled = BTreeSet::new();
        // Bounded: each package takes a handful of actions.
        for _ in 0..10_000 {
            let action = match self.exchange.next_action(now) {
                Next::Act(action) => action,
                Next::Wait(until) => {
                    if self.exchange.is_settled() && (!poll || polled.len() == 2) {
                        self.clock = now;
                        return Ok(());
                    }
                    now = until.max(now + Duration::seconds(1));
                    continue;
                }
                _ => return Err(fail(format!("{agency}: the exchange loop is busy"))),
            };
            self.journal.append(&action.journal)?;
            let records = match action.task {
                Task::Call(operation) => {
                    let ctx = self.context(now);
                    let outcome = self.client.call(&operation, &ctx);
                    match (&operation, &outcome) {
                        (_, Outcome::Failed(e)) => {
                            return Err(fail(format!("{agency}: {}: {e}", operation.name())));
                        }
                        (Operation::ListReceived { message_type }, _) => {
                            polled.insert(*message_type);
                        }
                        (Operation::Send { .. }, _) => self.sent += 1,
                        _ => {}
                    }
                    self.exchange
                        .complete(action.id, outcome, now)
                        .ctx("exchange loop")?
                }
                Task::Deliver(delivery) => {
                    self.received += 1;
                    self.inbox.push_back(delivery.package);
                    // The demo's offices send their own status packages.
                    self.exchange
                        .delivered(action.id, None, now)
                        .ctx("exchange loop")?
                }
                _ => return Err(fail("an action this version does not know")),
            };
            self.journal.append(&records)?;
        }
        Err(fail(format!("{agency}: the exchange loop does not settle")))
    }
}

/// The local axis and the three offices connected to it.
pub(crate) struct AxisLink {
    server: Server,
    nodes: BTreeMap<String, Node>,
    refused: String,
}

impl AxisLink {
    /// Starts a local axis on a free loopback port with its data in
    /// `dir/axis/data` (emptied first), trusting `root`; connects each
    /// office of `offices` (agency, name, mailbox) as a system with its own
    /// secret, registers its agency, and checks that a call signed with a
    /// wrong secret is refused.
    pub(crate) fn start(
        dir: &Path,
        root: &Path,
        offices: &[(&str, &str)],
        at: DateTime<FixedOffset>,
    ) -> Res<Self> {
        let base = dir.join(AXIS_DIR);
        match std::fs::remove_dir_all(&base) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(fail(format!("cannot empty {}: {e}", base.display())));
            }
            _ => {}
        }
        // The story's clock is not the server's: any header time is accepted.
        let mut config = Config::new(base.join("data")).trust(root).window(None);
        for (agency, _) in offices {
            config = config.system(*agency, secret_of(agency));
        }
        let server = Server::start("127.0.0.1:0", config).ctx("local axis")?;
        let url = server.url();
        let options = ClientOptions::default().direct().timeout(120);
        let mut nodes = BTreeMap::new();
        for (agency, name) in offices {
            let national = National::new(&url, *agency, secret_of(agency));
            let client = Client::new(Axis::National(national.clone()), &options).ctx("client")?;
            let registration = Agency::new(*agency, *name, format!("vanthu@{MAIL_HOST}"));
            let request = national
                .register_agency(CallContext::at_time(at, "").at, &registration)
                .ctx("registerAgency")?;
            let answer = client.execute(&request).ctx("registerAgency")?;
            national::parse_status(&answer).ctx(&format!("registerAgency {agency}"))?;
            let folder = base.join(agency);
            std::fs::create_dir_all(&folder).ctx(&folder.display().to_string())?;
            let (journal, records) = Journal::open(&folder)?;
            let mut settings = ExchangeConfig::new(*agency);
            settings.agency_name = Some((*name).to_owned());
            settings.poll_seconds = 1;
            // Each office registers arrivals and sends its own 01.
            settings.arrival_reply = false;
            let mut options = vanthu::CheckOptions::new(at);
            options.trust.push(root.to_path_buf());
            options.jobs = 1;
            let checker = vanthu::Checker::new(&options).ctx("checker")?;
            nodes.insert(
                (*agency).to_owned(),
                Node {
                    client,
                    exchange: Exchange::resume(settings, checker, records),
                    journal,
                    trust: root.to_path_buf(),
                    clock: at,
                    inbox: VecDeque::new(),
                    calls: 0,
                    sent: 0,
                    received: 0,
                },
            );
        }
        // A system that signs its calls with a wrong secret is refused.
        let (first, _) = offices.first().ok_or_else(|| fail("no office"))?;
        let wrong = National::new(&url, *first, "not-the-secret");
        let mut client = Client::new(Axis::National(wrong), &options).ctx("client")?;
        let list = Operation::ListReceived {
            message_type: MessageType::Edoc,
        };
        let refused = match client.call(&list, &CallContext::at_time(at, "")) {
            Outcome::Failed(AxisError::Rejected { code, description }) => {
                format!("code {} ({description})", code.as_str())
            }
            other => {
                return Err(fail(format!(
                    "a call signed with a wrong secret was not refused: {other:?}"
                )));
            }
        };
        Ok(Self {
            server,
            nodes,
            refused,
        })
    }

    fn node(&mut self, agency: &str) -> Res<&mut Node> {
        self.nodes
            .get_mut(agency)
            .ok_or_else(|| fail(format!("{agency} is not connected")))
    }

    fn post(
        &mut self,
        from: &str,
        key: &str,
        kind: MessageType,
        to: &[&str],
        bytes: &[u8],
        at: DateTime<FixedOffset>,
    ) -> Res<()> {
        let node = self.node(from)?;
        let to = to.iter().map(|s| (*s).to_owned()).collect();
        let records = node
            .exchange
            .send(key, kind, to, bytes.to_vec())
            .ctx("queue")?;
        node.journal.append(&records)?;
        node.drive(at, false)
    }

    fn take(&mut self, who: &str, at: DateTime<FixedOffset>) -> Res<Option<Vec<u8>>> {
        let node = self.node(who)?;
        if node.inbox.is_empty() {
            node.drive(at, true)?;
        }
        Ok(node.inbox.pop_front())
    }

    fn summary(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "  via the local axis at {} (data in {AXIS_DIR}/data, each office's journal in {AXIS_DIR}/<agency>/journal.jsonl):",
            self.server.url()
        )];
        for (agency, node) in &self.nodes {
            lines.push(format!(
                "    {agency}: {} package(s) sent, {} received, {} call(s)",
                node.sent, node.received, node.calls
            ));
        }
        lines.push(format!(
            "    a call signed with a wrong secret: refused, {}",
            self.refused
        ));
        lines
    }

    fn finish(self) -> Res<()> {
        for (agency, node) in &self.nodes {
            if !node.inbox.is_empty() || !node.exchange.is_settled() {
                return Err(fail(format!("{agency}: packages left on the axis")));
            }
        }
        self.server.stop().ctx("local axis")
    }
}
