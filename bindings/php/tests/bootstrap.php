<?php

/*
 * The tests' set-up: the package's classes (PSR-4, as Composer's autoloader
 * would load them), the tests' own support class, and the C library: VANTHU_LIB,
 * default target/debug/libvanthu_ffi.so (bindings/php/test.sh sets it to the
 * build it tests). The tests compare every
 * result with the `vanthu` CLI (VANTHU_CLI, default target/debug/vanthu) and
 * read the real packages of the fixtures folder beside the repository: either
 * missing fails them.
 */

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    $prefixes = ['Vanthu\\Tests\\' => __DIR__ . '/support/', 'Vanthu\\' => dirname(__DIR__) . '/src/'];
    foreach ($prefixes as $prefix => $folder) {
        if (str_starts_with($class, $prefix)) {
            $file = $folder . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require $file;
            }
            return;
        }
    }
});

if (getenv('VANTHU_LIB') === false) {
    putenv('VANTHU_LIB=' . dirname(__DIR__, 3) . '/target/debug/libvanthu_ffi.so');
}
