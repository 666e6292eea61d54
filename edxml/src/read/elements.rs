//! Stage two, element by element: each known element of the package mapped
//! onto its model type.

use crate::model::*;
use crate::rules;
use crate::time::DateKind;
use crate::tree::Node;

use super::{AttachmentLayout, Mapper, PrefixZone, strip_cid, to_xml_attribute};

impl Mapper {
    pub(super) fn organization(&mut self, node: &Node) -> Organization {
        let mut o = Organization::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "OrganId",
            "OrganizationInCharge",
            "OrganName",
            "OrganAdd",
            "Email",
            "Telephone",
            "Fax",
            "Website",
        ];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "OrganId" => m.set(&mut o.organ_id, c),
            "OrganizationInCharge" => m.set(&mut o.organization_in_charge, c),
            "OrganName" => m.set(&mut o.organ_name, c),
            "OrganAdd" => m.set(&mut o.organ_add, c),
            "Email" => m.set(&mut o.email, c),
            "Telephone" => m.set(&mut o.telephone, c),
            "Fax" => m.set(&mut o.fax, c),
            "Website" => m.set(&mut o.website, c),
            _ => false,
        });
        o.extras = extras;
        o
    }

    pub(super) fn response_for(&mut self, node: &Node) -> ResponseFor {
        let mut r = ResponseFor::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &["OrganId", "Code", "DocumentId", "PromulgationDate"];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "OrganId" => m.set(&mut r.organ_id, c),
            "Code" => m.set(&mut r.code, c),
            "DocumentId" => m.set(&mut r.document_id, c),
            "PromulgationDate" => m.set_date(&mut r.promulgation_date, c, DateKind::Date),
            _ => false,
        });
        r.extras = extras;
        r
    }

    pub(super) fn staff_info(&mut self, node: &Node) -> StaffInfo {
        let mut s = StaffInfo::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "Department",
            "Staff",
            "Email",
            "Mobile",
            "DepartmentId",
            "StaffId",
        ];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "Department" => m.set(&mut s.department, c),
            "Staff" => m.set(&mut s.staff, c),
            "Email" => m.set(&mut s.email, c),
            "Mobile" => m.set(&mut s.mobile, c),
            "DepartmentId" => m.set(&mut s.department_id, c),
            "StaffId" => m.set(&mut s.staff_id, c),
            _ => false,
        });
        s.extras = extras;
        s
    }

    pub(super) fn message_header(&mut self, node: &Node) -> MessageHeader {
        let mut h = MessageHeader::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "From",
            "To",
            "DocumentId",
            "Code",
            "PromulgationInfo",
            "DocumentType",
            "Subject",
            "Content",
            "SignerInfo",
            "DueDate",
            "OtherInfo",
            "ResponseFor",
            "SteeringType",
            "ResponseForTask",
            "ApplicationType",
            "ToPlaces",
        ];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "From" if h.from.is_none() => {
                h.from = Some(m.organization(c));
                true
            }
            "To" => {
                h.to.push(m.organization(c));
                true
            }
            "DocumentId" => m.set(&mut h.document_id, c),
            "Code" if h.code.is_none() => {
                let mut code = Code::default();
                let mut extras = Extras::default();
                m.children(
                    c,
                    &["CodeNumber", "CodeNotation"],
                    &mut extras,
                    |m, c, local| match local {
                        "CodeNumber" => m.set(&mut code.code_number, c),
                        "CodeNotation" => m.set(&mut code.code_notation, c),
                        _ => false,
                    },
                );
                code.extras = extras;
                h.code = Some(code);
                true
            }
            "PromulgationInfo" if h.promulgation_info.is_none() => {
                let mut p = PromulgationInfo::default();
                let mut extras = Extras::default();
                m.children(
                    c,
                    &["Place", "PromulgationDate"],
                    &mut extras,
                    |m, c, local| match local {
                        "Place" => m.set(&mut p.place, c),
                        "PromulgationDate" => {
                            m.set_date(&mut p.promulgation_date, c, DateKind::Date)
                        }
                        _ => false,
                    },
                );
                p.extras = extras;
                h.promulgation_info = Some(p);
                true
            }
            "DocumentType" if h.document_type.is_none() => {
                let mut d = DocumentType::default();
                let mut extras = Extras::default();
                m.children(
                    c,
                    &["Type", "TypeDetail", "TypeName"],
                    &mut extras,
                    |m, c, local| match local {
                        "Type" => m.set(&mut d.type_code, c),
                        "TypeDetail" => m.set(&mut d.type_detail, c),
                        "TypeName" => m.set(&mut d.type_name, c),
                        _ => false,
                    },
                );
                d.extras = extras;
                h.document_type = Some(d);
                true
            }
            "Subject" => m.set(&mut h.subject, c),
            "Content" => m.set(&mut h.content, c),
            "SignerInfo" if h.signer_info.is_none() => {
                let mut s = SignerInfo::default();
                let mut extras = Extras::default();
                m.children(
                    c,
                    &["Competence", "Position", "FullName"],
                    &mut extras,
                    |m, c, local| match local {
                        "Competence" => m.set(&mut s.competence, c),
                        "Position" => m.set(&mut s.position, c),
                        "FullName" => m.set(&mut s.full_name, c),
                        _ => false,
                    },
                );
                s.extras = extras;
                h.signer_info = Some(s);
                true
            }
            "DueDate" => m.set_date(&mut h.due_date, c, DateKind::Date),
            "OtherInfo" if h.other_info.is_none() => {
                h.other_info = Some(m.other_info(c));
                true
            }
            "ResponseFor" => {
                let r = m.response_for(c);
                h.response_for.push(r);
                true
            }
            "SteeringType" => m.set(&mut h.steering_type, c),
            "ResponseForTask" if h.response_for_task.is_none() => {
                h.response_for_task = Some(m.list(c, "TaskCode"));
                true
            }
            "ApplicationType" => m.set(&mut h.application_type, c),
            "ToPlaces" if h.to_places.is_none() => {
                h.to_places = Some(m.list(c, "Place"));
                true
            }
            _ => false,
        });
        h.extras = extras;
        h
    }

    pub(super) fn other_info(&mut self, node: &Node) -> OtherInfo {
        let mut o = OtherInfo::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "Priority",
            "SphereOfPromulgation",
            "TyperNotation",
            "PromulgationAmount",
            "PageAmount",
            "ReplyFors",
            "Direction",
            "ReferenceCodes",
            "Appendixes",
        ];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "Priority" => m.set(&mut o.priority, c),
            "SphereOfPromulgation" => m.set(&mut o.sphere_of_promulgation, c),
            "TyperNotation" => m.set(&mut o.typer_notation, c),
            "PromulgationAmount" => m.set(&mut o.promulgation_amount, c),
            "PageAmount" => m.set(&mut o.page_amount, c),
            "ReplyFors" => m.set(&mut o.reply_fors, c),
            "Direction" => m.set(&mut o.direction, c),
            "ReferenceCodes" => m.set(&mut o.reference_codes, c),
            "Appendixes" if o.appendixes.is_none() => {
                o.appendixes = Some(m.list(c, "Appendix"));
                true
            }
            _ => false,
        });
        o.extras = extras;
        o
    }

    pub(super) fn trace_list(&mut self, node: &Node) -> TraceHeaderList {
        let mut t = TraceHeaderList::default();
        let mut extras = Extras::default();
        self.children(
            node,
            &["Bussiness", "TraceHeader"],
            &mut extras,
            |m, c, local| match local {
                "TraceHeader" => {
                    let mut th = TraceHeader::default();
                    let mut extras = Extras::default();
                    m.children(
                        c,
                        &["OrganId", "Timestamp"],
                        &mut extras,
                        |m, c, local| match local {
                            "OrganId" => m.set(&mut th.organ_id, c),
                            "Timestamp" => m.set_date(&mut th.timestamp, c, DateKind::DateTime),
                            _ => false,
                        },
                    );
                    th.extras = extras;
                    t.trace_headers.push(th);
                    true
                }
                "Bussiness" if t.business.is_none() => {
                    t.business = Some(m.business(c));
                    true
                }
                _ => false,
            },
        );
        t.extras = extras;
        t
    }

    pub(super) fn business(&mut self, node: &Node) -> Business {
        let mut b = Business::default();
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "DocumentId",
            "BussinessDocType",
            "BussinessDocReason",
            "Paper",
            "BussinessDocumentInfo",
            "ReplacementInfoList",
            "StaffInfo",
        ];
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "DocumentId" => m.set(&mut b.document_id, c),
            "BussinessDocType" => m.set(&mut b.doc_type, c),
            "BussinessDocReason" => m.set(&mut b.doc_reason, c),
            "Paper" => m.set(&mut b.paper, c),
            "BussinessDocumentInfo" if b.document_info.is_none() => {
                let mut d = BusinessDocumentInfo::default();
                let mut extras = Extras::default();
                m.children(
                    c,
                    &["DocumentInfo", "DocumentReceiver", "ReceiverList"],
                    &mut extras,
                    |m, c, local| match local {
                        "DocumentInfo" => m.set(&mut d.document_info, c),
                        "DocumentReceiver" => m.set(&mut d.document_receiver, c),
                        "ReceiverList" if d.receiver_list.is_none() => {
                            let mut list = Vec::new();
                            m.list_children(c, |m, c, local| {
                                if local != "Receiver" {
                                    return false;
                                }
                                let mut r = Receiver::default();
                                let mut extras = Extras::default();
                                m.children(
                                    c,
                                    &["OrganId", "ReceiverType"],
                                    &mut extras,
                                    |m, c, local| match local {
                                        "OrganId" => m.set(&mut r.organ_id, c),
                                        "ReceiverType" => m.set(&mut r.receiver_type, c),
                                        _ => false,
                                    },
                                );
                                r.extras = extras;
                                list.push(r);
                                true
                            });
                            d.receiver_list = Some(list);
                            true
                        }
                        _ => false,
                    },
                );
                d.extras = extras;
                b.document_info = Some(d);
                true
            }
            "ReplacementInfoList" if b.replacement_info_list.is_none() => {
                let mut list = Vec::new();
                m.list_children(c, |m, c, local| {
                    if local != "ReplacementInfo" {
                        return false;
                    }
                    let mut r = ReplacementInfo::default();
                    let mut extras = Extras::default();
                    m.children(
                        c,
                        &["DocumentId", "OrganIdList"],
                        &mut extras,
                        |m, c, local| match local {
                            "DocumentId" => m.set(&mut r.document_id, c),
                            "OrganIdList" if r.organ_id_list.is_none() => {
                                r.organ_id_list = Some(m.list(c, "OrganId"));
                                true
                            }
                            _ => false,
                        },
                    );
                    r.extras = extras;
                    list.push(r);
                    true
                });
                b.replacement_info_list = Some(list);
                true
            }
            "StaffInfo" if b.staff_info.is_none() => {
                b.staff_info = Some(m.staff_info(c));
                true
            }
            _ => false,
        });
        b.extras = extras;
        b
    }

    pub(super) fn manifest(&mut self, node: &Node) -> Manifest {
        let mut man = Manifest::default();
        let mut extras = Extras::default();
        self.children(node, &[], &mut extras, |m, c, local| {
            if local != "Reference" {
                return false;
            }
            let mut r = Reference::default();
            let mut extras = Extras::default();
            const ORDER: &[&str] = &["ContentId", "ContentType", "Description", "AttachmentName"];
            m.children(c, ORDER, &mut extras, |m, c, local| match local {
                "ContentId" => {
                    let ok = m.set(&mut r.content_id, c);
                    if ok {
                        let (id, had) = strip_cid(r.content_id.as_deref().unwrap_or_default());
                        m.count_cid(0, had);
                        r.content_id = Some(id);
                    }
                    ok
                }
                "ContentType" => m.set(&mut r.content_type, c),
                "Description" => m.set(&mut r.description, c),
                "AttachmentName" => m.set(&mut r.attachment_name, c),
                _ => false,
            });
            r.extras = extras;
            man.references.push(r);
            true
        });
        // The `version` attribute is known; others are extras.
        if let Some(pos) = extras
            .attributes
            .iter()
            .position(|a| a.name == "version" && a.namespace.is_none())
        {
            man.version = Some(extras.attributes.remove(pos).value);
        }
        man.extras = extras;
        man
    }

    pub(super) fn attachment(&mut self, node: &Node) -> Attachment {
        let mut a = Attachment::default();
        let mut extras = Extras::default();
        let mut layout: Option<AttachmentLayout> = None;
        let mut zone_fix = Vec::new();
        const ORDER: &[&str] = &ATTACHMENT_CHILDREN;
        // Attachment children are unprefixed in the reference form, except
        // ContentTransferEncoded; `children` checks for the prefixed zone,
        // so prefix deviations here are checked separately below.
        let prefix_reported = self.prefix_deviation;
        self.prefix_deviation = true;
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "ContentId" => {
                let ok = m.set(&mut a.content_id, c);
                if ok {
                    let (id, had) = strip_cid(a.content_id.as_deref().unwrap_or_default());
                    m.count_cid(2, had);
                    a.content_id = Some(id);
                }
                zone_fix.push((c.pos, c.prefix.is_some(), false, c.local.clone()));
                ok
            }
            "AttachmentName" | "Description" | "FieldName" | "MimeType" | "Format"
            | "ContentType" => {
                zone_fix.push((c.pos, c.prefix.is_some(), false, c.local.clone()));
                let slot = match local {
                    "AttachmentName" => &mut a.attachment_name,
                    "Description" => &mut a.description,
                    "FieldName" => &mut a.field_name,
                    "MimeType" => &mut a.mime_type,
                    "Format" => &mut a.format,
                    _ => &mut a.content_type,
                };
                m.set(slot, c)
            }
            "ContentTransferEncoded" if layout.is_none() => {
                zone_fix.push((c.pos, c.prefix.is_some(), true, c.local.clone()));
                if !c.attrs.is_empty() {
                    let loc = m.loc(c);
                    m.push(&rules::LEAF_ATTRIBUTE_KEPT, &format!("<{}>", c.local), loc);
                    let kept = Extras {
                        attributes: c.attrs.iter().map(to_xml_attribute).collect(),
                        ..Extras::default()
                    };
                    m.keep_child_extras(c, kept);
                }
                let enc = c.encoded.clone().unwrap_or_default();
                let loc = m.loc(c);
                if let Some(problem) = &enc.problem {
                    let rule = &rules::INVALID_BASE64;
                    m.findings.push(rule.custom(
                        format!(
                            "{}: {} at character {}",
                            rule.title, problem.reason, problem.offset
                        ),
                        format!("{} (tại ký tự {})", rule.title_vi, problem.offset),
                        loc.clone(),
                    ));
                }
                if !enc.contiguous {
                    m.push(&rules::NON_CONTIGUOUS, "", loc.clone());
                }
                if enc.saw_whitespace {
                    m.push(&rules::WRAPPED_BASE64, "", loc);
                }
                layout = Some(AttachmentLayout {
                    start: enc.start,
                    end: enc.end,
                    contiguous: enc.contiguous,
                    digest: enc.digest,
                    base64_error: enc
                        .problem
                        .map(|p| format!("{} at character {}", p.reason, p.offset)),
                    scan: enc.scan,
                });
                true
            }
            _ => false,
        });
        self.prefix_deviation = prefix_reported;
        if !self.prefix_deviation
            && let Some((pos, prefixed, expected, local)) = zone_fix
                .into_iter()
                .find(|(_, prefixed, expected, _)| prefixed != expected)
        {
            self.prefix_deviation = true;
            let detail = format!(
                "<{local}> is {}",
                if expected {
                    "expected with the edXML: prefix"
                } else {
                    "expected without a prefix"
                }
            );
            let loc = pos.to_location(Some(&self.path_with("Attachment")));
            let _ = prefixed;
            self.push(&rules::PREFIX_DEVIATION, &detail, loc);
        }
        self.layout.push(layout.unwrap_or(AttachmentLayout {
            start: 0,
            end: 0,
            contiguous: true,
            digest: None,
            base64_error: None,
            scan: None,
        }));
        a.extras = extras;
        a
    }

    pub(super) fn status(&mut self, node: &Node, pkg: &mut StatusPackage) {
        let mut extras = Extras::default();
        const ORDER: &[&str] = &[
            "From",
            "ResponseFor",
            "StaffInfo",
            "StatusCode",
            "Description",
            "Timestamp",
        ];
        self.check_node(node, PrefixZone::Prefixed);
        self.children(node, ORDER, &mut extras, |m, c, local| match local {
            "From" if pkg.from.is_none() => {
                pkg.from = Some(m.organization(c));
                true
            }
            "ResponseFor" if pkg.response_for.is_none() => {
                pkg.response_for = Some(m.response_for(c));
                true
            }
            "StaffInfo" if pkg.staff_info.is_none() => {
                pkg.staff_info = Some(m.staff_info(c));
                true
            }
            "StatusCode" => m.set(&mut pkg.status_code, c),
            "Description" => m.set(&mut pkg.description, c),
            "Timestamp" => m.set_date(&mut pkg.timestamp, c, DateKind::DateTime),
            _ => false,
        });
        pkg.extras = extras;
    }
}
