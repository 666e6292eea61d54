//! A small, bounded PDF object parser with byte-exact positions.
//!
//! Signature validation must know exactly which bytes hold `/ByteRange` and
//! the `/Contents` hex string, so this parser keeps the span of every string
//! and of every object. It limits nesting depth, the length of arrays and
//! dictionaries and the number of values it builds in all
//! ([`Limits`](crate::Limits)), and reports every error with a byte offset.
//!
//! It is linear in its input: a literal string that the input ends inside, or
//! a stream without `endstream`, is found once and remembered, so that the
//! objects after it are not scanned to the end of the file again.

use crate::error::{Error, ErrorKind};
use crate::limits::Limits;

/// Maximum nesting of arrays and dictionaries; real PDFs rarely exceed 10.
pub(crate) const MAX_DEPTH: usize = 64;

/// An object number and generation: `12 0 R`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct ObjectId {
    /// Object number.
    pub number: u32,
    /// Generation number.
    pub generation: u16,
}

impl std::fmt::Display for ObjectId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} R", self.number, self.generation)
    }
}

impl serde::Serialize for ObjectId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl std::str::FromStr for ObjectId {
    type Err = Error;

    /// Reads `12 0 R` (or `12 0`), the form [`Display`](std::fmt::Display) writes.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || {
            Error::new(ErrorKind::Structure(format!(
                "not an object reference: {s}"
            )))
        };
        let mut parts = s.split_ascii_whitespace();
        let number = parts.next().and_then(|n| n.parse().ok()).ok_or_else(bad)?;
        let generation = parts.next().and_then(|g| g.parse().ok()).ok_or_else(bad)?;
        match (parts.next(), parts.next()) {
            (Some("R") | None, None) => Ok(Self { number, generation }),
            _ => Err(bad()),
        }
    }
}

impl<'de> serde::Deserialize<'de> for ObjectId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// How a string was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StrKind {
    /// `( … )`
    Literal,
    /// `< … >`
    Hex,
}

/// A parsed PDF object. Spans are absolute byte offsets into the file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Obj {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    /// Decoded name bytes (without the slash, `#xx` resolved).
    Name(Vec<u8>),
    /// Decoded string bytes and the span of the token, delimiters included.
    Str {
        bytes: Vec<u8>,
        kind: StrKind,
        start: usize,
        end: usize,
    },
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(ObjectId),
    /// A stream: its dictionary and the span of its raw data.
    Stream {
        dict: Dict,
        data_start: usize,
        data_end: usize,
    },
}

/// A dictionary: keys in file order. Duplicate keys are kept so that callers
/// can refuse them (a classic way to make two readers see two values).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Dict {
    pub(crate) entries: Vec<(Vec<u8>, Obj)>,
}

impl Dict {
    /// The first value of `key`.
    pub(crate) fn get(&self, key: &[u8]) -> Option<&Obj> {
        self.entries
            .iter()
            .find(|(k, _)| k.as_slice() == key)
            .map(|(_, v)| v)
    }

    /// How many times `key` occurs.
    pub(crate) fn count(&self, key: &[u8]) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_slice() == key)
            .count()
    }

    /// The value of `key` when it is a name.
    pub(crate) fn name(&self, key: &[u8]) -> Option<&[u8]> {
        match self.get(key) {
            Some(Obj::Name(n)) => Some(n.as_slice()),
            _ => None,
        }
    }

    /// The value of `key` when it is a string.
    pub(crate) fn string(&self, key: &[u8]) -> Option<&[u8]> {
        match self.get(key) {
            Some(Obj::Str { bytes, .. }) => Some(bytes.as_slice()),
            _ => None,
        }
    }

    /// The value of `key` when it is a reference.
    pub(crate) fn reference(&self, key: &[u8]) -> Option<ObjectId> {
        match self.get(key) {
            Some(Obj::Ref(id)) => Some(*id),
            _ => None,
        }
    }
}

impl Obj {
    /// The dictionary of a dictionary or stream object.
    pub(crate) fn dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream { dict: d, .. } => Some(d),
            _ => None,
        }
    }
}

pub(crate) fn is_whitespace(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

pub(crate) fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_whitespace(b) && !is_delimiter(b)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// What the parser may build: the bounds of [`Limits`] it enforces while it
/// reads, and how many values it may still create.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bounds {
    max_array_len: usize,
    max_dict_len: usize,
    /// Values (numbers, names, strings, references, arrays, dictionaries and
    /// dictionary keys) still allowed: `Limits::max_values` less those built.
    values_left: usize,
}

