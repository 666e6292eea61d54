//! UTF-16 packages: XML 1.0 §4.3.3 lets a document be UTF-16 with a byte
//! order mark. The reader transcodes such input to UTF-8 as it streams, in
//! a fixed-size buffer, before parsing; the limits of
//! [`Limits`](crate::Limits) count the UTF-8 bytes.

use std::io::{self, BufRead, Read, Write};

use crate::error::{EdxmlError, ErrorKind, Limit};

/// The encoding of a package's bytes, from its byte order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SourceEncoding {
    /// UTF-8, with or without its byte order mark (what edXML uses).
    Utf8,
    /// UTF-16, little-endian (`FF FE`).
    Utf16Le,
    /// UTF-16, big-endian (`FE FF`).
    Utf16Be,
}

impl SourceEncoding {
    /// The encoding shown by the first bytes: UTF-16 only with its byte
    /// order mark, UTF-8 otherwise.
    ///
    /// ```
    /// use vanthu_edxml::SourceEncoding;
    /// assert_eq!(SourceEncoding::sniff(b"\xFF\xFE<\0"), SourceEncoding::Utf16Le);
    /// assert_eq!(SourceEncoding::sniff(b"\xFE\xFF\0<"), SourceEncoding::Utf16Be);
    /// assert_eq!(SourceEncoding::sniff(b"<?xml"), SourceEncoding::Utf8);
    /// ```
    #[must_use]
    pub fn sniff(head: &[u8]) -> Self {
        match head {
            [0xFF, 0xFE, ..] => Self::Utf16Le,
            [0xFE, 0xFF, ..] => Self::Utf16Be,
            _ => Self::Utf8,
        }
    }

    /// True for the UTF-16 encodings.
    #[must_use]
    pub fn is_utf16(self) -> bool {
        matches!(self, Self::Utf16Le | Self::Utf16Be)
    }
}

/// Size of the UTF-8 output buffer.
const BUFFER: usize = 16 * 1024;

/// A UTF-16 source read as UTF-8: wrap a source that starts with a UTF-16
/// byte order mark (the mark is dropped). Memory is one fixed buffer,
/// whatever the size of the input; an unpaired surrogate or an odd final
/// byte is an [`io::ErrorKind::InvalidData`] error that names its byte
/// offset in the UTF-16 input.
///
/// ```
/// use std::io::Read as _;
/// use vanthu_edxml::Utf16ToUtf8;
/// let utf16: Vec<u8> = [0xFEFF_u16]
///     .into_iter()
///     .chain("<a>Đ</a>".encode_utf16())
///     .flat_map(u16::to_le_bytes)
///     .collect();
/// let mut text = String::new();
/// Utf16ToUtf8::new(&utf16[..]).read_to_string(&mut text)?;
/// assert_eq!(text, "<a>Đ</a>");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Utf16ToUtf8<R> {
    inner: R,
    big_endian: Option<bool>,
    out: Vec<u8>,
    pos: usize,
    /// Bytes of the UTF-16 input consumed so far.
    offset: u64,
    /// A high surrogate waiting for its pair, and where it started.
    high: Option<(u16, u64)>,
    done: bool,
}

impl<R: Read> Utf16ToUtf8<R> {
    /// Wraps a source that starts with a UTF-16 byte order mark.
    pub fn new(inner: R) -> Self {
        Self {
            inner,
            big_endian: None,
            out: Vec::with_capacity(BUFFER),
            pos: 0,
            offset: 0,
            high: None,
            done: false,
        }
    }

    fn invalid(what: &str, offset: u64) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("not valid UTF-16 at byte {offset}: {what}"),
        )
    }

    /// Reads the next code unit; `None` at the end of the input.
    fn unit(&mut self) -> io::Result<Option<u16>> {
        let mut pair = [0u8; 2];
        let mut got = 0;
        while got < 2 {
            match self.inner.read(pair.get_mut(got..).unwrap_or_default()) {
                Ok(0) if got == 0 => return Ok(None),
                Ok(0) => return Err(Self::invalid("an odd number of bytes", self.offset)),
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.offset += 2;
        let big = match self.big_endian {
            Some(b) => b,
            None => {
                let big = pair == [0xFE, 0xFF];
                if !big && pair != [0xFF, 0xFE] {
                    return Err(Self::invalid("no byte order mark", 0));
                }
                self.big_endian = Some(big);
                return self.unit();
            }
        };
        Ok(Some(if big {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }))
    }

    /// Refills the UTF-8 buffer with up to [`BUFFER`] bytes.
    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.pos = 0;
        while !self.done && self.out.len() + 4 <= BUFFER {
            let at = self.offset;
            let Some(unit) = self.unit()? else {
                if let Some((_, at)) = self.high {
                    return Err(Self::invalid("an unpaired surrogate", at));
                }
                self.done = true;
                break;
            };
            let c = match (self.high.take(), unit) {
                (None, 0xD800..=0xDBFF) => {
                    self.high = Some((unit, at));
                    continue;
                }
                (None, 0xDC00..=0xDFFF) => {
                    return Err(Self::invalid("an unpaired surrogate", at));
                }
                (None, u) => char::from_u32(u32::from(u)),
                (Some((high, _)), 0xDC00..=0xDFFF) => char::from_u32(
                    0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00),
                ),
                (Some((_, at)), _) => return Err(Self::invalid("an unpaired surrogate", at)),
            };
            let c = c.ok_or_else(|| Self::invalid("not a character", at))?;
            let mut utf8 = [0u8; 4];
            self.out
                .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
        Ok(())
    }
}

