using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Vanthu
{
    /// <summary>A string vanthu returned (a result or an error, JSON in UTF-8), released with
    /// <c>vanthu_free</c> exactly once, when disposed or finalised.</summary>
    internal sealed class VanthuStringHandle : SafeHandle
    {
        private const int Page = 4096;

        public VanthuStringHandle() : base(IntPtr.Zero, true)
        {
        }

        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }

        /// <summary>The string, decoded from UTF-8 explicitly (never the platform's default).</summary>
        internal string Read()
        {
            if (IsInvalid)
            {
                return null;
            }
            bool added = false;
            try
            {
                DangerousAddRef(ref added);
                // strlen in chunks that never cross a 4 KiB boundary: a chunk holding the terminator lies in a
                // page that holds the string, so nothing past it is read from an unmapped page.
                long address = DangerousGetHandle().ToInt64();
                var text = new MemoryStream();
                byte[] chunk = new byte[Page];
                while (true)
                {
                    int size = Page - (int)(address % Page);
                    Marshal.Copy(new IntPtr(address), chunk, 0, size);
                    int end = Array.IndexOf(chunk, (byte)0, 0, size);
                    if (end >= 0)
                    {
                        text.Write(chunk, 0, end);
                        return Utf8.Decode(text.GetBuffer(), (int)text.Length);
                    }
                    text.Write(chunk, 0, size);
                    address += size;
                }
            }
            finally
            {
                if (added)
                {
                    DangerousRelease();
                }
            }
        }

        protected override bool ReleaseHandle()
        {
            Native.vanthu_free(handle);
            return true;
        }
    }

    /// <summary>The workflow office handle, released with <c>vanthu_office_free</c>.</summary>
    internal sealed class OfficeHandle : SafeHandle
    {
        public OfficeHandle() : base(IntPtr.Zero, true)
        {
        }

        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }

        protected override bool ReleaseHandle()
        {
            Native.vanthu_office_free(handle);
            return true;
        }
    }
}
