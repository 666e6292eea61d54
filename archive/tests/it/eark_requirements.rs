//! Every testable requirement of E-ARK CSIP 2.1.0 and SIP 2.1.0: one valid
//! base package, and for each requirement a mutant that violates only that
//! requirement (the way the E-ARK IP test corpus is built), checked under
//! the profile of the requirement.

use std::collections::BTreeSet;
use std::io::Cursor;

use chrono::NaiveDate;
use vanthu_archive::package::eark::{Level, Testable, requirement, requirements};
use vanthu_archive::package::{CheckOptions, PackageReport, Profile, check_package};

use crate::common::{description, entries, pack, zip_entries};

/// A package as its ZIP entries, in order (names with the root folder).
#[derive(Clone)]
pub(crate) struct Pkg {
    root: String,
    entries: Vec<(String, Vec<u8>)>,
}

/// Which valid package a mutant starts from.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Base {
    /// A `SIP_hoso` (no amdSec).
    Sip,
    /// An `AIP_hoso` (PREMIS in an amdSec).
    Aip,
    /// The AIP with a rights section added (rightsMD).
    Rights,
}

impl Pkg {
    pub(crate) fn read(bytes: &[u8]) -> Self {
        let entries = entries(bytes);
        let root = entries[0].0.split_once('/').unwrap().0.to_owned() + "/";
        Self { root, entries }
    }

    pub(crate) fn base(base: Base) -> Self {
        match base {
            Base::Sip => Self::read(&pack(description(false))),
            Base::Aip => Self::read(&pack(description(true))),
            Base::Rights => {
                let mut p = Self::base(Base::Aip);
                // A copy of the PREMIS section as a rights section, listed
                // in the Metadata division as CSIP91 asks.
                p.mets(|t| {
                    let start = t.find("<mets:digiprovMD").unwrap();
                    let end = t.find("</mets:digiprovMD>").unwrap() + "</mets:digiprovMD>".len();
                    let rights = t[start..end]
                        .replace("digiprovMD", "rightsMD")
                        .replace(" ID=\"", " ID=\"R")
                        .replace(
                            "MDTYPE=\"PREMIS\"",
                            "MDTYPE=\"OTHER\" OTHERMDTYPE=\"RIGHTS\"",
                        );
                    let id = attr_of(&rights, "ID");
                    // METS orders techMD, rightsMD, sourceMD, digiprovMD.
                    let t = t.replacen("<mets:digiprovMD", &format!("{rights}<mets:digiprovMD"), 1);
                    edit_tag(&t, "LABEL=\"Metadata\"", |tag| {
                        tag.replacen("ADMID=\"", &format!("ADMID=\"{id} "), 1)
                    })
                });
                p
            }
        }
    }

    pub(crate) fn zip(&self) -> Vec<u8> {
        zip_entries(&self.entries)
    }

    /// Edits the text of the entry at `rel` (below the root folder).
    fn text(&mut self, rel: &str, edit: impl FnOnce(&str) -> String) {
        let name = format!("{}{rel}", self.root);
        let e = self
            .entries
            .iter_mut()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no entry {name}"));
        let t = String::from_utf8(e.1.clone()).unwrap();
        let edited = edit(&t);
        assert_ne!(edited, t, "the edit of {rel} changed nothing");
        e.1 = edited.into_bytes();
    }

    /// Edits the root METS.
    fn mets(&mut self, edit: impl FnOnce(&str) -> String) {
        self.text("METS.xml", edit);
    }

    /// Edits the representation METS.
    fn rep(&mut self, edit: impl FnOnce(&str) -> String) {
        self.text("representations/rep1/METS.xml", edit);
    }

    /// Renames every entry below the root starting with `from`.
    fn rename(&mut self, from: &str, to: &str) {
        let (a, b) = (format!("{}{from}", self.root), format!("{}{to}", self.root));
        let mut n = 0;
        for (name, _) in &mut self.entries {
            if let Some(rest) = name.strip_prefix(&a) {
                *name = format!("{b}{rest}");
                n += 1;
            }
        }
        assert!(n > 0, "no entry starts with {from}");
    }

    fn remove(&mut self, rel: &str) {
        let name = format!("{}{rel}", self.root);
        let before = self.entries.len();
        self.entries.retain(|(n, _)| *n != name);
        assert_eq!(self.entries.len() + 1, before, "no entry {rel}");
    }

    fn add(&mut self, rel: &str, data: &[u8]) {
        self.entries
            .push((format!("{}{rel}", self.root), data.to_vec()));
    }

    fn rename_root(&mut self, to: &str) {
        let old = std::mem::replace(&mut self.root, to.to_owned());
        for (name, _) in &mut self.entries {
            *name = name.replacen(&old, to, 1);
        }
    }
}

/// The value of `name="…"` in a tag.
fn attr_of(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    let start = tag.find(&key).unwrap() + key.len();
    tag[start..].split('"').next().unwrap().to_owned()
}

