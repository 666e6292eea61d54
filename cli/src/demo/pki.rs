//! **Test only.** The demo's seeded PKI and the PDFs it signs.

use super::*;

/// **Test only.** The demo's throw-away PKI: a root and two signers, whose
/// keys are derived from fixed labels so that every run signs the same bytes.
/// Never use these keys, or this way of making keys, for anything real.
pub(crate) struct TestPki {
    pub(crate) root: Certificate,
    pub(crate) director_key: SigningKey,
    pub(crate) director: Certificate,
    pub(crate) agency_key: SigningKey,
    pub(crate) agency: Certificate,
}

/// A P-256 key from a label: SHA-256 of a fixed, public text. Test only.
pub(crate) fn seeded_key(label: &str) -> Res<SigningKey> {
    let seed = Sha256::digest(format!(
        "vanthu demo TEST ONLY key, never for real use: {label}"
    ));
    let key = p256::ecdsa::SigningKey::from_slice(&seed).ctx("test key")?;
    Ok(SigningKey::P256(key))
}

impl TestPki {
    pub(crate) fn new(year: i32) -> Res<Self> {
        let utc = |y: i32| {
            chrono::Utc
                .with_ymd_and_hms(y, 1, 1, 0, 0, 0)
                .single()
                .ok_or_else(|| fail("certificate validity"))
        };
        let s = |v: &str| v.to_owned();
        let root_key = seeded_key("root")?;
        let root = issue(
            &Profile::ca(
                vec![
                    ("C", s("VN")),
                    ("O", s("vanthu demo (TEST ONLY)")),
                    ("CN", s("vanthu demo TEST ROOT - not a real CA")),
                ],
                1,
                utc(year - 5)?,
                utc(year + 30)?,
                None,
            ),
            &root_key,
            None,
        )
        .ctx("test root")?;
        let director_key = seeded_key("director")?;
        let director = issue(
            &Profile::leaf(
                vec![
                    ("C", s("VN")),
                    ("O", s(SENDER_NAME)),
                    ("T", s("Giám đốc")),
                    ("CN", s("Nguyễn Văn An (TEST ONLY)")),
                    ("UID", s("CCCD:049075000001")),
                ],
                2,
                // Long enough for the demo's artifacts to verify for years.
                utc(year - 1)?,
                utc(year + 10)?,
            ),
            &director_key,
            Some((&root, &root_key)),
        )
        .ctx("test director certificate")?;
        let agency_key = seeded_key("agency")?;
        let agency = issue(
            &Profile::leaf(
                vec![
                    ("C", s("VN")),
                    ("CN", s(&format!("{SENDER_NAME} (TEST ONLY)"))),
                    ("UID", s("MST:4000000001")),
                ],
                3,
                // Long enough for the demo's artifacts to verify for years.
                utc(year - 1)?,
                utc(year + 10)?,
            ),
            &agency_key,
            Some((&root, &root_key)),
        )
        .ctx("test agency certificate")?;
        Ok(Self {
            root,
            director_key,
            director,
            agency_key,
            agency,
        })
    }

    pub(crate) fn trust(&self) -> TrustStore {
        let mut trust = TrustStore::new();
        trust.add_anchor(self.root.clone());
        trust
    }
}

/// A one-page PDF with the text of a document. Standard fonts cannot show
/// Vietnamese, so the page text is written without diacritics; the metadata
/// everywhere else (edXML, registers, records) keeps full Vietnamese.
pub(crate) fn text_pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 15 TL 60 780 Td\n");
    for line in lines {
        let escaped = line
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)");
        content.push_str(&format!("({escaped}) Tj T*\n"));
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
    ];
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Whether every signature in `report` passed.
pub(crate) fn all_passed(report: &DocumentReport) -> bool {
    !report.signatures.is_empty()
        && report
            .signatures
            .iter()
            .all(|s| s.indication == Indication::TotalPassed)
}

pub(crate) fn verify(
    pdf: &[u8],
    trust: &TrustStore,
    at: DateTime<FixedOffset>,
) -> Res<DocumentReport> {
    verify_pdf(pdf, trust, &VerifyOptions::new(at.to_utc())).ctx("verify")
}

/// Vietnamese without diacritics (for the standard PDF fonts): NFD, drop the
/// combining marks, đ → d.
pub(crate) fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}
