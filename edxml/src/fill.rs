//! The elements the reference writer (the VNPT EdXML102 library) always
//! emits, empty when unknown, and builders for the parts of the model that
//! carry them (`docs/edxml.md` §4).
//!
//! Integrators' code dereferences these elements without a check (the
//! signer's competence, a loop over `ToPlaces`, a status parser that needs
//! `StaffInfo`), so a package without them is dropped by such systems. The
//! writer writes the model as it is (so that a package read elsewhere is
//! rewritten as read); the builders of new packages
//! ([`DocumentPackage::new_document`], [`DocumentPackage::follow_up`],
//! [`StatusPackage::reply`]) fill the model with them, and
//! [`DocumentPackage::with_reference_elements`] does it for a package built
//! by hand.

use crate::model::*;

/// `Some("")` for an unknown value: an empty element.
fn empty(slot: &mut Option<String>) {
    if slot.is_none() {
        *slot = Some(String::new());
    }
}

fn empty_list(slot: &mut Option<Vec<String>>) {
    if slot.is_none() {
        *slot = Some(Vec::new());
    }
}

impl Organization {
    /// Every child the reference writer writes (`OrganizationInCharge`,
    /// `OrganAdd`, `Email`, `Telephone`, `Fax`, `Website`), empty when
    /// unknown.
    pub fn fill_reference_elements(&mut self) {
        for slot in [
            &mut self.organ_id,
            &mut self.organization_in_charge,
            &mut self.organ_name,
            &mut self.organ_add,
            &mut self.email,
            &mut self.telephone,
            &mut self.fax,
            &mut self.website,
        ] {
            empty(slot);
        }
    }

    /// This organisation with its governing body (`OrganizationInCharge`).
    #[must_use]
    pub fn in_charge(mut self, governing_body: impl Into<String>) -> Self {
        self.organization_in_charge = Some(governing_body.into());
        self
    }

    /// This organisation with its contact details: address (`OrganAdd`),
    /// `Email`, `Telephone`, `Fax` and `Website`; `""` for one it has not.
    ///
    /// ```
    /// use vanthu_edxml::Organization;
    /// let vpcp = Organization::new("000.00.00.G22", "Văn phòng Chính phủ")
    ///     .in_charge("Chính phủ")
    ///     .contact("Số 1 Hoàng Hoa Thám, Ba Đình, Hà Nội", "vpcp@chinhphu.vn", "080 43100", "", "chinhphu.vn");
    /// assert_eq!(vpcp.fax.as_deref(), Some(""));
    /// ```
    #[must_use]
    pub fn contact(
        mut self,
        address: impl Into<String>,
        email: impl Into<String>,
        telephone: impl Into<String>,
        fax: impl Into<String>,
        website: impl Into<String>,
    ) -> Self {
        self.organ_add = Some(address.into());
        self.email = Some(email.into());
        self.telephone = Some(telephone.into());
        self.fax = Some(fax.into());
        self.website = Some(website.into());
        self
    }
}

impl SignerInfo {
    /// A signer: authority (`Competence`: `TL. BỘ TRƯỞNG`, `KT. CHỦ TỊCH`,
    /// or `""`), `Position` and `FullName`.
    ///
    /// ```
    /// use vanthu_edxml::SignerInfo;
    /// let signer = SignerInfo::new("KT. CHỦ TỊCH", "Phó Chủ tịch", "Nguyễn Văn A");
    /// assert_eq!(signer.competence.as_deref(), Some("KT. CHỦ TỊCH"));
    /// ```
    #[must_use]
    pub fn new(
        competence: impl Into<String>,
        position: impl Into<String>,
        full_name: impl Into<String>,
    ) -> Self {
        Self {
            competence: Some(competence.into()),
            position: Some(position.into()),
            full_name: Some(full_name.into()),
            extras: Extras::default(),
        }
    }

    fn fill_reference_elements(&mut self) {
        for slot in [
            &mut self.competence,
            &mut self.position,
            &mut self.full_name,
        ] {
            empty(slot);
        }
    }
}

