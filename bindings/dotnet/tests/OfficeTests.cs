// The office: a handle created, driven event by event, snapshot, disposed.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Vanthu.Tests
{
    internal static class OfficeTests
    {
        [Test]
        public static void EventByEventIsTheReplay()
        {
            string log = Path.Combine(Env.Demo, "unit1", "events.json");
            var parsed = (Dictionary<string, object>)MiniJson.Parse(File.ReadAllText(log));
            int effects = 0;
            OfficeState state;
            using (var office = new Office((string)parsed["agency"]))
            {
                foreach (object e in (List<object>)parsed["events"])
                {
                    effects += office.Apply(JsonCodec.Current.Write(e)).Count;
                }
                state = office.Snapshot();
            }
            Assert.True(effects > 0, "effects were asked for");
            var replay = (Dictionary<string, object>)MiniJson.Parse(Env.CliJson("replay", log));
            Assert.SameJson(JsonCodec.Current.Write(replay["state"]), Env.Json(state), "the snapshot is the replay's state");
            Assert.Equal("000.01.15.H47", state.Agency, "agency");
        }

        [Test]
        public static void RefusedAndDisposed()
        {
            var office = new Office("000.00.15.H47");
            ResultList<Effect> none = office.Apply("{\"at\": \"2025-03-03T07:00:00+07:00\", \"type\": \"actor_added\", " +
                "\"actor\": {\"id\": \"clerk\", \"name\": \"Văn Thư\", \"roles\": [\"clerk\"]}}");
            Assert.Equal(0, none.Count, "no effect");
            RefusedException refused = Assert.Throws<RefusedException>(() => office.Apply(
                "{\"at\": \"2025-03-03T07:00:00+07:00\", \"type\": \"actor_disabled\", \"actor\": \"nobody\"}"), "an unknown actor");
            Assert.Equal(4, refused.Code, "code");
            Assert.True(refused.Rule != null, "the rule says why");
            Assert.Throws<InvalidArgumentException>(() => office.Apply("{"), "not JSON");
            Assert.True(office.Snapshot().Json.Contains("Văn Thư"), "the clerk is in the office, in UTF-8");
            office.Dispose();
            office.Dispose(); // twice is harmless
            try
            {
                office.Snapshot();
                throw new Exception("a disposed office was used");
            }
            catch (ObjectDisposedException)
            {
            }
            Assert.Throws<InvalidArgumentException>(() => new Office("not an agency"), "a bad agency id");
            Assert.Throws<InvalidArgumentException>(() => new Office("000.00.15.H47", "atlantis"), "unknown rules");
        }
    }
}
