//! Circular 05/2025/TT-BNV archival packages, built on E-ARK CSIP (the
//! circular names version 2.0.4; the writer also meets 2.1.0, whose
//! requirement ids the findings cite):
//! `SIP_hoso` (a record), `SIP_tailieu` (loose documents) and `AIP_hoso`
//! (with PREMIS), in a ZIP container.
//!
//! Layout written (inside one root folder named after the `OBJID`):
//!
//! ```text
//! METS.xml                                   root METS (CSIP)
//! metadata/descriptive/EAD.xml               TT05 file-level set (a flat `simpledc` element set)
//! metadata/preservation/PREMIS.xml           AIP only
//! representations/rep1/METS.xml              representation METS
//! representations/rep1/metadata/descriptive/EAD_doc_0000001.xml   one per document
//! representations/rep1/metadata/preservation/PREMIS_rep1.xml      AIP only
//! representations/rep1/data/…                the documents' files
//! schemas/tt05-simpledc.xsd                  schema of the TT05 element sets (CSIP113)
//! documentation/package.txt                  what the package is (CSIP60)
//! ```
//!
//! The root METS references the descriptive metadata (`dmdSec`), PREMIS
//! (`amdSec`, AIP), the documentation, schema and representation METS files
//! (`fileSec`) and has the CSIP physical `structMap`. The representation METS
//! references the `EAD_doc` files and the data files, and adds a LOGICAL
//! `structMap` labelled `TT05 documents` that says which files belong to
//! which document. Every reference carries `SIZE`, `CREATED` (`+07:00`) and
//! an upper-case SHA-256 `CHECKSUM`.
//!
//! Where E-ARK and the circular's sample differ, the writer follows E-ARK
//! (the SIP profile URL for SIPs, the organisation as an `ARCHIVIST` agent)
//! and the reader accepts both, reporting the sample's deviations as
//! `ARCH-PKG-TT05-*` findings.
//!
//! [`check_package`] checks a package against the [`Profile`] the caller
//! chooses: the requirements of E-ARK CSIP 2.1.0 and SIP 2.1.0 are data in
//! [`eark`], and a finding of one names it in
//! [`Finding::requirement`](vanthu_identifiers::Finding::requirement).
//!
//! Writing streams every data file through SHA-256 into the ZIP: memory does
//! not grow with the size of the record. Output is deterministic: entries in
//! a fixed order, identifiers derived from the `OBJID` and paths, ZIP
//! timestamps from the creation time passed in.

mod checksum;
mod data_file;
pub mod eark;
mod profile;
mod read;
mod source;
mod write;
mod xml;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::codes::Direction;
use crate::error::ArchiveError;
use crate::record::{Document, RecordMetadata};

pub use data_file::open_data_file;
pub use profile::{Profile, UnknownProfile};
pub use read::{
    CheckOptions, DataFile, PackageReader, PackageReport, check_package, check_package_dir,
    is_package,
};
pub use source::{MAX_DIR_DEPTH, MAX_DIR_ENTRIES, is_package_dir, unpack};
pub use write::{DataCompression, PackOptions, PackageWriter, PackedFile};
pub use xml::ReadLimits;

/// Which TT05 package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum PackageKind {
    /// `SIP_hoso` (TT05 Appendix III): a record sent to another system.
    #[serde(rename = "SIP_hoso")]
    SipRecord,
    /// `SIP_tailieu` (Appendix IV): loose documents sent to another system.
    #[serde(rename = "SIP_tailieu")]
    SipDocuments,
    /// `AIP_hoso` (Appendix I): a record kept in the archive, with PREMIS.
    #[serde(rename = "AIP_hoso")]
    Aip,
    /// A dissemination package (Appendix V; E-ARK DIP): a record's access
    /// copies handed to a user, `OAISPACKAGETYPE` DIP under the CSIP
    /// profile. Not a SIP: the SIP requirements do not apply to it.
    #[serde(rename = "DIP")]
    Dip,
}

