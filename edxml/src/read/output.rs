//! What reading returns: the model, the findings, and where each attachment's
//! Base64 text is, from which attachments are decoded on demand.

use std::io::{Cursor, Read, Seek, SeekFrom, Write};

use vanthu_identifiers::Finding;

use crate::b64::{Digest, decode_base64_indexed};
use crate::error::{EdxmlError, ErrorKind};
use crate::markup::MarkupFilter;
use crate::model::*;
use crate::scan::ContentScan;

/// Where one attachment's Base64 text sits in the input, and what reading found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct AttachmentLayout {
    /// Byte offset of the first character of the Base64 text.
    pub start: u64,
    /// Byte offset just after the last character of the Base64 text.
    pub end: u64,
    /// False when comments, processing instructions, CDATA or elements
    /// interrupt the text (`EDXML-ATT-002`); decoding from the span then
    /// takes its character data, as the reader did.
    pub contiguous: bool,
    /// Decoded size and SHA-256, when read with
    /// [`AttachmentMode::Digest`](crate::AttachmentMode::Digest) or `Scan`.
    pub digest: Option<Digest>,
    /// Why the Base64 text is invalid, when read with `Digest` or `Scan`.
    pub base64_error: Option<String>,
    /// File type, size, SHA-256 and active content, when read with
    /// [`AttachmentMode::Scan`](crate::AttachmentMode::Scan).
    pub scan: Option<ContentScan>,
}

/// A package as read: the model, the findings, and where the attachments are.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ReadOutput {
    /// The package.
    pub package: Package,
    /// Deviations from the strict form, in document order.
    pub findings: Vec<Finding>,
    /// One entry per attachment of a document package, in the same order as
    /// [`DocumentPackage::attachments`].
    pub layout: Vec<AttachmentLayout>,
    /// The encoding of the input: for UTF-16 the offsets of `layout` count
    /// in its UTF-8 transcoding ([`Utf16ToUtf8`](crate::Utf16ToUtf8)).
    pub source_encoding: crate::SourceEncoding,
}

impl ReadOutput {
    /// Decodes attachment `index` from `input` (the bytes that were read)
    /// into `out`, in bounded memory; returns its size and SHA-256.
    ///
    /// # Errors
    /// As [`ReadOutput::decode_attachment_from`].
    pub fn decode_attachment(
        &self,
        input: &[u8],
        index: usize,
        out: impl Write,
    ) -> Result<Digest, EdxmlError> {
        self.decode_attachment_from(Cursor::new(input), index, out)
    }

    /// Decodes attachment `index` into `out`, seeking to its Base64 text in
    /// `input` (the source that was read, such as the package file): the
    /// package is never held in memory, and memory stays bounded whatever
    /// the size of the attachment. Returns its size and SHA-256.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use std::io::BufReader;
    /// use vanthu_edxml::{read_with, ReadOptions};
    /// # use vanthu_edxml::{write_document, DocumentPackage, Organization};
    /// # use chrono::TimeZone as _;
    /// # let at = vanthu_edxml::vietnam_offset().with_ymd_and_hms(2025, 3, 14, 9, 30, 0).unwrap();
    /// # let mut doc = DocumentPackage::new_document(
    /// #     Organization::new("000.00.00.G22", "Văn phòng Chính phủ"),
    /// #     vec![Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An")],
    /// #     ("125", "VPCP-KSTT"), "2025/03/14", "V/v kết nối", &at);
    /// # doc.add_attachment("125-VPCP-KSTT.pdf", "application/pdf");
    /// # let path = std::env::temp_dir().join(format!("vanthu-doc-{}.edxml", std::process::id()));
    /// # write_document(&doc, &mut vec![&b"%PDF-1.4\n%%EOF\n"[..]], std::fs::File::create(&path)?)?;
    /// // Read the header from the file, then decode one attachment by seeking.
    /// let mut file = BufReader::new(std::fs::File::open(&path)?);
    /// let read = read_with(&mut file, &ReadOptions::default())?;
    /// let mut pdf = Vec::new(); // or a `File`: anything `Write`
    /// let digest = read.decode_attachment_from(&mut file, 0, &mut pdf)?;
    /// assert_eq!(pdf, b"%PDF-1.4\n%%EOF\n");
    /// assert_eq!(digest.size, 15);
    /// # std::fs::remove_file(&path)?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::NoSuchAttachment`], [`ErrorKind::InvalidBase64`] or
    /// [`ErrorKind::Io`] (also when `input` ends before the attachment does:
    /// it is not the source that was read).
    pub fn decode_attachment_from<R: Read + Seek>(
        &self,
        mut input: R,
        index: usize,
        out: impl Write,
    ) -> Result<Digest, EdxmlError> {
        let mut text = span(&self.layout, &mut input, index)?;
        decode_base64_indexed(&mut text, out, index)
    }

