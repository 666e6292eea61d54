//! The package writer: streams data files into the ZIP through SHA-256,
//! then writes the metadata documents and the METS files.

use std::io::{Read, Seek, Write};

use chrono::{Datelike, Timelike};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{
    PackageDescription, PackageKind, derived_uuid, href_encode, mime_type, nfc, timestamp,
};
use crate::error::ArchiveError;
use crate::record::date_dmy;

/// How data files are stored in the ZIP (metadata is always deflated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum DataCompression {
    /// Deflate (the usual choice; PDFs gain little but text does).
    #[default]
    Deflated,
    /// Store uncompressed (fastest; for already-compressed media).
    Stored,
}

/// Options of the writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PackOptions {
    /// Compression of data files.
    pub data_compression: DataCompression,
}

/// A file written into the package.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct PackedFile {
    /// Path inside the package (below the root folder), e.g.
    /// `representations/rep1/data/QĐ-182.pdf`.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, upper-case hex (TT05 sample convention).
    pub sha256: String,
}

/// Writes a TT05 package into any `Write + Seek`.
///
/// Add the data files in the order of the description (documents in order,
/// each document's files in order) with [`add_file`](Self::add_file), then
/// call [`finish`](Self::finish). Each file is streamed: memory use does not
/// depend on its size.
pub struct PackageWriter<W: Write + Seek> {
    zip: ZipWriter<W>,
    desc: PackageDescription,
    expected: Vec<String>,
    packed: Vec<PackedFile>,
    options: PackOptions,
    time: zip::DateTime,
}

impl<W: Write + Seek> std::fmt::Debug for PackageWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackageWriter")
            .field("objid", &self.desc.objid)
            .field("packed", &self.packed.len())
            .field("expected", &self.expected.len())
            .finish_non_exhaustive()
    }
}

const DATA: &str = "representations/rep1/data/";
const CHUNK: usize = 64 * 1024;

impl<W: Write + Seek> PackageWriter<W> {
    /// Starts a package.
    ///
    /// # Errors
    /// [`ArchiveError::Invalid`] from [`PackageDescription::check_writable`].
    pub fn new(
        out: W,
        description: PackageDescription,
        options: PackOptions,
    ) -> Result<Self, ArchiveError> {
        let expected = description.check_writable()?;
        let local = description.created.with_timezone(&super::vietnam_offset());
        // ZIP (DOS) times start in 1980; earlier creation times clamp to 1980-01-01.
        let time = zip::DateTime::from_date_and_time(
            u16::try_from(local.year()).unwrap_or(1980),
            u8::try_from(local.month()).unwrap_or(1),
            u8::try_from(local.day()).unwrap_or(1),
            u8::try_from(local.hour()).unwrap_or(0),
            u8::try_from(local.minute()).unwrap_or(0),
            u8::try_from(local.second()).unwrap_or(0),
        )
        .unwrap_or_default();
        Ok(Self {
            zip: ZipWriter::new(out),
            desc: description,
            expected,
            packed: Vec::new(),
            options,
            time,
        })
    }

    /// The data-file names still expected, in order.
    #[must_use]
    pub fn remaining(&self) -> &[String] {
        self.expected.get(self.packed.len()..).unwrap_or_default()
    }

    fn entry(&self, path: &str) -> String {
        format!("{}/{path}", self.desc.objid)
    }

    fn opts(&self, method: CompressionMethod, large: bool) -> SimpleFileOptions {
        SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(self.time)
            .unix_permissions(0o644)
            .large_file(large)
    }

    /// Streams the next data file. `name` must be the next expected name
    /// (compared after NFC normalisation).
    ///
    /// # Errors
    /// [`ArchiveError::NotAllowed`] for a name out of order; I/O errors.
    pub fn add_file(
        &mut self,
        name: &str,
        content: &mut dyn Read,
    ) -> Result<&PackedFile, ArchiveError> {
        let name = nfc(name);
        let index = self.packed.len();
        match self.expected.get(index) {
            Some(e) if *e == name => {}
            Some(e) => {
                return Err(ArchiveError::NotAllowed(format!(
                    "expected data file `{e}`, got `{name}`"
                )));
            }
            None => {
                return Err(ArchiveError::NotAllowed(format!(
                    "data file `{name}` is not in the description"
                )));
            }
        }
        let path = format!("{DATA}{name}");
        let method = match self.options.data_compression {
            DataCompression::Deflated => CompressionMethod::Deflated,
            DataCompression::Stored => CompressionMethod::Stored,
        };
        // Sizes are not known in advance: always allow ZIP64.
        self.zip
            .start_file(self.entry(&path), self.opts(method, true))?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut buf = vec![0u8; CHUNK];
        loop {
            let n = match content.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            let chunk = buf.get(..n).unwrap_or_default();
            hasher.update(chunk);
            self.zip.write_all(chunk)?;
            size = size.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
        }
        self.packed.push(PackedFile {
            path,
            size,
            sha256: hex_upper(&hasher.finalize()),
        });
        self.packed
            .last()
            .ok_or_else(|| ArchiveError::Missing("packed file".into()))
    }