impl Bounds {
    /// The bounds of `limits`, with its whole budget of values.
    pub(crate) fn of(limits: &Limits) -> Self {
        Self {
            max_array_len: limits.max_array_len,
            max_dict_len: limits.max_dict_len,
            values_left: limits.max_values,
        }
    }
}

/// A cursor over the whole file.
#[derive(Debug, Clone)]
pub(crate) struct Lexer<'a> {
    pub(crate) data: &'a [u8],
    pub(crate) pos: usize,
    bounds: Bounds,
    /// The first literal string found to run to the end of the input.
    runaway: Option<Runaway>,
    /// The last search for `endstream`: where it started and what it found.
    endstream: Option<(usize, Option<usize>)>,
}

impl<'a> Lexer<'a> {
    /// A lexer over `data` from `pos`, with the default [`Limits`].
    pub(crate) fn new(data: &'a [u8], pos: usize) -> Self {
        Self::bounded(data, pos, Bounds::of(&Limits::default()))
    }

    /// A lexer that builds no more than `bounds` allow.
    pub(crate) fn bounded(data: &'a [u8], pos: usize, bounds: Bounds) -> Self {
        Self {
            data,
            pos,
            bounds,
            runaway: None,
            endstream: None,
        }
    }

    /// The bounds left after what this lexer built: pass them to the next
    /// lexer over the same document, so that the budget of values is shared.
    pub(crate) fn bounds(&self) -> Bounds {
        self.bounds
    }

    /// Counts one value against `Limits::max_values`.
    fn take_value(&mut self) -> Result<(), Error> {
        match self.bounds.values_left.checked_sub(1) {
            Some(left) => {
                self.bounds.values_left = left;
                Ok(())
            }
            None => Err(self.err(ErrorKind::LimitExceeded("values (max_values)"))),
        }
    }

    /// The offset of the first `endstream` at or after `from`. Searches are
    /// remembered: a later search from inside a range already searched
    /// answers at once, so a file of streams without `endstream` costs one
    /// pass, not one pass per stream.
    pub(crate) fn find_endstream(&mut self, from: usize) -> Option<usize> {
        if let Some((searched, found)) = self.endstream
            && from >= searched
        {
            match found {
                None => return None,
                Some(at) if at >= from => return Some(at),
                Some(_) => {}
            }
        }
        let found = self
            .data
            .get(from..)
            .and_then(|rest| rest.windows(9).position(|w| w == b"endstream"))
            .map(|rel| from + rel);
        self.endstream = Some((from, found));
        found
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.data.len()
    }

    fn err(&self, kind: ErrorKind) -> Error {
        Error::at(kind, self.pos)
    }

