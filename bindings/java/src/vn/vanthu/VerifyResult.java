package vn.vanthu;

import java.util.List;
import java.util.Map;

/**
 * What {@link Vanthu#verifyPdf} found (what {@code vanthu verify --json} prints).
 *
 * @param form what the PDF was verified as: {@code document}, {@code attachment} or {@code digitised_copy}
 * @param legalValue {@code original}, {@code reference_only}, {@code invalid}, … (Nghị định 30/2020/NĐ-CP)
 * @param signatures every signature, in the order of the file
 * @param findings the findings about the document as a whole
 * @param raw the whole result as vanthu returned it (unmodifiable)
 */
public record VerifyResult(String form, String legalValue, List<Signature> signatures, List<Finding> findings,
        Map<String, Object> raw) {

    static VerifyResult of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new VerifyResult(Values.string(raw, "form"), Values.string(raw, "legal_value"),
                Values.listOf(raw, "signatures", Signature::of), Values.listOf(raw, "findings", Finding::of), raw);
    }

    /** Whether the PDF has the legal value of an original. */
    public boolean isOriginal() {
        return "original".equals(legalValue);
    }
}
