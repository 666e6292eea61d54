//! What a later revision may change after a signature, level by level
//! (`docs/signature-policy.md` §9): the permitted changes that used to fail
//! the coverage check, the suspicious ones that used to pass, and the DocMDP
//! permissions of certification signatures. Each document is a small form
//! signed by vanthu, then changed by a hand-written incremental update.

use vanthu_signature::{
    CheckId, DocumentReport, Indication, ModificationKind, ModificationLevel, Outcome, SignOptions,
    SignatureReport, sign_pdf,
};

use crate::attacks::{append_raw, append_update};
use crate::common::*;

fn stream(dict: &str, text: &str) -> String {
    format!(
        "<<{dict} /Length {}>>\nstream\n{text}\nendstream",
        text.len()
    )
}

/// A two-page form: object numbers as in the pyHanko corpus (tests/interop/pyhanko_corpus.py).
/// 1 catalog (/AcroForm 10, indirect /Extensions 20), 3 page 1 with annotations
/// [8 note, 11 text field, 12 empty signature field, 16 kid text field], 4 page 2
/// without /Annots, 13 non-terminal field "Group". With `dangling`, page 2 draws
/// /X1 = 99 0 R, which is not defined.
fn form(dangling: bool) -> Vec<u8> {
    let font = "/Resources <</Font <</Helv 14 0 R>>>>";
    let xobject = if dangling {
        " /XObject <</X1 99 0 R>>"
    } else {
        ""
    };
    let page2 = if dangling {
        "BT /F1 12 Tf 72 770 Td (Trang 2) Tj ET q /X1 Do Q"
    } else {
        "BT /F1 12 Tf 72 770 Td (Trang 2) Tj ET"
    };
    let objects: Vec<(u32, String)> = vec![
        (1, "<</Type /Catalog /Pages 2 0 R /AcroForm 10 0 R /Extensions 20 0 R>>".into()),
        (2, "<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>>".into()),
        (3, "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 7 0 R>>>> /Contents 5 0 R /Annots [8 0 R 11 0 R 12 0 R 16 0 R]>>".into()),
        (4, format!("<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 7 0 R>>{xobject}>> /Contents 6 0 R>>")),
        (5, stream("", "BT /F1 14 Tf 72 770 Td (CONG HOA XA HOI CHU NGHIA VIET NAM) Tj ET")),
        (6, stream("", page2)),
        (7, "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>".into()),
        (8, "<</Type /Annot /Subtype /Text /T (Van thu) /Rect [500 780 520 800] /Contents (Ghi chu) /P 3 0 R /F 4>>".into()),
        (10, "<</Fields [11 0 R 12 0 R 13 0 R] /DA (/Helv 0 Tf 0 g) /DR <</Font <</Helv 14 0 R>>>>>>".into()),
        (11, "<</FT /Tx /T (Name) /V (Nguyen Van An) /Type /Annot /Subtype /Widget /Rect [72 600 300 620] /P 3 0 R /F 4 /DA (/Helv 12 Tf 0 g) /AP <</N 15 0 R>>>>".into()),
        (12, "<</FT /Sig /T (Empty) /Type /Annot /Subtype /Widget /Rect [300 50 500 100] /P 3 0 R /F 4>>".into()),
        (13, "<</T (Group) /Kids [16 0 R]>>".into()),
        (14, "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>".into()),
        (15, stream(&format!("/Type /XObject /Subtype /Form /BBox [0 0 228 20] {font}"), "/Tx BMC BT /Helv 12 Tf 2 6 Td (Nguyen Van An) Tj ET EMC")),
        (16, "<</FT /Tx /T (Child) /Parent 13 0 R /V (So 12) /Type /Annot /Subtype /Widget /Rect [72 560 300 580] /P 3 0 R /F 4 /DA (/Helv 12 Tf 0 g) /AP <</N 17 0 R>>>>".into()),
        (17, stream(&format!("/Type /XObject /Subtype /Form /BBox [0 0 228 20] {font}"), "/Tx BMC BT /Helv 12 Tf 2 6 Td (So 12) Tj ET EMC")),
        (20, "<</ADBE <</BaseVersion /1.7 /ExtensionLevel 3>>>>".into()),
    ];
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = std::collections::BTreeMap::new();
    for (n, body) in &objects {
        offsets.insert(*n, out.len());
        out.extend_from_slice(format!("{n} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 21\n0000000000 65535 f \n");
    for n in 1..21 {
        match offsets.get(&n) {
            Some(o) => out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes()),
            None => out.extend_from_slice(b"0000000000 00000 f \n"),
        }
    }
    out.extend_from_slice(
        format!("trailer\n<</Size 21 /Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

/// The form signed by the person: an approval signature, or a certification with `P`.
fn signed(certify: Option<u8>, dangling: bool) -> Vec<u8> {
    let p = pki();
    let mut opts = SignOptions::new(vn(2025, 6, 2, 9));
    opts.certify = certify;
    sign_pdf(
        &form(dangling),
        &opts,
        &p.person_key,
        &p.person,
        std::slice::from_ref(&p.ca),
    )
    .unwrap()
}

/// The text of the last definition of object `n`.
fn latest(pdf: &[u8], n: u32) -> String {
    let text = String::from_utf8_lossy(pdf);
    let header = format!("\n{n} 0 obj");
    let at = text.rfind(&header).unwrap_or_else(|| panic!("object {n}")) + header.len();
    let end = at + text[at..].find("endobj").unwrap();
    text[at..end].trim().to_owned()
}

fn offset_of(pdf: &[u8], n: u32) -> usize {
    let header = format!("\n{n} 0 obj");
    pdf.windows(header.len())
        .rposition(|w| w == header.as_bytes())
        .unwrap()
        + 1
}

fn first(r: &DocumentReport) -> &SignatureReport {
    &r.signatures[0]
}

fn coverage(s: &SignatureReport) -> Outcome {
    s.checks
        .iter()
        .find(|c| c.id == CheckId::Coverage)
        .map(|c| c.outcome)
        .unwrap()
}

/// The signature passes, later changes graded `level`.
fn assert_permitted(name: &str, pdf: &[u8], level: ModificationLevel) {
    let r = verify(pdf);
    let s = first(&r);
    assert_eq!(
        s.indication,
        Indication::TotalPassed,
        "{name}: {:#?}\n{:#?}",
        s.checks,
        s.modifications
    );
    assert_eq!(
        s.modification_level,
        Some(level),
        "{name}: {:#?}",
        s.modifications
    );
}

/// The coverage check fails, later changes graded `level`, one of them `kind`.
fn assert_refused(name: &str, pdf: &[u8], level: ModificationLevel, kind: ModificationKind) {
    let r = verify(pdf);
    let s = first(&r);
    assert_eq!(
        coverage(s),
        Outcome::Failed,
        "{name}: {:#?}",
        s.modifications
    );
    assert_eq!(s.indication, Indication::TotalFailed, "{name}");
    assert_eq!(
        s.modification_level,
        Some(level),
        "{name}: {:#?}",
        s.modifications
    );
    assert!(
        s.modifications.iter().any(|m| m.kind == kind),
        "{name}: no {kind:?} in {:#?}",
        s.modifications
    );
}

#[test]
fn the_signed_form_is_valid_and_untouched() {
    for certify in [None, Some(1), Some(2), Some(3)] {
        let pdf = signed(certify, false);
        let r = verify(&pdf);
        assert_eq!(
            first(&r).indication,
            Indication::TotalPassed,
            "{:#?}",
            first(&r).checks
        );
        assert_eq!(first(&r).modification_level, Some(ModificationLevel::None));
    }
}

#[test]
fn filling_a_text_field_is_form_filling() {
    let pdf = signed(None, false);
    // New value, new appearance stream.
    let field = latest(&pdf, 11)
        .replace("(Nguyen Van An)", "(Tran Thi Binh)")
        .replace("/N 15 0 R", "/N 90 0 R");
    let filled = append_update(
        &pdf,
        &[
            (
                90,
                stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 228 20]",
                    "/Tx BMC BT (Tran Thi Binh) Tj ET EMC",
                ),
            ),
            (11, field),
        ],
        1,
    );
    assert_permitted("new appearance", &filled, ModificationLevel::FormFilling);
    // The JSON report names the level of the signature and of each change.
    let json = serde_json::to_value(verify(&filled)).unwrap();
    assert_eq!(json["signatures"][0]["modification_level"], "form_filling");
    let levels: Vec<&str> = json["signatures"][0]["modifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["level"].as_str().unwrap())
        .collect();
    assert!(
        levels.contains(&"form_filling") && levels.iter().all(|l| *l != "other"),
        "{levels:?}"
    );
    assert!(
        first(&verify(&filled))
            .modifications
            .iter()
            .any(|m| m.kind == ModificationKind::FieldFilled)
    );
    // New value, the appearance stream rewritten in place.
    let in_place = append_update(
        &pdf,
        &[
            (
                11,
                latest(&pdf, 11).replace("(Nguyen Van An)", "(Tran Thi Binh)"),
            ),
            (
                15,
                stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 228 20] /Resources <</Font <</Helv 14 0 R>>>>",
                    "/Tx BMC BT /Helv 12 Tf 2 6 Td (Tran Thi Binh) Tj ET EMC",
                ),
            ),
        ],
        1,
    );
    assert_permitted(
        "appearance in place",
        &in_place,
        ModificationLevel::FormFilling,
    );
    // The same field change beyond its value keys (moved on the page) is not form filling.
    let moved = append_update(
        &pdf,
        &[(
            11,
            latest(&pdf, 11).replace("[72 600 300 620]", "[72 100 300 120]"),
        )],
        1,
    );
    assert_refused(
        "field moved",
        &moved,
        ModificationLevel::Other,
        ModificationKind::ObjectReplaced,
    );
    // An appearance stream shared with page content may not be rewritten in place.
    let shared = append_update(
        &pdf,
        &[(
            4,
            latest(&pdf, 4).replace(
                "/Font <</F1 7 0 R>>",
                "/Font <</F1 7 0 R>> /XObject <</Fm 15 0 R>>",
            ),
        )],
        1,
    );
    let shared = append_update(
        &shared,
        &[(
            15,
            stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 228 20]",
                "BT (GIA MAO) Tj ET",
            ),
        )],
        1,
    );
    assert_refused(
        "shared appearance",
        &shared,
        ModificationLevel::Other,
        ModificationKind::PageChanged,
    );
}

