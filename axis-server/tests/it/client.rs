//! The client of `vanthu-axis` (feature `client`) against hand-written HTTP
//! peers on loopback: its `User-Agent`, a proxy, a timeout, a refused
//! connection, and the login of a provincial axis (again after a 401).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use vanthu_axis::client::{Client, ClientOptions, USER_AGENT};
use vanthu_axis::{Axis, AxisError, CallContext, MessageType, Operation, Outcome};

/// One request as the peer read it: its request line and headers (names
/// lower case).
#[derive(Debug)]
struct Seen {
    line: String,
    headers: Vec<(String, String)>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn read_request(stream: &mut TcpStream) -> Seen {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).unwrap();
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':').unwrap();
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let seen = Seen {
        line: line.trim_end().to_owned(),
        headers,
    };
    let length: usize = seen
        .header("content-length")
        .map_or(0, |l| l.parse().unwrap());
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    seen
}

/// A peer that answers each connection with the next of `answers`
/// (status, JSON body), closing it after, and reports what it read.
fn peer(answers: Vec<(u16, &'static str)>) -> (String, mpsc::Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for (status, body) in answers {
            let (mut stream, _) = listener.accept().unwrap();
            let seen = read_request(&mut stream);
            tx.send(seen).unwrap();
            let answer = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            stream.write_all(answer.as_bytes()).unwrap();
        }
    });
    (address, rx)
}

fn national(endpoint: &str) -> Axis {
    Axis::from_json(
        &serde_json::json!({
            "profile": "national", "endpoint": endpoint, "system_id": "000.00.15.H47", "secret": "s3cret"
        })
        .to_string(),
    )
    .unwrap()
}

fn ctx() -> CallContext {
    CallContext::at_time(
        chrono::DateTime::parse_from_rfc3339("2025-06-02T08:00:00+07:00").unwrap(),
        "nonce-0001",
    )
}

const EMPTY_LIST: &str = r#"{"status":"OK","ErrorCode":"0","ErrorDesc":"","data":[]}"#;
const LIST: Operation = Operation::ListReceived {
    message_type: MessageType::Edoc,
};

#[test]
fn every_call_names_vanthu_and_its_version() {
    let (address, seen) = peer(vec![(200, EMPTY_LIST)]);
    let mut client = Client::new(
        national(&format!("http://{address}")),
        &ClientOptions::default().direct(),
    )
    .unwrap();
    let outcome = client.call(&LIST, &ctx());
    assert!(
        matches!(&outcome, Outcome::Listed(items) if items.is_empty()),
        "{outcome:?}"
    );
    let seen = seen.recv().unwrap();
    assert_eq!(seen.line, "POST /getReceivedEdocList HTTP/1.1");
    assert_eq!(
        USER_AGENT,
        concat!("vanthu-axis/", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(seen.header("user-agent"), Some(USER_AGENT));
    assert_eq!(seen.header("xroadvnpt-systemid"), Some("000.00.15.H47"));
}

/// An HTTP proxy for one call: it accepts the tunnel (`CONNECT`), then
/// answers the request sent through it; reports both request lines.
fn proxy() -> (String, mpsc::Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        tx.send(read_request(&mut stream)).unwrap();
        stream
            .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
            .unwrap();
        tx.send(read_request(&mut stream)).unwrap();
        let answer = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{EMPTY_LIST}",
            EMPTY_LIST.len()
        );
        stream.write_all(answer.as_bytes()).unwrap();
    });
    (address, rx)
}

