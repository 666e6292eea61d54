//! The JUnit XML report of a batch, the schema that Jenkins, GitLab and
//! GitHub reporters read: one test case per file; a non-conformant file is a
//! `failure`, an unreadable one an `error`; every finding is listed in the
//! body, in English and Vietnamese.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use vanthu_identifiers::Severity;

use crate::batch::Batch;
use crate::check::FileReport;

/// Text that XML 1.0 can carry: control characters other than tab, line
/// feed and carriage return cannot appear even escaped.
fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

fn body(report: &FileReport) -> String {
    report
        .findings
        .iter()
        .map(|f| format!("{f}\n  {}\n", f.message_vi))
        .collect()
}

fn case(w: &mut Writer<Vec<u8>>, report: &FileReport) -> std::io::Result<()> {
    let class = format!(
        "vanthu.{}",
        report.format.map_or("unknown", crate::Format::as_str)
    );
    let name = xml_safe(&report.file);
    let element = w
        .create_element("testcase")
        .with_attribute(("classname", class.as_str()))
        .with_attribute(("name", name.as_str()));
    let body = xml_safe(&body(report));
    if let Some(error) = &report.error {
        let message = xml_safe(&error.message);
        element.write_inner_content(|w| {
            w.create_element("error")
                .with_attribute(("type", "unreadable"))
                .with_attribute(("message", message.as_str()))
                .write_empty()?;
            Ok(())
        })?;
    } else if !report.conformant {
        let first = report
            .findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .map_or("", |f| f.rule.as_str());
        let message = format!("{} error finding(s)", report.count(Severity::Error));
        element.write_inner_content(|w| {
            w.create_element("failure")
                .with_attribute(("type", first))
                .with_attribute(("message", message.as_str()))
                .write_text_content(BytesText::new(&body))?;
            Ok(())
        })?;
    } else if body.is_empty() {
        element.write_empty()?;
    } else {
        element.write_inner_content(|w| {
            w.create_element("system-out")
                .write_text_content(BytesText::new(&body))?;
            Ok(())
        })?;
    }
    Ok(())
}

/// The JUnit XML of `batch`.
///
/// # Errors
/// Never in practice: the report is written to memory.
pub fn to_junit(batch: &Batch) -> std::io::Result<String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    // Files left out of the check are test cases that were skipped, so that
    // the report counts what the summary line counts.
    let tests = (batch.counts.checked + batch.skipped.len()).to_string();
    let skipped = batch.skipped.len().to_string();
    let failures = batch.counts.not_conformant.to_string();
    let errors = batch.counts.unreadable.to_string();
    w.create_element("testsuites")
        .with_attribute(("name", "vanthu check"))
        .with_attribute(("tests", tests.as_str()))
        .with_attribute(("failures", failures.as_str()))
        .with_attribute(("errors", errors.as_str()))
        .write_inner_content(|w| {
            w.create_element("testsuite")
                .with_attribute(("name", "vanthu check"))
                .with_attribute(("tests", tests.as_str()))
                .with_attribute(("failures", failures.as_str()))
                .with_attribute(("errors", errors.as_str()))
                .with_attribute(("skipped", skipped.as_str()))
                .write_inner_content(|w| {
                    for report in &batch.files {
                        case(w, report)?;
                    }
                    for name in &batch.skipped {
                        let name = xml_safe(name);
                        w.create_element("testcase")
                            .with_attribute(("classname", "vanthu.skipped"))
                            .with_attribute(("name", name.as_str()))
                            .write_inner_content(|w| {
                                w.create_element("skipped")
                                    .with_attribute((
                                        "message",
                                        "not an edXML package, a PDF or an archival package",
                                    ))
                                    .write_empty()?;
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut xml = String::from_utf8(w.into_inner())
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    xml.push('\n');
    Ok(xml)
}
