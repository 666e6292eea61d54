// The driver of the shared harness (bindings/harness): `Vanthu.Tests.exe driver CASES OUT`. For each case of CASES
// (UTF-8, one per line: name TAB call TAB arguments; `@key=value` arguments are options) it calls the binding as a
// C# program would and writes OUT/<name>.json: {"ok": VALUE}, VALUE being the typed result the caller gets, written
// back to JSON by the library's codec (System.Text.Json's attributes; what is not typed comes from Extra), or
// {"error": {...}} from the VanthuException's properties. Exit 0 when every case was run.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace Vanthu.Tests
{
    internal static class Driver
    {
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false);

        internal static int Run(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: Vanthu.Tests.exe driver CASES OUT");
                return 2;
            }
            Directory.CreateDirectory(args[1]);
            int count = 0;
            foreach (string raw in File.ReadAllLines(args[0], Utf8NoBom))
            {
                string line = raw.TrimEnd('\r');
                if (line.Length == 0) continue;
                string[] fields = line.Split('\t');
                if (fields.Length < 2)
                {
                    Console.Error.WriteLine("a case needs a name and a call: " + line);
                    return 2;
                }
                var positional = new List<string>();
                var options = new List<KeyValuePair<string, string>>();
                foreach (string field in fields.Skip(2))
                {
                    int eq = field.IndexOf('=');
                    if (field.StartsWith("@") && eq > 1)
                        options.Add(new KeyValuePair<string, string>(field.Substring(1, eq - 1), field.Substring(eq + 1)));
                    else
                        positional.Add(field);
                }
                string output;
                try
                {
                    output = "{\"ok\":" + JsonCodec.Current.Write(Call(fields[1], positional, options)) + "}";
                }
                catch (VanthuException e)
                {
                    output = "{\"error\":" + JsonCodec.Current.Write(ErrorValue(e)) + "}";
                }
                File.WriteAllText(Path.Combine(args[1], fields[0] + ".json"), output, Utf8NoBom);
                count++;
            }
            Console.Error.WriteLine("driver dotnet: " + count + " cases");
            return 0;
        }

        private static Dictionary<string, object> ErrorValue(VanthuException e)
        {
            var error = new Dictionary<string, object>
            {
                { "code", e.Code },
                { "kind", e.Kind },
                { "message", e.Message },
                { "message_vi", e.MessageVi },
            };
            if (e.Rule != null) error["rule"] = e.Rule;
            if (e.Location != null) error["location"] = e.Location;
            return error;
        }

        private static object Call(string call, List<string> a, List<KeyValuePair<string, string>> o)
        {
            switch (call)
            {
                case "version": Arity(a, 0); return Vanthu.Version();
                case "rules": Arity(a, 0); return Vanthu.Rules();
                case "identify": Arity(a, 1); return Vanthu.Identify(a[0]);
                case "text_check": Arity(a, 1); return Vanthu.TextCheck(a[0]);
                case "text_fix":
                    Arity(a, 1);
                    using (FileStream text = File.OpenRead(a[0])) return Vanthu.TextFix(text, Options<TextFixOptions>(o));
                case "inspect": Arity(a, 1); return Vanthu.Inspect(a[0]);
                case "model": Arity(a, 1); return Vanthu.Model(a[0]);
                case "check": Arity(a, 1); return Vanthu.Check(a[0], Options<CheckOptions>(o));
                case "check_bytes":
                    // The bytes of FILE, passed as a Stream (read by the binding within 256 MiB).
                    Arity(a, 2);
                    using (FileStream bytes = OpenOrFail(a[1])) return Vanthu.CheckBytes(a[0], bytes, Options<CheckOptions>(o));
                case "verify_pdf":
                    Arity(a, 2);
                    return Vanthu.VerifyPdf(a[0], a[1].Length == 0 ? null : a[1], Options<VerifyOptions>(o));
                case "reply": Arity(a, 4); return Vanthu.Reply(a[0], a[1], a[2], a[3], Options<ReplyOptions>(o));
                case "replay": Arity(a, 1); return Vanthu.Replay(a[0], Options<ReplayOptions>(o));
                case "archive_check": Arity(a, 1); return Vanthu.ArchiveCheck(a[0], Options<ArchiveCheckOptions>(o));
                case "archive_pack": Arity(a, 2); return Vanthu.ArchivePack(a[0], a[1], Options<ArchivePackOptions>(o));
                case "normalize": Arity(a, 2); return Vanthu.Normalize(a[0], a[1]);
                case "extract": Arity(a, 2); return Vanthu.Extract(a[0], a[1], Options<ExtractOptions>(o));
                case "write": return Vanthu.Write(File.ReadAllText(a[0], Utf8NoBom), a.Skip(1).Take(a.Count - 2), a[a.Count - 1]);
                case "retention": Arity(a, 2); return Vanthu.Retention(a[0], a[1], Options<RetentionOptions>(o));
                case "calendar": Arity(a, 1); return Vanthu.Calendar(Integer(a[0], "year"));
                case "lunar": Arity(a, 1); return Vanthu.Lunar(a[0]);
                case "lunar_to_solar":
                    Arity(a, 1);
                    return Vanthu.LunarToSolar(a[0], o.Any(kv => kv.Key == "leap" && kv.Value == "true"));
                case "due": Arity(a, 1); return Vanthu.Due(a[0], Options<DueOptions>(o));
                case "office":
                    if (a.Count < 1) throw Bad("office needs an agency");
                    string rules = o.Where(kv => kv.Key == "rules").Select(kv => kv.Value).LastOrDefault();
                    using (var office = new Office(a[0], rules))
                    {
                        foreach (string e in a.Skip(1))
                        {
                            office.Apply(e);
                        }
                        return office.Snapshot();
                    }
                default: throw Bad("unknown call " + call);
            }
        }

        private static FileStream OpenOrFail(string path)
        {
            try
            {
                return File.OpenRead(path);
            }
            catch (IOException e)
            {
                throw VanthuException.Local(2, "io", path + ": " + e.Message, path + ": " + e.Message);
            }
        }

        private static void Arity(List<string> a, int n)
        {
            if (a.Count != n) throw Bad("expected " + n + " arguments, got " + a.Count);
        }

        private static int Integer(string text, string what)
        {
            int value;
            if (!int.TryParse(text, out value)) throw Bad(what + " is not an integer: " + text);
            return value;
        }

        private static VanthuException Bad(string message)
        {
            return VanthuException.Local(1, "invalid_argument", message, message);
        }

        /// <summary>The options object <typeparamref name="T"/> with each `@key=value` set on the property that has
        /// that JSON name (a list property takes every value given for its key).</summary>
        private static T Options<T>(List<KeyValuePair<string, string>> given) where T : class, new()
        {
            if (given.Count == 0) return null;
            var options = new T();
            foreach (KeyValuePair<string, string> kv in given)
            {
                PropertyInfo property = typeof(T).GetProperties().FirstOrDefault(p =>
                {
                    var name = (JsonPropertyNameAttribute)Attribute.GetCustomAttribute(p, typeof(JsonPropertyNameAttribute));
                    return name != null && name.Name == kv.Key;
                });
                if (property == null) throw Bad("unknown option " + kv.Key + " for " + typeof(T).Name);
                Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (type == typeof(string)) property.SetValue(options, kv.Value, null);
                else if (type == typeof(bool))
                {
                    if (kv.Value != "true" && kv.Value != "false") throw Bad(kv.Key + " must be true or false");
                    property.SetValue(options, kv.Value == "true", null);
                }
                else if (type == typeof(int)) property.SetValue(options, Integer(kv.Value, kv.Key), null);
                else if (type == typeof(long))
                {
                    long value;
                    if (!long.TryParse(kv.Value, out value)) throw Bad(kv.Key + " is not an integer");
                    property.SetValue(options, value, null);
                }
                else if (type == typeof(List<string>))
                {
                    var list = (List<string>)property.GetValue(options, null) ?? new List<string>();
                    list.Add(kv.Value);
                    property.SetValue(options, list, null);
                }
                else if (type == typeof(RolePolicy)) property.SetValue(options, JsonCodec.Current.Read<RolePolicy>(kv.Value), null);
                else throw Bad("option " + kv.Key + " has a type the driver does not set");
            }
            return options;
        }
    }
}
