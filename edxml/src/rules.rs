//! Stable rule ids of every finding this crate reports, with their default
//! severity, messages in English and Vietnamese, and the source of the rule.
//!
//! Compliance harnesses key on these ids: they never change meaning.

use vanthu_identifiers::{Finding, Location, Severity};

/// A rule: id, severity, English and Vietnamese message, source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, e.g. `EDXML-HDR-001`.
    pub id: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Message in English.
    pub en: &'static str,
    /// Message in Vietnamese.
    pub vi: &'static str,
    /// Where the rule comes from.
    pub source: &'static str,
}

impl Rule {
    /// A finding of this rule at `location`, with `detail` appended to both messages.
    #[must_use]
    pub fn finding(&self, detail: &str, location: Location) -> Finding {
        let (en, vi) = if detail.is_empty() {
            (self.en.to_owned(), self.vi.to_owned())
        } else {
            (
                format!("{}: {detail}", self.en),
                format!("{}: {detail}", self.vi),
            )
        };
        Finding::new(self.id, self.severity, en, vi, self.source).at(location)
    }

    /// The same rule with another severity (profiles adjust severities).
    #[must_use]
    pub const fn with_severity(self, severity: Severity) -> Self {
        Self { severity, ..self }
    }
}

const QCVN: &str = "QCVN 102:2016/BTTTT (edXML), as implemented by the VPCP/VNPT reference library";
const XML: &str = "W3C XML 1.0 / Namespaces in XML 1.0";

