//! The requirements of E-ARK CSIP 2.1.0 and E-ARK SIP 2.1.0 as data, and
//! their checks on a package's METS documents and entry names.
//!
//! Every requirement is one [`Requirement`] row (id, level, section,
//! location, a short text in English and Vietnamese, and whether a machine
//! can test it). A violated requirement becomes one finding:
//!
//! - its rule is the catalogue rule of the requirement's section and level
//!   (`ARCH-EARK-HDR-MUST`, `ARCH-EARK-FILE-SHOULD`, …): one rule per
//!   section and level, not one per requirement, so that the catalogue
//!   stays readable (24 rules instead of about 170) while every finding
//!   still names its exact requirement;
//! - its [`requirement`](vanthu_identifiers::Finding::requirement) is the
//!   E-ARK id (`CSIP2`, `SIP4`, `CSIPSTR4`);
//! - its severity follows the level: MUST is an error, SHOULD a warning,
//!   MAY a note;
//! - its source is the requirement itself (`E-ARK CSIP 2.1.0 CSIP2`).
//!
//! Which requirements apply is the caller's [`Profile`]: CSIP always, SIP
//! under [`Profile::Sip`] (and under [`Profile::Tt05`] for packages whose
//! `OAISPACKAGETYPE` is `SIP`), and the findings of Circular 05's own rules
//! only under [`Profile::Tt05`].

mod files;
mod folders;
mod header;
mod metadata;
mod sip;
mod structmap;

use std::fmt;

use vanthu_identifiers::{Finding, Location, Rule, Severity};

use super::Profile;
use super::xml::Element;
use crate::rules;

/// How strongly a requirement binds (RFC 2119 words of the specification).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub enum Level {
    /// MUST: a violation is an error.
    Must,
    /// SHOULD: a violation is a warning.
    Should,
    /// MAY: a violation is a note.
    May,
}

impl Level {
    /// The severity of a finding at this level.
    #[must_use]
    pub const fn severity(self) -> Severity {
        match self {
            Self::Must => Severity::Error,
            Self::Should => Severity::Warning,
            Self::May => Severity::Note,
        }
    }

    /// `MUST`, `SHOULD` or `MAY`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Must => "MUST",
            Self::Should => "SHOULD",
            Self::May => "MAY",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The part of the specification a requirement belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub enum Section {
    /// CSIP folder structure (`CSIPSTR*`).
    Folders,
    /// CSIP root element `mets` (CSIP1–CSIP6).
    Root,
    /// CSIP `metsHdr` and its agents (CSIP7–CSIP16, CSIP117).
    Header,
    /// CSIP `dmdSec` (CSIP17–CSIP30).
    Descriptive,
    /// CSIP `amdSec` (CSIP31–CSIP57).
    Administrative,
    /// CSIP `fileSec` (CSIP58–CSIP79, CSIP113, CSIP114).
    Files,
    /// CSIP `structMap` (CSIP80–CSIP112, CSIP116, CSIP118, CSIP119).
    StructMap,
    /// E-ARK SIP (SIP1–SIP35).
    Sip,
}

/// Whether a machine can test a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub enum Testable {
    /// Checked by [`check_package`](super::check_package).
    Yes,
    /// Not machine-testable, with the reason.
    No(&'static str),
}

/// One requirement of E-ARK CSIP 2.1.0 or SIP 2.1.0.
///
/// ```
/// use vanthu_archive::package::eark::{Level, requirement};
/// let r = requirement("CSIP2").unwrap();
/// assert_eq!(r.level, Level::Must);
/// assert_eq!(r.location, "mets/@TYPE");
/// assert_eq!(r.source(), "E-ARK CSIP 2.1.0 CSIP2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub struct Requirement {
    /// The id in the specification (`CSIP2`, `SIP4`, `CSIPSTR4`).
    pub id: &'static str,
    /// MUST, SHOULD or MAY.
    pub level: Level,
    /// The part of the specification.
    pub section: Section,
    /// Where it applies, as an XPath-like location or a folder.
    pub location: &'static str,
    /// What is required, in English.
    pub text: &'static str,
    /// What is required, in Vietnamese.
    pub text_vi: &'static str,
    /// Whether a machine can test it.
    pub testable: Testable,
}

impl Requirement {
    const fn new(
        id: &'static str,
        level: Level,
        section: Section,
        location: &'static str,
        text: &'static str,
        text_vi: &'static str,
        testable: Testable,
    ) -> Self {
        Self {
            id,
            level,
            section,
            location,
            text,
            text_vi,
            testable,
        }
    }

