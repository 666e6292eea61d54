//! Scenario tests, one per rule, each named after the text and article it
//! enforces (the texts are described in `docs/workflow.md`), grouped by job.

use vanthu_workflow::calendar::WorkingCalendar;

mod accounts;
mod changes;
mod incoming;
mod outgoing;
mod policy;
mod registers;

pub(super) fn calendar() -> WorkingCalendar {
    WorkingCalendar::vietnam(2024..=2027).unwrap()
}
