<?php

declare(strict_types=1);

namespace Vanthu\Tests;

use PHPUnit\Framework\TestCase;
use Vanthu\Vanthu;

/**
 * Every call gives what the CLI prints with `--json`: real packages read and
 * checked, a signed PDF verified, a 03 reply built, a workflow log replayed,
 * an archival package packed and checked, the calendar. Equality of the whole
 * values, decoded the same way.
 */
final class CliParityTest extends TestCase
{
    public function testVersionAndRules(): void
    {
        [$code, $out] = Cli::run(['--version']);
        self::assertSame(0, $code);
        self::assertSame(trim(substr($out, strrpos(trim($out), ' '))), Vanthu::version());
        self::assertSame(Cli::json(['rules']), Vanthu::rules());
    }

    public function testIdentify(): void
    {
        foreach (['000.00.15.H47', '182/QĐ-LĐTBXH', '000.00.15.H47,2025/06/02,182/QĐ-LĐTBXH', 'nonsense'] as $text) {
            self::assertSame(Cli::json(['id', $text])[0], Vanthu::identify($text), $text);
        }
    }

    public function testCheckRealPackages(): void
    {
        $packages = glob(Cli::fixtures() . '/vpcp-samples/*.edxml');
        self::assertNotEmpty($packages);
        foreach ($packages as $package) {
            self::assertSame(
                Cli::json(['check', $package, '--at', Cli::AT], [0, 1, 2]),
                Vanthu::check($package, at: Cli::AT),
                $package,
            );
        }
    }

    public function testCheckFolderWithTrustStrictAndProfile(): void
    {
        $demo = Cli::demo();
        $trust = "{$demo}/pki/root.cer";
        $ours = Vanthu::check($demo, trust: $trust, at: Cli::AT, jobs: 2);
        self::assertSame(Cli::json(['check', $demo, '--trust', $trust, '--at', Cli::AT]), $ours);
        self::assertCount(20, $ours);
        $package = Cli::sample('edoc_new.edxml');
        self::assertSame(
            Cli::json(['check', $package, '--at', Cli::AT, '--strict']),
            Vanthu::check(new \SplFileInfo($package), at: new \DateTimeImmutable(Cli::AT), strict: true),
        );
        $sip = glob("{$demo}/unit1/archive/*.zip")[0];
        self::assertSame(
            Cli::json(['check', $sip, '--at', Cli::AT]),
            Vanthu::check($sip, ...['at' => Cli::AT, 'profile' => 'tt05']),
        );
    }

    public function testCheckBytesIsCheckOfTheFile(): void
    {
        $demo = Cli::demo();
        $trust = "{$demo}/pki/root.cer";
        foreach ([Cli::sample('edoc_new.edxml'), "{$demo}/sender/182-QD-LDTBXH.signed.pdf"] as $file) {
            $theirs = Cli::json(['check', $file, '--trust', $trust, '--at', Cli::AT]);
            self::assertSame($theirs[0], Vanthu::checkBytes($file, file_get_contents($file), trust: [$trust], at: Cli::AT));
        }
    }

    public function testInspectAndModel(): void
    {
        foreach (['edoc_new.edxml', 'edoc_revocation.edxml', 'status_acceptance_03.edxml'] as $name) {
            $package = Cli::sample($name);
            self::assertSame(Cli::json(['inspect', $package]), Vanthu::inspect($package), $name);
            [$code, $out, $err] = Cli::run(['inspect', '--model', $package]);
            self::assertSame(0, $code, $err);
            self::assertSame(json_decode($out, true, 512, JSON_THROW_ON_ERROR), Vanthu::model($package), $name);
        }
    }

    public function testNormalize(): void
    {
        $out = Cli::scratch('normalize');
        foreach (['generated_vnpt_edxml102.edxml', 'edoc_update.edxml'] as $name) {
            $ours = Vanthu::normalize(Cli::sample($name), "{$out}/ours-{$name}");
            $theirs = Cli::json(['normalize', Cli::sample($name), '--output', "{$out}/theirs-{$name}"]);
            self::assertSame(file_get_contents("{$out}/theirs-{$name}"), file_get_contents("{$out}/ours-{$name}"));
            self::assertSame("{$out}/ours-{$name}", $ours['file']);
            self::assertSame($theirs, array_replace($ours, ['file' => $theirs['file']]));
        }
    }

    public function testExtract(): void
    {
        $out = Cli::scratch('extract');
        $cases = [
            [Cli::sample('edoc_new.edxml'), ['--unzip'], ['unzip' => true]],
            [Cli::demo() . '/unit1/received/182-QD-LDTBXH.edxml', [], []],
        ];
        foreach ($cases as $i => [$package, $flags, $options]) {
            $ours = Vanthu::extract($package, "{$out}/ours{$i}", ...$options);
            $theirs = Cli::json(['extract', $package, '--output', "{$out}/theirs{$i}", ...$flags]);
            self::assertNotEmpty($ours);
            self::assertCount(count($theirs), $ours);
            foreach ($ours as $j => $attachment) {
                self::assertSame(file_get_contents($theirs[$j]['file']), file_get_contents($attachment['file']));
                self::assertSame($theirs[$j], array_replace($attachment, ['file' => $theirs[$j]['file']]));
            }
        }
    }

