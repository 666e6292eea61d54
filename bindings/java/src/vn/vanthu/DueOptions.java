package vn.vanthu;

/** The options of {@link Vanthu#due}. */
public final class DueOptions extends Options {
    private DueOptions(Builder builder) {
        super(builder);
    }

    /** A builder with no field set (vanthu's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DueOptions}. */
    public static final class Builder extends Options.Builder<DueOptions, Builder> {
        private Builder() {}

        /** The deadline after N working days (default 4). */
        public Builder workingDays(int days) { return set("working_days", days); }

        /** A deadline rule instead of a number of days: issue, acknowledge or not-received. */
        public Builder rule(String rule) { return set("rule", rule); }

        /** The document is urgent (issue and acknowledge rules: within 2 hours). */
        public Builder urgent(boolean on) { return set("urgent", on); }

        /** Where "the next working day" of the issue rule ends: morning or day. */
        public Builder nextDay(String bound) { return set("next_day", bound); }

        /** Where "the same day" of the acknowledge rule ends: midnight or office-hours. */
        public Builder sameDay(String bound) { return set("same_day", bound); }

        @Override
        public DueOptions build() {
            return new DueOptions(this);
        }
    }
}
