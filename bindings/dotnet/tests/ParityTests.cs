// Every call gives what the CLI prints with --json for the same inputs, compared as JSON values after the typed
// result is written back to JSON (so the comparison covers the classes and what they keep in Extra).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Vanthu.Tests
{
    internal static class ParityTests
    {
        private static string P(string relative)
        {
            return Path.Combine(Env.Demo, relative);
        }

        private static string Root()
        {
            return P("pki/root.cer");
        }

        [Test]
        public static void VersionAndRules()
        {
            Env.Result run = Env.Run(Env.Cli, new[] { "--version" }, null);
            Assert.Equal("vanthu " + Vanthu.Version(), run.Output.Trim(), "version");
            ResultList<RuleInfo> rules = Vanthu.Rules();
            Assert.SameJson(Env.CliJson("rules"), Env.Json(rules), "rules");
            Assert.True(rules.Count > 50 && rules.Any(r => r.Id == "EDXML-XML-010"), "the rule catalogue");
            Assert.SameJson(Env.CliJson("rules"), rules.Json, "rules, raw");
        }

        [Test]
        public static void Identify()
        {
            foreach (string text in new[] { "000.00.15.H47", "182/QĐ-LĐTBXH", "000.00.15.H47,2025/06/02,182/QĐ-LĐTBXH", "x" })
            {
                string cli = Env.CliJson("id", text);
                Assert.SameJson(cli, "[" + Env.Json(Vanthu.Identify(text)) + "]", "id " + text);
            }
            Assert.Equal("agency_id", Vanthu.Identify("000.00.15.H47").Kind, "kind");
        }

        [Test]
        public static void TextCheckAndFix()
        {
            string dir = Env.Scratch("text");
            string file = Path.Combine(dir, "t.txt");
            File.WriteAllText(file, "Cộng hoà xã hội chủ nghĩa Việt Nam");
            TextCheckReport check = Vanthu.TextCheck(file);
            Assert.SameJson(Env.CliJson("text", "check", file), Env.Json(check), "text check");
            // TCVN3 bytes: "Céng hoµ" (ABC encoding of "Cộng hoà").
            byte[] legacy = { 0x43, 0xE9, 0x6E, 0x67, 0x20, 0x68, 0x6F, 0xB5 };
            string legacyFile = Path.Combine(dir, "legacy.txt");
            File.WriteAllBytes(legacyFile, legacy);
            TextFixResult fix = Vanthu.TextFix(legacy, new TextFixOptions { From = "tcvn3" });
            Env.Result run = Env.Run(Env.Cli, new[] { "text", "fix", "--from", "tcvn3", legacyFile }, null);
            Assert.Equal(0, run.Code, "vanthu text fix exit");
            Assert.Equal(run.Output, fix.Text, "the text");
            Assert.Equal("vanthu: " + legacyFile + ": " + fix.Note.Trim(), run.Error.Trim(), "the note");
            Assert.Equal("Cộng hoà", fix.Text.Trim(), "TCVN3 decoded");
        }

        [Test]
        public static void CheckRealPackagesAndDemo()
        {
            foreach (string sample in Directory.GetFiles(Path.Combine(Env.Fixtures, "vpcp-samples"), "*.edxml").OrderBy(f => f, StringComparer.Ordinal))
            {
                var options = new CheckOptions { At = Env.At };
                Assert.SameJson(Env.CliJson("check", "--at", Env.At, sample), Env.Json(Vanthu.Check(sample, options)), "check " + sample);
            }
            string sender = P("sender");
            var withTrust = new CheckOptions { At = Env.At, Trust = new List<string> { Root() } };
            ResultList<FileReport> reports = Vanthu.Check(sender, withTrust);
            Assert.SameJson(Env.CliJson("check", "--at", Env.At, "--trust", Root(), sender), Env.Json(reports), "check a folder");
            Assert.True(reports.Count >= 4 && reports.All(r => r.Json != null), "a report per file, each with its JSON");
            // The whole demo: packages, status packages, PDFs, the SIP, the copy damaged in transit.
            Assert.SameJson(Env.CliJson("check", "--at", Env.At, "--trust", Root(), Env.Demo),
                Env.Json(Vanthu.Check(Env.Demo, withTrust)), "check the demo folder");
        }

        [Test]
        public static void CheckBytes()
        {
            string pdf = P("sender/182-QD-LDTBXH.signed.pdf");
            var options = new CheckOptions { At = Env.At, Trust = new List<string> { Root() } };
            FileReport fromBytes = Vanthu.CheckBytes(pdf, File.ReadAllBytes(pdf), options);
            Assert.SameJson(Env.Json(Vanthu.Check(pdf, options)[0]), Env.Json(fromBytes), "check_bytes = check");
            Assert.Equal("original", fromBytes.LegalValue, "legal value");
        }

        [Test]
        public static void InspectAndModel()
        {
            var samples = Directory.GetFiles(Path.Combine(Env.Fixtures, "vpcp-samples"), "*.edxml").OrderBy(f => f, StringComparer.Ordinal).ToList();
            samples.Add(P("sender/182-QD-LDTBXH.edxml"));
            samples.Add(P("unit2/received/182-QD-LDTBXH.edxml"));
            foreach (string sample in samples)
            {
                Inspection inspected;
                try
                {
                    inspected = Vanthu.Inspect(sample);
                }
                catch (VanthuException e)
                {
                    // A sample that cannot be read: the CLI fails too (exit 2), with the same message.
                    Env.Result run = Env.Run(Env.Cli, new[] { "inspect", sample, "--json" }, null);
                    Assert.Equal(2, run.Code, "vanthu inspect " + sample + " exits 2");
                    Assert.True(run.Error.Contains(e.Message), "the CLI says the same: " + run.Error);
                    Assert.Throws<VanthuException>(() => Vanthu.Model(sample), "model of an unreadable sample");
                    continue;
                }
                Assert.SameJson(Env.CliJson("inspect", sample), Env.Json(inspected), "inspect " + sample);
                Assert.SameJson(Env.CliOutput("inspect", "--model", sample), Env.Json(Vanthu.Model(sample)), "model " + sample);
            }
            var status = (StatusSummary)Vanthu.Inspect(Env.Sample("status_acceptance_03.edxml"));
            Assert.Equal("03", status.StatusCode, "status code");
            var document = (DocumentSummary)Vanthu.Inspect(P("sender/182-QD-LDTBXH.edxml"));
            Assert.Equal("QĐ-LĐTBXH", document.Code.Notation, "notation");
        }

        [Test]
        public static void NormalizeExtractWrite()
        {
            string dir = Env.Scratch("files");
            string sample = Env.Sample("edoc_new.edxml");
            string mine = Path.Combine(dir, "mine.edxml");
            string theirs = Path.Combine(dir, "theirs.edxml");
            WrittenFile normalized = Vanthu.Normalize(sample, mine);
            SameWritten(Env.CliJson("normalize", sample, "-o", theirs), normalized, mine, theirs, "normalize");

            string package = P("sender/182-QD-LDTBXH.edxml");
            ResultList<ExtractedAttachment> extracted = Vanthu.Extract(package, Path.Combine(dir, "x1"));
            string cli = Env.CliJson("extract", package, "-o", Path.Combine(dir, "x2"));
            Assert.SameJson(cli.Replace("/x2/", "/x1/"), Env.Json(extracted), "extract");
            Assert.True(File.ReadAllBytes(extracted[0].File).SequenceEqual(File.ReadAllBytes(Path.Combine(dir, "x2", extracted[0].Name))), "extracted bytes");

            PackageModel model = Vanthu.Model(package);
            string modelFile = Path.Combine(dir, "model.json");
            File.WriteAllText(modelFile, model.Json);
            string attachment = extracted[0].File;
            WriteResult written = Vanthu.Write(model, new[] { attachment }, Path.Combine(dir, "w1.edxml"));
            SameWritten(Env.CliJson("write", modelFile, attachment, "-o", Path.Combine(dir, "w2.edxml")), written,
                Path.Combine(dir, "w1.edxml"), Path.Combine(dir, "w2.edxml"), "write");
            WriteResult fromText = Vanthu.Write(model.Json, new[] { attachment }, Path.Combine(dir, "w3.edxml"));
            Assert.Equal(written.Sha256, fromText.Sha256, "write from JSON text");
        }

        [Test]
        public static void VerifyPdf()
        {
            string pdf = P("sender/182-QD-LDTBXH.signed.pdf");
            VerifyReport report = Vanthu.VerifyPdf(pdf, Root(), new VerifyOptions { At = Env.At });
            Assert.SameJson(Env.CliJson("verify", pdf, "--trust", Root(), "--at", Env.At), Env.Json(report), "verify");
            Assert.Equal("original", report.LegalValue, "legal value");
            Assert.Equal("TOTAL_PASSED", report.Signatures[0].Indication, "indication");
            VerifyReport untrusted = Vanthu.VerifyPdf(pdf, (string)null, new VerifyOptions { At = Env.At });
            Assert.SameJson(Env.CliJson("verify", pdf, "--at", Env.At), Env.Json(untrusted), "verify without trust");
        }

        [Test]
        public static void Reply()
        {
            string dir = Env.Scratch("reply");
            string package = P("unit1/received/182-QD-LDTBXH.edxml");
            string mine = Path.Combine(dir, "mine.edxml");
            string theirs = Path.Combine(dir, "theirs.edxml");
            ReplyResult reply = Vanthu.Reply(package, "03", "000.01.15.H47", mine, new ReplyOptions { At = Env.At });
            SameWritten(Env.CliJson("reply", package, "--status", "03", "--from", "000.01.15.H47", "-o", theirs, "--at", Env.At),
                reply, mine, theirs, "reply");
            Assert.Equal("03", reply.Status.StatusCode, "status");
        }

        [Test]
        public static void Replay()
        {
            foreach (string log in new[] { P("unit1/events.json"), P("sender/events.json") })
            {
                ReplayReport report = Vanthu.Replay(log);
                Assert.SameJson(Env.CliJson("replay", log), Env.Json(report), "replay " + log);
            }
            Assert.True(Vanthu.Replay(P("unit1/events.json")).State.Agency == "000.01.15.H47", "the agency");
        }

        [Test]
        public static void Archive()
        {
            string zip = Directory.GetFiles(P("unit1/archive"), "*.zip")[0];
            ArchiveReport report = Vanthu.ArchiveCheck(zip);
            Assert.SameJson(Env.CliJson("archive", "check", zip), Env.Json(report), "archive check");
            Assert.True(report.Conformant, "the demo's SIP is conformant");
            string dir = Env.Scratch("pack");
            string spec = Path.Combine(Env.Root, "archive", "tests", "vectors", "sip-hoso", "spec.json");
            PackResult packed = Vanthu.ArchivePack(spec, Path.Combine(dir, "a.zip"));
            SameWritten(Env.CliJson("archive", "pack", spec, "--output", Path.Combine(dir, "b.zip")), packed,
                Path.Combine(dir, "a.zip"), Path.Combine(dir, "b.zip"), "archive pack");
        }

        [Test]
        public static void RetentionDueLunarCalendar()
        {
            string record = Path.Combine(Env.Root, "archive", "tests", "vectors", "record.json");
            Assert.SameJson(Env.CliJson("retention", record, "--at", "2030-01-01"), Env.Json(Vanthu.Retention(record, "2030-01-01")), "retention");
            Assert.SameJson(Env.CliJson("retention", record, "--at", "2030-01-01", "--law", "2011"),
                Env.Json(Vanthu.Retention(record, "2030-01-01", new RetentionOptions { Law = 2011 })), "retention 2011");
            Assert.SameJson(Env.CliJson("due", "--from", "2025-06-02T09:00", "--working-days", "3"),
                Env.Json(Vanthu.Due("2025-06-02T09:00", new DueOptions { WorkingDays = 3 })), "due");
            DueResult chase = Vanthu.Due("2025-06-02T09:00", new DueOptions { Rule = "not-received" });
            Assert.SameJson(Env.CliJson("due", "--from", "2025-06-02T09:00", "--rule", "not-received"), Env.Json(chase), "due not-received");
            Assert.True(chase.ChaseFrom != null, "chase_from");
            Assert.SameJson(Env.CliJson("lunar", "2025-01-29"), Env.Json(Vanthu.Lunar("2025-01-29")), "lunar");
            Assert.SameJson(Env.CliJson("lunar", "--to-solar", "1/1/2025"), Env.Json(Vanthu.LunarToSolar("1/1/2025")), "to solar");
            Assert.Equal("Ất Tỵ", Vanthu.Lunar("2025-01-29").Lunar.CanChi, "can chi");
            YearCalendar year = Vanthu.Calendar(2025);
            Assert.SameJson(Env.CliJson("calendar", "2025"), Env.Json(year), "calendar");
            Assert.Equal("Tết Dương lịch", year.Holidays[0].Name, "first holiday");
        }

        [Test]
        public static void SignInTwoSteps()
        {
            string dir = Env.Scratch("sign");
            SignPrepared prepared = Vanthu.SignPrepare(P("sender/183-LDTBXH-VP.signed.pdf"), P("pki/agency.cer"),
                new SignOptions { At = "2025-06-05T09:00:00+07:00" });
            Assert.Equal(64, prepared.Digest.Length, "a SHA-256 digest, hex");
            byte[] digest = Enumerable.Range(0, 32).Select(i => Convert.ToByte(prepared.Digest.Substring(2 * i, 2), 16)).ToArray();
            File.WriteAllBytes(Path.Combine(dir, "digest.bin"), digest);
            // openssl stands in for the USB token, as in the C test.
            Env.Result signed = Env.Run("openssl", new[] { "pkeyutl", "-sign", "-keyform", "DER", "-inkey",
                P("pki/agency.TEST-ONLY-private-key.der"), "-in", Path.Combine(dir, "digest.bin"), "-out", Path.Combine(dir, "sig.der") }, null);
            Assert.Equal(0, signed.Code, "openssl signs the digest: " + signed.Error);
            string output = Path.Combine(dir, "signed.pdf");
            WrittenFile written = Vanthu.SignFinish(prepared, File.ReadAllBytes(Path.Combine(dir, "sig.der")), output);
            Assert.Equal(new FileInfo(output).Length, written.Size, "size");
            VerifyReport report = Vanthu.VerifyPdf(output, Root(), new VerifyOptions { At = "2025-06-05T10:00:00+07:00" });
            Assert.Equal(3, report.Signatures.Count(s => s.Indication == "TOTAL_PASSED"), "three signatures pass");
            SigningException wrong = Assert.Throws<SigningException>(() => Vanthu.SignFinish(prepared,
                new byte[] { 0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01 }, Path.Combine(dir, "x.pdf")), "a wrong signature");
            Assert.Equal(9, wrong.Code, "code");
            Assert.True(!File.Exists(Path.Combine(dir, "x.pdf")), "nothing written");
        }

        /// <summary>A written file's result equals the CLI's but for the file name, and the files are equal.</summary>
        private static void SameWritten(string cli, VanthuResult result, string mine, string theirs, string what)
        {
            Assert.SameJson(cli.Replace(Json(theirs), Json(mine)), Env.Json(result), what);
            Assert.True(File.ReadAllBytes(mine).SequenceEqual(File.ReadAllBytes(theirs)), what + ": the files are equal");
        }

        private static string Json(string text)
        {
            return Env.Json(text).Trim('"');
        }
    }
}
