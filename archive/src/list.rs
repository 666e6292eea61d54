//! The records list (*Danh mục hồ sơ*) of an agency for one year: headings,
//! record numbers and symbols, titles, retention and the person who builds
//! each record (Decree 30/2020/NĐ-CP Art. 28 and Appendix V).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use vanthu_identifiers::{AnyAgencyId, Finding, Location, RecordCode, Retention, Severity};

use crate::rules;

/// How record ordinals are numbered (Appendix V.I.3: "from 01 either across
/// the whole list or within each major heading").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Numbering {
    /// One sequence 01, 02, … across the whole list.
    #[default]
    Continuous,
    /// A sequence restarting at 01 in each major heading.
    PerMajorHeading,
}

/// Level of a heading: major headings take Roman numerals, minor ones Arabic
/// numerals (Appendix V.I.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum HeadingLevel {
    /// Đề mục lớn: `I`, `II`, …; carries the abbreviation used in record symbols.
    Major,
    /// Đề mục nhỏ: `1`, `2`, … inside the preceding major heading.
    Minor,
}

/// A heading (*đề mục*) of the list and the records listed under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Heading {
    /// Major or minor.
    pub level: HeadingLevel,
    /// The numeral as printed: `I`, `II` (major) or `1`, `2` (minor).
    pub numeral: String,
    /// Title of the heading, e.g. `Tổng hợp`.
    pub title: String,
    /// Abbreviation defined by the agency (major headings), e.g. `TH`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    /// The records listed directly under this heading.
    #[serde(default)]
    pub entries: Vec<ListEntry>,
}

impl Heading {
    /// A heading with no records yet.
    #[must_use]
    pub fn new(
        level: HeadingLevel,
        numeral: impl Into<String>,
        title: impl Into<String>,
        abbreviation: Option<&str>,
    ) -> Self {
        Self {
            level,
            numeral: numeral.into(),
            title: title.into(),
            abbreviation: abbreviation.map(str::to_owned),
            entries: Vec::new(),
        }
    }
}

/// One planned record of the list: the columns of the Appendix V template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListEntry {
    /// Record number and symbol (*số và ký hiệu hồ sơ*), e.g. `01.TH`.
    pub notation: String,
    /// Title of the record.
    pub title: String,
    /// Retention period; required by Appendix V, optional here so that a list
    /// missing it can be read and reported.
    #[serde(default)]
    pub retention: Option<Retention>,
    /// Person or unit who builds the record (*đơn vị/người lập hồ sơ*).
    #[serde(default)]
    pub owner: String,
    /// Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ListEntry {
    /// An entry with no note.
    #[must_use]
    pub fn new(
        notation: impl Into<String>,
        title: impl Into<String>,
        retention: Retention,
        owner: impl Into<String>,
    ) -> Self {
        Self {
            notation: notation.into(),
            title: title.into(),
            retention: Some(retention),
            owner: owner.into(),
            note: None,
        }
    }
}

/// The records list of one agency for one year.
///
/// ```
/// use vanthu_archive::{Heading, HeadingLevel, ListEntry, RecordsList};
/// use vanthu_identifiers::{AgencyId, Retention};
/// let mut list = RecordsList::new(AgencyId::parse("000.00.18.H40")?, 2025);
/// let mut th = Heading::new(HeadingLevel::Major, "I", "Tổng hợp", Some("TH"));
/// th.entries.push(ListEntry::new("01.TH", "Kế hoạch công tác năm", Retention::Permanent, "Văn phòng"));
/// list.headings.push(th);
/// assert!(list.validate().is_empty());
/// assert_eq!(list.record_code("01.TH")?.as_str(), "000.00.18.H40.2025.01.TH");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecordsList {
    /// The agency that issues the list; its id is the first part of every
    /// record code: a QCVN 102:2016 id (Decree 30/2020 codes, `01.TH`
    /// notations) or a Decision 20/2020 one (Circular 05/2025 codes, where
    /// an ordinal alone is a notation).
    pub agency: AnyAgencyId,
    /// The year the list applies to (`FileCatalog`).
    pub year: i32,
    /// How ordinals are numbered.
    #[serde(default)]
    pub numbering: Numbering,
    /// Headings in order, minor headings after their major heading.
    #[serde(default)]
    pub headings: Vec<Heading>,
}

/// Totals printed in the list's footer ("this list has … records: … kept
/// permanently; … kept for a limited term", Appendix V).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ListSummary {
    /// All records.
    pub total: usize,
    /// Records kept permanently.
    pub permanent: usize,
    /// Records kept for a term of years.
    pub limited: usize,
}

