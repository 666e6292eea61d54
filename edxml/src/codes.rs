//! Code lists of edXML packages (reference/edxml.md §2.3, §4.2).

use std::fmt;

/// Status codes of status packages (reference/edxml.md §4.2; DOMAIN §3).
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

    /// The usual Vietnamese description (as in the VPCP samples).
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

/// `Bussiness/BussinessDocType` (reference/edxml.md §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
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

    /// The reason text of the VPCP samples.
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
