//! Document types (*thể loại văn bản*): the 29 administrative types of
//! Nghị định 30/2020/NĐ-CP Điều 7, the copy forms, the legal normative types, and
//! the Thông tư 05/2025/TT-BNV `typeName` codes.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

/// A type of document.
///
/// Abbreviations are those of Nghị định 30/2020/NĐ-CP Phụ lục III (exact case,
/// with Đ U+0110) and, for legal normative documents, of the Law on
/// Promulgation of Legal Documents. Values not in the list are kept in
/// [`Unknown`](Self::Unknown) so that they round-trip.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum DocumentType {
    /// Nghị quyết, `NQ` (TT05 01). Also the legal normative resolution.
    Resolution,
    /// Quyết định, `QĐ` (TT05 02). Also the legal normative decision.
    Decision,
    /// Chỉ thị, `CT` (03).
    Directive,
    /// Quy chế, `QC` (04).
    Statute,
    /// Quy định, `QyĐ` (05).
    Regulation,
    /// Thông cáo, `TC` (06).
    Communique,
    /// Thông báo, `TB` (07).
    Notice,
    /// Hướng dẫn, `HD` (08).
    Guidance,
    /// Chương trình, `CTr` (09).
    Programme,
    /// Kế hoạch, `KH` (10).
    Plan,
    /// Phương án, `PA` (11).
    Option,
    /// Đề án, `ĐA` (12).
    Scheme,
    /// Dự án, `DA` (13).
    Project,
    /// Báo cáo, `BC` (14).
    Report,
    /// Biên bản, `BB` (20).
    Minutes,
    /// Tờ trình, `TTr` (15).
    Submission,
    /// Hợp đồng, `HĐ` (21).
    Contract,
    /// Công văn: no abbreviation (22).
    OfficialLetter,
    /// Công điện, `CĐ` (23).
    Telegram,
    /// Bản ghi nhớ, `BGN` (24).
    Memorandum,
    /// Bản thỏa thuận, `BTT` (25).
    Agreement,
    /// Giấy ủy quyền, `GUQ` (16).
    PowerOfAttorney,
    /// Giấy mời, `GM` (26).
    Invitation,
    /// Giấy giới thiệu, `GGT` (27).
    IntroductionLetter,
    /// Giấy nghỉ phép, `GNP` (28).
    LeavePermit,
    /// Phiếu gửi, `PG` (17).
    DispatchSlip,
    /// Phiếu chuyển, `PC` (18).
    TransferSlip,
    /// Phiếu báo, `PB` (19).
    NoticeSlip,
    /// Thư công: no abbreviation (29).
    PublicLetter,
    /// Bản sao y, `SY`: an exact copy.
    ExactCopy,
    /// Bản trích sao, `TrS`: a partial copy.
    ExtractCopy,
    /// Bản sao lục, `SL`: a copy made from a copy.
    TranscribedCopy,
    /// Nghị định, `NĐ` (legal normative).
    Decree,
    /// Thông tư, `TT` (legal normative).
    Circular,
    /// Thông tư liên tịch, `TTLT` (legal normative, several issuers).
    JointCircular,
    /// Nghị quyết liên tịch, `NQLT` (legal normative, several issuers).
    JointResolution,
    /// Lệnh, `L` (the President's order, e.g. `05/2015/L-CTN`).
    Order,
    /// Luật: no type abbreviation, the symbol is the legislature (`QH13`).
    Law,
    /// Bản đồ (TT05 30).
    Map,
    /// Bản vẽ kỹ thuật (TT05 31).
    TechnicalDrawing,
    /// Khác (TT05 32): other.
    Other,
    /// A type not in the list, kept as read.
    Unknown(String),
}

