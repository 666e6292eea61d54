//! The provincial profiles: their requests, their documented answers and
//! errors, and the one dispatch over every profile.

use chrono::NaiveDate;
use vanthu_axis::langson::{self, LangSon, Token};
use vanthu_axis::quangnam::{self, QuangNam, Unit};
use vanthu_axis::{
    Axis, AxisError, CallContext, ErrorCode, MessageType, Method, Operation, Outcome, Response,
    TransportState,
};

fn ls() -> LangSon {
    LangSon::new(
        "https://lgsp.example.vn/",
        "H37.DN.001",
        "sk",
        "vanthu",
        "pw",
        "QLVB",
    )
}

fn qn() -> QuangNam {
    QuangNam::new(
        "https://gw.example.vn",
        "ck",
        "cs",
        "000.00.15.H47",
        "unit-secret",
    )
}

#[test]
fn lang_son_login_and_calls() {
    let login = ls().login().unwrap();
    assert_eq!(login.method, Method::Post);
    assert_eq!(
        login.url,
        "https://lgsp.example.vn/v1/auth/login?allow_anonymous=true"
    );
    let body: serde_json::Value = serde_json::from_slice(&login.body).unwrap();
    assert_eq!(body["username"], "vanthu");
    assert_eq!(body["password"], "pw");
    assert_eq!(body["applicationCode"], "QLVB");
    // The password never shows in a debug print.
    assert!(!format!("{:?}", ls()).contains("\"pw\""));

    let token = langson::parse_login(&Response::json(
        200,
        r#"{"code":200,"message":"OK","data":{"token":"eyJhbGciOi","expiresIn":1800}}"#,
    ))
    .unwrap();
    assert_eq!(token.token.expose(), "eyJhbGciOi");
    assert_eq!(token.expires_in, Some(1800));

    let list = ls()
        .sync_received_edoc_list(
            &token,
            MessageType::Edoc,
            Some("2025/06/01"),
            Some("2025/06/02"),
        )
        .unwrap();
    assert_eq!(list.method, Method::Get);
    assert_eq!(
        list.url,
        "https://lgsp.example.vn/v1/syncReceivedEdocList?messageType=edoc&fromDate=2025%2F06%2F01&toDate=2025%2F06%2F02"
    );
    assert_eq!(
        list.header_value("Authorization"),
        Some("Bearer eyJhbGciOi")
    );
    assert_eq!(list.header_value("X-SystemId"), Some("H37.DN.001"));
    assert_eq!(list.header_value("X-SecretKey"), Some("sk"));

    let send = ls()
        .send_edoc(
            &token,
            MessageType::Edoc,
            b"<edXML/>",
            "qd-182.edxml",
            "nonce42",
        )
        .unwrap();
    assert!(send.url.ends_with("/v1/sendEdoc"));
    let body = String::from_utf8(send.body).unwrap();
    assert!(
        body.contains(
            "name=\"edocFile\"; filename=\"qd-182.edxml\"\r\nContent-Type: application/xml"
        )
    );
    assert!(body.contains("name=\"messageType\"\r\n\r\nedoc\r\n"));

    let get = ls().get_edoc(&token, "7f3a b").unwrap();
    assert!(get.url.ends_with("/v1/getEdoc?docId=7f3a%20b"));
    let update = ls()
        .update_status(&token, "7f3a", &TransportState::Done)
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&update.body).unwrap(),
        serde_json::json!({"docId": "7f3a", "status": "done"})
    );
    let agencies = ls().get_agencies_list(&token, 2, 50).unwrap();
    assert!(agencies.url.ends_with("/v1/getAgenciesList?page=2&size=50"));
}

