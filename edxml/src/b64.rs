//! Streaming, whitespace-tolerant Base64 decoding in bounded memory.
//!
//! Attachments travel as Base64 text inside the XML (QCVN 102:2016,
//! `ContentTransferEncoded`). Writers differ: VNPT writes one line, others
//! wrap lines or use character references for line breaks. The decoder skips
//! XML whitespace and whitespace character references, decodes large runs in
//! bulk and never holds more than a small buffer.

use std::io::{self, Read, Write};

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use sha2::{Digest as _, Sha256};

/// Lenient about padding (some writers omit it), strict about the alphabet.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Decodes whole quanta of standard Base64 into `out`: SIMD first (it
/// accepts only canonical, padded input), then the lenient scalar decoder
/// (missing padding, non-zero trailing bits). `None` when neither accepts it.
fn decode_quanta(text: &[u8], out: &mut [u8]) -> Option<usize> {
    match base64_simd::STANDARD.decode(text, base64_simd::Out::from_slice(out)) {
        Ok(decoded) => Some(decoded.len()),
        Err(_) => LENIENT.decode_slice(text, out).ok(),
    }
}

/// Input is decoded in pieces of this many Base64 characters (a multiple of 4).
pub(crate) const PIECE: usize = 64 * 1024;

/// Size and SHA-256 of decoded attachment bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct Digest {
    /// Decoded size in bytes.
    pub size: u64,
    /// SHA-256 of the decoded bytes.
    #[serde(serialize_with = "hex_bytes")]
    pub sha256: [u8; 32],
}

impl Digest {
    /// The SHA-256 as lower-case hexadecimal.
    #[must_use]
    pub fn sha256_hex(&self) -> String {
        hex(&self.sha256)
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

fn hex_bytes<S: serde::Serializer>(bytes: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hex(bytes))
}

/// A [`Write`] that counts and hashes what passes through to an inner writer.
#[derive(Debug)]
pub struct DigestWriter<W> {
    inner: W,
    hasher: Sha256,
    size: u64,
}

impl<W: Write> DigestWriter<W> {
    /// Hashes everything written, then forwards it to `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            size: 0,
        }
    }

    /// The size and SHA-256 of everything written, and the inner writer.
    pub fn finish(self) -> (Digest, W) {
        let sha256: [u8; 32] = self.hasher.finalize().into();
        (
            Digest {
                size: self.size,
                sha256,
            },
            self.inner,
        )
    }
}

