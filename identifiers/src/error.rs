//! The one error type of this crate: what is wrong with an identifier, and where.

use std::fmt;

/// Longest input any parser of this crate reads, in bytes.
///
/// The longest legitimate identifier is a QĐ 20/2020 agency id (35 characters)
/// inside a record code or an edXML `DocumentId` (an agency id, a date and a
/// `CodeNumber` (11) / `CodeNotation` (30) pair): far below this cap. The cap
/// bounds the work done on hostile input.
pub const MAX_INPUT_LEN: usize = 256;

/// An identifier could not be read.
///
/// `offset` is the byte offset in the input where the problem is; the
/// [`Display`](fmt::Display) form says what is wrong, where, and which rule
/// applies.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdError {
    kind: IdErrorKind,
    offset: usize,
}

impl IdError {
    /// An error of `kind` at byte `offset`.
    #[must_use]
    pub const fn new(kind: IdErrorKind, offset: usize) -> Self {
        Self { kind, offset }
    }

    /// What is wrong.
    #[must_use]
    pub const fn kind(&self) -> &IdErrorKind {
        &self.kind
    }

    /// Byte offset in the input where the problem is.
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The stable code of this error's kind ([`IdErrorKind::code`]).
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// This error moved by `delta` bytes: used when a part is parsed on its own.
    #[must_use]
    pub(crate) fn shifted(mut self, delta: usize) -> Self {
        self.offset = self.offset.saturating_add(delta);
        self
    }
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind, self.offset)?;
        if let Some(hint) = self.kind.hint() {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for IdError {}

/// What is wrong with an identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum IdErrorKind {
    /// The input is empty.
    #[error("empty input")]
    Empty,
    /// The input is longer than [`MAX_INPUT_LEN`].
    #[error("input of {len} bytes is longer than the {max}-byte limit")]
    TooLong {
        /// Length of the input in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A space or other white space character.
    #[error("white space {found:?}")]
    Whitespace {
        /// The character found.
        found: char,
    },
    /// A character that is not allowed here.
    #[error("unexpected character {found:?} where {expected} was expected")]
    UnexpectedChar {
        /// The character found.
        found: char,
        /// What the grammar wanted.
        expected: &'static str,
    },
    /// The input ended where more was expected.
    #[error("input ends where {expected} was expected")]
    UnexpectedEnd {
        /// What the grammar wanted.
        expected: &'static str,
    },
    /// A look-alike of the Vietnamese letter Đ/đ (U+0110/U+0111).
    #[error("{found:?} (U+{code:04X}) is a look-alike of the Vietnamese letter {intended}")]
    LookalikeD {
        /// The character found.
        found: char,
        /// Its code point.
        code: u32,
        /// The letter that was meant: `Đ` or `đ`.
        intended: char,
    },
    /// A lower-case level-1 letter in an agency id.
    #[error("lower-case level-1 letter {found:?}")]
    LowercaseLevelLetter {
        /// The letter found.
        found: char,
    },
    /// Wrong number of dot-separated groups.
    #[error("{found} dot-separated groups where {expected} were expected")]
    WrongGroupCount {
        /// Groups found.
        found: usize,
        /// Groups expected.
        expected: &'static str,
    },
    /// A group of the wrong width.
    #[error("{part} has {found} characters where {expected} were expected")]
    WrongWidth {
        /// Which part.
        part: &'static str,
        /// Width found.
        found: usize,
        /// Width expected.
        expected: &'static str,
    },
    /// An empty group between two separators, or at either end.
    #[error("empty {part}")]
    EmptyPart {
        /// Which part.
        part: &'static str,
    },
    /// A separator at the end of the input.
    #[error("trailing separator {found:?}")]
    TrailingSeparator {
        /// The separator.
        found: char,
    },
    /// A number that is zero, too large, or badly padded.
    #[error("{part} {value:?} is out of range ({range})")]
    OutOfRange {
        /// Which part.
        part: &'static str,
        /// The text found.
        value: String,
        /// The accepted range.
        range: &'static str,
    },
    /// A document number below 10 without its leading zero.
    #[error("number {value:?} below 10 lacks its leading zero")]
    MissingLeadingZero {
        /// The number as written.
        value: String,
    },
    /// A type abbreviation superseded in 2020.
    #[error("type abbreviation {found:?} was superseded by {current:?} in 2020")]
    LegacyAbbreviation {
        /// The abbreviation found.
        found: String,
        /// Its current form.
        current: &'static str,
    },
    /// A type abbreviation written in ASCII or in the wrong case.
    #[error("type abbreviation {found:?} is not written as the official {official:?}")]
    NonCanonicalAbbreviation {
        /// The abbreviation found.
        found: String,
        /// Its official form.
        official: &'static str,
    },
    /// A date that does not exist in the calendar, or is badly formed.
    #[error("date {value:?} {problem}")]
    BadDate {
        /// The date as written.
        value: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// Text in decomposed (NFD) rather than precomposed (NFC) Unicode.
    #[error("text is not in Unicode NFC (precomposed) form")]
    NotNfc,
    /// A form that only a lenient reader accepts.
    #[error("{what} is readable only leniently")]
    LenientOnly {
        /// What was found.
        what: &'static str,
    },
    /// A value outside a closed code list.
    #[error("{value:?} is not a known {list}")]
    UnknownValue {
        /// The value found.
        value: String,
        /// The code list.
        list: &'static str,
    },
}

impl IdErrorKind {
    /// A stable code for this kind of error, e.g. `ID-E-LOWERCASE-LEVEL`: it
    /// never changes meaning, whatever the wording of the message. Every code
    /// starts with `ID-E-`; `docs/identifiers.md` §7 lists them.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Empty => "ID-E-EMPTY",
            Self::TooLong { .. } => "ID-E-TOO-LONG",
            Self::Whitespace { .. } => "ID-E-WHITESPACE",
            Self::UnexpectedChar { .. } => "ID-E-UNEXPECTED-CHAR",
            Self::UnexpectedEnd { .. } => "ID-E-UNEXPECTED-END",
            Self::LookalikeD { .. } => "ID-E-LOOKALIKE-D",
            Self::LowercaseLevelLetter { .. } => "ID-E-LOWERCASE-LEVEL",
            Self::WrongGroupCount { .. } => "ID-E-GROUP-COUNT",
            Self::WrongWidth { .. } => "ID-E-WIDTH",
            Self::EmptyPart { .. } => "ID-E-EMPTY-PART",
            Self::TrailingSeparator { .. } => "ID-E-TRAILING-SEPARATOR",
            Self::OutOfRange { .. } => "ID-E-OUT-OF-RANGE",
            Self::MissingLeadingZero { .. } => "ID-E-LEADING-ZERO",
            Self::LegacyAbbreviation { .. } => "ID-E-LEGACY-ABBR",
            Self::NonCanonicalAbbreviation { .. } => "ID-E-ABBR-FORM",
            Self::BadDate { .. } => "ID-E-DATE",
            Self::NotNfc => "ID-E-NOT-NFC",
            Self::LenientOnly { .. } => "ID-E-LENIENT-ONLY",
            Self::UnknownValue { .. } => "ID-E-UNKNOWN-VALUE",
        }
    }

    /// The rule the input breaks, for the human message.
    fn hint(&self) -> Option<&'static str> {
        Some(match self {
            Self::TooLong { .. } => "identifiers are short; the cap bounds work on hostile input",
            Self::Whitespace { .. } => {
                "identifiers have no spaces: an agency id joins its groups with `.` (QCVN 102:2016); a document number puts `/` between number and symbol and `-` between the groups of the symbol (Nghị định 30/2020/NĐ-CP Phụ lục I mục II khoản 3)"
            }
            Self::LookalikeD { .. } => {
                "use U+0110 Đ / U+0111 đ (TCVN 6909:2001 Unicode, Nghị định 30/2020/NĐ-CP Phụ lục I)"
            }
            Self::LowercaseLevelLetter { .. } => "agency ids use capitals (QCVN 102:2016)",
            Self::WrongWidth {
                part: "file notation",
                ..
            } => {
                "a file notation has at most 20 characters (Nghị định 30/2020/NĐ-CP Phụ lục VI, FileNotation); RecordCode::parse_lenient reads a longer one with a finding"
            }
            Self::WrongWidth {
                part: "record code",
                ..
            } => "a record code has at most 100 characters (Thông tư 05/2025/TT-BNV, fileCode)",
            Self::WrongGroupCount { .. } | Self::WrongWidth { .. } => {
                "agency ids have the QCVN 102:2016 form NNN.NN.NN.LNN; irregular forms are read by AnyAgencyId::parse_lenient"
            }
            Self::MissingLeadingZero { .. } => {
                "numbers below 10 take a leading 0 (Nghị định 30/2020/NĐ-CP Phụ lục I mục II khoản 3 điểm a)"
            }
            Self::LegacyAbbreviation { .. } | Self::NonCanonicalAbbreviation { .. } => {
                "see Nghị định 30/2020/NĐ-CP Phụ lục III; DocumentNumber::parse_lenient reads it with a finding"
            }
            Self::TrailingSeparator { .. } => "identifiers do not end with a separator",
            Self::NotNfc => {
                "metadata is compared in NFC (TCVN 6909:2001); DocumentNumber::parse_lenient reads it with a finding"
            }
            Self::LenientOnly { .. } => "use the lenient reader, which reports it as a finding",
            _ => return None,
        })
    }
}

