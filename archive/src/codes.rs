//! Code tables of Circular 05/2025/TT-BNV (TT05) used in records and
//! package metadata: access regime (`mode`), language, reliability
//! (`confidenceLevel`) and physical condition (`format`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! code_table {
    (
        $(#[$meta:meta])*
        $name:ident, $list:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $vi:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in code order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The two-digit TT05 code, e.g. `01`.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self { $( Self::$variant => $code, )+ }
            }

            /// The Vietnamese label.
            #[must_use]
            pub const fn label_vi(self) -> &'static str {
                match self { $( Self::$variant => $vi, )+ }
            }

            /// The value for a TT05 code; a one-digit form (`1`) is accepted.
            #[must_use]
            pub fn from_code(code: &str) -> Option<Self> {
                let code = code.trim();
                Self::ALL.iter().copied().find(|v| {
                    v.code() == code || (code.len() == 1 && v.code().strip_prefix('0') == Some(code))
                })
            }

            /// Name of the code list, for messages.
            pub const LIST: &'static str = $list;
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::from_code(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {} code `{text}`", $list))
                })
            }
        }
    };
}

code_table! {
    /// Access regime of a record or document (*chế độ sử dụng*, TT05 `mode`).
    AccessMode, "access regime (mode)" {
        /// 01: public use.
        Public = "01", "Công khai";
        /// 02: conditional use.
        Conditional = "02", "Sử dụng có điều kiện";
        /// 03: secret (state secret).
        Secret = "03", "Mật";
    }
}

code_table! {
    /// Language of a record or document (TT05 `language`, several allowed).
    Language, "language" {
        /// 01
        Vietnamese = "01", "Tiếng Việt";
        /// 02
        English = "02", "Tiếng Anh";
        /// 03
        French = "03", "Tiếng Pháp";
        /// 04
        Russian = "04", "Tiếng Nga";
        /// 05
        Chinese = "05", "Tiếng Trung";
        /// 06
        VietnameseEnglish = "06", "Việt - Anh";
        /// 07
        VietnameseRussian = "07", "Việt - Nga";
        /// 08
        VietnameseFrench = "08", "Việt - Pháp";
        /// 09
        HanNom = "09", "Hán Nôm";
        /// 10
        VietnameseChinese = "10", "Việt - Trung";
        /// 11
        Other = "11", "Khác";
    }
}

code_table! {
    /// Reliability of a record or document (TT05 `confidenceLevel`).
    Reliability, "reliability (confidenceLevel)" {
        /// 01: born digital.
        BornDigital = "01", "Số gốc";
        /// 02: digitised from paper.
        Digitised = "02", "Số hóa";
        /// 03: mixed.
        Mixed = "03", "Hỗn hợp";
    }
}

code_table! {
    /// Physical condition (TT05 `format`, as used by the circular's sample).
    Condition, "physical condition (format)" {
        /// 01: good.
        Good = "01", "Tốt";
        /// 02: normal.
        Normal = "02", "Bình thường";
        /// 03: damaged.
        Damaged = "03", "Hư hỏng";
    }
}

/// Whether a loose document went out or came in (TT05 `SIP_tailieu` `source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Direction {
    /// Outgoing (*văn bản đi*), Decree 30/2020 Appendix VI Table I; TT05 `0`.
    #[default]
    Outgoing,
    /// Incoming (*văn bản đến*), Table II; TT05 `1`.
    Incoming,
}

impl Direction {
    /// The TT05 `source` code: `0` outgoing, `1` incoming.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Outgoing => "0",
            Self::Incoming => "1",
        }
    }
}
