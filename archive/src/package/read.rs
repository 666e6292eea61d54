//! Reading and checking a received package: structure, checksums, required
//! metadata and identifier shapes, reported as findings. Readers are
//! lenient: the known deviations of the circular's own samples are accepted
//! and reported (`ARCH-PKG-TT05-*`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Seek};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use vanthu_identifiers::{DocumentType, Finding, Location, RecordCode, Retention};
use zip::ZipArchive;

use super::checksum::{Algorithm, ChecksumType, Digests, digest_all};
use super::eark;
use super::source::Source;
use super::xml::{self, Element, ReadLimits};
use super::{
    LooseDocuments, PackageDescription, PackageDocument, PackageKind, Profile, RecordStatus,
    href_decode, uuid_shape,
};
use crate::codes::{AccessMode, Condition, Direction, Language, Reliability};
use crate::error::ArchiveError;
use crate::record::{Document, RecordMetadata, parse_date};
use crate::rules;

/// Options of [`check_package`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CheckOptions {
    /// Recompute every checksum (reads every byte of the package).
    pub verify_checksums: bool,
    /// The requirements to check against (default: Circular 05/2025/TT-BNV
    /// on top of E-ARK CSIP and SIP).
    pub profile: Profile,
    /// The time of the check, for the requirements that compare dates with
    /// "now" (a `LASTMODDATE` in the future). The library never reads the
    /// clock: `None` skips those requirements.
    pub at: Option<chrono::NaiveDateTime>,
    /// The limits of reading each metadata document.
    pub limits: ReadLimits,
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self {
            verify_checksums: true,
            profile: Profile::default(),
            at: None,
            limits: ReadLimits::default(),
        }
    }
}

impl CheckOptions {
    /// The default options with another profile.
    #[must_use]
    pub fn with_profile(mut self, profile: Profile) -> Self {
        self.profile = profile;
        self
    }

    /// The default options, checked at `at`.
    #[must_use]
    pub fn at(mut self, at: chrono::NaiveDateTime) -> Self {
        self.at = Some(at);
        self
    }
}

/// A file referenced by a METS document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DataFile {
    /// Path inside the package (below the root folder).
    pub path: String,
    /// `SIZE` declared in METS.
    pub size: Option<u64>,
    /// `CHECKSUM` declared in METS (as written).
    pub checksum: Option<String>,
    /// `CHECKSUMTYPE` declared in METS.
    pub checksum_type: Option<String>,
    /// Path of the METS file that references it.
    pub referenced_by: String,
}

/// The result of checking a package.
///
/// `conformant` is always [`vanthu_identifiers::conformant`] of the
/// findings: no finding is an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PackageReport {
    /// No finding is an error.
    pub conformant: bool,
    /// The package kind, when recognisable.
    pub kind: Option<PackageKind>,
    /// METS `OBJID`.
    pub objid: Option<String>,
    /// Files whose content was checked.
    pub files_checked: u64,
    /// Bytes hashed.
    pub bytes_checked: u64,
    /// Findings.
    pub findings: Vec<Finding>,
}

impl PackageReport {
    /// True when no finding is an error (the same as the `conformant` field
    /// of a report made by this crate).
    #[must_use]
    pub fn conformant(&self) -> bool {
        vanthu_identifiers::conformant(&self.findings)
    }

    fn new(
        kind: Option<PackageKind>,
        objid: Option<String>,
        files_checked: u64,
        bytes_checked: u64,
        findings: Vec<Finding>,
    ) -> Self {
        Self {
            conformant: vanthu_identifiers::conformant(&findings),
            kind,
            objid,
            files_checked,
            bytes_checked,
            findings,
        }
    }
}

/// An opened package: its METS references, its description and what reading
/// found. Data files can be streamed back with [`open_data`](Self::open_data).
pub struct PackageReader<R: Read + Seek> {
    source: Source<R>,
    limits: ReadLimits,
    root: String,
    /// NFC relative path → ZIP entry name.
    entries: BTreeMap<String, String>,
    refs: Vec<DataFile>,
    data: Vec<DataFile>,
    description: Option<PackageDescription>,
    kind: Option<PackageKind>,
    objid: Option<String>,
    findings: Vec<Finding>,
    /// What the E-ARK requirements found, until the profile is known.
    eark: eark::Collected,
}

impl<R: Read + Seek> std::fmt::Debug for PackageReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackageReader")
            .field("root", &self.root)
            .field("refs", &self.refs.len())
            .field("findings", &self.findings.len())
            .finish_non_exhaustive()
    }
}

impl PackageReader<std::fs::File> {
    /// Opens an unpacked package folder (see [`check_package_dir`]).
    ///
    /// # Errors
    /// As [`open`](Self::open), and [`ArchiveError::Io`] when the folder
    /// cannot be listed.
    pub fn open_dir(dir: &std::path::Path, limits: &ReadLimits) -> Result<Self, ArchiveError> {
        Self::from_source(Source::Dir(super::source::package_root(dir)), limits)
    }
}

impl<R: Read + Seek> PackageReader<R> {
    /// Opens a package: reads the ZIP directory, the METS files and the
    /// descriptive metadata (not the data files).
    ///
    /// # Errors
    /// An unreadable ZIP; no root `METS.xml`; a METS or metadata document
    /// that is not well-formed XML or exceeds the [limits](ReadLimits).
    pub fn open(reader: R) -> Result<Self, ArchiveError> {
        Self::open_with(reader, &ReadLimits::default())
    }

    /// [`open`](Self::open) within other limits.
    ///
    /// # Errors
    /// As [`open`](Self::open).
    pub fn open_with(reader: R, limits: &ReadLimits) -> Result<Self, ArchiveError> {
        Self::from_source(Source::Zip(ZipArchive::new(reader)?), limits)
    }

