//! `vanthu axis`: talk to a document exchange axis (the national axis, a
//! provincial LGSP, or the local axis), and run the local axis.
//!
//! - `serve`: the local axis of `vanthu-axis-server`, a test double of the
//!   national axis, until SIGINT or SIGTERM;
//! - `register`, `send`, `status`: one call each;
//! - `pull`: the exchange loop of `vanthu_axis::exchange` until everything
//!   waiting is fetched, checked, written under `--out`, answered and
//!   marked `done` or `fail`, with its journal in `--out` so that a killed
//!   pull resumes without losing or repeating a document.
//!
//! Exit codes: 0 done (for `pull`: every package pulled was conformant);
//! 1 the axis refused the package sent, or a package pulled was not
//! conformant or was given up; 2 a usage error, an unreadable file, or an
//! axis that cannot be reached.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use rand_core::{OsRng, RngCore as _};
use serde::{Deserialize, Serialize};
use vanthu_axis::client::{Client, ClientOptions};
use vanthu_axis::exchange::{
    Answer, Exchange, ExchangeConfig, Next, Record, Task, journal_len, read_journal,
};
use vanthu_axis::{
    Agency, Axis, AxisError, CallContext, MessageType, Operation, Outcome, TransportState,
};

use crate::output::{print_json, read_input};
use crate::signature::now;
use crate::{CliError, Outcome as Exit};

/// `vanthu axis` subcommands.
#[derive(Debug, Args)]
#[command(
    after_help = "The configuration file (--config) is JSON: {\"axis\": {\"profile\": \"national\", \"endpoint\": URL, \
\"system_id\": ID, \"secret\": SECRET} (or a provincial profile, docs/axis.md §8), \"exchange\": {\"agency\": AGENCY_ID, ...}, \
\"client\": {\"timeout_seconds\": 300, \"proxy\": URL or \"none\"}, \"trust\": [CERT_OR_DIR, ...]}; only \"axis\" and \
\"exchange\" are required. Exit codes: 0 done; 1 a package refused by the axis, or a package pulled that is not \
conformant; 2 usage error, unreadable file or unreachable axis."
)]
pub(crate) struct AxisArgs {
    #[command(subcommand)]
    command: AxisCommand,
}

#[derive(Debug, Subcommand)]
enum AxisCommand {
    /// Run the local axis (a test double of the national axis) until Ctrl-C or SIGTERM.
    Serve(ServeArgs),
    /// Register an agency as served by this system (national profile).
    Register(RegisterArgs),
    /// Send an edXML package (document or status, told by its content).
    Send(SendArgs),
    /// Fetch, check and write every message waiting, answer it, and mark it done or fail.
    Pull(PullArgs),
    /// List the messages waiting for this system, without fetching them.
    List(ListArgs),
    /// Set the transport state of a received message.
    Status(StatusArgs),
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// The address to listen on (port 0: any free port; the address is printed).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    listen: String,
    /// The folder of the database (created when missing).
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// A connected system and its secret; repeat for each system.
    #[arg(long = "system", value_name = "ID=SECRET", required = true)]
    systems: Vec<String>,
    /// Trust anchors for the signatures inside the packages (certificate file or folder).
    #[arg(long, value_name = "CERT_OR_DIR")]
    trust: Vec<PathBuf>,
    /// How far a call's timestamp may be from the server's clock, in seconds (0: any).
    #[arg(long, value_name = "SECONDS", default_value_t = 900)]
    window_seconds: u64,
    /// Print the address as JSON (`{"url", "address"}`).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct ConfigArg {
    /// The configuration file (JSON; see `vanthu axis --help`).
    #[arg(long, value_name = "FILE")]
    config: PathBuf,
}

