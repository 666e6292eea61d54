package vn.vanthu;

import java.util.Map;

/**
 * A file vanthu wrote ({@link Vanthu#normalize}, {@link Vanthu#signFinish}).
 *
 * @param file the path written
 * @param size its size in bytes
 * @param sha256 its SHA-256, in hex
 * @param raw the whole result as vanthu returned it (unmodifiable)
 */
public record Written(String file, long size, String sha256, Map<String, Object> raw) {

    static Written of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new Written(Values.string(raw, "file"), Values.number(raw, "size"), Values.string(raw, "sha256"), raw);
    }
}