    public function testWriteBackARealPackage(): void
    {
        $out = Cli::scratch('write');
        foreach (['edoc_new.edxml', 'generated_vnpt_edxml102.edxml', 'status_acceptance_03.edxml'] as $name) {
            $package = Cli::sample($name);
            $model = Vanthu::model($package);
            $files = $model['kind'] === 'document'
                ? array_column(Vanthu::extract($package, "{$out}/{$name}-files"), 'file')
                : [];
            // The model as an array and as JSON text: the same package, normalize's bytes.
            $written = Vanthu::write($model, $files, "{$out}/{$name}");
            $again = Vanthu::write(json_encode($model, JSON_THROW_ON_ERROR), $files, "{$out}/{$name}.again");
            $normalized = Vanthu::normalize($package, "{$out}/{$name}.normalized");
            self::assertSame($normalized['sha256'], $written['sha256'], $name);
            self::assertSame($written['sha256'], $again['sha256']);
            self::assertSame($model, Vanthu::model("{$out}/{$name}"));
            file_put_contents("{$out}/{$name}.json", json_encode($model, JSON_THROW_ON_ERROR));
            $theirs = Cli::json(['write', "{$out}/{$name}.json", ...$files, '-o', "{$out}/{$name}.cli"], [0]);
            self::assertSame($theirs, array_replace($written, ['file' => $theirs['file']]));
        }
    }

    public function testVerifyPdf(): void
    {
        $demo = Cli::demo();
        $trust = "{$demo}/pki/root.cer";
        $pdfs = glob("{$demo}/sender/*.signed.pdf");
        self::assertCount(2, $pdfs);
        foreach ($pdfs as $pdf) {
            $ours = Vanthu::verifyPdf($pdf, $trust, at: Cli::AT);
            self::assertSame(Cli::json(['verify', $pdf, '--trust', $trust, '--at', Cli::AT]), $ours);
            self::assertSame('original', $ours['legal_value']);
        }
        self::assertSame(
            Cli::json(['verify', $pdfs[0], '--trust', $trust, '--at', Cli::AT, '--attachment']),
            Vanthu::verifyPdf($pdfs[0], [$trust], at: Cli::AT, attachment: true),
        );
    }

    public function testReply03(): void
    {
        $out = Cli::scratch('reply');
        $package = Cli::demo() . '/unit1/received/182-QD-LDTBXH.edxml';
        $ours = Vanthu::reply($package, '03', '000.01.15.H47', "{$out}/ours.edxml", at: Cli::AT);
        $theirs = Cli::json(['reply', $package, '--status', '03', '--from', '000.01.15.H47',
            '--output', "{$out}/theirs.edxml", '--at', Cli::AT]);
        self::assertSame(file_get_contents("{$out}/theirs.edxml"), file_get_contents("{$out}/ours.edxml"));
        self::assertSame("{$out}/ours.edxml", $ours['file']);
        self::assertSame($theirs, array_replace($ours, ['file' => $theirs['file']]));
        // An integer status code and a description.
        $again = Vanthu::reply($package, 3, '000.01.15.H47', "{$out}/again.edxml", at: Cli::AT, description: 'Đã tiếp nhận');
        $theirs = Cli::json(['reply', $package, '--status', '03', '--from', '000.01.15.H47',
            '--output', "{$out}/again-cli.edxml", '--at', Cli::AT, '--description', 'Đã tiếp nhận']);
        self::assertSame($theirs['sha256'], $again['sha256']);
    }

    public function testReplay(): void
    {
        $logs = glob(Cli::demo() . '/*/events.json');
        self::assertCount(3, $logs);
        foreach ($logs as $log) {
            self::assertSame(Cli::json(['replay', $log]), Vanthu::replay($log), $log);
            $asOf = '2025-07-01T08:00:00+07:00';
            self::assertSame(Cli::json(['replay', $log, '--as-of', $asOf]), Vanthu::replay($log, asOf: $asOf));
        }
    }

    public function testArchivePackAndCheck(): void
    {
        $out = Cli::scratch('archive');
        $spec = Cli::root() . '/archive/tests/vectors/sip-hoso/spec.json';
        $ours = Vanthu::archivePack($spec, "{$out}/ours.zip");
        $theirs = Cli::json(['archive', 'pack', $spec, '--output', "{$out}/theirs.zip"]);
        self::assertSame(['file', 'size', 'sha256', 'objid', 'data_files'], array_keys($ours));
        self::assertSame(array_keys($theirs), array_keys($ours));
        self::assertSame($theirs['data_files'], $ours['data_files']);
        foreach (["{$out}/ours.zip", glob(Cli::demo() . '/unit1/archive/*.zip')[0]] as $zip) {
            $check = Vanthu::archiveCheck($zip, at: '2026-06-05');
            self::assertSame(Cli::json(['archive', 'check', $zip, '--at', '2026-06-05']), $check);
            self::assertTrue($check['conformant']);
            self::assertSame(
                Cli::json(['archive', 'check', $zip, '--at', '2026-06-05', '--profile', 'csip']),
                Vanthu::archiveCheck($zip, at: '2026-06-05', profile: 'csip'),
            );
        }
    }

