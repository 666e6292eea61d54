#if !NET
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace Vanthu
{
    /// <summary>
    /// The codec on Mono, which has no System.Text.Json: a small JSON reader and writer (RFC 8259) that binds objects
    /// to the result classes through the same attributes System.Text.Json reads. A value the classes do not name goes
    /// to the <c>[JsonExtensionData]</c> dictionary as a plain tree: <c>Dictionary&lt;string, object&gt;</c>,
    /// <c>List&lt;object&gt;</c>, <c>string</c>, <c>long</c> (or <c>ulong</c>, <c>double</c>), <c>bool</c>, null.
    /// </summary>
    internal sealed class MiniJson : IJsonCodec
    {
        private sealed class Member
        {
            internal PropertyInfo Property;
            internal string Name;
            internal bool IgnoreWhenNull;
        }

        private sealed class Shape
        {
            internal readonly List<Member> Members = new List<Member>();
            internal readonly Dictionary<string, Member> ByName = new Dictionary<string, Member>();
            internal PropertyInfo Extension;
        }

        private static readonly Dictionary<Type, Shape> Shapes = new Dictionary<Type, Shape>();

        public T Read<T>(string json) where T : class
        {
            return (T)Bind(Parse(json), typeof(T));
        }

        public IList<string> Elements(string json)
        {
            var reader = new Reader(json);
            var elements = new List<string>();
            reader.SkipSpace();
            reader.Expect('[');
            reader.SkipSpace();
            if (reader.Peek() == ']')
            {
                return elements;
            }
            while (true)
            {
                reader.SkipSpace();
                int start = reader.Position;
                reader.Skip();
                elements.Add(json.Substring(start, reader.Position - start));
                reader.SkipSpace();
                if (reader.Next() == ']')
                {
                    return elements;
                }
            }
        }

        public string Write(object value)
        {
            var output = new StringBuilder();
            WriteValue(value, output, false);
            return output.ToString();
        }

        public string WriteOptions(object options)
        {
            var output = new StringBuilder();
            WriteValue(options, output, true);
            return output.ToString();
        }

        /// <summary>The tree of <paramref name="json"/> (objects, arrays, strings, numbers, booleans, null).</summary>
        internal static object Parse(string json)
        {
            var reader = new Reader(json);
            reader.SkipSpace();
            object value = reader.Value();
            reader.SkipSpace();
            if (reader.Position != json.Length)
            {
                throw reader.Fail("text after the JSON value");
            }
            return value;
        }

        private static Shape ShapeOf(Type type)
        {
            lock (Shapes)
            {
                Shape shape;
                if (Shapes.TryGetValue(type, out shape))
                {
                    return shape;
                }
                shape = new Shape();
                // Base classes first, then each class's properties in declaration order.
                var chain = new List<Type>();
                for (Type t = type; t != null && t != typeof(object); t = t.BaseType)
                {
                    chain.Insert(0, t);
                }
                foreach (Type t in chain)
                {
                    foreach (PropertyInfo property in t.GetProperties(
                        BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                    {
                        if (property.GetIndexParameters().Length > 0)
                        {
                            continue;
                        }
                        if (property.IsDefined(typeof(JsonExtensionDataAttribute), true))
                        {
                            shape.Extension = property;
                            continue;
                        }
                        var ignore = (JsonIgnoreAttribute)Attribute.GetCustomAttribute(
                            property, typeof(JsonIgnoreAttribute), true);
                        if (ignore != null && ignore.Condition == JsonIgnoreCondition.Always)
                        {
                            continue;
                        }
                        var named = (JsonPropertyNameAttribute)Attribute.GetCustomAttribute(
                            property, typeof(JsonPropertyNameAttribute), true);
                        var member = new Member
                        {
                            Property = property,
                            Name = named != null ? named.Name : property.Name,
                            IgnoreWhenNull = ignore != null && ignore.Condition == JsonIgnoreCondition.WhenWritingNull,
                        };
                        shape.Members.Add(member);
                        shape.ByName[member.Name] = member;
                    }
                }
                Shapes[type] = shape;
                return shape;
            }
        }

        private static object Bind(object node, Type type)
        {
            Type underlying = Nullable.GetUnderlyingType(type);
            if (node == null)
            {
                return type.IsValueType && underlying == null ? Activator.CreateInstance(type) : null;
            }
            if (underlying != null)
            {
                type = underlying;
            }
            if (type == typeof(object))
            {
                return node;
            }
            if (type == typeof(string))
            {
                var text = node as string;
                if (text == null)
                {
                    throw new FormatException("a string was expected, not " + Describe(node));
                }
                return text;
            }
            if (type == typeof(bool))
            {
                if (!(node is bool))
                {
                    throw new FormatException("true or false was expected, not " + Describe(node));
                }
                return node;
            }
            if (type.IsPrimitive || type == typeof(decimal))
            {
                if (!(node is long || node is ulong || node is double))
                {
                    throw new FormatException("a number was expected, not " + Describe(node));
                }
                return Convert.ChangeType(node, type, CultureInfo.InvariantCulture);
            }
            if (type.IsGenericType)
            {
                Type definition = type.GetGenericTypeDefinition();
                Type[] arguments = type.GetGenericArguments();
                if (definition == typeof(List<>) || definition == typeof(IList<>) ||
                    definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>))
                {
                    var items = node as List<object>;
                    if (items == null)
                    {
                        throw new FormatException("an array was expected, not " + Describe(node));
                    }
                    var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments));
                    foreach (object item in items)
                    {
                        list.Add(Bind(item, arguments[0]));
                    }
                    return list;
                }
                if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>))
                {
                    var fields = node as Dictionary<string, object>;
                    if (fields == null)
                    {
                        throw new FormatException("an object was expected, not " + Describe(node));
                    }
                    var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments));
                    foreach (KeyValuePair<string, object> field in fields)
                    {
                        map.Add(field.Key, Bind(field.Value, arguments[1]));
                    }
                    return map;
                }
            }
            var obj = node as Dictionary<string, object>;
            if (obj == null)
            {
                throw new FormatException("an object was expected for " + type.Name + ", not " + Describe(node));
            }
            object instance = Activator.CreateInstance(type, true);
            Shape shape = ShapeOf(type);
            Dictionary<string, object> extra = null;
            foreach (KeyValuePair<string, object> field in obj)
            {
                Member member;
                if (shape.ByName.TryGetValue(field.Key, out member) && member.Property.CanWrite)
                {
                    member.Property.SetValue(instance, Bind(field.Value, member.Property.PropertyType), null);
                }
                else if (shape.Extension != null)
                {
                    if (extra == null)
                    {
                        extra = new Dictionary<string, object>();
                    }
                    extra[field.Key] = field.Value;
                }
            }
            if (extra != null)
            {
                shape.Extension.SetValue(instance, extra, null);
            }
            return instance;
        }

        private static string Describe(object node)
        {
            if (node is string) return "a string";
            if (node is bool) return "a boolean";
            if (node is List<object>) return "an array";
            if (node is Dictionary<string, object>) return "an object";
            return "a number";
        }

        private static void WriteValue(object value, StringBuilder output, bool withoutNulls)
        {
            if (value == null)
            {
                output.Append("null");
                return;
            }
            var text = value as string;
            if (text != null)
            {
                WriteString(text, output);
                return;
            }
            if (value is bool)
            {
                output.Append((bool)value ? "true" : "false");
                return;
            }
            if (value is double || value is float)
            {
                double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    throw new FormatException("JSON has no NaN or infinity");
                }
                output.Append(number.ToString("R", CultureInfo.InvariantCulture));
                return;
            }
            if (value.GetType().IsPrimitive || value is decimal)
            {
                output.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            }
            var dictionary = value as IDictionary;
            if (dictionary != null)
            {
                output.Append('{');
                bool first = true;
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (!first) output.Append(',');
                    first = false;
                    WriteString(Convert.ToString(entry.Key, CultureInfo.InvariantCulture), output);
                    output.Append(':');
                    WriteValue(entry.Value, output, withoutNulls);
                }
                output.Append('}');
                return;
            }
            var sequence = value as IEnumerable;
            if (sequence != null)
            {
                output.Append('[');
                bool first = true;
                foreach (object item in sequence)
                {
                    if (!first) output.Append(',');
                    first = false;
                    WriteValue(item, output, withoutNulls);
                }
                output.Append(']');
                return;
            }
            WriteObject(value, output, withoutNulls);
        }

        private static void WriteObject(object value, StringBuilder output, bool withoutNulls)
        {
            Shape shape = ShapeOf(value.GetType());
            output.Append('{');
            bool first = true;
            foreach (Member member in shape.Members)
            {
                object field = member.Property.GetValue(value, null);
                if (field == null && (member.IgnoreWhenNull || withoutNulls))
                {
                    continue;
                }
                if (!first) output.Append(',');
                first = false;
                WriteString(member.Name, output);
                output.Append(':');
                WriteValue(field, output, withoutNulls);
            }
            var extra = shape.Extension == null ? null : shape.Extension.GetValue(value, null) as IDictionary;
            if (extra != null)
            {
                foreach (DictionaryEntry entry in extra)
                {
                    if (!first) output.Append(',');
                    first = false;
                    WriteString((string)entry.Key, output);
                    output.Append(':');
                    WriteValue(entry.Value, output, withoutNulls);
                }
            }
            output.Append('}');
        }

        private static void WriteString(string text, StringBuilder output)
        {
            output.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': output.Append("\\\""); break;
                    case '\\': output.Append("\\\\"); break;
                    case '\n': output.Append("\\n"); break;
                    case '\r': output.Append("\\r"); break;
                    case '\t': output.Append("\\t"); break;
                    case '\b': output.Append("\\b"); break;
                    case '\f': output.Append("\\f"); break;
                    default:
                        if (c < 0x20)
                        {
                            output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            output.Append(c);
                        }
                        break;
                }
            }
            output.Append('"');
        }

        private sealed class Reader
        {
            private readonly string text;
            internal int Position;

            internal Reader(string text)
            {
                this.text = text;
            }

            internal FormatException Fail(string what)
            {
                return new FormatException("JSON: " + what + " at character " + Position);
            }

            internal char Peek()
            {
                if (Position >= text.Length) throw Fail("unexpected end");
                return text[Position];
            }

            internal char Next()
            {
                char c = Peek();
                Position++;
                return c;
            }

            internal void Expect(char c)
            {
                if (Next() != c) throw Fail("'" + c + "' expected");
            }

            internal void SkipSpace()
            {
                while (Position < text.Length &&
                       (text[Position] == ' ' || text[Position] == '\t' || text[Position] == '\n' ||
                        text[Position] == '\r'))
                {
                    Position++;
                }
            }

            /// <summary>Passes over one value without building it (its text is taken as it is).</summary>
            internal void Skip()
            {
                char c = Peek();
                if (c == '"')
                {
                    SkipString();
                    return;
                }
                if (c != '{' && c != '[')
                {
                    Value();
                    return;
                }
                int depth = 0;
                do
                {
                    c = Next();
                    if (c == '"')
                    {
                        Position--;
                        SkipString();
                    }
                    else if (c == '{' || c == '[')
                    {
                        depth++;
                    }
                    else if (c == '}' || c == ']')
                    {
                        depth--;
                    }
                }
                while (depth > 0);
            }

            private void SkipString()
            {
                Expect('"');
                while (true)
                {
                    char c = Next();
                    if (c == '"') return;
                    if (c == '\\') Next();
                }
            }

            internal object Value()
            {
                char c = Peek();
                switch (c)
                {
                    case '{': return Object();
                    case '[': return Array();
                    case '"': return String();
                    case 't': Literal("true"); return true;
                    case 'f': Literal("false"); return false;
                    case 'n': Literal("null"); return null;
                    default:
                        if (c == '-' || (c >= '0' && c <= '9')) return Number();
                        throw Fail("unexpected '" + c + "'");
                }
            }

            private void Literal(string word)
            {
                if (string.CompareOrdinal(text, Position, word, 0, word.Length) != 0) throw Fail(word + " expected");
                Position += word.Length;
            }

            private Dictionary<string, object> Object()
            {
                var fields = new Dictionary<string, object>();
                Expect('{');
                SkipSpace();
                if (Peek() == '}')
                {
                    Position++;
                    return fields;
                }
                while (true)
                {
                    SkipSpace();
                    string key = String();
                    SkipSpace();
                    Expect(':');
                    SkipSpace();
                    fields[key] = Value();
                    SkipSpace();
                    char c = Next();
                    if (c == '}') return fields;
                    if (c != ',') throw Fail("',' or '}' expected");
                }
            }

            private List<object> Array()
            {
                var items = new List<object>();
                Expect('[');
                SkipSpace();
                if (Peek() == ']')
                {
                    Position++;
                    return items;
                }
                while (true)
                {
                    SkipSpace();
                    items.Add(Value());
                    SkipSpace();
                    char c = Next();
                    if (c == ']') return items;
                    if (c != ',') throw Fail("',' or ']' expected");
                }
            }

            private string String()
            {
                Expect('"');
                var output = new StringBuilder();
                while (true)
                {
                    char c = Next();
                    if (c == '"') return output.ToString();
                    if (c != '\\')
                    {
                        output.Append(c);
                        continue;
                    }
                    char e = Next();
                    switch (e)
                    {
                        case '"': output.Append('"'); break;
                        case '\\': output.Append('\\'); break;
                        case '/': output.Append('/'); break;
                        case 'b': output.Append('\b'); break;
                        case 'f': output.Append('\f'); break;
                        case 'n': output.Append('\n'); break;
                        case 'r': output.Append('\r'); break;
                        case 't': output.Append('\t'); break;
                        case 'u':
                            if (Position + 4 > text.Length) throw Fail("short \\u escape");
                            output.Append((char)int.Parse(text.Substring(Position, 4), NumberStyles.HexNumber,
                                CultureInfo.InvariantCulture));
                            Position += 4;
                            break;
                        default: throw Fail("bad escape");
                    }
                }
            }

            private object Number()
            {
                int start = Position;
                bool integral = true;
                while (Position < text.Length)
                {
                    char c = text[Position];
                    if (c >= '0' && c <= '9' || c == '-' || c == '+')
                    {
                        Position++;
                    }
                    else if (c == '.' || c == 'e' || c == 'E')
                    {
                        integral = false;
                        Position++;
                    }
                    else
                    {
                        break;
                    }
                }
                string number = text.Substring(start, Position - start);
                if (integral)
                {
                    long signed;
                    if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out signed))
                        return signed;
                    ulong unsigned;
                    if (ulong.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out unsigned))
                        return unsigned;
                }
                double value;
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                    throw Fail("bad number");
                return value;
            }
        }
    }
}
#endif
