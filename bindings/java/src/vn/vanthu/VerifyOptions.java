package vn.vanthu;

import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.Map;

/** The options of {@link Vanthu#verifyPdf}. */
public final class VerifyOptions extends Options {
    private VerifyOptions(Builder builder) {
        super(builder);
    }

    /** A builder with no field set (vanthu's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link VerifyOptions}. */
    public static final class Builder extends Options.Builder<VerifyOptions, Builder> {
        private Builder() {}

        /** The time of the call (RFC 3339, YYYY-MM-DD, …; Vietnam time without an offset); default now. */
        public Builder at(String time) { return set("at", time); }

        /** The time of the call. */
        public Builder at(Temporal time) { return time("at", time); }

        /** The PDF is an attachment in a separate file, signed by the agency alone. */
        public Builder attachment(boolean on) { return set("attachment", on); }

        /** What the PDF is: document (the default), attachment or digitised_copy. */
        public Builder form(String form) { return set("form", form); }

        /** Certificate revocation lists (DER files). */
        public Builder crls(Path... paths) { return paths("crls", paths); }

        /** OCSP responses (DER files, RFC 6960). */
        public Builder ocsps(Path... paths) { return paths("ocsps", paths); }

        /** Accept SHA-1 in signatures (legacy documents only). */
        public Builder legacySha1(boolean on) { return set("legacy_sha1", on); }

        /** How signers are told apart (the fields of a role policy: person_uids, organization_uids, …). */
        public Builder roles(Map<String, Object> policy) { return set("roles", policy); }

        @Override
        public VerifyOptions build() {
            return new VerifyOptions(this);
        }
    }
}