    pub(crate) fn starts_with(&self, s: &[u8]) -> bool {
        self.data
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(s))
    }

    /// True when `keyword` starts here and is followed by a non-regular byte.
    pub(crate) fn at_keyword(&self, keyword: &[u8]) -> bool {
        self.starts_with(keyword)
            && self
                .data
                .get(self.pos + keyword.len())
                .is_none_or(|&b| !is_regular(b))
    }

    /// Skips whitespace and comments.
    pub(crate) fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            if is_whitespace(b) {
                self.pos += 1;
            } else if b == b'%' {
                self.skip_line();
            } else {
                break;
            }
        }
    }

    /// Skips whitespace only (comments are significant at top level).
    pub(crate) fn skip_spaces(&mut self) {
        while self.peek().is_some_and(is_whitespace) {
            self.pos += 1;
        }
    }

    /// Skips to just after the end of the current line.
    pub(crate) fn skip_line(&mut self) {
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'\n' {
                return;
            }
            if b == b'\r' {
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
                return;
            }
        }
    }

    /// Reads an unsigned decimal integer token, if one is here.
    pub(crate) fn read_uint(&mut self) -> Option<u64> {
        let start = self.pos;
        let mut value: u64 = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
            self.pos += 1;
        }
        if self.pos == start || self.peek().is_some_and(is_regular) {
            self.pos = start;
            return None;
        }
        Some(value)
    }

    /// Parses `N G obj` here; on failure the position is unchanged.
    pub(crate) fn read_object_header(&mut self) -> Option<ObjectId> {
        let start = self.pos;
        let result = (|| {
            let number = u32::try_from(self.read_uint()?).ok()?;
            self.skip_ws();
            let generation = u16::try_from(self.read_uint()?).ok()?;
            self.skip_ws();
            if !self.at_keyword(b"obj") {
                return None;
            }
            self.pos += 3;
            Some(ObjectId { number, generation })
        })();
        if result.is_none() {
            self.pos = start;
        }
        result
    }

    /// Parses one object (a reference `N G R` counts as one).
    pub(crate) fn parse_object(&mut self, depth: usize) -> Result<Obj, Error> {
        if depth > MAX_DEPTH {
            return Err(self.err(ErrorKind::TooDeep));
        }
        self.skip_ws();
        self.take_value()?;
        let Some(b) = self.peek() else {
            return Err(self.err(ErrorKind::UnexpectedEnd));
        };
        match b {
            b'/' => self.parse_name().map(Obj::Name),
            b'(' => self.parse_literal_string(),
            b'<' => {
                if self.starts_with(b"<<") {
                    self.parse_dict(depth).map(Obj::Dict)
                } else {
                    self.parse_hex_string()
                }
            }
            b'[' => {
                let start = self.pos;
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b']') => {
                            self.pos += 1;
                            // Growth left up to twice the room needed: give it back.
                            items.shrink_to_fit();
                            return Ok(Obj::Array(items));
                        }
                        None => return Err(self.err(ErrorKind::UnexpectedEnd)),
                        _ if items.len() >= self.bounds.max_array_len => {
                            return Err(Error::at(
                                ErrorKind::LimitExceeded("array length (max_array_len)"),
                                start,
                            ));
                        }
                        _ => items.push(self.parse_object(depth + 1)?),
                    }
                }
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.parse_number_or_ref(),
            _ if self.at_keyword(b"true") => {
                self.pos += 4;
                Ok(Obj::Bool(true))
            }
            _ if self.at_keyword(b"false") => {
                self.pos += 5;
                Ok(Obj::Bool(false))
            }
            _ if self.at_keyword(b"null") => {
                self.pos += 4;
                Ok(Obj::Null)
            }
            _ => Err(self.err(ErrorKind::UnexpectedToken)),
        }
    }

    fn parse_dict(&mut self, depth: usize) -> Result<Dict, Error> {
        let start = self.pos;
        self.pos += 2;
        let mut dict = Dict::default();
        loop {
            self.skip_ws();
            if self.starts_with(b">>") {
                self.pos += 2;
                dict.entries.shrink_to_fit();
                return Ok(dict);
            }
            match self.peek() {
                None => return Err(self.err(ErrorKind::UnexpectedEnd)),
                Some(b'/') if dict.entries.len() >= self.bounds.max_dict_len => {
                    return Err(Error::at(
                        ErrorKind::LimitExceeded("dictionary entries (max_dict_len)"),
                        start,
                    ));
                }
                Some(b'/') => {
                    self.take_value()?;
                    let key = self.parse_name()?;
                    let value = self.parse_object(depth + 1)?;
                    dict.entries.push((key, value));
                }
                Some(_) => return Err(self.err(ErrorKind::UnexpectedToken)),
            }
        }
    }

    fn parse_name(&mut self) -> Result<Vec<u8>, Error> {
        self.pos += 1;
        let mut name = Vec::new();
        while let Some(b) = self.peek() {
            if !is_regular(b) {
                break;
            }
            if b == b'#' {
                let hi = self.data.get(self.pos + 1).copied().and_then(hex_value);
                let lo = self.data.get(self.pos + 2).copied().and_then(hex_value);
                match (hi, lo) {
                    (Some(hi), Some(lo)) => {
                        name.push(hi << 4 | lo);
                        self.pos += 3;
                        continue;
                    }
                    _ => return Err(self.err(ErrorKind::BadName)),
                }
            }
            name.push(b);
            self.pos += 1;
        }
        Ok(name)
    }

    fn parse_hex_string(&mut self) -> Result<Obj, Error> {
        let start = self.pos;
        self.pos += 1;
        let mut bytes = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let Some(b) = self.peek() else {
                return Err(Error::at(ErrorKind::UnexpectedEnd, start));
            };
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if is_whitespace(b) {
                continue;
            }
            let Some(v) = hex_value(b) else {
                return Err(Error::at(ErrorKind::BadHexString, self.pos - 1));
            };
            match high.take() {
                Some(h) => bytes.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        // An odd number of digits: the last one is followed by 0 (ISO 32000-1 §7.3.4.3).
        if let Some(h) = high {
            bytes.push(h << 4);
        }
        Ok(Obj::Str {
            bytes,
            kind: StrKind::Hex,
            start,
            end: self.pos,
        })
    }

    /// The error for a literal string at `start` that the input ends inside;
    /// the first such string is remembered for the strings after it.
    fn ran_away(&mut self, start: usize) -> Error {
        if self.runaway.as_ref().is_none_or(|r| start + 1 < r.from) {
            self.runaway = Some(Runaway::new(self.data, start + 1));
        }
        Error::at(ErrorKind::UnexpectedEnd, start)
    }

    fn parse_literal_string(&mut self) -> Result<Obj, Error> {
        let start = self.pos;
        self.pos += 1;
        if self
            .runaway
            .as_ref()
            .is_some_and(|r| r.never_closes(self.data, self.pos))
        {
            return Err(Error::at(ErrorKind::UnexpectedEnd, start));
        }
        let mut bytes = Vec::new();
        let mut depth = 1usize;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.ran_away(start));
            };
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    bytes.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    bytes.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.ran_away(start));
                    };
                    self.pos += 1;
                    match e {
                        b'n' => bytes.push(b'\n'),
                        b'r' => bytes.push(b'\r'),
                        b't' => bytes.push(b'\t'),
                        b'b' => bytes.push(8),
                        b'f' => bytes.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            bytes.push((v & 0xff) as u8);
                        }
                        other => bytes.push(other),
                    }
                }
                other => bytes.push(other),
            }
        }
        Ok(Obj::Str {
            bytes,
            kind: StrKind::Literal,
            start,
            end: self.pos,
        })
    }

    fn parse_number_or_ref(&mut self) -> Result<Obj, Error> {
        let start = self.pos;
        // `N G R`: two unsigned integers and the keyword R.
        if let Some(number) = self.read_uint() {
            let after_first = self.pos;
            self.skip_ws();
            if let Some(generation) = self.read_uint() {
                self.skip_ws();
                if self.at_keyword(b"R")
                    && let (Ok(number), Ok(generation)) =
                        (u32::try_from(number), u16::try_from(generation))
                {
                    self.pos += 1;
                    return Ok(Obj::Ref(ObjectId { number, generation }));
                }
            }
            self.pos = after_first;
            return i64::try_from(number)
                .map(Obj::Int)
                .map_err(|_| Error::at(ErrorKind::BadNumber, start));
        }
        let mut end = self.pos;
        while self
            .data
            .get(end)
            .is_some_and(|b| matches!(b, b'0'..=b'9' | b'+' | b'-' | b'.'))
        {
            end += 1;
        }
        let text = self
            .data
            .get(start..end)
            .and_then(|t| std::str::from_utf8(t).ok())
            .ok_or_else(|| Error::at(ErrorKind::BadNumber, start))?;
        self.pos = end;
        if let Ok(i) = text.parse::<i64>() {
            return Ok(Obj::Int(i));
        }
        // PDF reals have no exponent; Rust's parser accepts "-.5" and "5.".
        text.parse::<f64>()
            .map(Obj::Real)
            .map_err(|_| Error::at(ErrorKind::BadNumber, start))
    }
}