/// Applies `edit` to the first tag (from `<` to `>`) that contains `needle`.
fn edit_tag(t: &str, needle: &str, edit: impl FnOnce(&str) -> String) -> String {
    let at = t
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found"));
    let start = t[..=at].rfind('<').unwrap();
    let end = at + t[at..].find('>').unwrap() + 1;
    format!("{}{}{}", &t[..start], edit(&t[start..end]), &t[end..])
}

/// Sets (or adds) an attribute on the first tag containing `needle`.
fn set(t: &str, needle: &str, attr: &str, value: &str) -> String {
    edit_tag(t, needle, |tag| {
        let key = format!(" {attr}=\"");
        match tag.find(&key) {
            Some(i) => {
                let v = i + key.len();
                let end = v + tag[v..].find('"').unwrap();
                format!("{}{value}{}", &tag[..v], &tag[end..])
            }
            None => {
                let close = if tag.ends_with("/>") {
                    tag.len() - 2
                } else {
                    tag.len() - 1
                };
                format!("{} {attr}=\"{value}\"{}", &tag[..close], &tag[close..])
            }
        }
    })
}

/// Removes an attribute from the first tag containing `needle`.
fn drop_attr(t: &str, needle: &str, attr: &str) -> String {
    edit_tag(t, needle, |tag| {
        let key = format!(" {attr}=\"");
        let i = tag
            .find(&key)
            .unwrap_or_else(|| panic!("no {attr} in {tag}"));
        let v = i + key.len();
        let end = v + tag[v..].find('"').unwrap() + 1;
        format!("{}{}", &tag[..i], &tag[end..])
    })
}

/// The span of the first element whose start tag contains `needle`.
fn element(t: &str, needle: &str) -> (usize, usize) {
    let at = t
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found"));
    let start = t[..=at].rfind('<').unwrap();
    let tag_end = at + t[at..].find('>').unwrap() + 1;
    if t[..tag_end].ends_with("/>") {
        return (start, tag_end);
    }
    let name: String = t[start + 1..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>')
        .collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let next_open = t[i + 1..].find(&open).map(|p| p + i + 1);
        let next_close = t[i + 1..].find(&close).map(|p| p + i + 1).unwrap();
        match next_open {
            Some(o) if o < next_close && t[o + open.len()..].starts_with([' ', '>']) => {
                depth += 1;
                i = o;
            }
            _ if depth == 0 => return (start, next_close + close.len()),
            _ => {
                depth -= 1;
                i = next_close;
            }
        }
    }
}

/// Removes the first element whose start tag contains `needle`.
fn drop_el(t: &str, needle: &str) -> String {
    let (a, b) = element(t, needle);
    format!("{}{}", &t[..a], &t[b..])
}

/// Inserts `text` right after the first element whose start tag contains
/// `needle`.
fn after_el(t: &str, needle: &str, text: &str) -> String {
    let (_, b) = element(t, needle);
    format!("{}{text}{}", &t[..b], &t[b..])
}

/// Repeats the first element whose start tag contains `needle`.
fn dup_el(t: &str, needle: &str) -> String {
    let (a, b) = element(t, needle);
    after_el(t, needle, &t[a..b])
}

/// The text after the first `marker`, edited, with what comes before kept.
fn after(t: &str, marker: &str, edit: impl FnOnce(&str) -> String) -> String {
    let i = t
        .find(marker)
        .unwrap_or_else(|| panic!("`{marker}` not found"));
    format!("{}{}", &t[..i], edit(&t[i..]))
}

/// An agent added to the root METS header.
fn add_agent(p: &mut Pkg, agent: &str) {
    p.mets(|t| t.replacen("</mets:metsHdr>", &format!("{agent}</mets:metsHdr>"), 1));
}

/// One row: a requirement, the base, and how to violate it alone.
pub(crate) struct Row {
    pub(crate) id: &'static str,
    pub(crate) base: Base,
    pub(crate) mutate: fn(&mut Pkg),
}

const fn row(id: &'static str, base: Base, mutate: fn(&mut Pkg)) -> Row {
    Row { id, base, mutate }
}

use Base::{Aip, Rights, Sip};

const MDREF_DMD: &str = "<mets:mdRef";
const MDREF_AMD: &str = "<mets:amdSec";
const MDREF_RIGHTS: &str = "<mets:rightsMD";

