package vn.vanthu;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Vanthu#archiveCheck} found in an archival package (what {@code vanthu archive check --json} prints).
 *
 * @param conformant whether the package meets every rule of its profile
 * @param kind the package's kind ({@code SIP_hoso}, {@code SIP_tailieu}, {@code AIP_hoso}, {@code DIP}), when read
 * @param objid the package's OBJID, when read
 * @param filesChecked how many files were checked
 * @param bytesChecked how many bytes were checked
 * @param findings the findings
 * @param raw the whole result as vanthu returned it (unmodifiable)
 */
public record ArchiveReport(boolean conformant, Optional<String> kind, Optional<String> objid, long filesChecked,
        long bytesChecked, List<Finding> findings, Map<String, Object> raw) {

    static ArchiveReport of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new ArchiveReport(Values.bool(raw, "conformant"), Values.optionalString(raw, "kind"),
                Values.optionalString(raw, "objid"), Values.number(raw, "files_checked"),
                Values.number(raw, "bytes_checked"), Values.listOf(raw, "findings", Finding::of), raw);
    }
}