    fn put_meta(&mut self, path: &str, bytes: &[u8]) -> Result<PackedFile, ArchiveError> {
        self.zip.start_file(
            self.entry(path),
            self.opts(CompressionMethod::Deflated, false),
        )?;
        self.zip.write_all(bytes)?;
        Ok(PackedFile {
            path: path.to_owned(),
            size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
            sha256: hex_upper(&Sha256::digest(bytes)),
        })
    }

    /// Writes the metadata and METS files and the ZIP directory.
    ///
    /// # Errors
    /// [`ArchiveError::NotAllowed`] when declared data files were not added;
    /// I/O errors.
    pub fn finish(mut self) -> Result<W, ArchiveError> {
        if let Some(missing) = self.remaining().first() {
            return Err(ArchiveError::NotAllowed(format!(
                "data file `{missing}` was not added"
            )));
        }
        let desc = self.desc.clone();
        let ts = timestamp(&desc.created);
        let aip = desc.kind == PackageKind::Aip;
        let mut doc_meta = Vec::new();
        for (i, d) in desc.documents.iter().enumerate() {
            let path = format!(
                "representations/rep1/metadata/descriptive/EAD_doc_{:07}.xml",
                i.saturating_add(1)
            );
            let bytes = ead_doc(&desc, d)?;
            doc_meta.push(self.put_meta(&path, &bytes)?);
        }
        let rep_premis = if aip {
            let bytes = premis_rep(&desc, &self.packed, &ts)?;
            Some(self.put_meta(
                "representations/rep1/metadata/preservation/PREMIS_rep1.xml",
                &bytes,
            )?)
        } else {
            None
        };
        let rep_mets = rep_mets(&desc, &self.packed, &doc_meta, rep_premis.as_ref(), &ts)?;
        let rep_mets = self.put_meta("representations/rep1/METS.xml", &rep_mets)?;
        let ead = ead_file(&desc)?;
        let ead = self.put_meta("metadata/descriptive/EAD.xml", &ead)?;
        let premis = if aip {
            let bytes = premis_root(&desc, &ts)?;
            Some(self.put_meta("metadata/preservation/PREMIS.xml", &bytes)?)
        } else {
            None
        };
        let schema = self.put_meta(SCHEMA_PATH, TT05_XSD.as_bytes())?;
        let documentation = self.put_meta(DOC_PATH, documentation(&desc).as_bytes())?;
        let root = root_mets(
            &desc,
            &ead,
            premis.as_ref(),
            &rep_mets,
            &[&documentation, &schema],
            &ts,
        )?;
        self.put_meta("METS.xml", &root)?;
        Ok(self.zip.finish()?)
    }
}

pub(crate) fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

type X = Writer<Vec<u8>>;

fn new_doc() -> Result<X, ArchiveError> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

fn open(w: &mut X, name: &str, attrs: &[(&str, &str)]) -> Result<(), ArchiveError> {
    let mut s = BytesStart::new(name);
    for (k, v) in attrs {
        s.push_attribute((*k, *v));
    }
    w.write_event(Event::Start(s))?;
    Ok(())
}

fn empty(w: &mut X, name: &str, attrs: &[(&str, &str)]) -> Result<(), ArchiveError> {
    let mut s = BytesStart::new(name);
    for (k, v) in attrs {
        s.push_attribute((*k, *v));
    }
    w.write_event(Event::Empty(s))?;
    Ok(())
}

fn close(w: &mut X, name: &str) -> Result<(), ArchiveError> {
    w.write_event(Event::End(BytesEnd::new(name)))?;
    Ok(())
}

