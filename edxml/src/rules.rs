//! Stable rule ids of every finding this crate reports, with their default
//! severity, messages in English and Vietnamese, and the source of the rule.
//!
//! Compliance harnesses key on these ids: they never change meaning.

pub use vanthu_identifiers::Rule;

/// The edXML package format of the national technical regulation.
const QCVN: &str = "QCVN 102:2016/BTTTT §2.3";
/// What receivers check in practice, beyond the regulation's text.
const QCVN_RECEIVERS: &str = "QCVN 102:2016/BTTTT §2.3; vanthu docs/edxml.md §9";
const APP_VI: &str = "Nghị định 30/2020/NĐ-CP Phụ lục VI";
const XML_MARKUP: &str = "W3C XML 1.0 §2.5, §2.6";
const PHU_NHUAN_FORMATS: &str = "Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Điều 6 khoản 2; Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Phụ lục 2 mục III.1";
const UNICODE: &str =
    "TCVN 6909:2001; Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Phụ lục 2 mục III.1";
/// The number and symbol of a document.
const ND30_CODE: &str =
    "Nghị định 30/2020/NĐ-CP Phụ lục I mục II khoản 3; QCVN 102:2016/BTTTT §2.3";
const STATUS: &str = "Quyết định 28/2018/QĐ-TTg Điều 5; vanthu docs/status.md §2";

