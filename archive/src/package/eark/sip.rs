//! E-ARK SIP 2.1.0 (SIP1–SIP35), on the package's root METS.

use super::{Ctx, Testable::No, Testable::Yes, requirement_table, which};
use crate::package::xml::Element;

/// The profile URL of E-ARK SIP (the same for 2.0.4 and 2.1.0).
pub(super) const SIP_PROFILE: &str = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml";

const OPTIONAL: super::Testable =
    No("optional, with no constraint on its value: nothing to violate");
const DEFINES: super::Testable =
    No("the role and type define which agent this is: an agent with other values is another agent");

requirement_table! { TABLE:
    SIP1 = (May, Sip, "mets/@LABEL", "mets/@LABEL may name the package", "mets/@LABEL có thể ghi tên gói", OPTIONAL);
    SIP2 = (Must, Sip, "mets/@PROFILE", "mets/@PROFILE is https://earksip.dilcis.eu/profile/E-ARK-SIP.xml", "mets/@PROFILE phải là https://earksip.dilcis.eu/profile/E-ARK-SIP.xml", Yes);
    SIP3 = (May, Sip, "mets/metsHdr/@RECORDSTATUS", "metsHdr/@RECORDSTATUS is a value of the record status vocabulary", "metsHdr/@RECORDSTATUS phải thuộc bộ từ vựng trạng thái gói", Yes);
    SIP4 = (Must, Sip, "mets/metsHdr/@csip:OAISPACKAGETYPE", "metsHdr/@csip:OAISPACKAGETYPE is SIP", "metsHdr/@csip:OAISPACKAGETYPE phải là SIP", Yes);
    SIP5 = (May, Sip, "mets/metsHdr/altRecordID[@TYPE='SUBMISSIONAGREEMENT']", "altRecordID may reference the submission agreement", "altRecordID có thể tham chiếu thỏa thuận giao nộp", OPTIONAL);
    SIP6 = (May, Sip, "mets/metsHdr/altRecordID[@TYPE='PREVIOUSSUBMISSIONAGREEMENT']", "altRecordID may reference a previous submission agreement", "altRecordID có thể tham chiếu thỏa thuận giao nộp trước", OPTIONAL);
    SIP7 = (May, Sip, "mets/metsHdr/altRecordID[@TYPE='REFERENCECODE']", "altRecordID may give the archival reference code", "altRecordID có thể ghi mã tham chiếu lưu trữ", OPTIONAL);
    SIP8 = (May, Sip, "mets/metsHdr/altRecordID[@TYPE='PREVIOUSREFERENCECODE']", "altRecordID may give a previous reference code", "altRecordID có thể ghi mã tham chiếu trước", OPTIONAL);
    SIP9 = (May, Sip, "mets/metsHdr/agent[@ROLE='ARCHIVIST']", "an ARCHIVIST agent may name the archival creator", "tác nhân ARCHIVIST có thể ghi tên đơn vị hình thành tài liệu", OPTIONAL);
    SIP10 = (Must, Sip, "mets/metsHdr/agent/@ROLE", "every agent has a @ROLE", "mọi tác nhân phải có @ROLE", Yes);
    SIP11 = (Must, Sip, "mets/metsHdr/agent[@ROLE='ARCHIVIST']/@TYPE", "the archival creator agent has @TYPE ORGANIZATION or INDIVIDUAL", "tác nhân đơn vị hình thành tài liệu phải có @TYPE là ORGANIZATION hoặc INDIVIDUAL", Yes);
    SIP12 = (May, Sip, "mets/metsHdr/agent[@ROLE='ARCHIVIST']/name", "the archival creator agent may have a name", "tác nhân đơn vị hình thành tài liệu có thể có name", OPTIONAL);
    SIP13 = (May, Sip, "mets/metsHdr/agent[@ROLE='ARCHIVIST']/note", "the archival creator agent may have an identification note", "tác nhân đơn vị hình thành tài liệu có thể có note định danh", OPTIONAL);
    SIP14 = (Must, Sip, "mets/metsHdr/agent[@ROLE='ARCHIVIST']/note/@csip:NOTETYPE", "the archival creator agent's note has @csip:NOTETYPE IDENTIFICATIONCODE", "note của tác nhân đơn vị hình thành tài liệu phải có @csip:NOTETYPE là IDENTIFICATIONCODE", Yes);
    SIP15 = (Must, Sip, "mets/metsHdr/agent[@TYPE='ORGANIZATION' or @TYPE='INDIVIDUAL']", "an agent names the organisation or person submitting the package", "phải có tác nhân ghi tổ chức hoặc cá nhân giao nộp gói", Yes);
    SIP16 = (Must, Sip, "mets/metsHdr/agent[@ROLE='CREATOR']", "the submitting agent has @ROLE CREATOR", "tác nhân giao nộp phải có @ROLE là CREATOR", DEFINES);
    SIP17 = (Must, Sip, "mets/metsHdr/agent[@ROLE='CREATOR']/@TYPE", "the submitting agent has @TYPE ORGANIZATION or INDIVIDUAL", "tác nhân giao nộp phải có @TYPE là ORGANIZATION hoặc INDIVIDUAL", DEFINES);
    SIP18 = (May, Sip, "mets/metsHdr/agent[@ROLE='CREATOR']/name", "the submitting agent may have a name", "tác nhân giao nộp có thể có name", OPTIONAL);
    SIP19 = (May, Sip, "mets/metsHdr/agent[@ROLE='CREATOR']/note", "the submitting agent may have an identification note", "tác nhân giao nộp có thể có note định danh", OPTIONAL);
    SIP20 = (Must, Sip, "mets/metsHdr/agent[@ROLE='CREATOR' and @TYPE='ORGANIZATION']/note/@csip:NOTETYPE", "the submitting agent's note has @csip:NOTETYPE IDENTIFICATIONCODE", "note của tác nhân giao nộp phải có @csip:NOTETYPE là IDENTIFICATIONCODE", Yes);
    SIP21 = (May, Sip, "mets/metsHdr/agent[@ROLE='CREATOR' and @TYPE='INDIVIDUAL']", "an agent may name a contact person", "có thể có tác nhân ghi người liên hệ", OPTIONAL);
    SIP22 = (Must, Sip, "mets/metsHdr/agent[@ROLE='CREATOR']", "the contact person agent has @ROLE CREATOR", "tác nhân người liên hệ phải có @ROLE là CREATOR", DEFINES);
    SIP23 = (Must, Sip, "mets/metsHdr/agent[@TYPE='INDIVIDUAL']", "the contact person agent has @TYPE INDIVIDUAL", "tác nhân người liên hệ phải có @TYPE là INDIVIDUAL", DEFINES);
    SIP24 = (Must, Sip, "mets/metsHdr/agent[@ROLE='CREATOR' and @TYPE='INDIVIDUAL']/name", "the contact person agent has a non-empty name", "tác nhân người liên hệ phải có name không rỗng", Yes);
    SIP25 = (May, Sip, "mets/metsHdr/agent[@ROLE='CREATOR' and @TYPE='INDIVIDUAL']/note", "the contact person agent may have contact notes", "tác nhân người liên hệ có thể có note liên hệ", OPTIONAL);
    SIP26 = (May, Sip, "mets/metsHdr/agent[@ROLE='PRESERVATION']", "an agent may name the preserving organisation", "có thể có tác nhân ghi tổ chức bảo quản", OPTIONAL);
    SIP27 = (Must, Sip, "mets/metsHdr/agent[@ROLE='PRESERVATION']", "the preservation agent has @ROLE PRESERVATION", "tác nhân bảo quản phải có @ROLE là PRESERVATION", DEFINES);
    SIP28 = (Must, Sip, "mets/metsHdr/agent[@ROLE='PRESERVATION']/@TYPE", "the preservation agent has @TYPE ORGANIZATION", "tác nhân bảo quản phải có @TYPE là ORGANIZATION", Yes);
    SIP29 = (May, Sip, "mets/metsHdr/agent[@ROLE='PRESERVATION']/name", "the preservation agent may have a name", "tác nhân bảo quản có thể có name", OPTIONAL);
    SIP30 = (May, Sip, "mets/metsHdr/agent[@ROLE='PRESERVATION']/note", "the preservation agent may have an identification note", "tác nhân bảo quản có thể có note định danh", OPTIONAL);
    SIP31 = (Must, Sip, "mets/metsHdr/agent[@ROLE='PRESERVATION']/note/@csip:NOTETYPE", "the preservation agent's note has @csip:NOTETYPE IDENTIFICATIONCODE", "note của tác nhân bảo quản phải có @csip:NOTETYPE là IDENTIFICATIONCODE", Yes);
    SIP32 = (May, Sip, "mets/fileSec/fileGrp/file/@sip:FILEFORMATNAME", "file/@sip:FILEFORMATNAME may name the format", "file/@sip:FILEFORMATNAME có thể ghi tên định dạng", OPTIONAL);
    SIP33 = (May, Sip, "mets/fileSec/fileGrp/file/@sip:FILEFORMATVERSION", "file/@sip:FILEFORMATVERSION may give the format version", "file/@sip:FILEFORMATVERSION có thể ghi phiên bản định dạng", OPTIONAL);
    SIP34 = (May, Sip, "mets/fileSec/fileGrp/file/@sip:FILEFORMATREGISTRY", "file/@sip:FILEFORMATREGISTRY may name the format registry", "file/@sip:FILEFORMATREGISTRY có thể ghi tên sổ đăng ký định dạng", OPTIONAL);
    SIP35 = (May, Sip, "mets/fileSec/fileGrp/file/@sip:FILEFORMATKEY", "file/@sip:FILEFORMATKEY may give the key in the registry", "file/@sip:FILEFORMATKEY có thể ghi khóa trong sổ đăng ký", OPTIONAL);
}

