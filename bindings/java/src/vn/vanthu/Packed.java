package vn.vanthu;

import java.util.List;
import java.util.Map;

/**
 * The archival package {@link Vanthu#archivePack} wrote.
 *
 * @param file the ZIP written
 * @param size its size in bytes
 * @param sha256 its SHA-256, in hex
 * @param objid the package's OBJID
 * @param dataFiles the data files packed
 * @param raw the whole result as vanthu returned it (unmodifiable)
 */
public record Packed(String file, long size, String sha256, String objid, List<Object> dataFiles,
        Map<String, Object> raw) {

    static Packed of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new Packed(Values.string(raw, "file"), Values.number(raw, "size"), Values.string(raw, "sha256"),
                Values.string(raw, "objid"), Values.list(raw.get("data_files")), raw);
    }
}
