package vn.vanthu;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One signature of a PDF and its validation (ETSI EN 319 102-1 style, with named checks).
 *
 * @param object the PDF object of the signature dictionary (e.g. {@code 6 0 R})
 * @param kind {@code signature} or {@code timestamp}
 * @param subFilter the signature's /SubFilter
 * @param indication {@code TOTAL_PASSED}, {@code INDETERMINATE} or {@code TOTAL_FAILED}
 * @param subIndication why, when not passed
 * @param signer the signing certificate's subject, names, UIDs, issuer and serial (when identified)
 * @param role {@code person} or {@code organization}, when told
 * @param signingTime the claimed signing time, when given
 * @param checks the named checks: {@code id}, {@code rule}, {@code outcome}, {@code message}, {@code message_vi}
 * @param raw the whole signature as vanthu returned it (unmodifiable)
 */
public record Signature(String object, String kind, Optional<String> subFilter, String indication,
        Optional<String> subIndication, Optional<Map<String, Object>> signer, Optional<String> role,
        Optional<String> signingTime, List<Map<String, Object>> checks, Map<String, Object> raw) {

    static Signature of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new Signature(Values.string(raw, "object"), Values.string(raw, "kind"),
                Values.optionalString(raw, "sub_filter"), Values.string(raw, "indication"),
                Values.optionalString(raw, "sub_indication"), Values.optionalMap(raw, "signer"),
                Values.optionalString(raw, "role"), Values.optionalString(raw, "signing_time"),
                Values.maps(raw, "checks"), raw);
    }
}
