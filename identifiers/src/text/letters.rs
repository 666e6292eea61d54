//! The Vietnamese letter model shared by the converters, the detector and the
//! comparison key: a letter is a base (one of the 12 vowels with their shape
//! marks, `đ`, or an ASCII consonant) plus at most one of the five tone marks.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, decompose_canonical};

/// The six tones of Vietnamese (TCVN 6909:2001 encodes each toned vowel as one
/// precomposed code point; the tone is the second combining mark in NFD).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    /// *Thanh ngang*: no mark.
    Level,
    /// *Thanh huyền*: U+0300.
    Grave,
    /// *Thanh sắc*: U+0301.
    Acute,
    /// *Thanh hỏi*: U+0309.
    Hook,
    /// *Thanh ngã*: U+0303.
    Tilde,
    /// *Thanh nặng*: U+0323.
    Dot,
}

impl Tone {
    /// All tones, level first.
    const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Grave,
        Tone::Acute,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];

    /// The combining mark of the tone, `None` for the level tone.
    pub(crate) const fn mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{300}'),
            Tone::Acute => Some('\u{301}'),
            Tone::Hook => Some('\u{309}'),
            Tone::Tilde => Some('\u{303}'),
            Tone::Dot => Some('\u{323}'),
        }
    }

    fn from_mark(c: char) -> Option<Tone> {
        match c {
            '\u{300}' => Some(Tone::Grave),
            '\u{301}' => Some(Tone::Acute),
            '\u{309}' => Some(Tone::Hook),
            '\u{303}' => Some(Tone::Tilde),
            '\u{323}' => Some(Tone::Dot),
            _ => None,
        }
    }
}

/// The 12 vowel bases, lower case.
pub(crate) const VOWELS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// True for a lower-case vowel base.
pub(crate) fn is_vowel_base(c: char) -> bool {
    VOWELS.contains(&c)
}

/// A Vietnamese letter split into its lower-case base, its tone and its case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Letter {
    /// Lower-case base: a vowel with its shape mark, `đ`, or an ASCII letter.
    pub(crate) base: char,
    /// The tone (always level for consonants).
    pub(crate) tone: Tone,
    /// Whether the letter is a capital.
    pub(crate) upper: bool,
}

/// Splits `c` into a Vietnamese [`Letter`], or `None` when `c` is not a letter
/// of the Vietnamese alphabet (ASCII letters count, including f j w z, which
/// appear in loan words and names).
pub(crate) fn split(c: char) -> Option<Letter> {
    if c.is_ascii_alphabetic() {
        return Some(Letter {
            base: c.to_ascii_lowercase(),
            tone: Tone::Level,
            upper: c.is_ascii_uppercase(),
        });
    }
    match c {
        'đ' => {
            return Some(Letter {
                base: 'đ',
                tone: Tone::Level,
                upper: false,
            });
        }
        'Đ' => {
            return Some(Letter {
                base: 'đ',
                tone: Tone::Level,
                upper: true,
            });
        }
        _ => {}
    }
    let mut parts = [None::<char>; 3];
    let mut count = 0usize;
    let mut overflow = false;
    decompose_canonical(c, |d| {
        if let Some(slot) = parts.get_mut(count) {
            *slot = Some(d);
        } else {
            overflow = true;
        }
        count += 1;
    });
    if overflow || count < 2 {
        return None;
    }
    let [Some(first), Some(second), third] = parts else {
        return None;
    };
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let upper = first.is_ascii_uppercase();
    let ascii = first.to_ascii_lowercase();
    // NFD orders marks by combining class, so the dot below (220) comes
    // before a circumflex or breve (230): classify each mark by what it is.
    let mut shape = None;
    let mut tone_mark = None;
    for m in [Some(second), third].into_iter().flatten() {
        match m {
            '\u{302}' | '\u{306}' | '\u{31B}' if shape.is_none() => shape = Some(m),
            _ if tone_mark.is_none() && Tone::from_mark(m).is_some() => tone_mark = Some(m),
            _ => return None,
        }
    }
    let base = match shape {
        Some(m) => compose(ascii, m)?,
        None => ascii,
    };
    if !is_vowel_base(base) {
        return None;
    }
    let tone = match tone_mark {
        None => Tone::Level,
        Some(m) => Tone::from_mark(m)?,
    };
    Some(Letter { base, tone, upper })
}

/// Joins a lower-case base, a tone and a case back into one precomposed letter.
pub(crate) fn join(base: char, tone: Tone, upper: bool) -> Option<char> {
    let toned = match tone.mark() {
        None => base,
        // A shaped vowel with a dot below does not compose directly (ệ is
        // ẹ + circumflex), so recompose from the full decomposition.
        Some(mark) => {
            let mut decomposed = [None::<char>; 3];
            let mut n = 0usize;
            decompose_canonical(base, |d| {
                if let Some(slot) = decomposed.get_mut(n) {
                    *slot = Some(d);
                }
                n += 1;
            });
            if n > 2 {
                return None;
            }
            let mut it = decomposed
                .iter()
                .flatten()
                .copied()
                .chain(std::iter::once(mark))
                .nfc();
            let c = it.next()?;
            if it.next().is_some() {
                return None;
            }
            c
        }
    };
    if upper { to_upper(toned) } else { Some(toned) }
}

/// The single-character upper case of `c`, when there is one.
pub(crate) fn to_upper(c: char) -> Option<char> {
    let mut it = c.to_uppercase();
    let first = it.next()?;
    if it.next().is_some() {
        None
    } else {
        Some(first)
    }
}

/// The single-character lower case of `c`, when there is one.
pub(crate) fn to_lower(c: char) -> Option<char> {
    let mut it = c.to_lowercase();
    let first = it.next()?;
    if it.next().is_some() {
        None
    } else {
        Some(first)
    }
}

/// Every Vietnamese letter that carries a diacritic (the 12 vowels in 6 tones,
/// minus the 5 plain ASCII vowels, plus `đ`), lower case: 67 letters; with
/// their capitals, the 134 letters that TCVN 6909:2001 adds to ASCII.
pub(crate) fn accented_lowercase() -> impl Iterator<Item = char> {
    VOWELS
        .iter()
        .flat_map(|&v| Tone::ALL.iter().filter_map(move |&t| join(v, t, false)))
        .filter(|c| !c.is_ascii())
        .chain(std::iter::once('đ'))
}
