//! Registers (sổ đăng ký): numbers per calendar year in Vietnam time, from 01
//! on 1 January, without gaps or reuse, shared by the paper and the
//! electronic form; separate series (Nghị định 30/2020/NĐ-CP Điều 15 khoản 1,
//! Điều 22 khoản 2; `docs/workflow.md` §5).

use chrono::{DateTime, Datelike, FixedOffset};
use serde::{Deserialize, Serialize};
use vanthu_identifiers::text::folded_key;
use vanthu_identifiers::{DocumentId, DocumentNumber};

use crate::calendar::vietnam_time;
use crate::document::CaseId;
use crate::error::{WorkflowError, WorkflowErrorKind, rules};

/// Which series a number comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
#[non_exhaustive]
pub enum RegisterKind {
    /// The incoming register (sổ đăng ký văn bản đến).
    Incoming,
    /// The outgoing register for ordinary (administrative) documents.
    Outgoing,
    /// A separate outgoing series for one legal-normative type, named by its
    /// abbreviation (e.g. `QĐ`) (Nghị định 30/2020/NĐ-CP Điều 15 khoản 1 điểm b).
    LegalNormative(String),
    /// Copies (bản sao).
    Copies,
    /// Any other series the agency keeps (e.g. an advisory body's).
    Series(String),
}

impl RegisterKind {
    /// A short label, e.g. `incoming`, `legal_normative:QĐ`.
    pub fn label(&self) -> String {
        match self {
            Self::Incoming => "incoming".to_owned(),
            Self::Outgoing => "outgoing".to_owned(),
            Self::LegalNormative(name) => format!("legal_normative:{name}"),
            Self::Copies => "copies".to_owned(),
            Self::Series(name) => format!("series:{name}"),
        }
    }
}

/// One line of a register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RegisterEntry {
    /// The series.
    pub register: RegisterKind,
    /// The calendar year (Vietnam time) of the number.
    pub year: i32,
    /// The number, from 1.
    pub number: u32,
    /// The document it was given to.
    pub case: CaseId,
    /// When the number was given.
    pub at: DateTime<FixedOffset>,
}

impl RegisterEntry {
    /// The number as printed, at least two digits (`01`, `02`, … `100`).
    pub fn number_text(&self) -> String {
        format!("{:02}", self.number)
    }
}

/// Numbers of a year given outside this register before it took over the
/// series: on paper, or by the system it replaces. The register is one series
/// shared by the paper and the electronic form (Nghị định 30/2020/NĐ-CP Điều 15 khoản 1), so
/// it continues after them instead of starting again at 01.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RegisterOpening {
    /// The calendar year (Vietnam time) the numbers belong to.
    pub year: i32,
    /// The last number already given that year (0: none).
    pub last_number: u32,
    /// When the register was opened.
    pub at: DateTime<FixedOffset>,
}

/// One series: its entries in number order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    kind: RegisterKind,
    entries: Vec<RegisterEntry>,
    /// Openings, in time order; at most one per year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    openings: Vec<RegisterOpening>,
}

impl Register {
    /// An empty register of this kind.
    pub fn new(kind: RegisterKind) -> Self {
        Self {
            kind,
            entries: Vec::new(),
            openings: Vec::new(),
        }
    }

    /// Where the register was opened after numbers given elsewhere, by year.
    pub fn openings(&self) -> &[RegisterOpening] {
        &self.openings
    }

    /// Opens the register for the year of `at` (Vietnam time) after
    /// `last_number` numbers already given that year outside it, so that its
    /// next entry that year is `last_number + 1`. An opening for the same year
    /// may be corrected as long as no number has been given that year.
    ///
    /// # Errors
    /// [`WorkflowErrorKind::AlreadyNumbered`] when the register has given
    /// numbers in that year or a later one, or was opened for a later year.
    pub fn open(
        &mut self,
        last_number: u32,
        at: DateTime<FixedOffset>,
    ) -> Result<RegisterOpening, WorkflowError> {
        let year = vietnam_time(&at).year();
        let numbered = self.entries.last().is_some_and(|e| e.year >= year)
            || self.openings.last().is_some_and(|o| o.year > year);
        if numbered {
            return Err(WorkflowError::new(
                rules::REGISTER,
                WorkflowErrorKind::AlreadyNumbered {
                    register: self.kind.label(),
                    year,
                },
            ));
        }
        if self.openings.last().is_some_and(|o| o.year == year) {
            self.openings.pop();
        }
        let opening = RegisterOpening {
            year,
            last_number,
            at,
        };
        self.openings.push(opening.clone());
        Ok(opening)
    }

    /// Its kind.
    pub fn kind(&self) -> &RegisterKind {
        &self.kind
    }

    /// Every entry, in the order given.
    pub fn entries(&self) -> &[RegisterEntry] {
        &self.entries
    }

    /// The entries of one calendar year.
    pub fn year(&self, year: i32) -> impl Iterator<Item = &RegisterEntry> {
        self.entries.iter().filter(move |e| e.year == year)
    }

