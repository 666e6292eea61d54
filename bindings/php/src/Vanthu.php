<?php

declare(strict_types=1);

namespace Vanthu;

use DateTimeInterface;
use Stringable;

/**
 * The functions of vanthu (docs/bindings.md), named in camelCase: each returns
 * what the matching `vanthu` command prints with `--json`, decoded into
 * arrays, or throws a {@see Exception} carrying the error's stable code.
 *
 * Required arguments come first, in the order of docs/bindings.md; options are
 * named arguments with the field names of docs/bindings.md, in snake_case or
 * camelCase (`Vanthu::check($path, at: '2025-06-05', legacy_sha1: true)`), or an
 * array of them spread (`Vanthu::check($path, ...$options)`). Paths are strings
 * or `Stringable` (`SplFileInfo`); times are strings or `DateTimeInterface`;
 * bytes are PHP strings.
 */
final class Vanthu
{
    /** Options that take one path or a list of them. */
    private const LISTS = ['trust', 'crls', 'ocsps', 'chain'];

    private function __construct()
    {
    }

    /**
     * Loads the C library `libvanthu_ffi.so` from `$library` (default: the
     * environment variable `VANTHU_LIB`, then the repository's
     * `target/release`, then the dynamic loader's search path), declared by
     * the C header `$header` (default: `VANTHU_HEADER`, then the repository's
     * `ffi/include/vanthu.h`). The first call loads it with the defaults when
     * this was not called; once loaded, it is not loaded again
     * ({@see InvalidArgumentException}).
     *
     * @throws IoException when the library or the header cannot be read
     */
    public static function load(?string $library = null, ?string $header = null): void
    {
        Library::load($library, $header);
    }

    /** The version of vanthu (`"0.1.0"`). */
    public static function version(): string
    {
        return Library::call('version');
    }

    /**
     * Every rule id vanthu can report: `{id, severity, title, title_vi, source}`.
     *
     * @return list<array<string, mixed>>
     */
    public static function rules(): array
    {
        return Library::call('rules');
    }

    /**
     * What an identifier is (agency id, document number, document id, record
     * code) and its parts: one element of `vanthu id --json`.
     *
     * @return array<string, mixed>
     */
    public static function identify(string $text): array
    {
        return Library::call('identify', Library::text($text, 'text'));
    }

    /**
     * Checks a text file against TCVN 6909:2001: `{file, encoding, nfc, findings}`.
     *
     * @return array<string, mixed>
     */
    public static function textCheck(string|Stringable $path): array
    {
        return Library::call('text_check', self::path($path, 'path'));
    }

    /**
     * Converts text (bytes: UTF-8, or legacy TCVN3/VNI) to NFC Unicode:
     * `{text, encoding, action, confidence?, note}`. Options: `from` (`auto`,
     * `tcvn3`, `vni`), `capitals`, `keep_case`.
     *
     * @return array<string, mixed>
     */
    public static function textFix(string $text, mixed ...$options): array
    {
        return Library::call('text_fix', $text, strlen($text), self::options($options));
    }

    /**
     * Checks a file or a folder: one report per file, in a stable order.
     * Options: `trust`, `crls`, `ocsps`, `at`, `strict`, `profile`, `roles`,
     * `legacy_sha1`, `jobs`.
     *
     * @return list<array<string, mixed>>
     */
    public static function check(string|Stringable $path, mixed ...$options): array
    {
        return Library::call('check', self::path($path, 'path'), self::options($options));
    }

    /**
     * Checks one file given as bytes, named `$name` in the report: one element
     * of `vanthu check --json`. Options as {@see check()}.
     *
     * @return array<string, mixed>
     */
    public static function checkBytes(string $name, string $bytes, mixed ...$options): array
    {
        return Library::call(
            'check_bytes',
            Library::text($name, 'name'),
            $bytes,
            strlen($bytes),
            self::options($options),
        );
    }

    /**
     * The header fields, attachments and findings of an edXML package, tagged
     * by `kind` (`document` or `status`).
     *
     * @return array<string, mixed>
     */
    public static function inspect(string|Stringable $path): array
    {
        return Library::call('inspect', self::path($path, 'path'));
    }

    /**
     * Rewrites an edXML package in the strict canonical form into `$output`:
     * `{file, size, sha256}`.
     *
     * @return array<string, mixed>
     */
    public static function normalize(string|Stringable $path, string|Stringable $output): array
    {
        return Library::call('normalize', self::path($path, 'path'), self::path($output, 'output'));
    }

    /**
     * Writes the attachments of an edXML package into the folder `$output`:
     * one `{content_id, name, file, original_name, size, sha256, …, findings}`
     * per attachment. Options: `unzip`, `max_bytes`.
     *
     * @return list<array<string, mixed>>
     */
    public static function extract(string|Stringable $path, string|Stringable $output, mixed ...$options): array
    {
        return Library::call(
            'extract',
            self::path($path, 'path'),
            self::path($output, 'output'),
            self::options($options),
        );
    }

    /**
     * The model of an edXML package (docs/bindings.md §4): what {@see write()}
     * takes back.
     *
     * @return array<string, mixed>
     */
    public static function model(string|Stringable $path): array
    {
        return Library::call('model', self::path($path, 'path'));
    }

