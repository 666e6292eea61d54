package vn.vanthu;

import java.time.temporal.Temporal;

/** The options of {@link Vanthu#reply}. */
public final class ReplyOptions extends Options {
    private ReplyOptions(Builder builder) {
        super(builder);
    }

    /** A builder with no field set (vanthu's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReplyOptions}. */
    public static final class Builder extends Options.Builder<ReplyOptions, Builder> {
        private Builder() {}

        /** The answering organisation's name (default: the name the package gives it). */
        public Builder fromName(String name) { return set("from_name", name); }

        /** The description (default: the usual text of the status code). */
        public Builder description(String text) { return set("description", text); }

        /** The time of the call (RFC 3339, YYYY-MM-DD, …; Vietnam time without an offset); default now. */
        public Builder at(String time) { return set("at", time); }

        /** The time of the call. */
        public Builder at(Temporal time) { return time("at", time); }

        /** The rules the answering agency works under: national (default), ho-chi-minh-city, … */
        public Builder rules(String rules) { return set("rules", rules); }

        @Override
        public ReplyOptions build() {
            return new ReplyOptions(this);
        }
    }
}
