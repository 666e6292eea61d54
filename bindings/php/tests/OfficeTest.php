<?php

declare(strict_types=1);

namespace Vanthu\Tests;

use PHPUnit\Framework\TestCase;
use Vanthu\InvalidArgumentException;
use Vanthu\Office;
use Vanthu\RefusedException;
use Vanthu\Vanthu;

/**
 * The office handle: a log applied event by event gives the state `replay`
 * gives; a refused event changes nothing; `close()` frees it once.
 */
final class OfficeTest extends TestCase
{
    public function testAnOfficeReplaysALogEventByEvent(): void
    {
        foreach (glob(Cli::demo() . '/*/events.json') as $path) {
            $log = json_decode(file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);
            $replayed = Vanthu::replay($path);
            $office = new Office($log['agency']);
            $effects = 0;
            foreach ($log['events'] as $i => $event) {
                // Arrays and JSON text, alternately.
                $done = $i % 2 === 0 ? $office->apply($event) : $office->apply(json_encode($event, JSON_THROW_ON_ERROR));
                self::assertTrue(array_is_list($done));
                $effects += count($done);
            }
            self::assertSame($replayed['state'], $office->snapshot(), $path);
            self::assertGreaterThan(0, $effects);
            $office->close();
        }
    }

    public function testTheStaticCallsAreTheMethods(): void
    {
        $path = Cli::demo() . '/sender/events.json';
        $log = json_decode(file_get_contents($path), true, 512, JSON_THROW_ON_ERROR);
        $office = Vanthu::officeNew($log['agency']);
        foreach ($log['events'] as $event) {
            Vanthu::officeApply($office, $event);
        }
        self::assertSame(Vanthu::replay($path)['state'], Vanthu::officeSnapshot($office));
    }

    public function testARefusedEventChangesNothing(): void
    {
        $office = new Office('000.00.15.H47', rules: 'ho-chi-minh-city');
        $before = $office->snapshot();
        try {
            // Nobody can be disabled before any actor exists.
            $office->apply(['at' => '2025-03-03T07:00:00+07:00', 'type' => 'actor_disabled', 'actor' => 'nobody']);
            self::fail('refused');
        } catch (RefusedException $e) {
            self::assertSame(4, $e->getCode());
            self::assertNotNull($e->rule());
            self::assertStringContainsString($e->rule(), $e->messageVi());
        }
        self::assertSame($before, $office->snapshot());
        self::assertSame((new Office('000.00.15.H47', 'ho-chi-minh-city'))->snapshot(), $before);
        // The city's rules are not the national ones.
        self::assertNotSame((new Office('000.00.15.H47'))->snapshot(), $before);
        $this->expectException(InvalidArgumentException::class);
        $office->apply('{not json');
    }

    public function testUnknownRulesAreRefused(): void
    {
        $this->expectException(InvalidArgumentException::class);
        new Office('000.00.15.H47', 'atlantis');
    }

    public function testCloseFreesOnce(): void
    {
        $office = new Office('000.00.15.H47');
        self::assertFalse($office->isClosed());
        $office->close();
        $office->close();
        self::assertTrue($office->isClosed());
        try {
            $office->snapshot();
            self::fail('closed');
        } catch (InvalidArgumentException $e) {
            self::assertSame([1, 'invalid_argument'], [$e->getCode(), $e->kind()]);
            self::assertStringContainsString('closed', $e->getMessage());
        }
        $this->expectException(\Error::class);
        $copy = clone new Office('000.00.15.H47');
    }
}
