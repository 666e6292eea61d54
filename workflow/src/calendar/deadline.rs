//! Deadline arithmetic in Vietnam time (UTC+7, no daylight saving).
//!
//! Every input instant is converted to +07:00 first; every result is at +07:00.
//! The exact semantics chosen, with their sources:
//!
//! * **N working days** ([`DeadlineRules::working_days_due`]): the day of the
//!   starting instant is not counted, counting starts on the next day (Bộ luật Dân
//!   sự 2015 Điều 147 khoản 2: "the first day of the period is not counted"); the deadline
//!   is the end of working hours of the N-th working day after it. N = 0 means
//!   "the same working day", as for the acknowledge rule.
//! * **Issue** ([`DeadlineRules::issue_due`]): a document is issued the day it is
//!   signed, at the latest the next working day (Nghị định 30/2020/NĐ-CP Điều 18 khoản 1): the
//!   deadline is the end of working hours of the first working day after the signing day. The local
//!   rules say "at the latest the morning of the next working day" (Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 5 khoản 2
//!   and Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 6 khoản 2: "chậm nhất là trong buổi sáng của ngày làm việc tiếp theo");
//!   an agency under them chooses [`NextDayBound::EndOfMorning`]. Urgent documents: "immediately
//!   after signing" (Nghị định 30/2020/NĐ-CP Điều 18 khoản 1), i.e. the signing instant plus
//!   [`DeadlineRules::urgent_bound`], in wall-clock time.
//! * **Acknowledge** ([`DeadlineRules::acknowledge_due`]): the receiver notifies the
//!   sender the same day (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 1 điểm c; Nghị định 30/2020/NĐ-CP Điều 21 khoản 2 điểm c). Received on a
//!   working day before the end of working hours: that day; otherwise the next
//!   working day. The day ends at midnight ("trong ngày"), or at the end of
//!   working hours under [`SameDayBound::EndOfWorkingHours`]. Urgent: the
//!   receiving instant plus the urgent bound.
//! * **Not received** ([`DeadlineRules::not_received`]): documents not received
//!   within 3–4 working days are chased (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 16 khoản 8): the window runs from
//!   3 to 4 working days after sending.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeDelta, TimeZone};

use super::CalendarError;
use super::working::{WorkingCalendar, WorkingHours};

fn vietnam_offset() -> FixedOffset {
    vanthu_identifiers::VIETNAM
}

/// The same instant in Vietnam time (+07:00).
pub fn vietnam_time<Tz: TimeZone>(instant: &DateTime<Tz>) -> DateTime<FixedOffset> {
    instant.with_timezone(&vietnam_offset())
}

fn at(date: NaiveDate, time: NaiveTime) -> Result<DateTime<FixedOffset>, CalendarError> {
    date.and_time(time)
        .and_local_timezone(vietnam_offset())
        .single()
        .ok_or(CalendarError::Overflow)
}

/// Where "at the latest the next working day" ends.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum NextDayBound {
    /// The end of the morning session (the local rules' "buổi sáng của ngày làm việc tiếp theo").
    EndOfMorning,
    /// The end of working hours (Nghị định 30/2020/NĐ-CP Điều 18 khoản 1's "ngày làm việc tiếp theo"):
    /// the national text, the default.
    #[default]
    EndOfDay,
}

/// Where "the same day" of the acknowledge rule ends.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum SameDayBound {
    /// The end of the calendar day (23:59:59): the texts say "trong ngày",
    /// so a document received at 16:59 and acknowledged at 17:01 the same
    /// day is on time.
    #[default]
    EndOfCalendarDay,
    /// The end of working hours that day: a stricter agency policy.
    EndOfWorkingHours,
}

/// The window in which a sent document that has not been received is chased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct NotReceivedWindow {
    /// From this instant (3 working days after sending) the document may be chased.
    pub chase_from: DateTime<FixedOffset>,
    /// By this instant (4 working days after sending) it must be chased.
    pub chase_by: DateTime<FixedOffset>,
}

/// How deadlines are computed: working hours, the next-day bound and the urgent bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DeadlineRules {
    /// The agency's working hours.
    pub hours: WorkingHours,
    /// Where the "next working day" of the issue rule ends.
    pub next_day_bound: NextDayBound,
    /// Where "the same day" of the acknowledge rule ends.
    pub same_day_bound: SameDayBound,
    /// What "immediately" allows for urgent documents (default 2 hours, a vanthu
    /// choice: the regulations give no figure).
    pub urgent_bound: TimeDelta,
}

