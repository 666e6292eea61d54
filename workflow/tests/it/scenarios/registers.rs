//! Registers: numbering per year and series, paper copies, duplicate warnings.

use vanthu_identifiers::{DocumentNumber, DocumentType};
use vanthu_workflow::incoming::IncomingEvent;
use vanthu_workflow::outgoing::OutgoingEvent;
use vanthu_workflow::{DuplicateReason, Effect, Event, RegisterKind, WorkflowErrorKind};

use crate::support::*;

#[test]
fn hcm_2021_dieu_10_2_registration_numbers_start_at_01_each_year() {
    let mut office = office();
    let effects = run(
        &mut office,
        &[
            ("2025-12-31T16:00:00+07:00", arrived("IN-1", "01/UBND-VX")),
            ("2025-12-31T16:10:00+07:00", registered("IN-1")),
            ("2025-12-31T16:20:00+07:00", arrived("IN-2", "02/UBND-VX")),
            ("2025-12-31T16:30:00+07:00", registered("IN-2")),
            // 17:30 UTC on 31 December is already 1 January in Vietnam.
            ("2025-12-31T17:30:00+00:00", arrived("IN-3", "03/UBND-VX")),
            ("2025-12-31T17:40:00+00:00", registered("IN-3")),
        ],
    );
    let numbers = register_numbers(&effects);
    assert_eq!(numbers, [(2025, 1), (2025, 2), (2026, 1)]);
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert_eq!(doc.registration.as_ref().unwrap().number_text(), "01");
    assert_eq!(
        status_codes(&effects)
            .iter()
            .filter(|(c, _)| c == "03")
            .count(),
        3
    );
}

/// The (year, number) of every register entry written, in order.
fn register_numbers(effects: &[Effect]) -> Vec<(i32, u32)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::WriteRegister(entry) => Some((entry.year, entry.number)),
            _ => None,
        })
        .collect()
}

/// The register is one series shared by paper and the electronic form
/// (Nghị định 30/2020/NĐ-CP Điều 15 khoản 1, Điều 22 khoản 2): a register that takes over mid-year continues after the
/// numbers already given, and the next year starts at 01 again.
#[test]
fn nghi_dinh_30_dieu_15_a_register_opened_mid_year_continues_the_series() {
    let mut office = office();
    let opened = |last_number| Event::RegisterOpened {
        register: RegisterKind::Incoming,
        last_number,
    };
    let mut effects = run(
        &mut office,
        &[
            // Taken over on 1 July after 120 numbers given on paper; corrected
            // to 125 before the first number is given.
            ("2025-07-01T07:30:00+07:00", opened(120)),
            ("2025-07-01T07:35:00+07:00", opened(125)),
            ("2025-07-01T08:00:00+07:00", arrived("IN-1", "01/UBND-VX")),
            ("2025-07-01T08:10:00+07:00", registered("IN-1")),
        ],
    );
    // Once a number is given that year, reopening would renumber: refused.
    let e = refused(&mut office, "2025-07-01T09:00:00+07:00", &opened(10));
    assert_eq!(e.rule_id(), "WF-REG-001");
    assert!(matches!(
        e.kind(),
        WorkflowErrorKind::AlreadyNumbered { year: 2025, .. }
    ));
    effects.extend(run(
        &mut office,
        &[
            ("2025-07-02T08:00:00+07:00", arrived("IN-2", "02/UBND-VX")),
            ("2025-07-02T08:10:00+07:00", registered("IN-2")),
            ("2026-01-02T08:00:00+07:00", arrived("IN-3", "03/UBND-VX")),
            ("2026-01-02T08:10:00+07:00", registered("IN-3")),
        ],
    ));
    let numbers = register_numbers(&effects);
    assert_eq!(numbers, [(2025, 126), (2025, 127), (2026, 1)]);
    let register = office.registers().get(&RegisterKind::Incoming).unwrap();
    assert_eq!(register.openings().len(), 1);
    assert_eq!(register.openings()[0].last_number, 125);
    // A past year cannot be opened once a later year has numbers.
    let e = refused(&mut office, "2026-01-03T08:00:00+07:00", &opened(0));
    assert!(matches!(
        e.kind(),
        WorkflowErrorKind::AlreadyNumbered { year: 2026, .. }
    ));
    // The opening survives serialisation of the state.
    let json = serde_json::to_string(&office).unwrap();
    let back: vanthu_workflow::Office = serde_json::from_str(&json).unwrap();
    assert_eq!(back, office);
}

