//! Read an incoming edXML package, check it as a receiver, and list what it
//! holds: the header a clerk sees, every finding, every attachment.
//!
//! `cargo run -p vanthu-examples --example read_package [PACKAGE.edxml]`

use std::error::Error;
use std::fs::File;
use std::io::BufReader;

use vanthu_edxml::{Profile, ReadOptions, ValidateOptions, check_from};

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| vanthu_examples::SAMPLE_PACKAGE.to_owned());
    run(&path)
}

/// Reads, checks and lists the package at `path`.
fn run(path: &str) -> Result<(), Box<dyn Error>> {
    // Streamed from the file: a 200 MB package costs a few MiB, never its size.
    let file = BufReader::with_capacity(64 * 1024, File::open(path)?);

    // `check_from` reads (lenient: the dialects seen in the field are
    // accepted and reported), decodes and scans every attachment as it
    // streams past, in one pass and bounded memory, and validates. A receiver
    // uses the lenient profile; a sender checking its own output uses
    // `Profile::Sender`.
    let report = check_from(
        file,
        &ReadOptions::default(),
        &ValidateOptions::new(Profile::Receiver),
    )?;

    let Some(doc) = report.read.package.as_document() else {
        println!("{path}: a {} package", report.read.package.kind());
        return Ok(());
    };
    let h = &doc.header;
    let code = h.code.as_ref();
    println!(
        "{}/{} from {} — {}",
        code.and_then(|c| c.code_number.as_deref()).unwrap_or("?"),
        code.and_then(|c| c.code_notation.as_deref()).unwrap_or("?"),
        h.from
            .as_ref()
            .and_then(|f| f.organ_id.as_deref())
            .unwrap_or("?"),
        h.subject.as_deref().unwrap_or_default(),
    );

    // Findings carry a stable rule id, a severity, English and Vietnamese
    // messages, a location and the source of the rule: key on the rule id.
    println!("conformant: {}", report.conformant());
    for finding in &report.findings {
        println!("  {finding}");
    }

    // Attachments: name, declared type, what the bytes really are, size and SHA-256.
    for (attachment, scan) in doc.attachments.iter().zip(&report.scans) {
        let name = attachment.attachment_name.as_deref().unwrap_or("?");
        match scan {
            Some(scan) => println!(
                "  attachment {name}: {:?}, {} bytes, sha256 {}",
                scan.kind,
                scan.digest.size,
                scan.digest
                    .sha256
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            ),
            None => println!("  attachment {name}: not decodable"),
        }
    }
    Ok(())
}

// The test harness passes its own arguments (`--exact`, filters): the test
// must not take them for a file name.
#[test]
fn runs() -> Result<(), Box<dyn Error>> {
    run(vanthu_examples::SAMPLE_PACKAGE)
}
