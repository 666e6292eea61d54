package vn.vanthu;

/** The options of {@link Vanthu#extract}. */
public final class ExtractOptions extends Options {
    private ExtractOptions(Builder builder) {
        super(builder);
    }

    /** A builder with no field set (vanthu's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ExtractOptions}. */
    public static final class Builder extends Options.Builder<ExtractOptions, Builder> {
        private Builder() {}

        /** Unwrap single-entry ZIP wrappers, restoring the name from AttachmentName. */
        public Builder unzip(boolean on) { return set("unzip", on); }

        /** The most bytes written in total (default 4 GiB): beyond it nothing is left written. */
        public Builder maxBytes(long bytes) { return set("max_bytes", bytes); }

        @Override
        public ExtractOptions build() {
            return new ExtractOptions(this);
        }
    }
}
