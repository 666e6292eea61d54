//! PAdES signing as an incremental update, in two steps so that USB tokens,
//! HSMs and remote-signing services can sign:
//!
//! 1. [`prepare`] appends an update with a signature dictionary whose
//!    `/Contents` is a zero placeholder, and fixes the `/ByteRange`;
//! 2. [`PreparedPdf::signed_attributes`] gives the DER bytes to sign;
//! 3. [`PreparedPdf::finish`] builds the CMS and writes it into the placeholder
//!    (or [`PreparedPdf::insert_cms`] takes a CMS made elsewhere).
//!
//! [`SigningKey`] is a software key for tests and for callers that hold keys in files.

mod appearance;
mod finish;
mod key;
mod ltv;
mod options;
mod prepare;
mod scheme;
mod signed_data;

pub use key::{RsaSigningKey, SigningKey};
#[cfg(feature = "test-pki")]
pub(crate) use ltv::write_xref;
pub use ltv::{ValidationData, add_document_time_stamp, add_validation_data};
pub use options::{Appearance, SignOptions, SubFilter};
pub use prepare::{PreparedPdf, prepare};
pub use scheme::SignatureScheme;
pub use signed_data::SignedAttributes;
#[cfg(feature = "test-pki")]
pub(crate) use signed_data::{build_signed_data, signed_attributes_for};

use crate::certs::Certificate;
use crate::error::Error;

/// Signs `pdf` in one call with a software key: prepare, sign the attributes, finish.
///
/// # Errors
/// [`ErrorKind::KeyMismatch`](crate::ErrorKind::KeyMismatch) when `key` is not
/// the key `cert` certifies (checked first: nothing is prepared); as
/// [`prepare`], [`PreparedPdf::signed_attributes`] and [`PreparedPdf::finish`].
pub fn sign_pdf(
    pdf: &[u8],
    options: &SignOptions,
    key: &SigningKey,
    cert: &Certificate,
    chain: &[Certificate],
) -> Result<Vec<u8>, Error> {
    key.check_certificate(cert)?;
    let prepared = prepare(pdf, options)?;
    let attrs = prepared.signed_attributes(cert, key.digest())?;
    let (alg, sig) = key.sign(attrs.to_be_signed())?;
    prepared.finish(cert, chain, attrs, alg, &sig)
}
