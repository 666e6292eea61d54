//! `vanthu verify` and `vanthu sign`: PDF signatures and the legal-value verdict.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};
use vanthu_signature::{
    Certificate, DocumentReport, LegalValue, Role, RolePolicy, SignOptions, SignedForm, SigningKey,
    TrustStore, sign_pdf, verify_pdf,
};

use crate::output::{print_json, read_input};
use crate::{CliError, Outcome};

/// Arguments of `vanthu verify`.
#[derive(Debug, clap::Args)]
pub(crate) struct VerifyArgs {
    /// The PDF file (`-` for standard input).
    file: PathBuf,
    /// A trusted certificate (PEM or DER) or a folder of them (*.crt, *.cer, *.pem,
    /// *.der). Self-signed certificates become trust anchors, the others intermediates.
    #[arg(long = "trust", value_name = "CERT_OR_DIR")]
    trust: Vec<PathBuf>,
    /// A CRL (DER) to check revocation against; repeat for more.
    #[arg(long = "crl", value_name = "CRL")]
    crl: Vec<PathBuf>,
    /// An OCSP response (DER, RFC 6960) to check revocation against; repeat for more.
    #[arg(long = "ocsp", value_name = "OCSP")]
    ocsp: Vec<PathBuf>,
    /// Validation time (RFC 3339, YYYY-MM-DD, YYYY-MM-DDTHH:MM(:SS) or yyyy/MM/dd
    /// HH:mm:ss, Vietnam time unless an offset is given); default: now.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    /// What the file is: a document (signed by the competent person, then the
    /// agency), an attachment in a separate file, or a digitised copy of a paper
    /// document (both signed by the agency alone).
    #[arg(
        long = "as",
        value_enum,
        value_name = "FORM",
        default_value = "document"
    )]
    form: FormArg,
    /// The same as `--as attachment`.
    #[arg(long, conflicts_with = "form")]
    attachment: bool,
    /// Accept SHA-1 (legacy documents only).
    #[arg(long)]
    legacy_sha1: bool,
    /// How signers are told apart (person or organisation): a JSON role
    /// policy; fields left out keep their defaults.
    #[arg(long, value_name = "FILE")]
    roles: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

/// What a verified PDF is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum FormArg {
    /// A document: the competent person, then the agency.
    Document,
    /// An attachment in a separate file: the agency alone.
    Attachment,
    /// A digitised copy of a paper document: the agency alone.
    DigitisedCopy,
}

impl FormArg {
    fn form(self) -> SignedForm {
        match self {
            Self::Document => SignedForm::Document,
            Self::Attachment => SignedForm::Attachment,
            Self::DigitisedCopy => SignedForm::DigitisedCopy,
        }
    }
}

/// The role a signer is expected to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum RoleArg {
    /// The competent person.
    Person,
    /// The agency (seal).
    Organization,
}

/// Arguments of `vanthu sign`.
#[derive(Debug, clap::Args)]
pub(crate) struct SignArgs {
    /// The PDF file to sign (`-` for standard input).
    file: PathBuf,
    /// The private key: PKCS #8, SEC1 (`EC PRIVATE KEY`) or PKCS #1 (`RSA
    /// PRIVATE KEY`), PEM or DER. It must be the key of --cert: another key is
    /// refused before anything is written.
    #[arg(long)]
    key: PathBuf,
    /// The signer's certificate (PEM or DER).
    #[arg(long)]
    cert: PathBuf,
    /// Further certificates to embed (intermediates).
    #[arg(long)]
    chain: Vec<PathBuf>,
    /// The expected role; signing stops when the certificate says otherwise.
    #[arg(long, value_enum)]
    role: Option<RoleArg>,
    /// The role policy that decides --role (JSON, as for `vanthu verify --roles`).
    #[arg(long, value_name = "FILE")]
    roles: Option<PathBuf>,
    /// A signature or seal image (PNG) drawn in the box given by --rect.
    #[arg(long)]
    image: Option<PathBuf>,
    /// A visible box `x1,y1,x2,y2` in PDF points (default: an invisible signature).
    #[arg(long, value_name = "X1,Y1,X2,Y2")]
    rect: Option<String>,
    /// The page of the visible box, from 1.
    #[arg(long, default_value_t = 1)]
    page: usize,
    /// A line of text in the visible box (repeat for more lines).
    #[arg(long = "text")]
    text: Vec<String>,
    /// Signing time (any form of --at of `verify`); default: now, in Vietnam time.
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    /// `/Reason`.
    #[arg(long)]
    reason: Option<String>,
    /// Sign with RSASSA-PSS (RSA keys; Circular 15/2025/TT-BKHCN) instead of PKCS #1 v1.5.
    #[arg(long)]
    pss: bool,
    /// Output file.
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
}

