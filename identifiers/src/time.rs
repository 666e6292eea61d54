//! Vietnam time: the one offset every vanthu crate uses.

use chrono::FixedOffset;

/// Vietnam time, UTC+07:00, all year (no daylight saving). Every instant
/// vanthu writes is in this offset; every "date in Vietnam" is taken in it.
///
/// ```
/// assert_eq!(vanthu_identifiers::VIETNAM.local_minus_utc(), 7 * 3600);
/// ```
pub const VIETNAM: FixedOffset = match FixedOffset::east_opt(7 * 3600) {
    Some(offset) => offset,
    // 7 hours is within ±24 hours: this arm is never taken (evaluated at
    // compile time, so it cannot fail at run time either).
    None => match FixedOffset::east_opt(0) {
        Some(utc) => utc,
        None => unreachable!(),
    },
};

/// A part of an instant as [`parse_instant`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeField {
    /// The year, four digits, 1–9999.
    Year,
    /// The month, 1–12.
    Month,
    /// The day, 1 to the length of the month.
    Day,
    /// The hour, 0–23.
    Hour,
    /// The minute, 0–59.
    Minute,
    /// The second, 0–59 (no leap second: Vietnam's civil time has none to
    /// write, and a deadline never falls on one).
    Second,
    /// The fraction of a second, at most nine digits.
    Fraction,
    /// The offset from UTC, `Z` or `±HH:MM` (hours 0–23, minutes 0–59).
    Offset,
    /// What follows the instant: nothing may.
    End,
}

impl TimeField {
    /// The field's name in English.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
            Self::Hour => "hour",
            Self::Minute => "minute",
            Self::Second => "second",
            Self::Fraction => "fraction of a second",
            Self::Offset => "offset",
            Self::End => "end of the time",
        }
    }
}

/// An instant [`parse_instant`] cannot read: which field, where (byte
/// offset in the input), and the value when it was read but is out of range.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{}", describe(*.field, *.offset, *.value))]
#[non_exhaustive]
pub struct TimeError {
    /// The field that is malformed or out of range.
    pub field: TimeField,
    /// Its byte offset in the input.
    pub offset: usize,
    /// The value read, when it is out of range; `None` when the field is
    /// missing or malformed.
    pub value: Option<u32>,
}

fn describe(field: TimeField, offset: usize, value: Option<u32>) -> String {
    let name = field.as_str();
    match (field, value) {
        (TimeField::End, _) => format!("unexpected text at byte {offset}"),
        (_, Some(v)) => {
            let range = match field {
                TimeField::Year => "1–9999",
                TimeField::Month => "1–12",
                TimeField::Day => "1 to the days of the month",
                TimeField::Hour => "0–23",
                TimeField::Minute | TimeField::Second => "0–59",
                TimeField::Offset => "hours 0–23, minutes 0–59",
                _ => "its range",
            };
            format!("{name} {v} at byte {offset} is out of range ({range})")
        }
        (_, None) => format!("expected the {name} at byte {offset}"),
    }
}

