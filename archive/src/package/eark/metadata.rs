//! CSIP: descriptive metadata `dmdSec` (CSIP17–CSIP30) and administrative
//! metadata `amdSec` (CSIP31–CSIP57).

use super::{
    Ctx, RefReqs, Requirement, Testable::No, Testable::Yes, check_ref, has, is_datetime,
    requirement_table, which,
};
use crate::package::xml::Element;

requirement_table! { DMD_TABLE:
    CSIP17 = (Should, Descriptive, "mets/dmdSec", "descriptive metadata in the package is described in a dmdSec", "siêu dữ liệu mô tả trong gói phải được mô tả trong dmdSec", Yes);
    CSIP18 = (Must, Descriptive, "mets/dmdSec/@ID", "dmdSec has an @ID", "dmdSec phải có @ID", Yes);
    CSIP19 = (Must, Descriptive, "mets/dmdSec/@CREATED", "dmdSec/@CREATED is a date and time", "dmdSec/@CREATED phải là ngày giờ", Yes);
    CSIP20 = (Should, Descriptive, "mets/dmdSec/@STATUS", "dmdSec/@STATUS is CURRENT or SUPERSEDED", "dmdSec/@STATUS phải là CURRENT hoặc SUPERSEDED", Yes);
    CSIP21 = (Should, Descriptive, "mets/dmdSec/mdRef", "dmdSec references its file with mdRef", "dmdSec phải tham chiếu tệp bằng mdRef", Yes);
    CSIP22 = (Must, Descriptive, "mets/dmdSec/mdRef[@LOCTYPE='URL']", "dmdSec/mdRef/@LOCTYPE is URL", "dmdSec/mdRef/@LOCTYPE phải là URL", Yes);
    CSIP23 = (Must, Descriptive, "mets/dmdSec/mdRef[@xlink:type='simple']", "dmdSec/mdRef/@xlink:type is simple", "dmdSec/mdRef/@xlink:type phải là simple", Yes);
    CSIP24 = (Must, Descriptive, "mets/dmdSec/mdRef/@xlink:href", "dmdSec/mdRef has an @xlink:href", "dmdSec/mdRef phải có @xlink:href", Yes);
    CSIP25 = (Must, Descriptive, "mets/dmdSec/mdRef/@MDTYPE", "dmdSec/mdRef has an @MDTYPE", "dmdSec/mdRef phải có @MDTYPE", Yes);
    CSIP26 = (Must, Descriptive, "mets/dmdSec/mdRef/@MIMETYPE", "dmdSec/mdRef/@MIMETYPE is a media type", "dmdSec/mdRef/@MIMETYPE phải là một kiểu MIME", Yes);
    CSIP27 = (Must, Descriptive, "mets/dmdSec/mdRef/@SIZE", "dmdSec/mdRef/@SIZE is a number of bytes", "dmdSec/mdRef/@SIZE phải là số byte", Yes);
    CSIP28 = (Must, Descriptive, "mets/dmdSec/mdRef/@CREATED", "dmdSec/mdRef/@CREATED is a date and time", "dmdSec/mdRef/@CREATED phải là ngày giờ", Yes);
    CSIP29 = (Must, Descriptive, "mets/dmdSec/mdRef/@CHECKSUM", "dmdSec/mdRef/@CHECKSUM is a hexadecimal checksum", "dmdSec/mdRef/@CHECKSUM phải là mã băm dạng thập lục phân", Yes);
    CSIP30 = (Must, Descriptive, "mets/dmdSec/mdRef/@CHECKSUMTYPE", "dmdSec/mdRef/@CHECKSUMTYPE is a METS checksum type", "dmdSec/mdRef/@CHECKSUMTYPE phải là một loại mã băm của METS", Yes);
}

