package vn.vanthu;

/** The native methods (bindings/java/native): each result is JSON converted to Java objects natively. */
final class Native {
    static {
        NativeLibrary.load();
    }

    private Native() {}

    /**
     * Runs the function {@code function} of vanthu's facade (its snake_case name of docs/bindings.md)
     * with its positional arguments, bytes and options (JSON of the fields of docs/bindings.md).
     */
    static native Object call(String function, String[] args, byte[] bytes, String options);

    static native long officeNew(String agency, String rules);

    static native Object officeApply(long handle, String event);

    static native Object officeSnapshot(long handle);

    static native void officeFree(long handle);
}
