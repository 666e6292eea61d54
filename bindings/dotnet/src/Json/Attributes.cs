#if !NET
// Mono has no System.Text.Json: the attributes the result classes carry, with the names and meanings of
// System.Text.Json's, read by MiniJson. On .NET these types come from the framework and this file is empty.
using System;

namespace System.Text.Json.Serialization
{
    internal enum JsonIgnoreCondition
    {
        Never = 0,
        Always = 1,
        WhenWritingDefault = 2,
        WhenWritingNull = 3,
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
    internal sealed class JsonPropertyNameAttribute : Attribute
    {
        public JsonPropertyNameAttribute(string name)
        {
            Name = name;
        }

        public string Name { get; private set; }
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
    internal sealed class JsonIgnoreAttribute : Attribute
    {
        public JsonIgnoreAttribute()
        {
            Condition = JsonIgnoreCondition.Always;
        }

        public JsonIgnoreCondition Condition { get; set; }
    }

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
    internal sealed class JsonExtensionDataAttribute : Attribute
    {
    }
}
#endif
