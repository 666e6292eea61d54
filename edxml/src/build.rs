//! Builders: new document packages, status replies, and revoke / update /
//! replace packages. Time is always a parameter.

use chrono::{DateTime, TimeZone};

use crate::codes::{BusinessType, StatusCode};
use crate::model::*;
use crate::time::format_timestamp;

/// The `DocumentId` composed as the VPCP writers do:
/// `OrganId,yyyy/MM/dd,CodeNumber/CodeNotation` (`docs/edxml.md` §7).
#[must_use]
pub fn compose_document_id(
    organ_id: &str,
    promulgation_date: &str,
    number: &str,
    notation: &str,
) -> String {
    format!("{organ_id},{promulgation_date},{number}/{notation}")
}

impl DocumentPackage {
    /// A new document package (business type 0) from `from` to `to`, with
    /// number, notation, promulgation date (`yyyy/MM/dd`) and subject, sent
    /// at `at` (Vietnam time is written). The `DocumentId` is composed from
    /// them; add attachments with [`add_attachment`](Self::add_attachment).
    /// Every element the reference writer writes is there, empty when
    /// unknown ([`with_reference_elements`](Self::with_reference_elements)):
    /// fill them with [`with_signer`](Self::with_signer),
    /// [`with_content`](Self::with_content), [`with_place`](Self::with_place),
    /// [`with_to_places`](Self::with_to_places),
    /// [`with_appendixes`](Self::with_appendixes),
    /// [`with_staff`](Self::with_staff) and [`Organization::contact`].
    #[must_use]
    pub fn new_document<Tz: TimeZone>(
        from: Organization,
        to: Vec<Organization>,
        code: (&str, &str),
        promulgation_date: &str,
        subject: &str,
        at: &DateTime<Tz>,
    ) -> Self {
        let from_id = from.organ_id.clone().unwrap_or_default();
        let header = MessageHeader {
            document_id: Some(compose_document_id(
                &from_id,
                promulgation_date,
                code.0,
                code.1,
            )),
            from: Some(from),
            to,
            code: Some(Code {
                code_number: Some(code.0.to_owned()),
                code_notation: Some(code.1.to_owned()),
                extras: Extras::default(),
            }),
            promulgation_info: Some(PromulgationInfo {
                place: None,
                promulgation_date: Some(promulgation_date.to_owned()),
                extras: Extras::default(),
            }),
            subject: Some(subject.to_owned()),
            other_info: Some(OtherInfo {
                priority: Some("0".to_owned()),
                direction: Some("false".to_owned()),
                ..OtherInfo::default()
            }),
            steering_type: Some("0".to_owned()),
            ..MessageHeader::default()
        };
        Self {
            trace: Some(TraceHeaderList {
                trace_headers: vec![TraceHeader {
                    organ_id: Some(from_id),
                    timestamp: Some(format_timestamp(at)),
                    extras: Extras::default(),
                }],
                business: Some(Business {
                    doc_type: Some(BusinessType::New.as_str().to_owned()),
                    doc_reason: Some(BusinessType::New.reason_vi().to_owned()),
                    paper: Some("0".to_owned()),
                    ..Business::default()
                }),
                extras: Extras::default(),
            }),
            header,
            manifest: Some(Manifest {
                version: Some("1.0".to_owned()),
                ..Manifest::default()
            }),
            attachment_encoded: true,
            ..Self::default()
        }
        .with_reference_elements()
    }

    /// Adds an attachment (manifest `Reference` and `Attachment`) with the
    /// next free numeric content id; returns its index. Its content is given
    /// to the writer through [`AttachmentBodies`](crate::AttachmentBodies).
    pub fn add_attachment(&mut self, name: &str, content_type: &str) -> usize {
        let id = (1..)
            .map(|n: usize| n.to_string())
            .find(|c| {
                !self
                    .attachments
                    .iter()
                    .any(|a| a.content_id.as_deref() == Some(c))
            })
            .unwrap_or_default();
        let manifest = self.manifest.get_or_insert_with(|| Manifest {
            version: Some("1.0".to_owned()),
            ..Manifest::default()
        });
        manifest.references.push(Reference {
            content_id: Some(id.clone()),
            content_type: Some(content_type.to_owned()),
            description: Some(name.to_owned()),
            attachment_name: Some(name.to_owned()),
            extras: Extras::default(),
        });
        self.attachments.push(Attachment {
            content_id: Some(id),
            attachment_name: Some(name.to_owned()),
            description: Some(name.to_owned()),
            content_type: Some(content_type.to_owned()),
            ..Attachment::default()
        });
        self.attachment_encoded = true;
        self.attachments.len() - 1
    }