/// A text element; the text is written in Unicode NFC (TCVN 6909:2001 and
/// TT05 packages exchanged between systems that normalise differently), so
/// NFC and NFD input give the same package.
fn text(w: &mut X, name: &str, value: &str) -> Result<(), ArchiveError> {
    if value.is_empty() {
        return empty(w, name, &[]);
    }
    open(w, name, &[])?;
    w.write_event(Event::Text(BytesText::new(&nfc(value))))?;
    close(w, name)
}

fn bool01(b: bool) -> &'static str {
    if b { "1" } else { "0" }
}

/// `metadata/descriptive/EAD.xml`: the TT05 file-level set (`SIP_hoso`, 18
/// elements) or the `SIP_tailieu` set (5 elements), flat under `simpledc`.
fn ead_file(desc: &PackageDescription) -> Result<Vec<u8>, ArchiveError> {
    let mut w = new_doc()?;
    open(&mut w, "simpledc", &[])?;
    if let Some(r) = &desc.record {
        text(&mut w, "fileCode", r.code.as_str())?;
        text(&mut w, "title", &r.title)?;
        text(
            &mut w,
            "maintenance",
            &format!("{:02}", r.retention.tt05_code()),
        )?;
        text(&mut w, "mode", r.access.code())?;
        for l in &r.languages {
            text(&mut w, "language", l.code())?;
        }
        text(
            &mut w,
            "startDate",
            &r.start_date.map(date_dmy).unwrap_or_default(),
        )?;
        text(
            &mut w,
            "endDate",
            &r.end_date.map(date_dmy).unwrap_or_default(),
        )?;
        text(&mut w, "keyword", r.keyword.as_deref().unwrap_or(""))?;
        text(&mut w, "totalDoc", &desc.documents.len().to_string())?;
        text(
            &mut w,
            "numberOfPaper",
            &r.sheet_total.map(|n| n.to_string()).unwrap_or_default(),
        )?;
        text(&mut w, "numberOfPage", &r.page_total.to_string())?;
        text(
            &mut w,
            "format",
            r.condition.map(|c| c.code()).unwrap_or(""),
        )?;
        text(&mut w, "inforSign", r.info_sign.as_deref().unwrap_or(""))?;
        text(&mut w, "confidenceLevel", r.reliability.code())?;
        text(
            &mut w,
            "paperFileCode",
            r.paper_file_code.as_deref().unwrap_or(""),
        )?;
        text(&mut w, "riskRecovery", bool01(r.risk_recovery))?;
        text(
            &mut w,
            "riskRecoveryStatus",
            r.risk_recovery_done
                .map(|d| if d { "01" } else { "02" })
                .unwrap_or(""),
        )?;
        text(
            &mut w,
            "description",
            r.description.as_deref().unwrap_or(""),
        )?;
    } else if let Some(l) = &desc.loose {
        text(&mut w, "fileCode", &l.file_code)?;
        text(&mut w, "title", &l.title)?;
        text(&mut w, "source", l.source.code())?;
        text(&mut w, "totalDoc", &desc.documents.len().to_string())?;
        text(
            &mut w,
            "description",
            l.description.as_deref().unwrap_or(""),
        )?;
    }
    close(&mut w, "simpledc")?;
    Ok(w.into_inner())
}

/// `EAD_doc_*.xml`: the TT05 document-level set (21 elements).
fn ead_doc(desc: &PackageDescription, d: &super::PackageDocument) -> Result<Vec<u8>, ArchiveError> {
    let m = &d.document;
    let mut w = new_doc()?;
    open(&mut w, "simpledc", &[])?;
    text(&mut w, "docId", m.doc_id.as_deref().unwrap_or(""))?;
    text(&mut w, "docCode", &d.doc_code)?;
    let maintenance = desc
        .record
        .as_ref()
        .map(|r| format!("{:02}", r.retention.tt05_code()))
        .unwrap_or_default();
    text(&mut w, "maintenance", &maintenance)?;
    text(
        &mut w,
        "typeName",
        &format!("{:02}", m.doc_type.tt05_code().unwrap_or(32)),
    )?;
    text(&mut w, "codeNumber", &m.code_number)?;
    text(&mut w, "codeNotation", &m.code_notation)?;
    text(&mut w, "issuedDate", &date_dmy(m.issued_date))?;
    text(&mut w, "organName", &m.organ_name)?;
    text(&mut w, "subject", &m.subject)?;
    for l in &m.languages {
        text(&mut w, "language", l.code())?;
    }
    text(&mut w, "numberOfPage", &m.page_count.to_string())?;
    text(&mut w, "inforSign", "")?;
    text(&mut w, "keyword", m.keyword.as_deref().unwrap_or(""))?;
    text(&mut w, "mode", m.access.code())?;
    text(&mut w, "confidenceLevel", m.reliability.code())?;
    text(&mut w, "autograph", m.autograph.as_deref().unwrap_or(""))?;
    text(
        &mut w,
        "format",
        m.condition.map(|c| c.code()).unwrap_or(""),
    )?;
    text(&mut w, "riskRecovery", "")?;
    text(&mut w, "riskRecoveryStatus", "")?;
    text(&mut w, "process", bool01(m.process))?;
    text(
        &mut w,
        "description",
        m.description.as_deref().unwrap_or(""),
    )?;
    close(&mut w, "simpledc")?;
    Ok(w.into_inner())
}

