//! Reading an event log as a stream: the JSON of [`EventLog`](crate::EventLog) read one
//! event at a time, so that memory does not grow with the size of the log
//! (`vanthu docs/limits.md §5`).

use std::cell::Cell;
use std::io::Read;
use std::rc::Rc;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use vanthu_identifiers::AgencyId;

use crate::policy::Policy;
use crate::state::LogEntry;

/// The limits of [`read_log`]. A log over one of them is not read: the
/// reader returns [`LogReadError::Limit`] with the byte offset where the
/// limit was crossed.
///
/// ```
/// let limits = vanthu_workflow::LogLimits::default();
/// assert_eq!(limits.max_events, 10_000_000);
/// assert_eq!(limits.max_event_bytes, 1024 * 1024);
/// assert_eq!(limits.max_documents, 100_000);
/// assert_eq!(limits.reorder_window, 4_096);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct LogLimits {
    /// Events in one log (default 10,000,000).
    pub max_events: u64,
    /// Bytes of the JSON of one event (default 1 MiB).
    pub max_event_bytes: u64,
    /// Documents (incoming and outgoing cases) a replay holds, default
    /// 100,000: the office is what a replay keeps in memory, a few KiB per
    /// document ([`ReplaySink`]).
    pub max_documents: u64,
    /// Events held to put back in time order
    /// ([`LenientReplay`](crate::LenientReplay)), default 4,096.
    pub reorder_window: usize,
}

impl Default for LogLimits {
    fn default() -> Self {
        Self {
            max_events: 10_000_000,
            max_event_bytes: 1024 * 1024,
            max_documents: 100_000,
            reorder_window: 4_096,
        }
    }
}

impl LogLimits {
    /// These limits with at most `max` events.
    #[must_use]
    pub fn max_events(mut self, max: u64) -> Self {
        self.max_events = max;
        self
    }

    /// These limits with at most `max` documents in a replay.
    #[must_use]
    pub fn max_documents(mut self, max: u64) -> Self {
        self.max_documents = max;
        self
    }

    /// These limits with at most `max` bytes of JSON per event.
    #[must_use]
    pub fn max_event_bytes(mut self, max: u64) -> Self {
        self.max_event_bytes = max;
        self
    }
}

/// Why [`read_log`] stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LogReadError {
    /// The text is not JSON, or not the schema of [`EventLog`](crate::EventLog).
    #[error("not an event log: {message} (byte {offset})")]
    Json {
        /// Byte offset in the input.
        offset: u64,
        /// What the JSON reader said.
        message: String,
    },
    /// A limit of [`LogLimits`] was crossed.
    #[error("limit exceeded: {limit} (at most {max}) at byte {offset}")]
    Limit {
        /// `events`, `bytes of one event` or `documents`.
        limit: &'static str,
        /// The limit.
        max: u64,
        /// Byte offset in the input where it was crossed (for `events`, where
        /// the event over the limit starts).
        offset: u64,
    },
    /// Reading the input failed.
    #[error("I/O error: {0}")]
    Io(std::io::Error),
}

/// What [`read_log`] hands each part of the log to.
pub trait LogSink {
    /// The agency and policy, before any event.
    fn header(&mut self, agency: AgencyId, policy: Policy);
    /// The event at `index` (from 0), in log order.
    ///
    /// # Errors
    /// [`SinkFull`] stops the reading: the sink holds as much as it may.
    fn entry(&mut self, index: usize, entry: LogEntry) -> Result<(), SinkFull>;

    /// The end of the events: the sink finishes what it holds.
    ///
    /// # Errors
    /// [`SinkFull`] as for [`entry`](Self::entry).
    fn end(&mut self) -> Result<(), SinkFull> {
        Ok(())
    }
}

/// A [`LogSink`] that cannot take more: [`read_log`] stops with
/// [`LogReadError::Limit`] at the start of the event it refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SinkFull {
    /// Which limit, e.g. `documents`.
    pub limit: &'static str,
    /// The limit.
    pub max: u64,
}

