package vn.vanthu;

import java.time.temporal.Temporal;

/** The options of {@link Vanthu#archiveCheck}. */
public final class ArchiveCheckOptions extends Options {
    private ArchiveCheckOptions(Builder builder) {
        super(builder);
    }

    /** A builder with no field set (vanthu's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ArchiveCheckOptions}. */
    public static final class Builder extends Options.Builder<ArchiveCheckOptions, Builder> {
        private Builder() {}

        /** The requirements archival packages are checked against: csip, sip or tt05 (the default). */
        public Builder profile(String profile) { return set("profile", profile); }

        /** The time of the call (RFC 3339, YYYY-MM-DD, …; Vietnam time without an offset); default now. */
        public Builder at(String time) { return set("at", time); }

        /** The time of the call. */
        public Builder at(Temporal time) { return time("at", time); }

        @Override
        public ArchiveCheckOptions build() {
            return new ArchiveCheckOptions(this);
        }
    }
}
