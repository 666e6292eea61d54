package vn.vanthu;

import java.util.Map;

/**
 * One finding: a rule that a readable input does not meet, or a note about it.
 *
 * @param rule the stable rule id (e.g. {@code EDXML-HDR-003}), as listed by {@link Vanthu#rules()}
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param message the message in English
 * @param messageVi the message in Vietnamese
 * @param location where in the input ({@code offset}, {@code line}, {@code column}, {@code path}; null when unknown)
 * @param source the legal text or standard the rule comes from
 * @param raw the whole finding as vanthu returned it (unmodifiable)
 */
public record Finding(String rule, String severity, String message, String messageVi,
        Map<String, Object> location, String source, Map<String, Object> raw) {

    static Finding of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new Finding(Values.string(raw, "rule"), Values.string(raw, "severity"),
                Values.string(raw, "message"), Values.string(raw, "message_vi"),
                Values.optionalMap(raw, "location").orElse(null), Values.string(raw, "source"), raw);
    }
}