    public function testRetention(): void
    {
        $record = Cli::root() . '/archive/tests/vectors/record.json';
        self::assertSame(Cli::json(['retention', $record, '--at', '2030-01-01']), Vanthu::retention($record, '2030-01-01'));
        self::assertSame(
            Cli::json(['retention', $record, '--at', '2030-01-01', '--law', '2011']),
            Vanthu::retention($record, new \DateTimeImmutable('2030-01-01'), law: 2011),
        );
    }

    public function testCalendarAndDeadlines(): void
    {
        self::assertSame(Cli::json(['calendar', '2025']), Vanthu::calendar(2025));
        self::assertSame(Cli::json(['lunar', '2025-01-29']), Vanthu::lunar('2025-01-29'));
        self::assertSame(Cli::json(['lunar', '2025-01-29']), Vanthu::lunar(new \DateTimeImmutable('2025-01-29')));
        self::assertSame(Cli::json(['lunar', '--to-solar', '1/1/2025']), Vanthu::lunarToSolar('1/1/2025'));
        $start = '2025-04-28T10:00:00+07:00';
        self::assertSame(
            Cli::json(['due', '--from', $start, '--working-days', '3']),
            Vanthu::due($start, working_days: 3),
        );
        self::assertSame(Cli::json(['due', '--from', $start, '--rule', 'issue']), Vanthu::due($start, rule: 'issue'));
        self::assertSame(
            Cli::json(['due', '--from', '2025-06-06T16:00', '--rule', 'issue', '--next-day', 'morning']),
            Vanthu::due('2025-06-06T16:00', rule: 'issue', nextDay: 'morning'),
        );
    }

    public function testTextCheckAndFix(): void
    {
        $out = Cli::scratch('text');
        file_put_contents("{$out}/text.txt", "Ho\u{0300}a Bi\u{0300}nh");
        self::assertSame(Cli::json(['text', 'check', "{$out}/text.txt"]), Vanthu::textCheck("{$out}/text.txt"));
        // `vanthu text fix` prints the text itself, and its note on standard error.
        $legacy = mb_convert_encoding('Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Windows-1252', 'UTF-8');
        file_put_contents("{$out}/tcvn3.txt", $legacy);
        [$code, $text, $note] = Cli::run(['text', 'fix', "{$out}/tcvn3.txt"]);
        self::assertSame(0, $code);
        $fixed = Vanthu::textFix($legacy);
        self::assertSame($text, $fixed['text']);
        self::assertStringContainsString($fixed['note'], $note);
        self::assertSame(['tcvn3', 'Cộng hoà xã hội chủ nghĩa Việt Nam'], [$fixed['encoding'], $fixed['text']]);
        self::assertSame($text, Vanthu::textFix($legacy, from: 'tcvn3')['text']);
    }

    public function testSignInTwoStepsWithPhpOpenssl(): void
    {
        $demo = Cli::demo();
        $out = Cli::scratch('sign');
        $prepared = Vanthu::signPrepare(
            "{$demo}/sender/183-LDTBXH-VP.signed.pdf",
            "{$demo}/pki/agency.cer",
            at: '2025-06-05T09:00:00+07:00',
            reason: 'Phát hành',
        );
        self::assertSame(['ecdsa', 'sha256'], [$prepared['scheme'], $prepared['digest_algorithm']]);
        $toBeSigned = base64_decode($prepared['to_be_signed'], true);
        self::assertSame($prepared['digest'], hash('sha256', $toBeSigned));
        // PHP's openssl extension stands in for the USB token.
        $der = file_get_contents("{$demo}/pki/agency.TEST-ONLY-private-key.der");
        $key = "-----BEGIN PRIVATE KEY-----\n" . chunk_split(base64_encode($der), 64, "\n") . "-----END PRIVATE KEY-----\n";
        self::assertTrue(openssl_sign($toBeSigned, $signature, $key, OPENSSL_ALGO_SHA256));
        $written = Vanthu::signFinish($prepared, $signature, "{$out}/signed.pdf");
        self::assertSame(hash_file('sha256', "{$out}/signed.pdf"), $written['sha256']);
        $trust = "{$demo}/pki/root.cer";
        $report = Vanthu::verifyPdf("{$out}/signed.pdf", $trust, at: '2025-06-05T12:00:00+07:00');
        self::assertSame(
            Cli::json(['verify', "{$out}/signed.pdf", '--trust', $trust, '--at', '2025-06-05T12:00:00+07:00']),
            $report,
        );
        self::assertSame(3, substr_count(json_encode($report, JSON_THROW_ON_ERROR), '"indication":"TOTAL_PASSED"'));
        // The prepared value as JSON text is taken back too.
        $again = Vanthu::signFinish(json_encode($prepared, JSON_THROW_ON_ERROR), $signature, "{$out}/again.pdf");
        self::assertSame($written['sha256'], $again['sha256']);
    }
}