/// Every testable requirement, one mutant each.
pub(crate) const ROWS: &[Row] = &[
    // ---- folders ----
    row("CSIPSTR1", Sip, |p| {
        p.entries = p
            .entries
            .iter()
            .map(|(n, d)| (n.split_once('/').unwrap().1.to_owned(), d.clone()))
            .collect();
    }),
    row("CSIPSTR2", Sip, |p| p.rename_root("package/")),
    row("CSIPSTR4", Sip, |p| p.remove("METS.xml")),
    row("CSIPSTR5", Sip, |p| {
        p.remove("metadata/descriptive/EAD.xml")
    }),
    row("CSIPSTR6", Aip, |p| {
        p.rename("metadata/preservation/", "metadata/");
        p.mets(|t| t.replace("metadata/preservation/", "metadata/"));
    }),
    row("CSIPSTR7", Sip, |p| {
        p.rename("metadata/descriptive/", "metadata/");
        p.mets(|t| t.replace("metadata/descriptive/", "metadata/"));
    }),
    row("CSIPSTR9", Sip, |p| {
        p.rename("representations/", "content/")
    }),
    row("CSIPSTR10", Sip, |p| {
        p.add("representations/readme.txt", b"x")
    }),
    row("CSIPSTR11", Sip, |p| {
        p.rename("representations/rep1/data/", "representations/rep1/files/")
    }),
    row("CSIPSTR12", Sip, |p| {
        p.rename(
            "representations/rep1/METS.xml",
            "representations/rep1/mets-rep.xml",
        )
    }),
    row("CSIPSTR13", Sip, |p| {
        p.rename(
            "representations/rep1/metadata/",
            "representations/rep1/meta/",
        )
    }),
    row("CSIPSTR15", Sip, |p| {
        p.rename("schemas/", "xsd/");
        p.mets(|t| t.replace("\"schemas/", "\"xsd/"));
    }),
    row("CSIPSTR16", Sip, |p| {
        p.rename("documentation/", "doc/");
        p.mets(|t| t.replace("\"documentation/", "\"doc/"));
    }),
    // ---- root element ----
    row("CSIP1", Sip, |p| {
        p.mets(|t| set(t, "<mets:mets", "OBJID", ""))
    }),
    row("CSIP2", Sip, |p| {
        p.mets(|t| set(t, "<mets:mets", "TYPE", "Textual"))
    }),
    row("CSIP3", Sip, |p| {
        p.mets(|t| set(t, "<mets:mets", "TYPE", "Other"))
    }),
    row("CSIP4", Sip, |p| {
        p.mets(|t| set(t, "<mets:mets", "csip:CONTENTINFORMATIONTYPE", "TT05"))
    }),
    row("CSIP5", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:mets", "csip:OTHERCONTENTINFORMATIONTYPE"))
    }),
    row("CSIP6", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:mets", "PROFILE"))
    }),
    // ---- header ----
    row("CSIP117", Sip, |p| p.mets(|t| drop_el(t, "<mets:metsHdr"))),
    row("CSIP7", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:metsHdr", "CREATEDATE"))
    }),
    row("CSIP8", Sip, |p| {
        p.mets(|t| {
            set(
                t,
                "<mets:metsHdr",
                "LASTMODDATE",
                "2999-01-01T00:00:00+07:00",
            )
        })
    }),
    row("CSIP9", Sip, |p| {
        p.mets(|t| set(t, "<mets:metsHdr", "csip:OAISPACKAGETYPE", "PACKAGE"))
    }),
    row("CSIP10", Sip, |p| {
        p.mets(|t| drop_el(&drop_el(t, "<mets:agent"), "<mets:agent"))
    }),
    row("CSIP11", Sip, |p| {
        p.mets(|t| set(t, "<mets:agent", "ROLE", "EDITOR"))
    }),
    row("CSIP12", Sip, |p| {
        p.mets(|t| set(t, "<mets:agent", "TYPE", "ORGANIZATION"))
    }),
    row("CSIP13", Sip, |p| {
        p.mets(|t| set(t, "<mets:agent", "OTHERTYPE", "HARDWARE"))
    }),
    row("CSIP14", Sip, |p| p.mets(|t| drop_el(t, "<mets:name"))),
    row("CSIP15", Sip, |p| p.mets(|t| drop_el(t, "<mets:note"))),
    row("CSIP16", Sip, |p| {
        p.mets(|t| set(t, "<mets:note", "csip:NOTETYPE", "VERSION"))
    }),
    // ---- dmdSec ----
    row("CSIP17", Sip, |p| {
        p.mets(|t| drop_attr(&drop_el(t, "<mets:dmdSec"), "LABEL=\"Metadata\"", "DMDID"))
    }),
    row("CSIP18", Sip, |p| {
        p.mets(|t| {
            drop_attr(
                &drop_attr(t, "<mets:dmdSec", "ID"),
                "LABEL=\"Metadata\"",
                "DMDID",
            )
        })
    }),
    row("CSIP19", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:dmdSec", "CREATED"))
    }),
    row("CSIP20", Sip, |p| {
        p.mets(|t| set(t, "<mets:dmdSec", "STATUS", "OLD"))
    }),
    row("CSIP21", Sip, |p| p.mets(|t| drop_el(t, MDREF_DMD))),
    row("CSIP22", Sip, |p| {
        p.mets(|t| set(t, MDREF_DMD, "LOCTYPE", "OTHER"))
    }),
    row("CSIP23", Sip, |p| {
        p.mets(|t| set(t, MDREF_DMD, "xlink:type", "extended"))
    }),
    row("CSIP24", Sip, |p| {
        p.mets(|t| drop_attr(t, MDREF_DMD, "xlink:href"))
    }),
    row("CSIP25", Sip, |p| {
        p.mets(|t| drop_attr(t, MDREF_DMD, "MDTYPE"))
    }),
    row("CSIP26", Sip, |p| {
        p.mets(|t| set(t, MDREF_DMD, "MIMETYPE", "xml"))
    }),
    row("CSIP27", Sip, |p| {
        p.mets(|t| set(t, MDREF_DMD, "SIZE", "large"))
    }),
    row("CSIP28", Sip, |p| {
        p.mets(|t| drop_attr(t, MDREF_DMD, "CREATED"))
    }),
    row("CSIP29", Sip, |p| {
        p.mets(|t| drop_attr(t, MDREF_DMD, "CHECKSUM"))
    }),
    row("CSIP30", Sip, |p| {
        p.mets(|t| drop_attr(t, MDREF_DMD, "CHECKSUMTYPE"))
    }),
    // ---- amdSec ----
    row("CSIP31", Aip, |p| {
        p.mets(|t| drop_attr(&drop_el(t, "<mets:amdSec"), "LABEL=\"Metadata\"", "ADMID"))
    }),
    row("CSIP32", Aip, |p| {
        p.mets(|t| t.replace("mets:digiprovMD", "mets:techMD"))
    }),
    row("CSIP33", Aip, |p| {
        p.mets(|t| {
            drop_attr(
                &drop_attr(t, "<mets:digiprovMD", "ID"),
                "LABEL=\"Metadata\"",
                "ADMID",
            )
        })
    }),
    row("CSIP34", Aip, |p| {
        p.mets(|t| set(t, "<mets:digiprovMD", "STATUS", "OLD"))
    }),
    row("CSIP35", Aip, |p| {
        p.mets(|t| after(t, MDREF_AMD, |t| drop_el(t, "<mets:mdRef")))
    }),
    row("CSIP36", Aip, |p| {
        p.mets(|t| after(t, MDREF_AMD, |t| set(t, "<mets:mdRef", "LOCTYPE", "OTHER")))
    }),
    row("CSIP37", Aip, |p| {
        p.mets(|t| {
            after(t, MDREF_AMD, |t| {
                set(t, "<mets:mdRef", "xlink:type", "extended")
            })
        })
    }),
    row("CSIP38", Aip, |p| {
        p.mets(|t| after(t, MDREF_AMD, |t| drop_attr(t, "<mets:mdRef", "xlink:href")))
    }),
    row("CSIP39", Aip, |p| {
        p.mets(|t| after(t, MDREF_AMD, |t| drop_attr(t, "<mets:mdRef", "MDTYPE")))
    }),
    row("CSIP40", Aip, |p| {
        p.mets(|t| after(t, MDREF_AMD, |t| set(t, "<mets:mdRef", "MIMETYPE", "xml")))
    }),
    row("CSIP41", Aip, |p| {
        p.mets(|t| after(t, MDREF_AMD, |t| drop_attr(t, "<mets:mdRef", "SIZE")))
    }),
    row("CSIP42", Aip, |p| {
        p.mets(|t| after(t, MDREF_AMD, |t| drop_attr(t, "<mets:mdRef", "CREATED")))
    }),
    row("CSIP43", Aip, |p| {
        p.mets(|t| after(t, MDREF_AMD, |t| drop_attr(t, "<mets:mdRef", "CHECKSUM")))
    }),
    row("CSIP44", Aip, |p| {
        p.mets(|t| {
            after(t, MDREF_AMD, |t| {
                set(t, "<mets:mdRef", "CHECKSUMTYPE", "SHA-999")
            })
        })
    }),
    row("CSIP46", Rights, |p| {
        p.mets(|t| {
            let id = attr_of(&t[t.find(MDREF_RIGHTS).unwrap()..], "ID");
            let t = drop_attr(t, MDREF_RIGHTS, "ID");
            t.replacen(&format!("{id} "), "", 1)
        })
    }),
    row("CSIP47", Rights, |p| {
        p.mets(|t| set(t, MDREF_RIGHTS, "STATUS", "OLD"))
    }),
    row("CSIP48", Rights, |p| {
        p.mets(|t| after(t, MDREF_RIGHTS, |t| drop_el(t, "<mets:mdRef")))
    }),
    row("CSIP49", Rights, |p| {
        p.mets(|t| {
            after(t, MDREF_RIGHTS, |t| {
                set(t, "<mets:mdRef", "LOCTYPE", "OTHER")
            })
        })
    }),
    row("CSIP50", Rights, |p| {
        p.mets(|t| {
            after(t, MDREF_RIGHTS, |t| {
                set(t, "<mets:mdRef", "xlink:type", "extended")
            })
        })
    }),
    row("CSIP51", Rights, |p| {
        p.mets(|t| {
            after(t, MDREF_RIGHTS, |t| {
                drop_attr(t, "<mets:mdRef", "xlink:href")
            })
        })
    }),
    row("CSIP52", Rights, |p| {
        p.mets(|t| after(t, MDREF_RIGHTS, |t| drop_attr(t, "<mets:mdRef", "MDTYPE")))
    }),
    row("CSIP53", Rights, |p| {
        p.mets(|t| {
            after(t, MDREF_RIGHTS, |t| {
                set(t, "<mets:mdRef", "MIMETYPE", "xml")
            })
        })
    }),
    row("CSIP54", Rights, |p| {
        p.mets(|t| after(t, MDREF_RIGHTS, |t| set(t, "<mets:mdRef", "SIZE", "-1")))
    }),
    row("CSIP55", Rights, |p| {
        p.mets(|t| {
            after(t, MDREF_RIGHTS, |t| {
                set(t, "<mets:mdRef", "CREATED", "yesterday")
            })
        })
    }),
    row("CSIP56", Rights, |p| {
        p.mets(|t| {
            after(t, MDREF_RIGHTS, |t| {
                set(t, "<mets:mdRef", "CHECKSUM", "not-hex")
            })
        })
    }),
    row("CSIP57", Rights, |p| {
        p.mets(|t| {
            after(t, MDREF_RIGHTS, |t| {
                drop_attr(t, "<mets:mdRef", "CHECKSUMTYPE")
            })
        })
    }),
    // ---- fileSec ----
    row("CSIP58", Sip, |p| p.mets(|t| dup_el(t, "<mets:fileSec"))),
    row("CSIP59", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:fileSec", "ID"))
    }),
    // The file group renamed, and the division describing it removed.
    row("CSIP60", Sip, |p| {
        p.mets(|t| {
            drop_el(
                &set(t, "USE=\"Documentation\"", "USE", "Docs"),
                "LABEL=\"Documentation\"",
            )
        })
    }),
    row("CSIP113", Sip, |p| {
        p.mets(|t| {
            drop_el(
                &set(t, "USE=\"Schemas\"", "USE", "XSD"),
                "LABEL=\"Schemas\"",
            )
        })
    }),
    row("CSIP114", Sip, |p| {
        p.mets(|t| {
            let t = set(t, "USE=\"Representations/rep1\"", "USE", "Content/rep1");
            drop_el(&t, "LABEL=\"Representations\"")
        })
    }),
    row("CSIP61", Sip, |p| {
        p.mets(|t| set(t, "<mets:fileGrp", "ADMID", "ID-NONE"))
    }),
    row("CSIP62", Sip, |p| {
        p.mets(|t| set(t, "<mets:fileGrp", "csip:CONTENTINFORMATIONTYPE", "TT05"))
    }),
    row("CSIP63", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:fileGrp", "csip:OTHERCONTENTINFORMATIONTYPE"))
    }),
    row("CSIP64", Sip, |p| {
        p.rep(|t| drop_attr(t, "<mets:fileGrp", "USE"))
    }),
    row("CSIP65", Sip, |p| {
        p.rep(|t| drop_attr(t, "<mets:fileGrp", "ID"))
    }),
    row("CSIP66", Sip, |p| {
        p.rep(|t| {
            drop_el(
                &drop_el(&drop_el(t, "<mets:file "), "<mets:file "),
                "<mets:file ",
            )
        })
    }),
    row("CSIP67", Sip, |p| {
        p.rep(|t| drop_attr(t, "<mets:file ", "ID"))
    }),
    row("CSIP68", Sip, |p| {
        p.mets(|t| set(t, "<mets:file ", "MIMETYPE", "text"))
    }),
    row("CSIP69", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:file ", "SIZE"))
    }),
    row("CSIP70", Sip, |p| {
        p.mets(|t| set(t, "<mets:file ", "CREATED", "yesterday"))
    }),
    row("CSIP71", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:file ", "CHECKSUM"))
    }),
    row("CSIP72", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:file ", "CHECKSUMTYPE"))
    }),
    row("CSIP74", Sip, |p| {
        p.mets(|t| set(t, "<mets:file ", "ADMID", "ID-NONE"))
    }),
    row("CSIP75", Sip, |p| {
        p.mets(|t| set(t, "<mets:file ", "DMDID", "ID-NONE"))
    }),
    row("CSIP76", Sip, |p| p.mets(|t| dup_el(t, "<mets:FLocat"))),
    row("CSIP77", Sip, |p| {
        p.mets(|t| set(t, "<mets:FLocat", "LOCTYPE", "OTHER"))
    }),
    row("CSIP78", Sip, |p| {
        p.mets(|t| set(t, "<mets:FLocat", "xlink:type", "locator"))
    }),
    row("CSIP79", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:FLocat", "xlink:href"))
    }),
    // ---- structMap ----
    row("CSIP80", Sip, |p| p.mets(|t| drop_el(t, "<mets:structMap"))),
    row("CSIP81", Sip, |p| {
        p.mets(|t| set(t, "<mets:structMap", "TYPE", "LOGICAL"))
    }),
    row("CSIP82", Sip, |p| {
        p.mets(|t| set(t, "<mets:structMap", "LABEL", "Main"))
    }),
    row("CSIP83", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:structMap", "ID"))
    }),
    row("CSIP84", Sip, |p| {
        p.mets(|t| {
            t.replacen(
                "</mets:structMap>",
                "<mets:div ID=\"ID-SECOND\"/></mets:structMap>",
                1,
            )
        })
    }),
    row("CSIP85", Sip, |p| {
        p.mets(|t| after(t, "<mets:structMap", |t| drop_attr(t, "<mets:div", "ID")))
    }),
    row("CSIP88", Sip, |p| {
        p.mets(|t| set(t, "LABEL=\"Metadata\"", "LABEL", "Meta"))
    }),
    row("CSIP89", Sip, |p| {
        p.mets(|t| drop_attr(t, "LABEL=\"Metadata\"", "ID"))
    }),
    row("CSIP91", Aip, |p| {
        p.mets(|t| drop_attr(t, "LABEL=\"Metadata\"", "ADMID"))
    }),
    row("CSIP92", Sip, |p| {
        p.mets(|t| drop_attr(t, "LABEL=\"Metadata\"", "DMDID"))
    }),
    row("CSIP93", Sip, |p| {
        p.mets(|t| set(t, "LABEL=\"Documentation\"", "LABEL", "Docs"))
    }),
    row("CSIP94", Sip, |p| {
        p.mets(|t| drop_attr(t, "LABEL=\"Documentation\"", "ID"))
    }),
    row("CSIP96", Sip, |p| {
        p.mets(|t| after(t, "LABEL=\"Documentation\"", |t| drop_el(t, "<mets:fptr")))
    }),
    row("CSIP116", Sip, |p| {
        p.mets(|t| {
            after(t, "LABEL=\"Documentation\"", |t| {
                set(t, "<mets:fptr", "FILEID", "ID-NONE")
            })
        })
    }),
    row("CSIP97", Sip, |p| {
        p.mets(|t| set(t, "LABEL=\"Schemas\"", "LABEL", "XSD"))
    }),
    row("CSIP98", Sip, |p| {
        p.mets(|t| drop_attr(t, "LABEL=\"Schemas\"", "ID"))
    }),
    row("CSIP100", Sip, |p| {
        p.mets(|t| after(t, "LABEL=\"Schemas\"", |t| drop_el(t, "<mets:fptr")))
    }),
    row("CSIP118", Sip, |p| {
        p.mets(|t| {
            after(t, "LABEL=\"Schemas\"", |t| {
                set(t, "<mets:fptr", "FILEID", "ID-NONE")
            })
        })
    }),
    row("CSIP101", Sip, |p| {
        p.mets(|t| set(t, "LABEL=\"Representations\"", "LABEL", "Content"))
    }),
    row("CSIP102", Sip, |p| {
        p.mets(|t| drop_attr(t, "LABEL=\"Representations\"", "ID"))
    }),
    row("CSIP104", Sip, |p| {
        p.mets(|t| after(t, "LABEL=\"Representations\"", |t| drop_el(t, "<mets:fptr")))
    }),
    row("CSIP119", Sip, |p| {
        p.mets(|t| {
            after(t, "LABEL=\"Representations\"", |t| {
                set(t, "<mets:fptr", "FILEID", "ID-NONE")
            })
        })
    }),
    row("CSIP105", Sip, |p| {
        p.mets(|t| drop_el(t, "LABEL=\"Representations/rep1\""))
    }),
    row("CSIP106", Sip, |p| {
        p.mets(|t| drop_attr(t, "LABEL=\"Representations/rep1\"", "ID"))
    }),
    row("CSIP107", Sip, |p| {
        p.mets(|t| set(t, "LABEL=\"Representations/rep1\"", "LABEL", "rep1"))
    }),
    row("CSIP108", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:mptr", "xlink:title"))
    }),
    row("CSIP109", Sip, |p| p.mets(|t| drop_el(t, "<mets:mptr"))),
    row("CSIP110", Sip, |p| {
        p.mets(|t| drop_attr(t, "<mets:mptr", "xlink:href"))
    }),
    row("CSIP111", Sip, |p| {
        p.mets(|t| set(t, "<mets:mptr", "xlink:type", "arc"))
    }),
    row("CSIP112", Sip, |p| {
        p.mets(|t| set(t, "<mets:mptr", "LOCTYPE", "URN"))
    }),
    // ---- SIP ----
    row("SIP2", Sip, |p| {
        p.mets(|t| {
            set(
                t,
                "<mets:mets",
                "PROFILE",
                "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml",
            )
        })
    }),
    row("SIP3", Sip, |p| {
        p.mets(|t| set(t, "<mets:metsHdr", "RECORDSTATUS", "FRESH"))
    }),
    row("SIP4", Sip, |p| {
        p.mets(|t| set(t, "<mets:metsHdr", "csip:OAISPACKAGETYPE", "DIP"))
    }),
    row("SIP10", Sip, |p| {
        add_agent(
            p,
            "<mets:agent TYPE=\"INDIVIDUAL\"><mets:name>Trần Thị B</mets:name></mets:agent>",
        )
    }),
    row("SIP11", Sip, |p| {
        add_agent(
            p,
            "<mets:agent ROLE=\"ARCHIVIST\" TYPE=\"OTHER\" OTHERTYPE=\"UNIT\"><mets:name>Phòng</mets:name></mets:agent>",
        )
    }),
    row("SIP14", Sip, |p| {
        p.mets(|t| {
            after(t, "ROLE=\"ARCHIVIST\"", |t| {
                t.replacen(
                    "</mets:name>",
                    "</mets:name><mets:note>000.00.18.H40</mets:note>",
                    1,
                )
            })
        })
    }),
    row("SIP15", Sip, |p| {
        p.mets(|t| set(t, "ROLE=\"ARCHIVIST\"", "ROLE", "EDITOR"))
    }),
    row("SIP20", Sip, |p| {
        add_agent(
            p,
            "<mets:agent ROLE=\"CREATOR\" TYPE=\"ORGANIZATION\"><mets:name>Sở Nội vụ</mets:name><mets:note>000.00.18.H40</mets:note></mets:agent>",
        )
    }),
    row("SIP24", Sip, |p| {
        add_agent(
            p,
            "<mets:agent ROLE=\"CREATOR\" TYPE=\"INDIVIDUAL\"><mets:name> </mets:name></mets:agent>",
        )
    }),
    row("SIP28", Sip, |p| {
        add_agent(
            p,
            "<mets:agent ROLE=\"PRESERVATION\" TYPE=\"INDIVIDUAL\"><mets:name>Trần Thị B</mets:name></mets:agent>",
        )
    }),
    row("SIP31", Sip, |p| {
        add_agent(
            p,
            "<mets:agent ROLE=\"PRESERVATION\" TYPE=\"ORGANIZATION\"><mets:name>Lưu trữ lịch sử</mets:name><mets:note>H40.01</mets:note></mets:agent>",
        )
    }),
];