    /// The specification and version: `E-ARK SIP 2.1.0` for SIP
    /// requirements, `E-ARK CSIP 2.1.0` for the others.
    #[must_use]
    pub const fn specification(&self) -> &'static str {
        match self.section {
            Section::Sip => "E-ARK SIP 2.1.0",
            _ => "E-ARK CSIP 2.1.0",
        }
    }

    /// The source written in findings: `E-ARK CSIP 2.1.0 CSIP2`.
    #[must_use]
    pub fn source(&self) -> String {
        format!("{} {}", self.specification(), self.id)
    }

    /// The catalogue rule of findings of this requirement (one rule per
    /// section and level).
    #[must_use]
    pub const fn rule(&self) -> Rule {
        use Level::{May, Must, Should};
        use Section as S;
        match (self.section, self.level) {
            (S::Folders, Must) => rules::EARK_FOLDERS_MUST,
            (S::Folders, Should) => rules::EARK_FOLDERS_SHOULD,
            (S::Folders, May) => rules::EARK_FOLDERS_MAY,
            (S::Root, Must) => rules::EARK_ROOT_MUST,
            (S::Root, Should) => rules::EARK_ROOT_SHOULD,
            (S::Root, May) => rules::EARK_ROOT_MAY,
            (S::Header, Must) => rules::EARK_HEADER_MUST,
            (S::Header, Should) => rules::EARK_HEADER_SHOULD,
            (S::Header, May) => rules::EARK_HEADER_MAY,
            (S::Descriptive, Must) => rules::EARK_DMD_MUST,
            (S::Descriptive, Should) => rules::EARK_DMD_SHOULD,
            (S::Descriptive, May) => rules::EARK_DMD_MAY,
            (S::Administrative, Must) => rules::EARK_AMD_MUST,
            (S::Administrative, Should) => rules::EARK_AMD_SHOULD,
            (S::Administrative, May) => rules::EARK_AMD_MAY,
            (S::Files, Must) => rules::EARK_FILES_MUST,
            (S::Files, Should) => rules::EARK_FILES_SHOULD,
            (S::Files, May) => rules::EARK_FILES_MAY,
            (S::StructMap, Must) => rules::EARK_STRUCTMAP_MUST,
            (S::StructMap, Should) => rules::EARK_STRUCTMAP_SHOULD,
            (S::StructMap, May) => rules::EARK_STRUCTMAP_MAY,
            (S::Sip, Must) => rules::EARK_SIP_MUST,
            (S::Sip, Should) => rules::EARK_SIP_SHOULD,
            (S::Sip, May) => rules::EARK_SIP_MAY,
        }
    }

    /// A finding of this requirement at `path`; `detail` (a value or an
    /// element, language-neutral) is appended when not empty.
    #[must_use]
    pub fn finding(&self, path: &str, detail: &str) -> Finding {
        let tail = if detail.is_empty() {
            String::new()
        } else {
            format!(" ({detail})")
        };
        let mut f = self.rule().custom(
            format!("{}: {}{tail}", self.id, self.text),
            format!("{}: {}{tail}", self.id, self.text_vi),
            Location::at_path(path),
        );
        f.source = self.source();
        f.with_requirement(self.id)
    }
}

/// Defines requirement constants and a table of them.
macro_rules! requirement_table {
    ($table:ident: $($name:ident = ($level:ident, $section:ident, $loc:expr, $en:expr, $vi:expr, $test:expr);)*) => {
        $(
            pub(super) const $name: $crate::package::eark::Requirement =
                $crate::package::eark::Requirement::new(
                    stringify!($name),
                    $crate::package::eark::Level::$level,
                    $crate::package::eark::Section::$section,
                    $loc, $en, $vi, $test,
                );
        )*
        /// The requirements of this part, in the specification's order.
        pub(super) const $table: &[$crate::package::eark::Requirement] = &[$($name),*];
    };
}
use requirement_table;

/// Every requirement of E-ARK CSIP 2.1.0 (with its folder structure) and
/// E-ARK SIP 2.1.0, in the order of the specifications.
pub fn requirements() -> impl Iterator<Item = &'static Requirement> {
    [
        folders::TABLE,
        header::ROOT_TABLE,
        header::TABLE,
        metadata::DMD_TABLE,
        metadata::AMD_TABLE,
        files::TABLE,
        structmap::TABLE,
        sip::TABLE,
    ]
    .into_iter()
    .flatten()
}

