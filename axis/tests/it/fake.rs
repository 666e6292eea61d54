//! A small in-memory national axis for the tests: it checks the header
//! signature with `national::verify`, routes each package sent to the
//! systems serving its receivers, and answers in the axis's JSON. (The
//! local axis server of the CLI is the real one; this one only serves the
//! tests of the sans-IO layer.)

use std::collections::BTreeMap;

use vanthu_axis::national::{self, Envelope};
use vanthu_axis::{ErrorCode, Request, Response, Secret, SignatureError};

#[derive(Debug, Clone)]
pub(crate) struct Message {
    pub(crate) doc_id: String,
    pub(crate) to_system: String,
    pub(crate) message_type: String,
    pub(crate) from: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) state: String,
}

#[derive(Debug, Default)]
pub(crate) struct FakeAxis {
    /// System id → secret.
    pub(crate) systems: BTreeMap<String, String>,
    /// Agency code → the system serving it.
    pub(crate) agencies: BTreeMap<String, String>,
    pub(crate) messages: Vec<Message>,
    /// Answer this many next calls with HTTP 503.
    pub(crate) fail_next: u32,
    /// Every call, by operation.
    pub(crate) calls: Vec<String>,
}

impl FakeAxis {
    pub(crate) fn new(systems: &[(&str, &str, &str)]) -> Self {
        let mut axis = Self::default();
        for (system, secret, agency) in systems {
            axis.systems
                .insert((*system).to_owned(), (*secret).to_owned());
            axis.agencies
                .insert((*agency).to_owned(), (*system).to_owned());
        }
        axis
    }

    /// Puts a message for `system` directly (a package from outside), a
    /// status package when it has a `StatusCode`.
    pub(crate) fn inject(&mut self, system: &str, from: &str, bytes: Vec<u8>) -> String {
        let doc_id = format!("m{}", self.messages.len() + 1);
        let status = bytes.windows(11).any(|w| w == b"StatusCode>");
        self.messages.push(Message {
            doc_id: doc_id.clone(),
            to_system: system.to_owned(),
            message_type: if status { "status" } else { "edoc" }.to_owned(),
            from: from.to_owned(),
            bytes,
            state: "initial".to_owned(),
        });
        doc_id
    }

    pub(crate) fn handle(&mut self, request: &Request) -> Response {
        let operation = request
            .url
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        self.calls.push(operation.clone());
        if self.fail_next > 0 {
            self.fail_next -= 1;
            return Response::new(503, Vec::new(), b"Service Unavailable".to_vec());
        }
        let systems = self.systems.clone();
        let verified = match national::verify(&request.headers, |id| {
            systems.get(id).map(|s| Secret::new(s.clone()))
        }) {
            Ok(v) => v,
            Err(e) => return error(&vanthu_axis::AxisError::Signature(e.clone()).code(), &e),
        };
        let me = verified.system_id.clone();
        let envelope = match operation.as_str() {
            "getReceivedEdocList" => {
                let kind = verified.field("messagetype").unwrap_or("edoc").to_owned();
                let data: Vec<serde_json::Value> = self
                    .messages
                    .iter()
                    .filter(|m| m.to_system == me && m.message_type == kind)
                    .map(|m| {
                        serde_json::json!({
                            "docId": m.doc_id, "serviceType": "eDoc", "messageType": m.message_type,
                            "from": m.from, "to": m.to_system, "status": m.state,
                            "status_desc": "", "created_time": "", "updated_time": ""
                        })
                    })
                    .collect();
                Envelope::ok(Some(data.into()))
            }
            "getEdoc" => {
                let id = verified.field("docId").unwrap_or_default();
                match self
                    .messages
                    .iter_mut()
                    .find(|m| m.doc_id == id && m.to_system == me)
                {
                    Some(m) => {
                        if m.state == "initial" {
                            m.state = "processing".to_owned();
                        }
                        use base64::Engine as _;
                        let b64 = base64::engine::general_purpose::STANDARD.encode(&m.bytes);
                        Envelope::ok(Some(b64.into()))
                    }
                    None => Envelope::error(
                        &ErrorCode::Other("404".to_owned()),
                        Some("no such message"),
                    ),
                }
            }
            "updateStatus" => {
                let id = verified.field("docid").unwrap_or_default().to_owned();
                let state = verified.field("status").unwrap_or_default().to_owned();
                match self
                    .messages
                    .iter_mut()
                    .find(|m| m.doc_id == id && m.to_system == me)
                {
                    Some(m) => {
                        m.state = state;
                        Envelope::ok(None)
                    }
                    None => Envelope::error(
                        &ErrorCode::Other("404".to_owned()),
                        Some("no such message"),
                    ),
                }
            }
            "sendEdoc" => match self.send(request, &verified) {
                Ok(id) => Envelope::sent(id),
                Err(code) => Envelope::error(&code, None),
            },
            _ => Envelope::error(
                &ErrorCode::Other("404".to_owned()),
                Some("no such operation"),
            ),
        };
        Response::json(200, envelope.to_json())
    }

    fn send(
        &mut self,
        request: &Request,
        verified: &national::Verified,
    ) -> Result<String, ErrorCode> {
        let upload = national::read_upload(request, verified).map_err(|e| e.code())?;
        let mut first = None;
        for agency in &upload.to {
            let system = self
                .agencies
                .get(agency)
                .cloned()
                .ok_or(ErrorCode::ReceiverUnknown)?;
            let doc_id = format!("m{}", self.messages.len() + 1);
            first.get_or_insert(doc_id.clone());
            self.messages.push(Message {
                doc_id,
                to_system: system,
                message_type: upload.message_type.as_str().to_owned(),
                from: upload.from.clone(),
                bytes: upload.package.clone(),
                state: "initial".to_owned(),
            });
        }
        first.ok_or(ErrorCode::ReceiverUnknown)
    }
}

fn error(code: &ErrorCode, e: &SignatureError) -> Response {
    Response::json(200, Envelope::error(code, Some(&e.to_string())).to_json())
}
