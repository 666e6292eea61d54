package vn.vanthu;

import java.util.Map;

/**
 * The status package {@link Vanthu#reply} wrote.
 *
 * @param file the path written
 * @param size its size in bytes
 * @param sha256 its SHA-256, in hex
 * @param status the status package as {@link Vanthu#inspect} reads it back ({@code status_code},
 *     {@code description}, {@code timestamp}, {@code from}, {@code response_for}, …)
 * @param raw the whole result as vanthu returned it (unmodifiable)
 */
public record ReplyWritten(String file, long size, String sha256, Map<String, Object> status,
        Map<String, Object> raw) {

    static ReplyWritten of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new ReplyWritten(Values.string(raw, "file"), Values.number(raw, "size"),
                Values.string(raw, "sha256"), Values.map(raw.get("status")), raw);
    }

    /** The status code written (e.g. {@code 03}). */
    public String statusCode() {
        return Values.string(status, "status_code");
    }
}
