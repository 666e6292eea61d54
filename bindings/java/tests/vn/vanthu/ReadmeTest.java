package vn.vanthu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example runs as written: compiled in a main, run in a folder holding what it reads. */
class ReadmeTest {
    @TempDir
    Path tmp;

    @Test
    void readmeExample() throws Exception {
        String readme = Files.readString(Support.root().resolve("bindings/java/README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md has no java block");
        String code = m.group(1);
        assertEquals(5, code.lines().filter(l -> !l.isBlank()).count(), "the example is five lines");
        Path source = tmp.resolve("Example.java");
        Files.writeString(source, "import vn.vanthu.*;\nimport java.nio.file.Path;\n"
                + "public class Example {\n    public static void main(String[] args) {\n" + code + "    }\n}\n",
                StandardCharsets.UTF_8);
        String jar = System.getProperty("vanthu.jar");
        assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "vanthu.jar is not given (-Dvanthu.jar)");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-encoding", "UTF-8", "-cp", jar, "-d", tmp.toString(), source.toString()));
        // The folder the example runs in: a received package and the trust anchor of its signers.
        Path demo = Support.demo();
        Files.createDirectories(tmp.resolve("inbox"));
        Files.createDirectories(tmp.resolve("trust"));
        Files.copy(demo.resolve("unit1/received/182-QD-LDTBXH.edxml"), tmp.resolve("inbox/182-QD-LDTBXH.edxml"));
        Files.copy(demo.resolve("pki/root.cer"), tmp.resolve("trust/root.cer"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + ":" + tmp, "Example"));
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<String> lines = out.lines().toList();
        assertEquals(List.of("Về việc ban hành Quy chế tiếp nhận, xử lý văn bản điện tử", "legal value: original", "status 03"), lines);
        assertTrue(Files.isRegularFile(tmp.resolve("reply-03.edxml")));
    }
}