    /**
     * Writes the edXML package whose model is `$package` (an array, as
     * {@see model()} returns it, or its JSON text) to `$output`, attachment
     * *i* streamed from the *i*-th file of `$attachments`:
     * `{file, size, sha256, kind, document_id, attachments}`.
     *
     * @param array<string, mixed>|string $package
     * @param iterable<string|Stringable>  $attachments
     * @return array<string, mixed>
     */
    public static function write(array|string $package, iterable $attachments, string|Stringable $output): array
    {
        $files = self::paths($attachments, 'attachments');
        return Library::call(
            'write',
            is_string($package) ? Library::text($package, 'package') : Library::encode($package, 'package'),
            $files === [] ? null : Library::encode($files, 'attachments'),
            self::path($output, 'output'),
        );
    }

    /**
     * Verifies every signature of a PDF against the trust anchors `$trust`
     * (a certificate file or folder, or a list of them) and gives its legal
     * value. Options: `at`, `attachment`, `form`, `crls`, `ocsps`,
     * `legacy_sha1`, `roles`.
     *
     * @param string|Stringable|iterable<string|Stringable>|null $trust
     * @return array<string, mixed>
     */
    public static function verifyPdf(
        string|Stringable $path,
        string|Stringable|iterable|null $trust,
        mixed ...$options,
    ): array {
        $anchors = match (true) {
            $trust === null => null,
            is_iterable($trust) => Library::encode(self::paths($trust, 'trust'), 'trust'),
            default => Library::encode(self::path($trust, 'trust'), 'trust'),
        };
        return Library::call('verify_pdf', self::path($path, 'path'), $anchors, self::options($options));
    }

    /**
     * The first step of signing a PDF with an external signer (a USB token, an
     * HSM): what to sign (`to_be_signed`, Base64) with which `scheme`, to give
     * back to {@see signFinish()} unchanged. Options: `at`, `reason`,
     * `location`, `chain`, `pss`, `digest`.
     *
     * @return array<string, mixed>
     */
    public static function signPrepare(string|Stringable $pdf, string|Stringable $certificate, mixed ...$options): array
    {
        return Library::call(
            'sign_prepare',
            self::path($pdf, 'pdf'),
            self::path($certificate, 'certificate'),
            self::options($options),
        );
    }

    /**
     * The second step: writes to `$output` the PDF {@see signPrepare()}
     * prepared (`$prepared`, as it returned it, or its JSON text), signed with
     * the signature value `$signature` (bytes; ECDSA: DER): `{file, size, sha256}`.
     *
     * @param array<string, mixed>|string $prepared
     * @return array<string, mixed>
     */
    public static function signFinish(array|string $prepared, string $signature, string|Stringable $output): array
    {
        return Library::call(
            'sign_finish',
            is_string($prepared) ? Library::text($prepared, 'prepared') : Library::encode($prepared, 'prepared'),
            $signature,
            strlen($signature),
            self::path($output, 'output'),
        );
    }

    /**
     * Writes to `$output` the status package (code `$status`, `"03"` or 3,
     * from the agency `$fromAgency`) answering the document package at
     * `$path`, unless the workflow's rules refuse it ({@see RefusedException}):
     * `{file, size, sha256, status}`. Options: `from_name`, `description`,
     * `at`, `rules`.
     *
     * @return array<string, mixed>
     */
    public static function reply(
        string|Stringable $path,
        string|int $status,
        string $fromAgency,
        string|Stringable $output,
        mixed ...$options,
    ): array {
        return Library::call(
            'reply',
            self::path($path, 'path'),
            is_int($status) ? sprintf('%02d', $status) : Library::text($status, 'status'),
            Library::text($fromAgency, 'from_agency'),
            self::path($output, 'output'),
            self::options($options),
        );
    }

    /**
     * Replays a workflow event log: its final state, violations and pending
     * deadlines. Options: `as_of`, `rules`, `next_day`, `same_day`,
     * `max_documents`.
     *
     * @return array<string, mixed>
     */
    public static function replay(string|Stringable $logPath, mixed ...$options): array
    {
        return Library::call('replay', self::path($logPath, 'log_path'), self::options($options));
    }

    /**
     * Checks an archival package, its ZIP or unpacked folder. Options:
     * `profile`, `at`.
     *
     * @return array<string, mixed>
     */
    public static function archiveCheck(string|Stringable $path, mixed ...$options): array
    {
        return Library::call('archive_check', self::path($path, 'path'), self::options($options));
    }

    /**
     * Writes the archival package the JSON specification at `$specPath`
     * describes to `$output`: `{file, size, sha256, objid, data_files}`.
     * Options: `dip`, `follow_links`.
     *
     * @return array<string, mixed>
     */
    public static function archivePack(string|Stringable $specPath, string|Stringable $output, mixed ...$options): array
    {
        return Library::call(
            'archive_pack',
            self::path($specPath, 'spec_path'),
            self::path($output, 'output'),
            self::options($options),
        );
    }