impl<W: Write> Write for DigestWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        let written = buf.get(..n).unwrap_or(buf);
        self.hasher.update(written);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Why Base64 text could not be decoded, and where (offset in the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Base64Problem {
    pub(crate) offset: u64,
    pub(crate) reason: String,
}

/// Incremental decoder: feed it text chunks, it writes decoded bytes.
#[derive(Debug)]
pub(crate) struct Base64Decoder {
    /// Up to 3 Base64 characters left over from the previous run.
    carry: [u8; 4],
    carry_len: usize,
    /// An entity reference being collected (`&...;`).
    entity: Option<Vec<u8>>,
    /// Offset in the text of the next byte fed.
    consumed: u64,
    /// Whether `=` padding has been seen: nothing but whitespace may follow.
    padded: bool,
    /// Whether any whitespace or character reference was skipped.
    pub(crate) saw_whitespace: bool,
    /// Whether every byte of the current [`Self::feed`] call was in the
    /// Base64 alphabet or `=` (so: ASCII without line feeds).
    plain: bool,
    problem: Option<Base64Problem>,
    /// Decoded bytes of one piece, written out at once.
    scratch: Vec<u8>,
}

impl Base64Decoder {
    pub(crate) fn new() -> Self {
        Self {
            carry: [0; 4],
            carry_len: 0,
            entity: None,
            consumed: 0,
            padded: false,
            saw_whitespace: false,
            plain: true,
            problem: None,
            scratch: vec![0; PIECE / 4 * 3 + 3],
        }
    }

    fn fail(&mut self, at: u64, reason: impl Into<String>) {
        if self.problem.is_none() {
            self.problem = Some(Base64Problem {
                offset: at,
                reason: reason.into(),
            });
        }
    }

    /// Feeds raw (XML-escaped) text. Write errors are returned; Base64 errors
    /// are recorded and reported by [`Self::finish`]. Returns whether every
    /// byte of `text` was in the Base64 alphabet or `=`: then the text is
    /// ASCII without line feeds, and the caller need not scan it again to
    /// count lines and columns.
    pub(crate) fn feed(&mut self, text: &[u8], out: &mut dyn Write) -> io::Result<bool> {
        self.plain = true;
        self.feed_run(text, out)?;
        Ok(self.plain)
    }

    /// Continues an entity reference (`&...;`) being collected; returns the
    /// rest of `text` after it, or nothing when it goes on in the next chunk.
    fn entity_part<'t>(&mut self, text: &'t [u8]) -> &'t [u8] {
        let start = self.consumed;
        let Some(entity) = self.entity.as_mut() else {
            return text;
        };
        match memchr::memchr(b';', text) {
            Some(end) => {
                entity.extend_from_slice(text.get(..end).unwrap_or_default());
                let name = std::mem::take(entity);
                self.entity = None;
                if !is_whitespace_char_ref(&name) {
                    self.fail(
                        start,
                        format!(
                            "entity reference &{}; inside Base64",
                            String::from_utf8_lossy(&name)
                        ),
                    );
                }
                self.saw_whitespace = true;
                self.consumed += end as u64 + 1;
                text.get(end + 1..).unwrap_or_default()
            }
            None => {
                entity.extend_from_slice(text);
                if entity.len() > 16 {
                    self.fail(start, "unterminated entity reference inside Base64");
                }
                self.consumed += text.len() as u64;
                &[]
            }
        }
    }

    /// Decodes text: pieces of clean Base64 at once, anything else byte by byte.
    fn feed_run(&mut self, mut run: &[u8], out: &mut dyn Write) -> io::Result<()> {
        while !run.is_empty() {
            if self.problem.is_some() {
                // Not inspected any more: nothing can be vouched for.
                self.plain = false;
                self.consumed += run.len() as u64;
                return Ok(());
            }
            if self.entity.is_some() {
                self.plain = false;
                run = self.entity_part(run);
                continue;
            }
            if self.padded {
                // Only padding and whitespace (literal or as a reference) may follow.
                if run.iter().any(|&b| b != b'=') {
                    self.plain = false;
                }
                match run
                    .iter()
                    .position(|&b| !matches!(b, b'=' | b'\t' | b'\r' | b'\n' | b' '))
                {
                    None => {
                        self.consumed += run.len() as u64;
                        return Ok(());
                    }
                    Some(pos) if run.get(pos) == Some(&b'&') => {
                        self.plain = false;
                        self.consumed += pos as u64 + 1;
                        self.entity = Some(Vec::new());
                        run = run.get(pos + 1..).unwrap_or_default();
                        continue;
                    }
                    Some(pos) => {
                        self.fail(self.consumed + pos as u64, "data after Base64 padding");
                        self.consumed += run.len() as u64;
                        return Ok(());
                    }
                }
            }
            // Complete the carried quantum first.
            if self.carry_len > 0 {
                let take = (4 - self.carry_len).min(run.len());
                let mut taken = 0;
                for &b in run.iter().take(take) {
                    if !is_b64(b) {
                        break;
                    }
                    if let Some(slot) = self.carry.get_mut(self.carry_len) {
                        *slot = b;
                    }
                    self.carry_len += 1;
                    taken += 1;
                }
                self.consumed += taken as u64;
                run = run.get(taken..).unwrap_or_default();
                if self.carry_len == 4 {
                    let quad = self.carry;
                    self.carry_len = 0;
                    self.decode_piece(&quad, out)?;
                    continue;
                }
                if taken < take {
                    // A special byte interrupts the quantum.
                    self.special(&mut run, out)?;
                }
                continue;
            }
            let limit = run.len().min(PIECE);
            let piece = run.get(..limit).unwrap_or_default();
            // Fast path: a whole piece of valid Base64 (the usual case: one
            // long line) is decoded and written at once.
            let whole = limit - limit % 4;
            if whole > 0 {
                let head = piece.get(..whole).unwrap_or_default();
                if let Some(n) = decode_quanta(head, &mut self.scratch) {
                    out.write_all(self.scratch.get(..n).unwrap_or_default())?;
                    if head.last() == Some(&b'=') {
                        self.padded = true;
                    }
                    self.consumed += whole as u64;
                    run = run.get(whole..).unwrap_or_default();
                    continue;
                }
            }
            // Slow path: the longest prefix of Base64 alphabet bytes.
            let clean = piece
                .iter()
                .position(|&b| !is_b64(b))
                .unwrap_or(piece.len());
            let whole = clean - clean % 4;
            if whole > 0 {
                let (head, _) = piece.split_at(whole);
                self.decode_piece(head, out)?;
                self.consumed += whole as u64;
                run = run.get(whole..).unwrap_or_default();
                continue;
            }
            // Fewer than 4 clean bytes: carry them, then handle the special byte.
            for &b in piece.iter().take(clean) {
                if let Some(slot) = self.carry.get_mut(self.carry_len) {
                    *slot = b;
                }
                self.carry_len += 1;
            }
            self.consumed += clean as u64;
            run = run.get(clean..).unwrap_or_default();
            if !run.is_empty() {
                self.special(&mut run, out)?;
            }
        }
        Ok(())
    }

    /// Handles the byte at the start of `run`, which is not in the Base64 alphabet.
    fn special(&mut self, run: &mut &[u8], out: &mut dyn Write) -> io::Result<()> {
        let Some((&b, rest)) = run.split_first() else {
            return Ok(());
        };
        if b != b'=' {
            self.plain = false;
        }
        match b {
            b'\t' | b'\r' | b'\n' | b' ' => self.saw_whitespace = true,
            b'&' => self.entity = Some(Vec::new()),
            b'=' => {
                // Padding: the quantum in `carry` must be 2 or 3 characters.
                let n = rest.iter().take_while(|&&c| c == b'=').count();
                if self.carry_len < 2 || self.carry_len + 1 + n > 4 {
                    self.fail(self.consumed, "misplaced Base64 padding");
                } else {
                    let quad = self.carry;
                    let len = self.carry_len;
                    self.carry_len = 0;
                    self.decode_tail(quad.get(..len).unwrap_or_default(), out)?;
                    self.padded = true;
                }
                self.consumed += 1 + n as u64;
                *run = rest.get(n..).unwrap_or_default();
                return Ok(());
            }
            other => {
                self.fail(
                    self.consumed,
                    format!("byte 0x{other:02x} is not in the Base64 alphabet"),
                );
            }
        }
        self.consumed += 1;
        *run = rest;
        Ok(())
    }

    /// Decodes a final partial quantum (2 or 3 characters).
    fn decode_tail(&mut self, tail: &[u8], out: &mut dyn Write) -> io::Result<()> {
        let mut buf = [0u8; 3];
        match LENIENT.decode_slice(tail, &mut buf) {
            Ok(n) => out.write_all(buf.get(..n).unwrap_or_default())?,
            Err(e) => self.fail(self.consumed, e.to_string()),
        }
        Ok(())
    }

    /// Decodes whole quanta and writes them.
    fn decode_piece(&mut self, piece: &[u8], out: &mut dyn Write) -> io::Result<()> {
        if let Some(n) = decode_quanta(piece, &mut self.scratch) {
            return out.write_all(self.scratch.get(..n).unwrap_or_default());
        }
        // Neither decoder accepts it: the scalar one says why.
        if let Err(e) = LENIENT.decode_slice(piece, &mut self.scratch) {
            self.fail(self.consumed, e.to_string());
        }
        Ok(())
    }

    /// Flushes the last bytes and reports the first problem, if any.
    pub(crate) fn finish(mut self, out: &mut dyn Write) -> io::Result<Result<(), Base64Problem>> {
        if self.entity.is_some() {
            self.fail(self.consumed, "unterminated entity reference inside Base64");
        }
        if self.carry_len == 1 {
            self.fail(self.consumed, "truncated Base64: one character left over");
        } else if self.carry_len > 1 {
            let quad = self.carry;
            let len = self.carry_len;
            self.decode_tail(quad.get(..len).unwrap_or_default(), out)?;
        }
        match self.problem.take() {
            Some(problem) => Ok(Err(problem)),
            None => Ok(Ok(())),
        }
    }
}

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

