//! The chronological XML export of a record (Decree 30/2020/NĐ-CP
//! Appendix VI).

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, Event};
use vanthu_identifiers::RecordCode;

use crate::error::ArchiveError;

use super::{Records, date_dmy, end, join_codes, leaf, opt_date, start};

impl Records {
    /// Writes a record and its documents as XML in chronological order
    /// (Appendix VI Part I.III 4.g), with the element names of Appendix VI
    /// Tables I–III.
    ///
    /// # Errors
    /// Unknown record; a write error.
    pub fn export_xml<W: Write>(&self, code: &RecordCode, out: W) -> Result<(), ArchiveError> {
        let record = self.record(code)?;
        let docs = self.chronological(code)?;
        let mut w = Writer::new_with_indent(out, b' ', 2);
        let md = &record.metadata;
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        start(&mut w, "File")?;
        start(&mut w, "FileCode")?;
        leaf(&mut w, "OrganId", md.code.agency().as_str())?;
        leaf(&mut w, "FileCatalog", &md.code.year().to_string())?;
        leaf(&mut w, "FileNotation", md.code.file_notation())?;
        end(&mut w, "FileCode")?;
        leaf(&mut w, "Title", &md.title)?;
        leaf(&mut w, "Maintenance", &md.retention.label_vi())?;
        leaf(&mut w, "Rights", md.access.label_vi())?;
        leaf(&mut w, "Creator", &md.creator)?;
        leaf(&mut w, "Language", &join_codes(&md.languages))?;
        leaf(&mut w, "StartDate", &opt_date(md.start_date))?;
        leaf(&mut w, "EndDate", &opt_date(md.end_date))?;
        leaf(&mut w, "DocTotal", &docs.len().to_string())?;
        let pages: u32 = docs
            .iter()
            .map(|(_, d)| d.page_count)
            .fold(0, u32::saturating_add);
        leaf(&mut w, "PageTotal", &pages.to_string())?;
        leaf(
            &mut w,
            "Description",
            md.description.as_deref().unwrap_or(""),
        )?;
        start(&mut w, "Documents")?;
        for (i, (_, d)) in docs.iter().enumerate() {
            start(&mut w, "Document")?;
            start(&mut w, "FileCode")?;
            leaf(&mut w, "OrganId", md.code.agency().as_str())?;
            leaf(&mut w, "FileCatalog", &md.code.year().to_string())?;
            leaf(&mut w, "FileNotation", md.code.file_notation())?;
            end(&mut w, "FileCode")?;
            leaf(&mut w, "DocOrdinal", &i.saturating_add(1).to_string())?;
            leaf(&mut w, "TypeName", d.doc_type.name_vi())?;
            leaf(&mut w, "CodeNumber", &d.code_number)?;
            leaf(&mut w, "CodeNotation", &d.code_notation)?;
            leaf(&mut w, "IssuedDate", &date_dmy(d.issued_date))?;
            leaf(&mut w, "OrganName", &d.organ_name)?;
            leaf(&mut w, "Subject", &d.subject)?;
            leaf(&mut w, "Language", &join_codes(&d.languages))?;
            leaf(&mut w, "PageAmount", &d.page_count.to_string())?;
            leaf(
                &mut w,
                "Description",
                d.description.as_deref().unwrap_or(""),
            )?;
            if let Some(s) = &d.signer {
                start(&mut w, "SignerInfo")?;
                leaf(&mut w, "Position", &s.position)?;
                leaf(&mut w, "FullName", &s.full_name)?;
                end(&mut w, "SignerInfo")?;
            }
            for r in &d.recipients {
                start(&mut w, "To")?;
                leaf(&mut w, "OrganId", r.organ_id.as_deref().unwrap_or(""))?;
                leaf(&mut w, "OrganName", &r.organ_name)?;
                end(&mut w, "To")?;
            }
            if let Some(p) = d.priority {
                leaf(&mut w, "Priority", &p.to_string())?;
            }
            if let Some(n) = d.issued_amount {
                leaf(&mut w, "IssuedAmount", &n.to_string())?;
            }
            if let Some(t) = &d.to_places {
                leaf(&mut w, "ToPlaces", t)?;
            }
            if let Some(t) = &d.trace {
                leaf(&mut w, "TraceHeaderList", t)?;
            }
            if let Some(n) = d.arrival_number {
                leaf(&mut w, "ArrivalNumber", &n.to_string())?;
            }
            if let Some(a) = d.arrival_date {
                leaf(&mut w, "ArrivalDate", &date_dmy(a))?;
            }
            if let Some(due) = d.due_date {
                leaf(&mut w, "DueDate", &date_dmy(due))?;
            }
            end(&mut w, "Document")?;
        }
        end(&mut w, "Documents")?;
        end(&mut w, "File")?;
        Ok(())
    }
}
