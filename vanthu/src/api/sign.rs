//! Signing a PDF in two steps with an external signer (a USB token, an HSM,
//! a remote-signing service): [`sign_prepare`] gives the bytes to sign and
//! their digest, [`sign_finish`] writes the signed PDF with the signature
//! value the signer made. Nothing is kept between the two calls: they may
//! run in different processes, as long as the PDF and the certificate are
//! unchanged (checked).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use vanthu_signature::{
    Certificate, DigestAlgorithm, PreparedPdf, SignOptions, SignatureScheme, SignedAttributes,
};

use super::error::{ApiError, ApiErrorKind};
use super::{Written, read_whole, time_or_now, write_atomically};

/// The optional arguments of [`sign_prepare`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct SignArgs {
    /// The signing time written in the PDF (any form
    /// [`crate::parse_time`] reads); default: now.
    pub at: Option<String>,
    /// `/Reason`.
    pub reason: Option<String>,
    /// `/Location`.
    pub location: Option<String>,
    /// Certificates to embed after the signer's (intermediates).
    pub chain: Vec<PathBuf>,
    /// Sign with RSASSA-PSS (RSA keys; Thông tư 15/2025/TT-BKHCN) instead of
    /// PKCS #1 v1.5.
    pub pss: bool,
    /// The digest: `sha256`, `sha384` or `sha512`; default: SHA-384 for a
    /// P-384 key, SHA-256 otherwise.
    pub digest: Option<String>,
}

/// What [`sign_prepare`] returns: what to sign, and everything
/// [`sign_finish`] needs to finish (give it back as it is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SignPrepared {
    /// The PDF to sign.
    pub pdf: PathBuf,
    /// SHA-256 of the PDF, hex: [`sign_finish`] refuses a PDF that changed.
    pub pdf_sha256: String,
    /// The signer's certificate file.
    pub certificate: PathBuf,
    /// The certificates to embed after it.
    pub chain: Vec<PathBuf>,
    /// The signing time written in the PDF, RFC 3339.
    pub at: String,
    /// `/Reason`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `/Location`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The signature scheme the signer must use: `rsa-pkcs1-v1_5`,
    /// `rsa-pss` or `ecdsa`.
    pub scheme: String,
    /// The digest algorithm: `sha256`, `sha384` or `sha512`.
    pub digest_algorithm: String,
    /// The DER signed attributes to sign, Base64: a signer that hashes
    /// itself signs these bytes.
    pub to_be_signed: String,
    /// Their digest, hex: a signer that signs a digest (a token's raw
    /// signing operation, an HSM) signs this.
    pub digest: String,
}

/// The signed PDF [`sign_finish`] wrote.
pub type SignedPdf = Written;

fn digest_name(d: DigestAlgorithm) -> &'static str {
    match d {
        DigestAlgorithm::Sha1 => "sha1",
        DigestAlgorithm::Sha384 => "sha384",
        DigestAlgorithm::Sha512 => "sha512",
        _ => "sha256",
    }
}

fn digest_by_name(name: &str) -> Result<DigestAlgorithm, ApiError> {
    match name.to_ascii_lowercase().replace('-', "").as_str() {
        "sha256" => Ok(DigestAlgorithm::Sha256),
        "sha384" => Ok(DigestAlgorithm::Sha384),
        "sha512" => Ok(DigestAlgorithm::Sha512),
        _ => Err(ApiError::invalid(format!(
            "digest {name:?}: expected sha256, sha384 or sha512"
        ))
        .with_message_vi(format!(
            "thuật toán băm {name:?} không hợp lệ: cần là sha256, sha384 hoặc sha512"
        ))),
    }
}

fn signing_error(e: &vanthu_signature::Error) -> ApiError {
    ApiError::new(ApiErrorKind::Signing, format!("cannot sign: {e}"))
}

fn certificates(path: &Path) -> Result<Vec<Certificate>, ApiError> {
    let bytes = read_whole(path)?;
    Certificate::parse_all(&bytes).map_err(|e| {
        ApiError::unreadable(format!("{}: {e}", path.display()))
            .with_message_vi("không đọc được chứng thư số")
    })
}

fn certificate(path: &Path) -> Result<Certificate, ApiError> {
    certificates(path)?.into_iter().next().ok_or_else(|| {
        ApiError::unreadable(format!("{}: no certificate", path.display()))
            .with_message_vi("tệp không chứa chứng thư số")
    })
}

/// The prepared PDF and its signed attributes: the same for the same
/// inputs, so that [`sign_finish`] makes them again instead of keeping them.
struct Prepared {
    pdf: PreparedPdf,
    attrs: SignedAttributes,
    cert: Certificate,
    scheme: SignatureScheme,
    digest: DigestAlgorithm,
    pdf_sha256: String,
}

