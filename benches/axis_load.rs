//! Load on the local axis (`vanthu-axis-server`): 4 connected systems, each
//! on its own thread, send 5,000 document packages in all to each other
//! (round robin over the three others) over HTTP on loopback with the axis
//! client, while each pulls its inbox (`getReceivedEdocList`, `getEdoc`,
//! `updateStatus` `done`). Reported: packages per second, the p50 and p99
//! latency of `sendEdoc`, and of the whole trip (from the start of the send
//! to the end of the receiver's `getEdoc`). Then it proves that nothing was
//! lost or duplicated: the SHA-256 of every package sent, with its
//! receiver, equals the multiset of those received, and every message
//! ended `done`.
//!
//! The packages are real conformant edXML packages made with vanthu, each
//! with its own `DocumentId` (its number), carrying a small PDF signed by a
//! person and by the agency under a bench root that the server trusts: the
//! server checks every package with vanthu, signatures included, before it
//! stores it.
//!
//! No peer: no other implementation of the axis exists to run on this
//! machine (the national axis is a closed platform), so the numbers are
//! absolute; they measure the local axis (HTTP, HMAC check, vanthu's check,
//! SQLite with a synced transaction per call), not the real one. As a
//! reference, the floor: the three synced SQLite writes the axis makes for
//! one package (store it and its message, mark it `processing` when
//! fetched, `done`), with the same settings (WAL, `synchronous=FULL`), one
//! writer, nothing else.
//!
//! Run: `cargo bench -p vanthu-benches --bench axis_load`. Under `cargo
//! test` it runs 40 packages and checks the same proofs.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{FixedOffset, TimeZone, Utc};
use vanthu::edxml::{DocumentPackage, Organization};
use vanthu_axis::client::{Client, ClientOptions};
use vanthu_axis::national::{self, National};
use vanthu_axis::{
    Agency, Axis, CallContext, MessageType, Operation, Outcome, TransportState, sha256_hex,
};
use vanthu_axis_server::{Config, Server};

/// The connected systems: system id, secret, agency.
const SYSTEMS: [(&str, &str, &str); 4] = [
    ("sys-000.00.15.H47", "secret-a", "000.00.15.H47"),
    ("sys-000.01.15.H47", "secret-b", "000.01.15.H47"),
    ("sys-000.02.15.H47", "secret-c", "000.02.15.H47"),
    ("sys-000.03.15.H47", "secret-d", "000.03.15.H47"),
];

/// The receiver of package `n` of system `from`: the three others in turn.
fn receiver(from: usize, n: usize) -> usize {
    (from + 1 + n % (SYSTEMS.len() - 1)) % SYSTEMS.len()
}

/// The document package number `number` from `from` to `to`.
fn package(pdf: &[u8], from: &str, to: &str, number: usize) -> Vec<u8> {
    let issued = FixedOffset::east_opt(7 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2025, 6, 2, 8, 0, 0).single())
        .unwrap();
    let mut doc = DocumentPackage::new_document(
        Organization::new(from, "Cơ quan gửi"),
        vec![Organization::new(to, "Cơ quan nhận")],
        (&number.to_string(), "QĐ-VP"),
        "2025/06/02",
        "Về việc thử tải trục liên thông",
        &issued,
    );
    doc.header.document_type = Some(vanthu::edxml::DocumentType::new("1", "Quyết định"));
    doc.add_attachment(&format!("{number}-QD-VP.pdf"), "application/pdf");
    let mut out = Vec::new();
    vanthu::edxml::write_document(&doc, &mut vec![pdf], &mut out).unwrap();
    out
}

/// A unique nonce per call (the multipart boundary).
static NONCE: AtomicU64 = AtomicU64::new(0);

fn ctx() -> CallContext {
    let n = NONCE.fetch_add(1, Ordering::Relaxed);
    CallContext::at_time(Utc::now().fixed_offset(), format!("vanthu-bench-{n:016x}"))
}

fn client(url: &str, index: usize) -> (National, Client) {
    let (id, secret, _) = SYSTEMS[index];
    let national = National::new(url, id, secret);
    let client = Client::new(
        Axis::National(national.clone()),
        &ClientOptions::default().direct().timeout(120),
    )
    .unwrap();
    (national, client)
}

/// What one system saw.
#[derive(Default)]
struct Side {
    send_latency: Vec<Duration>,
    trip_latency: Vec<Duration>,
    /// SHA-256 of each package received, with its sender's agency.
    received: Vec<(String, String)>,
}

fn percentile(values: &mut [Duration], p: f64) -> Duration {
    values.sort();
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let at = ((values.len() as f64 * p).ceil() as usize).clamp(1, values.len()) - 1;
    values[at]
}