const NS: [(&str, &str); 4] = [
    ("xmlns:mets", "http://www.loc.gov/METS/"),
    ("xmlns:csip", "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"),
    ("xmlns:sip", "https://DILCIS.eu/XML/METS/SIPExtensionMETS"),
    ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
];
const CSIP_PROFILE: &str = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml";
/// E-ARK SIP 2.1.0 SIP2 wants its own profile for a SIP; TT05's sample
/// writes the CSIP profile, which the reader accepts.
const SIP_PROFILE: &str = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml";
/// E-ARK DIP 2.1.0 DIP2: a DIP names the DIP profile.
const DIP_PROFILE: &str = "https://earkdip.dilcis.eu/profile/E-ARK-DIP.xml";

fn mets_open(
    w: &mut X,
    desc: &PackageDescription,
    objid: &str,
    label: &str,
) -> Result<(), ArchiveError> {
    let other = format!("TT05-{}", desc.kind.name());
    let label = nfc(label);
    let mut attrs: Vec<(&str, &str)> = NS.to_vec();
    attrs.extend([
        ("OBJID", objid),
        ("LABEL", label.as_str()),
        ("TYPE", "Text"),
        ("csip:CONTENTINFORMATIONTYPE", "OTHER"),
        ("csip:OTHERCONTENTINFORMATIONTYPE", other.as_str()),
        (
            "PROFILE",
            match desc.kind.oais_type() {
                "SIP" => SIP_PROFILE,
                "DIP" => DIP_PROFILE,
                _ => CSIP_PROFILE,
            },
        ),
    ]);
    open(w, "mets:mets", &attrs)
}

fn mets_hdr(w: &mut X, desc: &PackageDescription, ts: &str) -> Result<(), ArchiveError> {
    open(
        w,
        "mets:metsHdr",
        &[
            ("CREATEDATE", ts),
            ("LASTMODDATE", ts),
            ("RECORDSTATUS", desc.status.as_str()),
            ("csip:OAISPACKAGETYPE", desc.kind.oais_type()),
        ],
    )?;
    open(
        w,
        "mets:agent",
        &[
            ("ROLE", "CREATOR"),
            ("TYPE", "OTHER"),
            ("OTHERTYPE", "SOFTWARE"),
        ],
    )?;
    text(w, "mets:name", "vanthu")?;
    open(w, "mets:note", &[("csip:NOTETYPE", "SOFTWARE VERSION")])?;
    w.write_event(Event::Text(BytesText::new(env!("CARGO_PKG_VERSION"))))?;
    close(w, "mets:note")?;
    close(w, "mets:agent")?;
    if !desc.submitter.is_empty() {
        // Not ROLE=CREATOR: CSIP 12–16 reserve every CREATOR agent for the software.
        open(
            w,
            "mets:agent",
            &[("ROLE", "ARCHIVIST"), ("TYPE", "ORGANIZATION")],
        )?;
        text(w, "mets:name", &desc.submitter)?;
        close(w, "mets:agent")?;
    }
    close(w, "mets:metsHdr")
}

fn md_ref(
    w: &mut X,
    f: &super::PackedFile,
    href: &str,
    mdtype: (&str, Option<&str>),
    ts: &str,
) -> Result<(), ArchiveError> {
    let size = f.size.to_string();
    let href = href_encode(href);
    let mut attrs = vec![
        ("LOCTYPE", "URL"),
        ("xlink:type", "simple"),
        ("xlink:href", href.as_str()),
        ("MDTYPE", mdtype.0),
    ];
    if let Some(o) = mdtype.1 {
        attrs.push(("OTHERMDTYPE", o));
    }
    attrs.extend([
        ("MIMETYPE", "text/xml"),
        ("SIZE", size.as_str()),
        ("CREATED", ts),
        ("CHECKSUM", f.sha256.as_str()),
        ("CHECKSUMTYPE", "SHA-256"),
    ]);
    empty(w, "mets:mdRef", &attrs)
}

