package vn.vanthu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.Support.AT;
import static vn.vanthu.Support.assertSameAsCli;
import static vn.vanthu.Support.demo;
import static vn.vanthu.Support.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call of the Java API, compared with the CLI's --json where the CLI has the same command. */
class CallsTest {
    @TempDir
    Path tmp;

    @Test
    void theNativeLibraryIsLoadedFromWhereExpected() {
        // test.sh runs the tests with nothing on java.library.path (the jar's copy is loaded), then
        // this class again with the library on java.library.path (-Dvanthu.library=java.library.path).
        String expected = System.getProperty("vanthu.library", "jar:native/linux-x86_64/libvanthu_java.so");
        assertEquals(expected, Vanthu.nativeLibrary());
    }

    @Test
    void callsFromManyThreadsAtOnce() throws Exception {
        Path real = sample("edoc_new.edxml");
        CheckOptions options = CheckOptions.builder().at(AT).build();
        List<FileReport> expected = Vanthu.check(real, options);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<FileReport>>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                done.add(pool.submit(() -> Vanthu.check(real, options)));
            }
            for (Future<List<FileReport>> f : done) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void versionRulesIdentify() throws Exception {
        assertEquals(Support.cliOutput(List.of("--version")).trim(), "vanthu " + Vanthu.version());
        // The Maven coordinates users build with carry the same version.
        String pom = Files.readString(Support.root().resolve("bindings/java/pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<artifactId>vanthu</artifactId>\n  <version>" + Vanthu.version() + "</version>"),
                "bindings/java/pom.xml gives another version than " + Vanthu.version());
        assertSameAsCli(Vanthu.rules(), "rules");
        assertTrue(Vanthu.rules().stream().anyMatch(r -> r.get("id").equals("EDXML-XML-010")));
        Map<String, Object> id = Vanthu.identify("000.00.15.H47");
        assertEquals("agency_id", id.get("kind"));
        assertEquals(Boolean.TRUE, Vanthu.identify("182/QĐ-LĐTBXH").get("valid"));
        // Text outside the BMP crosses JNI's modified UTF-8 both ways intact.
        assertEquals("Số 182 📄", Vanthu.identify("Số 182 📄").get("input"));
    }

    @Test
    void textCheckAndFix() throws Exception {
        // A path with Vietnamese and a character outside the BMP.
        Path text = tmp.resolve("văn bản 📄.txt");
        Files.writeString(text, "Ho\u0300a Bi\u0300nh", StandardCharsets.UTF_8);
        assertSameAsCli(Vanthu.textCheck(text), "text", "check", text.toString());
        // TCVN3 bytes (as Windows-1252 text), converted to Unicode.
        byte[] legacy = "Céng hoµ x· héi chñ nghÜa ViÖt Nam".getBytes("windows-1252");
        Map<String, Object> fixed = Vanthu.textFix(legacy);
        assertEquals("Cộng hoà xã hội chủ nghĩa Việt Nam", fixed.get("text"));
        assertEquals("tcvn3", fixed.get("encoding"));
        assertEquals(fixed.get("text"), Vanthu.textFix(legacy, TextFixOptions.builder().from("tcvn3").build()).get("text"));
        assertEquals("Hòa", Vanthu.textFix("Ho\u0300a", null).get("text"));
    }