#[derive(Debug, Args)]
struct RegisterArgs {
    /// The agency identifier (mã định danh).
    agency: String,
    /// Its name.
    #[arg(long)]
    name: String,
    /// Its e-mail address.
    #[arg(long)]
    mail: String,
    #[command(flatten)]
    config: ConfigArg,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct SendArgs {
    /// The edXML package.
    package: PathBuf,
    /// The receiving agencies (default: the package's To list).
    #[arg(long, value_name = "AGENCY", num_args = 1..)]
    to: Vec<String>,
    #[command(flatten)]
    config: ConfigArg,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct PullArgs {
    #[command(flatten)]
    config: ConfigArg,
    /// The folder the packages are written into, with the journal (journal.jsonl).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Trust anchors for checking the packages (certificate file or folder).
    #[arg(long, value_name = "CERT_OR_DIR")]
    trust: Vec<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Tests only: perform this many actions, then exit (code 3) without
    /// journaling the last one's result, as a killed process would.
    #[arg(long, hide = true, value_name = "N")]
    crash_after: Option<u64>,
}

#[derive(Debug, Args)]
struct ListArgs {
    /// Document packages (`edoc`) or status packages (`status`).
    #[arg(long = "type", value_parser = ["edoc", "status"], default_value = "edoc")]
    kind: String,
    #[command(flatten)]
    config: ConfigArg,
    /// Print JSON (the axis's items: `doc_id`, `message_type`, `from`, `to`, `status`, …).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct StatusArgs {
    /// The axis's id of the received message.
    doc_id: String,
    /// `done` or `fail`.
    #[arg(value_parser = ["done", "fail"])]
    state: String,
    #[command(flatten)]
    config: ConfigArg,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// The configuration file of the client commands.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    axis: Axis,
    exchange: ExchangeConfig,
    #[serde(default)]
    client: ClientOptions,
    /// Trust anchors, relative to the configuration file.
    #[serde(default)]
    trust: Vec<PathBuf>,
}

fn read_config(path: &Path) -> Result<FileConfig, CliError> {
    let bytes = read_input(path)?;
    let mut config: FileConfig = serde_json::from_slice(&bytes)
        .map_err(|e| CliError::new(format!("{}: {e}", path.display())))?;
    let base = path.parent().unwrap_or(Path::new(""));
    for trust in &mut config.trust {
        if trust.is_relative() {
            *trust = base.join(&*trust);
        }
    }
    Ok(config)
}

fn client(config: &FileConfig) -> Result<Client, CliError> {
    Client::new(config.axis.clone(), &config.client).map_err(|e| CliError::new(e.to_string()))
}

/// A fresh random value for each call (the multipart boundary of a send).
fn nonce() -> String {
    let mut bytes = [0u8; 12];
    OsRng.fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("vanthu-{hex}")
}

fn context() -> CallContext {
    CallContext::at_time(now(), nonce())
}

/// A refusal of the axis about what was sent exits 1; anything else 2.
fn failed(error: AxisError) -> Result<Exit, CliError> {
    match &error {
        AxisError::Rejected { code, .. } if !code.retriable() => {
            eprintln!("vanthu: {error}");
            Ok(Exit::Invalid)
        }
        _ => Err(CliError::new(error.to_string())),
    }
}

pub(crate) fn run(args: AxisArgs) -> Result<Exit, CliError> {
    match args.command {
        AxisCommand::Serve(a) => serve(&a),
        AxisCommand::Register(a) => register(&a),
        AxisCommand::Send(a) => send(&a),
        AxisCommand::Pull(a) => pull(&a),
        AxisCommand::List(a) => list(&a),
        AxisCommand::Status(a) => status(&a),
    }
}

fn serve(args: &ServeArgs) -> Result<Exit, CliError> {
    let window = (args.window_seconds > 0)
        .then(|| chrono::Duration::seconds(i64::try_from(args.window_seconds).unwrap_or(i64::MAX)));
    let mut config = vanthu_axis_server::Config::new(&args.data).window(window);
    for system in &args.systems {
        let (id, secret) = system
            .split_once('=')
            .filter(|(id, secret)| !id.trim().is_empty() && !secret.is_empty())
            .ok_or_else(|| CliError::new(format!("--system {system:?}: expected ID=SECRET")))?;
        config = config.system(id.trim(), secret);
    }
    for trust in &args.trust {
        config = config.trust(trust);
    }
    let server = vanthu_axis_server::Server::start(args.listen.as_str(), config)
        .map_err(|e| CliError::new(format!("cannot start the local axis: {e}")))?;
    if args.json {
        print_json(&serde_json::json!({
            "url": server.url(),
            "address": server.local_addr().to_string(),
        }))?;
    } else {
        out!("vanthu axis: listening on {}", server.url());
    }
    eprintln!(
        "vanthu axis: a local test double of the national axis, data in {}; Ctrl-C stops it",
        args.data.display()
    );
    server
        .wait_for_signal()
        .map_err(|e| CliError::new(format!("the local axis stopped: {e}")))?;
    Ok(Exit::Valid)
}

fn register(args: &RegisterArgs) -> Result<Exit, CliError> {
    let config = read_config(&args.config.config)?;
    let Axis::National(national) = &config.axis else {
        return Err(CliError::new(format!(
            "register: the {} profile registers its agencies with the province, not through its API",
            config.axis.profile()
        )));
    };
    let agency = Agency::new(args.agency.trim(), &args.name, &args.mail);
    let request = national
        .register_agency(context().at, &agency)
        .map_err(|e| CliError::new(e.to_string()))?;
    let response = client(&config)?
        .execute(&request)
        .map_err(|e| CliError::new(e.to_string()))?;
    if let Err(e) = vanthu_axis::national::parse_status(&response) {
        return failed(e);
    }
    if args.json {
        print_json(&serde_json::json!({"registered": agency.code}))?;
    } else {
        out!("registered {}", agency.code);
    }
    Ok(Exit::Valid)
}

fn send(args: &SendArgs) -> Result<Exit, CliError> {
    let config = read_config(&args.config.config)?;
    let package = read_input(&args.package)?;
    let message_type = match vanthu::edxml::read(&package).map(|r| r.package) {
        Ok(vanthu::edxml::Package::Document(_)) => MessageType::Edoc,
        Ok(vanthu::edxml::Package::Status(_)) => MessageType::Status,
        Ok(_) => {
            return Err(CliError::new(format!(
                "{}: not a document or status package",
                args.package.display()
            )));
        }
        Err(e) => return Err(CliError::new(format!("{}: {e}", args.package.display()))),
    };
    let sha256 = vanthu_axis::sha256_hex(&package);
    let size = package.len();
    let operation = Operation::Send {
        message_type,
        from: config.exchange.agency.clone(),
        to: args.to.clone(),
        package,
    };
    let doc_id = match client(&config)?.call(&operation, &context()) {
        Outcome::Sent(id) => id.unwrap_or_default(),
        Outcome::Failed(e) => return failed(e),
        other => return Err(CliError::new(format!("unexpected answer: {other:?}"))),
    };
    if args.json {
        print_json(&serde_json::json!({
            "doc_id": doc_id,
            "message_type": message_type,
            "to": args.to,
            "size": size,
            "sha256": sha256,
        }))?;
    } else {
        out!(
            "sent {} ({message_type}, {size} bytes): {doc_id}",
            args.package.display()
        );
    }
    Ok(Exit::Valid)
}

fn list(args: &ListArgs) -> Result<Exit, CliError> {
    let config = read_config(&args.config.config)?;
    let message_type = if args.kind == "status" {
        MessageType::Status
    } else {
        MessageType::Edoc
    };
    let items = match client(&config)?.call(&Operation::ListReceived { message_type }, &context()) {
        Outcome::Listed(items) => items,
        Outcome::Failed(e) => return failed(e),
        other => return Err(CliError::new(format!("unexpected answer: {other:?}"))),
    };
    if args.json {
        print_json(&items)?;
    } else {
        for item in &items {
            out!(
                "{}\t{}\t{}\t{}",
                item.doc_id,
                item.from.as_deref().unwrap_or("-"),
                item.status.as_ref().map_or("-", TransportState::as_str),
                item.created.as_deref().unwrap_or("-")
            );
        }
    }
    Ok(Exit::Valid)
}

fn status(args: &StatusArgs) -> Result<Exit, CliError> {
    let config = read_config(&args.config.config)?;
    let state = TransportState::parse(&args.state);
    let operation = Operation::UpdateStatus {
        doc_id: args.doc_id.clone(),
        state: state.clone(),
    };
    match client(&config)?.call(&operation, &context()) {
        Outcome::Updated => {}
        Outcome::Failed(e) => return failed(e),
        other => return Err(CliError::new(format!("unexpected answer: {other:?}"))),
    }
    if args.json {
        print_json(&serde_json::json!({"doc_id": args.doc_id, "state": state}))?;
    } else {
        out!("{}: {state}", args.doc_id);
    }
    Ok(Exit::Valid)
}

/// What `pull` did with one message, from the records of this run.
#[derive(Debug, Default, Serialize)]
struct Pulled {
    doc_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    message_type: Option<MessageType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conformant: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<String>,
    /// The status codes sent in answer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    replies: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<TransportState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gave_up: Option<String>,
}

/// The journal of a pull: appended and flushed to disk before each action
/// is performed (write-ahead).
pub(crate) struct Journal {
    file: File,
    path: PathBuf,
}

impl Journal {
    /// Opens the journal in `dir`, cut to its complete lines (a last line
    /// torn by a crash is dropped), and reads its records.
    pub(crate) fn open(dir: &Path) -> Result<(Self, Vec<Record>), CliError> {
        let path = dir.join("journal.jsonl");
        let io = |e: std::io::Error| CliError::new(format!("{}: {e}", path.display()));
        let text = match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|_| CliError::new(format!("{}: not UTF-8", path.display())))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(io(e)),
        };
        let records =
            read_journal(&text).map_err(|e| CliError::new(format!("{}: {e}", path.display())))?;
        let file = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        file.set_len(journal_len(&text) as u64).map_err(io)?;
        let file = OpenOptions::new().append(true).open(&path).map_err(io)?;
        Ok((Self { file, path }, records))
    }

