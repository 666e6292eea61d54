//! Marks on a document: urgency (*độ khẩn*), confidentiality (*độ mật*) and
//! retention (*thời hạn bảo quản*).

use std::fmt;
use std::num::NonZeroU16;

use unicode_normalization::UnicodeNormalization;

use crate::error::{IdError, IdErrorKind, MAX_INPUT_LEN};
use crate::util::string_impls_no_display;

/// NFC, trimmed, lower case, old-style tone placement (`hoả`) folded to the
/// new style (`hỏa`): the key names are compared on.
fn key(text: &str) -> String {
    text.trim()
        .nfc()
        .collect::<String>()
        .to_lowercase()
        .replace("oả", "ỏa")
}

fn check_len(input: &str) -> Result<(), IdError> {
    if input.trim().is_empty() {
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
    Ok(())
}

/// How urgent a document is (Nghị định 30/2020/NĐ-CP Phụ lục I §III.2.b), with
/// the edXML `OtherInfo/Priority` codes 0–4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
// Closed: the five levels of Nghị định 30/2020/NĐ-CP Phụ lục I and edXML Priority 0–4. Matching on it exhaustively is safe.
#[allow(clippy::exhaustive_enums)]
pub enum Urgency {
    /// Thường: no urgency mark (Priority 0).
    Normal,
    /// Khẩn (Priority 1).
    Urgent,
    /// Thượng khẩn (Priority 2).
    VeryUrgent,
    /// Hỏa tốc (Priority 3).
    Express,
    /// Hỏa tốc hẹn giờ: express, to be delivered at a set time (Priority 4).
    ExpressTimed,
}

const URGENCIES: [Urgency; 5] = [
    Urgency::Normal,
    Urgency::Urgent,
    Urgency::VeryUrgent,
    Urgency::Express,
    Urgency::ExpressTimed,
];

impl Urgency {
    /// The level for an edXML `Priority` code (0–4).
    #[must_use]
    pub fn from_edxml_priority(code: u8) -> Option<Self> {
        URGENCIES.get(usize::from(code)).copied()
    }

    /// The edXML `Priority` code (0–4).
    #[must_use]
    pub const fn edxml_priority(self) -> u8 {
        self as u8
    }

    /// The Vietnamese name, e.g. `Thượng khẩn`.
    #[must_use]
    pub const fn name_vi(self) -> &'static str {
        match self {
            Self::Normal => "Thường",
            Self::Urgent => "Khẩn",
            Self::VeryUrgent => "Thượng khẩn",
            Self::Express => "Hỏa tốc",
            Self::ExpressTimed => "Hỏa tốc hẹn giờ",
        }
    }

    /// True when the document must be registered, presented and passed on
    /// immediately (Nghị định 30/2020/NĐ-CP Điều 4.2.c, 23.1).
    #[must_use]
    pub const fn is_urgent(self) -> bool {
        !matches!(self, Self::Normal)
    }

    /// Reads a Vietnamese name in any letter case (`HỎA TỐC`, `Hoả tốc`).
    ///
    /// # Errors
    /// [`IdErrorKind::UnknownValue`] for anything else.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        check_len(input)?;
        let k = key(input);
        URGENCIES
            .into_iter()
            .find(|u| key(u.name_vi()) == k)
            .ok_or_else(|| {
                IdError::new(
                    IdErrorKind::UnknownValue {
                        value: input.to_owned(),
                        list: "urgency (Thường, Khẩn, Thượng khẩn, Hỏa tốc, Hỏa tốc hẹn giờ)",
                    },
                    0,
                )
            })
    }

    fn as_str(&self) -> &str {
        self.name_vi()
    }
}

impl fmt::Display for Urgency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_vi())
    }
}

string_impls_no_display!(Urgency, Urgency::parse);

/// A state-secret classification (Nghị định 30/2020/NĐ-CP Phụ lục I
/// §III.2.a; Luật Bảo vệ bí mật nhà nước 2018).
///
/// Secret documents never enter the electronic document system: they are
/// excluded from electronic circulation (Quyết định 4556/QĐ-UBND (TP.HCM, 2017) Điều 7;
/// Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 1)
/// and numbered and registered separately (Nghị định 30/2020/NĐ-CP Điều 15.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
// Closed: the three levels of Luật Bảo vệ bí mật nhà nước 2018, and none. Matching on it exhaustively is safe.
#[allow(clippy::exhaustive_enums)]
pub enum Confidentiality {
    /// Mật: secret.
    Secret,
    /// Tối mật: top secret.
    TopSecret,
    /// Tuyệt mật: absolutely secret.
    AbsolutelySecret,
}

const CLASSES: [Confidentiality; 3] = [
    Confidentiality::Secret,
    Confidentiality::TopSecret,
    Confidentiality::AbsolutelySecret,
];

