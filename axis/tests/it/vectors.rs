//! The `XroadVnpt-*` header signature against an independent
//! implementation: Python's `json`, `hmac` and `hashlib` build the signed
//! JSON and its HMAC-SHA256 from the same inputs, and must agree byte for
//! byte. Python (`VANTHU_PYTHON`, else `python3`) is required: the test
//! fails without it. Fixed vectors, computed with Python once, follow.

use std::io::Write as _;
use std::process::{Command, Stdio};

use vanthu_axis::{find_header, national};

/// (system id, secret, timestamp, fields).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

fn cases() -> Vec<Case> {
    vec![
        // getReceivedEdocList.
        (
            "000.00.15.H47",
            "c2VjcmV0LWtleS0wMDAuMDAuMTUuSDQ3LXRlc3Q=",
            "02062025T080000+0042",
            vec![("servicetype", "eDoc"), ("messagetype", "edoc")],
        ),
        // Empty optional keys, sent with empty values.
        (
            "000.00.15.H47",
            "c2VjcmV0LWtleS0wMDAuMDAuMTUuSDQ3LXRlc3Q=",
            "31122025T235959+0999",
            vec![
                ("servicetype", "eDoc"),
                ("messagetype", "status"),
                ("fromDate", ""),
                ("toDate", ""),
            ],
        ),
        // No parameter at all (getAgenciesList).
        ("002.00.99.H44", "k", "01012026T000000+0000", vec![]),
        // Vietnamese text, in a value and in the secret.
        (
            "000.01.15.H47",
            "khóa bí mật của Sở Nội vụ",
            "02062025T090000+0001",
            vec![
                ("from", "000.01.15.H47"),
                ("note", "Sở Lao động – Thương binh và Xã hội tỉnh Quảng Nam"),
                ("to", "[\"000.00.15.H47\"]"),
            ],
        ),
        // Characters JSON escapes.
        (
            "H37.DN.001",
            "s\"e\\c/r<e>t&",
            "15062025T101010+0500",
            vec![("docId", "a\"b\\c/d<e>&f'g"), ("status", "done")],
        ),
    ]
}

fn python() -> String {
    std::env::var("VANTHU_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

const SCRIPT: &str = r#"
import hashlib, hmac, json, sys
out = []
for case in json.loads(sys.stdin.read()):
    fields = [["systemid", case["system"]], ["timestamp", case["timestamp"]]] + case["fields"]
    signed = {"XroadVnpt-" + k: v for k, v in fields}
    text = json.dumps(signed, ensure_ascii=False, separators=(",", ":"))
    mac = hmac.new(case["secret"].encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()
    out.append({"key": ";".join(k for k, _ in fields), "sign": text, "hash": mac})
sys.stdout.write(json.dumps(out, ensure_ascii=False))
"#;

#[test]
fn hash_header_matches_python() {
    let cases = cases();
    let input: Vec<serde_json::Value> = cases
        .iter()
        .map(|(system, secret, ts, fields)| {
            serde_json::json!({"system": system, "secret": secret, "timestamp": ts, "fields": fields})
        })
        .collect();
    let mut child = Command::new(python())
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{} is needed for the header vectors: {e}", python()));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&input).unwrap().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "python failed");
    let expected: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(expected.len(), cases.len());
    for ((system, secret, ts, fields), want) in cases.iter().zip(&expected) {
        let headers = national::sign(system, secret, ts, fields).unwrap();
        assert_eq!(
            find_header(&headers, national::SIGN_HEADER_KEY),
            want["key"].as_str()
        );
        assert_eq!(
            find_header(&headers, national::SIGN_HEADER),
            want["sign"].as_str()
        );
        assert_eq!(
            find_header(&headers, national::HASH_HEADER),
            want["hash"].as_str(),
            "{system} {fields:?}"
        );
    }
}

#[test]
fn hash_file_matches_python() {
    let package = "<edXML>Văn bản điện tử</edXML>".as_bytes();
    let output = Command::new(python())
        .args([
            "-c",
            "import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().unwrap().write_all(package)?;
            c.wait_with_output()
        })
        .unwrap_or_else(|e| panic!("{} is needed: {e}", python()));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap().trim(),
        vanthu_axis::sha256_hex(package)
    );
}

/// Vectors computed once with Python 3 (`hmac.new(secret, json, sha256)`
/// over `json.dumps(..., ensure_ascii=False, separators=(",", ":"))`).
#[test]
fn fixed_vectors() {
    let fixed = [(0, FIXED_0), (3, FIXED_3), (4, FIXED_4)];
    let cases = cases();
    for (i, (sign, hash)) in fixed {
        let (system, secret, ts, fields) = &cases[i];
        let headers = national::sign(system, secret, ts, fields).unwrap();
        assert_eq!(find_header(&headers, national::SIGN_HEADER), Some(sign));
        assert_eq!(find_header(&headers, national::HASH_HEADER), Some(hash));
        assert_eq!(national::hash_header(secret, sign), hash);
    }
}

const FIXED_0: (&str, &str) = (
    r#"{"XroadVnpt-systemid":"000.00.15.H47","XroadVnpt-timestamp":"02062025T080000+0042","XroadVnpt-servicetype":"eDoc","XroadVnpt-messagetype":"edoc"}"#,
    "7ba3095942ed9b48b136923e0105b8cec234f2c04156360aedcb02befde7528c",
);

const FIXED_3: (&str, &str) = (
    r#"{"XroadVnpt-systemid":"000.01.15.H47","XroadVnpt-timestamp":"02062025T090000+0001","XroadVnpt-from":"000.01.15.H47","XroadVnpt-note":"Sở Lao động – Thương binh và Xã hội tỉnh Quảng Nam","XroadVnpt-to":"[\"000.00.15.H47\"]"}"#,
    "a23d7c508f182861e55e1555673b111cdc0bb14fd8ffc3757f586591c4606bc1",
);

const FIXED_4: (&str, &str) = (
    r#"{"XroadVnpt-systemid":"H37.DN.001","XroadVnpt-timestamp":"15062025T101010+0500","XroadVnpt-docId":"a\"b\\c/d<e>&f'g","XroadVnpt-status":"done"}"#,
    "9223131129e16024a3874966a87cf1c9ce80f95a6369f608ce7d092af9f560fb",
);
