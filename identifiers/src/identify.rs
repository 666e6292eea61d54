//! Telling what an identifier is: agency id, document number, document id or
//! record code.

use crate::agency::AnyAgencyId;
use crate::docid::{DocumentId, RegistryDocumentId};
use crate::docnum::DocumentNumber;
use crate::error::{IdError, IdErrorKind, check_common};
use crate::finding::Finding;
use crate::record::RecordCode;

/// What kind of identifier an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdKind {
    /// An agency id (*mã định danh*), any form.
    AgencyId,
    /// A document number and symbol (*số, ký hiệu*).
    DocumentNumber,
    /// A document identifier: edXML `DocumentId` or the registry form of
    /// Quyết định 182/QĐ-LĐTBXH (2019).
    DocumentId,
    /// A record code (*mã hồ sơ*).
    RecordCode,
    /// None of the above.
    Unknown,
}

impl IdKind {
    /// The snake-case name used in JSON output, e.g. `agency_id`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::AgencyId => "agency_id",
            Self::DocumentNumber => "document_number",
            Self::DocumentId => "document_id",
            Self::RecordCode => "record_code",
            Self::Unknown => "unknown",
        }
    }
}

/// The value an input was read as.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Identified {
    /// An agency id.
    AgencyId(AnyAgencyId),
    /// A document number and symbol.
    DocumentNumber(DocumentNumber),
    /// An edXML document id.
    DocumentId(DocumentId),
    /// A registry document id (Quyết định 182/QĐ-LĐTBXH, 2019).
    RegistryDocumentId(RegistryDocumentId),
    /// A record code.
    RecordCode(RecordCode),
}

/// The outcome of [`identify`]: the kind, the value or the error, and the
/// findings of the lenient reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identification {
    input: String,
    kind: IdKind,
    result: Result<Identified, IdError>,
    findings: Vec<Finding>,
}

impl Identification {
    /// The input as given.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What the input looks like. When it could not be read, the kind it
    /// resembles most, or [`IdKind::Unknown`].
    #[must_use]
    pub const fn kind(&self) -> IdKind {
        self.kind
    }

    /// True when the input was read and its findings are
    /// [`conformant`](crate::conformant): no error, warnings and notes
    /// allowed (the one definition of valid in vanthu). An agency id in
    /// neither official form is read, but is not valid
    /// ([`rules::AGENCY_IRREGULAR`](crate::rules::AGENCY_IRREGULAR) is an error).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.result.is_ok() && crate::conformant(&self.findings)
    }

    /// What the lenient reading found.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The value read, when the input could be read.
    #[must_use]
    pub fn value(&self) -> Option<&Identified> {
        self.result.as_ref().ok()
    }

    /// Why the input could not be read.
    #[must_use]
    pub fn error(&self) -> Option<&IdError> {
        self.result.as_ref().err()
    }
}

/// Detects what `input` is and reads it leniently.
///
/// A comma or a UUID means an edXML `DocumentId`; a `/` a document number;
/// a QCVN 102:2016 agency id followed by a year and an ordinal a registry
/// document id, followed by a year and a file notation a record code; a
/// Decision 20/2020 agency id followed by a year and a file notation a record
/// code (`H49.64.33.2001.160`); other dotted text, or one word that reads
/// as an agency id or has the shape of a level-1 code (`H47`), an agency id.
/// Anything else is [`IdKind::Unknown`], an error that says so.
///
/// ```
/// use vanthu_identifiers::{identify, IdKind};
/// assert_eq!(identify("000.00.18.H40.2011.01.TH").kind(), IdKind::RecordCode);
/// assert_eq!(identify("3760/QĐ-UBND").kind(), IdKind::DocumentNumber);
/// let irregular = identify("28.22.H17");
/// assert_eq!(irregular.kind(), IdKind::AgencyId);
/// assert!(!irregular.is_valid());
/// assert_eq!(irregular.findings()[0].rule, "ID-AGENCY-IRREGULAR");
/// ```
#[must_use]
pub fn identify(input: &str) -> Identification {
    let done = |kind, result: Result<(Identified, Vec<Finding>), IdError>| {
        let (result, findings) = match result {
            Ok((value, findings)) => (Ok(value), findings),
            Err(e) => (Err(e), Vec::new()),
        };
        Identification {
            input: input.to_owned(),
            kind,
            result,
            findings,
        }
    };
    if let Err(e) = check_common(input) {
        let kind = match e.kind() {
            IdErrorKind::Empty | IdErrorKind::TooLong { .. } => IdKind::Unknown,
            _ => guess(input),
        };
        return done(kind, Err(e));
    }
    let kind = guess(input);
    let result = match kind {
        IdKind::DocumentId => {
            if input.contains(',') || !input.contains('.') {
                DocumentId::parse_lenient(input).map(|(v, f)| (Identified::DocumentId(v), f))
            } else {
                RegistryDocumentId::parse(input)
                    .map(|v| (Identified::RegistryDocumentId(v), Vec::new()))
            }
        }
        IdKind::DocumentNumber => {
            DocumentNumber::parse_lenient(input).map(|(v, f)| (Identified::DocumentNumber(v), f))
        }
        IdKind::RecordCode => {
            RecordCode::parse_lenient(input).map(|(v, f)| (Identified::RecordCode(v), f))
        }
        IdKind::AgencyId => {
            AnyAgencyId::parse_lenient(input).map(|(v, f)| (Identified::AgencyId(v), f))
        }
        IdKind::Unknown => Err(IdError::new(
            IdErrorKind::UnknownValue {
                value: input.to_owned(),
                list: "kind of identifier (agency id, document number, document id, record code)",
            },
            0,
        )),
    };
    done(kind, result)
}

