//! Which requirements a package is checked against.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The set of requirements [`check_package`](super::check_package) applies.
///
/// Circular 05/2025/TT-BNV packages are E-ARK packages with Vietnamese
/// metadata: [`Csip`](Self::Csip) checks the E-ARK Common Specification
/// for Information Packages alone, [`Sip`](Self::Sip) adds the E-ARK SIP
/// specification, and [`Tt05`](Self::Tt05) (the default) adds the
/// circular's own requirements on top of both.
///
/// ```
/// use vanthu_archive::package::Profile;
/// assert_eq!("sip".parse::<Profile>(), Ok(Profile::Sip));
/// assert_eq!(Profile::default().to_string(), "tt05");
/// assert!("dip".parse::<Profile>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Profile {
    /// E-ARK CSIP 2.1.0 (2.0.4 where the package declares it).
    Csip,
    /// E-ARK CSIP and SIP 2.1.0.
    Sip,
    /// E-ARK CSIP and SIP, and Circular 05/2025/TT-BNV.
    #[default]
    Tt05,
}

impl Profile {
    /// Every profile, in the order of increasing strictness.
    pub const ALL: [Self; 3] = [Self::Csip, Self::Sip, Self::Tt05];

    /// The name used on the command line and in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Csip => "csip",
            Self::Sip => "sip",
            Self::Tt05 => "tt05",
        }
    }

    /// True when the E-ARK SIP requirements apply.
    #[must_use]
    pub const fn checks_sip(self) -> bool {
        matches!(self, Self::Sip | Self::Tt05)
    }

    /// True when the requirements of Circular 05/2025/TT-BNV apply.
    #[must_use]
    pub const fn checks_tt05(self) -> bool {
        matches!(self, Self::Tt05)
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Profile`] name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownProfile(pub String);

impl fmt::Display for UnknownProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown profile `{}` (expected csip, sip or tt05)",
            self.0
        )
    }
}

impl std::error::Error for UnknownProfile {}

impl FromStr for Profile {
    type Err = UnknownProfile;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownProfile(s.to_owned()))
    }
}