    fn from_source(source: Source<R>, limits: &ReadLimits) -> Result<Self, ArchiveError> {
        let (mut names, mut findings) = source.names()?;
        // Archives made on macOS carry resource forks under `__MACOSX/`: not
        // part of the package; set aside so that the root folder is found.
        let before = names.len();
        names.retain(|n| !n.starts_with("__MACOSX/"));
        if names.len() != before {
            findings.push(rules::PKG_MACOS_FORKS.custom(
                "`__MACOSX/` entries (macOS resource forks) were ignored",
                "đã bỏ qua các mục `__MACOSX/` (dữ liệu phụ của macOS)",
                Location::at_path("__MACOSX/"),
            ));
        }
        // Unsafe names are reported and set aside before the root folder is
        // looked for, so that one planted `../x` cannot hide the package.
        names.retain(|name| {
            let unsafe_name =
                name.split('/').any(|p| p == "..") || name.starts_with('/') || name.contains('\\');
            if unsafe_name {
                findings.push(unsafe_entry(name));
            }
            !unsafe_name
        });
        let root = detect_root(&names);
        if root.is_empty() {
            findings.push(rules::PKG_NO_ROOT_FOLDER.custom(
                "package content is not inside one root folder",
                "nội dung gói không nằm trong một thư mục gốc",
                Location::at_path(""),
            ));
        }
        let mut entries = BTreeMap::new();
        for name in &names {
            if name.ends_with('/') {
                continue;
            }
            let rel = name.strip_prefix(&root).unwrap_or(name);
            if rel.split('/').any(|p| p == ".." || p.is_empty())
                || rel.starts_with('/')
                || rel.contains('\\')
            {
                findings.push(unsafe_entry(name));
                continue;
            }
            let n: String = rel.nfc().collect();
            if n != rel {
                findings.push(rules::PKG_NAME_NOT_NFC.custom(
                    format!("entry name `{name}` is not in Unicode NFC"),
                    format!("tên tệp `{name}` không ở dạng chuẩn Unicode NFC"),
                    Location::at_path(name),
                ));
            }
            if let Some(other) = entries.insert(n, name.clone()) {
                findings.push(rules::PKG_NAME_CLASH.custom(
                    format!(
                        "entries `{other}` and `{name}` have the same name after NFC normalisation"
                    ),
                    format!("tệp `{other}` và `{name}` trùng tên sau chuẩn hóa NFC"),
                    Location::at_path(name),
                ));
            }
        }
        let mut me = Self {
            source,
            limits: *limits,
            root,
            entries,
            refs: Vec::new(),
            data: Vec::new(),
            description: None,
            kind: None,
            objid: None,
            findings,
            eark: eark::Collected::default(),
        };
        me.read_metadata()?;
        Ok(me)
    }

    /// The description read from the metadata, when it could be built.
    #[must_use]
    pub fn description(&self) -> Option<&PackageDescription> {
        self.description.as_ref()
    }

    /// Findings so far.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The data files (`representations/*/data/…`) in METS order.
    #[must_use]
    pub fn data_files(&self) -> &[DataFile] {
        &self.data
    }