fn file_entry(
    w: &mut X,
    id: &str,
    f: &super::PackedFile,
    href: &str,
    ts: &str,
) -> Result<(), ArchiveError> {
    let size = f.size.to_string();
    open(
        w,
        "mets:file",
        &[
            ("ID", id),
            ("MIMETYPE", mime_type(&f.path)),
            ("SIZE", size.as_str()),
            ("CREATED", ts),
            ("CHECKSUM", f.sha256.as_str()),
            ("CHECKSUMTYPE", "SHA-256"),
        ],
    )?;
    empty(
        w,
        "mets:FLocat",
        &[
            ("LOCTYPE", "URL"),
            ("xlink:type", "simple"),
            ("xlink:href", &href_encode(href)),
        ],
    )?;
    close(w, "mets:file")
}

fn id(desc: &PackageDescription, path: &str) -> String {
    format!("ID-{}", derived_uuid(&[&desc.objid, path]))
}

const SCHEMA_PATH: &str = "schemas/tt05-simpledc.xsd";
const DOC_PATH: &str = "documentation/package.txt";

/// The schema of the flat TT05 element sets written in `EAD.xml` and
/// `EAD_doc_*.xml` (every element optional, text content), shipped in
/// `schemas/` as CSIP asks (CSIP113).
const TT05_XSD: &str = include_str!("tt05-simpledc.xsd");

/// A short text saying what the package is and how it was written.
fn documentation(desc: &PackageDescription) -> String {
    format!(
        "{kind} package (Circular 05/2025/TT-BNV, on E-ARK CSIP v2.0.4)\n\
         Gói {kind} theo Thông tư 05/2025/TT-BNV (dựa trên E-ARK CSIP v2.0.4)\n\
         OBJID: {objid}\n\
         Written by vanthu {version}.\n\
         Descriptive metadata: metadata/descriptive/EAD.xml (file level) and\n\
         representations/rep1/metadata/descriptive/EAD_doc_NNNNNNN.xml (one per document),\n\
         flat element sets under `simpledc`, schema schemas/tt05-simpledc.xsd.\n\
         Dates DD/MM/YYYY; codes as in the circular's code tables; checksums SHA-256.\n\
         Documents and their files: the LOGICAL structMap `TT05 documents` of representations/rep1/METS.xml.\n",
        kind = desc.kind.name(),
        objid = desc.objid,
        version = env!("CARGO_PKG_VERSION"),
    )
}

