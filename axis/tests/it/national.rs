//! The national axis: every operation's request and answer, the header
//! verifier, the error catalogue.

use chrono::{NaiveDate, NaiveDateTime};
use vanthu_axis::national::{self, National};
use vanthu_axis::{
    Agency, AxisError, ErrorCode, MessageType, Method, Response, Secret, SignatureError,
    TransportState,
};

const SECRET: &str = "c2VjcmV0LWtleS0wMDAuMDAuMTUuSDQ3LXRlc3Q=";

fn axis() -> National {
    National::new(
        "http://127.0.0.1:8080/XrdAdapter/adapter/",
        "000.00.15.H47",
        SECRET,
    )
}

fn at() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 6, 2)
        .unwrap()
        .and_hms_milli_opt(8, 30, 5, 7)
        .unwrap()
}

fn secrets(id: &str) -> Option<Secret> {
    (id == "000.00.15.H47").then(|| Secret::new(SECRET))
}

#[test]
fn timestamp_form_round_trips() {
    assert_eq!(national::timestamp(at()), "02062025T083005+0007");
    assert_eq!(
        national::parse_timestamp("02062025T083005+0007").unwrap(),
        at()
    );
    for bad in [
        "02062025T083005",
        "2025-06-02",
        "32062025T083005+0007",
        "02062025T083005+1000",
    ] {
        assert!(national::parse_timestamp(bad).is_err(), "{bad}");
    }
}