/// Now, in Vietnam time: the CLI reads the clock, the library never does.
pub(crate) fn now() -> DateTime<FixedOffset> {
    Utc::now().with_timezone(&vanthu::edxml::vietnam_offset())
}

/// RFC 3339 or `YYYY-MM-DD` (midnight in Vietnam time).
pub(crate) fn parse_time(text: &str) -> Result<DateTime<FixedOffset>, CliError> {
    vanthu::parse_time(text).map_err(|e| CliError::new(e.to_string()))
}

fn read_certs(path: &Path) -> Result<Vec<Certificate>, CliError> {
    let bytes = read_input(path)?;
    Certificate::parse_all(&bytes).map_err(|e| CliError::new(format!("{}: {e}", path.display())))
}

/// The trust store of `--trust` and `--crl`, loaded by the umbrella crate.
/// Files of a trust folder that are not certificates are skipped with a
/// warning on standard error.
pub(crate) fn load_trust(
    trust: &[PathBuf],
    crls: &[PathBuf],
    ocsps: &[PathBuf],
) -> Result<TrustStore, CliError> {
    let mut options = vanthu::CheckOptions::new(now());
    options.trust = trust.to_vec();
    options.crls = crls.to_vec();
    options.ocsps = ocsps.to_vec();
    let loaded = vanthu::load_trust(&options).map_err(|e| CliError::new(e.to_string()))?;
    warn_skipped(&loaded.skipped);
    Ok(loaded.store)
}

/// Prints trust files that were left out, one warning per line, in both languages.
pub(crate) fn warn_skipped(skipped: &[vanthu::Finding]) {
    for f in skipped {
        eprintln!("warning [{}]: {} / {}", f.rule, f.message, f.message_vi);
    }
}

