//! The differential corpus: pyHanko signs a form, then changes it in every way a
//! DocMDP level permits or forbids (approval signatures, certification with
//! `P=1`, `P=2`, `P=3`, `/DSS`, document time-stamps, form filling,
//! annotations, page content, shadow attacks); pyHanko and vanthu then validate
//! every file, and must agree, signature by signature, on intact, valid and the
//! modification level. Where they disagree and vanthu is right, the disagreement
//! is listed in [`DEVIATIONS`] with the clause that decides, and in
//! `docs/signature-policy.md` §9.5. Runs when `VANTHU_INTEROP=1` (failing when
//! pyHanko is missing), like the other interop tests.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use chrono::{DateTime, Utc};
use vanthu_signature::testpki::{KeyKind, Profile, generate_key, issue};
use vanthu_signature::{
    CheckId, Indication, ModificationLevel, Outcome, SignatureReport, TrustStore, VerifyOptions,
    verify_pdf,
};

use crate::common::{s, utc};
use crate::interop::{python, workdir};

/// One expected disagreement: in `case`, signature `index`, pyHanko says
/// `pyhanko` and vanthu says `vanthu` about `what`, and `why` decides for vanthu.
struct Deviation {
    case: &'static str,
    index: usize,
    what: &'static str,
    pyhanko: &'static str,
    vanthu: &'static str,
    why: &'static str,
}

const P3: &str = "ISO 32000-1 §12.8.2.2 Table 254 and ISO 32000-2 §12.8.2.2: P=3 permits creating, \
                  modifying and deleting annotations; pyHanko's default policy has no annotation rule and \
                  grades every annotation change OTHER";
const ANNOT: &str = "ISO 32000-1 §12.8.2.2 Table 254: annotation changes are the P=3 grade, above form filling; \
                     both refuse them after an approval or P=1/P=2 signature, pyHanko grades them OTHER";
const NEW_SIG_FIELD: &str = "ISO 32000-1 §12.8.2.2 Table 254 and ISO 32000-2 §12.8.2.2: P=2 and P=3 permit \
                             signing, and a signature needs a field; pyHanko refuses new visible signature \
                             fields after a certification (stricter than Acrobat by its own documentation)";
const KID_FIELD: &str = "ISO 32000-1 §12.7.3.1: a field's place in the hierarchy does not change what it is; \
                         a new signature field as a kid of a non-terminal field is signing, as at the root \
                         (pyHanko only recognises new fields at the root)";
const DANGLING: &str = "ISO 32000-1 §7.3.10: a reference to an undefined object is the null object, so \
                        defining it later changes what the signed revision shows; pyHanko treats the new \
                        object as an orphan";
const SHADOW: &str = "ISO 32000-1 §7.5.6: the catalog of the last revision governs; the swapped catalog \
                      hides the signed form, so pyHanko finds no signature at all, while vanthu finds the \
                      signature and fails it (ETSI EN 319 102-1 §5.2.2: every signature in the file is \
                      reported)";
const LOCKED_UNCHANGED: &str = "ISO 32000-1 §12.8.2.4: a FieldMDP lock forbids changes to the locked fields, and \
                                the /DSS update changes none (ETSI EN 319 142-1 §5.4 permits it); pyHanko counts \
                                a locked field's appearance stream, unchanged since before the signature, as \
                                updated in every later revision";

