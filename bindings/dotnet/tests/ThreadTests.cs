// Calls from several threads at once give what one thread gets; one office is shared between threads.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Vanthu.Tests
{
    internal static class ThreadTests
    {
        [Test]
        public static void ParallelCallsAndASharedOffice()
        {
            string package = Env.Sample("edoc_new.edxml");
            var options = new CheckOptions { At = Env.At };
            string expected = Env.Json(Vanthu.Check(package, options));
            var failures = new List<string>();
            using (var office = new Office("000.00.15.H47"))
            {
                Thread[] threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
                {
                    try
                    {
                        for (int i = 0; i < 20; i++)
                        {
                            Assert.SameJson(expected, Env.Json(Vanthu.Check(package, options)), "check in a thread");
                            office.Apply("{\"at\": \"2025-03-03T07:00:00+07:00\", \"type\": \"actor_added\", " +
                                "\"actor\": {\"id\": \"clerk-" + t + "-" + i + "\", \"name\": \"Văn Thư\", \"roles\": [\"clerk\"]}}");
                        }
                    }
                    catch (Exception e)
                    {
                        lock (failures) failures.Add(e.Message);
                    }
                })).ToArray();
                foreach (Thread thread in threads) thread.Start();
                foreach (Thread thread in threads) thread.Join();
                Assert.True(failures.Count == 0, "no thread failed: " + string.Join("; ", failures));
                string snapshot = office.Snapshot().Json;
                for (int t = 0; t < 4; t++)
                {
                    for (int i = 0; i < 20; i++)
                    {
                        Assert.True(snapshot.Contains("\"clerk-" + t + "-" + i + "\""), "every thread's events were applied");
                    }
                }
            }
        }
    }
}