/// The role policy of `--roles FILE` (JSON, see `RolePolicy`), or the default.
pub(crate) fn role_policy(path: Option<&Path>) -> Result<RolePolicy, CliError> {
    let Some(path) = path else {
        return Ok(RolePolicy::default());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::new(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| CliError::new(format!("{}: {e}", path.display())))
}

pub(crate) fn verify(args: VerifyArgs) -> Result<Outcome, CliError> {
    let pdf = read_input(&args.file)?;
    let trust = load_trust(&args.trust, &args.crl, &args.ocsp)?;
    // The facade's options (`vanthu::api::verify_pdf` takes the same).
    let mut verify = vanthu::api::VerifyArgs::default();
    verify.at.clone_from(&args.at);
    verify.attachment = args.attachment;
    verify.form = Some(args.form.form());
    verify.legacy_sha1 = args.legacy_sha1;
    verify.roles = Some(role_policy(args.roles.as_deref())?);
    let options = verify.options().map_err(|e| CliError::new(e.message))?;
    let report = verify_pdf(&pdf, &trust, &options)
        .map_err(|e| CliError::new(format!("{}: {e}", args.file.display())))?;
    if args.json {
        print_json(&report)?;
    } else {
        print_human(&report);
    }
    Ok(Outcome::from_valid(
        report.legal_value == LegalValue::Original,
    ))
}

/// An instant as printed: RFC 3339 in Vietnam time.
fn vn<Tz: chrono::TimeZone>(t: chrono::DateTime<Tz>) -> String {
    vanthu::workflow::calendar::vietnam_time(&t).to_rfc3339()
}

fn print_human(report: &DocumentReport) {
    let verdict = match report.legal_value {
        LegalValue::Original => "original (có giá trị pháp lý như bản gốc)",
        LegalValue::ReferenceOnly => "reference only (chỉ có giá trị tham khảo)",
        LegalValue::Invalid => "INVALID (không hợp lệ)",
    };
    out!("legal value: {verdict}");
    match report.form {
        SignedForm::Attachment => out!(
            "verified as / xác thực như: an attachment in a separate file / phụ lục ở tệp riêng"
        ),
        SignedForm::DigitisedCopy => out!(
            "verified as / xác thực như: a digitised copy of a paper document / bản số hóa từ văn bản giấy"
        ),
        _ => {}
    }
    for (i, sig) in report.signatures.iter().enumerate() {
        let who = sig
            .signer
            .as_ref()
            .map_or("(unknown signer)".to_string(), |s| s.subject.clone());
        let (name, _) = sig.name();
        out!(
            "signature {} {name}: {} {} [{}] {} — {who}",
            i + 1,
            sig.indication,
            sig.sub_indication.map_or("", |s| s.as_str()),
            sig.role.as_str(),
            sig.coverage.as_str(),
        );
        if let Some(t) = sig.signing_time {
            out!("  signed at / ký lúc {}", vn(t));
        }
        if let Some(level) = sig.level {
            out!("  PAdES level / mức PAdES: {}", level.as_str());
        }
        match sig.proven_at {
            Some(t) => out!(
                "  proven to exist at / được chứng minh tồn tại lúc {} (time-stamp / dấu thời gian)",
                vn(t)
            ),
            None => out!(
                "  no time-stamp proves when it was signed / không có dấu thời gian chứng minh thời điểm ký"
            ),
        }
        for check in &sig.checks {
            out!(
                "  {:?} {}: {} / {}",
                check.outcome,
                check.id,
                check.message,
                check.message_vi
            );
        }
    }
    for f in &report.findings {
        out!("{f}");
        out!("  {}", f.message_vi);
    }
}

pub(crate) fn sign(args: SignArgs) -> Result<Outcome, CliError> {
    if args.image.is_some() {
        return Err(CliError::new(
            "--image is not supported yet: sign without an image",
        ));
    }
    let pdf = read_input(&args.file)?;
    let key_bytes = read_input(&args.key)?;
    let key = SigningKey::parse(&key_bytes)
        .map_err(|e| CliError::new(format!("{}: {e}", args.key.display())))?;
    let cert = read_certs(&args.cert)?
        .into_iter()
        .next()
        .ok_or_else(|| CliError::new(format!("{}: no certificate", args.cert.display())))?;
    // Refused before anything is written: a signature by another key could never verify.
    key.check_certificate(&cert).map_err(|e| {
        CliError::new(format!(
            "{} and {}: {e}\n  khóa bí mật không khớp với chứng thư số: tệp chưa được ký",
            args.key.display(),
            args.cert.display()
        ))
    })?;
    let mut chain = Vec::new();
    for path in &args.chain {
        chain.extend(read_certs(path)?);
    }
    if let Some(expected) = args.role {
        let actual = role_policy(args.roles.as_deref())?.classify(&cert);
        let wanted = match expected {
            RoleArg::Person => Role::Person,
            RoleArg::Organization => Role::Organization,
        };
        if actual != wanted {
            return Err(CliError::new(format!(
                "the certificate '{}' is classified as {}, not {}",
                cert.subject(),
                actual.as_str(),
                wanted.as_str()
            )));
        }
    }
    let time = match &args.at {
        Some(t) => parse_time(t)?,
        None => now(),
    };
    let mut options = SignOptions::new(time);
    options.reason = args.reason.clone();
    match (&args.rect, args.image.is_some() || !args.text.is_empty()) {
        (Some(rect), _) => {
            let numbers: Vec<f64> = rect
                .split(',')
                .map(|n| n.trim().parse::<f64>())
                .collect::<Result<_, _>>()
                .map_err(|_| CliError::new(format!("--rect '{rect}': expected x1,y1,x2,y2")))?;
            let [x1, y1, x2, y2] = numbers.as_slice() else {
                return Err(CliError::new(format!(
                    "--rect '{rect}': expected four numbers"
                )));
            };
            let page = args
                .page
                .checked_sub(1)
                .ok_or_else(|| CliError::new("--page starts at 1"))?;
            let mut appearance =
                vanthu_signature::Appearance::new(page, [*x1, *y1, *x2, *y2], args.text.clone());
            if let Some(path) = &args.image {
                appearance = appearance.with_image(read_input(path)?);
            }
            options.appearance = Some(appearance);
        }
        (None, true) => return Err(CliError::new("--image and --text need --rect")),
        (None, false) => {}
    }
    let cannot = |e: vanthu_signature::Error| CliError::new(format!("cannot sign: {e}"));
    let signed = if args.pss {
        // The two-step API: the software key signs with RSASSA-PSS and a random salt.
        let prepared = vanthu_signature::prepare(&pdf, &options).map_err(cannot)?;
        let attrs = prepared
            .signed_attributes(&cert, key.digest())
            .map_err(cannot)?;
        let (alg, sig) = key
            .sign_pss(attrs.to_be_signed(), &mut rand_core::OsRng)
            .map_err(cannot)?;
        prepared
            .finish(&cert, &chain, attrs, alg, &sig)
            .map_err(cannot)?
    } else {
        sign_pdf(&pdf, &options, &key, &cert, &chain).map_err(cannot)?
    };
    std::fs::write(&args.output, signed)
        .map_err(|e| CliError::new(format!("cannot write {}: {e}", args.output.display())))?;
    Ok(Outcome::Valid)
}
