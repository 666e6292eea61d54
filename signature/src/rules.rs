//! Stable rule ids of everything this crate reports: the named checks of a
//! signature (`SIG-*`, one per [`CheckId`](crate::CheckId)), the findings on
//! the file (`SIG-PDF-*`) and the Vietnamese legal-value and appearance rules
//! (`VN-*`), each with its default severity, its title in English and
//! Vietnamese, and the legal text or standard it comes from.
//!
//! Compliance harnesses key on these ids: they never change meaning. The
//! default severity of a check rule is the severity of its failure; a check
//! that passed is reported as a note (see [`Check::to_finding`](crate::Check::to_finding)).

pub use vanthu_identifiers::Rule;

/// The national rule and its local restatements: a document signed by the
/// competent person and by the agency has the legal value of the paper original.
const LEGAL_VALUE: &str = "Nghị định 30/2020/NĐ-CP Điều 5 khoản 1; \
     Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 1; \
     Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 3 khoản 1; \
     Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 4 khoản 1";
/// A document that fails authenticity or integrity checks is returned to the sender.
const RETURN: &str = "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 1 điểm b; \
     Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 9 khoản 2";
/// The agency signature on an attachment in a separate file.
const ATTACHMENT: &str = "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 5 điểm b; \
     Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 16 khoản 2 điểm b";
/// The seal image over about a third of the person's signature.
const SEAL: &str = "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 5 điểm b; \
     Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 16 khoản 2 điểm a";

const ISC: &str = "ETSI EN 319 102-1 §5.2.3";