fn dss_update(pdf: &[u8], vri: &str) -> Vec<u8> {
    let catalog = latest(pdf, 1);
    let catalog = format!(
        "{} /DSS 91 0 R>>",
        catalog.trim_end().strip_suffix(">>").unwrap()
    );
    let mut cert = format!("<</Length {}>>\nstream\n", pki().ca.der().len()).into_bytes();
    cert.extend_from_slice(pki().ca.der());
    cert.extend_from_slice(b"\nendstream");
    append_raw(
        pdf,
        &[
            (94, cert),
            (92, b"[94 0 R]".to_vec()),
            (93, format!("<</{vri} <</Cert 92 0 R>>>>").into_bytes()),
            (91, b"<</Type /DSS /Certs 92 0 R /VRI 93 0 R>>".to_vec()),
            (1, catalog.into_bytes()),
        ],
        1,
    )
}

const VRI_A: &str = "0123456789ABCDEF0123456789ABCDEF01234567";
const VRI_B: &str = "89ABCDEF0123456789ABCDEF0123456789ABCDEF";

#[test]
fn dss_added_then_updated_in_place_is_an_lta_update() {
    let pdf = signed(None, false);
    let with_dss = dss_update(&pdf, VRI_A);
    assert_permitted("dss added", &with_dss, ModificationLevel::LtaUpdates);
    // The DSS, its array and its VRI rewritten in place: more certificates, a new VRI entry.
    let mut crl = format!("<</Length {}>>\nstream\n", pki().root.der().len()).into_bytes();
    crl.extend_from_slice(pki().root.der());
    crl.extend_from_slice(b"\nendstream");
    let updated = append_raw(
        &with_dss,
        &[
            (95, crl),
            (92, b"[94 0 R 95 0 R]".to_vec()),
            (
                93,
                format!("<</{VRI_A} <</Cert 92 0 R>> /{VRI_B} <</Cert 92 0 R /TU (D:20250603)>>>>")
                    .into_bytes(),
            ),
            (91, b"<</Type /DSS /Certs 92 0 R /VRI 93 0 R>>".to_vec()),
        ],
        1,
    );
    assert_permitted("dss updated", &updated, ModificationLevel::LtaUpdates);
    assert!(
        first(&verify(&updated))
            .modifications
            .iter()
            .any(|m| m.kind == ModificationKind::DssUpdated)
    );
    // A certification that permits no change still permits the DSS (ETSI EN 319 142-1 §5.4).
    assert_permitted(
        "P=1 dss",
        &dss_update(&signed(Some(1), false), VRI_A),
        ModificationLevel::LtaUpdates,
    );
    // A VRI entry of the signed revision may not be changed or removed.
    let dropped = append_raw(
        &updated,
        &[(93, format!("<</{VRI_B} <</Cert 92 0 R>>>>").into_bytes())],
        1,
    );
    let r = verify(&dropped);
    // Judged against the DSS signature 0 saw: the entry A it never saw is not its business,
    // but the signature made before the DSS still sees a well-formed store. Against the
    // revision that added entry A, dropping it is refused.
    assert_eq!(first(&r).indication, Indication::TotalPassed);
    let signed_dss = sign_over(&with_dss);
    let dropped = append_raw(
        &signed_dss,
        &[(93, format!("<</{VRI_B} <</Cert 92 0 R>>>>").into_bytes())],
        1,
    );
    let r = verify(&dropped);
    let agency = &r.signatures[1];
    assert_eq!(
        coverage(agency),
        Outcome::Failed,
        "{:#?}",
        agency.modifications
    );
    // A key the DSS does not define is refused.
    let odd = append_raw(
        &with_dss,
        &[(
            91,
            b"<</Type /DSS /Certs 92 0 R /VRI 93 0 R /JavaScript 92 0 R>>".to_vec(),
        )],
        1,
    );
    assert_refused(
        "dss with a foreign key",
        &odd,
        ModificationLevel::Other,
        ModificationKind::ObjectReplaced,
    );
}

