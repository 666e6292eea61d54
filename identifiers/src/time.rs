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
