//! CSIP: the folder structure of a package (CSIPSTR1–CSIPSTR16), checked on
//! the names of its files.

use std::collections::BTreeSet;

use vanthu_identifiers::Finding;

use super::{Requirement, Testable::No, Testable::Yes, requirement_table};

requirement_table! { TABLE:
    CSIPSTR1 = (Must, Folders, "/", "the package is inside one root folder", "gói phải nằm trong một thư mục gốc duy nhất", Yes);
    CSIPSTR2 = (Should, Folders, "/", "the root folder is named after mets/@OBJID", "thư mục gốc phải được đặt tên theo mets/@OBJID", Yes);
    CSIPSTR3 = (May, Folders, "/", "the package may be an archive file (ZIP, TAR)", "gói có thể được đóng thành tệp nén (ZIP, TAR)", No("a permission: nothing to violate"));
    CSIPSTR4 = (Must, Folders, "METS.xml", "the root folder has a METS.xml", "thư mục gốc phải có tệp METS.xml", Yes);
    CSIPSTR5 = (Should, Folders, "metadata/", "the root folder has a metadata folder", "thư mục gốc phải có thư mục metadata", Yes);
    CSIPSTR6 = (Should, Folders, "metadata/preservation/", "preservation metadata is in metadata/preservation", "siêu dữ liệu bảo quản phải nằm trong metadata/preservation", Yes);
    CSIPSTR7 = (Should, Folders, "metadata/descriptive/", "descriptive metadata is in metadata/descriptive", "siêu dữ liệu mô tả phải nằm trong metadata/descriptive", Yes);
    CSIPSTR8 = (May, Folders, "metadata/other/", "other metadata may be in other sub-folders of metadata", "siêu dữ liệu khác có thể nằm trong thư mục con khác của metadata", No("a permission: nothing to violate"));
    CSIPSTR9 = (Should, Folders, "representations/", "the root folder has a representations folder", "thư mục gốc phải có thư mục representations", Yes);
    CSIPSTR10 = (Should, Folders, "representations/*/", "every file of representations is inside a representation folder", "mọi tệp trong representations phải nằm trong thư mục của một biểu diễn", Yes);
    CSIPSTR11 = (Should, Folders, "representations/*/data/", "each representation folder has a data folder", "mỗi thư mục biểu diễn phải có thư mục data", Yes);
    CSIPSTR12 = (Should, Folders, "representations/*/METS.xml", "each representation folder has a METS.xml", "mỗi thư mục biểu diễn phải có tệp METS.xml", Yes);
    CSIPSTR13 = (Should, Folders, "representations/*/metadata/", "each representation folder has a metadata folder", "mỗi thư mục biểu diễn phải có thư mục metadata", Yes);
    CSIPSTR14 = (May, Folders, "/", "the package may have further sub-folders", "gói có thể có thêm thư mục con", No("a permission: nothing to violate"));
    CSIPSTR15 = (Should, Folders, "schemas/", "the schemas of the Schemas file group are in a schemas folder", "các lược đồ của nhóm tệp Schemas phải nằm trong thư mục schemas", Yes);
    CSIPSTR16 = (Should, Folders, "documentation/", "the files of the Documentation file group are in a documentation folder", "các tệp của nhóm tệp Documentation phải nằm trong thư mục documentation", Yes);
}

pub(super) fn check(root: &str, entries: &[String], objid: Option<&str>, out: &mut Vec<Finding>) {
    let mut fail = |r: &Requirement, path: &str, detail: &str| out.push(r.finding(path, detail));
    if root.is_empty() {
        fail(&CSIPSTR1, "", "");
    } else if let Some(objid) = objid.filter(|o| !o.is_empty()) {
        let name = root.trim_end_matches('/');
        if name != objid {
            fail(&CSIPSTR2, root, &format!("@OBJID='{objid}'"));
        }
    }
    let has_dir = |d: &str| entries.iter().any(|e| e.starts_with(d));
    if !has_dir("metadata/") {
        fail(&CSIPSTR5, "metadata/", "");
    }
    if !has_dir("representations/") {
        fail(&CSIPSTR9, "representations/", "");
        return;
    }
    let mut reps = BTreeSet::new();
    for e in entries {
        if let Some(rest) = e.strip_prefix("representations/") {
            match rest.split_once('/') {
                Some((rep, _)) => {
                    reps.insert(rep);
                }
                None => fail(&CSIPSTR10, e, ""),
            }
        }
    }
    for rep in reps {
        let dir = format!("representations/{rep}/");
        if !has_dir(&format!("{dir}data/")) {
            fail(&CSIPSTR11, &dir, "");
        }
        if !entries.iter().any(|e| *e == format!("{dir}METS.xml")) {
            fail(&CSIPSTR12, &dir, "");
        }
        if !has_dir(&format!("{dir}metadata/")) {
            fail(&CSIPSTR13, &dir, "");
        }
    }
}
