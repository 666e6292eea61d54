<?php

declare(strict_types=1);

namespace Vanthu\Tests;

use PHPUnit\Framework\TestCase;
use Vanthu;
use Vanthu\Vanthu as V;

/**
 * Errors are exceptions of the kind's class, a {@see Vanthu\Exception}, with the
 * stable code, the kind, both messages, and the rule and location when vanthu
 * knows them; one case per code.
 */
final class ErrorsTest extends TestCase
{
    /**
     * @param class-string<Vanthu\Exception> $class
     */
    private static function caught(callable $call, string $class, int $code, string $kind): Vanthu\Exception
    {
        try {
            $call();
        } catch (Vanthu\Exception $e) {
            self::assertInstanceOf($class, $e, $e->getMessage());
            self::assertSame([$code, $kind], [$e->getCode(), $e->kind()], $e->getMessage());
            self::assertNotSame('', $e->getMessage());
            self::assertNotSame('', $e->messageVi());
            self::assertNotSame($e->getMessage(), $e->messageVi());
            return $e;
        }
        self::fail("no {$class} thrown");
    }

    public function testInvalidArgument(): void
    {
        foreach ([
            static fn () => V::lunar('2025-13-01'),
            static fn () => V::calendar(1800),
            static fn () => V::due('yesterday', working_days: 3),
            static fn () => V::due('2025-04-28T10:00:00+07:00', rule: 'whenever'),
            static fn () => new Vanthu\Office('not an agency id'),
            static fn () => V::check(Cli::sample('status.edxml'), at: Cli::AT, colour: 'blue'),
            static fn () => V::reply(Cli::demo() . '/unit1/received/182-QD-LDTBXH.edxml', '99', '000.01.15.H47', Cli::scratch('r') . '/x.edxml'),
        ] as $call) {
            $e = self::caught($call, Vanthu\InvalidArgumentException::class, 1, 'invalid_argument');
            self::assertNull($e->rule());
        }
        $e = self::caught(
            static fn () => V::check(Cli::sample('status.edxml'), colour: 'blue'),
            Vanthu\InvalidArgumentException::class,
            1,
            'invalid_argument',
        );
        self::assertStringContainsString('colour', $e->getMessage());
    }

    public function testAJsonErrorHasItsLocation(): void
    {
        $e = self::caught(
            static fn () => V::write("{\"kind\": \"document\",\n \"header\": 3}", [], Cli::scratch('w') . '/x.edxml'),
            Vanthu\InvalidArgumentException::class,
            1,
            'invalid_argument',
        );
        self::assertSame(2, $e->location()['line']);
        self::assertArrayHasKey('column', $e->location());
    }

    public function testTheBindingsOwnArgumentChecks(): void
    {
        // A NUL byte would cut a C string short: refused before the call.
        $e = self::caught(static fn () => V::inspect("a\0b.edxml"), Vanthu\InvalidArgumentException::class, 1, 'invalid_argument');
        self::assertStringContainsString('NUL', $e->getMessage());
        self::caught(static fn () => V::check('.', 'positional'), Vanthu\InvalidArgumentException::class, 1, 'invalid_argument');
        self::caught(static fn () => V::verifyPdf('x.pdf', [42]), Vanthu\InvalidArgumentException::class, 1, 'invalid_argument');
        self::caught(static fn () => V::retention('r.json', '2030-01-01', law: '2011'), Vanthu\InvalidArgumentException::class, 1, 'invalid_argument');
        // An integer C would wrap into a year or a law vanthu takes.
        self::caught(static fn () => V::calendar(2 ** 32 + 2025), Vanthu\InvalidArgumentException::class, 1, 'invalid_argument');
        self::caught(static fn () => V::retention('r.json', '2030-01-01', law: 2 ** 32 + 2011), Vanthu\InvalidArgumentException::class, 1, 'invalid_argument');
        // Not UTF-8: vanthu's own check.
        self::caught(static fn () => V::lunar("2025-01-\xff"), Vanthu\InvalidArgumentException::class, 1, 'invalid_argument');
    }

    public function testIo(): void
    {
        $missing = Cli::scratch('io') . '/missing.edxml';
        $e = self::caught(static fn () => V::inspect($missing), Vanthu\IoException::class, 2, 'io');
        self::assertStringContainsString($missing, $e->getMessage());
        self::assertNull($e->rule());
        self::assertNull($e->location());
    }

    public function testUnreadable(): void
    {
        $e = self::caught(
            static fn () => V::inspect(Cli::demo() . '/sender/182-QD-LDTBXH.signed.pdf'),
            Vanthu\UnreadableException::class,
            3,
            'unreadable',
        );
        self::assertStringContainsString('PDF', $e->getMessage());
        // Past the limit nothing is left written.
        $small = Cli::scratch('small');
        self::caught(
            static fn () => V::extract(Cli::sample('edoc_new.edxml'), $small, max_bytes: 1000),
            Vanthu\UnreadableException::class,
            3,
            'unreadable',
        );
        self::assertSame(['.', '..'], scandir($small));
    }