impl PackageKind {
    /// The TT05 name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::SipRecord => "SIP_hoso",
            Self::SipDocuments => "SIP_tailieu",
            Self::Aip => "AIP_hoso",
            Self::Dip => "DIP",
        }
    }

    /// The CSIP `OAISPACKAGETYPE`.
    #[must_use]
    pub const fn oais_type(self) -> &'static str {
        match self {
            Self::SipRecord | Self::SipDocuments => "SIP",
            Self::Aip => "AIP",
            Self::Dip => "DIP",
        }
    }
}

/// METS `RECORDSTATUS` of the package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum RecordStatus {
    /// A new package.
    #[default]
    New,
    /// Supplements an earlier package.
    Supplement,
    /// Replaces an earlier package.
    Replacement,
    /// A test.
    Test,
    /// Other.
    Other,
}

impl RecordStatus {
    /// The METS value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::New => "NEW",
            Self::Supplement => "SUPPLEMENT",
            Self::Replacement => "REPLACEMENT",
            Self::Test => "TEST",
            Self::Other => "OTHER",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [
            Self::New,
            Self::Supplement,
            Self::Replacement,
            Self::Test,
            Self::Other,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }
}

/// The TT05 `SIP_tailieu` set for loose documents (5 elements).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LooseDocuments {
    /// `fileCode`: agency + year + 2-digit transfer number + 7-digit sequence.
    pub file_code: String,
    /// `title`.
    pub title: String,
    /// `source`: outgoing (0) or incoming (1).
    pub source: Direction,
    /// `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl LooseDocuments {
    /// The set with no description.
    #[must_use]
    pub fn new(file_code: impl Into<String>, title: impl Into<String>, source: Direction) -> Self {
        Self {
            file_code: file_code.into(),
            title: title.into(),
            source,
            description: None,
        }
    }
}

/// A document in a package: its TT05 `docCode`, metadata and files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PackageDocument {
    /// `docCode` = `fileCode` + a 7-digit ordinal (`0000001`).
    pub doc_code: String,
    /// Metadata (the `EAD_doc` elements are written from it).
    pub document: Document,
    /// Names of its files under `representations/rep1/data/`, NFC.
    pub files: Vec<String>,
}

impl PackageDocument {
    /// A document with its code, metadata and file names.
    #[must_use]
    pub fn new(doc_code: impl Into<String>, document: Document, files: Vec<String>) -> Self {
        Self {
            doc_code: doc_code.into(),
            document,
            files,
        }
    }
}

/// Everything but the bytes of the data files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PackageDescription {
    /// Which package.
    pub kind: PackageKind,
    /// METS `OBJID`, e.g. `uuid-0F7E…` (see [`derive_objid`]).
    pub objid: String,
    /// Creation time, written in Vietnam time (`+07:00`).
    pub created: DateTime<FixedOffset>,
    /// `RECORDSTATUS`.
    #[serde(default)]
    pub status: RecordStatus,
    /// Name of the submitting agency (METS agent with role CREATOR, type
    /// ORGANIZATION).
    pub submitter: String,
    /// The record (`SIP_hoso`, `AIP_hoso`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordMetadata>,
    /// The loose-documents set (`SIP_tailieu`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loose: Option<LooseDocuments>,
    /// The documents in order.
    pub documents: Vec<PackageDocument>,
}

impl PackageDescription {
    /// The dissemination package (DIP) of the same record: the same
    /// content and metadata as access copies, with a new `OBJID` derived
    /// from the record code, `created` and `DIP`.
    ///
    /// ```
    /// # use vanthu_archive::package::{PackageDescription, PackageKind};
    /// # fn f(sip: PackageDescription, now: chrono::DateTime<chrono::FixedOffset>) {
    /// let dip = sip.into_dip(now);
    /// assert_eq!(dip.kind, PackageKind::Dip);
    /// # }
    /// ```
    #[must_use]
    pub fn into_dip(mut self, created: DateTime<FixedOffset>) -> Self {
        let code = self.file_code().unwrap_or_default().to_owned();
        self.kind = PackageKind::Dip;
        self.objid = format!(
            "uuid-{}",
            derived_uuid(&[&code, &created.to_rfc3339(), "DIP"])
        );
        self.created = created;
        self
    }

