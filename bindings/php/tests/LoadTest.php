<?php

declare(strict_types=1);

namespace Vanthu\Tests;

use PHPUnit\Framework\TestCase;
use Vanthu\InvalidArgumentException;
use Vanthu\Vanthu;

/**
 * Where the library comes from: `Vanthu::load(path)` or `VANTHU_LIB`, each in a
 * new PHP process; a library or header that is not there is an
 * `IoException` that says what to set; a second load is refused.
 */
final class LoadTest extends TestCase
{
    /**
     * Runs `$code` in a new PHP process with the package loadable and only
     * `$env` (and PATH) in its environment: exit code, standard output and
     * error.
     *
     * @param array<string, string> $env
     * @return array{int, string, string}
     */
    private static function php(string $code, array $env): array
    {
        $script = Cli::scratch('load') . '/load.php';
        file_put_contents($script, "<?php\nrequire " . var_export(__DIR__ . '/bootstrap.php', true) . ";\n{$code}");
        return Cli::php($script, dirname($script), $env + ['PATH' => (string) getenv('PATH')]);
    }

    public function testTheEnvironmentOrThePath(): void
    {
        $library = Cli::library();
        $version = Vanthu::version();
        self::assertSame([0, $version, ''], self::php('echo Vanthu\Vanthu::version();', ['VANTHU_LIB' => $library]));
        $code = 'Vanthu\Vanthu::load(' . var_export($library, true) . '); echo Vanthu\Vanthu::version();';
        self::assertSame([0, $version, ''], self::php($code, ['VANTHU_LIB' => '/nowhere/libvanthu_ffi.so']));
    }

    public function testWhatIsMissingIsSaid(): void
    {
        $catch = 'try { Vanthu\Vanthu::version(); } catch (Vanthu\IoException $e) { echo $e->getCode(), " ", $e->getMessage(); }';
        [$code, $out] = self::php($catch, ['VANTHU_LIB' => '/nowhere/libvanthu_ffi.so']);
        self::assertSame(0, $code);
        self::assertStringStartsWith('2 the vanthu library /nowhere/libvanthu_ffi.so cannot be loaded', $out);
        self::assertStringContainsString('VANTHU_LIB', $out);
        [$code, $out] = self::php($catch, ['VANTHU_LIB' => Cli::library(), 'VANTHU_HEADER' => '/nowhere/vanthu.h']);
        self::assertSame(0, $code);
        self::assertStringStartsWith('2 the C header /nowhere/vanthu.h cannot be read', $out);
    }

    public function testASecondLoadIsRefused(): void
    {
        Vanthu::version();
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage('already loaded');
        Vanthu::load(Cli::library());
    }
}