/// `#9`, `#10`, `#13`, `#32` and their hexadecimal forms.
fn is_whitespace_char_ref(name: &[u8]) -> bool {
    let Some(rest) = name.strip_prefix(b"#") else {
        return false;
    };
    let value = match rest.strip_prefix(b"x").or_else(|| rest.strip_prefix(b"X")) {
        Some(hex) => std::str::from_utf8(hex)
            .ok()
            .and_then(|s| u32::from_str_radix(s, 16).ok()),
        None => std::str::from_utf8(rest).ok().and_then(|s| s.parse().ok()),
    };
    matches!(value, Some(9 | 10 | 13 | 32))
}

/// Decodes Base64 text read from `input` into `output` in bounded memory,
/// skipping XML whitespace, and returns the decoded size and SHA-256.
///
/// # Errors
/// [`ErrorKind::InvalidBase64`](crate::ErrorKind::InvalidBase64) (with
/// attachment index 0) when the text is not Base64, or
/// [`ErrorKind::Io`](crate::ErrorKind::Io).
pub fn decode_base64(
    mut input: impl Read,
    output: impl Write,
) -> Result<Digest, crate::EdxmlError> {
    decode_base64_indexed(&mut input, output, 0)
}

pub(crate) fn decode_base64_indexed(
    input: &mut dyn Read,
    output: impl Write,
    index: usize,
) -> Result<Digest, crate::EdxmlError> {
    let mut writer = DigestWriter::new(output);
    let mut decoder = Base64Decoder::new();
    let mut buf = vec![0u8; PIECE];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(crate::EdxmlError::io(&e)),
        };
        decoder
            .feed(buf.get(..n).unwrap_or_default(), &mut writer)
            .map_err(|e| crate::EdxmlError::io(&e))?;
    }
    match decoder
        .finish(&mut writer)
        .map_err(|e| crate::EdxmlError::io(&e))?
    {
        Ok(()) => Ok(writer.finish().0),
        Err(problem) => Err(crate::EdxmlError::new(crate::ErrorKind::InvalidBase64 {
            index,
            reason: format!("{} (at character {})", problem.reason, problem.offset),
        })),
    }
}

