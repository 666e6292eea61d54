//! `vanthu lunar`, `vanthu calendar`, `vanthu due`: the Vietnamese working calendar.
//!
//! Exit codes: 0 on success; 2 for a malformed or out-of-range date, time or year
//! (1900–2100); 1 for a well-formed lunar date that does not exist in that year
//! (a leap month the year lacks, or day 30 of a 29-day month).

use std::ops::RangeInclusive;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use clap::{Args, ValueEnum};
use vanthu_workflow::calendar::{
    CalendarError, DayOff, DayOffKind, DeadlineRules, LunarDate, WorkingCalendar, vietnam_time,
};

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
    /// The deadline rules this policy gives.
    pub(crate) fn rules(&self) -> DeadlineRules {
        use vanthu::workflow::calendar::{NextDayBound, SameDayBound};
        DeadlineRules::default()
            .next_day_bound(match self.next_day {
                NextDay::Morning => NextDayBound::EndOfMorning,
                NextDay::Day => NextDayBound::EndOfDay,
            })
            .same_day_bound(match self.same_day {
                SameDay::Midnight => SameDayBound::EndOfCalendarDay,
                SameDay::OfficeHours => SameDayBound::EndOfWorkingHours,
            })
    }
}

fn usage(e: CalendarError) -> CliError {
    CliError::new(e.to_string())
}

fn parse_solar(text: &str) -> Result<NaiveDate, CliError> {
    let parsed = if text.contains('/') {
        NaiveDate::parse_from_str(text, "%d/%m/%Y")
    } else {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
    };
    parsed.map_err(|e| {
        CliError::new(format!(
            "invalid date {text:?} ({e}); expected YYYY-MM-DD or D/M/YYYY"
        ))
    })
}

fn parse_lunar(text: &str) -> Result<(i32, u8, u8), CliError> {
    let bad = || {
        CliError::new(format!(
            "invalid lunar date {text:?}; expected D/M/YYYY, day 1–30, month 1–12"
        ))
    };
    let mut parts = text.split('/');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let day: u8 = d.trim().parse().map_err(|_| bad())?;
    let month: u8 = m.trim().parse().map_err(|_| bad())?;
    let year: i32 = y.trim().parse().map_err(|_| bad())?;
    if !(1..=30).contains(&day) || !(1..=12).contains(&month) {
        return Err(bad());
    }
    Ok((year, month, day))
}

/// What `vanthu lunar --json` prints.
#[derive(Debug, serde::Serialize)]
struct LunarJson {
    /// The solar date, `YYYY-MM-DD`.
    solar: String,
    /// The same day in the Vietnamese lunar calendar.
    lunar: LunarParts,
}

/// A lunar date's parts.
#[derive(Debug, serde::Serialize)]
struct LunarParts {
    day: u8,
    month: u8,
    year: i32,
    leap: bool,
    can_chi: String,
}

fn lunar_json(solar: NaiveDate, lunar: &LunarDate) -> LunarJson {
    LunarJson {
        solar: solar.format("%Y-%m-%d").to_string(),
        lunar: LunarParts {
            day: lunar.day(),
            month: lunar.month(),
            year: lunar.year(),
            leap: lunar.is_leap(),
            can_chi: lunar.can_chi_year(),
        },
    }
}

/// What `vanthu lunar --json` prints for a lunar date that does not exist.
#[derive(Debug, serde::Serialize)]
struct NoSuchDate {
    error: String,
}

/// What `vanthu calendar --json` prints: one year.
#[derive(Debug, serde::Serialize)]
struct YearJson<'a> {
    year: i32,
    estimated: bool,
    source: &'a str,
    holidays: Vec<DayOffJson>,
    swapped_working_days: Vec<String>,
    working_days: u32,
}

/// One day off.
#[derive(Debug, serde::Serialize)]
struct DayOffJson {
    date: String,
    name: String,
    name_en: String,
    kind: &'static str,
    estimated: bool,
}

/// `vanthu lunar`.
pub(crate) fn lunar(args: LunarArgs) -> Result<Outcome, CliError> {
    if let Some(text) = &args.to_solar {
        let (year, month, day) = parse_lunar(text)?;
        if !(1900..=2100).contains(&year) {
            return Err(usage(CalendarError::LunarYearOutOfRange { year }));
        }
        let lunar = match LunarDate::new(year, month, day, args.leap) {
            Ok(lunar) => lunar,
            Err(e @ CalendarError::InvalidLunarDate { .. }) => {
                // Well-formed but absent from that year's calendar: not valid, exit 1.
                eprintln!("vanthu: {e}");
                if args.json {
                    print_json(&NoSuchDate {
                        error: e.to_string(),
                    })?;
                }
                return Ok(Outcome::from_valid(false));
            }
            Err(e) => return Err(usage(e)),
        };
        let solar = lunar.to_solar().map_err(usage)?;
        if args.json {
            print_json(&lunar_json(solar, &lunar))?;
        } else {
            out!(
                "{} (âm lịch) = {} (dương lịch)",
                lunar,
                solar.format("%Y-%m-%d")
            );
        }
        return Ok(Outcome::Valid);
    }
    let text = args
        .date
        .as_deref()
        .ok_or_else(|| CliError::new("a DATE or --to-solar is required"))?;
    let solar = parse_solar(text)?;
    let lunar = LunarDate::from_solar(solar).map_err(usage)?;
    if args.json {
        print_json(&lunar_json(solar, &lunar))?;
    } else {
        out!(
            "{} (dương lịch) = {} (âm lịch), năm {}",
            solar.format("%Y-%m-%d"),
            lunar,
            lunar.can_chi_year()
        );
    }
    Ok(Outcome::Valid)
}

