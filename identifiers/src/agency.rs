//! Agency identifiers (*mã định danh*): the QCVN 102:2016 form, the
//! Quyết định 20/2020/QĐ-TTg form, and irregular forms seen in real traffic.

use std::fmt;

use crate::error::{IdError, IdErrorKind, check_common};
use crate::finding::Finding;
use crate::rules;
use crate::util::{check_separators, digits_value, expect_digits, finding, groups, string_impls};

/// The level-1 group of an agency id: a capital letter and two digits, e.g. `H47`.
///
/// The letter says which group of bodies the agency belongs to (see
/// [`AgencyCategory`]); the digits number the body inside the group (for `H`
/// and `K`, the province).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level1 {
    letter: u8,
    number: u8,
}

impl Level1 {
    /// The capital letter, e.g. `'H'`.
    #[must_use]
    pub fn letter(self) -> char {
        char::from(self.letter)
    }

    /// The two-digit number, e.g. `47`.
    #[must_use]
    pub const fn number(self) -> u8 {
        self.number
    }

    /// The group of bodies the letter stands for.
    #[must_use]
    pub fn category(self) -> AgencyCategory {
        AgencyCategory::from_letter(self.letter())
    }

    /// Reads a level-1 group (`H47`) at byte `base` of a larger input.
    fn parse_at(g: &str, base: usize) -> Result<Self, IdError> {
        let mut chars = g.char_indices();
        let letter = match chars.next() {
            Some((_, c)) if c.is_ascii_uppercase() => c,
            Some((_, c)) if c.is_lowercase() => {
                return Err(IdError::new(
                    IdErrorKind::LowercaseLevelLetter { found: c },
                    base,
                ));
            }
            Some((_, c)) => {
                return Err(IdError::new(
                    IdErrorKind::UnexpectedChar {
                        found: c,
                        expected: "a capital level-1 letter",
                    },
                    base,
                ));
            }
            None => {
                return Err(IdError::new(
                    IdErrorKind::EmptyPart { part: "level 1" },
                    base,
                ));
            }
        };
        let rest = g.get(1..).unwrap_or_default();
        expect_digits(rest, base.saturating_add(1))?;
        if rest.len() != 2 {
            return Err(IdError::new(
                IdErrorKind::WrongWidth {
                    part: "level 1",
                    found: g.chars().count(),
                    expected: "3 (a letter and 2 digits)",
                },
                base,
            ));
        }
        Ok(Self {
            letter: u8::try_from(letter).unwrap_or(b'?'),
            number: u8::try_from(digits_value(rest)).unwrap_or(0),
        })
    }
}

impl fmt::Display for Level1 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{:02}", self.letter(), self.number)
    }
}

/// The group of bodies a level-1 letter stands for (QCVN 102:2016).
///
/// Only the letters confirmed by real data are named; any other letter is kept
/// as [`Other`](Self::Other), never rejected, because the code list is data
/// that changes (Quyết định 09/2025/QĐ-TTg changed level-1 codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum AgencyCategory {
    /// `G`: ministries, ministry-level agencies and bodies under the Government.
    Ministry,
    /// `H`: provincial People's Committees (*UBND tỉnh*).
    ProvincialPeoplesCommittee,
    /// `K`: provincial People's Councils (*HĐND tỉnh*).
    ProvincialPeoplesCouncil,
    /// `A`: Party bodies.
    Party,
    /// Any other letter, kept as read.
    Other(char),
}

impl AgencyCategory {
    /// The category of a level-1 letter.
    #[must_use]
    pub const fn from_letter(letter: char) -> Self {
        match letter {
            'G' => Self::Ministry,
            'H' => Self::ProvincialPeoplesCommittee,
            'K' => Self::ProvincialPeoplesCouncil,
            'A' => Self::Party,
            other => Self::Other(other),
        }
    }

    /// The level-1 letter.
    #[must_use]
    pub const fn letter(self) -> char {
        match self {
            Self::Ministry => 'G',
            Self::ProvincialPeoplesCommittee => 'H',
            Self::ProvincialPeoplesCouncil => 'K',
            Self::Party => 'A',
            Self::Other(c) => c,
        }
    }