/// The agency signs over `pdf` (a second signature closing the current revision).
fn sign_over(pdf: &[u8]) -> Vec<u8> {
    let p = pki();
    sign(pdf, &p.org_key, &p.org, 10)
}

#[test]
fn xref_entries_relisting_the_catalog_and_dss_change_nothing() {
    let pdf = dss_update(&signed(None, false), VRI_A);
    let prev = {
        let text = String::from_utf8_lossy(&pdf);
        let at = text.rfind("startxref").unwrap() + 9;
        text[at..]
            .split_whitespace()
            .next()
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    let (catalog, dss) = (offset_of(&pdf, 1), offset_of(&pdf, 91));
    let mut out = pdf.clone();
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 2\n0000000000 65535 f \n{catalog:010} 00000 n \n91 1\n{dss:010} 00000 n \ntrailer\n<</Size 100 /Root 1 0 R /Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    assert_permitted("relisted", &out, ModificationLevel::LtaUpdates);
    // Pointing the catalog's entry at the signed revision's older catalog is a rollback.
    let old_catalog = pdf.windows(8).position(|w| w == b"\n1 0 obj").unwrap() + 1;
    let mut rollback = pdf.clone();
    let xref = rollback.len();
    rollback.extend_from_slice(format!("xref\n0 2\n0000000000 65535 f \n{old_catalog:010} 00000 n \ntrailer\n<</Size 100 /Root 1 0 R /Prev {prev}>>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    let r = verify(&rollback);
    assert_eq!(
        coverage(first(&r)),
        Outcome::Failed,
        "{:#?}",
        first(&r).modifications
    );
}

/// Signs the empty field "Empty" (object 12) with a stand-in signature
/// dictionary (its own verification is not the point) and gives its widget an
/// appearance.
fn fill_empty_field(pdf: &[u8], kind: &str, appearance: bool) -> Vec<u8> {
    let mut field = latest(pdf, 12);
    let ap = if appearance { " /AP <</N 97 0 R>>" } else { "" };
    field = format!(
        "{} /V 96 0 R{ap}>>",
        field.trim_end().strip_suffix(">>").unwrap()
    );
    append_update(
        pdf,
        &[
            (
                96,
                format!(
                    "<</Type /{kind} /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 10] /Contents <00>>>"
                ),
            ),
            (
                97,
                stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 200 50]",
                    "BT (Da ky) Tj ET",
                ),
            ),
            (12, field),
        ],
        1,
    )
}

#[test]
fn signing_an_empty_signature_field_is_signing() {
    let pdf = signed(None, false);
    assert_permitted(
        "widget appearance",
        &fill_empty_field(&pdf, "Sig", true),
        ModificationLevel::FormFilling,
    );
    // A document time-stamp in a new invisible field is an LTA update (P=1 permits it)...
    let p1 = signed(Some(1), false);
    let form = latest(&p1, 10).replacen("/Fields [", "/Fields [98 0 R ", 1);
    let time_stamped = append_update(
        &p1,
        &[
            (96, "<</Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 /ByteRange [0 10 20 10] /Contents <00>>>".into()),
            (98, "<</FT /Sig /T (DocTs) /V 96 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R /F 132>>".into()),
            (10, form),
            (3, latest(&p1, 3).replacen("/Annots [", "/Annots [98 0 R ", 1)),
        ],
        1,
    );
    assert_permitted(
        "P=1 time-stamp",
        &time_stamped,
        ModificationLevel::LtaUpdates,
    );
    // ...but in a visible field it shows on the page: signing, as pyHanko grades it.
    assert_refused(
        "P=1 visible time-stamp",
        &fill_empty_field(&p1, "DocTimeStamp", false),
        ModificationLevel::FormFilling,
        ModificationKind::SignatureFieldAdded,
    );
    // A signature is more than P=1 permits.
    assert_refused(
        "P=1 signature",
        &fill_empty_field(&p1, "Sig", true),
        ModificationLevel::FormFilling,
        ModificationKind::SignatureAdded,
    );
}

#[test]
fn an_indirect_extensions_dictionary_may_be_updated() {
    let pdf = signed(Some(1), false);
    let updated = append_update(
        &pdf,
        &[(20, "<</ADBE <</BaseVersion /1.7 /ExtensionLevel 8>> /ESIC <</BaseVersion /1.7 /ExtensionLevel 2>>>>".into())],
        1,
    );
    assert_permitted("extensions", &updated, ModificationLevel::LtaUpdates);
}

#[test]
fn a_page_may_get_its_first_annots_for_a_signature() {
    let pdf = signed(None, false);
    let form = latest(&pdf, 10);
    let form = form.replacen("/Fields [", "/Fields [98 0 R ", 1);
    assert!(form.contains("98 0 R"), "{form}");
    let page = latest(&pdf, 4);
    let page = format!(
        "{} /Annots [98 0 R]>>",
        page.trim_end().strip_suffix(">>").unwrap()
    );
    let updated = append_update(
        &pdf,
        &[
            (98, "<</FT /Sig /T (Seal) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 4 0 R /F 132>>".into()),
            (10, form.clone()),
            (4, page.clone()),
        ],
        1,
    );
    assert_permitted("first annots", &updated, ModificationLevel::LtaUpdates);
    // The same, through an indirect /Annots array.
    let page = page.replace("/Annots [98 0 R]", "/Annots 89 0 R");
    let indirect = append_update(
        &pdf,
        &[
            (98, "<</FT /Sig /T (Seal) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 4 0 R /F 132>>".into()),
            (89, "[98 0 R]".into()),
            (10, form),
            (4, page),
        ],
        1,
    );
    assert_permitted(
        "first annots, indirect",
        &indirect,
        ModificationLevel::LtaUpdates,
    );
}

#[test]
fn the_catalog_may_move_to_a_new_object() {
    let pdf = signed(None, false);
    let moved = append_update(&pdf, &[(99, latest(&pdf, 1))], 99);
    assert_permitted("catalog moved", &moved, ModificationLevel::LtaUpdates);
    let r = verify(&moved);
    assert!(
        first(&r)
            .modifications
            .iter()
            .all(|m| m.kind != ModificationKind::PageAdded),
        "{:#?}",
        first(&r).modifications
    );
    // Moved, with another page tree: the shadow attack.
    let swapped = append_update(
        &pdf,
        &[
            (99, latest(&pdf, 1).replace("/Pages 2 0 R", "/Pages 98 0 R")),
            (98, "<</Type /Pages /Kids [4 0 R] /Count 1>>".into()),
        ],
        99,
    );
    assert_refused(
        "catalog swapped",
        &swapped,
        ModificationLevel::Other,
        ModificationKind::CatalogChanged,
    );
}

#[test]
fn a_signature_field_may_be_added_as_a_kid_of_an_existing_field() {
    let pdf = signed(None, false);
    let group = latest(&pdf, 13).replace("/Kids [16 0 R]", "/Kids [16 0 R 98 0 R]");
    let page = latest(&pdf, 3).replacen("/Annots [", "/Annots [98 0 R ", 1);
    let updated = append_update(
        &pdf,
        &[
            (98, "<</FT /Sig /T (Seal) /Parent 13 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R /F 132>>".into()),
            (13, group.clone()),
            (3, page),
        ],
        1,
    );
    assert_permitted(
        "kid signature field",
        &updated,
        ModificationLevel::LtaUpdates,
    );
    // A text field as the new kid is a new form field: no level permits it.
    let text = append_update(
        &pdf,
        &[
            (98, "<</FT /Tx /T (More) /Parent 13 0 R /Type /Annot /Subtype /Widget /Rect [72 520 300 540] /P 3 0 R>>".into()),
            (13, group),
        ],
        1,
    );
    assert_refused(
        "kid text field",
        &text,
        ModificationLevel::Other,
        ModificationKind::FormFieldAdded,
    );
}

#[test]
fn a_widget_appearance_repointed_without_signing_is_refused() {
    let pdf = signed(None, false);
    // The empty signature field shows "signed" without being signed.
    let field = format!(
        "{} /AP <</N 97 0 R>>>>",
        latest(&pdf, 12).trim_end().strip_suffix(">>").unwrap()
    );
    let repointed = append_update(
        &pdf,
        &[
            (
                97,
                stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 200 50]",
                    "BT (DA KY) Tj ET",
                ),
            ),
            (12, field),
        ],
        1,
    );
    assert_refused(
        "empty widget",
        &repointed,
        ModificationLevel::Other,
        ModificationKind::AppearanceChanged,
    );
    // The signed field's widget given another appearance.
    let p = pki();
    let mut opts = SignOptions::new(vn(2025, 6, 2, 9));
    opts.appearance = Some(vanthu_signature::Appearance::new(
        0,
        [300.0, 700.0, 500.0, 760.0],
        vec!["Nguyen Van An".into()],
    ));
    let visible = sign_pdf(
        &form(false),
        &opts,
        &p.person_key,
        &p.person,
        std::slice::from_ref(&p.ca),
    )
    .unwrap();
    let r = verify(&visible);
    let widget = first(&r).widget.as_ref().unwrap().field.number;
    let text = latest(&visible, widget);
    let at = text.find("/AP").unwrap();
    let end = at + text[at..].find(">>").unwrap() + 2;
    let body = format!("{}/AP <</N 97 0 R>>{}", &text[..at], &text[end..]);
    let repointed = append_update(
        &visible,
        &[
            (
                97,
                stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 200 50]",
                    "BT (GIA MAO) Tj ET",
                ),
            ),
            (widget, body),
        ],
        1,
    );
    assert_refused(
        "signed widget",
        &repointed,
        ModificationLevel::Other,
        ModificationKind::AppearanceChanged,
    );
}

