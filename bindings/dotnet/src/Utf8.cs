using System;
using System.IO;
using System.Text;

namespace Vanthu
{
    /// <summary>The marshalling of strings and byte arguments, done here rather than by the runtime.</summary>
    internal static class Utf8
    {
        // Strict: a string that is not valid UTF-16 (a lone surrogate) is refused, not replaced.
        private static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        /// <summary>The most bytes read from a <see cref="Stream"/> (docs/limits.md: inputs read whole).</summary>
        internal const long MaxStreamBytes = 256L * 1024 * 1024;

        /// <summary>A NUL-terminated UTF-8 copy of <paramref name="text"/>, or null for null.</summary>
        internal static byte[] Encode(string text, string argument)
        {
            if (text == null)
            {
                return null;
            }
            if (text.IndexOf('\0') >= 0)
            {
                throw VanthuException.Local(1, "invalid_argument",
                    argument + " contains a NUL character",
                    argument + " chứa ký tự NUL");
            }
            byte[] bytes;
            try
            {
                bytes = Strict.GetBytes(text);
            }
            catch (EncoderFallbackException)
            {
                throw VanthuException.Local(1, "invalid_argument",
                    argument + " is not valid Unicode (a lone surrogate)",
                    argument + " không phải Unicode hợp lệ");
            }
            byte[] terminated = new byte[bytes.Length + 1];
            Buffer.BlockCopy(bytes, 0, terminated, 0, bytes.Length);
            return terminated;
        }

        /// <summary>The UTF-8 bytes of <paramref name="text"/> (no terminator: a text passed with its length).</summary>
        internal static byte[] Bytes(string text, string argument)
        {
            byte[] terminated = Required(text, argument);
            byte[] bytes = new byte[terminated.Length - 1];
            Buffer.BlockCopy(terminated, 0, bytes, 0, bytes.Length);
            return bytes;
        }

        /// <summary>A required string argument: null is error 1.</summary>
        internal static byte[] Required(string text, string argument)
        {
            if (text == null)
            {
                throw VanthuException.Local(1, "invalid_argument",
                    argument + " is required", argument + " là bắt buộc");
            }
            return Encode(text, argument);
        }

        internal static string Decode(byte[] bytes, int count)
        {
            return Strict.GetString(bytes, 0, count);
        }

        /// <summary>The bytes of <paramref name="stream"/> from its position, at most 256 MiB.</summary>
        internal static byte[] ReadAll(Stream stream, string argument)
        {
            if (stream == null)
            {
                throw VanthuException.Local(1, "invalid_argument",
                    argument + " is required", argument + " là bắt buộc");
            }
            var buffer = new MemoryStream();
            byte[] chunk = new byte[81920];
            int read;
            try
            {
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    if (buffer.Length + read > MaxStreamBytes)
                    {
                        throw VanthuException.Local(3, "unreadable",
                            argument + " has more than " + MaxStreamBytes + " bytes (256 MiB), the most read whole",
                            argument + " có hơn " + MaxStreamBytes + " byte (256 MiB), giới hạn đọc toàn bộ");
                    }
                    buffer.Write(chunk, 0, read);
                }
            }
            catch (IOException e)
            {
                throw VanthuException.Local(2, "io", argument + " cannot be read: " + e.Message,
                    "không đọc được " + argument + ": " + e.Message);
            }
            return buffer.ToArray();
        }
    }
}
