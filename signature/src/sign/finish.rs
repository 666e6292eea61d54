//! The second step: the bytes to sign, then the CMS written into the placeholder.

use chrono::Utc;
use der::Any;
use der::asn1::SetOfVec;
use spki::AlgorithmIdentifierOwned;

use crate::certs::Certificate;
use crate::cms::oid as cms_oid;
use crate::crypto::DigestAlgorithm;
use crate::error::{Error, ErrorKind};

use super::options::SubFilter;
use super::prepare::PreparedPdf;
use super::signed_data::{SignedAttributes, attribute, build_signed_data, signed_attributes_for};

impl PreparedPdf {
    /// The prepared file, with the zero placeholder.
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes the signature will cover: everything but the `/Contents` placeholder.
    #[must_use]
    pub fn signed_bytes(&self) -> Vec<u8> {
        let first = self.bytes.get(..self.contents_start).unwrap_or_default();
        let second = self.bytes.get(self.contents_end..).unwrap_or_default();
        [first, second].concat()
    }

    /// The digest of the bytes the signature will cover.
    #[must_use]
    pub fn digest(&self, alg: DigestAlgorithm) -> Vec<u8> {
        let first = self.bytes.get(..self.contents_start).unwrap_or_default();
        let second = self.bytes.get(self.contents_end..).unwrap_or_default();
        alg.digest(&[first, second])
    }

    /// The signed attributes for `signer` (content-type, message-digest,
    /// signing-certificate-v2; signing-time only for PKCS #7, since PAdES B-B
    /// puts the claimed time in `/M`, ETSI EN 319 142-1 §5.3).
    ///
    /// # Errors
    /// When the certificate is not valid at the signing time, or an attribute
    /// cannot be encoded.
    pub fn signed_attributes(
        &self,
        signer: &Certificate,
        digest: DigestAlgorithm,
    ) -> Result<SignedAttributes, Error> {
        // Signing software must check the certificate before signing (Thông tư 15/2025/TT-BKHCN).
        let at = self.time.with_timezone(&Utc);
        if at < signer.not_before() || at > signer.not_after() {
            return Err(Error::new(ErrorKind::Key(format!(
                "the certificate '{}' is not valid at the signing time {} (valid {} to {})",
                signer.subject(),
                self.time.to_rfc3339(),
                signer.not_before(),
                signer.not_after()
            ))));
        }
        let time =
            (self.sub_filter == SubFilter::Pkcs7Detached).then(|| self.time.with_timezone(&Utc));
        signed_attributes_for(cms_oid::DATA, self.digest(digest), signer, digest, time)
    }

    /// Builds the CMS from the signature value and writes it into the placeholder.
    ///
    /// `algorithm` is the signature algorithm identifier matching `signature`;
    /// `chain` are extra certificates to embed after the signer's.
    ///
    /// # Errors
    /// [`ErrorKind::KeyMismatch`] when `signature` does not verify with the
    /// public key of `signer` (signed with another key: the file could never
    /// verify, so none is made); when the CMS does not fit the reserved space
    /// or cannot be encoded.
    pub fn finish(
        self,
        signer: &Certificate,
        chain: &[Certificate],
        attrs: SignedAttributes,
        algorithm: AlgorithmIdentifierOwned,
        signature: &[u8],
    ) -> Result<Vec<u8>, Error> {
        check_signature_value(signer, &attrs, &algorithm, signature)?;
        let cms = build_signed_data(
            signer,
            chain,
            attrs,
            algorithm,
            signature,
            cms_oid::DATA,
            None,
            None,
        )?;
        self.insert_cms(&cms)
    }

    /// As [`Self::finish`], adding an RFC 3161 time-stamp token over the signature
    /// value as the `signature-time-stamp` unsigned attribute: PAdES B-T
    /// (ETSI EN 319 142-1 §5.4). Get `token` from a TSA for the digest of `signature`.
    ///
    /// # Errors
    /// When the token is not DER or the CMS does not fit the reserved space.
    #[allow(clippy::too_many_arguments)]
    pub fn finish_with_time_stamp(
        self,
        signer: &Certificate,
        chain: &[Certificate],
        attrs: SignedAttributes,
        algorithm: AlgorithmIdentifierOwned,
        signature: &[u8],
        token: &[u8],
    ) -> Result<Vec<u8>, Error> {
        check_signature_value(signer, &attrs, &algorithm, signature)?;
        let value = <Any as der::Decode>::from_der(token)?;
        let unsigned = SetOfVec::try_from(vec![attribute(cms_oid::SIGNATURE_TIME_STAMP, value)?])?;
        let cms = build_signed_data(
            signer,
            chain,
            attrs,
            algorithm,
            signature,
            cms_oid::DATA,
            None,
            Some(unsigned),
        )?;
        self.insert_cms(&cms)
    }

    /// Writes a complete CMS (made by any signer) into the placeholder.
    ///
    /// # Errors
    /// When the CMS does not fit the reserved space.
    pub fn insert_cms(mut self, cms: &[u8]) -> Result<Vec<u8>, Error> {
        let capacity = (self.contents_end - self.contents_start).saturating_sub(2) / 2;
        if cms.len() > capacity {
            return Err(Error::new(ErrorKind::LimitExceeded(
                "CMS larger than the reserved /Contents",
            )));
        }
        let hex = base16ct::lower::encode_string(cms).into_bytes();
        if let Some(slot) = self
            .bytes
            .get_mut(self.contents_start + 1..self.contents_start + 1 + hex.len())
        {
            slot.copy_from_slice(&hex);
        }
        Ok(self.bytes)
    }
}

/// Refuses a signature value that does not verify over `attrs` with the key of
/// `signer`; an algorithm the verifier does not know is left to the caller.
fn check_signature_value(
    signer: &Certificate,
    attrs: &SignedAttributes,
    algorithm: &AlgorithmIdentifierOwned,
    signature: &[u8],
) -> Result<(), Error> {
    let mut any_size = crate::crypto::AlgorithmPolicy::legacy();
    any_size.min_rsa_bits = 0;
    match crate::crypto::verify(
        &signer.inner().tbs_certificate.subject_public_key_info,
        algorithm,
        Some(attrs.digest),
        &[attrs.to_be_signed()],
        signature,
        &any_size,
    ) {
        Err(crate::crypto::CryptoError::Invalid) => {
            Err(Error::new(ErrorKind::KeyMismatch(format!(
                "the signature value does not verify with the public key of '{}'",
                signer.subject_str()
            ))))
        }
        _ => Ok(()),
    }
}
