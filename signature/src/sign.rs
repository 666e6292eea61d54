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

use chrono::{DateTime, FixedOffset, Utc};
use cms::cert::CertificateChoices;
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{ObjectIdentifier as Oid, OctetString, SetOfVec};
use der::{Any, Encode};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;

use crate::certs::Certificate;
use crate::cms::oid as cms_oid;
use crate::crypto::{DigestAlgorithm, oid};
use crate::error::{Error, ErrorKind};
use crate::limits::Limits;
use crate::pdf::diff::page_order;
use crate::pdf::layout::Layout;
use crate::pdf::object::{Dict, Obj, ObjectId, StrKind};
use crate::pdf::write::{encode_text_string, write_obj};

/// Which `/SubFilter` to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum SubFilter {
    /// `ETSI.CAdES.detached`: PAdES baseline (ETSI EN 319 142-1).
    #[default]
    CadesDetached,
    /// `adbe.pkcs7.detached`: the legacy form many Vietnamese tools still write.
    Pkcs7Detached,
    /// `ETSI.RFC3161` in a `/DocTimeStamp` dictionary: a document time-stamp
    /// (PAdES B-LTA); finish with [`PreparedPdf::insert_cms`] and the TSA's token
    /// over [`PreparedPdf::signed_bytes`].
    DocTimeStamp,
}

/// A visible signature: a box on a page with text (Times-Roman 10 pt, black, as
/// Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 5 điểm b and Quy chế văn
/// bản điện tử (tỉnh Nam Định, 2021) Điều 16 khoản 2 điểm b ask for attachment
/// signatures).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Appearance {
    /// 0-based page index.
    pub page: usize,
    /// `[x1 y1 x2 y2]` in PDF user space.
    pub rect: [f64; 4],
    /// Lines of text.
    pub lines: Vec<String>,
    /// A PNG image drawn over the whole box (a person's blue signature or the
    /// agency's red seal: Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11
    /// khoản 5; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 16), under the text.
    pub image: Option<Vec<u8>>,
}

impl Appearance {
    /// A box at `rect` on page `page` with `lines` of text.
    #[must_use]
    pub fn new(page: usize, rect: [f64; 4], lines: Vec<String>) -> Self {
        Self {
            page,
            rect,
            lines,
            image: None,
        }
    }

    /// The same box with a PNG image.
    #[must_use]
    pub fn with_image(mut self, png: Vec<u8>) -> Self {
        self.image = Some(png);
        self
    }
}

/// Options of [`prepare`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SignOptions {
    /// The signing time written in `/M` (and in `signingTime` for PKCS #7).
    pub time: DateTime<FixedOffset>,
    /// `/SubFilter`.
    pub sub_filter: SubFilter,
    /// Name of the new signature field.
    pub field_name: String,
    /// `/Reason`.
    pub reason: Option<String>,
    /// `/Location`.
    pub location: Option<String>,
    /// Bytes reserved for the CMS (the hex placeholder is twice as long).
    pub reserve: usize,
    /// A visible box, or `None` for an invisible signature.
    pub appearance: Option<Appearance>,
    /// Make this a certification signature with DocMDP permission `P` (1: no
    /// change; 2: form filling and signing; 3: also annotations), ISO 32000-1 §12.8.2.2.
    pub certify: Option<u8>,
    /// Resource limits for reading the input.
    pub limits: Limits,
}

impl SignOptions {
    /// Invisible PAdES signature at `time`, field `Signature<n>`.
    #[must_use]
    pub fn new(time: DateTime<FixedOffset>) -> Self {
        Self {
            time,
            sub_filter: SubFilter::default(),
            field_name: String::new(),
            reason: None,
            location: None,
            reserve: 16 * 1024,
            appearance: None,
            certify: None,
            limits: Limits::default(),
        }
    }
}

/// A PDF with an appended, not yet signed, signature update.
#[derive(Debug, Clone)]
pub struct PreparedPdf {
    bytes: Vec<u8>,
    contents_start: usize,
    contents_end: usize,
    sub_filter: SubFilter,
    time: DateTime<FixedOffset>,
}

fn pdf_date(t: &DateTime<FixedOffset>) -> String {
    let secs = t.offset().local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.abs();
    format!(
        "D:{}{sign}{:02}'{:02}'",
        t.format("%Y%m%d%H%M%S"),
        abs / 3600,
        abs % 3600 / 60
    )
}

