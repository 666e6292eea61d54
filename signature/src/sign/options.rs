//! What to sign with: the `/SubFilter`, the visible appearance and the options of [`prepare`](super::prepare).

use chrono::{DateTime, FixedOffset};

use crate::limits::Limits;

/// Which `/SubFilter` to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum SubFilter {
    /// `ETSI.CAdES.detached`: PAdES baseline (ETSI EN 319 142-1).
    #[default]
    CadesDetached,
    /// `adbe.pkcs7.detached`: the legacy form many Vietnamese tools still write.
    Pkcs7Detached,
    /// `ETSI.RFC3161` in a `/DocTimeStamp` dictionary: a document time-stamp
    /// (PAdES B-LTA); finish with [`PreparedPdf::insert_cms`](super::PreparedPdf::insert_cms) and the TSA's token
    /// over [`PreparedPdf::signed_bytes`](super::PreparedPdf::signed_bytes).
    DocTimeStamp,
}

/// A visible signature: a box on a page with text (Times-Roman 10 pt, black, as
/// Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 5 điểm b and Quy chế văn
/// bản điện tử (tỉnh Nam Định, 2021) Điều 16 khoản 2 điểm b ask for attachment
/// signatures).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Appearance {
    /// 0-based page index.
    pub page: usize,
    /// `[x1 y1 x2 y2]` in PDF user space.
    pub rect: [f64; 4],
    /// Lines of text.
    pub lines: Vec<String>,
    /// A PNG image drawn over the whole box (a person's blue signature or the
    /// agency's red seal: Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11
    /// khoản 5; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 16), under the text.
    pub image: Option<Vec<u8>>,
}

impl Appearance {
    /// A box at `rect` on page `page` with `lines` of text.
    #[must_use]
    pub fn new(page: usize, rect: [f64; 4], lines: Vec<String>) -> Self {
        Self {
            page,
            rect,
            lines,
            image: None,
        }
    }

    /// The same box with a PNG image.
    #[must_use]
    pub fn with_image(mut self, png: Vec<u8>) -> Self {
        self.image = Some(png);
        self
    }
}

/// Options of [`prepare`](super::prepare()).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SignOptions {
    /// The signing time written in `/M` (and in `signingTime` for PKCS #7).
    pub time: DateTime<FixedOffset>,
    /// `/SubFilter`.
    pub sub_filter: SubFilter,
    /// Name of the new signature field.
    pub field_name: String,
    /// `/Reason`.
    pub reason: Option<String>,
    /// `/Location`.
    pub location: Option<String>,
    /// Bytes reserved for the CMS (the hex placeholder is twice as long).
    pub reserve: usize,
    /// A visible box, or `None` for an invisible signature.
    pub appearance: Option<Appearance>,
    /// Make this a certification signature with DocMDP permission `P` (1: no
    /// change; 2: form filling and signing; 3: also annotations), ISO 32000-1 §12.8.2.2.
    pub certify: Option<u8>,
    /// Resource limits for reading the input.
    pub limits: Limits,
}

impl SignOptions {
    /// Invisible PAdES signature at `time`, field `Signature<n>`.
    #[must_use]
    pub fn new(time: DateTime<FixedOffset>) -> Self {
        Self {
            time,
            sub_filter: SubFilter::default(),
            field_name: String::new(),
            reason: None,
            location: None,
            reserve: 16 * 1024,
            appearance: None,
            certify: None,
            limits: Limits::default(),
        }
    }
}
