package vn.vanthu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tests share: the repository, the CLI they compare with ({@code vanthu.cli}), the real
 * packages of the fixtures folder beside the repository, and a {@code vanthu demo} folder. A missing
 * CLI or fixtures folder fails the tests: a test that cannot compare must not pass.
 */
final class Support {
    /** The instant the comparisons are made at: the demo's documents are valid then. */
    static final String AT = "2025-06-03T09:00:00+07:00";

    private static Path demo;

    private Support() {}

    static Path root() {
        return Path.of(System.getProperty("vanthu.root", "."));
    }

    static Path cli() {
        Path cli = Path.of(System.getProperty("vanthu.cli", root().resolve("target/debug/vanthu").toString()));
        if (!Files.isExecutable(cli)) {
            fail("the vanthu CLI is not built at " + cli + " (test.sh builds it)");
        }
        return cli;
    }

    static Path fixtures() {
        Path fixtures = root().toAbsolutePath().getParent().resolve("shared").resolve("fixtures");
        if (!Files.isDirectory(fixtures.resolve("vpcp-samples"))) {
            fail("the real packages are not at " + fixtures + " (the fixtures folder beside the repository)");
        }
        return fixtures;
    }

    static Path sample(String name) {
        return fixtures().resolve("vpcp-samples").resolve(name);
    }

    /** The output of {@code vanthu demo}: packages, signed PDFs, the test PKI, event logs, a SIP. */
    static synchronized Path demo() throws IOException, InterruptedException {
        if (demo == null) {
            Path out = Files.createTempDirectory("vanthu-java-demo").resolve("demo");
            Process p = new ProcessBuilder(cli().toString(), "demo", "--out", out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, p.waitFor(), "vanthu demo failed");
            demo = out;
        }
        return demo;
    }

    /** Runs the CLI; its standard output. Fails unless it exits with one of {@code codes}. */
    static String cliOutput(List<String> args, int... codes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(cli().toString());
        command.addAll(args);
        Path out = Files.createTempFile("vanthu-cli", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        boolean expected = codes.length == 0 ? code == 0 || code == 1 : false;
        for (int c : codes) {
            expected |= c == code;
        }
        if (!expected) {
            fail("vanthu " + String.join(" ", args) + " exited " + code);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return text;
    }

    /**
     * Asserts that {@code ours} (what the Java API returned, written back to JSON as the harness driver
     * writes it) is the JSON value the CLI prints for {@code args} with {@code --json}, compared whole by
     * Python's json module (the Java side has no JSON parser).
     */
    static void assertSameAsCli(Object ours, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        command.add("--json");
        assertSameJson(cliOutput(command), Json.write(HarnessDriver.encode(ours)), String.join(" ", args));
    }

    /** Asserts that two JSON texts hold the same value. */
    static void assertSameJson(String theirs, String ours, String what) throws Exception {
        Path a = Files.createTempFile("vanthu-theirs", ".json");
        Path b = Files.createTempFile("vanthu-ours", ".json");
        Files.writeString(a, theirs, StandardCharsets.UTF_8);
        Files.writeString(b, ours, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("python3", "-c",
                "import json, sys\n"
                        + "a = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                        + "b = json.load(open(sys.argv[2], encoding='utf-8'))\n"
                        + "sys.exit(0 if a == b else 1)",
                a.toString(), b.toString()).inheritIO().start();
        int code = p.waitFor();
        if (code != 0) {
            fail(what + ": the Java value differs from the CLI's\nCLI:  " + abbreviate(theirs) + "\nJava: " + abbreviate(ours));
        }
        Files.delete(a);
        Files.delete(b);
    }

    private static String abbreviate(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }
}