    pub(crate) fn append(&mut self, records: &[Record]) -> Result<(), CliError> {
        if records.is_empty() {
            return Ok(());
        }
        let mut text = String::new();
        for record in records {
            text.push_str(&record.to_line());
            text.push('\n');
        }
        self.file
            .write_all(text.as_bytes())
            .and_then(|()| self.file.sync_data())
            .map_err(|e| CliError::new(format!("{}: {e}", self.path.display())))
    }
}

/// The file a message's package is written to: its id, made safe.
fn file_name(doc_id: &str) -> String {
    let safe: String = doc_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}.edxml", safe.trim_start_matches('.'))
}

/// Writes `bytes` to `path` under a temporary name, then renames it: a
/// crash never leaves half a package.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let io = |e: std::io::Error| CliError::new(format!("{}: {e}", path.display()));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(io)?;
    temp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

fn row<'a>(pulled: &'a mut BTreeMap<String, Pulled>, doc_id: &str) -> &'a mut Pulled {
    pulled.entry(doc_id.to_owned()).or_insert_with(|| Pulled {
        doc_id: doc_id.to_owned(),
        ..Pulled::default()
    })
}

fn note(pulled: &mut BTreeMap<String, Pulled>, records: &[Record]) {
    for record in records {
        match record {
            Record::Fetched {
                doc_id,
                message_type,
                sha256,
                ..
            } => {
                let r = row(pulled, doc_id);
                r.message_type = Some(*message_type);
                r.sha256 = Some(sha256.clone());
            }
            Record::Checked {
                doc_id,
                conformant,
                errors,
                ..
            } => {
                let r = row(pulled, doc_id);
                r.conformant = Some(*conformant);
                r.errors.clone_from(errors);
            }
            Record::Duplicate { doc_id, of } => row(pulled, doc_id).duplicate_of = Some(of.clone()),
            Record::Replied {
                doc_id,
                code,
                sent: Some(_),
                ..
            } => row(pulled, doc_id).replies.push(code.clone()),
            Record::Acknowledged { doc_id, state } => {
                row(pulled, doc_id).state = Some(state.clone())
            }
            Record::GaveUp { subject, error, .. } => {
                if let Some(r) = pulled.get_mut(subject) {
                    r.gave_up = Some(error.clone());
                }
            }
            _ => {}
        }
    }
}

