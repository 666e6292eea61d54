//! Each test starts a local axis on 127.0.0.1:0 with its own data folder
//! and talks to it over HTTP with the blocking client of `vanthu-axis`.

use chrono::{NaiveDateTime, Utc};
use tempfile::TempDir;
use vanthu_axis::client::{Client, ClientOptions};
use vanthu_axis::national::{self, National};
use vanthu_axis::{
    Agency, Axis, AxisError, CallContext, ErrorCode, MessageType, Operation, Outcome, Request,
    Response, TransportState, sha256_hex,
};
use vanthu_axis_server::{Config, Server};

use crate::packages::{SENDER, UNIT1, UNIT2, document, status, write_root};

const SYSTEMS: [(&str, &str, &str); 3] = [
    ("SYS-SENDER", "secret of the sender", SENDER),
    ("SYS-UNIT1", "secret of unit 1", UNIT1),
    ("SYS-UNIT2", "secret of unit 2", UNIT2),
];

/// A data folder, with the test root beside it.
struct Data {
    dir: TempDir,
}

impl Data {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        write_root(&dir.path().join("root.der"));
        Self { dir }
    }

    fn start(&self) -> Server {
        let mut config =
            Config::new(self.dir.path().join("axis")).trust(self.dir.path().join("root.der"));
        for (id, secret, _) in SYSTEMS {
            config = config.system(id, secret);
        }
        Server::start("127.0.0.1:0", config).unwrap()
    }
}

/// Vietnam time now: the header timestamp the server checks.
fn now() -> NaiveDateTime {
    CallContext::at_time(Utc::now().fixed_offset(), "").at
}

/// A connected system: its request builder and a client.
struct Node {
    national: National,
    client: Client,
    agency: &'static str,
}

impl Node {
    fn new(endpoint: &str, (id, secret, agency): (&str, &str, &'static str)) -> Self {
        let national = National::new(endpoint, id, secret);
        let client = Client::new(
            Axis::National(national.clone()),
            &ClientOptions::default().direct().timeout(60),
        )
        .unwrap();
        Self {
            national,
            client,
            agency,
        }
    }

    fn at(server: &Server, index: usize) -> Self {
        Self::new(&server.url(), SYSTEMS[index])
    }

    fn call(&self, request: Result<Request, AxisError>) -> Response {
        self.client.execute(&request.unwrap()).unwrap()
    }

    fn register(&self) {
        let agency = Agency::new(
            self.agency,
            format!("Cơ quan {}", self.agency),
            "vanthu@example.vn",
        );
        let answer = self.call(self.national.register_agency(now(), &agency));
        national::parse_status(&answer).unwrap();
    }

    fn send(&self, kind: MessageType, to: &[&str], package: &[u8]) -> Result<String, AxisError> {
        let to: Vec<String> = to.iter().map(|s| (*s).to_owned()).collect();
        let request = self.national.send_edoc(
            now(),
            kind,
            self.agency,
            &to,
            package,
            "vanthu-test-boundary-7f3a",
        );
        national::parse_send(&self.call(request))
    }

    fn received(&self, kind: MessageType) -> Vec<vanthu_axis::ReceivedItem> {
        let answer = self.call(
            self.national
                .get_received_edoc_list(now(), kind, None, None),
        );
        national::parse_received_list(&answer).unwrap()
    }

    fn get(&self, doc_id: &str) -> Vec<u8> {
        national::parse_edoc(&self.call(self.national.get_edoc(now(), doc_id))).unwrap()
    }

    fn update(&self, doc_id: &str, state: TransportState) -> Result<(), AxisError> {
        national::parse_status(&self.call(self.national.update_status(now(), doc_id, &state)))
    }
}

fn refusal(result: Result<impl std::fmt::Debug, AxisError>) -> (ErrorCode, String) {
    match result {
        Err(AxisError::Rejected { code, description }) => (code, description),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn every_operation() {
    let data = Data::new();
    let server = data.start();
    let sender = Node::at(&server, 0);
    // The drop-in path of the real adapter answers too.
    let unit = Node::new(&format!("{}/XrdAdapter/adapter", server.url()), SYSTEMS[1]);
    let unit2 = Node::at(&server, 2);
    for node in [&sender, &unit, &unit2] {
        node.register();
    }

    // getAgenciesList
    let agencies =
        national::parse_agencies(&sender.call(sender.national.get_agencies_list(now()))).unwrap();
    let codes: Vec<&str> = agencies.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, [SENDER, UNIT1, UNIT2]);
    assert!(
        agencies
            .iter()
            .all(|a| a.id.is_some() && a.mail.as_deref() == Some("vanthu@example.vn"))
    );

    // sendEdoc → getReceivedEdocList → getEdoc → updateStatus
    let package = document("182", &[UNIT1], false);
    let sent_id = sender.send(MessageType::Edoc, &[UNIT1], &package).unwrap();
    assert!(unit2.received(MessageType::Edoc).is_empty());
    let items = unit.received(MessageType::Edoc);
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_ne!(
        item.doc_id, sent_id,
        "the receiver's message has its own id"
    );
    assert_eq!(item.status, Some(TransportState::Initial));
    assert_eq!(item.from.as_deref(), Some(SENDER));
    assert_eq!(item.message_type, Some(MessageType::Edoc));
    let fetched = unit.get(&item.doc_id);
    assert_eq!(sha256_hex(&fetched), sha256_hex(&package));
    assert_eq!(fetched, package);
    assert_eq!(
        unit.received(MessageType::Edoc)[0].status,
        Some(TransportState::Processing)
    );
    // Another system cannot read or finish it.
    let other = national::parse_edoc(&unit2.call(unit2.national.get_edoc(now(), &item.doc_id)));
    assert_eq!(refusal(other).0, ErrorCode::InvalidFile);
    unit.update(&item.doc_id, TransportState::Done).unwrap();
    unit.update(&item.doc_id, TransportState::Done).unwrap();
    assert_eq!(
        refusal(unit.update(&item.doc_id, TransportState::Fail)).0,
        ErrorCode::InvalidFile
    );
    assert!(unit.received(MessageType::Edoc).is_empty());

    // getSentEdocList
    let answer = sender.call(sender.national.get_sent_edoc_list(
        now(),
        MessageType::Edoc,
        None,
        None,
    ));
    let sent = national::parse_sent_list(&answer).unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].sender_doc_id.as_deref(), Some(sent_id.as_str()));
    assert_eq!(
        sent[0].receiver_doc_id.as_deref(),
        Some(item.doc_id.as_str())
    );
    assert_eq!(sent[0].receive_status.as_deref(), Some("done"));
    assert_eq!(sent[0].notation.as_deref(), Some("182/QĐ-LĐTBXH"));