/// The record status vocabulary of E-ARK SIP (SIPVocabularyRecordStatus).
const RECORD_STATUS: [&str; 7] = [
    "NEW",
    "SUPPLEMENT",
    "REPLACEMENT",
    "TEST",
    "VERSION",
    "DELETE",
    "OTHER",
];

pub(super) fn check(mets: &Element, ctx: &mut Ctx<'_>) {
    ctx.check(
        mets.attr("PROFILE") == Some(SIP_PROFILE),
        &SIP2,
        format!("@PROFILE='{}'", mets.attr("PROFILE").unwrap_or("")),
    );
    let Some(hdr) = mets.child("metsHdr") else {
        return;
    };
    if let Some(s) = hdr.attr("RECORDSTATUS") {
        ctx.check(
            RECORD_STATUS.contains(&s),
            &SIP3,
            format!("@RECORDSTATUS='{s}'"),
        );
    }
    let t = hdr.attr("OAISPACKAGETYPE").unwrap_or("");
    ctx.check(t == "SIP", &SIP4, format!("@csip:OAISPACKAGETYPE='{t}'"));
    let agents: Vec<&Element> = hdr.children_named("agent").collect();
    let software = super::header::software_agent(&agents);
    let person_or_org =
        |a: &&Element| matches!(a.attr("TYPE"), Some("ORGANIZATION" | "INDIVIDUAL"));
    let identified = |a: &Element| {
        a.children_named("note")
            .all(|n| n.attr("NOTETYPE") == Some("IDENTIFICATIONCODE"))
    };
    for a in &agents {
        let at = which(a);
        let role = a.attr("ROLE");
        ctx.check(role.is_some(), &SIP10, &at);
        match role {
            Some("ARCHIVIST") => {
                ctx.check(person_or_org(a), &SIP11, &at);
                ctx.check(identified(a), &SIP14, &at);
            }
            Some("CREATOR") if software.is_some_and(|s| std::ptr::eq(s, *a)) => {}
            Some("CREATOR") => {
                // The submitting organisation; a contact person (SIP21,
                // CREATOR INDIVIDUAL) has notes of any kind (SIP25).
                if a.attr("TYPE") == Some("ORGANIZATION") {
                    ctx.check(identified(a), &SIP20, &at);
                }
                if a.attr("TYPE") == Some("INDIVIDUAL") {
                    ctx.check(
                        a.child("name").is_some_and(|n| !n.text.trim().is_empty()),
                        &SIP24,
                        &at,
                    );
                }
            }
            Some("PRESERVATION") => {
                ctx.check(a.attr("TYPE") == Some("ORGANIZATION"), &SIP28, &at);
                ctx.check(identified(a), &SIP31, &at);
            }
            _ => {}
        }
    }
    // SIP15: the submitting agent. The specification gives it the role
    // CREATOR; the validator's CSIP12–CSIP16 reserve every CREATOR agent
    // for the software, so an ARCHIVIST organisation is accepted as well
    // (docs/archive-profile.md, "E-ARK requirements").
    ctx.check(
        agents
            .iter()
            .any(|a| person_or_org(a) && matches!(a.attr("ROLE"), Some("CREATOR" | "ARCHIVIST"))),
        &SIP15,
        "",
    );
}