fn name(n: &str) -> Obj {
    Obj::Name(n.as_bytes().to_vec())
}

fn num(v: f64) -> Obj {
    Obj::Real(v)
}

fn structure(what: &str) -> Error {
    Error::new(ErrorKind::Structure(what.into()))
}

/// Appends a signature update to `pdf` with an empty `/Contents` placeholder.
///
/// # Errors
/// When `pdf` cannot be read, has no catalog or pages, or the page asked for does not exist.
#[allow(clippy::too_many_lines)]
pub fn prepare(pdf: &[u8], options: &SignOptions) -> Result<PreparedPdf, Error> {
    let layout = Layout::parse(pdf, &options.limits)?;
    let last = layout
        .revisions
        .len()
        .checked_sub(1)
        .ok_or_else(|| structure("no revision"))?;
    let trailer = (0..=last)
        .rev()
        .find_map(|r| layout.trailer_of(r).filter(|t| t.get(b"Root").is_some()))
        .ok_or_else(|| structure("no trailer with /Root"))?;
    let root = trailer
        .reference(b"Root")
        .ok_or_else(|| structure("/Root is not a reference"))?;
    let catalog = layout
        .resolve_at(root, last)
        .and_then(|d| d.value.dict())
        .cloned()
        .ok_or_else(|| structure("catalog not found"))?;
    let pages = page_order(&layout, last);
    let page_index = options.appearance.as_ref().map_or(0, |a| a.page);
    let page_id = *pages
        .get(page_index)
        .ok_or_else(|| structure("page not found"))?;
    let mut page = layout
        .resolve_at(page_id, last)
        .and_then(|d| d.value.dict())
        .cloned()
        .ok_or_else(|| structure("page not found"))?;
    let max_number = layout
        .objects
        .iter()
        .map(|d| d.id.number)
        .max()
        .unwrap_or(0);
    let size = match trailer.get(b"Size") {
        Some(Obj::Int(n)) => u32::try_from(*n).unwrap_or(0),
        _ => 0,
    };
    let mut next = size.max(max_number.saturating_add(1));
    let mut alloc = || {
        let id = ObjectId {
            number: next,
            generation: 0,
        };
        next = next.saturating_add(1);
        id
    };
    let sig_id = alloc();
    let field_id = alloc();
    // Objects to write, in order: (id, object) — the signature dictionary is written by hand.
    let mut objects: Vec<(ObjectId, Obj)> = Vec::new();
    // Bodies of the new streams, written after their dictionaries.
    let mut stream_bodies: Vec<(ObjectId, Vec<u8>)> = Vec::new();

    // Count existing signature fields for a default name.
    let existing = layout
        .objects
        .iter()
        .filter(|d| {
            d.value
                .dict()
                .is_some_and(|d| d.name(b"FT") == Some(b"Sig"))
        })
        .count();
    let field_name = if options.field_name.is_empty() {
        format!("Signature{}", existing + 1)
    } else {
        options.field_name.clone()
    };
    let rect = options.appearance.as_ref().map_or([0.0; 4], |a| a.rect);
    let mut widget = Dict::default();
    widget.entries.push((b"Type".to_vec(), name("Annot")));
    widget.entries.push((b"Subtype".to_vec(), name("Widget")));
    widget.entries.push((b"FT".to_vec(), name("Sig")));
    widget
        .entries
        .push((b"T".to_vec(), encode_text_string(&field_name)));
    widget.entries.push((b"V".to_vec(), Obj::Ref(sig_id)));
    widget.entries.push((b"F".to_vec(), Obj::Int(132)));
    widget.entries.push((
        b"Rect".to_vec(),
        Obj::Array(rect.iter().map(|v| num(*v)).collect()),
    ));
    widget.entries.push((b"P".to_vec(), Obj::Ref(page_id)));
    if let Some(app) = &options.appearance {
        let ap_id = alloc();
        let w = (app.rect[2] - app.rect[0]).abs();
        let h = (app.rect[3] - app.rect[1]).abs();
        let mut content = String::from("q 0 0 0 rg BT /F1 10 Tf 12 TL ");
        content.push_str(&format!("2 {:.2} Td ", (h - 11.0).max(0.0)));
        for (i, line) in app.lines.iter().enumerate() {
            let escaped = appearance_text(line);
            if i > 0 {
                content.push_str("T* ");
            }
            content.push_str(&format!("({escaped}) Tj "));
        }
        content.push_str("ET Q");
        let mut font = Dict::default();
        font.entries.push((b"Type".to_vec(), name("Font")));
        font.entries.push((b"Subtype".to_vec(), name("Type1")));
        font.entries
            .push((b"BaseFont".to_vec(), name("Times-Roman")));
        font.entries
            .push((b"Encoding".to_vec(), name("WinAnsiEncoding")));
        let mut fonts = Dict::default();
        fonts.entries.push((b"F1".to_vec(), Obj::Dict(font)));
        let mut resources = Dict::default();
        resources.entries.push((b"Font".to_vec(), Obj::Dict(fonts)));
        if let Some(png) = &app.image {
            let image = decode_png(png)?;
            let image_id = alloc();
            let mut dict = image_dict(&image, image.components);
            if let Some(alpha) = &image.alpha {
                let mask_id = alloc();
                let packed = miniz_oxide::deflate::compress_to_vec_zlib(alpha, 6);
                let mask = image_dict(&image, 1);
                objects.push((mask_id, Obj::Dict(with_length(mask, packed.len()))));
                stream_bodies.push((mask_id, packed));
                dict.entries.push((b"SMask".to_vec(), Obj::Ref(mask_id)));
            }
            let packed = miniz_oxide::deflate::compress_to_vec_zlib(&image.rgb, 6);
            objects.push((image_id, Obj::Dict(with_length(dict, packed.len()))));
            stream_bodies.push((image_id, packed));
            let mut xobjects = Dict::default();
            xobjects.entries.push((b"Im1".to_vec(), Obj::Ref(image_id)));
            resources
                .entries
                .push((b"XObject".to_vec(), Obj::Dict(xobjects)));
            // The image first, scaled to the box; the text over it.
            content = format!("q {w:.2} 0 0 {h:.2} 0 0 cm /Im1 Do Q {content}");
        }
        let mut form = Dict::default();
        form.entries.push((b"Type".to_vec(), name("XObject")));
        form.entries.push((b"Subtype".to_vec(), name("Form")));
        form.entries.push((
            b"BBox".to_vec(),
            Obj::Array(vec![num(0.0), num(0.0), num(w), num(h)]),
        ));
        form.entries
            .push((b"Resources".to_vec(), Obj::Dict(resources)));
        form.entries.push((
            b"Length".to_vec(),
            Obj::Int(i64::try_from(content.len()).unwrap_or(0)),
        ));
        objects.push((ap_id, Obj::Dict(form)));
        let mut ap = Dict::default();
        ap.entries.push((b"N".to_vec(), Obj::Ref(ap_id)));
        widget.entries.push((b"AP".to_vec(), Obj::Dict(ap)));
        stream_bodies.push((ap_id, content.into_bytes()));
    }
    objects.push((field_id, Obj::Dict(widget)));

    // The page gains the widget in /Annots.
    match page.get(b"Annots").cloned() {
        Some(Obj::Ref(annots_id)) => {
            let mut arr = match layout.resolve_at(annots_id, last).map(|d| &d.value) {
                Some(Obj::Array(a)) => a.clone(),
                _ => Vec::new(),
            };
            arr.push(Obj::Ref(field_id));
            objects.push((annots_id, Obj::Array(arr)));
        }
        other => {
            let mut arr = match other {
                Some(Obj::Array(a)) => a,
                _ => Vec::new(),
            };
            arr.push(Obj::Ref(field_id));
            page.entries.retain(|(k, _)| k.as_slice() != b"Annots");
            page.entries.push((b"Annots".to_vec(), Obj::Array(arr)));
            objects.push((page_id, Obj::Dict(page)));
        }
    }
    // The form gains the field; SigFlags 3 = SignaturesExist | AppendOnly (ISO 32000-1 Table 219).
    let add_field = |form: &mut Dict| {
        let mut fields = match form.get(b"Fields") {
            Some(Obj::Array(a)) => a.clone(),
            _ => Vec::new(),
        };
        fields.push(Obj::Ref(field_id));
        form.entries
            .retain(|(k, _)| k.as_slice() != b"Fields" && k.as_slice() != b"SigFlags");
        form.entries.push((b"Fields".to_vec(), Obj::Array(fields)));
        form.entries.push((b"SigFlags".to_vec(), Obj::Int(3)));
    };
    match catalog.get(b"AcroForm").cloned() {
        Some(Obj::Ref(form_id)) => {
            let mut form = layout
                .resolve_at(form_id, last)
                .and_then(|d| d.value.dict())
                .cloned()
                .unwrap_or_default();
            add_field(&mut form);
            objects.push((form_id, Obj::Dict(form)));
        }
        Some(Obj::Dict(mut form)) => {
            add_field(&mut form);
            let mut cat = catalog.clone();
            cat.entries.retain(|(k, _)| k.as_slice() != b"AcroForm");
            cat.entries.push((b"AcroForm".to_vec(), Obj::Dict(form)));
            objects.push((root, Obj::Dict(cat)));
        }
        _ => {
            let form_id = alloc();
            let mut form = Dict::default();
            add_field(&mut form);
            objects.push((form_id, Obj::Dict(form)));
            let mut cat = catalog.clone();
            cat.entries.retain(|(k, _)| k.as_slice() != b"AcroForm");
            cat.entries.push((b"AcroForm".to_vec(), Obj::Ref(form_id)));
            objects.push((root, Obj::Dict(cat)));
        }
    }

    // A certification signature is named in the catalog's /Perms.
    if options.certify.is_some() {
        let position = objects.iter().position(|(id, _)| *id == root);
        let mut cat = match position.and_then(|i| objects.get(i)) {
            Some((_, Obj::Dict(d))) => d.clone(),
            _ => catalog.clone(),
        };
        let mut perms = Dict::default();
        perms.entries.push((b"DocMDP".to_vec(), Obj::Ref(sig_id)));
        cat.entries.retain(|(k, _)| k.as_slice() != b"Perms");
        cat.entries.push((b"Perms".to_vec(), Obj::Dict(perms)));
        match position.and_then(|i| objects.get_mut(i)) {
            Some(slot) => slot.1 = Obj::Dict(cat),
            None => objects.push((root, Obj::Dict(cat))),
        }
    }

    // Serialise the update.
    let mut out = pdf.to_vec();
    if !out.ends_with(b"\n") && !out.ends_with(b"\r") {
        out.push(b'\n');
    }
    let mut offsets: Vec<(u32, u16, usize)> = Vec::new();
    // The signature dictionary, with fixed-width placeholders.
    offsets.push((sig_id.number, 0, out.len()));
    let (kind, sub_filter): (&str, &str) = match options.sub_filter {
        SubFilter::CadesDetached => ("Sig", "ETSI.CAdES.detached"),
        SubFilter::Pkcs7Detached => ("Sig", "adbe.pkcs7.detached"),
        SubFilter::DocTimeStamp => ("DocTimeStamp", "ETSI.RFC3161"),
    };
    out.extend_from_slice(
        format!(
            "{} 0 obj\n<</Type /{kind} /Filter /Adobe.PPKLite /SubFilter /{sub_filter}",
            sig_id.number
        )
        .as_bytes(),
    );
    if let Some(p) = options.certify {
        out.extend_from_slice(
            format!(
                " /Reference [<</Type /SigRef /TransformMethod /DocMDP /TransformParams <</Type /TransformParams /P {} /V /1.2>>>>]",
                p.clamp(1, 3)
            )
            .as_bytes(),
        );
    }
    out.extend_from_slice(b" /ByteRange [0 ");
    let range_at = out.len();
    out.extend_from_slice(&[b' '; 32]);
    out.extend_from_slice(b"] /Contents ");
    let contents_start = out.len();
    out.push(b'<');
    out.resize(out.len() + options.reserve.saturating_mul(2), b'0');
    out.push(b'>');
    let contents_end = out.len();
    out.extend_from_slice(b" /M ");
    write_obj(
        &mut out,
        &Obj::Str {
            bytes: pdf_date(&options.time).into_bytes(),
            kind: StrKind::Literal,
            start: 0,
            end: 0,
        },
        &[],
    );
    if let Some(reason) = &options.reason {
        out.extend_from_slice(b" /Reason ");
        write_obj(&mut out, &encode_text_string(reason), &[]);
    }
    if let Some(location) = &options.location {
        out.extend_from_slice(b" /Location ");
        write_obj(&mut out, &encode_text_string(location), &[]);
    }
    out.extend_from_slice(b">>\nendobj\n");
    for (id, obj) in &objects {
        offsets.push((id.number, id.generation, out.len()));
        out.extend_from_slice(format!("{} {} obj\n", id.number, id.generation).as_bytes());
        write_obj(&mut out, obj, pdf);
        if let Some((_, body)) = stream_bodies.iter().find(|(sid, _)| sid == id) {
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendstream");
        }
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref_at = out.len();
    offsets.sort_by_key(|o| o.0);
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f \n");
    let mut i = 0;
    while let Some(&(first, _, _)) = offsets.get(i) {
        let mut j = i;
        while offsets
            .get(j + 1)
            .is_some_and(|o| o.0 == first + (j + 1 - i) as u32)
        {
            j += 1;
        }
        out.extend_from_slice(format!("{} {}\n", first, j + 1 - i).as_bytes());
        for &(_, generation, offset) in offsets.get(i..=j).unwrap_or_default() {
            out.extend_from_slice(format!("{offset:010} {generation:05} n \n").as_bytes());
        }
        i = j + 1;
    }
    let mut new_trailer = Dict::default();
    new_trailer
        .entries
        .push((b"Size".to_vec(), Obj::Int(i64::from(next))));
    new_trailer.entries.push((b"Root".to_vec(), Obj::Ref(root)));
    if let Some(info) = trailer.get(b"Info") {
        new_trailer.entries.push((b"Info".to_vec(), info.clone()));
    }
    if let Some(id) = trailer.get(b"ID") {
        new_trailer.entries.push((b"ID".to_vec(), id.clone()));
    }
    if let Some(&(_, prev)) = layout.startxrefs.last() {
        new_trailer
            .entries
            .push((b"Prev".to_vec(), Obj::Int(i64::try_from(prev).unwrap_or(0))));
    }
    out.extend_from_slice(b"trailer\n");
    write_obj(&mut out, &Obj::Dict(new_trailer), &[]);
    out.extend_from_slice(format!("\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    // Fill in the range: [0, contents_start) and [contents_end, EOF).
    let range = format!(
        "{} {} {}",
        contents_start,
        contents_end,
        out.len() - contents_end
    );
    if range.len() > 32 {
        return Err(Error::new(ErrorKind::LimitExceeded(
            "file too large for the /ByteRange placeholder",
        )));
    }
    if let Some(slot) = out.get_mut(range_at..range_at + range.len()) {
        slot.copy_from_slice(range.as_bytes());
    }
    Ok(PreparedPdf {
        bytes: out,
        contents_start,
        contents_end,
        sub_filter: options.sub_filter,
        time: options.time,
    })
}

/// The DER `SignedAttributes` (a SET) that the signer's key must sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedAttributes {
    attrs: SetOfVec<Attribute>,
    der: Vec<u8>,
    digest: DigestAlgorithm,
}

impl SignedAttributes {
    /// The bytes to sign (hash them with the same digest algorithm).
    #[must_use]
    pub fn to_be_signed(&self) -> &[u8] {
        &self.der
    }
}

fn attribute(oid: Oid, value: Any) -> Result<Attribute, Error> {
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![value])?,
    })
}

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
    /// When the CMS does not fit the reserved space or cannot be encoded.
    pub fn finish(
        self,
        signer: &Certificate,
        chain: &[Certificate],
        attrs: SignedAttributes,
        algorithm: AlgorithmIdentifierOwned,
        signature: &[u8],
    ) -> Result<Vec<u8>, Error> {
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

/// Signed attributes for `content_type` content with digest `md`, bound to `signer`
/// by an ESS signing-certificate-v2 (RFC 5035).
pub(crate) fn signed_attributes_for(
    content_type: Oid,
    md: Vec<u8>,
    signer: &Certificate,
    digest: DigestAlgorithm,
    signing_time: Option<DateTime<Utc>>,
) -> Result<SignedAttributes, Error> {
    let mut attrs = vec![
        attribute(cms_oid::CONTENT_TYPE, Any::encode_from(&content_type)?)?,
        attribute(
            cms_oid::MESSAGE_DIGEST,
            Any::encode_from(&OctetString::new(md)?)?,
        )?,
    ];
    // SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { hashAlgorithm DEFAULT sha256, certHash } }
    let cert_hash = OctetString::new(digest.digest(&[signer.der()]))?;
    let alg = AlgorithmIdentifierOwned {
        oid: digest.oid(),
        parameters: None,
    };
    let mut id = Vec::new();
    if digest != DigestAlgorithm::Sha256 {
        id.extend(alg.to_der()?);
    }
    id.extend(cert_hash.to_der()?);
    let scv2 = der_seq(&der_seq(&der_seq(&id)?)?)?;
    attrs.push(attribute(
        cms_oid::SIGNING_CERTIFICATE_V2,
        <Any as der::Decode>::from_der(&scv2)?,
    )?);
    if let Some(t) = signing_time {
        let t = x509_cert::time::Time::try_from(std::time::SystemTime::from(t))?;
        attrs.push(attribute(cms_oid::SIGNING_TIME, Any::encode_from(&t)?)?);
    }
    let attrs = SetOfVec::try_from(attrs)?;
    let der = attrs.to_der()?;
    Ok(SignedAttributes { attrs, der, digest })
}

/// A DER ContentInfo holding a SignedData with one SignerInfo.
#[allow(clippy::too_many_arguments)]
pub(crate) fn build_signed_data(
    signer: &Certificate,
    chain: &[Certificate],
    attrs: SignedAttributes,
    algorithm: AlgorithmIdentifierOwned,
    signature: &[u8],
    econtent_type: Oid,
    econtent: Option<Vec<u8>>,
    unsigned: Option<SetOfVec<Attribute>>,
) -> Result<Vec<u8>, Error> {
    let tbs = &signer.inner().tbs_certificate;
    let info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(cms::cert::IssuerAndSerialNumber {
            issuer: tbs.issuer.clone(),
            serial_number: tbs.serial_number.clone(),
        }),
        digest_alg: AlgorithmIdentifierOwned {
            oid: attrs.digest.oid(),
            parameters: None,
        },
        signed_attrs: Some(attrs.attrs),
        signature_algorithm: algorithm,
        signature: OctetString::new(signature)?,
        unsigned_attrs: unsigned,
    };
    let mut certs = vec![CertificateChoices::Certificate(signer.inner().clone())];
    for c in chain {
        certs.push(CertificateChoices::Certificate(c.inner().clone()));
    }
    let econtent = match econtent {
        Some(bytes) => Some(Any::encode_from(&OctetString::new(bytes)?)?),
        None => None,
    };
    let signed_data = SignedData {
        version: if econtent.is_some() {
            CmsVersion::V3
        } else {
            CmsVersion::V1
        },
        digest_algorithms: SetOfVec::try_from(vec![AlgorithmIdentifierOwned {
            oid: attrs.digest.oid(),
            parameters: None,
        }])?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type,
            econtent,
        },
        certificates: Some(CertificateSet(SetOfVec::try_from(certs)?)),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![info])?),
    };
    let ci = ContentInfo {
        content_type: cms_oid::SIGNED_DATA,
        content: Any::encode_from(&signed_data)?,
    };
    Ok(ci.to_der()?)
}