/// Every named type, with abbreviation, Vietnamese name and TT05 code.
const TABLE: &[(DocumentType, Option<&str>, &str, Option<u8>)] = &[
    (DocumentType::Resolution, Some("NQ"), "Nghị quyết", Some(1)),
    (DocumentType::Decision, Some("QĐ"), "Quyết định", Some(2)),
    (DocumentType::Directive, Some("CT"), "Chỉ thị", Some(3)),
    (DocumentType::Statute, Some("QC"), "Quy chế", Some(4)),
    (DocumentType::Regulation, Some("QyĐ"), "Quy định", Some(5)),
    (DocumentType::Communique, Some("TC"), "Thông cáo", Some(6)),
    (DocumentType::Notice, Some("TB"), "Thông báo", Some(7)),
    (DocumentType::Guidance, Some("HD"), "Hướng dẫn", Some(8)),
    (
        DocumentType::Programme,
        Some("CTr"),
        "Chương trình",
        Some(9),
    ),
    (DocumentType::Plan, Some("KH"), "Kế hoạch", Some(10)),
    (DocumentType::Option, Some("PA"), "Phương án", Some(11)),
    (DocumentType::Scheme, Some("ĐA"), "Đề án", Some(12)),
    (DocumentType::Project, Some("DA"), "Dự án", Some(13)),
    (DocumentType::Report, Some("BC"), "Báo cáo", Some(14)),
    (DocumentType::Submission, Some("TTr"), "Tờ trình", Some(15)),
    (
        DocumentType::PowerOfAttorney,
        Some("GUQ"),
        "Giấy ủy quyền",
        Some(16),
    ),
    (
        DocumentType::DispatchSlip,
        Some("PG"),
        "Phiếu gửi",
        Some(17),
    ),
    (
        DocumentType::TransferSlip,
        Some("PC"),
        "Phiếu chuyển",
        Some(18),
    ),
    (DocumentType::NoticeSlip, Some("PB"), "Phiếu báo", Some(19)),
    (DocumentType::Minutes, Some("BB"), "Biên bản", Some(20)),
    (DocumentType::Contract, Some("HĐ"), "Hợp đồng", Some(21)),
    (DocumentType::OfficialLetter, None, "Công văn", Some(22)),
    (DocumentType::Telegram, Some("CĐ"), "Công điện", Some(23)),
    (
        DocumentType::Memorandum,
        Some("BGN"),
        "Bản ghi nhớ",
        Some(24),
    ),
    (
        DocumentType::Agreement,
        Some("BTT"),
        "Bản thỏa thuận",
        Some(25),
    ),
    (DocumentType::Invitation, Some("GM"), "Giấy mời", Some(26)),
    (
        DocumentType::IntroductionLetter,
        Some("GGT"),
        "Giấy giới thiệu",
        Some(27),
    ),
    (
        DocumentType::LeavePermit,
        Some("GNP"),
        "Giấy nghỉ phép",
        Some(28),
    ),
    (DocumentType::PublicLetter, None, "Thư công", Some(29)),
    (DocumentType::Map, None, "Bản đồ", Some(30)),
    (
        DocumentType::TechnicalDrawing,
        None,
        "Bản vẽ kỹ thuật",
        Some(31),
    ),
    (DocumentType::Other, None, "Khác", Some(32)),
    (DocumentType::ExactCopy, Some("SY"), "Bản sao y", None),
    (
        DocumentType::ExtractCopy,
        Some("TrS"),
        "Bản trích sao",
        None,
    ),
    (
        DocumentType::TranscribedCopy,
        Some("SL"),
        "Bản sao lục",
        None,
    ),
    (DocumentType::Decree, Some("NĐ"), "Nghị định", None),
    (DocumentType::Circular, Some("TT"), "Thông tư", None),
    (
        DocumentType::JointCircular,
        Some("TTLT"),
        "Thông tư liên tịch",
        None,
    ),
    (
        DocumentType::JointResolution,
        Some("NQLT"),
        "Nghị quyết liên tịch",
        None,
    ),
    (DocumentType::Order, Some("L"), "Lệnh", None),
    (DocumentType::Law, None, "Luật", None),
];

/// Abbreviations of TT 01/2011/TT-BNV superseded by Decree 30/2020/NĐ-CP,
/// with the type they stand for (reference: lawnet.vn article on ND30).
pub(crate) const LEGACY: &[(&str, DocumentType)] = &[
    ("GN", DocumentType::Memorandum),
    ("TTh", DocumentType::Agreement),
    ("UQ", DocumentType::PowerOfAttorney),
    ("GT", DocumentType::IntroductionLetter),
    ("NP", DocumentType::LeavePermit),
];

