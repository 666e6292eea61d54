//! Status replies that the workflow would send: `reply` refuses, with the
//! workflow's rule, what a receiving office could never send.

use chrono::{DateTime, TimeZone};
use vanthu_edxml::{DocumentPackage, Organization, StatusPackage};
use vanthu_identifiers::{BusinessType, Finding, Location, StatusCode};
use vanthu_workflow::{Policy, RecallRefusal, rules};

/// What to answer a document package with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReplyRequest {
    /// The status code.
    pub code: StatusCode,
    /// The agency id of the organisation that answers.
    pub from: String,
    /// Its name, when the package does not give it.
    pub from_name: Option<String>,
    /// The description (the reason of a 02 or a 16); default: the code's
    /// usual Vietnamese text.
    pub description: Option<String>,
    /// The rules the answering agency works under.
    pub policy: Policy,
}

impl ReplyRequest {
    /// `code` from the agency `from`, under the national rules.
    #[must_use]
    pub fn new(code: StatusCode, from: impl Into<String>) -> Self {
        Self {
            code,
            from: from.into(),
            from_name: None,
            description: None,
            policy: Policy::default(),
        }
    }

    /// This request with a description.
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = Some(text.into());
        self
    }

    /// This request with the answering organisation's name.
    #[must_use]
    pub fn from_name(mut self, name: impl Into<String>) -> Self {
        self.from_name = Some(name.into());
        self
    }

    /// This request judged under `policy`.
    #[must_use]
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }
}

/// Why a reply was not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplyError {
    /// The workflow would refuse it: the finding names the rule.
    #[error("{0}")]
    Refused(Box<Finding>),
    /// The package does not give the answering organisation's name.
    #[error("the package does not give the name of {0}: pass it (--from-name)")]
    NoName(String),
}