/// Text for a standard Type 1 font (WinAnsi): Vietnamese letters lose their
/// diacritics (the standard fonts have no Vietnamese glyphs), delimiters are escaped.
fn appearance_text(line: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    line.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => "d".to_string(),
            'Đ' => "D".to_string(),
            '(' | ')' | '\\' => format!("\\{c}"),
            c if c.is_ascii() && !c.is_ascii_control() => c.to_string(),
            _ => "?".to_string(),
        })
        .collect()
}

/// A decoded PNG: 8-bit samples without alpha, and the alpha plane apart.
struct Image {
    width: u32,
    height: u32,
    components: u8,
    rgb: Vec<u8>,
    alpha: Option<Vec<u8>>,
}

/// Decodes a PNG (any colour type; 16-bit reduced to 8, palettes expanded),
/// with a 64 MiB allocation cap.
fn decode_png(png: &[u8]) -> Result<Image, Error> {
    let bad = |e: png::DecodingError| Error::new(ErrorKind::Unsupported(format!("PNG image: {e}")));
    let mut decoder =
        png::Decoder::new_with_limits(std::io::Cursor::new(png), png::Limits { bytes: 64 << 20 });
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(bad)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| Error::new(ErrorKind::LimitExceeded("PNG image size")))?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(bad)?;
    buf.truncate(info.buffer_size());
    let (components, has_alpha) = match info.color_type {
        png::ColorType::Grayscale => (1u8, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => {
            return Err(Error::new(ErrorKind::Unsupported(
                "indexed PNG after expansion".into(),
            )));
        }
    };
    let (rgb, alpha) = if has_alpha {
        let step = usize::from(components) + 1;
        let mut rgb = Vec::with_capacity(buf.len());
        let mut alpha = Vec::with_capacity(buf.len() / step);
        for px in buf.chunks_exact(step) {
            let (color, a) = px.split_at(usize::from(components));
            rgb.extend_from_slice(color);
            alpha.extend_from_slice(a);
        }
        (rgb, Some(alpha))
    } else {
        (buf, None)
    };
    Ok(Image {
        width: info.width,
        height: info.height,
        components,
        rgb,
        alpha,
    })
}

