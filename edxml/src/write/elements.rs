//! The model's elements in the reference order and form, one function per
//! element type.

use std::io;

use crate::model::*;

use super::xml::*;

pub(super) fn opt_node<'a, T>(
    value: &'a Option<T>,
    f: impl Fn(&mut W<'_>, usize, &'a T) -> io::Result<()> + 'a,
) -> Item<'a> {
    Item::Node(
        value.is_some(),
        Box::new(move |w, d| match value {
            Some(v) => f(w, d, v),
            None => Ok(()),
        }),
    )
}

/// A child of the envelope that is an optional element whose own children
/// `items` lists: the common shape of the header's structured fields.
pub(super) fn envelope_child<'a, T>(
    name: &'static str,
    value: &'a Option<T>,
    extras: fn(&T) -> &Extras,
    items: fn(&'a T) -> Vec<(&'static str, Item<'a>)>,
) -> (&'static str, Item<'a>) {
    (
        name,
        opt_node(value, move |w, d, v| {
            w.element(d, Zone::Envelope, name, "", extras(v), items(v))
        }),
    )
}

pub(super) fn organization(
    w: &mut W<'_>,
    depth: usize,
    zone: Zone,
    name: &str,
    o: &Organization,
) -> io::Result<()> {
    w.element(
        depth,
        zone,
        name,
        "",
        &o.extras,
        vec![
            ("OrganId", Item::Leaf(&o.organ_id)),
            (
                "OrganizationInCharge",
                Item::Leaf(&o.organization_in_charge),
            ),
            ("OrganName", Item::Leaf(&o.organ_name)),
            ("OrganAdd", Item::Leaf(&o.organ_add)),
            ("Email", Item::Leaf(&o.email)),
            ("Telephone", Item::Leaf(&o.telephone)),
            ("Fax", Item::Leaf(&o.fax)),
            ("Website", Item::Leaf(&o.website)),
        ],
    )
}

pub(super) fn response_for(w: &mut W<'_>, depth: usize, r: &ResponseFor) -> io::Result<()> {
    w.element(
        depth,
        Zone::Envelope,
        "ResponseFor",
        "",
        &r.extras,
        vec![
            ("OrganId", Item::Leaf(&r.organ_id)),
            ("Code", Item::Leaf(&r.code)),
            ("DocumentId", Item::Leaf(&r.document_id)),
            ("PromulgationDate", Item::Leaf(&r.promulgation_date)),
        ],
    )
}

pub(super) fn staff_info(w: &mut W<'_>, depth: usize, s: &StaffInfo) -> io::Result<()> {
    w.element(
        depth,
        Zone::Envelope,
        "StaffInfo",
        "",
        &s.extras,
        vec![
            ("Department", Item::Leaf(&s.department)),
            ("Staff", Item::Leaf(&s.staff)),
            ("Email", Item::Leaf(&s.email)),
            ("Mobile", Item::Leaf(&s.mobile)),
            ("DepartmentId", Item::Leaf(&s.department_id)),
            ("StaffId", Item::Leaf(&s.staff_id)),
        ],
    )
}

/// A list of values, with the extras its parent kept for it.
pub(super) fn list<'a>(
    name: &'static str,
    item: &'static str,
    values: &'a Option<Vec<String>>,
    parent: &'a Extras,
) -> Item<'a> {
    let extras = parent.child(name, 0);
    opt_node(values, move |w, d, v| {
        w.element(
            d,
            Zone::Envelope,
            name,
            "",
            extras.unwrap_or(&NO_EXTRAS),
            vec![(item, Item::Leaves(v))],
        )
    })
}

