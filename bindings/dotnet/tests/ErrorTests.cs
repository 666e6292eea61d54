// Errors from bad input are VanthuExceptions of their kind, with the stable code, the rule and the location.
using System.IO;

namespace Vanthu.Tests
{
    internal static class ErrorTests
    {
        [Test]
        public static void Unreadable()
        {
            string dir = Env.Scratch("errors");
            string text = Path.Combine(dir, "not-a-package.edxml");
            File.WriteAllText(text, "hello");
            UnreadableException e = Assert.Throws<UnreadableException>(() => Vanthu.Inspect(text), "inspect a text file");
            Assert.Equal(3, e.Code, "code");
            Assert.Equal("unreadable", e.Kind, "kind");
            Assert.True(e.MessageVi.Length > 0 && e.Message.Length > 0, "messages in both languages");
            Assert.True(e.Json.Contains("\"code\":3"), "the error's JSON");
        }

        [Test]
        public static void RuleAndLocation()
        {
            string dir = Env.Scratch("doctype");
            string doctype = Path.Combine(dir, "doctype.edxml");
            File.WriteAllText(doctype, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<edXMLEnvelope/>");
            VanthuException e = Assert.Throws<RefusedException>(() => Vanthu.Inspect(doctype), "a DOCTYPE");
            Assert.Equal(4, e.Code, "code");
            Assert.Equal("EDXML-XML-010", e.Rule, "rule");
            Assert.True(e.Location != null && e.Location.Line == 2, "the location: line 2, got " + (e.Location == null ? "none" : e.Location.Line.ToString()));

            string model = "{\"kind\": \"document\",\n  \"header\": 5}";
            InvalidArgumentException bad = Assert.Throws<InvalidArgumentException>(
                () => Vanthu.Write(model, null, Path.Combine(dir, "out.edxml")), "a model that is not one");
            Assert.Equal(1, bad.Code, "code");
            Assert.True(bad.Location != null && bad.Location.Line == 2 && bad.Location.Column != null, "line and column of the JSON");
            Assert.True(!File.Exists(Path.Combine(dir, "out.edxml")), "nothing written");
        }

        [Test]
        public static void EveryKind()
        {
            Assert.Equal(1, Assert.Throws<InvalidArgumentException>(() => Vanthu.Calendar(1800), "year 1800").Code, "code 1");
            Assert.Equal(1, Assert.Throws<InvalidArgumentException>(() => Vanthu.Due("not a time", new DueOptions { WorkingDays = 1 }), "a bad time").Code, "code 1");
            Assert.Equal(2, Assert.Throws<IoException>(() => Vanthu.Inspect("/nonexistent/vanthu.edxml"), "no such file").Code, "code 2");
            string pdf = Path.Combine(Env.Demo, "sender", "182-QD-LDTBXH.signed.pdf");
            string notCert = Path.Combine(Env.Scratch("trust"), "bad.cer");
            File.WriteAllText(notCert, "not a certificate");
            Assert.Equal(5, Assert.Throws<TrustException>(() => Vanthu.VerifyPdf(pdf, notCert), "a bad trust anchor").Code, "code 5");
            Assert.Equal(6, Assert.Throws<NothingToCheckException>(() => Vanthu.Check(Env.Scratch("empty")), "an empty folder").Code, "code 6");
            Assert.Equal(7, Assert.Throws<NoSuchDateException>(() => Vanthu.LunarToSolar("30/1/2025", true), "no such lunar day").Code, "code 7");
            Assert.Equal(4, Assert.Throws<RefusedException>(() => Vanthu.Reply(Path.Combine(Env.Demo, "unit1", "received", "182-QD-LDTBXH.edxml"),
                "13", "000.01.15.H47", Path.Combine(Env.Scratch("refused"), "r.edxml"), new ReplyOptions { At = Env.At }), "a recipient cannot send 13").Code, "code 4");
            Assert.Equal(9, Assert.Throws<SigningException>(() => Vanthu.SignPrepare(pdf, Path.Combine(Env.Demo, "pki", "agency.cer"),
                new SignOptions { At = "2040-01-01" }), "an expired certificate").Code, "code 9");
        }

        [Test]
        public static void ArgumentsTheBindingRefuses()
        {
            InvalidArgumentException nul = Assert.Throws<InvalidArgumentException>(() => Vanthu.Identify("a\0b"), "a NUL character");
            Assert.Equal(1, nul.Code, "code");
            Assert.True(nul.Json == null, "raised by the binding");
            Assert.Throws<InvalidArgumentException>(() => Vanthu.Inspect(null), "a null path");
            Assert.Throws<InvalidArgumentException>(() => Vanthu.Identify("\ud800"), "a lone surrogate");
        }
    }
}
