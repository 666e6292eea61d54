// The codec Mono uses (MiniJson): values read and written back unchanged, array elements taken as written.
using System;
using System.Collections.Generic;

namespace Vanthu.Tests
{
    internal static class JsonTests
    {
        private const string Tricky = "[{\"a\": \"x]}\\\"{[\", \"b\": [1, -2.5e3, 18446744073709551615, true, null]}," +
            " \"Ất Tỵ \\u00e1 \\ud83d\\ude00 \\n\\t\\\\\", [], {}, 0, -0.5, \"]\"]";

        [Test]
        public static void RoundTrip()
        {
            object value = MiniJson.Parse(Tricky);
            string written = JsonCodec.Current.Write(value);
            Assert.SameJson(Tricky, written, "parse then write");
            var items = (List<object>)value;
            Assert.Equal("Ất Tỵ á 😀 \n\t\\", (string)items[1], "escapes and surrogate pairs");
            Assert.Equal(18446744073709551615UL, (ulong)((List<object>)((Dictionary<string, object>)items[0])["b"])[2], "u64");
        }

        [Test]
        public static void Elements()
        {
            IList<string> elements = JsonCodec.Current.Elements(Tricky);
            Assert.Equal(7, elements.Count, "elements");
            Assert.Equal("\"]\"", elements[6], "a string with a bracket");
            Assert.Equal("[]", elements[2], "an empty array");
            Assert.SameJson(JsonCodec.Current.Write(((List<object>)MiniJson.Parse(Tricky))[0]), elements[0], "the first element");
            Assert.Equal(0, JsonCodec.Current.Elements(" [ ] ").Count, "no element");
        }

        [Test]
        public static void Malformed()
        {
            foreach (string bad in new[] { "", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "[1] 2", "{\"a\":1,}" })
            {
                try
                {
                    MiniJson.Parse(bad);
                    throw new Exception("read as JSON: " + bad);
                }
                catch (FormatException)
                {
                }
            }
        }

        [Test]
        public static void OptionsLeaveOutNulls()
        {
            Assert.Equal("{}", JsonCodec.Current.WriteOptions(new CheckOptions()), "no option");
            Assert.SameJson("{\"trust\": [\"a.cer\"], \"strict\": true, \"jobs\": 2, \"roles\": {\"agency_names\": [\"Sở\"]}}",
                JsonCodec.Current.WriteOptions(new CheckOptions
                {
                    Trust = new List<string> { "a.cer" },
                    Strict = true,
                    Jobs = 2,
                    Roles = new RolePolicy { AgencyNames = new List<string> { "Sở" } },
                }), "options JSON");
        }
    }
}
