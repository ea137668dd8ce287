<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use PHPUnit\Framework\TestCase;

/** The message a user gets when PHP cannot use FFI, checked in a child PHP process. */
final class FfiDisabledTest extends TestCase
{
    private const SCRIPT = <<<'PHP'
        require getenv('RTF_AUTOLOAD');
        try {
            new RealtimeFinance\Client(['api_key' => 'sk_test_000000000000000000000000', 'base_url' => 'http://127.0.0.1:1']);
        } catch (RealtimeFinance\Exception\ConfigurationException $error) {
            echo $error->getMessage();
            exit(3);
        }
        exit(0);
        PHP;

    private const VERSION_SCRIPT = <<<'PHP'
        require getenv('RTF_AUTOLOAD');
        echo RealtimeFinance\Client::version();
        PHP;

    public function testFfiEnableZeroNamesSetting(): void
    {
        [$exitCode, $output] = self::runPhp(['-d', 'ffi.enable=0', '-r', self::SCRIPT]);

        $this->assertSame(3, $exitCode, $output);
        $this->assertStringContainsString('ffi.enable=true', $output);
        $this->assertStringContainsString('ffi.preload', $output);
    }

    public function testFfiPreloadScopeIsUsed(): void
    {
        // With the library preloaded through ffi.preload, the SDK takes the
        // FFI scope and never looks at REALTIME_FINANCE_FFI_LIB, which points
        // nowhere here. Web SAPIs with ffi.enable=preload rely on this path.
        $header = dirname(__DIR__) . '/lib/realtime_finance.ffi.h';
        $this->assertFileExists($header, 'scripts/build.sh writes the ffi.preload header');

        [$exitCode, $output] = self::runPhp(
            ['-d', 'ffi.enable=preload', '-d', "ffi.preload={$header}", '-r', self::VERSION_SCRIPT],
            ['REALTIME_FINANCE_FFI_LIB' => '/nonexistent/librealtime_finance_ffi.so'],
        );

        $this->assertSame(0, $exitCode, $output);
        $this->assertMatchesRegularExpression('/^\d+\.\d+\.\d+/', $output);
    }

    public function testMissingExtensionNamesExtension(): void
    {
        // -n skips every ini file, so the FFI extension is not loaded.
        [$exitCode, $output] = self::runPhp(['-n', '-r', self::SCRIPT]);

        $this->assertSame(3, $exitCode, $output);
        $this->assertStringContainsString('extension=ffi', $output);
    }

    /**
     * @param list<string> $arguments PHP options and the -r script
     * @param array<string, string> $environment variables to set for the child
     * @return array{int, string}
     */
    private static function runPhp(array $arguments, array $environment = []): array
    {
        $command = array_merge([PHP_BINARY], $arguments);
        $environment += getenv() + ['RTF_AUTOLOAD' => dirname(__DIR__) . '/autoload.php'];
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $environment);
        $output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        return [proc_close($process), $output];
    }
}
