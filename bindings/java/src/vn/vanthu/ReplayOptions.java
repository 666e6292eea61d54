package vn.vanthu;

import java.time.temporal.Temporal;

/** The options of {@link Vanthu#replay}. */
public final class ReplayOptions extends Options {
    private ReplayOptions(Builder builder) {
        super(builder);
    }

    /** A builder with no field set (vanthu's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReplayOptions}. */
    public static final class Builder extends Options.Builder<ReplayOptions, Builder> {
        private Builder() {}

        /** Judge deadlines at this instant instead of the last event's. */
        public Builder asOf(String time) { return set("as_of", time); }

        /** Judge deadlines at this instant. */
        public Builder asOf(Temporal time) { return time("as_of", time); }

        /** Judge the log under these rules instead of the policy it carries. */
        public Builder rules(String rules) { return set("rules", rules); }

        /** Where "the next working day" of the issue rule ends: morning or day. */
        public Builder nextDay(String bound) { return set("next_day", bound); }

        /** Where "the same day" of the acknowledge rule ends: midnight or office-hours. */
        public Builder sameDay(String bound) { return set("same_day", bound); }

        /** The most documents the replay holds (default 100,000). */
        public Builder maxDocuments(long n) { return set("max_documents", n); }

        @Override
        public ReplayOptions build() {
            return new ReplayOptions(this);
        }
    }
}
