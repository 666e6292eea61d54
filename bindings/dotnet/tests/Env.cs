using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Vanthu.Tests
{
    /// <summary>
    /// What the tests compare with and read: the vanthu CLI (VANTHU_CLI, set by test.sh), the real packages of the
    /// fixtures folder beside the repository, and a `vanthu demo` folder made once per run. Any of them missing is a
    /// failure, never a skip.
    /// </summary>
    internal static class Env
    {
        /// <summary>The instant the comparisons are made at: the demo's documents are valid then.</summary>
        internal const string At = "2025-06-03T09:00:00+07:00";

        private static string demo;
        private static string scratch;

        internal static string Root
        {
            get
            {
                string dir = Path.GetDirectoryName(typeof(Env).Assembly.Location);
                for (; dir != null; dir = Path.GetDirectoryName(dir))
                {
                    if (File.Exists(Path.Combine(dir, "Cargo.toml")) && Directory.Exists(Path.Combine(dir, "bindings", "dotnet")))
                    {
                        return dir;
                    }
                }
                string root = Environment.GetEnvironmentVariable("VANTHU_ROOT");
                if (root == null) throw new Exception("the repository root is not above the test assembly: set VANTHU_ROOT");
                return root;
            }
        }

        internal static string Cli
        {
            get
            {
                string cli = Environment.GetEnvironmentVariable("VANTHU_CLI");
                if (string.IsNullOrEmpty(cli)) cli = Path.Combine(Root, "target", "debug", "vanthu");
                if (!File.Exists(cli)) throw new Exception("the vanthu CLI is not built at " + cli);
                return cli;
            }
        }

        internal static string Fixtures
        {
            get
            {
                string path = Path.Combine(Path.GetDirectoryName(Root), "shared", "fixtures");
                if (!Directory.Exists(Path.Combine(path, "vpcp-samples")))
                {
                    throw new Exception("the real packages are not at " + path + " (the fixtures folder beside the repository)");
                }
                return path;
            }
        }

        internal static string Sample(string name)
        {
            return Path.Combine(Fixtures, "vpcp-samples", name);
        }

        /// <summary>A fresh temporary folder, removed at exit.</summary>
        internal static string Scratch(string name)
        {
            if (scratch == null)
            {
                scratch = Path.Combine(Path.GetTempPath(), "vanthu-dotnet-" + Process.GetCurrentProcess().Id);
                Directory.CreateDirectory(scratch);
                AppDomain.CurrentDomain.ProcessExit += (s, e) =>
                {
                    try { Directory.Delete(scratch, true); } catch (IOException) { }
                };
            }
            string dir = Path.Combine(scratch, name);
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            Directory.CreateDirectory(dir);
            return dir;
        }

        /// <summary>The output of `vanthu demo`: packages, signed PDFs, the test PKI, event logs.</summary>
        internal static string Demo
        {
            get
            {
                if (demo == null)
                {
                    string dir = Path.Combine(Scratch("demo-parent"), "demo");
                    var run = Run(Cli, new[] { "demo", "--out", dir }, null);
                    if (run.Code != 0) throw new Exception("vanthu demo failed: " + run.Error);
                    demo = dir;
                }
                return demo;
            }
        }

        internal sealed class Result
        {
            internal int Code;
            internal string Output;
            internal string Error;
        }

        /// <summary>Runs a program with arguments (quoted for Mono's process start), in <paramref name="cwd"/>.</summary>
        internal static Result Run(string program, string[] args, string cwd)
        {
            var info = new ProcessStartInfo(program)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            var quoted = new StringBuilder();
            foreach (string arg in args)
            {
                if (quoted.Length > 0) quoted.Append(' ');
                quoted.Append('"').Append(arg.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
            }
            info.Arguments = quoted.ToString();
            if (cwd != null) info.WorkingDirectory = cwd;
            using (Process process = Process.Start(info))
            {
                var error = process.StandardError.ReadToEndAsync();
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return new Result { Code = process.ExitCode, Output = output, Error = error.Result };
            }
        }

        /// <summary>What the CLI prints with --json for <paramref name="args"/> (exit 0 or 1; `check` 2 too, for
        /// a file it could not read, whose report says why).</summary>
        internal static string CliJson(params string[] args)
        {
            var full = new string[args.Length + 1];
            Array.Copy(args, full, args.Length);
            full[args.Length] = "--json";
            return CliOutput(full);
        }

        /// <summary>What the CLI prints for <paramref name="args"/>.</summary>
        internal static string CliOutput(params string[] args)
        {
            Result run = Run(Cli, args, null);
            if (run.Code != 0 && run.Code != 1 && !(run.Code == 2 && args[0] == "check"))
            {
                throw new Exception("vanthu " + string.Join(" ", args) + " exited " + run.Code + ": " + run.Error);
            }
            return run.Output;
        }

        /// <summary>A result as the caller has it, written back to JSON (the codec of the library).</summary>
        internal static string Json(object result)
        {
            return JsonCodec.Current.Write(result);
        }
    }
}