/// The SQLite floor: packages per second when each costs the three synced
/// writes the axis makes (insert the package and its message; set
/// `processing`; set `done`), one writer, the axis's settings.
fn sqlite_floor(dir: &std::path::Path, packages: &[Vec<u8>]) -> f64 {
    let conn = rusqlite::Connection::open(dir.join("floor.sqlite3")).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.execute_batch(
        "CREATE TABLE packages (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL);
         CREATE TABLE messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, doc_id TEXT NOT NULL UNIQUE,
             sha256 TEXT NOT NULL, status TEXT NOT NULL);",
    )
    .unwrap();
    let start = Instant::now();
    for (n, bytes) in packages.iter().enumerate() {
        let sha = sha256_hex(bytes);
        let id = format!("m{n}");
        let tx = conn.unchecked_transaction().unwrap();
        tx.execute(
            "INSERT OR IGNORE INTO packages (sha256, bytes) VALUES (?1, ?2)",
            rusqlite::params![sha, bytes],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO messages (doc_id, sha256, status) VALUES (?1, ?2, 'initial')",
            rusqlite::params![id, sha],
        )
        .unwrap();
        tx.commit().unwrap();
        for state in ["processing", "done"] {
            conn.execute(
                "UPDATE messages SET status = ?2 WHERE doc_id = ?1",
                rusqlite::params![id, state],
            )
            .unwrap();
        }
    }
    f64::from(u32::try_from(packages.len()).unwrap()) / start.elapsed().as_secs_f64()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[allow(clippy::too_many_lines)]
fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let total: usize = if measuring { 5_000 } else { 40 };
    let per_system = total / SYSTEMS.len();
    let dir = std::env::temp_dir().join(format!("vanthu-bench-axis-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pki = vanthu_benches::TwoSigners::new().unwrap();
    let pdf = pki.signed_sample(20_000).unwrap();
    let root = dir.join("root.der");
    std::fs::write(&root, pki.root.der()).unwrap();

    // The packages, made before the clock starts: system i sends
    // `per_system`, numbered apart.
    let mut outgoing: Vec<Vec<(usize, Vec<u8>)>> = Vec::new();
    let mut expected: Vec<(String, String, String)> = Vec::new(); // (sha, from, to)
    for (i, (_, _, from)) in SYSTEMS.iter().enumerate() {
        let mut list = Vec::new();
        for n in 0..per_system {
            let to = receiver(i, n);
            let bytes = package(&pdf, from, SYSTEMS[to].2, i * 100_000 + n + 1);
            expected.push((
                sha256_hex(&bytes),
                (*from).to_owned(),
                SYSTEMS[to].2.to_owned(),
            ));
            list.push((to, bytes));
        }
        outgoing.push(list);
    }
    let package_bytes = outgoing[0][0].1.len();
    let floor = {
        let all: Vec<Vec<u8>> = outgoing.iter().flatten().map(|(_, b)| b.clone()).collect();
        sqlite_floor(&dir, &all)
    };

    let mut config = Config::new(dir.join("axis")).trust(&root).window(None);
    for (id, secret, _) in SYSTEMS {
        config = config.system(id, secret);
    }
    let server = Server::start("127.0.0.1:0", config).unwrap();
    let url = server.url();
    for (i, (_, _, agency)) in SYSTEMS.iter().enumerate() {
        let (national, client) = client(&url, i);
        let agency = Agency::new(*agency, format!("Cơ quan {agency}"), "vanthu@example.vn");
        let request = national
            .register_agency(ctx().at, &agency)
            .expect("request");
        national::parse_status(&client.execute(&request).unwrap()).unwrap();
    }

    // When each package's send started, by SHA-256: the start of its trip.
    let started: Arc<Mutex<BTreeMap<String, Instant>>> = Arc::default();
    let inbox: Vec<usize> = (0..SYSTEMS.len())
        .map(|j| expected.iter().filter(|e| e.2 == SYSTEMS[j].2).count())
        .collect();
    let clock = Instant::now();
    let threads: Vec<_> = outgoing
        .into_iter()
        .enumerate()
        .map(|(i, list)| {
            let url = url.clone();
            let started = Arc::clone(&started);
            let want = inbox[i];
            std::thread::spawn(move || {
                let (_, mut client) = client(&url, i);
                let mut side = Side::default();
                let pull = |client: &mut Client, side: &mut Side| {
                    let list = match client.call(
                        &Operation::ListReceived {
                            message_type: MessageType::Edoc,
                        },
                        &ctx(),
                    ) {
                        Outcome::Listed(items) => items,
                        other => panic!("list: {other:?}"),
                    };
                    for item in list {
                        let bytes = match client.call(
                            &Operation::GetEdoc {
                                doc_id: item.doc_id.clone(),
                            },
                            &ctx(),
                        ) {
                            Outcome::Fetched(bytes) => bytes,
                            other => panic!("getEdoc: {other:?}"),
                        };
                        let arrived = Instant::now();
                        let sha = sha256_hex(&bytes);
                        let start = started.lock().unwrap().get(&sha).copied();
                        side.trip_latency
                            .push(arrived - start.expect("a package nobody sent"));
                        side.received
                            .push((sha, item.from.clone().unwrap_or_default()));
                        match client.call(
                            &Operation::UpdateStatus {
                                doc_id: item.doc_id,
                                state: TransportState::Done,
                            },
                            &ctx(),
                        ) {
                            Outcome::Updated => {}
                            other => panic!("updateStatus: {other:?}"),
                        }
                    }
                };
                for (n, (to, bytes)) in list.into_iter().enumerate() {
                    let sha = sha256_hex(&bytes);
                    let at = Instant::now();
                    started.lock().unwrap().insert(sha, at);
                    let sent = client.call(
                        &Operation::Send {
                            message_type: MessageType::Edoc,
                            from: SYSTEMS[i].2.to_owned(),
                            to: vec![SYSTEMS[to].2.to_owned()],
                            package: bytes,
                        },
                        &ctx(),
                    );
                    side.send_latency.push(at.elapsed());
                    assert!(matches!(sent, Outcome::Sent(Some(_))), "sendEdoc: {sent:?}");
                    // Pull the inbox after every fourth send.
                    if n % 4 == 3 {
                        pull(&mut client, &mut side);
                    }
                }
                let deadline = Instant::now() + Duration::from_secs(300);
                while side.received.len() < want {
                    assert!(Instant::now() < deadline, "system {i}: inbox incomplete");
                    pull(&mut client, &mut side);
                    std::thread::sleep(Duration::from_millis(5));
                }
                // Nothing more may come.
                pull(&mut client, &mut side);
                side
            })
        })
        .collect();
    let sides: Vec<Side> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let elapsed = clock.elapsed();

    // The proofs: counts, and the multiset of (SHA-256, sender, receiver).
    let mut sent: Vec<(String, String, String)> = expected;
    sent.sort();
    let mut got: Vec<(String, String, String)> = sides
        .iter()
        .enumerate()
        .flat_map(|(j, s)| {
            s.received
                .iter()
                .map(move |(sha, from)| (sha.clone(), from.clone(), SYSTEMS[j].2.to_owned()))
        })
        .collect();
    got.sort();
    let unique = {
        let mut shas: Vec<&String> = got.iter().map(|g| &g.0).collect();
        shas.dedup();
        shas.len()
    };
    assert_eq!(got.len(), total, "packages received");
    assert_eq!(unique, total, "each package received once");
    assert_eq!(
        got, sent,
        "the packages received are those sent, by SHA-256, sender and receiver"
    );
    // Every message finished on the axis: none left in any inbox.
    for i in 0..SYSTEMS.len() {
        let (_, mut client) = client(&url, i);
        match client.call(
            &Operation::ListReceived {
                message_type: MessageType::Edoc,
            },
            &ctx(),
        ) {
            Outcome::Listed(items) => assert!(items.is_empty(), "system {i}: messages left"),
            other => panic!("list: {other:?}"),
        }
    }
    server.stop().unwrap();
    let database = std::fs::metadata(dir.join("axis").join("axis.sqlite3"))
        .map(|m| m.len())
        .unwrap_or_default();
    std::fs::remove_dir_all(&dir).ok();

    let mut send: Vec<Duration> = sides.iter().flat_map(|s| s.send_latency.clone()).collect();
    let mut trip: Vec<Duration> = sides.iter().flat_map(|s| s.trip_latency.clone()).collect();
    let rate = f64::from(u32::try_from(total).unwrap()) / elapsed.as_secs_f64();
    println!(
        "axis_load: {} systems, {total} packages of {package_bytes} bytes (a PDF of {} bytes with two signatures), one thread per system",
        SYSTEMS.len(),
        pdf.len()
    );
    println!("| measure | value |");
    println!("|---|---|");
    println!("| wall time | {:.2} s |", elapsed.as_secs_f64());
    println!("| packages/s (sent and received) | {rate:.0} |");
    println!(
        "| sendEdoc latency p50 / p99 | {} / {} |",
        ms(percentile(&mut send, 0.50)),
        ms(percentile(&mut send, 0.99))
    );
    println!(
        "| trip (send start → getEdoc end) p50 / p99 | {} / {} |",
        ms(percentile(&mut trip, 0.50)),
        ms(percentile(&mut trip, 0.99))
    );
    println!(
        "| database at the end | {:.1} MiB |",
        database as f64 / 1_048_576.0
    );
    println!(
        "| floor: SQLite alone, 3 synced writes per package, one writer | {floor:.0} packages/s ({:.1}× the axis) |",
        floor / rate
    );
    println!(
        "proofs: {total} sent, {} received, {unique} distinct SHA-256, multisets equal (SHA-256, sender, receiver); no message left on the axis",
        got.len()
    );
    println!(
        "peer: none (no other axis implementation runs here); absolute numbers, with SQLite's floor as a reference"
    );
}