impl Default for DeadlineRules {
    fn default() -> Self {
        Self {
            hours: WorkingHours::default(),
            next_day_bound: NextDayBound::default(),
            same_day_bound: SameDayBound::default(),
            urgent_bound: TimeDelta::hours(2),
        }
    }
}

impl DeadlineRules {
    /// The default rules with other working hours.
    pub fn with_hours(hours: WorkingHours) -> Self {
        Self {
            hours,
            ..Self::default()
        }
    }

    /// This value with another next-day bound.
    #[must_use]
    pub fn next_day_bound(mut self, bound: NextDayBound) -> Self {
        self.next_day_bound = bound;
        self
    }

    /// This value with another same-day bound.
    #[must_use]
    pub fn same_day_bound(mut self, bound: SameDayBound) -> Self {
        self.same_day_bound = bound;
        self
    }

    /// This value with another urgent bound.
    #[must_use]
    pub fn urgent_bound(mut self, bound: TimeDelta) -> Self {
        self.urgent_bound = bound;
        self
    }

    fn end_of_day(&self, date: NaiveDate) -> Result<DateTime<FixedOffset>, CalendarError> {
        at(date, self.hours.afternoon_end())
    }

    fn urgent<Tz: TimeZone>(
        &self,
        instant: &DateTime<Tz>,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        vietnam_time(instant)
            .checked_add_signed(self.urgent_bound)
            .ok_or(CalendarError::Overflow)
    }

    /// The end of the `n`-th working day after the day of `from` (see the module docs).
    ///
    /// # Errors
    /// [`CalendarError::YearNotCovered`] when the count leaves the calendar's years.
    pub fn working_days_due<Tz: TimeZone>(
        &self,
        calendar: &WorkingCalendar,
        from: &DateTime<Tz>,
        n: u32,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        if n == 0 {
            return self.acknowledge_due(calendar, from, false);
        }
        let day = vietnam_time(from).date_naive();
        self.end_of_day(calendar.add_working_days(day, n)?)
    }

    /// When a document signed at `signed_at` must be issued at the latest (Nghị định 30/2020/NĐ-CP Điều 18 khoản 1).
    ///
    /// # Errors
    /// [`CalendarError::YearNotCovered`] when the next working day leaves the calendar's years.
    pub fn issue_due<Tz: TimeZone>(
        &self,
        calendar: &WorkingCalendar,
        signed_at: &DateTime<Tz>,
        urgent: bool,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        if urgent {
            return self.urgent(signed_at);
        }
        let next = calendar.next_working_day(vietnam_time(signed_at).date_naive())?;
        match self.next_day_bound {
            NextDayBound::EndOfMorning => at(next, self.hours.morning_end()),
            NextDayBound::EndOfDay => self.end_of_day(next),
        }
    }

    /// When the receipt of a document received at `received_at` must be acknowledged
    /// (Nghị định 30/2020/NĐ-CP Điều 21 khoản 2 điểm c: the same day).
    ///
    /// # Errors
    /// [`CalendarError::YearNotCovered`] when the next working day leaves the calendar's years.
    pub fn acknowledge_due<Tz: TimeZone>(
        &self,
        calendar: &WorkingCalendar,
        received_at: &DateTime<Tz>,
        urgent: bool,
    ) -> Result<DateTime<FixedOffset>, CalendarError> {
        if urgent {
            return self.urgent(received_at);
        }
        let local = vietnam_time(received_at);
        let received = local.date_naive();
        let day = if calendar.is_working_day(received)? && local.time() < self.hours.afternoon_end()
        {
            received
        } else {
            calendar.next_working_day(received)?
        };
        match self.same_day_bound {
            SameDayBound::EndOfCalendarDay => at(
                day,
                NaiveTime::from_hms_opt(23, 59, 59).ok_or(CalendarError::Overflow)?,
            ),
            SameDayBound::EndOfWorkingHours => self.end_of_day(day),
        }
    }

    /// When a document sent at `sent_at` and not yet received is chased (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 16 khoản 8).
    ///
    /// # Errors
    /// [`CalendarError::YearNotCovered`] when the count leaves the calendar's years.
    pub fn not_received<Tz: TimeZone>(
        &self,
        calendar: &WorkingCalendar,
        sent_at: &DateTime<Tz>,
    ) -> Result<NotReceivedWindow, CalendarError> {
        Ok(NotReceivedWindow {
            chase_from: self.working_days_due(calendar, sent_at, 3)?,
            chase_by: self.working_days_due(calendar, sent_at, 4)?,
        })
    }
}