    /// A `SIP_hoso` (or, with `aip`, an `AIP_hoso`) for a record, status
    /// NEW, with an `OBJID` derived from the record code and `created`, and
    /// no documents yet.
    #[must_use]
    pub fn for_record(
        record: RecordMetadata,
        aip: bool,
        submitter: impl Into<String>,
        created: DateTime<FixedOffset>,
    ) -> Self {
        Self {
            kind: if aip {
                PackageKind::Aip
            } else {
                PackageKind::SipRecord
            },
            objid: derive_objid(record.code.as_str(), &created),
            created,
            status: RecordStatus::New,
            submitter: submitter.into(),
            record: Some(record),
            loose: None,
            documents: Vec::new(),
        }
    }

    /// The package of a closed record of `records`: its metadata, and its
    /// documents in filing order (chronological after closing) with
    /// `docCode` = record code + `.` + the 7-digit ordinal; `files` gives the
    /// data-file names of each document key.
    ///
    /// # Errors
    /// Unknown record; an open record (only closed records are transferred,
    /// Decree 30/2020 Art. 30).
    pub fn from_record(
        records: &crate::record::Records,
        code: &vanthu_identifiers::RecordCode,
        aip: bool,
        submitter: impl Into<String>,
        created: DateTime<FixedOffset>,
        files: impl Fn(&str) -> Vec<String>,
    ) -> Result<Self, ArchiveError> {
        let record = records.record(code)?;
        if record.state == crate::record::RecordState::Open {
            return Err(ArchiveError::NotAllowed(format!(
                "record {code} is open: close it before packing"
            )));
        }
        let mut d = Self::for_record(record.metadata.clone(), aip, submitter, created);
        for filed in &record.documents {
            let document =
                records
                    .documents
                    .get(&filed.key)
                    .ok_or_else(|| ArchiveError::Unknown {
                        what: "document",
                        name: filed.key.clone(),
                    })?;
            d.documents.push(PackageDocument::new(
                format!("{code}.{:07}", filed.ordinal),
                document.clone(),
                files(&filed.key),
            ));
        }
        Ok(d)
    }

    /// A `SIP_tailieu` for loose documents, status NEW, with a derived
    /// `OBJID` and no documents yet.
    #[must_use]
    pub fn for_loose(
        loose: LooseDocuments,
        submitter: impl Into<String>,
        created: DateTime<FixedOffset>,
    ) -> Self {
        Self {
            kind: PackageKind::SipDocuments,
            objid: derive_objid(&loose.file_code, &created),
            created,
            status: RecordStatus::New,
            submitter: submitter.into(),
            record: None,
            loose: Some(loose),
            documents: Vec::new(),
        }
    }

    /// The `fileCode` written in the descriptive metadata.
    #[must_use]
    pub fn file_code(&self) -> Option<&str> {
        match (&self.record, &self.loose) {
            (Some(r), _) => Some(r.code.as_str()),
            (None, Some(l)) => Some(l.file_code.as_str()),
            (None, None) => None,
        }
    }

