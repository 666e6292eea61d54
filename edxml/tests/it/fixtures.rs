//! Every real sample package (`../shared/fixtures/vpcp-samples/`) reads, with
//! its fields and findings asserted; reading, writing and reading again gives
//! the same model; our output re-serialises byte-identically; the package
//! written by VNPT's own library is reproduced byte for byte.

use vanthu_edxml::{
    ErrorKind, Package, Profile, ReadOptions, ReadOutput, ValidateOptions, check, read, read_with,
    write,
};

use crate::sample;

fn rules(out: &ReadOutput) -> Vec<&str> {
    out.findings.iter().map(|f| f.rule.as_str()).collect()
}

fn document(name: &str) -> Option<(Vec<u8>, ReadOutput)> {
    let bytes = sample(name)?;
    let out = read_with(&bytes[..], &ReadOptions::digest()).unwrap();
    Some((bytes, out))
}

fn rewrite(bytes: &[u8]) -> (ReadOutput, Vec<u8>) {
    let out = read(bytes).unwrap();
    let mut written = Vec::new();
    write(&out.package, &mut out.bodies(bytes), &mut written).unwrap();
    (out, written)
}

#[test]
fn new_document_package() {
    let Some((_, out)) = document("edoc_new.edxml") else {
        return;
    };
    let d = out.package.as_document().unwrap();
    let h = &d.header;
    assert_eq!(
        h.from.as_ref().unwrap().organ_id.as_deref(),
        Some("000.00.00.A80")
    );
    assert_eq!(h.to.len(), 1);
    assert_eq!(h.to[0].organ_id.as_deref(), Some("28.22.H17"));
    assert_eq!(
        h.document_id.as_deref(),
        Some("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT")
    );
    let code = h.code.as_ref().unwrap();
    assert_eq!(
        (code.code_number.as_deref(), code.code_notation.as_deref()),
        (Some("74fass22"), Some("VPCP-TTĐT"))
    );
    assert_eq!(
        h.promulgation_info
            .as_ref()
            .unwrap()
            .promulgation_date
            .as_deref(),
        Some("2019/01/16")
    );
    assert_eq!(
        h.document_type.as_ref().unwrap().type_name.as_deref(),
        Some("Công văn")
    );
    assert_eq!(
        h.subject.as_deref(),
        Some("V/v kết nối, liên thông phần mềm quản lý văn bản")
    );
    assert_eq!(h.due_date.as_deref(), Some("2018/09/28"));
    let other = h.other_info.as_ref().unwrap();
    assert_eq!(other.priority.as_deref(), Some("0"));
    assert_eq!(other.direction.as_deref(), Some("false"));
    assert_eq!(other.appendixes.as_ref().unwrap().len(), 1);
    assert_eq!(h.steering_type.as_deref(), Some("1"));
    assert_eq!(h.to_places.as_ref().unwrap().len(), 2);
    let trace = d.trace.as_ref().unwrap();
    assert_eq!(
        trace.trace_headers[0].timestamp.as_deref(),
        Some("2018/09/28 00:00:00")
    );
    let b = trace.business.as_ref().unwrap();
    assert_eq!(b.doc_type.as_deref(), Some("0"));
    assert_eq!(
        b.document_id.as_deref(),
        Some("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT")
    );
    assert_eq!(
        b.staff_info.as_ref().unwrap().staff.as_deref(),
        Some("Nguyễn Thị Ngọc Trâm")
    );
    let sig = d.signature.as_ref().unwrap();
    assert!(sig.raw.starts_with("<Signature>") && sig.raw.ends_with("</Signature>"));
    assert!(
        sig.raw
            .contains("<DigestValue>FwgIqsSYJshUS2+wlOM61L+q7Aw=</DigestValue>")
    );
    let manifest = d.manifest.as_ref().unwrap();
    assert_eq!(manifest.version.as_deref(), Some("1.0"));
    assert_eq!(manifest.references[0].content_id.as_deref(), Some("209"));
    let a = &d.attachments[0];
    assert_eq!(a.content_id.as_deref(), Some("209"));
    assert_eq!(
        a.attachment_name.as_deref(),
        Some("1896_QD-TTg_m_294779.doc")
    );
    assert_eq!(a.content_type.as_deref(), Some("application/zip"));
    let digest = out.layout[0].digest.unwrap();
    assert_eq!(digest.size, 270_823);
    assert_eq!(
        digest.sha256_hex(),
        "7ab7c43a02a3cf2cedd14ebf2545a37e7a1307e0091b4ba94c2ef1e842a763aa"
    );
    // Typed views through vanthu-identifiers.
    assert_eq!(
        h.urgency(),
        Some(vanthu_identifiers::Urgency::from_edxml_priority(0).unwrap())
    );
    assert_eq!(b.business_type(), Some(vanthu_edxml::BusinessType::New));
    let (from_id, findings) = h.from.as_ref().unwrap().agency_id().unwrap().unwrap();
    assert_eq!(from_id.as_str(), "000.00.00.A80");
    assert!(findings.is_empty());
    let (_, findings) = h.to[0].agency_id().unwrap().unwrap();
    assert_eq!(findings[0].rule, "ID-AGENCY-IRREGULAR");
    let (doc_id, _) = h.parsed_document_id().unwrap().unwrap();
    assert_eq!(doc_id.date(), chrono::NaiveDate::from_ymd_opt(2015, 9, 30));
    assert!(h.code.as_ref().unwrap().document_number().is_some());
    // TraceHeader before Bussiness: the VNPT writer puts Bussiness first.
    assert_eq!(rules(&out), ["EDXML-ORDER-001"]);
}

