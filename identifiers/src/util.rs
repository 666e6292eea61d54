//! Helpers shared by the parsers: splitting, findings, trait impls.

use crate::error::{IdError, IdErrorKind};
use crate::finding::{Finding, Location};
use crate::rule::Rule;

/// Splits `s` on `sep`, yielding each group with its byte offset in `s`.
pub(crate) fn groups(s: &str, sep: char) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0usize;
    s.split(sep).map(move |g| {
        let at = start;
        start = start.saturating_add(g.len()).saturating_add(sep.len_utf8());
        (at, g)
    })
}

/// Checks the groups of a dot-separated identifier for empty groups and a
/// trailing separator, the errors every dotted form shares.
pub(crate) fn check_separators(s: &str, sep: char, part: &'static str) -> Result<(), IdError> {
    if s.ends_with(sep) {
        return Err(IdError::new(
            IdErrorKind::TrailingSeparator { found: sep },
            s.len().saturating_sub(sep.len_utf8()),
        ));
    }
    for (at, g) in groups(s, sep) {
        if g.is_empty() {
            return Err(IdError::new(IdErrorKind::EmptyPart { part }, at));
        }
    }
    Ok(())
}

/// Every character of `g` (at `base`) is an ASCII digit.
pub(crate) fn expect_digits(g: &str, base: usize) -> Result<(), IdError> {
    for (i, c) in g.char_indices() {
        if !c.is_ascii_digit() {
            return Err(IdError::new(
                IdErrorKind::UnexpectedChar {
                    found: c,
                    expected: "a digit",
                },
                base.saturating_add(i),
            ));
        }
    }
    Ok(())
}

/// Parses an all-digit string that is known to be short.
pub(crate) fn digits_value(g: &str) -> u32 {
    g.bytes().fold(0u32, |acc, b| {
        acc.saturating_mul(10)
            .saturating_add(u32::from(b.wrapping_sub(b'0')))
    })
}

/// A finding located at a byte offset.
pub(crate) fn finding(rule: &Rule, message: String, message_vi: String, offset: usize) -> Finding {
    rule.custom(message, message_vi, Location::at_offset(offset))
}

/// Moves the byte offset of every finding by `delta`: used when a part of a
/// larger identifier was read on its own.
pub(crate) fn shift_findings(findings: Vec<Finding>, delta: usize) -> Vec<Finding> {
    findings
        .into_iter()
        .map(|mut f| {
            let delta = u64::try_from(delta).unwrap_or(u64::MAX);
            f.location.offset = f.location.offset.map(|o| o.saturating_add(delta));
            f
        })
        .collect()
}

/// `FromStr`, `TryFrom<&str>`, `TryFrom<String>`, `From<T> for String`,
/// `Display`, and (with the `serde` feature) serde through the validating
/// parser named `$parse`, for a type whose canonical text is `as_str()`.
macro_rules! string_impls {
    ($ty:ident, $parse:path) => {
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// The identifier as it is written, `AgencyId("000.00.15.H47")`, not
        /// the offsets it is kept as.
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(stringify!($ty)).field(&self.as_str()).finish()
            }
        }

        $crate::util::string_impls_no_display!($ty, $parse);
    };
}

/// [`string_impls`] without `Display`, for types that print themselves.
macro_rules! string_impls_no_display {
    ($ty:ty, $parse:path) => {
        impl ::std::str::FromStr for $ty {
            type Err = $crate::error::IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $parse(s)
            }
        }

        impl ::std::convert::TryFrom<&str> for $ty {
            type Error = $crate::error::IdError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                $parse(s)
            }
        }

        impl ::std::convert::TryFrom<String> for $ty {
            type Error = $crate::error::IdError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                $parse(&s)
            }
        }

        impl ::std::convert::From<$ty> for String {
            fn from(value: $ty) -> String {
                value.as_str().to_owned()
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(
                    deserializer,
                )?;
                $parse(&text).map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use {string_impls, string_impls_no_display};
