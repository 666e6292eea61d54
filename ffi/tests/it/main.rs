//! The C ABI called as C calls it: every function, its JSON against the
//! facade's, the error paths (NULL, invalid UTF-8, bad options JSON), the
//! office handle shared between threads.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::undocumented_unsafe_blocks,
    unsafe_code
)]

use std::ffi::{CStr, CString, c_char};
use std::path::{Path, PathBuf};
use std::ptr::null_mut;

use serde_json::Value;
use vanthu::api;
use vanthu_ffi::*;

/// What a call returned: its status and its JSON (result or error), both
/// strings freed.
struct Out {
    status: i32,
    json: Option<Value>,
    error: Option<Value>,
}

fn take(p: *mut c_char) -> Option<Value> {
    if p.is_null() {
        return None;
    }
    let text = unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned();
    unsafe { vanthu_free(p) };
    Some(serde_json::from_str(&text).unwrap())
}

fn run(f: impl FnOnce(*mut *mut c_char, *mut *mut c_char) -> i32) -> Out {
    let (mut json, mut error) = (null_mut(), null_mut());
    let status = f(&mut json, &mut error);
    let out = Out {
        status,
        json: take(json),
        error: take(error),
    };
    assert_eq!(out.status == 0, out.json.is_some(), "status {}", out.status);
    assert_eq!(out.status != 0, out.error.is_some());
    if let Some(e) = &out.error {
        assert_eq!(e["code"], out.status);
        assert!(!e["message_vi"].as_str().unwrap().is_empty());
    }
    out
}

fn ok(out: Out) -> Value {
    assert_eq!(out.status, 0, "{:?}", out.error);
    out.json.unwrap()
}

