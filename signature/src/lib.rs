#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod certs;
mod cms;
mod constraints;
mod crypto;
mod error;
mod limits;
mod ltv;
mod path;
mod pdf;
mod report;
mod role;
pub mod rules;
mod sign;
#[cfg(feature = "test-pki")]
pub mod testpki;
mod verify;

pub use certs::{Certificate, TrustStore};
pub use cms::ber::ber_to_der;
pub use cms::{MAX_CMS_TAIL, ParsedCms, parse_cms};
pub use crypto::{AlgorithmPolicy, DigestAlgorithm};
pub use error::{Error, ErrorKind};
pub use limits::Limits;
pub use ltv::PadesLevel;
pub use pdf::diff::{Modification, ModificationKind, ModificationLevel};
pub use pdf::layout::Revision;
pub use pdf::locate::{
    ByteRange, ByteRangeProblem, Coverage, LocatedSignature, PdfSignatures, SignatureKind, Skipped,
    Widget, locate,
};
pub use pdf::object::ObjectId;
pub use report::{Check, CheckId, Indication, Outcome, SubIndication, conclude};
pub use role::{Role, RolePolicy, classify};
pub use sign::{
    Appearance, PreparedPdf, RsaSigningKey, SignOptions, SignatureScheme, SignedAttributes,
    SigningKey, SubFilter, ValidationData, add_document_time_stamp, add_validation_data, prepare,
    sign_pdf,
};
pub use verify::{
    DocumentReport, LegalValue, SignatureReport, SignedForm, Signer, VerifyOptions, parse_pdf_date,
    verify_pdf,
};
