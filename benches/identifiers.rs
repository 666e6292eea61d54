//! Parses per second of the identifier parsers, side by side with the peer:
//! the regex-based parsing that vendors write (the `regex` crate, patterns
//! compiled once, captures copied into owned strings as their models do).
//!
//! Run: `cargo bench -p vanthu-benches --bench identifiers`. Criterion reports
//! each parser's throughput in elements (parses) per second; a table of
//! parses per second and the ratio to the peer is printed at the end.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use regex::Regex;
use vanthu_identifiers::{AgencyId, DocumentId, DocumentNumber, RecordCode, identify};

const AGENCY_IDS: &[&str] = &[
    "000.00.15.H47",
    "000.05.15.H47",
    "000.10.15.H47",
    "000.00.18.H40",
    "000.00.00.G22",
    "000.00.00.H41",
    "000.00.00.H14",
    "000.00.04.G14",
    "777.77.04.D77",
    "000.00.00.A80",
];

const DOCUMENT_NUMBERS: &[&str] = &[
    "182/QĐ-LĐTBXH",
    "3760/QĐ-UBND",
    "47/TTr-STTTT",
    "12/UBND-VX",
    "2803/BTTTT-THH",
    "30/2020/NĐ-CP",
    "28/2018/QĐ-TTg",
    "10/2016/TT-BTTTT",
    "7816/VPCP-TTĐT",
    "3240/BTTTT-ƯDCNTT",
];

const DOCUMENT_IDS: &[&str] = &[
    "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT",
    "000.00.00.G22,2014/01/30,7806/VPCP-TTĐT",
    "000.00.04.G14,2012/08/06,267/VPCP-TTĐT",
    "000.00.15.H47,2019/04/11,182/QĐ-LĐTBXH",
];

const RECORD_CODES: &[&str] = &[
    "000.00.18.H40.2011.01.TH",
    "000.00.00.G09.2010.01.TH",
    "000.00.15.H47.2024.12.TCCB",
];

/// What a vendor's regex parser returns: owned strings and numbers.
#[derive(Debug)]
#[allow(dead_code)]
struct PeerAgency {
    level4: u16,
    level3: u8,
    level2: u8,
    letter: String,
    number: u8,
}

#[derive(Debug)]
#[allow(dead_code)]
struct PeerNumber {
    number: u32,
    year: Option<u16>,
    abbreviation: Option<String>,
    issuer: String,
    unit: Option<String>,
}

#[derive(Debug)]
#[allow(dead_code)]
struct PeerDocumentId {
    agency: PeerAgency,
    date: Option<chrono_free::Date>,
    number: PeerNumber,
}

#[derive(Debug)]
#[allow(dead_code)]
struct PeerRecord {
    agency: PeerAgency,
    year: u16,
    notation: String,
}

/// A date without pulling chrono into the peer: (year, month, day) checked
/// the way vendors do (month 1–12, day 1–31).
mod chrono_free {
    #[derive(Debug)]
    #[allow(dead_code)]
    pub(crate) struct Date(pub(crate) u16, pub(crate) u8, pub(crate) u8);
}

struct Peer {
    agency: Regex,
    number: Regex,
    document_id: Regex,
    record: Regex,
}

impl Peer {
    fn new() -> Self {
        let abbreviations = "NQ|QĐ|CT|QC|QyĐ|TC|TB|HD|CTr|KH|PA|ĐA|DA|BC|BB|TTr|HĐ|CĐ|BGN|BTT|GUQ|GM|GGT|GNP|PG|PC|PB|SY|TrS|SL|NĐ|TT|TTLT|NQLT|L";
        Self {
            agency: Regex::new(r"^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z])(\d{2})$").unwrap(),
            number: Regex::new(&format!(
                r"^(\d+)(?:/(\d{{4}}))?/(?:({abbreviations})-)?([^\s/-]+)(?:-([^\s/]+))?$"
            ))
            .unwrap(),
            document_id: Regex::new(r"^([^,]+),(\d{4})/(\d{2})/(\d{2}),(.+)$").unwrap(),
            record: Regex::new(r"^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})\.(\d{4})\.(.{1,20})$").unwrap(),
        }
    }

    fn agency(&self, s: &str) -> Option<PeerAgency> {
        let c = self.agency.captures(s)?;
        Some(PeerAgency {
            level4: c[1].parse().ok()?,
            level3: c[2].parse().ok()?,
            level2: c[3].parse().ok()?,
            letter: c[4].to_owned(),
            number: c[5].parse().ok()?,
        })
    }

    fn number(&self, s: &str) -> Option<PeerNumber> {
        let c = self.number.captures(s)?;
        Some(PeerNumber {
            number: c[1].parse().ok()?,
            year: c.get(2).and_then(|m| m.as_str().parse().ok()),
            abbreviation: c.get(3).map(|m| m.as_str().to_owned()),
            issuer: c[4].to_owned(),
            unit: c.get(5).map(|m| m.as_str().to_owned()),
        })
    }

    fn document_id(&self, s: &str) -> Option<PeerDocumentId> {
        let c = self.document_id.captures(s)?;
        let (y, m, d): (u16, u8, u8) = (c[2].parse().ok()?, c[3].parse().ok()?, c[4].parse().ok()?);
        let date =
            ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(chrono_free::Date(y, m, d));
        Some(PeerDocumentId {
            agency: self.agency(&c[1])?,
            date,
            number: self.number(&c[5])?,
        })
    }

    fn record(&self, s: &str) -> Option<PeerRecord> {
        let c = self.record.captures(s)?;
        Some(PeerRecord {
            agency: self.agency(&c[1])?,
            year: c[2].parse().ok()?,
            notation: c[3].to_owned(),
        })
    }
}

