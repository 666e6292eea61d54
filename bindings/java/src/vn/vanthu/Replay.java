package vn.vanthu;

import java.util.List;
import java.util.Map;

/**
 * What {@link Vanthu#replay} found in a workflow event log (what {@code vanthu replay --json} prints).
 *
 * @param conformant whether no event was refused and no deadline missed
 * @param findings every refused event and missed deadline
 * @param asOf the instant deadlines were judged at
 * @param state the final state of the office (accounts, registers, documents), as {@link Office#snapshot()} gives it
 * @param missedDeadlines the deadlines missed
 * @param pendingDeadlines the deadlines still running
 * @param raw the whole result as vanthu returned it (unmodifiable)
 */
public record Replay(boolean conformant, List<Finding> findings, String asOf, Map<String, Object> state,
        List<Map<String, Object>> missedDeadlines, List<Map<String, Object>> pendingDeadlines,
        Map<String, Object> raw) {

    static Replay of(Map<String, Object> m) {
        Map<String, Object> raw = Values.frozenMap(m);
        return new Replay(Values.bool(raw, "conformant"), Values.listOf(raw, "findings", Finding::of),
                Values.string(raw, "as_of"), Values.map(raw.get("state")), Values.maps(raw, "missed_deadlines"),
                Values.maps(raw, "pending_deadlines"), raw);
    }
}
