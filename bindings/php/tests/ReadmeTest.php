<?php

declare(strict_types=1);

namespace Vanthu\Tests;

use PHPUnit\Framework\TestCase;
use Vanthu\Vanthu;

/** The README's example runs as written, in a new PHP process, on the demo's package. */
final class ReadmeTest extends TestCase
{
    public function testTheReadmeExample(): void
    {
        $readme = file_get_contents(dirname(__DIR__) . '/README.md');
        self::assertSame(1, preg_match_all('/```php\n(.*?)```/s', $readme, $m));
        $code = $m[1][0];
        self::assertCount(5, array_filter(explode("\n", $code), static fn (string $l) => trim($l) !== ''));

        $folder = Cli::scratch('readme');
        $demo = Cli::demo();
        mkdir("{$folder}/inbox");
        mkdir("{$folder}/trust");
        copy("{$demo}/unit1/received/182-QD-LDTBXH.edxml", "{$folder}/inbox/182-QD-LDTBXH.edxml");
        copy("{$demo}/pki/root.cer", "{$folder}/trust/root.cer");
        // Composer's autoloader, as a user's project has it.
        mkdir("{$folder}/vendor");
        file_put_contents("{$folder}/vendor/autoload.php", '<?php require ' . var_export(__DIR__ . '/bootstrap.php', true) . ';');
        file_put_contents("{$folder}/example.php", "<?php\nrequire 'vendor/autoload.php';\n{$code}");

        [$code, $out, $err] = Cli::php('example.php', $folder);
        self::assertSame(0, $code, $err);
        self::assertSame("Về việc ban hành Quy chế tiếp nhận, xử lý văn bản điện tử: original\n", $out);
        $reply = Vanthu::inspect("{$folder}/status-03.edxml");
        self::assertSame('status', $reply['kind']);
        self::assertSame('03', $reply['status_code']);
    }
}
