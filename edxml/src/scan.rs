//! What an attachment really is: its file type sniffed from its first bytes,
//! and active content found in it, computed while it is decoded.
//!
//! Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 14 khoản 3 and Quyết định
//! 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 13 khoản 1: files must be checked for
//! malicious code before they are issued; a receiver should know about PDF
//! actions and Office macros before opening an attachment.

use std::io::{self, Write};

use serde::Serialize;

use crate::b64::{Digest, DigestWriter};

/// The file type found by content sniffing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FileKind {
    /// `%PDF-`.
    Pdf,
    /// A ZIP archive that holds a Word document (`word/`).
    Docx,
    /// A ZIP archive that holds a spreadsheet (`xl/`).
    Xlsx,
    /// A ZIP archive that holds a presentation (`ppt/`).
    Pptx,
    /// An OpenDocument archive (`mimetype` entry first).
    OpenDocument,
    /// Any other ZIP archive.
    Zip,
    /// An OLE compound file: legacy `.doc`, `.xls`, `.ppt`.
    Ole,
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// TIFF image.
    Tiff,
    /// GIF image.
    Gif,
    /// Rich text format.
    Rtf,
    /// An XML document.
    Xml,
    /// Nothing recognised.
    Unknown,
}

impl FileKind {
    /// Content types that agree with this kind (including the non-standard
    /// ones the VNPT library writes, `docs/edxml.md` §5).
    #[must_use]
    pub fn accepts(self, content_type: &str) -> bool {
        let ct = content_type.trim().to_ascii_lowercase();
        let ct = ct.split(';').next().unwrap_or_default().trim().to_owned();
        if ct == "application/octet-stream" {
            return true;
        }
        match self {
            Self::Pdf => ct == "application/pdf",
            Self::Docx => {
                ct.starts_with("application/vnd.openxmlformats-officedocument.wordprocessingml")
                    || ct == "application/docx"
                    || ct == "application/zip"
            }
            Self::Xlsx => {
                ct.starts_with("application/vnd.openxmlformats-officedocument.spreadsheetml")
                    || ct == "application/xlsx"
                    || ct == "application/xslx"
                    || ct == "application/zip"
            }
            Self::Pptx => {
                ct.starts_with("application/vnd.openxmlformats-officedocument.presentationml")
                    || ct == "application/zip"
            }
            Self::OpenDocument => {
                ct.starts_with("application/vnd.oasis.opendocument") || ct == "application/zip"
            }
            Self::Zip => matches!(
                ct.as_str(),
                "application/zip" | "application/x-zip-compressed"
            ),
            Self::Ole => matches!(
                ct.as_str(),
                "application/msword"
                    | "application/doc"
                    | "application/vnd.ms-excel"
                    | "application/xls"
                    | "application/xsl"
                    | "application/vnd.ms-powerpoint"
            ),
            Self::Png => ct == "image/png",
            Self::Jpeg => matches!(ct.as_str(), "image/jpeg" | "image/jpg" | "image/pjpeg"),
            Self::Tiff => ct == "image/tiff",
            Self::Gif => ct == "image/gif",
            Self::Rtf => matches!(
                ct.as_str(),
                "application/rtf" | "text/rtf" | "application/msword"
            ),
            Self::Xml => ct.ends_with("/xml") || ct.ends_with("+xml") || ct.starts_with("text/"),
            Self::Unknown => true,
        }
    }
}

/// Active content found in an attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActiveContent {
    /// PDF `/JavaScript` (a JavaScript action or name tree).
    PdfJavaScript,
    /// PDF `/Launch`: an action that starts a program or opens a file.
    PdfLaunch,
    /// PDF `/SubmitForm`: an action that sends form data to a URL.
    PdfSubmitForm,
    /// PDF `/ImportData`: an action that imports form data from a file.
    PdfImportData,
    /// PDF `/RichMedia`: Flash or video content with its own scripting.
    PdfRichMedia,
    /// PDF `/EmbeddedFile`: files carried inside the PDF (PDF/A-3 allows
    /// them). Not active by itself, but not scanned: a note.
    PdfEmbeddedFile,
    /// OOXML `vbaProject.bin`.
    OfficeMacros,
    /// OLE `_VBA_PROJECT` stream.
    OleMacros,
}

impl ActiveContent {
    /// False for what is reported as a note, not as active content: files
    /// embedded in a PDF. A view action (`/OpenAction` that only sets the
    /// page and zoom) is not looked for at all: the rules ask for a malware
    /// scan, not for the absence of ordinary PDF features.
    #[must_use]
    pub const fn is_active(self) -> bool {
        !matches!(self, Self::PdfEmbeddedFile)
    }