/// The requirement with this id.
#[must_use]
pub fn requirement(id: &str) -> Option<&'static Requirement> {
    requirements().find(|r| r.id == id)
}

/// What the checks of one METS document see.
pub(crate) struct Ctx<'a> {
    /// Path of the METS document in the package.
    path: &'a str,
    /// The package's root METS (not a representation's).
    root: bool,
    /// The document declares CSIP 2.0.4 (its `PROFILE` names that version).
    v2_0_4: bool,
    /// Every file of the package, relative to its root folder (NFC).
    entries: &'a [String],
    out: &'a mut Vec<Finding>,
}

impl Ctx<'_> {
    fn fail(&mut self, r: &Requirement, detail: impl AsRef<str>) {
        self.out.push(r.finding(self.path, detail.as_ref()));
    }

    fn check(&mut self, ok: bool, r: &Requirement, detail: impl AsRef<str>) {
        if !ok {
            self.fail(r, detail);
        }
    }

    /// Folder of this METS document (`""` or `representations/rep1/`).
    fn dir(&self) -> &str {
        self.path.strip_suffix("METS.xml").unwrap_or("")
    }
}

/// What the E-ARK checks found while a package was read, kept until the
/// caller's options are known.
#[derive(Debug, Clone, Default)]
pub(crate) struct Collected {
    /// CSIP findings.
    csip: Vec<Finding>,
    /// SIP findings.
    sip: Vec<Finding>,
    /// `LASTMODDATE` values by METS path (CSIP8 needs the time of the check).
    last_modified: Vec<(String, String)>,
    /// `OAISPACKAGETYPE` of the root METS.
    package_type: Option<String>,
}

/// Checks one METS document of the package against CSIP (and SIP, kept
/// apart until the profile is known).
pub(crate) fn check_mets(
    mets: &Element,
    path: &str,
    root: bool,
    entries: &[String],
    into: &mut Collected,
) {
    if mets.name != "mets" {
        return;
    }
    let hdr = mets.child("metsHdr");
    if let Some(t) = hdr.and_then(|h| h.attr("LASTMODDATE")) {
        into.last_modified.push((path.to_owned(), t.to_owned()));
    }
    if root {
        into.package_type = hdr
            .and_then(|h| h.attr("OAISPACKAGETYPE"))
            .map(str::to_owned);
    }
    let v2_0_4 = mets
        .attr("PROFILE")
        .is_some_and(|p| p.contains("2.0.4") || p.contains("2-0-4"));
    let mut ctx = Ctx {
        path,
        root,
        v2_0_4,
        entries,
        out: &mut into.csip,
    };
    header::check(mets, &mut ctx);
    metadata::check(mets, &mut ctx);
    files::check(mets, &mut ctx);
    structmap::check(mets, &mut ctx);
    if root {
        let mut ctx = Ctx {
            path,
            root,
            v2_0_4,
            entries,
            out: &mut into.sip,
        };
        sip::check(mets, &mut ctx);
    }
}

/// Checks the package's entry names (CSIPSTR*): `root` is the root folder
/// (with its `/`, or empty when the content is not in one folder),
/// `entries` the files relative to it.
pub(crate) fn check_folders(
    root: &str,
    entries: &[String],
    objid: Option<&str>,
    into: &mut Collected,
) {
    folders::check(root, entries, objid, &mut into.csip);
}

/// The finding of a package with no root `METS.xml` (CSIPSTR4).
#[must_use]
pub(crate) fn no_root_mets() -> Finding {
    folders::CSIPSTR4.finding("METS.xml", "")
}

/// Finishes a report: adds the E-ARK findings the profile asks for (with
/// CSIP8 against `at`), and under the E-ARK profiles removes the findings of
/// Circular 05's own rules.
pub(crate) fn finish(
    findings: &mut Vec<Finding>,
    collected: &Collected,
    profile: Profile,
    at: Option<chrono::NaiveDateTime>,
) {
    if !profile.checks_tt05() {
        findings.retain(|f| !circular_05_only(&f.rule));
    }
    findings.extend(collected.csip.iter().cloned());
    if let Some(at) = at {
        for (path, t) in &collected.last_modified {
            if let Some(when) = header::later_than(t, at) {
                findings.push(header::CSIP8.finding(path, &format!("@LASTMODDATE='{when}'")));
            }
        }
    }
    let is_sip = collected.package_type.as_deref() == Some("SIP");
    if profile == Profile::Sip || (profile.checks_sip() && is_sip) {
        findings.extend(collected.sip.iter().cloned());
    }
}