    /// The `ResponseFor` that identifies this document to its recipients.
    #[must_use]
    pub fn response_for(&self) -> ResponseFor {
        let h = &self.header;
        let code = h.code.as_ref().map(|c| {
            format!(
                "{}/{}",
                c.code_number.as_deref().unwrap_or_default(),
                c.code_notation.as_deref().unwrap_or_default()
            )
        });
        ResponseFor {
            organ_id: h.from.as_ref().and_then(|f| f.organ_id.clone()),
            code,
            document_id: h.document_id.clone(),
            promulgation_date: h
                .promulgation_info
                .as_ref()
                .and_then(|p| p.promulgation_date.clone()),
            extras: Extras::default(),
        }
    }

    /// A revoke (1), update (2) or replace (3) package concerning this
    /// document, sent by its sender at `at` to the same recipients. The
    /// header is copied, `Bussiness` names this document and, for a
    /// revocation, `ResponseFor` points at it (as in the VPCP sample). Fill
    /// `BussinessDocumentInfo` or `ReplacementInfoList` on the result for
    /// updates and replacements; attachments are not copied.
    #[must_use]
    pub fn follow_up<Tz: TimeZone>(
        &self,
        kind: BusinessType,
        reason: Option<&str>,
        at: &DateTime<Tz>,
    ) -> Self {
        let mut header = self.header.clone();
        if kind == BusinessType::Revoke {
            header.response_for = vec![self.response_for()];
        }
        let from_id = header.from.as_ref().and_then(|f| f.organ_id.clone());
        let staff = self
            .trace
            .as_ref()
            .and_then(|t| t.business.as_ref())
            .and_then(|b| b.staff_info.clone());
        let mut business = Business {
            document_id: self.header.document_id.clone(),
            doc_type: Some(kind.as_str().to_owned()),
            doc_reason: Some(reason.unwrap_or(kind.reason_vi()).to_owned()),
            paper: Some("0".to_owned()),
            staff_info: staff,
            ..Business::default()
        };
        match kind {
            BusinessType::Update => {
                business.document_info = Some(BusinessDocumentInfo {
                    document_info: Some("1".to_owned()),
                    document_receiver: Some("0".to_owned()),
                    ..BusinessDocumentInfo::default()
                });
            }
            BusinessType::Replace => {
                business.replacement_info_list = Some(vec![ReplacementInfo {
                    document_id: self.header.document_id.clone(),
                    organ_id_list: Some(
                        self.header
                            .to
                            .iter()
                            .filter_map(|t| t.organ_id.clone())
                            .collect(),
                    ),
                    extras: Extras::default(),
                }]);
            }
            BusinessType::New | BusinessType::Revoke => {}
        }
        Self {
            header,
            trace: Some(TraceHeaderList {
                trace_headers: vec![TraceHeader {
                    organ_id: from_id,
                    timestamp: Some(format_timestamp(at)),
                    extras: Extras::default(),
                }],
                business: Some(business),
                extras: Extras::default(),
            }),
            signature: None,
            manifest: Some(Manifest {
                version: Some("1.0".to_owned()),
                ..Manifest::default()
            }),
            attachments: Vec::new(),
            attachment_encoded: true,
            extras: PackageExtras::default(),
        }
        .with_reference_elements()
    }
}

impl StatusPackage {
    /// The status package that answers `original` with `code`, from the
    /// organisation `from`, at `at` (written in Vietnam time). `ResponseFor`
    /// identifies the original document and is addressed to its sender; for
    /// 13 (sent by the original sender) set the addressee with
    /// [`addressed_to`](Self::addressed_to). The description defaults to the
    /// usual Vietnamese text of the code.
    #[must_use]
    pub fn reply<Tz: TimeZone>(
        original: &DocumentPackage,
        code: &StatusCode,
        from: Organization,
        at: &DateTime<Tz>,
    ) -> Self {
        Self {
            from: Some(from),
            response_for: Some(original.response_for()),
            staff_info: None,
            status_code: Some(code.as_str().to_owned()),
            description: Some(code.description_vi().to_owned()),
            timestamp: Some(format_timestamp(at)),
            extras: Extras::default(),
            package_extras: PackageExtras::default(),
        }
        .with_reference_elements()
    }

    /// This reply with another description.
    #[must_use]
    pub fn with_description(mut self, description: &str) -> Self {
        self.description = Some(description.to_owned());
        self
    }

    /// This reply signed by a clerk (the elements of `StaffInfo` the
    /// reference writer writes are there, empty when not given).
    #[must_use]
    pub fn with_staff(mut self, mut staff: StaffInfo) -> Self {
        staff.fill_reference_elements();
        self.staff_info = Some(staff);
        self
    }

    /// This reply addressed to another organ (`ResponseFor/OrganId`).
    #[must_use]
    pub fn addressed_to(mut self, organ_id: &str) -> Self {
        if let Some(r) = self.response_for.as_mut() {
            r.organ_id = Some(organ_id.to_owned());
        }
        self
    }
}
