<?php

declare(strict_types=1);

namespace Vanthu;

use FFI;
use FFI\CData;

/**
 * The C library under the binding: where it is, its declarations, and the one
 * way every call goes through it (out-parameters, errors, `vanthu_free`).
 *
 * @internal Use {@see Vanthu::load()} to choose the library; the rest is the
 *           binding's own plumbing.
 */
final class Library
{
    private static ?FFI $ffi = null;

    /** The library loaded, for the error of a second load. */
    private static string $loaded = '';

    private function __construct()
    {
    }

    /**
     * Loads the C library: `$library` (the path of `libvanthu_ffi.so`), else
     * the environment variable `VANTHU_LIB`, else the release build of the
     * repository this package sits in, else the name alone for the dynamic
     * loader to find. The declarations come from the C header `$header`, else
     * `VANTHU_HEADER`, else the repository's `ffi/include/vanthu.h`. Once
     * only: handles of the library loaded must not outlive it.
     */
    public static function load(?string $library = null, ?string $header = null): void
    {
        if (self::$ffi !== null) {
            throw InvalidArgumentException::of(
                'vanthu is already loaded, from ' . self::$loaded . ': Vanthu::load comes before the first call, once',
                'thư viện vanthu đã được nạp từ ' . self::$loaded,
            );
        }
        $library ??= self::fromEnvironment('VANTHU_LIB') ?? self::defaultLibrary();
        $header ??= self::fromEnvironment('VANTHU_HEADER') ?? self::repository() . '/ffi/include/vanthu.h';
        $text = @file_get_contents($header);
        if ($text === false) {
            throw IoException::of(
                "the C header {$header} cannot be read (set VANTHU_HEADER or pass it to Vanthu::load)",
                "không đọc được tệp tiêu đề C {$header}",
            );
        }
        try {
            self::$ffi = FFI::cdef(self::declarations($text), $library);
            self::$loaded = $library;
        } catch (FFI\Exception $e) {
            throw IoException::of(
                "the vanthu library {$library} cannot be loaded: {$e->getMessage()}"
                    . ' (set VANTHU_LIB or pass its path to Vanthu::load)',
                "không nạp được thư viện vanthu {$library}",
                $e,
            );
        }
    }

    /**
     * What FFI::cdef can read of the C header: its declarations without the
     * comments, the C++ guards and the preprocessor lines (the header's own
     * includes only bring the standard types, which FFI knows). A byte buffer
     * passed in, `const uint8_t *`, is declared `const char *`: the same
     * pointer to the C ABI, and FFI then passes a PHP string's own bytes
     * instead of a copy (a PDF is read whole, up to 256 MiB).
     */
    public static function declarations(string $header): string
    {
        $text = preg_replace('~/\*.*?\*/~s', '', $header);
        $text = str_replace('const uint8_t *', 'const char *', (string) $text);
        $text = preg_replace('~//[^\n]*~', '', (string) $text);
        $text = preg_replace('~^[ \t]*#[ \t]*ifdef[ \t]+__cplusplus\b.*?^[ \t]*#[ \t]*endif\b[^\n]*~ms', '', (string) $text);
        $text = preg_replace('~^[ \t]*#[^\n]*~m', '', (string) $text);
        return (string) preg_replace("~\n\s*\n~", "\n", (string) $text);
    }

    /** The loaded library, loaded with the defaults on first use. */
    public static function ffi(): FFI
    {
        if (self::$ffi === null) {
            self::load();
        }
        return self::$ffi;
    }

    /**
     * Calls `vanthu_$function` with `$arguments` and the two out-parameters:
     * its result, decoded, or its error thrown. Both strings vanthu returns
     * are freed, whatever happens.
     *
     * @param mixed ...$arguments
     */
    public static function call(string $function, ...$arguments): mixed
    {
        $ffi = self::ffi();
        $json = $ffi->new('char *');
        $error = $ffi->new('char *');
        try {
            $status = $ffi->{'vanthu_' . $function}(...[...$arguments, FFI::addr($json), FFI::addr($error)]);
            if ($status === 0) {
                return self::decode(FFI::string($json));
            }
            throw self::error($status, $error);
        } finally {
            $ffi->vanthu_free($json);
            $ffi->vanthu_free($error);
        }
    }

    /** Makes an office: its handle, owned by the caller. */
    public static function officeNew(string $agency, ?string $rules): CData
    {
        $ffi = self::ffi();
        $office = $ffi->new('VanthuOffice *');
        $error = $ffi->new('char *');
        try {
            $status = $ffi->vanthu_office_new($agency, $rules, FFI::addr($office), FFI::addr($error));
            if ($status !== 0) {
                throw self::error($status, $error);
            }
            return $office;
        } finally {
            $ffi->vanthu_free($error);
        }
    }

    /** Frees an office handle. */
    public static function officeFree(CData $office): void
    {
        self::ffi()->vanthu_office_free($office);
    }

    /**
     * A string passed to C: refused when it holds a NUL byte, which would
     * silently cut it short.
     */
    public static function text(string $value, string $name): string
    {
        if (str_contains($value, "\0")) {
            throw InvalidArgumentException::of(
                "{$name}: contains a NUL byte",
                "tham số {$name} không hợp lệ: chứa ký tự NUL",
            );
        }
        return $value;
    }

    /**
     * An integer passed to C as an `int32_t`: refused outside its range, where
     * it would wrap into another number (2^32 + 2025 into 2025).
     */
    public static function int32(int $value, string $name): int
    {
        if ($value < -2147483648 || $value > 2147483647) {
            throw InvalidArgumentException::of(
                "{$name}: {$value} is out of range",
                "tham số {$name} không hợp lệ: {$value} nằm ngoài giới hạn",
            );
        }
        return $value;
    }

    /** `$value` as JSON text for vanthu (UTF-8, slashes as they are). */
    public static function encode(mixed $value, string $name): string
    {
        try {
            return json_encode(
                $value,
                JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR,
            );
        } catch (\JsonException $e) {
            throw InvalidArgumentException::of(
                "{$name}: cannot be written as JSON: {$e->getMessage()}",
                "tham số {$name} không hợp lệ",
                $e,
            );
        }
    }

    /** Decodes vanthu's JSON: objects as arrays, large integers as strings. */
    public static function decode(string $json): mixed
    {
        return json_decode($json, true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
    }

    private static function error(int $status, CData $error): Exception
    {
        if (FFI::isNull($error)) {
            return Exception::fromArray([
                'code' => $status,
                'kind' => 'internal',
                'message' => "vanthu returned {$status} without an error",
                'message_vi' => "vanthu trả về {$status} mà không có lỗi",
            ]);
        }
        return Exception::fromArray(self::decode(FFI::string($error)));
    }

    private static function fromEnvironment(string $name): ?string
    {
        $value = getenv($name);
        return $value === false || $value === '' ? null : $value;
    }

    /** The folder this package sits in when it is part of a clone of the repository. */
    private static function repository(): string
    {
        return dirname(__DIR__, 3);
    }

    private static function defaultLibrary(): string
    {
        $name = match (PHP_OS_FAMILY) {
            'Windows' => 'vanthu_ffi.dll',
            'Darwin' => 'libvanthu_ffi.dylib',
            default => 'libvanthu_ffi.so',
        };
        $built = self::repository() . '/target/release/' . $name;
        return is_file($built) ? $built : $name;
    }
}
