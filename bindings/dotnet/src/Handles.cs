using System;
using System.Runtime.InteropServices;

namespace Vanthu
{
    /// <summary>A string vanthu returned (a result or an error, JSON in UTF-8), released with
    /// <c>vanthu_free</c> exactly once, when disposed or finalised.</summary>
    internal sealed class VanthuStringHandle : SafeHandle
    {
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
                IntPtr start = DangerousGetHandle();
                int length = 0;
                while (Marshal.ReadByte(start, length) != 0)
                {
                    length++;
                }
                byte[] bytes = new byte[length];
                Marshal.Copy(start, bytes, 0, length);
                return Utf8.Decode(bytes);
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