#[test]
fn lang_son_answers() {
    let sent = Response::json(
        200,
        r#"{"code":200,"message":"Thành công","data":{"status":"OK","docId":"d-1","errorCode":"0","errorDesc":"","filePath":"/x"}}"#,
    );
    assert_eq!(langson::parse_send(&sent).unwrap(), "d-1");
    let list = Response::json(
        200,
        r#"{"success":true,"count":1,"data":[{"serviceType":"eDoc","createdTime":"2025/06/02 08:00:00",
            "updatedTime":"2025/06/02 08:00:00","messageType":"edoc","docId":"d-2","from":"000.00.15.H47",
            "to":"H37.DN.001","status":"initial","statusDesc":"Mới"}]}"#,
    );
    let items = langson::parse_received_list(&list).unwrap();
    assert_eq!(items[0].doc_id, "d-2");
    assert_eq!(items[0].status_desc.as_deref(), Some("Mới"));
    assert_eq!(items[0].created.as_deref(), Some("2025/06/02 08:00:00"));

    // The package as XML text, and as Base64.
    for edxml in [
        "<edXML>Văn bản</edXML>",
        "PGVkWE1MPlbEg24gYuG6o248L2VkWE1MPg==",
    ] {
        let answer = Response::json(
            200,
            serde_json::json!({"success": true, "data": {"docId": "d-2", "from": "000.00.15.H47",
                "fromName": "Sở Lao động", "edocCode": "182/QĐ-LĐTBXH", "edocAbstract": "Về việc",
                "edxml": edxml, "attachments": [{"fileName": "qd.pdf", "fileContent": ""}]}})
            .to_string(),
        );
        let edoc = langson::parse_edoc(&answer).unwrap();
        assert_eq!(edoc.package, "<edXML>Văn bản</edXML>".as_bytes());
        assert_eq!(edoc.attachments, ["qd.pdf"]);
        assert_eq!(edoc.edoc_code.as_deref(), Some("182/QĐ-LĐTBXH"));
    }

    let page = Response::json(
        200,
        r#"{"success":true,"data":{"currentPage":1,"totalPages":3,"pageSize":1,"numberOfRecords":1,
            "totalRecords":3,"content":[{"id":5,"code":"000.00.37.H37","oldCode":"H37","name":"UBND tỉnh Lạng Sơn",
            "centerCode":"LS","parentId":null,"level":1,"type":"INTERNAL","typeInternal":2}]}}"#,
    );
    let page = langson::parse_agencies(&page).unwrap();
    assert_eq!(
        (page.current_page, page.total_pages, page.total_records),
        (Some(1), Some(3), Some(3))
    );
    assert_eq!(page.content[0].kind.as_deref(), Some("INTERNAL"));
    assert_eq!(page.content[0].level.as_deref(), Some("1"));
    let agency: vanthu_axis::Agency = page.content[0].clone().into();
    assert_eq!(agency.code, "000.00.37.H37");
}