#[test]
fn quang_nam_2019_dieu_9_3_duplicate_warning_for_the_same_document_id() {
    let mut office = office();
    let effects = run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-03T10:00:00+07:00", arrived("IN-2", "123/UBND-VX")),
            ("2025-03-03T10:10:00+07:00", registered("IN-2")),
        ],
    );
    let warning = effects.iter().find_map(|e| match e {
        Effect::DuplicateWarning {
            case,
            duplicate_of,
            reason,
        } => Some((case, duplicate_of, reason)),
        _ => None,
    });
    let (new, old, reason) = warning.unwrap();
    assert_eq!((new, old), (&case("IN-2"), &case("IN-1")));
    assert!(matches!(reason, DuplicateReason::DocumentId { .. }));
    assert_eq!(
        office.incoming(&case("IN-2")).unwrap().duplicate_of,
        [case("IN-1")]
    );
}

#[test]
fn quang_nam_2019_dieu_9_3_duplicate_warning_for_number_symbol_and_issuer_after_normalisation() {
    let mut office = office();
    let mut first = meta("45/SLĐTBXH-VL", "A");
    first.document_id = None;
    let mut second = first.clone();
    // Decomposed (NFD) text and another letter case: the same document.
    second.number = Some(DocumentNumber::parse("45/SLĐTBXH-VL").unwrap());
    second.issuer = "VĂN PHÒNG  UBND TỈNH NAM ĐỊNH".chars().collect::<String>();
    second.issuer = unicode_nfd(&second.issuer);
    run(
        &mut office,
        &[
            (
                "2025-03-03T09:00:00+07:00",
                inc(
                    "IN-1",
                    IncomingEvent::Arrived {
                        paper: false,
                        from: agency(SENDER),
                        meta: first,
                    },
                ),
            ),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            (
                "2025-03-03T10:00:00+07:00",
                inc(
                    "IN-2",
                    IncomingEvent::Arrived {
                        paper: false,
                        from: agency(SENDER),
                        meta: second,
                    },
                ),
            ),
        ],
    );
    let effects = run(
        &mut office,
        &[("2025-03-03T10:10:00+07:00", registered("IN-2"))],
    );
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::DuplicateWarning {
            reason: DuplicateReason::NumberAndIssuer { .. },
            ..
        }
    )));
    // A different number is no duplicate.
    let mut third = meta("46/SLĐTBXH-VL", "B");
    third.document_id = None;
    run(
        &mut office,
        &[(
            "2025-03-03T11:00:00+07:00",
            inc(
                "IN-3",
                IncomingEvent::Arrived {
                    paper: false,
                    from: agency(SENDER),
                    meta: third,
                },
            ),
        )],
    );
    let effects = run(
        &mut office,
        &[("2025-03-03T11:10:00+07:00", registered("IN-3"))],
    );
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::DuplicateWarning { .. }))
    );
}

fn unicode_nfd(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().collect()
}

#[test]
fn quang_nam_2019_dieu_9_3_paper_copy_keeps_the_electronic_arrival_number() {
    let mut office = office();
    let paper = inc("IN-1", IncomingEvent::PaperCopyReceived { by: id("clerk") });
    run(
        &mut office,
        &[("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX"))],
    );
    let error = refused(&mut office, "2025-03-03T09:05:00+07:00", &paper);
    assert_eq!(error.rule_id(), "WF-IN-008");
    let effects = run(
        &mut office,
        &[
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-05T09:00:00+07:00", paper.clone()),
        ],
    );
    let writes = effects
        .iter()
        .filter(|e| matches!(e, Effect::WriteRegister(_)))
        .count();
    assert_eq!(writes, 1, "the paper copy takes no new number");
    let doc = office.incoming(&case("IN-1")).unwrap();
    assert!(doc.paper_received_at.is_some());
    assert_eq!(doc.registration.as_ref().unwrap().number, 1);
    let error = refused(&mut office, "2025-03-05T09:10:00+07:00", &paper);
    assert_eq!(error.rule_id(), "WF-IN-008");
}

#[test]
fn nghi_dinh_30_dieu_15_copies_are_numbered_in_their_own_register() {
    let mut office = office();
    run(&mut office, &ready_to_issue("OUT-1"));
    let mut copy = on("2025-03-04", ready_to_issue("OUT-2"));
    if let (
        _,
        Event::Outgoing {
            event: OutgoingEvent::Drafted { document_type, .. },
            ..
        },
    ) = &mut copy[0]
    {
        *document_type = Some(DocumentType::ExactCopy);
    }
    run(&mut office, &copy);
    let entry = office
        .outgoing(&case("OUT-2"))
        .unwrap()
        .registration
        .clone()
        .unwrap();
    assert_eq!((entry.register, entry.number), (RegisterKind::Copies, 1));
    assert_eq!(
        office
            .registers()
            .get(&RegisterKind::Outgoing)
            .unwrap()
            .entries()
            .len(),
        1
    );
}

