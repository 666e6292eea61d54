package vn.vanthu;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The edXML package {@link Vanthu#write} wrote (what {@code vanthu write --json} prints).
 *
 * @param file the path written
 * @param size its size in bytes
 * @param sha256 its SHA-256, in hex
 * @param kind {@code document} or {@code status}
 * @param documentId the document id of the package, or of the document a status package answers, when the model has one
 * @param attachments each attachment written, in order: {@code content_id}, {@code size} and {@code sha256} of the file it was read from
 * @param raw the whole result as vanthu returned it (unmodifiable)
 */
public record PackageWritten(String file, long size, String sha256, String kind, Optional<String> documentId,
        List<Map<String, Object>> attachments, Map<String, Object> raw) {

    static PackageWritten of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new PackageWritten(Values.string(raw, "file"), Values.number(raw, "size"), Values.string(raw, "sha256"),
                Values.string(raw, "kind"), Values.optionalString(raw, "document_id"), Values.maps(raw, "attachments"), raw);
    }
}
