<?php

/*
 * The PHP driver of the shared harness (bindings/harness): `php driver.php
 * CASES OUT` runs each case of the file CASES (one a line: name, call,
 * arguments, separated by tabs; `@key=value` is an option: `true`/`false` a
 * boolean, digits a number, anything else a string) through the binding
 * and writes OUT/<name>.json: {"ok": VALUE}, what the binding returned written
 * back as JSON, or {"error": {...}}, the exception's fields. Exits 0 when every
 * case was run, whatever its result; non-zero on anything else.
 */

declare(strict_types=1);

require __DIR__ . '/bootstrap.php';

use Vanthu\Office;
use Vanthu\Vanthu;

/**
 * @param list<string> $fields
 * @return array{list<string>, array<string, mixed>}
 */
function split_arguments(array $fields): array
{
    $positional = [];
    $options = [];
    foreach ($fields as $field) {
        if (!str_starts_with($field, '@')) {
            $positional[] = $field;
            continue;
        }
        [$key, $value] = explode('=', substr($field, 1), 2) + [1 => ''];
        $options[$key] = match (true) {
            $value === 'true' => true,
            $value === 'false' => false,
            ctype_digit($value) => (int) $value,
            default => $value,
        };
    }
    return [$positional, $options];
}

/**
 * @param list<string>         $a
 * @param array<string, mixed> $o
 */
function run_case(string $call, array $a, array $o): mixed
{
    $need = static function (int $count) use ($call, $a): void {
        if (count($a) < $count) {
            throw new RuntimeException("{$call}: {$count} arguments expected, " . count($a) . ' given');
        }
    };
    switch ($call) {
        case 'version':
            return Vanthu::version();
        case 'rules':
            return Vanthu::rules();
        case 'identify':
            $need(1);
            return Vanthu::identify($a[0]);
        case 'inspect':
            $need(1);
            return Vanthu::inspect($a[0]);
        case 'model':
            $need(1);
            return Vanthu::model($a[0]);
        case 'check':
            $need(1);
            return Vanthu::check($a[0], ...$o);
        case 'check_bytes':
            $need(2);
            $bytes = file_get_contents($a[1]);
            if ($bytes === false) {
                throw new RuntimeException("check_bytes: cannot read {$a[1]}");
            }
            return Vanthu::checkBytes($a[0], $bytes, ...$o);
        case 'verify_pdf':
            $need(2);
            return Vanthu::verifyPdf($a[0], $a[1], ...$o);
        case 'reply':
            $need(4);
            return Vanthu::reply($a[0], $a[1], $a[2], $a[3], ...$o);
        case 'replay':
            $need(1);
            return Vanthu::replay($a[0], ...$o);
        case 'archive_check':
            $need(1);
            return Vanthu::archiveCheck($a[0], ...$o);
        case 'archive_pack':
            $need(2);
            return Vanthu::archivePack($a[0], $a[1], ...$o);
        case 'normalize':
            $need(2);
            return Vanthu::normalize($a[0], $a[1]);
        case 'calendar':
            $need(1);
            return Vanthu::calendar((int) $a[0]);
        case 'lunar':
            $need(1);
            return Vanthu::lunar($a[0]);
        case 'due':
            $need(1);
            return Vanthu::due($a[0], ...$o);
        case 'office':
            $need(1);
            $office = new Office($a[0], $o['rules'] ?? null);
            foreach (array_slice($a, 1) as $event) {
                $office->apply($event);
            }
            $snapshot = $office->snapshot();
            $office->close();
            return $snapshot;
        default:
            throw new RuntimeException("unknown call {$call}");
    }
}

if ($argc !== 3) {
    fwrite(STDERR, "usage: php driver.php CASES OUT\n");
    exit(2);
}
[, $casesPath, $out] = $argv;
$lines = file($casesPath, FILE_IGNORE_NEW_LINES);
if ($lines === false || !is_dir($out)) {
    fwrite(STDERR, "driver: cannot read {$casesPath} or no folder {$out}\n");
    exit(2);
}
$flags = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR;
try {
    foreach ($lines as $line) {
        if (trim($line) === '') {
            continue;
        }
        $fields = explode("\t", $line);
        if (count($fields) < 2 || preg_match('/^[\w.-]+$/', $fields[0]) !== 1) {
            throw new RuntimeException("not a case: {$line}");
        }
        [$name, $call] = $fields;
        [$positional, $options] = split_arguments(array_slice($fields, 2));
        try {
            $result = ['ok' => run_case($call, $positional, $options)];
        } catch (\Vanthu\Exception $e) {
            $result = ['error' => $e->toArray()];
        }
        file_put_contents("{$out}/{$name}.json", json_encode($result, $flags) . "\n");
    }
} catch (Throwable $e) {
    fwrite(STDERR, 'driver: ' . $e::class . ': ' . $e->getMessage() . "\n");
    exit(1);
}