    /// Checks what the writer needs: the right metadata set for the kind, a
    /// well-formed `OBJID`, file names that are safe and distinct after NFC
    /// normalisation. Returns the data-file names in package order.
    ///
    /// # Errors
    /// [`ArchiveError::Invalid`] naming the problem.
    pub fn check_writable(&self) -> Result<Vec<String>, ArchiveError> {
        match self.kind {
            PackageKind::SipRecord | PackageKind::Aip | PackageKind::Dip
                if self.record.is_none() =>
            {
                return Err(ArchiveError::invalid(
                    "package",
                    "SIP_hoso, AIP_hoso and DIP need the record metadata",
                ));
            }
            PackageKind::SipDocuments if self.loose.is_none() => {
                return Err(ArchiveError::invalid(
                    "package",
                    "SIP_tailieu needs the loose-documents metadata",
                ));
            }
            _ => {}
        }
        if !objid_ok(&self.objid) {
            return Err(ArchiveError::invalid(
                "OBJID",
                format!("`{}`: expected `uuid-` and an upper-case UUID", self.objid),
            ));
        }
        let mut names = Vec::new();
        let mut seen = std::collections::BTreeMap::new();
        for d in &self.documents {
            for f in &d.files {
                check_name(f)?;
                let nfc = nfc(f);
                if let Some(other) = seen.insert(nfc.clone(), f.clone()) {
                    return Err(ArchiveError::invalid(
                        "file name",
                        format!("`{f}` and `{other}` are the same name after NFC normalisation"),
                    ));
                }
                names.push(nfc);
            }
        }
        Ok(names)
    }
}

/// A package specification in JSON: a [`PackageDescription`] whose `objid`
/// may be left out (it is then derived from the file code and `created`,
/// see [`derive_objid`]), plus `source_dir`, the folder of the data files
/// relative to the specification. This is the input of `vanthu archive pack`
/// (schema: the crate's README).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PackSpec {
    /// The package.
    #[serde(flatten)]
    pub description: PackageDescription,
    /// Folder of the data files, relative to the specification's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_dir: Option<String>,
}

impl PackSpec {
    /// Reads a specification from JSON.
    ///
    /// # Errors
    /// [`ArchiveError::Invalid`]: not JSON, not an object, no `created` (an
    /// RFC 3339 time) or no file code when `objid` is left out, or a
    /// description that does not match the schema.
    pub fn from_json(bytes: &[u8]) -> Result<Self, ArchiveError> {
        let mut value: serde_json::Value = serde_json::from_slice(bytes)
            .map_err(|e| ArchiveError::invalid("package specification", e.to_string()))?;
        let obj = value.as_object_mut().ok_or_else(|| {
            ArchiveError::invalid("package specification", "expected a JSON object")
        })?;
        if !obj.contains_key("objid") {
            let created: DateTime<FixedOffset> = obj
                .get("created")
                .and_then(|v| v.as_str())
                .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
                .ok_or_else(|| {
                    ArchiveError::invalid(
                        "package specification",
                        "`created` (an RFC 3339 time) is required",
                    )
                })?;
            let code = obj
                .get("record")
                .and_then(|r| r.get("code"))
                .or_else(|| obj.get("loose").and_then(|l| l.get("file_code")))
                .and_then(|c| c.as_str())
                .ok_or_else(|| {
                    ArchiveError::invalid(
                        "package specification",
                        "`record.code` or `loose.file_code` is required",
                    )
                })?;
            let objid = derive_objid(code, &created);
            obj.insert("objid".into(), objid.into());
        }
        serde_json::from_value(value)
            .map_err(|e| ArchiveError::invalid("package specification", e.to_string()))
    }
}

/// NFC form of a name (TT05 packages are exchanged between systems that
/// normalise differently: macOS writes NFD).
#[must_use]
pub fn nfc(name: &str) -> String {
    name.nfc().collect()
}

/// Checks a relative data-file path: non-empty `/`-separated components,
/// no `.`/`..`, no backslash, no control characters, at most 255 bytes each.
///
/// # Errors
/// [`ArchiveError::Invalid`].
pub fn check_name(name: &str) -> Result<(), ArchiveError> {
    let bad = |why: &str| ArchiveError::invalid("file name", format!("`{name}`: {why}"));
    if name.is_empty() {
        return Err(bad("empty"));
    }
    for part in name.split('/') {
        if part.is_empty() || part == "." || part == ".." {
            return Err(bad("empty, `.` or `..` path component"));
        }
        if part.len() > 255 {
            return Err(bad("component longer than 255 bytes"));
        }
        if part
            .chars()
            .any(|c| c.is_control() || c == '\\' || c == ':')
        {
            return Err(bad("control character, `\\` or `:`"));
        }
    }
    Ok(())
}