    // A status package with no `to`: routed to the sender of the document
    // it answers.
    let reply = status(&package, UNIT1, "03");
    unit.send(MessageType::Status, &[], &reply).unwrap();
    assert!(sender.received(MessageType::Edoc).is_empty());
    let statuses = sender.received(MessageType::Status);
    assert_eq!(statuses.len(), 1);
    assert_eq!(sender.get(&statuses[0].doc_id), reply);

    // The same through the profile-independent operations of the client.
    let mut client = Client::new(
        Axis::National(sender.national.clone()),
        &ClientOptions::default().direct(),
    )
    .unwrap();
    let ctx = CallContext::at_time(Utc::now().fixed_offset(), "nonce-1");
    let listed = client.call(
        &Operation::ListReceived {
            message_type: MessageType::Status,
        },
        &ctx,
    );
    let Outcome::Listed(items) = listed else {
        panic!("{listed:?}")
    };
    assert_eq!(items.len(), 1);
    let update = Operation::UpdateStatus {
        doc_id: items[0].doc_id.clone(),
        state: TransportState::Done,
    };
    assert!(matches!(client.call(&update, &ctx), Outcome::Updated));
    assert!(matches!(
        client.call(&Operation::ListReceived { message_type: MessageType::Status }, &ctx),
        Outcome::Listed(items) if items.is_empty()
    ));

    // deleteAgency: only its own; then it is gone.
    let theirs = national::parse_status(&sender.call(sender.national.delete_agency(now(), UNIT2)));
    assert_eq!(refusal(theirs).0, ErrorCode::InvalidFile);
    national::parse_status(&unit2.call(unit2.national.delete_agency(now(), UNIT2))).unwrap();
    let agencies =
        national::parse_agencies(&sender.call(sender.national.get_agencies_list(now()))).unwrap();
    assert_eq!(agencies.len(), 2);
    assert_eq!(
        refusal(sender.send(
            MessageType::Edoc,
            &[UNIT2],
            &document("183", &[UNIT2], false)
        ))
        .0,
        ErrorCode::ReceiverUnknown
    );
    server.stop().unwrap();
}

