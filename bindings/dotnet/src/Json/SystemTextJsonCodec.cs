#if NET
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vanthu
{
    /// <summary>The codec on .NET: System.Text.Json, reading the attributes of the result classes.</summary>
    internal sealed class SystemTextJsonCodec : IJsonCodec
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            // Vietnamese text is written as it is, not as \u escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
        };

        public T Read<T>(string json) where T : class
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }

        public IList<string> Elements(string json)
        {
            var elements = new List<string>();
            using (JsonDocument document = JsonDocument.Parse(json))
            {
                foreach (JsonElement element in document.RootElement.EnumerateArray())
                {
                    elements.Add(element.GetRawText());
                }
            }
            return elements;
        }

        private static readonly JsonSerializerOptions WithoutNulls = new JsonSerializerOptions(Options)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        public string Write(object value)
        {
            return JsonSerializer.Serialize(value, value == null ? typeof(object) : value.GetType(), Options);
        }

        public string WriteOptions(object options)
        {
            return JsonSerializer.Serialize(options, options.GetType(), WithoutNulls);
        }
    }
}
#endif
