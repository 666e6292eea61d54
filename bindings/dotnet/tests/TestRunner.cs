// A small self-contained test runner (NUnit is not packaged for Debian in a usable form): every public static
// method marked [Test] of this assembly is a test; each runs, its outcome is printed, and the exit code is the number
// of failures (capped at 1), so test.sh fails on any. `Vanthu.Tests.exe driver CASES OUT` runs the harness driver
// instead; `Vanthu.Tests.exe NAME...` runs the tests whose names contain one of NAMEs.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;

namespace Vanthu.Tests
{
    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class TestAttribute : Attribute
    {
    }

    internal static class TestRunner
    {
        private static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "driver")
            {
                return Driver.Run(args.Skip(1).ToArray());
            }
            var tests = typeof(TestRunner).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
                .Where(m => m.IsDefined(typeof(TestAttribute), false))
                .OrderBy(m => m.DeclaringType.Name).ThenBy(m => m.Name)
                .Where(m => args.Length == 0 || args.Any(a => (m.DeclaringType.Name + "." + m.Name).Contains(a)))
                .ToList();
            if (tests.Count == 0)
            {
                Console.Error.WriteLine("no test matches");
                return 1;
            }
            var failed = new List<string>();
            foreach (MethodInfo test in tests)
            {
                string name = test.DeclaringType.Name + "." + test.Name;
                var clock = Stopwatch.StartNew();
                try
                {
                    test.Invoke(null, null);
                    Console.WriteLine("ok   {0} ({1:0.00} s)", name, clock.Elapsed.TotalSeconds);
                }
                catch (TargetInvocationException e)
                {
                    failed.Add(name);
                    Console.WriteLine("FAIL {0}: {1}", name, e.InnerException);
                }
            }
            if (failed.Count > 0)
            {
                Console.WriteLine("failed: " + string.Join(", ", failed));
            }
            Console.WriteLine("dotnet: {0} passed, {1} failed", tests.Count - failed.Count, failed.Count);
            return failed.Count == 0 ? 0 : 1;
        }
    }

    /// <summary>Assertions: each throws with what was expected and what was found.</summary>
    internal static class Assert
    {
        internal static void True(bool condition, string what)
        {
            if (!condition)
            {
                throw new Exception("expected: " + what);
            }
        }

        internal static void Equal<T>(T expected, T actual, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                throw new Exception(what + ": expected " + expected + ", got " + actual);
            }
        }

        /// <summary>Runs <paramref name="call"/>, which must throw the vanthu error <typeparamref name="T"/>.</summary>
        internal static T Throws<T>(Action call, string what) where T : VanthuException
        {
            try
            {
                call();
            }
            catch (T e)
            {
                return e;
            }
            catch (Exception e)
            {
                throw new Exception(what + ": expected " + typeof(T).Name + ", got " + e.GetType().Name + ": " + e.Message);
            }
            throw new Exception(what + ": expected " + typeof(T).Name + ", nothing was thrown");
        }

        /// <summary>The two JSON values are equal (objects as key sets, numbers as numbers).</summary>
        internal static void SameJson(string expected, string actual, string what)
        {
            string difference = Json.Difference(MiniJson.Parse(expected), MiniJson.Parse(actual), "$");
            if (difference != null)
            {
                throw new Exception(what + ": the JSON differs at " + difference);
            }
        }
    }

    internal static class Json
    {
        /// <summary>Where two parsed JSON values differ, or null.</summary>
        internal static string Difference(object a, object b, string path)
        {
            var da = a as Dictionary<string, object>;
            var db = b as Dictionary<string, object>;
            if (da != null || db != null)
            {
                if (da == null || db == null) return path + " (object vs not)";
                foreach (string key in da.Keys.Union(db.Keys))
                {
                    if (!da.ContainsKey(key)) return path + "." + key + " (only in the second)";
                    if (!db.ContainsKey(key)) return path + "." + key + " (only in the first)";
                    string d = Difference(da[key], db[key], path + "." + key);
                    if (d != null) return d;
                }
                return null;
            }
            var la = a as List<object>;
            var lb = b as List<object>;
            if (la != null || lb != null)
            {
                if (la == null || lb == null) return path + " (array vs not)";
                if (la.Count != lb.Count) return path + " (" + la.Count + " vs " + lb.Count + " elements)";
                for (int i = 0; i < la.Count; i++)
                {
                    string d = Difference(la[i], lb[i], path + "[" + i + "]");
                    if (d != null) return d;
                }
                return null;
            }
            if (a == null || b == null) return a == b ? null : path + " (" + (a ?? "null") + " vs " + (b ?? "null") + ")";
            if (a is string || b is string || a is bool || b is bool)
            {
                return a.Equals(b) ? null : path + " (" + a + " vs " + b + ")";
            }
            return Convert.ToDouble(a).Equals(Convert.ToDouble(b)) ? null : path + " (" + a + " vs " + b + ")";
        }
    }
}