/// The time of the checks: the day after the packages were made.
fn at() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 6)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
}

pub(crate) fn check(bytes: &[u8], profile: Profile) -> PackageReport {
    check_package(
        Cursor::new(bytes),
        &CheckOptions::default().with_profile(profile).at(at()),
    )
    .unwrap()
}

/// The requirements a report names.
fn named(r: &PackageReport) -> BTreeSet<String> {
    r.findings
        .iter()
        .filter_map(|f| f.requirement.clone())
        .collect()
}

/// The profile a row's requirement belongs to.
pub(crate) fn profile_of(id: &str) -> Profile {
    if id.starts_with("SIP") {
        Profile::Sip
    } else {
        Profile::Csip
    }
}

/// The mutant of a row, as a ZIP.
pub(crate) fn mutant(row: &Row) -> Vec<u8> {
    let mut p = Pkg::base(row.base);
    (row.mutate)(&mut p);
    p.zip()
}

#[test]
fn the_bases_are_conformant_under_every_profile_and_name_no_requirement() {
    for (base, profiles) in [
        (Sip, &Profile::ALL[..]),
        // An AIP is no SIP (see below).
        (Aip, &[Profile::Csip, Profile::Tt05][..]),
        (Rights, &[Profile::Csip, Profile::Tt05][..]),
    ] {
        let bytes = Pkg::base(base).zip();
        for &profile in profiles {
            let r = check(&bytes, profile);
            assert!(
                r.findings.is_empty(),
                "{base:?} under {profile}: {:#?}",
                r.findings
            );
            assert!(r.conformant());
        }
    }
}

