//! CSIP: the root element `mets` (CSIP1–CSIP6) and the header `metsHdr`
//! with the software agent (CSIP117, CSIP7–CSIP16).

use super::{Ctx, Testable::Yes, has, is_datetime, requirement_table};
use crate::package::xml::Element;

requirement_table! { ROOT_TABLE:
    CSIP1 = (Must, Root, "mets/@OBJID", "mets/@OBJID identifies the package", "mets/@OBJID phải có, định danh gói", Yes);
    CSIP2 = (Must, Root, "mets/@TYPE", "mets/@TYPE is a value of the content category vocabulary", "mets/@TYPE phải là một giá trị của bộ từ vựng loại nội dung", Yes);
    CSIP3 = (Should, Root, "mets[@TYPE='Other']/@csip:OTHERTYPE", "mets/@csip:OTHERTYPE names the category when mets/@TYPE is Other", "mets/@csip:OTHERTYPE phải nêu loại nội dung khi mets/@TYPE là Other", Yes);
    CSIP4 = (Should, Root, "mets/@csip:CONTENTINFORMATIONTYPE", "mets/@csip:CONTENTINFORMATIONTYPE is a value of its vocabulary (mandatory in a representation METS)", "mets/@csip:CONTENTINFORMATIONTYPE phải thuộc bộ từ vựng (bắt buộc trong METS của biểu diễn)", Yes);
    CSIP5 = (May, Root, "mets[@csip:CONTENTINFORMATIONTYPE='OTHER']/@csip:OTHERCONTENTINFORMATIONTYPE", "mets/@csip:OTHERCONTENTINFORMATIONTYPE names the type when mets/@csip:CONTENTINFORMATIONTYPE is OTHER", "mets/@csip:OTHERCONTENTINFORMATIONTYPE phải nêu loại khi mets/@csip:CONTENTINFORMATIONTYPE là OTHER", Yes);
    CSIP6 = (Must, Root, "mets/@PROFILE", "mets/@PROFILE gives the URL of the METS profile", "mets/@PROFILE phải ghi địa chỉ URL của hồ sơ đặc tả METS", Yes);
}

requirement_table! { TABLE:
    CSIP117 = (Must, Header, "mets/metsHdr", "mets/metsHdr is present", "phải có mets/metsHdr", Yes);
    CSIP7 = (Must, Header, "mets/metsHdr/@CREATEDATE", "mets/metsHdr/@CREATEDATE is the creation date and time", "mets/metsHdr/@CREATEDATE phải ghi ngày giờ tạo gói", Yes);
    CSIP8 = (Should, Header, "mets/metsHdr/@LASTMODDATE", "mets/metsHdr/@LASTMODDATE is a date and time not after the check", "mets/metsHdr/@LASTMODDATE phải là ngày giờ không muộn hơn thời điểm kiểm tra", Yes);
    CSIP9 = (Must, Header, "mets/metsHdr/@csip:OAISPACKAGETYPE", "mets/metsHdr/@csip:OAISPACKAGETYPE is SIP, AIP, DIP, AIU or AIC", "mets/metsHdr/@csip:OAISPACKAGETYPE phải là SIP, AIP, DIP, AIU hoặc AIC", Yes);
    CSIP10 = (Must, Header, "mets/metsHdr/agent", "mets/metsHdr has an agent", "mets/metsHdr phải có tác nhân (agent)", Yes);
    CSIP11 = (Must, Header, "mets/metsHdr/agent[@ROLE='CREATOR']", "the software agent has @ROLE CREATOR", "tác nhân phần mềm phải có @ROLE là CREATOR", Yes);
    CSIP12 = (Must, Header, "mets/metsHdr/agent[@TYPE='OTHER']", "the software agent has @TYPE OTHER", "tác nhân phần mềm phải có @TYPE là OTHER", Yes);
    CSIP13 = (Must, Header, "mets/metsHdr/agent[@OTHERTYPE='SOFTWARE']", "the software agent has @OTHERTYPE SOFTWARE", "tác nhân phần mềm phải có @OTHERTYPE là SOFTWARE", Yes);
    CSIP14 = (Must, Header, "mets/metsHdr/agent/name", "the software agent has one non-empty name", "tác nhân phần mềm phải có đúng một name không rỗng", Yes);
    CSIP15 = (Must, Header, "mets/metsHdr/agent/note", "the software agent has one non-empty note (the version)", "tác nhân phần mềm phải có đúng một note không rỗng (phiên bản)", Yes);
    CSIP16 = (Must, Header, "mets/metsHdr/agent/note[@csip:NOTETYPE='SOFTWARE VERSION']", "the software agent's note has @csip:NOTETYPE SOFTWARE VERSION", "note của tác nhân phần mềm phải có @csip:NOTETYPE là SOFTWARE VERSION", Yes);
}

