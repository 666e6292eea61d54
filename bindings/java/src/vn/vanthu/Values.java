package vn.vanthu;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reading the native values (maps, lists, strings, longs, booleans) into records, and times into text. */
final class Values {
    private Values() {}

    /** {@code value} made unmodifiable all the way down, key order kept. */
    static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            return frozenMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(frozen(item));
            }
            return Collections.unmodifiableList(out);
        }
        return value;
    }

    static Map<String, Object> frozenMap(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.put((String) e.getKey(), frozen(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw unexpected("an object", value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (!(value instanceof List)) {
            throw unexpected("an array", value);
        }
        return (List<Object>) value;
    }

    static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw unexpected("a string at " + key, v);
        }
        return s;
    }

    static Optional<String> optionalString(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? Optional.empty() : Optional.of(string(m, key));
    }

    static long number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Long n)) {
            throw unexpected("an integer at " + key, v);
        }
        return n;
    }

    static boolean bool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Boolean b)) {
            throw unexpected("a boolean at " + key, v);
        }
        return b;
    }

    static Optional<Map<String, Object>> optionalMap(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? Optional.empty() : Optional.of(map(v));
    }

    /** The list at {@code key} (empty when absent), each element read by {@code read}. */
    static <T> List<T> listOf(Map<String, Object> m, String key, Function<Map<String, Object>, T> read) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (Object item : list(v)) {
            out.add(read.apply(map(item)));
        }
        return Collections.unmodifiableList(out);
    }

    /** The list of objects at {@code key} as maps (empty when absent). */
    static List<Map<String, Object>> maps(Map<String, Object> m, String key) {
        return listOf(m, key, x -> x);
    }

    private static IllegalStateException unexpected(String what, Object value) {
        return new IllegalStateException("vanthu returned " + (value == null ? "null" : value.getClass().getSimpleName())
                + " where " + what + " was expected (a bug in vanthu, please report it)");
    }

    /**
     * A time or date as text that vanthu reads: RFC 3339 with seconds for an instant, an offset or
     * zoned date-time; {@code YYYY-MM-DDTHH:MM:SS} (Vietnam time) for a local date-time;
     * {@code YYYY-MM-DD} for a date.
     */
    static String time(Temporal t) {
        if (t instanceof OffsetDateTime o) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o);
        }
        if (t instanceof ZonedDateTime z) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(z);
        }
        if (t instanceof Instant i) {
            return DateTimeFormatter.ISO_INSTANT.format(i);
        }
        if (t instanceof LocalDateTime l) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(l);
        }
        if (t instanceof LocalDate d) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(d);
        }
        throw new IllegalArgumentException("a time must be an OffsetDateTime, ZonedDateTime, Instant, "
                + "LocalDateTime or LocalDate, not " + t.getClass().getSimpleName());
    }
}
