//! One reader for the streaming transforms of the crate: it reads its input
//! in pieces, passes each through a [`Transform`], and serves what comes out,
//! in bounded memory.

use std::io::{self, Read};

use crate::b64::PIECE;

/// Turns pieces of input into output bytes.
pub(crate) trait Transform {
    /// Takes the next piece of input, appending its output to `out`.
    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) -> io::Result<()>;

    /// The input has ended: appends the last output, or fails when the input
    /// was not whole.
    fn finish(&mut self, out: &mut Vec<u8>) -> io::Result<()>;
}

/// A [`Read`] over the output of a [`Transform`] of an inner reader.
#[derive(Debug)]
pub(crate) struct ChunkReader<R, T> {
    inner: R,
    transform: T,
    input: Vec<u8>,
    /// Output ready to be read, from `pos` on.
    ready: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read, T: Transform + Default> ChunkReader<R, T> {
    pub(crate) fn new(inner: R) -> Self {
        Self {
            inner,
            transform: T::default(),
            input: vec![0; PIECE],
            ready: Vec::new(),
            pos: 0,
            done: false,
        }
    }
}

impl<R: Read, T: Transform> Read for ChunkReader<R, T> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            if let Some(ready) = self.ready.get(self.pos..).filter(|r| !r.is_empty()) {
                let n = ready.len().min(out.len());
                if let (Some(dst), Some(src)) = (out.get_mut(..n), ready.get(..n)) {
                    dst.copy_from_slice(src);
                }
                self.pos += n;
                return Ok(n);
            }
            self.ready.clear();
            self.pos = 0;
            if self.done {
                return Ok(0);
            }
            let n = self.inner.read(&mut self.input)?;
            if n == 0 {
                self.done = true;
                self.transform.finish(&mut self.ready)?;
            } else {
                let piece = self.input.get(..n).unwrap_or_default();
                self.transform.feed(piece, &mut self.ready)?;
            }
        }
    }
}
