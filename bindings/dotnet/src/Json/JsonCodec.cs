using System.Collections.Generic;

namespace Vanthu
{
    /// <summary>
    /// The one place JSON is read and written. On .NET (the <c>NET</c> symbol) it is System.Text.Json; on Mono, which
    /// has no System.Text.Json, it is <see cref="MiniJson"/>, which honours the same attributes
    /// (<c>JsonPropertyName</c>, <c>JsonIgnore</c>, <c>JsonExtensionData</c>; defined in Attributes.cs for Mono).
    /// </summary>
    internal interface IJsonCodec
    {
        /// <summary>Deserialises <paramref name="json"/> into a new <typeparamref name="T"/>.</summary>
        T Read<T>(string json) where T : class;

        /// <summary>The JSON text of each element of the array <paramref name="json"/>, as written.</summary>
        IList<string> Elements(string json);

        /// <summary>Serialises <paramref name="value"/> (a result, a list, a string …).</summary>
        string Write(object value);

        /// <summary>Serialises an options object, leaving out every property that is null.</summary>
        string WriteOptions(object options);
    }

    internal static class JsonCodec
    {
#if NET
        internal static readonly IJsonCodec Current = new SystemTextJsonCodec();
#else
        internal static readonly IJsonCodec Current = new MiniJson();
#endif
    }
}
