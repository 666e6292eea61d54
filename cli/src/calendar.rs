//! `vanthu lunar`, `vanthu calendar`, `vanthu due`: the Vietnamese working calendar.
//!
//! Exit codes: 0 on success; 2 for a malformed or out-of-range date, time or year
//! (1900–2100); 1 for a well-formed lunar date that does not exist in that year
//! (a leap month the year lacks, or day 30 of a 29-day month).

use chrono::{Datelike, NaiveDate};
use clap::{Args, ValueEnum};
use vanthu::api::{self, ApiError, ApiErrorKind};
use vanthu_workflow::calendar::LunarDate;

use crate::output::print_json;
use crate::{CliError, Outcome};

/// Arguments of `vanthu lunar`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 converted; 1 the lunar date does not exist that year \
(e.g. a leap month the year lacks); 2 malformed or out-of-range input (1900–2100)."
)]
pub(crate) struct LunarArgs {
    /// Solar date to convert, YYYY-MM-DD (or D/M/YYYY).
    #[arg(required_unless_present = "to_solar", conflicts_with = "to_solar")]
    date: Option<String>,
    /// Convert this lunar date, D/M/YYYY, to a solar date instead.
    #[arg(long = "to-solar", value_name = "D/M/YYYY")]
    to_solar: Option<String>,
    /// With --to-solar: the day is in the leap month (tháng nhuận).
    #[arg(long, requires = "to_solar")]
    leap: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Arguments of `vanthu calendar`.
#[derive(Debug, Args)]
pub(crate) struct CalendarArgs {
    /// The year, 1900–2100.
    year: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// The deadline rule of `vanthu due`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Rule {
    /// Issue on the signing day, at the latest the next working day (its
    /// morning with `--next-day morning`).
    Issue,
    /// Acknowledge receipt the same working day.
    Acknowledge,
    /// Chase a document not received after 3–4 working days.
    NotReceived,
}

/// Arguments of `vanthu due`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["working_days", "rule"])))]
pub(crate) struct DueArgs {
    /// Start instant: RFC 3339, YYYY-MM-DD, YYYY-MM-DDTHH:MM(:SS) or yyyy/MM/dd HH:mm:ss
    /// (Vietnam time unless an offset is given).
    #[arg(long, value_name = "TIME")]
    from: String,
    /// Deadline after N working days (end of working hours of the N-th working day).
    #[arg(long, value_name = "N")]
    working_days: Option<u32>,
    /// A deadline rule instead of a number of days.
    #[arg(long, value_enum)]
    rule: Option<Rule>,
    /// The document is urgent (issue and acknowledge rules: immediately, within 2 hours).
    #[arg(long, requires = "rule")]
    urgent: bool,
    /// The deadline policy of the agency.
    #[command(flatten)]
    policy: PolicyArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Where "the next working day" of the issue rule ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum NextDay {
    /// The end of its morning (Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 5 khoản 2).
    Morning,
    /// The end of its working hours (Nghị định 30/2020/NĐ-CP Điều 18 khoản 1).
    Day,
}

/// Where "the same day" of the acknowledge rule ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SameDay {
    /// Midnight ("trong ngày").
    Midnight,
    /// The end of office hours.
    OfficeHours,
}

/// The agency's deadline policy, shared by `due` and `replay`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct PolicyArgs {
    /// Where "the next working day" of the issue rule ends.
    #[arg(long = "next-day", value_enum, default_value = "day")]
    next_day: NextDay,
    /// Where "the same day" of the acknowledge rule ends.
    #[arg(long = "same-day", value_enum, default_value = "midnight")]
    same_day: SameDay,
}

impl PolicyArgs {
    /// The facade's policy arguments.
    pub(crate) fn policy(&self) -> (api::NextDay, api::SameDay) {
        (
            match self.next_day {
                NextDay::Morning => api::NextDay::Morning,
                NextDay::Day => api::NextDay::Day,
            },
            match self.same_day {
                SameDay::Midnight => api::SameDay::Midnight,
                SameDay::OfficeHours => api::SameDay::OfficeHours,
            },
        )
    }
}