fn objid_ok(objid: &str) -> bool {
    objid
        .strip_prefix("uuid-")
        .is_some_and(|u| uuid_shape(u, false))
}

/// True for a UUID in its hyphenated `8-4-4-4-12` form, upper case (or
/// lower case too when `lower_ok`).
pub(crate) fn uuid_shape(u: &str, lower_ok: bool) -> bool {
    u.len() == 36
        && uuid::Uuid::try_parse(u).is_ok()
        && (lower_ok || !u.bytes().any(|b| b.is_ascii_lowercase()))
}

/// A UUID derived from SHA-256 of `parts` (each followed by a zero byte):
/// an RFC 9562 version 8 UUID (the name-based SHA-256 construction of RFC
/// 9562 Appendix B.2) whose 122 free bits are the first bits of the digest,
/// with the version and variant bits set. Written in upper case, as
/// Circular 05/2025 writes identifiers: deterministic identifiers without
/// a random source in the library.
#[must_use]
pub fn derived_uuid(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    let bytes: [u8; 16] = digest
        .get(..16)
        .and_then(|s| s.try_into().ok())
        .unwrap_or_default();
    uuid::Builder::from_custom_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
        .to_ascii_uppercase()
}

/// An `OBJID` derived from the file code and the creation time: the same
/// record packed at the same time gets the same identifier.
#[must_use]
pub fn derive_objid(file_code: &str, created: &DateTime<FixedOffset>) -> String {
    format!("uuid-{}", derived_uuid(&[file_code, &created.to_rfc3339()]))
}

/// Vietnam time zone, UTC+7 (no daylight saving): [`vanthu_identifiers::VIETNAM`].
#[must_use]
pub fn vietnam_offset() -> FixedOffset {
    vanthu_identifiers::VIETNAM
}

/// `YYYY-MM-DDThh:mm:ss+07:00`, the TT05 timestamp form.
#[must_use]
pub fn timestamp(t: &DateTime<FixedOffset>) -> String {
    t.with_timezone(&vietnam_offset())
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Percent-encodes what cannot appear literally in the path of an IRI
/// reference (space, `%`, `#`, `?`, `"<>\^`{|}` and controls); other
/// characters, Vietnamese letters included, are kept.
pub(crate) fn href_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c == '%' || c == ' ' || "#?\"<>\\^`{|}".contains(c) || c.is_control() {
            let mut b = [0u8; 4];
            for byte in c.encode_utf8(&mut b).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Reverses [`href_encode`] (any percent escape).
pub(crate) fn href_decode(href: &str) -> String {
    let bytes = href.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        if b == b'%'
            && let Some(v) = bytes
                .get(i.saturating_add(1)..i.saturating_add(3))
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i = i.saturating_add(3);
            continue;
        }
        out.push(b);
        i = i.saturating_add(1);
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The MIME type for a file name's extension (TT05 format list), or
/// `application/octet-stream`.
#[must_use]
pub fn mime_type(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "xml" => "text/xml",
        "txt" => "text/plain",
        "rtf" => "application/rtf",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt" => "application/vnd.oasis.opendocument.text",
        "csv" => "text/csv",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "htm" | "html" => "text/html",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odp" => "application/vnd.oasis.opendocument.presentation",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "tif" | "tiff" => "image/tiff",
        "png" => "image/png",
        "mpg" | "mpeg" => "video/mpeg",
        "avi" => "video/x-msvideo",
        "wmv" => "video/x-ms-wmv",
        "mov" => "video/quicktime",
        "mp3" => "audio/mpeg",
        "wma" => "audio/x-ms-wma",
        "aac" => "audio/aac",
        _ => "application/octet-stream",
    }
}