    /**
     * The retention, transfer due dates and disposal state of the record in
     * the JSON file `$recordPath` on the date `$at`. Option: `law` (2011 or
     * 2024; default: the law in force on `$at`).
     *
     * @return array<string, mixed>
     */
    public static function retention(
        string|Stringable $recordPath,
        string|DateTimeInterface $at,
        mixed ...$options,
    ): array {
        $law = 0;
        foreach (self::normalizedOptions($options) as $name => $value) {
            if ($name !== 'law' || !is_int($value)) {
                throw InvalidArgumentException::of(
                    "retention: unknown option {$name} (only law, an integer)",
                    "tham số {$name} không hợp lệ",
                );
            }
            $law = $value;
        }
        return Library::call(
            'retention',
            self::path($recordPath, 'record_path'),
            self::date($at, 'at'),
            Library::int32($law, 'law'),
        );
    }

    /**
     * A deadline from `$start`. Options: `working_days` or `rule` (`issue`,
     * `acknowledge`, `not-received`), `urgent`, `next_day`, `same_day`.
     *
     * @return array<string, mixed>
     */
    public static function due(string|DateTimeInterface $start, mixed ...$options): array
    {
        return Library::call('due', self::time($start, 'start'), self::options($options));
    }

    /**
     * The lunar date of a solar date (`YYYY-MM-DD`, `D/M/YYYY` or a date).
     *
     * @return array<string, mixed>
     */
    public static function lunar(string|DateTimeInterface $date): array
    {
        return Library::call('lunar', self::date($date, 'date'));
    }

    /**
     * The solar date of the lunar date `$lunar` (`D/M/YYYY`; `$leap`: in the
     * leap month); {@see NoSuchDateException} when that year has no such day.
     *
     * @return array<string, mixed>
     */
    public static function lunarToSolar(string $lunar, bool $leap = false): array
    {
        return Library::call('lunar_to_solar', Library::text($lunar, 'lunar'), $leap);
    }

    /**
     * A year's days off and working days (1900–2100).
     *
     * @return array<string, mixed>
     */
    public static function calendar(int $year): array
    {
        return Library::call('calendar', Library::int32($year, 'year'));
    }

    /**
     * The empty office of the agency `$agency` working under the rules
     * `$rules` (`null`: national): {@see Office}.
     */
    public static function officeNew(string $agency, ?string $rules = null): Office
    {
        return new Office($agency, $rules);
    }

    /**
     * Applies one event to the office: the effects (what the system must do
     * next). {@see Office::apply()}.
     *
     * @param array<string, mixed>|string $event
     * @return list<array<string, mixed>>
     */
    public static function officeApply(Office $office, array|string $event): array
    {
        return $office->apply($event);
    }

    /**
     * The office's state. {@see Office::snapshot()}.
     *
     * @return array<string, mixed>
     */
    public static function officeSnapshot(Office $office): array
    {
        return $office->snapshot();
    }

    /**
     * The options as vanthu's JSON object, or null for none.
     *
     * @param array<int|string, mixed> $options
     */
    private static function options(array $options): ?string
    {
        $options = self::normalizedOptions($options);
        return $options === [] ? null : Library::encode($options, 'options');
    }

    /**
     * The options with snake_case names, times as strings and the options that
     * take paths as lists.
     *
     * @param array<int|string, mixed> $options
     * @return array<string, mixed>
     */
    private static function normalizedOptions(array $options): array
    {
        $normalized = [];
        foreach ($options as $name => $value) {
            if (is_int($name)) {
                throw InvalidArgumentException::of(
                    'options are named arguments (at: …), not positional ones',
                    'tùy chọn phải được đặt tên (at: …)',
                );
            }
            $name = strtolower((string) preg_replace('/(?<!^)[A-Z]/', '_$0', $name));
            if (in_array($name, self::LISTS, true)) {
                $value = is_iterable($value) ? self::paths($value, $name) : [self::path($value, $name)];
            } elseif ($value instanceof DateTimeInterface) {
                $value = $value->format(DATE_RFC3339);
            } elseif ($value instanceof Stringable) {
                $value = (string) $value;
            }
            $normalized[$name] = $value;
        }
        return $normalized;
    }

    private static function path(mixed $path, string $name): string
    {
        if (!is_string($path) && !$path instanceof Stringable) {
            throw InvalidArgumentException::of(
                "{$name}: a path is a string, not " . get_debug_type($path),
                "tham số {$name} không hợp lệ",
            );
        }
        return Library::text((string) $path, $name);
    }

    /**
     * @param iterable<mixed> $paths
     * @return list<string>
     */
    private static function paths(iterable $paths, string $name): array
    {
        $list = [];
        foreach ($paths as $path) {
            $list[] = self::path($path, $name);
        }
        return $list;
    }

    private static function time(string|DateTimeInterface $time, string $name): string
    {
        return $time instanceof DateTimeInterface ? $time->format(DATE_RFC3339) : Library::text($time, $name);
    }

    private static function date(string|DateTimeInterface $date, string $name): string
    {
        return $date instanceof DateTimeInterface ? $date->format('Y-m-d') : Library::text($date, $name);
    }
}