fn pull(args: &PullArgs) -> Result<Exit, CliError> {
    let config = read_config(&args.config.config)?;
    std::fs::create_dir_all(&args.out)
        .map_err(|e| CliError::new(format!("{}: {e}", args.out.display())))?;
    let mut options = vanthu::CheckOptions::new(now());
    options.trust = config.trust.iter().chain(&args.trust).cloned().collect();
    options.jobs = 1;
    let checker = vanthu::Checker::new(&options).map_err(|e| CliError::new(e.to_string()))?;
    let (mut journal, records) = Journal::open(&args.out)?;
    let mut exchange = Exchange::resume(config.exchange.clone(), checker, records);
    let mut client = client(&config)?;
    let mut polled = BTreeSet::new();
    let mut pulled: BTreeMap<String, Pulled> = BTreeMap::new();
    let mut performed = 0u64;
    loop {
        let at = now();
        let action = match exchange.next_action(at) {
            Next::Act(action) => action,
            Next::Wait(until) => {
                if exchange.is_settled() && polled.len() == 2 {
                    break;
                }
                let pause = (until - at).to_std().unwrap_or_default();
                std::thread::sleep(pause.clamp(
                    std::time::Duration::from_millis(10),
                    std::time::Duration::from_secs(60),
                ));
                continue;
            }
            // One action at a time: nothing is ever in flight here.
            _ => break,
        };
        journal.append(&action.journal)?;
        note(&mut pulled, &action.journal);
        performed += 1;
        let crash = args.crash_after.is_some_and(|n| performed >= n);
        let records = match action.task {
            Task::Call(operation) => {
                let outcome = client.call(&operation, &context());
                if let Operation::ListReceived { message_type } = &operation {
                    match &outcome {
                        Outcome::Listed(_) => {
                            polled.insert(*message_type);
                        }
                        Outcome::Failed(e) => {
                            return Err(CliError::new(format!("{}: {e}", operation.name())));
                        }
                        _ => {}
                    }
                }
                if crash {
                    std::process::exit(3);
                }
                exchange
                    .complete(action.id, outcome, now())
                    .map_err(|e| CliError::new(e.to_string()))?
            }
            Task::Deliver(delivery) => {
                let name = file_name(&delivery.doc_id);
                write_atomically(&args.out.join(&name), &delivery.package)?;
                row(&mut pulled, &delivery.doc_id).file = Some(name);
                if crash {
                    std::process::exit(3);
                }
                let answer = (delivery.message_type == MessageType::Edoc)
                    .then(|| Answer::from_report(&delivery.report));
                exchange
                    .delivered(action.id, answer, now())
                    .map_err(|e| CliError::new(e.to_string()))?
            }
            _ => return Err(CliError::new("an action this version does not know")),
        };
        journal.append(&records)?;
        note(&mut pulled, &records);
    }
    let given_up = exchange.given_up();
    let ok = given_up.is_empty()
        && pulled
            .values()
            .all(|p| p.conformant != Some(false) && p.gave_up.is_none());
    let rows: Vec<&Pulled> = pulled.values().collect();
    if args.json {
        print_json(&serde_json::json!({
            "out": args.out.display().to_string(),
            "messages": rows,
            "given_up": given_up,
        }))?;
    } else {
        for p in &rows {
            out!(
                "{}\t{}\t{}\t{}\t{}",
                p.doc_id,
                p.message_type.map_or("-", MessageType::as_str),
                p.file.as_deref().unwrap_or("-"),
                p.replies.join(","),
                p.state.as_ref().map_or("-", TransportState::as_str)
            );
        }
        out!(
            "pulled {} message(s) into {}; {} given up",
            rows.len(),
            args.out.display(),
            given_up.len()
        );
    }
    Ok(Exit::from_valid(ok))
}