impl<R: Read> Read for Utf16ToUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        for (to, from) in buf.iter_mut().zip(available) {
            *to = *from;
        }
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Utf16ToUtf8<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.out.len() && !self.done {
            self.refill()?;
        }
        Ok(self.out.get(self.pos..).unwrap_or_default())
    }

    fn consume(&mut self, amount: usize) {
        self.pos = self.pos.saturating_add(amount).min(self.out.len());
    }
}

/// The error kind of a failed read through [`Utf16ToUtf8`]: invalid UTF-16
/// is malformed XML (an encoding error is fatal, XML 1.0 §4.3.3), anything
/// else an I/O error.
pub(crate) fn error_kind(e: &io::Error) -> ErrorKind {
    let message = e.to_string();
    if e.kind() == io::ErrorKind::InvalidData && message.starts_with("not valid UTF-16") {
        ErrorKind::Malformed(message)
    } else {
        ErrorKind::Io(message)
    }
}

/// A bound for callers that transcode a UTF-16 package into memory before
/// seeking in it (the `vanthu` harness does): 256 MiB of UTF-8.
pub const MAX_TRANSCODED_BYTES: u64 = 256 << 20;

/// Transcodes a package that starts with a UTF-16 byte order mark into
/// UTF-8 in `out`, writing at most `max_bytes` bytes: for the commands that
/// decode attachments by seeking to them ([`AttachmentLayout`](crate::AttachmentLayout)
/// offsets count in the UTF-8 transcoding). Returns the bytes written.
///
/// # Errors
/// [`ErrorKind::LimitExceeded`] ([`Limit::PackageBytes`]) past `max_bytes`;
/// [`ErrorKind::Malformed`] for invalid UTF-16, [`ErrorKind::Io`] for a
/// failed read or write.
pub fn transcode_utf16(
    input: impl Read,
    mut out: impl Write,
    max_bytes: u64,
) -> Result<u64, EdxmlError> {
    let mut limited = Utf16ToUtf8::new(input).take(max_bytes.saturating_add(1));
    let written = io::copy(&mut limited, &mut out).map_err(|e| EdxmlError::new(error_kind(&e)))?;
    if written > max_bytes {
        return Err(EdxmlError::new(ErrorKind::LimitExceeded {
            limit: Limit::PackageBytes,
            max: max_bytes,
        }));
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str, big: bool) -> Vec<u8> {
        [0xFEFF_u16]
            .into_iter()
            .chain(text.encode_utf16())
            .flat_map(|u| {
                if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    fn decode(bytes: &[u8]) -> io::Result<String> {
        let mut s = String::new();
        Utf16ToUtf8::new(bytes).read_to_string(&mut s)?;
        Ok(s)
    }

    #[test]
    fn both_byte_orders_and_astral_characters() {
        let text = "Công văn 😀 số 12/UBND-VX ".repeat(2000);
        assert_eq!(decode(&encode(&text, false)).unwrap(), text);
        assert_eq!(decode(&encode(&text, true)).unwrap(), text);
    }

    #[test]
    fn transcoding_is_bounded() {
        let input = encode(&"a".repeat(100), false);
        let mut out = Vec::new();
        assert_eq!(transcode_utf16(&input[..], &mut out, 100).unwrap(), 100);
        assert!(transcode_utf16(&input[..], Vec::new(), 99).is_err());
    }

    #[test]
    fn broken_input_is_an_error_with_its_offset() {
        let mut odd = encode("ab", false);
        odd.push(0);
        assert!(decode(&odd).unwrap_err().to_string().contains("byte 6"));
        let mut lone = encode("a", false);
        lone.extend_from_slice(&0xDC00_u16.to_le_bytes());
        assert!(decode(&lone).unwrap_err().to_string().contains("byte 4"));
        let mut high = encode("a", false);
        high.extend_from_slice(&0xD800_u16.to_le_bytes());
        assert!(decode(&high).is_err());
        assert!(decode(b"<a/>").is_err());
    }
}