#[test]
fn every_mutant_names_exactly_its_requirement() {
    let mut failures = Vec::new();
    for row in ROWS {
        let req = requirement(row.id).unwrap_or_else(|| panic!("{}: no such requirement", row.id));
        let r = check(&mutant(row), profile_of(row.id));
        let named = named(&r);
        let expected: BTreeSet<String> = [row.id.to_owned()].into();
        if named != expected {
            failures.push(format!("{}: named {named:?}", row.id));
            continue;
        }
        for f in r.findings.iter().filter(|f| f.requirement.is_some()) {
            assert_eq!(f.severity, req.level.severity(), "{}", row.id);
            assert_eq!(f.source, req.source(), "{}", row.id);
            assert!(f.rule.starts_with("ARCH-EARK-"), "{}", row.id);
            assert!(f.rule.ends_with(req.level.as_str()), "{}", row.id);
        }
        // Other (vanthu) findings may follow from the mutation, e.g. a
        // missing file: only a MUST requirement itself decides.
        if req.level == Level::Must {
            assert!(!r.conformant(), "{}", row.id);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_testable_requirement_has_a_row() {
    let rows: BTreeSet<&str> = ROWS.iter().map(|r| r.id).collect();
    assert_eq!(rows.len(), ROWS.len(), "a requirement has two rows");
    let missing: Vec<&str> = requirements()
        .filter(|r| r.testable == Testable::Yes && !rows.contains(r.id))
        .map(|r| r.id)
        .collect();
    assert!(missing.is_empty(), "no mutant for {missing:?}");
    let untestable: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|id| requirement(id).is_some_and(|r| r.testable != Testable::Yes))
        .collect();
    assert!(untestable.is_empty(), "rows for untestable {untestable:?}");
}

#[test]
fn the_requirement_table_is_complete_and_ordered() {
    let ids: Vec<&str> = requirements().map(|r| r.id).collect();
    let count = |prefix: &str| {
        ids.iter()
            .filter(|i| {
                i.strip_prefix(prefix)
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            })
            .count()
    };
    // CSIP1–CSIP119 without CSIP86, CSIP87 (removed in 2.1.0) and
    // CSIP115 (never assigned); SIP1–SIP35; CSIPSTR1–CSIPSTR16.
    assert_eq!(count("CSIP"), 116);
    assert_eq!(count("SIP"), 35);
    assert_eq!(count("CSIPSTR"), 16);
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len());
    for r in requirements() {
        assert!(!r.text.is_empty() && !r.text_vi.is_empty(), "{}", r.id);
        assert_eq!(r.rule().severity, r.level.severity(), "{}", r.id);
        if let Testable::No(why) = r.testable {
            assert!(!why.is_empty(), "{}", r.id);
        }
    }
}

#[test]
fn lastmoddate_in_the_future_needs_the_time_of_the_check() {
    let row = ROWS.iter().find(|r| r.id == "CSIP8").unwrap();
    let bytes = mutant(row);
    let without = check_package(
        Cursor::new(&bytes),
        &CheckOptions::default().with_profile(Profile::Csip),
    )
    .unwrap();
    assert!(named(&without).is_empty(), "{:#?}", without.findings);
    assert_eq!(
        named(&check(&bytes, Profile::Csip)),
        ["CSIP8".to_owned()].into()
    );
}

#[test]
fn sip_requirements_apply_under_sip_and_to_sips_under_tt05() {
    let row = ROWS.iter().find(|r| r.id == "SIP2").unwrap();
    let bytes = mutant(row);
    assert!(check(&bytes, Profile::Csip).conformant());
    for profile in [Profile::Sip, Profile::Tt05] {
        let r = check(&bytes, profile);
        assert!(!r.conformant(), "{profile}");
        assert_eq!(named(&r), ["SIP2".to_owned()].into(), "{profile}");
    }
    // An AIP is no SIP: under sip it fails SIP2 (its profile is CSIP's)
    // and SIP4, under tt05 the SIP requirements do not apply to it.
    let aip = Pkg::base(Aip).zip();
    assert_eq!(
        named(&check(&aip, Profile::Sip)),
        ["SIP2".to_owned(), "SIP4".to_owned()].into()
    );
    assert!(check(&aip, Profile::Tt05).findings.is_empty());
}

#[test]
fn a_valid_eark_package_fails_tt05_only_for_circular_05_requirements() {
    // A valid E-ARK package whose descriptive metadata is not the
    // circular's element set.
    let mut p = Pkg::base(Sip);
    p.text("metadata/descriptive/EAD.xml", |t| {
        let start = t.find("<fileCode>").unwrap();
        let end = t.find("</fileCode>").unwrap() + "</fileCode>".len();
        format!("{}{}", &t[..start], &t[end..])
    });
    let bytes = p.zip();
    // The checksum of EAD.xml in METS is the original one.
    let options = |profile| {
        let mut o = CheckOptions::default().with_profile(profile).at(at());
        o.verify_checksums = false;
        o
    };
    for profile in [Profile::Csip, Profile::Sip] {
        let r = check_package(Cursor::new(&bytes), &options(profile)).unwrap();
        assert!(r.findings.is_empty(), "{profile}: {:#?}", r.findings);
    }
    let r = check_package(Cursor::new(&bytes), &options(Profile::Tt05)).unwrap();
    assert!(!r.conformant());
    for f in &r.findings {
        assert!(f.requirement.is_none(), "{f:?}");
        assert!(
            f.source.starts_with("Thông tư 05/2025/TT-BNV")
                || f.source.starts_with("Nghị định 30/2020/NĐ-CP"),
            "{f:?}"
        );
    }
}

#[test]
fn a_package_declaring_csip_2_0_4_may_use_its_vocabulary() {
    let mut p = Pkg::base(Sip);
    p.mets(|t| {
        set(
            &set(
                t,
                "<mets:mets",
                "PROFILE",
                "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP-v2-0-4.xml",
            ),
            "<mets:mets",
            "csip:CONTENTINFORMATIONTYPE",
            "TT05",
        )
    });
    p.mets(|t| drop_attr(t, "<mets:mets", "csip:OTHERCONTENTINFORMATIONTYPE"));
    let r = check(&p.zip(), Profile::Csip);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let row = ROWS.iter().find(|r| r.id == "CSIP4").unwrap();
    assert!(!named(&check(&mutant(row), Profile::Csip)).is_empty());
}

#[test]
fn findings_carry_both_languages_without_english_in_vietnamese() {
    for row in ROWS.iter().take(40) {
        for f in check(&mutant(row), profile_of(row.id)).findings {
            if f.requirement.is_some() {
                assert!(f.message.starts_with(row.id), "{}", f.message);
                assert!(f.message_vi.starts_with(row.id), "{}", f.message_vi);
                assert_ne!(f.message, f.message_vi);
            }
        }
    }
}

#[test]
fn the_archive_profile_lists_every_requirement() {
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/archive-profile.md"
    ))
    .unwrap();
    let section = &docs[docs.find("## 14. E-ARK requirements").unwrap()..];
    for r in requirements() {
        let line = section
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", r.id)))
            .unwrap_or_else(|| panic!("{} is not in docs/archive-profile.md §14", r.id));
        assert!(line.contains(&format!("| {} |", r.level)), "{line}");
        let checked = line.contains("checked (row");
        assert_eq!(checked, r.testable == Testable::Yes, "{line}");
        assert!(line.contains(r.rule().id), "{line}");
    }
}