/// Rejects empty and overlong input, white space, and look-alikes of Đ; the
/// checks every parser shares.
pub(crate) fn check_common(input: &str) -> Result<(), IdError> {
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
    // One pass over the bytes; a character is decoded only where its first
    // bytes can start white space (U+0085, U+00A0, U+1680, U+2000–U+200A,
    // U+2028, U+2029, U+202F, U+205F, U+3000) or a look-alike of Đ (U+00D0,
    // U+00F0, U+0189, U+0256): the precomposed Vietnamese letters (U+1EA0…)
    // are skipped without decoding.
    let bytes = input.as_bytes();
    // Printable ASCII, the bulk of every identifier, needs no further look.
    let Some(start) = bytes.iter().position(|b| !(0x21..0x7F).contains(b)) else {
        return Ok(());
    };
    for (at, &b) in bytes.iter().enumerate().skip(start) {
        let suspect = match b {
            0x00..=0x7F => {
                if b.is_ascii_whitespace() || b == 0x0B {
                    return Err(IdError::new(
                        IdErrorKind::Whitespace {
                            found: char::from(b),
                        },
                        at,
                    ));
                }
                false
            }
            0xC2 | 0xC3 | 0xC6 | 0xC9 => true,
            0xE1..=0xE3 => matches!(bytes.get(at.saturating_add(1)), Some(0x80 | 0x81 | 0x9A)),
            _ => false,
        };
        if !suspect {
            continue;
        }
        let Some(c) = input.get(at..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        if c.is_whitespace() {
            return Err(IdError::new(IdErrorKind::Whitespace { found: c }, at));
        }
        if let Some(intended) = lookalike_d(c) {
            return Err(IdError::new(
                IdErrorKind::LookalikeD {
                    found: c,
                    code: u32::from(c),
                    intended,
                },
                at,
            ));
        }
    }
    Ok(())
}

/// The Vietnamese letter a look-alike of Đ/đ stands for: Icelandic eth
/// (U+00D0/U+00F0) and African D (U+0189/U+0256) appear in badly converted
/// data (TCVN 6909:2001 encodes Đ/đ as U+0110/U+0111).
pub(crate) fn lookalike_d(c: char) -> Option<char> {
    match c {
        '\u{00D0}' | '\u{0189}' => Some('Đ'),
        '\u{00F0}' | '\u{0256}' => Some('đ'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-level fast path agrees with `char::is_whitespace` and
    /// `lookalike_d` on every Unicode scalar value, alone and after a letter.
    #[test]
    fn check_common_agrees_with_char_classes_on_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let bad = c.is_whitespace() || lookalike_d(c).is_some();
            let alone = c.to_string();
            assert_eq!(check_common(&alone).is_err(), bad, "{c:?}");
            let after = format!("Ệ{c}");
            let result = check_common(&after);
            assert_eq!(result.is_err(), bad, "{c:?}");
            if bad {
                assert_eq!(result.unwrap_err().offset(), 'Ệ'.len_utf8());
            }
        }
    }
}
