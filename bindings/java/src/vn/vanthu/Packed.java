package vn.vanthu;

import java.util.Map;

/**
 * The archival package {@link Vanthu#archivePack} wrote.
 *
 * @param file the ZIP written
 * @param size its size in bytes
 * @param sha256 its SHA-256, in hex
 * @param objid the package's OBJID
 * @param dataFiles how many data files were packed
 * @param raw the whole result as vanthu returned it (unmodifiable)
 */
public record Packed(String file, long size, String sha256, String objid, long dataFiles,
        Map<String, Object> raw) {

    static Packed of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new Packed(Values.string(raw, "file"), Values.number(raw, "size"), Values.string(raw, "sha256"),
                Values.string(raw, "objid"), Values.number(raw, "data_files"), raw);
    }
}