/// Encodes bytes read from `input` as single-line standard Base64 into
/// `output` (the VNPT form: no line breaks, with padding), streaming.
pub(crate) fn encode_base64(input: &mut dyn Read, output: &mut dyn Write) -> io::Result<Digest> {
    const CHUNK: usize = 48 * 1024; // a multiple of 3: no padding mid-stream
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; CHUNK];
    let mut encoded = vec![0u8; CHUNK / 3 * 4 + 4];
    loop {
        // Fill the chunk completely so that only the last one is padded.
        let mut filled = 0;
        while filled < CHUNK {
            let target = buf.get_mut(filled..).unwrap_or_default();
            match input.read(target) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        if filled == 0 {
            break;
        }
        let data = buf.get(..filled).unwrap_or_default();
        hasher.update(data);
        size += filled as u64;
        let encoded =
            base64_simd::STANDARD.encode(data, base64_simd::Out::from_slice(&mut encoded));
        output.write_all(encoded)?;
        if filled < CHUNK {
            break;
        }
    }
    Ok(Digest {
        size,
        sha256: hasher.finalize().into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(text: &[u8], chunk: usize) -> Result<Vec<u8>, Base64Problem> {
        let mut d = Base64Decoder::new();
        let mut out = Vec::new();
        for c in text.chunks(chunk.max(1)) {
            d.feed(c, &mut out).unwrap();
        }
        d.finish(&mut out).unwrap().map(|()| out)
    }

    #[test]
    fn decodes_with_whitespace_and_char_refs_in_any_chunking() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let plain = base64::engine::general_purpose::STANDARD.encode(&data);
        let mut wrapped = Vec::new();
        for (i, line) in plain.as_bytes().chunks(76).enumerate() {
            wrapped.extend_from_slice(line);
            wrapped.extend_from_slice(if i % 2 == 0 { b"\r\n" } else { b"&#10;\t " });
        }
        for chunk in [1, 2, 3, 5, 7, 64, 4096] {
            assert_eq!(
                decode(plain.as_bytes(), chunk).unwrap(),
                data,
                "plain {chunk}"
            );
            assert_eq!(decode(&wrapped, chunk).unwrap(), data, "wrapped {chunk}");
        }
    }

    #[test]
    fn accepts_missing_padding_and_rejects_garbage() {
        assert_eq!(decode(b"aGVsbG8", 3).unwrap(), b"hello");
        assert_eq!(decode(b"aGVsbG8=", 3).unwrap(), b"hello");
        assert!(decode(b"${__StringFromFile(test.txt,,,)}", 5).is_err());
        assert!(decode(b"aGVs=bG8", 8).is_err());
        assert!(decode(b"a", 8).is_err());
        assert!(decode(b"aGVsbG8&amp;", 8).is_err());
    }

    #[test]
    fn many_references_do_not_recurse() {
        let mut text = b"aGVs".to_vec();
        for _ in 0..200_000 {
            text.extend_from_slice(b"&#10;");
        }
        text.extend_from_slice(b"bG8=");
        assert_eq!(decode(&text, 1 << 20).unwrap(), b"hello");
    }
}

/// A [`Read`] that decodes Base64 text read from an inner reader, in bounded memory.
pub(crate) type Base64Reader<R> = crate::chunks::ChunkReader<R, Base64Transform>;

/// The [`Transform`](crate::chunks::Transform) of a [`Base64Reader`].
#[derive(Debug)]
pub(crate) struct Base64Transform(Option<Base64Decoder>);

impl Default for Base64Transform {
    fn default() -> Self {
        Self(Some(Base64Decoder::new()))
    }
}

impl crate::chunks::Transform for Base64Transform {
    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) -> io::Result<()> {
        match self.0.as_mut() {
            Some(decoder) => decoder.feed(input, out).map(drop),
            None => Ok(()),
        }
    }

    fn finish(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        match self.0.take().map(|d| d.finish(out)).transpose()? {
            Some(Err(problem)) => Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "invalid Base64: {} (at character {})",
                    problem.reason, problem.offset
                ),
            )),
            _ => Ok(()),
        }
    }
}