fn count(inputs: &[&str]) -> Throughput {
    Throughput::Elements(u64::try_from(inputs.len()).unwrap())
}

fn criterion_benches(c: &mut Criterion, peer: &Peer) {
    let mut g = c.benchmark_group("agency_id");
    g.throughput(count(AGENCY_IDS));
    g.bench_function("vanthu AgencyId::parse", |b| {
        b.iter(|| {
            AGENCY_IDS
                .iter()
                .filter(|s| AgencyId::parse(black_box(s)).is_ok())
                .count()
        })
    });
    g.bench_function("peer regex", |b| {
        b.iter(|| {
            AGENCY_IDS
                .iter()
                .filter(|s| peer.agency(black_box(s)).is_some())
                .count()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("document_number");
    g.throughput(count(DOCUMENT_NUMBERS));
    g.bench_function("vanthu DocumentNumber::parse", |b| {
        b.iter(|| {
            DOCUMENT_NUMBERS
                .iter()
                .filter(|s| DocumentNumber::parse(black_box(s)).is_ok())
                .count()
        })
    });
    g.bench_function("peer regex", |b| {
        b.iter(|| {
            DOCUMENT_NUMBERS
                .iter()
                .filter(|s| peer.number(black_box(s)).is_some())
                .count()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("document_id");
    g.throughput(count(DOCUMENT_IDS));
    g.bench_function("vanthu DocumentId::parse_lenient", |b| {
        b.iter(|| {
            DOCUMENT_IDS
                .iter()
                .filter(|s| DocumentId::parse_lenient(black_box(s)).is_ok())
                .count()
        })
    });
    g.bench_function("peer regex", |b| {
        b.iter(|| {
            DOCUMENT_IDS
                .iter()
                .filter(|s| peer.document_id(black_box(s)).is_some())
                .count()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("record_code");
    g.throughput(count(RECORD_CODES));
    g.bench_function("vanthu RecordCode::parse", |b| {
        b.iter(|| {
            RECORD_CODES
                .iter()
                .filter(|s| RecordCode::parse(black_box(s)).is_ok())
                .count()
        })
    });
    g.bench_function("peer regex", |b| {
        b.iter(|| {
            RECORD_CODES
                .iter()
                .filter(|s| peer.record(black_box(s)).is_some())
                .count()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("identify");
    let mixed: Vec<&str> = [AGENCY_IDS, DOCUMENT_NUMBERS, DOCUMENT_IDS, RECORD_CODES].concat();
    g.throughput(count(&mixed));
    g.bench_function("vanthu identify", |b| {
        b.iter(|| {
            mixed
                .iter()
                .filter(|s| identify(black_box(s)).is_valid())
                .count()
        })
    });
    g.finish();
}

/// Parses per second of `parse` over `inputs`, measured for about `budget`.
fn rate(inputs: &[&str], budget: Duration, parse: impl Fn(&str) -> bool) -> f64 {
    let start = Instant::now();
    let mut parses = 0u64;
    while start.elapsed() < budget {
        for s in inputs {
            black_box(parse(black_box(s)));
        }
        parses += u64::try_from(inputs.len()).unwrap();
    }
    parses as f64 / start.elapsed().as_secs_f64()
}

fn print_ratios(peer: &Peer) {
    let budget = Duration::from_millis(500);
    let rows: [(&str, f64, f64); 4] = [
        (
            "agency id",
            rate(AGENCY_IDS, budget, |s| AgencyId::parse(s).is_ok()),
            rate(AGENCY_IDS, budget, |s| peer.agency(s).is_some()),
        ),
        (
            "document number",
            rate(DOCUMENT_NUMBERS, budget, |s| {
                DocumentNumber::parse(s).is_ok()
            }),
            rate(DOCUMENT_NUMBERS, budget, |s| peer.number(s).is_some()),
        ),
        (
            "document id",
            rate(DOCUMENT_IDS, budget, |s| {
                DocumentId::parse_lenient(s).is_ok()
            }),
            rate(DOCUMENT_IDS, budget, |s| peer.document_id(s).is_some()),
        ),
        (
            "record code",
            rate(RECORD_CODES, budget, |s| RecordCode::parse(s).is_ok()),
            rate(RECORD_CODES, budget, |s| peer.record(s).is_some()),
        ),
    ];
    println!();
    println!(
        "{:<16} {:>16} {:>16} {:>8}",
        "parser", "vanthu parses/s", "regex parses/s", "ratio"
    );
    for (name, ours, theirs) in rows {
        println!(
            "{name:<16} {ours:>16.0} {theirs:>16.0} {:>7.2}x",
            ours / theirs
        );
    }
}

fn main() {
    let peer = Peer::new();
    // Both sides must accept every input, or the comparison means nothing.
    for s in AGENCY_IDS {
        assert!(
            AgencyId::parse(s).is_ok() && peer.agency(s).is_some(),
            "{s}"
        );
    }
    for s in DOCUMENT_NUMBERS {
        assert!(
            DocumentNumber::parse(s).is_ok() && peer.number(s).is_some(),
            "{s}"
        );
    }
    for s in DOCUMENT_IDS {
        assert!(
            DocumentId::parse(s).is_ok() && peer.document_id(s).is_some(),
            "{s}"
        );
    }
    for s in RECORD_CODES {
        assert!(
            RecordCode::parse(s).is_ok() && peer.record(s).is_some(),
            "{s}"
        );
    }
    let mut c = Criterion::default().configure_from_args();
    criterion_benches(&mut c, &peer);
    c.final_summary();
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and
    // runs each benchmark once as a test: skip the timed table then.
    if std::env::args().any(|a| a == "--bench") {
        print_ratios(&peer);
    }
}