#[test]
fn lang_son_errors() {
    // Every documented code, in `data.errorCode`.
    for (number, code) in [
        ("10", ErrorCode::InvalidFile),
        ("15", ErrorCode::WrongCredentials),
        ("18", ErrorCode::ReceiverUnknown),
        ("19", ErrorCode::SenderNotRegistered),
        ("20", ErrorCode::AxisSystemError),
        ("21", ErrorCode::FileProcessing),
        ("22", ErrorCode::NotConforming),
        ("23", ErrorCode::ReceiverLocked),
    ] {
        let answer = Response::json(
            200,
            format!(
                r#"{{"code":200,"data":{{"status":"FAIL","errorCode":"{number}","errorDesc":"(1, 40)"}}}}"#
            ),
        );
        match langson::parse_send(&answer) {
            Err(AxisError::Rejected {
                code: got,
                description,
            }) => {
                assert_eq!(got, code);
                assert_eq!(description, "(1, 40)");
            }
            other => panic!("{number}: {other:?}"),
        }
    }
    // The failure form with errorDetail.
    let failed = Response::json(
        200,
        r#"{"code":500,"message":"Lỗi","errorDetail":["File không đúng định dạng"]}"#,
    );
    match langson::parse_send(&failed) {
        Err(AxisError::Http { status, excerpt }) => {
            assert_eq!(status, 500);
            assert_eq!(excerpt, "File không đúng định dạng");
        }
        other => panic!("{other:?}"),
    }
    let no_token = Response::json(200, r#"{"code":200,"data":{}}"#);
    assert!(matches!(
        langson::parse_login(&no_token),
        Err(AxisError::Malformed(_))
    ));
    let unauthorised = Response::new(401, Vec::new(), b"Unauthorized".to_vec());
    let expired = langson::parse_received_list(&unauthorised).unwrap_err();
    assert!(matches!(expired, AxisError::Http { status: 401, .. }));
    // An expired token: the caller logs in again, and the loop retries.
    assert!(expired.retriable());
}

#[test]
fn quang_nam_token_and_calls() {
    let request = qn().token().unwrap();
    assert_eq!(request.url, "https://gw.example.vn/token");
    assert_eq!(request.body, b"grant_type=client_credentials");
    assert_eq!(
        request.header_value("Authorization"),
        Some("Basic Y2s6Y3M=")
    );
    assert_eq!(
        request.header_value("Content-Type"),
        Some("application/x-www-form-urlencoded")
    );
    let token = quangnam::parse_token(&Response::json(
        200,
        r#"{"access_token":"qn-token","scope":"default","token_type":"Bearer","expires_in":3600}"#,
    ))
    .unwrap();
    let base = "https://gw.example.vn/truclienthong/v1.0.0";
    let list = qn().list(&token).unwrap();
    assert_eq!(
        (list.method, list.url.as_str()),
        (Method::Get, format!("{base}/vanbans").as_str())
    );
    assert_eq!(list.header_value("Authorization"), Some("Bearer qn-token"));
    assert_eq!(list.header_value("secret"), Some("unit-secret"));
    assert_eq!(
        qn().get(&token, "d 1").unwrap().url,
        format!("{base}/vanbans/d%201")
    );
    let send = qn().send(&token, MessageType::Edoc, b"<edXML/>").unwrap();
    assert_eq!(send.method, Method::Post);
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&send.body).unwrap(),
        serde_json::json!({"type": "edoc", "content": "PGVkWE1MLz4="})
    );
    let put = qn()
        .update_status(&token, "d1", &TransportState::Done)
        .unwrap();
    assert_eq!(
        (put.method, put.url.as_str()),
        (Method::Put, format!("{base}/vanbans/d1").as_str())
    );
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&put.body).unwrap(),
        serde_json::json!({"status": "DONE"})
    );
    assert_eq!(
        qn().national_units(&token).unwrap().url,
        format!("{base}/donvilienthongs")
    );
    assert_eq!(
        qn().province_units(&token).unwrap().url,
        format!("{base}/donvilienthongs/qn")
    );
    let unit = Unit::new("000.01.15.H47", "Sở Nội vụ");
    let register = qn().register_unit(&token, &unit).unwrap();
    assert_eq!(register.method, Method::Post);
    assert!(qn().register_unit(&token, &Unit::default()).is_err());
    let unregister = qn().unregister_unit(&token, "000.01.15.H47").unwrap();
    assert_eq!(unregister.method, Method::Put);
}