vanthu_identifiers::catalogue! {
    /// The package cannot be read at all: not well-formed XML, not UTF-8, a
    /// DOCTYPE, a limit exceeded, not an edXML package, a dialect that is not
    /// read. The reader returns an [`EdxmlError`](crate::EdxmlError);
    /// [`EdxmlError::to_finding`](crate::EdxmlError::to_finding) reports it as a
    /// finding of this rule, with the error's stable
    /// [`code`](crate::ErrorKind::code) in the message, so that a harness can
    /// list an unreadable package with the others.
    READ_ERROR = ("EDXML-READ-001", Error, "the package cannot be read", "không đọc được gói tin", "W3C XML 1.0 §2.1; QCVN 102:2016/BTTTT §2.3; vanthu docs/edxml.md §10");
    /// The package has no XML declaration.
    NO_XML_DECLARATION = ("EDXML-XML-001", Note, "no XML declaration (the reference writer emits <?xml version=\"1.0\" encoding=\"UTF-8\"?>)", "thiếu khai báo XML (bộ ghi tham chiếu ghi <?xml version=\"1.0\" encoding=\"UTF-8\"?>)", "W3C XML 1.0 §2.8; vanthu docs/edxml.md §2");
    /// A comment where the model cannot keep it: inside attachment content
    /// (the Base64 text is rewritten from the decoded bytes). Reported once
    /// per package. Comments anywhere else are kept (`EDXML-XML-008`).
    COMMENTS_DROPPED = ("EDXML-XML-002", Note, "comment inside attachment content: not kept when the package is rewritten", "chú thích XML nằm trong nội dung tệp đính kèm: không được giữ lại khi ghi lại gói tin", "W3C XML 1.0 §2.5; vanthu docs/edxml.md §5");
    /// A prefix is used without a namespace declaration.
    UNDECLARED_PREFIX = ("EDXML-XML-003", Error, "namespace prefix used without declaration; strict XML parsers reject the package", "tiền tố không gian tên chưa được khai báo; bộ phân tích XML chặt chẽ sẽ từ chối gói tin", "Namespaces in XML 1.0 §5");
    /// A processing instruction where the model cannot keep it: inside
    /// attachment content. Anywhere else it is kept (`EDXML-XML-008`).
    PI_DROPPED = ("EDXML-XML-004", Note, "processing instruction inside attachment content: not kept when the package is rewritten", "chỉ thị xử lý XML nằm trong nội dung tệp đính kèm: không được giữ lại khi ghi lại gói tin", "W3C XML 1.0 §2.6; vanthu docs/edxml.md §5");
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
    MARKUP_KEPT = ("EDXML-XML-008", Note, "comment or processing instruction kept as read", "chú thích hoặc chỉ thị xử lý XML được giữ nguyên như khi đọc", XML_MARKUP);
    /// An element is not in the edXML namespace.
    WRONG_NAMESPACE = ("EDXML-NS-001", Warning, "element is not in the edXML namespace http://www.mic.gov.vn/TBT/QCVN_102_2016", "phần tử không thuộc không gian tên edXML http://www.mic.gov.vn/TBT/QCVN_102_2016", QCVN);
    /// Prefixes differ from the reference serialisation.
    PREFIX_DEVIATION = ("EDXML-NS-002", Warning, "prefixes differ from the reference serialisation (edXML: inside the envelope); the VPCP side has rejected such packages", "tiền tố khác với cách ghi tham chiếu (edXML: bên trong edXMLEnvelope); phía VPCP từng từ chối gói tin như vậy", "vanthu docs/edxml.md §2");
    /// `Business` spelling.
    BUSINESS_SPELLING = ("EDXML-DIALECT-001", Warning, "Business spelling (Bkav dialect) instead of the reference Bussiness", "cách viết Business (phương ngữ Bkav) thay vì Bussiness của bộ tham chiếu", "vanthu docs/edxml.md §3");
    /// Bkav status wrapper.
    STATUS_WRAPPER = ("EDXML-DIALECT-002", Warning, "status package wrapped in Status (Bkav dialect) instead of MessageHeader", "gói tin trạng thái bọc trong Status (phương ngữ Bkav) thay vì MessageHeader", "vanthu docs/edxml.md §3");
    /// `Manifest` instead of `edXMLManifest`.
    MANIFEST_NAME = ("EDXML-DIALECT-003", Warning, "manifest element named Manifest instead of edXMLManifest", "phần tử danh mục tên Manifest thay vì edXMLManifest", "vanthu docs/edxml.md §3");
    /// Date in another order.
    DATE_ORDER = ("EDXML-DATE-001", Warning, "date not in the canonical yyyy/MM/dd[ HH:mm:ss] form; read and normalised", "ngày không theo dạng chuẩn yyyy/MM/dd[ HH:mm:ss]; đã đọc và chuẩn hoá", "vanthu docs/edxml.md §6");
    /// Unreadable or impossible date.
    DATE_INVALID = ("EDXML-DATE-002", Error, "not a real date in any accepted form; kept as read", "không phải ngày hợp lệ theo dạng được chấp nhận; giữ nguyên như đã đọc", "QCVN 102:2016/BTTTT §2.3; vanthu docs/edxml.md §6");
    /// `cid:` prefixes disagree between manifest and attachment.
    CID_MISMATCH = ("EDXML-CID-001", Note, "cid: prefix of ContentId differs between Reference and Attachment; compared without it", "tiền tố cid: của ContentId khác nhau giữa Reference và Attachment; so sánh sau khi bỏ tiền tố", "vanthu docs/edxml.md §5");
    /// Child order differs from the reference order.
    CHILD_ORDER = ("EDXML-ORDER-001", Note, "child elements are not in the reference order; the writer reorders them", "các phần tử con không theo thứ tự tham chiếu; bộ ghi sẽ sắp xếp lại", "vanthu docs/edxml.md §4");
    /// An element that may occur once occurs again.
    DUPLICATE_ELEMENT = ("EDXML-STRUCT-001", Error, "element occurs more than once; the first is used, the others are kept as unknown content", "phần tử xuất hiện nhiều lần; dùng phần tử đầu, các phần tử sau được giữ như nội dung không xác định", QCVN);
    /// Unknown element kept.
    UNKNOWN_ELEMENT = ("EDXML-STRUCT-002", Note, "unknown element kept as is", "phần tử không xác định được giữ nguyên", QCVN);
    /// Required block missing.
    MISSING_BLOCK = ("EDXML-STRUCT-003", Error, "required element is missing", "thiếu phần tử bắt buộc", QCVN);
    /// Invalid Base64.
    INVALID_BASE64 = ("EDXML-ATT-001", Error, "attachment content is not valid Base64", "nội dung tệp đính kèm không phải Base64 hợp lệ", "RFC 4648 §4; QCVN 102:2016/BTTTT §2.3");
    /// Attachment text interrupted by markup.
    NON_CONTIGUOUS = ("EDXML-ATT-002", Warning, "attachment content is interrupted by comments, processing instructions, CDATA or elements", "nội dung tệp đính kèm bị chen bởi chú thích, chỉ thị xử lý, CDATA hoặc phần tử", QCVN);
    /// Wrapped Base64.
    WRAPPED_BASE64 = ("EDXML-ATT-003", Note, "attachment Base64 contains line breaks or whitespace (the reference writer emits one line)", "Base64 của tệp đính kèm có xuống dòng hoặc khoảng trắng (bộ ghi tham chiếu ghi một dòng)", "RFC 4648 §3.1; vanthu docs/edxml.md §5");
    /// Leading or trailing whitespace in a value.
    UNTRIMMED_VALUE = ("EDXML-TEXT-002", Note, "value has leading or trailing whitespace", "giá trị có khoảng trắng ở đầu hoặc cuối", QCVN);

    // Validation rules (checked by `validate` on a package that could be read).

    /// Required element missing or empty.
    REQUIRED = ("EDXML-HDR-001", Error, "required element missing or empty", "thiếu phần tử bắt buộc hoặc phần tử rỗng", QCVN_RECEIVERS);
    /// Value outside its code list.
    ENUMERATION = ("EDXML-HDR-002", Error, "value is not in the code list", "giá trị không thuộc danh mục mã", "QCVN 102:2016/BTTTT §2.3; vanthu docs/edxml.md §8");
    /// Same recipient twice.
    DUPLICATE_RECIPIENT = ("EDXML-HDR-003", Error, "the same recipient appears more than once", "một nơi nhận xuất hiện nhiều lần", "Quyết định 4556/QĐ-UBND (TP.HCM, 2017) Phụ lục 2 mục III.2; Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Phụ lục 2 mục III.2");
    /// Agency id not readable.
    AGENCY_ID = ("EDXML-HDR-004", Error, "agency identifier is not readable", "mã định danh cơ quan không đọc được", "QCVN 102:2016/BTTTT §2; Quyết định 20/2020/QĐ-TTg Điều 4");
    /// Document id not readable.
    DOCUMENT_ID = ("EDXML-HDR-005", Warning, "DocumentId is not in the form OrganId,yyyy/MM/dd,Number/Notation", "DocumentId không theo dạng OrganId,yyyy/MM/dd,Số/Ký hiệu", "vanthu docs/edxml.md §7");
    /// Document id disagrees with the header.
    DOCUMENT_ID_MISMATCH = ("EDXML-HDR-006", Warning, "DocumentId disagrees with From, Code or PromulgationDate", "DocumentId không khớp với From, Code hoặc PromulgationDate", "vanthu docs/edxml.md §7");
    /// `Code` (`CodeNumber/CodeNotation`) that the number parser of
    /// `vanthu-identifiers` cannot read: an irregular number seen in real
    /// packages (`74fass22`). Reported, never refused: receivers in service
    /// accept it. The identifier findings of a readable code (`ID-DOCNUM-*`)
    /// are reported as they are.
    CODE_IRREGULAR = ("EDXML-HDR-009", Warning, "Code (CodeNumber/CodeNotation) is not a readable document number and symbol", "Code (CodeNumber/CodeNotation) không phải số và ký hiệu văn bản đọc được", ND30_CODE);
    /// Field longer than the metadata table allows.
    LENGTH = ("EDXML-HDR-007", Warning, "value longer than the metadata table allows", "giá trị dài hơn độ dài cho phép của bảng siêu dữ liệu", APP_VI);
    /// Date in the future.
    FUTURE_DATE = ("EDXML-HDR-008", Warning, "date is in the future (Vietnam time)", "ngày ở tương lai (giờ Việt Nam)", "vanthu docs/edxml.md §9");
    /// Business block inconsistent with its type.
    BUSINESS = ("EDXML-BIZ-001", Error, "business block does not match its type", "khối nghiệp vụ không khớp với loại nghiệp vụ", "QCVN 102:2016/BTTTT §2.3; vanthu docs/edxml.md §8");
    /// No business block.
    NO_BUSINESS = ("EDXML-BIZ-002", Warning, "no Bussiness block; receivers assume a new document (type 0)", "không có khối Bussiness; bên nhận coi là văn bản mới (loại 0)", "vanthu docs/edxml.md §8");
    /// No trace header.
    NO_TRACE = ("EDXML-TRC-001", Error, "no TraceHeader", "không có TraceHeader", QCVN_RECEIVERS);
    /// No attachment.
    NO_ATTACHMENT = ("EDXML-ATT-010", Error, "a document sent over the axis must carry at least one attached file", "văn bản gửi qua trục phải kèm ít nhất một tệp", "Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Phụ lục 2 mục III.1");
    /// Reference without attachment.
    REFERENCE_WITHOUT_ATTACHMENT = ("EDXML-ATT-011", Error, "manifest Reference has no Attachment with its ContentId", "Reference trong danh mục không có Attachment cùng ContentId", QCVN_RECEIVERS);
    /// Attachment without reference.
    ATTACHMENT_WITHOUT_REFERENCE = ("EDXML-ATT-012", Error, "Attachment is not listed in the manifest", "Attachment không có trong danh mục edXMLManifest", QCVN_RECEIVERS);
    /// Duplicate content id.
    DUPLICATE_CONTENT_ID = ("EDXML-ATT-013", Error, "ContentId used by more than one attachment", "ContentId được dùng cho nhiều tệp đính kèm", QCVN_RECEIVERS);
    /// Declared type disagrees with content.
    CONTENT_TYPE = ("EDXML-ATT-014", Warning, "declared ContentType does not match the file content", "ContentType khai báo không khớp với nội dung tệp", "Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Điều 6 khoản 2; RFC 6838");
    /// Format not in the allowed list.
    FORMAT = ("EDXML-ATT-015", Warning, "file format is not in the allowed list (.doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .pdf .txt .csv, images)", "định dạng tệp không thuộc danh sách cho phép (.doc .docx .xls .xlsx .ppt .pptx .odt .ods .odp .pdf .txt .csv, ảnh)", PHU_NHUAN_FORMATS);
    /// Active content.
    ACTIVE_CONTENT = ("EDXML-ATT-016", Error, "attachment contains active content (JavaScript, launch, form submission or import actions, rich media, macros)", "tệp đính kèm chứa nội dung thực thi (JavaScript, lệnh khởi chạy, gửi hoặc nhập dữ liệu biểu mẫu, đa phương tiện, macro)", "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 14 khoản 3; Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 13 khoản 1");
    /// ZIP-wrapped attachment.
    ZIP_WRAPPED = ("EDXML-ATT-017", Note, "attachment is wrapped in a ZIP (VNPT wraps unknown file types); its content was not scanned", "tệp đính kèm được nén ZIP (VNPT nén các loại tệp không xác định); nội dung chưa được quét", "vanthu docs/edxml.md §5");
    /// A PDF attachment carries embedded files (PDF/A-3 allows them); they
    /// were not scanned.
    EMBEDDED_FILES = ("EDXML-ATT-019", Note, "a PDF attachment carries embedded files; they were not scanned", "tệp PDF đính kèm có chứa tệp nhúng; các tệp nhúng chưa được quét", "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 14 khoản 3; ISO 32000-1 §7.11.4");
    /// Attachment without a name.
    ATTACHMENT_NAME = ("EDXML-ATT-018", Error, "attachment has no AttachmentName", "tệp đính kèm không có AttachmentName", QCVN_RECEIVERS);
    /// Confidential document.
    SECRET = ("EDXML-SEC-001", Error, "the document is marked secret; secret documents must not be sent electronically", "văn bản có dấu mật; văn bản mật không được gửi qua hệ thống điện tử", "Luật Bảo vệ bí mật nhà nước 2018; Quyết định 4556/QĐ-UBND (TP.HCM, 2017) Điều 7; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 1");
    /// A header field speaks of secrets (bí mật, tối mật) without being a
    /// confidentiality mark: the document is not secret for that, but a clerk
    /// may want to look at the original's mark.
    SECRET_MENTIONED = ("EDXML-SEC-002", Note, "the text speaks of secrets but carries no confidentiality mark", "nội dung có nhắc đến bí mật nhưng không mang dấu chỉ độ mật", "Nghị định 30/2020/NĐ-CP Phụ lục I mục III khoản 2 điểm a; Luật Bảo vệ bí mật nhà nước 2018");
    /// A manifest or attachment `ContentType` that is not a registered media
    /// type: the aliases the VNPT library writes (`application/doc`,
    /// `application/docx`, `application/xsl`, `application/xslx`, …), an
    /// `x-` subtype, or text that is not `type/subtype` with a top-level type
    /// of RFC 6838 (`docs/edxml.md` §5).
    NONSTANDARD_MIME = ("EDXML-ATT-020", Warning, "ContentType is not a registered media type", "ContentType không phải kiểu nội dung đã đăng ký", "RFC 6838 §4.2; vanthu docs/edxml.md §5");
    /// A `Signature` block that cannot be verified because it is a
    /// placeholder (`docs/edxml.md` §11 defines the word).
    SIGNATURE_PLACEHOLDER = ("EDXML-SIG-001", Note, "placeholder signature: not verifiable", "chữ ký giữ chỗ: không thể kiểm tra", "QCVN 102:2016/BTTTT §2.3; vanthu docs/edxml.md §11");
    /// A `Signature` block that looks like a real XML signature (a value and
    /// a complete certificate): vanthu does not verify XML signatures yet,
    /// so it is reported as not verified rather than trusted.
    SIGNATURE_NOT_VERIFIED = ("EDXML-SIG-002", Warning, "XML signature not verified", "chữ ký XML chưa được kiểm tra", "QCVN 102:2016/BTTTT §2.3; vanthu docs/edxml.md §11");
    /// The package is in UTF-16 (with a byte order mark, which XML 1.0
    /// allows): read after transcoding to UTF-8; the reference writer and
    /// vanthu's writer emit UTF-8.
    UTF16_TRANSCODED = ("EDXML-XML-009", Note, "package in UTF-16: read after transcoding to UTF-8 (the reference writer emits UTF-8)", "gói tin mã hoá UTF-16: đã chuyển sang UTF-8 để đọc (bộ ghi tham chiếu ghi UTF-8)", "W3C XML 1.0 §4.3.3; vanthu docs/edxml.md §2");
    /// A `DOCTYPE` declaration: the package is refused, never read past it
    /// and no entity is ever expanded (this rules out external entities and
    /// entity expansion). The reader returns
    /// [`ErrorKind::Doctype`](crate::ErrorKind::Doctype);
    /// [`EdxmlError::to_finding`](crate::EdxmlError::to_finding) reports it as
    /// this rule, not as `EDXML-READ-001`: the package was read far enough
    /// to be judged, and it is not acceptable.
    DOCTYPE = ("EDXML-XML-010", Error, "DOCTYPE declaration: refused (no entity is expanded)", "có khai báo DOCTYPE: gói tin bị từ chối (không khai triển thực thể nào)", "W3C XML 1.0 §2.8; vanthu docs/edxml.md §10");
    /// An attachment is written to disk under another name than its
    /// `AttachmentName` (or the entry name of its ZIP wrapper): a path, a
    /// character Windows refuses, an invisible or bidirectional control, a
    /// device name, a name too long or one already used
    /// ([`names::safe_file_name`](crate::names::safe_file_name)).
    NAME_CHANGED = ("EDXML-ATT-021", Note, "attachment name is not a safe file name; written under another name", "tên tệp đính kèm không phải tên tệp an toàn; được ghi với tên khác", "vanthu docs/edxml.md §5");
    /// Not NFC.
    NOT_NFC = ("EDXML-TEXT-001", Warning, "text is not in Unicode NFC (TCVN 6909:2001)", "văn bản không ở dạng Unicode dựng sẵn NFC (TCVN 6909:2001)", UNICODE);
    /// Legacy encoding.
    LEGACY_TEXT = ("EDXML-TEXT-003", Error, "text looks like a legacy Vietnamese encoding (TCVN3/VNI) read as Unicode", "văn bản có dấu hiệu bảng mã cũ (TCVN3/VNI)", UNICODE);
    /// Unknown status code.
    STATUS_CODE = ("EDXML-STA-001", Error, "status code is not one of 01–06, 13, 15, 16", "mã trạng thái không thuộc 01–06, 13, 15, 16", STATUS);
    /// Reason required.
    STATUS_REASON = ("EDXML-STA-002", Warning, "a rejection or take-back request should give its reason in Description", "từ chối hoặc yêu cầu lấy lại cần ghi lý do trong Description", "Quyết định 28/2018/QĐ-TTg Điều 5; vanthu docs/status.md §3");
}