fn image_dict(image: &Image, components: u8) -> Dict {
    let mut d = Dict::default();
    d.entries.push((b"Type".to_vec(), name("XObject")));
    d.entries.push((b"Subtype".to_vec(), name("Image")));
    d.entries
        .push((b"Width".to_vec(), Obj::Int(i64::from(image.width))));
    d.entries
        .push((b"Height".to_vec(), Obj::Int(i64::from(image.height))));
    d.entries.push((
        b"ColorSpace".to_vec(),
        name(if components == 1 {
            "DeviceGray"
        } else {
            "DeviceRGB"
        }),
    ));
    d.entries.push((b"BitsPerComponent".to_vec(), Obj::Int(8)));
    d.entries.push((b"Filter".to_vec(), name("FlateDecode")));
    d
}

fn with_length(mut d: Dict, len: usize) -> Dict {
    d.entries.push((
        b"Length".to_vec(),
        Obj::Int(i64::try_from(len).unwrap_or(0)),
    ));
    d
}

fn der_seq(content: &[u8]) -> Result<Vec<u8>, Error> {
    let mut out = vec![0x30];
    crate::cms::ber::push_len(&mut out, content.len())?;
    out.extend_from_slice(content);
    Ok(out)
}

/// A private key held in software: RSA (PKCS #1 v1.5 with SHA-256) or ECDSA P-256/P-384.
#[derive(Clone)]
#[non_exhaustive]
pub enum SigningKey {
    /// RSA.
    Rsa(Box<rsa::RsaPrivateKey>),
    /// ECDSA on P-256.
    P256(p256::ecdsa::SigningKey),
    /// ECDSA on P-384.
    P384(p384::ecdsa::SigningKey),
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Rsa(_) => "SigningKey::Rsa(..)",
            Self::P256(_) => "SigningKey::P256(..)",
            Self::P384(_) => "SigningKey::P384(..)",
        })
    }
}