requirement_table! { AMD_TABLE:
    CSIP31 = (Should, Administrative, "mets/amdSec", "preservation metadata in the package is described in an amdSec", "siêu dữ liệu bảo quản trong gói phải được mô tả trong amdSec", Yes);
    CSIP32 = (Should, Administrative, "mets/amdSec/digiprovMD", "amdSec has a digiprovMD", "amdSec phải có digiprovMD", Yes);
    CSIP33 = (Must, Administrative, "mets/amdSec/digiprovMD/@ID", "digiprovMD has an @ID", "digiprovMD phải có @ID", Yes);
    CSIP34 = (Should, Administrative, "mets/amdSec/digiprovMD/@STATUS", "digiprovMD/@STATUS is CURRENT or SUPERSEDED", "digiprovMD/@STATUS phải là CURRENT hoặc SUPERSEDED", Yes);
    CSIP35 = (Should, Administrative, "mets/amdSec/digiprovMD/mdRef", "digiprovMD references its file with mdRef", "digiprovMD phải tham chiếu tệp bằng mdRef", Yes);
    CSIP36 = (Must, Administrative, "mets/amdSec/digiprovMD/mdRef[@LOCTYPE='URL']", "digiprovMD/mdRef/@LOCTYPE is URL", "digiprovMD/mdRef/@LOCTYPE phải là URL", Yes);
    CSIP37 = (Must, Administrative, "mets/amdSec/digiprovMD/mdRef[@xlink:type='simple']", "digiprovMD/mdRef/@xlink:type is simple", "digiprovMD/mdRef/@xlink:type phải là simple", Yes);
    CSIP38 = (Must, Administrative, "mets/amdSec/digiprovMD/mdRef/@xlink:href", "digiprovMD/mdRef has an @xlink:href", "digiprovMD/mdRef phải có @xlink:href", Yes);
    CSIP39 = (Must, Administrative, "mets/amdSec/digiprovMD/mdRef/@MDTYPE", "digiprovMD/mdRef has an @MDTYPE", "digiprovMD/mdRef phải có @MDTYPE", Yes);
    CSIP40 = (Must, Administrative, "mets/amdSec/digiprovMD/mdRef/@MIMETYPE", "digiprovMD/mdRef/@MIMETYPE is a media type", "digiprovMD/mdRef/@MIMETYPE phải là một kiểu MIME", Yes);
    CSIP41 = (Must, Administrative, "mets/amdSec/digiprovMD/mdRef/@SIZE", "digiprovMD/mdRef/@SIZE is a number of bytes", "digiprovMD/mdRef/@SIZE phải là số byte", Yes);
    CSIP42 = (Must, Administrative, "mets/amdSec/digiprovMD/mdRef/@CREATED", "digiprovMD/mdRef/@CREATED is a date and time", "digiprovMD/mdRef/@CREATED phải là ngày giờ", Yes);
    CSIP43 = (Must, Administrative, "mets/amdSec/digiprovMD/mdRef/@CHECKSUM", "digiprovMD/mdRef/@CHECKSUM is a hexadecimal checksum", "digiprovMD/mdRef/@CHECKSUM phải là mã băm dạng thập lục phân", Yes);
    CSIP44 = (Must, Administrative, "mets/amdSec/digiprovMD/mdRef/@CHECKSUMTYPE", "digiprovMD/mdRef/@CHECKSUMTYPE is a METS checksum type", "digiprovMD/mdRef/@CHECKSUMTYPE phải là một loại mã băm của METS", Yes);
    CSIP45 = (May, Administrative, "mets/amdSec/rightsMD", "rights may be described in a rightsMD", "có thể mô tả quyền trong rightsMD", No("a permission: nothing to violate"));
    CSIP46 = (Must, Administrative, "mets/amdSec/rightsMD/@ID", "rightsMD has an @ID", "rightsMD phải có @ID", Yes);
    CSIP47 = (Should, Administrative, "mets/amdSec/rightsMD/@STATUS", "rightsMD/@STATUS is CURRENT or SUPERSEDED", "rightsMD/@STATUS phải là CURRENT hoặc SUPERSEDED", Yes);
    CSIP48 = (Should, Administrative, "mets/amdSec/rightsMD/mdRef", "rightsMD references its file with mdRef", "rightsMD phải tham chiếu tệp bằng mdRef", Yes);
    CSIP49 = (Must, Administrative, "mets/amdSec/rightsMD/mdRef[@LOCTYPE='URL']", "rightsMD/mdRef/@LOCTYPE is URL", "rightsMD/mdRef/@LOCTYPE phải là URL", Yes);
    CSIP50 = (Must, Administrative, "mets/amdSec/rightsMD/mdRef[@xlink:type='simple']", "rightsMD/mdRef/@xlink:type is simple", "rightsMD/mdRef/@xlink:type phải là simple", Yes);
    CSIP51 = (Must, Administrative, "mets/amdSec/rightsMD/mdRef/@xlink:href", "rightsMD/mdRef has an @xlink:href", "rightsMD/mdRef phải có @xlink:href", Yes);
    CSIP52 = (Must, Administrative, "mets/amdSec/rightsMD/mdRef/@MDTYPE", "rightsMD/mdRef has an @MDTYPE", "rightsMD/mdRef phải có @MDTYPE", Yes);
    CSIP53 = (Must, Administrative, "mets/amdSec/rightsMD/mdRef/@MIMETYPE", "rightsMD/mdRef/@MIMETYPE is a media type", "rightsMD/mdRef/@MIMETYPE phải là một kiểu MIME", Yes);
    CSIP54 = (Must, Administrative, "mets/amdSec/rightsMD/mdRef/@SIZE", "rightsMD/mdRef/@SIZE is a number of bytes", "rightsMD/mdRef/@SIZE phải là số byte", Yes);
    CSIP55 = (Must, Administrative, "mets/amdSec/rightsMD/mdRef/@CREATED", "rightsMD/mdRef/@CREATED is a date and time", "rightsMD/mdRef/@CREATED phải là ngày giờ", Yes);
    CSIP56 = (Must, Administrative, "mets/amdSec/rightsMD/mdRef/@CHECKSUM", "rightsMD/mdRef/@CHECKSUM is a hexadecimal checksum", "rightsMD/mdRef/@CHECKSUM phải là mã băm dạng thập lục phân", Yes);
    CSIP57 = (Must, Administrative, "mets/amdSec/rightsMD/mdRef/@CHECKSUMTYPE", "rightsMD/mdRef/@CHECKSUMTYPE is a METS checksum type", "rightsMD/mdRef/@CHECKSUMTYPE phải là một loại mã băm của METS", Yes);
}