/// True for the rules of Circular 05/2025 (and Decree 30/2020, and the
/// accepted deviations of the circular's sample): the rules whose source is
/// not E-ARK nor the profile's safety rules.
fn circular_05_only(rule: &str) -> bool {
    rules::ALL.iter().any(|r| {
        r.id == rule
            && (r.source.starts_with("Thông tư 05")
                || r.source.starts_with("Nghị định 30")
                || r.source == rules::PROFILE_SAMPLE)
    })
}

// ---- shared helpers of the checks ----

/// True for a non-empty attribute.
fn has(e: &Element, name: &str) -> bool {
    e.attr(name).is_some_and(|v| !v.trim().is_empty())
}

/// `name[@ID='x']`, to say which element a finding is about.
fn which(e: &Element) -> String {
    match e.attr("ID") {
        Some(id) => format!("{}[@ID='{id}']", e.name),
        None => e.name.clone(),
    }
}

/// True for an `xs:dateTime` (with or without a time zone).
fn is_datetime(t: &str) -> bool {
    let t = t.trim();
    chrono::DateTime::parse_from_rfc3339(t).is_ok()
        || chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f").is_ok()
}

/// True for a `type/subtype` media type.
fn is_mime(t: &str) -> bool {
    let Some((a, b)) = t.split_once('/') else {
        return false;
    };
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&c))
    };
    token(a) && token(b.split(';').next().unwrap_or("").trim())
}

/// The `CHECKSUMTYPE` values of the METS schema.
const CHECKSUM_TYPES: [&str; 11] = [
    "Adler-32",
    "CRC32",
    "HAVAL",
    "MD5",
    "MNP",
    "SHA-1",
    "SHA-256",
    "SHA-384",
    "SHA-512",
    "TIGER",
    "WHIRLPOOL",
];

/// The requirements of one file reference (`mdRef` of a metadata section
/// or `file` with its `FLocat`), in the order locator type, link type,
/// location, metadata type (or None), MIME type, size, created, checksum,
/// checksum type.
struct RefReqs {
    loctype: &'static Requirement,
    xlink_type: &'static Requirement,
    href: &'static Requirement,
    mdtype: Option<&'static Requirement>,
    mime: &'static Requirement,
    size: &'static Requirement,
    created: &'static Requirement,
    checksum: &'static Requirement,
    checksum_type: &'static Requirement,
}

/// Checks the attributes of a file reference: `holder` has the file
/// attributes, `loc` the locator (the same element for `mdRef`).
fn check_ref(holder: &Element, loc: &Element, reqs: &RefReqs, ctx: &mut Ctx<'_>) {
    let at = which(holder);
    ctx.check(loc.attr("LOCTYPE") == Some("URL"), reqs.loctype, &at);
    ctx.check(loc.attr("type") == Some("simple"), reqs.xlink_type, &at);
    ctx.check(has(loc, "href"), reqs.href, &at);
    if let Some(r) = reqs.mdtype {
        ctx.check(has(holder, "MDTYPE"), r, &at);
    }
    ctx.check(holder.attr("MIMETYPE").is_some_and(is_mime), reqs.mime, &at);
    ctx.check(
        holder
            .attr("SIZE")
            .is_some_and(|s| s.trim().parse::<u64>().is_ok()),
        reqs.size,
        &at,
    );
    ctx.check(
        holder.attr("CREATED").is_some_and(is_datetime),
        reqs.created,
        &at,
    );
    ctx.check(
        holder
            .attr("CHECKSUM")
            .is_some_and(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_hexdigit())),
        reqs.checksum,
        &at,
    );
    match holder.attr("CHECKSUMTYPE") {
        Some(t) if CHECKSUM_TYPES.contains(&t) => {}
        Some(t) => ctx.fail(reqs.checksum_type, format!("{at}/@CHECKSUMTYPE='{t}'")),
        None => ctx.fail(reqs.checksum_type, &at),
    }
}

/// Every `ID` of a METS document, to resolve references.
fn ids(mets: &Element) -> std::collections::BTreeSet<&str> {
    fn walk<'a>(e: &'a Element, out: &mut std::collections::BTreeSet<&'a str>) {
        if let Some(id) = e.attr("ID") {
            out.insert(id);
        }
        for c in &e.children {
            walk(c, out);
        }
    }
    let mut out = std::collections::BTreeSet::new();
    walk(mets, &mut out);
    out
}