    /// The attachment contents of this package, read from `input` (the bytes
    /// that were read) on demand.
    #[must_use]
    pub fn bodies<'a>(&'a self, input: &'a [u8]) -> SpanBodies<'a> {
        self.seek_bodies(Cursor::new(input))
    }

    /// The attachment contents of this package, decoded on demand from
    /// `input` (the source that was read, such as the package file) by
    /// seeking to their spans: pass it to [`write`](crate::write) to rewrite
    /// a package from a file without holding it, or its attachments, in memory.
    #[must_use]
    pub fn seek_bodies<R: Read + Seek>(&self, input: R) -> SeekBodies<'_, R> {
        SeekBodies {
            layout: &self.layout,
            input,
        }
    }
}

/// The Base64 text of attachment `index` in `input`, read from its span: as
/// it is when the text is contiguous, its character data when comments,
/// processing instructions, CDATA or elements interrupt it (what the reader
/// decoded while it read).
fn span<R: Read + Seek>(
    layout: &[AttachmentLayout],
    mut input: R,
    index: usize,
) -> Result<SpanText<R>, EdxmlError> {
    let layout = layout
        .get(index)
        .ok_or_else(|| EdxmlError::new(ErrorKind::NoSuchAttachment(index.to_string())))?;
    let io = |e: std::io::Error| EdxmlError::new(ErrorKind::Io(e.to_string()));
    let len = input.seek(SeekFrom::End(0)).map_err(io)?;
    if layout.end > len || layout.start > layout.end {
        return Err(EdxmlError::new(ErrorKind::Io(format!(
            "the input ({len} bytes) is shorter than the span of attachment {} (bytes {}..{})",
            index + 1,
            layout.start,
            layout.end
        ))));
    }
    input.seek(SeekFrom::Start(layout.start)).map_err(io)?;
    let text = input.take(layout.end - layout.start);
    Ok(if layout.contiguous {
        SpanText::Plain(text)
    } else {
        SpanText::Interrupted(MarkupFilter::new(text))
    })
}

/// The text of an attachment's span ([`span`]).
enum SpanText<R> {
    Plain(std::io::Take<R>),
    Interrupted(MarkupFilter<std::io::Take<R>>),
}

impl<R: Read> Read for SpanText<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Self::Plain(t) => t.read(buf),
            Self::Interrupted(m) => m.read(buf),
        }
    }
}

/// The attachments of a package, decoded on demand from the source that was
/// read ([`ReadOutput::seek_bodies`]): pass it to [`write`](crate::write) or
/// [`write_document`](crate::write_document) to rewrite a package without
/// holding its attachments decoded.
#[derive(Debug)]
pub struct SeekBodies<'a, R> {
    layout: &'a [AttachmentLayout],
    input: R,
}

/// The attachments of a package read from memory ([`ReadOutput::bodies`]).
pub type SpanBodies<'a> = SeekBodies<'a, Cursor<&'a [u8]>>;

impl<R: Read + Seek> crate::write::AttachmentBodies for SeekBodies<'_, R> {
    fn open(
        &mut self,
        index: usize,
        _: &Attachment,
    ) -> Result<Box<dyn std::io::Read + '_>, EdxmlError> {
        let text = span(self.layout, &mut self.input, index)?;
        Ok(Box::new(crate::b64::Base64Reader::new(text)))
    }
}