fn root_mets(
    desc: &PackageDescription,
    ead: &super::PackedFile,
    premis: Option<&super::PackedFile>,
    rep_mets: &super::PackedFile,
    extra: &[&super::PackedFile; 2],
    ts: &str,
) -> Result<Vec<u8>, ArchiveError> {
    let [documentation, schema] = *extra;
    let mut w = new_doc()?;
    let label = desc
        .record
        .as_ref()
        .map(|r| r.title.as_str())
        .or(desc.loose.as_ref().map(|l| l.title.as_str()))
        .unwrap_or("");
    mets_open(&mut w, desc, &desc.objid, label)?;
    mets_hdr(&mut w, desc, ts)?;
    let dmd = id(desc, &ead.path);
    open(
        &mut w,
        "mets:dmdSec",
        &[("ID", &dmd), ("CREATED", ts), ("STATUS", "CURRENT")],
    )?;
    md_ref(&mut w, ead, &ead.path, ("OTHER", Some("TT05-EAD")), ts)?;
    close(&mut w, "mets:dmdSec")?;
    let amd = premis.map(|p| id(desc, &p.path));
    if let (Some(p), Some(amd)) = (premis, &amd) {
        open(&mut w, "mets:amdSec", &[])?;
        open(
            &mut w,
            "mets:digiprovMD",
            &[("ID", amd), ("STATUS", "CURRENT")],
        )?;
        md_ref(&mut w, p, &p.path, ("PREMIS", None), ts)?;
        close(&mut w, "mets:digiprovMD")?;
        close(&mut w, "mets:amdSec")?;
    }
    let other = format!("TT05-{}", desc.kind.name());
    let fg = id(desc, "fileGrp:Representations/rep1");
    let rep_mets_id = id(desc, &rep_mets.path);
    open(&mut w, "mets:fileSec", &[("ID", &id(desc, "fileSec"))])?;
    for (use_, f) in [("Documentation", documentation), ("Schemas", schema)] {
        open(
            &mut w,
            "mets:fileGrp",
            &[
                ("ID", &id(desc, &format!("fileGrp:{use_}"))),
                ("USE", use_),
                // eark-validator's CSIP63 test accepts a fileGrp only with
                // these two attributes; they are valid on every fileGrp.
                ("csip:CONTENTINFORMATIONTYPE", "OTHER"),
                ("csip:OTHERCONTENTINFORMATIONTYPE", &other),
            ],
        )?;
        file_entry(&mut w, &id(desc, &f.path), f, &f.path, ts)?;
        close(&mut w, "mets:fileGrp")?;
    }
    open(
        &mut w,
        "mets:fileGrp",
        &[
            ("ID", &fg),
            ("USE", "Representations/rep1"),
            ("csip:CONTENTINFORMATIONTYPE", "OTHER"),
            ("csip:OTHERCONTENTINFORMATIONTYPE", &other),
        ],
    )?;
    file_entry(&mut w, &rep_mets_id, rep_mets, &rep_mets.path, ts)?;
    close(&mut w, "mets:fileGrp")?;
    close(&mut w, "mets:fileSec")?;
    open(
        &mut w,
        "mets:structMap",
        &[
            ("ID", &id(desc, "structMap")),
            ("TYPE", "PHYSICAL"),
            ("LABEL", "CSIP"),
        ],
    )?;
    open(
        &mut w,
        "mets:div",
        &[("ID", &id(desc, "div:root")), ("LABEL", &desc.objid)],
    )?;
    let mut meta_attrs = vec![
        ("ID", id(desc, "div:Metadata")),
        ("LABEL", "Metadata".to_owned()),
        ("DMDID", dmd),
    ];
    if let Some(a) = amd {
        meta_attrs.push(("ADMID", a));
    }
    let meta_attrs: Vec<(&str, &str)> = meta_attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    empty(&mut w, "mets:div", &meta_attrs)?;
    for (label, f) in [("Documentation", documentation), ("Schemas", schema)] {
        open(
            &mut w,
            "mets:div",
            &[("ID", &id(desc, &format!("div:{label}"))), ("LABEL", label)],
        )?;
        empty(&mut w, "mets:fptr", &[("FILEID", &id(desc, &f.path))])?;
        close(&mut w, "mets:div")?;
    }
    open(
        &mut w,
        "mets:div",
        &[
            ("ID", &id(desc, "div:Representations")),
            ("LABEL", "Representations"),
        ],
    )?;
    // CSIP 103–104 as eark-validator checks them: a `Representations`
    // division pointing at the representation's METS file, with one
    // division per representation inside it (CSIP105–106).
    empty(&mut w, "mets:fptr", &[("FILEID", &rep_mets_id)])?;
    open(
        &mut w,
        "mets:div",
        &[
            ("ID", &id(desc, "div:Representations/rep1")),
            ("LABEL", "Representations/rep1"),
        ],
    )?;
    empty(
        &mut w,
        "mets:mptr",
        &[
            ("xlink:href", "representations/rep1/METS.xml"),
            ("xlink:title", &fg),
            ("LOCTYPE", "URL"),
            ("xlink:type", "simple"),
        ],
    )?;
    close(&mut w, "mets:div")?;
    close(&mut w, "mets:div")?;
    close(&mut w, "mets:div")?;
    close(&mut w, "mets:structMap")?;
    close(&mut w, "mets:mets")?;
    Ok(w.into_inner())
}

fn strip_rep(path: &str) -> &str {
    path.strip_prefix("representations/rep1/").unwrap_or(path)
}