#[test]
fn quang_nam_answers() {
    let list = Response::json(
        200,
        r#"{"status":"OK","errorCode":"0","errorDesc":"","data":[{"serviceType":"eDoc","messageType":"edoc",
            "statusDesc":"Mới","docId":"q1","from":"000.00.00.G22","to":"000.00.15.H47","status":"INITIAL",
            "createdTime":1717290000000}]}"#,
    );
    let items = quangnam::parse_list(&list).unwrap();
    assert_eq!(items[0].status, Some(TransportState::Initial));
    assert_eq!(items[0].created.as_deref(), Some("1717290000000"));
    let get = Response::json(
        200,
        r#"{"status":"OK","errorCode":"0","data":"PGVkWE1MLz4="}"#,
    );
    assert_eq!(quangnam::parse_get(&get).unwrap(), b"<edXML/>");
    let sent = Response::json(200, r#"{"status":"OK","errorCode":"0","docId":"q2"}"#);
    assert_eq!(quangnam::parse_send(&sent).unwrap(), "q2");
    let units = Response::json(
        200,
        r#"{"status":"OK","errorCode":"0","data":[{"id":1,"code":"000.00.15.H47","name":"Sở","pid":0}]}"#,
    );
    assert_eq!(
        quangnam::parse_units(&units).unwrap()[0].pid.as_deref(),
        Some("0")
    );
    let refused = Response::json(
        200,
        r#"{"status":"FAIL","errorCode":"15","errorDesc":"secret"}"#,
    );
    assert_eq!(
        quangnam::parse_status(&refused).unwrap_err().code(),
        ErrorCode::WrongCredentials
    );
    let denied = Response::json(401, r#"{"error":"invalid_client"}"#);
    assert!(matches!(
        quangnam::parse_token(&denied),
        Err(AxisError::Http { status: 401, .. })
    ));
}

#[test]
fn one_dispatch_over_every_profile() {
    let at = NaiveDate::from_ymd_opt(2025, 6, 2)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    let configs = [
        r#"{"profile":"national","endpoint":"http://a/XrdAdapter/adapter","system_id":"000.00.15.H47","secret":"s"}"#,
        r#"{"profile":"lang-son","endpoint":"https://lgsp","system_id":"H37.DN.001","secret_key":"k",
            "username":"u","password":"p","application_code":"QLVB"}"#,
        r#"{"profile":"quang-nam","gateway":"https://gw","consumer_key":"ck","consumer_secret":"cs",
            "unit_code":"000.00.15.H47","secret":"s"}"#,
    ];
    let ops = [
        Operation::ListReceived {
            message_type: MessageType::Edoc,
        },
        Operation::GetEdoc {
            doc_id: "d1".to_owned(),
        },
        Operation::Send {
            message_type: MessageType::Status,
            from: "000.00.15.H47".to_owned(),
            to: vec!["000.00.00.G22".to_owned()],
            package: b"<edXML/>".to_vec(),
        },
        Operation::UpdateStatus {
            doc_id: "d1".to_owned(),
            state: TransportState::Done,
        },
    ];
    for text in configs {
        let axis = Axis::from_json(text).unwrap();
        let ctx = CallContext::new(at, "nonce").with_token(Token::new("t"));
        for op in &ops {
            let request = axis.request(op, &ctx).unwrap();
            assert!(!request.url.is_empty(), "{} {op:?}", axis.profile());
        }
        if axis.profile() != "national" {
            assert!(axis.login().is_some());
            let bare = CallContext::new(at, "nonce");
            assert!(matches!(
                axis.request(&ops[0], &bare),
                Err(AxisError::InvalidArgument(_))
            ));
        } else {
            assert!(axis.login().is_none());
        }
        // A failure is an outcome, never a panic.
        let outcome = axis.read(&ops[1], &Response::new(502, Vec::new(), Vec::new()));
        assert!(
            matches!(outcome, Outcome::Failed(ref e) if e.retriable()),
            "{outcome:?}"
        );
    }
    // Unknown profiles and fields are refused.
    assert!(Axis::from_json(r#"{"profile":"ha-noi","endpoint":"x"}"#).is_err());
    assert!(
        Axis::from_json(
            r#"{"profile":"national","endpoint":"x","system_id":"s","secret":"k","secrte":"typo"}"#
        )
        .is_err()
    );
    assert!(Axis::from_json(r#"{"profile":"national","endpoint":"x","system_id":"s"}"#).is_err());
}