macro_rules! rules {
    ($($(#[$doc:meta])* $name:ident = ($id:literal, $sev:ident, $en:literal, $vi:literal, $src:expr);)*) => {
        $( $(#[$doc])* pub const $name: Rule = Rule { id: $id, severity: Severity::$sev, en: $en, vi: $vi, source: $src }; )*
        /// Every rule, for documentation and harnesses.
        pub const ALL: &[Rule] = &[$($name),*];
    };
}

rules! {
    /// The package has no XML declaration.
    NO_XML_DECLARATION = ("EDXML-XML-001", Info, "no XML declaration (the reference writer emits <?xml version=\"1.0\" encoding=\"UTF-8\"?>)", "thiếu khai báo XML (bộ ghi tham chiếu ghi <?xml version=\"1.0\" encoding=\"UTF-8\"?>)", XML);
    /// A comment where the model cannot keep it: inside attachment content
    /// (the Base64 text is rewritten from the decoded bytes). Reported once
    /// per package. Comments anywhere else are kept (`EDXML-XML-008`).
    COMMENTS_DROPPED = ("EDXML-XML-002", Info, "comment inside attachment content: not kept when the package is rewritten", "chú thích XML nằm trong nội dung tệp đính kèm: không được giữ lại khi ghi lại gói tin", XML);
    /// A prefix is used without a namespace declaration.
    UNDECLARED_PREFIX = ("EDXML-XML-003", Error, "namespace prefix used without declaration; strict XML parsers reject the package", "tiền tố không gian tên chưa được khai báo; bộ phân tích XML chặt chẽ sẽ từ chối gói tin", XML);
    /// A processing instruction where the model cannot keep it: inside
    /// attachment content. Anywhere else it is kept (`EDXML-XML-008`).
    PI_DROPPED = ("EDXML-XML-004", Info, "processing instruction inside attachment content: not kept when the package is rewritten", "chỉ thị xử lý XML nằm trong nội dung tệp đính kèm: không được giữ lại khi ghi lại gói tin", XML);
    /// Attributes on a value element: kept in `Extras::children`.
    LEAF_ATTRIBUTE_KEPT = ("EDXML-XML-005", Warning, "attribute on a value element (not in the schema): kept as read", "thuộc tính trên phần tử giá trị (không có trong lược đồ): được giữ nguyên như khi đọc", QCVN);
    /// Child elements inside a value element: kept in `Extras::children`.
    LEAF_CHILDREN_KEPT = ("EDXML-XML-006", Warning, "child element inside a value element (not in the schema): kept as read, after the value's text", "phần tử con bên trong phần tử giá trị (không có trong lược đồ): được giữ nguyên, đặt sau nội dung văn bản", QCVN);
    /// Unknown content inside a list element: kept in `Extras::children`.
    LIST_CONTENT_KEPT = ("EDXML-XML-007", Warning, "unknown content inside a list element (not in the schema): kept as read", "nội dung không xác định bên trong phần tử danh sách (không có trong lược đồ): được giữ nguyên như khi đọc", QCVN);
    /// A comment or processing instruction kept in document order
    /// (`XmlContent::Comment`, `XmlContent::ProcessingInstruction`): inside
    /// the root element in the `Extras` of the nearest known element, before
    /// and after it in `PackageExtras::prolog` and `PackageExtras::epilog`.
    MARKUP_KEPT = ("EDXML-XML-008", Info, "comment or processing instruction kept as read", "chú thích hoặc chỉ thị xử lý XML được giữ nguyên như khi đọc", XML);
    /// An element is not in the edXML namespace.
    WRONG_NAMESPACE = ("EDXML-NS-001", Warning, "element is not in the edXML namespace http://www.mic.gov.vn/TBT/QCVN_102_2016", "phần tử không thuộc không gian tên edXML http://www.mic.gov.vn/TBT/QCVN_102_2016", QCVN);
    /// Prefixes differ from the reference serialisation.
    PREFIX_DEVIATION = ("EDXML-NS-002", Warning, "prefixes differ from the reference serialisation (edXML: inside the envelope); the VPCP side has rejected such packages", "tiền tố khác với cách ghi tham chiếu (edXML: bên trong edXMLEnvelope); phía VPCP từng từ chối gói tin như vậy", "reference/edxml.md §1.1 (VNPT EdXML102 serialisation; report of VPCP rejection)");
    /// `Business` spelling.
    BUSINESS_SPELLING = ("EDXML-DIALECT-001", Warning, "Business spelling (Bkav dialect) instead of the reference Bussiness", "cách viết Business (phương ngữ Bkav) thay vì Bussiness của bộ tham chiếu", "reference/edxml.md §3.1");
    /// Bkav status wrapper.
    STATUS_WRAPPER = ("EDXML-DIALECT-002", Warning, "status package wrapped in Status (Bkav dialect) instead of MessageHeader", "gói tin trạng thái bọc trong Status (phương ngữ Bkav) thay vì MessageHeader", "reference/edxml.md §4.1");
    /// `Manifest` instead of `edXMLManifest`.
    MANIFEST_NAME = ("EDXML-DIALECT-003", Warning, "manifest element named Manifest instead of edXMLManifest", "phần tử danh mục tên Manifest thay vì edXMLManifest", "reference/edxml.md §1.2");
    /// Date in another order.
    DATE_ORDER = ("EDXML-DATE-001", Warning, "date not in the canonical yyyy/MM/dd[ HH:mm:ss] form; read and normalised", "ngày không theo dạng chuẩn yyyy/MM/dd[ HH:mm:ss]; đã đọc và chuẩn hoá", "reference/edxml.md §6 (VNPT DateUtils formats)");
    /// Unreadable or impossible date.
    DATE_INVALID = ("EDXML-DATE-002", Error, "not a real date in any accepted form; kept as read", "không phải ngày hợp lệ theo dạng được chấp nhận; giữ nguyên như đã đọc", "reference/edxml.md §6");
    /// `cid:` prefixes disagree between manifest and attachment.
    CID_MISMATCH = ("EDXML-CID-001", Info, "cid: prefix of ContentId differs between Reference and Attachment; compared without it", "tiền tố cid: của ContentId khác nhau giữa Reference và Attachment; so sánh sau khi bỏ tiền tố", "reference/edxml.md §1.3");
    /// Child order differs from the reference order.
    CHILD_ORDER = ("EDXML-ORDER-001", Info, "child elements are not in the reference order; the writer reorders them", "các phần tử con không theo thứ tự tham chiếu; bộ ghi sẽ sắp xếp lại", "reference/edxml.md §2.1 (VNPT writer order)");
    /// An element that may occur once occurs again.
    DUPLICATE_ELEMENT = ("EDXML-STRUCT-001", Error, "element occurs more than once; the first is used, the others are kept as unknown content", "phần tử xuất hiện nhiều lần; dùng phần tử đầu, các phần tử sau được giữ như nội dung không xác định", QCVN);
    /// Unknown element kept.
    UNKNOWN_ELEMENT = ("EDXML-STRUCT-002", Info, "unknown element kept as is", "phần tử không xác định được giữ nguyên", QCVN);
    /// Required block missing.
    MISSING_BLOCK = ("EDXML-STRUCT-003", Error, "required element is missing", "thiếu phần tử bắt buộc", QCVN);
    /// Invalid Base64.
    INVALID_BASE64 = ("EDXML-ATT-001", Error, "attachment content is not valid Base64", "nội dung tệp đính kèm không phải Base64 hợp lệ", "RFC 4648 §4; QCVN 102:2016 ContentTransferEncoded");
    /// Attachment text interrupted by markup.
    NON_CONTIGUOUS = ("EDXML-ATT-002", Warning, "attachment content is interrupted by comments, processing instructions, CDATA or elements", "nội dung tệp đính kèm bị chen bởi chú thích, chỉ thị xử lý, CDATA hoặc phần tử", QCVN);
    /// Wrapped Base64.
    WRAPPED_BASE64 = ("EDXML-ATT-003", Info, "attachment Base64 contains line breaks or whitespace (the reference writer emits one line)", "Base64 của tệp đính kèm có xuống dòng hoặc khoảng trắng (bộ ghi tham chiếu ghi một dòng)", "reference/edxml.md §1.3");
    /// Leading or trailing whitespace in a value.
    UNTRIMMED_VALUE = ("EDXML-TEXT-002", Info, "value has leading or trailing whitespace", "giá trị có khoảng trắng ở đầu hoặc cuối", QCVN);
}