fn rep_mets(
    desc: &PackageDescription,
    data: &[super::PackedFile],
    doc_meta: &[super::PackedFile],
    premis: Option<&super::PackedFile>,
    ts: &str,
) -> Result<Vec<u8>, ArchiveError> {
    let mut w = new_doc()?;
    mets_open(&mut w, desc, "rep1", "rep1")?;
    mets_hdr(&mut w, desc, ts)?;
    let dmd_ids: Vec<String> = doc_meta.iter().map(|m| id(desc, &m.path)).collect();
    for (m, dmd) in doc_meta.iter().zip(&dmd_ids) {
        open(
            &mut w,
            "mets:dmdSec",
            &[("ID", dmd), ("CREATED", ts), ("STATUS", "CURRENT")],
        )?;
        md_ref(
            &mut w,
            m,
            strip_rep(&m.path),
            ("OTHER", Some("TT05-EAD_doc")),
            ts,
        )?;
        close(&mut w, "mets:dmdSec")?;
    }
    let amd = premis.map(|p| id(desc, &p.path));
    if let (Some(p), Some(amd)) = (premis, &amd) {
        open(&mut w, "mets:amdSec", &[])?;
        open(
            &mut w,
            "mets:digiprovMD",
            &[("ID", amd), ("STATUS", "CURRENT")],
        )?;
        md_ref(&mut w, p, strip_rep(&p.path), ("PREMIS", None), ts)?;
        close(&mut w, "mets:digiprovMD")?;
        close(&mut w, "mets:amdSec")?;
    }
    let file_ids: Vec<String> = data.iter().map(|f| id(desc, &f.path)).collect();
    open(&mut w, "mets:fileSec", &[("ID", &id(desc, "rep1:fileSec"))])?;
    let other = format!("TT05-{}", desc.kind.name());
    open(
        &mut w,
        "mets:fileGrp",
        &[
            ("ID", &id(desc, "rep1:fileGrp:Data")),
            ("USE", "Data"),
            ("csip:CONTENTINFORMATIONTYPE", "OTHER"),
            ("csip:OTHERCONTENTINFORMATIONTYPE", &other),
        ],
    )?;
    for (f, fid) in data.iter().zip(&file_ids) {
        file_entry(&mut w, fid, f, strip_rep(&f.path), ts)?;
    }
    close(&mut w, "mets:fileGrp")?;
    close(&mut w, "mets:fileSec")?;
    // The CSIP physical map.
    open(
        &mut w,
        "mets:structMap",
        &[
            ("ID", &id(desc, "rep1:structMap")),
            ("TYPE", "PHYSICAL"),
            ("LABEL", "CSIP"),
        ],
    )?;
    open(
        &mut w,
        "mets:div",
        &[("ID", &id(desc, "rep1:div:root")), ("LABEL", "rep1")],
    )?;
    let dmd_all = dmd_ids.join(" ");
    let mut meta_attrs = vec![
        ("ID", id(desc, "rep1:div:Metadata")),
        ("LABEL", "Metadata".to_owned()),
    ];
    if !dmd_all.is_empty() {
        meta_attrs.push(("DMDID", dmd_all));
    }
    if let Some(a) = amd {
        meta_attrs.push(("ADMID", a));
    }
    let meta_attrs: Vec<(&str, &str)> = meta_attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    empty(&mut w, "mets:div", &meta_attrs)?;
    open(
        &mut w,
        "mets:div",
        &[("ID", &id(desc, "rep1:div:Data")), ("LABEL", "Data")],
    )?;
    for fid in &file_ids {
        empty(&mut w, "mets:fptr", &[("FILEID", fid)])?;
    }
    close(&mut w, "mets:div")?;
    close(&mut w, "mets:div")?;
    close(&mut w, "mets:structMap")?;
    // TT05 documents: which files and which EAD_doc belong to each document.
    open(
        &mut w,
        "mets:structMap",
        &[
            ("ID", &id(desc, "rep1:structMap:documents")),
            ("TYPE", "LOGICAL"),
            ("LABEL", "TT05 documents"),
        ],
    )?;
    open(
        &mut w,
        "mets:div",
        &[
            ("ID", &id(desc, "rep1:div:documents")),
            ("LABEL", "documents"),
        ],
    )?;
    let mut next_file = file_ids.iter();
    for (i, (d, dmd)) in desc.documents.iter().zip(&dmd_ids).enumerate() {
        let order = i.saturating_add(1).to_string();
        open(
            &mut w,
            "mets:div",
            &[
                ("ID", &id(desc, &format!("rep1:div:doc:{order}"))),
                ("ORDER", &order),
                ("LABEL", &nfc(&d.doc_code)),
                ("DMDID", dmd),
            ],
        )?;
        for _ in &d.files {
            if let Some(fid) = next_file.next() {
                empty(&mut w, "mets:fptr", &[("FILEID", fid)])?;
            }
        }
        close(&mut w, "mets:div")?;
    }
    close(&mut w, "mets:div")?;
    close(&mut w, "mets:structMap")?;
    close(&mut w, "mets:mets")?;
    Ok(w.into_inner())
}