    @Test
    void checkPathsAndBytes() throws Exception {
        Path real = sample("edoc_new.edxml");
        List<FileReport> reports = Vanthu.check(real, CheckOptions.builder().at(AT).build());
        assertSameAsCli(reports, "check", real.toString(), "--at", AT);
        FileReport report = reports.get(0);
        assertEquals(real.toString(), report.file());
        assertEquals("edxml", report.format());
        assertFalse(report.findings().isEmpty());
        assertTrue(report.findings().get(0).rule().matches("[A-Z0-9-]+"));
        assertThrows(UnsupportedOperationException.class, () -> report.raw().put("x", 1));
        // Strict, and the same file as bytes: the same report, named as given.
        assertSameAsCli(Vanthu.check(real, CheckOptions.builder().at(AT).strict(true).build()),
                "check", real.toString(), "--at", AT, "--strict");
        FileReport fromBytes = Vanthu.checkBytes("edoc_new.edxml", Files.readAllBytes(real),
                CheckOptions.builder().at(OffsetDateTime.parse(AT)).build());
        assertEquals("edoc_new.edxml", fromBytes.file());
        assertEquals(report.findings(), fromBytes.findings());
        // A folder with trust anchors: every signed PDF of the demo is an original.
        Path demo = demo();
        Path trust = demo.resolve("pki/root.cer");
        List<FileReport> all = Vanthu.check(demo, CheckOptions.builder().trust(trust).at(AT).build());
        assertSameAsCli(all, "check", demo.toString(), "--trust", trust.toString(), "--at", AT);
        assertTrue(all.stream().anyMatch(r -> r.format().equals("pdf") && r.conformant()));
        byte[] pdf = Files.readAllBytes(demo.resolve("sender/182-QD-LDTBXH.signed.pdf"));
        FileReport pdfReport = Vanthu.checkBytes("182.pdf", pdf, CheckOptions.builder().trust(trust).at(AT).build());
        assertEquals("original", pdfReport.raw().get("legal_value"));
    }

