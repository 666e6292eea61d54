#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod certs;
mod cms;
mod crypto;
mod error;
mod limits;
mod pdf;
mod report;
pub mod rules;
mod sign;
#[cfg(feature = "test-pki")]
pub mod testpki;
mod verify;

pub use certs::{Certificate, TrustStore};
pub use cms::ber::ber_to_der;
pub use cms::{ParsedCms, parse_cms};
pub use crypto::{AlgorithmPolicy, DigestAlgorithm};
pub use error::{Error, ErrorKind};
pub use limits::Limits;
pub use pdf::diff::{Modification, ModificationKind, ModificationLevel};
pub use pdf::layout::Revision;
pub use pdf::locate::{
    ByteRange, ByteRangeProblem, Coverage, LocatedSignature, PdfSignatures, SignatureKind, Widget,
    locate,
};
pub use pdf::object::ObjectId;
pub use report::{Check, CheckId, Indication, Outcome, SubIndication, conclude};
pub use sign::{
    Appearance, PreparedPdf, SignOptions, SignedAttributes, SigningKey, SubFilter, prepare,
    sign_pdf,
};
pub use verify::{
    DocumentReport, LegalValue, Role, SignatureReport, Signer, VerifyOptions, classify,
    parse_pdf_date, verify_pdf,
};