/// The content category vocabulary (CSIPVocabularyContentCategory).
const CONTENT_CATEGORIES: &[&str] = &[
    "Textual works – Print",
    "Textual works – Digital",
    "Textual works – Electronic Serials",
    "Digital Musical Composition (score-based representations)",
    "Musical Scores - Print",
    "Musical Scores - Digital",
    "Photographs – Print",
    "Photographs – Digital",
    "Other Graphic Images – Print",
    "Other Graphic Images – Digital",
    "Microforms",
    "Audio – On Tangible Medium (digital or analog)",
    "Audio – Media-independent (digital)",
    "Motion Pictures – Digital and Physical Media",
    "Video – File-based and Physical Media",
    "Software",
    "Software and Video Games",
    "Email",
    "Datasets",
    "Geospatial Data",
    "Geographic Information System (GIS) - Vector Data",
    "GIS Raster and Georeferenced Images",
    "GIS Vector and Raster Combined",
    "Non-GIS Cartographic",
    "2D and 3D Computer Aided Design",
    "Design (schematics, architectural drawings) - Print",
    "Scanned 3D Objects (output from photogrammetry scanning)",
    "Databases",
    "Websites",
    "Web Archives",
    "Collection",
    "Event",
    "Image",
    "Interactive resource",
    "Moving image",
    "Sound",
    "Still image",
    "Text",
    "Physical object",
    "Service",
    "Mixed",
    "Other",
];

/// The content information type vocabulary
/// (CSIPVocabularyContentInformationType).
pub(super) const CONTENT_INFORMATION_TYPES: &[&str] = &[
    "ERMS",
    "SIARD1",
    "SIARD2",
    "SIARDDK",
    "GeoData",
    "citscarchival_v1_0",
    "cscarchival_v1_0",
    "citserms_v2_1",
    "citserms_v3_0",
    "citspremis_v1_0",
    "cspremis_v1_0",
    "citsehpj_v1_0",
    "citsehpj_v2_0",
    "citsehcr_v1_0",
    "citssiard_v1_0",
    "citsgeospatial_v3_0",
    "cits3dpm_v1_0",
    "MIXED",
    "OTHER",
];

