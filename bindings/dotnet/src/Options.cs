// The options of the calls: the fields of docs/bindings.md, in PascalCase, serialised to the options JSON of the
// C ABI with their snake_case names. A field left null is left out (vanthu's default).
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Vanthu
{
    /// <summary>How signers are classified as a person or an organisation (the defaults suit Vietnamese CAs); a
    /// list left null keeps vanthu's default.</summary>
    public sealed class RolePolicy
    {
        [JsonPropertyName("person_uids")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> PersonUids { get; set; }

        [JsonPropertyName("organization_uids")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> OrganizationUids { get; set; }

        [JsonPropertyName("person_policies")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> PersonPolicies { get; set; }

        [JsonPropertyName("organization_policies")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> OrganizationPolicies { get; set; }

        [JsonPropertyName("title_means_person")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? TitleMeansPerson { get; set; }

        [JsonPropertyName("agency_issuers")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> AgencyIssuers { get; set; }

        [JsonPropertyName("agency_names")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> AgencyNames { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.Check"/> and <see cref="Vanthu.CheckBytes(string, byte[], CheckOptions)"/>.</summary>
    public sealed class CheckOptions
    {
        /// <summary>Trust anchors: certificate files or folders.</summary>
        [JsonPropertyName("trust")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> Trust { get; set; }

        /// <summary>Revocation lists (files).</summary>
        [JsonPropertyName("crls")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> Crls { get; set; }

        /// <summary>OCSP responses (files).</summary>
        [JsonPropertyName("ocsps")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> Ocsps { get; set; }

        /// <summary>The time of the check (RFC 3339, <c>YYYY-MM-DD</c> …; Vietnam time); null: now.</summary>
        [JsonPropertyName("at")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string At { get; set; }

        [JsonPropertyName("strict")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? Strict { get; set; }

        /// <summary><c>csip</c>, <c>sip</c> or <c>tt05</c>.</summary>
        [JsonPropertyName("profile")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Profile { get; set; }

        [JsonPropertyName("roles")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public RolePolicy Roles { get; set; }

        [JsonPropertyName("legacy_sha1")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? LegacySha1 { get; set; }

        /// <summary>Files checked at once (0: one per core).</summary>
        [JsonPropertyName("jobs")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? Jobs { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.TextFix(byte[], TextFixOptions)"/>.</summary>
    public sealed class TextFixOptions
    {
        /// <summary><c>auto</c>, <c>tcvn3</c> or <c>vni</c>.</summary>
        [JsonPropertyName("from")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string From { get; set; }

        [JsonPropertyName("capitals")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? Capitals { get; set; }

        [JsonPropertyName("keep_case")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? KeepCase { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.Extract"/>.</summary>
    public sealed class ExtractOptions
    {
        [JsonPropertyName("unzip")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? Unzip { get; set; }

        [JsonPropertyName("max_bytes")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public long? MaxBytes { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.VerifyPdf(string, string, VerifyOptions)"/>.</summary>
    public sealed class VerifyOptions
    {
        [JsonPropertyName("at")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string At { get; set; }

        [JsonPropertyName("attachment")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? Attachment { get; set; }

        /// <summary><c>document</c>, <c>attachment</c> or <c>digitised_copy</c>.</summary>
        [JsonPropertyName("form")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Form { get; set; }

        [JsonPropertyName("crls")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> Crls { get; set; }

        [JsonPropertyName("ocsps")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> Ocsps { get; set; }

        [JsonPropertyName("legacy_sha1")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? LegacySha1 { get; set; }

        [JsonPropertyName("roles")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public RolePolicy Roles { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.SignPrepare"/>.</summary>
    public sealed class SignOptions
    {
        [JsonPropertyName("at")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string At { get; set; }

        [JsonPropertyName("reason")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Reason { get; set; }

        [JsonPropertyName("location")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Location { get; set; }

        /// <summary>Certificates of the chain to embed (files).</summary>
        [JsonPropertyName("chain")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string> Chain { get; set; }

        [JsonPropertyName("pss")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? Pss { get; set; }

        /// <summary><c>sha256</c>, <c>sha384</c> or <c>sha512</c>.</summary>
        [JsonPropertyName("digest")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Digest { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.Reply"/>.</summary>
    public sealed class ReplyOptions
    {
        [JsonPropertyName("from_name")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string FromName { get; set; }

        [JsonPropertyName("description")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Description { get; set; }

        [JsonPropertyName("at")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string At { get; set; }

        /// <summary><c>national</c> (default), <c>ho-chi-minh-city</c>, <c>phu-nhuan</c>, <c>nam-dinh</c>,
        /// <c>quang-nam</c>.</summary>
        [JsonPropertyName("rules")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Rules { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.Replay"/>.</summary>
    public sealed class ReplayOptions
    {
        [JsonPropertyName("as_of")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string AsOf { get; set; }

        [JsonPropertyName("rules")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Rules { get; set; }

        /// <summary><c>morning</c> or <c>day</c>.</summary>
        [JsonPropertyName("next_day")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string NextDay { get; set; }

        /// <summary><c>midnight</c> or <c>office-hours</c>.</summary>
        [JsonPropertyName("same_day")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string SameDay { get; set; }

        [JsonPropertyName("max_documents")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public long? MaxDocuments { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.ArchiveCheck"/>.</summary>
    public sealed class ArchiveCheckOptions
    {
        /// <summary><c>csip</c>, <c>sip</c> or <c>tt05</c>.</summary>
        [JsonPropertyName("profile")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Profile { get; set; }

        [JsonPropertyName("at")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string At { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.ArchivePack"/>.</summary>
    public sealed class ArchivePackOptions
    {
        [JsonPropertyName("dip")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? Dip { get; set; }

        [JsonPropertyName("follow_links")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? FollowLinks { get; set; }
    }

    /// <summary>Options of <see cref="Vanthu.Due"/> (<see cref="WorkingDays"/> or <see cref="Rule"/> is required).</summary>
    public sealed class DueOptions
    {
        [JsonPropertyName("working_days")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? WorkingDays { get; set; }

        /// <summary><c>issue</c>, <c>acknowledge</c> or <c>not-received</c>.</summary>
        [JsonPropertyName("rule")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string Rule { get; set; }

        [JsonPropertyName("urgent")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? Urgent { get; set; }

        /// <summary><c>morning</c> or <c>day</c>.</summary>
        [JsonPropertyName("next_day")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string NextDay { get; set; }

        /// <summary><c>midnight</c> or <c>office-hours</c>.</summary>
        [JsonPropertyName("same_day")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
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
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public int? Law { get; set; }
    }
}