fn value(v: impl serde::Serialize) -> Value {
    serde_json::to_value(v).unwrap()
}

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn cp(p: &Path) -> CString {
    c(p.to_str().unwrap())
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

#[test]
fn small_functions_match_the_facade() {
    assert_eq!(
        ok(run(|j, e| unsafe { vanthu_version(j, e) })),
        api::version()
    );
    assert_eq!(
        ok(run(|j, e| unsafe { vanthu_rules(j, e) })),
        value(api::rules())
    );
    let id = c("000.00.15.H47");
    assert_eq!(
        ok(run(|j, e| unsafe { vanthu_identify(id.as_ptr(), j, e) })),
        value(api::identify("000.00.15.H47"))
    );
    let date = c("2025-01-29");
    assert_eq!(
        ok(run(|j, e| unsafe { vanthu_lunar(date.as_ptr(), j, e) })),
        value(api::lunar("2025-01-29").unwrap())
    );
    let lunar = c("1/6/2025");
    assert_eq!(
        ok(run(|j, e| unsafe {
            vanthu_lunar_to_solar(lunar.as_ptr(), true, j, e)
        })),
        value(api::lunar_to_solar("1/6/2025", true).unwrap())
    );
    let absent = run(|j, e| unsafe { vanthu_lunar_to_solar(lunar.as_ptr(), false, j, e) });
    assert_eq!(absent.status, 0);
    let absent = c("30/1/2025");
    assert_eq!(
        run(|j, e| unsafe { vanthu_lunar_to_solar(absent.as_ptr(), true, j, e) }).status,
        7
    );
    assert_eq!(
        ok(run(|j, e| unsafe { vanthu_calendar(2025, j, e) })),
        value(api::calendar(2025).unwrap())
    );
    assert_eq!(run(|j, e| unsafe { vanthu_calendar(3000, j, e) }).status, 1);
    let start = c("2025-06-06T16:00");
    let opts = c(r#"{"rule": "issue", "next_day": "morning"}"#);
    let mut args = api::DueArgs::default();
    args.rule = Some(api::DueRule::Issue);
    args.next_day = api::NextDay::Morning;
    assert_eq!(
        ok(run(|j, e| unsafe {
            vanthu_due(start.as_ptr(), opts.as_ptr(), j, e)
        })),
        value(api::due("2025-06-06T16:00", &args).unwrap())
    );
    let tcvn3 = b"C\xe9ng ho\xb5";
    let fixed = ok(run(|j, e| unsafe {
        vanthu_text_fix(tcvn3.as_ptr(), tcvn3.len(), std::ptr::null(), j, e)
    }));
    assert_eq!(fixed["text"], "Cộng hoà");
    let empty = ok(run(|j, e| unsafe {
        vanthu_text_fix(std::ptr::null(), 0, std::ptr::null(), j, e)
    }));
    assert_eq!(empty["text"], "");
}

#[test]
fn error_paths() {
    // NULL where a string is required; invalid UTF-8; bad options JSON.
    let out = run(|j, e| unsafe { vanthu_identify(std::ptr::null(), j, e) });
    assert_eq!(out.status, 1);
    assert_eq!(out.error.unwrap()["kind"], "invalid_argument");
    let latin1 = CString::new(vec![b'H', 0xe0, b'a']).unwrap();
    assert_eq!(
        run(|j, e| unsafe { vanthu_lunar(latin1.as_ptr(), j, e) }).status,
        1
    );
    let start = c("2025-06-06");
    for options in [r#"{"working_day": 3}"#, "not json", "{}"] {
        let options = c(options);
        let out = run(|j, e| unsafe { vanthu_due(start.as_ptr(), options.as_ptr(), j, e) });
        assert_eq!(out.status, 1);
    }
    assert_eq!(
        run(|j, e| unsafe { vanthu_text_fix(std::ptr::null(), 3, std::ptr::null(), j, e) }).status,
        1
    );
    // NULL out-parameters: nothing written, 1 returned.
    let mut json = null_mut();
    assert_eq!(unsafe { vanthu_version(&mut json, null_mut()) }, 1);
    assert!(json.is_null());
    assert_eq!(unsafe { vanthu_version(null_mut(), null_mut()) }, 1);
    // Freeing NULL does nothing.
    unsafe { vanthu_free(null_mut()) };
    unsafe { vanthu_office_free(null_mut()) };
    // Files.
    let missing = c("/nonexistent/vanthu/x.edxml");
    let out = run(|j, e| unsafe { vanthu_inspect(missing.as_ptr(), j, e) });
    assert_eq!(
        (out.status, &out.error.unwrap()["kind"]),
        (2, &Value::from("io"))
    );
    let dir = tempfile::tempdir().unwrap();
    let empty = cp(dir.path());
    assert_eq!(
        run(|j, e| unsafe { vanthu_check(empty.as_ptr(), std::ptr::null(), j, e) }).status,
        6
    );
    let trust = c("\"/nonexistent/root.cer\"");
    let pdf = cp(&dir.path().join("x.pdf"));
    std::fs::write(dir.path().join("x.pdf"), b"%PDF-1.4\n").unwrap();
    let out = run(|j, e| unsafe {
        vanthu_verify_pdf(pdf.as_ptr(), trust.as_ptr(), std::ptr::null(), j, e)
    });
    assert_eq!(out.status, 5);
    let bad_trust = c("{\"path\": 1}");
    let out = run(|j, e| unsafe {
        vanthu_verify_pdf(pdf.as_ptr(), bad_trust.as_ptr(), std::ptr::null(), j, e)
    });
    assert_eq!(out.status, 1);
}

#[test]
fn documents_match_the_facade() {
    let sample = repo("edxml/tests/vectors/sample.edxml");
    let path = cp(&sample);
    let options = c(r#"{"at": "2025-06-05"}"#);
    let mut args = api::CheckArgs::default();
    args.at = Some("2025-06-05".into());
    assert_eq!(
        ok(run(|j, e| unsafe {
            vanthu_check(path.as_ptr(), options.as_ptr(), j, e)
        })),
        value(api::check(&sample, &args).unwrap())
    );
    let bytes = std::fs::read(&sample).unwrap();
    let name = c("sample.edxml");
    assert_eq!(
        ok(run(|j, e| unsafe {
            vanthu_check_bytes(
                name.as_ptr(),
                bytes.as_ptr(),
                bytes.len(),
                options.as_ptr(),
                j,
                e,
            )
        })),
        value(api::check_bytes("sample.edxml", &bytes, &args).unwrap())
    );
    let inspected = ok(run(|j, e| unsafe { vanthu_inspect(path.as_ptr(), j, e) }));
    assert_eq!(inspected, value(api::inspect(&sample).unwrap()));

    let dir = tempfile::tempdir().unwrap();
    let recipient = c(inspected["to"][0]["organ_id"].as_str().unwrap());
    let sender = c(inspected["from"]["organ_id"].as_str().unwrap());
    let status = c("03");
    let out = cp(&dir.path().join("status.edxml"));
    let options = c(r#"{"at": "2025-06-03T09:00:00+07:00"}"#);
    let written = ok(run(|j, e| unsafe {
        vanthu_reply(
            path.as_ptr(),
            status.as_ptr(),
            recipient.as_ptr(),
            out.as_ptr(),
            options.as_ptr(),
            j,
            e,
        )
    }));
    assert_eq!(written["status"]["status_code"], "03");
    let refused = run(|j, e| unsafe {
        vanthu_reply(
            path.as_ptr(),
            status.as_ptr(),
            sender.as_ptr(),
            out.as_ptr(),
            options.as_ptr(),
            j,
            e,
        )
    });
    assert_eq!(refused.status, 4);
    assert!(
        refused.error.unwrap()["rule"]
            .as_str()
            .unwrap()
            .starts_with("WF-")
    );

    let normalized = dir.path().join("n.edxml");
    let normalized_c = cp(&normalized);
    let written = ok(run(|j, e| unsafe {
        vanthu_normalize(path.as_ptr(), normalized_c.as_ptr(), j, e)
    }));
    assert_eq!(
        written["size"],
        std::fs::metadata(&normalized).unwrap().len()
    );

    let extracted = cp(&dir.path().join("x"));
    let listed = ok(run(|j, e| unsafe {
        vanthu_extract(path.as_ptr(), extracted.as_ptr(), std::ptr::null(), j, e)
    }));
    assert_eq!(listed.as_array().unwrap().len(), 1);

    let log = repo("workflow/tests/vectors/replay/violations.json");
    let log_c = cp(&log);
    assert_eq!(
        ok(run(|j, e| unsafe {
            vanthu_replay(log_c.as_ptr(), std::ptr::null(), j, e)
        })),
        value(api::replay(&log, &api::ReplayArgs::default()).unwrap())
    );

    let spec = cp(&repo("archive/tests/vectors/sip-hoso/spec.json"));
    let zip = dir.path().join("sip.zip");
    let zip_c = cp(&zip);
    let packed = ok(run(|j, e| unsafe {
        vanthu_archive_pack(spec.as_ptr(), zip_c.as_ptr(), std::ptr::null(), j, e)
    }));
    assert_eq!(packed["size"], std::fs::metadata(&zip).unwrap().len());
    let checked = ok(run(|j, e| unsafe {
        vanthu_archive_check(zip_c.as_ptr(), std::ptr::null(), j, e)
    }));
    assert_eq!(checked["conformant"], true);
    let record = cp(&repo("archive/tests/vectors/record.json"));
    let at = c("2030-01-01");
    assert_eq!(
        ok(run(|j, e| unsafe {
            vanthu_retention(record.as_ptr(), at.as_ptr(), 0, j, e)
        })),
        value(
            api::retention(
                &repo("archive/tests/vectors/record.json"),
                "2030-01-01",
                None
            )
            .unwrap()
        )
    );
    assert_eq!(
        run(|j, e| unsafe { vanthu_retention(record.as_ptr(), at.as_ptr(), 1999, j, e) }).status,
        1
    );
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "Hòa").unwrap();
    let text_c = cp(&text);
    assert_eq!(
        ok(run(|j, e| unsafe {
            vanthu_text_check(text_c.as_ptr(), j, e)
        })),
        value(api::text_check(&text).unwrap())
    );
}

#[test]
fn signing_errors_cross_the_boundary_as_codes() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("doc.pdf");
    std::fs::write(&pdf, vanthu::signature::testpki::sample_pdf(1, 0)).unwrap();
    let pdf_c = cp(&pdf);
    let not_a_cert = cp(&repo("edxml/tests/vectors/sample.edxml"));
    let out = run(|j, e| unsafe {
        vanthu_sign_prepare(pdf_c.as_ptr(), not_a_cert.as_ptr(), std::ptr::null(), j, e)
    });
    assert_eq!(out.status, 3);
    let prepared = c("{\"pdf\": 1}");
    let output = cp(&dir.path().join("o.pdf"));
    let out = run(|j, e| unsafe {
        vanthu_sign_finish(
            prepared.as_ptr(),
            std::ptr::null(),
            0,
            output.as_ptr(),
            j,
            e,
        )
    });
    assert_eq!(out.status, 1);
}

#[test]
fn office_handle_shared_between_threads() {
    let log = repo("workflow/tests/vectors/replay/office.json");
    let json: Value = serde_json::from_slice(&std::fs::read(&log).unwrap()).unwrap();
    let agency = c(json["agency"].as_str().unwrap());
    let (mut office, mut error) = (null_mut(), null_mut());
    assert_eq!(
        unsafe { vanthu_office_new(agency.as_ptr(), std::ptr::null(), &mut office, &mut error) },
        0
    );
    assert!(!office.is_null() && error.is_null());
    // Apply the log event by event, while other threads read snapshots.
    struct Handle(*mut VanthuOffice);
    // SAFETY: the handle is documented thread-safe (a lock inside).
    unsafe impl Send for Handle {}
    unsafe impl Sync for Handle {}
    let handle = Handle(office);
    std::thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| {
                for _ in 0..20 {
                    let h = &handle;
                    ok(run(|j, e| unsafe { vanthu_office_snapshot(h.0, j, e) }));
                }
            });
        }
        s.spawn(|| {
            for event in json["events"].as_array().unwrap() {
                let event = c(&event.to_string());
                let h = &handle;
                ok(run(|j, e| unsafe {
                    vanthu_office_apply(h.0, event.as_ptr(), j, e)
                }));
            }
        });
    });
    let report = api::replay(&log, &api::ReplayArgs::default()).unwrap();
    assert_eq!(
        ok(run(|j, e| unsafe { vanthu_office_snapshot(office, j, e) })),
        value(&report.state)
    );
    let refused =
        c(r#"{"at": "2025-03-03T07:00:00+07:00", "type": "actor_disabled", "actor": "nobody"}"#);
    let out = run(|j, e| unsafe { vanthu_office_apply(office, refused.as_ptr(), j, e) });
    assert_eq!(out.status, 4);
    assert_eq!(
        run(|j, e| unsafe { vanthu_office_apply(std::ptr::null(), refused.as_ptr(), j, e) }).status,
        1
    );
    unsafe { vanthu_office_free(office) };

    let bad = c("not an agency");
    let (mut office, mut error) = (null_mut(), null_mut());
    assert_eq!(
        unsafe { vanthu_office_new(bad.as_ptr(), std::ptr::null(), &mut office, &mut error) },
        1
    );
    assert!(office.is_null());
    assert_eq!(take(error).unwrap()["kind"], "invalid_argument");
}