impl Confidentiality {
    /// The Vietnamese name, e.g. `Tối mật`.
    #[must_use]
    pub const fn name_vi(self) -> &'static str {
        match self {
            Self::Secret => "Mật",
            Self::TopSecret => "Tối mật",
            Self::AbsolutelySecret => "Tuyệt mật",
        }
    }

    /// The protection term in years: 10, 20 or 30 (Law on Protection of
    /// State Secrets 2018).
    #[must_use]
    pub const fn protection_years(self) -> u16 {
        match self {
            Self::Secret => 10,
            Self::TopSecret => 20,
            Self::AbsolutelySecret => 30,
        }
    }

    /// Always false: a classified document must not enter the system
    /// (Quyết định 4556/QĐ-UBND (TP.HCM, 2017) Điều 7;
    /// Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 1).
    #[must_use]
    pub const fn may_enter_system(self) -> bool {
        false
    }

    /// Reads a Vietnamese name in any letter case (`TỐI MẬT`).
    ///
    /// # Errors
    /// [`IdErrorKind::UnknownValue`] for anything else.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        check_len(input)?;
        let k = key(input);
        CLASSES
            .into_iter()
            .find(|c| key(c.name_vi()) == k)
            .ok_or_else(|| {
                IdError::new(
                    IdErrorKind::UnknownValue {
                        value: input.to_owned(),
                        list: "confidentiality (Mật, Tối mật, Tuyệt mật)",
                    },
                    0,
                )
            })
    }

    fn as_str(&self) -> &str {
        self.name_vi()
    }
}

impl fmt::Display for Confidentiality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_vi())
    }
}

string_impls_no_display!(Confidentiality, Confidentiality::parse);

/// How long a record is kept (Nghị định 30/2020/NĐ-CP Phụ lục V.I.4:
/// "permanent or a stated number of years"), with the Circular
/// 05/2025/TT-BNV `maintenance` codes 01–07.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
// Closed: permanent or a number of years: nothing else exists. Matching on it exhaustively is safe.
#[allow(clippy::exhaustive_enums)]
pub enum Retention {
    /// Vĩnh viễn: kept permanently.
    Permanent,
    /// Kept for this many years.
    Years(NonZeroU16),
}

/// TT05 `maintenance` codes 02–06 and their terms.
const TT05_TERMS: [(u8, u16); 5] = [(2, 70), (3, 50), (4, 30), (5, 20), (6, 10)];

impl Retention {
    /// A term of `years` years; `None` for zero.
    #[must_use]
    pub fn years(years: u16) -> Option<Self> {
        NonZeroU16::new(years).map(Self::Years)
    }

    /// The TT05 `maintenance` code: 01 permanent, 02 70 years, 03 50, 04 30,
    /// 05 20, 06 10, 07 any other term.
    #[must_use]
    pub fn tt05_code(self) -> u8 {
        match self {
            Self::Permanent => 1,
            Self::Years(n) => TT05_TERMS
                .iter()
                .find(|(_, y)| *y == n.get())
                .map_or(7, |(code, _)| *code),
        }
    }

    /// The retention for a TT05 `maintenance` code 01–06. `None` for 07
    /// ("Khác": the term is not in the code) and unknown codes.
    #[must_use]
    pub fn from_tt05_code(code: u8) -> Option<Self> {
        if code == 1 {
            return Some(Self::Permanent);
        }
        TT05_TERMS
            .iter()
            .find(|(c, _)| *c == code)
            .and_then(|(_, y)| Self::years(*y))
    }

    /// True when the record must be transferred to the agency archive and
    /// its sheets numbered: five years or more (Decree 30/2020/NĐ-CP
    /// Art. 29–31).
    #[must_use]
    pub fn requires_transfer(self) -> bool {
        match self {
            Self::Permanent => true,
            Self::Years(n) => n.get() >= 5,
        }
    }

    /// Reads the Vietnamese label: `Vĩnh viễn` (any case) or `N năm`.
    ///
    /// # Errors
    /// [`IdErrorKind::UnknownValue`] for other text,
    /// [`IdErrorKind::OutOfRange`] for zero or more than 65535 years.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        check_len(input)?;
        let k = key(input);
        if k == key("Vĩnh viễn") {
            return Ok(Self::Permanent);
        }
        let unknown = || {
            IdError::new(
                IdErrorKind::UnknownValue {
                    value: input.to_owned(),
                    list: "retention (Vĩnh viễn, or N năm)",
                },
                0,
            )
        };
        let digits = k.strip_suffix(" năm").ok_or_else(unknown)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(unknown());
        }
        digits
            .parse::<u16>()
            .ok()
            .and_then(Self::years)
            .filter(|_| !digits.starts_with('0'))
            .ok_or_else(|| {
                IdError::new(
                    IdErrorKind::OutOfRange {
                        part: "retention term",
                        value: digits.to_owned(),
                        range: "1 to 65535 years, no leading zero",
                    },
                    0,
                )
            })
    }

    /// The Vietnamese label: `Vĩnh viễn` or `20 năm`.
    #[must_use]
    pub fn label_vi(self) -> String {
        match self {
            Self::Permanent => "Vĩnh viễn".to_owned(),
            Self::Years(n) => format!("{n} năm"),
        }
    }
}

impl fmt::Display for Retention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label_vi())
    }
}

impl std::str::FromStr for Retention {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for Retention {
    type Error = IdError;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

impl serde::Serialize for Retention {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Retention {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}