const PREMIS_NS: (&str, &str) = ("xmlns:premis", "http://www.loc.gov/premis/v3");
const XSI_NS: (&str, &str) = ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");

fn premis_id(w: &mut X, kind: &str, value: &str) -> Result<(), ArchiveError> {
    open(w, &format!("premis:{kind}Identifier"), &[])?;
    text(w, &format!("premis:{kind}IdentifierType"), "local")?;
    text(w, &format!("premis:{kind}IdentifierValue"), value)?;
    close(w, &format!("premis:{kind}Identifier"))
}

/// Package-level PREMIS: the intellectual entity, the "information package
/// creation" event (TT05: recorded when the SIP becomes an AIP) and the agent.
fn premis_root(desc: &PackageDescription, ts: &str) -> Result<Vec<u8>, ArchiveError> {
    let mut w = new_doc()?;
    open(
        &mut w,
        "premis:premis",
        &[PREMIS_NS, XSI_NS, ("version", "3.0")],
    )?;
    open(
        &mut w,
        "premis:object",
        &[("xsi:type", "premis:intellectualEntity")],
    )?;
    premis_id(&mut w, "object", &desc.objid)?;
    close(&mut w, "premis:object")?;
    open(&mut w, "premis:event", &[])?;
    premis_id(
        &mut w,
        "event",
        &format!("event-{}", derived_uuid(&[&desc.objid, "creation"])),
    )?;
    text(&mut w, "premis:eventType", "information package creation")?;
    text(&mut w, "premis:eventDateTime", ts)?;
    open(&mut w, "premis:eventOutcomeInformation", &[])?;
    text(&mut w, "premis:eventOutcome", "success")?;
    close(&mut w, "premis:eventOutcomeInformation")?;
    open(&mut w, "premis:linkingAgentIdentifier", &[])?;
    text(&mut w, "premis:linkingAgentIdentifierType", "local")?;
    text(&mut w, "premis:linkingAgentIdentifierValue", "vanthu")?;
    close(&mut w, "premis:linkingAgentIdentifier")?;
    open(&mut w, "premis:linkingObjectIdentifier", &[])?;
    text(&mut w, "premis:linkingObjectIdentifierType", "local")?;
    text(&mut w, "premis:linkingObjectIdentifierValue", &desc.objid)?;
    close(&mut w, "premis:linkingObjectIdentifier")?;
    close(&mut w, "premis:event")?;
    open(&mut w, "premis:agent", &[])?;
    premis_id(&mut w, "agent", "vanthu")?;
    text(
        &mut w,
        "premis:agentName",
        &format!("vanthu {}", env!("CARGO_PKG_VERSION")),
    )?;
    text(&mut w, "premis:agentType", "software")?;
    close(&mut w, "premis:agent")?;
    close(&mut w, "premis:premis")?;
    Ok(w.into_inner())
}

/// Representation-level PREMIS: one file object per data file, with fixity.
fn premis_rep(
    desc: &PackageDescription,
    data: &[super::PackedFile],
    _ts: &str,
) -> Result<Vec<u8>, ArchiveError> {
    let mut w = new_doc()?;
    open(
        &mut w,
        "premis:premis",
        &[PREMIS_NS, XSI_NS, ("version", "3.0")],
    )?;
    for f in data {
        open(&mut w, "premis:object", &[("xsi:type", "premis:file")])?;
        premis_id(&mut w, "object", &id(desc, &f.path))?;
        open(&mut w, "premis:objectCharacteristics", &[])?;
        text(&mut w, "premis:compositionLevel", "0")?;
        open(&mut w, "premis:fixity", &[])?;
        text(&mut w, "premis:messageDigestAlgorithm", "SHA-256")?;
        text(&mut w, "premis:messageDigest", &f.sha256)?;
        close(&mut w, "premis:fixity")?;
        text(&mut w, "premis:size", &f.size.to_string())?;
        open(&mut w, "premis:format", &[])?;
        open(&mut w, "premis:formatDesignation", &[])?;
        text(&mut w, "premis:formatName", mime_type(&f.path))?;
        close(&mut w, "premis:formatDesignation")?;
        close(&mut w, "premis:format")?;
        close(&mut w, "premis:objectCharacteristics")?;
        text(
            &mut w,
            "premis:originalName",
            strip_rep(&f.path).strip_prefix("data/").unwrap_or(&f.path),
        )?;
        close(&mut w, "premis:object")?;
    }
    close(&mut w, "premis:premis")?;
    Ok(w.into_inner())
}