impl RecordsList {
    /// An empty list.
    #[must_use]
    pub fn new(agency: impl Into<AnyAgencyId>, year: i32) -> Self {
        Self {
            agency: agency.into(),
            year,
            numbering: Numbering::default(),
            headings: Vec::new(),
        }
    }

    /// Every entry, with the heading it is listed under.
    pub fn entries(&self) -> impl Iterator<Item = (&Heading, &ListEntry)> {
        self.headings
            .iter()
            .flat_map(|h| h.entries.iter().map(move |e| (h, e)))
    }

    /// The entry with this record number and symbol.
    #[must_use]
    pub fn entry(&self, notation: &str) -> Option<&ListEntry> {
        self.entries()
            .map(|(_, e)| e)
            .find(|e| e.notation == notation)
    }

    /// The record code of a notation in this list's agency and year, read
    /// strictly ([`RecordCode::parse`]).
    ///
    /// # Errors
    /// The identifier error when the code is malformed (e.g. a Decree 30
    /// form notation longer than 20 characters or without its heading).
    pub fn record_code(&self, notation: &str) -> Result<RecordCode, vanthu_identifiers::IdError> {
        RecordCode::parse(&format!("{}.{}.{notation}", self.agency, self.year))
    }

    /// Footer totals.
    #[must_use]
    pub fn summary(&self) -> ListSummary {
        let mut s = ListSummary::default();
        for (_, e) in self.entries() {
            s.total = s.total.saturating_add(1);
            match e.retention {
                Some(Retention::Permanent) => s.permanent = s.permanent.saturating_add(1),
                Some(Retention::Years(_)) => s.limited = s.limited.saturating_add(1),
                None => {}
            }
        }
        s
    }

    /// Checks the list against Decree 30/2020/NĐ-CP Art. 28 and Appendix V.
    ///
    /// Rules: `ARCH-LIST-001` duplicate record number, `-002` retention
    /// missing, `-003` symbol does not match its major heading, `-004` major
    /// heading abbreviation missing or duplicated, `-005` heading numerals not
    /// in sequence, `-006` ordinals not in sequence from 01, `-007` empty
    /// title or owner, `-008` record code cannot be formed, `-009` minor
    /// heading before any major heading, `-010` empty list.
    #[must_use]
    pub fn validate(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.headings.iter().all(|h| h.entries.is_empty()) {
            out.push(rules::LIST_EMPTY.custom(
                "the records list has no records",
                "danh mục hồ sơ không có hồ sơ nào",
                Location::at_path("headings"),
            ));
        }
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let mut abbreviations: BTreeMap<&str, usize> = BTreeMap::new();
        let mut major_no = 0u32;
        let mut minor_no = 0u32;
        let mut current_abbr: Option<&str> = None;
        let mut expected_ordinal = 1u32;
        for (hi, h) in self.headings.iter().enumerate() {
            let hpath = format!("headings[{hi}]");
            match h.level {
                HeadingLevel::Major => {
                    major_no = major_no.saturating_add(1);
                    minor_no = 0;
                    if self.numbering == Numbering::PerMajorHeading {
                        expected_ordinal = 1;
                    }
                    if roman(major_no).as_deref() != Some(h.numeral.trim()) {
                        out.push(rules::LIST_HEADING_NUMERAL.custom(
                            format!(
                                "major heading numeral `{}` should be `{}`",
                                h.numeral,
                                roman(major_no).unwrap_or_default()
                            ),
                            format!(
                                "số La Mã của đề mục lớn `{}` phải là `{}`",
                                h.numeral,
                                roman(major_no).unwrap_or_default()
                            ),
                            Location::at_path(format!("{hpath}/numeral")),
                        ));
                    }
                    match h.abbreviation.as_deref().map(str::trim) {
                        Some(a)
                            if !a.is_empty()
                                && a.chars().all(|c| c.is_alphanumeric() || c == '-') =>
                        {
                            let n = abbreviations.entry(a).or_insert(0);
                            *n = n.saturating_add(1);
                            if *n == 2 {
                                out.push(rules::LIST_ABBREVIATION.custom(format!("heading abbreviation `{a}` is used by several major headings"), format!("ký hiệu đề mục `{a}` bị dùng cho nhiều đề mục lớn"), Location::at_path(format!("{hpath}/abbreviation"))));
                            }
                            current_abbr = Some(a);
                        }
                        _ => {
                            out.push(rules::LIST_ABBREVIATION.custom(
                                "major heading has no valid abbreviation (letters, digits, `-`)",
                                "đề mục lớn không có ký hiệu hợp lệ (chữ, số, `-`)",
                                Location::at_path(format!("{hpath}/abbreviation")),
                            ));
                            current_abbr = None;
                        }
                    }
                }
                HeadingLevel::Minor => {
                    minor_no = minor_no.saturating_add(1);
                    if major_no == 0 {
                        out.push(rules::LIST_MINOR_FIRST.custom(
                            "minor heading before any major heading",
                            "đề mục nhỏ đứng trước mọi đề mục lớn",
                            Location::at_path(hpath.clone()),
                        ));
                    }
                    if h.numeral.trim() != minor_no.to_string() {
                        out.push(rules::LIST_HEADING_NUMERAL.custom(
                            format!(
                                "minor heading numeral `{}` should be `{minor_no}`",
                                h.numeral
                            ),
                            format!(
                                "số Ả Rập của đề mục nhỏ `{}` phải là `{minor_no}`",
                                h.numeral
                            ),
                            Location::at_path(format!("{hpath}/numeral")),
                        ));
                    }
                }
            }
            if h.title.trim().is_empty() {
                out.push(rules::LIST_NO_TITLE.custom(
                    "heading has no title",
                    "đề mục không có tên",
                    Location::at_path(format!("{hpath}/title")),
                ));
            }
            for (ei, e) in h.entries.iter().enumerate() {
                let path = format!("{hpath}/entries[{ei}]");
                self.check_entry(
                    e,
                    &path,
                    current_abbr,
                    &mut expected_ordinal,
                    &mut seen,
                    &mut out,
                );
            }
        }
        out
    }

