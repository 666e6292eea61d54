//! What a `Signature` block is: a placeholder, or something that looks like
//! a real XML signature (`docs/edxml.md` §11). vanthu does not verify XML
//! signatures; this only tells the two apart, so that a placeholder is a
//! note and a real-looking signature is reported as not verified.

use quick_xml::events::Event;

use crate::model::Signature;

/// The least decoded size of a `SignatureValue` that is taken for a real
/// signature: 64 bytes, the size of an ECDSA P-256 signature, the smallest
/// of the algorithms in use (an RSA-2048 signature has 256).
pub const MIN_SIGNATURE_VALUE_BYTES: usize = 64;

/// The least decoded size of an `X509Certificate` taken for a real
/// certificate: a DER certificate with a key, names and a signature is
/// several hundred bytes.
pub const MIN_CERTIFICATE_BYTES: usize = 256;

/// The text of the first elements named `SignatureValue` and
/// `X509Certificate` (any prefix, any namespace), or `None` when the
/// block is not well-formed.
fn values(raw: &str) -> Option<(Option<String>, Option<String>)> {
    let mut reader = quick_xml::Reader::from_str(raw);
    let mut value = None;
    let mut certificate = None;
    let mut current: Option<bool> = None;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => {
                current = match e.local_name().as_ref() {
                    b"SignatureValue" if value.is_none() => Some(true),
                    b"X509Certificate" if certificate.is_none() => Some(false),
                    _ => None,
                };
                if let Some(is_value) = current {
                    let slot = if is_value {
                        &mut value
                    } else {
                        &mut certificate
                    };
                    *slot = Some(String::new());
                }
            }
            Event::Text(t) => {
                if let Some(is_value) = current {
                    let slot = if is_value {
                        &mut value
                    } else {
                        &mut certificate
                    };
                    if let Some(s) = slot.as_mut() {
                        s.push_str(std::str::from_utf8(&t).ok()?);
                    }
                }
            }
            Event::End(_) => current = None,
            Event::Eof => return Some((value, certificate)),
            _ => {}
        }
    }
}

/// Decodes Base64 text (XML whitespace ignored); `None` when it is not Base64.
fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    crate::b64::decode_base64(text.as_bytes(), &mut out).ok()?;
    Some(out)
}

/// True when `der` is exactly one complete DER `SEQUENCE` (tag `0x30`, a
/// definite length that accounts for every byte).
fn is_complete_der_sequence(der: &[u8]) -> bool {
    let [0x30, first, rest @ ..] = der else {
        return false;
    };
    let (length, header) = if *first < 0x80 {
        (usize::from(*first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return false;
        }
        let length = rest
            .iter()
            .take(n)
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (length, 2 + n)
    };
    header.checked_add(length) == Some(der.len())
}

impl Signature {
    /// True when this block is a placeholder that no one can verify
    /// (`docs/edxml.md` §11): it is not well-formed, or its first
    /// `SignatureValue` is missing, not Base64 or shorter than
    /// [`MIN_SIGNATURE_VALUE_BYTES`] decoded, or its first
    /// `X509Certificate` is missing, not Base64, not one complete DER
    /// `SEQUENCE`, or shorter than [`MIN_CERTIFICATE_BYTES`]. Element
    /// names are matched by local name, whatever their namespace.
    ///
    /// ```
    /// use vanthu_edxml::Signature;
    /// // The placeholder of the sample packages: a truncated certificate.
    /// let sample = Signature::from_raw(
    ///     "<Signature><SignatureValue>GbVb8n9+</SignatureValue>\
    ///      <KeyInfo><X509Data><X509Certificate>MIIFqTCCBJG</X509Certificate></X509Data></KeyInfo></Signature>",
    /// );
    /// assert!(sample.is_placeholder());
    /// assert!(Signature::from_raw("<DigitalSignature/>").is_placeholder());
    /// ```
    #[must_use]
    pub fn is_placeholder(&self) -> bool {
        let Some((Some(value), Some(certificate))) = values(&self.raw) else {
            return true;
        };
        let value_ok = base64(&value).is_some_and(|v| v.len() >= MIN_SIGNATURE_VALUE_BYTES);
        let certificate_ok = base64(&certificate)
            .is_some_and(|c| c.len() >= MIN_CERTIFICATE_BYTES && is_complete_der_sequence(&c));
        !(value_ok && certificate_ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_sequences_must_be_complete() {
        assert!(is_complete_der_sequence(&[0x30, 0x01, 0x00]));
        assert!(!is_complete_der_sequence(&[0x30, 0x02, 0x00]));
        let mut long = vec![0x30, 0x82, 0x01, 0x00];
        long.resize(4 + 256, 0);
        assert!(is_complete_der_sequence(&long));
        long.pop();
        assert!(!is_complete_der_sequence(&long));
        assert!(!is_complete_der_sequence(&[0x31, 0x00]));
        assert!(!is_complete_der_sequence(&[0x30, 0x80]));
        assert!(!is_complete_der_sequence(&[]));
    }
}