    /// Streams a file of the package by its relative path.
    ///
    /// # Errors
    /// [`ArchiveError::Unknown`] for a path not in the package.
    pub fn open_data(&mut self, path: &str) -> Result<impl Read + '_, ArchiveError> {
        let key: String = path.nfc().collect();
        let name = self
            .entries
            .get(&key)
            .ok_or_else(|| ArchiveError::Unknown {
                what: "package file",
                name: path.to_owned(),
            })?;
        self.source.open(name)
    }

    /// Reads and parses a metadata document of the package within the
    /// reader's limits; `None` when the package has no such file.
    fn read_xml(&mut self, rel: &str) -> Result<Option<Element>, ArchiveError> {
        let key: String = rel.nfc().collect();
        let Some(name) = self.entries.get(&key) else {
            return Ok(None);
        };
        let bytes = xml::read_limited(self.source.open(name)?, rel, &self.limits)?;
        xml::parse(&bytes, rel, &self.limits).map(Some)
    }

    fn read_metadata(&mut self) -> Result<(), ArchiveError> {
        let mets = self
            .read_xml("METS.xml")?
            .ok_or_else(|| ArchiveError::Missing("root METS.xml".into()))?;
        self.check_mets(&mets, "METS.xml", true);
        self.objid = mets.attr("OBJID").map(str::to_owned);
        let names: Vec<String> = self.entries.keys().cloned().collect();
        eark::check_folders(&self.root, &names, self.objid.as_deref(), &mut self.eark);
        let oais = mets
            .child("metsHdr")
            .and_then(|h| h.attr("OAISPACKAGETYPE"))
            .unwrap_or("")
            .to_owned();
        let refs = collect_refs(&mets, "", "METS.xml", &mut self.findings);
        let mut rep_docs: Vec<(String, Vec<String>)> = Vec::new();
        let mut ead_doc_paths = Vec::new();
        for r in &refs {
            if r.path.starts_with("representations/") && r.path.ends_with("/METS.xml") {
                let dir = r.path.trim_end_matches("METS.xml").to_owned();
                let Some(rep) = self.read_xml(&r.path)? else {
                    continue;
                };
                self.check_mets(&rep, &r.path, false);
                let rep_refs = collect_refs(&rep, &dir, &r.path, &mut self.findings);
                for rr in &rep_refs {
                    if rr.path.contains("/data/") {
                        self.data.push(rr.clone());
                    } else if rr.path.contains("EAD_doc") {
                        ead_doc_paths.push(rr.path.clone());
                    }
                }
                rep_docs.extend(document_files(&rep, &dir));
                self.refs.extend(rep_refs);
            }
        }
        self.refs.extend(refs);
        let other = mets.attr("OTHERCONTENTINFORMATIONTYPE").unwrap_or("");
        let ead_path = self
            .refs
            .iter()
            .find(|r| r.path.starts_with("metadata/descriptive/"))
            .map(|r| r.path.clone());
        let ead = match ead_path {
            Some(p) => match self.read_xml(&p)? {
                Some(e) => {
                    let mut f = fields(&e);
                    self.aip_alias(&mut f, "arcFileCode", "fileCode", &p);
                    Some(f)
                }
                None => None,
            },
            None => {
                self.findings.push(rules::MD_NO_DESCRIPTIVE.custom(
                    "no descriptive metadata (metadata/descriptive/EAD.xml) is referenced",
                    "không có siêu dữ liệu mô tả (metadata/descriptive/EAD.xml)",
                    Location::at_path("METS.xml"),
                ));
                None
            }
        };
        let kind = if oais == "DIP" || other.ends_with("TT05-DIP") {
            Some(PackageKind::Dip)
        } else if other.ends_with("AIP_hoso") || oais == "AIP" {
            Some(PackageKind::Aip)
        } else if other.ends_with("SIP_tailieu")
            || ead.as_ref().is_some_and(|e| e.contains_key("source"))
        {
            Some(PackageKind::SipDocuments)
        } else if oais == "SIP" || other.ends_with("SIP_hoso") {
            Some(PackageKind::SipRecord)
        } else {
            None
        };
        self.kind = kind;
        if kind == Some(PackageKind::Aip)
            && !self.refs.iter().any(|r| r.path.ends_with("PREMIS.xml"))
        {
            self.findings.push(rules::AIP_NO_PREMIS.custom(
                "an AIP needs metadata/preservation/PREMIS.xml",
                "gói AIP phải có metadata/preservation/PREMIS.xml",
                Location::at_path("METS.xml"),
            ));
        }
        let mut documents = Vec::new();
        for (i, p) in ead_doc_paths.iter().enumerate() {
            let Some(e) = self.read_xml(p)? else {
                continue;
            };
            let mut f = fields(&e);
            self.aip_alias(&mut f, "arcDocCode", "docCode", p);
            self.aip_alias(&mut f, "arcFileCode", "fileCode", p);
            let files = rep_docs.get(i).map(|(_, f)| f.clone()).unwrap_or_default();
            if let Some(d) = self.document(&f, p, files) {
                documents.push(d);
            }
        }
        let (record, loose) = match (&ead, kind) {
            (Some(e), Some(PackageKind::SipDocuments)) => (None, self.loose(e)),
            (Some(e), _) => (self.record(e, documents.len()), None),
            _ => (None, None),
        };
        if let Some(fc) = record
            .as_ref()
            .map(|r| r.code.as_str().to_owned())
            .or(loose.as_ref().map(|l| l.file_code.clone()))
        {
            for d in &documents {
                let ok = d.doc_code.strip_prefix(fc.as_str()).is_some_and(|rest| {
                    rest.trim_start_matches('.').len() == 7
                        && rest
                            .trim_start_matches('.')
                            .bytes()
                            .all(|b| b.is_ascii_digit())
                });
                if !ok {
                    self.findings.push(rules::ID_DOC_CODE.custom(
                        format!(
                            "docCode `{}` is not fileCode + a 7-digit ordinal",
                            d.doc_code
                        ),
                        format!(
                            "docCode `{}` không phải fileCode + 7 chữ số thứ tự",
                            d.doc_code
                        ),
                        Location::at_path(&d.doc_code),
                    ));
                }
            }
        }
        let created = mets
            .child("metsHdr")
            .and_then(|h| h.attr("CREATEDATE"))
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
        let status = mets
            .child("metsHdr")
            .and_then(|h| h.attr("RECORDSTATUS"))
            .and_then(RecordStatus::parse)
            .unwrap_or_default();
        let submitter = mets
            .child("metsHdr")
            .into_iter()
            .flat_map(|h| h.children_named("agent"))
            .find(|a| a.attr("TYPE") == Some("ORGANIZATION"))
            .and_then(|a| a.child("name"))
            .map(|n| n.text.trim().to_owned())
            .unwrap_or_default();
        if let (Some(kind), Some(objid), Some(created)) = (kind, self.objid.clone(), created)
            && (record.is_some() || loose.is_some())
        {
            self.description = Some(PackageDescription {
                kind,
                objid,
                created,
                status,
                submitter,
                record,
                loose,
                documents,
            });
        }
        Ok(())
    }

    /// TT05 AIPs name the codes `arcFileCode` / `arcDocCode` (the archive's
    /// code in front); read them where the SIP names are missing.
    fn aip_alias(&mut self, f: &mut Fields, aip: &str, sip: &str, path: &str) {
        let missing = f
            .get(sip)
            .is_none_or(|v| v.iter().all(|s| s.trim().is_empty()));
        if let (true, Some(v)) = (missing, f.get(aip).cloned()) {
            self.findings.push(rules::TT05_AIP_NAMES.custom(
                format!("`{aip}` read as `{sip}` (AIP naming)"),
                format!("đọc `{aip}` như `{sip}` (cách đặt tên của AIP)"),
                Location::at_path(path),
            ));
            f.insert(sip.to_owned(), v);
        }
    }

    fn check_mets(&mut self, mets: &Element, path: &str, root: bool) {
        let names: Vec<String> = self.entries.keys().cloned().collect();
        eark::check_mets(mets, path, root, &names, &mut self.eark);
        let out = &mut self.findings;
        if mets.name != "mets" {
            out.push(rules::METS_ROOT.custom(
                format!("root element is `{}`, not `mets`", mets.name),
                format!("phần tử gốc là `{}`, không phải `mets`", mets.name),
                Location::at_path(path),
            ));
            return;
        }
        // What E-ARK requires (OBJID, PROFILE, metsHdr, OAISPACKAGETYPE,
        // CREATEDATE, agents, fileSec, structMap) is checked by `eark`;
        // here only the forms Circular 05/2025 adds.
        let objid = mets.attr("OBJID").unwrap_or("");
        if root && !objid.is_empty() {
            match objid.strip_prefix("uuid-") {
                Some(u) if uuid_shape(u, false) => {}
                Some(u) if uuid_shape(u, true) => out.push(rules::TT05_LOWER_CASE_UUID.custom(
                    format!("OBJID `{objid}` has a lower-case UUID (as in the circular's sample)"),
                    format!("OBJID `{objid}` dùng UUID chữ thường (như gói mẫu của thông tư)"),
                    Location::at_path(path),
                )),
                _ => out.push(rules::ID_OBJID.custom(
                    format!("OBJID `{objid}` is not `uuid-` and an upper-case UUID"),
                    format!("OBJID `{objid}` không có dạng `uuid-` và UUID chữ hoa"),
                    Location::at_path(path),
                )),
            }
        }
        if let Some(t) = mets.child("metsHdr").and_then(|h| h.attr("CREATEDATE"))
            && !(t.ends_with("+07:00") && chrono::DateTime::parse_from_rfc3339(t).is_ok())
        {
            out.push(rules::TT05_CREATEDATE.custom(
                format!("CREATEDATE `{t}` is not a `+07:00` timestamp"),
                format!("CREATEDATE `{t}` không theo giờ Việt Nam `+07:00`"),
                Location::at_path(path),
            ));
        }
        let mut grps = Vec::new();
        mets.descendants("fileGrp", &mut grps);
        for g in grps {
            if g.attr("USE").is_none() && g.attr("USER").is_some() {
                out.push(rules::TT05_USER_ATTRIBUTE.custom(
                    "fileGrp has `USER` instead of `USE` (a known error of the circular)",
                    "fileGrp dùng `USER` thay cho `USE` (lỗi đã biết của thông tư)",
                    Location::at_path(path),
                ));
            }
        }
    }

    fn document(&mut self, f: &Fields, path: &str, files: Vec<String>) -> Option<PackageDocument> {
        let get = |k: &str| {
            f.get(k)
                .and_then(|v| v.first())
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let mut missing = Vec::new();
        for k in ["docCode", "typeName", "issuedDate", "organName", "subject"] {
            if get(k).is_empty() {
                missing.push(k);
            }
        }
        if !missing.is_empty() {
            self.findings.push(rules::MD_REQUIRED.custom(
                format!("required document metadata missing: {}", missing.join(", ")),
                format!(
                    "thiếu siêu dữ liệu văn bản bắt buộc: {}",
                    missing.join(", ")
                ),
                Location::at_path(path),
            ));
            return None;
        }
        let type_text = get("typeName");
        let doc_type = match type_text
            .parse::<u8>()
            .ok()
            .and_then(DocumentType::from_tt05_code)
        {
            Some(t) => t,
            None => {
                self.findings.push(rules::MD_CODE.custom(
                    format!("typeName `{type_text}` is not a TT05 code 01–32"),
                    format!("typeName `{type_text}` không phải mã 01–32 của TT05"),
                    Location::at_path(path),
                ));
                DocumentType::from_name_vi(&type_text)
            }
        };
        let issued = self.date(&get("issuedDate"), path, "issuedDate")?;
        let mut d = Document::new(
            doc_type,
            get("codeNumber"),
            get("codeNotation"),
            issued,
            get("organName"),
            get("subject"),
        );
        d.doc_id = Some(get("docId")).filter(|s| !s.is_empty());
        d.languages = self.languages(f, path);
        d.page_count = get("numberOfPage").parse().unwrap_or(0);
        d.keyword = Some(get("keyword")).filter(|s| !s.is_empty());
        d.access = self
            .code::<AccessMode>(&get("mode"), path, "mode", AccessMode::from_code)
            .unwrap_or(AccessMode::Public);
        d.reliability = self
            .code(
                &get("confidenceLevel"),
                path,
                "confidenceLevel",
                Reliability::from_code,
            )
            .unwrap_or(Reliability::BornDigital);
        d.autograph = Some(get("autograph")).filter(|s| !s.is_empty());
        d.condition = Condition::from_code(&get("format"));
        d.process = get("process") == "1";
        d.description = Some(get("description")).filter(|s| !s.is_empty());
        Some(PackageDocument {
            doc_code: get("docCode"),
            document: d,
            files,
        })
    }

    fn date(&mut self, text: &str, path: &str, field: &str) -> Option<chrono::NaiveDate> {
        let d = parse_date(text);
        if d.is_none() {
            self.findings.push(rules::MD_DATE.custom(
                format!("{field} `{text}` is not a DD/MM/YYYY date"),
                format!("{field} `{text}` không phải ngày DD/MM/YYYY"),
                Location::at_path(path),
            ));
        }
        d
    }

    fn code<T>(
        &mut self,
        text: &str,
        path: &str,
        field: &str,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        if text.is_empty() {
            return None;
        }
        let v = parse(text);
        if v.is_none() {
            self.findings.push(rules::MD_CODE.custom(
                format!("{field} `{text}` is not a TT05 code"),
                format!("{field} `{text}` không phải mã của TT05"),
                Location::at_path(path),
            ));
        }
        v
    }

    fn languages(&mut self, f: &Fields, path: &str) -> Vec<Language> {
        let mut out = Vec::new();
        for v in f.get("language").into_iter().flatten() {
            for part in v.split([',', ';', ' ']).filter(|p| !p.is_empty()) {
                if let Some(l) = self.code(part, path, "language", Language::from_code) {
                    out.push(l);
                }
            }
        }
        out
    }

    fn record(&mut self, f: &Fields, docs: usize) -> Option<RecordMetadata> {
        let path = "metadata/descriptive/EAD.xml";
        let get = |k: &str| {
            f.get(k)
                .and_then(|v| v.first())
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let mut missing = Vec::new();
        for k in ["fileCode", "title", "maintenance", "mode", "language"] {
            if get(k).is_empty() {
                missing.push(k);
            }
        }
        if !missing.is_empty() {
            self.findings.push(rules::MD_REQUIRED.custom(
                format!("required record metadata missing: {}", missing.join(", ")),
                format!("thiếu siêu dữ liệu hồ sơ bắt buộc: {}", missing.join(", ")),
                Location::at_path(path),
            ));
        }
        // Lenient: a Decree 30 form code without its heading is still the
        // record's code; the identifier's findings say what deviates.
        let code = match RecordCode::parse_lenient(&get("fileCode")) {
            Ok((c, id_findings)) => {
                self.findings.extend(id_findings.into_iter().map(|mut f| {
                    f.location.path = Some(path.to_owned());
                    f
                }));
                Some(c)
            }
            Err(e) => {
                self.findings.push(rules::ID_FILE_CODE.custom(format!(
                        "fileCode `{}` is not a Decree 30/2020 or Circular 05/2025 record code: {e}",
                        get("fileCode")
                    ), format!(
                        "fileCode `{}` không phải mã hồ sơ theo Nghị định 30/2020 hoặc Thông tư 05/2025: {e}",
                        get("fileCode")
                    ), Location::at_path(path)));
                None
            }
        };
        let m = get("maintenance");
        let retention = match m.parse::<u8>() {
            Ok(7) => {
                self.findings.push(rules::MD_OTHER_TERM.custom(
                    "maintenance 07 (other term): the term itself is not in the package",
                    "thời hạn bảo quản 07 (khác): gói không ghi số năm",
                    Location::at_path(path),
                ));
                None
            }
            Ok(c) => {
                let r = Retention::from_tt05_code(c);
                if r.is_none() {
                    self.findings.push(rules::MD_CODE.custom(
                        format!("maintenance `{m}` is not a TT05 code 01–07"),
                        format!("maintenance `{m}` không phải mã 01–07 của TT05"),
                        Location::at_path(path),
                    ));
                }
                r
            }
            Err(_) => None,
        };
        let total = get("totalDoc");
        if !total.is_empty() && total.parse::<usize>().ok() != Some(docs) {
            self.findings.push(rules::MD_TOTAL_DOC.custom(
                format!("totalDoc is {total} but the package describes {docs} documents"),
                format!("totalDoc là {total} nhưng gói có {docs} văn bản"),
                Location::at_path(path),
            ));
        }
        let access = self.code(&get("mode"), path, "mode", AccessMode::from_code);
        let reliability = self.code(
            &get("confidenceLevel"),
            path,
            "confidenceLevel",
            Reliability::from_code,
        );
        let languages = self.languages(f, path);
        let start = Some(get("startDate"))
            .filter(|s| !s.is_empty())
            .and_then(|s| self.date(&s, path, "startDate"));
        let end = Some(get("endDate"))
            .filter(|s| !s.is_empty())
            .and_then(|s| self.date(&s, path, "endDate"));
        let (code, retention) = (code?, retention?);
        let mut r = RecordMetadata::new(code, get("title"), retention, "");
        r.access = access.unwrap_or(AccessMode::Public);
        r.reliability = reliability.unwrap_or(Reliability::BornDigital);
        r.languages = languages;
        r.start_date = start;
        r.end_date = end;
        r.keyword = Some(get("keyword")).filter(|s| !s.is_empty());
        r.doc_total = u32::try_from(docs).unwrap_or(u32::MAX);
        r.page_total = get("numberOfPage").parse().unwrap_or(0);
        r.sheet_total = get("numberOfPaper").parse().ok();
        r.condition = Condition::from_code(&get("format"));
        r.info_sign = Some(get("inforSign")).filter(|s| !s.is_empty());
        r.paper_file_code = Some(get("paperFileCode")).filter(|s| !s.is_empty());
        r.risk_recovery = get("riskRecovery") == "1";
        r.risk_recovery_done = match get("riskRecoveryStatus").as_str() {
            "01" | "1" => Some(true),
            "02" | "2" => Some(false),
            _ => None,
        };
        r.description = Some(get("description")).filter(|s| !s.is_empty());
        if r.reliability == Reliability::Digitised && r.paper_file_code.is_none() {
            self.findings.push(rules::MD_REQUIRED.custom(
                "a digitised record needs paperFileCode",
                "hồ sơ số hóa phải có paperFileCode",
                Location::at_path(path),
            ));
        }
        Some(r)
    }

    fn loose(&mut self, f: &Fields) -> Option<LooseDocuments> {
        let path = "metadata/descriptive/EAD.xml";
        let get = |k: &str| {
            f.get(k)
                .and_then(|v| v.first())
                .map(|s| s.trim().to_owned())
                .unwrap_or_default()
        };
        let mut missing = Vec::new();
        for k in ["fileCode", "title", "source"] {
            if get(k).is_empty() {
                missing.push(k);
            }
        }
        if !missing.is_empty() {
            self.findings.push(rules::MD_REQUIRED.custom(
                format!("required metadata missing: {}", missing.join(", ")),
                format!("thiếu siêu dữ liệu bắt buộc: {}", missing.join(", ")),
                Location::at_path(path),
            ));
            return None;
        }
        let source = match get("source").as_str() {
            "0" => Direction::Outgoing,
            "1" => Direction::Incoming,
            other => {
                self.findings.push(rules::MD_CODE.custom(
                    format!("source `{other}` is not 0 or 1"),
                    format!("source `{other}` không phải 0 hoặc 1"),
                    Location::at_path(path),
                ));
                return None;
            }
        };
        Some(LooseDocuments {
            file_code: get("fileCode"),
            title: get("title"),
            source,
            description: Some(get("description")).filter(|s| !s.is_empty()),
        })
    }

    /// Checks that every referenced file exists, and, with
    /// `options.verify_checksums`, that its size and checksum match METS,
    /// each checksum computed with the algorithm its `CHECKSUMTYPE` names
    /// (MD5, SHA-1, SHA-256, SHA-384, SHA-512, TIGER, WHIRLPOOL). Each file
    /// is read once, however many references point at it and whatever
    /// algorithms they name. Reports files that no METS references.
    ///
    /// # Errors
    /// I/O errors while reading the package.
    pub fn verify(&mut self, options: &CheckOptions) -> Result<PackageReport, ArchiveError> {
        let mut report =
            PackageReport::new(self.kind, self.objid.clone(), 0, 0, self.findings.clone());
        if options.profile.checks_tt05()
            && self.kind == Some(PackageKind::SipRecord)
            && let Some(r) = self.description.as_ref().and_then(|d| d.record.as_ref())
            && let Retention::Years(years) = r.retention
        {
            report.findings.push(rules::MD_SIP_NOT_PERMANENT.custom(
                format!(
                    "a SIP_hoso carries permanent records only; record {} is kept {years} years",
                    r.code
                ),
                format!(
                    "gói SIP_hoso chỉ dành cho hồ sơ bảo quản vĩnh viễn; hồ sơ {} có thời hạn {}",
                    r.code,
                    r.retention.label_vi()
                ),
                Location::at_path("metadata/descriptive/EAD.xml"),
            ));
        }
        let mut referenced = std::collections::BTreeSet::new();
        referenced.insert("METS.xml".to_owned());
        // Entry name → the algorithms its references name.
        let mut wanted: BTreeMap<String, BTreeSet<Algorithm>> = BTreeMap::new();
        let mut checks: Vec<(usize, String, Option<Algorithm>)> = Vec::new();
        // Entries by their lower-case key, built on the first miss: packages
        // made on Windows or macOS reference `schemas/METS.xsd` and hold
        // `schemas/mets.xsd`, which those systems take for the same file.
        let mut folded: Option<BTreeMap<String, Vec<String>>> = None;
        for (i, r) in self.refs.iter().enumerate() {
            let mut key: String = r.path.nfc().collect();
            if !self.entries.contains_key(&key) {
                let index = folded.get_or_insert_with(|| {
                    let mut index: BTreeMap<String, Vec<String>> = BTreeMap::new();
                    for k in self.entries.keys() {
                        index.entry(k.to_lowercase()).or_default().push(k.clone());
                    }
                    index
                });
                if let Some([only]) = index.get(&key.to_lowercase()).map(Vec::as_slice) {
                    report.findings.push(rules::FILE_CASE.custom(
                        format!(
                            "`{}` is referenced by {} as `{}`: the names differ in letter case, which only case-insensitive file systems ignore",
                            only, r.referenced_by, r.path
                        ),
                        format!(
                            "`{}` được {} tham chiếu là `{}`: tên khác nhau về chữ hoa, chữ thường",
                            only, r.referenced_by, r.path
                        ),
                        Location::at_path(&r.path),
                    ));
                    key.clone_from(only);
                }
            }
            referenced.insert(key.clone());
            let Some(name) = self.entries.get(&key).cloned() else {
                report.findings.push(rules::FILE_MISSING.custom(
                    format!(
                        "`{}` is referenced by {} but missing",
                        r.path, r.referenced_by
                    ),
                    format!(
                        "`{}` được {} tham chiếu nhưng không có trong gói",
                        r.path, r.referenced_by
                    ),
                    Location::at_path(&r.path),
                ));
                continue;
            };
            let algorithm = checksum_type(r, options.profile, &mut report.findings);
            if let Some(c) = &r.checksum
                && c.bytes().any(|b| b.is_ascii_lowercase())
            {
                report.findings.push(rules::TT05_LOWER_CASE_CHECKSUM.custom(
                    format!("checksum of `{}` is lower-case hex", r.path),
                    format!("mã băm của `{}` viết chữ thường", r.path),
                    Location::at_path(&r.path),
                ));
            }
            let set = wanted.entry(name.clone()).or_default();
            if let Some(a) = algorithm {
                set.insert(a);
            }
            checks.push((i, name, algorithm));
        }
        if options.verify_checksums {
            let mut digests: BTreeMap<String, Option<Digests>> = BTreeMap::new();
            for (name, algorithms) in &wanted {
                let path = name.strip_prefix(&self.root).unwrap_or(name);
                let read = match self.source.open(name) {
                    Ok(file) => digest_all(file, algorithms),
                    Err(ArchiveError::Io(e)) => Err(e),
                    Err(e) => return Err(e),
                };
                let d = match read {
                    Ok(d) => {
                        report.files_checked = report.files_checked.saturating_add(1);
                        report.bytes_checked = report.bytes_checked.saturating_add(d.size);
                        Some(d)
                    }
                    Err(e) => {
                        // A corrupted deflate stream or CRC mismatch: the
                        // content cannot be trusted, report it.
                        report.findings.push(rules::FILE_UNREADABLE.custom(
                            format!("`{path}` cannot be read: {e}"),
                            format!("không đọc được `{path}`: {e}"),
                            Location::at_path(path),
                        ));
                        None
                    }
                };
                digests.insert(name.clone(), d);
            }
            for (i, name, algorithm) in &checks {
                let (Some(r), Some(Some(d))) = (self.refs.get(*i), digests.get(name)) else {
                    continue;
                };
                compare(r, d, *algorithm, &mut report.findings);
            }
        }
        for key in self.entries.keys() {
            if !referenced.contains(key) && !key.starts_with("schemas/") {
                report.findings.push(rules::FILE_UNREFERENCED.custom(
                    format!("`{key}` is in the package but no METS references it"),
                    format!("`{key}` có trong gói nhưng không được METS tham chiếu"),
                    Location::at_path(key),
                ));
            }
        }
        eark::finish(
            &mut report.findings,
            &self.eark,
            options.profile,
            options.at,
        );
        report.conformant = vanthu_identifiers::conformant(&report.findings);
        Ok(report)
    }
}

/// The algorithm of a reference's `CHECKSUMTYPE`, reporting a type that is
/// not computed (a missing or unknown one is CSIP72's), and (under Circular 05) a type other than
/// SHA-256.
fn checksum_type(r: &DataFile, profile: Profile, out: &mut Vec<Finding>) -> Option<Algorithm> {
    let at = || Location::at_path(&r.path);
    // A missing type is the E-ARK requirement CSIP72, reported once by the
    // requirement checks (`eark`).
    let declared = r.checksum_type.as_deref()?;
    let algorithm = match ChecksumType::parse(declared) {
        Some(ChecksumType::Computed(a)) => a,
        Some(ChecksumType::NotComputed(name)) => {
            out.push(rules::FILE_CHECKSUM_NOT_COMPUTED.custom(
                format!(
                    "checksum type {name} of `{}` is not computed: not verified",
                    r.path
                ),
                format!(
                    "loại mã băm {name} của `{}` không được tính: chưa kiểm tra",
                    r.path
                ),
                at(),
            ));
            return None;
        }
        // A type outside the METS vocabulary is the E-ARK requirement
        // CSIP72, reported once by the requirement checks (`eark`).
        None => return None,
    };
    if profile.checks_tt05() && algorithm != Algorithm::Sha256 {
        out.push(rules::FILE_CHECKSUM_NOT_SHA256.custom(
            format!(
                "`{}` has a {} checksum; Circular 05/2025 asks for SHA-256",
                r.path,
                algorithm.name()
            ),
            format!(
                "`{}` dùng mã băm {}; Thông tư 05/2025 yêu cầu SHA-256",
                r.path,
                algorithm.name()
            ),
            at(),
        ));
    }
    Some(algorithm)
}

/// Compares a reference's size and checksum with what reading found.
fn compare(r: &DataFile, d: &Digests, algorithm: Option<Algorithm>, out: &mut Vec<Finding>) {
    let at = || Location::at_path(&r.path);
    if let Some(declared) = r.size.filter(|s| *s != d.size) {
        out.push(rules::FILE_SIZE.custom(
            format!("`{}` has {} bytes, METS says {declared}", r.path, d.size),
            format!("`{}` có {} byte, METS ghi {declared}", r.path, d.size),
            at(),
        ));
    }
    let Some(algorithm) = algorithm else {
        return;
    };
    let actual = d.get(algorithm).unwrap_or_default();
    match &r.checksum {
        Some(c) if c.trim().eq_ignore_ascii_case(actual) => {}
        Some(c) => {
            let name = algorithm.name();
            out.push(rules::FILE_CHECKSUM.custom(
                format!("{name} of `{}` is {actual}, METS says {c}", r.path),
                format!("{name} của `{}` là {actual}, METS ghi {c}", r.path),
                at(),
            ));
        }
        // A missing CHECKSUM is the E-ARK requirement CSIP71, reported once
        // by the requirement checks (`eark`).
        None => {}
    }
}

/// Whether `reader` is a ZIP with a `METS.xml` at its root or in its one
/// root folder (E-ARK CSIP 2.1.0 CSIP3): an archival package, as opposed to
/// any other ZIP (an office document, an archive of scans). `None` when it
/// is no readable ZIP at all (perhaps a damaged package). Reads only the
/// ZIP's central directory.
pub fn is_package<R: Read + Seek>(reader: R) -> Option<bool> {
    let zip = ZipArchive::new(reader).ok()?;
    let found = zip.file_names().flatten().any(|n| {
        n == "METS.xml"
            || n.split_once('/')
                .is_some_and(|(folder, rest)| !folder.is_empty() && rest == "METS.xml")
    });
    Some(found)
}

/// Opens and verifies a package in one step. A package whose METS or
/// metadata cannot be read is reported as a non-conformant report; only an
/// unreadable ZIP (or I/O failure) is an error.
///
/// # Errors
/// [`ArchiveError::Zip`] or [`ArchiveError::Io`].
pub fn check_package<R: Read + Seek>(
    reader: R,
    options: &CheckOptions,
) -> Result<PackageReport, ArchiveError> {
    check_opened(PackageReader::open_with(reader, &options.limits), options)
}

/// A package that cannot be opened for a reason found inside it (no root
/// `METS.xml`, XML not well-formed, a reader limit exceeded) is a finding;
/// a container that cannot be read at all is the error.
fn check_opened<R: Read + Seek>(
    opened: Result<PackageReader<R>, ArchiveError>,
    options: &CheckOptions,
) -> Result<PackageReport, ArchiveError> {
    match opened {
        Ok(mut p) => p.verify(options),
        Err(ArchiveError::Missing(_)) => Ok(PackageReport::new(
            None,
            None,
            0,
            0,
            vec![eark::no_root_mets()],
        )),
        Err(ArchiveError::Limit {
            path,
            offset,
            limit,
            max,
        }) => Ok(PackageReport::new(
            None,
            None,
            0,
            0,
            vec![rules::PKG_LIMIT.custom(
                format!("`{path}` exceeds the limit of {max} {limit} at byte {offset}: not read"),
                format!(
                    "`{path}` vượt giới hạn {max} ({}) tại byte {offset}: không đọc",
                    limit_vi(limit)
                ),
                {
                    let mut at = Location::at_path(&path);
                    at.offset = Some(offset);
                    at
                },
            )],
        )),
        Err(e @ ArchiveError::Xml { .. }) => Ok(PackageReport::new(
            None,
            None,
            0,
            0,
            vec![rules::PKG_UNREADABLE.custom(
                format!("the package cannot be read: {e}"),
                format!("không đọc được gói: {e}"),
                Location::at_path("METS.xml"),
            )],
        )),
        Err(e) => Err(e),
    }
}

/// Checks an unpacked package folder: the same checks, and the same
/// findings, as [`check_package`] on its ZIP. `dir` is the package's root
/// folder (the one holding `METS.xml`), or a folder whose one subfolder is
/// (an unzipped package). Symbolic links and special files are reported
/// (`ARCH-PKG-STRUCT-004`), never followed.
///
/// ```no_run
/// use vanthu_archive::package::{CheckOptions, check_package_dir};
/// let report = check_package_dir("ingest/uuid-0F7E…".as_ref(), &CheckOptions::default())?;
/// println!("conformant: {}", report.conformant);
/// # Ok::<(), vanthu_archive::ArchiveError>(())
/// ```
///
/// # Errors
/// [`ArchiveError::Io`] when the folder cannot be listed or read;
/// [`ArchiveError::Invalid`] when it exceeds the folder limits
/// ([`MAX_DIR_ENTRIES`](super::MAX_DIR_ENTRIES),
/// [`MAX_DIR_DEPTH`](super::MAX_DIR_DEPTH)).
pub fn check_package_dir(
    dir: &std::path::Path,
    options: &CheckOptions,
) -> Result<PackageReport, ArchiveError> {
    check_opened(PackageReader::open_dir(dir, &options.limits), options)
}

/// The Vietnamese name of a [`ReadLimits`] limit.
fn limit_vi(limit: &str) -> &'static str {
    match limit {
        "bytes" => "byte",
        "elements" => "phần tử",
        "attributes of an element" => "thuộc tính của một phần tử",
        "text of an element" => "byte văn bản của một phần tử",
        _ => "mức lồng nhau",
    }
}