    /// A stable snake-case name for JSON output, e.g. `ministry`; `other` for
    /// unknown letters.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ministry => "ministry",
            Self::ProvincialPeoplesCommittee => "provincial_peoples_committee",
            Self::ProvincialPeoplesCouncil => "provincial_peoples_council",
            Self::Party => "party",
            Self::Other(_) => "other",
        }
    }
}

/// The four levels of a QCVN 102:2016 agency id, from level 1 (right) to
/// level 4 (left). A zero level means "not subdivided".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct AgencyLevels {
    /// Level 1: letter and number, e.g. `H47`.
    pub level1: Level1,
    /// Level 2 (2 digits).
    pub level2: u8,
    /// Level 3 (2 digits).
    pub level3: u8,
    /// Level 4 (3 digits).
    pub level4: u16,
}

/// An agency identifier in the QCVN 102:2016 form `NNN.NN.NN.LNN`.
///
/// Level 4 is on the left, level 1 (a capital letter and two digits) on the
/// right, e.g. `000.00.15.H47` (Quảng Nam Department of Labour,
/// Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 10 khoản 2 điểm a). Always 13 ASCII characters.
///
/// ```
/// use vanthu_identifiers::{AgencyId, AgencyCategory};
/// let unit = AgencyId::parse("000.05.15.H47")?;
/// assert_eq!(unit.category(), AgencyCategory::ProvincialPeoplesCommittee);
/// let department = unit.parent().unwrap();
/// assert_eq!(department.as_str(), "000.00.15.H47");
/// assert!(unit.is_within(&department));
/// # Ok::<(), vanthu_identifiers::IdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AgencyId {
    text: [u8; 13],
}

/// Widths and names of the QCVN groups, left to right.
const QCVN_GROUPS: [(usize, &str); 4] = [
    (3, "level 4"),
    (2, "level 3"),
    (2, "level 2"),
    (3, "level 1"),
];

impl AgencyId {
    /// Reads the strict QCVN 102:2016 form.
    ///
    /// # Errors
    /// An [`IdError`] saying what is wrong and at which byte: empty or overlong
    /// input, white space, a wrong number of groups, a group of the wrong width,
    /// a non-digit, a lower-case or missing level-1 letter, a trailing dot.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        // Fast path: the exact shape, checked byte by byte. Everything else
        // goes through the checks below, which say what is wrong.
        if let Ok(text) = <[u8; 13]>::try_from(input.as_bytes())
            && is_qcvn_shape(&text)
        {
            return Ok(Self { text });
        }
        check_common(input)?;
        check_separators(input, '.', "group")?;
        let count = input.split('.').count();
        if count != 4 {
            return Err(IdError::new(
                IdErrorKind::WrongGroupCount {
                    found: count,
                    expected: "4",
                },
                0,
            ));
        }
        for ((at, g), (width, part)) in groups(input, '.').zip(QCVN_GROUPS) {
            if part == "level 1" {
                Level1::parse_at(g, at)?;
            } else {
                expect_digits(g, at)?;
                if g.len() != width {
                    return Err(IdError::new(
                        IdErrorKind::WrongWidth {
                            part,
                            found: g.len(),
                            expected: if width == 3 { "3 digits" } else { "2 digits" },
                        },
                        at,
                    ));
                }
            }
        }
        let mut text = [0u8; 13];
        if input.len() != text.len() {
            // Unreachable after the width checks; kept as an error, not a panic.
            return Err(IdError::new(
                IdErrorKind::WrongWidth {
                    part: "agency id",
                    found: input.len(),
                    expected: "13 characters",
                },
                0,
            ));
        }
        text.copy_from_slice(input.as_bytes());
        Ok(Self { text })
    }

    /// The identifier as text, e.g. `000.00.15.H47`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.text).unwrap_or_default()
    }

    fn group(&self, range: std::ops::Range<usize>) -> u32 {
        digits_value(self.as_str().get(range).unwrap_or_default())
    }

    /// The level-1 group, e.g. `H47`.
    #[must_use]
    pub fn level1(&self) -> Level1 {
        Level1 {
            letter: self.text.get(10).copied().unwrap_or(b'?'),
            number: u8::try_from(self.group(11..13)).unwrap_or(0),
        }
    }

    /// The group of bodies the level-1 letter stands for.
    #[must_use]
    pub fn category(&self) -> AgencyCategory {
        self.level1().category()
    }

    /// All four levels.
    #[must_use]
    pub fn levels(&self) -> AgencyLevels {
        AgencyLevels {
            level1: self.level1(),
            level2: u8::try_from(self.group(7..9)).unwrap_or(0),
            level3: u8::try_from(self.group(4..6)).unwrap_or(0),
            level4: u16::try_from(self.group(0..3)).unwrap_or(0),
        }
    }

    /// The level of this agency in the hierarchy: 1 when levels 2–4 are zero,
    /// up to 4 when level 4 is set.
    #[must_use]
    pub fn depth(&self) -> u8 {
        let l = self.levels();
        if l.level4 != 0 {
            4
        } else if l.level3 != 0 {
            3
        } else if l.level2 != 0 {
            2
        } else {
            1
        }
    }

    /// The agency one level up: the lowest non-zero level set to zero, e.g.
    /// `000.05.15.H47` → `000.00.15.H47` → `000.00.00.H47` → `None`.
    #[must_use]
    pub fn parent(&self) -> Option<Self> {
        // Byte ranges of level 4, 3 and 2, lowest level first.
        let range = [0..3, 4..6, 7..9]
            .into_iter()
            .find(|r| self.group(r.clone()) != 0)?;
        let mut text = self.text;
        for b in text.get_mut(range)? {
            *b = b'0';
        }
        Some(Self { text })
    }

    /// True when this agency is `other` or lies below it.
    #[must_use]
    pub fn is_within(&self, other: &Self) -> bool {
        let mut current = Some(*self);
        while let Some(id) = current {
            if id == *other {
                return true;
            }
            current = id.parent();
        }
        false
    }
}

