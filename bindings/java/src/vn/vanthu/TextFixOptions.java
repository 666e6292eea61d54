package vn.vanthu;

/** The options of {@link Vanthu#textFix}. */
public final class TextFixOptions extends Options {
    private TextFixOptions(Builder builder) {
        super(builder);
    }

    /** A builder with no field set (vanthu's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TextFixOptions}. */
    public static final class Builder extends Options.Builder<TextFixOptions, Builder> {
        private Builder() {}

        /** The encoding of the input: auto (the default), tcvn3 or vni. */
        public Builder from(String encoding) { return set("from", encoding); }

        /** The TCVN3 text was set in a capital font: decode every letter as a capital. */
        public Builder capitals(boolean on) { return set("capitals", on); }

        /** Keep the case of TCVN3 headings typed in capitals as decoded. */
        public Builder keepCase(boolean on) { return set("keep_case", on); }

        @Override
        public TextFixOptions build() {
            return new TextFixOptions(this);
        }
    }
}
