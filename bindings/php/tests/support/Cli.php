<?php

declare(strict_types=1);

namespace Vanthu\Tests;

use RuntimeException;

/**
 * The `vanthu` CLI, the fixtures folder and a `vanthu demo` folder: what the
 * tests compare the binding with. A missing one is an exception (a failure),
 * never a skip.
 */
final class Cli
{
    /** The instant the comparisons are made at: the demo's documents are valid then. */
    public const AT = '2025-06-03T09:00:00+07:00';

    private static ?string $demo = null;

    private static ?string $scratch = null;

    /** The repository's root. */
    public static function root(): string
    {
        return dirname(__DIR__, 4);
    }

    /** The CLI: VANTHU_CLI, or the debug build. */
    public static function path(): string
    {
        $path = getenv('VANTHU_CLI') ?: self::root() . '/target/debug/vanthu';
        if (!is_file($path)) {
            throw new RuntimeException("the vanthu CLI is not built at {$path}: run `cargo build -p vanthu-cli` first");
        }
        return $path;
    }

    /** The C library the binding loads: VANTHU_LIB (the bootstrap sets it to the debug build when unset). */
    public static function library(): string
    {
        $path = (string) getenv('VANTHU_LIB');
        if (!is_file($path)) {
            throw new RuntimeException("the vanthu library is not built at {$path}: run `cargo build -p vanthu-ffi` first");
        }
        return $path;
    }

    /** The real packages: the fixtures folder beside the repository. */
    public static function fixtures(): string
    {
        $path = dirname(self::root()) . '/shared/fixtures';
        if (!is_dir($path . '/vpcp-samples')) {
            throw new RuntimeException("the real packages are not at {$path} (the fixtures folder beside the repository)");
        }
        return $path;
    }

    /** A real package of the fixtures folder. */
    public static function sample(string $name): string
    {
        return self::fixtures() . '/vpcp-samples/' . $name;
    }

    /**
     * Runs the CLI: exit code, standard output, standard error.
     *
     * @param list<string> $args
     * @return array{int, string, string}
     */
    public static function run(array $args): array
    {
        return self::process([self::path(), ...$args], self::root());
    }

    /**
     * Runs a PHP script in a new process, with FFI enabled as bindings/php/test.sh
     * enables it: exit code, standard output, standard error.
     *
     * @param array<string, string>|null $env the environment (null: this one)
     * @return array{int, string, string}
     */
    public static function php(string $script, string $cwd, ?array $env = null): array
    {
        return self::process([PHP_BINARY, '-d', 'ffi.enable=1', $script], $cwd, $env);
    }

    /**
     * @param list<string>               $command
     * @param array<string, string>|null $env
     * @return array{int, string, string}
     */
    private static function process(array $command, string $cwd, ?array $env = null): array
    {
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $cwd, $env);
        if ($process === false) {
            throw new RuntimeException('cannot run ' . $command[0]);
        }
        $out = (string) stream_get_contents($pipes[1]);
        $err = (string) stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        return [proc_close($process), $out, $err];
    }

    /**
     * What the CLI prints with `--json` for `$args`, decoded as the binding
     * decodes it.
     *
     * @param list<string> $args
     * @param list<int>    $codes the exit codes that are not a failure
     */
    public static function json(array $args, array $codes = [0, 1]): mixed
    {
        [$code, $out, $err] = self::run([...$args, '--json']);
        if (!in_array($code, $codes, true)) {
            throw new RuntimeException('vanthu ' . implode(' ', $args) . " exited {$code}: {$err}");
        }
        return json_decode($out, true, 512, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
    }

    /** A folder made by `vanthu demo` (packages, signed PDFs, the test PKI, event logs), once per run. */
    public static function demo(): string
    {
        if (self::$demo === null) {
            $demo = self::scratch('demo') . '/demo';
            [$code, , $err] = self::run(['demo', '--out', $demo]);
            if ($code !== 0) {
                throw new RuntimeException("vanthu demo failed: {$err}");
            }
            self::$demo = $demo;
        }
        return self::$demo;
    }

    /** A new empty folder, removed at the end of the run. */
    public static function scratch(string $name): string
    {
        if (self::$scratch === null) {
            $base = sys_get_temp_dir() . '/vanthu-php-' . getmypid() . '-' . bin2hex(random_bytes(4));
            mkdir($base);
            self::$scratch = $base;
            register_shutdown_function(static fn () => self::remove($base));
        }
        $folder = self::$scratch . '/' . $name . '-' . bin2hex(random_bytes(4));
        mkdir($folder);
        return $folder;
    }

    private static function remove(string $path): void
    {
        if (is_dir($path) && !is_link($path)) {
            foreach (scandir($path) ?: [] as $entry) {
                if ($entry !== '.' && $entry !== '..') {
                    self::remove($path . '/' . $entry);
                }
            }
            rmdir($path);
        } elseif (file_exists($path) || is_link($path)) {
            unlink($path);
        }
    }
}