/// `DDD.DD.DD.LDD` with ASCII digits and a capital letter.
fn is_qcvn_shape(text: &[u8; 13]) -> bool {
    text.iter().enumerate().all(|(i, b)| match i {
        3 | 6 | 9 => *b == b'.',
        10 => b.is_ascii_uppercase(),
        _ => b.is_ascii_digit(),
    })
}

string_impls!(AgencyId, AgencyId::parse);

/// An agency identifier in the left-to-right form of Quyết định 20/2020/QĐ-TTg,
/// e.g. `H37.DN.001` or `G09.20`.
///
/// The first group is level 1 (a capital letter and two digits); each further
/// group (capital letters and digits) goes one level down. At most 35
/// characters.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AgencyId2020 {
    text: String,
}

impl AgencyId2020 {
    /// The longest id the decision allows.
    pub const MAX_LEN: usize = 35;

    /// Reads the Decision 20/2020 form.
    ///
    /// # Errors
    /// An [`IdError`]: empty or overlong input, white space, a bad level-1
    /// group, an empty group, a character other than a capital letter or digit.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        check_common(input)?;
        if input.len() > Self::MAX_LEN {
            return Err(IdError::new(
                IdErrorKind::WrongWidth {
                    part: "Decision 20/2020 agency id",
                    found: input.chars().count(),
                    expected: "at most 35 characters",
                },
                Self::MAX_LEN,
            ));
        }
        check_separators(input, '.', "group")?;
        for (i, (at, g)) in groups(input, '.').enumerate() {
            if i == 0 {
                Level1::parse_at(g, at)?;
            } else {
                for (j, c) in g.char_indices() {
                    if !(c.is_ascii_uppercase() || c.is_ascii_digit()) {
                        return Err(IdError::new(
                            IdErrorKind::UnexpectedChar {
                                found: c,
                                expected: "a capital letter or digit",
                            },
                            at.saturating_add(j),
                        ));
                    }
                }
            }
        }
        Ok(Self {
            text: input.to_owned(),
        })
    }

    /// The identifier as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The level-1 group (the first one).
    #[must_use]
    pub fn level1(&self) -> Level1 {
        let first = self.text.split('.').next().unwrap_or_default();
        Level1::parse_at(first, 0).unwrap_or(Level1 {
            letter: b'?',
            number: 0,
        })
    }

    /// The group of bodies the level-1 letter stands for.
    #[must_use]
    pub fn category(&self) -> AgencyCategory {
        self.level1().category()
    }

    /// The groups, level 1 first.
    pub fn groups(&self) -> impl Iterator<Item = &str> {
        self.text.split('.')
    }

    /// The number of levels (groups).
    #[must_use]
    pub fn depth(&self) -> usize {
        self.groups().count()
    }

    /// The agency one level up (the last group removed), `None` for level 1.
    #[must_use]
    pub fn parent(&self) -> Option<Self> {
        let (head, _) = self.text.rsplit_once('.')?;
        Some(Self {
            text: head.to_owned(),
        })
    }

    /// True when this agency is `other` or lies below it.
    #[must_use]
    pub fn is_within(&self, other: &Self) -> bool {
        self.text == other.text
            || self
                .text
                .strip_prefix(other.text.as_str())
                .is_some_and(|rest| rest.starts_with('.'))
    }
}