#[test]
fn signature_is_byte_faithful() {
    let Some((bytes, out)) = document("edoc_revocation.edxml") else {
        return;
    };
    let raw = &out
        .package
        .as_document()
        .unwrap()
        .signature
        .as_ref()
        .unwrap()
        .raw;
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.contains(raw.as_str()));
    assert!(raw.contains("\r\n"), "kept with its CRLF line ends");
}

#[test]
fn revocation_update_replacement() {
    let Some((_, out)) = document("edoc_revocation.edxml") else {
        return;
    };
    let d = out.package.as_document().unwrap();
    assert_eq!(d.header.to.len(), 3);
    let rf = &d.header.response_for;
    assert_eq!(rf.len(), 1);
    assert_eq!(rf[0].organ_id.as_deref(), Some("000.00.00.H14"));
    assert_eq!(rf[0].code.as_deref(), Some("267/VPCP-TTĐT"));
    assert_eq!(
        rf[0].document_id.as_deref(),
        Some("000.00.04.G14,2012/08/06,267/VPCP-TTĐT")
    );
    assert_eq!(
        d.trace
            .as_ref()
            .unwrap()
            .business
            .as_ref()
            .unwrap()
            .doc_type
            .as_deref(),
        Some("1")
    );

    let Some((_, out)) = document("edoc_update.edxml") else {
        return;
    };
    let b = out
        .package
        .as_document()
        .unwrap()
        .trace
        .clone()
        .unwrap()
        .business
        .unwrap();
    assert_eq!(b.doc_type.as_deref(), Some("2"));
    let info = b.document_info.unwrap();
    assert_eq!(info.document_info.as_deref(), Some("1"));
    let receivers = info.receiver_list.unwrap();
    assert_eq!(receivers.len(), 2);
    assert_eq!(receivers[0].organ_id.as_deref(), Some("000.00.00.H41"));
    assert_eq!(receivers[0].receiver_type.as_deref(), Some("0"));
    assert_eq!(receivers[1].receiver_type.as_deref(), Some("1"));

    let Some((_, out)) = document("edoc_replacement.edxml") else {
        return;
    };
    let b = out
        .package
        .as_document()
        .unwrap()
        .trace
        .clone()
        .unwrap()
        .business
        .unwrap();
    assert_eq!(b.doc_type.as_deref(), Some("3"));
    let list = b.replacement_info_list.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        list[0].document_id.as_deref(),
        Some("000.00.00.G22,2014/01/30,7806/VPCP-TTĐT")
    );
    assert_eq!(
        list[0].organ_id_list.as_ref().unwrap(),
        &["000.00.00.H41", "000.00.00.H14"]
    );
}

#[test]
fn vnpt_generated_package_reads_without_findings() {
    let Some((_, out)) = document("generated_vnpt_edxml102.edxml") else {
        return;
    };
    assert!(out.findings.is_empty(), "{:#?}", out.findings);
    assert_eq!(out.layout[0].digest.unwrap().size, 4151);
}

