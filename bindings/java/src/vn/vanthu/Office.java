package vn.vanthu;

import java.lang.ref.Cleaner;
import java.util.List;
import java.util.Map;

/**
 * One agency's office, driven event by event: the state a document-management system holds, every
 * event checked against the workflow's rules before it is applied. Close it when done (it is
 * {@link AutoCloseable}; an office never closed is freed once it is garbage collected); an office may
 * be shared between threads (its calls are serialised).
 *
 * <pre>{@code
 * try (Office office = new Office("000.01.15.H47")) {
 *     List<Map<String, Object>> effects = office.apply(event);
 *     Map<String, Object> state = office.snapshot();
 * }
 * }</pre>
 */
public final class Office implements AutoCloseable {
    /** Frees the offices that were never closed once they are unreachable. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final long handle;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    /** The empty office of the agency {@code agency} (its agency id), under the national rules. */
    public Office(String agency) {
        this(agency, null);
    }

    /**
     * The empty office of the agency {@code agency}, under the rules {@code rules} ({@code national},
     * {@code ho-chi-minh-city}, {@code phu-nhuan}, {@code nam-dinh} or {@code quang-nam}; null for national).
     *
     * @throws VanthuException.InvalidArgument for an invalid agency id or unknown rules
     */
    public Office(String agency, String rules) {
        this.handle = Native.officeNew(agency, rules);
        this.cleanable = CLEANER.register(this, new Free(handle));
    }

    /** Frees the native office (holds the handle, not the Office, so that the Office can be collected). */
    private record Free(long handle) implements Runnable {
        @Override
        public void run() {
            Native.officeFree(handle);
        }
    }

    /**
     * Applies one event of the log's schema, as JSON text ({@code {"at": …, "type": …, …}}): the effects,
     * what the system must do next. A refused event leaves the office unchanged.
     *
     * @throws VanthuException.InvalidArgument when it is not an event of the schema
     * @throws VanthuException.Refused when the rules forbid it ({@link VanthuException#rule()} names which)
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> apply(String event) {
        return (List<Map<String, Object>>) Native.officeApply(handle, event);
    }

    /** {@link #apply(String)} of an event given as a map (written as JSON). */
    public List<Map<String, Object>> apply(Map<String, ?> event) {
        return apply(Json.write(event));
    }

    /** The office's state (the {@code state} of {@code vanthu replay --json}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> snapshot() {
        return (Map<String, Object>) Native.officeSnapshot(handle);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Frees the office; calling it again does nothing, and any other call then throws InvalidArgument. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cleanable.clean();
        }
    }
}
