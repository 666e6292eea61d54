//! Working-calendar benchmarks: working-day arithmetic per second and holiday-set
//! computation per second, with the Python `holidays` package (vacanza) computing the
//! same Vietnamese holiday sets and working-day additions in the same run
//! (`peers/holidays_vn.py`); prints the ratios and whether the sets agree.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput};
use vanthu_workflow::calendar::{DayOff, WorkingCalendar, YearCalendar};

const FIRST: i32 = 2024;
const LAST: i32 = 2033;
const N: u32 = 10;
const PEER_SECONDS: f64 = 2.0;

fn starts() -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(FIRST, 1, 1).unwrap();
    (0..365)
        .map(|i| first.checked_add_days(Days::new(i)).unwrap())
        .collect()
}

/// Operations per second of `op`, run repeatedly for about `seconds`.
fn rate(seconds: f64, mut op: impl FnMut() -> u64) -> f64 {
    let start = Instant::now();
    let mut count = 0_u64;
    while start.elapsed().as_secs_f64() < seconds {
        count += op();
    }
    count as f64 / start.elapsed().as_secs_f64()
}

fn holiday_sets() -> u64 {
    for year in FIRST..=LAST {
        black_box(YearCalendar::estimated(black_box(year)).unwrap());
    }
    u64::try_from(LAST - FIRST + 1).unwrap()
}

fn additions(calendar: &WorkingCalendar, starts: &[NaiveDate]) -> u64 {
    for day in starts {
        black_box(calendar.add_working_days(black_box(*day), N).unwrap());
    }
    starts.len() as u64
}

fn peer() -> Option<serde_json::Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/peers/holidays_vn.py");
    let output = Command::new(vanthu_benches::python())
        .args([
            script,
            &FIRST.to_string(),
            &LAST.to_string(),
            &N.to_string(),
            &PEER_SECONDS.to_string(),
        ])
        .output()
        .ok()?;
    if !output.status.success() {
        eprintln!("peer failed: {}", String::from_utf8_lossy(&output.stderr));
        return None;
    }
    serde_json::from_slice(&output.stdout).ok()
}

fn main() {
    let calendar = WorkingCalendar::vietnam(FIRST..=LAST + 1).unwrap();
    let starts = starts();

    let mut criterion = Criterion::default()
        .configure_from_args()
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    let mut group = criterion.benchmark_group("calendar");
    group.throughput(Throughput::Elements(
        u64::try_from(LAST - FIRST + 1).unwrap(),
    ));
    group.bench_function("holiday_sets_2024_2033", |b| b.iter(holiday_sets));
    group.throughput(Throughput::Elements(starts.len() as u64));
    group.bench_function("add_10_working_days_x365", |b| {
        b.iter(|| additions(&calendar, &starts))
    });
    group.finish();

    // The same operations timed the same way as the peer, for the ratios.
    let ours_sets = rate(PEER_SECONDS, holiday_sets);
    let ours_adds = rate(PEER_SECONDS, || additions(&calendar, &starts));
    println!(
        "vanthu: {ours_sets:.0} holiday sets/s, {ours_adds:.0} working-day additions (+{N})/s"
    );

    let Some(peer) = peer() else {
        vanthu_benches::peer_unavailable(
            "no Python with the `holidays` package (pip install holidays); no ratio",
        );
        return;
    };
    let peer_sets = peer["holiday_sets_per_sec"].as_f64().unwrap_or(f64::NAN);
    let peer_adds = peer["working_day_adds_per_sec"]
        .as_f64()
        .unwrap_or(f64::NAN);
    println!(
        "peer {}: {peer_sets:.0} holiday sets/s, {peer_adds:.0} working-day additions/s",
        peer["peer"].as_str().unwrap_or("?")
    );
    println!(
        "ratio vanthu/peer: holiday sets x{:.1}, working-day additions x{:.1}",
        ours_sets / peer_sets,
        ours_adds / peer_adds
    );

    // Do both compute the same sets? (Ours: embedded decisions 2024–2026, estimates after.)
    let mut agree = 0;
    let mut differ = BTreeMap::new();
    for year in FIRST..=LAST {
        let ours: Vec<String> = calendar
            .year(year)
            .unwrap()
            .days_off()
            .map(DayOff::date)
            .map(|d| d.to_string())
            .collect();
        let theirs: Vec<String> = peer["sets"][year.to_string()]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        if ours == theirs {
            agree += 1;
        } else {
            differ.insert(year, (ours, theirs));
        }
    }
    println!(
        "holiday sets equal to the peer's: {agree} of {} years",
        LAST - FIRST + 1
    );
    for (year, (ours, theirs)) in differ {
        println!("  {year}: vanthu {ours:?}\n        peer   {theirs:?}");
    }
}
