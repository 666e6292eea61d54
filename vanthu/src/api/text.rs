//! Vietnamese text and identifiers: [`identify`], [`text_check`],
//! [`text_fix`].

use std::path::Path;

use serde::{Deserialize, Serialize};
use vanthu_identifiers::IdentificationSummary;
use vanthu_identifiers::text::{
    self, BytesReport, Confidence, LegacyEncoding, LegacyOptions, TextEncoding,
};

use super::error::{ApiError, ApiErrorKind};

/// What `text` is (agency id, document number, document id, record code)
/// and its parts: one element of what `vanthu id --json` prints.
///
/// ```
/// let id = serde_json::to_value(vanthu::api::identify("000.00.15.H47"))?;
/// assert_eq!(id["kind"], "agency_id");
/// assert_eq!(id["valid"], true);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn identify(text: &str) -> IdentificationSummary {
    vanthu_identifiers::identify(text).summary()
}

/// A text file checked against TCVN 6909:2001: what `vanthu text check
/// --json` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TextCheck {
    /// The file as named by the caller.
    pub file: String,
    /// Its encoding, whether it is NFC, and the findings.
    #[serde(flatten)]
    pub report: BytesReport,
}

impl TextCheck {
    /// The check of `bytes`, read from the file named `file`.
    #[must_use]
    pub fn new(file: impl Into<String>, bytes: &[u8]) -> Self {
        Self {
            file: file.into(),
            report: text::check_bytes(bytes),
        }
    }
}

/// Checks that a text file is NFC Unicode (TCVN 6909:2001): reports legacy
/// TCVN3/VNI text (raw or mojibake), non-NFC text, Đ look-alikes and
/// control characters.
///
/// # Errors
/// [`ApiErrorKind::Io`] when the file cannot be read, or is larger than
/// 256 MiB.
pub fn text_check(path: &Path) -> Result<TextCheck, ApiError> {
    let bytes = super::read_whole(path)?;
    Ok(TextCheck::new(path.display().to_string(), &bytes))
}

/// The encoding [`text_fix`] reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TextFrom {
    /// Detect it: UTF-8 (checked for mojibake), TCVN3 or VNI.
    #[default]
    Auto,
    /// TCVN3 (ABC, TCVN 5712:1993 VN3), raw bytes or mojibake.
    #[serde(alias = "abc")]
    Tcvn3,
    /// VNI Windows, raw bytes or mojibake.
    Vni,
}

/// The optional arguments of [`text_fix`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct TextFixArgs {
    /// The encoding of the input.
    pub from: TextFrom,
    /// The TCVN3 text was set in a capital font (.VnTimeH): decode every
    /// letter as a capital.
    pub capitals: bool,
    /// Keep the case of TCVN3 headings typed in capitals as decoded
    /// (`TOàN`) instead of upper-casing their toned letters (`TOÀN`).
    pub keep_case: bool,
}

/// What [`text_fix`] did: the text, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TextFix {
    /// The text in NFC Unicode.
    pub text: String,
    /// What the input was: `unicode`, `tcvn3` or `vni`.
    pub encoding: String,
    /// `repaired` (mojibake), `decoded` (legacy bytes) or `unchanged`
    /// (already Unicode: normalised to NFC only).
    pub action: String,
    /// How sure the detection was (`from` auto only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    /// One line for people: `repaired TCVN3 mojibake (high confidence)`.
    pub note: String,
}

/// Converts text to NFC Unicode: legacy bytes are decoded, mojibake is
/// repaired, Unicode is normalised (look-alike letters that
/// [`text_check`] reports are left for a person to judge). A UTF-8
/// byte-order mark is dropped.
///
/// ```
/// use vanthu::api::{TextFixArgs, text_fix};
/// let fixed = text_fix("Ho\u{300}a".as_bytes(), &TextFixArgs::default())?;
/// assert_eq!(fixed.text, "Hòa");
/// # Ok::<(), vanthu::api::ApiError>(())
/// ```
///
/// # Errors
/// [`ApiErrorKind::UnknownEncoding`] when `from` is auto and the encoding
/// cannot be told with enough confidence.
pub fn text_fix(input: &[u8], args: &TextFixArgs) -> Result<TextFix, ApiError> {
    let options = LegacyOptions::default()
        .with_capital_font(args.capitals)
        .with_infer_capitals(!args.keep_case);
    let body = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let utf8 = std::str::from_utf8(body).ok();
    let fixed = |text: String, enc: &str, action: &str, confidence: Option<Confidence>| {
        let note = match (action, confidence) {
            ("unchanged", _) => "already Unicode".to_owned(),
            ("repaired", Some(c)) => format!("repaired {enc} mojibake ({c} confidence)"),
            ("repaired", None) => format!("repaired {enc} mojibake"),
            (_, Some(c)) => format!("decoded {enc} ({c} confidence)"),
            (_, None) => format!("decoded {enc}"),
        };
        TextFix {
            text,
            encoding: enc.to_ascii_lowercase(),
            action: action.to_owned(),
            confidence: confidence.map(|c| c.as_str().to_owned()),
            note,
        }
    };
    let enc = match args.from {
        TextFrom::Tcvn3 => LegacyEncoding::Tcvn3,
        TextFrom::Vni => LegacyEncoding::Vni,
        _ => {
            if let Some(t) = utf8 {
                let found = text::detect(t);
                return match found.encoding() {
                    TextEncoding::Legacy(enc) if found.confidence() >= Confidence::Medium => {
                        Ok(fixed(
                            text::repair(t, enc, options),
                            enc.as_str(),
                            "repaired",
                            Some(found.confidence()),
                        ))
                    }
                    TextEncoding::Legacy(enc) => Err(ApiError::new(
                        ApiErrorKind::UnknownEncoding,
                        format!(
                            "cannot tell whether this is Unicode or {enc} mojibake (low confidence): give the encoding ({enc}), or convert nothing"
                        ),
                    )),
                    _ => Ok(fixed(
                        text::nfc(t).into_owned(),
                        "unicode",
                        "unchanged",
                        None,
                    )),
                };
            }
            let found = text::detect_bytes(body);
            return match found.legacy_at_least(Confidence::Medium) {
                Some(enc) => Ok(fixed(
                    text::decode(body, enc, options),
                    enc.as_str(),
                    "decoded",
                    Some(found.confidence()),
                )),
                None => Err(ApiError::new(
                    ApiErrorKind::UnknownEncoding,
                    "cannot tell the encoding: not UTF-8, and it does not read as TCVN3 or VNI with enough confidence: give the encoding (tcvn3 or vni)",
                )),
            };
        }
    };
    Ok(match utf8 {
        Some(t) => fixed(
            text::repair(t, enc, options),
            enc.as_str(),
            "repaired",
            None,
        ),
        None => fixed(
            text::decode(body, enc, options),
            enc.as_str(),
            "decoded",
            None,
        ),
    })
}