const DEVIATIONS: &[Deviation] = &[
    Deviation {
        case: "approval_annotation_added",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "annotations",
        why: ANNOT,
    },
    Deviation {
        case: "approval_annotation_indirect_annots",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "annotations",
        why: ANNOT,
    },
    Deviation {
        case: "approval_annotation_modified",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "annotations",
        why: ANNOT,
    },
    Deviation {
        case: "certify1_annotation_added",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "annotations",
        why: ANNOT,
    },
    Deviation {
        case: "certify2_annotation_added",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "annotations",
        why: ANNOT,
    },
    Deviation {
        case: "certify3_annotation_added",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "annotations",
        why: P3,
    },
    Deviation {
        case: "certify3_annotation_added",
        index: 0,
        what: "pass",
        pyhanko: "false",
        vanthu: "true",
        why: P3,
    },
    Deviation {
        case: "certify2_new_visible_signature",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "form_filling",
        why: NEW_SIG_FIELD,
    },
    Deviation {
        case: "certify2_new_visible_signature",
        index: 0,
        what: "pass",
        pyhanko: "false",
        vanthu: "true",
        why: NEW_SIG_FIELD,
    },
    Deviation {
        case: "certify3_new_visible_signature",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "form_filling",
        why: NEW_SIG_FIELD,
    },
    Deviation {
        case: "certify3_new_visible_signature",
        index: 0,
        what: "pass",
        pyhanko: "false",
        vanthu: "true",
        why: NEW_SIG_FIELD,
    },
    Deviation {
        case: "approval_kid_signature_field",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "lta_updates",
        why: KID_FIELD,
    },
    Deviation {
        case: "approval_kid_signature_field",
        index: 0,
        what: "pass",
        pyhanko: "false",
        vanthu: "true",
        why: KID_FIELD,
    },
    Deviation {
        case: "approval_dangling_defined",
        index: 0,
        what: "level",
        pyhanko: "lta_updates",
        vanthu: "other",
        why: DANGLING,
    },
    Deviation {
        case: "approval_dangling_defined",
        index: 0,
        what: "pass",
        pyhanko: "true",
        vanthu: "false",
        why: DANGLING,
    },
    Deviation {
        case: "approval_annotation_deleted",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "annotations",
        why: ANNOT,
    },
    Deviation {
        case: "approval_catalog_swapped",
        index: 0,
        what: "count",
        pyhanko: "0",
        vanthu: "1",
        why: SHADOW,
    },
    Deviation {
        case: "locked_field_dss",
        index: 0,
        what: "level",
        pyhanko: "other",
        vanthu: "lta_updates",
        why: LOCKED_UNCHANGED,
    },
    Deviation {
        case: "locked_field_dss",
        index: 0,
        what: "pass",
        pyhanko: "false",
        vanthu: "true",
        why: LOCKED_UNCHANGED,
    },
];

/// pyHanko's `ModificationLevel` names in vanthu's spelling.
fn level_name(pyhanko: &str) -> &'static str {
    match pyhanko {
        "NONE" => "none",
        "LTA_UPDATES" => "lta_updates",
        "FORM_FILLING" => "form_filling",
        "ANNOTATIONS" => "annotations",
        _ => "other",
    }
}

fn outcome(r: &SignatureReport, ids: &[CheckId]) -> bool {
    let relevant: Vec<_> = r.checks.iter().filter(|c| ids.contains(&c.id)).collect();
    !relevant.is_empty() && relevant.iter().all(|c| c.outcome != Outcome::Failed)
}