#[test]
fn defining_an_object_the_signed_revision_referenced_is_refused() {
    let pdf = signed(None, true);
    assert_permitted("dangling, untouched", &pdf, ModificationLevel::None);
    let defined = append_update(
        &pdf,
        &[(
            99,
            stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 595 842]",
                "BT /F1 30 Tf 72 600 Td (NOI DUNG GIA MAO) Tj ET",
            ),
        )],
        1,
    );
    assert_refused(
        "dangling defined",
        &defined,
        ModificationLevel::Other,
        ModificationKind::UndefinedReferenceDefined,
    );
}

fn add_annotation(pdf: &[u8]) -> Vec<u8> {
    let page = latest(pdf, 3).replacen("/Annots [", "/Annots [88 0 R ", 1);
    append_update(
        pdf,
        &[
            (88, "<</Type /Annot /Subtype /FreeText /Rect [72 700 400 740] /Contents (Da duyet) /DA (/Helv 12 Tf 0 g)>>".into()),
            (3, page),
        ],
        1,
    )
}

#[test]
fn each_docmdp_level_permits_its_own_changes() {
    // P=3 permits annotations; P=2, P=1 and approval signatures do not.
    assert_permitted(
        "P=3 annotation",
        &add_annotation(&signed(Some(3), false)),
        ModificationLevel::Annotations,
    );
    for certify in [None, Some(1), Some(2)] {
        assert_refused(
            &format!("{certify:?} annotation"),
            &add_annotation(&signed(certify, false)),
            ModificationLevel::Annotations,
            ModificationKind::AnnotationAdded,
        );
    }
    // Modifying and deleting a note: P=3 only.
    let modify = |pdf: &[u8]| {
        append_update(
            pdf,
            &[(8, latest(pdf, 8).replace("(Ghi chu)", "(Ghi chu da sua)"))],
            1,
        )
    };
    let delete =
        |pdf: &[u8]| append_update(pdf, &[(3, latest(pdf, 3).replacen("8 0 R ", "", 1))], 1);
    assert_permitted(
        "P=3 modify",
        &modify(&signed(Some(3), false)),
        ModificationLevel::Annotations,
    );
    assert_permitted(
        "P=3 delete",
        &delete(&signed(Some(3), false)),
        ModificationLevel::Annotations,
    );
    assert_refused(
        "P=2 modify",
        &modify(&signed(Some(2), false)),
        ModificationLevel::Annotations,
        ModificationKind::AnnotationChanged,
    );
    assert_refused(
        "P=2 delete",
        &delete(&signed(Some(2), false)),
        ModificationLevel::Annotations,
        ModificationKind::AnnotationDeleted,
    );
    // Deleting a form field's widget from the page is not an annotation change.
    let widget_gone =
        |pdf: &[u8]| append_update(pdf, &[(3, latest(pdf, 3).replacen("11 0 R ", "", 1))], 1);
    assert_refused(
        "P=3 widget deleted",
        &widget_gone(&signed(Some(3), false)),
        ModificationLevel::Other,
        ModificationKind::AnnotationDeleted,
    );
    // Form filling: P=2 and P=3, not P=1.
    let fill = |pdf: &[u8]| {
        append_update(
            pdf,
            &[(
                11,
                latest(pdf, 11).replace("(Nguyen Van An)", "(Tran Thi Binh)"),
            )],
            1,
        )
    };
    assert_permitted(
        "P=2 fill",
        &fill(&signed(Some(2), false)),
        ModificationLevel::FormFilling,
    );
    assert_permitted(
        "P=3 fill",
        &fill(&signed(Some(3), false)),
        ModificationLevel::FormFilling,
    );
    assert_refused(
        "P=1 fill",
        &fill(&signed(Some(1), false)),
        ModificationLevel::FormFilling,
        ModificationKind::FieldFilled,
    );
    // Page content: never.
    let content = |pdf: &[u8]| {
        append_update(
            pdf,
            &[(
                5,
                stream("", "BT /F1 14 Tf 72 770 Td (NOI DUNG GIA MAO) Tj ET"),
            )],
            1,
        )
    };
    assert_refused(
        "P=3 content",
        &content(&signed(Some(3), false)),
        ModificationLevel::Other,
        ModificationKind::ObjectReplaced,
    );
}

