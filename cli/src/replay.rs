//! `vanthu replay EVENTS.json`: validates an agency's event log (the JSON
//! schema of `vanthu_workflow::EventLog`), prints the final state, the
//! violations and the deadlines.
//!
//! Exit codes: 0 conformant (no finding is an error: no event refused, no
//! deadline missed); 1 not conformant; 2 unreadable (not JSON, not
//! the schema, years outside 1900–2100).

use std::path::PathBuf;

use clap::Args;
use vanthu_workflow::calendar::vietnam_time;
use vanthu_workflow::monitor::ReplayReport;

use crate::output::{open_input, print_json};
use crate::{CliError, Outcome};

/// Arguments of `vanthu replay`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 conformant log; 1 not conformant (refused events or missed deadlines); \
2 unreadable log. The JSON schema is in the vanthu-workflow README."
)]
pub(crate) struct ReplayArgs {
    /// The event log (JSON), or `-` for standard input.
    events: PathBuf,
    /// Judge deadlines at this instant (RFC 3339, YYYY-MM-DD, YYYY-MM-DDTHH:MM(:SS) or
    /// yyyy/MM/dd HH:mm:ss, Vietnam time unless an offset is given) instead of the last event's.
    #[arg(long = "as-of", value_name = "TIME")]
    as_of: Option<String>,
    /// The deadline policy of the agency.
    #[command(flatten)]
    policy: crate::calendar::PolicyArgs,
    /// Judge the log under these rules instead of the policy it carries:
    /// national (Nghị định 30/2020/NĐ-CP, Quyết định 28/2018/QĐ-TTg),
    /// ho-chi-minh-city, nam-dinh or quang-nam (docs/workflow.md).
    #[arg(long = "rules", value_name = "NAME")]
    rules: Option<vanthu::workflow::LocalRules>,
    /// The most documents the replay holds (default 100,000: about 3 KiB
    /// of memory each; docs/limits.md §5).
    #[arg(long, value_name = "N")]
    max_documents: Option<u64>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn replay(args: ReplayArgs) -> Result<Outcome, CliError> {
    let (next_day, same_day) = args.policy.policy();
    let mut replay = vanthu::api::ReplayArgs::default();
    replay.as_of.clone_from(&args.as_of);
    replay.rules = args.rules.map(|r| r.to_string());
    replay.next_day = next_day;
    replay.same_day = same_day;
    replay.max_documents = args.max_documents;
    if let Some(as_of) = &args.as_of {
        // Checked first, so that the message names the option.
        crate::signature::parse_time(as_of).map_err(|e| CliError::new(format!("--as-of: {e}")))?;
    }
    // Read as a stream: memory holds the office, not the log
    // (docs/limits.md §5).
    let input = open_input(&args.events)?;
    let out = vanthu::api::replay_stream(input, &replay)
        .map_err(|e| CliError::new(format!("{}: {}", args.events.display(), e.message)))?;
    let report = out.report;
    if args.json {
        print_json(&report)?;
    } else {
        print_human(out.events, &report);
    }
    Ok(Outcome::from_valid(report.conformant))
}

fn print_human(events: u64, report: &ReplayReport) {
    let state = &report.state;
    out!(
        "agency {}: {} events, {} incoming, {} outgoing",
        state.agency(),
        events,
        state.incoming_documents().count(),
        state.outgoing_documents().count()
    );
    if let Some(at) = report.as_of {
        out!("as of {}", vietnam_time(&at).to_rfc3339());
    }
    let policy = state.policy();
    if !policy.is_national() {
        out!(
            "policy: clerk routes directly: {}; recall may be refused: {}",
            if policy.clerk_routes { "yes" } else { "no" },
            if policy.recall_refusal == vanthu::workflow::RecallRefusal::Allowed {
                "yes"
            } else {
                "no"
            }
        );
    }
    for doc in state.incoming_documents() {
        let number = doc
            .registration
            .as_ref()
            .map(|r| format!(" no. {}/{}", r.number_text(), r.year))
            .unwrap_or_default();
        let duplicate = if doc.duplicate_of.is_empty() {
            String::new()
        } else {
            let cases: Vec<&str> = doc.duplicate_of.iter().map(|c| c.as_str()).collect();
            format!(
                " (may duplicate / có thể trùng {}: Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 9 khoản 3)",
                cases.join(", ")
            )
        };
        out!(
            "  incoming {} {}{number}{duplicate}",
            doc.case,
            doc.status.as_str()
        );
    }
    for doc in state.outgoing_documents() {
        let number = doc
            .number_and_symbol()
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        out!("  outgoing {} {}{}", doc.case, doc.status.as_str(), number);
        for d in &doc.deliveries {
            out!("    to {} {}", d.to, d.state.as_str());
        }
    }
    out!("findings: {}", report.findings.len());
    for f in &report.findings {
        out!("  {f} [{}]", f.source);
    }
    out!("missed deadlines: {}", report.missed_deadlines.len());
    for m in &report.missed_deadlines {
        let done = m.done_at.map_or_else(
            || "not done".to_owned(),
            |d| format!("done {}", vietnam_time(&d).to_rfc3339()),
        );
        out!(
            "  {} {} due {} ({done})",
            m.case,
            m.kind.as_str(),
            vietnam_time(&m.due).to_rfc3339()
        );
    }
    out!("pending deadlines: {}", report.pending_deadlines.len());
    for p in &report.pending_deadlines {
        let who = p
            .assignee
            .as_ref()
            .map(|a| format!(" for {a}"))
            .or_else(|| p.recipient.map(|r| format!(" recipient {r}")))
            .unwrap_or_default();
        let from = p
            .from
            .map(|f| format!(" from {}", vietnam_time(&f).to_rfc3339()))
            .unwrap_or_default();
        out!(
            "  {} {}{who}{from} due {}",
            p.case,
            p.kind.as_str(),
            vietnam_time(&p.due).to_rfc3339()
        );
    }
    out!(
        "{}",
        if report.conformant {
            "conformant"
        } else {
            "NOT CONFORMANT"
        }
    );
}
