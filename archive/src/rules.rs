//! Stable rule ids of every finding this crate reports, with their default
//! severity, their titles in English and Vietnamese, and the source of the
//! rule.
//!
//! Compliance harnesses key on these ids: they never change meaning. Every
//! finding of this crate is made from one of these rules ([`ALL`]).
//!
//! Sources name the legal text by its official number and article, the
//! E-ARK requirement by its id in version 2.1.0 of the specification, or the
//! section of the project's archive profile (`docs/archive-profile.md`) that
//! explains a rule taken from practice rather than from a text.

pub use vanthu_identifiers::Rule;

/// Decree 30/2020/NĐ-CP, Art. 28: the records list, issued at the start of
/// the year.
const ND30_ART28: &str = "Nghị định 30/2020/NĐ-CP Điều 28";
/// Decree 30/2020/NĐ-CP, Art. 29: opening, filing and closing records.
const ND30_ART29: &str = "Nghị định 30/2020/NĐ-CP Điều 29";
/// Decree 30/2020/NĐ-CP, Art. 30: transfer to the agency archive.
const ND30_ART30: &str = "Nghị định 30/2020/NĐ-CP Điều 30";
/// Decree 30/2020/NĐ-CP, Appendix V: the form of the records list.
const ND30_APPX_V: &str = "Nghị định 30/2020/NĐ-CP Phụ lục V";
/// Decree 30/2020/NĐ-CP, Appendix VI: metadata of documents and records.
const ND30_APPX_VI: &str = "Nghị định 30/2020/NĐ-CP Phụ lục VI";
/// Circular 05/2025/TT-BNV, Appendix I: the `AIP_hoso` package.
const TT05_APPX_I: &str = "Thông tư 05/2025/TT-BNV Phụ lục I";
/// Circular 05/2025/TT-BNV, Appendix III: the `SIP_hoso` package and its
/// metadata (the `SIP_tailieu` set of Appendix IV follows the same rules).
const TT05_APPX_III: &str = "Thông tư 05/2025/TT-BNV Phụ lục III";
/// Circular 05/2025/TT-BNV, Chapter IV: intake of electronic records.
const TT05_CH_IV: &str = "Thông tư 05/2025/TT-BNV Chương IV";
/// Circular 05/2025/TT-BNV, Chapter VII: destruction of digital records.
const TT05_CH_VII: &str = "Thông tư 05/2025/TT-BNV Chương VII";
/// Safe and portable entry names: the profile's own rule.
const PROFILE_NAMES: &str = "vanthu docs/archive-profile.md §3";
/// Package folders: what is listed, what is never followed.
const PROFILE_FOLDERS: &str = "vanthu docs/archive-profile.md §2";
/// Checksum types.
const PROFILE_CHECKSUMS: &str = "vanthu docs/archive-profile.md §6";
/// The reader's limits.
const PROFILE_LIMITS: &str = "vanthu docs/archive-profile.md §15";
/// Deviations of the circular's sample package that the reader accepts.
pub(crate) const PROFILE_SAMPLE: &str = "vanthu docs/archive-profile.md §8";

