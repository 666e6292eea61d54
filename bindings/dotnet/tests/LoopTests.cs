// The loop (leaks and crashes): VANTHU_LOOP_CALLS calls (default 1000), alternating a successful call on a real
// package and a failing one, and an office created, used and disposed each iteration. The resident memory is read
// after the first 10 % of the calls and at the end; it must not grow by more than 16 MiB.
using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Vanthu.Tests
{
    internal static class LoopTests
    {
        private const long BoundKiB = 16 * 1024;

        [Test]
        public static void NoLeakNoCrash()
        {
            string env = Environment.GetEnvironmentVariable("VANTHU_LOOP_CALLS");
            int calls = string.IsNullOrEmpty(env) ? 1000 : int.Parse(env, CultureInfo.InvariantCulture);
            string package = Env.Sample("status_acceptance_03.edxml");
            string notPackage = Path.Combine(Env.Scratch("loop"), "not-a-package.edxml");
            File.WriteAllText(notPackage, "hello");
            var options = new CheckOptions { At = Env.At };
            const string Event = "{\"at\": \"2025-03-03T07:00:00+07:00\", \"type\": \"actor_added\", " +
                "\"actor\": {\"id\": \"clerk\", \"name\": \"Văn Thư\", \"roles\": [\"clerk\"]}}";
            long before = 0;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < calls; i++)
            {
                if (i == calls / 10)
                {
                    before = Rss();
                }
                switch (i % 4)
                {
                    case 0:
                        Assert.Equal("status", Vanthu.Inspect(package).Kind, "inspect");
                        break;
                    case 1:
                        Assert.True(Vanthu.Check(package, options)[0].Findings != null, "check");
                        break;
                    default:
                        try
                        {
                            Vanthu.Inspect(notPackage);
                            throw new Exception("a non-package was read");
                        }
                        catch (UnreadableException e)
                        {
                            Assert.Equal(3, e.Code, "code");
                        }
                        break;
                }
                using (var office = new Office("000.00.15.H47"))
                {
                    office.Apply(Event);
                    Assert.Equal("000.00.15.H47", office.Snapshot().Agency, "snapshot");
                }
            }
            long after = Rss();
            Console.WriteLine("loop dotnet: {0} calls in {1} s, rss {2} KiB -> {3} KiB", calls,
                clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture), before, after);
            Assert.True(after - before <= BoundKiB, "resident memory grew by " + (after - before) + " KiB, more than 16 MiB");
        }

        /// <summary>VmRSS of /proc/self/status, in KiB, after a full collection (so that what is measured is
        /// what stays: native memory not freed, handles not released, not garbage waiting for the GC).</summary>
        private static long Rss()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            string line = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("VmRSS:"));
            return long.Parse(line.Substring(6).Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
    }
}
