// Strings, byte arrays and streams give the same results; a stream past 256 MiB is refused before vanthu is called.
using System;
using System.IO;
using System.Text;

namespace Vanthu.Tests
{
    internal static class ArgumentTests
    {
        [Test]
        public static void BytesAndStreams()
        {
            string package = Env.Sample("edoc_new.edxml");
            byte[] bytes = File.ReadAllBytes(package);
            var options = new CheckOptions { At = Env.At };
            string fromBytes = Env.Json(Vanthu.CheckBytes("edoc_new.edxml", bytes, options));
            using (FileStream stream = File.OpenRead(package))
            {
                Assert.SameJson(fromBytes, Env.Json(Vanthu.CheckBytes("edoc_new.edxml", stream, options)), "a FileStream");
            }
            Assert.SameJson(fromBytes, Env.Json(Vanthu.CheckBytes("edoc_new.edxml", new MemoryStream(bytes), options)), "a MemoryStream");
            FileReport report = Vanthu.CheckBytes("edoc_new.edxml", bytes, options);
            Assert.Equal("edoc_new.edxml", report.File, "the name given");
            Assert.Equal("edxml", report.Format, "format");
        }

        [Test]
        public static void TextFromStringBytesStream()
        {
            string text = "Ủy ban nhân dân tỉnh Quảng Nam";
            TextFixResult fromString = Vanthu.TextFix(text);
            Assert.SameJson(Env.Json(fromString), Env.Json(Vanthu.TextFix(Encoding.UTF8.GetBytes(text))), "bytes");
            Assert.SameJson(Env.Json(fromString), Env.Json(Vanthu.TextFix(new MemoryStream(Encoding.UTF8.GetBytes(text)))), "stream");
            Assert.Equal(text.Normalize(NormalizationForm.FormC), fromString.Text, "NFC, round trip of Vietnamese through UTF-8");
            // VNI bytes for "Việt Nam": "Vieät Nam".
            TextFixResult vni = Vanthu.TextFix(new byte[] { 0x56, 0x69, 0x65, 0xE4, 0x74, 0x20, 0x4E, 0x61, 0x6D }, new TextFixOptions { From = "vni" });
            Assert.Equal("Việt Nam", vni.Text, "VNI decoded");
            UnknownEncodingException unknown = Assert.Throws<UnknownEncodingException>(
                () => Vanthu.TextFix(new byte[] { 0xff, 0xfe, 0x80, 0x81 }, new TextFixOptions { From = "auto" }), "bytes of no known encoding");
            Assert.Equal(8, unknown.Code, "code 8");
        }

        [Test]
        public static void PathsInVietnamese()
        {
            string dir = Env.Scratch("Văn bản đến");
            string copy = Path.Combine(dir, "Quyết định 182.edxml");
            File.Copy(Path.Combine(Env.Demo, "sender", "182-QD-LDTBXH.edxml"), copy);
            Assert.SameJson(Env.CliJson("inspect", copy), Env.Json(Vanthu.Inspect(copy)), "a non-ASCII path");
            Assert.Equal(copy, Vanthu.Check(copy, new CheckOptions { At = Env.At })[0].File, "the path comes back as it went");
        }

        [Test]
        public static void StreamTooLarge()
        {
            UnreadableException e = Assert.Throws<UnreadableException>(
                () => Vanthu.CheckBytes("big.pdf", new EndlessStream()), "a stream past 256 MiB");
            Assert.Equal(3, e.Code, "code");
        }

        /// <summary>Zeros without end, never held whole: the binding must stop at 256 MiB.</summary>
        private sealed class EndlessStream : Stream
        {
            public override bool CanRead { get { return true; } }
            public override bool CanSeek { get { return false; } }
            public override bool CanWrite { get { return false; } }
            public override long Length { get { throw new NotSupportedException(); } }
            public override long Position { get { return 0; } set { throw new NotSupportedException(); } }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count)
            {
                Array.Clear(buffer, offset, count);
                return count;
            }
            public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
            public override void SetLength(long value) { throw new NotSupportedException(); }
            public override void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        }
    }
}
