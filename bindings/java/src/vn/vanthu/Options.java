package vn.vanthu;

import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional arguments of a call: immutable, made by the builder of each subclass, with the field
 * names of docs/bindings.md (snake_case in {@link #fields()}, camelCase in the builders). A field left
 * out is vanthu's default; a time left out is now.
 */
public abstract class Options {
    private final Map<String, Object> fields;

    Options(Builder<?, ?> builder) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.fields));
    }

    /** The fields given, by their names in docs/bindings.md. */
    public final Map<String, Object> fields() {
        return fields;
    }

    /** The fields as the JSON object the native side reads. */
    final String json() {
        return Json.write(fields);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + json();
    }

    /** The JSON of {@code options}, or null for the defaults. */
    static String json(Options options) {
        return options == null ? null : options.json();
    }

    /**
     * What the builders share.
     *
     * @param <O> the options built
     * @param <B> the builder itself
     */
    public abstract static class Builder<O extends Options, B extends Builder<O, B>> {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Builder() {}

        @SuppressWarnings("unchecked")
        final B set(String name, Object value) {
            if (value == null) {
                fields.remove(name);
            } else {
                fields.put(name, value);
            }
            return (B) this;
        }

        final B paths(String name, Path... paths) {
            List<String> list = new ArrayList<>();
            for (Path p : paths) {
                list.add(p.toString());
            }
            return set(name, list);
        }

        final B time(String name, Temporal time) {
            return set(name, time == null ? null : Values.time(time));
        }

        /** The options. */
        public abstract O build();
    }
}