fn kind_name(kind: &DayOffKind) -> &'static str {
    match kind {
        DayOffKind::Holiday(_) => "holiday",
        DayOffKind::Compensatory(_) => "compensatory",
        DayOffKind::Swapped { .. } => "swapped",
        _ => "other",
    }
}

/// `vanthu calendar`.
pub(crate) fn calendar(args: CalendarArgs) -> Result<Outcome, CliError> {
    let year: i32 =
        args.year.trim().parse().map_err(|_| {
            CliError::new(format!("invalid year {:?}; expected 1900–2100", args.year))
        })?;
    if !(1900..=2100).contains(&year) {
        return Err(usage(CalendarError::LunarYearOutOfRange { year }));
    }
    let calendar = WorkingCalendar::vietnam(year..=year).map_err(usage)?;
    let days = calendar.year(year).map_err(usage)?;
    let holidays: Vec<&DayOff> = days.days_off().collect();
    let swapped: Vec<String> = days
        .working_weekend_days()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect();
    if args.json {
        let holidays = holidays
            .iter()
            .map(|d| DayOffJson {
                date: d.date().format("%Y-%m-%d").to_string(),
                name: d.name_vi(),
                name_en: d.name_en(),
                kind: kind_name(d.kind()),
                estimated: d.is_estimated(),
            })
            .collect();
        print_json(&YearJson {
            year,
            estimated: days.is_estimated(),
            source: days.source(),
            holidays,
            swapped_working_days: swapped,
            working_days: days.working_days(),
        })?;
    } else {
        out!(
            "{year}: {} working days ({})",
            days.working_days(),
            days.source()
        );
        for d in &holidays {
            let mark = if d.is_estimated() { " (estimated)" } else { "" };
            out!(
                "  {} {}  {}{mark}",
                d.date().format("%Y-%m-%d"),
                d.date().weekday(),
                d.name_vi()
            );
        }
        for d in &swapped {
            out!("  {d} working day (swapped)");
        }
    }
    Ok(Outcome::Valid)
}

fn parse_instant(text: &str) -> Result<DateTime<FixedOffset>, CliError> {
    crate::signature::parse_time(text).map(|t| vietnam_time(&t))
}

/// The years a deadline computation may need: from the start to a margin after it.
fn years_for(from: NaiveDate, working_days: u32) -> Result<RangeInclusive<i32>, CliError> {
    let start = from.year();
    if !(1900..=2100).contains(&start) {
        return Err(usage(CalendarError::OutOfRange { date: from }));
    }
    let span = i32::try_from(working_days / 200)
        .unwrap_or(i32::MAX)
        .saturating_add(1);
    Ok(start..=start.saturating_add(span).min(2100))
}

/// What `vanthu due --json` prints.
#[derive(Debug, serde::Serialize)]
struct DueJson {
    from: String,
    rule: String,
    urgent: bool,
    due: String,
    /// Only for the not-received rule: from when to chase the sender.
    #[serde(skip_serializing_if = "Option::is_none")]
    chase_from: Option<String>,
}

/// `vanthu due`.
pub(crate) fn due(args: DueArgs) -> Result<Outcome, CliError> {
    // Printed in Vietnam time, whatever offset it was given with.
    let from = vanthu::workflow::calendar::vietnam_time(&parse_instant(&args.from)?);
    let rules = args.policy.rules();
    let n = args.working_days.unwrap_or(4);
    let calendar = WorkingCalendar::vietnam(years_for(from.date_naive(), n)?).map_err(usage)?;
    let mut chase_from = None;
    let (label, due) = match (args.working_days, args.rule) {
        (Some(n), _) => (
            format!("{n} working days"),
            rules.working_days_due(&calendar, &from, n),
        ),
        (None, Some(Rule::Issue)) => (
            "issue".to_owned(),
            rules.issue_due(&calendar, &from, args.urgent),
        ),
        (None, Some(Rule::Acknowledge)) => (
            "acknowledge".to_owned(),
            rules.acknowledge_due(&calendar, &from, args.urgent),
        ),
        (None, Some(Rule::NotReceived)) => {
            let window = rules.not_received(&calendar, &from).map_err(usage)?;
            chase_from = Some(window.chase_from.to_rfc3339());
            ("not-received".to_owned(), Ok(window.chase_by))
        }
        (None, None) => return Err(CliError::new("--working-days N or --rule is required")),
    };
    let due = due.map_err(usage)?;
    if args.json {
        print_json(&DueJson {
            from: from.to_rfc3339(),
            rule: label,
            urgent: args.urgent,
            due: due.to_rfc3339(),
            chase_from,
        })?;
    } else {
        out!(
            "{label} from {}: due {}",
            from.to_rfc3339(),
            due.to_rfc3339()
        );
    }
    Ok(Outcome::Valid)
}