string_impls!(AgencyId2020, AgencyId2020::parse);

/// An agency id in neither official form, kept exactly as read: e.g.
/// `28.22.H17` (three groups) or `001.00.20.JB2`, both in the VPCP samples.
///
/// Only [`AnyAgencyId::parse_lenient`] creates one, with an
/// `ID-AGENCY-IRREGULAR` finding. The grammar: two to four dot-separated
/// groups of capital letters and digits, the last starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IrregularAgencyId {
    text: String,
}

impl IrregularAgencyId {
    fn parse(input: &str) -> Result<Self, IdError> {
        check_common(input)?;
        check_separators(input, '.', "group")?;
        let count = input.split('.').count();
        if !(2..=4).contains(&count) {
            return Err(IdError::new(
                IdErrorKind::WrongGroupCount {
                    found: count,
                    expected: "2 to 4",
                },
                0,
            ));
        }
        for (at, g) in groups(input, '.') {
            for (j, c) in g.char_indices() {
                if !(c.is_ascii_uppercase() || c.is_ascii_digit()) {
                    return Err(IdError::new(
                        IdErrorKind::UnexpectedChar {
                            found: c,
                            expected: "a capital letter or digit",
                        },
                        at.saturating_add(j),
                    ));
                }
            }
        }
        let (at, last) = groups(input, '.').last().unwrap_or((0, ""));
        if !last.starts_with(|c: char| c.is_ascii_uppercase()) {
            return Err(IdError::new(
                IdErrorKind::UnexpectedChar {
                    found: last.chars().next().unwrap_or('.'),
                    expected: "a level-1 letter",
                },
                at,
            ));
        }
        Ok(Self {
            text: input.to_owned(),
        })
    }

    /// The identifier as read.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The last group, where level 1 should be (e.g. `H17`).
    #[must_use]
    pub fn level1_text(&self) -> &str {
        self.text.rsplit('.').next().unwrap_or_default()
    }

    /// The category of the level-1 letter.
    #[must_use]
    pub fn category(&self) -> AgencyCategory {
        AgencyCategory::from_letter(self.level1_text().chars().next().unwrap_or('?'))
    }
}

impl fmt::Display for IrregularAgencyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// An agency id in any form met in practice.
///
/// [`parse`](Self::parse) accepts the two official forms;
/// [`parse_lenient`](Self::parse_lenient) also the irregular one, with a
/// finding. `FromStr`, `TryFrom` and serde read leniently so that every value
/// that exists reads back from its text; [`findings`](Self::findings) says
/// what is irregular about a value however it was made.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum AnyAgencyId {
    /// QCVN 102:2016 form, `000.00.15.H47`.
    Qcvn(AgencyId),
    /// Quyết định 20/2020/QĐ-TTg form, `H37.DN.001`.
    Decision2020(AgencyId2020),
    /// Neither form, kept as read, `28.22.H17`.
    Irregular(IrregularAgencyId),
}