fn usage(e: ApiError) -> CliError {
    CliError::new(e.message)
}

/// What `vanthu lunar --json` prints for a lunar date that does not exist.
#[derive(Debug, serde::Serialize)]
struct NoSuchDate {
    error: String,
}

/// The lunar date of a conversion, for the text output.
fn lunar_date(c: &api::LunarConversion) -> Result<LunarDate, CliError> {
    LunarDate::new(c.lunar.year, c.lunar.month, c.lunar.day, c.lunar.leap)
        .map_err(|e| CliError::new(e.to_string()))
}

/// `vanthu lunar`.
pub(crate) fn lunar(args: LunarArgs) -> Result<Outcome, CliError> {
    if let Some(text) = &args.to_solar {
        let conversion = match api::lunar_to_solar(text, args.leap) {
            Ok(c) => c,
            Err(e) if e.kind == ApiErrorKind::NoSuchDate => {
                // Well-formed but absent from that year's calendar: not valid, exit 1.
                eprintln!("vanthu: {}", e.message);
                if args.json {
                    print_json(&NoSuchDate { error: e.message })?;
                }
                return Ok(Outcome::from_valid(false));
            }
            Err(e) => return Err(usage(e)),
        };
        if args.json {
            print_json(&conversion)?;
        } else {
            out!(
                "{} (âm lịch) = {} (dương lịch)",
                lunar_date(&conversion)?,
                conversion.solar
            );
        }
        return Ok(Outcome::Valid);
    }
    let text = args
        .date
        .as_deref()
        .ok_or_else(|| CliError::new("a DATE or --to-solar is required"))?;
    let conversion = api::lunar(text).map_err(usage)?;
    if args.json {
        print_json(&conversion)?;
    } else {
        out!(
            "{} (dương lịch) = {} (âm lịch), năm {}",
            conversion.solar,
            lunar_date(&conversion)?,
            conversion.lunar.can_chi
        );
    }
    Ok(Outcome::Valid)
}

/// `vanthu calendar`.
pub(crate) fn calendar(args: CalendarArgs) -> Result<Outcome, CliError> {
    let year: i32 =
        args.year.trim().parse().map_err(|_| {
            CliError::new(format!("invalid year {:?}; expected 1900–2100", args.year))
        })?;
    let days = api::calendar(year).map_err(usage)?;
    if args.json {
        print_json(&days)?;
        return Ok(Outcome::Valid);
    }
    out!(
        "{year}: {} working days ({})",
        days.working_days,
        days.source
    );
    for d in &days.holidays {
        let mark = if d.estimated { " (estimated)" } else { "" };
        let weekday = NaiveDate::parse_from_str(&d.date, "%Y-%m-%d")
            .map(|date| date.weekday().to_string())
            .unwrap_or_default();
        out!("  {} {weekday}  {}{mark}", d.date, d.name);
    }
    for d in &days.swapped_working_days {
        out!("  {d} working day (swapped)");
    }
    Ok(Outcome::Valid)
}

/// `vanthu due`.
pub(crate) fn due(args: DueArgs) -> Result<Outcome, CliError> {
    let (next_day, same_day) = args.policy.policy();
    let mut due_args = api::DueArgs::default();
    due_args.working_days = args.working_days;
    due_args.rule = args.rule.map(|r| match r {
        Rule::Issue => api::DueRule::Issue,
        Rule::Acknowledge => api::DueRule::Acknowledge,
        Rule::NotReceived => api::DueRule::NotReceived,
    });
    due_args.urgent = args.urgent;
    due_args.next_day = next_day;
    due_args.same_day = same_day;
    let due = api::due(&args.from, &due_args).map_err(usage)?;
    if args.json {
        print_json(&due)?;
    } else {
        out!("{} from {}: due {}", due.rule, due.from, due.due);
    }
    Ok(Outcome::Valid)
}