pub(super) fn message_header(w: &mut W<'_>, depth: usize, h: &MessageHeader) -> io::Result<()> {
    let to = &h.to;
    let rf = &h.response_for;
    w.element(
        depth,
        Zone::Envelope,
        "MessageHeader",
        "",
        &h.extras,
        vec![
            (
                "From",
                opt_node(&h.from, |w, d, o| {
                    organization(w, d, Zone::Envelope, "From", o)
                }),
            ),
            (
                "To",
                Item::Node(
                    !to.is_empty(),
                    Box::new(move |w, d| {
                        for o in to {
                            organization(w, d, Zone::Envelope, "To", o)?;
                        }
                        Ok(())
                    }),
                ),
            ),
            ("DocumentId", Item::Leaf(&h.document_id)),
            envelope_child(
                "Code",
                &h.code,
                |c| &c.extras,
                |c| {
                    vec![
                        ("CodeNumber", Item::Leaf(&c.code_number)),
                        ("CodeNotation", Item::Leaf(&c.code_notation)),
                    ]
                },
            ),
            envelope_child(
                "PromulgationInfo",
                &h.promulgation_info,
                |p| &p.extras,
                |p| {
                    vec![
                        ("Place", Item::Leaf(&p.place)),
                        ("PromulgationDate", Item::Leaf(&p.promulgation_date)),
                    ]
                },
            ),
            envelope_child(
                "DocumentType",
                &h.document_type,
                |t| &t.extras,
                |t| {
                    vec![
                        ("Type", Item::Leaf(&t.type_code)),
                        ("TypeDetail", Item::Leaf(&t.type_detail)),
                        ("TypeName", Item::Leaf(&t.type_name)),
                    ]
                },
            ),
            ("Subject", Item::Leaf(&h.subject)),
            ("Content", Item::Leaf(&h.content)),
            envelope_child(
                "SignerInfo",
                &h.signer_info,
                |s| &s.extras,
                |s| {
                    vec![
                        ("Competence", Item::Leaf(&s.competence)),
                        ("Position", Item::Leaf(&s.position)),
                        ("FullName", Item::Leaf(&s.full_name)),
                    ]
                },
            ),
            ("DueDate", Item::Leaf(&h.due_date)),
            ("OtherInfo", opt_node(&h.other_info, other_info)),
            (
                "ResponseFor",
                Item::Node(
                    !rf.is_empty(),
                    Box::new(move |w, d| {
                        for r in rf {
                            response_for(w, d, r)?;
                        }
                        Ok(())
                    }),
                ),
            ),
            ("SteeringType", Item::Leaf(&h.steering_type)),
            (
                "ResponseForTask",
                list(
                    "ResponseForTask",
                    "TaskCode",
                    &h.response_for_task,
                    &h.extras,
                ),
            ),
            ("ApplicationType", Item::Leaf(&h.application_type)),
            (
                "ToPlaces",
                list("ToPlaces", "Place", &h.to_places, &h.extras),
            ),
        ],
    )
}

pub(super) fn other_info(w: &mut W<'_>, depth: usize, o: &OtherInfo) -> io::Result<()> {
    w.element(
        depth,
        Zone::Envelope,
        "OtherInfo",
        "",
        &o.extras,
        vec![
            ("Priority", Item::Leaf(&o.priority)),
            (
                "SphereOfPromulgation",
                Item::Leaf(&o.sphere_of_promulgation),
            ),
            ("TyperNotation", Item::Leaf(&o.typer_notation)),
            ("PromulgationAmount", Item::Leaf(&o.promulgation_amount)),
            ("PageAmount", Item::Leaf(&o.page_amount)),
            ("ReplyFors", Item::Leaf(&o.reply_fors)),
            ("Direction", Item::Leaf(&o.direction)),
            ("ReferenceCodes", Item::Leaf(&o.reference_codes)),
            (
                "Appendixes",
                list("Appendixes", "Appendix", &o.appendixes, &o.extras),
            ),
        ],
    )
}

