package vn.vanthu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** The office handle: events applied, refused with their rule, closed once, shared between threads. */
class OfficeTest {
    private static Map<String, Object> actor(String id, String at) {
        return Map.of("at", at, "type", "actor_added",
                "actor", Map.of("id", id, "name", "Văn Thư " + id, "roles", List.of("clerk")));
    }

    @Test
    void eventsAreAppliedAndRefused() {
        try (Office office = new Office("000.00.15.H47")) {
            assertEquals("000.00.15.H47", office.snapshot().get("agency"));
            assertTrue(office.apply(actor("clerk", "2025-03-03T07:00:00+07:00")).isEmpty());
            @SuppressWarnings("unchecked")
            Map<String, Object> actors = (Map<String, Object>) ((Map<String, Object>) office.snapshot().get("directory")).get("actors");
            assertTrue(actors.containsKey("clerk"));
            Map<String, Object> before = office.snapshot();
            VanthuException.Refused refused = assertThrows(VanthuException.Refused.class, () -> office.apply(
                    "{\"at\": \"2025-03-03T08:00:00+07:00\", \"type\": \"actor_disabled\", \"actor\": \"nobody\"}"));
            assertEquals(4, refused.code());
            assertTrue(refused.messageVi().contains(refused.rule().orElseThrow()));
            assertEquals(before, office.snapshot());
            assertThrows(VanthuException.InvalidArgument.class, () -> office.apply("{not json"));
        }
    }

    @Test
    void closedOnceAndNotUsedAfter() {
        Office office = new Office("000.00.15.H47", "national");
        office.close();
        office.close();
        assertTrue(office.isClosed());
        VanthuException e = assertThrows(VanthuException.InvalidArgument.class, office::snapshot);
        assertEquals(1, e.code());
        assertThrows(VanthuException.InvalidArgument.class, () -> new Office("000.00.15.H47", "no-such-rules"));
    }

    @Test
    void sharedBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Office office = new Office("000.00.15.H47")) {
            List<Future<List<Map<String, Object>>>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "clerk" + i;
                done.add(pool.submit(() -> office.apply(actor(id, "2025-03-03T07:00:00+07:00"))));
            }
            for (Future<List<Map<String, Object>>> f : done) {
                assertTrue(f.get().isEmpty());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> actors = (Map<String, Object>) ((Map<String, Object>) office.snapshot().get("directory")).get("actors");
            assertEquals(40, actors.size());
        } finally {
            pool.shutdown();
        }
    }
}