/// ASCII-folded spellings of abbreviations that contain Đ. `DA` and `HD` are
/// not here: they are the official abbreviations of Dự án and Hướng dẫn.
pub(crate) const FOLDED: &[(&str, DocumentType)] = &[
    ("QD", DocumentType::Decision),
    ("QyD", DocumentType::Regulation),
    ("ND", DocumentType::Decree),
    ("CD", DocumentType::Telegram),
];

impl DocumentType {
    fn row(
        &self,
    ) -> Option<&'static (DocumentType, Option<&'static str>, &'static str, Option<u8>)> {
        TABLE.iter().find(|row| row.0 == *self)
    }

    /// The official abbreviation, e.g. `QĐ`; `None` for Công văn, Thư công,
    /// Luật and the TT05-only types, which have none.
    #[must_use]
    pub fn abbreviation(&self) -> Option<&'static str> {
        self.row().and_then(|row| row.1)
    }

    /// The Vietnamese name, e.g. `Quyết định`; the text as read for an
    /// unknown type.
    #[must_use]
    pub fn name_vi(&self) -> &str {
        match self {
            Self::Unknown(text) => text,
            other => other.row().map_or("", |row| row.2),
        }
    }

    /// The Thông tư 05/2025/TT-BNV `typeName` code (1–32). `None` for the
    /// copy forms and legal normative types, which TT05 does not list (use
    /// 32, [`Other`](Self::Other), when a code is required), and for unknown
    /// types.
    #[must_use]
    pub fn tt05_code(&self) -> Option<u8> {
        self.row().and_then(|row| row.3)
    }

    /// The type with this official abbreviation, compared exactly (case and
    /// Đ matter: `QĐ` is a decision, `QD` is not).
    #[must_use]
    pub fn from_abbreviation(abbreviation: &str) -> Option<Self> {
        // A `match` rather than a table scan: this runs for every number read.
        Some(match abbreviation {
            "NQ" => Self::Resolution,
            "QĐ" => Self::Decision,
            "CT" => Self::Directive,
            "QC" => Self::Statute,
            "QyĐ" => Self::Regulation,
            "TC" => Self::Communique,
            "TB" => Self::Notice,
            "HD" => Self::Guidance,
            "CTr" => Self::Programme,
            "KH" => Self::Plan,
            "PA" => Self::Option,
            "ĐA" => Self::Scheme,
            "DA" => Self::Project,
            "BC" => Self::Report,
            "TTr" => Self::Submission,
            "GUQ" => Self::PowerOfAttorney,
            "PG" => Self::DispatchSlip,
            "PC" => Self::TransferSlip,
            "PB" => Self::NoticeSlip,
            "BB" => Self::Minutes,
            "HĐ" => Self::Contract,
            "CĐ" => Self::Telegram,
            "BGN" => Self::Memorandum,
            "BTT" => Self::Agreement,
            "GM" => Self::Invitation,
            "GGT" => Self::IntroductionLetter,
            "GNP" => Self::LeavePermit,
            "SY" => Self::ExactCopy,
            "TrS" => Self::ExtractCopy,
            "SL" => Self::TranscribedCopy,
            "NĐ" => Self::Decree,
            "TT" => Self::Circular,
            "TTLT" => Self::JointCircular,
            "NQLT" => Self::JointResolution,
            "L" => Self::Order,
            _ => return None,
        })
    }

    /// The type whose abbreviation (of two letters or more) equals `text`
    /// when letter case is ignored; no allocation, as this runs for every
    /// công văn read.
    pub(crate) fn from_abbreviation_ignoring_case(text: &str) -> Option<Self> {
        // Upper-case the text into a stack buffer (ASCII letters, and đ to Đ:
        // the letters of every abbreviation), then match the upper-cased
        // abbreviations.
        let mut buf = [0u8; 8];
        if text.len() > buf.len() {
            return None;
        }
        let mut previous = 0u8;
        for (slot, &b) in buf.iter_mut().zip(text.as_bytes()) {
            *slot = if previous == 0xC4 && b == 0x91 {
                0x90
            } else {
                b.to_ascii_uppercase()
            };
            previous = b;
        }
        let upper = std::str::from_utf8(buf.get(..text.len())?).ok()?;
        match upper {
            "QYĐ" => Some(Self::Regulation),
            "CTR" => Some(Self::Programme),
            "TTR" => Some(Self::Submission),
            "TRS" => Some(Self::ExtractCopy),
            "L" => None,
            other => Self::from_abbreviation(other),
        }
    }

    /// The type with this TT05 `typeName` code (1–32).
    #[must_use]
    pub fn from_tt05_code(code: u8) -> Option<Self> {
        TABLE
            .iter()
            .find(|row| row.3 == Some(code))
            .map(|row| row.0.clone())
    }

    /// The type with this Vietnamese name (as in edXML `TypeName`), compared
    /// after NFC normalisation, case-insensitively, with old-style tone marks
    /// (`thoả`, `uỷ`) accepted. Anything else becomes
    /// [`Unknown`](Self::Unknown), keeping the text.
    #[must_use]
    pub fn from_name_vi(name: &str) -> Self {
        let key = name_key(name);
        TABLE
            .iter()
            .find(|row| name_key(row.2) == key)
            .map_or_else(|| Self::Unknown(name.to_owned()), |row| row.0.clone())
    }

    /// True for the legal normative types, whose number carries the year
    /// (Law on Promulgation of Legal Documents).
    #[must_use]
    pub fn is_legal_normative(&self) -> bool {
        matches!(
            self,
            Self::Decree
                | Self::Circular
                | Self::JointCircular
                | Self::JointResolution
                | Self::Order
                | Self::Law
        )
    }

    /// True for documents issued jointly by several bodies, whose symbol lists
    /// every issuer (`TTLT-BTC-BNV`).
    #[must_use]
    pub fn is_joint(&self) -> bool {
        matches!(self, Self::JointCircular | Self::JointResolution)
    }

    /// Every named type, in table order.
    pub fn all() -> impl Iterator<Item = Self> {
        TABLE.iter().map(|row| row.0.clone())
    }
}

