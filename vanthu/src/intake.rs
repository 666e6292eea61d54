//! From an edXML document package to the metadata a receiving office
//! registers: the bridge between `vanthu-edxml` and `vanthu-workflow`.

use vanthu_edxml::DocumentPackage;
use vanthu_identifiers::{DocumentId, DocumentNumber, DocumentType, Urgency};
use vanthu_workflow::DocumentMeta;

/// The metadata of the document a package carries, read leniently: each
/// field the package gives in a readable form is filled, the others are
/// left empty (the package's findings say what was wrong with them).
///
/// - number and symbol: `Code` (`CodeNumber/CodeNotation`);
/// - document id: `DocumentId`;
/// - date: `PromulgationInfo/PromulgationDate`;
/// - type: `DocumentType/TypeName`, else the abbreviation in the symbol;
/// - issuer: `From/OrganName`; subject: `Subject`;
/// - urgency: `OtherInfo/Priority` (0–4).
///
/// ```
/// use vanthu::edxml::{DocumentPackage, Organization};
/// use chrono::TimeZone as _;
/// let at = vanthu::edxml::vietnam_offset().with_ymd_and_hms(2025, 6, 2, 10, 0, 0).unwrap();
/// let package = DocumentPackage::new_document(
///     Organization::new("000.00.15.H47", "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Nam"),
///     vec![Organization::new("000.01.15.H47", "Văn phòng Sở")],
///     ("182", "QĐ-LĐTBXH"), "2025/06/02", "Về việc ban hành quy chế", &at);
/// let meta = vanthu::document_meta(&package);
/// assert_eq!(meta.number.unwrap().to_string(), "182/QĐ-LĐTBXH");
/// assert_eq!(meta.document_type, Some(vanthu::identifiers::DocumentType::Decision));
/// assert_eq!(meta.date.unwrap().to_string(), "2025-06-02");
/// ```
#[must_use]
pub fn document_meta(package: &DocumentPackage) -> DocumentMeta {
    let h = &package.header;
    let mut meta = DocumentMeta::new(h.subject.as_deref().unwrap_or_default());
    meta.issuer = h
        .from
        .as_ref()
        .and_then(|f| f.organ_name.clone())
        .unwrap_or_default();
    meta.number = h.code.as_ref().and_then(|c| {
        let text = format!(
            "{}/{}",
            c.code_number.as_deref()?,
            c.code_notation.as_deref()?
        );
        DocumentNumber::parse_lenient(&text).ok().map(|(n, _)| n)
    });
    meta.document_id = h
        .document_id
        .as_deref()
        .and_then(|id| DocumentId::parse_lenient(id).ok().map(|(id, _)| id));
    meta.date = h
        .promulgation_info
        .as_ref()
        .and_then(|p| p.promulgation_date.as_deref())
        .and_then(vanthu_edxml::parse_date);
    meta.document_type = h
        .document_type
        .as_ref()
        .and_then(|t| t.type_name.as_deref())
        .map(DocumentType::from_name_vi)
        .filter(|t| !matches!(t, DocumentType::Unknown(_)))
        .or_else(|| meta.number.as_ref().and_then(DocumentNumber::document_type));
    meta.urgency = h
        .other_info
        .as_ref()
        .and_then(|o| o.priority.as_deref())
        .and_then(|p| p.trim().parse().ok())
        .and_then(Urgency::from_edxml_priority);
    meta
}