#[test]
fn send_edoc_is_a_signed_multipart_request() {
    let package = "<edXML>Quyết định 182/QĐ-LĐTBXH</edXML>".as_bytes();
    let to = vec!["000.01.15.H47".to_owned(), "000.02.15.H47".to_owned()];
    let request = axis()
        .send_edoc(
            at(),
            MessageType::Edoc,
            "000.00.15.H47",
            &to,
            package,
            "vanthu-nonce-1",
        )
        .unwrap();
    assert_eq!(request.method, Method::Post);
    assert_eq!(
        request.url,
        "http://127.0.0.1:8080/XrdAdapter/adapter/sendEdoc"
    );
    assert_eq!(
        request.header_value("Content-Type"),
        Some("multipart/form-data; boundary=vanthu-nonce-1")
    );
    assert_eq!(
        request.header_value("XroadVnpt-version"),
        Some("3.0.201608")
    );
    assert!(
        request
            .header_value("User-Agent")
            .unwrap()
            .starts_with("vanthu-axis/")
    );
    assert_eq!(
        request.header_value("XroadVnpt-sign-header-key"),
        Some("systemid;timestamp;from;servicetype;messagetype;to;hash-file")
    );
    assert_eq!(
        request.header_value("XroadVnpt-to"),
        Some(r#"["000.01.15.H47","000.02.15.H47"]"#)
    );
    let verified = national::verify(&request.headers, secrets).unwrap();
    let upload = national::read_upload(&request, &verified).unwrap();
    assert_eq!(upload.package, package);
    assert_eq!(upload.to, to);
    assert_eq!(upload.from, "000.00.15.H47");
    assert_eq!(upload.message_type, MessageType::Edoc);
    // A body changed after signing fails the hash-file check.
    let mut tampered = request.clone();
    let at_body = tampered.body.len() - 30;
    tampered.body[at_body] ^= 1;
    assert_eq!(
        national::read_upload(&tampered, &verified)
            .unwrap_err()
            .code(),
        ErrorCode::InvalidFile
    );
    let body = String::from_utf8(request.body.clone()).unwrap();
    assert!(body.contains("Content-Type: application/octet-stream\r\n"));
    let verified = national::verify(&request.headers, secrets).unwrap();
    assert_eq!(verified.system_id, "000.00.15.H47");
    assert_eq!(
        verified.field("hash-file"),
        Some(vanthu_axis::sha256_hex(package).as_str())
    );
    assert_eq!(verified.field("messagetype"), Some("edoc"));
    // The boundary must not occur in the package, and must be one.
    let clash = axis().send_edoc(at(), MessageType::Edoc, "x", &to, b"--b\r\n", "b");
    assert!(matches!(clash, Err(AxisError::InvalidArgument(_))));
    let bad = axis().send_edoc(at(), MessageType::Edoc, "x", &to, b"p", "a b");
    assert!(matches!(bad, Err(AxisError::InvalidArgument(_))));

    let ok = Response::json(
        200,
        r#"{"status":"OK","ErrorCode":"0","ErrorDesc":"","DocId":"6c1e-42"}"#,
    );
    assert_eq!(national::parse_send(&ok).unwrap(), "6c1e-42");
    let refused = Response::json(
        200,
        r#"{"status":"FAIL","ErrorCode":18,"ErrorDesc":"Đơn vị nhận không tồn tại"}"#,
    );
    match national::parse_send(&refused) {
        Err(AxisError::Rejected { code, description }) => {
            assert_eq!(code, ErrorCode::ReceiverUnknown);
            assert_eq!(description, "Đơn vị nhận không tồn tại");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_verifier_refuses_what_an_axis_refuses() {
    let request = axis()
        .get_received_edoc_list(
            at(),
            MessageType::Status,
            Some("2025/06/01"),
            Some("2025/06/02"),
        )
        .unwrap();
    let ok = national::verify(&request.headers, secrets).unwrap();
    assert_eq!(ok.field("fromdate"), Some("2025/06/01"));
    assert_eq!(ok.field("messagetype"), Some("status"));
    ok.check_fresh(at(), chrono::Duration::minutes(5)).unwrap();
    assert!(matches!(
        ok.check_fresh(
            at() + chrono::Duration::minutes(6),
            chrono::Duration::minutes(5)
        ),
        Err(SignatureError::Stale(_))
    ));

    let set = |name: &str, value: &str| {
        let mut headers = request.headers.clone();
        for (n, v) in &mut headers {
            if n == name {
                *v = value.to_owned();
            }
        }
        headers
    };
    // Wrong secret.
    let wrong = |_: &str| Some(Secret::new("another"));
    assert_eq!(
        national::verify(&request.headers, wrong),
        Err(SignatureError::Mismatch)
    );
    // Unknown system.
    assert_eq!(
        national::verify(&request.headers, |_| None),
        Err(SignatureError::UnknownSystem("000.00.15.H47".to_owned()))
    );
    // A parameter header changed after signing.
    assert_eq!(
        national::verify(&set("XroadVnpt-messagetype", "edoc"), secrets),
        Err(SignatureError::Differs("XroadVnpt-messagetype".to_owned()))
    );
    // The signed JSON changed: the HMAC no longer matches.
    let json = request
        .header_value("XroadVnpt-sign-header")
        .unwrap()
        .replace("status", "edoc");
    assert_eq!(
        national::verify(&set("XroadVnpt-sign-header", &json), secrets),
        Err(SignatureError::Mismatch)
    );
    // A parameter header sent but not signed.
    let mut extra = request.headers.clone();
    extra.push(("XroadVnpt-docId".to_owned(), "x".to_owned()));
    assert_eq!(
        national::verify(&extra, secrets),
        Err(SignatureError::Unsigned("XroadVnpt-docId".to_owned()))
    );
    // A signed header sent twice, the second time with another value.
    let mut twice = request.headers.clone();
    twice.push(("xroadvnpt-messagetype".to_owned(), "edoc".to_owned()));
    assert!(matches!(
        national::verify(&twice, secrets),
        Err(SignatureError::Malformed { .. })
    ));
    // The key list disagrees with the JSON.
    assert!(matches!(
        national::verify(
            &set("XroadVnpt-sign-header-key", "systemid;timestamp"),
            secrets
        ),
        Err(SignatureError::Malformed { .. })
    ));
    // A hash that is not hex; a missing header.
    assert!(matches!(
        national::verify(&set("XroadVnpt-hash-header", "zz"), secrets),
        Err(SignatureError::Malformed { .. })
    ));
    let missing: Vec<_> = request
        .headers
        .iter()
        .filter(|(n, _)| n != "XroadVnpt-hash-header")
        .cloned()
        .collect();
    assert_eq!(
        national::verify(&missing, secrets),
        Err(SignatureError::Missing("XroadVnpt-hash-header".to_owned()))
    );
    // What the local axis answers for a bad signature.
    assert_eq!(
        AxisError::Signature(SignatureError::Mismatch).code(),
        ErrorCode::WrongCredentials
    );
}

#[test]
fn received_list() {
    let request = axis()
        .get_received_edoc_list(at(), MessageType::Edoc, None, None)
        .unwrap();
    assert!(request.url.ends_with("/getReceivedEdocList"));
    assert_eq!(
        request.header_value("XroadVnpt-sign-header-key"),
        Some("systemid;timestamp;servicetype;messagetype")
    );
    assert_eq!(
        request.header_value("Content-Type"),
        Some("application/json")
    );
    let answer = Response::json(
        200,
        r#"{"status":"OK","ErrorCode":"0","ErrorDesc":"","data":[
            {"docId":"a1","serviceType":"eDoc","messageType":"edoc","created_time":"2025-06-02 08:00:00",
             "updated_time":"2025-06-02 08:01:00","from":"000.00.15.H47","to":["000.01.15.H47"],
             "status":"initial","status_desc":"Mới"},
            {"docId":"a2","messageType":"status","status":"done"}]}"#,
    );
    let items = national::parse_received_list(&answer).unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].doc_id, "a1");
    assert_eq!(items[0].message_type, Some(MessageType::Edoc));
    assert_eq!(items[0].to.as_deref(), Some(r#"["000.01.15.H47"]"#));
    assert_eq!(items[0].status, Some(TransportState::Initial));
    assert_eq!(items[0].created.as_deref(), Some("2025-06-02 08:00:00"));
    assert_eq!(items[1].status, Some(TransportState::Done));
    let no_id = Response::json(
        200,
        r#"{"status":"OK","ErrorCode":"0","data":[{"from":"x"}]}"#,
    );
    assert!(matches!(
        national::parse_received_list(&no_id),
        Err(AxisError::Malformed(_))
    ));
}

#[test]
fn sent_list() {
    let request = axis()
        .get_sent_edoc_list(at(), MessageType::Edoc, None, None)
        .unwrap();
    assert!(request.url.ends_with("/getSentEdocList"));
    let answer = Response::json(
        200,
        r#"{"status":"OK","ErrorCode":"0","data":[{"senderDocId":"s1","receiverDocId":"r1",
            "fromCode":"000.00.15.H47","toCode":"000.01.15.H47","title":"Về việc tổ chức",
            "notation":"182/QĐ-LĐTBXH","sentTime":"02/06/2025","sendStatus":"done","receiveStatus":"initial",
            "serviceType":"eDoc","messageType":"edoc"}]}"#,
    );
    let items = national::parse_sent_list(&answer).unwrap();
    assert_eq!(items[0].receiver_doc_id.as_deref(), Some("r1"));
    assert_eq!(items[0].notation.as_deref(), Some("182/QĐ-LĐTBXH"));
}

