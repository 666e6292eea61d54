//! Code lists shared by the edXML packages and the document workflow: status
//! codes, business types, and the fields that name the staff member who
//! handled a package.

use std::fmt;

/// Status codes of status packages: the processing status a receiver reports
/// back to the sender of an electronic document (Quyết định 28/2018/QĐ-TTg
/// Điều 5; the codes are listed in the repository's `docs/workflow.md` §4).
///
/// Serialised as the two-digit code (`"03"`); any other code is kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StatusCode {
    /// 01 Đã đến: received by the software, not yet handled by the clerk.
    Arrived,
    /// 02 Từ chối tiếp nhận: rejected by the clerk (reason in `Description`).
    Rejected,
    /// 03 Đã tiếp nhận: accepted and registered as incoming.
    Accepted,
    /// 04 Phân công: assigned for handling.
    Assigned,
    /// 05 Đang xử lý: being processed.
    Processing,
    /// 06 Hoàn thành: processing finished.
    Completed,
    /// 13 Yêu cầu lấy lại: the sender asks to take the document back.
    TakeBackRequested,
    /// 15 Đồng ý cập nhật, lấy lại: the receiver agrees to an update or take-back.
    ChangeAccepted,
    /// 16 Từ chối cập nhật, lấy lại: the receiver refuses an update or take-back.
    ChangeRejected,
    /// Any other code, kept as read.
    Other(String),
}

impl StatusCode {
    /// The nine codes in use.
    pub const KNOWN: [Self; 9] = [
        Self::Arrived,
        Self::Rejected,
        Self::Accepted,
        Self::Assigned,
        Self::Processing,
        Self::Completed,
        Self::TakeBackRequested,
        Self::ChangeAccepted,
        Self::ChangeRejected,
    ];

    /// Reads a code; `1` and `01` are the same code. Unknown codes are kept.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let t = text.trim();
        let n = if t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) {
            t.parse::<u8>().ok()
        } else {
            None
        };
        match n {
            Some(1) => Self::Arrived,
            Some(2) => Self::Rejected,
            Some(3) => Self::Accepted,
            Some(4) => Self::Assigned,
            Some(5) => Self::Processing,
            Some(6) => Self::Completed,
            Some(13) => Self::TakeBackRequested,
            Some(15) => Self::ChangeAccepted,
            Some(16) => Self::ChangeRejected,
            _ => Self::Other(t.to_owned()),
        }
    }

    /// The two-digit code as written, e.g. `03`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Arrived => "01",
            Self::Rejected => "02",
            Self::Accepted => "03",
            Self::Assigned => "04",
            Self::Processing => "05",
            Self::Completed => "06",
            Self::TakeBackRequested => "13",
            Self::ChangeAccepted => "15",
            Self::ChangeRejected => "16",
            Self::Other(s) => s,
        }
    }

    /// Whether this is one of the nine codes in use.
    #[must_use]
    pub fn is_known(&self) -> bool {
        !matches!(self, Self::Other(_))
    }

    /// The usual Vietnamese description, as the national exchange axis writes it.
    #[must_use]
    pub fn description_vi(&self) -> &str {
        match self {
            Self::Arrived => "Đã đến - Phần mềm QLVB đã nhận nhưng văn thư chưa xử lý",
            Self::Rejected => "Từ chối tiếp nhận văn bản điện tử",
            Self::Accepted => "Tiếp nhận văn bản điện tử, vào sổ văn bản đến của đơn vị",
            Self::Assigned => "Phân công xử lý",
            Self::Processing => "Đang xử lý",
            Self::Completed => "Hoàn thành xử lý",
            Self::TakeBackRequested => "Yêu cầu lấy lại văn bản điện tử",
            Self::ChangeAccepted => "Đồng ý yêu cầu cập nhật, lấy lại văn bản điện tử",
            Self::ChangeRejected => "Từ chối yêu cầu cập nhật, lấy lại văn bản điện tử",
            Self::Other(_) => "",
        }
    }

    /// True for 13, which the original sender sends (all others are sent by
    /// the receiver).
    #[must_use]
    pub fn sent_by_sender(&self) -> bool {
        matches!(self, Self::TakeBackRequested)
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a document package does to an earlier one: edXML
/// `Bussiness/BussinessDocType` (QCVN 102:2016/BTTTT; `docs/workflow.md` §4).
///
/// Serialised as the one-digit code (`"2"`). The list is closed: the schema
/// defines exactly these four values, and readers report any other as a
/// finding instead of keeping it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
// Closed: the four values QCVN 102:2016/BTTTT defines. Matching on it exhaustively is safe.
#[allow(clippy::exhaustive_enums)]
pub enum BusinessType {
    /// 0 văn bản mới: a new document.
    New,
    /// 1 thu hồi: revocation.
    Revoke,
    /// 2 cập nhật: update.
    Update,
    /// 3 thay thế: replacement.
    Replace,
}

impl BusinessType {
    /// Reads `0`–`3`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "0" => Some(Self::New),
            "1" => Some(Self::Revoke),
            "2" => Some(Self::Update),
            "3" => Some(Self::Replace),
            _ => None,
        }
    }

    /// The code as written.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "0",
            Self::Revoke => "1",
            Self::Update => "2",
            Self::Replace => "3",
        }
    }

    /// The kind of business in words: `new`, `revocation`, `update` or
    /// `replacement`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Revoke => "revocation",
            Self::Update => "update",
            Self::Replace => "replacement",
        }
    }

    /// The usual reason text, as the national exchange axis writes it.
    #[must_use]
    pub fn reason_vi(self) -> &'static str {
        match self {
            Self::New => "Văn bản điện tử mới",
            Self::Revoke => "Thu hồi văn bản điện tử",
            Self::Update => "Cập nhật văn bản điện tử",
            Self::Replace => "Văn bản thay thế",
        }
    }
}

