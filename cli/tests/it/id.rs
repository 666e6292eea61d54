//! `vanthu id`: exit codes, human and JSON output.

use crate::{json, succeeds, vanthu};

#[test]
fn valid_inputs_exit_0() {
    let out = succeeds(&[
        "id",
        "000.00.15.H47",
        "182/QĐ-LĐTBXH",
        "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT",
        "000.00.18.H40.2011.01.TH",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("000.00.15.H47: agency_id (valid)"));
    assert!(text.contains("parent: 000.00.00.H47"));
    assert!(text.contains("type: QĐ (Quyết định)"));
    assert!(text.contains("file notation: 01.TH"));
}

#[test]
fn invalid_input_exits_1_with_the_error_and_its_position() {
    let out = vanthu(&["id", "000.00.15.h47"], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("lower-case level-1 letter 'h' at byte 10"),
        "{text}"
    );
    // An irregular agency id is read, but it is an error: not valid, 1.
    let out = vanthu(&["id", "000.00.15.H47", "28.22.H17"], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error [ID-AGENCY-IRREGULAR]"), "{text}");
    assert!(text.contains("28.22.H17: agency_id (invalid)"), "{text}");
}

#[test]
fn json_fields() {
    let out = vanthu(
        &[
            "id",
            "--json",
            "000.05.15.H47",
            "30/2020/NĐ-CP",
            "12/UBND-VX",
            "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT",
            "000.00.18.H40.2011.01.TH",
            "",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 6);
    for item in items {
        for key in ["input", "kind", "valid", "findings"] {
            assert!(item.get(key).is_some(), "{key} missing in {item}");
        }
    }
    let agency = &items[0];
    assert_eq!(agency["kind"], "agency_id");
    assert_eq!(agency["valid"], true);
    assert_eq!(agency["parent"], "000.00.15.H47");
    assert_eq!(agency["level1"], "H47");
    let decree = &items[1];
    assert_eq!(decree["kind"], "document_number");
    assert_eq!(decree["number"], 30);
    assert_eq!(decree["year"], 2020);
    assert_eq!(decree["type_abbreviation"], "NĐ");
    assert_eq!(decree["issuer"], "CP");
    assert!(decree["unit"].is_null());
    let letter = &items[2];
    assert!(letter["year"].is_null());
    assert!(letter["type_abbreviation"].is_null());
    assert_eq!(letter["issuer"], "UBND");
    assert_eq!(letter["unit"], "VX");
    let docid = &items[3];
    assert_eq!(docid["kind"], "document_id");
    assert_eq!(docid["valid"], false);
    assert_eq!(docid["agency"], "000.00.00.G22");
    assert!(docid["date"].is_null());
    assert_eq!(docid["number"], "7806/VPCP-TTĐT");
    assert_eq!(docid["findings"][0]["rule"], "ID-DOCID-IMPOSSIBLE-DATE");
    assert_eq!(docid["findings"][0]["location"]["offset"], 14);
    let record = &items[4];
    assert_eq!(record["kind"], "record_code");
    assert_eq!(record["agency"], "000.00.18.H40");
    assert_eq!(record["year"], 2011);
    assert_eq!(record["file_notation"], "01.TH");
    let empty = &items[5];
    assert_eq!(empty["kind"], "unknown");
    assert_eq!(empty["valid"], false);
    assert_eq!(empty["error"]["offset"], 0);
}

#[test]
fn json_date_is_iso() {
    let out = vanthu(
        &["id", "--json", "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)[0]["date"], "2015-09-30");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(vanthu(&["id"], b"").status.code(), Some(2));
    assert_eq!(vanthu(&["id", "--bogus", "x"], b"").status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn non_utf8_argument_exits_2_with_a_message() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanthu"))
        .arg("id")
        .arg("000.00.15.H47")
        .arg(OsStr::from_bytes(b"000.00.15.H\xff7"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("argument 2"), "{err}");
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn identifiers_from_standard_input() {
    let out = vanthu(
        &["id", "--json", "--file", "-"],
        b"000.00.15.H47\r\n\n182/QD-UBND\n",
    );
    // A warning does not make an identifier invalid: exit 0.
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[1]["findings"][0]["rule"], "ID-DOCNUM-ASCII-FOLDED");
    assert_eq!(v[1]["findings"][0]["severity"], "warning");
    assert_eq!(v[1]["valid"], true);
    let out = vanthu(&["id", "--file", "-"], b"000.00.15.H\xff7\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
    let out = vanthu(&["id", "--file", "/nonexistent/vanthu-ids.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn overlong_input_is_refused_without_panic() {
    let long = "9".repeat(100_000);
    let out = vanthu(&["id", "--json", &long], b"");
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert!(
        v[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("longer than the 256-byte limit")
    );
}

/// The department and its ten units, as Quyết định 182/QĐ-LĐTBXH (Sở
/// LĐTBXH Quảng Nam, 2019) Điều 10 khoản 2 điểm a lists them.
#[test]
fn quang_nam_agency_ids_through_the_cli() {
    let ids = [
        "000.00.15.H47",
        "000.01.15.H47",
        "000.02.15.H47",
        "000.03.15.H47",
        "000.04.15.H47",
        "000.05.15.H47",
        "000.06.15.H47",
        "000.07.15.H47",
        "000.08.15.H47",
        "000.09.15.H47",
        "000.10.15.H47",
    ];
    let mut args = vec!["id", "--json"];
    args.extend(&ids);
    let out = vanthu(&args, b"");
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert!(v[0]["parent"].is_string());
    for unit in &v.as_array().unwrap()[1..] {
        assert_eq!(unit["parent"], "000.00.15.H47");
        assert_eq!(unit["level1"], "H47");
    }
}

/// Record codes of both forms: the old JSON fields keep their names and
/// meaning; `agency_form`, `ordinal` and `heading` are added.
#[test]
fn record_codes_of_both_forms() {
    let out = vanthu(
        &[
            "id",
            "--json",
            "000.00.18.H40.2011.01.TH",
            "H49.64.33.2001.160",
            "000.00.18.H40.2011.01.ABCDEFGHIJKLMNOPQRSTU",
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "the overlong notation is a warning: still valid"
    );
    let items = json(&out);
    let nd30 = &items[0];
    assert_eq!(nd30["kind"], "record_code");
    assert_eq!(nd30["valid"], true);
    assert_eq!(nd30["agency"], "000.00.18.H40");
    assert_eq!(nd30["agency_form"], "qcvn102");
    assert_eq!(nd30["year"], 2011);
    assert_eq!(nd30["file_notation"], "01.TH");
    assert_eq!(nd30["ordinal"], "01");
    assert_eq!(nd30["heading"], "TH");
    let tt05 = &items[1];
    assert_eq!(tt05["kind"], "record_code");
    assert_eq!(tt05["valid"], true);
    assert_eq!(tt05["agency"], "H49.64.33");
    assert_eq!(tt05["agency_form"], "decision20_2020");
    assert_eq!(tt05["year"], 2001);
    assert_eq!(tt05["file_notation"], "160");
    assert!(tt05["heading"].is_null());
    let long = &items[2];
    assert_eq!(long["valid"], true);
    assert_eq!(long["findings"][0]["severity"], "warning");
    assert_eq!(long["findings"][0]["rule"], "ID-RECORD-NOTATION-LONG");
    assert_eq!(long["findings"][0]["location"]["offset"], 19);

    let out = vanthu(&["id", "H49.64.33.2001.160"], b"");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("agency: H49.64.33 (decision20_2020)"),
        "{text}"
    );
    assert!(text.contains("file notation: 160"), "{text}");
}

/// The JSON is serde's serialisation of the library's
/// `IdentificationSummary`, and every rule id in it is in the catalogue.
#[test]
fn json_is_the_library_summary_and_its_rules_are_catalogued() {
    let inputs = [
        "000.05.15.H47",
        "28.22.H17",
        "182/QD-LĐTBXH",
        "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT",
        "9fbfbad2-f1f8-4256-a2eb-50fb1061cddb",
        "000.00.18.H40.2011.01",
    ];
    let mut args = vec!["id", "--json"];
    args.extend(inputs);
    let out = vanthu(&args, b"");
    let printed = json(&out);
    let expected: Vec<_> = inputs
        .iter()
        .map(|i| vanthu_identifiers::identify(i).summary())
        .collect();
    assert_eq!(printed, serde_json::to_value(&expected).unwrap());
    for item in printed.as_array().unwrap() {
        for finding in item["findings"].as_array().unwrap() {
            let rule = vanthu_identifiers::rules::ALL
                .iter()
                .find(|r| r.id == finding["rule"])
                .unwrap_or_else(|| panic!("{finding} is not catalogued"));
            assert_eq!(finding["source"], rule.source);
            assert_eq!(finding["severity"], rule.severity.as_str());
        }
    }
}

/// What a new user types: a space in an agency id, a word that is no
/// identifier, a file saved with a byte-order mark, an id with a warning.
#[test]
fn the_cases_a_new_user_meets() {
    let out = vanthu(&["id", "000.00.15 H47"], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("agency_id"), "{text}");
    assert!(text.contains("an agency id joins its groups with `.`"), "{text}");
    let out = vanthu(&["id", "--json", "garbage"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)[0]["kind"], "unknown");
    let out = vanthu(
        &["id", "--json", "--file", "-"],
        b"\xEF\xBB\xBF000.00.15.H47\r\n182/QD-LDTBXH\r\n",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let v = json(&out);
    assert_eq!(v[0]["input"], "000.00.15.H47");
    assert_eq!(v[0]["valid"], true);
    assert_eq!(v[1]["valid"], true);
    assert_eq!(v[1]["findings"][0]["severity"], "warning");
}