pub(super) fn business(w: &mut W<'_>, depth: usize, b: &Business) -> io::Result<()> {
    let replacements = &b.replacement_info_list;
    w.element(
        depth,
        Zone::Envelope,
        "Bussiness",
        "",
        &b.extras,
        vec![
            ("DocumentId", Item::Leaf(&b.document_id)),
            ("BussinessDocType", Item::Leaf(&b.doc_type)),
            ("BussinessDocReason", Item::Leaf(&b.doc_reason)),
            ("Paper", Item::Leaf(&b.paper)),
            (
                "BussinessDocumentInfo",
                opt_node(&b.document_info, |w, d, info| {
                    let receivers = &info.receiver_list;
                    w.element(
                        d,
                        Zone::Envelope,
                        "BussinessDocumentInfo",
                        "",
                        &info.extras,
                        vec![
                            ("DocumentInfo", Item::Leaf(&info.document_info)),
                            ("DocumentReceiver", Item::Leaf(&info.document_receiver)),
                            (
                                "ReceiverList",
                                opt_node(receivers, |w, d, list| {
                                    let items = list
                                        .iter()
                                        .map(|r| {
                                            (
                                                "Receiver",
                                                Item::Node(
                                                    true,
                                                    Box::new(move |w: &mut W<'_>, d| {
                                                        w.element(
                                                            d,
                                                            Zone::Envelope,
                                                            "Receiver",
                                                            "",
                                                            &r.extras,
                                                            vec![
                                                                (
                                                                    "OrganId",
                                                                    Item::Leaf(&r.organ_id),
                                                                ),
                                                                (
                                                                    "ReceiverType",
                                                                    Item::Leaf(&r.receiver_type),
                                                                ),
                                                            ],
                                                        )
                                                    }),
                                                ),
                                            )
                                        })
                                        .collect();
                                    w.element(
                                        d,
                                        Zone::Envelope,
                                        "ReceiverList",
                                        "",
                                        info.extras.child("ReceiverList", 0).unwrap_or(&NO_EXTRAS),
                                        items,
                                    )
                                }),
                            ),
                        ],
                    )
                }),
            ),
            (
                "ReplacementInfoList",
                opt_node(replacements, |w, d, list| {
                    let items = list
                        .iter()
                        .map(|r| {
                            (
                                "ReplacementInfo",
                                Item::Node(
                                    true,
                                    Box::new(move |w: &mut W<'_>, d| {
                                        w.element(
                                            d,
                                            Zone::Envelope,
                                            "ReplacementInfo",
                                            "",
                                            &r.extras,
                                            vec![
                                                ("DocumentId", Item::Leaf(&r.document_id)),
                                                (
                                                    "OrganIdList",
                                                    self::list(
                                                        "OrganIdList",
                                                        "OrganId",
                                                        &r.organ_id_list,
                                                        &r.extras,
                                                    ),
                                                ),
                                            ],
                                        )
                                    }),
                                ),
                            )
                        })
                        .collect();
                    w.element(
                        d,
                        Zone::Envelope,
                        "ReplacementInfoList",
                        "",
                        b.extras
                            .child("ReplacementInfoList", 0)
                            .unwrap_or(&NO_EXTRAS),
                        items,
                    )
                }),
            ),
            ("StaffInfo", opt_node(&b.staff_info, staff_info)),
        ],
    )
}

pub(super) fn trace_list(w: &mut W<'_>, depth: usize, t: &TraceHeaderList) -> io::Result<()> {
    let traces = &t.trace_headers;
    w.element(
        depth,
        Zone::Envelope,
        "TraceHeaderList",
        "",
        &t.extras,
        vec![
            ("Bussiness", opt_node(&t.business, business)),
            (
                "TraceHeader",
                Item::Node(
                    !traces.is_empty(),
                    Box::new(move |w, d| {
                        for th in traces {
                            w.element(
                                d,
                                Zone::Envelope,
                                "TraceHeader",
                                "",
                                &th.extras,
                                vec![
                                    ("OrganId", Item::Leaf(&th.organ_id)),
                                    ("Timestamp", Item::Leaf(&th.timestamp)),
                                ],
                            )?;
                        }
                        Ok(())
                    }),
                ),
            ),
        ],
    )
}

/// The raw signature, with declarations added for prefixes that were bound
/// where it was read but are not bound where it is written.
pub(super) fn signature_text(sig: &Signature) -> String {
    let raw = sig.raw.trim();
    let name_end = raw
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_whitespace() || *c == '>' || *c == '/')
        .map_or(raw.len(), |(i, _)| i);
    let (head, tail) = raw.split_at(name_end);
    let mut inject = String::new();
    let mut seen: Vec<Option<&str>> = Vec::new();
    for b in sig.scope.iter().rev() {
        let prefix = b.prefix.as_deref();
        if seen.contains(&prefix) {
            continue;
        }
        seen.push(prefix);
        let canonical = match prefix {
            None | Some("edXML") => Some(EDXML_NS),
            Some(_) => None,
        };
        if canonical == Some(b.uri.as_str()) {
            continue;
        }
        // Only when the prefix is used and not declared by the element itself.
        let (decl, used) = match prefix {
            None => ("xmlns=".to_owned(), true),
            Some(p) => (format!("xmlns:{p}="), raw.contains(&format!("{p}:"))),
        };
        let own_tag_end = raw.find('>').unwrap_or(raw.len());
        if !used || raw.get(..own_tag_end).is_some_and(|t| t.contains(&decl)) {
            continue;
        }
        inject.push(' ');
        inject.push_str(&decl);
        inject.push('"');
        escape_attr(&b.uri, &mut inject);
        inject.push('"');
    }
    format!("{head}{inject}{tail}")
}