#[test]
fn nghi_dinh_30_dieu_15_a_paper_document_shares_the_register_and_gets_no_status_package() {
    let mut office = office();
    let paper = inc(
        "IN-P",
        IncomingEvent::Arrived {
            paper: true,
            from: agency(SENDER),
            meta: meta("77/UBND-VX", "Bản giấy"),
        },
    );
    let effects = run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", "123/UBND-VX")),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-03T09:20:00+07:00", paper),
            ("2025-03-03T09:30:00+07:00", registered("IN-P")),
            (
                "2025-03-03T10:00:00+07:00",
                assigned("IN-P", "2025-03-10T17:00:00+07:00"),
            ),
        ],
    );
    assert_eq!(status_codes(&effects).len(), 2, "01 and 03 for IN-1 only");
    let doc = office.incoming(&case("IN-P")).unwrap();
    assert!(doc.paper_only && doc.paper_received_at.is_some());
    assert_eq!(doc.registration.as_ref().unwrap().number, 2);
    let again = inc("IN-P", IncomingEvent::PaperCopyReceived { by: id("clerk") });
    assert_eq!(
        refused(&mut office, "2025-03-03T11:00:00+07:00", &again).rule_id(),
        "WF-IN-008"
    );
}

#[test]
fn quang_nam_2019_dieu_9_3_duplicate_warning_folds_old_and_new_tone_placement() {
    let mut office = office();
    let mut first = meta("12/UBND-VX", "A");
    first.document_id = None;
    first.issuer = "UBND tỉnh Khánh Hòa".to_owned();
    let mut second = first.clone();
    // Old-style tone placement (hoà) and capitals: still the same issuer.
    second.issuer = "UBND TỈNH KHÁNH HOÀ".to_owned();
    let arrived = |id: &'static str, meta: vanthu_workflow::DocumentMeta| {
        inc(
            id,
            IncomingEvent::Arrived {
                paper: false,
                from: agency(SENDER),
                meta,
            },
        )
    };
    run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrived("IN-1", first)),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-03T10:00:00+07:00", arrived("IN-2", second)),
        ],
    );
    let effects = run(
        &mut office,
        &[("2025-03-03T10:10:00+07:00", registered("IN-2"))],
    );
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::DuplicateWarning {
            reason: DuplicateReason::NumberAndIssuer { .. },
            ..
        }
    )));
}

/// The same number typed without Vietnamese letters (`182/QD-LDTBXH`, an
/// issuer without diacritics) still warns of a duplicate.
#[test]
fn quang_nam_2019_dieu_9_3_duplicate_warning_for_a_number_typed_without_diacritics() {
    let mut office = office();
    let mut first = meta("182/QĐ-LĐTBXH", "A");
    first.document_id = None;
    first.issuer = "Sở Lao động - Thương binh và Xã hội".to_owned();
    let mut second = first.clone();
    second.number = Some(DocumentNumber::parse_lenient("182/QD-LDTBXH").unwrap().0);
    second.issuer = "So Lao dong - Thuong binh va Xa hoi".to_owned();
    let arrive = |case_id: &str, meta| {
        inc(
            case_id,
            IncomingEvent::Arrived {
                paper: false,
                from: agency(SENDER),
                meta,
            },
        )
    };
    let effects = run(
        &mut office,
        &[
            ("2025-03-03T09:00:00+07:00", arrive("IN-1", first.clone())),
            ("2025-03-03T09:10:00+07:00", registered("IN-1")),
            ("2025-03-03T10:00:00+07:00", arrive("IN-2", second)),
            ("2025-03-03T10:10:00+07:00", registered("IN-2")),
        ],
    );
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::DuplicateWarning {
            reason: DuplicateReason::NumberAndIssuer { .. },
            ..
        }
    )));
    assert_eq!(
        office.incoming(&case("IN-2")).unwrap().duplicate_of,
        [case("IN-1")]
    );
    // Another number is still another document.
    let mut third = first;
    third.number = Some(DocumentNumber::parse("183/QĐ-LĐTBXH").unwrap());
    run(
        &mut office,
        &[
            ("2025-03-03T11:00:00+07:00", arrive("IN-3", third)),
            ("2025-03-03T11:10:00+07:00", registered("IN-3")),
        ],
    );
    assert!(
        office
            .incoming(&case("IN-3"))
            .unwrap()
            .duplicate_of
            .is_empty()
    );
}
