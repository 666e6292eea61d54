//! Invariants of the header signature, on generated inputs: what is signed
//! verifies, with every parameter as signed; any change to a signed value
//! or to the secret is refused; timestamps round-trip.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use vanthu_axis::national;
use vanthu_axis::{Secret, SignatureError};

fn fields() -> impl Strategy<Value = BTreeMap<String, String>> {
    // Names as the protocol has them; values any text without control
    // characters (Vietnamese included).
    proptest::collection::btree_map("[a-z][a-zA-Z-]{0,11}", "[^\\p{Cc}]{0,40}", 0..6)
        .prop_filter("systemid and timestamp are the signature's own", |m| {
            !m.keys().any(|k| k == "systemid" || k == "timestamp")
        })
}

proptest! {
    #[test]
    fn what_is_signed_verifies(
        fields in fields(),
        system in "[0-9A-Z.]{1,16}",
        secret in "\\PC{0,44}",
    ) {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let headers = national::sign(&system, &secret, "02062025T080000+0042", &pairs).unwrap();
        let known = |id: &str| (id == system).then(|| Secret::new(secret.clone()));
        let verified = national::verify(&headers, known).unwrap();
        prop_assert_eq!(&verified.system_id, &system);
        for (k, v) in &fields {
            prop_assert_eq!(verified.field(k), Some(v.as_str()));
        }
        // Another secret never verifies.
        let other = |_: &str| Some(Secret::new(format!("{secret}x")));
        prop_assert_eq!(national::verify(&headers, other), Err(SignatureError::Mismatch));
    }

    #[test]
    fn a_changed_value_is_refused(
        fields in fields().prop_filter("one field at least", |m| !m.is_empty()),
        pick in any::<prop::sample::Index>(),
        extra in "[a-z0-9]{1,4}",
    ) {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let mut headers = national::sign("SYS", "k", "02062025T080000+0042", &pairs).unwrap();
        let (name, _) = pairs[pick.index(pairs.len())];
        let header = format!("XroadVnpt-{name}");
        for (n, v) in &mut headers {
            if *n == header {
                v.push_str(&extra);
            }
        }
        let known = |_: &str| Some(Secret::new("k"));
        prop_assert_eq!(national::verify(&headers, known), Err(SignatureError::Differs(header)));
    }

    #[test]
    fn timestamps_round_trip(days in 0i64..40_000, millis in 0u32..86_400_000) {
        let at = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap()
            + chrono::Duration::days(days)
            + chrono::Duration::milliseconds(i64::from(millis));
        let text = national::timestamp(at);
        prop_assert_eq!(national::parse_timestamp(&text).unwrap(), at);
    }
}

fn any_response() -> impl Strategy<Value = vanthu_axis::Response> {
    let body = prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        // JSON shaped like the answers, with arbitrary values.
        (
            "[A-Za-z]{0,6}",
            "[0-9]{0,3}",
            proptest::option::of("[ -~]{0,30}"),
            prop_oneof![Just("null"), Just("[]"), Just("[{}]"), Just("{}"), Just("\"@@\""), Just("[{\"docId\":1}]")],
        )
            .prop_map(|(status, code, desc, data)| {
                format!(
                    r#"{{"status":"{status}","ErrorCode":"{code}","errorCode":"{code}","code":{code}0,"ErrorDesc":{d},"data":{data},"success":true}}"#,
                    d = serde_json::Value::from(desc.unwrap_or_default())
                )
                .into_bytes()
            }),
    ];
    (0u16..600, body).prop_map(|(status, body)| vanthu_axis::Response::json(status, body))
}

proptest! {
    /// Whatever an axis answers, reading it is a value or an error, never a
    /// panic.
    #[test]
    fn any_answer_is_read_without_panic(response in any_response()) {
        let _ = national::parse_send(&response);
        let _ = national::parse_received_list(&response);
        let _ = national::parse_sent_list(&response);
        let _ = national::parse_edoc(&response);
        let _ = national::parse_agencies(&response);
        let _ = vanthu_axis::langson::parse_login(&response);
        let _ = vanthu_axis::langson::parse_edoc(&response);
        let _ = vanthu_axis::langson::parse_agencies(&response);
        let _ = vanthu_axis::langson::parse_received_list(&response);
        let _ = vanthu_axis::quangnam::parse_token(&response);
        let _ = vanthu_axis::quangnam::parse_get(&response);
        let _ = vanthu_axis::quangnam::parse_list(&response);
        let _ = vanthu_axis::quangnam::parse_units(&response);
    }

    /// Whatever headers and body a server receives, verifying and reading
    /// them never panics.
    #[test]
    fn any_request_is_checked_without_panic(
        headers in proptest::collection::vec(("(XroadVnpt-)?[a-zA-Z-]{1,12}", "\\PC{0,60}"), 0..8),
        body in proptest::collection::vec(any::<u8>(), 0..300),
        boundary in "[a-z]{1,5}",
    ) {
        let mut headers = headers;
        headers.push(("Content-Type".to_owned(), format!("multipart/form-data; boundary={boundary}")));
        let _ = national::verify(&headers, |_| Some(Secret::new("k")));
        let request = vanthu_axis::Request::from_parts(vanthu_axis::Method::Post, "http://a/sendEdoc", headers, body);
        let signed = national::sign("S", "k", "02062025T080000+0042", &[("hash-file", "x"), ("to", "[")]).unwrap();
        let verified = national::verify(&signed, |_| Some(Secret::new("k"))).unwrap();
        let _ = national::read_upload(&request, &verified);
    }

    /// Any journal text is read or refused, never a panic.
    #[test]
    fn any_journal_is_read_without_panic(text in "\\PC{0,200}(\n\\PC{0,100}){0,3}") {
        let _ = vanthu_axis::exchange::read_journal(&text);
        prop_assert!(vanthu_axis::exchange::journal_len(&text) <= text.len());
    }
}