impl AnyAgencyId {
    /// Reads either official form.
    ///
    /// # Errors
    /// The [`IdError`] of the form the input looks like: a leading letter
    /// means Decision 20/2020, a leading digit QCVN 102:2016.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        if input.starts_with(|c: char| c.is_alphabetic()) {
            AgencyId2020::parse(input).map(Self::Decision2020)
        } else {
            AgencyId::parse(input).map(Self::Qcvn)
        }
    }

    /// Reads either official form or an irregular one, which is reported as
    /// an `ID-AGENCY-IRREGULAR` finding and kept exactly as read.
    ///
    /// # Errors
    /// The strict form's [`IdError`] when the input is not even irregularly
    /// readable (lower-case letters, white space, trailing dots, look-alikes…).
    pub fn parse_lenient(input: &str) -> Result<(Self, Vec<Finding>), IdError> {
        let value = Self::read(input)?;
        let findings = value.findings();
        Ok((value, findings))
    }

    /// [`parse_lenient`](Self::parse_lenient) without the findings.
    pub(crate) fn read(input: &str) -> Result<Self, IdError> {
        match Self::parse(input) {
            Ok(id) => Ok(id),
            Err(strict) => IrregularAgencyId::parse(input)
                .map(Self::Irregular)
                .map_err(|_| strict),
        }
    }

    /// What is irregular about this id: one `ID-AGENCY-IRREGULAR` finding for
    /// the irregular form, none otherwise.
    #[must_use]
    pub fn findings(&self) -> Vec<Finding> {
        match self {
            Self::Irregular(id) => {
                let why = AgencyId::parse(id.as_str())
                    .err()
                    .map(|e| format!("{} at byte {}", e.kind(), e.offset()))
                    .unwrap_or_default();
                let offset = AgencyId::parse(id.as_str()).err().map_or(0, |e| e.offset());
                vec![finding(
                    &rules::AGENCY_IRREGULAR,
                    format!(
                        "agency id {:?} is in neither the QCVN 102:2016 form NNN.NN.NN.LNN nor the Decision 20/2020 form: {why}",
                        id.as_str()
                    ),
                    format!(
                        "mã định danh {:?} không theo cấu trúc NNN.NN.NN.LNN của QCVN 102:2016 cũng không theo Quyết định 20/2020/QĐ-TTg",
                        id.as_str()
                    ),
                    offset,
                )]
            }
            Self::Qcvn(_) | Self::Decision2020(_) => Vec::new(),
        }
    }

    /// True for the two official forms.
    #[must_use]
    pub fn is_strict(&self) -> bool {
        !matches!(self, Self::Irregular(_))
    }

    /// The identifier as text, exactly as read.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Qcvn(id) => id.as_str(),
            Self::Decision2020(id) => id.as_str(),
            Self::Irregular(id) => id.as_str(),
        }
    }

    /// The QCVN 102:2016 id, when it is one.
    #[must_use]
    pub fn as_qcvn(&self) -> Option<&AgencyId> {
        match self {
            Self::Qcvn(id) => Some(id),
            _ => None,
        }
    }

    /// The level-1 group as text: `H47` for `000.00.15.H47` and `H37.DN.001`.
    #[must_use]
    pub fn level1_text(&self) -> &str {
        match self {
            Self::Qcvn(id) => id.as_str().get(10..).unwrap_or_default(),
            Self::Decision2020(id) => id.groups().next().unwrap_or_default(),
            Self::Irregular(id) => id.level1_text(),
        }
    }

    /// The group of bodies the level-1 letter stands for.
    #[must_use]
    pub fn category(&self) -> AgencyCategory {
        match self {
            Self::Qcvn(id) => id.category(),
            Self::Decision2020(id) => id.category(),
            Self::Irregular(id) => id.category(),
        }
    }

    /// The agency one level up; `None` at level 1 and for irregular ids,
    /// whose hierarchy is unknown.
    #[must_use]
    pub fn parent(&self) -> Option<Self> {
        match self {
            Self::Qcvn(id) => id.parent().map(Self::Qcvn),
            Self::Decision2020(id) => id.parent().map(Self::Decision2020),
            Self::Irregular(_) => None,
        }
    }

    /// A stable name of the form for JSON output: `qcvn102`, `decision20_2020`
    /// or `irregular`.
    #[must_use]
    pub const fn form_name(&self) -> &'static str {
        match self {
            Self::Qcvn(_) => "qcvn102",
            Self::Decision2020(_) => "decision20_2020",
            Self::Irregular(_) => "irregular",
        }
    }
}

impl From<AgencyId> for AnyAgencyId {
    fn from(id: AgencyId) -> Self {
        Self::Qcvn(id)
    }
}

impl From<AgencyId2020> for AnyAgencyId {
    fn from(id: AgencyId2020) -> Self {
        Self::Decision2020(id)
    }
}

fn any_agency_read(input: &str) -> Result<AnyAgencyId, IdError> {
    AnyAgencyId::read(input)
}

string_impls!(AnyAgencyId, any_agency_read);