#[test]
fn objects_shared_with_another_use_may_not_be_rewritten_for_one_of_them() {
    // The signed revision also uses the text field's appearance stream and the
    // /Extensions dictionary from a private catalog key.
    let p = pki();
    let mut base = form(false);
    base = append_update(
        &base,
        &[(1, "<</Type /Catalog /Pages 2 0 R /AcroForm 10 0 R /Extensions 20 0 R /FooBar <</S 15 0 R /E 20 0 R>>>>".into())],
        1,
    );
    let pdf = sign_pdf(
        &base,
        &SignOptions::new(vn(2025, 6, 2, 9)),
        &p.person_key,
        &p.person,
        std::slice::from_ref(&p.ca),
    )
    .unwrap();
    assert_permitted("shared, untouched", &pdf, ModificationLevel::None);
    let in_place = append_update(
        &pdf,
        &[
            (
                11,
                latest(&pdf, 11).replace("(Nguyen Van An)", "(Tran Thi Binh)"),
            ),
            (
                15,
                stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 228 20]",
                    "BT (GIA MAO) Tj ET",
                ),
            ),
        ],
        1,
    );
    assert_refused(
        "shared appearance",
        &in_place,
        ModificationLevel::Other,
        ModificationKind::AppearanceChanged,
    );
    let extensions = append_update(
        &pdf,
        &[(
            20,
            "<</ADBE <</BaseVersion /1.7 /ExtensionLevel 8>>>>".into(),
        )],
        1,
    );
    assert_refused(
        "shared extensions",
        &extensions,
        ModificationLevel::Other,
        ModificationKind::ObjectReplaced,
    );
}