vanthu_identifiers::catalogue! {
    // The named checks of one signature (ETSI EN 319 102-1 building blocks).

    /// `/SubFilter` is one this crate verifies: `adbe.pkcs7.detached`,
    /// `ETSI.CAdES.detached`, `ETSI.RFC3161`, or the legacy SHA-1 based
    /// `adbe.pkcs7.sha1` and `adbe.x509.rsa_sha1` (which pass only under the
    /// legacy algorithm policy: `vanthu docs/signature-policy.md` §9).
    SUB_FILTER = ("SIG-SUB-FILTER", Error, "the signature format (/SubFilter) is supported", "định dạng chữ ký (/SubFilter) được hỗ trợ", "ETSI EN 319 102-1 §5.2.2; ISO 32000-1 §12.8.3");
    /// `/ByteRange` is `[0 b c d]` and its gap is exactly this dictionary's
    /// `/Contents` hex string (defeats signature wrapping and universal forgery).
    BYTE_RANGE = ("SIG-BYTE-RANGE", Error, "the signed range (/ByteRange) starts at 0 and leaves out exactly the signature value", "phạm vi được ký (/ByteRange) bắt đầu từ 0 và chỉ chừa lại đúng giá trị chữ ký", "ETSI EN 319 102-1 §5.2.2; ISO 32000-1 §12.8.1");
    /// The signed range ends at a revision end (`%%EOF`) and the signature
    /// dictionary belongs to the revision it signs.
    REVISION_BOUNDARY = ("SIG-REVISION-BOUNDARY", Error, "the signed range ends at the end of the revision that holds the signature", "phạm vi được ký kết thúc ở cuối phiên bản chứa chữ ký", "ETSI EN 319 102-1 §5.2.2; ISO 32000-1 §7.5.6");
    /// `/Contents` holds a CMS SignedData (DER). Accepted with a warning: BER,
    /// non-zero bytes after the CMS (up to 64 KiB), non-X.509 certificates,
    /// identical elements repeated in a SET OF (`vanthu docs/signature-policy.md` §9).
    CMS_FORMAT = ("SIG-CMS-FORMAT", Error, "the signature value is a CMS SignedData", "giá trị chữ ký là một CMS SignedData", "ETSI EN 319 102-1 §5.2.2; RFC 5652 §5.1");
    /// The CMS holds exactly one SignerInfo.
    ONE_SIGNER_INFO = ("SIG-ONE-SIGNER-INFO", Error, "the CMS has exactly one SignerInfo", "CMS có đúng một SignerInfo", "ETSI EN 319 102-1 §5.2.2; ISO 32000-1 §12.8.3.3");
    /// The signer's certificate is found in the CMS.
    SIGNING_CERTIFICATE_FOUND = ("SIG-SIGNING-CERTIFICATE-FOUND", Error, "the signer's certificate is identified", "xác định được chứng thư của người ký", ISC);
    /// The ESS signing-certificate(-v2) attribute binds the signature to that
    /// certificate (required for `ETSI.CAdES.detached`).
    SIGNING_CERTIFICATE_REFERENCE = ("SIG-SIGNING-CERTIFICATE-REFERENCE", Error, "the signing-certificate attribute refers to the signer's certificate", "thuộc tính signing-certificate tham chiếu đúng chứng thư của người ký", "ETSI EN 319 102-1 §5.2.3; RFC 5035");
    /// The digest and signature algorithms and key sizes are accepted.
    CRYPTO_CONSTRAINTS = ("SIG-CRYPTO-CONSTRAINTS", Error, "the signature's algorithms and key size are accepted", "thuật toán và độ dài khóa của chữ ký được chấp nhận", "ETSI EN 319 102-1 §5.2.8; Thông tư 15/2025/TT-BKHCN");
    /// A PDF signature is detached: the CMS embeds no content.
    DETACHED_CONTENT = ("SIG-DETACHED-CONTENT", Error, "the CMS is detached (it embeds no content)", "CMS ở dạng tách rời (không nhúng nội dung)", "ETSI EN 319 102-1 §5.2.2; ISO 32000-1 §12.8.3.3");
    /// The content-type signed attribute occurs once and names the content.
    CONTENT_TYPE = ("SIG-CONTENT-TYPE", Error, "the content-type attribute is present once and correct", "thuộc tính content-type có đúng một lần và đúng giá trị", "RFC 5652 §11.1");
    /// The digest of the signed bytes equals the message-digest attribute.
    MESSAGE_DIGEST = ("SIG-MESSAGE-DIGEST", Error, "the digest of the signed bytes matches messageDigest", "giá trị băm của phần được ký khớp với messageDigest", "ETSI EN 319 102-1 §5.2.7; RFC 5652 §5.4");
    /// The imprint of a time-stamp token equals the digest of what it stamps.
    MESSAGE_IMPRINT = ("SIG-MESSAGE-IMPRINT", Error, "the time-stamp imprint matches the stamped bytes", "dấu thời gian khớp với phần được gắn dấu", "ETSI EN 319 102-1 §5.4; RFC 3161 §2.4.2");
    /// The signature value verifies with the signer's public key.
    SIGNATURE_VALUE = ("SIG-SIGNATURE-VALUE", Error, "the signature value verifies with the signer's public key", "giá trị chữ ký hợp lệ với khóa công khai của người ký", "ETSI EN 319 102-1 §5.2.7; RFC 5652 §5.6");
    /// A signature time-stamp (PAdES B-T) proves when the signature existed.
    /// A token that fails only gives no proof of time: a warning.
    SIGNATURE_TIME_STAMP = ("SIG-SIGNATURE-TIME-STAMP", Warning, "the signature time-stamp proves the time of signing", "dấu thời gian của chữ ký chứng minh thời điểm ký", "ETSI EN 319 102-1 §5.4; RFC 3161 §2.4.2");
    /// A time-stamp is issued by a certificate for time-stamping only.
    TSA_KEY_USAGE = ("SIG-TSA-KEY-USAGE", Error, "the time-stamp authority's certificate is for time-stamping", "chứng thư của đơn vị cấp dấu thời gian dùng để cấp dấu thời gian", "RFC 3161 §2.3");
    /// A path is built from the certificate to a trust anchor the caller gave.
    CHAIN_TO_ANCHOR = ("SIG-CHAIN-TO-ANCHOR", Error, "a certificate path leads to a trust anchor", "có đường dẫn chứng thư tới chứng thư gốc tin cậy", "ETSI EN 319 102-1 §5.2.6; RFC 5280 §6.1");
    /// Every certificate of the path is valid at the validation time.
    CERTIFICATE_VALIDITY = ("SIG-CERTIFICATE-VALIDITY", Error, "every certificate of the path is valid at the validation time", "mọi chứng thư trong đường dẫn còn hiệu lực tại thời điểm kiểm tra", "ETSI EN 319 102-1 §5.2.6; RFC 5280 §6.1.3");
    /// Basic constraints, key usage, the signer's extended key usage, name
    /// constraints, path length and critical extensions.
    CHAIN_CONSTRAINTS = ("SIG-CHAIN-CONSTRAINTS", Error, "basic constraints, key usage, extended key usage, name constraints and path length are respected", "các ràng buộc cơ bản, mục đích sử dụng khóa, mục đích sử dụng mở rộng, ràng buộc tên và độ dài đường dẫn được tuân thủ", "ETSI EN 319 102-1 §5.2.6; RFC 5280 §6.1.4, §4.2.1.10, §4.2.1.12");
    /// No certificate of the path is revoked per the CRLs and OCSP responses
    /// supplied or carried by the document (a warning when a certificate has
    /// none: revocation was not checked, `docs/signature-policy.md` §9).
    REVOCATION = ("SIG-REVOCATION", Error, "no certificate of the path is revoked", "không chứng thư nào trong đường dẫn bị thu hồi", "ETSI EN 319 102-1 §5.2.6; RFC 5280 §6.3; RFC 6960 §4.2");
    /// The signatures on the certificates use accepted algorithms and key sizes.
    CERTIFICATE_ALGORITHMS = ("SIG-CERTIFICATE-ALGORITHMS", Error, "the certificates are signed with accepted algorithms and key sizes", "các chứng thư được ký bằng thuật toán và độ dài khóa được chấp nhận", "ETSI EN 319 102-1 §5.2.8; Thông tư 15/2025/TT-BKHCN");
    /// Later revisions change no more than the signature's DocMDP level
    /// permits (long-term validation data, form filling and signing,
    /// annotations): no change to the signed content, no shadow or
    /// incremental-saving attack.
    COVERAGE = ("SIG-COVERAGE", Error, "later revisions change no more than the signature's DocMDP level permits", "các phiên bản sau không thay đổi vượt quá mức mà chữ ký cho phép", "ETSI EN 319 102-1 §5.2.2; ISO 32000-1 §12.8.2.2; ETSI EN 319 142-1 §5.4; vanthu docs/signature-policy.md §9");

    // The file.

    /// Regions of the file are not PDF syntax (nothing signed can hide there
    /// unnoticed, but a reader may show them).
    PDF_UNPARSED = ("SIG-PDF-UNPARSED", Warning, "regions of the file are not valid PDF syntax", "có vùng của tệp không đúng cú pháp PDF", "ISO 32000-1 §7.5");
    /// The file has more signatures than `Limits::max_signatures` or more
    /// revisions than `Limits::max_revisions`: those beyond were not
    /// examined, so the legal value cannot be established (`reference_only`).
    /// Beside an invalid signature it is a warning: the verdict is already
    /// `invalid`.
    PDF_LIMIT = ("SIG-PDF-LIMIT", Error, "the file has more signatures or revisions than the limits allow: those beyond were not examined", "tệp có nhiều chữ ký hoặc phiên bản hơn giới hạn cho phép: phần vượt quá không được kiểm tra", "vanthu docs/limits.md §2");

    /// Certificate path building stopped at a work limit
    /// (`Limits::max_path_candidates`, `Limits::max_signature_verifications`):
    /// the signatures left without a path are INDETERMINATE.
    PATH_LIMIT = ("SIG-PATH-LIMIT", Warning, "certificate path building stopped at a work limit", "việc xây dựng đường dẫn chứng thư dừng lại vì chạm giới hạn", "RFC 4158 §3; vanthu docs/limits.md §2");

    // The legal value (Vietnamese rules).

    /// A signature is forged or the signed content was changed: the document
    /// is invalid and is returned to the sender.
    LEGAL_INVALID = ("VN-LEGAL-INVALID", Error, "a signature is invalid: the document must be returned", "chữ ký không hợp lệ: văn bản phải được trả lại", RETURN);
    /// The document carries no signature (time-stamps aside).
    LEGAL_UNSIGNED = ("VN-LEGAL-UNSIGNED", Error, "the document has no signature: for reference only", "văn bản không có chữ ký số: chỉ có giá trị tham khảo", LEGAL_VALUE);
    /// No trust anchor was given, so no signature can be validated: the legal
    /// value cannot be established (pass the root certificates, `--trust` in the CLI).
    LEGAL_NO_TRUST_ANCHOR = ("VN-LEGAL-NO-TRUST-ANCHOR", Error, "no trust anchor was given: the legal value cannot be established", "không có chứng thư gốc tin cậy nào được cung cấp: không xác định được giá trị pháp lý", "Nghị định 30/2020/NĐ-CP Điều 5; Thông tư 15/2025/TT-BKHCN");
    /// No valid signature of the agency.
    LEGAL_NO_AGENCY = ("VN-LEGAL-NO-AGENCY", Error, "no valid signature of the agency: for reference only", "không có chữ ký số hợp lệ của cơ quan, tổ chức: chỉ có giá trị tham khảo", LEGAL_VALUE);
    /// No valid signature of the competent person.
    LEGAL_NO_PERSON = ("VN-LEGAL-NO-PERSON", Error, "no valid signature of the competent person: for reference only", "không có chữ ký số hợp lệ của người có thẩm quyền: chỉ có giá trị tham khảo", LEGAL_VALUE);
    /// Verified as a digitised copy of a paper document: the agency's valid
    /// signature alone gives it the value of the main copy.
    LEGAL_DIGITISED_COPY = ("VN-LEGAL-DIGITISED-COPY", Note, "verified as a digitised copy of a paper document: the agency's signature gives it the value of the main copy", "được xác thực là bản số hóa từ văn bản giấy: chữ ký số của cơ quan, tổ chức cho bản sao giá trị như bản chính", "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 2, Điều 11 khoản 3 điểm d; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 14 khoản 4");
    /// The clerk signs for the agency only after the competent person.
    LEGAL_ORDER = ("VN-LEGAL-ORDER", Error, "the agency signed before the competent person: for reference only", "cơ quan, tổ chức ký trước người có thẩm quyền: chỉ có giá trị tham khảo", "Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 17 khoản 4 điểm c");

    // Appearance (Vietnamese rules).

    /// An attachment in a separate file carries only the agency signature.
    ATTACH_PERSON = ("VN-ATTACH-PERSON", Warning, "an attachment in a separate file carries only the agency signature", "phụ lục ở tệp riêng chỉ mang chữ ký số của cơ quan, tổ chức", ATTACHMENT);
    /// The agency signature on an attachment shows no image.
    ATTACH_IMAGE = ("VN-ATTACH-IMAGE", Warning, "the agency signature on an attachment must have no image", "chữ ký số của cơ quan, tổ chức trên phụ lục không hiển thị hình ảnh", ATTACHMENT);
    /// The agency signature on an attachment sits at the top right of page 1.
    ATTACH_POSITION = ("VN-ATTACH-POSITION", Warning, "the agency signature on an attachment belongs at the top right of page 1", "chữ ký số của cơ quan, tổ chức trên phụ lục đặt ở góc trên bên phải trang đầu", ATTACHMENT);
    /// The seal image covers about a third of the person's signature, on its left.
    SEAL_OVERLAP = ("VN-SEAL-OVERLAP", Warning, "the seal should cover about a third of the competent person's signature", "hình con dấu phải trùm khoảng 1/3 chữ ký của người có thẩm quyền", SEAL);
    /// A signing tool wrote Vietnam local time into `signingTime` as if it were
    /// UTC: the claimed time is about 7 hours after the reference time.
    SIG_TIME_PLUS7 = ("VN-SIG-TIME-PLUS7", Warning, "the claimed signing time is Vietnam time written as UTC (7 hours late)", "thời điểm ký khai báo là giờ Việt Nam bị ghi như giờ UTC (lệch 7 giờ)", "vanthu docs/signature-policy.md §6");
}

/// The rule of the catalogue with this id, if any.
#[must_use]
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.id == id)
}