#[test]
fn a_wrong_secret_an_unknown_system_and_a_stale_call_are_refused() {
    let data = Data::new();
    let server = data.start();
    let good = Node::at(&server, 0);
    good.register();
    let wrong = Node::new(&server.url(), ("SYS-SENDER", "not the secret", SENDER));
    let stranger = Node::new(&server.url(), ("SYS-OTHER", "secret of the sender", SENDER));
    for node in [&wrong, &stranger] {
        let answer =
            node.call(
                node.national
                    .get_received_edoc_list(now(), MessageType::Edoc, None, None),
            );
        let (code, description) = refusal(national::parse_received_list(&answer));
        assert_eq!(code, ErrorCode::WrongCredentials, "{description}");
        let package = document("182", &[SENDER], false);
        assert_eq!(
            refusal(node.send(MessageType::Edoc, &[SENDER], &package)).0,
            ErrorCode::WrongCredentials
        );
    }
    // A timestamp an hour old.
    let stale = now() - chrono::Duration::hours(1);
    let answer =
        good.call(
            good.national
                .get_received_edoc_list(stale, MessageType::Edoc, None, None),
        );
    let (code, description) = refusal(national::parse_received_list(&answer));
    assert_eq!(code, ErrorCode::WrongCredentials);
    assert!(
        description.contains("outside the accepted window"),
        "{description}"
    );
    // An altered header after signing.
    let mut request = good.national.get_edoc(now(), "some-id").unwrap();
    for (name, value) in &mut request.headers {
        if name == "XroadVnpt-docId" {
            *value = "another-id".to_owned();
        }
    }
    let (code, _) = refusal(national::parse_edoc(
        &good.client.execute(&request).unwrap(),
    ));
    assert_eq!(code, ErrorCode::WrongCredentials);
    // The right system goes through.
    assert!(good.received(MessageType::Edoc).is_empty());
    // A path that is no operation.
    let mut request = good.national.get_agencies_list(now()).unwrap();
    request.url = format!("{}/getEverything", server.url());
    assert_eq!(good.client.execute(&request).unwrap().status, 404);
}

#[test]
fn a_package_that_is_not_conformant_is_refused() {
    let data = Data::new();
    let server = data.start();
    let sender = Node::at(&server, 0);
    let unit = Node::at(&server, 1);
    let unregistered = Node::at(&server, 2);
    sender.register();
    unit.register();
    // A copy damaged in transit: its signature no longer verifies.
    let damaged = document("182", &[UNIT1], true);
    let (code, description) = refusal(sender.send(MessageType::Edoc, &[UNIT1], &damaged));
    assert_eq!(code, ErrorCode::NotConforming);
    assert!(description.contains("CHECK-ATT-001"), "{description}");
    // Not edXML at all.
    let (code, _) = refusal(sender.send(MessageType::Edoc, &[UNIT1], b"%PDF-1.7 not a package"));
    assert_eq!(code, ErrorCode::NotConforming);
    // A document package sent as a status package.
    let good = document("182", &[UNIT1], false);
    let (code, description) = refusal(sender.send(MessageType::Status, &[UNIT1], &good));
    assert_eq!(code, ErrorCode::NotConforming, "{description}");
    // For an agency the caller did not register; to one nobody registered.
    assert_eq!(
        refusal(unregistered.send(MessageType::Edoc, &[UNIT1], &good)).0,
        ErrorCode::SenderNotRegistered
    );
    assert_eq!(
        refusal(sender.send(MessageType::Edoc, &["000.09.15.H47"], &good)).0,
        ErrorCode::ReceiverUnknown
    );
    // Nothing was stored; the good package goes through.
    assert!(unit.received(MessageType::Edoc).is_empty());
    sender.send(MessageType::Edoc, &[UNIT1], &good).unwrap();
    assert_eq!(unit.received(MessageType::Edoc).len(), 1);
}

#[test]
fn a_package_for_two_systems_is_routed_to_each() {
    let data = Data::new();
    let server = data.start();
    let nodes: Vec<Node> = (0..3).map(|i| Node::at(&server, i)).collect();
    nodes.iter().for_each(Node::register);
    let package = document("182", &[UNIT1, UNIT2], false);
    // No `to`: the package's To list decides.
    nodes[0].send(MessageType::Edoc, &[], &package).unwrap();
    let mut ids = Vec::new();
    for unit in &nodes[1..] {
        let items = unit.received(MessageType::Edoc);
        assert_eq!(items.len(), 1, "one message per receiving system");
        assert_eq!(unit.get(&items[0].doc_id), package);
        ids.push(items[0].doc_id.clone());
    }
    assert_ne!(ids[0], ids[1]);
    assert!(nodes[0].received(MessageType::Edoc).is_empty());
    let answer = nodes[0].call(nodes[0].national.get_sent_edoc_list(
        now(),
        MessageType::Edoc,
        None,
        None,
    ));
    assert_eq!(national::parse_sent_list(&answer).unwrap().len(), 2);
}