impl serde::Serialize for StatusCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for StatusCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(Self::parse(&text))
    }
}

impl serde::Serialize for BusinessType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for BusinessType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format_args!("not a business type (0-3): {text}"))
        })
    }
}

/// The staff member who handled a package (edXML `StaffInfo`): the words both
/// sides use for a person, without any XML of its own. `vanthu-edxml` turns it
/// into its `StaffInfo` element (`From`), and the workflow fills it from an
/// account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct StaffDetails {
    /// The unit (`Department`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The person's full name (`Staff`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    /// E-mail address (`Email`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Mobile phone (`Mobile`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// The unit's id in the sender's system (`DepartmentId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department_id: Option<String>,
    /// The person's account id (`StaffId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_id: Option<String>,
}

impl StaffDetails {
    /// A staff member by name, account id and unit.
    #[must_use]
    pub fn new(
        staff: impl Into<String>,
        staff_id: impl Into<String>,
        department: Option<String>,
    ) -> Self {
        Self {
            department,
            staff: Some(staff.into()),
            staff_id: Some(staff_id.into()),
            ..Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_as_written_and_unknown_codes_round_trip() {
        for code in StatusCode::KNOWN {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<StatusCode>(&json).unwrap(), code);
        }
        let other: StatusCode = serde_json::from_str("\"07\"").unwrap();
        assert_eq!(other, StatusCode::Other("07".to_owned()));
        assert_eq!(serde_json::to_string(&other).unwrap(), "\"07\"");
        assert_eq!(StatusCode::parse("1"), StatusCode::Arrived);
    }

    #[test]
    fn business_types_are_a_closed_list() {
        for (text, kind) in [
            ("0", BusinessType::New),
            ("1", BusinessType::Revoke),
            ("2", BusinessType::Update),
            ("3", BusinessType::Replace),
        ] {
            assert_eq!(BusinessType::parse(text), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(serde_json::from_str::<BusinessType>(&json).unwrap(), kind);
        }
        assert!(serde_json::from_str::<BusinessType>("\"4\"").is_err());
    }

    #[test]
    fn staff_details_skip_what_is_unknown() {
        let staff = StaffDetails::new("Nguyễn Thị Văn Thư", "clerk", None);
        let json = serde_json::to_string(&staff).unwrap();
        assert_eq!(json, r#"{"staff":"Nguyễn Thị Văn Thư","staff_id":"clerk"}"#);
        assert_eq!(serde_json::from_str::<StaffDetails>(&json).unwrap(), staff);
    }
}