/// Reads the JSON of an [`EventLog`](crate::EventLog) from `input`, handing the header and
/// then each event to `sink` as it is read: memory holds one event at a
/// time. When `events` comes before `agency` in the object (vanthu writes
/// `agency` first), the events are held until the agency is read.
///
/// Returns the number of events.
///
/// ```
/// use vanthu_workflow::{LogLimits, LogReadError, ReplaySink, read_log};
/// let json = r#"{"agency": "000.00.15.H47", "events": [
///   {"at": "2025-03-03T07:00:00+07:00", "type": "actor_added", "actor": {"id": "clerk", "name": "Văn Thư", "roles": ["clerk"]}}
/// ]}"#;
/// let mut sink = ReplaySink::new(None, None, 1024);
/// let events = read_log(json.as_bytes(), &LogLimits::default(), &mut sink)?;
/// assert_eq!(events, 1);
/// let (office, findings) = sink.finish().expect("the agency was read");
/// assert!(findings.is_empty());
/// assert_eq!(office.agency().to_string(), "000.00.15.H47");
///
/// // A log longer than a limit stops with the limit and where it was crossed.
/// let mut sink = ReplaySink::new(None, None, 1024);
/// let err = read_log(json.as_bytes(), &LogLimits::default().max_events(0), &mut sink).unwrap_err();
/// assert!(matches!(err, LogReadError::Limit { limit: "events", max: 0, .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`LogReadError`]: not JSON or not the schema, a limit, or I/O.
pub fn read_log(
    input: impl Read,
    limits: &LogLimits,
    sink: &mut dyn LogSink,
) -> Result<u64, LogReadError> {
    let read = Rc::new(Cell::new(0u64));
    let mark = Rc::new(Cell::new(0u64));
    let counted = Counted {
        inner: std::io::BufReader::with_capacity(64 * 1024, input),
        read: Rc::clone(&read),
        mark: Rc::clone(&mark),
        max_between_marks: limits.max_event_bytes,
    };
    let mut de = serde_json::Deserializer::from_reader(counted);
    let mut events = 0u64;
    let mut full: Option<SinkFull> = None;
    let seed = LogSeed {
        limits,
        sink,
        events: &mut events,
        full: &mut full,
        read: &read,
        mark: &mark,
    };
    let result = seed
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| {
            if e.is_io() {
                let io: std::io::Error = e.into();
                match io
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<OverLimit>())
                {
                    Some(over) => LogReadError::Limit {
                        limit: "bytes of one event",
                        max: over.max,
                        offset: over.offset,
                    },
                    None => LogReadError::Io(io),
                }
            } else if let Some(f) = full {
                LogReadError::Limit {
                    limit: f.limit,
                    max: f.max,
                    offset: mark.get(),
                }
            } else {
                LogReadError::Json {
                    offset: read.get(),
                    message: e.to_string(),
                }
            }
        });
    result.map(|()| events)
}

/// A [`LogSink`] that replays the log leniently
/// ([`LenientReplay`](crate::LenientReplay)), under `policy` when given
/// instead of the log's own, up to `until`.
#[derive(Debug)]
pub struct ReplaySink {
    policy: Option<Policy>,
    until: Option<chrono::DateTime<chrono::FixedOffset>>,
    window: usize,
    max_documents: u64,
    replay: Option<crate::LenientReplay>,
    years: Option<(i32, i32)>,
}

impl ReplaySink {
    /// A sink replaying up to `until`, holding at most `window` events to
    /// put back in time order.
    pub fn new(
        policy: Option<Policy>,
        until: Option<chrono::DateTime<chrono::FixedOffset>>,
        window: usize,
    ) -> Self {
        Self {
            policy,
            until,
            window,
            max_documents: u64::MAX,
            replay: None,
            years: None,
        }
    }

    /// This sink refusing the event that would make the office hold more
    /// than `max` documents ([`LogLimits::max_documents`]).
    #[must_use]
    pub fn max_documents(mut self, max: u64) -> Self {
        self.max_documents = max;
        self
    }

    /// The first and last calendar years (Vietnam time) of the events read.
    pub fn years(&self) -> Option<(i32, i32)> {
        self.years
    }

    /// The office and the findings of the refused events; `None` when no
    /// header was read.
    pub fn finish(self) -> Option<(crate::Office, Vec<vanthu_identifiers::Finding>)> {
        self.replay.map(crate::LenientReplay::finish)
    }
}

impl LogSink for ReplaySink {
    fn header(&mut self, agency: AgencyId, policy: Policy) {
        let policy = self.policy.unwrap_or(policy);
        self.replay = Some(crate::LenientReplay::new(
            agency,
            policy,
            self.until,
            self.window,
        ));
    }

    fn entry(&mut self, index: usize, entry: LogEntry) -> Result<(), SinkFull> {
        use chrono::Datelike as _;
        let year = crate::calendar::vietnam_time(&entry.at).year();
        self.years = Some(match self.years {
            Some((a, b)) => (a.min(year), b.max(year)),
            None => (year, year),
        });
        if let Some(replay) = &mut self.replay {
            replay.push(index, entry);
        }
        self.full()
    }

    fn end(&mut self) -> Result<(), SinkFull> {
        if let Some(replay) = &mut self.replay {
            replay.flush();
        }
        self.full()
    }
}

impl ReplaySink {
    /// [`SinkFull`] when the office holds more than the documents allowed.
    fn full(&self) -> Result<(), SinkFull> {
        match &self.replay {
            Some(r) if r.office().document_count() as u64 > self.max_documents => Err(SinkFull {
                limit: "documents",
                max: self.max_documents,
            }),
            _ => Ok(()),
        }
    }
}

/// The error a [`Counted`] reader returns past its limit.
#[derive(Debug)]
struct OverLimit {
    max: u64,
    offset: u64,
}

