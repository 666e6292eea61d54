package vn.vanthu;

/** The options of {@link Vanthu#archivePack}. */
public final class PackOptions extends Options {
    private PackOptions(Builder builder) {
        super(builder);
    }

    /** A builder with no field set (vanthu's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PackOptions}. */
    public static final class Builder extends Options.Builder<PackOptions, Builder> {
        private Builder() {}

        /** Write the record's dissemination package (DIP) instead. */
        public Builder dip(boolean on) { return set("dip", on); }

        /** Pack the target of a data file that is a symbolic link (else refused). */
        public Builder followLinks(boolean on) { return set("follow_links", on); }

        @Override
        public PackOptions build() {
            return new PackOptions(this);
        }
    }
}