/// NFC, lower case, old-style tone placement folded to the new style.
fn name_key(name: &str) -> String {
    name.trim()
        .nfc()
        .collect::<String>()
        .to_lowercase()
        .replace("oả", "ỏa")
        .replace("uỷ", "ủy")
}

impl fmt::Display for DocumentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_vi())
    }
}

impl DocumentType {
    /// Reads a type from its official abbreviation (`QĐ`) or its Vietnamese
    /// name (`Quyết định`); any other non-empty text becomes
    /// [`Unknown`](Self::Unknown), kept as read.
    ///
    /// # Errors
    /// [`IdErrorKind::Empty`](crate::IdErrorKind::Empty) for empty input and
    /// `TooLong` beyond [`MAX_INPUT_LEN`](crate::MAX_INPUT_LEN).
    pub fn parse(input: &str) -> Result<Self, crate::IdError> {
        use crate::error::{IdError, IdErrorKind, MAX_INPUT_LEN};
        if input.is_empty() {
            return Err(IdError::new(IdErrorKind::Empty, 0));
        }
        if input.len() > MAX_INPUT_LEN {
            return Err(IdError::new(
                IdErrorKind::TooLong {
                    len: input.len(),
                    max: MAX_INPUT_LEN,
                },
                MAX_INPUT_LEN,
            ));
        }
        Ok(Self::from_abbreviation(input).unwrap_or_else(|| Self::from_name_vi(input)))
    }

    fn as_str(&self) -> &str {
        self.name_vi()
    }
}

crate::util::string_impls_no_display!(DocumentType, DocumentType::parse);

#[cfg(test)]
mod tests {
    use super::{DocumentType, TABLE};

    /// The upper-casing match agrees with the table for every abbreviation
    /// of two letters or more, in any case.
    #[test]
    fn case_folding_of_abbreviations() {
        for (ty, abbr, _, _) in TABLE {
            let Some(abbr) = abbr.filter(|a| a.chars().count() > 1) else {
                continue;
            };
            for variant in [abbr.to_uppercase(), abbr.to_lowercase(), (*abbr).to_owned()] {
                assert_eq!(
                    DocumentType::from_abbreviation_ignoring_case(&variant),
                    Some(ty.clone()),
                    "{variant}"
                );
            }
        }
        assert_eq!(DocumentType::from_abbreviation_ignoring_case("QD"), None);
        assert_eq!(DocumentType::from_abbreviation_ignoring_case("l"), None);
        assert_eq!(DocumentType::from_abbreviation_ignoring_case("UBND"), None);
        assert_eq!(DocumentType::from_abbreviation_ignoring_case("Qɐ"), None);
    }
}
