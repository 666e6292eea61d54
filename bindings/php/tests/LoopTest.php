<?php

declare(strict_types=1);

namespace Vanthu\Tests;

use PHPUnit\Framework\TestCase;
use Vanthu\Office;
use Vanthu\UnreadableException;
use Vanthu\Vanthu;

/**
 * Nothing leaks or crashes under a loop of calls: VANTHU_LOOP_CALLS calls
 * (default 1000; benches/bindings.sh runs 10,000), in turn a real package read
 * and checked, a bad input caught as an exception with code 3, and an office
 * created, used and freed (by `close()`, or by its destructor every other
 * time), as the other bindings' loops do. The resident memory may not grow by
 * more than 16 MiB from the first tenth of the loop to its end. Prints the line
 * the bench collects.
 */
final class LoopTest extends TestCase
{
    private const BOUND_KIB = 16 * 1024;

    private static function rssKib(): int
    {
        $status = file_get_contents('/proc/self/status');
        self::assertSame(1, preg_match('/^VmRSS:\s+(\d+) kB/m', (string) $status, $m), 'no VmRSS in /proc/self/status');
        return (int) $m[1];
    }

    public function testALoopOfCallsLeaksNothing(): void
    {
        $calls = (int) (getenv('VANTHU_LOOP_CALLS') ?: 1000);
        self::assertGreaterThanOrEqual(10, $calls);
        $package = Cli::sample('status_acceptance_03.edxml');
        $notAPackage = Cli::scratch('loop') . '/not-a-package.edxml';
        file_put_contents($notAPackage, "%PDF-1.7\nnot an edXML package\n");
        $event = [
            'at' => '2025-01-01T07:00:00+07:00',
            'type' => 'actor_added',
            'actor' => ['id' => 'vanthu-vp', 'name' => 'Hoàng Thị Em', 'unit' => null, 'roles' => ['clerk'], 'disabled_at' => null],
        ];
        $warm = max(1, intdiv($calls, 10));
        $start = hrtime(true);
        $before = 0;
        for ($i = 0; $i < $calls; $i++) {
            if ($i === $warm) {
                $before = self::rssKib();
            }
            $step = $i % 3;
            if ($step === 0) {
                self::assertSame('status', Vanthu::inspect($package)['kind']);
                self::assertCount(1, Vanthu::check($package, at: Cli::AT));
            } elseif ($step === 1) {
                try {
                    Vanthu::inspect($notAPackage);
                    self::fail('not a package, read');
                } catch (UnreadableException $e) {
                    self::assertSame(3, $e->getCode());
                }
            } else {
                $office = new Office('000.01.15.H47');
                $office->apply($event);
                self::assertCount(1, $office->snapshot()['directory']['actors']);
                if ($i % 2 === 0) {
                    $office->close();
                }
                unset($office);
            }
        }
        $seconds = (hrtime(true) - $start) / 1e9;
        $after = self::rssKib();
        fwrite(STDOUT, sprintf("\nloop php: %d calls in %.2f s, rss %d KiB -> %d KiB\n", $calls, $seconds, $before, $after));
        self::assertLessThanOrEqual(self::BOUND_KIB, $after - $before, "resident memory grew by more than 16 MiB");
    }
}