#[test]
fn a_configured_proxy_carries_the_calls() {
    let (proxy, seen) = proxy();
    let mut options = ClientOptions::default();
    options.proxy = Some(format!("http://{proxy}"));
    let axis = national("http://axis.example.invalid:8080/XrdAdapter/adapter");
    let mut client = Client::new(axis, &options).unwrap();
    let outcome = client.call(&LIST, &ctx());
    assert!(matches!(outcome, Outcome::Listed(_)), "{outcome:?}");
    // The axis's host is never resolved here: the proxy is asked for a
    // tunnel to it, and the call goes through.
    let tunnel = seen.recv().unwrap();
    assert_eq!(tunnel.line, "CONNECT axis.example.invalid:8080 HTTP/1.1");
    let call = seen.recv().unwrap();
    assert_eq!(
        call.line,
        "POST /XrdAdapter/adapter/getReceivedEdocList HTTP/1.1"
    );
    assert_eq!(call.header("user-agent"), Some(USER_AGENT));
    let mut bad = ClientOptions::default();
    bad.proxy = Some("ftp://not a proxy".to_owned());
    assert!(matches!(
        Client::new(national("http://127.0.0.1:1"), &bad),
        Err(AxisError::InvalidArgument(_))
    ));
}

#[test]
fn no_answer_is_a_retriable_failure_within_the_timeout() {
    // A peer that accepts and never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let held = thread::spawn(move || listener.accept().map(|(s, _)| s));
    let mut client = Client::new(
        national(&format!("http://{address}")),
        &ClientOptions::default().direct().timeout(1),
    )
    .unwrap();
    let started = Instant::now();
    let outcome = client.call(&LIST, &ctx());
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    let Outcome::Failed(error) = outcome else {
        panic!("{outcome:?}")
    };
    assert!(
        matches!(error, AxisError::Http { status: 0, .. }),
        "{error:?}"
    );
    assert!(error.retriable());
    drop(held);

    // Nobody listening at all.
    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut client = Client::new(
        national(&format!("http://{closed}")),
        &ClientOptions::default().direct(),
    )
    .unwrap();
    let Outcome::Failed(error) = client.call(&LIST, &ctx()) else {
        panic!()
    };
    assert!(
        matches!(error, AxisError::Http { status: 0, .. }) && error.retriable(),
        "{error:?}"
    );
}

#[test]
fn a_provincial_axis_logs_in_and_again_after_a_401() {
    const LOGIN: &str = r#"{"code":200,"data":{"token":"jwt-1"}}"#;
    const RELOGIN: &str = r#"{"code":200,"data":{"token":"jwt-2"}}"#;
    const LISTED: &str = r#"{"success":true,"count":0,"data":[]}"#;
    let (address, seen) = peer(vec![
        (200, LOGIN),
        (200, LISTED),
        (401, r#"{"code":401,"message":"expired"}"#),
        (200, RELOGIN),
        (200, LISTED),
    ]);
    let axis = Axis::from_json(
        &serde_json::json!({
            "profile": "lang-son", "endpoint": format!("http://{address}"), "system_id": "H37.DN.001",
            "secret_key": "k", "username": "vanthu", "password": "p", "application_code": "QLVB"
        })
        .to_string(),
    )
    .unwrap();
    let mut client = Client::new(axis, &ClientOptions::default().direct()).unwrap();
    assert!(matches!(client.call(&LIST, &ctx()), Outcome::Listed(_)));
    assert!(matches!(client.call(&LIST, &ctx()), Outcome::Listed(_)));
    let seen: Vec<Seen> = seen.iter().take(5).collect();
    assert!(
        seen[0].line.starts_with("POST /v1/auth/login"),
        "{:?}",
        seen[0]
    );
    assert!(
        seen[1].line.starts_with("GET /v1/syncReceivedEdocList"),
        "{:?}",
        seen[1]
    );
    assert_eq!(seen[1].header("authorization"), Some("Bearer jwt-1"));
    assert_eq!(seen[2].header("authorization"), Some("Bearer jwt-1"));
    assert!(seen[3].line.starts_with("POST /v1/auth/login"));
    assert_eq!(seen[4].header("authorization"), Some("Bearer jwt-2"));
    assert!(
        seen.iter()
            .all(|s| s.header("user-agent") == Some(USER_AGENT))
    );
}