impl SigningKey {
    /// Reads a PKCS #8 private key, PEM or DER.
    ///
    /// # Errors
    /// When the key is not PKCS #8 RSA, P-256 or P-384.
    pub fn from_pkcs8(bytes: &[u8]) -> Result<Self, Error> {
        use pkcs8::DecodePrivateKey;
        let der = match std::str::from_utf8(bytes)
            .ok()
            .filter(|t| t.contains("-----BEGIN"))
        {
            Some(text) => {
                let (_, doc) = pkcs8::SecretDocument::from_pem(text)
                    .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
                doc.as_bytes().to_vec()
            }
            None => bytes.to_vec(),
        };
        if let Ok(k) = rsa::RsaPrivateKey::from_pkcs8_der(&der) {
            return Ok(Self::Rsa(Box::new(k)));
        }
        if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_der(&der) {
            return Ok(Self::P256(k));
        }
        if let Ok(k) = p384::ecdsa::SigningKey::from_pkcs8_der(&der) {
            return Ok(Self::P384(k));
        }
        Err(Error::new(ErrorKind::Key(
            "not a PKCS #8 RSA, P-256 or P-384 private key".into(),
        )))
    }

    /// The PKCS #8 DER encoding of the key.
    ///
    /// # Errors
    /// When the key cannot be encoded.
    pub fn to_pkcs8_der(&self) -> Result<Vec<u8>, Error> {
        use pkcs8::EncodePrivateKey;
        let doc = match self {
            Self::Rsa(k) => k.to_pkcs8_der(),
            Self::P256(k) => k.to_pkcs8_der(),
            Self::P384(k) => k.to_pkcs8_der(),
        }
        .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
        Ok(doc.as_bytes().to_vec())
    }