/// The requirements of one kind of metadata section.
struct SectionReqs {
    /// The folder of the referenced files, and its requirement.
    folder: Option<(&'static str, &'static Requirement)>,
    id: &'static Requirement,
    created: Option<&'static Requirement>,
    status: &'static Requirement,
    md_ref: &'static Requirement,
    reference: RefReqs,
}

const DMD: SectionReqs = SectionReqs {
    folder: Some(("metadata/descriptive/", &super::folders::CSIPSTR7)),
    id: &CSIP18,
    created: Some(&CSIP19),
    status: &CSIP20,
    md_ref: &CSIP21,
    reference: RefReqs {
        loctype: &CSIP22,
        xlink_type: &CSIP23,
        href: &CSIP24,
        mdtype: Some(&CSIP25),
        mime: &CSIP26,
        size: &CSIP27,
        created: &CSIP28,
        checksum: &CSIP29,
        checksum_type: &CSIP30,
    },
};

const DIGIPROV: SectionReqs = SectionReqs {
    folder: Some(("metadata/preservation/", &super::folders::CSIPSTR6)),
    id: &CSIP33,
    created: None,
    status: &CSIP34,
    md_ref: &CSIP35,
    reference: RefReqs {
        loctype: &CSIP36,
        xlink_type: &CSIP37,
        href: &CSIP38,
        mdtype: Some(&CSIP39),
        mime: &CSIP40,
        size: &CSIP41,
        created: &CSIP42,
        checksum: &CSIP43,
        checksum_type: &CSIP44,
    },
};

const RIGHTS: SectionReqs = SectionReqs {
    folder: None,
    id: &CSIP46,
    created: None,
    status: &CSIP47,
    md_ref: &CSIP48,
    reference: RefReqs {
        loctype: &CSIP49,
        xlink_type: &CSIP50,
        href: &CSIP51,
        mdtype: Some(&CSIP52),
        mime: &CSIP53,
        size: &CSIP54,
        created: &CSIP55,
        checksum: &CSIP56,
        checksum_type: &CSIP57,
    },
};

fn section(e: &Element, reqs: &SectionReqs, ctx: &mut Ctx<'_>) {
    let at = which(e);
    ctx.check(has(e, "ID"), reqs.id, &at);
    if let Some(r) = reqs.created {
        ctx.check(e.attr("CREATED").is_some_and(is_datetime), r, &at);
    }
    match e.attr("STATUS") {
        Some("CURRENT" | "SUPERSEDED") => {}
        Some(s) => ctx.fail(reqs.status, format!("{at}/@STATUS='{s}'")),
        None => ctx.fail(reqs.status, &at),
    }
    match e.child("mdRef") {
        Some(r) => {
            check_ref(r, r, &reqs.reference, ctx);
            if let (Some((folder, req)), Some(href)) = (reqs.folder, r.attr("href")) {
                let href = href.trim_start_matches("./");
                ctx.check(
                    href.starts_with(folder),
                    req,
                    format!("@xlink:href='{href}'"),
                );
            }
        }
        // Embedded metadata (mdWrap) is allowed by METS; CSIP asks for a
        // reference to a file of the metadata folder.
        None => ctx.fail(reqs.md_ref, &at),
    }
}

pub(super) fn check(mets: &Element, ctx: &mut Ctx<'_>) {
    let dir = ctx.dir().to_owned();
    let under = |folder: &str| {
        let prefix = format!("{dir}metadata/{folder}/");
        ctx.entries.iter().any(|e| e.starts_with(&prefix))
    };
    let (descriptive, preservation) = (under("descriptive"), under("preservation"));
    let dmd: Vec<&Element> = mets.children_named("dmdSec").collect();
    ctx.check(!descriptive || !dmd.is_empty(), &CSIP17, "");
    for d in dmd {
        section(d, &DMD, ctx);
    }
    let amd: Vec<&Element> = mets.children_named("amdSec").collect();
    ctx.check(!preservation || !amd.is_empty(), &CSIP31, "");
    for a in amd {
        let digiprov: Vec<&Element> = a.children_named("digiprovMD").collect();
        ctx.check(!digiprov.is_empty(), &CSIP32, which(a));
        for d in digiprov {
            section(d, &DIGIPROV, ctx);
        }
        for r in a.children_named("rightsMD") {
            section(r, &RIGHTS, ctx);
        }
    }
}