impl std::fmt::Display for OverLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "more than {} bytes in one event", self.max)
    }
}

impl std::error::Error for OverLimit {}

/// A reader that counts its bytes and refuses to read more than
/// `max_between_marks` past the last mark (the start of the current event).
struct Counted<R> {
    inner: R,
    read: Rc<Cell<u64>>,
    mark: Rc<Cell<u64>>,
    max_between_marks: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.read.get();
        let room = self
            .mark
            .get()
            .saturating_add(self.max_between_marks)
            .saturating_sub(read);
        if room == 0 {
            return Err(std::io::Error::other(OverLimit {
                max: self.max_between_marks,
                offset: read,
            }));
        }
        let len = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        let n = self.inner.read(buf.get_mut(..len).unwrap_or_default())?;
        self.read.set(read.saturating_add(n as u64));
        Ok(n)
    }
}

/// The top-level object of the log.
struct LogSeed<'a> {
    limits: &'a LogLimits,
    sink: &'a mut dyn LogSink,
    events: &'a mut u64,
    full: &'a mut Option<SinkFull>,
    read: &'a Rc<Cell<u64>>,
    mark: &'a Rc<Cell<u64>>,
}

impl<'de> DeserializeSeed<'de> for LogSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LogSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an event log object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut agency: Option<AgencyId> = None;
        let mut policy: Option<Policy> = None;
        // Events read before the agency, handed over once it is known.
        let mut held: Option<Vec<LogEntry>> = None;
        let mut started = false;
        let mut seen_events = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "agency" => {
                    if agency.is_some() {
                        return Err(de::Error::duplicate_field("agency"));
                    }
                    agency = Some(map.next_value()?);
                }
                "policy" => {
                    if started {
                        return Err(de::Error::custom(
                            "`policy` must come before `events` when it follows `agency`",
                        ));
                    }
                    if policy.is_some() {
                        return Err(de::Error::duplicate_field("policy"));
                    }
                    policy = Some(map.next_value()?);
                }
                "events" => {
                    if seen_events {
                        return Err(de::Error::duplicate_field("events"));
                    }
                    seen_events = true;
                    if let Some(a) = agency {
                        self.sink.header(a, policy.unwrap_or_default());
                        started = true;
                        map.next_value_seed(EventsSeed {
                            limits: self.limits,
                            out: Out::Sink(&mut *self.sink),
                            events: &mut *self.events,
                            full: &mut *self.full,
                            read: self.read,
                            mark: self.mark,
                        })?;
                    } else {
                        let mut v = Vec::new();
                        map.next_value_seed(EventsSeed {
                            limits: self.limits,
                            out: Out::Hold(&mut v),
                            events: &mut *self.events,
                            full: &mut *self.full,
                            read: self.read,
                            mark: self.mark,
                        })?;
                        held = Some(v);
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let agency = agency.ok_or_else(|| de::Error::missing_field("agency"))?;
        if !seen_events {
            return Err(de::Error::missing_field("events"));
        }
        if let Some(held) = held {
            self.sink.header(agency, policy.unwrap_or_default());
            for (index, entry) in held.into_iter().enumerate() {
                if let Err(f) = self.sink.entry(index, entry) {
                    *self.full = Some(f);
                    return Err(de::Error::custom("the sink is full"));
                }
            }
        }
        self.sink.end().map_err(|f| {
            *self.full = Some(f);
            de::Error::custom("the sink is full")
        })
    }
}

enum Out<'a> {
    Sink(&'a mut dyn LogSink),
    Hold(&'a mut Vec<LogEntry>),
}

/// The `events` array, read one entry at a time.
struct EventsSeed<'a> {
    limits: &'a LogLimits,
    out: Out<'a>,
    events: &'a mut u64,
    full: &'a mut Option<SinkFull>,
    read: &'a Rc<Cell<u64>>,
    mark: &'a Rc<Cell<u64>>,
}

impl<'de> DeserializeSeed<'de> for EventsSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EventsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of events")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        loop {
            // The event's bytes count from here (the reader may have read a
            // buffer ahead: the limit is approximate by at most that).
            self.mark.set(self.read.get());
            let Some(entry) = seq.next_element::<LogEntry>()? else {
                break;
            };
            if *self.events >= self.limits.max_events {
                *self.full = Some(SinkFull {
                    limit: "events",
                    max: self.limits.max_events,
                });
                return Err(de::Error::custom("too many events"));
            }
            let index = usize::try_from(*self.events).unwrap_or(usize::MAX);
            *self.events = self.events.saturating_add(1);
            match &mut self.out {
                Out::Sink(sink) => {
                    if let Err(f) = sink.entry(index, entry) {
                        *self.full = Some(f);
                        return Err(de::Error::custom("the sink is full"));
                    }
                }
                Out::Hold(v) => v.push(entry),
            }
        }
        Ok(())
    }
}
