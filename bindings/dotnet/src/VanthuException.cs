using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Vanthu
{
    /// <summary>The error object of the C ABI: <c>{code, kind, message, message_vi, location?, rule?}</c>.</summary>
    internal sealed class ErrorInfo
    {
        [JsonPropertyName("code")]
        public int Code { get; set; }

        [JsonPropertyName("kind")]
        public string Kind { get; set; }

        [JsonPropertyName("message")]
        public string Message { get; set; }

        [JsonPropertyName("message_vi")]
        public string MessageVi { get; set; }

        [JsonPropertyName("rule")]
        public string Rule { get; set; }

        [JsonPropertyName("location")]
        public Location Location { get; set; }
    }

    /// <summary>
    /// An error from vanthu: the input or an argument cannot be used (docs/bindings.md §2). A readable but
    /// non-compliant input is not an error but a result with findings. Each kind has its subclass; <see cref="Code"/>
    /// is the stable number of the C ABI.
    /// </summary>
    public class VanthuException : Exception
    {
        /// <summary>Makes the exception; <see cref="Create"/> picks the subclass of a kind.</summary>
        public VanthuException(int code, string kind, string message, string messageVi, string rule,
            Location location, string json)
            : base(message)
        {
            Code = code;
            Kind = kind;
            MessageVi = messageVi;
            Rule = rule;
            Location = location;
            Json = json;
        }

        /// <summary>The stable code: 1 invalid_argument, 2 io, 3 unreadable, 4 refused, 5 trust, 6 nothing_to_check,
        /// 7 no_such_date, 8 unknown_encoding, 9 signing, 99 internal.</summary>
        public int Code { get; private set; }

        /// <summary>The kind, <c>invalid_argument</c> … <c>internal</c>.</summary>
        public string Kind { get; private set; }

        /// <summary>The message in Vietnamese (<see cref="Exception.Message"/> is the English one).</summary>
        public string MessageVi { get; private set; }

        /// <summary>The rule id that refused the input (<c>EDXML-XML-010</c>), or null.</summary>
        public string Rule { get; private set; }

        /// <summary>Where in the input, or null.</summary>
        public Location Location { get; private set; }

        /// <summary>The error as JSON, as the C ABI gave it (null for an error the binding raised itself, such
        /// as a string with a NUL character).</summary>
        public string Json { get; private set; }

        /// <summary>The exception of the error's kind.</summary>
        public static VanthuException Create(int code, string kind, string message, string messageVi, string rule,
            Location location, string json)
        {
            switch (code)
            {
                case 1: return new InvalidArgumentException(code, kind, message, messageVi, rule, location, json);
                case 2: return new IoException(code, kind, message, messageVi, rule, location, json);
                case 3: return new UnreadableException(code, kind, message, messageVi, rule, location, json);
                case 4: return new RefusedException(code, kind, message, messageVi, rule, location, json);
                case 5: return new TrustException(code, kind, message, messageVi, rule, location, json);
                case 6: return new NothingToCheckException(code, kind, message, messageVi, rule, location, json);
                case 7: return new NoSuchDateException(code, kind, message, messageVi, rule, location, json);
                case 8: return new UnknownEncodingException(code, kind, message, messageVi, rule, location, json);
                case 9: return new SigningException(code, kind, message, messageVi, rule, location, json);
                case 99: return new InternalException(code, kind, message, messageVi, rule, location, json);
                default: return new VanthuException(code, kind, message, messageVi, rule, location, json);
            }
        }

        internal static VanthuException Local(int code, string kind, string message, string messageVi)
        {
            return Create(code, kind, message, messageVi, null, null, null);
        }

        internal static VanthuException FromJson(int status, string json)
        {
            if (json == null)
            {
                return Create(status, status == 99 ? "internal" : "unknown",
                    "vanthu returned " + status + " without an error", "vanthu trả về " + status + " mà không có lỗi",
                    null, null, null);
            }
            ErrorInfo info = JsonCodec.Current.Read<ErrorInfo>(json);
            return Create(info.Code, info.Kind, info.Message, info.MessageVi, info.Rule, info.Location, json);
        }
    }

    /// <summary>Code 1: an argument cannot be used.</summary>
    public sealed class InvalidArgumentException : VanthuException
    {
        internal InvalidArgumentException(int c, string k, string m, string vi, string r, Location l, string j)
            : base(c, k, m, vi, r, l, j) { }
    }

    /// <summary>Code 2: a file or folder cannot be read or written.</summary>
    public sealed class IoException : VanthuException
    {
        internal IoException(int c, string k, string m, string vi, string r, Location l, string j)
            : base(c, k, m, vi, r, l, j) { }
    }

    /// <summary>Code 3: the input cannot be read as the format it must be.</summary>
    public sealed class UnreadableException : VanthuException
    {
        internal UnreadableException(int c, string k, string m, string vi, string r, Location l, string j)
            : base(c, k, m, vi, r, l, j) { }
    }

    /// <summary>Code 4: a rule refuses the input or the action; <see cref="VanthuException.Rule"/> names it.</summary>
    public sealed class RefusedException : VanthuException
    {
        internal RefusedException(int c, string k, string m, string vi, string r, Location l, string j)
            : base(c, k, m, vi, r, l, j) { }
    }

    /// <summary>Code 5: a trust anchor, revocation list or OCSP response cannot be read.</summary>
    public sealed class TrustException : VanthuException
    {
        internal TrustException(int c, string k, string m, string vi, string r, Location l, string j)
            : base(c, k, m, vi, r, l, j) { }
    }

    /// <summary>Code 6: no file to check was found.</summary>
    public sealed class NothingToCheckException : VanthuException
    {
        internal NothingToCheckException(int c, string k, string m, string vi, string r, Location l, string j)
            : base(c, k, m, vi, r, l, j) { }
    }

    /// <summary>Code 7: a well-formed lunar date that does not exist in its year.</summary>
    public sealed class NoSuchDateException : VanthuException
    {
        internal NoSuchDateException(int c, string k, string m, string vi, string r, Location l, string j)
            : base(c, k, m, vi, r, l, j) { }
    }

    /// <summary>Code 8: the encoding of a text cannot be told with enough confidence.</summary>
    public sealed class UnknownEncodingException : VanthuException
    {
        internal UnknownEncodingException(int c, string k, string m, string vi, string r, Location l, string j)
            : base(c, k, m, vi, r, l, j) { }
    }

    /// <summary>Code 9: a PDF cannot be signed.</summary>
    public sealed class SigningException : VanthuException
    {
        internal SigningException(int c, string k, string m, string vi, string r, Location l, string j)
            : base(c, k, m, vi, r, l, j) { }
    }

    /// <summary>Code 99: a bug in vanthu (a panic caught at the boundary).</summary>
    public sealed class InternalException : VanthuException
    {
        internal InternalException(int c, string k, string m, string vi, string r, Location l, string j)
            : base(c, k, m, vi, r, l, j) { }
    }
}
