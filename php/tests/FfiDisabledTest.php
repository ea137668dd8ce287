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

    public function testFfiEnableZeroNamesSetting(): void
    {
        [$exitCode, $output] = self::runPhp(['-d', 'ffi.enable=0']);

        $this->assertSame(3, $exitCode, $output);
        $this->assertStringContainsString('ffi.enable=true', $output);
        $this->assertStringContainsString('opcache.preload', $output);
    }

    public function testPreloadUnderWebSapiNamesSetting(): void
    {
        // php-cgi is rarely installed, so this runs the CLI with the same
        // restriction: ffi.enable=preload allows FFI only in preloaded code
        // there, and a preloaded scope is absent here.
        [$exitCode, $output] = self::runPhp(['-d', 'ffi.enable=0', '-d', 'opcache.enable_cli=0']);

        $this->assertSame(3, $exitCode, $output);
        $this->assertStringContainsString('PHP-FPM', $output);
    }

    public function testMissingExtensionNamesExtension(): void
    {
        // -n skips every ini file, so the FFI extension is not loaded.
        [$exitCode, $output] = self::runPhp(['-n']);

        $this->assertSame(3, $exitCode, $output);
        $this->assertStringContainsString('extension=ffi', $output);
    }

    /**
     * @param list<string> $phpOptions
     * @return array{int, string}
     */
    private static function runPhp(array $phpOptions): array
    {
        $command = array_merge([PHP_BINARY], $phpOptions, ['-r', self::SCRIPT]);
        $environment = getenv() + ['RTF_AUTOLOAD' => dirname(__DIR__) . '/autoload.php'];
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $environment);
        $output = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        return [proc_close($process), $output];
    }
}