    /// The public key as SubjectPublicKeyInfo DER.
    ///
    /// # Errors
    /// When the key cannot be encoded.
    pub fn public_key_der(&self) -> Result<Vec<u8>, Error> {
        use spki::EncodePublicKey;
        let doc = match self {
            Self::Rsa(k) => k.to_public_key().to_public_key_der(),
            Self::P256(k) => k.verifying_key().to_public_key_der(),
            Self::P384(k) => k.verifying_key().to_public_key_der(),
        }
        .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
        Ok(doc.as_bytes().to_vec())
    }

    /// The digest this key signs with: SHA-384 for P-384, SHA-256 otherwise.
    #[must_use]
    pub fn digest(&self) -> DigestAlgorithm {
        match self {
            Self::P384(_) => DigestAlgorithm::Sha384,
            _ => DigestAlgorithm::Sha256,
        }
    }

    /// Signs `message` (hashing it with [`Self::digest`]); returns the algorithm identifier and the value.
    ///
    /// # Errors
    /// When the private-key operation fails.
    pub fn sign(&self, message: &[u8]) -> Result<(AlgorithmIdentifierOwned, Vec<u8>), Error> {
        use signature::hazmat::PrehashSigner;
        let hashed = self.digest().digest(&[message]);
        match self {
            Self::Rsa(k) => {
                let sig = k
                    .sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &hashed)
                    .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
                Ok((
                    AlgorithmIdentifierOwned {
                        oid: oid::SHA256_RSA,
                        parameters: Some(Any::null()),
                    },
                    sig,
                ))
            }
            Self::P256(k) => {
                let sig: p256::ecdsa::Signature = k
                    .sign_prehash(&hashed)
                    .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
                Ok((
                    AlgorithmIdentifierOwned {
                        oid: oid::ECDSA_SHA256,
                        parameters: None,
                    },
                    sig.to_der().as_bytes().to_vec(),
                ))
            }
            Self::P384(k) => {
                let sig: p384::ecdsa::Signature = k
                    .sign_prehash(&hashed)
                    .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
                Ok((
                    AlgorithmIdentifierOwned {
                        oid: oid::ECDSA_SHA384,
                        parameters: None,
                    },
                    sig.to_der().as_bytes().to_vec(),
                ))
            }
        }
    }
}