#[test]
fn a_signature_widget_found_through_its_field_kids_is_a_signature_widget() {
    // The new field lists its widget in an indirect /Kids; the widget names no /Parent.
    let pdf = signed(None, false);
    let form = latest(&pdf, 10).replacen("/Fields [", "/Fields [98 0 R ", 1);
    let page = latest(&pdf, 3).replacen("/Annots [", "/Annots [96 0 R ", 1);
    let updated = append_update(
        &pdf,
        &[
            (98, "<</FT /Sig /T (Seal) /Kids 97 0 R>>".into()),
            (97, "[96 0 R]".into()),
            (
                96,
                "<</Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R /F 132>>".into(),
            ),
            (10, form),
            (3, page),
        ],
        1,
    );
    assert_permitted("kids", &updated, ModificationLevel::LtaUpdates);
}

#[test]
fn a_signature_value_without_type_is_signing() {
    // ISO 32000-1 Table 252 makes /Type optional: the value of a signature field is a signature.
    let pdf = signed(Some(1), false);
    let field = format!(
        "{} /V 96 0 R>>",
        latest(&pdf, 12).trim_end().strip_suffix(">>").unwrap()
    );
    let signed_again = append_update(
        &pdf,
        &[
            (96, "<</Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 10] /Contents <00>>>".into()),
            (12, field),
        ],
        1,
    );
    assert_refused(
        "P=1, untyped signature",
        &signed_again,
        ModificationLevel::FormFilling,
        ModificationKind::SignatureFieldAdded,
    );
}

