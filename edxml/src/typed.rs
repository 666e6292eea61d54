//! Typed views of identifier- and code-valued fields, through
//! `vanthu-identifiers`. The model keeps the text as read; these accessors
//! parse it leniently on demand (`None` when the element is absent).

use vanthu_identifiers::{AnyAgencyId, DocumentId, DocumentNumber, Finding, IdError, Urgency};

use crate::codes::{BusinessType, StatusCode};
use crate::model::{
    Business, Code, DocumentPackage, MessageHeader, Organization, OtherInfo, ResponseFor,
    StatusPackage,
};

/// A leniently parsed identifier and the findings about its form.
pub type Lenient<T> = Result<(T, Vec<Finding>), IdError>;

fn agency(text: Option<&str>) -> Option<Lenient<AnyAgencyId>> {
    text.map(|t| AnyAgencyId::parse_lenient(t.trim()))
}

fn document_id(text: Option<&str>) -> Option<Lenient<DocumentId>> {
    text.map(|t| DocumentId::parse_lenient(t.trim()))
}

impl Organization {
    /// `OrganId` as an agency identifier (QCVN 102:2016, Decision 20/2020 or irregular).
    #[must_use]
    pub fn agency_id(&self) -> Option<Lenient<AnyAgencyId>> {
        agency(self.organ_id.as_deref())
    }
}

impl ResponseFor {
    /// `OrganId` as an agency identifier.
    #[must_use]
    pub fn agency_id(&self) -> Option<Lenient<AnyAgencyId>> {
        agency(self.organ_id.as_deref())
    }

    /// `DocumentId` parsed.
    #[must_use]
    pub fn parsed_document_id(&self) -> Option<Lenient<DocumentId>> {
        document_id(self.document_id.as_deref())
    }
}

impl MessageHeader {
    /// `DocumentId` parsed (`OrganId,yyyy/MM/dd,Number/Notation`, or a UUID).
    #[must_use]
    pub fn parsed_document_id(&self) -> Option<Lenient<DocumentId>> {
        document_id(self.document_id.as_deref())
    }

    /// The urgency (`OtherInfo/Priority`).
    #[must_use]
    pub fn urgency(&self) -> Option<Urgency> {
        self.other_info.as_ref().and_then(OtherInfo::urgency)
    }
}

impl Code {
    /// `CodeNumber/CodeNotation` as a document number and notation (số, ký hiệu).
    #[must_use]
    pub fn document_number(&self) -> Option<Result<DocumentNumber, IdError>> {
        match (self.code_number.as_deref(), self.code_notation.as_deref()) {
            (Some(n), Some(t)) => Some(DocumentNumber::from_code_parts(n.trim(), t.trim())),
            _ => None,
        }
    }
}

impl OtherInfo {
    /// `Priority` 0–4 as an urgency level.
    #[must_use]
    pub fn urgency(&self) -> Option<Urgency> {
        let code = self.priority.as_deref()?.trim().parse::<u8>().ok()?;
        Urgency::from_edxml_priority(code)
    }
}

impl Business {
    /// `BussinessDocType` as a business type.
    #[must_use]
    pub fn business_type(&self) -> Option<BusinessType> {
        self.doc_type.as_deref().and_then(BusinessType::parse)
    }
}

impl DocumentPackage {
    /// What the package does (`TraceHeaderList/Bussiness/BussinessDocType`):
    /// a new document when it does not say.
    #[must_use]
    pub fn business_type(&self) -> BusinessType {
        self.trace
            .as_ref()
            .and_then(|t| t.business.as_ref())
            .and_then(Business::business_type)
            .unwrap_or(BusinessType::New)
    }
}

impl StatusPackage {
    /// `StatusCode` as a status code (unknown codes are kept).
    #[must_use]
    pub fn code(&self) -> Option<StatusCode> {
        self.status_code.as_deref().map(StatusCode::parse)
    }
}
