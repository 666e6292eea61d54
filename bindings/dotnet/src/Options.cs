// The options of the calls: the fields of docs/bindings.md, in PascalCase, serialised to the options JSON of the
// C ABI with their snake_case names by IJsonCodec.WriteOptions, which leaves out every field left null (vanthu's
// default).
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Vanthu
{
    /// <summary>How signers are classified as a person or an organisation (the defaults suit Vietnamese CAs); a
    /// list left null keeps vanthu's default.</summary>
    public sealed class RolePolicy
    {
        [JsonPropertyName("person_uids")]
        public List<string> PersonUids { get; set; }

        [JsonPropertyName("organization_uids")]
        public List<string> OrganizationUids { get; set; }

        [JsonPropertyName("person_policies")]
        public List<string> PersonPolicies { get; set; }

        [JsonPropertyName("organization_policies")]
        public List<string> OrganizationPolicies { get; set; }

        [JsonPropertyName("title_means_person")]
        public bool? TitleMeansPerson { get; set; }

        [JsonPropertyName("agency_issuers")]
        public List<string> AgencyIssuers { get; set; }

        [JsonPropertyName("agency_names")]
        public List<string> AgencyNames { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.Check"/> and <see cref="Vanthu.CheckBytes(string, byte[], CheckOptions)"/>.</summary>
    public sealed class CheckOptions
    {
        /// <summary>Trust anchors: certificate files or folders.</summary>
        [JsonPropertyName("trust")]
        public List<string> Trust { get; set; }

        /// <summary>Revocation lists (files).</summary>
        [JsonPropertyName("crls")]
        public List<string> Crls { get; set; }

        /// <summary>OCSP responses (files).</summary>
        [JsonPropertyName("ocsps")]
        public List<string> Ocsps { get; set; }

        /// <summary>The time of the check (RFC 3339, <c>YYYY-MM-DD</c> …; Vietnam time); null: now.</summary>
        [JsonPropertyName("at")]
        public string At { get; set; }

        [JsonPropertyName("strict")]
        public bool? Strict { get; set; }

        /// <summary><c>csip</c>, <c>sip</c> or <c>tt05</c>.</summary>
        [JsonPropertyName("profile")]
        public string Profile { get; set; }

        [JsonPropertyName("roles")]
        public RolePolicy Roles { get; set; }

        [JsonPropertyName("legacy_sha1")]
        public bool? LegacySha1 { get; set; }

        /// <summary>Files checked at once (0: one per core).</summary>
        [JsonPropertyName("jobs")]
        public int? Jobs { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.TextFix(byte[], TextFixOptions)"/>.</summary>
    public sealed class TextFixOptions
    {
        /// <summary><c>auto</c>, <c>tcvn3</c> or <c>vni</c>.</summary>
        [JsonPropertyName("from")]
        public string From { get; set; }

        [JsonPropertyName("capitals")]
        public bool? Capitals { get; set; }

        [JsonPropertyName("keep_case")]
        public bool? KeepCase { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.Extract"/>.</summary>
    public sealed class ExtractOptions
    {
        [JsonPropertyName("unzip")]
        public bool? Unzip { get; set; }

        [JsonPropertyName("max_bytes")]
        public long? MaxBytes { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.VerifyPdf(string, string, VerifyOptions)"/>.</summary>
    public sealed class VerifyOptions
    {
        [JsonPropertyName("at")]
        public string At { get; set; }

        [JsonPropertyName("attachment")]
        public bool? Attachment { get; set; }

        /// <summary><c>document</c>, <c>attachment</c> or <c>digitised_copy</c>.</summary>
        [JsonPropertyName("form")]
        public string Form { get; set; }

        [JsonPropertyName("crls")]
        public List<string> Crls { get; set; }

        [JsonPropertyName("ocsps")]
        public List<string> Ocsps { get; set; }

        [JsonPropertyName("legacy_sha1")]
        public bool? LegacySha1 { get; set; }

        [JsonPropertyName("roles")]
        public RolePolicy Roles { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.SignPrepare"/>.</summary>
    public sealed class SignOptions
    {
        [JsonPropertyName("at")]
        public string At { get; set; }

        [JsonPropertyName("reason")]
        public string Reason { get; set; }

        [JsonPropertyName("location")]
        public string Location { get; set; }

        /// <summary>Certificates of the chain to embed (files).</summary>
        [JsonPropertyName("chain")]
        public List<string> Chain { get; set; }

        [JsonPropertyName("pss")]
        public bool? Pss { get; set; }

        /// <summary><c>sha256</c>, <c>sha384</c> or <c>sha512</c>.</summary>
        [JsonPropertyName("digest")]
        public string Digest { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.Reply"/>.</summary>
    public sealed class ReplyOptions
    {
        [JsonPropertyName("from_name")]
        public string FromName { get; set; }

        [JsonPropertyName("description")]
        public string Description { get; set; }

        [JsonPropertyName("at")]
        public string At { get; set; }

        /// <summary><c>national</c> (default), <c>ho-chi-minh-city</c>, <c>phu-nhuan</c>, <c>nam-dinh</c>,
        /// <c>quang-nam</c>.</summary>
        [JsonPropertyName("rules")]
        public string Rules { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.Replay"/>.</summary>
    public sealed class ReplayOptions
    {
        [JsonPropertyName("as_of")]
        public string AsOf { get; set; }

        [JsonPropertyName("rules")]
        public string Rules { get; set; }

        /// <summary><c>morning</c> or <c>day</c>.</summary>
        [JsonPropertyName("next_day")]
        public string NextDay { get; set; }

        /// <summary><c>midnight</c> or <c>office-hours</c>.</summary>
        [JsonPropertyName("same_day")]
        public string SameDay { get; set; }

        [JsonPropertyName("max_documents")]
        public long? MaxDocuments { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.ArchiveCheck"/>.</summary>
    public sealed class ArchiveCheckOptions
    {
        /// <summary><c>csip</c>, <c>sip</c> or <c>tt05</c>.</summary>
        [JsonPropertyName("profile")]
        public string Profile { get; set; }

        [JsonPropertyName("at")]
        public string At { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.ArchivePack"/>.</summary>
    public sealed class ArchivePackOptions
    {
        [JsonPropertyName("dip")]
        public bool? Dip { get; set; }

        [JsonPropertyName("follow_links")]
        public bool? FollowLinks { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.Due"/> (<see cref="WorkingDays"/> or <see cref="Rule"/> is required).</summary>
    public sealed class DueOptions
    {
        [JsonPropertyName("working_days")]
        public int? WorkingDays { get; set; }

        /// <summary><c>issue</c>, <c>acknowledge</c> or <c>not-received</c>.</summary>
        [JsonPropertyName("rule")]
        public string Rule { get; set; }

        [JsonPropertyName("urgent")]
        public bool? Urgent { get; set; }

        /// <summary><c>morning</c> or <c>day</c>.</summary>
        [JsonPropertyName("next_day")]
        public string NextDay { get; set; }

        /// <summary><c>midnight</c> or <c>office-hours</c>.</summary>
        [JsonPropertyName("same_day")]
        public string SameDay { get; set; }
    }
}

namespace Vanthu
{
    /// <summary>Options of <see cref="Vanthu.Retention"/>.</summary>
    public sealed class RetentionOptions
    {
        /// <summary>The Archive Law for the historical archive: 2011 or 2024; null: the law in force on the date.</summary>
        [JsonPropertyName("law")]
        public int? Law { get; set; }
    }
}
