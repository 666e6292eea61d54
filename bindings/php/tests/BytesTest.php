<?php

declare(strict_types=1);

namespace Vanthu\Tests;

use PHPUnit\Framework\TestCase;
use Vanthu\Vanthu;

/**
 * Bytes are PHP strings, binary-safe: `checkBytes` gives the report of the same
 * bytes checked as a file, `textFix` converts legacy bytes that are not UTF-8,
 * as `vanthu text fix` does.
 */
final class BytesTest extends TestCase
{
    public function testCheckBytesOfEveryRealPackageAndAPdf(): void
    {
        $files = [...glob(Cli::fixtures() . '/vpcp-samples/*.edxml'), Cli::demo() . '/sender/182-QD-LDTBXH.signed.pdf'];
        foreach ($files as $file) {
            $bytes = file_get_contents($file);
            self::assertSame(
                Cli::json(['check', $file, '--at', Cli::AT], [0, 1, 2])[0],
                Vanthu::checkBytes($file, $bytes, at: Cli::AT),
                $file,
            );
        }
    }

    public function testCheckBytesOfEmptyAndBinaryInput(): void
    {
        $folder = Cli::scratch('bytes');
        foreach (['empty.edxml' => '', 'nul.edxml' => "\0\0\0<edXMLEnvelope>\0", 'high.pdf' => "%PDF-1.7\n\xff\xfe\x00"] as $name => $bytes) {
            file_put_contents("{$folder}/{$name}", $bytes);
            $ours = Vanthu::checkBytes("{$folder}/{$name}", $bytes, at: Cli::AT);
            self::assertSame(Cli::json(['check', "{$folder}/{$name}", '--at', Cli::AT], [2])[0], $ours, $name);
            self::assertFalse($ours['conformant']);
        }
    }

    public function testTextFixOfLegacyAndUnicodeBytes(): void
    {
        $folder = Cli::scratch('text');
        $samples = [
            'tcvn3' => mb_convert_encoding('Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Windows-1252', 'UTF-8'),
            'vni' => mb_convert_encoding('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Windows-1252', 'UTF-8'),
            'nfc' => 'Cộng hoà xã hội chủ nghĩa Việt Nam',
            'nfd' => "Ho\u{0300}a Bi\u{0300}nh",
        ];
        foreach ($samples as $name => $bytes) {
            self::assertSame($name === 'tcvn3' || $name === 'vni', !mb_check_encoding($bytes, 'UTF-8'), $name);
            file_put_contents("{$folder}/{$name}.txt", $bytes);
            [$code, $text, $note] = Cli::run(['text', 'fix', "{$folder}/{$name}.txt"]);
            self::assertSame(0, $code, $note);
            $fixed = Vanthu::textFix($bytes);
            self::assertSame($text, $fixed['text'], $name);
            self::assertStringContainsString($fixed['note'], $note);
        }
        self::assertSame('Việt Nam', Vanthu::textFix(mb_convert_encoding('Vieät Nam', 'Windows-1252', 'UTF-8'), from: 'vni')['text']);
        self::assertSame(['text' => '', 'encoding' => 'unicode', 'action' => 'unchanged', 'note' => 'already Unicode'], Vanthu::textFix(''));
    }
}