impl StaffInfo {
    /// The clerk who handles a package: `Department`, `Staff`, `Email`,
    /// `Mobile` (`""` for one unknown).
    ///
    /// ```
    /// use vanthu_edxml::StaffInfo;
    /// let clerk = StaffInfo::new("Văn thư", "Trần Thị B", "vanthu@example.gov.vn", "");
    /// assert_eq!(clerk.staff.as_deref(), Some("Trần Thị B"));
    /// ```
    #[must_use]
    pub fn new(
        department: impl Into<String>,
        staff: impl Into<String>,
        email: impl Into<String>,
        mobile: impl Into<String>,
    ) -> Self {
        Self {
            department: Some(department.into()),
            staff: Some(staff.into()),
            email: Some(email.into()),
            mobile: Some(mobile.into()),
            ..Self::default()
        }
    }

    /// Every child the reference writer writes (`Department`, `Staff`,
    /// `Email`, `Mobile`), empty when unknown; the VNPT extensions
    /// `DepartmentId` and `StaffId` stay as they are.
    pub fn fill_reference_elements(&mut self) {
        for slot in [
            &mut self.department,
            &mut self.staff,
            &mut self.email,
            &mut self.mobile,
        ] {
            empty(slot);
        }
    }
}

impl DocumentPackage {
    /// This package with every element the reference writer writes, empty
    /// when unknown (`docs/edxml.md` §4): the contact details of `From` and
    /// each `To`, `Code`, `PromulgationInfo/Place`, `DocumentType/TypeDetail`,
    /// `Subject`, `Content`, `SignerInfo` (`Competence`, `Position`,
    /// `FullName`), `DueDate`, `OtherInfo` (`Priority`,
    /// `SphereOfPromulgation`, `TyperNotation`, `PromulgationAmount`,
    /// `PageAmount`, `Direction`, `Appendixes`), `SteeringType`,
    /// `ToPlaces`, and in the trace list `Bussiness` (`DocumentId`, `Paper`,
    /// `StaffInfo`). Values already set are kept; elements the reference
    /// writer writes only when they have a value (`ResponseFor`,
    /// `ResponseForTask`, `ApplicationType`, the VNPT extensions of
    /// `OtherInfo`) are not added.
    ///
    /// ```
    /// use vanthu_edxml::DocumentPackage;
    /// let mut doc = DocumentPackage::default();
    /// doc = doc.with_reference_elements();
    /// assert_eq!(doc.header.content.as_deref(), Some(""));
    /// assert_eq!(doc.header.to_places, Some(vec![]));
    /// ```
    #[must_use]
    pub fn with_reference_elements(mut self) -> Self {
        let h = &mut self.header;
        for org in h.from.iter_mut().chain(h.to.iter_mut()) {
            org.fill_reference_elements();
        }
        empty(&mut h.document_id);
        let code = h.code.get_or_insert_with(Code::default);
        empty(&mut code.code_number);
        empty(&mut code.code_notation);
        let p = h
            .promulgation_info
            .get_or_insert_with(PromulgationInfo::default);
        empty(&mut p.place);
        empty(&mut p.promulgation_date);
        let t = h.document_type.get_or_insert_with(DocumentType::default);
        empty(&mut t.type_code);
        empty(&mut t.type_detail);
        empty(&mut t.type_name);
        empty(&mut h.subject);
        empty(&mut h.content);
        h.signer_info
            .get_or_insert_with(SignerInfo::default)
            .fill_reference_elements();
        empty(&mut h.due_date);
        let o = h.other_info.get_or_insert_with(OtherInfo::default);
        for slot in [
            &mut o.priority,
            &mut o.sphere_of_promulgation,
            &mut o.typer_notation,
            &mut o.promulgation_amount,
            &mut o.page_amount,
            &mut o.direction,
        ] {
            empty(slot);
        }
        empty_list(&mut o.appendixes);
        empty(&mut h.steering_type);
        empty_list(&mut h.to_places);
        if let Some(b) = self.trace.as_mut().and_then(|t| t.business.as_mut()) {
            empty(&mut b.document_id);
            empty(&mut b.paper);
            b.staff_info
                .get_or_insert_with(StaffInfo::default)
                .fill_reference_elements();
        }
        self
    }