/// Spacing of the marks of a [`Runaway`], in bytes.
const RUNAWAY_STEP: usize = 512;

/// A literal string that the input ends inside, and what it tells about
/// every string that starts after it.
///
/// Inside a literal string, balanced parentheses nest and `\` escapes the
/// byte after it (ISO 32000-1 §7.3.4.2). Reading on from where this string's
/// content starts, let the depth at each position be the number of
/// parentheses still open. A string whose content starts at a later position
/// `q` closes at the first position where the depth falls below its depth at
/// `q`, and runs to the end of the input when there is none. The marks keep,
/// every [`RUNAWAY_STEP`] bytes, the depth there and the lowest depth from
/// there to the end, so one question costs at most two steps of scanning
/// instead of a scan to the end of the file: a file of many unterminated
/// strings is read in linear time.
#[derive(Debug, Clone)]
struct Runaway {
    /// Where the string's content starts.
    from: usize,
    /// In order of position.
    marks: Vec<Mark>,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    /// A position where a token of the string starts.
    at: usize,
    /// The depth there.
    depth: usize,
    /// The lowest depth at this position or any after it.
    lowest_after: usize,
}

/// The position after the token of a literal string at `at`, and how it
/// changes the depth: an escape is two bytes and changes nothing (the digits
/// of an octal escape and the end of line after a backslash are not
/// parentheses, so they may be read as bytes of their own).
fn string_token(data: &[u8], at: usize) -> Option<(usize, isize)> {
    match data.get(at)? {
        b'\\' => Some((at + 2, 0)),
        b'(' => Some((at + 1, 1)),
        b')' => Some((at + 1, -1)),
        _ => Some((at + 1, 0)),
    }
}