/// vanthu's answers in pyHanko's terms.
fn ours(r: &SignatureReport) -> [(&'static str, String); 4] {
    let intact = outcome(r, &[CheckId::MessageDigest, CheckId::MessageImprint]);
    let valid = intact && outcome(r, &[CheckId::SignatureValue]);
    [
        ("intact", intact.to_string()),
        ("valid", valid.to_string()),
        (
            "level",
            r.modification_level
                .unwrap_or(ModificationLevel::Other)
                .as_str()
                .to_owned(),
        ),
        (
            "pass",
            (r.indication == Indication::TotalPassed).to_string(),
        ),
    ]
}

fn theirs(v: &serde_json::Value) -> [(&'static str, String); 4] {
    let flag = |k: &str| v[k].as_bool().unwrap_or(false).to_string();
    [
        ("intact", flag("intact")),
        ("valid", flag("valid")),
        (
            "level",
            level_name(v["modification_level"].as_str().unwrap_or("OTHER")).to_owned(),
        ),
        ("pass", flag("bottom_line")),
    ]
}

struct Pki {
    root: std::path::PathBuf,
    key: std::path::PathBuf,
    cert: std::path::PathBuf,
    tsa_key: std::path::PathBuf,
    tsa_cert: std::path::PathBuf,
    store: TrustStore,
}

/// A root, a signer and an RSA time-stamping authority (pyHanko's dummy TSA is
/// RSA-only), valid long enough for the corpus to be signed today.
fn corpus_pki(dir: &Path) -> Pki {
    let from = utc(2020, 1, 1);
    let to = utc(2045, 1, 1);
    let root_key = generate_key(KeyKind::P256).unwrap();
    let root = issue(
        &Profile::ca(
            vec![("C", s("VN")), ("CN", s("TEST corpus root"))],
            1,
            from,
            to,
            None,
        ),
        &root_key,
        None,
    )
    .unwrap();
    let key = generate_key(KeyKind::P256).unwrap();
    let cert = issue(
        &Profile::leaf(
            vec![
                ("C", s("VN")),
                ("CN", s("Nguyễn Văn An")),
                ("UID", s("CCCD:001099012345")),
            ],
            2,
            from,
            to,
        ),
        &key,
        Some((&root, &root_key)),
    )
    .unwrap();
    let tsa_key = generate_key(KeyKind::Rsa2048).unwrap();
    let mut profile = Profile::leaf(
        vec![("C", s("VN")), ("CN", s("TEST corpus TSA"))],
        3,
        from,
        to,
    );
    profile.extended_key_usage = vec!["1.3.6.1.5.5.7.3.8".to_owned()];
    let tsa = issue(&profile, &tsa_key, Some((&root, &root_key))).unwrap();
    let w = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let mut store = TrustStore::new();
    store.add_anchor(root.clone());
    Pki {
        root: w("root.der", root.der()),
        key: w("signer.key", &key.to_pkcs8_der().unwrap()),
        cert: w("signer.der", cert.der()),
        tsa_key: w("tsa.key", &tsa_key.to_pkcs8_der().unwrap()),
        tsa_cert: w("tsa.der", tsa.der()),
        store,
    }
}

#[test]
fn pyhanko_and_vanthu_agree_on_the_modification_corpus() {
    let Some(py) = python() else { return };
    let dir = workdir();
    let pki = corpus_pki(&dir);
    // pyHanko signs with the current time: validate a little later, both sides at the same moment.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let at: DateTime<Utc> = DateTime::from_timestamp(i64::try_from(now).unwrap() + 600, 0).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/pyhanko_corpus.py");
    let out = Command::new(&py)
        .arg(script)
        .arg(&dir)
        .args(["--key", pki.key.to_str().unwrap()])
        .args(["--cert", pki.cert.to_str().unwrap()])
        .args(["--root", pki.root.to_str().unwrap()])
        .args(["--tsa-key", pki.tsa_key.to_str().unwrap()])
        .args(["--tsa-cert", pki.tsa_cert.to_str().unwrap()])
        .args(["--at", &at.to_rfc3339()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the corpus generator failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let cases = manifest["cases"].as_array().unwrap();
    assert!(cases.len() >= 30, "only {} cases", cases.len());

    let mut disagreements = Vec::new();
    let mut seen = BTreeSet::new();
    let mut record = |case: &str, index: usize, what: &str, theirs: &str, ours: &str, why: &str| {
        let expected = DEVIATIONS.iter().find(|d| {
            d.case == case
                && d.index == index
                && d.what == what
                && d.pyhanko == theirs
                && d.vanthu == ours
        });
        match expected {
            Some(d) => {
                seen.insert((d.case, d.index, d.what));
            }
            None => disagreements.push(format!(
                "{case} signature {index}: {what}: pyHanko {theirs}, vanthu {ours}{why}"
            )),
        }
    };
    let options = VerifyOptions::new(at);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let pdf = std::fs::read(dir.join(format!("{name}.pdf"))).unwrap();
        let report = verify_pdf(&pdf, &pki.store, &options)
            .unwrap_or_else(|e| panic!("{name}: vanthu cannot read the file: {e}"));
        let theirs_sigs = case["pyhanko"]["signatures"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: pyHanko: {}", case["pyhanko"]));
        if theirs_sigs.len() != report.signatures.len() {
            record(
                name,
                0,
                "count",
                &theirs_sigs.len().to_string(),
                &report.signatures.len().to_string(),
                "",
            );
            // pyHanko sees none: vanthu must not pass any.
            assert!(
                report
                    .signatures
                    .iter()
                    .all(|r| r.indication != Indication::TotalPassed),
                "{name}: {report:#?}"
            );
            continue;
        }
        for (index, (t, r)) in theirs_sigs.iter().zip(&report.signatures).enumerate() {
            assert!(t.get("error").is_none(), "{name}: pyHanko failed: {t}");
            // What vanthu objected to, to read a disagreement without rerunning.
            let why = r
                .checks
                .iter()
                .find(|c| c.outcome == Outcome::Failed)
                .map(|c| format!(" ({}: {})", c.id.as_str(), c.message))
                .unwrap_or_default();
            for ((what, a), (_, b)) in theirs(t).iter().zip(ours(r).iter()) {
                if a != b {
                    record(name, index, what, a, b, &why);
                }
            }
        }
    }
    let stale: Vec<String> = DEVIATIONS
        .iter()
        .filter(|d| !seen.contains(&(d.case, d.index, d.what)))
        .map(|d| format!("{} signature {}: {} ({})", d.case, d.index, d.what, d.why))
        .collect();
    assert!(
        disagreements.is_empty() && stale.is_empty(),
        "{} disagreement(s) not in the table of deviations:\n  {}\n{} listed deviation(s) that did not occur:\n  {}",
        disagreements.len(),
        disagreements.join("\n  "),
        stale.len(),
        stale.join("\n  ")
    );
}