#[test]
fn get_edoc_decodes_the_package() {
    let request = axis().get_edoc(at(), "a1").unwrap();
    assert!(request.url.ends_with("/getEdoc"));
    assert_eq!(request.header_value("XroadVnpt-docId"), Some("a1"));
    // Base64 with line breaks, as some writers wrap it.
    let answer = Response::json(
        200,
        r#"{"status":"OK","ErrorCode":"0","data":"PGVkWE1MPlbEg24g\r\nYuG6o248L2VkWE1MPg=="}"#,
    );
    assert_eq!(
        national::parse_edoc(&answer).unwrap(),
        "<edXML>Văn bản</edXML>".as_bytes()
    );
    let bad = Response::json(200, r#"{"status":"OK","ErrorCode":"0","data":"@@@"}"#);
    assert!(matches!(
        national::parse_edoc(&bad),
        Err(AxisError::Malformed(_))
    ));
    let none = Response::json(200, r#"{"status":"OK","ErrorCode":"0"}"#);
    assert!(matches!(
        national::parse_edoc(&none),
        Err(AxisError::Malformed(_))
    ));
}

#[test]
fn update_status() {
    let request = axis()
        .update_status(at(), "a1", &TransportState::Done)
        .unwrap();
    assert!(request.url.ends_with("/updateStatus"));
    assert_eq!(request.header_value("XroadVnpt-docid"), Some("a1"));
    assert_eq!(request.header_value("XroadVnpt-status"), Some("done"));
    assert!(
        axis()
            .update_status(at(), "a1", &TransportState::Initial)
            .is_err()
    );
    national::parse_status(&Response::json(
        200,
        r#"{"status":"OK","ErrorCode":"0","ErrorDesc":""}"#,
    ))
    .unwrap();
    let refused = Response::json(
        200,
        r#"{"status":"FAIL","ErrorCode":"15","ErrorDesc":"Sai"}"#,
    );
    let e = national::parse_status(&refused).unwrap_err();
    assert_eq!(e.code(), ErrorCode::WrongCredentials);
    assert!(!e.retriable());
}

#[test]
fn agencies() {
    let request = axis().get_agencies_list(at()).unwrap();
    assert!(request.url.ends_with("/getAgenciesList"));
    assert_eq!(
        request.header_value("XroadVnpt-sign-header-key"),
        Some("systemid;timestamp")
    );
    let answer = Response::json(
        200,
        r#"{"status":"OK","ErrorCode":"0","data":[{"id":12,"pid":1,"code":"000.00.15.H47",
            "name":"Sở Lao động – Thương binh và Xã hội","mail":"sldtbxh@quangnam.gov.vn"}]}"#,
    );
    let agencies = national::parse_agencies(&answer).unwrap();
    assert_eq!(agencies[0].id.as_deref(), Some("12"));
    assert_eq!(agencies[0].code, "000.00.15.H47");

    let agency = Agency::new("000.01.15.H47", "Sở Nội vụ", "snv@quangnam.gov.vn");
    let request = axis().register_agency(at(), &agency).unwrap();
    assert!(request.url.ends_with("/registerAgency"));
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body["code"], "000.01.15.H47");
    assert_eq!(body["mail"], "snv@quangnam.gov.vn");
    for mail in ["", "snv", "snv@", "@x.vn", "a b@x.vn", "a@x"] {
        let bad = Agency::new("000.01.15.H47", "Sở Nội vụ", mail);
        assert!(axis().register_agency(at(), &bad).is_err(), "{mail:?}");
    }
    assert!(
        axis()
            .register_agency(at(), &Agency::new("", "x", "a@b.vn"))
            .is_err()
    );

    let request = axis().delete_agency(at(), "000.01.15.H47").unwrap();
    assert!(request.url.ends_with("/deleteAgency"));
    assert_eq!(
        request.header_value("XroadVnpt-code"),
        Some("000.01.15.H47")
    );
    national::verify(&request.headers, secrets).unwrap();
}

