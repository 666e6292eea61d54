//! Who a signer certificate belongs to: the competent person or the agency.
//!
//! The legal value of a document depends on it (a person signs, then the
//! agency seals), but no regulation fixes how a certificate says which it is.
//! [`RolePolicy`] makes the decision explicit and configurable; its default is
//! what Vietnamese certification authorities issue today (see
//! `docs/signature-policy.md` §4 in the repository).

use unicode_normalization::UnicodeNormalization;

use crate::certs::Certificate;

/// Who a certificate belongs to, for the Vietnamese policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// A natural person (the competent signer).
    Person,
    /// An agency or organisation (the seal).
    Organization,
    /// A document time-stamp authority.
    TimeStamp,
    /// The certificate says neither.
    Unknown,
}

impl Role {
    /// `person`, `organization`, `time_stamp` or `unknown`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::TimeStamp => "time_stamp",
            Self::Unknown => "unknown",
        }
    }
}

/// How a signer certificate is classified as a person or an organisation.
///
/// The tests run in this order; the first that matches decides:
///
/// 1. a subject `UID` starting with one of [`person_uids`](Self::person_uids)
///    (a personal identity number) makes a **person**, even with a tax code beside it;
/// 2. a `UID` starting with one of [`organization_uids`](Self::organization_uids) makes an **organisation**;
/// 3. a certificate policy OID in [`person_policies`](Self::person_policies) or
///    [`organization_policies`](Self::organization_policies) decides;
/// 4. a personal title attribute (`T`, 2.5.4.12) makes a person;
/// 5. a certificate issued by one of [`agency_issuers`](Self::agency_issuers)
///    whose common name starts with one of [`agency_names`](Self::agency_names)
///    is an organisation: the Government CA issues agency certificates with
///    the agency's name as the common name and no `UID`;
/// 6. anything else is [`Role::Unknown`].
///
/// Matching is case-insensitive; names are compared after Unicode NFC
/// normalisation, so precomposed and decomposed Vietnamese letters agree.
///
/// The policy is serde-(de)serialisable, so that a deployment can keep its own
/// in a JSON file; fields left out keep their defaults.
///
/// ```
/// use vanthu_signature::RolePolicy;
///
/// let mut policy = RolePolicy::default();
/// // A provincial CA whose agency certificates carry a policy OID.
/// policy.organization_policies.push("2.16.704.1.99.2".to_owned());
/// assert!(policy.agency_names.iter().any(|n| n == "SỞ"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct RolePolicy {
    /// `UID` prefixes of personal identity numbers.
    pub person_uids: Vec<String>,
    /// `UID` prefixes of organisation codes (tax code, budget code).
    pub organization_uids: Vec<String>,
    /// Certificate policy OIDs (dotted) that mark a personal certificate.
    pub person_policies: Vec<String>,
    /// Certificate policy OIDs (dotted) that mark an organisation certificate.
    pub organization_policies: Vec<String>,
    /// Whether a title attribute (`T`) makes a person.
    pub title_means_person: bool,
    /// Issuers of agency certificates without `UID`: a certificate whose
    /// issuer's organisation (`O`) or common name (`CN`) is one of these
    /// values is classified by its common name (test 5).
    pub agency_issuers: Vec<String>,
    /// Leading words of agency names (test 5).
    pub agency_names: Vec<String>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

impl Default for RolePolicy {
    fn default() -> Self {
        Self {
            person_uids: strings(&["CCCD:", "CMND:", "HC:", "CCCD-", "CMND-"]),
            organization_uids: strings(&["MST:", "MNS:", "MST-", "MNS-"]),
            person_policies: Vec::new(),
            organization_policies: Vec::new(),
            title_means_person: true,
            // The Government CA (Ban Cơ yếu Chính phủ) and its sub-CAs for
            // state, Party and public-service bodies; with and without the
            // Vietnamese diacritics, as both are issued.
            agency_issuers: strings(&[
                "Ban Cơ yếu Chính phủ",
                "Ban Co yeu Chinh phu",
                "CA phục vụ các cơ quan Nhà nước G2",
                "CA phục vụ các cơ quan Đảng G2",
                "Cơ quan chứng thực số chuyên dùng Chính phủ",
            ]),
            // The kinds of body in the names of Vietnamese agencies. Without
            // diacritics only the words that cannot be a family name.
            agency_names: strings(&[
                "BỘ",
                "SỞ",
                "CỤC",
                "TỔNG CỤC",
                "CHI CỤC",
                "VỤ",
                "VIỆN",
                "VĂN PHÒNG",
                "ỦY BAN",
                "UỶ BAN",
                "UBND",
                "HỘI ĐỒNG",
                "HĐND",
                "BAN",
                "PHÒNG",
                "TRUNG TÂM",
                "TRƯỜNG",
                "BỆNH VIỆN",
                "TÒA ÁN",
                "TOÀ ÁN",
                "KHO BẠC",
                "THANH TRA",
                "ĐẠI HỌC",
                "HỌC VIỆN",
                "TỈNH ỦY",
                "THÀNH ỦY",
                "HUYỆN ỦY",
                "ĐẢNG ỦY",
                "CÔNG AN",
                "BỘ CHỈ HUY",
                "ĐÀI",
                "BÁO",
                "BO",
                "SO",
                "CUC",
                "TONG CUC",
                "CHI CUC",
                "VAN PHONG",
                "UY BAN",
                "HOI DONG",
                "TRUNG TAM",
                "BENH VIEN",
                "TOA AN",
                "KHO BAC",
                "THANH TRA",
                "DAI HOC",
                "HOC VIEN",
                "CONG AN",
            ]),
        }
    }
}

/// Upper case, NFC, single spaces.
fn fold(s: &str) -> String {
    let upper: String = s.nfc().flat_map(char::to_uppercase).collect();
    upper.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `name` starts with the words of `prefix`.
fn starts_with_words(name: &str, prefix: &str) -> bool {
    let (name, prefix) = (fold(name), fold(prefix));
    name.strip_prefix(prefix.as_str())
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

impl RolePolicy {
    /// The role of `cert` under this policy (see the type's documentation).
    #[must_use]
    pub fn classify(&self, cert: &Certificate) -> Role {
        let uids: Vec<String> = cert.uids().iter().map(|u| fold(u.trim())).collect();
        let uid_has = |prefixes: &[String]| {
            uids.iter()
                .any(|u| prefixes.iter().any(|p| u.starts_with(&fold(p))))
        };
        if uid_has(&self.person_uids) {
            return Role::Person;
        }
        if uid_has(&self.organization_uids) {
            return Role::Organization;
        }
        let policies = cert.policy_oids();
        let policy_in = |list: &[String]| policies.iter().any(|p| list.contains(p));
        if policy_in(&self.person_policies) {
            return Role::Person;
        }
        if policy_in(&self.organization_policies) {
            return Role::Organization;
        }
        if self.title_means_person && cert.title().is_some() {
            return Role::Person;
        }
        let issued_by_agency_ca = [cert.issuer_organization(), cert.issuer_common_name()]
            .into_iter()
            .flatten()
            .any(|v| self.agency_issuers.iter().any(|i| fold(i) == fold(&v)));
        if issued_by_agency_ca
            && let Some(cn) = cert.common_name()
            && self.agency_names.iter().any(|w| starts_with_words(&cn, w))
        {
            return Role::Organization;
        }
        Role::Unknown
    }
}

/// Classifies a signer certificate with the default [`RolePolicy`].
#[must_use]
pub fn classify(cert: &Certificate) -> Role {
    RolePolicy::default().classify(cert)
}
