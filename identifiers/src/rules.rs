//! The catalogue of every rule this crate reports: `ID-*` for identifiers,
//! `TEXT-*` for Vietnamese text. Every [`Finding`](crate::Finding) of this
//! crate is made from one of these rules, so a harness can look any rule id up
//! in [`ALL`] (and `vanthu rules` lists them).
//!
//! A finding of severity [`Error`](crate::Severity::Error) makes an input
//! invalid ([`Identification::is_valid`](crate::Identification::is_valid) is
//! [`conformant`](crate::conformant)); warnings and notes do not.
//!
//! Sources name the legal text by its official number and clause; where a
//! rule comes from practice that no legal text states (what the exchange
//! systems actually write and accept), the source is the section of the
//! project's `docs/identifiers.md` that explains it.

pub use crate::Rule;

const QCVN_AGENCY: &str = "QCVN 102:2016/BTTTT §2; Quyết định 20/2020/QĐ-TTg Điều 4";
const DOCID: &str = "QCVN 102:2016/BTTTT §2.3; vanthu docs/identifiers.md §4";
const ND30_NUMBER: &str = "Nghị định 30/2020/NĐ-CP Phụ lục I mục II khoản 3";
const ND30_ABBREVIATIONS: &str = "Nghị định 30/2020/NĐ-CP Phụ lục III";
const UNICODE: &str =
    "TCVN 6909:2001; Quyết định 72/2002/QĐ-TTg; Nghị định 30/2020/NĐ-CP Phụ lục I";