vanthu_identifiers::catalogue! {
    // ---- documents (Decree 30/2020 Appendix VI, Tables I–II) ----
    /// A metadata field of a document is longer than its maximum.
    DOC_TOO_LONG = ("ARCH-DOC-001", Error, "document metadata field longer than allowed", "trường siêu dữ liệu văn bản dài quá mức cho phép", ND30_APPX_VI);
    /// A required metadata field of a document is empty.
    DOC_REQUIRED = ("ARCH-DOC-002", Error, "required document metadata field is empty", "thiếu trường siêu dữ liệu văn bản bắt buộc", ND30_APPX_VI);
    /// An incoming document has no arrival number.
    DOC_NO_ARRIVAL_NUMBER = ("ARCH-DOC-003", Warning, "incoming document has no arrival number", "văn bản đến chưa có số đến", ND30_APPX_VI);

    // ---- records (Decree 30/2020 Art. 29, Appendix VI Table III) ----
    /// A record opened outside the records list needs approval.
    REC_NOT_LISTED = ("ARCH-REC-001", Warning, "record is not in the records list and needs approval", "hồ sơ không có trong danh mục hồ sơ, cần được phê duyệt", ND30_ART29);
    /// A record has no title.
    REC_NO_TITLE = ("ARCH-REC-002", Error, "record has no title", "hồ sơ chưa có tiêu đề", ND30_APPX_VI);
    /// A record title is longer than 1000 characters.
    REC_TITLE_TOO_LONG = ("ARCH-REC-003", Error, "record title longer than 1000 characters", "tiêu đề hồ sơ dài hơn 1000 ký tự", TT05_APPX_III);
    /// The start date of a record is after its end date.
    REC_DATES_REVERSED = ("ARCH-REC-004", Error, "start date of the record is after its end date", "ngày bắt đầu của hồ sơ sau ngày kết thúc", ND30_APPX_VI);
    /// A digitised record has no code of its paper original.
    REC_NO_PAPER_CODE = ("ARCH-REC-005", Error, "digitised record without the code of its paper original (paperFileCode)", "hồ sơ số hóa thiếu mã hồ sơ giấy gốc (paperFileCode)", TT05_APPX_III);

    // ---- closing a record (Decree 30/2020 Art. 29) ----
    /// The record has no documents.
    CLOSE_EMPTY = ("ARCH-CLOSE-001", Error, "the record has no documents", "hồ sơ không có văn bản nào", ND30_ART29);
    /// A document of the record has no page count.
    CLOSE_NO_PAGE_COUNT = ("ARCH-CLOSE-002", Warning, "document without a page count", "văn bản chưa có số trang", ND30_APPX_VI);
    /// A document is dated after the closing date.
    CLOSE_DOCUMENT_AFTER_END = ("ARCH-CLOSE-003", Error, "document dated after the closing date of the record", "văn bản có ngày sau ngày kết thúc hồ sơ", ND30_ART29);
    /// The record was opened outside the records list and has no approval.
    CLOSE_NOT_APPROVED = ("ARCH-CLOSE-004", Warning, "record opened outside the records list without a recorded approval", "hồ sơ lập ngoài danh mục chưa ghi nhận việc phê duyệt", ND30_ART29);
    /// A draft or duplicate was removed when closing.
    CLOSE_REMOVED = ("ARCH-CLOSE-005", Note, "draft or duplicate removed when closing the record", "đã loại bản thảo hoặc bản trùng khi kết thúc hồ sơ", ND30_ART29);

    // ---- records list (Decree 30/2020 Art. 28, Appendix V) ----
    /// A record number and symbol is listed twice.
    LIST_DUPLICATE = ("ARCH-LIST-001", Error, "record number and symbol listed twice", "số và ký hiệu hồ sơ bị trùng", ND30_APPX_V);
    /// A listed record has no retention period.
    LIST_NO_RETENTION = ("ARCH-LIST-002", Error, "listed record without a retention period", "hồ sơ trong danh mục chưa có thời hạn bảo quản", ND30_APPX_V);
    /// A record symbol is not its major heading's abbreviation.
    LIST_WRONG_SYMBOL = ("ARCH-LIST-003", Error, "record symbol differs from its major heading's abbreviation", "ký hiệu hồ sơ khác ký hiệu đề mục lớn", ND30_APPX_V);
    /// A major heading has no valid or no unique abbreviation.
    LIST_ABBREVIATION = ("ARCH-LIST-004", Error, "major heading without a valid, unique abbreviation", "đề mục lớn không có ký hiệu hợp lệ và duy nhất", ND30_APPX_V);
    /// A heading numeral is out of sequence.
    LIST_HEADING_NUMERAL = ("ARCH-LIST-005", Warning, "heading numeral out of sequence", "số thứ tự đề mục không đúng trình tự", ND30_APPX_V);
    /// A record number is not an Arabic ordinal in sequence.
    LIST_RECORD_NUMBER = ("ARCH-LIST-006", Error, "record number is not an Arabic ordinal in sequence", "số hồ sơ không phải số Ả Rập đúng trình tự", ND30_APPX_V);
    /// A heading or record has no title, or a record no owner.
    LIST_NO_TITLE = ("ARCH-LIST-007", Error, "heading or record without a title, or record without an owner", "đề mục hoặc hồ sơ thiếu tên, hoặc hồ sơ thiếu người lập", ND30_APPX_V);
    /// No valid record code can be formed from an entry.
    LIST_NO_RECORD_CODE = ("ARCH-LIST-008", Error, "no valid record code can be formed from the entry", "không tạo được mã hồ sơ hợp lệ từ mục này", ND30_APPX_VI);
    /// A minor heading comes before any major heading.
    LIST_MINOR_FIRST = ("ARCH-LIST-009", Error, "minor heading before any major heading", "đề mục nhỏ đứng trước mọi đề mục lớn", ND30_APPX_V);
    /// The records list has no records.
    LIST_EMPTY = ("ARCH-LIST-010", Warning, "the records list has no records", "danh mục hồ sơ không có hồ sơ nào", ND30_ART28);

    // ---- transfer and disposal ----
    /// An open record cannot be transferred.
    XFER_OPEN = ("ARCH-XFER-001", Error, "open record cannot be transferred", "hồ sơ chưa kết thúc, không thể nộp lưu", ND30_ART30);
    /// A record kept under 5 years need not be transferred.
    XFER_NOT_REQUIRED = ("ARCH-XFER-002", Note, "record kept under 5 years: transfer not required", "hồ sơ bảo quản dưới 5 năm: không phải nộp lưu", ND30_ART30);
    /// The transfer to the agency archive is overdue.
    XFER_OVERDUE = ("ARCH-XFER-003", Error, "transfer to the agency archive is overdue", "đã quá hạn nộp lưu vào lưu trữ cơ quan", ND30_ART30);
    /// An electronic record was not handed over to the agency archive within
    /// 60 days of its work ending (Decree 30/2020 allowed a year).
    XFER_OVERDUE_ELECTRONIC = ("ARCH-XFER-004", Error, "electronic record not handed over to the agency archive within 60 days", "hồ sơ điện tử chưa được giao vào lưu trữ cơ quan trong thời hạn 60 ngày", TT05_CH_IV);
    /// A unit keeps a record back beyond the two years the head of the
    /// agency may allow.
    XFER_KEEP_BACK_TOO_LONG = ("ARCH-XFER-005", Error, "record kept back beyond the two years allowed", "hồ sơ bị giữ lại quá thời hạn tối đa 02 năm", ND30_ART30);
    /// Retention has ended and no disposal process has started.
    DISP_CANDIDATE = ("ARCH-DISP-001", Warning, "retention has ended: the record is a candidate for disposal review", "hết thời hạn bảo quản: hồ sơ cần được xem xét hủy", TT05_CH_VII);

    // ---- packages: structure and names ----
    /// The package cannot be read: no root `METS.xml`, or not well-formed.
    PKG_UNREADABLE = ("ARCH-PKG-STRUCT-001", Error, "the package cannot be read (no root METS.xml, or METS or metadata not well-formed)", "không đọc được gói (thiếu METS.xml gốc, hoặc METS hay siêu dữ liệu sai cú pháp XML)", "E-ARK CSIP 2.1.0 CSIPSTR4");
    /// The content is not inside one root folder.
    PKG_NO_ROOT_FOLDER = ("ARCH-PKG-STRUCT-002", Warning, "package content is not inside one root folder", "nội dung gói không nằm trong một thư mục gốc", "E-ARK CSIP 2.1.0 CSIPSTR1");
    /// `__MACOSX/` entries were ignored.
    PKG_MACOS_FORKS = ("ARCH-PKG-STRUCT-003", Warning, "`__MACOSX/` entries (macOS resource forks) ignored", "đã bỏ qua các mục `__MACOSX/` (dữ liệu phụ của macOS)", "E-ARK CSIP 2.1.0 CSIPSTR1");
    /// An entry name is unsafe (`..`, absolute, backslash, empty component).
    PKG_UNSAFE_NAME = ("ARCH-PKG-NAME-001", Error, "unsafe entry name", "tên tệp không an toàn", PROFILE_NAMES);
    /// The ZIP's central directory names an entry twice.
    PKG_DUPLICATE_ENTRY = ("ARCH-PKG-NAME-004", Error, "the ZIP names an entry twice", "tệp ZIP có hai mục cùng tên", PROFILE_NAMES);
    /// An entry name is not in Unicode NFC.
    PKG_NAME_NOT_NFC = ("ARCH-PKG-NAME-002", Warning, "entry name not in Unicode NFC", "tên tệp không ở dạng chuẩn Unicode NFC", PROFILE_NAMES);
    /// Two entries have the same name after NFC normalisation.
    PKG_NAME_CLASH = ("ARCH-PKG-NAME-003", Error, "two entries have the same name after NFC normalisation", "hai tệp trùng tên sau chuẩn hóa NFC", PROFILE_NAMES);
    /// A package folder holds a symbolic link or a special file: not followed.
    PKG_NOT_REGULAR = ("ARCH-PKG-STRUCT-004", Error, "symbolic link or special file in a package folder, not followed", "liên kết tượng trưng hoặc tệp đặc biệt trong thư mục gói, không được đọc theo", PROFILE_FOLDERS);
    /// A metadata document exceeds a limit of the reader.
    PKG_LIMIT = ("ARCH-PKG-STRUCT-005", Error, "a metadata document exceeds a limit of the reader", "tài liệu siêu dữ liệu vượt giới hạn của bộ đọc", PROFILE_LIMITS);

    // ---- packages: METS ----
    /// The root element is not `mets`.
    METS_ROOT = ("ARCH-PKG-METS-001", Error, "root element of a METS file is not `mets`", "phần tử gốc của tệp METS không phải `mets`", "E-ARK CSIP 2.1.0 CSIPSTR4");
    /// A file reference has no `FLocat` or no `xlink:href`.
    METS_NO_LOCATION = ("ARCH-PKG-METS-010", Error, "file reference without FLocat or xlink:href", "tham chiếu tệp thiếu FLocat hoặc xlink:href", "E-ARK CSIP 2.1.0 CSIP76");

    // ---- packages: files and checksums ----
    /// A referenced file is missing.
    FILE_MISSING = ("ARCH-PKG-FILE-001", Error, "referenced file is missing from the package", "tệp được tham chiếu không có trong gói", "E-ARK CSIP 2.1.0 CSIP79");
    /// A reference names an entry of the package with another letter case
    /// (`schemas/METS.xsd` for `schemas/mets.xsd`): found on case-insensitive
    /// file systems only, so it is checked against that entry and reported.
    FILE_CASE = ("ARCH-PKG-FILE-010", Warning, "referenced file name differs from the entry in letter case", "tên tệp được tham chiếu khác tên trong gói về chữ hoa, chữ thường", PROFILE_NAMES);
    /// The checksum of a file, computed with the algorithm of its
    /// `CHECKSUMTYPE`, differs from METS.
    FILE_CHECKSUM = ("ARCH-PKG-FILE-002", Error, "checksum of the file differs from METS", "mã băm của tệp khác với METS", "E-ARK CSIP 2.1.0 CSIP71");
    /// The size of a file differs from METS.
    FILE_SIZE = ("ARCH-PKG-FILE-003", Error, "size of the file differs from METS", "kích thước tệp khác với METS", "E-ARK CSIP 2.1.0 CSIP69");
    /// A file cannot be read (damaged compressed data, CRC mismatch).
    FILE_UNREADABLE = ("ARCH-PKG-FILE-005", Error, "file cannot be read from the ZIP", "không đọc được tệp trong ZIP", "E-ARK CSIP 2.1.0 CSIP71");
    /// A file in the package is referenced by no METS.
    FILE_UNREFERENCED = ("ARCH-PKG-FILE-006", Warning, "file in the package is referenced by no METS", "tệp trong gói không được METS nào tham chiếu", "E-ARK CSIP 2.1.0 CSIP58");
    /// A checksum type of the METS vocabulary that vanthu does not compute
    /// (Adler-32, CRC32, HAVAL, MNP): the file is not verified.
    FILE_CHECKSUM_NOT_COMPUTED = ("ARCH-PKG-FILE-008", Warning, "checksum type not computed by vanthu: the file is not verified", "loại mã băm vanthu không tính: tệp chưa được kiểm tra", PROFILE_CHECKSUMS);
    /// A checksum of another type than SHA-256, which Circular 05/2025 asks for.
    FILE_CHECKSUM_NOT_SHA256 = ("ARCH-PKG-FILE-009", Warning, "checksum type other than SHA-256", "loại mã băm không phải SHA-256", TT05_APPX_III);

    // ---- packages: Circular 05/2025 metadata ----
    /// Required metadata is missing.
    MD_REQUIRED = ("ARCH-PKG-MD-001", Error, "required metadata missing", "thiếu siêu dữ liệu bắt buộc", TT05_APPX_III);
    /// A date is not `DD/MM/YYYY`.
    MD_DATE = ("ARCH-PKG-MD-002", Error, "date is not DD/MM/YYYY", "ngày không theo dạng DD/MM/YYYY", TT05_APPX_III);
    /// No descriptive metadata is referenced.
    MD_NO_DESCRIPTIVE = ("ARCH-PKG-MD-003", Error, "no descriptive metadata (metadata/descriptive/EAD.xml) referenced", "không có siêu dữ liệu mô tả (metadata/descriptive/EAD.xml)", TT05_APPX_III);
    /// A value is not a code of the circular's code tables.
    MD_CODE = ("ARCH-PKG-MD-004", Error, "value is not a code of Circular 05/2025", "giá trị không phải mã của Thông tư 05/2025", TT05_APPX_III);
    /// `maintenance` 07: the term itself is not in the package.
    MD_OTHER_TERM = ("ARCH-PKG-MD-005", Note, "maintenance 07 (other term): the term itself is not in the package", "thời hạn bảo quản 07 (khác): gói không ghi số năm", TT05_APPX_III);
    /// `totalDoc` differs from the documents described.
    MD_TOTAL_DOC = ("ARCH-PKG-MD-006", Warning, "totalDoc differs from the number of documents described", "totalDoc khác số văn bản trong gói", TT05_APPX_III);
    /// A `SIP_hoso` holds a record with a limited retention: it carries
    /// permanent records only (`maintenance` 01).
    MD_SIP_NOT_PERMANENT = ("ARCH-PKG-MD-007", Error, "a SIP_hoso is for permanent records only (maintenance 01)", "gói SIP_hoso chỉ dành cho hồ sơ bảo quản vĩnh viễn (maintenance 01)", TT05_APPX_III);
    /// An AIP has no PREMIS.
    AIP_NO_PREMIS = ("ARCH-PKG-AIP-001", Error, "an AIP needs metadata/preservation/PREMIS.xml", "gói AIP phải có metadata/preservation/PREMIS.xml", TT05_APPX_I);

    // ---- packages: identifiers ----
    /// `fileCode` is not a record code.
    ID_FILE_CODE = ("ARCH-PKG-ID-001", Warning, "fileCode is not a record code of Decree 30/2020 or Circular 05/2025", "fileCode không phải mã hồ sơ theo Nghị định 30/2020 hoặc Thông tư 05/2025", ND30_APPX_VI);
    /// `docCode` is not `fileCode` + a 7-digit ordinal.
    ID_DOC_CODE = ("ARCH-PKG-ID-002", Warning, "docCode is not fileCode + a 7-digit ordinal", "docCode không phải fileCode + 7 chữ số thứ tự", TT05_APPX_III);
    /// `OBJID` is not `uuid-` and an upper-case UUID.
    ID_OBJID = ("ARCH-PKG-ID-003", Warning, "OBJID is not `uuid-` and an upper-case UUID", "OBJID không có dạng `uuid-` và UUID chữ hoa", TT05_APPX_III);

    // ---- packages: deviations of the circular's sample package, accepted ----
    /// `OBJID` with a lower-case UUID, as in the sample.
    TT05_LOWER_CASE_UUID = ("ARCH-PKG-TT05-001", Warning, "OBJID has a lower-case UUID (as in the circular's sample)", "OBJID dùng UUID chữ thường (như gói mẫu của thông tư)", PROFILE_SAMPLE);
    /// `CREATEDATE` is not a `+07:00` timestamp.
    TT05_CREATEDATE = ("ARCH-PKG-TT05-002", Warning, "CREATEDATE is not a `+07:00` timestamp", "CREATEDATE không theo giờ Việt Nam `+07:00`", TT05_APPX_III);
    /// `fileGrp/@USER` instead of `@USE`.
    TT05_USER_ATTRIBUTE = ("ARCH-PKG-TT05-003", Warning, "fileGrp has `USER` instead of `USE` (a known error of the circular)", "fileGrp dùng `USER` thay cho `USE` (lỗi đã biết của thông tư)", PROFILE_SAMPLE);
    /// A checksum in lower-case hex.
    TT05_LOWER_CASE_CHECKSUM = ("ARCH-PKG-TT05-004", Note, "checksum written in lower-case hex", "mã băm viết chữ thường", TT05_APPX_III);
    /// `arcFileCode`/`arcDocCode` read as `fileCode`/`docCode`.
    TT05_AIP_NAMES = ("ARCH-PKG-TT05-005", Note, "AIP element name read as its SIP name", "đọc tên phần tử của AIP như tên tương ứng của SIP", TT05_APPX_I);

    // ---- E-ARK CSIP 2.1.0 and SIP 2.1.0 requirements: one rule per section and level;
    // each finding names its requirement (`Finding::requirement`) and cites it as its source ----
    /// A MUST requirement of E-ARK CSIP 2.1.0 on the folder structure (CSIPSTR1–CSIPSTR16) is not met.
    EARK_FOLDERS_MUST = ("ARCH-EARK-FOLDERS-MUST", Error, "the folder structure does not meet a MUST requirement of E-ARK CSIP 2.1.0", "cấu trúc thư mục không đáp ứng một yêu cầu bắt buộc của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIPSTR1–CSIPSTR16");
    /// A SHOULD requirement of E-ARK CSIP 2.1.0 on the folder structure (CSIPSTR1–CSIPSTR16) is not met.
    EARK_FOLDERS_SHOULD = ("ARCH-EARK-FOLDERS-SHOULD", Warning, "the folder structure does not meet a SHOULD recommendation of E-ARK CSIP 2.1.0", "cấu trúc thư mục không đáp ứng một khuyến nghị của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIPSTR1–CSIPSTR16");
    /// A MAY requirement of E-ARK CSIP 2.1.0 on the folder structure (CSIPSTR1–CSIPSTR16) is not met.
    EARK_FOLDERS_MAY = ("ARCH-EARK-FOLDERS-MAY", Note, "the folder structure does not meet a MAY option of E-ARK CSIP 2.1.0", "cấu trúc thư mục không đáp ứng một tùy chọn của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIPSTR1–CSIPSTR16");
    /// A MUST requirement of E-ARK CSIP 2.1.0 on the METS root element (CSIP1–CSIP6) is not met.
    EARK_ROOT_MUST = ("ARCH-EARK-ROOT-MUST", Error, "the METS root element does not meet a MUST requirement of E-ARK CSIP 2.1.0", "phần tử gốc METS không đáp ứng một yêu cầu bắt buộc của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP1–CSIP6");
    /// A SHOULD requirement of E-ARK CSIP 2.1.0 on the METS root element (CSIP1–CSIP6) is not met.
    EARK_ROOT_SHOULD = ("ARCH-EARK-ROOT-SHOULD", Warning, "the METS root element does not meet a SHOULD recommendation of E-ARK CSIP 2.1.0", "phần tử gốc METS không đáp ứng một khuyến nghị của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP1–CSIP6");
    /// A MAY requirement of E-ARK CSIP 2.1.0 on the METS root element (CSIP1–CSIP6) is not met.
    EARK_ROOT_MAY = ("ARCH-EARK-ROOT-MAY", Note, "the METS root element does not meet a MAY option of E-ARK CSIP 2.1.0", "phần tử gốc METS không đáp ứng một tùy chọn của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP1–CSIP6");
    /// A MUST requirement of E-ARK CSIP 2.1.0 on the METS header and its software agent (CSIP7–CSIP16, CSIP117) is not met.
    EARK_HEADER_MUST = ("ARCH-EARK-HDR-MUST", Error, "the METS header and its software agent does not meet a MUST requirement of E-ARK CSIP 2.1.0", "phần đầu METS và tác nhân phần mềm không đáp ứng một yêu cầu bắt buộc của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP7–CSIP16, CSIP117");
    /// A SHOULD requirement of E-ARK CSIP 2.1.0 on the METS header and its software agent (CSIP7–CSIP16, CSIP117) is not met.
    EARK_HEADER_SHOULD = ("ARCH-EARK-HDR-SHOULD", Warning, "the METS header and its software agent does not meet a SHOULD recommendation of E-ARK CSIP 2.1.0", "phần đầu METS và tác nhân phần mềm không đáp ứng một khuyến nghị của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP7–CSIP16, CSIP117");
    /// A MAY requirement of E-ARK CSIP 2.1.0 on the METS header and its software agent (CSIP7–CSIP16, CSIP117) is not met.
    EARK_HEADER_MAY = ("ARCH-EARK-HDR-MAY", Note, "the METS header and its software agent does not meet a MAY option of E-ARK CSIP 2.1.0", "phần đầu METS và tác nhân phần mềm không đáp ứng một tùy chọn của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP7–CSIP16, CSIP117");
    /// A MUST requirement of E-ARK CSIP 2.1.0 on the descriptive metadata section (CSIP17–CSIP30) is not met.
    EARK_DMD_MUST = ("ARCH-EARK-DMD-MUST", Error, "the descriptive metadata section does not meet a MUST requirement of E-ARK CSIP 2.1.0", "phần siêu dữ liệu mô tả không đáp ứng một yêu cầu bắt buộc của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP17–CSIP30");
    /// A SHOULD requirement of E-ARK CSIP 2.1.0 on the descriptive metadata section (CSIP17–CSIP30) is not met.
    EARK_DMD_SHOULD = ("ARCH-EARK-DMD-SHOULD", Warning, "the descriptive metadata section does not meet a SHOULD recommendation of E-ARK CSIP 2.1.0", "phần siêu dữ liệu mô tả không đáp ứng một khuyến nghị của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP17–CSIP30");
    /// A MAY requirement of E-ARK CSIP 2.1.0 on the descriptive metadata section (CSIP17–CSIP30) is not met.
    EARK_DMD_MAY = ("ARCH-EARK-DMD-MAY", Note, "the descriptive metadata section does not meet a MAY option of E-ARK CSIP 2.1.0", "phần siêu dữ liệu mô tả không đáp ứng một tùy chọn của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP17–CSIP30");
    /// A MUST requirement of E-ARK CSIP 2.1.0 on the administrative metadata section (CSIP31–CSIP57) is not met.
    EARK_AMD_MUST = ("ARCH-EARK-AMD-MUST", Error, "the administrative metadata section does not meet a MUST requirement of E-ARK CSIP 2.1.0", "phần siêu dữ liệu quản trị không đáp ứng một yêu cầu bắt buộc của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP31–CSIP57");
    /// A SHOULD requirement of E-ARK CSIP 2.1.0 on the administrative metadata section (CSIP31–CSIP57) is not met.
    EARK_AMD_SHOULD = ("ARCH-EARK-AMD-SHOULD", Warning, "the administrative metadata section does not meet a SHOULD recommendation of E-ARK CSIP 2.1.0", "phần siêu dữ liệu quản trị không đáp ứng một khuyến nghị của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP31–CSIP57");
    /// A MAY requirement of E-ARK CSIP 2.1.0 on the administrative metadata section (CSIP31–CSIP57) is not met.
    EARK_AMD_MAY = ("ARCH-EARK-AMD-MAY", Note, "the administrative metadata section does not meet a MAY option of E-ARK CSIP 2.1.0", "phần siêu dữ liệu quản trị không đáp ứng một tùy chọn của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP31–CSIP57");
    /// A MUST requirement of E-ARK CSIP 2.1.0 on the file section (CSIP58–CSIP79, CSIP113, CSIP114) is not met.
    EARK_FILES_MUST = ("ARCH-EARK-FILE-MUST", Error, "the file section does not meet a MUST requirement of E-ARK CSIP 2.1.0", "phần tệp không đáp ứng một yêu cầu bắt buộc của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP58–CSIP79, CSIP113, CSIP114");
    /// A SHOULD requirement of E-ARK CSIP 2.1.0 on the file section (CSIP58–CSIP79, CSIP113, CSIP114) is not met.
    EARK_FILES_SHOULD = ("ARCH-EARK-FILE-SHOULD", Warning, "the file section does not meet a SHOULD recommendation of E-ARK CSIP 2.1.0", "phần tệp không đáp ứng một khuyến nghị của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP58–CSIP79, CSIP113, CSIP114");
    /// A MAY requirement of E-ARK CSIP 2.1.0 on the file section (CSIP58–CSIP79, CSIP113, CSIP114) is not met.
    EARK_FILES_MAY = ("ARCH-EARK-FILE-MAY", Note, "the file section does not meet a MAY option of E-ARK CSIP 2.1.0", "phần tệp không đáp ứng một tùy chọn của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP58–CSIP79, CSIP113, CSIP114");
    /// A MUST requirement of E-ARK CSIP 2.1.0 on the structural map (CSIP80–CSIP112, CSIP116, CSIP118, CSIP119) is not met.
    EARK_STRUCTMAP_MUST = ("ARCH-EARK-STRUCT-MUST", Error, "the structural map does not meet a MUST requirement of E-ARK CSIP 2.1.0", "bản đồ cấu trúc không đáp ứng một yêu cầu bắt buộc của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP80–CSIP112, CSIP116, CSIP118, CSIP119");
    /// A SHOULD requirement of E-ARK CSIP 2.1.0 on the structural map (CSIP80–CSIP112, CSIP116, CSIP118, CSIP119) is not met.
    EARK_STRUCTMAP_SHOULD = ("ARCH-EARK-STRUCT-SHOULD", Warning, "the structural map does not meet a SHOULD recommendation of E-ARK CSIP 2.1.0", "bản đồ cấu trúc không đáp ứng một khuyến nghị của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP80–CSIP112, CSIP116, CSIP118, CSIP119");
    /// A MAY requirement of E-ARK CSIP 2.1.0 on the structural map (CSIP80–CSIP112, CSIP116, CSIP118, CSIP119) is not met.
    EARK_STRUCTMAP_MAY = ("ARCH-EARK-STRUCT-MAY", Note, "the structural map does not meet a MAY option of E-ARK CSIP 2.1.0", "bản đồ cấu trúc không đáp ứng một tùy chọn của E-ARK CSIP 2.1.0", "E-ARK CSIP 2.1.0 CSIP80–CSIP112, CSIP116, CSIP118, CSIP119");
    /// A MUST requirement of E-ARK SIP 2.1.0 on an E-ARK SIP (SIP1–SIP35) is not met.
    EARK_SIP_MUST = ("ARCH-EARK-SIP-MUST", Error, "an E-ARK SIP does not meet a MUST requirement of E-ARK SIP 2.1.0", "gói SIP E-ARK không đáp ứng một yêu cầu bắt buộc của E-ARK SIP 2.1.0", "E-ARK SIP 2.1.0 SIP1–SIP35");
    /// A SHOULD requirement of E-ARK SIP 2.1.0 on an E-ARK SIP (SIP1–SIP35) is not met.
    EARK_SIP_SHOULD = ("ARCH-EARK-SIP-SHOULD", Warning, "an E-ARK SIP does not meet a SHOULD recommendation of E-ARK SIP 2.1.0", "gói SIP E-ARK không đáp ứng một khuyến nghị của E-ARK SIP 2.1.0", "E-ARK SIP 2.1.0 SIP1–SIP35");
    /// A MAY requirement of E-ARK SIP 2.1.0 on an E-ARK SIP (SIP1–SIP35) is not met.
    EARK_SIP_MAY = ("ARCH-EARK-SIP-MAY", Note, "an E-ARK SIP does not meet a MAY option of E-ARK SIP 2.1.0", "gói SIP E-ARK không đáp ứng một tùy chọn của E-ARK SIP 2.1.0", "E-ARK SIP 2.1.0 SIP1–SIP35");
}