/// Rewrites the offsets of the last cross-reference table by `delta` bytes.
fn shift_last_xref(pdf: &[u8], delta: i64) -> Vec<u8> {
    let at = pdf.windows(6).rposition(|w| w == b"\nxref\n").unwrap() + 1;
    let mut out = pdf[..at].to_vec();
    let text = std::str::from_utf8(&pdf[at..]).unwrap();
    let mut shifted = 0;
    for line in text.split_inclusive('\n') {
        let fields: Vec<&str> = line.split(' ').collect();
        if fields.len() == 4 && fields[2] == "n" && fields[0].len() == 10 {
            let offset: i64 = fields[0].parse().unwrap();
            out.extend_from_slice(format!("{:010} {} n \n", offset + delta, fields[1]).as_bytes());
            shifted += 1;
        } else {
            out.extend_from_slice(line.as_bytes());
        }
    }
    assert!(shifted > 0);
    out
}

/// Some writers (Cryptolog/Certipost PAdES, found in the EU DSS test files)
/// point cross-reference entries at the end-of-line before each object: white
/// space cannot hide another object, so the entry still names its own
/// definition. One byte further into the object is another matter.
#[test]
fn xref_entries_pointing_at_the_end_of_line_before_an_object_are_read() {
    let pdf = signed(None, false);
    let with_dss = dss_update(&pdf, VRI_A);
    assert_permitted(
        "one byte early",
        &shift_last_xref(&with_dss, -1),
        ModificationLevel::LtaUpdates,
    );
    assert_refused(
        "one byte late",
        &shift_last_xref(&with_dss, 1),
        ModificationLevel::Other,
        ModificationKind::XrefRedirected,
    );
}

/// VRI keys are the hash of a signature value: SHA-1 in ETSI EN 319 142-1,
/// SHA-256 from signers in use (the EU DSS test file Signature-P-SK-6). A key
/// that is no upper-case hexadecimal hash is not a VRI entry.
#[test]
fn vri_keys_may_be_sha256_hashes() {
    let pdf = signed(None, false);
    let sha256 = "231D31DE32DF49890F8D141953C32A9C95F1A388ECCDC81BFE9898500D81FACC";
    assert_permitted(
        "sha-256 vri",
        &dss_update(&pdf, sha256),
        ModificationLevel::LtaUpdates,
    );
    let not_hex = "231D31DE32DF49890F8D141953C32A9C95F1A388ECCDC81BFE9898500D81FACG";
    let r = verify(&dss_update(&pdf, not_hex));
    assert_eq!(first(&r).modification_level, Some(ModificationLevel::Other));
}