crate::catalogue! {
    /// An agency id in neither official form: not the QCVN 102:2016 form
    /// `NNN.NN.NN.LNN` nor the Quyết định 20/2020/QĐ-TTg form (`H37.DN.001`),
    /// e.g. the three-group `28.22.H17` seen in real traffic.
    ///
    /// **Error**, because the question "is this a valid agency id?" must be
    /// answered no: no regulation defines such an id, and a sender that writes
    /// one produces a package a strict receiver may refuse. Reading stays
    /// lenient all the same: [`AnyAgencyId::parse_lenient`](crate::AnyAgencyId::parse_lenient)
    /// and [`identify`](crate::identify) return the id
    /// ([`AnyAgencyId::Irregular`](crate::AnyAgencyId::Irregular)) with this
    /// finding instead of failing, and the edXML receiver profile lowers `ID-*`
    /// errors to warnings, so a package carrying such an id is still read
    /// (see `docs/identifiers.md` §2).
    AGENCY_IRREGULAR = ("ID-AGENCY-IRREGULAR", Error, "agency id is in neither official form (QCVN 102:2016 NNN.NN.NN.LNN, Quyết định 20/2020/QĐ-TTg)", "mã định danh không theo cấu trúc nào của QCVN 102:2016 (NNN.NN.NN.LNN) hay Quyết định 20/2020/QĐ-TTg", QCVN_AGENCY);
    /// An edXML `DocumentId` that is a UUID rather than
    /// `OrganId,yyyy/MM/dd,number/symbol`: kept as an opaque value.
    DOCID_UUID = ("ID-DOCID-UUID", Warning, "document id is a UUID, not OrganId,yyyy/MM/dd,number/symbol", "mã văn bản là UUID, không theo cấu trúc mã định danh,yyyy/MM/dd,số/ký hiệu", DOCID);
    /// The date of a `DocumentId` does not exist in the calendar (e.g.
    /// `2014/02/30`): kept as text, no date is assumed.
    DOCID_IMPOSSIBLE_DATE = ("ID-DOCID-IMPOSSIBLE-DATE", Error, "the date of the document id does not exist in the calendar", "ngày trong mã văn bản không có thật", DOCID);
    /// The date of a `DocumentId` is written `dd/MM/yyyy`.
    DOCID_DATE_ORDER = ("ID-DOCID-DATE-ORDER", Warning, "the date of the document id is written dd/MM/yyyy; edXML dates are yyyy/MM/dd", "ngày trong mã văn bản viết theo dd/MM/yyyy; edXML dùng yyyy/MM/dd", DOCID);
    /// The number and symbol of a `DocumentId` cannot be read as a document
    /// number: kept as text.
    DOCID_NUMBER_UNREADABLE = ("ID-DOCID-NUMBER-UNREADABLE", Warning, "the number and symbol of the document id is not readable", "số và ký hiệu trong mã văn bản không đọc được", ND30_NUMBER);
    /// A document number whose symbol is in decomposed (NFD) Unicode.
    DOCNUM_NOT_NFC = ("ID-DOCNUM-NOT-NFC", Warning, "the symbol is in decomposed (NFD) Unicode; identifiers are compared in NFC", "ký hiệu dùng Unicode tổ hợp (NFD); cần dùng Unicode dựng sẵn (NFC)", "TCVN 6909:2001; Quyết định 72/2002/QĐ-TTg");
    /// A number below 10 without its leading zero (`5/QĐ-UBND` for `05/QĐ-UBND`).
    DOCNUM_NO_LEADING_ZERO = ("ID-DOCNUM-NO-LEADING-ZERO", Warning, "a number below 10 is written without its leading zero", "số nhỏ hơn 10 thiếu số 0 phía trước", "Nghị định 30/2020/NĐ-CP Phụ lục I mục II khoản 3 điểm a");
    /// A type abbreviation in use before 2020, since replaced.
    DOCNUM_LEGACY_ABBR = ("ID-DOCNUM-LEGACY-ABBR", Warning, "the type abbreviation dates from before 2020", "ký hiệu loại văn bản theo quy định trước năm 2020", ND30_ABBREVIATIONS);
    /// A type abbreviation written without `Đ` (`QD` for `QĐ`).
    DOCNUM_ASCII_FOLDED = ("ID-DOCNUM-ASCII-FOLDED", Warning, "the type abbreviation is written without Đ", "ký hiệu loại văn bản viết thiếu chữ Đ", ND30_ABBREVIATIONS);
    /// A type abbreviation in the wrong letter case (`Qđ` for `QĐ`).
    DOCNUM_ABBR_CASE = ("ID-DOCNUM-ABBR-CASE", Warning, "the type abbreviation is not in the official letter case", "ký hiệu loại văn bản viết sai chữ hoa, chữ thường", ND30_ABBREVIATIONS);
    /// A file notation longer than the 20 characters of the records metadata
    /// table (Thông tư 05/2025/TT-BNV allows a 100-character `fileCode`).
    RECORD_NOTATION_LONG = ("ID-RECORD-NOTATION-LONG", Warning, "the file notation is longer than 20 characters", "số và ký hiệu hồ sơ dài hơn 20 ký tự", "Nghị định 30/2020/NĐ-CP Phụ lục VI");
    /// A file notation that is an ordinal without the heading abbreviation
    /// (`01` for `01.TH`).
    RECORD_NO_HEADING = ("ID-RECORD-NO-HEADING", Warning, "the file notation has no heading abbreviation", "số và ký hiệu hồ sơ thiếu ký hiệu đề mục", "Nghị định 30/2020/NĐ-CP Phụ lục V");

    /// Text not in Unicode Normalization Form C.
    TEXT_NOT_NFC = ("TEXT-NOT-NFC", Warning, "text is not in Unicode Normalization Form C (precomposed letters)", "văn bản chưa ở dạng chuẩn hoá Unicode NFC (chữ dựng sẵn)", UNICODE);
    /// A character that looks like `Đ`/`đ` but is not U+0110/U+0111.
    TEXT_LOOKALIKE_D = ("TEXT-LOOKALIKE-D", Warning, "a look-alike of Đ/đ that is not U+0110/U+0111", "ký tự trông giống Đ/đ nhưng không phải U+0110/U+0111", "TCVN 6909:2001");
    /// `ƣ`/`Ƣ` (U+01A3/U+01A2) standing for `ư`/`Ư`, as PDF text extraction
    /// produces from some fonts.
    TEXT_LOOKALIKE_U_HORN = ("TEXT-LOOKALIKE-U-HORN", Warning, "ƣ/Ƣ (U+01A3/U+01A2) standing for ư/Ư (U+01B0/U+01AF)", "ký tự ƣ/Ƣ (U+01A3/U+01A2) thay cho ư/Ư (U+01B0/U+01AF)", "TCVN 6909:2001");
    /// Text that looks like TCVN3 (ABC) read as Windows-1252, or raw TCVN3 bytes.
    TEXT_LEGACY_TCVN3 = ("TEXT-LEGACY-TCVN3", Error, "text is in the legacy TCVN3 (ABC) encoding", "văn bản dùng bảng mã cũ TCVN3 (ABC)", UNICODE);
    /// Text that looks like VNI Windows read as Windows-1252, or raw VNI bytes.
    TEXT_LEGACY_VNI = ("TEXT-LEGACY-VNI", Error, "text is in the legacy VNI Windows encoding", "văn bản dùng bảng mã cũ VNI Windows", UNICODE);
    /// A control character other than tab, line feed and carriage return.
    TEXT_CONTROL_CHAR = ("TEXT-CONTROL-CHAR", Error, "control characters in the text", "văn bản có ký tự điều khiển", UNICODE);
    /// U+FFFD: an earlier conversion lost characters.
    TEXT_REPLACEMENT_CHAR = ("TEXT-REPLACEMENT-CHAR", Warning, "replacement characters U+FFFD: an earlier conversion lost characters", "có ký tự thay thế U+FFFD: một lần chuyển mã trước đã làm mất chữ", UNICODE);
    /// Bytes that are not UTF-8 and do not read as TCVN3 or VNI.
    TEXT_NOT_UTF8 = ("TEXT-NOT-UTF8", Error, "the bytes are not UTF-8, and do not read as TCVN3 or VNI", "dữ liệu không phải UTF-8, cũng không đọc được như mã TCVN3 hay VNI", UNICODE);
}