#[test]
fn a_restart_keeps_agencies_messages_and_states() {
    let data = Data::new();
    let package = document("182", &[UNIT1, UNIT2], false);
    let server = data.start();
    let (first, second) = {
        let nodes: Vec<Node> = (0..3).map(|i| Node::at(&server, i)).collect();
        nodes.iter().for_each(Node::register);
        nodes[0]
            .send(MessageType::Edoc, &[UNIT1, UNIT2], &package)
            .unwrap();
        let first = nodes[1].received(MessageType::Edoc).remove(0);
        nodes[1].get(&first.doc_id);
        nodes[1]
            .update(&first.doc_id, TransportState::Done)
            .unwrap();
        (first, nodes[2].received(MessageType::Edoc).remove(0))
    };
    server.stop().unwrap();
    let server = data.start();
    let nodes: Vec<Node> = (0..3).map(|i| Node::at(&server, i)).collect();
    let agencies =
        national::parse_agencies(&nodes[0].call(nodes[0].national.get_agencies_list(now())))
            .unwrap();
    assert_eq!(agencies.len(), 3);
    assert!(
        nodes[1].received(MessageType::Edoc).is_empty(),
        "done stays done"
    );
    let waiting = nodes[2].received(MessageType::Edoc);
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].doc_id, second.doc_id);
    assert_eq!(nodes[2].get(&second.doc_id), package);
    assert_eq!(
        refusal(nodes[1].update(&first.doc_id, TransportState::Fail)).0,
        ErrorCode::InvalidFile
    );
    server.stop().unwrap();
}

#[test]
fn the_readme_example_runs() {
    // The README's example, with its paths in a temporary folder.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("pki")).unwrap();
    write_root(&dir.path().join("pki/root.cer"));
    let readme = include_str!("../../README.md");
    let example = readme
        .split("```rust,no_run\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    assert!(
        example.contains(r#"Config::new("axis-data")"#)
            && example.contains(r#".trust("pki/root.cer")"#)
    );
    let config = Config::new(dir.path().join("axis-data"))
        .system("000.00.15.H47", "secret of the sender")
        .system("000.01.15.H47", "secret of the unit")
        .trust(dir.path().join("pki/root.cer"));
    let server = Server::start("127.0.0.1:0", config).unwrap();
    assert!(server.url().starts_with("http://127.0.0.1:"));
    server.stop().unwrap();
    assert!(dir.path().join("axis-data/axis.sqlite3").is_file());
}

#[test]
fn serve_runs_on_a_listener_of_the_callers_until_shutdown() {
    let data = Data::new();
    let mut config = Config::new(data.dir.path().join("axis"));
    for (id, secret, _) in SYSTEMS {
        config = config.system(id, secret);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let served = runtime.spawn(vanthu_axis_server::serve(listener, config, async {
        let _ = stopped.await;
    }));
    let node = Node::new(&url, SYSTEMS[0]);
    node.register();
    assert!(node.received(MessageType::Edoc).is_empty());
    stop.send(()).unwrap();
    runtime.block_on(served).unwrap().unwrap();
    // Stopped: nobody answers any more.
    let request = node.national.get_agencies_list(now()).unwrap();
    assert!(matches!(
        node.client.execute(&request),
        Err(AxisError::Http { status: 0, .. })
    ));
    // A configuration with no system is refused before serving.
    let empty = Config::new(data.dir.path().join("other"));
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let refused = runtime.block_on(vanthu_axis_server::serve(listener, empty, async {}));
    assert!(matches!(
        refused,
        Err(vanthu_axis_server::ServerError::Config(_))
    ));
}

#[test]
fn a_request_over_the_size_limit_is_refused_with_413() {
    let data = Data::new();
    let mut config =
        Config::new(data.dir.path().join("axis")).trust(data.dir.path().join("root.der"));
    for (id, secret, _) in SYSTEMS {
        config = config.system(id, secret);
    }
    config.max_body_bytes = 16 * 1024;
    let server = Server::start("127.0.0.1:0", config).unwrap();
    let sender = Node::at(&server, 0);
    let unit = Node::at(&server, 1);
    sender.register();
    unit.register();
    let package = document("182", &[UNIT1], false);
    assert!(package.len() > 16 * 1024, "{} bytes", package.len());
    let refused = sender.send(MessageType::Edoc, &[UNIT1], &package);
    assert!(
        matches!(refused, Err(AxisError::Http { status: 413, .. })),
        "{refused:?}"
    );
    assert!(unit.received(MessageType::Edoc).is_empty());
}