    public function testRefusedNamesItsRuleAndLocation(): void
    {
        $doctype = Cli::scratch('doctype') . '/doctype.edxml';
        file_put_contents($doctype, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<edXMLEnvelope/>");
        $e = self::caught(static fn () => V::inspect($doctype), Vanthu\RefusedException::class, 4, 'refused');
        self::assertSame('EDXML-XML-010', $e->rule());
        self::assertSame(['offset' => 22, 'line' => 2, 'column' => 1, 'path' => null], $e->location());
        self::assertSame(
            ['code' => 4, 'kind' => 'refused', 'message' => $e->getMessage(), 'message_vi' => $e->messageVi(),
                'rule' => 'EDXML-XML-010', 'location' => $e->location()],
            $e->toArray(),
        );
        // A 03 reply from the sender itself: the workflow would not send it; nothing written.
        $out = Cli::scratch('refused') . '/refused.edxml';
        $e = self::caught(
            static fn () => V::reply(Cli::sample('edoc_new.edxml'), '03', '000.00.00.A80', $out),
            Vanthu\RefusedException::class,
            4,
            'refused',
        );
        self::assertNotNull($e->rule());
        self::assertFileDoesNotExist($out);
    }

    public function testTrust(): void
    {
        $bad = Cli::scratch('trust') . '/bad.cer';
        file_put_contents($bad, 'not a certificate');
        self::caught(
            static fn () => V::verifyPdf(Cli::demo() . '/sender/182-QD-LDTBXH.signed.pdf', $bad, at: Cli::AT),
            Vanthu\TrustException::class,
            5,
            'trust',
        );
    }

    public function testNothingToCheck(): void
    {
        $folder = Cli::scratch('empty');
        file_put_contents("{$folder}/notes.txt", 'nothing here');
        self::caught(static fn () => V::check($folder, at: Cli::AT), Vanthu\NothingToCheckException::class, 6, 'nothing_to_check');
    }

    public function testAnUnreadableFileIsAReportNotAnError(): void
    {
        $junk = Cli::scratch('junk') . '/junk.edxml';
        file_put_contents($junk, "<?xml version='1.0'?><edXMLEnvelope");
        [$report] = V::check($junk, at: Cli::AT);
        self::assertFalse($report['conformant']);
        self::assertStringStartsWith('EDXML-E-', $report['error']['code']);
    }

    public function testNoSuchDate(): void
    {
        self::caught(static fn () => V::lunarToSolar('30/1/2025', true), Vanthu\NoSuchDateException::class, 7, 'no_such_date');
    }

    public function testUnknownEncoding(): void
    {
        self::caught(static fn () => V::textFix("\xff\xfe\x00A"), Vanthu\UnknownEncodingException::class, 8, 'unknown_encoding');
    }

    public function testSigning(): void
    {
        $demo = Cli::demo();
        // The certificate is not valid in 2040.
        self::caught(
            static fn () => V::signPrepare("{$demo}/sender/182-QD-LDTBXH.signed.pdf", "{$demo}/pki/agency.cer", at: '2040-01-01'),
            Vanthu\SigningException::class,
            9,
            'signing',
        );
        // A signature value that is not the certificate's key's: refused, nothing written.
        $prepared = V::signPrepare("{$demo}/sender/182-QD-LDTBXH.signed.pdf", "{$demo}/pki/agency.cer", at: Cli::AT);
        $out = Cli::scratch('forged') . '/forged.pdf';
        self::caught(
            static fn () => V::signFinish($prepared, "\x30\x06\x02\x01\x01\x02\x01\x01", $out),
            Vanthu\SigningException::class,
            9,
            'signing',
        );
        self::assertFileDoesNotExist($out);
    }

    public function testEveryKindHasItsClass(): void
    {
        $kinds = [1 => 'InvalidArgument', 2 => 'Io', 3 => 'Unreadable', 4 => 'Refused', 5 => 'Trust',
            6 => 'NothingToCheck', 7 => 'NoSuchDate', 8 => 'UnknownEncoding', 9 => 'Signing', 99 => 'Internal'];
        foreach ($kinds as $code => $name) {
            $e = Vanthu\Exception::fromArray(['code' => $code, 'kind' => 'k', 'message' => 'm', 'message_vi' => 'v']);
            self::assertSame("Vanthu\\{$name}Exception", $e::class);
            self::assertInstanceOf(\RuntimeException::class, $e);
        }
    }
}