pub(super) fn check(mets: &Element, ctx: &mut Ctx<'_>) {
    ctx.check(has(mets, "OBJID"), &CSIP1, "");
    match mets.attr("TYPE") {
        // Case aside: packages made under CSIP 2.0 write `OTHER`.
        Some(t) if CONTENT_CATEGORIES.iter().any(|c| c.eq_ignore_ascii_case(t)) => {
            ctx.check(
                !t.eq_ignore_ascii_case("Other") || has(mets, "OTHERTYPE"),
                &CSIP3,
                "",
            );
        }
        Some(t) => ctx.fail(&CSIP2, format!("@TYPE='{t}'")),
        None => ctx.fail(&CSIP2, ""),
    }
    match mets.attr("CONTENTINFORMATIONTYPE") {
        // CSIP 2.0.4 had a shorter vocabulary, extended since: any value
        // is accepted from a package that declares 2.0.4.
        Some(t) if CONTENT_INFORMATION_TYPES.contains(&t) || ctx.v2_0_4 => {
            ctx.check(
                (t == "OTHER") == has(mets, "OTHERCONTENTINFORMATIONTYPE"),
                &CSIP5,
                "",
            );
        }
        Some(t) => ctx.fail(&CSIP4, format!("@csip:CONTENTINFORMATIONTYPE='{t}'")),
        None if !ctx.root => ctx.fail(&CSIP4, ""),
        None => {}
    }
    ctx.check(has(mets, "PROFILE"), &CSIP6, "");
    let Some(hdr) = mets.child("metsHdr") else {
        ctx.fail(&CSIP117, "");
        return;
    };
    ctx.check(hdr.attr("CREATEDATE").is_some_and(is_datetime), &CSIP7, "");
    if let Some(t) = hdr.attr("LASTMODDATE") {
        ctx.check(is_datetime(t), &CSIP8, format!("@LASTMODDATE='{t}'"));
    }
    match hdr.attr("OAISPACKAGETYPE") {
        Some("SIP" | "AIP" | "DIP" | "AIU" | "AIC") => {}
        Some(t) => ctx.fail(&CSIP9, format!("@csip:OAISPACKAGETYPE='{t}'")),
        None => ctx.fail(&CSIP9, ""),
    }
    let agents: Vec<&Element> = hdr.children_named("agent").collect();
    if agents.is_empty() {
        ctx.fail(&CSIP10, "");
        return;
    }
    let Some(software) = software_agent(&agents) else {
        ctx.fail(&CSIP11, "");
        return;
    };
    ctx.check(software.attr("TYPE") == Some("OTHER"), &CSIP12, "");
    ctx.check(software.attr("OTHERTYPE") == Some("SOFTWARE"), &CSIP13, "");
    let names: Vec<&Element> = software.children_named("name").collect();
    ctx.check(
        matches!(names.as_slice(), [n] if !n.text.trim().is_empty()),
        &CSIP14,
        "",
    );
    let notes: Vec<&Element> = software.children_named("note").collect();
    ctx.check(
        matches!(notes.as_slice(), [n] if !n.text.trim().is_empty()),
        &CSIP15,
        "",
    );
    if !notes.is_empty() {
        ctx.check(
            notes
                .iter()
                .any(|n| n.attr("NOTETYPE") == Some("SOFTWARE VERSION")),
            &CSIP16,
            "",
        );
    }
}

/// The agent CSIP10–CSIP16 describe: the CREATOR agent that says it is
/// software (`OTHERTYPE` SOFTWARE, else `TYPE` OTHER), else the only
/// CREATOR agent that is no organisation or person (the submitting agent
/// of SIP15 is a CREATOR ORGANIZATION or INDIVIDUAL too).
pub(super) fn software_agent<'a>(agents: &[&'a Element]) -> Option<&'a Element> {
    let creators: Vec<&Element> = agents
        .iter()
        .copied()
        .filter(|a| a.attr("ROLE") == Some("CREATOR"))
        .collect();
    creators
        .iter()
        .find(|a| a.attr("OTHERTYPE") == Some("SOFTWARE"))
        .or_else(|| creators.iter().find(|a| a.attr("TYPE") == Some("OTHER")))
        .or_else(|| {
            creators
                .iter()
                .find(|a| !matches!(a.attr("TYPE"), Some("ORGANIZATION" | "INDIVIDUAL")))
        })
        .or_else(|| creators.first())
        .copied()
}

/// The `LASTMODDATE` as written when it is after `at` (read as UTC when it
/// has a time zone, as local time otherwise).
pub(super) fn later_than(t: &str, at: chrono::NaiveDateTime) -> Option<&str> {
    let when = chrono::DateTime::parse_from_rfc3339(t.trim())
        .map(|d| d.naive_utc())
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(t.trim(), "%Y-%m-%dT%H:%M:%S%.f"))
        .ok()?;
    (when > at).then_some(t)
}
