//! The CLI's `--json` is the facade's value (`vanthu::api`), serialised by
//! serde: the same JSON for the same arguments, command by command.

use std::path::Path;

use serde_json::Value;
use vanthu::api;

use crate::{json, vanthu};

fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
        .display()
        .to_string()
}

fn value(v: impl serde::Serialize) -> Value {
    serde_json::to_value(v).unwrap()
}

/// The command's JSON, whatever its exit code (1 is a finding, not a failure).
fn cli(args: &[&str]) -> Value {
    let out = vanthu(args, b"");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {out:?}"
    );
    json(&out)
}

#[test]
fn calendar_commands() {
    assert_eq!(
        cli(&["lunar", "2025-01-29", "--json"]),
        value(api::lunar("2025-01-29").unwrap())
    );
    assert_eq!(
        cli(&["lunar", "--to-solar", "1/6/2025", "--leap", "--json"]),
        value(api::lunar_to_solar("1/6/2025", true).unwrap())
    );
    assert_eq!(
        cli(&["calendar", "2026", "--json"]),
        value(api::calendar(2026).unwrap())
    );
    let mut args = api::DueArgs::default();
    args.rule = Some(api::DueRule::Issue);
    args.next_day = api::NextDay::Morning;
    assert_eq!(
        cli(&[
            "due",
            "--from",
            "2025-06-06T16:00",
            "--rule",
            "issue",
            "--next-day",
            "morning",
            "--json"
        ]),
        value(api::due("2025-06-06T16:00", &args).unwrap())
    );
}

#[test]
fn documents_and_workflow() {
    let sample = repo("edxml/tests/vectors/sample.edxml");
    let mut check = api::CheckArgs::default();
    check.at = Some("2025-06-05".into());
    assert_eq!(
        cli(&["check", &sample, "--at", "2025-06-05", "--json"]),
        value(api::check(sample.as_ref(), &check).unwrap())
    );
    let log = repo("workflow/tests/vectors/replay/violations.json");
    assert_eq!(
        cli(&["replay", &log, "--json"]),
        value(api::replay(log.as_ref(), &api::ReplayArgs::default()).unwrap())
    );
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(&text, b"C\xe9ng ho\xb5 \xd0").unwrap();
    assert_eq!(
        cli(&["text", "check", text.to_str().unwrap(), "--json"]),
        value(api::text_check(&text).unwrap())
    );

    let summary = value(api::inspect(sample.as_ref()).unwrap());
    let recipient = summary["to"][0]["organ_id"].as_str().unwrap();
    let (a, b) = (dir.path().join("a.edxml"), dir.path().join("b.edxml"));
    let at = "2025-06-03T09:00:00+07:00";
    let by_cli = cli(&[
        "reply",
        &sample,
        "--status",
        "03",
        "--from",
        recipient,
        "--at",
        at,
        "-o",
        a.to_str().unwrap(),
        "--json",
    ]);
    let mut args = api::ReplyArgs::default();
    args.at = Some(at.into());
    let by_api = value(api::reply(sample.as_ref(), "03", recipient, &b, &args).unwrap());
    assert_eq!(by_cli["status"], by_api["status"]);
    assert_eq!(
        (&by_cli["sha256"], &by_cli["size"]),
        (&by_api["sha256"], &by_api["size"])
    );

    let (na, nb) = (dir.path().join("na.edxml"), dir.path().join("nb.edxml"));
    let by_cli = cli(&["normalize", &sample, "-o", na.to_str().unwrap(), "--json"]);
    let by_api = value(api::normalize(sample.as_ref(), &nb).unwrap());
    assert_eq!(by_cli["sha256"], by_api["sha256"]);
    assert_eq!(by_cli["file"], na.display().to_string());

    let spec = repo("archive/tests/vectors/sip-hoso/spec.json");
    let (za, zb) = (dir.path().join("a.zip"), dir.path().join("b.zip"));
    let by_cli = cli(&[
        "archive",
        "pack",
        &spec,
        "-o",
        za.to_str().unwrap(),
        "--json",
    ]);
    let by_api = value(api::archive_pack(spec.as_ref(), &zb, &api::PackArgs::default()).unwrap());
    assert_eq!(by_cli["sha256"], by_api["sha256"]);
    assert_eq!(by_cli["objid"], by_api["objid"]);
    let mut args = api::ArchiveCheckArgs::default();
    args.at = Some(at.into());
    assert_eq!(
        cli(&[
            "archive",
            "check",
            za.to_str().unwrap(),
            "--at",
            at,
            "--json"
        ]),
        value(api::archive_check(&za, &args).unwrap())
    );
}