    /// The marker as found in the file.
    #[must_use]
    pub fn marker(self) -> &'static str {
        match self {
            Self::PdfJavaScript => "/JavaScript",
            Self::PdfLaunch => "/Launch",
            Self::PdfSubmitForm => "/SubmitForm",
            Self::PdfImportData => "/ImportData",
            Self::PdfRichMedia => "/RichMedia",
            Self::PdfEmbeddedFile => "/EmbeddedFile",
            Self::OfficeMacros => "vbaProject.bin",
            Self::OleMacros => "_VBA_PROJECT",
        }
    }
}

const PATTERNS: &[(ActiveContent, &[u8])] = &[
    (ActiveContent::PdfJavaScript, b"/JavaScript"),
    (ActiveContent::PdfLaunch, b"/Launch"),
    (ActiveContent::PdfSubmitForm, b"/SubmitForm"),
    (ActiveContent::PdfImportData, b"/ImportData"),
    (ActiveContent::PdfRichMedia, b"/RichMedia"),
    (ActiveContent::PdfEmbeddedFile, b"/EmbeddedFile"),
    (ActiveContent::OfficeMacros, b"vbaProject.bin"),
    (
        ActiveContent::OleMacros,
        b"_\0V\0B\0A\0_\0P\0R\0O\0J\0E\0C\0T\0",
    ),
];

/// The part names of OOXML and ODF archives, which appear uncompressed in
/// ZIP headers: the `zip_markers` of [`Scanner`], in the order of
/// `[docx, xlsx, pptx, odf]`.
const ZIP_MARKERS: [&[u8]; 4] = [b"word/", b"xl/", b"ppt/", b"mimetypeapplication/vnd.oasis"];

/// The overlap kept between writes: the longest marker, active content or
/// ZIP part name, so that one cut by a write is still found whole.
const OVERLAP: usize = longest(PATTERNS, &ZIP_MARKERS);

/// The length of the longest of `patterns` and `markers` (a `const fn`,
/// evaluated when compiling: no iterators).
const fn longest(patterns: &[(ActiveContent, &[u8])], markers: &[&[u8]]) -> usize {
    let mut max = 0;
    let mut rest = patterns;
    while let [(_, pattern), tail @ ..] = rest {
        if pattern.len() > max {
            max = pattern.len();
        }
        rest = tail;
    }
    let mut rest = markers;
    while let [marker, tail @ ..] = rest {
        if marker.len() > max {
            max = marker.len();
        }
        rest = tail;
    }
    max
}

/// The result of scanning one attachment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ContentScan {
    /// Size and SHA-256 of the decoded bytes.
    pub digest: Digest,
    /// The sniffed file type.
    pub kind: FileKind,
    /// Active content markers found (each once).
    pub active: Vec<ActiveContent>,
}

/// A [`Write`] that sniffs and scans what passes through.
#[derive(Debug)]
pub struct Scanner<W> {
    inner: DigestWriter<W>,
    head: Vec<u8>,
    tail: Vec<u8>,
    window: Vec<u8>,
    zip_markers: [bool; 4],
    active: Vec<ActiveContent>,
}

/// How many leading bytes are kept for sniffing.
const HEAD: usize = 4096;

impl<W: Write> Scanner<W> {
    /// Scans everything written, then forwards it to `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner: DigestWriter::new(inner),
            head: Vec::new(),
            tail: Vec::new(),
            window: Vec::new(),
            zip_markers: [false; 4],
            active: Vec::new(),
        }
    }

    /// The scan result and the inner writer.
    pub fn finish(self) -> (ContentScan, W) {
        let (digest, inner) = self.inner.finish();
        let kind = sniff(&self.head, self.zip_markers);
        let active = self
            .active
            .into_iter()
            .filter(|a| match a {
                ActiveContent::PdfJavaScript
                | ActiveContent::PdfLaunch
                | ActiveContent::PdfSubmitForm
                | ActiveContent::PdfImportData
                | ActiveContent::PdfRichMedia
                | ActiveContent::PdfEmbeddedFile => kind == FileKind::Pdf,
                ActiveContent::OfficeMacros => matches!(
                    kind,
                    FileKind::Docx | FileKind::Xlsx | FileKind::Pptx | FileKind::Zip
                ),
                ActiveContent::OleMacros => kind == FileKind::Ole,
            })
            .collect();
        (
            ContentScan {
                digest,
                kind,
                active,
            },
            inner,
        )
    }

    fn observe(&mut self, data: &[u8]) {
        if self.head.len() < HEAD {
            let take = (HEAD - self.head.len()).min(data.len());
            self.head
                .extend_from_slice(data.get(..take).unwrap_or_default());
        }
        self.window.clear();
        self.window.extend_from_slice(&self.tail);
        self.window.extend_from_slice(data);
        for (kind, pattern) in PATTERNS {
            if !self.active.contains(kind) && memchr::memmem::find(&self.window, pattern).is_some()
            {
                self.active.push(*kind);
            }
        }
        // OOXML / ODF part names appear uncompressed in ZIP headers.
        for (i, marker) in ZIP_MARKERS.iter().enumerate() {
            if let Some(seen) = self.zip_markers.get_mut(i)
                && !*seen
                && memchr::memmem::find(&self.window, marker).is_some()
            {
                *seen = true;
            }
        }
        let keep = self.window.len().min(OVERLAP);
        let start = self.window.len() - keep;
        self.tail.clear();
        self.tail
            .extend_from_slice(self.window.get(start..).unwrap_or_default());
    }
}

