//! Trust anchors and revocation lists, loaded from the options.

use std::path::{Path, PathBuf};

use vanthu_signature::{Certificate, TrustStore};

use crate::error::{CheckError, ErrorKind};
use crate::options::CheckOptions;

fn trust_error(path: &Path, e: impl std::fmt::Display) -> CheckError {
    CheckError::new(ErrorKind::Trust, format!("{}: {e}", path.display()))
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

/// The trust store of `options`: self-signed certificates become anchors,
/// the others intermediates; CRLs are added for revocation checking.
///
/// # Errors
/// [`ErrorKind::Trust`] naming the file that cannot be read.
pub fn load_trust(options: &CheckOptions) -> Result<TrustStore, CheckError> {
    let mut store = TrustStore::new();
    for entry in &options.trust {
        for file in certificate_files(entry)? {
            let bytes = std::fs::read(&file).map_err(|e| trust_error(&file, e))?;
            add(
                &mut store,
                Certificate::parse_all(&bytes).map_err(|e| trust_error(&file, e))?,
            );
        }
    }
    for (i, pem) in options.trust_pem.iter().enumerate() {
        let certs = Certificate::parse_all(pem.as_bytes())
            .map_err(|e| CheckError::new(ErrorKind::Trust, format!("trust_pem[{i}]: {e}")))?;
        add(&mut store, certs);
    }
    for file in &options.crls {
        let bytes = std::fs::read(file).map_err(|e| trust_error(file, e))?;
        store
            .add_crl_der(&bytes)
            .map_err(|e| trust_error(file, e))?;
    }
    Ok(store)
}