    /// This package with its `Paper` flag (`Bussiness/Paper`): `true` when a
    /// paper copy follows the electronic one (the workflow decides it:
    /// `vanthu_workflow::outgoing::OutgoingDocument::paper_copy`).
    ///
    /// ```
    /// # use vanthu_edxml::{DocumentPackage, Organization};
    /// # let at = chrono::DateTime::parse_from_rfc3339("2025-06-02T09:00:00+07:00").unwrap();
    /// let doc = DocumentPackage::new_document(
    ///     Organization::new("000.00.15.H47", "UBND"), vec![], ("1", "QĐ-UBND"), "2025/06/02", "s", &at,
    /// )
    /// .with_paper(true);
    /// let business = doc.trace.as_ref().unwrap().business.as_ref().unwrap();
    /// assert_eq!(business.paper.as_deref(), Some("1"));
    /// ```
    #[must_use]
    pub fn with_paper(mut self, paper: bool) -> Self {
        self.trace
            .get_or_insert_with(TraceHeaderList::default)
            .business
            .get_or_insert_with(Business::default)
            .paper = Some(if paper { "1" } else { "0" }.to_owned());
        self
    }

    /// This package with its `Content` (a summary of the document).
    #[must_use]
    pub fn with_content(mut self, content: impl Into<String>) -> Self {
        self.header.content = Some(content.into());
        self
    }

    /// This package with its signer.
    #[must_use]
    pub fn with_signer(mut self, mut signer: SignerInfo) -> Self {
        signer.fill_reference_elements();
        self.header.signer_info = Some(signer);
        self
    }

    /// This package with its place of issue (`PromulgationInfo/Place`).
    #[must_use]
    pub fn with_place(mut self, place: impl Into<String>) -> Self {
        self.header
            .promulgation_info
            .get_or_insert_with(PromulgationInfo::default)
            .place = Some(place.into());
        self
    }

    /// This package with the recipients "for information" beside `To`
    /// (`ToPlaces/Place`, the *nơi nhận* block of the document).
    #[must_use]
    pub fn with_to_places<S: Into<String>>(mut self, places: impl IntoIterator<Item = S>) -> Self {
        self.header.to_places = Some(places.into_iter().map(Into::into).collect());
        self
    }

    /// This package with the names of its appendixes
    /// (`OtherInfo/Appendixes/Appendix`).
    #[must_use]
    pub fn with_appendixes<S: Into<String>>(
        mut self,
        appendixes: impl IntoIterator<Item = S>,
    ) -> Self {
        self.header
            .other_info
            .get_or_insert_with(OtherInfo::default)
            .appendixes = Some(appendixes.into_iter().map(Into::into).collect());
        self
    }

    /// This package with the clerk who sends it (`Bussiness/StaffInfo`;
    /// its elements the reference writer writes are there, empty when not
    /// given).
    #[must_use]
    pub fn with_staff(mut self, mut staff: StaffInfo) -> Self {
        staff.fill_reference_elements();
        if let Some(b) = self.trace.as_mut().and_then(|t| t.business.as_mut()) {
            b.staff_info = Some(staff);
        }
        self
    }
}

impl StatusPackage {
    /// This status package with every element the reference writer writes,
    /// empty when unknown: the contact details of `From` and `StaffInfo`
    /// (`Department`, `Staff`, `Email`, `Mobile`), `Description`.
    #[must_use]
    pub fn with_reference_elements(mut self) -> Self {
        if let Some(from) = self.from.as_mut() {
            from.fill_reference_elements();
        }
        self.staff_info
            .get_or_insert_with(StaffInfo::default)
            .fill_reference_elements();
        empty(&mut self.description);
        self
    }
}
