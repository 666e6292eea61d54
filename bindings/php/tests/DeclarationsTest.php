<?php

declare(strict_types=1);

namespace Vanthu\Tests;

use FFI;
use PHPUnit\Framework\TestCase;
use Vanthu\Library;
use Vanthu\Vanthu;

/**
 * The binding reads its declarations from the C header at load time, so they
 * cannot drift from it: what it derives is all of the header's functions, FFI
 * reads it, and every function of the header and of docs/bindings.md is bound.
 */
final class DeclarationsTest extends TestCase
{
    /** @return list<string> */
    private static function headerFunctions(string $text): array
    {
        preg_match_all('/^\s*(?:int32_t|void)\s+(vanthu_\w+)\s*\(/m', $text, $m);
        return $m[1];
    }

    public function testTheDeclarationsAreTheHeaders(): void
    {
        $header = file_get_contents(Cli::root() . '/ffi/include/vanthu.h');
        $declarations = Library::declarations($header);
        self::assertStringNotContainsString('#', $declarations);
        self::assertStringNotContainsString('//', $declarations);
        self::assertStringNotContainsString('extern', $declarations);
        $functions = self::headerFunctions($header);
        self::assertGreaterThanOrEqual(29, count($functions));
        self::assertSame($functions, self::headerFunctions($declarations));
        // FFI reads them all, and finds each in the library.
        self::assertInstanceOf(FFI::class, FFI::cdef($declarations, Cli::library()));
    }

    public function testEveryFunctionOfTheHeaderIsCalled(): void
    {
        $source = implode("\n", array_map('file_get_contents', glob(dirname(__DIR__) . '/src/*.php')));
        foreach (self::headerFunctions(file_get_contents(Cli::root() . '/ffi/include/vanthu.h')) as $function) {
            $name = substr($function, strlen('vanthu_'));
            self::assertTrue(
                preg_match("/Library::call\\(\\s*'{$name}'/", $source) === 1 || str_contains($source, "->{$function}("),
                "{$function} is not called by the binding",
            );
        }
    }

    public function testEveryCallOfTheReferenceIsAStaticMethod(): void
    {
        $reference = file_get_contents(Cli::root() . '/docs/bindings.md');
        preg_match_all('/^\| `(\w+)` \|/m', $reference, $m);
        self::assertGreaterThanOrEqual(27, count($m[1]));
        foreach ($m[1] as $name) {
            $method = lcfirst(str_replace('_', '', ucwords($name, '_')));
            self::assertTrue(method_exists(Vanthu::class, $method), "Vanthu::{$method} ({$name}) is missing");
            self::assertTrue((new \ReflectionMethod(Vanthu::class, $method))->isStatic());
        }
    }
}
