//! CSIP: the file section `fileSec` (CSIP58–CSIP79, CSIP113, CSIP114).

use super::header::CONTENT_INFORMATION_TYPES;
use super::{Ctx, RefReqs, Testable::No, Testable::Yes, check_ref, has, requirement_table, which};
use crate::package::xml::Element;

requirement_table! { TABLE:
    CSIP58 = (Should, Files, "mets/fileSec", "the METS has one fileSec", "METS phải có đúng một fileSec", Yes);
    CSIP59 = (Must, Files, "mets/fileSec/@ID", "fileSec has an @ID", "fileSec phải có @ID", Yes);
    CSIP60 = (Must, Files, "mets/fileSec/fileGrp[@USE='Documentation']", "the package METS has a fileGrp with @USE Documentation", "METS của gói phải có fileGrp với @USE là Documentation", Yes);
    CSIP113 = (Must, Files, "mets/fileSec/fileGrp[@USE='Schemas']", "the package METS has a fileGrp with @USE Schemas", "METS của gói phải có fileGrp với @USE là Schemas", Yes);
    CSIP114 = (Must, Files, "mets/fileSec/fileGrp[starts-with(@USE, 'Representations')]", "the package METS has a fileGrp whose @USE starts with Representations", "METS của gói phải có fileGrp có @USE bắt đầu bằng Representations", Yes);
    CSIP61 = (May, Files, "mets/fileSec/fileGrp/@ADMID", "fileGrp/@ADMID refers to administrative metadata by ID", "fileGrp/@ADMID phải tham chiếu siêu dữ liệu quản trị theo ID", Yes);
    CSIP62 = (Should, Files, "mets/fileSec/fileGrp/@csip:CONTENTINFORMATIONTYPE", "a representation's fileGrp states its content information type", "fileGrp của một biểu diễn phải nêu loại thông tin nội dung", Yes);
    CSIP63 = (May, Files, "mets/fileSec/fileGrp/@csip:OTHERCONTENTINFORMATIONTYPE", "fileGrp/@csip:OTHERCONTENTINFORMATIONTYPE names the type when the type is OTHER", "fileGrp/@csip:OTHERCONTENTINFORMATIONTYPE phải nêu loại khi loại là OTHER", Yes);
    CSIP64 = (Must, Files, "mets/fileSec/fileGrp/@USE", "fileGrp has a @USE", "fileGrp phải có @USE", Yes);
    CSIP65 = (Must, Files, "mets/fileSec/fileGrp/@ID", "fileGrp has an @ID", "fileGrp phải có @ID", Yes);
    CSIP66 = (Must, Files, "mets/fileSec/fileGrp/file", "fileGrp has a file", "fileGrp phải có ít nhất một file", Yes);
    CSIP67 = (Must, Files, "mets/fileSec/fileGrp/file/@ID", "file has an @ID", "file phải có @ID", Yes);
    CSIP68 = (Must, Files, "mets/fileSec/fileGrp/file/@MIMETYPE", "file/@MIMETYPE is a media type", "file/@MIMETYPE phải là một kiểu MIME", Yes);
    CSIP69 = (Must, Files, "mets/fileSec/fileGrp/file/@SIZE", "file/@SIZE is a number of bytes", "file/@SIZE phải là số byte", Yes);
    CSIP70 = (Must, Files, "mets/fileSec/fileGrp/file/@CREATED", "file/@CREATED is a date and time", "file/@CREATED phải là ngày giờ", Yes);
    CSIP71 = (Must, Files, "mets/fileSec/fileGrp/file/@CHECKSUM", "file/@CHECKSUM is a hexadecimal checksum", "file/@CHECKSUM phải là mã băm dạng thập lục phân", Yes);
    CSIP72 = (Must, Files, "mets/fileSec/fileGrp/file/@CHECKSUMTYPE", "file/@CHECKSUMTYPE is a METS checksum type", "file/@CHECKSUMTYPE phải là một loại mã băm của METS", Yes);
    CSIP73 = (May, Files, "mets/fileSec/fileGrp/file/@OWNERID", "file/@OWNERID may record the owner's identifier", "file/@OWNERID có thể ghi định danh của chủ sở hữu", No("a free identifier: nothing to violate"));
    CSIP74 = (May, Files, "mets/fileSec/fileGrp/file/@ADMID", "file/@ADMID refers to administrative metadata by ID", "file/@ADMID phải tham chiếu siêu dữ liệu quản trị theo ID", Yes);
    CSIP75 = (May, Files, "mets/fileSec/fileGrp/file/@DMDID", "file/@DMDID refers to descriptive metadata by ID", "file/@DMDID phải tham chiếu siêu dữ liệu mô tả theo ID", Yes);
    CSIP76 = (Must, Files, "mets/fileSec/fileGrp/file/FLocat", "file has exactly one FLocat", "file phải có đúng một FLocat", Yes);
    CSIP77 = (Must, Files, "mets/fileSec/fileGrp/file/FLocat[@LOCTYPE='URL']", "FLocat/@LOCTYPE is URL", "FLocat/@LOCTYPE phải là URL", Yes);
    CSIP78 = (Must, Files, "mets/fileSec/fileGrp/file/FLocat[@xlink:type='simple']", "FLocat/@xlink:type is simple", "FLocat/@xlink:type phải là simple", Yes);
    CSIP79 = (Must, Files, "mets/fileSec/fileGrp/file/FLocat/@xlink:href", "FLocat has an @xlink:href", "FLocat phải có @xlink:href", Yes);
}

