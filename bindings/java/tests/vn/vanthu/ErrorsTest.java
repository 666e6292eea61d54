package vn.vanthu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.Support.AT;
import static vn.vanthu.Support.demo;
import static vn.vanthu.Support.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is a VanthuException of its kind, with the stable code, kind, rule and location. */
class ErrorsTest {
    @TempDir
    Path tmp;

    private static <E extends VanthuException> E thrown(Class<E> type, int code, String kind, Executable call) {
        E e = assertThrows(type, call);
        assertEquals(code, e.code());
        assertEquals(kind, e.kind());
        assertFalse(e.getMessage().isEmpty());
        assertFalse(e.messageVi().isEmpty());
        return e;
    }

    @Test
    void ioAndUnreadable() throws Exception {
        Path missing = tmp.resolve("missing.edxml");
        VanthuException io = thrown(VanthuException.Io.class, 2, "io", () -> Vanthu.inspect(missing));
        assertTrue(io.getMessage().contains(missing.toString()));
        assertNotEquals(io.getMessage(), io.messageVi());
        assertTrue(io.rule().isEmpty() && io.location().isEmpty());
        Path pdf = demo().resolve("sender/182-QD-LDTBXH.signed.pdf");
        VanthuException unreadable = thrown(VanthuException.Unreadable.class, 3, "unreadable", () -> Vanthu.inspect(pdf));
        assertTrue(unreadable.getMessage().contains("PDF"));
        // Every kind is a VanthuException, unchecked.
        assertTrue(RuntimeException.class.isAssignableFrom(VanthuException.Unreadable.class));
    }

    @Test
    void refusedWithRuleAndLocation() throws Exception {
        Path doctype = tmp.resolve("doctype.edxml");
        Files.writeString(doctype, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<x/>", StandardCharsets.UTF_8);
        VanthuException e = thrown(VanthuException.Refused.class, 4, "refused", () -> Vanthu.inspect(doctype));
        assertEquals("EDXML-XML-010", e.rule().orElseThrow());
        Map<String, Object> location = e.location().orElseThrow();
        assertEquals(2L, location.get("line"));
        assertEquals(1L, location.get("column"));
    }

    @Test
    void invalidArguments() throws Exception {
        Path received = demo().resolve("unit1/received/182-QD-LDTBXH.edxml");
        List<Executable> calls = List.of(
                () -> Vanthu.lunar("2025-13-01"),
                () -> Vanthu.calendar(1800),
                () -> Vanthu.due("yesterday", DueOptions.builder().workingDays(3).build()),
                () -> Vanthu.due("2025-04-28T10:00:00+07:00", DueOptions.builder().rule("whenever").build()),
                () -> new Office("not an agency id").close(),
                () -> Vanthu.check(sample("status.edxml"), CheckOptions.builder().at("not a time").build()),
                () -> Vanthu.reply(received, "99", "000.01.15.H47", tmp.resolve("out.edxml"),
                        ReplyOptions.builder().at(AT).build()),
                () -> Vanthu.reply(received, "03", "no such agency", tmp.resolve("out.edxml"),
                        ReplyOptions.builder().at(AT).build()));
        for (Executable call : calls) {
            thrown(VanthuException.InvalidArgument.class, 1, "invalid_argument", call);
        }
        assertFalse(Files.exists(tmp.resolve("out.edxml")));
    }

    @Test
    void trustNothingToCheckNoSuchDateUnknownEncoding() throws Exception {
        Path bad = tmp.resolve("bad.cer");
        Files.writeString(bad, "not a certificate");
        Path pdf = demo().resolve("sender/182-QD-LDTBXH.signed.pdf");
        thrown(VanthuException.Trust.class, 5, "trust",
                () -> Vanthu.verifyPdf(pdf, bad, VerifyOptions.builder().at(AT).build()));
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "nothing here");
        thrown(VanthuException.NothingToCheck.class, 6, "nothing_to_check",
                () -> Vanthu.check(empty, CheckOptions.builder().at(AT).build()));
        thrown(VanthuException.NoSuchDate.class, 7, "no_such_date", () -> Vanthu.lunarToSolar("30/2/2025", false));
        byte[] noise = new byte[64];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (0x80 + (i * 37) % 0x7f);
        }
        thrown(VanthuException.UnknownEncoding.class, 8, "unknown_encoding", () -> Vanthu.textFix(noise));
    }

    @Test
    void signing() throws Exception {
        Path demo = demo();
        Path pdf = demo.resolve("sender/182-QD-LDTBXH.signed.pdf");
        Map<String, Object> prepared = Vanthu.signPrepare(pdf, demo.resolve("pki/agency.cer"),
                SignOptions.builder().at(AT).build());
        // A signature value that does not verify with the certificate's key: nothing is written.
        thrown(VanthuException.Signing.class, 9, "signing",
                () -> Vanthu.signFinish(prepared, new byte[] {1, 2, 3}, tmp.resolve("never.pdf")));
        assertFalse(Files.exists(tmp.resolve("never.pdf")));
    }

    @Test
    void unreadableFileInCheckIsAReport() throws Exception {
        Path junk = tmp.resolve("junk.edxml");
        Files.writeString(junk, "<?xml version='1.0'?><edXMLEnvelope");
        FileReport report = Vanthu.check(junk, CheckOptions.builder().at(AT).build()).get(0);
        assertFalse(report.conformant());
        assertTrue(((String) report.error().orElseThrow().get("code")).startsWith("EDXML-E-"));
    }

    @Test
    void unknownOptionIsInvalidArgument() {
        // An option the facade does not know (only possible through a hand-made Options) is refused.
        Options odd = new Options(CheckOptions.builder().set("colour", "blue")) {};
        VanthuException e = assertThrows(VanthuException.InvalidArgument.class,
                () -> Native.call("check", new String[] {sample("status.edxml").toString()}, null, Options.json(odd)));
        assertTrue(e.getMessage().contains("colour"));
    }
}