impl SigningKey {
    /// Signs `message` with RSASSA-PSS (SHA-256, MGF1-SHA-256, 32-byte salt from
    /// `rng`), the RSA scheme Thông tư 15/2025/TT-BKHCN asks signing software to use.
    ///
    /// # Errors
    /// When the key is not RSA or the private-key operation fails.
    pub fn sign_pss<R: rsa::rand_core::CryptoRngCore>(
        &self,
        message: &[u8],
        rng: &mut R,
    ) -> Result<(AlgorithmIdentifierOwned, Vec<u8>), Error> {
        let Self::Rsa(k) = self else {
            return Err(Error::new(ErrorKind::Key(
                "RSASSA-PSS needs an RSA key".into(),
            )));
        };
        let hashed = DigestAlgorithm::Sha256.digest(&[message]);
        let sig = k
            .sign_with_rng(rng, rsa::Pss::new_with_salt::<sha2::Sha256>(32), &hashed)
            .map_err(|e| Error::new(ErrorKind::Key(e.to_string())))?;
        Ok((crate::crypto::pss_algorithm(DigestAlgorithm::Sha256)?, sig))
    }
}

/// Signs `pdf` in one call with a software key: prepare, sign the attributes, finish.
///
/// # Errors
/// As [`prepare`], [`PreparedPdf::signed_attributes`] and [`PreparedPdf::finish`].
pub fn sign_pdf(
    pdf: &[u8],
    options: &SignOptions,
    key: &SigningKey,
    cert: &Certificate,
    chain: &[Certificate],
) -> Result<Vec<u8>, Error> {
    let prepared = prepare(pdf, options)?;
    let attrs = prepared.signed_attributes(cert, key.digest())?;
    let (alg, sig) = key.sign(attrs.to_be_signed())?;
    prepared.finish(cert, chain, attrs, alg, &sig)
}