const FILE: RefReqs = RefReqs {
    loctype: &CSIP77,
    xlink_type: &CSIP78,
    href: &CSIP79,
    mdtype: None,
    mime: &CSIP68,
    size: &CSIP69,
    created: &CSIP70,
    checksum: &CSIP71,
    checksum_type: &CSIP72,
};

pub(super) fn check(mets: &Element, ctx: &mut Ctx<'_>) {
    let secs: Vec<&Element> = mets.children_named("fileSec").collect();
    let Some(sec) = (match secs.as_slice() {
        [one] => Some(*one),
        _ => None,
    }) else {
        // A package of metadata updates alone may have no fileSec; every
        // package vanthu reads has files.
        ctx.fail(&CSIP58, format!("fileSec × {}", secs.len()));
        return;
    };
    ctx.check(has(sec, "ID"), &CSIP59, "");
    let ids = super::ids(mets);
    let refers =
        |v: Option<&str>| v.is_none_or(|v| v.split_whitespace().all(|id| ids.contains(id)));
    let groups: Vec<&Element> = sec.children_named("fileGrp").collect();
    let uses: Vec<&str> = groups.iter().filter_map(|g| g.attr("USE")).collect();
    if ctx.root {
        ctx.check(uses.contains(&"Documentation"), &CSIP60, "");
        ctx.check(uses.contains(&"Schemas"), &CSIP113, "");
        ctx.check(
            uses.iter().any(|u| u.starts_with("Representations")),
            &CSIP114,
            "",
        );
    }
    let mixed = mets.attr("CONTENTINFORMATIONTYPE") == Some("MIXED");
    for g in groups {
        let at = which(g);
        ctx.check(refers(g.attr("ADMID")), &CSIP61, &at);
        let use_ = g.attr("USE").unwrap_or("");
        ctx.check(!use_.trim().is_empty(), &CSIP64, &at);
        ctx.check(has(g, "ID"), &CSIP65, &at);
        match g.attr("CONTENTINFORMATIONTYPE") {
            Some(t) if CONTENT_INFORMATION_TYPES.contains(&t) || ctx.v2_0_4 => {
                ctx.check(
                    (t == "OTHER") == has(g, "OTHERCONTENTINFORMATIONTYPE"),
                    &CSIP63,
                    &at,
                );
            }
            Some(t) => ctx.fail(&CSIP62, format!("{at}/@csip:CONTENTINFORMATIONTYPE='{t}'")),
            None if ctx.root && (mixed || use_.starts_with("Representations")) => {
                ctx.fail(&CSIP62, &at);
            }
            None => {}
        }
        let files: Vec<&Element> = g.children_named("file").collect();
        ctx.check(!files.is_empty(), &CSIP66, &at);
        let folder = match use_ {
            "Schemas" => Some(("schemas/", &super::folders::CSIPSTR15)),
            "Documentation" => Some(("documentation/", &super::folders::CSIPSTR16)),
            _ => None,
        };
        if let Some((folder, r)) = folder {
            for href in files
                .iter()
                .filter_map(|f| f.child("FLocat").and_then(|l| l.attr("href")))
            {
                let href = href.trim_start_matches("./");
                ctx.check(
                    href.starts_with(folder) || href.contains(&format!("/{folder}")),
                    r,
                    format!("@xlink:href='{href}'"),
                );
            }
        }
        for f in files {
            let at = which(f);
            ctx.check(has(f, "ID"), &CSIP67, &at);
            ctx.check(refers(f.attr("ADMID")), &CSIP74, &at);
            ctx.check(refers(f.attr("DMDID")), &CSIP75, &at);
            let locs: Vec<&Element> = f.children_named("FLocat").collect();
            match locs.as_slice() {
                [loc] => check_ref(f, loc, &FILE, ctx),
                _ => ctx.fail(&CSIP76, format!("{at}: FLocat × {}", locs.len())),
            }
        }
    }
}
