//! CSIP: the structural map `structMap` (CSIP80–CSIP112, CSIP116, CSIP118,
//! CSIP119).

use super::{Ctx, Testable::No, Testable::Yes, has, requirement_table, which};
use crate::package::xml::Element;

requirement_table! { TABLE:
    CSIP80 = (Must, StructMap, "mets/structMap", "the METS has a structMap", "METS phải có structMap", Yes);
    CSIP81 = (Must, StructMap, "mets/structMap[@TYPE='PHYSICAL']", "the CSIP structMap has @TYPE PHYSICAL", "structMap CSIP phải có @TYPE là PHYSICAL", Yes);
    CSIP82 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']", "one structMap has @LABEL CSIP", "phải có một structMap với @LABEL là CSIP", Yes);
    CSIP83 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/@ID", "the CSIP structMap has an @ID", "structMap CSIP phải có @ID", Yes);
    CSIP84 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div", "the CSIP structMap has exactly one div", "structMap CSIP phải có đúng một div", Yes);
    CSIP85 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/@ID", "the main div has an @ID", "div chính phải có @ID", Yes);
    CSIP88 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Metadata']", "the main div has one Metadata div when the METS has metadata sections", "div chính phải có một div Metadata khi METS có phần siêu dữ liệu", Yes);
    CSIP89 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Metadata']/@ID", "the Metadata div has an @ID", "div Metadata phải có @ID", Yes);
    CSIP90 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Metadata']", "the metadata div is labelled Metadata", "div siêu dữ liệu phải có nhãn Metadata", No("the label is what identifies the division: a division with another label is a missing Metadata division (CSIP88)"));
    CSIP91 = (Should, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Metadata']/@ADMID", "the Metadata div references every current amdSec metadata by @ADMID", "div Metadata phải tham chiếu mọi siêu dữ liệu quản trị hiện hành bằng @ADMID", Yes);
    CSIP92 = (Should, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Metadata']/@DMDID", "the Metadata div references every current dmdSec by @DMDID", "div Metadata phải tham chiếu mọi dmdSec hiện hành bằng @DMDID", Yes);
    CSIP93 = (Should, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Documentation']", "documentation file groups are described by a Documentation div", "nhóm tệp tài liệu phải được mô tả bằng div Documentation", Yes);
    CSIP94 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Documentation']/@ID", "the Documentation div has an @ID", "div Documentation phải có @ID", Yes);
    CSIP95 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Documentation']", "the documentation div is labelled Documentation", "div tài liệu phải có nhãn Documentation", No("the label is what identifies the division (see CSIP93)"));
    CSIP96 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Documentation']/fptr", "the Documentation div has an fptr", "div Documentation phải có fptr", Yes);
    CSIP116 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Documentation']/fptr/@FILEID", "each Documentation fptr/@FILEID refers to a file group or file of the METS", "mỗi fptr/@FILEID của div Documentation phải tham chiếu một nhóm tệp hoặc tệp của METS", Yes);
    CSIP97 = (Should, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Schemas']", "schema file groups are described by a Schemas div", "nhóm tệp lược đồ phải được mô tả bằng div Schemas", Yes);
    CSIP98 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Schemas']/@ID", "the Schemas div has an @ID", "div Schemas phải có @ID", Yes);
    CSIP99 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Schemas']", "the schema div is labelled Schemas", "div lược đồ phải có nhãn Schemas", No("the label is what identifies the division (see CSIP97)"));
    CSIP100 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Schemas']/fptr", "the Schemas div has an fptr", "div Schemas phải có fptr", Yes);
    CSIP118 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Schemas']/fptr/@FILEID", "each Schemas fptr/@FILEID refers to a file group or file of the METS", "mỗi fptr/@FILEID của div Schemas phải tham chiếu một nhóm tệp hoặc tệp của METS", Yes);
    CSIP101 = (Should, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Representations']", "representation file groups are described by a Representations div", "nhóm tệp biểu diễn phải được mô tả bằng div Representations", Yes);
    CSIP102 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Representations']/@ID", "the Representations div has an @ID", "div Representations phải có @ID", Yes);
    CSIP103 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Representations']", "the content div is labelled Representations", "div nội dung phải có nhãn Representations", No("the label is what identifies the division (see CSIP101)"));
    CSIP104 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Representations']/fptr", "the Representations div has an fptr", "div Representations phải có fptr", Yes);
    CSIP119 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div[@LABEL='Representations']/fptr/@FILEID", "each Representations fptr/@FILEID refers to a file group or file of the METS", "mỗi fptr/@FILEID của div Representations phải tham chiếu một nhóm tệp hoặc tệp của METS", Yes);
    CSIP105 = (Should, StructMap, "mets/structMap[@LABEL='CSIP']/div/div", "each representation METS has a division of its own", "mỗi METS biểu diễn phải có một div riêng", Yes);
    CSIP106 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div/@ID", "each representation div has an @ID", "mỗi div biểu diễn phải có @ID", Yes);
    CSIP107 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div/@LABEL", "each representation div is labelled Representations/ and its folder", "mỗi div biểu diễn phải có nhãn Representations/ và tên thư mục", Yes);
    CSIP108 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div/mptr/@xlink:title", "the representation mptr/@xlink:title names its file group", "mptr/@xlink:title của biểu diễn phải nêu nhóm tệp", Yes);
    CSIP109 = (Must, StructMap, "mets/structMap[@LABEL='CSIP']/div/div/mptr", "each representation div has one mptr", "mỗi div biểu diễn phải có đúng một mptr", Yes);
    CSIP110 = (Must, StructMap, "mets/structMap/div/div/mptr/@xlink:href", "the mptr has an @xlink:href", "mptr phải có @xlink:href", Yes);
    CSIP111 = (Must, StructMap, "mets/structMap/div/div/mptr[@xlink:type='simple']", "mptr/@xlink:type is simple", "mptr/@xlink:type phải là simple", Yes);
    CSIP112 = (Must, StructMap, "mets/structMap/div/div/mptr[@LOCTYPE='URL']", "mptr/@LOCTYPE is URL", "mptr/@LOCTYPE phải là URL", Yes);
}

pub(super) fn check(mets: &Element, ctx: &mut Ctx<'_>) {
    let maps: Vec<&Element> = mets.children_named("structMap").collect();
    if maps.is_empty() {
        ctx.fail(&CSIP80, "");
        return;
    }
    let csip: Vec<&Element> = maps
        .iter()
        .copied()
        .filter(|m| m.attr("LABEL") == Some("CSIP"))
        .collect();
    let [map] = csip.as_slice() else {
        // None labelled CSIP, or more than the ONE CSIP80 asks for.
        let r = if csip.is_empty() { &CSIP82 } else { &CSIP80 };
        ctx.fail(r, format!("structMap[@LABEL='CSIP'] × {}", csip.len()));
        return;
    };
    ctx.check(map.attr("TYPE") == Some("PHYSICAL"), &CSIP81, "");
    ctx.check(has(map, "ID"), &CSIP83, "");
    let divs: Vec<&Element> = map.children_named("div").collect();
    let [main] = divs.as_slice() else {
        ctx.fail(&CSIP84, format!("div × {}", divs.len()));
        return;
    };
    ctx.check(has(main, "ID"), &CSIP85, "");
    let ids = super::ids(mets);
    let sub = |label: &str| {
        main.children_named("div")
            .filter(|d| d.attr("LABEL") == Some(label))
            .collect::<Vec<_>>()
    };
    // The Metadata division, when the METS has metadata sections.
    let dmd: Vec<&str> = current(mets, "dmdSec");
    let mut amd: Vec<&str> = Vec::new();
    for a in mets.children_named("amdSec") {
        for kind in ["digiprovMD", "rightsMD", "techMD", "sourceMD"] {
            amd.extend(current(a, kind));
        }
    }
    let metadata = sub("Metadata");
    match metadata.as_slice() {
        // A representation METS without metadata needs no Metadata division.
        [] if !ctx.root && dmd.is_empty() && amd.is_empty() => {}
        [m] => {
            ctx.check(has(m, "ID"), &CSIP89, "");
            let listed = |attr: &str| -> Vec<&str> {
                m.attr(attr).unwrap_or("").split_whitespace().collect()
            };
            let (dmdid, admid) = (listed("DMDID"), listed("ADMID"));
            for id in &dmd {
                ctx.check(dmdid.contains(id), &CSIP92, format!("@DMDID ∌ '{id}'"));
            }
            for id in &amd {
                ctx.check(admid.contains(id), &CSIP91, format!("@ADMID ∌ '{id}'"));
            }
            // And reference nothing else.
            for id in &dmdid {
                ctx.check(ids.contains(id), &CSIP92, format!("@DMDID ∋ '{id}'"));
            }
            for id in &admid {
                ctx.check(ids.contains(id), &CSIP91, format!("@ADMID ∋ '{id}'"));
            }
        }
        _ => ctx.fail(
            &CSIP88,
            format!("div[@LABEL='Metadata'] × {}", metadata.len()),
        ),
    }
    // The representation METS has the divisions of its own content: the
    // Documentation, Schemas and Representations divisions describe the
    // package METS.
    if !ctx.root {
        return;
    }
    let groups: Vec<&Element> = mets
        .children_named("fileSec")
        .flat_map(|s| s.children_named("fileGrp"))
        .collect();
    let uses: Vec<&str> = groups.iter().filter_map(|g| g.attr("USE")).collect();
    // What an fptr of a division may point at: the file groups of its use
    // (CSIP 2.1.0), or their files (as CSIP 2.0.4 packages do).
    let targets = |wanted: &dyn Fn(&str) -> bool| -> Vec<&str> {
        let mut out = Vec::new();
        for g in groups.iter().filter(|g| g.attr("USE").is_some_and(wanted)) {
            out.extend(g.attr("ID"));
            out.extend(g.children_named("file").filter_map(|f| f.attr("ID")));
        }
        out
    };
    for (label, present, id, fptr, fileid) in [
        ("Documentation", &CSIP93, &CSIP94, &CSIP96, &CSIP116),
        ("Schemas", &CSIP97, &CSIP98, &CSIP100, &CSIP118),
    ] {
        let found = sub(label);
        match found.len() {
            0 => ctx.check(!uses.contains(&label), present, ""),
            1 => {}
            n => ctx.fail(present, format!("div[@LABEL='{label}'] × {n}")),
        }
        let allowed = targets(&|u| u == label);
        for d in found {
            ctx.check(has(d, "ID"), id, which(d));
            let ptrs: Vec<&Element> = d.children_named("fptr").collect();
            ctx.check(!ptrs.is_empty(), fptr, which(d));
            for p in ptrs {
                let v = p.attr("FILEID").unwrap_or("");
                ctx.check(allowed.contains(&v), fileid, format!("@FILEID='{v}'"));
            }
        }
    }
    let reps = sub("Representations");
    if reps.is_empty() {
        ctx.check(
            !uses.iter().any(|u| u.starts_with("Representations")),
            &CSIP101,
            "",
        );
    }
    for r in reps {
        ctx.check(has(r, "ID"), &CSIP102, which(r));
        let ptrs: Vec<&Element> = r.children_named("fptr").collect();
        ctx.check(!ptrs.is_empty(), &CSIP104, which(r));
        let allowed = targets(&|u| u.starts_with("Representations"));
        for p in ptrs {
            let v = p.attr("FILEID").unwrap_or("");
            ctx.check(allowed.contains(&v), &CSIP119, format!("@FILEID='{v}'"));
        }
        let children: Vec<&Element> = r.children_named("div").collect();
        // CSIP105: a division for each representation described by a
        // representation METS.
        let groups = groups
            .iter()
            .filter(|g| {
                g.attr("USE")
                    .is_some_and(|u| u.starts_with("Representations/"))
                    && g.children_named("file").any(|f| {
                        f.child("FLocat")
                            .and_then(|l| l.attr("href"))
                            .is_some_and(|h| h.ends_with("METS.xml"))
                    })
            })
            .filter_map(|g| g.attr("USE"))
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        ctx.check(
            children.len() >= groups,
            &CSIP105,
            format!("div × {}, fileGrp × {groups}", children.len()),
        );
        for d in children {
            representation(d, ctx);
        }
    }
}

/// A representation division: `Representations/<folder>`, with one mptr.
fn representation(d: &Element, ctx: &mut Ctx<'_>) {
    let at = which(d);
    ctx.check(has(d, "ID"), &CSIP106, &at);
    let label = d.attr("LABEL").unwrap_or("");
    ctx.check(
        label.starts_with("Representations/"),
        &CSIP107,
        format!("@LABEL='{label}'"),
    );
    let ptrs: Vec<&Element> = d.children_named("mptr").collect();
    let [p] = ptrs.as_slice() else {
        ctx.fail(&CSIP109, format!("{at}: mptr × {}", ptrs.len()));
        return;
    };
    ctx.check(has(p, "title"), &CSIP108, &at);
    ctx.check(has(p, "href"), &CSIP110, &at);
    ctx.check(p.attr("type") == Some("simple"), &CSIP111, &at);
    ctx.check(p.attr("LOCTYPE") == Some("URL"), &CSIP112, &at);
}

/// The IDs of the current `kind` sections of `parent` (no `STATUS` counts
/// as current).
fn current<'a>(parent: &'a Element, kind: &'a str) -> Vec<&'a str> {
    parent
        .children_named(kind)
        .filter(|s| s.attr("STATUS").is_none_or(|s| s == "CURRENT"))
        .filter_map(|s| s.attr("ID"))
        .collect()
}
