//! An agency's choices where the regulations leave one: the national texts
//! by default, the stricter or looser rules of a city or province by name.
//!
//! Deadline choices (the next-day and same-day bounds) live in
//! [`DeadlineRules`](crate::calendar::DeadlineRules); this policy holds the
//! choices about who may do what.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Whether a receiver may refuse a recall (status 16 answering a 13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecallRefusal {
    /// Allowed: Quyết định 28/2018/QĐ-TTg Điều 5 defines 16 as the answer
    /// to any change request, recalls included.
    #[default]
    Allowed,
    /// Forbidden: the receiver cancels a recalled document and tells the
    /// sender (Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 1 điểm
    /// d; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 9 khoản 4;
    /// Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 9 khoản 4).
    Forbidden,
}

/// Which documents also go on paper when they are issued electronically
/// (the `Paper` flag of the edXML package, QCVN 102:2016/BTTTT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PaperCopies {
    /// Only documents without legal value as electronic documents (not
    /// validly signed by the competent person and the agency): they are for
    /// reference only and the paper follows (Quyết định 3760/QĐ-UBND (TP.HCM,
    /// 2021) Điều 4 khoản 4; Quy chế văn bản điện tử (tỉnh Nam Định, 2021)
    /// Điều 3 khoản 3).
    #[default]
    WithoutLegalValue,
    /// Also every submission (Tờ trình) and decision (Quyết định)
    /// (Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Phụ lục 1 mục 2).
    SubmissionsAndDecisions,
}

/// Who may do what, where the texts differ or leave it to the agency's
/// working rules (*quy chế làm việc*).
///
/// The default is the national reading. A log carries its agency's policy
/// ([`EventLog::policy`](crate::EventLog::policy)), so that replaying it
/// judges each event by the rules the agency works under.
///
/// ```
/// use vanthu_workflow::{Policy, RecallRefusal};
/// let hcm: Policy = "ho-chi-minh-city".parse()?;
/// assert_eq!(hcm.recall_refusal, RecallRefusal::Forbidden);
/// assert!(!Policy::default().clerk_routes);
/// assert!(Policy::default().clerk_routes(true).clerk_routes);
/// # Ok::<(), vanthu_workflow::UnknownPolicy>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Policy {
    /// The clerk may route a registered document straight to the unit in
    /// charge, on the strength of its content and the agency's working rules,
    /// without a leader's assignment (Quyết định 4556/QĐ-UBND (TP.HCM, 2017)
    /// Phụ lục 2 mục II.1; Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Phụ
    /// lục 2 mục II.1). Off by default: Nghị định 30/2020/NĐ-CP Điều 23 has the
    /// leader assign.
    #[serde(default)]
    pub clerk_routes: bool,
    /// Whether a receiver may refuse a recall.
    #[serde(default)]
    pub recall_refusal: RecallRefusal,
    /// Which documents also go on paper.
    #[serde(default)]
    pub paper_copies: PaperCopies,
}

impl Policy {
    /// The national reading: Nghị định 30/2020/NĐ-CP and Quyết định
    /// 28/2018/QĐ-TTg.
    #[must_use]
    pub const fn national() -> Self {
        Self {
            clerk_routes: false,
            recall_refusal: RecallRefusal::Allowed,
            paper_copies: PaperCopies::WithoutLegalValue,
        }
    }

    /// The rules of a named city or province.
    #[must_use]
    pub const fn local(rules: LocalRules) -> Self {
        match rules {
            LocalRules::National => Self::national(),
            LocalRules::HoChiMinhCity => Self {
                clerk_routes: true,
                recall_refusal: RecallRefusal::Forbidden,
                paper_copies: PaperCopies::WithoutLegalValue,
            },
            LocalRules::PhuNhuan => Self {
                clerk_routes: true,
                recall_refusal: RecallRefusal::Forbidden,
                paper_copies: PaperCopies::SubmissionsAndDecisions,
            },
            LocalRules::NamDinh | LocalRules::QuangNam => Self {
                clerk_routes: false,
                recall_refusal: RecallRefusal::Forbidden,
                paper_copies: PaperCopies::WithoutLegalValue,
            },
        }
    }

    /// This policy with clerk routing allowed or not.
    #[must_use]
    pub const fn clerk_routes(mut self, allowed: bool) -> Self {
        self.clerk_routes = allowed;
        self
    }

    /// This policy with other documents sent on paper too.
    #[must_use]
    pub const fn paper_copies(mut self, copies: PaperCopies) -> Self {
        self.paper_copies = copies;
        self
    }

    /// This policy with another answer to recalls.
    #[must_use]
    pub const fn recall_refusal(mut self, refusal: RecallRefusal) -> Self {
        self.recall_refusal = refusal;
        self
    }

    /// True for the default (national) policy: logs leave it out.
    #[must_use]
    pub fn is_national(&self) -> bool {
        *self == Self::national()
    }
}

/// The rule sets vanthu knows by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum LocalRules {
    /// Nghị định 30/2020/NĐ-CP and Quyết định 28/2018/QĐ-TTg.
    #[default]
    National,
    /// Quyết định 4556/QĐ-UBND (2017) and 3760/QĐ-UBND (2021) of Hồ Chí Minh City.
    HoChiMinhCity,
    /// Quyết định 71/QĐ-UBND (2018) of Phú Nhuận district, Hồ Chí Minh City:
    /// the city's rules, and submissions and decisions also go on paper.
    PhuNhuan,
    /// Quy chế văn bản điện tử of Nam Định province (2021).
    NamDinh,
    /// Quyết định 182/QĐ-LĐTBXH of the Quảng Nam labour department (2019).
    QuangNam,
}

impl LocalRules {
    /// Every named rule set.
    pub const ALL: [Self; 5] = [
        Self::National,
        Self::HoChiMinhCity,
        Self::PhuNhuan,
        Self::NamDinh,
        Self::QuangNam,
    ];

    /// The name on the command line: `national`, `ho-chi-minh-city`,
    /// `phu-nhuan`, `nam-dinh`, `quang-nam`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::HoChiMinhCity => "ho-chi-minh-city",
            Self::PhuNhuan => "phu-nhuan",
            Self::NamDinh => "nam-dinh",
            Self::QuangNam => "quang-nam",
        }
    }
}

impl fmt::Display for LocalRules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A policy name that is not one of [`LocalRules::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[error(
    "unknown policy `{0}` (expected national, ho-chi-minh-city, phu-nhuan, nam-dinh or quang-nam)"
)]
pub struct UnknownPolicy(pub String);

impl FromStr for LocalRules {
    type Err = UnknownPolicy;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownPolicy(s.to_owned()))
    }
}

impl FromStr for Policy {
    type Err = UnknownPolicy;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(Self::local)
    }
}
