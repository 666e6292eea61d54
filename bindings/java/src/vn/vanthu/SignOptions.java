package vn.vanthu;

import java.nio.file.Path;
import java.time.temporal.Temporal;

/** The options of {@link Vanthu#signPrepare}. */
public final class SignOptions extends Options {
    private SignOptions(Builder builder) {
        super(builder);
    }

    /** A builder with no field set (vanthu's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SignOptions}. */
    public static final class Builder extends Options.Builder<SignOptions, Builder> {
        private Builder() {}

        /** The time of the call (RFC 3339, YYYY-MM-DD, …; Vietnam time without an offset); default now. */
        public Builder at(String time) { return set("at", time); }

        /** The time of the call. */
        public Builder at(Temporal time) { return time("at", time); }

        /** The /Reason of the signature. */
        public Builder reason(String reason) { return set("reason", reason); }

        /** The /Location of the signature. */
        public Builder location(String location) { return set("location", location); }

        /** Certificates to embed after the signer's (intermediates). */
        public Builder chain(Path... paths) { return paths("chain", paths); }

        /** Sign with RSASSA-PSS (RSA keys) instead of PKCS #1 v1.5. */
        public Builder pss(boolean on) { return set("pss", on); }

        /** The digest: sha256, sha384 or sha512. */
        public Builder digest(String digest) { return set("digest", digest); }

        @Override
        public SignOptions build() {
            return new SignOptions(this);
        }
    }
}
