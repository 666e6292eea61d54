// The C ABI of vanthu (ffi/include/vanthu.h), declared for P/Invoke.
//
// Strings go in as NUL-terminated UTF-8 byte arrays made by Utf8.Encode (never
// the platform's default string marshalling); strings come back as
// VanthuStringHandle, a SafeHandle released with vanthu_free; the office is an
// OfficeHandle, released with vanthu_office_free. The library is found by the
// name "vanthu_ffi": libvanthu_ffi.so on Linux (through LD_LIBRARY_PATH or
// beside the assembly), libvanthu_ffi.dylib on macOS, vanthu_ffi.dll on
// Windows; Mono and .NET resolve it the same way.
using System;
using System.Runtime.InteropServices;

namespace Vanthu
{
    internal static class Native
    {
        internal const string Library = "vanthu_ffi";

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void vanthu_free(IntPtr s);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_version(out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_rules(out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_identify(byte[] text, out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_text_check(byte[] path, out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_text_fix(byte[] bytes, UIntPtr len, byte[] options,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_check(byte[] path, byte[] options,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_check_bytes(byte[] name, byte[] bytes, UIntPtr len, byte[] options,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_inspect(byte[] path, out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_normalize(byte[] path, byte[] output,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_extract(byte[] path, byte[] output, byte[] options,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_model(byte[] path, out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_write(byte[] package, byte[] attachments, byte[] output,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_verify_pdf(byte[] path, byte[] trust, byte[] options,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_sign_prepare(byte[] pdf, byte[] certificate, byte[] options,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_sign_finish(byte[] prepared, byte[] signature, UIntPtr len, byte[] output,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_reply(byte[] path, byte[] status, byte[] fromAgency, byte[] output,
            byte[] options, out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_replay(byte[] logPath, byte[] options,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_archive_check(byte[] path, byte[] options,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_archive_pack(byte[] specPath, byte[] output, byte[] options,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_retention(byte[] recordPath, byte[] at, int law,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_due(byte[] start, byte[] options,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_lunar(byte[] date, out VanthuStringHandle json, out VanthuStringHandle error);

        // C `bool` is one byte.
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_lunar_to_solar(byte[] lunar, [MarshalAs(UnmanagedType.U1)] bool leap,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_calendar(int year, out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_office_new(byte[] agency, byte[] rules,
            out OfficeHandle office, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_office_apply(OfficeHandle office, byte[] eventJson,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern int vanthu_office_snapshot(OfficeHandle office,
            out VanthuStringHandle json, out VanthuStringHandle error);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        internal static extern void vanthu_office_free(IntPtr office);
    }
}