    @Test
    void inspectModelNormalizeExtractWrite() throws Exception {
        Path real = sample("edoc_new.edxml");
        assertSameAsCli(Vanthu.inspect(real), "inspect", real.toString());
        assertEquals("status", Vanthu.inspect(sample("status_acceptance_03.edxml")).get("kind"));
        Map<String, Object> model = Vanthu.model(real);
        assertEquals("document", model.get("kind"));
        Written normalized = Vanthu.normalize(real, tmp.resolve("normalized.edxml"));
        assertEquals(tmp.resolve("normalized.edxml").toString(), normalized.file());
        assertEquals(Files.size(tmp.resolve("normalized.edxml")), normalized.size());
        Path theirs = tmp.resolve("theirs.edxml");
        Support.cliOutput(List.of("normalize", real.toString(), "--output", theirs.toString()));
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(tmp.resolve("normalized.edxml")));
        // Extract the attachments, then write the model back with them: what normalize writes.
        List<Map<String, Object>> extracted = Vanthu.extract(real, tmp.resolve("files"));
        assertFalse(extracted.isEmpty());
        List<Path> files = new ArrayList<>();
        for (Map<String, Object> f : extracted) {
            Path file = Path.of((String) f.get("file"));
            assertEquals(f.get("size"), Files.size(file));
            files.add(file);
        }
        PackageWritten written = Vanthu.write(model, files, tmp.resolve("written.edxml"));
        assertEquals(normalized.sha256(), written.sha256());
        assertEquals("document", written.kind());
        assertEquals(extracted.size(), written.attachments().size());
        assertEquals(extracted.get(0).get("sha256"), written.attachments().get(0).get("sha256"));
        PackageWritten again = Vanthu.write(Json.write(model), files, tmp.resolve("again.edxml"));
        assertEquals(normalized.sha256(), again.sha256());
        // The CLI writes the same package from the same model and files.
        Path modelFile = tmp.resolve("model.json");
        Files.writeString(modelFile, Json.write(model), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("write", modelFile.toString()));
        files.forEach(f -> args.add(f.toString()));
        args.addAll(List.of("--output", tmp.resolve("cli.edxml").toString()));
        Support.cliOutput(args);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("cli.edxml")), Files.readAllBytes(tmp.resolve("written.edxml")));
        List<Map<String, Object>> unzipped = Vanthu.extract(real, tmp.resolve("unzipped"),
                ExtractOptions.builder().unzip(true).build());
        assertEquals(extracted.size(), unzipped.size());
    }

    @Test
    void verifyAndSign() throws Exception {
        Path demo = demo();
        Path pdf = demo.resolve("sender/182-QD-LDTBXH.signed.pdf");
        Path trust = demo.resolve("pki/root.cer");
        VerifyResult result = Vanthu.verifyPdf(pdf, trust, VerifyOptions.builder().at(AT).build());
        assertSameAsCli(result, "verify", pdf.toString(), "--trust", trust.toString(), "--at", AT);
        assertTrue(result.isOriginal());
        assertEquals(2, result.signatures().size());
        assertEquals("TOTAL_PASSED", result.signatures().get(0).indication());
        VerifyResult attachment = Vanthu.verifyPdf(pdf, List.of(trust), VerifyOptions.builder().at(AT).attachment(true).build());
        assertSameAsCli(attachment, "verify", pdf.toString(), "--trust", trust.toString(), "--at", AT, "--attachment");
        // Sign in two steps, the key held by Java's own crypto (as a token's would be).
        Path cert = demo.resolve("pki/agency.cer");
        Map<String, Object> prepared = Vanthu.signPrepare(pdf, cert, SignOptions.builder().at(AT).reason("Đồng ý").build());
        byte[] toBeSigned = Base64.getDecoder().decode((String) prepared.get("to_be_signed"));
        byte[] key = Files.readAllBytes(demo.resolve("pki/agency.TEST-ONLY-private-key.der"));
        String scheme = (String) prepared.get("scheme");
        String digest = ((String) prepared.get("digest_algorithm")).toUpperCase().replace("-", "");
        java.security.Signature signer;
        PrivateKey privateKey;
        if (scheme.startsWith("ecdsa")) {
            privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(key));
            signer = java.security.Signature.getInstance(digest + "withECDSA");
        } else {
            privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(key));
            signer = java.security.Signature.getInstance(digest + "withRSA");
        }
        signer.initSign(privateKey);
        signer.update(toBeSigned);
        Written signed = Vanthu.signFinish(prepared, signer.sign(), tmp.resolve("signed.pdf"));
        assertEquals(Files.size(tmp.resolve("signed.pdf")), signed.size());
        VerifyResult three = Vanthu.verifyPdf(tmp.resolve("signed.pdf"), trust, VerifyOptions.builder().at(AT).build());
        assertEquals(3, three.signatures().size());
        assertEquals("TOTAL_PASSED", three.signatures().get(2).indication());
    }

    @Test
    void replyReplayArchive() throws Exception {
        Path demo = demo();
        Path received = demo.resolve("unit1/received/182-QD-LDTBXH.edxml");
        ReplyWritten reply = Vanthu.reply(received, "03", "000.01.15.H47", tmp.resolve("ours.edxml"),
                ReplyOptions.builder().at(AT).description("Đã tiếp nhận").build());
        assertEquals("03", reply.statusCode());
        Path theirs = tmp.resolve("theirs.edxml");
        Support.cliOutput(List.of("reply", received.toString(), "--status", "03", "--from", "000.01.15.H47",
                "--output", theirs.toString(), "--at", AT, "--description", "Đã tiếp nhận"));
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(tmp.resolve("ours.edxml")));
        Path log = demo.resolve("unit1/events.json");
        Replay replay = Vanthu.replay(log);
        assertSameAsCli(replay, "replay", log.toString());
        assertTrue(replay.conformant());
        Replay later = Vanthu.replay(log, ReplayOptions.builder().asOf(OffsetDateTime.parse("2025-07-01T08:00:00+07:00")).build());
        assertSameAsCli(later, "replay", log.toString(), "--as-of", "2025-07-01T08:00:00+07:00");
        Path sip = Files.list(demo.resolve("unit1/archive")).filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        ArchiveReport archive = Vanthu.archiveCheck(sip);
        assertSameAsCli(archive, "archive", "check", sip.toString());
        assertTrue(archive.conformant());
        assertEquals(archive, Vanthu.archiveCheck(sip, ArchiveCheckOptions.builder().profile("tt05").build()));
        Path spec = Support.root().resolve("archive/tests/vectors/sip-hoso/spec.json");
        Packed packed = Vanthu.archivePack(spec, tmp.resolve("sip.zip"));
        assertTrue(packed.dataFiles() > 0);
        assertTrue(Vanthu.archiveCheck(tmp.resolve("sip.zip")).conformant());
        Packed dip = Vanthu.archivePack(spec, tmp.resolve("dip.zip"), PackOptions.builder().dip(true).build());
        assertTrue(dip.size() > 0);
        Path record = Support.root().resolve("archive/tests/vectors/record.json");
        assertSameAsCli(Vanthu.retention(record, LocalDate.of(2025, 6, 3)), "retention", record.toString(), "--at", "2025-06-03");
        assertSameAsCli(Vanthu.retention(record, LocalDate.of(2025, 6, 3), 2011),
                "retention", record.toString(), "--at", "2025-06-03", "--law", "2011");
    }

    @Test
    void everyOptionIsOneTheFacadeKnows() throws Exception {
        // The facade refuses an unknown field: each builder method, set to a value that changes
        // nothing here, must be accepted (a misspelt field name would be an InvalidArgument).
        Path demo = demo();
        Path real = sample("edoc_new.edxml");
        Path pdf = demo.resolve("sender/182-QD-LDTBXH.signed.pdf");
        Path trust = demo.resolve("pki/root.cer");
        CheckOptions check = CheckOptions.builder().at(AT).trust(trust).crls().ocsps().legacySha1(false).jobs(1)
                .roles(Map.of()).profile("tt05").strict(false).build();
        assertEquals(Vanthu.check(real, CheckOptions.builder().at(AT).trust(trust).build()), Vanthu.check(real, check));
        VerifyResult verified = Vanthu.verifyPdf(pdf, trust, VerifyOptions.builder().at(AT).form("document")
                .attachment(false).crls().ocsps().legacySha1(false).roles(Map.of()).build());
        assertTrue(verified.isOriginal());
        Map<String, Object> prepared = Vanthu.signPrepare(pdf, demo.resolve("pki/agency.cer"), SignOptions.builder()
                .at(AT).reason("Phê duyệt").location("Hà Nội").chain().pss(false).digest("sha256").build());
        assertEquals("sha256", ((String) prepared.get("digest_algorithm")).toLowerCase().replace("-", ""));
        String start = "2025-04-28T10:00:00+07:00";
        assertEquals(Vanthu.due(start, DueOptions.builder().rule("issue").build()), Vanthu.due(start,
                DueOptions.builder().rule("issue").urgent(false).nextDay("day").sameDay("midnight").build()));
        Path log = demo.resolve("unit1/events.json");
        assertEquals(Vanthu.replay(log), Vanthu.replay(log, ReplayOptions.builder().maxDocuments(1000)
                .nextDay("day").sameDay("midnight").build()));
        Path spec = Support.root().resolve("archive/tests/vectors/sip-hoso/spec.json");
        assertTrue(Vanthu.archivePack(spec, tmp.resolve("p.zip"), PackOptions.builder().followLinks(false).dip(false)
                .build()).size() > 0);
        assertEquals(Vanthu.extract(real, tmp.resolve("a")).size(),
                Vanthu.extract(real, tmp.resolve("b"), ExtractOptions.builder().maxBytes(1L << 30).unzip(false).build()).size());
        assertEquals("Hòa", Vanthu.textFix("Ho\u0300a", TextFixOptions.builder().capitals(false).keepCase(false).build()).get("text"));
        Path received = demo.resolve("unit1/received/182-QD-LDTBXH.edxml");
        ReplyWritten reply = Vanthu.reply(received, "03", "000.01.15.H47", tmp.resolve("r.edxml"), ReplyOptions.builder()
                .at(AT).fromName("Văn phòng Sở").rules("national").build());
        assertEquals("Văn phòng Sở", ((Map<?, ?>) reply.status().get("from")).get("organ_name"));
        Path sip = Files.list(demo.resolve("unit1/archive")).filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        assertTrue(Vanthu.archiveCheck(sip, ArchiveCheckOptions.builder().at(AT).profile("tt05").build()).conformant());
    }

    @Test
    void calendarAndDeadlines() throws Exception {
        assertSameAsCli(Vanthu.calendar(2025), "calendar", "2025");
        assertSameAsCli(Vanthu.lunar(LocalDate.of(2025, 1, 29)), "lunar", "2025-01-29");
        assertSameAsCli(Vanthu.lunarToSolar("1/1/2025", false), "lunar", "--to-solar", "1/1/2025");
        String start = "2025-04-28T10:00:00+07:00";
        assertSameAsCli(Vanthu.due(start, DueOptions.builder().workingDays(3).build()),
                "due", "--from", start, "--working-days", "3");
        assertSameAsCli(Vanthu.due(OffsetDateTime.parse(start), DueOptions.builder().rule("issue").build()),
                "due", "--from", start, "--rule", "issue");
    }
}
