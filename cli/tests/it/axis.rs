//! `vanthu axis`: the local axis run as `vanthu axis serve` in the
//! background on a free port, three systems exchanging the demo's
//! packages through it with `register`, `send`, `list`, `pull` and
//! `status`; and a pull killed after each of its actions, resumed from its
//! journal without losing or repeating a document.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::demo::run_demo;
use crate::vanthu;

const SENDER: &str = "000.00.15.H47";
const UNIT1: &str = "000.01.15.H47";
const UNIT2: &str = "000.02.15.H47";

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `vanthu axis serve` in the background, stopped (SIGTERM) when dropped.
struct Serve {
    child: Child,
    url: String,
}

impl Serve {
    fn start(data: &Path, trust: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_vanthu"))
            .args(["axis", "serve", "--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .args(["--system", "SYS-SENDER=secret of the sender"])
            .args(["--system", "SYS-UNIT1=secret of unit 1"])
            .args(["--system", "SYS-UNIT2=secret=with=equals"])
            .arg("--trust")
            .arg(trust)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .strip_prefix("vanthu axis: listening on ")
            .unwrap_or_else(|| panic!("first line: {line:?}"))
            .to_owned();
        Self { child, url }
    }

    /// Stops it as an operator would (SIGTERM): it must exit 0.
    fn stop(mut self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let exit = self.child.wait().unwrap();
        assert_eq!(exit.code(), Some(0), "serve stopped with {exit:?}");
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Writes the configuration file of a system.
fn config(dir: &Path, name: &str, url: &str, system: &str, secret: &str, agency: &str) -> PathBuf {
    let path = dir.join(format!("{name}.json"));
    let json = serde_json::json!({
        "axis": {"profile": "national", "endpoint": url, "system_id": system, "secret": secret},
        "exchange": {"agency": agency, "agency_name": format!("Cơ quan {agency}")},
        "client": {"proxy": "none", "timeout_seconds": 60},
        "trust": ["../pki/root.cer"],
    });
    fs::write(&path, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
    path
}

fn json(args: &[&str], code: i32) -> Value {
    let out = vanthu(args, b"");
    assert_eq!(
        out.status.code(),
        Some(code),
        "vanthu {}\n{}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `vanthu axis register AGENCY` for the system of `config`.
fn register(config: &Path, agency: &str) {
    let args = [
        "axis",
        "register",
        agency,
        "--name",
        "Cơ quan",
        "--mail",
        "vanthu@example.vn",
    ];
    let mut args = args.to_vec();
    args.extend(["--config", s(config), "--json"]);
    assert_eq!(json(&args, 0)["registered"], agency);
}

/// `vanthu axis pull --json` into `out`, which must exit 0.
fn pull(config: &Path, out: &Path) -> Value {
    json(
        &[
            "axis",
            "pull",
            "--config",
            s(config),
            "--out",
            s(out),
            "--json",
        ],
        0,
    )
}

/// `vanthu axis list --json`, which must exit 0.
fn list(config: &Path, kind: &str) -> Vec<Value> {
    let items = json(
        &[
            "axis",
            "list",
            "--type",
            kind,
            "--config",
            s(config),
            "--json",
        ],
        0,
    );
    items.as_array().unwrap().clone()
}

#[test]
fn send_pull_and_status_through_the_local_axis() {
    let (demo, _) = run_demo("axis");
    let serve = Serve::start(&demo.join("axis-data"), &demo.join("pki/root.cer"));
    let systems = demo.join("systems");
    fs::create_dir_all(&systems).unwrap();
    let url = serve.url.clone();
    let sender = config(
        &systems,
        "sender",
        &url,
        "SYS-SENDER",
        "secret of the sender",
        SENDER,
    );
    // Unit 1 uses the drop-in path of the real adapter.
    let adapter = format!("{url}/XrdAdapter/adapter");
    let unit1 = config(
        &systems,
        "unit1",
        &adapter,
        "SYS-UNIT1",
        "secret of unit 1",
        UNIT1,
    );
    let unit2 = config(
        &systems,
        "unit2",
        &url,
        "SYS-UNIT2",
        "secret=with=equals",
        UNIT2,
    );
    for (config, agency) in [(&sender, SENDER), (&unit1, UNIT1), (&unit2, UNIT2)] {
        register(config, agency);
    }

    // A wrong secret is refused (code 15), exit 1.
    let wrong = config(
        &systems,
        "wrong",
        &url,
        "SYS-SENDER",
        "not the secret",
        SENDER,
    );
    let package = demo.join("sender/182-QD-LDTBXH.edxml");
    let out = vanthu(&["axis", "send", s(&package), "--config", s(&wrong)], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("15 (wrong system id or secret key)"));
    // The damaged copy unit 2 received in the demo is refused (code 22).
    let damaged = fs::read_dir(demo.join("unit2/received"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let out = vanthu(
        &[
            "axis",
            "send",
            s(&damaged),
            "--to",
            UNIT1,
            "--config",
            s(&sender),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("CHECK-ATT-001"));

    // The decision goes to both units (its To list), the dispatch to unit 1.
    let sent = json(
        &[
            "axis",
            "send",
            s(&package),
            "--config",
            s(&sender),
            "--json",
        ],
        0,
    );
    let bytes = fs::read(&package).unwrap();
    assert_eq!(sent["sha256"], sha256(&bytes));
    let dispatch = demo.join("sender/183-LDTBXH-VP.edxml");
    json(
        &[
            "axis",
            "send",
            s(&dispatch),
            "--to",
            UNIT1,
            "--config",
            s(&sender),
            "--json",
        ],
        0,
    );
    let waiting = list(&unit1, "edoc");
    assert_eq!(waiting.len(), 2);
    assert!(
        waiting
            .iter()
            .all(|i| i["status"] == "initial" && i["from"] == SENDER)
    );

    // Each unit pulls: the packages written are the bytes sent.
    let mut expected = BTreeMap::new();
    expected.insert(
        UNIT1,
        BTreeSet::from([sha256(&bytes), sha256(&fs::read(&dispatch).unwrap())]),
    );
    expected.insert(UNIT2, BTreeSet::from([sha256(&bytes)]));
    for (config, agency) in [(&unit1, UNIT1), (&unit2, UNIT2)] {
        let out = demo.join(format!("pulled-{agency}"));
        let pulled = pull(config, &out);
        let messages = pulled["messages"].as_array().unwrap();
        let mut hashes = BTreeSet::new();
        for m in messages {
            assert_eq!(m["state"], "done");
            assert_eq!(m["conformant"], true);
            assert_eq!(m["replies"], serde_json::json!(["01", "03"]));
            let written = fs::read(out.join(m["file"].as_str().unwrap())).unwrap();
            assert_eq!(sha256(&written), m["sha256"].as_str().unwrap());
            hashes.insert(sha256(&written));
        }
        assert_eq!(hashes, expected[agency]);
        assert!(list(config, "edoc").is_empty());
        // Pulling again finds nothing new.
        let again = pull(config, &out);
        assert!(again["messages"].as_array().unwrap().is_empty());
    }
    // The decision's byte-for-byte copy, as unit 2 wrote it.
    let unit2_files: Vec<PathBuf> = fs::read_dir(demo.join(format!("pulled-{UNIT2}")))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "edxml"))
        .collect();
    assert_eq!(unit2_files.len(), 1);
    assert_eq!(fs::read(&unit2_files[0]).unwrap(), bytes);

    // The sender receives the status replies: 01 and 03 from each unit
    // for the decision, from unit 1 for the dispatch.
    let statuses = list(&sender, "status");
    assert_eq!(statuses.len(), 6);
    // One is marked by hand; the pull takes the others.
    let first = statuses[0]["doc_id"].as_str().unwrap();
    let marked = json(
        &[
            "axis",
            "status",
            first,
            "done",
            "--config",
            s(&sender),
            "--json",
        ],
        0,
    );
    assert_eq!(marked["state"], "done");
    let out = demo.join("pulled-sender");
    let pulled = pull(&sender, &out);
    let messages = pulled["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 5);
    assert!(
        messages
            .iter()
            .all(|m| m["message_type"] == "status" && m["state"] == "done")
    );
    let out = vanthu(
        &["axis", "status", first, "fail", "--config", s(&sender)],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "a message done stays done");

    // A restart keeps everything: nothing is waiting, the agencies are there.
    serve.stop();
    let serve = Serve::start(&demo.join("axis-data"), &demo.join("pki/root.cer"));
    let sender = config(
        &systems,
        "sender",
        &serve.url,
        "SYS-SENDER",
        "secret of the sender",
        SENDER,
    );
    let unit2 = config(
        &systems,
        "unit2",
        &serve.url,
        "SYS-UNIT2",
        "secret=with=equals",
        UNIT2,
    );
    assert!(list(&unit2, "edoc").is_empty());
    json(
        &[
            "axis",
            "send",
            s(&dispatch),
            "--to",
            UNIT2,
            "--config",
            s(&sender),
            "--json",
        ],
        0,
    );
    assert_eq!(list(&unit2, "edoc").len(), 1);
    serve.stop();
    fs::remove_dir_all(&demo).unwrap();
}

/// The local axis in-process, three systems registered, the decision and
/// the dispatch sent to unit 1: what a killed pull starts from.
fn exchange_ready(demo: &Path, dir: &Path) -> (vanthu_axis_server::Server, PathBuf, PathBuf) {
    let config = vanthu_axis_server::Config::new(dir.join("axis-data"))
        .system("SYS-SENDER", "secret of the sender")
        .system("SYS-UNIT1", "secret of unit 1")
        .trust(demo.join("pki/root.cer"));
    let server = vanthu_axis_server::Server::start("127.0.0.1:0", config).unwrap();
    let sender = config_at(
        dir,
        "sender",
        &server.url(),
        "SYS-SENDER",
        "secret of the sender",
        SENDER,
        demo,
    );
    let unit1 = config_at(
        dir,
        "unit1",
        &server.url(),
        "SYS-UNIT1",
        "secret of unit 1",
        UNIT1,
        demo,
    );
    for (config, agency) in [(&sender, SENDER), (&unit1, UNIT1)] {
        register(config, agency);
    }
    for package in ["sender/182-QD-LDTBXH.edxml", "sender/183-LDTBXH-VP.edxml"] {
        let package = demo.join(package);
        json(
            &[
                "axis",
                "send",
                s(&package),
                "--to",
                UNIT1,
                "--config",
                s(&sender),
                "--json",
            ],
            0,
        );
    }
    (server, sender, unit1)
}

/// A configuration whose trust anchor is the demo's root, by absolute path.
fn config_at(
    dir: &Path,
    name: &str,
    url: &str,
    system: &str,
    secret: &str,
    agency: &str,
    demo: &Path,
) -> PathBuf {
    let path = config(dir, name, url, system, secret, agency);
    let mut value: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    value["trust"] = serde_json::json!([demo.join("pki/root.cer")]);
    fs::write(&path, serde_json::to_vec(&value).unwrap()).unwrap();
    path
}

#[test]
fn a_pull_killed_after_any_action_resumes_without_loss_or_duplicates() {
    let (demo, _) = run_demo("axis-kill");
    let sent: BTreeSet<String> = ["sender/182-QD-LDTBXH.edxml", "sender/183-LDTBXH-VP.edxml"]
        .iter()
        .map(|p| sha256(&fs::read(demo.join(p)).unwrap()))
        .collect();
    let mut crashes = 0;
    for n in 1.. {
        let dir = demo.join(format!("run-{n}"));
        fs::create_dir_all(&dir).unwrap();
        let (server, sender, unit1) = exchange_ready(&demo, &dir);
        let out = dir.join("pulled");
        let crash = vanthu(
            &[
                "axis",
                "pull",
                "--config",
                s(&unit1),
                "--out",
                s(&out),
                "--crash-after",
                &n.to_string(),
            ],
            b"",
        );
        let completed = match crash.status.code() {
            Some(3) => false,
            Some(0) => true,
            other => panic!(
                "pull --crash-after {n}: {other:?}\n{}",
                String::from_utf8_lossy(&crash.stderr)
            ),
        };
        if !completed {
            crashes += 1;
            pull(&unit1, &out);
        }
        // Every document is written once, byte for byte.
        let files: Vec<PathBuf> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "edxml"))
            .collect();
        let written: BTreeSet<String> = files
            .iter()
            .map(|f| sha256(&fs::read(f).unwrap()))
            .collect();
        assert_eq!(files.len(), 2, "crash after {n}");
        assert_eq!(written, sent, "crash after {n}");
        // Nothing is left on the axis; the journal delivered and finished
        // each message once.
        assert!(list(&unit1, "edoc").is_empty());
        let journal = fs::read_to_string(out.join("journal.jsonl")).unwrap();
        let mut delivered = BTreeMap::<String, u32>::new();
        let mut acknowledged = BTreeMap::<String, u32>::new();
        for line in journal.lines() {
            let record: Value = serde_json::from_str(line).unwrap();
            let doc_id = record["doc_id"].as_str().unwrap_or_default().to_owned();
            match record["record"].as_str() {
                Some("delivered") => *delivered.entry(doc_id).or_default() += 1,
                Some("acknowledged") => *acknowledged.entry(doc_id).or_default() += 1,
                _ => {}
            }
        }
        assert_eq!(delivered.len(), 2, "crash after {n}: {journal}");
        assert!(
            delivered
                .values()
                .chain(acknowledged.values())
                .all(|c| *c == 1),
            "crash after {n}: {journal}"
        );
        assert_eq!(acknowledged.len(), 2, "crash after {n}");
        // The sender has an 01 and an 03 for each document: a reply sent
        // again after a crash is the same bytes, so there are four distinct
        // packages.
        let replies = pull(&sender, &dir.join("replies"));
        let hashes: BTreeSet<&str> = replies["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["sha256"].as_str().unwrap())
            .collect();
        assert_eq!(hashes.len(), 4, "crash after {n}: {replies}");
        server.stop().unwrap();
        if completed {
            break;
        }
    }
    eprintln!("the pull was killed after each of its {crashes} actions, and resumed");
    assert!(
        crashes >= 10,
        "the pull was killed after each of its {crashes} actions"
    );
    fs::remove_dir_all(&demo).unwrap();
}