/// The status package that answers `doc` as `request` asks, at `at`, or why
/// the workflow would not send it (the same rules as
/// [`vanthu_workflow::incoming`] and [`vanthu_workflow::outgoing`]):
///
/// - 01–06, 15 and 16 come from a recipient of the package, 13 from its
///   sender (`WF-OUT-006`);
/// - a new document (business type 0) is answered with 01–06 (15 and 16
///   answer a request: `WF-IN-007`); a revocation (1) with 15 or 16
///   (`WF-IN-006`), an update or replacement (2, 3) with 15 or 16
///   (`WF-IN-007`);
/// - a 02 gives its reason (`WF-IN-002`), a 16 too (`WF-IN-006`,
///   `WF-IN-007`); under local rules a recall is not refused (`WF-IN-010`).
///
/// ```
/// # use vanthu::{ReplyRequest, reply};
/// # use vanthu::edxml::{DocumentPackage, Organization};
/// # use vanthu::identifiers::StatusCode;
/// let at = vanthu::parse_time("2025-06-02T09:00")?;
/// let doc = DocumentPackage::new_document(
///     Organization::new("000.00.15.H47", "UBND tỉnh"),
///     vec![Organization::new("000.01.15.H47", "Sở Nội vụ")],
///     ("12", "UBND-VX"), "2025/06/02", "Về việc", &at,
/// );
/// let ok = reply(&doc, &ReplyRequest::new(StatusCode::Accepted, "000.01.15.H47"), &at);
/// assert!(ok.is_ok());
/// let stranger = reply(&doc, &ReplyRequest::new(StatusCode::Accepted, "000.02.15.H47"), &at);
/// assert!(stranger.unwrap_err().to_string().contains("WF-OUT-006"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`ReplyError::Refused`] with the rule it breaks; [`ReplyError::NoName`].
pub fn reply<Tz: TimeZone>(
    doc: &DocumentPackage,
    request: &ReplyRequest,
    at: &DateTime<Tz>,
) -> Result<StatusPackage, ReplyError> {
    let code = &request.code;
    let id = request.from.trim();
    let same = |o: &&Organization| o.organ_id.as_deref().map(str::trim) == Some(id);
    let sender = doc.header.from.iter().find(same);
    let recipient = doc.header.to.iter().find(same);
    let refuse = |rule: vanthu_identifiers::Rule, en: String, vi: String| {
        ReplyError::Refused(Box::new(rule.custom(en, vi, Location::default())))
    };
    let known = if code.sent_by_sender() {
        sender.ok_or_else(|| {
            refuse(
                rules::OUT_STATUS,
                format!("{code} is sent by the sender of the document, and {id} did not send it"),
                format!("mã {code} do nơi gửi văn bản gửi, {id} không phải nơi gửi"),
            )
        })?
    } else {
        recipient.ok_or_else(|| {
            refuse(
                rules::OUT_STATUS,
                format!(
                    "{id} is not a recipient of the document: only a recipient answers with {code}"
                ),
                format!("{id} không phải nơi nhận văn bản: chỉ nơi nhận mới trả mã {code}"),
            )
        })?
    };
    let business = doc.business_type();
    let answers_request = matches!(
        code,
        StatusCode::ChangeAccepted | StatusCode::ChangeRejected
    );
    let (rule, fits) = match business {
        BusinessType::New => (rules::IN_CHANGE, !answers_request),
        BusinessType::Revoke => (rules::IN_RECALL, answers_request),
        BusinessType::Update | BusinessType::Replace => (rules::IN_CHANGE, answers_request),
    };
    if !fits {
        let (what, what_vi) = match business {
            BusinessType::New => ("a new document", "văn bản mới"),
            BusinessType::Revoke => ("a revocation", "yêu cầu thu hồi"),
            BusinessType::Update => ("an update", "yêu cầu cập nhật"),
            BusinessType::Replace => ("a replacement", "yêu cầu thay thế"),
        };
        let expected = if answers_request {
            "01–06"
        } else {
            "15 or 16"
        };
        let expected_vi = if answers_request {
            "01–06"
        } else {
            "15 hoặc 16"
        };
        return Err(refuse(
            rule,
            format!(
                "{code} does not answer {what} (business type {}): answer with {expected}",
                business.as_str()
            ),
            format!(
                "mã {code} không dùng để trả lời {what_vi} (loại nghiệp vụ {}): dùng mã {expected_vi}",
                business.as_str()
            ),
        ));
    }
    let reason = request
        .description
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty());
    if *code == StatusCode::ChangeRejected
        && business == BusinessType::Revoke
        && request.policy.recall_refusal == RecallRefusal::Forbidden
    {
        return Err(refuse(
            rules::IN_RECALL_REFUSED,
            "a recall cannot be refused under the agency's rules: cancel the recalled document and answer 15".to_owned(),
            "theo quy chế của cơ quan không được từ chối thu hồi: hủy bỏ văn bản bị thu hồi và trả lời mã 15".to_owned(),
        ));
    }
    if matches!(code, StatusCode::Rejected | StatusCode::ChangeRejected) && reason.is_none() {
        let rule = if *code == StatusCode::Rejected {
            rules::IN_RETURN
        } else {
            rule
        };
        return Err(refuse(
            rule,
            format!("{code} gives its reason (--description)"),
            format!("mã {code} phải nêu lý do (--description)"),
        ));
    }
    let mut from = known.clone();
    if let Some(name) = &request.from_name {
        from.organ_name = Some(name.clone());
    }
    if from
        .organ_name
        .as_deref()
        .is_none_or(|n| n.trim().is_empty() || n.trim() == id)
    {
        return Err(ReplyError::NoName(id.to_owned()));
    }
    let mut status = StatusPackage::reply(doc, code, from, at);
    if code.sent_by_sender()
        && let Some(to) = doc.header.to.first().and_then(|t| t.organ_id.as_deref())
    {
        status = status.addressed_to(to);
    }
    if let Some(d) = reason {
        status = status.with_description(d);
    }
    Ok(status)
}
