// The README's example runs as written: its five lines are taken from README.md, put in a Main, compiled with mcs
// against the library and run in a folder holding the files it names (from `vanthu demo`).
using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Vanthu.Tests
{
    internal static class ReadmeTests
    {
        [Test]
        public static void ExampleRunsAsWritten()
        {
            string readme = File.ReadAllText(Path.Combine(Env.Root, "bindings", "dotnet", "README.md"));
            MatchCollection blocks = Regex.Matches(readme, "```csharp\n(.*?)```", RegexOptions.Singleline);
            Assert.Equal(1, blocks.Count, "one csharp block in the README");
            string code = blocks[0].Groups[1].Value;
            Assert.Equal(5, code.Split('\n').Count(line => line.Trim().Length > 0), "five lines");

            string dir = Env.Scratch("readme");
            Directory.CreateDirectory(Path.Combine(dir, "inbox"));
            File.Copy(Path.Combine(Env.Demo, "unit1", "received", "182-QD-LDTBXH.edxml"), Path.Combine(dir, "inbox", "182-QD-LDTBXH.edxml"));
            File.Copy(Path.Combine(Env.Demo, "sender", "182-QD-LDTBXH.signed.pdf"), Path.Combine(dir, "182-QD-LDTBXH.pdf"));
            File.Copy(Path.Combine(Env.Demo, "pki", "root.cer"), Path.Combine(dir, "root.cer"));
            string library = typeof(Vanthu).Assembly.Location;
            string source = Path.Combine(dir, "Example.cs");
            File.WriteAllText(source, "using System;\nusing Vanthu;\n\nstatic class Example\n{\n    static void Main()\n    {\n" + code + "    }\n}\n");
            string exe = Path.Combine(dir, "Example.exe");
            Env.Result compiled = Env.Run("mcs", new[] { "-r:" + library, "-out:" + exe, source }, dir);
            Assert.Equal(0, compiled.Code, "mcs compiles the example: " + compiled.Output + compiled.Error);
            File.Copy(library, Path.Combine(dir, Path.GetFileName(library)));
            Env.Result run = Env.Run("mono", new[] { exe }, dir);
            Assert.Equal(0, run.Code, "the example runs: " + run.Error);
            string[] lines = run.Output.Split('\n');
            Assert.True(lines.Any(l => l.Contains("182/QĐ-LĐTBXH")), "the package's id is printed: " + run.Output);
            Assert.True(lines.Any(l => l.Contains("original")), "the PDF is an original: " + run.Output);
            Assert.True(File.Exists(Path.Combine(dir, "reply-03.edxml")), "the reply is written");
            var reply = (StatusSummary)Vanthu.Inspect(Path.Combine(dir, "reply-03.edxml"));
            Assert.Equal("03", reply.StatusCode, "a 03 reply");
        }
    }
}