    fn check_entry<'a>(
        &self,
        e: &'a ListEntry,
        path: &str,
        abbr: Option<&str>,
        expected_ordinal: &mut u32,
        seen: &mut BTreeSet<&'a str>,
        out: &mut Vec<Finding>,
    ) {
        if !seen.insert(e.notation.as_str()) {
            out.push(rules::LIST_DUPLICATE.custom(
                format!("record number and symbol `{}` is listed twice", e.notation),
                format!("số và ký hiệu hồ sơ `{}` bị trùng", e.notation),
                Location::at_path(format!("{path}/notation")),
            ));
        }
        if e.retention.is_none() {
            out.push(rules::LIST_NO_RETENTION.custom(
                format!("record `{}` has no retention period", e.notation),
                format!("hồ sơ `{}` chưa có thời hạn bảo quản", e.notation),
                Location::at_path(format!("{path}/retention")),
            ));
        }
        if e.title.trim().is_empty() || e.owner.trim().is_empty() {
            out.push(rules::LIST_NO_TITLE.custom(
                format!("record `{}` has no title or no owner", e.notation),
                format!("hồ sơ `{}` thiếu tiêu đề hoặc người lập", e.notation),
                Location::at_path(path.to_owned()),
            ));
        }
        let (ordinal, symbol) = e
            .notation
            .split_once('.')
            .unwrap_or((e.notation.as_str(), ""));
        if let Some(a) = abbr
            && symbol != a
        {
            out.push(rules::LIST_WRONG_SYMBOL.custom(
                format!(
                    "record `{}` should end with its major heading's abbreviation `{a}`",
                    e.notation
                ),
                format!(
                    "ký hiệu hồ sơ `{}` phải là ký hiệu đề mục lớn `{a}`",
                    e.notation
                ),
                Location::at_path(format!("{path}/notation")),
            ));
        }
        match ordinal.parse::<u32>() {
            Ok(n) if ordinal.bytes().all(|b| b.is_ascii_digit()) => {
                if n != *expected_ordinal || ordinal.len() < 2 {
                    out.push(
                        rules::LIST_RECORD_NUMBER
                            .with_severity(Severity::Warning)
                            .custom(
                                format!(
                                    "record number `{ordinal}` should be `{:02}`",
                                    *expected_ordinal
                                ),
                                format!("số hồ sơ `{ordinal}` phải là `{:02}`", *expected_ordinal),
                                Location::at_path(format!("{path}/notation")),
                            ),
                    );
                }
                *expected_ordinal = n.saturating_add(1);
            }
            _ => out.push(rules::LIST_RECORD_NUMBER.custom(
                format!("record number `{ordinal}` is not an Arabic ordinal"),
                format!("số hồ sơ `{ordinal}` không phải số Ả Rập"),
                Location::at_path(format!("{path}/notation")),
            )),
        }
        if let Err(err) = self.record_code(&e.notation) {
            out.push(rules::LIST_NO_RECORD_CODE.custom(
                format!(
                    "no valid record code can be formed from `{}`: {err}",
                    e.notation
                ),
                format!("không tạo được mã hồ sơ hợp lệ từ `{}`: {err}", e.notation),
                Location::at_path(format!("{path}/notation")),
            ));
        }
    }
}

/// Roman numeral of 1..=3999.
#[must_use]
pub fn roman(mut n: u32) -> Option<String> {
    if n == 0 || n > 3999 {
        return None;
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n = n.saturating_sub(v);
        }
    }
    Some(s)
}