#[test]
fn http_errors_without_an_envelope() {
    let e = national::parse_status(&Response::new(503, Vec::new(), b"busy".to_vec())).unwrap_err();
    assert!(matches!(e, AxisError::Http { status: 503, .. }));
    assert!(e.retriable());
    let e = national::parse_status(&Response::json(200, "<html>")).unwrap_err();
    assert!(matches!(e, AxisError::Malformed(_)));
    let e = national::parse_status(&Response::json(500, r#"{"status":"OK","ErrorCode":"0"}"#))
        .unwrap_err();
    assert!(matches!(e, AxisError::Http { status: 500, .. }));
}

#[test]
fn headers_cannot_be_split() {
    let e = axis().get_edoc(at(), "a1\r\nX-Evil: 1").unwrap_err();
    assert!(matches!(e, AxisError::InvalidArgument(_)));
}

#[test]
fn the_envelope_the_local_axis_writes() {
    let e = national::Envelope::error(&ErrorCode::NotConforming, None);
    let text = String::from_utf8(e.to_json()).unwrap();
    assert!(text.contains(r#""ErrorCode":"22""#), "{text}");
    let back = national::parse_status(&Response::json(200, text)).unwrap_err();
    assert_eq!(back.code(), ErrorCode::NotConforming);
    let sent = national::Envelope::sent("m1");
    assert_eq!(
        national::parse_send(&Response::json(200, sent.to_json())).unwrap(),
        "m1"
    );
}

#[test]
fn every_error_code_has_its_meaning_in_both_languages_and_a_source() {
    let english = ["the ", " is ", " not ", "error", "file", "system", "agency"];
    for code in ErrorCode::ALL {
        assert_eq!(ErrorCode::parse(code.as_str()), Some(code.clone()));
        assert!(!code.message().is_empty());
        let vi = code.message_vi();
        assert!(!vi.is_ascii(), "{vi}");
        assert!(english.iter().all(|w| !vi.contains(w)), "{vi}");
        assert!(code.source().contains("Lạng Sơn"));
    }
    assert_eq!(ErrorCode::parse("0"), None);
    assert_eq!(
        ErrorCode::parse(" 99 "),
        Some(ErrorCode::Other("99".to_owned()))
    );
    assert!(ErrorCode::AxisSystemError.retriable());
    assert!(!ErrorCode::NotConforming.retriable());
    let json = serde_json::to_string(&ErrorCode::ReceiverLocked).unwrap();
    assert_eq!(json, r#""23""#);
}

#[test]
fn an_upload_from_another_client() {
    // A client that quotes the boundary, writes a preamble and a text part
    // before the file, and lowercases the header names.
    let package = b"<edXML>--not-the-boundary</edXML>";
    let hash = vanthu_axis::sha256_hex(package);
    let fields = [
        ("from", "000.00.00.G22"),
        ("servicetype", "eDoc"),
        ("messagetype", "status"),
        ("hash-file", hash.as_str()),
    ];
    let mut headers =
        national::sign("000.00.15.H47", SECRET, "02062025T083005+0007", &fields).unwrap();
    headers.push((
        "content-type".to_owned(),
        "multipart/form-data; charset=utf-8; boundary=\"--XyZ\"".to_owned(),
    ));
    let mut body =
        b"preamble\r\n----XyZ\r\ncontent-disposition: form-data; name=\"note\"\r\n\r\nx\r\n"
            .to_vec();
    body.extend_from_slice(
        b"----XyZ\r\ncontent-disposition: form-data; name=\"file_doc\"; filename=\"a.edxml\"\r\n\r\n",
    );
    body.extend_from_slice(package);
    body.extend_from_slice(b"\r\n----XyZ--\r\n");
    let request =
        vanthu_axis::Request::from_parts(Method::Post, "http://a/sendEdoc", headers, body);
    let verified = national::verify(&request.headers, secrets).unwrap();
    let upload = national::read_upload(&request, &verified).unwrap();
    assert_eq!(upload.package, package);
    assert!(upload.to.is_empty());
    assert_eq!(upload.message_type, MessageType::Status);
}

#[test]
fn a_call_at_any_offset_is_stamped_in_vietnam_time() {
    let now = chrono::DateTime::parse_from_rfc3339("2025-06-02T01:00:00.250Z").unwrap();
    let ctx = vanthu_axis::CallContext::at_time(now, "n");
    let op = vanthu_axis::Operation::GetEdoc {
        doc_id: "a1".to_owned(),
    };
    let request = vanthu_axis::Axis::National(axis())
        .request(&op, &ctx)
        .unwrap();
    assert_eq!(
        request.header_value("XroadVnpt-timestamp"),
        Some("02062025T080000+0250")
    );
}

#[test]
fn every_error_has_its_vietnamese() {
    let errors = [
        AxisError::Rejected {
            code: ErrorCode::ReceiverLocked,
            description: "x".to_owned(),
        },
        AxisError::Http {
            status: 0,
            excerpt: String::new(),
        },
        AxisError::Http {
            status: 503,
            excerpt: String::new(),
        },
        AxisError::Malformed("x".to_owned()),
        AxisError::InvalidArgument("x".to_owned()),
        AxisError::Unsupported {
            operation: "login",
            profile: "national",
        },
        AxisError::Signature(SignatureError::Missing("XroadVnpt-hash-header".to_owned())),
        AxisError::Signature(SignatureError::Malformed {
            header: "h".to_owned(),
            reason: "r".to_owned(),
        }),
        AxisError::Signature(SignatureError::UnknownSystem("S".to_owned())),
        AxisError::Signature(SignatureError::Mismatch),
        AxisError::Signature(SignatureError::Unsigned("h".to_owned())),
        AxisError::Signature(SignatureError::Differs("h".to_owned())),
        AxisError::Signature(SignatureError::Stale("t".to_owned())),
    ];
    for e in errors {
        let vi = e.message_vi();
        assert!(!vi.is_ascii(), "{e}: {vi}");
        assert!(!e.to_string().is_empty());
    }
    let e = AxisError::Rejected {
        code: ErrorCode::ReceiverLocked,
        description: String::new(),
    };
    assert_eq!(
        e.message_vi(),
        "trục từ chối, mã lỗi 23: đơn vị nhận đang bị khóa"
    );
}