    /// The number the next entry at `at` gets: 1 on the first entry of a
    /// calendar year in Vietnam time, else the last number of that year + 1;
    /// a register [opened](Self::open) for that year continues after the
    /// numbers given outside it.
    ///
    /// # Errors
    /// [`WorkflowErrorKind::OutOfOrder`] when `at` is in a year before the
    /// last entry's or opening's (numbers are never given back), and
    /// [`WorkflowErrorKind::Overflow`] past `u32::MAX`.
    pub fn next_number(&self, at: DateTime<FixedOffset>) -> Result<(i32, u32), WorkflowError> {
        let year = vietnam_time(&at).year();
        // The last number given, in here or before the opening: an opening
        // comes before every entry of its year, so the later year wins, and
        // in the same year the entries.
        let entry = self.entries.last().map(|e| (e.year, e.number));
        let opening = self.openings.last().map(|o| (o.year, o.last_number));
        let last = match (entry, opening) {
            (Some(e), Some(o)) if o.0 > e.0 => Some(o),
            (Some(e), _) => Some(e),
            (None, o) => o,
        };
        match last {
            Some((last_year, _)) if last_year > year => Err(WorkflowError::new(
                rules::REGISTER,
                WorkflowErrorKind::OutOfOrder,
            )),
            Some((last_year, number)) if last_year == year => number
                .checked_add(1)
                .map(|n| (year, n))
                .ok_or_else(|| WorkflowError::new(rules::REGISTER, WorkflowErrorKind::Overflow)),
            _ => Ok((year, 1)),
        }
    }

    /// Gives the next number to `case` and returns the entry written.
    ///
    /// # Errors
    /// As [`next_number`](Self::next_number).
    pub fn record(
        &mut self,
        case: &CaseId,
        at: DateTime<FixedOffset>,
    ) -> Result<RegisterEntry, WorkflowError> {
        let (year, number) = self.next_number(at)?;
        let entry = RegisterEntry {
            register: self.kind.clone(),
            year,
            number,
            case: case.clone(),
            at,
        };
        self.entries.push(entry.clone());
        Ok(entry)
    }
}

/// Every register of an agency.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registers {
    series: Vec<Register>,
}

impl Registers {
    /// No register yet; each is created on its first entry.
    pub fn new() -> Self {
        Self::default()
    }

    /// The register of this kind, if it has entries.
    pub fn get(&self, kind: &RegisterKind) -> Option<&Register> {
        self.series.iter().find(|r| r.kind == *kind)
    }

    /// Every register.
    pub fn iter(&self) -> impl Iterator<Item = &Register> {
        self.series.iter()
    }

    /// The number the next entry of `kind` at `at` gets.
    ///
    /// # Errors
    /// As [`Register::next_number`].
    pub fn next_number(
        &self,
        kind: &RegisterKind,
        at: DateTime<FixedOffset>,
    ) -> Result<(i32, u32), WorkflowError> {
        match self.get(kind) {
            Some(register) => register.next_number(at),
            None => Register::new(kind.clone()).next_number(at),
        }
    }

    /// Opens the register of `kind` after `last_number` numbers given outside
    /// it in the year of `at` (see [`Register::open`]).
    ///
    /// # Errors
    /// As [`Register::open`].
    pub fn open(
        &mut self,
        kind: &RegisterKind,
        last_number: u32,
        at: DateTime<FixedOffset>,
    ) -> Result<RegisterOpening, WorkflowError> {
        if let Some(register) = self.series.iter_mut().find(|r| r.kind == *kind) {
            return register.open(last_number, at);
        }
        let mut register = Register::new(kind.clone());
        let opening = register.open(last_number, at)?;
        self.series.push(register);
        Ok(opening)
    }

    /// Writes the next entry of `kind` for `case`.
    ///
    /// # Errors
    /// As [`Register::next_number`].
    pub fn record(
        &mut self,
        kind: &RegisterKind,
        case: &CaseId,
        at: DateTime<FixedOffset>,
    ) -> Result<RegisterEntry, WorkflowError> {
        if let Some(register) = self.series.iter_mut().find(|r| r.kind == *kind) {
            return register.record(case, at);
        }
        let mut register = Register::new(kind.clone());
        let entry = register.record(case, at)?;
        self.series.push(register);
        Ok(entry)
    }
}

/// Why two documents look like the same one (Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 9 khoản 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by")]
#[non_exhaustive]
pub enum DuplicateReason {
    /// The same edXML `DocumentId`.
    DocumentId {
        /// The id.
        document_id: DocumentId,
    },
    /// The same number, symbol and issuing agency after normalisation.
    NumberAndIssuer {
        /// The normalised number and symbol.
        number: String,
        /// The normalised issuing agency.
        issuer: String,
    },
}

/// The key that identifies an incoming document for duplicate warnings:
/// its number and symbol and its issuer, normalised.
///
/// The key is `vanthu_identifiers::text::folded_key`: NFC, case and white
/// space folded, old and new tone placement (`hoà`/`hòa`), and the
/// diacritics dropped (`đ` as `d`), so that a number typed without
/// Vietnamese letters (`182/QD-LDTBXH`) warns against `182/QĐ-LĐTBXH`.
pub(crate) fn number_key(number: &DocumentNumber, issuer: &str) -> (String, String) {
    (folded_key(number.as_str()), folded_key(issuer))
}
