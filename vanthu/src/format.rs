//! What a file holds, recognised by its first bytes, never by its name.

use std::fmt;

/// How many leading bytes [`detect`] looks at.
pub const HEAD_LEN: usize = 1024;

/// The kinds of input the harness checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// An edXML document or status package (XML), QCVN 102:2016/BTTTT.
    Edxml,
    /// A PDF (ISO 32000-1 §7.5.2: `%PDF-` within the first 1024 bytes).
    Pdf,
    /// A ZIP: an archival package of Thông tư 05/2025/TT-BNV (E-ARK SIP).
    Sip,
}

impl Format {
    /// `edxml`, `pdf` or `sip`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Edxml => "edxml",
            Self::Pdf => "pdf",
            Self::Sip => "sip",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Recognises `head`, the first bytes of a file (at least [`HEAD_LEN`] when
/// the file is that long).
///
/// A ZIP is taken for an archival package here; [`crate::Checker`] and
/// [`crate::collect`] then keep only a ZIP with a root `METS.xml`
/// ([`vanthu_archive::package::is_package`]), so that office documents and
/// other archives are reported by what they are ([`describe`]), not as broken
/// packages. A ZIP *inside* an edXML package is reported by its type, never
/// checked as one. XML is an edXML package only when it
/// names edXML (QCVN 102:2016) or the 2014 SOAP dialect (`e-doc.vn`) near its
/// start: record exports and METS files are not packages.
///
/// ```
/// use vanthu::{detect, Format};
/// assert_eq!(detect(b"%PDF-1.7\n"), Some(Format::Pdf));
/// assert_eq!(detect(b"<?xml version=\"1.0\"?><edXML>"), Some(Format::Edxml));
/// assert_eq!(detect(b"<?xml version=\"1.0\"?><mets>"), None);
/// ```
#[must_use]
pub fn detect(head: &[u8]) -> Option<Format> {
    if head.starts_with(b"PK\x03\x04") {
        return Some(Format::Sip);
    }
    let window = head.get(..head.len().min(HEAD_LEN)).unwrap_or(head);
    if window.windows(5).any(|w| w == b"%PDF-") {
        return Some(Format::Pdf);
    }
    if vanthu_edxml::SourceEncoding::sniff(window).is_utf16() {
        // XML in UTF-16 with its byte order mark (XML 1.0 §4.3.3): look at
        // its text.
        let big_endian = window.starts_with(b"\xFE\xFF");
        let units = window
            .get(2..)
            .unwrap_or_default()
            .chunks_exact(2)
            .map(|p| match p {
                [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
                [a, b] => u16::from_le_bytes([*a, *b]),
                _ => 0,
            });
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        return detect_xml(text.as_bytes());
    }
    detect_xml(window)
}

/// An edXML package among XML texts (UTF-8).
fn detect_xml(window: &[u8]) -> Option<Format> {
    let text = window.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(window);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    let names = |needle: &[u8]| window.windows(needle.len()).any(|w| w == needle);
    (first == Some(&b'<') && (names(b"edXML") || names(b"e-doc.vn"))).then_some(Format::Edxml)
}

/// What a file that vanthu does not check is, from its first bytes, for
/// messages: "an office document (OOXML: Word, Excel, PowerPoint)", "a PNG
/// image", "UTF-16 text"… A ZIP is described by its first entry (an office
/// document, else "a ZIP archive"); whether it is an archival package needs
/// its directory ([`vanthu_archive::package::is_package`]).
///
/// ```
/// assert_eq!(vanthu::describe(b"\x89PNG\r\n\x1a\n"), "a PNG image");
/// assert_eq!(vanthu::describe(b"PK\x03\x04 ... [Content_Types].xml"), "an office document (OOXML: Word, Excel, PowerPoint)");
/// ```
#[must_use]
pub fn describe(head: &[u8]) -> &'static str {
    let window = head.get(..head.len().min(HEAD_LEN)).unwrap_or(head);
    let names = |needle: &[u8]| window.windows(needle.len()).any(|w| w == needle);
    if head.starts_with(b"PK\x03\x04") {
        if names(b"[Content_Types].xml") || names(b"word/") || names(b"xl/") || names(b"ppt/") {
            return "an office document (OOXML: Word, Excel, PowerPoint)";
        }
        if names(b"mimetypeapplication/vnd.oasis.opendocument") {
            return "an OpenDocument file (ODF)";
        }
        return "a ZIP archive";
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return "an old office document (OLE: .doc, .xls, .ppt)";
    }
    if head.starts_with(b"\x89PNG") {
        return "a PNG image";
    }
    if head.starts_with(b"\xFF\xD8\xFF") {
        return "a JPEG image";
    }
    if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        return "a TIFF image";
    }
    if head.starts_with(b"GIF8") {
        return "a GIF image";
    }
    if head.starts_with(b"MZ") {
        return "a Windows program";
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return "UTF-16 text";
    }
    if head.is_empty() {
        return "an empty file";
    }
    "of a kind vanthu does not recognise"
}

/// Why a file whose first bytes are `head` is not an edXML package, saying
/// what it is and which command reads it (a PDF: `verify`; a ZIP: `archive
/// check`), or `None` when it may be one (recognised as edXML, or any XML:
/// the reader then says what is wrong with it).
///
/// ```
/// assert_eq!(vanthu::not_edxml(b"<?xml version=\"1.0\"?><edXMLEnvelope/>"), None);
/// assert_eq!(
///     vanthu::not_edxml(b"%PDF-1.7\n").as_deref(),
///     Some("a PDF: `vanthu verify` reads it")
/// );
/// ```
#[must_use]
pub fn not_edxml(head: &[u8]) -> Option<String> {
    let head = head.get(..head.len().min(HEAD_LEN)).unwrap_or(head);
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let looks_like_xml = text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
    let described = describe(head);
    match detect(head) {
        Some(Format::Edxml) => None,
        Some(Format::Pdf) => Some("a PDF: `vanthu verify` reads it".to_owned()),
        Some(Format::Sip) if described == "a ZIP archive" => {
            Some("a ZIP: `vanthu archive check` reads archival packages".to_owned())
        }
        _ if looks_like_xml => None,
        _ => Some(described.to_owned()),
    }
}