/// The kind `input` looks like, from its separators.
fn guess(input: &str) -> IdKind {
    if input.contains(',') || crate::docid::is_uuid(input) {
        return IdKind::DocumentId;
    }
    if input.contains('/') {
        return IdKind::DocumentNumber;
    }
    let groups: Vec<&str> = input.split('.').collect();
    if groups.len() >= 6 && input.starts_with(|c: char| c.is_ascii_digit()) {
        let tail = groups.get(5..).unwrap_or_default();
        return if tail.len() == 1 && tail.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())) {
            IdKind::DocumentId
        } else {
            IdKind::RecordCode
        };
    }
    // A Decision 20/2020 agency id may itself end in digit groups, so only a
    // full reading tells `H49.64.33.2001.160` (a record code in the TT05
    // samples) from an agency id; the record code wins.
    if input.starts_with(|c: char| c.is_ascii_uppercase())
        && groups
            .iter()
            .any(|g| g.len() == 4 && g.bytes().all(|b| b.is_ascii_digit()))
        && RecordCode::parse_lenient(input).is_ok()
    {
        return IdKind::RecordCode;
    }
    if groups.len() > 1 {
        return IdKind::AgencyId;
    }
    // One word is an agency id only when it reads as one (`H47`); any other
    // word ("garbage") is not an identifier at all.
    let level1_shape = input.len() == 3
        && input.starts_with(|c: char| c.is_ascii_alphabetic())
        && input.bytes().skip(1).all(|b| b.is_ascii_digit());
    if level1_shape
        || (input.starts_with(|c: char| c.is_ascii_alphabetic())
            && AnyAgencyId::parse_lenient(input).is_ok())
    {
        return IdKind::AgencyId;
    }
    IdKind::Unknown
}

mod summary {
    use super::{Identification, Identified};
    use crate::finding::Finding;

    /// A serialisable view of an [`Identification`], for JSON output and
    /// bindings: `input`, `kind`, `valid`, `findings`, `error` (`message` and
    /// `offset`, or null), and the parts of the kind read.
    #[derive(Debug, Clone, serde::Serialize)]
    pub struct IdentificationSummary {
        input: String,
        kind: &'static str,
        valid: bool,
        findings: Vec<Finding>,
        error: Option<ErrorSummary>,
        #[serde(flatten)]
        parts: Option<Parts>,
    }

    #[derive(Debug, Clone, serde::Serialize)]
    struct ErrorSummary {
        message: String,
        offset: usize,
    }

    #[derive(Debug, Clone, serde::Serialize)]
    #[serde(untagged)]
    enum Parts {
        Agency {
            form: &'static str,
            level1: String,
            category: &'static str,
            parent: Option<String>,
        },
        DocumentNumber {
            number: u32,
            year: Option<i32>,
            type_abbreviation: Option<String>,
            document_type: Option<String>,
            tt05_type_code: Option<u8>,
            issuer: String,
            unit: Option<String>,
        },
        DocumentId {
            form: &'static str,
            agency: Option<String>,
            date: Option<String>,
            raw_date: Option<String>,
            year: Option<i32>,
            number: Option<String>,
        },
        RecordCode {
            agency: String,
            agency_form: &'static str,
            year: i32,
            file_notation: String,
            ordinal: String,
            heading: Option<String>,
        },
    }

    impl Identification {
        /// The serialisable view of this identification.
        #[must_use]
        pub fn summary(&self) -> IdentificationSummary {
            IdentificationSummary {
                input: self.input.clone(),
                kind: self.kind.as_str(),
                valid: self.is_valid(),
                findings: self.findings.clone(),
                error: self.error().map(|e| ErrorSummary {
                    message: e.to_string(),
                    offset: e.offset(),
                }),
                parts: self.value().map(parts),
            }
        }
    }

    fn parts(value: &Identified) -> Parts {
        match value {
            Identified::AgencyId(id) => Parts::Agency {
                form: id.form_name(),
                level1: id.level1_text().to_owned(),
                category: id.category().as_str(),
                parent: id.parent().map(|p| p.as_str().to_owned()),
            },
            Identified::DocumentNumber(n) => {
                let ty = n.document_type();
                Parts::DocumentNumber {
                    number: n.number(),
                    year: n.year(),
                    type_abbreviation: n.type_abbreviation().map(str::to_owned),
                    document_type: ty.as_ref().map(|t| t.name_vi().to_owned()),
                    tt05_type_code: ty.as_ref().and_then(crate::DocumentType::tt05_code),
                    issuer: n.issuer().to_owned(),
                    unit: n.unit().map(str::to_owned),
                }
            }
            Identified::DocumentId(id) => Parts::DocumentId {
                form: if id.is_uuid() { "uuid" } else { "edxml" },
                agency: id.agency().map(|a| a.as_str().to_owned()),
                date: id.date().map(|d| d.format("%Y-%m-%d").to_string()),
                raw_date: id.raw_date().map(str::to_owned),
                year: None,
                number: id.raw_number().map(str::to_owned),
            },
            Identified::RegistryDocumentId(id) => Parts::DocumentId {
                form: "registry",
                agency: Some(id.agency().as_str().to_owned()),
                date: None,
                raw_date: None,
                year: Some(id.year()),
                number: Some(id.ordinal().to_string()),
            },
            Identified::RecordCode(code) => Parts::RecordCode {
                agency: code.agency().as_str().to_owned(),
                agency_form: code.agency().form_name(),
                year: code.year(),
                file_notation: code.file_notation().to_owned(),
                ordinal: code.ordinal().to_owned(),
                heading: code.heading().map(str::to_owned),
            },
        }
    }
}

pub use summary::IdentificationSummary;