#[allow(clippy::too_many_arguments)]
fn prepared(
    pdf_path: &Path,
    cert_path: &Path,
    at: chrono::DateTime<chrono::FixedOffset>,
    reason: Option<&str>,
    location: Option<&str>,
    pss: bool,
    digest: Option<&str>,
) -> Result<Prepared, ApiError> {
    let pdf = read_whole(pdf_path)?;
    let pdf_sha256 = hex(&DigestAlgorithm::Sha256.digest(&[&pdf]));
    let cert = certificate(cert_path)?;
    let scheme = SignatureScheme::for_certificate(&cert, pss).map_err(|e| signing_error(&e))?;
    let digest = match digest {
        Some(name) => digest_by_name(name)?,
        None => SignatureScheme::default_digest(&cert),
    };
    let mut options = SignOptions::new(at);
    options.reason = reason.map(str::to_owned);
    options.location = location.map(str::to_owned);
    let prepared = vanthu_signature::prepare(&pdf, &options).map_err(|e| {
        ApiError::unreadable(format!("{}: {e}", pdf_path.display()))
            .with_message_vi("không đọc được tệp PDF để ký")
    })?;
    let attrs = prepared
        .signed_attributes(&cert, digest)
        .map_err(|e| signing_error(&e))?;
    Ok(Prepared {
        pdf: prepared,
        attrs,
        cert,
        scheme,
        digest,
        pdf_sha256,
    })
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The first step of signing `pdf` with the key of the certificate in
/// `certificate` (PEM or DER) held by an external signer: the bytes to
/// sign and their digest, and what [`sign_finish`] needs.
///
/// # Errors
/// [`ApiErrorKind::Io`] when a file cannot be read;
/// [`ApiErrorKind::Unreadable`] when it is not a PDF or a certificate;
/// [`ApiErrorKind::Signing`] when the certificate is not valid at the
/// signing time or its key is neither RSA nor EC;
/// [`ApiErrorKind::InvalidArgument`] for an unknown digest or time.
pub fn sign_prepare(
    pdf: &Path,
    certificate: &Path,
    args: &SignArgs,
) -> Result<SignPrepared, ApiError> {
    let at = time_or_now(args.at.as_deref())?;
    let p = prepared(
        pdf,
        certificate,
        at,
        args.reason.as_deref(),
        args.location.as_deref(),
        args.pss,
        args.digest.as_deref(),
    )?;
    // The chain is read now, so that a bad file is found before signing.
    for path in &args.chain {
        certificates(path)?;
    }
    let tbs = p.attrs.to_be_signed();
    Ok(SignPrepared {
        pdf: pdf.to_path_buf(),
        pdf_sha256: p.pdf_sha256,
        certificate: certificate.to_path_buf(),
        chain: args.chain.clone(),
        at: at.to_rfc3339(),
        reason: args.reason.clone(),
        location: args.location.clone(),
        scheme: p.scheme.as_str().to_owned(),
        digest_algorithm: digest_name(p.digest).to_owned(),
        to_be_signed: base64::engine::general_purpose::STANDARD.encode(tbs),
        digest: hex(&p.digest.digest(&[tbs])),
    })
}

/// The second step: writes to `output` the PDF of `prepared` signed with
/// `signature`, the value the external signer made over
/// [`SignPrepared::to_be_signed`] (or its digest) with
/// [`SignPrepared::scheme`] (ECDSA: the DER `Ecdsa-Sig-Value`). The file
/// is written beside `output` and renamed over it.
///
/// # Errors
/// [`ApiErrorKind::InvalidArgument`] when the PDF or the certificate
/// changed since [`sign_prepare`]; [`ApiErrorKind::Signing`] when the
/// signature does not verify with the certificate's key (nothing is
/// written) or does not fit the space reserved for it; the errors of
/// [`sign_prepare`].
pub fn sign_finish(
    prepared: &SignPrepared,
    signature: &[u8],
    output: &Path,
) -> Result<SignedPdf, ApiError> {
    let at = super::time(&prepared.at)?;
    let p = self::prepared(
        &prepared.pdf,
        &prepared.certificate,
        at,
        prepared.reason.as_deref(),
        prepared.location.as_deref(),
        prepared.scheme == SignatureScheme::RsaPss.as_str(),
        Some(&prepared.digest_algorithm),
    )?;
    let tbs = base64::engine::general_purpose::STANDARD.encode(p.attrs.to_be_signed());
    if p.pdf_sha256 != prepared.pdf_sha256 || tbs != prepared.to_be_signed {
        return Err(ApiError::invalid(format!(
            "{}: the PDF or the certificate changed since sign_prepare: prepare again",
            prepared.pdf.display()
        ))
        .with_message_vi(
            "tệp PDF hoặc chứng thư số đã thay đổi sau bước chuẩn bị ký: cần chuẩn bị lại",
        ));
    }
    let mut chain = Vec::new();
    for path in &prepared.chain {
        chain.extend(certificates(path)?);
    }
    let algorithm = p
        .scheme
        .algorithm(p.digest)
        .map_err(|e| signing_error(&e))?;
    let signed = p
        .pdf
        .finish(&p.cert, &chain, p.attrs, algorithm, signature)
        .map_err(|e| signing_error(&e))?;
    write_atomically(output, |out| {
        out.write_all(&signed).map_err(|e| e.to_string())
    })
}