impl Runaway {
    /// Reads from `from`, the start of the content of a string that runs to
    /// the end of `data`, to the end.
    fn new(data: &[u8], from: usize) -> Self {
        let mut marks: Vec<Mark> = Vec::new();
        let (mut at, mut depth) = (from, 1usize);
        let mut next_mark = from;
        loop {
            if at >= next_mark {
                marks.push(Mark {
                    at,
                    depth,
                    lowest_after: depth,
                });
                next_mark = at.saturating_add(RUNAWAY_STEP);
            }
            if let Some(last) = marks.last_mut() {
                last.lowest_after = last.lowest_after.min(depth);
            }
            let Some((next, change)) = string_token(data, at) else {
                break;
            };
            at = next;
            depth = depth.saturating_add_signed(change);
        }
        // Each mark holds the lowest depth up to the next one: carry the
        // lowest of all that follow back to the start.
        let mut lowest = usize::MAX;
        for mark in marks.iter_mut().rev() {
            lowest = lowest.min(mark.lowest_after);
            mark.lowest_after = lowest;
        }
        Self { from, marks }
    }

    /// True when the content of a string starting at `content` (just after
    /// its `(`) is known to run to the end of `data`.
    fn never_closes(&self, data: &[u8], content: usize) -> bool {
        if content <= self.from {
            return false;
        }
        // The `(` before `content` is a token of this string, or the byte an
        // escape ends with: either way a token starts at `content`.
        let Some(index) = self
            .marks
            .partition_point(|m| m.at <= content)
            .checked_sub(1)
        else {
            return false;
        };
        let Some(mark) = self.marks.get(index) else {
            return false;
        };
        let (mut at, mut depth) = (mark.at, mark.depth);
        while at < content {
            let Some((next, change)) = string_token(data, at) else {
                return false;
            };
            at = next;
            depth = depth.saturating_add_signed(change);
        }
        if at != content {
            return false;
        }
        let opened = depth;
        let next = self.marks.get(index + 1);
        let until = next.map_or(usize::MAX, |m| m.at);
        while at < until {
            let Some((following, change)) = string_token(data, at) else {
                break;
            };
            at = following;
            depth = depth.saturating_add_signed(change);
            if depth < opened {
                return false;
            }
        }
        next.is_none_or(|m| m.lowest_after >= opened)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Obj {
        Lexer::new(s.as_bytes(), 0).parse_object(0).unwrap()
    }

    #[test]
    fn parses_nested_objects_with_spans() {
        let o = parse("<< /A [1 2 0 R -3.5 (a\\)b) <41 4> /N#41me] /B true >>");
        let d = o.dict().unwrap();
        let Some(Obj::Array(items)) = d.get(b"A") else {
            panic!()
        };
        assert_eq!(items[0], Obj::Int(1));
        assert_eq!(
            items[1],
            Obj::Ref(ObjectId {
                number: 2,
                generation: 0
            })
        );
        assert_eq!(items[2], Obj::Real(-3.5));
        assert!(
            matches!(&items[3], Obj::Str { bytes, kind: StrKind::Literal, .. } if bytes == b"a)b")
        );
        assert!(
            matches!(&items[4], Obj::Str { bytes, kind: StrKind::Hex, start: 27, end: 33 } if bytes == &[0x41, 0x40])
        );
        assert_eq!(items[5], Obj::Name(b"NAme".to_vec()));
        assert_eq!(d.get(b"B"), Some(&Obj::Bool(true)));
    }

    #[test]
    fn depth_is_limited() {
        let deep = "[".repeat(MAX_DEPTH + 5);
        let err = Lexer::new(deep.as_bytes(), 0).parse_object(0).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::TooDeep);
    }
}
