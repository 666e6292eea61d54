package vn.vanthu;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of one checked file (one element of {@code vanthu check --json}).
 *
 * @param file the file, as given or found in the folder
 * @param format {@code edxml}, {@code pdf}, {@code sip} or {@code unknown}
 * @param kind what the file is within its format ({@code document}, {@code status}, {@code pdf}, {@code SIP_hoso}, …), when known
 * @param conformant whether the file meets every rule it was checked against
 * @param findings the findings, in a stable order
 * @param error why the file could not be read ({@code code}, {@code message}, {@code location}), when it could not
 * @param raw the whole report as vanthu returned it (unmodifiable): the format's own fields
 *     ({@code attachments}, {@code legal_value}, {@code signatures}, {@code objid}, …) are there
 */
public record FileReport(String file, String format, Optional<String> kind, boolean conformant,
        List<Finding> findings, Optional<Map<String, Object>> error, Map<String, Object> raw) {

    static FileReport of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new FileReport(Values.string(raw, "file"), Values.string(raw, "format"),
                Values.optionalString(raw, "kind"), Values.bool(raw, "conformant"),
                Values.listOf(raw, "findings", Finding::of), Values.optionalMap(raw, "error"), raw);
    }
}
