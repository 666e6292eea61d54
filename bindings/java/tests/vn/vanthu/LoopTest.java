package vn.vanthu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.Support.AT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Nothing leaks or crashes over many calls: {@code VANTHU_LOOP_CALLS} calls (3000 by default; the bench,
 * benches/bindings.sh, runs 10,000) alternating a package read and checked, a bad input caught as its
 * exception, and an office opened, used and closed. Resident memory (VmRSS) may grow by at most 16 MiB
 * over the second half of the calls. test.sh runs this test in a JVM of its own whose heap is fixed and touched
 * at start ({@code -Xms = -Xmx}, {@code -XX:+AlwaysPreTouch}), so that the heap growing is not taken for a leak;
 * and the JVM compiles hot code during the first thousands of calls (its code cache grows by several MiB), so
 * the measure starts at the half rather than at the tenth as in the other bindings.
 */
class LoopTest {
    static long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no VmRSS in /proc/self/status");
    }

    @Test
    void loop() throws Exception {
        String configured = System.getenv("VANTHU_LOOP_CALLS");
        // 3000 by default rather than 1000: the JVM settles (heap, compiled code) over the first thousands.
        int calls = configured == null || configured.isEmpty() ? 3000 : Integer.parseInt(configured);
        Path packagePath = Support.sample("status_acceptance_03.edxml");
        Path notAPackage = Support.fixtures().resolve("README.md");
        CheckOptions options = CheckOptions.builder().at(AT).build();
        long start = System.nanoTime();
        long warm = 0;
        for (int i = 0; i < calls; i++) {
            if (i == calls / 2) {
                System.gc();
                warm = rssKib();
            }
            switch (i % 3) {
                case 0 -> {
                    assertEquals("status", Vanthu.inspect(packagePath).get("kind"));
                    assertEquals("edxml", Vanthu.check(packagePath, options).get(0).format());
                }
                case 1 -> {
                    VanthuException e = assertThrows(VanthuException.Unreadable.class, () -> Vanthu.inspect(notAPackage));
                    assertEquals(3, e.code());
                }
                default -> {
                    try (Office office = new Office("000.00.15.H47")) {
                        assertEquals("000.00.15.H47", office.snapshot().get("agency"));
                    }
                }
            }
        }
        System.gc();
        long end = rssKib();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("loop java: %d calls in %.2f s, rss %d KiB -> %d KiB%n", calls, seconds, warm, end);
        assertTrue(end - warm <= 16 * 1024, "resident memory grew from " + warm + " KiB to " + end + " KiB");
    }
}