#[test]
fn model_and_write_round_trip_through_the_abi() {
    let sample = repo("edxml/tests/vectors/sample.edxml");
    let path = cp(&sample);
    let model = ok(run(|j, e| unsafe { vanthu_model(path.as_ptr(), j, e) }));
    assert_eq!(model, value(api::model(&sample).unwrap()));
    let dir = tempfile::tempdir().unwrap();
    let extracted = cp(&dir.path().join("x"));
    let listed = ok(run(|j, e| unsafe {
        vanthu_extract(path.as_ptr(), extracted.as_ptr(), std::ptr::null(), j, e)
    }));
    let files: Vec<Value> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].clone())
        .collect();
    let files = c(&Value::Array(files).to_string());
    let model_c = c(&model.to_string());
    let output = dir.path().join("w.edxml");
    let output_c = cp(&output);
    let written = ok(run(|j, e| unsafe {
        vanthu_write(model_c.as_ptr(), files.as_ptr(), output_c.as_ptr(), j, e)
    }));
    let normalized = api::normalize(&sample, &dir.path().join("n.edxml")).unwrap();
    assert_eq!(written["sha256"], normalized.sha256);
    assert_eq!(written["kind"], "document");
    assert_eq!(written["document_id"], model["header"]["document_id"]);

    // Not JSON: 1 with the line and column; too few files: 1; a file
    // missing: 2; nothing is written.
    let broken = c("{\"kind\": \"document\",\n \"header\": [}");
    let out = run(|j, e| unsafe {
        vanthu_write(broken.as_ptr(), std::ptr::null(), output_c.as_ptr(), j, e)
    });
    assert_eq!(out.status, 1);
    assert_eq!(out.error.unwrap()["location"]["line"], 2);
    let out = run(|j, e| unsafe {
        vanthu_write(model_c.as_ptr(), std::ptr::null(), output_c.as_ptr(), j, e)
    });
    assert_eq!(out.status, 1);
    let missing = c(r#"["/nonexistent/vanthu.pdf"]"#);
    let elsewhere = cp(&dir.path().join("none.edxml"));
    let out = run(|j, e| unsafe {
        vanthu_write(model_c.as_ptr(), missing.as_ptr(), elsewhere.as_ptr(), j, e)
    });
    assert_eq!(out.status, 2);
    assert!(!dir.path().join("none.edxml").exists());
    let not_paths = c("{}");
    let out = run(|j, e| unsafe {
        vanthu_write(
            model_c.as_ptr(),
            not_paths.as_ptr(),
            elsewhere.as_ptr(),
            j,
            e,
        )
    });
    assert_eq!(out.status, 1);
    let out = run(|j, e| unsafe {
        vanthu_write(std::ptr::null(), files.as_ptr(), elsewhere.as_ptr(), j, e)
    });
    assert_eq!(out.status, 1);
}
