//! Trust anchors and revocation lists, loaded from the options.

use std::path::{Path, PathBuf};

use vanthu_identifiers::{Finding, Location};
use vanthu_signature::{Certificate, TrustStore};

use crate::error::{CheckError, ErrorKind};
use crate::options::CheckOptions;
use crate::rules::TRUST_FILE_SKIPPED;

fn trust_error(path: &Path, e: impl std::fmt::Display) -> CheckError {
    CheckError::new(ErrorKind::Trust, format!("{}: {e}", path.display()))
}

/// What a file given as a certificate is, for messages.
fn kind_of(bytes: &[u8]) -> &'static str {
    let head = bytes
        .get(..bytes.len().min(crate::HEAD_LEN))
        .unwrap_or(bytes);
    match crate::detect(head) {
        Some(crate::Format::Edxml) => "an edXML package",
        Some(crate::Format::Pdf) => "a PDF",
        Some(crate::Format::Sip) => "a ZIP archive",
        _ if head.trim_ascii_start().starts_with(b"<") => "an XML document",
        _ if head.starts_with(b"-----BEGIN") => "PEM text without a certificate",
        _ => crate::describe(head),
    }
}

/// The certificate files a trust entry names: the file itself, or the
/// certificate files of a folder (`*.crt`, `*.cer`, `*.pem`, `*.der`), in
/// name order.
fn certificate_files(path: &Path) -> Result<Vec<PathBuf>, CheckError> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| trust_error(path, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                matches!(
                    e.to_ascii_lowercase().as_str(),
                    "crt" | "cer" | "pem" | "der"
                )
            })
        })
        .collect();
    files.sort();
    Ok(files)
}

fn add(store: &mut TrustStore, certs: Vec<Certificate>) {
    for cert in certs {
        if cert.subject() == cert.issuer() {
            store.add_anchor(cert);
        } else {
            store.add_intermediate(cert);
        }
    }
}

/// A trust store and what was left out while loading it.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct LoadedTrust {
    /// The anchors, intermediates and revocation lists that were read.
    pub store: TrustStore,
    /// One [`TRUST_FILE_SKIPPED`](crate::rules::TRUST_FILE_SKIPPED) warning
    /// per file of a trust folder that is not a certificate, located at the
    /// file's path.
    pub skipped: Vec<Finding>,
}

/// The trust store of `options`: self-signed certificates become anchors,
/// the others intermediates; CRLs and OCSP responses are added for
/// revocation checking.
///
/// A file of a trust *folder* that cannot be read as certificates is left
/// out with a warning in [`LoadedTrust::skipped`]: one bad file among the
/// roots a CA publishes must not stop every verification. A file named
/// directly (in `trust`, `trust_pem` or `crls`) must be readable.
///
/// # Errors
/// [`ErrorKind::Trust`] naming the file that cannot be read.
pub fn load_trust(options: &CheckOptions) -> Result<LoadedTrust, CheckError> {
    let mut loaded = LoadedTrust::default();
    for entry in &options.trust {
        let in_folder = entry.is_dir();
        for file in certificate_files(entry)? {
            let bytes = std::fs::read(&file).map_err(|e| trust_error(&file, e))?;
            match Certificate::parse_all(&bytes) {
                Ok(certs) => add(&mut loaded.store, certs),
                Err(e) if in_folder => {
                    let name = file.display().to_string();
                    let what = kind_of(&bytes);
                    loaded.skipped.push(TRUST_FILE_SKIPPED.custom(
                        format!("{name} is not a certificate and was skipped: it is {what} ({e})"),
                        format!(
                            "{name} không phải chứng thư số nên đã bị bỏ qua ({})",
                            e.code()
                        ),
                        Location::at_path(name.clone()),
                    ));
                }
                Err(e) => {
                    return Err(CheckError::new(
                        ErrorKind::Trust,
                        format!(
                            "{}: not a certificate (X.509, PEM or DER): it is {} ({e}); \
                             --trust takes root certificates or a folder of them",
                            file.display(),
                            kind_of(&bytes)
                        ),
                    ));
                }
            }
        }
    }
    for (i, pem) in options.trust_pem.iter().enumerate() {
        let certs = Certificate::parse_all(pem.as_bytes())
            .map_err(|e| CheckError::new(ErrorKind::Trust, format!("trust_pem[{i}]: {e}")))?;
        add(&mut loaded.store, certs);
    }
    for file in &options.crls {
        let bytes = std::fs::read(file).map_err(|e| trust_error(file, e))?;
        loaded
            .store
            .add_crl_der(&bytes)
            .map_err(|e| trust_error(file, e))?;
    }
    for file in &options.ocsps {
        let bytes = std::fs::read(file).map_err(|e| trust_error(file, e))?;
        loaded
            .store
            .add_ocsp_der(&bytes)
            .map_err(|e| trust_error(file, e))?;
    }
    Ok(loaded)
}