/// Reads an instant strictly: `YYYY-MM-DD` or `YYYY/MM/DD`, optionally
/// followed (after `T` or a space) by `HH:MM`, `:SS`, a fraction `.fff` and
/// an offset (`Z`, `+07:00`). Without an offset the time is Vietnam time
/// ([`VIETNAM`]); without a time it is midnight. Every field is checked
/// against its range — second 60, hour 24, 31 April are refused — and the
/// error says which field and at which byte.
///
/// ```
/// use vanthu_identifiers::{TimeField, parse_instant};
/// let t = parse_instant("2025-06-05T09:30:15+07:00").unwrap();
/// assert_eq!(t.to_rfc3339(), "2025-06-05T09:30:15+07:00");
/// assert_eq!(parse_instant("2025/06/05 16:59").unwrap().to_rfc3339(), "2025-06-05T16:59:00+07:00");
/// let err = parse_instant("2025-06-05T09:30:60").unwrap_err();
/// assert_eq!((err.field, err.offset, err.value), (TimeField::Second, 17, Some(60)));
/// assert_eq!(err.to_string(), "second 60 at byte 17 is out of range (0–59)");
/// assert_eq!(parse_instant("2025-04-31").unwrap_err().field, TimeField::Day);
/// ```
///
/// # Errors
/// A [`TimeError`] naming the first field that is missing, malformed or
/// out of range.
pub fn parse_instant(text: &str) -> Result<chrono::DateTime<FixedOffset>, TimeError> {
    let mut p = Cursor {
        bytes: text.as_bytes(),
        at: 0,
    };
    let (year_at, year) = p.digits(TimeField::Year, 4, 4)?;
    let sep = p.peek();
    if sep != Some(b'-') && sep != Some(b'/') {
        return Err(p.missing(TimeField::Month));
    }
    p.at += 1;
    let (month_at, month) = p.digits(TimeField::Month, 1, 2)?;
    if !p.eat(sep.unwrap_or(b'-')) {
        return Err(p.missing(TimeField::Day));
    }
    let (day_at, day) = p.digits(TimeField::Day, 1, 2)?;
    range(TimeField::Year, year_at, year, 1, 9999)?;
    range(TimeField::Month, month_at, month, 1, 12)?;
    let date = i32::try_from(year)
        .ok()
        .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, month, day))
        .ok_or(TimeError {
            field: TimeField::Day,
            offset: day_at,
            value: Some(day),
        })?;
    let (mut h, mut m, mut s, mut nanos) = (0, 0, 0, 0);
    if matches!(p.peek(), Some(b'T' | b't' | b' ')) {
        p.at += 1;
        let (at, hour) = p.digits(TimeField::Hour, 1, 2)?;
        h = range(TimeField::Hour, at, hour, 0, 23)?;
        if !p.eat(b':') {
            return Err(p.missing(TimeField::Minute));
        }
        let (at, minute) = p.digits(TimeField::Minute, 1, 2)?;
        m = range(TimeField::Minute, at, minute, 0, 59)?;
        if p.eat(b':') {
            let (at, second) = p.digits(TimeField::Second, 1, 2)?;
            s = range(TimeField::Second, at, second, 0, 59)?;
            if p.eat(b'.') || p.eat(b',') {
                let (at, digits) = p.run();
                if digits.is_empty() || digits.len() > 9 {
                    return Err(TimeError {
                        field: TimeField::Fraction,
                        offset: at,
                        value: None,
                    });
                }
                let scale = 10u32.pow(9 - digits.len() as u32);
                nanos = digits
                    .bytes()
                    .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
                    * scale;
            }
        }
    }
    let offset = match p.peek() {
        None => VIETNAM,
        Some(b'Z' | b'z') => {
            p.at += 1;
            FixedOffset::east_opt(0).unwrap_or(VIETNAM)
        }
        Some(sign @ (b'+' | b'-')) => {
            let start = p.at;
            p.at += 1;
            let (at, oh) = p.digits(TimeField::Offset, 2, 2)?;
            range(TimeField::Offset, at, oh, 0, 23)?;
            p.eat(b':');
            let (at, om) = p.digits(TimeField::Offset, 2, 2)?;
            range(TimeField::Offset, at, om, 0, 59)?;
            let secs = i32::try_from(oh * 3600 + om * 60).unwrap_or(0);
            FixedOffset::east_opt(if sign == b'-' { -secs } else { secs }).ok_or(TimeError {
                field: TimeField::Offset,
                offset: start,
                value: None,
            })?
        }
        Some(_) => return Err(p.missing(TimeField::End)),
    };
    if p.peek().is_some() {
        return Err(p.missing(TimeField::End));
    }
    let local = date
        .and_hms_nano_opt(h, m, s, nanos)
        .ok_or(p.missing(TimeField::Fraction))?;
    chrono::TimeZone::from_local_datetime(&offset, &local)
        .single()
        .ok_or(TimeError {
            field: TimeField::Offset,
            offset: p.at,
            value: None,
        })
}

fn range(
    field: TimeField,
    offset: usize,
    value: u32,
    min: u32,
    max: u32,
) -> Result<u32, TimeError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(TimeError {
            field,
            offset,
            value: Some(value),
        })
    }
}

/// The reading position of [`parse_instant`].
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.at += 1;
        }
        hit
    }

    fn missing(&self, field: TimeField) -> TimeError {
        TimeError {
            field,
            offset: self.at,
            value: None,
        }
    }

    /// The ASCII digits from here, and where they start.
    fn run(&mut self) -> (usize, &'a str) {
        let start = self.at;
        let rest = self.bytes.get(start..).unwrap_or_default();
        let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        self.at += n;
        let digits = rest.get(..n).unwrap_or_default();
        (start, std::str::from_utf8(digits).unwrap_or_default())
    }

    /// `min` to `max` digits of `field` as a number, and where they start.
    fn digits(
        &mut self,
        field: TimeField,
        min: usize,
        max: usize,
    ) -> Result<(usize, u32), TimeError> {
        let (start, digits) = self.run();
        if digits.len() < min || digits.len() > max {
            return Err(TimeError {
                field,
                offset: start,
                value: None,
            });
        }
        let value = digits.parse().map_err(|_| TimeError {
            field,
            offset: start,
            value: None,
        })?;
        Ok((start, value))
    }
}
