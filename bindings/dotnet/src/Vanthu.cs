using System;
using System.Collections.Generic;
using System.IO;

namespace Vanthu
{
    /// <summary>
    /// Every call of vanthu (docs/bindings.md), over its C ABI. Each returns what the matching CLI command prints with
    /// <c>--json</c>, as a class (its JSON in <c>Json</c>), or throws a <see cref="VanthuException"/> with the stable
    /// code. Paths are strings; times are strings vanthu reads (RFC 3339, <c>YYYY-MM-DD</c>, …; Vietnam time unless
    /// an offset is given), a time left null being now. Every call may be made from any thread.
    /// </summary>
    public static class Vanthu
    {
        internal delegate int Call(out VanthuStringHandle json, out VanthuStringHandle error);

        /// <summary>The version of vanthu (<c>0.1.0</c>).</summary>
        public static string Version()
        {
            return JsonCodec.Current.Read<List<string>>("[" + Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_version(out j, out e)) + "]")[0];
        }

        /// <summary>Every rule id vanthu can report (<c>vanthu rules</c>).</summary>
        public static ResultList<RuleInfo> Rules()
        {
            return List<RuleInfo>(Run((out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_rules(out j, out e)));
        }

        /// <summary>What <paramref name="text"/> is (agency id, document number, document id, record code) and its
        /// parts: one element of <c>vanthu id</c>.</summary>
        public static Identification Identify(string text)
        {
            byte[] t = Utf8.Required(text, "text");
            return Object<Identification>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_identify(t, out j, out e)));
        }

        /// <summary>Checks a text file against TCVN 6909:2001 (<c>vanthu text check</c>).</summary>
        public static TextCheckReport TextCheck(string path)
        {
            byte[] p = Utf8.Required(path, "path");
            return Object<TextCheckReport>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_text_check(p, out j, out e)));
        }

        /// <summary>Converts text (UTF-8, or legacy TCVN3/VNI bytes) to NFC Unicode.</summary>
        public static TextFixResult TextFix(byte[] text, TextFixOptions options = null)
        {
            if (text == null)
            {
                throw VanthuException.Local(1, "invalid_argument", "text is required", "text là bắt buộc");
            }
            byte[] o = Options(options);
            return Object<TextFixResult>(Run((out VanthuStringHandle j, out VanthuStringHandle e) =>
                Native.vanthu_text_fix(text, new UIntPtr((ulong)text.Length), o, out j, out e)));
        }

        /// <summary>Converts a string (as UTF-8) to NFC Unicode, repairing mojibake.</summary>
        public static TextFixResult TextFix(string text, TextFixOptions options = null)
        {
            return TextFix(Utf8.Bytes(text, "text"), options);
        }

        /// <summary>Converts the bytes of <paramref name="text"/> (read to its end, at most 256 MiB) to NFC Unicode.</summary>
        public static TextFixResult TextFix(Stream text, TextFixOptions options = null)
        {
            return TextFix(Utf8.ReadAll(text, "text"), options);
        }

        /// <summary>Checks a file or a folder (<c>vanthu check</c>): a report per file, in a stable order.</summary>
        public static ResultList<FileReport> Check(string path, CheckOptions options = null)
        {
            byte[] p = Utf8.Required(path, "path");
            byte[] o = Options(options);
            return List<FileReport>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_check(p, o, out j, out e)));
        }

        /// <summary>Checks one file given as bytes, named <paramref name="name"/> in the report.</summary>
        public static FileReport CheckBytes(string name, byte[] bytes, CheckOptions options = null)
        {
            byte[] n = Utf8.Required(name, "name");
            if (bytes == null)
            {
                throw VanthuException.Local(1, "invalid_argument", "bytes is required", "bytes là bắt buộc");
            }
            byte[] o = Options(options);
            return Object<FileReport>(Run((out VanthuStringHandle j, out VanthuStringHandle e) =>
                Native.vanthu_check_bytes(n, bytes, new UIntPtr((ulong)bytes.Length), o, out j, out e)));
        }

        /// <summary>Checks the bytes of <paramref name="stream"/> (read to its end, at most 256 MiB).</summary>
        public static FileReport CheckBytes(string name, Stream stream, CheckOptions options = null)
        {
            return CheckBytes(name, Utf8.ReadAll(stream, "stream"), options);
        }

        /// <summary>The header fields, attachments and findings of an edXML package (<c>vanthu inspect</c>): a
        /// <see cref="DocumentSummary"/> or a <see cref="StatusSummary"/>.</summary>
        public static Inspection Inspect(string path)
        {
            byte[] p = Utf8.Required(path, "path");
            string json = Run((out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_inspect(p, out j, out e));
            string kind = JsonCodec.Current.Read<KindTag>(json).Kind;
            if (kind == "document")
            {
                return Object<DocumentSummary>(json);
            }
            if (kind == "status")
            {
                return Object<StatusSummary>(json);
            }
            throw VanthuException.Local(99, "internal", "inspect returned the unknown kind " + kind,
                "inspect trả về loại không biết " + kind);
        }

        /// <summary>Rewrites a package in the strict canonical form into <paramref name="output"/> (which may be
        /// <paramref name="path"/>).</summary>
        public static WrittenFile Normalize(string path, string output)
        {
            byte[] p = Utf8.Required(path, "path");
            byte[] w = Utf8.Required(output, "output");
            return Object<WrittenFile>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_normalize(p, w, out j, out e)));
        }

        /// <summary>Writes the attachments of a package into the folder <paramref name="output"/>.</summary>
        public static ResultList<ExtractedAttachment> Extract(string path, string output, ExtractOptions options = null)
        {
            byte[] p = Utf8.Required(path, "path");
            byte[] w = Utf8.Required(output, "output");
            byte[] o = Options(options);
            return List<ExtractedAttachment>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_extract(p, w, o, out j, out e)));
        }

        /// <summary>The model of a package (docs/bindings.md §4), what <see cref="Write(PackageModel,
        /// IEnumerable{string}, string)"/> takes back.</summary>
        public static PackageModel Model(string path)
        {
            byte[] p = Utf8.Required(path, "path");
            return Object<PackageModel>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_model(p, out j, out e)));
        }

        /// <summary>Writes the package whose model is the JSON text <paramref name="package"/>, attachment i streamed
        /// from the file <paramref name="attachments"/>[i].</summary>
        public static WriteResult Write(string package, IEnumerable<string> attachments, string output)
        {
            byte[] m = Utf8.Required(package, "package");
            byte[] a = attachments == null ? null : Utf8.Encode(JsonCodec.Current.Write(new List<string>(attachments)), "attachments");
            byte[] w = Utf8.Required(output, "output");
            return Object<WriteResult>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_write(m, a, w, out j, out e)));
        }

        /// <summary>Writes the package of <paramref name="model"/> (as <see cref="Model"/> gave it, or changed).</summary>
        public static WriteResult Write(PackageModel model, IEnumerable<string> attachments, string output)
        {
            if (model == null)
            {
                throw VanthuException.Local(1, "invalid_argument", "model is required", "model là bắt buộc");
            }
            return Write(JsonCodec.Current.Write(model), attachments, output);
        }

        /// <summary>Verifies every signature of a PDF and gives its legal value (<c>vanthu verify</c>), trusting the
        /// certificate file or folder <paramref name="trust"/> (null: none, then nothing is an original).</summary>
        public static VerifyReport VerifyPdf(string path, string trust, VerifyOptions options = null)
        {
            return VerifyPdf(path, trust == null ? null : new[] { trust }, options);
        }

        /// <summary>Verifies every signature of a PDF, trusting each certificate file or folder of
        /// <paramref name="trust"/>.</summary>
        public static VerifyReport VerifyPdf(string path, IEnumerable<string> trust, VerifyOptions options = null)
        {
            byte[] p = Utf8.Required(path, "path");
            byte[] t = trust == null ? null : Utf8.Encode(JsonCodec.Current.Write(new List<string>(trust)), "trust");
            byte[] o = Options(options);
            return Object<VerifyReport>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_verify_pdf(p, t, o, out j, out e)));
        }

        /// <summary>The first step of signing with an external signer: what to sign.</summary>
        public static SignPrepared SignPrepare(string pdf, string certificate, SignOptions options = null)
        {
            byte[] p = Utf8.Required(pdf, "pdf");
            byte[] c = Utf8.Required(certificate, "certificate");
            byte[] o = Options(options);
            return Object<SignPrepared>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_sign_prepare(p, c, o, out j, out e)));
        }

        /// <summary>The second step: writes the PDF prepared by <see cref="SignPrepare"/>, signed with
        /// <paramref name="signature"/> (ECDSA: DER).</summary>
        public static WrittenFile SignFinish(SignPrepared prepared, byte[] signature, string output)
        {
            if (prepared == null || signature == null)
            {
                throw VanthuException.Local(1, "invalid_argument", "prepared and signature are required",
                    "prepared và signature là bắt buộc");
            }
            byte[] p = Utf8.Encode(prepared.Json ?? JsonCodec.Current.Write(prepared), "prepared");
            byte[] w = Utf8.Required(output, "output");
            return Object<WrittenFile>(Run((out VanthuStringHandle j, out VanthuStringHandle e) =>
                Native.vanthu_sign_finish(p, signature, new UIntPtr((ulong)signature.Length), w, out j, out e)));
        }

        /// <summary>Writes the status package (code <paramref name="status"/>, from the agency
        /// <paramref name="fromAgency"/>) answering the document package at <paramref name="path"/>, unless the
        /// workflow's rules refuse it (<see cref="RefusedException"/>, its rule says why).</summary>
        public static ReplyResult Reply(string path, string status, string fromAgency, string output,
            ReplyOptions options = null)
        {
            byte[] p = Utf8.Required(path, "path");
            byte[] s = Utf8.Required(status, "status");
            byte[] f = Utf8.Required(fromAgency, "fromAgency");
            byte[] w = Utf8.Required(output, "output");
            byte[] o = Options(options);
            return Object<ReplyResult>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_reply(p, s, f, w, o, out j, out e)));
        }

        /// <summary>Replays a workflow event log, streamed from its file (<c>vanthu replay</c>).</summary>
        public static ReplayReport Replay(string logPath, ReplayOptions options = null)
        {
            byte[] p = Utf8.Required(logPath, "logPath");
            byte[] o = Options(options);
            return Object<ReplayReport>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_replay(p, o, out j, out e)));
        }

        /// <summary>Checks an archival package, its ZIP or unpacked folder (<c>vanthu archive check</c>).</summary>
        public static ArchiveReport ArchiveCheck(string path, ArchiveCheckOptions options = null)
        {
            byte[] p = Utf8.Required(path, "path");
            byte[] o = Options(options);
            return Object<ArchiveReport>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_archive_check(p, o, out j, out e)));
        }

        /// <summary>Writes the archival package the JSON specification at <paramref name="specPath"/> describes.</summary>
        public static PackResult ArchivePack(string specPath, string output, ArchivePackOptions options = null)
        {
            byte[] p = Utf8.Required(specPath, "specPath");
            byte[] w = Utf8.Required(output, "output");
            byte[] o = Options(options);
            return Object<PackResult>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_archive_pack(p, w, o, out j, out e)));
        }

        /// <summary>The retention, transfer due dates and disposal state of the record in the JSON file
        /// <paramref name="recordPath"/> on the date <paramref name="at"/> (<c>YYYY-MM-DD</c>).</summary>
        public static RetentionReport Retention(string recordPath, string at, RetentionOptions options = null)
        {
            byte[] p = Utf8.Required(recordPath, "recordPath");
            byte[] a = Utf8.Required(at, "at");
            int law = options != null && options.Law.HasValue ? options.Law.Value : 0;
            return Object<RetentionReport>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_retention(p, a, law, out j, out e)));
        }

        /// <summary>A deadline from <paramref name="start"/> (<c>vanthu due</c>).</summary>
        public static DueResult Due(string start, DueOptions options)
        {
            byte[] s = Utf8.Required(start, "start");
            byte[] o = Options(options);
            return Object<DueResult>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_due(s, o, out j, out e)));
        }

        /// <summary>The lunar date of a solar <paramref name="date"/> (<c>YYYY-MM-DD</c> or <c>D/M/YYYY</c>).</summary>
        public static LunarDate Lunar(string date)
        {
            byte[] d = Utf8.Required(date, "date");
            return Object<LunarDate>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_lunar(d, out j, out e)));
        }

        /// <summary>The solar date of the lunar date <paramref name="lunar"/> (<c>D/M/YYYY</c>; <paramref name="leap"/>:
        /// in the leap month); <see cref="NoSuchDateException"/> when that year has no such day.</summary>
        public static LunarDate LunarToSolar(string lunar, bool leap = false)
        {
            byte[] d = Utf8.Required(lunar, "lunar");
            return Object<LunarDate>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_lunar_to_solar(d, leap, out j, out e)));
        }

        /// <summary>A year's days off and working days, 1900–2100 (<c>vanthu calendar</c>).</summary>
        public static YearCalendar Calendar(int year)
        {
            return Object<YearCalendar>(Run(
                (out VanthuStringHandle j, out VanthuStringHandle e) => Native.vanthu_calendar(year, out j, out e)));
        }

        // The one way every call goes: run it, free both strings (SafeHandles) whatever happens, turn a non-zero
        // status into the exception of its kind.
        internal static string Run(Call call)
        {
            VanthuStringHandle json = null;
            VanthuStringHandle error = null;
            try
            {
                int status = call(out json, out error);
                if (status != 0)
                {
                    throw VanthuException.FromJson(status, error == null ? null : error.Read());
                }
                string text = json == null ? null : json.Read();
                if (text == null)
                {
                    throw VanthuException.Local(99, "internal", "vanthu returned no result", "vanthu không trả về kết quả");
                }
                return text;
            }
            finally
            {
                if (json != null) json.Dispose();
                if (error != null) error.Dispose();
            }
        }

        internal static T Object<T>(string json) where T : VanthuResult
        {
            T result = JsonCodec.Current.Read<T>(json);
            result.Json = json;
            return result;
        }

        internal static ResultList<T> List<T>(string json) where T : VanthuResult
        {
            var items = new List<T>();
            foreach (string element in JsonCodec.Current.Elements(json))
            {
                items.Add(Object<T>(element));
            }
            return new ResultList<T>(items, json);
        }

        private static byte[] Options(object options)
        {
            return options == null ? null : Utf8.Encode(JsonCodec.Current.WriteOptions(options), "options");
        }
    }
}