#[test]
fn status_packages() {
    let cases = [
        ("status.edxml", "01"),
        ("status_inbox_01.edxml", "01"),
        ("status_rejection_02.edxml", "02"),
        ("status_acceptance_03.edxml", "03"),
        ("status_assignment_04.edxml", "04"),
        ("status_processing_05.edxml", "05"),
        ("status_finish_06.edxml", "06"),
        ("status_cancellation_13.edxml", "13"),
        ("status_change-acceptance_15.edxml", "15"),
        ("status_change-rejection_16.edxml", "16"),
    ];
    for (name, code) in cases {
        let Some((_, out)) = document(name) else {
            return;
        };
        let s = out
            .package
            .as_status()
            .unwrap_or_else(|| panic!("{name} is a status"));
        assert_eq!(s.status_code.as_deref(), Some(code), "{name}");
        let rf = s.response_for.as_ref().unwrap();
        assert_eq!(
            rf.document_id.as_deref(),
            Some("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"),
            "{name}"
        );
        assert!(s.timestamp.as_deref().unwrap().len() == 19, "{name}");
        let from = s.from.as_ref().unwrap().organ_id.as_deref();
        if code == "13" {
            // The original sender asks for the document back.
            assert_eq!(
                (from, rf.organ_id.as_deref()),
                (Some("000.00.00.G22"), Some("000.00.00.H41"))
            );
        } else {
            assert_eq!(
                (from, rf.organ_id.as_deref()),
                (Some("000.00.00.H41"), Some("000.00.00.G22")),
                "{name}"
            );
        }
        let report = check(
            &std::fs::read(crate::samples().unwrap().join(name)).unwrap(),
            &ReadOptions::default(),
            &ValidateOptions::new(Profile::Receiver),
        )
        .unwrap();
        assert!(report.conformant(), "{name}: {:#?}", report.findings);
    }
    // The machine-written status has the reference order; the others were
    // edited by hand (tabs, another order).
    let Some((_, out)) = document("status.edxml") else {
        return;
    };
    assert!(out.findings.is_empty(), "{:#?}", out.findings);
    let Some((_, out)) = document("status_finish_06.edxml") else {
        return;
    };
    assert_eq!(rules(&out), ["EDXML-ORDER-001"; 3]);
}

#[test]
fn malformed_package_fails_with_a_position() {
    let Some(bytes) = sample("edoc.edxml") else {
        return;
    };
    let error = read(&bytes).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::Malformed(m) if m.contains("</edXML:MessageHeader>")),
        "{error}"
    );
    let position = error.position().unwrap();
    assert_eq!((position.line, position.column), (74, 7));
    assert_eq!(
        &bytes[position.offset as usize..][..22],
        b"</edXML:MessageHeader>"
    );
}

#[test]
fn check_profiles_on_real_packages() {
    let Some(bytes) = sample("edoc_new.edxml") else {
        return;
    };
    let receiver = check(
        &bytes,
        &ReadOptions::default(),
        &ValidateOptions::new(Profile::Receiver),
    )
    .unwrap();
    assert!(receiver.conformant(), "{:#?}", receiver.findings);
    let sender = check(
        &bytes,
        &ReadOptions::default(),
        &ValidateOptions::new(Profile::Sender),
    )
    .unwrap();
    assert!(!sender.conformant());
    let rules: Vec<&str> = sender.findings.iter().map(|f| f.rule.as_str()).collect();
    for expected in [
        "ID-AGENCY-IRREGULAR",
        "ID-DOCID-IMPOSSIBLE-DATE",
        "EDXML-HDR-006",
        "EDXML-ATT-017",
    ] {
        assert!(
            rules.contains(&expected),
            "{expected} missing from {rules:?}"
        );
    }
}

#[test]
fn vnpt_generated_package_is_reproduced_byte_for_byte() {
    let Some(bytes) = sample("generated_vnpt_edxml102.edxml") else {
        return;
    };
    let (_, written) = rewrite(&bytes);
    assert!(
        written == bytes,
        "the canonical writer no longer reproduces the VNPT output"
    );
}

#[test]
fn every_sample_round_trips() {
    let Some(dir) = crate::samples() else { return };
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() == "edoc.edxml" {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let (first, written) = rewrite(&bytes);
        let (second, again) = rewrite(&written);
        assert_eq!(first.package, second.package, "{}", path.display());
        assert!(written == again, "{}", path.display());
        // Attachments survive the rewrite bit for bit.
        let a = read_with(&bytes[..], &ReadOptions::digest()).unwrap();
        let b = read_with(&written[..], &ReadOptions::digest()).unwrap();
        let digests = |o: &ReadOutput| o.layout.iter().map(|l| l.digest).collect::<Vec<_>>();
        assert_eq!(digests(&a), digests(&b));
        assert!(matches!(
            first.package,
            Package::Document(_) | Package::Status(_)
        ));
        count += 1;
    }
    assert_eq!(count, 15);
}

#[test]
fn zipped_attachment_unwraps_to_its_single_entry() {
    let Some((bytes, out)) = document("generated_vnpt_edxml102.edxml") else {
        return;
    };
    let mut zip = Vec::new();
    out.decode_attachment(&bytes, 0, &mut zip).unwrap();
    assert!(zip.starts_with(vanthu_edxml::ZIP_MAGIC));
    let mut inner = Vec::new();
    let entry =
        vanthu_edxml::unwrap_single_entry_zip(std::io::Cursor::new(&zip), &mut inner, 1 << 24)
            .unwrap();
    assert!(entry.entry_name.ends_with(".edxml"), "{}", entry.entry_name);
    assert_eq!(entry.digest.size, inner.len() as u64);
    // The wrapped file is the malformed sample package itself.
    assert_eq!(Some(inner), sample("edoc.edxml"));
}