/// The common root folder of all entries (with its trailing `/`), or "".
fn unsafe_entry(name: &str) -> Finding {
    rules::PKG_UNSAFE_NAME.custom(
        format!("unsafe entry name `{name}`"),
        format!("tên tệp không an toàn `{name}`"),
        Location::at_path(name),
    )
}

fn detect_root(names: &[String]) -> String {
    let first = names
        .iter()
        .find_map(|n| n.split_once('/').map(|(a, _)| a.to_owned()));
    match first {
        Some(r) if names.iter().all(|n| n.starts_with(&format!("{r}/"))) => format!("{r}/"),
        _ => String::new(),
    }
}

type Fields = BTreeMap<String, Vec<String>>;

/// Flat element set: every leaf element's text by local name.
fn fields(root: &Element) -> Fields {
    let mut out: Fields = BTreeMap::new();
    fn walk(e: &Element, out: &mut Fields) {
        for c in &e.children {
            if c.children.is_empty() {
                out.entry(c.name.clone()).or_default().push(c.text.clone());
            } else {
                walk(c, out);
            }
        }
    }
    walk(root, &mut out);
    out
}

/// Every `mdRef` and `FLocat` of a METS document, resolved against `dir`.
fn collect_refs(
    mets: &Element,
    dir: &str,
    mets_path: &str,
    findings: &mut Vec<Finding>,
) -> Vec<DataFile> {
    let mut out = Vec::new();
    let mut md = Vec::new();
    mets.descendants("mdRef", &mut md);
    let mut files = Vec::new();
    mets.descendants("file", &mut files);
    let push =
        |el: &Element, loc: &Element, out: &mut Vec<DataFile>, findings: &mut Vec<Finding>| {
            let Some(href) = loc.attr("href") else {
                findings.push(rules::METS_NO_LOCATION.custom(
                    "a file reference has no xlink:href",
                    "tham chiếu tệp thiếu xlink:href",
                    Location::at_path(mets_path),
                ));
                return;
            };
            let rel = href_decode(href.trim_start_matches("./"));
            out.push(DataFile {
                path: format!("{dir}{rel}"),
                size: el.attr("SIZE").and_then(|s| s.parse().ok()),
                checksum: el.attr("CHECKSUM").map(str::to_owned),
                checksum_type: el.attr("CHECKSUMTYPE").map(str::to_owned),
                referenced_by: mets_path.to_owned(),
            });
        };
    for m in md {
        push(m, m, &mut out, findings);
    }
    for f in files {
        match f.child("FLocat") {
            Some(loc) => push(f, loc, &mut out, findings),
            None => findings.push(rules::METS_NO_LOCATION.custom(
                "a METS file has no FLocat",
                "tệp trong METS thiếu FLocat",
                Location::at_path(mets_path),
            )),
        }
    }
    out
}

/// The files of each document from the representation's logical structMap
/// (`TT05 documents`), as data-folder-relative names.
fn document_files(rep: &Element, dir: &str) -> Vec<(String, Vec<String>)> {
    let mut files = BTreeMap::new();
    let mut all = Vec::new();
    rep.descendants("file", &mut all);
    for f in all {
        if let (Some(id), Some(href)) =
            (f.attr("ID"), f.child("FLocat").and_then(|l| l.attr("href")))
        {
            let rel = href_decode(href);
            let name = rel.strip_prefix("data/").unwrap_or(&rel).to_owned();
            files.insert(id.to_owned(), name);
        }
    }
    let _ = dir;
    let mut out = Vec::new();
    for sm in rep.children_named("structMap") {
        if sm.attr("LABEL") != Some("TT05 documents") {
            continue;
        }
        for top in sm.children_named("div") {
            for d in top.children_named("div") {
                let names = d
                    .children_named("fptr")
                    .filter_map(|p| p.attr("FILEID"))
                    .filter_map(|id| files.get(id).cloned())
                    .collect();
                out.push((d.attr("LABEL").unwrap_or("").to_owned(), names));
            }
        }
    }
    out
}
