package vn.vanthu;

import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.Map;

/** The options of {@link Vanthu#check} and {@link Vanthu#checkBytes}. */
public final class CheckOptions extends Options {
    private CheckOptions(Builder builder) {
        super(builder);
    }

    /** A builder with no field set (vanthu's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CheckOptions}. */
    public static final class Builder extends Options.Builder<CheckOptions, Builder> {
        private Builder() {}

        /** Trust anchors: certificate files (PEM or DER) or folders of them. */
        public Builder trust(Path... paths) { return paths("trust", paths); }

        /** Certificate revocation lists (DER files). */
        public Builder crls(Path... paths) { return paths("crls", paths); }

        /** OCSP responses (DER files, RFC 6960). */
        public Builder ocsps(Path... paths) { return paths("ocsps", paths); }

        /** Accept SHA-1 in signatures (legacy documents only). */
        public Builder legacySha1(boolean on) { return set("legacy_sha1", on); }

        /** How signers are told apart (the fields of a role policy: person_uids, organization_uids, …). */
        public Builder roles(Map<String, Object> policy) { return set("roles", policy); }

        /** The time of the call (RFC 3339, YYYY-MM-DD, …; Vietnam time without an offset); default now. */
        public Builder at(String time) { return set("at", time); }

        /** The time of the call. */
        public Builder at(Temporal time) { return time("at", time); }

        /** Sender profile: every deviation from the reference form is an error. */
        public Builder strict(boolean on) { return set("strict", on); }

        /** The requirements archival packages are checked against: csip, sip or tt05 (the default). */
        public Builder profile(String profile) { return set("profile", profile); }

        /** How many files to check at once: 0 (the default) for one per core. */
        public Builder jobs(int jobs) { return set("jobs", jobs); }

        @Override
        public CheckOptions build() {
            return new CheckOptions(this);
        }
    }
}