impl<W: Write> Write for Scanner<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.observe(buf.get(..n).unwrap_or(buf));
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn sniff(head: &[u8], zip: [bool; 4]) -> FileKind {
    let starts = |m: &[u8]| head.starts_with(m);
    if starts(b"%PDF-")
        || memchr::memmem::find(head.get(..1024).unwrap_or(head), b"%PDF-").is_some()
    {
        FileKind::Pdf
    } else if starts(b"PK\x03\x04") {
        match zip {
            [true, _, _, _] => FileKind::Docx,
            [_, true, _, _] => FileKind::Xlsx,
            [_, _, true, _] => FileKind::Pptx,
            [_, _, _, true] => FileKind::OpenDocument,
            _ => FileKind::Zip,
        }
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        FileKind::Ole
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        FileKind::Png
    } else if starts(b"\xFF\xD8\xFF") {
        FileKind::Jpeg
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        FileKind::Tiff
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        FileKind::Gif
    } else if starts(b"{\\rtf") {
        FileKind::Rtf
    } else if starts(b"<?xml") || starts(b"\xEF\xBB\xBF<?xml") {
        FileKind::Xml
    } else {
        FileKind::Unknown
    }
}

/// Decodes attachment `index` of a package read from `input` and scans it.
///
/// # Errors
/// As [`ReadOutput::decode_attachment`](crate::ReadOutput::decode_attachment).
pub fn scan_attachment(
    read: &crate::ReadOutput,
    input: &[u8],
    index: usize,
) -> Result<ContentScan, crate::EdxmlError> {
    let mut scanner = Scanner::new(io::sink());
    read.decode_attachment(input, index, &mut scanner)?;
    Ok(scanner.finish().0)
}

impl FileKind {
    /// The name used in JSON: `pdf`, `docx`, `xlsx`, `pptx`,
    /// `open_document`, `zip`, `ole`, `png`, `jpeg`, `tiff`, `gif`, `rtf`,
    /// `xml` or `unknown`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
            Self::Pptx => "pptx",
            Self::OpenDocument => "open_document",
            Self::Zip => "zip",
            Self::Ole => "ole",
            Self::Png => "png",
            Self::Jpeg => "jpeg",
            Self::Tiff => "tiff",
            Self::Gif => "gif",
            Self::Rtf => "rtf",
            Self::Xml => "xml",
            Self::Unknown => "unknown",
        }
    }
}

/// Content types written in service that are not registered media types:
/// the VNPT library's aliases and common misspellings (`docs/edxml.md` §5).
const UNREGISTERED_ALIASES: &[&str] = &[
    "application/doc",
    "application/docx",
    "application/xls",
    "application/xlsx",
    "application/xsl",
    "application/xslx",
    "application/ppt",
    "application/pptx",
    "image/jpg",
    "image/pjpeg",
];

/// The top-level media types of RFC 6838 §4.2.
const TOP_LEVEL_TYPES: &[&str] = &[
    "application",
    "audio",
    "example",
    "font",
    "image",
    "message",
    "model",
    "multipart",
    "text",
    "video",
];

/// True when `content_type` (parameters after `;` ignored, any letter case)
/// is `type/subtype` with a top-level type of RFC 6838 §4.2, a subtype of
/// its restricted name characters that is not an unregistered `x-` subtype
/// (RFC 6838 §3.4), and not one of the known unregistered aliases
/// (`application/doc`, `application/docx`, `application/xsl`,
/// `application/xslx`, `image/jpg`, …).
///
/// ```
/// use vanthu_edxml::is_registered_media_type;
/// assert!(is_registered_media_type("application/pdf"));
/// assert!(is_registered_media_type("application/msword; charset=binary"));
/// assert!(!is_registered_media_type("application/doc"));
/// assert!(!is_registered_media_type("application/x-zip-compressed"));
/// assert!(!is_registered_media_type("pdf"));
/// ```
#[must_use]
pub fn is_registered_media_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let Some((top, sub)) = essence.split_once('/') else {
        return false;
    };
    let restricted = |c: char| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c);
    TOP_LEVEL_TYPES.contains(&top)
        && !sub.is_empty()
        && sub.len() <= 127
        && sub.chars().all(restricted)
        && sub.starts_with(|c: char| c.is_ascii_alphanumeric())
        && !sub.starts_with("x-")
        && !UNREGISTERED_ALIASES.contains(&essence.as_str())
}
